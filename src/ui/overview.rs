//! The overview: the report's cover, one card per chapter with key figures, and a chart across
//! chapters.

use crate::i18n::{fill, tr};
use egui::{Id, RichText, Sense};
use egui_plot::{Bar, BarChart, Legend, Plot};

use crate::app::{Command, HuimouApp, View};
use crate::dataset::{Dataset, FigureRef};
use crate::ui::commands::UiCommand;
use crate::ui::rows::{RowKey, rows_ui};
use crate::ui::theme::{self, Palette};

/// Widest a chapter card grows before another column is added.
const CARD_WIDTH: f32 = 340.0;
/// How many key figures a chapter card shows.
const KEY_FIGURES: usize = 3;

/// Reports with more chapters than this get no chart across chapters: its bars would be too
/// thin to read, and the chapter cards say the same.
const MAX_CHART_CHAPTERS: usize = 40;

/// The central panel of the overview: the cover, rows of chapter cards, then the chart. The
/// rows form a virtual list, so a report of ten thousand chapters lays out only the cards in
/// view.
pub fn overview_ui(ui: &mut egui::Ui, app: &mut HuimouApp) {
    let mut commands = Vec::new();
    let dataset = &app.dataset;
    let report = &dataset.report;
    let palette = Palette::of(ui);
    let columns = ((ui.available_width() / CARD_WIDTH).floor() as usize)
        .clamp(1, report.chapters.len().max(1));
    let card_rows = report.chapters.len().div_ceil(columns);
    let mut rows = Vec::with_capacity(card_rows + 2);
    rows.push(RowKey::Head);
    rows.extend((0..card_rows).map(RowKey::Item));
    rows.push(RowKey::Foot);
    let heights = app.row_heights.for_view(View::Overview, false);
    let chapter_count = report.chapters.len();
    let estimate = |key: RowKey, _width: f32| match key {
        RowKey::Head => 150.0,
        RowKey::Item(_) => 236.0,
        RowKey::Foot if chapter_count > MAX_CHART_CHAPTERS => 60.0,
        RowKey::Foot | RowKey::Heading(_) => chapter_count as f32 * 40.0 + 110.0,
    };
    rows_ui(
        ui,
        "overview",
        heights,
        &rows,
        &estimate,
        None,
        &mut |ui, key| match key {
            RowKey::Head => cover_ui(ui, report, &palette),
            RowKey::Item(row) => {
                let first = row * columns;
                let last = (first + columns).min(chapter_count);
                ui.columns(columns, |cols| {
                    for c in first..last {
                        if chapter_card_ui(&mut cols[c - first], dataset, c, &palette) {
                            commands.push(Command::Show(View::Chapter(c)));
                        }
                    }
                });
            }
            RowKey::Foot | RowKey::Heading(_) => {
                theme::card(ui, palette.card, 10).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(tr(ui, "各章举措与数据")).font(theme::bold(15.0)));
                    if chapter_count <= MAX_CHART_CHAPTERS {
                        counts_chart_ui(ui, dataset, &palette);
                    } else {
                        ui.label(
                            RichText::new(fill(
                                tr(
                                    ui,
                                    "共 {} 章，多于 {} 章时不绘制各章对比图；各章数据见上方卡片。",
                                ),
                                &[&chapter_count, &MAX_CHART_CHAPTERS],
                            ))
                            .color(palette.muted),
                        );
                    }
                });
                ui.add_space(12.0);
            }
        },
    );
    for command in commands {
        app.push(command);
    }
}

/// The report's title, subtitle and motto.
fn cover_ui(ui: &mut egui::Ui, report: &crate::model::Report, palette: &Palette) {
    ui.add_space(12.0);
    ui.vertical_centered(|ui| {
        let title = crate::ui::localized(ui, &report.title, report.title_en.as_ref());
        let response =
            ui.add(egui::Label::new(RichText::new(title).font(theme::bold(30.0)).strong()).wrap());
        crate::ui::with_original(response, title, &report.title);
        if !report.subtitle.is_empty() {
            ui.label(
                RichText::new(&report.subtitle)
                    .size(15.0)
                    .color(palette.muted),
            );
        }
        if !report.motto.is_empty() {
            ui.add_space(4.0);
            ui.label(
                RichText::new(&report.motto)
                    .font(theme::bold(20.0))
                    .color(palette.accent),
            );
        }
    });
    ui.add_space(10.0);
}

