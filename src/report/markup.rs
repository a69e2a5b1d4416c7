//! The inline figure markup of initiative texts: each figure's number is written `**…**`,
//! as the source brochure prints it in bold.

use std::ops::Range;

/// A marked span of a text: where its `**` pair stands and what is between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Byte range of the whole mark, both `**` included.
    pub outer: Range<usize>,
    /// Byte range of what is between the `**` pair.
    pub inner: Range<usize>,
}

/// Why a text's markup could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkupError {
    /// A `**` at this byte offset has no closing `**`.
    Unclosed(usize),
    /// A `****` with nothing inside, at this byte offset.
    Empty(usize),
}

/// Finds every `**…**` mark in a text, in order.
pub fn marks(text: &str) -> Result<Vec<Mark>, MarkupError> {
    let delimiters: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), b"**").collect();
    if delimiters.len() % 2 == 1 {
        // One `**` has no partner. Pairing them in order shifts every pair after it, so the
        // first pair that does not hold a number is most likely where the mark was left open.
        let open = delimiters
            .chunks(2)
            .find(|pair| pair.len() == 2 && mark_number(&text[pair[0] + 2..pair[1]]).is_none())
            .map_or(delimiters[delimiters.len() - 1], |pair| pair[0]);
        return Err(MarkupError::Unclosed(open));
    }
    delimiters
        .chunks(2)
        .map(|pair| {
            let (open, close) = (pair[0], pair[1]);
            if text[open + 2..close].trim().is_empty() {
                return Err(MarkupError::Empty(open));
            }
            Ok(Mark {
                outer: open..close + 2,
                inner: open + 2..close,
            })
        })
        .collect()
}

/// The web addresses a text writes out, as byte ranges: `http://…` and `https://…` only.
/// A dataset is untrusted, so no other scheme (`file:`, `javascript:`, `mailto:` …) ever
/// becomes a link; the viewer opens one only when the reader clicks it.
pub fn web_links(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(found) = memchr::memmem::find(&bytes[from..], b"://") {
        let colon = from + found;
        from = colon + 3;
        let start = if bytes[..colon].ends_with(b"https") {
            colon - 5
        } else if bytes[..colon].ends_with(b"http") {
            colon - 4
        } else {
            continue;
        };
        // A scheme glued to a word (`xhttp://`) is not one.
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        // An address runs over printable ASCII; Chinese text or punctuation ends it.
        let mut end = from;
        while end < bytes.len()
            && bytes[end].is_ascii_graphic()
            && !matches!(bytes[end], b'<' | b'>' | b'"' | b'\'' | b'`' | b'*')
        {
            end += 1;
        }
        // Sentence punctuation after an address is not part of it.
        while end > from
            && matches!(
                bytes[end - 1],
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b')'
            )
        {
            if bytes[end - 1] == b')' && text[start..end].contains('(') {
                break;
            }
            end -= 1;
        }
        if end > from {
            links.push(start..end);
            from = end;
        }
    }
    links
}

/// Reads the number a mark shows, with whether it carries a percent sign: `1.396`, `11.7%`,
/// full-width `１２３`, grouped `8,400` or `8，400`, and Chinese numerals `二十`, `一百二十`.
pub fn mark_number(content: &str) -> Option<(f64, bool)> {
    let content = content.trim();
    let (number, percent) = match content.strip_suffix(['%', '％']) {
        Some(n) => (n.trim_end(), true),
        None => (content, false),
    };
    let value = arabic_number(number).or_else(|| chinese_numeral(number))?;
    value.is_finite().then_some((value, percent))
}

