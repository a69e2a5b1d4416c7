//! An initiative as a card: its bold title and its full text, figures emphasised and linked,
//! search matches highlighted.

use crate::i18n::{fill, tr};
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

/// Texts longer than this many characters are shown cut short, with a button for the rest: a
/// pasted megabyte must not fill the list or slow every frame.
pub const LONG_TEXT_CHARS: usize = 1_500;
/// How many characters of a long text show before "show more".
pub const PREVIEW_CHARS: usize = 600;
/// Titles longer than this many characters are cut, the whole title on hover.
pub const LONG_TITLE_CHARS: usize = 120;

/// Where a long text is cut for its preview (a byte offset), or `None` for a short text.
pub fn preview_cut(text: &str) -> Option<usize> {
    text.char_indices().nth(LONG_TEXT_CHARS)?;
    text.char_indices().nth(PREVIEW_CHARS).map(|(i, _)| i)
}

/// How a piece of a text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// Plain text.
    Plain,
    /// A figure's number, by index among the initiative's figures.
    Figure(usize),
    /// A web address, by index among the text's links.
    Link(usize),
}

/// A text laid out as pieces (byte ranges, each with its emphasis), search matches given as
/// byte ranges highlighted; returns the job and the character ranges of every emphasised
/// piece, for finding what the pointer is over.
pub fn highlighted_job(
    text: &str,
    pieces: &[(Range<usize>, Emphasis)],
    matches: &[Range<usize>],
    style: &dyn Fn(Emphasis) -> TextFormat,
    palette: &Palette,
) -> (LayoutJob, Vec<(Range<usize>, Emphasis)>) {
    let mut job = LayoutJob::default();
    let mut emphasised = Vec::new();
    let mut chars = 0;
    for (range, emphasis) in pieces {
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
            let mut format = style(*emphasis);
            if matches
                .iter()
                .any(|m| m.start <= pair[0] && pair[1] <= m.end)
            {
                format.background = palette.match_background;
            }
            job.append(piece, 0.0, format);
            chars += piece.chars().count();
        }
        if *emphasis != Emphasis::Plain {
            emphasised.push((start_chars..chars, *emphasis));
        }
    }
    (job, emphasised)
}

/// Splits the plain pieces of a text where its web addresses start and end.
fn with_links(
    pieces: Vec<(Range<usize>, Emphasis)>,
    links: &[Range<usize>],
) -> Vec<(Range<usize>, Emphasis)> {
    if links.is_empty() {
        return pieces;
    }
    let mut out = Vec::with_capacity(pieces.len() + 2 * links.len());
    for (range, emphasis) in pieces {
        if emphasis != Emphasis::Plain {
            out.push((range, emphasis));
            continue;
        }
        let mut at = range.start;
        for (k, link) in links.iter().enumerate() {
            let start = link.start.max(at);
            let end = link.end.min(range.end);
            if start >= end {
                continue;
            }
            if at < start {
                out.push((at..start, Emphasis::Plain));
            }
            out.push((start..end, Emphasis::Link(k)));
            at = end;
        }
        if at < range.end {
            out.push((at..range.end, Emphasis::Plain));
        }
    }
    out
}

