//! The bar over a report imported from a brochure and not yet saved: where it came from, how
//! many figure names were guessed, and the way to save it as a dataset.

use crate::viewer::i18n::{fill, tr};
use egui::RichText;

use crate::viewer::commands::{Command, UiCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::ui::theme::Palette;

/// The draft bar, under the top bar, while an imported report is unsaved.
pub fn draft_bar_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>) {
    let Some(draft) = cx.session.draft() else {
        return;
    };
    let source = draft
        .source
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    // The guesses still to decide: the review's verdicts count down from the import's.
    let guessed = cx
        .session
        .review()
        .map_or(draft.guessed_labels, |review| review.counts()[3]);
    let summary = &draft.summary;
    let left_out = summary.skipped.len() + summary.warnings.len();
    let details = summary
        .lines(crate::viewer::i18n::lang(ui.ctx()))
        .join("\n");
    let mut commands: Vec<Command> = Vec::new();
    egui::Panel::top("draft-bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let palette = Palette::of(ui);
            ui.label(
                RichText::new(fill(tr(ui, "已从「{}」导入，尚未保存。"), &[&source])).strong(),
            );
            if guessed > 0 {
                ui.label(
                    RichText::new(fill(tr(ui, "{} 个名称是猜的，待确认"), &[&guessed]))
                        .color(palette.accent),
                );
            }
            if left_out > 0 {
                // What the import could not read is said, never left out in silence.
                ui.label(
                    RichText::new(fill(tr(ui, "{} 处需要注意"), &[&left_out]))
                        .color(ui.visuals().warn_fg_color),
                )
                .on_hover_text(details);
            }
            let review = UiCommand::Review;
            if ui
                .button(review.text(ui))
                .on_hover_text(review.hint(ui.ctx()))
                .clicked()
            {
                commands.push(review.into());
            }
            let save = UiCommand::SaveDataset;
            if ui
                .button(save.text(ui))
                .on_hover_text(save.hint(ui.ctx()))
                .clicked()
            {
                commands.push(save.into());
            }
            if ui.button(tr(ui, "查看提示")).clicked() {
                commands.push(UiCommand::Warnings.into());
            }
        });
    });
    for command in commands {
        cx.send(command);
    }
}

/// The mark after a figure's name that the importer guessed.
pub fn guessed_mark(ui: &egui::Ui) -> RichText {
    RichText::new(tr(ui, "（待确认）"))
        .small()
        .color(Palette::of(ui).accent)
}