/// A number in Arabic digits, half- or full-width, with thousands separators in their places.
fn arabic_number(text: &str) -> Option<f64> {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            // Hong Kong's government sets thousands apart with spaces (128 700): a separator
            // like the comma, held to the same places below.
            ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' => ',',
            c => c,
        })
        .collect();
    let (whole, fraction) = ascii.split_once('.').unwrap_or((&ascii, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    // Separators stand between groups of three digits (8,400; 1,234,567), nowhere else.
    let grouped = groups.len() == 1
        || (groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped || fraction.contains(',') {
        return None;
    }
    let plain = ascii.replace(',', "");
    // Only digits and one point: no exponents, signs or words that Rust's parser also takes.
    if plain.is_empty() || !plain.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    plain.parse().ok()
}

/// A whole number in Chinese numerals: 二十 → 20, 一百二十 → 120, 三千零五 → 3005, 两万 → 20000,
/// 十五 → 15.
pub fn chinese_numeral(text: &str) -> Option<f64> {
    let digit = |c: char| match c {
        '〇' | '零' => Some(0),
        '两' | '兩' => Some(2),
        c => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u64 + 1),
    };
    // 一亿二千三百万零五: the parts above 亿, between 亿 and 万, and below 万.
    let (mut yi, mut wan, mut section) = (0u64, 0u64, 0u64);
    let mut pending: Option<u64> = None;
    let mut digits = false;
    for c in text.chars() {
        if let Some(d) = digit(c) {
            pending = Some(d);
            digits = true;
            continue;
        }
        match c {
            '十' | '拾' | '百' | '佰' | '千' | '仟' => {
                let unit = match c {
                    '十' | '拾' => 10,
                    '百' | '佰' => 100,
                    _ => 1000,
                };
                section = section.checked_add(pending.take().unwrap_or(1).checked_mul(unit)?)?;
                digits = true;
            }
            '万' | '萬' => {
                wan = (section + pending.take().unwrap_or(0)).checked_mul(10_000)?;
                section = 0;
            }
            '亿' | '億' => {
                yi = (yi + wan + section + pending.take().unwrap_or(0)).checked_mul(100_000_000)?;
                wan = 0;
                section = 0;
            }
            _ => return None,
        }
    }
    digits.then(|| (yi + wan + section + pending.unwrap_or(0)) as f64)
}

/// The words that join a range's two ends (3至5, 3-5, 3～5). 到 is left out: 增加到 joins a
/// change to its result, never two ends.
pub const RANGE_WORDS: [char; 7] = ['-', '－', '~', '～', '—', '–', '至'];

/// A number a figure writes where plain digits would not say it: a mixed numeral (1万6千),
/// or a range (3至5), read in the terms of the figure's unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// The upper end of a range.
    pub value_to: Option<f64>,
}

/// Reads a numeral as a figure with `unit` (of magnitude `magnitude`: 万 → 4) writes it:
/// 1万6千 (户) → 16,000; 1亿3千 (多万) → 13,000 (万); 1萬2,045 (戶) → 12,045; 3至5 (个)
/// → 3 to 5; 3%-5 (%), 3万至5 (万元) and 3000元至5000 (元), whose first end repeats the unit.
/// Anything it cannot read for certain (2万5, which readers take for 25,000 and digits for
/// 20,005) is no numeral.
pub fn read_numeral(numeral: &str, unit: &str, magnitude: i32) -> Option<Numeral> {
    let numeral = numeral.trim();
    let range = numeral
        .char_indices()
        .find(|&(i, c)| i > 0 && RANGE_WORDS.contains(&c));
    let Some((at, word)) = range else {
        let value = numeral_value(numeral, magnitude)?;
        return Some(Numeral {
            value,
            value_to: None,
        });
    };
    let (first, second) = (numeral[..at].trim(), numeral[at + word.len_utf8()..].trim());
    let value_to = numeral_value(second, magnitude)?;
    // The first end may repeat the unit, or its start (3万至5万元, 3%-5%).
    let unit = unit.trim();
    let value = numeral_value(first, magnitude).or_else(|| {
        first
            .char_indices()
            .skip(1)
            .find(|&(i, _)| unit.starts_with(&first[i..]))
            .and_then(|(i, _)| numeral_value(&first[..i], magnitude))
    })?;
    (value < value_to).then_some(Numeral {
        value,
        value_to: Some(value_to),
    })
}

