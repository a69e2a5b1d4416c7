//! Stable ASCII ids made from Chinese names by their pinyin: 思想 → `sixiang`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::search::pinyin::Syllables;

/// How many syllables (or Latin words) an id keeps: the end of a Chinese name says what it is
/// (… 阅读总量), and four keep ids short enough to type.
const MAX_TOKENS: usize = 4;

/// Makes ids unique within one kind (chapters, initiatives or figures).
#[derive(Default)]
pub(crate) struct Ids {
    taken: HashSet<String>,
    /// The suffix to try next for each id made more than once, so that the hundredth 阅读总量
    /// does not try the ninety-nine taken before it.
    next: HashMap<String, usize>,
}

impl Ids {
    /// The id for `name`: the pinyin of its last syllables, `fallback` when it has none, with
    /// `-2`, `-3` … when another item has it already.
    pub(crate) fn make(&mut self, name: &str, fallback: &str, syllables: &mut Syllables) -> String {
        let base = Some(slug(name, syllables))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| fallback.to_owned());
        let mut id = base.clone();
        if self.taken.contains(&id) {
            let n = self.next.entry(base.clone()).or_insert(2);
            // `sixiang-2` may have been taken by a name of its own.
            while self.taken.contains(&id) {
                id = format!("{base}-{n}");
                *n += 1;
            }
        }
        self.taken.insert(id.clone());
        id
    }
}

/// The pinyin of a name's last syllables and Latin words, lower case: 新冠肺炎科普知识阅读总量 →
/// `yueduzongliang`, APP注册 → `app-zhuce`.
fn slug(name: &str, syllables: &mut Syllables) -> String {
    let mut tokens: Vec<(String, bool)> = Vec::new();
    let mut word = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            continue;
        }
        if !word.is_empty() {
            tokens.push((std::mem::take(&mut word), true));
        }
        let syllable = syllables.of(c);
        if syllable != 0 {
            tokens.push((syllables.name(syllable).to_owned(), false));
        }
    }
    if !word.is_empty() {
        tokens.push((word, true));
    }
    let kept = &tokens[tokens.len().saturating_sub(MAX_TOKENS)..];
    let mut id = String::new();
    for (i, (token, latin)) in kept.iter().enumerate() {
        // Latin words stand apart from the syllables around them.
        let after_latin = i > 0 && kept[i - 1].1;
        if i > 0 && (*latin || after_latin) {
            id.push('-');
        }
        id.push_str(token);
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_pinyin_and_unique() {
        let mut syllables = Syllables::default();
        let mut ids = Ids::default();
        assert_eq!(ids.make("思想", "chapter-1", &mut syllables), "sixiang");
        assert_eq!(ids.make("思想", "chapter-2", &mut syllables), "sixiang-2");
        assert_eq!(
            ids.make("新冠肺炎科普知识的阅读总量", "f", &mut syllables),
            "yueduzongliang"
        );
        assert_eq!(
            ids.make("“科普中国”APP", "f", &mut syllables),
            "puzhongguo-app"
        );
        assert_eq!(ids.make("組織", "f", &mut syllables), "zuzhi");
        assert_eq!(ids.make("——", "figure-1", &mut syllables), "figure-1");
    }
}
