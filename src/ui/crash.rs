//! The notice shown after a run that ended in a crash: what went wrong and where the report is.

use crate::i18n::{fill, tr};
use egui::RichText;

use crate::app::HuimouApp;

/// Shows the crash notice while there is one to show.
pub fn crash_window(ctx: &egui::Context, app: &mut HuimouApp) {
    let Some(crash) = &mut app.crash else {
        return;
    };
    // Shown now: the next start need not show it again.
    crash.acknowledge();
    let mut dismissed = false;
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
            ui.add_space(4.0);
            if ui.button(tr(ui, "知道了")).clicked() {
                dismissed = true;
            }
        });
    if dismissed {
        app.crash = None;
    }
}
