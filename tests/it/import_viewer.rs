//! File → 导入… in the viewer: a brochure shown as a report with its guessed names marked, then
//! saved as a dataset and opened from there; a brochure that cannot be imported says why.

use crate::common;

use common::{data, viewer};
use egui_kittest::kittest::Queryable as _;
use huimou::document::dataset::Origin;
use huimou::viewer::commands::{Export, SystemCommand, UiCommand};
use huimou::viewer::place::View;

/// A viewer with the work report in its published shape imported: on its review.
fn work_report_imported() -> egui_kittest::Harness<'static, huimou::viewer::app::HuimouApp> {
    let mut harness = viewer();
    harness.state_mut().push(SystemCommand::Import(data(
        "import/published/gov-work-report.txt",
    )));
    harness.run();
    harness
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("huimou-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn an_imported_brochure_is_shown_marked_and_saved_as_a_dataset() {
    let mut harness = viewer();
    harness
        .state_mut()
        .push(SystemCommand::Import(data("import/seed.txt")));
    harness.run();
    let app = harness.state();
    assert_eq!(app.session().dataset().report.chapters.len(), 5);
    assert_eq!(app.session().dataset().report.initiative_count(), 21);
    let guessed = app.session().draft().expect("a draft").guessed_labels;
    assert!(guessed > 0, "the seed's names are guessed");
    // The bar says so, and offers to save.
    harness.get_by_label("已从「seed.txt」导入，尚未保存。");
    harness.get_by_label("保存为数据集…");
    // The table of figures marks every guessed name.
    harness.state_mut().push(SystemCommand::Show(View::Figures));
    harness.run();
    let marks = harness.query_all_by_label("（待确认）").count();
    assert!(marks > 0, "marks in the table");

    let dir = temp_dir("import-save");
    let saved = dir.join("成都.ron");
    harness
        .state_mut()
        .push(SystemCommand::Export(Export::DatasetRon, saved.clone()));
    harness.run();
    let app = harness.state();
    assert!(app.session().draft().is_none(), "saved: no longer a draft");
    assert_eq!(app.session().dataset().origin, Origin::File(saved.clone()));
    assert!(app.watcher().is_some(), "the saved file is watched");
    assert_eq!(app.settings().last_file.as_ref(), Some(&saved));
    let reloaded = huimou::document::load::load_file(&saved).expect("the saved dataset loads");
    assert_eq!(reloaded.report.chapters.len(), 5);
    assert!(harness.query_by_label("保存为数据集…").is_none());
    // The status bar counts the warnings as `huimou check` does: every one, not only the
    // first ones listed (each guessed name is one: more than are listed).
    let text = std::fs::read_to_string(&saved).expect("saved");
    let (_, warnings) = huimou::document::load::diagnose_str(&text).totals;
    assert!(warnings > app_listed(&harness), "{warnings}");
    harness.get_by_label(&format!("{warnings} 条提示"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_dropped_brochure_is_imported_and_a_dropped_dataset_opened() {
    let mut harness = viewer();
    common::drop_file(&mut harness, data("import/traditional.md"));
    harness.run();
    assert!(
        harness.state().session().draft().is_some(),
        "the brochure was imported"
    );
    common::drop_file(&mut harness, data("good/minimal.ron"));
    harness.run();
    let app = harness.state();
    assert!(app.session().draft().is_none());
    assert_eq!(
        app.session().dataset().origin,
        Origin::File(data("good/minimal.ron"))
    );
}

#[test]
fn a_brochure_that_cannot_be_imported_says_where_and_why_in_the_window() {
    let mut harness = viewer();
    let before = harness.state().session().dataset().report.title.clone();
    harness
        .state_mut()
        .push(SystemCommand::Import(data("import/broken-brochure.md")));
    harness.run();
    let app = harness.state();
    let status = app.status().expect("a message");
    assert!(status.error, "{}", status.text);
    assert!(
        status.text.starts_with("无法导入：") && status.text.contains("broken-brochure.md"),
        "{}",
        status.text
    );
    assert_eq!(
        app.session().dataset().report.title,
        before,
        "the report on screen stays"
    );
    assert!(app.session().draft().is_none());
    // The status bar may be too narrow for the reason: a window gives it whole.
    assert!(matches!(
        app.session().diagnostics(),
        Some(huimou::viewer::session::Diagnostics::ImportFailed(..))
    ));
    let reason = status.text.trim_start_matches("无法导入：").to_owned();
    harness.get_by_label("无法导入");
    harness.get_by_label(&reason);
}

#[test]
fn file_import_asks_for_a_brochure() {
    let mut harness = viewer();
    harness.state_mut().file_dialogs.force_in_app = true;
    harness.state_mut().push(UiCommand::Import);
    harness.run();
    let dialog = harness
        .state()
        .file_dialogs
        .in_app
        .as_ref()
        .expect("a dialog");
    assert_eq!(
        dialog.request.extensions,
        ["md", "txt", "docx", "html", "htm", "pdf"]
    );
    harness.get_by_label("导入报告");
}

/// An import is saved beside the report it came from: the save dialog opens in its folder.
#[test]
fn an_import_is_saved_beside_its_report() {
    // Even after an export went elsewhere.
    let settings = huimou::viewer::settings::Settings {
        export_folder: Some(std::env::temp_dir()),
        ..Default::default()
    };
    let mut harness = common::viewer_with(settings, huimou::viewer::app::Startup::default());
    harness.state_mut().file_dialogs.force_in_app = true;
    let source = data("import/published/gov-work-report.txt");
    harness
        .state_mut()
        .push(SystemCommand::Import(source.clone()));
    harness.run();
    harness.state_mut().push(UiCommand::SaveDataset);
    harness.run();
    let dialog = harness
        .state()
        .file_dialogs
        .in_app
        .as_ref()
        .expect("a dialog");
    let folder = std::path::absolute(source.parent().expect("a folder")).expect("absolute");
    assert_eq!(dialog.request.folder, folder);
}

/// How many warnings the open dataset lists.
fn app_listed(harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>) -> usize {
    harness.state().session().dataset().warnings.len()
}

/// A published report imported in the window: shown as a report with its chapters from 一、,
/// and the draft bar says how many things the import could not read (here a mixed numeral, a
/// fraction and a rate), in the interface's language.
#[test]
fn an_imported_work_report_says_what_it_left_out() {
    let harness = work_report_imported();
    let app = harness.state();
    let names: Vec<&str> = app
        .session()
        .dataset()
        .report
        .chapters
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["2023年工作回顾", "2024年工作安排"]);
    let summary = &app.session().draft().expect("a draft").summary;
    assert_eq!(summary.skipped.len(), 2);
    harness.get_by_label("2 处需要注意");
}

/// An import opens on the review of its guessed figures; the keyboard alone goes through
/// them, one key a figure (Enter or A accepts, D drops, E edits, U takes back, ↑/↓ or K/J
/// move), and saving writes what was decided.
#[test]
fn an_import_opens_on_its_review_which_the_keyboard_alone_goes_through() {
    use egui::{Key, Modifiers};
    use huimou::import::review::Verdict;
    let mut harness = work_report_imported();
    assert_eq!(harness.state().view(), View::Review);
    harness.get_by_label("审阅导入的数据");
    harness.get_by_label_contains("Enter / A 确认");
    let review = |harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>| {
        let review = harness.state().session().review().expect("a review");
        (
            review.order().to_vec(),
            review.selected(),
            review.verdicts().clone(),
        )
    };
    let (order, selected, _) = review(&harness);
    let figures = harness.state().session().dataset().figures().count();
    assert!(order.len() >= 10, "{}", order.len());
    assert_eq!(selected, 0);

    let mut presses = 0;
    let mut press = |harness: &mut egui_kittest::Harness<'_, _>, key| {
        harness.key_press(key);
        harness.run();
        presses += 1;
        presses
    };
    press(&mut harness, Key::Enter);
    press(&mut harness, Key::D);
    let (_, selected, verdicts) = review(&harness);
    assert_eq!(verdicts.get(&order[0]), Some(&Verdict::Accept));
    assert_eq!(verdicts.get(&order[1]), Some(&Verdict::Drop));
    assert_eq!(selected, 2, "each verdict moves on");
    // E edits the label: the old one selected, the new one typed, Enter keeps it.
    press(&mut harness, Key::E);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("新的名称".to_owned()));
    press(&mut harness, Key::Enter);
    let (_, _, verdicts) = review(&harness);
    assert_eq!(
        verdicts.get(&order[2]),
        Some(&Verdict::Relabel("新的名称".to_owned()))
    );
    // A accepts the next; K goes back to it, U takes the verdict back.
    press(&mut harness, Key::A);
    press(&mut harness, Key::K);
    press(&mut harness, Key::U);
    let (_, selected, verdicts) = review(&harness);
    assert_eq!(selected, 3);
    assert_eq!(verdicts.get(&order[3]), None);
    // J moves on without deciding; A accepts every figure left but the one taken back.
    press(&mut harness, Key::J);
    while review(&harness).2.len() < order.len() - 1 {
        let presses = press(&mut harness, Key::A);
        assert!(presses < order.len() + 10, "one key a figure");
    }
    harness.get_by_label_contains("待审 1");

    let dir = temp_dir("import-review");
    let saved = dir.join("reviewed.ron");
    harness
        .state_mut()
        .push(SystemCommand::Export(Export::DatasetRon, saved.clone()));
    harness.run();
    let reloaded = huimou::document::load::load_file(&saved).expect("the reviewed dataset loads");
    assert_eq!(reloaded.figures().count(), figures - 1, "one dropped");
    let still_guessed = reloaded.figures().filter(|(_, f)| f.label_guessed).count();
    assert_eq!(still_guessed, 1, "the one taken back");
    assert!(reloaded.figures().any(|(_, f)| f.label == "新的名称"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_report_named_on_the_command_line_is_imported_and_opens_on_its_review() {
    let harness = common::viewer_with(
        huimou::viewer::settings::Settings::default(),
        huimou::viewer::app::Startup {
            file: Some(data("import/published/stats-bulletin.md")),
            ..huimou::viewer::app::Startup::default()
        },
    );
    let app = harness.state();
    let draft = app
        .session()
        .draft()
        .expect("imported, not loaded as a dataset");
    assert!(draft.source.ends_with("stats-bulletin.md"));
    assert!(app.session().diagnostics().is_none());
    assert_eq!(app.view(), View::Review);
}

/// U takes back the latest verdict when the chosen figure has none (the choice moved on).
#[test]
fn u_takes_back_the_latest_verdict_and_chooses_its_figure_again() {
    use egui::Key;
    let mut harness = work_report_imported();
    let order = harness
        .state()
        .session()
        .review()
        .expect("a review")
        .order()
        .to_vec();
    harness.key_press(Key::D);
    harness.run();
    harness.key_press(Key::U);
    harness.run();
    let review = harness.state().session().review().expect("a review");
    assert_eq!(review.verdict(order[0]), None, "the drop taken back");
    assert_eq!(review.selected(), 0, "its figure chosen again");
}

/// A report named on the command line says it was imported in the reader's language.
#[test]
fn a_report_imported_from_the_command_line_says_so_in_english() {
    let harness = common::viewer_with(
        huimou::viewer::settings::Settings {
            language: Some(huimou::viewer::i18n::Lang::En),
            ..huimou::viewer::settings::Settings::default()
        },
        huimou::viewer::app::Startup {
            file: Some(data("import/published/gov-work-report.txt")),
            ..huimou::viewer::app::Startup::default()
        },
    );
    let status = harness.state().status().expect("a message");
    assert!(!status.text.contains("已导入"), "{}", status.text);
}

/// A traditional report imported follows its script at once: what the shell says of it, and
/// the marks of its guessed figures, are in traditional characters.
#[test]
fn an_imported_traditional_report_is_spoken_of_in_its_script() {
    let mut harness = viewer();
    harness.state_mut().push(SystemCommand::Import(data(
        "import/published/association-review-traditional.txt",
    )));
    harness.run();
    let status = harness.state().status().expect("a message");
    assert!(status.text.starts_with("已導入"), "{}", status.text);
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Overview));
    harness.run();
    assert!(harness.query_all_by_label_contains("（待確認）").count() > 0);
    assert_eq!(harness.query_all_by_label_contains("（待确认）").count(), 0);
}

/// A dataset written by `huimou import` and opened later, its labels not yet confirmed: Alt+R
/// reviews them as an import's are, and the button (or Ctrl+S) writes the verdicts into the
/// file itself, changing nothing else of it (the author's comment stays).
#[test]
fn a_saved_dataset_s_guessed_labels_are_reviewed_and_written_into_its_file() {
    use egui::{Key, Modifiers};
    let dir = temp_dir("dataset-review");
    let file = dir.join("报告.ron");
    let imported = huimou::import::import_file(&data("import/published/gov-work-report.txt"))
        .expect("imports");
    let source = format!("// 作者的注释：先审阅再发布\n{}", imported.ron);
    std::fs::write(&file, &source).expect("written");
    let mut harness = viewer();
    harness.state_mut().push(SystemCommand::Open(file.clone()));
    harness.run();
    let guessed = |harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>| {
        huimou::import::review::guessed(harness.state().session().dataset()).len()
    };
    let (before, figures) = (
        guessed(&harness),
        harness.state().session().dataset().figures().count(),
    );
    assert!(before >= 10, "{before}");
    harness.key_press_modifiers(Modifiers::ALT, Key::R);
    harness.run();
    assert_eq!(harness.state().view(), View::Review);
    for key in [Key::Enter, Key::D, Key::A] {
        harness.key_press(key);
        harness.run();
    }
    harness.get_by_label("写入 报告.ron").click();
    harness.run();
    let written = std::fs::read_to_string(&file).expect("read");
    assert!(
        written.starts_with("// 作者的注释：先审阅再发布\n"),
        "{written}"
    );
    let app = harness.state();
    assert_eq!(app.session().dataset().origin, Origin::File(file.clone()));
    assert_eq!(guessed(&harness), before - 3, "two confirmed, one dropped");
    assert_eq!(
        harness.state().session().dataset().figures().count(),
        figures - 1
    );
    harness.get_by_label_contains("已保存");
    let _ = std::fs::remove_dir_all(dir);
}

/// The built-in report has no guessed labels: Alt+R says there is nothing to review.
#[test]
fn a_report_without_guessed_labels_has_nothing_to_review() {
    use egui::{Key, Modifiers};
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::R);
    harness.run();
    assert_ne!(harness.state().view(), View::Review);
    harness.get_by_label_contains("没有要审阅的名称");
}

