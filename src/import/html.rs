//! A saved web page, the way government sites publish reports: only the article's body becomes
//! text. Navigation, headers, footers, scripts and styles never do. Headings `<h1>`–`<h6>` give
//! their level, `<strong>`/`<b>` their bold, and every block (`<p>`, `<div>`, `<br>`, `<li>`,
//! a table's cell) a line of its own.
//!
//! The page is untrusted: it is read as a stream of tags with a bounded stack, so that nesting a
//! hundred thousand deep is refused at once rather than overflowing anything.

use super::text::Line;
use super::{Failure, Place};
use crate::report::diagnostic::Text;

/// The most elements a page's article may be looked for in (`zoom`, `content` …).
const MAX_BODIES: usize = 8;

/// The deepest nesting of elements a page may have.
pub(crate) const MAX_DEPTH: usize = 2_000;

/// Elements whose content is never the report's text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "noscript", "form", "iframe", "svg",
    "head", "template", "select", "button", "object",
];

/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "blockquote",
    "dd",
    "dt",
    "hr",
    "center",
    "pre",
];

/// Elements that never close.
const VOID: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr",
];

/// Words in an element's id or class that mark the article's body (gov sites use `zoom`,
/// `TRS_Editor`, `pages_content`, `article-content`).
const BODY_MARKS: &[&str] = &[
    "zoom",
    "trs_editor",
    "content",
    "article",
    "main",
    "text",
    "detail",
];

/// The charset a page declares in its first bytes (`<meta charset="gbk">`).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!value.is_empty()).then_some(value)
}

/// One region of the page's text: all of it, or one candidate for the article's body.
#[derive(Default)]
struct Region {
    lines: Vec<Line>,
    current: String,
    level: Option<u8>,
    /// The depth of the element that opened it (0 for the whole page).
    depth: usize,
    chars: usize,
}

impl Region {
    fn end_line(&mut self, line_number: usize) {
        let text = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let text = text.replace("** **", " ").replace("****", "");
        if !text.is_empty() && text != "**" {
            self.chars += text.chars().count();
            self.lines.push(Line {
                text,
                place: Place::Line(line_number),
                wraps: false,
                level: self.level,
            });
        }
        self.current.clear();
    }
}

/// The lines of a web page's article, and what its tables left out.
pub(crate) fn lines_of(page: &str) -> Result<(Vec<Line>, Vec<Text>), Failure> {
    let mut reader = Reader {
        page,
        at: 0,
        line: 1,
        stack: Vec::new(),
        skipping: None,
        whole: Region::default(),
        bodies: Vec::new(),
        table: Table::default(),
        notes: Vec::new(),
    };
    reader.read()?;
    let notes = std::mem::take(&mut reader.notes);
    // The article's body: of the candidates holding a fair share of the page's text, the
    // tightest one around most of it (a `main-content` wrapper may hold a menu too).
    let whole = reader.whole;
    let largest = reader.bodies.iter().map(|b| b.chars).max().unwrap_or(0);
    let best = reader
        .bodies
        .into_iter()
        .filter(|b| b.chars * 3 >= whole.chars && b.chars * 5 >= largest * 4)
        .min_by_key(|b| b.chars);
    let lines = best.map_or(whole.lines, |b| b.lines);
    if lines.is_empty() {
        return Err((
            None,
            Text::new(
                "the web page has no text outside its navigation and scripts",
                "网页中除了导航和脚本之外没有正文",
            ),
        ));
    }
    Ok((lines, notes))
}

struct Reader<'p> {
    page: &'p str,
    at: usize,
    /// The line `at` is on, counted as the reader moves.
    line: usize,
    stack: Vec<String>,
    /// The depth of a skipped element being passed over.
    skipping: Option<usize>,
    whole: Region,
    /// Regions opened by elements that look like the article's body; the open ones last.
    bodies: Vec<Region>,
    /// The table being read (`table::paragraph` makes it one paragraph).
    table: Table,
    /// What tables left out (cells without a unit).
    notes: Vec<Text>,
}

/// A table being read: how deep in tables, its rows so far, the row and the cell open.
#[derive(Default)]
struct Table {
    depth: usize,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<String>,
    count: usize,
    caption: String,
}

