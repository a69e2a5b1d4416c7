//! Chinese quantities: units as written (余万元, 万余人次, 萬多個, 亿次, %) and their base values.
//!
//! A figure is written as an optional word before the number (超过, 近, 約), the number, and a
//! unit made of qualifiers (余/餘, 多), magnitudes (万/萬, 亿/億, and 十/百/千 before them:
//! 千万) and a counter (次, 人次, 元, 個 …), possibly followed by 左右. Simplified and
//! traditional characters are read alike: 個 and 个 are one counter, so a chart may mix them.
//! This module turns that into a base value in the counter's unit, and formats numbers back the
//! way a Chinese reader expects them (31.2亿元, 1,800万元, 6.7万人次).

use std::fmt;

use crate::report::script_fold::HanScript;

/// Counters the source reports use, in simplified form; their traditional forms are the same
/// counters. Others are accepted with a warning. Import reads units with this list too
/// (`counter_len`), so a counter it names is never cut: 批次 is not 批, 千瓦 not a magnitude.
pub const KNOWN_COUNTERS: &[&str] = &[
    // Counts of things and people.
    "次",
    "人次",
    "项",
    "个",
    "名",
    "元",
    "篇",
    "场次",
    "场",
    "台",
    "支",
    "人",
    "家",
    "条",
    "件",
    "所",
    "座",
    "门",
    "期",
    "届",
    "部",
    "本",
    "册",
    "位",
    "户",
    "处",
    "株",
    "亩",
    "吨",
    "%",
    "批次",
    "批",
    "架次",
    "车次",
    "户次",
    "件次",
    "种",
    "套",
    "份",
    "字",
    "圈",
    "辆",
    "架",
    "艘",
    "头",
    "只",
    "张",
    "间",
    "笔",
    "块",
    "颗",
    "棵",
    "例",
    "层",
    "栋",
    "口",
    "组",
    "队",
    "轮",
    "款",
    "首",
    "集",
    "卷",
    "版",
    "页",
    "类",
    "员",
    "起",
    "宗",
    "部门",
    "幅",
    "枚",
    "列",
    "根",
    "班",
    "个月",
    "床日",
    // Money, other than 元.
    "美元",
    "欧元",
    "港元",
    "澳门元",
    "日元",
    "英镑",
    // Measures: weight, length, area, volume, energy, power, time, age.
    "斤",
    "公斤",
    "千克",
    "克",
    "公里",
    "千米",
    "米",
    "平方公里",
    "平方米",
    "微克",
    "毫克",
    "厘米",
    "毫米",
    "兆瓦",
    "千伏",
    "升",
    "毫升",
    "标准箱",
    "立方米",
    "公顷",
    "千瓦",
    "千瓦时",
    "标准煤",
    "吨标准煤",
    "天",
    "年",
    "小时",
    "分钟",
    "周",
    "岁",
    // 8～12周岁: full years of age, never 8 weeks.
    "周岁",
    // Shares and multiples.
    "个百分点",
    "百分点",
    "个千分点",
    "千分点",
    "倍",
    "‰",
];

/// The longest counter of `KNOWN_COUNTERS` (in either script) that `text` starts with, as its
/// length in bytes; 0 when none does. 人次 is read before 人, 千瓦时 before 千瓦.
pub fn known_counter_len(text: &str) -> usize {
    // 40 周年 is an anniversary, not 40 weeks; 2018 年 is a year, and only a measure of years
    // (10.5 年) has 年 as its counter, which the importer decides with the number in view.
    if ["周年", "週年", "年"].iter().any(|w| text.starts_with(w)) {
        return 0;
    }
    let mut best = 0;
    let mut head = String::new();
    for (at, c) in text.char_indices().take(5) {
        head.push(c);
        let end = at + c.len_utf8();
        let counter = simplified_counter(&head.replace('％', "%"));
        if KNOWN_COUNTERS.contains(&counter.as_str()) {
            best = end;
        }
    }
    best
}

/// What a figure measures, as its counter says: a count of something, a share in percent, a
/// change in percentage points, a fraction (三分之二) or a multiple (3 倍). Two figures of
/// different measures never make one chart or one comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    Count,
    Percent,
    PercentagePoints,
    Fraction,
    Multiple,
}

impl Measure {
    /// A stable keyword for scripts (CSV and JSON output).
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Percent => "percent",
            Self::PercentagePoints => "percentage_points",
            Self::Fraction => "fraction",
            Self::Multiple => "multiple",
        }
    }

    /// The measure a counter (simplified, as `Quantity::counter`) stands for.
    pub fn of_counter(counter: &str) -> Self {
        match counter {
            "%" | "‰" => Self::Percent,
            "个百分点" | "百分点" | "个千分点" | "千分点" => Self::PercentagePoints,
            "倍" => Self::Multiple,
            "分之" => Self::Fraction,
            _ => Self::Count,
        }
    }
}

/// Traditional characters of counters and their simplified forms.
const TRADITIONAL_COUNTERS: &[(char, char)] = &[
    ('個', '个'),
    ('項', '项'),
    ('場', '场'),
    ('臺', '台'),
    ('檯', '台'),
    ('條', '条'),
    ('門', '门'),
    ('屆', '届'),
    ('冊', '册'),
    ('戶', '户'),
    ('處', '处'),
    ('畝', '亩'),
    ('噸', '吨'),
    ('萬', '万'),
    ('億', '亿'),
    ('餘', '余'),
    ('筆', '笔'),
    ('張', '张'),
    ('隻', '只'),
    ('輛', '辆'),
    ('間', '间'),
    ('員', '员'),
    ('會', '会'),
    ('種', '种'),
    ('歲', '岁'),
    ('頭', '头'),
    ('塊', '块'),
    ('顆', '颗'),
    ('層', '层'),
    ('棟', '栋'),
    ('組', '组'),
    ('隊', '队'),
    ('輪', '轮'),
    ('頁', '页'),
    ('類', '类'),
    ('點', '点'),
    ('時', '时'),
    ('鐘', '钟'),
    ('週', '周'),
    ('歐', '欧'),
    ('車', '车'),
    ('標', '标'),
    ('準', '准'),
    ('裡', '里'),
    ('裏', '里'),
    ('幣', '币'),
    ('鎊', '镑'),
    ('頃', '顷'),
    ('釐', '厘'),
];

