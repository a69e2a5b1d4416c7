//! Any bytes as a dataset file: decoding, parsing, validation and diagnostics must never panic,
//! and a dataset that loads must be searchable and describable.
#![no_main]

use huimou::Origin;
use huimou::document::load;
use huimou::search::SearchIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = match load::decode(bytes) {
        Ok(text) => text,
        Err(diagnostic) => {
            let _ = diagnostic.render("fuzz.ron");
            return;
        }
    };
    match load::load_str(&text, Origin::Embedded) {
        Ok(dataset) => {
            // Every figure's quantity and every segment were derived; use them as the viewer does.
            for warning in &dataset.warnings {
                let _ = warning.render("fuzz.ron");
            }
            let index = SearchIndex::new(&dataset.report);
            if let Some(chapter) = dataset.report.chapters.first()
                && let Some(initiative) = chapter.initiatives.first()
            {
                let query: String = initiative.title.chars().take(2).collect();
                for place in index.search(&query, None) {
                    let _ = huimou::search::Hit::new(&dataset.report, place, &query);
                }
            }
        }
        Err(error) => {
            assert!(error.errors().count() > 0, "a refused file has an error");
            let _ = error.render();
        }
    }
});
