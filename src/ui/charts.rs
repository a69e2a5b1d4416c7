//! Charts over figures: bars over categories, a before/after comparison, part-of-whole progress.
//!
//! Charts and text are linked both ways: clicking a bar selects its figure (the shell then
//! scrolls to it in its initiative), and a selected figure's bar is drawn in the accent colour.

use crate::i18n::{fill, tr};
use egui::{Align2, Id, RichText, Sense};
use egui_plot::{Bar, BarChart, GridMark, Plot, PlotPoint, Text};

use crate::app::Command;
use crate::dataset::{Dataset, FigureRef};
use crate::model::{Chart, ChartKind, Figure};
use crate::quantity::{Quantity, format_value};
use crate::script_fold::HanScript;

use crate::ui::theme::{self, Palette};

/// Height of one bar's row, in points.
const ROW_HEIGHT: f32 = 34.0;

/// The most bars a chart draws.
pub const MAX_BARS: usize = 30;
/// Characters of a category label on the axis; the full label is in the tooltip.
const AXIS_LABEL_CHARS: usize = 10;

/// Where a figure's bar was drawn on the last frame (tests click there).
pub fn bar_center(ctx: &egui::Context, figure_id: &str) -> Option<egui::Pos2> {
    ctx.data(|d| d.get_temp(bar_key(figure_id)))
}

fn bar_key(figure_id: &str) -> Id {
    Id::unique(("bar-center", figure_id))
}

struct Item<'a> {
    place: FigureRef,
    figure: &'a Figure,
    quantity: &'a Quantity,
    initiative: &'a str,
}

/// Where chart `k` of chapter `c` was drawn last frame (its card), for exporting its pixels.
pub fn chart_rect(ctx: &egui::Context, c: usize, k: usize) -> Option<egui::Rect> {
    ctx.data(|d| d.get_temp(chart_rect_id(c, k)))
}

fn chart_rect_id(c: usize, k: usize) -> Id {
    Id::unique(("chart-rect", c, k))
}

fn exporting_id() -> Id {
    Id::unique("chart-being-exported")
}

/// Marks chart `k` of chapter `c` as being exported as a picture (its menu button is then
/// left out, so the picture shows the chart alone), or no chart.
pub fn set_exporting(ctx: &egui::Context, chart: Option<(usize, usize)>) {
    ctx.data_mut(|d| match chart {
        Some(chart) => {
            d.insert_temp(exporting_id(), chart);
        }
        None => d.remove::<(usize, usize)>(exporting_id()),
    });
}

/// A chart in a card with its title and an export menu; returns a command when a figure was
/// clicked or an export chosen.
pub fn chart_card_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    (c, k): (usize, usize),
    chart: &Chart,
    id: Id,
    selection: Option<FigureRef>,
) -> Option<Command> {
    let palette = Palette::of(ui);
    // A chart draws a bounded number of bars, so a chart over thousands of figures costs a
    // frame no more than one over thirty; the rest are counted under it (and all are exported).
    let hidden = chart.figures.len().saturating_sub(MAX_BARS);
    let items: Vec<Item<'_>> = chart
        .figures
        .iter()
        .take(MAX_BARS)
        .filter_map(|figure_id| dataset.figure_by_id(figure_id))
        .map(|(place, figure)| Item {
            place,
            figure,
            quantity: dataset.quantity(place),
            initiative: &dataset.initiative_at(place).title,
        })
        .collect();
    let mut command = None;
    let card = theme::card(ui, palette.card, 10).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let moved: bool = ui.data(|d| d.get_temp(id.with("moved")).unwrap_or(false));
        ui.horizontal(|ui| {
            let title = crate::ui::localized(ui, &chart.title, chart.title_en.as_ref());
            let response =
                ui.add(egui::Label::new(RichText::new(title).font(theme::bold(15.0))).wrap());
            crate::ui::with_original(response, title, &chart.title);
            let exporting =
                ui.data(|d| d.get_temp::<(usize, usize)>(exporting_id())) == Some((c, k));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if exporting {
                    // Its place stays, so the card keeps its size while the picture is taken.
                    ui.add_visible(false, egui::Button::new("…"));
                } else {
                    ui.menu_button("…", |ui| {
                        if ui.button(tr(ui, "导出 PNG…")).clicked() {
                            command =
                                Some(Command::ExportDialog(crate::app::Export::ChartPng(c, k)));
                        }
                        if ui.button(tr(ui, "导出 CSV…")).clicked() {
                            command =
                                Some(Command::ExportDialog(crate::app::Export::ChartCsv(c, k)));
                        }
                    });
                }
                if moved
                    && ui
                        .small_button(tr(ui, "复位视图"))
                        .on_hover_text(tr(ui, "也可双击图表"))
                        .clicked()
                {
                    ui.data_mut(|d| d.insert_temp(id.with("reset"), true));
                }
            });
        });
        let clicked = match chart.kind {
            ChartKind::Bars => {
                let english = crate::i18n::lang(ui.ctx()) == crate::i18n::Lang::En;
                bars_ui(
                    ui,
                    &items,
                    (id, dataset.script()),
                    selection,
                    &palette,
                    |item| match &item.figure.label_en {
                        Some(label) if english && !label.trim().is_empty() => label.clone(),
                        _ => item.figure.label.clone(),
                    },
                )
            }
            ChartKind::Comparison => {
                comparison_ui(ui, &items, (id, dataset.script()), selection, &palette)
            }
            ChartKind::Progress => progress_ui(ui, dataset, &items, selection, &palette),
        };
        if hidden > 0 {
            ui.label(
                RichText::new(fill(
                    tr(ui, "另有 {} 项数据未画出（导出 CSV 可得全部）"),
                    &[&hidden],
                ))
                .small()
                .color(palette.muted),
            );
        }
        if let Some(place) = clicked {
            command = Some(Command::RevealFigure(place));
        }
    });
    ui.data_mut(|d| d.insert_temp(chart_rect_id(c, k), card.response.rect));
    command
}

