//! The top bar: menus, the report's title, the search box, theme and zoom.

use crate::viewer::i18n::{fill, tr};
use egui::{RichText, ThemePreference};

use crate::viewer::commands::{Command, KeyContext, Menu, SystemCommand, UiCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::place::{SearchScope, View};
use crate::viewer::ui::theme;

/// The id of the search box, so shortcuts can focus it.
pub fn search_box_id() -> egui::Id {
    egui::Id::unique("search-box")
}

/// The top panel.
pub fn top_bar_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>) {
    let mut commands = Vec::new();
    egui::Panel::top("top-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            menus_ui(ui, cx, &mut commands);
            ui.separator();
            let report = &cx.dataset().report;
            let title = crate::viewer::ui::localized(ui, &report.title, report.title_en.as_ref());
            let response =
                ui.add(egui::Label::new(RichText::new(title).font(theme::bold(15.0))).truncate());
            crate::viewer::ui::with_original(response, title, &report.title);
        });
        ui.horizontal(|ui| {
            // What does not fit beside the search folds into the menus (视图 has the themes
            // and zoom, 语言 the languages), so nothing is drawn over anything else.
            let fits = Fits::of(ui);
            history_ui(ui, cx, &mut commands);
            search_ui(ui, cx, &mut commands, fits.search_width);
            // Right-aligned but laid out left to right, so that Tab goes through them in the
            // order they are read.
            ui.add_space((ui.available_width() - fits.right_width).max(0.0));
            if fits.theme {
                theme_ui(ui, cx.settings.theme, &mut commands);
                ui.separator();
            }
            if fits.language {
                language_ui(ui, &mut commands);
                ui.separator();
            }
            if fits.zoom {
                zoom_ui(ui, &mut commands);
            }
            folded_ui(ui, cx.settings.theme, &fits, &mut commands);
        });
        ui.add_space(2.0);
    });
    for command in commands {
        cx.send(command);
    }
}

/// Which of the second row's controls fit in the window's width, measured in this frame's
/// language and zoom.
struct Fits {
    search_width: f32,
    zoom: bool,
    language: bool,
    theme: bool,
    /// What the controls shown on the right take, the "…" included when something folds.
    right_width: f32,
}

impl Fits {
    fn of(ui: &egui::Ui) -> Self {
        let width = ui.available_width();
        let text = |ui: &egui::Ui, text: &str| {
            let font = egui::TextStyle::Button.resolve(ui.style());
            let galley =
                ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE));
            galley.size().x + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x
        };
        let names = |ui: &egui::Ui, commands: &[UiCommand]| -> f32 {
            commands.iter().map(|c| text(ui, &c.text(ui))).sum::<f32>() + 12.0
        };
        // The search label, the scope toggles and the match count beside the box.
        let beside_search = text(ui, "←")
            + text(ui, "→")
            + text(ui, tr(ui, "搜索"))
            + text(ui, tr(ui, "本章"))
            + text(ui, tr(ui, "全文"))
            + text(ui, "100 / 100")
            + text(ui, "▲")
            + text(ui, "▼")
            + text(ui, "×");
        let zoom = text(ui, "＋") + text(ui, "100%") + text(ui, "－") + 12.0;
        let language = [
            UiCommand::LanguageZh,
            UiCommand::LanguageZhHant,
            UiCommand::LanguageEn,
        ]
        .iter()
        .map(|command| text(ui, command.short_name()))
        .sum::<f32>()
            + 12.0;
        let theme = names(
            ui,
            &[
                UiCommand::ThemeLight,
                UiCommand::ThemeDark,
                UiCommand::ThemeSystem,
            ],
        );
        let search_width = (width * 0.3).clamp(120.0, 280.0);
        let all = zoom + language + theme;
        let mut room = width - beside_search - search_width;
        // When something must fold, the "…" that holds it needs its room too.
        if room < all {
            room -= text(ui, "…");
        }
        let mut take = |need: f32| {
            let fits = room >= need;
            if fits {
                room -= need;
            }
            fits
        };
        let (zoom_width, language_width, theme_width) = (zoom, language, theme);
        let zoom = take(zoom);
        let language = zoom && take(language);
        let theme = language && take(theme);
        let shown = [
            (zoom, zoom_width),
            (language, language_width),
            (theme, theme_width),
        ];
        let folded = if zoom && language && theme {
            0.0
        } else {
            text(ui, "…")
        };
        let right_width = shown
            .iter()
            .filter(|(fits, _)| *fits)
            .map(|(_, width)| width)
            .sum::<f32>()
            + folded;
        Self {
            search_width,
            zoom,
            language,
            theme,
            right_width,
        }
    }
}