/// Verdicts not yet saved are never lost in silence: quitting asks (Esc stays, with them),
/// and opening another report asks too; 不保存 lets them go and opens it.
#[test]
fn unsaved_verdicts_are_asked_about_before_they_would_be_lost() {
    use egui::Key;
    use huimou::viewer::commands::Leave;
    let mut harness = work_report_imported();
    harness.key_press(Key::Enter);
    harness.run();
    let verdicts = |harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>| {
        harness
            .state()
            .session()
            .review()
            .map_or(0, |r| r.verdicts().len())
    };
    assert_eq!(verdicts(&harness), 1);
    harness.state_mut().push(UiCommand::Quit);
    harness.run();
    assert_eq!(harness.state().windows().leaving, Some(Leave::Quit));
    harness.get_by_label("审阅结果尚未保存");
    harness.get_by_label_contains("1 个名称的审阅结果还没有保存");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().windows().leaving, None, "Esc stays");
    assert_eq!(verdicts(&harness), 1, "with the verdicts");
    // Another report waits for the word, then opens without them.
    let other = data("good/minimal.ron");
    harness.state_mut().push(SystemCommand::Open(other.clone()));
    harness.run();
    assert_eq!(
        harness.state().windows().leaving,
        Some(Leave::Open(other.clone()))
    );
    assert!(
        harness.state().session().draft().is_some(),
        "not yet replaced"
    );
    harness.get_by_label("不保存").click();
    harness.run();
    assert_eq!(
        harness.state().session().dataset().origin,
        Origin::File(other)
    );
    assert_eq!(harness.state().windows().leaving, None);
}

