//! Any query over the embedded report, in both scopes: searching and highlighting must never
//! panic, and every highlighted range must be a real match inside the text it marks.
#![no_main]

use huimou::search::{Hit, SearchIndex};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn embedded() -> &'static (huimou::Dataset, SearchIndex) {
    static DATA: OnceLock<(huimou::Dataset, SearchIndex)> = OnceLock::new();
    DATA.get_or_init(|| {
        let dataset = huimou::document::load::embedded();
        let index = SearchIndex::new(&dataset.report);
        (dataset, index)
    })
}

fuzz_target!(|query: &str| {
    let (dataset, index) = embedded();
    let report = &dataset.report;
    for scope in [None, Some(0), Some(4), Some(99)] {
        for place in index.search(query, scope) {
            let hit = Hit::new(report, place, query);
            let initiative = &report.chapters[hit.chapter].initiatives[hit.initiative];
            for range in &hit.title {
                assert!(initiative.title.get(range.clone()).is_some(), "title range on a boundary");
            }
            for range in &hit.text {
                assert!(initiative.text.get(range.clone()).is_some(), "text range on a boundary");
            }
            let _ = huimou::search::snippet(&initiative.text, &hit.text, 40);
        }
    }
});
