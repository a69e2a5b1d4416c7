//! The table of every figure of a report (数据一览): its rows filtered by a search and sorted by
//! a column, for the viewer's table and its CSV export, which lists the same rows.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::document::dataset::{Dataset, FigureRef};
use crate::search::RowFilter;

/// A column of the table, in the order shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Column {
    /// What the figure counts.
    Label,
    /// The value as written; sorted by base value.
    Value,
    /// The base value; sorted by itself.
    BaseValue,
    /// more_than, over, nearly, about, or nothing.
    Qualifier,
    /// A result, a target or an estimate.
    Status,
    /// The year or period.
    Period,
    /// The chapter, by number; the report's order within it.
    #[default]
    Chapter,
    /// The initiative's title.
    Initiative,
}

impl Column {
    /// Every column, in the order shown.
    pub const ALL: [Self; 8] = [
        Self::Label,
        Self::Value,
        Self::BaseValue,
        Self::Qualifier,
        Self::Status,
        Self::Period,
        Self::Chapter,
        Self::Initiative,
    ];
}

/// How the table is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sort {
    /// The column sorted by.
    pub column: Column,
    /// Largest (or last) first.
    pub descending: bool,
}

impl Sort {
    /// The sort after a click on `column`'s header: the other direction of the same column, or
    /// ascending by the new one.
    pub fn clicked(self, column: Column) -> Self {
        Self {
            column,
            descending: self.column == column && !self.descending,
        }
    }
}

/// The figures whose label, value, period, chapter or initiative holds `query` (matched as the
/// whole-report search matches: blind to case, script, white space and digit grouping, and by
/// pinyin for a query of letters; all of them for an empty query), sorted; ties keep the
/// report's order.
pub fn rows(dataset: &Dataset, query: &str, sort: Sort) -> Vec<FigureRef> {
    let every = dataset.figures().map(|(place, _)| place);
    let mut filter = RowFilter::new(query);
    let mut rows: Vec<FigureRef> = if filter.is_blank() {
        every.collect()
    } else {
        let places: Vec<FigureRef> = every.collect();
        for &place in &places {
            push_row(&mut filter, dataset, place);
        }
        places
            .into_iter()
            .zip(filter.matches())
            .filter_map(|(place, matched)| matched.then_some(place))
            .collect()
    };
    rows.sort_by(|&a, &b| {
        let order = compare(dataset, sort.column, a, b);
        if sort.descending {
            order.reverse()
        } else {
            order
        }
    });
    rows
}

/// Hands `filter` everything a row is found by.
fn push_row(filter: &mut RowFilter, dataset: &Dataset, place: FigureRef) {
    let figure = dataset.figure(place);
    let chapter = dataset.chapter_at(place);
    filter.push(&[
        figure.label.as_str(),
        figure.label_en.as_deref().unwrap_or_default(),
        &figure.written(),
        figure.period.as_deref().unwrap_or_default(),
        &chapter.name,
        &dataset.initiative_at(place).title,
    ]);
}

/// A figure with where it comes from, to paste into another document:
/// 11.7%（2018 年，具备科学素质的公民比例；第 4 章 科普）, or in English
/// 11.7% (2018, Citizens with basic scientific literacy; Chapter 4 Outreach).
pub fn citation(dataset: &Dataset, place: FigureRef, english: bool) -> String {
    let figure = dataset.figure(place);
    let chapter = dataset.chapter_at(place);
    let or_chinese = |english_text: Option<&String>, chinese: &str| {
        english_text
            .filter(|t| !t.trim().is_empty())
            .map_or(chinese.to_owned(), Clone::clone)
    };
    if english {
        let label = or_chinese(figure.label_en.as_ref(), &figure.label);
        let name = or_chinese(chapter.name_en.as_ref(), &chapter.name);
        let period =
            crate::report::chart_text::figure_period(crate::report::lang::Lang::En, figure)
                .map_or(String::new(), |p| format!("{p}, "));
        let value = dataset.quantity(place).english_of(&figure.label);
        format!(
            "{value} ({period}{label}; Chapter {} {name})",
            chapter.number
        )
    } else {
        let period = figure.period.as_ref().map_or(String::new(), |p| {
            if p.chars().all(|c| c.is_ascii_digit()) {
                format!("{p} 年，")
            } else {
                format!("{p}，")
            }
        });
        format!(
            "{}（{period}{}；第 {} 章 {}）",
            figure.written(),
            figure.label,
            chapter.number,
            chapter.name
        )
    }
}

