//! Pictures of every view, light and dark, rendered with wgpu (lavapipe in CI).
//!
//! Behind the `snapshots` feature: `cargo test --features snapshots --test snapshots`.
//! `UPDATE_SNAPSHOTS=1` rewrites `tests/snapshots/*.png` after an intended change.

#![cfg(feature = "snapshots")]

mod common;

use egui_kittest::Harness;
use huimou::viewer::app::{HuimouApp, Startup};
use huimou::viewer::commands::{SystemCommand, UiCommand};
use huimou::viewer::place::View;
use huimou::viewer::settings::Settings;

fn render(view: View, theme: egui::ThemePreference) -> Harness<'static, HuimouApp> {
    render_file(view, theme, None)
}

fn render_file(
    view: View,
    theme: egui::ThemePreference,
    file: Option<std::path::PathBuf>,
) -> Harness<'static, HuimouApp> {
    let settings = Settings {
        theme,
        language: Some(huimou::viewer::i18n::Lang::Zh),
        ..Settings::default()
    };
    let builder = common::pictured(common::SIZE, &settings).wgpu();
    // The view as the command line asks for one: a remembered view is only the remembered
    // report's.
    let startup = Startup {
        file,
        view: Some(view),
        ..Startup::default()
    };
    let mut harness = common::build_viewer(builder, settings, startup);
    harness.run();
    harness
}

macro_rules! snapshot_tests {
    ($($name:ident: $view:expr, $theme:ident;)*) => {$(
        #[test]
        fn $name() {
            // `snapshot` panics when there is no adapter to render with, so a test never
            // passes without having drawn and compared its picture.
            render($view, egui::ThemePreference::$theme).snapshot(stringify!($name));
        }
    )*};
}

#[test]
fn a_chart_exports_its_own_pixels() {
    let mut harness = render(View::Chapter(1), egui::ThemePreference::Light);
    let path = std::env::temp_dir().join(format!("huimou-chart-{}.png", std::process::id()));
    let _ = std::fs::remove_file(&path);
    harness.state_mut().push(SystemCommand::Export(
        huimou::viewer::commands::Export::ChartPng(huimou::document::dataset::ChartRef {
            chapter: 1,
            chart: 1,
        }),
        path.clone(),
    ));
    for _ in 0..10 {
        harness.step();
        if path.exists() {
            break;
        }
    }
    harness.run();
    let picture = image::open(&path).expect("the chart was saved").to_rgb8();
    let rect = harness
        .state()
        .drawn
        .chart(huimou::document::dataset::ChartRef {
            chapter: 1,
            chart: 1,
        })
        .expect("drawn");
    let scale = harness.ctx.pixels_per_point();
    assert_eq!(picture.width(), (rect.width() * scale).round() as u32);
    assert_eq!(picture.height(), (rect.height() * scale).round() as u32);
    // Its own pixels: the chart's bars are in it (the first series colour).
    let bar = huimou::viewer::ui::theme::Palette::new(false).series[0];
    assert!(
        picture.pixels().any(|p| p.0 == [bar.r(), bar.g(), bar.b()]),
        "bars in the picture"
    );
    let status = harness.state().status().cloned().expect("a message");
    assert!(!status.error, "{}", status.text);
}

/// A chapter of a report in traditional characters: its text, value labels and axis in its own
/// script (萬多個, 1萬), every character drawn by the bundled faces.
#[test]
fn traditional_chapter_light() {
    // The status bar shows the file's path: the same one wherever the project is checked out.
    let dir = std::env::temp_dir().join("huimou-snapshots");
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("traditional.ron");
    std::fs::copy(common::data("good/traditional.ron"), &file).expect("copied");
    let mut harness = render_file(View::Chapter(0), egui::ThemePreference::Light, Some(file));
    harness.run();
    harness.snapshot("traditional_chapter_light");
}

/// Slides at the two sizes a meeting room has: the same 1280×720 canvas, scaled.
#[test]
fn slides_fit_the_screen() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (width, height) in [(1280.0, 720.0), (1920.0, 1080.0)] {
        let (canvas, _) = huimou::viewer::ui::present::canvas_for(egui::vec2(width, height));
        let count =
            huimou::viewer::ui::present::slides(&huimou::document::load::embedded().report, canvas)
                .len();
        for slide in [0, 1, 3, count - 1] {
            let settings = Settings {
                theme: egui::ThemePreference::Light,
                language: Some(huimou::viewer::i18n::Lang::Zh),
                ..Settings::default()
            };
            let builder = common::pictured([width, height], &settings).wgpu();
            let mut harness = common::build_viewer(builder, settings, Startup::default());
            harness.state_mut().push(UiCommand::Present);
            harness.run();
            let ctx = harness.ctx.clone();
            harness
                .state_mut()
                .run(&ctx, SystemCommand::ShowSlide(slide));
            harness.run();
            harness.snapshot(format!("slide_{}_{width}x{height}", slide + 1));
            results.extend_harness(&mut harness);
        }
    }
    results.unwrap();
}