impl Table {
    fn end_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            self.row.push(cell);
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if !self.row.is_empty() {
            let row = std::mem::take(&mut self.row);
            self.rows.push(row);
        }
    }
}

impl Reader<'_> {
    fn line_number(&self) -> usize {
        self.line
    }

    fn advance(&mut self, by: usize) {
        let end = (self.at + by).min(self.page.len());
        self.line += memchr::memchr_iter(b'\n', &self.page.as_bytes()[self.at..end]).count();
        self.at = end;
    }

    fn read(&mut self) -> Result<(), Failure> {
        while self.at < self.page.len() {
            let rest = &self.page[self.at..];
            if let Some(after) = rest.strip_prefix("<!--") {
                self.advance(4 + after.find("-->").map_or(after.len(), |e| e + 3));
            } else if rest.starts_with("<!") || rest.starts_with("<?") {
                self.advance(rest.find('>').map_or(rest.len(), |e| e + 1));
            } else if rest.starts_with('<')
                && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
            {
                // A tag never closed (a page cut short) runs to the end of the page.
                let (inner, end) = rest
                    .find('>')
                    .map_or((rest.len(), rest.len()), |e| (e, e + 1));
                let tag = &rest[1..inner];
                self.advance(end);
                self.tag(tag)?;
            } else {
                let first = rest.chars().next().map_or(1, char::len_utf8);
                let end = rest[first..].find('<').map_or(rest.len(), |e| e + first);
                let text = decode_entities(&rest[..end]);
                self.advance(end);
                if self.skipping.is_none() {
                    self.push_text(&text);
                }
            }
        }
        let line = self.line_number();
        self.whole.end_line(line);
        for body in &mut self.bodies {
            body.end_line(line);
        }
        Ok(())
    }

    fn push_text(&mut self, text: &str) {
        if self.table.depth > 0 {
            // Text outside a cell is the table's caption (<caption>表1 主要指标</caption>).
            match &mut self.table.cell {
                Some(cell) => cell.push_str(text),
                None => self.table.caption.push_str(text),
            }
            return;
        }
        self.whole.current.push_str(text);
        for body in self.bodies.iter_mut().filter(|b| b.depth > 0) {
            body.current.push_str(text);
        }
    }

    fn tag(&mut self, tag: &str) -> Result<(), Failure> {
        let closing = tag.starts_with('/');
        let tag = tag.trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let self_closing = tag.ends_with('/') || VOID.contains(&name.as_str());
        if closing {
            self.close(&name);
        } else {
            self.open(&name, tag, self_closing)?;
        }
        Ok(())
    }

    fn open(&mut self, name: &str, tag: &str, self_closing: bool) -> Result<(), Failure> {
        if self.skipping.is_none() && !self.table_edge(name, false) {
            self.mark(name, false);
        }
        if self_closing {
            return Ok(());
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err((
                Some(Place::Line(self.line_number())),
                Text::new(
                    format!("the web page nests its elements more than {MAX_DEPTH} deep"),
                    format!("网页的元素嵌套超过 {MAX_DEPTH} 层"),
                ),
            ));
        }
        self.stack.push(name.to_owned());
        let depth = self.stack.len();
        if self.skipping.is_none() && (SKIPPED.contains(&name) || names_furniture(tag)) {
            self.skipping = Some(depth);
        }
        // At most a few candidates are kept: each holds a copy of its text, and every piece of
        // text goes to each open one.
        if self.skipping.is_none() && self.bodies.len() < MAX_BODIES && looks_like_body(name, tag) {
            self.bodies.push(Region {
                depth,
                ..Region::default()
            });
        }
        if let Some(level) = heading_level(name)
            && self.skipping.is_none()
        {
            self.whole.level = Some(level);
            for body in self.bodies.iter_mut().filter(|b| b.depth > 0) {
                body.level = Some(level);
            }
        }
        Ok(())
    }

    fn close(&mut self, name: &str) {
        // An end tag closes the nearest open element of its name; a stray one is ignored.
        let Some(index) = self.stack.iter().rposition(|open| open == name) else {
            return;
        };
        let depth = index + 1;
        if self.skipping.is_none() && !self.table_edge(name, true) {
            self.mark(name, true);
        }
        self.stack.truncate(index);
        if self.skipping.is_some_and(|d| d >= depth) {
            self.skipping = None;
        }
        let line = self.line_number();
        for body in self.bodies.iter_mut().filter(|b| b.depth >= depth) {
            body.end_line(line);
            // Closed: it keeps its lines and takes no more.
            body.depth = 0;
        }
    }

    /// A table's edges: rows and cells gathered, the whole table written as one paragraph when
    /// it closes. Whether the element was the table's to handle.
    fn table_edge(&mut self, name: &str, closing: bool) -> bool {
        let table = &mut self.table;
        match (name, closing) {
            ("table", false) => {
                table.depth += 1;
                if table.depth == 1 {
                    table.rows.clear();
                    table.caption.clear();
                    // Text before it ends here.
                    let line = self.line;
                    self.whole.end_line(line);
                    for body in self.bodies.iter_mut().filter(|b| b.depth > 0) {
                        body.end_line(line);
                    }
                }
            }
            ("table", true) if table.depth > 0 => {
                if table.depth == 1 {
                    table.end_row();
                }
                table.depth -= 1;
                if table.depth == 0 {
                    self.end_table();
                }
            }
            // HTML lets a page leave out </td> and </tr>: a new cell or row ends the last.
            ("tr", _) if table.depth == 1 => table.end_row(),
            ("td" | "th", false) if table.depth == 1 => {
                table.end_cell();
                table.cell = Some(String::new());
            }
            ("td" | "th", true) if table.depth == 1 => table.end_cell(),
            _ if table.depth > 0 => {
                // Inside a cell a block is a space, not a line of its own.
                if let Some(cell) = &mut table.cell {
                    cell.push(' ');
                }
            }
            _ => return false,
        }
        true
    }

    /// The table read whole, as one paragraph in every region it stands in, captioned by the
    /// short line before it that names it (表1 主要指标), else by its number.
    fn end_table(&mut self) {
        let rows = std::mem::take(&mut self.table.rows);
        let own_caption = std::mem::take(&mut self.table.caption)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if rows.is_empty() {
            return;
        }
        self.table.count += 1;
        let number = self.table.count;
        let line = self.line;
        let mut notes = None;
        let regions =
            std::iter::once(&mut self.whole).chain(self.bodies.iter_mut().filter(|b| b.depth > 0));
        for region in regions {
            let names_it = own_caption.is_empty()
                && region
                    .lines
                    .last()
                    .is_some_and(|l| super::table::names_a_table(&l.text));
            let caption = match names_it.then(|| region.lines.pop()).flatten() {
                Some(l) => l.text.replace("**", "").trim().to_owned(),
                None if !own_caption.is_empty() => own_caption.clone(),
                None => super::table::numbered_caption(number, &rows),
            };
            let (text, said) = super::table::paragraph(&rows, &caption);
            // Every region reads the same cells: their notes are said once.
            notes.get_or_insert(said);
            region.chars += text.chars().count();
            region.lines.push(Line {
                text,
                place: Place::Line(line),
                wraps: false,
                level: None,
            });
        }
        self.notes.extend(notes.unwrap_or_default());
    }

    /// What an element's edge writes into the text: a line's end for a block, `**` for bold.
    fn mark(&mut self, name: &str, closing: bool) {
        if BLOCKS.contains(&name) {
            let line = self.line_number();
            self.whole.end_line(line);
            for body in self.bodies.iter_mut().filter(|b| b.depth > 0) {
                body.end_line(line);
            }
            if closing && heading_level(name).is_some() {
                self.whole.level = None;
                for body in &mut self.bodies {
                    body.level = None;
                }
            }
        } else if matches!(name, "strong" | "b") {
            self.push_text("**");
        }
    }
}

