//! A shelf of reports across years (`tests/data/shelf`): what is joined into a series and what
//! never is, where each reading stands, and the command line over a folder.
//!
//! The fixtures stand for a city government's work reports as published each January on the
//! year before (the cover's date line, the speaker, 一、 chapters such as 2022年工作回顾, numbers
//! never bold): two reviewed datasets (2022, 2023; the 2023 one restates 2021's output with a
//! revised value and sets targets for 2023), the 2024 report as published text to import, and a
//! district's report that uses the city's labels for its own measures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use huimou::Status;
use huimou::shelf::{self, Shelf};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/shelf")
}

fn opened() -> Shelf {
    shelf::open(&folder(), None).expect("the shelf opens")
}

/// The series with this id, and each reading as (report file, year, value as written, status).
fn readings(shelf: &Shelf, id: &str) -> Vec<(String, Option<u32>, String, Status)> {
    let series = shelf
        .series_by_id(id)
        .unwrap_or_else(|| panic!("no series {id}: {:?}", ids(shelf)));
    series
        .points
        .iter()
        .map(|p| {
            let report = &shelf.reports[p.report];
            (
                report.file_name(),
                p.year,
                report.dataset.figure_as_written(p.figure),
                p.status,
            )
        })
        .collect()
}

fn ids(shelf: &Shelf) -> Vec<&str> {
    shelf.series.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn a_folder_is_listed_by_publisher_and_year_and_the_newest_opens() {
    let shelf = opened();
    let listed: Vec<(String, Option<u32>)> = shelf
        .reports
        .iter()
        .map(|r| (r.publisher.clone(), r.year))
        .collect();
    assert_eq!(
        listed,
        [
            ("示例市".to_owned(), Some(2024)),
            ("示例市人民政府".to_owned(), Some(2022)),
            ("示例市人民政府".to_owned(), Some(2023)),
            ("示例市示例区人民政府".to_owned(), Some(2023)),
        ]
    );
    assert_eq!(shelf.reports[shelf.newest()].year, Some(2024));
    assert!(shelf.refused.is_empty(), "{:?}", shelf.refused);
}

#[test]
fn one_measure_is_joined_across_years_folded_for_its_variants() {
    let shelf = opened();
    // 城镇新增就业人数 (2022) and 城镇新增就业 (2023, and the imported 2024, whose guessed
    // label is the confirmed one exactly) are one series; the district's is not in it.
    assert_eq!(
        readings(&shelf, "城镇新增就业"),
        [
            (
                "示例市政府工作报告-2022.ron".to_owned(),
                Some(2021),
                "3.9万人".to_owned(),
                Status::Result
            ),
            (
                "示例市政府工作报告-2023.ron".to_owned(),
                Some(2022),
                "4.0万人".to_owned(),
                Status::Result
            ),
            (
                "示例市政府工作报告-2024.txt".to_owned(),
                Some(2023),
                "4.2万人以上".to_owned(),
                Status::Result
            ),
            (
                "示例市政府工作报告-2023.ron".to_owned(),
                Some(2023),
                "4万人以上".to_owned(),
                Status::Target
            ),
            (
                "示例市政府工作报告-2024.txt".to_owned(),
                Some(2024),
                "4万人以上".to_owned(),
                Status::Target
            ),
        ]
    );
    let series = shelf.series_by_id("城镇新增就业").expect("series");
    assert!(series.guessed, "the imported report's label was guessed");
    assert!(
        !series
            .points
            .iter()
            .any(|p| shelf.reports[p.report].publisher.contains('区')),
        "a district's figures never join the city's series"
    );
}

#[test]
fn a_restated_value_for_the_same_year_is_kept_and_marked() {
    let shelf = opened();
    let series = shelf.series_by_id("地区生产总值").expect("series");
    let of_2021: Vec<(String, bool)> = series
        .points
        .iter()
        .filter(|p| p.year == Some(2021))
        .map(|p| {
            let report = &shelf.reports[p.report];
            (report.dataset.figure_as_written(p.figure), p.disputed)
        })
        .collect();
    assert_eq!(
        of_2021,
        [
            ("2,010亿元".to_owned(), true),
            ("2,030亿元".to_owned(), true)
        ]
    );
    // The imported report's 全市地区生产总值 is a guessed label, not the confirmed one: it does
    // not join on a near match.
    assert!(series.points.iter().all(|p| {
        let report = &shelf.reports[p.report];
        report.dataset.figure(p.figure).label != "全市地区生产总值"
    }));
    // A line per unit: the yuan never share a line with the growth rate's per cent.
    let lines = series.lines();
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("元|") || l.starts_with("%|")),
        "{lines:?}"
    );
}

