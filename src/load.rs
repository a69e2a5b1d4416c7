//! Reading a dataset file: size and encoding checks, RON parsing with located syntax errors,
//! then validation.

use std::io::Read as _;
use std::path::Path;

use crate::dataset::{Dataset, Origin};
use crate::diagnostic::{Diagnostic, Location};
use crate::model::Report;
use crate::validate;
use crate::watch::Fingerprint;

/// The largest dataset Huimou reads; anything larger is surely not a report.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The Chengdu report, built into the binary so the viewer works with no files beside it.
pub const EMBEDDED_SOURCE: &str = include_str!("../data/chengdu-cast-review.ron");

/// The name diagnostics give the embedded dataset.
pub const EMBEDDED_NAME: &str = "data/chengdu-cast-review.ron";

/// A dataset that could not be opened, with everything found wrong (and any warnings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file's name as the user gave it.
    pub file: String,
    /// Errors first, then warnings, each in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    fn single(file: &str, diagnostic: Diagnostic) -> Self {
        Self {
            file: file.to_owned(),
            diagnostics: vec![diagnostic],
        }
    }

    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// Every diagnostic rendered like rustc's, one after another.
    pub fn render(&self) -> String {
        render_all(&self.file, &self.diagnostics)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for LoadError {}

/// Renders diagnostics like rustc does, separated by blank lines.
pub fn render_all(file: &str, diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.render(file))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What checking a text found: the dataset when it has no errors, and every diagnostic.
#[derive(Debug)]
pub struct Checked {
    /// The dataset, when there were no errors.
    pub dataset: Option<Dataset>,
    /// Errors and warnings in file order (at most about a hundred of each, then a note that
    /// counts the rest).
    pub diagnostics: Vec<Diagnostic>,
    /// How many errors and warnings were found, listed or not.
    pub totals: (usize, usize),
}

impl Checked {
    /// What checking found when every diagnostic is listed.
    fn listed(diagnostics: Vec<Diagnostic>) -> Self {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        Self {
            dataset: None,
            totals: (errors, diagnostics.len() - errors),
            diagnostics,
        }
    }
}

/// The embedded Chengdu report.
pub fn embedded() -> Dataset {
    // The embedded file is checked by the test suite, so failing here is a build defect.
    #[allow(clippy::expect_used)]
    load_str(EMBEDDED_SOURCE, Origin::Embedded).expect("the embedded dataset is valid")
}

/// Reads and validates a dataset file.
pub fn load_file(path: &Path) -> Result<Dataset, LoadError> {
    let source = read_file(path)?;
    load_str(&source, Origin::File(path.to_path_buf()))
}

/// Validates a dataset text; `origin` names it in diagnostics.
pub fn load_str(source: &str, origin: Origin) -> Result<Dataset, LoadError> {
    let file = origin.display_name();
    let checked = check_str(source, origin);
    match checked.dataset {
        Some(dataset) => Ok(dataset),
        None => Err(LoadError {
            file,
            diagnostics: checked.diagnostics,
        }),
    }
}

/// Reads and validates a dataset file, and says what it held (`None`: it could not be read),
/// so that a later save of the same bytes is not taken for a change.
pub fn load_file_seen(path: &Path) -> (Option<Fingerprint>, Result<Dataset, LoadError>) {
    match read_bytes(path) {
        Ok(bytes) => (Some(Fingerprint::of(&bytes)), load_bytes(bytes, path)),
        Err(error) => (None, Err(error)),
    }
}

/// Validates the bytes read from the dataset file at `path`.
pub fn load_bytes(bytes: Vec<u8>, path: &Path) -> Result<Dataset, LoadError> {
    let source =
        decode_owned(bytes).map_err(|d| LoadError::single(&path.display().to_string(), d))?;
    load_str(&source, Origin::File(path.to_path_buf()))
}

/// Reads a dataset file as text, refusing what is too large, not a file, or not UTF-8.
pub fn read_file(path: &Path) -> Result<String, LoadError> {
    let bytes = read_bytes(path)?;
    decode_owned(bytes).map_err(|d| LoadError::single(&path.display().to_string(), d))
}

/// Reads a dataset file's bytes, refusing what is too large or not a file.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let file = path.display().to_string();
    let fail = |message: String| LoadError::single(&file, Diagnostic::error(message));
    // Looking before opening: opening a FIFO would wait for a writer forever.
    let metadata = std::fs::metadata(path).map_err(|e| fail(io_message(&e)))?;
    if let Some(kind) = not_a_file(&metadata) {
        return Err(fail(format!("this is {kind}, not a dataset file")));
    }
    if metadata.len() > MAX_BYTES {
        return Err(fail(too_large(metadata.len())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(io_message(&e)))?;
    // The file may have grown since we looked at its size.
    if bytes.len() as u64 > MAX_BYTES {
        return Err(fail(too_large(bytes.len() as u64)));
    }
    Ok(bytes)
}

/// What a path that is not a regular file is, in words; `None` for a regular file.
fn not_a_file(metadata: &std::fs::Metadata) -> Option<&'static str> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    Some("something other than a file")
}

fn too_large(len: u64) -> String {
    let mib = |bytes: u64| bytes as f64 / 1_048_576.0;
    // Near the limit, rounded sizes would read "64.0 MiB; at most 64 MiB": say the bytes.
    if len < MAX_BYTES + MAX_BYTES / 100 {
        format!(
            "the file is {len} bytes; Huimou reads datasets of at most {MAX_BYTES} bytes ({} MiB)",
            MAX_BYTES / 1_048_576
        )
    } else {
        format!(
            "the file is {:.1} MiB; Huimou reads datasets of at most {} MiB",
            mib(len),
            MAX_BYTES / 1_048_576
        )
    }
}

/// The words for a failure to read a file.
pub fn io_message(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: Huimou may not read this file".to_owned()
        }
        _ => format!("cannot read the file: {error}"),
    }
}

