//! Malformed datasets: each must be refused with its specific message at its line and column.
//!
//! Every file in `tests/data/bad/` starts with one or more lines
//! `// expect: error LINE:COLUMN words of the message`, and every file in `tests/data/warn/`
//! with `// expect: warning LINE:COLUMN …`: the file must produce that diagnostic (bad files
//! must fail to load, warn files must load).

use std::path::{Path, PathBuf};

use huimou::load::{self, LoadError};
use huimou::{Diagnostic, Origin};

struct Expectation {
    severity: String,
    line: usize,
    column: usize,
    words: String,
}

fn expectations(path: &Path) -> Vec<Expectation> {
    let bytes = std::fs::read(path).expect("readable");
    let head = String::from_utf8_lossy(&bytes);
    let found: Vec<Expectation> = head
        .lines()
        .map_while(|l| l.strip_prefix("// expect: "))
        .map(|rest| {
            let mut parts = rest.splitn(3, ' ');
            let severity = parts.next().expect("severity").to_owned();
            let (line, column) = parts
                .next()
                .expect("line:column")
                .split_once(':')
                .expect("line:column");
            Expectation {
                severity,
                line: line.parse().expect("line"),
                column: column.parse().expect("column"),
                words: parts.next().unwrap_or_default().to_owned(),
            }
        })
        .collect();
    assert!(
        !found.is_empty(),
        "{} has no `// expect:` line",
        path.display()
    );
    found
}

fn files(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn assert_has(path: &Path, diagnostics: &[Diagnostic], expected: &Expectation) {
    let hit = diagnostics.iter().any(|d| {
        d.severity.word() == expected.severity
            && d.location
                .as_ref()
                .is_some_and(|l| (l.line, l.column) == (expected.line, expected.column))
            && d.message.contains(&expected.words)
    });
    assert!(
        hit,
        "{}: expected {} at {}:{} containing 「{}」, got:\n{}",
        path.display(),
        expected.severity,
        expected.line,
        expected.column,
        expected.words,
        load::render_all(&path.display().to_string(), diagnostics)
    );
}

#[test]
fn every_bad_dataset_is_refused_with_its_diagnostic() {
    let bad = files("bad");
    assert!(bad.len() >= 20, "only {} bad datasets", bad.len());
    for path in bad {
        let error: LoadError = load::load_file(&path)
            .map(|_| ())
            .expect_err(&path.display().to_string());
        assert!(error.errors().count() > 0);
        for expected in expectations(&path) {
            assert_has(&path, &error.diagnostics, &expected);
        }
    }
}

#[test]
fn every_warn_dataset_loads_with_its_warning() {
    for path in files("warn") {
        let dataset = load::load_file(&path).unwrap_or_else(|e| panic!("{}", e.render()));
        for expected in expectations(&path) {
            assert_has(&path, &dataset.warnings, &expected);
        }
    }
}

fn only_error(result: Result<huimou::Dataset, LoadError>) -> Diagnostic {
    let error = result.map(|_| ()).expect_err("refused");
    assert_eq!(error.diagnostics.len(), 1, "{}", error.render());
    error.diagnostics[0].clone()
}

#[test]
fn empty_and_blank_files_are_refused() {
    for text in ["", "  \n\t\n", "\u{feff}"] {
        let error = only_error(load::load_str(text, Origin::Embedded));
        assert_eq!(error.message, "the file is empty");
    }
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_fine() {
    let minimal = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/good/minimal.ron"),
    )
    .expect("file");
    let windows = format!("\u{feff}{}", minimal.replace('\n', "\r\n"));
    let dataset =
        load::load_str(&windows, Origin::Embedded).unwrap_or_else(|e| panic!("{}", e.render()));
    assert_eq!(dataset.report.chapters.len(), 2);
}

#[test]
fn folders_missing_files_and_huge_files_are_refused() {
    let dir = std::env::temp_dir().join(format!("huimou-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");

    let folder = only_error(load::load_file(&dir));
    assert!(folder.message.contains("folder"), "{}", folder.message);

    let missing = only_error(load::load_file(&dir.join("nothing.ron")));
    assert_eq!(missing.message, "no such file");

    let huge = dir.join("huge.ron");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(load::MAX_BYTES + 1).expect("sparse file");
    let too_large = only_error(load::load_file(&huge));
    assert!(
        too_large.message.contains("at most 64 MiB"),
        "{}",
        too_large.message
    );

    let large_text = " ".repeat(usize::try_from(load::MAX_BYTES).expect("fits") + 1);
    let too_large = only_error(load::load_str(&large_text, Origin::Embedded));
    assert!(
        too_large.message.contains("at most 64 MiB"),
        "{}",
        too_large.message
    );

    std::fs::remove_dir_all(&dir).expect("clean up");
}
