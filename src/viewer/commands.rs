//! Every command a user can give, in one table: its name and description (in Chinese, the
//! interface's source language, translated when shown), its keys and where each key counts,
//! where it is offered (menus, the palette). Menus, key handling, the shortcuts window, the
//! palette and every key hint on screen read this table, so a name or a key is written once.
//!
//! As rerun's viewer: `UiCommand` is what a user asks for by name (its list derived with
//! strum's `EnumIter`, never kept by hand); `SystemCommand` carries data (a path to open, a
//! figure to light). Panels send both through a `CommandSender`; the shell carries them out
//! after the frame.

use std::cell::RefCell;
use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, ThemePreference};
use strum::IntoEnumIterator;

use crate::document::dataset::{ChartRef, FigureRef, InitiativeRef};
use crate::viewer::i18n::{Lang, Translate, fill, tr};
use crate::viewer::place::{SearchScope, View};

/// How much one step of zooming in multiplies the zoom factor by (zooming out divides).
pub const ZOOM_STEP: f32 = 1.1;

/// The zoom the settings keep, and its range, live with them.
pub use crate::viewer::settings::{ZOOM_RANGE, clamp_zoom};

/// A command the user can give by name: from a menu, the palette or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    /// Show the overview.
    Overview,
    /// Show every figure in one table.
    Figures,
    /// Review an import's guessed figures.
    Review,
    /// Show the shelf: the reports of the folder opened, and their series across years.
    Shelf,
    /// Accept the guessed label of the figure chosen in the review.
    AcceptFigure,
    /// Give the figure chosen in the review another label.
    EditLabel,
    /// Drop the figure chosen in the review: its number is no figure.
    DropFigure,
    /// Take back the verdict on the figure chosen in the review.
    UndoVerdict,
    /// Set the chosen figure's status to the next one (result, target, estimate).
    CycleStatus,
    /// Save an import as a dataset, with the review's verdicts.
    SaveDataset,
    /// Open the focused figure's menu (copy, copy with source), as a right-click does.
    FigureMenu,
    /// Show chapter 1 to 9 by its key (Alt+1 to Alt+9); the palette lists chapters by name.
    Chapter,
    /// Show the previous chapter.
    PreviousChapter,
    /// Show the next chapter.
    NextChapter,
    /// Go back to the place before the last jump.
    Back,
    /// Go forward again.
    Forward,
    /// Search the whole report.
    SearchReport,
    /// Light the search's next match (in the search box: open the chosen result).
    FindNext,
    /// Light the search's match before.
    FindPrevious,
    /// Choose the next item of a list: a search result, a palette entry, a file.
    ChooseNext,
    /// Choose the item before.
    ChoosePrevious,
    /// Open the chosen item of the palette or the file dialog.
    Choose,
    /// Empty the search box.
    ClearSearch,
    /// Close the innermost window (shortcuts, About, diagnostics), else clear the search.
    Close,
    /// Open a dataset file.
    Open,
    /// Open every report of a folder as a shelf.
    OpenFolder,
    /// Import a report (text, Word document or web page).
    Import,
    /// Go back to the built-in report.
    OpenEmbedded,
    /// Start or stop presenting.
    Present,
    /// The next slide.
    NextSlide,
    /// The slide before.
    PreviousSlide,
    /// The first slide.
    FirstSlide,
    /// The last slide.
    LastSlide,
    /// Scroll a long list down a line.
    ScrollDown,
    /// Scroll a long list up a line.
    ScrollUp,
    /// Scroll a long list down a screen.
    PageDown,
    /// Scroll a long list up a screen.
    PageUp,
    /// Scroll to the start of a long list.
    ScrollToStart,
    /// Scroll to the end of a long list.
    ScrollToEnd,
    /// Move the keyboard's focus to the next control.
    NextControl,
    /// Move the keyboard's focus to the control before.
    PreviousControl,
    /// Open or close the command palette.
    Palette,
    /// Export the view on screen as PNG.
    ExportViewPng,
    /// Export the listed initiatives as CSV.
    ExportListCsv,
    /// Export the table of figures (as filtered and sorted) as CSV.
    ExportFiguresCsv,
    /// Sort the table of figures by label (again: the other way), as its header does.
    SortByLabel,
    /// Sort the table of figures by value, units grouped (again: the other way).
    SortByValue,
    /// Sort the table of figures in the report's order (again: the other way).
    SortByChapter,
    /// Export the whole report as PDF.
    ExportPdf,
    /// Print the report (its PDF, in the system's viewer).
    Print,
    /// The light theme.
    ThemeLight,
    /// The dark theme.
    ThemeDark,
    /// The system's theme.
    ThemeSystem,
    /// The interface in simplified Chinese.
    LanguageZh,
    /// The interface in traditional Chinese.
    LanguageZhHant,
    /// The interface in Chinese, in the open report's script.
    LanguageFollowReport,
    /// The interface in English.
    LanguageEn,
    /// Zoom in one step.
    ZoomIn,
    /// Zoom out one step.
    ZoomOut,
    /// Back to 100%.
    ZoomReset,
    /// Show or hide the shortcuts window.
    Shortcuts,
    /// Put the keyboard on the menu bar (its first menu): Enter opens it, Tab goes on.
    Menus,
    /// List the dataset's warnings.
    Warnings,
    /// Show or hide the About box.
    About,
    /// Quit.
    Quit,
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
    /// One series of the shelf, by index: a row per reading, with its sentence.
    SeriesCsv(usize),
}

