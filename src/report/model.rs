//! The report as data authors write it: the RON dataset format.
//!
//! These types are exactly what a dataset file holds; everything derived from them (quantities,
//! text segments, lookups) lives in [`crate::document::dataset`].

use serde::{Deserialize, Serialize};

/// The format version this build of Huimou reads and writes.
pub const FORMAT_VERSION: u32 = 3;

/// The oldest format version this build still reads: version 1 had no cover fields (date,
/// publisher …) and no `stressed` or `status` on figures, version 2 no ranges (`value_to`) and
/// no `numeral`; all default.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// The largest file Huimou reads (a dataset, a published report); anything larger is surely
/// not a report.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The most figures a chapter leads with on the overview and its slide; `key_figures` may name
/// more, and `check` warns that only these are shown.
pub const KEY_FIGURES: usize = 3;

/// Where an initiative stands in the report: its chapter, and its position in the chapter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InitiativeRef {
    /// Index of the chapter.
    pub chapter: usize,
    /// Index of the initiative in its chapter.
    pub initiative: usize,
}

/// A work-review report: its cover and its chapters in reading order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Which version of the dataset format this file is written in.
    pub format_version: u32,
    /// The report's title, as on its cover.
    pub title: String,
    /// The title in English, for the English interface.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// A secondary line under the title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subtitle: String,
    /// A slogan the report carries.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub motto: String,
    /// Where the text comes from, for the About box and data authors.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Who publishes the report (成都市科学技术协会, 国务院), for a shelf of reports by year.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// The year the report reviews or was given in, where the cover says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    /// The cover's date line as written (——2018年3月5日在第十三届全国人民代表大会第一次会议上).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Who gave the report, as the cover names them (国务院总理 李克强).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub speaker: String,
    /// The salutation a speech opens with (各位代表：).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub salutation: String,
    /// The chapters, numbered 1..n in this order.
    pub chapters: Vec<Chapter>,
}

/// One chapter of a report, shown as one panel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    /// A stable identifier, unique in the report.
    pub id: String,
    /// The chapter's number as printed (1-based, in order).
    pub number: u32,
    /// The chapter's short name, e.g. 思想.
    pub name: String,
    /// The name in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The sentence that sums up the chapter.
    pub headline: String,
    /// The headline in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline_en: Option<String>,
    /// What was done, each with a title and a paragraph.
    pub initiatives: Vec<Initiative>,
    /// Charts over the chapter's figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<Chart>,
    /// The figures the overview and the slides lead with, by id, in order; when left out
    /// Huimou chooses (`Dataset::key_figures`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_figures: Vec<String>,
}

/// One initiative: a bold title and a paragraph with figures in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// A stable identifier, unique in the report.
    pub id: String,
    /// The initiative's bold title.
    pub title: String,
    /// The title in English (the text itself stays Chinese).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// The paragraph exactly as in the source, with each figure's number marked `**…**`.
    pub text: String,
    /// The figures the text shows, in the order their marks appear.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

/// A number the report states, with what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// A stable identifier, unique in the report; charts name figures by it.
    pub id: String,
    /// What is counted, in a few words (e.g. 院士(专家)创新工作站).
    pub label: String,
    /// The label in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// Whether `huimou import` guessed the label from the text: `huimou check` warns until the
    /// author confirms it by deleting the flag.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub label_guessed: bool,
    /// A word written before the number, such as 超过 or 近.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// The number as written in the text (the lower end of a range).
    pub value: f64,
    /// The upper end of a range (3至5个: value 3, value_to 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_to: Option<f64>,
    /// The number as the text writes it where digits alone would not (1万6千, 3至5, 3%-5):
    /// shown as written everywhere, and read as `value` (and `value_to`) in the unit's terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numeral: Option<String>,
    /// The unit as written after the number, e.g. 余万元, 亿次, %.
    pub unit: String,
    /// Whether the source stressed the number (set in bold); published reports seldom do, and
    /// key figures prefer the stressed ones.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stressed: bool,
    /// Whether the number is a result, or a target or an estimate (力争, 预期目标, 预计): a
    /// target is never shown as achieved.
    #[serde(default, skip_serializing_if = "Status::is_result")]
    pub status: Status,
    /// The year or period the figure refers to (2018, 八大以来), where the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The period in English ("since the 8th Congress"); a year needs none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_en: Option<String>,
    /// The measure this figure is one reading of across a shelf of reports, when the author
    /// settles it (`series: "urban-jobs"`); otherwise the shelf joins figures by their labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
}

/// What a figure states: what was done, or what is aimed at or expected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Achieved: the report says it happened.
    #[default]
    Result,
    /// Aimed at (力争, 目标, 预期目标, 计划).
    Target,
    /// Expected, not yet counted (预计).
    Estimate,
}

impl Status {
    /// Whether this is a result, the default a dataset leaves out.
    pub fn is_result(&self) -> bool {
        *self == Self::Result
    }

    /// A stable keyword for scripts (CSV and JSON output): result, target, estimate.
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Result => "result",
            Self::Target => "target",
            Self::Estimate => "estimate",
        }
    }
}

/// A chart over figures of one base unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// The chart's title.
    pub title: String,
    /// The title in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// How the figures are drawn.
    pub kind: ChartKind,
    /// The figures shown, by id, in the order drawn.
    pub figures: Vec<String>,
}

/// How a chart draws its figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChartKind {
    /// One bar per figure, labelled with the figure's label.
    Bars,
    /// Two figures, before and after (e.g. 2012 → 2018).
    Comparison,
    /// Two figures: a part and the whole it belongs to (e.g. 19 of 21).
    Progress,
}

impl Figure {
    /// The figure as its text writes it, in the report's own script and order of words, with
    /// thousands separators: 1,800余万元, 3.1萬多個, 超过1,000万余人次.
    pub fn written(&self) -> String {
        match self.numeral.as_deref().map(str::trim) {
            Some(numeral) if !numeral.is_empty() => {
                let prefix = self.prefix.as_deref().map(str::trim).unwrap_or_default();
                format!("{prefix}{numeral}{}", self.unit.trim())
            }
            _ => crate::report::quantity::written(self.prefix.as_deref(), self.value, &self.unit),
        }
    }
}

impl ChartKind {
    /// How many figures a chart of this kind needs, when the kind fixes it.
    pub fn required_figures(self) -> Option<usize> {
        match self {
            Self::Bars => None,
            Self::Comparison | Self::Progress => Some(2),
        }
    }
}

impl Report {
    /// All figures of the report with the chapter and initiative they belong to.
    pub fn figures(&self) -> impl Iterator<Item = (&Chapter, &Initiative, &Figure)> {
        self.chapters.iter().flat_map(|chapter| {
            chapter.initiatives.iter().flat_map(move |initiative| {
                initiative
                    .figures
                    .iter()
                    .map(move |figure| (chapter, initiative, figure))
            })
        })
    }

    /// The number of initiatives across all chapters.
    pub fn initiative_count(&self) -> usize {
        self.chapters.iter().map(|c| c.initiatives.len()).sum()
    }
}
