//! Presenting (F5): full screen, the report as slides for a meeting room. A cover, the contents
//! (six chapters a slide), then each chapter: its headline and key figures, then its charts,
//! two side by side, over as many slides as they need. Every slide is laid out on a 1120×630
//! canvas (a little larger than the viewer's type at 1280×720) and scaled to the screen (16:9 or 4:3, 1280×720 to 3840×2160), so nothing scrolls;
//! menus, focus rings and tooltips are left out. Arrow keys, Page Up/Down and Space move, Esc
//! leaves.

use egui::{RichText, Vec2, vec2};

use crate::document::dataset::{ChartRef, Dataset};
use crate::report::model::{Chart, ChartKind, Report};
use crate::viewer::commands::{KeyContext, SystemCommand, UiCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::i18n::tr;
use crate::viewer::place::View;
use crate::viewer::ui::{charts, theme};

/// The canvas slides are laid out on, in points, where the screen is large enough to show it
/// with its smallest text at 12 px or more; the screen scales it to fit.
pub const CANVAS: Vec2 = vec2(1120.0, 630.0);

/// The least a slide is scaled by: the smallest text on a slide (a chart's values, egui's
/// small style) is 12 points, and is never drawn under 12 px.
const MIN_ZOOM: f32 = 1.0;

/// The canvas slides are laid out on for a screen of `screen` points (at 100%), and the zoom
/// that fits it: the 1120×630 canvas scaled whole where that keeps the text at 12 px or more;
/// on a smaller screen (640×480, a netbook) a canvas of the screen's own size at 100%, with
/// fewer charts a slide, rather than text too small to read.
pub fn canvas_for(screen: Vec2) -> (Vec2, f32) {
    let fit = (screen.x / CANVAS.x).min(screen.y / CANVAS.y);
    if fit >= MIN_ZOOM {
        (CANVAS, fit)
    } else {
        ((screen / MIN_ZOOM).max(vec2(320.0, 240.0)), MIN_ZOOM)
    }
}

/// The canvas and zoom for the window `ctx` draws, at the reader's 100%.
pub fn canvas_of(ctx: &egui::Context) -> (Vec2, f32) {
    canvas_for(ctx.content_rect().size() * ctx.zoom_factor())
}

/// How many charts stand side by side on a canvas: two where they have the room.
fn per_row(canvas: Vec2) -> usize {
    if canvas.x >= 900.0 { 2 } else { 1 }
}

/// Chapters listed in one column of a contents slide of the full canvas; a smaller one lists
/// fewer.
const CONTENTS_PER_COLUMN: usize = 4;

/// What the contents slide's heading takes of its height, and what a chapter with its
/// headline takes (a 30-point heading, a 17-point line, the space between: measured 89).
const CONTENTS_HEADING: f32 = 110.0;
const CONTENTS_ENTRY: f32 = 92.0;

/// The columns of a contents slide on `canvas`: two side by side where there is room.
fn contents_columns(canvas: Vec2) -> usize {
    per_row(canvas)
}

/// Chapters a contents slide on `canvas` lists: as many as its height holds in each column.
fn contents_per_slide(canvas: Vec2) -> usize {
    let rows = ((canvas.y - CONTENTS_HEADING - FRAME_HEIGHT) / CONTENTS_ENTRY).floor() as usize;
    rows.clamp(2, CONTENTS_PER_COLUMN) * contents_columns(canvas)
}
/// What the margins and the footer take of the canvas's height; the rest is the body.
const FRAME_HEIGHT: f32 = 96.0;
/// What a chapter's first slide gives its heading, headline and key figures.
const OPENING_HEIGHT: f32 = 220.0;
/// What a chapter's later slides give its heading.
const HEADING_HEIGHT: f32 = 64.0;
/// Space between rows of charts.
const CHART_GAP: f32 = 12.0;

/// One slide of the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The report's title, subtitle and motto.
    Cover,
    /// Chapters `first..end`, each with its headline.
    Contents { first: usize, end: usize },
    /// Chapter `chapter` with charts `first..end`; its opening slide also has its headline and
    /// key figures.
    Chapter {
        chapter: usize,
        first: usize,
        end: usize,
        opening: bool,
    },
}

