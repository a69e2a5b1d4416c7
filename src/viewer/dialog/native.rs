//! The system's file dialog (rfd) on a thread of its own, so that a frame only draws, and the
//! check that tells whether it can open at all.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use super::{Purpose, Request};

/// How a question to the system's dialog ended.
#[derive(Debug)]
pub enum Outcome {
    /// The user chose a file.
    Chosen(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// The system has no dialog to show, and why.
    Unavailable(String),
}

/// The system's dialog, open on its thread.
pub struct NativeJob {
    /// What was asked, for the in-app dialog should the system's be unavailable.
    pub request: Request,
    receiver: Receiver<Outcome>,
}

impl NativeJob {
    /// Starts the system's dialog; the outcome arrives through [`NativeJob::poll`] and wakes
    /// the viewer. An error says why no thread could be started.
    pub fn start(request: Request, ctx: &egui::Context) -> Result<Self, String> {
        let (sender, receiver) = std::sync::mpsc::channel();
        let waker = ctx.clone();
        let ask = asker(&request);
        std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let _ = sender.send(ask());
                waker.request_repaint();
            })
            .map_err(|error| format!("no thread for the file dialog: {error}"))?;
        Ok(Self { request, receiver })
    }

    /// The outcome, once the dialog is closed.
    pub fn poll(&self) -> Option<Outcome> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            // rfd panicked on the thread (it unwraps in places); the log has the panic.
            Err(TryRecvError::Disconnected) => Some(Outcome::Unavailable(
                "the file dialog's thread ended without an answer".to_owned(),
            )),
        }
    }
}

/// What the dialog's thread runs. On Linux it first checks that rfd has a dialog to show,
/// since rfd's "no file" cannot tell a missing dialog from a cancelled one.
#[cfg(all(unix, not(target_os = "macos")))]
fn asker(request: &Request) -> impl FnOnce() -> Outcome + Send + 'static {
    let request = request.clone();
    move || match unavailable() {
        Some(reason) => Outcome::Unavailable(reason),
        None => outcome(pollster::block_on(dialog(&request))),
    }
}

/// What the dialog's thread runs. The dialog is made here, on the UI thread, because macOS
/// shows panels only from the main thread; the thread just waits for it.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn asker(request: &Request) -> impl FnOnce() -> Outcome + Send + 'static {
    let dialog = dialog(request);
    move || outcome(pollster::block_on(dialog))
}

type Answer = std::pin::Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>>;

/// rfd's dialog for a request, not yet awaited.
fn dialog(request: &Request) -> Answer {
    let dialog = rfd::AsyncFileDialog::new()
        .set_title(&request.title)
        .add_filter(&request.filter_name, request.extensions)
        .set_directory(&request.folder);
    match request.purpose {
        Purpose::Open | Purpose::Import => Box::pin(dialog.pick_file()),
        Purpose::OpenFolder => Box::pin(dialog.pick_folder()),
        Purpose::Export(_) => match &request.file_name {
            Some(name) => Box::pin(dialog.set_file_name(name).save_file()),
            None => Box::pin(dialog.save_file()),
        },
    }
}

fn outcome(answer: Option<rfd::FileHandle>) -> Outcome {
    match answer {
        Some(file) => Outcome::Chosen(file.path().to_path_buf()),
        None => Outcome::Cancelled,
    }
}

/// Why rfd cannot show a file dialog here, or `None` when it can.
///
/// rfd 0.17 on Linux loads libdbus-1 and calls the desktop portal's FileChooser; if the library,
/// the session bus or the portal is missing it runs `zenity`, and if that is missing too it
/// returns `None` as for a cancel. So: zenity on the PATH will do; otherwise libdbus-1 must load
/// and the portal's FileChooser must answer on the session bus.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn unavailable() -> Option<String> {
    if on_path("zenity") {
        return None;
    }
    if !libdbus_installed() {
        return Some("neither libdbus-1 (for the desktop portal) nor zenity is installed".into());
    }
    match pollster::block_on(portal_file_chooser()) {
        Ok(()) => None,
        Err(error) => Some(format!(
            "no desktop portal file chooser ({error}) and no zenity"
        )),
    }
}

/// The system's dialog always opens outside Linux and the BSDs.
#[cfg(not(all(unix, not(target_os = "macos"))))]
pub fn unavailable() -> Option<String> {
    None
}

/// How long the portal may take to answer; its first start can take a few seconds.
#[cfg(all(unix, not(target_os = "macos")))]
const PORTAL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Reads the version of the portal's FileChooser: it answers only when the portal runs (or can
/// be started by the bus) and has a file chooser backend.
#[cfg(all(unix, not(target_os = "macos")))]
async fn portal_file_chooser() -> zbus::Result<()> {
    let connection = zbus::connection::Builder::session()?
        .method_timeout(PORTAL_TIMEOUT)
        .build()
        .await?;
    connection
        .call_method(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await?;
    Ok(())
}

/// Whether an executable `program` is in a folder of the PATH.
#[cfg(all(unix, not(target_os = "macos")))]
fn on_path(program: &str) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            std::fs::metadata(dir.join(program))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    })
}

/// Whether the loader would find libdbus-1 for rfd: in LD_LIBRARY_PATH, the usual folders or
/// the loader's cache. Without a cache (NixOS, musl) this cannot tell, and says yes so that the
/// portal check decides.
#[cfg(all(unix, not(target_os = "macos")))]
fn libdbus_installed() -> bool {
    const LIBRARY: &str = "libdbus-1.so.3";
    let mut folders: Vec<PathBuf> = std::env::var_os("LD_LIBRARY_PATH")
        .map(|paths| std::env::split_paths(&paths).collect())
        .unwrap_or_default();
    folders.extend(["/lib", "/usr/lib", "/lib64", "/usr/lib64"].map(PathBuf::from));
    if folders.iter().any(|folder| folder.join(LIBRARY).exists()) {
        return true;
    }
    match std::fs::read("/etc/ld.so.cache") {
        Ok(cache) => memchr::memmem::find(&cache, LIBRARY.as_bytes()).is_some(),
        Err(_) => true,
    }
}

#[cfg(all(test, unix, not(target_os = "macos")))]
mod tests {
    use super::*;

    #[test]
    fn programs_are_found_on_the_path() {
        assert!(on_path("sh"));
        assert!(!on_path("surely-no-such-program-here"));
    }

    #[test]
    fn a_bus_that_is_not_there_is_an_error_not_a_wait() {
        // What `DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent` gives the probe.
        let started = std::time::Instant::now();
        let error = pollster::block_on(async {
            zbus::connection::Builder::address("unix:path=/nonexistent/bus")?
                .build()
                .await
                .map(|_| ())
        });
        assert!(error.is_err());
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
