//! Errors and warnings about a dataset, located at file:line:column and printed like rustc's.

use std::fmt::Write as _;
use std::ops::Range;

use crate::report::lang::Lang;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something a careful author would want to hear about; the report still opens.
    Warning,
    /// The report cannot be shown until this is fixed.
    Error,
}

impl Severity {
    /// The word rustc uses for it.
    pub fn word(self) -> &'static str {
        self.word_in(Lang::En)
    }

    /// The word for it in `lang`.
    pub fn word_in(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Warning, Lang::En) => "warning",
            (Self::Error, Lang::En) => "error",
            (Self::Warning, Lang::Zh) => "警告",
            (Self::Error, Lang::Zh) => "错误",
        }
    }
}

/// A sentence of a diagnostic in both of Huimou's languages, so that no message can be written
/// in one and forgotten in the other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// The English: the wording data authors, scripts and tests have always grepped.
    pub en: String,
    /// The Simplified Chinese.
    pub zh: String,
}

impl Text {
    /// A sentence in English and in Chinese.
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The sentence in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// A text reads as its English where no language is chosen (`message.contains("…")` in a test,
/// a log line), the wording that was there before Chinese was added.
impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.en
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.en == *other
    }
}

/// How many characters of a source line a diagnostic shows at most; longer lines (a minified
/// file, a pasted paragraph) are cut around the column with `…`, as rustc does.
pub const MAX_EXCERPT: usize = 120;

/// How many of those characters stand before the column when the line is cut.
const EXCERPT_BEFORE: usize = 40;

/// A place in a text: 1-based line and column (in characters), and how many characters it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// How many characters to underline (at least one).
    pub width: usize,
    /// The text of that line around the column, for showing it under the message: the whole
    /// line when it is short, else at most [`MAX_EXCERPT`] characters of it.
    pub line_text: String,
    /// The column of the line where `line_text` starts (1 unless the line was cut before it).
    pub text_start: usize,
    /// Whether the line goes on after `line_text`.
    pub cut_after: bool,
}

impl Location {
    /// The location of `column` in a line whose text is `line`; only an excerpt of a long line
    /// is kept, so that a diagnostic never copies a whole minified file.
    pub fn in_line(line_number: usize, line: &str, column: usize, width: usize) -> Self {
        let line = line.trim_end_matches('\r');
        let column = column.max(1);
        let at = line
            .char_indices()
            .nth(column - 1)
            .map_or(line.len(), |(i, _)| i);
        Self::at_byte(line_number, line, (column, at), width)
    }

    /// Like [`Self::in_line`], with the column's byte offset in the line already known, so
    /// that only the excerpt's characters are walked.
    fn at_byte(line_number: usize, line: &str, (column, at): (usize, usize), width: usize) -> Self {
        let line = line.trim_end_matches('\r');
        // Widths as printed: a control character is shown escaped, several characters wide.
        let shown = |text: &str| text.chars().map(shown_len).sum::<usize>();
        if line.len() <= MAX_EXCERPT * 4 && shown(line) <= MAX_EXCERPT {
            // A line short enough is shown whole.
            return Self {
                line: line_number.max(1),
                column,
                width: width.max(1),
                line_text: line.to_owned(),
                text_start: 1,
                cut_after: false,
            };
        }
        let at = at.min(line.len());
        let mut from = at;
        let mut room = EXCERPT_BEFORE;
        for (i, c) in line[..at].char_indices().rev() {
            match room.checked_sub(shown_len(c)) {
                Some(left) => (from, room) = (i, left),
                None => break,
            }
        }
        let before = line[from..at].chars().count();
        let mut to = line.len();
        let mut room = MAX_EXCERPT;
        for (i, c) in line[from..].char_indices() {
            match room.checked_sub(shown_len(c)) {
                Some(left) => room = left,
                None => {
                    to = from + i;
                    break;
                }
            }
        }
        Self {
            line: line_number.max(1),
            column,
            width: width.max(1),
            line_text: line[from..to].to_owned(),
            text_start: column.saturating_sub(before).max(1),
            cut_after: to < line.len(),
        }
    }

