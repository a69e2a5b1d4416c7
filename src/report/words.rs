//! The interface's words in both languages, free of any GUI: the viewer (`i18n::tr`), the PDF
//! and the charts' captions (`chart_text`) look up the same table.
//!
//! Interface strings are written in Chinese in the code, the language the product is built
//! for, and looked up here for English. Templates use `{}` for what is filled in (`fill`).
//! `tests/it/i18n.rs` checks that every string the interface passes to `tr` has an English
//! entry, and that no Chinese string reaches the screen without `tr`.

use crate::report::lang::Lang;

/// An interface string in `lang`.
pub fn tr_in(lang: Lang, zh: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        // A string without an entry shows in Chinese; the tests keep that from happening.
        Lang::En => english(zh).unwrap_or(zh),
    }
}

/// Why a file could not be read or written, in `lang`: the system's own words name the
/// common causes in English only ("Permission denied (os error 13)").
pub fn io_reason(lang: Lang, error: &std::io::Error) -> String {
    known_io_reason(lang, error.kind()).unwrap_or_else(|| error.to_string())
}

/// Why a file operation failed, by its kind alone, in the reader's words; a kind without words
/// of its own is said generally, never in the system's English.
pub fn io_kind_reason(lang: Lang, kind: std::io::ErrorKind) -> String {
    known_io_reason(lang, kind).unwrap_or_else(|| {
        match lang {
            Lang::En => "the system refused",
            Lang::Zh => "系统拒绝了这个操作",
        }
        .to_owned()
    })
}

fn known_io_reason(lang: Lang, kind: std::io::ErrorKind) -> Option<String> {
    use std::io::ErrorKind;
    let (en, zh) = match kind {
        ErrorKind::NotFound => ("no such file or folder", "文件或文件夹不存在"),
        ErrorKind::PermissionDenied => ("permission denied", "没有权限"),
        ErrorKind::ReadOnlyFilesystem => ("the file system is read-only", "文件系统是只读的"),
        ErrorKind::StorageFull => ("the disk is full", "磁盘已满"),
        ErrorKind::IsADirectory => ("it is a folder", "这是一个文件夹"),
        ErrorKind::NotADirectory => (
            "a part of the path is not a folder",
            "路径中有一段不是文件夹",
        ),
        ErrorKind::AlreadyExists => ("it exists already", "已经存在"),
        ErrorKind::InvalidFilename => ("the name is not valid here", "文件名在此无效"),
        _ => return None,
    };
    Some(
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
        .to_owned(),
    )
}

/// Fills the `{}` of a template with `values`, in order.
pub fn fill(template: &str, values: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut values = values.iter();
    let mut rest = template;
    // English plurals: `{s}` and `{es}` after a count are left out when the count is 1
    // ("1 initiative", "2 initiatives"; "1 match", "3 matches").
    let mut last = String::new();
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let (marker, ending) = [("{}", ""), ("{s}", "s"), ("{es}", "es")]
            .into_iter()
            .find(|(marker, _)| tail.starts_with(marker))
            .unwrap_or(("{", "{"));
        match marker {
            "{}" => {
                last = values.next().map(ToString::to_string).unwrap_or_default();
                out.push_str(&last);
            }
            "{" => out.push('{'),
            _ if last == "1" => {}
            _ => out.push_str(ending),
        }
        rest = &tail[marker.len()..];
    }
    out.push_str(rest);
    out
}

/// The English of an interface string.
pub fn english(zh: &str) -> Option<&'static str> {
    // Every frame looks up dozens of strings; the table is indexed once.
    static BY_CHINESE: std::sync::OnceLock<rustc_hash::FxHashMap<&str, &str>> =
        std::sync::OnceLock::new();
    BY_CHINESE
        .get_or_init(|| ENGLISH.iter().copied().collect())
        .get(zh)
        .copied()
}

