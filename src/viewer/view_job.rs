//! A view of the viewer saved as a picture by `huimou screenshot` in another process: what
//! File → 导出 → 本章图片 runs on a thread of its own. It names the viewer's views, so it lives
//! with the viewer, not with the exports of the data layer.

use crate::viewer::app::View;

/// Views rendered by `huimou screenshot` in other processes, as a user would from the command
/// line: a window of their own, no menus over them, the same pixels every time.
#[derive(Clone, Debug)]
pub struct ViewJob {
    /// The dataset file (`None`: the embedded report).
    pub file: Option<std::path::PathBuf>,
    /// The views, in order.
    pub views: Vec<View>,
    /// Whether the interface is in English.
    pub english: bool,
    /// Whether to draw in the dark theme.
    pub dark: bool,
}

/// The window size views are rendered at.
const VIEW_SIZE: &str = "1280x860";

impl ViewJob {
    /// Renders view `k` into `out` as PNG.
    fn render(&self, k: usize, out: &std::path::Path) -> Result<(), String> {
        let exe = std::env::current_exe().map_err(|e| format!("cannot find Huimou itself: {e}"))?;
        let view = match self.views[k] {
            View::Overview => "overview".to_owned(),
            View::Chapter(c) => (c + 1).to_string(),
            View::Figures => "figures".to_owned(),
        };
        let mut command = std::process::Command::new(exe);
        command.arg("screenshot");
        if let Some(file) = &self.file {
            command.arg(file);
        }
        command
            .args(["--view", &view, "--size", VIEW_SIZE])
            .args(["--lang", if self.english { "en" } else { "zh" }])
            .args(["--theme", if self.dark { "dark" } else { "light" }])
            .arg("--out")
            .arg(out);
        let output = command
            .output()
            .map_err(|e| format!("cannot start the renderer: {e}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
        }
    }

    /// The first view as a PNG file.
    pub fn png(&self, out: &std::path::Path) -> Result<(), String> {
        self.render(0, out)
    }
}
