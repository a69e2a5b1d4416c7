//! Colours and text styles shared by every panel, in light and dark themes.

use egui::{Color32, FontId, TextStyle};

use crate::viewer::fonts;

/// Colours for charts and emphasis that read well on the current theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Figures in text and the selected bar.
    pub accent: Color32,
    /// Bars that are not selected, one colour per chart series.
    pub series: [Color32; 4],
    /// The background of search matches.
    pub match_background: Color32,
    /// The background of the selected figure.
    pub selection_background: Color32,
    /// Secondary text (headlines, captions).
    pub muted: Color32,
    /// Card backgrounds.
    pub card: Color32,
}

impl Palette {
    /// The palette for a light or dark theme.
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                accent: Color32::from_rgb(0xF2, 0xA6, 0x5A),
                series: [
                    Color32::from_rgb(0x6C, 0xA6, 0xE0),
                    Color32::from_rgb(0x7C, 0xC6, 0x8E),
                    Color32::from_rgb(0xC9, 0x9C, 0xE8),
                    Color32::from_rgb(0xE8, 0xC3, 0x6A),
                ],
                match_background: Color32::from_rgb(0x6B, 0x5A, 0x12),
                selection_background: Color32::from_rgb(0x5A, 0x34, 0x1A),
                muted: Color32::from_gray(170),
                card: Color32::from_gray(38),
            }
        } else {
            Self {
                accent: Color32::from_rgb(0xB4, 0x3E, 0x1E),
                series: [
                    Color32::from_rgb(0x3A, 0x6E, 0xA5),
                    Color32::from_rgb(0x3C, 0x8D, 0x52),
                    Color32::from_rgb(0x84, 0x5E, 0xA8),
                    Color32::from_rgb(0xB0, 0x84, 0x1C),
                ],
                match_background: Color32::from_rgb(0xFF, 0xE5, 0x7A),
                selection_background: Color32::from_rgb(0xFF, 0xD2, 0xB8),
                muted: Color32::from_gray(90),
                card: Color32::from_gray(248),
            }
        }
    }

    /// The palette for the theme `ui` is drawn in.
    pub fn of(ui: &egui::Ui) -> Self {
        Self::new(ui.visuals().dark_mode)
    }
}

/// The frame of a card (a chart, an initiative, a chapter on the overview, a search result).
pub fn card(ui: &egui::Ui, fill: Color32, margin: i8) -> egui::Frame {
    egui::Frame::group(ui.style())
        .fill(fill)
        .inner_margin(egui::Margin::same(margin))
        .corner_radius(6.0)
}

/// A chapter's number in the accent colour beside its name, as chapter panels and overview
/// cards head a chapter.
pub fn chapter_heading_ui(
    ui: &mut egui::Ui,
    chapter: &crate::report::model::Chapter,
    number_size: f32,
    name_size: f32,
) {
    let accent = Palette::of(ui).accent;
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(chapter.number.to_string())
                .font(bold(number_size))
                .color(accent),
        );
        let name = crate::viewer::ui::localized(ui, &chapter.name, chapter.name_en.as_ref());
        let response = ui.label(egui::RichText::new(name).font(bold(name_size)).strong());
        crate::viewer::ui::with_original(response, name, &chapter.name);
    });
}

/// A bold font of the given size.
pub fn bold(size: f32) -> FontId {
    FontId::new(size, fonts::bold())
}

/// Text sizes that suit Chinese reading, which needs larger glyphs than Latin.
pub fn apply_text_styles(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        use egui::FontFamily::{Monospace, Proportional};
        style.text_styles = [
            (TextStyle::Small, FontId::new(12.0, Proportional)),
            (TextStyle::Body, FontId::new(15.0, Proportional)),
            (TextStyle::Button, FontId::new(14.0, Proportional)),
            (TextStyle::Heading, FontId::new(22.0, fonts::bold())),
            (TextStyle::Monospace, FontId::new(13.0, Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    });
    // egui's dark text is too dim for long paragraphs of Chinese.
    ctx.style_mut_of(egui::Theme::Dark, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(205);
    });
}

/// Whether the figure is a result, a target or an estimate: a target or an estimate in a
/// style of its own, never to be read as achieved.
pub fn status_ui(ui: &mut egui::Ui, status: crate::report::model::Status, palette: &Palette) {
    use crate::report::model::Status;
    let text = match status {
        Status::Result => {
            egui::RichText::new(crate::viewer::i18n::tr(ui, "结果")).color(palette.muted)
        }
        Status::Target => egui::RichText::new(crate::viewer::i18n::tr(ui, "目标"))
            .italics()
            .color(palette.accent),
        Status::Estimate => egui::RichText::new(crate::viewer::i18n::tr(ui, "预计"))
            .italics()
            .color(palette.accent),
    };
    ui.add(egui::Label::new(text).selectable(false));
}
