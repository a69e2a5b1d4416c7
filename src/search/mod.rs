//! Finding initiatives by title, text and figure labels, as the reader types.
//!
//! Matching ignores Latin case, treats full-width and half-width forms alike (ＡＢＣ１ = abc1),
//! reads traditional characters as simplified ones (協會 = 协会, see `script_fold`), and skips
//! white space, `**` figure marks and commas that group digits, so that 近8400 finds
//! 近 **8400** and 1,800 finds 1800 (and the other way round). Matches are reported as byte
//! ranges of the text as written. The index is built once per dataset; each query is a
//! scan of pre-folded text.

pub mod pinyin;
mod rows;

pub use rows::RowFilter;

use std::ops::Range;

use std::sync::{Arc, OnceLock};

use crate::report::model::Report;
use crate::report::script_fold;

/// Folds a character for matching: full-width forms to half-width, Latin to lower case,
/// traditional Chinese characters to simplified ones.
pub fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\0'..='\x7F' => c,
        // Full-width ASCII variants (！ to ～) sit at a fixed offset from ASCII.
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |h| h.to_ascii_lowercase())
        }
        '\u{3000}' => ' ',
        // CJK and the other scripts from U+2E80 up (but for full-width forms) have no case.
        '\u{2E80}'..='\u{FEFF}' => script_fold::to_simplified(c),
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => script_fold::to_simplified(l),
                _ => c,
            }
        }
    }
}

/// Whether matching skips `c` (as folded): white space, and the NUL that separates fields in
/// the index.
fn skipped(folded: char) -> bool {
    folded.is_whitespace() || folded == FIELD_SEPARATOR
}

/// Whether matching skips the character `c` of a text (white space), as `fold_text` does; a
/// comma that groups digits is skipped too, but only its neighbours tell (see `groups_digits`).
pub fn skips(c: char) -> bool {
    skipped(fold(c))
}

/// Whether `c`, at byte `at` of `text`, is a comma that groups digits (1,800 or 1，800): one
/// that stands between two digits. Matching leaves it out, as the viewer writes figures with
/// grouping and texts are written either way; a comma between words is punctuation and kept.
pub fn groups_digits(text: &str, at: usize, c: char) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    matches!(c, ',' | '，')
        && text[..at].chars().next_back().is_some_and(digit)
        && text[at + c.len_utf8()..].chars().next().is_some_and(digit)
}

/// Folds `text` for matching, leaving out `**` figure marks, white space and commas that group
/// digits, and hands the result to `emit` in order: `(range, None)` for a stretch of `text`
/// that folding keeps as it is, `(range, Some((c, folded)))` for a character `c` at `range`
/// that folds to another.
/// Stretches that folding leaves alone (most of a Chinese text) are handed over whole.
fn fold_text(text: &str, mut emit: impl FnMut(Range<usize>, Option<(char, char)>)) {
    let bytes = text.as_bytes();
    let table = script_fold::table();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        // The fast path: characters that fold to themselves and are kept.
        match byte {
            b'A'..=b'Z' | b'*' | b',' | b'\0' | b'\t'..=b'\r' | b' ' => {}
            0..0x80 => {
                i += 1;
                continue;
            }
            // U+3000 to U+9FFF: the ideographic space, CJK punctuation, Han characters.
            0xE3..=0xE9 => {
                let code = (u32::from(byte & 0x0F) << 12)
                    | (u32::from(bytes.get(i + 1).map_or(0, |b| b & 0x3F)) << 6)
                    | u32::from(bytes.get(i + 2).map_or(0, |b| b & 0x3F));
                if code != 0x3000 && !table.may_change(code) {
                    i += 3;
                    continue;
                }
                // A traditional character (most are here): folded without the general path.
                if let Some(written) = char::from_u32(code).filter(|_| code >= 0x3400)
                    && let Some(folded) = table.get(written)
                {
                    if run < i {
                        emit(run..i, None);
                    }
                    emit(i..i + 3, Some((written, folded)));
                    i += 3;
                    run = i;
                    continue;
                }
            }
            // U+A000 to U+EFFF: Yi, Hangul and private use, which folding leaves alone.
            0xEA..=0xEE => {
                i += 3;
                continue;
            }
            _ => {}
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let next = i + c.len_utf8();
        if c == '*' && bytes.get(i + 1) == Some(&b'*') {
            if run < i {
                emit(run..i, None);
            }
            i += 2;
            run = i;
            continue;
        }
        if groups_digits(text, i, c) {
            if run < i {
                emit(run..i, None);
            }
            i = next;
            run = i;
            continue;
        }
        let folded = fold(c);
        if skipped(folded) || folded != c {
            if run < i {
                emit(run..i, None);
            }
            if !skipped(folded) {
                emit(i..next, Some((c, folded)));
            }
            run = next;
        }
        i = next;
    }
    if run < bytes.len() {
        emit(run..bytes.len(), None);
    }
}

