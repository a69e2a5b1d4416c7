//! A shelf of reports: every report of a folder (datasets, and published reports through import)
//! listed by publisher, year and title, and the measures they share across years
//! ([`series`]). Knows nothing of any GUI; the viewer and the command line both read it.

pub mod series;

use std::path::{Path, PathBuf};

use crate::document::dataset::{Dataset, Origin};
use crate::document::load;
use crate::report::lang::Lang;

/// The folder, under Huimou's data folder, where a shelf keeps its imported reports by content.
pub const CACHE_FOLDER: &str = "imports";

/// The most reports a shelf opens: a folder of thousands of files is surely not a shelf.
pub const MAX_REPORTS: usize = 200;

/// One report on the shelf, with the cover fields a shelf sorts by.
#[derive(Clone, Debug)]
pub struct ShelfReport {
    /// The file it was read from (a dataset, or a published report imported).
    pub path: PathBuf,
    pub dataset: Dataset,
    /// Who published it; guessed from the title when the dataset does not say.
    pub publisher: String,
    pub publisher_guessed: bool,
    /// The year it reviews; guessed from the title or the file's name when the dataset does not
    /// say.
    pub year: Option<u32>,
    pub year_guessed: bool,
}

impl ShelfReport {
    /// A report read from `path`, its missing cover fields guessed.
    pub fn new(path: PathBuf, dataset: Dataset) -> Self {
        let report = &dataset.report;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let (year, year_guessed) = match report.year {
            Some(year) => (Some(year), false),
            None => {
                let guess = series::year_in(&report.title)
                    .or_else(|| stem.as_deref().and_then(series::year_in));
                (guess, guess.is_some())
            }
        };
        let (publisher, publisher_guessed) = if report.publisher.trim().is_empty() {
            let guess = publisher_in(&report.title).unwrap_or_default();
            let guessed = !guess.is_empty();
            (guess, guessed)
        } else {
            (report.publisher.trim().to_owned(), false)
        };
        Self {
            path,
            dataset,
            publisher,
            publisher_guessed,
            year,
            year_guessed,
        }
    }

    /// The file's name, which names the report in the command line's rows.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    /// The report's title.
    pub fn title(&self) -> &str {
        &self.dataset.report.title
    }
}

/// A file of the folder that could not be put on the shelf, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub path: PathBuf,
    /// Why, in English and in Chinese.
    pub why: (String, String),
}

impl Refused {
    /// Why, in `lang`.
    pub fn why_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.why.0,
            Lang::Zh => &self.why.1,
        }
    }
}

/// The reports of a folder, by publisher and year, and the files that could not be read.
#[derive(Clone, Debug, Default)]
pub struct Shelf {
    pub folder: PathBuf,
    pub reports: Vec<ShelfReport>,
    pub refused: Vec<Refused>,
    /// The measures that more than one report gives, found once.
    pub series: Vec<series::Series>,
}

/// Why a folder cannot be a shelf.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShelfError {
    pub folder: PathBuf,
    pub why: (String, String),
}

impl ShelfError {
    /// The message in `lang`, naming the folder.
    pub fn message(&self, lang: Lang) -> String {
        let why = match lang {
            Lang::En => &self.why.0,
            Lang::Zh => &self.why.1,
        };
        format!("{}: {why}", self.folder.display())
    }
}

/// The extensions of the files a shelf reads: datasets and reports to import.
pub const EXTENSIONS: &[&str] = &["ron", "md", "txt", "docx", "html", "htm", "pdf"];

/// Whether `path` is a file a shelf reads: a dataset or a report to import.
pub fn is_report_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        || crate::import::is_importable(path)
}

