//! The fuzz targets' seeds (fuzz/seeds/TARGET) and the inputs fuzzing found (tests/data/fuzz),
//! run through the same public API and checked with the same assertions as the targets in
//! fuzz/fuzz_targets, so that they stay a regression suite without cargo-fuzz or a nightly
//! toolchain.

use std::path::{Path, PathBuf};

use huimou::Origin;
use huimou::document::load;
use huimou::search::{Hit, SearchIndex};

/// Every file of a directory under the crate, sorted by name.
fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has no files", dir.display());
    files
}

/// Runs `huimou::cli::check` on `bytes` as the `check` fuzz target does (written to a file of
/// the temporary directory) and asserts the same bounds on what it prints.
fn check_is_bounded(name: &str, bytes: &[u8]) {
    let path = std::env::temp_dir().join(format!(
        "huimou-fuzz-regression-{}-{name}.ron",
        std::process::id()
    ));
    std::fs::write(&path, bytes).expect("the file can be written");
    let mut out = Vec::new();
    let result = huimou::cli::check(&path, &mut out);
    let _ = std::fs::remove_file(&path);
    result.expect("writing to memory works");
    let text = String::from_utf8(out).unwrap_or_else(|e| panic!("{name}: check prints UTF-8: {e}"));
    assert!(
        text.len() <= 1024 * 1024,
        "{name}: check printed {} bytes",
        text.len()
    );
    let mut errors = 0;
    let mut warnings = 0;
    for line in text.lines() {
        let length = line.chars().count();
        assert!(length <= 600, "{name}: a line of {length} characters");
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{name}: a control character reached the output: {line:?}"
        );
        errors += usize::from(line.starts_with("error: "));
        warnings += usize::from(line.starts_with("warning: "));
    }
    assert!(
        errors <= 101 && warnings <= 51,
        "{name}: {errors} errors, {warnings} warnings listed"
    );
    // Every answer ends with the summary line.
    assert!(
        text.lines()
            .last()
            .is_some_and(|line| line.contains(" error") && line.contains(" warning")),
        "{name}: no summary line in {text:?}"
    );
}

/// Runs `bytes` through decoding, loading, search and rendering as the `load` fuzz target does.
fn load_never_panics(name: &str, bytes: &[u8]) {
    let text = match load::decode(bytes) {
        Ok(text) => text,
        Err(diagnostic) => {
            let _ = diagnostic.render("fuzz.ron");
            return;
        }
    };
    match load::load_str(&text, Origin::Embedded) {
        Ok(dataset) => {
            for warning in &dataset.warnings {
                let _ = warning.render("fuzz.ron");
            }
            let index = SearchIndex::new(&dataset.report);
            if let Some(chapter) = dataset.report.chapters.first()
                && let Some(initiative) = chapter.initiatives.first()
            {
                let query: String = initiative.title.chars().take(2).collect();
                for place in index.search(&query, None) {
                    let _ = Hit::new(&dataset.report, place, &query);
                }
            }
        }
        Err(error) => {
            assert!(
                error.errors().count() > 0,
                "{name}: a refused file has an error"
            );
            let _ = error.render();
        }
    }
}

/// Searches the embedded report for `query` in the scopes the `search` fuzz target uses and
/// asserts that every highlighted range lies on character boundaries of the text it marks.
fn search_ranges_are_sound(dataset: &huimou::Dataset, index: &SearchIndex, query: &str) {
    let report = &dataset.report;
    for scope in [None, Some(0), Some(4), Some(99)] {
        for place in index.search(query, scope) {
            let hit = Hit::new(report, place, query);
            let initiative = &report.chapters[hit.chapter].initiatives[hit.initiative];
            for range in &hit.title {
                assert!(
                    initiative.title.get(range.clone()).is_some(),
                    "{query:?}: title range {range:?} not on a boundary"
                );
            }
            for range in &hit.text {
                assert!(
                    initiative.text.get(range.clone()).is_some(),
                    "{query:?}: text range {range:?} not on a boundary"
                );
            }
            let _ = huimou::search::snippet(&initiative.text, &hit.text, 40);
        }
    }
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn check_seeds_get_a_bounded_answer() {
    for path in files("fuzz/seeds/check") {
        let bytes = std::fs::read(&path).expect("a seed can be read");
        check_is_bounded(&name_of(&path), &bytes);
    }
}

#[test]
fn load_seeds_never_panic() {
    for path in files("fuzz/seeds/load") {
        let bytes = std::fs::read(&path).expect("a seed can be read");
        load_never_panics(&name_of(&path), &bytes);
    }
}

#[test]
fn search_seeds_highlight_real_matches() {
    let dataset = load::embedded();
    let index = SearchIndex::new(&dataset.report);
    for path in files("fuzz/seeds/search") {
        let bytes = std::fs::read(&path).expect("a seed can be read");
        // The target takes the longest valid UTF-8 prefix of its input as the query.
        let query = match std::str::from_utf8(&bytes) {
            Ok(query) => query,
            Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("a valid prefix"),
        };
        search_ranges_are_sound(&dataset, &index, query);
    }
}

/// The files of tests/data/fuzz that a target's fuzzing found (named `TARGET-what.ext`).
fn found_by(target: &str) -> Vec<PathBuf> {
    files("tests/data/fuzz")
        .into_iter()
        .filter(|path| name_of(path).starts_with(&format!("{target}-")))
        .collect()
}

/// Inputs on which `check` printed more than the target allows: each must now get a bounded
/// answer.
///
/// Found by the `check` target (libFuzzer artifacts, kept as they were found):
/// - `check-escaped-control-excerpt.ron`: a line of 200 U+0019 characters that the RON parser
///   stops at. The excerpt kept 120 characters, but each control character is then printed
///   escaped (`\u{19}`, six characters), so the excerpt line was 706 characters long.
/// - `check-escaped-control-caret-line.ron`: the same with U+001D before the column, so that the
///   blanks leading to the carets (as wide as the escapes) also made a line of 640.
/// - `check-long-missing-figure-id.ron`: a chart naming a figure id that ends in 115 NUL bytes;
///   the message quoted the whole id, escaped (`names figure …, but no figure has that id`): 644.
/// - `check-long-mark-content.ron`: a `**…**` mark holding 112 U+001A characters, quoted whole
///   in `the text marks 「…」 as a figure, but it is not a number`: 737.
///
/// Written by hand, the same flood without control characters (every message that quotes the
/// dataset's own words):
/// - `check-long-duplicate-id.ron`: two chapters with the same 700-letter id (`duplicate
///   chapter id`): 730.
/// - `check-long-unknown-field.ron`: a 704-letter field name (`unknown field`): 737.
/// - `check-long-title-unclosed-mark.ron`: an unclosed mark in an initiative whose title is 700
///   Chinese characters (`… is never closed in the text of 「…」`): 759.
#[test]
fn check_inputs_found_by_fuzzing_get_a_bounded_answer() {
    let found = found_by("check");
    assert!(!found.is_empty(), "tests/data/fuzz has no check inputs");
    for path in found {
        let bytes = std::fs::read(&path).expect("an input can be read");
        check_is_bounded(&name_of(&path), &bytes);
    }
}
