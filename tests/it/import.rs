//! `huimou import`: the project's own brochure, as text and as a Word document, becomes a
//! dataset whose figures are those of the built-in report; guessed labels are flagged until
//! confirmed; a brochure in traditional characters imports; bad sources say where and what.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use huimou::document::load;
use huimou::import::{self, Place};
use huimou::report::lang::Lang;

/// The brochure 成都市科学技术协会八大以来工作回眸 as its text was received.
const SEED: &str = include_str!("../data/import/seed.txt");

/// Runs the binary in the C locale, so that its messages are English.
fn huimou(args: &[&str]) -> Output {
    huimou_in(args, "C")
}

fn huimou_in(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huimou"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A fresh folder of this test's own under cargo's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("import")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The columns of `huimou figures --format csv` that say what a figure is worth, row by row.
fn figure_values(dataset: &Path) -> Vec<[String; 5]> {
    let output = huimou(&["figures", arg(dataset), "--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let columns = ["value", "unit", "qualifier", "base_value", "base_unit"].map(column);
    reader
        .records()
        .map(|record| {
            let record = record.expect("row");
            columns.map(|c| record[c].to_owned())
        })
        .collect()
}

/// Imports `source` with the command line into `dir`, and returns the dataset's path.
fn import_to(source: &Path, dir: &Path) -> PathBuf {
    let out = dir.join("imported.ron");
    let output = huimou(&["import", arg(source), "--out", arg(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let said = text(&output.stderr);
    assert!(
        said.starts_with(&format!("wrote {}", out.display())),
        "{said}"
    );
    out
}

/// The imported report's chapters and initiatives are the built-in report's, word for word,
/// and its figures are worth what the built-in report's are.
fn assert_like_the_built_in_report(imported: &huimou::Report, dataset: &Path) {
    let built_in = load::embedded().report;
    assert_eq!(imported.title, built_in.title);
    assert_eq!(imported.subtitle, built_in.subtitle);
    assert_eq!(imported.motto, built_in.motto);
    assert_eq!(imported.chapters.len(), 5);
    assert_eq!(imported.initiative_count(), 21);
    for (mine, theirs) in imported.chapters.iter().zip(&built_in.chapters) {
        assert_eq!(
            (mine.number, &mine.name, &mine.headline, &mine.id),
            (theirs.number, &theirs.name, &theirs.headline, &theirs.id)
        );
        assert_eq!(
            mine.initiatives.len(),
            theirs.initiatives.len(),
            "{}",
            mine.name
        );
        for (a, b) in mine.initiatives.iter().zip(&theirs.initiatives) {
            assert_eq!((&a.title, &a.text), (&b.title, &b.text));
        }
    }
    let built_in_values = figure_values(Path::new(load::EMBEDDED_NAME));
    let imported_values = figure_values(dataset);
    assert_eq!(imported_values.len(), 59);
    for (row, (mine, theirs)) in imported_values.iter().zip(&built_in_values).enumerate() {
        assert_eq!(mine, theirs, "figure {}", row + 1);
    }
    assert_eq!(imported_values.len(), built_in_values.len());
}

#[test]
fn the_seed_brochure_imports_as_the_built_in_report() {
    let dir = scratch("seed");
    let out = import_to(&data("seed.txt"), &dir);
    let imported = import::import_text(SEED, "seed.txt").expect("imports");
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        imported.ron,
        "the file holds exactly the dataset's text"
    );
    assert_like_the_built_in_report(&imported.report, &out);
    assert_eq!(imported.guessed_labels, 59);
    // The loader reads exactly what was written.
    let dataset = load::load_bytes(imported.ron.clone().into_bytes(), &out).expect("loads");
    assert_eq!(dataset.report, imported.report);
}

#[test]
fn the_seed_proposes_charts_that_check_and_key_figures() {
    let report = import::import_text(SEED, "seed.txt")
        .expect("imports")
        .report;
    let kinds = |c: usize| -> Vec<huimou::ChartKind> {
        report.chapters[c]
            .charts
            .iter()
            .map(|chart| chart.kind)
            .collect()
    };
    use huimou::ChartKind::{Bars, Comparison, Progress};
    assert_eq!(kinds(0), [Progress, Bars]);
    assert!(kinds(3).starts_with(&[Comparison]), "{:?}", kinds(3));
    let comparison = &report.chapters[3].charts[0];
    let periods: Vec<Option<String>> = comparison
        .figures
        .iter()
        .map(|id| {
            report
                .figures()
                .find(|(_, _, f)| &f.id == id)
                .and_then(|(_, _, f)| f.period.clone())
        })
        .collect();
    assert_eq!(periods, [Some("2012".to_owned()), Some("2018".to_owned())]);
    for chapter in &report.chapters {
        assert!(chapter.charts.iter().all(|c| c.figures.len() <= 6));
        assert!(!chapter.key_figures.is_empty(), "{}", chapter.name);
        assert!(chapter.key_figures.len() <= 3);
    }
    // 21 项深化改革任务已完成 19 项: the part, then the whole.
    let progress = &report.chapters[0].charts[0];
    let values: Vec<f64> = progress
        .figures
        .iter()
        .filter_map(|id| report.figures().find(|(_, _, f)| &f.id == id))
        .map(|(_, _, f)| f.value)
        .collect();
    assert_eq!(values, [19.0, 21.0]);
}

#[test]
fn ids_are_ascii_and_unique() {
    let report = import::import_text(SEED, "seed.txt")
        .expect("imports")
        .report;
    let mut seen = std::collections::HashSet::new();
    let figure_ids = report.figures().map(|(_, _, f)| f.id.as_str());
    let initiative_ids = report
        .chapters
        .iter()
        .flat_map(|c| &c.initiatives)
        .map(|i| i.id.as_str());
    for id in figure_ids.chain(initiative_ids) {
        assert!(id.is_ascii() && !id.is_empty(), "{id}");
        assert!(seen.insert(id), "{id} twice");
    }
    let chapters: Vec<&str> = report.chapters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        chapters,
        ["sixiang", "ziyuan", "chuangxin", "kepu", "jianshe"]
    );
}

/// Escapes text for an XML document.
fn xml_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A run of text, bold directly or not.
fn run(text: &str, bold: bool) -> String {
    let properties = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:r>{properties}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        xml_escaped(text)
    )
}

/// A paragraph of the brochure as Word writes it: an initiative's title bold by its paragraph
/// style (no dash), bold numbers as bold runs (a number split over two runs, as Word does after
/// an edit), blank lines as empty paragraphs.
fn paragraph(line: &str) -> String {
    if line.is_empty() {
        return "<w:p/>".to_owned();
    }
    if let Some(title) = line.strip_prefix("- **").and_then(|l| l.strip_suffix("**")) {
        return format!(
            "<w:p><w:pPr><w:pStyle w:val=\"InitiativeTitle\"/></w:pPr>{}</w:p>",
            run(title, false)
        );
    }
    let mut runs = String::new();
    for (k, piece) in line.split("**").enumerate() {
        let bold = k % 2 == 1;
        match piece.split_once('.') {
            Some((whole, fraction)) if bold => {
                runs.push_str(&run(&format!("{whole}."), true));
                runs.push_str(&run(fraction, true));
            }
            _ => runs.push_str(&run(piece, bold)),
        }
    }
    format!("<w:p>{runs}</w:p>")
}

/// A Word document of a Markdown-like brochure, made as Word lays one out: content types,
/// relationships, styles (the title style bold, based on a plain one) and the document.
fn docx_of(text: &str) -> Vec<u8> {
    docx(&document_xml(text))
}

/// `word/document.xml` of a Markdown-like brochure: a paragraph for each line.
fn document_xml(text: &str) -> String {
    let body: String = text.lines().map(paragraph).collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    )
}

/// A Word document around `document` (its `word/document.xml`).
fn docx(document: &str) -> Vec<u8> {
    docx_with_styles(document, STYLES)
}

/// The styles of the brochure's Word document: the title style bold, based on a plain one.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:style w:type=\"paragraph\" w:styleId=\"Heading\"><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"InitiativeTitle\"><w:basedOn w:val=\"Heading\"/></w:style>\
        </w:styles>";

/// A Word document of `document` and `styles` (`word/document.xml`, `word/styles.xml`).
fn docx_with_styles(document: &str, styles: &str) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
        <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
        <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
        <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
        </Types>";
    let relationships = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
        </Relationships>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, part) in [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", relationships),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
    ] {
        zip.start_file(name, options).expect("part");
        zip.write_all(part.as_bytes()).expect("written");
    }
    zip.finish().expect("zipped").into_inner()
}

