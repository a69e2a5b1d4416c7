//! The report as a PDF, read back as a reader's PDF viewer would: every initiative's text and
//! every figure as written, an outline of chapters and initiatives, contents linked to their
//! pages, fonts embedded and subset, the document's properties, and the command line working
//! with no display. (`tests/pdf_poppler.rs` checks the same file with poppler's tools in CI.)

use crate::generate;

use huimou::export::pdf::{Options, Paper, report_pdf};
use huimou::viewer::i18n::Lang;
use huimou::{Dataset, document::load};
use lopdf::{Document, Object};

fn pdf_of(dataset: &Dataset, options: Options) -> Document {
    let bytes = report_pdf(dataset, options, &mut |_| {}).expect("a PDF");
    Document::load_mem(&bytes).expect("a PDF lopdf reads")
}

/// The body text of the document, without white space (lines break anywhere in Chinese):
/// each page's running header and footer (drawn after the page's body) are left out, so a
/// paragraph that goes on over a page reads as one.
fn text_of(document: &Document, title: &str) -> String {
    let pages = document.get_pages();
    let title = squeeze(title);
    let total = pages.len();
    let mut out = String::new();
    for (k, number) in pages.keys().enumerate() {
        let text = squeeze(&document.extract_text(&[*number]).expect("text"));
        let footer = format!("{}/{total}", k + 1);
        let body = match (k, text.strip_suffix(&footer)) {
            (0, _) => text.as_str(),
            (_, Some(rest)) => &rest[..rest.rfind(&title).expect("the running header")],
            (_, None) => panic!("page {} has no footer: {text}", k + 1),
        };
        out.push_str(body);
    }
    out
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn name(object: &Object) -> &[u8] {
    object.as_name().unwrap_or_default()
}

fn text_string(object: &Object) -> String {
    match object {
        Object::String(bytes, _) => lopdf::decode_text_string(object)
            .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned()),
        _ => String::new(),
    }
}

#[test]
fn every_initiative_and_figure_is_in_the_text_as_written() {
    let dataset = load::embedded();
    let document = pdf_of(&dataset, Options::default());
    let text = text_of(&document, &dataset.report.title);
    for chapter in &dataset.report.chapters {
        assert!(
            text.contains(&squeeze(&chapter.headline)),
            "{}",
            chapter.headline
        );
        for initiative in &chapter.initiatives {
            assert!(
                text.contains(&squeeze(&initiative.title)),
                "{}",
                initiative.title
            );
            let plain = squeeze(&huimou::report::markup::plain(&initiative.text));
            assert!(text.contains(&plain), "text of {}", initiative.title);
        }
    }
    // Each key figure as its text writes it (1,800余万元), and each chart's values.
    for (place, figure) in dataset.figures() {
        let chapter = &dataset.report.chapters[place.chapter];
        let shown = dataset.key_figures(place.chapter).contains(&place)
            || chapter
                .charts
                .iter()
                .any(|c| c.figures.contains(&figure.id));
        if shown {
            assert!(
                text.contains(&squeeze(&figure.written())),
                "{}",
                figure.written()
            );
        }
    }
}

#[test]
fn the_outline_has_every_chapter_with_its_initiatives_on_their_pages() {
    let dataset = load::embedded();
    let document = pdf_of(&dataset, Options::default());
    let toc = document.get_toc().expect("an outline");
    let pages = document.get_pages().len();
    let chapters: Vec<_> = toc.toc.iter().filter(|e| e.level == 1).collect();
    let initiatives: Vec<_> = toc.toc.iter().filter(|e| e.level == 2).collect();
    assert_eq!(chapters.len(), dataset.report.chapters.len());
    assert_eq!(initiatives.len(), dataset.report.initiative_count());
    let titles: Vec<&str> = initiatives.iter().map(|e| e.title.as_str()).collect();
    let expected: Vec<&str> = dataset
        .report
        .chapters
        .iter()
        .flat_map(|c| c.initiatives.iter().map(|i| i.title.as_str()))
        .collect();
    assert_eq!(titles, expected);
    assert!(chapters[0].title.contains(&dataset.report.chapters[0].name));
    // In reading order, after the cover and the contents.
    let numbers: Vec<usize> = toc.toc.iter().map(|e| e.page).collect();
    assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{numbers:?}");
    assert!(numbers[0] >= 3 && *numbers.last().expect("entries") <= pages);
}

#[test]
fn the_contents_link_to_the_pages_the_outline_names() {
    let dataset = load::embedded();
    let document = pdf_of(&dataset, Options::default());
    let page_ids: Vec<lopdf::ObjectId> = document.get_pages().values().copied().collect();
    let contents = document
        .get_dictionary(page_ids[1])
        .expect("page 2")
        .get(b"Annots")
        .and_then(Object::as_array)
        .expect("links on the contents page");
    let entries = dataset.report.chapters.len() + dataset.report.initiative_count();
    assert_eq!(contents.len(), entries);
    let toc = document.get_toc().expect("outline");
    for (link, entry) in contents.iter().zip(&toc.toc) {
        let link = document
            .dereference(link)
            .and_then(|(_, o)| o.as_dict())
            .expect("a link annotation");
        assert_eq!(name(link.get(b"Subtype").expect("subtype")), b"Link");
        let destination = link
            .get(b"Dest")
            .or_else(|_| {
                link.get(b"A")
                    .and_then(Object::as_dict)
                    .and_then(|a| a.get(b"D"))
            })
            .and_then(|d| document.dereference(d))
            .and_then(|(_, d)| d.as_array())
            .expect("a destination");
        let target = destination[0].as_reference().expect("a page");
        let page = page_ids
            .iter()
            .position(|id| *id == target)
            .expect("one of the pages")
            + 1;
        assert_eq!(page, entry.page, "{}", entry.title);
    }
}

