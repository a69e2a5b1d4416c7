//! Numbers a published report writes without bold: each number with a unit becomes a figure,
//! marked `**…**` in the initiative's text as the dataset format wants, and remembered as not
//! stressed. Years, dates, ordinals, names (PM2.5, 5G, G20), numbers in web addresses and bare
//! numbers are not figures; a mixed numeral (1万6千) or a fraction (三分之二) that cannot be read
//! as one number is skipped and said, never cut into a wrong figure.

use crate::report::markup;
use crate::report::quantity;

/// Something in a text that looks like a quantity but was not made a figure, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Skipped {
    /// The words as written (1万6千多户, 三分之二).
    pub written: String,
    pub why: SkipReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SkipReason {
    /// 1万6千, 1亿3千多万: two magnitudes in one number.
    MixedNumeral,
    /// 三分之二, 一半.
    Fraction,
    /// 3-5, 3至5: a range of two numbers.
    Range,
    /// 31微克/立方米, 14.3/10万: a rate, whose unit has two parts.
    Rate,
    /// －2.1%: a number below zero, which a figure cannot hold.
    Negative,
}

impl SkipReason {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Self::MixedNumeral => ("mixed numeral", "混合数字"),
            Self::Fraction => ("fraction", "分数"),
            Self::Range => ("range", "范围"),
            Self::Rate => ("rate", "比率"),
            Self::Negative => ("negative number", "负数"),
        }
    }
}

