//! Long lists laid out only where they are seen: rows of varying height in a scroll area,
//! with measured heights remembered and unmeasured ones estimated.

// FxHash: every frame looks up the height of every row of a long list.
use rustc_hash::FxHashMap as HashMap;

use egui::{Align, Rect, Ui, UiBuilder, Vec2};

pub use crate::viewer::place::{Anchor, ListKey, RowKey};

/// Heights of rows measured at one width; any other width starts over.
#[derive(Debug, Default)]
pub struct RowHeights {
    width: f32,
    heights: HashMap<RowKey, f32>,
    /// One more than the pass in which the list was last drawn (0: never), to tell a list
    /// shown anew.
    drawn_after: u64,
}

/// What the viewer remembers of its long lists: the heights of their rows, and where each was
/// scrolled to, so that a view shown again (by its key, by Back) opens where the reader left it.
#[derive(Debug, Default)]
pub struct ListHeights {
    lists: HashMap<ListKey, RowHeights>,
    anchors: HashMap<ListKey, Anchor>,
    reading: HashMap<ListKey, RowKey>,
    /// Rows scrolled to on request, read until the reader scrolls: at the end of a list the
    /// row asked for may not reach the top.
    pinned: HashMap<ListKey, RowKey>,
}

impl ListHeights {
    /// The heights for a list drawn in pass `pass`, and where to scroll it when it is shown
    /// anew (not drawn in the pass before): where the reader left it.
    pub fn for_list(&mut self, key: ListKey, pass: u64) -> (&mut RowHeights, Option<Anchor>) {
        let heights = self.lists.entry(key).or_default();
        let anew = heights.drawn_after == 0 || heights.drawn_after < pass;
        heights.drawn_after = pass + 1;
        let restore = anew.then(|| self.anchors.get(&key).copied()).flatten();
        (heights, restore)
    }

    /// Remembers where a list is scrolled to.
    pub fn remember(&mut self, key: ListKey, seen: Seen) {
        if let Some(anchor) = seen.top {
            self.anchors.insert(key, anchor);
        }
        if let Some(row) = seen.scrolled_to {
            self.pinned.insert(key, row);
        } else if seen.reader_scrolled {
            self.pinned.remove(&key);
        }
        match self.pinned.get(&key).copied().or(seen.reading) {
            Some(row) => self.reading.insert(key, row),
            None => self.reading.remove(&key),
        };
    }

    /// The row the reader is reading in a list (`Seen::reading`).
    pub fn reading(&self, key: ListKey) -> Option<RowKey> {
        self.reading.get(&key).copied()
    }

    /// Where a list was last scrolled to.
    pub fn anchor(&self, key: ListKey) -> Option<Anchor> {
        self.anchors.get(&key).copied()
    }

    /// Scrolls a list to `anchor` the next time it is drawn (going back in the history).
    pub fn restore(&mut self, key: ListKey, anchor: Option<Anchor>) {
        match anchor {
            Some(anchor) => self.anchors.insert(key, anchor),
            None => self.anchors.remove(&key),
        };
        if let Some(heights) = self.lists.get_mut(&key) {
            heights.drawn_after = 0;
        }
    }

    /// Forgets every measurement and position (another dataset).
    pub fn clear(&mut self) {
        self.lists.clear();
        self.anchors.clear();
        self.reading.clear();
        self.pinned.clear();
    }
}

/// What a list showed: where it is scrolled to, and the row being read.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Seen {
    /// The row at the top of the view.
    pub top: Option<Anchor>,
    /// The row at the top when it begins there (a row just scrolled to), else the first row
    /// that begins in the upper third of the view, else the row at the top.
    pub reading: Option<RowKey>,
    /// The row scrolled to on request in this frame.
    pub scrolled_to: Option<RowKey>,
    /// Whether the reader scrolled in this frame (wheel, keys, a drag).
    pub reader_scrolled: bool,
    /// Whether `reading` is decided for this frame.
    reading_settled: bool,
}

