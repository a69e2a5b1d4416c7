//! The notice shown after a run that ended in a crash: what went wrong and where the report is.

use crate::viewer::i18n::{fill, tr};
use egui::RichText;

use std::path::{Path, PathBuf};

use crate::viewer::commands::SystemCommand;
use crate::viewer::context::ViewerContext;

/// What the reader chose for the file that was open during the crash.
enum Offer {
    Reopen(PathBuf),
    Forget(PathBuf),
}

/// Says which file was open during the crash and offers to reopen or forget it.
fn offer_file_ui(ui: &mut egui::Ui, file: &Path) -> Option<Offer> {
    ui.add_space(4.0);
    ui.label(tr(
        ui,
        "崩溃时打开的是下面这个文件；为免再次崩溃，这次先打开内置报告：",
    ));
    ui.label(RichText::new(file.display().to_string()).monospace());
    let mut chosen = None;
    ui.horizontal(|ui| {
        if ui.button(tr(ui, "重新打开")).clicked() {
            chosen = Some(Offer::Reopen(file.to_path_buf()));
        }
        if ui.button(tr(ui, "忘记这个文件")).clicked() {
            chosen = Some(Offer::Forget(file.to_path_buf()));
        }
    });
    chosen
}

/// Shows the crash notice while there is one to show.
pub fn crash_window(ctx: &egui::Context, cx: &ViewerContext<'_>) {
    let Some(crash) = cx.activity.crash else {
        return;
    };
    let offer = cx.activity.crashed_file.map(Path::to_path_buf);
    let mut dismissed = false;
    let mut command = None;
    egui::Window::new(tr(ctx, "上次运行意外结束"))
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(tr(
                ui,
                "回眸上次运行时遇到内部错误而关闭，没有保存的只有当时的窗口状态。",
            ));
            ui.label(RichText::new(fill(tr(ui, "错误：{}"), &[&crash.message])).strong());
            ui.label(tr(ui, "完整的错误报告保存在："));
            let path = crash.path.display().to_string();
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&path).monospace());
                if ui.button(tr(ui, "复制路径")).clicked() {
                    ui.ctx().copy_text(path.clone());
                }
            });
            ui.label(tr(ui, "如果问题再次出现，请把这个文件交给维护者。"));
            if let Some(file) = &offer {
                command = offer_file_ui(ui, file);
            }
            ui.add_space(4.0);
            if ui.button(tr(ui, "知道了")).clicked() {
                dismissed = true;
            }
        });
    let chosen = command.is_some();
    match command {
        Some(Offer::Reopen(path)) => cx.send(SystemCommand::Open(path)),
        Some(Offer::Forget(path)) => cx.send(SystemCommand::ForgetFile(path)),
        None => {}
    }
    if dismissed || chosen {
        cx.send(SystemCommand::DismissCrash);
    }
}
