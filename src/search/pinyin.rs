//! Finding Chinese text by its pinyin: full syllables ("kepu", "yuanshi") or initials ("kp").
//!
//! Each Han character is read with the `pinyin` crate's default reading only: its alternative
//! readings would make almost any query match somewhere. A traditional character the crate has
//! no reading for is read as its simplified form (see `script_fold`); Han characters that
//! neither has a reading for (some of the rarest, in the supplementary planes) match no pinyin. A text becomes two parallel strings,
//! one entry per character: the syllable (as a number) and its initial letter; characters that
//! are not Han become a zero that no query matches.

use std::ops::Range;
use std::sync::OnceLock;

use memchr::arch::all::packedpair::HeuristicFrequencyRank;
use memchr::memmem::{Finder, FinderBuilder};
use pinyin::ToPinyin as _;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::report::script_fold;

/// The Han characters looked up through a table rather than a hash map: the CJK Unified
/// Ideographs with Extension A.
const TABLE_START: u32 = 0x3400;
const TABLE_END: u32 = 0xA000;

/// Gives each syllable a number, and remembers each character's.
#[derive(Clone, Debug)]
pub struct Syllables {
    /// Syllable text by number; number 0 stands for "not a Han character".
    names: Vec<&'static str>,
    by_name: HashMap<&'static str, u16>,
    /// The syllable number of each character in the table range, plus one (0: not looked up).
    table: Vec<u16>,
    others: HashMap<char, u16>,
}

impl Default for Syllables {
    fn default() -> Self {
        Self {
            names: vec![""],
            by_name: HashMap::default(),
            table: vec![0; (TABLE_END - TABLE_START) as usize],
            others: HashMap::default(),
        }
    }
}

impl Syllables {
    /// The syllable number of `c` (0 when it is not a Han character with a reading).
    pub fn of(&mut self, c: char) -> u16 {
        let code = c as u32;
        if code < TABLE_START {
            return 0;
        }
        if code < TABLE_END {
            let slot = (code - TABLE_START) as usize;
            if self.table[slot] == 0 {
                self.table[slot] = self.look_up(c) + 1;
            }
            return self.table[slot] - 1;
        }
        if let Some(&id) = self.others.get(&c) {
            return id;
        }
        let id = self.look_up(c);
        self.others.insert(c, id);
        id
    }

    fn look_up(&mut self, c: char) -> u16 {
        let Some(reading) = reading(c) else {
            return 0;
        };
        let name = typed(reading.plain());
        if let Some(&id) = self.by_name.get(name) {
            return id;
        }
        // There are some four hundred syllables; the cast cannot overflow.
        let id = u16::try_from(self.names.len()).unwrap_or(u16::MAX);
        self.names.push(name);
        self.by_name.insert(name, id);
        id
    }

    /// The syllable called `name`, if any character read so far has it.
    fn named(&self, name: &str) -> Option<u16> {
        self.by_name.get(name).copied()
    }

    /// The initial letter of syllable `id` (0 for "not a Han character").
    pub fn initial(&self, id: u16) -> u8 {
        self.name(id).bytes().next().unwrap_or(0)
    }

    /// The text of syllable `id`.
    pub fn name(&self, id: u16) -> &'static str {
        self.names.get(usize::from(id)).copied().unwrap_or("")
    }
}