    /// The location of a byte span in `source`; the span is clipped to its first line.
    pub fn from_span(source: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let line = source[..start].matches('\n').count() + 1;
        Self::in_span(source, line, line_start..line_end, span)
    }

    /// The location of a span of `source` that starts on line `line`, found at `line_range`.
    fn in_span(source: &str, line: usize, line_range: Range<usize>, span: Range<usize>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let column = source[line_range.start..start].chars().count() + 1;
        let width = source[start..end.min(line_range.end).max(start)]
            .chars()
            .take(MAX_EXCERPT)
            .count();
        let at = start - line_range.start;
        Self::at_byte(line, &source[line_range], (column, at), width)
    }

    /// The location of a line and column as a parser reports them (1-based, in characters).
    pub fn from_line_column(source: &str, line: usize, column: usize) -> Self {
        let line_text = source
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or_default();
        Self::in_line(line, line_text, column, 1)
    }

    /// The character at a column of the line, when the excerpt holds it.
    pub fn char_at(&self, column: usize) -> Option<char> {
        let index = column.checked_sub(self.text_start)?;
        self.line_text.chars().nth(index)
    }

    /// The excerpt's characters before `column`.
    pub fn text_before(&self, column: usize) -> impl Iterator<Item = char> + '_ {
        self.line_text
            .chars()
            .take(column.saturating_sub(self.text_start))
    }
}

/// Where each line of a text starts, so that many spans can be located without rescanning it.
#[derive(Debug)]
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `source`.
    pub fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1))
            .collect();
        Self { source, starts }
    }

    /// The location of a byte span; the span is clipped to its first line.
    pub fn locate(&self, span: Range<usize>) -> Location {
        self.cursor().locate(span)
    }

    /// A cursor for locating spans in file order.
    pub fn cursor(&self) -> LineCursor<'_, 'a> {
        LineCursor {
            lines: self,
            counted: (0, 0),
        }
    }
}

/// Locates spans given in file order, counting the characters of a line only once however
/// many spans it holds (a minified file is one line).
#[derive(Debug)]
pub struct LineCursor<'i, 'a> {
    lines: &'i LineIndex<'a>,
    /// A byte offset whose column is known, and that column's character count from its line's start.
    counted: (usize, usize),
}

impl LineCursor<'_, '_> {
    /// The location of a byte span; cheap when it follows the one before on the same line.
    pub fn locate(&mut self, span: Range<usize>) -> Location {
        let source = self.lines.source;
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line = self.lines.starts.partition_point(|&s| s <= start);
        let line_start = self.lines.starts[line - 1];
        let line_end = self
            .lines
            .starts
            .get(line)
            .map_or(source.len(), |&next| next - 1);
        let (from, before) = if (line_start..=start).contains(&self.counted.0) {
            self.counted
        } else {
            (line_start, 0)
        };
        let column = before + source[from..start].chars().count() + 1;
        self.counted = (start, column - 1);
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let width = source[start..end.min(line_end).max(start)]
            .chars()
            .take(MAX_EXCERPT)
            .count();
        Location::at_byte(
            line,
            &source[line_start..line_end],
            (column, start - line_start),
            width,
        )
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem found in a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether it stops the report from opening.
    pub severity: Severity,
    /// What is wrong, in a sentence a data author understands, in English and Chinese.
    pub message: Text,
    /// Where, when the problem has a place in the file.
    pub location: Option<Location>,
    /// How to fix it, when there is something useful to say, in English and Chinese.
    pub help: Option<Text>,
}

impl Diagnostic {
    /// A diagnostic with no place yet.
    pub fn new(severity: Severity, message: Text) -> Self {
        Self {
            severity,
            message,
            location: None,
            help: None,
        }
    }

    /// An error with no place yet, said in English and in Chinese.
    pub fn error(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self::new(Severity::Error, Text::new(en, zh))
    }

