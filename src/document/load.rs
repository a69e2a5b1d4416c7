//! Reading a dataset file: size and encoding checks, RON parsing with located syntax errors,
//! then validation.

use std::io::Read as _;
use std::path::Path;

use crate::document::dataset::{Dataset, Origin};
use crate::report::diagnostic::{Diagnostic, Location, Severity, Text};
use crate::report::lang::Lang;
use crate::report::model::Report;
use crate::report::validate;
use crate::search::SearchIndex;

/// The largest dataset Huimou reads; anything larger is surely not a report.
pub use crate::report::model::MAX_BYTES;

/// The Chengdu report, built into the binary so the viewer works with no files beside it.
pub const EMBEDDED_SOURCE: &str = include_str!("../../data/chengdu-cast-review.ron");

/// The name diagnostics give the embedded dataset.
pub use crate::document::dataset::EMBEDDED_NAME;

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

    /// Every diagnostic rendered like rustc's, one after another, in English.
    pub fn render(&self) -> String {
        self.render_in(Lang::En)
    }

    /// Every diagnostic rendered like rustc's, one after another, in `lang`.
    pub fn render_in(&self, lang: Lang) -> String {
        render_all_in(&self.file, &self.diagnostics, lang)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for LoadError {}

/// Renders diagnostics like rustc does, separated by blank lines, in English.
pub fn render_all(file: &str, diagnostics: &[Diagnostic]) -> String {
    render_all_in(file, diagnostics, Lang::En)
}

/// Renders diagnostics like rustc does, separated by blank lines, in `lang`.
pub fn render_all_in(file: &str, diagnostics: &[Diagnostic], lang: Lang) -> String {
    diagnostics
        .iter()
        .map(|d| d.render_in(file, lang))
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
        decode_owned(bytes).map_err(|d| LoadError::single(&path.display().to_string(), *d))?;
    load_str(&source, Origin::File(path.to_path_buf()))
}

/// Reads a dataset file as text, refusing what is too large, not a file, or not UTF-8.
pub fn read_file(path: &Path) -> Result<String, LoadError> {
    let bytes = read_bytes(path)?;
    decode_owned(bytes).map_err(|d| LoadError::single(&path.display().to_string(), *d))
}

/// Reads a dataset file's bytes, refusing what is too large or not a file.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let file = path.display().to_string();
    let fail = |message: Text| LoadError::single(&file, Diagnostic::new(Severity::Error, message));
    // Looking before opening: opening a FIFO would wait for a writer forever.
    let metadata = std::fs::metadata(path).map_err(|e| fail(io_message(&e)))?;
    if let Some((en, zh)) = not_a_file(&metadata) {
        return Err(fail(Text::new(
            format!("this is {en}, not a dataset file"),
            format!("这是{zh}，不是数据集文件"),
        )));
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

/// What a path that is not a regular file is, in English and Chinese words; `None` for a
/// regular file.
fn not_a_file(metadata: &std::fs::Metadata) -> Option<(&'static str, &'static str)> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(("a folder", "一个文件夹"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return Some(("a named pipe (FIFO)", "一个命名管道（FIFO）"));
        }
        if kind.is_socket() {
            return Some(("a socket", "一个套接字"));
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some(("a device", "一个设备"));
        }
    }
    Some(("something other than a file", "别的东西，不是普通文件"))
}

fn too_large(len: u64) -> Text {
    let mib = |bytes: u64| bytes as f64 / 1_048_576.0;
    let limit = MAX_BYTES / 1_048_576;
    // Near the limit, rounded sizes would read "64.0 MiB; at most 64 MiB": say the bytes.
    if len < MAX_BYTES + MAX_BYTES / 100 {
        Text::new(
            format!(
                "the file is {len} bytes; Huimou reads datasets of at most {MAX_BYTES} bytes ({limit} MiB)"
            ),
            format!("文件有 {len} 字节；回眸只读取不超过 {MAX_BYTES} 字节（{limit} MiB）的数据集"),
        )
    } else {
        Text::new(
            format!(
                "the file is {:.1} MiB; Huimou reads datasets of at most {limit} MiB",
                mib(len)
            ),
            format!(
                "文件有 {:.1} MiB；回眸只读取不超过 {limit} MiB 的数据集",
                mib(len)
            ),
        )
    }
}

/// The words for a failure to read a file.
pub fn io_message(error: &std::io::Error) -> Text {
    match error.kind() {
        std::io::ErrorKind::NotFound => Text::new("no such file", "没有这个文件"),
        std::io::ErrorKind::PermissionDenied => Text::new(
            "permission denied: Huimou may not read this file",
            "没有权限：回眸不能读取这个文件",
        ),
        // The system's own words, which only it knows, stay as it gives them.
        _ => Text::new(
            format!("cannot read the file: {error}"),
            format!("无法读取文件：{error}"),
        ),
    }
}

/// Turns bytes into text without copying them, pointing at the first byte that is not UTF-8.
/// The diagnostic is boxed: it holds two languages, and the text is what is passed around.
pub fn decode_owned(bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    if Encoding::looks_utf16(&bytes) {
        return decode(&bytes);
    }
    String::from_utf8(bytes).or_else(|e| decode(e.as_bytes()))
}

/// Turns bytes into text, pointing at the first byte that is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    // UTF-16 without a byte-order mark can pass as UTF-8 as long as it is ASCII (with a zero
    // byte after each letter), so it is recognised by those zeros first.
    if Encoding::looks_utf16(bytes) {
        return Err(Box::new(
            Diagnostic::error(
                "the file is UTF-16 text, not UTF-8",
                "文件是 UTF-16 文本，不是 UTF-8",
            )
            .at(Some(Location::in_line(1, "", 1, 1)))
            .with_help(SAVE_AS_UTF8.0, SAVE_AS_UTF8.1),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // Safe: the prefix up to valid_up_to is valid UTF-8 by definition.
            let prefix = String::from_utf8_lossy(good);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let byte = bytes[e.valid_up_to()];
            let offset = e.valid_up_to();
            let guess = Encoding::guess(bytes, offset);
            // The excerpt shows the line as its author sees it: a GBK file decoded as GBK.
            let shown = match guess {
                Encoding::Gbk => encoding_rs::GB18030.decode_without_bom_handling(bytes).0,
                Encoding::Other => String::from_utf8_lossy(bytes),
            };
            let diagnostic = match guess {
                Encoding::Gbk => Diagnostic::error(
                    format!(
                        "the file is not UTF-8 text: it looks like GBK (GB 18030), the encoding \
                         Chinese Windows uses by default (byte 0x{byte:02X} at offset {offset})"
                    ),
                    format!(
                        "文件不是 UTF-8 文本：看来是中文 Windows 默认的 GBK（GB 18030）编码\
                         （偏移 {offset} 处的字节 0x{byte:02X}）"
                    ),
                )
                .with_help(SAVE_AS_UTF8.0, SAVE_AS_UTF8.1),
                Encoding::Other => Diagnostic::error(
                    format!("the file is not UTF-8 text (byte 0x{byte:02X} at offset {offset})"),
                    format!("文件不是 UTF-8 文本（偏移 {offset} 处的字节 0x{byte:02X}）"),
                )
                .with_help(
                    "save the file as UTF-8; GBK or Latin-1 files must be converted first",
                    "请把文件另存为 UTF-8；GBK 或 Latin-1 编码的文件要先转换",
                ),
            };
            Err(Box::new(
                diagnostic.at(Some(Location::from_line_column(&shown, line, column))),
            ))
        }
    }
}

/// How to save a file as UTF-8, in English and Chinese.
const SAVE_AS_UTF8: (&str, &str) = (
    "save it as UTF-8 (in Notepad: File → Save As, Encoding: UTF-8)",
    "请另存为 UTF-8（记事本：文件 → 另存为，编码选 UTF-8）",
);

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
        return Checked::listed(vec![Diagnostic::new(
            Severity::Error,
            too_large(source.len() as u64),
        )]);
    }
    // A byte-order mark is harmless; editors on Windows add one.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if source.trim().is_empty() {
        return Checked::listed(vec![
            Diagnostic::error("the file is empty", "文件是空的").with_help(
                "a dataset starts with `(format_version: 1, title: \"…\", chapters: [ … ])`",
                "数据集以 `(format_version: 1, title: \"…\", chapters: [ … ])` 开头",
            ),
        ]);
    }
    let report: Report = match super::parse::report(source) {
        Ok(report) => report,
        Err(e) => {
            return Checked::listed(vec![syntax_diagnostic(source, &e)]);
        }
    };
    derive_dataset(report, source, origin)
}

