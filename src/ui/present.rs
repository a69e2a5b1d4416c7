//! Presenting (F5): full screen, the overview and each chapter as slides, large enough for a
//! meeting room. Arrow keys and Page Up/Down move, Esc leaves.

use egui::{Id, RichText};

use crate::app::{Command, HuimouApp, View};
use crate::i18n::{fill, tr};
use crate::ui::{charts, overview, theme};

/// How much larger everything is drawn while presenting.
pub const ZOOM: f32 = 1.5;

/// Turns this frame's keys into slide moves while presenting.
pub fn keys(ctx: &egui::Context, app: &mut HuimouApp) {
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        use egui::{Key, Modifiers};
        for key in [Key::ArrowRight, Key::ArrowDown, Key::PageDown, Key::Space] {
            if input.consume_key(Modifiers::NONE, key) {
                commands.push(Command::Next);
            }
        }
        for key in [Key::ArrowLeft, Key::ArrowUp, Key::PageUp] {
            if input.consume_key(Modifiers::NONE, key) {
                commands.push(Command::Previous);
            }
        }
        if input.consume_key(Modifiers::NONE, Key::Escape)
            || input.consume_key(Modifiers::NONE, Key::F5)
        {
            commands.push(Command::TogglePresenting);
        }
    });
    for command in commands {
        app.push(command);
    }
}

/// The slide of the view on screen, filling the window.
pub fn slide_ui(ui: &mut egui::Ui, app: &mut HuimouApp) {
    let view = app.view();
    let slides = app.dataset.report.chapters.len() + 1;
    let number = match view {
        View::Overview | View::Figures => 1,
        View::Chapter(c) => c + 2,
    };
    egui::Panel::bottom("slide-footer").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{number} / {slides}")).color(theme::Palette::of(ui).muted),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(
                    RichText::new(tr(ui, "←/→ 翻页 · Esc 退出演示"))
                        .small()
                        .color(theme::Palette::of(ui).muted),
                );
            });
        });
    });
    egui::CentralPanel::default().show(ui, |ui| match view {
        // The overview already is a slide: the cover and a card per chapter.
        View::Overview | View::Figures => overview::overview_ui(ui, app),
        View::Chapter(c) => chapter_slide_ui(ui, app, c),
    });
}

/// A chapter as a slide: its heading, headline, key figures and charts.
fn chapter_slide_ui(ui: &mut egui::Ui, app: &mut HuimouApp, c: usize) {
    let dataset = &app.dataset;
    let chapter = &dataset.report.chapters[c];
    let palette = theme::Palette::of(ui);
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add_space(8.0);
            theme::chapter_heading_ui(ui, chapter, 40.0, 30.0);
            let headline =
                crate::ui::localized(ui, &chapter.headline, chapter.headline_en.as_ref());
            crate::ui::paragraph(ui, RichText::new(headline).size(18.0).color(palette.muted));
            ui.add_space(12.0);
            ui.horizontal_wrapped(|ui| {
                for place in dataset.key_figures(c) {
                    let figure = dataset.figure(place);
                    let label = crate::ui::localized(ui, &figure.label, figure.label_en.as_ref());
                    let label = match &figure.period {
                        Some(period) => fill(
                            tr(ui, "{}（{}）"),
                            &[&label, &charts::period_label(ui, period)],
                        ),
                        None => label.to_owned(),
                    };
                    theme::card(ui, palette.card, 12).show(ui, |ui| {
                        ui.vertical(|ui| {
                            ui.label(
                                RichText::new(crate::ui::figure_value(
                                    ui,
                                    figure,
                                    dataset.quantity(place),
                                ))
                                .font(theme::bold(30.0))
                                .color(palette.accent),
                            );
                            ui.label(RichText::new(label).size(14.0));
                        });
                    });
                }
            });
            ui.add_space(12.0);
            let columns = if chapter.charts.len() > 1 { 2 } else { 1 };
            ui.columns(columns, |cols| {
                for (k, chart) in chapter.charts.iter().enumerate() {
                    let col = &mut cols[k % columns];
                    let id = Id::unique(("slide-chart", c, k));
                    if let Some(command) =
                        charts::chart_card_ui(col, dataset, (c, k), chart, id, app.selection)
                    {
                        commands.push(command);
                    }
                    col.add_space(8.0);
                }
            });
        });
    for command in commands {
        // A click on a bar would leave the slide for the chapter's text; on a slide it only
        // highlights the figure.
        match command {
            Command::RevealFigure(place) => app.push(Command::SelectFigure(place)),
            other => app.push(other),
        }
    }
}