#[test]
fn an_explicit_series_joins_what_the_author_says_and_nothing_else() {
    let dir = scratch("explicit");
    let city =
        std::fs::read_to_string(folder().join("示例市政府工作报告-2023.ron")).expect("test data");
    let district = std::fs::read_to_string(folder().join("示例市示例区政府工作报告-2023.ron"))
        .expect("test data");
    let settle = |text: &str, label: &str| {
        text.replace(
            &format!("label: \"{label}\", value"),
            &format!("label: \"{label}\", series: Some(\"jobs\"), value"),
        )
    };
    std::fs::write(dir.join("city.ron"), settle(&city, "城镇新增就业")).expect("test data");
    std::fs::write(dir.join("district.ron"), settle(&district, "城镇新增就业")).expect("test data");
    let shelf = shelf::open(&dir, None).expect("opens");
    let jobs = shelf.series_by_id("jobs").expect("the author's series");
    assert!(jobs.explicit);
    assert_eq!(
        jobs.report_count(),
        2,
        "across publishers, as the author says"
    );
    assert_eq!(
        jobs.publisher, "",
        "a series of two publishers names neither"
    );
    // Without the author's word, the two publishers' 地区生产总值 stay apart.
    assert!(
        shelf.series_by_id("地区生产总值").is_none(),
        "{:?}",
        ids(&shelf)
    );
}

#[test]
fn a_report_that_cannot_be_read_is_said_and_the_rest_open() {
    let dir = scratch("refused");
    for name in ["示例市政府工作报告-2022.ron", "示例市政府工作报告-2023.ron"] {
        std::fs::copy(folder().join(name), dir.join(name)).expect("test data");
    }
    std::fs::write(dir.join("broken.ron"), "(format_version: 2, title: ").expect("test data");
    let shelf = shelf::open(&dir, None).expect("opens");
    assert_eq!(shelf.reports.len(), 2);
    assert_eq!(shelf.refused.len(), 1);
    let why = shelf.refused[0].why_in(huimou::report::lang::Lang::En);
    assert!(why.contains("broken.ron:1:"), "names where: {why}");
    // A folder with no report at all is not a shelf.
    let empty = scratch("empty");
    let error = shelf::open(&empty, None).expect_err("nothing to open");
    assert!(
        error
            .message(huimou::report::lang::Lang::En)
            .contains("holds no report")
    );
}

#[test]
fn an_imported_report_is_cached_by_content() {
    let cache = scratch("cache");
    let first = shelf::open(&folder(), Some(&cache)).expect("opens");
    let entries: Vec<PathBuf> = std::fs::read_dir(&cache)
        .expect("test data")
        .map(|e| e.expect("test data").path())
        .collect();
    assert_eq!(entries.len(), 1, "one imported report, one entry");
    // The second opening reads the entry, not the text: a changed entry shows.
    let kept = std::fs::read_to_string(&entries[0]).expect("test data");
    std::fs::write(&entries[0], kept.replace("政府工作报告", "缓存里的报告")).expect("test data");
    let second = shelf::open(&folder(), Some(&cache)).expect("opens");
    let title = |s: &Shelf| s.reports[s.newest()].title().to_owned();
    assert_eq!(title(&first), "政府工作报告");
    assert_eq!(title(&second), "缓存里的报告");
    // An entry that no longer reads is imported again.
    std::fs::write(&entries[0], "(").expect("test data");
    let third = shelf::open(&folder(), Some(&cache)).expect("opens");
    assert_eq!(title(&third), "政府工作报告");
}

