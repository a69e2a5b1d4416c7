//! The in-app file dialog, driven by the keyboard through egui_kittest (no GPU needed). It
//! stands in for the system's dialog where there is none; these tests force it with
//! `file_dialogs.force_in_app`, as `HUIMOU_FILE_DIALOG=in-app` does, so that no test ever opens
//! a window of the system's. `scripts/ci/no-portal-dialog.sh` checks the real fallback.

use crate::common;

use std::path::{Path, PathBuf};

use common::viewer_with;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use huimou::viewer::app::{HuimouApp, Startup};
use huimou::viewer::commands::{Export, SystemCommand};
use huimou::viewer::settings::Settings;

/// The label of the dialog's name field.
const NAME_FIELD: &str = "文件名：";

/// An empty folder of this test run's own.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("huimou-dialog-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A copy of the bundled report with another title, in `dir`, under a Chinese name.
fn retitled_copy(dir: &Path, title: &str) -> PathBuf {
    let original = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/chengdu-cast-review.ron");
    let text = std::fs::read_to_string(original).expect("bundled dataset");
    let text = text.replacen(
        "title: \"成都市科学技术协会八大以来工作回眸\"",
        &format!("title: \"{title}\""),
        1,
    );
    assert!(text.contains(title), "the title line moved");
    let path = dir.join("复制的报告.ron");
    std::fs::write(&path, text).expect("copy");
    path
}

/// The viewer with the in-app dialog forced.
fn in_app_viewer(startup: Startup) -> Harness<'static, HuimouApp> {
    let mut harness = viewer_with(Settings::default(), startup);
    harness.state_mut().file_dialogs.force_in_app = true;
    harness
}

#[test]
fn ctrl_o_opens_a_typed_path_with_the_in_app_dialog() {
    let dir = temp_dir("open");
    let path = retitled_copy(&dir, "另一份工作回眸");
    let mut harness = in_app_viewer(Startup::default());

    // Esc closes the dialog and opens nothing.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    common::settle(&mut harness);
    assert!(harness.state().file_dialogs.in_app.is_some());
    harness.get_by_label("打开数据集");
    harness.key_press(Key::Escape);
    common::settle(&mut harness);
    assert!(harness.state().file_dialogs.in_app.is_none());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    common::settle(&mut harness);
    let field = harness.get_by_role_and_label(Role::TextInput, NAME_FIELD);
    assert!(field.is_focused(), "the name field takes the keyboard");
    field.type_text(&path.display().to_string());
    common::settle(&mut harness);
    harness.key_press(Key::Enter);
    common::settle(&mut harness);

    assert!(harness.state().file_dialogs.in_app.is_none());
    assert!(harness.get_all_by_label("另一份工作回眸").count() >= 1);
    assert_eq!(
        harness.state().settings().last_file.as_deref(),
        Some(path.as_path())
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_missing_file_is_said_in_the_dialog_which_stays_open() {
    let dir = temp_dir("missing");
    let mut harness = in_app_viewer(Startup::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    common::settle(&mut harness);
    harness
        .get_by_role_and_label(Role::TextInput, NAME_FIELD)
        .type_text(&dir.join("没有.ron").display().to_string());
    common::settle(&mut harness);
    harness.key_press(Key::Enter);
    common::settle(&mut harness);
    assert!(harness.state().file_dialogs.in_app.is_some());
    harness.get_by_label_contains("找不到文件：");
    let _ = std::fs::remove_dir_all(dir);
}

/// The viewer on a copy of the report in `dir` (titled 导出用的回眸), its dialog open to export
/// the initiatives as CSV.
fn exporting_from_a_copy(dir: &Path) -> Harness<'static, HuimouApp> {
    let dataset = retitled_copy(dir, "导出用的回眸");
    let startup = Startup {
        file: Some(dataset),
        ..Startup::default()
    };
    let mut harness = in_app_viewer(startup);
    harness
        .state_mut()
        .push(SystemCommand::ExportDialog(Export::InitiativesCsv));
    common::settle(&mut harness);
    harness
}

#[test]
fn an_export_goes_into_the_proposed_file_in_the_open_files_folder() {
    let dir = temp_dir("export");
    let mut harness = exporting_from_a_copy(&dir);
    let field = harness.get_by_role_and_label(Role::TextInput, NAME_FIELD);
    assert_eq!(field.value().as_deref(), Some("导出用的回眸.csv"));
    // The dataset's folder is listed: the copy is no CSV, so only the (empty) list shows.
    harness.get_by_label_contains("显示文件夹和 .csv 文件");
    harness.key_press(Key::Enter);
    common::settle(&mut harness);

    let csv = dir.join("导出用的回眸.csv");
    let text = std::fs::read_to_string(&csv).expect("the export's file");
    assert!(text.lines().count() > 21, "a header and the 21 initiatives");
    harness.get_by_label_contains("已导出：");

    // Exporting into the same file again asks before replacing it.
    harness
        .state_mut()
        .push(SystemCommand::ExportDialog(Export::InitiativesCsv));
    common::settle(&mut harness);
    harness.key_press(Key::Enter);
    common::settle(&mut harness);
    assert!(harness.state().file_dialogs.in_app.is_some());
    harness.get_by_label_contains("已存在");
    harness.key_press(Key::Enter);
    common::settle(&mut harness);
    assert!(harness.state().file_dialogs.in_app.is_none());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_typed_name_replaces_the_proposed_one_and_the_next_export_starts_where_it_went() {
    let dir = temp_dir("rename");
    let elsewhere = dir.join("导出");
    std::fs::create_dir_all(&elsewhere).expect("a folder");
    let mut harness = exporting_from_a_copy(&dir);
    // The proposed name's stem is selected: what is typed replaces it, the extension stays.
    harness
        .get_by_role_and_label(Role::TextInput, NAME_FIELD)
        .type_text("举措表");
    common::settle(&mut harness);
    let field = harness.get_by_role_and_label(Role::TextInput, NAME_FIELD);
    assert_eq!(field.value().as_deref(), Some("举措表.csv"));

    // A whole path typed over it goes where it says; the next export's dialog starts there,
    // not in the open file's folder.
    let target = elsewhere.join("举措.csv");
    harness.state_mut().file_dialogs.in_app = None;
    harness
        .state_mut()
        .push(SystemCommand::ExportDialog(Export::InitiativesCsv));
    common::settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    common::settle(&mut harness);
    harness
        .get_by_role_and_label(Role::TextInput, NAME_FIELD)
        .type_text(&target.display().to_string());
    common::settle(&mut harness);
    harness.key_press(Key::Enter);
    common::settle(&mut harness);
    assert!(target.exists(), "exported to {}", target.display());
    harness
        .state_mut()
        .push(SystemCommand::ExportDialog(Export::FiguresCsv));
    common::settle(&mut harness);
    let dialog = harness.state().file_dialogs.in_app.as_ref().expect("open");
    assert_eq!(dialog.request.folder, elsewhere);
    let _ = std::fs::remove_dir_all(dir);
}
