//! Charts over figures: bars over categories, a before/after comparison, part-of-whole progress.
//!
//! Charts and text are linked both ways: clicking a bar selects its figure (the shell then
//! scrolls to it in its initiative), and a selected figure's bar is drawn in the accent colour.

use crate::viewer::i18n::{Lang, fill, tr};
use egui::{Align2, Id, RichText, Sense};
use egui_plot::{Bar, BarChart, GridMark, Plot, PlotPoint, Text};

use crate::document::dataset::ChartRef;
use crate::document::dataset::{Dataset, FigureRef};
use crate::report::model::{Chart, ChartKind, Figure};
use crate::report::quantity::Quantity;
use crate::report::script_fold::HanScript;
use crate::viewer::commands::SystemCommand;

use crate::viewer::ui::theme::{self, Palette};

/// Height of one bar's row, in points.
const ROW_HEIGHT: f32 = 34.0;

pub use crate::report::chart_text::MAX_BARS;

/// Where the charts were drawn in the last frame: each chart's card (a chart's picture is cut
/// from the frame there) and, only when asked for (`record_bar_centers`: tests click bars), the
/// middle of each figure's bar. The app keeps it (`HuimouApp::drawn`); the viewer alone never
/// pays for the bars.
#[derive(Debug, Default)]
pub struct Drawn {
    charts: std::collections::HashMap<ChartRef, egui::Rect>,
    bars: Option<std::collections::HashMap<String, egui::Pos2>>,
}

impl Drawn {
    /// Where a chart's card was drawn.
    pub fn chart(&self, chart: ChartRef) -> Option<egui::Rect> {
        self.charts.get(&chart).copied()
    }

    /// Where a figure's bar was drawn, once `record_bar_centers` asked for them.
    pub fn bar_center(&self, figure_id: &str) -> Option<egui::Pos2> {
        self.bars.as_ref()?.get(figure_id).copied()
    }

    /// Forgets the last pass's places, before a pass draws anew: a chart not drawn is nowhere.
    pub fn forget(&mut self) {
        self.charts.clear();
        if let Some(bars) = &mut self.bars {
            bars.clear();
        }
    }

    /// Makes every chart note where its bars' middles are, for `bar_center`.
    pub fn record_bar_centers(&mut self) {
        self.bars.get_or_insert_default();
    }

    fn bar(&mut self, figure_id: &str, center: egui::Pos2) {
        if let Some(bars) = &mut self.bars {
            bars.insert(figure_id.to_owned(), center);
        }
    }
}

struct Item<'a> {
    place: FigureRef,
    figure: &'a Figure,
    quantity: &'a Quantity,
}

/// How a chart is shown: in a chapter, or on a slide.
#[derive(Clone, Copy, Debug, Default)]
pub struct ChartOptions {
    /// The figure lit in the accent colour.
    pub selection: Option<FigureRef>,
    /// On a slide: the height the chart must fit in (its rows shrink to fit); no export menu,
    /// tooltips or right-click menus.
    pub slide: Option<f32>,
    /// Whether the chart's picture is being taken: its menu button is left out, so the
    /// picture shows the chart alone.
    pub exporting: bool,
}

/// A chart in a card with its title and an export menu; returns a command when a figure was
/// clicked or an export chosen. Where the card was drawn goes to `drawn`.
pub fn chart_card_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    chart: ChartRef,
    options: ChartOptions,
    drawn: &mut Drawn,
) -> Option<SystemCommand> {
    let model = &dataset.report.chapters[chart.chapter].charts[chart.chart];
    let palette = Palette::of(ui);
    // A chart draws a bounded number of bars, so a chart over thousands of figures costs a
    // frame no more than one over thirty; the rest are counted under it (and all are exported).
    let hidden = model.figures.len().saturating_sub(MAX_BARS);
    let items = chart_items(dataset, model);
    let salt = if options.slide.is_some() {
        "slide-chart"
    } else {
        "chart"
    };
    let style = BarStyle {
        dataset,
        id: Id::unique((salt, chart.chapter, chart.chart)),
        selection: options.selection,
        palette: &palette,
        slide: options.slide,
    };
    let mut command = None;
    let card = theme::card(ui, palette.card, 10).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let hide_menu = options.slide.is_some() || options.exporting;
        command = title_row_ui(ui, model, chart, hide_menu);
        if let Some(clicked) = chart_body_ui(ui, &style, model.kind, &items, drawn) {
            command = Some(clicked);
        }
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
    });
    drawn.charts.insert(chart, card.response.rect);
    command
}

