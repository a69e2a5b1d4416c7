//! Exports and imports: pictures, CSV, the PDF (to save or to print), a draft saved as a
//! dataset; the slow ones on threads of their own, their outcome said in the status bar.

use std::path::{Path, PathBuf};

use crate::document::dataset::{ChartRef, Dataset};
use crate::document::load;
use crate::viewer::commands::Export;
use crate::viewer::place::View;
use crate::viewer::session::{Diagnostics, Draft};

use super::HuimouApp;

/// What a PDF job tells the viewer.
pub enum PdfEvent {
    /// The PDF is written.
    Written(PathBuf),
    /// The system's viewer has it (printing).
    Opened,
    /// It could not be made or opened, and why.
    Failed(String),
}

/// The report's PDF being made on a thread of its own.
pub struct PdfJob {
    /// How far it is, in thousandths.
    pub progress: std::sync::Arc<std::sync::atomic::AtomicU32>,
    /// Whether it is for printing (opened in the system's viewer once written).
    pub print: bool,
    /// Where it goes.
    pub path: PathBuf,
    /// Where it was written, once it is (printing goes on to open it).
    pub written: Option<PathBuf>,
    receiver: std::sync::mpsc::Receiver<PdfEvent>,
}

impl PdfJob {
    /// Starts writing `dataset`'s PDF to `path`; to print, then opens it with `open`.
    pub(super) fn start(
        ctx: &egui::Context,
        dataset: Dataset,
        options: crate::export::pdf::Options,
        path: PathBuf,
        open: Option<fn(&std::path::Path) -> std::io::Result<()>>,
    ) -> Self {
        let progress = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
        let (sender, receiver) = std::sync::mpsc::channel();
        let (shared, waker, out) = (progress.clone(), ctx.clone(), path.clone());
        std::thread::spawn(move || {
            let mut tell = |fraction: f32| {
                let value = (fraction.clamp(0.0, 1.0) * 1000.0) as u32;
                shared.store(value, std::sync::atomic::Ordering::Relaxed);
                waker.request_repaint();
            };
            let lang = options.lang;
            let event =
                match crate::export::pdf::write_report_pdf(&dataset, options, &out, &mut tell) {
                    Ok(()) => PdfEvent::Written(out.clone()),
                    Err(error) => PdfEvent::Failed(error.message(lang)),
                };
            let written = matches!(event, PdfEvent::Written(_));
            let _ = sender.send(event);
            waker.request_repaint();
            if let Some(open) = open.filter(|_| written) {
                let opened = match open(&out) {
                    Ok(()) => PdfEvent::Opened,
                    // What the system said (a launcher's exit status) is for the log; the
                    // reader is told what happened and where the PDF is.
                    Err(error) => {
                        log::warn!("could not open {} to print: {error}", out.display());
                        PdfEvent::Failed(crate::report::words::fill(
                            crate::report::words::tr_in(
                                lang,
                                "没有能打开 PDF 的程序。PDF 已存到 {}，可用任何 PDF 阅读器打开它来打印",
                            ),
                            &[&out.display()],
                        ))
                    }
                };
                let _ = sender.send(opened);
                waker.request_repaint();
            }
        });
        Self {
            progress,
            print: open.is_some(),
            path,
            written: None,
            receiver,
        }
    }

    /// How far the job is, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        self.progress.load(std::sync::atomic::Ordering::Relaxed) as f32 / 1000.0
    }
}

/// A chart's picture waiting to be taken from a frame drawn after the menu that asked for it
/// has closed.
#[derive(Debug)]
pub(super) struct ChartPicture {
    chart: ChartRef,
    path: PathBuf,
    frames_to_wait: u8,
}

