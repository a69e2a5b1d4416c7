//! An imported report's guessed labels, reviewed by its author: each guessed figure accepted,
//! given another label, or dropped (its number left in the text, unmarked). The viewer's review
//! (`View::Review`) collects the verdicts; this writes the report they make.

use std::collections::BTreeMap;

use crate::document::dataset::{Dataset, FigureRef};
use crate::report::model::{Report, Status};

/// What the author decided of one guessed figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The guessed label is right.
    Accept,
    /// The figure is right, its label is this.
    Relabel(String),
    /// The number is no figure (a name, a date, a count of nothing): left unmarked in the text.
    Drop,
}

/// The figures whose labels the importer guessed, in reading order: what a review goes through.
pub fn guessed(dataset: &Dataset) -> Vec<FigureRef> {
    dataset
        .figures()
        .filter(|(_, figure)| figure.label_guessed)
        .map(|(place, _)| place)
        .collect()
}

/// The report with the verdicts applied. Figures without a verdict stay as they are (still
/// marked as guessed, for `huimou check` to remind of them). A dropped figure leaves the charts
/// and the key figures that showed it; a chart left with fewer figures than its kind shows is
/// dropped too.
pub fn apply(
    dataset: &Dataset,
    verdicts: &BTreeMap<FigureRef, Verdict>,
    statuses: &BTreeMap<FigureRef, Status>,
) -> Report {
    let mut report = dataset.report.clone();
    // A status set in the review (力争 the import did not read), before any figure is dropped
    // and the places move.
    for (&place, &status) in statuses {
        if let Some(figure) = report.chapters[place.chapter].initiatives[place.initiative]
            .figures
            .get_mut(place.figure)
        {
            figure.status = status;
        }
    }
    let mut dropped_ids = Vec::new();
    // From the last figure back, so that the places and text ranges still to change keep
    // their meaning.
    for (&place, verdict) in verdicts.iter().rev() {
        let initiative = &mut report.chapters[place.chapter].initiatives[place.initiative];
        let Some(figure) = initiative.figures.get_mut(place.figure) else {
            continue;
        };
        match verdict {
            Verdict::Accept => figure.label_guessed = false,
            Verdict::Relabel(label) => {
                figure.label = label.trim().to_owned();
                figure.label_guessed = false;
            }
            Verdict::Drop => {
                dropped_ids.push((place.chapter, figure.id.clone()));
                initiative.figures.remove(place.figure);
                let segments = dataset.segments(place.chapter, place.initiative);
                if let Some(segment) = segments.iter().find(|s| s.figure == Some(place.figure)) {
                    unmark(&mut initiative.text, segment.range.clone());
                }
            }
        }
    }
    for (c, id) in dropped_ids {
        let chapter = &mut report.chapters[c];
        chapter.key_figures.retain(|key| *key != id);
        for chart in &mut chapter.charts {
            chart.figures.retain(|shown| *shown != id);
        }
        chapter.charts.retain(|chart| {
            let needed = chart.kind.required_figures().unwrap_or(1);
            chart.figures.len() >= needed
        });
    }
    report
}

