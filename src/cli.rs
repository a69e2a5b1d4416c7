//! The command line for data authors: check a dataset, list its figures, search it, take a
//! screenshot of a view.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::document::dataset::Dataset;
use crate::document::load::{self, LoadError};
use crate::report::diagnostic::Diagnostic;
use crate::report::lang::Lang;
use crate::viewer::app::Startup;
use crate::viewer::place::View;

/// Huimou (回眸): a desktop viewer for Chinese work-review reports.
#[derive(Debug, Parser)]
#[command(
    name = "huimou",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A dataset, a report to import or a folder of reports (a shelf) to open in the viewer
    /// (the embedded Chengdu report when left out).
    pub file: Option<PathBuf>,
    /// The interface's language for this run (`zh-hans`, `zh-hant`, `zh` or `en`), instead
    /// of the one chosen before.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// A command for data authors, instead of opening the viewer.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What the command line can do besides opening the viewer.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a dataset and print every error and warning; exit 1 when there are errors.
    Check {
        /// The dataset file to check.
        file: PathBuf,
        /// The language of the messages; without it, the locale's (`LC_ALL`, `LC_MESSAGES`,
        /// `LANG`): Chinese for `zh…`, else English.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Open a view in a window, save a PNG of it once painted, and exit.
    Screenshot {
        /// The dataset, a report to import or a folder of reports (the embedded Chengdu
        /// report when left out).
        file: Option<PathBuf>,
        /// `overview`, `figures` (the table of every figure), `review`, a chapter's number (1,
        /// 2, …); of a folder, also `shelf` or `series:ID` (an id `huimou series` lists).
        #[arg(long, default_value = "overview")]
        view: String,
        /// Where to write the PNG.
        #[arg(long)]
        out: PathBuf,
        /// The window's inner size, WIDTHxHEIGHT.
        #[arg(long, default_value = "1280x860")]
        size: String,
        /// The theme to draw in.
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
        /// A query to put in the search box.
        #[arg(long)]
        search: Option<String>,
        /// The language of the interface.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
    },
    /// Search a dataset as the viewer's whole-report search does (characters, or pinyin such as
    /// `kepu` and `kp`): one line per initiative, chapter, title and a snippet with the match in
    /// 【】. Exit 0 when something matched, 1 when nothing did, 2 on errors.
    #[command(override_usage = "huimou search [FILE] QUERY")]
    Search {
        /// `[FILE] QUERY`: the dataset (the embedded Chengdu report when left out), then the query.
        #[arg(num_args = 1..=2, required = true, value_names = ["FILE", "QUERY"])]
        args: Vec<String>,
    },
    /// Write the whole report as a PDF for reading and printing: cover, contents, every chapter
    /// with its charts and initiatives; text selectable, fonts embedded, bookmarks. Needs no
    /// display.
    Pdf {
        /// The dataset (the embedded Chengdu report when left out).
        file: Option<PathBuf>,
        /// Where to write the PDF.
        #[arg(long)]
        out: PathBuf,
        /// The paper size.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// The language of titles and labels (English where the dataset has it).
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Accepted for older scripts and ignored: a PDF is always in light colours.
        #[arg(long, value_enum, hide = true)]
        theme: Option<ThemeArg>,
    },
    /// Make a dataset from a brochure (.md, .txt or .docx): chapters, initiatives verbatim,
    /// figures from the bold numbers (labels guessed, to confirm), proposed charts. Exit 0 when
    /// written, 1 when the brochure cannot be imported or the dataset exists already.
    Import {
        /// The brochure: Markdown-like text (.md, .txt) or a Word document (.docx).
        source: PathBuf,
        /// Where to write the dataset (the brochure's name with `.ron` when left out).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the dataset when it exists.
        #[arg(long)]
        force: bool,
        /// The language of the messages; without it, the locale's, as for `check`.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Print every figure of a dataset, one row each; of a folder's every report, with a
    /// `report` column first.
    Figures {
        /// The dataset, or a folder of reports (the embedded Chengdu report when left out).
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FigureFormat::Csv)]
        format: FigureFormat,
    },
    /// List every series of a folder of reports: the same measure given by more than one
    /// report, one row per reading (series, report, publisher, period, label, value as written,
    /// base value, unit, status). Exit 0 when a series was found, 1 when none was, 2 on errors.
    Series {
        /// The folder of reports (datasets, and reports to import).
        folder: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FigureFormat::Csv)]
        format: FigureFormat,
    },
}