/// The controls that did not fit, behind a "…" button at the row's end, so that a narrow
/// window shows they are there (they are in the menus too).
fn folded_ui(ui: &mut egui::Ui, theme: ThemePreference, fits: &Fits, commands: &mut Vec<Command>) {
    if fits.zoom && fits.language && fits.theme {
        return;
    }
    let hint = tr(ui, "更多：主题、语言、缩放");
    let response = ui.menu_button("…", |ui| {
        // Each row laid out as in the row it left.
        let row = |ui: &mut egui::Ui, add: &mut dyn FnMut(&mut egui::Ui)| {
            let layout = egui::Layout::left_to_right(egui::Align::Center);
            ui.allocate_ui_with_layout(egui::vec2(240.0, 24.0), layout, |ui| add(ui));
        };
        if !fits.theme {
            row(ui, &mut |ui| theme_ui(ui, theme, commands));
        }
        if !fits.language {
            row(ui, &mut |ui| language_ui(ui, commands));
        }
        if !fits.zoom {
            row(ui, &mut |ui| zoom_ui(ui, commands));
        }
    });
    response.response.on_hover_text(hint);
}

/// Where the top bar leaves the id of its first menu's button, for F10 to put the keyboard on.
pub fn menus_id() -> egui::Id {
    egui::Id::unique("menu-bar-first")
}

fn menus_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, commands: &mut Vec<Command>) {
    let file = ui.menu_button(tr(ui, "文件"), |ui| {
        section_ui(ui, Menu::File, 0, commands);
        recent_ui(ui, cx, commands);
        section_ui(ui, Menu::File, 1, commands);
        ui.separator();
        ui.menu_button(tr(ui, "导出"), |ui| {
            section_ui(ui, Menu::Export, 0, commands);
        });
        ui.separator();
        section_ui(ui, Menu::File, 2, commands);
    });
    let id = file.response.id;
    ui.data_mut(|d| d.insert_temp(menus_id(), id));
    ui.menu_button(tr(ui, "视图"), |ui| {
        section_ui(ui, Menu::View, 0, commands);
        ui.separator();
        section_ui(ui, Menu::View, 1, commands);
        ui.separator();
        for command in UiCommand::in_menu(Menu::View, 2) {
            if ui
                .radio(command.theme() == Some(cx.settings.theme), command.text(ui))
                .on_hover_text(command.description(ui))
                .clicked()
            {
                commands.push(command.into());
                ui.close();
            }
        }
    });
    ui.menu_button(tr(ui, "语言"), |ui| {
        let lang = crate::viewer::i18n::lang(ui.ctx());
        for command in UiCommand::in_menu(Menu::Language, 0) {
            let chosen = command.language() == Some(lang)
                && command.script().is_none_or(|s| s == cx.settings.script);
            if ui
                .radio(chosen, command.text(ui))
                .on_hover_text(command.description(ui))
                .clicked()
            {
                commands.push(command.into());
                ui.close();
            }
        }
    });
    ui.menu_button(tr(ui, "帮助"), |ui| {
        section_ui(ui, Menu::Help, 0, commands);
    });
}

