//! What leaves the viewer as files: figures and initiatives as CSV, pages as PDF.
//!
//! The CSV of figures has the header of `huimou figures`, so a chart's export and the command
//! line's read the same way.

use std::io::Write;

use crate::dataset::{Dataset, FigureRef};
use crate::markup;
use crate::search::Place;

/// The header of every figures CSV (`huimou figures`, a chart's export).
pub const FIGURES_HEADER: [&str; 8] = [
    "chapter",
    "initiative",
    "label",
    "value",
    "unit",
    "qualifier",
    "base_value",
    "base_unit",
];

/// Writes `places`' figures as CSV, one row each, under [`FIGURES_HEADER`].
pub fn figures_csv(
    dataset: &Dataset,
    places: impl IntoIterator<Item = FigureRef>,
    out: impl Write,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(FIGURES_HEADER)?;
    for place in places {
        let figure = dataset.figure(place);
        let quantity = dataset.quantity(place);
        writer.write_record([
            dataset.chapter_at(place).number.to_string().as_str(),
            &dataset.initiative_at(place).title,
            &figure.label,
            &crate::quantity::format_written(figure.value),
            &figure.unit,
            &quantity.qualifier_keyword(),
            &crate::quantity::format_written(quantity.base_value),
            &quantity.base_unit,
        ])?;
    }
    writer.flush()
}

/// The figures a chart shows, in its order (ids that name no figure are left out: `check`
/// refuses such datasets).
pub fn chart_figures(dataset: &Dataset, chapter: usize, chart: usize) -> Vec<FigureRef> {
    dataset.report.chapters[chapter].charts[chart]
        .figures
        .iter()
        .filter_map(|id| dataset.figure_by_id(id).map(|(place, _)| place))
        .collect()
}

/// The header of an initiatives CSV.
pub const INITIATIVES_HEADER: [&str; 5] = ["chapter", "number", "title", "title_en", "text"];

/// Writes initiatives as CSV: chapter number, position in the chapter (1-based), title, English
/// title, and the text without its figure marks.
pub fn initiatives_csv(
    dataset: &Dataset,
    places: impl IntoIterator<Item = Place>,
    out: impl Write,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(INITIATIVES_HEADER)?;
    for place in places {
        let chapter = &dataset.report.chapters[place.chapter];
        let initiative = &chapter.initiatives[place.initiative];
        writer.write_record([
            chapter.number.to_string().as_str(),
            (place.initiative + 1).to_string().as_str(),
            &initiative.title,
            initiative.title_en.as_deref().unwrap_or_default(),
            &markup::plain(&initiative.text),
        ])?;
    }
    writer.flush()
}

/// Views rendered by `huimou screenshot` in other processes, as a user would from the command
/// line: a window of their own, no menus over them, the same pixels every time.
#[derive(Clone, Debug)]
pub struct ViewJob {
    /// The dataset file (`None`: the embedded report).
    pub file: Option<std::path::PathBuf>,
    /// The views, in order.
    pub views: Vec<crate::app::View>,
    /// Whether the interface is in English.
    pub english: bool,
    /// Whether to draw in the dark theme.
    pub dark: bool,
    /// The report's title, for the PDF's properties.
    pub title: String,
}

/// The window size views are rendered at.
const VIEW_SIZE: &str = "1280x860";

