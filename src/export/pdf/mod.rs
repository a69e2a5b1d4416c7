//! The report as a print-quality PDF: a cover, contents with page numbers, every chapter whole
//! (its headline, key figures, charts and every initiative), a running header and page numbers;
//! text that can be selected and searched, fonts embedded and subset, charts as vector shapes,
//! an outline of every chapter and initiative, links from the contents, and tags.
//!
//! Made in-process with no window: the layout (line breaking, pagination) is this module's own
//! and `krilla` writes the PDF. Colours are always the light theme's.

mod chart;
mod flow;
mod page;
mod render;
mod text;

pub use page::Paper;

use crate::document::dataset::{Dataset, FigureRef};
use crate::report::chart_text::{self, localized};
use crate::report::lang::Lang;
use crate::report::words::{fill, tr_in};
use flow::{Flow, MARGIN_X, Setting};
use page::{Anchor, Laid, Link, OutlineEntry, Role, Shape};
use text::{Faces, Line, Rgb, Span};

/// Body text.
const INK: Rgb = [0x1E, 0x1E, 0x1E];
/// Headlines, captions, the running header.
const MUTED: Rgb = [90, 90, 90];
/// Figures in the text, as the viewer's light theme draws them.
const ACCENT: Rgb = [0xB4, 0x3E, 0x1E];
/// Bars.
const SERIES: Rgb = [0x3A, 0x6E, 0xA5];
/// Rules, grid lines and tracks.
const RULE: Rgb = [215, 215, 215];
/// Card backgrounds (charts, key figures).
const CARD: Rgb = [246, 246, 246];

const BODY: Setting = Setting::new(10.5, 1.75, 9.0);
const INITIATIVE: Setting = Setting::new(12.5, 1.5, 3.0);
const CHAPTER: Setting = Setting::new(22.0, 1.35, 6.0);
const HEADLINE: Setting = Setting::new(12.0, 1.6, 12.0);
const ENTRY: Setting = Setting::new(10.5, 1.7, 0.0);
const SMALL: Setting = Setting::new(8.5, 1.4, 0.0);

/// Words of the interface in the report's own script: a traditional report's PDF says 目錄 and
/// 百分點, as its text would.
fn in_script(dataset: &Dataset, lang: Lang, text: &str) -> String {
    if lang == Lang::Zh && dataset.script() == crate::report::script_fold::HanScript::Traditional {
        hanconv::s2t(text)
    } else {
        text.to_owned()
    }
}

/// What to make: the paper and the language of titles and labels.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub paper: Paper,
    pub lang: Lang,
    /// The shelf the report is on and its place there: with more than one report, an
    /// appendix "over the years" lists each of the report's measures through the shelf's years.
    pub shelf: Option<(std::sync::Arc<crate::shelf::Shelf>, usize)>,
}

/// Why a PDF could not be made.
#[derive(Debug)]
pub enum PdfError {
    /// The document could not be made (a font that cannot be read or embedded).
    Made(String),
    /// The file could not be written.
    Written(std::path::PathBuf, std::io::Error),
}

