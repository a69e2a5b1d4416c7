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

/// The header of every figures CSV (`huimou figures`, a chart's export).
pub const FIGURES_HEADER: [&str; 11] = [
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
        let figure = dataset.figure(place);
        let quantity = dataset.quantity(place);
        writer.write_record([
            dataset.chapter_at(place).number.to_string().as_str(),
            &dataset.initiative_at(place).title,
            &figure.label,
            &crate::report::quantity::format_written(figure.value),
            &figure.unit,
            &quantity.qualifier_keyword(),
            &crate::report::quantity::format_written(quantity.base_value),
            &quantity.base_unit,
            quantity.measure().keyword(),
            figure.status.keyword(),
            if figure.stressed { "true" } else { "false" },
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
