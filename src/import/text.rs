//! The shape of a brochure: its cover, then chapters (a short name and a number on lines of
//! their own, in either order, then a headline), each with initiatives (a bold title, then a
//! paragraph), and perhaps a motto between chapters.

use super::{Failure, Place};
use crate::report::diagnostic::Text;
use crate::report::markup;

/// One line of a brochure (a paragraph of a Word document), trimmed, bold parts marked `**…**`.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// The line's text without the spaces around it.
    pub text: String,
    /// Where it stands in the source.
    pub place: Place,
    /// Whether a line right after it (no blank line between) continues its paragraph, as in
    /// Markdown. A Word document's paragraphs never do.
    pub wraps: bool,
    /// The heading level a Markdown `#` or a Word heading style gives the line (1 outermost).
    pub level: Option<u8>,
}

/// What a brochure says, before any figure is read.
#[derive(Debug, Default)]
pub(crate) struct Brochure {
    pub title: String,
    pub subtitle: String,
    pub motto: String,
    pub publisher: String,
    pub year: Option<u32>,
    pub date: String,
    pub speaker: String,
    pub salutation: String,
    /// What the reader of the shape noticed and the import's summary says (no headings found).
    pub notes: Vec<Text>,
    pub chapters: Vec<ChapterDraft>,
}

/// A chapter as the brochure writes it.
#[derive(Debug)]
pub(crate) struct ChapterDraft {
    pub number: u32,
    pub name: String,
    pub headline: String,
    pub initiatives: Vec<InitiativeDraft>,
}

/// An initiative as the brochure writes it: its bold title and its paragraph, verbatim.
#[derive(Debug)]
pub(crate) struct InitiativeDraft {
    pub title: String,
    pub text: String,
    /// Where its paragraph starts, for errors in its marks.
    pub place: Place,
}

/// Whether the lines are a brochure in its own shape (bold initiative titles after dashes), so
/// that a break in that shape is reported rather than read as another shape.
pub(crate) fn has_brochure_titles(lines: &[Line]) -> bool {
    lines
        .iter()
        .filter(|l| matches!(dashed_title(&l.text), Some(Shape::Title { .. })))
        .nth(1)
        .is_some()
}

/// The lines of a Markdown-like text, numbered from 1.
pub(crate) fn lines_of(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let (text, level) = without_heading_marks(line.trim());
            Line {
                text: text.to_owned(),
                place: Place::Line(i + 1),
                wraps: true,
                level,
            }
        })
        .collect()
}

/// The lines with each text table (Markdown's `| a | b |`, or cells split by ｜ as a report
/// typed in a text editor has them: 地区生产总值｜亿元｜186.4｜5.8) made one paragraph of
/// sentences, as a Word table is (`table::paragraph`), captioned by the short line before it
/// that names it; the notes say which numbers were left without a unit. A row is never
/// joined to the next as a wrapped line would be.
pub(crate) fn with_tables(lines: Vec<Line>) -> (Vec<Line>, Vec<crate::report::diagnostic::Text>) {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut notes = Vec::new();
    let mut rows: Vec<(Line, Vec<String>)> = Vec::new();
    let mut tables = 0;
    let mut end_table = |out: &mut Vec<Line>, rows: &mut Vec<(Line, Vec<String>)>| {
        if rows.len() < 2 {
            // One row alone is a line with bars in it (成都｜科技｜创新), not a table: kept
            // as written.
            out.extend(rows.drain(..).map(|(line, _)| line));
            return;
        }
        tables += 1;
        let names_it = out
            .last()
            .is_some_and(|l| super::table::names_a_table(&l.text));
        let place = rows[0].0.place;
        let cells: Vec<Vec<String>> = rows.drain(..).map(|(_, cells)| cells).collect();
        let caption = match names_it.then(|| out.pop()).flatten() {
            Some(line) => line.text.replace("**", "").trim().to_owned(),
            None => super::table::numbered_caption(tables, &cells),
        };
        let (text, said) = super::table::paragraph(&cells, &caption);
        notes.extend(said);
        out.push(Line {
            text,
            place,
            wraps: false,
            level: None,
        });
    };
    for line in lines {
        match table_row(&line.text) {
            Some(cells) if is_rule_row(&cells) => {}
            Some(cells) => rows.push((line, cells)),
            None => {
                end_table(&mut out, &mut rows);
                out.push(line);
            }
        }
    }
    end_table(&mut out, &mut rows);
    (out, notes)
}

