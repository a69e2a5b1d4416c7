//! Search is blind to script and spacing: simplified queries find traditional text and the
//! other way round, spaces and figure marks between a number and its neighbours do not count,
//! pinyin reads traditional characters, and highlights fall on the text as written.

use huimou::Report;
use huimou::search::{Hit, InitiativeRef, SearchIndex};

/// A small report in traditional characters (and one initiative in simplified ones), built in
/// memory from the dataset format without validation.
fn traditional() -> Report {
    let source = r#"(
    format_version: 1,
    title: "示例科協工作回眸",
    chapters: [
        (
            id: "organisations",
            number: 1,
            name: "組織",
            headline: "基層組織覆蓋面不斷擴大",
            initiatives: [
                (
                    id: "societies",
                    title: "學會建設",
                    text: "所屬全國學會、協會、研究會 **210** 個，地方科協 **3141** 個。",
                    figures: [
                        (id: "societies", label: "全國學會", value: 210, unit: "个"),
                        (id: "local", label: "地方科協", value: 3141, unit: "个"),
                    ],
                ),
                (
                    id: "grassroots",
                    title: "基層組織",
                    text: "鄉鎮科協 **3.1** 萬多個，街道科協近 **8400** 多個，服務 **38** 萬餘人次。",
                    figures: [
                        (id: "towns", label: "鄉鎮科協", value: 3.1, unit: "万多个"),
                        (id: "streets", label: "街道科協", prefix: Some("近"), value: 8400, unit: "多个"),
                    ],
                ),
                (
                    id: "volunteers",
                    title: "志愿服务",
                    text: "注册科普志愿者 38 万余人，建成服务站 8400 个。",
                ),
                (
                    id: "history",
                    title: "乾隆年間的學堂",
                    text: "整理乾隆年間書院史料。",
                ),
            ],
        ),
    ],
)"#;
    ron::from_str(source).unwrap_or_else(|e| panic!("{e}"))
}

/// What each match of `query` highlights in the initiative at `place`: its title's and text's
/// matched passages as written.
fn highlighted(report: &Report, place: InitiativeRef, query: &str) -> Vec<String> {
    let hit = Hit::new(report, place, query);
    let initiative = &report.chapters[place.chapter].initiatives[place.initiative];
    hit.title
        .iter()
        .map(|r| initiative.title[r.clone()].to_owned())
        .chain(
            hit.text
                .iter()
                .map(|r| initiative.text[r.clone()].to_owned()),
        )
        .collect()
}

/// Every passage that `query` highlights across the report, in report order.
fn everything_highlighted(report: &Report, index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(query, None)
        .into_iter()
        .flat_map(|place| highlighted(report, place, query))
        .collect()
}

fn place(initiative: usize) -> InitiativeRef {
    InitiativeRef {
        chapter: 0,
        initiative,
    }
}

#[test]
fn simplified_queries_find_traditional_text_highlighted_as_written() {
    let report = traditional();
    let index = SearchIndex::new(&report);
    assert_eq!(index.search("协会", None), [place(0)]);
    assert_eq!(highlighted(&report, place(0), "协会"), ["協會"]);
    assert_eq!(
        everything_highlighted(&report, &index, "科协"),
        ["科協", "科協", "科協"]
    );
    assert_eq!(
        everything_highlighted(&report, &index, "学会"),
        ["學會", "學會"]
    );
    assert_eq!(everything_highlighted(&report, &index, "乡镇"), ["鄉鎮"]);
    assert_eq!(everything_highlighted(&report, &index, "万多"), ["萬多"]);
    // Figure labels too.
    let hit = Hit::new(&report, place(1), "街道科协");
    assert_eq!(hit.figures, [1]);
}

#[test]
fn traditional_queries_find_traditional_and_simplified_text() {
    let report = traditional();
    let index = SearchIndex::new(&report);
    assert_eq!(index.search("協會", None), index.search("协会", None));
    assert_eq!(
        everything_highlighted(&report, &index, "萬多個"),
        ["萬多個"]
    );
    // Traditional and simplified in one query.
    assert_eq!(
        everything_highlighted(&report, &index, "乡鎮科協"),
        ["鄉鎮科協"]
    );
    assert_eq!(
        everything_highlighted(&report, &index, "志願"),
        ["志愿", "志愿"],
        "a traditional query finds simplified text"
    );

    // The built-in report is in simplified characters.
    let dataset = huimou::document::load::embedded();
    let found = dataset.index().search("協會", None);
    assert!(!found.is_empty());
    assert_eq!(found, dataset.index().search("协会", None));
    for place in found {
        let passages = highlighted(&dataset.report, place, "協會");
        assert!(!passages.is_empty());
        assert!(passages.iter().all(|p| p == "协会"), "{passages:?}");
    }
    assert_eq!(
        dataset.index().search("科協", None),
        dataset.index().search("科协", None)
    );
}

