//! Exports: a chart's figures and the listed initiatives as CSV, read back; a figure copied.

use crate::common;

use common::{viewer, viewer_with};
use huimou::document::dataset::FigureRef;
use huimou::viewer::app::Startup;
use huimou::viewer::commands::{Export, SystemCommand, UiCommand};
use huimou::viewer::place::{SearchScope, View};
use huimou::viewer::settings::Settings;

fn temp_file(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("huimou-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn read_csv(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).expect("a CSV file");
    let header = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("a row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn a_chart_exports_its_figures_as_csv() {
    let mut harness = viewer();
    let path = temp_file("chart.csv");
    // Chapter 2's second chart: 柔性引进人才（名）.
    harness.state_mut().push(SystemCommand::Export(
        Export::ChartCsv(huimou::document::dataset::ChartRef {
            chapter: 1,
            chart: 1,
        }),
        path.clone(),
    ));
    harness.run();
    let (header, rows) = read_csv(&path);
    assert_eq!(header, huimou::export::FIGURES_HEADER);
    assert_eq!(
        rows,
        [
            [
                "2",
                "聚集高端智力资源助力创新主体",
                "柔性引进院士",
                "71",
                "名",
                "",
                "71",
                "名",
                "count",
                "result",
                "false",
                "",
                "",
                "71名"
            ],
            [
                "2",
                "聚集高端智力资源助力创新主体",
                "柔性引进专家",
                "670",
                "名",
                "",
                "670",
                "名",
                "count",
                "result",
                "false",
                "",
                "",
                "670名"
            ],
        ]
    );
    // The same rows as `huimou figures` gives for those figures.
    let status = harness.state().status().cloned().expect("a message");
    assert!(
        !status.error && status.text.contains("chart.csv"),
        "{}",
        status.text
    );
}

#[test]
fn the_listed_initiatives_export_following_the_search() {
    let mut harness = viewer_with(
        Settings::default(),
        Startup {
            view: Some(View::Chapter(1)),
            search: Some("院士".to_owned()),
            ..Startup::default()
        },
    );
    harness
        .state_mut()
        .push(SystemCommand::SetSearchScope(SearchScope::Chapter));
    harness.run();
    let path = temp_file("initiatives.csv");
    harness
        .state_mut()
        .push(SystemCommand::Export(Export::InitiativesCsv, path.clone()));
    harness.run();
    let (header, rows) = read_csv(&path);
    assert_eq!(header, huimou::export::INITIATIVES_HEADER);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][0], "2");
    assert_eq!(rows[0][1], "4");
    assert_eq!(rows[0][2], "聚集高端智力资源助力创新主体");
    assert_eq!(
        rows[0][3],
        "Gathering top expertise for innovating organisations"
    );
    assert!(
        rows[0][4].contains("累计建成院士(专家)创新工作站 179 个"),
        "marks removed"
    );

    // Without a search, the whole chapter.
    harness.state_mut().push(UiCommand::ClearSearch);
    harness.run();
    harness
        .state_mut()
        .push(SystemCommand::Export(Export::InitiativesCsv, path.clone()));
    harness.run();
    let (_, rows) = read_csv(&path);
    assert_eq!(rows.len(), 4);
}

#[test]
fn a_failed_export_says_why_and_changes_nothing() {
    let mut harness = viewer();
    let path = std::path::PathBuf::from("/nonexistent-folder/chart.csv");
    harness.state_mut().push(SystemCommand::Export(
        Export::ChartCsv(huimou::document::dataset::ChartRef {
            chapter: 1,
            chart: 1,
        }),
        path,
    ));
    harness.run();
    let status = harness.state().status().cloned().expect("a message");
    assert!(status.error, "{}", status.text);
    assert!(
        status.text.contains("/nonexistent-folder/chart.csv"),
        "{}",
        status.text
    );
}

#[test]
fn a_figure_is_copied_with_its_label_and_unit() {
    let mut harness = viewer();
    harness
        .state_mut()
        .push(SystemCommand::CopyFigure(FigureRef {
            chapter: 1,
            initiative: 3,
            figure: 1,
        }));
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, ["柔性引进院士：71名"]);
}

/// Runs frames until the PDF job is done, looking at what the status bar shows meanwhile.
fn run_pdf_job(
    harness: &mut egui_kittest::Harness<'_, huimou::viewer::app::HuimouApp>,
) -> Vec<String> {
    let mut seen = Vec::new();
    // The frame that runs the command starts the job.
    harness.step();
    let started = std::time::Instant::now();
    while harness.state().making_pdf() {
        assert!(started.elapsed().as_secs() < 60, "the PDF takes too long");
        harness.step();
        seen.extend(
            common::painted_texts(harness)
                .into_iter()
                .filter(|t| t.contains("PDF")),
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // The spinner's last frames.
    harness.run_steps(60);
    harness.run();
    seen
}

#[test]
fn the_report_pdf_is_made_on_a_thread_with_its_progress_shown() {
    let mut harness = viewer();
    let path = temp_file("report.pdf");
    let _ = std::fs::remove_file(&path);
    harness
        .state_mut()
        .push(SystemCommand::Export(Export::ReportPdf, path.clone()));
    harness.step();
    assert!(harness.state().making_pdf(), "made on another thread");
    let seen = run_pdf_job(&mut harness);
    assert!(
        seen.iter().any(|t| t.starts_with("正在生成 PDF…")),
        "{seen:?}"
    );
    let bytes = std::fs::read(&path).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF"));
    let status = harness.state().status().cloned().expect("a message");
    assert!(
        !status.error && status.text.contains("已导出"),
        "{}",
        status.text
    );
    // A folder that is not there: said in the window, in the interface's language.
    let missing = temp_file("no-such-folder").join("report.pdf");
    harness
        .state_mut()
        .push(SystemCommand::Export(Export::ReportPdf, missing));
    run_pdf_job(&mut harness);
    let status = harness.state().status().cloned().expect("a message");
    assert!(
        status.error && status.text.starts_with("导出失败"),
        "{}",
        status.text
    );
    assert!(status.text.contains("no-such-folder"), "{}", status.text);
    let painted = common::painted_texts(&harness);
    assert!(
        painted.iter().any(|t| t.starts_with("导出失败")),
        "shown: {painted:?}"
    );
}

#[test]
fn printing_that_cannot_open_a_viewer_says_so_in_the_window() {
    let mut harness = viewer();
    harness.state_mut().open_file = |_| Err(std::io::Error::other("no PDF viewer is installed"));
    harness.state_mut().push(UiCommand::Print);
    run_pdf_job(&mut harness);
    let status = harness.state().status().cloned().expect("a message");
    assert!(status.error, "{}", status.text);
    assert!(status.text.starts_with("无法打印"), "{}", status.text);
    // What happened and what to do, in the reader's words; not the system's message.
    assert!(
        status.text.contains("没有能打开 PDF 的程序"),
        "{}",
        status.text
    );
    assert!(
        status.text.contains(".pdf"),
        "where the PDF is: {}",
        status.text
    );
    assert!(
        !status.text.contains("no PDF viewer is installed"),
        "{}",
        status.text
    );
}
