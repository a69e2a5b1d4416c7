//! Nothing lost: saves show at once, bad saves keep the report, damaged settings and crashes
//! of the run before are survived and told.

use crate::common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{data, viewer_with};
use egui_kittest::kittest::Queryable as _;
use huimou::Origin;
use huimou::viewer::app::Startup;
use huimou::viewer::commands::{SystemCommand, UiCommand};
use huimou::viewer::place::View;
use huimou::viewer::session::Diagnostics;
use huimou::viewer::settings::Settings;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("huimou-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Saves `text` to `path` the way many editors do: a new file renamed over the old one.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("ron.saving");
    std::fs::write(&tmp, text).expect("write");
    std::fs::rename(&tmp, path).expect("rename");
}

/// Runs frames until `done` holds, for at most ten seconds; returns how long it took.
fn frames_until(
    harness: &mut egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>,
    done: impl Fn(&huimou::viewer::app::HuimouApp) -> bool,
) -> Duration {
    let started = Instant::now();
    while !done(harness.state()) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the viewer did not notice the save"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    started.elapsed()
}

#[test]
fn a_saved_dataset_reloads_and_a_bad_save_keeps_the_report() {
    let dir = temp_dir("reload");
    let path = dir.join("report.ron");
    let good = std::fs::read_to_string(data("good/minimal.ron")).expect("file");
    std::fs::write(&path, &good).expect("write");
    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            file: Some(path.clone()),
            view: Some(View::Chapter(1)),
            ..Startup::default()
        },
    );
    assert_eq!(
        harness.state().session().dataset().report.title,
        "示例协会工作回眸"
    );

    // A good save: the new report shows, on the same chapter.
    save(&path, &good.replace("示例协会工作回眸", "第二稿"));
    let took = frames_until(&mut harness, |app| {
        app.session().dataset().report.title == "第二稿"
    });
    eprintln!("a save showed after {took:?}");
    assert_eq!(harness.state().view(), View::Chapter(1));
    harness.run();
    harness.get_by_label("科普");

    // A save with an error: the report stays and the error is shown where it is.
    save(&path, &good.replace("number: 2,", "number: 2"));
    frames_until(&mut harness, |app| {
        matches!(
            app.session().diagnostics(),
            Some(Diagnostics::ReloadFailed(_))
        )
    });
    harness.run();
    assert_eq!(harness.state().session().dataset().report.title, "第二稿");
    harness.get_by_label("保存的数据集有错误");
    harness.get_by_label_contains("report.ron:34:");

    // The next good save clears the errors.
    save(&path, &good.replace("示例协会工作回眸", "第三稿"));
    frames_until(&mut harness, |app| {
        app.session().dataset().report.title == "第三稿"
    });
    assert!(harness.state().session().diagnostics().is_none());

    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn the_embedded_report_is_not_watched_and_a_deleted_file_keeps_the_report() {
    let dir = temp_dir("deleted");
    let path = dir.join("report.ron");
    std::fs::copy(data("good/minimal.ron"), &path).expect("copy");
    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            file: Some(path.clone()),
            ..Startup::default()
        },
    );
    assert!(harness.state().watcher().is_some());
    std::fs::remove_file(&path).expect("delete");
    frames_until(&mut harness, |app| {
        matches!(
            app.session().diagnostics(),
            Some(Diagnostics::ReloadFailed(_))
        )
    });
    assert_eq!(
        harness.state().session().dataset().report.title,
        "示例协会工作回眸"
    );

    harness.state_mut().push(UiCommand::OpenEmbedded);
    harness.run();
    assert!(harness.state().watcher().is_none());
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn damaged_or_strange_saved_settings_start_with_defaults() {
    assert_eq!(Settings::restore(None), Settings::default());
    for damaged in [
        "",
        "(view: Chapter(",
        "not ron at all",
        "[1, 2, 3]",
        "(zoom: \"big\")",
    ] {
        assert_eq!(
            Settings::restore(Some(damaged)),
            Settings::default(),
            "{damaged}"
        );
    }
    // Unknown fields from a newer version and missing ones from an older are fine.
    let newer = Settings::restore(Some("(zoom: 1.5, colour_scheme: \"sepia\")"));
    assert!((newer.zoom - 1.5).abs() < 1e-6);
    // Out-of-range values are brought back into range.
    assert!((Settings::restore(Some("(zoom: NaN)")).zoom - 1.0).abs() < 1e-6);
    assert!((Settings::restore(Some("(zoom: 1000.0)")).zoom - 3.0).abs() < 1e-6);

    // And the viewer starts on them.
    let settings = Settings::restore(Some("(view: Chapter(99), zoom: inf)"));
    let harness = viewer_with(settings, Startup::default());
    assert_eq!(harness.state().view(), View::Overview);
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 1e-6);
}