/// One number in digits, alone or in groups with magnitudes (1万6千, 1亿3千), in the terms of
/// a unit of `magnitude`.
fn numeral_value(text: &str, magnitude: i32) -> Option<f64> {
    if let Some(value) = arabic_number(text) {
        return Some(value);
    }
    let is_magnitude = |c: char| "十百千万萬亿億".contains(c);
    let mut total = 0.0;
    let mut rest = text;
    // The place the previous group stands at: each group is smaller than it.
    let mut previous: Option<i32> = None;
    while !rest.is_empty() {
        let digits = rest.find(is_magnitude).unwrap_or(rest.len());
        let number = arabic_number(&rest[..digits])?;
        let figures = rest[..digits]
            .chars()
            .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .count();
        rest = &rest[digits..];
        let words = rest.find(|c| !is_magnitude(c)).unwrap_or(rest.len());
        let power = group_power(&rest[..words])?;
        rest = &rest[words..];
        // A group below the unit's magnitude is in its terms (1亿3千 多万: 3千万).
        let place = if power >= magnitude && power > 0 {
            power
        } else {
            power + magnitude
        };
        if let Some(previous) = previous {
            let room = 10f64.powi(previous - place);
            // A bare group after a magnitude fills its places (1萬2,045); 2万5 does not.
            let fills = words > 0 || magnitude > 0 || figures == (previous - place) as usize;
            if place >= previous || number >= room || !fills {
                return None;
            }
        }
        total += number * 10f64.powi(place);
        previous = Some(place);
    }
    // 5千 (多户) is one group: read like the rest.
    (previous.is_some() && total.is_finite()).then(|| total / 10f64.powi(magnitude))
}

/// The power of ten magnitude words stand for: 万 → 4, 千万 → 7, none → 0.
fn group_power(words: &str) -> Option<i32> {
    words.chars().try_fold(0, |power, c| {
        let step = match c {
            '十' => 1,
            '百' => 2,
            '千' => 3,
            '万' | '萬' => 4,
            '亿' | '億' => 8,
            _ => return None,
        };
        Some(power + step)
    })
}

/// A piece of an initiative's text: plain words, or the number of one of its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the initiative's text, without the `**` marks.
    pub range: Range<usize>,
    /// The figure this piece shows (index into the initiative's figures), if it is one.
    pub figure: Option<usize>,
}

/// Splits a text into plain pieces and figure pieces, given which figure each mark shows.
pub fn segments(text: &str, marks: &[Mark], figures: &[Option<usize>]) -> Vec<Segment> {
    let mut segments = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for (mark, figure) in marks.iter().zip(figures) {
        if mark.outer.start > at {
            segments.push(Segment {
                range: at..mark.outer.start,
                figure: None,
            });
        }
        segments.push(Segment {
            range: mark.inner.clone(),
            figure: *figure,
        });
        at = mark.outer.end;
    }
    if at < text.len() {
        segments.push(Segment {
            range: at..text.len(),
            figure: None,
        });
    }
    segments
}

