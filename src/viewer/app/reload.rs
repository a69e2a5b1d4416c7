//! The open file watched: a save reloads it on a thread, a save with errors shows them and
//! keeps the report from before.

use std::path::{Path, PathBuf};

use crate::document::dataset::Dataset;
use crate::document::load::{self, LoadError};
use crate::viewer::session::Diagnostics;

use super::HuimouApp;
use crate::viewer::watch::Fingerprint;

/// What a reload read from the watched file, on its own thread.
#[derive(Debug)]
pub(super) struct Reload {
    path: PathBuf,
    /// What the file held, or `None` when it could not be read.
    seen: Option<crate::viewer::watch::Fingerprint>,
    /// The dataset or its errors; `None` when the file held what it held before.
    loaded: Option<Result<Dataset, LoadError>>,
}

impl Reload {
    /// Reads `path`, and parses it only when it holds something else than `before`.
    pub(super) fn read(path: PathBuf, before: Option<crate::viewer::watch::Fingerprint>) -> Self {
        let bytes = load::read_bytes(&path);
        let seen = bytes
            .as_deref()
            .ok()
            .map(crate::viewer::watch::Fingerprint::of);
        let loaded =
            (seen != before).then(|| bytes.and_then(|bytes| load::load_bytes(bytes, &path)));
        Self { path, seen, loaded }
    }
}

impl HuimouApp {
    /// Watches `path` for saves (nothing when `None`); `seen` is what it held when last read.
    pub(super) fn watch(&mut self, path: Option<&Path>, seen: Option<Fingerprint>) {
        let Some(path) = path else {
            self.watcher = None;
            return;
        };
        if let Some(watcher) = self.watcher.as_mut().filter(|w| w.path() == path) {
            watcher.remember(seen);
            return;
        }
        let ctx = self.ctx.clone();
        let wake = move || ctx.request_repaint();
        self.watcher = match crate::viewer::watch::FileWatcher::new(path, seen, wake) {
            Ok(watcher) => Some(watcher),
            Err(error) => {
                log::warn!("{error}; saves will not show until the file is opened again");
                None
            }
        };
    }

    /// Reads the watched file again after a save, on another thread so that a frame only
    /// draws (a large report takes a while to parse), when it now holds something else than
    /// when last read: other programs read and touch it, and some editors save unchanged files.
    /// A file saved with errors leaves the report on screen as it was and shows the errors;
    /// the next good save clears them.
    pub fn reload_if_changed(&mut self) {
        self.collect_reload();
        self.collect_shelf_reload();
        let Some(watcher) = &self.watcher else {
            return;
        };
        if watcher.path().is_dir() {
            if self.shelf_reload.is_none() && watcher.take_change() {
                let folder = watcher.path().to_path_buf();
                self.reload_shelf(folder);
            }
            return;
        }
        // One reload at a time; a change noticed meanwhile waits for the next frame.
        if self.reload_job.is_some() || !watcher.take_change() {
            return;
        }
        let path = watcher.path().to_path_buf();
        let seen = watcher.seen();
        let (sender, receiver) = std::sync::mpsc::channel();
        let waker = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("reload".to_owned())
            .spawn(move || {
                let _ = sender.send(Reload::read(path, seen));
                waker.request_repaint();
            });
        match spawned {
            Ok(_) => self.reload_job = Some(receiver),
            Err(error) => log::warn!("could not start reading the saved file: {error}"),
        }
    }

    /// Shows what a finished reload read.
    pub(super) fn collect_reload(&mut self) {
        let Some(result) = self.reload_job.as_ref().and_then(|r| r.try_recv().ok()) else {
            return;
        };
        self.reload_job = None;
        let Some(watcher) = &mut self.watcher else {
            return;
        };
        if !watcher.remember(result.seen) || watcher.path() != result.path {
            return;
        }
        let Some(loaded) = result.loaded else {
            return;
        };
        let path = result.path;
        match loaded {
            Ok(dataset) => {
                log::info!("reloaded {}", path.display());
                self.replace_dataset(dataset);
            }
            Err(error) => {
                log::warn!(
                    "{} was saved with errors:\n{}",
                    path.display(),
                    error.render()
                );
                // A file that has not opened yet leaves another report on screen.
                let shown =
                    self.session.dataset().origin == crate::document::dataset::Origin::File(path);
                self.session.set_diagnostics(Some(if shown {
                    Diagnostics::ReloadFailed(error)
                } else {
                    Diagnostics::Failed(error)
                }));
            }
        }
    }
}
