//! The shape officials write reports in: numbered headings at several depths (一、, （一）,
//! 1., （1）, 第一章, 第一节, Markdown `#` levels, Word heading styles), a cover of title,
//! date line, speaker and salutation, and paragraphs that are never bold.
//!
//! The top heading kind that repeats makes chapters, the next kind initiatives; a chapter
//! without sub-headings has its paragraphs as initiatives, each titled by its first clause.

use super::text::{Brochure, ChapterDraft, InitiativeDraft, Line};
use super::{Failure, Place};
use crate::report::diagnostic::Text;
// A comma between digits (31,245元) groups them: a clause never ends there.
use crate::search::groups_digits;

/// The kinds of heading, from the outermost to the innermost as officials nest them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    /// A Markdown `#` heading or a Word heading style, by its level (1 outermost).
    Styled(u8),
    /// 第一章, 第一部分, 第一篇.
    Part,
    /// 壹、貳、 (the formal numerals Hong Kong and Taiwan number their parts with).
    Formal,
    /// 一、
    Han,
    /// 第一节.
    Section,
    /// （一）
    ParenHan,
    /// 1. 1、 １．
    Arabic,
    /// （1）
    ParenArabic,
    /// A short line alone before a paragraph, in a report that numbers no heading.
    Bare,
}

/// A heading: its kind and its text without the number.
#[derive(Clone, Debug)]
struct Heading {
    kind: Kind,
    text: String,
    /// Whether it reads as a title rather than a paragraph that starts with a number.
    titled: bool,
}

const HAN_NUMERALS: &str = "一二三四五六七八九十百零〇两";

/// The formal numerals (大写): 壹 to 拾, in either script.
const FORMAL_NUMERALS: &str = "壹贰貳叁參肆伍陆陸柒捌玖拾佰";

fn is_han_numeral(c: char) -> bool {
    HAN_NUMERALS.contains(c)
}

fn is_arabic(c: char) -> bool {
    super::numbers::is_digit(c)
}

/// The number-led heading a line starts with, and the rest of the line.
fn numbered(text: &str) -> Option<(Kind, &str)> {
    // 附：主要指标一览, 附录 名词解释: an appendix, a chapter of its own after the numbered ones
    // (its figures are no part of the chapter before it, which may be a plan).
    let appendix = ["附：", "附:", "附录", "附錄", "附件", "附表"]
        .iter()
        .any(|word| text.starts_with(word));
    if appendix && text.chars().count() <= 30 && !ends_sentence(text) {
        return Some((Kind::Han, text));
    }
    let leading = |s: &str, f: fn(char) -> bool| -> usize {
        s.chars().take_while(|&c| f(c)).map(char::len_utf8).sum()
    };
    if let Some(rest) = text.strip_prefix('第') {
        let n = leading(rest, is_han_numeral).max(leading(rest, is_arabic));
        if n > 0 {
            let after = &rest[n..];
            for (word, kind) in [
                ("部分", Kind::Part),
                ("章", Kind::Part),
                ("篇", Kind::Part),
                ("节", Kind::Section),
                ("節", Kind::Section),
            ] {
                if let Some(rest) = after.strip_prefix(word) {
                    return Some((kind, rest));
                }
            }
        }
        return None;
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = text.strip_prefix(open) {
            // (一 ) 引言: a transcript may space the number from its brackets.
            let rest = rest.trim_start();
            let han = leading(rest, is_han_numeral);
            let arabic = leading(rest, is_arabic);
            let (n, kind) = if han > 0 {
                (han, Kind::ParenHan)
            } else {
                (arabic, Kind::ParenArabic)
            };
            if n > 0 && n <= 9 {
                return rest[n..]
                    .trim_start()
                    .strip_prefix(close)
                    .map(|r| (kind, r));
            }
            return None;
        }
    }
    let formal = leading(text, |c| FORMAL_NUMERALS.contains(c));
    if formal > 0 && formal <= 12 {
        return text[formal..]
            .strip_prefix(['、', '．'])
            .map(|r| (Kind::Formal, r));
    }
    let han = leading(text, is_han_numeral);
    if han > 0 && han <= 9 {
        return text[han..]
            .strip_prefix(['、', '．'])
            .map(|r| (Kind::Han, r));
    }
    let arabic = leading(text, is_arabic);
    if arabic > 0 && arabic <= 6 {
        let rest = &text[arabic..];
        let rest = rest
            .strip_prefix(['、', '．'])
            .or_else(|| rest.strip_prefix('.'))?;
        // 1.5万: a number, not a heading.
        if rest.chars().next().is_some_and(is_arabic) {
            return None;
        }
        return Some((Kind::Arabic, rest));
    }
    None
}

