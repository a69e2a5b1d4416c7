//! The viewer's shell: what is shown, what is remembered, and the commands panels ask for.

use std::path::{Path, PathBuf};

use egui::ThemePreference;
use serde::{Deserialize, Serialize};

use crate::document::dataset::{ChartRef, Dataset, FigureRef, InitiativeRef};
use crate::document::load::{self, LoadError};
use crate::search::SearchIndex;
use crate::viewer::ui;
use crate::viewer::watch::Fingerprint;

/// How many files File → Recent remembers.
const MAX_RECENT: usize = 8;

/// What the central panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum View {
    /// The report's cover and a card per chapter.
    #[default]
    Overview,
    /// One chapter, by index.
    Chapter(usize),
    /// Every figure of the report in one table (数据一览).
    Figures,
}

/// Where the search box looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchScope {
    /// Filter the current chapter's initiatives.
    #[default]
    Chapter,
    /// List matches across the whole report.
    Report,
}

/// What the viewer remembers between runs (never the dataset's content).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The view last shown.
    pub view: View,
    /// Light, dark or following the system.
    pub theme: ThemePreference,
    /// The zoom factor (Ctrl +/−/0).
    pub zoom: f32,
    /// The dataset file last opened, if any; `None` means the embedded report.
    pub last_file: Option<PathBuf>,
    /// Files opened recently, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The language of the interface; `None` follows the system's.
    pub language: Option<crate::viewer::i18n::Lang>,
    /// How the table of figures is sorted.
    pub figure_sort: crate::document::figure_table::Sort,
    /// The folder something was last exported to: the next export's dialog starts there.
    pub export_folder: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            view: View::Overview,
            theme: ThemePreference::System,
            zoom: 1.0,
            last_file: None,
            recent_files: Vec::new(),
            language: None,
            figure_sort: crate::document::figure_table::Sort::default(),
            export_folder: None,
        }
    }
}

impl Settings {
    /// Takes what the command line asked for over what was saved (`huimou --view 2 --lang
    /// en …`), and brings the zoom into range.
    fn take_startup(&mut self, startup: &Startup) {
        if let Some(view) = startup.view {
            self.view = view;
        }
        if let Some(theme) = startup.theme {
            self.theme = theme;
        }
        if let Some(language) = startup.language {
            self.language = Some(language);
        }
        self.zoom = ui::commands::clamp_zoom(self.zoom);
    }

    /// The settings saved by an earlier run, or the defaults when there are none or they cannot
    /// be read (written by another version, or damaged): a viewer must start whatever its
    /// saved state says. Values out of range are brought back into it.
    pub fn restore(saved: Option<&str>) -> Self {
        let Some(text) = saved else {
            return Self::default();
        };
        let mut settings = match ron::from_str::<Self>(text) {
            Ok(settings) => settings,
            Err(error) => {
                log::warn!(
                    "the saved settings could not be read ({error}); starting with defaults"
                );
                return Self::default();
            }
        };
        if !settings.zoom.is_finite() {
            log::warn!(
                "the saved zoom factor {} is not a number; using 100%",
                settings.zoom
            );
            settings.zoom = 1.0;
        }
        settings.zoom = ui::commands::clamp_zoom(settings.zoom);
        settings.recent_files.truncate(MAX_RECENT);
        settings
    }
}

/// What can be exported, and from where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// Chart `k` of chapter `c` as a picture of its own pixels.
    ChartPng(ChartRef),
    /// Chart `k` of chapter `c`'s figures as CSV.
    ChartCsv(ChartRef),
    /// The initiatives listed in the view on screen (following the search) as CSV.
    InitiativesCsv,
    /// The rows of the table of figures (following its search and sort) as CSV.
    FiguresCsv,
    /// The chapter (or overview) on screen as a picture, as `huimou screenshot` makes it.
    ViewPng,
    /// The whole report as a PDF: cover, contents, every chapter.
    ReportPdf,
    /// A report imported from a brochure, saved as a dataset (then opened from there).
    DatasetRon,
}

impl Export {
    /// The file type's name and extension, for the save dialog.
    fn file_type(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::ChartPng(..) | Self::ViewPng => ("PNG", &["png"]),
            Self::ChartCsv(..) | Self::InitiativesCsv | Self::FiguresCsv => ("CSV", &["csv"]),
            Self::ReportPdf => ("PDF", &["pdf"]),
            Self::DatasetRon => ("RON", &["ron"]),
        }
    }
}

/// What a PDF job tells the viewer.
pub enum PdfEvent {
    /// The PDF is written.
    Written(PathBuf),
    /// The system's viewer has it (printing).
    Opened,
    /// It could not be made or opened, and why.
    Failed(String),
}

/// The report's PDF being made on a thread of its own.
pub struct PdfJob {
    /// How far it is, in thousandths.
    pub progress: std::sync::Arc<std::sync::atomic::AtomicU32>,
    /// Whether it is for printing (opened in the system's viewer once written).
    pub print: bool,
    /// Where it goes.
    pub path: PathBuf,
    /// Where it was written, once it is (printing goes on to open it).
    pub written: Option<PathBuf>,
    receiver: std::sync::mpsc::Receiver<PdfEvent>,
}

impl PdfJob {
    /// Starts writing `dataset`'s PDF to `path`; to print, then opens it with `open`.
    fn start(
        ctx: &egui::Context,
        dataset: Dataset,
        options: crate::export::pdf::Options,
        path: PathBuf,
        open: Option<fn(&std::path::Path) -> std::io::Result<()>>,
    ) -> Self {
        let progress = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
        let (sender, receiver) = std::sync::mpsc::channel();
        let (shared, waker, out) = (progress.clone(), ctx.clone(), path.clone());
        std::thread::spawn(move || {
            let mut tell = |fraction: f32| {
                let value = (fraction.clamp(0.0, 1.0) * 1000.0) as u32;
                shared.store(value, std::sync::atomic::Ordering::Relaxed);
                waker.request_repaint();
            };
            let event =
                match crate::export::pdf::write_report_pdf(&dataset, options, &out, &mut tell) {
                    Ok(()) => PdfEvent::Written(out.clone()),
                    Err(error) => PdfEvent::Failed(error.message(options.lang)),
                };
            let written = matches!(event, PdfEvent::Written(_));
            let _ = sender.send(event);
            waker.request_repaint();
            if let Some(open) = open.filter(|_| written) {
                let opened = match open(&out) {
                    Ok(()) => PdfEvent::Opened,
                    Err(error) => PdfEvent::Failed(format!(
                        "{}: {}",
                        out.display(),
                        crate::report::words::io_reason(options.lang, &error)
                    )),
                };
                let _ = sender.send(opened);
                waker.request_repaint();
            }
        });
        Self {
            progress,
            print: open.is_some(),
            path,
            written: None,
            receiver,
        }
    }

    /// How far the job is, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        self.progress.load(std::sync::atomic::Ordering::Relaxed) as f32 / 1000.0
    }
}

/// A chart's picture waiting to be taken from a frame drawn after the menu that asked for it
/// has closed.
#[derive(Debug)]
struct ChartPicture {
    chart: ChartRef,
    path: PathBuf,
    frames_to_wait: u8,
}

/// A report imported from a brochure (`huimou import`), shown but not yet saved as a dataset.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The brochure it was imported from.
    pub source: PathBuf,
    /// The dataset's text, as it will be saved.
    pub ron: String,
    /// How many figures' labels the importer guessed, for the author to confirm.
    pub guessed_labels: usize,
    /// What the import read and left out (quantities not read as figures, warnings).
    pub summary: crate::import::Summary,
}

/// A message in the status bar, such as the outcome of an export.
#[derive(Clone, Debug)]
pub struct Status {
    /// What happened.
    pub text: String,
    /// Whether it went wrong.
    pub error: bool,
    /// When it was said (it fades after a while).
    pub at: std::time::Instant,
}

