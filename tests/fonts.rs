//! The bundled fonts draw every character Huimou shows: the embedded dataset's and the UI's.

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
            } else if path.extension().is_some_and(|e| e == extension) {
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
    assert!(
        dataset_chars > 500,
        "only {dataset_chars} characters read from data/"
    );
    for (name, font) in [
        ("Regular", huimou::fonts::REGULAR),
        ("Bold", huimou::fonts::BOLD),
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
    let face = ttf_parser::Face::parse(huimou::fonts::REGULAR, 0).expect("a font");
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
        missing(huimou::fonts::REGULAR, &BTreeSet::from(['𠀀'])),
        ['𠀀']
    );
}
