//! One measure across the shelf's years: a line per unit (never two units on one axis), with
//! gaps where a year does not report it, targets as marks of their own never joined to the
//! results, values as written on hover; then a table of every reading, each one click from its
//! sentence in its report.

use egui::RichText;
use egui_plot::{GridMark, HoverPosition, Line, MarkerShape, Plot, PlotPoints, Points};

use crate::report::model::Status;
use crate::shelf::Shelf;
use crate::shelf::series::{Point, Series};
use crate::viewer::commands::{Export, SystemCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::i18n::tr;
use crate::viewer::place::View;
use crate::viewer::ui::theme::{self, Palette};

/// The central panel of series `s`.
pub fn series_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, s: usize) {
    let Some(on) = cx.session.shelf() else {
        return;
    };
    let Some(series) = on.shelf.series.get(s) else {
        return;
    };
    let mut commands = Vec::new();
    egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
        heading_ui(ui, series, s, &mut commands);
        let years = series.points.iter().filter_map(|p| p.year);
        let span = (years.clone().min(), years.max());
        for line in series.lines() {
            plot_ui(ui, &on.shelf, series, line, span);
        }
        ui.add_space(8.0);
        table_ui(ui, &on.shelf, series, &mut commands);
    });
    for command in commands {
        cx.send(command);
    }
}

/// The series' name, who publishes it, what joined it, and its commands.
fn heading_ui(ui: &mut egui::Ui, series: &Series, s: usize, commands: &mut Vec<SystemCommand>) {
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if ui.link(tr(ui, "← 书架")).clicked() {
            commands.push(SystemCommand::Show(View::Shelf));
        }
        if ui.button(tr(ui, "导出 CSV…")).clicked() {
            commands.push(SystemCommand::ExportDialog(Export::SeriesCsv(s)));
        }
    });
    let title = format!(
        "{}{}",
        series.label,
        crate::viewer::ui::shelf::series_marks(ui, series)
    );
    ui.add(egui::Label::new(RichText::new(title).font(theme::bold(24.0))).wrap());
    let muted = Palette::of(ui).muted;
    if !series.publisher.is_empty() {
        ui.label(RichText::new(&series.publisher).color(muted));
    }
    let mut notes = vec![tr(
        ui,
        "每个点在数据所指的年份，不在报告的年份；目标和预计单独标出，不与实际连线",
    )];
    if series.guessed {
        notes.push(tr(
            ui,
            "其中有导入时猜的名称：只与完全相同的名称合并，请核对",
        ));
    }
    if series.points.iter().any(|p| p.disputed) {
        notes.push(tr(
            ui,
            "有的年份给出了不同的数值（两份报告，或同一份报告的两处）：都列出，标为“不一致”",
        ));
    }
    for note in notes {
        ui.add(egui::Label::new(RichText::new(note).color(muted)).wrap());
    }
    ui.add_space(6.0);
}