impl Export {
    /// The file type's name and extension, for the save dialog.
    pub fn file_type(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::ChartPng(..) | Self::ViewPng => ("PNG", &["png"]),
            Self::ChartCsv(..) | Self::InitiativesCsv | Self::FiguresCsv | Self::SeriesCsv(_) => {
                ("CSV", &["csv"])
            }
            Self::ReportPdf => ("PDF", &["pdf"]),
            Self::DatasetRon => ("RON", &["ron"]),
        }
    }
}

/// A command that carries data: a place, a path, a query. Sent by panels as the reader clicks
/// and types; never listed or keyed.
#[derive(Clone, Debug, PartialEq)]
pub enum SystemCommand {
    /// Show a view.
    Show(View),
    /// Open a dataset file.
    Open(PathBuf),
    /// Import a report and show it, not yet saved.
    Import(PathBuf),
    /// Forget a file: no longer the last or a recent one (the crash notice offers it).
    ForgetFile(PathBuf),
    /// Put away the notice of the run before's crash.
    DismissCrash,
    /// Put the keyboard focus in the search box, searching the given scope.
    FocusSearch(SearchScope),
    /// The search box's text as typed; `in_table` when typed in the table of figures, as its
    /// filter.
    SetQuery { query: String, in_table: bool },
    /// Search the chapter on screen or the whole report.
    SetSearchScope(SearchScope),
    /// Highlight a figure in its text and in its charts.
    SelectFigure(FigureRef),
    /// Highlight a figure and scroll its initiative into view (from a chart).
    RevealFigure(FigureRef),
    /// Show an initiative in its chapter, scrolled into view.
    OpenInitiative(InitiativeRef),
    /// Show the whole of a long initiative text, or its start again.
    ToggleFullText(InitiativeRef),
    /// Show or hide a chapter's initiatives in the contents.
    ToggleContents(usize),
    /// Sort the table of figures as its column header was clicked.
    SortFigures(crate::document::figure_table::Sort),
    /// Show a slide while presenting.
    ShowSlide(usize),
    /// Ask where to save an export, then make it.
    ExportDialog(Export),
    /// Make an export into a file.
    Export(Export, PathBuf),
    /// Put a figure, with its label and unit, on the clipboard.
    CopyFigure(FigureRef),
    /// Copy a figure with its period, label and chapter (copy with source).
    CopyFigureWithSource(FigureRef),
    /// Close the diagnostics window.
    DismissDiagnostics,
    /// Give a figure of the review another label.
    RelabelFigure(FigureRef, String),
    /// Choose a figure of the review by its row (a click).
    ChooseFigure(usize),
    /// Open several reports together as a shelf (dropped on the window together).
    OpenShelfFiles(Vec<PathBuf>),
    /// Show another report of the shelf, at the same chapter where it has one.
    OpenShelfReport(usize),
    /// Show a figure of a report of the shelf, lit in its sentence (a series' reading).
    OpenShelfFigure(usize, FigureRef),
    /// Show an initiative of a report of the shelf found by the shelf's search, the search
    /// carried over to that report.
    OpenShelfInitiative(usize, InitiativeRef),
    /// The reader's word on review verdicts not yet saved, asked before they would be lost.
    Leave(LeaveChoice),
}

/// What waits for the reader's word while review verdicts are not saved: quitting, or
/// showing another report in their place.
#[derive(Clone, Debug, PartialEq)]
pub enum Leave {
    Quit,
    Open(PathBuf),
    Import(PathBuf),
}

/// The reader's word on unsaved review verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeaveChoice {
    /// Save them first (and stay).
    Save,
    /// Let them go, and go on.
    Discard,
    /// Stay with them.
    Stay,
}

/// Anything the shell carries out after a frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A command by name.
    Ui(UiCommand),
    /// A command with its data.
    System(SystemCommand),
}

impl From<UiCommand> for Command {
    fn from(command: UiCommand) -> Self {
        Self::Ui(command)
    }
}

impl From<SystemCommand> for Command {
    fn from(command: SystemCommand) -> Self {
        Self::System(command)
    }
}

/// How panels ask for commands while they draw: a queue the shell empties after the frame.
/// Shared by reference, so that any closure of a panel can send.
#[derive(Debug, Default)]
pub struct CommandSender {
    queue: RefCell<Vec<Command>>,
}

impl CommandSender {
    /// Asks for a command to run after this frame.
    pub fn send(&self, command: impl Into<Command>) {
        self.queue.borrow_mut().push(command.into());
    }

    /// The commands sent since the last call, oldest first.
    pub fn take(&self) -> Vec<Command> {
        std::mem::take(&mut self.queue.borrow_mut())
    }
}

/// Where a key means its command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum KeyContext {
    /// Anywhere in the window (`ui::shortcuts::handle` consumes it), unless the in-app file
    /// dialog has the keyboard.
    Viewer,
    /// egui acts on it itself (zoom keys at the end of each pass, Tab between controls):
    /// consuming it as well would act twice. The table has it to show it.
    Egui,
    /// In the search box while it has the focus (`ui::top_bar`).
    SearchBox,
    /// In the command palette and the in-app file dialog, whose lists answer these keys.
    List,
    /// Reading a long list with no text box focused (`ui::rows`).
    Reading,
    /// While presenting (`ui::present`).
    Presenting,
    /// In the review of an import's figures, unless its label box has the keyboard
    /// (`ui::review`).
    Review,
    /// On the focused figure: a chart's row or a row of 数据一览 (`ui::initiatives::figure_menu`).
    Focused,
}

