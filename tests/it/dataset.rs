//! The embedded Chengdu report: complete, faithful to its source, and understood correctly.

use huimou::document::load;
use huimou::{ChartKind, Origin, Qualifier, Report, Severity};

const SOURCE: &str = include_str!("../data/chengdu-cast-review.source.txt");

#[test]
fn embedded_report_loads_with_only_the_repeated_passage_warning() {
    let dataset = load::embedded();
    let report = &dataset.report;
    assert_eq!(report.chapters.len(), 5);
    assert_eq!(report.initiative_count(), 21);
    assert_eq!(dataset.figures().count(), 59);
    assert_eq!(dataset.warnings.len(), 1, "{:#?}", dataset.warnings);
    let warning = &dataset.warnings[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning
            .message
            .contains("repeated from 「在学习贯彻新思想中不断凝聚共识」"),
        "{}",
        warning.message
    );
    let location = warning.location.as_ref().expect("located");
    // The long line is shown around the repeated passage, which the column points at.
    assert!(
        location
            .line_text
            .contains("疫情期间，科协系统各类科普传播平台"),
        "{}",
        location.line_text
    );
    assert_eq!(location.char_at(location.column), Some('疫'));
}

#[test]
fn cover_and_chapters_match_the_source() {
    let report = load::embedded().report;
    assert_eq!(report.title, "成都市科学技术协会八大以来工作回眸");
    assert_eq!(report.subtitle, "GONG ZUO HUI MOU");
    assert_eq!(report.motto, "勇担使命 创新争先");
    for text in [&report.title, &report.subtitle, &report.motto] {
        assert!(SOURCE.contains(text.as_str()));
    }
    let names: Vec<&str> = report.chapters.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["思想", "资源", "创新", "科普", "建设"]);
    for (i, chapter) in report.chapters.iter().enumerate() {
        assert_eq!(chapter.number as usize, i + 1);
        assert!(
            SOURCE.lines().any(|l| l == chapter.headline),
            "{}",
            chapter.headline
        );
        assert!(
            SOURCE.lines().any(|l| l == chapter.name),
            "{}",
            chapter.name
        );
    }
}

#[test]
fn every_initiative_is_verbatim_and_in_source_order() {
    let report = load::embedded().report;
    let mut from = 0;
    for chapter in &report.chapters {
        for initiative in &chapter.initiatives {
            let block = format!("- **{}**\n{}\n", initiative.title, initiative.text);
            let at = SOURCE[from..].find(&block).unwrap_or_else(|| {
                panic!("「{}」 is not verbatim, or out of order", initiative.title)
            });
            from += at + block.len();
        }
    }
    let source_initiatives = SOURCE.lines().filter(|l| l.starts_with("- **")).count();
    assert_eq!(source_initiatives, report.initiative_count());
}

#[test]
fn every_bold_number_of_the_source_is_a_figure_in_order() {
    let dataset = load::embedded();
    let bold: Vec<&str> = SOURCE
        .lines()
        .filter(|l| !l.starts_with("- **"))
        .flat_map(|l| l.split("**").skip(1).step_by(2))
        .collect();
    let figures: Vec<String> = dataset
        .figures()
        .map(|(place, figure)| {
            let percent = if dataset.quantity(place).is_percent() {
                "%"
            } else {
                ""
            };
            format!("{}{percent}", figure.value)
        })
        .collect();
    assert_eq!(bold.len(), 59);
    assert_eq!(bold, figures);
}

