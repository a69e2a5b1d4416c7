//! Semantic checks of a parsed report, every problem collected in one pass.

// FxHash: validation hashes every id and sentence of a dataset, and needs no DoS resistance.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::dataset::KEY_FIGURES;
use crate::dataset::{Dataset, Origin};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::load;
use crate::locate::{SourceMap, Step};
use crate::markup::{self, MarkupError, Segment};
use crate::model::{ChartKind, FORMAT_VERSION, Report};
use crate::quantity::{self, Quantity};
use crate::search::SearchIndex;

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
        message: String,
        help: Option<String>,
    ) {
        let mut diagnostic = match severity {
            Severity::Error => Diagnostic::error(message),
            Severity::Warning => Diagnostic::warning(message),
        };
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

    fn error(&mut self, path: &[Step<'static>], message: String) {
        self.push(Severity::Error, path, message, None);
    }

    fn error_with_help(&mut self, path: &[Step<'static>], message: String, help: String) {
        self.push(Severity::Error, path, message, Some(help));
    }

    fn warning_with_help(&mut self, path: &[Step<'static>], message: String, help: String) {
        if self.warning_budget() {
            self.push(Severity::Warning, path, message, Some(help));
        }
    }

    /// Checks an optional English text: present means not empty, and not Chinese.
    fn check_english(
        &mut self,
        path: &[Step<'static>],
        value: Option<&String>,
        what: impl FnOnce() -> String,
    ) {
        let Some(value) = value else {
            return;
        };
        if value.trim().is_empty() {
            self.error_with_help(
                path,
                format!("the English {} is empty", what()),
                "write the English, or leave the field out to show the Chinese".to_owned(),
            );
        } else if value.chars().any(is_han) {
            self.warning_with_help(
                path,
                format!("the English {} contains Chinese characters", what()),
                "the English interface shows this text; the Chinese original is shown on hover"
                    .to_owned(),
            );
        }
    }

    fn require_text(&mut self, path: &[Step<'static>], value: &str, what: impl FnOnce() -> String) {
        if value.trim().is_empty() {
            self.error(path, format!("{} is empty", what()));
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
        kind: &str,
        owner: Owner,
        describe: &dyn Fn(Owner) -> String,
    ) {
        if id.trim().is_empty() {
            self.error(
                path,
                format!("the {kind} id of {} is empty", describe(owner)),
            );
        } else if let Some(first) = seen.get(id) {
            self.error_with_help(
                path,
                format!("duplicate {kind} id `{id}`"),
                format!(
                    "it is already the id of {}; every {kind} needs its own",
                    describe(*first)
                ),
            );
        } else {
            seen.insert(id, owner);
        }
    }
}

/// Whether a character is a Chinese (Han) character.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Where an id stands: chapter, initiative and figure indexes (as far as they apply).
type Owner = (usize, usize, usize);

/// Validates a parsed report and, when `origin` is given, derives what the viewer needs from it
/// (`huimou check` needs only the diagnostics, and not the memory a search index takes).
pub fn validate(report: Report, source: &str, origin: Option<Origin>) -> load::Checked {
    let Some(origin) = origin else {
        let checked = check(&report, source, false, || repeated_passages(&report));
        return load::Checked {
            dataset: None,
            diagnostics: checked.diagnostics,
            totals: checked.totals,
        };
    };
    // The search index and the search for repeated passages need only the parsed report: on a
    // large one they run on a second core while the rest is checked.
    let (index, checked) = if report.initiative_count() >= PARALLEL_INDEX_FROM {
        std::thread::scope(|scope| {
            let index = scope.spawn(|| SearchIndex::new(&report));
            let repeats = scope.spawn(|| repeated_passages(&report));
            // A helper that panicked would be a bug; doing its work here keeps loading correct.
            let checked = check(&report, source, true, || {
                repeats
                    .join()
                    .unwrap_or_else(|_| repeated_passages(&report))
            });
            (index.join().ok(), checked)
        })
    } else {
        (
            None,
            check(&report, source, true, || repeated_passages(&report)),
        )
    };
    let Checked {
        diagnostics,
        totals,
        quantities,
        segments,
    } = checked;
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
        let index = index.unwrap_or_else(|| SearchIndex::new(&report));
        Dataset::new(report, origin, warnings, quantities, segments, index)
    });
    load::Checked {
        dataset,
        diagnostics,
        totals,
    }
}

/// Reports with this many initiatives build their search index on a second thread.
const PARALLEL_INDEX_FROM: usize = 2_000;

/// What checking found, and what it derived on the way.
struct Checked {
    diagnostics: Vec<Diagnostic>,
    /// How many errors and warnings were found, listed or not.
    totals: (usize, usize),
    /// `quantities[chapter][initiative][figure]`; `None` where the unit could not be read.
    quantities: Vec<Vec<Vec<Option<Quantity>>>>,
    segments: Vec<Vec<Vec<Segment>>>,
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
    // seen before is confirmed against the text of the initiative that printed it first.
    let mut seen: HashMap<u64, (u32, u32)> =
        HashMap::with_capacity_and_hasher(report.initiative_count() * 2, Default::default());
    let mut repeats = Vec::new();
    let mut more = 0;
    for (c, chapter) in report.chapters.iter().enumerate() {
        for (i, initiative) in chapter.initiatives.iter().enumerate() {
            let here = (c as u32, i as u32);
            for sentence in sentences(&initiative.text) {
                let key = sentence_hash(sentence);
                match seen.get(&key) {
                    Some(&first)
                        if first != here
                            && report.chapters[first.0 as usize].initiatives[first.1 as usize]
                                .text
                                .contains(sentence) =>
                    {
                        if repeats.len() < MAX_WARNINGS {
                            repeats.push(Repeat {
                                at: (c, i),
                                first: (first.0 as usize, first.1 as usize),
                                sentence,
                            });
                        } else {
                            more += 1;
                        }
                        break;
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(key, here);
                    }
                }
            }
        }
    }
    (repeats, more)
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
) -> Checked {
    let mut v = Validator {
        source,
        pending: Vec::new(),
        warnings: 0,
        unlisted_warnings: 0,
        errors: 0,
        unlisted_errors: 0,
        diagnostics: Vec::new(),
    };

    if report.format_version != FORMAT_VERSION {
        let help = if report.format_version > FORMAT_VERSION {
            "this dataset was written for a newer Huimou; update Huimou to open it".to_owned()
        } else {
            format!("set `format_version: {FORMAT_VERSION}`")
        };
        v.error_with_help(
            &[Field("format_version")],
            format!(
                "format version {} is not one this Huimou reads (it reads version {FORMAT_VERSION})",
                report.format_version
            ),
            help,
        );
    }
    v.require_text(&[Field("title")], &report.title, || {
        "the report's title".to_owned()
    });
    v.check_english(&[Field("title_en")], report.title_en.as_ref(), || {
        "title of the report".to_owned()
    });
    if report.chapters.is_empty() {
        v.error_with_help(
            &[Field("chapters")],
            "the report has no chapters".to_owned(),
            "add at least one chapter: `chapters: [(id: \"…\", number: 1, …)]`".to_owned(),
        );
    }

    let describe_chapter =
        |(c, _, _): Owner| format!("chapter {} ({})", c + 1, report.chapters[c].name);
    let describe_initiative =
        |(c, i, _): Owner| format!("initiative {} of chapter {}", i + 1, c + 1);
    let describe_figure = |(c, i, f): Owner| {
        format!(
            "figure {} of 「{}」",
            f + 1,
            report.chapters[c].initiatives[i].title
        )
    };
    let initiative_count = report.initiative_count();
    let figure_count: usize = report
        .chapters
        .iter()
        .flat_map(|c| &c.initiatives)
        .map(|i| i.figures.len())
        .sum();
    let mut chapter_ids = HashMap::default();
    let mut initiative_ids =
        HashMap::with_capacity_and_hasher(initiative_count, Default::default());
    let mut figure_ids: HashMap<&str, Owner> =
        HashMap::with_capacity_and_hasher(figure_count, Default::default());
    // quantities[chapter][initiative][figure]; `None` where the unit could not be read.
    let mut quantities: Vec<Vec<Vec<Option<Quantity>>>> = Vec::with_capacity(report.chapters.len());
    let mut segments = Vec::with_capacity(report.chapters.len());

    for (c, chapter) in report.chapters.iter().enumerate() {
        let base = Path::new(&[Field("chapters"), Index(c)]);
        let at = |rest: &[Step<'static>]| base.with(rest);
        let owner = (c, 0, 0);
        let here = || describe_chapter(owner);
        v.require_unique_id(
            &mut chapter_ids,
            &chapter.id,
            &at(&[Field("id")]),
            "chapter",
            owner,
            &describe_chapter,
        );
        let expected = u32::try_from(c + 1).unwrap_or(u32::MAX);
        if chapter.number != expected {
            v.error_with_help(
                &at(&[Field("number")]),
                format!("the chapter in position {} is numbered {}", c + 1, chapter.number),
                format!("chapters are numbered 1, 2, 3 … in the order they appear; this one is {expected}"),
            );
        }
        v.require_text(&at(&[Field("name")]), &chapter.name, || {
            format!("the name of chapter {}", c + 1)
        });
        v.require_text(&at(&[Field("headline")]), &chapter.headline, || {
            format!("the headline of {}", here())
        });
        v.check_english(&at(&[Field("name_en")]), chapter.name_en.as_ref(), || {
            format!("name of chapter {}", c + 1)
        });
        v.check_english(
            &at(&[Field("headline_en")]),
            chapter.headline_en.as_ref(),
            || format!("headline of chapter {}", c + 1),
        );
        if chapter.initiatives.is_empty() {
            v.warning_with_help(
                &at(&[Field("initiatives")]),
                format!("{} has no initiatives", here()),
                "its panel will only show its headline".to_owned(),
            );
        }

        let mut titles: HashMap<&str, usize> = HashMap::default();
        let mut chapter_segments = Vec::with_capacity(chapter.initiatives.len());
        let mut chapter_quantities = Vec::with_capacity(chapter.initiatives.len());
        for (i, initiative) in chapter.initiatives.iter().enumerate() {
            let base = Path::new(&[Field("chapters"), Index(c), Field("initiatives"), Index(i)]);
            let at = |rest: &[Step<'static>]| base.with(rest);
            let owner = (c, i, 0);
            let here = || describe_initiative(owner);
            v.require_unique_id(
                &mut initiative_ids,
                &initiative.id,
                &at(&[Field("id")]),
                "initiative",
                owner,
                &describe_initiative,
            );
            v.require_text(&at(&[Field("title")]), &initiative.title, || {
                format!("the title of {}", here())
            });
            v.require_text(&at(&[Field("text")]), &initiative.text, || {
                format!("the text of {}", here())
            });
            v.check_english(
                &at(&[Field("title_en")]),
                initiative.title_en.as_ref(),
                || format!("title of {}", here()),
            );
            if let Some(first) = titles
                .insert(&initiative.title, i)
                .filter(|_| !initiative.title.trim().is_empty())
            {
                v.warning_with_help(
                    &at(&[Field("title")]),
                    format!(
                        "two initiatives of chapter {} are both titled 「{}」",
                        c + 1,
                        initiative.title
                    ),
                    format!("initiative {} has the same title", first + 1),
                );
            }
            let mut initiative_quantities = Vec::with_capacity(initiative.figures.len());
            for (f, figure) in initiative.figures.iter().enumerate() {
                let base = Path::new(&[
                    Field("chapters"),
                    Index(c),
                    Field("initiatives"),
                    Index(i),
                    Field("figures"),
                    Index(f),
                ]);
                let at = |rest: &[Step<'static>]| base.with(rest);
                let owner = (c, i, f);
                let here = || describe_figure(owner);
                v.require_unique_id(
                    &mut figure_ids,
                    &figure.id,
                    &at(&[Field("id")]),
                    "figure",
                    owner,
                    &describe_figure,
                );
                v.require_text(&at(&[Field("label")]), &figure.label, || {
                    format!("the label of {}", here())
                });
                v.check_english(&at(&[Field("label_en")]), figure.label_en.as_ref(), || {
                    format!("label of {}", here())
                });
                if figure.value.is_nan() {
                    v.error(
                        &at(&[Field("value")]),
                        format!("the value of figure `{}` is not a number (NaN)", figure.id),
                    );
                } else if figure.value.is_infinite() {
                    v.error(
                        &at(&[Field("value")]),
                        format!("the value of figure `{}` is infinite", figure.id),
                    );
                } else if figure.value < 0.0 {
                    v.error_with_help(
                        &at(&[Field("value")]),
                        format!("the value of figure `{}` is negative ({})", figure.id, figure.value),
                        "reports state counts and amounts; write a decrease as a positive figure and say so in its label".to_owned(),
                    );
                }
                match Quantity::parse(figure.prefix.as_deref(), figure.value, &figure.unit) {
                    Ok(quantity) => {
                        if !quantity.has_known_counter() {
                            v.warning_with_help(
                                &at(&[Field("unit")]),
                                format!(
                                    "Huimou does not know the counter 「{}」 of figure `{}`",
                                    quantity.base_unit, figure.id
                                ),
                                format!(
                                    "it is shown as written; the known counters are {}",
                                    quantity::KNOWN_COUNTERS.join(" ")
                                ),
                            );
                        }
                        initiative_quantities.push(Some(quantity));
                    }
                    Err(e) => {
                        let field = if matches!(e, quantity::UnitError::UnknownPrefix(_)) {
                            "prefix"
                        } else {
                            "unit"
                        };
                        v.error(&at(&[Field(field)]), format!("figure `{}`: {e}", figure.id));
                        initiative_quantities.push(None);
                    }
                }
            }

            let initiative_segments = link_marks(
                &mut v,
                at(&[Field("text")]),
                at(&[Field("figures")]),
                initiative,
                &initiative_quantities,
            );
            // Only the viewer draws segments; `check` does not keep them.
            if keep_segments {
                chapter_segments.push(initiative_segments);
            }
            chapter_quantities.push(initiative_quantities);
        }
        segments.push(chapter_segments);
        quantities.push(chapter_quantities);
    }

    let (repeats, repeats_unlisted) = repeats();
    for repeat in repeats {
        if !v.warning_budget() {
            continue;
        }
        let first_title = &report.chapters[repeat.first.0].initiatives[repeat.first.1].title;
        let diagnostic = Diagnostic::warning(format!(
            "this passage is repeated from 「{first_title}」 (chapter {})",
            repeat.first.0 + 1
        ))
        .with_help("a paragraph printed twice is usually a slip in the source; check which initiative it belongs to");
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
    v.unlisted_warnings += repeats_unlisted;

    // Charts are checked once every figure is known, since they may name figures of any chapter.
    for (c, chapter) in report.chapters.iter().enumerate() {
        for (k, chart) in chapter.charts.iter().enumerate() {
            check_chart(&mut v, (c, k), chart, &figure_ids, &quantities, report);
        }
        check_key_figures(&mut v, c, &chapter.key_figures, &figure_ids);
    }

    v.resolve_locations();
    let mut diagnostics = std::mem::take(&mut v.diagnostics);
    diagnostics.sort_by_key(|d| {
        (
            std::cmp::Reverse(d.severity),
            d.location.as_ref().map_or((0, 0), |l| (l.line, l.column)),
        )
    });
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let totals = (
        errors + v.unlisted_errors,
        diagnostics.len() - errors + v.unlisted_warnings,
    );
    // What was not listed is said after the last of its kind.
    if v.unlisted_errors > 0 {
        let at = diagnostics.partition_point(Diagnostic::is_error);
        diagnostics.insert(
            at,
            Diagnostic::error(format!(
                "and {} more errors, not listed; fix the ones above and check again",
                v.unlisted_errors
            )),
        );
    }
    if v.unlisted_warnings > 0 {
        diagnostics.push(Diagnostic::warning(format!(
            "{} more warnings are not listed; fix the ones above and check again",
            v.unlisted_warnings
        )));
    }
    Checked {
        diagnostics,
        totals,
        quantities,
        segments,
    }
}

/// Checks chart `k` of chapter `c`: its title, that it names known figures of one base unit,
/// as many as its kind shows, and what its kind means (a part no larger than its whole; one
/// measure at two times).
fn check_chart(
    v: &mut Validator<'_>,
    (c, k): (usize, usize),
    chart: &crate::model::Chart,
    figure_ids: &HashMap<&str, Owner>,
    quantities: &[Vec<Vec<Option<Quantity>>>],
    report: &Report,
) {
    let base = Path::new(&[Field("chapters"), Index(c), Field("charts"), Index(k)]);
    let at = |rest: &[Step<'static>]| base.with(rest);
    v.require_text(&at(&[Field("title")]), &chart.title, || {
        format!("the title of chart {} of chapter {}", k + 1, c + 1)
    });
    v.check_english(&at(&[Field("title_en")]), chart.title_en.as_ref(), || {
        format!("title of chart {} of chapter {}", k + 1, c + 1)
    });
    let name = if chart.title.trim().is_empty() {
        format!("chart {}", k + 1)
    } else {
        format!("chart 「{}」", chart.title)
    };
    if chart.figures.is_empty() {
        v.error(&at(&[Field("figures")]), format!("{name} shows no figures"));
        return;
    }
    if let Some(required) = chart.kind.required_figures()
        && chart.figures.len() != required
    {
        v.error_with_help(
            &at(&[Field("figures")]),
            format!(
                "{name} is a {:?} chart, which shows exactly {required} figures, not {}",
                chart.kind,
                chart.figures.len()
            ),
            match chart.kind {
                ChartKind::Comparison => {
                    "a comparison shows exactly two figures: before, then after".to_owned()
                }
                _ => "a progress chart shows exactly two figures: the part, then the whole"
                    .to_owned(),
            },
        );
    }
    let mut seen = HashSet::default();
    let mut units: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut values = Vec::new();
    for (j, id) in chart.figures.iter().enumerate() {
        if !seen.insert(id.as_str()) {
            v.warning_with_help(
                &at(&[Field("figures"), Index(j)]),
                format!("{name} shows figure `{id}` twice"),
                "each figure needs to appear only once".to_owned(),
            );
        }
        let Some(&(fc, fi, ff)) = figure_ids.get(id.as_str()) else {
            // The nearest id is looked for only while errors are still listed.
            let near = v
                .errors_listed()
                .then(|| closest_id(id, figure_ids.keys().copied()))
                .flatten();
            v.error_with_help(
                &at(&[Field("figures"), Index(j)]),
                format!("{name} names figure `{id}`, but no figure has that id"),
                near.map_or_else(
                    || "check the id against the figures' `id` fields".to_owned(),
                    |near| format!("did you mean `{near}`?"),
                ),
            );
            continue;
        };
        if let Some(quantity) = quantities[fc][fi][ff].as_ref() {
            values.push(quantity.base_value);
            // 個 and 个 are one counter: compared in simplified form.
            match units.iter_mut().find(|(u, _)| *u == quantity.counter) {
                Some((_, ids)) => ids.push(id),
                None => units.push((&quantity.counter, vec![id])),
            }
        }
    }
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
            chart,
            figure_ids,
            report,
        );
    }
}

/// A chart's figures share one base unit (個 and 个 are one), and a progress chart's part is no
/// larger than its whole. `units`: each counter with the ids of its figures.
fn check_chart_units(
    v: &mut Validator<'_>,
    path: &[Step<'static>],
    name: &str,
    kind: ChartKind,
    (units, values): (&[(&str, Vec<&str>)], &[f64]),
) {
    if units.len() > 1 {
        let listed: Vec<String> = units
            .iter()
            .map(|(unit, ids)| {
                format!(
                    "「{}」 ({})",
                    if unit.is_empty() { "no unit" } else { unit },
                    ids.join(", ")
                )
            })
            .collect();
        v.error_with_help(
            path,
            format!("{name} mixes units: {}", listed.join(" and ")),
            "a chart compares figures of one base unit; split it into one chart per unit"
                .to_owned(),
        );
    } else if kind == ChartKind::Progress && values.len() == 2 && values[0] > values[1] {
        v.error_with_help(
            path,
            format!(
                "{name} shows a part ({}) larger than its whole ({})",
                values[0], values[1]
            ),
            "list the part first, then the whole".to_owned(),
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
    let mut seen = HashSet::default();
    for (j, id) in ids.iter().enumerate() {
        let path = base.with(&[Index(j)]);
        if !figure_ids.contains_key(id.as_str()) {
            let near = v
                .errors_listed()
                .then(|| closest_id(id, figure_ids.keys().copied()))
                .flatten();
            v.error_with_help(
                &path,
                format!(
                    "chapter {} names key figure `{id}`, but no figure has that id",
                    c + 1
                ),
                near.map_or_else(
                    || "check the id against the figures' `id` fields".to_owned(),
                    |near| format!("did you mean `{near}`?"),
                ),
            );
        } else if !seen.insert(id.as_str()) {
            v.warning_with_help(
                &path,
                format!("chapter {} names key figure `{id}` twice", c + 1),
                "each key figure is shown once".to_owned(),
            );
        }
    }
    if ids.len() > KEY_FIGURES {
        v.warning_with_help(
            &base.with(&[Index(KEY_FIGURES)]),
            format!(
                "chapter {} names {} key figures; the overview and slides show the first {KEY_FIGURES}",
                c + 1,
                ids.len()
            ),
            format!("keep the {KEY_FIGURES} that matter most"),
        );
    }
}

/// A comparison shows one measure at two times: two figures with different labels and no
/// periods are most likely two categories, whose "change" means nothing.
fn check_comparison(
    v: &mut Validator<'_>,
    path: &[Step<'static>],
    name: &str,
    chart: &crate::model::Chart,
    figure_ids: &HashMap<&str, Owner>,
    report: &Report,
) {
    let figures: Vec<&crate::model::Figure> = chart
        .figures
        .iter()
        .filter_map(|id| figure_ids.get(id.as_str()))
        .map(|&(c, i, f)| &report.chapters[c].initiatives[i].figures[f])
        .collect();
    let [before, after] = figures[..] else {
        return;
    };
    let undated = before.period.is_none() && after.period.is_none();
    if undated && before.label.trim() != after.label.trim() {
        v.warning_with_help(
            path,
            format!(
                "{name} compares 「{}」 with 「{}」: a comparison shows one measure at two times",
                before.label, after.label
            ),
            "give both figures a `period` (e.g. period: Some(\"2012\")), or make it a Bars chart"
                .to_owned(),
        );
    }
}

/// What to say about an initiative's figures when a mark matches none of them: the first few.
fn figures_help(initiative: &crate::model::Initiative) -> String {
    const LISTED: usize = 8;
    let figures = &initiative.figures;
    if figures.is_empty() {
        return "this initiative lists no figures; add one under `figures`".to_owned();
    }
    let shown: Vec<String> = figures
        .iter()
        .take(LISTED)
        .map(|f| format!("{} ({})", quantity::format_written(f.value), f.label))
        .collect();
    let more = figures.len().saturating_sub(LISTED);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("its figures are: {}{more}", shown.join(", "))
}

/// Links each `**…**` mark of an initiative's text to the figure it shows, reporting marks
/// that show no figure and figures that no mark shows.
fn link_marks(
    v: &mut Validator<'_>,
    text_path: Path,
    figures_path: Path,
    initiative: &crate::model::Initiative,
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
            let message = match e {
                MarkupError::Unclosed(_) => "a `**` figure mark is never closed",
                MarkupError::Empty(_) => "a `****` figure mark has nothing inside",
            };
            let diagnostic =
                Diagnostic::error(format!("{message} in the text of 「{}」", initiative.title))
                    .with_help(
                        "write each figure's number between two pairs of asterisks: **1.396**",
                    );
            v.push_located(diagnostic, Locator::Markup(text_path));
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
    for (j, figure) in initiative.figures.iter().enumerate() {
        by_value
            .entry((figure.value + 0.0).to_bits())
            .or_default()
            .push_back(j);
    }
    let mut linked = Vec::with_capacity(marks.len());
    for (k, mark) in marks.iter().enumerate() {
        let content = &text[mark.inner.clone()];
        let number = markup::mark_number(content);
        let found = number.and_then(|(value, percent)| {
            let candidates = by_value.get_mut(&(value + 0.0).to_bits())?;
            let at = candidates.iter().position(|&j| {
                quantities
                    .get(j)
                    .and_then(Option::as_ref)
                    .is_none_or(|q| q.is_percent() == percent || !percent)
            })?;
            candidates.remove(at)
        });
        if let Some(j) = found {
            taken[j] = true;
        } else if v.errors_listed() {
            let message = if number.is_none() {
                format!("the text marks 「{content}」 as a figure, but it is not a number")
            } else {
                format!(
                    "the text marks 「{content}」 as a figure, but no figure of 「{}」 has that value",
                    initiative.title
                )
            };
            v.push_located(
                Diagnostic::error(message).with_help(figures_help(initiative)),
                Locator::Mark(text_path, k),
            );
        } else {
            v.unlisted_errors += 1;
        }
        linked.push(found);
    }
    // An empty text is reported once; every figure missing from it would say the same again.
    let text_is_blank = text.trim().is_empty();
    for (j, figure) in initiative.figures.iter().enumerate() {
        if !taken[j] && !text_is_blank {
            let path = figures_path.with(&[Index(j)]);
            v.error_with_help(
                &path,
                format!(
                    "figure `{}` ({}) never appears in the text of 「{}」",
                    figure.id, figure.label, initiative.title
                ),
                format!(
                    "mark its number in the text: **{}**",
                    quantity::format_written(figure.value)
                ),
            );
        }
    }
    markup::segments(text, &marks, &linked)
}

/// The sentences of a text long enough that a repeat is no coincidence.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
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
        let sentence = &text[start..end];
        start = end;
        Some(sentence)
    })
    .map(str::trim)
    // Four bytes at most per character: 80 bytes surely hold 20 characters.
    .filter(|s| {
        s.len() >= MIN_CHARS && (s.len() >= 4 * MIN_CHARS || s.chars().count() >= MIN_CHARS)
    })
}

/// The known id nearest to a misspelt one, when one is close enough to suggest.
fn closest_id<'a>(wanted: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    ids.map(|id| (edit_distance(wanted, id), id))
        .filter(|(d, id)| *d <= 2.max(id.chars().count() / 4))
        .min()
        .map(|(_, id)| id)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_at_chinese_stops() {
        let text = "第一句话足够长足够长足够长足够长足够长足够长。短句！第三句话也足够长足够长足够长足够长足够长；结尾没有句号但也足够长足够长足够长足够长";
        let found: Vec<&str> = sentences(text).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].ends_with('。') && found[1].ends_with('；'));
        assert!(found[2].starts_with("结尾"));
    }

    #[test]
    fn suggests_near_ids() {
        let ids = ["stations", "patents", "academicians"];
        assert_eq!(closest_id("staions", ids.into_iter()), Some("stations"));
        assert_eq!(closest_id("zzz", ids.into_iter()), None);
    }
}
