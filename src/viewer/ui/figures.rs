//! 数据一览: every figure of the report in one table, sortable by any column, filtered by the
//! search box; a row opens its sentence with the figure lit, and the rows export as CSV.

use egui::{RichText, Sense};
use egui_extras::{Column as Width, TableBuilder};

use crate::document::dataset::{Dataset, FigureRef};
use crate::document::figure_table::{Column, Sort};
use crate::viewer::commands::{Export, SystemCommand};
use crate::viewer::context::ViewerContext;
use crate::viewer::i18n::{fill, tr};
use crate::viewer::ui::theme::{self, Palette};

/// Height of a row of the table, in points.
const ROW_HEIGHT: f32 = 26.0;

/// The table of figures, filling the central panel.
pub fn figures_ui(ui: &mut egui::Ui, cx: &ViewerContext<'_>) {
    let dataset = cx.dataset();
    let total = dataset.figures().count();
    let sort = cx.settings.figure_sort;
    let rows = cx.session.figure_rows();
    let mut commands = Vec::new();
    header_ui(ui, (rows.len(), total), &mut commands);
    let palette = Palette::of(ui);
    let mut clicked_sort = None;
    let english = crate::viewer::i18n::lang(ui.ctx()) == crate::viewer::i18n::Lang::En;
    let (label_width, value_width) = first_widths(ui.available_width(), english);
    // The keyboard moves between rows, one stop each: the row it goes to, brought into view.
    let page = ((ui.available_height() / ROW_HEIGHT) as usize)
        .saturating_sub(3)
        .max(1);
    let moved = row_keys(ui.ctx(), rows, page, &mut commands)
        .or_else(|| from_search_box(ui.ctx(), rows, &mut commands))
        .or_else(|| back_to_row(ui.ctx(), rows.len()));
    let ctx = ui.ctx().clone();
    // A window narrower than the columns scrolls sideways rather than cut them (640×480, a
    // larger zoom, English values in words).
    egui::ScrollArea::horizontal()
        .id_salt("figures-sideways")
        .auto_shrink(false)
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui);
            if let Some(row) = moved {
                table = table.scroll_to_row(row, None);
            }
            with_columns(table, english, (label_width, value_width))
                .header(ROW_HEIGHT, |mut header| {
                    for column in Column::ALL {
                        header.col(|ui| {
                            if sort_button(ui, column, sort) {
                                clicked_sort = Some(column);
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                        let index = row.index();
                        let place = rows[index];
                        row.set_selected(ctx.memory(|m| m.has_focus(row_id(index))));
                        cells_ui(&mut row, dataset, (index, place), &palette);
                        let response = row.response();
                        let response = response.on_hover_ui(|ui| {
                            crate::viewer::ui::initiatives::figure_tooltip_ui(
                                ui,
                                dataset,
                                place,
                                cx.session.shelf(),
                            );
                        });
                        let mut menu = None;
                        let focused = ctx.memory(|m| m.has_focus(row_id(index)));
                        if focused {
                            crate::viewer::ui::ring_around(&ctx, row_id(index), response.rect);
                        }
                        let series = cx
                            .session
                            .shelf()
                            .and_then(|on| on.series_of(place))
                            .map(|(s, _)| s);
                        crate::viewer::ui::initiatives::figure_menu_focused(
                            &response,
                            (focused, series, row_id(index)),
                            place,
                            &mut menu,
                        );
                        commands.extend(menu);
                        if response.clicked() {
                            commands.push(SystemCommand::RevealFigure(place));
                        }
                    });
                });
        });
    if let Some(column) = clicked_sort {
        commands.push(SystemCommand::SortFigures(sort.clicked(column)));
    }
    for command in commands {
        cx.send(command);
    }
}

