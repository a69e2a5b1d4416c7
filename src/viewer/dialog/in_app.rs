//! The in-app file dialog's state: the folder shown, its entries, the typed name, and what
//! Enter does with it. `ui::file_dialog` draws it.
//!
//! Listing a folder and looking at the typed path are I/O, which on a slow or network folder
//! takes seconds: both run on a thread of their own, and the window polls for the answer
//! (`poll`), so a frame never waits for the disk.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::{Purpose, Request};

/// A folder or a fitting file in the folder shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its name in the folder.
    pub name: String,
    /// Whether it is a folder (or a link to one).
    pub is_dir: bool,
}

/// Why Enter did not choose a file; the dialog shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The folder could not be listed, and what kind of failure it was (said in the reader's
    /// words, `words::io_kind_reason`).
    Unreadable(PathBuf, std::io::ErrorKind),
    /// Nothing was typed or selected.
    NoName,
    /// The file to open does not exist.
    NotFound(PathBuf),
    /// The folder to export into does not exist.
    NoFolder(PathBuf),
    /// The file to export into exists; Enter again replaces it.
    Exists(PathBuf),
}

/// The in-app file dialog, while it is open.
#[derive(Debug)]
pub struct InAppDialog {
    /// What is asked.
    pub request: Request,
    /// Why the system's dialog was not used, when it was tried.
    pub note: Option<String>,
    /// The text field: a name in the folder, or a path (`~` for home).
    pub name: String,
    /// Set to put the keyboard focus into the text field on the next frame.
    pub focus_name: bool,
    /// Set when the selection moved by key, so that the list scrolls to it once.
    pub scroll_to_selected: bool,
    folder: PathBuf,
    entries: Vec<Entry>,
    selected: Option<usize>,
    problem: Option<Problem>,
    /// A file that exists and was confirmed once: confirming it again replaces it.
    overwrite: Option<PathBuf>,
    /// The folder's listing, while a thread makes it.
    listing: Option<Pending<std::io::Result<Vec<Entry>>>>,
    /// The look at the path Enter confirmed, while a thread takes it.
    checking: Option<(PathBuf, Pending<Found>)>,
    /// How a folder is listed (a test lists slowly, as a network folder does).
    lister: Lister,
}

/// Lists a folder's entries that fit the extensions.
type Lister = fn(&Path, &[&str]) -> std::io::Result<Vec<Entry>>;

/// What a thread found of the path Enter confirmed.
#[derive(Clone, Copy, Debug, Default)]
struct Found {
    is_dir: bool,
    is_file: bool,
    /// For an export: whether the file with the export's extension exists, and its folder.
    export_exists: bool,
    export_folder_is_dir: bool,
}

/// A result a thread will leave here.
#[derive(Debug)]
struct Pending<T>(Arc<Mutex<Option<T>>>);

impl<T: Send + 'static> Pending<T> {
    /// Runs `work` on a thread; if the thread cannot start or `work` panics, the answer is
    /// `failed()`, so the dialog never waits for ever.
    fn spawn(work: impl FnOnce() -> T + Send + 'static, failed: fn() -> T) -> Self {
        let slot = Arc::new(Mutex::new(None));
        let filled = Arc::clone(&slot);
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                    .unwrap_or_else(|_| failed());
                if let Ok(mut slot) = filled.lock() {
                    *slot = Some(result);
                }
            });
        if let Err(error) = spawned {
            log::error!("the file dialog's thread could not start: {error}");
            return Self(Arc::new(Mutex::new(Some(failed()))));
        }
        Self(slot)
    }

    fn is_ready(&self) -> bool {
        self.0.lock().is_ok_and(|slot| slot.is_some())
    }

    fn take(&self) -> Option<T> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

impl InAppDialog {
    /// The dialog for `request`, in its folder, with the proposed file name typed in.
    pub fn new(request: Request, note: Option<String>) -> Self {
        Self::listing_with(request, note, list)
    }

    fn listing_with(request: Request, note: Option<String>, lister: Lister) -> Self {
        let folder = request.folder.clone();
        let mut dialog = Self {
            name: request.file_name.clone().unwrap_or_default(),
            request,
            note,
            focus_name: true,
            scroll_to_selected: false,
            folder: PathBuf::new(),
            entries: Vec::new(),
            selected: None,
            problem: None,
            overwrite: None,
            listing: None,
            checking: None,
            lister,
        };
        dialog.enter(folder);
        dialog
    }