/// A syllable as it is typed: ü has no key, and pinyin keyboards take v for it (率 lü: lv).
fn typed(name: &'static str) -> &'static str {
    match name {
        "lü" => "lv",
        "nü" => "nv",
        "lüe" => "lve",
        "nüe" => "nve",
        _ => name,
    }
}

/// The default reading of `c`, or that of its simplified form when it has none itself.
fn reading(c: char) -> Option<::pinyin::Pinyin> {
    c.to_pinyin().or_else(|| {
        let simplified = script_fold::to_simplified(c);
        (simplified != c).then(|| simplified.to_pinyin()).flatten()
    })
}

/// Whether the traditional character `c` reads otherwise than its simplified form (乾 qian,
/// 干 gan; 閤 ge, 合 he; 㑮 hun, and some read none): some six hundred of OpenCC's four thousand, nearly
/// all rare. The search index holds simplified forms, and reads these as written instead.
pub fn reads_unlike_simplified(c: char) -> bool {
    static UNLIKE: OnceLock<HashSet<char>> = OnceLock::new();
    UNLIKE
        .get_or_init(|| {
            script_fold::pairs()
                .filter(|&(traditional, simplified)| {
                    reading(traditional).map(|r| r.plain())
                        != reading(simplified).map(|r| r.plain())
                })
                .map(|(traditional, _)| traditional)
                .collect()
        })
        .contains(&c)
}

/// Queries longer than this are not read as pinyin: nobody types a paragraph in pinyin, and the
/// ways of splitting a long run of letters into syllables grow exponentially.
pub const MAX_PINYIN_LETTERS: usize = 40;

/// A query read as pinyin: lower-case Latin letters only, at least two and at most
/// `MAX_PINYIN_LETTERS`.
pub fn as_pinyin_query(query: &str) -> Option<String> {
    if query.len() > 4 * MAX_PINYIN_LETTERS {
        return None;
    }
    let letters: String = query
        .trim()
        .chars()
        .filter(|c| *c != ' ' && *c != '\'')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (letters.len() >= 2
        && letters.len() <= MAX_PINYIN_LETTERS
        && letters.bytes().all(|b| b.is_ascii_lowercase()))
    .then_some(letters)
}

/// One way to read a query as syllables: whole syllables, then the start of one more (which
/// may be a whole syllable too), so that results show while a syllable is being typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    whole: Vec<u16>,
    last: Vec<u16>,
    /// The initial letter of each syllable, the last's included: a character can only match
    /// where these do, and the initials are half the bytes to search that the syllables are.
    initials: Vec<u8>,
}

impl Reading {
    /// The whole syllables, in order.
    pub fn whole(&self) -> &[u16] {
        &self.whole
    }

    /// The syllables the last character may read as (the query's end may be half typed).
    pub fn last(&self) -> &[u16] {
        &self.last
    }
}

/// The readings of a pinyin query over the syllables the dataset has ("kepu" = ke + pu…); at
/// most a few dozen. A query of three letters or more also reads as one syllable or the start
/// of one ("xiang" finds 项 and 乡; "xia" finds 下 too), so that a character can be found by
/// its reading alone. Two letters do not: "de" or "ai" would find 的 and 爱 in every paragraph
/// and bury the Latin word searched for ("AI"); two letters are initials ("kp").
pub fn readings(query: &str, syllables: &Syllables) -> Vec<Reading> {
    let mut found = Vec::new();
    let last: Vec<u16> = syllables
        .names
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, name)| query.len() >= 3 && name.starts_with(query))
        .filter_map(|(id, _)| u16::try_from(id).ok())
        .collect();
    if !last.is_empty() {
        found.push(Reading {
            whole: Vec::new(),
            last,
            initials: query.bytes().take(1).collect(),
        });
    }
    let mut whole = Vec::new();
    let mut budget = 20_000;
    split(query, syllables, &mut whole, &mut found, &mut budget);
    found
}

/// Splits `rest` into syllables in every way (up to `budget` steps in all).
fn split(
    rest: &str,
    syllables: &Syllables,
    whole: &mut Vec<u16>,
    found: &mut Vec<Reading>,
    budget: &mut u32,
) {
    const MOST: usize = 32;
    if found.len() >= MOST || *budget == 0 {
        return;
    }
    *budget -= 1;
    // The rest as the start of a last syllable, after at least one whole one.
    if !whole.is_empty() {
        let last: Vec<u16> = syllables
            .names
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, name)| name.starts_with(rest))
            .filter_map(|(id, _)| u16::try_from(id).ok())
            .collect();
        if !last.is_empty() {
            let initials = whole.iter().map(|&id| syllables.initial(id));
            found.push(Reading {
                whole: whole.clone(),
                last,
                initials: initials.chain(rest.bytes().take(1)).collect(),
            });
        }
    }
    // Or a whole syllable first, then the rest.
    for length in 1..rest.len() {
        if let Some(id) = syllables.named(&rest[..length]) {
            whole.push(id);
            split(&rest[length..], syllables, whole, found, budget);
            whole.pop();
        }
    }
}

