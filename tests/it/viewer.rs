//! The viewer driven as a user would, through egui_kittest (no GPU needed).

use crate::common;

use std::collections::HashMap;

use common::{
    click_at, data, rects_filled, text_position, text_with_background, viewer, viewer_with,
};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use huimou::viewer::app::Startup;
use huimou::viewer::commands::{Command, Export, SystemCommand, UiCommand};
use huimou::viewer::place::{SearchScope, View};
use huimou::viewer::session::Diagnostics;
use huimou::viewer::settings::Settings;
use huimou::viewer::ui::theme::Palette;

/// The palette the harness draws with (kittest follows the system theme, dark by default).
fn palette(harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>) -> Palette {
    Palette::new(harness.ctx.global_style().visuals.dark_mode)
}

#[test]
fn every_chapter_opens_from_the_navigation() {
    let mut harness = viewer();
    let chapters = harness.state().session().dataset().report.chapters.clone();
    for (c, chapter) in chapters.iter().enumerate() {
        harness
            .get_by_label(&format!("{} {}", chapter.number, chapter.name))
            .click();
        harness.run();
        assert_eq!(harness.state().view(), View::Chapter(c));
        // The panel shows the chapter's headline and the first initiative's title.
        harness.get_by_label(&chapter.headline);
        harness.get_by_label(&chapter.initiatives[0].title);
    }
    harness.get_by_label("总览").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Overview);
    harness.get_by_label("勇担使命 创新争先");
}

#[test]
fn overview_cards_open_their_chapter() {
    let mut harness = viewer();
    harness.get_by_label("第 3 章 创新").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(2));
}

#[test]
fn keyboard_moves_between_chapters() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(2));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(3));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(1));
    harness.key_press_modifiers(Modifiers::ALT, Key::Num0);
    harness.run();
    assert_eq!(harness.state().view(), View::Overview);
    // Past the last chapter, Next stays on it.
    harness.key_press_modifiers(Modifiers::ALT, Key::Num5);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(4));
}

#[test]
fn next_and_previous_buttons_end_a_chapter() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num1);
    harness.run();
    harness.get_by_label("下一章：2 资源 →").click_accesskit();
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(1));
    harness.get_by_label("← 上一章：1 思想").click_accesskit();
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(0));
}

#[test]
fn chapter_search_filters_and_highlights() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    common::type_query(&mut harness, "院士");

    // Only 聚集高端智力资源助力创新主体 of chapter 2 speaks of 院士.
    harness.get_by_label("聚集高端智力资源助力创新主体");
    assert!(
        harness
            .query_by_label("形成高质量调研成果服务科学决策")
            .is_none()
    );
    // The one match is lit, and the chapter's head says of how many initiatives.
    harness.get_by_label("1 / 1");
    harness.get_by_label("（1 / 4 项符合「院士」）");
    let highlighted = text_with_background(&harness, palette(&harness).match_background);
    assert!(
        highlighted.iter().filter(|t| t.as_str() == "院士").count() >= 2,
        "{highlighted:?}"
    );

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().session().search().query().is_empty());
    harness.get_by_label("形成高质量调研成果服务科学决策");
    assert!(text_with_background(&harness, palette(&harness).match_background).is_empty());
}

#[test]
fn search_matches_figure_labels_and_ignores_width_and_case() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "搜索")
        .type_text("ＡＰＰ");
    harness.run();
    harness.get_by_label("全文搜索「ＡＰＰ」：1 项举措");
    harness.get_by_label("巩固科普阵地，深挖社会化科普效能");
}

#[test]
fn whole_report_search_lists_results_by_chapter_and_opens_one() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num1);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert_eq!(
        harness.state().session().search().scope(),
        SearchScope::Report
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "搜索")
        .type_text("科技会堂");
    harness.run();

    harness.get_by_label("全文搜索「科技会堂」：1 项举措");
    // The chapter heads its group of results (and stays in the navigation).
    assert_eq!(harness.get_all_by_label("5 建设").count(), 2);
    harness.get_by_label("丰富科技会堂服务功能");
    assert!(
        text_with_background(&harness, palette(&harness).match_background)
            .contains(&"科技会堂".to_owned())
    );

    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(4));
    // The initiative was scrolled into view (its card, not its result in the list beside).
    let card = harness
        .get_all_by_label("丰富科技会堂服务功能")
        .find(|node| node.accesskit_node().role() != egui::accesskit::Role::Button)
        .expect("the initiative's card")
        .rect();
    assert!(
        card.min.y >= 0.0 && card.max.y <= common::SIZE[1],
        "{card:?}"
    );
}

#[test]
fn clicking_a_bar_highlights_its_figure_in_the_text() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    let bar = harness
        .state()
        .drawn
        .bar_center("patents")
        .expect("the patents bar was drawn");
    click_at(&mut harness, bar);
    let (patents, _) = harness
        .state()
        .session()
        .dataset()
        .figure_by_id("patents")
        .expect("figure");
    assert_eq!(harness.state().session().selection(), Some(patents));
    harness.run();
    assert_eq!(
        text_with_background(&harness, palette(&harness).selection_background),
        ["2508"]
    );
    assert!(
        rects_filled(&harness, palette(&harness).accent) >= 1,
        "the selected bar is drawn in the accent colour"
    );
}

#[test]
fn clicking_a_figure_in_the_text_highlights_its_bar() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    assert_eq!(rects_filled(&harness, palette(&harness).accent), 0);
    let figure = text_position(&harness, "522").expect("522 is on screen");
    click_at(&mut harness, figure);
    let (technologies, _) = harness
        .state()
        .session()
        .dataset()
        .figure_by_id("key-technologies")
        .expect("figure");
    assert_eq!(harness.state().session().selection(), Some(technologies));
    harness.run();
    assert!(rects_filled(&harness, palette(&harness).accent) >= 1);
}

#[test]
fn a_malformed_dataset_shows_its_diagnostics_and_keeps_the_report() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    harness
        .state_mut()
        .push(SystemCommand::Open(data("bad/duplicate-figure-id.ron")));
    harness.run();
    assert!(matches!(
        harness.state().session().diagnostics(),
        Some(Diagnostics::Failed(_))
    ));
    harness.get_by_label_contains("duplicate-figure-id.ron:22:30");
    harness.get_by_label("数据 id `patents` 重复了");
    // The Chengdu report is still on screen, on the same chapter.
    assert_eq!(harness.state().view(), View::Chapter(1));
    assert_eq!(
        harness.state().session().dataset().report.title,
        "成都市科学技术协会八大以来工作回眸"
    );
    harness.get_by_label("聚集高端智力资源助力创新主体");

    harness.get_by_label("关闭").click();
    harness.run();
    assert!(harness.state().session().diagnostics().is_none());
}

#[test]
fn a_dropped_dataset_opens() {
    let mut harness = viewer();
    common::drop_file(&mut harness, data("good/minimal.ron"));
    harness.run();
    assert_eq!(
        harness.state().session().dataset().report.title,
        "示例协会工作回眸"
    );
    assert!(harness.get_all_by_label("示例协会工作回眸").count() >= 1);
    assert_eq!(
        harness.state().settings().recent_files,
        [data("good/minimal.ron")]
    );
}

#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

#[test]
fn theme_zoom_chapter_and_files_persist_through_save_and_load() {
    let persist = || Startup {
        persist: true,
        ..Startup::default()
    };
    let mut harness = viewer_with(Settings::default(), persist());
    harness.state_mut().push(UiCommand::ThemeDark);
    // Two steps of the table's zoom: 1.1 × 1.1.
    harness.state_mut().push(UiCommand::ZoomIn);
    harness.state_mut().push(UiCommand::ZoomIn);
    harness
        .state_mut()
        .push(SystemCommand::Open(data("good/minimal.ron")));
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(1)));
    harness.run();
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    assert!(
        !storage.0.values().any(|v| v.contains("公民科学素质比例")),
        "the dataset's content is never saved"
    );

    let settings: Settings =
        eframe::get_value(&storage, eframe::APP_KEY).expect("settings were saved");
    let harness = viewer_with(settings, persist());
    assert_eq!(
        harness.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Dark
    );
    assert!((harness.ctx.zoom_factor() - 1.21).abs() < 1e-5);
    assert_eq!(harness.state().view(), View::Chapter(1));
    assert_eq!(
        harness.state().session().dataset().report.title,
        "示例协会工作回眸"
    );
    assert_eq!(
        harness.state().settings().recent_files,
        [data("good/minimal.ron")]
    );
}