#[test]
fn a_word_document_of_the_seed_imports_the_same() {
    let dir = scratch("docx");
    let source = dir.join("brochure.docx");
    std::fs::write(&source, docx_of(SEED)).expect("written");
    assert!(import::is_importable(&source));
    let out = import_to(&source, &dir);
    let imported = import::import_file(&source).expect("imports");
    assert_like_the_built_in_report(&imported.report, &out);
    let from_text = import::import_text(SEED, "brochure.docx").expect("imports");
    assert_eq!(imported.report, from_text.report);
}

#[test]
fn check_lists_guessed_labels_until_they_are_confirmed() {
    let dir = scratch("check");
    let out = import_to(&data("seed.txt"), &dir);
    let output = huimou(&["check", arg(&out)]);
    let said = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{said}");
    assert!(
        said.contains("warning: label guessed; confirm 「阅读总量」"),
        "{said}"
    );
    let summary = said.lines().last().expect("summary").to_owned();
    assert!(summary.ends_with("0 errors, 60 warnings"), "{summary}");
    let chinese = text(&huimou_in(&["check", arg(&out)], "zh_CN.UTF-8").stdout);
    assert!(chinese.contains("数据名称是猜的，请确认"), "{chinese}");

    // The author confirms the first label: its flag and comment go.
    let ron = std::fs::read_to_string(&out).expect("dataset");
    let first = ron
        .lines()
        .find(|l| l.trim_start().starts_with("(id:") && l.contains("label_guessed: true"))
        .expect("a figure with a guessed label");
    let confirmed_line = first
        .replace(", label_guessed: true", "")
        .replace(" // label guessed; confirm (数据名称是猜的，请确认)", "");
    std::fs::write(&out, ron.replacen(first, &confirmed_line, 1)).expect("edited");
    let said = text(&huimou(&["check", arg(&out)]).stdout);
    assert!(!said.contains("(figure `yueduzongliang`)"), "{said}");
    assert!(said.contains("(figure `yueduzongliang-2`)"), "{said}");
    assert!(said.trim_end().ends_with("0 errors, 59 warnings"), "{said}");
}

#[test]
fn a_traditional_brochure_imports_and_checks() {
    let dir = scratch("traditional");
    let out = import_to(&data("traditional.md"), &dir);
    let output = huimou(&["check", arg(&out)]);
    let said = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{said}");
    assert!(said.contains(": 0 errors,"), "{said}");
    let report = import::import_file(&data("traditional.md"))
        .expect("imports")
        .report;
    assert_eq!(report.title, "臺灣地區科學技術協會工作回顧");
    assert_eq!(report.motto, "創新爭先 服務為民");
    assert_eq!(report.chapters.len(), 3);
    let written: Vec<String> = report.figures().map(|(_, _, f)| f.written()).collect();
    for expected in [
        "210個",
        "3.1萬多個",
        "近8,400多個",
        "約2萬個",
        "1,200餘項",
        "120個",
        "超過20億元",
        "8.5%",
        "逾500萬人次",
    ] {
        assert!(
            written.iter().any(|w| w == expected),
            "{expected} in {written:?}"
        );
    }
    let values = figure_values(&out);
    assert!(
        values.contains(&[
            "8400".into(),
            "多個".into(),
            "nearly+more_than".into(),
            "8400".into(),
            "個".into()
        ]),
        "{values:?}"
    );
    assert!(
        values.iter().any(|row| row[3] == "2000000000"),
        "{values:?}"
    );
}

#[test]
fn bad_sources_say_where_and_what() {
    // A text without any heading is one chapter, and the import says so.
    let flat = import::import_file(&data("no-chapter.md")).expect("imports");
    assert_eq!(flat.report.chapters.len(), 1);
    assert_eq!(flat.report.chapters[0].name, "工作总结");
    assert!(
        flat.summary
            .warnings
            .iter()
            .any(|w| w.en.contains("no headings")),
        "{:?}",
        flat.summary.warnings
    );
    let cases: [(&str, &str); 2] = [
        ("empty.txt", "empty.txt:1: the file is empty"),
        (
            "broken-brochure.md",
            "broken-brochure.md:9: the initiative 「一项没有正文的举措」 has no paragraph",
        ),
    ];
    for (name, expected) in cases {
        let dir = scratch(name);
        let out = dir.join("out.ron");
        let output = huimou(&["import", arg(&data(name)), "--out", arg(&out)]);
        let said = text(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{said}");
        assert!(
            said.starts_with("error: ") && said.contains(expected),
            "{said}"
        );
        assert!(!out.exists());
    }
    let chinese = huimou_in(&["import", arg(&data("empty.txt"))], "zh_CN.UTF-8");
    assert!(
        text(&chinese.stderr).contains("empty.txt:1: 文件是空的"),
        "{}",
        text(&chinese.stderr)
    );

    // A brochure saved by Chinese Windows (GBK) is read as its author sees it; bytes that are
    // text in no encoding a report is saved in are refused, saying so.
    let dir = scratch("gbk");
    let gbk = dir.join("gbk.txt");
    std::fs::write(&gbk, encoding_rs::GBK.encode(SEED).0).expect("written");
    let from_gbk = import::import_file(&gbk).expect("a GBK brochure imports");
    assert_eq!(
        from_gbk.report.chapters,
        import::import_text(SEED, "seed.txt")
            .expect("imports")
            .report
            .chapters
    );
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, b"\x81\x30\xff\xfe\x00\xff\xfa\xfb\xfc").expect("written");
    let error = import::import_file(&binary).expect_err("not text");
    assert!(
        error
            .to_string()
            .contains("not text in UTF-8, UTF-16, GB 18030 (GBK) or Big5"),
        "{error}"
    );
    assert!(error.to_string().contains("save it as UTF-8"), "{error}");

    let error = import::import_text("思想\n1\n提要\n- **甲**\n\n- **乙**\n正文。", "x.md")
        .expect_err("no paragraph");
    assert_eq!(error.place, Some(Place::Line(4)));
    assert!(
        error
            .message(Lang::En)
            .starts_with("x.md:4: the initiative 「甲」 has no paragraph"),
        "{error}"
    );
    assert!(
        error
            .message(Lang::Zh)
            .starts_with("x.md:4: 举措「甲」没有正文"),
        "{}",
        error.message(Lang::Zh)
    );
}

