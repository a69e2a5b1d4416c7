//! Pinyin search: full syllables and initials find Chinese text, after literal matches.

use crate::common;

use common::{data, viewer_with};
use egui_kittest::kittest::Queryable as _;
use huimou::search::{Hit, InitiativeRef};
use huimou::viewer::app::Startup;
use huimou::viewer::commands::SystemCommand;
use huimou::viewer::place::{SearchScope, View};
use huimou::viewer::settings::Settings;
use huimou::viewer::ui::theme::Palette;

fn embedded() -> huimou::Dataset {
    huimou::document::load::embedded()
}

fn titles(dataset: &huimou::Dataset, places: &[InitiativeRef]) -> Vec<String> {
    places
        .iter()
        .map(|p| {
            dataset.report.chapters[p.chapter].initiatives[p.initiative]
                .title
                .clone()
        })
        .collect()
}

#[test]
fn full_pinyin_and_initials_find_what_the_characters_do() {
    let dataset = embedded();
    let index = dataset.index();
    let by_characters = index.search("科普", None);
    assert!(by_characters.len() > 3);
    for query in ["kepu", "kp", "KePu", "ke pu"] {
        let by_pinyin = index.search(query, None);
        for place in &by_characters {
            assert!(by_pinyin.contains(place), "{query} finds every 科普");
        }
    }
    assert_eq!(
        titles(&dataset, &index.search("yuanshi", None)),
        titles(&dataset, &index.search("院士", None))
    );
    // Within a chapter too.
    assert_eq!(index.search("kp", Some(3)), index.search("科普", Some(3)));
}

#[test]
fn the_highlight_falls_on_the_characters_that_matched() {
    let dataset = embedded();
    let place = dataset.index().search("kepu", Some(3))[0];
    let hit = Hit::new(&dataset.report, place, "kepu");
    let initiative = &dataset.report.chapters[place.chapter].initiatives[place.initiative];
    assert!(!hit.text.is_empty() || !hit.title.is_empty());
    for range in hit.title.iter() {
        assert_eq!(&initiative.title[range.clone()], "科普");
    }
    for range in hit.text.iter() {
        assert_eq!(&initiative.text[range.clone()], "科普");
    }
}

#[test]
fn literal_matches_rank_before_pinyin_matches() {
    let source = std::fs::read_to_string(data("good/minimal.ron"))
        .expect("file")
        .replace("建设工作站", "建设工作站 kp 站")
        .replace("协同推进科学普及", "协同推进科普");
    let dataset = huimou::document::load::load_str(&source, huimou::Origin::Embedded)
        .unwrap_or_else(|e| panic!("{}", e.render()));
    let found = titles(&dataset, &dataset.index().search("kp", None));
    assert_eq!(found, ["建设工作站 kp 站", "协同推进科普"]);
}

#[test]
fn typing_kp_shows_kepu_highlighted() {
    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            view: Some(View::Chapter(3)),
            ..Startup::default()
        },
    );
    harness
        .state_mut()
        .push(SystemCommand::SetSearchScope(SearchScope::Chapter));
    let search_box = || (egui::accesskit::Role::TextInput, "搜索");
    harness
        .get_by_role_and_label(search_box().0, search_box().1)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(search_box().0, search_box().1)
        .type_text("kp");
    harness.run();
    assert_eq!(harness.state().session().search().query(), "kp");
    let match_background =
        Palette::new(harness.ctx.global_style().visuals.dark_mode).match_background;
    let highlighted = common::text_with_background(&harness, match_background);
    // Text matches are the two characters; matching figure labels are shown whole.
    assert!(
        highlighted.iter().filter(|t| *t == "科普").count() > 5,
        "{highlighted:?}"
    );
    assert!(
        highlighted.iter().all(|t| t.contains("科普")),
        "{highlighted:?}"
    );

    // The whole report too, grouped by chapter.
    harness
        .state_mut()
        .push(SystemCommand::SetSearchScope(SearchScope::Report));
    harness.run();
    let highlighted = common::text_with_background(&harness, match_background);
    assert!(highlighted.iter().any(|t| t == "科普"), "{highlighted:?}");
}

