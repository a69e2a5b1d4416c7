//! The interface in Chinese (simplified or traditional) and English.
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

/// Makes `lang` the language of the interface drawn with `ctx`, its Chinese in traditional
/// characters when `traditional`.
pub fn set(ctx: &egui::Context, lang: Lang, traditional: bool) {
    ctx.data_mut(|d| d.insert_temp(memory_id(), (lang, traditional)));
}

/// The language of the interface drawn with `ctx`.
pub fn lang(ctx: &egui::Context) -> Lang {
    written(ctx).0
}

/// The language of the interface drawn with `ctx`, and whether its Chinese is traditional.
fn written(ctx: &egui::Context) -> (Lang, bool) {
    ctx.data(|d| d.get_temp(memory_id())).unwrap_or_default()
}

/// What knows the language of the interface: a `Ui` or the `Context`.
pub trait Translate {
    /// The language of the interface, and whether its Chinese is traditional.
    fn written(&self) -> (Lang, bool);

    /// The language of the interface.
    fn lang(&self) -> Lang {
        self.written().0
    }
}

impl Translate for egui::Ui {
    fn written(&self) -> (Lang, bool) {
        written(self.ctx())
    }
}

impl Translate for egui::Context {
    fn written(&self) -> (Lang, bool) {
        written(self)
    }
}

/// An interface string in the current language and script; `zh` is the Chinese original.
pub fn tr(on: &impl Translate, zh: &'static str) -> &'static str {
    match on.written() {
        (Lang::Zh, true) => traditional(zh),
        (lang, _) => tr_in(lang, zh),
    }
}

/// A message made at run time (a diagnostic, a help line) in the interface's script: its
/// Chinese is written simplified, and a traditional interface shows it traditional. What it
/// quotes from the file (「label」, `id`) stays as the file writes it.
pub fn in_script<'t>(on: &impl Translate, text: &'t str) -> std::borrow::Cow<'t, str> {
    match on.written() {
        (Lang::Zh, true) => std::borrow::Cow::Owned(traditional_outside_quotes(text)),
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// `text` in traditional characters, but for what stands inside 「」 or backticks.
pub(crate) fn traditional_outside_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['「', '`']) {
        out.push_str(&hanconv::s2tw(&rest[..open]));
        let mark = rest[open..].chars().next().unwrap_or('`');
        let close = if mark == '「' { '」' } else { '`' };
        let inner = open + mark.len_utf8();
        let end = rest[inner..]
            .find(close)
            .map_or(rest.len(), |at| inner + at + close.len_utf8());
        out.push_str(&rest[open..end]);
        rest = &rest[end..];
    }
    out.push_str(&hanconv::s2tw(rest));
    out
}

/// An interface string in traditional characters (總覽, 數據一覽), converted once and kept:
/// the interface has a few hundred strings, and a frame asks for dozens.
pub fn traditional(zh: &'static str) -> &'static str {
    static CONVERTED: std::sync::OnceLock<
        std::sync::Mutex<rustc_hash::FxHashMap<&'static str, &'static str>>,
    > = std::sync::OnceLock::new();
    let map = CONVERTED.get_or_init(Default::default);
    let mut map = map
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    map.entry(zh)
        // Taiwan's standard forms (為 for 为, not OpenCC's variant): the ones Big5, and so the
        // bundled face, has.
        .or_insert_with(|| Box::leak(interface_words(hanconv::s2tw(zh)).into_boxed_str()))
}

/// The words a computer's interface uses in Hong Kong and Taiwan where the mainland's differ
/// (文件夹 → 資料夾, 文件 → 檔案, 视图 → 檢視, 搜索 → 搜尋, 导出 → 匯出, 打印 → 列印); a character-by-character
/// conversion leaves the mainland's.
fn interface_words(text: String) -> String {
    const WORDS: [(&str, &str); 6] = [
        ("文件夾", "資料夾"),
        ("視圖", "檢視"),
        ("文件", "檔案"),
        ("搜索", "搜尋"),
        ("導出", "匯出"),
        ("打印", "列印"),
    ];
    WORDS.iter().fold(text, |text, (mainland, local)| {
        text.replace(mainland, local)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_traditional_interface_uses_hong_kong_and_taiwan_words() {
        assert_eq!(traditional("打开文件夹…"), "打開資料夾…");
        assert_eq!(traditional("打开文件…"), "打開檔案…");
        assert_eq!(traditional("搜索全文"), "搜尋全文");
        assert_eq!(traditional("打印…"), "列印…");
        assert_eq!(traditional("导出"), "匯出");
        assert_eq!(traditional("视图"), "檢視");
        assert_eq!(traditional("数据一览"), "數據一覽");
    }

    #[test]
    fn a_message_turns_traditional_but_not_what_it_quotes() {
        assert_eq!(
            traditional_outside_quotes(
                "数据名称是猜的，请确认：「城镇新增就业」（数据 `jobs-增长`）"
            ),
            "數據名稱是猜的，請確認：「城镇新增就业」（數據 `jobs-增长`）"
        );
        // A quote left open keeps the rest as written.
        assert_eq!(traditional_outside_quotes("数据「城镇"), "數據「城镇");
    }
}
