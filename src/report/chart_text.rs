//! What charts and key figures say, and where their value axes put ticks: shared by the
//! viewer's panels and the PDF, so a figure reads the same on screen and on paper.
//!
//! Nothing here knows how it is drawn: texts are made in a [`Lang`], distances are in the
//! caller's units (points on screen, PDF points on paper).

use crate::report::comparison::{self, Claim, Reading};
use crate::report::lang::Lang;
use crate::report::model::{Figure, Status};
use crate::report::quantity::{Quantity, format_value};
use crate::report::script_fold::HanScript;
use crate::report::words::{fill, tr_in};

/// The most bars a chart draws: a chart over thousands of figures costs a frame (or a page) no
/// more than one over thirty; the rest are counted under it, and all are exported.
pub const MAX_BARS: usize = 30;

/// A text of the dataset in `lang`, where the dataset has it.
pub fn localized<'a>(lang: Lang, chinese: &'a str, english: Option<&'a String>) -> &'a str {
    match (lang, english) {
        (Lang::En, Some(english)) if !english.trim().is_empty() => english,
        _ => chinese,
    }
}

/// A figure's value: as its text writes it in Chinese (1,800余万元, 近8,400多個), in words an
/// English reader knows in English (more than 18 million yuan).
pub fn figure_value(lang: Lang, figure: &Figure, quantity: &Quantity) -> String {
    match lang {
        Lang::En => quantity.english_of(&figure.label),
        Lang::Zh => figure.written(),
    }
}

/// A period as a reader says it: 2018 → "2018 年" (English "2018"); other periods as written.
pub fn period_label(lang: Lang, period: &str) -> String {
    if lang == Lang::En
        && let Some(english) = crate::report::words::english_date(period)
    {
        return english;
    }
    if period.chars().all(|c| c.is_ascii_digit()) {
        fill(tr_in(lang, "{} 年"), &[&period])
    } else {
        period.to_owned()
    }
}

/// A figure's period as the interface in `lang` says it: its `period_en` in English where the
/// author gave one, else as written (a year with 年 in Chinese).
pub fn figure_period(lang: Lang, figure: &Figure) -> Option<String> {
    let period = figure.period.as_deref()?;
    Some(match (lang, figure.period_en.as_deref()) {
        (Lang::En, Some(english)) if !english.trim().is_empty() => english.to_owned(),
        _ => period_label(lang, period),
    })
}

/// What a key figure counts, with its period when it has one: 具备科学素质的公民比例（2018 年）;
/// a target or an estimate says so (国内生产总值（目标）), and a label the importer guessed is
/// marked for review (（待确认）), on the overview, the slides and in the PDF alike.
pub fn figure_caption(lang: Lang, figure: &Figure) -> String {
    figure_caption_in((lang, HanScript::of([figure.label.as_str()])), figure)
}

/// `figure_caption` with its marks (目标, 待确认) in `script`: the interface's, in the viewer.
pub fn figure_caption_in((lang, script): (Lang, HanScript), figure: &Figure) -> String {
    let label = localized(lang, &figure.label, figure.label_en.as_ref());
    let mut caption = match figure_period(lang, figure) {
        Some(period) => fill(tr_in(lang, "{}（{}）"), &[&label, &period]),
        None => label.to_owned(),
    };
    caption = status_marked((lang, script), figure, caption);
    if figure.label_guessed {
        caption.push_str(match script {
            HanScript::Simplified => tr_in(lang, "（待确认）"),
            HanScript::Traditional => tr_in(lang, "（待確認）"),
        });
    }
    caption
}

/// A bar's category: a comparison's bars are its periods, other bars their figures' labels.
pub fn bar_label(lang: Lang, figure: &Figure, by_period: bool) -> String {
    match figure_period(lang, figure).filter(|_| by_period) {
        Some(period) => period,
        None => localized(lang, &figure.label, figure.label_en.as_ref()).to_owned(),
    }
}

