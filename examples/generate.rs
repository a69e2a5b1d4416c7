//! Writes a realistic synthetic dataset of any size in the real format, for benchmarks.
//!
//! `cargo run --release --example generate -- CHAPTERS INITIATIVES OUT.ron`
//!
//! Chapters and initiatives are sampled from the embedded Chengdu report: each initiative takes
//! the text of one of the report's initiatives with fresh numbers for its figures, so the result
//! validates, its figures are varied, and its Chinese reads like the real thing.

use std::process::ExitCode;

use huimou::report::model::{Chapter, Chart, ChartKind, Figure, Initiative, Report};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(chapters), Some(initiatives), Some(out)) = (
        args.first().and_then(|a| a.parse().ok()),
        args.get(1).and_then(|a| a.parse().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: generate CHAPTERS INITIATIVES_PER_CHAPTER OUT.ron");
        return ExitCode::from(2);
    };
    let report = generate(chapters, initiatives);
    let text = to_ron(&report);
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{out}: {chapters} chapters × {initiatives} initiatives, {:.1} MiB",
        text.len() as f64 / 1_048_576.0
    );
    if text.len() as u64 > huimou::document::load::MAX_BYTES {
        eprintln!(
            "{out} is larger than the {} MiB the viewer and `check` read; use fewer initiatives",
            huimou::document::load::MAX_BYTES / 1_048_576
        );
    }
    ExitCode::SUCCESS
}

/// The dataset as RON, one item a line and no indentation, as a tool would write it.
pub fn to_ron(report: &Report) -> String {
    let config = ron::ser::PrettyConfig::default()
        .indentor("")
        .struct_names(false);
    ron::ser::to_string_pretty(report, config).expect("serializes")
}

/// A small deterministic generator, so every run writes the same dataset.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: plenty for sampling, and needs no crate.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A synthetic report of `chapters` × `initiatives`, sampled from the embedded one.
pub fn generate(chapters: usize, initiatives: usize) -> Report {
    let source = huimou::document::load::embedded().report;
    let pool: Vec<&Initiative> = source
        .chapters
        .iter()
        .flat_map(|c| &c.initiatives)
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut report = Report {
        chapters: Vec::with_capacity(chapters),
        ..source.clone()
    };
    for c in 0..chapters {
        let model = &source.chapters[c % source.chapters.len()];
        let mut chapter = Chapter {
            id: format!("c{}", c + 1),
            number: u32::try_from(c + 1).expect("fits"),
            name: format!("{}{}", model.name, c + 1),
            name_en: model.name_en.as_ref().map(|n| format!("{n} {}", c + 1)),
            headline: model.headline.clone(),
            headline_en: model.headline_en.clone(),
            initiatives: Vec::with_capacity(initiatives),
            charts: Vec::new(),
            key_figures: Vec::new(),
        };
        for i in 0..initiatives {
            let template = pool[rng.below(pool.len())];
            chapter.initiatives.push(resample(
                template,
                &format!("c{}-i{}", c + 1, i + 1),
                &mut rng,
            ));
        }
        // One chart of the chapter's first figures that share a unit with the first of them.
        let figures: Vec<&Figure> = chapter
            .initiatives
            .iter()
            .flat_map(|i| &i.figures)
            .collect();
        if let Some(first) = figures.first() {
            let unit = base_unit(first);
            let ids: Vec<String> = figures
                .iter()
                .filter(|f| base_unit(f) == unit)
                .take(6)
                .map(|f| f.id.clone())
                .collect();
            chapter.charts.push(Chart {
                title: format!("{}（{}）", first.label, unit),
                title_en: first.label_en.clone(),
                kind: ChartKind::Bars,
                figures: ids,
            });
        }
        report.chapters.push(chapter);
    }
    report
}

fn base_unit(figure: &Figure) -> String {
    huimou::Quantity::parse(figure.prefix.as_deref(), figure.value, &figure.unit)
        .map(|q| q.base_unit)
        .unwrap_or_default()
}

/// Figures an initiative keeps at most, so that 100,000 initiatives stay within tens of MB.
const MAX_FIGURES: usize = 2;

/// A copy of `template` with new ids and new numbers, the text's marks changed to match; long
/// texts end after the sentence of their second figure.
fn resample(template: &Initiative, id: &str, rng: &mut Rng) -> Initiative {
    let mut text = String::with_capacity(template.text.len());
    let mut figures = Vec::with_capacity(MAX_FIGURES);
    let mut rest = template.text.as_str();
    for (f, figure) in template.figures.iter().take(MAX_FIGURES).enumerate() {
        let open = rest.find("**").expect("a mark per figure");
        let close = open + 2 + rest[open + 2..].find("**").expect("closed mark");
        let percent = rest[open + 2..close].ends_with('%');
        let value = if figure.value.fract() == 0.0 {
            (rng.below(5000) + 1) as f64
        } else {
            (rng.below(999) + 1) as f64 / 10.0
        };
        text.push_str(&rest[..open]);
        text.push_str(&format!("**{value}{}**", if percent { "%" } else { "" }));
        rest = &rest[close + 2..];
        figures.push(Figure {
            id: format!("{id}-f{}", f + 1),
            value,
            ..figure.clone()
        });
    }
    if template.figures.len() > MAX_FIGURES {
        // Stop at the end of the sentence, before the next figure's mark.
        let end = rest.find('。').map_or(rest.len(), |i| i + '。'.len_utf8());
        let next_mark = rest.find("**").unwrap_or(rest.len());
        rest = &rest[..end.min(next_mark)];
    }
    text.push_str(rest);
    Initiative {
        id: id.to_owned(),
        // Real reports do not repeat a title within a chapter.
        title: format!("{}（{id}）", template.title),
        title_en: template.title_en.as_ref().map(|t| format!("{t} ({id})")),
        text,
        figures,
    }
}
