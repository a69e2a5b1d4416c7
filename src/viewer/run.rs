//! Starting the viewer window: renderer choice with a fallback, and window options.

use std::process::ExitCode;

use crate::viewer::app::{HuimouApp, Startup};
use crate::viewer::screenshot::{Outcome, Pending};

/// Which renderer to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// wgpu: Vulkan, Metal, DirectX 12 or OpenGL through wgpu.
    Wgpu,
    /// glow: plain OpenGL.
    Glow,
}

impl Renderer {
    /// The name `HUIMOU_RENDERER` takes.
    fn name(self) -> &'static str {
        match self {
            Self::Wgpu => "wgpu",
            Self::Glow => "glow",
        }
    }

    fn eframe(self) -> eframe::Renderer {
        match self {
            Self::Wgpu => eframe::Renderer::Wgpu,
            Self::Glow => eframe::Renderer::Glow,
        }
    }
}

/// The renderers to try in order: `HUIMOU_RENDERER=glow|wgpu` forces one; otherwise wgpu and
/// then glow, or glow first on a machine that can only draw on the CPU (`draws_on_cpu_only`).
pub fn renderers() -> Result<Vec<Renderer>, String> {
    match std::env::var("HUIMOU_RENDERER")
        .ok()
        .as_deref()
        .map(str::trim)
    {
        None | Some("") if draws_on_cpu_only() => Ok(vec![Renderer::Glow, Renderer::Wgpu]),
        None | Some("") => Ok(vec![Renderer::Wgpu, Renderer::Glow]),
        Some("wgpu") => Ok(vec![Renderer::Wgpu]),
        Some("glow") => Ok(vec![Renderer::Glow]),
        Some(other) => Err(format!(
            "HUIMOU_RENDERER={other} is not a renderer; use glow or wgpu"
        )),
    }
}

/// Whether this machine has no GPU that a program may draw with. On Linux every usable GPU
/// has a render node, `/dev/dri/renderD*`; without one both renderers draw on the CPU through
/// Mesa, where OpenGL (llvmpipe) puts the first frame on screen in about half the time that
/// Vulkan (lavapipe) takes (`scripts/measure.py`, BENCHMARKS.md). Elsewhere: false.
fn draws_on_cpu_only() -> bool {
    cfg!(target_os = "linux") && !has_render_node(std::path::Path::new("/dev/dri"))
}

