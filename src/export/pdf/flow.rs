//! Content flowing down pages: paragraphs split between lines (never leaving one line alone at
//! a page's foot or head), headings kept with what follows them, blocks such as charts kept
//! whole.

use super::page::{Anchor, Laid, PageLayout, Paper};
use super::text::{Faces, Line, Span, break_lines};

/// The left and right margins, in points.
pub const MARGIN_X: f32 = 56.0;
/// Where the text of a page starts and how much room its foot keeps (running header and
/// footer sit in these margins).
pub const TOP: f32 = 72.0;
pub const BOTTOM: f32 = 66.0;

/// How a paragraph is set: its size, the distance between its baselines, and the space after
/// it.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    pub size: f32,
    pub leading: f32,
    pub after: f32,
}

impl Setting {
    /// Text of `size` points with lines `factor` times that apart.
    pub const fn new(size: f32, factor: f32, after: f32) -> Self {
        Self {
            size,
            leading: size * factor,
            after,
        }
    }

    /// Where a line's baseline sits below the top of its line box: the glyphs' body (about
    /// 0.88 em above the baseline, 0.12 below) centred in the box.
    pub fn baseline(self) -> f32 {
        (self.leading - self.size) / 2.0 + 0.88 * self.size
    }
}

/// Pages being filled from top to bottom.
pub struct Flow<'f> {
    pub faces: &'f mut Faces,
    pub laid: Laid,
    paper: Paper,
    /// How far down the current page is filled.
    pub y: f32,
    /// The chapter each page belongs to, for the running header.
    pub page_chapters: Vec<Option<String>>,
    /// The chapter pages now being filled belong to.
    pub chapter: Option<String>,
}

impl<'f> Flow<'f> {
    /// An empty document on `paper`.
    pub fn new(faces: &'f mut Faces, paper: Paper) -> Self {
        Self {
            faces,
            laid: Laid::default(),
            paper,
            y: TOP,
            page_chapters: Vec::new(),
            chapter: None,
        }
    }

    /// The page's size.
    pub fn size(&self) -> (f32, f32) {
        self.paper.size()
    }

    /// The width text is set in.
    pub fn width(&self) -> f32 {
        self.size().0 - 2.0 * MARGIN_X
    }

    /// Where the text of a page ends.
    pub fn bottom(&self) -> f32 {
        self.size().1 - BOTTOM
    }

    /// Starts a page.
    pub fn new_page(&mut self) {
        self.laid.pages.push(PageLayout::default());
        self.page_chapters.push(self.chapter.clone());
        self.y = TOP;
    }

    /// The page being filled.
    pub fn page(&mut self) -> &mut PageLayout {
        if self.laid.pages.is_empty() {
            self.new_page();
        }
        let last = self.laid.pages.len() - 1;
        &mut self.laid.pages[last]
    }

    /// Where the flow is now.
    pub fn anchor(&self) -> Anchor {
        Anchor {
            page: self.laid.pages.len().saturating_sub(1),
            y: self.y,
        }
    }

    /// Whether the current page has nothing on it yet.
    fn at_top(&self) -> bool {
        self.y <= TOP + 0.5
    }

    /// Moves to a new page unless `height` still fits on this one (or the page is empty).
    pub fn keep(&mut self, height: f32) {
        if self.y + height > self.bottom() && !self.at_top() {
            self.new_page();
        }
    }

    /// Leaves `height` of space, unless at the top of a page.
    pub fn space(&mut self, height: f32) {
        if !self.at_top() {
            self.y += height;
        }
    }

    /// Reserves a block of `height` that is never split, returning its top-left corner.
    pub fn block(&mut self, height: f32) -> (f32, f32) {
        self.keep(height);
        let at = (MARGIN_X, self.y);
        self.y += height;
        at
    }

    /// Breaks `spans` into lines as wide as the text (less `indent`).
    pub fn lines(&mut self, spans: &[Span], setting: Setting, indent: f32) -> Vec<Line> {
        let width = self.width() - indent;
        break_lines(self.faces, spans, setting.size, width)
    }

    /// The height of the first `n` lines of a paragraph of `lines`.
    pub fn height_of(lines: &[Line], n: usize, setting: Setting) -> f32 {
        lines.len().min(n) as f32 * setting.leading
    }

    /// Sets a heading, kept on one page with at least `then` of what follows it.
    pub fn heading(&mut self, lines: &[Line], setting: Setting, then: f32, element: usize) {
        self.keep(Self::height_of(lines, usize::MAX, setting) + setting.after + then);
        self.paragraph(lines, setting, 0.0, element);
    }

    /// Sets a paragraph, splitting it between pages where it must: never its first line alone
    /// at a page's foot nor its last alone at the next page's head.
    pub fn paragraph(&mut self, lines: &[Line], setting: Setting, indent: f32, element: usize) {
        let mut k = 0;
        while k < lines.len() {
            let fits = ((self.bottom() - self.y) / setting.leading)
                .floor()
                .max(0.0) as usize;
            let rest = lines.len() - k;
            let mut take = fits.min(rest);
            if take < rest && k == 0 && take == 1 {
                take = 0;
            }
            if take < rest && rest - take == 1 && take >= 2 {
                take -= 1;
            }
            if take == 0 {
                if !self.at_top() {
                    self.new_page();
                    continue;
                }
                take = 1;
            }
            let at = (MARGIN_X + indent, self.y + setting.baseline());
            let shown = &lines[k..k + take];
            self.page()
                .lines(shown, at, (setting.size, setting.leading), Some(element));
            self.y += take as f32 * setting.leading;
            k += take;
            if k < lines.len() {
                self.new_page();
            }
        }
        self.y += setting.after;
    }
}
