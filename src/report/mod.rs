//! A report as data: its format (`model`), its numbers as written (`quantity`, `markup`), what
//! two figures may claim (`comparison`), checking a dataset (`locate`, `validate`,
//! `diagnostic`), and the words both languages share (`lang`, `words`, `chart_text`). The
//! loaded report stands above the search index, in `document`.

pub mod chart_text;
pub mod comparison;
pub mod diagnostic;
pub mod faces;
pub mod glyphs;
pub mod lang;
pub mod locate;
pub mod markup;
pub mod model;
pub mod quantity;
pub mod script_fold;
pub mod validate;
pub mod words;
