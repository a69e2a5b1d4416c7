//! One place that builds every viewer test harness, so sizes and settings live together.

#![allow(dead_code)]

use egui::{Color32, Pos2};
use egui_kittest::Harness;
use huimou::viewer::app::{HuimouApp, Startup};
use huimou::viewer::settings::Settings;

/// The window size tests run at.
pub const SIZE: [f32; 2] = [1280.0, 900.0];

/// The viewer on the embedded report, remembering nothing.
pub fn viewer() -> Harness<'static, HuimouApp> {
    viewer_with(Settings::default(), Startup::default())
}

/// The viewer with given settings and start-up options; Chinese unless the settings say
/// otherwise, whatever the machine's locale.
pub fn viewer_with(mut settings: Settings, startup: Startup) -> Harness<'static, HuimouApp> {
    settings
        .language
        .get_or_insert(huimou::viewer::i18n::Lang::Zh);
    let mut harness = build_viewer(Harness::builder().with_size(SIZE), settings, startup);
    harness.run();
    harness
}

/// A harness builder for a picture at `size` in the settings' theme (kittest applies its own
/// theme after the app is built: it is given the same one), drawn with wgpu.
pub fn pictured(size: [f32; 2], settings: &Settings) -> egui_kittest::HarnessBuilder<HuimouApp> {
    let theme = if settings.theme == egui::ThemePreference::Dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    Harness::builder().with_size(size).with_theme(theme)
}

/// The viewer built by `builder` with the settings and start-up options as they are (the
/// language is not pinned); every test harness is made here.
pub fn build_viewer(
    builder: egui_kittest::HarnessBuilder<HuimouApp>,
    settings: Settings,
    startup: Startup,
) -> Harness<'static, HuimouApp> {
    builder.build_eframe(move |cc| {
        let mut app = HuimouApp::with_settings(&cc.egui_ctx, settings, startup);
        // Tests click bars where the charts say they are.
        app.drawn.record_bar_centers();
        app
    })
}

/// The path of a file under `tests/data`.
pub fn data(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

/// Every piece of text painted last frame with the given background colour.
pub fn text_with_background(harness: &Harness<'_, HuimouApp>, background: Color32) -> Vec<String> {
    let mut found = Vec::new();
    for clipped in &harness.output().shapes {
        visit_text(&clipped.shape, &mut |text| {
            let job = &text.galley.job;
            for section in &job.sections {
                if section.format.background == background {
                    found.push(
                        job.text[section.byte_range.start.0..section.byte_range.end.0].to_owned(),
                    );
                }
            }
        });
    }
    found
}

/// Where a piece of text was painted last frame (the middle of its first character).
pub fn text_position(harness: &Harness<'_, HuimouApp>, needle: &str) -> Option<Pos2> {
    let mut position = None;
    for clipped in &harness.output().shapes {
        visit_text(&clipped.shape, &mut |text| {
            let job = &text.galley.job;
            if position.is_none()
                && let Some(at) = job.text.find(needle)
            {
                let index = job.text[..at].chars().count();
                let rect = text.galley.pos_from_cursor(egui::text::CCursor::new(index));
                position = Some(text.pos + rect.center().to_vec2() + egui::vec2(4.0, 0.0));
            }
        });
    }
    position
}

fn visit_text(shape: &egui::Shape, visit: &mut dyn FnMut(&egui::epaint::TextShape)) {
    match shape {
        egui::Shape::Text(text) => visit(text),
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| visit_text(s, visit)),
        _ => {}
    }
}

/// Rectangles filled with the given colour last frame.
pub fn rects_filled(harness: &Harness<'_, HuimouApp>, fill: Color32) -> usize {
    fn count(shape: &egui::Shape, fill: Color32) -> usize {
        match shape {
            egui::Shape::Rect(rect) => usize::from(rect.fill == fill),
            egui::Shape::Vec(shapes) => shapes.iter().map(|s| count(s, fill)).sum(),
            _ => 0,
        }
    }
    harness
        .output()
        .shapes
        .iter()
        .map(|c| count(&c.shape, fill))
        .sum()
}

/// Moves the pointer to a screen position and queues a press and release of the primary
/// button there, for the next frame.
pub fn queue_click_at(harness: &mut Harness<'_, HuimouApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
}

/// Clicks the primary button at a screen position.
pub fn click_at(harness: &mut Harness<'_, HuimouApp>, pos: Pos2) {
    queue_click_at(harness, pos);
    harness.run();
}

