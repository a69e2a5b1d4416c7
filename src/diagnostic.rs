//! Errors and warnings about a dataset, located at file:line:column and printed like rustc's.

use std::fmt::Write as _;
use std::ops::Range;

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
        match self {
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// A place in a text: 1-based line and column (in characters), and how many characters it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// How many characters to underline (at least one).
    pub width: usize,
    /// The text of that line, for showing it under the message.
    pub line_text: String,
}

impl Location {
    /// The location of a byte span in `source`; the span is clipped to its first line.
    pub fn from_span(source: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let line = source[..start].matches('\n').count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let width = source[start..end.min(line_end)].chars().count().max(1);
        let line_text = source[line_start..line_end]
            .trim_end_matches('\r')
            .to_owned();
        Self {
            line,
            column,
            width,
            line_text,
        }
    }

    /// The location of a line and column as a parser reports them (1-based, in characters).
    pub fn from_line_column(source: &str, line: usize, column: usize) -> Self {
        let line_text = source
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or_default();
        Self {
            line: line.max(1),
            column: column.max(1),
            width: 1,
            line_text: line_text.trim_end_matches('\r').to_owned(),
        }
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
        let source = self.source;
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let line = self.starts.partition_point(|&s| s <= start);
        let line_start = self.starts[line - 1];
        let line_end = self.starts.get(line).map_or(source.len(), |&next| next - 1);
        let column = source[line_start..start].chars().count() + 1;
        let width = source[start..end.min(line_end).max(start)]
            .chars()
            .count()
            .max(1);
        let line_text = source[line_start..line_end]
            .trim_end_matches('\r')
            .to_owned();
        Location {
            line,
            column,
            width,
            line_text,
        }
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
    /// What is wrong, in a sentence a data author understands.
    pub message: String,
    /// Where, when the problem has a place in the file.
    pub location: Option<Location>,
    /// How to fix it, when there is something useful to say.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with no place yet.
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            help: None,
        }
    }

    /// A warning with no place yet.
    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    /// Places the diagnostic.
    #[must_use]
    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    /// Adds a hint on how to fix it.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
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

    /// The diagnostic in rustc's style: severity, message, arrow to the place, line and caret.
    pub fn render(&self, file: &str) -> String {
        let mut out = format!("{}: {}\n", self.severity.word(), self.message);
        match &self.location {
            Some(l) => {
                let gutter = " ".repeat(l.line.to_string().len());
                let _ = writeln!(out, "{gutter}--> {}", self.position(file));
                let _ = writeln!(out, "{gutter} |");
                let _ = writeln!(out, "{} | {}", l.line, l.line_text);
                // Columns count characters; CJK characters are drawn two cells wide in a terminal,
                // and tabs are repeated so that the carets meet the same tab stops as the line.
                let pad: String = l
                    .line_text
                    .chars()
                    .take(l.column - 1)
                    .map(|c| match c {
                        '\t' => "\t",
                        c if cell_width(c) == 2 => "  ",
                        _ => " ",
                    })
                    .collect();
                let carets: usize = l
                    .line_text
                    .chars()
                    .skip(l.column - 1)
                    .take(l.width)
                    .map(cell_width)
                    .sum::<usize>()
                    .max(1);
                let _ = writeln!(out, "{gutter} | {pad}{}", "^".repeat(carets));
                if let Some(help) = &self.help {
                    let _ = writeln!(out, "{gutter} = help: {help}");
                }
            }
            None => {
                let _ = writeln!(out, " --> {file}");
                if let Some(help) = &self.help {
                    let _ = writeln!(out, "  = help: {help}");
                }
            }
        }
        out
    }
}

/// How many terminal cells a character takes: two for CJK and full-width forms, else one.
fn cell_width(c: char) -> usize {
    match c {
        '\t' => 4,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}' => 2,
        _ => 1,
    }
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
        let diagnostic = Diagnostic::error("the report's title is empty")
            .at(Some(Location::from_span(source, at..at + 2)));
        assert_eq!(
            diagnostic.render("r.ron"),
            "error: the report's title is empty\n --> r.ron:2:10\n  |\n2 |   title: \"\",\n  |          ^^\n"
        );
    }

    #[test]
    fn carets_under_tabs_meet_the_same_tab_stops() {
        let location = Location {
            line: 1,
            column: 4,
            width: 1,
            line_text: "\t\tx1".into(),
        };
        let rendered = Diagnostic::error("e").at(Some(location)).render("f");
        assert!(
            rendered.ends_with("1 | \t\tx1\n  | \t\t ^\n"),
            "{rendered:?}"
        );
    }

    #[test]
    fn carets_under_wide_characters() {
        let location = Location {
            line: 1,
            column: 3,
            width: 2,
            line_text: "思想科普".into(),
        };
        let rendered = Diagnostic::warning("w").at(Some(location)).render("f");
        assert!(
            rendered.ends_with("1 | 思想科普\n  |     ^^^^\n"),
            "{rendered}"
        );
    }
}
