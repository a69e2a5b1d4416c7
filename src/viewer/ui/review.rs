//! 审阅: an import's guessed figures one row each, the number lit in its sentence, to accept,
//! relabel or drop by keys (the command table's `KeyContext::Review`): one key a figure, the
//! choice moving on to the next undecided one, so a hundred take a few minutes.

use egui::{RichText, TextFormat, text::LayoutJob};

use crate::document::dataset::{Dataset, FigureRef};
use crate::import::review::Verdict;
use crate::viewer::commands::{KeyContext, SystemCommand, UiCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::i18n::{fill, tr};
use crate::viewer::session::Review;
use crate::viewer::ui::theme::{self, Palette};

/// The height of a row: the label line and the sentence line.
const ROW_HEIGHT: f32 = 56.0;

/// What the review panel keeps between frames: the label being edited, and the row last
/// brought into view.
#[derive(Debug, Default)]
pub struct ReviewMemory {
    editing: Option<(FigureRef, String)>,
    shown: Option<usize>,
}

/// The review, filling the central panel.
pub fn review_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, memory: &mut ReviewMemory) {
    let Some(review) = cx.session.review() else {
        return;
    };
    head_ui(ui, cx, review);
    if review.order().is_empty() {
        ui.label(
            RichText::new(tr(ui, "这次导入没有猜测的数据名称。")).color(Palette::of(ui).muted),
        );
        return;
    }
    keys(ui, cx, review, memory);
    let dataset = cx.dataset();
    let selected = review.selected();
    let scroll = memory.shown != Some(selected);
    memory.shown = Some(selected);
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        ROW_HEIGHT,
        review.order().len(),
        |ui, rows| {
            for row in rows {
                let place = review.order()[row];
                let response = row_ui(ui, dataset, (row, place), review, memory, cx);
                if row == selected && scroll {
                    response.scroll_to_me(None);
                }
            }
        },
    );
}

/// The heading, the counts, the keys (read from the command table) and the save button.
fn head_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, review: &Review) {
    let palette = Palette::of(ui);
    let [accepted, relabelled, dropped, open] = review.counts();
    // An import is saved from the draft bar, above; a dataset's review, into its file here.
    let file = match &cx.dataset().origin {
        crate::document::dataset::Origin::File(path) if cx.session.draft().is_none() => path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned()),
        _ => None,
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr(ui, "审阅导入的数据")).font(theme::bold(22.0)));
        if let Some(file) = &file {
            let save = UiCommand::SaveDataset;
            let button = ui
                .add_enabled(
                    accepted + relabelled + dropped > 0,
                    egui::Button::new(fill(tr(ui, "写入 {}"), &[file])),
                )
                .on_hover_text(fill(tr(ui, "把审阅结果写入 {}，其余内容不变"), &[file]));
            if button.clicked() {
                cx.send(save);
            }
        }
    });
    ui.label(fill(
        tr(
            ui,
            "{} 个猜的名称：已确认 {} · 已改名 {} · 已删去 {} · 待审 {}",
        ),
        &[
            &review.order().len(),
            &accepted,
            &relabelled,
            &dropped,
            &open,
        ],
    ));
    // One piece a key, so that a narrow window wraps between them, never inside one.
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 12.0;
        for command in [
            UiCommand::AcceptFigure,
            UiCommand::EditLabel,
            UiCommand::DropFigure,
            UiCommand::CycleStatus,
            UiCommand::UndoVerdict,
            UiCommand::ChooseNext,
        ] {
            let keys = command.keys_text_in(ui.ctx(), KeyContext::Review);
            let text = format!("{keys} {}", command.text(ui));
            let piece = egui::Label::new(RichText::new(text).small().color(palette.muted));
            ui.add(piece.wrap_mode(egui::TextWrapMode::Extend));
        }
    });
    let note = tr(ui, "未审的保存后仍标为待确认");
    ui.label(RichText::new(note).small().color(palette.muted));
    ui.separator();
}

/// The review's keys while no text box has the keyboard: a verdict, a move, or editing the
/// chosen figure's label.
fn keys(ui: &egui::Ui, cx: &ViewerContext<'_>, review: &Review, memory: &mut ReviewMemory) {
    if ui.ctx().text_edit_focused() || memory.editing.is_some() {
        return;
    }
    let given = [
        UiCommand::AcceptFigure,
        UiCommand::DropFigure,
        UiCommand::UndoVerdict,
        UiCommand::CycleStatus,
        UiCommand::ChooseNext,
        UiCommand::ChoosePrevious,
    ];
    let edit = ui.ctx().input_mut(|input| {
        for command in given {
            for _ in 0..command.consume_in(input, KeyContext::Review) {
                cx.send(command);
            }
        }
        UiCommand::EditLabel.consume_in(input, KeyContext::Review) > 0
    });
    if edit && let Some(&place) = review.order().get(review.selected()) {
        let label = match review.verdict(place) {
            Some(Verdict::Relabel(label)) => label.clone(),
            _ => cx.dataset().figure(place).label.clone(),
        };
        memory.editing = Some((place, label));
    }
}