/// The report files of `folder` (not its subfolders), sorted by name. A published report with
/// a dataset of the same name beside it is left out: the dataset is its reviewed form.
pub fn report_files(folder: &Path) -> Result<Vec<PathBuf>, ShelfError> {
    let fail = |en: String, zh: String| ShelfError {
        folder: folder.to_path_buf(),
        why: (en, zh),
    };
    let entries = std::fs::read_dir(folder).map_err(|error| {
        fail(
            format!(
                "cannot be read as a folder: {}",
                crate::report::words::io_reason(Lang::En, &error)
            ),
            format!(
                "无法作为文件夹读取：{}",
                crate::report::words::io_reason(Lang::Zh, &error)
            ),
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && is_report_file(path))
        .collect();
    files.sort();
    let datasets: std::collections::HashSet<PathBuf> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
        .cloned()
        .collect();
    files.retain(|p| {
        p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            || !datasets.contains(&p.with_extension("ron"))
    });
    if files.is_empty() {
        return Err(fail(
            "holds no report (.ron, .docx, .pdf, .html, .md or .txt)".to_owned(),
            "里没有报告（.ron、.docx、.pdf、.html、.md 或 .txt）".to_owned(),
        ));
    }
    if files.len() > MAX_REPORTS {
        return Err(fail(
            format!(
                "holds {} reports; a shelf opens at most {MAX_REPORTS}",
                files.len()
            ),
            format!(
                "里有 {} 份报告；一个书架最多打开 {MAX_REPORTS} 份",
                files.len()
            ),
        ));
    }
    Ok(files)
}

/// Opens every report of `folder`: datasets as they are, published reports through import
/// (kept in `cache`, by content, when given, so that a second opening costs what a dataset
/// does). The reports are read on both cores.
pub fn open(folder: &Path, cache: Option<&Path>) -> Result<Shelf, ShelfError> {
    let files = report_files(folder)?;
    open_these(folder, files, cache)
}

/// Opens these reports as a shelf (several files chosen or dropped together); files that are
/// no report are left out. The shelf's folder is the first file's.
pub fn open_files(files: &[PathBuf], cache: Option<&Path>) -> Result<Shelf, ShelfError> {
    let reports: Vec<PathBuf> = files
        .iter()
        .filter(|p| p.is_file() && is_report_file(p))
        .cloned()
        .collect();
    let folder = files
        .first()
        .and_then(|f| f.parent())
        .map(Path::to_path_buf)
        .unwrap_or_default();
    if reports.is_empty() {
        return Err(ShelfError {
            folder,
            why: (
                "none of these files is a report (.ron, .docx, .pdf, .html, .md or .txt)"
                    .to_owned(),
                "这些文件都不是报告（.ron、.docx、.pdf、.html、.md 或 .txt）".to_owned(),
            ),
        });
    }
    open_these(&folder, reports, cache)
}

/// Opens `files` as the shelf of `folder`.
fn open_these(
    folder: &Path,
    files: Vec<PathBuf>,
    cache: Option<&Path>,
) -> Result<Shelf, ShelfError> {
    if files.len() > MAX_REPORTS {
        return Err(ShelfError {
            folder: folder.to_path_buf(),
            why: (
                format!(
                    "{} reports; a shelf opens at most {MAX_REPORTS}",
                    files.len()
                ),
                format!("{} 份报告；一个书架最多打开 {MAX_REPORTS} 份", files.len()),
            ),
        });
    }
    let read = read_all(&files, cache);
    let mut reports = Vec::new();
    let mut refused = Vec::new();
    for (path, result) in files.into_iter().zip(read) {
        match result {
            Ok(dataset) => reports.push(ShelfReport::new(path, dataset)),
            Err(why) => refused.push(Refused { path, why }),
        }
    }
    if reports.is_empty() {
        let first = refused
            .first()
            .map(|r| (r.why.0.clone(), r.why.1.clone()))
            .unwrap_or_default();
        return Err(ShelfError {
            folder: folder.to_path_buf(),
            why: (
                format!("no report in it could be read; the first: {}", first.0),
                format!("里没有一份报告能读出；第一份：{}", first.1),
            ),
        });
    }
    Ok(Shelf::of(folder.to_path_buf(), reports, refused))
}

impl Shelf {
    /// A shelf of these reports, sorted by publisher and year, with their series found.
    pub fn of(folder: PathBuf, mut reports: Vec<ShelfReport>, refused: Vec<Refused>) -> Self {
        lend_the_only_publisher(&mut reports);
        reports.sort_by(|a, b| {
            (&a.publisher, a.year, a.title()).cmp(&(&b.publisher, b.year, b.title()))
        });
        let sources: Vec<series::Source<'_>> = reports
            .iter()
            .map(|r| series::Source {
                dataset: &r.dataset,
                publisher: &r.publisher,
                // A speech's year (its date line's) is the year it was given, not the year its
                // figures are of, and a year guessed from a title or a file's name is a guess:
                // their figures stand at their own period or their chapter's only.
                year: r
                    .year
                    .filter(|_| !r.year_guessed && r.dataset.report.date.trim().is_empty()),
            })
            .collect();
        let series = series::find(&sources);
        Self {
            folder,
            reports,
            refused,
            series,
        }
    }

    /// The report a shelf opens on: the newest (the last listed of the newest year).
    pub fn newest(&self) -> usize {
        (0..self.reports.len())
            .max_by_key(|&i| (self.reports[i].year, i))
            .unwrap_or(0)
    }

    /// Every report's matches of `query` (characters or pinyin, as one report's search), by
    /// report in the shelf's order; reports without a match are left out.
    pub fn search(&self, query: &str) -> Vec<(usize, Vec<crate::search::InitiativeRef>)> {
        self.reports
            .iter()
            .enumerate()
            .map(|(r, report)| (r, report.dataset.index().search(query, None)))
            .filter(|(_, hits)| !hits.is_empty())
            .collect()
    }

    /// The series with this id.
    pub fn series_by_id(&self, id: &str) -> Option<&series::Series> {
        self.series.iter().find(|s| s.id == id)
    }
}

/// The report a shelf of `folder` will open on, found without reading every report whole: the
/// cover fields at the head of each dataset (and of an imported report's cached dataset, else
/// the year in its file's name) give publisher, year and title, sorted as [`Shelf::of`] sorts.
/// The viewer shows it at once and reads the rest of the shelf behind it.
pub fn newest_file(folder: &Path, cache: Option<&Path>) -> Result<PathBuf, ShelfError> {
    let files = report_files(folder)?;
    let covers: Vec<(String, Option<u32>, String)> = files
        .iter()
        .map(|path| {
            let text = if crate::import::is_importable(path) {
                std::fs::read(path).ok().and_then(|bytes| {
                    let entry = cache?.join(format!("{}.ron", content_key(&bytes)));
                    std::fs::read_to_string(entry).ok()
                })
            } else {
                std::fs::read_to_string(path).ok()
            };
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            let (publisher, year, title) = text.as_deref().map(peek_cover).unwrap_or_default();
            let title = title.unwrap_or_default();
            let year = year
                .or_else(|| series::year_in(&title))
                .or_else(|| stem.as_deref().and_then(series::year_in));
            let publisher = publisher
                .filter(|p| !p.trim().is_empty())
                .or_else(|| publisher_in(&title))
                .unwrap_or_default();
            (publisher, year, title)
        })
        .collect();
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| (&covers[i].0, covers[i].1, &covers[i].2);
        key(a).cmp(&key(b))
    });
    let newest = (0..order.len())
        .max_by_key(|&k| (covers[order[k]].1, k))
        .map_or(0, |k| order[k]);
    Ok(files[newest].clone())
}