#[test]
fn corrupt_or_missing_remembered_file_falls_back_to_the_embedded_report() {
    let settings = Settings {
        last_file: Some(data("no-such-file.ron")),
        view: View::Chapter(40),
        ..Settings::default()
    };
    let harness = viewer_with(settings, Startup::default());
    assert_eq!(harness.state().session().dataset().report.chapters.len(), 5);
    assert_eq!(harness.state().view(), View::Overview);
    assert!(matches!(
        harness.state().session().diagnostics(),
        Some(Diagnostics::Failed(_))
    ));
}

#[test]
fn dragging_a_bar_chart_keeps_its_zero_baseline() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    let from = harness
        .state()
        .drawn
        .bar_center("patents")
        .expect("the patents bar was drawn");
    harness.event(egui::Event::PointerMoved(from));
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    for step in 1..=6 {
        harness.event(egui::Event::PointerMoved(
            from + egui::vec2(20.0 * step as f32, 10.0 * step as f32),
        ));
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: from + egui::vec2(120.0, 60.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    // The bars stay where they were: nothing pans or zooms a bar chart.
    assert_eq!(harness.state().drawn.bar_center("patents"), Some(from));
}

#[test]
fn hovering_a_bar_or_its_label_shows_the_figure_s_tooltip() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    let bar = harness
        .state()
        .drawn
        .bar_center("patents")
        .expect("the patents bar was drawn");
    harness.event(egui::Event::PointerMoved(bar));
    for _ in 0..20 {
        harness.step();
    }
    harness.run();
    // The same tooltip as the figure in the text: value as written and where it comes from.
    harness.get_by_label("出自：聚集高端智力资源助力创新主体");

    // The category label, in its column left of the bars, answers the same way.
    harness.event(egui::Event::PointerMoved(egui::pos2(0.0, 0.0)));
    harness.run();
    assert!(
        harness
            .query_by_label("出自：聚集高端智力资源助力创新主体")
            .is_none()
    );
    let label = text_position(&harness, "申请专利").expect("the category label is drawn");
    assert!(label.x < bar.x, "the label is left of its bar");
    harness.event(egui::Event::PointerMoved(label));
    for _ in 0..20 {
        harness.step();
    }
    harness.run();
    harness.get_by_label("出自：聚集高端智力资源助力创新主体");
}

#[test]
fn presenting_shows_slides_moved_by_keys_and_esc_leaves() {
    use huimou::viewer::ui::present::{self, Slide};
    let mut harness = viewer();
    let zoom = harness.ctx.zoom_factor();
    let (canvas, _) = present::canvas_for(egui::Vec2::from(common::SIZE));
    let slides = present::slides(&harness.state().session().dataset().report, canvas);
    let count = slides.len();
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().presenting());
    // The canvas scaled to the 1280×900 window: its width decides.
    let fit = (common::SIZE[0] / present::CANVAS.x).min(common::SIZE[1] / present::CANVAS.y);
    assert!((harness.ctx.zoom_factor() - fit).abs() < 1e-3);
    // No menus, navigation or search while presenting; the slide counter instead.
    assert!(harness.query_by_label("文件").is_none());
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::TextInput, "搜索")
            .is_none()
    );
    harness.get_by_label(&format!("1 / {count}"));
    harness.get_by_label("成都市科学技术协会八大以来工作回眸");

    // Every press counts: three quick presses move three slides.
    harness.key_press(Key::ArrowRight);
    harness.key_press(Key::PageDown);
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(harness.state().session().slide(), 3);
    harness.get_by_label(&format!("4 / {count}"));
    let Slide::Chapter { chapter, .. } = slides[3] else {
        panic!("{:?} is not a chapter's slide", slides[3]);
    };
    // A chapter's first slide: its key figures, then as many charts as fit.
    assert_eq!(chapter, 1);
    harness.get_by_label("资源");
    harness.get_by_label("553项");
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(harness.state().session().slide(), count - 1);
    harness.key_press(Key::Home);
    harness.key_press(Key::ArrowRight);
    harness.run();
    // The contents list every chapter.
    harness.get_by_label("目录");

    harness.key_press(Key::PageDown);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().presenting());
    // Back where the presentation was, at the reader's own zoom.
    assert_eq!(harness.state().view(), View::Chapter(0));
    assert!((harness.ctx.zoom_factor() - zoom).abs() < 1e-4);
    harness.get_by_label("文件");
}

#[test]
fn the_command_palette_finds_chapters_commands_and_initiatives_by_pinyin() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    assert!(harness.state().windows().palette.is_some());
    let palette_box = || (egui::accesskit::Role::TextInput, "命令面板");
    harness
        .get_by_role_and_label(palette_box().0, palette_box().1)
        .type_text("kp");
    harness.run();
    // The chapter 科普 comes first (a chapter before initiatives of the same match).
    let found =
        huimou::viewer::ui::palette::entries(&harness.state().context(), &harness.ctx, "kp");
    assert_eq!(found[0].name, "第 4 章 科普");
    assert!(
        found
            .iter()
            .any(|e| e.name == "注重融合发展，现代科普传播体系日益成熟")
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().windows().palette.is_none());
    assert_eq!(harness.state().view(), View::Chapter(3));

    // A command by the pinyin of its name, chosen with the arrow keys.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness
        .get_by_role_and_label(palette_box().0, palette_box().1)
        .type_text("shense");
    harness.run();
    let first =
        huimou::viewer::ui::palette::entries(&harness.state().context(), &harness.ctx, "shense");
    assert!(
        matches!(first[0].command, Command::Ui(UiCommand::ThemeDark)),
        "{first:?}"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().settings().theme,
        egui::ThemePreference::Dark
    );

    // Esc closes it without doing anything.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().windows().palette.is_none());
    assert_eq!(harness.state().view(), View::Chapter(3));
}

#[test]
fn palette_scores_prefer_the_typed_characters() {
    use huimou::viewer::ui::palette::score;
    assert_eq!(score("科普", "科普"), Some(6));
    assert_eq!(score("科普阵地", "科普"), Some(5));
    assert_eq!(score("市级科普", "科普"), Some(4));
    assert_eq!(score("科普", "kepu"), Some(3));
    assert_eq!(score("科普", "kp"), Some(3));
    assert_eq!(score("市级科普", "kp"), Some(2));
    assert_eq!(score("Keyboard shortcuts", "kbs"), Some(1));
    assert_eq!(score("科普", "zz"), None);
}

#[test]
fn the_palette_finds_commands_by_either_name_or_what_they_do_and_ranks_starts_first() {
    let mut harness = viewer();
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(1)));
    harness.run();
    let app = harness.state();
    let names = |query: &str| -> Vec<String> {
        huimou::viewer::ui::palette::entries(&app.context(), &harness.ctx, query)
            .into_iter()
            .map(|e| e.name)
            .collect()
    };
    // "zhuti" (主题) and "theme" find the three themes in the Chinese interface.
    for query in ["zhuti", "theme"] {
        let found = names(query);
        for theme in ["浅色", "深色", "跟随系统"] {
            assert!(found.iter().any(|n| n == theme), "{query}: {found:?}");
        }
    }
    // "ys": the chart whose name starts with 院士 comes before names with 与数, 验室, 要素 or
    // 业生 inside them.
    let found = names("ys");
    let academicians = found
        .iter()
        .position(|n| n.contains("院士(专家)创新工作站"))
        .expect("the chart of chapter 2 is offered");
    for inside in ["与数", "验室", "要素", "业生"] {
        if let Some(at) = found.iter().position(|n| n.contains(inside)) {
            assert!(academicians < at, "{found:?}");
        }
    }
}

#[test]
fn the_palette_offers_the_charts_and_the_selected_figure() {
    let mut harness = viewer();
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(1)));
    harness.state_mut().push(SystemCommand::SelectFigure(
        huimou::document::dataset::FigureRef {
            chapter: 1,
            initiative: 3,
            figure: 1,
        },
    ));
    harness.run();
    let found =
        huimou::viewer::ui::palette::entries(&harness.state().context(), &harness.ctx, "导出图表");
    assert_eq!(
        found.len(),
        8,
        "PNG and CSV for each of the chapter's four charts"
    );
    let copy =
        huimou::viewer::ui::palette::entries(&harness.state().context(), &harness.ctx, "复制");
    assert!(matches!(
        copy[0].command,
        Command::System(SystemCommand::CopyFigure(_))
    ));
    assert_eq!(copy[0].name, "复制选中的数据：柔性引进院士");
}

