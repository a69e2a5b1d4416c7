//! Text on paper: which face draws each character, how wide it is, and where lines break.
//!
//! Glyphs are looked up and measured here (ttf-parser) and placed one by one by the renderer,
//! so a line is exactly as wide as the line breaking measured it. Chinese text breaks between
//! any two characters except where punctuation forbids it (no line starts with ，。、）or
//! ends with （《“); Latin words and numbers (1,800 or 11.7%) are never split.

use std::collections::HashMap;
use std::sync::Arc;

/// A colour, as red, green and blue.
pub type Rgb = [u8; 3];

/// One face a glyph comes from: the bundled regular and bold faces, then system faces for
/// characters they lack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FaceId(pub usize);

/// The bundled regular face.
pub const REGULAR: FaceId = FaceId(0);
/// The bundled bold face.
pub const BOLD: FaceId = FaceId(1);
/// The quotation marks at Latin widths, for English (`report::faces::QUOTES_REGULAR`).
const QUOTES: FaceId = FaceId(2);
/// The same in bold.
const QUOTES_BOLD: FaceId = FaceId(3);

/// A face's bytes and what measuring needs of it.
pub struct Face {
    /// The font file.
    pub data: Arc<Vec<u8>>,
    /// The face's index in its file.
    pub index: u32,
    units_per_em: f32,
}

/// A character as drawn: its face, glyph and advance (in ems).
#[derive(Clone, Copy, Debug)]
pub struct Glyph {
    pub face: FaceId,
    pub id: u16,
    pub advance: f32,
}

/// The faces a document draws with, and every character's glyph once looked up.
pub struct Faces {
    faces: Vec<Face>,
    glyphs: HashMap<(char, bool), Glyph>,
    /// The system's fonts, listed the first time a character needs one.
    system: Option<fontdb::Database>,
    /// System faces already in `faces`, by their id in `system`.
    loaded: HashMap<fontdb::ID, FaceId>,
    /// Characters no face has: drawn as the bundled face's empty box, and told.
    pub missing: Vec<char>,
    /// Whether quotation marks are set at Latin widths (English), not a full em (Chinese).
    latin_quotes: bool,
}

impl Faces {
    /// The bundled faces, for Chinese text.
    #[cfg(test)]
    pub fn bundled() -> Self {
        Self::bundled_for(crate::report::lang::Lang::Zh)
    }

    /// The bundled faces for text in `lang`: in English, quotation marks at Latin widths.
    pub fn bundled_for(lang: crate::report::lang::Lang) -> Self {
        let faces = [
            crate::report::faces::regular_face(),
            crate::report::faces::bold_face(),
            crate::report::faces::QUOTES_REGULAR,
            crate::report::faces::QUOTES_BOLD,
        ]
        .into_iter()
        .map(|data| Face::new(Arc::new(data.to_vec()), 0))
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
        Self {
            faces,
            glyphs: HashMap::new(),
            system: None,
            loaded: HashMap::new(),
            missing: Vec::new(),
            latin_quotes: lang == crate::report::lang::Lang::En,
        }
    }

    /// Every face used, by id.
    pub fn faces(&self) -> &[Face] {
        &self.faces
    }

    /// The glyph for `c`: from the bundled face of the weight, else from a system face that has
    /// it, else the bundled face's box (and `c` is listed as missing).
    pub fn glyph(&mut self, c: char, bold: bool) -> Glyph {
        if let Some(glyph) = self.glyphs.get(&(c, bold)) {
            return *glyph;
        }
        let own = if bold { BOLD } else { REGULAR };
        let quotes = if bold { QUOTES_BOLD } else { QUOTES };
        let latin_quote = self.latin_quotes && crate::report::faces::is_quote(c);
        let glyph = latin_quote
            .then(|| self.lookup(quotes, c))
            .flatten()
            .or_else(|| self.lookup(own, c))
            .or_else(|| self.system_glyph(c, bold))
            .unwrap_or_else(|| {
                if !crate::report::glyphs::needs_no_glyph(c) && !self.missing.contains(&c) {
                    self.missing.push(c);
                }
                Glyph {
                    face: own,
                    id: 0,
                    advance: 1.0,
                }
            });
        self.glyphs.insert((c, bold), glyph);
        glyph
    }

