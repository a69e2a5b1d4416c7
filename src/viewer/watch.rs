//! Watching the open dataset file, so that an author's save shows at once.
//!
//! Only events that can change what the file holds count: on Linux the watcher also reports
//! every open and read, and the viewer's own reading of the file would then wake it again,
//! forever. A change that is reported is still only news when the file's length or content hash
//! differs from what was last read ([`Fingerprint`]); other programs may rewrite a file with
//! the same bytes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long the file must be quiet before it is read: editors write a file in several steps
/// (truncate, write, rename), and reading between them would show a half-saved file.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// The longest a change waits for quiet: a file saved again and again still shows within a
/// second, as the README promises.
pub const MAX_DELAY: Duration = Duration::from_millis(800);

pub use crate::document::load::Fingerprint;

/// Watches one file and remembers whether it may have changed since the last look, and what it
/// held when it was last read.
pub struct FileWatcher {
    path: PathBuf,
    changed: Arc<AtomicBool>,
    /// What the file held when last read; `None` when it could not be read.
    seen: Option<Fingerprint>,
    _watcher: RecommendedWatcher,
}

impl std::fmt::Debug for FileWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileWatcher")
            .field("path", &self.path)
            .field("seen", &self.seen)
            .finish_non_exhaustive()
    }
}

impl FileWatcher {
    /// Starts watching `path`, which held `seen` when it was read (`None`: it could not be);
    /// `wake` is called (on another thread) after each change, to wake a viewer that is waiting
    /// for input.
    pub fn new(
        path: &Path,
        seen: Option<Fingerprint>,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, String> {
        let (folder, target) = if path.is_dir() {
            let folder = std::fs::canonicalize(path)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
            (folder.clone(), Target::Folder(folder))
        } else {
            let (folder, file) = resolve(path)?;
            (folder, Target::File(file))
        };
        let cannot = |e: &dyn std::fmt::Display| format!("cannot watch {}: {e}", folder.display());
        let changed = Arc::new(AtomicBool::new(false));
        let (events, quiet) = std::sync::mpsc::channel();
        let flag = Arc::clone(&changed);
        std::thread::Builder::new()
            .name("huimou-watch".to_owned())
            .spawn(move || debounce(&quiet, &flag, wake))
            .map_err(|e| cannot(&e))?;
        let mut watcher =
            notify::recommended_watcher(move |result| forward(result, &target, &events))
                .map_err(|e| cannot(&e))?;
        watcher
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|e| cannot(&e))?;
        Ok(Self {
            path: path.to_path_buf(),
            changed,
            seen,
            _watcher: watcher,
        })
    }

    /// The file being watched.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file may have changed since the last call.
    pub fn take_change(&self) -> bool {
        self.changed.swap(false, Ordering::SeqCst)
    }

    /// What the file held when it was last read.
    pub fn seen(&self) -> Option<Fingerprint> {
        self.seen
    }

    /// Remembers what the file holds now (`None`: it cannot be read), and says whether that
    /// differs from what it held before: only then is there anything new to show.
    pub fn remember(&mut self, now: Option<Fingerprint>) -> bool {
        std::mem::replace(&mut self.seen, now) != now
    }
}

/// The folder to watch for `path`, and the path events name the file by.
fn resolve(path: &Path) -> Result<(PathBuf, PathBuf), String> {
    // Editors often save by writing a new file and renaming it over the old one, which ends a
    // watch on the file itself; so the folder is watched and its events filtered. The folder
    // is resolved because events spell paths from the folder watched, and macOS resolves
    // links in them: `r.ron` must match `./r.ron`, and `/tmp/r.ron` `/private/tmp/r.ron`.
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| format!("{} names no file", path.display()))?;
    let folder = std::fs::canonicalize(folder)
        .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    let target = folder.join(name);
    Ok((folder, target))
}

/// What is watched: one file, or the reports of a folder (a shelf: one added, changed or
/// removed changes the shelf).
enum Target {
    File(PathBuf),
    Folder(PathBuf),
}

impl Target {
    /// Whether an event on `path` concerns what is watched.
    fn concerns(&self, path: &Path) -> bool {
        match self {
            Self::File(file) => path == file,
            Self::Folder(folder) => {
                path.parent() == Some(folder.as_path()) && crate::shelf::is_report_file(path)
            }
        }
    }
}

/// Passes on the events that may have changed what `target` holds.
fn forward(result: notify::Result<Event>, target: &Target, events: &Sender<()>) {
    match result {
        Ok(event) => {
            let ours = event.paths.iter().any(|p| target.concerns(p));
            // A lost event (the kernel's queue overflowed) may have been a save.
            if event.need_rescan() || (ours && may_change_content(event.kind)) {
                // The receiver is gone only while the watcher is being dropped.
                let _ = events.send(());
            }
        }
        Err(error) => log::warn!("watching the dataset file failed: {error}"),
    }
}