/// Whether the folder of DRM devices has a render node (`renderD128`…).
fn has_render_node(dri: &std::path::Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// A window to open: its size, and a screenshot to take instead of staying open.
#[derive(Debug, Default)]
pub struct Window {
    /// The inner size in points, or the remembered/default size.
    pub size: Option<(f32, f32)>,
    /// Where to save a screenshot, closing the window after it.
    pub screenshot: Option<std::path::PathBuf>,
}

/// Opens the viewer and runs it until its window closes.
pub fn run_viewer(startup: Startup, window: Window) -> ExitCode {
    let renderers = match renderers() {
        Ok(r) => r,
        Err(message) => {
            eprintln!("huimou: {message}");
            return ExitCode::from(2);
        }
    };
    let renderer = renderers[0];
    log::info!("drawing with {renderer:?}");
    match run_with(renderer, startup, &window) {
        Ok(code) => code,
        // winit allows one event loop per process, so the fallback runs in a fresh process.
        Err(error) if renderers.len() > 1 => {
            let fallback = renderers[1];
            log::warn!("the {renderer:?} renderer failed to start ({error}); trying {fallback:?}");
            match std::env::current_exe().and_then(|exe| {
                std::process::Command::new(exe)
                    .args(std::env::args_os().skip(1))
                    .env("HUIMOU_RENDERER", fallback.name())
                    .env("HUIMOU_LOG_APPEND", "1")
                    .status()
            }) {
                Ok(status) => ExitCode::from(u8::try_from(status.code().unwrap_or(1)).unwrap_or(1)),
                Err(e) => {
                    eprintln!(
                        "huimou: the {renderer:?} renderer failed ({error}) and {fallback:?} could not be tried: {e}"
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Err(error) => {
            eprintln!(
                "huimou: could not open a window with the {renderer:?} renderer: {error}\n\
                 A display (X11 or Wayland) and Vulkan, Metal, DirectX 12 or OpenGL 2+ are needed; \
                 HUIMOU_RENDERER=glow or wgpu chooses the renderer."
            );
            ExitCode::FAILURE
        }
    }
}

/// Runs the viewer with one renderer until its window closes; `Err` when it could not start.
fn run_with(
    renderer: Renderer,
    mut startup: Startup,
    window: &Window,
) -> Result<ExitCode, eframe::Error> {
    startup.shelf_in_background = true;
    // The bundled faces decompress while the window and the renderer are made.
    crate::viewer::fonts::prepare();
    let outcome: Outcome = Outcome::default();
    let options = native_options(renderer, window, startup.persist);
    let shot = window
        .screenshot
        .clone()
        .map(|out| Pending::new(out, window.size, outcome.clone()));
    eframe::run_native(
        "huimou",
        options,
        Box::new(move |cc| {
            let mut app = HuimouApp::new(cc, startup);
            app.screenshot = shot;
            Ok(Box::new(app))
        }),
    )?;
    let result = outcome.lock().ok().and_then(|mut o| o.take());
    Ok(match result {
        Some(Err(message)) => {
            eprintln!("huimou: {message}");
            ExitCode::FAILURE
        }
        None if window.screenshot.is_some() => {
            eprintln!("huimou: the window closed before the screenshot was taken");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    })
}

/// The window's icon: the 256-pixel rendering of `assets/icons` (`scripts/make-icons.py`).
fn window_icon() -> egui::IconData {
    // The icon is checked by the test suite; a broken one leaves the platform's default.
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/huimou-256.png"))
        .unwrap_or_default()
}

/// The window's size when nothing else says: large enough for two columns of charts.
const DEFAULT_SIZE: [f32; 2] = [1280.0, 860.0];

/// The first window on a screen smaller than [`DEFAULT_SIZE`]: eframe has cut it to the
/// monitor, which leaves no room for a taskbar or the title bar (860 points on a 1366×768
/// laptop). Nine tenths of the monitor's height, centred again; larger screens are left as
/// eframe centred them.
pub fn fit_work_area(builder: egui::ViewportBuilder) -> egui::ViewportBuilder {
    let Some(size) = builder.inner_size else {
        return builder;
    };
    if size.y >= DEFAULT_SIZE[1] - 0.5 {
        return builder;
    }
    let height = (size.y * 0.9).round().max(480.0);
    let position = builder.position;
    let builder = builder.with_inner_size([size.x, height]);
    match position {
        Some(at) => builder.with_position([at.x, ((size.y - height) / 2.0).max(0.0)]),
        None => builder,
    }
}

/// Whether eframe's saved state holds a window's size and place (then it restores them).
fn saved_window(persistence: Option<&std::path::Path>) -> bool {
    persistence
        .and_then(|path| std::fs::read_to_string(path).ok())
        .is_some_and(|text| text.contains("\"window\""))
}

fn native_options(renderer: Renderer, window: &Window, persist: bool) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("回眸 Huimou")
        // The app id is the Linux desktop file's name (huimou.desktop), so desktops match the
        // window to its entry and icon.
        .with_app_id(crate::viewer::logging::APP_ID)
        .with_icon(window_icon())
        .with_min_inner_size([640.0, 480.0])
        .with_drag_and_drop(true);
    viewport = viewport.with_inner_size(window.size.map_or(DEFAULT_SIZE, |(w, h)| [w, h]));
    if window.screenshot.is_some() {
        viewport = viewport.with_resizable(false);
    }
    let persistence_path = if persist {
        crate::viewer::logging::data_dir().map(|dir| dir.join("app.ron"))
    } else {
        Some(std::env::temp_dir().join(format!("huimou-{}", std::process::id())))
    };
    // A first window, on any screen: in the middle of the primary monitor (not in a corner of a
    // 4K one), and inside a small one's work area. A window the reader sized and placed is
    // restored by eframe as it was.
    let first = window.size.is_none() && !(persist && saved_window(persistence_path.as_deref()));
    let window_builder: Option<eframe::WindowBuilderHook> = if first {
        Some(Box::new(fit_work_area))
    } else {
        None
    };
    eframe::NativeOptions {
        viewport,
        centered: window.size.is_none(),
        window_builder,
        renderer: renderer.eframe(),
        // Huimou finds system fonts itself (`fonts::SystemFonts`): eframe's fallback panics on
        // a machine without any fonts, and picks faces without regard to the report's script.
        system_font_fallback: false,
        // A screenshot must not move the user's saved window or egui state.
        persist_window: persist && window.size.is_none(),
        // The settings live in the data folder (`HUIMOU_DATA_DIR` moves it), beside the log.
        persistence_path,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_window_fits_a_small_screen_and_is_left_alone_on_a_large_one() {
        // eframe cut 1280×860 to a 1366×768 monitor and centred it at the top.
        let cut = egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 768.0])
            .with_position([43.0, 0.0]);
        let fitted = fit_work_area(cut);
        assert_eq!(fitted.inner_size, Some(egui::vec2(1280.0, 691.0)));
        assert_eq!(fitted.position, Some(egui::pos2(43.0, 38.5)));
        // On a screen the window fits, nothing changes.
        let whole = egui::ViewportBuilder::default()
            .with_inner_size(DEFAULT_SIZE)
            .with_position([1280.0, 650.0]);
        let kept = fit_work_area(whole);
        assert_eq!(kept.inner_size, Some(egui::vec2(1280.0, 860.0)));
        assert_eq!(kept.position, Some(egui::pos2(1280.0, 650.0)));
    }

    #[test]
    fn a_gpu_is_a_render_node_and_a_display_alone_is_not() {
        let dri = std::env::temp_dir().join(format!("huimou-dri-{}", std::process::id()));
        assert!(!has_render_node(&dri));
        std::fs::create_dir_all(&dri).unwrap();
        assert!(!has_render_node(&dri));
        // A display controller without rendering (a VM's virtual screen) has only card0.
        std::fs::write(dri.join("card0"), "").unwrap();
        assert!(!has_render_node(&dri));
        std::fs::write(dri.join("renderD128"), "").unwrap();
        assert!(has_render_node(&dri));
        std::fs::remove_dir_all(&dri).unwrap();
    }
}
