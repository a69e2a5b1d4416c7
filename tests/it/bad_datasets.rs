//! Malformed datasets: each must be refused with its specific message at its line and column.
//!
//! Every file in `tests/data/bad/` starts with one or more lines
//! `// expect: error LINE:COLUMN words of the message`, and every file in `tests/data/warn/`
//! with `// expect: warning LINE:COLUMN …`: the file must produce that diagnostic (bad files
//! must fail to load, warn files must load).

use crate::common;

use std::path::{Path, PathBuf};

use huimou::document::load::{self, LoadError};
use huimou::{Diagnostic, Origin};

struct Expectation {
    severity: String,
    line: usize,
    column: usize,
    words: String,
}

fn expectations(path: &Path) -> Vec<Expectation> {
    let bytes = std::fs::read(path).expect("readable");
    // A file saved as UTF-16 carries its expectation in UTF-16 too.
    // UTF-16 with or without a byte-order mark (its second byte is then the zero of `/`).
    let utf16 = bytes
        .strip_prefix(&[0xFF, 0xFE])
        .or_else(|| (bytes.get(1) == Some(&0)).then_some(bytes.as_slice()));
    let head = match utf16 {
        Some(utf16) => String::from_utf16_lossy(
            &utf16
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect::<Vec<_>>(),
        ),
        None => String::from_utf8_lossy(&bytes).into_owned(),
    };
    let head = head.trim_start_matches('\u{feff}');
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

fn assert_has(path: &Path, diagnostics: &[Diagnostic], expected: &Expectation) {
    let hit = diagnostics.iter().any(|d| matches(d, expected));
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

fn matches(diagnostic: &Diagnostic, expected: &Expectation) -> bool {
    diagnostic.severity.word() == expected.severity
        && diagnostic
            .location
            .as_ref()
            .is_some_and(|l| (l.line, l.column) == (expected.line, expected.column))
        && diagnostic.message.contains(&expected.words)
}

/// A diagnostic nobody expected fails the test too: a file must say what is wrong, and only that.
fn assert_nothing_else(path: &Path, diagnostics: &[Diagnostic], expected: &[Expectation]) {
    let unexpected: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| !expected.iter().any(|e| matches(d, e)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{}: unexpected diagnostics:\n{}",
        path.display(),
        unexpected
            .iter()
            .map(|d| d.render(&path.display().to_string()))
            .collect::<String>()
    );
}

#[test]
fn every_bad_dataset_is_refused_with_its_diagnostic() {
    let bad = common::data_files("bad");
    assert!(bad.len() >= 40, "only {} bad datasets", bad.len());
    for path in bad {
        let error: LoadError = load::load_file(&path)
            .map(|_| ())
            .expect_err(&path.display().to_string());
        assert!(error.errors().count() > 0);
        let expected = expectations(&path);
        for expected in &expected {
            assert_has(&path, &error.diagnostics, expected);
        }
        assert_nothing_else(&path, &error.diagnostics, &expected);
    }
}

#[test]
fn every_warn_dataset_loads_with_its_warning() {
    for path in common::data_files("warn") {
        let dataset = load::load_file(&path).unwrap_or_else(|e| panic!("{}", e.render()));
        let expected = expectations(&path);
        for expected in &expected {
            assert_has(&path, &dataset.warnings, expected);
        }
        assert_nothing_else(&path, &dataset.warnings, &expected);
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
    // Just over the limit, the sizes are exact: "64.0 MiB; at most 64 MiB" would contradict itself.
    assert_eq!(
        too_large.message,
        "the file is 67108865 bytes; Huimou reads datasets of at most 67108864 bytes (64 MiB)"
    );
    file.set_len(100 * 1024 * 1024).expect("sparse file");
    let far_too_large = only_error(load::load_file(&huge));
    assert_eq!(
        far_too_large.message,
        "the file is 100.0 MiB; Huimou reads datasets of at most 64 MiB"
    );

    let large_text = " ".repeat(usize::try_from(load::MAX_BYTES).expect("fits") + 1);
    let too_large = only_error(load::load_str(&large_text, Origin::Embedded));
    assert!(
        too_large
            .message
            .contains("at most 67108864 bytes (64 MiB)"),
        "{}",
        too_large.message
    );

    std::fs::remove_dir_all(&dir).expect("clean up");
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("huimou-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn an_empty_file_on_disk_is_refused() {
    let dir = temp_dir("empty");
    let path = dir.join("empty.ron");
    std::fs::write(&path, b"").expect("write");
    assert_eq!(
        only_error(load::load_file(&path)).message,
        "the file is empty"
    );
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("unreadable");
    let path = dir.join("secret.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/good/minimal.ron"),
        &path,
    )
    .expect("copy");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let result = load::load_file(&path);
    // The loader must agree with the system: root may read anything, others may not.
    if std::fs::read(&path).is_ok() {
        assert!(result.is_ok(), "readable to this user, so it loads");
    } else {
        assert_eq!(
            only_error(result).message,
            "permission denied: Huimou may not read this file"
        );
    }
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn the_permission_message_says_what_happened() {
    let error = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    assert_eq!(
        load::io_message(&error),
        "permission denied: Huimou may not read this file"
    );
}

/// A valid dataset of `chapters` chapters, each with one initiative of `text_len` characters.
fn generated(chapters: usize, text_len: usize) -> String {
    let filler = "科".repeat(text_len.saturating_sub(20));
    let mut out = String::from("(format_version: 1, title: \"生成\", chapters: [\n");
    for c in 1..=chapters {
        out.push_str(&format!(
            "(id: \"c{c}\", number: {c}, name: \"第{c}章\", headline: \"标题\", initiatives: [(id: \"i{c}\", title: \"举措{c}\", text: \"共 **{c}** 项。{filler}\", figures: [(id: \"f{c}\", label: \"项目\", value: {c}, unit: \"项\")])]),\n"
        ));
    }
    out.push_str("])\n");
    out
}

#[test]
fn ten_thousand_chapters_load() {
    let dataset = load::load_str(&generated(10_000, 30), Origin::Embedded)
        .unwrap_or_else(|e| panic!("{}", e.render()));
    assert_eq!(dataset.report.chapters.len(), 10_000);
    assert_eq!(dataset.report.chapters[9_999].name, "第10000章");
}

#[test]
fn a_one_megabyte_paragraph_loads() {
    // 350,000 three-byte characters: just over 1 MB of text in one initiative.
    let dataset = load::load_str(&generated(1, 350_000), Origin::Embedded)
        .unwrap_or_else(|e| panic!("{}", e.render()));
    assert!(dataset.report.chapters[0].initiatives[0].text.len() > 1_000_000);
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    for open in ["[", "(", "Some("] {
        let text = format!(
            "(format_version: 1, title: \"t\", chapters: {}",
            open.repeat(100_000)
        );
        let error = load::load_str(&text, Origin::Embedded)
            .map(|_| ())
            .expect_err("refused");
        let first = error.errors().next().expect("an error");
        assert!(first.location.is_some(), "{}", error.render());
    }
}

#[test]
fn every_truncation_of_a_good_file_is_refused_with_a_location() {
    let good = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/good/minimal.ron"),
    )
    .expect("file");
    // Cut at every character boundary: half-saved files must never panic the loader.
    for (cut, _) in good.char_indices().skip(1) {
        let text = &good[..cut];
        // Only blank lines or the leading comment, or everything but trailing blanks.
        let nothing_yet = !text.contains('(');
        if nothing_yet || text.trim_end() == good.trim_end() {
            continue;
        }
        let error = load::load_str(text, Origin::Embedded)
            .map(|_| ())
            .expect_err("a truncated file is refused");
        assert!(
            error.errors().all(|d| d.location.is_some()),
            "cut at {cut}: {}",
            error.render()
        );
    }
}
