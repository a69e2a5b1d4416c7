//! A view of the viewer saved as a picture by `huimou screenshot` in another process: what
//! File → 导出 → 本章图片 runs on a thread of its own. It names the viewer's views, so it lives
//! with the viewer, not with the exports of the data layer.

use crate::viewer::place::View;

/// Views rendered by `huimou screenshot` in other processes, as a user would from the command
/// line: a window of their own, no menus over them, the same pixels every time.
#[derive(Clone, Debug)]
pub struct ViewJob {
    /// The dataset file (`None`: the embedded report).
    pub file: Option<std::path::PathBuf>,
    /// The views, in order.
    pub views: Vec<View>,
    /// The ids of the shelf's series, when `file` is a shelf's folder (`--view series:ID`).
    pub series_ids: Vec<String>,
    /// Whether the interface is in English.
    pub english: bool,
    /// The theme as the viewer's settings have it: a picture of a viewer following the
    /// system shows that it does, not "dark" chosen.
    pub theme: egui::ThemePreference,
}

/// The window size views are rendered at.
const VIEW_SIZE: &str = "1280x860";

impl ViewJob {
    /// Renders view `k` into `out` as PNG.
    fn render(&self, k: usize, out: &std::path::Path) -> Result<(), String> {
        let exe = std::env::current_exe().map_err(|e| format!("cannot find Huimou itself: {e}"))?;
        let view = match self.views[k] {
            // A review belongs to the window's import; another process shows the overview.
            View::Overview | View::Review => "overview".to_owned(),
            View::Chapter(c) => (c + 1).to_string(),
            View::Figures => "figures".to_owned(),
            View::Shelf => "shelf".to_owned(),
            View::Series(s) => format!(
                "series:{}",
                self.series_ids.get(s).map_or("", String::as_str)
            ),
        };
        let mut command = std::process::Command::new(exe);
        command.arg("screenshot");
        if let Some(file) = &self.file {
            command.arg(file);
        }
        command
            .args(["--view", &view, "--size", VIEW_SIZE])
            .args(["--lang", if self.english { "en" } else { "zh" }])
            .args(["--theme", theme_arg(self.theme)])
            .arg("--out")
            .arg(out);
        let output = command
            .output()
            .map_err(|e| format!("cannot start the renderer: {e}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(said(&String::from_utf8_lossy(&output.stderr)))
        }
    }

    /// The first view as a PNG file.
    pub fn png(&self, out: &std::path::Path) -> Result<(), String> {
        self.render(0, out)
    }
}

/// `--theme`'s value for a theme preference.
fn theme_arg(theme: egui::ThemePreference) -> &'static str {
    match theme {
        egui::ThemePreference::Light => "light",
        egui::ThemePreference::Dark => "dark",
        egui::ThemePreference::System => "system",
    }
}

/// What the renderer said of its failure: its own `huimou: …` lines, not the log lines of the
/// libraries it uses (winit's warnings about the display come first on stderr).
fn said(stderr: &str) -> String {
    let own: Vec<&str> = stderr
        .lines()
        .filter_map(|line| line.strip_prefix("huimou: "))
        .collect();
    if own.is_empty() {
        stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .trim()
            .to_owned()
    } else {
        own.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::{said, theme_arg};

    #[test]
    fn every_theme_preference_is_passed_as_a_theme_the_command_line_takes() {
        use clap::ValueEnum as _;
        use egui::ThemePreference as P;
        for (preference, arg) in [
            (P::Light, crate::cli::ThemeArg::Light),
            (P::Dark, crate::cli::ThemeArg::Dark),
            (P::System, crate::cli::ThemeArg::System),
        ] {
            assert_eq!(
                crate::cli::ThemeArg::from_str(theme_arg(preference), false),
                Ok(arg)
            );
        }
    }

    #[test]
    fn the_renderer_s_own_words_are_told_not_the_log() {
        let stderr = "[2026-12-02T11:53:41Z WARN  winit::platform_impl::linux::x11::xdisplay] \
                      error setting XSETTINGS\nhuimou: cannot write /proc/x.png: No such file\n";
        assert_eq!(said(stderr), "cannot write /proc/x.png: No such file");
        assert_eq!(said("something else\nlast words\n\n"), "last words");
    }
}