impl KeyContext {
    /// Where the keys count, in Chinese, for the shortcuts window.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Viewer | Self::Egui => "",
            Self::SearchBox => "在搜索框中",
            Self::List => "在命令面板或文件对话框中",
            Self::Reading => "阅读时（光标不在文本框中）",
            Self::Presenting => "演示时",
            Self::Review => "审阅导入的数据时",
            Self::Focused => "在选中的数据上（图表的一行、数据一览的一行）",
        }
    }
}

/// A key and where it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Where the key counts.
    pub context: KeyContext,
    /// The key.
    pub key: KeyboardShortcut,
}

/// A binding, for the table.
const fn bind(context: KeyContext, modifiers: Modifiers, key: Key) -> Binding {
    Binding {
        context,
        key: KeyboardShortcut::new(modifiers, key),
    }
}

/// A key anywhere in the viewer.
const fn anywhere(modifiers: Modifiers, key: Key) -> Binding {
    bind(KeyContext::Viewer, modifiers, key)
}

/// Alt+1 … Alt+9, the keys of chapters 1 to 9.
static CHAPTER_KEYS: [Binding; 9] = [
    anywhere(Modifiers::ALT, Key::Num1),
    anywhere(Modifiers::ALT, Key::Num2),
    anywhere(Modifiers::ALT, Key::Num3),
    anywhere(Modifiers::ALT, Key::Num4),
    anywhere(Modifiers::ALT, Key::Num5),
    anywhere(Modifiers::ALT, Key::Num6),
    anywhere(Modifiers::ALT, Key::Num7),
    anywhere(Modifiers::ALT, Key::Num8),
    anywhere(Modifiers::ALT, Key::Num9),
];

/// A menu of the top bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// 文件.
    File,
    /// 文件 → 导出.
    Export,
    /// 视图.
    View,
    /// 语言.
    Language,
    /// 帮助.
    Help,
}

/// Where in the top bar's menus a command is: its menu and its section (separated by a line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MenuPlace {
    /// The menu.
    pub menu: Menu,
    /// The section, counted from the top.
    pub section: u8,
}

impl UiCommand {
    /// Every command, in the order the palette and the shortcuts window list them: the
    /// enum's order.
    pub fn all() -> impl Iterator<Item = Self> {
        Self::iter()
    }

    /// The key of chapter `index` (`Chapter`'s keys, in order), if it has one.
    pub fn chapter_key(index: usize) -> Option<KeyboardShortcut> {
        CHAPTER_KEYS.get(index).map(|binding| binding.key)
    }

    /// The key of chapter `index` as this platform writes it (Alt+3), if it has one.
    pub fn chapter_key_text(ctx: &egui::Context, index: usize) -> Option<String> {
        Self::chapter_key(index).map(|key| format_shortcut(ctx, &key))
    }