/// A counter in simplified characters, so that 個 and 个 compare equal.
pub fn simplified_counter(counter: &str) -> String {
    counter
        .chars()
        .map(|c| {
            TRADITIONAL_COUNTERS
                .iter()
                .find(|(t, _)| *t == c)
                .map_or(c, |(_, s)| *s)
        })
        .collect()
}

/// How exact a figure is, as its wording says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// 余, 餘 or 多 after the number: a little more than.
    MoreThan,
    /// 超过, 超過, 超, 逾 or 突破 before the number: over.
    Over,
    /// 近, 将近, 將近 or 接近 before the number: nearly.
    Nearly,
    /// 约, 約, 大约, 大約 before the number, or 左右 after the unit: about.
    About,
    /// 以上 after the unit: at least (6600 万人以上).
    AtLeast,
    /// 以下 after the unit: at most (5% 以下).
    AtMost,
}

impl Qualifier {
    /// A stable keyword for scripts (CSV and JSON output).
    pub fn keyword(self) -> &'static str {
        match self {
            Self::MoreThan => "more_than",
            Self::Over => "over",
            Self::Nearly => "nearly",
            Self::About => "about",
            Self::AtLeast => "at_least",
            Self::AtMost => "at_most",
        }
    }

    /// Reads a word written before a number.
    pub fn from_prefix(prefix: &str) -> Option<Self> {
        match prefix.trim() {
            "超过" | "超過" | "逾" | "超" | "突破" => Some(Self::Over),
            "近" | "将近" | "將近" | "接近" => Some(Self::Nearly),
            "约" | "約" | "大约" | "大約" | "约为" | "約為" | "约有" | "約有" | "约达" | "約達" => {
                Some(Self::About)
            }
            // 不少於20小時, 至少 2 次: at least, as 以上 says after the number.
            "不少于" | "不少於" | "不低于" | "不低於" | "至少" | "最少" => {
                Some(Self::AtLeast)
            }
            _ => None,
        }
    }
}

/// A figure's value in its base unit, with the words that say how exact it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The value in base units (1.396 亿次 → 139,600,000); a range's lower end.
    pub base_value: f64,
    /// A range's upper end in base units (3至5万人 → 50,000).
    pub base_value_to: Option<f64>,
    /// The counter as written, without magnitude or qualifier (次, 元, 個, %), possibly empty.
    pub base_unit: String,
    /// The counter in simplified characters (个 for 個): the same counter in either script.
    pub counter: String,
    /// The word before the number (超过, 近, 约), if any.
    pub prefix: Option<Qualifier>,
    /// The word after the number (余, 多, 左右), if any.
    pub suffix: Option<Qualifier>,
    /// The words before and after the number as written (将近, 餘), to repeat them in the
    /// report's own script.
    pub words: (String, String),
    /// Whether the word after the number stands before the magnitude (1800 余万元: more than
    /// 18 million) rather than after it (6.7 万余人次: 67,000 and more).
    pub suffix_before_magnitude: bool,
    /// The power of ten the unit's magnitude characters stand for (万 → 4, 亿 → 8, 千万 → 7).
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
    /// A word of the number (近, 约, 万 …) standing where the counter should be (个近万).
    MisplacedWord(String, String),
}

impl fmt::Display for UnitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownPrefix(p) => write!(
                f,
                "「{p}」 is not a word Huimou understands before a number (use 超过, 逾, 近, 将近, 约 or 大约, in either script)"
            ),
            Self::MagnitudeOnPercent(u) => {
                write!(f, "unit 「{u}」 puts 万 or 亿 on a percentage")
            }
            Self::BadCounter(u) => write!(f, "unit 「{u}」 has digits or symbols in its counter"),
            Self::OutOfRange(u) => write!(
                f,
                "the value in unit 「{u}」 is too large to be counted (more than 10^308)"
            ),
            Self::MisplacedWord(u, w) if Qualifier::from_prefix(w).is_some() => write!(
                f,
                "unit 「{u}」 contains 「{w}」, a word that goes before the number: write `prefix: Some(\"{w}\")` and leave it out of the unit"
            ),
            Self::MisplacedWord(u, w) => write!(
                f,
                "unit 「{u}」 has 「{w}」 inside its counter: write the unit as written right after the number, magnitude and 余/多 first (3.1 萬多個 → value: 3.1, unit: \"萬多個\")"
            ),
        }
    }
}

impl std::error::Error for UnitError {}