/// The heading a line is, if any; `wrap` is the width a hard-wrapped text breaks its lines at,
/// where a numbered line as long as that is the start of a paragraph, not a title.
fn heading_of(line: &Line, wrap: Option<usize>) -> Option<Heading> {
    let text = line.text.trim();
    let broken = wrap.is_some_and(|w| text.chars().count() * 5 >= w * 4) && !ends_sentence(text);
    let plain = text
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .filter(|t| !t.contains("**"))
        .unwrap_or(text)
        .trim();
    if let Some(level) = line.level {
        let text = numbered(plain).map_or(plain, |(_, rest)| rest).trim();
        if text.is_empty() {
            return None;
        }
        return Some(Heading {
            kind: Kind::Styled(level),
            text: text.to_owned(),
            titled: is_title_like(text),
        });
    }
    let (kind, rest) = numbered(plain)?;
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    Some(Heading {
        kind,
        text: rest.to_owned(),
        titled: is_title_like(rest) && !broken,
    })
}

/// The outermost kind that repeats: the kind of the chapters' headings.
fn chapter_kind(headings: &[Option<Heading>]) -> Option<Kind> {
    let mut counts: Vec<(Kind, usize)> = Vec::new();
    // Chapters are named by titles: a numbered list of sentences (（一）由獎券基金撥出…，…)
    // is a list inside a section, not its chapters.
    for heading in headings.iter().flatten().filter(|h| h.titled) {
        match counts.iter_mut().find(|(k, _)| *k == heading.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((heading.kind, 1)),
        }
    }
    counts.sort();
    counts.into_iter().find(|&(_, n)| n >= 2).map(|(k, _)| k)
}

/// Reads a report written in numbered headings; a report without them is read by its short
/// lines between paragraphs, and a text with no heading at all is one chapter.
pub(crate) fn parse(lines: &[Line]) -> Result<Brochure, Failure> {
    let mut lines = without_page_furniture(lines);
    let wrap = wrap_width(&lines);
    if wrap.is_some() {
        // A hard-wrapped text saved as Word or as a web page has a paragraph for each line:
        // a line that ends inside a sentence goes on in the next (2.3个 / 百分点).
        for line in &mut lines {
            line.wraps = true;
        }
    }
    let mut headings: Vec<Option<Heading>> = lines.iter().map(|l| heading_of(l, wrap)).collect();
    let mut notes = Vec::new();
    if chapter_kind(&headings).is_none() {
        headings = bare_headings(&lines);
    }
    let top = chapter_kind(&headings);
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| headings[i].as_ref().is_some_and(|h| Some(h.kind) == top))
        .collect();
    let mut brochure = Brochure::default();
    // The cover ends where prose begins (现在，我代表市人民政府，向大会报告工作…): an opening
    // paragraph is text of the report, kept at the head of the first chapter.
    let first_start = starts.first().copied().unwrap_or(lines.len());
    let prose = (0..first_start)
        .find(|&i| is_prose(&lines[i].text))
        .unwrap_or(first_start);
    let cover: Vec<&str> = lines[..prose]
        .iter()
        .map(|l| l.text.as_str())
        .filter(|t| !t.trim().is_empty())
        .collect();
    super::cover::read(&cover, &mut brochure);
    let mut opening = Vec::new();
    if starts.is_empty() {
        // No heading at all: the text after the cover is one chapter, named by the title.
        notes.push(Text::new(
            "no headings were found (一、, （一）, 1., 第一章, #, Word heading styles): the whole text is one chapter",
            "没有找到任何标题（一、（一）、1.、第一章、#、Word 标题样式）：全文作为一章",
        ));
        let text = if brochure.title.is_empty() {
            "全文".to_owned()
        } else {
            brochure.title.clone()
        };
        let heading = Heading {
            kind: Kind::Styled(0),
            text,
            titled: true,
        };
        let whole = chapter(1, &heading, &lines[prose..], &headings[prose..]);
        brochure.chapters.push(whole);
        return finish(brochure, &lines, &headings, &[], opening, notes);
    }
    for line in &lines[prose..first_start] {
        add_line(&mut opening, line);
    }
    finish(brochure, &lines, &headings, &starts, opening, notes)
}

