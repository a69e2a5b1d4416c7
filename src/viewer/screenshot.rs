//! `huimou screenshot`: open a view in a real window, wait until it is painted, save it as PNG.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Frames to wait at most for the window to get the size asked for. Layout needs no waiting:
/// the first frame is the finished one (egui lays a frame out again before showing it when
/// something measured changed, tests/it/viewer.rs checks it), so the shot is of the first frame
/// drawn at the right size.
const MAX_FRAMES_FOR_SIZE: u32 = 30;

/// What became of a screenshot: saved, or why not.
pub type Outcome = Arc<Mutex<Option<Result<(), String>>>>;

/// A screenshot the viewer is to take once its view is painted.
#[derive(Debug)]
pub struct Pending {
    out: PathBuf,
    /// The size asked for, in points.
    size: Option<(f32, f32)>,
    frames: u32,
    requested: bool,
    outcome: Outcome,
}

impl Pending {
    /// A screenshot of `size` points (when given) to be saved at `out`; its outcome is written
    /// to `outcome`.
    pub fn new(out: PathBuf, size: Option<(f32, f32)>, outcome: Outcome) -> Self {
        Self {
            out,
            size,
            frames: 0,
            requested: false,
            outcome,
        }
    }

    /// Called once per frame: after the view has settled, asks for the next frame's pixels,
    /// saves them, and closes the window.
    pub fn drive(&mut self, ctx: &egui::Context) {
        if self.requested {
            return;
        }
        self.frames += 1;
        let sized = self.size.is_none_or(|(w, h)| {
            let now = ctx.content_rect().size();
            (now.x - w).abs() < 1.0 && (now.y - h).abs() < 1.0
        });
        if !sized && self.frames < MAX_FRAMES_FOR_SIZE {
            ctx.request_repaint();
            return;
        }
        self.requested = true;
        let out = self.out.clone();
        let outcome = Arc::clone(&self.outcome);
        let closer = ctx.clone();
        let expected = self.size.map(|(w, h)| {
            let scale = ctx.pixels_per_point();
            [(w * scale).round() as usize, (h * scale).round() as usize]
        });
        ctx.request_screenshot(move |image| {
            let result = match expected {
                // A window larger than the screen may be cut to it: a picture of another
                // size than asked is an error, not a success.
                Some(size) if size != image.size => Err(format!(
                    "the window could only be made {}x{} pixels, not the {}x{} asked for; \
                     the screen is too small (try a smaller --size)",
                    image.size[0], image.size[1], size[0], size[1]
                )),
                _ => save_png(&image, &out),
            };
            if let Ok(mut slot) = outcome.lock() {
                *slot = Some(result);
            }
            closer.send_viewport_cmd(egui::ViewportCommand::Close);
        });
        ctx.request_repaint();
    }
}

/// Writes an egui image as a PNG file.
pub fn save_png(image: &egui::ColorImage, out: &std::path::Path) -> Result<(), String> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(
        u32::try_from(width).map_err(|e| e.to_string())?,
        u32::try_from(height).map_err(|e| e.to_string())?,
        pixels,
    )
    .ok_or("the screenshot has the wrong number of pixels")?;
    buffer
        .save(out)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// Parses `--size WxH`.
pub fn parse_size(text: &str) -> Result<(f32, f32), String> {
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(|| {
        format!("「{text}」 is not a size; write it as WIDTHxHEIGHT, e.g. 1280x800")
    })?;
    let parse = |s: &str| -> Result<f32, String> {
        let value: u32 = s
            .trim()
            .parse()
            .map_err(|_| format!("「{s}」 is not a whole number of pixels"))?;
        if (200..=8192).contains(&value) {
            Ok(value as f32)
        } else {
            Err(format!("{value} pixels is outside 200 to 8192"))
        }
    };
    Ok((parse(w)?, parse(h)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1280x800"), Ok((1280.0, 800.0)));
        assert!(parse_size("1280").is_err());
        assert!(parse_size("10x10").is_err());
    }
}
