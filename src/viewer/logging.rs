//! Where Huimou writes what it has to say when nobody is watching a terminal: a log file and a
//! crash report in the platform's data folder (the one that also keeps the saved settings).
//!
//! Release builds on Windows have no console, so a log that only went to standard error would
//! be lost; a panic there would close the window without a word. The panic hook writes a crash
//! report before the process ends (it also runs when panics abort, as in the `dist` profile),
//! and the next start shows it.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The application id: the data folder's name, the Linux desktop file's name.
pub const APP_ID: &str = "huimou";

/// The log of the current run.
pub const LOG_FILE: &str = "huimou.log";
/// The log of the run before, kept so that a crash's context survives one restart.
pub const PREVIOUS_LOG_FILE: &str = "huimou.previous.log";
/// A crash report not yet shown to the user.
pub const CRASH_FILE: &str = "crash.log";
/// A crash report already shown, kept for the user to send or read.
pub const SHOWN_CRASH_FILE: &str = "crash.shown.log";

/// The folder for settings, logs and crash reports: `HUIMOU_DATA_DIR` when set (tests, a
/// portable install), otherwise the platform's (`~/.local/share/huimou`,
/// `~/Library/Application Support/huimou`, `%APPDATA%\huimou\data`).
pub fn data_dir() -> Option<PathBuf> {
    std::env::var_os("HUIMOU_DATA_DIR")
        .map(PathBuf::from)
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| eframe::storage_dir(APP_ID))
}

/// The log file of this run, when there is a data folder.
pub fn log_path() -> Option<PathBuf> {
    data_dir().map(|dir| dir.join(LOG_FILE))
}

/// Sends log records to standard error and to the log file; `RUST_LOG` filters them
/// (default: warnings and errors). Returns the log file's path if it could be opened.
pub fn init() -> Option<PathBuf> {
    let file = data_dir().and_then(|dir| open_log(&dir));
    let path = file.as_ref().map(|(_, path)| path.clone());
    let tee = Tee {
        file: file.map(|(file, _)| Mutex::new(file)),
    };
    let _ = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        .target(env_logger::Target::Pipe(Box::new(tee)))
        .try_init();
    path
}

/// Sends log records to standard error only (the command line).
pub fn init_stderr() {
    let _ = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        .try_init();
}

/// Opens a fresh log file in `dir`, keeping the previous one under another name; a viewer
/// restarted with another renderer (`HUIMOU_LOG_APPEND`) carries on the same log instead.
fn open_log(dir: &Path) -> Option<(File, PathBuf)> {
    std::fs::create_dir_all(dir).ok()?;
    let path = dir.join(LOG_FILE);
    if std::env::var_os("HUIMOU_LOG_APPEND").is_some() {
        return std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .ok()
            .map(|file| (file, path));
    }
    if path.exists() {
        let _ = std::fs::rename(&path, dir.join(PREVIOUS_LOG_FILE));
    }
    File::create(&path).ok().map(|file| (file, path))
}

/// Writes to standard error and, when there is one, the log file.
struct Tee {
    file: Option<Mutex<File>>,
}

impl Write for Tee {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Standard error may be closed (a GUI launch on Windows); the file still gets the line.
        let _ = std::io::stderr().write_all(buf);
        if let Some(file) = &self.file
            && let Ok(mut file) = file.lock()
        {
            file.write_all(buf)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = std::io::stderr().flush();
        if let Some(file) = &self.file
            && let Ok(mut file) = file.lock()
        {
            file.flush()?;
        }
        Ok(())
    }
}

/// The dataset file on screen, for the crash report: a file that crashes the viewer must not be
/// reopened blindly at the next start (it would crash again, and again).
static OPEN_FILE: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Tells the crash report which dataset file is on screen (`None`: the built-in report).
pub fn set_open_file(path: Option<&Path>) {
    if let Ok(mut open) = OPEN_FILE.lock() {
        *open = path.map(Path::to_path_buf);
    }
}

/// Installs a panic hook that writes a crash report into `dir` (then does what the default
/// hook does: print the panic to standard error).
pub fn install_panic_hook(dir: PathBuf) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let report = crash_report(info);
        log::error!("{report}");
        let _ = std::fs::create_dir_all(&dir);
        // Appended: several threads may panic on the way down, and each one matters.
        if let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join(CRASH_FILE))
        {
            let _ = file.write_all(report.as_bytes());
        }
        default(info);
    }));
}

/// What a crash report says: when, which version, which thread, the message, where, and the
/// stack.
fn crash_report(info: &std::panic::PanicHookInfo<'_>) -> String {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned());
    let location = info
        .location()
        .map_or_else(|| "unknown".to_owned(), ToString::to_string);
    let thread = std::thread::current()
        .name()
        .unwrap_or("unnamed")
        .to_owned();
    // `try_lock`: the panic may have happened while the lock was held.
    let file = OPEN_FILE
        .try_lock()
        .ok()
        .and_then(|open| open.as_ref().map(|p| format!("file: {}\n", p.display())))
        .unwrap_or_default();
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "Huimou {} panicked\ntime: {seconds} s since 1970 (UTC)\nthread: {thread}\nmessage: {message}\nat: {location}\n{file}stack:\n{}\n\n",
        env!("CARGO_PKG_VERSION"),
        std::backtrace::Backtrace::force_capture()
    )
}

/// A crash report left by an earlier run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crash {
    /// Where the whole report is.
    pub path: PathBuf,
    /// Its first message line.
    pub message: String,
    /// The dataset file that was open when it crashed, if one was.
    pub file: Option<PathBuf>,
}

/// The crash report an earlier run left in `dir` and nobody has seen yet, if any.
pub fn pending_crash_report(dir: &Path) -> Option<Crash> {
    let path = dir.join(CRASH_FILE);
    let text = std::fs::read_to_string(&path).ok()?;
    let message = text
        .lines()
        .find_map(|line| line.strip_prefix("message: "))
        .unwrap_or("(no message)")
        .to_owned();
    let file = text
        .lines()
        .find_map(|line| line.strip_prefix("file: "))
        .map(PathBuf::from);
    Some(Crash {
        path,
        message,
        file,
    })
}

impl Crash {
    /// Marks the report as shown, so the next start does not show it again; the report is
    /// kept under another name, and `path` follows it.
    pub fn acknowledge(&mut self) {
        let Some(dir) = self.path.parent() else {
            return;
        };
        let shown = dir.join(SHOWN_CRASH_FILE);
        if self.path == shown {
            return;
        }
        match std::fs::rename(&self.path, &shown) {
            Ok(()) => self.path = shown,
            // Shown again next time rather than lost.
            Err(error) => log::warn!("could not set the crash report aside: {error}"),
        }
    }
}