fn comparison_ui(
    ui: &mut egui::Ui,
    items: &[Item<'_>],
    plot: (Id, HanScript),
    selection: Option<FigureRef>,
    palette: &Palette,
) -> Option<FigureRef> {
    if let [before, after] = items {
        let mut caption = format!("{} → {}", before.figure.written(), after.figure.written());
        if before.quantity.base_value > 0.0 {
            let change = (after.quantity.base_value - before.quantity.base_value)
                / before.quantity.base_value
                * 100.0;
            let word = if change >= 0.0 {
                tr(ui, "提高")
            } else {
                tr(ui, "降低")
            };
            caption.push_str(&fill(
                tr(ui, "，{} {}%"),
                &[&word, &format!("{:.1}", change.abs())],
            ));
        }
        ui.label(
            RichText::new(caption)
                .font(theme::bold(18.0))
                .color(palette.accent),
        );
    }
    let year = tr(ui, "{} 年");
    bars_ui(ui, items, plot, selection, palette, |item| {
        match &item.figure.period {
            Some(period) if period.chars().all(|c| c.is_ascii_digit()) => fill(year, &[period]),
            Some(period) => period.clone(),
            None => item.figure.label.clone(),
        }
    })
}

/// A plot whose y axis names categories: one tick per row, `labels[0]` at the top.
pub fn category_axis(plot: Plot<'_>, labels: Vec<String>) -> Plot<'_> {
    let rows = labels.len();
    plot.y_grid_spacer(move |_| {
        (0..rows)
            .map(|i| GridMark {
                value: i as f64,
                step_size: 1.0,
            })
            .collect()
    })
    .y_axis_formatter(move |mark, _| {
        let i = mark.value.round();
        if (mark.value - i).abs() > 1e-6 || i < 0.0 || i as usize >= labels.len() {
            return String::new();
        }
        axis_label(&labels[labels.len() - 1 - i as usize])
    })
}

/// A category label short enough for the axis: long ones keep their start and their end,
/// which is where labels of one chart differ (人大建议、政协提案主办件 / …协办件).
fn axis_label(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    // Latin letters are about half as wide as Chinese characters: twice as many fit.
    let budget = if label.is_ascii() {
        2 * AXIS_LABEL_CHARS
    } else {
        AXIS_LABEL_CHARS
    };
    if chars.len() <= budget {
        return label.to_owned();
    }
    let tail = budget / 2 - 1;
    let head = budget - tail - 1;
    let start: String = chars[..head].iter().collect();
    let end: String = chars[chars.len() - tail..].iter().collect();
    format!("{}…{}", start.trim_end(), end.trim_start())
}

fn progress_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    items: &[Item<'_>],
    selection: Option<FigureRef>,
    palette: &Palette,
) -> Option<FigureRef> {
    let [part, whole] = items else {
        return None;
    };
    let fraction = if whole.quantity.base_value > 0.0 {
        (part.quantity.base_value / whole.quantity.base_value).clamp(0.0, 1.0)
    } else {
        0.0
    };
    // Each figure as its text writes it: an approximate one keeps its words (近8,400多個).
    ui.label(
        RichText::new(fill(
            tr(ui, "{} / {}（{}%）"),
            &[
                &part.figure.written(),
                &whole.figure.written(),
                &format!("{:.1}", fraction * 100.0),
            ],
        ))
        .font(theme::bold(18.0))
        .color(palette.accent),
    );
    let selected = selection == Some(part.place) || selection == Some(whole.place);
    let bar = egui::ProgressBar::new(fraction as f32)
        .fill(if selected {
            palette.accent
        } else {
            palette.series[0]
        })
        .desired_height(22.0);
    let response = ui.add(bar);
    let response = ui.interact(
        response.rect,
        ui.scope_id().with(("progress", part.place)),
        Sense::click(),
    );
    ui.data_mut(|d| d.insert_temp(bar_key(&part.figure.id), response.rect.center()));
    let response = response
        .on_hover_ui(|ui| crate::ui::initiatives::figure_tooltip_ui(ui, dataset, part.place));
    ui.label(
        RichText::new(fill(
            tr(ui, "{}：{}；{}：{}"),
            &[
                &part.figure.label,
                &part.figure.written(),
                &whole.figure.label,
                &whole.figure.written(),
            ],
        ))
        .small()
        .color(palette.muted),
    );
    response.clicked().then_some(part.place)
}

/// `plot`: the plot's id and the script its axis writes magnitudes in (万 or 萬).
fn bars_ui(
    ui: &mut egui::Ui,
    items: &[Item<'_>],
    (id, script): (Id, HanScript),
    selection: Option<FigureRef>,
    palette: &Palette,
    category: impl Fn(&Item<'_>) -> String,
) -> Option<FigureRef> {
    let n = items.len();
    if n == 0 {
        return None;
    }
    let unit = items[0].quantity.base_unit.clone();
    // The first figure is drawn at the top, so it reads in the dataset's order.
    let row = |i: usize| (n - 1 - i) as f64;
    let labels: Vec<String> = items.iter().map(&category).collect();
    let tooltips: Vec<String> = items
        .iter()
        .zip(&labels)
        .map(|(item, label)| {
            let mut text = format!("{label}\n{}", item.figure.written());
            if item.quantity.magnitude != 0 || item.quantity.is_approximate() {
                text.push_str(&fill(tr(ui, "（即 {}）"), &[&item.quantity.display()]));
            }
            if *label != item.figure.label {
                text.push_str(&format!("\n{}", item.figure.label));
            }
            text
        })
        .collect();
    let initiatives: Vec<String> = items
        .iter()
        .map(|i| fill(tr(ui, "出自：{}"), &[&i.initiative]))
        .collect();
    let max = items
        .iter()
        .map(|i| i.quantity.base_value)
        .fold(0.0, f64::max);

    let bars: Vec<Bar> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let color = if selection == Some(item.place) {
                palette.accent
            } else {
                palette.series[0]
            };
            Bar::new(row(i), item.quantity.base_value)
                .name(&labels[i])
                .fill(color)
                .width(0.62)
        })
        .collect();
    let hover: Vec<String> = tooltips
        .iter()
        .zip(&initiatives)
        .map(|(t, i)| format!("{t}\n{i}"))
        .collect();
    let hover_n = n;
    let bar_chart = BarChart::new("figures", bars)
        .horizontal()
        .element_formatter(Box::new(move |bar, _| {
            let index = hover_n - 1 - bar.argument.round() as usize;
            hover.get(index).cloned().unwrap_or_default()
        }));

    let axis_labels = labels.clone();
    let axis_unit = unit.clone();
    let reset = ui.data_mut(|d| d.remove_temp::<bool>(id.with("reset")).unwrap_or(false));
    let mut plot = category_axis(Plot::new(id), axis_labels)
        .height(n as f32 * ROW_HEIGHT + 40.0)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([true, false])
        .include_x(0.0)
        .include_x(max * 1.22)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .x_axis_formatter(move |mark, _| {
            if mark.value < 0.0 {
                String::new()
            } else if axis_unit == "%" {
                format!("{}%", format_value(mark.value, &axis_unit, script))
            } else {
                format_value(mark.value, &axis_unit, script)
            }
        })
        .label_formatter(|_| None);
    if reset {
        plot = plot.reset();
    }
    let value_labels: Vec<(f64, f64, String)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            (
                item.quantity.base_value,
                row(i),
                // As the text writes it: an approximate value keeps its words (1,800余万元).
                item.figure.written(),
            )
        })
        .collect();
    let text_color = ui.visuals().text_color();
    let response = plot.show(ui, |plot_ui| {
        plot_ui.bar_chart(bar_chart);
        for (x, y, text) in value_labels {
            plot_ui.text(
                Text::new(
                    "value",
                    PlotPoint::new(x, y),
                    RichText::new(format!(" {text}")).color(text_color),
                )
                .anchor(Align2::LEFT_CENTER),
            );
        }
        let clicked = plot_ui.response().clicked();
        let pointer = plot_ui.pointer_coordinate();
        let moved = !plot_ui.auto_bounds().any();
        ((clicked.then_some(pointer)).flatten(), moved)
    });
    let (clicked, moved) = response.inner;
    ui.data_mut(|d| d.insert_temp(id.with("moved"), moved));
    for (i, item) in items.iter().enumerate() {
        let center = response
            .transform
            .position_from_point(&PlotPoint::new(item.quantity.base_value / 2.0, row(i)));
        ui.data_mut(|d| d.insert_temp(bar_key(&item.figure.id), center));
    }
    let point = clicked?;
    let i = point.y.round();
    if (point.y - i).abs() > 0.4 || i < 0.0 || i as usize >= n {
        return None;
    }
    Some(items[n - 1 - i as usize].place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_keep_start_and_end() {
        assert_eq!(axis_label("申请专利"), "申请专利");
        assert_eq!(
            axis_label("人大建议、政协提案主办件"),
            "人大建议、…案主办件"
        );
        assert_eq!(
            axis_label("人大建议、政协提案协办件"),
            "人大建议、…案协办件"
        );
        assert_eq!(
            axis_label("人大建议、政协提案主办件").chars().count(),
            AXIS_LABEL_CHARS
        );
    }
}
