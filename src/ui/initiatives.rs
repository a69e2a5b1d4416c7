//! An initiative as a card: its bold title and its full text, figures emphasised and linked,
//! search matches highlighted.

use std::ops::Range;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{FontFamily, FontId, Galley, Sense, TextFormat};

use crate::app::Command;
use crate::dataset::{Dataset, FigureRef};
use crate::search::Hit;
use crate::ui::theme::{self, Palette};

/// Size of body text.
pub const BODY_SIZE: f32 = 15.0;
/// Size of initiative titles.
pub const TITLE_SIZE: f32 = 17.0;

/// What to emphasise in a text: search matches (byte ranges of the marked-up text).
pub fn highlighted_job(
    text: &str,
    pieces: &[(Range<usize>, Option<usize>)],
    matches: &[Range<usize>],
    style: &dyn Fn(Option<usize>) -> TextFormat,
    palette: &Palette,
) -> (LayoutJob, Vec<(Range<usize>, usize)>) {
    let mut job = LayoutJob::default();
    let mut figure_chars = Vec::new();
    let mut chars = 0;
    for (range, figure) in pieces {
        let mut cuts = vec![range.start, range.end];
        for m in matches {
            for point in [m.start, m.end] {
                if range.start < point && point < range.end {
                    cuts.push(point);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let start_chars = chars;
        for pair in cuts.windows(2) {
            let piece = &text[pair[0]..pair[1]];
            let mut format = style(*figure);
            if matches
                .iter()
                .any(|m| m.start <= pair[0] && pair[1] <= m.end)
            {
                format.background = palette.match_background;
            }
            job.append(piece, 0.0, format);
            chars += piece.chars().count();
        }
        if let Some(f) = figure {
            figure_chars.push((start_chars..chars, *f));
        }
    }
    (job, figure_chars)
}

/// One initiative card; returns a command when a figure in it was clicked.
pub fn initiative_card_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    chapter: usize,
    initiative: usize,
    hit: Option<&Hit>,
    selection: Option<FigureRef>,
) -> Option<Command> {
    let palette = Palette::of(ui);
    let item = &dataset.report.chapters[chapter].initiatives[initiative];
    let text_color = ui.visuals().text_color();
    let mut command = None;
    let frame = theme::card(ui, palette.card, 12);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        let wrap = ui.available_width();

        let title_color = ui.visuals().strong_text_color();
        let title_matches = hit.map_or(&[][..], |h| &h.title[..]);
        let title_pieces = [(0..item.title.len(), None)];
        let title_format =
            |_: Option<usize>| TextFormat::simple(theme::bold(TITLE_SIZE), title_color);
        let (mut title_job, _) = highlighted_job(
            &item.title,
            &title_pieces,
            title_matches,
            &title_format,
            &palette,
        );
        title_job.wrap.max_width = wrap;
        ui.add(egui::Label::new(title_job).selectable(true));
        ui.add_space(4.0);

        let pieces: Vec<(Range<usize>, Option<usize>)> = dataset
            .segments(chapter, initiative)
            .iter()
            .map(|s| (s.range.clone(), s.figure))
            .collect();
        let selected_here = selection
            .filter(|s| s.chapter == chapter && s.initiative == initiative)
            .map(|s| s.figure);
        let body_format = |figure: Option<usize>| -> TextFormat {
            match figure {
                Some(f) => {
                    let mut format = TextFormat::simple(theme::bold(BODY_SIZE), palette.accent);
                    if selected_here == Some(f) {
                        format.background = palette.selection_background;
                    }
                    format
                }
                None => {
                    TextFormat::simple(FontId::new(BODY_SIZE, FontFamily::Proportional), text_color)
                }
            }
        };
        let text_matches = hit.map_or(&[][..], |h| &h.text[..]);
        let (mut job, figure_chars) =
            highlighted_job(&item.text, &pieces, text_matches, &body_format, &palette);
        job.wrap.max_width = wrap;
        // Chinese body text reads better with more leading than egui's default.
        for section in &mut job.sections {
            section.format.line_height = Some(BODY_SIZE * 1.65);
        }
        let galley = ui.painter().layout_job(job);
        let response = ui.add(
            egui::Label::new(Arc::clone(&galley))
                .selectable(true)
                .sense(Sense::click()),
        );
        let figure_at =
            |pos: egui::Pos2| figure_under(&galley, &figure_chars, pos - response.rect.min);
        if let Some(f) = response.hover_pos().and_then(figure_at) {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            let place = FigureRef {
                chapter,
                initiative,
                figure: f,
            };
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| figure_tooltip_ui(ui, dataset, place));
        }
        if response.clicked()
            && let Some(f) = response.interact_pointer_pos().and_then(figure_at)
        {
            command = Some(Command::SelectFigure(FigureRef {
                chapter,
                initiative,
                figure: f,
            }));
        }
        // Labels of matching figures, so a hit on a label is visible even though labels are not in the text.
        if let Some(hit) = hit.filter(|h| !h.figures.is_empty()) {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new("数据标签匹配：")
                        .small()
                        .color(palette.muted),
                );
                for &f in &hit.figures {
                    let label = egui::RichText::new(&item.figures[f].label)
                        .small()
                        .background_color(palette.match_background);
                    if ui
                        .add(egui::Label::new(label).sense(Sense::click()))
                        .clicked()
                    {
                        command = Some(Command::SelectFigure(FigureRef {
                            chapter,
                            initiative,
                            figure: f,
                        }));
                    }
                }
            });
        }
    });
    command
}

/// What a figure is: its label, its value as written, and where it comes from.
pub fn figure_tooltip_ui(ui: &mut egui::Ui, dataset: &Dataset, place: FigureRef) {
    let figure = dataset.figure(place);
    let quantity = dataset.quantity(place);
    ui.label(egui::RichText::new(&figure.label).font(theme::bold(14.0)));
    ui.label(written(figure));
    if quantity.magnitude != 0 || quantity.qualifier.is_some() {
        ui.label(egui::RichText::new(format!("即 {}", quantity.display())).small());
    }
    if let Some(period) = &figure.period {
        ui.label(egui::RichText::new(format!("时间：{period}")).small());
    }
    ui.label(egui::RichText::new(format!("出自：{}", dataset.initiative_at(place).title)).small());
}

/// A figure as the text writes it: prefix, number and unit (超过 1000 万余人次).
pub fn written(figure: &crate::model::Figure) -> String {
    let number = crate::quantity::format_written(figure.value);
    match &figure.prefix {
        Some(prefix) => format!("{prefix} {number} {}", figure.unit),
        None if figure.unit == "%" => format!("{number}%"),
        None => format!("{number} {}", figure.unit),
    }
}

fn figure_under(
    galley: &Galley,
    figure_chars: &[(Range<usize>, usize)],
    pos: egui::Vec2,
) -> Option<usize> {
    if !galley.rect.expand(2.0).contains(pos.to_pos2()) {
        return None;
    }
    let cursor = galley.cursor_from_pos(pos);
    let index = cursor.index.0;
    // The cursor sits between characters: the character under the pointer is the one it
    // follows or precedes, depending on which half was hit.
    figure_chars
        .iter()
        .find(|(range, _)| range.start <= index && index <= range.end && range.start != range.end)
        .map(|(_, f)| *f)
}
