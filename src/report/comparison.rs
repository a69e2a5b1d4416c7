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

/// Whether the amount of a change may be computed: only between two values the report states
/// exactly. 从2.1%提高到2.5%以上 rose by at least 0.4 points, 近8千 → 1万余 by anything from
/// a little over 2,000; a number computed from a bound or an estimate would be a claim the
/// report does not make, so such a pair shows its two values and their arrow alone.
pub fn amount_is_stated(before: &Reading<'_>, after: &Reading<'_>) -> bool {
    let exact = |quantity: &Quantity| {
        quantity.prefix.is_none() && quantity.suffix.is_none() && !quantity.is_range()
    };
    exact(before.quantity) && exact(after.quantity)
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

/// Words that make what follows a target or an estimate rather than a result; import reads a
/// figure's status with them and `check` warns of a result they stand before.
pub const TARGET_WORDS: &[&str] = &[
    // 力争 (strive to) is never said of what happened.
    "力争",
    "力爭",
    // 目标 and 计划 are also nouns (全年目标任务, 营养改善计划惠及…): only where they set a
    // number to come.
    "预期目标是",
    "預期目標是",
    "预期目标为",
    "預期目標為",
    "主要预期目标",
    "主要預期目標",
    "目标是",
    "目標是",
    // 目標於二〇二五年度把服務覆蓋至12個區, 目标到2025年: a goal set for a time to come.
    "目标于",
    "目標於",
    "目标到",
    "目標到",
    "目标为",
    "目標為",
    "计划新增",
    "計劃新增",
    "计划新建",
    "計劃新建",
    "计划改造",
    "計劃改造",
    "计划投资",
    "計劃投資",
    "计划实施",
    "計劃實施",
    "计划建设",
    "計劃建設",
    // 拟 (is to): 赤字率拟按3%安排, 拟安排地方政府专项债券 (not 模拟, 虚拟).
    "拟按",
    "擬按",
    "拟安排",
    "擬安排",
    "拟发行",
    "擬發行",
    "拟新增",
    "擬新增",
];
pub const ESTIMATE_WORDS: &[&str] = &[
    "预计", "預計", "预测",
    "預測", // 根據初步估算: what a figure is reckoned at, not what was done.
    "估算", "估计", "估計",
];

/// Words of a chapter's heading that make it a plan (二、2024年工作安排, 三、对2018年政府工作的
/// 建议): a number in it is aimed at, unless its sentence speaks of the past.
pub const PLAN_HEADINGS: &[&str] = &[
    "工作安排",
    "的建议",
    "的建議",
    "主要任务",
    "總體要求",
    "总体要求",
    "预期目标",
    "預期目標",
    "工作部署",
    "工作任务",
    "工作任務",
    "重点工作",
    "重點工作",
    "工作思路",
    "工作计划",
    "工作計劃",
];

/// Words that make a sentence in a plan speak of what was done (去年完成…, 已建成…).
pub const PAST_WORDS: &[&str] = &[
    "去年",
    "上年",
    "过去",
    "過去",
    "以来",
    "以來",
    "已经",
    "已經",
    "已",
    "完成了",
    "实现了",
    "實現了",
];

/// Whether a chapter is a plan, by its name or headline (回顾 and 总结 never are).
pub fn is_plan_chapter(name: &str, headline: &str) -> bool {
    let review = ["回顾", "回顧", "总结", "總結"];
    let said = |words: &[&str]| {
        [name, headline]
            .iter()
            .any(|t| words.iter().any(|w| t.contains(w)))
    };
    said(PLAN_HEADINGS) && !said(&review)
}

/// A figure's status as its sentence says: the last of 力争 / 目标 / 计划 (a target) or 预计
/// (an estimate) before it, so 预计新增 55 家，计划改造 260 公里 gives one of each.
pub fn stated_status(sentence: &str) -> Status {
    // One pass over the sentence, stopping only at a character some word starts with: a
    // search for each of the sixty words set one up for every figure of a report, which was a
    // sixth of checking a large one.
    let starts = status_word_starts();
    let (mut target, mut estimate) = (None, None);
    for (at, c) in sentence.char_indices() {
        if !starts.contains(&c) {
            continue;
        }
        let rest = &sentence[at..];
        if TARGET_WORDS.iter().any(|w| rest.starts_with(w)) {
            target = Some(at);
        }
        if ESTIMATE_WORDS.iter().any(|w| rest.starts_with(w)) {
            estimate = Some(at);
        }
    }
    match (target, estimate) {
        (Some(target), Some(estimate)) if estimate > target => Status::Estimate,
        (Some(_), _) => Status::Target,
        (None, Some(_)) => Status::Estimate,
        (None, None) => Status::Result,
    }
}

/// The first characters of the target and estimate words.
fn status_word_starts() -> &'static [char] {
    static STARTS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let mut starts: Vec<char> = TARGET_WORDS
            .iter()
            .chain(ESTIMATE_WORDS)
            .filter_map(|w| w.chars().next())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts
    })
}