fn heading_level(name: &str) -> Option<u8> {
    let digit = name.strip_prefix('h')?;
    let level: u8 = digit.parse().ok()?;
    (1..=6).contains(&level).then_some(level)
}

/// Words in an id or class that mark a page's furniture: menus, breadcrumbs, footers.
const FURNITURE_MARKS: &[&str] = &[
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "header",
    "sidebar",
    "share",
    "copyright",
];

/// An element whose id or class says it is furniture (`<div class="nav">`).
fn names_furniture(tag: &str) -> bool {
    attribute_values(tag).any(|value| FURNITURE_MARKS.iter().any(|mark| value.contains(mark)))
}

/// An `<article>`, `<main>`, or an element whose id or class names the body.
fn looks_like_body(name: &str, tag: &str) -> bool {
    if matches!(name, "article" | "main") {
        return true;
    }
    attribute_values(tag).any(|value| BODY_MARKS.iter().any(|mark| value.contains(mark)))
}

/// The values of a tag's `id` and `class`, in lower case.
fn attribute_values(tag: &str) -> impl Iterator<Item = String> {
    let lower = tag.to_ascii_lowercase();
    let mut values = Vec::new();
    for attribute in ["id=", "class="] {
        for (at, _) in lower.match_indices(attribute) {
            let value: String = lower[at + attribute.len()..]
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| !matches!(c, '"' | '\'' | '>'))
                .collect();
            values.push(value);
        }
    }
    values.into_iter()
}

