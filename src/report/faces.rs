//! The bundled Noto Sans CJK SC faces as OpenType files, free of any GUI: the viewer draws
//! with them (`fonts`), the PDF embeds them (`export::pdf`), `check` knows what they cover.
//!
//! They are stored lz4-compressed (4.8 MB a face, 4.3 MB stored) and decompressed once, on two
//! threads, the first time they are needed; [`prepare`] starts that early.

use std::sync::OnceLock;

/// The Regular face, subset and compressed by `scripts/subset-fonts.py`: an lz4 block after
/// its decompressed size (a little-endian `u32`).
const REGULAR_LZ4: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular.otf.lz4");
/// The Bold face, likewise.
const BOLD_LZ4: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Bold.otf.lz4");

/// Noto Sans CJK SC's proportional forms of the quotation marks ‘ ’ “ ”, regular and bold,
/// mapped to the marks' code points (`scripts/make-quote-faces.py`): English text sets its
/// quotes with them; the CJK faces set them a full em wide, as Chinese does.
pub const QUOTES_REGULAR: &[u8] = include_bytes!("../../assets/fonts/quotes-regular.otf");
/// The bold quotation marks, likewise.
pub const QUOTES_BOLD: &[u8] = include_bytes!("../../assets/fonts/quotes-bold.otf");

/// Whether `c` is a quotation mark that the quote faces draw.
pub fn is_quote(c: char) -> bool {
    matches!(c, '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}')
}

static REGULAR: OnceLock<Vec<u8>> = OnceLock::new();
static BOLD: OnceLock<Vec<u8>> = OnceLock::new();

/// The bundled Regular face: an OpenType file, decompressed once.
pub fn regular_face() -> &'static [u8] {
    REGULAR.get_or_init(|| decompress("Regular", REGULAR_LZ4))
}

/// The bundled Bold face: an OpenType file, decompressed once.
pub fn bold_face() -> &'static [u8] {
    BOLD.get_or_init(|| decompress("Bold", BOLD_LZ4))
}

fn decompress(name: &str, packed: &[u8]) -> Vec<u8> {
    let started = std::time::Instant::now();
    // The data is built into the binary and checked by tests/it/fonts.rs: failing here is a build
    // defect.
    #[allow(clippy::expect_used)]
    let face = lz4_flex::block::decompress_size_prepended(packed)
        .expect("the bundled font data is an lz4 block after its size");
    log::debug!(
        "the bundled {name} face ({} bytes) decompressed in {:?}",
        face.len(),
        started.elapsed()
    );
    face
}

/// Starts decompressing the bundled faces on threads of their own, so that they are ready when
/// the first frame needs them (call it before opening the window). Whoever needs a face before
/// its thread is done waits for that thread.
pub fn prepare() {
    for (name, face) in [("Regular", regular_face as fn() -> _), ("Bold", bold_face)] {
        let spawned = std::thread::Builder::new()
            .name(format!("font {name}"))
            .spawn(move || {
                face();
            });
        if let Err(error) = spawned {
            log::debug!("the {name} face is decompressed when needed: {error}");
        }
    }
}

/// Both faces, the Bold one decompressed on another thread while this one does the Regular.
pub fn both() -> (&'static [u8], &'static [u8]) {
    if let (Some(regular), Some(bold)) = (REGULAR.get(), BOLD.get()) {
        return (regular, bold);
    }
    std::thread::scope(|scope| {
        let bold = std::thread::Builder::new()
            .name("font Bold".to_owned())
            .spawn_scoped(scope, bold_face);
        let regular = regular_face();
        let bold = bold.ok().and_then(|t| t.join().ok());
        (regular, bold.unwrap_or_else(bold_face))
    })
}
