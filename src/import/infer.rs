//! Figures read off an initiative's bold numbers and the words around them: the number as the
//! loader reads a mark (`markup::mark_number`), the unit and qualifiers as `quantity` reads them,
//! a label guessed from the clause, and a year where the text gives one.

use std::ops::Range;

use crate::report::comparison;
use crate::report::markup::{self, MarkupError};
use crate::report::model::Status;
use crate::report::quantity::{self, Quantity};

/// A figure as the importer reads it from its mark and the words around it.
#[derive(Clone, Debug)]
pub(crate) struct Guess {
    pub value: f64,
    /// A range's upper end (3至5个).
    pub value_to: Option<f64>,
    /// The number as written where digits alone would not say it (1万6千, 3至5).
    pub numeral: Option<String>,
    /// The word before the number (超过, 近, 约), as written.
    pub prefix: Option<String>,
    /// Everything after the number that belongs to it (余万元, 万余人次, %), as written.
    pub unit: String,
    pub label: String,
    /// The year the clause gives (2018 年 → 2018).
    pub period: Option<String>,
    pub quantity: Quantity,
    /// The words between the previous figure and this one's mark, where 完成 may stand.
    pub lead: String,
    /// Which mark of the text it was read from (0 first).
    pub mark: usize,
    /// Whether the author set the number in bold (import sets it from the marks it found).
    pub stressed: bool,
    /// A target (力争, 目标) or an estimate (预计), as its sentence says; else a result.
    pub status: Status,
    /// Whether its sentence sets it against an earlier value (从 54 万亿元增加到 82.7 万亿元).
    pub from_to: Option<FromTo>,
}

impl Guess {
    /// Whether the number is a change of something (减少0.4万人, 增长7.1%), not a level: its
    /// clause ends with a change word, or its label does.
    pub fn is_change(&self) -> bool {
        let clause = last_clause(&self.lead);
        CHANGES
            .iter()
            .any(|c| clause.ends_with(c) || self.label.ends_with(c))
    }
}

/// Which side of 从X…到Y a figure stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FromTo {
    From,
    To,
}

/// Words written before a number and what stands before them when they are part of another
/// word instead (最近 is recently, 节约 is to save).
const PREFIXES: &[(&str, &str)] = &[
    // 約為800萬元, 约有 3 万人: about, with the verb that joins it to the number.
    ("约为", ""),
    ("約為", ""),
    ("约有", ""),
    ("約有", ""),
    ("约达", ""),
    ("約達", ""),
    ("不少于", ""),
    ("不少於", ""),
    ("不低于", ""),
    ("不低於", ""),
    ("至少", ""),
    ("最少", ""),
    ("超过", ""),
    ("超過", ""),
    ("将近", ""),
    ("將近", ""),
    ("接近", ""),
    ("大约", ""),
    ("大約", ""),
    ("逾", ""),
    ("近", "最附临臨靠邻鄰亲親贴貼走逼"),
    ("约", "节節签簽预預合公条條制契婚特邀履违違守相简簡隐隱"),
    ("約", "节節签簽预預合公条條制契婚特邀履违違守相简簡隐隱"),
    ("突破", ""),
    ("超", "高赶趕"),
];

/// Punctuation that ends the clause a label is taken from.
const CLAUSE_BREAKS: &[char] = &[
    '，', '。', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?', '\n',
];

/// Words before what a label counts that say nothing of it (共开展 …, 累计 …).
const LEADING_WORDS: &[&str] = &[
    "其中",
    // 把義工人數增至350人: 把 brings the object forward; 本會 is the speaker.
    "把",
    "本会",
    "本會",
    // 本年度總收入為385.6萬元: the time is the figure's period, the label what it counts.
    "本年度",
    "今年",
    // 13幅合共57公頃: "in all" joins two figures, it names neither.
    "合共",
    "共计",
    "共計",
    "合计",
    "合計",
    "累计",
    "累計",
    "总计",
    "總計",
    "先后",
    "先後",
    "全年",
    "另有",
    "共",
    "并",
    "並",
    "的",
    "和",
    "及",
    "与",
    "與",
    "或",
    "较",
    "較",
    "比",
    "开展",
    "開展",
    "举办",
    "舉辦",
    "实施",
    "實施",
    "形成",
    "成功创建",
    "成功創建",
    "创建",
    "創建",
    "铺建",
    "鋪建",
    "注册",
    "註冊",
    "引入",
    "承担",
    "承擔",
    "申请",
    "申請",
    "获得",
    "獲得",
    "提出",
    "落实",
    "落實",
    "建成",
    "建立",
    // A target's or an estimate's word: the figure's status says it (力争地区生产总值增长…).
    "力争",
    "力爭",
    "预计",
    "預計",
];

