//! The About box: version, the dataset's source, and the font licence.

use crate::viewer::i18n::{fill, tr};
use egui::RichText;

use crate::viewer::context::ViewerContext;
use crate::viewer::ui::theme;

/// The licence of the bundled fonts.
pub const FONT_LICENSE: &str = include_str!("../../../assets/fonts/LICENSE-OFL.txt");

/// Shows the About box when it is open.
pub fn about_window(ctx: &egui::Context, cx: &ViewerContext<'_>, open: &mut bool) {
    let dataset = cx.dataset();
    egui::Window::new(tr(ctx, "关于回眸"))
        .open(open)
        .collapsible(false)
        .default_width(520.0)
        // In the middle of the window, under the menus rather than over them.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.label(RichText::new(tr(ui, "回眸 Huimou")).font(theme::bold(22.0)));
            ui.label(fill(tr(ui, "版本 {}"), &[&env!("CARGO_PKG_VERSION")]));
            ui.label(tr(ui, "工作回顾报告的桌面阅读器，离线可用。"));
            ui.separator();
            ui.label(RichText::new(tr(ui, "当前报告")).strong());
            ui.label(&dataset.report.title);
            ui.label(fill(tr(ui, "文件：{}"), &[&dataset.origin.display_name()]));
            if !dataset.report.source.is_empty() {
                ui.add(
                    egui::Label::new(fill(tr(ui, "来源：{}"), &[&dataset.report.source])).wrap(),
                );
            }
            ui.separator();
            ui.label(RichText::new(tr(ui, "日志")).strong());
            match crate::viewer::logging::log_path() {
                Some(path) => {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(path.display().to_string()).monospace());
                        if ui.button(tr(ui, "复制路径")).clicked() {
                            ui.ctx().copy_text(path.display().to_string());
                        }
                    });
                }
                None => {
                    ui.label(tr(ui, "没有可写的数据文件夹，日志只写到标准错误输出。"));
                }
            }
            ui.separator();
            ui.label(RichText::new(tr(ui, "字体")).strong());
            ui.label(tr(
                ui,
                "思源黑体 Noto Sans CJK SC（常规、粗体，子集），SIL Open Font License 1.1",
            ));
            egui::CollapsingHeader::new(tr(ui, "字体许可证全文")).show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        ui.label(RichText::new(FONT_LICENSE).monospace().small());
                    });
            });
        });
}
