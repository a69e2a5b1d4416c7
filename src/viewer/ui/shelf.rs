//! The shelf (书架): the reports of the folder opened, by publisher and year, the files that
//! could not be read and why, and the measures the reports share across years.

use egui::RichText;

use crate::shelf::Shelf;
use crate::shelf::series::Series;
use crate::viewer::commands::SystemCommand;
use crate::viewer::context::ViewerContext;
use crate::viewer::i18n::{fill, tr};
use crate::viewer::place::View;
use crate::viewer::session::OnShelf;
use crate::viewer::ui::theme::{self, Palette};

/// The central panel of the shelf.
pub fn shelf_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>) {
    let Some(on) = cx.session.shelf() else {
        return;
    };
    let mut commands = Vec::new();
    // The lists scroll sideways in a narrow window; sentences wrap at its width instead.
    let visible = ui.available_width();
    egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
        ui.add_space(8.0);
        let folder = on.shelf.folder.display().to_string();
        ui.add(egui::Label::new(
            RichText::new(tr(ui, "书架")).font(theme::bold(24.0)),
        ));
        sentence(
            ui,
            visible,
            RichText::new(folder).color(Palette::of(ui).muted),
        );
        ui.add_space(8.0);
        if let Some(hits) = cx.session.shelf_hits() {
            let query = cx.session.search().query();
            hits_ui(ui, &on.shelf, hits, query, &mut commands);
            return;
        }
        reports_ui(ui, on, &mut commands);
        refused_ui(ui, &on.shelf);
        ui.add_space(12.0);
        series_list_ui(ui, &on.shelf, visible, &mut commands);
    });
    for command in commands {
        cx.send(command);
    }
}

/// A label wrapped at `visible`, the width of the window's part that shows the shelf (inside
/// its sideways scroll area, a label would wrap only at its widest list).
fn sentence(ui: &mut egui::Ui, visible: f32, text: RichText) {
    ui.scope(|ui| {
        ui.set_max_width(visible - ui.spacing().item_spacing.x);
        ui.add(egui::Label::new(text).wrap());
    });
}

/// One row per report: publisher, year, title, size; the one on screen lit.
fn reports_ui(ui: &mut egui::Ui, on: &OnShelf, commands: &mut Vec<SystemCommand>) {
    let heading = fill(tr(ui, "报告（{}）"), &[&on.shelf.reports.len()]);
    ui.label(RichText::new(heading).font(theme::bold(18.0)));
    let guessed = tr(ui, "（猜的）");
    egui::Grid::new("shelf-reports")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for header in [
                tr(ui, "发布者"),
                tr(ui, "年份"),
                tr(ui, "标题"),
                tr(ui, "章 / 数据"),
            ] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for (r, report) in on.shelf.reports.iter().enumerate() {
                let mark = |guess: bool| if guess { guessed } else { "" };
                let publisher = if report.publisher.is_empty() {
                    "—".to_owned()
                } else {
                    format!("{}{}", report.publisher, mark(report.publisher_guessed))
                };
                ui.label(publisher);
                let year = report.year.map_or_else(
                    || "—".to_owned(),
                    |y| format!("{y}{}", mark(report.year_guessed)),
                );
                ui.label(year);
                let title = ui
                    .selectable_label(r == on.report, report.title())
                    .on_hover_text(report.path.display().to_string());
                if title.clicked() {
                    commands.push(SystemCommand::OpenShelfReport(r));
                }
                let chapters = report.dataset.report.chapters.len();
                let figures = report.dataset.figures().count();
                ui.label(format!("{chapters} / {figures}"));
                ui.end_row();
            }
        });
}

/// The files of the folder that could not be read, each with why.
fn refused_ui(ui: &mut egui::Ui, shelf: &Shelf) {
    if shelf.refused.is_empty() {
        return;
    }
    ui.add_space(8.0);
    let heading = fill(tr(ui, "未能读入的文件（{}）"), &[&shelf.refused.len()]);
    ui.label(
        RichText::new(heading)
            .font(theme::bold(16.0))
            .color(ui.visuals().error_fg_color),
    );
    let lang = crate::viewer::i18n::lang(ui.ctx());
    for refused in &shelf.refused {
        let name = refused
            .path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        ui.add(egui::Label::new(format!("{name}: {}", refused.why_in(lang))).wrap());
    }
}

