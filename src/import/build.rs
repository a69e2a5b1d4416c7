//! A brochure's drafts made into the dataset's report: figures read, ids given, charts and key
//! figures proposed.

use std::path::Path;

use super::Failure;
use super::charts::{self, Planned};
use super::ids::Ids;
use super::infer;
use super::numbers::{self, Skipped};
use super::text::{Brochure, ChapterDraft};
use crate::report::diagnostic::Text;
use crate::report::model::{Chapter, FORMAT_VERSION, Figure, Initiative, Report};
use crate::report::script_fold::HanScript;
use crate::search::pinyin::Syllables;

/// The ids given so far, each kind unique in the report.
#[derive(Default)]
struct Naming {
    syllables: Syllables,
    chapters: Ids,
    initiatives: Ids,
    figures: Ids,
    /// How many figures were named, for ids of figures whose label has no syllable.
    figure_count: usize,
    /// What looked like a quantity but was not made a figure, with where it stands.
    skipped: Vec<(String, Skipped)>,
}

/// A report made from a brochure, with what was left out of it.
pub(crate) struct Built {
    pub report: Report,
    /// Quantities not read as figures (mixed numerals, fractions, ranges), each with the
    /// title of the initiative it stands in.
    pub skipped: Vec<(String, Skipped)>,
}

/// The report a brochure says; `source` is the brochure's file name.
pub(crate) fn report(brochure: Brochure, source: &str) -> Result<Built, Failure> {
    let script = HanScript::of(
        brochure
            .chapters
            .iter()
            .flat_map(|c| c.initiatives.iter().map(|i| i.text.as_str())),
    );
    let mut naming = Naming::default();
    let chapters = brochure
        .chapters
        .into_iter()
        .map(|draft| chapter(draft, script, &mut naming))
        .collect::<Result<Vec<_>, _>>()?;
    let title = if brochure.title.is_empty() {
        Path::new(source)
            .file_stem()
            .map_or_else(|| source.to_owned(), |s| s.to_string_lossy().into_owned())
    } else {
        brochure.title
    };
    let report = Report {
        format_version: FORMAT_VERSION,
        title,
        title_en: None,
        subtitle: brochure.subtitle,
        motto: brochure.motto,
        source: source.to_owned(),
        publisher: brochure.publisher,
        year: brochure.year,
        date: brochure.date,
        speaker: brochure.speaker,
        salutation: brochure.salutation,
        chapters,
    };
    Ok(Built {
        report,
        skipped: naming.skipped,
    })
}

/// One chapter: its initiatives with their figures, its charts and key figures.
fn chapter(
    draft: ChapterDraft,
    script: HanScript,
    naming: &mut Naming,
) -> Result<Chapter, Failure> {
    let number = draft.number;
    let id = naming.chapters.make(
        &draft.name,
        &format!("chapter-{number}"),
        &mut naming.syllables,
    );
    let mut initiatives = Vec::with_capacity(draft.initiatives.len());
    let mut planned: Vec<Planned> = Vec::new();
    let plan = crate::report::comparison::is_plan_chapter(&draft.name, &draft.headline);
    for (i, initiative) in draft.initiatives.into_iter().enumerate() {
        let text = infer::normalize_marks(&initiative.text).map_err(|_| {
            let title = &initiative.title;
            (
                Some(initiative.place),
                Text::new(
                    format!("a `**` in the text of 「{title}」 is never closed"),
                    format!("「{title}」的正文中有一个 `**` 没有闭合"),
                ),
            )
        })?;
        // Published reports never bold their numbers: every number with a unit is marked.
        let marked = numbers::mark(&text);
        let text = marked.text;
        let title = &initiative.title;
        naming
            .skipped
            .extend(marked.skipped.into_iter().map(|s| (title.clone(), s)));
        planned.extend(
            infer::guess_figures(&text, title)
                .into_iter()
                .map(|mut guess| {
                    guess.stressed = marked.stressed.get(guess.mark).copied().unwrap_or(false);
                    // 新建改建农村公路20万公里 under 对2018年政府工作的建议 is a plan, said
                    // without 力争: a target, unless its sentence speaks of the past.
                    let past = crate::report::comparison::PAST_WORDS
                        .iter()
                        .any(|w| guess.lead.contains(w));
                    if plan && !past && guess.status == crate::report::model::Status::Result {
                        guess.status = crate::report::model::Status::Target;
                    }
                    guess
                })
                .map(|guess| Planned {
                    initiative: i,
                    guess,
                    id: String::new(),
                }),
        );
        let id = naming.initiatives.make(
            &initiative.title,
            &format!("initiative-{number}-{}", i + 1),
            &mut naming.syllables,
        );
        initiatives.push(Initiative {
            id,
            title: initiative.title,
            title_en: None,
            text,
            figures: Vec::new(),
        });
    }
    // Pairs first: they relabel figures, and ids are made from labels.
    let pairs = charts::pair(&mut planned, script);
    for figure in &mut planned {
        naming.figure_count += 1;
        figure.id = naming.figures.make(
            &figure.guess.label,
            &format!("figure-{}", naming.figure_count),
            &mut naming.syllables,
        );
    }
    let charts = charts::charts(&planned, pairs);
    let key_figures = charts::key_figures(&planned, &charts);
    for figure in planned {
        initiatives[figure.initiative]
            .figures
            .push(model_figure(figure));
    }
    Ok(Chapter {
        id,
        number,
        name: draft.name,
        name_en: None,
        headline: draft.headline,
        headline_en: None,
        initiatives,
        charts,
        key_figures,
    })
}

fn model_figure(planned: Planned) -> Figure {
    let guess = planned.guess;
    Figure {
        id: planned.id,
        label: guess.label,
        label_en: None,
        // Every label is read off the text by rules of thumb: its author confirms it.
        label_guessed: true,
        prefix: guess.prefix,
        value: guess.value,
        value_to: guess.value_to,
        numeral: guess.numeral,
        unit: guess.unit,
        stressed: guess.stressed,
        status: guess.status,
        period: guess.period,
        period_en: None,
        series: None,
    }
}