#[test]
fn a_chart_over_many_figures_draws_thirty_bars_and_counts_the_rest() {
    let figures = 100;
    let initiatives: Vec<String> = (0..figures)
        .map(|i| {
            format!(
                "(id: \"i{i}\", title: \"举措{i}\", text: \"建成 **{i}** 个。\", \
                 figures: [(id: \"f{i}\", label: \"站点{i}\", value: {i}, unit: \"个\")])"
            )
        })
        .collect();
    let ids: Vec<String> = (0..figures).map(|i| format!("\"f{i}\"")).collect();
    let text = format!(
        "(format_version: 1, title: \"大图表\", chapters: [(id: \"c\", number: 1, name: \"大图表\", \
         headline: \"一百个数据\", initiatives: [{}], \
         charts: [(title: \"全部站点\", kind: Bars, figures: [{}])])])",
        initiatives.join(","),
        ids.join(",")
    );
    let dir = std::env::temp_dir().join(format!("huimou-many-bars-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("chart.ron");
    std::fs::write(&path, text).expect("write");
    let harness = viewer_with(
        Settings::default(),
        Startup {
            file: Some(path),
            view: Some(View::Chapter(0)),
            ..Startup::default()
        },
    );
    harness.get_by_label("另有 70 项数据未画出（导出 CSV 可得全部）");
    let drawn = (0..figures)
        .filter(|i| harness.state().drawn.bar_center(&format!("f{i}")).is_some())
        .count();
    assert_eq!(drawn, huimou::viewer::ui::charts::MAX_BARS);
    std::fs::remove_dir_all(&dir).expect("clean up");
}

/// A report of ten chapters in a temporary file, so that every one of Alt+1 … Alt+9 has a
/// chapter to open and one chapter has no key.
fn ten_chapters(dir_name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let chapters: Vec<String> = (0..10)
        .map(|c| {
            format!(
                "(id: \"c{c}\", number: {}, name: \"第{c}章\", headline: \"标题{c}\", \
                 initiatives: [(id: \"i{c}\", title: \"举措{c}\", text: \"建成 **{c}** 个。\", \
                 figures: [(id: \"f{c}\", label: \"站点{c}\", value: {c}, unit: \"个\")])], \
                 charts: [])",
                c + 1
            )
        })
        .collect();
    let text = format!(
        "(format_version: 1, title: \"十章\", chapters: [{}])",
        chapters.join(",")
    );
    let dir = std::env::temp_dir().join(format!("huimou-{dir_name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("ten.ron");
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// What a command's key needs to show what it does: somewhere to go back or forward to,
/// matches to step through.
fn prepare_for(
    harness: &mut egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>,
    command: huimou::viewer::commands::UiCommand,
) {
    use huimou::viewer::commands::UiCommand;
    let app = harness.state_mut();
    match command {
        UiCommand::Back => app.push(SystemCommand::Show(View::Chapter(4))),
        UiCommand::Forward => {
            app.push(SystemCommand::Show(View::Chapter(3)));
            app.push(UiCommand::Back);
        }
        UiCommand::FindNext | UiCommand::FindPrevious => {
            app.push(SystemCommand::SetSearchScope(SearchScope::Report));
            app.push(SystemCommand::SetQuery {
                query: "举措".to_owned(),
                in_table: false,
            });
            app.push(SystemCommand::OpenInitiative(
                huimou::document::dataset::InitiativeRef {
                    chapter: 0,
                    initiative: 0,
                },
            ));
        }
        _ => return,
    }
    harness.run();
}

/// Back to chapter 2 with nothing open and the focus nowhere, between two key presses.
fn reset_between_keys(harness: &mut egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>) {
    let app = harness.state_mut();
    if app.presenting() {
        app.push(UiCommand::Present);
    }
    if app.windows().palette.is_some() {
        app.push(UiCommand::Palette);
    }
    // The shortcuts window is modal: the keys after it would not reach what is behind.
    if app.windows().shortcuts {
        app.push(UiCommand::Shortcuts);
    }
    app.file_dialogs.in_app = None;
    app.push(SystemCommand::SetSearchScope(SearchScope::Chapter));
    app.push(UiCommand::ClearSearch);
    app.push(SystemCommand::Show(View::Chapter(1)));
    harness
        .ctx
        .memory_mut(|m| m.surrender_focus(huimou::viewer::ui::top_bar::search_box_id()));
    harness.run();
}

/// Presses one key with its modifiers in a single event and runs the frame that handles it;
/// says whether that frame asked to close the window.
fn press_shortcut(
    harness: &mut egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>,
    shortcut: egui::KeyboardShortcut,
) -> bool {
    harness.event(egui::Event::Key {
        key: shortcut.logical_key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: shortcut.modifiers,
    });
    harness.step();
    let closed = harness.output().viewport_output.values().any(|viewport| {
        viewport
            .commands
            .iter()
            .any(|command| matches!(command, egui::ViewportCommand::Close))
    });
    // A PDF being made shows a spinner until it is done.
    let started = std::time::Instant::now();
    while harness.state().making_pdf() && started.elapsed().as_secs() < 60 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.run();
    closed
}

/// The files printing opened, instead of the system's viewer.
static OPENED: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

fn record_opened(path: &std::path::Path) -> std::io::Result<()> {
    OPENED.lock().expect("lock").push(path.to_owned());
    Ok(())
}

#[test]
fn every_key_of_the_command_table_runs_its_command() {
    use huimou::viewer::commands::{KeyContext, UiCommand};
    let (dir, path) = ten_chapters("table-keys");
    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            file: Some(path),
            ..Startup::default()
        },
    );
    harness.state_mut().file_dialogs.force_in_app = true;
    harness.state_mut().open_file = record_opened;
    // egui closes on Ctrl+Q by itself; without that, only the table can.
    harness.ctx.options_mut(|o| o.quit_shortcuts.clear());
    let mut pressed = Vec::new();
    // Esc closes what is open: its own tests open something first.
    for command in UiCommand::all().filter(|c| *c != UiCommand::Close) {
        for (n, shortcut) in command.keys_in(KeyContext::Viewer).enumerate() {
            if !huimou::viewer::commands::applies(&harness.ctx, &shortcut) {
                continue;
            }
            reset_between_keys(&mut harness);
            prepare_for(&mut harness, command);
            let closed = press_shortcut(&mut harness, shortcut);
            let app = harness.state();
            match command {
                UiCommand::Overview => assert_eq!(app.view(), View::Overview),
                UiCommand::Figures => assert_eq!(app.view(), View::Figures),
                // With no import open there is nothing to review or save: said, not done.
                UiCommand::Review | UiCommand::SaveDataset => {
                    let status = app.status().expect("a message");
                    assert!(status.text.starts_with("没有要"), "{}", status.text);
                    assert_eq!(app.view(), View::Chapter(1));
                }
                // The n-th chapter key shows the n-th chapter.
                UiCommand::Chapter => assert_eq!(app.view(), View::Chapter(n), "{shortcut:?}"),
                UiCommand::PreviousChapter => assert_eq!(app.view(), View::Chapter(0)),
                UiCommand::NextChapter => assert_eq!(app.view(), View::Chapter(2)),
                UiCommand::SearchReport => {
                    assert_eq!(app.session().search().scope(), SearchScope::Report);
                    let id = huimou::viewer::ui::top_bar::search_box_id();
                    assert!(harness.ctx.memory(|m| m.has_focus(id)), "search focused");
                }
                // With no folder open there is no shelf: said, not done.
                UiCommand::Shelf => {
                    let status = app.status().expect("a message");
                    assert!(status.text.starts_with("没有打开书架"), "{}", status.text);
                    assert_eq!(app.view(), View::Chapter(1));
                }
                UiCommand::Open | UiCommand::Import | UiCommand::OpenFolder => {
                    let dialog = app.file_dialogs.in_app.as_ref().expect("a dialog");
                    let expected = match command {
                        UiCommand::Open => huimou::viewer::dialog::Purpose::Open,
                        UiCommand::OpenFolder => huimou::viewer::dialog::Purpose::OpenFolder,
                        _ => huimou::viewer::dialog::Purpose::Import,
                    };
                    assert_eq!(dialog.request.purpose, expected);
                }
                UiCommand::Palette => assert!(app.windows().palette.is_some()),
                UiCommand::Shortcuts => assert!(app.windows().shortcuts),
                UiCommand::Menus => assert_eq!(common::focused_label(&harness), "文件"),
                UiCommand::Present => assert!(app.presenting()),
                UiCommand::Quit => assert!(closed, "Ctrl+Q closes the window"),
                // From chapter 5 back to chapter 2; forward again to chapter 4.
                UiCommand::Back => assert_eq!(app.view(), View::Chapter(1), "{shortcut:?}"),
                UiCommand::Forward => assert_eq!(app.view(), View::Chapter(3), "{shortcut:?}"),
                // From the first of the ten results, the second, or back round to the last.
                UiCommand::FindNext => assert_eq!(app.view(), View::Chapter(1)),
                UiCommand::FindPrevious => assert_eq!(app.view(), View::Chapter(9)),
                UiCommand::Print => {
                    let opened = OPENED.lock().expect("lock").pop().expect("a file opened");
                    let bytes = std::fs::read(&opened).expect("the PDF");
                    assert!(bytes.starts_with(b"%PDF"), "{}", opened.display());
                    let status = app.status().expect("a message");
                    assert!(
                        !status.error && status.text.contains("打印"),
                        "{}",
                        status.text
                    );
                    let _ = std::fs::remove_file(opened);
                }
                other => panic!("{other:?} has a key: add a check of what it does"),
            }
            pressed.push(huimou::viewer::commands::format_shortcut(
                &harness.ctx,
                &shortcut,
            ));
        }
    }
    for keys in [
        "Alt+0", "Alt+1", "Alt+3", "Alt+9", "Alt+↑", "Alt+↓", "Ctrl+F", "Ctrl+K", "F5",
    ] {
        assert!(pressed.iter().any(|p| p == keys), "{keys} in {pressed:?}");
    }
    assert!(pressed.iter().any(|p| p == "Ctrl+Q"), "{pressed:?}");
    assert!(pressed.iter().any(|p| p == "Ctrl+P"), "{pressed:?}");

    // Behind the in-app file dialog the keys do nothing.
    reset_between_keys(&mut harness);
    harness.state_mut().push(UiCommand::Open);
    harness.run();
    let alt_3 = UiCommand::chapter_key(2).expect("Alt+3");
    press_shortcut(&mut harness, alt_3);
    assert_eq!(harness.state().view(), View::Chapter(1));
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn egui_zooms_with_its_keys_once_and_the_buttons_step_by_the_table() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    // egui's step is 0.1; the table's would make it 1.21 or 1.2 as well.
    assert!((harness.ctx.zoom_factor() - 1.1).abs() < 1e-4);
    assert!((harness.state().settings().zoom - 1.1).abs() < 1e-4);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert!((harness.ctx.zoom_factor() - 1.0).abs() < 1e-4);
    harness.get_by_label("＋").click();
    harness.run();
    let step = huimou::viewer::commands::ZOOM_STEP;
    assert!((harness.ctx.zoom_factor() - step).abs() < 1e-4);
    // Each step multiplies the zoom of the frame before.
    for _ in 0..15 {
        harness.state_mut().push(UiCommand::ZoomIn);
        harness.run();
    }
    assert_eq!(
        harness.ctx.zoom_factor(),
        *huimou::viewer::commands::ZOOM_RANGE.end()
    );
}

#[test]
fn the_shortcuts_window_lists_every_command_of_the_table() {
    use huimou::viewer::commands::UiCommand;
    let mut harness = viewer();
    let chapters = harness.state().session().dataset().report.chapters.len();
    assert_eq!(chapters, 5);
    // Every command with a key anywhere or in one place, by name and keys; those without, by
    // name; the chapter keys as far as the report has chapters.
    let texts: Vec<String> = UiCommand::all()
        .filter(|command| !command.bindings().is_empty() || command.in_palette())
        .flat_map(|command| {
            let keys = match command {
                UiCommand::Chapter => "Alt+1 … Alt+5".to_owned(),
                _ => command.all_shortcuts_text(&harness.ctx),
            };
            [command.text(&harness.ctx), keys]
        })
        .filter(|text| !text.is_empty())
        .collect();
    let count = |harness: &egui_kittest::Harness<'_, _>, text: &str| {
        harness.query_all_by_label(text).count()
    };
    let before: Vec<usize> = texts.iter().map(|t| count(&harness, t)).collect();
    harness.state_mut().push(UiCommand::Shortcuts);
    harness.run();
    for (text, before) in texts.iter().zip(before) {
        assert!(count(&harness, text) > before, "{text} is not listed");
    }
    // Its keys are the table's, as this platform writes them.
    harness.get_by_label("Ctrl+K");
    // Keys that count in one place, under its name.
    harness.get_by_label("在搜索框中");
    harness.get_by_label("Shift+Enter");
    harness.get_by_label("演示时");
    harness.get_by_label("→ / ↓ / PgDn / Space");
    // Only the report's chapters have their keys listed.
    assert!(harness.query_by_label_contains("Alt+6").is_none());
    // Below the menus and the top bar, not over them.
    let first_row = harness.get_by_label("Alt+0").rect();
    assert!(first_row.min.y > 80.0, "{first_row:?}");
    // The last row, after every command, still fits in the window.
    let last = harness.get_by_label("最后一页").rect();
    assert!(last.max.y <= common::SIZE[1], "{last:?}");
}

#[test]
fn the_menus_offer_the_table_s_commands() {
    let mut harness = viewer();
    harness.get_by_label("视图").click();
    harness.run();
    // Named and keyed by the table, as this platform writes keys.
    harness.get_by_label("下一章 Alt+↓").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(0));
    harness.get_by_label("帮助").click();
    harness.run();
    harness.get_by_label("键盘快捷键 F1").click();
    harness.run();
    assert!(harness.state().windows().shortcuts);
}

#[test]
fn a_traditional_report_s_figures_are_shown_in_its_own_words() {
    let mut harness = viewer();
    harness
        .state_mut()
        .push(SystemCommand::Open(data("good/traditional.ron")));
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num1);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(0));
    let texts = common::painted_texts(&harness);
    let shown = |text: &str| texts.iter().any(|t| t.trim() == text);
    // The chart's value labels: every word kept, in the report's script and order.
    for label in ["210個", "3,141個", "3.1萬多個", "近8,400多個", "約2萬個"] {
        assert!(shown(label), "{label} is not on screen: {texts:?}");
    }
    // The axis writes its magnitudes as the report does: 萬, never 万 (the interface around the
    // report is in simplified Chinese, but says no 万).
    assert!(shown("1萬") && shown("3萬"), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains('万')),
        "simplified magnitudes on a traditional chapter: {texts:?}"
    );
    // The text reads as its author wrote it, marks removed.
    assert!(shown(
        "全國學會 210 個，地方科協 3,141 個，鄉鎮科協 3.1 萬多個，街道科協近 8400 多個，企業科協約 2 萬個。"
    ));
}