/// Words after it that say nothing of it (… 达, … 已完成).
const TRAILING_WORDS: &[&str] = &[
    // Before 及 below, which would leave 惠 of 惠及 (营养改善计划惠及3600多万农村学生).
    "惠及",
    "涉及",
    // An adverb or a modal before the number's verb (水耗均下降20%, 總開支將增加…).
    "平均",
    // 托位数不少于4.5个: a bound, which the figure's qualifier says.
    "不少于",
    "不少於",
    "不低于",
    "不低於",
    "将会",
    "將會",
    "预计会",
    "預計會",
    "将",
    "將",
    "均",
    "再",
    "达到",
    "達到",
    "高达",
    "高達",
    "达",
    "達",
    "为",
    "為",
    "合共",
    "共计",
    "共計",
    "合计",
    "合計",
    "累计",
    "累計",
    "总计",
    "總計",
    "已完成",
    "完成",
    "分别",
    "分別",
    "共",
    "已",
    "了",
    "的",
    "和",
    "及",
    "与",
    "與",
    "有序",
    "从",
    "從",
    "由",
    "增至",
    "提升至",
    "提高至",
    "升至",
    "降至",
    "减至",
    "減至",
    "增加到",
    "提高到",
    "上升到",
    "下降到",
    "减少到",
    "減少到",
    "降低到",
    "扩大到",
    "擴大到",
    "增长到",
    "增長到",
    "增加",
    "增长",
    "增長",
    "提高",
    "下降",
    "减少",
    "減少",
    "降低",
    "上升",
    "年均",
    "同比",
    "比上年",
    // 較上年度的9,800人次: what the figure is set against, not what it counts.
    "较",
    "較",
    // 登記義工人數由去年的210人增至286人: the time of the first, which its label is not.
    "去年",
    "上年度",
    "上年",
    "前年",
    "上届",
    "上屆",
    "在",
    "是",
    "到",
    "至",
];

/// The longest label the importer guesses, in characters; the end of a clause names the thing.
const MAX_LABEL_CHARS: usize = 20;