/// The figures a chapter card shows: those its charts feature first, then the rest, each once.
pub fn key_figures(dataset: &Dataset, c: usize) -> Vec<FigureRef> {
    let chapter = &dataset.report.chapters[c];
    let mut places: Vec<FigureRef> = chapter
        .charts
        .iter()
        .filter_map(|chart| chart.figures.first())
        .filter_map(|id| dataset.figure_by_id(id).map(|(place, _)| place))
        .filter(|place| place.chapter == c)
        .collect();
    for (place, _) in dataset.chapter_figures(c) {
        if places.len() >= KEY_FIGURES {
            break;
        }
        let label = &dataset.figure(place).label;
        if !places
            .iter()
            .any(|p| *p == place || &dataset.figure(*p).label == label)
        {
            places.push(place);
        }
    }
    places.truncate(KEY_FIGURES);
    places
}

fn chapter_card_ui(ui: &mut egui::Ui, dataset: &Dataset, c: usize, palette: &Palette) -> bool {
    let chapter = &dataset.report.chapters[c];
    let response = ui
        .scope_builder(egui::UiBuilder::new().sense(Sense::click()), |ui| {
            // The whole card is one click target; text in it must not take the click.
            ui.style_mut().interaction.selectable_labels = false;
            theme::card(ui, palette.card, 12).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.set_min_height(210.0);
                theme::chapter_heading_ui(ui, chapter, 28.0, 22.0);
                let headline =
                    crate::ui::localized(ui, &chapter.headline, chapter.headline_en.as_ref());
                ui.add(egui::Label::new(RichText::new(headline).color(palette.muted)).wrap());
                ui.add_space(6.0);
                for place in key_figures(dataset, c) {
                    let written = dataset.figure(place).written();
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            RichText::new(written)
                                .font(theme::bold(18.0))
                                .color(palette.accent),
                        );
                        let figure = dataset.figure(place);
                        let label =
                            crate::ui::localized(ui, &figure.label, figure.label_en.as_ref());
                        ui.label(RichText::new(label).small());
                    });
                }
            });
        })
        .response;
    // Alt+n opens the n-th chapter whatever its number; only the first nine have keys.
    let hint = match UiCommand::chapter(c).and_then(|command| command.shortcut_text(ui.ctx())) {
        Some(keys) => fill(tr(ui, "打开第 {} 章（{}）"), &[&chapter.number, &keys]),
        None => fill(tr(ui, "打开第 {} 章"), &[&chapter.number]),
    };
    let response = response.on_hover_text(hint);
    let name = crate::ui::localized(ui, &chapter.name, chapter.name_en.as_ref());
    let accessible = fill(tr(ui, "第 {} 章 {}"), &[&chapter.number, &name]);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &accessible));
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response.clicked()
}

fn counts_chart_ui(ui: &mut egui::Ui, dataset: &Dataset, palette: &Palette) {
    let chapters = &dataset.report.chapters;
    let n = chapters.len();
    let row = |c: usize| (n - 1 - c) as f64;
    // Two bars per chapter, side by side: its initiatives and its figures.
    let series = |offset: f64, count: &dyn Fn(&crate::model::Chapter) -> usize, fill| -> Vec<Bar> {
        chapters
            .iter()
            .enumerate()
            .map(|(c, ch)| {
                Bar::new(row(c) + offset, count(ch) as f64)
                    .width(0.34)
                    .name(&ch.name)
                    .fill(fill)
            })
            .collect()
    };
    let initiatives = series(0.18, &|ch| ch.initiatives.len(), palette.series[0]);
    let figures = series(
        -0.18,
        &|ch| ch.initiatives.iter().map(|i| i.figures.len()).sum(),
        palette.series[1],
    );
    let names: Vec<String> = chapters
        .iter()
        .map(|ch| format!("{} {}", ch.number, ch.name))
        .collect();
    let (initiatives_name, figures_name) = (tr(ui, "举措（项）"), tr(ui, "数据（个）"));
    let initiatives_template = tr(ui, "{}：{} 项举措");
    let figures_template = tr(ui, "{}：{} 个数据");
    crate::ui::charts::category_axis(Plot::new(Id::unique("overview-counts")), names)
        .height(n as f32 * 40.0 + 50.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_boxed_zoom(false)
        .show_grid([true, false])
        .legend(Legend::default())
        .include_x(0.0)
        .x_axis_formatter(|mark, _| {
            if mark.value < 0.0 || mark.value.fract() != 0.0 {
                String::new()
            } else {
                format!("{}", mark.value)
            }
        })
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(
                BarChart::new(initiatives_name, initiatives)
                    .horizontal()
                    .color(palette.series[0])
                    .element_formatter(Box::new(|bar, _| {
                        fill(initiatives_template, &[&bar.name, &bar.value])
                    })),
            );
            plot_ui.bar_chart(
                BarChart::new(figures_name, figures)
                    .horizontal()
                    .color(palette.series[1])
                    .element_formatter(Box::new(|bar, _| {
                        fill(figures_template, &[&bar.name, &bar.value])
                    })),
            );
        });
}
