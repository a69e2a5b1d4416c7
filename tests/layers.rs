//! The data layer knows nothing of the viewer: no file of it names egui or eframe, or imports a
//! module of the viewer or the command line. The layers are listed in `src/lib.rs`.

use std::path::{Path, PathBuf};

/// The modules of the data layer, as `src/lib.rs` declares them.
const DATA_LAYER: &[&str] = &[
    "chart_text",
    "dataset",
    "diagnostic",
    "export",
    "faces",
    "figure_table",
    "glyphs",
    "import",
    "lang",
    "load",
    "locate",
    "markup",
    "model",
    "pinyin",
    "quantity",
    "script_fold",
    "search",
    "validate",
    "words",
];

/// The modules above it.
const VIEWER_AND_COMMAND_LINE: &[&str] = &[
    "app",
    "cli",
    "dialog",
    "first_frame",
    "fonts",
    "history",
    "i18n",
    "logging",
    "run",
    "screenshot",
    "ui",
    "view_job",
    "watch",
];

/// The Rust files of a module: `src/NAME.rs`, or every file under `src/NAME/`.
fn files_of(module: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut found = Vec::new();
    let mut folders = vec![src.join(module)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a module's folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    assert!(!found.is_empty(), "no files for module {module}");
    found
}

/// A line's code, its `//` comment left out (a comment may speak of egui).
fn code(line: &str) -> &str {
    line.split("//").next().unwrap_or_default()
}

#[test]
fn every_module_is_in_one_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|line| line.strip_prefix("pub mod "))
        .map(|rest| rest.trim_end_matches(';'))
        .collect();
    for module in &declared {
        assert!(
            DATA_LAYER.contains(module) || VIEWER_AND_COMMAND_LINE.contains(module),
            "{module} is in no layer: add it to tests/layers.rs"
        );
    }
    assert_eq!(
        declared.len(),
        DATA_LAYER.len() + VIEWER_AND_COMMAND_LINE.len()
    );
}

#[test]
fn the_data_layer_names_no_gui_and_imports_nothing_above_it() {
    let above: Vec<String> = VIEWER_AND_COMMAND_LINE
        .iter()
        .map(|module| format!("crate::{module}"))
        .collect();
    let mut found = Vec::new();
    for module in DATA_LAYER {
        for file in files_of(module) {
            let text = std::fs::read_to_string(&file).expect("source");
            for (n, line) in text.lines().enumerate() {
                let code = code(line);
                let gui = ["egui", "eframe"].iter().any(|name| {
                    code.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .any(|word| word == *name)
                });
                let upward = above.iter().any(|path| {
                    code.contains(&format!("{path}::")) || code.contains(&format!("{path};"))
                });
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
