//! An imported report's guessed labels, reviewed by its author: each guessed figure accepted,
//! given another label, or dropped (its number left in the text, unmarked). The viewer's review
//! (`View::Review`) collects the verdicts; this writes the report they make.

use std::collections::BTreeMap;

use crate::document::dataset::{Dataset, FigureRef};
use crate::report::model::Report;

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
pub fn apply(dataset: &Dataset, verdicts: &BTreeMap<FigureRef, Verdict>) -> Report {
    let mut report = dataset.report.clone();
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
        let report = apply(&dataset, &verdicts);

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
