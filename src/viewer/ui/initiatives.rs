//! An initiative as a card: its bold title and its full text, figures emphasised and linked,
//! search matches highlighted.

use crate::viewer::i18n::{fill, tr};
use std::ops::Range;
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{FontFamily, FontId, Galley, Sense, TextFormat};

use crate::document::dataset::{Dataset, FigureRef};
use crate::search::Hit;
use crate::viewer::commands::SystemCommand;
use crate::viewer::ui::theme::{self, Palette};

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
    (selection, shelf): (Option<FigureRef>, Option<&crate::viewer::session::OnShelf>),
    expanded: bool,
) -> Option<SystemCommand> {
    let palette = Palette::of(ui);
    let card = Card {
        dataset,
        chapter,
        initiative,
        item: &dataset.report.chapters[chapter].initiatives[initiative],
        hit,
        expanded,
        shelf,
    };
    let mut command = None;
    theme::card(ui, palette.card, 12).show(ui, |ui| {
        ui.set_width(ui.available_width());
        title_ui(ui, card.item, hit, &palette);
        ui.add_space(4.0);
        let text = card.shown_text();
        // A whole long text can be far taller than the window: its "show less" also stands
        // above it, where the reader is when they decide.
        if expanded && text.long && ui.button(tr(ui, "收起全文")).clicked() {
            command = Some(card.toggle());
        }
        let selected = selection
            .filter(|s| s.chapter == chapter && s.initiative == initiative)
            .map(|s| s.figure);
        if let Some(clicked) = body_ui(ui, &card, &text, selected, &palette) {
            command = Some(clicked);
        }
        if text.long && more_ui(ui, &card, &text, &palette) {
            command = Some(card.toggle());
        }
        if let Some(clicked) = matched_labels_ui(ui, &card, &palette) {
            command = Some(clicked);
        }
    });
    command
}

/// What one card shows, and of what.
#[derive(Clone, Copy)]
struct Card<'a> {
    dataset: &'a Dataset,
    chapter: usize,
    initiative: usize,
    item: &'a crate::report::model::Initiative,
    hit: Option<&'a Hit>,
    expanded: bool,
    shelf: Option<&'a crate::viewer::session::OnShelf>,
}

/// The part of a text a card shows: its pieces, where it is cut, which matches fall in it.
struct ShownText<'a> {
    pieces: Vec<(Range<usize>, Emphasis)>,
    links: Vec<Range<usize>>,
    cut: Option<usize>,
    matches: &'a [Range<usize>],
    hidden_matches: usize,
    long: bool,
}

impl<'a> Card<'a> {
    fn figure(&self, figure: usize) -> FigureRef {
        FigureRef {
            chapter: self.chapter,
            initiative: self.initiative,
            figure,
        }
    }

    fn toggle(&self) -> SystemCommand {
        SystemCommand::ToggleFullText(crate::document::dataset::InitiativeRef {
            chapter: self.chapter,
            initiative: self.initiative,
        })
    }