#[test]
fn spaces_and_figure_marks_between_a_number_and_its_neighbours_do_not_count() {
    let report = traditional();
    let index = SearchIndex::new(&report);
    // The highlight runs from the first character matched to the last, over what was skipped.
    assert_eq!(
        everything_highlighted(&report, &index, "近8400"),
        ["近 **8400"]
    );
    assert_eq!(
        everything_highlighted(&report, &index, "8400个"),
        ["8400 个"]
    );
    assert_eq!(
        everything_highlighted(&report, &index, "38万"),
        ["38** 萬", "38 万"]
    );
    assert_eq!(
        everything_highlighted(&report, &index, "38 万余"),
        ["38** 萬餘", "38 万余"]
    );
    assert_eq!(
        everything_highlighted(&report, &index, "8400 多个"),
        ["8400** 多個"]
    );
    // An ideographic space in the query counts for nothing either.
    assert_eq!(
        everything_highlighted(&report, &index, "近\u{3000}8400"),
        ["近 **8400"]
    );
    // But the characters must still follow one another.
    assert!(index.search("近8400个", None).is_empty());

    let dataset = huimou::document::load::embedded();
    let found = dataset.index().search("38个海外", None);
    assert_eq!(found.len(), 1);
    assert_eq!(
        highlighted(&dataset.report, found[0], "38个海外"),
        ["38** 个海外"]
    );
}

#[test]
fn pinyin_reads_traditional_characters() {
    let report = traditional();
    let index = SearchIndex::new(&report);
    assert_eq!(index.search("xuehui", None), [place(0)]);
    assert_eq!(highlighted(&report, place(0), "xuehui"), ["學會", "學會"]);
    let by_initials = everything_highlighted(&report, &index, "xh");
    assert!(by_initials.contains(&"學會".to_owned()), "{by_initials:?}");
    assert!(
        by_initials.iter().all(|p| p == "學會" || p == "協會"),
        "{by_initials:?}"
    );
    assert_eq!(
        everything_highlighted(&report, &index, "kexie"),
        ["科協", "科協", "科協"]
    );
    assert_eq!(
        everything_highlighted(&report, &index, "xiangzhen"),
        ["鄉鎮"]
    );
    assert_eq!(everything_highlighted(&report, &index, "jiedao"), ["街道"]);
}

#[test]
fn a_traditional_character_keeps_its_own_reading() {
    // 乾 reads qian and folds to 干 (gan): the literal search finds either, pinyin the first.
    let report = traditional();
    let index = SearchIndex::new(&report);
    assert_eq!(
        everything_highlighted(&report, &index, "干隆"),
        ["乾隆", "乾隆"]
    );
    assert_eq!(
        everything_highlighted(&report, &index, "qianlong"),
        ["乾隆", "乾隆"]
    );
    assert!(index.search("ganlong", None).is_empty());
}

#[test]
fn every_place_found_has_a_highlight() {
    let report = traditional();
    let index = SearchIndex::new(&report);
    let all: Vec<InitiativeRef> = (0..report.chapters[0].initiatives.len())
        .map(place)
        .collect();
    for query in [
        "协会", "協會", "科协", "学会", "近8400", "38万", "万余", "xuehui", "xh", "kx", "kexie",
        "qianlong", "ql", "shuyuan", "干", "乾", "8400", "个",
    ] {
        let found = index.search(query, None);
        let expected: Vec<InitiativeRef> = all
            .iter()
            .copied()
            .filter(|&p| Hit::new(&report, p, query).match_count() > 0)
            .collect();
        let mut sorted = found.clone();
        sorted.sort();
        assert_eq!(sorted, expected, "{query}");
    }
}

#[test]
fn a_large_traditional_report_reads_pinyin_in_the_background_the_same_way() {
    // Enough initiatives for the pinyin index to be built on a thread of its own.
    let mut report = traditional();
    let initiatives = report.chapters[0].initiatives.clone();
    for copy in 1..600 {
        for initiative in &initiatives {
            let mut initiative = initiative.clone();
            initiative.id = format!("{}-{copy}", initiative.id);
            report.chapters[0].initiatives.push(initiative);
        }
    }
    assert!(report.initiative_count() >= 2_000);
    let index = SearchIndex::new(&report);
    assert_eq!(index.search("qianlong", None).len(), 600);
    assert!(index.search("ganlong", None).is_empty());
    assert_eq!(index.search("xuehui", None), index.search("學會", None));
    assert_eq!(index.search("近8400", None).len(), 600);
}