impl HuimouApp {
    /// A file name (without extension) for an export: the report's or chapter's name.
    pub(super) fn export_stem(&self, export: Export) -> String {
        let report = &self.session.dataset().report;
        match (export, self.view()) {
            (
                Export::ChartPng(ChartRef {
                    chapter: c,
                    chart: k,
                })
                | Export::ChartCsv(ChartRef {
                    chapter: c,
                    chart: k,
                }),
                _,
            ) => {
                format!(
                    "{}-{}",
                    report.chapters[c].name, report.chapters[c].charts[k].title
                )
            }
            (Export::DatasetRon, _) => self
                .session
                .draft()
                .and_then(|draft| draft.source.file_stem())
                .map_or_else(
                    || report.title.clone(),
                    |s| s.to_string_lossy().into_owned(),
                ),
            (Export::SeriesCsv(s), _) | (_, View::Series(s)) => self
                .session
                .shelf()
                .and_then(|on| on.shelf.series.get(s))
                .map_or_else(|| report.title.clone(), |series| series.label.clone()),
            (_, View::Shelf) => self
                .session
                .shelf()
                .and_then(|on| on.shelf.folder.file_name())
                .map_or_else(
                    || report.title.clone(),
                    |n| n.to_string_lossy().into_owned(),
                ),
            (Export::ReportPdf, _) | (_, View::Overview | View::Review) => report.title.clone(),
            (Export::FiguresCsv, _) | (_, View::Figures) => {
                format!(
                    "{}-{}",
                    report.title,
                    crate::viewer::commands::UiCommand::Figures.label_zh()
                )
            }
            (_, View::Chapter(c)) => format!("{}-{}", c + 1, report.chapters[c].name),
        }
        .replace(['/', '\\', ':', '*', '?', '"', '<', '>', '|'], "-")
    }

    /// Makes an export into `path`; quick ones at once, pictures of views on another thread.
    pub(super) fn export(&mut self, ctx: &egui::Context, export: Export, path: PathBuf) {
        let lang = self.lang();
        let written = |result: std::io::Result<()>| {
            result.map_err(|e| {
                let reason = crate::report::words::io_reason(lang, &e);
                format!("{}: {reason}", path.display())
            })
        };
        let done = match export {
            Export::ChartCsv(ChartRef {
                chapter: c,
                chart: k,
            }) => written(std::fs::File::create(&path).and_then(|file| {
                crate::export::figures_csv(
                    self.session.dataset(),
                    crate::export::chart_figures(self.session.dataset(), c, k),
                    std::io::BufWriter::new(file),
                )
            })),
            Export::InitiativesCsv => {
                let places = self.session.listed_initiatives();
                written(std::fs::File::create(&path).and_then(|file| {
                    crate::export::initiatives_csv(
                        self.session.dataset(),
                        places,
                        std::io::BufWriter::new(file),
                    )
                }))
            }
            Export::FiguresCsv => {
                self.session.refresh(self.settings.figure_sort, true);
                let rows = self.session.figure_rows().to_vec();
                written(std::fs::File::create(&path).and_then(|file| {
                    crate::export::figures_csv(
                        self.session.dataset(),
                        rows,
                        std::io::BufWriter::new(file),
                    )
                }))
            }
            Export::SeriesCsv(s) => match self.session.shelf() {
                Some(on) if s < on.shelf.series.len() => {
                    let shelf = std::sync::Arc::clone(&on.shelf);
                    written(std::fs::File::create(&path).and_then(|file| {
                        crate::export::one_series_csv(
                            &shelf,
                            &shelf.series[s],
                            std::io::BufWriter::new(file),
                        )
                    }))
                }
                _ => return,
            },
            Export::ChartPng(chart) => {
                // Taken from a frame drawn after this one, when the menu that asked is closed.
                self.pending_chart_png = Some(ChartPicture {
                    chart,
                    path,
                    frames_to_wait: 2,
                });
                self.exporting_chart = Some(chart);
                ctx.request_repaint();
                return;
            }
            Export::ViewPng => {
                self.start_view_export(ctx, path);
                return;
            }
            Export::ReportPdf => {
                self.start_pdf(ctx, path, false);
                return;
            }
            Export::DatasetRon => {
                self.save_draft(ctx, &path);
                return;
            }
        };
        match done {
            Ok(()) => self.say(
                crate::viewer::i18n::fill(
                    crate::viewer::i18n::tr(ctx, "已导出：{}"),
                    &[&path.display()],
                ),
                false,
            ),
            Err(error) => self.say(
                crate::viewer::i18n::fill(crate::viewer::i18n::tr(ctx, "导出失败：{}"), &[&error]),
                true,
            ),
        }
    }