    /// The name in Chinese, as the table is written.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Overview => "总览",
            Self::Figures => "数据一览",
            Self::Review => "审阅导入",
            Self::Shelf => "书架",
            Self::AcceptFigure => "确认名称",
            Self::EditLabel => "改名",
            Self::DropFigure => "不是数据，删去",
            Self::UndoVerdict => "撤销这一项的决定",
            Self::CycleStatus => "改为目标、预计或结果",
            Self::SaveDataset => "保存为数据集…",
            Self::FigureMenu => "数据菜单",
            Self::Chapter => "按编号打开章",
            Self::PreviousChapter => "上一章",
            Self::NextChapter => "下一章",
            Self::Back => "后退",
            Self::Forward => "前进",
            Self::FindNext => "下一个匹配",
            Self::FindPrevious => "上一个匹配",
            Self::ChooseNext => "选择下一项",
            Self::ChoosePrevious => "选择上一项",
            Self::Choose => "打开选中的项",
            Self::SearchReport => "搜索全文",
            Self::ClearSearch => "清空搜索",
            Self::Close => "关闭",
            Self::Open => "打开…",
            Self::OpenFolder => "打开文件夹…",
            Self::Import => "导入…",
            Self::OpenEmbedded => "打开内置报告",
            Self::Present => "演示",
            Self::NextSlide => "下一页",
            Self::PreviousSlide => "上一页",
            Self::FirstSlide => "第一页",
            Self::LastSlide => "最后一页",
            Self::ScrollDown => "向下滚动一行",
            Self::ScrollUp => "向上滚动一行",
            Self::PageDown => "向下翻一屏",
            Self::PageUp => "向上翻一屏",
            Self::ScrollToStart => "滚动到开头",
            Self::ScrollToEnd => "滚动到末尾",
            Self::NextControl => "下一个控件",
            Self::PreviousControl => "上一个控件",
            Self::Palette => "命令面板",
            Self::ExportViewPng => "本章图片 (PNG)…",
            Self::ExportListCsv => "举措列表 (CSV)…",
            Self::ExportFiguresCsv => "数据一览 (CSV)…",
            Self::SortByLabel => "数据一览按名称排序",
            Self::SortByValue => "数据一览按数值排序",
            Self::SortByChapter => "数据一览按章排序",
            Self::ExportPdf => "整份报告 (PDF)…",
            Self::Print => "打印…",
            Self::ThemeLight => "浅色",
            Self::ThemeDark => "深色",
            Self::ThemeSystem => "跟随系统",
            // A language is named in itself, whatever the interface's language.
            Self::LanguageZh => "简体中文",
            Self::LanguageZhHant => "繁體中文",
            Self::LanguageFollowReport => "中文（跟随报告）",
            Self::LanguageEn => Lang::En.own_name(),
            Self::ZoomIn => "放大",
            Self::ZoomOut => "缩小",
            Self::ZoomReset => "重置缩放",
            Self::Shortcuts => "键盘快捷键",
            Self::Menus => "菜单栏",
            Self::Warnings => "数据集提示…",
            Self::About => "关于回眸",
            Self::Quit => "退出",
        }
    }

    /// A short name for the top bar: a language named in its own script (简体, 繁體, English);
    /// other commands by their name.
    pub fn short_name(self) -> &'static str {
        match self {
            Self::LanguageZh => "简体",
            Self::LanguageZhHant => "繁體",
            _ => self.label_zh(),
        }
    }

    /// What the command does, in Chinese.
    pub fn description_zh(self) -> &'static str {
        match self {
            Self::Overview => "显示报告的封面和各章卡片",
            Self::Figures => "所有数据列成一张表：可排序，按搜索筛选，可导出 CSV",
            Self::Review => "逐个审阅导入时猜的数据名称：确认、改名或删去",
            Self::Shelf => "打开的文件夹中的各份报告，以及同一项数据跨年度的变化",
            Self::AcceptFigure => "审阅时：猜的名称对，确认并转到下一项",
            Self::EditLabel => "审阅时：给选中的数据改名",
            Self::DropFigure => "审阅时：这个数字不是数据，删去（数字留在正文中）",
            Self::UndoVerdict => "审阅时：撤销对选中数据的决定",
            Self::CycleStatus => {
                "审阅时：选中的数据是目标、预计还是已实现的结果（导入没读出力争、预计时改正）"
            }
            Self::SaveDataset => "把导入的报告连同审阅的结果存为数据集",
            Self::FigureMenu => "打开选中数据的菜单：复制，或附出处复制",
            Self::Chapter => "Alt 加章的编号打开该章（前九章）",
            Self::PreviousChapter => "显示上一章（第一章之前是总览）",
            Self::NextChapter => "显示下一章",
            Self::Back => "回到上一次跳转前的位置（视图、搜索和滚动位置）",
            Self::Forward => "后退之后再前进",
            Self::FindNext => "点亮搜索的下一个匹配并滚动到它；在全文结果中打开选中的结果",
            Self::FindPrevious => "点亮搜索的上一个匹配",
            Self::ChooseNext => "在搜索结果、命令面板或文件列表中选择下一项",
            Self::ChoosePrevious => "在搜索结果、命令面板或文件列表中选择上一项",
            Self::Choose => "打开命令面板或文件对话框中选中的项",
            Self::SearchReport => "把光标移到搜索框，在整份报告中搜索",
            Self::ClearSearch => "清空搜索框",
            Self::Close => "关闭最上层的窗口；没有窗口时清空搜索",
            Self::Open => "打开数据集",
            Self::OpenFolder => {
                "把一个文件夹中的报告（数据集和要导入的报告）一起打开，按发布者和年份排列，并找出跨年度的同一项数据"
            }
            Self::Import => {
                "把报告或宣传册（文本、Word 文档、网页或 PDF）导入为报告：章、举措、数据和图表"
            }
            Self::OpenEmbedded => "回到回眸自带的报告",
            Self::Present => "演示：全屏，一页一页地放映；再按一次退出",
            Self::NextSlide => "演示时翻到下一页",
            Self::PreviousSlide => "演示时翻到上一页",
            Self::FirstSlide => "演示时回到第一页",
            Self::LastSlide => "演示时翻到最后一页",
            Self::ScrollDown => "在章、总览和搜索结果中向下滚动一行",
            Self::ScrollUp => "在章、总览和搜索结果中向上滚动一行",
            Self::PageDown => "在章、总览和搜索结果中向下翻一屏",
            Self::PageUp => "在章、总览和搜索结果中向上翻一屏",
            Self::ScrollToStart => "滚动到章、总览或搜索结果的开头",
            Self::ScrollToEnd => "滚动到章、总览或搜索结果的末尾",
            Self::NextControl => "把键盘焦点移到下一个控件",
            Self::PreviousControl => "把键盘焦点移到上一个控件",
            Self::Palette => "命令面板：命令、章、举措（支持拼音）",
            Self::ExportViewPng => "把屏幕上的总览或章存为图片",
            Self::ExportListCsv => "把列出的举措（按搜索筛选）存为 CSV",
            Self::ExportFiguresCsv => {
                "把数据一览中列出的数据（按搜索筛选、按所选的列排序）存为 CSV"
            }
            Self::SortByLabel => "打开数据一览，按数据名称排序；再选一次倒序",
            Self::SortByValue => "打开数据一览，按数值排序（同一单位的在一起）；再选一次倒序",
            Self::SortByChapter => "打开数据一览，按所在章的顺序排列；再选一次倒序",
            Self::ExportPdf => "把整份报告存为可打印的 PDF：封面、目录、每章的图表和举措",
            Self::Print => "生成整份报告的 PDF，在系统的 PDF 阅读器中打开以打印",
            Self::ThemeLight => "使用浅色主题",
            Self::ThemeDark => "使用深色主题",
            Self::ThemeSystem => "主题跟随系统的浅色或深色",
            Self::LanguageZh => "界面使用简体中文",
            Self::LanguageZhHant => "界面使用繁体中文",
            Self::LanguageFollowReport => "界面使用中文，简体或繁体跟随打开的报告",
            Self::LanguageEn => "界面使用英文",
            Self::ZoomIn => "把界面放大一级",
            Self::ZoomOut => "把界面缩小一级",
            Self::ZoomReset => "恢复 100% 大小",
            Self::Shortcuts => "列出所有命令及其按键",
            Self::Menus => "把键盘移到菜单栏：Enter 打开菜单，Tab 到下一个",
            Self::Warnings => "列出数据集作者可能想知道的问题（huimou check 的提示）",
            Self::About => "版本、当前报告、日志和字体",
            Self::Quit => "关闭回眸",
        }
    }

    /// The name as shown, in the interface's language; a language is named in itself, whatever
    /// the interface's (繁體中文 in a simplified interface too).
    pub fn text(self, on: &impl Translate) -> String {
        match self {
            Self::LanguageZh | Self::LanguageZhHant | Self::LanguageEn => self.label_zh(),
            _ => tr(on, self.label_zh()),
        }
        .to_owned()
    }

    /// What the command does, in the interface's language.
    pub fn description(self, on: &impl Translate) -> String {
        tr(on, self.description_zh()).to_owned()
    }

    /// Every key of the command and where each counts; those of `KeyContext::Viewer` first,
    /// the one menus and hints show first of all. `Modifiers::COMMAND` is Ctrl, and ⌘ on macOS.
    pub fn bindings(self) -> &'static [Binding] {
        use KeyContext::{Egui, Focused, List, Presenting, Reading, Review, SearchBox};
        use egui::gui_zoom::kb_shortcuts;
        const NONE: Modifiers = Modifiers::NONE;
        const fn egui_key(key: KeyboardShortcut) -> Binding {
            Binding { context: Egui, key }
        }
        match self {
            Self::Overview => const { &[anywhere(Modifiers::ALT, Key::Num0)] },
            Self::Figures => const { &[anywhere(Modifiers::ALT, Key::D)] },
            Self::Review => const { &[anywhere(Modifiers::ALT, Key::R)] },
            Self::Shelf => const { &[anywhere(Modifiers::ALT, Key::B)] },
            Self::AcceptFigure => {
                const { &[bind(Review, NONE, Key::Enter), bind(Review, NONE, Key::A)] }
            }
            Self::EditLabel => const { &[bind(Review, NONE, Key::E), bind(Review, NONE, Key::F2)] },
            Self::DropFigure => {
                const { &[bind(Review, NONE, Key::D), bind(Review, NONE, Key::Delete)] }
            }
            Self::UndoVerdict => {
                const {
                    &[
                        bind(Review, NONE, Key::U),
                        bind(Review, NONE, Key::Backspace),
                    ]
                }
            }
            Self::CycleStatus => const { &[bind(Review, NONE, Key::T)] },
            Self::SaveDataset => const { &[anywhere(Modifiers::COMMAND, Key::S)] },
            Self::FigureMenu => {
                const {
                    &[
                        bind(Focused, Modifiers::SHIFT, Key::F10),
                        bind(Focused, NONE, Key::Menu),
                    ]
                }
            }
            Self::Chapter => &CHAPTER_KEYS,
            Self::PreviousChapter => const { &[anywhere(Modifiers::ALT, Key::ArrowUp)] },
            Self::NextChapter => const { &[anywhere(Modifiers::ALT, Key::ArrowDown)] },
            // ⌘[ and ⌘] are macOS's own; `applies` hides them elsewhere.
            Self::Back => {
                const {
                    &[
                        anywhere(Modifiers::ALT, Key::ArrowLeft),
                        anywhere(Modifiers::MAC_CMD, Key::OpenBracket),
                    ]
                }
            }
            Self::Forward => {
                const {
                    &[
                        anywhere(Modifiers::ALT, Key::ArrowRight),
                        anywhere(Modifiers::MAC_CMD, Key::CloseBracket),
                    ]
                }
            }
            Self::FindNext => {
                const { &[anywhere(NONE, Key::F3), bind(SearchBox, NONE, Key::Enter)] }
            }
            Self::FindPrevious => {
                const {
                    &[
                        anywhere(Modifiers::SHIFT, Key::F3),
                        bind(SearchBox, Modifiers::SHIFT, Key::Enter),
                    ]
                }
            }
            Self::ChooseNext => {
                const {
                    &[
                        bind(SearchBox, NONE, Key::ArrowDown),
                        bind(List, NONE, Key::ArrowDown),
                        bind(Review, NONE, Key::ArrowDown),
                        bind(Review, NONE, Key::J),
                    ]
                }
            }
            Self::ChoosePrevious => {
                const {
                    &[
                        bind(SearchBox, NONE, Key::ArrowUp),
                        bind(List, NONE, Key::ArrowUp),
                        bind(Review, NONE, Key::ArrowUp),
                        bind(Review, NONE, Key::K),
                    ]
                }
            }
            Self::Choose => const { &[bind(List, NONE, Key::Enter)] },
            Self::SearchReport => const { &[anywhere(Modifiers::COMMAND, Key::F)] },
            Self::ClearSearch => const { &[bind(SearchBox, NONE, Key::Escape)] },
            Self::Close => const { &[anywhere(NONE, Key::Escape), bind(List, NONE, Key::Escape)] },
            Self::Open => const { &[anywhere(Modifiers::COMMAND, Key::O)] },
            Self::OpenFolder => {
                const { &[anywhere(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O)] }
            }
            Self::Import => const { &[anywhere(Modifiers::COMMAND, Key::I)] },
            Self::Present => {
                const {
                    &[
                        anywhere(NONE, Key::F5),
                        bind(Presenting, NONE, Key::Escape),
                        bind(Presenting, NONE, Key::F5),
                    ]
                }
            }
            Self::NextSlide => {
                const {
                    &[
                        bind(Presenting, NONE, Key::ArrowRight),
                        bind(Presenting, NONE, Key::ArrowDown),
                        bind(Presenting, NONE, Key::PageDown),
                        bind(Presenting, NONE, Key::Space),
                    ]
                }
            }
            Self::PreviousSlide => {
                const {
                    &[
                        bind(Presenting, NONE, Key::ArrowLeft),
                        bind(Presenting, NONE, Key::ArrowUp),
                        bind(Presenting, NONE, Key::PageUp),
                    ]
                }
            }
            Self::FirstSlide => const { &[bind(Presenting, NONE, Key::Home)] },
            Self::LastSlide => const { &[bind(Presenting, NONE, Key::End)] },
            Self::ScrollDown => const { &[bind(Reading, NONE, Key::ArrowDown)] },
            Self::ScrollUp => const { &[bind(Reading, NONE, Key::ArrowUp)] },
            Self::PageDown => {
                const {
                    &[
                        bind(Reading, NONE, Key::PageDown),
                        bind(Reading, NONE, Key::Space),
                    ]
                }
            }
            Self::PageUp => {
                const {
                    &[
                        bind(Reading, NONE, Key::PageUp),
                        bind(Reading, Modifiers::SHIFT, Key::Space),
                    ]
                }
            }
            Self::ScrollToStart => const { &[bind(Reading, NONE, Key::Home)] },
            Self::ScrollToEnd => const { &[bind(Reading, NONE, Key::End)] },
            Self::NextControl => const { &[bind(Egui, NONE, Key::Tab)] },
            Self::PreviousControl => const { &[bind(Egui, Modifiers::SHIFT, Key::Tab)] },
            Self::Palette => const { &[anywhere(Modifiers::COMMAND, Key::K)] },
            // Help's key on every desktop.
            Self::Shortcuts => const { &[anywhere(NONE, Key::F1)] },
            Self::Menus => const { &[anywhere(NONE, Key::F10)] },
            // egui's own zoom keys; `=` first, as it needs no Shift on most keyboards.
            Self::ZoomIn => {
                const {
                    &[
                        egui_key(kb_shortcuts::ZOOM_IN_SECONDARY),
                        egui_key(kb_shortcuts::ZOOM_IN),
                    ]
                }
            }
            Self::ZoomOut => const { &[egui_key(kb_shortcuts::ZOOM_OUT)] },
            Self::ZoomReset => const { &[egui_key(kb_shortcuts::ZOOM_RESET)] },
            Self::Print => const { &[anywhere(Modifiers::COMMAND, Key::P)] },
            Self::Quit => const { &[anywhere(Modifiers::COMMAND, Key::Q)] },
            Self::OpenEmbedded
            | Self::ExportViewPng
            | Self::ExportListCsv
            | Self::ExportFiguresCsv
            | Self::SortByLabel
            | Self::SortByValue
            | Self::SortByChapter
            | Self::ExportPdf
            | Self::ThemeLight
            | Self::ThemeDark
            | Self::ThemeSystem
            | Self::LanguageZh
            | Self::LanguageZhHant
            | Self::LanguageFollowReport
            | Self::LanguageEn
            | Self::Warnings
            | Self::About => &[],
        }
    }

    /// The keys that count in `context`.
    pub fn keys_in(self, context: KeyContext) -> impl Iterator<Item = KeyboardShortcut> {
        self.bindings()
            .iter()
            .filter(move |binding| binding.context == context)
            .map(|binding| binding.key)
    }

    /// The keys that count anywhere (the viewer's or egui's), shown in menus and hints.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        self.bindings()
            .iter()
            .filter(|binding| matches!(binding.context, KeyContext::Viewer | KeyContext::Egui))
            .map(|binding| binding.key)
            .collect()
    }

    /// Whether this frame's input pressed one of the command's keys in `context` (without
    /// consuming it: the widget that owns the context acts on it).
    pub fn pressed_in(self, input: &egui::InputState, context: KeyContext) -> bool {
        self.keys_in(context).any(|key| {
            input.key_pressed(key.logical_key) && input.modifiers.matches_exact(key.modifiers)
        })
    }

    /// How many times this frame's input pressed the command's keys in `context`, consumed.
    pub fn consume_in(self, input: &mut egui::InputState, context: KeyContext) -> usize {
        self.keys_in(context)
            .map(|key| input.count_and_consume_key(key.modifiers, key.logical_key))
            .sum()
    }

    /// Where the top bar's menus offer the command, if they do.
    pub fn menu(self) -> Option<MenuPlace> {
        let at = |menu, section| Some(MenuPlace { menu, section });
        match self {
            Self::Open | Self::OpenFolder | Self::Import | Self::SaveDataset => at(Menu::File, 0),
            Self::OpenEmbedded => at(Menu::File, 1),
            Self::Print => at(Menu::File, 2),
            Self::Quit => at(Menu::File, 3),
            Self::ExportViewPng
            | Self::ExportListCsv
            | Self::ExportFiguresCsv
            | Self::ExportPdf => at(Menu::Export, 0),
            Self::Overview
            | Self::Figures
            | Self::Review
            | Self::Shelf
            | Self::PreviousChapter
            | Self::NextChapter
            | Self::Back
            | Self::Forward
            | Self::Present => at(Menu::View, 0),
            Self::ZoomIn | Self::ZoomOut | Self::ZoomReset => at(Menu::View, 1),
            Self::ThemeLight | Self::ThemeDark | Self::ThemeSystem => at(Menu::View, 2),
            Self::LanguageFollowReport
            | Self::LanguageZh
            | Self::LanguageZhHant
            | Self::LanguageEn => at(Menu::Language, 0),
            Self::Shortcuts | Self::Warnings | Self::About => at(Menu::Help, 0),
            _ => None,
        }
    }

    /// Whether the palette lists the command: what one asks for by name. Chapters are
    /// listed there by their names instead; keys that move within a list, a slide show or
    /// between controls make no sense from the palette.
    pub fn in_palette(self) -> bool {
        let moves_within = self
            .bindings()
            .iter()
            .any(|binding| !matches!(binding.context, KeyContext::Viewer | KeyContext::Egui));
        let keyed_elsewhere = moves_within && self.shortcuts().is_empty();
        !keyed_elsewhere && !matches!(self, Self::Chapter | Self::Palette | Self::Close)
    }

    /// The theme the command sets, if it sets one.
    pub fn theme(self) -> Option<ThemePreference> {
        match self {
            Self::ThemeLight => Some(ThemePreference::Light),
            Self::ThemeDark => Some(ThemePreference::Dark),
            Self::ThemeSystem => Some(ThemePreference::System),
            _ => None,
        }
    }

    /// The script of Chinese the command sets, if it sets one.
    pub fn script(self) -> Option<crate::viewer::settings::ChineseScript> {
        use crate::viewer::settings::ChineseScript;
        match self {
            Self::LanguageZh => Some(ChineseScript::Simplified),
            Self::LanguageZhHant => Some(ChineseScript::Traditional),
            Self::LanguageFollowReport => Some(ChineseScript::FollowReport),
            _ => None,
        }
    }

    /// The language the command sets, if it sets one.
    pub fn language(self) -> Option<Lang> {
        match self {
            Self::LanguageZh | Self::LanguageZhHant | Self::LanguageFollowReport => Some(Lang::Zh),
            Self::LanguageEn => Some(Lang::En),
            _ => None,
        }
    }

    /// The first key, written as this platform writes it (Ctrl+K, or ⌘K on macOS).
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts()
            .iter()
            .find(|shortcut| applies(ctx, shortcut))
            .map(|shortcut| format_shortcut(ctx, shortcut))
    }

    /// Every key of this platform that counts in `context`, written as it writes them,
    /// separated by slashes; a run of chapter keys as its first and last (Alt+1 … Alt+9).
    pub fn keys_text_in(self, ctx: &egui::Context, context: KeyContext) -> String {
        let keys: Vec<KeyboardShortcut> = self
            .keys_in(context)
            .filter(|shortcut| applies(ctx, shortcut))
            .collect();
        match self {
            Self::Chapter => chapter_keys_text(ctx, keys.len()),
            _ => shortcuts_text(ctx, &keys),
        }
    }

    /// Every key of this platform that counts anywhere, as `keys_text_in` writes them.
    pub fn all_shortcuts_text(self, ctx: &egui::Context) -> String {
        let anywhere = self.keys_text_in(ctx, KeyContext::Viewer);
        let egui = self.keys_text_in(ctx, KeyContext::Egui);
        match (anywhere.is_empty(), egui.is_empty()) {
            (_, true) => anywhere,
            (true, false) => egui,
            (false, false) => format!("{anywhere} / {egui}"),
        }
    }

    /// The name with the first key in brackets, for hover hints: 放大（Ctrl+=）.
    pub fn hint(self, ctx: &egui::Context) -> String {
        let text = self.text(ctx);
        match self.shortcut_text(ctx) {
            Some(keys) => fill(tr(ctx, "{}（{}）"), &[&text, &keys]),
            None => text,
        }
    }

    /// The commands of one section of a menu, in table order.
    pub fn in_menu(menu: Menu, section: u8) -> impl Iterator<Item = Self> {
        Self::iter().filter(move |command| command.menu() == Some(MenuPlace { menu, section }))
    }
}

