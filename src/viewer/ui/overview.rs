//! The overview: the report's cover, one card per chapter with key figures, and a chart across
//! chapters.

use crate::viewer::i18n::{fill, tr};
use egui::{RichText, Sense};

use crate::document::dataset::{Dataset, FigureRef};
use crate::viewer::commands::SystemCommand;
use crate::viewer::commands::UiCommand;
use crate::viewer::context::ViewerContext;
use crate::viewer::place::View;
use crate::viewer::ui::rows::{RowKey, rows_ui};
use crate::viewer::ui::theme::{self, Palette};

/// Widest a chapter card grows before another column is added.
const CARD_WIDTH: f32 = 340.0;
/// The central panel of the overview: the cover, then rows of chapter cards. The
/// rows form a virtual list, so a report of ten thousand chapters lays out only the cards in
/// view.
pub fn overview_ui(
    ui: &mut egui::Ui,
    cx: &ViewerContext<'_>,
    lists: &mut crate::viewer::ui::rows::ListHeights,
) {
    let mut commands = Vec::new();
    let dataset = cx.dataset();
    let report = &dataset.report;
    let palette = Palette::of(ui);
    let columns = ((ui.available_width() / CARD_WIDTH).floor() as usize)
        .clamp(1, report.chapters.len().max(1));
    let card_rows = report.chapters.len().div_ceil(columns);
    let mut rows = Vec::with_capacity(card_rows + 2);
    rows.push(RowKey::Head);
    rows.extend((0..card_rows).map(RowKey::Item));
    let list = (View::Overview, false);
    let (heights, restore) = lists.for_list(list, ui.ctx().cumulative_pass_nr());
    let chapter_count = report.chapters.len();
    let estimate = |key: RowKey, _width: f32| match key {
        RowKey::Head => 150.0,
        RowKey::Item(_) => 236.0,
        RowKey::Foot | RowKey::Heading(_) => 0.0,
    };
    let seen = rows_ui(
        ui,
        "overview",
        heights,
        &rows,
        &estimate,
        restore,
        &mut |ui, key| match key {
            RowKey::Head => cover_ui(ui, report, &palette),
            RowKey::Item(row) => {
                let first = row * columns;
                let last = (first + columns).min(chapter_count);
                ui.columns(columns, |cols| {
                    for c in first..last {
                        let (clicked, menu) =
                            chapter_card_ui(&mut cols[c - first], dataset, c, &palette);
                        if clicked {
                            commands.push(SystemCommand::Show(View::Chapter(c)));
                        }
                        commands.extend(menu);
                    }
                });
            }
            // The overview ends with the chapters: a chart of how many initiatives and figures
            // each chapter has told a reader nothing.
            RowKey::Foot | RowKey::Heading(_) => {}
        },
    );
    lists.remember(list, seen);
    for command in commands {
        cx.send(command);
    }
}

/// The report's title, subtitle, the cover's date line and speaker (a work report's), and
/// motto.
fn cover_ui(ui: &mut egui::Ui, report: &crate::report::model::Report, palette: &Palette) {
    ui.add_space(12.0);
    ui.vertical_centered(|ui| {
        let title = crate::viewer::ui::localized(ui, &report.title, report.title_en.as_ref());
        let response =
            ui.add(egui::Label::new(RichText::new(title).font(theme::bold(30.0)).strong()).wrap());
        crate::viewer::ui::with_original(response, title, &report.title);
        if !report.subtitle.is_empty() {
            ui.label(
                RichText::new(&report.subtitle)
                    .size(15.0)
                    .color(palette.muted),
            );
        }
        // ——2024年1月18日在…会议上 / 示例市市长 王小明: as the cover prints them.
        for line in [&report.date, &report.speaker] {
            if !line.is_empty() {
                ui.add(
                    egui::Label::new(RichText::new(line).size(14.0).color(palette.muted)).wrap(),
                );
            }
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

/// A chapter's card; whether it was clicked, and a command chosen from a key figure's
/// right-click menu.
fn chapter_card_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    c: usize,
    palette: &Palette,
) -> (bool, Option<SystemCommand>) {
    let mut figure_rows = Vec::new();
    let chapter = &dataset.report.chapters[c];
    let response = ui
        .scope_builder(egui::UiBuilder::new().sense(Sense::click()), |ui| {
            // The whole card is one click target; text in it must not take the click.
            ui.style_mut().interaction.selectable_labels = false;
            theme::card(ui, palette.card, 12).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.set_min_height(210.0);
                theme::chapter_heading_ui(ui, chapter, 28.0, 22.0);
                let headline = crate::viewer::ui::localized(
                    ui,
                    &chapter.headline,
                    chapter.headline_en.as_ref(),
                );
                crate::viewer::ui::paragraph(ui, RichText::new(headline).color(palette.muted));
                ui.add_space(6.0);
                for place in dataset.key_figures(c) {
                    let rect = key_figure_ui(ui, dataset, place, palette);
                    figure_rows.push((place, rect));
                }
            });
        })
        .response;
    // Alt+n opens the n-th chapter whatever its number; only the first nine have keys.
    let hint = match UiCommand::chapter_key_text(ui.ctx(), c) {
        Some(keys) => fill(tr(ui, "打开第 {} 章（{}）"), &[&chapter.number, &keys]),
        None => fill(tr(ui, "打开第 {} 章"), &[&chapter.number]),
    };
    let response = response.on_hover_text(hint);
    let name = crate::viewer::ui::localized(ui, &chapter.name, chapter.name_en.as_ref());
    let accessible = fill(tr(ui, "第 {} 章 {}"), &[&chapter.number, &name]);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &accessible));
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    // Right-click on a key figure: copy it, or copy it with its source.
    let menu_id = egui::Id::unique(("key-figure-menu", c));
    if response.secondary_clicked() {
        let at = response.interact_pointer_pos();
        let place = figure_rows
            .iter()
            .find(|(_, rect)| at.is_some_and(|p| rect.contains(p)))
            .map(|(place, _)| *place);
        ui.data_mut(|d| d.insert_temp(menu_id, place));
    }
    let mut command = None;
    response.context_menu(
        |ui| match ui.data(|d| d.get_temp::<Option<FigureRef>>(menu_id)) {
            Some(Some(place)) => {
                crate::viewer::ui::initiatives::figure_menu_items(ui, place, None, &mut command)
            }
            _ => ui.close(),
        },
    );
    (response.clicked(), command)
}

/// A key figure: its value as written, large, then what it counts and when.
fn key_figure_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    place: FigureRef,
    palette: &Palette,
) -> egui::Rect {
    let size = 18.0;
    let figure = dataset.figure(place);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(crate::viewer::ui::figure_value(
                ui,
                figure,
                dataset.quantity(place),
            ))
            .font(theme::bold(size))
            .color(palette.accent),
        );
        let label = crate::viewer::ui::charts::figure_caption(ui, figure);
        ui.label(RichText::new(label).size(size * 0.62));
    })
    .response
    .rect
}