/// A period that is a date, said in English mechanically: 2018年3月 → March 2018, 2018年3月5日 →
/// 5 March 2018, 2012年至2018年 → 2012–2018, 2018年上半年 → first half of 2018. Anything else
/// (八大以来, 疫情期间) is not a date and has no English here: its `period_en` says it.
pub fn english_date(period: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let text: String = period.chars().filter(|c| !c.is_whitespace()).collect();
    let year = |t: &str| -> Option<u32> {
        let digits = t.strip_suffix('年').unwrap_or(t);
        (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    if let Some(y) = year(&text) {
        return Some(y.to_string());
    }
    for separator in ["至", "到", "-", "–", "—", "~"] {
        if let Some((from, to)) = text.split_once(separator)
            && let (Some(from), Some(to)) = (year(from), year(to))
        {
            return Some(format!("{from}–{to}"));
        }
    }
    let (y, rest) = text.split_once('年')?;
    let y = year(y)?;
    match rest {
        "上半年" => return Some(format!("first half of {y}")),
        "下半年" => return Some(format!("second half of {y}")),
        _ => {}
    }
    let (month, rest) = rest.split_once('月')?;
    let month: usize = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let name = MONTHS[month - 1];
    match rest {
        "" | "份" => Some(format!("{name} {y}")),
        day => {
            let day: u32 = day
                .strip_suffix('日')?
                .parse()
                .ok()
                .filter(|d| (1..=31).contains(d))?;
            Some(format!("{day} {name} {y}"))
        }
    }
}

/// Every interface string: Chinese, English.
pub const ENGLISH: &[(&str, &str)] = &[
    // The review of an import.
    ("保存为数据集", "Save as a dataset"),
    (
        "在选中的数据上（图表的一行、数据一览的一行）",
        "On the focused figure (a chart's row, a row of All figures)",
    ),
    ("数据菜单", "Figure menu"),
    (
        "打开选中数据的菜单：复制，或附出处复制",
        "Open the focused figure's menu: copy it, or copy it with its source",
    ),
    (
        "复制选中的数据（附出处）：{}",
        "Copy the selected figure with its source: {}",
    ),
    ("简体中文", "简体中文"),
    ("简体", "简体"),
    ("繁體", "繁體"),
    ("繁體中文", "繁體中文"),
    ("中文（跟随报告）", "Chinese (as the report)"),
    (
        "界面使用简体中文",
        "Show the interface in simplified Chinese",
    ),
    (
        "界面使用繁体中文",
        "Show the interface in traditional Chinese",
    ),
    (
        "界面使用中文，简体或繁体跟随打开的报告",
        "Show the interface in Chinese, simplified or traditional as the open report",
    ),
    (
        "这台电脑没有可用的系统文件对话框，已改用回眸自带的对话框。",
        "This computer has no system file dialog to use; Huimou's own is shown instead.",
    ),
    (
        "没有能打开 PDF 的程序。PDF 已存到 {}，可用任何 PDF 阅读器打开它来打印",
        "No program here opens PDFs. The PDF is saved at {}; open it in any PDF reader to print",
    ),
    (
        "已到最后一个匹配，从第一个重新开始",
        "Passed the last match; starting again from the first",
    ),
    (
        "已到第一个匹配，从最后一个重新开始",
        "Passed the first match; starting again from the last",
    ),
    ("性质", "Status"),
    ("结果", "result"),
    ("目标", "target"),
    ("预计", "estimate"),
    (
        "未审的保存后仍标为待确认",
        "Those not reviewed stay marked as guessed when saved",
    ),
    ("{} 处需要注意", "{} things to note"),
    ("{} 个名称是猜的，待确认", "{} labels guessed, to confirm"),
    (
        "没有要审阅的名称：导入报告后在这里审阅猜的名称",
        "No labels to review: after importing a report, its guessed labels are reviewed here",
    ),
    (
        "没有要保存的改动：导入报告或审阅猜的名称后在这里保存",
        "Nothing to save: import a report or review its guessed labels first",
    ),
    ("保存失败：{}", "Saving failed: {}"),
    ("写入 {}", "Write into {}"),
    (
        "把审阅结果写入 {}，其余内容不变",
        "Writes the verdicts into {}, leaving the rest of it as it is",
    ),
    (
        "保存失败：{} 无法只改审阅过的名称；文件未改动",
        "Saving failed: {} cannot be changed in the reviewed labels alone; the file is as it was",
    ),
    (
        "保存失败：{} 在打开后被改过；请重新打开后再审阅",
        "Saving failed: {} was changed after it was opened; open it again, then review",
    ),
    ("审阅导入的数据时", "While reviewing an import"),
    ("审阅导入", "Review the import"),
    ("书架", "Shelf"),
    (
        "报告没有说这个数是哪一年的（或是几年的合计）：列出，不画在线上",
        "The report does not say which year this is of (or it sums several): listed, not drawn",
    ),
    ("图表：{}", "Chart: {}"),
    ("；", "; "),
    ("历年变化", "Over the years"),
    (
        "松开鼠标以把这些报告一起放上书架\n{}",
        "Drop to put these reports on a shelf together\n{}",
    ),
    (
        "松开鼠标以打开文件夹中的报告\n{}",
        "Drop to open the reports of the folder\n{}",
    ),
    ("历年数据", "Over the years"),
    (
        "同一发布者各年报告中的同一项数据，按数据所指的年份排列；目标和预计照原文标出",
        "The same measure in one publisher's reports of each year, by the year it is of; targets and estimates marked as the text marks them",
    ),
    ("（不一致）", " (differs)"),
    ("{}：{}{}{}（{}）", "{}: {}{}{} ({})"),
    ("搜索书架上的所有报告", "Search every report of the shelf"),
    ("在 {} 份报告中找到 {} 处", "Found in {} reports, {} places"),
    (
        "书架上的报告都没有这些字",
        "No report of the shelf has these words",
    ),
    ("还有 {} 处", "{} more"),
    ("历年：{}", "Over the years: {}"),
    ("单位：{}", "Unit: {}"),
    ("目标或预计", "target or estimate"),
    ("数据项", "Measure"),
    ("打开文件夹…", "Open folder…"),
    (
        "打开的文件夹中的各份报告，以及同一项数据跨年度的变化",
        "The reports of the folder opened, and how each measure they share changed over the years",
    ),
    (
        "把一个文件夹中的报告（数据集和要导入的报告）一起打开，按发布者和年份排列，并找出跨年度的同一项数据",
        "Open every report of a folder (datasets, and reports to import) together, listed by publisher and year, with the measures they share across years",
    ),
    ("打开文件夹中的报告", "Open the reports of a folder"),
    (
        "报告（数据集、文本、Word 文档、网页、PDF）",
        "Reports (datasets, text, Word documents, web pages, PDF)",
    ),
    ("打开这个文件夹", "Open this folder"),
    (
        "有 {} 个文件未能读入，见书架",
        "{} files could not be read; see the shelf",
    ),
    (
        "没有打开书架：用“文件 → 打开文件夹…”一起打开一个文件夹中的报告",
        "No shelf is open: File → Open folder… opens every report of a folder together",
    ),
    ("报告（{}）", "Reports ({})"),
    ("（猜的）", " (guessed)"),
    ("发布者", "Publisher"),
    ("年份", "Year"),
    ("标题", "Title"),
    ("章 / 数据", "Chapters / figures"),
    ("未能读入的文件（{}）", "Files that could not be read ({})"),
    ("跨年度的数据（{}）", "Measures across years ({})"),
    (
        "这些报告没有共同的数据：名称相同（或由作者用 series 指明）、发布者相同的数据才连成系列",
        "These reports share no measure: figures join a series when one publisher gives them the same label (or the author names the series)",
    ),
    ("报告数", "Reports"),
    ("查看这项数据逐年的变化", "See this measure year by year"),
    ("（作者指定）", " (set by the author)"),
    ("（含猜的名称）", " (with guessed labels)"),
    ("← 书架", "← Shelf"),
    (
        "每个点在数据所指的年份，不在报告的年份；目标和预计单独标出，不与实际连线",
        "Each point stands at the year the figure is of, not the report's year; targets and estimates are marked apart, never joined to the results",
    ),
    (
        "其中有导入时猜的名称：只与完全相同的名称合并，请核对",
        "Some labels were guessed on import: they join only on an exact match; check them",
    ),
    (
        "有的年份给出了不同的数值（两份报告，或同一份报告的两处）：都列出，标为“不一致”",
        "Some years are given different values (by two reports, or in two places of one): all are listed, marked “differs”",
    ),
    ("（目标）", "(target)"),
    ("（预计）", "(estimate)"),
    ("报告", "Report"),
    ("不一致", "differs"),
    (
        "这一年还给出了另一个数值",
        "This year is also given another value",
    ),
    ("原句", "Sentence"),
    (
        "书架上的另一份报告（保持在同名的章）",
        "Another report of the shelf (at the chapter of the same name)",
    ),
    ("确认名称", "Accept the label"),
    ("改名", "Relabel"),
    ("不是数据，删去", "Not a figure: drop it"),
    ("撤销这一项的决定", "Take back this decision"),
    (
        "逐个审阅导入时猜的数据名称：确认、改名或删去",
        "Review the labels the import guessed, one by one: accept, relabel or drop",
    ),
    (
        "审阅时：猜的名称对，确认并转到下一项",
        "Reviewing: the guessed label is right; accept it and go on",
    ),
    (
        "审阅时：给选中的数据改名",
        "Reviewing: give the chosen figure another label",
    ),
    (
        "审阅时：这个数字不是数据，删去（数字留在正文中）",
        "Reviewing: this number is no figure; drop it (the number stays in the text)",
    ),
    (
        "审阅时：撤销对选中数据的决定",
        "Reviewing: take back the decision on the chosen figure",
    ),
    (
        "把导入的报告连同审阅的结果存为数据集",
        "Save the imported report, with what the review decided, as a dataset",
    ),
    (
        "这次导入没有猜测的数据名称。",
        "This import guessed no labels.",
    ),
    ("审阅导入的数据", "Review the imported figures"),
    (
        "{} 个猜的名称：已确认 {} · 已改名 {} · 已删去 {} · 待审 {}",
        "{} guessed labels: {} accepted · {} relabelled · {} dropped · {} to review",
    ),
    ("待审", "to review"),
    ("已确认", "accepted"),
    ("已改名", "relabelled"),
    ("已删去", "dropped"),
    ("新名称", "New label"),
    // The command table's keys in one place, and the hints read from it.
    ("在搜索框中", "In the search box"),
    (
        "在命令面板或文件对话框中",
        "In the command palette or the file dialog",
    ),
    (
        "阅读时（光标不在文本框中）",
        "While reading (no text box has the cursor)",
    ),
    ("演示时", "While presenting"),
    ("按编号打开章", "Open a chapter by its number"),
    ("选择下一项", "Choose the next item"),
    ("选择上一项", "Choose the previous item"),
    ("打开选中的项", "Open the chosen item"),
    ("下一页", "Next slide"),
    ("上一页", "Previous slide"),
    ("第一页", "First slide"),
    ("最后一页", "Last slide"),
    ("向下滚动一行", "Scroll down a line"),
    ("向上滚动一行", "Scroll up a line"),
    ("向下翻一屏", "Page down"),
    ("向上翻一屏", "Page up"),
    ("滚动到开头", "Scroll to the start"),
    ("滚动到末尾", "Scroll to the end"),
    ("下一个控件", "Next control"),
    ("上一个控件", "Previous control"),
    (
        "Alt 加章的编号打开该章（前九章）",
        "Alt and a chapter's number opens it (the first nine)",
    ),
    (
        "点亮搜索的下一个匹配并滚动到它；在全文结果中打开选中的结果",
        "Light the search's next match and scroll to it; in the whole report's results, open the chosen one",
    ),
    ("点亮搜索的上一个匹配", "Light the search's previous match"),
    (
        "在搜索结果、命令面板或文件列表中选择下一项",
        "Choose the next item in the search results, the command palette or the file list",
    ),
    (
        "在搜索结果、命令面板或文件列表中选择上一项",
        "Choose the previous item in the search results, the command palette or the file list",
    ),
    (
        "打开命令面板或文件对话框中选中的项",
        "Open the item chosen in the command palette or the file dialog",
    ),
    ("清空搜索框", "Empty the search box"),
    (
        "关闭最上层的窗口；没有窗口时清空搜索",
        "Close the topmost window; with none open, clear the search",
    ),
    (
        "演示：全屏，一页一页地放映；再按一次退出",
        "Present: full screen, slide by slide; press again to stop",
    ),
    ("演示时翻到下一页", "Go to the next slide while presenting"),
    (
        "演示时翻到上一页",
        "Go to the previous slide while presenting",
    ),
    (
        "演示时回到第一页",
        "Go back to the first slide while presenting",
    ),
    (
        "演示时翻到最后一页",
        "Go to the last slide while presenting",
    ),
    (
        "在章、总览和搜索结果中向下滚动一行",
        "Scroll a chapter, the overview or the search results down a line",
    ),
    (
        "在章、总览和搜索结果中向上滚动一行",
        "Scroll a chapter, the overview or the search results up a line",
    ),
    (
        "在章、总览和搜索结果中向下翻一屏",
        "Scroll a chapter, the overview or the search results down a screen",
    ),
    (
        "在章、总览和搜索结果中向上翻一屏",
        "Scroll a chapter, the overview or the search results up a screen",
    ),
    (
        "滚动到章、总览或搜索结果的开头",
        "Scroll to the start of a chapter, the overview or the search results",
    ),
    (
        "滚动到章、总览或搜索结果的末尾",
        "Scroll to the end of a chapter, the overview or the search results",
    ),
    (
        "把键盘焦点移到下一个控件",
        "Move the keyboard focus to the next control",
    ),
    (
        "把键盘焦点移到上一个控件",
        "Move the keyboard focus to the previous control",
    ),
    (
        "搜索时不显示图表；清空搜索（{}）即可看到。",
        "Charts are hidden while searching; clear the search ({}) to see them.",
    ),
    (
        "{}/{} 翻页 · {} 退出演示",
        "{}/{} move · {} stops presenting",
    ),
    ("关闭搜索结果（{}）", "Close the search results ({})"),
    ("{} 下一个，{} 上一个", "{} next, {} previous"),
    (
        "{} 打开选中的结果，{} 选择，{} 清空",
        "{} opens the chosen result, {} chooses, {} clears",
    ),
    // Menus and the top bar.
    ("文件", "File"),
    ("打开…", "Open…"),
    ("最近打开", "Open recent"),
    ("（无）", "(none)"),
    ("打开内置报告", "Open the built-in report"),
    ("退出", "Quit"),
    ("视图", "View"),
    ("总览", "Overview"),
    ("上一章", "Previous chapter"),
    ("下一章", "Next chapter"),
    ("放大", "Zoom in"),
    ("缩小", "Zoom out"),
    ("重置缩放", "Reset zoom"),
    ("语言", "Language"),
    // A language is named in itself, whatever the interface's language.
    ("中文", "中文"),
    ("帮助", "Help"),
    ("键盘快捷键", "Keyboard shortcuts"),
    ("关于回眸", "About Huimou"),
    ("搜索", "Search"),
    (
        "在本章中搜索（{} 搜索全文）",
        "Search this chapter ({} searches the whole report)",
    ),
    ("搜索全文", "Search the report"),
    ("本章", "Chapter"),
    ("全文", "Report"),
    ("跟随系统", "System"),
    ("深色", "Dark"),
    ("浅色", "Light"),
    ("Huimou 数据集 (RON)", "Huimou dataset (RON)"),
    // The status bar.
    ("内置报告", "Built-in report"),
    (
        "{} 章 · {} 项举措 · {} 个数据",
        "{} chapter{s} · {} initiative{s} · {} figure{s}",
    ),
    ("{} 条提示", "Warnings: {}"),
    (
        "数据集可以打开，但有作者可能想知道的问题",
        "The dataset opens, but has problems its author may want to know about",
    ),
    // The table of figures.
    ("数据一览", "All figures"),
    ("目录", "Contents"),
    ("筛选表中的数据", "Filter the figures"),
    (
        "所有数据列成一张表：可排序，按搜索筛选，可导出 CSV",
        "Every figure in one table: sortable, filtered by the search, exported as CSV",
    ),
    ("共 {} 个数据", "{} figure{s}"),
    (
        "{} / {} 个数据符合搜索",
        "{} of {} figures match the search",
    ),
    (
        "导出表中列出的数据（按搜索筛选、按当前顺序）",
        "Export the figures the table lists (filtered by the search, in its order)",
    ),
    (
        "点按列名排序，再点一次倒序；点按一行打开它所在的句子。搜索框筛选此表。",
        "Click a column's name to sort, again to reverse; click a row to open its sentence. The search box filters this table.",
    ),
    ("按此列排序", "Sort by this column"),
    ("数据", "Figure"),
    ("数值", "Value"),
    ("基数", "Base value"),
    ("约数", "Qualifier"),
    ("时间", "Period"),
    ("所在章", "Chapter"),
    ("所在举措", "Initiative"),
    ("复制（附出处）", "Copy with source"),
    (
        "数值、时间、所计何物和所在的章",
        "The value, its period, what it counts and its chapter",
    ),
    // The overview.
    ("打开第 {} 章（{}）", "Open chapter {} ({})"),
    ("打开第 {} 章", "Open chapter {}"),
    ("第 {} 章 {}", "Chapter {} {}"),
    // A chapter.
    ("主要举措", "Initiatives"),
    ("（{} / {} 项符合「{}」）", "({} of {} match “{}”)"),
    (
        "本章没有符合「{}」的举措。",
        "No initiative of this chapter matches “{}”.",
    ),
    ("← 上一章：{}", "← Previous: {}"),
    ("下一章：{} {} →", "Next: {} {} →"),
    // Charts.
    ("提高", "up"),
    ("降低", "down"),
    ("，{} {}%", ", {} {}%"),
    ("，{} {} 个百分点", ", {} {} percentage points"),
    ("，{} {} 個百分點", ", {} {} percentage points"),
    ("{} 个百分点", "{} percentage points"),
    ("{} 個百分點", "{} percentage points"),
    ("{}（目标）", "{} (target)"),
    ("{}（目標）", "{} (target)"),
    ("{}（预计）", "{} (estimate)"),
    ("{}（預計）", "{} (estimate)"),
    ("，距目标 {}", ", {} short of the target"),
    ("，距目標 {}", ", {} short of the target"),
    ("更多：主题、语言、缩放", "More: theme, language, zoom"),
    ("{} 年", "{}"),
    ("{} / {}（{}%）", "{} / {} ({}%)"),
    ("出自：{}", "From: {}"),
    ("导出 PNG…", "Export PNG…"),
    ("导出 CSV…", "Export CSV…"),
    // Initiatives.
    ("收起全文", "Show less"),
    ("在浏览器中打开 {}", "Open {} in the browser"),
    ("展开全文（共 {} 字）", "Show all ({} character{s})"),
    ("后文还有 {} 处匹配", "{} more match{es} further on"),
    ("数据标签匹配：", "Matching figure labels:"),
    ("即 {}", "That is {}"),
    ("时间：{}", "When: {}"),
    ("复制数据", "Copy figure"),
    ("：", ": "),
    ("已复制：{}", "Copied: {}"),
    ("已导出：{}", "Exported: {}"),
    ("导出失败：{}", "Export failed: {}"),
    ("正在导出…", "Exporting…"),
    ("图表不在屏幕上", "the chart is not on screen"),
    ("导出", "Export"),
    ("本章图片 (PNG)…", "This view as a picture (PNG)…"),
    ("举措列表 (CSV)…", "Initiative list (CSV)…"),
    ("数据一览 (CSV)…", "All figures (CSV)…"),
    ("整份报告 (PDF)…", "Whole report (PDF)…"),
    // Search results.
    (
        "全文搜索「{}」：{} 项举措",
        "Searching the report for “{}”: {} initiative{s}",
    ),
    (
        "没有找到。试试更短的词、拼音或其首字母，或数据的标签（如“{}”“{}”）。",
        "Nothing found. Try a shorter word, pinyin or its initials, or a figure's label (such as {} or {}).",
    ),
    (
        "没有找到。试试更短的词、拼音或其首字母。",
        "Nothing found. Try a shorter word, pinyin or its initials.",
    ),
    ("数据：{}", "Figures: {}"),
    ("、", ", "),
    ("{}：{}；{}：{}", "{}: {}; {}: {}"),
    // Diagnostics.
    ("无法打开数据集", "The dataset could not be opened"),
    (
        "数据集有错误，无法打开；仍显示原来的报告。",
        "The dataset has errors and was not opened; the report on screen stays.",
    ),
    ("保存的数据集有错误", "The saved dataset has errors"),
    (
        "文件刚被保存，但有错误；仍显示上次正确的内容。改正并保存后会自动更新。",
        "The file was just saved with errors; the last good version stays on screen. Fix and save it, and it updates by itself.",
    ),
    ("数据集提示", "Dataset warnings"),
    ("数据集提示…", "Dataset warnings…"),
    (
        "列出数据集作者可能想知道的问题（huimou check 的提示）",
        "List what the dataset's author may want to know (the warnings of huimou check)",
    ),
    (
        "这些问题不妨碍显示报告，但作者可能想知道。",
        "These do not keep the report from showing, but its author may want to know.",
    ),
    ("关闭", "Close"),
    ("错误", "error"),
    ("提示", "warning"),
    ("建议：{}", "Help: {}"),
    // Files.
    (
        "松开鼠标以打开数据集\n{}",
        "Release to open the dataset\n{}",
    ),
    // About.
    ("回眸 Huimou", "Huimou 回眸"),
    ("版本 {}", "Version {}"),
    (
        "工作回顾报告的桌面阅读器，离线可用。",
        "A desktop viewer for work-review reports. Works offline.",
    ),
    ("当前报告", "Report on screen"),
    ("文件：{}", "File: {}"),
    ("来源：{}", "Source: {}"),
    ("日志", "Log"),
    ("复制路径", "Copy path"),
    (
        "没有可写的数据文件夹，日志只写到标准错误输出。",
        "There is no writable data folder; the log goes to standard error only.",
    ),
    ("字体", "Fonts"),
    (
        "思源黑体 Noto Sans CJK SC（常规、粗体，子集），SIL Open Font License 1.1",
        "Noto Sans CJK SC (Regular and Bold, subset), SIL Open Font License 1.1",
    ),
    ("字体许可证全文", "Font licence"),
    // The crash notice.
    ("上次运行意外结束", "Huimou closed unexpectedly last time"),
    (
        "回眸上次运行时遇到内部错误而关闭，没有保存的只有当时的窗口状态。",
        "Huimou stopped on an internal error last time; only the window's state of that moment was lost.",
    ),
    ("错误：{}", "Error: {}"),
    ("完整的错误报告保存在：", "The full report is in:"),
    (
        "如果问题再次出现，请把这个文件交给维护者。",
        "If it happens again, please send this file to the maintainers.",
    ),
    ("知道了", "OK"),
    (
        "崩溃时打开的是下面这个文件；为免再次崩溃，这次先打开内置报告：",
        "This file was open when it crashed; so that it does not crash again, the built-in report is shown instead:",
    ),
    ("重新打开", "Reopen"),
    (
        "另有 {} 项数据未画出（导出 CSV 可得全部）",
        "{} more figure{s} not drawn (Export CSV has them all)",
    ),
    ("忘记这个文件", "Forget this file"),
    // Keyboard shortcuts and the command table (src/viewer/ui/commands.rs).
    ("{}（{}）", "{} ({})"),
    ("原文：{}", "as written: {}"),
    ("在命令面板（{}）中：", "In the command palette ({}):"),
    ("第 {} 章", "Chapter {}"),
    (
        "显示报告的封面和各章卡片",
        "Show the report's cover and a card per chapter",
    ),
    (
        "显示上一章（第一章之前是总览）",
        "Show the previous chapter (the overview before the first)",
    ),
    ("显示下一章", "Show the next chapter"),
    (
        "把光标移到搜索框，在整份报告中搜索",
        "Put the cursor in the search box to search the whole report",
    ),
    (
        "回到回眸自带的报告",
        "Go back to the report built into Huimou",
    ),
    (
        "把屏幕上的总览或章存为图片",
        "Save the overview or chapter on screen as a picture",
    ),
    (
        "把列出的举措（按搜索筛选）存为 CSV",
        "Save the initiatives listed (as the search filters them) as CSV",
    ),
    (
        "把数据一览中列出的数据（按搜索筛选、按所选的列排序）存为 CSV",
        "Save the figures the table lists (as the search filters them, in the order chosen) as CSV",
    ),
    (
        "把整份报告存为可打印的 PDF：封面、目录、每章的图表和举措",
        "Save the whole report as a printable PDF: cover, contents, every chapter's charts and initiatives",
    ),
    ("打印…", "Print…"),
    (
        "生成整份报告的 PDF，在系统的 PDF 阅读器中打开以打印",
        "Make the whole report's PDF and open it in the system's PDF viewer to print",
    ),
    ("PDF 正在生成，请稍候", "A PDF is being made; please wait"),
    (
        "已在系统的 PDF 阅读器中打开，可从那里打印：{}",
        "Opened in the system's PDF viewer, to print from there: {}",
    ),
    ("无法打印：{}", "Cannot print: {}"),
    (
        "已生成 PDF，正在用系统的 PDF 阅读器打开：{}",
        "PDF made; opening it in the system's PDF viewer: {}",
    ),
    ("正在生成 PDF… {}%", "Making the PDF… {}%"),
    ("使用浅色主题", "Use the light theme"),
    ("使用深色主题", "Use the dark theme"),
    (
        "主题跟随系统的浅色或深色",
        "Follow the system's light or dark theme",
    ),
    ("界面使用英文", "Show the interface in English"),
    ("把界面放大一级", "Make everything larger"),
    ("把界面缩小一级", "Make everything smaller"),
    ("恢复 100% 大小", "Back to 100%"),
    ("列出所有命令及其按键", "List every command and its keys"),
    (
        "版本、当前报告、日志和字体",
        "Version, the report on screen, the log and fonts",
    ),
    ("关闭回眸", "Close Huimou"),
    ("清空搜索", "Clear the search"),
    ("后退", "Back"),
    ("前进", "Forward"),
    ("下一个匹配", "Next match"),
    ("上一个匹配", "Previous match"),
    (
        "回到上一次跳转前的位置（视图、搜索和滚动位置）",
        "Go back to where you were before the last jump (view, search and scroll position)",
    ),
    ("后退之后再前进", "Go forward again after going back"),
    (
        "点亮的匹配 / 符合的举措",
        "Lit match / matching initiatives",
    ),
    ("关闭搜索结果", "Close the search results"),
    ("无匹配", "No matches"),
    ("无法导入", "Cannot import"),
    (
        "宣传册不合导入的格式；仍显示原来的报告。格式见 data/README.md。",
        "The brochure does not have the shape the importer reads; the report on screen stays. The shape is described in data/README.md.",
    ),
    ("收起举措", "Hide initiatives"),
    ("展开举措", "Show initiatives"),
    ("{}：{} {}", "{}: {} {}"),
    ("导入…", "Import…"),
    (
        "把报告或宣传册（文本、Word 文档、网页或 PDF）导入为报告：章、举措、数据和图表",
        "Import a report or brochure (text, a Word document, a web page or a PDF): chapters, initiatives, figures and charts",
    ),
    ("导入报告", "Import a report"),
    (
        "报告（文本、Word 文档、网页、PDF）",
        "Reports (text, Word documents, web pages, PDF)",
    ),
    ("导入", "Import"),
    ("正在读取文件夹…", "Reading the folder…"),
    ("无法导入：{}", "Cannot import: {}"),
    ("已导入：{}", "Imported: {}"),
    ("已保存：{}", "Saved: {}"),
    ("松开鼠标以导入报告\n{}", "Drop to import the report\n{}"),
    (
        "已从「{}」导入，尚未保存。",
        "Imported from “{}”, not saved yet.",
    ),
    ("保存为数据集…", "Save as a dataset…"),
    ("{}（导入，未保存）", "{} (imported, not saved)"),
    ("查看提示", "Show the warnings"),
    ("（待确认）", " (to confirm)"),
    ("（待確認）", " (to confirm)"),
    (
        "名称是导入时从上下文猜的，请在数据集中确认",
        "The importer guessed this name from the text around the number; confirm it in the dataset",
    ),
    ("打开数据集", "Open a dataset"),
    ("演示", "Present"),
    ("命令", "command"),
    ("章", "chapter"),
    ("举措", "initiative"),
    ("命令面板", "Command palette"),
    ("导出图表 PNG：{}", "Export chart as PNG: {}"),
    ("导出图表 CSV：{}", "Export chart as CSV: {}"),
    ("复制选中的数据：{}", "Copy the selected figure: {}"),
    (
        "输入命令、章或举措（支持拼音，如 kp）",
        "Type a command, chapter or initiative (pinyin works too: kp)",
    ),
    (
        "没有匹配的命令、章或举措。",
        "No command, chapter or initiative matches.",
    ),
    (
        "命令面板：命令、章、举措（支持拼音）",
        "Command palette: commands, chapters, initiatives (pinyin too)",
    ),
    // The in-app file dialog.
    ("导出到文件", "Export to a file"),
    ("上一级", "Up"),
    ("主目录", "Home"),
    ("文件名：", "File name:"),
    (
        "名称，或完整路径（~ 表示主目录）",
        "A name, or a whole path (~ for home)",
    ),
    (
        "这里没有文件夹，也没有 .{} 文件",
        "No folders and no .{} files here",
    ),
    ("显示文件夹和 .{} 文件", "Showing folders and .{} files"),
    ("无法读取文件夹 {}：{}", "The folder {} cannot be read: {}"),
    ("请输入文件名。", "Type a file name."),
    ("找不到文件：{}", "No such file: {}"),
    ("文件夹不存在：{}", "No such folder: {}"),
    (
        "{} 已存在；再次确认将替换它。",
        "{} exists; confirm again to replace it.",
    ),
    ("打开", "Open"),
    ("保存", "Save"),
    ("菜单栏", "Menu bar"),
    ("改为目标、预计或结果", "Target, estimate or result"),
    (
        "审阅时：选中的数据是目标、预计还是已实现的结果（导入没读出力争、预计时改正）",
        "While reviewing: whether the chosen figure is a target, an estimate or a result (where the import missed a 力争 or 预计)",
    ),
    (
        "把键盘移到菜单栏：Enter 打开菜单，Tab 到下一个",
        "Puts the keyboard on the menu bar: Enter opens a menu, Tab goes to the next",
    ),
    ("数据一览按名称排序", "All figures sorted by label"),
    ("数据一览按数值排序", "All figures sorted by value"),
    ("数据一览按章排序", "All figures in the report's order"),
    (
        "打开数据一览，按数据名称排序；再选一次倒序",
        "Opens All figures sorted by label; again, the other way",
    ),
    (
        "打开数据一览，按数值排序（同一单位的在一起）；再选一次倒序",
        "Opens All figures sorted by value (each unit together); again, the other way",
    ),
    (
        "打开数据一览，按所在章的顺序排列；再选一次倒序",
        "Opens All figures in the order of their chapters; again, the other way",
    ),
    ("不保存", "Don't save"),
    ("审阅结果尚未保存", "The review is not saved"),
    (
        "{} 个名称的审阅结果还没有保存；不保存就退出，它们会丢失。",
        "The verdicts on {} labels are not saved; quit without saving and they are lost.",
    ),
    (
        "{} 个名称的审阅结果还没有保存；不保存就打开别的报告，它们会丢失。",
        "The verdicts on {} labels are not saved; open another report without saving and they are lost.",
    ),
    ("取消", "Cancel"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn counts_of_one_are_singular_in_english() {
        assert_eq!(
            fill("{} chapter{s} · {} initiative{s}", &[&1, &21]),
            "1 chapter · 21 initiatives"
        );
        assert_eq!(fill("{} more match{es}", &[&1]), "1 more match");
        assert_eq!(fill("{} more match{es}", &[&3]), "3 more matches");
        assert_eq!(fill("{a} {}", &[&2]), "{a} 2");
    }

    use super::*;

    #[test]
    fn locales_choose_the_language() {
        assert_eq!(Lang::from_locale("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh_TW.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en-US"), Lang::En);
        assert_eq!(Lang::from_locale("de"), Lang::En);
    }

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(
            fill(
                tr_in(Lang::En, "{} 章 · {} 项举措 · {} 个数据"),
                &[&5, &21, &59]
            ),
            "5 chapters · 21 initiatives · 59 figures"
        );
        assert_eq!(fill("{} / {}", &[&1]), "1 / ");
    }

    #[test]
    fn every_entry_is_unique_and_keeps_its_placeholders() {
        for (k, (zh, en)) in ENGLISH.iter().enumerate() {
            assert!(
                !ENGLISH[..k].iter().any(|(other, _)| other == zh),
                "{zh} twice"
            );
            assert_eq!(
                zh.matches("{}").count(),
                en.matches("{}").count(),
                "{zh} / {en}"
            );
        }
    }
}