/// Something a panel asks the shell to do after the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show a view.
    Show(View),
    /// Show the previous chapter (or the overview before the first).
    Previous,
    /// Show the next chapter.
    Next,
    /// Ask for a dataset file with the system's file dialog, or the in-app one where the
    /// system has none.
    OpenDialog,
    /// Open a dataset file.
    Open(PathBuf),
    /// Go back to the report built into Huimou.
    OpenEmbedded,
    /// Ask for a brochure to import (Markdown-like text or a Word document).
    ImportDialog,
    /// Import a brochure and show it as a report, not yet saved.
    Import(PathBuf),
    /// Change the theme.
    SetTheme(ThemePreference),
    /// Change the language of the interface.
    SetLanguage(crate::viewer::i18n::Lang),
    /// Multiply the zoom factor; 0 resets it to 100%.
    Zoom(f32),
    /// Put the keyboard focus in the search box, searching the given scope.
    FocusSearch(SearchScope),
    /// Empty the search box.
    ClearSearch,
    /// Highlight a figure in its text and in its charts.
    SelectFigure(FigureRef),
    /// Highlight a figure and scroll its initiative into view (from a chart).
    RevealFigure(FigureRef),
    /// Show an initiative in its chapter, scrolled into view.
    OpenInitiative(InitiativeRef),
    /// Show the whole of a long initiative text, or its start again.
    ToggleFullText(InitiativeRef),
    /// Ask where to save an export (as `OpenDialog` asks), then make it.
    ExportDialog(Export),
    /// Make an export into a file.
    Export(Export, PathBuf),
    /// Put a figure, with its label and unit, on the clipboard.
    CopyFigure(FigureRef),
    /// Copy a figure with its period, label and chapter (copy with source).
    CopyFigureWithSource(FigureRef),
    /// Open or close the command palette (Ctrl+K).
    TogglePalette,
    /// Start or stop presenting (F5).
    TogglePresenting,
    /// Show or hide the About box.
    ToggleAbout,
    /// Show or hide the keyboard shortcuts.
    ToggleShortcuts,
    /// Show the diagnostics of the current dataset (its warnings).
    ShowWarnings,
    /// Close the diagnostics window.
    DismissDiagnostics,
    /// Write the report's PDF to a temporary file and open it in the system's viewer, to
    /// print from there (Ctrl+P).
    Print,
    /// Go back to the place before the last jump (Alt+←).
    Back,
    /// Go forward again after going back (Alt+→).
    Forward,
    /// Light the next match of the search (F3, Enter in the search box), scrolled into view.
    FindNext,
    /// Light the match before (Shift+F3, Shift+Enter).
    FindPrevious,
    /// Quit the application.
    Quit,
}

/// The search box's state and the hits of its current query.
#[derive(Debug, Default)]
pub struct Search {
    /// What the user typed.
    pub query: String,
    /// Where it looks.
    pub scope: SearchScope,
    /// Set for one frame to move the keyboard focus into the box.
    pub focus_requested: bool,
    /// The match lit in a chapter, or the result that Enter opens in the whole-report list.
    pub selected: usize,
    /// Set when ↑/↓ moved the selection, so the list scrolls to it once.
    pub selected_moved: bool,
    /// Whether the whole-report results stand beside the chapter one of them was opened in,
    /// rather than in the chapter's place.
    pub beside: bool,
    /// Which result was opened last (in `beside`), so that Enter goes on to the next.
    pub opened: Option<usize>,
    /// Whether the query was typed in the table of figures, as its filter: it stays with the
    /// table rather than becoming a search of the whole report in the next view.
    pub table_filter: bool,
    hits: Vec<InitiativeRef>,
    hits_for: Option<(String, Option<usize>)>,
}

impl Search {
    /// Whether the search box holds a query.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// The initiatives matching the current query, found once per query and scope: the
    /// chapter on screen, or the whole report (whichever chapter is on screen, so that
    /// stepping through the report's results keeps its place).
    pub fn hits(&mut self, index: &SearchIndex, view: View) -> &[InitiativeRef] {
        let key = (self.query.clone(), self.chapter_scope(view));
        if self.hits_for.as_ref() != Some(&key) {
            self.hits = index.search(&self.query, key.1);
            self.selected = 0;
            self.opened = None;
            self.hits_for = Some(key);
        }
        &self.hits
    }

    /// Whether the result open now was already open at `visit` (F3 with one result).
    fn opened_before(&self, visit: &Visit) -> bool {
        visit.beside && self.opened == Some(visit.selected)
    }

    /// The chapter the search is confined to in `view`, if any.
    pub fn chapter_scope(&self, view: View) -> Option<usize> {
        match (self.scope, view) {
            (SearchScope::Chapter, View::Chapter(c)) => Some(c),
            _ => None,
        }
    }

    /// Whether the whole-report results are shown beside the chapter in `view`.
    pub fn results_beside(&self, view: View) -> bool {
        self.beside
            && self.is_active()
            && self.scope == SearchScope::Report
            && matches!(view, View::Chapter(_))
    }

    /// The match lit in `view`: the chapter's current match, or the result opened beside it.
    pub fn lit(&self, view: View) -> Option<InitiativeRef> {
        let stepping = self.chapter_scope(view).is_some() || self.results_beside(view);
        let current = self.hits_for.as_ref()?.1 == self.chapter_scope(view);
        (stepping && current && self.is_active())
            .then(|| self.hits.get(self.selected).copied())
            .flatten()
    }

    /// Forgets cached hits (after a new dataset is opened).
    fn invalidate(&mut self) {
        self.hits_for = None;
        self.hits.clear();
        self.selected = 0;
        self.opened = None;
    }
}

/// Which diagnostics the diagnostics window shows.
#[derive(Debug)]
pub enum Diagnostics {
    /// A dataset that failed to open.
    Failed(LoadError),
    /// The open dataset's file was saved with errors; the report from before stays.
    ReloadFailed(LoadError),
    /// The warnings of the dataset on screen.
    Warnings,
    /// A brochure that could not be imported: the file, and where and why.
    ImportFailed(String, Vec<crate::report::diagnostic::Diagnostic>),
}

/// What a reload read from the watched file, on its own thread.
#[derive(Debug)]
pub struct Reload {
    path: PathBuf,
    /// What the file held, or `None` when it could not be read.
    seen: Option<crate::viewer::watch::Fingerprint>,
    /// The dataset or its errors; `None` when the file held what it held before.
    loaded: Option<Result<Dataset, LoadError>>,
}

impl Reload {
    /// Reads `path`, and parses it only when it holds something else than `before`.
    fn read(path: PathBuf, before: Option<crate::viewer::watch::Fingerprint>) -> Self {
        let bytes = load::read_bytes(&path);
        let seen = bytes
            .as_deref()
            .ok()
            .map(crate::viewer::watch::Fingerprint::of);
        let loaded =
            (seen != before).then(|| bytes.and_then(|bytes| load::load_bytes(bytes, &path)));
        Self { path, seen, loaded }
    }
}

/// A place the reader was at, for Back and Forward: the view, its search, and where its list
/// was scrolled to.
#[derive(Clone, Debug, PartialEq)]
pub struct Visit {
    view: View,
    query: String,
    scope: SearchScope,
    beside: bool,
    selected: usize,
    list: Option<(ui::rows::ListKey, Option<ui::rows::Anchor>)>,
}

impl Visit {
    /// Whether two visits are of the same view with the same search (scrolling aside).
    fn same_place(&self, other: &Self) -> bool {
        (self.view, &self.query, self.scope, self.beside)
            == (other.view, &other.query, other.scope, other.beside)
    }
}

