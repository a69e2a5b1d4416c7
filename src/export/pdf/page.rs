//! Pages as shapes: what the layout decides and the renderer draws, nothing more.
//!
//! Coordinates are PDF points from the page's top-left corner, y growing downwards.

use super::text::{Line, Rgb, Run};

/// Paper sizes, in points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// The role of a piece of content in the document's structure (its tag).
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    /// The whole document.
    Document,
    /// A chapter, the cover or the contents.
    Section,
    /// A heading of level 1 (chapters) or 2 (initiatives), with its text.
    Heading(u16, String),
    /// A paragraph.
    Paragraph,
    /// A chart, with its text for those who cannot see it.
    Figure(String),
    /// The contents.
    Contents,
    /// One entry of the contents.
    ContentsEntry,
}

/// A node of the structure tree: content marked with its index belongs to it.
#[derive(Clone, Debug)]
pub struct Element {
    pub role: Role,
    pub parent: Option<usize>,
}

/// A place in the document: a page and the height on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    pub page: usize,
    pub y: f32,
}

/// Something drawn.
#[derive(Clone, Debug)]
pub enum Shape {
    /// A run of glyphs whose baseline starts at `(x, y)`.
    Text { x: f32, y: f32, size: f32, run: Run },
    /// A filled rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A straight line; dotted for the contents' leaders.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
        dotted: bool,
    },
}

/// A shape and the structure element it belongs to (`None`: decoration, such as the running
/// header, which readers of the text skip).
#[derive(Clone, Debug)]
pub struct Mark {
    pub shape: Shape,
    pub element: Option<usize>,
}

/// A link from a rectangle on a page to a place in the document.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    /// Left, top, right and bottom.
    pub rect: (f32, f32, f32, f32),
    pub to: Anchor,
    /// The structure element the link belongs to.
    pub element: Option<usize>,
}

/// One page's shapes and links.
#[derive(Clone, Debug, Default)]
pub struct PageLayout {
    pub marks: Vec<Mark>,
    pub links: Vec<Link>,
}

impl PageLayout {
    /// Adds the lines of a paragraph, the first baseline at `y`, `leading` apart.
    pub fn lines(
        &mut self,
        lines: &[Line],
        (x, y): (f32, f32),
        (size, leading): (f32, f32),
        element: Option<usize>,
    ) {
        for (k, line) in lines.iter().enumerate() {
            self.line(line, (x, y + k as f32 * leading), size, element);
        }
    }

    /// Adds one line whose baseline starts at `(x, y)`.
    pub fn line(&mut self, line: &Line, (x, y): (f32, f32), size: f32, element: Option<usize>) {
        for run in &line.runs {
            self.marks.push(Mark {
                shape: Shape::Text {
                    x: x + run.x,
                    y,
                    size,
                    run: run.clone(),
                },
                element,
            });
        }
    }

    /// Adds a shape.
    pub fn shape(&mut self, shape: Shape, element: Option<usize>) {
        self.marks.push(Mark { shape, element });
    }
}

/// An entry of the outline (bookmarks).
#[derive(Clone, Debug)]
pub struct OutlineEntry {
    pub title: String,
    pub to: Anchor,
    pub children: Vec<OutlineEntry>,
}

/// A document laid out: its pages, structure and outline.
#[derive(Clone, Debug, Default)]
pub struct Laid {
    pub pages: Vec<PageLayout>,
    pub elements: Vec<Element>,
    pub outline: Vec<OutlineEntry>,
}

impl Laid {
    /// Adds a structure element under `parent`, returning its index.
    pub fn element(&mut self, role: Role, parent: Option<usize>) -> usize {
        self.elements.push(Element { role, parent });
        self.elements.len() - 1
    }
}
