//! A chapter panel: number, name and headline; its charts; then its initiatives.
//!
//! The initiatives are rows of a virtual list, so a chapter of ten thousand initiatives lays
//! out only the few on screen.

use crate::viewer::i18n::{fill, tr};
use egui::RichText;

use crate::document::dataset::{ChartRef, Dataset};
use crate::search::{Hit, InitiativeRef};
use crate::viewer::commands::{Command, KeyContext, SystemCommand, UiCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::place::{SearchScope, View};
use crate::viewer::ui::rows::{Anchor, RowKey, rows_ui};
use crate::viewer::ui::{charts, initiatives, theme};

/// How many characters of a query the chapter repeats: a pasted page is not a heading.
const QUERY_SHOWN: usize = 40;

/// Width above which charts sit two to a row.
const TWO_COLUMNS_FROM: f32 = 980.0;

/// The search that filters a chapter, as its head and foot tell of it.
#[derive(Clone, Copy)]
struct Filter<'a> {
    /// Whether the chapter lists only the initiatives that match.
    active: bool,
    /// How many match.
    hits: usize,
    /// The query, trimmed.
    query: &'a str,
}

/// The central panel for chapter `c`.
pub fn chapter_ui(
    ui: &mut egui::Ui,
    cx: &ViewerContext<'_>,
    lists: &mut crate::viewer::ui::rows::ListHeights,
    drawn: &mut charts::Drawn,
    c: usize,
) {
    let view = View::Chapter(c);
    let search = cx.session.search();
    let filtering = search.is_active() && search.scope() == SearchScope::Chapter;
    // The query's matches are marked in the chapter whether it filters the chapter or the
    // whole report's results stand beside it.
    let marking = search.is_active();
    let lit = search.lit(view);
    let list = (view, false);
    let (heights, restore) = lists.for_list(list, ui.ctx().cumulative_pass_nr());
    let scroll_to = cx
        .session
        .scroll_to()
        .filter(|place| place.chapter == c)
        .map(|place| Anchor::top_of(RowKey::Item(place.initiative)))
        .or(restore);
    let chart_options = charts::ChartOptions {
        selection: cx.session.selection(),
        slide: None,
        exporting: false,
    };
    let exporting = cx.activity.exporting_chart;
    let query = search.query().trim().to_owned();
    let hits: &[InitiativeRef] = if filtering { search.hits() } else { &[] };
    let filter = Filter {
        active: filtering,
        hits: hits.len(),
        query: &query,
    };
    let (dataset, expanded) = (cx.dataset(), cx.session.expanded());
    let rows = rows_of(dataset, c, filtering.then_some(hits));

    let mut commands: Vec<Command> = Vec::new();
    let estimate = |key: RowKey, width: f32| estimate_height(dataset, c, key, width, expanded);
    let seen = rows_ui(
        ui,
        ("chapter", c),
        heights,
        &rows,
        &estimate,
        scroll_to,
        &mut |ui, key| match key {
            RowKey::Head => {
                let charts = (chart_options, exporting, &mut *drawn);
                head_ui(ui, dataset, c, filter, charts, &mut commands)
            }
            RowKey::Item(i) => {
                let place = InitiativeRef {
                    chapter: c,
                    initiative: i,
                };
                let marks = Marks {
                    query: marking.then_some(filter.query),
                    selection: chart_options.selection,
                    lit: lit == Some(place),
                    shelf: cx.session.shelf(),
                };
                commands.extend(item_ui(ui, dataset, place, expanded, marks).map(Command::from));
            }
            RowKey::Foot => foot_ui(ui, dataset, c, filter, &mut commands),
            RowKey::Heading(_) => {}
        },
    );
    lists.remember(list, seen);
    for command in commands {
        cx.send(command);
    }
}

