//! The `huimou` binary: the viewer, and the command line for data authors.

// A release build on Windows is a windowed application: no console window opens with it. Its
// log goes to a file in the data folder (`logging`), which About shows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use huimou::app::Startup;
use huimou::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            // Commands run in a terminal: their log goes there, and the viewer's log file is
            // left for the viewer.
            huimou::logging::init_stderr();
            huimou::cli::run_command(command)
        }
        None => {
            huimou::logging::init();
            let data_dir = huimou::logging::data_dir();
            if let Some(dir) = &data_dir {
                huimou::logging::install_panic_hook(dir.clone());
            }
            huimou::run::run_viewer(
                Startup {
                    file: cli.file,
                    persist: true,
                    crash: data_dir
                        .as_deref()
                        .and_then(huimou::logging::pending_crash_report),
                    ..Startup::default()
                },
                huimou::run::Window::default(),
            )
        }
    }
}
