//! Pages laid out, written by krilla: glyphs with their text (so it can be selected and
//! searched), fonts subset to the glyphs used, shapes as vectors, the outline, links from the
//! contents, the structure tags and the document's properties.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use super::page::{Anchor, Laid, Mark, OutlineEntry, Role, Shape};
use super::text::{Faces, Rgb, Run};
use super::{Options, PdfError};
use crate::document::dataset::Dataset;
use crate::report::lang::Lang;

/// Writes `laid` as a PDF.
pub fn render(
    laid: &Laid,
    faces: &Faces,
    dataset: &Dataset,
    options: Options,
    progress: &mut dyn FnMut(f32),
) -> Result<Vec<u8>, PdfError> {
    let fonts = faces
        .faces()
        .iter()
        .map(|face| Font::new(face.data.clone().into(), face.index))
        .collect::<Option<Vec<Font>>>()
        .ok_or_else(|| PdfError::Made("a font cannot be embedded".to_owned()))?;
    let mut document = Document::new_with(SerializeSettings::default());
    let (width, height) = options.paper.size();
    let mut leaves: Vec<Vec<Identifier>> = vec![Vec::new(); laid.elements.len()];
    let mut links: Vec<Vec<Identifier>> = vec![Vec::new(); laid.elements.len()];
    let total = laid.pages.len().max(1);
    for (index, layout) in laid.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(width, height)
            .ok_or_else(|| PdfError::Made("the paper has no size".to_owned()))?;
        let mut page = document.start_page_with(settings);
        {
            let mut surface = page.surface();
            draw_marks(&mut surface, &layout.marks, &fonts, &mut leaves);
            surface.finish();
        }
        for link in &layout.links {
            let (left, top, right, bottom) = link.rect;
            let Some(rect) = Rect::from_ltrb(left, top, right, bottom) else {
                continue;
            };
            let target =
                krilla::annotation::Target::Destination(Destination::Xyz(destination(link.to)));
            let annotation = krilla::annotation::Annotation::new_link(
                krilla::annotation::LinkAnnotation::new(rect, target),
                None,
            );
            let id = page.add_tagged_annotation(annotation);
            if let Some(element) = link.element {
                links[element].push(id);
            }
        }
        page.finish();
        progress(0.6 + 0.3 * (index + 1) as f32 / total as f32);
    }
    document.set_outline(outline(&laid.outline));
    document.set_metadata(metadata(dataset, options.lang));
    let tag = language(dataset, options.lang);
    document.set_tag_tree(tag_tree(laid, leaves, links, tag));
    let bytes = document
        .finish()
        .map_err(|e| PdfError::Made(format!("the PDF cannot be written: {e:?}")))?;
    progress(1.0);
    Ok(bytes)
}

/// Draws a page's marks, each stretch of one structure element as one marked sequence.
fn draw_marks(
    surface: &mut Surface<'_>,
    marks: &[Mark],
    fonts: &[Font],
    leaves: &mut [Vec<Identifier>],
) {
    let mut k = 0;
    while k < marks.len() {
        let element = marks[k].element;
        let end = marks[k..]
            .iter()
            .position(|m| m.element != element)
            .map_or(marks.len(), |n| k + n);
        let id = match element {
            Some(_) => surface.start_tagged(ContentTag::Span(SpanTag::empty())),
            None => surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                ArtifactType::Other,
            ))),
        };
        for mark in &marks[k..end] {
            draw(surface, &mark.shape, fonts);
        }
        surface.end_tagged();
        if let Some(element) = element {
            leaves[element].push(id);
        }
        k = end;
    }
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(color[0], color[1], color[2]).into(),
        ..Fill::default()
    }
}

fn draw(surface: &mut Surface<'_>, shape: &Shape, fonts: &[Font]) {
    match shape {
        Shape::Text { x, y, size, run } => text(surface, (*x, *y), *size, run, fonts),
        Shape::Rect {
            x,
            y,
            w,
            h,
            fill: color,
        } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*color)));
                surface.draw_path(&path);
            }
        }
        Shape::Line {
            from,
            to,
            width,
            color,
            dotted,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(from.0, from.1);
            path.line_to(to.0, to.1);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(color[0], color[1], color[2]).into(),
                    width: *width,
                    line_cap: if *dotted {
                        LineCap::Round
                    } else {
                        LineCap::Butt
                    },
                    dash: dotted.then(|| StrokeDash {
                        array: vec![0.0, 3.0],
                        offset: 0.0,
                    }),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
    }
}

