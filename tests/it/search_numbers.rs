//! Search is blind to digit grouping: the viewer shows figures as 1,800 and 2,508 while a text
//! may write 1800 (or the other way round), so a comma between two digits does not count, in
//! the text or in the query. A comma between words is punctuation and still counts.

use crate::common;

use common::{viewer, viewer_with};
use egui_kittest::kittest::Queryable as _;
use huimou::Report;
use huimou::document::figure_table::{self, Sort};
use huimou::search::{Hit, InitiativeRef, SearchIndex};
use huimou::viewer::app::Startup;
use huimou::viewer::commands::SystemCommand;
use huimou::viewer::place::{SearchScope, View};
use huimou::viewer::settings::Settings;
use huimou::viewer::ui::theme::Palette;

/// A small report whose texts group their digits, in both kinds of comma.
fn grouped() -> Report {
    let source = r#"(
    format_version: 1,
    title: "示例科协工作回眸",
    chapters: [
        (
            id: "organisations",
            number: 1,
            name: "组织",
            headline: "基层组织覆盖面不断扩大",
            initiatives: [
                (
                    id: "societies",
                    title: "学会建设",
                    text: "所属学会，协会、研究会 **210** 个，地方科协 **3,141** 个。",
                    figures: [
                        (id: "local", label: "地方科协", value: 3141, unit: "个"),
                    ],
                ),
                (
                    id: "members",
                    title: "会员发展",
                    text: "发展个人会员 12，500 名，团体会员 1,2,3 类。",
                ),
            ],
        ),
    ],
)"#;
    ron::from_str(source).unwrap_or_else(|e| panic!("{e}"))
}

fn place(initiative: usize) -> InitiativeRef {
    InitiativeRef {
        chapter: 0,
        initiative,
    }
}

/// What `query` highlights in the text of each initiative it finds, as written.
fn highlighted(report: &Report, index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(query, None)
        .into_iter()
        .flat_map(|place| {
            let hit = Hit::new(report, place, query);
            let text = &report.chapters[place.chapter].initiatives[place.initiative].text;
            hit.text
                .iter()
                .map(|r| text[r.clone()].to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_grouped_query_finds_the_ungrouped_number_highlighted_as_written() {
    let dataset = huimou::document::load::embedded();
    let index = dataset.index();
    let plain = index.search("1800", None);
    assert_eq!(plain.len(), 2);
    for query in ["1,800", "1，800", "１，８００", "1,800余万元"] {
        assert_eq!(index.search(query, None), plain, "{query}");
    }
    for &place in &plain {
        let hit = Hit::new(&dataset.report, place, "1,800");
        let initiative = &dataset.report.chapters[place.chapter].initiatives[place.initiative];
        let passages: Vec<&str> = hit
            .text
            .iter()
            .map(|r| &initiative.text[r.clone()])
            .collect();
        assert_eq!(passages, ["1800"]);
        // The figure labelled 捐助资金 does not hold the number; only the text matched.
        assert!(hit.figures.is_empty());
        assert!(hit.title.is_empty());
    }
    let patents = index.search("2,508项", None);
    assert_eq!(patents, index.search("2508项", None));
    assert_eq!(patents.len(), 1);
}

#[test]
fn an_ungrouped_query_finds_the_grouped_number() {
    let report = grouped();
    let index = SearchIndex::new(&report);
    assert_eq!(index.search("3141", None), [place(0)]);
    assert_eq!(highlighted(&report, &index, "3141"), ["3,141"]);
    assert_eq!(highlighted(&report, &index, "3,141"), ["3,141"]);
    assert_eq!(
        highlighted(&report, &index, "科协3141个"),
        ["科协 **3,141** 个"]
    );
    // A full-width comma groups digits too.
    assert_eq!(highlighted(&report, &index, "12500"), ["12，500"]);
    assert_eq!(highlighted(&report, &index, "12,500名"), ["12，500 名"]);
    // Every match has its highlight, and every highlight is found by the index.
    for query in ["3141", "3,141", "12500", "1,2", "123类", "41个", "1,"] {
        let found = index.search(query, None);
        let expected: Vec<InitiativeRef> = (0..2)
            .map(place)
            .filter(|&p| Hit::new(&report, p, query).match_count() > 0)
            .collect();
        assert_eq!(found, expected, "{query}");
    }
}

#[test]
fn a_comma_between_words_still_counts() {
    let report = grouped();
    let index = SearchIndex::new(&report);
    assert_eq!(highlighted(&report, &index, "学会，协会"), ["学会，协会"]);
    assert_eq!(highlighted(&report, &index, "学会,协会"), ["学会，协会"]);
    assert!(index.search("学会协会", None).is_empty());
    // After a number and before a word, a comma is punctuation as well.
    assert_eq!(highlighted(&report, &index, "个，地方"), ["个，地方"]);
    assert!(index.search("210个地方", None).is_empty());
    assert!(index.search("名团体", None).is_empty());
}

#[test]
fn the_search_command_finds_a_grouped_number() {
    let search = |query: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_huimou"))
            .args(["search", query])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{query}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let grouped = search("1,800");
    assert_eq!(grouped.lines().count(), 2, "{grouped}");
    assert!(
        grouped.lines().all(|line| line.contains("【1800】")),
        "{grouped}"
    );
    assert_eq!(grouped, search("1800"));
}

#[test]
fn the_viewer_highlights_a_grouped_query_on_the_digits() {
    let mut harness = viewer();
    harness
        .state_mut()
        .push(SystemCommand::SetSearchScope(SearchScope::Report));
    common::type_query(&mut harness, "1,800");
    assert_eq!(harness.state().session().search().query(), "1,800");
    let match_background =
        Palette::new(harness.ctx.global_style().visuals.dark_mode).match_background;
    let highlighted = common::text_with_background(&harness, match_background);
    assert!(
        highlighted.iter().any(|t| t.contains("1800")),
        "{highlighted:?}"
    );
}

#[test]
fn the_table_of_figures_filters_by_pinyin_and_grouped_numbers() {
    let dataset = huimou::document::load::embedded();
    let kepu = figure_table::rows(&dataset, "科普", Sort::default());
    let kp = figure_table::rows(&dataset, "kp", Sort::default());
    assert!(kepu.len() > 3);
    assert!(kepu.iter().all(|place| kp.contains(place)));
    let total = dataset.figures().count();

    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            view: Some(View::Figures),
            ..Startup::default()
        },
    );
    assert_eq!(harness.state().view(), View::Figures);
    harness.state_mut().push(SystemCommand::SetQuery {
        query: "kp".to_owned(),
        in_table: false,
    });
    harness.run();
    harness.get_by_label(&format!("{} / {total} 个数据符合搜索", kp.len()));
    harness.state_mut().push(SystemCommand::SetQuery {
        query: "2508".to_owned(),
        in_table: false,
    });
    harness.run();
    harness.get_by_label(&format!("1 / {total} 个数据符合搜索"));
    assert!(harness.get_all_by_label("2,508项").count() >= 1);
}