/// One initiative card; returns a command when a figure in it was clicked.
pub fn initiative_card_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    chapter: usize,
    initiative: usize,
    hit: Option<&Hit>,
    selection: Option<FigureRef>,
    expanded: bool,
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
        // In English the English title leads, the Chinese original on hover; a search match
        // in the Chinese title still shows, under it.
        let english_title = crate::ui::localized(ui, &item.title, item.title_en.as_ref());
        if english_title != item.title {
            ui.add(
                egui::Label::new(egui::RichText::new(english_title).font(theme::bold(TITLE_SIZE)))
                    .wrap(),
            )
            .on_hover_text(truncated_for_hover(&item.title));
        }
        let show_chinese_title = english_title == item.title || !title_matches.is_empty();
        let title_end = item
            .title
            .char_indices()
            .nth(LONG_TITLE_CHARS)
            .map_or(item.title.len(), |(i, _)| i);
        let title_pieces = [(0..title_end, Emphasis::Plain)];
        let title_format = |_: Emphasis| TextFormat::simple(theme::bold(TITLE_SIZE), title_color);
        let (mut title_job, _) = highlighted_job(
            &item.title,
            &title_pieces,
            title_matches,
            &title_format,
            &palette,
        );
        title_job.wrap.max_width = wrap;
        if show_chinese_title {
            if title_end < item.title.len() {
                title_job.append("…", 0.0, title_format(Emphasis::Plain));
                ui.add(egui::Label::new(title_job).selectable(true))
                    .on_hover_text(truncated_for_hover(&item.title));
            } else {
                ui.add(egui::Label::new(title_job).selectable(true));
            }
        }
        ui.add_space(4.0);

        let links = crate::markup::web_links(&item.text);
        let mut pieces = with_links(
            dataset
                .segments(chapter, initiative)
                .iter()
                .map(|s| {
                    let emphasis = s.figure.map_or(Emphasis::Plain, Emphasis::Figure);
                    (s.range.clone(), emphasis)
                })
                .collect(),
            &links,
        );
        // A long text shows its start until the reader asks for the rest; a figure or an
        // address the cut falls in is kept whole.
        let cut = preview_cut(&item.text).filter(|_| !expanded).map(|cut| {
            pieces
                .iter()
                .find(|(r, e)| *e != Emphasis::Plain && r.start < cut && cut < r.end)
                .map_or(cut, |(r, _)| r.end)
        });
        if let Some(cut) = cut {
            pieces.retain(|(r, _)| r.start < cut);
            if let Some(last) = pieces.last_mut() {
                last.0.end = last.0.end.min(cut);
            }
        }
        let selected_here = selection
            .filter(|s| s.chapter == chapter && s.initiative == initiative)
            .map(|s| s.figure);
        let link_color = ui.visuals().hyperlink_color;
        let body_format = |emphasis: Emphasis| -> TextFormat {
            match emphasis {
                Emphasis::Figure(f) => {
                    let mut format = TextFormat::simple(theme::bold(BODY_SIZE), palette.accent);
                    if selected_here == Some(f) {
                        format.background = palette.selection_background;
                    }
                    format
                }
                Emphasis::Link(_) => {
                    let mut format = TextFormat::simple(
                        FontId::new(BODY_SIZE, FontFamily::Proportional),
                        link_color,
                    );
                    format.underline = egui::Stroke::new(1.0, link_color);
                    format
                }
                Emphasis::Plain => {
                    TextFormat::simple(FontId::new(BODY_SIZE, FontFamily::Proportional), text_color)
                }
            }
        };
        // A whole long text can be far taller than the window: its "show less" also stands
        // above it, where the reader is when they decide.
        if expanded && preview_cut(&item.text).is_some() && ui.button(tr(ui, "收起全文")).clicked()
        {
            command = Some(Command::ToggleFullText {
                chapter,
                initiative,
            });
        }
        let all_matches = hit.map_or(&[][..], |h| &h.text[..]);
        let shown_matches = cut.map_or(all_matches.len(), |cut| {
            all_matches.partition_point(|m| m.end <= cut)
        });
        let text_matches = &all_matches[..shown_matches];
        let (mut job, emphasised) =
            highlighted_job(&item.text, &pieces, text_matches, &body_format, &palette);
        if cut.is_some() {
            job.append("……", 0.0, body_format(Emphasis::Plain));
        }
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
        let piece_at =
            |pos: egui::Pos2| emphasis_under(&galley, &emphasised, pos - response.rect.min);
        match response.hover_pos().and_then(piece_at) {
            Some(Emphasis::Figure(f)) => {
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
            Some(Emphasis::Link(k)) => {
                ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                let url = &item.text[links[k].clone()];
                response
                    .clone()
                    .on_hover_text_at_pointer(fill(tr(ui, "在浏览器中打开 {}"), &[&url]));
            }
            _ => {}
        }
        // Right-click on a figure: copy it with its label and unit.
        let menu_id = egui::Id::unique(("figure-menu", chapter, initiative));
        if response.secondary_clicked() {
            let figure = match response.interact_pointer_pos().and_then(piece_at) {
                Some(Emphasis::Figure(f)) => Some(f),
                _ => None,
            };
            ui.data_mut(|d| d.insert_temp(menu_id, figure));
        }
        response.context_menu(|ui| {
            match ui.data(|d| d.get_temp::<Option<usize>>(menu_id)).flatten() {
                Some(f) => {
                    let place = FigureRef {
                        chapter,
                        initiative,
                        figure: f,
                    };
                    figure_menu_items(ui, place, &mut command);
                }
                None => ui.close(),
            }
        });
        if response.clicked() {
            match response.interact_pointer_pos().and_then(piece_at) {
                Some(Emphasis::Figure(f)) => {
                    command = Some(Command::SelectFigure(FigureRef {
                        chapter,
                        initiative,
                        figure: f,
                    }));
                }
                // Opened only on a click, and only ever an http(s) address (see web_links).
                Some(Emphasis::Link(k)) => ui
                    .ctx()
                    .open_url(egui::OpenUrl::new_tab(&item.text[links[k].clone()])),
                _ => {}
            }
        }
        if preview_cut(&item.text).is_some() {
            ui.horizontal_wrapped(|ui| {
                let words = if expanded {
                    tr(ui, "收起全文").to_owned()
                } else {
                    // Characters as shown: each figure's `**` pair is not.
                    let marks = dataset
                        .segments(chapter, initiative)
                        .iter()
                        .filter(|s| s.figure.is_some())
                        .count();
                    let shown = item.text.chars().count().saturating_sub(4 * marks);
                    fill(tr(ui, "展开全文（共 {} 字）"), &[&shown])
                };
                if ui.button(words).clicked() {
                    command = Some(Command::ToggleFullText {
                        chapter,
                        initiative,
                    });
                }
                let hidden = all_matches.len() - shown_matches;
                if hidden > 0 {
                    ui.label(
                        egui::RichText::new(fill(tr(ui, "后文还有 {} 处匹配"), &[&hidden]))
                            .small()
                            .background_color(palette.match_background),
                    );
                }
            });
        }
        // Labels of matching figures, so a hit on a label is visible even though labels are not in the text.
        if let Some(hit) = hit.filter(|h| !h.figures.is_empty()) {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(tr(ui, "数据标签匹配："))
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

/// A long title for its hover text: whole, unless it is too long even for that.
fn truncated_for_hover(title: &str) -> String {
    match title.char_indices().nth(2_000) {
        Some((i, _)) => format!("{}…", &title[..i]),
        None => title.to_owned(),
    }
}

/// A right-click menu on a figure (a bar, a row of the table): copy it, or copy it with source.
pub fn figure_menu(response: &egui::Response, place: FigureRef, command: &mut Option<Command>) {
    response.context_menu(|ui| figure_menu_items(ui, place, command));
}

pub fn figure_menu_items(ui: &mut egui::Ui, place: FigureRef, command: &mut Option<Command>) {
    if ui.button(tr(ui, "复制数据")).clicked() {
        *command = Some(Command::CopyFigure(place));
        ui.close();
    }
    if ui
        .button(tr(ui, "复制（附出处）"))
        .on_hover_text(tr(ui, "数值、时间、所计何物和所在的章"))
        .clicked()
    {
        *command = Some(Command::CopyFigureWithSource(place));
        ui.close();
    }
}

/// What a figure is: its label, its value as written, and where it comes from.
pub fn figure_tooltip_ui(ui: &mut egui::Ui, dataset: &Dataset, place: FigureRef) {
    let figure = dataset.figure(place);
    let quantity = dataset.quantity(place);
    let label = crate::ui::localized(ui, &figure.label, figure.label_en.as_ref());
    ui.label(egui::RichText::new(label).font(theme::bold(14.0)));
    if label != figure.label {
        ui.label(egui::RichText::new(&figure.label).small());
    }
    if crate::i18n::lang(ui.ctx()) == crate::i18n::Lang::En {
        ui.label(quantity.english());
        ui.label(egui::RichText::new(fill(tr(ui, "原文：{}"), &[&figure.written()])).small());
    } else {
        ui.label(figure.written());
    }
    if quantity.magnitude != 0 || quantity.is_approximate() {
        ui.label(egui::RichText::new(fill(tr(ui, "即 {}"), &[&quantity.display()])).small());
    }
    if let Some(period) = &figure.period {
        ui.label(egui::RichText::new(fill(tr(ui, "时间：{}"), &[period])).small());
    }
    ui.label(
        egui::RichText::new(fill(
            tr(ui, "出自：{}"),
            &[&dataset.initiative_at(place).title],
        ))
        .small(),
    );
}

fn emphasis_under(
    galley: &Galley,
    emphasised: &[(Range<usize>, Emphasis)],
    pos: egui::Vec2,
) -> Option<Emphasis> {
    if !galley.rect.expand(2.0).contains(pos.to_pos2()) {
        return None;
    }
    let cursor = galley.cursor_from_pos(pos);
    let index = cursor.index.0;
    // The cursor sits between characters: the character under the pointer is the one it
    // follows or precedes, depending on which half was hit.
    emphasised
        .iter()
        .find(|(range, _)| range.start <= index && index <= range.end && range.start != range.end)
        .map(|(_, e)| *e)
}
