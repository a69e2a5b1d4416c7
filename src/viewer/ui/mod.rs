//! The viewer's panels, one file each. A panel reads the session and the settings through a
//! `ViewerContext` and sends commands; it is lent only what it owns itself (its window's
//! state, the heights it measured of the lists it draws).

pub mod about;
pub mod chapter;
pub mod charts;
pub mod crash;
pub mod diagnostics;
pub mod draft;
pub mod figures;
pub mod file_dialog;
pub mod files;
pub mod initiatives;
pub mod leaving;
pub mod nav;
pub mod overview;
pub mod palette;
pub mod present;
pub mod results;
pub mod review;
pub mod rows;
pub mod series;
pub mod shelf;
pub mod shortcuts;
pub mod status_bar;
pub mod theme;
pub mod top_bar;
pub mod unbroken;

use crate::viewer::context::ViewerContext;
use crate::viewer::place::{ListKey, SearchScope, View};

/// What the panels measure of the open report's lists as they draw them, kept with the
/// session and replaced with it: row heights and scroll positions, the list on screen, where
/// the contents were scrolled to.
#[derive(Debug, Default)]
pub struct Memory {
    /// Measured heights of the rows of the lists shown, and where each was scrolled to.
    pub lists: rows::ListHeights,
    /// The list in the central panel in the last frame, if it showed one.
    pub shown_list: Option<ListKey>,
    /// Where the contents were scrolled to, and what they were last brought to show.
    pub contents: nav::ContentsScroll,
    /// The review's label being edited and the row last brought into view.
    pub review: review::ReviewMemory,
}

/// The windows' own state, whichever report is open.
#[derive(Debug, Default)]
pub struct Windows {
    /// Whether the About box is open.
    pub about: bool,
    /// Whether the keyboard shortcuts window is open.
    pub shortcuts: bool,
    /// The command palette and its query, while open.
    pub palette: Option<palette::PaletteState>,
    /// What waits while the reader is asked about review verdicts not yet saved.
    pub leaving: Option<crate::viewer::commands::Leave>,
}

impl Windows {
    /// Opens the palette, empty, or closes it.
    pub fn toggle_palette(&mut self) {
        self.palette = match self.palette {
            Some(_) => None,
            None => Some(palette::PaletteState::default()),
        };
    }
}

/// The central panel: search results across the report, the overview, or a chapter; once a
/// result is opened, the results stay beside its chapter.
pub fn central_ui(
    ui: &mut egui::Ui,
    cx: &ViewerContext<'_>,
    memory: &mut Memory,
    drawn: &mut charts::Drawn,
) {
    let view = cx.view();
    let search = cx.session.search();
    if search.results_beside(view) {
        let width = ui.available_width();
        egui::Panel::right("results-beside")
            .resizable(true)
            .default_size((width * 0.3).clamp(200.0, 380.0))
            .min_size(180.0)
            .show(ui, |ui| {
                results::results_ui(ui, cx, &mut memory.lists, true)
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let global = search.is_active()
            && (search.scope() == SearchScope::Report || view == View::Overview)
            && !search.results_beside(view);
        // The table of figures is filtered by the search box itself.
        memory.shown_list = match view {
            View::Figures | View::Review | View::Shelf | View::Series(_) => None,
            _ if global => Some((view, true)),
            _ => Some((view, false)),
        };
        if view == View::Figures {
            figures::figures_ui(ui, cx);
        } else if view == View::Review {
            review::review_ui(ui, cx, &mut memory.review);
        } else if view == View::Shelf {
            shelf::shelf_ui(ui, cx);
        } else if let View::Series(s) = view {
            series::series_ui(ui, cx, s);
        } else if global {
            results::results_ui(ui, cx, &mut memory.lists, false);
        } else {
            match view {
                View::Overview | View::Figures | View::Review | View::Shelf | View::Series(_) => {
                    overview::overview_ui(ui, cx, &mut memory.lists);
                }
                View::Chapter(c) => chapter::chapter_ui(ui, cx, &mut memory.lists, drawn, c),
            }
        }
    });
}

/// How long a text cursor blinks after the last key or pointer movement: a blinking cursor
/// redraws the whole window twice a second, which an idle viewer should not.
const BLINK_SECONDS: f64 = 5.0;

/// Lets the text cursor blink only while the user is active, as many editors do.
/// `last_input` is when the user last did something, kept by the caller.
pub fn cursor_blink(ctx: &egui::Context, last_input: &mut f64) {
    let (now, active) = ctx.input(|i| (i.time, !i.events.is_empty() || i.pointer.is_moving()));
    if active {
        *last_input = now;
    }
    // Only a text box shows a cursor: with none focused there is nothing to blink or stop (and
    // a frame drawn for nothing costs a software renderer dearly).
    if !ctx.egui_wants_keyboard_input() {
        return;
    }
    let blink = now - *last_input < BLINK_SECONDS;
    if ctx.global_style().visuals.text_cursor.blink != blink {
        ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = blink);
        ctx.request_repaint();
    } else if blink {
        // Be back in time to stop the blinking.
        ctx.request_repaint_after_secs((*last_input + BLINK_SECONDS - now) as f32 + 0.05);
    }
}