#[test]
fn a_comparison_names_its_periods_and_changes_a_percentage_in_points() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num4);
    harness.run();
    // 6.2% → 11.7% is 5.5 points more, not "88.7% more".
    harness.get_by_label("2012 年 6.2% → 2018 年 11.7%，提高 5.5 个百分点");
}

#[test]
fn no_chart_label_of_the_built_in_report_is_cut_at_1280_by_860() {
    for language in [
        huimou::viewer::i18n::Lang::Zh,
        huimou::viewer::i18n::Lang::En,
    ] {
        let settings = Settings {
            language: Some(language),
            ..Settings::default()
        };
        let mut harness = viewer_with(settings, Startup::default());
        harness.set_size(egui::vec2(1280.0, 860.0));
        harness.run();
        let chapters = harness.state().session().dataset().report.chapters.len();
        for c in 0..chapters {
            harness
                .state_mut()
                .push(SystemCommand::Show(View::Chapter(c)));
            harness.run();
            let dataset = &harness.state().session().dataset();
            let labels: Vec<&str> = dataset
                .chapter_figures(c)
                .flat_map(|(_, f)| [Some(f.label.as_str()), f.label_en.as_deref()])
                .flatten()
                .collect();
            let painted = common::painted_texts(&harness);
            let cut: Vec<String> = common::elided_texts(&harness)
                .into_iter()
                .filter(|text| labels.contains(&text.as_str()))
                .collect();
            assert!(cut.is_empty(), "{language:?}, chapter {}: {cut:?}", c + 1);
            // The labels are there to be cut or not: every chart's first figure is drawn.
            for chart in &dataset.report.chapters[c].charts {
                let (_, first) = dataset.figure_by_id(&chart.figures[0]).expect("a figure");
                let shown = [Some(&first.label), first.label_en.as_ref()]
                    .into_iter()
                    .flatten()
                    .any(|label| painted.contains(label));
                assert!(
                    shown || chart.kind != huimou::ChartKind::Bars,
                    "{}",
                    first.label
                );
            }
        }
    }
}

