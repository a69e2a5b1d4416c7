//! Keyboard shortcuts, kept clear of egui's zoom keys (Ctrl +/−/0).

use crate::i18n::tr;
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::app::{Command, HuimouApp, SearchScope, View};

/// Every shortcut with what it does (in Chinese, translated when shown), for the Help window.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Alt+0", "总览"),
    ("Alt+1 … Alt+9", "第 1 … 9 章"),
    ("Alt+↑ / Alt+↓", "上一章 / 下一章"),
    ("Ctrl+F", "搜索全文"),
    ("Esc", "清空搜索"),
    ("Enter", "打开选中的搜索结果"),
    ("↑ / ↓", "在搜索结果中移动"),
    ("Ctrl+O", "打开数据集"),
    ("F5", "演示（全屏，←/→ 翻页，Esc 退出）"),
    ("Ctrl+K", "命令面板：命令、章、举措（支持拼音）"),
    ("Tab / Shift+Tab", "在控件间移动"),
    ("Ctrl+= / Ctrl+− / Ctrl+0", "放大 / 缩小 / 重置缩放"),
    ("Ctrl+Q", "退出"),
];

const DIGITS: [Key; 10] = [
    Key::Num0,
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// Turns this frame's shortcut presses into commands.
pub fn handle(ctx: &egui::Context, app: &mut HuimouApp) {
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        for (n, key) in DIGITS.iter().enumerate() {
            if input.consume_key(Modifiers::ALT, *key) {
                commands.push(Command::Show(if n == 0 {
                    View::Overview
                } else {
                    View::Chapter(n - 1)
                }));
            }
        }
        if input.consume_key(Modifiers::ALT, Key::ArrowUp) {
            commands.push(Command::Previous);
        }
        if input.consume_key(Modifiers::ALT, Key::ArrowDown) {
            commands.push(Command::Next);
        }
        if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::F)) {
            commands.push(Command::FocusSearch(SearchScope::Report));
        }
        if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
            commands.push(Command::OpenDialog);
        }
        if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::K)) {
            commands.push(Command::TogglePalette);
        }
        if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)) {
            commands.push(Command::Quit);
        }
        if input.consume_key(Modifiers::NONE, Key::F5) {
            commands.push(Command::TogglePresenting);
        }
    });
    for command in commands {
        app.push(command);
    }
}

/// The window listing every shortcut.
pub fn shortcuts_window(ctx: &egui::Context, app: &mut HuimouApp) {
    let mut open = app.show_shortcuts;
    egui::Window::new(tr(ctx, "键盘快捷键"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (keys, what) in SHORTCUTS {
                        ui.monospace(*keys);
                        ui.label(tr(ui, what));
                        ui.end_row();
                    }
                });
        });
    app.show_shortcuts = open;
}
