//! Diagnostics in both languages: every message and help of the bad and warn datasets has its
//! Chinese, `huimou check` speaks the locale's language (or `--lang`'s) with the same places and
//! exit codes, and the viewer shows the interface's.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{data, viewer_with};
use egui_kittest::kittest::Queryable as _;
use huimou::report::diagnostic::Text;
use huimou::viewer::app::Startup;
use huimou::viewer::commands::SystemCommand;
use huimou::viewer::i18n::Lang;
use huimou::viewer::settings::Settings;
use huimou::{Diagnostic, document::load};

/// Whether a character is a Chinese (Han) character.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// The text with what a message quotes verbatim left out: `code`, 「dataset words」 and
/// "strings", which may be English whatever the language of the sentence around them.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '`' => closing = Some('`'),
                '「' => closing = Some('」'),
                '"' => closing = Some('"'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// The first run of three or more lowercase English words in a row, outside quotes: an
/// English sentence left in a Chinese message.
fn english_run(text: &str) -> Option<String> {
    let text = unquoted(text);
    text.split(|c: char| !(c.is_ascii_alphabetic() || c == ' ' || c == '\''))
        .flat_map(|piece| {
            // Consecutive lowercase words of one piece (capitals such as UTF or RON end a run).
            let mut runs = Vec::new();
            let mut run: Vec<&str> = Vec::new();
            for word in piece.split(' ').filter(|w| !w.is_empty()) {
                if word.chars().all(|c| c.is_ascii_lowercase() || c == '\'') {
                    run.push(word);
                } else {
                    runs.push(std::mem::take(&mut run));
                }
            }
            runs.push(run);
            runs
        })
        .find(|run| run.len() >= 3)
        .map(|run| run.join(" "))
}

#[test]
fn the_english_detector_finds_english_and_passes_quoted_words() {
    assert_eq!(
        english_run("文件：the file is empty").as_deref(),
        Some("the file is empty")
    );
    assert_eq!(english_run("数据 `a b c d` 重复了"), None);
    assert_eq!(english_run("图表「to be or not」没有数据"), None);
    assert_eq!(english_run("文件是 UTF-16 文本，不是 UTF-8"), None);
    assert!(english_run("expected a number here").is_some());
}

/// Asserts that a text's Chinese is there, is Chinese, and holds no English sentence.
fn assert_chinese(path: &Path, what: &str, text: &Text) {
    let zh = &text.zh;
    assert!(
        !zh.trim().is_empty(),
        "{}: the {what} 「{}」 has no Chinese",
        path.display(),
        text.en
    );
    assert!(
        zh.chars().any(is_han),
        "{}: the Chinese {what} of 「{}」 has no Chinese characters: {zh}",
        path.display(),
        text.en
    );
    assert!(
        english_run(zh).is_none(),
        "{}: the Chinese {what} holds English ({:?}): {zh}",
        path.display(),
        english_run(zh)
    );
    assert_ne!(
        zh,
        &text.en,
        "{}: the {what} is not translated",
        path.display()
    );
}

fn assert_all_chinese(path: &Path, diagnostics: &[Diagnostic]) {
    assert!(
        !diagnostics.is_empty(),
        "{}: no diagnostics",
        path.display()
    );
    for diagnostic in diagnostics {
        assert_chinese(path, "message", &diagnostic.message);
        if let Some(help) = &diagnostic.help {
            assert_chinese(path, "help", help);
        }
    }
}

#[test]
fn every_diagnostic_of_the_bad_and_warn_datasets_has_its_chinese() {
    let bad = common::data_files("bad");
    assert!(bad.len() >= 40, "only {} bad datasets", bad.len());
    for path in bad {
        let error = load::load_file(&path)
            .map(|_| ())
            .expect_err(&path.display().to_string());
        assert_all_chinese(&path, &error.diagnostics);
    }
    for path in common::data_files("warn") {
        let dataset = load::load_file(&path).unwrap_or_else(|e| panic!("{}", e.render()));
        assert_all_chinese(&path, &dataset.warnings);
    }
}

#[test]
fn io_errors_and_unlisted_counts_have_their_chinese() {
    let missing = PathBuf::from("no/such/file.ron");
    let error = load::load_file(&missing).map(|_| ()).expect_err("missing");
    assert_all_chinese(&missing, &error.diagnostics);
    let folder = data("bad");
    let error = load::load_file(&folder).map(|_| ()).expect_err("a folder");
    assert_all_chinese(&folder, &error.diagnostics);
    // Hundreds of the same mistake: the note that counts the unlisted ones is Chinese too.
    let minimal = std::fs::read_to_string(data("good/minimal.ron")).expect("minimal");
    let empty_labels = (0..150)
        .map(|i| format!("(id: \"e{i}\", label: \"\", value: 1, unit: \"个\")"))
        .collect::<Vec<_>>()
        .join(", ");
    let many = minimal.replacen("figures: [", &format!("figures: [{empty_labels}, "), 1);
    let error = load::load_str(&many, huimou::Origin::Embedded)
        .map(|_| ())
        .expect_err("refused");
    let path = PathBuf::from("many.ron");
    assert!(
        error
            .diagnostics
            .iter()
            .any(|d| d.message.en.contains("more errors, not listed")),
        "{}",
        error.render()
    );
    assert_all_chinese(&path, &error.diagnostics);
}

/// Runs the binary with `args` and exactly the locale variables given (the machine's removed).
fn huimou(args: &[&str], locale: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_huimou"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in locale {
        command.env(name, value);
    }
    command.output().expect("runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// The `file:line:column` of each diagnostic, as the `-->` lines give them.
fn places(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.trim_start().strip_prefix("--> "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn check_in_chinese_keeps_the_places_and_the_exit_code() {
    let mut checked = 0;
    for path in common::data_files("bad")
        .into_iter()
        .chain(common::data_files("warn"))
    {
        let file = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .expect("in the crate")
            .to_str()
            .expect("UTF-8 path");
        let english = huimou(&["check", "--lang", "en", file], &[]);
        let chinese = huimou(&["check", "--lang", "zh", file], &[]);
        let (en, zh) = (stdout(&english), stdout(&chinese));
        assert_eq!(english.status.code(), chinese.status.code(), "{file}");
        assert!(!places(&en).is_empty(), "{file}: {en}");
        assert_eq!(places(&en), places(&zh), "{file}:\n{en}\n{zh}");
        assert_eq!(
            en.lines().count(),
            zh.lines().count(),
            "{file}:\n{en}\n{zh}"
        );
        if english.status.code() == Some(1) {
            assert!(zh.starts_with("错误："), "{file}: {zh}");
            assert!(en.starts_with("error: "), "{file}: {en}");
        } else {
            assert!(zh.starts_with("警告："), "{file}: {zh}");
        }
        checked += 1;
    }
    assert!(checked > 45);
}

#[test]
fn check_in_chinese_prints_a_chinese_summary() {
    let file = "tests/data/bad/duplicate-figure-id.ron";
    let output = huimou(&["check", "--lang", "zh", file], &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "错误：数据 id `patents` 重复了");
    assert_eq!(lines[1].trim_start(), format!("--> {file}:22:30"));
    assert!(
        text.contains("= 建议：它已是「建设工作站」的第 2 个数据的 id"),
        "{text}"
    );
    assert_eq!(
        lines.last().copied(),
        Some(format!("{file}: 1 个错误，0 个警告").as_str())
    );
}

#[test]
fn check_follows_the_locale_unless_told() {
    let file = "tests/data/bad/value-nan.ron";
    let zh_locale = huimou(&["check", file], &[("LANG", "zh_CN.UTF-8")]);
    let c_locale = huimou(&["check", file], &[("LANG", "C")]);
    let no_locale = huimou(&["check", file], &[]);
    assert!(stdout(&zh_locale).starts_with("错误：数据 `stations` 的值不是数字（NaN）"));
    assert!(stdout(&c_locale).starts_with("error: the value of figure `stations`"));
    assert!(stdout(&no_locale).starts_with("error: "));
    for output in [&zh_locale, &c_locale, &no_locale] {
        assert_eq!(output.status.code(), Some(1));
    }
    // LC_ALL before LC_MESSAGES before LANG; an empty one does not count.
    let all = huimou(
        &["check", file],
        &[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US.UTF-8")],
    );
    assert!(stdout(&all).starts_with("错误："), "{}", stdout(&all));
    let messages = huimou(
        &["check", file],
        &[("LC_ALL", ""), ("LC_MESSAGES", "en_US"), ("LANG", "zh_CN")],
    );
    assert!(stdout(&messages).starts_with("error: "));
    // The flag wins over the locale.
    let told = huimou(&["check", "--lang", "en", file], &[("LANG", "zh_CN.UTF-8")]);
    assert!(stdout(&told).starts_with("error: "));
    // A file that cannot be read keeps its exit code in either language.
    let missing = huimou(&["check", "no/such/file.ron"], &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).starts_with("错误：没有这个文件"));
    assert!(stdout(&missing).contains("no/such/file.ron: 1 个错误，0 个警告"));
}

#[test]
fn other_commands_print_diagnostics_in_the_locales_language() {
    let file = "tests/data/bad/value-nan.ron";
    let chinese = huimou(&["figures", file], &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(chinese.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&chinese.stderr);
    assert!(
        errors.contains("错误：数据 `stations` 的值不是数字（NaN）"),
        "{errors}"
    );
    assert!(errors.contains(&format!("{file}:20:63")), "{errors}");
    let english = huimou(&["figures", file], &[("LANG", "C")]);
    assert!(String::from_utf8_lossy(&english.stderr).contains("not a number (NaN)"));
}

#[test]
fn the_diagnostics_window_speaks_the_interfaces_language() {
    for (lang, message, help) in [
        (
            Lang::Zh,
            "数据 id `patents` 重复了",
            "建议：它已是「建设工作站」的第 2 个数据的 id；每个数据都要有自己的 id",
        ),
        (
            Lang::En,
            "duplicate figure id `patents`",
            "Help: it is already the id of figure 2 of 「建设工作站」; every figure needs its own",
        ),
    ] {
        let settings = Settings {
            language: Some(lang),
            ..Settings::default()
        };
        let mut harness = viewer_with(settings, Startup::default());
        harness
            .state_mut()
            .push(SystemCommand::Open(data("bad/duplicate-figure-id.ron")));
        harness.run();
        harness.get_by_label_contains("duplicate-figure-id.ron:22:30");
        harness.get_by_label(message);
        harness.get_by_label(help);
    }
}
