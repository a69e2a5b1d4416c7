//! Keyboard shortcuts from the command table, and the window that lists them.

use crate::viewer::i18n::{fill, tr};
use crate::viewer::ui::rows;
use egui::RichText;
use strum::IntoEnumIterator;

use crate::viewer::commands::{Command, KeyContext, SystemCommand, UiCommand, chapter_keys_text};
use crate::viewer::context::ViewerContext;
use crate::viewer::place::View;

/// Turns this frame's presses of the keys the table binds anywhere (`KeyContext::Viewer`)
/// into commands. egui zooms with its own keys; Esc is taken here only when there is
/// something to close (`escape`).
pub fn handle(ctx: &egui::Context, cx: &ViewerContext<'_>, windows: &crate::viewer::ui::Windows) {
    let mut commands: Vec<Command> = Vec::new();
    // egui matches a key without Shift whether Shift is held or not: Shift+F3 is taken
    // before F3, or F3 would take it.
    let mut keys: Vec<(UiCommand, usize, egui::KeyboardShortcut)> = UiCommand::iter()
        .filter(|command| *command != UiCommand::Close)
        .flat_map(|command| {
            command
                .keys_in(KeyContext::Viewer)
                .enumerate()
                .map(move |(n, key)| (command, n, key))
        })
        .collect();
    keys.sort_by_key(|(_, _, key)| std::cmp::Reverse(modifier_count(key.modifiers)));
    // Keys bound with Shift in another place (Shift+F10 on a focused figure): their plain
    // binding here takes only the plain key.
    let shifted: Vec<egui::Key> = UiCommand::iter()
        .flat_map(|command| command.bindings().iter().map(|binding| binding.key))
        .filter(|key| key.modifiers.shift)
        .map(|key| key.logical_key)
        .collect();
    ctx.input_mut(|input| {
        for (command, n, shortcut) in keys {
            // Every press counts: three quick Alt+↓ in one frame move three chapters.
            let presses = if !shortcut.modifiers.shift && shifted.contains(&shortcut.logical_key) {
                consume_exactly(input, shortcut)
            } else {
                input.count_and_consume_key(shortcut.modifiers, shortcut.logical_key)
            };
            let given: Command = match command {
                // The n-th chapter key shows the n-th chapter.
                UiCommand::Chapter => SystemCommand::Show(View::Chapter(n)).into(),
                command => command.into(),
            };
            commands.extend(std::iter::repeat_n(given, presses));
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
                    egui::PointerButton::Extra1 => commands.push(UiCommand::Back.into()),
                    egui::PointerButton::Extra2 => commands.push(UiCommand::Forward.into()),
                    _ => {}
                }
            }
        }
    });
    for command in commands {
        cx.send(command);
    }
    escape(ctx, cx, windows);
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

/// Esc (`UiCommand::Close`) closes the topmost window (shortcuts, About, diagnostics), then
/// clears the search; taken only when there is something to close. The palette, the in-app
/// file dialog and a focused search box answer Esc themselves.
fn escape(ctx: &egui::Context, cx: &ViewerContext<'_>, windows: &crate::viewer::ui::Windows) {
    // The innermost thing open answers Esc itself: a menu or a popup, the palette.
    if windows.palette.is_some() || egui::Popup::is_any_open(ctx) {
        return;
    }
    let window_open = windows.shortcuts || windows.about || cx.session.diagnostics().is_some();
    let search_box = crate::viewer::ui::top_bar::search_box_id();
    let typing = ctx.memory(|m| m.has_focus(search_box));
    if !window_open && (typing || !cx.session.search().is_active()) {
        return;
    }
    if ctx.input_mut(|i| UiCommand::Close.consume_in(i, KeyContext::Viewer)) > 0 {
        cx.send(UiCommand::Close);
    }
}

/// Takes the presses of exactly `shortcut`, its modifiers and no others, and says how many.
fn consume_exactly(input: &mut egui::InputState, shortcut: egui::KeyboardShortcut) -> usize {
    let exact = |event: &egui::Event| {
        matches!(event, egui::Event::Key { key, pressed: true, modifiers, .. }
            if *key == shortcut.logical_key && modifiers.matches_exact(shortcut.modifiers))
    };
    let presses = input.events.iter().filter(|e| exact(e)).count();
    input.events.retain(|e| !exact(e));
    presses
}