#[test]
fn a_damaged_word_document_says_where_it_breaks() {
    let dir = scratch("damaged");
    let whole = docx_of(SEED);
    // Cut short, as a download that stopped: no directory, the text broken off.
    let truncated = dir.join("truncated.docx");
    std::fs::write(&truncated, &whole[..whole.len() / 2]).expect("written");
    let output = huimou(&["import", arg(&truncated)]);
    let said = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("truncated.docx: paragraph "), "{said}");
    assert!(said.contains("truncated or damaged"), "{said}");
    assert!(!dir.join("truncated.ron").exists());

    // XML damaged inside a paragraph: that paragraph's number is given.
    let title = "在学习贯彻新思想中彰显责任担当";
    let paragraph = SEED.lines().position(|l| l.contains(title)).expect("title") + 1;
    let broken = document_xml(SEED).replace(title, &format!("{title}</w:x>"));
    let error = import::import_docx(&docx(&broken), "broken.docx").expect_err("broken XML");
    assert_eq!(error.place, Some(Place::Paragraph(paragraph)), "{error}");
    assert!(
        error.to_string().starts_with(&format!(
            "broken.docx: paragraph {paragraph}: the document is damaged"
        )),
        "{error}"
    );

    let garbage =
        import::import_docx(b"PK\x03\x04 not really a zip", "garbage.docx").expect_err("garbage");
    assert!(
        garbage
            .to_string()
            .starts_with("garbage.docx: this is not a Word document"),
        "{garbage}"
    );
}