/// Marks only what the loader reads as a number: a bold run with its unit (`**1.396亿次**`)
/// keeps its mark on the number alone, and bold words that hold no number lose theirs.
/// The error is the byte offset of a `**` that does not pair up.
pub(crate) fn normalize_marks(text: &str) -> Result<String, usize> {
    let marks = markup::marks(text).map_err(|e| match e {
        MarkupError::Unclosed(at) | MarkupError::Empty(at) => at,
    })?;
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for mark in marks {
        out.push_str(&text[at..mark.outer.start]);
        let content = &text[mark.inner.clone()];
        if markup::mark_number(content).is_some() {
            out.push_str(&text[mark.outer.clone()]);
        } else if let Some(number) = number_within(content) {
            out.push_str(&content[..number.start]);
            out.push_str("**");
            out.push_str(&content[number.clone()]);
            out.push_str("**");
            out.push_str(&content[number.end..]);
        } else {
            out.push_str(content);
        }
        at = mark.outer.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// The first number written in digits inside a bold run, with its percent sign.
fn number_within(content: &str) -> Option<Range<usize>> {
    let is_digit = super::numbers::is_digit;
    let start = content.find(is_digit)?;
    let mut end = start;
    for (i, c) in content[start..].char_indices() {
        if is_digit(c) || matches!(c, '.' | '．' | ',' | '，') {
            end = start + i + c.len_utf8();
        } else {
            break;
        }
    }
    // A separator after the number ends the sentence, not the number.
    end = start
        + content[start..end]
            .trim_end_matches(['.', '．', ',', '，'])
            .len();
    if let Some(sign) = content[end..]
        .chars()
        .next()
        .filter(|c| matches!(c, '%' | '％'))
    {
        end += sign.len_utf8();
    }
    markup::mark_number(&content[start..end]).map(|_| start..end)
}

/// Every figure of a text whose marks are normalised, in order; `title` names what is counted
/// when the text says nothing else.
pub(crate) fn guess_figures(text: &str, title: &str) -> Vec<Guess> {
    let Ok(marks) = markup::marks(text) else {
        return Vec::new();
    };
    let mut guesses: Vec<Guess> = Vec::with_capacity(marks.len());
    let mut floor = 0;
    let mut after_first = false;
    // Sentences and their status words are read once, mark by mark.
    let mut statuses = comparison::StatusReader::default();
    let mut read_to = 0;
    for (k, mark) in marks.iter().enumerate() {
        let next = marks.get(k + 1).map_or(text.len(), |m| m.outer.start);
        let status = statuses.advance(&text[read_to..mark.outer.start], mark.outer.start);
        read_to = mark.outer.end;
        let sentence_start = statuses.sentence_start();
        let content = &text[mark.inner.clone()];
        let before = &text[floor..mark.outer.start];
        let prefix = read_prefix(before);
        let clause_end = floor + prefix.as_ref().map_or(before.len(), |(_, at)| *at);
        let prefix = prefix.map(|(word, _)| word.to_owned());
        let Some((number, unit, unit_len)) = read_number(content, &text[mark.outer.end..next])
        else {
            continue;
        };
        let value = number.value;
        let (unit, quantity) = match Quantity::parse(prefix.as_deref(), value, &unit) {
            Ok(quantity) => (unit, quantity),
            // A unit the quantity rules refuse is left out, not guessed at.
            Err(_) => match Quantity::parse(prefix.as_deref(), value, "") {
                Ok(quantity) => (String::new(), quantity),
                Err(_) => continue,
            },
        };
        let quantity = quantity.up_to(number.value_to);
        let unit_end = (mark.outer.end + unit_len).min(next);
        let after = &text[unit_end..next];
        let (mut label, side) = guess_label(&text[floor..clause_end], after, title, after_first);
        let from_to = from_to(before);
        let previous = guesses.last();
        // 从 54 万亿元增加到 82.7 万亿元: the second is the same measure as the first.
        if let Some(previous) = previous
            && previous.from_to == Some(FromTo::From)
            && from_to == Some(FromTo::To)
        {
            label.clone_from(&previous.label);
        }
        // 规模以上工业增加值增长7.1%: a percentage after a change word is that change of what
        // the clause names, not its level (a label 规模以上工业增加值 would read as 7.1%).
        let rate = unit.starts_with(['%', '％']) || unit.contains("百分点");
        if (rate || unit.contains("百分點"))
            && let Some((subject, change)) = changed_subject(&text[floor..clause_end])
        {
            label = format!("{subject}{change}");
        }
        // 国内生产总值 82.7 万亿元，增长 6.9%: the change is of the figure before it, or of
        // what its sentence names first when no figure stands before it (粮食产量63.2，增长1.8%).
        if let Some(change) = bare_change(&text[floor..clause_end]) {
            // The figure before counts only within this sentence (or row of a table).
            let since_previous = &text[floor..clause_end];
            let in_sentence = !since_previous.contains(['。', '！', '？', '；', '\n']);
            let subject = match previous {
                // 增长6.1%，提高0.5个百分点: the subject, not its change (…增长提高).
                Some(previous) if in_sentence => Some(without_change(&previous.label).to_owned()),
                _ => subject_of(&text[sentence_start..mark.outer.start]),
            };
            if let Some(subject) = subject {
                label = format!("{subject}{change}");
            }
        }
        // 活動場數2022年96場，2023年128場 (a table's row), 由去年的210人增至今年的286人: a clause
        // that gives only a time names the measure of the figure before it, at that time.
        let mut period = year_in(before);
        let clause = last_clause(&text[floor..clause_end]);
        if let Some((at, time)) = time_at_end(&clause) {
            let in_sentence = !text[floor..clause_end].contains(['。', '！', '？', '；', '\n']);
            match previous {
                Some(previous) if strip_words(&clause[..at]).is_empty() && in_sentence => {
                    label = without_change(&previous.label).to_owned();
                }
                _ => {
                    if let Some(rest) = label.strip_suffix(&clause[at..])
                        && !strip_words(rest).is_empty()
                    {
                        label = strip_words(rest);
                    }
                }
            }
            period = period.or(Some(time));
        }
        after_first = side == Side::After && !after.contains(CLAUSE_BREAKS);
        guesses.push(Guess {
            value,
            value_to: number.value_to,
            numeral: number.numeral,
            prefix,
            unit,
            label,
            period,
            quantity,
            lead: before.to_owned(),
            mark: k,
            stressed: true,
            status,
            from_to,
        });
        floor = unit_end;
    }
    guesses
}

/// A mark's number as the import reads it: its value, a range's upper end, and its numeral when
/// digits alone would not write it.
struct Number {
    value: f64,
    value_to: Option<f64>,
    numeral: Option<String>,
}

/// The number a mark holds and the unit after it (with its length in `after`): a plain number
/// (11.7%, 179), or a numeral the data layer reads in the unit's terms (1万6千 多户, 3至5 个).
fn read_number(content: &str, after: &str) -> Option<(Number, String, usize)> {
    if let Some((value, percent)) = markup::mark_number(content) {
        let (unit, unit_len) = read_unit(after, percent, value.fract() != 0.0);
        let number = Number {
            value,
            value_to: None,
            numeral: None,
        };
        return Some((number, unit, unit_len));
    }
    let (unit, unit_len) = read_unit(after, false, false);
    let magnitude = Quantity::parse(None, 1.0, &unit).map_or(0, |q| q.magnitude);
    let read = markup::read_numeral(content, &unit, magnitude)?;
    let number = Number {
        value: read.value,
        value_to: read.value_to,
        numeral: Some(content.trim().to_owned()),
    };
    Some((number, unit, unit_len))
}

/// Words that say a figure is a change of something named before (增长 6.1%).
const CHANGES: &[&str] = &[
    "年均增长",
    "年均增長",
    "增长",
    "增長",
    "下降",
    "提高",
    "增加",
    "减少",
    "減少",
    "降低",
    "上升",
];

/// A label without the change word it ends with (地区生产总值增长 → 地区生产总值).
fn without_change(label: &str) -> &str {
    CHANGES
        .iter()
        .find_map(|change| label.strip_suffix(change))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(label)
}

/// The last clause of the text before a number, without figure marks and without the 了 or
/// 为 that joins it to the number (比上年增长了 → 比上年增长).
fn last_clause(before: &str) -> String {
    let clause = before.rsplit(CLAUSE_BREAKS).next().unwrap_or_default();
    let clause = clause.replace("**", "");
    clause
        .trim()
        .trim_end_matches(['了', '为', '為'])
        .trim_end()
        .to_owned()
}

/// The change word a clause consists of, when it names nothing else (比上年增长, 同比下降).
fn bare_change(before: &str) -> Option<&'static str> {
    let clause = last_clause(before);
    let change = CHANGES.iter().copied().find(|c| clause.contains(c))?;
    let rest = clause.replacen(change, "", 1);
    let rest = rest
        .trim()
        .trim_start_matches("比上年")
        .trim_start_matches("同比")
        .trim_start_matches("分别")
        .trim_end_matches(['了', '为', '為'])
        .trim();
    rest.is_empty().then_some(change)
}

/// The thing a clause before a number names and the change word it ends with
/// (规模以上工业增加值增长 → 规模以上工业增加值, 增长; 增速比上年提高 → 增速, 提高).
fn changed_subject(before: &str) -> Option<(String, &'static str)> {
    let clause = last_clause(before);
    let clause = clause.as_str();
    let change = CHANGES.iter().copied().find(|c| clause.ends_with(c))?;
    let subject = clause[..clause.len() - change.len()]
        .trim_end()
        .trim_end_matches("比上年")
        .trim_end_matches("同比")
        .trim_end_matches("分别")
        .trim_end_matches("分別");
    let subject = strip_words(subject);
    (subject.chars().count() >= 2).then_some((subject, change))
}

/// What the sentence (or the row of a table) before a number names first: 粮食产量63.2，… →
/// 粮食产量.
fn subject_of(before: &str) -> Option<String> {
    let sentence = before
        .rsplit(['。', '！', '？', '；', '\n'])
        .next()
        .unwrap_or_default();
    let head = sentence
        .split(|c: char| c.is_ascii_digit() || CLAUSE_BREAKS.contains(&c) || c == '*')
        .next()
        .unwrap_or_default();
    let subject = strip_words(head);
    let names_a_change = CHANGES.iter().any(|c| subject.contains(c));
    (subject.chars().count() >= 2 && !names_a_change).then_some(subject)
}

/// 从 X (增加)到 Y, 由 X 提高到 Y: whether this number is the X or the Y.
/// `before` is the text since the previous figure. The pair is made only when a From stands
/// right before a To (`charts::pair`).
fn from_to(before: &str) -> Option<FromTo> {
    // 达到 says where a figure stands, not where a change went.
    let mut words = before.to_owned();
    for reached in ["达到", "達到", "到达", "到達", "直到", "到位"] {
        words = words.replace(reached, "");
    }
    let clause = words.rsplit(CLAUSE_BREAKS).next().unwrap_or_default();
    let unbroken = !words.contains(CLAUSE_BREAKS);
    if unbroken && words.contains(['到', '至', '→']) {
        return Some(FromTo::To);
    }
    // 由于 and 自由 are no "from".
    let from = clause.char_indices().any(|(at, c)| match c {
        '从' | '從' => true,
        '由' => {
            let next = clause[at + c.len_utf8()..].chars().next();
            let prev = clause[..at].chars().next_back();
            !matches!(next, Some('于' | '於' | '此'))
                && !matches!(prev, Some('自' | '理' | '经' | '經' | '缘' | '緣'))
        }
        _ => false,
    });
    from.then_some(FromTo::From)
}

/// The qualifier word right before a number, and where it starts.
fn read_prefix(before: &str) -> Option<(&'static str, usize)> {
    let trimmed = before.trim_end_matches([' ', '\u{3000}']);
    PREFIXES.iter().find_map(|&(word, not_after)| {
        let head = trimmed.strip_suffix(word)?;
        let part_of_a_word = head.chars().last().is_some_and(|c| not_after.contains(c));
        (!part_of_a_word).then_some((word, head.len()))
    })
}

/// The unit written after a number, as written, and how many bytes of `after` it takes:
/// magnitudes and 余/多 (万余, 余万, 千万), one counter the quantity rules know (人次, 個, %),
/// then 左右. A percent sign inside the mark is the unit.
pub(crate) fn read_unit(after: &str, percent: bool, decimal: bool) -> (String, usize) {
    if percent {
        return ("%".to_owned(), 0);
    }
    let start = after.len() - after.trim_start_matches([' ', '\u{3000}']).len();
    let rest = &after[start..];
    let mut end = 0;
    let (mut magnitude, mut more_than) = (false, false);
    while let Some(c) = rest[end..].chars().next() {
        let next = rest[end + c.len_utf8()..].chars().next();
        let take = match c {
            '万' | '萬' | '亿' | '億' => {
                magnitude = true;
                true
            }
            // 十, 百 and 千 are magnitudes only before 万 or 亿 (千万元), as quantity reads them.
            '十' | '百' | '千' => matches!(next, Some('万' | '萬' | '亿' | '億')),
            '余' | '餘' | '多' if !more_than => {
                more_than = true;
                true
            }
            _ => false,
        };
        if !take {
            break;
        }
        end += c.len_utf8();
    }
    end += counter_len(&rest[end..], magnitude);
    // 10.5 年 is a measure of years; a whole number before 年 is a year.
    if decimal && end == 0 && rest.starts_with('年') && !rest.starts_with("年均") {
        end = '年'.len_utf8();
    }
    if !more_than
        && let Some(word) = crate::report::quantity::WORDS_AFTER_COUNTER
            .iter()
            .map(|(word, _)| *word)
            .find(|w| rest[end..].starts_with(w))
    {
        end += word.len();
    }
    if end == 0 {
        return (String::new(), 0);
    }
    (rest[..end].to_owned(), start + end)
}

/// The length in bytes of the known counter `text` starts with, the longest one (人次 before 人),
/// in either script.
fn counter_len(text: &str, magnitude: bool) -> usize {
    if !magnitude && text.starts_with(['%', '％']) {
        return text.chars().next().map_or(0, char::len_utf8);
    }
    let known = quantity::known_counter_len(text);
    if known > 0 {
        return if text.starts_with(['%', '％']) {
            0
        } else {
            known
        };
    }
    // A counter the list does not know (罐, 艘次) is kept, and `check` warns of it: cutting it
    // would make 1.37 万亿斤 a count of nothing. Words that cannot be counters end the unit.
    // It must end the phrase (1.37 万亿斤，): 8000 多万农业转移人口 counts people, and 农 is
    // the start of a word, not a counter.
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        // …and be followed by a mark: at the end of a text (a line broken there) it may be the
        // first character of a longer counter (2200萬小 / 時).
        (Some(c), Some(next))
            if is_ideograph(c)
                && !NOT_COUNTERS.contains(c)
                && !is_ideograph(next)
                && !next.is_ascii_alphanumeric() =>
        {
            c.len_utf8()
        }
        _ => 0,
    }
}