/// A text folded for matching, with the way back to byte offsets in the original.
#[derive(Clone, Debug, Default)]
struct Folded {
    text: String,
    /// `original[i]` is the byte offset in the original text of folded byte `i`: of the same
    /// byte where folding kept the text as it was, of the start of its character otherwise.
    original: Vec<u32>,
}

impl Folded {
    /// Folds `source` as the index does.
    fn new(source: &str) -> Self {
        let mut text = String::with_capacity(source.len());
        let mut original = Vec::with_capacity(source.len());
        fold_text(source, |range, folded| match folded {
            None => {
                text.push_str(&source[range.clone()]);
                original.extend(range.map(offset));
            }
            Some((_, folded)) => {
                original.extend(std::iter::repeat_n(offset(range.start), folded.len_utf8()));
                text.push(folded);
            }
        });
        Self { text, original }
    }

    /// Every match of an already folded, non-empty query, as byte ranges in `source` (the
    /// text this was folded from): from the first matched character to the end of the last,
    /// with whatever folding skipped between them.
    fn find_all(&self, query: &str, source: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        if query.is_empty() {
            return found;
        }
        let mut from = 0;
        while let Some(at) = self.text[from..].find(query) {
            let start = from + at;
            let end = start + query.len();
            let mut original_end = self.original[end - 1] as usize + 1;
            while !source.is_char_boundary(original_end) {
                original_end += 1;
            }
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

pub use crate::report::model::InitiativeRef;

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

/// Characters of context a result's snippet shows before its first match.
pub const SNIPPET_CONTEXT: usize = 18;

impl Hit {
    /// The labels of the figures whose label matched.
    pub fn figure_labels<'r>(&self, report: &'r Report) -> Vec<&'r str> {
        let initiative = &report.chapters[self.chapter].initiatives[self.initiative];
        self.figures
            .iter()
            .map(|&f| initiative.figures[f].label.as_str())
            .collect()
    }

    /// How many places matched.
    pub fn match_count(&self) -> usize {
        self.title.len() + self.text.len() + self.figures.len()
    }

    /// Where `query` matches the initiative at `place`; computed when a result is shown, so a
    /// search itself only has to find which initiatives match.
    pub fn new(report: &Report, place: InitiativeRef, query: &str) -> Self {
        let query = fold_query(query);
        let initiative = &report.chapters[place.chapter].initiatives[place.initiative];
        let mut hit = Self {
            chapter: place.chapter,
            initiative: place.initiative,
            ..Self::default()
        };
        if query.is_empty() {
            return hit;
        }
        hit.title = Folded::new(&initiative.title).find_all(&query, &initiative.title);
        hit.text = Folded::new(&initiative.text).find_all(&query, &initiative.text);
        hit.figures = initiative
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| Folded::new(&f.label).text.contains(&query))
            .map(|(i, _)| i)
            .collect();
        if hit.match_count() == 0
            && let Some(letters) = pinyin::as_pinyin_query(&query)
        {
            hit.add_pinyin(initiative, &letters);
        }
        hit
    }