#[test]
fn an_existing_dataset_is_replaced_only_with_force() {
    let dir = scratch("force");
    let source = dir.join("brochure.md");
    std::fs::write(&source, SEED).expect("written");
    let out = dir.join("brochure.ron");
    std::fs::write(&out, "keep me").expect("written");
    // Without --out, the dataset goes beside the brochure: brochure.ron, which exists.
    let output = huimou(&["import", arg(&source)]);
    let said = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!("{} already exists; add --force", out.display())),
        "{said}"
    );
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), "keep me");

    let output = huimou(&["import", arg(&source), "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stderr).starts_with(&format!("wrote {}", out.display())));
    let ron = std::fs::read_to_string(&out).expect("replaced");
    assert!(load::load_bytes(ron.into_bytes(), &out).is_ok());

    assert_eq!(huimou(&["import"]).status.code(), Some(2));
    assert_eq!(
        huimou(&["import", arg(&source), "--frobnicate"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn only_brochures_are_importable() {
    for (name, importable) in [
        ("a.md", true),
        ("a.TXT", true),
        ("a.Docx", true),
        ("a.doc", false),
        ("a.ron", false),
        ("a", false),
    ] {
        assert_eq!(import::is_importable(Path::new(name)), importable, "{name}");
    }
    let error = import::import_file(Path::new("report.doc")).expect_err(".doc");
    assert!(error.to_string().contains("save it as .docx"), "{error}");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of brochures, well and badly formed, to make texts of.
    const PIECES: &[&str] = &[
        "\n",
        "\n\n",
        "\r\n",
        "- **",
        "**",
        " ",
        "\u{3000}",
        "\t",
        "#",
        "思想",
        "資源",
        "1",
        "１",
        "2",
        "二",
        "第三章",
        "提要，内容。",
        "正文",
        "近",
        "超过",
        "約",
        "逾",
        "1.5",
        "８,４００",
        "1,80",
        "万",
        "萬",
        "亿",
        "余",
        "多",
        "个",
        "個",
        "人次",
        "场次",
        "%",
        "％",
        "左右",
        "千",
        "十万",
        "·",
        "勇担使命 创新争先",
        "2018 年",
        "完成",
        "已完成",
        "的",
        "、",
        "，",
        "。",
        "APP",
        "“",
        "”",
        "(",
        ")",
        "等",
        "开展",
        "和",
        "二十",
        "0",
        "00",
        "GONG ZUO",
    ];

    fn brochure_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..120)
            .prop_map(|pieces| pieces.concat())
    }

    /// A paragraph of pieces, with bold numbers among them.
    fn paragraph_text() -> impl Strategy<Value = String> {
        const WORDS: &[&str] = &[
            "共",
            "开展",
            "活动",
            "近",
            "超过",
            "约",
            "万",
            "余",
            "个",
            "项",
            "人次",
            "%",
            "，",
            "。",
            "、",
            "2012 年",
            "已完成",
            "的",
            "比例",
            "元",
            "亿",
            "左右",
            "多個",
            "“",
            "”",
            " ",
        ];
        const NUMBERS: &[&str] = &[
            "**3**",
            "**1.5**",
            "**８,４００**",
            "**二十**",
            "**11.7%**",
            "**0**",
            "**1,80**",
            "**x**",
        ];
        prop::collection::vec(
            prop_oneof![prop::sample::select(WORDS), prop::sample::select(NUMBERS)],
            1..40,
        )
        .prop_map(|pieces| pieces.concat())
    }

    /// Published-report text: headings of every kind, numbers without bold in every form the
    /// importer reads or refuses to read (grouped by commas or spaces, mixed numerals, ranges,
    /// rates, years, versions), cover lines and page furniture, in random order.
    fn published_text() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            "一、",
            "（一）",
            "(二 ) ",
            "1.",
            "1、",
            "第一章 ",
            "## ",
            "\n",
            "\n\n",
            "。",
            "，",
            "；",
            "：",
            "2018年",
            "3月5日",
            "1.5",
            "1.5.2",
            "128 700",
            "7 000 ",
            "12，500",
            "1,363",
            "1万6千多",
            "三分之二",
            "一半",
            "3-5",
            "3至 5",
            "31微克/立方米",
            "2.0版",
            "10.5年",
            "40周年",
            "6个月",
            "个",
            "亿元",
            "万人以上",
            "个百分点",
            "突破",
            "从",
            "增加到",
            "力争",
            "预计",
            "%",
            "PM2.5",
            "http://x.org/2018/5个",
            "——2024年1月18日在会上",
            "各位代表：",
            "市长 王小明",
            "5146",
            "立法會 ─ 2013年 2月 27日",
            "國內生產總值",
            "增长",
            "引言",
            "**",
            "**9**",
            " ",
        ];
        prop::collection::vec(prop::sample::select(PIECES), 1..80)
            .prop_map(|pieces| pieces.concat())
    }

    /// Brochures that mostly have the right shape: chapters with their headings in either order
    /// and initiatives with paragraphs, sometimes a motto or a stray line.
    fn shaped_brochure() -> impl Strategy<Value = String> {
        let initiative = (
            prop::sample::select(&["甲", "乙", "丙", "在学习中"][..]),
            paragraph_text(),
        )
            .prop_map(|(title, text)| format!("- **{title}**\n{text}\n"));
        let chapter = (
            prop::sample::select(&["思想", "资源", "組織", "**科普**"][..]),
            any::<bool>(),
            prop::collection::vec(initiative, 0..4),
            prop::sample::select(&["", "勇担使命 创新争先\n", "· 思想\n", "多余的一行。\n"][..]),
        );
        prop::collection::vec(chapter, 1..4).prop_map(|chapters| {
            let mut text = String::from("标题\n\nGONG ZUO\n\n");
            for (n, (name, number_first, initiatives, after)) in chapters.into_iter().enumerate() {
                let number = n + 1;
                if number_first {
                    text.push_str(&format!("{number}\n\n{name}\n\n提要\n\n"));
                } else {
                    text.push_str(&format!("{name}\n\n{number}\n\n提要\n\n"));
                }
                text.push_str(&initiatives.concat());
                text.push('\n');
                text.push_str(after);
            }
            text
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_shaped_brochure_imports_or_says_why(text in shaped_brochure()) {
            match import::import_text(&text, "x.md") {
                Ok(imported) => {
                    let path = Path::new("x.ron");
                    prop_assert!(load::load_bytes(imported.ron.into_bytes(), path).is_ok());
                }
                Err(error) => prop_assert!(!error.what.en.contains("please report"), "{}\n{}", error, text),
            }
        }

        #[test]
        fn any_published_text_imports_or_says_why(text in published_text()) {
            match import::import_text(&text, "x.txt") {
                Ok(imported) => {
                    let path = Path::new("x.ron");
                    prop_assert!(load::load_bytes(imported.ron.into_bytes(), path).is_ok());
                }
                Err(error) => prop_assert!(!error.what.en.contains("please report"), "{}\n{}", error, text),
            }
            let page = format!("<html><body><div id=\"zoom\"><p>{}</p></div></body></html>", text.replace('\n', "</p><p>"));
            if let Err(error) = import::import_html(&page, "x.html") {
                prop_assert!(!error.what.en.contains("please report"), "{}\n{}", error, page);
            }
        }

        #[test]
        fn any_text_imports_or_says_why(text in brochure_text()) {
            match import::import_text(&text, "x.md") {
                Ok(imported) => {
                    let path = Path::new("x.ron");
                    prop_assert!(load::load_bytes(imported.ron.into_bytes(), path).is_ok());
                }
                // The importer's own dataset failing its check would be a bug of the importer.
                Err(error) => prop_assert!(!error.what.en.contains("please report"), "{}", error),
            }
        }

        #[test]
        fn any_damage_to_a_word_document_is_answered(cut in 0.0f64..1.0, flip in 0usize..4096, byte in any::<u8>()) {
            let mut bytes = docx_of("标题\n\n思想\n\n1\n\n提要\n\n- **甲**\n共 **3** 个，近 **1.5** 万人次。\n");
            let at = flip % bytes.len();
            bytes[at] ^= byte;
            let end = ((bytes.len() as f64) * cut) as usize;
            let _ = import::import_docx(&bytes, "x.docx");
            let _ = import::import_docx(&bytes[..end.max(1)], "x.docx");
        }
    }
}

/// A published report's fixture, written for these tests in the shape of a real one.
fn published(name: &str) -> PathBuf {
    data("published").join(name)
}

/// Every figure as written, with its status, in reading order.
fn written(report: &huimou::Report) -> Vec<String> {
    report
        .figures()
        .map(|(_, _, f)| match f.status {
            huimou::Status::Result => f.written(),
            other => format!("{}[{}]", f.written(), other.keyword()),
        })
        .collect()
}

/// The shape of a city government's work report (as the State Council's and cities' are
/// published): a cover of title, date line, speaker and salutation, an opening paragraph,
/// chapters 一、 with sections （一） whose heading runs on into their paragraph, numbers never
/// bold, targets after 预期目标 / 力争 / 预计 / 计划, a mixed numeral and a fraction.
#[test]
fn a_government_work_report_imports_as_published() {
    let imported = import::import_file(&published("gov-work-report.txt")).expect("imports");
    let report = &imported.report;
    assert_eq!(report.title, "政府工作报告");
    assert_eq!(
        report.date,
        "——2024年1月18日在示例市第十届人民代表大会第三次会议上"
    );
    assert_eq!(report.speaker, "示例市市长  王小明");
    assert_eq!(report.salutation, "各位代表：");
    assert_eq!(
        (report.publisher.as_str(), report.year),
        ("示例市", Some(2024))
    );
    assert_eq!(report.subtitle, "");
    let chapters: Vec<(&str, usize)> = report
        .chapters
        .iter()
        .map(|c| (c.name.as_str(), c.initiatives.len()))
        .collect();
    assert_eq!(chapters, [("2023年工作回顾", 5), ("2024年工作安排", 3)]);
    let titles: Vec<&str> = report.chapters[0]
        .initiatives
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "现在，我代表市人民政府",
            "过去一年，面对复杂严峻的外部环境",
            "坚定不移扩大有效需求",
            "着力推动产业转型升级",
            "持续保障和改善民生"
        ]
    );
    assert_eq!(
        written(report),
        [
            "2,180亿元",
            "2,356亿元",
            "6.1%",
            "0.8个百分点",
            "186.5亿元",
            "7.4%",
            "4.2万人以上",
            "5.1%",
            "46,825元",
            "12.6亿斤",
            "312个",
            "865亿元",
            "2条",
            "48.5公里",
            "突破120万千瓦",
            "8.2%",
            "1,580万人次以上",
            "146家",
            "1,238家",
            "2.45%",
            // A mixed numeral, kept as written (value 16,000).
            "1万6千多户",
            "23所",
            "1.8万个",
            "79.2岁",
            "86.3%",
            "340处",
            "6%左右[target]",
            "4万人以上[target]",
            "3%左右[target]",
            "2.5%[target]",
            "320个以上[target]",
            "900亿元[target]",
            "55家[estimate]",
            "260公里[target]",
        ]
    );
    // Nothing the source did not bold is stressed; the labels name the measure, not the verb.
    assert!(report.figures().all(|(_, _, f)| !f.stressed));
    let label = |written: &str| {
        report
            .figures()
            .find(|(_, _, f)| f.written() == written)
            .map(|(_, _, f)| f.label.clone())
            .unwrap_or_default()
    };
    assert_eq!(label("2,180亿元"), "全市地区生产总值");
    assert_eq!(label("2,356亿元"), "全市地区生产总值");
    assert_eq!(label("6.1%"), "全市地区生产总值增长");
    // 从…增加到…: one measure at two times, proposed as a comparison.
    let comparison = &report.chapters[0].charts[0];
    assert_eq!(comparison.kind, huimou::ChartKind::Comparison);
    let skipped: Vec<&str> = imported
        .summary
        .skipped
        .iter()
        .map(|s| s.written.as_str())
        .collect();
    assert_eq!(skipped, ["三分之二", "31微克/立方米"]);
    assert_eq!(imported.summary.targets, 8);
    assert!(
        imported.summary.warnings.is_empty(),
        "{:?}",
        imported.summary.warnings
    );
}

/// The shape of a statistics bulletin (国民经济和社会发展统计公报) saved as Markdown: a `#`
/// title, the bureau and the date on lines of their own, `##` chapters 一、 without sections,
/// so each paragraph is an initiative; ratios (7.9:38.7:53.4) are no figures.
#[test]
fn a_statistics_bulletin_in_markdown_imports_as_published() {
    let imported = import::import_file(&published("stats-bulletin.md")).expect("imports");
    let report = &imported.report;
    assert_eq!(report.title, "示例市2023年国民经济和社会发展统计公报");
    assert_eq!(
        (report.publisher.as_str(), report.date.as_str(), report.year),
        ("示例市统计局", "2024年3月20日", Some(2023))
    );
    let names: Vec<&str> = report.chapters.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["综合", "农业", "工业和建筑业", "人民生活和社会保障"]
    );
    let counts: Vec<usize> = report
        .chapters
        .iter()
        .map(|c| c.initiatives.len())
        .collect();
    assert_eq!(counts, [2, 1, 1, 1]);
    let figures = written(report);
    assert_eq!(figures.len(), 30, "{figures:?}");
    assert_eq!(&figures[..4], ["2,356亿元", "6.1%", "186亿元", "3.2%"]);
    assert!(figures.contains(&"0.9个百分点".to_owned()));
    assert!(figures.contains(&"186.5亿千瓦时".to_owned()));
    assert!(figures.contains(&"1.2万套".to_owned()));
    assert!(
        !figures
            .iter()
            .any(|f| f.starts_with("7.9") || f.starts_with("38.7"))
    );
    // Every chart's figures count one thing in one paragraph.
    for chapter in &report.chapters {
        for chart in &chapter.charts {
            let units: std::collections::HashSet<String> = chart
                .figures
                .iter()
                .filter_map(|id| report.figures().find(|(_, _, f)| &f.id == id))
                .map(|(_, _, f)| {
                    huimou::report::quantity::Quantity::parse(None, f.value, &f.unit)
                        .expect("unit")
                        .counter
                })
                .collect();
            assert_eq!(units.len(), 1, "{}: {units:?}", chart.title);
        }
    }
}

