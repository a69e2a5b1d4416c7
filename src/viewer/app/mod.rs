//! The viewer's shell: the open report's session, the settings, the windows, the jobs on
//! threads, and the commands panels send, carried out after each frame. See
//! `src/viewer/README.md` for how a key press becomes a command, changes the session and is
//! drawn.

use std::path::{Path, PathBuf};

use crate::document::dataset::{ChartRef, Dataset, FigureRef};
use crate::document::load;
use crate::import::review::Verdict;
use crate::viewer::commands::{
    Command, CommandSender, Export, Leave, LeaveChoice, SystemCommand, UiCommand,
};
use crate::viewer::context::{Activity, Status, ViewerContext};
use crate::viewer::place::View;
use crate::viewer::session::{Choice, Diagnostics, Session, Visit};
use crate::viewer::settings::Settings;
pub use crate::viewer::settings::Startup;
use crate::viewer::ui;
use crate::viewer::watch::Fingerprint;

mod dialogs;
mod exports;
mod reload;
mod shelf;

use exports::ChartPicture;
pub use exports::{PdfEvent, PdfJob};
use reload::Reload;

/// What the viewer starts with: a report, the errors of a file that did not open, and the file
/// to watch with what it held.
struct Start {
    dataset: Dataset,
    diagnostics: Option<Diagnostics>,
    watched: Option<PathBuf>,
    seen: Option<Fingerprint>,
    /// The shelf, when a folder was opened.
    shelf: Option<crate::viewer::session::OnShelf>,
    /// Why a folder did not open.
    refused: Option<crate::shelf::ShelfError>,
    /// A folder whose shelf is read behind the first frame, which shows its newest report.
    pending_shelf: Option<PathBuf>,
}

impl Start {
    /// Loads `file`, if any. A file named on the command line (`explicit`) is watched even when
    /// it does not open, so that fixing it in the editor shows it; a remembered one that does
    /// not open is forgotten.
    fn load(
        file: Option<PathBuf>,
        (explicit, background): (bool, bool),
        settings: &mut Settings,
    ) -> Self {
        let embedded = || Self {
            dataset: load::embedded(),
            diagnostics: None,
            watched: None,
            seen: None,
            shelf: None,
            refused: None,
            pending_shelf: None,
        };
        let Some(path) = file else {
            return embedded();
        };
        if path.is_dir() {
            // A window shows the newest report at once and reads the shelf behind it.
            let opened = if background {
                shelf::newest_report(&path).map(|dataset| Self {
                    dataset,
                    pending_shelf: Some(path.clone()),
                    ..embedded()
                })
            } else {
                shelf::open_folder(&path).map(|opened| {
                    let opened = std::sync::Arc::new(opened);
                    let newest = opened.newest();
                    Self {
                        dataset: opened.reports[newest].dataset.clone(),
                        shelf: Some(crate::viewer::session::OnShelf::new(opened, newest)),
                        ..embedded()
                    }
                })
            };
            return match opened {
                Ok(start) => Self {
                    watched: Some(path),
                    ..start
                },
                Err(error) => {
                    settings.last_file = None;
                    Self {
                        refused: Some(error),
                        ..embedded()
                    }
                }
            };
        }
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
            shelf: None,
            refused: None,
            pending_shelf: None,
        }
    }
}