#[test]
fn base_values_match_the_source() {
    use Qualifier::{MoreThan, Nearly, Over};
    let expected: &[(&str, f64, &str, Option<Qualifier>)] = &[
        ("covid-reads", 139_600_000.0, "次", None),
        ("covid-screening", 12_000.0, "人次", None),
        ("covid-donated-funds", 18_000_000.0, "元", Some(MoreThan)),
        ("covid-donated-supplies", 4_500_000.0, "元", Some(MoreThan)),
        ("covid-reads-2", 139_600_000.0, "次", None),
        ("covid-screening-2", 12_000.0, "人次", None),
        ("covid-donated-funds-2", 18_000_000.0, "元", Some(MoreThan)),
        (
            "covid-donated-supplies-2",
            4_500_000.0,
            "元",
            Some(MoreThan),
        ),
        ("reform-tasks", 21.0, "项", None),
        ("reform-tasks-done", 19.0, "项", None),
        ("research-topics", 135.0, "项", None),
        ("policy-advice", 14.0, "项", None),
        ("overseas-bases", 38.0, "个", None),
        ("industry-stations", 2.0, "个", None),
        ("talent-projects", 26.0, "个", None),
        ("service-stations", 5.0, "个", None),
        ("workstations", 179.0, "个", None),
        ("academicians", 71.0, "名", None),
        ("experts", 670.0, "名", None),
        ("government-projects", 553.0, "项", None),
        ("funding", 3_120_000_000.0, "元", None),
        ("key-technologies", 522.0, "项", None),
        ("national-standards", 42.0, "项", None),
        ("patents", 2508.0, "项", None),
        ("science-awards", 147.0, "个", None),
        ("academic-events", 2090.0, "场次", Some(MoreThan)),
        ("academic-participants", 67_000.0, "人次", Some(MoreThan)),
        ("academic-papers", 6320.0, "篇", Some(MoreThan)),
        ("poverty-funds", 2_000_000.0, "元", None),
        ("literacy-2018", 11.7, "%", None),
        ("literacy-2012", 6.2, "%", None),
        ("literacy-growth", 88.7, "%", None),
        ("reading-rooms", 520.0, "台", Some(MoreThan)),
        ("wechat-districts", 20.0, "个", None),
        ("e-stations", 396.0, "个", None),
        ("push-pilots", 53.0, "个", None),
        ("demo-counties", 15.0, "个", None),
        ("education-bases", 7.0, "个", None),
        ("rural-bases", 86.0, "个", None),
        ("demo-communities", 207.0, "个", None),
        ("farm-associations", 58.0, "个", None),
        ("volunteer-teams", 300.0, "支", Some(MoreThan)),
        ("volunteers", 8000.0, "人", Some(MoreThan)),
        ("app-communicators", 20_000.0, "人", Some(MoreThan)),
        ("shared-articles", 230_000.0, "次", Some(MoreThan)),
        ("science-activities", 40_000.0, "次", Some(MoreThan)),
        ("activity-participants", 10_000_000.0, "人次", Some(Over)),
        ("university-associations", 19.0, "家", None),
        ("enterprise-associations", 325.0, "家", None),
        ("new-type-organisations", 7.0, "个", None),
        ("selected-societies", 14.0, "家", None),
        ("transferred-projects", 22.0, "项", None),
        ("societies-5a", 13.0, "家", None),
        ("suggestions", 70.0, "条", Some(MoreThan)),
        ("proposals", 164.0, "项", None),
        ("lead-cases", 9.0, "件", None),
        ("assisted-cases", 13.0, "件", None),
        ("hall-events", 1900.0, "场次", Some(MoreThan)),
        ("hall-visitors", 185_000.0, "人次", Some(Nearly)),
    ];
    let dataset = load::embedded();
    let ids: Vec<&str> = dataset.figures().map(|(_, f)| f.id.as_str()).collect();
    let expected_ids: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(ids, expected_ids);
    for &(id, base_value, base_unit, qualifier) in expected {
        let (place, _) = dataset.figure_by_id(id).expect("figure exists");
        let quantity = dataset.quantity(place);
        assert_eq!(quantity.base_value, base_value, "{id}");
        assert_eq!(quantity.base_unit, base_unit, "{id}");
        // The word before the number first (超过 1000 万余人次 is "over").
        assert_eq!(quantity.prefix.or(quantity.suffix), qualifier, "{id}");
    }
}

#[test]
fn every_chapter_with_figures_has_charts_of_one_unit() {
    let dataset = load::embedded();
    for chapter in &dataset.report.chapters {
        let has_figures = chapter.initiatives.iter().any(|i| !i.figures.is_empty());
        assert_eq!(
            has_figures,
            !chapter.charts.is_empty(),
            "chapter {}",
            chapter.name
        );
        for chart in &chapter.charts {
            let units: std::collections::HashSet<&str> = chart
                .figures
                .iter()
                .map(|id| {
                    let (place, _) = dataset.figure_by_id(id).expect("chart figure exists");
                    dataset.quantity(place).base_unit.as_str()
                })
                .collect();
            assert_eq!(units.len(), 1, "{}", chart.title);
        }
    }
    let kinds: Vec<ChartKind> = dataset
        .report
        .chapters
        .iter()
        .flat_map(|c| c.charts.iter().map(|k| k.kind))
        .collect();
    assert!(kinds.contains(&ChartKind::Progress) && kinds.contains(&ChartKind::Comparison));
}

