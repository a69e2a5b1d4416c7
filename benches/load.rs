//! Loading a dataset (parse + validate + search index) against a bare `ron::from_str` of the
//! same text, and `serde_json` on the same data as a reference point.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use huimou::{Origin, Report, document::load};
use std::time::{Duration, Instant};

fn bench_load(c: &mut Criterion, name: &str, ron_text: &str) {
    let report: Report = ron::from_str(ron_text).expect("valid RON");
    let json = serde_json::to_string(&report).expect("JSON");
    let mut group = c.benchmark_group(format!("load/{name}"));
    group.sample_size(10);
    group.bench_function("huimou (parse, validate, index)", |b| {
        // The search index is built while loading. A large report's pinyin goes on being built
        // on a thread of its own after loading returns; it is waited for outside the timing, or
        // it would run into (and slow) the next load timed. Nothing is dropped inside it.
        b.iter_custom(|iterations| {
            timed(
                iterations,
                || load::load_str(ron_text, Origin::Embedded),
                |dataset| dataset.expect("valid").index().wait_until_complete(),
            )
        });
    });
    group.bench_function("ron::from_str", |b| {
        b.iter_custom(|iterations| {
            timed(
                iterations,
                || ron::from_str::<Report>(ron_text),
                |report| {
                    report.expect("valid");
                },
            )
        })
    });
    group.bench_function("serde_json::from_str", |b| {
        b.iter_custom(|iterations| {
            timed(
                iterations,
                || serde_json::from_str::<Report>(&json),
                |report| {
                    report.expect("valid");
                },
            )
        })
    });
    group.finish();
}

/// The time `load` takes over `iterations` runs; `settle` finishes each result (and drops it)
/// outside the timing.
fn timed<T>(iterations: u64, load: impl Fn() -> T, settle: impl Fn(T)) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iterations {
        let start = Instant::now();
        let loaded = std::hint::black_box(load());
        total += start.elapsed();
        settle(loaded);
    }
    total
}

fn load_benches(c: &mut Criterion) {
    bench_load(c, "embedded", load::EMBEDDED_SOURCE);
    let (_, large) = common::generated_chinese(100, 1000);
    bench_load(c, "100x1000", &large);
}

criterion_group!(benches, load_benches);
criterion_main!(benches);