impl PdfError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Made(reason) => reason.clone(),
            Self::Written(path, error) => format!(
                "{}: {}",
                path.display(),
                crate::report::words::io_reason(lang, error)
            ),
        }
    }
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The PDF of `dataset`; `progress` hears how far it is (0 to 1) as chapters are laid out and
/// pages written.
pub fn report_pdf(
    dataset: &Dataset,
    options: Options,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<u8>, PdfError> {
    let mut faces = Faces::bundled_for(options.lang);
    if faces.faces().len() < 4 {
        return Err(PdfError::Made("the bundled font cannot be read".to_owned()));
    }
    let laid = lay_out(dataset, &options, &mut faces, progress);
    if !faces.missing.is_empty() {
        log::warn!(
            "no font on this machine has {:?}: drawn as boxes in the PDF",
            faces.missing.iter().collect::<String>()
        );
    }
    render::render(&laid, &faces, dataset, options, progress)
}

/// Writes the PDF of `dataset` to `out`.
pub fn write_report_pdf(
    dataset: &Dataset,
    options: Options,
    out: &std::path::Path,
    progress: &mut dyn FnMut(f32),
) -> Result<(), PdfError> {
    let bytes = report_pdf(dataset, options, progress)?;
    std::fs::write(out, bytes).map_err(|e| PdfError::Written(out.to_path_buf(), e))
}

/// The whole document laid out.
fn lay_out(
    dataset: &Dataset,
    options: &Options,
    faces: &mut Faces,
    progress: &mut dyn FnMut(f32),
) -> Laid {
    let lang = options.lang;
    let mut flow = Flow::new(faces, options.paper);
    let root = flow.laid.element(Role::Document, None);
    cover(&mut flow, dataset, lang, root);
    let contents = Contents::measure(&mut flow, dataset, lang);
    let first_contents_page = flow.laid.pages.len();
    // Made before the chapters, so that the structure reads cover, contents, chapters.
    let toc = flow.laid.element(Role::Contents, Some(root));
    for _ in 0..contents.pages.len() {
        flow.new_page();
    }
    let count = dataset.report.chapters.len().max(1);
    let mut anchors = Vec::new();
    for c in 0..dataset.report.chapters.len() {
        anchors.push(chapter(&mut flow, dataset, c, lang, root));
        progress(0.6 * (c + 1) as f32 / count as f32);
    }
    let heading = in_script(dataset, lang, tr_in(lang, "目录"));
    contents.place(&mut flow, (first_contents_page, &heading), &anchors, toc);
    flow.laid.outline = outline(dataset, lang, &anchors);
    if let Some((shelf, report)) = &options.shelf
        && shelf.reports.len() > 1
        && let Some(entry) = over_the_years(&mut flow, dataset, (shelf, *report), lang, root)
    {
        flow.laid.outline.push(entry);
    }
    running_header_and_footer(&mut flow, dataset, lang);
    flow.laid
}

/// Where a chapter and each of its initiatives start.
struct ChapterAnchors {
    chapter: Anchor,
    initiatives: Vec<Anchor>,
}

/// `text` in one style.
fn span(text: &str, bold: bool, color: Rgb) -> Vec<Span> {
    vec![Span::new(text, bold, color)]
}

/// The cover: title, subtitle, motto and source, and what the report holds.
fn cover(flow: &mut Flow<'_>, dataset: &Dataset, lang: Lang, root: usize) {
    let report = &dataset.report;
    flow.new_page();
    let section = flow.laid.element(Role::Section, Some(root));
    let title = localized(lang, &report.title, report.title_en.as_ref());
    flow.y = flow.size().1 * 0.28;
    let setting = Setting::new(26.0, 1.35, 14.0);
    let lines = flow.lines(&span(title, true, INK), setting, 0.0);
    let heading = flow
        .laid
        .element(Role::Heading(1, title.to_owned()), Some(section));
    flow.paragraph(&lines, setting, 0.0, heading);
    for (text, setting, color) in [
        (&report.subtitle, Setting::new(13.0, 1.5, 6.0), MUTED),
        (&report.motto, Setting::new(15.0, 1.5, 24.0), ACCENT),
    ] {
        if text.trim().is_empty() {
            continue;
        }
        let lines = flow.lines(&span(text, false, color), setting, 0.0);
        let p = flow.laid.element(Role::Paragraph, Some(section));
        flow.paragraph(&lines, setting, 0.0, p);
    }
    let holds = fill(
        &in_script(dataset, lang, tr_in(lang, "{} 章 · {} 项举措 · {} 个数据")),
        &[
            &report.chapters.len(),
            &report.initiative_count(),
            &report.figures().count(),
        ],
    );
    let lines = flow.lines(&span(&holds, false, MUTED), BODY, 0.0);
    let p = flow.laid.element(Role::Paragraph, Some(section));
    flow.paragraph(&lines, BODY, 0.0, p);
    if !report.source.trim().is_empty() {
        let source = fill(
            &in_script(dataset, lang, tr_in(lang, "来源：{}")),
            &[&report.source],
        );
        let lines = flow.lines(&span(&source, false, MUTED), SMALL, 0.0);
        flow.y = flow.bottom() - lines.len() as f32 * SMALL.leading;
        let p = flow.laid.element(Role::Paragraph, Some(section));
        flow.paragraph(&lines, SMALL, 0.0, p);
    }
}

/// A chapter from a new page: its heading, headline, key figures, charts and initiatives.
fn chapter(
    flow: &mut Flow<'_>,
    dataset: &Dataset,
    c: usize,
    lang: Lang,
    root: usize,
) -> ChapterAnchors {
    let chapter = &dataset.report.chapters[c];
    let name = localized(lang, &chapter.name, chapter.name_en.as_ref());
    flow.chapter = Some(format!("{} {name}", chapter.number));
    flow.new_page();
    let section = flow.laid.element(Role::Section, Some(root));
    let anchor = flow.anchor();
    let heading = vec![
        Span::new(format!("{}  ", chapter.number), true, ACCENT),
        Span::new(name, true, INK),
    ];
    let lines = flow.lines(&heading, CHAPTER, 0.0);
    let h1 = flow.laid.element(
        Role::Heading(1, format!("{} {name}", chapter.number)),
        Some(section),
    );
    flow.heading(&lines, CHAPTER, 0.0, h1);
    let headline = localized(lang, &chapter.headline, chapter.headline_en.as_ref());
    let lines = flow.lines(&span(headline, false, MUTED), HEADLINE, 0.0);
    let p = flow.laid.element(Role::Paragraph, Some(section));
    flow.paragraph(&lines, HEADLINE, 0.0, p);
    key_figures(flow, dataset, c, lang, section);
    for k in 0..chapter.charts.len() {
        chart::chart(flow, dataset, (c, k), lang, section);
    }
    flow.space(6.0);
    let initiatives = (0..chapter.initiatives.len())
        .map(|i| initiative(flow, dataset, (c, i), lang, section))
        .collect();
    ChapterAnchors {
        chapter: anchor,
        initiatives,
    }
}

/// The chapter's key figures side by side: each value as written, large, over what it counts.
fn key_figures(flow: &mut Flow<'_>, dataset: &Dataset, c: usize, lang: Lang, section: usize) {
    let figures = dataset.key_figures(c);
    if figures.is_empty() {
        return;
    }
    let gap = 10.0;
    let n = figures.len() as f32;
    let cell = (flow.width() - gap * (n - 1.0)) / n;
    let value_setting = Setting::new(16.0, 1.3, 0.0);
    let cells: Vec<(Vec<Line>, Vec<Line>)> = figures
        .iter()
        .map(|&place: &FigureRef| {
            let figure = dataset.figure(place);
            let value = chart_text::figure_value(lang, figure, dataset.quantity(place));
            let caption = chart_text::figure_caption(lang, figure);
            let indent = flow.width() - cell + 16.0;
            (
                flow.lines(&span(&value, true, ACCENT), value_setting, indent),
                flow.lines(&span(&caption, false, MUTED), SMALL, indent),
            )
        })
        .collect();
    let height = cells
        .iter()
        .map(|(v, l)| v.len() as f32 * value_setting.leading + l.len() as f32 * SMALL.leading)
        .fold(0.0, f32::max)
        + 16.0;
    let (x, y) = flow.block(height);
    flow.y += 12.0;
    let p = flow.laid.element(Role::Paragraph, Some(section));
    let page = flow.page();
    for (k, (value, label)) in cells.iter().enumerate() {
        let left = x + k as f32 * (cell + gap);
        page.shape(
            Shape::Rect {
                x: left,
                y,
                w: cell,
                h: height,
                fill: CARD,
            },
            None,
        );
        let top = y + 8.0;
        page.lines(
            value,
            (left + 8.0, top + value_setting.baseline()),
            (value_setting.size, value_setting.leading),
            Some(p),
        );
        let top = top + value.len() as f32 * value_setting.leading;
        page.lines(
            label,
            (left + 8.0, top + SMALL.baseline()),
            (SMALL.size, SMALL.leading),
            Some(p),
        );
    }
}

/// An initiative: its bold title, kept with its text's first lines, then the text with each
/// figure in bold in the figure colour, as written.
fn initiative(
    flow: &mut Flow<'_>,
    dataset: &Dataset,
    (c, i): (usize, usize),
    lang: Lang,
    section: usize,
) -> Anchor {
    let initiative = &dataset.report.chapters[c].initiatives[i];
    let title = localized(lang, &initiative.title, initiative.title_en.as_ref());
    let title_lines = flow.lines(&span(title, true, INK), INITIATIVE, 0.0);
    let spans: Vec<Span> = dataset
        .segments(c, i)
        .iter()
        .map(|segment| {
            let text = &initiative.text[segment.range.clone()];
            match segment.figure {
                Some(_) => Span::new(text, true, ACCENT),
                None => Span::new(text, false, INK),
            }
        })
        .collect();
    let lines = flow.lines(&spans, BODY, 0.0);
    let then = Flow::height_of(&lines, 2, BODY);
    flow.keep(Flow::height_of(&title_lines, usize::MAX, INITIATIVE) + INITIATIVE.after + then);
    let anchor = flow.anchor();
    let h2 = flow
        .laid
        .element(Role::Heading(2, title.to_owned()), Some(section));
    flow.heading(&title_lines, INITIATIVE, then, h2);
    let p = flow.laid.element(Role::Paragraph, Some(section));
    flow.paragraph(&lines, BODY, 0.0, p);
    anchor
}

/// The contents: a line per chapter and per initiative, measured before the chapters are laid
/// out (so that their pages are known) and placed after.
struct Contents {
    entries: Vec<ContentsEntry>,
    /// The entries on each page of the contents.
    pages: Vec<std::ops::Range<usize>>,
}

/// An entry's lines, its indent and what it points at (a chapter, or one of its initiatives).
type ContentsEntry = (Vec<Line>, f32, (usize, Option<usize>));

/// Room for a page number at the end of a contents line.
const NUMBER_WIDTH: f32 = 36.0;

impl Contents {
    fn measure(flow: &mut Flow<'_>, dataset: &Dataset, lang: Lang) -> Self {
        let mut entries = Vec::new();
        for (c, chapter) in dataset.report.chapters.iter().enumerate() {
            let name = localized(lang, &chapter.name, chapter.name_en.as_ref());
            let text = format!("{}  {name}", chapter.number);
            let lines = flow.lines(&span(&text, true, INK), ENTRY, NUMBER_WIDTH);
            entries.push((lines, 0.0, (c, None)));
            for (i, initiative) in chapter.initiatives.iter().enumerate() {
                let title = localized(lang, &initiative.title, initiative.title_en.as_ref());
                let lines = flow.lines(&span(title, false, INK), ENTRY, NUMBER_WIDTH + 18.0);
                entries.push((lines, 18.0, (c, Some(i))));
            }
        }
        let room = flow.bottom() - flow::TOP - Self::title_height();
        let mut pages = Vec::new();
        let (mut start, mut used) = (0, 0.0);
        for (k, (lines, _, _)) in entries.iter().enumerate() {
            let height = lines.len() as f32 * ENTRY.leading;
            if used + height > room && k > start {
                pages.push(start..k);
                (start, used) = (k, 0.0);
            }
            used += height;
        }
        pages.push(start..entries.len());
        Self { entries, pages }
    }

    fn title_height() -> f32 {
        CHAPTER.leading + CHAPTER.after
    }

    /// Draws the contents on their pages, each entry linked to where it points.
    fn place(
        &self,
        flow: &mut Flow<'_>,
        (first_page, heading): (usize, &str),
        anchors: &[ChapterAnchors],
        toc: usize,
    ) {
        let right = flow.size().0 - MARGIN_X;
        for (p, range) in self.pages.iter().enumerate() {
            let page_index = first_page + p;
            let mut y = flow::TOP;
            if p == 0 {
                let title = flow.lines(&span(heading, true, INK), CHAPTER, 0.0);
                let h = flow
                    .laid
                    .element(Role::Heading(1, heading.to_owned()), Some(toc));
                flow.laid.pages[page_index].lines(
                    &title,
                    (MARGIN_X, y + CHAPTER.baseline()),
                    (CHAPTER.size, CHAPTER.leading),
                    Some(h),
                );
                y += Self::title_height();
            }
            for (lines, indent, (c, i)) in &self.entries[range.clone()] {
                let to = match i {
                    None => anchors[*c].chapter,
                    Some(i) => anchors[*c].initiatives[*i],
                };
                let entry = flow.laid.element(Role::ContentsEntry, Some(toc));
                let number = (to.page + 1).to_string();
                let number_line = flow.lines(&span(&number, false, INK), ENTRY, 0.0).remove(0);
                let page = &mut flow.laid.pages[page_index];
                page.lines(
                    lines,
                    (MARGIN_X + indent, y + ENTRY.baseline()),
                    (ENTRY.size, ENTRY.leading),
                    Some(entry),
                );
                let last = y + (lines.len() - 1) as f32 * ENTRY.leading + ENTRY.baseline();
                let end = MARGIN_X + indent + lines.last().map_or(0.0, |l| l.width);
                page.shape(
                    Shape::Line {
                        from: (end + 6.0, last),
                        to: (right - number_line.width - 6.0, last),
                        width: 0.8,
                        color: MUTED,
                        dotted: true,
                    },
                    None,
                );
                page.line(
                    &number_line,
                    (right - number_line.width, last),
                    ENTRY.size,
                    Some(entry),
                );
                let height = lines.len() as f32 * ENTRY.leading;
                page.links.push(Link {
                    rect: (MARGIN_X + indent, y, right, y + height),
                    to,
                    element: Some(entry),
                });
                y += height;
            }
        }
    }
}

/// The appendix of a report on a shelf: each series the report's figures are in, with every
/// reading of it (year, value as written, result or target, report). Its bookmark, if any.
fn over_the_years(
    flow: &mut Flow<'_>,
    dataset: &Dataset,
    (shelf, report): (&crate::shelf::Shelf, usize),
    lang: Lang,
    root: usize,
) -> Option<OutlineEntry> {
    let series: Vec<&crate::shelf::series::Series> = shelf
        .series
        .iter()
        .filter(|s| s.points.iter().any(|p| p.report == report))
        .collect();
    if series.is_empty() {
        return None;
    }
    let title = in_script(dataset, lang, tr_in(lang, "历年数据"));
    flow.chapter = Some(title.clone());
    flow.new_page();
    let section = flow.laid.element(Role::Section, Some(root));
    let anchor = flow.anchor();
    let lines = flow.lines(&span(&title, true, INK), CHAPTER, 0.0);
    let h1 = flow
        .laid
        .element(Role::Heading(1, title.clone()), Some(section));
    flow.heading(&lines, CHAPTER, 0.0, h1);
    let note = in_script(
        dataset,
        lang,
        tr_in(
            lang,
            "同一发布者各年报告中的同一项数据，按数据所指的年份排列；目标和预计照原文标出",
        ),
    );
    let lines = flow.lines(&span(&note, false, MUTED), HEADLINE, 0.0);
    let p = flow.laid.element(Role::Paragraph, Some(section));
    flow.paragraph(&lines, HEADLINE, 0.0, p);
    for one in series {
        let heading = flow.lines(&span(&one.label, true, INK), INITIATIVE, 0.0);
        flow.keep(Flow::height_of(&heading, usize::MAX, INITIATIVE) + ENTRY.leading * 2.0);
        let h2 = flow
            .laid
            .element(Role::Heading(2, one.label.clone()), Some(section));
        flow.heading(&heading, INITIATIVE, 0.0, h2);
        for point in &one.points {
            let line = reading_line(shelf, point, dataset, lang);
            let lines = flow.lines(&span(&line, false, INK), ENTRY, 0.0);
            let p = flow.laid.element(Role::Paragraph, Some(section));
            flow.paragraph(&lines, ENTRY, 0.0, p);
        }
        flow.space(6.0);
    }
    Some(OutlineEntry {
        title,
        to: anchor,
        children: Vec::new(),
    })
}

/// One reading of a series as the appendix lists it: 2022：4.0万人（示例市政府工作报告 2023）.
fn reading_line(
    shelf: &crate::shelf::Shelf,
    point: &crate::shelf::series::Point,
    dataset: &Dataset,
    lang: Lang,
) -> String {
    let on = &shelf.reports[point.report];
    let figure = on.dataset.figure(point.figure);
    let value = on.dataset.figure_as_written(point.figure);
    let status = match figure.status {
        crate::report::model::Status::Result => String::new(),
        crate::report::model::Status::Target => in_script(dataset, lang, tr_in(lang, "（目标）")),
        crate::report::model::Status::Estimate => in_script(dataset, lang, tr_in(lang, "（预计）")),
    };
    let year = on.year.map(|y| format!(" {y}")).unwrap_or_default();
    let differs = if point.disputed {
        in_script(dataset, lang, tr_in(lang, "（不一致）"))
    } else {
        String::new()
    };
    fill(
        &in_script(dataset, lang, tr_in(lang, "{}：{}{}{}（{}）")),
        &[
            &crate::export::point_period(point, figure),
            &value,
            &status,
            &differs,
            &format!("{}{year}", on.title()),
        ],
    )
}

/// The outline: every chapter, with its initiatives under it.
fn outline(dataset: &Dataset, lang: Lang, anchors: &[ChapterAnchors]) -> Vec<OutlineEntry> {
    dataset
        .report
        .chapters
        .iter()
        .zip(anchors)
        .map(|(chapter, anchors)| OutlineEntry {
            title: format!(
                "{} {}",
                chapter.number,
                localized(lang, &chapter.name, chapter.name_en.as_ref())
            ),
            to: anchors.chapter,
            children: chapter
                .initiatives
                .iter()
                .zip(&anchors.initiatives)
                .map(|(initiative, to)| OutlineEntry {
                    title: localized(lang, &initiative.title, initiative.title_en.as_ref())
                        .to_owned(),
                    to: *to,
                    children: Vec::new(),
                })
                .collect(),
        })
        .collect()
}

/// The report's title and the chapter above a rule on every page but the cover, and
/// "n / N" at the foot.
fn running_header_and_footer(flow: &mut Flow<'_>, dataset: &Dataset, lang: Lang) {
    let report = &dataset.report;
    let title = localized(lang, &report.title, report.title_en.as_ref()).to_owned();
    let (width, height) = flow.size();
    let total = flow.laid.pages.len();
    let contents = in_script(dataset, lang, tr_in(lang, "目录"));
    for k in 1..total {
        let chapter = flow.page_chapters[k]
            .clone()
            .unwrap_or_else(|| contents.clone());
        let right = flow
            .lines(&span(&chapter, false, MUTED), SMALL, 0.0)
            .remove(0);
        let room = flow.width() - right.width - 24.0;
        let cut = text::cut_to_width(flow.faces, &title, SMALL.size, room);
        let left = flow.lines(&span(&cut, false, MUTED), SMALL, 0.0).remove(0);
        let number = format!("{} / {total}", k + 1);
        let footer = flow
            .lines(&span(&number, false, MUTED), SMALL, 0.0)
            .remove(0);
        let page = &mut flow.laid.pages[k];
        let baseline = 44.0;
        page.line(&left, (MARGIN_X, baseline), SMALL.size, None);
        page.line(
            &right,
            (width - MARGIN_X - right.width, baseline),
            SMALL.size,
            None,
        );
        page.shape(
            Shape::Line {
                from: (MARGIN_X, baseline + 6.0),
                to: (width - MARGIN_X, baseline + 6.0),
                width: 0.5,
                color: RULE,
                dotted: false,
            },
            None,
        );
        page.line(
            &footer,
            ((width - footer.width) / 2.0, height - 36.0),
            SMALL.size,
            None,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded report, and one with long chapters whose initiatives break over pages.
    fn reports() -> Vec<Dataset> {
        let mut long = crate::document::load::embedded();
        for chapter in &mut long.report.chapters {
            let template = chapter.initiatives[0].clone();
            for k in 0..12 {
                let mut initiative = template.clone();
                initiative.id = format!("{}-long{k}", template.id);
                for figure in &mut initiative.figures {
                    figure.id = format!("{}-long{k}", figure.id);
                }
                let more = "科普工作持续推进。".repeat(k * 7);
                initiative.text = format!("{}{more}", initiative.text);
                chapter.initiatives.push(initiative);
            }
        }
        let text = ron::ser::to_string(&long.report).expect("RON");
        let long = crate::document::load::load_str(&text, crate::Origin::Embedded).expect("valid");
        vec![crate::document::load::embedded(), long]
    }

    /// The pages each element has content on.
    fn pages_of(laid: &Laid, element: usize) -> Vec<usize> {
        let mut pages: Vec<usize> = laid
            .pages
            .iter()
            .enumerate()
            .filter(|(_, page)| page.marks.iter().any(|m| m.element == Some(element)))
            .map(|(k, _)| k)
            .collect();
        pages.dedup();
        pages
    }

    #[test]
    fn headings_stay_with_their_text_and_charts_stay_whole() {
        for dataset in reports() {
            let mut faces = Faces::bundled();
            let laid = lay_out(&dataset, &Options::default(), &mut faces, &mut |_| {});
            for (k, element) in laid.elements.iter().enumerate() {
                match element.role {
                    Role::Heading(2, _) => {
                        let heading = pages_of(&laid, k);
                        let text = pages_of(&laid, k + 1);
                        assert_eq!(heading.len(), 1);
                        assert_eq!(text.first(), heading.first(), "{:?}", element.role);
                    }
                    Role::Figure(_) => assert_eq!(pages_of(&laid, k).len(), 1),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn text_stays_inside_the_margins() {
        for dataset in reports() {
            for paper in [Paper::A4, Paper::Letter] {
                let mut faces = Faces::bundled();
                let options = Options {
                    paper,
                    lang: Lang::Zh,
                    shelf: None,
                };
                let laid = lay_out(&dataset, &options, &mut faces, &mut |_| {});
                let (width, height) = paper.size();
                for (p, page) in laid.pages.iter().enumerate() {
                    for mark in &page.marks {
                        if let Shape::Text { x, y, run, .. } = &mark.shape {
                            let right = x + run.width;
                            assert!(
                                *x >= MARGIN_X - 0.01,
                                "page {p}: {} starts at {x}",
                                run.text
                            );
                            assert!(
                                right <= width - MARGIN_X + 0.5,
                                "page {p}: {} ends at {right}",
                                run.text
                            );
                            assert!(
                                *y > 30.0 && *y < height - 20.0,
                                "page {p}: {} at {y}",
                                run.text
                            );
                        }
                    }
                }
            }
        }
    }
}