/// A ring around the widget that has the keyboard's focus, whatever kind it is (a chapter in
/// the sidebar, a chart's row, a button), drawn over everything while the user moves with Tab;
/// a click puts it away. `by_keyboard` remembers which of the two came last.
pub fn focus_ring(ctx: &egui::Context, by_keyboard: &mut bool) {
    ctx.input(|i| {
        for event in &i.events {
            match event {
                egui::Event::Key {
                    key: egui::Key::Tab,
                    pressed: true,
                    ..
                } => *by_keyboard = true,
                egui::Event::PointerButton { pressed: true, .. } => *by_keyboard = false,
                _ => {}
            }
        }
    });
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return;
    };
    let Some(response) = ctx.read_response(focused).filter(|_| *by_keyboard) else {
        return;
    };
    // A widget that stands for more than its own rect (a table row's stop in its first cell)
    // says where its ring goes.
    let rect = ctx
        .data(|d| d.get_temp::<(egui::Id, egui::Rect)>(ring_rect_id()))
        .filter(|(id, _)| *id == focused)
        .map_or(response.rect, |(_, rect)| rect);
    let accent = theme::Palette::new(ctx.global_style().visuals.dark_mode).accent;
    let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("focus-ring"));
    ctx.layer_painter(layer).rect_stroke(
        rect.expand(2.0),
        4.0,
        egui::Stroke::new(2.0, accent),
        egui::StrokeKind::Outside,
    );
}

/// Where a focused widget's ring goes when it stands for more than its own rect: the widget's
/// id and the rect, as `ring_around` kept them this frame.
fn ring_rect_id() -> egui::Id {
    egui::Id::unique("focus-ring-rect")
}

/// Rings `rect` rather than widget `id`'s own rect while `id` has the keyboard (a table row).
pub fn ring_around(ctx: &egui::Context, id: egui::Id, rect: egui::Rect) {
    ctx.data_mut(|d| d.insert_temp(ring_rect_id(), (id, rect)));
}

/// Windows over the panels: a crash notice, diagnostics, About, shortcuts, and on top the
/// in-app file dialog.
pub fn windows_ui(
    ctx: &egui::Context,
    cx: &ViewerContext<'_>,
    windows: &mut Windows,
    in_app: &mut Option<crate::viewer::dialog::InAppDialog>,
) {
    crash::crash_window(ctx, cx);
    palette::palette_window(ctx, cx, &mut windows.palette);
    diagnostics::diagnostics_window(ctx, cx);
    about::about_window(ctx, cx, &mut windows.about);
    shortcuts::shortcuts_window(ctx, cx, &mut windows.shortcuts);
    leaving::leaving_window(ctx, cx, windows.leaving.as_ref());
    file_dialog::file_dialog_window(ctx, cx, in_app);
}

/// A text of the dataset in the interface's language: its English when the interface is in
/// English and the dataset has it, otherwise the Chinese.
pub fn localized<'a>(ui: &egui::Ui, chinese: &'a str, english: Option<&'a String>) -> &'a str {
    localized_in(crate::viewer::i18n::lang(ui.ctx()), chinese, english)
}

/// A text of the dataset in `lang`, where the dataset has it.
pub fn localized_in<'a>(
    lang: crate::viewer::i18n::Lang,
    chinese: &'a str,
    english: Option<&'a String>,
) -> &'a str {
    crate::report::chart_text::localized(lang, chinese, english)
}

/// A wrapped paragraph that is never stretched to the full width: egui justifies text in
/// justified layouts (card columns), which spaces out the letters of English words.
pub fn paragraph(ui: &mut egui::Ui, text: egui::RichText) -> egui::Response {
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.add(egui::Label::new(text).wrap())
    })
    .inner
}

/// A figure's value as the interface's language says it: as its text writes it in Chinese
/// (1,800余万元), in words in English (more than 18 million yuan).
pub fn figure_value(
    ui: &egui::Ui,
    figure: &crate::report::model::Figure,
    quantity: &crate::report::quantity::Quantity,
) -> String {
    crate::report::chart_text::figure_value(crate::viewer::i18n::lang(ui.ctx()), figure, quantity)
}

/// Adds the Chinese original as a hover to a response that shows a dataset text in English.
pub fn with_original(response: egui::Response, shown: &str, chinese: &str) -> egui::Response {
    if shown == chinese {
        response
    } else {
        response.on_hover_text(chinese)
    }
}

/// A short form of a chapter headline for the navigation: its first clause, cut to one line.
pub fn short_headline(headline: &str) -> String {
    // Latin letters take about half the width of a Chinese character; an English headline is
    // cut by length, since its first clause may be only a few words.
    if headline.is_ascii() {
        return abbreviate(headline, 28);
    }
    let clause = headline.split(['，', ',', '；']).next().unwrap_or(headline);
    abbreviate(clause, 13)
}

/// Cuts a label to `max` characters with an ellipsis.
pub fn abbreviate(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut short: String = label.chars().take(max.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_headlines_take_the_first_clause() {
        assert_eq!(
            short_headline("着眼发挥聚才聚智优势，创新资源的多元配置能力进一步提高"),
            "着眼发挥聚才聚智优势"
        );
        assert_eq!(abbreviate("院士(专家)创新工作站", 6), "院士(专家…");
        assert_eq!(abbreviate("专利", 6), "专利");
    }
}
