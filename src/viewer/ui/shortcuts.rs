//! Keyboard shortcuts from the command table, and the window that lists them.

use crate::viewer::i18n::{fill, tr};
use egui::RichText;

use crate::viewer::app::HuimouApp;
use crate::viewer::ui::commands::{KeyOwner, UiCommand, WIDGET_KEYS, shortcuts_text};

/// Turns this frame's shortcut presses into commands. Only the keys the viewer owns are
/// consumed: egui zooms with its own keys, and Esc belongs to the search box, the palette,
/// windows and presenting.
pub fn handle(ctx: &egui::Context, app: &mut HuimouApp) {
    let mut commands = Vec::new();
    // egui matches a key without Shift whether Shift is held or not: Shift+F3 is taken
    // before F3, or F3 would take it.
    let mut keys: Vec<_> = UiCommand::ALL
        .into_iter()
        .filter(|command| command.key_owner() == KeyOwner::Viewer)
        .flat_map(|command| command.shortcuts().iter().map(move |key| (command, *key)))
        .collect();
    keys.sort_by_key(|(_, key)| std::cmp::Reverse(modifier_count(key.modifiers)));
    ctx.input_mut(|input| {
        for (command, shortcut) in keys {
            // Every press counts: three quick Alt+↓ in one frame move three chapters.
            let presses = input.count_and_consume_key(shortcut.modifiers, shortcut.logical_key);
            commands.extend(std::iter::repeat_n(command.command(), presses));
            if presses > 0 {
                drop_typed_text(input, shortcut);
            }
        }
        // The mouse's back and forward buttons, as in a browser.
        for event in &input.events {
            if let egui::Event::PointerButton {
                button,
                pressed: true,
                ..
            } = event
            {
                match button {
                    egui::PointerButton::Extra1 => commands.push(crate::viewer::app::Command::Back),
                    egui::PointerButton::Extra2 => {
                        commands.push(crate::viewer::app::Command::Forward)
                    }
                    _ => {}
                }
            }
        }
    });
    for command in commands {
        app.push(command);
    }
    escape(ctx, app);
}

/// Removes the text a shortcut's key press also typed: the system sends Alt+3 as the key and
/// as the text "3" (Alt is how some keyboards type characters), which the search box would
/// otherwise take after the shortcut moved to chapter 3.
fn drop_typed_text(input: &mut egui::InputState, shortcut: egui::KeyboardShortcut) {
    if !(shortcut.modifiers.alt || shortcut.modifiers.ctrl || shortcut.modifiers.command) {
        return;
    }
    let typed = shortcut.logical_key.symbol_or_name();
    input.events.retain(
        |event| !matches!(event, egui::Event::Text(text) if text.eq_ignore_ascii_case(typed)),
    );
}

/// How many modifiers a key needs.
fn modifier_count(modifiers: egui::Modifiers) -> u8 {
    [
        modifiers.alt,
        modifiers.ctrl,
        modifiers.shift,
        modifiers.mac_cmd,
        modifiers.command,
    ]
    .into_iter()
    .map(u8::from)
    .sum()
}

/// Esc closes the topmost window (shortcuts, About, diagnostics), then clears the search.
/// The palette, the in-app file dialog and a focused search box answer Esc themselves.
fn escape(ctx: &egui::Context, app: &mut HuimouApp) {
    if app.palette.is_some() || app.file_dialogs.in_app.is_some() {
        return;
    }
    let window_open = app.show_shortcuts || app.show_about || app.diagnostics.is_some();
    let search_box = crate::viewer::ui::top_bar::search_box_id();
    let typing = ctx.memory(|m| m.has_focus(search_box));
    if !window_open && (typing || !app.search.is_active()) {
        return;
    }
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        if app.show_shortcuts {
            app.show_shortcuts = false;
        } else if app.show_about {
            app.show_about = false;
        } else if app.diagnostics.is_some() {
            app.diagnostics = None;
        } else {
            app.push(crate::viewer::app::Command::ClearSearch);
        }
    }
}

/// The window listing every command: on the left those with keys, in two columns, and the
/// keys that move within the search results and between controls, on the right those
/// without, as the palette finds them (one column of all would be taller than a screen).
pub fn shortcuts_window(ctx: &egui::Context, app: &mut HuimouApp) {
    let mut open = app.show_shortcuts;
    // Keys of chapters the report does not have are left out (Alt+9 of a five-chapter report).
    let chapters = app.dataset.report.chapters.len();
    let (keyed, unkeyed): (Vec<UiCommand>, Vec<UiCommand>) = UiCommand::ALL
        .into_iter()
        .filter(|command| !matches!(command, UiCommand::Chapter(c) if *c >= chapters))
        .partition(|command| !command.shortcuts().is_empty());
    // In the middle of the window, under the menus rather than over them.
    egui::Window::new(tr(ctx, "键盘快捷键"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            let (first, second) = keyed.split_at(keyed.len().div_ceil(2));
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| keyed_ui(ui, "shortcuts", first, &[]));
                ui.separator();
                ui.vertical(|ui| keyed_ui(ui, "shortcuts-more", second, WIDGET_KEYS));
                ui.separator();
                ui.vertical(|ui| unkeyed_ui(ui, &unkeyed));
            });
        });
    app.show_shortcuts = open;
}

/// Commands with their keys, then keys that move within a widget (the search results, between
/// controls).
fn keyed_ui(
    ui: &mut egui::Ui,
    id: &str,
    keyed: &[UiCommand],
    widget_keys: &[(&[egui::KeyboardShortcut], &'static str)],
) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for &command in keyed {
                ui.monospace(command.all_shortcuts_text(ui.ctx()));
                command_label_ui(ui, command);
            }
            for (keys, what) in widget_keys {
                ui.monospace(shortcuts_text(ui.ctx(), keys));
                ui.label(tr(ui, what));
                ui.end_row();
            }
        });
}

/// Commands without keys, under a word on where to find them.
fn unkeyed_ui(ui: &mut egui::Ui, unkeyed: &[UiCommand]) {
    let palette = UiCommand::Palette
        .shortcut_text(ui.ctx())
        .unwrap_or_default();
    let heading = fill(tr(ui, "在命令面板（{}）中："), &[&palette]);
    ui.add(egui::Label::new(RichText::new(heading).weak()).extend());
    egui::Grid::new("commands-without-keys")
        .striped(true)
        .show(ui, |ui| {
            for &command in unkeyed {
                command_label_ui(ui, command);
            }
        });
}

/// A command's name, with what it does on hover, ending its row.
fn command_label_ui(ui: &mut egui::Ui, command: UiCommand) {
    ui.label(command.text(ui))
        .on_hover_text(command.description(ui));
    ui.end_row();
}
