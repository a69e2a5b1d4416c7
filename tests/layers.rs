//! Folders are layers: no file of the data layer (`report/`, `search/`, `export/`, `import/`)
//! names egui or eframe, or imports the viewer or the command line; and every module is in a
//! layer. The layers are described in `src/lib.rs`.

use std::path::{Path, PathBuf};

/// The folders of the data layer.
const DATA_LAYER: &[&str] = &["report", "search", "export", "import"];

/// What stands above it.
const ABOVE: &[&str] = &["crate::viewer", "crate::cli"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every Rust file under a folder of `src/`.
fn files_under(folder: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![src().join(folder)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a layer's folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    assert!(!found.is_empty(), "no files under src/{folder}");
    found
}

/// A line's code, its `//` comment left out (a comment may speak of egui).
fn code(line: &str) -> &str {
    line.split("//").next().unwrap_or_default()
}

#[test]
fn src_holds_only_the_layers() {
    let mut top: Vec<String> = std::fs::read_dir(src())
        .expect("src")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(
        top,
        [
            "cli.rs", "export", "import", "lib.rs", "main.rs", "report", "search", "viewer"
        ]
    );
}

#[test]
fn the_data_layer_names_no_gui_and_imports_nothing_above_it() {
    let mut found = Vec::new();
    for folder in DATA_LAYER {
        for file in files_under(folder) {
            let text = std::fs::read_to_string(&file).expect("source");
            for (n, line) in text.lines().enumerate() {
                let code = code(line);
                let gui = code
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .any(|word| word == "egui" || word == "eframe");
                let upward = ABOVE.iter().any(|path| code.contains(path));
                if gui || upward {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the data layer reaches up:\n{}",
        found.join("\n")
    );
}