/// How the viewer starts: the dataset, and overrides for the screenshot command.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    /// A dataset file to open instead of the remembered or embedded one.
    pub file: Option<PathBuf>,
    /// Whether to read and write remembered settings (off for screenshots and tests).
    pub persist: bool,
    /// A view to show instead of the remembered one.
    pub view: Option<View>,
    /// A theme to use instead of the remembered one.
    pub theme: Option<ThemePreference>,
    /// A language to use instead of the remembered one.
    pub language: Option<crate::viewer::i18n::Lang>,
    /// A query to put in the search box.
    pub search: Option<String>,
    /// A crash report left by the run before, to tell the user about.
    pub crash: Option<crate::viewer::logging::Crash>,
}

/// What the viewer starts with: a report, the errors of a file that did not open, and the file
/// to watch with what it held.
struct Start {
    dataset: Dataset,
    diagnostics: Option<Diagnostics>,
    watched: Option<PathBuf>,
    seen: Option<Fingerprint>,
}

impl Start {
    /// Loads `file`, if any. A file named on the command line (`explicit`) is watched even when
    /// it does not open, so that fixing it in the editor shows it; a remembered one that does
    /// not open is forgotten.
    fn load(file: Option<PathBuf>, explicit: bool, settings: &mut Settings) -> Self {
        let Some(path) = file else {
            return Self {
                dataset: load::embedded(),
                diagnostics: None,
                watched: None,
                seen: None,
            };
        };
        let (seen, loaded) = load::load_file_seen(&path);
        let (dataset, diagnostics) = match loaded {
            Ok(dataset) => (dataset, None),
            Err(error) => {
                log::warn!("could not open {}:\n{}", path.display(), error.render());
                settings.last_file = None;
                (load::embedded(), Some(Diagnostics::Failed(error)))
            }
        };
        let watched = (diagnostics.is_none() || explicit).then_some(path);
        Self {
            dataset,
            diagnostics,
            watched,
            seen,
        }
    }
}

/// The Huimou viewer.
pub struct HuimouApp {
    /// What is remembered between runs.
    pub settings: Settings,
    /// The report on screen.
    pub dataset: Dataset,
    /// The search box.
    pub search: Search,
    /// The figure highlighted in text and charts.
    pub selection: Option<FigureRef>,
    /// The diagnostics window, when open.
    pub diagnostics: Option<Diagnostics>,
    /// A report imported from a brochure and not yet saved, when one is on screen.
    pub draft: Option<Draft>,
    /// An initiative to scroll into view on the next frame.
    pub scroll_to: Option<InitiativeRef>,
    /// Long initiative texts the reader expanded, as (chapter, initiative).
    pub expanded: std::collections::HashSet<InitiativeRef>,
    /// The command palette, while open.
    pub palette: Option<ui::palette::PaletteState>,
    /// Whether the viewer is presenting: full screen, slides, large.
    pub presenting: bool,
    /// The slide on screen while presenting (`ui::present::slides`).
    pub slide: usize,
    /// The last message for the status bar.
    pub status: Option<Status>,
    /// An export running on another thread, and where its outcome arrives.
    pub export_job: Option<std::sync::mpsc::Receiver<Result<PathBuf, String>>>,
    /// The report's PDF being written (to save or to print) on another thread.
    pub pdf_job: Option<PdfJob>,
    /// Opens a file in the system's viewer for it (tests put a recorder here).
    pub open_file: fn(&std::path::Path) -> std::io::Result<()>,
    /// The file dialog asking where to open or export from, while one is open.
    pub file_dialogs: crate::viewer::dialog::FileDialogs,
    /// A chart picture to take from the next frame: chapter, chart, file.
    pending_chart_png: Option<ChartPicture>,
    /// The chart whose picture is being taken, drawn without its menu until it is saved.
    pub exporting_chart: Option<ChartRef>,
    /// Where the last frame drew the charts (a chart's picture is cut from there).
    pub drawn: ui::charts::Drawn,
    /// Watches the open dataset's file for saves.
    pub watcher: Option<crate::viewer::watch::FileWatcher>,
    /// A reload of the watched file running on another thread.
    reload_job: Option<std::sync::mpsc::Receiver<Reload>>,
    /// The context, for waking the viewer from the watcher's thread.
    ctx: egui::Context,
    /// A crash of the run before, shown until dismissed.
    pub crash: Option<crate::viewer::logging::Crash>,
    /// The system's language, read once: the interface's unless the reader chose one.
    system_lang: crate::viewer::i18n::Lang,
    /// The language the installed fonts were chosen for (English sets quotation marks
    /// narrower, `fonts::definitions_for`).
    fonts_for: crate::viewer::i18n::Lang,
    /// Whether the About box is open.
    pub show_about: bool,
    /// Whether the keyboard shortcuts window is open.
    pub show_shortcuts: bool,
    /// Measured heights of the rows of the lists shown, and where each was scrolled to.
    pub row_heights: ui::rows::ListHeights,
    /// The list in the central panel in the last frame, if it showed one.
    pub shown_list: Option<ui::rows::ListKey>,
    /// The places behind and ahead, for Back and Forward.
    pub history: crate::viewer::history::History<Visit>,
    /// Chapters whose initiatives the reader showed or hid in the contents, against the rule
    /// that only the open chapter shows them.
    pub contents_toggled: std::collections::HashSet<usize>,
    /// Where the contents were scrolled to, and what they were last brought to show.
    pub contents_scroll: ui::nav::ContentsScroll,
    /// When the user last pressed a key or moved the pointer (`ui::cursor_blink`).
    last_input: f64,
    /// Whether focus last moved by Tab rather than a click (`ui::focus_ring`).
    focus_by_keyboard: bool,
    /// The table of figures' rows for a search and a sort, kept until either (or the dataset)
    /// changes: filtering a large report takes longer than a frame.
    pub figure_rows: Option<(String, crate::document::figure_table::Sort, Vec<FigureRef>)>,
    /// A screenshot to take once the view is painted (`huimou screenshot`).
    pub screenshot: Option<crate::viewer::screenshot::Pending>,
    /// Fonts of the system for characters the bundled faces lack (not in tests).
    pub system_fonts: Option<std::sync::Arc<crate::viewer::fonts::SystemFonts>>,
    /// Says when the first frame was on screen and closes (`HUIMOU_EXIT_AFTER_FIRST_FRAME=1`).
    first_frame: Option<crate::viewer::first_frame::FirstFrameProbe>,
    persist: bool,
    commands: Vec<Command>,
}