/// Turns bytes into text without copying them, pointing at the first byte that is not UTF-8.
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if Encoding::looks_utf16(&bytes) {
        return decode(&bytes);
    }
    String::from_utf8(bytes).or_else(|e| decode(e.as_bytes()))
}

/// Turns bytes into text, pointing at the first byte that is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    // UTF-16 without a byte-order mark can pass as UTF-8 as long as it is ASCII (with a zero
    // byte after each letter), so it is recognised by those zeros first.
    if Encoding::looks_utf16(bytes) {
        return Err(Diagnostic::error("the file is UTF-16 text, not UTF-8")
            .at(Some(Location::in_line(1, "", 1, 1)))
            .with_help("save it as UTF-8 (in Notepad: File → Save As, Encoding: UTF-8)"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // Safe: the prefix up to valid_up_to is valid UTF-8 by definition.
            let prefix = String::from_utf8_lossy(good);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let lossy = String::from_utf8_lossy(bytes);
            let byte = bytes[e.valid_up_to()];
            let offset = e.valid_up_to();
            let (message, help) = match Encoding::guess(bytes, offset) {
                Encoding::Gbk => (
                    format!(
                        "the file is not UTF-8 text: it looks like GBK (GB 18030), the encoding \
                         Chinese Windows uses by default (byte 0x{byte:02X} at offset {offset})"
                    ),
                    "save it as UTF-8 (in Notepad: File → Save As, Encoding: UTF-8)",
                ),
                Encoding::Other => (
                    format!("the file is not UTF-8 text (byte 0x{byte:02X} at offset {offset})"),
                    "save the file as UTF-8; GBK or Latin-1 files must be converted first",
                ),
            };
            Err(Diagnostic::error(message)
                .at(Some(Location::from_line_column(&lossy, line, column)))
                .with_help(help))
        }
    }
}

/// What a file that is not UTF-8 probably is, to tell its author how to fix it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Gbk,
    Other,
}

impl Encoding {
    /// Whether the text is UTF-16: a byte-order mark, or zero bytes in the high (or low) half of
    /// most of the first characters, which no UTF-8 text has.
    fn looks_utf16(bytes: &[u8]) -> bool {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return true;
        }
        let head = &bytes[..bytes.len().min(4096) & !1];
        let pairs = head.len() / 2;
        let zeros_at = |parity: usize| {
            head.iter()
                .skip(parity)
                .step_by(2)
                .filter(|&&b| b == 0)
                .count()
        };
        pairs >= 2 && (zeros_at(0) * 2 > pairs || zeros_at(1) * 2 > pairs)
    }

    /// Guesses from the bytes, the first bad one at `bad`.
    fn guess(bytes: &[u8], bad: usize) -> Self {
        // GBK writes each Chinese character as a lead byte 0x81–0xFE and a trail byte
        // 0x40–0xFE (not 0x7F); Latin-1 and others put single high bytes between ASCII.
        let rest = &bytes[bad..];
        let mut i = 0;
        let mut pairs = 0;
        while i < rest.len() && pairs < 64 {
            let lead = rest[i];
            if lead < 0x80 {
                i += 1;
                continue;
            }
            let trail = rest.get(i + 1).copied().unwrap_or(0);
            if !(0x81..=0xFE).contains(&lead) || !(0x40..=0xFE).contains(&trail) || trail == 0x7F {
                return Self::Other;
            }
            pairs += 1;
            i += 2;
        }
        if pairs > 0 { Self::Gbk } else { Self::Other }
    }
}

