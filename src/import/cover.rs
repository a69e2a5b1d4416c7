//! A published report's cover: its title, a romanised line, the date line (——2018年3月5日在…),
//! the speaker (国务院总理 李克强), the salutation (各位代表：) and the publisher (国家统计局),
//! each kept in a field of its own and never glued onto the title.

use super::text::Brochure;

/// Words an organisation's name ends with (成都市科学技术协会, 国家统计局, 国务院).
const ORGANISATIONS: &[&str] = &[
    "协会",
    "協會",
    "学会",
    "學會",
    "科协",
    "科協",
    "委员会",
    "委員會",
    "政府",
    "统计局",
    "統計局",
    "局",
    "厅",
    "廳",
    "国务院",
    "國務院",
    "办公室",
    "辦公室",
    "公司",
    "集团",
    "集團",
    "联合会",
    "聯合會",
    "总会",
    "總會",
    "研究院",
    "大学",
    "大學",
];

/// Offices a speaker holds, which end the organisation in a speaker's line (国务院总理).
const OFFICES: &[&str] = &[
    "总理",
    "總理",
    "主席",
    "市长",
    "市長",
    "省长",
    "省長",
    "区长",
    "區長",
    "县长",
    "縣長",
    "书记",
    "書記",
    "会长",
    "會長",
    "理事长",
    "理事長",
    "局长",
    "局長",
    "主任",
    "行政长官",
    "行政長官",
    "部长",
    "部長",
    "院长",
    "院長",
    "秘书长",
    "秘書長",
];

/// Reads the lines before the first chapter into the brochure's cover fields.
pub(crate) fn read(lines: &[&str], brochure: &mut Brochure) {
    for &line in lines {
        let line = line.trim();
        let plain = line
            .strip_prefix("**")
            .and_then(|l| l.strip_suffix("**"))
            .unwrap_or(line)
            .trim();
        if plain.is_empty() {
            continue;
        }
        if plain.is_ascii() {
            append(&mut brochure.subtitle, plain);
        } else if brochure.date.is_empty() && is_date_line(plain) {
            brochure.date = plain.to_owned();
        } else if brochure.salutation.is_empty() && is_salutation(plain) {
            brochure.salutation = plain.to_owned();
        } else if brochure.speaker.is_empty() && speaker_organisation(plain).is_some() {
            brochure.speaker = plain.to_owned();
        } else if brochure.title.is_empty() {
            brochure.title = plain.to_owned();
        } else if brochure.publisher.is_empty() && is_organisation(plain) {
            brochure.publisher = plain.to_owned();
        } else {
            // A second line of title (a subtitle, a motto): kept beside it, not glued on.
            append(&mut brochure.subtitle, plain);
        }
    }
    if brochure.title.is_empty() {
        brochure.title = std::mem::take(&mut brochure.subtitle);
    }
    if brochure.publisher.is_empty() {
        brochure.publisher = speaker_organisation(&brochure.speaker)
            .or_else(|| organisation_in(&brochure.title))
            .unwrap_or_default();
    }
    // A bulletin of 2019 is given in 2020: the title's year is the one the report reviews.
    brochure.year = year_in(&brochure.title).or_else(|| year_in(&brochure.date));
}

fn append(field: &mut String, line: &str) {
    if !field.is_empty() {
        field.push(' ');
    }
    field.push_str(line);
}

/// ——2018年3月5日在第十三届全国人民代表大会第一次会议上, （2019年1月15日）, 2019年2月28日.
fn is_date_line(line: &str) -> bool {
    let inner = line
        .trim_start_matches(['—', '-', '－', '（', '('])
        .trim_end_matches(['）', ')']);
    let dashed = inner.len() < line.len() && line.starts_with(['—', '-', '－']);
    let date = date_at_start(inner);
    date && (dashed || inner.chars().count() <= 40)
}

/// Whether a text starts with a date: four digits (or Chinese numerals, 二〇二四), 年, then a
/// month (2018年3月, 二〇二四年三月).
fn date_at_start(text: &str) -> bool {
    let chars: Vec<char> = text.chars().take(12).collect();
    let year = |c: &&char| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(**c);
    let digits = chars.iter().take_while(year).count();
    digits == 4
        && chars.get(4) == Some(&'年')
        && chars
            .get(5)
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
}

/// 各位代表：, 同志们：: a short line ending with a colon.
fn is_salutation(line: &str) -> bool {
    let count = line.chars().count();
    (2..=16).contains(&count) && line.ends_with(['：', ':'])
}