#[test]
fn the_english_interface_says_figures_in_english_words() {
    let settings = Settings {
        language: Some(huimou::viewer::i18n::Lang::En),
        ..Settings::default()
    };
    let mut harness = viewer_with(settings, Startup::default());
    // Key figures on the overview: English magnitudes and nouns, the qualifier in words.
    harness.get_by_label("139.6 million times");
    harness.get_by_label("more than 18 million yuan");
    harness.key_press_modifiers(Modifiers::ALT, Key::Num4);
    harness.run();
    harness.get_by_label("2012 6.2% → 2018 11.7%, up 5.5 percentage points");
    let texts = common::painted_texts(&harness);
    for label in [
        "more than 8,000 people",
        "more than 20,000 people",
        "20,000",
    ] {
        assert!(
            texts.iter().any(|t| t.trim() == label),
            "{label} is not on screen: {texts:?}"
        );
    }
    // No axis tick in Chinese magnitudes (1万, 2万); the initiatives' texts stay Chinese.
    let chinese_tick = |t: &String| {
        t.strip_suffix('万')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
    };
    assert!(
        !texts.iter().any(chinese_tick),
        "Chinese magnitudes in English charts: {texts:?}"
    );
}

#[test]
fn the_table_of_figures_sorts_filters_opens_and_exports_what_it_lists() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::D);
    harness.run();
    assert_eq!(harness.state().view(), View::Figures);
    harness.get_by_label("共 59 个数据");

    // The search box filters the table, blind to script: 科學素質 finds 科学素质.
    harness.state_mut().push(SystemCommand::SetQuery {
        query: "科學素質".to_owned(),
        in_table: false,
    });
    harness.run();
    harness.get_by_label("3 / 59 个数据符合搜索");
    assert!(harness.get_all_by_label("11.7%").count() >= 1);
    assert!(harness.query_by_label("2,508项").is_none());

    // A click on a column's name sorts by it; a second click reverses.
    harness.get_by_label("数值").click();
    harness.run();
    let sort = harness.state().settings().figure_sort;
    assert_eq!(sort.column, huimou::document::figure_table::Column::Value);
    assert!(!sort.descending);
    harness.get_by_label("数值 ▲").click();
    harness.run();
    assert!(harness.state().settings().figure_sort.descending);

    // The export lists the rows shown, in their order: largest first.
    let path = std::env::temp_dir().join(format!("huimou-figures-{}.csv", std::process::id()));
    harness.state_mut().push(SystemCommand::Export(
        huimou::viewer::commands::Export::FiguresCsv,
        path.clone(),
    ));
    harness.run();
    let csv = std::fs::read_to_string(&path).expect("exported");
    let _ = std::fs::remove_file(&path);
    let values: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|line| line.split(',').nth(3).expect("a value"))
        .collect();
    assert_eq!(values, ["88.7", "11.7", "6.2"], "{csv}");

    // A row opens its sentence with the figure lit.
    let row = text_position(&harness, "11.7%").expect("the row is drawn");
    click_at(&mut harness, row);
    harness.run();
    let (literacy, _) = harness
        .state()
        .session()
        .dataset()
        .figure_by_id("literacy-2018")
        .expect("figure");
    assert_eq!(harness.state().view(), View::Chapter(3));
    assert_eq!(harness.state().session().selection(), Some(literacy));
    assert!(
        !harness.state().session().search().is_active(),
        "the chapter is shown whole"
    );
}

#[test]
fn copy_with_source_says_when_what_and_where() {
    let mut harness = viewer();
    let (place, _) = harness
        .state()
        .session()
        .dataset()
        .figure_by_id("literacy-2018")
        .expect("figure");
    harness
        .state_mut()
        .push(SystemCommand::CopyFigureWithSource(place));
    harness.step();
    // What was copied is what the status bar says was copied.
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        });
    let expected = "11.7%（2018 年，具备科学素质的公民比例；第 4 章 科普）";
    assert_eq!(copied.as_deref(), Some(expected));
    let status = harness.state().status().cloned().expect("a message");
    assert!(status.text.contains(expected), "{}", status.text);
}

#[test]
fn the_first_frame_is_the_finished_frame() {
    let views = [View::Overview, View::Figures]
        .into_iter()
        .chain((0..5).map(View::Chapter));
    for view in views {
        let settings = Settings {
            view,
            ..Settings::default()
        };
        let mut harness = common::viewer_before_first_frame(settings);
        harness.step();
        let first = common::painted_layout(&harness);
        harness.run();
        assert_eq!(
            first,
            common::painted_layout(&harness),
            "{view:?}: the view moved after its first frame"
        );
        // A chapter opened from another is finished in its first frame too.
        let next = match view {
            View::Chapter(c) if c < 4 => View::Chapter(c + 1),
            _ => View::Chapter(0),
        };
        harness.state_mut().push(SystemCommand::Show(next));
        harness.step();
        harness.step();
        let first = common::painted_layout(&harness);
        harness.run();
        assert_eq!(
            first,
            common::painted_layout(&harness),
            "{view:?} → {next:?}"
        );
    }
}

#[test]
fn the_top_bar_never_draws_over_itself_down_to_640_by_480() {
    for language in [
        huimou::viewer::i18n::Lang::Zh,
        huimou::viewer::i18n::Lang::En,
    ] {
        for size in [[640.0, 480.0], [800.0, 600.0], [1024.0, 768.0]] {
            let settings = Settings {
                language: Some(language),
                view: View::Chapter(1),
                ..Settings::default()
            };
            let mut harness = viewer_with(settings, Startup::default());
            harness.set_size(egui::Vec2::from(size));
            harness.run();
            let bar: Vec<(String, egui::Rect)> = common::painted_rects(&harness)
                .into_iter()
                .filter(|(text, rect)| rect.max.y < 64.0 && !text.is_empty())
                .collect();
            assert!(bar.len() >= 8, "{bar:?}");
            for (i, (a, ra)) in bar.iter().enumerate() {
                assert!(
                    ra.max.x <= size[0] + 0.5,
                    "{a} runs off the {size:?} window"
                );
                for (b, rb) in &bar[i + 1..] {
                    let overlap = ra.shrink(1.0).intersects(rb.shrink(1.0));
                    assert!(
                        !overlap,
                        "{language:?} {size:?}: 「{a}」 {ra:?} overlaps 「{b}」 {rb:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn esc_closes_the_open_window_then_clears_the_search() {
    let mut harness = viewer();
    harness.state_mut().push(SystemCommand::SetQuery {
        query: "科普".to_owned(),
        in_table: false,
    });
    harness.state_mut().push(UiCommand::Warnings);
    harness.state_mut().push(UiCommand::Shortcuts);
    harness.run();
    assert!(
        harness.state().windows().shortcuts && harness.state().session().diagnostics().is_some()
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        !harness.state().windows().shortcuts,
        "the shortcuts window closes first"
    );
    assert!(harness.state().session().diagnostics().is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.state().session().diagnostics().is_none(),
        "then the diagnostics"
    );
    assert!(harness.state().session().search().is_active());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        !harness.state().session().search().is_active(),
        "then the search is cleared"
    );
}

#[test]
fn warnings_are_offered_for_a_file_not_to_readers_of_the_built_in_report() {
    let mut harness = viewer();
    assert_eq!(harness.state().session().dataset().warnings.len(), 1);
    assert!(harness.query_by_label("1 条提示").is_none());
    // On request they are there: 帮助 → 数据集提示….
    harness.state_mut().push(UiCommand::Warnings);
    harness.run();
    assert!(matches!(
        harness.state().session().diagnostics(),
        Some(Diagnostics::Warnings)
    ));
    harness.state_mut().push(SystemCommand::DismissDiagnostics);
    harness
        .state_mut()
        .push(SystemCommand::Open(data("warn/chart-figure-twice.ron")));
    harness.run();
    harness.get_by_label("1 条提示");
}

#[test]
fn every_quick_key_press_counts() {
    let mut harness = viewer();
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    }
    // All three presses arrive in one frame.
    harness.step();
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(2));
}

#[test]
fn tab_shows_where_the_keyboard_is_on_every_stop() {
    fn ring_count(harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>) -> usize {
        let accent = palette(harness).accent;
        fn count(shape: &egui::Shape, accent: egui::Color32) -> usize {
            match shape {
                egui::Shape::Rect(rect) => {
                    usize::from(rect.stroke.color == accent && rect.stroke.width == 2.0)
                }
                egui::Shape::Vec(shapes) => shapes.iter().map(|s| count(s, accent)).sum(),
                _ => 0,
            }
        }
        harness
            .output()
            .shapes
            .iter()
            .map(|c| count(&c.shape, accent))
            .sum()
    }
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    assert_eq!(
        ring_count(&harness),
        0,
        "no ring before the keyboard moves focus"
    );
    let mut stops = 0;
    for _ in 0..25 {
        harness.key_press(Key::Tab);
        harness.run();
        if harness.ctx.memory(|m| m.focused()).is_some() {
            stops += 1;
            assert_eq!(ring_count(&harness), 1, "a ring around the focused control");
        }
    }
    assert!(stops >= 20, "{stops} stops");
    // A click puts the ring away.
    let bar = harness
        .state()
        .drawn
        .bar_center("patents")
        .expect("the bar is drawn");
    click_at(&mut harness, bar);
    harness.run();
    assert_eq!(ring_count(&harness), 0);
}

#[test]
fn page_keys_scroll_the_chapter() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    let heading = |harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>| {
        text_position(
            harness,
            "着眼发挥聚才聚智优势，创新资源的多元配置能力进一步提高",
        )
        .map(|p| p.y)
    };
    let top = heading(&harness).expect("the headline is on screen");
    harness.key_press(Key::ArrowDown);
    harness.run();
    let line = heading(&harness).expect("still on screen");
    assert!(line < top - 20.0, "↓ scrolls a line: {top} → {line}");
    harness.key_press(Key::PageDown);
    harness.run();
    assert!(
        heading(&harness).is_none_or(|y| y < line - 400.0),
        "Page Down scrolls a screen"
    );
    harness.key_press(Key::End);
    harness.run();
    assert!(
        text_position(&harness, "下一章：3 创新 →").is_some(),
        "End shows the end"
    );
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(heading(&harness), Some(top), "Home goes back to the top");
}

#[test]
fn a_right_click_on_a_bar_or_a_key_figure_copies_it_with_its_source() {
    let expected = "11.7%（2018 年，具备科学素质的公民比例；第 4 章 科普）";
    // A key figure on the overview.
    let mut harness = viewer();
    let figure = text_position(&harness, "11.7%").expect("the key figure is on screen");
    common::right_click_at(&mut harness, figure);
    harness.get_by_label("复制（附出处）").click();
    harness.run();
    let status = harness.state().status().cloned().expect("a message");
    assert!(status.text.contains(expected), "{}", status.text);
    // A bar in a chapter.
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num4);
    harness.run();
    let bar = harness
        .state()
        .drawn
        .bar_center("literacy-2018")
        .expect("the bar is drawn");
    common::right_click_at(&mut harness, bar);
    harness.get_by_label("复制（附出处）").click();
    harness.run();
    let status = harness.state().status().cloned().expect("a message");
    assert!(status.text.contains(expected), "{}", status.text);
}