impl Seen {
    /// Notes a row that spans `span` (content coordinates, like `viewport`): the first that
    /// reaches into the view is at the top; the row being read is that one when it begins at
    /// the top, else the first that begins in the upper third of the view.
    fn note(&mut self, row: RowKey, span: std::ops::Range<f32>, viewport: Rect) {
        if self.top.is_none() && span.end > viewport.min.y {
            self.top = Some(Anchor {
                row,
                offset: (viewport.min.y - span.start).max(0.0),
            });
            self.reading = Some(row);
            self.reading_settled = viewport.min.y - span.start < 1.0;
        } else if !self.reading_settled
            && span.start > viewport.min.y
            && span.start < viewport.min.y + viewport.height() / 3.0
        {
            self.reading = Some(row);
            self.reading_settled = true;
        }
    }
}

/// Space between rows.
const GAP: f32 = 6.0;

/// Lists up to this many rows are laid out whole, so every row stays in the accessibility
/// tree; longer ones only where they are seen.
const LAY_OUT_WHOLE_UP_TO: usize = 150;

/// How far the reading keys of the command table move the page (content down is positive):
/// a line, a screen, to the ends. Unless a text box has the keyboard (after a click on the
/// contents, say); the arrows and Space only when no control has it (a focused control moves
/// the focus or presses itself with them).
fn reading_keys(ctx: &egui::Context, page: f32) -> f32 {
    if ctx.data(|d| d.get_temp::<bool>(held_id())).unwrap_or(false) {
        return 0.0;
    }
    window_reading_keys(ctx, page)
}

/// Whether a window (the keyboard shortcuts on a small screen) takes the reading keys this
/// pass, so that Page Down scrolls it and not the page behind it.
pub fn hold_reading_keys(ctx: &egui::Context, held: bool) {
    ctx.data_mut(|d| d.insert_temp(held_id(), held));
}

fn held_id() -> egui::Id {
    egui::Id::unique("reading-keys-held-by-a-window")
}

/// `reading_keys` for the window that holds them.
pub fn window_reading_keys(ctx: &egui::Context, page: f32) -> f32 {
    use crate::viewer::commands::{KeyContext, UiCommand};
    if ctx.text_edit_focused() {
        return 0.0;
    }
    let nothing_focused = ctx.memory(|m| m.focused().is_none());
    const LINE: f32 = 40.0;
    let screen = (page - 48.0).max(LINE);
    // Page Up before Page Down: egui matches Space whether Shift is held or not, so Shift+Space
    // is taken first.
    let moves = [
        (UiCommand::ScrollDown, -LINE),
        (UiCommand::ScrollUp, LINE),
        (UiCommand::PageUp, screen),
        (UiCommand::PageDown, -screen),
        (UiCommand::ScrollToEnd, -1.0e7),
        (UiCommand::ScrollToStart, 1.0e7),
    ];
    let a_control_uses = |key: egui::Key| {
        matches!(
            key,
            egui::Key::ArrowDown | egui::Key::ArrowUp | egui::Key::Space
        )
    };
    ctx.input_mut(|i| {
        let mut delta = 0.0;
        for (command, by) in moves {
            for key in command.keys_in(KeyContext::Reading) {
                if nothing_focused || !a_control_uses(key.logical_key) {
                    let presses = i.count_and_consume_key(key.modifiers, key.logical_key);
                    delta += by * presses as f32;
                }
            }
        }
        delta
    })
}

/// A list's rows as `rows_ui` places them in its scroll area.
struct List<'a> {
    rows: &'a [RowKey],
    estimate: &'a dyn Fn(RowKey, f32) -> f32,
    scroll_to: Option<Anchor>,
    width: f32,
}