/// The shape of a traditional-script association's annual review: 第一章 chapters with 一、
/// sections, one chapter without sections, a year in Chinese numerals (二〇二三年度), counters
/// 場次 批次 份 字, 餘 and 約, a mixed numeral (1萬2,045), 突破, and 由…提高到… beside a target.
#[test]
fn a_traditional_association_review_imports_as_published() {
    let imported =
        import::import_file(&published("association-review-traditional.txt")).expect("imports");
    let report = &imported.report;
    assert_eq!(
        (report.publisher.as_str(), report.year),
        ("示例市科學技術協會", Some(2023))
    );
    let names: Vec<&str> = report.chapters.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["服務科技工作者", "提升公民科學素質", "加強自身建設"]
    );
    assert_eq!(
        written(report),
        [
            "86個",
            "4.6萬人以上",
            "3,400餘名",
            "418場次",
            "約8萬人次",
            "14批次",
            "1萬2,045份",
            "6篇",
            "23個",
            "156個",
            "98.6萬人次",
            "12.4%",
            "1,260場",
            "突破2.3億次",
            "12.1%",
            "15.8%",
            "17%[target]",
            "12期",
            "約1,100人次",
            "24期",
            "約8萬字",
        ]
    );
    let skipped: Vec<&str> = imported
        .summary
        .skipped
        .iter()
        .map(|s| s.written.as_str())
        .collect();
    assert!(skipped.is_empty(), "{skipped:?}");
    // Read as one number, shown as written.
    let (_, _, survey) = report
        .figures()
        .find(|(_, _, f)| f.numeral.as_deref() == Some("1萬2,045"))
        .expect("the mixed numeral");
    assert_eq!((survey.value, survey.unit.as_str()), (12_045.0, "份"));

    let chapter = &report.chapters[1];
    let comparison = chapter
        .charts
        .iter()
        .find(|c| c.kind == huimou::ChartKind::Comparison)
        .expect("由…提高到… is a comparison");
    let periods: Vec<Option<String>> = comparison
        .figures
        .iter()
        .filter_map(|id| report.figures().find(|(_, _, f)| &f.id == id))
        .map(|(_, _, f)| f.period.clone())
        .collect();
    assert_eq!(periods, [Some("2020".to_owned()), Some("2023".to_owned())]);
}

/// The command line says what it read and what it left out, and the dataset it writes reads
/// back with the new fields (format version 3).
#[test]
fn import_says_what_it_skipped_and_writes_the_new_fields() {
    let dir = scratch("published");
    let out = import_to(&published("gov-work-report.txt"), &dir);
    let output = huimou(&[
        "import",
        arg(&published("gov-work-report.txt")),
        "--out",
        arg(&out),
        "--force",
    ]);
    let said = text(&output.stderr);
    assert!(said.contains("2 quantities not read as figures"), "{said}");
    assert!(said.contains("「三分之二」 (fraction)"), "{said}");
    let ron = std::fs::read_to_string(&out).expect("written");
    assert!(ron.contains("format_version: 3,"), "{ron}");
    assert!(
        ron.contains("value: 16000, numeral: Some(\"1万6千\"), unit: \"多户\""),
        "{ron}"
    );
    assert!(ron.contains("speaker: \"示例市市长  王小明\","), "{ron}");
    assert!(ron.contains("status: Target"), "{ron}");
    let dataset = load::load_bytes(ron.into_bytes(), &out).expect("loads");
    assert_eq!(dataset.report.year, Some(2024));
    let check = huimou(&["check", arg(&out)]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

/// A government site's article page around a report's lines: a menu, a breadcrumb and a
/// footer with scripts, the report in `<div id="zoom">` as one `<p>` a paragraph.
fn article_page(report: &str) -> String {
    let paragraphs: String = report
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p style=\"text-indent: 2em\">{}</p>\n", l.trim()))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">\
         <title>政府工作报告_示例市人民政府</title><script>var nav = \"一、首页 二、政务\";</script></head>\
         <body><div class=\"header\"><ul class=\"nav\"><li>首页</li><li>政务公开</li><li>办事服务</li></ul></div>\
         <div class=\"breadcrumb\">当前位置：首页 &gt; 政务公开 &gt; 政府工作报告</div>\
         <div class=\"main\"><div class=\"article\"><div id=\"zoom\" class=\"TRS_Editor\">\n{paragraphs}</div></div></div>\
         <div class=\"footer\">主办：示例市人民政府办公室 &nbsp; 网站标识码1234567890 &copy; 2024</div>\
         <script>document.write('统计 100个');</script></body></html>"
    )
}

/// The work report published as a web page (saved in GBK, as many government sites still
/// serve them) imports with exactly the figures of its text; nothing of the menu, the
/// breadcrumb, the footer or the scripts becomes text.
#[test]
fn a_work_report_saved_as_a_gbk_web_page_imports_like_its_text() {
    let source = std::fs::read_to_string(published("gov-work-report.txt")).expect("fixture");
    let page = article_page(&source);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&page);
    assert!(!unmappable);
    let dir = scratch("web-page");
    let path = dir.join("report.html");
    std::fs::write(&path, &gbk).expect("written");
    let from_page = import::import_file(&path).expect("imports");
    let from_text = import::import_file(&published("gov-work-report.txt")).expect("imports");
    assert_eq!(written(&from_page.report), written(&from_text.report));
    // A web page collapses runs of spaces, as a browser shows them.
    assert_eq!(from_page.report.speaker, "示例市市长 王小明");
    let all_text: String = from_page
        .report
        .chapters
        .iter()
        .flat_map(|c| &c.initiatives)
        .map(|i| i.text.as_str())
        .collect();
    for furniture in ["首页", "当前位置", "网站标识码", "document.write", "统计"] {
        assert!(!all_text.contains(furniture), "{furniture} became text");
    }
    // The same text in GB 18030, Big5 and UTF-16 is decoded, not refused.
    let traditional =
        std::fs::read_to_string(published("association-review-traditional.txt")).expect("fixture");
    let expected = written(
        &import::import_text(&traditional, "t.txt")
            .expect("imports")
            .report,
    );
    let big5 = encoding_rs::BIG5.encode(&traditional).0;
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(traditional.encode_utf16().flat_map(u16::to_le_bytes));
    for (name, bytes) in [("big5.txt", big5.to_vec()), ("utf16.txt", utf16)] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("written");
        let imported = import::import_file(&path).expect(name);
        assert_eq!(written(&imported.report), expected, "{name}");
    }
}