    /// Where `letters` match the initiative as pinyin, for an initiative that the query's
    /// characters do not match literally.
    fn add_pinyin(&mut self, initiative: &crate::report::model::Initiative, letters: &str) {
        let mut syllables = pinyin::Syllables::default();
        // Read as the index reads them: without figure marks and white space.
        let find = |text: &str, syllables: &mut pinyin::Syllables| {
            let mut chars = pinyin::PinyinText::default();
            let offsets = chars.push(text, true, syllables);
            let readings = pinyin::readings(letters, syllables);
            let query = pinyin::Query::new(letters, readings);
            chars
                .find_all(0..chars.len(), &query)
                .into_iter()
                .map(|m| {
                    // To the end of the last character matched.
                    let last = offsets[m.end - 1];
                    let end = text[last..]
                        .chars()
                        .next()
                        .map_or(last, |c| last + c.len_utf8());
                    offsets[m.start]..end
                })
                .collect::<Vec<_>>()
        };
        self.title = find(&initiative.title, &mut syllables);
        self.text = find(&initiative.text, &mut syllables);
        self.figures = initiative
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| !find(&f.label, &mut syllables).is_empty())
            .map(|(i, _)| i)
            .collect();
    }
}

/// Separates fields in the haystack; no folded query contains it.
const FIELD_SEPARATOR: char = '\u{0}';

/// About how many characters of pinyin are searched by every reading of a query before the
/// next characters are: 64 KiB of initials, 128 KiB of syllables, which stay in the cache.
const PINYIN_BLOCK: usize = 1 << 16;

/// Haystacks larger than this are searched on two threads.
const PARALLEL_FROM: usize = 4 << 20;

/// Reports with this many initiatives build their pinyin index on a thread of its own, so that
/// loading does not wait for it.
const PINYIN_IN_BACKGROUND_FROM: usize = 2_000;

/// What building an index's pinyin takes; searches for pinyin wait until it is started and done.
#[must_use = "an index's pinyin is only built once its job is started"]
pub struct PinyinJob {
    /// Taken when started.
    work: Option<PinyinWork>,
}

struct PinyinWork {
    haystack: Arc<String>,
    starts: Vec<usize>,
    unfolded: Vec<(u32, char)>,
    cell: Arc<OnceLock<PinyinIndex>>,
}

impl PinyinWork {
    fn build(self) {
        let index = PinyinIndex::new(&self.haystack, &self.starts, &self.unfolded);
        let _ = self.cell.set(index);
    }
}

impl PinyinJob {
    /// Builds the pinyin: here for a small report, on a thread of its own for a large one.
    pub fn start(mut self) {
        let Some(work) = self.work.take() else { return };
        if work.starts.len() <= PINYIN_IN_BACKGROUND_FROM {
            work.build();
        } else {
            std::thread::spawn(move || work.build());
        }
    }
}

impl Drop for PinyinJob {
    /// A job dropped unstarted while its index lives is built here: a pinyin search of that
    /// index would otherwise wait for ever. (An index dropped with it needs nothing.)
    fn drop(&mut self) {
        if let Some(work) = self.work.take()
            && Arc::strong_count(&work.cell) > 1
        {
            work.build();
        }
    }
}

/// The report's fields as pinyin (see `pinyin`), one entry per character of the haystack.
#[derive(Debug, Default)]
struct PinyinIndex {
    text: pinyin::PinyinText,
    /// Where each initiative's fields start in `text`, and one past.
    starts: Vec<usize>,
    syllables: pinyin::Syllables,
}

impl PinyinIndex {
    /// Reads the folded haystack: its Han characters are the report's (simplified), and its
    /// separators and other characters become entries that no pinyin matches. `unfolded`
    /// gives back, by byte offset in the haystack and in order, the characters as written
    /// where they read otherwise than their simplified forms (see `HaystackBuilder`).
    fn new(haystack: &str, starts: &[usize], unfolded: &[(u32, char)]) -> Self {
        let mut index = Self {
            starts: Vec::with_capacity(starts.len()),
            ..Self::default()
        };
        // One entry per character, allocated once.
        let chars = haystack.chars().count();
        index.text.syllables.reserve_exact(chars);
        index.text.initials.reserve_exact(chars);
        let mut unfolded = unfolded.iter().peekable();
        for pair in starts.windows(2) {
            index.starts.push(index.text.len());
            for (at, c) in haystack[pair[0]..pair[1]].char_indices() {
                let c = match unfolded.peek() {
                    Some(&&(position, written)) if position as usize == pair[0] + at => {
                        unfolded.next();
                        written
                    }
                    _ => c,
                };
                index.text.push_char(c, &mut index.syllables);
            }
        }
        index.starts.push(index.text.len());
        index
    }
}

