//! An empty eframe app with Huimou's eframe features and window options: the baseline that
//! `scripts/measure.py` compares Huimou's start-up time and memory with.
//!
//! `HUIMOU_EXIT_AFTER_FIRST_FRAME=1` makes it say when its first frame was on screen and close,
//! as it does Huimou.

use huimou::viewer::first_frame::FirstFrameProbe;

struct Empty {
    first_frame: Option<FirstFrameProbe>,
}

impl eframe::App for Empty {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(probe) = &mut self.first_frame {
            probe.frame(ui.ctx());
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("empty");
        });
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("empty")
            .with_inner_size([1280.0, 860.0]),
        persist_window: false,
        // As Huimou does, `HUIMOU_RENDERER=glow` chooses OpenGL (for like-for-like timings).
        renderer: if std::env::var("HUIMOU_RENDERER").as_deref() == Ok("glow") {
            eframe::Renderer::Glow
        } else {
            eframe::Renderer::Wgpu
        },
        ..Default::default()
    };
    let first_frame = FirstFrameProbe::from_env();
    eframe::run_native(
        "huimou-empty",
        options,
        Box::new(move |_| Ok(Box::new(Empty { first_frame }))),
    )
}