/// One figure: its verdict, its label (or the box to edit it), its value, and its sentence.
fn row_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    (row, place): (usize, FigureRef),
    review: &Review,
    memory: &mut ReviewMemory,
    cx: &ViewerContext<'_>,
) -> egui::Response {
    let palette = Palette::of(ui);
    let figure = dataset.figure(place);
    let verdict = review.verdict(place);
    let selected = row == review.selected();
    let fill = if selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        egui::Color32::TRANSPARENT
    };
    let frame = egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(8, 4));
    let response = frame
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_height(ROW_HEIGHT - 10.0);
            ui.horizontal(|ui| {
                // The verdict in words: the bundled font has no check marks.
                let (tag, color) = match verdict {
                    None => (tr(ui, "待审"), ui.visuals().warn_fg_color),
                    Some(Verdict::Accept) => (tr(ui, "已确认"), palette.accent),
                    Some(Verdict::Relabel(_)) => (tr(ui, "已改名"), palette.accent),
                    Some(Verdict::Drop) => (tr(ui, "已删去"), palette.muted),
                };
                ui.add_sized(
                    [52.0, 20.0],
                    egui::Label::new(RichText::new(tag).small().color(color)),
                );
                label_ui(ui, (place, &figure.label), verdict, memory, cx);
                // The status the figure will be saved with: a target is marked as one.
                let (lang, traditional) = crate::viewer::i18n::Translate::written(ui);
                let script = if traditional {
                    crate::report::script_fold::HanScript::Traditional
                } else {
                    crate::report::script_fold::HanScript::Simplified
                };
                let value = crate::report::chart_text::status_marked(
                    (lang, script),
                    figure,
                    figure.written(),
                );
                ui.label(
                    RichText::new(value)
                        .font(theme::bold(15.0))
                        .color(palette.accent),
                );
                let chapter = &dataset.report.chapters[place.chapter];
                let at = format!("{}.{}", chapter.number, place.initiative + 1);
                ui.label(RichText::new(at).small().color(palette.muted));
            });
            let (sentence, lit) = dataset.sentence_of(place);
            let mut job = LayoutJob::default();
            let plain = TextFormat::simple(egui::FontId::proportional(14.0), palette.muted);
            let strong = TextFormat::simple(theme::bold(14.0), ui.visuals().strong_text_color());
            // The number always shows: in a narrow row (640 wide) a long start of the sentence
            // gives way to "…" and its last words, the number a third of the way in.
            let room = (ui.available_width() / 14.0) as usize;
            let before = &sentence[..lit.start];
            let keep = (room / 3).max(6);
            let skip = before.chars().count().saturating_sub(keep);
            if skip > 1 {
                let from = before.char_indices().nth(skip).map_or(0, |(at, _)| at);
                job.append("…", 0.0, plain.clone());
                job.append(&before[from..], 0.0, plain.clone());
            } else {
                job.append(before, 0.0, plain.clone());
            }
            job.append(&sentence[lit.clone()], 0.0, strong);
            job.append(&sentence[lit.end..], 0.0, plain);
            ui.add(egui::Label::new(job).truncate());
        })
        .response
        .interact(egui::Sense::click());
    if response.clicked() {
        cx.send(SystemCommand::ChooseFigure(row));
    }
    response
}

/// The label as the verdict leaves it, or the box that edits it (Enter keeps, Esc leaves).
fn label_ui(
    ui: &mut egui::Ui,
    (place, label): (FigureRef, &str),
    verdict: Option<&Verdict>,
    memory: &mut ReviewMemory,
    cx: &ViewerContext<'_>,
) {
    if let Some((editing, text)) = &mut memory.editing
        && *editing == place
    {
        // Named for screen readers by the label before it.
        let name = ui.label(tr(ui, "新名称"));
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .desired_width((ui.available_width() - 160.0).clamp(100.0, 220.0)),
            )
            .labelled_by(name.id);
        response.request_focus();
        let (enter, escape) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if escape {
            memory.editing = None;
        } else if enter || response.lost_focus() {
            cx.send(SystemCommand::RelabelFigure(place, text.clone()));
            memory.editing = None;
        }
        return;
    }
    let shown = match verdict {
        Some(Verdict::Relabel(new)) => new.as_str(),
        _ => label,
    };
    let mut text = RichText::new(shown).strong();
    if verdict == Some(&Verdict::Drop) {
        text = text.strikethrough().weak();
    }
    ui.label(text);
    if verdict.is_none() {
        ui.label(crate::viewer::ui::draft::guessed_mark(ui));
    }
}