/// Builds the haystack: fields folded (see `fold_text`), each followed by a separator.
#[derive(Default)]
struct HaystackBuilder {
    haystack: String,
    /// The traditional characters, by byte offset in the haystack, whose pinyin reading is not
    /// that of the simplified form the haystack holds (乾 qian, folded to 干 gan): the pinyin
    /// index reads these as written, as a result's highlighting does. Few, if any.
    unfolded: Vec<(u32, char)>,
}

impl HaystackBuilder {
    fn push_field(&mut self, text: &str) {
        let Self { haystack, unfolded } = self;
        fold_text(text, |range, folded| match folded {
            None => haystack.push_str(&text[range]),
            Some((written, folded)) => {
                if written as u32 >= 0x3400 && pinyin::reads_unlike_simplified(written) {
                    unfolded.push((offset(haystack.len()), written));
                }
                haystack.push(folded);
            }
        });
        haystack.push(FIELD_SEPARATOR);
    }
}

/// A search index over every initiative of a report: all titles, texts and figure labels,
/// folded, in one contiguous text that a SIMD substring search runs through once per query;
/// and the same as pinyin, built alongside once the text is ready.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    haystack: Arc<String>,
    /// Filled once, when the dataset loads (on another thread for a large report).
    pinyin: Arc<OnceLock<PinyinIndex>>,
    /// Where each initiative's fields start in the haystack, in report order, and one past.
    starts: Vec<usize>,
    places: Vec<InitiativeRef>,
    /// The first initiative (index into `places`) of each chapter, and one past the last.
    chapter_starts: Vec<usize>,
}

impl SearchIndex {
    /// Builds the index for a report (a large report's pinyin on a thread of its own).
    pub fn new(report: &Report) -> Self {
        let (index, pinyin) = Self::without_pinyin(report);
        pinyin.start();
        index
    }

    /// Builds the index but its pinyin, which the returned job builds when started: loading
    /// starts it once the report is checked, so that it does not compete with the checking.
    pub fn without_pinyin(report: &Report) -> (Self, PinyinJob) {
        let size: usize = report
            .chapters
            .iter()
            .flat_map(|c| &c.initiatives)
            .map(|i| {
                i.title.len()
                    + i.text.len()
                    + i.figures.iter().map(|f| f.label.len() + 1).sum::<usize>()
                    + 2
            })
            .sum();
        let mut builder = HaystackBuilder {
            haystack: String::with_capacity(size),
            unfolded: Vec::new(),
        };
        let mut starts = Vec::with_capacity(report.initiative_count() + 1);
        let mut places = Vec::with_capacity(report.initiative_count());
        let mut chapter_starts = Vec::with_capacity(report.chapters.len() + 1);
        for (c, chapter) in report.chapters.iter().enumerate() {
            chapter_starts.push(places.len());
            for (i, initiative) in chapter.initiatives.iter().enumerate() {
                starts.push(builder.haystack.len());
                places.push(InitiativeRef {
                    chapter: c,
                    initiative: i,
                });
                builder.push_field(&initiative.title);
                builder.push_field(&initiative.text);
                for figure in &initiative.figures {
                    builder.push_field(&figure.label);
                }
            }
        }
        chapter_starts.push(places.len());
        let HaystackBuilder {
            mut haystack,
            unfolded,
        } = builder;
        starts.push(haystack.len());
        // Folding leaves out marks and spaces, so the haystack is shorter than its estimate (or,
        // as a few characters fold to longer ones, it grew past it): its spare room is given
        // back (for a large haystack, a remapping that copies nothing).
        haystack.shrink_to_fit();
        let index = Self {
            haystack: Arc::new(haystack),
            pinyin: Arc::default(),
            starts,
            places,
            chapter_starts,
        };
        let pinyin = PinyinJob {
            work: Some(PinyinWork {
                haystack: Arc::clone(&index.haystack),
                starts: index.starts.clone(),
                unfolded,
                cell: Arc::clone(&index.pinyin),
            }),
        };
        (index, pinyin)
    }

