//! Datasets shared by the benchmarks: the embedded report and a generated large one.

#![allow(dead_code)]

use std::path::PathBuf;

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// The generated dataset of `chapters` × `initiatives`, written once to `target/` and reused.
pub fn generated(chapters: usize, initiatives: usize) -> (PathBuf, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("target/bench-data");
    let path = dir.join(format!("generated-{chapters}x{initiatives}.ron"));
    if let Ok(text) = std::fs::read_to_string(&path) {
        return (path, text);
    }
    let report = generate::generate(chapters, initiatives);
    let text = generate::to_ron(&report);
    std::fs::write(&path, &text).expect("written");
    (path, text)
}

/// The generated dataset without its English (names, headlines, titles and labels), as the
/// load budget was set on: with the English, 100 × 1,000 is 67.8 MiB and over the 64 MiB that
/// loading accepts. Written once to `target/` and reused.
pub fn generated_chinese(chapters: usize, initiatives: usize) -> (PathBuf, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("target/bench-data");
    let path = dir.join(format!("generated-{chapters}x{initiatives}-zh.ron"));
    if let Ok(text) = std::fs::read_to_string(&path) {
        return (path, text);
    }
    let mut report = generate::generate(chapters, initiatives);
    report.title_en = None;
    for chapter in &mut report.chapters {
        chapter.name_en = None;
        chapter.headline_en = None;
        for initiative in &mut chapter.initiatives {
            initiative.title_en = None;
            for figure in &mut initiative.figures {
                figure.label_en = None;
            }
        }
        for chart in &mut chapter.charts {
            chart.title_en = None;
        }
    }
    let text = generate::to_ron(&report);
    std::fs::write(&path, &text).expect("written");
    (path, text)
}

/// A shelf of `count` generated reports of one publisher, one a year, each of about `chars`
/// characters of text (titles, headlines and paragraphs): written once to `target/` and reused.
/// Every report samples the same pool of labels, so the shelf has many series.
pub fn generated_shelf(count: usize, chars: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("target/bench-data/shelf-{count}x{chars}"));
    if dir.join("done").exists() {
        return dir;
    }
    std::fs::create_dir_all(&dir).expect("target/bench-data");
    // Initiatives per chapter for about `chars` characters over five chapters.
    let per_chapter = {
        let probe = generate::generate(5, 10);
        let probe_chars = text_chars(&probe);
        (chars * 10).div_ceil(probe_chars.max(1)).max(1)
    };
    for k in 0..count {
        let mut report = generate::generate(5, per_chapter);
        report.year = Some(2005 + k as u32);
        report.publisher = "示例市科学技术协会".to_owned();
        report.title = format!("示例市科学技术协会{}年工作回眸", 2005 + k);
        let path = dir.join(format!("review-{}.ron", 2005 + k));
        std::fs::write(path, generate::to_ron(&report)).expect("written");
    }
    std::fs::write(dir.join("done"), "").expect("written");
    dir
}

/// The characters of a report's text: headlines, titles and paragraphs.
pub fn text_chars(report: &huimou::report::model::Report) -> usize {
    report
        .chapters
        .iter()
        .map(|c| {
            c.headline.chars().count()
                + c.initiatives
                    .iter()
                    .map(|i| i.title.chars().count() + i.text.chars().count())
                    .sum::<usize>()
        })
        .sum()
}
