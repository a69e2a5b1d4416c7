//! Watching the open dataset file, so that an author's save shows at once.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// How long the file must be quiet before it is read: editors write a file in several steps
/// (truncate, write, rename), and reading between them would show a half-saved file.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// Watches one file and remembers whether it changed since the last look.
pub struct FileWatcher {
    path: PathBuf,
    changed: Arc<AtomicBool>,
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl std::fmt::Debug for FileWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileWatcher")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl FileWatcher {
    /// Starts watching `path`; `wake` is called (on the watcher's thread) after each change,
    /// to wake a viewer that is waiting for input.
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> Result<Self, String> {
        // Editors often save by writing a new file and renaming it over the old one, which
        // ends a watch on the file itself; so the folder is watched and its events filtered.
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let name = path
            .file_name()
            .ok_or_else(|| format!("{} names no file", path.display()))?
            .to_owned();
        let changed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&changed);
        let mut debouncer =
            new_debouncer(DEBOUNCE, move |result: DebounceEventResult| match result {
                Ok(events) => {
                    if events.iter().any(|e| e.path.file_name() == Some(&name)) {
                        flag.store(true, Ordering::SeqCst);
                        wake();
                    }
                }
                Err(error) => log::warn!("watching the dataset file failed: {error}"),
            })
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
        debouncer
            .watcher()
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
        Ok(Self {
            path: path.to_path_buf(),
            changed,
            _debouncer: debouncer,
        })
    }

    /// The file being watched.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file changed since the last call.
    pub fn take_change(&self) -> bool {
        self.changed.swap(false, Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_is_noticed_and_a_neighbour_is_not() {
        let dir = std::env::temp_dir().join(format!("huimou-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("report.ron");
        std::fs::write(&file, "(a)").expect("write");
        let (tx, rx) = std::sync::mpsc::channel();
        let watcher = FileWatcher::new(&file, move || {
            let _ = tx.send(());
        })
        .expect("watch");

        std::fs::write(dir.join("other.ron"), "(b)").expect("write");
        assert!(
            rx.recv_timeout(DEBOUNCE * 5).is_err(),
            "another file in the folder is not the dataset"
        );
        assert!(!watcher.take_change());

        // Saved the way many editors do: a new file renamed over the old one.
        std::fs::write(dir.join("report.ron.tmp"), "(c)").expect("write");
        std::fs::rename(dir.join("report.ron.tmp"), &file).expect("rename");
        rx.recv_timeout(Duration::from_secs(10))
            .expect("the save is noticed");
        assert!(watcher.take_change());
        assert!(!watcher.take_change(), "a change is taken once");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
