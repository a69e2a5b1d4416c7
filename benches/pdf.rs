//! The report's PDF, made in-process as `huimou pdf` makes it: the embedded report (budget
//! 0.5 s) and a generated one of 1,000 initiatives (budget 5 s). Memory is measured on the
//! command line (`/usr/bin/time -v huimou pdf …`, BENCHMARKS.md).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use huimou::export::pdf::{Options, report_pdf};
use huimou::{Origin, document::load};

fn pdf_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    let embedded = load::embedded();
    group.bench_function("embedded", |b| {
        b.iter(|| report_pdf(&embedded, Options::default(), &mut |_| {}).expect("a PDF"))
    });
    let (path, text) = common::generated(20, 50);
    let large = load::load_str(&text, Origin::File(path)).expect("valid");
    group.bench_function("1000 initiatives", |b| {
        b.iter(|| report_pdf(&large, Options::default(), &mut |_| {}).expect("a PDF"))
    });
    group.finish();
}

criterion_group!(benches, pdf_benches);
criterion_main!(benches);