/// "2012 年 6.2% → 2018 年 11.7%，提高 5.5 个百分点": each figure with its period and as
/// written, and what the two may claim (`comparison::claim`): the change of one measure at two
/// times (a change of a percentage is in points, not a percentage of it, in the report's
/// script); how far a target is from a result, the target marked as one; or, for two different
/// things, both side by side with their labels and no change.
pub fn comparison_caption(
    (lang, script): (Lang, HanScript),
    (before, before_quantity): (&Figure, &Quantity),
    (after, after_quantity): (&Figure, &Quantity),
) -> String {
    let readings = (
        Reading::of(before, before_quantity),
        Reading::of(after, after_quantity),
    );
    let claim = comparison::claim(&readings.0, &readings.1);
    let dated = |figure: &Figure, quantity: &Quantity| {
        let value = status_marked((lang, script), figure, figure_value(lang, figure, quantity));
        match figure_period(lang, figure) {
            Some(period) => format!("{period} {value}"),
            None => value,
        }
    };
    if claim == Claim::SideBySide {
        let labelled = |figure: &Figure, quantity: &Quantity| {
            let label = localized(lang, &figure.label, figure.label_en.as_ref());
            format!("{label} {}", dated(figure, quantity))
        };
        return format!(
            "{} · {}",
            labelled(before, before_quantity),
            labelled(after, after_quantity)
        );
    }
    let mut caption = format!(
        "{} → {}",
        dated(before, before_quantity),
        dated(after, after_quantity)
    );
    if !comparison::amount_is_stated(&readings.0, &readings.1) {
        return caption;
    }
    let (from, to) = (before_quantity.base_value, after_quantity.base_value);
    if claim == Claim::TowardTarget {
        let gap = if after_quantity.base_unit == "%" {
            let points = format_value((to - from).abs(), "%", HanScript::Simplified);
            let template = match script {
                HanScript::Traditional => tr_in(lang, "{} 個百分點"),
                HanScript::Simplified => tr_in(lang, "{} 个百分点"),
            };
            fill(template, &[&points])
        } else {
            let value = format_value((to - from).abs(), &after_quantity.base_unit, script);
            format!("{value}{}", after_quantity.base_unit)
        };
        let template = match script {
            HanScript::Traditional => tr_in(lang, "，距目標 {}"),
            HanScript::Simplified => tr_in(lang, "，距目标 {}"),
        };
        caption.push_str(&fill(template, &[&gap]));
        return caption;
    }
    let word = if to >= from {
        tr_in(lang, "提高")
    } else {
        tr_in(lang, "降低")
    };
    if after_quantity.base_unit == "%" {
        let points = format_value((to - from).abs(), "%", HanScript::Simplified);
        // The points are the report's words: a traditional report gets 個百分點.
        let template = match script {
            HanScript::Traditional => tr_in(lang, "，{} {} 個百分點"),
            HanScript::Simplified => tr_in(lang, "，{} {} 个百分点"),
        };
        caption.push_str(&fill(template, &[&word, &points]));
    } else if from > 0.0 {
        let change = format!("{:.1}", ((to - from) / from * 100.0).abs());
        caption.push_str(&fill(tr_in(lang, "，{} {}%"), &[&word, &change]));
    }
    caption
}

/// A figure's value with its status when it is no result: 17%（目标）, 55家（预计）.
pub fn status_marked((lang, script): (Lang, HanScript), figure: &Figure, value: String) -> String {
    let template = match (figure.status, script) {
        (Status::Result, _) => return value,
        (Status::Target, HanScript::Simplified) => tr_in(lang, "{}（目标）"),
        (Status::Target, HanScript::Traditional) => tr_in(lang, "{}（目標）"),
        (Status::Estimate, HanScript::Simplified) => tr_in(lang, "{}（预计）"),
        (Status::Estimate, HanScript::Traditional) => tr_in(lang, "{}（預計）"),
    };
    fill(template, &[&value])
}