impl HuimouApp {
    /// Creates the viewer from eframe's creation context.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let settings = if startup.persist {
            Settings::restore(
                cc.storage
                    .and_then(|storage| storage.get_string(eframe::APP_KEY))
                    .as_deref(),
            )
        } else {
            Settings::default()
        };
        let mut app = Self::with_settings(&cc.egui_ctx, settings, startup);
        app.first_frame = crate::viewer::first_frame::FirstFrameProbe::from_env();
        let system_fonts =
            std::sync::Arc::new(crate::viewer::fonts::SystemFonts::new(app.dataset.script()));
        cc.egui_ctx
            .add_font_provider(std::sync::Arc::clone(&system_fonts) as _);
        app.system_fonts = Some(system_fonts);
        app
    }

    /// Creates the viewer with given settings (tests and the screenshot command use this).
    pub fn with_settings(ctx: &egui::Context, mut settings: Settings, startup: Startup) -> Self {
        let started = std::time::Instant::now();
        crate::viewer::fonts::install(ctx);
        ui::theme::apply_text_styles(ctx);
        log::debug!("fonts installed in {:?}", started.elapsed());

        // An explicit file wins; otherwise the last file the user opened, if it still loads and
        // was not open when the run before crashed (it would crash this run too; the crash
        // notice offers it instead).
        let crashed_with = startup.crash.as_ref().and_then(|c| c.file.clone());
        let remembered = settings
            .last_file
            .clone()
            .filter(|last| Some(last) != crashed_with.as_ref());
        let file = startup.file.clone().or(remembered);
        let start = Start::load(file, startup.file.is_some(), &mut settings);
        settings.take_startup(&startup);
        ctx.set_theme(settings.theme);
        ctx.set_zoom_factor(settings.zoom);
        log::debug!(
            "dataset ready {:?} after start of set-up",
            started.elapsed()
        );
        let mut app = Self::fresh(ctx, settings, start.dataset, &startup);
        app.diagnostics = start.diagnostics;
        if let Some(query) = startup.search {
            app.search.query = query;
        }
        app.settings.view = app.clamp_view(app.settings.view);
        app.watch(start.watched.as_deref(), start.seen);
        app.tell_crash_report();
        app
    }

    /// The viewer showing `dataset` as a new window shows it: nothing open, searched or
    /// selected.
    fn fresh(ctx: &egui::Context, settings: Settings, dataset: Dataset, startup: &Startup) -> Self {
        Self {
            settings,
            dataset,
            search: Search::default(),
            selection: None,
            diagnostics: None,
            draft: None,
            scroll_to: None,
            expanded: std::collections::HashSet::new(),
            palette: None,
            presenting: false,
            slide: 0,
            status: None,
            export_job: None,
            pdf_job: None,
            open_file: |path| open::that(path),
            file_dialogs: crate::viewer::dialog::FileDialogs::from_env(),
            pending_chart_png: None,
            exporting_chart: None,
            drawn: ui::charts::Drawn::default(),
            watcher: None,
            reload_job: None,
            ctx: ctx.clone(),
            crash: startup.crash.clone().map(|mut crash| {
                // Shown from now on: the next start need not show it again.
                crash.acknowledge();
                crash
            }),
            system_lang: crate::viewer::i18n::Lang::system(),
            // What `with_settings` installs.
            fonts_for: crate::viewer::i18n::Lang::Zh,
            show_about: false,
            show_shortcuts: false,
            row_heights: ui::rows::ListHeights::default(),
            shown_list: None,
            history: crate::viewer::history::History::default(),
            contents_toggled: std::collections::HashSet::new(),
            contents_scroll: ui::nav::ContentsScroll::default(),
            last_input: 0.0,
            focus_by_keyboard: false,
            figure_rows: None,
            screenshot: None,
            first_frame: None,
            system_fonts: None,
            persist: startup.persist,
            commands: Vec::new(),
        }
    }

    /// The language of the interface: the reader's choice, else the system's.
    pub fn lang(&self) -> crate::viewer::i18n::Lang {
        self.settings.language.unwrap_or(self.system_lang)
    }

    /// Whether the crash notice should offer to reopen the file of the run that crashed:
    /// the file is not on screen now.
    pub fn crashed_file_to_offer(&self) -> Option<&Path> {
        let file = self.crash.as_ref()?.file.as_deref()?;
        match &self.dataset.origin {
            crate::document::dataset::Origin::File(open) if open == file => None,
            _ => Some(file),
        }
    }

    /// Forgets a file: it is no longer the last or a recent file.
    pub fn forget_file(&mut self, path: &Path) {
        if self.settings.last_file.as_deref() == Some(path) {
            self.settings.last_file = None;
        }
        self.settings.recent_files.retain(|p| p != path);
    }

    /// Tells the crash report which file is on screen.
    fn tell_crash_report(&self) {
        crate::viewer::logging::set_open_file(match &self.dataset.origin {
            crate::document::dataset::Origin::File(path) => Some(path),
            crate::document::dataset::Origin::Embedded => None,
        });
    }

    /// Asks for a command to run after this frame.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The view on screen.
    pub fn view(&self) -> View {
        self.settings.view
    }

    fn clamp_view(&self, view: View) -> View {
        match view {
            View::Chapter(c) if c >= self.dataset.report.chapters.len() => View::Overview,
            view => view,
        }
    }

    /// Watches `path` for saves (nothing when `None`); `seen` is what it held when last read.
    fn watch(&mut self, path: Option<&Path>, seen: Option<Fingerprint>) {
        let Some(path) = path else {
            self.watcher = None;
            return;
        };
        if let Some(watcher) = self.watcher.as_mut().filter(|w| w.path() == path) {
            watcher.remember(seen);
            return;
        }
        let ctx = self.ctx.clone();
        let wake = move || ctx.request_repaint();
        self.watcher = match crate::viewer::watch::FileWatcher::new(path, seen, wake) {
            Ok(watcher) => Some(watcher),
            Err(error) => {
                log::warn!("{error}; saves will not show until the file is opened again");
                None
            }
        };
    }

    /// Reads the watched file again after a save, on another thread so that a frame only
    /// draws (a large report takes a while to parse), when it now holds something else than
    /// when last read: other programs read and touch it, and some editors save unchanged files.
    /// A file saved with errors leaves the report on screen as it was and shows the errors;
    /// the next good save clears them.
    pub fn reload_if_changed(&mut self) {
        self.collect_reload();
        let Some(watcher) = &self.watcher else {
            return;
        };
        // One reload at a time; a change noticed meanwhile waits for the next frame.
        if self.reload_job.is_some() || !watcher.take_change() {
            return;
        }
        let path = watcher.path().to_path_buf();
        let seen = watcher.seen();
        let (sender, receiver) = std::sync::mpsc::channel();
        let waker = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("reload".to_owned())
            .spawn(move || {
                let _ = sender.send(Reload::read(path, seen));
                waker.request_repaint();
            });
        match spawned {
            Ok(_) => self.reload_job = Some(receiver),
            Err(error) => log::warn!("could not start reading the saved file: {error}"),
        }
    }

    /// Shows what a finished reload read.
    fn collect_reload(&mut self) {
        let Some(result) = self.reload_job.as_ref().and_then(|r| r.try_recv().ok()) else {
            return;
        };
        self.reload_job = None;
        let Some(watcher) = &mut self.watcher else {
            return;
        };
        if !watcher.remember(result.seen) || watcher.path() != result.path {
            return;
        }
        let Some(loaded) = result.loaded else {
            return;
        };
        let path = result.path;
        match loaded {
            Ok(dataset) => {
                log::info!("reloaded {}", path.display());
                self.replace_dataset(dataset);
            }
            Err(error) => {
                log::warn!(
                    "{} was saved with errors:\n{}",
                    path.display(),
                    error.render()
                );
                // A file that has not opened yet leaves another report on screen.
                let shown = self.dataset.origin == crate::document::dataset::Origin::File(path);
                self.diagnostics = Some(if shown {
                    Diagnostics::ReloadFailed(error)
                } else {
                    Diagnostics::Failed(error)
                });
            }
        }
    }

    /// Opens a dataset file and says whether it opened; on failure the current report stays
    /// and the errors are shown. Either way the file is watched from now on, so that fixing
    /// its errors in an editor opens it.
    pub fn open(&mut self, path: &Path) -> bool {
        let (seen, loaded) = load::load_file_seen(path);
        self.watch(Some(path), seen);
        match loaded {
            Ok(dataset) => {
                self.replace_dataset(dataset);
                self.settings.last_file = Some(path.to_path_buf());
                self.settings.recent_files.retain(|p| p != path);
                self.settings.recent_files.insert(0, path.to_path_buf());
                self.settings.recent_files.truncate(MAX_RECENT);
                true
            }
            Err(error) => {
                log::warn!("could not open {}:\n{}", path.display(), error.render());
                self.diagnostics = Some(Diagnostics::Failed(error));
                false
            }
        }
    }

    fn replace_dataset(&mut self, dataset: Dataset) {
        self.dataset = dataset;
        self.figure_rows = None;
        self.tell_crash_report();
        if let Some(fonts) = &self.system_fonts {
            fonts.set_script(self.dataset.script());
        }
        self.search.invalidate();
        self.selection = None;
        self.scroll_to = None;
        self.row_heights.clear();
        self.shown_list = None;
        self.history.clear();
        self.contents_toggled.clear();
        self.draft = None;
        self.expanded.clear();
        self.diagnostics = None;
        self.settings.view = self.clamp_view(self.settings.view);
    }

    /// Carries out one command; a jump to another place leaves a step in the history.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        let view = self.view();
        // Enter or F3 on the whole report's results opens one: a jump, each a step of the
        // history; stepping through a chapter's matches is not.
        let opens_a_result = matches!(command, Command::FindNext | Command::FindPrevious)
            && self.search.chapter_scope(view).is_none();
        let jump = opens_a_result
            || matches!(
                command,
                Command::Show(_)
                    | Command::Previous
                    | Command::Next
                    | Command::OpenInitiative(_)
                    | Command::RevealFigure(_)
            );
        let from = jump.then(|| self.visit());
        self.carry_out(ctx, command);
        if let Some(from) = from {
            // Stepping on from the only result opens the result already open: no new place.
            let same_result = opens_a_result && self.search.opened_before(&from);
            let moved = self.scroll_to.is_some() && !same_result;
            if moved || !from.same_place(&self.visit()) {
                self.history.leave(from);
            }
        }
    }

    /// Where the reader is now.
    pub fn visit(&self) -> Visit {
        Visit {
            view: self.view(),
            query: self.search.query.clone(),
            scope: self.search.scope,
            beside: self.search.beside,
            selected: self.search.selected,
            list: self
                .shown_list
                .map(|key| (key, self.row_heights.anchor(key))),
        }
    }

    /// Goes to a place from the history: its view, its search, its scroll position.
    fn go_to(&mut self, visit: Visit) {
        self.settings.view = self.clamp_view(visit.view);
        self.search.query = visit.query;
        self.search.scope = visit.scope;
        self.search.beside = visit.beside;
        let _ = self.search.hits(self.dataset.index(), self.settings.view);
        self.search.selected = visit.selected;
        self.search.opened = visit.beside.then_some(visit.selected);
        self.scroll_to = None;
        if let Some((key, anchor)) = visit.list {
            self.row_heights.restore(key, anchor);
        }
    }

    /// Steps to the next (or previous) match: within the chapter when the search filters it,
    /// else to the next of the whole report's results, opened with the list beside it.
    fn find(&mut self, forward: bool) {
        let view = self.view();
        if !self.search.is_active() || view == View::Figures {
            return;
        }
        let count = self.search.hits(self.dataset.index(), view).len();
        if count == 0 {
            return;
        }
        let step = |k: usize| {
            if forward {
                (k + 1) % count
            } else {
                (k + count - 1) % count
            }
        };
        let in_chapter = self.search.chapter_scope(view).is_some();
        let on_current = in_chapter || self.search.opened == Some(self.search.selected);
        if on_current && (in_chapter || self.search.results_beside(view)) {
            self.search.selected = step(self.search.selected);
        }
        self.search.selected_moved = true;
        let place = self.search.hits[self.search.selected.min(count - 1)];
        self.open_result(place);
    }

    /// Shows a search result in its chapter, scrolled into view; the whole report's results
    /// stay open beside it.
    fn open_result(&mut self, place: InitiativeRef) {
        self.settings.view = self.clamp_view(View::Chapter(place.chapter));
        self.scroll_to = Some(place);
        if !self.search.is_active() {
            return;
        }
        let report = self.search.scope == SearchScope::Report;
        let hits = self.search.hits(self.dataset.index(), self.settings.view);
        match hits.iter().position(|hit| *hit == place) {
            Some(k) => {
                self.search.selected = k;
                self.search.opened = report.then_some(k);
            }
            // A chapter filtered by a query the initiative does not match would hide it.
            None if !report => self.search.query.clear(),
            None => {}
        }
        self.search.beside = report;
    }

    fn carry_out(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Show(view) => self.show(view),
            Command::Previous => self.show(self.previous_view()),
            Command::Next => self.show(self.next_view()),
            Command::Back => {
                if let Some(to) = self.history.back(self.visit()) {
                    self.go_to(to);
                }
            }
            Command::Forward => {
                if let Some(to) = self.history.forward(self.visit()) {
                    self.go_to(to);
                }
            }
            Command::OpenInitiative(place) => self.open_result(place),
            Command::FocusSearch(scope) => {
                self.search.scope = scope;
                self.search.focus_requested = true;
            }
            Command::ClearSearch => {
                self.search.query.clear();
                self.search.beside = false;
                // The same query typed again starts again from its first match.
                self.search.invalidate();
            }
            Command::FindNext => self.find(true),
            Command::FindPrevious => self.find(false),
            Command::SelectFigure(place) => self.selection = Some(place),
            Command::RevealFigure(place) => self.reveal(place),
            Command::CopyFigure(_) | Command::CopyFigureWithSource(_) => self.copy(ctx, &command),
            Command::ToggleFullText(place) => {
                if !self.expanded.remove(&place) {
                    self.expanded.insert(place);
                }
            }
            Command::OpenDialog => self.ask_for_file(ctx, crate::viewer::dialog::Purpose::Open),
            Command::Open(path) => {
                let _ = self.open(&path);
            }
            Command::ImportDialog => self.ask_for_file(ctx, crate::viewer::dialog::Purpose::Import),
            Command::Import(path) => self.import(ctx, &path),
            Command::OpenEmbedded => {
                self.replace_dataset(load::embedded());
                self.watch(None, None);
                self.settings.last_file = None;
            }
            Command::ExportDialog(export) => {
                self.ask_for_file(ctx, crate::viewer::dialog::Purpose::Export(export));
            }
            Command::Export(export, path) => {
                self.settings.export_folder = path.parent().map(Path::to_path_buf);
                self.export(ctx, export, path);
            }
            Command::Print => self.print(ctx),
            // Listed, not `_`, so that a new command cannot be left out unnoticed.
            Command::SetLanguage(_)
            | Command::SetTheme(_)
            | Command::Zoom(_)
            | Command::TogglePalette
            | Command::TogglePresenting
            | Command::ToggleAbout
            | Command::ToggleShortcuts
            | Command::ShowWarnings
            | Command::DismissDiagnostics
            | Command::Quit => self.set_up(ctx, command),
        }
    }

    /// Commands that change how the viewer looks and which windows are open.
    fn set_up(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::SetLanguage(lang) => {
                self.settings.language = Some(lang);
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                ctx.set_theme(theme);
            }
            Command::Zoom(factor) => {
                let zoom = if factor == 0.0 {
                    1.0
                } else {
                    ui::commands::clamp_zoom(ctx.zoom_factor() * factor)
                };
                ctx.set_zoom_factor(zoom);
                self.settings.zoom = zoom;
            }
            Command::TogglePalette => {
                self.palette = match self.palette {
                    Some(_) => None,
                    None => Some(ui::palette::PaletteState::default()),
                };
            }
            Command::TogglePresenting => self.toggle_presenting(ctx),
            Command::ToggleAbout => self.show_about = !self.show_about,
            Command::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::ShowWarnings => self.diagnostics = Some(Diagnostics::Warnings),
            Command::DismissDiagnostics => self.diagnostics = None,
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            other => debug_assert!(false, "{other:?} is not a command of the viewer's set-up"),
        }
    }

    /// The chapter before the one on screen, or the overview before the first.
    fn previous_view(&self) -> View {
        match self.settings.view {
            View::Overview | View::Chapter(0) | View::Figures => View::Overview,
            View::Chapter(c) => View::Chapter(c - 1),
        }
    }

    /// The chapter after the one on screen; the last stays.
    fn next_view(&self) -> View {
        let chapters = self.dataset.report.chapters.len();
        match self.settings.view {
            View::Overview | View::Figures if chapters > 0 => View::Chapter(0),
            View::Chapter(c) if c + 1 < chapters => View::Chapter(c + 1),
            view => view,
        }
    }

    /// Goes to `view` as the reader asked (a key, the contents, Previous/Next). The table of
    /// figures' filter stays with the table; a chapter opened while the whole report's
    /// results are listed shows them beside it, as opening one of them does.
    fn show(&mut self, view: View) {
        let to = self.clamp_view(view);
        if self.view() == View::Figures && to != View::Figures && self.search.table_filter {
            self.search.query.clear();
            self.search.table_filter = false;
        }
        if matches!(to, View::Chapter(_))
            && self.search.is_active()
            && self.search.scope == SearchScope::Report
        {
            self.search.beside = true;
        }
        self.settings.view = to;
    }

    /// Lights a figure and scrolls its initiative into view (from a chart).
    fn reveal(&mut self, place: FigureRef) {
        self.selection = Some(place);
        self.settings.view = View::Chapter(place.chapter);
        self.scroll_to = Some(place.initiative_ref());
        // A filter that hides the figure's initiative, or a list of results shown in the
        // chapter's place (a search from the table of figures), would hide what was asked for.
        if self.search.is_active() {
            self.search.query.clear();
        }
    }

    /// Puts a figure on the clipboard: with its label, or with its period, label and chapter.
    fn copy(&mut self, ctx: &egui::Context, command: &Command) {
        let lang = self.lang();
        let text = match *command {
            Command::CopyFigure(place) => {
                let figure = self.dataset.figure(place);
                let label =
                    crate::viewer::ui::localized_in(lang, &figure.label, figure.label_en.as_ref());
                format!(
                    "{label}{}{}",
                    crate::viewer::i18n::tr(ctx, "："),
                    figure.written()
                )
            }
            Command::CopyFigureWithSource(place) => crate::document::figure_table::citation(
                &self.dataset,
                place,
                lang == crate::viewer::i18n::Lang::En,
            ),
            _ => return,
        };
        ctx.copy_text(text.clone());
        self.say(
            crate::viewer::i18n::fill(crate::viewer::i18n::tr(ctx, "已复制：{}"), &[&text]),
            false,
        );
    }

    /// Starts or stops presenting: full screen, from the slide of the view on screen; back to
    /// the view of the slide on screen, at the reader's own zoom.
    fn toggle_presenting(&mut self, ctx: &egui::Context) {
        let slides = ui::present::slides(&self.dataset.report);
        self.presenting = !self.presenting;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.presenting));
        if self.presenting {
            // Slides scale themselves to the screen (ui::present::slide_ui).
            self.slide = ui::present::first_slide_of(&slides, self.view());
        } else {
            if let Some(slide) = slides.get(self.slide) {
                self.show(slide.view());
            }
            ctx.set_zoom_factor(self.settings.zoom);
        }
    }

    /// Puts a message in the status bar.
    pub fn say(&mut self, text: String, error: bool) {
        if error {
            log::warn!("{text}");
        } else {
            log::info!("{text}");
        }
        self.status = Some(Status {
            text,
            error,
            at: std::time::Instant::now(),
        });
    }

    /// A file name (without extension) for an export: the report's or chapter's name.
    fn export_stem(&self, export: Export) -> String {
        let report = &self.dataset.report;
        match (export, self.view()) {
            (
                Export::ChartPng(ChartRef {
                    chapter: c,
                    chart: k,
                })
                | Export::ChartCsv(ChartRef {
                    chapter: c,
                    chart: k,
                }),
                _,
            ) => {
                format!(
                    "{}-{}",
                    report.chapters[c].name, report.chapters[c].charts[k].title
                )
            }
            (Export::DatasetRon, _) => self
                .draft
                .as_ref()
                .and_then(|draft| draft.source.file_stem())
                .map_or_else(
                    || report.title.clone(),
                    |s| s.to_string_lossy().into_owned(),
                ),
            (Export::ReportPdf, _) | (_, View::Overview) => report.title.clone(),
            (Export::FiguresCsv, _) | (_, View::Figures) => {
                format!(
                    "{}-{}",
                    report.title,
                    ui::commands::UiCommand::Figures.label_zh()
                )
            }
            (_, View::Chapter(c)) => format!("{}-{}", c + 1, report.chapters[c].name),
        }
        .replace(['/', '\\', ':', '*', '?', '"', '<', '>', '|'], "-")
    }

    /// Makes an export into `path`; quick ones at once, pictures of views on another thread.
    fn export(&mut self, ctx: &egui::Context, export: Export, path: PathBuf) {
        let lang = self.lang();
        let written = |result: std::io::Result<()>| {
            result.map_err(|e| {
                let reason = crate::report::words::io_reason(lang, &e);
                format!("{}: {reason}", path.display())
            })
        };
        let done = match export {
            Export::ChartCsv(ChartRef {
                chapter: c,
                chart: k,
            }) => written(std::fs::File::create(&path).and_then(|file| {
                crate::export::figures_csv(
                    &self.dataset,
                    crate::export::chart_figures(&self.dataset, c, k),
                    std::io::BufWriter::new(file),
                )
            })),
            Export::InitiativesCsv => {
                let places = self.listed_initiatives();
                written(std::fs::File::create(&path).and_then(|file| {
                    crate::export::initiatives_csv(
                        &self.dataset,
                        places,
                        std::io::BufWriter::new(file),
                    )
                }))
            }
            Export::FiguresCsv => {
                let rows = self.figure_rows().to_vec();
                written(std::fs::File::create(&path).and_then(|file| {
                    crate::export::figures_csv(&self.dataset, rows, std::io::BufWriter::new(file))
                }))
            }
            Export::ChartPng(chart) => {
                // Taken from a frame drawn after this one, when the menu that asked is closed.
                self.pending_chart_png = Some(ChartPicture {
                    chart,
                    path,
                    frames_to_wait: 2,
                });
                self.exporting_chart = Some(chart);
                ctx.request_repaint();
                return;
            }
            Export::ViewPng => {
                self.start_view_export(ctx, path);
                return;
            }
            Export::ReportPdf => {
                self.start_pdf(ctx, path, false);
                return;
            }
            Export::DatasetRon => {
                self.save_draft(ctx, &path);
                return;
            }
        };
        match done {
            Ok(()) => self.say(
                crate::viewer::i18n::fill(
                    crate::viewer::i18n::tr(ctx, "已导出：{}"),
                    &[&path.display()],
                ),
                false,
            ),
            Err(error) => self.say(
                crate::viewer::i18n::fill(crate::viewer::i18n::tr(ctx, "导出失败：{}"), &[&error]),
                true,
            ),
        }
    }

    /// The table of figures' rows, following the search box and the sort.
    pub fn figure_rows(&mut self) -> &[FigureRef] {
        let (query, sort) = (&self.search.query, self.settings.figure_sort);
        let fresh = self
            .figure_rows
            .as_ref()
            .is_some_and(|(q, s, _)| q == query && *s == sort);
        if !fresh {
            let rows = crate::document::figure_table::rows(&self.dataset, query, sort);
            self.figure_rows = Some((query.clone(), sort, rows));
        }
        self.figure_rows.as_ref().map_or(&[], |(_, _, rows)| rows)
    }

    /// The initiatives the view on screen lists: the chapter's, filtered by its search, or the
    /// whole report's search results.
    pub fn listed_initiatives(&mut self) -> Vec<InitiativeRef> {
        let view = self.view();
        // A search lists its hits: the chapter's when it filters a chapter, else the report's.
        if self.search.is_active() {
            return self.search.hits(self.dataset.index(), view).to_vec();
        }
        let scope = match view {
            View::Chapter(c) => Some(c),
            View::Overview | View::Figures => None,
        };
        self.dataset.index().places(scope).to_vec()
    }

    /// Renders the view on screen with `huimou screenshot` in another process (as the command
    /// line would) on another thread.
    fn start_view_export(&mut self, ctx: &egui::Context, path: PathBuf) {
        // A file that cannot be written is said at once, in the reader's words, rather than
        // by the renderer after it has drawn the view. Opened without truncating: a picture
        // being replaced stays whole until the new one is made, and a file made here only to
        // try is removed if the picture fails.
        let existed = path.exists();
        let opened = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path);
        if let Err(error) = opened {
            let reason = crate::report::words::io_reason(self.lang(), &error);
            let reason = format!("{}: {reason}", path.display());
            let failed = crate::viewer::i18n::tr(ctx, "导出失败：{}");
            self.say(crate::viewer::i18n::fill(failed, &[&reason]), true);
            return;
        }
        let views = vec![self.view()];
        let job = crate::viewer::view_job::ViewJob {
            file: match &self.dataset.origin {
                crate::document::dataset::Origin::File(file) => Some(file.clone()),
                crate::document::dataset::Origin::Embedded => None,
            },
            views,
            english: self.lang() == crate::viewer::i18n::Lang::En,
            theme: self.settings.theme,
        };
        let (sender, receiver) = std::sync::mpsc::channel();
        let waker = ctx.clone();
        std::thread::spawn(move || {
            let result = job.png(&path);
            if result.is_err() && !existed {
                let _ = std::fs::remove_file(&path);
            }
            let _ = sender.send(result.map(|()| path));
            waker.request_repaint();
        });
        self.export_job = Some(receiver);
        self.say(crate::viewer::i18n::tr(ctx, "正在导出…").to_owned(), false);
    }

    /// Imports a brochure and shows it as a report, not yet saved: the draft bar offers to save
    /// it as a dataset. A brochure that cannot be imported leaves the report on screen and
    /// says where and why.
    fn import(&mut self, ctx: &egui::Context, source: &Path) {
        let lang = self.lang();
        let imported = match crate::import::import_file(source) {
            Ok(imported) => imported,
            Err(error) => {
                let message = error.message(lang);
                self.say(
                    crate::viewer::i18n::fill(
                        crate::viewer::i18n::tr(ctx, "无法导入：{}"),
                        &[&message],
                    ),
                    true,
                );
                // The status bar may be too narrow for the reason: a window says it whole.
                let said = crate::report::diagnostic::Diagnostic::error(
                    error.message(crate::report::lang::Lang::En),
                    error.message(crate::report::lang::Lang::Zh),
                );
                self.diagnostics = Some(Diagnostics::ImportFailed(error.file.clone(), vec![said]));
                return;
            }
        };
        // Diagnostics name the dataset as it will be saved beside the brochure.
        let as_saved = source.with_extension("ron");
        match load::load_str(
            &imported.ron,
            crate::document::dataset::Origin::File(as_saved),
        ) {
            Ok(dataset) => {
                self.replace_dataset(dataset);
                self.watch(None, None);
                self.settings.view = View::Overview;
                self.draft = Some(Draft {
                    source: source.to_path_buf(),
                    ron: imported.ron,
                    guessed_labels: imported.guessed_labels,
                    summary: imported.summary,
                });
                let name = source.display().to_string();
                self.say(
                    crate::viewer::i18n::fill(crate::viewer::i18n::tr(ctx, "已导入：{}"), &[&name]),
                    false,
                );
            }
            Err(error) => {
                log::warn!(
                    "the import of {} does not load:\n{}",
                    source.display(),
                    error.render()
                );
                self.diagnostics = Some(Diagnostics::Failed(error));
            }
        }
    }

    /// Saves the imported report as a dataset and opens it from there (watched, remembered).
    fn save_draft(&mut self, ctx: &egui::Context, path: &Path) {
        let Some(draft) = &self.draft else {
            return;
        };
        if let Err(error) = std::fs::write(path, &draft.ron) {
            let reason = crate::report::words::io_reason(self.lang(), &error);
            let reason = format!("{}: {reason}", path.display());
            self.say(
                crate::viewer::i18n::fill(crate::viewer::i18n::tr(ctx, "导出失败：{}"), &[&reason]),
                true,
            );
            return;
        }
        if self.open(path) {
            let name = path.display().to_string();
            self.say(
                crate::viewer::i18n::fill(crate::viewer::i18n::tr(ctx, "已保存：{}"), &[&name]),
                false,
            );
        }
    }

    /// Prints: the report's PDF in a temporary file, opened in the system's PDF viewer.
    fn print(&mut self, ctx: &egui::Context) {
        let stem = self.export_stem(Export::ReportPdf);
        let path = std::env::temp_dir().join(format!("{stem}-{}.pdf", std::process::id()));
        self.start_pdf(ctx, path, true);
    }

    /// Writes the report's PDF on another thread, its progress shown in the status bar; to
    /// print, then opens it in the system's viewer.
    fn start_pdf(&mut self, ctx: &egui::Context, path: PathBuf, print: bool) {
        if self.pdf_job.is_some() {
            self.say(
                crate::viewer::i18n::tr(ctx, "PDF 正在生成，请稍候").to_owned(),
                true,
            );
            return;
        }
        let options = crate::export::pdf::Options {
            paper: crate::export::pdf::Paper::A4,
            lang: self.lang(),
        };
        let open = print.then_some(self.open_file);
        self.pdf_job = Some(PdfJob::start(
            ctx,
            self.dataset.clone(),
            options,
            path,
            open,
        ));
        ctx.request_repaint();
    }

    /// Collects what a PDF job has to say.
    fn poll_pdf(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.pdf_job else {
            return;
        };
        let tr = |zh| crate::viewer::i18n::tr(ctx, zh);
        let (message, error, done) = match job.receiver.try_recv() {
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => (tr("导出失败：{}"), true, true),
            Ok(PdfEvent::Written(path)) if job.print => {
                let text = crate::viewer::i18n::fill(
                    tr("已生成 PDF，正在用系统的 PDF 阅读器打开：{}"),
                    &[&path.display()],
                );
                if let Some(job) = &mut self.pdf_job {
                    job.written = Some(path);
                }
                self.say(text, false);
                return;
            }
            Ok(PdfEvent::Written(_)) => (tr("已导出：{}"), false, true),
            Ok(PdfEvent::Opened) => (
                tr("已在系统的 PDF 阅读器中打开，可从那里打印：{}"),
                false,
                true,
            ),
            Ok(PdfEvent::Failed(reason)) => {
                let template = if job.print {
                    tr("无法打印：{}")
                } else {
                    tr("导出失败：{}")
                };
                self.pdf_job = None;
                self.say(crate::viewer::i18n::fill(template, &[&reason]), true);
                return;
            }
        };
        let path = job.written.clone().unwrap_or_else(|| job.path.clone());
        if done {
            self.pdf_job = None;
        }
        self.say(
            crate::viewer::i18n::fill(message, &[&path.display()]),
            error,
        );
    }

    /// Collects a finished export, and takes a pending chart picture.
    fn poll_exports(&mut self, ctx: &egui::Context) {
        self.poll_pdf(ctx);
        if let Some(receiver) = &self.export_job
            && let Ok(result) = receiver.try_recv()
        {
            self.export_job = None;
            self.exporting_chart = None;
            match result {
                Ok(path) => self.say(
                    crate::viewer::i18n::fill(
                        crate::viewer::i18n::tr(ctx, "已导出：{}"),
                        &[&path.display()],
                    ),
                    false,
                ),
                Err(error) => self.say(
                    crate::viewer::i18n::fill(
                        crate::viewer::i18n::tr(ctx, "导出失败：{}"),
                        &[&error],
                    ),
                    true,
                ),
            }
        }
        if let Some(mut picture) = self.pending_chart_png.take() {
            if picture.frames_to_wait > 0 {
                picture.frames_to_wait -= 1;
                self.pending_chart_png = Some(picture);
                ctx.request_repaint();
                return;
            }
            let ChartPicture { chart, path, .. } = picture;
            let Some(rect) = self.drawn.chart(chart) else {
                self.exporting_chart = None;
                self.say(
                    crate::viewer::i18n::fill(
                        crate::viewer::i18n::tr(ctx, "导出失败：{}"),
                        &[&crate::viewer::i18n::tr(ctx, "图表不在屏幕上")],
                    ),
                    true,
                );
                return;
            };
            let pixels_per_point = ctx.pixels_per_point();
            let (sender, receiver) = std::sync::mpsc::channel();
            let waker = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result = crate::viewer::screenshot::save_png(
                    &image.region(&rect, Some(pixels_per_point)),
                    &path,
                )
                .map(|()| path);
                let _ = sender.send(result);
                waker.request_repaint();
            });
            self.export_job = Some(receiver);
            ctx.request_repaint();
        }
    }

    fn run_pending(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // Commands change what is shown after this frame was laid out; show it now.
            ctx.request_repaint();
        }
        for command in commands {
            self.run(ctx, command);
        }
    }
}

