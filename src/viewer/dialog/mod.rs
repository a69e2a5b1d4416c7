//! Asking the user for a file to open or to export into: the system's dialog (rfd) on a thread
//! of its own, or the in-app dialog (`ui::file_dialog`) where the system has none.
//!
//! On Linux rfd shows the desktop portal's file chooser, or zenity when the portal fails; when
//! both are missing it only logs and answers "no file", exactly as when the user cancels. So the
//! dialog's thread first checks that one of them is there ([`native::unavailable`]) and asks for
//! the in-app dialog otherwise. `HUIMOU_FILE_DIALOG=in-app` always uses the in-app dialog.

pub mod in_app;
pub mod native;

use std::path::PathBuf;

use crate::viewer::commands::Export;

pub use in_app::{Entry, InAppDialog, Problem};
pub use native::{NativeJob, Outcome};

/// The environment variable that chooses the dialog: `in-app` forces the in-app one.
pub const CHOICE_ENV: &str = "HUIMOU_FILE_DIALOG";

/// What a file is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A dataset to open.
    Open,
    /// A brochure to import (`huimou import`: Markdown-like text or a Word document).
    Import,
    /// A folder of reports to open as a shelf.
    OpenFolder,
    /// A file to export into.
    Export(Export),
}

/// A question for a file: what for, which files fit, where to start.
#[derive(Clone, Debug)]
pub struct Request {
    /// What the file is for.
    pub purpose: Purpose,
    /// The dialog's title, in the interface's language (for the system's dialog).
    pub title: String,
    /// The name of the file type, in the interface's language.
    pub filter_name: String,
    /// The extensions of the files shown, without the dot; an export's file gets the first.
    pub extensions: &'static [&'static str],
    /// The folder the dialog starts in.
    pub folder: PathBuf,
    /// The file name proposed for an export.
    pub file_name: Option<String>,
}

/// The file dialogs of the viewer: at most one is open at a time.
#[derive(Default)]
pub struct FileDialogs {
    /// Use the in-app dialog even where the system has one (`HUIMOU_FILE_DIALOG=in-app`; tests
    /// set it so that they never open a window of the system's).
    pub force_in_app: bool,
    /// The system's dialog, while it is open.
    pub native: Option<NativeJob>,
    /// The in-app dialog, while it is open.
    pub in_app: Option<InAppDialog>,
}

impl FileDialogs {
    /// The dialogs as `HUIMOU_FILE_DIALOG` chooses them.
    pub fn from_env() -> Self {
        let choice = std::env::var(CHOICE_ENV).unwrap_or_default();
        Self {
            force_in_app: choice.trim().eq_ignore_ascii_case("in-app"),
            ..Self::default()
        }
    }

    /// Whether a dialog is open (or the system's is being started).
    pub fn is_open(&self) -> bool {
        self.native.is_some() || self.in_app.is_some()
    }
}

/// The user's home folder, where a dialog starts when no file is open.
pub fn home() -> Option<PathBuf> {
    let name = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    std::env::var_os(name)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}
