//! The `huimou` binary: the viewer, and the command line for data authors.

use std::process::ExitCode;

use clap::{CommandFactory as _, Parser as _};
use huimou::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => huimou::cli::run_command(command),
        None => {
            let _ = cli.file;
            let _ = Cli::command().print_help();
            ExitCode::from(2)
        }
    }
}
