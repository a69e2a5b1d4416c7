//! The desktop viewer. `app` is the shell: it owns the open report's `session`, the
//! `settings`, the windows and the jobs on threads, and carries out the `commands` panels send.
//! The panels under `ui/` draw from a read-only `context`. Also here: the back/forward
//! history, the file dialogs, fonts, the interface language, the file watcher and logging.
//! `README.md` in this folder shows how a key press becomes a command and is drawn.

pub mod app;
pub mod commands;
pub mod context;
pub mod dialog;
pub mod first_frame;
pub mod fonts;
pub mod history;
pub mod i18n;
pub mod logging;
pub mod place;
pub mod run;
pub mod screenshot;
pub mod session;
pub mod settings;
pub mod ui;
pub mod view_job;
pub mod watch;