/// A Word document whose headings are set by Word's heading styles alone (no 一、 numbers;
/// the style's id in Chinese, as Chinese Word names it, its name `heading 1`): chapters by
/// Heading 1, initiatives by Heading 2, paragraphs not bold.
#[test]
fn word_heading_styles_make_chapters_and_initiatives() {
    let styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"1\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>\
        </w:styles>";
    let paragraph = |style: Option<&str>, text: &str| match style {
        Some(id) => format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{id}\"/></w:pPr>{}</w:p>",
            run(text, false)
        ),
        None => format!("<w:p>{}</w:p>", run(text, false)),
    };
    let body: String = [
        (None, "示例区科协年度工作总结"),
        (Some("1"), "学会建设"),
        (Some("2"), "学术交流"),
        (None, "全年举办学术会议36场，参会人数约5,200人次。"),
        (Some("2"), "会员服务"),
        (None, "新发展个人会员1,240名。"),
        (Some("1"), "科学普及"),
        (None, "建成社区科普e站48个，覆盖率达到92.5%。"),
    ]
    .iter()
    .map(|(style, text)| paragraph(*style, text))
    .collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let bytes = docx_with_styles(&document, styles);
    let imported = import::import_docx(&bytes, "总结.docx").expect("imports");
    let report = &imported.report;
    assert_eq!(report.title, "示例区科协年度工作总结");
    let shape: Vec<(&str, Vec<&str>)> = report
        .chapters
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.initiatives.iter().map(|i| i.title.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("学会建设", vec!["学术交流", "会员服务"]),
            ("科学普及", vec!["建成社区科普e站48个"]),
        ]
    );
    assert_eq!(
        written(report),
        ["36场", "约5,200人次", "1,240名", "48个", "92.5%"]
    );
}

/// A cell of a Word table.
fn cell(text: &str) -> String {
    format!("<w:tc><w:p>{}</w:p></w:tc>", run(text, false))
}

/// A statistics bulletin as a Word document, in the shape bureaus publish it: chapters 一、, a
/// paragraph, a caption and a table of indicators (指标 | 单位 | 绝对数 | 比上年增长（%）), and a
/// chart as a picture. The table's rows become figures with the units its columns give; a
/// number without one, and the picture, are said in the summary.
#[test]
fn a_word_table_of_indicators_becomes_figures() {
    let row = |cells: &[&str]| {
        format!(
            "<w:tr>{}</w:tr>",
            cells.iter().map(|c| cell(c)).collect::<String>()
        )
    };
    let table = format!(
        "<w:tbl>{}{}{}{}</w:tbl>",
        row(&["指标", "单位", "绝对数", "比上年增长（%）"]),
        row(&["地区生产总值", "亿元", "2,356", "6.1"]),
        row(&["一般公共预算收入", "亿元", "186.5", "7.4"]),
        row(&["粮食产量", "", "63.2", "1.8"]),
    );
    let paragraph = |text: &str| format!("<w:p>{}</w:p>", run(text, false));
    let body = [
        paragraph("示例市2023年国民经济和社会发展统计公报"),
        paragraph("示例市统计局"),
        paragraph("一、综合"),
        paragraph("全年全市经济运行稳中向好，城镇新增就业4.2万人。"),
        paragraph("表1 2023年主要经济指标"),
        table,
        "<w:p><w:r><w:drawing/></w:r></w:p>".to_owned(),
        paragraph("二、农业"),
        paragraph("全年粮食种植面积186.2万亩，比上年增加2.1万亩。"),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let imported = import::import_docx(&docx(&document), "公报.docx").expect("imports");
    let report = &imported.report;
    let titles: Vec<&str> = report.chapters[0]
        .initiatives
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["全年全市经济运行稳中向好", "表1 2023年主要经济指标"]
    );
    let table_figures: Vec<(String, String)> = report.chapters[0].initiatives[1]
        .figures
        .iter()
        .map(|f| (f.written(), f.label.clone()))
        .collect();
    assert_eq!(
        table_figures,
        [
            ("2,356亿元".to_owned(), "地区生产总值".to_owned()),
            ("6.1%".to_owned(), "地区生产总值增长".to_owned()),
            ("186.5亿元".to_owned(), "一般公共预算收入".to_owned()),
            ("7.4%".to_owned(), "一般公共预算收入增长".to_owned()),
            ("1.8%".to_owned(), "粮食产量增长".to_owned()),
        ]
    );
    let warnings: Vec<&str> = imported
        .summary
        .warnings
        .iter()
        .map(|w| w.en.as_str())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("「粮食产量 63.2」 has no unit")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("pictures (charts, photos) left out: 1")),
        "{warnings:?}"
    );
    // The table's amounts of one unit are drawn together; its percentages are not.
    let bars = report.chapters[0]
        .charts
        .iter()
        .find(|c| c.kind == huimou::ChartKind::Bars)
        .expect("bars");
    assert_eq!(bars.figures.len(), 2, "{bars:?}");
}