/// A text as pinyin: one syllable number and one initial per character.
#[derive(Clone, Debug, Default)]
pub struct PinyinText {
    /// Syllable numbers, one per character (0 for others), as little-endian byte pairs so that
    /// a sequence of them is found by a byte search.
    pub syllables: Vec<[u8; 2]>,
    /// Initial letters, one per character (0 for others).
    pub initials: Vec<u8>,
    /// How many characters read as each syllable number, for `ByteRanks`.
    counts: Vec<u32>,
}

impl PinyinText {
    /// Appends `text`'s characters (already free of figure marks, like the search haystack).
    pub fn extend(&mut self, text: &str, syllables: &mut Syllables) {
        self.syllables.reserve(text.len() / 3);
        self.initials.reserve(text.len() / 3);
        for c in text.chars() {
            self.push_char(c, syllables);
        }
    }

    /// Appends `text`'s characters but white space, which search skips (and `**` figure marks
    /// when `skip_marks`); returns the byte offset in `text` of each character appended.
    pub fn push(&mut self, text: &str, skip_marks: bool, syllables: &mut Syllables) -> Vec<usize> {
        let mut offsets = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if skip_marks && c == '*' && chars.peek().is_some_and(|&(_, n)| n == '*') {
                chars.next();
                continue;
            }
            if crate::search::skips(c) {
                continue;
            }
            self.push_char(c, syllables);
            offsets.push(at);
        }
        offsets
    }

    /// Appends one character.
    pub fn push_char(&mut self, c: char, syllables: &mut Syllables) {
        let id = syllables.of(c);
        self.syllables.push(id.to_le_bytes());
        self.initials.push(syllables.initial(id));
        let slot = usize::from(id);
        if slot >= self.counts.len() {
            self.counts.resize(slot + 1, 0);
        }
        self.counts[slot] = self.counts[slot].saturating_add(1);
    }

    /// The number of characters so far.
    pub fn len(&self) -> usize {
        self.syllables.len()
    }

    /// Whether nothing was appended.
    pub fn is_empty(&self) -> bool {
        self.syllables.is_empty()
    }

    /// `letters` and their `readings` made ready to search this (large) text: its byte searches
    /// look first for the bytes rarest in it (see `Query`).
    pub fn query(&self, letters: &str, readings: Vec<Reading>, syllables: &Syllables) -> Query {
        let (syllable_ranks, initial_ranks) = self.byte_ranks(syllables);
        Query::build(letters, readings, &syllable_ranks, &initial_ranks)
    }

    /// How common each byte is in this text's syllable numbers and in its initials.
    fn byte_ranks(&self, syllables: &Syllables) -> (ByteRanks, ByteRanks) {
        let mut syllable_bytes = [0u64; 256];
        let mut initial_bytes = [0u64; 256];
        for (id, &count) in self.counts.iter().enumerate() {
            let count = u64::from(count);
            let id = u16::try_from(id).unwrap_or(u16::MAX);
            for byte in id.to_le_bytes() {
                syllable_bytes[usize::from(byte)] += count;
            }
            initial_bytes[usize::from(syllables.initial(id))] += count;
        }
        (
            ByteRanks::from_counts(&syllable_bytes),
            ByteRanks::from_counts(&initial_bytes),
        )
    }

    /// Every match in `range` (character positions), in order and not overlapping, as
    /// character ranges: by syllables for any of the query's readings, or by its initials.
    pub fn find_all(&self, range: Range<usize>, query: &Query) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut at = range.start;
        while let Some(m) = self.find(at..range.end, query) {
            at = m.end;
            found.push(m);
        }
        found
    }

    /// The first match in `range` (character positions).
    pub fn find(&self, range: Range<usize>, query: &Query) -> Option<Range<usize>> {
        let mut best: Option<Range<usize>> = None;
        let mut consider = |m: Range<usize>| {
            if best.as_ref().is_none_or(|b| m.start < b.start) {
                best = Some(m);
            }
        };
        if let Some(finder) = &query.initials
            && let Some(at) = self.next_initials(range.clone(), finder)
        {
            consider(at..at + finder.needle().len());
        }
        for reading in &query.readings {
            if let Some(m) = self.find_reading(range.clone(), reading) {
                consider(m);
            }
        }
        best
    }

    /// Where the next match of the query's initials in `range` starts.
    pub fn next_initials(&self, range: Range<usize>, finder: &Finder<'_>) -> Option<usize> {
        if range.start >= range.end {
            return None;
        }
        finder
            .find(&self.initials[range.clone()])
            .map(|at| range.start + at)
    }

    /// Where the next match of `reading` in `range` starts.
    pub fn next_reading(&self, range: Range<usize>, reading: &ReadingFinder) -> Option<usize> {
        self.find_reading(range, reading).map(|m| m.start)
    }

    /// The first match of `finder`'s reading in `range`.
    fn find_reading(&self, range: Range<usize>, finder: &ReadingFinder) -> Option<Range<usize>> {
        let Reading { whole, last, .. } = &finder.reading;
        match &finder.search {
            ReadingSearch::Syllable(finders) => {
                let at = finders
                    .iter()
                    .filter_map(|f| self.find_syllable(range.clone(), f))
                    .min()?;
                Some(at..at + 1)
            }
            ReadingSearch::Initials(initials) => {
                let mut at = range.start;
                while at < range.end {
                    let start = at + initials.find(&self.initials[at..range.end])?;
                    // The initials matched, so the whole syllables and the last are in range.
                    let next = start + whole.len();
                    let reads = |(bytes, id): (&[u8; 2], &u16)| u16::from_le_bytes(*bytes) == *id;
                    if self.syllables[start..next].iter().zip(whole).all(reads)
                        && last.contains(&u16::from_le_bytes(self.syllables[next]))
                    {
                        return Some(start..next + 1);
                    }
                    at = start + 1;
                }
                None
            }
        }
    }

    /// The first character in `range` that reads as the syllable `finder` looks for.
    fn find_syllable(&self, range: Range<usize>, finder: &Finder<'_>) -> Option<usize> {
        let mut at = range.start;
        while at < range.end {
            let offset = finder.find(self.syllables[at..range.end].as_flattened())?;
            // A match must start on a character, not in the middle of one's number.
            if offset % 2 == 0 {
                return Some(at + offset / 2);
            }
            at += offset / 2 + 1;
        }
        None
    }
}

