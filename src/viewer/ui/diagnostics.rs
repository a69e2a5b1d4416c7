//! The diagnostics window: why a dataset did not open (or what it warns about), each at
//! file:line:column with the offending line.

use crate::viewer::i18n::{Translate as _, fill, tr};
use egui::{Color32, RichText};

use crate::report::diagnostic::{Diagnostic, Severity};
use crate::viewer::commands::SystemCommand;
use crate::viewer::context::ViewerContext;
use crate::viewer::session::Diagnostics;

/// Shows the diagnostics window when there is something to show.
pub fn diagnostics_window(ctx: &egui::Context, cx: &ViewerContext<'_>) {
    let dataset = cx.dataset();
    let Some(diagnostics) = cx.session.diagnostics() else {
        return;
    };
    let (title, file, list, note): (String, String, &[Diagnostic], &str) = match diagnostics {
        Diagnostics::Failed(error) => (
            tr(ctx, "无法打开数据集").to_owned(),
            error.file.clone(),
            &error.diagnostics,
            tr(ctx, "数据集有错误，无法打开；仍显示原来的报告。"),
        ),
        Diagnostics::ReloadFailed(error) => (
            tr(ctx, "保存的数据集有错误").to_owned(),
            error.file.clone(),
            &error.diagnostics,
            tr(
                ctx,
                "文件刚被保存，但有错误；仍显示上次正确的内容。改正并保存后会自动更新。",
            ),
        ),
        Diagnostics::ImportFailed(file, list) => (
            tr(ctx, "无法导入").to_owned(),
            file.clone(),
            list,
            tr(
                ctx,
                "宣传册不合导入的格式；仍显示原来的报告。格式见 data/README.md。",
            ),
        ),
        Diagnostics::Warnings => (
            tr(ctx, "数据集提示").to_owned(),
            dataset.origin.display_name(),
            &dataset.warnings,
            tr(ctx, "这些问题不妨碍显示报告，但作者可能想知道。"),
        ),
    };
    let mut open = true;
    let mut dismiss = false;
    egui::Window::new(title)
        .id(egui::Id::unique("diagnostics"))
        .open(&mut open)
        .default_width(640.0)
        // In the middle of the window, under the menus rather than over them.
        .max_height(ctx.content_rect().height() * 0.7)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(RichText::new(&file).strong());
            ui.label(note);
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    for diagnostic in list {
                        diagnostic_ui(ui, &file, diagnostic);
                        ui.add_space(6.0);
                    }
                });
            ui.separator();
            if ui.button(tr(ui, "关闭")).clicked() {
                dismiss = true;
            }
        });
    if !open || dismiss {
        cx.send(SystemCommand::DismissDiagnostics);
    }
}

/// The line around the place, the place itself underlined: drawn by egui's own layout, since
/// carets counted in terminal cells do not line up under proportional CJK glyphs.
fn excerpt_ui(ui: &mut egui::Ui, location: &crate::report::diagnostic::Location, color: Color32) {
    let [before, place, after] = location.excerpt_parts();
    // Proportional: the monospace family squeezes CJK glyphs into Latin cells.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
    let marked = egui::TextFormat {
        underline: egui::Stroke::new(2.0, color),
        color,
        ..egui::TextFormat::simple(font, ui.visuals().strong_text_color())
    };
    let mut job = egui::text::LayoutJob::default();
    job.append(&format!("{} | ", location.line), 0.0, plain.clone());
    job.append(before.trim_start(), 0.0, plain.clone());
    // An empty place (the end of a line) is still shown, as a space to underline.
    job.append(if place.is_empty() { " " } else { &place }, 0.0, marked);
    job.append(&after, 0.0, plain);
    job.wrap.max_width = ui.available_width();
    ui.label(job);
}

fn diagnostic_ui(ui: &mut egui::Ui, file: &str, diagnostic: &Diagnostic) {
    let color = match diagnostic.severity {
        Severity::Error => Color32::from_rgb(0xD0, 0x3B, 0x2F),
        Severity::Warning => Color32::from_rgb(0xC0, 0x86, 0x10),
    };
    let word = match diagnostic.severity {
        Severity::Error => tr(ui, "错误"),
        Severity::Warning => tr(ui, "提示"),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(word).strong().color(color));
        ui.label(RichText::new(diagnostic.position(file)).monospace());
    });
    // Every diagnostic carries both languages: the interface's is shown.
    let lang = ui.lang();
    let message = crate::viewer::i18n::in_script(ui, diagnostic.message.get(lang));
    ui.add(egui::Label::new(message.as_ref()).wrap());
    if let Some(location) = &diagnostic.location {
        excerpt_ui(ui, location, color);
    }
    if let Some(help) = &diagnostic.help {
        let help = crate::viewer::i18n::in_script(ui, help.get(lang));
        ui.label(RichText::new(fill(tr(ui, "建议：{}"), &[&help])).small());
    }
}
