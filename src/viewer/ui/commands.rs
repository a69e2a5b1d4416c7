//! Every command a user can give, in one table: its name and description (in Chinese, the
//! interface's source language, translated when shown), its keys, where it is offered (menus,
//! the palette) and the shell's `Command` it runs. Menus, key handling, the shortcuts window,
//! the palette and hover hints all read this table, so a name or a key is written once.
//!
//! As rerun's `UICommand`: an enum with a hand-written `ALL` (no derive crate for one list).

use std::ops::RangeInclusive;

use egui::{Key, KeyboardShortcut, Modifiers, ThemePreference};

use crate::viewer::app::{Command, Export, SearchScope, View};
use crate::viewer::i18n::{Lang, Translate, fill, tr};

/// How much one step of zooming in multiplies the zoom factor by (zooming out divides).
pub const ZOOM_STEP: f32 = 1.1;

/// The zoom factors the viewer allows: smaller is unreadable, larger leaves no room.
pub const ZOOM_RANGE: RangeInclusive<f32> = 0.5..=3.0;

/// A zoom factor brought into `ZOOM_RANGE`; 100% for one that is not a number (a damaged
/// setting), since clamping NaN keeps NaN.
pub fn clamp_zoom(zoom: f32) -> f32 {
    if zoom.is_finite() {
        zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end())
    } else {
        1.0
    }
}

/// A command the user can give from a menu, the palette or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Show the overview.
    Overview,
    /// Show every figure in one table.
    Figures,
    /// Show a chapter, by index (0 to 8 have keys, Alt+1 to Alt+9).
    Chapter(usize),
    /// Show the previous chapter.
    PreviousChapter,
    /// Show the next chapter.
    NextChapter,
    /// Go back to the place before the last jump.
    Back,
    /// Go forward again.
    Forward,
    /// Light the search's next match.
    FindNext,
    /// Light the search's match before.
    FindPrevious,
    /// Search the whole report.
    SearchReport,
    /// Empty the search box.
    ClearSearch,
    /// Open a dataset file.
    Open,
    /// Import a brochure (Markdown-like text or a Word document).
    Import,
    /// Go back to the built-in report.
    OpenEmbedded,
    /// Start or stop presenting.
    Present,
    /// Open or close the command palette.
    Palette,
    /// Export the view on screen as PNG.
    ExportViewPng,
    /// Export the listed initiatives as CSV.
    ExportListCsv,
    /// Export the table of figures (as filtered and sorted) as CSV.
    ExportFiguresCsv,
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
    /// The interface in Chinese.
    LanguageZh,
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
    /// List the dataset's warnings.
    Warnings,
    /// Show or hide the About box.
    About,
    /// Quit.
    Quit,
}

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

/// Who acts on a command's keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyOwner {
    /// `ui::shortcuts::handle` consumes them and runs the command.
    Viewer,
    /// egui itself (`Options::zoom_with_keyboard`, at the end of each pass): consuming them
    /// as well would zoom twice. The table has them to show them.
    Egui,
    /// The search box while it has the focus (Esc): elsewhere Esc closes the palette and
    /// windows and leaves presenting, so it is not a global key.
    SearchBox,
}

/// Alt+1 … Alt+9, the keys of chapters 1 to 9.
static CHAPTER_KEYS: [KeyboardShortcut; 9] = [
    KeyboardShortcut::new(Modifiers::ALT, Key::Num1),
    KeyboardShortcut::new(Modifiers::ALT, Key::Num2),
    KeyboardShortcut::new(Modifiers::ALT, Key::Num3),
    KeyboardShortcut::new(Modifiers::ALT, Key::Num4),
    KeyboardShortcut::new(Modifiers::ALT, Key::Num5),
    KeyboardShortcut::new(Modifiers::ALT, Key::Num6),
    KeyboardShortcut::new(Modifiers::ALT, Key::Num7),
    KeyboardShortcut::new(Modifiers::ALT, Key::Num8),
    KeyboardShortcut::new(Modifiers::ALT, Key::Num9),
];

