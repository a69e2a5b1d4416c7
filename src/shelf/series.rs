//! The same measure across the reports of a shelf: found by the author's `series` id or by
//! labels folded for script, spacing and the usual variants (城镇新增就业 / 城镇新增就业人数),
//! never across publishers unless the author says so. A point stands at its figure's period,
//! not its report's year; targets are kept apart from results; a guessed label joins only on
//! an exact match, and the series says so.

use rustc_hash::FxHashMap as HashMap;

use crate::document::dataset::{Dataset, FigureRef};
use crate::report::model::{Figure, Status};
use crate::report::script_fold;

/// A report as series see it: its figures, who published it and its year.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub dataset: &'a Dataset,
    pub publisher: &'a str,
    pub year: Option<u32>,
}

/// One reading of a series: a figure of one report.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The report's index on the shelf.
    pub report: usize,
    pub figure: FigureRef,
    /// The year the figure stands at: its period's, else its chapter's (一、2023年工作回顾), else
    /// its report's; `None` for a span
    /// (过去五年, 2013—2017年) or an undated report, which are listed but not drawn.
    pub year: Option<u32>,
    /// The figure's unit's line: one per base unit and measure, never mixed.
    pub line: String,
    /// The value in the line's base unit (1,351万人 → 13,510,000).
    pub value: f64,
    pub status: Status,
    /// The same year, line and status is given another value: by another report, or by the
    /// same one in another place.
    pub disputed: bool,
}

/// A measure that more than one report of a shelf gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Names the series: the author's id, or the folded label (with `@publisher` when two
    /// publishers share it).
    pub id: String,
    /// The label as the newest report writes it.
    pub label: String,
    pub publisher: String,
    /// Set by the author's `series` ids.
    pub explicit: bool,
    /// Holds figures whose labels import guessed (joined on an exact match only).
    pub guessed: bool,
    /// Its readings, by year, then report.
    pub points: Vec<Point>,
}

impl Series {
    /// The lines of the series (one per base unit and measure), in order of first appearance.
    pub fn lines(&self) -> Vec<&str> {
        let mut lines: Vec<&str> = Vec::new();
        for point in &self.points {
            if !lines.contains(&point.line.as_str()) {
                lines.push(&point.line);
            }
        }
        lines
    }

    /// The results of one line, one per year, by year: what a line through the years joins and
    /// a tooltip lists. Where two reports give a year, the newer report's reading (a restated
    /// figure); where that report itself gives the year two values, none: the year is a gap,
    /// never one of them chosen. Targets, estimates and undated readings are not among them.
    pub fn yearly_results(&self, line: &str) -> Vec<&Point> {
        let results: Vec<&Point> = self
            .points
            .iter()
            .filter(|p| p.line == line && p.status == Status::Result && p.year.is_some())
            .collect();
        let mut years: Vec<u32> = results.iter().filter_map(|p| p.year).collect();
        years.sort_unstable();
        years.dedup();
        years
            .into_iter()
            .filter_map(|year| {
                let of_year = results.iter().filter(|p| p.year == Some(year));
                let newest = of_year.clone().map(|p| p.report).max()?;
                let mut from_newest = of_year.filter(|p| p.report == newest);
                let first = *from_newest.next()?;
                let agree = from_newest.all(|p| p.value.to_bits() == first.value.to_bits());
                agree.then_some(first)
            })
            .collect()
    }

    /// How many reports give it.
    pub fn report_count(&self) -> usize {
        let mut reports: Vec<usize> = self.points.iter().map(|p| p.report).collect();
        reports.sort_unstable();
        reports.dedup();
        reports.len()
    }
}

/// What joins figures into one series.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// The author's id: across publishers, as the author says.
    Explicit(String),
    /// A confirmed label, folded, within one publisher.
    Folded { publisher: String, label: String },
    /// A guessed label, exactly as written, within one publisher.
    Exact { publisher: String, label: String },
}

/// The suffixes a label may carry and still name the same measure: 城镇新增就业人数.
const VARIANT_SUFFIXES: &[&str] = &[
    "人数", "總數", "总数", "總量", "总量", "数量", "數量", "数", "數",
];

