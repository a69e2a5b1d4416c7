//! Search per keystroke across 100,000 initiatives.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use huimou::{Origin, load};

fn search_benches(c: &mut Criterion) {
    let (_, text) = common::generated(100, 1000);
    let dataset = load::load_str(&text, Origin::Embedded).expect("valid");
    let index = dataset.index();
    let mut group = c.benchmark_group("search/100x1000");
    group.sample_size(20);
    for query in ["科普", "院士", "ap", "5a", "kepu", "kp", "yuanshi"] {
        group.bench_function(query, |b| b.iter(|| index.search(query, None)));
    }
    group.finish();
    let embedded = load::embedded();
    let embedded = embedded.index();
    c.bench_function("search/embedded/科普", |b| {
        b.iter(|| embedded.search("科普", None))
    });
}

criterion_group!(benches, search_benches);
criterion_main!(benches);
