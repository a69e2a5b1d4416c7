//! The navigation panel: the overview, the table of figures, then the contents: each chapter
//! with its number, name and headline, expanding to its initiatives.

use crate::viewer::i18n::tr;
use egui::{RichText, Sense};

use crate::viewer::commands::SystemCommand;
use crate::viewer::commands::UiCommand;
use crate::viewer::context::ViewerContext;
use crate::viewer::place::View;
use crate::viewer::ui::rows::RowKey;
use crate::viewer::ui::{short_headline, theme};

/// One line of the contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    /// A chapter, by index.
    Chapter(usize),
    /// An initiative of an expanded chapter: chapter, initiative.
    Initiative(usize, usize),
}

/// Where the contents were scrolled to, and the view and entry they were last brought to
/// show: kept with the session (`ui::Memory::contents`) between frames.
#[derive(Clone, Copy, Debug, Default)]
pub struct ContentsScroll {
    /// The view and the entry last shown; none before the first frame.
    shown: Option<(View, Entry)>,
    /// How far down the contents are scrolled, in points.
    offset: f32,
}

/// The heights of the two kinds of line.
#[derive(Clone, Copy)]
struct Heights {
    chapter: f32,
    initiative: f32,
    gap: f32,
}

impl Heights {
    fn of(ui: &egui::Ui) -> Self {
        let name = ui.fonts_mut(|f| f.row_height(&theme::bold(16.0)));
        let headline = ui.text_style_height(&egui::TextStyle::Small);
        let body = ui.text_style_height(&egui::TextStyle::Body);
        Self {
            chapter: name + ui.spacing().item_spacing.y + headline + 8.0,
            initiative: body + 2.0 * ui.spacing().button_padding.y,
            gap: ui.spacing().item_spacing.y,
        }
    }

    fn of_entry(self, entry: Entry) -> f32 {
        match entry {
            Entry::Chapter(_) => self.chapter,
            Entry::Initiative(..) => self.initiative,
        }
    }
}

/// The left panel.
pub fn nav_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, memory: &mut crate::viewer::ui::Memory) {
    let current = cx.view();
    let mut commands = Vec::new();
    egui::Panel::left("navigation")
        .resizable(true)
        .default_size(220.0)
        .min_size(160.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            let reviewing = cx.session.review().is_some();
            views_ui(ui, current, reviewing, &mut commands);
            if cx.session.shelf().is_some() {
                shelf_entry_ui(ui, cx, &mut commands);
            }
            ui.add_space(6.0);
            contents_ui(ui, cx, memory, &mut commands);
        });
    for command in commands {
        cx.send(command);
    }
}

/// The overview, the table of figures, and an import's review while there is one.
fn views_ui(ui: &mut egui::Ui, current: View, reviewing: bool, commands: &mut Vec<SystemCommand>) {
    let views = [
        (View::Overview, UiCommand::Overview),
        (View::Figures, UiCommand::Figures),
        (View::Review, UiCommand::Review),
    ];
    for (view, command) in views.into_iter().take(if reviewing { 3 } else { 2 }) {
        let response = ui
            .selectable_label(
                current == view,
                RichText::new(command.text(ui.ctx())).font(theme::bold(16.0)),
            )
            .on_hover_text(command.hint(ui.ctx()));
        if response.clicked() {
            commands.push(SystemCommand::Show(view));
        }
    }
}

/// The shelf, and which of its reports is on screen (another chosen from the list).
fn shelf_entry_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>, commands: &mut Vec<SystemCommand>) {
    let Some(on) = cx.session.shelf() else {
        return;
    };
    let current = cx.view();
    let command = UiCommand::Shelf;
    let lit = matches!(current, View::Shelf | View::Series(_));
    let response = ui
        .selectable_label(
            lit,
            RichText::new(command.text(ui.ctx())).font(theme::bold(16.0)),
        )
        .on_hover_text(command.hint(ui.ctx()));
    if response.clicked() {
        commands.push(SystemCommand::Show(View::Shelf));
    }
    let report = &on.shelf.reports[on.report];
    let name = |r: &crate::shelf::ShelfReport| report_name(r.year, r.title());
    egui::ComboBox::from_id_salt("shelf-report")
        .width(ui.available_width() - 8.0)
        .truncate()
        .selected_text(name(report))
        .show_ui(ui, |ui| {
            for (r, other) in on.shelf.reports.iter().enumerate() {
                if ui.selectable_label(r == on.report, name(other)).clicked() {
                    commands.push(SystemCommand::OpenShelfReport(r));
                }
            }
        })
        .response
        .on_hover_text(tr(ui, "书架上的另一份报告（保持在同名的章）"));
}