/// The text as a reader sees it: marks removed, numbers kept.
pub fn plain(text: &str) -> String {
    text.replace("**", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        let links = |text: &str| -> Vec<String> {
            web_links(text)
                .into_iter()
                .map(|r| text[r].to_owned())
                .collect()
        };
        assert_eq!(
            links("详见 https://www.cdast.org.cn/news?id=1，或 http://example.org/a_(b)。"),
            [
                "https://www.cdast.org.cn/news?id=1",
                "http://example.org/a_(b)"
            ]
        );
        assert_eq!(
            links("See https://example.org/x."),
            ["https://example.org/x"]
        );
        assert!(links("file:///etc/passwd javascript://x mailto:a@b.c ftp://x").is_empty());
        assert!(links("xhttps://example.org https:// http://").is_empty());
        assert_eq!(links("**179** https://a.b/**c"), ["https://a.b/"]);
    }

    #[test]
    fn finds_marks_in_order() {
        let text = "达 **1.396** 亿次，排查 **1.2** 万人次";
        let found = marks(text).expect("well formed");
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].inner.clone()], "1.396");
        assert_eq!(&text[found[1].outer.clone()], "**1.2**");
    }

    #[test]
    fn reports_bad_markup() {
        assert_eq!(marks("a **1 b"), Err(MarkupError::Unclosed(2)));
        let text = "共 **179 个，专利 **2508** 项";
        assert_eq!(
            marks(text),
            Err(MarkupError::Unclosed(text.find("**").expect("mark")))
        );
        assert_eq!(marks("a **** b"), Err(MarkupError::Empty(2)));
        assert_eq!(marks("no marks"), Ok(vec![]));
    }

    #[test]
    fn reads_numbers_as_authors_write_them() {
        assert_eq!(mark_number("１２３"), Some((123.0, false)));
        assert_eq!(mark_number("8,400"), Some((8400.0, false)));
        assert_eq!(mark_number("8，400"), Some((8400.0, false)));
        assert_eq!(mark_number("1,234,567.5"), Some((1_234_567.5, false)));
        assert_eq!(mark_number("84,00"), None);
        assert_eq!(mark_number("二十"), Some((20.0, false)));
        assert_eq!(mark_number("一百二十"), Some((120.0, false)));
        assert_eq!(mark_number("十五"), Some((15.0, false)));
        assert_eq!(mark_number("三千零五"), Some((3005.0, false)));
        assert_eq!(mark_number("两万"), Some((20_000.0, false)));
        assert_eq!(mark_number("一亿二千万"), Some((120_000_000.0, false)));
        assert_eq!(mark_number("１１.７％"), Some((11.7, true)));
        assert_eq!(mark_number("inf"), None);
        assert_eq!(mark_number("1e3"), None);
        assert_eq!(mark_number("院士"), None);
    }

    #[test]
    fn reads_mark_numbers() {
        assert_eq!(mark_number("1.396"), Some((1.396, false)));
        assert_eq!(mark_number("11.7%"), Some((11.7, true)));
        assert_eq!(mark_number("1,800"), Some((1800.0, false)));
        assert_eq!(mark_number("1,80"), None);
        assert_eq!(mark_number("NaN"), None);
    }

    #[test]
    fn reads_mixed_numerals_and_ranges_in_their_unit_s_terms() {
        let read = |numeral: &str, unit: &str, magnitude: i32| {
            read_numeral(numeral, unit, magnitude).map(|n| (n.value, n.value_to))
        };
        assert_eq!(read("1万6千", "多户", 0), Some((16_000.0, None)));
        assert_eq!(read("2万5千", "公里", 0), Some((25_000.0, None)));
        assert_eq!(read("1萬2,045", "戶", 0), Some((12_045.0, None)));
        // 1亿3千多万: 1亿 and 3千多万, in 万.
        assert_eq!(read("1亿3千", "多万", 4), Some((13_000.0, None)));
        assert_eq!(read("5千", "多户", 0), Some((5_000.0, None)));
        assert_eq!(read("3至5", "个", 0), Some((3.0, Some(5.0))));
        assert_eq!(read("3-5", "个", 0), Some((3.0, Some(5.0))));
        assert_eq!(read("3%-5", "%", 0), Some((3.0, Some(5.0))));
        assert_eq!(read("3万至5", "万元", 4), Some((3.0, Some(5.0))));
        assert_eq!(read("3000元至5000", "元", 0), Some((3000.0, Some(5000.0))));
        assert_eq!(read("1.5～2.5", "倍", 0), Some((1.5, Some(2.5))));
        // Read for certain or not at all.
        assert_eq!(read("2万5", "人", 0), None, "25,000 or 20,005");
        assert_eq!(read("5至3", "个", 0), None);
        assert_eq!(
            read("3万至5", "元", 0),
            None,
            "the first end's 万 is no unit"
        );
        assert_eq!(read("1千2万", "人", 0), None, "groups grow smaller");
        assert_eq!(read("1万12千", "人", 0), None);
        assert_eq!(read("-5", "个", 0), None);
    }

    #[test]
    fn segments_cover_the_plain_text() {
        let text = "共 **21** 项，已完成 **19** 项。";
        let found = marks(text).expect("well formed");
        let pieces = segments(text, &found, &[Some(0), Some(1)]);
        let joined: String = pieces.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(joined, plain(text));
        assert_eq!(pieces.iter().filter(|s| s.figure.is_some()).count(), 2);
    }
}
