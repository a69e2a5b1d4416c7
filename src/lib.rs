//! Huimou (回眸): a desktop viewer for Chinese work-review reports.
//!
//! Folders are layers, and imports point only down (`tests/it/layers.rs` keeps it so):
//! - `report/`: the dataset format, quantities, loading, validation, diagnostics and the words
//!   in both languages; `search/`: the search index and pinyin; `export/`: CSV and the PDF;
//!   `import/`: brochures into datasets. None of them knows any GUI.
//! - `viewer/`: the window (egui), its state, commands, jobs and one file per panel (`ui/`).
//! - `cli.rs`: the command line, over both.

pub mod export;
pub mod import;
pub mod report;
pub mod search;

pub use report::dataset::{Dataset, FigureRef, Origin};
pub use report::diagnostic::{Diagnostic, Location, Severity};
pub use report::load::{LoadError, load_file, load_str};
pub use report::model::{Chapter, Chart, ChartKind, Figure, Initiative, Report, Status};
pub use report::quantity::{Qualifier, Quantity};

pub mod viewer;

pub mod cli;