/// The figures a chart draws (at most `MAX_BARS`), with their quantities.
fn chart_items<'a>(dataset: &'a Dataset, chart: &Chart) -> Vec<Item<'a>> {
    chart
        .figures
        .iter()
        .take(MAX_BARS)
        .filter_map(|figure_id| dataset.figure_by_id(figure_id))
        .map(|(place, figure)| Item {
            place,
            figure,
            quantity: dataset.quantity(place),
        })
        .collect()
}

/// The chart's title, and its "…" menu to export it (left out, its place kept, on a slide or
/// while its picture is taken, so the card keeps its size).
fn title_row_ui(
    ui: &mut egui::Ui,
    model: &Chart,
    chart: ChartRef,
    hide_menu: bool,
) -> Option<SystemCommand> {
    let mut command = None;
    ui.horizontal(|ui| {
        let title = crate::viewer::ui::localized(ui, &model.title, model.title_en.as_ref());
        let response =
            ui.add(egui::Label::new(RichText::new(title).font(theme::bold(15.0))).wrap());
        crate::viewer::ui::with_original(response, title, &model.title);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if hide_menu {
                ui.add_visible(false, egui::Button::new("…"));
                return;
            }
            ui.menu_button("…", |ui| {
                use crate::viewer::commands::Export;
                if ui.button(tr(ui, "导出 PNG…")).clicked() {
                    command = Some(SystemCommand::ExportDialog(Export::ChartPng(chart)));
                }
                if ui.button(tr(ui, "导出 CSV…")).clicked() {
                    command = Some(SystemCommand::ExportDialog(Export::ChartCsv(chart)));
                }
            });
        });
    });
    command
}

