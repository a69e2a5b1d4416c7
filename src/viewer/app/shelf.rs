//! A shelf: every report of a folder opened at once, the newest on screen, the others a
//! command away, one's place kept by chapter when switching.

use std::path::Path;
use std::sync::Arc;

use crate::shelf::Shelf;
use crate::viewer::place::View;
use crate::viewer::session::{OnShelf, Session};

use super::HuimouApp;

impl HuimouApp {
    /// Opens every report of `folder` as a shelf, on its newest report, and says whether it
    /// opened; why not, and which files could not be read, is said in the window.
    pub(super) fn open_shelf(&mut self, folder: &Path) -> bool {
        let lang = self.lang();
        match open_folder(folder) {
            Ok(shelf) => {
                let shelf = Arc::new(shelf);
                let newest = shelf.newest();
                let refused = shelf.refused.len();
                self.show_shelf_report(shelf, newest, View::Overview);
                self.watch(Some(folder), None);
                self.settings.remember_file(folder);
                if refused > 0 {
                    let text = crate::viewer::i18n::tr(&self.ctx, "有 {} 个文件未能读入，见书架");
                    let text = crate::viewer::i18n::fill(text, &[&refused]);
                    self.say(text, true);
                }
                true
            }
            Err(error) => {
                log::warn!("could not open the shelf {}", error.message(lang));
                self.say(error.message(lang), true);
                false
            }
        }
    }

    /// Opens several reports together as a shelf (not watched: only a folder is), on the
    /// newest; says why not in the window.
    pub(super) fn open_shelf_files(&mut self, files: &[std::path::PathBuf]) -> bool {
        let cache = crate::viewer::logging::data_dir().map(|d| d.join(crate::shelf::CACHE_FOLDER));
        match crate::shelf::open_files(files, cache.as_deref()) {
            Ok(shelf) => {
                let shelf = Arc::new(shelf);
                let newest = shelf.newest();
                self.show_shelf_report(shelf, newest, View::Overview);
                self.watch(None, None);
                true
            }
            Err(error) => {
                self.say(error.message(self.lang()), true);
                false
            }
        }
    }

    /// Shows report `report` of `shelf` at `view` where it has it.
    pub(super) fn show_shelf_report(&mut self, shelf: Arc<Shelf>, report: usize, view: View) {
        let dataset = shelf.reports[report].dataset.clone();
        let on = OnShelf::new(shelf, report);
        self.replace_session(Session::on_shelf(dataset, view, Some(on)));
    }

    /// Shows another report of the shelf at the chapter of the same name (else the same
    /// number), or the view on screen.
    pub(super) fn switch_report(&mut self, report: usize) {
        let Some(on) = self.session.shelf() else {
            return;
        };
        if report >= on.shelf.reports.len() || report == on.report {
            return;
        }
        let shelf = Arc::clone(&on.shelf);
        let view = match self.view() {
            View::Chapter(c) => {
                let name = &self.session.dataset().report.chapters[c].name;
                let chapters = &shelf.reports[report].dataset.report.chapters;
                let same = chapters
                    .iter()
                    .position(|chapter| same_name(&chapter.name, name));
                View::Chapter(same.unwrap_or(c))
            }
            view => view,
        };
        self.show_shelf_report(shelf, report, view);
    }

    /// Shows the shelf, or says how to open one.
    pub(super) fn show_shelf(&mut self, ctx: &egui::Context) {
        if self.session.shelf().is_some() {
            self.session.show(View::Shelf);
        } else {
            let text = crate::viewer::i18n::tr(
                ctx,
                "没有打开书架：用“文件 → 打开文件夹…”一起打开一个文件夹中的报告",
            );
            self.say(text.to_owned(), false);
        }
    }
}

/// The shelf's folder watched: a report added, saved or removed reads the folder again.
impl HuimouApp {
    /// Reads the watched folder again on another thread.
    pub(super) fn reload_shelf(&mut self, folder: std::path::PathBuf) {
        if self.shelf_reload.is_some() {
            return;
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let waker = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("shelf-reload".to_owned())
            .spawn(move || {
                let _ = sender.send(open_folder(&folder));
                waker.request_repaint();
            });
        match spawned {
            Ok(_) => self.shelf_reload = Some(receiver),
            Err(error) => log::warn!("could not start reading the folder again: {error}"),
        }
    }

    /// Shows the shelf read again: the same report (by its file) at the same view, else the
    /// newest; a folder that no longer opens is said and the shelf from before stays.
    pub(super) fn collect_shelf_reload(&mut self) {
        let Some(result) = self.shelf_reload.as_ref().and_then(|r| r.try_recv().ok()) else {
            return;
        };
        self.shelf_reload = None;
        match result {
            Ok(shelf) => {
                let shelf = Arc::new(shelf);
                let path = self
                    .session
                    .shelf()
                    .map(|on| on.shelf.reports[on.report].path.clone());
                let report = shelf
                    .reports
                    .iter()
                    .position(|r| Some(&r.path) == path.as_ref())
                    .unwrap_or_else(|| shelf.newest());
                log::info!("read the shelf {}", shelf.folder.display());
                let view = self.shelf_view.take().unwrap_or_else(|| self.view());
                self.show_shelf_report(shelf, report, view);
            }
            Err(error) => {
                let message = error.message(self.lang());
                self.say(message, true);
            }
        }
    }
}

/// The report a folder's shelf opens on, read alone so that it shows at once.
pub(super) fn newest_report(
    folder: &Path,
) -> Result<crate::document::dataset::Dataset, crate::shelf::ShelfError> {
    let cache = crate::viewer::logging::data_dir().map(|d| d.join(crate::shelf::CACHE_FOLDER));
    let path = crate::shelf::newest_file(folder, cache.as_deref())?;
    crate::shelf::read_one(&path, cache.as_deref()).map_err(|why| crate::shelf::ShelfError {
        folder: folder.to_path_buf(),
        why,
    })
}

/// Opens a folder's reports, imported ones kept in the data folder by content.
pub(super) fn open_folder(folder: &Path) -> Result<Shelf, crate::shelf::ShelfError> {
    let cache = crate::viewer::logging::data_dir().map(|d| d.join(crate::shelf::CACHE_FOLDER));
    crate::shelf::open(folder, cache.as_deref())
}

/// Whether two chapters' names are one (2022年工作回顾 and 2023年工作回顾 are: years aside).
fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .map(crate::report::script_fold::to_simplified)
            .collect()
    };
    fold(a) == fold(b)
}
