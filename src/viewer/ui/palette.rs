//! The command palette (Ctrl+K, Cmd+K on macOS): every command, chapter and initiative, found
//! by a few letters of its name, its pinyin or its initials; Enter runs or opens.

use egui::RichText;
use strum::IntoEnumIterator;

use crate::document::dataset::ChartRef;
use crate::search::fold;
use crate::search::pinyin;
use crate::viewer::commands::{Command, Export, KeyContext, SystemCommand, UiCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::i18n::{Lang, fill, tr};
use crate::viewer::place::View;

/// Rows the palette shows at once; the rest scroll.
const SHOWN: f32 = 12.0;

/// The palette's state while it is open.
#[derive(Debug, Default)]
pub struct PaletteState {
    /// What was typed.
    pub query: String,
    /// The highlighted row.
    pub selected: usize,
    opened: bool,
    /// The entries found for a query, kept while it is what is typed: scoring every chapter's
    /// name and pinyin is done once per query, not once per frame.
    found: Option<(String, Vec<Entry>)>,
}

/// One thing the palette can do.
#[derive(Clone, Debug)]
pub struct Entry {
    /// What kind of thing it is (命令, 章, 举措).
    pub kind: &'static str,
    /// Its name as shown.
    pub name: String,
    /// Its keys as this platform writes them, if it has any.
    pub shortcut: String,
    /// What choosing it does.
    pub command: Command,
}

/// How well `name` matches `query`: 6 the whole name, 5 its start, 4 elsewhere in it; by pinyin
/// (full or initials) 3 at its start, 2 elsewhere; 1 as letters in order; `None` not at all.
/// So "ys" lists 院士 before the 与数 and 验室 inside longer names.
pub fn score(name: &str, query: &str) -> Option<u8> {
    score_with(name, query, &mut pinyin::Syllables::default())
}

/// `score`, reading pinyin with a syllable table shared by all the names of one listing (the
/// table is large to set up; it is not made again for every name).
fn score_with(name: &str, query: &str, syllables: &mut pinyin::Syllables) -> Option<u8> {
    let query: String = query.trim().chars().map(fold).collect();
    if query.is_empty() {
        return Some(1);
    }
    let folded: String = name.chars().map(fold).collect();
    if folded == query {
        return Some(6);
    }
    if folded.starts_with(&query) {
        return Some(5);
    }
    if folded.contains(&query) {
        return Some(4);
    }
    if let Some(letters) = pinyin::as_pinyin_query(&query) {
        let mut text = pinyin::PinyinText::default();
        text.push(name, false, syllables);
        let readings = pinyin::readings(&letters, syllables);
        let query = pinyin::Query::new(&letters, readings);
        if let Some(found) = text.find(0..text.len(), &query) {
            return Some(if found.start == 0 { 3 } else { 2 });
        }
    }
    let mut rest = folded.chars();
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| rest.any(|c| c == q))
        .then_some(1)
}

/// Everything that matches `query`, best first: commands, then chapters, then initiatives.
pub fn entries(cx: &ViewerContext<'_>, ctx: &egui::Context, query: &str) -> Vec<Entry> {
    let mut syllables = pinyin::Syllables::default();
    let mut score = |name: &str| score_with(name, query, &mut syllables);
    let mut scored: Vec<(u8, usize, Entry)> = Vec::new();
    command_entries(ctx, &mut score, &mut scored);
    chapter_entries(cx, ctx, &mut score, &mut scored);
    contextual_entries(cx, ctx, &mut score, &mut scored);
    if !query.trim().is_empty() {
        initiative_entries(cx, ctx, query, &mut score, &mut scored);
    }
    // Best score first; among equals, commands, then chapters, then what belongs to the view
    // on screen (its charts, the selection), then initiatives: a chapter's name outranks its charts.
    scored.sort_by_key(|(s, group, _)| (std::cmp::Reverse(*s), *group));
    scored.into_iter().map(|(_, _, e)| e).collect()
}

/// How well a name matches the query being typed (`score`).
type Score<'a> = dyn FnMut(&str) -> Option<u8> + 'a;

/// Commands, found by their name in either language, and (less well) by what they do: "zhuti"
/// and "theme" find the themes.
fn command_entries(
    ctx: &egui::Context,
    score: &mut Score<'_>,
    scored: &mut Vec<(u8, usize, Entry)>,
) {
    for command in UiCommand::iter().filter(|c| c.in_palette()) {
        let name = command.text(ctx);
        let english = crate::viewer::i18n::tr_in(Lang::En, command.label_zh());
        let by_name = score(&name)
            .max(score(command.label_zh()))
            .max(score(english));
        let by_description = score(command.description_zh())
            .max(score(crate::viewer::i18n::tr_in(
                Lang::En,
                command.description_zh(),
            )))
            .filter(|s| *s >= 2)
            .map(|_| 1);
        if let Some(s) = by_name.or(by_description) {
            let entry = Entry {
                kind: tr(ctx, "命令"),
                name,
                shortcut: command.shortcut_text(ctx).unwrap_or_default(),
                command: command.into(),
            };
            scored.push((s, 0, entry));
        }
    }
}