/// A report as the shelf's list names it: its year first, unless its title already says it
/// (2025年广东省政府工作报告, not 2025 2025年广东省…).
fn report_name(year: Option<u32>, title: &str) -> String {
    match year {
        Some(year) if !title.contains(&year.to_string()) => format!("{year} {title}"),
        _ => title.to_owned(),
    }
}

/// The initiative at the top of the open chapter's list, lit in the contents.
fn initiative_in_view(
    cx: &ViewerContext<'_>,
    lists: &crate::viewer::ui::rows::ListHeights,
) -> Option<(usize, usize)> {
    let View::Chapter(c) = cx.view() else {
        return None;
    };
    match lists.reading((View::Chapter(c), false))? {
        RowKey::Item(i) => Some((c, i)),
        _ => None,
    }
}

/// The chapters and the initiatives of the expanded ones, as a list laid out only where it
/// is seen: a report of ten thousand chapters costs what one of ten does.
fn contents_ui(
    ui: &mut egui::Ui,
    cx: &ViewerContext<'_>,
    memory: &mut crate::viewer::ui::Memory,
    commands: &mut Vec<SystemCommand>,
) {
    let chapters = &cx.dataset().report.chapters;
    let mut entries = Vec::with_capacity(chapters.len());
    for (c, chapter) in chapters.iter().enumerate() {
        entries.push(Entry::Chapter(c));
        if cx.session.contents_expanded(c) {
            entries.extend((0..chapter.initiatives.len()).map(|i| Entry::Initiative(c, i)));
        }
    }
    let heights = Heights::of(ui);
    let lit = initiative_in_view(cx, &memory.lists);
    let current = cx.view();
    let target = lit.map_or(Entry::Chapter(usize::MAX), |(c, i)| Entry::Initiative(c, i));
    let mut scroll = memory.contents;
    let area = scrolled_to(ui, &entries, heights, (current, target), &mut scroll);
    let output = area.show_viewport(ui, |ui, viewport| {
        let origin = ui.min_rect().min;
        let width = ui.available_width();
        let mut top = 0.0;
        for &entry in &entries {
            let height = heights.of_entry(entry);
            if top + height >= viewport.min.y && top <= viewport.max.y {
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(0.0, top),
                    egui::vec2(width, height),
                );
                let mut row = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .id_salt(entry_id(entry)),
                );
                match entry {
                    Entry::Chapter(c) => {
                        let expanded = cx.session.contents_expanded(c);
                        chapter_entry_ui(&mut row, cx, c, expanded, commands);
                    }
                    Entry::Initiative(c, i) => {
                        initiative_entry_ui(&mut row, cx, (c, i), lit == Some((c, i)), commands);
                    }
                }
            }
            top += height + heights.gap;
        }
        ui.allocate_rect(
            egui::Rect::from_min_size(origin, egui::vec2(width, top)),
            Sense::hover(),
        );
    });
    scroll.offset = output.state.clamped_offset().y;
    memory.contents = scroll;
}

fn entry_id(entry: Entry) -> (&'static str, usize, usize) {
    match entry {
        Entry::Chapter(c) => ("contents-chapter", c, 0),
        Entry::Initiative(c, i) => ("contents-initiative", c, i),
    }
}

