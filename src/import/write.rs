//! The imported report written as its author will read and edit it: laid out like
//! `data/chengdu-cast-review.ron`, one figure and one chart a line, every guessed label
//! commented.

use std::fmt::Write as _;

use crate::report::model::{Chapter, Chart, Figure, Initiative, Report};
use crate::report::quantity;

/// The comment after every figure whose label was guessed.
pub(crate) const GUESSED_COMMENT: &str = "// label guessed; confirm (数据名称是猜的，请确认)";

/// The report as RON text; `source` names the brochure in the header comment.
pub(crate) fn ron(report: &Report, source: &str) -> String {
    let mut out = String::with_capacity(estimated_len(report));
    header(&mut out, report, source);
    out.push_str("(\n");
    field(
        &mut out,
        1,
        "format_version",
        &report.format_version.to_string(),
    );
    field(&mut out, 1, "title", &string(&report.title));
    for (name, value) in [
        ("subtitle", &report.subtitle),
        ("motto", &report.motto),
        ("source", &report.source),
        ("publisher", &report.publisher),
        ("date", &report.date),
        ("speaker", &report.speaker),
        ("salutation", &report.salutation),
    ] {
        if !value.is_empty() {
            field(&mut out, 1, name, &string(value));
        }
    }
    if let Some(year) = report.year {
        field(&mut out, 1, "year", &format!("Some({year})"));
    }
    out.push_str("    chapters: [\n");
    for chapter in &report.chapters {
        write_chapter(&mut out, chapter);
    }
    out.push_str("    ],\n)\n");
    out
}

/// Room for the texts and the fields around them, so that a large report is written without
/// growing its buffer again and again.
fn estimated_len(report: &Report) -> usize {
    let texts: usize = report
        .chapters
        .iter()
        .flat_map(|c| &c.initiatives)
        .map(|i| i.text.len() + i.title.len() + 200 * (i.figures.len() + 1))
        .sum();
    texts + 4096
}

fn header(out: &mut String, report: &Report, source: &str) {
    // A file name could hold a line break, which would end the comment early.
    let one_line = |text: &str| -> String {
        text.chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect()
    };
    let (title, source) = (one_line(&report.title), one_line(source));
    let _ = write!(
        out,
        "// {title}: imported by `huimou import` from {source}.\n\
         // Every label marked `label_guessed: true` was guessed from the text: confirm or correct\n\
         // it, then delete `label_guessed: true`; `huimou check` lists those still to confirm.\n\
         // 由 `huimou import` 从 {source} 导入。标有 `label_guessed: true` 的数据名称是从正文猜的：\n\
         // 请逐个确认或改正，然后删去 `label_guessed: true`；`huimou check` 会列出尚未确认的。\n\
         // The format is described in data/README.md (格式说明见 data/README.md).\n"
    );
}

fn write_chapter(out: &mut String, chapter: &Chapter) {
    out.push_str("        (\n");
    field(out, 3, "id", &string(&chapter.id));
    field(out, 3, "number", &chapter.number.to_string());
    field(out, 3, "name", &string(&chapter.name));
    field(out, 3, "headline", &string(&chapter.headline));
    out.push_str("            initiatives: [\n");
    for initiative in &chapter.initiatives {
        write_initiative(out, initiative);
    }
    out.push_str("            ],\n");
    if !chapter.charts.is_empty() {
        out.push_str("            charts: [\n");
        for chart in &chapter.charts {
            let _ = writeln!(out, "                {},", chart_line(chart));
        }
        out.push_str("            ],\n");
    }
    if !chapter.key_figures.is_empty() {
        field(out, 3, "key_figures", &id_list(&chapter.key_figures));
    }
    out.push_str("        ),\n");
}

fn write_initiative(out: &mut String, initiative: &Initiative) {
    out.push_str("                (\n");
    field(out, 5, "id", &string(&initiative.id));
    field(out, 5, "title", &string(&initiative.title));
    field(out, 5, "text", &string(&initiative.text));
    if !initiative.figures.is_empty() {
        out.push_str("                    figures: [\n");
        for figure in &initiative.figures {
            let comment = if figure.label_guessed {
                format!(" {GUESSED_COMMENT}")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "                        {},{comment}",
                figure_line(figure)
            );
        }
        out.push_str("                    ],\n");
    }
    out.push_str("                ),\n");
}

/// A figure on one line, its fields in the order data/README.md lists them.
fn figure_line(figure: &Figure) -> String {
    let mut line = format!(
        "(id: {}, label: {}",
        string(&figure.id),
        string(&figure.label)
    );
    if figure.label_guessed {
        line.push_str(", label_guessed: true");
    }
    if let Some(prefix) = &figure.prefix {
        let _ = write!(line, ", prefix: Some({})", string(prefix));
    }
    let _ = write!(line, ", value: {}", quantity::format_written(figure.value));
    if let Some(to) = figure.value_to {
        let _ = write!(line, ", value_to: Some({})", quantity::format_written(to));
    }
    if let Some(numeral) = &figure.numeral {
        let _ = write!(line, ", numeral: Some({})", string(numeral));
    }
    let _ = write!(line, ", unit: {}", string(&figure.unit));
    if figure.stressed {
        line.push_str(", stressed: true");
    }
    if !figure.status.is_result() {
        let _ = write!(line, ", status: {:?}", figure.status);
    }
    if let Some(period) = &figure.period {
        let _ = write!(line, ", period: Some({})", string(period));
    }
    line.push(')');
    line
}

fn chart_line(chart: &Chart) -> String {
    format!(
        "(title: {}, kind: {:?}, figures: {})",
        string(&chart.title),
        chart.kind,
        id_list(&chart.figures)
    )
}

fn id_list(ids: &[String]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| string(id)).collect();
    format!("[{}]", quoted.join(", "))
}

fn field(out: &mut String, depth: usize, name: &str, value: &str) {
    let _ = writeln!(out, "{}{name}: {value},", "    ".repeat(depth));
}

/// A string as RON reads it: quoted, with quotes, backslashes and control characters escaped
/// and everything else, Chinese above all, kept as it is (`ron::to_string` also escapes what
/// it does not deem printable, and asking costs a fifth of a large import).
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_read_back_as_written() {
        for text in [
            "阅读“总量”",
            "a \"q\" \\ b",
            "两行\n\t\r",
            "\u{1b}[31m",
            "é\u{200b}",
        ] {
            let written = string(text);
            let read: String = ron::from_str(&written).expect("RON reads it");
            assert_eq!(read, text, "{written}");
        }
        assert_eq!(string("阅读总量"), "\"阅读总量\"");
    }
}