/// Characters that follow a number without being its counter (1800 的, 3 和 4, 5 以上).
const NOT_COUNTERS: &str = "的和与與及或以在到至比为為是了等左上下中内內外年月日号號时時分秒第之";

/// A Chinese character (the unified ideographs and extension A).
pub(crate) fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Which side of its number a figure's label was read from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// What a figure counts, guessed from the clause before its number (阅读总量达 **1.396** 亿次 →
/// 阅读总量), else from the words after its unit (**21** 项深化改革任务), else the initiative's
/// title. `after_first`: the clause before was the previous figure's, read after its number
/// (**38** 个海外基地和 **2** 个市域产业工作站).
fn guess_label(before: &str, after: &str, title: &str, after_first: bool) -> (String, Side) {
    let (from_before, ends_with_verb) =
        label_before(before.rsplit(CLAUSE_BREAKS).next().unwrap_or_default());
    let from_after = label_after(after.split(CLAUSE_BREAKS).next().unwrap_or_default());
    // 共落实 **200** 万元贫困村产业发展资金: after a verb, what is counted follows the number.
    let order = if after_first || ends_with_verb {
        [(from_after, Side::After), (from_before, Side::Before)]
    } else {
        [(from_before, Side::Before), (from_after, Side::After)]
    };
    // A bracket or a dash alone names nothing, and one character seldom does (合 of 合共):
    // the other side's words first, if they say more.
    let names =
        |label: &str, least: usize| label.chars().filter(|c| c.is_alphanumeric()).count() >= least;
    let [first, second] = order;
    [(&first, 2), (&second, 2), (&first, 1), (&second, 1)]
        .into_iter()
        .find(|((label, _), least)| names(label, *least))
        .map(|((label, side), _)| (label.clone(), *side))
        .unwrap_or_else(|| (last_chars(title.trim(), MAX_LABEL_CHARS), Side::Before))
}

