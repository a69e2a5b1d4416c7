//! Chinese quantities: units as written (余万元, 万余人次, 亿次, %) and their base values.
//!
//! A figure is written as an optional prefix (超过, 近), a number, and a unit made of
//! qualifiers (余, 多), magnitudes (万, 亿) and a counter (次, 人次, 元, …). This module turns
//! that into a base value in the counter's unit, and formats numbers back the way a Chinese
//! reader expects them (31.2亿元, 1,800万元, 6.7万人次).

use std::fmt;

/// Counters the source reports use; others are accepted with a warning.
pub const KNOWN_COUNTERS: &[&str] = &[
    "次", "人次", "项", "个", "名", "元", "篇", "场次", "台", "支", "人", "家", "条", "件", "%",
];

/// How exact a figure is, as its wording says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// 余 or 多 after the number: a little more than.
    MoreThan,
    /// 超过 or 逾 before the number: over.
    Over,
    /// 近 or 将近 before the number: nearly.
    Nearly,
    /// 约 before the number: about.
    About,
}

impl Qualifier {
    /// A stable keyword for scripts (CSV and JSON output).
    pub fn keyword(self) -> &'static str {
        match self {
            Self::MoreThan => "more_than",
            Self::Over => "over",
            Self::Nearly => "nearly",
            Self::About => "about",
        }
    }

    /// The Chinese word a reader expects for this qualifier.
    pub fn chinese(self) -> &'static str {
        match self {
            Self::MoreThan => "余",
            Self::Over => "超过",
            Self::Nearly => "近",
            Self::About => "约",
        }
    }

    /// Reads a word written before a number.
    pub fn from_prefix(prefix: &str) -> Option<Self> {
        match prefix.trim() {
            "超过" | "逾" | "超" => Some(Self::Over),
            "近" | "将近" | "接近" => Some(Self::Nearly),
            "约" | "大约" => Some(Self::About),
            _ => None,
        }
    }
}

/// A figure's value in its base unit, with the qualifier its wording gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The value in base units (1.396 亿次 → 139,600,000).
    pub base_value: f64,
    /// The counter without magnitude or qualifier (次, 元, %), possibly empty.
    pub base_unit: String,
    /// More than, nearly, … where the wording says so.
    pub qualifier: Option<Qualifier>,
    /// The power of ten the unit's magnitude characters stand for (万 → 4, 亿 → 8).
    pub magnitude: i32,
}

/// Why a unit or prefix could not be understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnitError {
    /// A prefix that is not a known qualifier word.
    UnknownPrefix(String),
    /// A percentage with a magnitude (万%), which means nothing.
    MagnitudeOnPercent(String),
    /// A counter made of digits or symbols, usually a typo.
    BadCounter(String),
    /// A value that its magnitude makes too large for any number (1e308 亿).
    OutOfRange(String),
}

impl fmt::Display for UnitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownPrefix(p) => write!(
                f,
                "「{p}」 is not a word Huimou understands before a number (use 超过, 逾, 近, 将近 or 约)"
            ),
            Self::MagnitudeOnPercent(u) => {
                write!(f, "unit 「{u}」 puts 万 or 亿 on a percentage")
            }
            Self::BadCounter(u) => write!(f, "unit 「{u}」 has digits or symbols in its counter"),
            Self::OutOfRange(u) => write!(
                f,
                "the value in unit 「{u}」 is too large to be counted (more than 10^308)"
            ),
        }
    }
}

impl std::error::Error for UnitError {}