/// The organisation of a speaker's line (国务院总理 李克强 → 国务院), when it is one.
fn speaker_organisation(line: &str) -> Option<String> {
    // A title names an office too (大会主席团工作报告): a report is no speaker.
    let titled = [
        "报告", "報告", "公报", "公報", "总结", "總結", "回眸", "工作",
    ]
    .iter()
    .any(|word| line.contains(word));
    if titled || line.chars().count() > 30 || line.contains(['，', '。', '；']) {
        return None;
    }
    OFFICES.iter().find_map(|office| {
        let at = line.find(office)?;
        let organisation = line[..at].trim();
        // The speaker's name follows the office (总理 李克强), or the line is the office alone.
        let rest = line[at + office.len()..].trim();
        (rest.chars().count() <= 4).then(|| organisation.to_owned())
    })
}

/// A short line naming an organisation (国家统计局).
fn is_organisation(line: &str) -> bool {
    line.chars().count() <= 24
        && !line.contains(['，', '。', '；', '：'])
        && ORGANISATIONS.iter().any(|word| line.ends_with(word))
}

/// The organisation a title begins with (成都市科学技术协会八大以来工作回眸 → 成都市科学技术协会),
/// a leading year left out (2019年国务院政府工作报告 → 国务院). A shelf guesses a report's
/// publisher with it too.
pub fn organisation_in(title: &str) -> Option<String> {
    let title = title
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '年' || c.is_whitespace());
    ORGANISATIONS
        .iter()
        .filter_map(|word| title.find(word).map(|at| at + word.len()))
        .min()
        .map(|end| title[..end].to_owned())
        .filter(|organisation| organisation.chars().count() >= 3)
}

/// The first year of a text, in digits or Chinese numerals (2018年, 二〇二三年 → 2023).
fn year_in(text: &str) -> Option<u32> {
    digit_year_in(text).or_else(|| han_year_in(text))
}

/// 二〇二三年 → 2023.
fn han_year_in(text: &str) -> Option<u32> {
    const DIGITS: &str = "〇一二三四五六七八九";
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).find_map(|w| {
        if w[4] != '年' {
            return None;
        }
        let year = w[..4].iter().try_fold(0u32, |year, &c| {
            let digit = DIGITS
                .chars()
                .position(|d| d == c)
                .or((c == '零').then_some(0))?;
            Some(year * 10 + digit as u32)
        })?;
        (1900..2200).contains(&year).then_some(year)
    })
}

fn digit_year_in(text: &str) -> Option<u32> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    (0..chars.len()).find_map(|k| {
        let starts = k == 0 || !chars[k - 1].1.is_ascii_digit();
        let digits: String = chars[k..]
            .iter()
            .take(4)
            .map(|&(_, c)| c)
            .filter(char::is_ascii_digit)
            .collect();
        let after = chars.get(k + 4).map(|&(_, c)| c);
        (starts && digits.len() == 4 && after == Some('年'))
            .then(|| digits.parse().ok())
            .flatten()
            .filter(|year| (1900..2200).contains(year))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_government_work_report_cover() {
        let mut cover = Brochure::default();
        read(
            &[
                "政府工作报告",
                "——2018年3月5日在第十三届全国人民代表大会第一次会议上",
                "国务院总理 李克强",
                "各位代表：",
            ],
            &mut cover,
        );
        assert_eq!(cover.title, "政府工作报告");
        assert_eq!(
            cover.date,
            "——2018年3月5日在第十三届全国人民代表大会第一次会议上"
        );
        assert_eq!(cover.speaker, "国务院总理 李克强");
        assert_eq!(cover.salutation, "各位代表：");
        assert_eq!(cover.publisher, "国务院");
        assert_eq!(cover.year, Some(2018));
        assert_eq!(cover.subtitle, "");
    }

    #[test]
    fn a_statistics_bulletin_and_a_brochure_cover() {
        let mut bulletin = Brochure::default();
        read(
            &[
                "某市2019年国民经济和社会发展统计公报",
                "某市统计局",
                "2020年3月20日",
            ],
            &mut bulletin,
        );
        assert_eq!(bulletin.publisher, "某市统计局");
        assert_eq!(bulletin.date, "2020年3月20日");
        assert_eq!(bulletin.year, Some(2019));
        let mut brochure = Brochure::default();
        read(
            &["成都市科学技术协会八大以来工作回眸", "GONG ZUO HUI MOU"],
            &mut brochure,
        );
        assert_eq!(brochure.subtitle, "GONG ZUO HUI MOU");
        assert_eq!(brochure.publisher, "成都市科学技术协会");
        assert_eq!(brochure.year, None);
        let mut review = Brochure::default();
        read(&["示例市科學技術協會二〇二三年度工作報告"], &mut review);
        assert_eq!(review.year, Some(2023));
        assert_eq!(review.publisher, "示例市科學技術協會");
        // A Hong Kong association's cover: its name, the year's title, a date in numerals.
        let mut association = Brochure::default();
        read(
            &[
                "香港社區科普推廣協會",
                "二〇二三至二〇二四年度工作回顧",
                "二〇二四年三月",
            ],
            &mut association,
        );
        assert_eq!(association.date, "二〇二四年三月");
        assert_eq!(association.subtitle, "二〇二三至二〇二四年度工作回顧");
    }
}