/// A text whose every number with a unit is marked, and for each mark in order whether the
/// author had stressed it (bold in the source).
pub(crate) struct Marked {
    pub text: String,
    pub stressed: Vec<bool>,
    pub skipped: Vec<Skipped>,
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A digit of either width (3, ３), as reports write them.
pub(crate) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Marks the numbers with units of `text` (whose own marks are already normalised to hold
/// numbers only).
pub(crate) fn mark(text: &str) -> Marked {
    let mut out = String::with_capacity(text.len() + 16);
    let mut stressed = Vec::new();
    let mut skipped = Vec::new();
    let urls = url_spans(text);
    // The web addresses, in order, passed by as the scan goes on.
    let mut url = 0;
    let mut at = 0;
    let mut in_mark = false;
    while at < text.len() {
        let rest = &text[at..];
        if rest.starts_with("**") {
            if !in_mark {
                stressed.push(true);
            }
            in_mark = !in_mark;
            out.push_str("**");
            at += 2;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        while urls.get(url).is_some_and(|u| u.end <= at) {
            url += 1;
        }
        let in_url = urls.get(url).is_some_and(|u| u.contains(&at));
        if !in_mark
            && is_digit(c)
            && !in_url
            && let Some(found) = number_at(text, at)
        {
            match found {
                Found::Figure { number_end } => {
                    out.push_str("**");
                    out.push_str(&text[at..number_end]);
                    out.push_str("**");
                    stressed.push(false);
                    at = number_end;
                }
                Found::Skip { end, why } => {
                    // A number below zero is said with its sign (-3.4, not 3.4).
                    let from = match text[..at].chars().next_back() {
                        Some(sign) if why == SkipReason::Negative => at - sign.len_utf8(),
                        _ => at,
                    };
                    skipped.push(Skipped {
                        written: text[from..end].to_owned(),
                        why,
                    });
                    out.push_str(&text[at..end]);
                    at = end;
                }
                Found::Not { end } => {
                    out.push_str(&text[at..end]);
                    at = end;
                }
            }
            continue;
        }
        out.push(c);
        at += c.len_utf8();
    }
    skipped.extend(fractions(text));
    Marked {
        text: out,
        stressed,
        skipped,
    }
}

enum Found {
    /// A figure whose number ends at `number_end`.
    Figure {
        number_end: usize,
    },
    Skip {
        end: usize,
        why: SkipReason,
    },
    /// Not a figure: a year, a date, a name; the scan goes on after `end`.
    Not {
        end: usize,
    },
}

/// The end of the digits (with decimal point and thousands commas) starting at `start`.
fn digits_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut points = 0;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|&(_, n)| is_digit(n));
        let point = matches!(c, '.' | '．');
        // One decimal point: 1.5.2 is a section number or a version, read no further.
        if point && points == 1 {
            break;
        }
        if is_digit(c) || ((point || c == ',') && next_is_digit) {
            points += usize::from(point);
            end = start + i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// What the number starting at `start` is.
fn number_at(text: &str, start: usize) -> Option<Found> {
    let end = digits_end(text, start);
    let before = text[..start].chars().next_back();
    let after_text = &text[end..];
    let after = after_text.chars().next();
    let not = Some(Found::Not { end });
    // －2.1%, −3个: below zero. A hyphen after a digit is a range or a date (2018-2019).
    let before_that = text[..start].chars().rev().nth(1);
    let minus = matches!(before, Some('－' | '−'))
        || (before == Some('-') && !before_that.is_some_and(|c| c.is_ascii_alphanumeric()));
    if minus {
        let (unit, _) = unit_len(after_text.trim_start_matches([' ', '\u{3000}']));
        let spaces = after_text.len() - after_text.trim_start_matches([' ', '\u{3000}']).len();
        return Some(Found::Skip {
            end: end + if unit > 0 { spaces + unit } else { 0 },
            why: SkipReason::Negative,
        });
    }
    // PM2.5, G20, 5G, v1.2, 3/4: part of a name or a code.
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-' | '_'))
        || after.is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
    {
        return not;
    }
    // ,045 after digits: the rest of a number not read as one (1萬2,045), never a number.
    // A comma after digits is a separator of thousands only before three digits: 1，17个
    // (after a ratio 2.31:1) is a new number.
    let three_digits = text[start..end].chars().count() == 3;
    let continues = match before {
        Some('.' | '．') => true,
        Some(',' | '，') => three_digits,
        _ => false,
    };
    if continues && before_that.is_some_and(is_digit) {
        return not;
    }
    // 第3, 第十三: an ordinal.
    if before == Some('第') {
        return not;
    }
    // 128 700個: one number whose thousands are set apart by spaces, never 700.
    if let Some(grouped_end) = space_grouped_end(text, start, end) {
        let after = &text[grouped_end..];
        let spaced = after.trim_start_matches([' ', '\u{3000}']);
        let (unit, mixed) = unit_len(spaced);
        if unit == 0 || mixed || markup::mark_number(&text[start..grouped_end]).is_none() {
            return Some(Found::Not { end: grouped_end });
        }
        return Some(Found::Figure {
            number_end: grouped_end,
        });
    }
    let spaced = after_text.trim_start_matches([' ', '\u{3000}']);
    let unit_start = end + (after_text.len() - spaced.len());
    // Years, months, days, hours: 2018年, 3月5日, 5年 (a span), 10时.
    // 40周年 (an anniversary, named like an ordinal) and 6个月 (a span, like 5年) are no
    // figures.
    if ["周年", "週年", "个月", "個月"]
        .iter()
        .any(|w| spaced.starts_with(w))
    {
        return not;
    }
    // 平均受教育年限10.5年: a decimal number of years is a measure, never a year.
    let decimal = text[start..end].contains(['.', '．']);
    // “跨境理财通”2.0版: a version's name.
    if decimal && spaced.starts_with('版') {
        return not;
    }
    if decimal && spaced.starts_with('年') && !spaced.starts_with("年均") {
        return figure_or_not(text, start, end);
    }
    if spaced.starts_with(['年', '月', '日', '号', '時', '时', '點', '点', '岁', '歲'])
        && !spaced.starts_with("年均")
    {
        // 76.7岁 is an age a report states (平均预期寿命): a figure.
        if spaced.starts_with(['岁', '歲']) {
            return figure_or_not(text, start, end);
        }
        return not;
    }
    // 3-5, 3至5, 3～5: a range.
    // The words the data layer reads a range's numeral with (3–5 too): one list.
    let range_words = markup::RANGE_WORDS;
    if let Some(c) = spaced.chars().next().filter(|c| range_words.contains(c))
        && let after_word = &spaced[c.len_utf8()..]
        && let second_spaced = after_word.trim_start_matches([' ', '\u{3000}'])
        && second_spaced.starts_with(is_digit)
    {
        // 15至 29歲: the second number may stand after a space.
        let second = unit_start + c.len_utf8() + (after_word.len() - second_spaced.len());
        let second_end = digits_end(text, second);
        let (unit, _) = unit_len(&text[second_end..]);
        if unit == 0 {
            // 3-5年: a span of years, not a quantity.
            return Some(Found::Not { end: second_end });
        }
        return Some(numeral_or_skip(
            text,
            start,
            second_end,
            unit,
            SkipReason::Range,
        ));
    }
    let (unit, mixed) = unit_len(spaced);
    if mixed {
        // 1万6千多户, 1亿3千多万: the numeral runs over digits and magnitudes, up to 余 or 多
        // or the counter.
        let mut stop = unit_start + unit;
        while let Some(c) = text[stop..].chars().next() {
            let separator =
                matches!(c, ',' | '.' | '．') && text[stop + c.len_utf8()..].starts_with(is_digit);
            if is_digit(c) || separator || "万萬亿億千百十".contains(c) {
                stop += c.len_utf8();
            } else {
                break;
            }
        }
        let (unit, _) = unit_len(&text[stop..]);
        return Some(numeral_or_skip(
            text,
            start,
            stop,
            unit,
            SkipReason::MixedNumeral,
        ));
    }
    if unit == 0 {
        // 5千多户, 3百余人: thousands or hundreds written as a word, before a counter.
        if let Some(word) = spaced.chars().next().filter(|c| matches!(c, '千' | '百'))
            && unit_start == end
        {
            let stop = end + word.len_utf8();
            let (unit, mixed) = unit_len(&text[stop..]);
            if unit > 0 && !mixed {
                return Some(numeral_or_skip(
                    text,
                    start,
                    stop,
                    unit,
                    SkipReason::MixedNumeral,
                ));
            }
        }
        return not;
    }
    let unit_end = unit_start + unit;
    // 3%-5%, 3万至5万元, 3000元至5000元: a range whose first number has its unit.
    let after_unit = text[unit_end..].trim_start_matches([' ', '\u{3000}']);
    if let Some(c) = after_unit
        .chars()
        .next()
        .filter(|c| range_words.contains(c))
        && after_unit[c.len_utf8()..]
            .trim_start_matches([' ', '\u{3000}'])
            .starts_with(is_digit)
    {
        let second = text.len()
            - after_unit[c.len_utf8()..]
                .trim_start_matches([' ', '\u{3000}'])
                .len();
        let second_end = digits_end(text, second);
        let (unit, _) = unit_len(&text[second_end..]);
        return Some(numeral_or_skip(
            text,
            start,
            second_end,
            unit,
            SkipReason::Range,
        ));
    }
    if text[unit_end..].starts_with(['/', '／']) {
        // The second part of a rate's unit (立方米, 10万) would be cut: said, not read.
        let rest: usize = text[unit_end..]
            .chars()
            .take(12)
            .take_while(|c| !CLAUSE_ENDS.contains(*c))
            .map(char::len_utf8)
            .sum();
        return Some(Found::Skip {
            end: unit_end + rest.min(text.len() - unit_end),
            why: SkipReason::Rate,
        });
    }
    // A number that markup would not read (1,2345) is no figure either, and the scan goes on
    // after it, never into it again.
    figure_or_not(text, start, end)
}

/// Marks that end a rate's unit when it is said.
const CLAUSE_ENDS: &str = "，。；：、！？,;:（）() ";

/// The end of a number whose thousands are set apart by spaces (128 700, 1 234 567), when
/// the digits from `start` to `end` are its first group.
fn space_grouped_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let first = &text[start..end];
    if first.contains(['.', '．', ',']) || !(1..=3).contains(&first.chars().count()) {
        return None;
    }
    let mut at = end;
    let mut grouped = None;
    loop {
        let rest = &text[at..];
        let space = rest
            .chars()
            .next()
            .filter(|c| matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}'))?;
        let group_start = at + space.len_utf8();
        let digits: usize = text[group_start..]
            .chars()
            .take_while(|&c| is_digit(c))
            .map(char::len_utf8)
            .sum();
        if text[group_start..group_start + digits].chars().count() != 3 {
            return grouped;
        }
        at = group_start + digits;
        grouped = Some(at);
        if !text[at..].starts_with([' ', '\u{a0}', '\u{2009}', '\u{202f}']) {
            return grouped;
        }
    }
}

/// A figure whose numeral (1万6千, 3至5) runs from `start` to `end`, when the data layer reads
/// it for certain in the terms of the unit after it (`unit` bytes long); else it is said as
/// skipped, never cut.
fn numeral_or_skip(text: &str, start: usize, end: usize, unit: usize, why: SkipReason) -> Found {
    // The unit as the figure will have it: read as the import's figures read theirs.
    let (unit_text, _) = super::infer::read_unit(&text[end..], false, false);
    let parsed = quantity::Quantity::parse(None, 1.0, &unit_text);
    if unit > 0
        && let Ok(parsed) = parsed
        && markup::read_numeral(&text[start..end], &unit_text, parsed.magnitude).is_some()
    {
        Found::Figure { number_end: end }
    } else {
        Found::Skip {
            end: end + unit,
            why,
        }
    }
}

/// A figure when markup reads its digits as a number (not 1,2345), else nothing.
fn figure_or_not(text: &str, start: usize, end: usize) -> Option<Found> {
    let found = match markup::mark_number(&text[start..end]) {
        Some(_) => Found::Figure { number_end: end },
        None => Found::Not { end },
    };
    Some(found)
}

/// How long the unit after a number is (magnitudes, 余/多, a known counter, or %), and
/// whether a digit follows a magnitude (1万6千: a mixed numeral).
fn unit_len(after: &str) -> (usize, bool) {
    if after.starts_with(['%', '％', '‰']) {
        return (after.chars().next().map_or(0, char::len_utf8), false);
    }
    let mut end = 0;
    let mut magnitude = false;
    while let Some(c) = after[end..].chars().next() {
        let next = after[end + c.len_utf8()..].chars().next();
        let take = match c {
            '万' | '萬' | '亿' | '億' => {
                magnitude = true;
                true
            }
            '十' | '百' | '千' => matches!(next, Some('万' | '萬' | '亿' | '億')),
            '余' | '餘' | '多' => true,
            _ => false,
        };
        if !take {
            break;
        }
        end += c.len_utf8();
    }
    if magnitude && after[end..].chars().next().is_some_and(is_digit) {
        return (end, true);
    }
    let counter = quantity::known_counter_len(&after[end..]);
    if counter == 0 && !magnitude {
        return (0, false);
    }
    (end + counter, false)
}

/// The byte ranges of web addresses, whose digits are never figures.
fn url_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    for start_word in ["http://", "https://", "www."] {
        let mut from = 0;
        while let Some(found) = text[from..].find(start_word) {
            let start = from + found;
            let end = text[start..]
                .find(|c: char| !c.is_ascii_graphic())
                .map_or(text.len(), |e| start + e);
            spans.push(start..end);
            from = end.max(start + 1);
        }
    }
    spans.sort_by_key(|span| span.start);
    spans
}

/// Whether 一半 is a half (一半以上, 一半的, 一半。), not the start of a word (一半导体企业).
fn is_half(after: &str) -> bool {
    let next = after.chars().next();
    !next.is_some_and(super::infer::is_ideograph)
        || ["以上", "以下", "左右", "的", "多", "是", "为", "為"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// Fractions and halves written in words (三分之二, 一半, 四分之一): said, not read.
fn fractions(text: &str) -> Vec<Skipped> {
    const NUMERALS: &str = "一二三四五六七八九十百两兩";
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let rest = &text[at..];
        if c == '分' && rest.starts_with("分之") {
            let start = chars[..k]
                .iter()
                .rev()
                .take_while(|(_, c)| NUMERALS.contains(*c))
                .last()
                .map_or(at, |&(i, _)| i);
            let tail = &rest["分之".len()..];
            let len: usize = tail
                .chars()
                .take_while(|c| NUMERALS.contains(*c))
                .map(char::len_utf8)
                .sum();
            if start < at && len > 0 {
                let end = at + "分之".len() + len;
                found.push(Skipped {
                    written: text[start..end].to_owned(),
                    why: SkipReason::Fraction,
                });
            }
        } else if rest.starts_with("一半") && is_half(&rest["一半".len()..]) {
            found.push(Skipped {
                written: "一半".to_owned(),
                why: SkipReason::Fraction,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> String {
        mark(text).text
    }

    #[test]
    fn numbers_with_units_are_marked_and_others_are_not() {
        assert_eq!(
            marked("国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。"),
            "国内生产总值从**54**万亿元增加到**82.7**万亿元，年均增长**7.1**%。"
        );
        assert_eq!(
            marked("2018年3月5日，第3次会议，PM2.5浓度，5G和G20，过去5年。"),
            "2018年3月5日，第3次会议，PM2.5浓度，5G和G20，过去5年。"
        );
        assert_eq!(
            marked("见 https://example.org/2018/100个 页面"),
            "见 https://example.org/2018/100个 页面"
        );
        assert_eq!(
            marked("粮食产量1.37万亿斤以上"),
            "粮食产量**1.37**万亿斤以上"
        );
        assert_eq!(marked("人均预期寿命76.7岁"), "人均预期寿命**76.7**岁");
        assert_eq!(marked("降低8.1个百分点"), "降低**8.1**个百分点");
        assert_eq!(marked("1,363亿美元"), "**1,363**亿美元");
        assert_eq!(marked("2013年 1月 16日"), "2013年 1月 16日");
        assert_eq!(
            marked("比缩小至2.31:1，17个区"),
            "比缩小至2.31:1，**17**个区"
        );
        assert_eq!(marked("年限提高到10.5年。"), "年限提高到**10.5**年。");
        assert_eq!(marked("“跨境理财通”2.0版上线"), "“跨境理财通”2.0版上线");
        let rate = mark("浓度下降到31微克/立方米，");
        assert_eq!(rate.text, "浓度下降到31微克/立方米，");
        assert_eq!(rate.skipped[0].written, "31微克/立方米");
        assert_eq!(marked("收回1萬2,045份"), "收回**1萬2,045**份");
        assert_eq!(marked("改革开放40周年，6个月内"), "改革开放40周年，6个月内");
        assert_eq!(marked("14部门联合"), "**14**部门联合");
        assert_eq!(marked("為 15至 29歲的青年"), "為 **15至 29**歲的青年");
    }

    #[test]
    fn bold_numbers_are_stressed_and_plain_ones_are_not() {
        let marked = mark("阅读 **1.396** 亿次，排查 1.2 万人次");
        assert_eq!(marked.text, "阅读 **1.396** 亿次，排查 **1.2** 万人次");
        assert_eq!(marked.stressed, [true, false]);
    }

    #[test]
    fn mixed_numerals_and_ranges_are_marked_whole_and_fractions_said() {
        // The shapes of the 2018 government work report (1万6千多户, 2万5千公里, 1亿3千多万)
        // and of a traditional-script bulletin (1萬2,045份).
        let marked = mark(
            "由5千多户增加到1万6千多户，公路2万5千公里，1亿3千多万人，约三分之二，一半以上，3-5年，每年3至5个，8～12周岁",
        );
        assert_eq!(
            marked.text,
            "由**5千**多户增加到**1万6千**多户，公路**2万5千**公里，**1亿3千**多万人，约三分之二，一半以上，3-5年，每年**3至5**个，**8～12**周岁"
        );
        assert_eq!(marked.stressed, [false; 6]);
        let reasons: Vec<(&str, SkipReason)> = marked
            .skipped
            .iter()
            .map(|s| (s.written.as_str(), s.why))
            .collect();
        assert_eq!(
            reasons,
            [
                ("三分之二", SkipReason::Fraction),
                ("一半", SkipReason::Fraction),
            ]
        );
        // An en dash joins a range as the data layer reads one: never its end alone (5个).
        assert_eq!(mark("示范点3–5个").text, "示范点**3–5**个");
        // 2万5 is 25,000 to a reader and 20,005 to digits: said, never guessed at.
        let unsure = mark("新增2万5人");
        assert_eq!(unsure.text, "新增2万5人");
        assert_eq!(unsure.skipped[0].why, SkipReason::MixedNumeral);
        let ranges = mark(
            "增长3%-5%，投资3万至5万元，工资3000元至5000元，增速为－2.1%，一半导体企业，总额｜-3.4亿美元",
        );
        assert_eq!(
            ranges.text,
            "增长**3%-5**%，投资**3万至5**万元，工资**3000元至5000**元，增速为－2.1%，一半导体企业，总额｜-3.4亿美元"
        );
        let written: Vec<(&str, SkipReason)> = ranges
            .skipped
            .iter()
            .map(|s| (s.written.as_str(), s.why))
            .collect();
        assert_eq!(
            written,
            [
                // Said with the sign it has in the text.
                ("－2.1%", SkipReason::Negative),
                ("-3.4亿美元", SkipReason::Negative),
            ]
        );
        let spaced = mark("提供128 700個單位，以及 7 000 個，2013年 1月");
        assert_eq!(
            spaced.text,
            "提供**128 700**個單位，以及 **7 000** 個，2013年 1月"
        );
    }
}