/// A verdict shows everywhere at once, before saving: the figures table marks one guess
/// fewer after Enter accepts one, and shows a new label given by E.
#[test]
fn a_verdict_shows_in_every_view_before_saving() {
    use egui::{Key, Modifiers};
    let mut harness = work_report_imported();
    let marked = |harness: &mut egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>| {
        harness.state_mut().push(SystemCommand::Show(View::Figures));
        harness.run();
        let count = harness.query_all_by_label("（待确认）").count();
        harness.state_mut().push(UiCommand::Review);
        harness.run();
        count
    };
    let before = marked(&mut harness);
    assert!(before > 2, "{before}");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(marked(&mut harness), before - 1);
    harness.key_press(Key::E);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("审阅后的名称".to_owned()));
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(marked(&mut harness), before - 2);
    harness.state_mut().push(SystemCommand::Show(View::Figures));
    harness.run();
    harness.get_by_label("审阅后的名称");
    // Taken back, the guess shows again, marked.
    harness.state_mut().push(UiCommand::Review);
    harness.run();
    harness.key_press(Key::U);
    harness.run();
    assert_eq!(marked(&mut harness), before - 1);
}

/// At 640×480 each row of the review shows its number in its sentence: a long start of the
/// sentence gives way to "…", never the number.
#[test]
fn a_narrow_review_shows_each_number_in_its_sentence() {
    let builder = egui_kittest::Harness::builder().with_size([640.0, 480.0]);
    let mut harness = common::build_viewer(
        builder,
        huimou::viewer::settings::Settings::default(),
        huimou::viewer::app::Startup::default(),
    );
    harness.state_mut().push(SystemCommand::Import(data(
        "import/published/gov-work-report.txt",
    )));
    harness.run();
    assert_eq!(harness.state().view(), View::Review);
    // What the frame shows of each text: its glyphs, the elided ones left out.
    let shown: Vec<String> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) => Some(
                text.galley
                    .rows
                    .iter()
                    .flat_map(|row| row.glyphs.iter().map(|g| g.chr))
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    let review = harness.state().session().review().expect("a review");
    let dataset = harness.state().session().dataset();
    let mut checked = 0;
    for &place in review.order().iter().take(3) {
        let (sentence, lit) = dataset.sentence_of(place);
        let number = &sentence[lit];
        let row = shown
            .iter()
            .find(|text| text.contains(number) && text.chars().count() > 12)
            .unwrap_or_else(|| panic!("{number} is not shown in its sentence: {shown:?}"));
        assert!(row.contains(number), "{row}");
        checked += 1;
    }
    assert_eq!(checked, 3);
}

