//! The bundled Noto Sans CJK SC faces, so Chinese renders the same everywhere with nothing
//! installed.

use egui::{FontData, FontDefinitions, FontFamily};

/// The Regular face, subset by `scripts/subset-fonts.py`.
pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKsc-Regular.otf");
/// The Bold face, subset by `scripts/subset-fonts.py`.
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKsc-Bold.otf");

/// The family name of the bold face, for headings and figures (egui's `strong()` only recolours).
pub const BOLD_FAMILY: &str = "bold";

/// egui's fonts with the bundled CJK faces first, so Chinese never falls back to
/// Japanese glyph forms from a system font.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("noto-sc".to_owned(), FontData::from_static(REGULAR).into());
    fonts.font_data.insert(
        "noto-sc-bold".to_owned(),
        FontData::from_static(BOLD).into(),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family.clone()).or_default();
        if family == FontFamily::Proportional {
            list.insert(0, "noto-sc".to_owned());
        } else {
            // Code keeps its monospace Latin; CJK in it comes from the bundled face.
            list.push("noto-sc".to_owned());
        }
    }
    let proportional = fonts.families[&FontFamily::Proportional].clone();
    let mut bold = vec!["noto-sc-bold".to_owned()];
    bold.extend(proportional);
    fonts
        .families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    fonts
}

/// The bold family.
pub fn bold() -> FontFamily {
    FontFamily::Name(BOLD_FAMILY.into())
}

/// Installs the bundled fonts.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
