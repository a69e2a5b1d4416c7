//! An empty eframe app with Huimou's eframe features and window options: the baseline that
//! `scripts/measure.py` compares Huimou's start-up time and memory with.
//!
//! `HUIMOU_EXIT_AFTER_FIRST_FRAME=1` closes it after its first frame, as it does Huimou.

struct Empty {
    exit_after_first_frame: bool,
}

impl eframe::App for Empty {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("empty");
        });
        if self.exit_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("empty")
            .with_inner_size([1280.0, 860.0]),
        persist_window: false,
        ..Default::default()
    };
    let exit_after_first_frame = std::env::var_os("HUIMOU_EXIT_AFTER_FIRST_FRAME").is_some();
    eframe::run_native(
        "huimou-empty",
        options,
        Box::new(move |_| {
            Ok(Box::new(Empty {
                exit_after_first_frame,
            }))
        }),
    )
}