    /// Whether a listing or a look at a path has not answered yet (the window says so).
    pub fn waiting(&self) -> bool {
        self.listing.as_ref().is_some_and(|p| !p.is_ready())
            || self.checking.as_ref().is_some_and(|(_, p)| !p.is_ready())
    }

    /// Whether work is under way, answered or not: the window keeps polling while it is.
    pub fn busy(&self) -> bool {
        self.listing.is_some() || self.checking.is_some()
    }

    /// Takes in what the threads found, once they have: the folder's entries, and what Enter
    /// does with the confirmed path (a listing and a look may both be under way). The chosen
    /// file, when Enter chose one.
    pub fn poll(&mut self) -> Option<PathBuf> {
        if let Some(listed) = self.listing.as_ref().and_then(Pending::take) {
            self.listing = None;
            match listed {
                Ok(entries) => self.entries = entries,
                Err(error) => {
                    self.entries.clear();
                    log::warn!("could not list {}: {error}", self.folder.display());
                    self.problem = Some(Problem::Unreadable(self.folder.clone(), error.kind()));
                }
            }
        }
        let found = self.checking.as_ref().and_then(|(_, p)| p.take())?;
        let (path, _) = self.checking.take()?;
        self.decide(path, found)
    }

    /// Waits for the thread's answer and takes it in (tests; the window polls instead).
    pub fn wait(&mut self) -> Option<PathBuf> {
        while self.waiting() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        self.poll()
    }

    /// The folder shown.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The folders and fitting files of the folder shown: folders first, then by name.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry selected in the list.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Why the last Enter chose nothing, or why the folder could not be listed.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// Shows `folder`: its entries come when a thread has listed it.
    pub fn enter(&mut self, folder: PathBuf) {
        self.selected = None;
        self.overwrite = None;
        self.entries.clear();
        self.problem = None;
        let (listed, extensions, lister) = (folder.clone(), self.request.extensions, self.lister);
        self.listing = Some(Pending::spawn(
            move || lister(&listed, extensions),
            || Err(std::io::Error::other("the folder could not be listed")),
        ));
        self.folder = folder;
    }

    /// Shows the folder above, if there is one.
    pub fn go_up(&mut self) {
        if let Some(parent) = self.folder.parent() {
            self.enter(parent.to_path_buf());
        }
    }

    /// Shows the home folder.
    pub fn go_home(&mut self) {
        if let Some(home) = super::home() {
            self.enter(home);
        }
    }

    /// Forgets what the last Enter found, after the name was edited.
    pub fn edited(&mut self) {
        self.overwrite = None;
        if !matches!(self.problem, Some(Problem::Unreadable(..))) {
            self.problem = None;
        }
    }

    /// Selects entry `index` and types its name.
    pub fn select(&mut self, index: usize) {
        if let Some(entry) = self.entries.get(index) {
            self.name.clone_from(&entry.name);
            self.selected = Some(index);
            self.edited();
        }
    }

    /// Moves the selection by `delta` entries (↑/↓).
    pub fn move_selection(&mut self, delta: isize) {
        let Some(last) = self.entries.len().checked_sub(1) else {
            return;
        };
        let index = match self.selected {
            Some(index) => index.saturating_add_signed(delta).min(last),
            None if delta < 0 => last,
            None => 0,
        };
        self.select(index);
        self.scroll_to_selected = true;
    }

    /// Selects entry `index` and confirms it (a double click).
    pub fn activate(&mut self, index: usize) {
        self.select(index);
        self.confirm();
    }

    /// What Enter does: a thread looks at the typed path, and `poll` then shows a folder, or
    /// chooses a file when it fits and returns it.
    pub fn confirm(&mut self) {
        let Some(path) = self.typed_path() else {
            self.problem = Some(Problem::NoName);
            return;
        };
        let extension = self.request.extensions.first().copied().unwrap_or_default();
        let looked_at = path.clone();
        self.checking = Some((
            path,
            Pending::spawn(
                move || {
                    let export = with_extension(looked_at.clone(), extension);
                    Found {
                        is_dir: looked_at.is_dir(),
                        is_file: looked_at.is_file(),
                        export_exists: export.exists(),
                        export_folder_is_dir: export.parent().is_some_and(Path::is_dir),
                    }
                },
                Found::default,
            ),
        ));
    }