/// The dataset's own text with the verdicts written into it: only the values they change are
/// rewritten (a guessed flag set to false, a label, a text unmarked, a figure, chart or key
/// figure taken out), so the author's comments, order and English stay as they are. `None`
/// when the text cannot be changed so that it reads as [`apply`]'s report (then nothing is
/// written).
pub fn apply_to_source(
    source: &str,
    dataset: &Dataset,
    verdicts: &BTreeMap<FigureRef, Verdict>,
    statuses: &BTreeMap<FigureRef, Status>,
) -> Option<String> {
    use crate::report::locate::{SourceMap, Step::Field, Step::Index};
    let applied = apply(dataset, verdicts, statuses);
    let map = SourceMap::new(source);
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut touched = std::collections::BTreeSet::new();
    for (&place, verdict) in verdicts {
        let figure = figure_path(place);
        let at = |field| map.span(&[&figure[..], &[Field(field)]].concat());
        let unflag = at("label_guessed").map(|span| (span, "false".to_owned()));
        match verdict {
            Verdict::Accept => edits.extend(unflag),
            Verdict::Relabel(label) => {
                edits.push((at("label")?, super::write::string(label.trim())));
                edits.extend(unflag);
            }
            Verdict::Drop => {
                edits.push((whole_item(source, map.span(&figure)?), String::new()));
                touched.insert((place.chapter, place.initiative));
            }
        }
    }
    for (&place, &status) in statuses {
        if verdicts.get(&place) != Some(&Verdict::Drop) {
            edits.push(status_edit(source, &map, place, status)?);
        }
    }
    for &(c, i) in &touched {
        let path = [
            Field("chapters"),
            Index(c),
            Field("initiatives"),
            Index(i),
            Field("text"),
        ];
        let text = &applied.chapters[c].initiatives[i].text;
        edits.push((map.span(&path)?, super::write::string(text)));
    }
    let chapters: std::collections::BTreeSet<usize> = touched.iter().map(|&(c, _)| c).collect();
    for c in chapters {
        edits.extend(chapter_edits(source, &map, dataset, &applied, c)?);
    }
    let edited = with_edits(source, edits)?;
    // Written only if it reads back as the report the verdicts make.
    let origin = crate::document::dataset::Origin::Embedded;
    let reread = crate::document::load::load_str(&edited, origin).ok()?;
    (reread.report == applied).then_some(edited)
}

/// Where a figure stands in a dataset's text, as a path for its source map.
fn figure_path(place: FigureRef) -> [crate::report::locate::Step<'static>; 6] {
    use crate::report::locate::{Step::Field, Step::Index};
    [
        Field("chapters"),
        Index(place.chapter),
        Field("initiatives"),
        Index(place.initiative),
        Field("figures"),
        Index(place.figure),
    ]
}

/// A figure's status written into its text: its `status` field's value replaced, or one put
/// in before the figure's closing bracket.
fn status_edit(
    source: &str,
    map: &crate::report::locate::SourceMap<'_>,
    place: FigureRef,
    status: Status,
) -> Option<(std::ops::Range<usize>, String)> {
    use crate::report::locate::Step::Field;
    let figure = figure_path(place);
    let written = format!("{status:?}");
    if let Some(span) = map.span(&[&figure[..], &[Field("status")]].concat()) {
        return Some((span, written));
    }
    let span = map.span(&figure)?;
    let close = span.end.checked_sub(1)?;
    (source.get(close..span.end) == Some(")"))
        .then(|| (close..close, format!(", status: {written}")))
}

/// A chapter's key figures and charts once dropped figures have left them: each list
/// rewritten, a chart left with too few figures taken out.
fn chapter_edits(
    source: &str,
    map: &crate::report::locate::SourceMap<'_>,
    dataset: &Dataset,
    applied: &Report,
    c: usize,
) -> Option<Vec<(std::ops::Range<usize>, String)>> {
    use crate::report::locate::{Step::Field, Step::Index};
    let ids = |list: &[String]| {
        let quoted: Vec<String> = list.iter().map(|id| super::write::string(id)).collect();
        format!("[{}]", quoted.join(", "))
    };
    let (before, after) = (&dataset.report.chapters[c], &applied.chapters[c]);
    let mut edits = Vec::new();
    if before.key_figures != after.key_figures {
        let path = [Field("chapters"), Index(c), Field("key_figures")];
        edits.push((map.span(&path)?, ids(&after.key_figures)));
    }
    let mut kept = after.charts.iter();
    let mut next = kept.next();
    for (k, chart) in before.charts.iter().enumerate() {
        let path = [Field("chapters"), Index(c), Field("charts"), Index(k)];
        match next {
            // The same chart, kept (a kept chart keeps its title and kind).
            Some(now) if now.title == chart.title && now.kind == chart.kind => {
                if now.figures != chart.figures {
                    let figures = [&path[..], &[Field("figures")]].concat();
                    edits.push((map.span(&figures)?, ids(&now.figures)));
                }
                next = kept.next();
            }
            _ => edits.push((whole_item(source, map.span(&path)?), String::new())),
        }
    }
    Some(edits)
}