/// The chapters from their starts, the opening paragraphs at the head of the first.
fn finish(
    mut brochure: Brochure,
    lines: &[Line],
    headings: &[Option<Heading>],
    starts: &[usize],
    opening: Vec<Paragraph>,
    notes: Vec<Text>,
) -> Result<Brochure, Failure> {
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let Some(heading) = headings[start].clone() else {
            continue;
        };
        let chapter = chapter(
            n as u32 + 1,
            &heading,
            &lines[start + 1..end],
            &headings[start + 1..end],
        );
        brochure.chapters.push(chapter);
    }
    if let Some(first) = brochure.chapters.first_mut() {
        let opening = opening.into_iter().map(from_paragraph);
        first.initiatives.splice(0..0, opening);
    }
    brochure.notes = notes;
    if brochure.chapters.iter().all(|c| c.initiatives.is_empty()) {
        let place = lines.first().map_or(Place::Line(1), |l| l.place);
        return Err((
            Some(place),
            Text::new(
                "the file has no text but its headings",
                "文件中除了标题没有正文",
            ),
        ));
    }
    Ok(brochure)
}

/// The width a hard-wrapped text (a PDF's or a transcript's) breaks its lines at: when most
/// lines end inside a sentence, the length most of them share.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let filled: Vec<&str> = lines
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let broken: Vec<usize> = filled
        .iter()
        .filter(|t| !ends_sentence(t))
        .map(|t| t.chars().count())
        .collect();
    if filled.len() < 20 || broken.len() * 5 < filled.len() * 3 {
        return None;
    }
    let mut lengths = broken;
    lengths.sort_unstable();
    // The upper quartile: most wrapped lines are as long as the page is wide, and a text is
    // hard-wrapped only when they are.
    let width = lengths[lengths.len() * 3 / 4];
    // Within a quarter of it: a PDF's line holds more narrow digits or fewer wide characters.
    let near = lengths
        .iter()
        .filter(|&&n| n * 4 >= width * 3 && n * 4 <= width * 5)
        .count();
    (width >= 20 && near * 2 >= lengths.len()).then_some(width)
}

/// A PDF's or a transcript's page furniture, dropped: lines that are only a page number, and
/// running headers (a short line with digits, such as a date, printed on three pages or more).
fn without_page_furniture(lines: &[Line]) -> Vec<Line> {
    let page_number = |text: &str| {
        let text = text.trim();
        !text.is_empty()
            && text.chars().any(|c| c.is_ascii_digit())
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
    };
    // A running header stands beside a page number (立法會 ─ 2013年 1月 16日, then 5146).
    let beside_page_number = |i: usize| {
        (i.saturating_sub(3)..(i + 4).min(lines.len()))
            .any(|j| j != i && page_number(&lines[j].text))
    };
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for line in lines {
        *counts.entry(line.text.trim()).or_default() += 1;
    }
    let running = |i: usize| {
        let text = lines[i].text.trim();
        text.chars().count() <= 40
            && text.chars().any(|c| c.is_ascii_digit())
            && counts.get(text).is_some_and(|&n| n >= 3)
            && beside_page_number(i)
    };
    (0..lines.len())
        .filter(|&i| !page_number(&lines[i].text) && !running(i))
        .map(|i| lines[i].clone())
        .collect()
}

