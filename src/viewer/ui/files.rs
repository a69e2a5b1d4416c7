//! Drag and drop: an overlay while a file hovers, and dropped files go to the same loader as
//! File → Open.

use crate::viewer::i18n::{fill, tr};
use egui::{Align2, Color32, Id, LayerId, Order, TextStyle};

use crate::viewer::commands::SystemCommand;
use crate::viewer::context::ViewerContext;

/// Opens what is dropped on the window: a dataset, a brochure to import, a folder as a shelf;
/// several reports at once as a shelf of them.
pub fn receive_dropped_files(ctx: &egui::Context, cx: &ViewerContext<'_>) {
    let dropped = ctx.input_mut(|input| std::mem::take(&mut input.raw.dropped_files));
    let paths: Vec<std::path::PathBuf> = dropped.iter().map(|f| f.path().to_path_buf()).collect();
    let reports = paths
        .iter()
        .filter(|p| crate::shelf::is_report_file(p))
        .count();
    if reports > 1 {
        cx.send(SystemCommand::OpenShelfFiles(paths));
        return;
    }
    if let Some(path) = paths.into_iter().next() {
        cx.send(if crate::import::is_importable(&path) {
            SystemCommand::Import(path)
        } else {
            SystemCommand::Open(path)
        });
    }
}

/// Dims the window and says what will happen while a file is dragged over it.
pub fn drop_overlay_ui(ctx: &egui::Context) {
    let hovered = ctx.input(|input| input.raw.hovered_files.clone());
    if hovered.is_empty() {
        return;
    }
    let path = hovered.iter().find_map(|f| f.path.clone());
    let name = path
        .as_deref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let several = hovered.len() > 1;
    let what = if several {
        tr(ctx, "松开鼠标以把这些报告一起放上书架\n{}")
    } else if path.as_deref().is_some_and(|p| p.is_dir()) {
        tr(ctx, "松开鼠标以打开文件夹中的报告\n{}")
    } else if path.as_deref().is_some_and(crate::import::is_importable) {
        tr(ctx, "松开鼠标以导入报告\n{}")
    } else {
        tr(ctx, "松开鼠标以打开数据集\n{}")
    };
    let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("drop-overlay")));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, Color32::from_black_alpha(180));
    painter.text(
        screen.center(),
        Align2::CENTER_CENTER,
        fill(what, &[&name]),
        TextStyle::Heading.resolve(&ctx.global_style()),
        Color32::WHITE,
    );
}
