//! The top bar: menus, the report's title, the search box, theme and zoom.

use crate::i18n::tr;
use egui::{Key, RichText, ThemePreference};

use crate::app::{Command, HuimouApp, SearchScope, View};
use crate::ui::theme;

/// The id of the search box, so shortcuts can focus it.
pub fn search_box_id() -> egui::Id {
    egui::Id::unique("search-box")
}

/// The top panel.
pub fn top_bar_ui(ui: &mut egui::Ui, app: &mut HuimouApp) {
    let mut commands = Vec::new();
    egui::Panel::top("top-bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            menus_ui(ui, app, &mut commands);
            ui.separator();
            let report = &app.dataset.report;
            let title = crate::ui::localized(ui, &report.title, report.title_en.as_ref());
            let response =
                ui.add(egui::Label::new(RichText::new(title).font(theme::bold(15.0))).truncate());
            crate::ui::with_original(response, title, &report.title);
        });
        ui.horizontal(|ui| {
            search_ui(ui, app, &mut commands);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                zoom_ui(ui, &mut commands);
                ui.separator();
                language_ui(ui, &mut commands);
                ui.separator();
                theme_ui(ui, app.settings.theme, &mut commands);
            });
        });
        ui.add_space(2.0);
    });
    for command in commands {
        app.push(command);
    }
}

fn menus_ui(ui: &mut egui::Ui, app: &HuimouApp, commands: &mut Vec<Command>) {
    ui.menu_button(tr(ui, "文件"), |ui| {
        if ui
            .add(egui::Button::new(tr(ui, "打开…")).shortcut_text("Ctrl+O"))
            .clicked()
        {
            commands.push(Command::OpenDialog);
        }
        ui.menu_button(tr(ui, "最近打开"), |ui| {
            if app.settings.recent_files.is_empty() {
                ui.label(RichText::new(tr(ui, "（无）")).weak());
            }
            for path in &app.settings.recent_files {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if ui
                    .button(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    commands.push(Command::Open(path.clone()));
                }
            }
        });
        if ui.button(tr(ui, "打开内置报告")).clicked() {
            commands.push(Command::OpenEmbedded);
        }
        ui.separator();
        ui.menu_button(tr(ui, "导出"), |ui| {
            use crate::app::Export;
            for (export, words) in [
                (Export::ViewPng, tr(ui, "本章图片 (PNG)…")),
                (Export::InitiativesCsv, tr(ui, "举措列表 (CSV)…")),
                (Export::ReportPdf, tr(ui, "整份报告 (PDF)…")),
            ] {
                if ui.button(words).clicked() {
                    commands.push(Command::ExportDialog(export));
                }
            }
        });
        ui.separator();
        if ui.button(tr(ui, "退出")).clicked() {
            commands.push(Command::Quit);
        }
    });
    ui.menu_button(tr(ui, "视图"), |ui| {
        if ui
            .add(egui::Button::new(tr(ui, "总览")).shortcut_text("Alt+0"))
            .clicked()
        {
            commands.push(Command::Show(View::Overview));
        }
        if ui
            .add(egui::Button::new(tr(ui, "上一章")).shortcut_text("Alt+↑"))
            .clicked()
        {
            commands.push(Command::Previous);
        }
        if ui
            .add(egui::Button::new(tr(ui, "下一章")).shortcut_text("Alt+↓"))
            .clicked()
        {
            commands.push(Command::Next);
        }
        if ui
            .add(egui::Button::new(tr(ui, "演示")).shortcut_text("F5"))
            .clicked()
        {
            commands.push(Command::TogglePresenting);
        }
        ui.separator();
        if ui
            .add(egui::Button::new(tr(ui, "放大")).shortcut_text("Ctrl+="))
            .clicked()
        {
            commands.push(Command::Zoom(1.1));
        }
        if ui
            .add(egui::Button::new(tr(ui, "缩小")).shortcut_text("Ctrl+−"))
            .clicked()
        {
            commands.push(Command::Zoom(1.0 / 1.1));
        }
        if ui
            .add(egui::Button::new(tr(ui, "重置缩放")).shortcut_text("Ctrl+0"))
            .clicked()
        {
            commands.push(Command::Zoom(0.0));
        }
    });
    ui.menu_button(tr(ui, "语言"), |ui| {
        let current = crate::i18n::lang(ui.ctx());
        for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
            if ui.radio(current == lang, lang.own_name()).clicked() {
                commands.push(Command::SetLanguage(lang));
            }
        }
    });
    ui.menu_button(tr(ui, "帮助"), |ui| {
        if ui.button(tr(ui, "键盘快捷键")).clicked() {
            commands.push(Command::ToggleShortcuts);
        }
        if ui.button(tr(ui, "关于回眸")).clicked() {
            commands.push(Command::ToggleAbout);
        }
    });
}