/// The chart itself, by its kind; a command when a figure was clicked.
fn chart_body_ui(
    ui: &mut egui::Ui,
    style: &BarStyle<'_>,
    kind: ChartKind,
    items: &[Item<'_>],
    drawn: &mut Drawn,
) -> Option<SystemCommand> {
    match kind {
        ChartKind::Bars => {
            let lang = crate::viewer::i18n::lang(ui.ctx());
            let labels: Vec<String> = items
                .iter()
                .map(|item| match &item.figure.label_en {
                    Some(label) if lang == Lang::En && !label.trim().is_empty() => label.clone(),
                    _ => item.figure.label.clone(),
                })
                .collect();
            bars_ui(ui, style, items, &labels, drawn)
        }
        ChartKind::Comparison => comparison_ui(ui, style, items, drawn),
        ChartKind::Progress => {
            progress_ui(ui, style, items, drawn).map(SystemCommand::RevealFigure)
        }
    }
}

fn comparison_ui(
    ui: &mut egui::Ui,
    style: &BarStyle<'_>,
    items: &[Item<'_>],
    drawn: &mut Drawn,
) -> Option<SystemCommand> {
    let palette = style.palette;
    if let [before, after] = items {
        let caption = comparison_caption(ui, style.dataset.script(), before, after);
        // Not `ui.label`: in a chart card's justified layout egui would space out the letters
        // of a caption that wraps (English).
        crate::viewer::ui::paragraph(
            ui,
            RichText::new(caption)
                .font(theme::bold(18.0))
                .color(palette.accent),
        );
    }
    let lang = crate::viewer::i18n::lang(ui.ctx());
    let labels: Vec<String> = items
        .iter()
        .map(|item| crate::report::chart_text::bar_label(lang, item.figure, true))
        .collect();
    bars_ui(ui, style, items, &labels, drawn)
}

fn comparison_caption(
    ui: &egui::Ui,
    script: HanScript,
    before: &Item<'_>,
    after: &Item<'_>,
) -> String {
    crate::report::chart_text::comparison_caption(
        (crate::viewer::i18n::lang(ui.ctx()), script),
        (before.figure, before.quantity),
        (after.figure, after.quantity),
    )
}

/// What a key figure counts, with its period when it has one: 具备科学素质的公民比例（2018 年）;
/// its marks (目标, 待确认) in the interface's script.
pub fn figure_caption(ui: &egui::Ui, figure: &Figure) -> String {
    use crate::report::script_fold::HanScript;
    use crate::viewer::i18n::Translate as _;
    let (lang, traditional) = ui.written();
    let script = if traditional {
        HanScript::Traditional
    } else {
        HanScript::Simplified
    };
    crate::report::chart_text::figure_caption_in((lang, script), figure)
}

fn progress_ui(
    ui: &mut egui::Ui,
    style: &BarStyle<'_>,
    items: &[Item<'_>],
    drawn: &mut Drawn,
) -> Option<FigureRef> {
    let [part, whole] = items else {
        return None;
    };
    let (dataset, selection, palette) = (style.dataset, style.selection, style.palette);
    let lang = crate::viewer::i18n::lang(ui.ctx());
    let fraction = crate::report::chart_text::progress_fraction(part.quantity, whole.quantity);
    let (part_pair, whole_pair) = ((part.figure, part.quantity), (whole.figure, whole.quantity));
    // Each figure as its text writes it: an approximate one keeps its words (近8,400多個).
    ui.label(
        RichText::new(crate::report::chart_text::progress_caption(
            lang, part_pair, whole_pair,
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
    drawn.bar(&part.figure.id, response.rect.center());
    let response = response.on_hover_ui(|ui| {
        crate::viewer::ui::initiatives::figure_tooltip_ui(ui, dataset, part.place, None)
    });
    ui.label(
        RichText::new(crate::report::chart_text::progress_legend(
            lang, part_pair, whole_pair,
        ))
        .small()
        .color(palette.muted),
    );
    response.clicked().then_some(part.place)
}

/// What a bar chart is drawn with, besides its bars.
struct BarStyle<'a> {
    dataset: &'a Dataset,
    id: Id,
    selection: Option<FigureRef>,
    palette: &'a Palette,
    /// On a slide: the height to fit in; no tooltips or menus.
    slide: Option<f32>,
}

/// Horizontal bars, one per item, labelled by `labels` in a column of their own on the left.
///
/// Everything is measured before anything is drawn (label lines, row heights, room for the
/// widest value label), so the first frame is the finished one. The bars start at zero and do
/// not pan or zoom: a bar chart's ratios are its message.
fn bars_ui(
    ui: &mut egui::Ui,
    style: &BarStyle<'_>,
    items: &[Item<'_>],
    labels: &[String],
    drawn: &mut Drawn,
) -> Option<SystemCommand> {
    if items.is_empty() {
        return None;
    }
    let layout = BarLayout::measure(ui, style, items, labels);
    let mut clicked = None;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        let height = items.len() as f32 * layout.row_height + X_AXIS_HEIGHT;
        let (label_rect, _) =
            ui.allocate_exact_size(egui::vec2(layout.label_width, height), Sense::hover());
        let plot_width = ui.available_width();
        let english = crate::viewer::i18n::lang(ui.ctx()) == Lang::En;
        let axis = (style.dataset.script(), english, &items[0].quantity.counter);
        let x_max = x_max(items, plot_width, layout.value_width);
        let plot_height = height - X_AXIS_HEIGHT;
        let plot = bar_plot(style.id, items.len(), (plot_width, plot_height), x_max);
        let text_color = ui.visuals().text_color();
        let response = plot.show(ui, |plot_ui| {
            plot_ui.bar_chart(bar_chart(items, style));
            for (i, (item, value)) in items.iter().zip(&layout.values).enumerate() {
                let text = RichText::new(value.as_str()).color(text_color);
                let at = PlotPoint::new(item.quantity.base_value, row(items.len(), i));
                plot_ui.text(
                    Text::new("value", at, text)
                        .anchor(Align2::LEFT_CENTER)
                        .allow_hover(false),
                );
            }
        });
        // A screen reader reads the chart as its figures, as written.
        let alt = chart_alternative(ui, labels, &layout.values);
        response
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &alt));
        let rows = row_rects(
            &response.transform,
            items.len(),
            label_rect,
            response.response.rect,
        );
        paint_categories(ui, &layout.galleys, &rows, label_rect);
        paint_value_axis(ui, &response.transform, (x_max, plot_width), axis);
        remember_bar_centers(drawn, items, &response.transform);
        clicked = hovered_row(ui, style, items, &rows);
    });
    clicked
}

/// What a chart says to a screen reader: 图表：承担政府主管部门项目：553项；帮助企业…
fn chart_alternative(ui: &egui::Ui, labels: &[String], values: &[String]) -> String {
    let colon = crate::viewer::i18n::tr(ui, "：");
    let each: Vec<String> = labels
        .iter()
        .zip(values)
        .map(|(label, value)| format!("{label}{colon}{}", value.trim()))
        .collect();
    fill(tr(ui, "图表：{}"), &[&each.join(tr(ui, "；"))])
}

/// A bar chart's sizes, all measured before anything is drawn.
struct BarLayout {
    /// The label column's width.
    label_width: f32,
    /// Each category label, laid out in that column.
    galleys: Vec<std::sync::Arc<egui::Galley>>,
    /// The height of one bar's row.
    row_height: f32,
    /// Each bar's value label, as written.
    values: Vec<String>,
    /// The widest value label's width.
    value_width: f32,
}

impl BarLayout {
    fn measure(ui: &egui::Ui, style: &BarStyle<'_>, items: &[Item<'_>], labels: &[String]) -> Self {
        // As wide as the longest label needs, up to 42% of the chart; longer labels wrap.
        let label_width = labels
            .iter()
            .map(|label| category_galley(ui, label, f32::INFINITY).size().x)
            .fold(0.0, f32::max)
            .clamp(72.0, (ui.available_width() * 0.42).max(72.0));
        let galleys: Vec<_> = labels
            .iter()
            .map(|label| category_galley(ui, label, label_width))
            .collect();
        let row_height = galleys
            .iter()
            .map(|g| g.size().y + 10.0)
            .fold(ROW_HEIGHT, f32::max);
        // On a slide the rows share the height there is (the title and axis take the rest),
        // growing up to half again their height to fill it, or shrinking to fit.
        let row_height = match style.slide {
            Some(height) => {
                let share = (height - X_AXIS_HEIGHT - 48.0) / items.len() as f32;
                share.clamp(16.0, row_height * 1.5)
            }
            None => row_height,
        };
        let values: Vec<String> = items
            .iter()
            .map(|i| {
                format!(
                    " {}",
                    crate::viewer::ui::figure_value(ui, i.figure, i.quantity)
                )
            })
            .collect();
        let font = egui::TextStyle::Body.resolve(ui.style());
        let value_width = values
            .iter()
            .map(|v| {
                ui.fonts_mut(|f| {
                    let galley = f.layout_no_wrap(v.clone(), font.clone(), egui::Color32::WHITE);
                    galley.size().x
                })
            })
            .fold(0.0, f32::max);
        Self {
            label_width,
            galleys,
            row_height,
            values,
            value_width,
        }
    }
}

/// Height of the x axis under the bars, with its tick labels.
const X_AXIS_HEIGHT: f32 = 28.0;

/// The plot row of item `i` of `n`: the first item is drawn at the top.
fn row(n: usize, i: usize) -> f64 {
    (n - 1 - i) as f64
}

/// A category label laid out in the label column: wrapped onto at most three lines of even
/// length (not a full line and one character), cut at the end with … only when three are not
/// enough (the whole label is in the tooltip).
fn category_galley(ui: &egui::Ui, label: &str, width: f32) -> std::sync::Arc<egui::Galley> {
    let layout = |width: f32| {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let mut job =
            egui::text::LayoutJob::simple(label.to_owned(), font, ui.visuals().text_color(), width);
        job.wrap.max_rows = 3;
        job.wrap.overflow_character = Some('…');
        job.halign = egui::Align::RIGHT;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let galley = layout(width);
    let lines = galley.rows.len();
    if lines < 2 || galley.elided || breaks_a_word(&galley) {
        return galley;
    }
    // The narrowest width that keeps the same number of lines, found by halving.
    let (mut fits, mut too_narrow) = (width, width / lines as f32);
    for _ in 0..6 {
        let middle = (fits + too_narrow) / 2.0;
        let candidate = layout(middle);
        if candidate.rows.len() == lines && !candidate.elided && !breaks_a_word(&candidate) {
            fits = middle;
        } else {
            too_narrow = middle;
        }
    }
    layout(fits)
}

/// Whether a line of `galley` ends inside a Latin word (egui breaks a word that does not fit).
fn breaks_a_word(galley: &egui::Galley) -> bool {
    galley.rows.windows(2).any(|pair| {
        let end = pair[0].row.glyphs.last().map(|g| g.chr);
        let start = pair[1].row.glyphs.first().map(|g| g.chr);
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        !pair[0].ends_with_newline && latin(end) && latin(start)
    })
}

/// Where the value axis ends: the longest bar ends where its value label still fits.
fn x_max(items: &[Item<'_>], width: f32, value_width: f32) -> f64 {
    let max = items
        .iter()
        .map(|i| i.quantity.base_value)
        .fold(0.0, f64::max);
    crate::report::chart_text::axis_end(max, width, value_width)
}

/// The plot of `n` bars: x from zero to `x_max`, a row per bar, its grid at round steps, no
/// axes of its own (the labels are in a column on the left, the values painted under it: both
/// measured before drawing, where egui_plot sizes its axes from the frame before), nothing to
/// drag or zoom.
fn bar_plot<'a>(id: Id, n: usize, (width, height): (f32, f32), x_max: f64) -> Plot<'a> {
    Plot::new(id)
        .width(width)
        .height(height)
        .show_axes([false, false])
        .show_grid([true, false])
        .show_x(false)
        .show_y(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .set_margin_fraction(egui::Vec2::ZERO)
        // The bounds egui_plot fits to each frame, the first one included: zero to where the
        // longest value label ends, and half a row around the first and last bars.
        .include_x(0.0)
        .include_x(x_max)
        .include_y(-0.5)
        .include_y(n as f64 - 0.5)
        .x_grid_spacer(move |input| {
            let step = tick_step(x_max, width);
            crate::report::chart_text::ticks(input.bounds.1, step)
                .map(|value| GridMark {
                    value,
                    step_size: step,
                })
                .collect()
        })
        .label_formatter(|_| None)
}

/// The step between the value axis's ticks, far enough apart on screen for every tick's label
/// to be drawn in full (80 points).
fn tick_step(x_max: f64, width: f32) -> f64 {
    crate::report::chart_text::tick_step(x_max, width, 84.0)
}

/// The value axis's labels under the plot, centred on their ticks: 0, 1万, 2万 (or 10,000 in
/// English), in the report's script.
fn paint_value_axis(
    ui: &egui::Ui,
    transform: &egui_plot::PlotTransform,
    (x_max, width): (f64, f32),
    (script, english, unit): (HanScript, bool, &String),
) {
    let frame = transform.frame();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let lang = if english {
        crate::viewer::i18n::Lang::En
    } else {
        crate::viewer::i18n::Lang::Zh
    };
    let step = tick_step(x_max, width);
    for value in crate::report::chart_text::ticks(x_max, step) {
        let text = crate::report::chart_text::tick_label(value, unit, script, lang);
        let x = transform.position_from_point(&PlotPoint::new(value, 0.0)).x;
        let galley = ui.painter().layout_no_wrap(text, font.clone(), color);
        // A label that would stick out of the plot's right edge is left out: its tick line says
        // enough, and the card's border must not cut it.
        if x + galley.size().x / 2.0 > frame.right() + 2.0 {
            continue;
        }
        let at = egui::pos2(x - galley.size().x / 2.0, frame.bottom() + 4.0);
        ui.painter().galley(at, galley, color);
    }
}

/// The bars, the selected figure's in the accent colour; hovering them is answered by the
/// figure's own tooltip ([`hovered_row`]), not the plot's.
fn bar_chart(items: &[Item<'_>], style: &BarStyle<'_>) -> BarChart {
    let bars = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let color = if style.selection == Some(item.place) {
                style.palette.accent
            } else {
                style.palette.series[0]
            };
            Bar::new(row(items.len(), i), item.quantity.base_value)
                .fill(color)
                .width(0.62)
        })
        .collect();
    BarChart::new("figures", bars)
        .horizontal()
        .allow_hover(false)
}

/// Each item's row on screen, across the label column and the plot.
fn row_rects(
    transform: &egui_plot::PlotTransform,
    n: usize,
    labels: egui::Rect,
    plot: egui::Rect,
) -> Vec<egui::Rect> {
    (0..n)
        .map(|i| {
            let top = transform.position_from_point(&PlotPoint::new(0.0, row(n, i) + 0.5));
            let bottom = transform.position_from_point(&PlotPoint::new(0.0, row(n, i) - 0.5));
            egui::Rect::from_x_y_ranges(labels.left()..=plot.right(), top.y..=bottom.y)
        })
        .collect()
}

fn paint_categories(
    ui: &egui::Ui,
    galleys: &[std::sync::Arc<egui::Galley>],
    rows: &[egui::Rect],
    column: egui::Rect,
) {
    let color = ui.visuals().text_color();
    for (galley, rect) in galleys.iter().zip(rows) {
        let top = rect.center().y - galley.size().y / 2.0;
        // The galley is right-aligned: its position is where its lines end.
        ui.painter()
            .galley(egui::pos2(column.right(), top), galley.clone(), color);
    }
}

/// Where each bar's middle is on screen, for tests to click (`Drawn::record_bar_centers`).
fn remember_bar_centers(
    drawn: &mut Drawn,
    items: &[Item<'_>],
    transform: &egui_plot::PlotTransform,
) {
    if drawn.bars.is_none() {
        return;
    }
    for (i, item) in items.iter().enumerate() {
        let middle = PlotPoint::new(item.quantity.base_value / 2.0, row(items.len(), i));
        drawn.bar(&item.figure.id, transform.position_from_point(&middle));
    }
}

/// The figure's tooltip over the row under the pointer (its label or its bar), its menu on a
/// right-click; revealing the figure in its sentence when the row was clicked.
fn hovered_row(
    ui: &egui::Ui,
    style: &BarStyle<'_>,
    items: &[Item<'_>],
    rows: &[egui::Rect],
) -> Option<SystemCommand> {
    let mut command = None;
    for (i, (item, rect)) in items.iter().zip(rows).enumerate() {
        let response = ui
            .interact(*rect, style.id.with(("row", i)), Sense::click())
            .on_hover_cursor(egui::CursorIcon::PointingHand);
        // Named for screen readers (and the keyboard's menu) by its figure, as written: worked
        // out before `widget_info`, which holds the context's lock.
        let label =
            crate::viewer::ui::localized(ui, &item.figure.label, item.figure.label_en.as_ref());
        let name = format!(
            "{label}{}{}",
            crate::viewer::i18n::tr(ui, "："),
            crate::viewer::ui::figure_value(ui, item.figure, item.quantity)
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if style.slide.is_none() {
            let response = response.clone().on_hover_ui(|ui| {
                crate::viewer::ui::initiatives::figure_tooltip_ui(
                    ui,
                    style.dataset,
                    item.place,
                    None,
                );
            });
            crate::viewer::ui::initiatives::figure_menu(&response, item.place, &mut command);
        }
        if response.clicked() {
            command = Some(SystemCommand::RevealFigure(item.place));
        }
    }
    command
}

#[cfg(test)]
mod tests {
    use super::tick_step;

    #[test]
    fn ticks_are_round_and_far_enough_apart_to_be_labelled() {
        // 0 to 520 over 280 points: a tick each 200 (108 points), not each 100 (54).
        assert_eq!(tick_step(520.0, 280.0), 200.0);
        assert_eq!(tick_step(3_300.0, 1_000.0), 500.0);
        assert_eq!(tick_step(12.0, 300.0), 5.0);
        assert_eq!(tick_step(0.0, 300.0), 1.0);
        for (x_max, width) in [(1.0e9, 600.0), (0.37, 250.0), (41.0, 90.0)] {
            let step = tick_step(x_max, width);
            assert!(
                step * f64::from(width) / x_max >= 80.0,
                "{x_max} over {width}: {step}"
            );
        }
    }
}
