//! What leaves the viewer as files: figures and initiatives as CSV, the report as a PDF
//! ([`pdf`]), a view as a picture.
//!
//! The CSV of figures has the header of `huimou figures`, so a chart's export and the command
//! line's read the same way.

use std::io::Write;

pub mod pdf;

use crate::document::dataset::{Dataset, FigureRef};
use crate::report::markup;
use crate::search::InitiativeRef;
use crate::shelf::Shelf;
use crate::shelf::series::{Point, Series};

/// The header of every figures CSV (`huimou figures`, a chart's export).
pub const FIGURES_HEADER: [&str; 14] = [
    "chapter",
    "initiative",
    "label",
    "value",
    "unit",
    "qualifier",
    "base_value",
    "base_unit",
    // Added at the end, so that scripts reading the first eight columns keep working.
    "measure",
    "status",
    "stressed",
    // A range's upper end (3至5个), and the figure as the text writes it (1万6千多户).
    "value_to",
    "base_value_to",
    "written",
];

/// Writes `places`' figures as CSV, one row each, under [`FIGURES_HEADER`].
pub fn figures_csv(
    dataset: &Dataset,
    places: impl IntoIterator<Item = FigureRef>,
    out: impl Write,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(FIGURES_HEADER)?;
    for place in places {
        writer.write_record(figure_record(dataset, place))?;
    }
    writer.flush()
}

/// One figure's row under [`FIGURES_HEADER`].
fn figure_record(dataset: &Dataset, place: FigureRef) -> [String; 14] {
    let figure = dataset.figure(place);
    let quantity = dataset.quantity(place);
    [
        dataset.chapter_at(place).number.to_string(),
        dataset.initiative_at(place).title.clone(),
        figure.label.clone(),
        crate::report::quantity::format_written(figure.value),
        figure.unit.clone(),
        quantity.qualifier_keyword(),
        crate::report::quantity::format_written(quantity.base_value),
        quantity.base_unit.clone(),
        quantity.measure().keyword().to_owned(),
        figure.status.keyword().to_owned(),
        figure.stressed.to_string(),
        figure
            .value_to
            .map(crate::report::quantity::format_written)
            .unwrap_or_default(),
        quantity
            .base_value_to
            .map(crate::report::quantity::format_written)
            .unwrap_or_default(),
        dataset.figure_as_written(place),
    ]
}

/// Writes every figure of every report of a shelf as CSV: a `report` column (the file's name)
/// first, then [`FIGURES_HEADER`]'s.
pub fn shelf_figures_csv(shelf: &Shelf, out: impl Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(std::iter::once("report").chain(FIGURES_HEADER))?;
    for report in &shelf.reports {
        let name = report.file_name();
        for (place, _) in report.dataset.figures() {
            let row = figure_record(&report.dataset, place);
            writer.write_record(
                std::iter::once(name.as_str()).chain(row.iter().map(String::as_str)),
            )?;
        }
    }
    writer.flush()
}

/// The header of `huimou series`: every reading of every series of a shelf.
pub const SERIES_HEADER: [&str; 9] = [
    "series",
    "report",
    "publisher",
    "period",
    "label",
    "value",
    "base_value",
    "unit",
    "status",
];

/// One reading of a series as `huimou series` lists it, under [`SERIES_HEADER`].
#[derive(Debug, serde::Serialize)]
pub struct SeriesRow {
    pub series: String,
    pub report: String,
    pub publisher: String,
    /// The year the reading stands at, else the figure's period as written (a span).
    pub period: String,
    pub label: String,
    /// The figure as written (1,351万人).
    pub value: String,
    pub base_value: f64,
    pub unit: String,
    pub status: &'static str,
    /// Another report gives another value for the same year.
    pub disputed: bool,
}

/// Every reading of every series of the shelf, series by series.
pub fn series_rows(shelf: &Shelf) -> Vec<SeriesRow> {
    let mut rows = Vec::new();
    for series in &shelf.series {
        for point in &series.points {
            let report = &shelf.reports[point.report];
            let figure = report.dataset.figure(point.figure);
            let quantity = report.dataset.quantity(point.figure);
            rows.push(SeriesRow {
                series: series.id.clone(),
                report: report.file_name(),
                publisher: report.publisher.clone(),
                period: point_period(point, figure),
                label: figure.label.clone(),
                value: report.dataset.figure_as_written(point.figure),
                base_value: quantity.base_value + 0.0,
                unit: figure.unit.clone(),
                status: figure.status.keyword(),
                disputed: point.disputed,
            });
        }
    }
    rows
}

/// Where a reading stands: its year, else its period as written.
pub fn point_period(point: &Point, figure: &crate::report::model::Figure) -> String {
    point.year.map_or_else(
        || figure.period.clone().unwrap_or_default(),
        |year| year.to_string(),
    )
}

/// Writes the rows of `huimou series` as CSV under [`SERIES_HEADER`].
pub fn series_csv(rows: &[SeriesRow], out: impl Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(SERIES_HEADER)?;
    for row in rows {
        writer.write_record([
            row.series.as_str(),
            &row.report,
            &row.publisher,
            &row.period,
            &row.label,
            &row.value,
            &crate::report::quantity::format_written(row.base_value),
            &row.unit,
            row.status,
        ])?;
    }
    writer.flush()
}

/// The header of one series' CSV, as the viewer exports it.
pub const ONE_SERIES_HEADER: [&str; 7] = [
    "year",
    "value",
    "base_value",
    "unit",
    "report",
    "sentence",
    // After the columns first promised: a target is never read as a result.
    "status",
];

/// Writes one series as CSV: a row per reading, with the sentence it stands in.
pub fn one_series_csv(shelf: &Shelf, series: &Series, out: impl Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(ONE_SERIES_HEADER)?;
    for point in &series.points {
        let report = &shelf.reports[point.report];
        let figure = report.dataset.figure(point.figure);
        let quantity = report.dataset.quantity(point.figure);
        let (sentence, _) = report.dataset.sentence_of(point.figure);
        writer.write_record([
            point_period(point, figure).as_str(),
            &report.dataset.figure_as_written(point.figure),
            &crate::report::quantity::format_written(quantity.base_value),
            &figure.unit,
            &report.file_name(),
            &sentence,
            figure.status.keyword(),
        ])?;
    }
    writer.flush()
}

/// The figures a chart shows, in its order (ids that name no figure are left out: `check`
/// refuses such datasets).
pub fn chart_figures(dataset: &Dataset, chapter: usize, chart: usize) -> Vec<FigureRef> {
    dataset.report.chapters[chapter].charts[chart]
        .figures
        .iter()
        .filter_map(|id| dataset.figure_by_id(id).map(|(place, _)| place))
        .collect()
}

/// The header of an initiatives CSV.
pub const INITIATIVES_HEADER: [&str; 5] = ["chapter", "number", "title", "title_en", "text"];

/// Writes initiatives as CSV: chapter number, position in the chapter (1-based), title, English
/// title, and the text without its figure marks.
pub fn initiatives_csv(
    dataset: &Dataset,
    places: impl IntoIterator<Item = InitiativeRef>,
    out: impl Write,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(INITIATIVES_HEADER)?;
    for place in places {
        let chapter = &dataset.report.chapters[place.chapter];
        let initiative = &chapter.initiatives[place.initiative];
        writer.write_record([
            chapter.number.to_string().as_str(),
            (place.initiative + 1).to_string().as_str(),
            &initiative.title,
            initiative.title_en.as_deref().unwrap_or_default(),
            &markup::plain(&initiative.text),
        ])?;
    }
    writer.flush()
}