/// A run's glyphs, each placed by its measured advance, with the run's text behind them.
fn text(surface: &mut Surface<'_>, (x, y): (f32, f32), size: f32, run: &Run, fonts: &[Font]) {
    let Some(font) = fonts.get(run.face.0) else {
        return;
    };
    let glyphs: Vec<KrillaGlyph> = run
        .glyphs
        .iter()
        .map(|(glyph, range)| {
            KrillaGlyph::new(
                GlyphId::new(u32::from(glyph.id)),
                glyph.advance,
                0.0,
                0.0,
                0.0,
                range.clone(),
                None,
            )
        })
        .collect();
    surface.set_stroke(None);
    surface.set_fill(Some(fill(run.color)));
    surface.draw_glyphs(
        Point::from_xy(x, y),
        &glyphs,
        font.clone(),
        &run.text,
        size,
        false,
    );
}

fn destination(anchor: Anchor) -> XyzDestination {
    XyzDestination::new(anchor.page, Point::from_xy(0.0, (anchor.y - 12.0).max(0.0)))
}

fn outline(entries: &[OutlineEntry]) -> Outline {
    fn node(entry: &OutlineEntry) -> OutlineNode {
        let mut made = OutlineNode::new(entry.title.clone(), destination(entry.to));
        for child in &entry.children {
            made.push_child(node(child));
        }
        made
    }
    let mut outline = Outline::new();
    for entry in entries {
        outline.push_child(node(entry));
    }
    outline
}

/// The language tag of the document's text: Chinese in the report's script, or English.
fn language(dataset: &Dataset, lang: Lang) -> &'static str {
    match (lang, dataset.script()) {
        (Lang::Zh, crate::report::script_fold::HanScript::Simplified) => "zh-CN",
        (Lang::Zh, crate::report::script_fold::HanScript::Traditional) => "zh-Hant",
        (Lang::En, _) => "en",
    }
}

fn metadata(dataset: &Dataset, lang: Lang) -> Metadata {
    let report = &dataset.report;
    let title = crate::report::chart_text::localized(lang, &report.title, report.title_en.as_ref());
    let mut metadata = Metadata::new()
        .title(title.to_owned())
        .language(language(dataset, lang).to_owned())
        .creator("Huimou".to_owned());
    if !report.source.trim().is_empty() {
        // The source says where the report comes from; no author is claimed for it.
        metadata = metadata.description(report.source.clone());
    }
    metadata
}

/// The structure tree: each element's groups in the order they were made (reading order),
/// then the content marked for it in page order.
fn tag_tree(
    laid: &Laid,
    mut leaves: Vec<Vec<Identifier>>,
    mut links: Vec<Vec<Identifier>>,
    language: &str,
) -> TagTree {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); laid.elements.len()];
    let mut roots = Vec::new();
    for (k, element) in laid.elements.iter().enumerate() {
        match element.parent {
            Some(parent) => children[parent].push(k),
            None => roots.push(k),
        }
    }
    let mut tree = TagTree::new().with_lang(Some(language.to_owned()));
    fn group(
        k: usize,
        laid: &Laid,
        children: &[Vec<usize>],
        leaves: &mut [Vec<Identifier>],
        links: &mut [Vec<Identifier>],
    ) -> TagGroup {
        let mut made = TagGroup::new(kind(&laid.elements[k].role));
        for &child in &children[k] {
            made.push(group(child, laid, children, leaves, links));
        }
        for leaf in std::mem::take(&mut leaves[k]) {
            made.push(leaf);
        }
        for link in std::mem::take(&mut links[k]) {
            made.push(TagGroup::with_children(Tag::Link, vec![link.into()]));
        }
        made
    }
    for root in roots {
        if laid.elements[root].role == Role::Document {
            for &child in &children[root] {
                tree.push(group(child, laid, &children, &mut leaves, &mut links));
            }
        } else {
            tree.push(group(root, laid, &children, &mut leaves, &mut links));
        }
    }
    tree
}

fn kind(role: &Role) -> TagKind {
    match role {
        Role::Document | Role::Section => Tag::Section.into(),
        Role::Heading(level, title) => Tag::Hn(
            NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
            Some(title.clone()),
        )
        .into(),
        Role::Paragraph => Tag::P.into(),
        Role::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        Role::Contents => Tag::TOC.into(),
        Role::ContentsEntry => Tag::TOCI.into(),
    }
}