/// The chapter's rows: its head, its initiatives (only the matching ones while a search
/// filters it), its foot.
fn rows_of(dataset: &Dataset, c: usize, hits: Option<&[InitiativeRef]>) -> Vec<RowKey> {
    let initiatives = dataset.report.chapters[c].initiatives.len();
    let mut rows = Vec::with_capacity(initiatives + 2);
    rows.push(RowKey::Head);
    match hits {
        Some(hits) => rows.extend(hits.iter().map(|h| RowKey::Item(h.initiative))),
        None => rows.extend((0..initiatives).map(RowKey::Item)),
    }
    rows.push(RowKey::Foot);
    rows
}

/// What an initiative's card marks: the query's matches, the selected figure, and whether it is
/// the match the reader stepped to.
#[derive(Clone, Copy)]
struct Marks<'a> {
    query: Option<&'a str>,
    selection: Option<crate::document::dataset::FigureRef>,
    lit: bool,
    shelf: Option<&'a crate::viewer::session::OnShelf>,
}

/// One initiative's card, with the query's matches (worked out only for the rows on screen).
fn item_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    place: InitiativeRef,
    expanded: &std::collections::HashSet<InitiativeRef>,
    marks: Marks<'_>,
) -> Option<SystemCommand> {
    let (c, i) = (place.chapter, place.initiative);
    let hit = marks
        .query
        .map(|query| Hit::new(&dataset.report, place, query));
    let full = expanded.contains(&place);
    let command = initiatives::initiative_card_ui(
        ui,
        dataset,
        c,
        i,
        hit.as_ref(),
        (marks.selection, marks.shelf),
        full,
    );
    if marks.lit {
        light_ui(ui);
    }
    command
}

/// A ring in the accent colour around the card just drawn: the match the reader stepped to.
fn light_ui(ui: &egui::Ui) {
    let accent = theme::Palette::of(ui).accent;
    ui.painter().rect_stroke(
        ui.min_rect().expand(1.0),
        8.0,
        egui::Stroke::new(2.5, accent),
        egui::StrokeKind::Outside,
    );
}

/// A guess of a row's height before it is first drawn, from the length of its text.
fn estimate_height(
    dataset: &Dataset,
    c: usize,
    key: RowKey,
    width: f32,
    expanded: &std::collections::HashSet<InitiativeRef>,
) -> f32 {
    let chapter = &dataset.report.chapters[c];
    match key {
        RowKey::Head => {
            let columns = if width >= TWO_COLUMNS_FROM { 2 } else { 1 };
            150.0 + chapter.charts.len().div_ceil(columns) as f32 * 190.0
        }
        RowKey::Item(i) => {
            let text = &chapter.initiatives[i].text;
            let per_line = ((width - 30.0) / initiatives::BODY_SIZE).max(10.0);
            // Bytes / 3 counts Chinese characters closely enough, without walking the text;
            // a long text not expanded shows only its start.
            let shown = if text.len() > 3 * initiatives::LONG_TEXT_CHARS
                && !expanded.contains(&InitiativeRef {
                    chapter: c,
                    initiative: i,
                }) {
                3 * initiatives::PREVIEW_CHARS
            } else {
                text.len()
            };
            let lines = ((shown / 3) as f32 / per_line).ceil();
            60.0 + lines * initiatives::BODY_SIZE * 1.65
        }
        RowKey::Foot | RowKey::Heading(_) => 60.0,
    }
}

