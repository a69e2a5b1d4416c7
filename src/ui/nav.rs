//! The navigation panel: the overview, then each chapter with its number, name and headline.

use egui::{RichText, Sense};

use crate::app::{Command, HuimouApp, View};
use crate::ui::{short_headline, theme};

/// The left panel.
pub fn nav_ui(ui: &mut egui::Ui, app: &mut HuimouApp) {
    let current = app.view();
    let mut command = None;
    egui::Panel::left("navigation")
        .resizable(true)
        .default_size(220.0)
        .min_size(160.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add_space(8.0);
                let overview = ui
                    .selectable_label(
                        current == View::Overview,
                        RichText::new("总览").font(theme::bold(16.0)),
                    )
                    .on_hover_text("Alt+0");
                if overview.clicked() {
                    command = Some(Command::Show(View::Overview));
                }
                ui.add_space(6.0);
                let palette = theme::Palette::of(ui);
                for (c, chapter) in app.dataset.report.chapters.iter().enumerate() {
                    let selected = current == View::Chapter(c);
                    let shortcut = if c < 9 {
                        format!("Alt+{}", c + 1)
                    } else {
                        String::new()
                    };
                    let response = ui
                        .scope_builder(egui::UiBuilder::new().sense(Sense::click()), |ui| {
                            // The whole card is one click target; text in it must not take the click.
                            ui.style_mut().interaction.selectable_labels = false;
                            let fill = if selected {
                                ui.visuals().selection.bg_fill
                            } else {
                                egui::Color32::TRANSPARENT
                            };
                            egui::Frame::new()
                                .fill(fill)
                                .corner_radius(4.0)
                                .inner_margin(egui::Margin::symmetric(6, 4))
                                .show(ui, |ui| {
                                    ui.set_width(ui.available_width());
                                    ui.label(
                                        RichText::new(format!(
                                            "{}  {}",
                                            chapter.number, chapter.name
                                        ))
                                        .font(theme::bold(16.0))
                                        .strong(),
                                    );
                                    ui.label(
                                        RichText::new(short_headline(&chapter.headline))
                                            .small()
                                            .color(palette.muted),
                                    );
                                });
                        })
                        .response;
                    let response =
                        response.on_hover_text(format!("{}\n{shortcut}", chapter.headline));
                    if response.hovered() {
                        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                    }
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(
                            egui::Role::Button,
                            true,
                            selected,
                            format!("{} {}", chapter.number, chapter.name),
                        )
                    });
                    if response.clicked() {
                        command = Some(Command::Show(View::Chapter(c)));
                    }
                }
            });
        });
    if let Some(command) = command {
        app.push(command);
    }
}