    /// The text's pieces (figures, links, plain text) up to where a long text is cut until the
    /// reader asks for the rest; a figure or an address the cut falls in is kept whole.
    fn shown_text(&self) -> ShownText<'a> {
        let text = &self.item.text;
        let links = crate::report::markup::web_links(text);
        let segments = self.dataset.segments(self.chapter, self.initiative);
        let mut pieces = with_links(
            segments
                .iter()
                .map(|s| {
                    let emphasis = s.figure.map_or(Emphasis::Plain, Emphasis::Figure);
                    (s.range.clone(), emphasis)
                })
                .collect(),
            &links,
        );
        let long = preview_cut(text).is_some();
        let cut = preview_cut(text).filter(|_| !self.expanded).map(|cut| {
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
        let all: &'a [Range<usize>] = self.hit.map_or(&[][..], |h| &h.text[..]);
        let shown = cut.map_or(all.len(), |cut| all.partition_point(|m| m.end <= cut));
        ShownText {
            pieces,
            links,
            cut,
            matches: &all[..shown],
            hidden_matches: all.len() - shown,
            long,
        }
    }
}

/// The bold title, its search matches highlighted. In English the English title leads, the
/// Chinese original on hover; a search match in the Chinese title still shows, under it.
fn title_ui(
    ui: &mut egui::Ui,
    item: &crate::report::model::Initiative,
    hit: Option<&Hit>,
    palette: &Palette,
) {
    let title_matches = hit.map_or(&[][..], |h| &h.title[..]);
    let english_title = crate::viewer::ui::localized(ui, &item.title, item.title_en.as_ref());
    if english_title != item.title {
        ui.add(
            egui::Label::new(egui::RichText::new(english_title).font(theme::bold(TITLE_SIZE)))
                .wrap(),
        )
        .on_hover_text(truncated_for_hover(&item.title));
    }
    if english_title != item.title && title_matches.is_empty() {
        return;
    }
    let title_end = item
        .title
        .char_indices()
        .nth(LONG_TITLE_CHARS)
        .map_or(item.title.len(), |(i, _)| i);
    let title_color = ui.visuals().strong_text_color();
    let title_format = |_: Emphasis| TextFormat::simple(theme::bold(TITLE_SIZE), title_color);
    let pieces = [(0..title_end, Emphasis::Plain)];
    let (mut job, _) = highlighted_job(&item.title, &pieces, title_matches, &title_format, palette);
    job.wrap.max_width = ui.available_width();
    if title_end < item.title.len() {
        job.append("…", 0.0, title_format(Emphasis::Plain));
        ui.add(egui::Label::new(job).selectable(true))
            .on_hover_text(truncated_for_hover(&item.title));
    } else {
        ui.add(egui::Label::new(job).selectable(true));
    }
}

/// How each piece of a body text looks: figures bold in the accent colour (the selected one on
/// the selection's background), addresses as links.
fn body_format(
    ui: &egui::Ui,
    palette: &Palette,
    selected: Option<usize>,
) -> impl Fn(Emphasis) -> TextFormat + use<> {
    let link_color = ui.visuals().hyperlink_color;
    let text_color = ui.visuals().text_color();
    let (accent, selection_background) = (palette.accent, palette.selection_background);
    let body = FontId::new(BODY_SIZE, FontFamily::Proportional);
    move |emphasis: Emphasis| match emphasis {
        Emphasis::Figure(f) => {
            let mut format = TextFormat::simple(theme::bold(BODY_SIZE), accent);
            if selected == Some(f) {
                format.background = selection_background;
            }
            format
        }
        Emphasis::Link(_) => {
            let mut format = TextFormat::simple(body.clone(), link_color);
            format.underline = egui::Stroke::new(1.0, link_color);
            format
        }
        Emphasis::Plain => TextFormat::simple(body.clone(), text_color),
    }
}

/// The text with its figures and links live: hover a figure for what it counts, click it to
/// light its bar, right-click to copy it; click an address to open it.
fn body_ui(
    ui: &mut egui::Ui,
    card: &Card<'_>,
    text: &ShownText<'_>,
    selected: Option<usize>,
    palette: &Palette,
) -> Option<SystemCommand> {
    let item = card.item;
    let format = body_format(ui, palette, selected);
    let (mut job, mut emphasised) =
        highlighted_job(&item.text, &text.pieces, text.matches, &format, palette);
    if text.cut.is_some() {
        job.append("……", 0.0, format(Emphasis::Plain));
    }
    job.wrap.max_width = ui.available_width();
    // Chinese body text reads better with more leading than egui's default.
    for section in &mut job.sections {
        section.format.line_height = Some(BODY_SIZE * 1.65);
    }
    let keep = figures_with_units(&job.text, &emphasised, item);
    let painter = ui.painter();
    let galley = crate::viewer::ui::unbroken::layout_unbroken(
        &|job| painter.layout_job(job),
        job,
        &keep,
        &mut emphasised,
    );
    let response = ui.add(
        egui::Label::new(Arc::clone(&galley))
            .selectable(true)
            .sense(Sense::click()),
    );
    let piece_at = |pos: egui::Pos2| emphasis_under(&galley, &emphasised, pos - response.rect.min);
    let url = |k: usize| &item.text[text.links[k].clone()];
    match response.hover_pos().and_then(piece_at) {
        Some(Emphasis::Figure(f)) => {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            let place = card.figure(f);
            response.clone().on_hover_ui_at_pointer(|ui| {
                figure_tooltip_ui(ui, card.dataset, place, card.shelf)
            });
        }
        Some(Emphasis::Link(k)) => {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            response
                .clone()
                .on_hover_text_at_pointer(fill(tr(ui, "在浏览器中打开 {}"), &[&url(k)]));
        }
        _ => {}
    }
    let mut command = figure_context_menu(ui, &response, card, &piece_at);
    if response.clicked() {
        match response.interact_pointer_pos().and_then(piece_at) {
            Some(Emphasis::Figure(f)) => {
                command = Some(SystemCommand::SelectFigure(card.figure(f)))
            }
            // Opened only on a click, and only ever an http(s) address (see web_links).
            Some(Emphasis::Link(k)) => ui.ctx().open_url(egui::OpenUrl::new_tab(url(k))),
            _ => {}
        }
    }
    command
}

/// The character ranges of each figure's number with the unit written after it (1.396 亿次),
/// which no line end may part.
fn figures_with_units(
    text: &str,
    emphasised: &[(Range<usize>, Emphasis)],
    item: &crate::report::model::Initiative,
) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    emphasised
        .iter()
        .filter_map(|(range, emphasis)| match emphasis {
            Emphasis::Figure(f) => Some((range, item.figures.get(*f)?)),
            _ => None,
        })
        .map(|(range, figure)| {
            let after: String = chars[range.end.min(chars.len())..]
                .iter()
                .take(24)
                .collect();
            let spaced = after.trim_start_matches([' ', '\u{3000}']);
            let unit = figure.unit.trim();
            let unit_chars = if !unit.is_empty() && spaced.starts_with(unit) {
                after.chars().count() - spaced.chars().count() + unit.chars().count()
            } else {
                0
            };
            range.start..range.end + unit_chars
        })
        .collect()
}

