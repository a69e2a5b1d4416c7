//! Filtering the rows of a table (数据一览) by what the search box holds, the way the
//! whole-report search finds initiatives, so that a query finds the same things in both.

use std::ops::Range;

use super::pinyin::{self, PinyinText, Syllables};
use super::{FIELD_SEPARATOR, fold_into, fold_query};

/// Which rows of a table a query matches, each row being a few fields (a figure's label, its
/// value as written, its initiative's title…). A row matches when one of its fields holds the
/// query folded as the search folds it (case, width, script, white space, figure marks, digit
/// grouping), or, for a query of letters, holds it as pinyin: full syllables ("kepu"),
/// initials ("kp") or one syllable of three letters or more ("xiang"). A blank query matches
/// every row.
///
/// Rows are pushed one by one; the pinyin of the rows that the characters as typed did not
/// match is read when they all are in, as the ways of reading a query depend on the syllables
/// the texts have (see `pinyin::readings`).
#[derive(Debug)]
pub struct RowFilter {
    /// The query, folded.
    query: String,
    /// The query as pinyin, when it is letters.
    letters: Option<String>,
    /// Whether each row pushed so far matches (as far as its characters tell).
    matched: Vec<bool>,
    /// The current row's fields, folded; kept to save an allocation per row.
    folded: String,
    /// The pinyin of the rows still unmatched, and for each, its row and its entries.
    pinyin: PinyinText,
    syllables: Syllables,
    unmatched: Vec<(usize, Range<usize>)>,
}

impl RowFilter {
    /// A filter for `query`, as typed.
    pub fn new(query: &str) -> Self {
        let query = fold_query(query);
        let letters = pinyin::as_pinyin_query(&query);
        Self {
            query,
            letters,
            matched: Vec::new(),
            folded: String::new(),
            pinyin: PinyinText::default(),
            syllables: Syllables::default(),
            unmatched: Vec::new(),
        }
    }

    /// Whether the query is blank (or only spaces), so that every row matches.
    pub fn is_blank(&self) -> bool {
        self.query.is_empty()
    }

    /// Adds the next row. A match never runs from one field into the next.
    pub fn push(&mut self, fields: &[&str]) {
        let row = self.matched.len();
        if self.is_blank() {
            self.matched.push(true);
            return;
        }
        self.folded.clear();
        for field in fields {
            fold_into(&mut self.folded, field);
            self.folded.push(FIELD_SEPARATOR);
        }
        let found = self.folded.contains(self.query.as_str());
        self.matched.push(found);
        if !found && self.letters.is_some() {
            let start = self.pinyin.len();
            for field in fields {
                // Read as the index reads them: without figure marks and white space.
                self.pinyin.push(field, true, &mut self.syllables);
                // An entry that no pinyin matches ends the field.
                self.pinyin.push_char(FIELD_SEPARATOR, &mut self.syllables);
            }
            self.unmatched.push((row, start..self.pinyin.len()));
        }
    }

    /// Whether each row pushed matches, in the order they were pushed.
    pub fn matches(mut self) -> Vec<bool> {
        if let Some(letters) = &self.letters {
            let readings = pinyin::readings(letters, &self.syllables);
            // All rows' pinyin is one text: its byte searches are built once for all.
            let query = self.pinyin.query(letters, readings, &self.syllables);
            for (row, entries) in self.unmatched {
                self.matched[row] = self.pinyin.find(entries, &query).is_some();
            }
        }
        self.matched
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(query: &str, rows: &[&[&str]]) -> Vec<bool> {
        let mut filter = RowFilter::new(query);
        for row in rows {
            filter.push(row);
        }
        filter.matches()
    }

    #[test]
    fn rows_match_by_characters_and_by_pinyin() {
        let rows: &[&[&str]] = &[
            &["科普志愿者", "38万余人"],
            &["申请专利", "2,508项"],
            &["重点项目", "553项"],
            &["Patent applications", "2508"],
        ];
        assert_eq!(matches("科普", rows), [true, false, false, false]);
        assert_eq!(matches("kp", rows), [true, false, false, false]);
        assert_eq!(matches("KePu", rows), [true, false, false, false]);
        assert_eq!(matches("xiang", rows), [false, true, true, false]);
        assert_eq!(matches("2508", rows), [false, true, false, true]);
        assert_eq!(matches("2,508", rows), [false, true, false, true]);
        assert_eq!(matches("patent", rows), [false, false, false, true]);
        assert_eq!(matches(" ", rows), [true; 4]);
    }

    #[test]
    fn a_match_stays_within_a_field() {
        let rows: &[&[&str]] = &[&["科", "普及"], &["科普", ""]];
        assert_eq!(matches("kp", rows), [false, true]);
        assert_eq!(matches("科普", rows), [false, true]);
        assert_eq!(matches("kepu", rows), [false, true]);
    }
}
