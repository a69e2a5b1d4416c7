//! The status bar: which dataset is open, its size, and its warnings.

use crate::document::dataset::Origin;
use crate::viewer::commands::UiCommand;
use crate::viewer::context::ViewerContext;
use crate::viewer::i18n::{fill, tr};

/// How long a message stays in the status bar.
const STATUS_SECONDS: f32 = 10.0;

/// A PDF being made: a spinner and how far it is, on the right.
fn pdf_progress_ui(ui: &mut egui::Ui, fraction: f32) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let percent = (fraction * 100.0).round() as u32;
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(80.0)
                .desired_height(10.0),
        );
        ui.label(fill(tr(ui, "正在生成 PDF… {}%"), &[&percent]));
        ui.add(egui::Spinner::new());
    });
}

/// The last message (an export's outcome, a copy), on the right, until it is old.
fn status_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>) {
    if let Some(fraction) = cx.activity.pdf {
        pdf_progress_ui(ui, fraction);
        return;
    }
    let Some(status) = cx.activity.status else {
        return;
    };
    let age = status.at.elapsed().as_secs_f32();
    if age > STATUS_SECONDS && !cx.activity.exporting {
        return;
    }
    // Wake up once more to take the message away; no repaint loop meanwhile.
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_secs_f32(
            (STATUS_SECONDS - age).max(0.1),
        ));
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let color = if status.error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().weak_text_color()
        };
        ui.add(egui::Label::new(egui::RichText::new(&status.text).color(color)).truncate());
    });
}

/// The bottom bar: the last message on the right, given room first (up to two thirds of the
/// width), then the dataset's counts, then its file, cut to what is left.
pub fn status_bar_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>) {
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let room = egui::vec2(ui.available_width() * 0.66, ui.available_height());
            ui.allocate_ui_with_layout(
                room,
                egui::Layout::right_to_left(egui::Align::Center),
                |ui| status_ui(ui, cx),
            );
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                dataset_ui(ui, cx);
            });
        });
    });
}

/// Which dataset is open, its size, and its warnings.
fn dataset_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>) {
    let dataset = cx.dataset();
    let report = &dataset.report;
    let source = match (cx.session.draft(), &dataset.origin) {
        (Some(draft), _) => fill(tr(ui, "{}（导入，未保存）"), &[&draft.source.display()]),
        (None, Origin::Embedded) => tr(ui, "内置报告").to_owned(),
        (None, Origin::File(path)) => path.display().to_string(),
    };
    let counts = fill(
        tr(ui, "{} 章 · {} 项举措 · {} 个数据"),
        &[
            &report.chapters.len(),
            &report.initiative_count(),
            &dataset.figures().count(),
        ],
    );
    // Warnings are for the dataset's author: they are offered for a file opened, not to
    // every reader of the built-in report (帮助 → 数据集提示 lists them on request).
    let warnings = dataset.warning_count;
    let from_file = matches!(dataset.origin, crate::document::dataset::Origin::File(_));
    let warnings = (warnings > 0 && from_file).then(|| fill(tr(ui, "{} 条提示"), &[&warnings]));
    // The warnings keep their room, then the counts; the file's path is cut to what is left,
    // or left out (its full text on hover over the counts) when too little is.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = |text: &str| {
        ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE))
            .size()
            .x
    };
    const SEPARATOR: f32 = 16.0;
    let room = ui.available_width();
    let warnings_width = warnings.as_deref().map_or(0.0, |w| width(w) + SEPARATOR);
    let path_room = room - warnings_width - width(&counts) - SEPARATOR;
    if path_room >= 40.0 {
        ui.scope(|ui| {
            ui.set_max_width(path_room);
            ui.add(egui::Label::new(&source).truncate())
                .on_hover_text(&source);
        });
        ui.separator();
    }
    ui.scope(|ui| {
        ui.set_max_width((ui.available_width() - warnings_width).max(0.0));
        ui.add(egui::Label::new(counts).truncate())
            .on_hover_text(&source);
    });
    if let Some(warnings) = warnings {
        ui.separator();
        if ui
            .link(warnings)
            .on_hover_text(tr(ui, "数据集可以打开，但有作者可能想知道的问题"))
            .clicked()
        {
            cx.send(UiCommand::Warnings);
        }
    }
}