/// The cells of a text table's row: a line with two bars or more (| or ｜), the bars at its
/// ends left out.
fn table_row(line: &str) -> Option<Vec<String>> {
    const BARS: [char; 2] = ['|', '｜'];
    if line.matches(BARS).count() < 2 {
        return None;
    }
    let inner = line.trim().trim_start_matches(BARS).trim_end_matches(BARS);
    Some(inner.split(BARS).map(|c| c.trim().to_owned()).collect())
}

/// Markdown's rule under a table's header (|---|:---:|).
fn is_rule_row(cells: &[String]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ' | '—')))
}

/// A Markdown heading's text without its `#` marks, and its level (`## 思想` → 思想, 2).
fn without_heading_marks(line: &str) -> (&str, Option<u8>) {
    let rest = line.trim_start_matches('#');
    let level = line.len() - rest.len();
    if level > 0 && level <= 6 && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
        (rest.trim_start(), Some(level as u8))
    } else {
        (line, None)
    }
}

/// What a line is, judged on its own.
#[derive(Clone, Copy, Debug)]
enum Shape<'a> {
    Blank,
    /// An initiative's bold title: `- **title**` (`dashed`, perhaps with its paragraph after
    /// it on the same line, `rest`), or a line that is bold throughout.
    Title {
        title: &'a str,
        rest: &'a str,
        dashed: bool,
    },
    /// A chapter's number: `1`, `１`, `01`, `一`, `第一章`.
    Number(u32),
    /// `· 科普`: an entry of a list of contents, which only repeats a chapter's name.
    Contents,
    Text(&'a str),
}

/// Punctuation that ends or divides a sentence: a name or a motto has none.
const SENTENCE_MARKS: &[char] = &[
    '，', '。', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?',
];

fn classify(line: &str) -> Shape<'_> {
    if line.is_empty() {
        return Shape::Blank;
    }
    if let Some(title) = dashed_title(line) {
        return title;
    }
    let plain = unwrap_bold(line);
    if let Some(number) = chapter_number(plain) {
        return Shape::Number(number);
    }
    if plain.len() < line.len() && markup::mark_number(plain).is_none() {
        return Shape::Title {
            title: plain,
            rest: "",
            dashed: false,
        };
    }
    let bullet = line.strip_prefix(['·', '•', '●', '・']).map(str::trim);
    if bullet.is_some_and(is_name) {
        return Shape::Contents;
    }
    Shape::Text(line)
}

/// `- **title**`, `* **title**` …, with whatever follows the title on its line.
fn dashed_title(line: &str) -> Option<Shape<'_>> {
    let after = ["- **", "* **", "+ **", "• **"]
        .iter()
        .find_map(|bullet| line.strip_prefix(bullet))?;
    let end = after.find("**")?;
    let title = after[..end].trim();
    // `- **21** 项…` is a paragraph that starts with a figure, not a title.
    if title.is_empty() || markup::mark_number(title).is_some() {
        return None;
    }
    let rest = after[end + 2..]
        .trim_start()
        .trim_start_matches(['：', ':'])
        .trim_start();
    Some(Shape::Title {
        title,
        rest,
        dashed: true,
    })
}

/// A line's text without the `**` around it when it is bold throughout.
fn unwrap_bold(line: &str) -> &str {
    match line.strip_prefix("**").and_then(|l| l.strip_suffix("**")) {
        Some(inner) if !inner.contains("**") && !inner.trim().is_empty() => inner.trim(),
        _ => line,
    }
}

