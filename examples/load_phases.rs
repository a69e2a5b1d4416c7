//! Times the phases of loading a dataset: `cargo run --release --example load_phases -- FILE`.

use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: load_phases FILE");
    let text = std::fs::read_to_string(&path).expect("readable");
    let t = Instant::now();
    let report: huimou::Report = ron::from_str(&text).expect("valid");
    let parse = t.elapsed();
    let t = Instant::now();
    let checked = huimou::report::validate::validate(&report, &text, true);
    let validate = t.elapsed();
    let t = Instant::now();
    let index = huimou::search::SearchIndex::new(&report);
    let index_time = t.elapsed();
    let t = Instant::now();
    let loaded = huimou::document::load::load_str(&text, huimou::Origin::Embedded).expect("valid");
    println!(
        "load_str (parse, validate, index on a second thread): {:?}",
        t.elapsed()
    );
    drop(loaded);
    println!(
        "{path}: parse {parse:?}, validate {validate:?} ({} diagnostics), index {index_time:?}",
        checked.diagnostics.len()
    );
    drop(index);
    let t = Instant::now();
    let map = huimou::report::locate::SourceMap::new(&text);
    println!("source map {:?}", t.elapsed());
    drop(map);
    let t = Instant::now();
    let lines = huimou::report::diagnostic::LineIndex::new(&text);
    println!("line index {:?}", t.elapsed());
    drop(lines);
}