/// The file dialogs: the system's on its thread, or the in-app one where the system has none.
impl HuimouApp {
    /// Asks for a file for `purpose`, unless a dialog is already open (its answer would have
    /// nowhere to go).
    fn ask_for_file(&mut self, ctx: &egui::Context, purpose: crate::viewer::dialog::Purpose) {
        if self.file_dialogs.is_open() {
            log::info!("a file dialog is open already");
            return;
        }
        let request = self.file_request(ctx, purpose);
        if self.file_dialogs.force_in_app {
            self.show_in_app_dialog(request, None);
            return;
        }
        match crate::viewer::dialog::NativeJob::start(request.clone(), ctx) {
            Ok(job) => self.file_dialogs.native = Some(job),
            Err(reason) => self.show_in_app_dialog(request, Some(reason)),
        }
    }

    /// What a dialog for `purpose` shows: the file type, the proposed name, the first folder.
    fn file_request(
        &self,
        ctx: &egui::Context,
        purpose: crate::viewer::dialog::Purpose,
    ) -> crate::viewer::dialog::Request {
        use crate::viewer::dialog::Purpose;
        let (title, filter_name, extensions, file_name) = match purpose {
            Purpose::Open => (
                crate::viewer::i18n::tr(ctx, "打开数据集"),
                crate::viewer::i18n::tr(ctx, "Huimou 数据集 (RON)"),
                &["ron"][..],
                None,
            ),
            Purpose::Import => (
                crate::viewer::i18n::tr(ctx, "导入报告"),
                crate::viewer::i18n::tr(ctx, "报告（文本、Word 文档、网页）"),
                crate::import::EXTENSIONS,
                None,
            ),
            Purpose::Export(export) => {
                let (name, extensions) = export.file_type();
                let file_name = format!("{}.{}", self.export_stem(export), extensions[0]);
                (
                    crate::viewer::i18n::tr(ctx, "导出到文件"),
                    name,
                    extensions,
                    Some(file_name),
                )
            }
        };
        crate::viewer::dialog::Request {
            purpose,
            title: title.to_owned(),
            filter_name: filter_name.to_owned(),
            extensions,
            folder: self.dialog_folder(purpose),
            file_name,
        }
    }

