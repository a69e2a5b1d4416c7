//! The in-app file dialog, shown where the system has no file dialog (Linux without a desktop
//! portal or zenity): a folder's list, a name field that also takes paths, Enter to choose,
//! Esc to cancel. Its state and what Enter does live in `crate::viewer::dialog::InAppDialog`.

use std::path::PathBuf;

use egui::{Align, Id, Layout, RichText};

use crate::viewer::commands::{KeyContext, SystemCommand, UiCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::dialog::{InAppDialog, Problem, Purpose};
use crate::viewer::i18n::{fill, tr};

/// The dialog's width, in points (less on a small window).
const WIDTH: f32 = 620.0;
/// The height of the folder's list, in points.
const LIST_HEIGHT: f32 = 300.0;

/// What the user did with the dialog this frame.
enum Action {
    Cancel,
    Chosen(PathBuf),
}

/// The id of the name field, so that Enter knows whether the field has the focus.
fn name_id() -> Id {
    Id::unique("huimou-file-dialog-name")
}

/// Shows the in-app file dialog while it is open; a chosen file becomes an open or an export.
pub fn file_dialog_window(
    ctx: &egui::Context,
    cx: &ViewerContext<'_>,
    in_app: &mut Option<InAppDialog>,
) {
    let Some(dialog) = in_app else {
        return;
    };
    let purpose = dialog.request.purpose;
    // What a thread found since the last frame: a folder's entries, or the file Enter chose.
    let found = dialog.poll().map(Action::Chosen);
    if dialog.busy() {
        ctx.request_repaint_after(std::time::Duration::from_millis(20));
    }
    // Keys first, before the name field sees (and drops its focus on) Enter.
    let keyed = keys(ctx, dialog);
    let modal = egui::Modal::new(Id::unique("huimou-file-dialog")).show(ctx, |ui| body(ui, dialog));
    match found.or(keyed).or(modal.inner) {
        None => {}
        Some(Action::Cancel) => *in_app = None,
        Some(Action::Chosen(path)) => {
            *in_app = None;
            cx.send(match purpose {
                Purpose::Open | Purpose::OpenFolder => SystemCommand::Open(path),
                Purpose::Import => SystemCommand::Import(path),
                Purpose::Export(export) => SystemCommand::Export(export, path),
            });
        }
    }
}

/// Esc cancels, ↑/↓ move through the list, Enter confirms the name (unless Tab took the focus
/// to a button, which Enter then presses).
fn keys(ctx: &egui::Context, dialog: &mut InAppDialog) -> Option<Action> {
    let focused = ctx.memory(|m| m.focused());
    let enter_is_ours = focused.is_none() || focused == Some(name_id());
    // The list's keys, as the command table binds them in a list.
    let (escape, enter, up, down) = ctx.input_mut(|i| {
        let mut take = |command: UiCommand| command.consume_in(i, KeyContext::List) > 0;
        (
            take(UiCommand::Close),
            enter_is_ours && take(UiCommand::Choose),
            take(UiCommand::ChoosePrevious),
            take(UiCommand::ChooseNext),
        )
    });
    if escape {
        return Some(Action::Cancel);
    }
    if up || down {
        dialog.move_selection(if up { -1 } else { 1 });
        dialog.focus_name = true;
    }
    if enter {
        dialog.confirm();
    }
    None
}

fn body(ui: &mut egui::Ui, dialog: &mut InAppDialog) -> Option<Action> {
    ui.set_width(WIDTH.min(ui.ctx().content_rect().width() - 48.0));
    let title = match dialog.request.purpose {
        Purpose::Open => tr(ui, "打开数据集"),
        Purpose::Import => tr(ui, "导入报告"),
        Purpose::OpenFolder => tr(ui, "打开文件夹中的报告"),
        Purpose::Export(_) => tr(ui, "导出到文件"),
    };
    ui.heading(title);
    ui.add_space(4.0);
    folder_bar(ui, dialog);
    let listed = list_ui(ui, dialog);
    ui.add_space(4.0);
    name_ui(ui, dialog);
    messages_ui(ui, dialog);
    ui.add_space(4.0);
    let pressed = buttons_ui(ui, dialog);
    listed.or(pressed)
}

/// Up, home, and the folder shown.
fn folder_bar(ui: &mut egui::Ui, dialog: &mut InAppDialog) {
    ui.horizontal(|ui| {
        let has_parent = dialog.folder().parent().is_some();
        if ui
            .add_enabled(has_parent, egui::Button::new(tr(ui, "上一级")))
            .clicked()
        {
            dialog.go_up();
            dialog.focus_name = true;
        }
        if ui.button(tr(ui, "主目录")).clicked() {
            dialog.go_home();
            dialog.focus_name = true;
        }
        let folder = dialog.folder().display().to_string();
        ui.add(egui::Label::new(RichText::new(&folder).strong()).truncate())
            .on_hover_text(folder);
    });
}

/// The folder's entries; a click selects one, a double click opens a folder or chooses a file.
fn list_ui(ui: &mut egui::Ui, dialog: &mut InAppDialog) -> Option<Action> {
    let mut clicked = None;
    let mut activated = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            // A small window (640×480) keeps the buttons in sight: the list gives way.
            .max_height(
                LIST_HEIGHT
                    .min(ui.ctx().content_rect().height() - 300.0)
                    .max(80.0),
            )
            .show(ui, |ui| {
                if dialog.waiting() {
                    ui.label(RichText::new(tr(ui, "正在读取文件夹…")).weak());
                } else if dialog.entries().is_empty() {
                    let text = fill(
                        tr(ui, "这里没有文件夹，也没有 .{} 文件"),
                        &[&dialog.request.extensions.join(" / .")],
                    );
                    ui.label(RichText::new(text).weak());
                }
                for (index, entry) in dialog.entries().iter().enumerate() {
                    let selected = dialog.selected() == Some(index);
                    let text = if entry.is_dir {
                        format!("{}/", entry.name)
                    } else {
                        entry.name.clone()
                    };
                    let response = ui.selectable_label(selected, text);
                    if selected && dialog.scroll_to_selected {
                        response.scroll_to_me(None);
                    }
                    if response.double_clicked() {
                        activated = Some(index);
                    } else if response.clicked() {
                        clicked = Some(index);
                    }
                }
            });
    });
    dialog.scroll_to_selected = false;
    if let Some(index) = clicked {
        dialog.select(index);
        // The keyboard stays in the name field, where Enter and ↑/↓ work.
        dialog.focus_name = true;
    }
    if let Some(index) = activated {
        dialog.activate(index);
    }
    None
}