/// A chapter's number written on a line of its own: digits of either width, Chinese numerals,
/// perhaps as 第…章.
fn chapter_number(line: &str) -> Option<u32> {
    let line = line.trim();
    let line = match line.strip_prefix('第') {
        Some(rest) => rest.strip_suffix('章').unwrap_or(rest).trim(),
        None => line,
    };
    match markup::mark_number(line)? {
        (value, false) if value.fract() == 0.0 && (1.0..1000.0).contains(&value) => {
            Some(value as u32)
        }
        _ => None,
    }
}

/// Whether a line can be a chapter's short name (思想, 资源): a few words, no punctuation.
fn is_name(line: &str) -> bool {
    let count = line.chars().count();
    (1..=10).contains(&count)
        && !line.contains("**")
        && !line.contains(SENTENCE_MARKS)
        && line.chars().any(char::is_alphabetic)
        && chapter_number(line).is_none()
}

/// Whether a line can be the report's motto (勇担使命 创新争先): a short slogan, no punctuation.
fn is_motto(line: &str) -> bool {
    let count = line.chars().count();
    (2..=24).contains(&count)
        && !line.contains("**")
        && !line.contains(SENTENCE_MARKS)
        && line.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// A chapter's heading: its number and name, where it starts, and the line after it.
struct Heading<'a> {
    number: u32,
    name: &'a str,
    number_place: Place,
    next: usize,
}

struct Parser<'l> {
    lines: &'l [Line],
    shapes: Vec<Shape<'l>>,
    at: usize,
    brochure: Brochure,
}

/// Reads a brochure's lines: its cover, chapters and initiatives.
pub(crate) fn parse(lines: &[Line]) -> Result<Brochure, Failure> {
    let shapes: Vec<Shape<'_>> = lines.iter().map(|l| classify(&l.text)).collect();
    let mut parser = Parser {
        lines,
        shapes,
        at: 0,
        brochure: Brochure::default(),
    };
    let Some(first) = parser.next_filled(0) else {
        let place = lines.first().map_or(Place::Line(1), |l| l.place);
        return Err((Some(place), Text::new("the file is empty", "文件是空的")));
    };
    parser.cover(first)?;
    while let Some(i) = parser.next_filled(parser.at) {
        parser.chapter(i)?;
    }
    Ok(parser.brochure)
}

impl<'l> Parser<'l> {
    /// The first line from `from` on that is not blank.
    fn next_filled(&self, from: usize) -> Option<usize> {
        (from..self.shapes.len()).find(|&i| !matches!(self.shapes[i], Shape::Blank))
    }

    fn place(&self, i: usize) -> Option<Place> {
        Some(self.lines[i].place)
    }

