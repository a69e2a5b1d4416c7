//! What setting two figures side by side may claim, defined once: a change is stated only for
//! one measure at two times (the same counter and measure, and the same label or two different
//! periods), and a target is never shown as reached. `check` warns with it, import proposes
//! comparisons with it, and captions on screen, on slides and in the PDF say what it allows.

use crate::report::model::{Figure, Status};
use crate::report::quantity::Quantity;
use crate::report::script_fold;

/// A figure as a comparison sees it: what it counts, when, how much, and whether it happened.
#[derive(Clone, Copy, Debug)]
pub struct Reading<'a> {
    pub label: &'a str,
    pub period: Option<&'a str>,
    pub quantity: &'a Quantity,
    pub status: Status,
}

impl<'a> Reading<'a> {
    /// The reading of a figure of a dataset, with its quantity.
    pub fn of(figure: &'a Figure, quantity: &'a Quantity) -> Self {
        Self {
            label: &figure.label,
            period: figure.period.as_deref(),
            quantity,
            status: figure.status,
        }
    }
}

/// What a comparison of two readings, the earlier first, may say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// One measure at two times, both results (or both targets): the change may be stated.
    Change,
    /// A result, then a target of the same measure: how far the target is, never that it was
    /// reached.
    TowardTarget,
    /// Two different things, or readings that cannot be set in time: shown side by side, with
    /// no arrow and no change.
    SideBySide,
}

/// Whether two readings are one measure at two times: the same counter and measure, and the
/// same label (blind to script and spacing) or two different periods.
pub fn one_measure_at_two_times(before: &Reading<'_>, after: &Reading<'_>) -> bool {
    let (a, b) = (before.quantity, after.quantity);
    let same_unit = a.counter == b.counter && a.measure() == b.measure();
    let dated = matches!((before.period, after.period), (Some(x), Some(y)) if x.trim() != y.trim());
    same_unit && (same_label(before.label, after.label) || dated)
}

/// What the two readings may claim.
pub fn claim(before: &Reading<'_>, after: &Reading<'_>) -> Claim {
    if !one_measure_at_two_times(before, after) {
        return Claim::SideBySide;
    }
    match (before.status, after.status) {
        (Status::Result, Status::Result) => Claim::Change,
        (Status::Result, _) => Claim::TowardTarget,
        (a, b) if a == b => Claim::Change,
        // A result after a target, or a target after an estimate: each as it is.
        _ => Claim::SideBySide,
    }
}

/// Labels that name the same thing: equal once spaces are gone and both are simplified.
fn same_label(a: &str, b: &str) -> bool {
    let folded = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .map(script_fold::to_simplified)
            .collect()
    };
    let (a, b) = (folded(a), folded(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading<'a>(
        label: &'a str,
        period: Option<&'a str>,
        quantity: &'a Quantity,
        status: Status,
    ) -> Reading<'a> {
        Reading {
            label,
            period,
            quantity,
            status,
        }
    }

    #[test]
    fn a_change_is_claimed_only_for_one_measure_at_two_times() {
        let share = |v: f64| Quantity::parse(None, v, "%").expect("a unit");
        let (low, high) = (share(6.2), share(11.7));
        let result = Status::Result;
        // The same measure in 2012 and 2018: a change.
        let before = reading("具备科学素质的公民比例", Some("2012"), &low, result);
        let after = reading("具備科學素質的公民比例", Some("2018"), &high, result);
        assert_eq!(claim(&before, &after), Claim::Change);
        // Two categories without periods (乡镇科协 3.1萬多個 vs 街道科协 近8,400多個).
        let towns = Quantity::parse(None, 3.1, "萬多個").expect("a unit");
        let streets = Quantity::parse(Some("近"), 8400.0, "多個").expect("a unit");
        let a = reading("鄉鎮科協", None, &towns, result);
        let b = reading("街道科協", None, &streets, result);
        assert_eq!(claim(&a, &b), Claim::SideBySide);
        // The same label without periods (从54万亿元增加到82.7万亿元): a change.
        let (from, to) = (
            Quantity::parse(None, 54.0, "万亿元").expect("a unit"),
            Quantity::parse(None, 82.7, "万亿元").expect("a unit"),
        );
        let a = reading("国内生产总值", None, &from, result);
        let b = reading("国内生产总值", None, &to, result);
        assert_eq!(claim(&a, &b), Claim::Change);
        // A result, then a target: how far the target is.
        let target = share(17.0);
        let b = reading(
            "具备科学素质的公民比例",
            Some("2025"),
            &target,
            Status::Target,
        );
        assert_eq!(claim(&after, &b), Claim::TowardTarget);
        // A percentage against percentage points, or yuan against people: never one measure.
        let points = Quantity::parse(None, 0.8, "个百分点").expect("a unit");
        let c = reading("具备科学素质的公民比例", Some("2019"), &points, result);
        assert_eq!(claim(&after, &c), Claim::SideBySide);
    }
}
