//! A loaded, validated report with what Huimou derives from it (quantities, text segments).

use rustc_hash::FxHashMap as HashMap;
use std::path::PathBuf;

use crate::report::diagnostic::Diagnostic;
use crate::report::markup::Segment;
use crate::report::model::{Chapter, ChartKind, Figure, Initiative, Report};
use crate::report::quantity::Quantity;
use crate::report::script_fold::HanScript;
use crate::search::SearchIndex;

/// Where a dataset came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The Chengdu report built into the binary.
    Embedded,
    /// A file the user opened.
    File(PathBuf),
}

impl Origin {
    /// The name diagnostics use for it.
    pub fn display_name(&self) -> String {
        match self {
            Self::Embedded => EMBEDDED_NAME.to_owned(),
            Self::File(path) => path.display().to_string(),
        }
    }
}

/// What the embedded report is called where a file's path would be (the file it was built from).
pub const EMBEDDED_NAME: &str = "data/chengdu-cast-review.ron";

pub use crate::report::model::InitiativeRef;

/// Where a chart stands in the report: its chapter, and its position among the chapter's charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ChartRef {
    /// Index of the chapter.
    pub chapter: usize,
    /// Index of the chart in its chapter.
    pub chart: usize,
}

impl FigureRef {
    /// The initiative the figure belongs to.
    pub fn initiative_ref(self) -> InitiativeRef {
        InitiativeRef {
            chapter: self.chapter,
            initiative: self.initiative,
        }
    }
}

/// Where a figure stands in the report: chapter, initiative and figure indexes; ordered as
/// the report reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FigureRef {
    /// Index of the chapter.
    pub chapter: usize,
    /// Index of the initiative in its chapter.
    pub initiative: usize,
    /// Index of the figure in its initiative.
    pub figure: usize,
}

/// A report that passed validation, ready to show.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// The report as written.
    pub report: Report,
    /// Where it came from.
    pub origin: Origin,
    /// What validation had to say that does not stop the report from being shown (at most
    /// about a hundred, then a note that counts the rest).
    pub warnings: Vec<Diagnostic>,
    /// How many warnings validation found, listed or not (as `huimou check` counts them).
    pub warning_count: usize,
    /// `quantities[chapter][initiative][figure]`.
    quantities: Vec<Vec<Vec<Quantity>>>,
    /// Made on first use: a large dataset's loading should not wait for it.
    by_id: std::sync::OnceLock<HashMap<String, FigureRef>>,
    /// `segments[chapter][initiative]`: the initiative's text split at its figures.
    segments: Vec<Vec<Vec<Segment>>>,
    index: SearchIndex,
    /// The script the report is written in, judged once from its text.
    script: HanScript,
}

/// The script of a report: its title, headlines and texts decide.
fn script_of(report: &Report) -> HanScript {
    let texts = report.chapters.iter().flat_map(|chapter| {
        std::iter::once(chapter.headline.as_str())
            .chain(chapter.initiatives.iter().map(|i| i.text.as_str()))
    });
    HanScript::of(std::iter::once(report.title.as_str()).chain(texts))
}

impl Dataset {
    pub(crate) fn new(
        report: Report,
        origin: Origin,
        (warnings, warning_count): (Vec<Diagnostic>, usize),
        quantities: Vec<Vec<Vec<Quantity>>>,
        segments: Vec<Vec<Vec<Segment>>>,
        index: SearchIndex,
    ) -> Self {
        let by_id = std::sync::OnceLock::new();
        let script = script_of(&report);
        Self {
            script,
            report,
            origin,
            warnings,
            warning_count,
            quantities,
            by_id,
            segments,
            index,
        }
    }

    /// The script the report is written in: its figures' magnitudes are shown in it.
    pub fn script(&self) -> HanScript {
        self.script
    }

