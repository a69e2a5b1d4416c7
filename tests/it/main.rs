//! The integration tests, one module per area in one test binary (as ripgrep keeps them), so a
//! clean build compiles and links the library's tests once rather than two dozen times. The
//! snapshot and poppler tests stay apart behind their features, and the panic hook's test
//! alone in its binary, since a panic hook belongs to the whole process.

#[path = "../common/mod.rs"]
mod common;
#[path = "../../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

mod any_report;
mod assets;
mod bad_datasets;
mod cli;
mod dataset;
mod diagnostics_lang;
mod exports;
mod file_dialog;
mod fonts;
mod fuzz_regressions;
mod i18n;
mod import;
mod import_viewer;
mod layers;
mod limits;
mod pdf;
mod pinyin_search;
mod quantity_props;
mod reading;
mod reliability;
mod search_numbers;
mod search_scripts;
mod shelf;
mod viewer;