#[test]
fn every_quick_press_moves_a_slide() {
    let mut harness = viewer();
    harness.key_press(Key::F5);
    harness.run();
    for _ in 0..3 {
        harness.key_press(Key::ArrowRight);
    }
    // All three presses arrive in one frame.
    harness.step();
    harness.run();
    assert_eq!(harness.state().session().slide(), 3);
}

#[test]
fn a_chapter_key_pressed_in_the_search_box_does_not_type_its_digit() {
    let mut harness = viewer();
    common::type_query(&mut harness, "院士");
    // As the system sends Alt+3: the key and the text it types, in one frame (kittest's
    // `event` would give each its own frame).
    let events = &mut harness.input_mut().events;
    events.push(egui::Event::Key {
        key: Key::Num3,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::ALT,
    });
    events.push(egui::Event::Text("3".to_owned()));
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(2));
    assert_eq!(harness.state().session().search().query(), "院士");
    // Typing a digit is still typing.
    harness.event(egui::Event::Text("3".to_owned()));
    harness.run();
    assert_eq!(harness.state().session().search().query(), "院士3");
}

#[test]
fn an_export_that_cannot_be_written_says_why_in_the_reader_s_words() {
    let mut harness = viewer();
    let folder = std::env::temp_dir().join(format!("huimou-no-such-folder-{}", std::process::id()));
    for export in [Export::ViewPng, Export::FiguresCsv, Export::InitiativesCsv] {
        harness
            .state_mut()
            .push(SystemCommand::Export(export, folder.join("out.file")));
        harness.run();
        let status = harness.state().status().expect("a message");
        assert!(status.error, "{export:?}: {}", status.text);
        assert!(
            status.text.starts_with("导出失败：") && status.text.ends_with("文件或文件夹不存在"),
            "{export:?}: {}",
            status.text
        );
    }
    assert!(!folder.exists());
}

#[test]
fn controls_that_do_not_fit_the_top_bar_are_behind_its_more_button() {
    let small = |size: [f32; 2]| {
        let builder = egui_kittest::Harness::builder().with_size(size);
        let settings = Settings {
            language: Some(huimou::viewer::i18n::Lang::Zh),
            ..Settings::default()
        };
        let mut harness = common::build_viewer(builder, settings, Startup::default());
        harness.run();
        harness
    };
    // Wide: the theme, language and zoom buttons are in the row, and nothing is folded.
    let wide = small(common::SIZE);
    wide.get_by_label("English");
    assert_eq!(wide.query_all_by_label("…").count(), 0);
    // Narrow: they are folded behind "…", which opens them.
    let mut narrow = small([640.0, 480.0]);
    assert!(narrow.query_by_label("English").is_none());
    narrow.get_by_label("…").click();
    narrow.run();
    narrow.get_by_label("English").click();
    narrow.run();
    assert_eq!(
        narrow.state().lang(),
        huimou::viewer::i18n::Lang::En,
        "chosen from the folded controls"
    );
}

#[test]
fn the_table_of_figures_exports_from_the_menu_and_the_palette() {
    let harness = viewer();
    let found =
        huimou::viewer::ui::palette::entries(&harness.state().context(), &harness.ctx, "csv");
    let figures = found
        .iter()
        .find(|entry| entry.name == "数据一览 (CSV)…")
        .expect("the table's export in the palette");
    assert_eq!(figures.command, Command::Ui(UiCommand::ExportFiguresCsv));
}

/// The shortcuts window keeps the keyboard: Tab goes to its close button and stays there,
/// never to the links and buttons hidden behind it; Enter on the button closes it.
#[test]
fn tab_stays_in_the_shortcuts_window() {
    let mut harness = viewer();
    harness.state_mut().push(UiCommand::Shortcuts);
    harness.run();
    for _ in 0..3 {
        harness.key_press(Key::Tab);
        harness.run();
        assert_eq!(common::focused_label(&harness), "关闭");
    }
    harness.key_press(Key::Enter);
    harness.run();
    assert!(!harness.state().windows().shortcuts);
}

/// Every text the last frame drew, with where.
fn texts_drawn<'h>(
    harness: &'h egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>,
) -> impl Iterator<Item = String> + 'h {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) => Some(format!(
                "{} {:?}",
                text.galley.job.text,
                text.visual_bounding_rect()
            )),
            _ => None,
        })
}

#[test]
fn the_shortcuts_window_stays_on_a_small_screen_and_whole_on_a_large_one() {
    use huimou::report::lang::Lang;
    let cases = [
        (
            [1280.0, 900.0],
            Lang::En,
            "Keyboard shortcuts",
            "Last slide",
        ),
        ([640.0, 480.0], Lang::Zh, "键盘快捷键", "最后一页"),
    ];
    for (size, lang, title, last_row) in cases {
        let settings = Settings {
            language: Some(lang),
            ..Settings::default()
        };
        let builder = egui_kittest::Harness::builder().with_size(size);
        let mut harness = common::build_viewer(builder, settings, Startup::default());
        harness.run();
        // The texts behind the window, drawn before it opened.
        let behind: std::collections::HashSet<String> = texts_drawn(&harness).collect();
        harness.state_mut().push(UiCommand::Shortcuts);
        harness.run();
        // The window (a modal, centred) reaches as far below the screen's middle as its title
        // starts above it; the title is the first node of its words (the second is its row in
        // the table).
        let title = harness
            .get_all_by_label(title)
            .next()
            .expect("the window's title")
            .rect();
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::Vec2::from(size));
        let corner = title.min - egui::vec2(8.0, 8.0);
        let window = egui::Rect::from_min_max(corner, screen.max - corner.to_vec2());
        assert!(
            screen.contains_rect(window),
            "{size:?}: {window:?} spills off the screen"
        );
        let row = harness.get_by_label(last_row).rect();
        if size[0] >= 1280.0 {
            assert!(
                window.contains_rect(row),
                "{size:?}: {row:?} is cut off in {window:?}"
            );
        } else {
            // What does not fit scrolls into view, by the keyboard (End), in one column that
            // never needs scrolling sideways.
            assert!(
                !window.contains_rect(row),
                "{size:?}: {row:?} in {window:?}"
            );
            let mut pages = 0;
            while !window.contains_rect(harness.get_by_label(last_row).rect()) {
                assert!(pages < 30, "{size:?}: Page Down never reaches {last_row}");
                harness.key_press(Key::PageDown);
                harness.run();
                pages += 1;
            }
            assert!(pages > 0);
            // Nothing in the window is cut at its right: every text drawn in it ends inside it.
            let mut checked = 0;
            for clipped in &harness.output().shapes {
                let egui::Shape::Text(text) = &clipped.shape else {
                    continue;
                };
                let rect = text.visual_bounding_rect();
                let drawn = format!("{} {rect:?}", text.galley.job.text);
                if behind.contains(&drawn)
                    || !window.contains(rect.min)
                    || !clipped.clip_rect.intersects(rect)
                {
                    continue;
                }
                checked += 1;
                assert!(
                    rect.max.x <= window.max.x + 1.0,
                    "{size:?}: {:?} at {rect:?} cut at {:?}",
                    text.galley.job.text,
                    window
                );
            }
            assert!(checked > 10, "{checked} labels in the window");
            harness.key_press(Key::Home);
            harness.run();
            harness.run();
            assert!(!window.contains_rect(harness.get_by_label(last_row).rect()));
        }
    }
}