    /// What Enter does with a path, once a thread has looked at it.
    fn decide(&mut self, path: PathBuf, found: Found) -> Option<PathBuf> {
        if found.is_dir && self.request.purpose == Purpose::OpenFolder && path == self.folder {
            return Some(path);
        }
        if found.is_dir {
            self.enter(path);
            self.name = self.request.file_name.clone().unwrap_or_default();
            self.focus_name = true;
            return None;
        }
        match self.request.purpose {
            Purpose::Open | Purpose::Import if found.is_file => Some(path),
            Purpose::Open | Purpose::Import | Purpose::OpenFolder => {
                self.problem = Some(Problem::NotFound(path));
                None
            }
            Purpose::Export(_) => self.confirm_export(path, found),
        }
    }

    /// An export's file: given the export's extension, in a folder that exists, and replacing
    /// a file only when confirmed twice.
    fn confirm_export(&mut self, path: PathBuf, found: Found) -> Option<PathBuf> {
        let extension = self.request.extensions.first().copied().unwrap_or_default();
        let path = with_extension(path, extension);
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if !found.export_folder_is_dir {
            self.problem = Some(Problem::NoFolder(folder));
            return None;
        }
        if found.export_exists && self.overwrite.as_ref() != Some(&path) {
            self.overwrite = Some(path.clone());
            self.problem = Some(Problem::Exists(path));
            return None;
        }
        Some(path)
    }

    /// The path the text field names: absolute, under home (`~/…`), or in the folder shown.
    fn typed_path(&self) -> Option<PathBuf> {
        let name = self.name.trim();
        if name.is_empty() {
            // A folder is chosen by Enter in it with no name typed.
            return (self.request.purpose == Purpose::OpenFolder).then(|| self.folder.clone());
        }
        let home = super::home();
        let path = match (name.strip_prefix('~'), home) {
            (Some(""), Some(home)) => home,
            (Some(rest), Some(home)) if rest.starts_with(['/', '\\']) => home.join(&rest[1..]),
            _ => PathBuf::from(name),
        };
        Some(self.folder.join(path))
    }
}

/// `path` with `.extension` added unless it already ends so (in any case).
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
    {
        return path;
    }
    let mut name = path.into_os_string();
    name.push(".");
    name.push(extension);
    name.into()
}