impl Slide {
    /// The view the slide belongs to: where the viewer is when presenting stops.
    pub fn view(self) -> View {
        match self {
            Self::Cover | Self::Contents { .. } => View::Overview,
            Self::Chapter { chapter, .. } => View::Chapter(chapter),
        }
    }
}

/// The slides of a report laid out on `canvas`, in order.
pub fn slides(report: &Report, canvas: Vec2) -> Vec<Slide> {
    let n = report.chapters.len();
    let per_slide = contents_per_slide(canvas);
    let mut slides = vec![Slide::Cover];
    slides.extend((0..n).step_by(per_slide).map(|first| Slide::Contents {
        first,
        end: (first + per_slide).min(n),
    }));
    for (chapter, content) in report.chapters.iter().enumerate() {
        let mut first = 0;
        let mut opening = true;
        loop {
            let end = charts_that_fit(&content.charts, first, opening, canvas);
            slides.push(Slide::Chapter {
                chapter,
                first,
                end,
                opening,
            });
            opening = false;
            if end >= content.charts.len() {
                break;
            }
            first = end;
        }
    }
    slides
}

/// Where the charts of a slide that starts at chart `first` end: rows of two while they fit.
/// A later slide takes at least one row, however tall (its rows then shrink to fit); the
/// opening slide may take none.
fn charts_that_fit(charts: &[Chart], first: usize, opening: bool, canvas: Vec2) -> usize {
    let room = room_for_charts(canvas, opening);
    let (mut used, mut end) = (0.0, first);
    while end < charts.len() {
        let row_end = (end + per_row(canvas)).min(charts.len());
        let row = row_height(&charts[end..row_end]);
        let first_row_of_a_later_slide = end == first && !opening;
        if used + row > room && !first_row_of_a_later_slide {
            break;
        }
        used += row + CHART_GAP;
        end = row_end;
    }
    end
}

/// The height a slide on `canvas` gives its charts, under its heading (and on the opening slide
/// the headline and key figures).
fn room_for_charts(canvas: Vec2, opening: bool) -> f32 {
    canvas.y
        - FRAME_HEIGHT
        - if opening {
            OPENING_HEIGHT
        } else {
            HEADING_HEIGHT
        }
}

/// The height of a row of charts side by side: the tallest of them.
fn row_height(charts: &[Chart]) -> f32 {
    charts.iter().map(chart_height).fold(0.0, f32::max)
}

/// The height a chart needs on a slide: its card's title, its bars and axis (as the chapter
/// draws them), or a progress bar.
fn chart_height(chart: &Chart) -> f32 {
    let bars = chart.figures.len().min(charts::MAX_BARS) as f32;
    match chart.kind {
        ChartKind::Progress => 130.0,
        ChartKind::Comparison => 110.0 + bars * 34.0,
        ChartKind::Bars => 80.0 + bars * 34.0,
    }
}

/// The first slide of `view`.
pub fn first_slide_of(slides: &[Slide], view: View) -> usize {
    slides
        .iter()
        .position(|slide| slide.view() == view)
        .unwrap_or(0)
}

/// Turns this frame's slide keys, as the command table binds them while presenting, into
/// commands; each press counts.
fn keys(ctx: &egui::Context, cx: &ViewerContext<'_>) {
    let moves = [
        UiCommand::NextSlide,
        UiCommand::PreviousSlide,
        UiCommand::FirstSlide,
        UiCommand::LastSlide,
        UiCommand::Present,
    ];
    ctx.input_mut(|input| {
        for command in moves {
            let presses = command.consume_in(input, KeyContext::Presenting);
            // Leaving once is enough: a second press would start again.
            let presses = if command == UiCommand::Present {
                presses.min(1)
            } else {
                presses
            };
            for _ in 0..presses {
                cx.send(command);
            }
        }
    });
}