/// Keys that move within a widget rather than give a command, for the shortcuts window.
pub const WIDGET_KEYS: &[(&[KeyboardShortcut], &str)] = &[
    (
        &[
            KeyboardShortcut::new(Modifiers::NONE, Key::Enter),
            KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter),
        ],
        "在搜索框中：打开选中的结果，再按是下一个 / 上一个匹配",
    ),
    (
        &[
            KeyboardShortcut::new(Modifiers::NONE, Key::ArrowUp),
            KeyboardShortcut::new(Modifiers::NONE, Key::ArrowDown),
        ],
        "在搜索结果中移动",
    ),
    (
        &[
            KeyboardShortcut::new(Modifiers::NONE, Key::Tab),
            KeyboardShortcut::new(Modifiers::SHIFT, Key::Tab),
        ],
        "在控件间移动",
    ),
];

impl UiCommand {
    /// Every command, in the order the palette and the shortcuts window list them.
    pub const ALL: [Self; 41] = [
        Self::Overview,
        Self::Figures,
        Self::Chapter(0),
        Self::Chapter(1),
        Self::Chapter(2),
        Self::Chapter(3),
        Self::Chapter(4),
        Self::Chapter(5),
        Self::Chapter(6),
        Self::Chapter(7),
        Self::Chapter(8),
        Self::PreviousChapter,
        Self::NextChapter,
        Self::Back,
        Self::Forward,
        Self::SearchReport,
        Self::FindNext,
        Self::FindPrevious,
        Self::ClearSearch,
        Self::Open,
        Self::Import,
        Self::OpenEmbedded,
        Self::Present,
        Self::Palette,
        Self::ExportViewPng,
        Self::ExportListCsv,
        Self::ExportFiguresCsv,
        Self::ExportPdf,
        Self::Print,
        Self::ThemeLight,
        Self::ThemeDark,
        Self::ThemeSystem,
        Self::LanguageZh,
        Self::LanguageEn,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::Shortcuts,
        Self::Warnings,
        Self::About,
        Self::Quit,
    ];

    /// The command that shows chapter `index`, when it has a key (the first nine).
    pub fn chapter(index: usize) -> Option<Self> {
        (index < CHAPTER_KEYS.len()).then_some(Self::Chapter(index))
    }

