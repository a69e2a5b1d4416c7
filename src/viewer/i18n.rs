//! The interface in Chinese (zh-CN) and English.
//!
//! Interface strings are written in Chinese in the code, the language the product is built
//! for, and looked up here for English: `tr(ui, "打开…")`. Templates use `{}` for what is
//! filled in (`fill`). `tests/it/i18n.rs` checks that every string the interface passes to `tr`
//! has an English entry, and that no Chinese string reaches the screen without `tr`.

/// The language type and the words in both languages live with the data layer, which names no
/// GUI: diagnostics, the PDF and the command line use them without egui.
pub use crate::report::lang::Lang;
pub use crate::report::words::{ENGLISH, english, fill, tr_in};

/// Where the language of the interface is kept for the panels: in egui's memory, so that any
/// panel can read it from its `Ui`.
fn memory_id() -> egui::Id {
    egui::Id::unique("huimou-language")
}

/// Makes `lang` the language of the interface drawn with `ctx`.
pub fn set(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(memory_id(), lang));
}

/// The language of the interface drawn with `ctx`.
pub fn lang(ctx: &egui::Context) -> Lang {
    ctx.data(|d| d.get_temp(memory_id())).unwrap_or_default()
}

/// What knows the language of the interface: a `Ui` or the `Context`.
pub trait Translate {
    /// The language of the interface.
    fn lang(&self) -> Lang;
}

impl Translate for egui::Ui {
    fn lang(&self) -> Lang {
        lang(self.ctx())
    }
}

impl Translate for egui::Context {
    fn lang(&self) -> Lang {
        lang(self)
    }
}

/// An interface string in the current language; `zh` is the Chinese original.
pub fn tr(on: &impl Translate, zh: &'static str) -> &'static str {
    tr_in(on.lang(), zh)
}
