//! Word documents (`.docx`): a zip of XML parts, whose `word/document.xml` holds the
//! paragraphs. Each paragraph becomes a line, its bold runs (bold directly or by their style)
//! marked `**…**` as a Markdown-like brochure marks them.

use std::io::Read as _;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};
use rustc_hash::FxHashMap as HashMap;

use super::text::Line;
use super::{Failure, Place};
use crate::document::load::MAX_BYTES;
use crate::report::diagnostic::Text;

/// The part of a Word document that holds its text.
const DOCUMENT: &str = "word/document.xml";

/// Where Word keeps the styles that may make a run bold.
const STYLES: &str = "word/styles.xml";

/// The lines of a Word document, numbered by paragraph from 1, and what was left out of them
/// (pictures, table cells without a unit).
pub(crate) fn lines_of(bytes: &[u8]) -> Result<(Vec<Line>, Vec<Text>), Failure> {
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(e) => return Err(salvage(bytes).unwrap_or_else(|| not_a_document(&e))),
    };
    let document = match read_part(&mut archive, DOCUMENT) {
        Ok(Some(xml)) => xml,
        Ok(None) => {
            return Err((
                None,
                Text::new(
                    format!("the document has no {DOCUMENT}: it is not a Word document"),
                    format!("文档中没有 {DOCUMENT}：它不是 Word 文档"),
                ),
            ));
        }
        Err(damage) => return Err(damage.failure(DOCUMENT)),
    };
    // Styles only add bold; a document whose styles cannot be read still has its text.
    let styles = match read_part(&mut archive, STYLES) {
        Ok(Some(xml)) => bold_styles(&xml),
        _ => Styles::default(),
    };
    Paragraphs::new(&styles).read(&document)
}

fn not_a_document(error: &zip::result::ZipError) -> Failure {
    (
        None,
        Text::new(
            format!("this is not a Word document (.docx), or it is damaged: {error}"),
            format!("这不是 Word 文档（.docx），或者文件已损坏：{error}"),
        ),
    )
}

/// A part that could not be read whole: what was read of it, and why it stopped.
struct Damage {
    partial: Vec<u8>,
    detail: String,
}

impl Damage {
    /// The error, placed at the paragraph where the text breaks off when some was read.
    fn failure(&self, name: &str) -> Failure {
        let detail = &self.detail;
        if self.partial.is_empty() {
            return (
                None,
                Text::new(
                    format!("the document is damaged: {name} cannot be read ({detail})"),
                    format!("文档已损坏：无法读取 {name}（{detail}）"),
                ),
            );
        }
        (
            Some(Place::Paragraph(paragraphs_begun(&self.partial).max(1))),
            Text::new(
                format!(
                    "the document breaks off in this paragraph: the file is truncated or damaged ({detail})"
                ),
                format!("文档在这一段中断：文件不完整或已损坏（{detail}）"),
            ),
        )
    }
}

/// How many paragraphs the beginning of a `document.xml` opens.
fn paragraphs_begun(xml: &[u8]) -> usize {
    let xml = String::from_utf8_lossy(xml);
    xml.matches("<w:p>").count() + xml.matches("<w:p ").count()
}

/// A document whose archive ends early (a download cut short) has no directory to find its
/// parts by, but its first parts are there in order: reading them says in which paragraph the
/// text breaks off. `None` when its text cannot be found that way either.
fn salvage(bytes: &[u8]) -> Option<Failure> {
    let mut reader = std::io::Cursor::new(bytes);
    loop {
        let file = zip::read::read_zipfile_from_stream(&mut reader).ok()??;
        if file.name().ok()? == DOCUMENT {
            let mut partial = Vec::new();
            let detail = match file.take(MAX_BYTES).read_to_end(&mut partial) {
                Ok(_) => "the archive ends early".to_owned(),
                Err(e) => e.to_string(),
            };
            return Some(Damage { partial, detail }.failure(DOCUMENT));
        }
    }
}

/// A part of the archive as text: `None` when there is no such part.
fn read_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, Damage> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(Damage {
                partial: Vec::new(),
                detail: e.to_string(),
            });
        }
    };
    let mut bytes = Vec::new();
    // A zip bomb is stopped where a real document would never go.
    if let Err(e) = file.take(MAX_BYTES + 1).read_to_end(&mut bytes) {
        return Err(Damage {
            partial: bytes,
            detail: e.to_string(),
        });
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Damage {
            partial: Vec::new(),
            detail: format!("more than {} MiB of text", MAX_BYTES / 1_048_576),
        });
    }
    String::from_utf8(bytes).map(Some).map_err(|e| Damage {
        partial: Vec::new(),
        detail: e.to_string(),
    })
}

