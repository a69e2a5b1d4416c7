//! The navigation panel: the overview, then each chapter with its number, name and headline.

use crate::i18n::tr;
use egui::{RichText, Sense};

use crate::app::{Command, HuimouApp, View};
use crate::ui::commands::UiCommand;
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
            ui.add_space(8.0);
            let overview = ui
                .selectable_label(
                    current == View::Overview,
                    RichText::new(tr(ui, "总览")).font(theme::bold(16.0)),
                )
                .on_hover_text(
                    UiCommand::Overview
                        .shortcut_text(ui.ctx())
                        .unwrap_or_default(),
                );
            if overview.clicked() {
                command = Some(Command::Show(View::Overview));
            }
            let figures = ui
                .selectable_label(
                    current == View::Figures,
                    RichText::new(UiCommand::Figures.text(ui.ctx())).font(theme::bold(16.0)),
                )
                .on_hover_text(UiCommand::Figures.hint(ui.ctx()));
            if figures.clicked() {
                command = Some(Command::Show(View::Figures));
            }
            ui.add_space(6.0);
            let chapters = &app.dataset.report.chapters;
            // Every entry has the same height, so only the entries in view are laid out: a
            // report of ten thousand chapters costs what one of ten does.
            let name_height = ui.fonts_mut(|f| f.row_height(&theme::bold(16.0)));
            let headline_height = ui.text_style_height(&egui::TextStyle::Small);
            let entry_height = name_height + ui.spacing().item_spacing.y + headline_height + 8.0;
            let stride = entry_height + ui.spacing().item_spacing.y;
            let memory_id = ui.make_persistent_id("navigation-scroll");
            let (last_view, offset) = ui
                .data(|d| d.get_temp::<(View, f32)>(memory_id))
                .unwrap_or((View::Overview, 0.0));
            // The list fills the rest of the panel.
            let visible = ui.available_height();
            let mut area = egui::ScrollArea::vertical().id_salt("navigation-chapters");
            // A chapter opened some other way (keys, a card, a search result) is brought into
            // view, unless it already is.
            if let View::Chapter(c) = current
                && current != last_view
            {
                let top = c as f32 * stride;
                if top < offset || top + stride > offset + visible {
                    area = area.vertical_scroll_offset((top - (visible - stride) / 2.0).max(0.0));
                }
            }
            let output = area.show_rows(ui, entry_height, chapters.len(), |ui, range| {
                let palette = theme::Palette::of(ui);
                for c in range {
                    let chapter = &chapters[c];
                    let selected = current == View::Chapter(c);
                    let shortcut = UiCommand::chapter(c)
                        .and_then(|command| command.shortcut_text(ui.ctx()))
                        .unwrap_or_default();
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
                                    let name = crate::ui::localized(
                                        ui,
                                        &chapter.name,
                                        chapter.name_en.as_ref(),
                                    );
                                    ui.label(
                                        RichText::new(format!("{}  {name}", chapter.number))
                                            .font(theme::bold(16.0))
                                            .strong(),
                                    );
                                    ui.label(
                                        RichText::new(short_headline(crate::ui::localized(
                                            ui,
                                            &chapter.headline,
                                            chapter.headline_en.as_ref(),
                                        )))
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
            ui.data_mut(|d| {
                d.insert_temp(memory_id, (current, output.state.clamped_offset().y));
            });
        });
    if let Some(command) = command {
        app.push(command);
    }
}