/// The series: each measure given by more than one report, with its years.
fn series_list_ui(
    ui: &mut egui::Ui,
    shelf: &Shelf,
    visible: f32,
    commands: &mut Vec<SystemCommand>,
) {
    let heading = fill(tr(ui, "跨年度的数据（{}）"), &[&shelf.series.len()]);
    ui.label(RichText::new(heading).font(theme::bold(18.0)));
    if shelf.series.is_empty() {
        let why = tr(
            ui,
            "这些报告没有共同的数据：名称相同（或由作者用 series 指明）、发布者相同的数据才连成系列",
        );
        sentence(ui, visible, why.into());
        return;
    }
    egui::Grid::new("shelf-series")
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for header in [
                tr(ui, "数据项"),
                tr(ui, "发布者"),
                tr(ui, "年份"),
                tr(ui, "报告数"),
            ] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for (s, series) in shelf.series.iter().enumerate() {
                let name = format!("{}{}", series.label, series_marks(ui, series));
                let button = ui
                    .link(name)
                    .on_hover_text(tr(ui, "查看这项数据逐年的变化"));
                if button.clicked() {
                    commands.push(SystemCommand::Show(View::Series(s)));
                }
                ui.label(if series.publisher.is_empty() {
                    "—"
                } else {
                    &series.publisher
                });
                ui.label(years_text(series));
                ui.label(series.report_count().to_string());
                ui.end_row();
            }
        });
}

/// The marks after a series' name: the author joined it, or it holds guessed labels.
pub fn series_marks(ui: &egui::Ui, series: &Series) -> String {
    let mut marks = String::new();
    if series.explicit {
        marks.push_str(tr(ui, "（作者指定）"));
    }
    if series.guessed {
        marks.push_str(tr(ui, "（含猜的名称）"));
    }
    marks
}

/// The first and last year of a series' dated readings: 2021–2024.
fn years_text(series: &Series) -> String {
    let years: Vec<u32> = series.points.iter().filter_map(|p| p.year).collect();
    match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => "—".to_owned(),
    }
}

/// The most matches listed for one report; the rest are counted.
const MAX_HITS_SHOWN: usize = 50;

/// The search's matches in every report, grouped by report and chapter.
fn hits_ui(
    ui: &mut egui::Ui,
    shelf: &Shelf,
    hits: &crate::viewer::session::ShelfHits,
    query: &str,
    commands: &mut Vec<SystemCommand>,
) {
    let total: usize = hits.iter().map(|(_, h)| h.len()).sum();
    let heading = fill(tr(ui, "在 {} 份报告中找到 {} 处"), &[&hits.len(), &total]);
    ui.label(RichText::new(heading).font(theme::bold(18.0)));
    if hits.is_empty() {
        ui.label(tr(ui, "书架上的报告都没有这些字"));
    }
    let muted = Palette::of(ui).muted;
    for (r, places) in hits {
        let report = &shelf.reports[*r];
        ui.add_space(8.0);
        let year = report.year.map(|y| format!("{y} ")).unwrap_or_default();
        let title = fill(
            tr(ui, "{}（{}）"),
            &[&format!("{year}{}", report.title()), &places.len()],
        );
        ui.label(RichText::new(title).font(theme::bold(16.0)));
        let mut chapter = None;
        for place in places.iter().take(MAX_HITS_SHOWN) {
            let c = &report.dataset.report.chapters[place.chapter];
            if chapter != Some(place.chapter) {
                chapter = Some(place.chapter);
                let name = fill(tr(ui, "第 {} 章 {}"), &[&c.number, &c.name]);
                ui.label(RichText::new(name).color(muted));
            }
            let initiative = &c.initiatives[place.initiative];
            let hit = crate::search::Hit::new(&report.dataset.report, *place, query);
            let (excerpt, _) =
                crate::search::snippet(&initiative.text, &hit.text, crate::search::SNIPPET_CONTEXT);
            ui.horizontal_wrapped(|ui| {
                if ui.link(&initiative.title).clicked() {
                    commands.push(SystemCommand::OpenShelfInitiative(*r, *place));
                }
                let excerpt = crate::report::markup::plain(&excerpt);
                ui.label(RichText::new(excerpt).small().color(muted));
            });
        }
        if places.len() > MAX_HITS_SHOWN {
            let more = fill(tr(ui, "还有 {} 处"), &[&(places.len() - MAX_HITS_SHOWN)]);
            ui.label(RichText::new(more).color(muted));
        }
    }
}