/// Text with its character references (&amp; &nbsp; &#20013; &#x4e2d;) resolved.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // A reference is short (&#x4e2d;): look no further than that for its `;`.
        let window = rest.char_indices().nth(11).map_or(rest.len(), |(at, _)| at);
        let end = rest[1..window].find(';').map(|e| e + 1);
        let resolved = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" | "ensp" | "emsp" => Some(' '),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "mdash" => Some('—'),
                "middot" => Some('·'),
                _ => name.strip_prefix('#').and_then(|number| {
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => number.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, end + 1))
        });
        match resolved {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &str) -> Vec<(String, Option<u8>)> {
        lines_of(page)
            .expect("reads")
            .0
            .into_iter()
            .map(|l| (l.text, l.level))
            .collect()
    }

    #[test]
    fn only_the_article_body_becomes_text() {
        let page = r#"<!DOCTYPE html><html><head><title>t</title><script>var a = "一、不是";</script>
            <style>p { color: red }</style></head><body>
            <div class="nav"><a href="/">首页</a> | <a href="/x">政务公开</a></div>
            <header>示例市人民政府门户网站</header>
            <div id="zoom" class="pages_content">
              <h1>政府工作报告</h1>
              <p>一、过去一年工作回顾</p>
              <p>地区生产总值达到<strong>2,356</strong>亿元&nbsp;，增长6.1%。</p>
              <p>二、今年工作安排<br>力争增长6%左右。</p>
            </div>
            <footer>版权所有 &copy; 示例市</footer></body></html>"#;
        assert_eq!(
            texts(page),
            [
                ("政府工作报告".to_owned(), Some(1)),
                ("一、过去一年工作回顾".to_owned(), None),
                (
                    "地区生产总值达到**2,356**亿元 ，增长6.1%。".to_owned(),
                    None
                ),
                ("二、今年工作安排".to_owned(), None),
                ("力争增长6%左右。".to_owned(), None),
            ]
        );
    }

    #[test]
    fn a_table_is_one_paragraph_of_its_rows() {
        let page = "<div id=\"zoom\"><p>一、综合</p><p>全年经济稳中向好，就业稳定。</p>\
            <p>表1 主要指标</p><table><tr><th>指标</th><th>单位</th><th>绝对数</th><th>比上年增长（%）</th></tr>\
            <tr><td><p>地区生产总值</p></td><td>亿元</td><td>2,356</td><td>6.1</td></tr>\
            <tr><td>户籍人口<td>万人<td>512.3<td>—</table></div>";
        let texts: Vec<String> = texts(page).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            texts,
            [
                "一、综合",
                "全年经济稳中向好，就业稳定。",
                "表1 主要指标：地区生产总值2,356亿元，比上年增长6.1%；户籍人口512.3万人。"
            ]
        );
    }

    #[test]
    fn hostile_pages_are_refused_within_limits() {
        let deep = "<div>".repeat(100_000) + "文字";
        let (place, what) = lines_of(&deep).expect_err("too deep");
        assert_eq!(place, Some(Place::Line(1)));
        assert!(what.en.contains("more than 2000 deep"), "{what}");
        let (_, what) = lines_of("<script>只有脚本</script>").expect_err("no text");
        assert!(what.en.contains("no text"), "{what}");
        assert_eq!(
            decode_entities("&#20013;&#x6587;&amp;&bogus;"),
            "中文&&bogus;"
        );
        assert_eq!(
            declared_charset(br#"<meta charset="GBK">"#).as_deref(),
            Some("gbk")
        );
    }
}