/// What belongs to the view on screen: its charts' exports, the selected figure's copy.
fn contextual_entries(
    cx: &ViewerContext<'_>,
    ctx: &egui::Context,
    score: &mut Score<'_>,
    scored: &mut Vec<(u8, usize, Entry)>,
) {
    let lang = crate::viewer::i18n::lang(ctx);
    let report = &cx.dataset().report;
    let mut contextual: Vec<(String, SystemCommand)> = Vec::new();
    if let View::Chapter(c) = cx.view() {
        for (k, chart) in report.chapters[c].charts.iter().enumerate() {
            let title =
                crate::viewer::ui::localized_in(lang, &chart.title, chart.title_en.as_ref());
            contextual.push((
                fill(tr(ctx, "导出图表 PNG：{}"), &[&title]),
                SystemCommand::ExportDialog(Export::ChartPng(ChartRef {
                    chapter: c,
                    chart: k,
                })),
            ));
            contextual.push((
                fill(tr(ctx, "导出图表 CSV：{}"), &[&title]),
                SystemCommand::ExportDialog(Export::ChartCsv(ChartRef {
                    chapter: c,
                    chart: k,
                })),
            ));
        }
    }
    if let Some(place) = cx.session.selection() {
        let figure = cx.dataset().figure(place);
        let label = crate::viewer::ui::localized_in(lang, &figure.label, figure.label_en.as_ref());
        contextual.push((
            fill(tr(ctx, "复制选中的数据：{}"), &[&label]),
            SystemCommand::CopyFigure(place),
        ));
        contextual.push((
            fill(tr(ctx, "复制选中的数据（附出处）：{}"), &[&label]),
            SystemCommand::CopyFigureWithSource(place),
        ));
    }
    for (name, command) in contextual {
        if let Some(s) = score(&name) {
            let entry = Entry {
                kind: tr(ctx, "命令"),
                name,
                shortcut: String::new(),
                command: command.into(),
            };
            scored.push((s, 2, entry));
        }
    }
}

/// Chapters, by their number and name.
fn chapter_entries(
    cx: &ViewerContext<'_>,
    ctx: &egui::Context,
    score: &mut Score<'_>,
    scored: &mut Vec<(u8, usize, Entry)>,
) {
    let lang = crate::viewer::i18n::lang(ctx);
    for (c, chapter) in cx.dataset().report.chapters.iter().enumerate() {
        let shown = crate::viewer::ui::localized_in(lang, &chapter.name, chapter.name_en.as_ref());
        let name = fill(tr(ctx, "第 {} 章 {}"), &[&chapter.number, &shown]);
        if let Some(s) = score(&name).max(score(&chapter.name)) {
            let entry = Entry {
                kind: tr(ctx, "章"),
                name,
                shortcut: String::new(),
                command: SystemCommand::Show(View::Chapter(c)).into(),
            };
            scored.push((s, 1, entry));
        }
    }
}

/// Initiatives, found with the report's search index (pinyin included), so that a large
/// report is not walked per keystroke; ranked by their title, then by the names of their
/// figures, which are whole names in a text without word breaks: "ys" finds 院士 in
/// 院士(专家)创新工作站 before the 与数 and 验室 that run across words in a title.
fn initiative_entries(
    cx: &ViewerContext<'_>,
    ctx: &egui::Context,
    query: &str,
    score: &mut Score<'_>,
    scored: &mut Vec<(u8, usize, Entry)>,
) {
    let lang = crate::viewer::i18n::lang(ctx);
    let report = &cx.dataset().report;
    for place in cx
        .dataset()
        .index()
        .search(query, None)
        .into_iter()
        .take(200)
    {
        let initiative = &report.chapters[place.chapter].initiatives[place.initiative];
        let title =
            crate::viewer::ui::localized_in(lang, &initiative.title, initiative.title_en.as_ref());
        let by_figure = initiative
            .figures
            .iter()
            .filter_map(|figure| score(&figure.label))
            .max()
            .map(|s| s.min(3));
        let s = score(&initiative.title)
            .max(score(title))
            .max(by_figure)
            .unwrap_or(0);
        let entry = Entry {
            kind: tr(ctx, "举措"),
            name: title.to_owned(),
            shortcut: String::new(),
            command: SystemCommand::OpenInitiative(place).into(),
        };
        scored.push((s, 3, entry));
    }
}

