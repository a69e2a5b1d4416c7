//! Moving through a report as in a good PDF reader: back and forward, stepping through a
//! search's matches, the contents tree.

use crate::common;

use common::{text_position, type_query, viewer};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use huimou::search::InitiativeRef;
use huimou::viewer::app::HuimouApp;
use huimou::viewer::place::{SearchScope, View};

/// The title of initiative `i` of chapter `c` of the built-in report.
fn title(harness: &Harness<'_, HuimouApp>, c: usize, i: usize) -> String {
    harness.state().session().dataset().report.chapters[c].initiatives[i]
        .title
        .clone()
}

/// Whether an initiative's card is drawn within the window.
fn on_screen(harness: &Harness<'_, HuimouApp>, text: &str) -> bool {
    text_position(harness, text).is_some_and(|p| p.y >= 0.0 && p.y <= common::SIZE[1])
}

#[test]
fn back_and_forward_restore_the_view_and_its_scroll_position() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    harness.key_press(Key::PageDown);
    harness.run();
    harness.key_press(Key::PageDown);
    harness.run();
    let anchor = harness
        .state()
        .memory()
        .lists
        .anchor((View::Chapter(1), false))
        .expect("the chapter's list says where it is");
    let last = title(&harness, 1, 3);
    let before = text_position(&harness, &last).expect("scrolled to the chapter's end");

    harness.key_press_modifiers(Modifiers::ALT, Key::Num4);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(3));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(1));
    let after = text_position(&harness, &last).expect("back where the reader was");
    assert!(
        (after.y - before.y).abs() < 2.0,
        "{before:?} → {after:?} ({anchor:?})"
    );

    // Back and forth again and again: the place does not drift.
    for _ in 0..5 {
        harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
        harness.run();
        harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
        harness.run();
    }
    let again = text_position(&harness, &last).expect("back where the reader was");
    assert!(
        (again.y - before.y).abs() < 2.0,
        "{before:?} → {again:?} after five returns"
    );

    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(3));
    // The top bar's buttons and the mouse's side buttons do the same.
    harness.get_by_label("后退").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(1));
    harness.get_by_label("前进").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(3));
    let pos = egui::pos2(600.0, 400.0);
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Extra1,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(1));
    // Nothing ahead after a new jump.
    harness.key_press_modifiers(Modifiers::ALT, Key::Num0);
    harness.run();
    assert!(!harness.state().session().can_go().1);
}

#[test]
fn back_from_an_opened_result_brings_the_results_back() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num1);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    type_query(&mut harness, "科技会堂");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(4));
    // Enter again on the only result opens it again: no new step to go back through.
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(0));
    assert_eq!(harness.state().session().search().query(), "科技会堂");
    assert!(!harness.state().session().search().beside());
    harness.get_by_label("全文搜索「科技会堂」：1 项举措");
}

#[test]
fn f3_and_enter_step_through_a_chapter_s_matches() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "搜索")
        .focus();
    harness.run();
    type_query(&mut harness, "创新");
    let matches: Vec<InitiativeRef> = harness
        .state()
        .session()
        .dataset()
        .index()
        .search("创新", Some(1));
    let count = matches.len();
    assert!(count >= 3, "{matches:?}");
    harness.get_by_label(&format!("1 / {count}"));

    // Enter in the box steps on, and the box keeps the keyboard.
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label(&format!("2 / {count}"));
    assert_eq!(
        harness.state().session().search().lit(View::Chapter(1)),
        Some(matches[1])
    );
    assert!(on_screen(
        &harness,
        &title(&harness, 1, matches[1].initiative)
    ));
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label(&format!("3 / {count}"));
    assert!(on_screen(
        &harness,
        &title(&harness, 1, matches[2].initiative)
    ));

    // Shift+Enter and Shift+F3 step back; before the first comes the last.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    harness.get_by_label(&format!("2 / {count}"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().session().search().query().is_empty());
    type_query(&mut harness, "创新");
    harness.key_press(Key::Tab);
    harness.run();
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.run();
    harness.get_by_label(&format!("{count} / {count}"));
    harness.key_press(Key::F3);
    harness.run();
    harness.get_by_label(&format!("1 / {count}"));
}