    /// The name in Chinese, as the table is written (a template for chapters).
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Overview => "总览",
            Self::Figures => "数据一览",
            Self::Chapter(_) => "第 {} 章",
            Self::PreviousChapter => "上一章",
            Self::NextChapter => "下一章",
            Self::Back => "后退",
            Self::Forward => "前进",
            Self::FindNext => "下一个匹配",
            Self::FindPrevious => "上一个匹配",
            Self::SearchReport => "搜索全文",
            Self::ClearSearch => "清空搜索",
            Self::Open => "打开…",
            Self::Import => "导入…",
            Self::OpenEmbedded => "打开内置报告",
            Self::Present => "演示",
            Self::Palette => "命令面板",
            Self::ExportViewPng => "本章图片 (PNG)…",
            Self::ExportListCsv => "举措列表 (CSV)…",
            Self::ExportFiguresCsv => "数据一览 (CSV)…",
            Self::ExportPdf => "整份报告 (PDF)…",
            Self::Print => "打印…",
            Self::ThemeLight => "浅色",
            Self::ThemeDark => "深色",
            Self::ThemeSystem => "跟随系统",
            // A language is named in itself, whatever the interface's language.
            Self::LanguageZh => Lang::Zh.own_name(),
            Self::LanguageEn => Lang::En.own_name(),
            Self::ZoomIn => "放大",
            Self::ZoomOut => "缩小",
            Self::ZoomReset => "重置缩放",
            Self::Shortcuts => "键盘快捷键",
            Self::Warnings => "数据集提示…",
            Self::About => "关于回眸",
            Self::Quit => "退出",
        }
    }

    /// What the command does, in Chinese (a template for chapters).
    pub fn description_zh(self) -> &'static str {
        match self {
            Self::Overview => "显示报告的封面和各章卡片",
            Self::Figures => "所有数据列成一张表：可排序，按搜索筛选，可导出 CSV",
            Self::Chapter(_) => "打开第 {} 章",
            Self::PreviousChapter => "显示上一章（第一章之前是总览）",
            Self::NextChapter => "显示下一章",
            Self::Back => "回到上一次跳转前的位置（视图、搜索和滚动位置）",
            Self::Forward => "后退之后再前进",
            Self::FindNext => "点亮搜索的下一个匹配并滚动到它（在搜索框中按 Enter 也可）",
            Self::FindPrevious => "点亮搜索的上一个匹配（在搜索框中按 Shift+Enter 也可）",
            Self::SearchReport => "把光标移到搜索框，在整份报告中搜索",
            Self::ClearSearch => "清空搜索框（光标在搜索框中时）",
            Self::Open => "打开数据集",
            Self::Import => {
                "把报告或宣传册（文本、Word 文档或网页）导入为报告：章、举措、数据和图表"
            }
            Self::OpenEmbedded => "回到回眸自带的报告",
            Self::Present => "演示（全屏，←/→ 翻页，Esc 退出）",
            Self::Palette => "命令面板：命令、章、举措（支持拼音）",
            Self::ExportViewPng => "把屏幕上的总览或章存为图片",
            Self::ExportListCsv => "把列出的举措（按搜索筛选）存为 CSV",
            Self::ExportFiguresCsv => {
                "把数据一览中列出的数据（按搜索筛选、按所选的列排序）存为 CSV"
            }
            Self::ExportPdf => "把整份报告存为可打印的 PDF：封面、目录、每章的图表和举措",
            Self::Print => "生成整份报告的 PDF，在系统的 PDF 阅读器中打开以打印",
            Self::ThemeLight => "使用浅色主题",
            Self::ThemeDark => "使用深色主题",
            Self::ThemeSystem => "主题跟随系统的浅色或深色",
            Self::LanguageZh => "界面使用中文",
            Self::LanguageEn => "界面使用英文",
            Self::ZoomIn => "把界面放大一级",
            Self::ZoomOut => "把界面缩小一级",
            Self::ZoomReset => "恢复 100% 大小",
            Self::Shortcuts => "列出所有命令及其按键",
            Self::Warnings => "列出数据集作者可能想知道的问题（huimou check 的提示）",
            Self::About => "版本、当前报告、日志和字体",
            Self::Quit => "关闭回眸",
        }
    }

    /// The name as shown, in the interface's language.
    pub fn text(self, on: &impl Translate) -> String {
        self.filled(tr(on, self.label_zh()))
    }

    /// What the command does, in the interface's language.
    pub fn description(self, on: &impl Translate) -> String {
        self.filled(tr(on, self.description_zh()))
    }

    /// A template of this command with its chapter's number filled in.
    fn filled(self, template: &str) -> String {
        match self {
            Self::Chapter(index) => fill(template, &[&(index + 1)]),
            _ => template.to_owned(),
        }
    }

    /// The keys, the one shown in menus and hints first. `Modifiers::COMMAND` is Ctrl, and ⌘
    /// on macOS.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        use egui::gui_zoom::kb_shortcuts;
        const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(modifiers, key)
        }
        match self {
            Self::Overview => const { &[keys(Modifiers::ALT, Key::Num0)] },
            Self::Figures => const { &[keys(Modifiers::ALT, Key::D)] },
            Self::Chapter(index) => CHAPTER_KEYS
                .get(index)
                .map_or(&[] as &[KeyboardShortcut], std::slice::from_ref),
            Self::PreviousChapter => const { &[keys(Modifiers::ALT, Key::ArrowUp)] },
            Self::NextChapter => const { &[keys(Modifiers::ALT, Key::ArrowDown)] },
            // ⌘[ and ⌘] are macOS's own; `applies` hides them elsewhere.
            Self::Back => {
                const {
                    &[
                        keys(Modifiers::ALT, Key::ArrowLeft),
                        keys(Modifiers::MAC_CMD, Key::OpenBracket),
                    ]
                }
            }
            Self::Forward => {
                const {
                    &[
                        keys(Modifiers::ALT, Key::ArrowRight),
                        keys(Modifiers::MAC_CMD, Key::CloseBracket),
                    ]
                }
            }
            Self::FindNext => const { &[keys(Modifiers::NONE, Key::F3)] },
            Self::FindPrevious => const { &[keys(Modifiers::SHIFT, Key::F3)] },
            Self::SearchReport => const { &[keys(Modifiers::COMMAND, Key::F)] },
            Self::ClearSearch => const { &[keys(Modifiers::NONE, Key::Escape)] },
            Self::Open => const { &[keys(Modifiers::COMMAND, Key::O)] },
            Self::Import => const { &[keys(Modifiers::COMMAND, Key::I)] },
            Self::Present => const { &[keys(Modifiers::NONE, Key::F5)] },
            Self::Palette => const { &[keys(Modifiers::COMMAND, Key::K)] },
            // egui's own zoom keys; `=` first, as it needs no Shift on most keyboards.
            Self::ZoomIn => const { &[kb_shortcuts::ZOOM_IN_SECONDARY, kb_shortcuts::ZOOM_IN] },
            Self::ZoomOut => const { &[kb_shortcuts::ZOOM_OUT] },
            Self::ZoomReset => const { &[kb_shortcuts::ZOOM_RESET] },
            Self::Print => const { &[keys(Modifiers::COMMAND, Key::P)] },
            Self::Quit => const { &[keys(Modifiers::COMMAND, Key::Q)] },
            Self::OpenEmbedded
            | Self::ExportViewPng
            | Self::ExportListCsv
            | Self::ExportFiguresCsv
            | Self::ExportPdf
            | Self::ThemeLight
            | Self::ThemeDark
            | Self::ThemeSystem
            | Self::LanguageZh
            | Self::LanguageEn
            | Self::Shortcuts
            | Self::Warnings
            | Self::About => &[],
        }
    }

    /// Who acts on the command's keys.
    pub fn key_owner(self) -> KeyOwner {
        match self {
            Self::ZoomIn | Self::ZoomOut | Self::ZoomReset => KeyOwner::Egui,
            Self::ClearSearch => KeyOwner::SearchBox,
            _ => KeyOwner::Viewer,
        }
    }

    /// Where the top bar's menus offer the command, if they do.
    pub fn menu(self) -> Option<MenuPlace> {
        let at = |menu, section| Some(MenuPlace { menu, section });
        match self {
            Self::Open | Self::Import => at(Menu::File, 0),
            Self::OpenEmbedded => at(Menu::File, 1),
            Self::Print => at(Menu::File, 2),
            Self::Quit => at(Menu::File, 3),
            Self::ExportViewPng
            | Self::ExportListCsv
            | Self::ExportFiguresCsv
            | Self::ExportPdf => at(Menu::Export, 0),
            Self::Overview
            | Self::Figures
            | Self::PreviousChapter
            | Self::NextChapter
            | Self::Back
            | Self::Forward
            | Self::Present => at(Menu::View, 0),
            Self::ZoomIn | Self::ZoomOut | Self::ZoomReset => at(Menu::View, 1),
            Self::ThemeLight | Self::ThemeDark | Self::ThemeSystem => at(Menu::View, 2),
            Self::LanguageZh | Self::LanguageEn => at(Menu::Language, 0),
            Self::Shortcuts | Self::Warnings | Self::About => at(Menu::Help, 0),
            Self::Chapter(_)
            | Self::SearchReport
            | Self::FindNext
            | Self::FindPrevious
            | Self::ClearSearch
            | Self::Palette => None,
        }
    }

    /// Whether the palette lists the command. Chapters are listed there by their names
    /// instead; clearing the search and the palette itself make no sense from the palette.
    pub fn in_palette(self) -> bool {
        !matches!(self, Self::Chapter(_) | Self::ClearSearch | Self::Palette)
    }

    /// The shell's command this one runs.
    pub fn command(self) -> Command {
        match self {
            Self::Overview => Command::Show(View::Overview),
            Self::Figures => Command::Show(View::Figures),
            Self::Chapter(index) => Command::Show(View::Chapter(index)),
            Self::PreviousChapter => Command::Previous,
            Self::NextChapter => Command::Next,
            Self::Back => Command::Back,
            Self::Forward => Command::Forward,
            Self::FindNext => Command::FindNext,
            Self::FindPrevious => Command::FindPrevious,
            Self::SearchReport => Command::FocusSearch(SearchScope::Report),
            Self::ClearSearch => Command::ClearSearch,
            Self::Open => Command::OpenDialog,
            Self::Import => Command::ImportDialog,
            Self::OpenEmbedded => Command::OpenEmbedded,
            Self::Present => Command::TogglePresenting,
            Self::Palette => Command::TogglePalette,
            Self::ExportViewPng => Command::ExportDialog(Export::ViewPng),
            Self::ExportListCsv => Command::ExportDialog(Export::InitiativesCsv),
            Self::ExportFiguresCsv => Command::ExportDialog(Export::FiguresCsv),
            Self::ExportPdf => Command::ExportDialog(Export::ReportPdf),
            Self::ThemeLight => Command::SetTheme(ThemePreference::Light),
            Self::ThemeDark => Command::SetTheme(ThemePreference::Dark),
            Self::ThemeSystem => Command::SetTheme(ThemePreference::System),
            Self::LanguageZh => Command::SetLanguage(Lang::Zh),
            Self::LanguageEn => Command::SetLanguage(Lang::En),
            Self::ZoomIn => Command::Zoom(ZOOM_STEP),
            Self::ZoomOut => Command::Zoom(1.0 / ZOOM_STEP),
            Self::ZoomReset => Command::Zoom(0.0),
            Self::Shortcuts => Command::ToggleShortcuts,
            Self::Warnings => Command::ShowWarnings,
            Self::About => Command::ToggleAbout,
            Self::Print => Command::Print,
            Self::Quit => Command::Quit,
        }
    }

    /// The first key, written as this platform writes it (Ctrl+K, or ⌘K on macOS).
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts()
            .iter()
            .find(|shortcut| applies(ctx, shortcut))
            .map(|shortcut| format_shortcut(ctx, shortcut))
    }

    /// Every key of this platform, written as it writes them, separated by slashes.
    pub fn all_shortcuts_text(self, ctx: &egui::Context) -> String {
        let keys: Vec<KeyboardShortcut> = self
            .shortcuts()
            .iter()
            .copied()
            .filter(|shortcut| applies(ctx, shortcut))
            .collect();
        shortcuts_text(ctx, &keys)
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
        Self::ALL
            .into_iter()
            .filter(move |command| command.menu() == Some(MenuPlace { menu, section }))
    }
}

/// Whether a key exists on this platform: the ⌘ key (`Modifiers::MAC_CMD`) only on macOS.
pub fn applies(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> bool {
    !shortcut.modifiers.mac_cmd || ctx.os() == egui::os::OperatingSystem::Mac
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
    fn the_table_is_complete_and_its_keys_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for command in UiCommand::ALL {
            assert!(seen.insert(command), "{command:?} twice");
            for shortcut in command.shortcuts() {
                assert!(
                    UiCommand::ALL
                        .iter()
                        .filter(|other| other.shortcuts().contains(shortcut))
                        .count()
                        == 1,
                    "{shortcut:?} is bound twice"
                );
            }
        }
        // The shortcuts window lists those without keys as found in the palette.
        for command in UiCommand::ALL {
            assert!(
                !command.shortcuts().is_empty() || command.in_palette(),
                "{command:?} has no key and is not in the palette"
            );
        }
        for index in 0..9 {
            assert_eq!(UiCommand::chapter(index), Some(UiCommand::Chapter(index)));
        }
        assert_eq!(UiCommand::chapter(9), None);
        assert!(UiCommand::Chapter(9).shortcuts().is_empty());
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
