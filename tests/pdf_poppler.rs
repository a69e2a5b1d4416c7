//! The report's PDF as poppler's tools read it (`cargo test --features poppler --test
//! pdf_poppler`, run by CI, which installs poppler-utils): `pdftotext` finds every initiative's
//! text and every figure as written, `pdfinfo` the pages and properties, `pdffonts` every font
//! embedded and subset, and `pdftoppm` draws the first chapter's page as it was when looked at
//! (tests/snapshots/pdf/chapter-1.png; `UPDATE_SNAPSHOTS=1` rewrites it).

#![cfg(feature = "poppler")]

use std::path::{Path, PathBuf};
use std::process::Command;

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Writes the embedded report's PDF with the command line, as a user would.
fn report_pdf(name: &str, args: &[&str]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("huimou-poppler-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join(name);
    let run = Command::new(env!("CARGO_BIN_EXE_huimou"))
        .arg("pdf")
        .args(args)
        .arg("--out")
        .arg(&out)
        .env_remove("DISPLAY")
        .output()
        .expect("huimou runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

/// What a poppler tool prints for `file` (pdftotext is told to print, with `-` after it).
fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let mut command = Command::new(name);
    command.args(args).arg(file);
    if name == "pdftotext" {
        command.arg("-");
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils) must be installed: {e}"));
    assert!(
        output.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn pdftotext_reads_every_initiative_and_figure_as_written() {
    let dataset = huimou::document::load::embedded();
    let pdf = report_pdf("text.pdf", &[]);
    let text = tool("pdftotext", &["-enc", "UTF-8"], &pdf);
    let pages: Vec<String> = text.split('\u{c}').map(squeeze).collect();
    let total = pages.iter().filter(|p| !p.is_empty()).count();
    // Each page without its running header and footer, so a paragraph over a page reads whole.
    let title = squeeze(&dataset.report.title);
    let body: String = pages
        .iter()
        .enumerate()
        .map(|(k, page)| {
            if k == 0 {
                return page.clone();
            }
            page.replacen(&title, "", 1)
                .replacen(&format!("{}/{total}", k + 1), "", 1)
        })
        .collect();
    let body = dataset.report.chapters.iter().fold(body, |body, chapter| {
        body.replace(&format!("{}{}", chapter.number, squeeze(&chapter.name)), "")
    });
    for (c, chapter) in dataset.report.chapters.iter().enumerate() {
        for initiative in &chapter.initiatives {
            assert!(
                body.contains(&squeeze(&initiative.title)),
                "{}",
                initiative.title
            );
            let plain = squeeze(&huimou::report::markup::plain(&initiative.text));
            assert!(body.contains(&plain), "text of {}", initiative.title);
        }
        // Key figures as their texts write them (1,800余万元).
        for place in dataset.key_figures(c) {
            let written = dataset.figure(place).written();
            assert!(body.contains(&squeeze(&written)), "{written}");
        }
    }
}

#[test]
fn pdfinfo_and_pdffonts_see_pages_properties_and_subset_fonts() {
    let dataset = huimou::document::load::embedded();
    let pdf = report_pdf("info.pdf", &["--paper", "a4"]);
    let info = tool("pdfinfo", &[], &pdf);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim_start_matches(':').trim().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(field("Title"), dataset.report.title);
    assert_eq!(field("Creator"), "Huimou");
    assert_eq!(field("Tagged"), "yes");
    assert!(field("Page size").contains("A4"), "{info}");
    let pages: usize = field("Pages").parse().expect("a page count");
    assert!(pages > dataset.report.chapters.len() + 2, "{pages}");
    let fonts = tool("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name, type…, encoding, emb, sub, uni, object, generation
        let n = columns.len();
        assert_eq!(&columns[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn pdftoppm_draws_the_first_chapter_as_it_was_looked_at() {
    let pdf = report_pdf("picture.pdf", &[]);
    let prefix = pdf.with_file_name("page");
    let run = Command::new("pdftoppm")
        .args(["-r", "50", "-f", "3", "-l", "3", "-png", "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(run.success());
    let drawn = image::open(prefix.with_extension("png"))
        .expect("a PNG")
        .to_rgb8();
    let kept = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/pdf/chapter-1.png");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(kept.parent().expect("folder")).expect("folder");
        drawn.save(&kept).expect("saved");
    }
    let kept = image::open(&kept).expect("the kept page").to_rgb8();
    assert_eq!(drawn.dimensions(), kept.dimensions());
    let differing = drawn
        .pixels()
        .zip(kept.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > 48))
        .count();
    let share = differing as f64 / f64::from(drawn.width() * drawn.height());
    assert!(share < 0.005, "{:.2}% of the page differs", share * 100.0);
    // Not an empty page: text and bars are drawn.
    let inked = drawn
        .pixels()
        .filter(|p| p.0.iter().all(|&c| c < 128))
        .count();
    assert!(inked > 500, "{inked} dark pixels");
}
