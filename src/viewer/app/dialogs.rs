//! Asking for a file: the system's dialog on its thread, or the in-app one where the system
//! has none.

use std::path::{Path, PathBuf};

use crate::viewer::commands::SystemCommand;

use super::HuimouApp;

/// The file dialogs: the system's on its thread, or the in-app one where the system has none.
impl HuimouApp {
    /// Asks for a file for `purpose`, unless a dialog is already open (its answer would have
    /// nowhere to go).
    pub(super) fn ask_for_file(
        &mut self,
        ctx: &egui::Context,
        purpose: crate::viewer::dialog::Purpose,
    ) {
        if self.file_dialogs.is_open() {
            log::info!("a file dialog is open already");
            return;
        }
        let request = self.file_request(ctx, purpose);
        if self.file_dialogs.force_in_app {
            self.show_in_app_dialog(request, None);
            return;
        }
        match crate::viewer::dialog::NativeJob::start(request.clone(), ctx) {
            Ok(job) => self.file_dialogs.native = Some(job),
            Err(reason) => self.show_in_app_dialog(request, Some(reason)),
        }
    }

    /// What a dialog for `purpose` shows: the file type, the proposed name, the first folder.
    pub(super) fn file_request(
        &self,
        ctx: &egui::Context,
        purpose: crate::viewer::dialog::Purpose,
    ) -> crate::viewer::dialog::Request {
        use crate::viewer::dialog::Purpose;
        let (title, filter_name, extensions, file_name) = match purpose {
            Purpose::Open => (
                crate::viewer::i18n::tr(ctx, "打开数据集"),
                crate::viewer::i18n::tr(ctx, "Huimou 数据集 (RON)"),
                &["ron"][..],
                None,
            ),
            Purpose::OpenFolder => (
                crate::viewer::i18n::tr(ctx, "打开文件夹中的报告"),
                crate::viewer::i18n::tr(ctx, "报告（数据集、文本、Word 文档、网页、PDF）"),
                crate::shelf::EXTENSIONS,
                None,
            ),
            Purpose::Import => (
                crate::viewer::i18n::tr(ctx, "导入报告"),
                crate::viewer::i18n::tr(ctx, "报告（文本、Word 文档、网页、PDF）"),
                crate::import::EXTENSIONS,
                None,
            ),
            Purpose::Export(export) => {
                let (name, extensions) = export.file_type();
                let file_name = format!("{}.{}", self.export_stem(export), extensions[0]);
                (
                    if export == crate::viewer::commands::Export::DatasetRon {
                        crate::viewer::i18n::tr(ctx, "保存为数据集")
                    } else {
                        crate::viewer::i18n::tr(ctx, "导出到文件")
                    },
                    name,
                    extensions,
                    Some(file_name),
                )
            }
        };
        crate::viewer::dialog::Request {
            purpose,
            title: title.to_owned(),
            filter_name: filter_name.to_owned(),
            extensions,
            folder: self.dialog_folder(purpose),
            file_name,
        }
    }

    /// Where a dialog starts: an export's in the folder last exported to; any dialog else in
    /// the open file's folder, else the last file's, else home.
    pub(super) fn dialog_folder(&self, purpose: crate::viewer::dialog::Purpose) -> PathBuf {
        let file = match &self.session.dataset().origin {
            crate::document::dataset::Origin::File(path) => Some(path.as_path()),
            crate::document::dataset::Origin::Embedded => self.settings.last_file.as_deref(),
        };
        let exported_to = match purpose {
            crate::viewer::dialog::Purpose::Export(_) => self.settings.export_folder.as_deref(),
            _ => None,
        };
        // An import is saved beside the report it was imported from.
        let imported_from = self
            .session
            .draft()
            .filter(|_| {
                purpose
                    == crate::viewer::dialog::Purpose::Export(
                        crate::viewer::commands::Export::DatasetRon,
                    )
            })
            .and_then(|draft| std::path::absolute(&draft.source).ok())
            .and_then(|source| source.parent().map(Path::to_path_buf));
        let folders = [
            imported_from.as_deref(),
            exported_to,
            file.and_then(Path::parent),
        ];
        folders
            .into_iter()
            .flatten()
            .find(|folder| folder.is_dir())
            .map(Path::to_path_buf)
            .or_else(crate::viewer::dialog::home)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Opens the in-app dialog; `reason` says why the system's could not be used.
    pub(super) fn show_in_app_dialog(
        &mut self,
        request: crate::viewer::dialog::Request,
        reason: Option<String>,
    ) {
        // The line `scripts/ci/no-portal-dialog.sh` looks for.
        match &reason {
            Some(reason) => log::warn!(
                "the system's file dialog cannot open ({reason}); showing the in-app file dialog"
            ),
            None => log::info!(
                "showing the in-app file dialog ({})",
                crate::viewer::dialog::CHOICE_ENV
            ),
        }
        self.file_dialogs.in_app = Some(crate::viewer::dialog::InAppDialog::new(request, reason));
        self.ctx.request_repaint();
    }

    /// Takes the system's dialog's answer: a file to open or export into, a cancel, or the
    /// news that there is no such dialog here, when the in-app one asks instead.
    pub(super) fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        use crate::viewer::dialog::{Outcome, Purpose};
        let Some(outcome) = self.file_dialogs.native.as_ref().and_then(|j| j.poll()) else {
            return;
        };
        let Some(job) = self.file_dialogs.native.take() else {
            return;
        };
        match (outcome, job.request.purpose) {
            (Outcome::Chosen(path), Purpose::Open | Purpose::OpenFolder) => {
                self.run(ctx, SystemCommand::Open(path));
            }
            (Outcome::Chosen(path), Purpose::Import) => self.run(ctx, SystemCommand::Import(path)),
            (Outcome::Chosen(path), Purpose::Export(export)) => {
                self.run(ctx, SystemCommand::Export(export, path));
            }
            (Outcome::Cancelled, _) => log::debug!("the file dialog was closed without a file"),
            (Outcome::Unavailable(reason), _) => self.show_in_app_dialog(job.request, Some(reason)),
        }
    }
}