/// Whether a key exists on this platform: the ⌘ key (`Modifiers::MAC_CMD`) only on macOS.
pub fn applies(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> bool {
    !shortcut.modifiers.mac_cmd || ctx.os() == egui::os::OperatingSystem::Mac
}

/// The keys of the first `chapters` chapters (nine at most), first and last: Alt+1 … Alt+5.
pub fn chapter_keys_text(ctx: &egui::Context, chapters: usize) -> String {
    let keys: Vec<_> = (0..chapters.min(CHAPTER_KEYS.len()))
        .filter_map(UiCommand::chapter_key)
        .collect();
    match keys.as_slice() {
        [] => String::new(),
        [only] => format_shortcut(ctx, only),
        [first, .., last] => format!(
            "{} … {}",
            format_shortcut(ctx, first),
            format_shortcut(ctx, last)
        ),
    }
}

/// Keys written as this platform writes them, separated by slashes.
pub fn shortcuts_text(ctx: &egui::Context, shortcuts: &[KeyboardShortcut]) -> String {
    shortcuts
        .iter()
        .map(|shortcut| format_shortcut(ctx, shortcut))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A shortcut as this platform writes it, its key as printed on the keyboard: Ctrl+=, Alt+←,
/// Esc, not egui's English names (Ctrl+Equals, Alt+Left, Escape), which read as words in the
/// Chinese interface. The modifiers are egui's (⌘ on a Mac whose font has the symbol).
pub fn format_shortcut(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let with_a = ctx.format_shortcut(&KeyboardShortcut::new(shortcut.modifiers, Key::A));
    let modifiers = with_a.strip_suffix('A').unwrap_or_default();
    format!("{modifiers}{}", key_text(shortcut.logical_key))
}

/// A key as printed on it.
fn key_text(key: Key) -> &'static str {
    match key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Escape => "Esc",
        Key::Minus => "-",
        Key::PageUp => "PgUp",
        Key::PageDown => "PgDn",
        _ => key.symbol_or_name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::ModifierNames;

    #[test]
    fn the_palette_key_is_command_k_on_mac_and_ctrl_k_elsewhere() {
        let palette = UiCommand::Palette.shortcuts()[0];
        // What `Context::format_shortcut` writes on a Mac whose font has the symbols…
        assert_eq!(palette.format(&ModifierNames::SYMBOLS, true), "⌘K");
        // …on a Mac whose font lacks them…
        assert_eq!(palette.format(&ModifierNames::NAMES, true), "Cmd+K");
        // …and everywhere else.
        assert_eq!(palette.format(&ModifierNames::NAMES, false), "Ctrl+K");
    }

    #[test]
    fn the_context_writes_the_platform_s_modifier() {
        let ctx = egui::Context::default();
        crate::viewer::fonts::install(&ctx);
        // Fonts are ready (for the check of ⌘'s glyph) once a pass has run.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        // No renderer takes the font atlas; dropping it unapplied is a debug assertion.
        output.textures_delta.clear();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        assert_eq!(
            UiCommand::Palette.shortcut_text(&ctx).as_deref(),
            Some("Ctrl+K")
        );
        assert_eq!(
            UiCommand::ZoomIn.all_shortcuts_text(&ctx),
            "Ctrl+= / Ctrl++",
            "keys as printed, not Ctrl+Equals"
        );
        assert_eq!(
            UiCommand::Back.shortcut_text(&ctx).as_deref(),
            Some("Alt+←")
        );
        ctx.set_os(egui::os::OperatingSystem::Mac);
        let mac = UiCommand::Palette.shortcut_text(&ctx);
        assert!(matches!(mac.as_deref(), Some("⌘K" | "Cmd+K")), "{mac:?}");
    }

    #[test]
    fn the_table_is_complete_and_each_key_means_one_thing_where_it_counts() {
        let commands: Vec<UiCommand> = UiCommand::all().collect();
        assert!(commands.len() > 40, "the list is derived from the enum");
        for context in KeyContext::iter() {
            let mut seen = std::collections::HashMap::new();
            for &command in &commands {
                for key in command.keys_in(context) {
                    if let Some(other) = seen.insert(key, command) {
                        panic!("{key:?} means {other:?} and {command:?} in {context:?}");
                    }
                }
            }
        }
        // Every command can be found: by a key, in a menu or in the palette.
        for &command in &commands {
            assert!(
                !command.bindings().is_empty() || command.in_palette() || command.menu().is_some(),
                "{command:?} has no key and is in no menu or the palette"
            );
        }
        for index in 0..9 {
            assert!(UiCommand::chapter_key(index).is_some());
        }
        assert_eq!(UiCommand::chapter_key(9), None);
        // Keys that move within a list or a slide show are not commands of the palette.
        assert!(!UiCommand::NextSlide.in_palette());
        assert!(!UiCommand::ChooseNext.in_palette());
        assert!(UiCommand::FindNext.in_palette());
    }

    #[test]
    fn a_key_that_counts_in_one_place_names_it() {
        let ctx = egui::Context::default();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        assert_eq!(
            UiCommand::FindNext.keys_text_in(&ctx, KeyContext::SearchBox),
            "Enter"
        );
        assert_eq!(UiCommand::FindNext.all_shortcuts_text(&ctx), "F3");
        assert_eq!(UiCommand::Chapter.all_shortcuts_text(&ctx), "Alt+1 … Alt+9");
        assert_eq!(
            UiCommand::NextSlide.keys_text_in(&ctx, KeyContext::Presenting),
            "→ / ↓ / PgDn / Space"
        );
    }

    #[test]
    fn zoom_stays_in_range() {
        assert_eq!(clamp_zoom(10.0), 3.0);
        assert_eq!(clamp_zoom(0.1), 0.5);
        assert_eq!(clamp_zoom(1.25), 1.25);
        assert_eq!(clamp_zoom(f32::NAN), 1.0);
        assert_eq!(clamp_zoom(f32::INFINITY), 1.0);
    }
}