/// Which styles make text bold, and which style each is based on.
#[derive(Default)]
struct Styles {
    bold: HashMap<String, bool>,
    based_on: HashMap<String, String>,
    /// The heading level of a style: its name (`heading 2`, the same in every language of
    /// Word) or its outline level.
    levels: HashMap<String, u8>,
}

impl Styles {
    /// Whether style `id` makes text bold, itself or through the styles it is based on.
    fn is_bold(&self, id: &str) -> Option<bool> {
        let mut id = id;
        // Word allows no loops, but a damaged file might have one.
        for _ in 0..16 {
            if let Some(&bold) = self.bold.get(id) {
                return Some(bold);
            }
            id = self.based_on.get(id)?;
        }
        None
    }

    /// The heading level style `id` gives its paragraphs, itself or through its bases.
    fn level(&self, id: &str) -> Option<u8> {
        let mut id = id;
        for _ in 0..16 {
            if let Some(&level) = self.levels.get(id) {
                return Some(level);
            }
            id = self.based_on.get(id)?;
        }
        None
    }
}

/// The heading level an outline level gives (`w:outlineLvl w:val="0"` is level 1; 9 is body
/// text).
fn outline_level(element: &BytesStart<'_>) -> Option<u8> {
    let value: u8 = attribute(element, b"val")?.parse().ok()?;
    (value < 9).then_some(value + 1)
}

/// The local name of an element (`b` for `w:b`).
fn local(element: &BytesStart<'_>) -> Vec<u8> {
    element.local_name().as_ref().to_vec()
}

/// The value of an element's attribute by its local name (`val` for `w:val`).
fn attribute(element: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| String::from_utf8(a.value.into_owned()).ok())
}

/// Whether `<w:b>` turns bold on: it does unless its value says off.
fn turns_on(element: &BytesStart<'_>) -> bool {
    !matches!(
        attribute(element, b"val").as_deref(),
        Some("0" | "false" | "off")
    )
}