/// The window listing every command: on the left those with keys, in two columns, and the
/// keys that move within the search results and between controls, on the right those
/// without, as the palette finds them (one column of all would be taller than a screen).
pub fn shortcuts_window(ctx: &egui::Context, cx: &ViewerContext<'_>, open: &mut bool) {
    if !*open {
        return;
    }
    let chapters = cx.dataset().report.chapters.len();
    let (keyed, unkeyed): (Vec<UiCommand>, Vec<UiCommand>) = UiCommand::iter()
        .filter(|command| !command.shortcuts().is_empty() || command.in_palette())
        .partition(|command| !command.shortcuts().is_empty());
    // Keys that count in one place only, under the place's name.
    let contexts = [
        KeyContext::SearchBox,
        KeyContext::List,
        KeyContext::Review,
        KeyContext::Focused,
        KeyContext::Reading,
        KeyContext::Presenting,
    ];
    // On a screen with room the window takes its content's size; on a small one (640×480, a
    // split screen) it fills the screen and scrolls, rather than spill off its edges.
    let screen = ctx.content_rect().size();
    let small = screen.x < 1100.0 || screen.y < 760.0;
    // Narrow: one column that scrolls down, by the reading keys too, never sideways.
    let columns = if screen.x < 1100.0 { 1 } else { 3 };
    // A modal: the keyboard (Tab) stays in it, and what is behind is dimmed until it closes
    // (Esc, its button, or a click outside).
    let modal = egui::Modal::new(egui::Id::unique("huimou-shortcuts")).show(ctx, |ui| {
        if small {
            ui.set_width(screen.x - 72.0);
        }
        let close = title_ui(ui);
        let table =
            |ui: &mut egui::Ui| table_ui(ui, (&keyed, &unkeyed), (contexts, columns), chapters);
        if small {
            egui::ScrollArea::vertical()
                .max_height(screen.y - 150.0)
                .auto_shrink(false)
                .show_viewport(ui, |ui, viewport| {
                    let delta = rows::window_reading_keys(ui.ctx(), viewport.height());
                    if delta != 0.0 {
                        ui.scroll_with_delta(egui::vec2(0.0, delta));
                    }
                    table(ui);
                });
        } else {
            table(ui);
        }
        close
    });
    if modal.inner || modal.should_close() {
        *open = false;
    }
}

/// The window's title, with its close button on the right; says whether it was pressed.
fn title_ui(ui: &mut egui::Ui) -> bool {
    let close = ui
        .horizontal(|ui| {
            ui.label(
                egui::RichText::new(tr(ui, "键盘快捷键"))
                    .font(crate::viewer::ui::theme::bold(18.0)),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.button(tr(ui, "关闭")).clicked()
            })
            .inner
        })
        .inner;
    ui.separator();
    close
}

/// The window's content: those with keys anywhere in `columns` columns, the keys of one place
/// under them, those without keys on the right (or, in one column, at the end).
fn table_ui(
    ui: &mut egui::Ui,
    (keyed, unkeyed): (&[UiCommand], &[UiCommand]),
    (contexts, columns): ([KeyContext; 6], usize),
    chapters: usize,
) {
    if columns == 1 {
        keyed_ui(ui, ("shortcuts", 0), keyed, chapters);
        ui.add_space(12.0);
        for context in contexts {
            context_ui(ui, context);
        }
        ui.add_space(12.0);
        unkeyed_ui(ui, unkeyed);
        return;
    }
    // One column of all would be taller than a screen.
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.horizontal_top(|ui| {
                let part_len = keyed.len().div_ceil(columns);
                for (k, part) in keyed.chunks(part_len.max(1)).enumerate() {
                    // Space, not a line: a vertical separator here stretches to
                    // the height the window may take.
                    if k > 0 {
                        ui.add_space(16.0);
                    }
                    ui.vertical(|ui| keyed_ui(ui, ("shortcuts", k), part, chapters));
                }
            });
            // Space, not a line: a horizontal separator here stretches to the
            // width the window may take.
            ui.add_space(12.0);
            for pair in contexts.chunks(3) {
                ui.horizontal_top(|ui| {
                    for &context in pair {
                        ui.vertical(|ui| context_ui(ui, context));
                        ui.add_space(16.0);
                    }
                });
            }
        });
        ui.separator();
        ui.vertical(|ui| unkeyed_ui(ui, unkeyed));
    });
}

/// The keys that count only in `context`, under its name.
fn context_ui(ui: &mut egui::Ui, context: KeyContext) {
    ui.add_space(6.0);
    ui.add(egui::Label::new(RichText::new(tr(ui, context.label_zh())).weak()).extend());
    egui::Grid::new(("keys-in", context as u8))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for command in UiCommand::iter() {
                let keys = command.keys_text_in(ui.ctx(), context);
                if !keys.is_empty() {
                    ui.monospace(keys);
                    command_label_ui(ui, command);
                }
            }
        });
}

/// Commands with the keys that count anywhere; chapter keys only as far as the report has
/// chapters (Alt+1 … Alt+5 of a five-chapter report).
fn keyed_ui(ui: &mut egui::Ui, id: (&str, usize), keyed: &[UiCommand], chapters: usize) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for &command in keyed {
                let keys = match command {
                    UiCommand::Chapter => chapter_keys_text(ui.ctx(), chapters),
                    _ => command.all_shortcuts_text(ui.ctx()),
                };
                if keys.is_empty() {
                    continue;
                }
                ui.monospace(keys);
                command_label_ui(ui, command);
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
    // Never wrapped: a grid's column would break a name into a character a line.
    ui.add(egui::Label::new(command.text(ui)).extend())
        .on_hover_text(command.description(ui));
    ui.end_row();
}
