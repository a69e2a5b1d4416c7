//! Lines that never end inside a figure: egui may end a line before any Chinese character, so
//! 1.396 亿次 could show as "1.396" at a line's end and "亿次" on the next, a number apart from
//! what it counts. Where a line would end inside a figure's number and unit, it ends before
//! the figure instead.

use std::ops::Range;
use std::sync::Arc;

use egui::Galley;
use egui::text::LayoutJob;

/// At most this many line ends are put in: a text with more figures than that at the ends of
/// its lines keeps egui's own breaks after them (each try is a layout, cached by egui).
const MAX_BREAKS: usize = 24;

/// Lays `job` out with `layout` so that no line ends inside one of the `keep` character
/// ranges; the character ranges in `moved` (what the pointer may be over) follow the line ends
/// put in.
pub fn layout_unbroken<T>(
    layout: &dyn Fn(LayoutJob) -> Arc<Galley>,
    mut job: LayoutJob,
    keep: &[Range<usize>],
    moved: &mut [(Range<usize>, T)],
) -> Arc<Galley> {
    let mut keep = keep.to_vec();
    for _ in 0..MAX_BREAKS {
        let galley = layout(job.clone());
        let Some(at) = split_at(&galley, &keep) else {
            return galley;
        };
        insert_newline(&mut job, at);
        let shift = |range: &mut Range<usize>| {
            if range.start >= at {
                range.start += 1;
                range.end += 1;
            }
        };
        keep.iter_mut().for_each(shift);
        moved.iter_mut().for_each(|(range, _)| shift(range));
    }
    layout(job)
}

/// The start of the first kept range a wrapped line ends inside, when the line holds more than
/// it (a range longer than a line cannot be helped).
fn split_at(galley: &Galley, keep: &[Range<usize>]) -> Option<usize> {
    let mut start = 0;
    for row in &galley.rows {
        let end = start + row.char_count_excluding_newline().0;
        if !row.ends_with_newline
            && let Some(span) = keep
                .iter()
                .find(|s| s.start < end && end < s.end && s.start > start)
        {
            return Some(span.start);
        }
        start += row.char_count_including_newline().0;
    }
    None
}

/// Puts a line end before character `at` of the job's text, in the format of the text before.
fn insert_newline(job: &mut LayoutJob, at: usize) {
    let byte = job
        .text
        .char_indices()
        .nth(at)
        .map_or(job.text.len(), |(b, _)| b);
    job.text.insert(byte, '\n');
    for (k, section) in job.sections.iter_mut().enumerate() {
        let range = &mut section.byte_range;
        let (start, end) = (range.start.0, range.end.0);
        if start < byte && byte <= end || (k == 0 && byte == 0) {
            range.end.0 += 1;
        } else if start >= byte {
            range.start.0 += 1;
            range.end.0 += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{FontId, TextFormat};

    /// The rows of a laid out text, as strings.
    fn rows(galley: &Galley) -> Vec<String> {
        galley
            .rows
            .iter()
            .map(|row| row.glyphs.iter().map(|g| g.chr).collect())
            .collect()
    }

    #[test]
    fn no_line_ends_between_a_number_and_its_unit() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let layout = |job: LayoutJob| ctx.fonts_mut(|f| f.layout_job(job));
        let text = "累计举办科普活动达到1.396亿次，服务基层群众。";
        let format = TextFormat::simple(FontId::proportional(15.0), egui::Color32::WHITE);
        let figure = text.find("1.396").expect("figure");
        let figure_chars = text[..figure].chars().count();
        // Find a width at which egui alone ends a line inside 1.396亿次.
        let keep = figure_chars..figure_chars + "1.396亿次".chars().count();
        let job_at = |width: f32| {
            let mut job = LayoutJob::single_section(text.to_owned(), format.clone());
            job.wrap.max_width = width;
            job
        };
        let splits = |galley: &Galley| split_at(galley, std::slice::from_ref(&keep)).is_some();
        let width = (40..400)
            .map(|w| w as f32)
            .find(|&w| splits(&layout(job_at(w))))
            .expect("some width breaks inside the figure");
        let mut moved = vec![(keep.clone(), ())];
        let galley = layout_unbroken(&layout, job_at(width), &[keep], &mut moved);
        let rows = rows(&galley);
        assert!(
            rows.iter().any(|row| row.starts_with("1.396亿次")),
            "{rows:?}"
        );
        assert_eq!(
            moved[0].0.start,
            figure_chars + 1,
            "the figure moved by the line end"
        );
        // Nothing is lost: the text is the same, but for the line end put in.
        assert_eq!(galley.job.text.replacen('\n', "", 1), text);
    }
}