/// The publisher, year and title a dataset's text gives before its chapters, read as text:
/// `publisher: "…"`, `year: Some(2023)`, `title: "…"` (escapes aside, which only the sorting of
/// a guess could notice).
pub fn peek_cover(text: &str) -> (Option<String>, Option<u32>, Option<String>) {
    let head = text.find("chapters:").map_or(text, |at| &text[..at]);
    let string = |field: &str| {
        let at = head
            .find(&format!("\n{field}: \""))
            .or_else(|| head.find(&format!(" {field}: \"")))?;
        let rest = &head[at..];
        let start = rest.find('"')? + 1;
        let end = rest[start..].find('"')?;
        Some(rest[start..start + end].to_owned())
    };
    let year = head.find("year: Some(").and_then(|at| {
        let rest = &head[at + "year: Some(".len()..];
        rest[..rest.find(')')?].trim().parse().ok()
    });
    (string("publisher"), year, string("title"))
}

/// A report whose publisher neither its cover nor its title names (a text without its cover,
/// named by its file) is guessed to be the shelf's, when every other report names one and the
/// same; marked as guessed, as any guess is. A shelf of two publishers lends none.
fn lend_the_only_publisher(reports: &mut [ShelfReport]) {
    let mut named = reports
        .iter()
        .filter(|r| !r.publisher.trim().is_empty())
        .map(|r| r.publisher.clone());
    let Some(first) = named.next() else {
        return;
    };
    let fold = |p: &str| series::fold_publisher(p);
    if named.any(|p| fold(&p) != fold(&first)) {
        return;
    }
    for report in reports.iter_mut().filter(|r| r.publisher.trim().is_empty()) {
        report.publisher = first.clone();
        report.publisher_guessed = true;
    }
}

