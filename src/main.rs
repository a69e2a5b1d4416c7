//! The `huimou` binary: the viewer, and the command line for data authors.

// A release build on Windows is a windowed application: no console window opens with it. Its
// log goes to a file in the data folder (`logging`), which About shows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use huimou::cli::Cli;
use huimou::viewer::app::Startup;

fn main() -> ExitCode {
    attach_console();
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            // Commands run in a terminal: their log goes there, and the viewer's log file is
            // left for the viewer.
            huimou::viewer::logging::init_stderr();
            huimou::cli::run_command(command)
        }
        None => {
            huimou::viewer::logging::init();
            let data_dir = huimou::viewer::logging::data_dir();
            if let Some(dir) = &data_dir {
                huimou::viewer::logging::install_panic_hook(dir.clone());
            }
            huimou::viewer::run::run_viewer(
                Startup {
                    file: cli.file,
                    language: cli.lang.map(Into::into),
                    script: cli.lang.and_then(huimou::cli::LangArg::script),
                    persist: true,
                    crash: data_dir
                        .as_deref()
                        .and_then(huimou::viewer::logging::pending_crash_report),
                    ..Startup::default()
                },
                huimou::viewer::run::Window::default(),
            )
        }
    }
}

/// A windowed program on Windows starts without a console, so `huimou check` would print
/// nothing in cmd or PowerShell. Started from a console, it writes to that one; double-clicked,
/// there is none to attach to and no window opens.
#[cfg(windows)]
fn attach_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and has no other precondition; without a
    // parent console it fails, which leaves the program as it was.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

/// Elsewhere a program always has the terminal it was started from.
#[cfg(not(windows))]
fn attach_console() {}
