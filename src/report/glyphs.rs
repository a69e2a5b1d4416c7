//! Which characters Huimou's bundled fonts draw, known without the fonts or the GUI, so that
//! `huimou check` can name the characters of a dataset that only a system font can draw.
//!
//! `scripts/subset-fonts.py` writes the list next to the fonts: every code point that a font of
//! the viewer's text family has a glyph for (the bundled Noto Sans CJK SC face, then egui's own
//! fonts), as inclusive ranges of two little-endian `u32`. `tests/it/fonts.rs` checks that it
//! matches the fonts the viewer installs.

use std::ops::RangeInclusive;
use std::sync::OnceLock;

/// The ranges of code points the bundled fonts draw.
const COVERAGE: &[u8] = include_bytes!("../../assets/fonts/coverage.bin");

/// The code points the bundled fonts draw, as sorted, disjoint inclusive ranges.
pub fn covered_ranges() -> &'static [RangeInclusive<u32>] {
    static RANGES: OnceLock<Vec<RangeInclusive<u32>>> = OnceLock::new();
    RANGES.get_or_init(|| {
        COVERAGE
            .chunks_exact(8)
            .map(|r| {
                let first = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
                let last = u32::from_le_bytes([r[4], r[5], r[6], r[7]]);
                first..=last
            })
            .collect()
    })
}

/// Whether a bundled font has a glyph for `c`.
pub fn is_covered(c: char) -> bool {
    let ranges = covered_ranges();
    let code = u32::from(c);
    let at = ranges.partition_point(|r| *r.end() < code);
    ranges.get(at).is_some_and(|r| r.contains(&code))
}

/// Characters the viewer shows without a glyph of any font: control characters (a tab is drawn
/// as a space), the thin spaces egui draws as spaces, the invisible format characters egui
/// draws as nothing, and the variation selectors shaping folds into the character before them.
pub fn needs_no_glyph(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2009}'
                | '\u{202F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

/// The characters of `texts` that no bundled font draws, each once, in code point order.
pub fn uncovered<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<char> {
    // A set of the distinct characters, not a list of them all: a 60 MB report has tens of
    // millions of characters but only thousands of different ones.
    let distinct: std::collections::BTreeSet<char> = texts
        .into_iter()
        .flat_map(str::chars)
        // Most characters are ASCII, which the bundled fonts draw.
        .filter(|c| !c.is_ascii_graphic() && *c != ' ')
        .collect();
    distinct
        .into_iter()
        .filter(|&c| !needs_no_glyph(c) && !is_covered(c))
        .collect()
}

/// The characters of a dataset file's text that no bundled font draws, each once, in code point
/// order. The text is scanned as it is (its strings, and any comments), not parsed again: `check`
/// has a report's text in memory already, and a second report or a copy would double it.
pub fn uncovered_in_source(source: &str) -> Vec<char> {
    if source.len() as u64 > crate::report::model::MAX_BYTES {
        return Vec::new();
    }
    uncovered([source.strip_prefix('\u{feff}').unwrap_or(source)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coverage_is_sorted_disjoint_ranges() {
        assert_eq!(COVERAGE.len() % 8, 0);
        let ranges = covered_ranges();
        assert!(ranges.len() > 100, "{} ranges", ranges.len());
        for pair in ranges.windows(2) {
            assert!(pair[0].start() <= pair[0].end());
            // Adjacent ranges would have been one.
            assert!(pair[0].end() + 1 < *pair[1].start(), "{pair:?}");
        }
    }

    #[test]
    fn common_characters_are_covered_and_rare_ones_are_not() {
        for c in "A科普啊齄說臺、，。１…“”".chars() {
            assert!(is_covered(c), "{c}");
        }
        // Two rare characters (Extensions B and A), written as escapes: scripts/subset-fonts.py
        // adds every character of src/ to the bundled faces.
        for c in ['\u{20BB7}', '\u{4DAE}', '\u{10FFFF}'] {
            assert!(!is_covered(c), "{c}");
        }
    }

    #[test]
    fn uncovered_lists_each_character_once_in_order() {
        assert_eq!(
            uncovered([
                "吉野家的\u{20BB7}，\u{4DAE}",
                "\t\u{20BB7}\u{200B}\u{FE0F}\r\n"
            ]),
            ['\u{4DAE}', '\u{20BB7}']
        );
        assert!(uncovered(["科普 210 个"]).is_empty());
    }
}