    /// A warning with no place yet, said in English and in Chinese.
    pub fn warning(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self::new(Severity::Warning, Text::new(en, zh))
    }

    /// Places the diagnostic.
    #[must_use]
    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    /// Adds a hint on how to fix it, in English and in Chinese.
    #[must_use]
    pub fn with_help(self, en: impl Into<String>, zh: impl Into<String>) -> Self {
        self.with_help_text(Text::new(en, zh))
    }

    /// Adds a hint on how to fix it.
    #[must_use]
    pub fn with_help_text(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or just the file name when there is no place.
    pub fn position(&self, file: &str) -> String {
        match &self.location {
            Some(l) => format!("{file}:{}:{}", l.line, l.column),
            None => file.to_owned(),
        }
    }

    /// The diagnostic in English, in rustc's style (see [`Self::render_in`]).
    pub fn render(&self, file: &str) -> String {
        self.render_in(file, Lang::En)
    }

    /// The diagnostic in `lang`, in rustc's style: severity, message, arrow to the place, line
    /// and caret; only the words change with the language, so that `file:line:column` reads
    /// the same to an editor or a script either way. Control characters from the dataset are
    /// shown escaped, so that printing a diagnostic can never drive the terminal.
    pub fn render_in(&self, file: &str, lang: Lang) -> String {
        let mut out = format!(
            "{}{}{}\n",
            self.severity.word_in(lang),
            colon(lang),
            cut(&terminal_safe(self.message.get(lang)))
        );
        let help = self.help.as_ref().map(|h| {
            let label = match lang {
                Lang::En => "help",
                Lang::Zh => "建议",
            };
            format!("{label}{}{}", colon(lang), cut(&terminal_safe(h.get(lang))))
        });
        match &self.location {
            Some(l) => {
                let gutter = " ".repeat(l.line.to_string().len());
                let _ = writeln!(out, "{gutter}--> {}", terminal_safe(&self.position(file)));
                let _ = writeln!(out, "{gutter} |");
                let (text, pad, carets) = excerpt_lines(l);
                let _ = writeln!(out, "{} | {text}", l.line);
                let _ = writeln!(out, "{gutter} | {pad}{}", "^".repeat(carets));
                if let Some(help) = help {
                    let _ = writeln!(out, "{gutter} = {help}");
                }
            }
            None => {
                let _ = writeln!(out, " --> {}", terminal_safe(file));
                if let Some(help) = help {
                    let _ = writeln!(out, "  = {help}");
                }
            }
        }
        out
    }
}

/// The colon after a label: `error: …` in English, `错误：…` in Chinese, whose full-width
/// colon needs no space after it.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

impl Location {
    /// The excerpt of the line as shown, in three parts: before the place, the place, after it
    /// (cut with `…`, control characters escaped), for a viewer that underlines the middle.
    pub fn excerpt_parts(&self) -> [String; 3] {
        let mut parts: [String; 3] = Default::default();
        if self.text_start > 1 {
            parts[0].push('…');
        }
        let from = self.column.saturating_sub(self.text_start);
        for (i, c) in self.line_text.chars().enumerate() {
            let part = if i < from {
                0
            } else if i < from + self.width {
                1
            } else {
                2
            };
            parts[part].push_str(&shown_char(c));
        }
        if self.cut_after {
            parts[2].push('…');
        }
        parts
    }
}

/// The excerpt of a location's line as shown (cut with `…`, control characters escaped), the
/// blanks that lead to its column and how many carets underline it.
fn excerpt_lines(l: &Location) -> (String, String, usize) {
    let cut_before = l.text_start > 1;
    let mut text = String::from(if cut_before { "…" } else { "" });
    let mut pad = String::from(if cut_before { " " } else { "" });
    let mut carets = 0;
    let caret_from = l.column.saturating_sub(l.text_start);
    for (i, c) in l.line_text.chars().enumerate() {
        let shown = shown_char(c);
        text.push_str(&shown);
        if i < caret_from {
            // Columns count characters; CJK characters are drawn two cells wide in a terminal,
            // and tabs are repeated so that the carets meet the same tab stops as the line.
            match c {
                '\t' => pad.push('\t'),
                _ => pad.push_str(&" ".repeat(shown_width(c, &shown))),
            }
        } else if i < caret_from + l.width {
            carets += shown_width(c, &shown);
        }
    }
    if l.cut_after {
        text.push('…');
    }
    (text, pad, carets.max(1))
}

/// A character as printed for a terminal: control characters escaped.
fn shown_char(c: char) -> std::borrow::Cow<'static, str> {
    if is_control(c) {
        format!("{}", c.escape_unicode()).into()
    } else {
        let mut buffer = [0; 4];
        c.encode_utf8(&mut buffer).to_owned().into()
    }
}

fn shown_width(c: char, shown: &str) -> usize {
    if is_control(c) {
        shown.chars().count()
    } else {
        cell_width(c)
    }
}

/// The most characters a message or help line prints: a dataset's own words in it (a 700-letter
/// id) are cut with `…`, so that no line floods a terminal or the diagnostics window.
const MAX_MESSAGE: usize = 300;

fn cut(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_MESSAGE) {
        Some((at, _)) => format!("{}…", &text[..at]).into(),
        None => text.into(),
    }
}