/// An empty folder of its own under the target folder.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("shelf-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("test data");
    dir
}

fn huimou(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huimou"))
        .args(args)
        .env("HUIMOU_DATA_DIR", data)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("runs")
}

#[test]
fn the_command_line_takes_a_folder() {
    let data = scratch("cli-data");
    let dir = folder();
    let dir = dir.to_str().expect("test data");
    let series = huimou(&["series", dir], &data);
    let text = String::from_utf8(series.stdout).expect("test data");
    assert_eq!(series.status.code(), Some(0));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("series,report,publisher,period,label,value,base_value,unit,status")
    );
    assert!(
        text.contains("城镇新增就业,示例市政府工作报告-2022.ron,示例市人民政府,2021,城镇新增就业人数,3.9万人,39000,万人,result"),
        "{text}"
    );
    assert!(
        text.contains(",2023,城镇新增就业,4万人以上,40000,万人以上,target"),
        "{text}"
    );

    let figures = huimou(&["figures", dir], &data);
    let text = String::from_utf8(figures.stdout).expect("test data");
    assert!(
        text.starts_with("report,chapter,initiative,label,value,unit,"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n示例市示例区政府工作报告-2023.ron,1,全区经济平稳运行,地区生产总值,312,亿元,"
        )
    );

    let search = huimou(&["search", dir, "jiuye"], &data);
    let text = String::from_utf8(search.stdout).expect("test data");
    assert_eq!(search.status.code(), Some(0));
    let reports: Vec<&str> = text.lines().filter_map(|l| l.split('\t').next()).collect();
    assert!(reports.len() >= 4, "{text}");
    let mut grouped = reports.clone();
    grouped.dedup();
    let mut sorted = grouped.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(grouped.len(), sorted.len(), "grouped by report: {text}");

    let none = huimou(&["series", data.to_str().expect("test data")], &data);
    assert_eq!(none.status.code(), Some(2));
    let said = String::from_utf8(none.stderr).expect("test data");
    assert!(said.contains("holds no report"), "{said}");
}

/// The fixtures' datasets alone (no report to import: the viewer's cache would go to the
/// tester's data folder).
fn datasets_only(name: &str) -> PathBuf {
    let dir = scratch(name);
    for entry in std::fs::read_dir(folder()).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&path, dir.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    dir
}

fn viewer_on(folder: PathBuf) -> egui_kittest::Harness<'static, huimou::viewer::app::HuimouApp> {
    crate::common::viewer_with(
        huimou::viewer::settings::Settings::default(),
        huimou::viewer::app::Startup {
            file: Some(folder),
            ..Default::default()
        },
    )
}

#[test]
fn the_viewer_opens_a_folder_on_its_newest_report_and_lists_the_shelf() {
    use egui_kittest::kittest::Queryable as _;
    use huimou::viewer::commands::UiCommand;
    use huimou::viewer::place::View;
    let mut harness = viewer_on(datasets_only("viewer-open"));
    let app = harness.state();
    let on = app.session().shelf().expect("a shelf");
    // The newest: 2023, the last listed of that year (the district's, by publisher).
    assert_eq!(on.shelf.reports[on.report].year, Some(2023));
    assert_eq!(app.view(), View::Overview);
    // Alt+B, as the table of commands has it.
    harness.state_mut().push(UiCommand::Shelf);
    harness.run();
    assert_eq!(harness.state().view(), View::Shelf);
    harness.get_by_label("报告（3）");
    harness.get_by_label("跨年度的数据（3）");
    // A series, clicked, shows its readings; its restated year says so.
    harness.get_by_label("地区生产总值").click();
    harness.run();
    let View::Series(s) = harness.state().view() else {
        panic!("a series on screen: {:?}", harness.state().view());
    };
    assert_eq!(
        harness
            .state()
            .session()
            .shelf()
            .expect("shelf")
            .shelf
            .series[s]
            .id,
        "地区生产总值"
    );
    harness.get_by_label("2,010亿元");
    harness.get_by_label("2,030亿元");
    assert_eq!(harness.query_all_by_label("不一致").count(), 2);
}