/// Verbs between an action and what it counts (开展疫情排查, 举办各类科普活动): the label is
/// what follows the verb before a number, or what precedes it after one.
const VERBS: &[&str] = &[
    "开展", "開展", "举办", "舉辦", "举行", "舉行", "建成", "建立", "引进", "引進", "承担", "承擔",
    "承接", "开发", "開發", "制定", "申请", "申請", "获得", "獲得", "注册", "註冊", "分享", "实施",
    "實施", "铺建", "鋪建", "创建", "創建", "落实", "落實", "捐助", "开通", "開通", "支持", "收集",
    "提出", "参与", "參與", "参加", "參加", "达成", "達成", "提高", "增长", "增長", "受惠", "受益",
    "获益", "獲益",
];

/// The label a clause before a number gives, and whether the clause ends with a verb.
fn label_before(clause: &str) -> (String, bool) {
    let words = strip_words(clause);
    // 全港將會有 25個公共暖水泳池: after 有 (there are), what is counted follows the number.
    let ends_with_have = verb_have_at_end(clause.trim_end()).is_some();
    let ends_with_verb = ends_with_have || VERBS.iter().any(|verb| words.ends_with(verb));
    let mut label = words.as_str();
    // 开展疫情排查, … 等国家学会创新驱动助力工程服务站, … 的阅读总量: the last words name the
    // thing, when they are enough to (not 经费 alone: 争取支持经费 says more).
    let end_of_last = |words: &[&str], label: &str| {
        words
            .iter()
            .filter_map(|w| label.rfind(w).map(|at| at + w.len()))
            .max()
    };
    for words in [VERBS, &["等"], &["的"]] {
        if let Some(tail) = end_of_last(words, label).map(|at| label[at..].trim())
            && tail.chars().count() >= 3
        {
            label = tail;
        }
    }
    let label = strip_words(balanced(&last_chars(label, MAX_LABEL_CHARS)));
    (label, ends_with_verb)
}