/// The readings of one line (one base unit and measure): the results joined year by year with
/// gaps where a year is missing, the targets and estimates as hollow marks.
fn plot_ui(
    ui: &mut egui::Ui,
    shelf: &Shelf,
    series: &Series,
    line: &str,
    (first, last): (Option<u32>, Option<u32>),
) {
    let palette = Palette::of(ui);
    let readings: Vec<&Point> = series
        .points
        .iter()
        .filter(|p| p.line == line && p.year.is_some())
        .collect();
    if readings.is_empty() {
        return;
    }
    let value = |p: &Point| {
        shelf.reports[p.report]
            .dataset
            .quantity(p.figure)
            .base_value
    };
    let xy = |p: &Point| [f64::from(p.year.unwrap_or_default()), value(p)];
    let results: Vec<&Point> = readings
        .iter()
        .copied()
        .filter(|p| p.status == Status::Result)
        .collect();
    let aims: Vec<[f64; 2]> = readings
        .iter()
        .filter(|p| p.status != Status::Result)
        .map(|p| xy(p))
        .collect();
    let unit = line.split('|').next().unwrap_or_default().to_owned();
    let script = shelf.reports[readings[0].report].dataset.script();
    let english = crate::viewer::i18n::lang(ui.ctx()) == crate::viewer::i18n::Lang::En;
    let hover_texts: Vec<([f64; 2], String)> = readings
        .iter()
        .map(|p| (xy(p), reading_text(ui, shelf, p)))
        .collect();
    unit_ui(ui, line);
    let (result_name, aim_name) = (tr(ui, "结果"), tr(ui, "目标或预计"));
    // Every line of the series over the same years, half a year beyond each end.
    let (first, last) = (
        f64::from(first.unwrap_or_default()) - 0.5,
        f64::from(last.unwrap_or_default()) + 0.5,
    );
    Plot::new(("series-plot", line))
        .height(220.0)
        .include_x(first)
        .include_x(last)
        .set_margin_fraction(egui::vec2(0.0, 0.12))
        .legend(egui_plot::Legend::default().position(egui_plot::Corner::LeftBottom))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .x_axis_formatter(|mark: GridMark, _| year_tick(mark.value))
        .y_axis_formatter(move |mark: GridMark, _| {
            if english {
                let number = crate::report::quantity::english_number(mark.value, &unit);
                if unit == "%" {
                    format!("{number}%")
                } else {
                    number
                }
            } else {
                crate::report::quantity::format_quantity(mark.value, &unit, script)
            }
        })
        .label_formatter(move |hover: &HoverPosition<'_>| nearest_text(hover, &hover_texts))
        .show(ui, |plot| {
            for segment in segments(&series.yearly_results(line), value) {
                plot.line(
                    Line::new(result_name, PlotPoints::from(segment))
                        .color(palette.accent)
                        .width(2.0),
                );
            }
            let results: Vec<[f64; 2]> = results.iter().map(|p| xy(p)).collect();
            plot.points(
                Points::new(result_name, PlotPoints::from(results))
                    .shape(MarkerShape::Circle)
                    .radius(4.0)
                    .filled(true)
                    .color(palette.accent),
            );
            if !aims.is_empty() {
                plot.points(
                    Points::new(aim_name, PlotPoints::from(aims))
                        .shape(MarkerShape::Diamond)
                        .radius(6.0)
                        .filled(false)
                        .color(palette.series[1]),
                );
            }
        });
}

/// What a line counts in: its base unit (元 for 亿元 and 万元 alike).
fn unit_ui(ui: &mut egui::Ui, line: &str) {
    let unit = line.split('|').next().unwrap_or_default();
    let text = crate::viewer::i18n::fill(tr(ui, "单位：{}"), &[&unit]);
    ui.label(RichText::new(text).strong());
}

/// The results' line in runs of consecutive years: a year without a reading breaks it. Where
/// two reports give a year, the newer report's reading is on the line (both are marked).
fn segments(results: &[&Point], value: impl Fn(&Point) -> f64) -> Vec<Vec<[f64; 2]>> {
    let mut runs: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut last: Option<u32> = None;
    for point in results {
        let year = point.year.unwrap_or_default();
        if last.is_none_or(|l| year != l + 1) {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push([f64::from(year), value(point)]);
        }
        last = Some(year);
    }
    runs
}

/// A tick of the years' axis: whole years only.
fn year_tick(value: f64) -> String {
    if (value - value.round()).abs() < 1e-6 {
        format!("{}", value.round() as i64)
    } else {
        String::new()
    }
}

/// What hovering near a reading says: its year and its value as written.
fn nearest_text(hover: &HoverPosition<'_>, texts: &[([f64; 2], String)]) -> Option<String> {
    let HoverPosition::NearDataPoint { position, .. } = hover else {
        return None;
    };
    texts
        .iter()
        .filter(|(xy, _)| (xy[0] - position.x).abs() < 0.5)
        .min_by(|a, b| {
            let da = (a.0[1] - position.y).abs();
            let db = (b.0[1] - position.y).abs();
            da.total_cmp(&db)
        })
        .map(|(_, text)| text.clone())
}

/// A reading as the table and the hover say it: 2022: 4.0万人 (the report, a mark if disputed).
fn reading_text(ui: &egui::Ui, shelf: &Shelf, point: &Point) -> String {
    let report = &shelf.reports[point.report];
    let figure = report.dataset.figure(point.figure);
    let period = crate::export::point_period(point, figure);
    let value = value_text(ui, shelf, point);
    let status = match point.status {
        Status::Result => String::new(),
        Status::Target => format!(" {}", tr(ui, "（目标）")),
        Status::Estimate => format!(" {}", tr(ui, "（预计）")),
    };
    format!("{period}: {value}{status}\n{}", report.title())
}

/// A reading's value: as written in Chinese, in English words in English.
fn value_text(ui: &egui::Ui, shelf: &Shelf, point: &Point) -> String {
    let dataset = &shelf.reports[point.report].dataset;
    match crate::viewer::i18n::lang(ui.ctx()) {
        crate::viewer::i18n::Lang::Zh => dataset.figure_as_written(point.figure),
        crate::viewer::i18n::Lang::En => crate::viewer::ui::figure_value(
            ui,
            dataset.figure(point.figure),
            dataset.quantity(point.figure),
        ),
    }
}

/// Every reading: year, value as written, result or target, report, and its sentence a click
/// away.
fn table_ui(ui: &mut egui::Ui, shelf: &Shelf, series: &Series, commands: &mut Vec<SystemCommand>) {
    let palette = Palette::of(ui);
    egui::Grid::new("series-readings")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for header in [
                tr(ui, "年份"),
                tr(ui, "数值"),
                tr(ui, "性质"),
                tr(ui, "报告"),
                "",
            ] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for point in &series.points {
                let report = &shelf.reports[point.report];
                let figure = report.dataset.figure(point.figure);
                let period = crate::export::point_period(point, figure);
                if period.is_empty() {
                    ui.label("—").on_hover_text(tr(
                        ui,
                        "报告没有说这个数是哪一年的（或是几年的合计）：列出，不画在线上",
                    ));
                } else {
                    ui.label(period);
                }
                let mut value = RichText::new(value_text(ui, shelf, point)).strong();
                if point.status != Status::Result {
                    value = value.italics();
                }
                ui.horizontal(|ui| {
                    ui.label(value);
                    if point.disputed {
                        ui.label(RichText::new(tr(ui, "不一致")).color(ui.visuals().warn_fg_color))
                            .on_hover_text(tr(ui, "这一年还给出了另一个数值"));
                    }
                });
                crate::viewer::ui::theme::status_ui(ui, point.status, &palette);
                let year = report.year.map(|y| format!(" ({y})")).unwrap_or_default();
                ui.label(format!("{}{year}", report.title()));
                let (sentence, _) = report.dataset.sentence_of(point.figure);
                let open = ui.link(tr(ui, "原句")).on_hover_text(sentence);
                if open.clicked() {
                    commands.push(SystemCommand::OpenShelfFigure(point.report, point.figure));
                }
                ui.end_row();
            }
        });
}

/// A figure's measure over the shelf's years, for its tooltip: 2021: 3.9万人 → 2022: 4.0万人;
/// its own line's results only (a target is not a year's result), the newer report's reading
/// where two give a year.
pub fn over_the_years(
    ui: &egui::Ui,
    on: &crate::viewer::session::OnShelf,
    place: crate::document::dataset::FigureRef,
) -> Option<String> {
    let (_, series) = on.series_of(place)?;
    let own = series
        .points
        .iter()
        .find(|p| p.report == on.report && p.figure == place)?;
    let by_year = series.yearly_results(&own.line);
    if by_year.len() < 2 {
        return None;
    }
    let readings: Vec<String> = by_year
        .iter()
        .map(|p| {
            format!(
                "{}: {}",
                p.year.unwrap_or_default(),
                value_text(ui, &on.shelf, p)
            )
        })
        .collect();
    Some(readings.join(" → "))
}
