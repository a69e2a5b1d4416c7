//! Charts on paper, as vector shapes with their labels as text: the viewer's bars, comparison
//! and progress, with the same captions and axis steps (`chart_text`).

use super::flow::{Flow, Setting};
use super::page::{PageLayout, Role, Shape};
use super::text::{Line, Rgb, Span, width};
use super::{ACCENT, CARD, INK, MUTED, RULE, SERIES};
use crate::document::dataset::Dataset;
use crate::report::chart_text::{self, MAX_BARS};
use crate::report::lang::Lang;
use crate::report::model::{Chart, ChartKind, Figure};
use crate::report::quantity::Quantity;
use crate::report::words::{fill, tr_in};

const PADDING: f32 = 10.0;
const TITLE: Setting = Setting::new(11.0, 1.4, 4.0);
const CAPTION: Setting = Setting::new(11.0, 1.4, 4.0);
const LABEL: Setting = Setting::new(8.5, 1.3, 0.0);
const NOTE: Setting = Setting::new(8.0, 1.4, 0.0);
/// The value axis's labels, under the bars.
const AXIS: f32 = 14.0;

/// A figure a chart draws.
struct Item<'a> {
    figure: &'a Figure,
    quantity: &'a Quantity,
}

/// A chart's pieces, measured before anything is placed.
struct Measured {
    title: Vec<Line>,
    caption: Vec<Line>,
    body_height: f32,
    legend: Vec<Line>,
    note: Vec<Line>,
}

/// Sets chart `k` of chapter `c` as one block, kept whole on a page.
pub fn chart(
    flow: &mut Flow<'_>,
    dataset: &Dataset,
    (c, k): (usize, usize),
    lang: Lang,
    parent: usize,
) {
    let chart = &dataset.report.chapters[c].charts[k];
    let items: Vec<Item<'_>> = chart
        .figures
        .iter()
        .take(MAX_BARS)
        .filter_map(|id| dataset.figure_by_id(id))
        .map(|(place, figure)| Item {
            figure,
            quantity: dataset.quantity(place),
        })
        .collect();
    let element = flow
        .laid
        .element(Role::Figure(alt_text(chart, &items, lang)), Some(parent));
    let inner = flow.width() - 2.0 * PADDING;
    let measured = measure(flow, (dataset, chart), &items, lang, inner);
    let text = |lines: &[Line], s: Setting| lines.len() as f32 * s.leading;
    let height = PADDING * 2.0
        + text(&measured.title, TITLE)
        + TITLE.after
        + text(&measured.caption, CAPTION)
        + measured.body_height
        + text(&measured.legend, NOTE)
        + text(&measured.note, NOTE);
    let (x, y) = flow.block(height);
    flow.y += 10.0;
    let page = flow.page();
    page.shape(
        Shape::Rect {
            x,
            y,
            w: inner + 2.0 * PADDING,
            h: height,
            fill: CARD,
        },
        None,
    );
    let (x, mut y) = (x + PADDING, y + PADDING);
    // The title, the space under it, then the caption.
    for (lines, setting, after) in [
        (&measured.title, TITLE, TITLE.after),
        (&measured.caption, CAPTION, 0.0),
    ] {
        page.lines(
            lines,
            (x, y + setting.baseline()),
            (setting.size, setting.leading),
            Some(element),
        );
        y += text(lines, setting) + after;
    }
    let body = (x, y, inner);
    match chart.kind {
        ChartKind::Progress => progress(page, &items, body),
        ChartKind::Bars | ChartKind::Comparison => {
            let by_period = chart.kind == ChartKind::Comparison;
            bars(flow, dataset, &items, (lang, by_period), body, element);
        }
    }
    let page = flow.page();
    let mut y = y + measured.body_height;
    for lines in [&measured.legend, &measured.note] {
        page.lines(
            lines,
            (x, y + NOTE.baseline()),
            (NOTE.size, NOTE.leading),
            Some(element),
        );
        y += text(lines, NOTE);
    }
}

