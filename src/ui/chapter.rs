//! A chapter panel: number, name and headline; its charts; then its initiatives.

use egui::{Id, RichText};

use crate::app::{Command, HuimouApp, SearchScope, View};
use crate::ui::{charts, initiatives, theme};

/// Width above which charts sit two to a row.
const TWO_COLUMNS_FROM: f32 = 980.0;

/// The central panel for chapter `c`.
pub fn chapter_ui(ui: &mut egui::Ui, app: &mut HuimouApp, c: usize) {
    let mut commands = Vec::new();
    let filtering = app.search.is_active() && app.search.scope == SearchScope::Chapter;
    let hits = if app.search.is_active() {
        app.search.hits(&app.index, View::Chapter(c)).to_vec()
    } else {
        Vec::new()
    };
    let dataset = &app.dataset;
    let chapter = &dataset.report.chapters[c];
    let palette = theme::Palette::of(ui);
    let scroll_to = app.scroll_to.take();

    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(chapter.number.to_string())
                        .font(theme::bold(40.0))
                        .color(palette.accent),
                );
                ui.vertical(|ui| {
                    ui.label(
                        RichText::new(&chapter.name)
                            .font(theme::bold(26.0))
                            .strong(),
                    );
                });
            });
            ui.add(
                egui::Label::new(
                    RichText::new(&chapter.headline)
                        .size(17.0)
                        .color(palette.muted),
                )
                .wrap(),
            );
            ui.add_space(12.0);

            // While filtering, the matching initiatives come first; the charts wait.
            if filtering && !chapter.charts.is_empty() {
                ui.label(
                    RichText::new("搜索时不显示图表；清空搜索（Esc）即可看到。")
                        .small()
                        .color(palette.muted),
                );
                ui.add_space(6.0);
            } else if !chapter.charts.is_empty() {
                let columns =
                    if ui.available_width() >= TWO_COLUMNS_FROM && chapter.charts.len() > 1 {
                        2
                    } else {
                        1
                    };
                ui.columns(columns, |cols| {
                    for (k, chart) in chapter.charts.iter().enumerate() {
                        let col = &mut cols[k % columns];
                        let id = Id::unique(("chart", c, k));
                        if let Some(command) =
                            charts::chart_card_ui(col, dataset, chart, id, app.selection)
                        {
                            commands.push(command);
                        }
                        col.add_space(8.0);
                    }
                });
                ui.add_space(8.0);
            }

            ui.horizontal(|ui| {
                ui.label(RichText::new("主要举措").font(theme::bold(19.0)).strong());
                if filtering {
                    ui.label(
                        RichText::new(format!(
                            "（{} / {} 项符合「{}」）",
                            hits.len(),
                            chapter.initiatives.len(),
                            app.search.query.trim()
                        ))
                        .color(palette.muted),
                    );
                }
            });
            ui.add_space(4.0);
            let mut shown = 0;
            for (i, _) in chapter.initiatives.iter().enumerate() {
                let hit = hits.iter().find(|h| h.chapter == c && h.initiative == i);
                if filtering && hit.is_none() {
                    continue;
                }
                shown += 1;
                let scroll_here = scroll_to == Some((c, i));
                if let Some(command) = initiatives::initiative_card_ui(
                    ui,
                    dataset,
                    c,
                    i,
                    hit,
                    app.selection,
                    scroll_here,
                ) {
                    commands.push(command);
                }
                ui.add_space(6.0);
            }
            if filtering && shown == 0 {
                ui.label(
                    RichText::new(format!(
                        "本章没有符合「{}」的举措。",
                        app.search.query.trim()
                    ))
                    .color(palette.muted),
                );
                if ui.button("搜索全文").clicked() {
                    commands.push(Command::FocusSearch(SearchScope::Report));
                }
            }

            ui.add_space(12.0);
            ui.separator();
            ui.horizontal(|ui| {
                let previous = if c == 0 {
                    "总览".to_owned()
                } else {
                    format!("{} {}", c, dataset.report.chapters[c - 1].name)
                };
                if ui
                    .button(format!("← 上一章：{previous}"))
                    .on_hover_text("Alt+↑")
                    .clicked()
                {
                    commands.push(Command::Previous);
                }
                if let Some(next) = dataset.report.chapters.get(c + 1) {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .button(format!("下一章：{} {} →", next.number, next.name))
                            .on_hover_text("Alt+↓")
                            .clicked()
                        {
                            commands.push(Command::Next);
                        }
                    });
                }
            });
            ui.add_space(12.0);
        });
    for command in commands {
        app.push(command);
    }
}
