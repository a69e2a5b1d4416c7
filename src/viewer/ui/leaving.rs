//! The question asked before review verdicts not yet saved would be lost (quitting, opening
//! another report): save them, let them go, or stay.

use egui::RichText;

use crate::viewer::commands::{Leave, LeaveChoice, SystemCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::i18n::{fill, tr};

/// The question, while something waits on it; Esc or a click outside stays.
pub fn leaving_window(ctx: &egui::Context, cx: &ViewerContext<'_>, leaving: Option<&Leave>) {
    let Some(leaving) = leaving else {
        return;
    };
    let unsaved = cx.session.review().map_or(0, |r| r.verdicts().len());
    let modal = egui::Modal::new(egui::Id::unique("huimou-leaving")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        let heading = tr(ui, "审阅结果尚未保存");
        ui.label(RichText::new(heading).font(crate::viewer::ui::theme::bold(18.0)));
        let text = match leaving {
            Leave::Quit => tr(
                ui,
                "{} 个名称的审阅结果还没有保存；不保存就退出，它们会丢失。",
            ),
            Leave::Open(_) | Leave::Import(_) => tr(
                ui,
                "{} 个名称的审阅结果还没有保存；不保存就打开别的报告，它们会丢失。",
            ),
        };
        ui.label(fill(text, &[&unsaved]));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            // Saving first: Enter on the first button keeps the work.
            let save = ui.button(tr(ui, "保存"));
            if !ui.ctx().memory(|m| m.focused().is_some()) {
                save.request_focus();
            }
            let discard = ui.button(tr(ui, "不保存"));
            let stay = ui.button(tr(ui, "取消"));
            [
                (save, LeaveChoice::Save),
                (discard, LeaveChoice::Discard),
                (stay, LeaveChoice::Stay),
            ]
            .into_iter()
            .find(|(button, _)| button.clicked())
            .map(|(_, choice)| choice)
        })
        .inner
    });
    let choice = modal
        .inner
        .or_else(|| modal.should_close().then_some(LeaveChoice::Stay));
    if let Some(choice) = choice {
        cx.send(SystemCommand::Leave(choice));
    }
}