/// Where the last sentence of `segment` ends: at 。！？ or a line's end, but not at the end of a
/// line that ends with a colon (主要预期目标是：, then the targets on the next lines).
fn sentence_end(segment: &str) -> Option<usize> {
    let mut search = segment;
    while let Some(at) = search.rfind(['。', '！', '？', '\n']) {
        let introduced = search[at..].starts_with('\n')
            && search[..at]
                .trim_end_matches([' ', '\u{3000}'])
                .ends_with(['：', ':']);
        if !introduced {
            return Some(at);
        }
        search = &search[..at];
    }
    None
}

/// What a text says of its figures' status, read mark by mark in one pass (a sentence may be
/// as long as a whole text, and looking back over it at every mark would take the square of
/// its length): feed it the text between one mark and the next.
#[derive(Clone, Copy, Debug, Default)]
pub struct StatusReader {
    status: Status,
    /// Where the sentence being read starts, in bytes of the whole text.
    sentence_start: usize,
}

impl StatusReader {
    /// Reads `segment`, the text from the end of the previous mark to `at` (the next mark's
    /// start), and says the status the sentence gives the figure there.
    pub fn advance(&mut self, segment: &str, at: usize) -> Status {
        let sentence = match sentence_end(segment) {
            Some(end) => {
                self.status = Status::Result;
                let after = end + segment[end..].chars().next().map_or(1, char::len_utf8);
                self.sentence_start = at - (segment.len() - after);
                &segment[after..]
            }
            None => segment,
        };
        // The last word wins: 预计新增 55 家，计划改造 260 公里.
        let said = stated_status(sentence);
        if said != Status::Result {
            self.status = said;
        }
        self.status
    }

    /// Where the sentence of the last mark read starts, in bytes of the whole text.
    pub fn sentence_start(&self) -> usize {
        self.sentence_start
    }
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
    fn the_status_word_read_last_is_the_one_written_last() {
        // The plain reading: the last place of each word, by searching for every one.
        let plain = |sentence: &str| {
            let last = |words: &[&str]| words.iter().filter_map(|w| sentence.rfind(w)).max();
            match (last(TARGET_WORDS), last(ESTIMATE_WORDS)) {
                (Some(target), Some(estimate)) if estimate > target => Status::Estimate,
                (Some(_), _) => Status::Target,
                (None, Some(_)) => Status::Estimate,
                (None, None) => Status::Result,
            }
        };
        let words: Vec<&str> = TARGET_WORDS
            .iter()
            .chain(ESTIMATE_WORDS)
            .copied()
            .chain(["新增", "力", "预", "计"])
            .collect();
        for first in &words {
            for second in &words {
                for sentence in [
                    format!("{first}新增55家，{second}改造260公里"),
                    format!("{first}{second}"),
                    format!("全年{first}"),
                ] {
                    assert_eq!(stated_status(&sentence), plain(&sentence), "{sentence}");
                }
            }
        }
    }

    #[test]
    fn targets_listed_after_a_colon_stay_targets() {
        let text = "主要预期目标是：\n国内生产总值增长6%左右。\n全年计划完成率98%。";
        let mut reader = StatusReader::default();
        let six = text.find('6').expect("6");
        assert_eq!(reader.advance(&text[..six], six), Status::Target);
        let rate = text.find("98").expect("98");
        assert_eq!(reader.advance(&text[six..rate], rate), Status::Result);
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