/// A label folded for comparison: simplified, without spaces or brackets' punctuation, without
/// a variant suffix.
pub fn fold_label(label: &str) -> String {
    let folded: String = label
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '《' | '》'))
        .map(script_fold::to_simplified)
        .collect();
    for suffix in VARIANT_SUFFIXES {
        if let Some(stem) = folded.strip_suffix(suffix)
            && stem.chars().count() >= 2
        {
            return stem.to_owned();
        }
    }
    folded
}

/// A publisher folded for comparison: 示例市人民政府, 示例市政府 and 示例市 are one (a city's
/// reports name it each way); 示例市示例区 stays apart.
pub fn fold_publisher(publisher: &str) -> String {
    let folded: String = publisher
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(script_fold::to_simplified)
        .collect();
    ["人民政府", "政府"]
        .iter()
        .find_map(|suffix| folded.strip_suffix(suffix).filter(|stem| !stem.is_empty()))
        .map_or_else(|| folded.clone(), str::to_owned)
}

/// The year a figure stands at: its period's single year, else its report's. A span has none.
pub fn point_year(period: Option<&str>, report_year: Option<u32>) -> Option<u32> {
    let Some(period) = period.map(str::trim).filter(|p| !p.is_empty()) else {
        return report_year;
    };
    let years = years_in(period);
    let span = [
        "以来", "期间", "期間", "过去", "過去", "累计", "累計", "五年", "十年",
    ]
    .iter()
    .any(|w| period.contains(w));
    match years.as_slice() {
        [year] if !span => Some(*year),
        _ => None,
    }
}

/// Every year (1900–2100) written in `text`.
fn years_in(text: &str) -> Vec<u32> {
    let mut years = Vec::new();
    let mut rest = text;
    while let Some(year) = year_in(rest) {
        years.push(year);
        let digits = year.to_string();
        let at = rest
            .find(&digits)
            .map_or(rest.len(), |at| at + digits.len());
        rest = &rest[at..];
    }
    years
}

