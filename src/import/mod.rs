//! `huimou import`: from a brochure (Markdown-like text or a Word document) to a dataset.
//!
//! A brochure is read as lines (a `.docx` paragraph is a line, its bold runs marked `**…**`),
//! its cover, chapters and initiatives found by their shape (`text`), each bold number read as a
//! figure with its unit, qualifiers, label and period (`infer`), charts and key figures proposed
//! (`charts`), and the report written as RON that `huimou check` accepts (`write`). Every label
//! is a guess, flagged `label_guessed: true` until its author confirms it. This is part of the
//! data layer: nothing here knows of the viewer.

mod build;
mod charts;
mod cover;
pub use cover::organisation_in;
mod decode;
mod docx;
mod html;
mod ids;
mod infer;
mod numbers;
mod outline;
mod pdf;
pub mod review;
mod summary;
mod table;
mod text;
mod write;

pub use summary::Summary;

use std::path::Path;

use crate::document::load;
use crate::report::diagnostic::Text;
use crate::report::lang::Lang;
use crate::report::model::Report;

/// A dataset made from a brochure.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The report as imported.
    pub report: Report,
    /// The dataset's text exactly as it is written to disk: pretty RON, with comments on the
    /// guessed labels.
    pub ron: String,
    /// How many figures have a label the importer guessed (`label_guessed: true`).
    pub guessed_labels: usize,
    /// What was read and what was left out, and why: said after every import.
    pub summary: Summary,
}

/// Where in a brochure something went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A 1-based line of a text file.
    Line(usize),
    /// A 1-based paragraph of a Word document.
    Paragraph(usize),
}

/// Why a brochure could not be imported: where (file, and line or paragraph when there is
/// one) and what, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file's name as the user gave it.
    pub file: String,
    /// The line or paragraph, when the problem has one.
    pub place: Option<Place>,
    /// What is wrong, in English and Chinese.
    pub what: Text,
}

impl ImportError {
    fn new(file: &str, place: Option<Place>, what: Text) -> Self {
        Self {
            file: file.to_owned(),
            place,
            what,
        }
    }

    /// The error in `lang`, starting with where: `file:line: what`, or for a Word document
    /// `file: paragraph N: what`.
    pub fn message(&self, lang: Lang) -> String {
        let (file, what) = (&self.file, self.what.get(lang));
        match (self.place, lang) {
            (None, _) => format!("{file}: {what}"),
            (Some(Place::Line(line)), _) => format!("{file}:{line}: {what}"),
            (Some(Place::Paragraph(n)), Lang::En) => format!("{file}: paragraph {n}: {what}"),
            (Some(Place::Paragraph(n)), Lang::Zh) => format!("{file}：第 {n} 段：{what}"),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// What went wrong while reading a brochure, before the file's name is known to the part that
/// found it.
pub(crate) type Failure = (Option<Place>, Text);

/// A report as its dataset's text, laid out as an import writes it (one figure a line, guessed
/// labels commented); `source` names the file it was imported from.
pub fn write_dataset(report: &crate::report::model::Report, source: &str) -> String {
    write::ron(report, source)
}

/// The extensions of the files Huimou imports, as file dialogs filter them.
pub const EXTENSIONS: &[&str] = &["md", "txt", "docx", "html", "htm", "pdf"];

/// Whether `path` names a file Huimou can import: `.md`, `.txt`, `.docx`, `.html`, `.htm` or `.pdf`,
/// in any case.
pub fn is_importable(path: &Path) -> bool {
    matches!(
        kind_of(path),
        Some(Kind::Text | Kind::Docx | Kind::Html | Kind::Pdf)
    )
}

/// The kinds of file the importer tells apart by their extension.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Docx,
    /// A saved web page.
    Html,
    /// A text PDF (a document saved as PDF).
    Pdf,
    /// A Word 97–2003 document, which only needs saving as `.docx`.
    OldWord,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "md" | "txt" => Some(Kind::Text),
        "docx" => Some(Kind::Docx),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "pdf" => Some(Kind::Pdf),
        "doc" => Some(Kind::OldWord),
        _ => None,
    }
}

/// Reads a report file (`.md`, `.txt`, `.docx`, `.html` or `.pdf`) and makes a dataset of it.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let name = path.display().to_string();
    let fail = |what: Text| ImportError::new(&name, None, what);
    let kind = match kind_of(path) {
        Some(Kind::OldWord) => {
            return Err(fail(Text::new(
                "this is a Word 97–2003 document (.doc); save it as .docx first",
                "这是 Word 97–2003 文档（.doc）；请先另存为 .docx",
            )));
        }
        Some(kind) => kind,
        None if path.is_dir() => {
            return Err(fail(Text::new(
                "this is a folder; give a .md, .txt, .docx, .html or .pdf file",
                "这是一个文件夹；请给出 .md、.txt、.docx、.html 或 .pdf 文件",
            )));
        }
        None => {
            return Err(fail(Text::new(
                "Huimou imports .md, .txt, .docx, .html and .pdf files",
                "回眸只能导入 .md、.txt、.docx、.html 和 .pdf 文件",
            )));
        }
    };
    // The same checks as opening a dataset: no FIFOs, folders or files over 64 MiB.
    let bytes = load::read_bytes(path).map_err(|error| {
        let what = error.diagnostics.into_iter().next().map_or_else(
            || Text::new("cannot read the file", "无法读取文件"),
            |d| d.message,
        );
        fail(what)
    })?;
    if kind == Kind::Docx {
        return import_docx(&bytes, &name);
    }
    if kind == Kind::Pdf {
        return import_pdf(&bytes, &name);
    }
    // Published text comes in GBK, Big5 and UTF-16 as often as in UTF-8: it is decoded, not
    // refused. A web page's declared charset is believed first.
    let declared = (kind == Kind::Html)
        .then(|| html::declared_charset(&bytes))
        .flatten();
    let (source, _) = decode::decode(&bytes, declared.as_deref()).map_err(|e| {
        let offset = e.offset;
        fail(Text::new(
            format!(
                "the file is not text in UTF-8, UTF-16, GB 18030 (GBK) or Big5 (byte offset {offset}); save it as UTF-8"
            ),
            format!(
                "文件不是 UTF-8、UTF-16、GB 18030（GBK）或 Big5 编码的文本（字节偏移 {offset}）；请另存为 UTF-8"
            ),
        ))
    })?;
    match kind {
        Kind::Html => import_html(&source, &name),
        _ => import_text(&source, &name),
    }
}

