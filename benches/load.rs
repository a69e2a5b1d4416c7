//! Loading a dataset (parse + validate + search index) against a bare `ron::from_str` of the
//! same text, and `serde_json` on the same data as a reference point.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use huimou::{Origin, Report, report::load};

fn bench_load(c: &mut Criterion, name: &str, ron_text: &str) {
    let report: Report = ron::from_str(ron_text).expect("valid RON");
    let json = serde_json::to_string(&report).expect("JSON");
    let mut group = c.benchmark_group(format!("load/{name}"));
    group.sample_size(10);
    group.bench_function("huimou (parse, validate, index)", |b| {
        // The search index is built while loading.
        b.iter(|| load::load_str(ron_text, Origin::Embedded).expect("valid"));
    });
    group.bench_function("ron::from_str", |b| {
        b.iter(|| ron::from_str::<Report>(ron_text).expect("valid"))
    });
    group.bench_function("serde_json::from_str", |b| {
        b.iter(|| serde_json::from_str::<Report>(&json).expect("valid"))
    });
    group.finish();
}

fn load_benches(c: &mut Criterion) {
    bench_load(c, "embedded", load::EMBEDDED_SOURCE);
    let (_, large) = common::generated_chinese(100, 1000);
    bench_load(c, "100x1000", &large);
}

criterion_group!(benches, load_benches);
criterion_main!(benches);