/// A pinyin query made ready to search one text: its byte searches are built once (not once
/// per initiative searched) and look first for the bytes that are rarest in that text. Left to
/// its default, memchr would assume English text, where a zero byte is rare; in syllable
/// numbers every other byte is zero, and its prefilter then stops at nearly every character.
#[derive(Debug)]
pub struct Query {
    initials: Option<Finder<'static>>,
    readings: Vec<ReadingFinder>,
}

impl Query {
    /// `letters` and their `readings` made ready to search a short text (a name, a title),
    /// where building byte searches for it is not worth their cost.
    pub fn new(letters: &str, readings: Vec<Reading>) -> Self {
        let equal = ByteRanks([0; 256]);
        Self::build(letters, readings, &equal, &equal)
    }

    fn build(
        letters: &str,
        readings: Vec<Reading>,
        syllable_ranks: &ByteRanks,
        initial_ranks: &ByteRanks,
    ) -> Self {
        let builder = FinderBuilder::new();
        let initials = (!letters.is_empty())
            .then(|| builder.build_forward_with_ranker_owned(initial_ranks, letters.as_bytes()));
        let readings = readings
            .into_iter()
            .map(|reading| {
                let search = if reading.whole.is_empty() {
                    let one = |id: &u16| {
                        builder.build_forward_with_ranker_owned(syllable_ranks, id.to_le_bytes())
                    };
                    ReadingSearch::Syllable(reading.last.iter().map(one).collect())
                } else {
                    let initials = reading.initials.as_slice();
                    ReadingSearch::Initials(Box::new(
                        builder.build_forward_with_ranker_owned(initial_ranks, initials),
                    ))
                };
                ReadingFinder { reading, search }
            })
            .collect();
        Self { initials, readings }
    }

    /// The byte search for the query's initials ("kp"), if any.
    pub fn initials(&self) -> Option<&Finder<'static>> {
        self.initials.as_ref()
    }

    /// The query's readings as syllables, each with its byte search.
    pub fn readings(&self) -> &[ReadingFinder] {
        &self.readings
    }
}

