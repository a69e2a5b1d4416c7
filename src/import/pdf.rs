//! A text PDF (a report saved from Word or WPS as PDF, as government sites publish them) read
//! as the text of its pages, which the outline then reads as any published text: page numbers
//! and running headers dropped, lines broken at a page's edge joined again.
//!
//! A PDF is untrusted input: its streams are decompressed within a limit (lopdf's
//! `max_decompressed_size`), its pages are counted before they are read, and the reading runs
//! on a thread of its own within a time limit, so that a PDF whose objects point at themselves,
//! or that lopdf cannot parse without panicking, is refused with a message rather than hanging
//! or ending Huimou.

use std::time::Duration;

use crate::report::diagnostic::Text;

/// The most a single stream may decompress to: a page of a long report is a few hundred KB.
const MAX_STREAM_BYTES: usize = 32 * 1024 * 1024;

/// The most pages read: a work report has tens, a yearbook a few hundred.
const MAX_PAGES: usize = 2_000;

/// How long reading may take before the PDF is given up as damaged.
const MAX_TIME: Duration = Duration::from_secs(30);

/// Fewer characters than this a page, on average, and the PDF is taken for pictures of pages.
const MIN_CHARS_PER_PAGE: usize = 20;

/// The text of a PDF's pages, a blank line between pages; or why there is none.
pub(crate) fn text_of(bytes: &[u8]) -> Result<String, Text> {
    let owned = bytes.to_vec();
    let (sender, receiver) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("pdf-text".to_owned())
        .spawn(move || {
            let read = std::panic::catch_unwind(|| read_pages(&owned));
            let _ = sender.send(read);
        });
    if spawned.is_err() {
        return Err(Text::new(
            "could not start reading the PDF",
            "无法开始读取 PDF",
        ));
    }
    match receiver.recv_timeout(MAX_TIME) {
        Ok(Ok(read)) => read,
        Ok(Err(_)) => Err(Text::new(
            "the PDF is damaged: reading it failed",
            "PDF 已损坏：读取失败",
        )),
        // The thread is left to finish on its own; nothing waits for it.
        Err(_) => Err(Text::new(
            format!(
                "reading the PDF took over {} s; it may be damaged (objects that point at themselves)",
                MAX_TIME.as_secs()
            ),
            format!(
                "读取 PDF 超过 {} 秒；文件可能已损坏（对象互相引用）",
                MAX_TIME.as_secs()
            ),
        )),
    }
}

/// Loads the PDF and reads its pages' text, in order.
fn read_pages(bytes: &[u8]) -> Result<String, Text> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..lopdf::LoadOptions::default()
    };
    let document = lopdf::Document::load_mem_with_options(bytes, options).map_err(|error| {
        log::info!("lopdf could not load the PDF: {error}");
        match error {
            lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => Text::new(
                "the PDF is protected by a password; save an unprotected copy first",
                "PDF 有密码保护；请先另存一份不加密的",
            ),
            _ => Text::new(
                "this is not a PDF Huimou can read (damaged, or not a PDF)",
                "这不是回眸能读取的 PDF（已损坏，或不是 PDF）",
            ),
        }
    })?;
    if document.is_encrypted() {
        return Err(Text::new(
            "the PDF is protected by a password; save an unprotected copy first",
            "PDF 有密码保护；请先另存一份不加密的",
        ));
    }
    let pages = document.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(Text::new(
            format!(
                "the PDF has {} pages; Huimou imports at most {MAX_PAGES}",
                pages.len()
            ),
            format!("PDF 有 {} 页；回眸最多导入 {MAX_PAGES} 页", pages.len()),
        ));
    }
    let mut text = String::new();
    let mut unreadable = 0;
    for (&number, &page) in &pages {
        match page_text(&document, page) {
            Ok(page_text) => {
                text.push_str(&page_text);
                text.push_str("\n\n");
            }
            Err(error) => {
                log::info!("page {number} of the PDF has no readable text: {error}");
                unreadable += 1;
            }
        }
    }
    let characters = text.chars().filter(|c| !c.is_whitespace()).count();
    if characters < MIN_CHARS_PER_PAGE * pages.len().max(1) / 2 || pages.len() == unreadable {
        return Err(Text::new(
            "this PDF holds pictures of its pages (a scan), not text; import the report's Word or web-page form, or a PDF saved from a text document",
            "这个 PDF 里是页面的图片（扫描件），没有文字；请导入报告的 Word 或网页版本，或由文字文档另存的 PDF",
        ));
    }
    Ok(text)
}