/// A list item's span with the comma after it, and its whole line when it stands on one of
/// its own (with the comment the importer writes after a figure).
fn whole_item(source: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let line_start = source[..span.start].rfind('\n').map_or(0, |at| at + 1);
    let alone = source[line_start..span.start].trim().is_empty();
    let mut end = span.end;
    let rest = &source[end..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if rest[spaces..].starts_with(',') {
        end += spaces + 1;
    }
    let line_end = source[end..]
        .find('\n')
        .map_or(source.len(), |at| end + at + 1);
    let tail = source[end..line_end].trim();
    if alone && (tail.is_empty() || tail.starts_with("//")) {
        line_start..line_end
    } else {
        span.start..end
    }
}

/// The text with each range replaced, or `None` when two ranges overlap.
fn with_edits(source: &str, mut edits: Vec<(std::ops::Range<usize>, String)>) -> Option<String> {
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut text = source.to_owned();
    let mut limit = source.len();
    for (range, replacement) in edits {
        if range.end > limit {
            return None;
        }
        limit = range.start;
        text.replace_range(range, &replacement);
    }
    Some(text)
}

/// Takes away the `**` around the number at `inner` (its range without them).
fn unmark(text: &mut String, inner: std::ops::Range<usize>) {
    let close = inner.end..inner.end + 2;
    let open = inner.start.saturating_sub(2)..inner.start;
    if text.get(close.clone()) == Some("**") && text.get(open.clone()) == Some("**") {
        text.replace_range(close, "");
        text.replace_range(open, "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Dataset {
        let imported = crate::import::import_text(
            "一、经济发展\n\n全年粮食产量达到6.5亿吨，新建高标准农田8000万亩。\n\n\
             二、民生保障\n\n城镇新增就业1200万人，开行班列120列。\n",
            "test.txt",
        )
        .expect("imports");
        crate::document::load::load_str(
            &imported.ron,
            crate::document::dataset::Origin::File("test.ron".into()),
        )
        .expect("loads")
    }

    /// Verdicts written into a dataset's own text keep everything else of it: a comment, an
    /// English label, the order, a chart's English title.
    #[test]
    fn verdicts_are_written_into_the_dataset_s_own_text() {
        let dataset = draft();
        let guessed = guessed(&dataset);
        let source = format!(
            "// 作者的注释\n{}",
            crate::import::write_dataset(&dataset.report, "test.txt")
        )
        .replacen(
            "label_guessed: true,",
            "label_en: Some(\"Grain output\"), label_guessed: true,",
            1,
        );
        let dataset = crate::document::load::load_str(
            &source,
            crate::document::dataset::Origin::File("test.ron".into()),
        )
        .expect("loads");
        let mut verdicts = BTreeMap::new();
        verdicts.insert(guessed[0], Verdict::Accept);
        verdicts.insert(guessed[1], Verdict::Relabel("高标准\"农田\"".to_owned()));
        verdicts.insert(guessed[2], Verdict::Drop);
        let edited =
            apply_to_source(&source, &dataset, &verdicts, &BTreeMap::new()).expect("written");
        assert!(edited.starts_with("// 作者的注释\n"), "{edited}");
        assert!(edited.contains("label_en: Some(\"Grain output\"), label_guessed: false"));
        assert!(edited.contains("label: \"高标准\\\"农田\\\"\""), "{edited}");
        let reread =
            crate::document::load::load_str(&edited, crate::document::dataset::Origin::Embedded)
                .expect("loads");
        assert_eq!(reread.report, apply(&dataset, &verdicts, &BTreeMap::new()));
        assert_eq!(reread.figures().count(), dataset.figures().count() - 1);
        // A status set in the review: put in where the figure had none, replaced where it had.
        let statuses =
            BTreeMap::from([(guessed[0], Status::Target), (guessed[1], Status::Estimate)]);
        let edited = apply_to_source(&source, &dataset, &verdicts, &statuses).expect("written");
        assert_eq!(
            edited.matches("status: Target").count(),
            1 + source.matches("status: Target").count()
        );
        let reread =
            crate::document::load::load_str(&edited, crate::document::dataset::Origin::Embedded)
                .expect("loads");
        assert_eq!(reread.report, apply(&dataset, &verdicts, &statuses));
        let again =
            crate::document::load::load_str(&edited, crate::document::dataset::Origin::Embedded)
                .expect("loads");
        let statuses_back = BTreeMap::from([(guessed[0], Status::Result)]);
        let edited_back =
            apply_to_source(&edited, &again, &BTreeMap::new(), &statuses_back).expect("written");
        assert_eq!(
            edited_back.matches("status: Target").count(),
            source.matches("status: Target").count()
        );
        // Nothing decided, nothing changed.
        assert_eq!(
            apply_to_source(&source, &dataset, &BTreeMap::new(), &BTreeMap::new()).as_deref(),
            Some(source.as_str())
        );
    }

    /// A figure dropped from a chart: a bar chart keeps the other, a progress chart (two
    /// figures or none) goes, and the text is unmarked; everything else is as written.
    #[test]
    fn a_dropped_figure_leaves_its_charts_in_the_text() {
        let source = include_str!("../../tests/data/good/minimal.ron");
        let dataset =
            crate::document::load::load_str(source, crate::document::dataset::Origin::Embedded)
                .expect("loads");
        let granted = FigureRef {
            chapter: 0,
            initiative: 0,
            figure: 3,
        };
        assert_eq!(dataset.figure(granted).id, "granted");
        let verdicts = BTreeMap::from([(granted, Verdict::Drop)]);
        let edited =
            apply_to_source(source, &dataset, &verdicts, &BTreeMap::new()).expect("written");
        assert!(edited.contains(r#"(title: "专利（项）", kind: Bars, figures: ["patents"]),"#));
        assert!(!edited.contains("授权比例"), "{edited}");
        assert!(edited.contains("授权专利超过 900 项。"), "{edited}");
        assert!(!edited.contains(r#"(id: "granted""#), "{edited}");
        // The lines the drop did not touch are the file's own.
        let kept = |text: &str| {
            text.lines()
                .filter(|l| {
                    !["granted", "授权", "专利（项）"]
                        .iter()
                        .any(|w| l.contains(w))
                })
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(kept(&edited), kept(source));
    }

    #[test]
    fn each_verdict_changes_its_figure_and_the_dataset_still_loads() {
        let dataset = draft();
        let guessed = guessed(&dataset);
        assert!(guessed.len() >= 3, "{guessed:?}");
        let mut verdicts = BTreeMap::new();
        verdicts.insert(guessed[0], Verdict::Accept);
        verdicts.insert(guessed[1], Verdict::Relabel("高标准农田".to_owned()));
        verdicts.insert(guessed[2], Verdict::Drop);
        let dropped = dataset.figure(guessed[2]).clone();
        let report = apply(&dataset, &verdicts, &BTreeMap::new());

        let all: Vec<_> = report
            .chapters
            .iter()
            .flat_map(|c| &c.initiatives)
            .flat_map(|i| &i.figures)
            .collect();
        assert_eq!(all.len(), dataset.figures().count() - 1);
        assert!(all.iter().all(|f| f.id != dropped.id), "dropped");
        let first = dataset.figure(guessed[0]);
        assert!(all.iter().any(|f| f.id == first.id && !f.label_guessed));
        assert!(
            all.iter()
                .any(|f| f.label == "高标准农田" && !f.label_guessed)
        );
        // The dropped number stays in the text, unmarked; the others keep their marks.
        let text: String = report
            .chapters
            .iter()
            .flat_map(|c| &c.initiatives)
            .map(|i| i.text.clone())
            .collect();
        let place = guessed[2];
        let segment = dataset
            .segments(place.chapter, place.initiative)
            .iter()
            .find(|s| s.figure == Some(place.figure))
            .expect("its mark");
        let number = &dataset.initiative_at(place).text[segment.range.clone()];
        assert!(text.contains(number), "{text}");
        assert!(!text.contains(&format!("**{number}**")), "{text}");
        assert_eq!(
            text.matches("**").count(),
            2 * (dataset.figures().count() - 1)
        );
        // Written and read again, the reviewed report is a dataset that opens.
        let ron = crate::import::write_dataset(&report, "test.txt");
        let reloaded = crate::document::load::load_str(
            &ron,
            crate::document::dataset::Origin::File("reviewed.ron".into()),
        )
        .expect("the reviewed dataset loads");
        assert_eq!(
            reloaded.figures().filter(|(_, f)| f.label_guessed).count(),
            guessed.len() - 3
        );
    }
}