    fn lookup(&self, face: FaceId, c: char) -> Option<Glyph> {
        let font = self.faces.get(face.0)?;
        let parsed = ttf_parser::Face::parse(&font.data, font.index).ok()?;
        let id = parsed.glyph_index(c)?;
        let advance = f32::from(parsed.glyph_hor_advance(id).unwrap_or(0)) / font.units_per_em;
        Some(Glyph {
            face,
            id: id.0,
            advance,
        })
    }

    /// A system face's glyph for a character the bundled faces lack.
    fn system_glyph(&mut self, c: char, bold: bool) -> Option<Glyph> {
        let system = self.system.get_or_insert_with(|| {
            let mut database = fontdb::Database::new();
            database.load_system_fonts();
            database
        });
        let weight = if bold { 700 } else { 400 };
        let mut candidates: Vec<&fontdb::FaceInfo> = system.faces().collect();
        // Sans faces first, as the bundled face is, then the nearest weight.
        let serif = |face: &fontdb::FaceInfo| {
            face.families.iter().any(|(name, _)| {
                name.contains("Serif") || name.contains("Song") || name.contains("Ming")
            })
        };
        candidates.sort_by_key(|face| (serif(face), face.weight.0.abs_diff(weight), face.index));
        let (id, data, index) = candidates.into_iter().find_map(|info| {
            system.with_face_data(info.id, |data, index| {
                let parsed = ttf_parser::Face::parse(data, index).ok()?;
                parsed.glyph_index(c)?;
                Some((info.id, data.to_vec(), index))
            })?
        })?;
        let face = match self.loaded.get(&id) {
            Some(face) => *face,
            None => {
                self.faces.push(Face::new(Arc::new(data), index)?);
                let face = FaceId(self.faces.len() - 1);
                self.loaded.insert(id, face);
                face
            }
        };
        self.lookup(face, c)
    }
}

impl Face {
    fn new(data: Arc<Vec<u8>>, index: u32) -> Option<Self> {
        let parsed = ttf_parser::Face::parse(&data, index).ok()?;
        let units_per_em = f32::from(parsed.units_per_em());
        Some(Self {
            data: Arc::clone(&data),
            index,
            units_per_em,
        })
    }
}

/// A piece of a paragraph in one style.
#[derive(Clone, Debug)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub color: Rgb,
}

impl Span {
    /// Text in one style.
    pub fn new(text: impl Into<String>, bold: bool, color: Rgb) -> Self {
        Self {
            text: text.into(),
            bold,
            color,
        }
    }
}

/// Glyphs of one face and colour, side by side on a line.
#[derive(Clone, Debug)]
pub struct Run {
    /// Where the run starts, from the line's start, in points.
    pub x: f32,
    pub text: String,
    /// Each glyph with the byte range of its character in `text`.
    pub glyphs: Vec<(Glyph, std::ops::Range<usize>)>,
    pub face: FaceId,
    pub color: Rgb,
    pub width: f32,
}

/// A line of a paragraph.
#[derive(Clone, Debug, Default)]
pub struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
}

/// A character placed in a paragraph: the span it belongs to and its glyph.
#[derive(Clone, Copy)]
struct Placed {
    c: char,
    span: usize,
    glyph: Glyph,
}

