//! A report as data: its format (`model`), its numbers as written (`quantity`, `markup`),
//! reading and checking a dataset (`load`, `locate`, `validate`, `diagnostic`), the loaded
//! report (`dataset`), and the words both languages share (`lang`, `words`, `chart_text`).

pub mod chart_text;
pub mod dataset;
pub mod diagnostic;
pub mod faces;
pub mod figure_table;
pub mod glyphs;
pub mod lang;
pub mod load;
pub mod locate;
pub mod markup;
pub mod model;
pub mod quantity;
pub mod script_fold;
pub mod validate;
pub mod words;