    /// The file another process opens to draw the view on screen: the shelf's folder for the
    /// shelf's views, the report's own file (a published one is imported again) else.
    fn picture_source(&self) -> Option<PathBuf> {
        if let Some(on) = self.session.shelf() {
            return Some(if matches!(self.view(), View::Shelf | View::Series(_)) {
                on.shelf.folder.clone()
            } else {
                on.shelf.reports[on.report].path.clone()
            });
        }
        match &self.session.dataset().origin {
            crate::document::dataset::Origin::File(file) => Some(file.clone()),
            crate::document::dataset::Origin::Embedded => None,
        }
    }

    /// Renders the view on screen with `huimou screenshot` in another process (as the command
    /// line would) on another thread.
    pub(super) fn start_view_export(&mut self, ctx: &egui::Context, path: PathBuf) {
        // A file that cannot be written is said at once, in the reader's words, rather than
        // by the renderer after it has drawn the view. Opened without truncating: a picture
        // being replaced stays whole until the new one is made, and a file made here only to
        // try is removed if the picture fails.
        let existed = path.exists();
        let opened = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path);
        if let Err(error) = opened {
            let reason = crate::report::words::io_reason(self.lang(), &error);
            let reason = format!("{}: {reason}", path.display());
            let failed = crate::viewer::i18n::tr(ctx, "导出失败：{}");
            self.say(crate::viewer::i18n::fill(failed, &[&reason]), true);
            return;
        }
        let views = vec![self.view()];
        let job = crate::viewer::view_job::ViewJob {
            file: self.picture_source(),
            series_ids: self.session.shelf().map_or_else(Vec::new, |on| {
                on.shelf.series.iter().map(|s| s.id.clone()).collect()
            }),
            views,
            english: self.lang() == crate::viewer::i18n::Lang::En,
            theme: self.settings.theme,
        };
        let (sender, receiver) = std::sync::mpsc::channel();
        let waker = ctx.clone();
        std::thread::spawn(move || {
            let result = job.png(&path);
            if result.is_err() && !existed {
                let _ = std::fs::remove_file(&path);
            }
            let _ = sender.send(result.map(|()| path));
            waker.request_repaint();
        });
        self.export_job = Some(receiver);
        self.say(crate::viewer::i18n::tr(ctx, "正在导出…").to_owned(), false);
    }

    /// Imports a brochure and shows it as a report, not yet saved: the draft bar offers to save
    /// it as a dataset. A brochure that cannot be imported leaves the report on screen and
    /// says where and why.
    pub(super) fn import(&mut self, ctx: &egui::Context, source: &Path) {
        let lang = self.lang();
        let imported = match crate::import::import_file(source) {
            Ok(imported) => imported,
            Err(error) => {
                let message = error.message(lang);
                self.say(
                    crate::viewer::i18n::fill(
                        crate::viewer::i18n::tr(ctx, "无法导入：{}"),
                        &[&message],
                    ),
                    true,
                );
                // The status bar may be too narrow for the reason: a window says it whole.
                let said = crate::report::diagnostic::Diagnostic::error(
                    error.message(crate::report::lang::Lang::En),
                    error.message(crate::report::lang::Lang::Zh),
                );
                self.session.set_diagnostics(Some(Diagnostics::ImportFailed(
                    error.file.clone(),
                    vec![said],
                )));
                return;
            }
        };
        // Diagnostics name the dataset as it will be saved beside the brochure.
        let as_saved = source.with_extension("ron");
        match load::load_str(
            &imported.ron,
            crate::document::dataset::Origin::File(as_saved),
        ) {
            Ok(dataset) => {
                self.replace_dataset(dataset);
                self.watch(None, None);
                self.session.set_draft(Draft {
                    source: source.to_path_buf(),
                    ron: imported.ron,
                    guessed_labels: imported.guessed_labels,
                    summary: imported.summary,
                });
                // An import opens on the review of what it guessed, when it guessed anything.
                let guessed = self.session.review().is_some_and(|r| !r.order().is_empty());
                self.session.show(if guessed {
                    View::Review
                } else {
                    View::Overview
                });
                let name = source.display().to_string();
                self.say(
                    crate::viewer::i18n::fill(crate::viewer::i18n::tr(ctx, "已导入：{}"), &[&name]),
                    false,
                );
            }
            Err(error) => {
                log::warn!(
                    "the import of {} does not load:\n{}",
                    source.display(),
                    error.render()
                );
                self.session
                    .set_diagnostics(Some(Diagnostics::Failed(error)));
            }
        }
    }

    /// Saves the imported report as a dataset and opens it from there (watched, remembered).
    pub(super) fn save_draft(&mut self, ctx: &egui::Context, path: &Path) {
        let Some(draft) = self.session.draft() else {
            return;
        };
        // The review's verdicts written into the dataset; with none, the import as it came.
        let reviewed = self
            .session
            .review()
            .filter(|review| review.unsaved() > 0)
            .map(|review| {
                let report = crate::import::review::apply(
                    self.session.dataset(),
                    review.verdicts(),
                    review.statuses(),
                );
                let source = draft
                    .source
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy();
                crate::import::write_dataset(&report, &source)
            });
        let text = reviewed.as_deref().unwrap_or(&draft.ron);
        if let Err(error) = std::fs::write(path, text) {
            let reason = crate::report::words::io_reason(self.lang(), &error);
            let reason = format!("{}: {reason}", path.display());
            self.say(
                crate::viewer::i18n::fill(crate::viewer::i18n::tr(ctx, "导出失败：{}"), &[&reason]),
                true,
            );
            return;
        }
        if self.open(path) {
            let name = path.display().to_string();
            self.say(
                crate::viewer::i18n::fill(crate::viewer::i18n::tr(ctx, "已保存：{}"), &[&name]),
                false,
            );
        }
    }

    /// Writes the review's verdicts into the dataset file on screen, changing only what they
    /// change (`import::review::apply_to_source`), then opens it again; says what went wrong
    /// and writes nothing when the file changed on disk or cannot be rewritten faithfully.
    pub(super) fn save_review(&mut self, ctx: &egui::Context, path: &Path) {
        use crate::viewer::i18n::{fill, tr};
        let Some(review) = self.session.review() else {
            return;
        };
        let dataset = self.session.dataset();
        let source = match std::fs::read_to_string(path) {
            Ok(source) => source,
            Err(error) => {
                let reason = crate::report::words::io_reason(self.lang(), &error);
                let reason = format!("{}: {reason}", path.display());
                self.say(fill(tr(ctx, "保存失败：{}"), &[&reason]), true);
                return;
            }
        };
        // The file as it was opened: edits made to it since would be overwritten.
        let origin = crate::document::dataset::Origin::File(path.to_path_buf());
        // The verdicts are shown in the report on screen; the file has the guesses.
        let unchanged = crate::document::load::load_str(&source, origin)
            .is_ok_and(|on_disk| on_disk.report == review.as_guessed(&dataset.report));
        let edited = unchanged
            .then(|| {
                crate::import::review::apply_to_source(
                    &source,
                    dataset,
                    review.verdicts(),
                    review.statuses(),
                )
            })
            .flatten();
        let Some(edited) = edited else {
            let name = path.display().to_string();
            let text = if unchanged {
                tr(ctx, "保存失败：{} 无法只改审阅过的名称；文件未改动")
            } else {
                tr(ctx, "保存失败：{} 在打开后被改过；请重新打开后再审阅")
            };
            self.say(fill(text, &[&name]), true);
            return;
        };
        if let Err(error) = std::fs::write(path, edited) {
            let reason = crate::report::words::io_reason(self.lang(), &error);
            let reason = format!("{}: {reason}", path.display());
            self.say(fill(tr(ctx, "保存失败：{}"), &[&reason]), true);
            return;
        }
        if self.open(path) {
            let name = path.display().to_string();
            self.say(fill(tr(ctx, "已保存：{}"), &[&name]), false);
        }
    }

    /// Prints: the report's PDF in a temporary file, opened in the system's PDF viewer.
    pub(super) fn print(&mut self, ctx: &egui::Context) {
        let stem = self.export_stem(Export::ReportPdf);
        let path = std::env::temp_dir().join(format!("{stem}-{}.pdf", std::process::id()));
        self.start_pdf(ctx, path, true);
    }

    /// Writes the report's PDF on another thread, its progress shown in the status bar; to
    /// print, then opens it in the system's viewer.
    pub(super) fn start_pdf(&mut self, ctx: &egui::Context, path: PathBuf, print: bool) {
        if self.pdf_job.is_some() {
            self.say(
                crate::viewer::i18n::tr(ctx, "PDF 正在生成，请稍候").to_owned(),
                true,
            );
            return;
        }
        let options = crate::export::pdf::Options {
            paper: crate::export::pdf::Paper::A4,
            lang: self.lang(),
            // On a shelf the PDF ends with the report's measures over the years.
            shelf: self
                .session
                .shelf()
                .map(|on| (std::sync::Arc::clone(&on.shelf), on.report)),
        };
        let open = print.then_some(self.open_file);
        self.pdf_job = Some(PdfJob::start(
            ctx,
            self.session.dataset().clone(),
            options,
            path,
            open,
        ));
        ctx.request_repaint();
    }

    /// Collects what a PDF job has to say.
    pub(super) fn poll_pdf(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.pdf_job else {
            return;
        };
        let tr = |zh| crate::viewer::i18n::tr(ctx, zh);
        let (message, error, done) = match job.receiver.try_recv() {
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => (tr("导出失败：{}"), true, true),
            Ok(PdfEvent::Written(path)) if job.print => {
                let text = crate::viewer::i18n::fill(
                    tr("已生成 PDF，正在用系统的 PDF 阅读器打开：{}"),
                    &[&path.display()],
                );
                if let Some(job) = &mut self.pdf_job {
                    job.written = Some(path);
                }
                self.say(text, false);
                return;
            }
            Ok(PdfEvent::Written(_)) => (tr("已导出：{}"), false, true),
            Ok(PdfEvent::Opened) => (
                tr("已在系统的 PDF 阅读器中打开，可从那里打印：{}"),
                false,
                true,
            ),
            Ok(PdfEvent::Failed(reason)) => {
                let template = if job.print {
                    tr("无法打印：{}")
                } else {
                    tr("导出失败：{}")
                };
                self.pdf_job = None;
                self.say(crate::viewer::i18n::fill(template, &[&reason]), true);
                return;
            }
        };
        let path = job.written.clone().unwrap_or_else(|| job.path.clone());
        if done {
            self.pdf_job = None;
        }
        self.say(
            crate::viewer::i18n::fill(message, &[&path.display()]),
            error,
        );
    }

    /// Collects a finished export, and takes a pending chart picture.
    pub(super) fn poll_exports(&mut self, ctx: &egui::Context) {
        self.poll_pdf(ctx);
        if let Some(receiver) = &self.export_job
            && let Ok(result) = receiver.try_recv()
        {
            self.export_job = None;
            self.exporting_chart = None;
            match result {
                Ok(path) => self.say(
                    crate::viewer::i18n::fill(
                        crate::viewer::i18n::tr(ctx, "已导出：{}"),
                        &[&path.display()],
                    ),
                    false,
                ),
                Err(error) => self.say(
                    crate::viewer::i18n::fill(
                        crate::viewer::i18n::tr(ctx, "导出失败：{}"),
                        &[&error],
                    ),
                    true,
                ),
            }
        }
        if let Some(mut picture) = self.pending_chart_png.take() {
            if picture.frames_to_wait > 0 {
                picture.frames_to_wait -= 1;
                self.pending_chart_png = Some(picture);
                ctx.request_repaint();
                return;
            }
            let ChartPicture { chart, path, .. } = picture;
            let Some(rect) = self.drawn.chart(chart) else {
                self.exporting_chart = None;
                self.say(
                    crate::viewer::i18n::fill(
                        crate::viewer::i18n::tr(ctx, "导出失败：{}"),
                        &[&crate::viewer::i18n::tr(ctx, "图表不在屏幕上")],
                    ),
                    true,
                );
                return;
            };
            let pixels_per_point = ctx.pixels_per_point();
            let (sender, receiver) = std::sync::mpsc::channel();
            let waker = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result = crate::viewer::screenshot::save_png(
                    &image.region(&rect, Some(pixels_per_point)),
                    &path,
                )
                .map(|()| path);
                let _ = sender.send(result);
                waker.request_repaint();
            });
            self.export_job = Some(receiver);
            ctx.request_repaint();
        }
    }
}