#[test]
fn esc_closes_the_open_menu_and_nothing_behind_it() {
    let mut harness = viewer();
    harness.state_mut().push(SystemCommand::SetQuery {
        query: "科普".to_owned(),
        in_table: false,
    });
    harness.run();
    harness.get_by_label("视图").click();
    harness.run();
    assert!(
        harness.query_by_label("下一章 Alt+↓").is_some(),
        "the menu is open"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("下一章 Alt+↓").is_none(),
        "the menu closed"
    );
    assert_eq!(harness.state().session().search().query(), "科普");
    // With nothing open, Esc clears the search.
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().session().search().query(), "");
}

#[test]
fn back_after_a_search_returns_to_the_chapter_it_started_from() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("搜索").type_text("ys");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let opened = harness.state().view();
    assert!(matches!(opened, View::Chapter(_)), "{opened:?}");
    // Back: the results of "ys"; Back again: chapter 2 as it was before the search.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().session().search().query(), "ys");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(1));
    assert_eq!(harness.state().session().search().query(), "");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().view(), View::Overview);
}

#[test]
fn a_file_named_on_the_command_line_is_remembered_and_opens_at_its_own_overview() {
    // The run before left chapter 3 of the built-in report open.
    let settings = Settings {
        view: View::Chapter(2),
        ..Settings::default()
    };
    let harness = viewer_with(settings.clone(), Startup::default());
    assert_eq!(
        harness.state().view(),
        View::Chapter(2),
        "its own report keeps it"
    );
    let file = data("good/minimal.ron");
    let harness = viewer_with(
        settings,
        Startup {
            file: Some(file.clone()),
            ..Startup::default()
        },
    );
    assert_eq!(
        harness.state().view(),
        View::Overview,
        "another report's chapter"
    );
    assert_eq!(
        harness.state().settings().recent_files,
        std::slice::from_ref(&file)
    );
    assert_eq!(harness.state().settings().last_file, Some(file));
}

/// `huimou tests/…/minimal.ron`, a path relative to where it was started, is remembered from
/// the root: the next start, from another folder, opens the same file.
#[test]
fn a_file_opened_by_a_relative_path_is_remembered_whole() {
    let relative = std::path::PathBuf::from("tests/data/good/minimal.ron");
    let harness = viewer_with(
        Settings::default(),
        Startup {
            file: Some(relative.clone()),
            ..Startup::default()
        },
    );
    let whole = std::env::current_dir().expect("a folder").join(&relative);
    assert!(whole.is_absolute());
    assert_eq!(harness.state().settings().last_file, Some(whole.clone()));
    assert_eq!(harness.state().settings().recent_files, [whole]);
}

#[test]
fn f3_past_the_last_match_says_it_starts_again_from_the_first() {
    let mut harness = viewer();
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(3)));
    harness.state_mut().push(SystemCommand::SetQuery {
        query: "科普".to_owned(),
        in_table: false,
    });
    harness.run();
    let count = harness.state().session().search().hits().len();
    assert!(count > 1, "{count}");
    for _ in 1..count {
        harness.key_press(Key::F3);
        harness.run();
        assert!(harness.state().status().is_none(), "no word before the end");
    }
    assert_eq!(harness.state().session().search().selected(), count - 1);
    harness.key_press(Key::F3);
    harness.run();
    assert_eq!(harness.state().session().search().selected(), 0);
    let status = harness.state().status().expect("a word");
    assert!(status.text.contains("从第一个重新开始"), "{}", status.text);
}

#[test]
fn the_table_of_figures_scrolls_sideways_at_640x480_to_its_last_column() {
    let builder = egui_kittest::Harness::builder().with_size([640.0, 480.0]);
    let settings = Settings {
        view: View::Figures,
        language: Some(huimou::viewer::i18n::Lang::Zh),
        ..Settings::default()
    };
    let mut harness = common::build_viewer(builder, settings, Startup::default());
    harness.run();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(640.0, 480.0));
    // Off to the right at first.
    let last = harness.get_by_label("所在举措").rect();
    assert!(!screen.contains_rect(last), "{last:?}");
    // The wheel sideways over the table brings it into view.
    let over = harness.get_by_label("数值").rect().center();
    harness.event(egui::Event::PointerMoved(over));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-2000.0, 0.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    // The scroll glides over a few frames.
    harness.run_steps(12);
    let last = harness.get_by_label("所在举措").rect();
    assert!(screen.contains_rect(last), "scrolled into view: {last:?}");
}

#[test]
fn shift_f10_opens_the_focused_figure_s_menu_and_the_palette_copies_with_source() {
    let mut harness = viewer();
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(1)));
    harness.run();
    // A chart's row, named by its figure as written, takes the keyboard.
    let row = harness.get_by_label("柔性引进院士：71名");
    row.focus();
    harness.run();
    assert!(harness.query_by_label("复制（附出处）").is_none());
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    harness.run();
    harness.get_by_label("复制（附出处）").click();
    harness.run();
    let status = harness.state().status().expect("copied");
    assert!(status.text.contains("71名（"), "{}", status.text);
    assert!(
        status.text.contains("第 2 章"),
        "with its source: {}",
        status.text
    );

    // With a figure lit, the palette offers its copy with source too.
    let (place, _) = harness
        .state()
        .session()
        .dataset()
        .figure_by_id("academicians")
        .expect("the figure");
    harness.state_mut().push(SystemCommand::SelectFigure(place));
    harness.run();
    let found =
        huimou::viewer::ui::palette::entries(&harness.state().context(), &harness.ctx, "附出处");
    assert!(
        found.iter().any(|e| matches!(
            e.command,
            huimou::viewer::commands::Command::System(SystemCommand::CopyFigureWithSource(p))
                if p == place
        )),
        "{found:?}"
    );
}

#[test]
fn the_table_of_figures_moves_by_keys_a_row_a_stop() {
    let mut harness = viewer();
    harness.state_mut().push(SystemCommand::Show(View::Figures));
    harness.run();
    let rows = harness.state().session().figure_rows().to_vec();
    let dataset = harness.state().session().dataset().clone();
    let name = |k: usize| {
        let figure = dataset.figure(rows[k]);
        format!("{}：{}", figure.label, figure.written())
    };
    let focus_first_row = |harness: &mut egui_kittest::Harness<'_, _>| {
        harness
            .get_all_by_label(&name(0))
            .next()
            .expect("row 1")
            .focus();
        harness.run();
    };
    // Each row is one stop, named by its figure as written: ↓ three times, then Enter opens
    // the fourth row's sentence with its figure lit.
    focus_first_row(&mut harness);
    for _ in 0..3 {
        harness.key_press(Key::ArrowDown);
        harness.run();
    }
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().session().selection(), Some(rows[3]));
    assert_eq!(harness.state().view(), View::Chapter(rows[3].chapter));
    // End goes to the last row, however far down; Page Up and Down move a page.
    harness.state_mut().push(SystemCommand::Show(View::Figures));
    harness.run();
    focus_first_row(&mut harness);
    harness.key_press(Key::PageDown);
    harness.run();
    harness.key_press(Key::End);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().session().selection(), rows.last().copied());
}