/// The contents' scroll area, moved to bring a newly opened chapter, or the initiative newly
/// in view, into sight when it is not.
fn scrolled_to(
    ui: &mut egui::Ui,
    entries: &[Entry],
    heights: Heights,
    (current, target): (View, Entry),
    scroll: &mut ContentsScroll,
) -> egui::ScrollArea {
    let (last_view, last_target) = scroll.shown.unwrap_or((View::Overview, target));
    let offset = scroll.offset;
    let visible = ui.available_height();
    let mut area = egui::ScrollArea::vertical()
        .id_salt("navigation-chapters")
        .auto_shrink(false);
    let wanted = match current {
        View::Chapter(c) if current != last_view => Some(Entry::Chapter(c)),
        _ if target != last_target => Some(target),
        _ => None,
    };
    if let Some(wanted) = wanted {
        let mut top = 0.0;
        for &entry in entries {
            let height = heights.of_entry(entry);
            if entry == wanted {
                if top < offset || top + height > offset + visible {
                    area = area.vertical_scroll_offset((top - (visible - height) / 2.0).max(0.0));
                }
                break;
            }
            top += height + heights.gap;
        }
    }
    scroll.shown = Some((current, target));
    area
}

/// A chapter: a button to expand or collapse it, then its number, name and short headline.
fn chapter_entry_ui(
    ui: &mut egui::Ui,
    cx: &ViewerContext<'_>,
    c: usize,
    expanded: bool,
    commands: &mut Vec<SystemCommand>,
) {
    let chapter = &cx.dataset().report.chapters[c];
    let selected = cx.view() == View::Chapter(c);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        let hint = if expanded {
            tr(ui, "收起举措")
        } else {
            tr(ui, "展开举措")
        };
        // A triangle drawn rather than typed: the bundled font has no small triangles.
        let sense = if chapter.initiatives.is_empty() {
            Sense::hover()
        } else {
            Sense::click()
        };
        let (_, toggle) = ui.allocate_exact_size(egui::vec2(12.0, 30.0), sense);
        paint_toggle(ui, &toggle, expanded);
        // Named in the interface's language, as the chapter is shown.
        let name = crate::viewer::ui::localized(ui, &chapter.name, chapter.name_en.as_ref());
        let label =
            crate::viewer::i18n::fill(tr(ui, "{}：{} {}"), &[&hint, &chapter.number, &name]);
        toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if toggle.on_hover_text(hint).clicked() {
            commands.push(SystemCommand::ToggleContents(c));
        }
        if chapter_card_ui(ui, chapter, c, selected).clicked() {
            commands.push(SystemCommand::Show(View::Chapter(c)));
        }
    });
}

/// A small triangle, pointing down when the chapter is expanded, right when it is not, level
/// with the chapter's name.
fn paint_toggle(ui: &egui::Ui, toggle: &egui::Response, expanded: bool) {
    let color = ui.style().interact(toggle).fg_stroke.color;
    let center = egui::pos2(toggle.rect.center().x, toggle.rect.top() + 15.0);
    let r = 4.5;
    let points = if expanded {
        vec![
            center + egui::vec2(-r, -0.6 * r),
            center + egui::vec2(r, -0.6 * r),
            center + egui::vec2(0.0, 0.8 * r),
        ]
    } else {
        vec![
            center + egui::vec2(-0.6 * r, -r),
            center + egui::vec2(-0.6 * r, r),
            center + egui::vec2(0.8 * r, 0.0),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

/// The chapter's card: one click target with its number, name and short headline.
fn chapter_card_ui(
    ui: &mut egui::Ui,
    chapter: &crate::report::model::Chapter,
    c: usize,
    selected: bool,
) -> egui::Response {
    let shortcut = UiCommand::chapter_key_text(ui.ctx(), c).unwrap_or_default();
    let response = ui
        .scope_builder(egui::UiBuilder::new().sense(Sense::click()), |ui| {
            // The whole card is one click target; text in it must not take the click.
            ui.style_mut().interaction.selectable_labels = false;
            let fill = if selected {
                ui.visuals().selection.bg_fill
            } else {
                egui::Color32::TRANSPARENT
            };
            egui::Frame::new()
                .fill(fill)
                .corner_radius(4.0)
                .inner_margin(egui::Margin::symmetric(6, 4))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.vertical(|ui| chapter_lines_ui(ui, chapter));
                })
        })
        .response;
    let response = response.on_hover_text(format!("{}\n{shortcut}", chapter.headline));
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    let name = crate::viewer::ui::localized(ui, &chapter.name, chapter.name_en.as_ref());
    let accessible = format!("{} {name}", chapter.number);
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, &accessible)
    });
    response
}