#[test]
fn opened_results_stay_beside_the_chapter_and_its_charts() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    type_query(&mut harness, "院士");
    let results: Vec<InitiativeRef> = harness
        .state()
        .session()
        .dataset()
        .index()
        .search("院士", None);
    assert!(results.len() >= 3, "{results:?}");
    // The first result is chosen before any is opened.
    harness.get_by_label(&format!("1 / {}", results.len()));
    harness.key_press(Key::Enter);
    harness.run();
    let first = results[0];
    assert_eq!(harness.state().view(), View::Chapter(first.chapter));
    assert_eq!(
        harness.state().session().search().scope(),
        SearchScope::Report
    );
    // The list is still there, beside the whole chapter with its charts.
    let heading = format!("全文搜索「院士」：{} 项举措", results.len());
    harness.get_by_label(&heading);
    assert!(
        harness
            .query_by_label("搜索时不显示图表；清空搜索（Esc）即可看到。")
            .is_none()
    );
    harness.get_by_label(&format!("1 / {}", results.len()));

    // Enter again opens the next result, in whichever chapter it is.
    harness.key_press(Key::Enter);
    harness.run();
    let second = results[1];
    // Each result opened is a step of the history.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(
        harness
            .state()
            .session()
            .search()
            .lit(harness.state().view()),
        Some(first)
    );
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().view(), View::Chapter(second.chapter));
    assert_eq!(
        harness
            .state()
            .session()
            .search()
            .lit(harness.state().view()),
        Some(second)
    );
    harness.get_by_label(&heading);
    harness.get_by_label(&format!("2 / {}", results.len()));
    assert!(on_screen(
        &harness,
        &title(&harness, second.chapter, second.initiative)
    ));

    // Closing the list leaves the chapter.
    harness.get_by_label("关闭搜索结果").click();
    harness.run();
    assert!(harness.query_by_label(&heading).is_none());
    assert_eq!(harness.state().view(), View::Chapter(second.chapter));
}

#[test]
fn the_contents_open_to_the_initiatives_of_the_chapter_on_screen() {
    let mut harness = viewer();
    let entry = |harness: &Harness<'_, HuimouApp>, c: usize, i: usize| {
        format!("{}.{} {}", c + 1, i + 1, title(harness, c, i))
    };
    // On the overview no chapter is open.
    assert!(harness.query_by_label(&entry(&harness, 1, 0)).is_none());
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    harness.get_by_label(&entry(&harness, 1, 0));
    assert!(harness.query_by_label(&entry(&harness, 2, 0)).is_none());

    // A click on an initiative scrolls it into view, and it is lit in the contents.
    let last = 1;
    harness.get_by_label(&entry(&harness, 1, last)).click();
    harness.run();
    harness.run();
    assert!(on_screen(&harness, &title(&harness, 1, last)));
    let lit = |harness: &Harness<'_, HuimouApp>, i: usize| {
        harness
            .get_by_label(&entry(harness, 1, i))
            .accesskit_node()
            .toggled()
            == Some(egui::accesskit::Toggled::True)
    };
    assert!(lit(&harness, last));
    assert!(!lit(&harness, 0));
    // Scrolling back to the top, to the charts, leaves the chapter alone lit.
    harness.key_press(Key::Home);
    harness.run();
    assert!(!lit(&harness, last));
    assert!(!lit(&harness, 0));

    // Chapters fold and unfold.
    harness.get_by_label("收起举措：2 资源").click();
    harness.run();
    assert!(harness.query_by_label(&entry(&harness, 1, 0)).is_none());
    harness.get_by_label("展开举措：3 创新").click();
    harness.run();
    harness.get_by_label(&entry(&harness, 2, 0));
    harness.get_by_label("展开举措：2 资源").click();
    harness.run();
    harness.get_by_label(&entry(&harness, 1, 0));
}

#[test]
fn the_palette_lists_initiatives_naming_the_initials_first() {
    let harness = viewer();
    let app = harness.state();
    let initiatives: Vec<String> =
        huimou::viewer::ui::palette::entries(&app.context(), &harness.ctx, "ys")
            .into_iter()
            .filter(|entry| entry.kind == "举措")
            .map(|entry| entry.name)
            .collect();
    // The initiative whose figures are 院士(专家)创新工作站 and 柔性引进院士 comes before those
    // with 与数, 验室, 要素 or 业生 inside their titles.
    assert_eq!(
        initiatives.first().map(String::as_str),
        Some("聚集高端智力资源助力创新主体"),
        "{initiatives:?}"
    );
}

#[test]
fn a_search_that_finds_nothing_says_so_beside_the_box() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num2);
    harness.run();
    type_query(&mut harness, "火星基地");
    harness.get_by_label("无匹配");
}

