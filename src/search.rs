//! Finding initiatives by title, text and figure labels, as the reader types.
//!
//! Matching ignores Latin case and treats full-width and half-width forms alike (ＡＢＣ１ = abc1).
//! The index is built once per dataset; each query is a scan of pre-folded text.

use std::ops::Range;

use crate::model::Report;

/// Folds a character for matching: full-width forms to half-width, Latin to lower case.
pub fn fold(c: char) -> char {
    let c = match c {
        // Full-width ASCII variants (！ to ～) sit at a fixed offset from ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    }
}

/// A text folded for matching, with the way back to byte offsets in the original.
#[derive(Clone, Debug, Default)]
struct Folded {
    text: String,
    /// `original[i]` is the byte offset in the original text of folded byte `i` (and one past).
    original: Vec<u32>,
}

impl Folded {
    /// Folds `source`, leaving out `**` figure marks when `skip_marks` is set.
    fn new(source: &str, skip_marks: bool) -> Self {
        let mut text = String::with_capacity(source.len());
        let mut original = Vec::with_capacity(source.len() + 1);
        let mut chars = source.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if skip_marks && c == '*' && chars.peek().is_some_and(|&(_, n)| n == '*') {
                chars.next();
                continue;
            }
            let folded = fold(c);
            for _ in 0..folded.len_utf8() {
                original.push(offset(at));
            }
            text.push(folded);
        }
        original.push(offset(source.len()));
        Self { text, original }
    }

    /// Every match of an already folded query, as byte ranges in the original text.
    fn find_all(&self, query: &str, source_len: usize) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = self.text[from..].find(query) {
            let start = from + at;
            let end = start + query.len();
            let original_end = if end < self.text.len() {
                self.original[end] as usize
            } else {
                source_len
            };
            found.push(self.original[start] as usize..original_end);
            from = end;
        }
        found
    }
}

fn offset(at: usize) -> u32 {
    // Datasets are at most 64 MiB, so every offset fits.
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Where an initiative matched a query: byte ranges in its title and (marked-up) text, and the
/// figures whose labels matched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hit {
    /// Index of the chapter.
    pub chapter: usize,
    /// Index of the initiative in its chapter.
    pub initiative: usize,
    /// Matches in the title.
    pub title: Vec<Range<usize>>,
    /// Matches in the text, as byte ranges of the text with its `**` marks.
    pub text: Vec<Range<usize>>,
    /// Indexes of the figures whose label matched.
    pub figures: Vec<usize>,
}

impl Hit {
    /// How many places matched.
    pub fn match_count(&self) -> usize {
        self.title.len() + self.text.len() + self.figures.len()
    }
}

#[derive(Clone, Debug)]
struct Entry {
    chapter: usize,
    initiative: usize,
    title: Folded,
    title_len: usize,
    text: Folded,
    text_len: usize,
    labels: Vec<String>,
}

/// A search index over every initiative of a report.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    /// Builds the index for a report.
    pub fn new(report: &Report) -> Self {
        let entries = report
            .chapters
            .iter()
            .enumerate()
            .flat_map(|(c, chapter)| {
                chapter
                    .initiatives
                    .iter()
                    .enumerate()
                    .map(move |(i, initiative)| Entry {
                        chapter: c,
                        initiative: i,
                        title: Folded::new(&initiative.title, false),
                        title_len: initiative.title.len(),
                        text: Folded::new(&initiative.text, true),
                        text_len: initiative.text.len(),
                        labels: initiative
                            .figures
                            .iter()
                            .map(|f| f.label.chars().map(fold).collect())
                            .collect(),
                    })
            })
            .collect();
        Self { entries }
    }

    /// Every initiative that matches `query`, in report order; only chapter `scope` when given.
    /// A blank query matches nothing.
    pub fn search(&self, query: &str, scope: Option<usize>) -> Vec<Hit> {
        let query: String = query.trim().chars().map(fold).collect();
        if query.is_empty() {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter(|e| scope.is_none_or(|c| c == e.chapter))
            .filter_map(|entry| {
                let hit = Hit {
                    chapter: entry.chapter,
                    initiative: entry.initiative,
                    title: entry.title.find_all(&query, entry.title_len),
                    text: entry.text.find_all(&query, entry.text_len),
                    figures: entry
                        .labels
                        .iter()
                        .enumerate()
                        .filter(|(_, label)| label.contains(&query))
                        .map(|(f, _)| f)
                        .collect(),
                };
                (hit.match_count() > 0).then_some(hit)
            })
            .collect()
    }
}