#[test]
fn a_crash_of_the_run_before_is_shown_once_with_its_report() {
    let dir = temp_dir("crash-notice");
    std::fs::write(
        dir.join(huimou::viewer::logging::CRASH_FILE),
        "Huimou 0.1.0 panicked\nmessage: index out of bounds\nat: src/x.rs:1:1\n",
    )
    .expect("write");
    let crash = huimou::viewer::logging::pending_crash_report(&dir).expect("a crash report");
    assert_eq!(crash.message, "index out of bounds");
    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            crash: Some(crash),
            ..Startup::default()
        },
    );
    harness.run();
    harness.get_by_label("上次运行意外结束");
    harness.get_by_label("错误：index out of bounds");
    let shown = dir.join(huimou::viewer::logging::SHOWN_CRASH_FILE);
    harness.get_by_label(&shown.display().to_string());
    assert!(shown.exists(), "the report is kept");
    assert!(
        huimou::viewer::logging::pending_crash_report(&dir).is_none(),
        "and not shown at the next start"
    );
    harness.get_by_label("知道了").click();
    harness.run();
    assert!(harness.state().crash().is_none());
    std::fs::remove_dir_all(&dir).expect("clean up");
}

/// A crash report left by a run that had `file` open.
fn crash_with_file(
    dir: &std::path::Path,
    file: &std::path::Path,
) -> huimou::viewer::logging::Crash {
    std::fs::write(
        dir.join(huimou::viewer::logging::CRASH_FILE),
        format!(
            "Huimou 0.1.0 panicked\nmessage: boom\nat: src/x.rs:1:1\nfile: {}\nstack:\n",
            file.display()
        ),
    )
    .expect("write");
    huimou::viewer::logging::pending_crash_report(dir).expect("a crash report")
}

#[test]
fn a_file_that_crashed_the_run_before_is_offered_not_reopened() {
    let dir = temp_dir("crash-file");
    let file = dir.join("report.ron");
    std::fs::copy(common::data("good/minimal.ron"), &file).expect("copy");
    let crash = crash_with_file(&dir, &file);
    assert_eq!(crash.file.as_deref(), Some(file.as_path()));
    let settings = Settings {
        last_file: Some(file.clone()),
        recent_files: vec![file.clone()],
        ..Settings::default()
    };
    let start = |settings: Settings, crash| {
        viewer_with(
            settings,
            Startup {
                crash: Some(crash),
                ..Startup::default()
            },
        )
    };
    let mut harness = start(settings.clone(), crash.clone());
    assert_eq!(harness.state().session().dataset().origin, Origin::Embedded);
    harness.get_by_label(&file.display().to_string());
    harness.get_by_label("重新打开").click();
    harness.run();
    assert_eq!(
        harness.state().session().dataset().origin,
        Origin::File(file.clone())
    );
    assert!(harness.state().crash().is_none());

    let mut harness = start(settings, crash_with_file(&dir, &file));
    harness.get_by_label("忘记这个文件").click();
    harness.run();
    assert_eq!(harness.state().session().dataset().origin, Origin::Embedded);
    assert_eq!(harness.state().settings().last_file, None);
    assert!(harness.state().settings().recent_files.is_empty());
    std::fs::remove_dir_all(&dir).expect("clean up");
}

/// A copy of the small test dataset with its second chapter's text replaced.
fn dataset_with_text(name: &str, text: &str) -> (PathBuf, PathBuf) {
    let dir = temp_dir(name);
    let path = dir.join("report.ron");
    let good = std::fs::read_to_string(data("good/minimal.ron")).expect("file");
    let old = "2018 年比例达到 **11.7%**，较 2012 年的 **6.2%** 提高。";
    assert!(good.contains(old));
    std::fs::write(&path, good.replace(old, text)).expect("write");
    (dir, path)
}

fn open_at_second_chapter(
    path: &Path,
) -> egui_kittest::Harness<'static, huimou::viewer::app::HuimouApp> {
    viewer_with(
        Settings::default(),
        Startup {
            file: Some(path.to_path_buf()),
            view: Some(View::Chapter(1)),
            ..Startup::default()
        },
    )
}