/// Checks a parsed report and, when `origin` is given and there are no errors, makes the
/// dataset the viewer shows: its search index is built on a second core for a large report
/// while the report is checked (`huimou check` needs neither, nor the index's memory).
fn derive_dataset(report: Report, source: &str, origin: Option<Origin>) -> Checked {
    let Some(origin) = origin else {
        let validated = validate::validate(&report, source, false);
        return Checked {
            dataset: None,
            diagnostics: validated.diagnostics,
            totals: validated.totals,
        };
    };
    let (index, validated) = if report.initiative_count() >= validate::PARALLEL_FROM {
        std::thread::scope(|scope| {
            let index = scope.spawn(|| SearchIndex::without_pinyin(&report));
            let validated = validate::validate(&report, source, true);
            (index.join().ok(), validated)
        })
    } else {
        (None, validate::validate(&report, source, true))
    };
    let validate::Validated {
        diagnostics,
        totals,
        quantities,
        segments,
    } = validated;
    let dataset = (!diagnostics.iter().any(Diagnostic::is_error)).then(|| {
        let warnings = diagnostics.clone();
        // With no errors every unit was read.
        let quantities = quantities
            .into_iter()
            .map(|chapter| {
                chapter
                    .into_iter()
                    .map(|initiative| initiative.into_iter().flatten().collect())
                    .collect()
            })
            .collect();
        // A helper that panicked would be a bug; building the index here keeps loading correct.
        let (index, pinyin) = index.unwrap_or_else(|| SearchIndex::without_pinyin(&report));
        // Only now, with the report checked: on two cores it would have slowed the checking.
        pinyin.start();
        let warnings = (warnings, totals.1);
        Dataset::new(report, origin, warnings, quantities, segments, index)
    });
    Checked {
        dataset,
        diagnostics,
        totals,
    }
}