/// The slide on screen, filling the window.
pub fn slide_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, drawn: &mut charts::Drawn) {
    let (canvas, zoom) = canvas_of(ui.ctx());
    if (ui.ctx().zoom_factor() - zoom).abs() > 0.001 {
        ui.ctx().set_zoom_factor(zoom);
    }
    let slides = slides(&cx.dataset().report, canvas);
    keys(ui.ctx(), cx);
    let number = cx.session.slide().min(slides.len().saturating_sub(1));
    let slide = slides[number];
    let palette = theme::Palette::of(ui);
    egui::Panel::bottom("slide-footer")
        .show_separator_line(false)
        .show(ui, |ui| footer_ui(ui, number + 1, slides.len(), &palette));
    let mut command = None;
    let frame =
        egui::Frame::central_panel(ui.style()).inner_margin(egui::Margin::symmetric(28, 16));
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        // No focus rings on a slide: nothing on it is typed into.
        ui.style_mut().visuals.widgets.hovered.bg_stroke = egui::Stroke::NONE;
        ui.memory_mut(|m| m.stop_text_input());
        match slide {
            Slide::Cover => cover_slide_ui(ui, &cx.dataset().report, canvas, &palette),
            Slide::Contents { first, end } => {
                contents_slide_ui(ui, cx.dataset(), first..end, &palette);
            }
            Slide::Chapter {
                chapter,
                first,
                end,
                opening,
            } => {
                let charts = (first..end, opening, per_row(canvas));
                command = chapter_slide_ui(ui, cx, drawn, chapter, charts);
            }
        }
    });
    // A click on a bar would leave the slide for the chapter's text; on a slide it only
    // emphasises the figure.
    match command {
        Some(SystemCommand::RevealFigure(place)) => {
            cx.send(SystemCommand::SelectFigure(place));
        }
        Some(other) => cx.send(other),
        None => {}
    }
}

fn footer_ui(ui: &mut egui::Ui, number: usize, count: usize, palette: &theme::Palette) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{number} / {count}")).color(palette.muted));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let key = |command: UiCommand| {
                let key = command.keys_in(KeyContext::Presenting).next();
                key.map(|key| crate::viewer::commands::format_shortcut(ui.ctx(), &key))
                    .unwrap_or_default()
            };
            let hint = crate::viewer::i18n::fill(
                tr(ui, "{}/{} 翻页 · {} 退出演示"),
                &[
                    &key(UiCommand::PreviousSlide),
                    &key(UiCommand::NextSlide),
                    &key(UiCommand::Present),
                ],
            );
            ui.label(RichText::new(hint).small().color(palette.muted));
        });
    });
}

fn cover_slide_ui(ui: &mut egui::Ui, report: &Report, canvas: Vec2, palette: &theme::Palette) {
    ui.vertical_centered(|ui| {
        ui.add_space(canvas.y * 0.28);
        let title = crate::viewer::ui::localized(ui, &report.title, report.title_en.as_ref());
        ui.add(egui::Label::new(RichText::new(title).font(theme::bold(44.0))).wrap());
        if !report.subtitle.is_empty() {
            ui.add_space(8.0);
            ui.label(
                RichText::new(&report.subtitle)
                    .size(20.0)
                    .color(palette.muted),
            );
        }
        if !report.motto.is_empty() {
            ui.add_space(16.0);
            ui.label(
                RichText::new(&report.motto)
                    .font(theme::bold(30.0))
                    .color(palette.accent),
            );
        }
    });
}

fn contents_slide_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    chapters: std::ops::Range<usize>,
    palette: &theme::Palette,
) {
    ui.add_space(24.0);
    ui.label(
        RichText::new(tr(ui, "目录"))
            .font(theme::bold(34.0))
            .color(ui.visuals().strong_text_color()),
    );
    ui.add_space(16.0);
    // Down the first column, then the second (a wide canvas has two).
    let columns = contents_columns(ui.available_size());
    let per_column = chapters.len().div_ceil(columns).max(1);
    let chapters: Vec<usize> = chapters.collect();
    ui.columns(columns, |uis| {
        for (ui, part) in uis.iter_mut().zip(chapters.chunks(per_column)) {
            for &c in part {
                let chapter = &dataset.report.chapters[c];
                theme::chapter_heading_ui(ui, chapter, 30.0, 26.0);
                let headline = crate::viewer::ui::localized(
                    ui,
                    &chapter.headline,
                    chapter.headline_en.as_ref(),
                );
                let line = RichText::new(headline).size(17.0).color(palette.muted);
                ui.add(egui::Label::new(line).truncate());
                ui.add_space(10.0);
            }
        }
    });
}