/// How much of the whole a part is, between 0 and 1.
pub fn progress_fraction(part: &Quantity, whole: &Quantity) -> f64 {
    if whole.base_value > 0.0 {
        (part.base_value / whole.base_value).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// "19 / 21（90.5%）": each figure as its text writes it (an approximate one keeps its words).
pub fn progress_caption(
    lang: Lang,
    (part, part_quantity): (&Figure, &Quantity),
    (whole, whole_quantity): (&Figure, &Quantity),
) -> String {
    let fraction = progress_fraction(part_quantity, whole_quantity);
    fill(
        tr_in(lang, "{} / {}（{}%）"),
        &[
            &figure_value(lang, part, part_quantity),
            &figure_value(lang, whole, whole_quantity),
            &format!("{:.1}", fraction * 100.0),
        ],
    )
}

/// "已建成：19 个；规划：21 个": what the part and the whole count.
pub fn progress_legend(
    lang: Lang,
    (part, part_quantity): (&Figure, &Quantity),
    (whole, whole_quantity): (&Figure, &Quantity),
) -> String {
    fill(
        tr_in(lang, "{}：{}；{}：{}"),
        &[
            &localized(lang, &part.label, part.label_en.as_ref()),
            &figure_value(lang, part, part_quantity),
            &localized(lang, &whole.label, whole.label_en.as_ref()),
            &figure_value(lang, whole, whole_quantity),
        ],
    )
}

/// Where a value axis ends: the longest bar ends where its value label, and a margin, still fit
/// inside `width`.
pub fn axis_end(max_value: f64, width: f32, value_width: f32) -> f64 {
    let max = if max_value > 0.0 { max_value } else { 1.0 };
    let room = (width - value_width - 16.0).max(width * 0.35);
    max * f64::from(width / room)
}

/// The step between a value axis's ticks: 1, 2 or 5 times a power of ten, at least `gap` apart
/// along an axis `width` long that ends at `end`.
pub fn tick_step(end: f64, width: f32, gap: f32) -> f64 {
    let least = end * f64::from(gap) / f64::from(width.max(1.0));
    if !(least.is_finite() && least > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(least.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= least)
        .unwrap_or(10.0 * power)
}

/// The ticks from zero to `end`, `step` apart (at most 101).
pub fn ticks(end: f64, step: f64) -> impl Iterator<Item = f64> {
    let count = (end.max(0.0) / step).floor() as usize;
    (0..=count.min(100)).map(move |i| i as f64 * step)
}

/// A tick's label: 0, 1万, 2万 (10,000 in English), in the report's script; a percentage
/// keeps its sign.
pub fn tick_label(value: f64, unit: &str, script: HanScript, lang: Lang) -> String {
    let text = match lang {
        Lang::En => crate::report::quantity::english_number(value, unit),
        Lang::Zh => format_value(value, unit, script),
    };
    if unit == "%" {
        format!("{text}%")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_said_in_english_and_other_periods_are_left_as_written() {
        for (period, english) in [
            ("2018", "2018"),
            ("2018年", "2018"),
            ("2018年3月", "March 2018"),
            ("2018 年 3 月", "March 2018"),
            ("2018年3月5日", "5 March 2018"),
            ("2012年至2018年", "2012–2018"),
            ("2012-2018", "2012–2018"),
            ("2018年上半年", "first half of 2018"),
        ] {
            let said = crate::report::words::english_date(period);
            assert_eq!(said.as_deref(), Some(english), "{period}");
            assert_eq!(period_label(Lang::En, period), english, "{period}");
        }
        for period in ["八大以来", "疫情期间", "2018年13月", "十三五"] {
            assert_eq!(crate::report::words::english_date(period), None, "{period}");
        }
        assert_eq!(period_label(Lang::Zh, "2018"), "2018 年");
        assert_eq!(period_label(Lang::Zh, "2018年3月"), "2018年3月");
    }

    fn figure(label: &str, value: f64, unit: &str, period: Option<&str>, status: Status) -> Figure {
        Figure {
            id: label.to_owned(),
            label: label.to_owned(),
            label_en: None,
            label_guessed: false,
            prefix: None,
            value,
            value_to: None,
            numeral: None,
            unit: unit.to_owned(),
            stressed: false,
            status,
            period: period.map(str::to_owned),
            period_en: None,
            series: None,
        }
    }

    fn caption(lang: Lang, script: HanScript, a: &Figure, b: &Figure) -> String {
        let q =
            |f: &Figure| Quantity::parse(f.prefix.as_deref(), f.value, &f.unit).expect("a unit");
        let (qa, qb) = (q(a), q(b));
        comparison_caption((lang, script), (a, &qa), (b, &qb))
    }

    #[test]
    fn a_key_figure_says_it_is_a_target_and_its_label_a_guess() {
        let mut target = figure("国内生产总值", 5.0, "%左右", None, Status::Target);
        assert_eq!(figure_caption(Lang::Zh, &target), "国内生产总值（目标）");
        target.label_guessed = true;
        assert_eq!(
            figure_caption(Lang::Zh, &target),
            "国内生产总值（目标）（待确认）"
        );
        assert_eq!(
            figure_caption(Lang::En, &target),
            "国内生产总值 (target) (to confirm)"
        );
        let result = figure("社會捐贈", 450.0, "萬元", Some("2018"), Status::Estimate);
        assert_eq!(
            figure_caption(Lang::Zh, &result),
            "社會捐贈（2018 年）（預計）"
        );
    }

    /// Two categories get no arrow and no change; a target is marked and measured against,
    /// never reached; one measure at two times gets its change.
    #[test]
    fn a_comparison_says_only_what_the_figures_may_claim() {
        let result = Status::Result;
        let towns = figure("鄉鎮科協", 3.1, "萬多個", None, result);
        let streets = figure("街道科協", 8400.0, "多個", None, result);
        assert_eq!(
            caption(Lang::Zh, HanScript::Traditional, &towns, &streets),
            "鄉鎮科協 3.1萬多個 · 街道科協 8,400多個"
        );
        let now = figure("比例", 15.6, "%", Some("2023"), result);
        let aim = figure("比例", 17.0, "%", Some("2025"), Status::Target);
        assert_eq!(
            caption(Lang::Zh, HanScript::Simplified, &now, &aim),
            "2023 年 15.6% → 2025 年 17%（目标），距目标 1.4 个百分点"
        );
        assert_eq!(
            caption(Lang::En, HanScript::Simplified, &now, &aim),
            "2023 15.6% → 2025 17% (target), 1.4 percentage points short of the target"
        );
        let before = figure("比例", 6.2, "%", Some("2012"), result);
        assert_eq!(
            caption(Lang::Zh, HanScript::Simplified, &before, &now),
            "2012 年 6.2% → 2023 年 15.6%，提高 9.4 个百分点"
        );
    }

    /// 从2.1%提高到2.5%以上 rose by at least 0.4 points: no amount is computed from a bound or
    /// an estimate, toward a target neither.
    #[test]
    fn a_comparison_computes_no_amount_from_a_qualified_value() {
        let result = Status::Result;
        let was = figure("研发投入强度", 2.1, "%", Some("2020"), result);
        let mut now = figure("研发投入强度", 2.5, "%", Some("2024"), result);
        now.unit = "%以上".to_owned();
        assert_eq!(
            caption(Lang::Zh, HanScript::Simplified, &was, &now),
            "2020 年 2.1% → 2024 年 2.5%以上"
        );
        assert_eq!(
            caption(Lang::En, HanScript::Simplified, &was, &now),
            "2020 2.1% → 2024 at least 2.5%"
        );
        let mut about = figure("研发投入强度", 2.1, "%", Some("2020"), result);
        about.prefix = Some("约".to_owned());
        let exact = figure("研发投入强度", 2.5, "%", Some("2024"), result);
        assert_eq!(
            caption(Lang::Zh, HanScript::Simplified, &about, &exact),
            "2020 年 约2.1% → 2024 年 2.5%"
        );
        let aim = figure("研发投入强度", 3.0, "%左右", Some("2027"), Status::Target);
        assert_eq!(
            caption(Lang::Zh, HanScript::Simplified, &exact, &aim),
            "2024 年 2.5% → 2027 年 3%左右（目标）"
        );
        // Both exact: the change is computed, as before.
        assert!(
            caption(Lang::Zh, HanScript::Simplified, &exact, &was).ends_with("降低 0.4 个百分点")
        );
    }

    #[test]
    fn ticks_fall_on_round_steps_far_enough_apart() {
        assert_eq!(tick_step(100.0, 400.0, 84.0), 50.0);
        assert_eq!(tick_step(3.1e4, 300.0, 84.0), 1e4);
        assert_eq!(ticks(25.0, 10.0).collect::<Vec<_>>(), [0.0, 10.0, 20.0]);
        assert_eq!(tick_step(0.0, 300.0, 84.0), 1.0);
    }

    #[test]
    fn the_axis_leaves_room_for_the_longest_value() {
        let end = axis_end(100.0, 400.0, 84.0);
        assert!(end > 100.0 && end < 200.0, "{end}");
    }

    #[test]
    fn a_comparison_says_its_points_in_the_report_s_script() {
        let figure = |value: f64, period: &str| Figure {
            id: period.to_owned(),
            label: "具備科學素質的公民比例".to_owned(),
            label_en: None,
            label_guessed: false,
            prefix: None,
            value,
            value_to: None,
            numeral: None,
            unit: "%".to_owned(),
            stressed: false,
            status: Default::default(),
            period: Some(period.to_owned()),
            period_en: None,
            series: None,
        };
        let (before, after) = (figure(6.2, "2012"), figure(11.7, "2018"));
        let quantity = |f: &Figure| Quantity::parse(None, f.value, &f.unit).expect("a unit");
        let (qb, qa) = (quantity(&before), quantity(&after));
        let caption =
            |lang, script| comparison_caption((lang, script), (&before, &qb), (&after, &qa));
        assert!(caption(Lang::Zh, HanScript::Traditional).ends_with("提高 5.5 個百分點"));
        assert!(caption(Lang::Zh, HanScript::Simplified).ends_with("提高 5.5 个百分点"));
        assert!(caption(Lang::En, HanScript::Traditional).ends_with("5.5 percentage points"));
    }

    #[test]
    fn a_period_is_said_in_english_where_the_author_gave_it() {
        let figure = |period: Option<&str>, period_en: Option<&str>| Figure {
            id: "f".to_owned(),
            label: "学术交流".to_owned(),
            label_en: None,
            label_guessed: false,
            prefix: None,
            value: 1.0,
            value_to: None,
            numeral: None,
            unit: "场".to_owned(),
            stressed: false,
            status: Default::default(),
            period: period.map(str::to_owned),
            period_en: period_en.map(str::to_owned),
            series: None,
        };
        let since = figure(Some("八大以来"), Some("since the 8th Congress"));
        assert_eq!(
            figure_period(Lang::En, &since).as_deref(),
            Some("since the 8th Congress")
        );
        assert_eq!(figure_period(Lang::Zh, &since).as_deref(), Some("八大以来"));
        let year = figure(Some("2018"), None);
        assert_eq!(figure_period(Lang::Zh, &year).as_deref(), Some("2018 年"));
        assert_eq!(figure_period(Lang::En, &year).as_deref(), Some("2018"));
        // Without an English period, English shows it as written.
        let untranslated = figure(Some("疫情期间"), None);
        assert_eq!(
            figure_period(Lang::En, &untranslated).as_deref(),
            Some("疫情期间")
        );
        assert_eq!(figure_period(Lang::En, &figure(None, None)), None);
    }
}
