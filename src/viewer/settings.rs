//! What the viewer remembers between runs: never the report's content, only how the reader
//! left the window (view, theme, zoom, language, files, the table's sort).

use std::path::PathBuf;

use egui::ThemePreference;
use serde::{Deserialize, Serialize};

use crate::viewer::place::View;

/// Which script a Chinese interface is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChineseScript {
    /// The open report's: a traditional report gets 總覽 and 數據一覽, a simplified one 总览.
    #[default]
    FollowReport,
    /// Simplified characters (简体中文).
    Simplified,
    /// Traditional characters (繁體中文).
    Traditional,
}

/// The zoom factors the viewer allows: smaller is unreadable, larger leaves no room.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.5..=3.0;

/// A zoom factor brought into `ZOOM_RANGE`; 100% for one that is not a number (a damaged
/// setting), since clamping NaN keeps NaN.
pub fn clamp_zoom(zoom: f32) -> f32 {
    if zoom.is_finite() {
        zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end())
    } else {
        1.0
    }
}

/// How many files File → Recent remembers.
pub const MAX_RECENT: usize = 8;

/// What the viewer remembers between runs (never the dataset's content).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The view last shown.
    pub view: View,
    /// Light, dark or following the system.
    pub theme: ThemePreference,
    /// The zoom factor (Ctrl +/−/0).
    pub zoom: f32,
    /// The dataset file last opened, if any; `None` means the embedded report.
    pub last_file: Option<PathBuf>,
    /// Files opened recently, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The language of the interface; `None` follows the system's.
    pub language: Option<crate::viewer::i18n::Lang>,
    /// Which script a Chinese interface is written in.
    pub script: ChineseScript,
    /// How the table of figures is sorted.
    pub figure_sort: crate::document::figure_table::Sort,
    /// The folder something was last exported to: the next export's dialog starts there.
    pub export_folder: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            view: View::Overview,
            theme: ThemePreference::System,
            zoom: 1.0,
            last_file: None,
            recent_files: Vec::new(),
            language: None,
            script: ChineseScript::default(),
            figure_sort: crate::document::figure_table::Sort::default(),
            export_folder: None,
        }
    }
}

impl Settings {
    /// Takes what the command line asked for over what was saved (`huimou --view 2 --lang
    /// en …`), and brings the zoom into range.
    pub fn take_startup(&mut self, startup: &Startup) {
        if let Some(view) = startup.view {
            self.view = view;
        }
        if let Some(theme) = startup.theme {
            self.theme = theme;
        }
        if let Some(language) = startup.language {
            self.language = Some(language);
        }
        if let Some(script) = startup.script {
            self.script = script;
        }
        self.zoom = clamp_zoom(self.zoom);
    }

    /// Remembers a file opened: the last one, first of the recent ones. A path given relative
    /// to the folder Huimou was started in (`huimou report.ron`) is remembered whole, so that
    /// the next start, from anywhere, opens the same file.
    pub fn remember_file(&mut self, path: &std::path::Path) {
        let path = whole_path(path);
        self.recent_files.retain(|p| *p != path);
        self.recent_files.insert(0, path.clone());
        self.recent_files.truncate(MAX_RECENT);
        self.last_file = Some(path);
    }

    /// Forgets a file: it is no longer the last or a recent file.
    pub fn forget_file(&mut self, path: &std::path::Path) {
        let path = whole_path(path);
        if self.last_file.as_deref() == Some(path.as_path()) {
            self.last_file = None;
        }
        self.recent_files.retain(|p| *p != path);
    }

    /// The settings saved by an earlier run, or the defaults when there are none or they cannot
    /// be read (written by another version, or damaged): a viewer must start whatever its
    /// saved state says. Values out of range are brought back into it.
    pub fn restore(saved: Option<&str>) -> Self {
        let Some(text) = saved else {
            return Self::default();
        };
        let mut settings = match ron::from_str::<Self>(text) {
            Ok(settings) => settings,
            Err(error) => {
                log::warn!(
                    "the saved settings could not be read ({error}); starting with defaults"
                );
                return Self::default();
            }
        };
        if !settings.zoom.is_finite() {
            log::warn!(
                "the saved zoom factor {} is not a number; using 100%",
                settings.zoom
            );
            settings.zoom = 1.0;
        }
        settings.zoom = clamp_zoom(settings.zoom);
        settings.recent_files.truncate(MAX_RECENT);
        settings
    }
}

/// How the viewer starts: the dataset, and what the command line asks for over the settings
/// (`huimou --view 2`, the screenshot command, tests).
#[derive(Clone, Debug, Default)]
pub struct Startup {
    /// A dataset file to open instead of the remembered or embedded one.
    pub file: Option<PathBuf>,
    /// Whether to read and write remembered settings (off for screenshots and tests).
    pub persist: bool,
    /// A view to show instead of the remembered one.
    pub view: Option<View>,
    /// A theme to use instead of the remembered one.
    pub theme: Option<ThemePreference>,
    /// A language to use instead of the remembered one.
    pub language: Option<crate::viewer::i18n::Lang>,
    /// A script for a Chinese interface instead of the remembered one (`--lang zh-hant`).
    pub script: Option<ChineseScript>,
    /// A query to put in the search box.
    pub search: Option<String>,
    /// A crash report left by the run before, to tell the user about.
    pub crash: Option<crate::viewer::logging::Crash>,
    /// A folder's reports are read behind the first frame, which shows the newest at once (a
    /// window; tests read the whole shelf before their first frame).
    pub shelf_in_background: bool,
}

/// A path from the root: relative ones joined to the folder Huimou runs in (no link is
/// followed, nothing read).
fn whole_path(path: &std::path::Path) -> std::path::PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