/// The table's columns, in the order of [`Column::ALL`]: the name and value first, given the
/// room they need (English says values in words), the initiative's title last, cut first.
fn with_columns(
    table: TableBuilder<'_>,
    english: bool,
    (label_width, value_width): (f32, f32),
) -> TableBuilder<'_> {
    table
        .id_salt(("figures-table", english))
        .striped(true)
        // Cells take clicks but not the keyboard: a row is one stop (`row_focus`).
        .sense(Sense::CLICK)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(
            Width::initial(label_width)
                .at_least(80.0)
                .clip(true)
                .resizable(true),
        )
        // English says values in words ("more than 18 million yuan").
        .column(
            Width::initial(value_width)
                .at_least(60.0)
                .clip(true)
                .resizable(true),
        )
        .column(Width::initial(130.0).at_least(60.0).resizable(true))
        .column(Width::initial(80.0).at_least(40.0).resizable(true))
        .column(Width::initial(56.0).at_least(40.0).resizable(true))
        // English says periods in words ("since the 8th Congress", "during the epidemic").
        .column(
            Width::initial(if english { 170.0 } else { 90.0 })
                .at_least(40.0)
                .clip(true)
                .resizable(true),
        )
        .column(
            Width::initial(110.0)
                .at_least(40.0)
                .clip(true)
                .resizable(true),
        )
        .column(Width::remainder().at_least(120.0).clip(true))
}

/// The heading, how many rows the search leaves, and the CSV export of them.
fn header_ui(ui: &mut egui::Ui, (shown, total): (usize, usize), commands: &mut Vec<SystemCommand>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr(ui, "数据一览")).font(theme::bold(24.0)));
        let count = if shown == total {
            fill(tr(ui, "共 {} 个数据"), &[&total])
        } else {
            fill(tr(ui, "{} / {} 个数据符合搜索"), &[&shown, &total])
        };
        ui.label(RichText::new(count).color(Palette::of(ui).muted));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(tr(ui, "导出 CSV…"))
                .on_hover_text(tr(ui, "导出表中列出的数据（按搜索筛选、按当前顺序）"))
                .clicked()
            {
                commands.push(SystemCommand::ExportDialog(Export::FiguresCsv));
            }
        });
    });
    ui.label(
        RichText::new(tr(
            ui,
            "点按列名排序，再点一次倒序；点按一行打开它所在的句子。搜索框筛选此表。",
        ))
        .small()
        .color(Palette::of(ui).muted),
    );
    ui.add_space(6.0);
}

/// A column's header: its name, with ▲ or ▼ when the table is sorted by it; true when clicked.
fn sort_button(ui: &mut egui::Ui, column: Column, sort: Sort) -> bool {
    let name = column_name(ui, column);
    let text = match (sort.column == column, sort.descending) {
        (true, false) => format!("{name} ▲"),
        (true, true) => format!("{name} ▼"),
        (false, _) => name.to_owned(),
    };
    ui.add(egui::Button::new(RichText::new(text).strong()).frame(false))
        .on_hover_text(tr(ui, "按此列排序"))
        .clicked()
}

/// A column's name, in the interface's language.
fn column_name(ui: &egui::Ui, column: Column) -> &'static str {
    match column {
        Column::Label => tr(ui, "数据"),
        Column::Value => tr(ui, "数值"),
        Column::BaseValue => tr(ui, "基数"),
        Column::Qualifier => tr(ui, "约数"),
        Column::Status => tr(ui, "性质"),
        Column::Period => tr(ui, "时间"),
        Column::Chapter => tr(ui, "所在章"),
        Column::Initiative => tr(ui, "所在举措"),
    }
}

/// The first widths of the name and value columns: a wide window gives them its room first
/// (English says values in words), so the initiative's title, last, is cut sooner than they are.
fn first_widths(room: f32, english: bool) -> (f32, f32) {
    let value = if english { 210.0 } else { 130.0 };
    ((room * 0.22).max(220.0), (room * 0.15).max(value))
}

/// The id of row `index`'s stop for the keyboard.
fn row_id(index: usize) -> egui::Id {
    egui::Id::unique("figures-row").with(index)
}

