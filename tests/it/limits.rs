//! Files nobody tuned for: minified one-line datasets with thousands of errors, a 10 MB line,
//! things that are not files, terminal escapes, numbers out of range. Each is answered with a
//! bounded amount of output and never hangs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The most `check` may print for any of these files.
const MAX_OUTPUT: usize = 1024 * 1024;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("huimou-limits-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs `huimou ARGS`, killing it (and failing) if it has not finished after a minute: these
/// inputs once hung the command, and a hang must fail the test rather than the whole run.
fn huimou(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_huimou"))
        .args(args)
        // The messages checked are the English ones, whatever the machine's locale.
        .env("LC_ALL", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let started = Instant::now();
    let stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = std::io::Read::read_to_end(&mut std::io::BufReader::new(stdout), &mut bytes);
        bytes
    });
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("huimou {args:?} did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut output = child.wait_with_output().expect("output");
    output.stdout = reader.join().expect("reader");
    output
}

/// One report on one line, as a minifier writes it: `text`, `figures` and `charts` inserted.
fn one_line(text: &str, figures: &str, charts: &str) -> String {
    format!(
        "(format_version:1,title:\"t\",chapters:[(id:\"c\",number:1,name:\"n\",headline:\"h\",\
         initiatives:[(id:\"i\",title:\"t\",text:\"{text}\",figures:[{figures}])],charts:[{charts}])])"
    )
}

/// Checks `source` as a file and returns what `check` printed, asserting the bounds every
/// answer keeps: exit code 1, at most 1 MB, at most 100 listed errors.
fn check_bounded(name: &str, source: &str) -> String {
    let path = temp_dir(name).join(format!("{name}.ron"));
    std::fs::write(&path, source).expect("write");
    let output = huimou(&["check", path.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(1), "{name}");
    assert!(
        output.stdout.len() <= MAX_OUTPUT,
        "{name}: check printed {} bytes",
        output.stdout.len()
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let listed = text.lines().filter(|l| l.starts_with("error: ")).count();
    assert!(listed <= 101, "{name}: {listed} errors listed");
    for line in text.lines() {
        assert!(
            line.chars().count() <= 400,
            "{name}: a line of {} characters",
            line.chars().count()
        );
    }
    text
}

#[test]
fn a_syntax_error_on_a_ten_megabyte_line_shows_an_excerpt() {
    let text = "文".repeat(3_500_000);
    let source = format!("(format_version:1,title:\"{text}\",chapters:[)]");
    let shown = check_bounded("long-line", &source);
    let excerpt = shown
        .lines()
        .find(|l| l.starts_with("1 | "))
        .expect("the line");
    assert!(
        excerpt.starts_with("1 | …文") && excerpt.contains("chapters:[)"),
        "{excerpt}"
    );
    // The caret stands under the bracket that is wrong.
    let carets = shown
        .lines()
        .find(|l| l.trim_end().ends_with('^'))
        .expect("carets");
    let width = |s: &str| {
        s.chars()
            .map(|c| if c == '文' { 2 } else { 1 })
            .sum::<usize>()
    };
    let bracket = excerpt.rfind(')').expect("bracket");
    assert_eq!(
        width(&excerpt[..bracket]),
        width(carets.trim_end()) - 1,
        "{shown}"
    );
    assert!(shown.contains(":1:35000"), "{shown}");
}

#[test]
fn twenty_thousand_duplicate_ids_on_one_line_are_capped() {
    let figures = "(id:\"f\",label:\"l\",value:1,unit:\"个\")"
        .repeat(20_000)
        .replace(")(", "),(");
    let text = "**1**".repeat(20_000);
    let shown = check_bounded("duplicates", &one_line(&text, &figures, ""));
    assert!(
        shown.contains("error: duplicate figure id `f`"),
        "{}",
        &shown[..2000]
    );
    assert!(
        shown.contains("more errors, not listed"),
        "{}",
        &shown[shown.len() - 500..]
    );
    assert!(
        shown.trim_end().ends_with("19999 errors, 0 warnings"),
        "{}",
        &shown[shown.len() - 500..]
    );
}

#[test]
fn a_hundred_thousand_marks_without_figures_are_capped() {
    let shown = check_bounded("marks", &one_line(&"**1**".repeat(100_000), "", ""));
    assert!(
        shown.contains("more errors, not listed"),
        "{}",
        &shown[shown.len() - 500..]
    );
}

#[test]
fn a_chart_naming_ten_thousand_missing_figures_is_capped() {
    let ids: Vec<String> = (0..10_000).map(|i| format!("\"m{i}\"")).collect();
    let chart = format!("(title:\"c\",kind:Bars,figures:[{}])", ids.join(","));
    let figure = "(id:\"f\",label:\"l\",value:1,unit:\"个\")";
    let shown = check_bounded("chart", &one_line("**1**", figure, &chart));
    assert!(
        shown.contains("names figure `m0`, but no figure has that id"),
        "{}",
        &shown[..2000]
    );
    assert!(
        shown.contains("and 9900 more errors, not listed"),
        "{}",
        &shown[shown.len() - 500..]
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let fifo = temp_dir("fifo").join("pipe.ron");
    let _ = std::fs::remove_file(&fifo);
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    for command in [
        ["check"].as_slice(),
        ["figures"].as_slice(),
        ["search"].as_slice(),
    ] {
        let mut args = command.to_vec();
        args.push(fifo.to_str().expect("UTF-8"));
        if command == ["search"] {
            args.push("科普");
        }
        let output = huimou(&args);
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert_ne!(output.status.code(), Some(0), "{args:?}");
        assert!(
            said.contains("named pipe (FIFO), not a dataset file"),
            "{args:?}: {said}"
        );
    }
}

#[test]
fn terminal_escapes_in_a_dataset_never_reach_the_terminal() {
    let dir = temp_dir("escapes");
    let bad = dir.join("bad.ron");
    std::fs::write(
        &bad,
        "(format_version: 1, title: \"\u{1b}]0;pwned\u{7}\u{1b}[2J\", chapters: [ ] ]",
    )
    .expect("write");
    let output = huimou(&["check", bad.to_str().expect("UTF-8")]);
    let shown = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(shown.contains("\\u{1b}]0;pwned\\u{7}"), "{shown}");

    let good = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/chengdu-cast-review.ron"),
    )
    .expect("read")
    .replacen("院士", "院士\u{1b}[2J\u{9b}1m", 1);
    let file = dir.join("good.ron");
    std::fs::write(&file, good).expect("write");
    let output = huimou(&["search", file.to_str().expect("UTF-8"), "院士"]);
    let shown = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(shown.contains("【院士】\\u{1b}[2J\\u{9b}1m"), "{shown}");
    assert!(
        !shown
            .chars()
            .any(|c| c.is_control() && c != '\t' && c != '\n'),
        "{shown:?}"
    );
    // The figures CSV is data, not text for a terminal: it stays exact.
    let output = huimou(&["figures", file.to_str().expect("UTF-8")]);
    assert!(output.status.success());
}

#[test]
fn minus_zero_is_printed_as_zero() {
    let source = one_line("**0**", "(id:\"f\",label:\"l\",value:-0,unit:\"万个\")", "");
    let path = temp_dir("zero").join("zero.ron");
    std::fs::write(&path, source).expect("write");
    let path = path.to_str().expect("UTF-8");
    let csv = String::from_utf8(huimou(&["figures", path]).stdout).expect("UTF-8");
    assert_eq!(
        csv.lines().nth(1),
        Some("1,t,l,0,万个,,0,个,count,result,false,,,0万个"),
        "{csv}"
    );
    let json =
        String::from_utf8(huimou(&["figures", path, "--format", "json"]).stdout).expect("UTF-8");
    assert!(!json.contains("-0"), "{json}");
}

/// A published report that is one endless sentence full of numbers, one long run of blank
/// lines, and a page nesting its elements a hundred thousand deep: each is answered within the
/// minute (once, every number looked back over its whole sentence: the square of its length).
#[test]
fn endless_sentences_blank_lines_and_deep_pages_are_imported_or_refused_at_once() {
    let dir = temp_dir("published");
    let sentence = format!(
        "一、总体情况\n{}完。\n",
        "产值增长5%，新增企业12家，力争投资3亿元，".repeat(8_000)
    );
    let blank = format!(
        "一、甲\n正文3个。\n{}二、乙\n正文4个。\n",
        "\n".repeat(2_000_000)
    );
    let deep = format!(
        "<html><body>{}一、文字 5个</body></html>",
        "<div>".repeat(100_000)
    );
    for (name, text, imports) in [
        ("sentence.txt", sentence, true),
        ("blank.txt", blank, true),
        ("deep.html", deep, false),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("written");
        let out = dir.join(format!("{name}.ron"));
        let output = huimou(&[
            "import",
            path.to_str().expect("UTF-8"),
            "--out",
            out.to_str().expect("UTF-8"),
            "--force",
        ]);
        let said = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.success(), imports, "{name}: {said}");
    }
    let refused = huimou(&[
        "import",
        dir.join("deep.html").to_str().expect("UTF-8"),
        "--out",
        dir.join("x.ron").to_str().expect("UTF-8"),
    ]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("more than 2000 deep"));
    let _ = std::fs::remove_dir_all(dir);
}
