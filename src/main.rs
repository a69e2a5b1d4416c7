//! The `huimou` binary: the viewer, and the command line for data authors.

use std::process::ExitCode;

use clap::Parser as _;
use huimou::app::Startup;
use huimou::cli::Cli;

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    match cli.command {
        Some(command) => huimou::cli::run_command(command),
        None => huimou::run::run_viewer(
            Startup {
                file: cli.file,
                persist: true,
                ..Startup::default()
            },
            huimou::run::Window::default(),
        ),
    }
}