fn syntax_diagnostic(source: &str, error: &ron::error::SpannedError) -> Diagnostic {
    use ron::Error as E;
    let mut location =
        Location::from_line_column(source, error.span.start.line, error.span.start.col);
    if error.code == E::ExpectedComma && closes_bracket(&location) {
        // `…)),` where `…),` was meant: the bracket is one too many, not a comma missing.
        let bracket = location.char_at(location.column).unwrap_or(')');
        return Diagnostic::error(
            format!("there is one `{bracket}` too many here"),
            format!("这里多了一个 `{bracket}`"),
        )
        .at(Some(location))
        .with_help(
            "the list or parenthesis around it is still open; remove the extra bracket",
            "外层的列表或括号还没有结束；删去多余的括号",
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
    // A string left open swallows what follows, so the parser stumbles a line or two later;
    // point at the quote that has no partner instead.
    if let Some(unclosed) = unclosed_quote(source, location.line) {
        return Diagnostic::error("this string is never closed", "这个字符串没有结束")
            .at(Some(unclosed))
            .with_help(
                "add the closing \" at the end of the text",
                "在文字末尾补上结尾的 \"",
            );
    }
    let (message, help) = field_words(&error.code)
        .or_else(|| token_words(&error.code, &location))
        .or_else(|| value_words(&error.code, &location))
        .unwrap_or_else(|| (other_syntax_words(&error.code), None));
    let diagnostic = Diagnostic::new(Severity::Error, message).at(Some(location));
    match help {
        Some(help) => diagnostic.with_help_text(help),
        None => diagnostic,
    }
}

/// What a syntax error says and how to fix it: a message and perhaps a help, in both languages.
type SyntaxWords = (Text, Option<Text>);

/// The words for a field or value the report's shape does not allow (unknown, missing or
/// repeated fields, values of the wrong kind).
fn field_words(code: &ron::Error) -> Option<SyntaxWords> {
    use ron::Error as E;
    // "in Figure" after an English message; "数据中" before a Chinese one.
    let within = |outer: &Option<String>| {
        let name = outer.as_deref();
        (
            name.map(|o| format!(" in {o}")).unwrap_or_default(),
            name.map(|o| format!("{}中", shape_name_zh(o)))
                .unwrap_or_default(),
        )
    };
    Some(match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let (en, zh) = within(outer);
            (
                Text::new(
                    format!("unknown field `{found}`{en}"),
                    format!("{zh}有未知字段 `{found}`"),
                ),
                Some(Text::new(
                    format!(
                        "check the spelling; the fields here are: {}",
                        expected.join(", ")
                    ),
                    format!("请检查拼写；这里的字段有：{}", code_list(expected)),
                )),
            )
        }
        E::MissingStructField { field, outer } => {
            let (en, zh) = within(outer);
            (
                Text::new(
                    format!("missing field `{field}`{en}"),
                    format!("{zh}缺少字段 `{field}`"),
                ),
                Some(Text::new(
                    format!("add `{field}: …` before the closing parenthesis"),
                    format!("在右括号前加上 `{field}: …`"),
                )),
            )
        }
        E::DuplicateStructField { field, .. } => (
            Text::new(
                format!("the field `{field}` is written twice"),
                format!("字段 `{field}` 写了两次"),
            ),
            None,
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => (
            Text::new(
                format!("`{found}` is not one of the allowed values"),
                format!("`{found}` 不是允许的取值"),
            ),
            Some(Text::new(
                format!("use one of: {}", expected.join(", ")),
                format!("可用的取值：{}", code_list(expected)),
            )),
        ),
        E::InvalidValueForType { expected, found } => (
            Text::new(
                format!("expected {expected}, found {found}"),
                format!(
                    "这里应为{}，却是{}",
                    serde_words_zh(expected),
                    serde_words_zh(found)
                ),
            ),
            None,
        ),
        _ => return None,
    })
}

/// The words for a token the parser expected and did not find, or one it did not expect.
fn token_words(code: &ron::Error, location: &Location) -> Option<SyntaxWords> {
    use ron::Error as E;
    let plain = |en: &str, zh: &str| (Text::new(en, zh), None);
    let helped = |en: &str, zh: &str, help_en: &str, help_zh: &str| {
        (Text::new(en, zh), Some(Text::new(help_en, help_zh)))
    };
    Some(match code {
        E::ExpectedComma => helped(
            "expected a comma here",
            "这里缺少逗号",
            "separate fields and list items with commas",
            "字段之间、列表项之间用逗号分隔",
        ),
        E::Eof => plain(
            "the file ends too early: a bracket, parenthesis or string is left open",
            "文件提前结束：有方括号、圆括号或字符串没有闭合",
        ),
        E::ExpectedStringEnd => helped(
            "this string is never closed",
            "这个字符串没有结束",
            "add the closing \"",
            "补上结尾的 \"",
        ),
        E::ExpectedArrayEnd => plain(
            "expected `]` to close the list here",
            "这里应有 `]` 结束列表",
        ),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => plain(
            "expected `)` to close the parenthesis here",
            "这里应有 `)` 闭合括号",
        ),
        E::TrailingCharacters => helped(
            "there is more text after the report's closing parenthesis",
            "报告的右括号之后还有内容",
            "a dataset holds exactly one report",
            "一个数据集只含一份报告",
        ),
        E::ExpectedNamedStructLike(name) => return Some(shape_words(name, location)),
        E::ExpectedStructLike => plain("expected `( … )` here", "这里应为 `( … )`"),
        E::ExpectedArray => helped(
            "expected a list here, written `[ … ]`",
            "这里应为列表，写作 `[ … ]`",
            "a list holds its items in square brackets, separated by commas",
            "列表把各项写在方括号里，用逗号分隔",
        ),
        E::ExpectedOption => helped(
            "expected `Some(…)` or `None` here",
            "这里应为 `Some(…)` 或 `None`",
            "an optional field is written `prefix: Some(\"超过\")`, or left out",
            "可选字段写作 `prefix: Some(\"超过\")`，也可以省略",
        ),
        E::ExpectedMapColon => helped(
            "expected a colon `:` after the field's name",
            "字段名后应有冒号 `:`",
            "fields are written `name: value`",
            "字段写作 `name: value`",
        ),
        E::UnclosedBlockComment => helped(
            "this comment is never closed",
            "这段注释没有结束",
            "a comment opened with `/*` ends with `*/`",
            "以 `/*` 开始的注释要以 `*/` 结束",
        ),
        _ => return None,
    })
}

/// The words for a value the parser could not read (a number, truth value or string written
/// wrongly), or for a file nested too deeply to be a report.
fn value_words(code: &ron::Error, location: &Location) -> Option<SyntaxWords> {
    use ron::Error as E;
    let plain = |en: &str, zh: &str| (Text::new(en, zh), None);
    Some(match code {
        E::ExpectedString => plain(
            "expected text in double quotes here",
            "这里应为双引号中的文字",
        ),
        E::ExpectedFloat | E::ExpectedInteger => plain("expected a number here", "这里应为数字"),
        E::ExpectedBoolean => plain(
            "expected `true` or `false` here",
            "这里应为 `true` 或 `false`",
        ),
        E::IntegerOutOfBounds => (
            Text::new("this whole number is out of range", "这个整数超出范围"),
            Some(Text::new(
                "chapter numbers and the format version are whole numbers from 0 to 4294967295",
                "章号和格式版本是 0 到 4294967295 之间的整数",
            )),
        ),
        E::SuggestRawIdentifier(found) | E::InvalidIdentifier(found)
            if found.bytes().all(|b| b.is_ascii_digit()) && after_digits_and_comma(location) =>
        {
            (
                Text::new(
                    "numbers are written without thousands separators",
                    "数字不加千位分隔符",
                ),
                Some(Text::new(
                    format!(
                        "write the digits together (…{found}, not …,{found}); the viewer adds separators itself"
                    ),
                    format!("把数字连着写（…{found}，而不是 …,{found}）；查看器会自己加分隔符"),
                )),
            )
        }
        E::ExceededRecursionLimit => plain(
            "the file nests too deeply to be a report",
            "文件嵌套太深，不像一份报告",
        ),
        _ => return None,
    })
}

/// The words for a place where a report, chapter, initiative, figure or chart (`name`) was
/// expected: either its bracket is the wrong kind, or something else stands there.
fn shape_words(name: &str, location: &Location) -> SyntaxWords {
    let zh = shape_name_zh(name);
    if closes_bracket(location) {
        return (
            Text::new(
                format!("this bracket closes a list of {name} with the wrong kind of bracket"),
                format!("这个括号用错了，不能结束{zh}列表"),
            ),
            Some(Text::new(
                "a list opened with `[` closes with `]`; a parenthesis `(` closes with `)`",
                "以 `[` 开始的列表用 `]` 结束，以 `(` 开始的括号用 `)` 结束",
            )),
        );
    }
    (
        Text::new(
            format!("expected {} {name} here, written `( … )`", article(name)),
            format!("这里应为{zh}，写作 `( … )`"),
        ),
        Some(Text::new(
            format!(
                "{} {name} is a list of fields in parentheses: `(id: \"…\", …)`",
                capitalised(article(name))
            ),
            format!("{zh}是写在圆括号里的一组字段：`(id: \"…\", …)`"),
        )),
    )
}

/// Any other syntax error, in the parser's own words: English as the parser writes it, and in
/// Chinese a frame around a translation of the kinds a hand-written file can run into.
fn other_syntax_words(code: &ron::Error) -> Text {
    use ron::Error as E;
    let zh = match code {
        E::UnexpectedChar(c) => Some(format!("意外的字符 {c:?}")),
        E::ExpectedIdentifier => Some("这里应为字段名".to_owned()),
        E::ExpectedChar => Some("这里应为单个字符".to_owned()),
        E::ExpectedMap => Some("这里应为 `{`".to_owned()),
        E::ExpectedMapEnd => Some("这里应有 `}` 闭合".to_owned()),
        E::ExpectedUnit => Some("这里应为 `()`".to_owned()),
        E::InvalidEscape(_) => Some("字符串中有无效的转义（`\\` 后的字符）".to_owned()),
        E::FloatUnderscore | E::UnderscoreAtBeginning => {
            Some("数字中有不该出现的下划线 `_`".to_owned())
        }
        E::InvalidIntegerDigit { digit, .. } => Some(format!("整数中有无效的数字 {digit:?}")),
        E::ExpectedDifferentLength { found, .. } => Some(format!("这里的项数（{found}）不对")),
        E::ExpectedDifferentStructName { found, .. } => {
            Some(format!("这里不应写 `{found}` 这个名称"))
        }
        E::UnclosedLineComment => Some("行注释没有结束".to_owned()),
        _ => None,
    };
    let zh = zh.unwrap_or_else(|| code.to_string());
    Text::new(
        format!("the file is not valid RON: {code}"),
        format!("文件不是有效的 RON：{zh}"),
    )
}

/// The Chinese name of a part of the report as the parser names it (`Figure`), the name in
/// backticks for a part the report does not have.
fn shape_name_zh(name: &str) -> String {
    match name {
        "Report" => "报告".to_owned(),
        "Chapter" => "章".to_owned(),
        "Initiative" => "举措".to_owned(),
        "Figure" => "数据".to_owned(),
        "Chart" => "图表".to_owned(),
        "ChartKind" => "图表类型".to_owned(),
        other => format!("`{other}`"),
    }
}

/// Names of fields or values as a Chinese list: each in backticks, joined by 、.
fn code_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join("、")
}