/// Parses and validates a dataset text, collecting every diagnostic, and makes the dataset
/// when there are no errors.
pub fn check_str(source: &str, origin: Origin) -> Checked {
    checked(source, Some(origin))
}

/// Parses and validates a dataset text for its diagnostics only (`huimou check`).
pub fn diagnose_str(source: &str) -> Checked {
    checked(source, None)
}

fn checked(source: &str, origin: Option<Origin>) -> Checked {
    if source.len() as u64 > MAX_BYTES {
        return Checked::listed(vec![Diagnostic::error(too_large(source.len() as u64))]);
    }
    // A byte-order mark is harmless; editors on Windows add one.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if source.trim().is_empty() {
        return Checked::listed(vec![Diagnostic::error("the file is empty").with_help(
            "a dataset starts with `(format_version: 1, title: \"…\", chapters: [ … ])`",
        )]);
    }
    let report: Report = match ron::from_str(source) {
        Ok(report) => report,
        Err(e) => {
            return Checked::listed(vec![syntax_diagnostic(source, &e)]);
        }
    };
    validate::validate(report, source, origin)
}

fn syntax_diagnostic(source: &str, error: &ron::error::SpannedError) -> Diagnostic {
    use ron::Error as E;
    let mut location =
        Location::from_line_column(source, error.span.start.line, error.span.start.col);
    if error.code == E::ExpectedComma && closes_bracket(&location) {
        // `…)),` where `…),` was meant: the bracket is one too many, not a comma missing.
        let bracket = location.char_at(location.column).unwrap_or(')');
        return Diagnostic::error(format!("there is one `{bracket}` too many here"))
            .at(Some(location))
            .with_help(
                "the list or parenthesis around it is still open; remove the extra bracket",
            );
    }
    if error.code == E::ExpectedComma {
        // The parser notices a missing comma at the next value; it belongs after the last one.
        if let Some(after) = after_previous_token(source, &location) {
            location = after;
        }
    } else {
        // The parser may stop before the blanks in front of the value it did not expect, or
        // just after a minus sign; point at the value itself.
        let mut column = location.column;
        while location.char_at(column).is_some_and(char::is_whitespace) {
            column += 1;
        }
        if column > 1 && location.char_at(column - 1) == Some('-') {
            column -= 1;
        }
        if location.char_at(column).is_some() {
            location.column = column;
        }
    }
    let (message, help) = match &error.code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!(
                "unknown field `{found}`{}",
                outer
                    .as_deref()
                    .map(|o| format!(" in {o}"))
                    .unwrap_or_default()
            ),
            Some(format!(
                "check the spelling; the fields here are: {}",
                expected.join(", ")
            )),
        ),
        E::MissingStructField { field, outer } => (
            format!(
                "missing field `{field}`{}",
                outer
                    .as_deref()
                    .map(|o| format!(" in {o}"))
                    .unwrap_or_default()
            ),
            Some(format!("add `{field}: …` before the closing parenthesis")),
        ),
        E::DuplicateStructField { field, .. } => {
            (format!("the field `{field}` is written twice"), None)
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => (
            format!("`{found}` is not one of the allowed values"),
            Some(format!("use one of: {}", expected.join(", "))),
        ),
        E::InvalidValueForType { expected, found } => {
            (format!("expected {expected}, found {found}"), None)
        }
        E::ExpectedComma => (
            "expected a comma here".to_owned(),
            Some("separate fields and list items with commas".to_owned()),
        ),
        E::Eof => (
            "the file ends too early: a bracket, parenthesis or string is left open".to_owned(),
            None,
        ),
        E::ExpectedStringEnd => (
            "this string is never closed".to_owned(),
            Some("add the closing \"".to_owned()),
        ),
        E::ExpectedArrayEnd => ("expected `]` to close the list here".to_owned(), None),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => (
            "expected `)` to close the parenthesis here".to_owned(),
            None,
        ),
        E::TrailingCharacters => (
            "there is more text after the report's closing parenthesis".to_owned(),
            Some("a dataset holds exactly one report".to_owned()),
        ),
        E::ExpectedString => ("expected text in double quotes here".to_owned(), None),
        E::ExpectedFloat | E::ExpectedInteger => ("expected a number here".to_owned(), None),
        E::ExpectedNamedStructLike(name) if closes_bracket(&location) => (
            format!("this bracket closes a list of {name} with the wrong kind of bracket"),
            Some(
                "a list opened with `[` closes with `]`; a parenthesis `(` closes with `)`"
                    .to_owned(),
            ),
        ),
        E::ExpectedNamedStructLike(name) => (
            format!("expected {} {name} here, written `( … )`", article(name)),
            Some(format!(
                "{} {name} is a list of fields in parentheses: `(id: \"…\", …)`",
                capitalised(article(name))
            )),
        ),
        E::ExpectedStructLike => ("expected `( … )` here".to_owned(), None),
        E::ExpectedArray => (
            "expected a list here, written `[ … ]`".to_owned(),
            Some("a list holds its items in square brackets, separated by commas".to_owned()),
        ),
        E::ExpectedOption => (
            "expected `Some(…)` or `None` here".to_owned(),
            Some("an optional field is written `prefix: Some(\"超过\")`, or left out".to_owned()),
        ),
        E::ExpectedMapColon => (
            "expected a colon `:` after the field's name".to_owned(),
            Some("fields are written `name: value`".to_owned()),
        ),
        E::ExpectedBoolean => ("expected `true` or `false` here".to_owned(), None),
        E::IntegerOutOfBounds => (
            "this whole number is out of range".to_owned(),
            Some(
                "chapter numbers and the format version are whole numbers from 0 to 4294967295"
                    .to_owned(),
            ),
        ),
        E::SuggestRawIdentifier(found) | E::InvalidIdentifier(found)
            if found.bytes().all(|b| b.is_ascii_digit()) && after_digits_and_comma(&location) =>
        {
            (
                "numbers are written without thousands separators".to_owned(),
                Some(format!(
                    "write the digits together (…{found}, not …,{found}); the viewer adds separators itself"
                )),
            )
        }
        E::UnclosedBlockComment => (
            "this comment is never closed".to_owned(),
            Some("a comment opened with `/*` ends with `*/`".to_owned()),
        ),
        E::ExceededRecursionLimit => ("the file nests too deeply to be a report".to_owned(), None),
        other => (format!("the file is not valid RON: {other}"), None),
    };
    // A string left open swallows what follows, so the parser stumbles a line or two later;
    // point at the quote that has no partner instead.
    if let Some(unclosed) = unclosed_quote(source, location.line) {
        return Diagnostic::error("this string is never closed")
            .at(Some(unclosed))
            .with_help("add the closing \" at the end of the text");
    }
    let diagnostic = Diagnostic::error(message).at(Some(location));
    match help {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// "a" or "an" before an English name.
fn article(name: &str) -> &'static str {
    if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

fn capitalised(article: &str) -> &'static str {
    if article == "an" { "An" } else { "A" }
}