#[test]
fn the_palette_lists_every_entry_and_down_goes_past_the_twelfth() {
    let mut harness = viewer();
    harness.state_mut().push(UiCommand::Palette);
    harness.run();
    let found = huimou::viewer::ui::palette::entries(&harness.state().context(), &harness.ctx, "");
    assert!(found.len() > 14, "{}", found.len());
    // The last entry of the palette's list named as the first is.
    let first = |harness: &egui_kittest::Harness<'_, _>| {
        let rows: Vec<_> = harness.get_all_by_label(&found[0].name).collect();
        rows.last().expect("the first entry").rect().min.y
    };
    let first_at = first(&harness);
    for _ in 0..14 {
        harness.key_press(Key::ArrowDown);
        harness.run();
    }
    let selected = harness
        .state()
        .windows()
        .palette
        .as_ref()
        .expect("open")
        .selected;
    assert_eq!(selected, 14, "past the twelfth");
    // The list scrolled to keep the chosen entry in view: the first has gone up.
    let first_now = first(&harness);
    assert!(first_now < first_at, "{first_at} → {first_now}");
}

#[test]
fn slides_at_640x480_fill_the_window_and_keep_their_text_readable() {
    let builder = egui_kittest::Harness::builder().with_size([640.0, 480.0]);
    let settings = Settings {
        language: Some(huimou::viewer::i18n::Lang::Zh),
        ..Settings::default()
    };
    let mut harness = common::build_viewer(builder, settings, Startup::default());
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(1)));
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    // Text at 100% or more: the small style's 12 points are 12 px or more.
    assert!(
        harness.ctx.zoom_factor() >= 1.0,
        "{}",
        harness.ctx.zoom_factor()
    );
    // The chapter's first chart stands on the slide, inside the window.
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(640.0, 480.0));
    let heading = harness.get_by_label("资源").rect();
    assert!(screen.contains_rect(heading), "{heading:?}");
}

#[test]
fn english_says_units_periods_and_result_labels_in_english() {
    let settings = Settings {
        language: Some(huimou::viewer::i18n::Lang::En),
        ..Settings::default()
    };
    let mut harness = viewer_with(settings, Startup::default());
    // A search result names its figures by their English labels.
    harness
        .state_mut()
        .push(SystemCommand::SetSearchScope(SearchScope::Report));
    harness.state_mut().push(SystemCommand::SetQuery {
        query: "院士".to_owned(),
        in_table: false,
    });
    harness.run();
    harness.get_by_label_contains("Figures: Academician (expert) innovation workstations");
    // The table's base values carry English units, every digit written.
    harness.state_mut().push(UiCommand::ClearSearch);
    harness.state_mut().push(SystemCommand::Show(View::Figures));
    harness.run();
    harness
        .get_all_by_label("139,600,000 times")
        .next()
        .expect("a base value in English");
    assert!(harness.query_by_label("139,600,000次").is_none());
}

#[test]
fn tab_goes_through_the_top_bar_s_right_hand_controls_left_to_right() {
    let mut harness = viewer();
    let focused_label = common::focused_label;
    harness.get_by_label("浅色").focus();
    harness.run();
    let mut seen = vec![focused_label(&harness)];
    for _ in 0..5 {
        harness.key_press(Key::Tab);
        harness.run();
        seen.push(focused_label(&harness));
    }
    assert_eq!(
        seen,
        ["浅色", "深色", "跟随系统", "简体", "繁體", "English"]
    );
}

#[test]
fn tab_steps_from_one_column_heading_to_the_next_in_the_figures_table() {
    let mut harness = viewer();
    harness.state_mut().push(SystemCommand::Show(View::Figures));
    harness.run();
    let focused_label = common::focused_label;
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "数据")
        .focus();
    harness.run();
    // Each heading is one stop: the column's resize handle beside it is not another.
    let mut seen = Vec::new();
    for _ in 0..8 {
        harness.key_press(Key::Tab);
        harness.run();
        harness.run();
        seen.push(focused_label(&harness));
    }
    // Then the first row (sorted by chapter, the default).
    assert_eq!(
        seen[..7],
        [
            "数值",
            "基数",
            "约数",
            "性质",
            "时间",
            "所在章 ▲",
            "所在举措"
        ]
    );
    assert!(seen[7].contains("1.396亿次"), "{seen:?}");
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::Tab);
    harness.run();
    harness.run();
    assert_eq!(focused_label(&harness), "所在举措");
}

#[test]
fn f1_opens_the_keyboard_shortcuts() {
    let mut harness = viewer();
    assert!(!harness.state().windows().shortcuts);
    harness.key_press(Key::F1);
    harness.run();
    assert!(harness.state().windows().shortcuts);
    // The window lists the key with its command.
    harness
        .get_all_by_label_contains("F1")
        .next()
        .expect("F1 listed");
}

#[test]
fn a_slide_s_key_figures_are_never_cut_short_at_640() {
    use huimou::viewer::ui::present;
    // A target with a long label, as government reports have them.
    let text = std::fs::read_to_string(data("shelf/示例市政府工作报告-2023.ron")).expect("fixture");
    let long = text.replace(
        r#"label: "城镇新增就业", prefix: None, value: 4"#,
        r#"label: "全年城镇新增就业人数（含灵活就业）", prefix: None, value: 4"#,
    );
    assert_ne!(long, text);
    let file = std::env::temp_dir().join(format!("huimou-slides-{}.ron", std::process::id()));
    std::fs::write(&file, long).expect("written");
    let builder = egui_kittest::Harness::builder().with_size([640.0, 480.0]);
    let startup = Startup {
        file: Some(file.clone()),
        ..Startup::default()
    };
    let settings = Settings {
        language: Some(huimou::report::lang::Lang::Zh),
        ..Settings::default()
    };
    let mut harness = common::build_viewer(builder, settings, startup);
    let (canvas, _) = present::canvas_for(egui::vec2(640.0, 480.0));
    let count = present::slides(&harness.state().session().dataset().report, canvas).len();
    harness.key_press(Key::F5);
    harness.run();
    let mut targets = 0;
    for _ in 0..count {
        let cut: Vec<String> = common::elided_texts(&harness)
            .into_iter()
            .filter(|t| t.contains('（') || t.chars().any(|c| c.is_ascii_digit()))
            .collect();
        assert!(
            cut.is_empty(),
            "cut short on slide {}: {cut:?}",
            harness.state().session().slide()
        );
        targets += common::painted_texts(&harness)
            .iter()
            .filter(|t| t.ends_with("（目标）"))
            .count();
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    assert_eq!(targets, 2, "both targets' captions, whole");
    let _ = std::fs::remove_file(file);
}

#[test]
fn a_menu_item_chosen_by_enter_closes_its_menu() {
    let mut harness = viewer();
    harness.get_by_label("帮助").click();
    harness.run();
    harness.get_by_label("键盘快捷键 F1").focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    assert!(harness.state().windows().shortcuts);
    assert!(
        harness.query_by_label("键盘快捷键 F1").is_none(),
        "the Help menu is still open over the window"
    );
}

#[test]
fn esc_in_a_figure_s_menu_gives_the_keyboard_back_to_the_figure() {
    let mut harness = viewer();
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(1)));
    harness.run();
    harness.get_by_label("柔性引进院士：71名").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    harness.run();
    harness.get_by_label("复制（附出处）");
    harness.key_press(Key::Escape);
    harness.run();
    harness.run();
    assert!(
        harness.query_by_label("复制（附出处）").is_none(),
        "the menu closed"
    );
    let focused = common::focused_label(&harness);
    assert_eq!(focused, "柔性引进院士：71名");
}

/// The table's sort is a command too, for a keyboard that would otherwise Tab to its headers:
/// the palette finds it, it opens the table, and again sorts the other way.
#[test]
fn the_table_sorts_from_the_palette() {
    use huimou::document::figure_table::{Column, Sort};
    let mut harness = viewer();
    let found =
        huimou::viewer::ui::palette::entries(&harness.state().context(), &harness.ctx, "按数值");
    let entry = found
        .iter()
        .find(|entry| entry.name == "数据一览按数值排序")
        .expect("in the palette");
    assert_eq!(entry.command, Command::Ui(UiCommand::SortByValue));
    harness.state_mut().push(UiCommand::SortByValue);
    harness.run();
    assert_eq!(harness.state().view(), View::Figures);
    let sort = |harness: &egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>| {
        harness.state().settings().figure_sort
    };
    assert_eq!(
        sort(&harness),
        Sort {
            column: Column::Value,
            descending: false
        }
    );
    harness.state_mut().push(UiCommand::SortByValue);
    harness.run();
    assert!(sort(&harness).descending, "again: the other way");
}

/// F10 puts the keyboard on the menu bar, as desktop programs do: Enter then opens 文件.
#[test]
fn f10_puts_the_keyboard_on_the_menu_bar() {
    let mut harness = viewer();
    harness.key_press(Key::F10);
    harness.run();
    assert_eq!(common::focused_label(&harness), "文件");
    assert!(harness.query_by_label_contains("打开文件夹").is_none());
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label_contains("打开文件夹");
}