/// Shows the palette while it is open.
pub fn palette_window(
    ctx: &egui::Context,
    cx: &ViewerContext<'_>,
    palette: &mut Option<PaletteState>,
) {
    let Some(state) = palette else {
        return;
    };
    let mut close = false;
    let mut chosen: Option<Command> = None;
    egui::Window::new(tr(ctx, "命令面板"))
        .collapsible(false)
        .resizable(false)
        .title_bar(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
        .default_width(560.0)
        .show(ctx, |ui| {
            let label = ui.label(RichText::new(tr(ui, "命令面板")).strong());
            let edit = egui::TextEdit::singleline(&mut state.query)
                .hint_text(tr(ui, "输入命令、章或举措（支持拼音，如 kp）"))
                .desired_width(f32::INFINITY);
            // The label names the box for screen readers.
            let response = ui.add(edit).labelled_by(label.id);
            if !state.opened {
                response.request_focus();
                state.opened = true;
            }
            if response.changed() {
                state.selected = 0;
            }
            let fresh = state
                .found
                .as_ref()
                .is_some_and(|(query, _)| *query == state.query);
            if !fresh {
                let found = entries(cx, ui.ctx(), &state.query);
                state.found = Some((state.query.clone(), found));
            }
            let found = state.found.as_ref().map_or(&[][..], |(_, found)| found);
            let keys = keys_ui(ui, &mut state.selected, found);
            close |= keys.close;
            chosen = keys
                .chosen
                .or_else(|| list_ui(ui, found, (state.selected, keys.moved)));
        });
    if let Some(command) = chosen {
        cx.send(command);
        close = true;
    }
    if close {
        *palette = None;
    }
}

/// What the palette's keys asked for: an entry chosen (Enter), or to close it (Esc).
struct Keys {
    chosen: Option<Command>,
    close: bool,
    /// ↑ or ↓ moved the selection: the list scrolls to it.
    moved: bool,
}

/// The list's keys, as the command table binds them in a list: ↑ and ↓ move the selection
/// among the entries shown; Enter chooses it; Esc closes.
fn keys_ui(ui: &egui::Ui, selected: &mut usize, found: &[Entry]) -> Keys {
    let pressed = |command: UiCommand| ui.input(|i| command.pressed_in(i, KeyContext::List));
    let (up, down, enter, escape) = (
        pressed(UiCommand::ChoosePrevious),
        pressed(UiCommand::ChooseNext),
        pressed(UiCommand::Choose),
        pressed(UiCommand::Close),
    );
    let shown = found.len();
    if down && shown > 0 {
        *selected = (*selected + 1).min(shown - 1);
    }
    if up {
        *selected = selected.saturating_sub(1);
    }
    let chosen = found
        .get(*selected)
        .filter(|_| enter)
        .map(|entry| entry.command.clone());
    Keys {
        chosen,
        close: escape,
        moved: up || down,
    }
}

/// The entries found, as many as fit shown and the rest a scroll away (↓ goes on to them):
/// kind, name and shortcut; the one clicked, if any.
fn list_ui(ui: &mut egui::Ui, found: &[Entry], selected: (usize, bool)) -> Option<Command> {
    if found.is_empty() {
        ui.label(RichText::new(tr(ui, "没有匹配的命令、章或举措。")).weak());
    }
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    // Above the status bar on a small screen (640×480), the rest a scroll away.
    let room = ui.ctx().content_rect().bottom() - ui.cursor().top() - 48.0;
    egui::ScrollArea::vertical()
        .max_height((row_height * SHOWN).min(room.max(row_height * 3.0)))
        .show(ui, |ui| rows_ui(ui, found, selected))
        .inner
}

/// The rows of the list, the chosen one kept in view.
fn rows_ui(
    ui: &mut egui::Ui,
    found: &[Entry],
    (selected, moved): (usize, bool),
) -> Option<Command> {
    let mut chosen = None;
    for (k, entry) in found.iter().enumerate() {
        let row = ui.horizontal(|ui| {
            ui.label(RichText::new(entry.kind).small().weak());
            let label = ui.selectable_label(k == selected, &entry.name);
            if !entry.shortcut.is_empty() {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(&entry.shortcut).monospace().weak());
                });
            }
            label
        });
        if row.inner.clicked() {
            chosen = Some(entry.command.clone());
        }
        if k == selected && moved {
            row.response.scroll_to_me(None);
        }
    }
    chosen
}