/// The Huimou viewer: the shell around one session.
pub struct HuimouApp {
    /// What is remembered between runs.
    settings: Settings,
    /// The open report and the reader's place in it; replaced whole when another opens.
    session: Session,
    /// What the panels measured of the open report's lists as they drew them; replaced with
    /// the session.
    memory: ui::Memory,
    /// The windows' own state: which are open, the palette's query.
    windows: ui::Windows,
    /// Where the panels' commands wait for the end of the frame.
    commands: CommandSender,
    /// Whether the viewer is presenting: full screen, slides, large.
    presenting: bool,
    /// Whether the reader chose to quit without saving the review's verdicts.
    leaving_confirmed: bool,
    /// The last message for the status bar.
    status: Option<Status>,
    /// An export running on another thread, and where its outcome arrives.
    export_job: Option<std::sync::mpsc::Receiver<Result<PathBuf, String>>>,
    /// The report's PDF being written (to save or to print) on another thread.
    pdf_job: Option<PdfJob>,
    /// Opens a file in the system's viewer for it (tests put a recorder here).
    pub open_file: fn(&std::path::Path) -> std::io::Result<()>,
    /// The file dialogs: the system's on its thread, the in-app one while it is open.
    pub file_dialogs: crate::viewer::dialog::FileDialogs,
    /// A chart picture to take from the next frame: chapter, chart, file.
    pending_chart_png: Option<ChartPicture>,
    /// The chart whose picture is being taken, drawn without its menu until it is saved.
    exporting_chart: Option<ChartRef>,
    /// Where the last frame drew the charts (a chart's picture is cut from there).
    pub drawn: ui::charts::Drawn,
    /// Watches the open dataset's file for saves.
    watcher: Option<crate::viewer::watch::FileWatcher>,
    /// A reload of the watched file running on another thread.
    reload_job: Option<std::sync::mpsc::Receiver<Reload>>,
    /// The view to show when the shelf read behind the first frame arrives.
    shelf_view: Option<View>,
    /// A folder whose shelf is read once the first frame is on screen: read beside it, it
    /// would take the cores the first frame is drawn with.
    shelf_to_read: Option<PathBuf>,
    /// The watched shelf's folder read again on another thread, after a report in it changed.
    shelf_reload:
        Option<std::sync::mpsc::Receiver<Result<crate::shelf::Shelf, crate::shelf::ShelfError>>>,
    /// The context, for waking the viewer from the watcher's thread.
    ctx: egui::Context,
    /// A crash of the run before, shown until dismissed.
    crash: Option<crate::viewer::logging::Crash>,
    /// The system's language, read once: the interface's unless the reader chose one.
    system_lang: crate::viewer::i18n::Lang,
    /// The language the installed fonts were chosen for (English sets quotation marks
    /// narrower, `fonts::definitions_for`).
    fonts_for: crate::viewer::i18n::Lang,
    /// When the user last pressed a key or moved the pointer (`ui::cursor_blink`).
    last_input: f64,
    /// Whether focus last moved by Tab rather than a click (`ui::focus_ring`).
    focus_by_keyboard: bool,
    /// A screenshot to take once the view is painted (`huimou screenshot`).
    pub screenshot: Option<crate::viewer::screenshot::Pending>,
    /// Fonts of the system for characters the bundled faces lack (not in tests).
    pub system_fonts: Option<std::sync::Arc<crate::viewer::fonts::SystemFonts>>,
    /// Says when the first frame was on screen and closes (`HUIMOU_EXIT_AFTER_FIRST_FRAME=1`).
    first_frame: Option<crate::viewer::first_frame::FirstFrameProbe>,
    persist: bool,
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
        let system_fonts = std::sync::Arc::new(crate::viewer::fonts::SystemFonts::new(
            app.session.dataset().script(),
        ));
        cc.egui_ctx
            .add_font_provider(std::sync::Arc::clone(&system_fonts) as _);
        app.system_fonts = Some(system_fonts);
        app
    }

    /// Creates the viewer with given settings (tests and the screenshot command use this).
    pub fn with_settings(ctx: &egui::Context, settings: Settings, mut startup: Startup) -> Self {
        // A report to import (`huimou report.docx`, a file the system opens with Huimou) is
        // imported over the built-in report, as File → Import does.
        let to_import = startup
            .file
            .take_if(|file| crate::import::is_importable(file));
        let view = startup.view;
        let mut app = Self::start(ctx, settings, startup);
        if let Some(path) = to_import {
            // The import says what it did in the reader's language, set before the first frame.
            crate::viewer::i18n::set(ctx, app.lang(), app.traditional());
            app.import(ctx, &path);
            // `huimou screenshot REPORT.docx --view figures` shows the view asked for.
            if let Some(view) = view {
                app.session.show(view);
            }
        }
        app
    }

    /// The viewer with the dataset the start-up asks for, or the remembered one.
    fn start(ctx: &egui::Context, mut settings: Settings, startup: Startup) -> Self {
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
        let remembered_file = settings.last_file.clone();
        let start = Start::load(
            file,
            (startup.file.is_some(), startup.shelf_in_background),
            &mut settings,
        );
        let opened = match (&start.shelf, &start.dataset.origin) {
            (Some(on), _) => Some(on.shelf.folder.clone()),
            (None, _) if start.pending_shelf.is_some() => start.pending_shelf.clone(),
            (None, crate::document::dataset::Origin::File(path)) => Some(path.clone()),
            (None, crate::document::dataset::Origin::Embedded) => None,
        };
        // The remembered chapter is the remembered report's: another report opens at its
        // overview. A file named on the command line is remembered as one opened from the menu.
        if opened != remembered_file {
            settings.view = View::Overview;
        }
        if let Some(path) = opened.filter(|_| startup.file.is_some()) {
            settings.remember_file(&path);
        }
        settings.take_startup(&startup);
        ctx.set_theme(settings.theme);
        ctx.set_zoom_factor(settings.zoom);
        log::debug!(
            "dataset ready {:?} after start of set-up",
            started.elapsed()
        );
        let mut session = Session::on_shelf(start.dataset, settings.view, start.shelf);
        session.set_diagnostics(start.diagnostics);
        if let Some(query) = startup.search.clone() {
            session.set_query(query, false);
        }
        let mut app = Self::fresh(ctx, settings, session, &startup);
        app.watch(start.watched.as_deref(), start.seen);
        app.tell_crash_report();
        if let Some(error) = start.refused {
            let lang = app.lang();
            app.say(error.message(lang), true);
        }
        if let Some(folder) = start.pending_shelf {
            // The view asked for (the shelf, a series) waits for the shelf.
            app.shelf_view = Some(app.settings.view);
            app.shelf_to_read = Some(folder);
        }
        app
    }

    /// The shell around `session`, as a new window shows it: no window open, no job running.
    fn fresh(ctx: &egui::Context, settings: Settings, session: Session, startup: &Startup) -> Self {
        Self {
            settings,
            session,
            memory: ui::Memory::default(),
            windows: ui::Windows::default(),
            commands: CommandSender::default(),
            presenting: false,
            leaving_confirmed: false,
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
            shelf_reload: None,
            shelf_view: None,
            shelf_to_read: None,
            ctx: ctx.clone(),
            crash: startup.crash.clone().map(|mut crash| {
                // Shown from now on: the next start need not show it again.
                crash.acknowledge();
                crash
            }),
            system_lang: crate::viewer::i18n::Lang::system(),
            // What `with_settings` installs.
            fonts_for: crate::viewer::i18n::Lang::Zh,
            last_input: 0.0,
            focus_by_keyboard: false,
            screenshot: None,
            first_frame: None,
            system_fonts: None,
            persist: startup.persist,
        }
    }

    /// The open report and the reader's place in it.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// What is remembered between runs.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The windows' state: which are open, the palette's query.
    pub fn windows(&self) -> &ui::Windows {
        &self.windows
    }

    /// What the panels measured of the open report's lists.
    pub fn memory(&self) -> &ui::Memory {
        &self.memory
    }

    /// The last message of the status bar.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Whether the viewer is presenting.
    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// Whether the report's PDF is being made.
    pub fn making_pdf(&self) -> bool {
        self.pdf_job.is_some()
    }

    /// The crash notice of the run before, while it is shown.
    pub fn crash(&self) -> Option<&crate::viewer::logging::Crash> {
        self.crash.as_ref()
    }

    /// The watcher of the open file, if one is watched.
    pub fn watcher(&self) -> Option<&crate::viewer::watch::FileWatcher> {
        self.watcher.as_ref()
    }

    /// The view on screen.
    pub fn view(&self) -> View {
        self.session.view()
    }

    /// The language of the interface: the reader's choice, else the system's.
    pub fn lang(&self) -> crate::viewer::i18n::Lang {
        self.settings.language.unwrap_or(self.system_lang)
    }

    /// Whether the Chinese interface is in traditional characters: chosen so, or following a
    /// traditional report.
    pub fn traditional(&self) -> bool {
        use crate::report::script_fold::HanScript;
        use crate::viewer::settings::ChineseScript;
        self.lang() == crate::viewer::i18n::Lang::Zh
            && match self.settings.script {
                ChineseScript::Simplified => false,
                ChineseScript::Traditional => true,
                ChineseScript::FollowReport => {
                    self.session.dataset().script() == HanScript::Traditional
                }
            }
    }

    /// Whether the crash notice should offer to reopen the file of the run that crashed:
    /// the file is not on screen now.
    pub fn crashed_file_to_offer(&self) -> Option<&Path> {
        crashed_file(self.crash.as_ref(), &self.session)
    }

    /// Forgets a file: it is no longer the last or a recent file.
    fn forget_file(&mut self, path: &Path) {
        self.settings.forget_file(path);
    }

    /// Tells the crash report which file is on screen.
    fn tell_crash_report(&self) {
        crate::viewer::logging::set_open_file(match &self.session.dataset().origin {
            crate::document::dataset::Origin::File(path) => Some(path),
            crate::document::dataset::Origin::Embedded => None,
        });
    }

    /// Asks for a command to run after this frame.
    pub fn push(&self, command: impl Into<Command>) {
        self.commands.send(command);
    }

    /// What a panel would be given to draw with now (tests ask the palette what it finds).
    pub fn context(&self) -> ViewerContext<'_> {
        ViewerContext {
            session: &self.session,
            settings: &self.settings,
            activity: Activity::default(),
            commands: &self.commands,
        }
    }

    /// Opens a dataset file and says whether it opened; on failure the current report stays
    /// and the errors are shown. Either way the file is watched from now on, so that fixing
    /// its errors in an editor opens it.
    pub fn open(&mut self, path: &Path) -> bool {
        if path.is_dir() {
            return self.open_shelf(path);
        }
        let (seen, loaded) = load::load_file_seen(path);
        self.watch(Some(path), seen);
        match loaded {
            Ok(dataset) => {
                self.replace_dataset(dataset);
                self.settings.remember_file(path);
                true
            }
            Err(error) => {
                log::warn!("could not open {}:\n{}", path.display(), error.render());
                self.session
                    .set_diagnostics(Some(Diagnostics::Failed(error)));
                false
            }
        }
    }

    /// Shows another report: a new session, at the view on screen if the report has it.
    fn replace_dataset(&mut self, dataset: Dataset) {
        self.replace_session(Session::new(dataset, self.session.view()));
    }

    /// Shows another session (another report), set up as a report that just opened.
    fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.memory = ui::Memory::default();
        // An interface following the report's script follows the new report at once: what the
        // shell says next (已導入…) is already in it.
        crate::viewer::i18n::set(&self.ctx, self.lang(), self.traditional());
        self.tell_crash_report();
        if let Some(fonts) = &self.system_fonts {
            fonts.set_script(self.session.dataset().script());
        }
    }

    /// Where the reader is now, with where the list on screen is scrolled to.
    pub fn visit(&self) -> Visit {
        let list = self.memory.shown_list;
        self.session
            .visit(list.map(|key| (key, self.memory.lists.anchor(key))))
    }

    /// Goes to a place from the history, its list scrolled as it was.
    fn go_to(&mut self, visit: Visit) {
        if let Some((key, anchor)) = self.session.go_to(visit) {
            self.memory.lists.restore(key, anchor);
        }
    }

    /// Carries out one command; a jump to another place leaves a step in the history.
    pub fn run(&mut self, ctx: &egui::Context, command: impl Into<Command>) {
        let command = command.into();
        // Enter or F3 on the whole report's results opens one: a jump, each a step of the
        // history; stepping through a chapter's matches is not.
        let opens_a_result = matches!(
            command,
            Command::Ui(UiCommand::FindNext | UiCommand::FindPrevious)
        ) && self.session.finding_opens_a_result();
        // Starting a search leaves the place before it, as a jump does: Back returns there.
        let starts_a_search = matches!(
            &command,
            Command::System(SystemCommand::SetQuery { query, in_table: false })
                if !query.trim().is_empty() && !self.session.search().is_active()
        );
        let jump = opens_a_result
            || starts_a_search
            || matches!(
                command,
                Command::Ui(
                    UiCommand::Overview
                        | UiCommand::Figures
                        | UiCommand::Shelf
                        | UiCommand::PreviousChapter
                        | UiCommand::NextChapter
                ) | Command::System(
                    SystemCommand::Show(_)
                        | SystemCommand::OpenShelfReport(_)
                        | SystemCommand::OpenShelfFigure(..)
                        | SystemCommand::OpenShelfInitiative(..)
                        | SystemCommand::OpenInitiative(_)
                        | SystemCommand::RevealFigure(_)
                )
            );
        let from = jump.then(|| self.visit());
        match command {
            Command::Ui(command) => self.run_ui(ctx, command),
            Command::System(command) => self.run_system(ctx, command),
        }
        if let Some(from) = from {
            let now = self.visit();
            self.session.left(from, now, opens_a_result);
        }
        self.session.refresh(self.settings.figure_sort, false);
    }

    /// Carries out a command given by name.
    fn run_ui(&mut self, ctx: &egui::Context, command: UiCommand) {
        use UiCommand as U;
        match command {
            U::Overview
            | U::Figures
            | U::PreviousChapter
            | U::NextChapter
            | U::Back
            | U::Forward => {
                self.navigate(command);
            }
            U::Present | U::NextSlide | U::PreviousSlide | U::FirstSlide | U::LastSlide => {
                self.present(ctx, command);
            }
            U::FindNext
            | U::FindPrevious
            | U::ChooseNext
            | U::ChoosePrevious
            | U::SearchReport
            | U::ClearSearch
            | U::Close => self.search_command(ctx, command),
            U::Review
            | U::AcceptFigure
            | U::DropFigure
            | U::UndoVerdict
            | U::CycleStatus
            | U::SaveDataset => {
                self.review_command(ctx, command);
            }
            U::Shelf => self.show_shelf(ctx),
            U::Menus => {
                if let Some(id) = ctx.data(|d| d.get_temp::<egui::Id>(ui::top_bar::menus_id())) {
                    ctx.memory_mut(|m| m.request_focus(id));
                }
            }
            U::SortByLabel | U::SortByValue | U::SortByChapter => {
                use crate::document::figure_table::Column;
                let column = match command {
                    U::SortByLabel => Column::Label,
                    U::SortByValue => Column::Value,
                    _ => Column::Chapter,
                };
                // As a click on the column's header: again, the other way.
                self.settings.figure_sort = self.settings.figure_sort.clicked(column);
                self.session.show(View::Figures);
            }
            U::OpenFolder => self.ask_for_file(ctx, crate::viewer::dialog::Purpose::OpenFolder),
            U::Open
            | U::Import
            | U::OpenEmbedded
            | U::ExportViewPng
            | U::ExportListCsv
            | U::ExportFiguresCsv
            | U::ExportPdf
            | U::Print => self.file_command(ctx, command),
            // Keys that a widget acts on itself (`ui::rows`, egui's focus); the table has them
            // to show them.
            U::Chapter
            | U::FigureMenu
            | U::EditLabel
            | U::Choose
            | U::ScrollDown
            | U::ScrollUp
            | U::PageDown
            | U::PageUp
            | U::ScrollToStart
            | U::ScrollToEnd
            | U::NextControl
            | U::PreviousControl => {
                log::debug!("{command:?} is carried out by the widget that has the keyboard");
            }
            // Listed, not `_`, so that a new command cannot be left out unnoticed.
            U::Palette
            | U::ThemeLight
            | U::ThemeDark
            | U::ThemeSystem
            | U::LanguageZh
            | U::LanguageZhHant
            | U::LanguageFollowReport
            | U::LanguageEn
            | U::ZoomIn
            | U::ZoomOut
            | U::ZoomReset
            | U::Shortcuts
            | U::Warnings
            | U::About
            | U::Quit => self.set_up(ctx, command),
        }
    }

    /// Moves between the views and through the history.
    fn navigate(&mut self, command: UiCommand) {
        let to = match command {
            UiCommand::Overview => View::Overview,
            UiCommand::Figures => View::Figures,
            UiCommand::PreviousChapter => self.session.previous_view(),
            UiCommand::NextChapter => self.session.next_view(),
            _ => {
                let now = self.visit();
                let to = if command == UiCommand::Back {
                    self.session.back(now)
                } else {
                    self.session.forward(now)
                };
                if let Some(to) = to {
                    self.go_to(to);
                }
                return;
            }
        };
        self.session.show(to);
    }

    /// Presenting, and its slides.
    fn present(&mut self, ctx: &egui::Context, command: UiCommand) {
        if command == UiCommand::Present {
            self.toggle_presenting(ctx);
        } else {
            self.move_slide(command);
        }
    }

    /// The search box's commands: a match, a result chosen, the box focused or emptied; Esc.
    fn search_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        let reviewing = self.view() == View::Review;
        // On the shelf, Enter opens the first match of the whole shelf.
        let first_on_shelf = (self.view() == View::Shelf)
            .then(|| self.session.shelf_hits())
            .flatten()
            .and_then(|hits| hits.first())
            .and_then(|(r, places)| Some((*r, *places.first()?)));
        match command {
            UiCommand::FindNext if first_on_shelf.is_some() => {
                if let Some((report, place)) = first_on_shelf {
                    self.run_system(ctx, SystemCommand::OpenShelfInitiative(report, place));
                }
            }
            UiCommand::FindNext | UiCommand::FindPrevious => {
                let forward = command == UiCommand::FindNext;
                // Going round is said: the reader may take the first match for a new one.
                if self.session.find(forward) {
                    use crate::viewer::i18n::tr;
                    let text = if forward {
                        tr(ctx, "已到最后一个匹配，从第一个重新开始")
                    } else {
                        tr(ctx, "已到第一个匹配，从最后一个重新开始")
                    };
                    self.say(text.to_owned(), false);
                }
            }
            // ↑/↓ choose a figure in the review, a result in the search's list.
            UiCommand::ChooseNext if reviewing => self.session.choose_figure(Choice::Next),
            UiCommand::ChoosePrevious if reviewing => self.session.choose_figure(Choice::Previous),
            UiCommand::ChooseNext => self.session.choose(true),
            UiCommand::ChoosePrevious => self.session.choose(false),
            UiCommand::SearchReport => {
                let scope = crate::viewer::place::SearchScope::Report;
                self.run_system(ctx, SystemCommand::FocusSearch(scope));
            }
            UiCommand::ClearSearch => self.session.clear_search(),
            _ => self.close_innermost(),
        }
    }

    /// The review of an import: a verdict on the chosen figure, or the import saved.
    fn review_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::Review if !self.session.start_review() => {
                let text =
                    crate::viewer::i18n::tr(ctx, "没有要审阅的名称：导入报告后在这里审阅猜的名称");
                self.say(text.to_owned(), false);
            }
            UiCommand::Review => self.session.show(View::Review),
            UiCommand::AcceptFigure => self.session.decide(Some(Verdict::Accept)),
            UiCommand::DropFigure => self.session.decide(Some(Verdict::Drop)),
            UiCommand::UndoVerdict => self.session.decide(None),
            UiCommand::CycleStatus => self.session.cycle_status(),
            _ => self.save_dataset(ctx),
        }
    }

    /// Files: a dataset or a report to import asked for, the built-in report, an export, print.
    fn file_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        use crate::viewer::dialog::Purpose;
        let export = match command {
            UiCommand::Open => return self.ask_for_file(ctx, Purpose::Open),
            UiCommand::Import => return self.ask_for_file(ctx, Purpose::Import),
            UiCommand::Print => return self.print(ctx),
            UiCommand::OpenEmbedded => {
                self.replace_dataset(load::embedded());
                self.watch(None, None);
                self.settings.last_file = None;
                return;
            }
            UiCommand::ExportViewPng => Export::ViewPng,
            UiCommand::ExportListCsv => Export::InitiativesCsv,
            UiCommand::ExportFiguresCsv => Export::FiguresCsv,
            _ => Export::ReportPdf,
        };
        self.ask_for_file(ctx, Purpose::Export(export));
    }

    /// Commands that change how the viewer looks and which windows are open.
    fn set_up(&mut self, ctx: &egui::Context, command: UiCommand) {
        if let Some(theme) = command.theme() {
            self.settings.theme = theme;
            ctx.set_theme(theme);
            return;
        }
        if let Some(lang) = command.language() {
            self.settings.language = Some(lang);
            if let Some(script) = command.script() {
                self.settings.script = script;
            }
            return;
        }
        // From the zoom the last command set, so that two steps in one frame make two.
        let now = self.settings.zoom;
        let zoom = |factor: f32| crate::viewer::commands::clamp_zoom(now * factor);
        match command {
            UiCommand::ZoomIn => self.set_zoom(ctx, zoom(crate::viewer::commands::ZOOM_STEP)),
            UiCommand::ZoomOut => {
                self.set_zoom(ctx, zoom(1.0 / crate::viewer::commands::ZOOM_STEP))
            }
            UiCommand::ZoomReset => self.set_zoom(ctx, 1.0),
            UiCommand::Palette => self.windows.toggle_palette(),
            UiCommand::About => self.windows.about = !self.windows.about,
            UiCommand::Shortcuts => self.windows.shortcuts = !self.windows.shortcuts,
            UiCommand::Warnings => self.session.set_diagnostics(Some(Diagnostics::Warnings)),
            UiCommand::Quit if self.unsaved_verdicts() > 0 => {
                self.windows.leaving = Some(Leave::Quit);
            }
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            other => debug_assert!(false, "{other:?} is not a command of the viewer's set-up"),
        }
    }

    fn set_zoom(&mut self, ctx: &egui::Context, zoom: f32) {
        ctx.set_zoom_factor(zoom);
        self.settings.zoom = zoom;
    }

    /// Esc: closes the innermost window open (shortcuts, About, diagnostics), else clears the
    /// search.
    fn close_innermost(&mut self) {
        if self.windows.shortcuts {
            self.windows.shortcuts = false;
        } else if self.windows.about {
            self.windows.about = false;
        } else if self.session.diagnostics().is_some() {
            self.session.set_diagnostics(None);
        } else {
            self.session.clear_search();
        }
    }

    /// Carries out a command with its data.
    fn run_system(&mut self, ctx: &egui::Context, command: SystemCommand) {
        match command {
            SystemCommand::Show(view) => self.session.show(view),
            SystemCommand::OpenInitiative(place) => self.session.open_result(place),
            SystemCommand::FocusSearch(scope) => {
                self.session.set_scope(scope);
                ctx.memory_mut(|m| m.request_focus(ui::top_bar::search_box_id()));
            }
            SystemCommand::SetQuery { query, in_table } => self.session.set_query(query, in_table),
            SystemCommand::SetSearchScope(scope) => self.session.set_scope(scope),
            SystemCommand::SelectFigure(place) => self.session.select(place),
            SystemCommand::RevealFigure(place) => self.session.reveal(place),
            SystemCommand::ToggleFullText(place) => self.session.toggle_full_text(place),
            SystemCommand::ToggleContents(c) => self.session.toggle_contents(c),
            SystemCommand::SortFigures(sort) => self.settings.figure_sort = sort,
            SystemCommand::ShowSlide(slide) => self.session.show_slide(slide),
            SystemCommand::CopyFigure(place) => self.copy(ctx, place, false),
            SystemCommand::CopyFigureWithSource(place) => self.copy(ctx, place, true),
            SystemCommand::DismissDiagnostics => self.session.set_diagnostics(None),
            SystemCommand::RelabelFigure(place, label) => self.session.relabel(place, label),
            SystemCommand::ChooseFigure(row) => self.session.choose_figure(Choice::Row(row)),
            SystemCommand::OpenShelfReport(report) => self.switch_report(report),
            SystemCommand::OpenShelfFiles(files) => {
                let _ = self.open_shelf_files(&files);
            }
            SystemCommand::OpenShelfFigure(report, place) => {
                self.switch_report(report);
                self.session.reveal(place);
            }
            SystemCommand::OpenShelfInitiative(report, place) => {
                let query = self.session.search().query().to_owned();
                self.switch_report(report);
                self.session
                    .set_scope(crate::viewer::place::SearchScope::Report);
                self.session.set_query(query, false);
                self.session.refresh(self.settings.figure_sort, false);
                self.session.open_result(place);
            }
            SystemCommand::Open(path) if self.unsaved_verdicts() > 0 => {
                self.windows.leaving = Some(Leave::Open(path));
            }
            SystemCommand::Import(path) if self.unsaved_verdicts() > 0 => {
                self.windows.leaving = Some(Leave::Import(path));
            }
            SystemCommand::Open(path) => {
                let _ = self.open(&path);
            }
            SystemCommand::Import(path) => self.import(ctx, &path),
            SystemCommand::Leave(choice) => self.leave(ctx, choice),
            SystemCommand::ForgetFile(path) => self.forget_file(&path),
            SystemCommand::DismissCrash => self.crash = None,
            SystemCommand::ExportDialog(export) => {
                self.ask_for_file(ctx, crate::viewer::dialog::Purpose::Export(export));
            }
            SystemCommand::Export(export, path) => {
                self.settings.export_folder = path.parent().map(Path::to_path_buf);
                self.export(ctx, export, path);
            }
        }
    }

    /// How many verdicts of the review would be lost: given, and not yet saved.
    fn unsaved_verdicts(&self) -> usize {
        self.session
            .review()
            .map_or(0, crate::viewer::session::Review::unsaved)
    }

    /// Carries out the reader's word on unsaved verdicts: saves them, or lets them go and
    /// does what waited (quits, opens another report), or stays.
    fn leave(&mut self, ctx: &egui::Context, choice: LeaveChoice) {
        let Some(waiting) = self.windows.leaving.take() else {
            return;
        };
        match choice {
            LeaveChoice::Stay => {}
            LeaveChoice::Save => self.save_dataset(ctx),
            LeaveChoice::Discard => match waiting {
                Leave::Quit => {
                    self.leaving_confirmed = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
                Leave::Open(path) => {
                    let _ = self.open(&path);
                }
                Leave::Import(path) => self.import(ctx, &path),
            },
        }
    }

    /// Saves an import as a dataset (asking where), with the review's verdicts; says so when
    /// there is no import to save.
    fn save_dataset(&mut self, ctx: &egui::Context) {
        let reviewed = self
            .session
            .review()
            .is_some_and(|review| review.unsaved() > 0);
        if self.session.draft().is_some() {
            let purpose = crate::viewer::dialog::Purpose::Export(Export::DatasetRon);
            self.ask_for_file(ctx, purpose);
        } else if let (true, crate::document::dataset::Origin::File(path)) =
            (reviewed, &self.session.dataset().origin)
        {
            let path = path.clone();
            self.save_review(ctx, &path);
        } else {
            let text = crate::viewer::i18n::tr(
                ctx,
                "没有要保存的改动：导入报告或审阅猜的名称后在这里保存",
            );
            self.say(text.to_owned(), false);
        }
    }

    /// A slide key while presenting.
    fn move_slide(&mut self, command: UiCommand) {
        let (canvas, _) = ui::present::canvas_of(&self.ctx);
        let count = ui::present::slides(&self.session.dataset().report, canvas).len();
        let now = self.session.slide().min(count.saturating_sub(1));
        let to = match command {
            UiCommand::NextSlide => now + 1,
            UiCommand::PreviousSlide => now.saturating_sub(1),
            UiCommand::FirstSlide => 0,
            _ => count,
        };
        self.session.show_slide(to.min(count.saturating_sub(1)));
    }

    /// Puts a figure on the clipboard: with its label, or with its period, label and chapter.
    fn copy(&mut self, ctx: &egui::Context, place: FigureRef, with_source: bool) {
        let lang = self.lang();
        let dataset = self.session.dataset();
        let text = if with_source {
            crate::document::figure_table::citation(
                dataset,
                place,
                lang == crate::viewer::i18n::Lang::En,
            )
        } else {
            let figure = dataset.figure(place);
            let label =
                crate::viewer::ui::localized_in(lang, &figure.label, figure.label_en.as_ref());
            format!(
                "{label}{}{}",
                crate::viewer::i18n::tr(ctx, "："),
                figure.written()
            )
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
        let (canvas, _) = ui::present::canvas_of(ctx);
        let slides = ui::present::slides(&self.session.dataset().report, canvas);
        self.presenting = !self.presenting;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.presenting));
        if self.presenting {
            // Slides scale themselves to the screen (ui::present::slide_ui).
            let first = ui::present::first_slide_of(&slides, self.view());
            self.session.show_slide(first);
        } else {
            if let Some(slide) =
                slides.get(self.session.slide().min(slides.len().saturating_sub(1)))
            {
                self.session.show(slide.view());
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

    fn run_pending(&mut self, ctx: &egui::Context) {
        let commands = self.commands.take();
        if !commands.is_empty() {
            // Commands change what is shown after this frame was laid out; show it now.
            ctx.request_repaint();
        }
        for command in commands {
            self.run(ctx, command);
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
        crate::viewer::i18n::set(&ctx, lang, self.traditional());
        if self.fonts_for != lang {
            crate::viewer::fonts::install_for(&ctx, lang);
            self.fonts_for = lang;
        }
        self.drawn.forget();
        ui::cursor_blink(&ctx, &mut self.last_input);
        if self.shelf_to_read.is_some() {
            if ctx.cumulative_frame_nr() >= 1 {
                if let Some(folder) = self.shelf_to_read.take() {
                    self.reload_shelf(folder);
                }
            } else {
                ctx.request_repaint();
            }
        }
        // The window's close button: unsaved verdicts are asked about first.
        let closing = ctx.input(|i| i.viewport().close_requested());
        if closing && !self.leaving_confirmed && self.unsaved_verdicts() > 0 {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.windows.leaving = Some(Leave::Quit);
        }
        self.reload_if_changed();
        self.session.refresh(self.settings.figure_sort, false);
        self.draw(ui);
        self.session.frame_drawn();
        self.run_pending(&ctx);
        self.poll_exports(&ctx);
        self.poll_file_dialog(&ctx);
        if !self.presenting {
            // Remember what the user set with egui's own zoom keys too.
            self.settings.zoom = ctx.zoom_factor();
        }
        self.settings.view = self.session.view();
        if let Some(shot) = &mut self.screenshot {
            // A shelf read behind the first frame is part of the picture asked for.
            if self.shelf_reload.is_none() && self.shelf_to_read.is_none() {
                shot.drive(&ctx);
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(10));
            }
        }
    }

    /// Draws the panels and windows: each reads the session through a `ViewerContext` and
    /// sends commands; what a panel owns (its window's state, the heights it measured) it is
    /// lent on its own.
    fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let cx = ViewerContext {
            session: &self.session,
            settings: &self.settings,
            activity: Activity {
                status: self.status.as_ref(),
                pdf: self
                    .pdf_job
                    .as_ref()
                    .filter(|job| job.written.is_none())
                    .map(PdfJob::fraction),
                exporting: self.export_job.is_some(),
                exporting_chart: self.exporting_chart,
                crash: self.crash.as_ref(),
                crashed_file: crashed_file(self.crash.as_ref(), &self.session),
            },
            commands: &self.commands,
        };
        let windows = &mut self.windows;
        let in_app = &mut self.file_dialogs.in_app;
        if self.presenting {
            ui::present::slide_ui(ui, &cx, &mut self.drawn);
            ui::windows_ui(&ctx, &cx, windows, in_app);
            return;
        }
        // The in-app file dialog takes the keyboard: Ctrl+F, Alt+1… must not act behind it.
        if in_app.is_none() {
            ui::shortcuts::handle(&ctx, &cx, windows);
        }
        ui::files::receive_dropped_files(&ctx, &cx);
        ui::top_bar::top_bar_ui(ui, &cx);
        ui::draft::draft_bar_ui(ui, &cx);
        ui::status_bar::status_bar_ui(ui, &cx);
        ui::nav::nav_ui(ui, &cx, &mut self.memory);
        // Page Down scrolls the keyboard shortcuts when they are open, not the page behind.
        ui::rows::hold_reading_keys(&ctx, windows.shortcuts);
        ui::central_ui(ui, &cx, &mut self.memory, &mut self.drawn);
        ui::windows_ui(&ctx, &cx, windows, in_app);
        ui::files::drop_overlay_ui(&ctx);
        ui::focus_ring(&ctx, &mut self.focus_by_keyboard);
    }
}

/// The file the crashed run had open, when it is not on screen now (the crash notice offers
/// to open it again).
fn crashed_file<'a>(
    crash: Option<&'a crate::viewer::logging::Crash>,
    session: &Session,
) -> Option<&'a Path> {
    let file = crash?.file.as_deref()?;
    match &session.dataset().origin {
        crate::document::dataset::Origin::File(open) if open == file => None,
        _ => Some(file),
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