/// A chapter's slide: its heading; on its first slide its headline and key figures; then its
/// charts `charts`, two side by side.
fn chapter_slide_ui(
    ui: &mut egui::Ui,
    cx: &ViewerContext<'_>,
    drawn: &mut charts::Drawn,
    c: usize,
    (charts, opening, per_row): (std::ops::Range<usize>, bool, usize),
) -> Option<SystemCommand> {
    let selection = cx.session.selection();
    let dataset = cx.dataset();
    let chapter = &dataset.report.chapters[c];
    let palette = theme::Palette::of(ui);
    ui.add_space(8.0);
    theme::chapter_heading_ui(ui, chapter, 40.0, 30.0);
    if opening {
        let headline =
            crate::viewer::ui::localized(ui, &chapter.headline, chapter.headline_en.as_ref());
        crate::viewer::ui::paragraph(ui, RichText::new(headline).size(20.0).color(palette.muted));
        ui.add_space(12.0);
        key_figures_ui(ui, dataset, c, &palette);
    }
    ui.add_space(12.0);
    let rows: Vec<std::ops::Range<usize>> = charts
        .clone()
        .step_by(per_row)
        .map(|k| k..(k + per_row).min(charts.end))
        .collect();
    // The rows share what is left of the slide; each chart fits its share.
    let share = (ui.available_height() - CHART_GAP * rows.len() as f32) / rows.len().max(1) as f32;
    let mut command = None;
    for row in rows {
        ui.columns(per_row, |cols| {
            for (col, k) in cols.iter_mut().zip(row.clone()) {
                let options = charts::ChartOptions {
                    selection,
                    slide: Some(share),
                    exporting: false,
                };
                let chart = ChartRef {
                    chapter: c,
                    chart: k,
                };
                if let Some(clicked) = charts::chart_card_ui(col, dataset, chart, options, drawn) {
                    command = Some(clicked);
                }
            }
        });
        ui.add_space(CHART_GAP);
    }
    command
}

/// The chapter's key figures side by side, a third of the slide each: a value too long for its
/// card at full size (English words: "more than 10 million attendances") is set smaller, so
/// each stays on one line inside its card.
fn key_figures_ui(ui: &mut egui::Ui, dataset: &Dataset, c: usize, palette: &theme::Palette) {
    let places = dataset.key_figures(c);
    if places.is_empty() {
        return;
    }
    ui.columns(crate::document::dataset::KEY_FIGURES, |columns| {
        for (ui, place) in columns.iter_mut().zip(places) {
            let figure = dataset.figure(place);
            let label = charts::figure_caption(ui, figure);
            let value = crate::viewer::ui::figure_value(ui, figure, dataset.quantity(place));
            theme::card(ui, palette.card, 14).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let room = ui.available_width();
                let size = fitting_size(ui, &value, room, 34.0);
                // Wrapped, never cut: a value cut short ("7,000 pe…") or a label without its
                // mark ("国内生产总值（目…") would say less, or other, than the report.
                ui.add(
                    egui::Label::new(
                        RichText::new(value)
                            .font(theme::bold(size))
                            .color(palette.accent),
                    )
                    .wrap(),
                );
                ui.add(egui::Label::new(RichText::new(label).size(16.0)).wrap());
            });
        }
    });
}

