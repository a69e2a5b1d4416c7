//! Whole-report search results, grouped by chapter, each with a highlighted snippet.
//!
//! Results are rows of a virtual list: a query that matches a hundred thousand initiatives
//! lays out only the results on screen, and makes snippets only for them.

use crate::viewer::i18n::{Translate as _, fill, tr};
use egui::{RichText, Sense, TextFormat};

use crate::document::dataset::Dataset;
use crate::search::{Hit, InitiativeRef, snippet};
use crate::viewer::commands::{KeyContext, SystemCommand, UiCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::place::View;
use crate::viewer::ui::initiatives::{BODY_SIZE, Emphasis, TITLE_SIZE, highlighted_job};
use crate::viewer::ui::rows::{Anchor, RowKey, rows_ui};
use crate::viewer::ui::theme::{self, Palette};

/// The whole report's search results: in the central panel, or `beside` the chapter one of
/// them was opened in.
pub fn results_ui(
    ui: &mut egui::Ui,
    cx: &ViewerContext<'_>,
    lists: &mut crate::viewer::ui::rows::ListHeights,
    beside: bool,
) {
    let view = cx.view();
    let search = cx.session.search();
    let selected = search.selected();
    let query = search.query().trim().to_owned();
    let list = (view, true);
    let (heights, restore) = lists.for_list(list, ui.ctx().cumulative_pass_nr());
    let hits: &[InitiativeRef] = search.hits();
    let dataset = cx.dataset();

    let mut rows = Vec::with_capacity(hits.len() + 16);
    rows.push(RowKey::Head);
    let mut last_chapter = None;
    for (k, hit) in hits.iter().enumerate() {
        if last_chapter != Some(hit.chapter) {
            rows.push(RowKey::Heading(hit.chapter));
            last_chapter = Some(hit.chapter);
        }
        rows.push(RowKey::Item(k));
    }
    // Keep the result chosen with ↑/↓ (or stepped to) in view.
    let scroll_to = hits
        .get(selected)
        .map(|_| Anchor::top_of(RowKey::Item(selected)))
        .filter(|_| search.selected_moved())
        .or(restore);

    let estimate = |key: RowKey, _width: f32| match key {
        RowKey::Head => 70.0,
        RowKey::Heading(_) => 40.0,
        _ => 96.0,
    };
    let seen = rows_ui(
        ui,
        ("results", beside),
        heights,
        &rows,
        &estimate,
        scroll_to,
        &mut |ui, key| match key {
            RowKey::Head => head_ui(ui, cx, &query, hits.len(), beside),
            RowKey::Heading(c) => {
                let chapter = &dataset.report.chapters[c];
                let palette = Palette::of(ui);
                ui.add_space(8.0);
                let name =
                    crate::viewer::ui::localized(ui, &chapter.name, chapter.name_en.as_ref());
                ui.label(
                    RichText::new(format!("{} {name}", chapter.number))
                        .font(theme::bold(17.0))
                        .color(palette.accent),
                );
            }
            RowKey::Item(k) => {
                let hit = Hit::new(&dataset.report, hits[k], &query);
                if result_ui(ui, dataset, &hit, k == selected) {
                    cx.send(SystemCommand::OpenInitiative(hits[k]));
                }
            }
            RowKey::Foot => {}
        },
    );
    lists.remember(list, seen);
}

fn head_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, query: &str, count: usize, beside: bool) {
    let view = cx.view();
    let palette = Palette::of(ui);
    ui.add_space(8.0);
    let size = if beside { 16.0 } else { 20.0 };
    ui.horizontal(|ui| {
        if beside {
            let keys = UiCommand::ClearSearch.keys_text_in(ui.ctx(), KeyContext::SearchBox);
            let hint = fill(tr(ui, "关闭搜索结果（{}）"), &[&keys]);
            let close = ui.button("×").on_hover_text(hint);
            let name = tr(ui, "关闭搜索结果").to_owned();
            close.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if close.clicked() {
                cx.send(UiCommand::ClearSearch);
            }
        }
        ui.add(
            egui::Label::new(
                RichText::new(fill(
                    tr(ui, "全文搜索「{}」：{} 项举措"),
                    // A pasted page is not a heading: its start is enough to recognise it.
                    &[&crate::viewer::ui::abbreviate(query, 40), &count],
                ))
                .font(theme::bold(size))
                .strong(),
            )
            .wrap(),
        );
    });
    let ctx = ui.ctx().clone();
    let keys = |command: UiCommand| {
        let in_box = command.keys_text_in(&ctx, KeyContext::SearchBox);
        match command.shortcut_text(&ctx) {
            Some(anywhere) => format!("{in_box} / {anywhere}"),
            None => in_box,
        }
    };
    let hint = if beside {
        fill(
            tr(ui, "{} 下一个，{} 上一个"),
            &[&keys(UiCommand::FindNext), &keys(UiCommand::FindPrevious)],
        )
    } else {
        let choose = format!(
            "{}/{}",
            UiCommand::ChoosePrevious.keys_text_in(&ctx, KeyContext::SearchBox),
            UiCommand::ChooseNext.keys_text_in(&ctx, KeyContext::SearchBox)
        );
        fill(
            tr(ui, "{} 打开选中的结果，{} 选择，{} 清空"),
            &[
                &UiCommand::FindNext.keys_text_in(&ctx, KeyContext::SearchBox),
                &choose,
                &UiCommand::ClearSearch.keys_text_in(&ctx, KeyContext::SearchBox),
            ],
        )
    };
    if beside || view != View::Overview {
        ui.label(RichText::new(hint).small().color(palette.muted));
    }
    if count == 0 {
        ui.add_space(8.0);
        ui.label(RichText::new(nothing_found(ui, cx.dataset())).color(palette.muted));
    }
}

