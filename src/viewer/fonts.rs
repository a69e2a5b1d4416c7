//! The bundled Noto Sans CJK SC faces, so Chinese renders the same everywhere with nothing
//! installed.
//!
//! The faces cover GB2312, Big5 and every character of `data/` and `src/`
//! (`scripts/subset-fonts.py`), and are stored lz4-compressed: 4.8 MB a face, 4.3 MB stored.
//! Both are decompressed at once, on two threads, the first time they are needed (a few
//! milliseconds); [`prepare`] starts that early. Traditional characters are drawn with the SC
//! face's glyphs, whose components keep their mainland forms where the Taiwan forms differ
//! (說 with 丷, 內 with 人): about half of Big5's characters, legible but not what a reader in
//! Taiwan is used to. A system face of the report's script only draws what the bundled faces lack.

use egui::{FontData, FontDefinitions, FontFamily};

/// The family name of the bold face, for headings and figures (egui's `strong()` only recolours).
pub const BOLD_FAMILY: &str = "bold";

pub use crate::report::faces::{QUOTES_BOLD, QUOTES_REGULAR, bold_face, prepare, regular_face};

/// egui's fonts with the bundled CJK faces first, so Chinese never falls back to
/// Japanese glyph forms from a system font.
pub fn definitions() -> FontDefinitions {
    let (regular, bold) = crate::report::faces::both();
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("noto-sc".to_owned(), FontData::from_static(regular).into());
    fonts.font_data.insert(
        "noto-sc-bold".to_owned(),
        FontData::from_static(bold).into(),
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
    let mut bold_family = vec!["noto-sc-bold".to_owned()];
    bold_family.extend(proportional);
    fonts
        .families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), bold_family);
    fonts
}

/// The fonts for an interface in `lang`: in English, the quotation marks ‘ ’ “ ” come first from
/// faces that draw them at Latin widths (the CJK face sets them a full em wide, as Chinese
/// does, leaving gaps in English: `scripts/make-quote-faces.py`).
pub fn definitions_for(lang: crate::viewer::i18n::Lang) -> FontDefinitions {
    let mut fonts = definitions();
    if lang == crate::viewer::i18n::Lang::En {
        for (name, data, family) in [
            ("quotes", QUOTES_REGULAR, FontFamily::Proportional),
            ("quotes-bold", QUOTES_BOLD, bold()),
        ] {
            fonts
                .font_data
                .insert(name.to_owned(), FontData::from_static(data).into());
            if let Some(list) = fonts.families.get_mut(&family) {
                list.insert(0, name.to_owned());
            }
        }
    }
    fonts
}

/// Installs the fonts for an interface in `lang`.
pub fn install_for(ctx: &egui::Context, lang: crate::viewer::i18n::Lang) {
    ctx.set_fonts(definitions_for(lang));
}

/// The bold family.
pub fn bold() -> FontFamily {
    FontFamily::Name(BOLD_FAMILY.into())
}

/// Installs the bundled fonts.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

pub use crate::report::script_fold::HanScript;

impl HanScript {
    /// System families to try for Han characters, best first.
    fn families(self) -> impl Iterator<Item = &'static str> {
        const SIMPLIFIED: &[&str] = &[
            "Noto Sans CJK SC",
            "Noto Sans SC",
            "Source Han Sans SC",
            "Source Han Sans CN",
            "Microsoft YaHei",
            "PingFang SC",
            "Hiragino Sans GB",
            "WenQuanYi Zen Hei",
            "WenQuanYi Micro Hei",
            "SimHei",
            "Noto Serif CJK SC",
            "SimSun",
        ];
        const TRADITIONAL: &[&str] = &[
            "Noto Sans CJK TC",
            "Noto Sans TC",
            "Noto Sans CJK HK",
            "Source Han Sans TC",
            "Source Han Sans HK",
            "Microsoft JhengHei",
            "PingFang TC",
            "PingFang HK",
            "Noto Serif CJK TC",
            "MingLiU",
        ];
        let (first, second) = match self {
            Self::Simplified => (SIMPLIFIED, TRADITIONAL),
            Self::Traditional => (TRADITIONAL, SIMPLIFIED),
        };
        first.iter().chain(second).copied()
    }
}

/// How long the listing of the system's fonts waits before it starts unasked.
const LISTING_DELAY: std::time::Duration = std::time::Duration::from_secs(2);

/// Finds a system font for characters the bundled faces lack (rare characters, symbols, other
/// scripts), preferring faces of the report's Han script and the weight asked for.
///
/// The system's fonts are listed on a thread of their own by `fontdb`, which reads font folders
/// itself: a machine with no fonts at all simply has none to offer, and a missing glyph is then
/// drawn as a box. The listing waits until the first frame has had the processor to itself
/// ([`LISTING_DELAY`]), unless a character needs a system face before that.
pub struct SystemFonts {
    database: std::sync::OnceLock<fontdb::Database>,
    loading: std::sync::Mutex<Option<std::sync::mpsc::Receiver<fontdb::Database>>>,
    /// Tells the listing thread to start now rather than after its delay.
    start_now: std::sync::Mutex<Option<std::sync::mpsc::Sender<()>>>,
    script: std::sync::Mutex<HanScript>,
    /// Face data already read, so that a face drawing many characters is read once.
    read: std::sync::Mutex<std::collections::HashMap<fontdb::ID, egui::epaint::text::Blob>>,
}

