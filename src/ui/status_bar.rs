//! The status bar: which dataset is open, its size, and its warnings.

use crate::app::{Command, HuimouApp};
use crate::dataset::Origin;
use crate::i18n::{fill, tr};

/// The bottom bar.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &mut HuimouApp) {
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let report = &app.dataset.report;
            let source = match &app.dataset.origin {
                Origin::Embedded => tr(ui, "内置报告").to_owned(),
                Origin::File(path) => path.display().to_string(),
            };
            ui.label(source);
            ui.separator();
            ui.label(fill(
                tr(ui, "{} 章 · {} 项举措 · {} 个数据"),
                &[
                    &report.chapters.len(),
                    &report.initiative_count(),
                    &app.dataset.figures().count(),
                ],
            ));
            let warnings = app.dataset.warnings.len();
            if warnings > 0 {
                ui.separator();
                if ui
                    .link(fill(tr(ui, "{} 条提示"), &[&warnings]))
                    .on_hover_text(tr(ui, "数据集可以打开，但有作者可能想知道的问题"))
                    .clicked()
                {
                    app.push(Command::ShowWarnings);
                }
            }
        });
    });
}