/// Every view at the sizes readers use (800×600 to 1920×1080), in both languages and both
/// themes.
#[test]
fn every_view_at_three_sizes_in_both_languages() {
    let views = [View::Overview, View::Figures]
        .into_iter()
        .chain((0..5).map(View::Chapter));
    let mut results = egui_kittest::SnapshotResults::new();
    for view in views {
        let name = match view {
            View::Overview => "overview".to_owned(),
            View::Figures => "figures".to_owned(),
            View::Chapter(c) => format!("chapter_{}", c + 1),
            View::Review | View::Shelf | View::Series(_) => {
                unreachable!("a review needs an import, a shelf a folder")
            }
        };
        for (lang, code) in [
            (huimou::viewer::i18n::Lang::Zh, "zh"),
            (huimou::viewer::i18n::Lang::En, "en"),
        ] {
            let sizes = [[800.0, 600.0], [1280.0, 860.0], [1920.0, 1080.0]];
            for (size, dark) in sizes.into_iter().flat_map(|s| [(s, false), (s, true)]) {
                let settings = Settings {
                    view,
                    theme: if dark {
                        egui::ThemePreference::Dark
                    } else {
                        egui::ThemePreference::Light
                    },
                    language: Some(lang),
                    ..Settings::default()
                };
                let builder = common::pictured(size, &settings).wgpu();
                let mut harness = common::build_viewer(builder, settings, Startup::default());
                harness.run();
                let shade = if dark { "dark" } else { "light" };
                harness.snapshot(format!(
                    "sizes/{name}_{code}_{}x{}_{shade}",
                    size[0], size[1]
                ));
                results.extend_harness(&mut harness);
            }
        }
    }
    results.unwrap();
}

snapshot_tests! {
    overview_light: View::Overview, Light;
    overview_dark: View::Overview, Dark;
    figures_light: View::Figures, Light;
    figures_dark: View::Figures, Dark;
    chapter_1_light: View::Chapter(0), Light;
    chapter_1_dark: View::Chapter(0), Dark;
    chapter_2_light: View::Chapter(1), Light;
    chapter_2_dark: View::Chapter(1), Dark;
    chapter_3_light: View::Chapter(2), Light;
    chapter_3_dark: View::Chapter(2), Dark;
    chapter_4_light: View::Chapter(3), Light;
    chapter_4_dark: View::Chapter(3), Dark;
    chapter_5_light: View::Chapter(4), Light;
    chapter_5_dark: View::Chapter(4), Dark;
}

/// The reports of the shelf fixture that need no import (an import would write its cache to
/// the tester's data folder), in a folder of their own whose path the status bar shows the
/// same wherever the project is checked out.
fn shelf_folder() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join("huimou-snapshots-shelf");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for entry in std::fs::read_dir(common::data("shelf")).expect("the fixture") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&path, dir.join(path.file_name().expect("a name"))).expect("copied");
        }
    }
    dir
}

/// The shelf and one measure over the years: reports by publisher and year, the series; a line
/// with a restated year and a target apart.
#[test]
fn shelf_and_series_light() {
    let mut results = egui_kittest::SnapshotResults::new();
    let folder = shelf_folder();
    let mut harness = render_file(View::Shelf, egui::ThemePreference::Light, Some(folder));
    harness.snapshot("shelf_light");
    results.extend_harness(&mut harness);
    let series = harness
        .state()
        .session()
        .shelf()
        .and_then(|on| on.shelf.series.iter().position(|s| s.id == "城镇新增就业"))
        .expect("the series");
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Series(series)));
    harness.run();
    harness.snapshot("series_light");
    results.extend_harness(&mut harness);
    results.unwrap();
}

/// A screen of twice the density (and one and a half): every view as sharp and laid out as at
/// one, in the same points.
#[test]
fn high_density_screens() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (scale, name) in [(2.0, "2x"), (1.5, "1.5x")] {
        for view in [View::Overview, View::Chapter(1)] {
            let settings = Settings {
                theme: egui::ThemePreference::Light,
                language: Some(huimou::viewer::i18n::Lang::Zh),
                ..Settings::default()
            };
            let builder = common::pictured(common::SIZE, &settings)
                .with_pixels_per_point(scale)
                .wgpu();
            let startup = Startup {
                view: Some(view),
                ..Startup::default()
            };
            let mut harness = common::build_viewer(builder, settings, startup);
            harness.run();
            let view_name = match view {
                View::Chapter(c) => format!("chapter_{}", c + 1),
                _ => "overview".to_owned(),
            };
            harness.snapshot(format!("{view_name}_{name}"));
            results.extend_harness(&mut harness);
        }
        let settings = Settings {
            theme: egui::ThemePreference::Light,
            language: Some(huimou::viewer::i18n::Lang::Zh),
            ..Settings::default()
        };
        let builder = common::pictured([1280.0, 720.0], &settings)
            .with_pixels_per_point(scale)
            .wgpu();
        let mut harness = common::build_viewer(builder, settings, Startup::default());
        harness.state_mut().push(UiCommand::Present);
        harness.run();
        harness.snapshot(format!("slide_1_{name}"));
        results.extend_harness(&mut harness);
    }
    results.unwrap();
}