#[test]
fn a_reading_opens_its_report_at_its_sentence_and_switching_keeps_the_chapter() {
    use egui_kittest::kittest::Queryable as _;
    use huimou::viewer::commands::SystemCommand;
    use huimou::viewer::place::View;
    let mut harness = viewer_on(datasets_only("viewer-switch"));
    let shelf = std::sync::Arc::clone(&harness.state().session().shelf().expect("shelf").shelf);
    let jobs = shelf
        .series
        .iter()
        .position(|s| s.id == "城镇新增就业")
        .expect("series");
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Series(jobs)));
    harness.run();
    // The first reading is 2021's, of the 2022 report: its sentence opens that report.
    harness
        .query_all_by_label("原句")
        .next()
        .expect("a sentence link")
        .click();
    harness.run();
    let app = harness.state();
    let on = app.session().shelf().expect("still a shelf");
    assert_eq!(on.shelf.reports[on.report].year, Some(2022));
    let lit = app.session().selection().expect("the figure is lit");
    assert_eq!(
        app.session().dataset().figure(lit).label,
        "城镇新增就业人数"
    );
    assert_eq!(app.view(), View::Chapter(0));
    // Another report of the shelf opens at the chapter of the same name, years aside: the
    // 2023 report's 2022年工作回顾 is its first.
    let city_2023 = shelf
        .reports
        .iter()
        .position(|r| r.year == Some(2023) && r.publisher == "示例市人民政府")
        .expect("2023");
    harness
        .state_mut()
        .push(SystemCommand::OpenShelfReport(city_2023));
    harness.run();
    let app = harness.state();
    assert_eq!(app.view(), View::Chapter(0));
    assert_eq!(
        app.session().dataset().report.chapters[0].name,
        "2022年工作回顾"
    );
    harness.get_by_label("经济总量迈上新台阶");
}

#[test]
fn a_line_through_the_years_takes_the_newer_reading_and_never_a_target() {
    let shelf = opened();
    let written = |points: Vec<&huimou::shelf::series::Point>| -> Vec<(Option<u32>, String)> {
        points
            .into_iter()
            .map(|p| {
                let dataset = &shelf.reports[p.report].dataset;
                (p.year, dataset.figure_as_written(p.figure))
            })
            .collect()
    };
    let gdp = shelf.series_by_id("地区生产总值").expect("series");
    assert_eq!(
        written(gdp.yearly_results("元|count")),
        [
            (Some(2021), "2,030亿元".to_owned()),
            (Some(2022), "2,180亿元".to_owned())
        ]
    );
    let jobs = shelf.series_by_id("城镇新增就业").expect("series");
    assert_eq!(
        written(jobs.yearly_results("人|count")),
        [
            (Some(2021), "3.9万人".to_owned()),
            (Some(2022), "4.0万人".to_owned()),
            (Some(2023), "4.2万人以上".to_owned())
        ]
    );
}

#[test]
fn the_search_box_on_the_shelf_searches_every_report() {
    use egui_kittest::kittest::Queryable as _;
    use huimou::viewer::commands::{SystemCommand, UiCommand};
    use huimou::viewer::place::{SearchScope, View};
    let mut harness = viewer_on(datasets_only("viewer-search"));
    harness.state_mut().push(UiCommand::Shelf);
    harness.state_mut().push(SystemCommand::SetQuery {
        query: "jiuye".to_owned(),
        in_table: false,
    });
    harness.run();
    let app = harness.state();
    assert_eq!(app.view(), View::Shelf);
    let hits = app.session().shelf_hits().expect("the shelf's matches");
    // 城镇新增就业 in every report: pinyin, as one report's search.
    assert_eq!(hits.len(), 3, "{hits:?}");
    let total: usize = hits.iter().map(|(_, h)| h.len()).sum();
    harness.get_by_label(&format!("在 3 份报告中找到 {total} 处"));
    // Enter opens the first match, in its report, the search carried over.
    let (first_report, first_place) = (hits[0].0, hits[0].1[0]);
    harness.state_mut().push(UiCommand::FindNext);
    harness.run();
    let app = harness.state();
    let on = app.session().shelf().expect("shelf");
    assert_eq!(on.report, first_report);
    assert_eq!(app.view(), View::Chapter(first_place.chapter));
    assert_eq!(app.session().search().query(), "jiuye");
    assert_eq!(app.session().search().scope(), SearchScope::Report);
}