/// Clicks at `pos` and returns the URLs the viewer asked the system to open in that frame.
fn urls_opened_by_click(
    harness: &mut egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>,
    pos: egui::Pos2,
) -> Vec<String> {
    common::queue_click_at(harness, pos);
    harness.step();
    let urls = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect();
    harness.run();
    urls
}

#[test]
fn a_web_address_opens_only_when_clicked_and_other_schemes_never() {
    let text = "2018 年比例达到 **11.7%**，较 2012 年的 **6.2%** 提高，详见 https://example.org/report?id=7。另见 file:///etc/passwd 与 javascript://alert。";
    let (dir, path) = dataset_with_text("links", text);
    let mut harness = open_at_second_chapter(&path);
    // Drawing and hovering open nothing.
    let link =
        common::text_position(&harness, "https://example.org").expect("the address is shown");
    harness.hover_at(link);
    harness.run();
    assert!(
        !harness
            .output()
            .platform_output
            .commands
            .iter()
            .any(|c| matches!(c, egui::OutputCommand::OpenUrl(_)))
    );

    assert_eq!(
        urls_opened_by_click(&mut harness, link),
        ["https://example.org/report?id=7"]
    );
    for other in ["file:///etc/passwd", "javascript://alert"] {
        let at = common::text_position(&harness, other).expect("shown as text");
        assert!(urls_opened_by_click(&mut harness, at).is_empty(), "{other}");
    }
    std::fs::remove_dir_all(&dir).expect("clean up");
}

/// Every piece of text painted last frame, joined.
fn painted_text(harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>) -> String {
    let mut all = String::new();
    for clipped in &harness.output().shapes {
        collect_text(&clipped.shape, &mut all);
    }
    all
}

fn collect_text(shape: &egui::Shape, out: &mut String) {
    match shape {
        egui::Shape::Text(text) => out.push_str(&text.galley.job.text),
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect_text(s, out)),
        _ => {}
    }
}

