//! The interface in Chinese and English: every string has both, switching works at run time
//! and is remembered, and the dataset's English shows where it has one.

use crate::common;

use common::viewer_with;
use egui_kittest::kittest::Queryable as _;
use huimou::viewer::app::Startup;
use huimou::viewer::commands::SystemCommand;
use huimou::viewer::i18n::{self, Lang};
use huimou::viewer::place::View;
use huimou::viewer::settings::Settings;

/// The interface's source files: panels, the shell, the command table.
fn interface_sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("src/viewer/ui"))
        .expect("src/viewer/ui")
        .map(|e| e.expect("entry").path())
        .collect();
    for file in ["mod.rs", "exports.rs", "dialogs.rs", "reload.rs"] {
        files.push(root.join("src/viewer/app").join(file));
    }
    files.push(root.join("src/viewer/commands.rs"));
    // What the charts and the PDF write in the interface's language (the PDF's text.rs holds
    // punctuation tables, not words).
    for file in [
        "report/chart_text.rs",
        "export/pdf/mod.rs",
        "export/pdf/chart.rs",
    ] {
        files.push(root.join("src").join(file));
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("source");
            // Unit tests may use any text.
            let code = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .to_owned();
            (path.display().to_string(), code)
        })
        .collect()
}

/// The string literals of a source text with their line and the code just before them (blanks
/// squeezed out, so that a call broken over lines reads as one), comments left out.
fn literals(code: &str) -> Vec<(usize, String, String)> {
    let code: String = code
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let mut rest = code.as_str();
    let mut consumed = 0;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let Some(len) = after.find('"') else { break };
        let before: String = code[..consumed + start]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let line = code[..consumed + start].matches('\n').count() + 1;
        found.push((line, before, after[..len].to_owned()));
        consumed += start + len + 2;
        rest = &after[len + 1..];
    }
    found
}

fn is_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}'))
}

#[test]
fn every_interface_string_has_english_and_goes_through_tr() {
    let mut missing = Vec::new();
    let mut untranslated = Vec::new();
    for (file, code) in interface_sources() {
        // The command table is translated where it is shown.
        let in_table = file.ends_with("commands.rs");
        for (line, before, text) in literals(&code) {
            if !is_chinese(&text) || matches!(text.as_str(), "＋" | "－") {
                continue;
            }
            let through_tr = before.ends_with("tr(ui,")
                || before.ends_with("tr(ctx,")
                || before.ends_with("tr_in(lang,")
                || in_table;
            let text = text.replace("\\n", "\n");
            if !through_tr {
                untranslated.push(format!("{file}:{line}: {text}"));
            } else if i18n::english(&text).is_none() {
                missing.push(format!("{file}:{line}: {text}"));
            }
        }
    }
    assert!(
        untranslated.is_empty(),
        "shown without tr:\n{}",
        untranslated.join("\n")
    );
    assert!(missing.is_empty(), "no English:\n{}", missing.join("\n"));
}

#[test]
fn the_language_switches_at_run_time_and_is_remembered() {
    let mut harness = viewer_with(Settings::default(), Startup::default());
    harness.get_by_label("文件");
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().settings().language, Some(Lang::En));
    harness.get_by_label("File");
    harness.get_by_label("View");
    harness.get_by_label("Help");
    assert!(harness.query_by_label("文件").is_none());
    // The dataset's English: the report's title and the chapters' names.
    let title = "Chengdu Association for Science and Technology: Looking Back on Our Work Since the 8th Congress";
    assert_eq!(
        harness.get_all_by_label(title).count(),
        2,
        "top bar and cover"
    );
    assert!(
        harness.get_all_by_label_contains("Guidance").count() >= 2,
        "navigation and card"
    );
    harness.get_by_label_contains("5 chapters · 21 initiatives · 59 figures");

    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(1)));
    harness.run();
    harness.get_by_label("Gathering top expertise for innovating organisations");
    harness.get_by_label("Talent engaged flexibly (people)");
    // The body text stays Chinese.
    harness.get_by_label_contains("累计建成院士(专家)创新工作站");

    harness.get_by_label("简体").click();
    harness.run();
    harness.get_by_label("文件");
    harness.get_by_label("聚集高端智力资源助力创新主体");
    assert_eq!(harness.state().settings().language, Some(Lang::Zh));
}

/// A traditional report gets a traditional interface (總覽, 數據一覽), as its PDF does; the
/// reader can choose either script, or English, and the choice is kept.
#[test]
fn a_traditional_report_gets_a_traditional_interface_and_the_reader_may_choose() {
    use huimou::viewer::settings::ChineseScript;
    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            file: Some(common::data("good/traditional.ron")),
            ..Startup::default()
        },
    );
    // Following the report: traditional words in menus, navigation and the status bar.
    harness.get_by_label("總覽");
    harness.get_by_label("數據一覽");
    harness.get_by_label("幫助");
    assert!(harness.query_by_label("总览").is_none());
    // The languages are each named in themselves.
    harness.get_by_label("繁體");
    harness.get_by_label("简体").click();
    harness.run();
    assert_eq!(harness.state().settings().script, ChineseScript::Simplified);
    harness.get_by_label("总览");
    harness.get_by_label("数据一览");
    assert!(harness.query_by_label("總覽").is_none());
    // The report's own text is never converted.
    let title = harness.state().session().dataset().report.title.clone();
    assert!(harness.query_all_by_label(&title).count() >= 1, "{title}");
    harness.get_by_label("繁體").click();
    harness.run();
    assert_eq!(
        harness.state().settings().script,
        ChineseScript::Traditional
    );
    harness.get_by_label("總覽");

    // The built-in (simplified) report, following the report again: simplified.
    let mut harness = viewer_with(Settings::default(), Startup::default());
    harness.get_by_label("总览");
    harness
        .state_mut()
        .push(huimou::viewer::commands::UiCommand::LanguageZhHant);
    harness.run();
    harness.get_by_label("總覽");
}

#[test]
fn the_system_locale_chooses_the_first_language() {
    let settings = Settings {
        language: None,
        ..Settings::default()
    };
    // `viewer_with` pins Chinese for tests; build one that follows the system instead.
    let builder = egui_kittest::Harness::builder().with_size(common::SIZE);
    let harness = common::build_viewer(builder, settings, Startup::default());
    assert_eq!(harness.state().lang(), Lang::system());
}

#[test]
fn a_traditional_interface_says_the_dataset_s_warnings_in_traditional() {
    use egui_kittest::kittest::Queryable as _;
    use huimou::viewer::commands::UiCommand;
    let mut harness = viewer_with(Settings::default(), Startup::default());
    let message = harness.state().session().dataset().warnings[0]
        .message
        .zh
        .clone();
    harness.state_mut().push(UiCommand::LanguageZhHant);
    harness.state_mut().push(UiCommand::Warnings);
    harness.run();
    let words: String = message
        .chars()
        .take_while(|c| !"「`".contains(*c))
        .collect();
    let traditional = hanconv::s2tw(&words);
    assert_ne!(
        traditional, words,
        "the message has simplified characters to convert"
    );
    harness.get_by_label_contains(&traditional);
    assert!(harness.query_by_label(&message).is_none(), "{message}");
}