#[test]
fn the_newest_report_is_found_from_the_covers_alone() {
    // As the whole shelf finds it: the imported 2024 report by its file's name (not yet in the
    // cache), and among the datasets alone the district's, the last listed of 2023.
    let newest = shelf::newest_file(&folder(), None).expect("a report");
    let full = opened();
    assert_eq!(newest, full.reports[full.newest()].path);
    let datasets = datasets_only("newest");
    let newest = shelf::newest_file(&datasets, None).expect("a report");
    let full = shelf::open(&datasets, None).expect("opens");
    assert_eq!(newest, full.reports[full.newest()].path);
    assert!(newest.ends_with("示例市示例区政府工作报告-2023.ron"));
    assert_eq!(
        shelf::peek_cover(
            "(format_version: 2, title: \"甲\", subtitle: \"乙\", publisher: \"丙\",\n    year: Some(2021), chapters: [(name: \"title: x\")])"
        ),
        (Some("丙".to_owned()), Some(2021), Some("甲".to_owned()))
    );
}

#[test]
fn a_window_shows_the_newest_report_first_and_the_shelf_when_read() {
    use huimou::viewer::place::View;
    let mut harness = crate::common::viewer_with(
        huimou::viewer::settings::Settings::default(),
        huimou::viewer::app::Startup {
            file: Some(datasets_only("background")),
            view: Some(View::Shelf),
            shelf_in_background: true,
            ..Default::default()
        },
    );
    let started = std::time::Instant::now();
    while harness.state().session().shelf().is_none() {
        assert!(started.elapsed().as_secs() < 10, "the shelf never came");
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    let app = harness.state();
    let on = app.session().shelf().expect("shelf");
    assert_eq!(on.shelf.reports.len(), 3);
    assert!(
        on.shelf.reports[on.report]
            .path
            .ends_with("示例市示例区政府工作报告-2023.ron")
    );
    // The view asked for waited for the shelf.
    assert_eq!(app.view(), View::Shelf);
    // And the folder is what is remembered, not the report first shown.
    assert!(
        app.settings()
            .last_file
            .as_ref()
            .is_some_and(|p| p.is_dir())
    );
}

#[test]
fn a_report_s_pdf_on_a_shelf_ends_with_its_measures_over_the_years() {
    use huimou::export::pdf::{Options, report_pdf};
    let shelf = std::sync::Arc::new(shelf::open(&datasets_only("pdf"), None).expect("opens"));
    let city_2023 = shelf
        .reports
        .iter()
        .position(|r| r.year == Some(2023) && r.publisher == "示例市人民政府")
        .expect("2023");
    let dataset = &shelf.reports[city_2023].dataset;
    let text_of = |options: Options| -> String {
        let bytes = report_pdf(dataset, options, &mut |_| {}).expect("a PDF");
        let document = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        let pages: Vec<u32> = document.get_pages().keys().copied().collect();
        document
            .extract_text(&pages)
            .expect("text")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let alone = text_of(Options::default());
    assert!(!alone.contains("历年数据"), "no shelf, no appendix");
    let on_shelf = text_of(Options {
        shelf: Some((std::sync::Arc::clone(&shelf), city_2023)),
        ..Options::default()
    });
    assert!(on_shelf.contains("历年数据"));
    // Each reading as written, with its report; a target marked; a restated year marked.
    for line in [
        "2021：3.9万人（示例市政府工作报告2022）",
        "2022：4.0万人（示例市政府工作报告2023）",
        "2023：4万人以上（目标）（示例市政府工作报告2023）",
        "2021：2,030亿元（不一致）（示例市政府工作报告2023）",
    ] {
        assert!(on_shelf.contains(line), "{line} in {on_shelf}");
    }
    // The district's measures are another publisher's: not in the city's appendix.
    assert!(!on_shelf.contains("示例区政府工作报告2023）"), "{on_shelf}");
}

#[test]
fn reports_dropped_together_are_a_shelf_of_them() {
    let dir = datasets_only("dropped");
    let mut harness = crate::common::viewer();
    for name in ["示例市政府工作报告-2022.ron", "示例市政府工作报告-2023.ron"] {
        crate::common::drop_file(&mut harness, dir.join(name));
    }
    harness.run();
    harness.run();
    let app = harness.state();
    let on = app.session().shelf().expect("a shelf of the two");
    assert_eq!(
        on.shelf.reports.len(),
        2,
        "the district's, not dropped, is not on it"
    );
    assert_eq!(on.shelf.reports[on.report].year, Some(2023));
    assert!(on.shelf.series_by_id("城镇新增就业").is_some());
    // Files that are no report make no shelf, and say why.
    let error = shelf::open_files(&[dir.join("nothing.odt")], None).expect_err("no report");
    assert!(
        error
            .message(huimou::report::lang::Lang::En)
            .contains("none of these files")
    );
}

#[test]
fn a_figure_in_the_text_links_to_its_measure_over_the_years() {
    use egui_kittest::kittest::Queryable as _;
    use huimou::viewer::commands::SystemCommand;
    use huimou::viewer::place::View;
    let mut harness = viewer_on(datasets_only("figure-link"));
    let shelf = std::sync::Arc::clone(&harness.state().session().shelf().expect("shelf").shelf);
    let city_2022 = shelf
        .reports
        .iter()
        .position(|r| r.year == Some(2022))
        .expect("2022");
    harness
        .state_mut()
        .push(SystemCommand::OpenShelfReport(city_2022));
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(0)));
    harness.run();
    // 城镇新增就业人数 3.9万人, right-clicked in its sentence.
    let at = crate::common::text_position(&harness, "3.9").expect("the figure is drawn");
    crate::common::right_click_at(&mut harness, at);
    harness.get_by_label("历年变化").click();
    harness.run();
    let jobs = shelf
        .series
        .iter()
        .position(|s| s.id == "城镇新增就业")
        .expect("series");
    assert_eq!(harness.state().view(), View::Series(jobs));
    // A figure of no series offers no such link: 7.2% 地区生产总值增速 is the 2022 report's alone.
    harness
        .state_mut()
        .push(SystemCommand::Show(View::Chapter(0)));
    harness.run();
    let at = crate::common::text_position(&harness, "7.2").expect("drawn");
    crate::common::right_click_at(&mut harness, at);
    harness.get_by_label("复制（附出处）");
    assert!(harness.query_by_label("历年变化").is_none());
}

