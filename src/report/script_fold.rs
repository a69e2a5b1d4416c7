//! Traditional Chinese characters folded to simplified ones, so that search is blind to script:
//! 協會 and 协会 both fold to 协会.
//!
//! The mapping is OpenCC's character table (TSCharacters, traditional to simplified, by way of
//! the `hanconv` crate), one character for one: where OpenCC lists several simplified forms the
//! first is taken, and phrase tables are not used, so a fold never changes how many characters
//! a text has. Folding both the text and the query makes a few characters that are told apart
//! in simplified writing alike (乾 and 干 both fold to 干), which costs a search little.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

/// The first and one past the last code point of the range that `may_change` answers from a
/// bit set: U+3000 to U+9FFF, every character whose UTF-8 starts with a byte from E3 to E9,
/// which holds the CJK Unified Ideographs and Extension A.
const BITS_START: u32 = 0x3000;
const BITS_END: u32 = 0xA000;

/// Which script a report's Chinese text is written in: its figures' magnitudes are shown in it
/// (萬 or 万), and a character the bundled faces lack is drawn from a system face of the same
/// script (never Japanese forms by chance).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HanScript {
    /// Simplified characters (mainland China, Singapore).
    #[default]
    Simplified,
    /// Traditional characters (Taiwan, Hong Kong, Macao).
    Traditional,
}

/// Frequent characters that exist in one script only, simplified then traditional, pair by pair.
const SCRIPT_PAIRS: [(&str, &str); 2] = [
    (
        "们这个来为国会说时发学对经东车长门问间开关见现实总动协乡县万两与业专书区",
        "們這個來為國會說時發學對經東車長門問間開關見現實總動協鄉縣萬兩與業專書區",
    ),
    (
        "员场农数据术产广圆础乐处传统众优务办劳华单厅历压双发变台叶号听后员",
        "員場農數據術產廣圓礎樂處傳統眾優務辦勞華單廳歷壓雙發變臺葉號聽後員",
    ),
];

impl HanScript {
    /// The script most of the script-specific characters of `texts` are written in, judged
    /// from their first 20,000 characters (a report keeps to one script).
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let (mut simplified, mut traditional) = (0usize, 0usize);
        let chars = texts.into_iter().flat_map(str::chars).take(20_000);
        {
            for c in chars {
                if SCRIPT_PAIRS.iter().any(|(s, _)| s.contains(c)) {
                    simplified += 1;
                } else if SCRIPT_PAIRS.iter().any(|(_, t)| t.contains(c)) {
                    traditional += 1;
                }
            }
        }
        if traditional > simplified {
            Self::Traditional
        } else {
            Self::Simplified
        }
    }
}

/// OpenCC's table in the form folding reads it.
#[derive(Debug)]
pub struct Table {
    /// One bit per code point from `BITS_START` to `BITS_END`: set where `map` has the
    /// character.
    bits: Vec<u64>,
    /// Every traditional character to its simplified form (itself already simplified).
    map: HashMap<char, char>,
}

impl Table {
    /// Whether the character at `code` (from U+3000 to U+9FFF) may have a simplified form
    /// other than itself; `false` for certain, from one bit. Other code points answer `true`.
    #[inline]
    pub fn may_change(&self, code: u32) -> bool {
        if !(BITS_START..BITS_END).contains(&code) {
            return true;
        }
        let slot = (code - BITS_START) as usize;
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// The simplified form of `c`, if it has one other than itself.
    #[inline]
    pub fn get(&self, c: char) -> Option<char> {
        self.map.get(&c).copied()
    }
}

/// OpenCC's table, parsed once per process (some 4,100 lines, in well under a millisecond).
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        const TEXT: &str = hanconv::RawDictionary::TSCharacters.text();
        let mut map = HashMap::default();
        map.reserve(4_200);
        // Lines are "key<TAB>value[ value…]": one-character keys with a one-character first
        // value are taken; comments and phrases are not.
        let bytes = TEXT.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |e| at + e);
            let mut chars = TEXT[at..end].chars();
            at = end + 1;
            if let (Some(from), Some('\t'), Some(to), None | Some(' ')) =
                (chars.next(), chars.next(), chars.next(), chars.next())
                && to != from
            {
                map.insert(from, to);
            }
        }
        // A few simplified forms are themselves listed (薴 → 苧 → 苎): follow each to the end, so
        // that folding twice is folding once.
        let resolved: Vec<(char, char)> = map
            .iter()
            .map(|(&from, &to)| {
                let mut to = to;
                for _ in 0..8 {
                    match map.get(&to) {
                        Some(&next) if next != from => to = next,
                        _ => break,
                    }
                }
                (from, to)
            })
            .collect();
        map.extend(resolved);
        let mut bits = vec![0; ((BITS_END - BITS_START) / 64) as usize];
        for &from in map.keys() {
            let code = from as u32;
            if (BITS_START..BITS_END).contains(&code) {
                let slot = (code - BITS_START) as usize;
                bits[slot / 64] |= 1 << (slot % 64);
            }
        }
        Table { bits, map }
    })
}

/// The simplified form of `c`, or `c` itself when it has none (simplified characters, and
/// every character that is not Han).
pub fn to_simplified(c: char) -> char {
    if (c as u32) < 0x3400 {
        return c;
    }
    let table = table();
    if table.may_change(c as u32) {
        table.get(c).unwrap_or(c)
    } else {
        c
    }
}

/// Every character that folds to another, with its simplified form, in no particular order.
pub fn pairs() -> impl Iterator<Item = (char, char)> {
    table().map.iter().map(|(&from, &to)| (from, to))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_script_pairs_pair_up() {
        for (simplified, traditional) in super::SCRIPT_PAIRS {
            assert_eq!(simplified.chars().count(), traditional.chars().count());
        }
    }

    use super::*;

    #[test]
    fn folds_traditional_to_simplified_and_leaves_the_rest() {
        let fold = |s: &str| s.chars().map(to_simplified).collect::<String>();
        assert_eq!(fold("協會科協學會鄉鎮萬多個"), "协会科协学会乡镇万多个");
        assert_eq!(fold("协会 app ＡＰＰ 123"), "协会 app ＡＰＰ 123");
        assert_eq!(fold("臺灣"), "台湾");
    }

    #[test]
    fn folding_is_idempotent_and_the_bits_agree_with_the_map() {
        for (from, to) in pairs() {
            assert_ne!(from, to);
            assert_eq!(to_simplified(to), to, "{from} → {to}");
            assert!(table().may_change(from as u32), "{from}");
        }
        assert!(pairs().count() > 4_000);
    }
}
