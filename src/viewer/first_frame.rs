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

fn unix_ns() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Prints a line for `scripts/measure.py`; nothing to do if standard output is gone (the
/// timing is simply not seen).
fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|()| out.flush());
}

/// Nanoseconds of CPU the process's threads have used: those of Mesa's software rasteriser
/// (named `llvmpipe-N`), and all (Linux; zeros elsewhere).
fn thread_cpu_ns() -> (u64, u64) {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return (0, 0);
    };
    let (mut rasteriser, mut all) = (0, 0);
    for task in tasks.flatten() {
        let read = |name: &str| std::fs::read_to_string(task.path().join(name)).unwrap_or_default();
        // schedstat: time on the CPU in nanoseconds, then waiting time and timeslices.
        let ns: u64 = read("schedstat")
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        all += ns;
        if read("comm").starts_with("llvmpipe") {
            rasteriser += ns;
        }
    }
    (rasteriser, all)
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
        if self.first.is_none() {
            // Set-up ends here; what follows is the first frame's own work.
            say(&format!("first-pass-unix-ns {}", unix_ns()));
        }
        let first = *self.first.get_or_insert(frame);
        if frame == first {
            ctx.request_repaint();
            return;
        }
        if frame == first + 1 && ctx.current_pass_index() == 0 {
            say(&format!("first-frame-unix-ns {}", unix_ns()));
            // The CPU time so far of the threads of a software rasteriser (Mesa's llvmpipe
            // and lavapipe), apart from the rest: what a GPU would do instead.
            let (rasteriser, all) = thread_cpu_ns();
            say(&format!("cpu-ns rasteriser {rasteriser} all {all}"));
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn the_rasteriser_s_cpu_is_part_of_the_process_s() {
        // Some work, so that this thread has used measurable CPU time.
        let sum: u64 = (0..2_000_000u64).map(|i| i % 7).sum();
        assert!(std::hint::black_box(sum) > 0);
        let (rasteriser, all) = thread_cpu_ns();
        assert!(all > 0);
        // No Mesa threads run in a unit test.
        assert_eq!(rasteriser, 0);
    }
}
