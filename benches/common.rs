//! Datasets shared by the benchmarks: the embedded report and a generated large one.

#![allow(dead_code)]

use std::path::PathBuf;

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// The generated dataset of `chapters` × `initiatives`, written once to `target/` and reused.
pub fn generated(chapters: usize, initiatives: usize) -> (PathBuf, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("target/bench-data");
    let path = dir.join(format!("generated-{chapters}x{initiatives}.ron"));
    if let Ok(text) = std::fs::read_to_string(&path) {
        return (path, text);
    }
    let report = generate::generate(chapters, initiatives);
    let text = generate::to_ron(&report);
    std::fs::write(&path, &text).expect("written");
    (path, text)
}
