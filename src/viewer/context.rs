//! What a panel is given to draw with: the session and the settings to read, what the shell is
//! busy with, and a sender for commands. A panel never changes the session or the settings
//! itself; what it asks for happens after the frame (`HuimouApp::run`).

use std::path::Path;

use crate::document::dataset::ChartRef;
use crate::viewer::commands::{Command, CommandSender};
use crate::viewer::place::View;
use crate::viewer::session::Session;
use crate::viewer::settings::Settings;

/// A message in the status bar, such as the outcome of an export.
#[derive(Clone, Debug)]
pub struct Status {
    /// What happened.
    pub text: String,
    /// Whether it went wrong.
    pub error: bool,
    /// When it was said (it fades after a while).
    pub at: std::time::Instant,
}

/// What the shell is doing or has to say, as panels show it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Activity<'a> {
    /// The last message for the status bar.
    pub status: Option<&'a Status>,
    /// How far the report's PDF is made (0 to 1), while it is being made.
    pub pdf: Option<f32>,
    /// Whether an export runs on another thread.
    pub exporting: bool,
    /// The chart whose picture is being taken, drawn without its menu until it is saved.
    pub exporting_chart: Option<ChartRef>,
    /// A crash of the run before, shown until dismissed.
    pub crash: Option<&'a crate::viewer::logging::Crash>,
    /// The file the crashed run had open, when it is not on screen now (to offer it).
    pub crashed_file: Option<&'a Path>,
}

/// A panel's view of the viewer for one frame.
pub struct ViewerContext<'a> {
    /// The open report and the reader's place in it.
    pub session: &'a Session,
    /// What is remembered between runs.
    pub settings: &'a Settings,
    /// What the shell is busy with.
    pub activity: Activity<'a>,
    /// Where commands go.
    pub commands: &'a CommandSender,
}

impl ViewerContext<'_> {
    /// Asks for a command to run after this frame.
    pub fn send(&self, command: impl Into<Command>) {
        self.commands.send(command);
    }

    /// The view on screen.
    pub fn view(&self) -> View {
        self.session.view()
    }

    /// The report on screen.
    pub fn dataset(&self) -> &crate::document::dataset::Dataset {
        self.session.dataset()
    }
}