/// A dataset of one chapter with the figures given, in the shape of a speech (with a date line)
/// or a review (without).
fn report_ron(year: u32, date: &str, chapter: &str, figures: &[(&str, f64, &str)]) -> String {
    let text: String = figures
        .iter()
        .map(|(label, value, unit)| format!("{label}**{value}**{unit}。"))
        .collect();
    let list: String = figures
        .iter()
        .enumerate()
        .map(|(k, (label, value, unit))| {
            format!("(id: \"f{k}\", label: \"{label}\", value: {value}, unit: \"{unit}\"),")
        })
        .collect();
    format!(
        "(format_version: 2, title: \"示例省政府工作报告\", publisher: \"示例省人民政府\", \
         year: Some({year}), date: \"{date}\", chapters: [(id: \"c\", number: 1, name: \"{chapter}\", \
         headline: \"{chapter}\", initiatives: [(id: \"i\", title: \"回顾\", text: \"{text}\", \
         figures: [{list}])])])"
    )
}

#[test]
fn a_speech_s_figures_stand_at_their_own_period_and_one_report_s_two_values_are_marked() {
    let dir = scratch("speech-years");
    // A work report given in 2018 on the five years before: its GDP from 54 to 82.7 trillion
    // yuan, with no year to either. The year it was given is not the year of its figures.
    let speech = report_ron(
        2018,
        "——2018年3月5日在第十三届全国人民代表大会第一次会议上",
        "过去五年工作回顾",
        &[
            ("国内生产总值", 54.0, "万亿元"),
            ("国内生产总值", 82.7, "万亿元"),
        ],
    );
    std::fs::write(dir.join("2018.ron"), speech).expect("write");
    // An annual review of 2023 (no date line): its figures are of its year.
    let review = report_ron(2023, "", "工作回顾", &[("国内生产总值", 121.0, "万亿元")]);
    std::fs::write(dir.join("2023.ron"), review).expect("write");
    let shelf = shelf::open(&dir, None).expect("opens");
    let gdp = shelf.series_by_id("国内生产总值").expect("series");
    let years: Vec<Option<u32>> = gdp.points.iter().map(|p| p.year).collect();
    assert_eq!(
        years,
        [Some(2023), None, None],
        "the speech's figures stand at no year"
    );
    assert_eq!(gdp.yearly_results("元|count").len(), 1);

    // One report giving one year two values (a five-year total beside the year's): both
    // marked, and the line leaves that year out rather than choose one.
    let twice = report_ron(
        2021,
        "",
        "2020年工作回顾",
        &[
            ("城镇新增就业", 6600.0, "万人"),
            ("城镇新增就业", 1351.0, "万人"),
        ],
    );
    std::fs::write(dir.join("2021.ron"), twice).expect("write");
    let once = report_ron(
        2022,
        "",
        "2021年工作回顾",
        &[("城镇新增就业", 1269.0, "万人")],
    );
    std::fs::write(dir.join("2022.ron"), once).expect("write");
    let shelf = shelf::open(&dir, None).expect("opens");
    let jobs = shelf.series_by_id("城镇新增就业").expect("series");
    let marked: Vec<(Option<u32>, bool)> =
        jobs.points.iter().map(|p| (p.year, p.disputed)).collect();
    assert_eq!(
        marked,
        [(Some(2020), true), (Some(2020), true), (Some(2021), false)]
    );
    let line: Vec<Option<u32>> = jobs
        .yearly_results("人|count")
        .iter()
        .map(|p| p.year)
        .collect();
    assert_eq!(line, [Some(2021)]);
}