/// The label the words after a number's unit give: up to their first verb
/// (**13** 家学会获得… → 学会).
fn label_after(clause: &str) -> String {
    let words = strip_words(clause);
    let mut label = words.as_str();
    // The first thing named: up to a verb (学会获得…), or to 和 (人民币和价值).
    let first_of = |words: &[&str], label: &str| words.iter().filter_map(|w| label.find(w)).min();
    for words in [VERBS, &["以及", "和", "及", "与", "與"]] {
        if let Some(head) = first_of(words, label).map(|at| label[..at].trim())
            && head.chars().count() >= 2
        {
            label = head;
        }
    }
    strip_words(balanced(&first_chars(label, MAX_LABEL_CHARS)))
}

/// A clause without marks of other figures, years, and the words around what it names.
fn strip_words(clause: &str) -> String {
    let without_years = remove_years(&clause.replace("**", ""));
    let mut label = without_years.trim();
    loop {
        let before = label;
        label = without_list_number(label);
        for word in LEADING_WORDS {
            // 比 (than) leads 比上年, never 比例 or 比重 (a share).
            let word_goes_on = *word == "比"
                && ["比例", "比重", "比率"]
                    .iter()
                    .any(|w| label.starts_with(w));
            if let Some(rest) = label.strip_prefix(word).filter(|r| !r.trim().is_empty())
                && !word_goes_on
            {
                label = rest.trim_start();
            }
        }
        for word in TRAILING_WORDS {
            if let Some(rest) = label.strip_suffix(word) {
                label = rest.trim_end();
            }
        }
        label = without_verb_have(label);
        if label == before {
            break;
        }
    }
    label.to_owned()
}

/// A label without the 有 (has) that joins it to its number (工业大类行业有37个 → 工业大类行业),
/// when enough is left to name something.
fn without_verb_have(label: &str) -> &str {
    match verb_have_at_end(label) {
        Some(at) if label[..at].chars().count() >= 2 => label[..at].trim_end(),
        _ => label,
    }
}

/// Where a 有 (there is, has) that ends a clause starts (全港將會有, 全国共有), never the 有 of a
/// word (国有, 私有, 所有, 具有).
fn verb_have_at_end(clause: &str) -> Option<usize> {
    const VERBS: [&str; 18] = [
        "将会有",
        "將會有",
        "会有",
        "會有",
        "约有",
        "約有",
        "仅有",
        "僅有",
        "尚有",
        "还有",
        "還有",
        "已有",
        "共有",
        "拥有",
        "擁有",
        "现有",
        "現有",
        "有",
    ];
    let word_end = [
        '国', '國', '公', '私', '所', '占', '具', '持', '享', '含', '没', '沒', '只',
    ];
    VERBS.iter().find_map(|verb| {
        let rest = clause.strip_suffix(verb)?;
        (*verb != "有" || !rest.ends_with(word_end)).then_some(rest.len())
    })
}

/// A label without the number of the list item it stands in (1. 2、 （3） ④ 新建高标准农田):
/// that numbers the item, not the thing counted.
fn without_list_number(label: &str) -> &str {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let label = label.trim_start();
    if let Some(c) = label.chars().next().filter(|c| ('①'..='⑳').contains(c)) {
        return label[c.len_utf8()..].trim_start();
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = label.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && end > 0
            && rest[..end]
                .chars()
                .all(|c| digit(c) || "一二三四五六七八九十".contains(c))
        {
            return rest[end + close.len_utf8()..].trim_start();
        }
    }
    let digits: usize = label
        .chars()
        .take_while(|&c| digit(c))
        .map(char::len_utf8)
        .sum();
    if digits > 0
        && let Some(mark) = label[digits..].chars().next()
        && matches!(mark, '.' | '．' | '、')
        && !label[digits + mark.len_utf8()..].starts_with(digit)
    {
        return label[digits + mark.len_utf8()..].trim_start();
    }
    label
}

