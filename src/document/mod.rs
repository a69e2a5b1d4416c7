//! The report as it is opened: read and checked into a `Dataset` with its search index
//! (`load`, `dataset`), and the table of every figure (`figure_table`). It stands above
//! `search`, which indexes a `report::model::Report` and knows nothing of loading.

pub mod dataset;
pub mod figure_table;
pub mod load;
pub mod parse;