    /// Where a dialog starts: an export's in the folder last exported to; any dialog else in
    /// the open file's folder, else the last file's, else home.
    fn dialog_folder(&self, purpose: crate::viewer::dialog::Purpose) -> PathBuf {
        let file = match &self.dataset.origin {
            crate::document::dataset::Origin::File(path) => Some(path.as_path()),
            crate::document::dataset::Origin::Embedded => self.settings.last_file.as_deref(),
        };
        let exported_to = match purpose {
            crate::viewer::dialog::Purpose::Export(_) => self.settings.export_folder.as_deref(),
            _ => None,
        };
        let folders = [exported_to, file.and_then(Path::parent)];
        folders
            .into_iter()
            .flatten()
            .find(|folder| folder.is_dir())
            .map(Path::to_path_buf)
            .or_else(crate::viewer::dialog::home)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Opens the in-app dialog; `reason` says why the system's could not be used.
    fn show_in_app_dialog(
        &mut self,
        request: crate::viewer::dialog::Request,
        reason: Option<String>,
    ) {
        // The line `scripts/ci/no-portal-dialog.sh` looks for.
        match &reason {
            Some(reason) => log::warn!(
                "the system's file dialog cannot open ({reason}); showing the in-app file dialog"
            ),
            None => log::info!(
                "showing the in-app file dialog ({})",
                crate::viewer::dialog::CHOICE_ENV
            ),
        }
        self.file_dialogs.in_app = Some(crate::viewer::dialog::InAppDialog::new(request, reason));
        self.ctx.request_repaint();
    }

    /// Takes the system's dialog's answer: a file to open or export into, a cancel, or the
    /// news that there is no such dialog here, when the in-app one asks instead.
    fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        use crate::viewer::dialog::{Outcome, Purpose};
        let Some(outcome) = self.file_dialogs.native.as_ref().and_then(|j| j.poll()) else {
            return;
        };
        let Some(job) = self.file_dialogs.native.take() else {
            return;
        };
        match (outcome, job.request.purpose) {
            (Outcome::Chosen(path), Purpose::Open) => self.run(ctx, Command::Open(path)),
            (Outcome::Chosen(path), Purpose::Import) => self.run(ctx, Command::Import(path)),
            (Outcome::Chosen(path), Purpose::Export(export)) => {
                self.run(ctx, Command::Export(export, path));
            }
            (Outcome::Cancelled, _) => log::debug!("the file dialog was closed without a file"),
            (Outcome::Unavailable(reason), _) => self.show_in_app_dialog(job.request, Some(reason)),
        }
    }
}