/// Whether an event of this kind may have changed what the file holds. Opening, reading and
/// closing after reading may not: they are what the viewer itself does to the file.
fn may_change_content(kind: EventKind) -> bool {
    match kind {
        // Closing a file written to ends a save.
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
        // Some platforms cannot tell what happened.
        EventKind::Any => true,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

/// Waits for events and, once they have been quiet for [`DEBOUNCE`] (or came for
/// [`MAX_DELAY`] without a pause), sets `changed` and calls `wake`. Ends when the watcher is
/// dropped.
fn debounce(events: &Receiver<()>, changed: &AtomicBool, wake: impl Fn()) {
    while events.recv().is_ok() {
        let first = Instant::now();
        loop {
            match events.recv_timeout(DEBOUNCE) {
                Ok(()) if first.elapsed() < MAX_DELAY => {}
                Ok(()) | Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        changed.store(true, Ordering::SeqCst);
        wake();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder with `report.ron` in it, watched; the receiver gets a message on each wake.
    struct Watched {
        dir: PathBuf,
        file: PathBuf,
        watcher: FileWatcher,
        woken: Receiver<()>,
    }

    impl Watched {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("huimou-watch-{name}-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let file = dir.join("report.ron");
            std::fs::write(&file, "(a)").expect("write");
            let (tx, woken) = std::sync::mpsc::channel();
            let seen = Some(Fingerprint::of(b"(a)"));
            let watcher = FileWatcher::new(&file, seen, move || {
                let _ = tx.send(());
            })
            .expect("watch");
            Self {
                dir,
                file,
                watcher,
                woken,
            }
        }

        /// Whether a change was reported, waiting long enough for one to be.
        fn changed(&self) -> bool {
            let woken = self.woken.recv_timeout(Duration::from_secs(5)).is_ok();
            woken && self.watcher.take_change()
        }

        /// That no change is reported for a while.
        fn quiet(&self) -> bool {
            let woken = self.woken.recv_timeout(DEBOUNCE * 5).is_ok();
            !woken && !self.watcher.take_change()
        }
    }

    impl Drop for Watched {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    #[test]
    fn a_save_is_noticed_and_a_neighbour_is_not() {
        let watched = Watched::new("neighbour");
        std::fs::write(watched.dir.join("other.ron"), "(b)").expect("write");
        assert!(
            watched.quiet(),
            "another file in the folder is not the dataset"
        );

        // Saved the way many editors do: a new file renamed over the old one.
        std::fs::write(watched.dir.join("report.ron.tmp"), "(c)").expect("write");
        std::fs::rename(watched.dir.join("report.ron.tmp"), &watched.file).expect("rename");
        assert!(watched.changed(), "the save is noticed");
        assert!(!watched.watcher.take_change(), "a change is taken once");
    }

    #[test]
    fn reading_the_file_is_no_change() {
        let watched = Watched::new("read");
        for _ in 0..5 {
            std::fs::read(&watched.file).expect("read");
        }
        assert!(watched.quiet(), "reading the file changes nothing");
    }

    #[test]
    fn truncating_then_writing_is_a_change() {
        let watched = Watched::new("truncate");
        let file = std::fs::File::create(&watched.file).expect("truncate");
        std::io::Write::write_all(&mut &file, b"(b)").expect("write");
        drop(file);
        assert!(watched.changed());
    }

    #[test]
    fn deleting_and_recreating_are_changes() {
        let watched = Watched::new("recreate");
        std::fs::remove_file(&watched.file).expect("delete");
        assert!(watched.changed(), "the deletion is noticed");
        std::fs::write(&watched.file, "(b)").expect("recreate");
        assert!(watched.changed(), "the new file is noticed");
    }

    #[test]
    fn a_file_given_by_a_relative_path_is_matched_as_events_name_it() {
        // `huimou r.ron`: the path has no folder; events name the folder watched.
        let cwd = std::fs::canonicalize(".").expect("cwd");
        let (folder, target) = resolve(Path::new("r.ron")).expect("resolve");
        assert_eq!(folder, cwd);
        assert_eq!(target, cwd.join("r.ron"));
        let (_, target) = resolve(Path::new("./src/../r.ron")).expect("resolve");
        assert_eq!(target, cwd.join("r.ron"));
    }

    #[test]
    fn the_same_content_saved_again_is_not_new() {
        let mut watched = Watched::new("same");
        std::fs::write(&watched.file, "(a)").expect("write");
        assert!(watched.changed(), "the save itself is reported");
        let now = Fingerprint::of(&std::fs::read(&watched.file).expect("read"));
        assert!(
            !watched.watcher.remember(Some(now)),
            "but the content is the same"
        );

        std::fs::write(&watched.file, "(b)").expect("write");
        assert!(watched.changed());
        let now = Fingerprint::of(&std::fs::read(&watched.file).expect("read"));
        assert!(
            watched.watcher.remember(Some(now)),
            "same length, other bytes"
        );
        assert!(watched.watcher.remember(None), "the file could not be read");
        assert!(!watched.watcher.remember(None), "and still cannot");
    }
}