    /// Roughly how many bytes of memory the index holds: its folded text, its pinyin (waiting
    /// for it if it is still being built) and its tables, without the fixed-size lookup
    /// tables that every index has.
    pub fn memory(&self) -> usize {
        let pinyin = self.pinyin();
        self.haystack.capacity()
            + (self.starts.capacity() + self.chapter_starts.capacity()) * size_of::<usize>()
            + self.places.capacity() * size_of::<InitiativeRef>()
            + pinyin.text.syllables.capacity() * 2
            + pinyin.text.initials.capacity()
            + pinyin.starts.capacity() * size_of::<usize>()
    }

    /// The initiatives (indexes into `places`) of chapter `scope`, or of the whole report;
    /// `None` for a chapter the report does not have.
    fn range(&self, scope: Option<usize>) -> Option<(usize, usize)> {
        match scope {
            Some(c) if c + 1 < self.chapter_starts.len() => {
                Some((self.chapter_starts[c], self.chapter_starts[c + 1]))
            }
            Some(_) => None,
            None => Some((0, self.places.len())),
        }
    }

    /// Every initiative of chapter `scope` (or of the report), in report order.
    pub fn places(&self, scope: Option<usize>) -> &[InitiativeRef] {
        self.range(scope)
            .map_or(&[][..], |(first, last)| &self.places[first..last])
    }

    /// The pinyin index, waiting for it if it is still being built.
    fn pinyin(&self) -> &PinyinIndex {
        self.pinyin.wait()
    }

    /// Waits for the part of the index a large report builds in the background (its pinyin),
    /// so that a benchmark can keep that work out of the next load it times.
    pub fn wait_until_complete(&self) {
        self.pinyin();
    }

    /// The initiatives in `first..last` that `letters` match as pinyin (full syllables or
    /// initials), in report order; a large range is searched on two threads.
    fn search_pinyin(&self, letters: &str, first: usize, last: usize) -> Vec<InitiativeRef> {
        let index = self.pinyin();
        let readings = pinyin::readings(letters, &index.syllables);
        let query = index.text.query(letters, readings, &index.syllables);
        let bytes = self.starts[last] - self.starts[first];
        if bytes < PARALLEL_FROM || last - first < 2 {
            return self.search_pinyin_range(index, &query, first, last);
        }
        let middle = first + (last - first) / 2;
        std::thread::scope(|scope| {
            let upper = scope.spawn(|| self.search_pinyin_range(index, &query, middle, last));
            let mut found = self.search_pinyin_range(index, &query, first, middle);
            // A panic in the helper would be a bug; search its half here instead.
            found.extend(
                upper
                    .join()
                    .unwrap_or_else(|_| self.search_pinyin_range(index, &query, middle, last)),
            );
            found
        })
    }

    fn search_pinyin_range(
        &self,
        index: &PinyinIndex,
        query: &pinyin::Query,
        first: usize,
        last: usize,
    ) -> Vec<InitiativeRef> {
        let mut matched = vec![false; last - first];
        // Each way of reading the query is followed through a block of initiatives before the
        // next way is: the block stays in the processor's cache, so the text is read from
        // memory once, not once per reading ("xiang" has five).
        let mut block = first;
        while block < last {
            let block_end = block
                + 1
                + index.starts[block + 1..last]
                    .partition_point(|&s| s < index.starts[block] + PINYIN_BLOCK);
            let mut follow = |next: &dyn Fn(Range<usize>) -> Option<usize>| {
                let end = index.starts[block_end];
                let mut entry = block;
                loop {
                    // An initiative already found by another reading is not searched again.
                    while entry < block_end && matched[entry - first] {
                        entry += 1;
                    }
                    if entry >= block_end {
                        break;
                    }
                    let Some(position) = next(index.starts[entry]..end) else {
                        break;
                    };
                    entry = entry_holding(&index.starts, entry, block_end, position);
                    matched[entry - first] = true;
                    entry += 1;
                }
            };
            if let Some(initials) = query.initials() {
                follow(&|range| index.text.next_initials(range, initials));
            }
            for reading in query.readings() {
                follow(&|range| index.text.next_reading(range, reading));
            }
            block = block_end;
        }
        matched
            .iter()
            .enumerate()
            .filter(|(_, m)| **m)
            .map(|(k, _)| self.places[first + k])
            .collect()
    }

