//! The command line as data authors and scripts use it.

use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary in the C locale: `check` and the other commands speak the locale's language,
/// and these tests read the English words.
fn huimou(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huimou"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .output()
        .expect("runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn check_passes_a_good_dataset_with_its_warnings() {
    let output = huimou(&["check", "data/chengdu-cast-review.ron"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.starts_with("warning: this passage is repeated"),
        "{text}"
    );
    assert!(
        text.contains(" --> data/chengdu-cast-review.ron:"),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("data/chengdu-cast-review.ron: 0 errors, 1 warning"),
        "{text}"
    );
}

#[test]
fn check_fails_a_bad_dataset_in_rustc_style() {
    let output = huimou(&["check", "tests/data/bad/duplicate-figure-id.ron"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "error: duplicate figure id `patents`");
    assert!(
        lines[1]
            .trim_start()
            .starts_with("--> tests/data/bad/duplicate-figure-id.ron:"),
        "{text}"
    );
    // The source line, then a caret under the offending id.
    let source_line = lines[3].split_once(" | ").expect("gutter").1;
    assert!(
        source_line.contains("(id: \"patents\", label: \"争取经费\""),
        "{text}"
    );
    let caret_line = lines[4].split_once(" | ").expect("gutter").1;
    assert_eq!(caret_line.trim_start(), "^^^^^^^^^");
    assert!(text.contains("1 error, 0 warnings"), "{text}");
}

#[test]
fn check_reports_missing_files_and_usage_errors() {
    let missing = huimou(&["check", "no/such/file.ron"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).contains("error: no such file"));

    assert_eq!(huimou(&["check"]).status.code(), Some(2));
    assert_eq!(
        huimou(&["figures", "--format", "xml"]).status.code(),
        Some(2)
    );
    assert_eq!(huimou(&["frobnicate", "--now"]).status.code(), Some(2));
}

#[test]
fn figures_as_csv_with_the_fixed_header() {
    let output = huimou(&["figures"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header.join(","),
        "chapter,initiative,label,value,unit,qualifier,base_value,base_unit,measure,status,stressed,value_to,base_value_to,written"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 59);
    let funds = &rows[2];
    assert_eq!(
        funds.iter().collect::<Vec<_>>(),
        [
            "1",
            "在学习贯彻新思想中不断凝聚共识",
            "捐助资金",
            "1800",
            "余万元",
            "more_than",
            "18000000",
            "元",
            "count",
            "result",
            "false",
            "",
            "",
            "1800余万元"
        ]
    );
    let visitors = rows.last().expect("rows");
    assert_eq!(&visitors[5], "nearly");
    assert_eq!(&visitors[6], "185000");
}

#[test]
fn figures_as_json_of_another_file() {
    let output = huimou(&["figures", "tests/data/good/minimal.ron", "--format", "json"]);
    assert!(output.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[2]["label"], "争取经费");
    assert_eq!(rows[2]["base_value"], 3_120_000_000.0);
    assert_eq!(rows[3]["qualifier"], "over");
    assert_eq!(rows[4]["base_unit"], "%");
}

#[test]
fn figures_of_a_bad_file_fail_with_its_diagnostics() {
    let output = huimou(&["figures", "tests/data/bad/value-nan.ron"]);
    assert_eq!(output.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("not a number (NaN)"), "{errors}");
    assert!(output.stdout.is_empty());
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/bad/value-nan.ron")
            .exists()
    );
}

#[test]
fn check_warns_once_of_characters_no_bundled_font_draws() {
    let dir = std::env::temp_dir().join(format!("huimou-glyphs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("rare.ron");
    let minimal = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/good/minimal.ron"),
    )
    .expect("minimal dataset");
    // 𠮷 (CJK Extension B) and 䶮 (Extension A) are in neither GB2312 nor Big5.
    let rare = minimal
        .replace("示例协会工作回眸", "示例协会工作回眸𠮷")
        .replace("创新争先", "创新争先䶮")
        .replace("建设工作站", "建设𠮷工作站");
    assert_ne!(rare, minimal);
    std::fs::write(&path, rare).expect("written");
    let file = path.to_str().expect("UTF-8 path");

    let output = huimou(&["check", file]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let warning = "warning: 2 characters have no glyph in Huimou's bundled fonts and are drawn \
                   with a system font if one has them: 䶮 𠮷";
    assert_eq!(text.matches("no glyph").count(), 1, "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|line| *line == warning)
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(lines[at + 1], format!(" --> {file}"), "{text}");
    assert!(
        text.trim_end()
            .ends_with(&format!("{file}: 0 errors, 1 warning")),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The viewer takes the interface's language on its command line, before or after the file;
/// a command's own `--lang` is still its own.
#[test]
fn the_viewer_takes_a_language_on_its_command_line() {
    use clap::Parser as _;
    use huimou::cli::{Cli, Command, LangArg};
    for args in [
        ["huimou", "report.txt", "--lang", "zh-hant"],
        ["huimou", "--lang", "zh-hant", "report.txt"],
    ] {
        let cli = Cli::try_parse_from(args).expect("parses");
        assert_eq!(cli.lang, Some(LangArg::ZhHant));
        assert_eq!(cli.file.as_deref(), Some(Path::new("report.txt")));
    }
    let cli = Cli::try_parse_from(["huimou", "check", "x.ron", "--lang", "en"]).expect("parses");
    assert_eq!(cli.lang, None);
    assert!(matches!(
        cli.command,
        Some(Command::Check {
            lang: Some(LangArg::En),
            ..
        })
    ));
}

/// `--lang zh-hant` makes import's and check's words traditional; the paths they name and the
/// file's own lines they show stay as written.
#[test]
fn import_and_check_speak_traditional_when_asked() {
    let dir = std::env::temp_dir().join(format!("huimou-hant-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("数据报告.ron");
    let out_text = out.to_str().expect("UTF-8 path");
    let source = "tests/data/import/published/association-review-traditional.txt";
    let output = huimou(&[
        "import", source, "--out", out_text, "--force", "--lang", "zh-hant",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let said = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(said.starts_with(&format!("已寫入 {out_text}：")), "{said}");
    assert!(
        said.contains("數據名稱是猜的") && said.contains("會列出"),
        "{said}"
    );
    let output = huimou(&["check", out_text, "--lang", "zh-hant"]);
    let text = stdout(&output);
    assert!(text.contains("警告：數據名稱是猜的，請確認"), "{text}");
    // The file's line, shown under the warning, as the file writes it.
    assert!(
        text.contains("// label guessed; confirm (数据名称是猜的，请确认)"),
        "{text}"
    );
    assert!(text.contains(&format!(" --> {out_text}:")), "{text}");
    assert!(text.trim_end().ends_with("個警告"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A traditional report's search results speak its script: 數據, not 数据, before the labels.
#[test]
fn search_results_name_figures_in_the_report_s_script() {
    let output = huimou(&["search", "tests/data/good/traditional.ron", "科協"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("（數據：【地方科協】"), "{text}");
    assert!(!text.contains("数据"), "{text}");
    let output = huimou(&["search", "院士"]);
    assert!(
        stdout(&output).contains("（数据：【"),
        "the built-in report is simplified"
    );
}

#[test]
fn an_empty_search_or_a_folder_to_import_is_an_error_that_says_so() {
    let output = huimou(&["search", "  "]);
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("the query is empty"), "{said}");

    let output = huimou(&["import", "tests"]);
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("tests: this is a folder"), "{said}");

    let output = huimou(&[
        "import",
        "tests/data/import/seed.txt",
        "--out",
        "/nonexistent-huimou-folder/seed.ron",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("cannot be written: no such file or folder"),
        "{said}"
    );
}

#[test]
fn a_pdf_under_another_extension_is_written_and_said() {
    let out = std::env::temp_dir().join(format!("huimou-pdf-{}.txt", std::process::id()));
    let output = huimou(&["pdf", "--out", out.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(0));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("does not end in .pdf"), "{said}");
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"%PDF"));
    let _ = std::fs::remove_file(out);
}

#[test]
fn a_gbk_file_s_error_quotes_its_line_as_its_author_wrote_it() {
    let output = huimou(&["check", "tests/data/bad/gbk-encoded.ron"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("it looks like GBK"), "{text}");
    // Decoded as GBK, not shown as mojibake.
    assert!(text.contains("title: \"示例协会工作回眸\""), "{text}");
    assert!(!text.contains('\u{FFFD}'), "{text}");
}