impl UnitError {
    /// The problem in Chinese, for diagnostics shown in the Chinese interface (the `Display`
    /// above is the English).
    pub fn chinese(&self) -> String {
        match self {
            Self::UnknownPrefix(p) => format!(
                "「{p}」不是回眸认识的数字前置词（可用 超过、逾、近、将近、约 或 大约，简繁皆可）"
            ),
            Self::MagnitudeOnPercent(u) => format!("单位「{u}」给百分比加了万或亿"),
            Self::BadCounter(u) => format!("单位「{u}」的量词中有数字或符号"),
            Self::OutOfRange(u) => {
                format!("单位「{u}」下的值太大，无法计数（超过 10^308）")
            }
            Self::MisplacedWord(u, w) if Qualifier::from_prefix(w).is_some() => format!(
                "单位「{u}」含有「{w}」，这是写在数字前面的词：请写 `prefix: Some(\"{w}\")`，并从单位中删去"
            ),
            Self::MisplacedWord(u, w) => format!(
                "单位「{u}」的量词中夹着「{w}」：单位要照数字后面的原文写，数量级和余/多在前（3.1 萬多個 → `value: 3.1, unit: \"萬多個\"`）"
            ),
        }
    }
}

/// What the characters of a unit before its counter say.
#[derive(Default)]
struct UnitWords {
    magnitude: i32,
    suffix: Option<Qualifier>,
    suffix_text: String,
    suffix_before_magnitude: bool,
}

/// Peels qualifiers and magnitudes off the front of a unit (余万, 万余, 萬多, 千万), in either
/// order; returns what they say and the rest (the counter, perhaps with 左右).
fn unit_words(unit: &str) -> (UnitWords, &str) {
    let mut words = UnitWords::default();
    let mut rest = unit;
    while let Some(c) = rest.chars().next() {
        let next = rest[c.len_utf8()..].chars().next();
        match c {
            '万' | '萬' => words.magnitude += 4,
            '亿' | '億' => words.magnitude += 8,
            // 十, 百 and 千 are magnitudes only before 万 or 亿 (千万元); alone they may begin
            // a counter (千克, 百分点).
            '十' | '百' | '千' if matches!(next, Some('万' | '萬' | '亿' | '億')) => {
                words.magnitude += match c {
                    '十' => 1,
                    '百' => 2,
                    _ => 3,
                };
            }
            '余' | '餘' | '多' => {
                words.suffix_before_magnitude = words.magnitude == 0;
                words.suffix = Some(Qualifier::MoreThan);
                words.suffix_text = c.to_string();
            }
            ' ' | '\u{3000}' => {}
            _ => break,
        }
        rest = &rest[c.len_utf8()..];
    }
    (words, rest)
}

/// The words a unit may end with after its counter (5.5%以内), and what each says; import reads
/// units with the same list.
pub const WORDS_AFTER_COUNTER: &[(&str, Qualifier)] = &[
    ("左右", Qualifier::About),
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("以內", Qualifier::AtMost),
];

/// The words a unit may end with after its counter (左右, 以上, 以下), and the counter before.
fn words_after_counter(rest: &str) -> (&str, Option<(Qualifier, &'static str)>) {
    for &(word, qualifier) in WORDS_AFTER_COUNTER {
        if let Some(counter) = rest.strip_suffix(word) {
            return (counter.trim_end(), Some((qualifier, word)));
        }
    }
    (rest, None)
}

/// A word of the number found inside a counter, where it would silently change nothing.
fn misplaced_word(counter: &str) -> Option<&'static str> {
    const WORDS: &[&str] = &[
        "超过", "超過", "将近", "將近", "接近", "大约", "大約", "逾", "近", "约", "約", "万", "萬",
        "亿", "億", "余", "餘",
    ];
    WORDS.iter().copied().find(|w| counter.contains(w))
}

impl Quantity {
    /// Derives the base value from a figure as written: prefix, number and unit.
    pub fn parse(prefix: Option<&str>, value: f64, unit: &str) -> Result<Self, UnitError> {
        let prefix_text = prefix.map(str::trim).unwrap_or_default();
        let prefix = match Some(prefix_text).filter(|p| !p.is_empty()) {
            Some(p) => Some(
                Qualifier::from_prefix(p).ok_or_else(|| UnitError::UnknownPrefix(p.to_owned()))?,
            ),
            None => None,
        };
        let unit_trimmed = unit.trim();
        let (mut words, rest) = unit_words(unit_trimmed);
        let rest = rest.trim();
        let (counter, after) = words_after_counter(rest);
        let counter = match after {
            Some((qualifier, text)) if words.suffix.is_none() => {
                words.suffix = Some(qualifier);
                words.suffix_text = text.to_owned();
                counter
            }
            _ => rest,
        };
        let counter = match counter {
            "％" => "%",
            other => other,
        };
        if let Some(word) = misplaced_word(counter) {
            return Err(UnitError::MisplacedWord(
                unit_trimmed.to_owned(),
                word.to_owned(),
            ));
        }
        if counter == "%" && words.magnitude != 0 {
            return Err(UnitError::MagnitudeOnPercent(unit_trimmed.to_owned()));
        }
        if counter != "%"
            && counter
                .chars()
                .any(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_control())
        {
            return Err(UnitError::BadCounter(unit_trimmed.to_owned()));
        }
        let base_value = shift_decimal(value, words.magnitude);
        if !base_value.is_finite() && value.is_finite() {
            return Err(UnitError::OutOfRange(unit_trimmed.to_owned()));
        }
        Ok(Self {
            // -0 is 0: nothing downstream should print a sign on nothing.
            base_value: base_value + 0.0,
            base_value_to: None,
            base_unit: counter.to_owned(),
            counter: simplified_counter(counter),
            prefix,
            suffix: words.suffix,
            words: (prefix_text.to_owned(), words.suffix_text),
            suffix_before_magnitude: words.suffix_before_magnitude,
            magnitude: words.magnitude,
        })
    }

    /// The quantity as a range up to `value_to` (in the unit's terms, like the value).
    pub fn up_to(mut self, value_to: Option<f64>) -> Self {
        self.base_value_to = value_to.map(|to| shift_decimal(to, self.magnitude) + 0.0);
        self
    }

