//! One UI pass of each view, laid out but not rendered.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use huimou::viewer::app::{HuimouApp, Startup};
use huimou::viewer::commands::{SystemCommand, UiCommand};
use huimou::viewer::place::{SearchScope, View};
use huimou::viewer::settings::Settings;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 900.0),
        )),
        ..Default::default()
    }
}

fn viewer(
    file: Option<std::path::PathBuf>,
    view: View,
    search: Option<(&str, SearchScope)>,
) -> (egui::Context, HuimouApp) {
    let ctx = egui::Context::default();
    let mut app = HuimouApp::with_settings(
        &ctx,
        Settings::default(),
        Startup {
            file,
            view: Some(view),
            ..Startup::default()
        },
    );
    if let Some((query, scope)) = search {
        app.run(&ctx, SystemCommand::SetSearchScope(scope));
        app.run(
            &ctx,
            SystemCommand::SetQuery {
                query: query.to_owned(),
                in_table: false,
            },
        );
    }
    // Warm up: fonts, layouts and plot memory settle over the first frames.
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui_pass(ui));
    }
    (ctx, app)
}

fn bench_view(c: &mut Criterion, name: &str, (ctx, mut app): (egui::Context, HuimouApp)) {
    c.bench_function(name, |b| {
        b.iter(|| ctx.run_ui(input(), |ui| app.ui_pass(ui)))
    });
}

/// The frame that opens the command palette: its entries found and the window laid out.
fn bench_palette(c: &mut Criterion, name: &str, (ctx, mut app): (egui::Context, HuimouApp)) {
    c.bench_function(name, |b| {
        b.iter(|| {
            // Closed, then opened afresh: empty, its entries found anew.
            if app.windows().palette.is_some() {
                app.run(&ctx, UiCommand::Palette);
            }
            app.run(&ctx, UiCommand::Palette);
            ctx.run_ui(input(), |ui| app.ui_pass(ui))
        })
    });
}

fn ui_benches(c: &mut Criterion) {
    bench_palette(
        c,
        "ui/embedded/palette opening",
        viewer(None, View::Chapter(1), None),
    );
    bench_view(
        c,
        "ui/embedded/overview",
        viewer(None, View::Overview, None),
    );
    for chapter in 0..5 {
        bench_view(
            c,
            &format!("ui/embedded/chapter-{}", chapter + 1),
            viewer(None, View::Chapter(chapter), None),
        );
    }
    bench_view(
        c,
        "ui/embedded/results 科普",
        viewer(None, View::Overview, Some(("科普", SearchScope::Report))),
    );

    let (path, _) = common::generated(1, 10_000);
    bench_view(
        c,
        "ui/10000/chapter",
        viewer(Some(path.clone()), View::Chapter(0), None),
    );
    bench_view(
        c,
        "ui/10000/chapter searching 科普",
        viewer(
            Some(path),
            View::Chapter(0),
            Some(("科普", SearchScope::Chapter)),
        ),
    );

    // Ten thousand chapters of one initiative each: the navigation and the overview.
    let (path, _) = common::generated(10_000, 1);
    bench_view(
        c,
        "ui/10000 chapters/overview",
        viewer(Some(path.clone()), View::Overview, None),
    );
    bench_view(
        c,
        "ui/10000 chapters/chapter 5000",
        viewer(Some(path.clone()), View::Chapter(4_999), None),
    );
    bench_palette(
        c,
        "ui/10000 chapters/palette opening",
        viewer(Some(path), View::Chapter(4_999), None),
    );

    // One initiative whose text is a megabyte: its start, then the whole of it.
    let path = long_paragraph();
    bench_view(
        c,
        "ui/1 MB paragraph/preview",
        viewer(Some(path.clone()), View::Chapter(0), None),
    );
    let (ctx, mut app) = viewer(Some(path), View::Chapter(0), None);
    app.run(
        &ctx,
        SystemCommand::ToggleFullText(huimou::document::dataset::InitiativeRef {
            chapter: 0,
            initiative: 0,
        }),
    );
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.ui_pass(ui));
    }
    bench_view(c, "ui/1 MB paragraph/expanded", (ctx, app));

    // A chart naming 100,000 figures: it draws a bounded number of bars.
    bench_view(
        c,
        "ui/chart of 100000 figures/chapter",
        viewer(Some(huge_chart()), View::Chapter(0), None),
    );
}

/// A dataset of 1,000 initiatives of 100 figures each and one chart naming all 100,000
/// figures, written once.
fn huge_chart() -> std::path::PathBuf {
    const INITIATIVES: usize = 1_000;
    const EACH: usize = 100;
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("target/bench-data");
    let path = dir.join("huge-chart.ron");
    let initiatives: Vec<String> = (0..INITIATIVES)
        .map(|i| {
            let marks: String = (0..EACH)
                .map(|f| format!("站点 **{}** 个，", i * EACH + f))
                .collect();
            let figures: Vec<String> = (0..EACH)
                .map(|f| {
                    let n = i * EACH + f;
                    format!("(id: \"f{n}\", label: \"站点{n}\", value: {n}, unit: \"个\")")
                })
                .collect();
            format!(
                "(id: \"i{i}\", title: \"举措{i}\", text: \"{marks}\", figures: [{}])",
                figures.join(",")
            )
        })
        .collect();
    let ids: Vec<String> = (0..INITIATIVES * EACH)
        .map(|n| format!("\"f{n}\""))
        .collect();
    let text = format!(
        "(format_version: 1, title: \"大图表\", chapters: [(id: \"c\", number: 1, name: \"大图表\", \
         headline: \"十万个数据\", initiatives: [{}], \
         charts: [(title: \"全部站点\", kind: Bars, figures: [{}])])])",
        initiatives.join(",\n"),
        ids.join(",")
    );
    std::fs::write(&path, text).expect("written");
    path
}

/// A dataset of one initiative with a one-megabyte text, written once to `target/`.
fn long_paragraph() -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("target/bench-data");
    let path = dir.join("long-paragraph.ron");
    let text = format!(
        "(format_version: 1, title: \"长文\", chapters: [(id: \"c\", number: 1, name: \"长文\", \
         headline: \"一段很长的文字\", initiatives: [(id: \"i\", title: \"长段落\", \
         text: \"共 **3** 项。{}\", figures: [(id: \"f\", label: \"项目\", value: 3, unit: \"项\")])])])",
        "科学普及工作，".repeat(50_000)
    );
    std::fs::write(&path, text).expect("written");
    path
}

criterion_group!(benches, ui_benches);
criterion_main!(benches);
