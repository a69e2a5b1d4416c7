//! Start-up timing: with `HUIMOU_EXIT_AFTER_FIRST_FRAME=1` set, a window says when its first
//! frame was on screen and then closes. `scripts/measure.py` uses it for Huimou and for the
//! empty app it is compared with.

use std::io::Write as _;

/// Watches the first frames of a window started for timing.
#[derive(Debug)]
pub struct FirstFrameProbe {
    /// egui's number of the first frame seen.
    first: Option<u64>,
}

impl FirstFrameProbe {
    /// A probe when `HUIMOU_EXIT_AFTER_FIRST_FRAME` is set.
    pub fn from_env() -> Option<Self> {
        std::env::var_os("HUIMOU_EXIT_AFTER_FIRST_FRAME").map(|_| Self { first: None })
    }

    /// Called in every UI pass. The first frame is painted and presented after its passes
    /// (egui may lay a frame out twice, `request_discard`), so the first pass of the second
    /// frame is the first moment it is known to be on screen: then it prints
    /// `first-frame-unix-ns N` on standard output and closes the window. Frames are told apart
    /// by egui's frame number, not by passes. The window's closing (saving state, tearing the
    /// renderer down) is not start-up.
    pub fn frame(&mut self, ctx: &egui::Context) {
        let frame = ctx.cumulative_frame_nr();
        let first = *self.first.get_or_insert(frame);
        if frame == first {
            ctx.request_repaint();
            return;
        }
        if frame == first + 1 && ctx.current_pass_index() == 0 {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let mut out = std::io::stdout().lock();
            // Nothing to do if standard output is gone: the timing is simply not seen.
            let _ = writeln!(out, "first-frame-unix-ns {now}").and_then(|()| out.flush());
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}
