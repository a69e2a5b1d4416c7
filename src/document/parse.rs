//! Parsing a large dataset on two cores. RON is read by one thread, and reading it was 60% of
//! loading a large report while the other core waited. The chapters list is found by a quick
//! scan that follows brackets and strings; each half of the chapters is parsed on its own
//! thread, and the rest of the report (everything but the chapters) on its own. Whatever the
//! scan is not sure of (comments, raw strings, char literals, `#![enable]` extensions, two
//! `chapters` fields) and any error is left to a plain parse of the whole text, so a result or
//! an error is always exactly what `ron::from_str` gives.

use std::ops::Range;

use crate::report::model::{Chapter, Report};

/// Texts shorter than this are parsed on one thread: a second would not pay for itself.
const PARALLEL_FROM: usize = 4 << 20;

/// The report in `source`, as `ron::from_str` reads it, on two threads for a large text.
pub fn report(source: &str) -> Result<Report, ron::error::SpannedError> {
    report_from(source, PARALLEL_FROM)
}

/// `report`, on two threads from texts of `parallel_from` bytes.
pub fn report_from(source: &str, parallel_from: usize) -> Result<Report, ron::error::SpannedError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if source.len() >= parallel_from
        && cores > 1
        && let Some(report) = in_two(source)
    {
        return Ok(report);
    }
    ron::from_str(source)
}

/// How many chapter texts the scan finds in `source`, or `None` when it leaves the text to a
/// whole parse.
pub fn chapter_texts(source: &str) -> Option<usize> {
    find_chapters(source).map(|c| c.elements.len())
}

/// The report parsed in parts, or `None` when the scan is unsure or a part does not parse.
fn in_two(source: &str) -> Option<Report> {
    let Chapters { list, elements } = find_chapters(source)?;
    // The report without its chapters: the list left empty.
    let shell = format!("{}[]{}", &source[..list.start], &source[list.end..]);
    let total: usize = elements.iter().map(|e| e.len()).sum();
    let mut sum = 0;
    let middle = elements
        .iter()
        .position(|e| {
            sum += e.len();
            sum >= total / 2
        })
        .map_or(elements.len(), |k| k + 1);
    let (lower, upper) = elements.split_at(middle);
    std::thread::scope(|scope| {
        let upper = scope.spawn(|| chapters(source, upper));
        let mut report: Report = ron::from_str(&shell).ok()?;
        let mut all = chapters(source, lower)?;
        all.extend(upper.join().ok()??);
        report.chapters = all;
        Some(report)
    })
}

fn chapters(source: &str, elements: &[Range<usize>]) -> Option<Vec<Chapter>> {
    elements
        .iter()
        .map(|range| ron::from_str(&source[range.clone()]).ok())
        .collect()
}

/// Where the report's chapters list is (from its `[` to just after its `]`), and each
/// chapter's text in it.
#[derive(Debug, PartialEq)]
struct Chapters {
    list: Range<usize>,
    elements: Vec<Range<usize>>,
}

/// Finds the top-level `chapters: [ … ]` by following brackets and strings; `None` where
/// anything could make the scan wrong.
fn find_chapters(source: &str) -> Option<Chapters> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut found: Option<Chapters> = None;
    // The chapters list being read: where it starts and where its current element starts.
    let mut open: Option<(usize, usize, Vec<Range<usize>>)> = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = string_end(bytes, i + 1)?;
                continue;
            }
            // Comments, char literals, attributes and raw strings: not followed here.
            b'/' | b'\'' | b'#' => return None,
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => return None,
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth == 2 && bytes[i] == b'[' && names_chapters(&source[..i]) {
                    if found.is_some() || open.is_some() {
                        return None;
                    }
                    open = Some((i, i + 1, Vec::new()));
                }
            }
            b')' | b']' | b'}' => {
                if depth == 2
                    && let Some((start, element, mut elements)) = open.take()
                {
                    if bytes[i] != b']' {
                        return None;
                    }
                    push_element(source, &mut elements, element..i);
                    found = Some(Chapters {
                        list: start..i + 1,
                        elements,
                    });
                }
                depth = depth.checked_sub(1)?;
            }
            b',' if depth == 2 => {
                if let Some((_, element, elements)) = open.as_mut() {
                    push_element(source, elements, *element..i);
                    *element = i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found.filter(|_| depth == 0)
}

/// Keeps an element unless it is only white space (after a trailing comma).
fn push_element(source: &str, elements: &mut Vec<Range<usize>>, range: Range<usize>) {
    if !source[range.clone()].trim().is_empty() {
        elements.push(range);
    }
}

/// Whether the text before a `[` ends with the field name `chapters` and its colon.
fn names_chapters(before: &str) -> bool {
    let Some(name) = before.trim_end().strip_suffix(':') else {
        return false;
    };
    let Some(rest) = name.trim_end().strip_suffix("chapters") else {
        return false;
    };
    !rest
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The index just after the `"` that closes the string starting at `from`.
fn string_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        at += memchr::memchr2(b'"', b'\\', &bytes[at..])?;
        if bytes[at] == b'\\' {
            // An escape: the next byte is never the string's end.
            at += 2;
        } else {
            return Some(at + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(source: &str) -> (Option<Report>, Option<Report>) {
        (
            report_from(source, 0).ok(),
            ron::from_str::<Report>(source).ok(),
        )
    }

    const SMALL: &str = r#"(format_version: 1, title: "标题", chapters: [
        (id: "a", number: 1, name: "一", headline: "（括号]）\"引号", initiatives: []),
        (id: "b", number: 2, name: "二", headline: "逗号，, 和 [", initiatives: []),
    ])"#;

    #[test]
    fn the_chapters_are_found_around_brackets_and_quotes_in_strings() {
        let found = find_chapters(SMALL).expect("found");
        assert_eq!(found.elements.len(), 2);
        assert!(SMALL[found.elements[1].clone()].contains("逗号，, 和 ["));
        assert_eq!(&SMALL[found.list.clone()][..1], "[");
        assert!(SMALL[found.list].ends_with(']'));
    }

    #[test]
    fn what_the_scan_is_unsure_of_is_parsed_whole() {
        for source in [
            SMALL.replace("chapters: [", "// a comment\nchapters: ["),
            SMALL.replace(r#""标题""#, r##"r#"标题"#"##),
            format!("#![enable(implicit_some)]\n{SMALL}"),
        ] {
            assert!(find_chapters(&source).is_none(), "{source}");
            let (split, whole) = both(&source);
            assert_eq!(split, whole);
        }
    }

    #[test]
    fn a_broken_chapter_gives_the_whole_parse_error() {
        let broken = SMALL.replace(r#"number: 2"#, r#"number: "2""#);
        assert!(find_chapters(&broken).is_some());
        let split = report_from(&broken, 0).expect_err("an error");
        let whole = ron::from_str::<Report>(&broken).expect_err("an error");
        assert_eq!(split, whole);
    }

    #[test]
    fn small_reports_parse_the_same_in_parts() {
        let (split, whole) = both(SMALL);
        assert!(split.is_some());
        assert_eq!(split, whole);
    }
}