/// A short excerpt of a marked-up text around its first match, for a list of results: the
/// excerpt without `**` marks and the matches' byte ranges in it.
pub fn snippet(
    text: &str,
    matches: &[Range<usize>],
    context_chars: usize,
) -> (String, Vec<Range<usize>>) {
    let first = matches.first().map_or(0, |m| m.start);
    let start = text[..first]
        .char_indices()
        .rev()
        .nth(context_chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let end = text[first..]
        .char_indices()
        .nth(context_chars * 3)
        .map_or(text.len(), |(i, _)| first + i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut ranges = Vec::new();
    let mut at = start;
    for m in matches.iter().filter(|m| m.start >= start && m.end <= end) {
        out.push_str(&text[at..m.start].replace("**", ""));
        let from = out.len();
        out.push_str(&text[m.start..m.end].replace("**", ""));
        ranges.push(from..out.len());
        at = m.end;
    }
    out.push_str(&text[at..end].replace("**", ""));
    if end < text.len() {
        out.push('…');
    }
    (out, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        crate::load::embedded().report
    }

    #[test]
    fn folds_widths_and_case() {
        assert_eq!(
            "ＡＢＣ１２３".chars().map(fold).collect::<String>(),
            "abc123"
        );
        assert_eq!("App".chars().map(fold).collect::<String>(), "app");
        assert_eq!(fold('科'), '科');
    }

    #[test]
    fn finds_titles_texts_and_labels() {
        let index = SearchIndex::new(&report());
        let hits = index.search("院士", None);
        assert!(hits.iter().all(|h| h.match_count() > 0));
        let chapters: Vec<usize> = hits.iter().map(|h| h.chapter).collect();
        assert!(
            chapters.contains(&1) && chapters.contains(&3),
            "{chapters:?}"
        );
        let stations = hits
            .iter()
            .find(|h| h.chapter == 1 && h.initiative == 3)
            .expect("院士(专家)创新工作站");
        assert_eq!(stations.figures, vec![0, 1]);
    }

    #[test]
    fn scope_limits_to_one_chapter() {
        let index = SearchIndex::new(&report());
        assert!(index.search("院士", Some(1)).iter().all(|h| h.chapter == 1));
        assert!(index.search("院士", Some(0)).is_empty());
        assert!(index.search("   ", None).is_empty());
    }

    #[test]
    fn matches_across_figure_marks_and_maps_back() {
        let report = report();
        let index = SearchIndex::new(&report);
        let hits = index.search("1.396 亿次", None);
        assert_eq!(hits.len(), 2);
        let text = &report.chapters[0].initiatives[0].text;
        let range = hits[0].text[0].clone();
        assert_eq!(&text[range], "1.396** 亿次");
    }

    #[test]
    fn latin_ignores_case_and_width() {
        let index = SearchIndex::new(&report());
        let lower = index.search("app", None);
        assert_eq!(lower.len(), 1);
        assert_eq!(index.search("ＡＰＰ", None), lower);
        assert_eq!(index.search("5a", None).len(), 1);
    }

    #[test]
    fn snippets_hold_the_match() {
        let text = "前文很长很长很长很长，累计建成院士(专家)创新工作站 **179** 个，后文";
        let at = text.find("院士").expect("present");
        let matched: Vec<Range<usize>> = std::iter::once(at..at + "院士".len()).collect();
        let (snip, ranges) = snippet(text, &matched, 4);
        assert!(snip.starts_with('…'), "{snip}");
        assert_eq!(&snip[ranges[0].clone()], "院士");
        assert!(!snip.contains("**"));
    }
}
