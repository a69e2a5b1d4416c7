//! The text of a published document in whatever encoding it was saved in: UTF-8 (with or
//! without a byte-order mark), UTF-16 (by its mark or its zero bytes), or the Chinese legacy
//! encodings GB 18030 (GBK) and Big5, told apart by which reads as common Chinese. A web page
//! says its own charset, which is believed first.

use encoding_rs::{BIG5, Encoding, GB18030, UTF_16BE, UTF_16LE};

/// Characters common in reports in either script: the decoding that yields more of them is
/// the right one (GBK bytes read as Big5, and the other way round, give rare characters).
const COMMON: &str = "的一是在不了有和人这這中大为為上个個国國我以要他时時来來们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后多定行学學法所民得经經十三之进進着等部度家电電力里如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内數数正心反你明看原又么利比或但质質气氣第向道命此变變条條只没结結解问問意建月公无無系军軍很情者最立代想已通并提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別手角期根论論运運农農指几九区區强強放决決西被干做必战戰先回则則任取据處处队隊南给給色光门門即保治北造百规規热熱领領七海口东東导導器压壓志世金增争爭济濟阶階油思术術极極交受联聯什认認六共权權收证證改清己美再采转轉更单單风風切打白教速花带帶安场場身车車例真务務具万萬每目至达達走积積示议議声聲报報斗完类類八离離华華名确確才科张張信马馬节節话話米整空元况況今集温溫传傳土许許步群广廣石记記需段研界拉林律叫且究观觀越织織装裝影算低持音众眾书書布复復容儿兒须須际際商非验驗连連断斷深难難近矿礦千周委素技备備半办辦青省列习習响響约約支般史感劳勞便团團往酸历歷市克何除消构構府称稱太准精值号號率族维維划选選标標写寫存候毛亲親快效斯院查江型眼王按格养養易置派层層片始却专專状狀育厂廠京识識适適属屬圆圓包火住调調满滿县縣局照参參红紅细細引听聽该該铁鐵价價严嚴亿億协協";

/// Why a document's bytes could not be read as text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Undecodable {
    /// The byte offset where no known encoding reads on.
    pub offset: usize,
}

/// The document's text, and the name of the encoding it was read in.
pub(crate) fn decode(
    bytes: &[u8],
    declared: Option<&str>,
) -> Result<(String, &'static str), Undecodable> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if !had_errors {
            return Ok((text.into_owned(), encoding.name()));
        }
    }
    if let Some(encoding) = utf16_by_zeros(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok((text.into_owned(), encoding.name()));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), "UTF-8"));
    }
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8);
    let candidates: Vec<&'static Encoding> = declared.into_iter().chain([GB18030, BIG5]).collect();
    let mut best: Option<(usize, String, &'static str)> = None;
    for encoding in candidates {
        if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
            if Some(encoding) == declared {
                return Ok((text.into_owned(), encoding.name()));
            }
            // A sample decides: its first 100,000 characters are plenty, and a whole 64 MiB
            // file looked up in the table character by character is not.
            let score = text
                .chars()
                .take(100_000)
                .filter(|c| COMMON.contains(*c))
                .count();
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, text.into_owned(), encoding.name()));
            }
        }
    }
    best.map(|(_, text, name)| (text, name))
        .ok_or_else(|| Undecodable {
            offset: std::str::from_utf8(bytes)
                .err()
                .map_or(0, |e| e.valid_up_to()),
        })
}

/// UTF-16 without a byte-order mark: ASCII characters leave every other byte zero.
fn utf16_by_zeros(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 3 > half && even * 10 < half {
        Some(UTF_16LE)
    } else if even * 3 > half && odd * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str =
        "一、过去五年工作回顾\n国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。";
    const TRADITIONAL: &str =
        "一、加強學會建設\n全市共有市級學會86個，個人會員4.6萬人以上，舉辦學術交流活動418場次。";

    #[test]
    fn every_encoding_reports_are_saved_in_reads_back() {
        let gbk = GB18030.encode(REPORT).0;
        assert_eq!(decode(&gbk, None), Ok((REPORT.to_owned(), "gb18030")));
        let big5 = BIG5.encode(TRADITIONAL).0;
        assert_eq!(decode(&big5, None), Ok((TRADITIONAL.to_owned(), "Big5")));
        let gbk_traditional = GB18030.encode(TRADITIONAL).0;
        assert_eq!(
            decode(&gbk_traditional, None).map(|d| d.0),
            Ok(TRADITIONAL.to_owned())
        );
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend(REPORT.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16, None), Ok((REPORT.to_owned(), "UTF-16LE")));
        let ascii_utf16: Vec<u8> = "Report 2023\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&ascii_utf16, None).map(|d| d.1), Ok("UTF-16BE"));
        let bom: Vec<u8> = [&[0xEF, 0xBB, 0xBF][..], REPORT.as_bytes()].concat();
        assert_eq!(decode(&bom, None).map(|d| d.0), Ok(REPORT.to_owned()));
        // A page that says its charset is read in it.
        assert_eq!(
            decode(&gbk, Some("gbk")).map(|d| d.0),
            Ok(REPORT.to_owned())
        );
    }
}
