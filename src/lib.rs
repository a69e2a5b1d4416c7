//! Huimou (回眸): a desktop viewer for Chinese work-review reports.
//!
//! Two layers, imports pointing only down (`tests/layers.rs` keeps it so):
//! - the data layer: the dataset format, quantities, loading and validation, search, the
//!   exports (CSV, PDF), the importer and the words in both languages, all free of any GUI;
//! - the viewer, which shows them with egui, and the command line, which uses both.

// The data layer.
pub mod chart_text;
pub mod dataset;
pub mod diagnostic;
pub mod export;
pub mod faces;
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
pub mod script_fold;
pub mod search;
pub mod validate;
pub mod words;

pub use dataset::{Dataset, FigureRef, Origin};
pub use diagnostic::{Diagnostic, Location, Severity};
pub use load::{LoadError, load_file, load_str};
pub use model::{Chapter, Chart, ChartKind, Figure, Initiative, Report};
pub use quantity::{Qualifier, Quantity};

// The viewer.
pub mod app;
pub mod dialog;
pub mod first_frame;
pub mod fonts;
pub mod history;
pub mod i18n;
pub mod logging;
pub mod run;
pub mod screenshot;
pub mod ui;
pub mod view_job;
pub mod watch;

// The command line.
pub mod cli;
