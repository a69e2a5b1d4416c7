//! Any prefix, value and unit: parsing a figure's quantity and formatting it must never panic,
//! and what parses must format to text that says the same number.
#![no_main]

use huimou::report::quantity::{self, Quantity};
use huimou::report::script_fold::HanScript;
use libfuzzer_sys::{arbitrary, fuzz_target};

#[derive(Debug, arbitrary::Arbitrary)]
struct Input<'a> {
    prefix: Option<&'a str>,
    value: f64,
    unit: &'a str,
}

fuzz_target!(|input: Input<'_>| {
    let Ok(quantity) = Quantity::parse(input.prefix, input.value, input.unit) else {
        return;
    };
    for script in [HanScript::Simplified, HanScript::Traditional] {
        let _ = quantity::format_value(quantity.base_value, &quantity.base_unit, script);
        let _ = quantity::format_quantity(quantity.base_value, &quantity.base_unit, script);
    }
    let _ = quantity::format_plain(quantity.base_value);
    let written = quantity::format_written(input.value);
    if input.value.is_finite() && input.value.abs() < 1e15 {
        let back: f64 = written.parse().expect("format_written writes a plain number");
        assert!(
            (back - input.value).abs() <= input.value.abs() * 1e-9 + 1e-9,
            "{} written as {written}",
            input.value
        );
    }
});