/// The chapter's heading and headline, its charts (the one whose picture is being taken,
/// `exporting`, without its menu), and the title of its list of initiatives.
fn head_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    c: usize,
    filter: Filter<'_>,
    (options, exporting, drawn): (charts::ChartOptions, Option<ChartRef>, &mut charts::Drawn),
    commands: &mut Vec<Command>,
) {
    let chapter = &dataset.report.chapters[c];
    let palette = theme::Palette::of(ui);
    ui.add_space(8.0);
    theme::chapter_heading_ui(ui, chapter, 40.0, 26.0);
    let headline =
        crate::viewer::ui::localized(ui, &chapter.headline, chapter.headline_en.as_ref());
    let response =
        crate::viewer::ui::paragraph(ui, RichText::new(headline).size(17.0).color(palette.muted));
    crate::viewer::ui::with_original(response, headline, &chapter.headline);
    ui.add_space(12.0);

    // While filtering, the matching initiatives come first; the charts wait.
    if filter.active && !chapter.charts.is_empty() {
        ui.label(
            RichText::new(fill(
                tr(ui, "搜索时不显示图表；清空搜索（{}）即可看到。"),
                &[&UiCommand::Close.keys_text_in(ui.ctx(), KeyContext::Viewer)],
            ))
            .small()
            .color(palette.muted),
        );
        ui.add_space(6.0);
    } else if !chapter.charts.is_empty() {
        let columns = if ui.available_width() >= TWO_COLUMNS_FROM && chapter.charts.len() > 1 {
            2
        } else {
            1
        };
        ui.columns(columns, |cols| {
            for k in 0..chapter.charts.len() {
                let col = &mut cols[k % columns];
                let chart = ChartRef {
                    chapter: c,
                    chart: k,
                };
                let options = charts::ChartOptions {
                    exporting: exporting == Some(chart),
                    ..options
                };
                if let Some(command) = charts::chart_card_ui(col, dataset, chart, options, drawn) {
                    commands.push(command.into());
                }
                col.add_space(8.0);
            }
        });
        ui.add_space(8.0);
    }

    ui.horizontal(|ui| {
        ui.label(
            RichText::new(tr(ui, "主要举措"))
                .font(theme::bold(19.0))
                .strong(),
        );
        if filter.active {
            ui.label(
                RichText::new(fill(
                    tr(ui, "（{} / {} 项符合「{}」）"),
                    &[
                        &filter.hits,
                        &chapter.initiatives.len(),
                        &crate::viewer::ui::abbreviate(filter.query, QUERY_SHOWN),
                    ],
                ))
                .color(palette.muted),
            );
        }
    });
}

fn foot_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    c: usize,
    filter: Filter<'_>,
    commands: &mut Vec<Command>,
) {
    let palette = theme::Palette::of(ui);
    if filter.active && filter.hits == 0 {
        ui.label(
            RichText::new(fill(
                tr(ui, "本章没有符合「{}」的举措。"),
                &[&crate::viewer::ui::abbreviate(filter.query, QUERY_SHOWN)],
            ))
            .color(palette.muted),
        );
        if ui.button(tr(ui, "搜索全文")).clicked() {
            commands.push(SystemCommand::FocusSearch(SearchScope::Report).into());
        }
    }
    ui.add_space(6.0);
    ui.separator();
    ui.horizontal(|ui| {
        let previous = if c == 0 {
            tr(ui, "总览").to_owned()
        } else {
            let before = &dataset.report.chapters[c - 1];
            format!(
                "{} {}",
                c,
                crate::viewer::ui::localized(ui, &before.name, before.name_en.as_ref())
            )
        };
        if ui
            .button(fill(tr(ui, "← 上一章：{}"), &[&previous]))
            .on_hover_text(shortcut_text(ui, UiCommand::PreviousChapter))
            .clicked()
        {
            commands.push(UiCommand::PreviousChapter.into());
        }
        if let Some(next) = dataset.report.chapters.get(c + 1) {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(fill(
                        tr(ui, "下一章：{} {} →"),
                        &[
                            &next.number,
                            &crate::viewer::ui::localized(ui, &next.name, next.name_en.as_ref()),
                        ],
                    ))
                    .on_hover_text(shortcut_text(ui, UiCommand::NextChapter))
                    .clicked()
                {
                    commands.push(UiCommand::NextChapter.into());
                }
            });
        }
    });
    ui.add_space(12.0);
}

/// A command's first key as this platform writes it, for a button's hover hint.
fn shortcut_text(ui: &egui::Ui, command: UiCommand) -> String {
    command.shortcut_text(ui.ctx()).unwrap_or_default()
}