/// One reading of a query with its byte search.
#[derive(Debug)]
pub struct ReadingFinder {
    reading: Reading,
    search: ReadingSearch,
}

/// How a reading is searched for.
#[derive(Debug)]
enum ReadingSearch {
    /// One syllable (any of the reading's last): each one's number, in the syllables.
    Syllable(Vec<Finder<'static>>),
    /// Several: their initial letters, half the bytes to read, then the syllables compared
    /// where those match.
    Initials(Box<Finder<'static>>),
}

/// How often each byte occurs in a text, as memchr's prefilter ranks bytes: lower is rarer.
#[derive(Debug)]
struct ByteRanks([u8; 256]);

impl ByteRanks {
    fn from_counts(counts: &[u64; 256]) -> Self {
        let total = counts.iter().sum::<u64>().max(1);
        // A byte making up half the text or more ranks 255, which turns the prefilter off
        // for a query made only of such bytes; otherwise the rank grows with the share.
        Self(counts.map(|count| {
            let rank = count.saturating_mul(510) / total;
            u8::try_from(rank).unwrap_or(u8::MAX)
        }))
    }
}

impl HeuristicFrequencyRank for ByteRanks {
    fn rank(&self, byte: u8) -> u8 {
        self.0[usize::from(byte)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> (PinyinText, Syllables) {
        let mut syllables = Syllables::default();
        let mut pinyin = PinyinText::default();
        pinyin.push(s, true, &mut syllables);
        (pinyin, syllables)
    }

    fn find(s: &str, query: &str) -> Vec<String> {
        let (pinyin, syllables) = text(s);
        let query = as_pinyin_query(query).expect("a pinyin query");
        let readings = readings(&query, &syllables);
        let query = pinyin.query(&query, readings, &syllables);
        let chars: Vec<char> = s.replace("**", "").chars().collect();
        pinyin
            .find_all(0..pinyin.len(), &query)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn full_pinyin_and_initials_find_the_characters() {
        assert_eq!(find("全市科普志愿者", "kepu"), ["科普"]);
        assert_eq!(find("全市科普志愿者", "kp"), ["科普"]);
        assert_eq!(find("柔性引进院士**71**名", "yuanshi"), ["院士"]);
        assert_eq!(find("柔性引进院士", "ys"), ["院士"]);
        // While the last syllable is being typed.
        assert_eq!(find("全市科普志愿者", "kepuzhiy"), ["科普志愿"]);
        assert_eq!(find("科技创新", "keji chuangxin"), ["科技创新"]);
        assert!(find("科技创新", "kepu").is_empty());
    }

    #[test]
    fn latin_and_single_letters_are_not_pinyin() {
        assert!(as_pinyin_query("a").is_none());
        assert!(as_pinyin_query("科普").is_none());
        assert!(as_pinyin_query("5a").is_none());
        assert_eq!(as_pinyin_query(" Ke Pu ").as_deref(), Some("kepu"));
        // Latin text has no initials: "ap" does not match "apple".
        assert!(find("apple 苹果", "ap").is_empty());
    }

    #[test]
    fn one_syllable_finds_the_characters_that_read_as_it() {
        assert_eq!(find("重点项目和乡村振兴", "xiang"), ["项", "乡"]);
        // While it is being typed: xia is a syllable (下) and the start of xiang.
        assert_eq!(find("下乡项目", "xia"), ["下", "乡", "项"]);
        // Two letters are initials, not a syllable: "xi" does not find 西 alone.
        assert!(find("西部乡村", "xi").is_empty());
    }

    #[test]
    fn u_with_a_diaeresis_is_typed_as_v() {
        assert_eq!(find("城镇登记失业率", "shiyelv"), ["失业率"]);
        assert_eq!(find("妇女儿童", "funv"), ["妇女"]);
        assert_eq!(find("城镇化率", "chengzhenhualv"), ["城镇化率"]);
    }

    #[test]
    fn the_default_reading_only() {
        // 行 reads xing by default; its other reading hang must not match.
        assert!(find("银行", "yinhang").is_empty());
        assert_eq!(find("银行", "yinxing"), ["银行"]);
    }
}