impl List<'_> {
    /// A row's height: as measured, or as guessed when it was never drawn at this width.
    fn height_of(&self, heights: &RowHeights, key: RowKey) -> f32 {
        heights
            .heights
            .get(&key)
            .copied()
            .unwrap_or_else(|| (self.estimate)(key, self.width))
    }

    /// Places every row one under the other, drawing those in `viewport` (all of a short list)
    /// and measuring them, and allocates the whole list's height for the scroll bar.
    fn place(
        &self,
        ui: &mut Ui,
        viewport: Rect,
        heights: &mut RowHeights,
        row_ui: &mut dyn FnMut(&mut Ui, RowKey),
        seen: &mut Seen,
    ) {
        let origin = ui.min_rect().min;
        let mut total: f32 = self
            .rows
            .iter()
            .map(|&key| self.height_of(heights, key) + GAP)
            .sum();
        let whole = self.rows.len() <= LAY_OUT_WHOLE_UP_TO;
        let mut top = 0.0;
        for &key in self.rows {
            let height = self.height_of(heights, key);
            let bottom = top + height;
            if let Some(target) = self.scroll_to.filter(|target| target.row == key) {
                let row = Rect::from_min_size(
                    origin + Vec2::new(0.0, top),
                    Vec2::new(self.width, height),
                );
                scroll_to_anchor(ui, row, target.offset);
            }
            seen.note(key, top..bottom, viewport);
            if !(whole || (bottom >= viewport.min.y && top <= viewport.max.y)) {
                top += height + GAP;
                continue;
            }
            let at = Rect::from_min_size(
                origin + Vec2::new(0.0, top),
                Vec2::new(self.width, f32::INFINITY),
            );
            let measured = ui
                .scope_builder(UiBuilder::new().max_rect(at).id_salt(key), |ui| {
                    row_ui(ui, key);
                })
                .response
                .rect
                .height();
            // Rows below are placed by this true height already; the estimate only served the
            // scroll bar and the rows above.
            if (measured - height).abs() > 0.5 {
                total += measured - height;
                heights.heights.insert(key, measured);
                // A row scrolled to was placed by estimates: lay the frame out again with the
                // true heights, so the frame shown has it in place.
                if self.scroll_to.is_some() {
                    ui.ctx().request_discard("a row's height was measured");
                }
            }
            top += measured + GAP;
        }
        ui.allocate_rect(
            Rect::from_min_size(origin, Vec2::new(self.width, total.max(top))),
            egui::Sense::hover(),
        );
    }
}

/// Scrolls so that the view begins `offset` points below the top of `row`.
fn scroll_to_anchor(ui: &Ui, row: Rect, offset: f32) {
    let offset = offset.clamp(0.0, row.height());
    let rect = Rect::from_min_max(row.min + Vec2::new(0.0, offset), row.max);
    ui.scroll_to_rect(
        rect.with_max_y(rect.max.y.max(rect.min.y + 1.0)),
        Some(Align::TOP),
    );
}

/// Shows `rows` inside a vertical scroll area, calling `row_ui` only for rows in view, and
/// says which row is at the top of the view.
///
/// `estimate` guesses the height of a row never drawn at this width; `scroll_to` names a place
/// to bring to the top.
pub fn rows_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    heights: &mut RowHeights,
    rows: &[RowKey],
    estimate: &dyn Fn(RowKey, f32) -> f32,
    scroll_to: Option<Anchor>,
    row_ui: &mut dyn FnMut(&mut Ui, RowKey),
) -> Seen {
    let mut seen = Seen::default();
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            let reading = reading_keys(ui.ctx(), viewport.height());
            if reading != 0.0 {
                ui.scroll_with_delta(Vec2::new(0.0, reading));
            }
            // A row brought to the top is the one being read until the reader scrolls; a place
            // inside a row (a position restored) says nothing of that.
            seen.scrolled_to = scroll_to
                .filter(|target| target.offset < 1.0)
                .map(|target| target.row);
            seen.reader_scrolled = reading != 0.0
                || ui.input(|i| i.is_scrolling() || i.pointer.is_decidedly_dragging());
            let width = ui.available_width();
            if (heights.width - width).abs() > 0.5 {
                heights.width = width;
                heights.heights.clear();
            }
            let list = List {
                rows,
                estimate,
                scroll_to,
                width,
            };
            list.place(ui, viewport, heights, row_ui, &mut seen);
        });
    seen
}
