//! The desktop viewer: the shell's state and commands (`app`), the back/forward history, jobs
//! on threads (`view_job`, the PDF and file dialogs in `app` and `dialog`), fonts, the interface
//! language, the file watcher, logging, and one file per panel under `ui/`.

pub mod app;
pub mod dialog;
pub mod first_frame;
pub mod fonts;
pub mod history;
pub mod i18n;
pub mod logging;
pub mod run;
pub mod screenshot;
pub mod ui;
pub mod view_job;
pub mod watch;