    /// The chapter's short name a line can be.
    fn name_at(&self, i: usize) -> Option<&'l str> {
        let name = match self.shapes[i] {
            Shape::Text(text) => unwrap_bold(text),
            Shape::Title {
                title,
                dashed: false,
                ..
            } => title,
            _ => return None,
        };
        is_name(name).then_some(name)
    }

    /// The chapter heading starting at line `i`: a number and a name on the next two lines that
    /// are not blank, in either order.
    fn heading(&self, i: usize) -> Option<Heading<'l>> {
        let j = self.next_filled(i + 1)?;
        let (number, name, number_at) = match (self.shapes[i], self.shapes[j]) {
            (Shape::Number(number), _) => (number, self.name_at(j)?, i),
            (_, Shape::Number(number)) if !self.names_what_follows(j) => {
                (number, self.name_at(i)?, j)
            }
            _ => return None,
        };
        Some(Heading {
            number,
            name,
            number_place: self.lines[number_at].place,
            next: j + 1,
        })
    }

    /// Whether the number at line `j` belongs to the name after it rather than the short line
    /// before it (a motto, a subtitle, a short headline): 勇担使命 创新争先 / 5 / 建设 / headline.
    fn names_what_follows(&self, j: usize) -> bool {
        let Some(k) = self.next_filled(j + 1) else {
            return false;
        };
        let headline_after = self
            .next_filled(k + 1)
            .is_some_and(|h| matches!(self.shapes[h], Shape::Text(_)));
        self.name_at(k).is_some() && headline_after
    }

    /// The cover: every line before the first chapter. The line in Latin letters (a pinyin
    /// subtitle, GONG ZUO HUI MOU) is the subtitle, the first other line the title.
    fn cover(&mut self, first: usize) -> Result<(), Failure> {
        let mut lines: Vec<&str> = Vec::new();
        let mut i = first;
        while self.heading(i).is_none() {
            match self.shapes[i] {
                Shape::Title { dashed: true, .. } => {
                    return Err((
                        self.place(i),
                        Text::new(
                            "this initiative comes before any chapter; a chapter starts with its short name and its number, each on a line of its own (思想, then 1), then its headline",
                            "这项举措出现在任何一章之前；一章以简称和章号开头，各占一行（思想，然后 1），接着是提要",
                        ),
                    ));
                }
                Shape::Title { title, .. } => lines.push(title),
                Shape::Text(text) => lines.push(unwrap_bold(text)),
                Shape::Number(_) => lines.push(&self.lines[i].text),
                Shape::Contents | Shape::Blank => {}
            }
            i = match self.next_filled(i + 1) {
                Some(next) => next,
                None => {
                    return Err((
                        self.place(first),
                        Text::new(
                            "no chapter found: a chapter starts with its short name and its number, each on a line of its own (思想, then 1), then its headline",
                            "没有找到任何章：一章以简称和章号开头，各占一行（思想，然后 1），接着是提要",
                        ),
                    ));
                }
            };
        }
        self.at = i;
        self.set_cover(&lines);
        Ok(())
    }

    fn set_cover(&mut self, lines: &[&str]) {
        let cover = &mut self.brochure;
        for &line in lines {
            if line.is_ascii() {
                if cover.subtitle.is_empty() {
                    cover.subtitle = line.to_owned();
                } else {
                    cover.subtitle = format!("{} {line}", cover.subtitle);
                }
            } else if cover.title.is_empty() {
                cover.title = line.to_owned();
            } else if cover.motto.is_empty() && is_motto(line) {
                cover.motto = line.to_owned();
            } else {
                cover.title.push_str(line);
            }
        }
        if cover.title.is_empty() {
            cover.title = std::mem::take(&mut cover.subtitle);
        }
    }

    /// The chapter whose heading starts at line `i`, with its headline and initiatives.
    fn chapter(&mut self, i: usize) -> Result<(), Failure> {
        let Some(heading) = self.heading(i) else {
            return Err(self.stray(i));
        };
        let expected = self.brochure.chapters.len() + 1;
        if heading.number as usize != expected {
            let number = heading.number;
            return Err((
                Some(heading.number_place),
                Text::new(
                    format!(
                        "chapter {expected} was expected here, but this chapter is numbered {number}; chapters are numbered 1, 2, 3 … in order"
                    ),
                    format!(
                        "这里应为第 {expected} 章，这一章却编号为 {number}；章按顺序编号为 1、2、3 …"
                    ),
                ),
            ));
        }
        let headline = self.headline(i, &heading)?;
        self.brochure.chapters.push(ChapterDraft {
            number: heading.number,
            name: heading.name.to_owned(),
            headline: headline.to_owned(),
            initiatives: Vec::new(),
        });
        while let Some(k) = self.next_filled(self.at) {
            if self.heading(k).is_some() {
                self.at = k;
                return Ok(());
            }
            match self.shapes[k] {
                Shape::Title { .. } => self.initiative(k)?,
                Shape::Contents | Shape::Blank => self.at = k + 1,
                Shape::Text(text) => self.other_line(k, text)?,
                Shape::Number(_) => return Err(self.stray(k)),
            }
        }
        self.at = self.lines.len();
        Ok(())
    }

    /// The line after a chapter's heading, which sums the chapter up; moves past it.
    fn headline(&mut self, i: usize, heading: &Heading<'_>) -> Result<&'l str, Failure> {
        let next = self.next_filled(heading.next);
        let headline = next.and_then(|j| match self.shapes[j] {
            Shape::Text(text) if self.heading(j).is_none() => Some(unwrap_bold(text)),
            // A bold headline, unless it is the title of an initiative with its paragraph.
            Shape::Title {
                title,
                dashed: false,
                ..
            } => {
                let after = self.next_filled(j + 1);
                let paragraph = after.is_some_and(|k| {
                    matches!(self.shapes[k], Shape::Text(_)) && self.heading(k).is_none()
                });
                (!paragraph).then_some(title)
            }
            _ => None,
        });
        match (next, headline) {
            (Some(j), Some(headline)) => {
                self.at = j + 1;
                Ok(headline)
            }
            _ => {
                let (number, name) = (heading.number, heading.name);
                Err((
                    self.place(i),
                    Text::new(
                        format!(
                            "chapter {number} ({name}) has no headline: the line after its name and number sums the chapter up"
                        ),
                        format!("第 {number} 章「{name}」没有提要：章名和章号之后的一行是本章提要"),
                    ),
                ))
            }
        }
    }

    /// The initiative whose title is line `k`, and its paragraph; moves past it.
    fn initiative(&mut self, k: usize) -> Result<(), Failure> {
        let Shape::Title { title, rest, .. } = self.shapes[k] else {
            return Err(self.stray(k));
        };
        let (mut text, mut end, place) = if rest.is_empty() {
            let paragraph = self.next_filled(k + 1).filter(|&j| {
                matches!(self.shapes[j], Shape::Text(_) | Shape::Number(_))
                    && self.heading(j).is_none()
            });
            let Some(j) = paragraph else {
                return Err((
                    self.place(k),
                    Text::new(
                        format!(
                            "the initiative 「{title}」 has no paragraph: its text goes on the line after its bold title"
                        ),
                        format!("举措「{title}」没有正文：正文写在加粗标题的下一行"),
                    ),
                ));
            };
            (self.lines[j].text.clone(), j + 1, self.lines[j].place)
        } else {
            (rest.to_owned(), k + 1, self.lines[k].place)
        };
        // Lines right after it continue the paragraph, as in Markdown.
        while end < self.lines.len() && self.lines[end - 1].wraps && self.heading(end).is_none() {
            let Shape::Text(more) = self.shapes[end] else {
                break;
            };
            join_wrapped(&mut text, more);
            end += 1;
        }
        self.current_chapter().initiatives.push(InitiativeDraft {
            title: title.to_owned(),
            text,
            place,
        });
        self.at = end;
        Ok(())
    }

    fn current_chapter(&mut self) -> &mut ChapterDraft {
        // `chapter` pushes the chapter before reading its initiatives.
        let last = self.brochure.chapters.len() - 1;
        &mut self.brochure.chapters[last]
    }

    /// A line between initiatives that is no title: the report's motto (the first short
    /// slogan, perhaps printed again later), or a further paragraph of the initiative before it.
    fn other_line(&mut self, k: usize, text: &str) -> Result<(), Failure> {
        let slogan = unwrap_bold(text);
        if self.brochure.motto.is_empty() && is_motto(slogan) {
            self.brochure.motto = slogan.to_owned();
        } else if slogan == self.brochure.motto {
            // A brochure may print its slogan on several pages.
        } else if text.contains(SENTENCE_MARKS) && !self.current_chapter().initiatives.is_empty() {
            let chapter = self.current_chapter();
            if let Some(last) = chapter.initiatives.last_mut() {
                last.text.push('\n');
                last.text.push_str(text);
            }
        } else {
            return Err(self.stray(k));
        }
        self.at = k + 1;
        Ok(())
    }

    /// The error for a line that fits nowhere.
    fn stray(&self, k: usize) -> Failure {
        let line: String = self.lines[k].text.chars().take(40).collect();
        (
            self.place(k),
            Text::new(
                format!(
                    "this line is neither a chapter's name, number or headline nor an initiative's title or paragraph: 「{line}」"
                ),
                format!("这一行既不是章名、章号或提要，也不是举措的标题或正文：「{line}」"),
            ),
        )
    }
}

