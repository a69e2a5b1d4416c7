//! Whole-report search results, grouped by chapter, each with a highlighted snippet.

use egui::{RichText, Sense, TextFormat};

use crate::app::{Command, HuimouApp, View};
use crate::search::snippet;
use crate::ui::initiatives::{BODY_SIZE, TITLE_SIZE, highlighted_job};
use crate::ui::theme::{self, Palette};

/// Characters of context shown before a match in a snippet.
const SNIPPET_CONTEXT: usize = 18;

/// The central panel while searching the whole report.
pub fn results_ui(ui: &mut egui::Ui, app: &mut HuimouApp) {
    let mut commands = Vec::new();
    let view = app.view();
    let hits = app.search.hits(&app.index, view).to_vec();
    let selected = app.search.selected;
    let query = app.search.query.trim().to_owned();
    let dataset = &app.dataset;
    let palette = Palette::of(ui);
    let text_color = ui.visuals().text_color();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(8.0);
            ui.label(
                RichText::new(format!("全文搜索「{query}」：{} 项举措", hits.len()))
                    .font(theme::bold(20.0)),
            );
            if view != View::Overview {
                ui.label(
                    RichText::new("Enter 打开选中的结果，↑/↓ 选择，Esc 清空")
                        .small()
                        .color(palette.muted),
                );
            }
            if hits.is_empty() {
                ui.add_space(8.0);
                ui.label(
                    RichText::new("没有找到。试试更短的词，或数据的标签（如“院士”“专利”）。")
                        .color(palette.muted),
                );
            }
            let mut last_chapter = None;
            for (k, hit) in hits.iter().enumerate() {
                let chapter = &dataset.report.chapters[hit.chapter];
                if last_chapter != Some(hit.chapter) {
                    ui.add_space(10.0);
                    ui.label(
                        RichText::new(format!("{} {}", chapter.number, chapter.name))
                            .font(theme::bold(17.0))
                            .color(palette.accent),
                    );
                    last_chapter = Some(hit.chapter);
                }
                let initiative = &chapter.initiatives[hit.initiative];
                let is_selected = k == selected;
                let response = ui
                    .scope_builder(egui::UiBuilder::new().sense(Sense::click()), |ui| {
                        // The whole card is one click target; text in it must not take the click.
                        ui.style_mut().interaction.selectable_labels = false;
                        let fill = if is_selected {
                            ui.visuals().selection.bg_fill.gamma_multiply(0.35)
                        } else {
                            palette.card
                        };
                        egui::Frame::group(ui.style())
                            .fill(fill)
                            .inner_margin(egui::Margin::same(10))
                            .corner_radius(6.0)
                            .show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                let plain = |_: Option<usize>| {
                                    TextFormat::simple(theme::bold(TITLE_SIZE - 1.0), text_color)
                                };
                                let (mut title, _) = highlighted_job(
                                    &initiative.title,
                                    &[(0..initiative.title.len(), None)],
                                    &hit.title,
                                    &plain,
                                    &palette,
                                );
                                title.wrap.max_width = ui.available_width();
                                ui.add(egui::Label::new(title).selectable(false));
                                let (excerpt, ranges) =
                                    snippet(&initiative.text, &hit.text, SNIPPET_CONTEXT);
                                let body = |_: Option<usize>| {
                                    TextFormat::simple(
                                        egui::FontId::proportional(BODY_SIZE - 1.0),
                                        text_color,
                                    )
                                };
                                let (mut job, _) = highlighted_job(
                                    &excerpt,
                                    &[(0..excerpt.len(), None)],
                                    &ranges,
                                    &body,
                                    &palette,
                                );
                                job.wrap.max_width = ui.available_width();
                                ui.add(egui::Label::new(job).selectable(false));
                                if !hit.figures.is_empty() {
                                    let labels: Vec<&str> = hit
                                        .figures
                                        .iter()
                                        .map(|&f| initiative.figures[f].label.as_str())
                                        .collect();
                                    ui.label(
                                        RichText::new(format!("数据：{}", labels.join("、")))
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
                if is_selected {
                    response.scroll_to_me(None);
                }
                if response.clicked() {
                    commands.push(Command::OpenInitiative {
                        chapter: hit.chapter,
                        initiative: hit.initiative,
                    });
                }
                ui.add_space(4.0);
            }
        });
    for command in commands {
        app.push(command);
    }
}