impl HuimouApp {
    /// One pass of the whole interface: panels, windows, then the commands they pushed.
    pub fn ui_pass(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // The settings own the language; the panels read it from egui for this pass, as they
        // read the theme.
        let lang = self.lang();
        crate::viewer::i18n::set(&ctx, lang);
        if self.fonts_for != lang {
            crate::viewer::fonts::install_for(&ctx, lang);
            self.fonts_for = lang;
        }
        self.drawn.forget();
        ui::cursor_blink(&ctx, &mut self.last_input);
        self.reload_if_changed();
        if self.presenting {
            ui::present::slide_ui(ui, self);
            ui::windows_ui(&ctx, self);
            self.run_pending(&ctx);
            self.poll_exports(&ctx);
            return;
        }
        // The in-app file dialog takes the keyboard: Ctrl+F, Alt+1… must not act behind it.
        if self.file_dialogs.in_app.is_none() {
            ui::shortcuts::handle(&ctx, self);
        }
        ui::files::receive_dropped_files(&ctx, self);
        ui::top_bar::top_bar_ui(ui, self);
        ui::draft::draft_bar_ui(ui, self);
        ui::status_bar::status_bar_ui(ui, self);
        ui::nav::nav_ui(ui, self);
        ui::central_ui(ui, self);
        ui::windows_ui(&ctx, self);
        ui::files::drop_overlay_ui(&ctx);
        ui::focus_ring(&ctx, &mut self.focus_by_keyboard);
        self.run_pending(&ctx);
        self.poll_exports(&ctx);
        self.poll_file_dialog(&ctx);
        // Remember what the user set with egui's own zoom keys too.
        self.settings.zoom = ctx.zoom_factor();
        if let Some(shot) = &mut self.screenshot {
            shot.drive(&ctx);
        }
    }
}

impl eframe::App for HuimouApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(probe) = &mut self.first_frame {
            probe.frame(ui.ctx());
        }
        let started = std::time::Instant::now();
        self.ui_pass(ui);
        log::trace!("ui pass {:?}", started.elapsed());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        }
    }
}