/// How many characters a character takes when printed: escaped controls take several.
fn shown_len(c: char) -> usize {
    if is_control(c) {
        c.escape_unicode().count()
    } else {
        1
    }
}

/// Whether a character would act on a terminal instead of showing: C0 controls other than tab
/// and newline, DEL and the C1 controls.
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Text from a dataset made safe to print on a terminal: control characters (other than tab and
/// newline) are written as `\u{1b}`, so that no escape sequence reaches the terminal.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if is_control(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// How many terminal cells a character takes: two for CJK and full-width forms, a tab four.
fn cell_width(c: char) -> usize {
    if c == '\t' {
        return 4;
    }
    // Zero-width and combining characters still get a cell, so the caret never vanishes.
    unicode_width::UnicodeWidthChar::width(c)
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_spans_in_characters() {
        let source = "a\n  名称: \"x\"\n";
        let at = source.find('"').expect("quote");
        let location = Location::from_span(source, at..at + 3);
        assert_eq!((location.line, location.column, location.width), (2, 7, 3));
        assert_eq!(location.line_text, "  名称: \"x\"");
    }

    #[test]
    fn line_index_agrees_with_direct_location() {
        let source = "(\r\n  名称: \"x\",\n  b: 2\n)";
        let index = LineIndex::new(source);
        for start in (0..source.len()).filter(|&i| source.is_char_boundary(i)) {
            let span = start..(start + 3).min(source.len());
            assert_eq!(
                index.locate(span.clone()),
                Location::from_span(source, span),
                "at {start}"
            );
        }
    }

    #[test]
    fn renders_like_rustc() {
        let source = "(\n  title: \"\",\n)";
        let at = source.find("\"\"").expect("quote");
        let diagnostic = Diagnostic::error("the report's title is empty", "报告标题为空")
            .at(Some(Location::from_span(source, at..at + 2)));
        assert_eq!(
            diagnostic.render("r.ron"),
            "error: the report's title is empty\n --> r.ron:2:10\n  |\n2 |   title: \"\",\n  |          ^^\n"
        );
    }

    #[test]
    fn renders_in_chinese_with_the_same_place() {
        let source = "(\n  title: \"\",\n)";
        let at = source.find("\"\"").expect("quote");
        let diagnostic = Diagnostic::warning("the title is empty", "标题为空")
            .at(Some(Location::from_span(source, at..at + 2)))
            .with_help("write one", "写上标题");
        assert_eq!(
            diagnostic.render_in("r.ron", Lang::Zh),
            "警告：标题为空\n --> r.ron:2:10\n  |\n2 |   title: \"\",\n  |          ^^\n  = 建议：写上标题\n"
        );
        let english = diagnostic.render_in("r.ron", Lang::En);
        assert!(english.ends_with("  = help: write one\n"), "{english}");
        let unplaced = Diagnostic::error("no such file", "没有这个文件").render_in("f", Lang::Zh);
        assert_eq!(unplaced, "错误：没有这个文件\n --> f\n");
    }

    #[test]
    fn carets_under_tabs_meet_the_same_tab_stops() {
        let location = Location::in_line(1, "\t\tx1", 4, 1);
        let rendered = Diagnostic::error("e", "错").at(Some(location)).render("f");
        assert!(
            rendered.ends_with("1 | \t\tx1\n  | \t\t ^\n"),
            "{rendered:?}"
        );
    }

    #[test]
    fn carets_under_wide_characters() {
        let location = Location::in_line(1, "思想科普", 3, 2);
        let rendered = Diagnostic::warning("w", "警")
            .at(Some(location))
            .render("f");
        assert!(
            rendered.ends_with("1 | 思想科普\n  |     ^^^^\n"),
            "{rendered}"
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let line = format!("{}错{}", "a".repeat(5_000_000), "b".repeat(5_000_000));
        let column = 5_000_001;
        let location = Location::in_line(1, &line, column, 3);
        assert_eq!(location.column, column);
        assert_eq!(location.line_text.chars().count(), MAX_EXCERPT);
        assert_eq!(location.char_at(column), Some('错'));
        let rendered = Diagnostic::error("e", "错").at(Some(location)).render("f");
        let shown = rendered.lines().nth(3).expect("the line");
        assert!(
            shown.starts_with("1 | …a") && shown.ends_with("b…"),
            "{shown}"
        );
        assert!(shown.chars().count() < MAX_EXCERPT + 10, "{shown}");
        let carets = rendered.lines().nth(4).expect("the carets");
        assert_eq!(
            carets.chars().position(|c| c == '^'),
            shown.chars().position(|c| c == '错')
        );
        assert!(rendered.len() < 1000, "{} bytes", rendered.len());
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let location = Location::in_line(3, "  ab: 1,", 3, 2);
        assert_eq!(
            (location.line_text.as_str(), location.text_start),
            ("  ab: 1,", 1)
        );
        assert!(!location.cut_after);
    }

    #[test]
    fn control_characters_are_escaped_for_terminals() {
        let line = "title: \"\u{1b}]0;owned\u{7}\u{1b}[2J\u{9b}x\",";
        let column = line
            .find('x')
            .map(|i| line[..i].chars().count() + 1)
            .expect("x");
        let rendered = Diagnostic::error("bad \u{1b}[31m id", "坏 \u{1b}[31m id")
            .at(Some(Location::in_line(1, line, column, 1)))
            .with_help("\u{7}", "\u{7}")
            .render("f\u{1b}.ron");
        assert!(!rendered.chars().any(is_control), "{rendered:?}");
        assert!(rendered.contains("\\u{1b}]0;owned\\u{7}"), "{rendered}");
        // The caret still stands under the x, after the escapes as printed.
        let lines: Vec<&str> = rendered.lines().collect();
        let x = lines[3].rfind('x').expect("x");
        assert_eq!(lines[4].find('^'), Some(x), "{rendered}");
        assert_eq!(terminal_safe("科\t普\n"), "科\t普\n");
    }

    #[test]
    fn excerpt_parts_split_at_the_place() {
        let location = Location::in_line(1, "  (id: \"patents\",", 8, 9);
        assert_eq!(
            location.excerpt_parts(),
            [
                "  (id: ".to_owned(),
                "\"patents\"".to_owned(),
                ",".to_owned()
            ]
        );
        let long = format!("{}错\u{1b}{}", "a".repeat(100), "b".repeat(100));
        let parts = Location::in_line(1, &long, 101, 2).excerpt_parts();
        assert!(
            parts[0].starts_with('…') && parts[2].ends_with('…'),
            "{parts:?}"
        );
        assert_eq!(parts[1], "错\\u{1b}");
    }
}
