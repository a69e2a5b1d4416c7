//! A table of indicators (a Word table in a statistics bulletin: 指标 | 单位 | 绝对数 | 比上年增长（%）)
//! read as the sentences it stands for, so that its numbers become figures with their units and
//! labels: 地区生产总值2356亿元，比上年增长6.1%. A number whose unit the table does not give
//! is left as it is and said.

use crate::report::diagnostic::Text;
use crate::report::markup;

/// Headers that name no measure of their own (the value column of an indicator table).
const GENERIC: &[&str] = &[
    "绝对数",
    "絕對數",
    "数值",
    "數值",
    "数量",
    "數量",
    "总量",
    "總量",
    "绝对值",
    "絕對值",
    "本年",
    "本期",
    "实际",
    "實際",
    "合计",
    "合計",
    "数据",
    "數據",
];

/// Headers of a column that holds each row's unit.
const UNIT_HEADERS: &[&str] = &["单位", "單位", "计量单位", "計量單位"];

/// Whether a short line names the table after it: 表1 主要指标, 2023年主要经济指标表 (not a
/// heading that only has 表 in a word, 人大代表建议办理).
pub(crate) fn names_a_table(line: &str) -> bool {
    let text = line.replace("**", "");
    let text = text.trim();
    text.chars().count() <= 40
        && (text.starts_with('表') || text.starts_with("附表") || text.ends_with('表'))
        && !text.ends_with(['。', '；', '：'])
}

/// A table as one paragraph: its caption, then each row as a sentence, rows joined by ；.
/// The notes say which numbers were left without a unit.
/// The name of a table no line names: 第3张表格, or 第3張表格 when its cells are traditional.
pub(crate) fn numbered_caption(number: usize, rows: &[Vec<String>]) -> String {
    use crate::report::script_fold::HanScript;
    match HanScript::of(rows.iter().flatten().map(String::as_str)) {
        HanScript::Traditional => format!("第{number}張表格"),
        HanScript::Simplified => format!("第{number}张表格"),
    }
}

pub(crate) fn paragraph(rows: &[Vec<String>], caption: &str) -> (String, Vec<Text>) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .filter(|r: &Vec<String>| r.iter().any(|c| !c.is_empty()))
        .collect();
    let has_header = rows
        .first()
        .is_some_and(|r| r.iter().all(|c| markup::mark_number(c).is_none()) && rows.len() > 1);
    let (header, data) = if has_header {
        (rows[0].clone(), &rows[1..])
    } else {
        (Vec::new(), &rows[..])
    };
    let columns: Vec<(String, String)> = header.iter().map(|h| header_unit(h)).collect();
    let unit_column = header.iter().position(|h| UNIT_HEADERS.contains(&h.trim()));
    let mut notes = Vec::new();
    let sentences: Vec<String> = data
        .iter()
        .map(|row| row_sentence(row, &columns, unit_column, &mut notes))
        .filter(|s| !s.is_empty())
        .collect();
    (format!("{caption}：{}。", sentences.join("；")), notes)
}

/// A header without its unit in brackets, and the unit (比上年增长（%） → 比上年增长, %).
fn header_unit(header: &str) -> (String, String) {
    let header = header.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = header.strip_suffix(close)
            && let Some(at) = inner.rfind(open)
        {
            let unit = inner[at + open.len_utf8()..].trim();
            return (inner[..at].trim().to_owned(), unit.replace('％', "%"));
        }
    }
    (header.to_owned(), String::new())
}

/// One row: its label, then each cell with its column's name and unit.
fn row_sentence(
    row: &[String],
    columns: &[(String, String)],
    unit_column: Option<usize>,
    notes: &mut Vec<Text>,
) -> String {
    let Some((label, cells)) = row.split_first() else {
        return String::new();
    };
    let row_unit = unit_column
        .and_then(|c| row.get(c))
        .map_or("", |u| u.trim());
    let mut parts: Vec<String> = Vec::new();
    for (k, cell) in cells.iter().enumerate() {
        let column = k + 1;
        let cell = cell.trim();
        if Some(column) == unit_column || cell.is_empty() || matches!(cell, "—" | "-" | "－" | "…")
        {
            continue;
        }
        let (name, column_unit) = columns.get(column).cloned().unwrap_or_default();
        let name = if GENERIC.contains(&name.as_str()) {
            String::new()
        } else {
            name
        };
        let number = markup::mark_number(cell);
        let unit = match number {
            Some((_, true)) => "",
            Some(_) if !column_unit.is_empty() => column_unit.as_str(),
            Some(_) => row_unit,
            None => "",
        };
        if number.is_some_and(|(_, percent)| !percent) && unit.is_empty() {
            let shown = [label.trim(), name.as_str(), cell]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            notes.push(Text::new(
                format!("table cell 「{shown}」 has no unit, so it is no figure"),
                format!("表格单元格「{shown}」没有单位，没有读成数据"),
            ));
        }
        // The row's label goes before its first value, so that the figure is named by it; a
        // colon keeps a label or a name that ends in digits (2022) from running into the value.
        let lead = if parts.is_empty() { label.trim() } else { "" };
        let named = format!("{lead}{name}");
        let colon = if named.ends_with(super::numbers::is_digit) {
            "："
        } else {
            ""
        };
        parts.push(format!("{named}{colon}{cell}{unit}"));
    }
    if parts.is_empty() {
        return label.trim().to_owned();
    }
    parts.join("，")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(table: &[&[&str]]) -> Vec<Vec<String>> {
        table
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect()
    }

    #[test]
    fn an_indicator_table_reads_as_sentences() {
        let table = rows(&[
            &["指标", "单位", "绝对数", "比上年增长（%）"],
            &["地区生产总值", "亿元", "2356", "6.1"],
            &["常住人口", "万人", "512.3", "—"],
            &["粮食产量", "", "63.2", "1.8"],
        ]);
        let (text, notes) = paragraph(&table, "表1 主要指标");
        assert_eq!(
            text,
            "表1 主要指标：地区生产总值2356亿元，比上年增长6.1%；常住人口512.3万人；粮食产量63.2，比上年增长1.8%。"
        );
        assert_eq!(notes.len(), 1);
        assert!(notes[0].en.contains("「粮食产量 63.2」"), "{}", notes[0].en);
    }

    #[test]
    fn a_label_ending_in_digits_never_runs_into_its_value() {
        let table = rows(&[&["年份", "数值（亿元）"], &["2022", "186.5"]]);
        let (text, _) = paragraph(&table, "表3");
        assert_eq!(text, "表3：2022：186.5亿元。");
        assert!(names_a_table("表1 主要指标") && names_a_table("主要经济指标一览表"));
        assert!(!names_a_table("三、人大代表建议办理"));
    }

    #[test]
    fn a_table_with_units_in_its_headers_and_cells() {
        let table = rows(&[
            &["项目", "2022年（亿元）", "2023年（亿元）"],
            &["财政收入", "186.5", "200.1"],
            &["其中：税收", "150亿元", "160亿元"],
        ]);
        let (text, notes) = paragraph(&table, "表2");
        assert_eq!(
            text,
            "表2：财政收入2022年186.5亿元，2023年200.1亿元；其中：税收2022年150亿元，2023年160亿元。"
        );
        assert!(notes.is_empty());
    }
}