/// Breaks `spans` into lines at most `width` points wide at `size` points.
pub fn break_lines(faces: &mut Faces, spans: &[Span], size: f32, width: f32) -> Vec<Line> {
    let placed: Vec<Placed> = spans
        .iter()
        .enumerate()
        .flat_map(|(k, span)| span.text.chars().map(move |c| (k, c)))
        .map(|(span, c)| Placed {
            c,
            span,
            glyph: faces.glyph(c, spans[span].bold),
        })
        .collect();
    let mut lines = Vec::new();
    let mut line: Vec<Placed> = Vec::new();
    let mut line_width = 0.0;
    for unit in units(&placed) {
        if unit.len() == 1 && placed[unit.start].c == '\n' {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
            continue;
        }
        let unit_width: f32 = placed[unit.clone()]
            .iter()
            .map(|p| p.glyph.advance * size)
            .sum();
        let space = unit.len() == 1 && placed[unit.start].c == ' ';
        // A space where the line is full is where it breaks; it starts no line.
        if space && line_width + unit_width > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            continue;
        }
        if line_width + unit_width > width && !line.is_empty() && !space {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        if space && line.is_empty() {
            continue;
        }
        // A word longer than a line is split where it must be.
        for p in &placed[unit] {
            if line_width + p.glyph.advance * size > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(*p);
            line_width += p.glyph.advance * size;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    no_lone_last_character(&mut lines);
    lines
        .into_iter()
        .map(|line| runs(spans, &line, size))
        .collect()
}

/// Whether `c` is a Han character (not punctuation, not Latin).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// A paragraph whose last line would hold a single character takes one more from the line
/// above, as typesetters do: a lone 强 under a full line reads as a mistake.
fn no_lone_last_character(lines: &mut [Vec<Placed>]) {
    let n = lines.len();
    if n < 2 {
        return;
    }
    let lone = matches!(lines[n - 1].as_slice(), [only] if is_han(only.c));
    let above = &lines[n - 2];
    let movable = above.len() >= 3
        && above.last().is_some_and(|p| is_han(p.c))
        && !no_end(above[above.len() - 2].c);
    if lone
        && movable
        && let Some(moved) = lines[n - 2].pop()
    {
        lines[n - 1].insert(0, moved);
    }
}

/// Characters that may not start a line.
fn no_start(c: char) -> bool {
    "，。、；：？！）》」』”’〉】〕…—%％·,.;:?!)]}".contains(c)
}

/// Characters that may not end a line.
fn no_end(c: char) -> bool {
    "（《「『“‘〈【〔([{".contains(c)
}

/// Whether `c` belongs to a Latin word or a number, which is never split.
fn in_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%' | '-' | '+' | '/' | ':' | '_')
}

/// The units lines break between: a Chinese character, a word or number, a space, a line
/// break; punctuation kept with its neighbour.
fn units(placed: &[Placed]) -> Vec<std::ops::Range<usize>> {
    let mut units: Vec<std::ops::Range<usize>> = Vec::new();
    let mut k = 0;
    while k < placed.len() {
        let c = placed[k].c;
        let mut end = k + 1;
        if c.is_ascii_alphanumeric() {
            while end < placed.len() && in_word(placed[end].c) {
                end += 1;
            }
        }
        let glued_to_previous = no_start(c)
            || units
                .last()
                .is_some_and(|last| no_end(placed[last.end - 1].c) && c != ' ' && c != '\n');
        match units.last_mut() {
            Some(last) if glued_to_previous && !matches!(placed[last.end - 1].c, ' ' | '\n') => {
                last.end = end;
            }
            _ => units.push(k..end),
        }
        k = end;
    }
    units
}

/// A line's characters grouped into runs of one face and colour.
fn runs(spans: &[Span], line: &[Placed], size: f32) -> Line {
    let mut out = Line::default();
    let mut x = 0.0;
    for p in line {
        let color = spans[p.span].color;
        let same = out
            .runs
            .last()
            .is_some_and(|run: &Run| run.face == p.glyph.face && run.color == color);
        if !same {
            out.runs.push(Run {
                x,
                text: String::new(),
                glyphs: Vec::new(),
                face: p.glyph.face,
                color,
                width: 0.0,
            });
        }
        if let Some(run) = out.runs.last_mut() {
            let start = run.text.len();
            run.text.push(p.c);
            run.glyphs.push((p.glyph, start..run.text.len()));
            run.width += p.glyph.advance * size;
        }
        x += p.glyph.advance * size;
    }
    // A space that ends a line takes no room.
    out.width = x;
    out
}

/// The width of `text` in one style, in points.
pub fn width(faces: &mut Faces, text: &str, bold: bool, size: f32) -> f32 {
    text.chars()
        .map(|c| faces.glyph(c, bold).advance * size)
        .sum()
}

/// `text` cut to fit `width` at `size` points, ending in "…" when cut.
pub fn cut_to_width(faces: &mut Faces, text: &str, size: f32, room: f32) -> String {
    if width(faces, text, false, size) <= room {
        return text.to_owned();
    }
    let ellipsis = width(faces, "…", false, size);
    let mut used = 0.0;
    let mut out = String::new();
    let mut rest = text.chars();
    for c in rest.by_ref() {
        used += faces.glyph(c, false).advance * size;
        if used + ellipsis > room {
            // English is cut between words, not inside one.
            let inside_a_word =
                c.is_alphanumeric() && out.ends_with(|l: char| l.is_ascii_alphanumeric());
            if inside_a_word && let Some(space) = out.rfind(' ') {
                out.truncate(space);
            }
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn chinese_breaks_anywhere_but_before_closing_punctuation() {
        let mut faces = Faces::bundled();
        let spans = [Span::new("科协组织的政治性、先进性和群众性", false, [0; 3])];
        // Six characters a line: the 、 that would start the second line stays on the first.
        let lines = break_lines(&mut faces, &spans, 10.0, 60.0);
        let texts = texts(&lines);
        assert!(texts.iter().all(|t| !t.starts_with('、')), "{texts:?}");
        assert_eq!(texts.concat(), "科协组织的政治性、先进性和群众性");
        assert!(lines.iter().all(|l| l.width <= 61.0 || l.runs.len() == 1));
    }

    #[test]
    fn a_last_line_never_holds_one_character_alone() {
        let mut faces = Faces::bundled();
        let spans = [Span::new(
            "科协组织的政治性先进性和群众性不断增强",
            false,
            [0; 3],
        )];
        // Six characters a line would leave 强 alone on the fourth.
        let lines = break_lines(&mut faces, &spans, 10.0, 60.0);
        let texts = texts(&lines);
        assert_eq!(
            texts.last().map(|t| t.chars().count()),
            Some(2),
            "{texts:?}"
        );
        assert_eq!(texts.concat(), "科协组织的政治性先进性和群众性不断增强");
    }

    #[test]
    fn english_lines_start_with_a_word_and_cuts_fall_between_words() {
        let mut faces = Faces::bundled();
        let spans = [Span::new(
            "more than 10 million attendances at events",
            false,
            [0; 3],
        )];
        for width in [40.0, 60.0, 80.0, 100.0] {
            let lines = break_lines(&mut faces, &spans, 10.0, width);
            for text in texts(&lines) {
                assert!(!text.starts_with(' '), "{text:?} at {width}");
            }
        }
        let cut = cut_to_width(
            &mut faces,
            "Looking Back on Our Work Since the 8th Congress",
            10.0,
            100.0,
        );
        assert!(cut.ends_with("…") && !cut.ends_with(" …"), "{cut}");
        let kept = cut.trim_end_matches('…');
        assert!("Looking Back on Our Work Since the 8th Congress".starts_with(kept));
        let next = "Looking Back on Our Work Since the 8th Congress"[kept.len()..]
            .chars()
            .next();
        assert_eq!(next, Some(' '), "{cut}");
    }

    #[test]
    fn numbers_and_words_stay_whole() {
        let mut faces = Faces::bundled();
        let spans = [
            Span::new("阅读总量达", false, [0; 3]),
            Span::new("1,396.25", true, [180, 62, 30]),
            Span::new("亿次", false, [0; 3]),
        ];
        let lines = break_lines(&mut faces, &spans, 10.0, 70.0);
        let texts = texts(&lines);
        assert!(texts.iter().any(|t| t.contains("1,396.25")), "{texts:?}");
        let bold = &lines
            .iter()
            .flat_map(|l| &l.runs)
            .find(|r| r.text.contains('1'));
        assert_eq!(bold.map(|r| r.face), Some(BOLD));
    }

    #[test]
    fn the_bundled_faces_measure_chinese_as_one_em() {
        let mut faces = Faces::bundled();
        assert!((width(&mut faces, "回眸", false, 10.0) - 20.0).abs() < 0.01);
        assert!(faces.missing.is_empty());
    }

    #[test]
    fn english_quotation_marks_are_set_at_latin_widths() {
        use crate::report::lang::Lang;
        for bold in [false, true] {
            let mut chinese = Faces::bundled_for(Lang::Zh);
            let mut english = Faces::bundled_for(Lang::En);
            for mark in ['‘', '’', '“', '”'] {
                assert_eq!(chinese.glyph(mark, bold).advance, 1.0, "{mark}");
                let narrow = english.glyph(mark, bold).advance;
                assert!(narrow < 0.6, "{mark} {narrow}");
            }
            // Nothing else changes.
            assert_eq!(
                width(&mut chinese, "科普 A", bold, 10.0),
                width(&mut english, "科普 A", bold, 10.0)
            );
        }
    }
}