/// A page's text as its lines stand: pieces shown on one baseline are one line, whatever font
/// each is in (Word and LibreOffice show digits in a font of their own, and each run in a text
/// object of its own; lopdf's `extract_text` would break the line at each).
fn page_text(document: &lopdf::Document, page: lopdf::ObjectId) -> lopdf::Result<String> {
    let fonts: std::collections::BTreeMap<Vec<u8>, lopdf::Encoding> = document
        .get_page_fonts(page)?
        .into_iter()
        .filter_map(|(name, font)| Some((name, font.get_font_encoding(document).ok()?)))
        .collect();
    let content = document.get_page_content_with_limit(page, MAX_STREAM_BYTES)?;
    let operations = lopdf::content::Content::decode(&content)?.operations;
    let mut lines = Lines::default();
    let mut state = TextState::default();
    let mut saved = Vec::new();
    for operation in &operations {
        let number = |k: usize| {
            operation
                .operands
                .get(k)
                .and_then(|o| o.as_float().ok())
                .unwrap_or(0.0)
        };
        match operation.operator.as_str() {
            "q" => saved.push(state.ctm),
            "Q" => state.ctm = saved.pop().unwrap_or(IDENTITY),
            "cm" => state.ctm = multiply([0, 1, 2, 3, 4, 5].map(number), state.ctm),
            "BT" => {
                state.line = IDENTITY;
                state.text = IDENTITY;
            }
            "Tf" => {
                state.font = operation
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec);
                state.size = number(1);
            }
            "TL" => state.leading = number(0),
            "Td" => state.move_line(number(0), number(1)),
            "TD" => {
                state.leading = -number(1);
                state.move_line(number(0), number(1));
            }
            "Tm" => {
                state.line = [0, 1, 2, 3, 4, 5].map(number);
                state.text = state.line;
            }
            "T*" => state.move_line(0.0, -state.leading),
            "Tj" | "'" | "\"" | "TJ" => {
                if operation.operator != "Tj" && operation.operator != "TJ" {
                    state.move_line(0.0, -state.leading);
                }
                let shown = shown_text(operation, state.font.as_deref(), &fonts);
                lines.show(&shown, state.position(), state.height());
            }
            _ => {}
        }
    }
    // LibreOffice and Word draw a line's Chinese, then the glyphs of another font on it (the
    // curly quotes) at their places: in the stream's order the quotes come together after
    // the run, between a number and its unit (187“”项). Without the glyphs' widths their
    // places are not known; the empty pairs are dropped, the numbers kept whole.
    Ok(lines.finish().replace("“”", "").replace("‘’", ""))
}

/// A 2×3 transform, as PDF writes it: a b c d e f.
type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
fn multiply(m: Matrix, n: Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// Where text is being shown, as far as lines are concerned.
#[derive(Clone, Debug)]
struct TextState {
    ctm: Matrix,
    line: Matrix,
    text: Matrix,
    leading: f32,
    font: Option<Vec<u8>>,
    size: f32,
}

impl Default for TextState {
    fn default() -> Self {
        Self {
            ctm: IDENTITY,
            line: IDENTITY,
            text: IDENTITY,
            leading: 0.0,
            font: None,
            size: 12.0,
        }
    }
}

impl TextState {
    fn move_line(&mut self, x: f32, y: f32) {
        self.line = multiply([1.0, 0.0, 0.0, 1.0, x, y], self.line);
        self.text = self.line;
    }

    /// Where the next piece starts, on the page.
    fn position(&self) -> (f32, f32) {
        let m = multiply(self.text, self.ctm);
        (m[4], m[5])
    }

    /// How tall the text is on the page.
    fn height(&self) -> f32 {
        let m = multiply(self.text, self.ctm);
        (self.size * (m[1].hypot(m[3]))).abs().max(1.0)
    }
}

/// The text a show operator shows, in the font's encoding (its ToUnicode map).
fn shown_text(
    operation: &lopdf::content::Operation,
    font: Option<&[u8]>,
    fonts: &std::collections::BTreeMap<Vec<u8>, lopdf::Encoding>,
) -> String {
    let Some(encoding) = font.and_then(|f| fonts.get(f)) else {
        return String::new();
    };
    let decode = |object: &lopdf::Object| {
        object
            .as_str()
            .ok()
            .and_then(|bytes| lopdf::Document::decode_text(encoding, bytes).ok())
            .unwrap_or_default()
    };
    let mut shown = String::new();
    for operand in &operation.operands {
        match operand {
            lopdf::Object::Array(items) => {
                items.iter().for_each(|item| shown.push_str(&decode(item)))
            }
            other => shown.push_str(&decode(other)),
        }
    }
    shown
}

/// The page's lines as they are shown: a piece on the baseline of the last one continues its
/// line; one elsewhere starts a line. A line's pieces are read from left to right, whatever
/// order the file draws them in: a converter may draw all of a line's pieces in one font
/// before the others (a line's curly quotes first, and “ fell between 19 and 宗).
#[derive(Default)]
struct Lines {
    text: String,
    /// The line being read: each piece with where it starts.
    line: Vec<(f32, String)>,
    baseline: Option<f32>,
}

impl Lines {
    fn show(&mut self, shown: &str, (x, y): (f32, f32), height: f32) {
        if shown.is_empty() {
            return;
        }
        let same_line = self
            .baseline
            .is_some_and(|last| (last - y).abs() < height * 0.5);
        if !same_line {
            self.end_line();
        }
        self.line.push((x, shown.to_owned()));
        self.baseline = Some(y);
    }

    /// Puts the line read so far into the text, its pieces from left to right (a stable sort:
    /// pieces at one place keep the file's order).
    fn end_line(&mut self) {
        if self.line.is_empty() {
            return;
        }
        self.line.sort_by(|a, b| a.0.total_cmp(&b.0));
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        for (_, piece) in self.line.drain(..) {
            self.text.push_str(&piece);
        }
    }

    /// The page's text, its last line ended.
    fn finish(mut self) -> String {
        self.end_line();
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A converter that draws a line's curly quotes after its Chinese (LibreOffice's PDF of the
    /// 2013 policy address: “ fell between 19 and 宗): the line reads from left to right.
    #[test]
    fn a_line_reads_left_to_right_whatever_order_it_is_drawn_in() {
        let mut lines = Lines::default();
        lines.show("在上月只有 19 宗。我決定長期維持內地 ", (72.0, 700.0), 12.0);
        lines.show("雙", (320.0, 700.0), 12.0);
        lines.show("“", (308.0, 700.2), 12.0);
        lines.show("下一行", (72.0, 680.0), 12.0);
        assert_eq!(
            lines.finish(),
            "在上月只有 19 宗。我決定長期維持內地 “雙\n下一行"
        );
    }
}