/// The bold styles of `word/styles.xml`; what cannot be read is left out.
fn bold_styles(xml: &str) -> Styles {
    let mut styles = Styles::default();
    let mut reader = Reader::from_str(xml);
    let mut style: Option<String> = None;
    let mut in_run_properties = false;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => match local(&e).as_slice() {
                b"style" => style = attribute(&e, b"styleId"),
                b"rPr" => in_run_properties = style.is_some(),
                b"basedOn" => {
                    if let (Some(id), Some(base)) = (&style, attribute(&e, b"val")) {
                        styles.based_on.insert(id.clone(), base);
                    }
                }
                b"b" if in_run_properties => {
                    if let Some(id) = &style {
                        styles.bold.insert(id.clone(), turns_on(&e));
                    }
                }
                b"name" => {
                    let name = attribute(&e, b"val").unwrap_or_default().to_lowercase();
                    let level = name.strip_prefix("heading ").and_then(|n| n.parse().ok());
                    if let (Some(id), Some(level)) = (&style, level) {
                        styles.levels.insert(id.clone(), level);
                    }
                }
                b"outlineLvl" => {
                    if let (Some(id), Some(level)) = (&style, outline_level(&e)) {
                        styles.levels.insert(id.clone(), level);
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"style" => style = None,
                b"rPr" => in_run_properties = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    styles
}

/// A run of text being read: its words and what says whether it is bold.
#[derive(Default)]
struct Run {
    text: String,
    bold: Option<bool>,
    style_bold: Option<bool>,
}

/// A paragraph being read: its place, its style's boldness, and its lines so far (a line break
/// inside a paragraph starts a new line), each as pieces of plain and bold text.
struct Paragraph {
    place: Place,
    style_bold: bool,
    level: Option<u8>,
    lines: Vec<Vec<(bool, String)>>,
}

/// Reads the paragraphs of `word/document.xml` in order.
struct Paragraphs<'s> {
    styles: &'s Styles,
    count: usize,
    open: Vec<Paragraph>,
    run: Option<Run>,
    in_text: bool,
    in_paragraph_properties: bool,
    in_run_properties: bool,
    /// How deep inside an element whose content repeats another's (`mc:Fallback`).
    skipping: usize,
    lines: Vec<Line>,
    /// The table being read: how deep in tables, its rows so far, the row and the cell open.
    tables: usize,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<String>,
    table_place: Place,
    table_count: usize,
    pictures: usize,
    notes: Vec<Text>,
}

impl<'s> Paragraphs<'s> {
    fn new(styles: &'s Styles) -> Self {
        Self {
            styles,
            count: 0,
            open: Vec::new(),
            run: None,
            in_text: false,
            in_paragraph_properties: false,
            in_run_properties: false,
            skipping: 0,
            lines: Vec::new(),
            tables: 0,
            rows: Vec::new(),
            row: Vec::new(),
            cell: None,
            table_place: Place::Paragraph(1),
            table_count: 0,
            pictures: 0,
            notes: Vec::new(),
        }
    }

    fn read(mut self, xml: &str) -> Result<(Vec<Line>, Vec<Text>), Failure> {
        let mut reader = Reader::from_str(xml);
        loop {
            let event = reader.read_event().map_err(|e| {
                (
                    Some(Place::Paragraph(self.count.max(1))),
                    Text::new(
                        format!("the document is damaged: its text cannot be read ({e})"),
                        format!("文档已损坏：无法读取正文（{e}）"),
                    ),
                )
            })?;
            match event {
                Event::Start(e) => self.start(&e, false),
                Event::Empty(e) => self.start(&e, true),
                Event::End(e) => self.end(e.local_name().as_ref()),
                Event::Text(e) if self.in_text && self.skipping == 0 => {
                    self.push_text(&e.xml10_content().unwrap_or_default());
                }
                Event::GeneralRef(r) if self.in_text && self.skipping == 0 => {
                    self.push_text(&resolve(&r));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if self.lines.iter().all(|l| l.text.is_empty()) {
            return Err((
                Some(Place::Paragraph(1)),
                Text::new("the document has no text", "文档中没有文字"),
            ));
        }
        if self.pictures > 0 {
            let n = self.pictures;
            self.notes.push(Text::new(
                format!("pictures (charts, photos) left out: {n}; only text is imported"),
                format!("没有导入的图片（图表、照片）：{n} 张；只导入文字"),
            ));
        }
        Ok((self.lines, self.notes))
    }

    fn start(&mut self, element: &BytesStart<'_>, empty: bool) {
        let name = local(element);
        if self.skipping > 0 || name == b"Fallback" {
            self.skipping += usize::from(!empty);
            return;
        }
        match name.as_slice() {
            b"p" => {
                self.count += 1;
                self.open.push(Paragraph {
                    place: Place::Paragraph(self.count),
                    style_bold: false,
                    level: None,
                    lines: vec![Vec::new()],
                });
                if empty {
                    self.end(b"p");
                }
            }
            b"pPr" => self.in_paragraph_properties = !empty,
            b"pStyle" if self.in_paragraph_properties => {
                let id = attribute(element, b"val").unwrap_or_default();
                let bold = self.styles.is_bold(&id);
                let level = self.styles.level(&id);
                if let Some(paragraph) = self.open.last_mut() {
                    paragraph.style_bold = bold.unwrap_or(false);
                    paragraph.level = paragraph.level.or(level);
                }
            }
            b"outlineLvl" if self.in_paragraph_properties => {
                if let Some(paragraph) = self.open.last_mut() {
                    paragraph.level = outline_level(element);
                }
            }
            b"r" if !empty => self.run = Some(Run::default()),
            b"rPr" if self.run.is_some() => self.in_run_properties = !empty,
            b"b" if self.in_run_properties => {
                if let Some(run) = &mut self.run {
                    run.bold = Some(turns_on(element));
                }
            }
            b"rStyle" if self.in_run_properties => {
                let bold = attribute(element, b"val").and_then(|id| self.styles.is_bold(&id));
                if let Some(run) = &mut self.run {
                    run.style_bold = bold;
                }
            }
            b"tbl" if !empty => {
                self.tables += 1;
                if self.tables == 1 {
                    self.rows.clear();
                    self.table_place = Place::Paragraph(self.count + 1);
                }
            }
            b"tr" if self.tables == 1 && !empty => self.row.clear(),
            b"tc" if self.tables == 1 => {
                self.cell = Some(String::new());
                if empty {
                    self.end(b"tc");
                }
            }
            b"drawing" | b"pict" => self.pictures += 1,
            b"t" => self.in_text = !empty,
            b"tab" if self.run.is_some() => self.push_text("\t"),
            b"noBreakHyphen" => self.push_text("-"),
            b"br" | b"cr" => self.break_line(),
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        match name {
            b"t" => self.in_text = false,
            b"pPr" => self.in_paragraph_properties = false,
            b"rPr" => self.in_run_properties = false,
            b"r" => self.end_run(),
            b"p" => {
                self.end_run();
                if let Some(paragraph) = self.open.pop() {
                    if self.tables > 0 {
                        self.add_to_cell(&paragraph);
                        return;
                    }
                    for pieces in paragraph.lines {
                        self.lines.push(Line {
                            text: marked(&pieces).trim().to_owned(),
                            place: paragraph.place,
                            wraps: false,
                            level: paragraph.level,
                        });
                    }
                }
            }
            b"tc" if self.tables == 1 => {
                let cell = self.cell.take().unwrap_or_default();
                self.row.push(cell);
            }
            b"tr" if self.tables == 1 => {
                let row = std::mem::take(&mut self.row);
                self.rows.push(row);
            }
            b"tbl" if self.tables > 0 => {
                if self.tables == 1 {
                    self.end_table();
                }
                self.tables -= 1;
            }
            _ => {}
        }
    }

    /// A paragraph inside a table cell: its words join the cell's, without bold marks (a
    /// cell's number is read with the column's unit, `table::paragraph`).
    fn add_to_cell(&mut self, paragraph: &Paragraph) {
        let Some(cell) = &mut self.cell else {
            return;
        };
        for pieces in &paragraph.lines {
            let text: String = pieces.iter().map(|(_, t)| t.as_str()).collect();
            let text = text.trim();
            if !text.is_empty() {
                // Two paragraphs of digits (12 / 345) are two numbers, never 12 345.
                let digits_meet = cell.ends_with(|c: char| c.is_ascii_digit())
                    && text.starts_with(|c: char| c.is_ascii_digit());
                if digits_meet {
                    cell.push('；');
                }
                cell.push_str(text);
            }
        }
    }

    /// A table read whole: one paragraph of sentences, captioned by the short line before it
    /// that names it (表1 主要指标), else by its number.
    fn end_table(&mut self) {
        let rows = std::mem::take(&mut self.rows);
        if rows.is_empty() {
            return;
        }
        self.table_count += 1;
        let names_it = self
            .lines
            .last()
            .is_some_and(|l| super::table::names_a_table(&l.text));
        let caption = match names_it.then(|| self.lines.pop()).flatten() {
            Some(line) => line.text.replace("**", "").trim().to_owned(),
            None => super::table::numbered_caption(self.table_count, &rows),
        };
        let (text, notes) = super::table::paragraph(&rows, &caption);
        self.notes.extend(notes);
        self.lines.push(Line {
            text,
            place: self.table_place,
            wraps: false,
            level: None,
        });
    }

    fn push_text(&mut self, text: &str) {
        if let Some(run) = &mut self.run {
            run.text.push_str(text);
        }
    }

    /// A line break inside a paragraph: what follows is another line of the brochure.
    fn break_line(&mut self) {
        if let Some(run) = self.run.take() {
            self.push_run(&run);
            self.run = Some(Run {
                text: String::new(),
                ..run
            });
        }
        if let Some(paragraph) = self.open.last_mut() {
            paragraph.lines.push(Vec::new());
        }
    }

    fn end_run(&mut self) {
        if let Some(run) = self.run.take() {
            self.push_run(&run);
        }
        self.in_run_properties = false;
    }

    fn push_run(&mut self, run: &Run) {
        let Some(paragraph) = self.open.last_mut() else {
            return;
        };
        if run.text.is_empty() {
            return;
        }
        // The run's own bold, else its style's, else its paragraph's style's.
        let bold = run.bold.or(run.style_bold).unwrap_or(paragraph.style_bold);
        if let Some(line) = paragraph.lines.last_mut() {
            match line.last_mut() {
                Some((was_bold, text)) if *was_bold == bold => text.push_str(&run.text),
                _ => line.push((bold, run.text.clone())),
            }
        }
    }
}

/// An entity or character reference as the text it stands for.
fn resolve(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference.decode().unwrap_or_default();
    quick_xml::escape::resolve_predefined_entity(&name)
        .map_or_else(|| format!("&{name};"), str::to_owned)
}

/// A line's pieces as Markdown-like text: bold pieces marked `**…**`, the spaces around them
/// left outside the marks.
fn marked(pieces: &[(bool, String)]) -> String {
    let mut out = String::new();
    for (bold, text) in pieces {
        let inner = text.trim();
        if !bold || inner.is_empty() {
            out.push_str(text);
            continue;
        }
        let lead = text.len() - text.trim_start().len();
        out.push_str(&text[..lead]);
        out.push_str("**");
        out.push_str(inner);
        out.push_str("**");
        out.push_str(&text[lead + inner.len()..]);
    }
    out
}