/// Headings of a report that numbers none (a speech's 引言, 經濟發展): a short line without
/// sentence marks, standing alone between a blank line and a paragraph.
fn bare_headings(lines: &[Line]) -> Vec<Option<Heading>> {
    let filled = |i: usize| lines.get(i).is_some_and(|l| !l.text.trim().is_empty());
    // The next line that is not blank, found in one pass from the end (a file of blank lines
    // would otherwise be searched again from every line).
    let mut next_filled = vec![None; lines.len()];
    let mut seen = None;
    for i in (0..lines.len()).rev() {
        next_filled[i] = seen;
        if filled(i) {
            seen = Some(i);
        }
    }
    (0..lines.len())
        .map(|i| {
            let text = lines[i].text.trim();
            let short = (2..=16).contains(&text.chars().count());
            let alone = i == 0 || !filled(i - 1) || !lines[i].wraps;
            let next = next_filled[i];
            let paragraph_after = next.is_some_and(|j| {
                let after = lines[j].text.trim();
                after.chars().count() > 20 || is_prose(after)
            });
            let heading = short
                && alone
                && paragraph_after
                && !text.contains(['，', '。', '；', '！', '？', '：', ',', ':', '、'])
                && !text.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '（');
            heading.then(|| Heading {
                kind: Kind::Bare,
                text: text.to_owned(),
                titled: true,
            })
        })
        .collect()
}

/// Whether a line is a sentence of text rather than a line of the cover.
fn is_prose(text: &str) -> bool {
    let text = text.trim();
    text.contains(['，', '。', '；', '！', '？']) && !text.starts_with(['—', '－'])
        || text.chars().count() > 60
}

/// One chapter: its heading, then initiatives under the next kind of heading, or one per
/// paragraph when it has none.
fn chapter(
    number: u32,
    heading: &Heading,
    lines: &[Line],
    headings: &[Option<Heading>],
) -> ChapterDraft {
    let inner = headings
        .iter()
        .flatten()
        .map(|h| h.kind)
        .filter(|&k| k > heading.kind)
        .min();
    let mut initiatives = Vec::new();
    let mut current: Option<(String, Vec<Paragraph>)> = None;
    let mut loose: Vec<Paragraph> = Vec::new();
    let place = lines.first().map_or(Place::Line(1), |l| l.place);
    // 一、为老年人提供健康管理服务。为超2.5万名…: a heading that runs on into its text (a list
    // of pledges numbered 一、 二、) begins the chapter's first paragraph, never lost.
    let run_on = !heading.titled;
    if run_on {
        loose.push(Paragraph::new(&heading.text, place));
    }
    for (line, found) in lines.iter().zip(headings) {
        match found {
            Some(h) if Some(h.kind) == inner => {
                if let Some((title, paragraphs)) = current.take() {
                    initiatives.push(initiative(title, paragraphs));
                } else {
                    initiatives.extend(loose.drain(..).map(from_paragraph));
                }
                current = Some(section(h, line.place));
            }
            _ => {
                let target = match &mut current {
                    Some((_, paragraphs)) => paragraphs,
                    None => &mut loose,
                };
                add_line(target, line);
            }
        }
    }
    match current {
        Some((title, paragraphs)) => initiatives.push(initiative(title, paragraphs)),
        None => initiatives.extend(loose.into_iter().map(from_paragraph)),
    }
    initiatives.retain(|i| !i.text.trim().is_empty());
    if initiatives.is_empty() {
        // A heading with nothing under it: its own words are the chapter's text.
        let title = titled(first_clause(&heading.text), &heading.text);
        let text = heading.text.clone();
        initiatives.push(InitiativeDraft { title, text, place });
    }
    let title = if run_on {
        titled(first_clause(&heading.text), &heading.text)
    } else {
        heading.text.clone()
    };
    let (name, headline) = names(&title);
    ChapterDraft {
        number,
        name,
        headline,
        initiatives,
    }
}