/// The buttons of one section of a menu, named and keyed as the command table says.
fn section_ui(ui: &mut egui::Ui, menu: Menu, section: u8, commands: &mut Vec<Command>) {
    for command in UiCommand::in_menu(menu, section) {
        let mut button = egui::Button::new(command.text(ui));
        if let Some(keys) = command.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(keys);
        }
        if ui
            .add(button)
            .on_hover_text(command.description(ui))
            .clicked()
        {
            commands.push(command.into());
            // Chosen by Enter as by a click: egui closes a menu on a click only.
            ui.close();
        }
    }
}

/// File → Recent: the files opened lately, newest first.
fn recent_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, commands: &mut Vec<Command>) {
    ui.menu_button(tr(ui, "最近打开"), |ui| {
        if cx.settings.recent_files.is_empty() {
            ui.label(RichText::new(tr(ui, "（无）")).weak());
        }
        for path in &cx.settings.recent_files {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            if ui
                .button(name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                commands.push(SystemCommand::Open(path.clone()).into());
                ui.close();
            }
        }
    });
}

fn search_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, commands: &mut Vec<Command>, width: f32) {
    let view = cx.view();
    let search = cx.session.search();
    let in_chapter = matches!(view, View::Chapter(_));
    let label = ui.label(tr(ui, "搜索"));
    let search_keys = UiCommand::SearchReport
        .shortcut_text(ui.ctx())
        .unwrap_or_default();
    // The box edits a copy; the session takes the text as typed after the frame.
    let mut query = search.query().to_owned();
    let edit = egui::TextEdit::singleline(&mut query)
        .id(search_box_id())
        .hint_text(if in_chapter && search.scope() == SearchScope::Chapter {
            fill(tr(ui, "在本章中搜索（{} 搜索全文）"), &[&search_keys])
        } else if view == View::Figures {
            tr(ui, "筛选表中的数据").to_owned()
        } else if view == View::Shelf {
            tr(ui, "搜索书架上的所有报告").to_owned()
        } else {
            tr(ui, "搜索全文").to_owned()
        })
        .desired_width(width);
    // The label names the box for screen readers and IMEs.
    let response = ui.add(edit).labelled_by(label.id);
    if response.changed() {
        let in_table = view == View::Figures;
        commands.push(SystemCommand::SetQuery { query, in_table }.into());
    }
    if response.has_focus() || response.lost_focus() {
        search_keys_ui(cx, &response, commands);
    }
    if in_chapter {
        let mut scope = search.scope();
        ui.selectable_value(&mut scope, SearchScope::Chapter, tr(ui, "本章"));
        ui.selectable_value(&mut scope, SearchScope::Report, tr(ui, "全文"));
        if scope != search.scope() {
            commands.push(SystemCommand::SetSearchScope(scope).into());
        }
    }
    if search.is_active() {
        // The table says how many figures match, the shelf how many in how many reports.
        if view != View::Figures && view != View::Shelf {
            match_count_ui(ui, cx, commands);
        }
        if ui
            .button("×")
            .on_hover_text(UiCommand::ClearSearch.hint(ui.ctx()))
            .clicked()
        {
            commands.push(UiCommand::ClearSearch.into());
        }
    }
}

/// The search box's keys, as the command table binds them in the box: Esc clears it; in the
/// whole report's results ↑/↓ choose and Enter opens; once a result is open, or in a chapter,
/// Enter and Shift+Enter step through the matches, the box keeping the keyboard.
fn search_keys_ui(cx: &ViewerContext<'_>, response: &egui::Response, commands: &mut Vec<Command>) {
    let view = cx.view();
    let pressed = |command: UiCommand| {
        response
            .ctx
            .input(|i| command.pressed_in(i, KeyContext::SearchBox))
    };
    if pressed(UiCommand::ClearSearch) {
        commands.push(UiCommand::ClearSearch.into());
    }
    // The table of figures is filtered in place: ↓ goes down into it, Enter too (or opens
    // the one row left), instead of leaving the keyboard nowhere.
    if view == View::Figures {
        for (command, enter) in [(UiCommand::ChooseNext, false), (UiCommand::FindNext, true)] {
            if pressed(command) {
                crate::viewer::ui::figures::search_box_key(&response.ctx, enter);
            }
        }
        return;
    }
    if !cx.session.search().is_active() {
        return;
    }
    for command in [
        UiCommand::ChooseNext,
        UiCommand::ChoosePrevious,
        UiCommand::FindPrevious,
        UiCommand::FindNext,
    ] {
        if pressed(command) {
            commands.push(command.into());
            response.request_focus();
        }
    }
}

