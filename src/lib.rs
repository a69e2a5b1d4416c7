//! Huimou (回眸): a desktop viewer for Chinese work-review reports.
//!
//! Folders are layers, and imports point only down (`tests/it/layers.rs` keeps it so):
//! - `report/`: the dataset format, quantities, what a comparison may claim, validation,
//!   diagnostics and the words in both languages; `search/`: the search index and pinyin, over
//!   a report; `document/`: the report as opened (loading, the dataset with its index, the
//!   table of figures); `export/`: CSV and the PDF; `import/`: published reports and brochures
//!   into datasets; `shelf/`: the reports of a folder and the measures they share across years.
//!   None of them knows any GUI.
//! - `viewer/`: the window (egui), its state, commands, jobs and one file per panel (`ui/`).
//! - `cli.rs`: the command line, over both.

pub mod document;
pub mod export;
pub mod import;
pub mod report;
pub mod search;
pub mod shelf;

pub use document::dataset::{Dataset, FigureRef, Origin};
pub use document::load::{LoadError, load_file, load_str};
pub use report::diagnostic::{Diagnostic, Location, Severity};
pub use report::model::{Chapter, Chart, ChartKind, Figure, Initiative, Report, Status};
pub use report::quantity::{Qualifier, Quantity};

pub mod viewer;

pub mod cli;