/// Right-click on a figure: copy it with its label and unit, or with its source. The figure
/// under the pointer when the menu opened is remembered while it stays open.
fn figure_context_menu(
    ui: &mut egui::Ui,
    response: &egui::Response,
    card: &Card<'_>,
    piece_at: &dyn Fn(egui::Pos2) -> Option<Emphasis>,
) -> Option<SystemCommand> {
    let menu_id = egui::Id::unique(("figure-menu", card.chapter, card.initiative));
    if response.secondary_clicked() {
        let figure = match response.interact_pointer_pos().and_then(piece_at) {
            Some(Emphasis::Figure(f)) => Some(f),
            _ => None,
        };
        ui.data_mut(|d| d.insert_temp(menu_id, figure));
    }
    let mut command = None;
    response.context_menu(
        |ui| match ui.data(|d| d.get_temp::<Option<usize>>(menu_id)).flatten() {
            Some(f) => {
                let place = card.figure(f);
                let series = card
                    .shelf
                    .and_then(|on| on.series_of(place))
                    .map(|(s, _)| s);
                figure_menu_items(ui, place, series, &mut command);
            }
            None => ui.close(),
        },
    );
    command
}

/// Under a long text: show the rest (with its length) or show less, and how many matches the
/// cut hides. Says whether the button was clicked.
fn more_ui(ui: &mut egui::Ui, card: &Card<'_>, text: &ShownText<'_>, palette: &Palette) -> bool {
    ui.horizontal_wrapped(|ui| {
        let words = if card.expanded {
            tr(ui, "收起全文").to_owned()
        } else {
            // Characters as shown: each figure's `**` pair is not.
            let marks = card
                .dataset
                .segments(card.chapter, card.initiative)
                .iter()
                .filter(|s| s.figure.is_some())
                .count();
            let shown = card.item.text.chars().count().saturating_sub(4 * marks);
            fill(tr(ui, "展开全文（共 {} 字）"), &[&shown])
        };
        let clicked = ui.button(words).clicked();
        if text.hidden_matches > 0 {
            ui.label(
                egui::RichText::new(fill(tr(ui, "后文还有 {} 处匹配"), &[&text.hidden_matches]))
                    .small()
                    .background_color(palette.match_background),
            );
        }
        clicked
    })
    .inner
}