#[test]
fn fonts_are_embedded_and_subset() {
    let document = pdf_of(&load::embedded(), Options::default());
    let mut fonts = 0;
    for object in document.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").map(name).ok() != Some(b"FontDescriptor") {
            continue;
        }
        fonts += 1;
        let font_name =
            String::from_utf8_lossy(name(dict.get(b"FontName").expect("name"))).into_owned();
        let tag = font_name.split('+').next().unwrap_or_default();
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{font_name} is not a subset"
        );
        assert!(
            [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|key| dict.has(key)),
            "{font_name} is not embedded"
        );
    }
    assert_eq!(fonts, 2, "the bundled regular and bold faces");
}

#[test]
fn the_document_has_its_title_language_paper_and_tags() {
    let dataset = load::embedded();
    for (lang, paper, title, tag, size) in [
        (
            Lang::Zh,
            Paper::A4,
            dataset.report.title.clone(),
            "zh-CN",
            (595.28, 841.89),
        ),
        (
            Lang::En,
            Paper::Letter,
            dataset.report.title_en.clone().expect("an English title"),
            "en",
            (612.0, 792.0),
        ),
    ] {
        let document = pdf_of(
            &dataset,
            Options {
                paper,
                lang,
                shelf: None,
            },
        );
        let info = document
            .trailer
            .get(b"Info")
            .and_then(Object::as_reference)
            .and_then(|id| document.get_dictionary(id))
            .expect("document information");
        assert_eq!(text_string(info.get(b"Title").expect("title")), title);
        assert_eq!(
            text_string(info.get(b"Creator").expect("creator")),
            "Huimou"
        );
        let catalog = document.catalog().expect("catalog");
        assert_eq!(text_string(catalog.get(b"Lang").expect("language")), tag);
        assert!(catalog.has(b"StructTreeRoot"), "tagged");
        let first = *document.get_pages().values().next().expect("a page");
        let media = document
            .get_dictionary(first)
            .and_then(|p| p.get(b"MediaBox"))
            .and_then(Object::as_array)
            .expect("media box");
        let number = |o: &Object| {
            o.as_float()
                .or_else(|_| o.as_i64().map(|i| i as f32))
                .expect("number")
        };
        assert!(
            (number(&media[2]) - size.0).abs() < 0.1 && (number(&media[3]) - size.1).abs() < 0.1
        );
        if lang == Lang::En {
            let toc = document.get_toc().expect("outline");
            let english = dataset.report.chapters[0].initiatives[0]
                .title_en
                .clone()
                .expect("English");
            assert!(toc.toc.iter().any(|e| e.title == english));
        }
    }
}

#[test]
fn a_long_chapter_flows_over_pages_and_keeps_every_initiative() {
    let report = generate::generate(2, 60);
    let text = generate::to_ron(&report);
    let origin = huimou::Origin::File("generated.ron".into());
    let dataset = load::load_str(&text, origin).expect("valid");
    let document = pdf_of(&dataset, Options::default());
    assert!(document.get_pages().len() > 10);
    let text = text_of(&document, &dataset.report.title);
    for initiative in dataset.report.chapters.iter().flat_map(|c| &c.initiatives) {
        let plain = squeeze(&huimou::report::markup::plain(&initiative.text));
        assert!(text.contains(&plain), "{}", initiative.id);
    }
}

#[test]
fn the_command_line_writes_the_pdf_with_no_display() {
    let dir = std::env::temp_dir().join(format!("huimou-pdf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("report.pdf");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_huimou"))
        .args(["pdf", "--paper", "letter", "--lang", "en", "--out"])
        .arg(&out)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("huimou runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let document = Document::load(&out).expect("a PDF");
    assert!(document.get_pages().len() >= 8);
    // A file it cannot write is said, with the path.
    let bad = dir.join("missing-folder").join("report.pdf");
    let failed = std::process::Command::new(env!("CARGO_BIN_EXE_huimou"))
        .args(["pdf", "--out"])
        .arg(&bad)
        .output()
        .expect("huimou runs");
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(stderr.contains("missing-folder"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_traditional_report_is_printed_in_its_own_script() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/good/traditional.ron");
    let dataset = load::load_file(&path).expect("valid");
    let document = pdf_of(&dataset, Options::default());
    let catalog = document.catalog().expect("catalog");
    assert_eq!(
        text_string(catalog.get(b"Lang").expect("language")),
        "zh-Hant"
    );
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = squeeze(&document.extract_text(&pages).expect("text"));
    assert!(
        text.contains("目錄") && !text.contains("目录"),
        "the contents' heading"
    );
    assert!(!text.contains("项举措"), "the cover's counts");
}