fn compare(dataset: &Dataset, column: Column, a: FigureRef, b: FigureRef) -> Ordering {
    let (fa, fb) = (dataset.figure(a), dataset.figure(b));
    let (qa, qb) = (dataset.quantity(a), dataset.quantity(b));
    let in_report =
        || (a.chapter, a.initiative, a.figure).cmp(&(b.chapter, b.initiative, b.figure));
    match column {
        Column::Label => fa.label.cmp(&fb.label),
        // Within a unit, units grouped: 6.2% never stands between 5个 and 7个.
        Column::Value | Column::BaseValue => (qa.base_unit.as_str(), qa.is_percent())
            .cmp(&(qb.base_unit.as_str(), qb.is_percent()))
            .then_with(|| qa.base_value.total_cmp(&qb.base_value)),
        Column::Status => status_rank(fa.status).cmp(&status_rank(fb.status)),
        Column::Qualifier => qa.qualifier_keyword().cmp(&qb.qualifier_keyword()),
        Column::Period => fa.period.cmp(&fb.period),
        Column::Chapter => Ordering::Equal,
        Column::Initiative => {
            let (ia, ib) = (dataset.initiative_at(a), dataset.initiative_at(b));
            ia.title.cmp(&ib.title)
        }
    }
    .then_with(in_report)
}

