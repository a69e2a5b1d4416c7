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
    fn segments_cover_the_plain_text() {
        let text = "共 **21** 项，已完成 **19** 项。";
        let found = marks(text).expect("well formed");
        let pieces = segments(text, &found, &[Some(0), Some(1)]);
        let joined: String = pieces.iter().map(|s| &text[s.range.clone()]).collect();
        assert_eq!(joined, plain(text));
        assert_eq!(pieces.iter().filter(|s| s.figure.is_some()).count(), 2);
    }
}