    /// The base value with its counter, digits in full (1,800 万元 → 18,000,000元; a range
    /// 30,000至50,000人).
    pub fn base_written(&self) -> String {
        let number = format_plain(self.base_value);
        match self.base_value_to {
            Some(to) => format!("{number}至{}{}", format_plain(to), self.base_unit),
            None => format!("{number}{}", self.base_unit),
        }
    }

    /// Whether it is a range (3至5个), which no bar or line can stand for as one value.
    pub fn is_range(&self) -> bool {
        self.base_value_to.is_some()
    }

    /// Whether the counter is one the source reports use (in either script).
    pub fn has_known_counter(&self) -> bool {
        self.counter.is_empty() || KNOWN_COUNTERS.contains(&self.counter.as_str())
    }

    /// Whether the word after the number stands after its counter (300 人左右, 6600 万人以上)
    /// rather than before it (1800 余万元).
    pub fn suffix_follows_counter(&self) -> bool {
        matches!(
            self.suffix,
            Some(Qualifier::About | Qualifier::AtLeast | Qualifier::AtMost)
        )
    }

    /// What the figure measures: a count, a percentage, percentage points, a multiple.
    pub fn measure(&self) -> Measure {
        Measure::of_counter(&self.counter)
    }

    /// Whether this is a percentage.
    pub fn is_percent(&self) -> bool {
        self.counter == "%"
    }

    /// Whether the wording says the number is not exact (余, 超过, 近, 约, 左右 …).
    pub fn is_approximate(&self) -> bool {
        self.prefix.is_some() || self.suffix.is_some()
    }

    /// The qualifiers in English words, as the table of figures shows them: "nearly",
    /// "more than", or both in the order written ("nearly … more than" for 近 8400 多个).
    pub fn qualifier_english(&self) -> String {
        let words = |q: Qualifier| match q {
            Qualifier::MoreThan => "more than",
            Qualifier::Over => "over",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at least",
            Qualifier::AtMost => "at most",
        };
        match (self.prefix, self.suffix) {
            (Some(p), Some(s)) => format!("{} … {}", words(p), words(s)),
            (Some(q), None) | (None, Some(q)) => words(q).to_owned(),
            (None, None) => String::new(),
        }
    }

    /// The qualifiers as keywords for scripts: `more_than`, `over`, `nearly`, `about`, empty,
    /// or two joined by `+` when the number has a word before and after it (近 8400 多个:
    /// `nearly+more_than`).
    pub fn qualifier_keyword(&self) -> String {
        match (self.prefix, self.suffix) {
            (Some(p), Some(s)) => format!("{}+{}", p.keyword(), s.keyword()),
            (Some(q), None) | (None, Some(q)) => q.keyword().to_owned(),
            (None, None) => String::new(),
        }
    }

    /// The base value in full, with its words where the figure has them: 18,000,000余元,
    /// 超过10,000,000人次, 近8,400多个. Tooltips say this after 即 ("that is").
    pub fn display(&self) -> String {
        let mut number = format_plain(self.base_value);
        if let Some(to) = self.base_value_to {
            number = format!("{number}至{}", format_plain(to));
        }
        let (before, after) = (&self.words.0, &self.words.1);
        if self.suffix_follows_counter() {
            format!("{before}{number}{}{after}", self.base_unit)
        } else {
            format!("{before}{number}{after}{}", self.base_unit)
        }
    }
}

impl Quantity {
    /// The quantity in English, for the English interface: its qualifier in words, the base
    /// value with English magnitudes and the counter as a noun (more than 18 million yuan;
    /// nearly 8,400; about 300 people; 11.7%). A counter without an English word stays as
    /// written.
    pub fn english(&self) -> String {
        self.english_of("")
    }

    /// `english` for a figure labelled `label`: a counter that counts different things in
    /// different reports says which (规模以上工业企业 112户: 112 enterprises, not households).
    pub fn english_of(&self, label: &str) -> String {
        let qualifier = match self.prefix.or(self.suffix) {
            Some(Qualifier::MoreThan | Qualifier::Over) => "more than ",
            Some(Qualifier::Nearly) => "nearly ",
            Some(Qualifier::About) => "about ",
            Some(Qualifier::AtLeast) => "at least ",
            Some(Qualifier::AtMost) => "at most ",
            None => "",
        };
        let mut number = english_number(self.base_value, &self.counter);
        if let Some(to) = self.base_value_to {
            // 3%-5%: 3% to 5%; 3至5万人: 30,000 to 50,000 people.
            if self.counter == "%" {
                number.push('%');
            }
            number = format!("{number} to {}", english_number(to, &self.counter));
        }
        if self.counter == "%" {
            number.push('%');
        }
        // 近 8400 多个 says both "nearly" and "a little more": English keeps both, as
        // "nearly 8,400+" (超过 … 余 says "more than" twice, and once is enough).
        if matches!(self.prefix, Some(Qualifier::Nearly | Qualifier::About))
            && self.suffix == Some(Qualifier::MoreThan)
        {
            number.push('+');
        }
        if self.counter == "%" {
            return format!("{qualifier}{number}");
        }
        let exact_one = self.base_value == 1.0 && qualifier.is_empty() && !self.is_range();
        match counter_noun(&self.counter, label) {
            Some(("", _)) => format!("{qualifier}{number}"),
            Some((one, _)) if exact_one => format!("{qualifier}{number} {one}"),
            Some((_, many)) => format!("{qualifier}{number} {many}"),
            None => format!("{qualifier}{number} {}", self.base_unit),
        }
    }
}

impl Quantity {
    /// The base value with its unit in English, digits in full: 139,600,000 times, 6.2%.
    pub fn english_base(&self) -> String {
        self.english_base_of("")
    }

