//! The work of the search, load and first-layout benches, each in one function that
//! `scripts/instructions.py` counts the instructions of under Valgrind's callgrind: a count
//! that the machine's other work cannot move, so that a change of a few percent shows.
//!
//! `instructions search|load|layout` runs one of them once. The report is small enough
//! (1,500 initiatives) to be checked, indexed and searched on one thread, so that the one
//! thread callgrind follows into the measured function does all of the work.

use std::hint::black_box;
use std::process::ExitCode;

#[path = "generate.rs"]
#[allow(dead_code)]
mod generate;

use huimou::search::SearchIndex;
use huimou::viewer::app::{HuimouApp, Startup};
use huimou::viewer::place::View;
use huimou::viewer::settings::Settings;
use huimou::{Origin, document::load};

/// Chapters × initiatives of the generated report: below the sizes that check, index or
/// search on a second thread.
const CHAPTERS: usize = 3;
const INITIATIVES: usize = 500;

fn main() -> ExitCode {
    let name = std::env::args().nth(1).unwrap_or_default();
    match name.as_str() {
        "search" => {
            let report = generate::generate(CHAPTERS, INITIATIVES);
            let index = SearchIndex::new(&report);
            index.wait_until_complete();
            println!("found {}", measured_search(&index));
        }
        "load" => {
            let text = generate::to_ron(&generate::generate(CHAPTERS, INITIATIVES));
            println!("loaded {}", measured_load(&text));
        }
        "layout" => println!("laid out {}", measured_layout()),
        _ => {
            eprintln!("usage: instructions search|load|layout");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// A keystroke's search each of characters, full pinyin, initials and one syllable.
#[inline(never)]
fn measured_search(index: &SearchIndex) -> usize {
    ["科普", "院士", "kepu", "kp", "yuanshi", "xiang"]
        .iter()
        .map(|query| black_box(index.search(query, None)).len())
        .sum()
}

/// Loading a dataset: parsed, checked, indexed (its pinyin included).
#[inline(never)]
fn measured_load(text: &str) -> usize {
    let dataset = load::load_str(black_box(text), Origin::Embedded).expect("a valid dataset");
    dataset.index().wait_until_complete();
    dataset.report.initiative_count()
}

/// A viewer made on the embedded report and its first UI pass at 1280×900: fonts read, the
/// overview laid out (not drawn).
#[inline(never)]
fn measured_layout() -> usize {
    let ctx = egui::Context::default();
    let mut app = HuimouApp::with_settings(
        &ctx,
        Settings::default(),
        Startup {
            view: Some(View::Overview),
            ..Startup::default()
        },
    );
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 900.0),
        )),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.ui_pass(ui));
    // The font atlas uploads a renderer would take: none here.
    output.textures_delta.clear();
    output.shapes.len()
}
