//! The bundled fonts draw every character Huimou shows: the embedded dataset's and the UI's,
//! GB2312 and Big5; and `huimou check` knows which characters they draw.

use std::collections::BTreeSet;
use std::path::Path;

fn characters_of(pattern_dir: &str, extension: &str) -> BTreeSet<char> {
    let mut chars = BTreeSet::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(pattern_dir)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == extension)
                // The script-folding table is search data, never shown; it holds characters
                // of every rarity that no font need draw.
                && !path.ends_with("script_fold.rs")
            {
                chars.extend(std::fs::read_to_string(&path).expect("UTF-8").chars());
            }
        }
    }
    chars.retain(|c| !c.is_control());
    chars
}

fn missing(font: &[u8], chars: &BTreeSet<char>) -> Vec<char> {
    let face = ttf_parser::Face::parse(font, 0).expect("a font");
    chars
        .iter()
        .copied()
        .filter(|&c| c != ' ' && face.glyph_index(c).is_none())
        .collect()
}

#[test]
fn bundled_fonts_cover_the_embedded_dataset_and_the_ui() {
    // Every string the UI shows is written in src/; data/ holds the embedded dataset.
    let mut chars = characters_of("data", "ron");
    let dataset_chars = chars.len();
    chars.extend(characters_of("src", "rs"));
    // The interface in traditional characters, as a traditional report shows it.
    for (zh, _) in huimou::viewer::i18n::ENGLISH {
        let text = huimou::viewer::i18n::traditional(zh);
        chars.extend(text.chars().filter(|c| !c.is_whitespace()));
    }
    assert!(
        dataset_chars > 500,
        "only {dataset_chars} characters read from data/"
    );
    for (name, font) in [
        ("Regular", huimou::viewer::fonts::regular_face()),
        ("Bold", huimou::viewer::fonts::bold_face()),
    ] {
        let missing = missing(font, &chars);
        assert!(
            missing.is_empty(),
            "the {name} face has no glyph for {missing:?}; run scripts/subset-fonts.py"
        );
    }
}

#[test]
fn bundled_fonts_are_simplified_chinese_and_cover_gb2312_samples() {
    let face = ttf_parser::Face::parse(huimou::viewer::fonts::regular_face(), 0).expect("a font");
    let family = face
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
        .and_then(|n| n.to_string())
        .expect("a family name");
    assert!(family.contains("CJK SC"), "{family}");
    // A few common characters from across GB2312 that the report does not use.
    for c in "啊齄鸡蛋龟鼎１，。".chars() {
        assert!(face.glyph_index(c).is_some(), "{c}");
    }
    // A checker that tests its own logic: a character outside the subset is reported missing.
    assert_eq!(
        missing(
            huimou::viewer::fonts::regular_face(),
            &BTreeSet::from(['𠀀'])
        ),
        ['𠀀']
    );
}

/// Every character of Big5 as the WHATWG decoder reads it: the standard's symbols (A140–A3BF)
/// and hanzi (A440–C67E, C940–F9D5), and the ETEN additions after them (F9D6–F9FE) that
/// Windows' code page 950 has too. Left out are the areas Big5 leaves to its vendors and users,
/// where the decoder reads the Hong Kong (HKSCS) and Big5-2003 additions.
fn big5() -> BTreeSet<char> {
    let standard = |code: u16| matches!(code, 0xA140..=0xA3BF | 0xA440..=0xC67E | 0xC940..=0xF9FE);
    let mut chars = BTreeSet::new();
    for lead in 0xA1..=0xF9u8 {
        for trail in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
            if !standard(u16::from_be_bytes([lead, trail])) {
                continue;
            }
            // None for a code Big5 does not assign.
            if let Some(text) = encoding_rs::BIG5
                .decode_without_bom_handling_and_without_replacement(&[lead, trail])
            {
                chars.extend(text.chars());
            }
        }
    }
    chars
}

#[test]
fn bundled_fonts_cover_big5_in_both_weights() {
    let chars = big5();
    let hanzi = chars
        .iter()
        .filter(|&&c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
        .count();
    assert!(
        chars.len() > 13_400 && hanzi > 13_000,
        "only {} characters, {hanzi} of them hanzi",
        chars.len()
    );
    // Two symbols that no face of Noto Sans CJK has: ˍ (modifier letter low macron) and
    // ≒ (approximately equal to or the image of).
    let lacking = ['\u{02CD}', '\u{2252}'];
    for (name, font) in [
        ("Regular", huimou::viewer::fonts::regular_face()),
        ("Bold", huimou::viewer::fonts::bold_face()),
    ] {
        let missing = missing(font, &chars);
        assert_eq!(
            missing,
            lacking,
            "the {name} face lacks {} of Big5's {} characters; run scripts/subset-fonts.py",
            missing.len(),
            chars.len()
        );
    }
}

/// The code points a font has a glyph for.
fn cmap(font: &[u8]) -> BTreeSet<u32> {
    let face = ttf_parser::Face::parse(font, 0).expect("a font");
    let mut codes = BTreeSet::new();
    for subtable in face
        .tables()
        .cmap
        .into_iter()
        .flat_map(|cmap| cmap.subtables)
        .filter(ttf_parser::cmap::Subtable::is_unicode)
    {
        subtable.codepoints(|code| {
            if subtable.glyph_index(code).is_some_and(|g| g.0 != 0) {
                codes.insert(code);
            }
        });
    }
    codes
}

#[test]
fn the_coverage_check_uses_is_what_the_viewer_s_fonts_draw() {
    let definitions = huimou::viewer::fonts::definitions();
    let drawn_by = |family: &egui::FontFamily| -> BTreeSet<u32> {
        definitions.families[family]
            .iter()
            .flat_map(|name| cmap(definitions.font_data[name].font.as_ref().as_ref()))
            .collect()
    };
    let proportional = drawn_by(&egui::FontFamily::Proportional);
    assert_eq!(
        drawn_by(&huimou::viewer::fonts::bold()),
        proportional,
        "the bold family draws other characters"
    );
    let listed: BTreeSet<u32> = huimou::report::glyphs::covered_ranges()
        .iter()
        .flat_map(Clone::clone)
        .collect();
    let unlisted: Vec<u32> = proportional.difference(&listed).copied().take(20).collect();
    let undrawn: Vec<u32> = listed.difference(&proportional).copied().take(20).collect();
    assert!(
        unlisted.is_empty() && undrawn.is_empty(),
        "assets/fonts/coverage.bin is not what the fonts draw (drawn, not listed: {unlisted:x?}; \
         listed, not drawn: {undrawn:x?}); run scripts/subset-fonts.py"
    );
}

#[test]
fn the_viewer_draws_with_the_bytes_these_tests_read() {
    let definitions = huimou::viewer::fonts::definitions();
    for (name, face) in [
        ("noto-sc", huimou::viewer::fonts::regular_face()),
        ("noto-sc-bold", huimou::viewer::fonts::bold_face()),
    ] {
        let installed: &[u8] = definitions.font_data[name].font.as_ref().as_ref();
        assert!(std::ptr::eq(installed, face), "{name}");
    }
    // Decompressed once: a second call hands out the same bytes.
    assert!(std::ptr::eq(
        huimou::viewer::fonts::regular_face(),
        huimou::viewer::fonts::regular_face()
    ));
}