    /// Every initiative that matches `query`, in report order; only chapter `scope` when given.
    /// A query of Latin letters also finds Chinese text by its pinyin ("kepu", "kp" find
    /// 科普): those initiatives follow the ones that hold the query as typed. A blank query
    /// matches nothing.
    pub fn search(&self, query: &str, scope: Option<usize>) -> Vec<InitiativeRef> {
        let mut found = self.search_literal(query, scope);
        if let Some(letters) = pinyin::as_pinyin_query(&fold_query(query))
            && let Some((first, last)) = self.range(scope)
        {
            let literal: std::collections::HashSet<InitiativeRef> = found.iter().copied().collect();
            found.extend(
                self.search_pinyin(&letters, first, last)
                    .into_iter()
                    .filter(|p| !literal.contains(p)),
            );
        }
        found
    }

    /// Every initiative that holds `query` as typed (folded), in report order.
    fn search_literal(&self, query: &str, scope: Option<usize>) -> Vec<InitiativeRef> {
        let query = fold_query(query);
        let Some((first, last)) = self.range(scope).filter(|_| !query.is_empty()) else {
            return Vec::new();
        };
        let finder = memchr::memmem::Finder::new(query.as_bytes());
        let bytes = self.starts[last] - self.starts[first];
        if bytes < PARALLEL_FROM || last - first < 2 {
            return self.search_range(&finder, first, last);
        }
        let middle = first + (last - first) / 2;
        std::thread::scope(|scope| {
            let upper = scope.spawn(|| self.search_range(&finder, middle, last));
            let mut found = self.search_range(&finder, first, middle);
            // A panic in the helper would be a bug in memchr; fall back to searching here.
            found.extend(
                upper
                    .join()
                    .unwrap_or_else(|_| self.search_range(&finder, middle, last)),
            );
            found
        })
    }

    /// The initiatives in `first..last` (indexes into `places`) whose fields hold the query.
    fn search_range(
        &self,
        finder: &memchr::memmem::Finder<'_>,
        first: usize,
        last: usize,
    ) -> Vec<InitiativeRef> {
        let haystack = self.haystack.as_bytes();
        let end = self.starts[last];
        let mut found = Vec::new();
        let mut entry = first;
        let mut at = self.starts[first];
        while let Some(offset) = finder.find(&haystack[at..end]) {
            let position = at + offset;
            // Matches come in order: move to the initiative holding this one.
            entry = entry_holding(&self.starts, entry, last, position);
            found.push(self.places[entry]);
            // One match is enough to list an initiative; go on with the next one.
            entry += 1;
            if entry >= last {
                break;
            }
            at = self.starts[entry];
        }
        found
    }
}

/// The entry (below `last`) whose span in `starts` holds `position`, looking from `entry` on,
/// where `starts[entry] <= position < starts[last]`. Matches come in order and mostly a few
/// entries after the last one: a gallop from there reads a few cached starts, where a binary
/// search over all of them missed the cache at every step (most of a pinyin search's time).
fn entry_holding(starts: &[usize], entry: usize, last: usize, position: usize) -> usize {
    let mut bound = 1;
    while entry + bound < last && starts[entry + bound] <= position {
        bound *= 2;
    }
    let low = entry + bound / 2;
    let high = (entry + bound).min(last);
    low + starts[low + 1..=high].partition_point(|&s| s <= position)
}

/// A query folded like the index: without figure marks, white space, separators or commas
/// that group digits.
fn fold_query(query: &str) -> String {
    let mut folded = String::with_capacity(query.len());
    fold_into(&mut folded, query);
    // A comma typed after a digit at the end is the grouping of a number being typed ("1," on
    // the way to "1,800"): it finds what the number so far finds, not nothing.
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut ending = folded.chars().rev();
    if matches!(ending.next(), Some(',' | '，')) && ending.next().is_some_and(digit) {
        folded.pop();
    }
    folded
}