/// An initiative's heading: its title, and the start of its text. A heading that runs on
/// into its paragraph (（一）深入推进供给侧结构性改革。坚持…) is titled by its first sentence
/// and the rest begins the text; one broken mid-sentence ((一 ) 由獎券基金撥出 3.8億元，在…)
/// keeps all its words as text, titled by its first clause.
fn section(heading: &Heading, place: Place) -> (String, Vec<Paragraph>) {
    let text = heading.text.as_str();
    if heading.titled {
        return (text.trim().to_owned(), Vec::new());
    }
    let (title, rest) = split_title(text);
    let sentence_split = !rest.is_empty() && rest.len() < text.trim().len();
    if sentence_split && !title.is_empty() {
        return (title, vec![Paragraph::new(rest, place)]);
    }
    (
        titled(first_clause(text), text),
        vec![Paragraph::new(text, place)],
    )
}

/// Whether a heading reads as a title (过去五年工作回顾) rather than a paragraph that starts
/// with a number (（一）由獎券基金撥出 3.8億元，在今年…).
fn is_title_like(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['。', '：', ':', '；']);
    text.chars().count() <= 30 && !text.contains(['，', ',', '；', '。', '！', '？'])
}

/// A paragraph being gathered from lines.
struct Paragraph {
    text: String,
    place: Place,
    /// Whether it ends a sentence, so the next line starts a new paragraph.
    closed: bool,
}

impl Paragraph {
    fn new(text: &str, place: Place) -> Self {
        Self {
            text: text.trim().to_owned(),
            place,
            closed: ends_sentence(text),
        }
    }
}

/// Whether a line ends where a paragraph may end (。！？ or a closing quote after them).
fn ends_sentence(text: &str) -> bool {
    let text = text
        .trim_end()
        .trim_end_matches(['”', '」', '’', '）', ')', '』']);
    // Not a colon: 主要预期目标是： introduces what the next line says.
    text.ends_with(['。', '！', '？', '；', '!', '?', ';', '.'])
}

/// Adds a line: a blank line ends a paragraph; a line after an unfinished one (a line broken
/// by a PDF or a hard wrap) continues it.
fn add_line(paragraphs: &mut Vec<Paragraph>, line: &Line) {
    let text = line.text.trim();
    if text.is_empty() {
        if let Some(last) = paragraphs.last_mut() {
            last.closed = true;
        }
        return;
    }
    match paragraphs.last_mut() {
        Some(last) if !last.closed && line.wraps => {
            let ascii_seam = last.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                && text.starts_with(|c: char| c.is_ascii_alphanumeric());
            if ascii_seam && !last.text.ends_with(|c: char| c.is_ascii_digit()) {
                last.text.push(' ');
            }
            last.text.push_str(text);
            last.closed = ends_sentence(text);
        }
        _ => paragraphs.push(Paragraph::new(text, line.place)),
    }
}

/// A title that is never empty: a text that opens with a mark gives its first characters.
fn titled(title: String, text: &str) -> String {
    if title.trim().is_empty() {
        text.trim().chars().take(20).collect()
    } else {
        title
    }
}

fn initiative(title: String, paragraphs: Vec<Paragraph>) -> InitiativeDraft {
    let place = paragraphs.first().map_or(Place::Line(1), |p| p.place);
    let text: Vec<String> = paragraphs.into_iter().map(|p| p.text).collect();
    let text = if text.is_empty() {
        // A heading with nothing under it: its own words are its text.
        title.clone()
    } else {
        text.join("\n")
    };
    InitiativeDraft {
        title: titled(title, &text),
        text,
        place,
    }
}