impl SystemFonts {
    /// Starts listing the system's fonts on another thread.
    pub fn new(script: HanScript) -> Self {
        let (sender, receiver) = std::sync::mpsc::channel();
        let (start_now, wake) = std::sync::mpsc::channel::<()>();
        let spawned = std::thread::Builder::new()
            .name("system fonts".to_owned())
            .spawn(move || {
                // Reading every font folder competes with the first frame on a machine of few
                // cores; most reports never need a system face.
                let _ = wake.recv_timeout(LISTING_DELAY);
                let mut database = fontdb::Database::new();
                database.load_system_fonts();
                log::debug!("{} system font faces", database.len());
                let _ = sender.send(database);
            });
        if let Err(error) = spawned {
            log::warn!("system fonts are not used: {error}");
        }
        Self {
            database: std::sync::OnceLock::new(),
            loading: std::sync::Mutex::new(Some(receiver)),
            start_now: std::sync::Mutex::new(Some(start_now)),
            script: std::sync::Mutex::new(script),
            read: std::sync::Mutex::default(),
        }
    }

    /// Prefers faces of `script` from now on (a report of the other script was opened).
    pub fn set_script(&self, script: HanScript) {
        if let Ok(mut current) = self.script.lock() {
            *current = script;
        }
    }

    /// The system's fonts, waiting for the listing when it is not done yet.
    fn database(&self) -> &fontdb::Database {
        self.database.get_or_init(|| {
            if let Some(start) = self.start_now.lock().ok().and_then(|mut s| s.take()) {
                let _ = start.send(());
            }
            let receiver = self.loading.lock().ok().and_then(|mut r| r.take());
            receiver.and_then(|r| r.recv().ok()).unwrap_or_default()
        })
    }

    /// The bytes of a face's file, read once. The file is read whole: only characters the
    /// bundled faces lack come here, and reading needs no unsafe memory mapping.
    fn face_data(&self, id: fontdb::ID) -> Option<egui::epaint::text::Blob> {
        let mut read = self.read.lock().ok()?;
        if let Some(data) = read.get(&id) {
            return Some(std::sync::Arc::clone(data));
        }
        let data: egui::epaint::text::Blob = std::sync::Arc::new(
            self.database()
                .with_face_data(id, |data, _| data.to_vec())?,
        );
        read.insert(id, std::sync::Arc::clone(&data));
        Some(data)
    }

    /// The face to draw `c` with: the script's preferred families first, then any face.
    fn face_for(&self, c: char, weight: fontdb::Weight) -> Option<fontdb::ID> {
        let database = self.database();
        let script = self.script.lock().map(|s| *s).unwrap_or_default();
        let preferred = script.families().filter_map(|name| {
            database.query(&fontdb::Query {
                families: &[fontdb::Family::Name(name)],
                weight,
                ..fontdb::Query::default()
            })
        });
        let sans = database.query(&fontdb::Query {
            families: &[fontdb::Family::SansSerif],
            weight,
            ..fontdb::Query::default()
        });
        // Any other face, nearest in weight first.
        let mut others: Vec<&fontdb::FaceInfo> = database.faces().collect();
        others.sort_by_key(|face| (face.weight.0.abs_diff(weight.0), face.index));
        preferred
            .chain(sans)
            .chain(others.into_iter().map(|face| face.id))
            .find(|&id| has_glyph(database, id, c))
    }
}

/// Whether a face has a glyph for `c`.
fn has_glyph(database: &fontdb::Database, id: fontdb::ID, c: char) -> bool {
    database
        .with_face_data(id, |data, index| {
            ttf_parser::Face::parse(data, index)
                .ok()
                .and_then(|face| face.glyph_index(c))
                .is_some()
        })
        .unwrap_or(false)
}

impl egui::FontProvider for SystemFonts {
    fn font_for(&self, request: &egui::FallbackRequest<'_>) -> Option<egui::FontInsert> {
        let c = request.cluster.chars().next()?;
        let bold = *request.family == bold();
        let weight = if bold {
            fontdb::Weight::BOLD
        } else {
            fontdb::Weight::NORMAL
        };
        let id = self.face_for(c, weight)?;
        let database = self.database();
        let face = database.face(id)?;
        let family = face.families.first().map_or("?", |(name, _)| name.as_str());
        let name = format!("system:{family}:{}:{}", face.weight.0, face.index);
        let data = self.face_data(id)?;
        log::debug!("drawing {c:?} with {name}");
        Some(egui::FontInsert {
            name,
            data: FontData::from_blob(data, face.index),
            families: vec![egui::InsertFontFamily {
                family: request.family.clone(),
                priority: egui::FontPriority::Lowest,
            }],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_s_script_is_told_by_its_characters() {
        assert_eq!(
            HanScript::of(["全國學會 210 個，地方科協"]),
            HanScript::Traditional
        );
        assert_eq!(
            HanScript::of(["全国学会 210 个，地方科协"]),
            HanScript::Simplified
        );
        assert_eq!(HanScript::of(["科普"]), HanScript::Simplified);
    }

    #[test]
    fn english_sets_quotation_marks_at_latin_widths_and_chinese_a_full_em() {
        use crate::viewer::i18n::Lang;
        let width = |lang: Lang, family: FontFamily| {
            let ctx = egui::Context::default();
            install_for(&ctx, lang);
            let mut width = 0.0;
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                let font = egui::FontId::new(20.0, family.clone());
                let galley =
                    ui.painter()
                        .layout_no_wrap("“A” ‘B’".to_owned(), font, egui::Color32::WHITE);
                width = galley.size().x;
            });
            // No renderer takes the font atlas; dropping it unapplied is a debug assertion.
            output.textures_delta.clear();
            width
        };
        for family in [FontFamily::Proportional, bold()] {
            let (zh, en) = (
                width(Lang::Zh, family.clone()),
                width(Lang::En, family.clone()),
            );
            // Four marks a full em (20 points) each in Chinese; about half that in English.
            assert!(
                zh - en > 25.0,
                "{family:?}: {zh} in Chinese, {en} in English"
            );
        }
    }
}