impl ViewJob {
    /// Renders view `k` into `out` as PNG.
    fn render(&self, k: usize, out: &std::path::Path) -> Result<(), String> {
        let exe = std::env::current_exe().map_err(|e| format!("cannot find Huimou itself: {e}"))?;
        let view = match self.views[k] {
            crate::app::View::Overview => "overview".to_owned(),
            crate::app::View::Chapter(c) => (c + 1).to_string(),
            crate::app::View::Figures => "figures".to_owned(),
        };
        let mut command = std::process::Command::new(exe);
        command.arg("screenshot");
        if let Some(file) = &self.file {
            command.arg(file);
        }
        command
            .args(["--view", &view, "--size", VIEW_SIZE])
            .args(["--lang", if self.english { "en" } else { "zh" }])
            .args(["--theme", if self.dark { "dark" } else { "light" }])
            .arg("--out")
            .arg(out);
        let output = command
            .output()
            .map_err(|e| format!("cannot start the renderer: {e}"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
        }
    }

    /// The first view as a PNG file.
    pub fn png(&self, out: &std::path::Path) -> Result<(), String> {
        self.render(0, out)
    }

    /// Every view, one page each, as a PDF file.
    pub fn pdf(&self, out: &std::path::Path) -> Result<(), String> {
        let dir = std::env::temp_dir().join(format!("huimou-pdf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let pages: Result<Vec<image::RgbImage>, String> = (0..self.views.len())
            .map(|k| {
                let png = dir.join(format!("{k}.png"));
                self.render(k, &png)?;
                let picture = image::open(&png).map_err(|e| format!("{}: {e}", png.display()))?;
                Ok(picture.to_rgb8())
            })
            .collect();
        let _ = std::fs::remove_dir_all(&dir);
        let file = std::fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
        pdf(&pages?, &self.title, std::io::BufWriter::new(file))
            .map_err(|e| format!("{}: {e}", out.display()))
    }
}

/// An A4 page in landscape, in PDF points.
const PAGE: (f64, f64) = (842.0, 595.0);
/// The white margin around each picture, in points.
const MARGIN: f64 = 24.0;

/// Writes a PDF with one landscape A4 page per picture, each scaled to fit the page: the
/// report as the screenshot command renders it, for printing. Pictures are stored losslessly
/// (Flate), so text stays sharp.
pub fn pdf(pages: &[image::RgbImage], title: &str, mut out: impl Write) -> std::io::Result<()> {
    let mut pdf = PdfWriter::default();
    // Objects: 1 catalog, 2 page tree, 3 info, then per page: page, contents, image.
    let page_ids: Vec<usize> = (0..pages.len()).map(|k| 4 + 3 * k).collect();
    pdf.object(1, b"<< /Type /Catalog /Pages 2 0 R >>");
    let kids: Vec<String> = page_ids.iter().map(|id| format!("{id} 0 R")).collect();
    pdf.object(
        2,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .as_bytes(),
    );
    pdf.object(
        3,
        format!("<< /Title {} /Producer (Huimou) >>", pdf_text(title)).as_bytes(),
    );
    for (picture, &id) in pages.iter().zip(&page_ids) {
        let (width, height) = (f64::from(picture.width()), f64::from(picture.height()));
        let scale = ((PAGE.0 - 2.0 * MARGIN) / width).min((PAGE.1 - 2.0 * MARGIN) / height);
        let (w, h) = (width * scale, height * scale);
        let (x, y) = ((PAGE.0 - w) / 2.0, (PAGE.1 - h) / 2.0);
        pdf.object(
            id,
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Contents {} 0 R \
                 /Resources << /XObject << /Im0 {} 0 R >> >> >>",
                PAGE.0,
                PAGE.1,
                id + 1,
                id + 2
            )
            .as_bytes(),
        );
        let contents = format!("q {w:.2} 0 0 {h:.2} {x:.2} {y:.2} cm /Im0 Do Q");
        pdf.stream(id + 1, "", contents.as_bytes());
        let pixels = miniz_oxide::deflate::compress_to_vec_zlib(picture.as_raw(), 6);
        pdf.stream(
            id + 2,
            &format!(
                "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceRGB \
                 /BitsPerComponent 8 /Filter /FlateDecode",
                picture.width(),
                picture.height()
            ),
            &pixels,
        );
    }
    out.write_all(&pdf.finish(3 + 3 * pages.len()))
}

/// A text string for a PDF dictionary: ASCII in parentheses, anything else as UTF-16.
fn pdf_text(text: &str) -> String {
    if text.is_ascii() {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)");
        format!("({escaped})")
    } else {
        let mut hex = String::from("<FEFF");
        for unit in text.encode_utf16() {
            hex.push_str(&format!("{unit:04X}"));
        }
        hex.push('>');
        hex
    }
}

/// Builds a PDF file object by object, remembering where each starts for the cross-reference
/// table.
#[derive(Default)]
struct PdfWriter {
    bytes: Vec<u8>,
    offsets: Vec<(usize, usize)>,
}

impl PdfWriter {
    fn start(&mut self) {
        if self.bytes.is_empty() {
            // The comment of high bytes tells tools the file is binary.
            self.bytes
                .extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
        }
    }

    fn object(&mut self, id: usize, body: &[u8]) {
        self.start();
        self.offsets.push((id, self.bytes.len()));
        self.bytes
            .extend_from_slice(format!("{id} 0 obj\n").as_bytes());
        self.bytes.extend_from_slice(body);
        self.bytes.extend_from_slice(b"\nendobj\n");
    }

    fn stream(&mut self, id: usize, dictionary: &str, data: &[u8]) {
        let mut body = format!("<< {dictionary} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.object(id, &body);
    }

    fn finish(mut self, last_id: usize) -> Vec<u8> {
        self.start();
        self.offsets.sort_unstable();
        let xref = self.bytes.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", last_id + 1);
        for (_, offset) in &self.offsets {
            table.push_str(&format!("{offset:010} 00000 n \n"));
        }
        table.push_str(&format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            last_id + 1
        ));
        self.bytes.extend_from_slice(table.as_bytes());
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_has_a_page_per_picture_and_a_valid_cross_reference() {
        let pages = vec![
            image::RgbImage::from_pixel(400, 300, image::Rgb([255, 0, 0])),
            image::RgbImage::from_pixel(300, 400, image::Rgb([0, 0, 255])),
        ];
        let mut out = Vec::new();
        pdf(&pages, "回眸 report", &mut out).expect("written");
        let text = String::from_utf8_lossy(&out);
        assert!(text.starts_with("%PDF-1.4"));
        assert_eq!(text.matches("/Type /Page ").count(), 2);
        assert!(text.contains("/Count 2"));
        // Every cross-reference entry points at its object (offsets in bytes: the pictures
        // are binary, so the lossy text above is not for measuring).
        let xref = out
            .windows(6)
            .rposition(|w| w == b"\nxref\n")
            .expect("xref")
            + 1;
        let table = String::from_utf8_lossy(&out[xref..]).into_owned();
        for (k, line) in table.lines().skip(3).take(9).enumerate() {
            let offset: usize = line[..10].parse().expect("offset");
            let expected = format!("{} 0 obj", k + 1);
            assert!(
                out[offset..].starts_with(expected.as_bytes()),
                "object {}",
                k + 1
            );
        }
        let startxref: usize = table
            .lines()
            .rev()
            .nth(1)
            .and_then(|l| l.parse().ok())
            .expect("startxref");
        assert_eq!(startxref, xref);
    }

    #[test]
    fn titles_outside_ascii_are_utf16() {
        assert_eq!(pdf_text("a(b)"), "(a\\(b\\))");
        assert_eq!(pdf_text("回"), "<FEFF56DE>");
    }
}