/// Lines and heights of a chart's texts and body.
fn measure(
    flow: &mut Flow<'_>,
    (dataset, chart): (&Dataset, &Chart),
    items: &[Item<'_>],
    lang: Lang,
    inner: f32,
) -> Measured {
    let title = chart_text::localized(lang, &chart.title, chart.title_en.as_ref());
    let title = flow.lines(&[Span::new(title, true, INK)], TITLE, flow.width() - inner);
    let pair = |k: usize| (items[k].figure, items[k].quantity);
    let (caption, legend) = match (chart.kind, items.len()) {
        (ChartKind::Comparison, 2) => (
            chart_text::comparison_caption((lang, dataset.script()), pair(0), pair(1)),
            String::new(),
        ),
        (ChartKind::Progress, 2) => (
            chart_text::progress_caption(lang, pair(0), pair(1)),
            chart_text::progress_legend(lang, pair(0), pair(1)),
        ),
        _ => (String::new(), String::new()),
    };
    let indent = flow.width() - inner;
    let (caption, legend) = (
        super::in_script(dataset, lang, &caption),
        super::in_script(dataset, lang, &legend),
    );
    let caption = wrap(flow, &caption, true, ACCENT, CAPTION, indent);
    let legend = wrap(flow, &legend, false, MUTED, NOTE, indent);
    let hidden = chart.figures.len().saturating_sub(MAX_BARS);
    let note = if hidden > 0 {
        fill(
            tr_in(lang, "另有 {} 项数据未画出（导出 CSV 可得全部）"),
            &[&hidden],
        )
    } else {
        String::new()
    };
    let note = wrap(flow, &note, false, MUTED, NOTE, indent);
    let body_height = match chart.kind {
        ChartKind::Progress => 22.0,
        ChartKind::Bars | ChartKind::Comparison => {
            let labels = bar_labels(
                flow,
                items,
                (lang, chart.kind == ChartKind::Comparison),
                inner,
            );
            labels.rows.iter().sum::<f32>() + AXIS
        }
    };
    Measured {
        title,
        caption,
        body_height,
        legend,
        note,
    }
}

/// `text` in one style broken into lines (none when it is empty).
fn wrap(
    flow: &mut Flow<'_>,
    text: &str,
    bold: bool,
    color: Rgb,
    setting: Setting,
    indent: f32,
) -> Vec<Line> {
    if text.is_empty() {
        return Vec::new();
    }
    flow.lines(&[Span::new(text, bold, color)], setting, indent)
}

/// The category column of a bar chart: each label's lines (at most three) and each row's
/// height.
struct Labels {
    width: f32,
    lines: Vec<Vec<Line>>,
    rows: Vec<f32>,
}

fn bar_labels(
    flow: &mut Flow<'_>,
    items: &[Item<'_>],
    (lang, by_period): (Lang, bool),
    inner: f32,
) -> Labels {
    let texts: Vec<String> = items
        .iter()
        .map(|item| chart_text::bar_label(lang, item.figure, by_period))
        .collect();
    let natural = texts
        .iter()
        .map(|t| width(flow.faces, t, false, LABEL.size))
        .fold(0.0, f32::max);
    let label_width = natural.clamp(48.0, inner * 0.42);
    let lines: Vec<Vec<Line>> = texts
        .iter()
        .map(|text| {
            let mut lines = super::text::break_lines(
                flow.faces,
                &[Span::new(text.as_str(), false, INK)],
                LABEL.size,
                label_width,
            );
            lines.truncate(3);
            lines
        })
        .collect();
    let rows = lines
        .iter()
        .map(|l| (l.len() as f32 * LABEL.leading + 6.0).max(20.0))
        .collect();
    Labels {
        width: label_width,
        lines,
        rows,
    }
}

/// Horizontal bars from zero, labelled on the left, each value as written at its bar's end,
/// with a value axis at round steps under them.
fn bars(
    flow: &mut Flow<'_>,
    dataset: &Dataset,
    items: &[Item<'_>],
    (lang, by_period): (Lang, bool),
    (x, y, inner): (f32, f32, f32),
    element: usize,
) {
    let labels = bar_labels(flow, items, (lang, by_period), inner);
    let values: Vec<String> = items
        .iter()
        .map(|i| chart_text::figure_value(lang, i.figure, i.quantity))
        .collect();
    let value_width = values
        .iter()
        .map(|v| width(flow.faces, v, false, LABEL.size) + 4.0)
        .fold(0.0, f32::max);
    let value_lines: Vec<Line> = values
        .iter()
        .map(|v| {
            flow.lines(&[Span::new(v.as_str(), false, INK)], LABEL, 0.0)
                .remove(0)
        })
        .collect();
    let max = items
        .iter()
        .map(|i| i.quantity.base_value)
        .fold(0.0, f64::max);
    let plot_width = inner - labels.width - 8.0;
    let axis = Axis {
        left: x + labels.width + 8.0,
        width: plot_width,
        end: chart_text::axis_end(max, plot_width, value_width),
    };
    let unit = items
        .first()
        .map(|i| i.quantity.counter.clone())
        .unwrap_or_default();
    let ticks: Vec<(f64, Line)> =
        chart_text::ticks(axis.end, chart_text::tick_step(axis.end, plot_width, 56.0))
            .map(|value| {
                let text = chart_text::tick_label(value, &unit, dataset.script(), lang);
                let line = flow
                    .lines(&[Span::new(text, false, MUTED)], LABEL, 0.0)
                    .remove(0);
                (value, line)
            })
            .collect();
    let plot_height: f32 = labels.rows.iter().sum();
    let page = flow.page();
    value_axis(page, &axis, &ticks, (y, plot_height), element);
    let mut top = y;
    for (k, item) in items.iter().enumerate() {
        let row = (labels.rows[k], &labels.lines[k], &value_lines[k]);
        bar_row(page, &axis, item, row, (x + labels.width, top), element);
        top += labels.rows[k];
    }
}

/// Where a bar chart's values go across the page: zero at `left`, `end` at `left + width`.
struct Axis {
    left: f32,
    width: f32,
    end: f64,
}

impl Axis {
    fn x(&self, value: f64) -> f32 {
        self.left + (value / self.end) as f32 * self.width
    }
}

/// The value axis: a rule from top to bottom at each tick, its label under the plot (left out
/// where it would stick out past the plot's right edge).
fn value_axis(
    page: &mut PageLayout,
    axis: &Axis,
    ticks: &[(f64, Line)],
    (y, plot_height): (f32, f32),
    element: usize,
) {
    for (value, line) in ticks {
        let tx = axis.x(*value);
        page.shape(
            Shape::Line {
                from: (tx, y),
                to: (tx, y + plot_height),
                width: 0.5,
                color: RULE,
                dotted: false,
            },
            None,
        );
        if tx + line.width / 2.0 <= axis.left + axis.width + PADDING - 1.0 {
            let baseline = y + plot_height + 3.0 + 0.88 * LABEL.size;
            page.line(
                line,
                (tx - line.width / 2.0, baseline),
                LABEL.size,
                Some(element),
            );
        }
    }
}

/// One bar's row: its label's lines ending at `label_end`, the bar, its value at the bar's end.
fn bar_row(
    page: &mut PageLayout,
    axis: &Axis,
    item: &Item<'_>,
    (row, label, value): (f32, &Vec<Line>, &Line),
    (label_end, top): (f32, f32),
    element: usize,
) {
    let label_top = top + (row - label.len() as f32 * LABEL.leading) / 2.0;
    for (n, line) in label.iter().enumerate() {
        let baseline = label_top + n as f32 * LABEL.leading + LABEL.baseline();
        page.line(
            line,
            (label_end - line.width, baseline),
            LABEL.size,
            Some(element),
        );
    }
    let bar = row.min(26.0) * 0.62;
    let end_x = axis.x(item.quantity.base_value.max(0.0));
    page.shape(
        Shape::Rect {
            x: axis.left,
            y: top + (row - bar) / 2.0,
            w: (end_x - axis.left).max(0.5),
            h: bar,
            fill: SERIES,
        },
        Some(element),
    );
    let baseline = top + (row - LABEL.leading) / 2.0 + LABEL.baseline();
    page.line(value, (end_x + 4.0, baseline), LABEL.size, Some(element));
}

/// A part of its whole as a filled track.
fn progress(page: &mut PageLayout, items: &[Item<'_>], (x, y, inner): (f32, f32, f32)) {
    let [part, whole] = items else {
        return;
    };
    let fraction = chart_text::progress_fraction(part.quantity, whole.quantity) as f32;
    let track = |w: f32, fill: Rgb| Shape::Rect {
        x,
        y: y + 5.0,
        w,
        h: 12.0,
        fill,
    };
    page.shape(track(inner, RULE), None);
    page.shape(track((inner * fraction).max(0.5), SERIES), None);
}

/// What a chart shows, in words: its title and each figure's label and value.
fn alt_text(chart: &Chart, items: &[Item<'_>], lang: Lang) -> String {
    let title = chart_text::localized(lang, &chart.title, chart.title_en.as_ref());
    let figures: Vec<String> = items
        .iter()
        .map(|i| {
            format!(
                "{}: {}",
                chart_text::localized(lang, &i.figure.label, i.figure.label_en.as_ref()),
                chart_text::figure_value(lang, i.figure, i.quantity)
            )
        })
        .collect();
    format!("{title}. {}", figures.join("; "))
}
