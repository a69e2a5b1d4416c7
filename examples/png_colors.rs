//! Counts the distinct colours of a PNG: CI's check that a screenshot is not blank.
//!
//! `cargo run --example png_colors -- shot.png [MIN]` exits 1 when the image has fewer than MIN
//! (default 50) colours.

use std::collections::HashSet;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: png_colors FILE.png [MIN]");
        return ExitCode::from(2);
    };
    let min: usize = args.next().and_then(|m| m.parse().ok()).unwrap_or(50);
    let image = match image::open(&path) {
        Ok(image) => image.to_rgba8(),
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let colours: HashSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    println!(
        "{path}: {}x{}, {} colours",
        image.width(),
        image.height(),
        colours.len()
    );
    if colours.len() < min {
        eprintln!("{path} looks blank: fewer than {min} colours");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
