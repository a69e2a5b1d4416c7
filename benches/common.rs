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

/// The generated dataset without its English (names, headlines, titles and labels), as the
/// load budget was set on: with the English, 100 × 1,000 is 67.8 MiB and over the 64 MiB that
/// loading accepts. Written once to `target/` and reused.
pub fn generated_chinese(chapters: usize, initiatives: usize) -> (PathBuf, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("target/bench-data");
    let path = dir.join(format!("generated-{chapters}x{initiatives}-zh.ron"));
    if let Ok(text) = std::fs::read_to_string(&path) {
        return (path, text);
    }
    let mut report = generate::generate(chapters, initiatives);
    report.title_en = None;
    for chapter in &mut report.chapters {
        chapter.name_en = None;
        chapter.headline_en = None;
        for initiative in &mut chapter.initiatives {
            initiative.title_en = None;
            for figure in &mut initiative.figures {
                figure.label_en = None;
            }
        }
        for chart in &mut chapter.charts {
            chart.title_en = None;
        }
    }
    let text = generate::to_ron(&report);
    std::fs::write(&path, &text).expect("written");
    (path, text)
}
