//! Folders are layers: no file of the data layer (`report/`, `search/`, `export/`, `import/`)
//! names egui or eframe, or imports the viewer or the command line; and every module is in a
//! layer. The layers are described in `src/lib.rs`.

use std::path::{Path, PathBuf};

/// The folders of the data layer.
const DATA_LAYER: &[&str] = &["report", "search", "document", "export", "import", "shelf"];

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
            "cli.rs", "document", "export", "import", "lib.rs", "main.rs", "report", "search",
            "shelf", "viewer"
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

/// The data layer's modules from the bottom up: each may import only those before it, so
/// that no two of them import one another (loading builds the dataset from what validation
/// found; validation knows neither).
const DATA_ORDER: &[&str] = &[
    "report::lang",
    "report::words",
    "report::script_fold",
    "report::quantity",
    "report::model",
    "report::markup",
    "report::comparison",
    "report::chart_text",
    "report::diagnostic",
    "report::locate",
    "report::validate",
    "report::glyphs",
    "report::faces",
    // The report as opened stands above the index: no module of `report/` imports `search`.
    "search",
    "document::dataset",
    "document::parse",
    "document::load",
    "document::figure_table",
    "import",
    // A shelf opens datasets and imports reports; the exports write its series.
    "shelf",
    "export",
];

/// The module of the data layer a file belongs to, as `DATA_ORDER` names it.
fn module_of(file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src()).ok()?;
    let mut parts = relative.iter().map(|p| p.to_string_lossy().into_owned());
    let folder = parts.next()?;
    if folder != "report" && folder != "document" {
        return Some(folder);
    }
    let stem = Path::new(&parts.next()?)
        .file_stem()?
        .to_string_lossy()
        .into_owned();
    (stem != "mod").then(|| format!("{folder}::{stem}"))
}

/// The data-layer modules a line of code names (`crate::document::load::X` names document::load).
fn modules_named(code: &str) -> Vec<String> {
    let mut named = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let path: String = code[at + "crate::".len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let mut parts = path.split("::");
        match (parts.next(), parts.next()) {
            (Some(folder @ ("report" | "document")), Some(module)) => {
                named.push(format!("{folder}::{module}"));
            }
            (Some(folder), _) => named.push(folder.to_owned()),
            _ => {}
        }
    }
    named
}

#[test]
fn the_data_layer_s_imports_point_down() {
    let position = |module: &str| DATA_ORDER.iter().position(|m| *m == module);
    let mut found = Vec::new();
    for folder in DATA_LAYER {
        for file in files_under(folder) {
            let Some(module) = module_of(&file) else {
                continue;
            };
            let own = position(&module)
                .unwrap_or_else(|| panic!("{} is not in DATA_ORDER", file.display()));
            let text = std::fs::read_to_string(&file).expect("source");
            // Tests may use anything (the embedded report, say).
            let code_part = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code_part.lines().enumerate() {
                for named in modules_named(code(line)) {
                    let Some(theirs) = position(&named) else {
                        continue;
                    };
                    if theirs > own {
                        found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "a module of the data layer imports one above it:\n{}",
        found.join("\n")
    );
}

/// The viewer's modules below its panels: what a session is and what commands are know
/// nothing of the panels or the shell.
const VIEWER_BELOW_PANELS: &[&str] = &[
    "viewer/place.rs",
    "viewer/history.rs",
    "viewer/commands.rs",
    "viewer/settings.rs",
    "viewer/session.rs",
    "viewer/context.rs",
];

#[test]
fn panels_read_the_context_and_never_import_the_shell() {
    let mut found = Vec::new();
    let mut check = |file: &Path, forbidden: &[&str]| {
        let text = std::fs::read_to_string(file).expect("source");
        let code_part = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code_part.lines().enumerate() {
            if let Some(name) = forbidden.iter().find(|name| code(line).contains(*name)) {
                found.push(format!(
                    "{}:{}: {name}: {}",
                    file.display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    };
    for file in files_under("viewer/ui") {
        check(&file, &["crate::viewer::app", "HuimouApp"]);
    }
    for file in VIEWER_BELOW_PANELS {
        check(
            &src().join(file),
            &["crate::viewer::app", "HuimouApp", "crate::viewer::ui"],
        );
    }
    assert!(
        found.is_empty(),
        "a panel, or what panels stand on, imports what stands above it:\n{}",
        found.join("\n")
    );
}