/// The folders and the files with one of `extensions` in `folder`, hidden ones left out. Names
/// that are not UTF-8 are left out too: they could not be typed or shown.
fn list(folder: &Path, extensions: &[&str]) -> std::io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(folder)?.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        // Follows links, so that a link to a folder opens like the folder.
        let is_dir = entry.path().is_dir();
        let fits = Path::new(&name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)));
        if is_dir || fits {
            entries.push(Entry { name, is_dir });
        }
    }
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viewer::commands::Export;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("huimou-in-app-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("子文件夹")).expect("folder");
        for file in ["报告.ron", "b.RON", "notes.txt", ".hidden.ron", "old.csv"] {
            std::fs::write(dir.join(file), "").expect("file");
        }
        dir
    }

    /// Enter, and what it chose once the thread has looked.
    fn confirmed(dialog: &mut InAppDialog) -> Option<PathBuf> {
        dialog.confirm();
        dialog.wait()
    }

    /// A folder whose listing takes as long as a slow network share's: the dialog is created
    /// and drawn at once, waiting, and its entries come when the thread is done.
    #[test]
    fn a_slow_folder_never_holds_up_a_frame() {
        fn slow(folder: &Path, extensions: &[&str]) -> std::io::Result<Vec<Entry>> {
            std::thread::sleep(std::time::Duration::from_secs(2));
            list(folder, extensions)
        }
        let dir = folder("slow");
        let started = std::time::Instant::now();
        let mut dialog = InAppDialog::listing_with(request(Purpose::Open, &dir), None, slow);
        // The dialog is there at once, says it is waiting, and answers every poll at once.
        for _ in 0..10 {
            assert_eq!(dialog.poll(), None);
        }
        assert!(dialog.waiting());
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        // Enter while the folder is still being listed: both answers are taken in.
        dialog.name = "missing.ron".to_owned();
        dialog.confirm();
        dialog.wait();
        dialog.wait();
        assert!(started.elapsed() >= std::time::Duration::from_secs(2));
        assert_eq!(
            dialog.problem(),
            Some(&Problem::NotFound(dir.join("missing.ron")))
        );
        assert!(!dialog.busy());
        assert_eq!(dialog.entries().len(), 3);
        let _ = std::fs::remove_dir_all(dir);
    }

    fn request(purpose: Purpose, folder: &Path) -> Request {
        let (extensions, file_name): (&'static [&'static str], _) = match purpose {
            Purpose::Open => (&["ron"], None),
            Purpose::Import => (crate::import::EXTENSIONS, None),
            Purpose::OpenFolder => (crate::shelf::EXTENSIONS, None),
            Purpose::Export(_) => (&["csv"], Some("举措.csv".to_owned())),
        };
        Request {
            purpose,
            title: String::new(),
            filter_name: String::new(),
            extensions,
            folder: folder.to_path_buf(),
            file_name,
        }
    }

    #[test]
    fn lists_folders_first_then_fitting_files() {
        let dir = folder("list");
        let mut dialog = InAppDialog::new(request(Purpose::Open, &dir), None);
        assert_eq!(dialog.wait(), None);
        let names: Vec<&str> = dialog.entries().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["子文件夹", "b.RON", "报告.ron"]);
        assert!(dialog.problem().is_none());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn enter_opens_folders_and_chooses_existing_files() {
        let dir = folder("open");
        let mut dialog = InAppDialog::new(request(Purpose::Open, &dir), None);
        dialog.wait();
        dialog.move_selection(1);
        assert_eq!(dialog.name, "子文件夹");
        assert_eq!(confirmed(&mut dialog), None);
        assert_eq!(dialog.folder(), dir.join("子文件夹"));
        dialog.wait();
        dialog.go_up();
        dialog.wait();
        dialog.name = "missing.ron".to_owned();
        assert_eq!(confirmed(&mut dialog), None);
        assert_eq!(
            dialog.problem(),
            Some(&Problem::NotFound(dir.join("missing.ron")))
        );
        dialog.name = dir.join("报告.ron").display().to_string();
        assert_eq!(confirmed(&mut dialog), Some(dir.join("报告.ron")));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_folder_is_chosen_by_enter_in_it_with_no_name() {
        let dir = folder("open-folder");
        let mut dialog = InAppDialog::new(request(Purpose::OpenFolder, &dir), None);
        dialog.wait();
        // Enter on a folder goes into it; Enter with no name chooses the folder shown.
        dialog.move_selection(1);
        assert_eq!(dialog.name, "子文件夹");
        assert_eq!(confirmed(&mut dialog), None);
        assert_eq!(dialog.folder(), dir.join("子文件夹"));
        dialog.wait();
        assert_eq!(dialog.name, "");
        assert_eq!(confirmed(&mut dialog), Some(dir.join("子文件夹")));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn exports_get_their_extension_and_replace_only_when_confirmed_twice() {
        let dir = folder("save");
        let purpose = Purpose::Export(Export::InitiativesCsv);
        let mut dialog = InAppDialog::new(request(purpose, &dir), None);
        dialog.wait();
        assert_eq!(dialog.name, "举措.csv");
        assert_eq!(confirmed(&mut dialog), Some(dir.join("举措.csv")));
        dialog.name = "old".to_owned();
        assert_eq!(confirmed(&mut dialog), None);
        assert_eq!(
            dialog.problem(),
            Some(&Problem::Exists(dir.join("old.csv")))
        );
        assert_eq!(confirmed(&mut dialog), Some(dir.join("old.csv")));
        dialog.name = "nowhere/x.csv".to_owned();
        assert_eq!(confirmed(&mut dialog), None);
        assert_eq!(
            dialog.problem(),
            Some(&Problem::NoFolder(dir.join("nowhere")))
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn an_unreadable_folder_says_why() {
        let dir = std::env::temp_dir().join("huimou-surely-not-here");
        let mut dialog = InAppDialog::new(request(Purpose::Open, &dir), None);
        dialog.wait();
        assert!(matches!(dialog.problem(), Some(Problem::Unreadable(..))));
        assert!(dialog.entries().is_empty());
    }
}