/// Makes a dataset of a text PDF's pages, read as published text; `name` names it in errors.
pub fn import_pdf(bytes: &[u8], name: &str) -> Result<Imported, ImportError> {
    let text = pdf::text_of(bytes).map_err(|what| ImportError::new(name, None, what))?;
    import_text(&text, name)
}

/// Makes a dataset of a saved web page's article; `name` names it in errors and in the
/// report's `source`.
pub fn import_html(page: &str, name: &str) -> Result<Imported, ImportError> {
    let (lines, notes) =
        html::lines_of(page).map_err(|(place, what)| ImportError::new(name, place, what))?;
    finish(&lines, notes, name)
}

/// Makes a dataset of a Markdown-like brochure; `name` names it in errors and in the report's
/// `source`.
pub fn import_text(text: &str, name: &str) -> Result<Imported, ImportError> {
    let (lines, notes) = text::with_tables(text::lines_of(text));
    finish(&lines, notes, name)
}

/// Makes a dataset of a Word document's bytes; `name` names it in errors and in the report's
/// `source`.
pub fn import_docx(bytes: &[u8], name: &str) -> Result<Imported, ImportError> {
    let (lines, notes) =
        docx::lines_of(bytes).map_err(|(place, what)| ImportError::new(name, place, what))?;
    finish(&lines, notes, name)
}

/// Reads the brochure's lines into a report, writes it, and checks what was written; `notes`
/// are what reading the file left out (pictures, table cells without a unit).
fn finish(lines: &[text::Line], notes: Vec<Text>, name: &str) -> Result<Imported, ImportError> {
    let fail = |(place, what): Failure| ImportError::new(name, place, what);
    // The brochure's own shape first (a number and a name on lines of their own); a report in
    // the shape officials write (一、 / （一） / 1.) when that does not fit.
    let brochure = match text::parse(lines) {
        Ok(brochure) => brochure,
        Err(failure)
            if text::has_brochure_titles(lines) || lines.iter().all(|l| l.text.is_empty()) =>
        {
            return Err(fail(failure));
        }
        Err(_) => outline::parse(lines).map_err(fail)?,
    };
    let source = Path::new(name)
        .file_name()
        .map_or_else(|| name.to_owned(), |n| n.to_string_lossy().into_owned());
    let notes: Vec<Text> = notes
        .into_iter()
        .chain(brochure.notes.iter().cloned())
        .collect();
    let build::Built { report, skipped } = build::report(brochure, &source).map_err(fail)?;
    let ron = write::ron(&report, &source);
    // A dataset that does not check would only move the problem to the viewer: say so here.
    let checked = load::diagnose_str(&ron);
    if let Some(error) = checked.diagnostics.into_iter().find(|d| d.is_error()) {
        let line = error.location.as_ref().map_or(0, |l| l.line);
        return Err(ImportError::new(
            name,
            None,
            Text::new(
                format!(
                    "the dataset made from it does not pass `huimou check` (line {line}: {}); please report this",
                    error.message.en
                ),
                format!(
                    "由它生成的数据集没有通过 `huimou check`（第 {line} 行：{}）；请报告这个问题",
                    error.message.zh
                ),
            ),
        ));
    }
    let guessed_labels = report
        .figures()
        .filter(|(_, _, figure)| figure.label_guessed)
        .count();
    let summary = Summary::of(&report, skipped, notes);
    Ok(Imported {
        report,
        ron,
        guessed_labels,
        summary,
    })
}