/// Whether the text just before `location` is digits and a comma, as in `2,508`: the parser
/// then stops at the digits after the comma.
fn after_digits_and_comma(location: &Location) -> bool {
    let before: Vec<char> = location.text_before(location.column).collect();
    matches!(before.as_slice(), [.., d, ','] if d.is_ascii_digit())
}

/// The place just after the last non-blank character before `location`.
fn after_previous_token(source: &str, location: &Location) -> Option<Location> {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(location.line - 1)
        .map(str::len)
        .sum();
    let rest = source.get(line_start..)?;
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let at = line_start
        + line
            .char_indices()
            .nth(location.column - 1)
            .map_or(line.len(), |(i, _)| i);
    let before = source.get(..at)?.trim_end();
    let end = before.len();
    (end > 0).then(|| Location::from_span(source, end..end))
}

/// Whether the character at `location` is a closing bracket.
fn closes_bracket(location: &Location) -> bool {
    location
        .char_at(location.column)
        .is_some_and(|c| matches!(c, ')' | ']' | '}'))
}

/// The last unescaped quote of the nearest line, up to two above `line`, that has an odd number
/// of them: the likely start of a string that was never closed.
fn unclosed_quote(source: &str, line: usize) -> Option<Location> {
    let lines: Vec<&str> = source.lines().collect();
    let last = line.min(lines.len());
    (last.saturating_sub(2).max(1)..=last).rev().find_map(|n| {
        let text = lines[n - 1];
        let quotes: Vec<usize> = quote_columns(text);
        (quotes.len() % 2 == 1).then(|| Location::in_line(n, text, quotes[quotes.len() - 1], 1))
    })
}

/// 1-based columns of the unescaped double quotes of a line, ignoring a `//` comment.
fn quote_columns(line: &str) -> Vec<usize> {
    let mut columns = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut previous = ' ';
    for (column, c) in line.chars().enumerate() {
        if escaped {
            escaped = false;
        } else if in_string && c == '\\' {
            escaped = true;
        } else if c == '"' {
            in_string = !in_string;
            columns.push(column + 1);
        } else if !in_string && c == '/' && previous == '/' {
            break;
        }
        previous = c;
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_the_first_bad_byte() {
        let error = decode(b"(\n  title: \"caf\xe9\",\n)").expect_err("Latin-1");
        let location = error.location.expect("located");
        assert_eq!((location.line, location.column), (2, 14));
        assert!(error.message.contains("not UTF-8"), "{}", error.message);
    }
}
