//! What an import read and what it left out, said after every import so that nothing is lost
//! in silence: counts, quantities skipped and why, and warnings about a shape that went wrong
//! (no figures, a title over 60 characters, one initiative holding most of the text).

use super::numbers::Skipped;
use crate::report::diagnostic::Text;
use crate::report::lang::Lang;
use crate::report::model::{Report, Status};

/// A title longer than this, in characters, is more likely a paragraph read as a heading.
const LONG_TITLE: usize = 60;

/// Something that looks like a quantity but was not made a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    /// The initiative it stands in.
    pub initiative: String,
    /// The words as written (1万6千多户, 三分之二).
    pub written: String,
    /// Why, in both languages (mixed numeral, fraction, range).
    pub why: Text,
}

/// The summary of one import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub chapters: usize,
    pub initiatives: usize,
    pub figures: usize,
    /// Figures the source set in bold.
    pub stressed: usize,
    /// Figures whose label was guessed, for the author to confirm.
    pub guessed_labels: usize,
    /// Figures marked as a target or an estimate.
    pub targets: usize,
    pub skipped: Vec<Skip>,
    /// What may have gone wrong with the shape.
    pub warnings: Vec<Text>,
}

impl Summary {
    pub(crate) fn of(report: &Report, skipped: Vec<(String, Skipped)>, notes: Vec<Text>) -> Self {
        let figures: Vec<_> = report.figures().map(|(_, _, f)| f).collect();
        let mut summary = Self {
            chapters: report.chapters.len(),
            initiatives: report.initiative_count(),
            figures: figures.len(),
            stressed: figures.iter().filter(|f| f.stressed).count(),
            guessed_labels: figures.iter().filter(|f| f.label_guessed).count(),
            targets: figures
                .iter()
                .filter(|f| f.status != Status::Result)
                .count(),
            skipped: skipped
                .into_iter()
                .map(|(initiative, s)| {
                    let (en, zh) = s.why.words();
                    Skip {
                        initiative,
                        written: s.written,
                        why: Text::new(en, zh),
                    }
                })
                .collect(),
            warnings: Vec::new(),
        };
        summary.warnings = notes;
        summary.warnings.extend(warnings(report, summary.figures));
        summary
    }

    /// The summary as lines for a terminal or the window, in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = vec![match lang {
            Lang::En => format!(
                "{} chapters, {} initiatives, {} figures ({} set in bold in the source, {} targets or estimates); {} labels guessed",
                self.chapters,
                self.initiatives,
                self.figures,
                self.stressed,
                self.targets,
                self.guessed_labels
            ),
            Lang::Zh => format!(
                "{} 章，{} 项举措，{} 个数据（原文加粗的 {} 个，目标或预计 {} 个）；{} 个数据名称是猜的",
                self.chapters,
                self.initiatives,
                self.figures,
                self.stressed,
                self.targets,
                self.guessed_labels
            ),
        }];
        if !self.skipped.is_empty() {
            lines.push(match lang {
                Lang::En => format!(
                    "{} quantities not read as figures (fill them in by hand if they matter):",
                    self.skipped.len()
                ),
                Lang::Zh => format!(
                    "{} 处数量没有读成数据（如需要，请手工补上）：",
                    self.skipped.len()
                ),
            });
            for skip in self.skipped.iter().take(20) {
                lines.push(format!(
                    "  「{}」 ({}) — {}",
                    skip.written,
                    skip.why.get(lang),
                    skip.initiative
                ));
            }
            if self.skipped.len() > 20 {
                lines.push(match lang {
                    Lang::En => format!("  … and {} more", self.skipped.len() - 20),
                    Lang::Zh => format!("  … 另有 {} 处", self.skipped.len() - 20),
                });
            }
        }
        let word = crate::report::diagnostic::Severity::Warning.word_in(lang);
        let colon = if lang == Lang::En { ": " } else { "：" };
        for warning in &self.warnings {
            lines.push(format!("{word}{colon}{}", warning.get(lang)));
        }
        lines
    }
}

/// Warnings about the shape an import found.
fn warnings(report: &Report, figures: usize) -> Vec<Text> {
    let mut warnings = Vec::new();
    if figures == 0 {
        warnings.push(Text::new(
            "no figure was found: no number with a unit (万元, 个, %) in the text",
            "没有找到任何数据：正文中没有带单位的数字（万元、个、% 等）",
        ));
    }
    let titles = std::iter::once(report.title.as_str()).chain(
        report
            .chapters
            .iter()
            .flat_map(|c| c.initiatives.iter().map(|i| i.title.as_str())),
    );
    for title in titles.filter(|t| t.chars().count() > LONG_TITLE) {
        let start: String = title.chars().take(20).collect();
        warnings.push(Text::new(
            format!(
                "the title 「{start}…」 is over {LONG_TITLE} characters: perhaps a paragraph was read as a heading"
            ),
            format!("标题「{start}…」超过 {LONG_TITLE} 个字：也许把一段正文当成了标题"),
        ));
    }
    let lengths: Vec<(usize, &str)> = report
        .chapters
        .iter()
        .flat_map(|c| &c.initiatives)
        .map(|i| (i.text.chars().count(), i.title.as_str()))
        .collect();
    let total: usize = lengths.iter().map(|(n, _)| n).sum();
    if let Some(&(longest, title)) = lengths.iter().max_by_key(|(n, _)| *n)
        && total >= 2000
        && longest * 2 > total
    {
        let share = longest * 100 / total;
        warnings.push(Text::new(
            format!(
                "one initiative, 「{title}」, holds {share}% of the text: its headings may not have been recognised"
            ),
            format!("一项举措「{title}」占了全文的 {share}%：也许没有认出其中的标题"),
        ));
    }
    warnings
}