/// Appends a wrapped line to a paragraph: Chinese runs on without a space, Latin words get one.
fn join_wrapped(text: &mut String, more: &str) {
    let ascii_seam = text.chars().last().is_some_and(|c| c.is_ascii())
        || more.chars().next().is_some_and(|c| c.is_ascii());
    if ascii_seam {
        text.push(' ');
    }
    text.push_str(more);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Brochure, Failure> {
        parse(&lines_of(text))
    }

    #[test]
    fn reads_headings_in_either_order() {
        let brochure = parsed(
            "标题\n\nPIN YIN\n\n思想\n\n1\n\n提要一\n\n- **甲**\n正文一。\n\n2\n\n建设\n\n提要二\n- **乙**\n正文 **3** 个。\n\n· 思想\n",
        )
        .expect("parses");
        assert_eq!(brochure.title, "标题");
        assert_eq!(brochure.subtitle, "PIN YIN");
        let names: Vec<&str> = brochure.chapters.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["思想", "建设"]);
        assert_eq!(brochure.chapters[1].initiatives[0].text, "正文 **3** 个。");
    }

    #[test]
    fn says_where_the_shape_breaks() {
        let (place, what) =
            parsed("思想\n1\n提要\n- **甲**\n\n- **乙**\n正文。").expect_err("no paragraph");
        assert_eq!(place, Some(Place::Line(4)));
        assert!(what.en.contains("「甲」 has no paragraph"), "{what}");
        let (place, what) = parsed("\n只有一段话。\n").expect_err("no chapter");
        assert_eq!(place, Some(Place::Line(2)));
        assert!(what.en.starts_with("no chapter found"), "{what}");
        let (place, _) = parsed("  \n\n").expect_err("empty");
        assert_eq!(place, Some(Place::Line(1)));
        let (place, what) = parsed("思想\n2\n提要").expect_err("numbered 2");
        assert_eq!(place, Some(Place::Line(2)));
        assert!(what.en.contains("numbered 2"), "{what}");
    }

    #[test]
    fn a_short_line_before_a_number_first_heading_is_not_its_name() {
        let brochure = parsed(
            "GONG ZUO\n\n1\n\n思想\n\n提要\n\n- **甲**\n正文。\n\n勇担使命 创新争先\n\n2\n\n建设\n\n短提要\n\n3\n\n科普\n\n提要三\n- **丙**\n正文。",
        )
        .expect("parses");
        assert_eq!(brochure.title, "GONG ZUO");
        assert_eq!(brochure.motto, "勇担使命 创新争先");
        let headings: Vec<(&str, &str)> = brochure
            .chapters
            .iter()
            .map(|c| (c.name.as_str(), c.headline.as_str()))
            .collect();
        assert_eq!(
            headings,
            [("思想", "提要"), ("建设", "短提要"), ("科普", "提要三")]
        );
    }

    #[test]
    fn wrapped_lines_continue_a_paragraph_and_a_slogan_is_the_motto() {
        let brochure = parsed(
            "思想\n1\n提要\n- **甲**\n第一行，\n第二行。\n\n勇担使命 创新争先\n\n资源\n2\n提要\n- **乙**：同一行的正文。",
        )
        .expect("parses");
        assert_eq!(brochure.chapters[0].initiatives[0].text, "第一行，第二行。");
        assert_eq!(brochure.motto, "勇担使命 创新争先");
        assert_eq!(brochure.chapters[1].initiatives[0].text, "同一行的正文。");
    }
}