/// A label without a quotation or bracket left open by cutting it: the words before an
/// unmatched closing mark, and from an unmatched opening one, go.
fn balanced(label: &str) -> &str {
    const OPENERS: &str = "“「《（(";
    const CLOSERS: &str = "”」》）)";
    let mut start = 0;
    let mut open: Vec<usize> = Vec::new();
    for (at, c) in label.char_indices() {
        if OPENERS.contains(c) {
            open.push(at);
        } else if CLOSERS.contains(c) && open.pop().is_none() {
            start = at + c.len_utf8();
        }
    }
    let end = open
        .into_iter()
        .find(|&at| at >= start)
        .unwrap_or(label.len());
    let kept = label[start..end].trim();
    if kept.is_empty() { label.trim() } else { kept }
}

/// A clause without its years (2012 年).
fn remove_years(clause: &str) -> String {
    let mut out = String::with_capacity(clause.len());
    let mut rest = clause;
    while let Some((range, _)) = find_year(rest) {
        out.push_str(&rest[..range.start]);
        rest = &rest[range.end..];
    }
    out.push_str(rest);
    out
}

/// A time a clause ends with, where it starts and the period it gives: a year in Chinese
/// numerals (二〇二三年 → 2023), a financial year as written (二〇二二至二三年度, 2022-23年度), or
/// a year named by its place (上年度, 本年度, 去年, 今年). Years in digits are `year_in`'s.
fn time_at_end(clause: &str) -> Option<(usize, String)> {
    let clause = clause.trim_end_matches(['的', ' ', '\u{3000}']);
    for word in ["上年度", "本年度", "去年", "今年", "上年", "本年", "同期"] {
        if let Some(rest) = clause.strip_suffix(word) {
            return Some((rest.len(), word.to_owned()));
        }
    }
    let digits = |c: char| "〇零一二三四五六七八九0123456789０１２３４５６７８９".contains(c);
    let (rest, year_word) = match clause.strip_suffix("年度") {
        Some(rest) => (rest, "年度"),
        None => (clause.strip_suffix('年')?, "年"),
    };
    let start = rest
        .char_indices()
        .rev()
        .take_while(|&(_, c)| digits(c) || (year_word == "年度" && "至-－/／~～".contains(c)))
        .last()
        .map(|(at, _)| at)?;
    let written = &clause[start..];
    let numerals: String = rest[start..].chars().filter(|&c| digits(c)).collect();
    // A year has four numerals; a financial year, four and two or four (2022-23, 2022至2023).
    let count = numerals.chars().count();
    if !(count == 4 || (year_word == "年度" && (count == 6 || count == 8))) {
        return None;
    }
    // 二〇二三年 reads 2023, as a year in digits does; a financial year stays as written.
    let period = match (year_word, han_year(&numerals)) {
        ("年", Some(year)) => year,
        _ => written.to_owned(),
    };
    Some((start, period))
}

/// 二〇二三 → 2023; four digits of either kind, one by one.
fn han_year(numerals: &str) -> Option<String> {
    let year: Option<String> = numerals
        .chars()
        .map(|c| match c {
            '〇' | '零' => Some('0'),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            c if c.is_ascii_digit() => Some(c),
            c => "一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .and_then(|d| char::from_digit(d as u32 + 1, 10)),
        })
        .collect();
    year.filter(|y| y.len() == 4)
}

/// The last year a text names (2018 年), as ASCII digits.
fn year_in(text: &str) -> Option<String> {
    let mut found = None;
    let mut rest = text;
    while let Some((range, year)) = find_year(rest) {
        found = Some(year);
        rest = &rest[range.end..];
    }
    found
}

/// The first year of a text, four digits of either width then 年, with its byte range
/// (year and 年) and its digits.
fn find_year(text: &str) -> Option<(Range<usize>, String)> {
    let digit = |c: char| match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for start in 0..chars.len() {
        let digits: String = chars[start..]
            .iter()
            .map_while(|&(_, c)| digit(c))
            .collect();
        let starts_a_number = start == 0 || digit(chars[start - 1].1).is_none();
        if digits.len() != 4
            || !starts_a_number
            || !(digits.starts_with("19") || digits.starts_with("20"))
        {
            continue;
        }
        let mut k = start + 4;
        while chars
            .get(k)
            .is_some_and(|&(_, c)| c == ' ' || c == '\u{3000}')
        {
            k += 1;
        }
        if let Some(&(at, '年')) = chars.get(k) {
            return Some((chars[start].0..at + '年'.len_utf8(), digits));
        }
    }
    None
}

fn last_chars(text: &str, n: usize) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(n)).collect()
}