/// The Chinese for what serde says a value should be or was (`a string`, `the boolean
/// `true``); words it does not know are kept as serde wrote them.
fn serde_words_zh(words: &str) -> String {
    // A value found is named with its literal: "the string \"x\"", "the signed integer `-5`".
    let literal = |prefix: &str| words.strip_prefix(prefix).map(str::trim);
    if let Some(text) = literal("the string") {
        return format!("文字 {text}");
    }
    for (prefix, zh) in [
        ("the boolean", "布尔值"),
        ("the unsigned integer", "整数"),
        ("the signed integer", "整数"),
        ("the floating point number", "数字"),
        ("the UTF-8 character", "字符"),
    ] {
        if let Some(value) = literal(prefix) {
            return format!("{zh} {value}");
        }
    }
    if let Some(name) = words.strip_prefix("struct ") {
        return format!("{}，写作 `( … )`", shape_name_zh(name));
    }
    if let Some(name) = words.strip_prefix("enum ") {
        return format!("{}的一个取值", shape_name_zh(name));
    }
    match words {
        "a boolean" | "bool" => "`true` 或 `false`",
        "a string" | "a borrowed string" | "string" => "双引号中的文字",
        "a sequence" => "列表 `[ … ]`",
        "a map" => "映射 `{ … }`",
        "option" | "an optional value" => "`Some(…)` 或 `None`",
        "a unit value" | "unit" => "`()`",
        "f32" | "f64" => "数字",
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" | "isize" => "整数",
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant"
        | "a struct variant" => "枚举值",
        "a newtype struct" => "带括号的值",
        other => return other.to_owned(),
    }
    .to_owned()
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

/// What a file held, in little: its length and a hash of its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    /// The fingerprint of a file's bytes.
    pub fn of(bytes: &[u8]) -> Self {
        // SipHash with fixed keys: the same bytes give the same hash all through a run.
        use std::hash::Hasher as _;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        hasher.write(bytes);
        Self {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }
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
        assert!(
            error.message.zh.contains("不是 UTF-8"),
            "{}",
            error.message.zh
        );
    }

    #[test]
    fn the_parsers_own_words_get_a_chinese_frame() {
        let (message, help) = field_words(&ron::Error::InvalidValueForType {
            expected: "a string".to_owned(),
            found: "the unsigned integer `5`".to_owned(),
        })
        .expect("words");
        assert_eq!(message, "expected a string, found the unsigned integer `5`");
        assert_eq!(message.zh, "这里应为双引号中的文字，却是整数 `5`");
        assert!(help.is_none());
        assert_eq!(serde_words_zh("struct Figure"), "数据，写作 `( … )`");
        assert_eq!(serde_words_zh("the boolean `true`"), "布尔值 `true`");
        // Words it does not know stay as the parser wrote them, inside the Chinese frame.
        assert_eq!(serde_words_zh("a frobnicator"), "a frobnicator");
        let other = other_syntax_words(&ron::Error::UnexpectedChar('@'));
        assert_eq!(other.zh, "文件不是有效的 RON：意外的字符 '@'");
        assert!(
            other.en.starts_with("the file is not valid RON: "),
            "{other}"
        );
        let untranslated = other_syntax_words(&ron::Error::ExpectedRawValue);
        assert!(
            untranslated.zh.starts_with("文件不是有效的 RON："),
            "{}",
            untranslated.zh
        );
    }
}