/// A bulletin extracted from a PDF (as bureaus' PDFs are turned into Word documents and web
/// pages): every line of ~28 characters its own paragraph, a number's unit broken onto the
/// next line (2.3个 / 百分点). The lines of a sentence are one paragraph again, and the unit
/// is read whole, never 2.3个.
#[test]
fn a_hard_wrapped_bulletin_saved_as_word_reads_its_units_whole() {
    let sentences = "全年社会消费品零售总额增长5.2%，其中限额以上单位网上零售额占限上零售额比重提高2.3个百分点。\
        全年城镇新增就业4.2万人，城镇调查失业率为5.1%，比上年下降0.2个百分点。\
        年末全市常住人口1000.2万人，比上年末增加14.6万人，城镇化率为85.5%。";
    // Each sentence of its own year, as no page repeats another.
    let years = |from: usize, n: usize| -> String {
        (from..from + n)
            .map(|k| format!("{}年{sentences}", 2000 + k))
            .collect()
    };
    let text = format!("一、综合\n{}\n二、农业\n{}", years(0, 3), years(3, 2));
    // Wrapped as a PDF wraps it: every 28 characters, and right after 2.3个.
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for c in paragraph.chars() {
            line.push(c);
            if line.chars().count() >= 28 || line.ends_with("2.3个") {
                lines.push(std::mem::take(&mut line));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    let document = document_xml(&lines.join("\n"));
    let imported = import::import_docx(&docx(&document), "公报.docx").expect("imports");
    let written = written(&imported.report);
    assert!(written.contains(&"2.3个百分点".to_owned()), "{written:?}");
    assert!(!written.contains(&"2.3个".to_owned()), "{written:?}");
    assert_eq!(imported.report.chapters.len(), 2);
    // The text of a sentence is whole again: no line break inside it.
    let first = &imported.report.chapters[0].initiatives[0].text;
    assert!(
        first.contains("占限上零售额比重提高**2.3**个百分点"),
        "{first}"
    );
}

/// The figures of an import: value, unit, status, in reading order.
fn imported_figures(imported: &import::Imported) -> Vec<(f64, String, String)> {
    let dataset = load::load_str(
        &imported.ron,
        huimou::document::dataset::Origin::File("imported.ron".into()),
    )
    .expect("the import loads");
    dataset
        .figures()
        .map(|(_, f)| (f.value, f.unit.clone(), f.status.keyword().to_owned()))
        .collect()
}

/// A report saved as PDF from Word (the fixtures are our own texts, put through python-docx and
/// LibreOffice as publishers do: `scripts/published-forms.py`, then `soffice --convert-to pdf`)
/// imports as its text does: the same chapters, initiatives and figures. The digits are set in
/// a font of their own and each run in a text object of its own; lines are found by baseline.
#[test]
fn a_report_saved_as_pdf_imports_as_its_text_does() {
    for stem in ["gov-work-report", "association-review-traditional"] {
        let text_path = data(&format!("published/{stem}.txt"));
        let pdf_path = data(&format!("published/{stem}.pdf"));
        let from_text = import::import_file(&text_path).expect("the text imports");
        let from_pdf = import::import_file(&pdf_path).expect("the PDF imports");
        let chapters = |i: &import::Imported| {
            load::load_str(&i.ron, huimou::document::dataset::Origin::Embedded)
                .expect("loads")
                .report
                .chapters
                .iter()
                .map(|c| (c.name.clone(), c.initiatives.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(chapters(&from_pdf), chapters(&from_text), "{stem}");
        assert_eq!(
            imported_figures(&from_pdf),
            imported_figures(&from_text),
            "{stem}"
        );
    }
}

/// A PDF of page pictures (a scan) has no text to import: it is refused with a message saying
/// so and what to do, not imported as an empty report.
#[test]
fn a_scanned_pdf_is_refused_with_a_message_that_says_so() {
    let pdf = minimal_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ]);
    let error = import::import_pdf(&pdf, "scan.pdf").expect_err("no text");
    let message = error.message(Lang::Zh);
    assert!(message.contains("扫描件"), "{message}");
    assert!(error.message(Lang::En).contains("scan"), "{message}");
}

/// Untrusted PDFs: garbage, a page tree that points at itself, and a page whose content stream
/// decompresses past the limit are refused within the limits, with a message, never a hang
/// or a panic.
#[test]
fn a_hostile_pdf_is_refused_within_its_limits() {
    let started = std::time::Instant::now();
    let garbage = import::import_pdf(b"%PDF-1.7\n\x00\x01\x02 not a pdf", "garbage.pdf");
    assert!(garbage.is_err());
    let looping = minimal_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /Resources 3 0 R /Contents 3 0 R >>",
    ]);
    let error = import::import_pdf(&looping, "looping.pdf").expect_err("refused");
    assert!(!error.message(Lang::Zh).is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

/// A PDF of the given objects (1 0 obj …), with a cross-reference table at the right offsets.
fn minimal_pdf(objects: &[&str]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (k, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", k + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// A work report's plan chapter (三、对2018年政府工作的建议) states its numbers without 力争 or 目标
/// as often as with: each is a target, unless its sentence speaks of what was done. The shape of
/// the State Council's reports: a review chapter, then a plan chapter.
#[test]
fn a_plan_chapter_s_numbers_are_targets_unless_they_speak_of_the_past() {
    let text = "政府工作报告\n\n一、过去五年工作回顾\n\n新建改建农村公路127万公里，新建民航机场46个。\n\n\
                二、对2018年政府工作的建议\n\n改善供水、供电、信息等基础设施，新建改建农村公路20万公里。\
                去年已建成高速公路5000公里。\n";
    let imported = import::import_text(text, "plans.txt").expect("imports");
    let statuses: Vec<(f64, huimou::Status)> = imported
        .report
        .chapters
        .iter()
        .flat_map(|c| c.initiatives.iter().flat_map(|i| &i.figures))
        .map(|f| (f.value, f.status))
        .collect();
    use huimou::Status::{Result, Target};
    assert_eq!(
        statuses,
        [
            (127.0, Result),
            (46.0, Result),
            (20.0, Target),
            (5000.0, Result)
        ]
    );
    assert!(huimou::report::comparison::is_plan_chapter(
        "二、2024年工作安排",
        ""
    ));
    assert!(!huimou::report::comparison::is_plan_chapter(
        "一、2023年工作回顾",
        "工作安排得当"
    ));
}

/// Labels that named nothing in real reports (惠 of 惠及, 水耗均, 總額將, a bracket alone): the
/// verb's half, an adverb or a modal before the number is no part of what it counts. The shapes
/// of the State Council's 2018 report, the 2013 Hong Kong budget speech and a health bulletin's
/// bracketed notes.
#[test]
fn a_label_is_never_half_a_verb_an_adverb_or_a_bracket() {
    let text = "政府工作报告\n\n一、过去五年工作回顾\n\n营养改善计划惠及3600多万农村学生。\
                单位国内生产总值能耗、水耗均下降20%以上。政府總開支總額將增加至4,400億元。\
                医疗卫生机构床位（万张）957.0万张。\n";
    let imported = import::import_text(text, "labels.txt").expect("imports");
    let labels: Vec<&str> = imported
        .report
        .chapters
        .iter()
        .flat_map(|c| c.initiatives.iter().flat_map(|i| &i.figures))
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(labels.len(), 4, "{labels:?}");
    assert_eq!(labels[0], "营养改善计划");
    // A rate after a change word is that change (not the level of 水耗).
    assert!(labels[1].ends_with("水耗下降"), "{labels:?}");
    assert!(labels[2].ends_with("總額"), "{labels:?}");
    for label in &labels {
        assert!(label.chars().any(char::is_alphanumeric), "{labels:?}");
        assert!(!label.ends_with(['惠', '均', '將', '将']), "{labels:?}");
    }
}

/// A change (比上年减少0.4万人) is never drawn as a bar beside levels: the bar would read as an
/// amount; and a population is not drawn beside the year's births, which its next sentence
/// gives: bars are the like figures of one sentence. Stands for a statistics bulletin's
/// population paragraph (合肥市2024年统计公报: 常住人口…。全年出生人口…).
#[test]
fn a_change_is_not_drawn_as_a_bar_beside_levels() {
    let text = "统计公报\n\n一、人口\n\n年末全县常住人口38.6万人，比上年减少0.4万人，其中城镇人口\
                21.3万人，乡村人口17.3万人。全年出生人口0.3万人，死亡人口0.4万人。\n";
    let imported = import::import_text(text, "population.txt").expect("imports");
    let chapter = &imported.report.chapters[0];
    let value_of = |id: &str| {
        chapter
            .initiatives
            .iter()
            .flat_map(|i| &i.figures)
            .find(|f| f.id == id)
            .map(|f| f.value)
            .expect("a figure of the chapter")
    };
    let drawn: Vec<f64> = chapter
        .charts
        .iter()
        .flat_map(|c| &c.figures)
        .map(|id| value_of(id))
        .collect();
    let charts: Vec<Vec<f64>> = chapter
        .charts
        .iter()
        .map(|c| c.figures.iter().map(|id| value_of(id)).collect())
        .collect();
    assert_eq!(
        charts,
        [vec![38.6, 21.3, 17.3], vec![0.3, 0.4]],
        "{drawn:?}"
    );
}

/// A county statistics bulletin typed in a text editor (the shape of 统计公报 published as
/// text): its last part, 附：主要指标一览, is a table with cells split by ｜. The table is read
/// row by row with its units, and it is a chapter of its own: its results are no part of the
/// plan chapter before it, whose figures are targets.
#[test]
fn a_text_table_is_read_by_rows_in_an_appendix_of_its_own() {
    let text = "清水县2024年统计公报\n\n一、综合\n\n全县地区生产总值186.4亿元。\n\n\
                二、2025年主要目标\n\n力争地区生产总值增长6%左右。\n\n附：主要指标一览\n\
                指标｜单位｜2024年｜增长（%）\n\
                地区生产总值｜亿元｜186.4｜5.8\n\
                一般公共预算收入｜亿元｜9.87｜4.3\n\
                | 社会消费品零售总额 | 亿元 | 62.1 | 5.1 |\n";
    let imported = import::import_text(text, "bulletin.txt").expect("imports");
    let report = &imported.report;
    let appendix = report.chapters.last().expect("chapters");
    assert_eq!(appendix.name, "附：主要指标一览");
    let figures: Vec<(&str, f64, &str)> = appendix
        .initiatives
        .iter()
        .flat_map(|i| &i.figures)
        .map(|f| (f.label.as_str(), f.value, f.unit.as_str()))
        .collect();
    for (label, value, unit) in [
        ("一般公共预算收入", 9.87, "亿元"),
        ("社会消费品零售总额", 62.1, "亿元"),
    ] {
        assert!(
            figures
                .iter()
                .any(|f| f.0 == label && f.1 == value && f.2 == unit),
            "{label} {value}{unit} not read: {figures:?}"
        );
    }
    // Results, not targets: the table is not in the plan chapter.
    assert!(
        appendix
            .initiatives
            .iter()
            .flat_map(|i| &i.figures)
            .all(|f| f.status == huimou::report::model::Status::Result)
    );
    // A line with bars that is no table (one row alone) stays as written.
    let slogan = import::import_text(
        "报告\n\n一、综合\n\n创新|协调|绿色 三个方向，全年完成投资12亿元。\n",
        "slogan.txt",
    )
    .expect("imports");
    let text = &slogan.report.chapters[0].initiatives[0].text;
    assert!(text.starts_with("创新|协调|绿色 三个方向"), "{text}");
    let plan = &report.chapters[report.chapters.len() - 2];
    assert!(plan.name.contains("主要目标"), "{}", plan.name);
    assert_eq!(
        plan.initiatives
            .iter()
            .map(|i| i.figures.len())
            .sum::<usize>(),
        1
    );
}

/// Mixed numerals as the State Council's 2018 work report writes them (1万6千多户, 2万5千公里,
/// 1亿3千多万) and ranges as bulletins and plans write them (3至5个, 3%-5%, 3万至5万元,
/// 3000元至5000元): each one figure, kept as written in the dataset, the table and English,
/// a range never drawn as one value and never the amount of a change.
#[test]
fn mixed_numerals_and_ranges_import_as_one_figure_each_as_written() {
    let dir = scratch("numerals");
    let source = dir.join("numerals.txt");
    std::fs::write(
        &source,
        "示例县二〇二四年工作报告\n\n一、民生\n\n（一）住房。全年改造农村危房1万6千多户，\
         新建农村公路2万5千公里，惠及1亿3千多万人次。\n\n\
         （二）示范。每年培育示范点3至5个，每个补助3000元至5000元，企业投资3万至5万元。\n\n\
         二、发展\n\n（一）增长。规模以上工业增加值增长3%-5%，新增就业1.2万人、2.4万人。\n",
    )
    .expect("written");
    let out = import_to(&source, &dir);
    let dataset = load::load_file(&out).expect("the import loads and checks");
    let report = &dataset.report;
    assert_eq!(
        written(report),
        [
            "1万6千多户",
            "2万5千公里",
            "1亿3千多万人次",
            "3至5个",
            "3000元至5000元",
            "3万至5万元",
            "3%-5%",
            "1.2万人",
            "2.4万人"
        ]
    );
    let value_of = |numeral: &str| {
        let (place, figure) = dataset
            .figures()
            .find(|(_, f)| f.numeral.as_deref() == Some(numeral))
            .expect(numeral);
        let quantity = dataset.quantity(place);
        (
            figure.value,
            figure.value_to,
            quantity.base_value,
            quantity.base_value_to,
        )
    };
    assert_eq!(value_of("1万6千"), (16_000.0, None, 16_000.0, None));
    assert_eq!(value_of("1亿3千"), (13_000.0, None, 130_000_000.0, None));
    assert_eq!(
        value_of("3万至5"),
        (3.0, Some(5.0), 30_000.0, Some(50_000.0))
    );
    assert_eq!(value_of("3%-5"), (3.0, Some(5.0), 3.0, Some(5.0)));
    // English says a range from end to end.
    let (place, _) = dataset
        .figures()
        .find(|(_, f)| f.numeral.as_deref() == Some("3万至5"))
        .expect("range");
    assert_eq!(dataset.quantity(place).english(), "30,000 to 50,000 yuan");
    // No chart draws a range; the two plain counts of people may be drawn.
    for chart in report.chapters.iter().flat_map(|c| &c.charts) {
        for id in &chart.figures {
            let (_, _, figure) = report.figures().find(|(_, _, f)| &f.id == id).expect("id");
            assert!(figure.value_to.is_none(), "{} draws a range", chart.title);
        }
    }
    // The table's CSV says the range's ends and the figure as written.
    let output = huimou(&["figures", arg(&out)]);
    let csv = text(&output.stdout);
    assert!(
        csv.contains(",3,%,,3,%,percent,result,false,5,5,3%-5%"),
        "{csv}"
    );
    assert!(
        csv.contains(
            ",13000,多万人次,more_than,130000000,人次,count,result,false,,,1亿3千多万人次"
        ),
        "{csv}"
    );
}

/// The shape of a Hong Kong association's annual review: parts numbered 壹、貳、 over (一)
/// sections, a date line in Chinese numerals, 約為 and 不少於 before numbers, an estimate
/// (根據初步估算), a goal (目標於…), and an appendix table whose columns are financial years.
#[test]
fn a_hong_kong_association_review_imports_as_published() {
    let text = "香港示例科學協會\n二〇二三至二〇二四年度工作回顧\n二〇二四年三月\n\n\
        壹、年度概覽\n\n（一）活動\n全年舉辦活動合共128場，服務約1萬2千人次，較上年度的9,800人次為多。\n\n\
        （二）義工\n登記義工人數由去年的210人增至286人。科學大使需完成不少於20小時培訓。\n\n\
        貳、來年展望\n\n（一）擴展\n目標於二〇二四至二〇二五年度把服務覆蓋至12個區。\n\n\
        （二）科學館\n根據初步估算，開辦費用約為800萬元。\n\n\
        參、附錄\n\n｜指標｜二〇二二至二三年度｜二〇二三至二四年度｜\n\
        ｜活動場數｜96場｜128場｜\n｜總收入｜312.5萬元｜385.6萬元｜\n";
    let imported = import::import_text(text, "review.txt").expect("imports");
    let report = &imported.report;
    assert_eq!(report.date, "二〇二四年三月");
    assert_eq!(report.subtitle, "二〇二三至二〇二四年度工作回顧");
    let names: Vec<&str> = report.chapters.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["年度概覽", "來年展望", "附錄"]);
    let figure = |written: &str| {
        report
            .figures()
            .map(|(_, _, f)| f)
            .find(|f| f.written() == written)
            .unwrap_or_else(|| panic!("{written}: {:?}", written_all(report)))
    };
    // 約為 and 不少於 are the figures' qualifiers, kept as written; a reckoning is an estimate,
    // a goal a target.
    assert_eq!(figure("約為800萬元").status, huimou::Status::Estimate);
    assert_eq!(figure("約為800萬元").label, "開辦費用");
    assert_eq!(figure("不少於20小時").prefix.as_deref(), Some("不少於"));
    assert_eq!(figure("12個").status, huimou::Status::Target);
    assert_eq!(figure("9,800人次").label, "服務");
    assert_eq!(figure("210人").label, "登記義工人數");
    // A traditional table is named in its own script.
    let table = &report.chapters[2].initiatives[0].text;
    assert!(table.starts_with("第1張表格："), "{table}");
    // Each cell of the table is its row's measure in its column's year.
    let cells: Vec<(String, Option<String>)> = report.chapters[2]
        .initiatives
        .iter()
        .flat_map(|i| &i.figures)
        .map(|f| (f.label.clone(), f.period.clone()))
        .collect();
    let year = |y: &str| Some(y.to_owned());
    assert_eq!(
        cells,
        [
            ("活動場數".to_owned(), year("二〇二二至二三年度")),
            ("活動場數".to_owned(), year("二〇二三至二四年度")),
            ("總收入".to_owned(), year("二〇二二至二三年度")),
            ("總收入".to_owned(), year("二〇二三至二四年度")),
        ]
    );
}

fn written_all(report: &huimou::Report) -> Vec<String> {
    report.figures().map(|(_, _, f)| f.written()).collect()
}