/// What to say when a search finds nothing: what to try, with two labels of this report's
/// figures as examples (the built-in report's 院士 or 专利 are in no other report).
fn nothing_found(ui: &egui::Ui, dataset: &Dataset) -> String {
    let english = ui.lang() == crate::report::lang::Lang::En;
    let mut labels: Vec<&str> = Vec::new();
    let figures = dataset
        .report
        .chapters
        .iter()
        .flat_map(|c| &c.initiatives)
        .flat_map(|i| &i.figures);
    for figure in figures {
        let label = match (&figure.label_en, english) {
            (Some(en), true) => en.as_str(),
            _ => figure.label.as_str(),
        };
        if !labels.contains(&label) && label.chars().count() <= 12 {
            labels.push(label);
        }
        if labels.len() == 2 {
            break;
        }
    }
    match labels[..] {
        [first, second] => fill(
            tr(
                ui,
                "没有找到。试试更短的词、拼音或其首字母，或数据的标签（如“{}”“{}”）。",
            ),
            &[&first, &second],
        ),
        _ => tr(ui, "没有找到。试试更短的词、拼音或其首字母。").to_owned(),
    }
}

/// One result card; says whether it was clicked.
fn result_ui(ui: &mut egui::Ui, dataset: &Dataset, hit: &Hit, is_selected: bool) -> bool {
    let palette = Palette::of(ui);
    let text_color = ui.visuals().text_color();
    let title_color = ui.visuals().strong_text_color();
    let initiative = &dataset.report.chapters[hit.chapter].initiatives[hit.initiative];
    let response = ui
        .scope_builder(egui::UiBuilder::new().sense(Sense::click()), |ui| {
            // The whole card is one click target; text in it must not take the click.
            ui.style_mut().interaction.selectable_labels = false;
            let fill = if is_selected {
                ui.visuals().selection.bg_fill.gamma_multiply(0.35)
            } else {
                palette.card
            };
            theme::card(ui, fill, 10).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let title_format =
                    |_: Emphasis| TextFormat::simple(theme::bold(TITLE_SIZE - 1.0), title_color);
                let (mut title, _) = highlighted_job(
                    &initiative.title,
                    &[(0..initiative.title.len(), Emphasis::Plain)],
                    &hit.title,
                    &title_format,
                    &palette,
                );
                title.wrap.max_width = ui.available_width();
                ui.add(egui::Label::new(title));
                let english = crate::viewer::ui::localized(
                    ui,
                    &initiative.title,
                    initiative.title_en.as_ref(),
                );
                if english != initiative.title {
                    ui.label(RichText::new(english).small().color(palette.muted));
                }
                let (excerpt, ranges) =
                    snippet(&initiative.text, &hit.text, crate::search::SNIPPET_CONTEXT);
                let body = |_: Emphasis| {
                    TextFormat::simple(egui::FontId::proportional(BODY_SIZE - 1.0), text_color)
                };
                let (mut job, _) = highlighted_job(
                    &excerpt,
                    &[(0..excerpt.len(), Emphasis::Plain)],
                    &ranges,
                    &body,
                    &palette,
                );
                job.wrap.max_width = ui.available_width();
                ui.add(egui::Label::new(job));
                if !hit.figures.is_empty() {
                    // In the interface's language, where the dataset has it.
                    let labels: Vec<&str> = hit
                        .figures
                        .iter()
                        .map(|&f| {
                            let figure = &initiative.figures[f];
                            crate::viewer::ui::localized(
                                ui,
                                &figure.label,
                                figure.label_en.as_ref(),
                            )
                        })
                        .collect();
                    ui.label(
                        RichText::new(crate::viewer::i18n::fill(
                            tr(ui, "数据：{}"),
                            &[&labels.join(tr(ui, "、"))],
                        ))
                        .small()
                        .color(palette.muted),
                    );
                }
            });
        })
        .response;
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, initiative.title.clone())
    });
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response.clicked()
}
