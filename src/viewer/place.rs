//! Places in a report the reader can be at: a view, where the search looks, a row of a list.
//! The session, the history and the panels all speak of places; this module depends on none
//! of them.

use serde::{Deserialize, Serialize};

/// What the central panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum View {
    /// The report's cover and a card per chapter.
    #[default]
    Overview,
    /// One chapter, by index.
    Chapter(usize),
    /// Every figure of the report in one table (数据一览).
    Figures,
    /// An import's guessed figures, each in its sentence, to accept, relabel or drop (审阅).
    Review,
    /// The reports of a shelf (a folder), and the measures they share across years (书架).
    Shelf,
    /// One measure across the shelf's years, by index of the shelf's series.
    Series(usize),
}

/// Where the search box looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchScope {
    /// Filter the current chapter's initiatives.
    #[default]
    Chapter,
    /// List matches across the whole report.
    Report,
}

/// Which list: a view's own (`results` false) or the search results shown over or beside it.
pub type ListKey = (View, bool);

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

/// A place in a list: a row, and how far below its top the view begins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    /// The row.
    pub row: RowKey,
    /// Points from the row's top to the top of the view.
    pub offset: f32,
}

impl Anchor {
    /// The top of a row.
    pub fn top_of(row: RowKey) -> Self {
        Self { row, offset: 0.0 }
    }
}