#[test]
fn the_search_command_prints_what_the_viewer_finds() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_huimou"))
        .args(["search", "kepu"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let dataset = embedded();
    let places = dataset.index().search("kepu", None);
    assert_eq!(text.lines().count(), places.len());
    let first = text.lines().next().expect("a line");
    let columns: Vec<&str> = first.split('\t').collect();
    assert_eq!(columns.len(), 3, "{first}");
    assert_eq!(columns[0], "1 思想");
    assert!(columns[2].contains("【科普】"), "{first}");

    let none = std::process::Command::new(env!("CARGO_BIN_EXE_huimou"))
        .args([
            "search",
            data("good/minimal.ron").to_str().expect("path"),
            "zzzz",
        ])
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
}

#[test]
fn a_large_report_builds_its_pinyin_index_in_the_background_and_finds_the_same() {
    let mut text = String::from(
        "(format_version: 1, title: \"大\", chapters: [(id: \"c\", number: 1, name: \"章\", headline: \"标题\", initiatives: [\n",
    );
    for i in 0..3_000 {
        let topic = if i % 3 == 0 { "科普" } else { "建设" };
        text.push_str(&format!(
            "(id: \"i{i}\", title: \"举措{i}\", text: \"开展{topic}工作 **{i}** 项。\", figures: [(id: \"f{i}\", label: \"项目\", value: {i}, unit: \"项\")]),\n"
        ));
    }
    text.push_str("])])\n");
    let dataset = huimou::document::load::load_str(&text, huimou::Origin::Embedded)
        .unwrap_or_else(|e| panic!("{}", e.render()));
    let index = dataset.index();
    assert_eq!(index.search("kp", None), index.search("科普", None));
    assert_eq!(index.search("kepu", None).len(), 1_000);
}

use crate::generate;

/// Whether `letters` match `field` as pinyin, found the plainest way: at every character, the
/// initials compared, then every reading's syllables. The index's search (blocks of text,
/// byte searches on initials, two threads) must find exactly what this finds.
fn field_matches(
    field: &str,
    letters: &str,
    syllables: &mut huimou::search::pinyin::Syllables,
) -> bool {
    use huimou::search::pinyin;
    let mut text = pinyin::PinyinText::default();
    text.push(field, true, syllables);
    let readings = pinyin::readings(letters, syllables);
    let ids: Vec<u16> = text
        .syllables
        .iter()
        .map(|b| u16::from_le_bytes(*b))
        .collect();
    (0..text.len()).any(|start| {
        text.initials[start..].starts_with(letters.as_bytes())
            || readings.iter().any(|reading| {
                let next = start + reading.whole().len();
                next < ids.len()
                    && ids[start..next] == *reading.whole()
                    && reading.last().contains(&ids[next])
            })
    })
}

#[test]
fn the_index_finds_by_pinyin_what_a_plain_scan_of_every_character_finds() {
    // 12,000 initiatives: several blocks of the index's pinyin, searched on two threads.
    let simplified = generate::generate(12, 1000);
    let mut traditional = simplified.clone();
    for initiative in traditional
        .chapters
        .iter_mut()
        .flat_map(|c| &mut c.initiatives)
    {
        initiative.title = hanconv::s2t(&initiative.title);
        initiative.text = hanconv::s2t(&initiative.text);
        for figure in &mut initiative.figures {
            figure.label = hanconv::s2t(&figure.label);
        }
    }
    let queries = [
        "kepu",
        "kp",
        "yuanshi",
        "ys",
        "xiang",
        "xia",
        "xuehui",
        "kejichuangxin",
        "gongzuo",
        "kexie",
        "zzz",
    ];
    for report in [&simplified, &traditional] {
        let index = huimou::search::SearchIndex::new(report);
        let mut syllables = huimou::search::pinyin::Syllables::default();
        for query in queries {
            let mut expected = Vec::new();
            for (c, chapter) in report.chapters.iter().enumerate() {
                for (i, initiative) in chapter.initiatives.iter().enumerate() {
                    let fields = [&initiative.title, &initiative.text]
                        .into_iter()
                        .chain(initiative.figures.iter().map(|f| &f.label));
                    let mut fields = fields;
                    if fields.any(|f| field_matches(f, query, &mut syllables)) {
                        expected.push(InitiativeRef {
                            chapter: c,
                            initiative: i,
                        });
                    }
                }
            }
            let mut found = index.search(query, None);
            found.sort_by_key(|p| (p.chapter, p.initiative));
            assert_eq!(found.len(), expected.len(), "{query}");
            assert_eq!(found, expected, "{query}");
            if query != "zzz" {
                assert!(!expected.is_empty(), "{query} finds something");
            }
        }
    }
}
