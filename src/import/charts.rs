//! Charts and key figures proposed for an imported chapter: two percentages of one measure in
//! two years make a Comparison, "N 项 … 完成 M 项" a Progress, and the other figures that count
//! the same thing (项 with 项, 元 with 元) Bars of at most six.

use crate::document::dataset::KEY_FIGURES;
use crate::report::model::{Chart, ChartKind};
use crate::report::script_fold::HanScript;

use super::infer::{FromTo, Guess};
use crate::report::comparison::{self, Claim, Reading};

/// The most bars a proposed chart has; more would not read at a glance.
const MAX_BARS: usize = 6;

/// A figure of the chapter being imported: which initiative it belongs to, what was read of
/// it, and its id once it has one.
pub(crate) struct Planned {
    pub initiative: usize,
    pub guess: Guess,
    pub id: String,
}

/// Two figures that make a chart of their own, by their places in the chapter's figures.
pub(crate) struct Pair {
    kind: ChartKind,
    figures: [usize; 2],
    title: String,
}

/// Finds the comparisons and progress charts among a chapter's figures (neighbours in one
/// initiative), and labels their second figures after the first: both of a comparison count
/// one measure, and the part of a progress is the finished share of the whole.
pub(crate) fn pair(figures: &mut [Planned], script: HanScript) -> Vec<Pair> {
    let mut pairs: Vec<Pair> = Vec::new();
    let mut used = vec![false; figures.len()];
    for i in 1..figures.len() {
        if used[i - 1] || figures[i - 1].initiative != figures[i].initiative {
            continue;
        }
        let (a, b) = (&figures[i - 1].guess, &figures[i].guess);
        // A range (3至5个) is no one value for a bar to stand at.
        if a.quantity.is_range() || b.quantity.is_range() {
            continue;
        }
        let pair = if is_comparison(a, b) || is_from_to(a, b) {
            let measure = a.label.clone();
            figures[i].guess.label.clone_from(&measure);
            // Drawn before, then after.
            let earlier_first = figures[i - 1].guess.period <= figures[i].guess.period;
            let order = if earlier_first {
                [i - 1, i]
            } else {
                [i, i - 1]
            };
            Pair {
                kind: ChartKind::Comparison,
                figures: order,
                title: measure,
            }
        } else if is_progress(a, b) {
            let whole = a.label.clone();
            figures[i].guess.label = format!("已完成的{whole}");
            let status = match script {
                HanScript::Simplified => "完成情况",
                HanScript::Traditional => "完成情況",
            };
            Pair {
                kind: ChartKind::Progress,
                figures: [i, i - 1],
                title: format!("{whole}{status}"),
            }
        } else {
            continue;
        };
        used[i - 1] = true;
        used[i] = true;
        pairs.push(pair);
    }
    pairs
}

/// Two percentages of one sentence with two different years (11.7% in 2018, 6.2% in 2012).
fn is_comparison(a: &Guess, b: &Guess) -> bool {
    a.quantity.is_percent()
        && b.quantity.is_percent()
        && a.period.is_some()
        && b.period.is_some()
        && a.period != b.period
        // A target set beside a result is no change that happened.
        && claim(a, b) == Claim::Change
}

/// 从 54 万亿元增加到 82.7 万亿元: one measure, before and after, in one phrase.
fn is_from_to(a: &Guess, b: &Guess) -> bool {
    a.from_to == Some(FromTo::From) && b.from_to == Some(FromTo::To) && claim(a, b) == Claim::Change
}

/// What the two figures may claim, by the one definition the loader's `check` and the
/// captions use.
fn claim(a: &Guess, b: &Guess) -> Claim {
    comparison::claim(&reading(a), &reading(b))
}

fn reading(guess: &Guess) -> Reading<'_> {
    Reading {
        label: &guess.label,
        period: guess.period.as_deref(),
        quantity: &guess.quantity,
        status: guess.status,
    }
}

/// A whole, then a part of it said to be done: 21 项 … 已完成 19 项.
fn is_progress(whole: &Guess, part: &Guess) -> bool {
    let counter = &whole.quantity.counter;
    !counter.is_empty()
        && !whole.quantity.is_percent()
        && *counter == part.quantity.counter
        && part.quantity.base_value <= whole.quantity.base_value
        && part.lead.contains("完成")
        && whole.status == part.status
}

