//! Long lists laid out only where they are seen: rows of varying height in a scroll area,
//! with measured heights remembered and unmeasured ones estimated.

// FxHash: every frame looks up the height of every row of a long list.
use rustc_hash::FxHashMap as HashMap;

use egui::{Align, Rect, Ui, UiBuilder, Vec2};

/// Heights of rows measured at one width; any other width starts over.
#[derive(Debug, Default)]
pub struct RowHeights {
    width: f32,
    heights: HashMap<RowKey, f32>,
}

/// The row heights of the list on screen, kept while the same list stays on screen.
#[derive(Debug, Default)]
pub struct ListHeights {
    owner: Option<(crate::app::View, bool)>,
    heights: RowHeights,
}

impl ListHeights {
    /// The heights for a view's list (`results`: the search results shown over it).
    pub fn for_view(&mut self, view: crate::app::View, results: bool) -> &mut RowHeights {
        if self.owner != Some((view, results)) {
            self.owner = Some((view, results));
            self.heights.clear();
        }
        &mut self.heights
    }

    /// Forgets every measurement.
    pub fn clear(&mut self) {
        self.owner = None;
        self.heights.clear();
    }
}

/// Which row: the chapter's head, an initiative, a search result, a group heading, the foot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKey {
    /// Whatever comes before the list (headline, charts).
    Head,
    /// One item of the list, by index.
    Item(usize),
    /// A heading between items, by index of the heading.
    Heading(usize),
    /// Whatever comes after the list (previous/next buttons).
    Foot,
}

impl RowHeights {
    /// Forgets every measurement (a new dataset, a new zoom).
    pub fn clear(&mut self) {
        self.heights.clear();
    }
}

/// Space between rows.
const GAP: f32 = 6.0;

/// Lists up to this many rows are laid out whole, so every row stays in the accessibility
/// tree; longer ones only where they are seen.
const LAY_OUT_WHOLE_UP_TO: usize = 150;

/// How far the page keys move the page (content down is positive), when nothing has the
/// keyboard: ↑/↓ a line, Page Up/Down and Shift+Space/Space a screen, Home/End to the ends.
/// A focused control (the search box, a button) keeps its keys.
fn reading_keys(ctx: &egui::Context, page: f32) -> f32 {
    use egui::{Key, Modifiers};
    if ctx.memory(|m| m.focused().is_some()) {
        return 0.0;
    }
    const LINE: f32 = 40.0;
    let screen = (page - 48.0).max(LINE);
    ctx.input_mut(|i| {
        let mut delta = 0.0;
        let mut take = |modifiers: Modifiers, key: Key, by: f32| {
            delta += by * i.count_and_consume_key(modifiers, key) as f32;
        };
        take(Modifiers::NONE, Key::ArrowDown, -LINE);
        take(Modifiers::NONE, Key::ArrowUp, LINE);
        take(Modifiers::SHIFT, Key::Space, screen);
        take(Modifiers::NONE, Key::Space, -screen);
        take(Modifiers::NONE, Key::PageDown, -screen);
        take(Modifiers::NONE, Key::PageUp, screen);
        take(Modifiers::NONE, Key::End, -1.0e7);
        take(Modifiers::NONE, Key::Home, 1.0e7);
        delta
    })
}

/// Shows `rows` inside a vertical scroll area, calling `row_ui` only for rows in view.
///
/// `estimate` guesses the height of a row never drawn at this width; `scroll_to` names a row
/// to bring to the top.
pub fn rows_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    heights: &mut RowHeights,
    rows: &[RowKey],
    estimate: &dyn Fn(RowKey, f32) -> f32,
    scroll_to: Option<RowKey>,
    row_ui: &mut dyn FnMut(&mut Ui, RowKey),
) {
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            let reading = reading_keys(ui.ctx(), viewport.height());
            if reading != 0.0 {
                ui.scroll_with_delta(Vec2::new(0.0, reading));
            }
            let width = ui.available_width();
            if (heights.width - width).abs() > 0.5 {
                heights.width = width;
                heights.heights.clear();
            }
            let height_of = |heights: &RowHeights, key: RowKey| {
                heights
                    .heights
                    .get(&key)
                    .copied()
                    .unwrap_or_else(|| estimate(key, width))
            };
            let origin = ui.min_rect().min;
            let mut top = 0.0;
            let mut total = 0.0;
            for &key in rows {
                total += height_of(heights, key) + GAP;
            }
            for &key in rows {
                let height = height_of(heights, key);
                let bottom = top + height;
                if Some(key) == scroll_to {
                    let rect =
                        Rect::from_min_size(origin + Vec2::new(0.0, top), Vec2::new(width, height));
                    ui.scroll_to_rect(rect, Some(Align::TOP));
                }
                let whole = rows.len() <= LAY_OUT_WHOLE_UP_TO;
                if whole || (bottom >= viewport.min.y && top <= viewport.max.y) {
                    let rect = Rect::from_min_size(
                        origin + Vec2::new(0.0, top),
                        Vec2::new(width, f32::INFINITY),
                    );
                    let measured = ui
                        .scope_builder(UiBuilder::new().max_rect(rect).id_salt(key), |ui| {
                            row_ui(ui, key);
                        })
                        .response
                        .rect
                        .height();
                    // Rows below are placed by this true height already; the estimate only
                    // served the scroll bar and the rows above.
                    if (measured - height).abs() > 0.5 {
                        total += measured - height;
                        heights.heights.insert(key, measured);
                        // A row scrolled to was placed by estimates: lay the frame out
                        // again with the true heights, so the frame shown has it in place.
                        if scroll_to.is_some() {
                            ui.ctx().request_discard("a row's height was measured");
                        }
                    }
                    top += measured + GAP;
                } else {
                    top += height + GAP;
                }
            }
            ui.allocate_rect(
                Rect::from_min_size(origin, Vec2::new(width, total.max(top))),
                egui::Sense::hover(),
            );
        });
}