#[test]
fn figure_marks_link_to_their_figures() {
    let dataset = load::embedded();
    for (c, chapter) in dataset.report.chapters.iter().enumerate() {
        for (i, initiative) in chapter.initiatives.iter().enumerate() {
            let linked: Vec<usize> = dataset
                .segments(c, i)
                .iter()
                .filter_map(|s| s.figure)
                .collect();
            assert_eq!(
                linked,
                (0..initiative.figures.len()).collect::<Vec<_>>(),
                "{}",
                initiative.title
            );
            let shown: String = dataset
                .segments(c, i)
                .iter()
                .map(|s| &initiative.text[s.range.clone()])
                .collect();
            assert_eq!(shown, huimou::report::markup::plain(&initiative.text));
        }
    }
}

#[test]
fn model_round_trips_through_ron() {
    let report = load::embedded().report;
    let written =
        ron::ser::to_string_pretty(&report, ron::ser::PrettyConfig::default()).expect("serializes");
    let read: Report = ron::from_str(&written).expect("parses back");
    assert_eq!(read, report);
    // And what is written validates as a dataset of its own.
    let again = load::load_str(&written, Origin::Embedded).expect("valid");
    assert_eq!(again.report, report);
}

#[test]
fn key_figures_lead_with_the_point_of_each_chart_each_once() {
    let dataset = load::embedded();
    for c in 0..dataset.report.chapters.len() {
        let keys = dataset.key_figures(c);
        assert!(!keys.is_empty() && keys.len() <= huimou::document::dataset::KEY_FIGURES);
        for (i, key) in keys.iter().enumerate() {
            assert!(
                !keys[..i].contains(key),
                "chapter {} repeats a key figure",
                c + 1
            );
            assert_eq!(key.chapter, c);
        }
    }
    // Chapter 4's comparison is 6.2% in 2012 → 11.7% in 2018: the card leads with 2018.
    let first = dataset.figure(dataset.key_figures(3)[0]);
    assert_eq!(first.id, "literacy-2018");
    assert_eq!(first.period.as_deref(), Some("2018"));
}

#[test]
fn an_author_names_the_key_figures() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/chengdu-cast-review.ron"
    ))
    .expect("the embedded dataset's source");
    let named = source.replacen(
        "            charts: [",
        "            key_figures: [\"patents\", \"workstations\"],\n            charts: [",
        1,
    );
    let dataset = load::load_str(&named, Origin::Embedded).expect("loads");
    let chapter = dataset
        .report
        .chapters
        .iter()
        .position(|c| c.key_figures.len() == 2)
        .expect("a chapter names key figures");
    let ids: Vec<&str> = dataset
        .key_figures(chapter)
        .into_iter()
        .map(|place| dataset.figure(place).id.as_str())
        .collect();
    assert_eq!(ids, ["patents", "workstations"]);
}

/// A large dataset is parsed in parts on two threads; the parts must make the report a whole
/// parse makes, for every dataset the tests keep and a generated one.
#[test]
fn parsing_in_parts_reads_what_a_whole_parse_reads() {
    use huimou::document::parse;
    let generated = crate::generate::to_ron(&crate::generate::generate(6, 40));
    let mut sources = vec![
        generated,
        huimou::document::load::EMBEDDED_SOURCE.to_owned(),
    ];
    for path in crate::common::data_files("good") {
        sources.push(std::fs::read_to_string(&path).expect("readable"));
    }
    for source in &sources {
        let whole: huimou::Report = ron::from_str(source).expect("a valid dataset");
        let parts = parse::report_from(source, 0).expect("parsed in parts");
        assert_eq!(parts, whole);
        if let Some(count) = parse::chapter_texts(source) {
            assert_eq!(count, whole.chapters.len());
        }
    }
    // The generated dataset, as tools write one, is parsed in parts (not left whole).
    assert_eq!(parse::chapter_texts(&sources[0]), Some(6));
}