    /// The sentence a figure stands in, its marks taken out, and where its number is in it.
    pub fn sentence_of(&self, place: FigureRef) -> (String, std::ops::Range<usize>) {
        let text = &self.initiative_at(place).text;
        let Some(segment) = self
            .segments(place.chapter, place.initiative)
            .iter()
            .find(|s| s.figure == Some(place.figure))
        else {
            return (String::new(), 0..0);
        };
        let ends = ['。', '！', '？', '；', '\n'];
        let (at, to) = (segment.range.start, segment.range.end);
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| ends.contains(c))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let end = text[to..]
            .char_indices()
            .find(|(_, c)| ends.contains(c))
            .map_or(text.len(), |(k, c)| to + k + c.len_utf8());
        let before = text[start..segment.range.start].replace("**", "");
        let number = &text[segment.range.clone()];
        let after = text[segment.range.end..end].replace("**", "");
        let lit = before.len()..before.len() + number.len();
        (format!("{before}{number}{after}"), lit)
    }

    /// A figure as its text writes it: the word before, the number exactly as in the text
    /// (4.0 stays 4.0), and the unit.
    pub fn figure_as_written(&self, place: FigureRef) -> String {
        let figure = self.figure(place);
        let text = &self.initiative_at(place).text;
        let number = self
            .segments(place.chapter, place.initiative)
            .iter()
            .find(|s| s.figure == Some(place.figure))
            .and_then(|s| text.get(s.range.clone()));
        match number {
            Some(number) => {
                let (number, mut unit) = (number.trim(), figure.unit.trim());
                // A mark may hold the percent sign its unit also starts with (**11.7%**, %).
                if number.ends_with(['%', '％']) {
                    unit = unit.trim_start_matches(['%', '％']);
                }
                let prefix = figure.prefix.as_deref().unwrap_or_default().trim();
                format!("{prefix}{number}{unit}")
            }
            None => crate::report::quantity::written(
                figure.prefix.as_deref(),
                figure.value,
                &figure.unit,
            ),
        }
    }

    /// The search index of the report.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The figure with this id, and where it stands.
    pub fn figure_by_id(&self, id: &str) -> Option<(FigureRef, &Figure)> {
        let by_id = self.by_id.get_or_init(|| {
            figure_refs(&self.report)
                .map(|(r, figure)| (figure.id.clone(), r))
                .collect()
        });
        let r = *by_id.get(id)?;
        Some((r, self.figure(r)))
    }

    /// The figure at a place.
    pub fn figure(&self, r: FigureRef) -> &Figure {
        &self.initiative_at(r).figures[r.figure]
    }

    /// The chapter a figure belongs to.
    pub fn chapter_at(&self, r: FigureRef) -> &Chapter {
        &self.report.chapters[r.chapter]
    }

    /// The initiative a figure belongs to.
    pub fn initiative_at(&self, r: FigureRef) -> &Initiative {
        &self.report.chapters[r.chapter].initiatives[r.initiative]
    }

    /// What a figure's value means in base units.
    pub fn quantity(&self, r: FigureRef) -> &Quantity {
        &self.quantities[r.chapter][r.initiative][r.figure]
    }

    /// An initiative's text split at its figures.
    pub fn segments(&self, chapter: usize, initiative: usize) -> &[Segment] {
        &self.segments[chapter][initiative]
    }

    /// Every figure in report order with its place.
    pub fn figures(&self) -> impl Iterator<Item = (FigureRef, &Figure)> {
        figure_refs(&self.report)
    }

    /// Every figure of chapter `c`, in order.
    pub fn chapter_figures(&self, c: usize) -> impl Iterator<Item = (FigureRef, &Figure)> {
        chapter_figure_refs(c, &self.report.chapters[c])
    }

    /// The figures chapter `c` leads with on the overview and its slide, each once, at most
    /// [`KEY_FIGURES`]: those its author named (`key_figures`); otherwise one from each chart (the
    /// later of a comparison, which is the point of it; the first of the others), then the
    /// chapter's other figures whose labels are not shown yet.
    pub fn key_figures(&self, c: usize) -> Vec<FigureRef> {
        let chapter = &self.report.chapters[c];
        let mut places: Vec<FigureRef> = Vec::with_capacity(KEY_FIGURES);
        let add = |place: FigureRef, places: &mut Vec<FigureRef>| {
            if places.len() < KEY_FIGURES && !places.contains(&place) {
                places.push(place);
            }
        };
        if !chapter.key_figures.is_empty() {
            for id in &chapter.key_figures {
                if let Some((place, _)) = self.figure_by_id(id) {
                    add(place, &mut places);
                }
            }
            return places;
        }
        let leads = chapter.charts.iter().filter_map(|chart| match chart.kind {
            ChartKind::Comparison => chart.figures.last(),
            ChartKind::Bars | ChartKind::Progress => chart.figures.first(),
        });
        for id in leads {
            if let Some((place, _)) = self.figure_by_id(id).filter(|(p, _)| p.chapter == c) {
                add(place, &mut places);
            }
        }
        for (place, figure) in self.chapter_figures(c) {
            let shown = places.iter().any(|p| self.figure(*p).label == figure.label);
            if !shown {
                add(place, &mut places);
            }
        }
        places
    }
}

/// The most figures a chapter leads with on the overview and its slide (a rule of the format:
/// `check` warns when a chapter names more).
pub use crate::report::model::KEY_FIGURES;

fn figure_refs(report: &Report) -> impl Iterator<Item = (FigureRef, &Figure)> {
    report
        .chapters
        .iter()
        .enumerate()
        .flat_map(|(c, chapter)| chapter_figure_refs(c, chapter))
}

fn chapter_figure_refs(
    c: usize,
    chapter: &crate::report::model::Chapter,
) -> impl Iterator<Item = (FigureRef, &Figure)> {
    chapter
        .initiatives
        .iter()
        .enumerate()
        .flat_map(move |(i, initiative)| {
            initiative
                .figures
                .iter()
                .enumerate()
                .map(move |(f, figure)| {
                    (
                        FigureRef {
                            chapter: c,
                            initiative: i,
                            figure: f,
                        },
                        figure,
                    )
                })
        })
}