    /// `english_base` for a figure labelled `label` (see `english_of`).
    pub fn english_base_of(&self, label: &str) -> String {
        let mut number = format_plain(self.base_value);
        if let Some(to) = self.base_value_to {
            let percent = if self.counter == "%" { "%" } else { "" };
            number = format!("{number}{percent} to {}", format_plain(to));
        }
        if self.counter == "%" {
            return format!("{number}%");
        }
        let exact_one = self.base_value == 1.0 && self.base_value_to.is_none();
        match counter_noun(&self.counter, label) {
            Some(("", _)) => number,
            Some((one, _)) if exact_one => format!("{number} {one}"),
            Some((_, many)) => format!("{number} {many}"),
            None => format!("{number}{}", self.base_unit),
        }
    }
}

/// A base value with the magnitudes English uses: 18 million, 3.12 billion, 67,000.
pub fn english_number(value: f64, counter: &str) -> String {
    let magnitude = value.abs();
    if counter == "%" || !value.is_finite() {
        format_plain(value)
    } else if magnitude >= 1e9 {
        format!("{} billion", format_plain(value / 1e9))
    } else if magnitude >= 1e6 {
        format!("{} million", format_plain(value / 1e6))
    } else {
        format_plain(value)
    }
}

/// The English noun of `counter` for a figure labelled `label`: 户 counts households (农户,
/// 贫困户), or enterprises where the label names firms (规模以上工业企业, 个体工商户).
fn counter_noun(counter: &str, label: &str) -> Option<(&'static str, &'static str)> {
    const FIRMS: &[&str] = &[
        "企业",
        "企業",
        "公司",
        "商户",
        "商戶",
        "个体",
        "個體",
        "单位",
        "單位",
        "市场主体",
        "市場主體",
    ];
    if matches!(counter, "户" | "戶") && FIRMS.iter().any(|firm| label.contains(firm)) {
        return Some(("enterprise", "enterprises"));
    }
    // 元 of a report in traditional characters is Hong Kong's or Taiwan's dollar, not the yuan.
    let traditional = || {
        crate::report::script_fold::HanScript::of([label])
            == crate::report::script_fold::HanScript::Traditional
    };
    if counter == "元" && traditional() {
        return Some(("dollar", "dollars"));
    }
    english_counter(counter)
}

/// The English noun of a known counter, singular and plural; "" where English says nothing
/// (个: 179 workstations is "179" beside its label).
fn english_counter(counter: &str) -> Option<(&'static str, &'static str)> {
    Some(match counter {
        "个" => ("", ""),
        "次" => ("time", "times"),
        // A count of people counted once a time they came: visits, not attendances at all.
        "人次" => ("person-time", "person-times"),
        "架次" => ("sortie", "sorties"),
        "车次" => ("vehicle trip", "vehicle trips"),
        "户次" => ("household-time", "household-times"),
        "件次" => ("item-time", "item-times"),
        "项" | "条" | "件" => ("item", "items"),
        "名" | "人" | "位" => ("person", "people"),
        "元" => ("yuan", "yuan"),
        "篇" => ("paper", "papers"),
        "场次" | "场" => ("event", "events"),
        "台" => ("unit", "units"),
        "支" => ("team", "teams"),
        "家" => ("organisation", "organisations"),
        "所" => ("institution", "institutions"),
        "座" => ("building", "buildings"),
        "门" => ("course", "courses"),
        "期" => ("session", "sessions"),
        "届" => ("edition", "editions"),
        "部" => ("work", "works"),
        "本" | "册" => ("volume", "volumes"),
        "户" => ("household", "households"),
        "处" => ("site", "sites"),
        "株" => ("plant", "plants"),
        "亩" => ("mu", "mu"),
        "吨" => ("tonne", "tonnes"),
        "批次" | "批" => ("batch", "batches"),
        "种" | "类" => ("kind", "kinds"),
        "套" => ("set", "sets"),
        // 份 counts copies, entries, questionnaires and portions alike: English names none.
        "份" => ("", ""),
        "字" => ("character", "characters"),
        "圈" => ("orbit", "orbits"),
        "辆" => ("vehicle", "vehicles"),
        "架" => ("aircraft", "aircraft"),
        "艘" => ("ship", "ships"),
        "例" => ("case", "cases"),
        "岁" | "周岁" => ("year of age", "years of age"),
        "斤" => ("jin", "jin"),
        "公斤" | "千克" => ("kg", "kg"),
        "克" => ("gram", "grams"),
        "公里" | "千米" => ("km", "km"),
        "米" => ("metre", "metres"),
        "平方公里" => ("km²", "km²"),
        "平方米" => ("m²", "m²"),
        "立方米" => ("m³", "m³"),
        "公顷" => ("hectare", "hectares"),
        "千瓦" => ("kW", "kW"),
        "千瓦时" => ("kWh", "kWh"),
        "吨标准煤" => ("tonne of standard coal", "tonnes of standard coal"),
        "天" => ("day", "days"),
        "年" => ("year", "years"),
        "小时" => ("hour", "hours"),
        "周" => ("week", "weeks"),
        "美元" => ("US dollar", "US dollars"),
        "欧元" => ("euro", "euros"),
        "港元" => ("Hong Kong dollar", "Hong Kong dollars"),
        "个百分点" | "百分点" => ("percentage point", "percentage points"),
        "个千分点" | "千分点" => ("per-mille point", "per-mille points"),
        "部门" => ("department", "departments"),
        "个月" => ("month", "months"),
        "床日" => ("bed-day", "bed-days"),
        "倍" => ("times", "times"),
        "头" => ("head", "head"),
        "只" => ("animal", "animals"),
        "张" => ("sheet", "sheets"),
        // 間 counts rooms, but in Hong Kong firms, schools and shops (15間公司) as well.
        "间" => ("", ""),
        "笔" => ("transaction", "transactions"),
        "块" => ("piece", "pieces"),
        "颗" => ("piece", "pieces"),
        "棵" => ("tree", "trees"),
        "层" => ("storey", "storeys"),
        "栋" => ("building", "buildings"),
        "口" => ("well", "wells"),
        "组" => ("group", "groups"),
        "队" => ("team", "teams"),
        "轮" => ("round", "rounds"),
        "款" => ("model", "models"),
        "首" => ("song", "songs"),
        "集" => ("episode", "episodes"),
        "卷" => ("volume", "volumes"),
        "版" => ("edition", "editions"),
        "页" => ("page", "pages"),
        "员" => ("member", "members"),
        "起" => ("case", "cases"),
        "宗" => ("case", "cases"),
        "幅" => ("piece", "pieces"),
        "枚" => ("piece", "pieces"),
        "列" => ("train", "trains"),
        "根" => ("piece", "pieces"),
        "班" => ("class", "classes"),
        "澳门元" => ("pataca", "patacas"),
        "日元" => ("yen", "yen"),
        "英镑" => ("pound", "pounds"),
        "微克" => ("µg", "µg"),
        "毫克" => ("mg", "mg"),
        "厘米" => ("cm", "cm"),
        "毫米" => ("mm", "mm"),
        "兆瓦" => ("MW", "MW"),
        "千伏" => ("kV", "kV"),
        "升" => ("litre", "litres"),
        "毫升" => ("ml", "ml"),
        "标准箱" => ("TEU", "TEU"),
        "标准煤" => ("tonne of standard coal", "tonnes of standard coal"),
        "分钟" => ("minute", "minutes"),
        "‰" => ("per mille", "per mille"),
        "周年" => ("year", "years"),
        _ => return None,
    })
}