/// Reads every file, on two threads; the results in the files' order.
fn read_all(files: &[PathBuf], cache: Option<&Path>) -> Vec<Result<Dataset, (String, String)>> {
    let half = files.len().div_ceil(2);
    let (first, second) = files.split_at(half);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| {
            second
                .iter()
                .map(|p| read_one(p, cache))
                .collect::<Vec<_>>()
        });
        let mut read: Vec<_> = first.iter().map(|p| read_one(p, cache)).collect();
        match other.join() {
            Ok(rest) => read.extend(rest),
            Err(_) => read.extend(
                second
                    .iter()
                    .map(|_| Err(("could not be read".to_owned(), "无法读取".to_owned()))),
            ),
        }
        read
    })
}

/// One report: a dataset as it is, a published report imported (or taken from the cache);
/// why not in English and in Chinese.
pub fn read_one(path: &Path, cache: Option<&Path>) -> Result<Dataset, (String, String)> {
    if !crate::import::is_importable(path) {
        return load::load_file(path)
            .map_err(|error| (error.render_in(Lang::En), error.render_in(Lang::Zh)));
    }
    let origin = Origin::File(path.with_extension("ron"));
    let loaded = |ron: &str| {
        load::load_str(ron, origin.clone())
            .map_err(|error| (error.render_in(Lang::En), error.render_in(Lang::Zh)))
    };
    let bytes = std::fs::read(path).map_err(|error| {
        (
            crate::report::words::io_reason(Lang::En, &error),
            crate::report::words::io_reason(Lang::Zh, &error),
        )
    })?;
    let cached = cache.map(|dir| dir.join(format!("{}.ron", content_key(&bytes))));
    if let Some(text) = cached
        .as_deref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        && let Ok(dataset) = loaded(&text)
    {
        return Ok(dataset);
    }
    let imported = crate::import::import_file(path)
        .map_err(|error| (error.message(Lang::En), error.message(Lang::Zh)))?;
    if let Some(cached) = cached {
        // A cache that cannot be written only costs the next opening its time.
        let _ = cached
            .parent()
            .map(std::fs::create_dir_all)
            .and_then(Result::ok)
            .map(|()| std::fs::write(&cached, &imported.ron));
    }
    loaded(&imported.ron)
}

/// A name for an imported report's cache entry: its bytes' hash, and this build's version, as
/// a newer importer may read the same bytes better.
pub fn content_key(bytes: &[u8]) -> String {
    use std::hash::Hasher as _;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.write_usize(bytes.len());
    hasher.write(env!("CARGO_PKG_VERSION").as_bytes());
    format!("{:016x}", hasher.finish())
}

/// The organisation a title begins with, as import reads a cover's.
pub use crate::import::organisation_in as publisher_in;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_from_titles_and_file_names() {
        use series::year_in;
        assert_eq!(year_in("2018年政府工作报告"), Some(2018));
        assert_eq!(year_in("review-2023"), Some(2023));
        assert_eq!(year_in("成都市科协八大以来工作回眸"), None);
        // A number of four digits that is not a year.
        assert_eq!(year_in("第5000号"), None);
        assert_eq!(year_in("12345 and 2019"), Some(2019));
    }

    #[test]
    fn the_publisher_is_the_organisation_a_title_begins_with() {
        assert_eq!(
            publisher_in("成都市科学技术协会八大以来工作回眸").as_deref(),
            Some("成都市科学技术协会")
        );
        assert_eq!(
            publisher_in("2019年国务院政府工作报告").as_deref(),
            Some("国务院")
        );
        assert_eq!(
            publisher_in("臺北市政府2022年施政成果").as_deref(),
            Some("臺北市政府")
        );
        assert_eq!(publisher_in("政府工作报告"), None);
    }

    #[test]
    fn a_content_key_changes_with_the_content() {
        assert_ne!(content_key(b"a"), content_key(b"b"));
        assert_eq!(content_key(b"a"), content_key(b"a"));
    }
}