#[test]
fn a_megabyte_paragraph_shows_its_start_and_more_on_request() {
    let text = format!(
        "2018 年比例达到 **11.7%**，较 2012 年的 **6.2%** 提高。{}篇末标记",
        "科学普及".repeat(90_000)
    );
    assert!(text.len() > 1_000_000);
    let (dir, path) = dataset_with_text("long", &text);
    let mut harness = open_at_second_chapter(&path);
    let shown = painted_text(&harness);
    assert!(shown.contains("2018 年比例达到"));
    assert!(!shown.contains("篇末标记"), "only the start is laid out");
    let total = text.chars().count() - 8; // the two marks' `**` are not shown
    let button = format!("展开全文（共 {total} 字）");
    // A search that matches after the cut says so.
    harness.state_mut().push(SystemCommand::SetQuery {
        query: "篇末".to_owned(),
        in_table: false,
    });
    harness.run();
    harness.get_by_label("后文还有 1 处匹配");
    harness.state_mut().push(UiCommand::ClearSearch);
    harness.run();

    harness.get_by_label(&button).click();
    harness.run();
    assert!(
        painted_text(&harness).contains("篇末标记"),
        "the whole text"
    );
    let collapse: Vec<_> = harness.get_all_by_label("收起全文").collect();
    assert_eq!(collapse.len(), 2, "above and below the whole text");
    collapse[0].click();
    harness.run();
    assert!(!painted_text(&harness).contains("篇末标记"));
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn any_search_text_is_safe() {
    let long = "科".repeat(10_000);
    for query in [
        "a.*(b|[c",
        "\\d+$^",
        "%s%n{}",
        "\u{1F600}\u{1F680}",
        "\u{200B}\u{FEFF}",
        "\u{0301}e\u{0301}",
        long.as_str(),
        "\n\t\r",
        // Letters read as pinyin: ambiguous runs and very long ones.
        &"xian".repeat(10),
        &"xian".repeat(2_500),
        &"a".repeat(10_000),
    ] {
        for scope in [
            huimou::viewer::place::SearchScope::Report,
            huimou::viewer::place::SearchScope::Chapter,
        ] {
            let startup = Startup {
                view: Some(View::Chapter(3)),
                search: Some(query.to_owned()),
                ..Startup::default()
            };
            // Emoji have no glyph in the bundled fonts; on a desktop a system font draws them,
            // or a box stands in. What matters here is that nothing breaks.
            let builder = egui_kittest::Harness::builder()
                .with_size(common::SIZE)
                .allow_missing_glyphs();
            let settings = Settings {
                language: Some(huimou::viewer::i18n::Lang::Zh),
                ..Settings::default()
            };
            let mut harness = common::build_viewer(builder, settings, startup);
            harness
                .state_mut()
                .push(SystemCommand::SetSearchScope(scope));
            harness.run();
            // What the reader sees: the search says it found nothing, in the chapter or in
            // the whole report, rather than a list that is wrong or a window that broke.
            let said = match scope {
                // Only white space is no search: the chapter is shown whole.
                _ if query.trim().is_empty() => "主要举措",
                huimou::viewer::place::SearchScope::Chapter => "本章没有符合「",
                huimou::viewer::place::SearchScope::Report => "没有找到。试试更短的词",
            };
            let painted = common::painted_texts(&harness);
            assert!(
                painted.iter().any(|text| text.contains(said)),
                "{:.40} in {scope:?}: no 「{said}」 among {} texts",
                query,
                painted.len()
            );
        }
    }
    // And what does match is still found beside such characters.
    let index = huimou::search::SearchIndex::new(&huimou::document::load::embedded().report);
    assert!(!index.search("科普", None).is_empty());
    assert!(index.search("\u{1F600}科普", None).is_empty());
}

#[test]
fn ten_thousand_chapters_stay_navigable() {
    let dir = temp_dir("many-chapters");
    let path = dir.join("many.ron");
    let mut text = String::from("(format_version: 1, title: \"万章\", chapters: [\n");
    for c in 1..=10_000 {
        text.push_str(&format!(
            "(id: \"c{c}\", number: {c}, name: \"章{c}\", headline: \"标题{c}\", initiatives: [(id: \"i{c}\", title: \"举措{c}\", text: \"共 **{c}** 项。\", figures: [(id: \"f{c}\", label: \"项目\", value: {c}, unit: \"项\")])]),\n"
        ));
    }
    text.push_str("])\n");
    std::fs::write(&path, text).expect("write");
    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            file: Some(path),
            ..Startup::default()
        },
    );
    // The overview shows the first cards.
    harness.get_by_label("第 1 章 章1");
    // Only what is in view is laid out: the last chapter's card and entry are not.
    assert!(harness.query_by_label("第 10000 章 章10000").is_none());
    assert!(harness.query_by_label("10000 章10000").is_none());

    // A chapter opened from elsewhere is brought into view in the navigation.
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(4_999)));
    harness.run();
    harness.get_by_label("5000 章5000");
    harness.get_by_label("举措5000");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn a_shelf_s_folder_is_watched_a_report_added_or_saved_shows() {
    let dir = temp_dir("shelf-watch");
    let shelf = data("shelf");
    for name in ["示例市政府工作报告-2022.ron", "示例市政府工作报告-2023.ron"] {
        std::fs::copy(shelf.join(name), dir.join(name)).expect("copy");
    }
    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            file: Some(dir.clone()),
            view: Some(View::Chapter(0)),
            ..Startup::default()
        },
    );
    let reports = |app: &huimou::viewer::app::HuimouApp| {
        app.session().shelf().map_or(0, |on| on.shelf.reports.len())
    };
    assert_eq!(reports(harness.state()), 2);
    assert!(harness.state().watcher().is_some(), "the folder is watched");
    // A report added to the folder joins the shelf; the report on screen stays, at its chapter.
    let district = "示例市示例区政府工作报告-2023.ron";
    let text = std::fs::read_to_string(shelf.join(district)).expect("fixture");
    save(&dir.join(district), &text);
    frames_until(&mut harness, |app| reports(app) == 3);
    let app = harness.state();
    let on = app.session().shelf().expect("shelf");
    assert!(
        on.shelf.reports[on.report]
            .path
            .ends_with("示例市政府工作报告-2023.ron")
    );
    assert_eq!(app.view(), View::Chapter(0));
    // A file that is not a report changes nothing; a report saved again shows.
    std::fs::write(dir.join("notes.odt"), "x").expect("write");
    let city = dir.join("示例市政府工作报告-2023.ron");
    let saved = std::fs::read_to_string(&city)
        .expect("read")
        .replace("经济总量迈上新台阶", "第二稿");
    save(&city, &saved);
    frames_until(&mut harness, |app| {
        app.session().dataset().report.chapters[0].initiatives[0].title == "第二稿"
    });
    std::fs::remove_dir_all(&dir).expect("clean up");
}