/// A figure as its text writes it: the word before, the number (with thousands separators) and
/// the unit, in the report's own script and order (1,800余万元; 3.1萬多個; 超过1,000万余人次).
pub fn written(prefix: Option<&str>, value: f64, unit: &str) -> String {
    let number = format_plain(value);
    let prefix = prefix.map(str::trim).unwrap_or_default();
    format!("{prefix}{number}{}", unit.trim())
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

/// Formats a base value for display with 万 or 亿 where a Chinese reader expects them, in the
/// report's script (萬, 億).
///
/// Percentages stay as they are (11.7); other values of at least 10,000 use 万, of at least
/// 100,000,000 use 亿: 18,000,000 → 1,800万, 67,000 → 6.7万, 3,120,000,000 → 31.2亿.
pub fn format_value(value: f64, base_unit: &str, script: HanScript) -> String {
    if base_unit == "%" || !value.is_finite() {
        return format_plain(value);
    }
    let (wan, yi) = match script {
        HanScript::Simplified => ('万', '亿'),
        HanScript::Traditional => ('萬', '億'),
    };
    let magnitude = value.abs();
    if magnitude >= 1e8 {
        format!("{}{yi}", format_plain(value / 1e8))
    } else if magnitude >= 1e4 {
        format!("{}{wan}", format_plain(value / 1e4))
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
pub fn format_quantity(value: f64, base_unit: &str, script: HanScript) -> String {
    format!("{}{base_unit}", format_value(value, base_unit, script))
}

/// Formats a number as a data author writes it in a dataset: shortest exact form, no separators.
pub fn format_written(value: f64) -> String {
    // -0 and 0 are the same amount; + 0.0 turns the first into the second.
    format!("{}", value + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_said_from_end_to_end() {
        let range = |value: f64, to: f64, unit: &str| {
            Quantity::parse(None, value, unit)
                .expect("parses")
                .up_to(Some(to))
        };
        assert_eq!(range(3.0, 5.0, "万人").english(), "30,000 to 50,000 people");
        assert_eq!(
            range(3.0, 5.0, "万人").english_base(),
            "30,000 to 50,000 people"
        );
        assert_eq!(range(3.0, 5.0, "%").english(), "3% to 5%");
        assert_eq!(range(1.0, 2.0, "个").english(), "1 to 2");
        assert_eq!(range(3.0, 5.0, "万人").display(), "30,000至50,000人");
        assert!(range(3.0, 5.0, "个").is_range());
    }

    #[test]
    fn the_base_value_is_said_in_english_with_every_digit() {
        let q = |value: f64, unit: &str| Quantity::parse(None, value, unit).expect("parses");
        assert_eq!(q(1.396, "亿次").english_base(), "139,600,000 times");
        assert_eq!(q(1800.0, "余万元").english_base(), "18,000,000 yuan");
        assert_eq!(q(6.2, "%").english_base(), "6.2%");
        assert_eq!(q(179.0, "个").english_base(), "179");
        // 户 counts households, or enterprises where the label names firms.
        assert_eq!(q(126.0, "户").english_of("贫困户"), "126 households");
        assert_eq!(
            q(112.0, "戶").english_of("規模以上工業企業"),
            "112 enterprises"
        );
        assert_eq!(
            q(112.0, "户").english_base_of("个体工商户"),
            "112 enterprises"
        );
        // Hong Kong's and Taiwan's 元 is a dollar; 間 and 份 count too many kinds to name.
        assert_eq!(
            q(385.6, "萬元").english_of("總收入"),
            "3.856 million dollars"
        );
        assert_eq!(q(385.6, "万元").english_of("总收入"), "3.856 million yuan");
        assert_eq!(q(15.0, "間").english_of("公司"), "15");
        assert_eq!(q(118.0, "份").english_of("參賽作品"), "118");
    }

    #[test]
    fn every_known_counter_has_its_own_english() {
        for &counter in KNOWN_COUNTERS.iter().filter(|c| **c != "%") {
            assert!(
                english_counter(counter).is_some(),
                "{counter} has no English: the English interface would show it in Chinese"
            );
        }
        // What is counted, not one word for every kind.
        assert_eq!(
            english_counter("人次"),
            Some(("person-time", "person-times"))
        );
        assert_eq!(english_counter("场次"), Some(("event", "events")));
        assert_ne!(english_counter("人次"), english_counter("场次"));
    }

    fn q(prefix: Option<&str>, value: f64, unit: &str) -> Quantity {
        Quantity::parse(prefix, value, unit).expect("unit parses")
    }

    #[test]
    fn magnitudes_scale_exactly() {
        let reads = q(None, 1.396, "亿次");
        assert_eq!(reads.base_value, 139_600_000.0);
        assert_eq!(reads.base_unit, "次");
        assert!(!reads.is_approximate());
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
        assert_eq!(donation.suffix, Some(Qualifier::MoreThan));
        assert!(donation.suffix_before_magnitude);

        let visitors = q(None, 6.7, "万余人次");
        assert_eq!(visitors.base_value, 67_000.0);
        assert_eq!(visitors.base_unit, "人次");
        assert_eq!(visitors.suffix, Some(Qualifier::MoreThan));
        assert!(!visitors.suffix_before_magnitude);

        let many = q(None, 30.0, "多项");
        assert_eq!(many.suffix, Some(Qualifier::MoreThan));
        assert_eq!(many.base_unit, "项");
    }

    #[test]
    fn prefixes() {
        let over = q(Some("超过"), 1000.0, "万余人次");
        assert_eq!(over.prefix, Some(Qualifier::Over));
        assert_eq!(over.suffix, Some(Qualifier::MoreThan));
        assert_eq!(over.base_value, 10_000_000.0);
        let nearly = q(Some("近"), 18.5, "万人次");
        assert_eq!(nearly.prefix, Some(Qualifier::Nearly));
        assert_eq!(nearly.base_value, 185_000.0);
        assert_eq!(q(Some("约"), 3.0, "个").prefix, Some(Qualifier::About));
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
        assert!(!q(None, 2.0, "罐").has_known_counter());
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
        const S: HanScript = HanScript::Simplified;
        const T: HanScript = HanScript::Traditional;
        assert_eq!(format_quantity(3_120_000_000.0, "元", S), "31.2亿元");
        assert_eq!(format_quantity(18_000_000.0, "元", S), "1,800万元");
        assert_eq!(format_quantity(67_000.0, "人次", S), "6.7万人次");
        assert_eq!(format_quantity(139_600_000.0, "次", S), "1.396亿次");
        assert_eq!(format_quantity(2508.0, "项", S), "2,508项");
        assert_eq!(format_quantity(179.0, "个", S), "179个");
        assert_eq!(format_quantity(11.7, "%", S), "11.7%");
        // A traditional report's magnitudes are traditional too.
        assert_eq!(format_quantity(3_120_000_000.0, "元", T), "31.2億元");
        assert_eq!(format_quantity(31_000.0, "個", T), "3.1萬個");
        assert_eq!(format_quantity(8_400.0, "個", T), "8,400個");
        assert_eq!(format_plain(-1234.5), "-1,234.5");
        assert_eq!(format_plain(0.0), "0");
    }

    #[test]
    fn display_keeps_the_words_in_their_place() {
        assert_eq!(
            q(Some("超过"), 1000.0, "万余人次").display(),
            "超过10,000,000余人次"
        );
        // 1800 余万元 is more than 18 million, never "18 million and some".
        assert_eq!(q(None, 1800.0, "余万元").display(), "18,000,000余元");
        assert_eq!(q(None, 450.0, "余万元").display(), "4,500,000余元");
        assert_eq!(q(Some("近"), 18.5, "万人次").display(), "近185,000人次");
        assert_eq!(q(None, 2090.0, "余场次").display(), "2,090余场次");
        assert_eq!(q(None, 300.0, "人左右").display(), "300人左右");
        assert_eq!(q(Some("近"), 8400.0, "多個").display(), "近8,400多個");
    }

    #[test]
    fn english_says_the_quantity_in_words() {
        assert_eq!(
            q(None, 1800.0, "余万元").english(),
            "more than 18 million yuan"
        );
        assert_eq!(q(None, 1.396, "亿次").english(), "139.6 million times");
        assert_eq!(q(None, 31.2, "亿元").english(), "3.12 billion yuan");
        assert_eq!(q(None, 2.0, "万余人").english(), "more than 20,000 people");
        // Both words of 近 8400 多个 are kept; 超过 … 余 says "more than" once.
        assert_eq!(q(Some("近"), 8400.0, "多個").english(), "nearly 8,400+");
        assert_eq!(
            q(Some("超過"), 1000.0, "萬餘人次").english(),
            "more than 10 million person-times"
        );
        assert_eq!(
            q(Some("近"), 8400.0, "多個").qualifier_english(),
            "nearly … more than"
        );
        assert_eq!(q(None, 2.0, "万余人").qualifier_english(), "more than");
        assert_eq!(q(None, 300.0, "人左右").english(), "about 300 people");
        assert_eq!(q(None, 11.7, "%").english(), "11.7%");
        assert_eq!(q(None, 1.0, "项").english(), "1 item");
        assert_eq!(q(None, 179.0, "个").english(), "179");
        assert_eq!(
            q(None, 6.7, "万余人次").english(),
            "more than 67,000 person-times"
        );
    }

    #[test]
    fn written_keeps_the_source_s_order_and_script() {
        assert_eq!(written(None, 1800.0, "余万元"), "1,800余万元");
        assert_eq!(written(None, 3.1, "萬多個"), "3.1萬多個");
        assert_eq!(
            written(Some("超过"), 1000.0, "万余人次"),
            "超过1,000万余人次"
        );
        assert_eq!(written(None, 11.7, "%"), "11.7%");
    }

    #[test]
    fn traditional_units_are_the_same_units() {
        let towns = q(None, 3.1, "萬多個");
        assert_eq!(towns.base_value, 31_000.0);
        assert_eq!(towns.suffix, Some(Qualifier::MoreThan));
        assert_eq!(
            (towns.base_unit.as_str(), towns.counter.as_str()),
            ("個", "个")
        );
        assert!(towns.has_known_counter());
        let streets = q(Some("近"), 8400.0, "多個");
        assert_eq!(
            (streets.prefix, streets.suffix),
            (Some(Qualifier::Nearly), Some(Qualifier::MoreThan))
        );
        assert_eq!(streets.qualifier_keyword(), "nearly+more_than");
        assert_eq!(q(None, 2.0, "億元").base_value, 200_000_000.0);
        assert_eq!(q(None, 5.0, "餘場次").counter, "场次");
        assert_eq!(q(Some("將近"), 5.0, "項").prefix, Some(Qualifier::Nearly));
        assert_eq!(q(Some("約"), 5.0, "臺").counter, "台");
        assert_eq!(q(Some("超過"), 5.0, "條").prefix, Some(Qualifier::Over));
        assert_eq!(q(Some("大約"), 5.0, "件").prefix, Some(Qualifier::About));
    }

    #[test]
    fn words_in_the_wrong_place_say_what_to_write() {
        let error = Quantity::parse(None, 3.0, "近萬人").expect_err("近 in the unit");
        assert!(
            error.to_string().contains("`prefix: Some(\"近\")`"),
            "{error}"
        );
        let error = Quantity::parse(None, 3.0, "個萬").expect_err("萬 after the counter");
        assert!(error.to_string().contains("unit: \"萬多個\""), "{error}");
    }

    #[test]
    fn compound_magnitudes_and_about() {
        assert_eq!(q(None, 1.2, "千万元").base_value, 12_000_000.0);
        assert_eq!(q(None, 3.0, "百万人次").base_value, 3_000_000.0);
        assert_eq!(q(None, 2.0, "千克").counter, "千克");
        let about = q(None, 300.0, "人左右");
        assert_eq!(
            (about.suffix, about.counter.as_str()),
            (Some(Qualifier::About), "人")
        );
    }

    #[test]
    fn written_form_is_shortest() {
        assert_eq!(format_written(1800.0), "1800");
        assert_eq!(format_written(1.396), "1.396");
    }

    /// The counters and words of published work reports (a government work report's review,
    /// a statistics bulletin): each kept whole, never cut to a counter the list knew before.
    #[test]
    fn counters_of_published_reports_are_kept_whole() {
        for (value, unit, base, counter) in [
            (1.37, "万亿斤", 1.37e12, "斤"),
            (1363.0, "亿美元", 1.363e11, "美元"),
            (10.0, "亿千瓦", 1e9, "千瓦"),
            (9.6, "万公里", 96_000.0, "公里"),
            (76.7, "岁", 76.7, "岁"),
            (2600.0, "多万套", 2.6e7, "套"),
            (14.0, "批次", 14.0, "批次"),
            (3400.0, "余份", 3400.0, "份"),
            (8.1, "个百分点", 8.1, "个百分点"),
        ] {
            let quantity = q(None, value, unit);
            assert_eq!(quantity.base_value, base, "{unit}");
            assert_eq!(quantity.base_unit, counter, "{unit}");
            assert!(quantity.has_known_counter(), "{unit}");
        }
        assert_eq!(
            q(None, 8.1, "个百分点").measure(),
            Measure::PercentagePoints
        );
        assert_eq!(q(None, 11.7, "%").measure(), Measure::Percent);
        assert_eq!(q(None, 3.0, "倍").measure(), Measure::Multiple);
        assert_eq!(q(None, 3.0, "万元").measure(), Measure::Count);
        assert_eq!(known_counter_len("千瓦时，"), "千瓦时".len());
        assert_eq!(known_counter_len("批次以上"), "批次".len());
        assert_eq!(known_counter_len("個百分點"), "個百分點".len());
        assert_eq!(known_counter_len("的"), 0);
        assert_eq!(known_counter_len("部门联合"), "部门".len());
        assert_eq!(known_counter_len("個月內"), "個月".len());
        assert_eq!(known_counter_len("个千分点"), "个千分点".len());
        assert_eq!(known_counter_len("周年"), 0);
    }

    #[test]
    fn words_after_the_counter_and_breaking_through() {
        let people = q(None, 6600.0, "万人以上");
        assert_eq!(people.base_value, 6.6e7);
        assert_eq!(people.base_unit, "人");
        assert_eq!(people.suffix, Some(Qualifier::AtLeast));
        assert_eq!(people.display(), "66,000,000人以上");
        assert_eq!(people.english(), "at least 66 million people");
        let share = q(None, 5.0, "%以下");
        assert_eq!(
            (share.base_unit.as_str(), share.suffix),
            ("%", Some(Qualifier::AtMost))
        );
        assert_eq!(share.qualifier_keyword(), "at_most");
        let over = q(Some("突破"), 100.0, "万亿元");
        assert_eq!(over.prefix, Some(Qualifier::Over));
        assert_eq!(over.base_value, 1e14);
    }
}