/// Appends `text` to `out` folded like the index (see `fold_text`).
fn fold_into(out: &mut String, text: &str) {
    fold_text(text, |range, c| match c {
        None => out.push_str(&text[range]),
        Some((_, c)) => out.push(c),
    });
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
    let mut end = text[first..]
        .char_indices()
        .nth(context_chars * 3)
        .map_or(text.len(), |(i, _)| first + i);
    let mut start = start;
    // Never cut a `**` mark in two: half of one would show as a stray asterisk.
    let bytes = text.as_bytes();
    let splits_mark =
        |at: usize| at > 0 && bytes.get(at - 1) == Some(&b'*') && bytes.get(at) == Some(&b'*');
    if splits_mark(end) {
        end += 1;
    }
    if splits_mark(start) {
        start += 1;
    }
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

    #[test]
    fn a_snippet_never_shows_half_a_mark() {
        let text = "阅读总量达 **1.396** 亿次，市级学会开展疫情排查 **3.3** 万次";
        for context in 1..30 {
            let at = text.find("学会").expect("found");
            let found: Vec<Range<usize>> = std::iter::once(at..at + "学会".len()).collect();
            let (excerpt, _) = snippet(text, &found, context);
            assert!(!excerpt.contains('*'), "{context}: {excerpt}");
        }
    }

    fn report() -> Report {
        crate::document::load::embedded().report
    }

    /// Searches `index` for `query` on another thread, or fails after a minute (a hang).
    fn search_within_a_minute(index: &SearchIndex, query: &str) -> Vec<InitiativeRef> {
        let (index, query) = (index.clone(), query.to_owned());
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || sender.send(index.search(&query, None)));
        receiver
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the pinyin search returned")
    }

    #[test]
    fn a_pinyin_job_dropped_unstarted_is_built_for_its_index() {
        let report = report();
        let (index, pinyin) = SearchIndex::without_pinyin(&report);
        drop(pinyin);
        assert_eq!(
            search_within_a_minute(&index, "kp"),
            SearchIndex::new(&report).search("kp", None)
        );
        assert!(!index.search("kp", None).is_empty());
    }

    #[test]
    fn folding_in_runs_matches_folding_each_character() {
        let text = "Ａpp「科普中国」**1.2** 万人次 ÀÉ Ωmega 　x\u{0}y ＡＢ１ \u{1D400} ß \u{130} 協會 **8400** 個\t\n";
        let slow: String = text
            .replace("**", "")
            .chars()
            .map(fold)
            .filter(|&c| !skipped(c))
            .collect();
        assert_eq!(fold_query(text), slow);
        assert!(
            slow.starts_with("app「科普中国」1.2万人次àéωmegaxyab1"),
            "{slow}"
        );
        assert!(slow.ends_with("协会8400个"), "{slow}");
        // The fast path passes over no character that folding changes or skips.
        let mut buffer = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let folded = fold(c);
            let expected = if skipped(folded) {
                String::new()
            } else {
                folded.to_string()
            };
            assert_eq!(fold_query(c.encode_utf8(&mut buffer)), expected, "{c:?}");
        }
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

    fn hits(report: &Report, query: &str, scope: Option<usize>) -> Vec<Hit> {
        let index = SearchIndex::new(report);
        index
            .search(query, scope)
            .into_iter()
            .map(|place| Hit::new(report, place, query))
            .collect()
    }

    #[test]
    fn finds_titles_texts_and_labels() {
        let report = report();
        let hits = hits(&report, "院士", None);
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
        assert!(index.search("院士", Some(99)).is_empty());
        assert!(index.search("院士", Some(0)).is_empty());
        assert!(index.search("   ", None).is_empty());
    }

    #[test]
    fn matches_across_figure_marks_and_maps_back() {
        let report = report();
        let hits = hits(&report, "1.396 亿次", None);
        assert_eq!(hits.len(), 2);
        let text = &report.chapters[0].initiatives[0].text;
        let range = hits[0].text[0].clone();
        assert_eq!(&text[range], "1.396** 亿次");
    }

    /// What `query` matches in `text` (folded as `folded`), as written there.
    fn found_in<'t>(folded: &Folded, text: &'t str, query: &str) -> Vec<&'t str> {
        folded
            .find_all(&fold_query(query), text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn matches_skip_spaces_and_marks_and_end_on_the_last_character() {
        let text = "街道科協近 **8400** 多個，鄉鎮科協 **3.1** 萬多個";
        let folded = Folded::new(text);
        assert_eq!(folded.text, "街道科协近8400多个,乡镇科协3.1万多个");
        let found = |query: &str| found_in(&folded, text, query);
        assert_eq!(found("8400"), ["8400"]);
        assert_eq!(found("近8400"), ["近 **8400"]);
        assert_eq!(found("8400 多个"), ["8400** 多個"]);
        assert_eq!(found("科协"), ["科協", "科協"]);
        assert_eq!(found("3.1万"), ["3.1** 萬"]);
        assert!(found("近 8401").is_empty());
    }

    #[test]
    fn commas_that_group_digits_do_not_count() {
        let text = "捐助 **1,800** 余万元，专利２，５０８项，共1，2，3类，甲,乙";
        let folded = Folded::new(text);
        assert_eq!(folded.text, "捐助1800余万元,专利2508项,共123类,甲,乙");
        let found = |query: &str| found_in(&folded, text, query);
        assert_eq!(found("1800"), ["1,800"]);
        assert_eq!(found("1,800余"), ["1,800** 余"]);
        assert_eq!(found("2,508项"), ["２，５０８项"]);
        assert_eq!(found("2,5"), ["２，５"]);
        // A comma between words, or after a number and before a word, is punctuation.
        assert_eq!(found("元，专利"), ["元，专利"]);
        assert_eq!(found("甲,乙"), ["甲,乙"]);
        assert!(found("元专利").is_empty());
        assert!(found("类甲").is_empty());
        assert_eq!(fold_query("1,800，元"), "1800,元");
        assert_eq!(fold_query(",8"), ",8");
        // While "1,800" is being typed, "1," finds what "1" finds.
        assert_eq!(fold_query("1,"), "1");
        assert_eq!(fold_query("２，"), "2");
        assert_eq!(found("1,"), found("1"));
        assert_eq!(fold_query("元，"), "元,");
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
    fn matches_do_not_cross_fields_or_initiatives() {
        let report = report();
        let index = SearchIndex::new(&report);
        // The last character of a title and the first of its text are not adjacent.
        let first = &report.chapters[0].initiatives[0];
        let last_of_title: String = first.title.chars().last().into_iter().collect();
        let first_of_text: String = first.text.chars().take(1).collect();
        assert!(
            index
                .search(&format!("{last_of_title}{first_of_text}"), None)
                .is_empty()
        );
        assert!(index.search("\u{0}", None).is_empty());
    }

    #[test]
    fn every_place_found_has_a_hit_and_the_scan_agrees_with_a_plain_one() {
        let report = report();
        let index = SearchIndex::new(&report);
        for query in ["科", "科普", "院士", "1", "万", "e站", "成都", "app", "%"] {
            let found = index.search(query, None);
            let expected: Vec<InitiativeRef> = report
                .chapters
                .iter()
                .enumerate()
                .flat_map(|(c, ch)| {
                    (0..ch.initiatives.len()).map(move |i| InitiativeRef {
                        chapter: c,
                        initiative: i,
                    })
                })
                .filter(|&place| Hit::new(&report, place, query).match_count() > 0)
                .collect();
            assert_eq!(found, expected, "{query}");
        }
    }

    #[test]
    fn large_indexes_search_on_two_threads_with_the_same_answer() {
        let mut report = report();
        // Enough copies of the report to pass the parallel threshold.
        let chapters = report.chapters.clone();
        let copies = PARALLEL_FROM * 2 / SearchIndex::new(&report).haystack.len() + 1;
        for _ in 1..copies {
            report.chapters.extend(chapters.iter().cloned());
        }
        let index = SearchIndex::new(&report);
        let found = index.search("科技会堂", None);
        assert!(index.haystack.len() >= PARALLEL_FROM);
        assert_eq!(found.len(), copies);
        assert!(found.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_entry_holding_a_position_is_found_from_any_entry_before_it() {
        let starts = [0, 3, 3, 7, 20, 21, 40];
        let last = starts.len() - 1;
        for position in 0..40 {
            let holding = starts[1..].partition_point(|&s| s <= position);
            for entry in 0..=holding {
                assert_eq!(entry_holding(&starts, entry, last, position), holding);
            }
        }
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