/// Results first, then estimates, then targets.
fn status_rank(status: crate::report::model::Status) -> u8 {
    use crate::report::model::Status;
    match status {
        Status::Result => 0,
        Status::Estimate => 1,
        Status::Target => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_by_value_groups_units_and_sorts_within_each() {
        let text = r#"(format_version: 2, title: "单位", chapters: [(id: "c", number: 1, name: "单位",
            headline: "三个单位", initiatives: [(id: "i", title: "举措",
            text: "建成**7**个，增长**6.2**%，新建**5**个，投资**3**亿元，增长**9.1**%。",
            figures: [
                (id: "a", label: "甲", value: 7, unit: "个"),
                (id: "b", label: "乙", value: 6.2, unit: "%"),
                (id: "c", label: "丙", value: 5, unit: "个"),
                (id: "d", label: "丁", value: 3, unit: "亿元"),
                (id: "e", label: "戊", value: 9.1, unit: "%"),
            ])])])"#;
        let dataset = crate::document::load::load_str(
            text,
            crate::document::dataset::Origin::File("units.ron".into()),
        )
        .expect("loads");
        let sort = Sort {
            column: Column::Value,
            descending: false,
        };
        let sorted = ids(&dataset, &rows(&dataset, "", sort));
        let units: Vec<String> = rows(&dataset, "", sort)
            .iter()
            .map(|&p| dataset.quantity(p).base_unit.clone())
            .collect();
        // Each unit's figures stand together, and in order within it.
        let mut seen: Vec<&String> = Vec::new();
        for unit in &units {
            if seen.last() != Some(&unit) {
                assert!(!seen.contains(&unit), "{unit} split: {units:?}");
                seen.push(unit);
            }
        }
        let at = |id: &str| sorted.iter().position(|s| s == id).expect(id);
        assert!(at("c") < at("a"), "5个 before 7个: {sorted:?}");
        assert!(at("b") < at("e"), "6.2% before 9.1%: {sorted:?}");
    }

    fn ids(dataset: &Dataset, rows: &[FigureRef]) -> Vec<String> {
        rows.iter()
            .map(|&place| dataset.figure(place).id.clone())
            .collect()
    }

    #[test]
    fn every_figure_in_report_order_without_a_query() {
        let dataset = crate::document::load::embedded();
        let rows = rows(&dataset, "", Sort::default());
        let all: Vec<FigureRef> = dataset.figures().map(|(place, _)| place).collect();
        assert_eq!(rows, all);
    }

    #[test]
    fn a_query_filters_blind_to_script_and_spaces() {
        let dataset = crate::document::load::embedded();
        let simplified = ids(&dataset, &rows(&dataset, "科学素质", Sort::default()));
        assert!(
            simplified.contains(&"literacy-2018".to_owned()),
            "{simplified:?}"
        );
        assert_eq!(
            simplified,
            ids(&dataset, &rows(&dataset, "科學 素質", Sort::default()))
        );
        // The value as written, and the English label.
        assert_eq!(
            ids(&dataset, &rows(&dataset, "2,508项", Sort::default())),
            ["patents"]
        );
        assert_eq!(
            ids(
                &dataset,
                &rows(&dataset, "PATENT applications", Sort::default())
            ),
            ["patents"]
        );
        assert!(rows(&dataset, "没有这个词", Sort::default()).is_empty());
    }

    #[test]
    fn pinyin_filters_as_the_characters_do() {
        let dataset = crate::document::load::embedded();
        let by_characters = rows(&dataset, "科普", Sort::default());
        // Every figure whose label, chapter or initiative holds 科普 is listed…
        let holds = |place: FigureRef, text: &str| {
            dataset.figure(place).label.contains(text)
                || dataset.chapter_at(place).name.contains(text)
                || dataset.initiative_at(place).title.contains(text)
        };
        let expected: Vec<FigureRef> = dataset
            .figures()
            .map(|(place, _)| place)
            .filter(|&place| holds(place, "科普"))
            .collect();
        assert!(expected.len() > 3, "{expected:?}");
        assert_eq!(by_characters, expected);
        // …and found by its pinyin the same way, in full or by initials.
        for query in ["kp", "kepu", "KePu", "ke pu"] {
            let by_pinyin = rows(&dataset, query, Sort::default());
            assert!(
                expected.iter().all(|place| by_pinyin.contains(place)),
                "{query}: {:?}",
                ids(&dataset, &by_pinyin)
            );
            assert!(by_pinyin.len() < dataset.figures().count(), "{query}");
        }
        assert_eq!(
            rows(&dataset, "kepu", Sort::default()),
            by_characters,
            "nothing else reads kepu"
        );
        // One syllable of three letters or more: 申请专利 2,508项.
        let by_syllable = ids(&dataset, &rows(&dataset, "xiang", Sort::default()));
        assert!(
            by_syllable.contains(&"patents".to_owned()),
            "{by_syllable:?}"
        );
        assert_eq!(
            ids(&dataset, &rows(&dataset, "yuanshi", Sort::default())),
            ids(&dataset, &rows(&dataset, "院士", Sort::default()))
        );
    }

    #[test]
    fn digit_grouping_does_not_count() {
        let dataset = crate::document::load::embedded();
        // The value is written 2,508项 in the table, 2508 in the dataset.
        for query in ["2,508项", "2508项", "2，508", "２５０８"] {
            assert_eq!(
                ids(&dataset, &rows(&dataset, query, Sort::default())),
                ["patents"],
                "{query}"
            );
        }
        let grouped = rows(&dataset, "1,800", Sort::default());
        assert!(!grouped.is_empty());
        assert_eq!(grouped, rows(&dataset, "1800", Sort::default()));
    }

    #[test]
    fn a_citation_says_where_the_figure_comes_from() {
        let dataset = crate::document::load::embedded();
        let (place, _) = dataset.figure_by_id("literacy-2018").expect("a figure");
        assert_eq!(
            citation(&dataset, place, false),
            "11.7%（2018 年，具备科学素质的公民比例；第 4 章 科普）"
        );
        assert_eq!(
            citation(&dataset, place, true),
            "11.7% (2018, Citizens with basic scientific literacy; Chapter 4 Outreach)"
        );
    }

    #[test]
    fn sorting_by_value_compares_base_values_both_ways() {
        let dataset = crate::document::load::embedded();
        let sort = Sort::default().clicked(Column::Value);
        let ascending = rows(&dataset, "", sort);
        // Ascending within each unit (units are grouped, not mixed).
        let values: Vec<(String, f64)> = ascending
            .iter()
            .map(|&p| {
                let q = dataset.quantity(p);
                (q.base_unit.clone(), q.base_value)
            })
            .collect();
        assert!(
            values
                .windows(2)
                .all(|w| w[0].0 != w[1].0 || w[0].1 <= w[1].1),
            "{values:?}"
        );
        let descending = rows(&dataset, "", sort.clicked(Column::Value));
        assert_eq!(descending.first(), ascending.last());
        assert!(sort.clicked(Column::Value).descending);
        assert!(!sort.clicked(Column::Label).descending);
    }
}