#[test]
fn a_chapter_chosen_by_key_while_the_report_s_results_are_listed_shows_them_beside_it() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    type_query(&mut harness, "院士");
    harness.get_by_label_contains("全文搜索「院士」");
    // Alt+3, as a click in the contents does.
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    let state = harness.state();
    assert_eq!(state.view(), View::Chapter(2));
    assert!(state.session().search().results_beside(View::Chapter(2)));
    let name = state.session().dataset().report.chapters[2].name.clone();
    harness.get_by_label(&name);
    harness.get_by_label_contains("全文搜索「院士」");
}

#[test]
fn the_table_s_filter_stays_with_the_table() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::D);
    harness.run();
    assert_eq!(harness.state().view(), View::Figures);
    type_query(&mut harness, "专利");
    // Leaving the table for the overview shows the overview, not a search for 专利.
    harness.key_press_modifiers(Modifiers::ALT, Key::Num0);
    harness.run();
    assert_eq!(harness.state().view(), View::Overview);
    assert_eq!(harness.state().session().search().query(), "");
    assert!(harness.query_by_label_contains("全文搜索").is_none());

    // A search of the report taken into the table comes back out with the reader.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    type_query(&mut harness, "院士");
    harness.key_press_modifiers(Modifiers::ALT, Key::D);
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::Num0);
    harness.run();
    assert_eq!(harness.state().session().search().query(), "院士");
}

#[test]
fn a_search_that_finds_nothing_suggests_labels_of_this_report() {
    let mut harness = common::viewer_with(
        huimou::viewer::settings::Settings::default(),
        huimou::viewer::app::Startup {
            file: Some(common::data("good/traditional.ron")),
            ..Default::default()
        },
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    type_query(&mut harness, "火星基地");
    let said = common::painted_texts(&harness)
        .into_iter()
        .find(|t| t.contains("找到。"))
        .expect("the search says it found nothing");
    let report = &harness.state().session().dataset().report;
    let first = &report.chapters[0].initiatives[0].figures[0].label;
    assert!(said.contains(first.as_str()), "{said}");
    assert!(!said.contains("院士"), "{said}");
}

#[test]
fn down_and_enter_in_the_table_s_filter_go_into_the_table() {
    let mut harness = viewer();
    harness.key_press_modifiers(Modifiers::ALT, Key::D);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "搜索")
        .focus();
    harness.run();
    type_query(&mut harness, "院士");
    let rows = harness.state().session().figure_rows().to_vec();
    assert!(rows.len() >= 2, "{rows:?}");
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.run();
    let focused = common::focused_label(&harness);
    assert!(
        focused.contains("院士"),
        "the first row has the keyboard, not {focused:?}"
    );

    // One row left: Enter opens its sentence.
    harness
        .state_mut()
        .push(huimou::viewer::commands::SystemCommand::SetQuery {
            query: "专利".to_owned(),
            in_table: true,
        });
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "搜索")
        .focus();
    harness.run();
    assert_eq!(harness.state().session().figure_rows().len(), 1);
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        matches!(harness.state().view(), View::Chapter(_)),
        "{:?}",
        harness.state().view()
    );
}

/// 数据一览 filtered by `query`, the keyboard on its first row: that row's name.
fn table_row_of(harness: &mut Harness<'_, HuimouApp>, query: &str) -> String {
    harness.key_press_modifiers(Modifiers::ALT, Key::D);
    harness.run();
    type_query(harness, query);
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.run();
    common::focused_label(harness)
}

/// A row opens its sentence with Enter; Alt+← comes back to the table with that row chosen
/// again, so Shift+F10 and the arrows go on from it.
#[test]
fn back_in_the_table_the_row_it_left_is_chosen_again() {
    let mut harness = viewer();
    table_row_of(&mut harness, "院士");
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.run();
    let row = common::focused_label(&harness);
    assert!(row.contains("院士"), "{row:?}");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(matches!(harness.state().view(), View::Chapter(_)));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    harness.run();
    assert_eq!(harness.state().view(), View::Figures);
    assert_eq!(common::focused_label(&harness), row);
}

/// Copying a row's figure from its menu (Shift+F10, Enter) leaves the row chosen.
#[test]
fn a_row_stays_chosen_after_its_figure_is_copied() {
    let mut harness = viewer();
    let row = table_row_of(&mut harness, "院士");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    harness.run();
    harness.get_by_label("复制（附出处）");
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    assert!(
        harness.query_by_label("复制（附出处）").is_none(),
        "the menu closed"
    );
    assert_eq!(common::focused_label(&harness), row);
}