/// The largest size, up to `largest` and down to half of it, at which `text` fits `width`.
fn fitting_size(ui: &egui::Ui, text: &str, width: f32, largest: f32) -> f32 {
    let font = theme::bold(largest);
    let wide = ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE));
    let at_largest = wide.size().x.max(1.0);
    (largest * width / at_largest).clamp(largest / 2.0, largest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_is_on_exactly_one_slide_and_every_slide_fits() {
        let report = crate::document::load::embedded().report.clone();
        // The full canvas, and the screen's own at 640×480 and 1024×768.
        for screen in [CANVAS, vec2(640.0, 480.0), vec2(1024.0, 768.0)] {
            let (canvas, _) = canvas_for(screen);
            let slides = slides(&report, canvas);
            assert_eq!(slides[0], Slide::Cover);
            let per_row = per_row(canvas);
            for (c, chapter) in report.chapters.iter().enumerate() {
                let mut shown = Vec::new();
                for slide in &slides {
                    if let Slide::Chapter {
                        chapter: sc,
                        first,
                        end,
                        opening,
                    } = *slide
                        && sc == c
                    {
                        shown.extend(first..end);
                        let room = room_for_charts(canvas, opening);
                        let rows: Vec<f32> = (first..end)
                            .step_by(per_row)
                            .map(|k| row_height(&chapter.charts[k..(k + per_row).min(end)]))
                            .collect();
                        let height: f32 = rows.iter().map(|r| r + CHART_GAP).sum();
                        // A later slide's one row may be taller than the room: it shrinks.
                        let one_row = rows.len() == 1 && !opening;
                        assert!(
                            one_row || height <= room + CHART_GAP,
                            "{screen:?}: chapter {} overflows: {height} in {room}",
                            c + 1
                        );
                    }
                }
                assert_eq!(shown, (0..chapter.charts.len()).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn a_contents_slide_lists_what_its_canvas_holds() {
        assert_eq!(contents_per_slide(CANVAS), 2 * CONTENTS_PER_COLUMN);
        assert!(
            CONTENTS_HEADING + CONTENTS_ENTRY * CONTENTS_PER_COLUMN as f32 + FRAME_HEIGHT
                <= CANVAS.y
        );
        let (small, _) = canvas_for(vec2(640.0, 480.0));
        let listed = contents_per_slide(small);
        assert!((2..=CONTENTS_PER_COLUMN).contains(&listed), "{listed}");
        assert!(CONTENTS_HEADING + CONTENTS_ENTRY * listed as f32 + FRAME_HEIGHT <= small.y);
    }

    #[test]
    fn slide_text_is_never_under_12_px_at_any_window_size() {
        // The smallest text on a slide is egui's small style, 12 points.
        let screens = [
            (640.0, 480.0),
            (800.0, 600.0),
            (1024.0, 768.0),
            (1280.0, 720.0),
            (1366.0, 768.0),
            (1920.0, 1080.0),
            (3840.0, 2160.0),
        ];
        for (w, h) in screens {
            let (canvas, zoom) = canvas_for(vec2(w, h));
            assert!(zoom >= 1.0, "{w}×{h}: zoom {zoom}");
            // The canvas fills the screen, or is the full one scaled to it.
            assert!(
                canvas.x * zoom <= w + 0.5 && canvas.y * zoom <= h + 0.5,
                "{w}×{h}: {canvas:?}"
            );
        }
        // A small screen is filled: no third of it left empty.
        let (canvas, zoom) = canvas_for(vec2(640.0, 480.0));
        assert_eq!((canvas, zoom), (vec2(640.0, 480.0), 1.0));
    }

    #[test]
    fn a_chapter_with_many_charts_is_split_over_slides() {
        let mut report = crate::document::load::embedded().report.clone();
        let charts = report.chapters[1].charts.clone();
        for _ in 0..4 {
            report.chapters[1].charts.extend(charts.iter().cloned());
        }
        let of_chapter = slides(&report, CANVAS)
            .into_iter()
            .filter(|s| s.view() == View::Chapter(1))
            .count();
        assert!(of_chapter >= 3, "{of_chapter} slides");
    }

    #[test]
    fn many_chapters_are_listed_over_several_contents_slides() {
        let mut report = crate::document::load::embedded().report.clone();
        let chapter = report.chapters[0].clone();
        report.chapters.extend(std::iter::repeat_n(chapter, 14));
        let contents = slides(&report, CANVAS)
            .into_iter()
            .filter(|s| matches!(s, Slide::Contents { .. }))
            .count();
        // 19 chapters, eight a slide in two columns.
        assert_eq!(contents, 3);
    }
}