/// The chapter's charts: its pairs, then Bars of the figures left that count the same thing.
pub(crate) fn charts(figures: &[Planned], pairs: Vec<Pair>) -> Vec<Chart> {
    let mut used = vec![false; figures.len()];
    let mut charts: Vec<Chart> = pairs
        .into_iter()
        .map(|pair| {
            for &f in &pair.figures {
                used[f] = true;
            }
            Chart {
                title: pair.title,
                title_en: None,
                kind: pair.kind,
                figures: pair
                    .figures
                    .iter()
                    .map(|&f| figures[f].id.clone())
                    .collect(),
            }
        })
        .collect();
    for group in bar_groups(figures, &used) {
        // Split evenly (7 bars as 4 and 3, not 6 and 1).
        let count = group.len().div_ceil(MAX_BARS);
        let size = group.len().div_ceil(count);
        for chunk in group.chunks(size).filter(|c| c.len() >= 2) {
            let first = &figures[chunk[0]].guess;
            charts.push(Chart {
                title: format!("{}等（{}）", first.label, first.quantity.base_unit),
                title_en: None,
                kind: ChartKind::Bars,
                figures: chunk.iter().map(|&f| figures[f].id.clone()).collect(),
            });
        }
    }
    charts
}

/// What figures share to be drawn as bars together: their counter, their sentence (initiative
/// and sentence within it) when they are not stressed, and their status.
type GroupKey<'a> = (
    &'a str,
    Option<(usize, usize)>,
    crate::report::model::Status,
);

/// The figures not in a pair that count the same thing, grouped by their counter (in
/// simplified form, so that 個 and 个 go together) in order of appearance. Percentages of
/// different measures compare nothing, and a figure printed twice is drawn once.
fn bar_groups(figures: &[Planned], used: &[bool]) -> Vec<Vec<usize>> {
    // Figures the author stressed may be drawn together across the chapter, as the brochure
    // chose them; plain figures of a published report only within their own sentence, so a
    // chart never sets one section's 元 against another's, nor a population against its births.
    let mut groups: Vec<(GroupKey<'_>, Vec<usize>)> = Vec::new();
    let mut seen: Vec<&Guess> = Vec::new();
    // The sentence each figure stands in, counted within its initiative: a bulletin's sentence
    // lists like things (第一产业增加值…；第二产业增加值…), its next sentence another measure
    // (常住人口 985万人。出生人口 8.5万人).
    let mut sentence = (usize::MAX, 0);
    for (f, planned) in figures.iter().enumerate() {
        let guess = &planned.guess;
        if sentence.0 != planned.initiative {
            sentence = (planned.initiative, 0);
        } else if guess.lead.contains(['。', '！', '？', '\n']) {
            sentence.1 += 1;
        }
        let counter = guess.quantity.counter.as_str();
        // A change (减少0.4万人) is no level to stand beside others, and a decrease drawn as a
        // bar would read as an amount.
        if used[f]
            || counter.is_empty()
            || guess.quantity.is_percent()
            || guess.quantity.is_range()
            || guess.is_change()
        {
            continue;
        }
        let repeated = seen
            .iter()
            .any(|s| s.label == guess.label && s.value == guess.value && s.unit == guess.unit);
        if repeated {
            continue;
        }
        seen.push(guess);
        let key = (counter, (!guess.stressed).then_some(sentence), guess.status);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(f),
            None => groups.push((key, vec![f])),
        }
    }
    groups
        .into_iter()
        .map(|(_, group)| group)
        .filter(|group| group.len() >= 2)
        .collect()
}

/// The figures a chapter leads with: one from each chart (the later of a comparison, the part
/// of a progress, the largest bar), then the others, each label once.
pub(crate) fn key_figures(figures: &[Planned], charts: &[Chart]) -> Vec<String> {
    let by_id = |id: &str| figures.iter().find(|f| f.id == id);
    let leads = charts.iter().filter_map(|chart| match chart.kind {
        ChartKind::Comparison => chart.figures.last().and_then(|id| by_id(id)),
        ChartKind::Progress => chart.figures.first().and_then(|id| by_id(id)),
        ChartKind::Bars => chart
            .figures
            .iter()
            .filter_map(|id| by_id(id))
            .max_by(|a, b| {
                let value = |f: &Planned| f.guess.quantity.base_value;
                value(a).total_cmp(&value(b))
            }),
    });
    let mut chosen: Vec<&Planned> = Vec::with_capacity(KEY_FIGURES);
    // Charts' leads, then what the author stressed, then results before targets.
    let stressed = figures.iter().filter(|f| f.guess.stressed);
    let results = figures.iter().filter(|f| f.guess.status.is_result());
    for planned in leads.chain(stressed).chain(results).chain(figures.iter()) {
        if chosen.len() == KEY_FIGURES {
            break;
        }
        if !chosen.iter().any(|c| c.guess.label == planned.guess.label) {
            chosen.push(planned);
        }
    }
    chosen.iter().map(|f| f.id.clone()).collect()
}
