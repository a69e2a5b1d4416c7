//! One UI pass of each view, laid out but not rendered.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use huimou::app::{HuimouApp, SearchScope, Settings, Startup, View};

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
    let settings = Settings {
        view,
        ..Settings::default()
    };
    let mut app = HuimouApp::with_settings(
        &ctx,
        settings,
        Startup {
            file,
            ..Startup::default()
        },
    );
    if let Some((query, scope)) = search {
        app.search.query = query.to_owned();
        app.search.scope = scope;
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

fn ui_benches(c: &mut Criterion) {
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
}

criterion_group!(benches, ui_benches);
criterion_main!(benches);