/// A paragraph of a chapter without sub-headings, as an initiative titled by its first clause.
fn from_paragraph(paragraph: Paragraph) -> InitiativeDraft {
    let title = titled(first_clause(&paragraph.text), &paragraph.text);
    InitiativeDraft {
        title,
        text: paragraph.text,
        place: paragraph.place,
    }
}

/// A paragraph's first clause, as its title: up to its first comma or full stop, or its
/// second when the first is only a few words (过去五年，经济实力跃上新台阶).
fn first_clause(text: &str) -> String {
    // ——经济发展再上新台阶: a lead dash or bullet is no part of the title.
    let text = text.trim_start_matches(['—', '─', '-', '－', '·', '•', ' ', '\u{3000}']);
    const BREAKS: &[char] = &['，', '。', '；', '：', '！', '？', ',', ';'];
    let mut end = 0;
    for (count, (at, c)) in text
        .char_indices()
        .filter(|&(at, c)| BREAKS.contains(&c) && !groups_digits(text, at, c))
        .enumerate()
    {
        end = at;
        let enough = text[..at].chars().count() >= 6;
        if enough || count >= 1 || matches!(c, '。' | '；' | '！' | '？') {
            break;
        }
    }
    let clause = if end == 0 { text } else { &text[..end] };
    clause.trim().chars().take(MAX_TITLE_CHARS).collect()
}

/// The longest title taken from a sentence, in characters.
const MAX_TITLE_CHARS: usize = 40;

/// A heading that runs on into its paragraph (（一）深入推进供给侧结构性改革。坚持…): its
/// first sentence is the title, the rest the start of the text. A short heading is all title.
fn split_title(text: &str) -> (String, &str) {
    let text = text.trim();
    let sentence_end = text
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '；' | '：'))
        .map(|(at, c)| (at, at + c.len_utf8()));
    let (title, rest) = match sentence_end {
        Some((at, after)) => (&text[..at], text[after..].trim()),
        None => (text, ""),
    };
    let title = if title.chars().count() > MAX_TITLE_CHARS {
        // The first clause, then at most the limit: a title names, the text tells.
        let clause = title
            .char_indices()
            .find(|&(at, c)| matches!(c, '，' | ',') && !groups_digits(title, at, c))
            .map_or(title, |(at, _)| &title[..at]);
        clause.chars().take(MAX_TITLE_CHARS).collect()
    } else {
        title.to_owned()
    };
    // A heading that is one long sentence keeps it whole as text too.
    let rest = if rest.is_empty() && title.chars().count() < text.chars().count() {
        text
    } else {
        rest
    };
    (title, rest)
}

/// A chapter's short name and its headline from its heading: 过去五年工作回顾 is both; a long
/// heading keeps its first words (without a year) as the name and the whole as the headline.
fn names(heading: &str) -> (String, String) {
    let trimmed = heading.trim().trim_end_matches(['。', '：', ':']);
    let heading = if trimmed.is_empty() {
        heading.trim()
    } else {
        trimmed
    };
    const SHORT: usize = 16;
    if heading.chars().count() <= SHORT {
        return (heading.to_owned(), heading.to_owned());
    }
    let without_year = strip_leading_year(heading);
    let first = without_year
        .split(['，', ',', '、', '：', ':', '；', ' ', '　'])
        .find(|part| !part.trim().is_empty())
        .unwrap_or(without_year);
    if first.chars().count() <= SHORT {
        return (first.to_owned(), heading.to_owned());
    }
    // Cut before a joining word (的, 和, 与, 及) rather than inside a word.
    let head: String = first.chars().take(SHORT).collect();
    let cut = head
        .char_indices()
        .filter(|&(at, c)| at > 0 && "的和与與及并並".contains(c))
        .map(|(at, _)| at)
        .next_back();
    let name = match cut {
        Some(at) if head[..at].chars().count() >= 4 => head[..at].to_owned(),
        _ => head,
    };
    (name, heading.to_owned())
}

