//! A shelf of 20 reports of 60,000 characters each (issue 27's budgets): opening the folder
//! against loading one report, switching reports, and searching all 20 per keystroke.
//!
//! `cargo bench --bench shelf`

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use huimou::shelf;
use huimou::viewer::place::View;
use huimou::viewer::session::{OnShelf, Session};

fn shelf_benches(c: &mut Criterion) {
    let folder = common::generated_shelf(20, 60_000);
    let one = folder.join("review-2024.ron");
    let single = huimou::load_file(&one).expect("one report loads");
    eprintln!(
        "one report: {} characters of text",
        common::text_chars(&single.report)
    );
    let opened = std::sync::Arc::new(shelf::open(&folder, None).expect("the shelf opens"));
    eprintln!(
        "the shelf: {} reports, {} series",
        opened.reports.len(),
        opened.series.len()
    );
    let mut group = c.benchmark_group("shelf");
    group.sample_size(10);
    group.bench_function("load one report of 60,000 characters", |b| {
        b.iter(|| huimou::load_file(&one).expect("loads"))
    });
    group.bench_function("open 20 reports of 60,000 characters", |b| {
        b.iter(|| shelf::open(&folder, None).expect("opens"))
    });
    group.bench_function("load 20 reports one after another", |b| {
        let files: Vec<_> = opened.reports.iter().map(|r| r.path.clone()).collect();
        b.iter(|| {
            files
                .iter()
                .map(|f| huimou::load_file(f).expect("loads"))
                .collect::<Vec<_>>()
        })
    });
    group.bench_function("find the series of 20 reports", |b| {
        b.iter(|| shelf::Shelf::of(folder.clone(), opened.reports.clone(), Vec::new()))
    });
    group.sample_size(50);
    // What SystemCommand::OpenShelfReport does before the next frame draws: a session on
    // another report of the shelf, its figures linked to their series.
    group.bench_function("switch to another report", |b| {
        let mut r = 0;
        b.iter(|| {
            r = (r + 1) % opened.reports.len();
            let dataset = opened.reports[r].dataset.clone();
            let on = OnShelf::new(std::sync::Arc::clone(&opened), r);
            Session::on_shelf(dataset, View::Chapter(0), Some(on))
        })
    });
    for query in ["科普", "院士专家", "kepu", "xiang"] {
        group.bench_function(format!("search all 20: {query}"), |b| {
            b.iter(|| opened.search(query))
        });
    }
    group.finish();
}

criterion_group!(benches, shelf_benches);
criterion_main!(benches);