/// A chapter's number and name over its short headline, each cut to one line.
fn chapter_lines_ui(ui: &mut egui::Ui, chapter: &crate::report::model::Chapter) {
    let palette = theme::Palette::of(ui);
    let name = crate::viewer::ui::localized(ui, &chapter.name, chapter.name_en.as_ref());
    ui.add(
        egui::Label::new(
            RichText::new(format!("{}  {name}", chapter.number))
                .font(theme::bold(16.0))
                .strong(),
        )
        .truncate(),
    );
    let headline =
        crate::viewer::ui::localized(ui, &chapter.headline, chapter.headline_en.as_ref());
    ui.add(
        egui::Label::new(
            RichText::new(short_headline(headline))
                .small()
                .color(palette.muted),
        )
        .truncate(),
    );
}

/// A title as the contents show it: when it begins as a sibling's does (在学习贯彻新思想… four
/// times over), what differs, after an ellipsis, so that one line tells the entries apart.
fn what_differs<'a>(
    title: &'a str,
    siblings: impl Iterator<Item = &'a str>,
) -> std::borrow::Cow<'a, str> {
    /// A shared start shorter than this is read at a glance.
    const SHARED: usize = 8;
    let shared = siblings
        .filter(|other| *other != title)
        .map(|other| {
            title
                .chars()
                .zip(other.chars())
                .take_while(|(a, b)| a == b)
                .count()
        })
        .max()
        .unwrap_or(0);
    if shared < SHARED {
        return title.into();
    }
    // Only what differs: a few characters of the shared start would cut its last word in two
    // (…想中 of 思想), and Chinese has no spaces to cut at.
    let rest: String = title.chars().skip(shared).collect();
    if rest.is_empty() {
        return title.into();
    }
    format!("…{rest}").into()
}

/// An initiative of an expanded chapter, numbered within it; lit while it is at the top of
/// the chapter on screen; a click shows it.
fn initiative_entry_ui(
    ui: &mut egui::Ui,
    cx: &ViewerContext<'_>,
    (c, i): (usize, usize),
    lit: bool,
    commands: &mut Vec<SystemCommand>,
) {
    let chapter = &cx.dataset().report.chapters[c];
    let initiative = &chapter.initiatives[i];
    let title = crate::viewer::ui::localized(ui, &initiative.title, initiative.title_en.as_ref());
    // Its neighbours: titles alike stand together, and a long chapter is not read whole.
    let siblings = [i.wrapping_sub(1), i + 1]
        .into_iter()
        .filter_map(|k| chapter.initiatives.get(k))
        .map(|other| crate::viewer::ui::localized(ui, &other.title, other.title_en.as_ref()));
    let text = format!(
        "{}.{} {}",
        chapter.number,
        i + 1,
        what_differs(title, siblings)
    );
    ui.horizontal(|ui| {
        ui.add_space(18.0);
        let response = ui
            .add(egui::Button::selectable(lit, RichText::new(&text)).truncate())
            .on_hover_text(&initiative.title);
        if response.clicked() {
            commands.push(SystemCommand::OpenInitiative(
                crate::document::dataset::InitiativeRef {
                    chapter: c,
                    initiative: i,
                },
            ));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_s_year_is_said_once() {
        assert_eq!(
            report_name(Some(2025), "2025年广东省政府工作报告"),
            "2025年广东省政府工作报告"
        );
        assert_eq!(report_name(Some(2024), "政府工作报告"), "2024 政府工作报告");
        // A title naming another year (the one it reviews) keeps the report's own.
        assert_eq!(
            report_name(Some(2024), "关于2023年工作的报告"),
            "2024 关于2023年工作的报告"
        );
        assert_eq!(report_name(None, "工作回眸"), "工作回眸");
    }

    #[test]
    fn titles_that_begin_alike_show_what_differs() {
        let titles = [
            "在学习贯彻新思想新战略中坚定政治方向",
            "在学习贯彻新思想新战略中深化改革",
            "凝聚科技工作者",
        ];
        let shown: Vec<String> = titles
            .iter()
            .map(|t| what_differs(t, titles.iter().copied()).into_owned())
            .collect();
        assert_eq!(shown[0], "…坚定政治方向");
        assert_eq!(shown[1], "…深化改革");
        assert_eq!(shown[2], "凝聚科技工作者");
    }
}