/// A year (1900–2100) written in `text`: 2018年, 2018.
pub fn year_in(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let year: u32 = chars[start..i].iter().collect::<String>().parse().ok()?;
                if (1900..=2100).contains(&year) {
                    return Some(year);
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Every series of the shelf's reports: a key given by two or more reports.
pub fn find(reports: &[Source<'_>]) -> Vec<Series> {
    let mut groups: HashMap<Key, Vec<Point>> = HashMap::default();
    let mut order: Vec<Key> = Vec::new();
    let confirmed = confirmed_labels(reports);
    for (r, report) in reports.iter().enumerate() {
        let dataset = &report.dataset;
        for (place, figure) in dataset.figures() {
            let quantity = dataset.quantity(place);
            // A range (3至5个) has no one value for a line to pass through.
            if quantity.is_range() {
                continue;
            }
            let key = key_of(report, figure, &confirmed);
            let chapter = dataset.chapter_at(place);
            // 一、2023年工作回顾 sets the year of the figures under it; the report's, given the
            // next January, would not.
            let chapter_year = [&chapter.name, &chapter.headline]
                .into_iter()
                .find_map(|text| match years_in(text).as_slice() {
                    [year] => Some(*year),
                    _ => None,
                });
            let point = Point {
                report: r,
                figure: place,
                year: point_year(figure.period.as_deref(), chapter_year.or(report.year)),
                line: format!("{}|{}", quantity.base_unit, quantity.measure().keyword()),
                value: quantity.base_value,
                status: figure.status,
                disputed: false,
            };
            let entry = groups.entry(key.clone()).or_default();
            if entry.is_empty() {
                order.push(key);
            }
            entry.push(point);
        }
    }
    let mut found: Vec<Series> = order
        .into_iter()
        .filter_map(|key| {
            let points = groups.remove(&key)?;
            let series = series_of(&key, points, reports);
            (series.report_count() >= 2).then_some(series)
        })
        .collect();
    name_apart(&mut found);
    found
}

/// Confirmed labels, folded, of each publisher: a guessed label equal to one of them joins it.
fn confirmed_labels(reports: &[Source<'_>]) -> HashMap<(String, String), String> {
    let mut labels = HashMap::default();
    for report in reports {
        let publisher = fold_publisher(report.publisher);
        for (_, figure) in report.dataset.figures() {
            if !figure.label_guessed {
                labels.insert(
                    (publisher.clone(), figure.label.trim().to_owned()),
                    fold_label(&figure.label),
                );
            }
        }
    }
    labels
}

fn key_of(
    report: &Source<'_>,
    figure: &Figure,
    confirmed: &HashMap<(String, String), String>,
) -> Key {
    if let Some(id) = figure
        .series
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return Key::Explicit(id.to_owned());
    }
    let publisher = fold_publisher(report.publisher);
    let label = figure.label.trim().to_owned();
    if !figure.label_guessed {
        return Key::Folded {
            label: fold_label(&label),
            publisher,
        };
    }
    match confirmed.get(&(publisher.clone(), label.clone())) {
        Some(folded) => Key::Folded {
            label: folded.clone(),
            publisher,
        },
        None => Key::Exact { publisher, label },
    }
}

/// A series of these points: sorted by year, its disputes marked.
fn series_of(key: &Key, mut points: Vec<Point>, reports: &[Source<'_>]) -> Series {
    points.sort_by_key(|p| (p.year.is_none(), p.year, p.report, p.figure));
    mark_disputes(&mut points);
    let figure = |p: &Point| reports[p.report].dataset.figure(p.figure);
    let newest = points
        .iter()
        .max_by_key(|p| (reports[p.report].year, p.report))
        .map(|p| figure(p).label.trim().to_owned())
        .unwrap_or_default();
    let guessed = points.iter().any(|p| figure(p).label_guessed);
    let (id, explicit, publisher) = match key {
        Key::Explicit(id) => {
            let publishers: Vec<&str> =
                points.iter().map(|p| reports[p.report].publisher).collect();
            let same = publishers.windows(2).all(|w| w[0] == w[1]);
            let publisher = if same { publishers[0] } else { "" };
            (id.clone(), true, publisher.to_owned())
        }
        Key::Folded { label, .. } | Key::Exact { label, .. } => (
            label.clone(),
            false,
            reports[points[0].report].publisher.to_owned(),
        ),
    };
    Series {
        id,
        label: newest,
        publisher,
        explicit,
        guessed,
        points,
    }
}

/// Marks points whose year, line and status are given another value elsewhere: by another
/// report (a restated figure), or by the same one (a five-year total beside a year's, both
/// without a period). Grouped by year, line and status first: a series of thousands of readings
/// is marked in one pass, not by comparing every pair.
fn mark_disputes(points: &mut [Point]) {
    let base = |p: &Point| p.value;
    let mut places: HashMap<(u32, &str, Status), Vec<usize>> = HashMap::default();
    for (i, point) in points.iter().enumerate() {
        if let Some(year) = point.year {
            places
                .entry((year, point.line.as_str(), point.status))
                .or_default()
                .push(i);
        }
    }
    let mut disputed = Vec::new();
    for readings in places.values() {
        let first = base(&points[readings[0]]).to_bits();
        if readings
            .iter()
            .any(|&i| base(&points[i]).to_bits() != first)
        {
            disputed.extend(readings.iter().copied());
        }
    }
    for i in disputed {
        points[i].disputed = true;
    }
}

/// Gives series that share an id (one label, two publishers) ids of their own.
fn name_apart(series: &mut [Series]) {
    let mut counts: HashMap<String, usize> = HashMap::default();
    for s in series.iter() {
        *counts.entry(s.id.clone()).or_default() += 1;
    }
    for s in series.iter_mut() {
        if counts[&s.id] > 1 && !s.explicit {
            s.id = format!("{}@{}", s.id, s.publisher);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fold_for_script_spacing_and_variants() {
        assert_eq!(fold_label("城镇新增就业人数"), fold_label("城镇新增就业"));
        assert_eq!(fold_label("城鎮 新增就業"), "城镇新增就业");
        // A suffix is not stripped down to nothing meaningful.
        assert_eq!(fold_label("人数"), "人数");
    }

    #[test]
    fn a_point_stands_at_its_period_not_its_reports_year() {
        assert_eq!(point_year(Some("2017年"), Some(2018)), Some(2017));
        assert_eq!(point_year(None, Some(2018)), Some(2018));
        assert_eq!(point_year(Some("过去五年"), Some(2018)), None);
        assert_eq!(point_year(Some("2013—2017年"), Some(2018)), None);
        assert_eq!(point_year(Some("八大以来"), Some(2018)), None);
    }
}