fn search_ui(ui: &mut egui::Ui, app: &mut HuimouApp, commands: &mut Vec<Command>) {
    let view = app.view();
    let in_chapter = matches!(view, View::Chapter(_));
    let label = ui.label(tr(ui, "搜索"));
    let edit = egui::TextEdit::singleline(&mut app.search.query)
        .id(search_box_id())
        .hint_text(if in_chapter && app.search.scope == SearchScope::Chapter {
            tr(ui, "在本章中搜索（Ctrl+F 搜索全文）")
        } else {
            tr(ui, "搜索全文")
        })
        .desired_width(280.0);
    // The label names the box for screen readers and IMEs.
    let response = ui.add(edit).labelled_by(label.id);
    if app.search.focus_requested {
        response.request_focus();
        app.search.focus_requested = false;
    }
    if response.has_focus() || response.lost_focus() {
        let (escape, enter, down, up) = ui.input(|i| {
            (
                i.key_pressed(Key::Escape),
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowUp),
            )
        });
        if escape {
            commands.push(Command::ClearSearch);
        }
        let global = app.search.scope == SearchScope::Report || view == View::Overview;
        if global && app.search.is_active() {
            let count = app.search.hits(app.dataset.index(), view).len();
            if down && count > 0 {
                app.search.selected = (app.search.selected + 1).min(count - 1);
                app.search.selected_moved = true;
                response.request_focus();
            }
            if up {
                app.search.selected = app.search.selected.saturating_sub(1);
                app.search.selected_moved = true;
                response.request_focus();
            }
            if enter {
                let selected = app.search.selected;
                if let Some(hit) = app.search.hits(app.dataset.index(), view).get(selected) {
                    commands.push(Command::OpenInitiative {
                        chapter: hit.chapter,
                        initiative: hit.initiative,
                    });
                }
            }
        }
    }
    if in_chapter {
        let mut scope = app.search.scope;
        ui.selectable_value(&mut scope, SearchScope::Chapter, tr(ui, "本章"));
        ui.selectable_value(&mut scope, SearchScope::Report, tr(ui, "全文"));
        app.search.scope = scope;
    }
    if app.search.is_active() {
        let hits = app.search.hits(app.dataset.index(), view).len();
        let total = match (app.search.scope, view) {
            (SearchScope::Chapter, View::Chapter(c)) => {
                app.dataset.report.chapters[c].initiatives.len()
            }
            _ => app.dataset.report.initiative_count(),
        };
        ui.label(format!("{hits} / {total}"))
            .on_hover_text(tr(ui, "符合的举措 / 举措总数"));
        if ui
            .button("×")
            .on_hover_text(tr(ui, "清空搜索（Esc）"))
            .clicked()
        {
            commands.push(Command::ClearSearch);
        }
    }
}

/// The two languages side by side, each named in itself, so either reader finds theirs.
fn language_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let current = crate::i18n::lang(ui.ctx());
    // Right to left: English ends up on the right.
    for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Zh] {
        if ui
            .selectable_label(current == lang, lang.own_name())
            .clicked()
        {
            commands.push(Command::SetLanguage(lang));
        }
    }
}

fn theme_ui(ui: &mut egui::Ui, current: ThemePreference, commands: &mut Vec<Command>) {
    for (theme, name) in [
        (ThemePreference::System, tr(ui, "跟随系统")),
        (ThemePreference::Dark, tr(ui, "深色")),
        (ThemePreference::Light, tr(ui, "浅色")),
    ] {
        if ui.selectable_label(current == theme, name).clicked() {
            commands.push(Command::SetTheme(theme));
        }
    }
}

fn zoom_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    if ui
        .small_button("＋")
        .on_hover_text(tr(ui, "放大（Ctrl+=）"))
        .clicked()
    {
        commands.push(Command::Zoom(1.1));
    }
    let percent = (ui.ctx().zoom_factor() * 100.0).round();
    if ui
        .small_button(format!("{percent}%"))
        .on_hover_text(tr(ui, "重置缩放（Ctrl+0）"))
        .clicked()
    {
        commands.push(Command::Zoom(0.0));
    }
    if ui
        .small_button("－")
        .on_hover_text(tr(ui, "缩小（Ctrl+−）"))
        .clicked()
    {
        commands.push(Command::Zoom(1.0 / 1.1));
    }
}