fn first_chars(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Guess {
        let guesses = guess_figures(text, "标题");
        assert_eq!(guesses.len(), 1, "{text}");
        guesses.into_iter().next().expect("one")
    }

    #[test]
    fn units_and_words_around_the_number() {
        let reads = one("科普知识的阅读总量达 **1.396** 亿次，");
        assert_eq!(
            (reads.unit.as_str(), reads.label.as_str()),
            ("亿次", "阅读总量")
        );
        let funds = one("共计捐助 **1800** 余万元人民币");
        assert_eq!(funds.unit, "余万元");
        assert_eq!(funds.quantity.base_value, 18_000_000.0);
        let people = one("参与公众超过 **1000** 万余人次。");
        assert_eq!(
            (people.prefix.as_deref(), people.unit.as_str()),
            (Some("超过"), "万余人次")
        );
        assert_eq!(people.label, "参与公众");
        let towns = one("街道科協近 **８４００** 多個，");
        assert_eq!(
            (towns.prefix.as_deref(), towns.unit.as_str()),
            (Some("近"), "多個")
        );
        assert_eq!(towns.value, 8400.0);
        assert_eq!(one("比例达到 **11.7%**，").unit, "%");
        assert_eq!(one("节约 **3** 万元").prefix, None);
        assert_eq!(one("共 **300** 人左右").unit, "人左右");
        assert_eq!(one("共 **2018** 年").unit, "");
    }

    #[test]
    fn a_rate_after_a_change_word_is_labelled_as_that_change() {
        let guesses = guess_figures(
            "规模以上工业增加值增长 **7.1%** ，规模以上工业企业达到 **112** 户。",
            "标题",
        );
        assert_eq!(guesses[0].label, "规模以上工业增加值增长");
        assert_eq!(guesses[1].label, "规模以上工业企业");
        let target = guess_figures("力爭地區生產總值增長 **6%** 左右。", "标题");
        assert_eq!(target[0].label, "地區生產總值增長");
        let points = guess_figures("增速比上年提高 **0.6** 個百分點。", "标题");
        assert_eq!(points[0].label, "增速提高");
        // A level stays a level: 城镇化率达到52.3%.
        let level = guess_figures("城镇化率达到 **52.3%** 。", "标题");
        assert_eq!(level[0].label, "城镇化率");
    }

    #[test]
    fn a_list_item_s_number_is_no_part_of_its_label() {
        for (text, label) in [
            ("1.新建高標準農田 **3.2** 萬畝。", "新建高標準農田"),
            ("2、新增农民专业合作社 **48** 个。", "新增农民专业合作社"),
            ("（3）改造农村公路 **215.6** 公里。", "改造农村公路"),
            ("④培训农民 **1,200** 人次。", "培训农民"),
        ] {
            assert_eq!(guess_figures(text, "标题")[0].label, label, "{text}");
        }
    }

    #[test]
    fn a_label_from_the_words_after_when_none_come_before() {
        let guesses = guess_figures("。**21** 项深化改革任务已完成 **19** 项。", "标题");
        assert_eq!(guesses[0].label, "深化改革任务");
        assert_eq!(guesses[1].label, "深化改革任务");
        assert!(guesses[1].lead.contains("完成"));
    }

    /// After 有 (there are), what is counted follows the number: the shapes of a Hong Kong
    /// budget speech and a national health bulletin; a pronoun, a preposition or 合 of 合共
    /// names nothing when the other side does.
    #[test]
    fn after_have_the_label_is_what_follows_the_number() {
        for (text, label) in [
            ("全港將會有**25**個公共暖水泳池。", "公共暖水泳池"),
            ("我預計會有**8,503**億元的財政儲備。", "財政儲備"),
            ("全国共有**3.3**万个乡镇卫生院。", "乡镇卫生院"),
            ("會有**40**萬長者受惠。", "長者"),
            ("讓**5000**名符合白表資格的人士受惠。", "符合白表資格的人士"),
            // Nothing after it: the words before, without 有.
            ("全市工业大类行业有**37**个。", "全市工业大类行业"),
            // The 有 of a word stays.
            ("全市国有**52**家。", "全市国有"),
        ] {
            assert_eq!(guess_figures(text, "标题")[0].label, label, "{text}");
        }
    }

    #[test]
    fn years_are_periods_not_labels() {
        let guesses = guess_figures(
            "2018 年，全市公民具备科学素质的比例达到 **11.7%**，较 2012 年的 **6.2%** 提高了 **88.7%**。",
            "标题",
        );
        let periods: Vec<Option<&str>> = guesses.iter().map(|g| g.period.as_deref()).collect();
        assert_eq!(periods, [Some("2018"), Some("2012"), None]);
        assert_eq!(guesses[0].label, "全市公民具备科学素质的比例");
    }

    #[test]
    fn marks_hold_numbers_only() {
        assert_eq!(
            normalize_marks("达 **1.396亿次**，**重要**的 **8,400**").as_deref(),
            Ok("达 **1.396**亿次，重要的 **8,400**")
        );
        assert_eq!(normalize_marks("a **1 b"), Err(2));
    }
}