/// The keys of the focused row, as the command table binds them in a list and while reading:
/// Page Up/Down (Space) a page, Home/End the ends, Enter opens the row's sentence (↑/↓, a row,
/// are egui's arrow-key focus moves).
/// Returns the row the keyboard moved to.
fn row_keys(
    ctx: &egui::Context,
    rows: &[FigureRef],
    page: usize,
    commands: &mut Vec<SystemCommand>,
) -> Option<usize> {
    use crate::viewer::commands::{KeyContext, UiCommand};
    // The row whose stop had the keyboard when last drawn, if it still has it: found without
    // going through every row of a large table each frame.
    let index: usize = ctx.data(|d| d.get_temp(focused_row_id()))?;
    if index >= rows.len() || !ctx.memory(|m| m.has_focus(row_id(index))) {
        return None;
    }
    let last = rows.len().saturating_sub(1);
    // ↑/↓ are egui's own: it moves the keyboard to the row above or below.
    let moves: [(UiCommand, KeyContext, RowStep); 4] = [
        (UiCommand::PageUp, KeyContext::Reading, |k, page, _| {
            k.saturating_sub(page)
        }),
        (UiCommand::PageDown, KeyContext::Reading, |k, page, last| {
            (k + page).min(last)
        }),
        (UiCommand::ScrollToStart, KeyContext::Reading, |_, _, _| 0),
        (UiCommand::ScrollToEnd, KeyContext::Reading, |_, _, last| {
            last
        }),
    ];
    let mut to = index;
    ctx.input_mut(|input| {
        for (command, context, step) in moves {
            for _ in 0..command.consume_in(input, context) {
                to = step(to, page, last);
            }
        }
        if UiCommand::Choose.consume_in(input, KeyContext::List) > 0 {
            commands.push(SystemCommand::RevealFigure(rows[index]));
        }
    });
    // The row is given the keyboard when it is drawn: one scrolled to is not laid out yet.
    (to != index).then(|| {
        ctx.data_mut(|d| d.insert_temp(pending_id(), to));
        to
    })
}

/// ↓ or Enter in the search box, which filters this table: the keyboard goes to the first row
/// (drawn in this pass, after the box), or Enter opens the one row left.
pub fn search_box_key(ctx: &egui::Context, enter: bool) {
    ctx.data_mut(|d| d.insert_temp(from_box_id(), enter));
}

fn from_box_id() -> egui::Id {
    egui::Id::unique("figures-from-search-box")
}

/// The row the search box's key moves the keyboard to, if any (see `search_box_key`).
fn from_search_box(
    ctx: &egui::Context,
    rows: &[FigureRef],
    commands: &mut Vec<SystemCommand>,
) -> Option<usize> {
    let enter: bool = ctx.data_mut(|d| d.remove_temp(from_box_id()))?;
    match rows {
        [] => None,
        [only] if enter => {
            commands.push(SystemCommand::RevealFigure(*only));
            None
        }
        _ => {
            ctx.data_mut(|d| d.insert_temp(pending_id(), 0usize));
            Some(0)
        }
    }
}

/// Where a key takes the keyboard from row `k`, a page being `page` rows, the last `last`.
type RowStep = fn(usize, usize, usize) -> usize;

/// Where the row whose stop has the keyboard is noted when it is drawn.
/// Back in the table (Alt+← after a row opened its sentence), the keyboard goes to the row
/// it was on, chosen again, when nothing else has it; the row, to bring into view.
fn back_to_row(ctx: &egui::Context, rows: usize) -> Option<usize> {
    let pass = ctx.cumulative_pass_nr();
    let shown_id = egui::Id::unique("figures-shown-pass");
    let shown_before = ctx.data(|d| d.get_temp::<u64>(shown_id)) == Some(pass.saturating_sub(1));
    ctx.data_mut(|d| d.insert_temp(shown_id, pass));
    if shown_before || ctx.memory(|m| m.focused().is_some()) {
        return None;
    }
    let index: usize = ctx
        .data(|d| d.get_temp(focused_row_id()))
        .filter(|&index| index < rows)?;
    ctx.memory_mut(|m| m.request_focus(row_id(index)));
    Some(index)
}