/// Labels of matching figures, so that a match on a label shows although labels are not in
/// the text; a click lights the figure.
fn matched_labels_ui(
    ui: &mut egui::Ui,
    card: &Card<'_>,
    palette: &Palette,
) -> Option<SystemCommand> {
    let hit = card.hit.filter(|h| !h.figures.is_empty())?;
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(tr(ui, "数据标签匹配："))
                .small()
                .color(palette.muted),
        );
        for &f in &hit.figures {
            let label = egui::RichText::new(&card.item.figures[f].label)
                .small()
                .background_color(palette.match_background);
            if ui
                .add(egui::Label::new(label).sense(Sense::click()))
                .clicked()
            {
                command = Some(SystemCommand::SelectFigure(card.figure(f)));
            }
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

/// A figure's menu (a bar, a row of the table): copy it, or copy it with source. A right-click
/// opens it at the pointer; the table's keys for the focused figure (Shift+F10, the Menu key)
/// open it under the figure, as a desktop's context menus do.
pub fn figure_menu(
    response: &egui::Response,
    place: FigureRef,
    command: &mut Option<SystemCommand>,
) {
    figure_menu_focused(
        response,
        (response.has_focus(), None, response.id),
        place,
        command,
    );
}

/// `figure_menu` for a figure whose keyboard stop is another widget than `response` (a row
/// of the table): `focused` says whether that stop has the keyboard; `series`, the figure's
/// series on a shelf, to offer.
pub fn figure_menu_focused(
    response: &egui::Response,
    (focused, series, keyboard): (bool, Option<usize>, egui::Id),
    place: FigureRef,
    command: &mut Option<SystemCommand>,
) {
    use crate::viewer::commands::{KeyContext, UiCommand};
    use egui::SetOpenCommand;
    let keyed = focused
        && response
            .ctx
            .input_mut(|i| UiCommand::FigureMenu.consume_in(i, KeyContext::Focused) > 0);
    let by_key = response.id.with("menu-opened-by-key");
    let open = if keyed || response.secondary_clicked() {
        response.ctx.data_mut(|d| d.insert_temp(by_key, keyed));
        Some(SetOpenCommand::Bool(true))
    } else if response.clicked() {
        Some(SetOpenCommand::Bool(false))
    } else {
        None
    };
    let popup = egui::Popup::menu(response).open_memory(open);
    let under_the_figure = response.ctx.data(|d| d.get_temp(by_key)).unwrap_or(false);
    let popup = if under_the_figure {
        popup
    } else {
        popup.at_pointer_fixed()
    };
    let shown = popup
        .show(|ui| figure_menu_items(ui, place, series, command))
        .is_some();
    // A menu opened by key and closed (Esc, or an item chosen) gives the keyboard back to its
    // figure: otherwise it would go to the first control of the window.
    let was_open = response.id.with("menu-was-open");
    let before = response.ctx.data(|d| d.get_temp(was_open)).unwrap_or(false);
    response.ctx.data_mut(|d| d.insert_temp(was_open, shown));
    if before && !shown && under_the_figure {
        // Back to the widget that had the keyboard (a table's row is one stop of its own).
        response.ctx.memory_mut(|m| m.request_focus(keyboard));
        response.ctx.data_mut(|d| d.insert_temp(by_key, false));
    }
}

pub fn figure_menu_items(
    ui: &mut egui::Ui,
    place: FigureRef,
    series: Option<usize>,
    command: &mut Option<SystemCommand>,
) {
    if ui.button(tr(ui, "复制数据")).clicked() {
        *command = Some(SystemCommand::CopyFigure(place));
        ui.close();
    }
    if ui
        .button(tr(ui, "复制（附出处）"))
        .on_hover_text(tr(ui, "数值、时间、所计何物和所在的章"))
        .clicked()
    {
        *command = Some(SystemCommand::CopyFigureWithSource(place));
        ui.close();
    }
    // On a shelf, the figure's measure over the years.
    if let Some(s) = series
        && ui.button(tr(ui, "历年变化")).clicked()
    {
        *command = Some(SystemCommand::Show(crate::viewer::place::View::Series(s)));
        ui.close();
    }
}

/// What a figure is: its label, its value as written, and where it comes from.
pub fn figure_tooltip_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    place: FigureRef,
    shelf: Option<&crate::viewer::session::OnShelf>,
) {
    let figure = dataset.figure(place);
    let quantity = dataset.quantity(place);
    let label = crate::viewer::ui::localized(ui, &figure.label, figure.label_en.as_ref());
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(label).font(theme::bold(14.0)));
        if figure.label_guessed {
            ui.label(crate::viewer::ui::draft::guessed_mark(ui));
        }
    });
    if label != figure.label {
        ui.label(egui::RichText::new(&figure.label).small());
    }
    if crate::viewer::i18n::lang(ui.ctx()) == crate::viewer::i18n::Lang::En {
        ui.label(quantity.english_of(&figure.label));
        ui.label(egui::RichText::new(fill(tr(ui, "原文：{}"), &[&figure.written()])).small());
    } else {
        ui.label(figure.written());
    }
    if quantity.magnitude != 0 || quantity.is_approximate() {
        ui.label(egui::RichText::new(fill(tr(ui, "即 {}"), &[&quantity.display()])).small());
    }
    let lang = crate::viewer::i18n::lang(ui.ctx());
    if let Some(period) = crate::report::chart_text::figure_period(lang, figure) {
        ui.label(egui::RichText::new(fill(tr(ui, "时间：{}"), &[&period])).small());
    }
    ui.label(
        egui::RichText::new(fill(
            tr(ui, "出自：{}"),
            &[&{
                let initiative = dataset.initiative_at(place);
                crate::viewer::ui::localized(ui, &initiative.title, initiative.title_en.as_ref())
            }],
        ))
        .small(),
    );
    if let Some(years) =
        shelf.and_then(|on| crate::viewer::ui::series::over_the_years(ui, on, place))
    {
        ui.label(egui::RichText::new(fill(tr(ui, "历年：{}"), &[&years])).small());
    }
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