/// The name field, which takes a name in the folder or a whole path.
fn name_ui(ui: &mut egui::Ui, dialog: &mut InAppDialog) {
    ui.horizontal(|ui| {
        let label = ui.label(tr(ui, "文件名："));
        let edit = egui::TextEdit::singleline(&mut dialog.name)
            .id(name_id())
            .hint_text(tr(ui, "名称，或完整路径（~ 表示主目录）"))
            .desired_width(f32::INFINITY);
        let output = edit.show(ui);
        let response = output.response.response.clone().labelled_by(label.id);
        if dialog.focus_name {
            response.request_focus();
            dialog.focus_name = false;
            // The proposed name's stem is selected, so typing replaces it and keeps the
            // extension, as in the system's save dialogs.
            let stem = dialog.name.rfind('.').unwrap_or(dialog.name.len());
            let chars = dialog.name[..stem].chars().count();
            let mut state = output.state;
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::two(
                    egui::text::CCursor::new(0),
                    egui::text::CCursor::new(chars),
                )));
            state.store(ui.ctx(), response.id);
        }
        if response.changed() {
            dialog.edited();
        }
    });
}

/// What went wrong, which files are shown, and why the system's dialog was not used.
fn messages_ui(ui: &mut egui::Ui, dialog: &InAppDialog) {
    if let Some(problem) = dialog.problem() {
        let text = problem_text(ui, problem);
        ui.label(RichText::new(text).color(ui.visuals().error_fg_color));
    }
    let shown = fill(
        tr(ui, "显示文件夹和 .{} 文件"),
        &[&dialog.request.extensions.join(" / .")],
    );
    ui.label(RichText::new(shown).small().weak());
    // The system's own words (a desktop portal's error, in English) go to the hover and the
    // log; the dialog says what happened in the reader's.
    if let Some(note) = &dialog.note {
        let text = tr(
            ui,
            "这台电脑没有可用的系统文件对话框，已改用回眸自带的对话框。",
        );
        ui.label(RichText::new(text).small().weak())
            .on_hover_text(note);
    }
}

fn problem_text(ui: &egui::Ui, problem: &Problem) -> String {
    match problem {
        Problem::Unreadable(folder, kind) => fill(
            tr(ui, "无法读取文件夹 {}：{}"),
            &[
                &folder.display(),
                &crate::report::words::io_kind_reason(crate::viewer::i18n::lang(ui.ctx()), *kind),
            ],
        ),
        Problem::NoName => tr(ui, "请输入文件名。").to_owned(),
        Problem::NotFound(path) => fill(tr(ui, "找不到文件：{}"), &[&path.display()]),
        Problem::NoFolder(folder) => fill(tr(ui, "文件夹不存在：{}"), &[&folder.display()]),
        Problem::Exists(path) => fill(
            tr(ui, "{} 已存在；再次确认将替换它。"),
            &[&path.file_name().unwrap_or_default().display()],
        ),
    }
}

/// Cancel and the button that confirms: Open or Save.
fn buttons_ui(ui: &mut egui::Ui, dialog: &mut InAppDialog) -> Option<Action> {
    let mut action = None;
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        let confirm = match dialog.request.purpose {
            Purpose::Open => tr(ui, "打开"),
            Purpose::Import => tr(ui, "导入"),
            Purpose::OpenFolder => tr(ui, "打开这个文件夹"),
            Purpose::Export(_) => tr(ui, "保存"),
        };
        if ui.button(confirm).clicked() {
            dialog.confirm();
        }
        if ui.button(tr(ui, "取消")).clicked() {
            action = Some(Action::Cancel);
        }
    });
    action
}
