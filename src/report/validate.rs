//! Semantic checks of a parsed report, every problem collected in one pass.

// FxHash: validation hashes every id and sentence of a dataset, and needs no DoS resistance.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::report::model::KEY_FIGURES;
use std::ops::Range;

use crate::report::comparison::Reading;
use crate::report::diagnostic::{Diagnostic, LineIndex, Severity, Text};
use crate::report::locate::{SourceMap, Step};
use crate::report::markup::{self, MarkupError, Segment};
use crate::report::model::{ChartKind, FORMAT_VERSION, OLDEST_FORMAT_VERSION, Report};
use crate::report::quantity::{self, Quantity};

use Step::{Field, Index};

/// Warnings listed one by one; beyond this a single warning counts the rest, so that a
/// generated or copied dataset does not drown its author (or its loading time) in them.
const MAX_WARNINGS: usize = 50;

/// How many errors are listed at most; the rest are counted.
pub const MAX_ERRORS: usize = 100;

/// A path into the dataset, kept on the stack: validation builds one for every field it checks.
#[derive(Clone, Copy)]
struct Path {
    steps: [Step<'static>; 8],
    len: usize,
}

impl Path {
    fn new(steps: &[Step<'static>]) -> Self {
        Self {
            steps: [Field(""); 8],
            len: 0,
        }
        .with(steps)
    }

    /// This path followed by `rest`.
    fn with(mut self, rest: &[Step<'static>]) -> Self {
        for step in rest {
            self.steps[self.len] = *step;
            self.len += 1;
        }
        self
    }
}

impl std::ops::Deref for Path {
    type Target = [Step<'static>];

    fn deref(&self) -> &Self::Target {
        &self.steps[..self.len]
    }
}

/// The marks of the texts that diagnostics point into, found once per text (thousands of
/// diagnostics may point into one long text).
#[derive(Default)]
struct MarkCache {
    found: HashMap<usize, Option<Vec<markup::Mark>>>,
}

impl MarkCache {
    fn get(&mut self, source: &str, span: &Range<usize>) -> Option<&[markup::Mark]> {
        self.found
            .entry(span.start)
            .or_insert_with(|| markup::marks(&source[span.clone()]).ok())
            .as_deref()
    }
}

/// How to place a diagnostic once the source has been mapped.
enum Locator {
    /// The value at a path (or the nearest enclosing one, when it was left out).
    Value(Path),
    /// The n-th `**…**` mark of the text at a path.
    Mark(Path, usize),
    /// A piece of the text at a path.
    Needle(Path, String),
    /// The unpaired `**` of the text at a path.
    Markup(Path),
}

impl Locator {
    fn path(&self) -> &Path {
        match self {
            Self::Value(p) | Self::Mark(p, _) | Self::Needle(p, _) | Self::Markup(p) => p,
        }
    }
}

struct Validator<'a> {
    source: &'a str,
    /// Where each diagnostic is to be placed, worked out once at the end: a valid file never
    /// pays for it, and a large one with a few problems only reads up to the last of them.
    pending: Vec<(usize, Locator)>,
    warnings: usize,
    unlisted_warnings: usize,
    errors: usize,
    unlisted_errors: usize,
    diagnostics: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn push(
        &mut self,
        severity: Severity,
        path: &[Step<'static>],
        message: Text,
        help: Option<Text>,
    ) {
        let mut diagnostic = Diagnostic::new(severity, message);
        diagnostic.help = help;
        self.push_located(diagnostic, Locator::Value(Path::new(path)));
    }

    fn push_located(&mut self, diagnostic: Diagnostic, locator: Locator) {
        // Errors past the cap are only counted: a minified file with thousands of the same
        // mistake must be answered in a moment, and nobody reads the thousandth.
        if diagnostic.is_error() && !self.error_budget() {
            return;
        }
        self.pending.push((self.diagnostics.len(), locator));
        self.diagnostics.push(diagnostic);
    }

    /// Places every diagnostic, reading the source only as far as they need.
    fn resolve_locations(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let paths: Vec<&[Step<'_>]> = self.pending.iter().map(|(_, l)| &**l.path()).collect();
        let map = SourceMap::for_paths(self.source, &paths);
        let mut marks = MarkCache::default();
        let mut spans: Vec<(usize, Range<usize>)> = std::mem::take(&mut self.pending)
            .into_iter()
            .filter_map(|(index, locator)| Some((index, self.span(&map, &locator, &mut marks)?)))
            .collect();
        // In file order, so that many places on one long line count its characters once.
        spans.sort_by_key(|(_, span)| span.start);
        let lines = LineIndex::new(self.source);
        let mut cursor = lines.cursor();
        for (index, span) in spans {
            self.diagnostics[index].location = Some(cursor.locate(span));
        }
    }

    /// The byte span a diagnostic points at.
    fn span(
        &self,
        map: &SourceMap<'_>,
        locator: &Locator,
        marks: &mut MarkCache,
    ) -> Option<Range<usize>> {
        let value = |path: &Path| map.deepest(path).map(|(_, span)| span);
        match locator {
            Locator::Value(path) => value(path),
            Locator::Mark(path, mark) => {
                let span = map.span(path)?;
                let outer = marks.get(self.source, &span)?.get(*mark)?.outer.clone();
                Some(span.start + outer.start..span.start + outer.end)
            }
            Locator::Needle(path, needle) => {
                let span = map.span(path)?;
                let at = self.source[span.clone()]
                    .find(needle.as_str())
                    .map(|i| span.start + i)?;
                Some(at..at + needle.len())
            }
            Locator::Markup(path) => {
                let span = map.span(path)?;
                match markup::marks(&self.source[span.clone()]) {
                    Err(MarkupError::Unclosed(at) | MarkupError::Empty(at)) => {
                        Some(span.start + at..span.start + at + 2)
                    }
                    Ok(_) => value(path),
                }
            }
        }
    }

    /// Whether another error may be listed; counts the ones that may not.
    fn error_budget(&mut self) -> bool {
        if self.errors < MAX_ERRORS {
            self.errors += 1;
            true
        } else {
            self.unlisted_errors += 1;
            false
        }
    }

    /// Whether the next error would still be listed (to skip working out its help otherwise).
    fn errors_listed(&self) -> bool {
        self.errors < MAX_ERRORS
    }

    /// Whether another warning may be listed; counts the ones that may not.
    fn warning_budget(&mut self) -> bool {
        if self.warnings < MAX_WARNINGS {
            self.warnings += 1;
            true
        } else {
            self.unlisted_warnings += 1;
            false
        }
    }

    fn error(&mut self, path: &[Step<'static>], message: Text) {
        self.push(Severity::Error, path, message, None);
    }

    fn error_with_help(&mut self, path: &[Step<'static>], message: Text, help: Text) {
        self.push(Severity::Error, path, message, Some(help));
    }

    fn warning_with_help(&mut self, path: &[Step<'static>], message: Text, help: Text) {
        if self.warning_budget() {
            self.push(Severity::Warning, path, message, Some(help));
        }
    }

    /// Checks an optional English text: present means not empty, and not Chinese. `what` names
    /// the field, in English to follow "the English" and in Chinese whole (第 1 章的英文名称),
    /// since Chinese puts 英文 inside the phrase.
    fn check_english(
        &mut self,
        path: &[Step<'static>],
        value: Option<&String>,
        what: impl FnOnce() -> Text,
    ) {
        let Some(value) = value else {
            return;
        };
        if value.trim().is_empty() {
            let what = what();
            self.error_with_help(
                path,
                Text::new(
                    format!("the English {} is empty", what.en),
                    format!("{}为空", what.zh),
                ),
                Text::new(
                    "write the English, or leave the field out to show the Chinese",
                    "写上英文，或删去这个字段以显示中文",
                ),
            );
        } else if value.chars().any(is_han) {
            let what = what();
            self.warning_with_help(
                path,
                Text::new(
                    format!("the English {} contains Chinese characters", what.en),
                    format!("{}含有汉字", what.zh),
                ),
                Text::new(
                    "the English interface shows this text; the Chinese original is shown on hover",
                    "英文界面显示这段文字；鼠标悬停时显示中文原文",
                ),
            );
        }
    }

    fn require_text(&mut self, path: &[Step<'static>], value: &str, what: impl FnOnce() -> Text) {
        if value.trim().is_empty() {
            let what = what();
            self.error(
                path,
                Text::new(format!("{} is empty", what.en), format!("{}为空", what.zh)),
            );
        }
    }

    /// Checks that `id` is set and not used before by another item of the same kind.
    /// `owner` says where the id stands (chapter, initiative, figure indexes); `describe`
    /// turns such a place into words, only when there is an error to write.
    fn require_unique_id<'r>(
        &mut self,
        seen: &mut HashMap<&'r str, Owner>,
        id: &'r str,
        path: &[Step<'static>],
        kind: Kind,
        owner: Owner,
        describe: &dyn Fn(Owner) -> Text,
    ) {
        if id.trim().is_empty() {
            let owner = describe(owner);
            self.error(
                path,
                Text::new(
                    format!("the {} id of {} is empty", kind.en, owner.en),
                    format!("{}的 id 为空", owner.zh),
                ),
            );
        } else if let Some(first) = seen.get(id) {
            let first = describe(*first);
            self.error_with_help(
                path,
                Text::new(
                    format!("duplicate {} id `{id}`", kind.en),
                    format!("{} id `{id}` 重复了", kind.zh),
                ),
                Text::new(
                    format!(
                        "it is already the id of {}; every {} needs its own",
                        first.en, kind.en
                    ),
                    format!("它已是{}的 id；{}都要有自己的 id", first.zh, kind.zh_each),
                ),
            );
        } else {
            seen.insert(id, owner);
        }
    }
}

/// A kind of item that has an id, as diagnostics name it.
#[derive(Clone, Copy)]
struct Kind {
    en: &'static str,
    zh: &'static str,
    /// "every chapter", with the measure word Chinese needs.
    zh_each: &'static str,
}

const CHAPTER: Kind = Kind {
    en: "chapter",
    zh: "章",
    zh_each: "每一章",
};
const INITIATIVE: Kind = Kind {
    en: "initiative",
    zh: "举措",
    zh_each: "每项举措",
};
const FIGURE: Kind = Kind {
    en: "figure",
    zh: "数据",
    zh_each: "每个数据",
};

/// Whether a character is a Chinese (Han) character.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Where an id stands: chapter, initiative and figure indexes (as far as they apply).
type Owner = (usize, usize, usize);

/// Checks a parsed report, reading every figure's quantity on the way; with `derive`, also
/// keeps every text's segments, which the viewer needs and `huimou check` does not.
/// The search for repeated passages runs on a second core for a large report.
pub fn validate(report: &Report, source: &str, derive: bool) -> Validated {
    if report.initiative_count() < PARALLEL_FROM {
        return check(report, source, derive, || repeated_passages(report));
    }
    std::thread::scope(|scope| {
        let repeats = scope.spawn(|| repeated_passages(report));
        // A helper that panicked would be a bug; doing its work here keeps checking correct.
        check(report, source, derive, || {
            repeats.join().unwrap_or_else(|_| repeated_passages(report))
        })
    })
}

/// Reports with this many initiatives are checked (and indexed, `load`) on two cores.
pub const PARALLEL_FROM: usize = 2_000;

/// What checking found, and what it derived on the way.
#[derive(Debug)]
pub struct Validated {
    /// Errors and warnings in file order (at most about a hundred of each, then a note that
    /// counts the rest).
    pub diagnostics: Vec<Diagnostic>,
    /// How many errors and warnings were found, listed or not.
    pub totals: (usize, usize),
    /// `quantities[chapter][initiative][figure]`; `None` where the unit could not be read.
    pub quantities: Vec<Vec<Vec<Option<Quantity>>>>,
    /// Each initiative's text as segments (plain text and figures). Empty unless derived.
    pub segments: Vec<Vec<Vec<Segment>>>,
}

/// A passage of one initiative that an earlier one already printed.
struct Repeat<'r> {
    /// Chapter and initiative of the repeat.
    at: (usize, usize),
    /// Chapter and initiative that printed it first.
    first: (usize, usize),
    sentence: &'r str,
}

/// Long sentences printed in two initiatives, usually a slip in the source: the first
/// `MAX_WARNINGS` of them, and how many more there are.
fn repeated_passages(report: &Report) -> (Vec<Repeat<'_>>, usize) {
    // Sentences are kept as hashes, not texts: a large report has millions of them. A hash
    // seen before is confirmed against the sentence it was first seen for, which is found by
    // its initiative and its place in that initiative's text.
    let mut seen: HashMap<u64, FirstSeen> =
        HashMap::with_capacity_and_hasher(report.initiative_count() * 2, Default::default());
    let mut repeats = Vec::new();
    let mut more = 0;
    for (c, chapter) in report.chapters.iter().enumerate() {
        for (i, initiative) in chapter.initiatives.iter().enumerate() {
            let here = (c as u32, i as u32);
            for (offset, sentence) in sentences(&initiative.text) {
                let key = sentence_hash(sentence);
                match seen.get(&key) {
                    Some(first) if first.at != here && first.is(report, sentence) => {
                        if repeats.len() < MAX_WARNINGS {
                            repeats.push(Repeat {
                                at: (c, i),
                                first: (first.at.0 as usize, first.at.1 as usize),
                                sentence,
                            });
                        } else {
                            more += 1;
                        }
                        break;
                    }
                    Some(_) => {}
                    None => {
                        let offset = offset as u32;
                        seen.insert(key, FirstSeen { at: here, offset });
                    }
                }
            }
        }
    }
    (repeats, more)
}

/// Where a sentence was first seen: its initiative (chapter, initiative) and its byte offset
/// in the initiative's text.
struct FirstSeen {
    at: (u32, u32),
    offset: u32,
}

impl FirstSeen {
    /// Whether the sentence first seen here is `sentence` (and not one whose hash is the same).
    fn is(&self, report: &Report, sentence: &str) -> bool {
        let text = &report.chapters[self.at.0 as usize].initiatives[self.at.1 as usize].text;
        let start = self.offset as usize;
        text.get(start..start + sentence.len()) == Some(sentence)
    }
}

fn sentence_hash(sentence: &str) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = rustc_hash::FxHasher::default();
    sentence.hash(&mut hasher);
    hasher.finish()
}

/// Checks everything but repeated passages, which `repeats` supplies (perhaps from another
/// thread) once the rest is done.
fn check<'r>(
    report: &'r Report,
    source: &str,
    keep_segments: bool,
    repeats: impl FnOnce() -> (Vec<Repeat<'r>>, usize),
) -> Validated {
    let mut v = Validator {
        source,
        pending: Vec::new(),
        warnings: 0,
        unlisted_warnings: 0,
        errors: 0,
        unlisted_errors: 0,
        diagnostics: Vec::new(),
    };
    check_cover(&mut v, report);

    let initiative_count = report.initiative_count();
    let figure_count: usize = report
        .chapters
        .iter()
        .flat_map(|c| &c.initiatives)
        .map(|i| i.figures.len())
        .sum();
    let mut ids = Ids {
        chapters: HashMap::default(),
        initiatives: HashMap::with_capacity_and_hasher(initiative_count, Default::default()),
        figures: HashMap::with_capacity_and_hasher(figure_count, Default::default()),
    };
    // quantities[chapter][initiative][figure]; `None` where the unit could not be read.
    let mut quantities: Vec<Vec<Vec<Option<Quantity>>>> = Vec::with_capacity(report.chapters.len());
    let mut segments = Vec::with_capacity(report.chapters.len());
    for c in 0..report.chapters.len() {
        let (chapter_quantities, chapter_segments) =
            check_chapter(&mut v, report, c, &mut ids, keep_segments);
        segments.push(chapter_segments);
        quantities.push(chapter_quantities);
    }

    let (repeats, repeats_unlisted) = repeats();
    report_repeats(&mut v, report, repeats);
    v.unlisted_warnings += repeats_unlisted;

    // Charts are checked once every figure is known, since they may name figures of any chapter.
    for (c, chapter) in report.chapters.iter().enumerate() {
        for (k, chart) in chapter.charts.iter().enumerate() {
            check_chart(&mut v, (c, k), chart, &ids.figures, &quantities, report);
        }
        check_key_figures(&mut v, c, &chapter.key_figures, &ids.figures);
    }

    let (diagnostics, totals) = v.finish();
    Validated {
        diagnostics,
        totals,
        quantities,
        segments,
    }
}

/// The ids seen so far of each kind, with where each stands.
struct Ids<'r> {
    chapters: HashMap<&'r str, Owner>,
    initiatives: HashMap<&'r str, Owner>,
    figures: HashMap<&'r str, Owner>,
}

impl Validator<'_> {
    /// Places the diagnostics and puts them in order, errors first, each in file order; says
    /// how many of each kind were found, listed or not.
    fn finish(mut self) -> (Vec<Diagnostic>, (usize, usize)) {
        self.resolve_locations();
        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        diagnostics.sort_by_key(|d| {
            (
                std::cmp::Reverse(d.severity),
                d.location.as_ref().map_or((0, 0), |l| (l.line, l.column)),
            )
        });
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let totals = (
            errors + self.unlisted_errors,
            diagnostics.len() - errors + self.unlisted_warnings,
        );
        // What was not listed is said after the last of its kind.
        if self.unlisted_errors > 0 {
            let at = diagnostics.partition_point(Diagnostic::is_error);
            let n = self.unlisted_errors;
            diagnostics.insert(
                at,
                Diagnostic::error(
                    format!("and {n} more errors, not listed; fix the ones above and check again"),
                    format!("另有 {n} 个错误未列出；请改正以上错误后再检查"),
                ),
            );
        }
        if self.unlisted_warnings > 0 {
            let n = self.unlisted_warnings;
            diagnostics.push(Diagnostic::warning(
                format!("{n} more warnings are not listed; fix the ones above and check again"),
                format!("另有 {n} 条警告未列出；请处理以上警告后再检查"),
            ));
        }
        (diagnostics, totals)
    }
}

/// The report's own fields: its format version, its title, that it has chapters.
fn check_cover(v: &mut Validator<'_>, report: &Report) {
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&report.format_version) {
        let help = if report.format_version > FORMAT_VERSION {
            Text::new(
                "this dataset was written for a newer Huimou; update Huimou to open it",
                "这个数据集是为更新版本的回眸编写的；请更新回眸后再打开",
            )
        } else {
            Text::new(
                format!("set `format_version: {FORMAT_VERSION}`"),
                format!("请改为 `format_version: {FORMAT_VERSION}`"),
            )
        };
        let version = report.format_version;
        v.error_with_help(
            &[Field("format_version")],
            Text::new(
                format!(
                    "format version {version} is not one this Huimou reads (it reads versions {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION})"
                ),
                format!(
                    "这个版本的回眸读不了格式版本 {version}（它读取版本 {OLDEST_FORMAT_VERSION} 至 {FORMAT_VERSION}）"
                ),
            ),
            help,
        );
    }
    v.require_text(&[Field("title")], &report.title, || {
        Text::new("the report's title", "报告标题")
    });
    v.check_english(&[Field("title_en")], report.title_en.as_ref(), || {
        Text::new("title of the report", "报告的英文标题")
    });
    if report.chapters.is_empty() {
        v.error_with_help(
            &[Field("chapters")],
            Text::new("the report has no chapters", "报告没有任何章"),
            Text::new(
                "add at least one chapter: `chapters: [(id: \"…\", number: 1, …)]`",
                "至少添加一章：`chapters: [(id: \"…\", number: 1, …)]`",
            ),
        );
    }
}

/// Chapter `c` as diagnostics name it: its number and name.
fn describe_chapter(report: &Report, (c, _, _): Owner) -> Text {
    let name = &report.chapters[c].name;
    Text::new(
        format!("chapter {} ({name})", c + 1),
        format!("第 {} 章「{name}」", c + 1),
    )
}

/// An initiative as diagnostics name it: its place in its chapter.
fn describe_initiative((c, i, _): Owner) -> Text {
    Text::new(
        format!("initiative {} of chapter {}", i + 1, c + 1),
        format!("第 {} 章第 {} 项举措", c + 1, i + 1),
    )
}

/// A figure as diagnostics name it: its place in its initiative, named by its title.
fn describe_figure(report: &Report, (c, i, f): Owner) -> Text {
    let title = &report.chapters[c].initiatives[i].title;
    Text::new(
        format!("figure {} of 「{title}」", f + 1),
        format!("「{title}」的第 {} 个数据", f + 1),
    )
}

/// Checks chapter `c` and its initiatives; returns the quantities of its figures and, when
/// `keep_segments`, how its texts split around their marks.
fn check_chapter<'r>(
    v: &mut Validator<'_>,
    report: &'r Report,
    c: usize,
    ids: &mut Ids<'r>,
    keep_segments: bool,
) -> (Vec<Vec<Option<Quantity>>>, Vec<Vec<Segment>>) {
    check_chapter_fields(v, report, c, &mut ids.chapters);
    let chapter = &report.chapters[c];
    let mut titles: HashMap<&str, usize> = HashMap::default();
    let mut chapter_segments = Vec::with_capacity(chapter.initiatives.len());
    let mut chapter_quantities = Vec::with_capacity(chapter.initiatives.len());
    for i in 0..chapter.initiatives.len() {
        let (initiative_quantities, initiative_segments) =
            check_initiative(v, report, (c, i), ids, &mut titles);
        // Only the viewer draws segments; `check` does not keep them.
        if keep_segments {
            chapter_segments.push(initiative_segments);
        }
        chapter_quantities.push(initiative_quantities);
    }
    (chapter_quantities, chapter_segments)
}

/// Chapter `c`'s own fields: its id, number, name and headline (and their English), and that
/// it has initiatives.
fn check_chapter_fields<'r>(
    v: &mut Validator<'_>,
    report: &'r Report,
    c: usize,
    chapter_ids: &mut HashMap<&'r str, Owner>,
) {
    let chapter = &report.chapters[c];
    let base = Path::new(&[Field("chapters"), Index(c)]);
    let at = |rest: &[Step<'static>]| base.with(rest);
    let owner = (c, 0, 0);
    let describe = |owner: Owner| describe_chapter(report, owner);
    let n = c + 1;
    v.require_unique_id(
        chapter_ids,
        &chapter.id,
        &at(&[Field("id")]),
        CHAPTER,
        owner,
        &describe,
    );
    let expected = u32::try_from(n).unwrap_or(u32::MAX);
    if chapter.number != expected {
        v.error_with_help(
            &at(&[Field("number")]),
            Text::new(
                format!("the chapter in position {n} is numbered {}", chapter.number),
                format!("排在第 {n} 位的章编号为 {}", chapter.number),
            ),
            Text::new(
                format!("chapters are numbered 1, 2, 3 … in the order they appear; this one is {expected}"),
                format!("章按出现的顺序编号为 1、2、3 …；这一章应为 {expected}"),
            ),
        );
    }
    v.require_text(&at(&[Field("name")]), &chapter.name, || {
        Text::new(
            format!("the name of chapter {n}"),
            format!("第 {n} 章的名称"),
        )
    });
    v.require_text(&at(&[Field("headline")]), &chapter.headline, || {
        let here = describe(owner);
        Text::new(
            format!("the headline of {}", here.en),
            format!("{}的提要", here.zh),
        )
    });
    v.check_english(&at(&[Field("name_en")]), chapter.name_en.as_ref(), || {
        Text::new(
            format!("name of chapter {n}"),
            format!("第 {n} 章的英文名称"),
        )
    });
    v.check_english(
        &at(&[Field("headline_en")]),
        chapter.headline_en.as_ref(),
        || {
            Text::new(
                format!("headline of chapter {n}"),
                format!("第 {n} 章的英文提要"),
            )
        },
    );
    if chapter.initiatives.is_empty() {
        let here = describe(owner);
        v.warning_with_help(
            &at(&[Field("initiatives")]),
            Text::new(
                format!("{} has no initiatives", here.en),
                format!("{}没有举措", here.zh),
            ),
            Text::new(
                "its panel will only show its headline",
                "它的面板只会显示提要",
            ),
        );
    }
}

/// Checks initiative `i` of chapter `c`, its figures and its marks. `titles`: the titles of the
/// chapter's initiatives before it, with their indexes.
fn check_initiative<'r>(
    v: &mut Validator<'_>,
    report: &'r Report,
    (c, i): (usize, usize),
    ids: &mut Ids<'r>,
    titles: &mut HashMap<&'r str, usize>,
) -> (Vec<Option<Quantity>>, Vec<Segment>) {
    let initiative = &report.chapters[c].initiatives[i];
    let base = Path::new(&[Field("chapters"), Index(c), Field("initiatives"), Index(i)]);
    let at = |rest: &[Step<'static>]| base.with(rest);
    let owner = (c, i, 0);
    v.require_unique_id(
        &mut ids.initiatives,
        &initiative.id,
        &at(&[Field("id")]),
        INITIATIVE,
        owner,
        &describe_initiative,
    );
    // Named only when there is something to say: formatting it for every initiative of a
    // large report took a tenth of checking it.
    let of_here = |en: &str, zh: &str| {
        let here = describe_initiative(owner);
        Text::new(format!("{en} of {}", here.en), format!("{}的{zh}", here.zh))
    };
    v.require_text(&at(&[Field("title")]), &initiative.title, || {
        of_here("the title", "标题")
    });
    v.require_text(&at(&[Field("text")]), &initiative.text, || {
        of_here("the text", "正文")
    });
    v.check_english(
        &at(&[Field("title_en")]),
        initiative.title_en.as_ref(),
        || of_here("title", "英文标题"),
    );
    if let Some(first) = titles
        .insert(&initiative.title, i)
        .filter(|_| !initiative.title.trim().is_empty())
    {
        let title = &initiative.title;
        v.warning_with_help(
            &at(&[Field("title")]),
            Text::new(
                format!(
                    "two initiatives of chapter {} are both titled 「{title}」",
                    c + 1
                ),
                format!("第 {} 章有两项举措的标题都是「{title}」", c + 1),
            ),
            Text::new(
                format!("initiative {} has the same title", first + 1),
                format!("第 {} 项举措的标题与它相同", first + 1),
            ),
        );
    }
    let quantities: Vec<Option<Quantity>> = (0..initiative.figures.len())
        .map(|f| check_figure(v, report, (c, i, f), &mut ids.figures))
        .collect();
    let segments = link_marks(
        v,
        at(&[Field("text")]),
        at(&[Field("figures")]),
        initiative,
        &quantities,
    );
    (quantities, segments)
}

/// Checks a figure: its id, label, value and unit; returns its quantity when its unit reads.
fn check_figure<'r>(
    v: &mut Validator<'_>,
    report: &'r Report,
    owner: Owner,
    figure_ids: &mut HashMap<&'r str, Owner>,
) -> Option<Quantity> {
    let (c, i, f) = owner;
    let figure = &report.chapters[c].initiatives[i].figures[f];
    let base = Path::new(&[
        Field("chapters"),
        Index(c),
        Field("initiatives"),
        Index(i),
        Field("figures"),
        Index(f),
    ]);
    let at = |rest: &[Step<'static>]| base.with(rest);
    let describe = |owner: Owner| describe_figure(report, owner);
    v.require_unique_id(
        figure_ids,
        &figure.id,
        &at(&[Field("id")]),
        FIGURE,
        owner,
        &describe,
    );
    v.require_text(&at(&[Field("label")]), &figure.label, || {
        let here = describe(owner);
        Text::new(
            format!("the label of {}", here.en),
            format!("{}的标签", here.zh),
        )
    });
    v.check_english(&at(&[Field("label_en")]), figure.label_en.as_ref(), || {
        let here = describe(owner);
        Text::new(
            format!("label of {}", here.en),
            format!("{}的英文标签", here.zh),
        )
    });
    if figure.label_guessed {
        warn_label_guessed(v, &at(&[Field("label_guessed")]), figure);
    }
    check_period_en(v, &at(&[Field("period_en")]), figure, || describe(owner));
    check_value(v, &at(&[Field("value")]), figure);
    let quantity = check_unit(v, at, figure)?.up_to(figure.value_to);
    check_numeral(v, at, figure, &quantity);
    Some(quantity)
}

/// A value, or a range from it to `to` (3–5), as a diagnostic says it.
fn value_or_range(value: f64, to: Option<f64>) -> String {
    let value = quantity::format_written(value);
    match to {
        Some(to) => format!("{value}–{}", quantity::format_written(to)),
        None => value,
    }
}

/// A range's upper end above its value, written as the text writes it; a numeral that reads as
/// the figure's value (and upper end) in its unit's terms, so what is shown is what is counted.
fn check_numeral(
    v: &mut Validator<'_>,
    at: impl Fn(&[Step<'static>]) -> Path,
    figure: &crate::report::model::Figure,
    quantity: &Quantity,
) {
    let id = &figure.id;
    if let Some(to) = figure.value_to
        && !(to.is_finite() && to > figure.value)
    {
        let value = quantity::format_written(figure.value);
        v.error(
            &at(&[Field("value_to")]),
            Text::new(
                format!("the range of figure `{id}` ends at {to}, not above its value {value}"),
                format!("数据 `{id}` 的范围终点 {to} 不大于起点 {value}"),
            ),
        );
        return;
    }
    let Some(numeral) = figure.numeral.as_deref() else {
        if let Some(to) = figure.value_to {
            let (value, to) = (
                quantity::format_written(figure.value),
                quantity::format_written(to),
            );
            v.error_with_help(
                &at(&[Field("value_to")]),
                Text::new(
                    format!("figure `{id}` is a range with no `numeral` to show it as written"),
                    format!("数据 `{id}` 是一个范围，却没有照原文写法的 `numeral`"),
                ),
                Text::new(
                    format!("write it as the text does, e.g. `numeral: \"{value}至{to}\"`"),
                    format!("照原文写上，例如 `numeral: \"{value}至{to}\"`"),
                ),
            );
        }
        return;
    };
    let read = markup::read_numeral(numeral, &figure.unit, quantity.magnitude);
    if read.is_some_and(|n| n.value == figure.value && n.value_to == figure.value_to) {
        return;
    }
    let value = value_or_range(figure.value, figure.value_to);
    let unit = &figure.unit;
    let (en, zh) = match read {
        Some(n) => {
            let said = value_or_range(n.value, n.value_to);
            (
                format!(
                    "the numeral 「{numeral}」 of figure `{id}` reads {said} {unit}, but its value is {value}"
                ),
                format!("数据 `{id}` 的写法「{numeral}」读作 {said}{unit}，但它的值是 {value}"),
            )
        }
        None => (
            format!(
                "the numeral 「{numeral}」 of figure `{id}` is not a number Huimou can read for certain"
            ),
            format!("数据 `{id}` 的写法「{numeral}」不是回眸能确定读出的数"),
        ),
    };
    v.error_with_help(
        &at(&[Field("numeral")]),
        Text::new(en, zh),
        Text::new(
            "a numeral is written as in the text: 1万6千, 3至5, 3%-5 (before the unit %)",
            "照原文写：1万6千、3至5、3%-5（单位 % 另写）",
        ),
    );
}

/// A figure's English period: not empty, no Chinese, and only beside a `period` (without one
/// nothing would show it).
fn check_period_en(
    v: &mut Validator<'_>,
    path: &[Step<'static>],
    figure: &crate::report::model::Figure,
    describe: impl Fn() -> Text,
) {
    v.check_english(path, figure.period_en.as_ref(), || {
        let here = describe();
        Text::new(
            format!("period of {}", here.en),
            format!("{}的英文时间", here.zh),
        )
    });
    if figure.period_en.is_some() && figure.period.is_none() {
        let here = describe();
        v.warning_with_help(
            path,
            Text::new(
                format!(
                    "{} has an English period but no `period`: it is not shown",
                    here.en
                ),
                format!(
                    "{}有英文时间（period_en）却没有时间（period）：不会显示",
                    here.zh
                ),
            ),
            Text::new(
                "write the period as the text gives it in `period`, or delete `period_en`",
                "在 `period` 中写上原文的时间，或删去 `period_en`",
            ),
        );
    }
}

/// An imported figure's label is the importer's guess until its author deletes the flag, so
/// that no guessed word reaches a chart or a slide unread.
fn warn_label_guessed(
    v: &mut Validator<'_>,
    path: &[Step<'static>],
    figure: &crate::report::model::Figure,
) {
    let (id, label) = (&figure.id, &figure.label);
    v.warning_with_help(
        path,
        Text::new(
            format!("label guessed; confirm 「{label}」 (figure `{id}`)"),
            format!("数据名称是猜的，请确认：「{label}」（数据 `{id}`）"),
        ),
        Text::new(
            "correct the label if it is wrong, then delete `label_guessed: true`",
            "名称不对就改正，然后删去 `label_guessed: true`",
        ),
    );
}

/// A figure's value is a finite number, not negative.
fn check_value(
    v: &mut Validator<'_>,
    path: &[Step<'static>],
    figure: &crate::report::model::Figure,
) {
    let id = &figure.id;
    if figure.value.is_nan() {
        v.error(
            path,
            Text::new(
                format!("the value of figure `{id}` is not a number (NaN)"),
                format!("数据 `{id}` 的值不是数字（NaN）"),
            ),
        );
    } else if figure.value.is_infinite() {
        v.error(
            path,
            Text::new(
                format!("the value of figure `{id}` is infinite"),
                format!("数据 `{id}` 的值为无穷大"),
            ),
        );
    } else if figure.value < 0.0 {
        let value = figure.value;
        v.error_with_help(
            path,
            Text::new(
                format!("the value of figure `{id}` is negative ({value})"),
                format!("数据 `{id}` 的值为负数（{value}）"),
            ),
            Text::new(
                "reports state counts and amounts; write a decrease as a positive figure and say so in its label",
                "报告陈述的是数量和金额；减少量请写成正数，并在标签中说明",
            ),
        );
    }
}

/// A figure's prefix and unit read as a quantity, with a counter Huimou knows (warned when
/// not); `at` makes the path of one of the figure's fields.
fn check_unit(
    v: &mut Validator<'_>,
    at: impl Fn(&[Step<'static>]) -> Path,
    figure: &crate::report::model::Figure,
) -> Option<Quantity> {
    let id = &figure.id;
    match Quantity::parse(figure.prefix.as_deref(), figure.value, &figure.unit) {
        Ok(quantity) => {
            if !quantity.has_known_counter() {
                let counter = &quantity.base_unit;
                let known = quantity::KNOWN_COUNTERS.join(" ");
                v.warning_with_help(
                    &at(&[Field("unit")]),
                    Text::new(
                        format!("Huimou does not know the counter 「{counter}」 of figure `{id}`"),
                        format!("回眸不认识数据 `{id}` 的量词「{counter}」"),
                    ),
                    Text::new(
                        format!("it is shown as written; the known counters are {known}"),
                        format!("它会照原样显示；已知的量词有：{known}"),
                    ),
                );
            }
            Some(quantity)
        }
        Err(e) => {
            let field = if matches!(e, quantity::UnitError::UnknownPrefix(_)) {
                "prefix"
            } else {
                "unit"
            };
            v.error(
                &at(&[Field(field)]),
                Text::new(
                    format!("figure `{id}`: {e}"),
                    format!("数据 `{id}`：{}", e.chinese()),
                ),
            );
            None
        }
    }
}

/// Warns of passages an earlier initiative already printed, at the repeat.
fn report_repeats(v: &mut Validator<'_>, report: &Report, repeats: Vec<Repeat<'_>>) {
    for repeat in repeats {
        if !v.warning_budget() {
            continue;
        }
        let first_title = &report.chapters[repeat.first.0].initiatives[repeat.first.1].title;
        let chapter = repeat.first.0 + 1;
        let diagnostic = Diagnostic::warning(
            format!("this passage is repeated from 「{first_title}」 (chapter {chapter})"),
            format!("这段文字与第 {chapter} 章「{first_title}」中的重复"),
        )
        .with_help(
            "a paragraph printed twice is usually a slip in the source; check which initiative it belongs to",
            "同一段文字出现两次，通常是原文的疏漏；请核对它属于哪项举措",
        );
        let text = Path::new(&[
            Field("chapters"),
            Index(repeat.at.0),
            Field("initiatives"),
            Index(repeat.at.1),
            Field("text"),
        ]);
        v.push_located(
            diagnostic,
            Locator::Needle(text, repeat.sentence.to_owned()),
        );
    }
}

/// Checks chart `k` of chapter `c`: its title, that it names known figures of one base unit,
/// as many as its kind shows, and what its kind means (a part no larger than its whole; one
/// measure at two times).
fn check_chart(
    v: &mut Validator<'_>,
    (c, k): (usize, usize),
    chart: &crate::report::model::Chart,
    figure_ids: &HashMap<&str, Owner>,
    quantities: &[Vec<Vec<Option<Quantity>>>],
    report: &Report,
) {
    let base = Path::new(&[Field("chapters"), Index(c), Field("charts"), Index(k)]);
    let at = |rest: &[Step<'static>]| base.with(rest);
    let (kn, cn) = (k + 1, c + 1);
    v.require_text(&at(&[Field("title")]), &chart.title, || {
        Text::new(
            format!("the title of chart {kn} of chapter {cn}"),
            format!("第 {cn} 章第 {kn} 个图表的标题"),
        )
    });
    v.check_english(&at(&[Field("title_en")]), chart.title_en.as_ref(), || {
        Text::new(
            format!("title of chart {kn} of chapter {cn}"),
            format!("第 {cn} 章第 {kn} 个图表的英文标题"),
        )
    });
    let name = if chart.title.trim().is_empty() {
        Text::new(format!("chart {kn}"), format!("第 {kn} 个图表"))
    } else {
        Text::new(
            format!("chart 「{}」", chart.title),
            format!("图表「{}」", chart.title),
        )
    };
    if chart.figures.is_empty() {
        v.error(
            &at(&[Field("figures")]),
            Text::new(
                format!("{} shows no figures", name.en),
                format!("{}没有显示任何数据", name.zh),
            ),
        );
        return;
    }
    check_chart_count(v, &at(&[Field("figures")]), &name, chart);
    let (units, values) = chart_figures(v, base, &name, chart, figure_ids, quantities);
    check_chart_units(
        v,
        &at(&[Field("figures")]),
        &name,
        chart.kind,
        (&units, &values),
    );
    if chart.kind == ChartKind::Comparison {
        check_comparison(
            v,
            &at(&[Field("figures")]),
            &name,
            (chart, figure_ids),
            (report, quantities),
        );
    }
}

/// A chart's base counters with the ids of their figures, and its figures' values in base
/// units; reports figures named twice and ids no figure has.
fn chart_figures<'c>(
    v: &mut Validator<'_>,
    base: Path,
    name: &Text,
    chart: &'c crate::report::model::Chart,
    figure_ids: &HashMap<&str, Owner>,
    quantities: &'c [Vec<Vec<Option<Quantity>>>],
) -> (Vec<(&'c str, Vec<&'c str>)>, Vec<f64>) {
    let at = |rest: &[Step<'static>]| base.with(rest);
    let mut seen = HashSet::default();
    let mut units: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut values = Vec::new();
    for (j, id) in chart.figures.iter().enumerate() {
        if !seen.insert(id.as_str()) {
            v.warning_with_help(
                &at(&[Field("figures"), Index(j)]),
                Text::new(
                    format!("{} shows figure `{id}` twice", name.en),
                    format!("{}两次显示数据 `{id}`", name.zh),
                ),
                Text::new(
                    "each figure needs to appear only once",
                    "每个数据只需出现一次",
                ),
            );
        }
        let Some(&(fc, fi, ff)) = figure_ids.get(id.as_str()) else {
            let message = Text::new(
                format!("{} names figure `{id}`, but no figure has that id", name.en),
                format!("{}引用了数据 `{id}`，但没有数据使用这个 id", name.zh),
            );
            let help = unknown_id_help(v, id, figure_ids);
            v.error_with_help(&at(&[Field("figures"), Index(j)]), message, help);
            continue;
        };
        if let Some(quantity) = quantities[fc][fi][ff].as_ref() {
            if quantity.is_range() {
                // A bar at either end, or between them, would say a number the text never said.
                v.error_with_help(
                    &at(&[Field("figures"), Index(j)]),
                    Text::new(
                        format!("{} draws figure `{id}`, a range, as one value", name.en),
                        format!("{}把数据 `{id}`（一个范围）画成了一个值", name.zh),
                    ),
                    Text::new(
                        "a range is shown in the text and the table; take it out of the chart",
                        "范围在正文和数据一览中照原文显示；请把它移出图表",
                    ),
                );
            }
            values.push(quantity.base_value);
            // 個 and 个 are one counter: compared in simplified form.
            match units.iter_mut().find(|(u, _)| *u == quantity.counter) {
                Some((_, ids)) => ids.push(id),
                None => units.push((&quantity.counter, vec![id])),
            }
        }
    }
    (units, values)
}

/// A comparison or progress chart shows exactly as many figures as its kind draws.
fn check_chart_count(
    v: &mut Validator<'_>,
    path: &[Step<'static>],
    name: &Text,
    chart: &crate::report::model::Chart,
) {
    let Some(required) = chart.kind.required_figures() else {
        return;
    };
    let count = chart.figures.len();
    if count == required {
        return;
    }
    let kind_zh = match chart.kind {
        ChartKind::Comparison => "对比图（Comparison）",
        ChartKind::Progress => "进度图（Progress）",
        ChartKind::Bars => "柱状图（Bars）",
    };
    v.error_with_help(
        path,
        Text::new(
            format!(
                "{} is a {:?} chart, which shows exactly {required} figures, not {count}",
                name.en, chart.kind
            ),
            format!(
                "{}是{kind_zh}，只能显示 {required} 个数据，而不是 {count} 个",
                name.zh
            ),
        ),
        match chart.kind {
            ChartKind::Comparison => Text::new(
                "a comparison shows exactly two figures: before, then after",
                "对比图正好显示两个数据：先写之前的，再写之后的",
            ),
            _ => Text::new(
                "a progress chart shows exactly two figures: the part, then the whole",
                "进度图正好显示两个数据：先写部分，再写整体",
            ),
        },
    );
}

/// What to say about an id that names no figure: the nearest known id, looked for only while
/// errors are still listed.
fn unknown_id_help(v: &Validator<'_>, id: &str, figure_ids: &HashMap<&str, Owner>) -> Text {
    let near = v
        .errors_listed()
        .then(|| closest_id(id, figure_ids.keys().copied()))
        .flatten();
    match near {
        Some(near) => Text::new(
            format!("did you mean `{near}`?"),
            format!("是不是要写 `{near}`？"),
        ),
        None => Text::new(
            "check the id against the figures' `id` fields",
            "请对照各数据的 `id` 字段检查",
        ),
    }
}

/// A chart's figures share one base unit (個 and 个 are one), and a progress chart's part is no
/// larger than its whole. `units`: each counter with the ids of its figures.
fn check_chart_units(
    v: &mut Validator<'_>,
    path: &[Step<'static>],
    name: &Text,
    kind: ChartKind,
    (units, values): (&[(&str, Vec<&str>)], &[f64]),
) {
    if units.len() > 1 {
        let listed_en: Vec<String> = units
            .iter()
            .map(|(unit, ids)| {
                format!(
                    "「{}」 ({})",
                    if unit.is_empty() { "no unit" } else { unit },
                    ids.join(", ")
                )
            })
            .collect();
        let listed_zh: Vec<String> = units
            .iter()
            .map(|(unit, ids)| {
                let ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
                let unit = if unit.is_empty() { "无单位" } else { unit };
                format!("「{unit}」（{}）", ids.join("、"))
            })
            .collect();
        v.error_with_help(
            path,
            Text::new(
                format!("{} mixes units: {}", name.en, listed_en.join(" and ")),
                format!("{}混用了单位：{}", name.zh, listed_zh.join("和")),
            ),
            Text::new(
                "a chart compares figures of one base unit; split it into one chart per unit",
                "一个图表只比较同一基本单位的数据；请按单位拆成几个图表",
            ),
        );
    } else if kind == ChartKind::Progress && values.len() == 2 && values[0] > values[1] {
        let (part, whole) = (values[0], values[1]);
        v.error_with_help(
            path,
            Text::new(
                format!(
                    "{} shows a part ({part}) larger than its whole ({whole})",
                    name.en
                ),
                format!("{}中部分（{part}）大于整体（{whole}）", name.zh),
            ),
            Text::new("list the part first, then the whole", "先写部分，再写整体"),
        );
    }
}

/// A chapter's `key_figures` name known figures, each once, no more than are shown.
fn check_key_figures(
    v: &mut Validator<'_>,
    c: usize,
    ids: &[String],
    figure_ids: &HashMap<&str, Owner>,
) {
    let base = Path::new(&[Field("chapters"), Index(c), Field("key_figures")]);
    let n = c + 1;
    let mut seen = HashSet::default();
    for (j, id) in ids.iter().enumerate() {
        let path = base.with(&[Index(j)]);
        if !figure_ids.contains_key(id.as_str()) {
            let help = unknown_id_help(v, id, figure_ids);
            v.error_with_help(
                &path,
                Text::new(
                    format!("chapter {n} names key figure `{id}`, but no figure has that id"),
                    format!("第 {n} 章把 `{id}` 列为重点数据，但没有数据使用这个 id"),
                ),
                help,
            );
        } else if !seen.insert(id.as_str()) {
            v.warning_with_help(
                &path,
                Text::new(
                    format!("chapter {n} names key figure `{id}` twice"),
                    format!("第 {n} 章两次把 `{id}` 列为重点数据"),
                ),
                Text::new("each key figure is shown once", "每个重点数据只显示一次"),
            );
        }
    }
    if ids.len() > KEY_FIGURES {
        let count = ids.len();
        v.warning_with_help(
            &base.with(&[Index(KEY_FIGURES)]),
            Text::new(
                format!(
                    "chapter {n} names {count} key figures; the overview and slides show the first {KEY_FIGURES}"
                ),
                format!("第 {n} 章列了 {count} 个重点数据；概览和幻灯片只显示前 {KEY_FIGURES} 个"),
            ),
            Text::new(
                format!("keep the {KEY_FIGURES} that matter most"),
                format!("保留最重要的 {KEY_FIGURES} 个"),
            ),
        );
    }
}

/// A comparison shows one measure at two times (`comparison::one_measure_at_two_times`): two
/// figures with different labels and no periods are most likely two categories, whose
/// "change" means nothing; the viewer shows them side by side, and `check` says so.
fn check_comparison(
    v: &mut Validator<'_>,
    path: &[Step<'static>],
    name: &Text,
    (chart, figure_ids): (&crate::report::model::Chart, &HashMap<&str, Owner>),
    (report, quantities): (&Report, &[Vec<Vec<Option<Quantity>>>]),
) {
    let readings: Vec<Reading<'_>> = chart
        .figures
        .iter()
        .filter_map(|id| figure_ids.get(id.as_str()))
        .filter_map(|&(c, i, f)| {
            let figure = &report.chapters[c].initiatives[i].figures[f];
            let quantity = quantities.get(c)?.get(i)?.get(f)?.as_ref()?;
            Some(Reading::of(figure, quantity))
        })
        .collect();
    let [before, after] = readings[..] else {
        return;
    };
    if !crate::report::comparison::one_measure_at_two_times(&before, &after) {
        let (a, b) = (before.label, after.label);
        v.warning_with_help(
            path,
            Text::new(
                format!(
                    "{} compares 「{a}」 with 「{b}」: a comparison shows one measure at two times",
                    name.en
                ),
                format!(
                    "{}把「{a}」和「{b}」对比：对比图显示的是同一指标在两个时间的值",
                    name.zh
                ),
            ),
            Text::new(
                "give both figures a `period` (e.g. period: Some(\"2012\")), or make it a Bars chart",
                "给两个数据都加上 `period`（如 `period: Some(\"2012\")`），或改用柱状图 `Bars`",
            ),
        );
    }
}

/// What to say about an initiative's figures when a mark matches none of them: the first few.
fn figures_help(initiative: &crate::report::model::Initiative) -> Text {
    const LISTED: usize = 8;
    let figures = &initiative.figures;
    if figures.is_empty() {
        return Text::new(
            "this initiative lists no figures; add one under `figures`",
            "这项举措没有列出数据；请在 `figures` 下添加",
        );
    }
    let shown = figures.iter().take(LISTED);
    let shown_en: Vec<String> = shown
        .clone()
        .map(|f| format!("{} ({})", quantity::format_written(f.value), f.label))
        .collect();
    let shown_zh: Vec<String> = shown
        .map(|f| format!("{}（{}）", quantity::format_written(f.value), f.label))
        .collect();
    let more = figures.len().saturating_sub(LISTED);
    let (more_en, more_zh) = if more > 0 {
        (format!(" and {more} more"), format!("，另有 {more} 个"))
    } else {
        (String::new(), String::new())
    };
    Text::new(
        format!("its figures are: {}{more_en}", shown_en.join(", ")),
        format!("它的数据有：{}{more_zh}", shown_zh.join("、")),
    )
}

/// Links each `**…**` mark of an initiative's text to the figure it shows, reporting marks
/// that show no figure and figures that no mark shows.
fn link_marks(
    v: &mut Validator<'_>,
    text_path: Path,
    figures_path: Path,
    initiative: &crate::report::model::Initiative,
    quantities: &[Option<Quantity>],
) -> Vec<Segment> {
    let text = &initiative.text;
    let whole = vec![Segment {
        range: 0..text.len(),
        figure: None,
    }];
    let marks = match markup::marks(text) {
        Ok(marks) => marks,
        Err(e) => {
            v.push_located(
                markup_diagnostic(&e, initiative),
                Locator::Markup(text_path),
            );
            return whole;
        }
    };
    // A figure whose value is already reported as NaN or infinite cannot match its mark;
    // saying so again for the mark would only bury the real error.
    if initiative.figures.iter().any(|f| !f.value.is_finite()) {
        return markup::segments(text, &marks, &vec![None; marks.len()]);
    }
    let mut taken = vec![false; initiative.figures.len()];
    // The figures of each value in order, so that each mark finds its figure at once even when
    // thousands of figures share a value.
    let mut by_value: HashMap<u64, std::collections::VecDeque<usize>> = HashMap::default();
    // A figure with a numeral (1万6千, 3至5) is shown by the mark that writes it so.
    let mut by_numeral: HashMap<&str, std::collections::VecDeque<usize>> = HashMap::default();
    for (j, figure) in initiative.figures.iter().enumerate() {
        match figure.numeral.as_deref() {
            Some(numeral) => by_numeral.entry(numeral.trim()).or_default().push_back(j),
            None => by_value
                .entry((figure.value + 0.0).to_bits())
                .or_default()
                .push_back(j),
        }
    }
    let mut linked = Vec::with_capacity(marks.len());
    for (k, mark) in marks.iter().enumerate() {
        let content = &text[mark.inner.clone()];
        let number = markup::mark_number(content);
        let written = by_numeral
            .get_mut(content.trim())
            .and_then(std::collections::VecDeque::pop_front);
        let found = written.or_else(|| {
            let (value, percent) = number?;
            let candidates = by_value.get_mut(&(value + 0.0).to_bits())?;
            let at = candidates.iter().position(|&j| {
                quantities
                    .get(j)
                    .and_then(Option::as_ref)
                    .is_none_or(|q| q.is_percent() == percent || !percent)
            })?;
            candidates.remove(at)
        });
        // A range whose figure forgot its numeral is still its figure's mark: the figure's
        // own error says what is missing, and only that.
        let found = found.or_else(|| {
            let unwritten = |j: usize| {
                let figure = &initiative.figures[j];
                let magnitude = quantities.get(j)?.as_ref()?.magnitude;
                let read = markup::read_numeral(content, &figure.unit, magnitude)?;
                (figure.numeral.is_none()
                    && figure.value_to.is_some()
                    && (read.value, read.value_to) == (figure.value, figure.value_to))
                    .then_some(j)
            };
            let j = (0..initiative.figures.len()).find_map(unwritten)?;
            let candidates = by_value.get_mut(&(initiative.figures[j].value + 0.0).to_bits())?;
            let at = candidates.iter().position(|&k| k == j)?;
            candidates.remove(at)
        });
        if let Some(j) = found {
            taken[j] = true;
        } else if v.errors_listed() {
            v.push_located(
                unmatched_mark(content, number.is_some(), initiative),
                Locator::Mark(text_path, k),
            );
        } else {
            v.unlisted_errors += 1;
        }
        linked.push(found);
    }
    check_stated_status(v, &figures_path, initiative, (&marks, &linked));
    // An empty text is reported once; every figure missing from it would say the same again.
    if !text.trim().is_empty() {
        for (j, figure) in initiative.figures.iter().enumerate() {
            if !taken[j] {
                report_unmarked(v, figures_path.with(&[Index(j)]), figure, &initiative.title);
            }
        }
    }
    markup::segments(text, &marks, &linked)
}

/// A figure marked as a result in a sentence that says 力争, 目标 or 预计 before it: a target or
/// an estimate shown as achieved is the claim a report never made.
fn check_stated_status(
    v: &mut Validator<'_>,
    figures_path: &Path,
    initiative: &crate::report::model::Initiative,
    (marks, linked): (&[markup::Mark], &[Option<usize>]),
) {
    use crate::report::model::Status;
    let text = &initiative.text;
    let mut statuses = crate::report::comparison::StatusReader::default();
    let mut read_to = 0;
    for (mark, found) in marks.iter().zip(linked) {
        let said = statuses.advance(&text[read_to..mark.outer.start], mark.outer.start);
        read_to = mark.outer.end;
        let Some(j) = *found else { continue };
        let figure = &initiative.figures[j];
        if figure.status != Status::Result || said == Status::Result {
            continue;
        }
        let (label, word) = (&figure.label, said.keyword());
        v.warning_with_help(
            &figures_path.with(&[Index(j)]),
            Text::new(
                format!(
                    "「{label}」 is marked as a result, but its sentence makes it a {word} (力争, 目标, 计划, 预计 …)"
                ),
                format!("「{label}」标为已实现的结果，但所在句子说的是目标或预计（力争、目标、计划、预计 …）"),
            ),
            Text::new(
                format!("if it is a {word}, write `status: {:?}`", said),
                format!("如果是目标或预计，请写 `status: {:?}`", said),
            ),
        );
    }
}

/// The error for `**` marks that do not pair up in an initiative's text.
fn markup_diagnostic(
    error: &MarkupError,
    initiative: &crate::report::model::Initiative,
) -> Diagnostic {
    let title = &initiative.title;
    let (en, zh) = match error {
        MarkupError::Unclosed(_) => (
            "a `**` figure mark is never closed",
            "有一个 `**` 数据标记没有闭合",
        ),
        MarkupError::Empty(_) => (
            "a `****` figure mark has nothing inside",
            "有一个 `****` 数据标记里面是空的",
        ),
    };
    Diagnostic::error(
        format!("{en} in the text of 「{title}」"),
        format!("「{title}」的正文中{zh}"),
    )
    .with_help(
        "write each figure's number between two pairs of asterisks: **1.396**",
        "把每个数据的数字写在两对星号之间：**1.396**",
    )
}

/// The error for a mark that shows no figure of its initiative: it holds no number, or none of
/// the figures has its value.
fn unmatched_mark(
    content: &str,
    is_number: bool,
    initiative: &crate::report::model::Initiative,
) -> Diagnostic {
    let title = &initiative.title;
    let diagnostic = if is_number {
        Diagnostic::error(
            format!(
                "the text marks 「{content}」 as a figure, but no figure of 「{title}」 has that value"
            ),
            format!("正文把「{content}」标为数据，但「{title}」没有这个值的数据"),
        )
    } else if looks_like_numeral(content) {
        // 1万6千, 3至5: a numeral, shown by the figure that writes it so.
        let content = content.trim();
        return Diagnostic::error(
            format!("the text marks 「{content}」 as a figure, but no figure of 「{title}」 writes it so"),
            format!("正文把「{content}」标为数据，但「{title}」没有这样写的数据"),
        )
        .with_help_text(Text::new(
            format!("a range or a mixed numeral is shown by a figure with `numeral: Some(\"{content}\")`"),
            format!("范围或混合数字由写有 `numeral: Some(\"{content}\")` 的数据显示"),
        ));
    } else {
        Diagnostic::error(
            format!("the text marks 「{content}」 as a figure, but it is not a number"),
            format!("正文把「{content}」标为数据，但它不是数字"),
        )
    };
    diagnostic.with_help_text(figures_help(initiative))
}

/// Digits joined by a range word or a magnitude (3至5, 1万6千), not led by a sign.
fn looks_like_numeral(content: &str) -> bool {
    let content = content.trim();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    content.starts_with(digit)
        && content
            .chars()
            .any(|c| markup::RANGE_WORDS.contains(&c) || "十百千万萬亿億".contains(c))
}

/// Reports a figure whose number no mark of its initiative's text (titled `title`) shows.
fn report_unmarked(
    v: &mut Validator<'_>,
    path: Path,
    figure: &crate::report::model::Figure,
    title: &str,
) {
    let (id, label) = (&figure.id, &figure.label);
    let written = figure
        .numeral
        .clone()
        .unwrap_or_else(|| quantity::format_written(figure.value));
    v.error_with_help(
        &path,
        Text::new(
            format!("figure `{id}` ({label}) never appears in the text of 「{title}」"),
            format!("数据 `{id}`（{label}）没有出现在「{title}」的正文中"),
        ),
        Text::new(
            format!("mark its number in the text: **{written}**"),
            format!("在正文中标出它的数字：**{written}**"),
        ),
    );
}

/// The sentences of a text long enough that a repeat is no coincidence, each with its byte
/// offset in the text.
fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
    /// Shorter sentences (如 "成效显著。") may well repeat on purpose.
    const MIN_CHARS: usize = 20;
    // 。 is E3 80 82; ！ ？ ； are EF BC 81, EF BC 9F, EF BC 9B: jump between lead bytes.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut ends = memchr::memchr2_iter(0xE3, 0xEF, bytes).filter_map(move |i| {
        matches!(
            bytes.get(i..i + 3),
            Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F | 0x9B])
        )
        .then_some(i + 3)
    });
    std::iter::from_fn(move || {
        let end = ends
            .next()
            .or_else(|| (start < bytes.len()).then_some(bytes.len()))?;
        let sentence = (start, &text[start..end]);
        start = end;
        Some(sentence)
    })
    .map(|(start, sentence)| {
        let trimmed = sentence.trim_start();
        (start + sentence.len() - trimmed.len(), trimmed.trim_end())
    })
    // Four bytes at most per character: 80 bytes surely hold 20 characters.
    .filter(|(_, s)| {
        s.len() >= MIN_CHARS && (s.len() >= 4 * MIN_CHARS || s.chars().count() >= MIN_CHARS)
    })
}

/// The known id nearest to a misspelt one, when one is close enough to suggest.
fn closest_id<'a>(wanted: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    ids.map(|id| (strsim::levenshtein(wanted, id), id))
        .filter(|(d, id)| *d <= 2.max(id.chars().count() / 4))
        .min()
        .map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_at_chinese_stops() {
        let text = "第一句话足够长足够长足够长足够长足够长足够长。短句！第三句话也足够长足够长足够长足够长足够长；结尾没有句号但也足够长足够长足够长足够长";
        let found: Vec<(usize, &str)> = sentences(text).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        let texts: Vec<&str> = found.iter().map(|(_, s)| *s).collect();
        assert!(texts[0].ends_with('。') && texts[1].ends_with('；'));
        assert!(texts[2].starts_with("结尾"));
        // Each sentence is where its offset says, also after white space is trimmed.
        let spaced = " 开头有空格的这一句话足够长足够长足够长足够长。\n 第二句话也是足够长足够长足够长足够长。 ";
        for text in [text, spaced] {
            let found: Vec<(usize, &str)> = sentences(text).collect();
            assert!(!found.is_empty());
            for (offset, sentence) in found {
                assert!(!sentence.starts_with(char::is_whitespace), "{sentence:?}");
                assert_eq!(&text[offset..offset + sentence.len()], sentence);
            }
        }
    }

    #[test]
    fn suggests_near_ids() {
        let ids = ["stations", "patents", "academicians"];
        assert_eq!(closest_id("staions", ids.into_iter()), Some("stations"));
        assert_eq!(closest_id("zzz", ids.into_iter()), None);
    }
}