/// Which match is lit (in a chapter, beside the results) or chosen (in the results) of how
/// many, with buttons to step; "no matches" when there are none.
fn match_count_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, commands: &mut Vec<Command>) {
    let search = cx.session.search();
    let hits = search.hits().len();
    // In a chapter and in the whole report's results alike: which match is lit (or chosen) of
    // how many (the table of figures says its own count, and never comes here).
    if hits == 0 {
        ui.label(tr(ui, "无匹配"));
        return;
    }
    ui.label(format!("{} / {hits}", search.selected().min(hits - 1) + 1))
        .on_hover_text(tr(ui, "点亮的匹配 / 符合的举措"));
    for (arrow, command) in [("▲", UiCommand::FindPrevious), ("▼", UiCommand::FindNext)] {
        if ui
            .small_button(arrow)
            .on_hover_text(command.hint(ui.ctx()))
            .clicked()
        {
            commands.push(command.into());
        }
    }
}

/// Back and Forward, as in a browser; each greyed out where there is nowhere to go.
fn history_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, commands: &mut Vec<Command>) {
    let (back, forward) = cx.session.can_go();
    let buttons = [
        ("←", UiCommand::Back, back),
        ("→", UiCommand::Forward, forward),
    ];
    for (arrow, command, enabled) in buttons {
        let response = ui
            .add_enabled(enabled, egui::Button::new(arrow))
            .on_hover_text(command.hint(ui.ctx()))
            .on_disabled_hover_text(command.hint(ui.ctx()));
        // Named for screen readers (and tests) by the command, not the arrow; worked out
        // before `widget_info`, which holds the context's lock.
        let name = command.text(ui.ctx());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
        if response.clicked() {
            commands.push(command.into());
        }
    }
}

/// The languages side by side, each named in itself, so either reader finds theirs: the one
/// shown is lit (following the report, the report's script).
fn language_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    use crate::viewer::i18n::{Lang, Translate as _};
    let shown = match ui.written() {
        (Lang::En, _) => UiCommand::LanguageEn,
        (Lang::Zh, true) => UiCommand::LanguageZhHant,
        (Lang::Zh, false) => UiCommand::LanguageZh,
    };
    for command in [
        UiCommand::LanguageZh,
        UiCommand::LanguageZhHant,
        UiCommand::LanguageEn,
    ] {
        // Short, each in its own script (the menu names them in full).
        if ui
            .selectable_label(command == shown, command.short_name())
            .on_hover_text(command.text(ui))
            .clicked()
        {
            commands.push(command.into());
        }
    }
}

fn theme_ui(ui: &mut egui::Ui, current: ThemePreference, commands: &mut Vec<Command>) {
    for command in [
        UiCommand::ThemeLight,
        UiCommand::ThemeDark,
        UiCommand::ThemeSystem,
    ] {
        if ui
            .selectable_label(command.theme() == Some(current), command.text(ui))
            .clicked()
        {
            commands.push(command.into());
        }
    }
}

fn zoom_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let mut button = |ui: &mut egui::Ui, text: String, command: UiCommand| {
        if ui
            .small_button(text)
            .on_hover_text(command.hint(ui.ctx()))
            .clicked()
        {
            commands.push(command.into());
        }
    };
    // －, the percentage, ＋.
    button(ui, "－".to_owned(), UiCommand::ZoomOut);
    let percent = (ui.ctx().zoom_factor() * 100.0).round();
    button(ui, format!("{percent}%"), UiCommand::ZoomReset);
    button(ui, "＋".to_owned(), UiCommand::ZoomIn);
}
