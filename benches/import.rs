//! `huimou import` of a brochure of about 1 MB: the seed brochure's five chapters repeated,
//! renumbered, as text and as a Word document.

use std::io::Write as _;

use criterion::{Criterion, criterion_group, criterion_main};
use huimou::import;

/// The brochure 成都市科学技术协会八大以来工作回眸 as its text was received.
const SEED: &str = include_str!("../tests/data/import/seed.txt");

/// About this many bytes of brochure are imported.
const TARGET_BYTES: usize = 1 << 20;

/// The seed's cover, then its chapters again and again, numbered on: 1–5, 6–10 …
fn large_brochure() -> String {
    let lines: Vec<&str> = SEED.lines().collect();
    // The chapters run from the first chapter's name to the list of contents (`· 科普`).
    let first = lines.iter().position(|l| *l == "思想").expect("chapter 1");
    let end = lines
        .iter()
        .position(|l| l.starts_with('·'))
        .unwrap_or(lines.len());
    let mut text = lines[..first].join("\n");
    text.push('\n');
    let mut round = 0;
    while text.len() < TARGET_BYTES {
        for line in &lines[first..end] {
            match line.parse::<usize>() {
                Ok(number) if (1..=5).contains(&number) => {
                    text.push_str(&(round * 5 + number).to_string());
                }
                _ => text.push_str(line),
            }
            text.push('\n');
        }
        round += 1;
    }
    text
}

/// The same brochure as a Word document: a paragraph a line, bold runs for the bold parts.
fn large_document(text: &str) -> Vec<u8> {
    let escaped = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;");
    let mut body = String::with_capacity(text.len() * 3);
    for line in text.lines() {
        body.push_str("<w:p>");
        let line = line.strip_prefix("- ").unwrap_or(line);
        for (k, piece) in line.split("**").enumerate() {
            let bold = if k % 2 == 1 {
                "<w:rPr><w:b/></w:rPr>"
            } else {
                ""
            };
            body.push_str(&format!(
                "<w:r>{bold}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                escaped(piece)
            ));
        }
        body.push_str("</w:p>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).expect("part");
    zip.write_all(document.as_bytes()).expect("written");
    zip.finish().expect("zipped").into_inner()
}

/// A work report in the shape officials publish (tests/data/import/published/gov-work-report.txt:
/// cover, 一、 chapters, （一） sections, numbers never bold) grown to 60,000 characters by
/// repeating its chapters.
fn published_report() -> String {
    let fixture = include_str!("../tests/data/import/published/gov-work-report.txt");
    let body_start = fixture.find("一、").expect("a chapter");
    let (cover, body) = fixture.split_at(body_start);
    let mut text = cover.to_owned();
    while text.chars().count() < 60_000 {
        text.push_str(body);
        text.push('\n');
    }
    text
}

fn import_benches(c: &mut Criterion) {
    let published = published_report();
    let imported = import::import_text(&published, "report.txt").expect("imports");
    eprintln!(
        "published report: {} characters, {} chapters, {} figures",
        published.chars().count(),
        imported.report.chapters.len(),
        imported.report.figures().count(),
    );
    let mut group = c.benchmark_group("import/published");
    group.sample_size(20);
    group.bench_function("60,000 characters (.txt)", |b| {
        b.iter(|| import::import_text(&published, "report.txt").expect("imports"));
    });
    group.finish();

    let text = large_brochure();
    let document = large_document(&text);
    let imported = import::import_text(&text, "large.md").expect("imports");
    eprintln!(
        "brochure: {:.2} MiB of text, {} chapters, {} initiatives, {} figures; document {:.2} MiB",
        text.len() as f64 / 1_048_576.0,
        imported.report.chapters.len(),
        imported.report.initiative_count(),
        imported.report.figures().count(),
        document.len() as f64 / 1_048_576.0,
    );
    let mut group = c.benchmark_group("import/1 MB");
    group.sample_size(10);
    group.bench_function("text (.md)", |b| {
        b.iter(|| import::import_text(&text, "large.md").expect("imports"));
    });
    group.bench_function("Word (.docx)", |b| {
        b.iter(|| import::import_docx(&document, "large.docx").expect("imports"));
    });
    group.finish();
}

criterion_group!(benches, import_benches);
criterion_main!(benches);