impl Quantity {
    /// Derives the base value from a figure as written: prefix, number and unit.
    pub fn parse(prefix: Option<&str>, value: f64, unit: &str) -> Result<Self, UnitError> {
        let mut qualifier = match prefix.map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => Some(
                Qualifier::from_prefix(p).ok_or_else(|| UnitError::UnknownPrefix(p.to_owned()))?,
            ),
            None => None,
        };
        let unit_trimmed = unit.trim();
        let mut magnitude = 0;
        let mut rest = unit_trimmed;
        // Qualifier and magnitude characters come before the counter in either order
        // (余万元, 万余人次), so peel them off one at a time.
        while let Some(c) = rest.chars().next() {
            match c {
                '万' => magnitude += 4,
                '亿' => magnitude += 8,
                '余' | '多' => {
                    // A prefix such as 超过 already says "over"; it is the stronger word.
                    qualifier.get_or_insert(Qualifier::MoreThan);
                }
                ' ' | '\u{3000}' => {}
                _ => break,
            }
            rest = &rest[c.len_utf8()..];
        }
        let counter = match rest.trim() {
            "％" => "%",
            other => other,
        };
        if counter == "%" && magnitude != 0 {
            return Err(UnitError::MagnitudeOnPercent(unit_trimmed.to_owned()));
        }
        if counter != "%"
            && counter
                .chars()
                .any(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_control())
        {
            return Err(UnitError::BadCounter(unit_trimmed.to_owned()));
        }
        let base_value = shift_decimal(value, magnitude);
        if !base_value.is_finite() && value.is_finite() {
            return Err(UnitError::OutOfRange(unit_trimmed.to_owned()));
        }
        Ok(Self {
            // -0 is 0: nothing downstream should print a sign on nothing.
            base_value: base_value + 0.0,
            base_unit: counter.to_owned(),
            qualifier,
            magnitude,
        })
    }

    /// Whether the counter is one the source reports use.
    pub fn has_known_counter(&self) -> bool {
        self.base_unit.is_empty() || KNOWN_COUNTERS.contains(&self.base_unit.as_str())
    }

    /// Whether this is a percentage.
    pub fn is_percent(&self) -> bool {
        self.base_unit == "%"
    }

    /// The quantity as a reader expects it, with its qualifier: 超过1,000万人次, 1,800万余元.
    pub fn display(&self) -> String {
        let number = format_value(self.base_value, &self.base_unit);
        match self.qualifier {
            None => format!("{number}{}", self.base_unit),
            Some(Qualifier::MoreThan) => format!("{number}余{}", self.base_unit),
            Some(q) => format!("{}{number}{}", q.chinese(), self.base_unit),
        }
    }
}

/// Multiplies by a power of ten exactly as decimal arithmetic would (1.396 × 10^8 = 139,600,000).
fn shift_decimal(value: f64, power: i32) -> f64 {
    if power == 0 || !value.is_finite() {
        return value;
    }
    // Going through the shortest decimal text avoids binary rounding noise (1.396e8 is exact).
    format!("{value}e{power}")
        .parse()
        .unwrap_or(value * 10f64.powi(power))
}

/// Formats a base value for display with 万 or 亿 where a Chinese reader expects them.
///
/// Percentages stay as they are (11.7); other values of at least 10,000 use 万, of at least
/// 100,000,000 use 亿: 18,000,000 → 1,800万, 67,000 → 6.7万, 3,120,000,000 → 31.2亿.
pub fn format_value(value: f64, base_unit: &str) -> String {
    if base_unit == "%" || !value.is_finite() {
        return format_plain(value);
    }
    let magnitude = value.abs();
    if magnitude >= 1e8 {
        format!("{}亿", format_plain(value / 1e8))
    } else if magnitude >= 1e4 {
        format!("{}万", format_plain(value / 1e4))
    } else {
        format_plain(value)
    }
}

/// Formats a number with thousands separators and at most four decimals, trailing zeros cut.
pub fn format_plain(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let fixed = format!("{:.4}", value.abs());
    let (int_part, frac_part) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac_part = frac_part.trim_end_matches('0');
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && (int_part != "0" || !frac_part.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac_part.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac_part}")
    }
}

/// Formats a base value with its unit: 31.2亿元, 6.7万人次, 11.7%.
pub fn format_quantity(value: f64, base_unit: &str) -> String {
    format!("{}{base_unit}", format_value(value, base_unit))
}

