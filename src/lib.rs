//! Huimou (回眸): a desktop viewer for Chinese work-review reports.
//!
//! The library holds the dataset format, quantities, loading and validation, all free of any
//! GUI, and the viewer that shows them.

pub mod dataset;
pub mod diagnostic;
pub mod export;
pub mod figure_table;
pub mod glyphs;
pub mod import;
pub mod lang;
pub mod load;
pub mod locate;
pub mod markup;
pub mod model;
pub mod pinyin;
pub mod quantity;
pub mod validate;

pub use dataset::{Dataset, FigureRef, Origin};
pub use diagnostic::{Diagnostic, Location, Severity};
pub use load::{LoadError, load_file, load_str};
pub use model::{Chapter, Chart, ChartKind, Figure, Initiative, Report};
pub use quantity::{Qualifier, Quantity};
pub mod app;
pub mod chart_text;
pub mod cli;
pub mod dialog;
pub mod first_frame;
pub mod fonts;
pub mod history;
pub mod i18n;
pub mod logging;
pub mod run;
pub mod screenshot;
pub mod script_fold;
pub mod search;
pub mod ui;
pub mod watch;