/// Output formats of `huimou figures`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FigureFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// Languages the screenshot command can draw the interface in, and `check` can speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Chinese, in the report's script.
    Zh,
    /// Simplified Chinese.
    ZhHans,
    /// Traditional Chinese.
    ZhHant,
    /// English.
    En,
}

impl LangArg {
    /// The script of a Chinese interface it asks for; `zh` follows the report's.
    pub fn script(self) -> Option<crate::viewer::settings::ChineseScript> {
        use crate::viewer::settings::ChineseScript;
        match self {
            Self::Zh => Some(ChineseScript::FollowReport),
            Self::ZhHans => Some(ChineseScript::Simplified),
            Self::ZhHant => Some(ChineseScript::Traditional),
            Self::En => None,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Zh | LangArg::ZhHans | LangArg::ZhHant => Self::Zh,
            LangArg::En => Self::En,
        }
    }
}

/// Prints why a dataset did not open, in the terminal's language (see [`Lang::of_terminal`]).
fn print_load_error(error: &LoadError) {
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        error.render_in(Lang::of_terminal())
    );
}

/// Paper sizes of `huimou pdf`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4 (210 × 297 mm).
    A4,
    /// US Letter (8.5 × 11 in).
    Letter,
}

/// Themes the screenshot command can draw in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
    /// The system's light or dark, as the viewer follows it (and shows that it does).
    System,
}

/// Parses `--view`: `overview` or a 1-based chapter number.
pub fn parse_view(text: &str) -> Result<View, String> {
    match text.trim() {
        "overview" | "0" => Ok(View::Overview),
        "figures" => Ok(View::Figures),
        "review" => Ok(View::Review),
        "shelf" => Ok(View::Shelf),
        number => match number.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(View::Chapter(n - 1)),
            _ => Err(format!(
                "--view {number}: use `overview`, `figures`, `review`, `shelf`, `series:ID` or a chapter number (1, 2, …)"
            )),
        },
    }
}

/// Runs `huimou screenshot`.
pub fn screenshot(
    file: Option<PathBuf>,
    view: &str,
    out: PathBuf,
    size: &str,
    theme: ThemeArg,
    search: Option<String>,
    lang: LangArg,
) -> ExitCode {
    let usage = |message: String| {
        let _ = writeln!(std::io::stderr(), "huimou screenshot: {message}");
        ExitCode::from(2)
    };
    let size = match crate::viewer::screenshot::parse_size(size) {
        Ok(size) => size,
        Err(message) => return usage(message),
    };
    let folder = file.as_deref().filter(|f| f.is_dir());
    let series = view.trim().strip_prefix("series:");
    let view = match (series, folder) {
        (Some(_), None) => {
            return usage("--view series:ID: a series is a folder's; give the folder".to_owned());
        }
        (Some(_), Some(_)) => View::Shelf,
        (None, _) => match parse_view(view) {
            Ok(view) => view,
            Err(message) => return usage(message),
        },
    };
    if let Some(folder) = folder {
        let shelf = match open_shelf(folder) {
            Ok(shelf) => shelf,
            Err(code) => return code,
        };
        let view = match series {
            Some(id) => match shelf.series.iter().position(|s| s.id == id.trim()) {
                Some(s) => View::Series(s),
                None => {
                    let known: Vec<&str> = shelf.series.iter().map(|s| s.id.as_str()).collect();
                    return usage(format!(
                        "--view series:{id}: no such series; the folder's are: {}",
                        known.join(", ")
                    ));
                }
            },
            None => view,
        };
        return screenshot_window(file, view, out, size, theme, search, lang);
    }
    if view == View::Shelf {
        return usage("--view shelf: give a folder of reports".to_owned());
    }
    // A screenshot of a file that does not open would silently show something else. A report
    // to import is shown as the window shows it: imported, on its review.
    let importing = file.as_deref().is_some_and(crate::import::is_importable);
    let dataset = match file.as_deref().filter(|_| importing) {
        Some(path) => match imported_dataset(path) {
            Ok(dataset) => dataset,
            Err(code) => return code,
        },
        None => match dataset_or_embedded(file.as_deref()) {
            Ok(dataset) => dataset,
            Err(error) => {
                print_load_error(&error);
                return ExitCode::FAILURE;
            }
        },
    };
    if view == View::Review && !importing {
        return usage("--view review: only a report being imported has a review".to_owned());
    }
    if let View::Chapter(c) = view {
        let chapters = dataset.report.chapters.len();
        if c >= chapters {
            return usage(format!(
                "--view {}: the report has {chapters} chapters",
                c + 1
            ));
        }
    }
    screenshot_window(file, view, out, size, theme, search, lang)
}