/// The label of the widget that has the keyboard, or "" when none has (or it has no label).
pub fn focused_label(harness: &Harness<'_, HuimouApp>) -> String {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    harness
        .query_all_by_label_contains("")
        .find(|node| node.accesskit_node().is_focused())
        .and_then(|node| node.accesskit_node().label())
        .unwrap_or_default()
}

/// Every text painted last frame, in paint order (labels, chart value labels and axes alike).
pub fn painted_texts(harness: &Harness<'_, HuimouApp>) -> Vec<String> {
    let mut texts = Vec::new();
    for clipped in &harness.output().shapes {
        visit_text(&clipped.shape, &mut |text| {
            texts.push(text.galley.job.text.clone())
        });
    }
    texts
}

/// The texts painted last frame that were cut short with … to fit.
pub fn elided_texts(harness: &Harness<'_, HuimouApp>) -> Vec<String> {
    let mut texts = Vec::new();
    for clipped in &harness.output().shapes {
        visit_text(&clipped.shape, &mut |text| {
            if text.galley.elided {
                texts.push(text.galley.job.text.clone());
            }
        });
    }
    texts
}

/// The viewer before its first frame, so a test can look at that frame.
pub fn viewer_before_first_frame(mut settings: Settings) -> Harness<'static, HuimouApp> {
    settings
        .language
        .get_or_insert(huimou::viewer::i18n::Lang::Zh);
    build_viewer(
        Harness::builder().with_size(SIZE),
        settings,
        Startup::default(),
    )
}

/// Every text painted last frame and where, rounded to whole points.
pub fn painted_layout(harness: &Harness<'_, HuimouApp>) -> Vec<(String, [i32; 2])> {
    let mut layout = Vec::new();
    for clipped in &harness.output().shapes {
        visit_text(&clipped.shape, &mut |text| {
            let at = [text.pos.x.round() as i32, text.pos.y.round() as i32];
            layout.push((text.galley.job.text.clone(), at));
        });
    }
    layout
}

/// Every text painted last frame with the rectangle it covers.
pub fn painted_rects(harness: &Harness<'_, HuimouApp>) -> Vec<(String, egui::Rect)> {
    let mut rects = Vec::new();
    for clipped in &harness.output().shapes {
        visit_text(&clipped.shape, &mut |text| {
            let rect = text.galley.rect.translate(text.pos.to_vec2());
            rects.push((text.galley.job.text.clone(), rect));
        });
    }
    rects
}

/// Clicks the secondary (right) button at a screen position.
pub fn right_click_at(harness: &mut Harness<'_, HuimouApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}

/// A file dropped on the window, as the system hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window; the next frame receives it.
pub fn drop_file(harness: &mut Harness<'_, HuimouApp>, path: std::path::PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
}

/// The `.ron` files of a folder under `tests/data`, sorted.
pub fn data_files(folder: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(data(folder))
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// Types `query` into the search box, as a reader would: focus it, then type.
pub fn type_query(harness: &mut Harness<'_, HuimouApp>, query: &str) {
    use egui_kittest::kittest::Queryable as _;
    // The box's name in the interface's script: 搜索, or 搜尋 for a traditional report.
    let name = ["搜索", "搜尋"]
        .into_iter()
        .find(|name| {
            harness
                .query_by_role_and_label(egui::accesskit::Role::TextInput, name)
                .is_some()
        })
        .expect("a search box");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, name)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, name)
        .type_text(query);
    harness.run();
}

/// Runs the viewer until the in-app file dialog's thread has answered (a folder listed, a
/// typed path looked at) and the window has taken the answer in: the dialog never waits for
/// the disk in a frame, so a test waits for it here.
pub fn settle(harness: &mut Harness<'_, HuimouApp>) {
    run_until_settled(harness);
    for _ in 0..2_000 {
        let waiting = harness
            .state()
            .file_dialogs
            .in_app
            .as_ref()
            .is_some_and(|d| d.waiting());
        if !waiting {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    // One frame takes the answer in, the next acts on a chosen file; opening a report takes a
    // few frames more than one `run` allows.
    run_until_settled(harness);
    run_until_settled(harness);
}

/// Runs frames until the viewer asks for no more, a few `run`s' worth at most.
fn run_until_settled(harness: &mut Harness<'_, HuimouApp>) {
    for _ in 0..8 {
        if harness.run_ok().is_some() {
            return;
        }
    }
    panic!("the viewer kept asking for frames");
}
