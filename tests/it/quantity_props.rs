//! Property tests of figures' quantities: what is parsed formats back to the same amount, and
//! what is formatted reads back as written.

use huimou::report::quantity::{self, Qualifier, Quantity};
use proptest::prelude::*;

/// Units as reports write them, with and without 万 and 亿.
const UNITS: &[&str] = &[
    "个",
    "项",
    "人次",
    "场次",
    "篇",
    "元",
    "万元",
    "亿元",
    "万人次",
    "亿次",
    "余人",
    "万余人次",
    "%",
];

/// A number as an author writes it: up to four decimals.
fn written_number() -> impl Strategy<Value = f64> {
    (0u64..10_000_000_000, 0u32..=4).prop_map(|(digits, decimals)| {
        format!("{}e-{decimals}", digits)
            .parse()
            .expect("a decimal number")
    })
}

/// Splits `31.2亿元` into the number and the rest.
fn split_formatted(text: &str) -> (f64, &str) {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let number = text[..end].replace(',', "");
    (number.parse().expect("a number first"), &text[end..])
}

proptest! {
    #[test]
    fn a_quantity_formats_to_the_same_amount(value in written_number(), unit in prop::sample::select(UNITS)) {
        // Percentages of a report are at most a hundred or so.
        let value = if unit == "%" { value % 1000.0 } else { value };
        let parsed = Quantity::parse(None, value, unit).expect("a known unit");
        let shown = quantity::format_quantity(
            parsed.base_value,
            &parsed.base_unit,
            huimou::report::script_fold::HanScript::Simplified,
        );
        let (number, rest) = split_formatted(&shown);
        let again = Quantity::parse(None, number, rest).expect("the shown unit reads back");
        prop_assert_eq!(&again.base_unit, &parsed.base_unit);
        // The display keeps four decimals of its 万 or 亿: at most 0.005% off.
        let tolerance = parsed.base_value.abs() * 1e-4 + 1e-4;
        prop_assert!(
            (again.base_value - parsed.base_value).abs() <= tolerance,
            "{} {} shown as {} reads back as {}", value, unit, shown, again.base_value
        );
    }

    #[test]
    fn magnitudes_shift_exactly(value in written_number()) {
        let plain = Quantity::parse(None, value, "元").expect("元");
        let wan = Quantity::parse(None, value, "万元").expect("万元");
        let yi = Quantity::parse(None, value, "亿元").expect("亿元");
        prop_assert_eq!(plain.base_value, value);
        let expected_wan: f64 = format!("{value}e4").parse().expect("number");
        let expected_yi: f64 = format!("{value}e8").parse().expect("number");
        prop_assert_eq!(wan.base_value, expected_wan);
        prop_assert_eq!(yi.base_value, expected_yi);
        prop_assert_eq!(wan.magnitude, 4);
        prop_assert_eq!(yi.magnitude, 8);
    }

    #[test]
    fn a_written_number_reads_back_exactly(value in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
        let written = quantity::format_written(value);
        let back: f64 = written.parse().expect("a number");
        // Exactly the same number; -0 is written as 0, the same amount.
        prop_assert_eq!(back.to_bits(), (value + 0.0).to_bits());
    }

    #[test]
    fn plain_numbers_keep_four_decimals(value in -1e12f64..1e12) {
        let shown = quantity::format_plain(value);
        let back: f64 = shown.replace(',', "").parse().expect("a number");
        prop_assert!((back - value).abs() <= 0.000_05 + value.abs() * 1e-15, "{} shown as {}", value, shown);
        // Separators every three digits of the whole part.
        let whole = shown.trim_start_matches('-').split('.').next().unwrap_or_default();
        for group in whole.split(',').skip(1) {
            prop_assert_eq!(group.len(), 3);
        }
    }

    #[test]
    fn qualifiers_survive(
        value in written_number(),
        prefix in prop::sample::select(&["超过", "超過", "逾", "近", "将近", "將近", "约", "約", "大约", "大約"][..]),
        unit in prop::sample::select(&["项", "項", "余项", "餘項", "万多个", "萬多個", "人左右"][..]),
    ) {
        let parsed = Quantity::parse(Some(prefix), value, unit).expect("a known prefix");
        let expected = match prefix {
            "超过" | "超過" | "逾" => Qualifier::Over,
            "近" | "将近" | "將近" => Qualifier::Nearly,
            _ => Qualifier::About,
        };
        prop_assert_eq!(parsed.prefix, Some(expected));
        // Every word is kept as written, before and after the number.
        prop_assert!(parsed.display().starts_with(prefix));
        let written = huimou::report::quantity::written(Some(prefix), value, unit);
        prop_assert!(written.starts_with(prefix) && written.ends_with(unit));
        let suffix = ["余", "餘", "多", "左右"].into_iter().find(|w| unit.contains(w));
        prop_assert_eq!(parsed.suffix.is_some(), suffix.is_some());
        if let Some(word) = suffix {
            prop_assert!(parsed.display().contains(word), "{}", parsed.display());
        }
    }

    #[test]
    fn any_unit_text_is_answered(unit in ".{0,12}", prefix in proptest::option::of(".{0,6}"), value in any::<f64>()) {
        // Never a panic: a quantity or an error that says why.
        match Quantity::parse(prefix.as_deref(), value, &unit) {
            Ok(parsed) => { let _ = parsed.display(); }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }
}