/// Opens the window for `huimou screenshot`, once what it shows is known to be there.
fn screenshot_window(
    file: Option<PathBuf>,
    view: View,
    out: PathBuf,
    size: (f32, f32),
    theme: ThemeArg,
    search: Option<String>,
    lang: LangArg,
) -> ExitCode {
    let startup = Startup {
        file,
        persist: false,
        view: Some(view),
        theme: Some(match theme {
            ThemeArg::Light => egui::ThemePreference::Light,
            ThemeArg::Dark => egui::ThemePreference::Dark,
            ThemeArg::System => egui::ThemePreference::System,
        }),
        search,
        crash: None,
        language: Some(lang.into()),
        script: lang.script(),
        shelf_in_background: true,
    };
    crate::viewer::run::run_viewer(
        startup,
        crate::viewer::run::Window {
            size: Some(size),
            screenshot: Some(out),
        },
    )
}

/// Runs `huimou check` in English, the words scripts and the fuzz targets read: prints
/// diagnostics like rustc and a summary line.
pub fn check(path: &Path, out: &mut impl std::io::Write) -> std::io::Result<ExitCode> {
    check_in(path, Lang::En, out)
}

/// Runs `huimou check` in `lang`: prints diagnostics like rustc and a summary line. Only the
/// words change with the language; `file:line:column` and the exit code do not.
pub fn check_in(
    path: &Path,
    lang: Lang,
    out: &mut impl std::io::Write,
) -> std::io::Result<ExitCode> {
    let file = path.display().to_string();
    let (diagnostics, (errors, mut warnings), uncovered) = match load::read_file(path) {
        Ok(source) => {
            let checked = load::diagnose_str(&source);
            (
                checked.diagnostics,
                checked.totals,
                crate::report::glyphs::uncovered_in_source(&source),
            )
        }
        Err(error) => (error.diagnostics, (1, 0), Vec::new()),
    };
    for diagnostic in &diagnostics {
        writeln!(out, "{}", diagnostic.render_in(&file, lang))?;
    }
    if !uncovered.is_empty() {
        writeln!(
            out,
            "{}",
            uncovered_warning(&uncovered).render_in(&file, lang)
        )?;
        warnings += 1;
    }
    let summary = match lang {
        Lang::En => format!(
            "{errors} {}, {warnings} {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ),
        Lang::Zh => format!("{errors} 个错误，{warnings} 个警告"),
    };
    writeln!(out, "{file}: {summary}")?;
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The warning about characters of the dataset that no bundled font has.
fn uncovered_warning(uncovered: &[char]) -> Diagnostic {
    let count = uncovered.len();
    let list: Vec<String> = uncovered.iter().map(char::to_string).collect();
    let list = list.join(" ");
    let (have, are, them, zh_them) = if count == 1 {
        ("character has", "is", "it", "这个字")
    } else {
        ("characters have", "are", "them", "这些字")
    };
    Diagnostic::warning(
        format!(
            "{count} {have} no glyph in Huimou's bundled fonts and {are} drawn with a system \
             font if one has {them}: {list}"
        ),
        format!(
            "{count} 个字符在回眸自带的字体中没有字形，会用系统中有{zh_them}的字体显示：{list}"
        ),
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// One row of `huimou figures`.
#[derive(Debug, serde::Serialize)]
pub struct FigureRow<'a> {
    /// The chapter's number.
    pub chapter: u32,
    /// The initiative's title.
    pub initiative: &'a str,
    /// What the figure counts.
    pub label: &'a str,
    /// The number as written.
    pub value: f64,
    /// The unit as written (余万元).
    pub unit: &'a str,
    /// more_than, over, nearly, about, two of them joined by + (nearly+more_than), or empty.
    pub qualifier: String,
    /// The value in base units.
    pub base_value: f64,
    /// The base unit (元).
    pub base_unit: &'a str,
    /// count, percent, percentage_points, fraction or multiple.
    pub measure: &'static str,
    /// result, target or estimate.
    pub status: &'static str,
    /// Whether the source set the number in bold.
    pub stressed: bool,
    /// A range's upper end as written, and in base units (null for one number).
    pub value_to: Option<f64>,
    pub base_value_to: Option<f64>,
    /// The figure as the text writes it (1万6千多户, 3至5个).
    pub written: String,
}

/// Every figure of a dataset as rows for `huimou figures`.
pub fn figure_rows(dataset: &Dataset) -> Vec<FigureRow<'_>> {
    dataset
        .figures()
        .map(|(place, figure)| {
            let quantity = dataset.quantity(place);
            FigureRow {
                chapter: dataset.chapter_at(place).number,
                initiative: &dataset.initiative_at(place).title,
                label: &figure.label,
                // -0 is 0 (+ 0.0 drops the sign of a zero only).
                value: figure.value + 0.0,
                unit: &figure.unit,
                qualifier: quantity.qualifier_keyword(),
                base_value: quantity.base_value,
                base_unit: &quantity.base_unit,
                measure: quantity.measure().keyword(),
                status: figure.status.keyword(),
                stressed: figure.stressed,
                value_to: figure.value_to,
                base_value_to: quantity.base_value_to,
                written: dataset.figure_as_written(place),
            }
        })
        .collect()
}

/// Runs `huimou figures`: writes every figure as CSV or JSON.
pub fn figures(
    dataset: &Dataset,
    format: FigureFormat,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let rows = figure_rows(dataset);
    match format {
        FigureFormat::Csv => {
            // The header is part of the interface scripts rely on (`FIGURES_HEADER`).
            crate::export::figures_csv(dataset, dataset.figures().map(|(place, _)| place), out)
        }
        FigureFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
    }
}

/// Loads the dataset at `path`, or the embedded one.
/// A report imported, as the viewer will show it; an import that fails is said as
/// `huimou import` says it.
fn imported_dataset(path: &Path) -> Result<Dataset, ExitCode> {
    let lang = crate::report::lang::Lang::of_terminal();
    let imported = crate::import::import_file(path).map_err(|error| {
        let _ = writeln!(std::io::stderr(), "{}", error.message(lang));
        ExitCode::FAILURE
    })?;
    let origin = crate::document::dataset::Origin::File(path.with_extension("ron"));
    load::load_str(&imported.ron, origin).map_err(|error| {
        print_load_error(&error);
        ExitCode::FAILURE
    })
}

pub fn dataset_or_embedded(path: Option<&Path>) -> Result<Dataset, LoadError> {
    match path {
        Some(path) => load::load_file(path),
        None => Ok(load::embedded()),
    }
}

/// Runs `huimou pdf`: in this process, with no window.
fn pdf(file: Option<PathBuf>, out: &Path, paper: PaperArg, lang: LangArg) -> ExitCode {
    let dataset = match dataset_or_embedded(file.as_deref()) {
        Ok(dataset) => dataset,
        Err(error) => {
            print_load_error(&error);
            return ExitCode::FAILURE;
        }
    };
    let options = crate::export::pdf::Options {
        paper: match paper {
            PaperArg::A4 => crate::export::pdf::Paper::A4,
            PaperArg::Letter => crate::export::pdf::Paper::Letter,
        },
        lang: lang.into(),
        shelf: None,
    };
    match crate::export::pdf::write_report_pdf(&dataset, options, out, &mut |_| {}) {
        Ok(()) => {
            let pdf = out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
            if !pdf {
                // Written all the same: a script may want its own name; a person wants to know.
                let message = match Lang::of_terminal() {
                    Lang::En => "does not end in .pdf; it is a PDF all the same",
                    Lang::Zh => "的扩展名不是 .pdf；写入的仍是 PDF",
                };
                let _ = writeln!(std::io::stderr(), "huimou pdf: {} {message}", out.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            let message = error.message(Lang::of_terminal());
            let _ = writeln!(std::io::stderr(), "huimou pdf: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Why `huimou import` could not write its dataset, in English and Chinese.
fn not_written(error: &std::io::Error) -> (String, String) {
    if error.kind() == std::io::ErrorKind::AlreadyExists {
        return (
            "already exists; add --force to replace it".to_owned(),
            "已存在；要替换它请加 --force".to_owned(),
        );
    }
    let reason = |lang| crate::report::words::io_reason(lang, error);
    (
        format!("cannot be written: {}", reason(Lang::En)),
        format!("无法写入：{}", reason(Lang::Zh)),
    )
}

/// `huimou search`'s dataset (when named) and query; `None`, said on stderr, when the query
/// is empty.
fn search_args(args: &[String]) -> Option<(Option<&Path>, &str)> {
    let (file, query) = match args {
        [query] => (None, query.as_str()),
        [file, query] => (Some(Path::new(file.as_str())), query.as_str()),
        _ => return None,
    };
    if query.trim().is_empty() {
        let message = match Lang::of_terminal() {
            Lang::En => "huimou search: the query is empty; give the words to look for",
            Lang::Zh => "huimou search：查询为空；请给出要找的字词",
        };
        let _ = writeln!(std::io::stderr(), "{message}");
        return None;
    }
    Some((file, query))
}

/// Runs `huimou import`: reads the brochure at `source` and writes its dataset to `out` (the
/// source's name with `.ron` when left out), never over an existing file unless `force`. Says
/// what it did, or why not, on stderr in `lang`.
pub fn import(source: &Path, out: Option<&Path>, force: bool, lang: LangArg) -> ExitCode {
    let traditional = lang == LangArg::ZhHant;
    let lang = Lang::from(lang);
    let out = out.map_or_else(|| source.with_extension("ron"), Path::to_path_buf);
    let paths = [source.display().to_string(), out.display().to_string()];
    let say = |en: String, zh: String| {
        let line = match lang {
            Lang::En => en,
            Lang::Zh if traditional => traditional_except(&zh, &paths),
            Lang::Zh => zh,
        };
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            crate::report::diagnostic::terminal_safe(&line)
        );
    };
    let shown = out.display();
    let error = crate::report::diagnostic::Severity::Error.word_in(lang);
    let colon = if lang == Lang::En { ": " } else { "：" };
    if out == source {
        say(
            format!(
                "{error}{colon}{shown}: the dataset would replace the brochure; choose another --out"
            ),
            format!("{error}{colon}{shown}：数据集会覆盖原文；请用 --out 另选文件"),
        );
        return ExitCode::FAILURE;
    }
    // Looked at before the brochure is read, so that the answer comes at once; written with
    // create_new below, so that a file made meanwhile is not replaced either.
    if !force && out.exists() {
        say(
            format!("{error}{colon}{shown} already exists; add --force to replace it"),
            format!("{error}{colon}{shown} 已存在；要替换它请加 --force"),
        );
        return ExitCode::FAILURE;
    }
    let imported = match crate::import::import_file(source) {
        Ok(imported) => imported,
        Err(e) => {
            say(
                format!("{error}{colon}{}", e.message(Lang::En)),
                format!("{error}{colon}{}", e.message(Lang::Zh)),
            );
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = write_new(&out, imported.ron.as_bytes(), force) {
        let (en, zh) = not_written(&e);
        say(
            format!("{error}{colon}{shown} {en}"),
            format!("{error}{colon}{shown} {zh}"),
        );
        return ExitCode::FAILURE;
    }
    let report = &imported.report;
    let (chapters, initiatives) = (report.chapters.len(), report.initiative_count());
    let (figures, guessed) = (report.figures().count(), imported.guessed_labels);
    say(
        format!(
            "wrote {shown}: {chapters} chapters, {initiatives} initiatives, {figures} figures; {guessed} labels guessed, to confirm (`huimou check {shown}` lists them)"
        ),
        format!(
            "已写入 {shown}：{chapters} 章，{initiatives} 项举措，{figures} 个数据；其中 {guessed} 个数据名称是猜的，请确认（`huimou check {shown}` 会列出）"
        ),
    );
    // What was read and what was not, so that nothing is left out in silence.
    for line in imported.summary.lines(lang).into_iter().skip(1) {
        say(line.clone(), line);
    }
    ExitCode::SUCCESS
}

/// A line of Chinese output in traditional characters (`--lang zh-hant`), but for what it
/// quotes from a file (「label」, `id`) and the paths in `keep`, which stay as written.
fn traditional_except(line: &str, keep: &[String]) -> String {
    // Each kept path stands in as a mark of no Chinese while the line is converted whole (its
    // quotes paired as written), then comes back.
    let mut marked = line.to_owned();
    for (k, path) in keep.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
        marked = marked.replace(path.as_str(), &format!("\u{e000}{k}\u{e001}"));
    }
    let mut converted = crate::viewer::i18n::traditional_outside_quotes(&marked);
    for (k, path) in keep.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
        converted = converted.replace(&format!("\u{e000}{k}\u{e001}"), path);
    }
    converted
}

/// Writes `bytes` to `path`, which must not exist unless `replace`.
fn write_new(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if replace {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    options.open(path)?.write_all(bytes)
}

/// Prints what the whole-report search finds for `query`, in the viewer's order (matches of
/// the characters as typed first, then pinyin matches).
pub fn search(
    dataset: &Dataset,
    query: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<ExitCode> {
    let places = dataset.index().search(query, None);
    for place in &places {
        let hit = crate::search::Hit::new(&dataset.report, *place, query);
        let chapter = &dataset.report.chapters[place.chapter];
        let initiative = &chapter.initiatives[place.initiative];
        let title = marked(&initiative.title, &hit.title);
        let mut snippet = if hit.text.is_empty() && !hit.title.is_empty() {
            String::new()
        } else {
            let (excerpt, ranges) =
                crate::search::snippet(&initiative.text, &hit.text, crate::search::SNIPPET_CONTEXT);
            marked(&excerpt, &ranges)
        };
        if !hit.figures.is_empty() {
            let labels = hit.figure_labels(&dataset.report);
            if !snippet.is_empty() {
                snippet.push(' ');
            }
            // In the report's own script: 數據 in a traditional one.
            let word = match dataset.script() {
                crate::report::script_fold::HanScript::Traditional => "數據",
                crate::report::script_fold::HanScript::Simplified => "数据",
            };
            snippet.push_str(&format!("（{word}：【{}】）", labels.join("】【")));
        }
        let line = format!("{} {}\t{title}\t{snippet}", chapter.number, chapter.name);
        // The dataset's text goes to a terminal: no control character may act on it.
        writeln!(out, "{}", crate::report::diagnostic::terminal_safe(&line))?;
    }
    Ok(if places.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Opens the shelf of `folder`, its imports cached in the data folder; says on stderr which
/// files could not be read, or why the folder cannot be a shelf (exit 2).
pub fn open_shelf(folder: &Path) -> Result<crate::shelf::Shelf, ExitCode> {
    let lang = Lang::of_terminal();
    let cache = crate::viewer::logging::data_dir().map(|dir| dir.join(crate::shelf::CACHE_FOLDER));
    let say = |line: String| {
        let safe = crate::report::diagnostic::terminal_safe(&line);
        let _ = writeln!(std::io::stderr(), "{safe}");
    };
    match crate::shelf::open(folder, cache.as_deref()) {
        Ok(shelf) => {
            let warning = crate::report::diagnostic::Severity::Warning.word_in(lang);
            for refused in &shelf.refused {
                say(format!("{warning}: {}", refused.why_in(lang)));
            }
            Ok(shelf)
        }
        Err(error) => {
            let word = crate::report::diagnostic::Severity::Error.word_in(lang);
            say(format!("{word}: {}", error.message(lang)));
            Err(ExitCode::from(2))
        }
    }
}

/// Runs `huimou figures FOLDER`.
fn shelf_figures(
    shelf: &crate::shelf::Shelf,
    format: FigureFormat,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    match format {
        FigureFormat::Csv => crate::export::shelf_figures_csv(shelf, out),
        FigureFormat::Json => {
            let rows: Vec<serde_json::Value> = shelf
                .reports
                .iter()
                .flat_map(|report| {
                    let name = report.file_name();
                    figure_rows(&report.dataset).into_iter().map(move |row| {
                        let mut object = serde_json::Map::new();
                        object.insert("report".to_owned(), name.clone().into());
                        if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(row) {
                            object.extend(fields);
                        }
                        serde_json::Value::Object(object)
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
    }
}

/// Runs `huimou series FOLDER`: exit 0 when a series was found, 1 when none was.
fn series(
    shelf: &crate::shelf::Shelf,
    format: FigureFormat,
    out: &mut impl std::io::Write,
) -> std::io::Result<ExitCode> {
    let rows = crate::export::series_rows(shelf);
    match format {
        FigureFormat::Csv => crate::export::series_csv(&rows, &mut *out)?,
        FigureFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
    }
    Ok(if rows.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `huimou search FOLDER QUERY`: every report's matches, grouped by report (its file's
/// name first on each line), in the shelf's order.
fn search_shelf(
    shelf: &crate::shelf::Shelf,
    query: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<ExitCode> {
    let mut found = false;
    for report in &shelf.reports {
        let mut lines = Vec::new();
        search(&report.dataset, query, &mut lines)?;
        let name = crate::report::diagnostic::terminal_safe(&report.file_name()).into_owned();
        for line in String::from_utf8_lossy(&lines).lines() {
            found = true;
            writeln!(out, "{name}\t{line}")?;
        }
    }
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `text` with each of `ranges` (byte ranges, in order) wrapped in 【】, on one line.
fn marked(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 6);
    let mut at = 0;
    for range in ranges {
        out.push_str(&text[at..range.start]);
        out.push('【');
        out.push_str(&text[range.clone()]);
        out.push('】');
        at = range.end;
    }
    out.push_str(&text[at..]);
    out.replace(['\n', '\t'], " ")
}

/// Runs a data-author command and says how the process should exit.
pub fn run_command(command: Command) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match command {
        Command::Check {
            file,
            lang: Some(LangArg::ZhHant),
        } => {
            // Rendered whole, then its words (not the file's lines it shows) made traditional.
            let mut rendered = Vec::new();
            let code = check_in(&file, Lang::Zh, &mut rendered);
            let text = String::from_utf8_lossy(&rendered);
            let keep = [file.display().to_string()];
            for line in text.lines() {
                let shown = line.trim_start();
                // `12 | source` and ` --> file`: the file's own text and place.
                let quoted = shown.starts_with("-->")
                    || shown.starts_with('|')
                    || shown
                        .split_once(" |")
                        .is_some_and(|(n, _)| n.trim().parse::<usize>().is_ok());
                let line = if quoted {
                    line.to_owned()
                } else {
                    traditional_except(line, &keep)
                };
                let _ = writeln!(out, "{line}");
            }
            code
        }
        Command::Check { file, lang } => {
            let lang = lang.map_or_else(Lang::of_terminal, Lang::from);
            check_in(&file, lang, &mut out)
        }
        Command::Screenshot {
            file,
            view,
            out,
            size,
            theme,
            search,
            lang,
        } => return screenshot(file, &view, out, &size, theme, search, lang),
        Command::Search { args } => {
            let Some((file, query)) = search_args(&args) else {
                return ExitCode::from(2);
            };
            if let Some(folder) = file.filter(|f| f.is_dir()) {
                return match open_shelf(folder) {
                    Ok(shelf) => search_shelf(&shelf, query, &mut out),
                    Err(code) => return code,
                }
                .unwrap_or(ExitCode::from(2));
            }
            match dataset_or_embedded(file) {
                Ok(dataset) => search(&dataset, query, &mut out),
                Err(error) => {
                    print_load_error(&error);
                    return ExitCode::from(2);
                }
            }
        }
        Command::Pdf {
            file,
            out,
            paper,
            lang,
            theme,
        } => {
            if theme == Some(ThemeArg::Dark) {
                let _ = writeln!(
                    std::io::stderr(),
                    "huimou pdf: a PDF is always in light colours, for paper; --theme is ignored"
                );
            }
            return pdf(file, &out, paper, lang);
        }
        Command::Import {
            source,
            out,
            force,
            lang,
        } => {
            let lang = lang.unwrap_or(match Lang::of_terminal() {
                Lang::Zh => LangArg::Zh,
                Lang::En => LangArg::En,
            });
            return import(&source, out.as_deref(), force, lang);
        }
        Command::Figures {
            file: Some(folder),
            format,
        } if folder.is_dir() => match open_shelf(&folder) {
            Ok(shelf) => shelf_figures(&shelf, format, &mut out).map(|()| ExitCode::SUCCESS),
            Err(code) => return code,
        },
        Command::Series { folder, format } => match open_shelf(&folder) {
            Ok(shelf) => series(&shelf, format, &mut out),
            Err(code) => return code,
        },
        Command::Figures { file, format } => match dataset_or_embedded(file.as_deref()) {
            Ok(dataset) => figures(&dataset, format, &mut out).map(|()| ExitCode::SUCCESS),
            Err(error) => {
                print_load_error(&error);
                Ok(ExitCode::FAILURE)
            }
        },
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`huimou figures | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "huimou: {e}");
            ExitCode::FAILURE
        }
    }
}