fn focused_row_id() -> egui::Id {
    egui::Id::unique("figures-row-focused")
}

/// Where the row the keyboard moves to waits to be drawn.
fn pending_id() -> egui::Id {
    egui::Id::unique("figures-row-pending")
}

/// One figure's cells, in the order of [`Column::ALL`]; the first holds the row's stop for
/// the keyboard.
fn cells_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    dataset: &Dataset,
    (index, place): (usize, FigureRef),
    palette: &Palette,
) {
    let figure = dataset.figure(place);
    let quantity = dataset.quantity(place);
    let chapter = dataset.chapter_at(place);
    row.col(|ui| {
        let label = crate::viewer::ui::localized(ui, &figure.label, figure.label_en.as_ref());
        // The row's one stop for the keyboard, named by its figure for screen readers.
        let name = format!("{label}{}{}", tr(ui, "："), figure.written());
        let stop = ui.interact(
            ui.max_rect(),
            row_id(index),
            Sense::focusable_noninteractive(),
        );
        stop.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Row, true, &name));
        if ui.ctx().data(|d| d.get_temp(pending_id())) == Some(index) {
            ui.ctx().data_mut(|d| d.remove::<usize>(pending_id()));
            stop.request_focus();
        }
        if stop.has_focus() {
            ui.ctx()
                .data_mut(|d| d.insert_temp(focused_row_id(), index));
        }
        if figure.label_guessed {
            // The mark stays in sight however narrow the column: the name is cut first.
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(crate::viewer::ui::draft::guessed_mark(ui))
                        .on_hover_text(tr(ui, "名称是导入时从上下文猜的，请在数据集中确认"));
                    ui.add(egui::Label::new(label).truncate().selectable(false));
                });
            });
        } else {
            ui.add(egui::Label::new(label).truncate().selectable(false));
        }
    });
    row.col(|ui| {
        let value = crate::viewer::ui::figure_value(ui, figure, quantity);
        ui.add(
            egui::Label::new(RichText::new(value).strong().color(palette.accent))
                .truncate()
                .selectable(false),
        );
    });
    row.col(|ui| {
        let base = if crate::viewer::i18n::lang(ui.ctx()) == crate::viewer::i18n::Lang::En {
            quantity.english_base_of(&figure.label)
        } else {
            quantity.base_written()
        };
        ui.add(egui::Label::new(base).selectable(false));
    });
    row.col(|ui| {
        ui.add(egui::Label::new(qualifier_words(ui, quantity)).selectable(false));
    });
    row.col(|ui| crate::viewer::ui::theme::status_ui(ui, figure.status, palette));
    row.col(|ui| {
        ui.add(
            egui::Label::new(
                crate::report::chart_text::figure_period(
                    crate::viewer::i18n::lang(ui.ctx()),
                    figure,
                )
                .unwrap_or_default(),
            )
            .truncate()
            .selectable(false),
        );
    });
    row.col(|ui| {
        let name = crate::viewer::ui::localized(ui, &chapter.name, chapter.name_en.as_ref());
        ui.add(
            egui::Label::new(format!("{} {name}", chapter.number))
                .truncate()
                .selectable(false),
        );
    });
    row.col(|ui| {
        let initiative = dataset.initiative_at(place);
        let title =
            crate::viewer::ui::localized(ui, &initiative.title, initiative.title_en.as_ref());
        ui.add(egui::Label::new(title).truncate().selectable(false));
    });
}

/// The figure's qualifier in words: 超过, 约 … as written (more than, about … in English).
fn qualifier_words(ui: &egui::Ui, quantity: &crate::report::quantity::Quantity) -> String {
    let english = crate::viewer::i18n::lang(ui.ctx()) == crate::viewer::i18n::Lang::En;
    if english {
        return quantity.qualifier_english();
    }
    let (before, after) = &quantity.words;
    [before.as_str(), after.as_str()]
        .into_iter()
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("…")
}