/// T sets the chosen figure's status where the import read it wrong (result → target →
/// estimate → result): shown at once, marked, and saved.
#[test]
fn the_review_corrects_a_figure_s_status() {
    use egui::Key;
    let mut harness = work_report_imported();
    let first = harness
        .state()
        .session()
        .review()
        .expect("a review")
        .order()[0];
    let status = |harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>| {
        harness.state().session().dataset().figure(first).status
    };
    assert_eq!(status(&harness), huimou::Status::Result);
    harness.key_press(Key::T);
    harness.run();
    assert_eq!(status(&harness), huimou::Status::Target);
    harness.get_by_label_contains("（目标）");
    for expected in [
        huimou::Status::Estimate,
        huimou::Status::Result,
        huimou::Status::Target,
    ] {
        harness.key_press(Key::T);
        harness.run();
        assert_eq!(status(&harness), expected);
    }
    let dir = temp_dir("import-status");
    let saved = dir.join("reviewed.ron");
    harness
        .state_mut()
        .push(SystemCommand::Export(Export::DatasetRon, saved.clone()));
    harness.run();
    let reloaded = huimou::document::load::load_file(&saved).expect("the reviewed dataset loads");
    assert_eq!(reloaded.figure(first).status, huimou::Status::Target);
    let _ = std::fs::remove_dir_all(dir);
}