/// Formats a number as a data author writes it in a dataset: shortest exact form, no separators.
pub fn format_written(value: f64) -> String {
    // -0 and 0 are the same amount; + 0.0 turns the first into the second.
    format!("{}", value + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(prefix: Option<&str>, value: f64, unit: &str) -> Quantity {
        Quantity::parse(prefix, value, unit).expect("unit parses")
    }

    #[test]
    fn magnitudes_scale_exactly() {
        let reads = q(None, 1.396, "亿次");
        assert_eq!(reads.base_value, 139_600_000.0);
        assert_eq!(reads.base_unit, "次");
        assert_eq!(reads.qualifier, None);
        assert_eq!(reads.magnitude, 8);

        let funds = q(None, 31.2, "亿元");
        assert_eq!(funds.base_value, 3_120_000_000.0);
        assert_eq!(funds.base_unit, "元");

        let checks = q(None, 1.2, "万人次");
        assert_eq!(checks.base_value, 12_000.0);
        assert_eq!(checks.base_unit, "人次");
    }

    #[test]
    fn qualifier_before_or_after_magnitude() {
        let donation = q(None, 1800.0, "余万元");
        assert_eq!(donation.base_value, 18_000_000.0);
        assert_eq!(donation.base_unit, "元");
        assert_eq!(donation.qualifier, Some(Qualifier::MoreThan));

        let visitors = q(None, 6.7, "万余人次");
        assert_eq!(visitors.base_value, 67_000.0);
        assert_eq!(visitors.base_unit, "人次");
        assert_eq!(visitors.qualifier, Some(Qualifier::MoreThan));

        let many = q(None, 30.0, "多项");
        assert_eq!(many.qualifier, Some(Qualifier::MoreThan));
        assert_eq!(many.base_unit, "项");
    }

    #[test]
    fn prefixes() {
        let over = q(Some("超过"), 1000.0, "万余人次");
        assert_eq!(over.qualifier, Some(Qualifier::Over));
        assert_eq!(over.base_value, 10_000_000.0);
        let nearly = q(Some("近"), 18.5, "万人次");
        assert_eq!(nearly.qualifier, Some(Qualifier::Nearly));
        assert_eq!(nearly.base_value, 185_000.0);
        assert_eq!(q(Some("约"), 3.0, "个").qualifier, Some(Qualifier::About));
        assert_eq!(
            Quantity::parse(Some("大概"), 3.0, "个"),
            Err(UnitError::UnknownPrefix("大概".into()))
        );
    }

    #[test]
    fn every_counter_of_the_source() {
        for (unit, counter) in [
            ("余场次", "场次"),
            ("余篇", "篇"),
            ("余台", "台"),
            ("余支", "支"),
            ("余人", "人"),
            ("万余人", "人"),
            ("家", "家"),
            ("余条", "条"),
            ("件", "件"),
            ("名", "名"),
            ("项", "项"),
            ("个", "个"),
            ("万余次", "次"),
            ("万元", "元"),
        ] {
            let quantity = q(None, 2.0, unit);
            assert_eq!(quantity.base_unit, counter, "{unit}");
            assert!(quantity.has_known_counter(), "{unit}");
        }
        assert!(!q(None, 2.0, "吨").has_known_counter());
    }

    #[test]
    fn percentages() {
        let share = q(None, 11.7, "%");
        assert_eq!(share.base_value, 11.7);
        assert!(share.is_percent());
        assert!(q(None, 11.7, "％").is_percent());
        assert_eq!(
            Quantity::parse(None, 1.0, "万%"),
            Err(UnitError::MagnitudeOnPercent("万%".into()))
        );
    }

    #[test]
    fn bad_counters() {
        assert_eq!(
            Quantity::parse(None, 1.0, "个2"),
            Err(UnitError::BadCounter("个2".into()))
        );
    }

    #[test]
    fn a_magnitude_that_overflows_is_refused_and_minus_zero_is_zero() {
        assert!(matches!(
            Quantity::parse(None, 1e308, "亿次"),
            Err(UnitError::OutOfRange(_))
        ));
        let zero = Quantity::parse(None, -0.0, "万元").expect("zero");
        assert!(zero.base_value.is_sign_positive());
        assert_eq!(format_written(-0.0), "0");
    }

    #[test]
    fn formats_like_a_chinese_reader_expects() {
        assert_eq!(format_quantity(3_120_000_000.0, "元"), "31.2亿元");
        assert_eq!(format_quantity(18_000_000.0, "元"), "1,800万元");
        assert_eq!(format_quantity(67_000.0, "人次"), "6.7万人次");
        assert_eq!(format_quantity(139_600_000.0, "次"), "1.396亿次");
        assert_eq!(format_quantity(2508.0, "项"), "2,508项");
        assert_eq!(format_quantity(179.0, "个"), "179个");
        assert_eq!(format_quantity(11.7, "%"), "11.7%");
        assert_eq!(format_plain(-1234.5), "-1,234.5");
        assert_eq!(format_plain(0.0), "0");
    }

    #[test]
    fn display_keeps_the_qualifier() {
        assert_eq!(
            q(Some("超过"), 1000.0, "万余人次").display(),
            "超过1,000万人次"
        );
        assert_eq!(q(None, 1800.0, "余万元").display(), "1,800万余元");
        assert_eq!(q(Some("近"), 18.5, "万人次").display(), "近18.5万人次");
        assert_eq!(q(None, 2090.0, "余场次").display(), "2,090余场次");
    }

    #[test]
    fn written_form_is_shortest() {
        assert_eq!(format_written(1800.0), "1800");
        assert_eq!(format_written(1.396), "1.396");
    }
}