/// 2018年经济社会发展总体要求 → 经济社会发展总体要求.
fn strip_leading_year(text: &str) -> &str {
    let digits: usize = text
        .chars()
        .take_while(|&c| is_arabic(c))
        .map(char::len_utf8)
        .sum();
    if digits > 0
        && let Some(rest) = text[digits..].strip_prefix('年')
        && !rest.is_empty()
    {
        return rest;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::text::lines_of;
    use super::*;

    #[test]
    fn a_title_never_ends_inside_a_number() {
        assert_eq!(
            first_clause("全體居民人均可支配收入31,245元，增長6.2%。"),
            "全體居民人均可支配收入31,245元"
        );
        // A comma that separates two numbers still ends the clause.
        assert_eq!(first_clause("新增企业38个,其中工业12个。"), "新增企业38个");
    }

    #[test]
    fn heading_kinds() {
        let kind = |t: &str| numbered(t).map(|(k, r)| (k, r.to_owned()));
        assert_eq!(kind("一、过去五年"), Some((Kind::Han, "过去五年".into())));
        assert_eq!(kind("（三）加快"), Some((Kind::ParenHan, "加快".into())));
        assert_eq!(kind("(2)推进"), Some((Kind::ParenArabic, "推进".into())));
        assert_eq!(kind("3．推进"), Some((Kind::Arabic, "推进".into())));
        assert_eq!(kind("第二章 发展"), Some((Kind::Part, " 发展".into())));
        assert_eq!(kind("第一节 概况"), Some((Kind::Section, " 概况".into())));
        // Hong Kong's and Taiwan's parts: 壹、 above 一、 and （一）.
        assert_eq!(
            kind("壹、會長的話"),
            Some((Kind::Formal, "會長的話".into()))
        );
        assert_eq!(kind("拾、鳴謝"), Some((Kind::Formal, "鳴謝".into())));
        assert!(Kind::Formal < Kind::Han && Kind::Part < Kind::Formal);
        assert_eq!(kind("壹號皇庭"), None);
        assert_eq!(kind("1.5万人参加"), None);
        assert_eq!(kind("一是加强"), None);
        assert_eq!(kind("2018年"), None);
    }

    #[test]
    fn chapters_and_initiatives_by_depth() {
        let text = "政府工作报告\n\n一、过去五年工作回顾\n\n过去五年，经济实力跃上新台阶。\n\n（一）深入推进改革。坚持把发展经济着力点放在实体经济上。\n\n（二）加强生态建设\n\n治理大气污染，\n重点城市浓度下降。\n\n二、今年工作建议\n\n第一段。\n\n第二段，很长。\n";
        let brochure = parse(&lines_of(text)).expect("parses");
        assert_eq!(brochure.title, "政府工作报告");
        let chapters: Vec<(&str, usize)> = brochure
            .chapters
            .iter()
            .map(|c| (c.name.as_str(), c.initiatives.len()))
            .collect();
        assert_eq!(chapters, [("过去五年工作回顾", 3), ("今年工作建议", 2)]);
        let first = &brochure.chapters[0].initiatives;
        assert_eq!(first[0].title, "过去五年，经济实力跃上新台阶");
        assert_eq!(first[1].title, "深入推进改革");
        assert_eq!(first[1].text, "坚持把发展经济着力点放在实体经济上。");
        assert_eq!(first[2].title, "加强生态建设");
        assert_eq!(first[2].text, "治理大气污染，重点城市浓度下降。");
        assert_eq!(brochure.chapters[1].initiatives[1].title, "第二段，很长");
    }

    #[test]
    fn long_headings_give_a_short_name() {
        assert_eq!(
            names("2018年经济社会发展总体要求和政策取向"),
            (
                "经济社会发展总体要求和政策取向".to_owned(),
                "2018年经济社会发展总体要求和政策取向".to_owned()
            )
        );
        assert_eq!(
            names("关于进一步加强和改进新时代基层科学技术普及工作的若干意见").0,
            "关于进一步加强"
        );
    }
}