#[test]
fn a_report_that_names_no_publisher_is_lent_the_shelf_s_only_one_and_marked() {
    let dir = scratch("lend-publisher");
    let named = report_ron(2023, "", "2022年工作回顾", &[("城镇新增就业", 4.0, "万人")]);
    std::fs::write(dir.join("2023.ron"), named).expect("write");
    // A text without its cover, named by its file (as a report copied from a web page is).
    let bare = report_ron(2022, "", "2021年工作回顾", &[("城镇新增就业", 3.9, "万人")])
        .replace("publisher: \"示例省人民政府\", ", "")
        .replace("title: \"示例省政府工作报告\"", "title: \"gwr-2022\"");
    std::fs::write(dir.join("gwr-2022.ron"), bare).expect("write");
    let shelf = shelf::open(&dir, None).expect("opens");
    let lent = shelf
        .reports
        .iter()
        .find(|r| r.title() == "gwr-2022")
        .expect("report");
    assert_eq!(lent.publisher, "示例省人民政府");
    assert!(lent.publisher_guessed, "marked as a guess");
    assert_eq!(
        shelf
            .series_by_id("城镇新增就业")
            .expect("joined")
            .report_count(),
        2
    );
}

#[test]
fn the_shelf_s_sentences_wrap_at_the_window_s_width_at_640() {
    use egui_kittest::kittest::Queryable as _;
    use huimou::viewer::commands::UiCommand;
    // One report: no series, so the shelf says why in a sentence.
    let dir = scratch("one-report");
    let name = "示例市示例区政府工作报告-2023.ron";
    std::fs::copy(folder().join(name), dir.join(name)).expect("copy");
    let mut harness = viewer_on(dir);
    harness.set_size(egui::vec2(640.0, 480.0));
    harness.state_mut().push(UiCommand::Shelf);
    harness.run();
    let sentence = harness.get_by_label_contains("这些报告没有共同的数据");
    let right = sentence.rect().max.x;
    assert!(
        right <= 640.0,
        "the sentence runs to x = {right}, past the window"
    );
}
