//! One open report and everything that belongs to it: the view, the search, the lit figure,
//! the expanded texts, the history, the slide, an import's draft and the diagnostics. Opening
//! another report replaces the session whole (`Session::new`), so nothing of the last report
//! is left behind by a field someone forgot to reset.
//!
//! Panels read a session through its methods; only the shell changes it, by carrying out
//! commands (`HuimouApp::run`).

use std::collections::HashSet;
use std::path::PathBuf;

use crate::document::dataset::{Dataset, FigureRef, InitiativeRef};
use crate::document::figure_table::Sort;
use crate::document::load::LoadError;
use crate::import::review::Verdict;
use crate::viewer::history::History;
use crate::viewer::place::{Anchor, ListKey, SearchScope, View};

/// A report imported from a brochure (`huimou import`), shown but not yet saved as a dataset.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The brochure it was imported from.
    pub source: PathBuf,
    /// The dataset's text, as it will be saved.
    pub ron: String,
    /// How many figures' labels the importer guessed, for the author to confirm.
    pub guessed_labels: usize,
    /// What the import read and left out (quantities not read as figures, warnings).
    pub summary: crate::import::Summary,
}

/// The shelf a report was opened from: the folder's reports and series, which of them is on
/// screen, and which of its figures belong to a series. Shared by the sessions of the shelf's
/// reports: switching reports keeps it.
#[derive(Clone, Debug)]
pub struct OnShelf {
    pub shelf: std::sync::Arc<crate::shelf::Shelf>,
    /// The report on screen, by index on the shelf.
    pub report: usize,
    /// The series of each of the report's figures that has one.
    links: rustc_hash::FxHashMap<FigureRef, usize>,
}

impl OnShelf {
    /// Report `report` of `shelf`, its figures linked to their series.
    pub fn new(shelf: std::sync::Arc<crate::shelf::Shelf>, report: usize) -> Self {
        let links = shelf
            .series
            .iter()
            .enumerate()
            .flat_map(|(s, series)| {
                series
                    .points
                    .iter()
                    .filter(|p| p.report == report)
                    .map(move |p| (p.figure, s))
            })
            .collect();
        Self {
            shelf,
            report,
            links,
        }
    }

    /// The series a figure of the report on screen belongs to.
    pub fn series_of(&self, place: FigureRef) -> Option<(usize, &crate::shelf::series::Series)> {
        let s = *self.links.get(&place)?;
        Some((s, &self.shelf.series[s]))
    }
}

/// Which diagnostics the diagnostics window shows.
#[derive(Debug)]
pub enum Diagnostics {
    /// A dataset that failed to open.
    Failed(LoadError),
    /// The open dataset's file was saved with errors; the report from before stays.
    ReloadFailed(LoadError),
    /// The warnings of the dataset on screen.
    Warnings,
    /// A brochure that could not be imported: the file, and where and why.
    ImportFailed(String, Vec<crate::report::diagnostic::Diagnostic>),
}

/// The search box's state and the hits of its current query.
#[derive(Debug, Default)]
pub struct Search {
    query: String,
    scope: SearchScope,
    /// The match lit in a chapter, or the result that Enter opens in the whole-report list.
    selected: usize,
    /// Set when ↑/↓ moved the selection, so the list scrolls to it in the next frame.
    selected_moved: bool,
    /// Whether the whole-report results stand beside the chapter one of them was opened in,
    /// rather than in the chapter's place.
    beside: bool,
    /// Which result was opened last (in `beside`), so that Enter goes on to the next.
    opened: Option<usize>,
    /// Whether the query was typed in the table of figures, as its filter: it stays with the
    /// table rather than becoming a search of the whole report in the next view.
    table_filter: bool,
    hits: Vec<InitiativeRef>,
    hits_for: Option<(String, Option<usize>)>,
}

impl Search {
    /// What the user typed.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Where it looks.
    pub fn scope(&self) -> SearchScope {
        self.scope
    }

    /// The match lit in a chapter, or the result chosen in the whole report's results.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Whether ↑/↓ or a step moved the selection since the last frame.
    pub fn selected_moved(&self) -> bool {
        self.selected_moved
    }

    /// Whether the whole report's results stand beside the chapter one of them was opened in.
    pub fn beside(&self) -> bool {
        self.beside
    }

    /// Whether the query filters the table of figures.
    pub fn table_filter(&self) -> bool {
        self.table_filter
    }

    /// Whether the search box holds a query.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
    }

    /// The initiatives matching the current query in the current scope (found by
    /// `Session::refresh`).
    pub fn hits(&self) -> &[InitiativeRef] {
        &self.hits
    }

    /// The chapter the search is confined to in `view`, if any.
    pub fn chapter_scope(&self, view: View) -> Option<usize> {
        match (self.scope, view) {
            (SearchScope::Chapter, View::Chapter(c)) => Some(c),
            _ => None,
        }
    }

    /// Whether the whole-report results are shown beside the chapter in `view`.
    pub fn results_beside(&self, view: View) -> bool {
        self.beside
            && self.is_active()
            && self.scope == SearchScope::Report
            && matches!(view, View::Chapter(_))
    }

    /// The match lit in `view`: the chapter's current match, or the result opened beside it.
    pub fn lit(&self, view: View) -> Option<InitiativeRef> {
        let stepping = self.chapter_scope(view).is_some() || self.results_beside(view);
        let current = self.hits_for.as_ref()?.1 == self.chapter_scope(view);
        (stepping && current && self.is_active())
            .then(|| self.hits.get(self.selected).copied())
            .flatten()
    }

    /// Finds the hits of the query in `view`'s scope, once per query and scope: the chapter on
    /// screen, or the whole report (whichever chapter is on screen, so that stepping through
    /// the report's results keeps its place).
    fn refresh(&mut self, dataset: &Dataset, view: View) {
        // Compared without copying the query: this runs every frame.
        let scope = self.chapter_scope(view);
        let fresh = self
            .hits_for
            .as_ref()
            .is_some_and(|(query, s)| *query == self.query && *s == scope);
        if !fresh {
            self.hits = dataset.index().search(&self.query, scope);
            self.selected = 0;
            self.opened = None;
            self.hits_for = Some((self.query.clone(), scope));
        }
    }

    /// Whether the result open now was already open at `visit` (F3 with one result).
    fn opened_before(&self, visit: &Visit) -> bool {
        visit.beside && self.opened == Some(visit.selected)
    }

    /// Empties the box; the same query typed again starts again from its first match.
    fn clear(&mut self) {
        self.query.clear();
        self.beside = false;
        self.hits_for = None;
        self.hits.clear();
        self.selected = 0;
        self.opened = None;
    }
}

/// A place the reader was at, for Back and Forward: the view, its search, and where its list
/// was scrolled to.
#[derive(Clone, Debug, PartialEq)]
pub struct Visit {
    view: View,
    query: String,
    scope: SearchScope,
    beside: bool,
    selected: usize,
    list: Option<(ListKey, Option<Anchor>)>,
}

impl Visit {
    /// Whether two visits are of the same view with the same search (scrolling aside).
    fn same_place(&self, other: &Self) -> bool {
        (self.view, &self.query, self.scope, self.beside)
            == (other.view, &other.query, other.scope, other.beside)
    }
}

/// The open report and the reader's place in it.
#[derive(Debug)]
pub struct Session {
    dataset: Dataset,
    view: View,
    search: Search,
    /// The figure highlighted in text and charts.
    selection: Option<FigureRef>,
    /// A report imported and not yet saved, when this session shows one.
    draft: Option<Draft>,
    /// The diagnostics window, when open.
    diagnostics: Option<Diagnostics>,
    /// An initiative to scroll into view in the next frame.
    scroll_to: Option<InitiativeRef>,
    /// Long initiative texts the reader expanded.
    expanded: HashSet<InitiativeRef>,
    /// Chapters whose initiatives the reader showed or hid in the contents, against the rule
    /// that only the open chapter shows them.
    contents_toggled: HashSet<usize>,
    /// The slide on screen while presenting (`ui::present::slides`).
    slide: usize,
    /// The places behind and ahead, for Back and Forward.
    history: History<Visit>,
    /// The table of figures' rows for a search and a sort, kept until either changes:
    /// filtering a large report takes longer than a frame.
    figure_rows: Option<(String, Sort, Vec<FigureRef>)>,
    /// The review of an import's guessed figures, while this session shows an import.
    review: Option<Review>,
    /// The shelf the report is on, when it was opened from a folder.
    shelf: Option<OnShelf>,
    /// The whole shelf's matches of the query, and the query they are for (on the shelf's view).
    shelf_hits: Option<(String, ShelfHits)>,
}

/// Matches in the reports of a shelf: by report, its initiatives in reading order.
pub type ShelfHits = Vec<(usize, Vec<InitiativeRef>)>;

impl Session {
    /// A report as a new window shows it, at `view` if it has it: nothing searched, selected
    /// or expanded.
    pub fn new(dataset: Dataset, view: View) -> Self {
        Self::on_shelf(dataset, view, None)
    }

    /// A report of a shelf (or of none) as a new window shows it, at `view` if it has it.
    pub fn on_shelf(dataset: Dataset, view: View, shelf: Option<OnShelf>) -> Self {
        let mut session = Self {
            dataset,
            view: View::Overview,
            search: Search::default(),
            selection: None,
            draft: None,
            diagnostics: None,
            scroll_to: None,
            expanded: HashSet::new(),
            contents_toggled: HashSet::new(),
            slide: 0,
            history: History::default(),
            figure_rows: None,
            review: None,
            shelf,
            shelf_hits: None,
        };
        session.view = session.clamp(view);
        session
    }

    /// The report.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The shelf the report is on, if it was opened from a folder.
    pub fn shelf(&self) -> Option<&OnShelf> {
        self.shelf.as_ref()
    }

    /// The view on screen.
    pub fn view(&self) -> View {
        self.view
    }

    /// The search box and its hits.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The figure lit in text and charts.
    pub fn selection(&self) -> Option<FigureRef> {
        self.selection
    }

    /// The import shown and not yet saved, if this session shows one.
    pub fn draft(&self) -> Option<&Draft> {
        self.draft.as_ref()
    }

    /// The diagnostics window's content, while it is open.
    pub fn diagnostics(&self) -> Option<&Diagnostics> {
        self.diagnostics.as_ref()
    }

    /// The initiative to scroll into view in this frame, if a command asked for one.
    pub fn scroll_to(&self) -> Option<InitiativeRef> {
        self.scroll_to
    }

    /// Whether a long initiative text is shown whole.
    pub fn is_expanded(&self, place: InitiativeRef) -> bool {
        self.expanded.contains(&place)
    }

    /// The texts shown whole.
    pub fn expanded(&self) -> &HashSet<InitiativeRef> {
        &self.expanded
    }

    /// Whether the contents show chapter `c`'s initiatives: the open chapter's, unless the
    /// reader hid them, and any other the reader showed.
    pub fn contents_expanded(&self, c: usize) -> bool {
        (self.view == View::Chapter(c)) != self.contents_toggled.contains(&c)
    }

    /// The slide on screen while presenting (a presentation shorter than it shows its last).
    pub fn slide(&self) -> usize {
        self.slide
    }

    /// Whether Back and Forward have somewhere to go.
    pub fn can_go(&self) -> (bool, bool) {
        (self.history.can_go_back(), self.history.can_go_forward())
    }

    /// The table of figures' rows as last refreshed (following the search and the sort).
    pub fn figure_rows(&self) -> &[FigureRef] {
        self.figure_rows.as_ref().map_or(&[], |(_, _, rows)| rows)
    }

    /// The initiatives the view on screen lists: the chapter's, filtered by its search, or the
    /// whole report's search results.
    pub fn listed_initiatives(&self) -> Vec<InitiativeRef> {
        if self.search.is_active() {
            return self.search.hits().to_vec();
        }
        let scope = match self.view {
            View::Chapter(c) => Some(c),
            View::Overview | View::Figures | View::Review | View::Shelf | View::Series(_) => None,
        };
        self.dataset.index().places(scope).to_vec()
    }

    fn clamp(&self, view: View) -> View {
        match view {
            View::Chapter(c) if c >= self.dataset.report.chapters.len() => View::Overview,
            View::Review if self.review.is_none() => View::Overview,
            View::Shelf if self.shelf.is_none() => View::Overview,
            View::Series(s) => match &self.shelf {
                Some(on) if s < on.shelf.series.len() => view,
                Some(_) => View::Shelf,
                None => View::Overview,
            },
            view => view,
        }
    }

    /// Brings what is derived from the search and the sort up to date: the hits of the query,
    /// and the table's rows when the table is on screen (`all_rows` for an export).
    pub fn refresh(&mut self, sort: Sort, all_rows: bool) {
        self.search.refresh(&self.dataset, self.view);
        self.refresh_shelf_hits();
        if !(all_rows || self.view == View::Figures) {
            return;
        }
        let query = &self.search.query;
        let fresh = self
            .figure_rows
            .as_ref()
            .is_some_and(|(q, s, _)| q == query && *s == sort);
        if !fresh {
            let rows = crate::document::figure_table::rows(&self.dataset, query, sort);
            self.figure_rows = Some((query.clone(), sort, rows));
        }
    }

    /// The whole shelf's matches, searched again when the query changed on the shelf's view.
    fn refresh_shelf_hits(&mut self) {
        let Some(on) = &self.shelf else {
            return;
        };
        if self.view != View::Shelf || !self.search.is_active() {
            self.shelf_hits = None;
            return;
        }
        let query = &self.search.query;
        if self.shelf_hits.as_ref().is_some_and(|(q, _)| q == query) {
            return;
        }
        self.shelf_hits = Some((query.clone(), on.shelf.search(query)));
    }

    /// The whole shelf's matches of the query, while the shelf's view shows them.
    pub fn shelf_hits(&self) -> Option<&ShelfHits> {
        self.shelf_hits.as_ref().map(|(_, hits)| hits)
    }

    /// Forgets the requests made for the frame just drawn (a scroll, a moved selection).
    pub fn frame_drawn(&mut self) {
        self.scroll_to = None;
        self.search.selected_moved = false;
    }
}

/// What commands do to a session.
impl Session {
    /// Where the reader is now, with where the list on screen is scrolled to.
    pub fn visit(&self, list: Option<(ListKey, Option<Anchor>)>) -> Visit {
        Visit {
            view: self.view,
            query: self.search.query.clone(),
            scope: self.search.scope,
            beside: self.search.beside,
            selected: self.search.selected,
            list,
        }
    }

    /// Remembers the place left by a jump, unless the jump stayed where it was: `opened_a_result`
    /// when Enter or F3 opened one of the whole report's results.
    pub fn left(&mut self, from: Visit, now: Visit, opened_a_result: bool) {
        // Stepping on from the only result opens the result already open: no new place.
        let same_result = opened_a_result && self.search.opened_before(&from);
        let moved = self.scroll_to.is_some() && !same_result;
        if moved || !from.same_place(&now) {
            self.history.leave(from);
        }
    }

    /// The place Back goes to, `now` becoming the place ahead.
    pub fn back(&mut self, now: Visit) -> Option<Visit> {
        self.history.back(now)
    }

    /// The place Forward goes to, `now` becoming the place behind.
    pub fn forward(&mut self, now: Visit) -> Option<Visit> {
        self.history.forward(now)
    }

    /// Goes to a place from the history: its view and its search; returns where its list was
    /// scrolled to, for the shell to scroll it there again.
    pub fn go_to(&mut self, visit: Visit) -> Option<(ListKey, Option<Anchor>)> {
        self.view = self.clamp(visit.view);
        self.search.query = visit.query;
        self.search.scope = visit.scope;
        self.search.beside = visit.beside;
        self.search.refresh(&self.dataset, self.view);
        self.search.selected = visit.selected;
        self.search.opened = visit.beside.then_some(visit.selected);
        self.scroll_to = None;
        visit.list
    }

    /// The chapter before the one on screen, or the overview before the first.
    pub fn previous_view(&self) -> View {
        match self.view {
            View::Overview
            | View::Chapter(0)
            | View::Figures
            | View::Review
            | View::Shelf
            | View::Series(_) => View::Overview,
            View::Chapter(c) => View::Chapter(c - 1),
        }
    }

    /// The chapter after the one on screen; the last stays.
    pub fn next_view(&self) -> View {
        let chapters = self.dataset.report.chapters.len();
        match self.view {
            View::Overview | View::Figures | View::Review | View::Shelf | View::Series(_)
                if chapters > 0 =>
            {
                View::Chapter(0)
            }
            View::Chapter(c) if c + 1 < chapters => View::Chapter(c + 1),
            view => view,
        }
    }

    /// Goes to `view` as the reader asked (a key, the contents, Previous/Next). The table of
    /// figures' filter stays with the table; a chapter opened while the whole report's
    /// results are listed shows them beside it, as opening one of them does.
    pub fn show(&mut self, view: View) {
        let to = self.clamp(view);
        if self.view == View::Figures && to != View::Figures && self.search.table_filter {
            self.search.query.clear();
            self.search.table_filter = false;
        }
        if matches!(to, View::Chapter(_))
            && self.search.is_active()
            && self.search.scope == SearchScope::Report
        {
            self.search.beside = true;
        }
        self.view = to;
    }

    /// Whether F3 or Enter opens one of the whole report's results (a jump) rather than step
    /// through a chapter's matches.
    pub fn finding_opens_a_result(&self) -> bool {
        self.search.chapter_scope(self.view).is_none()
    }

    /// Steps to the next (or previous) match: within the chapter when the search filters it,
    /// else to the next of the whole report's results, opened with the list beside it. Says
    /// whether the step went round from the last match to the first (or back).
    pub fn find(&mut self, forward: bool) -> bool {
        if !self.search.is_active() || matches!(self.view, View::Figures | View::Review) {
            return false;
        }
        self.search.refresh(&self.dataset, self.view);
        let count = self.search.hits.len();
        if count == 0 {
            return false;
        }
        let step = |k: usize| {
            if forward {
                (k + 1) % count
            } else {
                (k + count - 1) % count
            }
        };
        let in_chapter = self.search.chapter_scope(self.view).is_some();
        let on_current = in_chapter || self.search.opened == Some(self.search.selected);
        let before = self.search.selected;
        if on_current && (in_chapter || self.search.results_beside(self.view)) {
            self.search.selected = step(self.search.selected);
        }
        let wrapped = count > 1
            && if forward {
                self.search.selected < before
            } else {
                self.search.selected > before
            };
        self.search.selected_moved = true;
        let place = self.search.hits[self.search.selected.min(count - 1)];
        self.open_result(place);
        wrapped
    }

    /// Chooses the next (or previous) of the whole report's results with ↑/↓ in the search box.
    pub fn choose(&mut self, forward: bool) {
        if !self.search.is_active() || self.view == View::Figures || !self.finding_opens_a_result()
        {
            return;
        }
        let count = self.search.hits.len();
        self.search.selected = if forward {
            (self.search.selected + 1).min(count.saturating_sub(1))
        } else {
            self.search.selected.saturating_sub(1)
        };
        self.search.selected_moved = true;
    }

    /// Shows a search result in its chapter, scrolled into view; the whole report's results
    /// stay open beside it.
    pub fn open_result(&mut self, place: InitiativeRef) {
        self.view = self.clamp(View::Chapter(place.chapter));
        self.scroll_to = Some(place);
        if !self.search.is_active() {
            return;
        }
        let report = self.search.scope == SearchScope::Report;
        self.search.refresh(&self.dataset, self.view);
        match self.search.hits.iter().position(|hit| *hit == place) {
            Some(k) => {
                self.search.selected = k;
                self.search.opened = report.then_some(k);
            }
            // A chapter filtered by a query the initiative does not match would hide it.
            None if !report => self.search.query.clear(),
            None => {}
        }
        self.search.beside = report;
    }

    /// Lights a figure and scrolls its initiative into view (from a chart).
    pub fn reveal(&mut self, place: FigureRef) {
        self.selection = Some(place);
        self.view = View::Chapter(place.chapter);
        self.scroll_to = Some(place.initiative_ref());
        // A filter that hides the figure's initiative, or a list of results shown in the
        // chapter's place (a search from the table of figures), would hide what was asked for.
        if self.search.is_active() {
            self.search.query.clear();
        }
    }

    /// Lights a figure in its text and charts.
    pub fn select(&mut self, place: FigureRef) {
        self.selection = Some(place);
    }

    /// The search box's text as typed (`in_table`: in the table of figures, as its filter).
    pub fn set_query(&mut self, query: String, in_table: bool) {
        self.search.query = query;
        self.search.table_filter = in_table;
    }

    /// Searches the chapter on screen or the whole report.
    pub fn set_scope(&mut self, scope: SearchScope) {
        self.search.scope = scope;
    }

    /// Empties the search box.
    pub fn clear_search(&mut self) {
        self.search.clear();
    }

    /// Shows the whole of a long text, or its start again.
    pub fn toggle_full_text(&mut self, place: InitiativeRef) {
        if !self.expanded.remove(&place) {
            self.expanded.insert(place);
        }
    }

    /// Shows or hides a chapter's initiatives in the contents.
    pub fn toggle_contents(&mut self, c: usize) {
        if !self.contents_toggled.remove(&c) {
            self.contents_toggled.insert(c);
        }
    }

    /// Shows slide `slide` while presenting.
    pub fn show_slide(&mut self, slide: usize) {
        self.slide = slide;
    }

    /// Opens or closes the diagnostics window.
    pub fn set_diagnostics(&mut self, diagnostics: Option<Diagnostics>) {
        self.diagnostics = diagnostics;
    }

    /// Marks the session as showing an import not yet saved, its guessed figures to review.
    pub fn set_draft(&mut self, draft: Draft) {
        self.draft = Some(draft);
        self.review = Some(Review::new(&self.dataset));
    }

    /// Starts a review of the guessed labels of the report on screen (a dataset saved by
    /// `huimou import`, its labels not yet confirmed); says whether it has any to review.
    pub fn start_review(&mut self) -> bool {
        if self.review.is_none() {
            let review = Review::new(&self.dataset);
            if review.order.is_empty() {
                return false;
            }
            self.review = Some(review);
        }
        true
    }

    /// The review of the guessed figures, if one was started (an import's, or a dataset's).
    pub fn review(&self) -> Option<&Review> {
        self.review.as_ref()
    }

    /// Decides of the chosen figure of the review, then chooses the next one not yet decided.
    pub fn decide(&mut self, verdict: Option<Verdict>) {
        if let Some(review) = &mut self.review {
            review.decide(verdict);
        }
        self.show_verdicts();
    }

    /// Shows the verdicts in every view at once: an accepted label loses its mark, a new
    /// label replaces the guess; a figure taken back, or dropped (until saved), keeps its
    /// guessed label, marked.
    fn show_verdicts(&mut self) {
        let Some(review) = &self.review else {
            return;
        };
        for (k, (place, guessed)) in review.order.iter().zip(&review.guessed).enumerate() {
            let status = review
                .statuses
                .get(place)
                .copied()
                .unwrap_or(review.read_statuses[k]);
            let (label, still_guessed) = match review.verdicts.get(place) {
                Some(Verdict::Accept) => (guessed.as_str(), false),
                Some(Verdict::Relabel(label)) => (label.trim(), false),
                Some(Verdict::Drop) | None => (guessed.as_str(), true),
            };
            let figure = &mut self.dataset.report.chapters[place.chapter].initiatives
                [place.initiative]
                .figures[place.figure];
            if figure.label != label || figure.label_guessed != still_guessed {
                label.clone_into(&mut figure.label);
                figure.label_guessed = still_guessed;
            }
            figure.status = status;
        }
    }

    /// Sets the chosen figure's status to the next one, shown at once.
    pub fn cycle_status(&mut self) {
        if let Some(review) = &mut self.review {
            review.cycle_status();
        }
        self.show_verdicts();
    }

    /// Gives a figure of the review another label (accepting it), then chooses the next one.
    pub fn relabel(&mut self, place: FigureRef, label: String) {
        if let Some(review) = &mut self.review
            && let Some(k) = review.order.iter().position(|p| *p == place)
            && !label.trim().is_empty()
        {
            review.selected = k;
            review.decide(Some(Verdict::Relabel(label)));
        }
        self.show_verdicts();
    }

    /// Chooses the next (or previous) figure of the review, or one by its row.
    pub fn choose_figure(&mut self, to: Choice) {
        if let Some(review) = &mut self.review {
            review.choose(to);
        }
    }
}

/// Where the review's choice moves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The next figure.
    Next,
    /// The figure before.
    Previous,
    /// A figure by its row.
    Row(usize),
}

/// The review of an import's guessed figures: each accepted, relabelled or dropped, by keys
/// one at a time (`View::Review`).
#[derive(Debug, Default)]
pub struct Review {
    order: Vec<FigureRef>,
    /// Each figure's label as the import guessed it, in the order's order: what a verdict
    /// taken back shows again, and what the file on disk still says.
    guessed: Vec<String>,
    /// Each figure's status as the import read it, in the order's order.
    read_statuses: Vec<crate::report::model::Status>,
    verdicts: std::collections::BTreeMap<FigureRef, Verdict>,
    /// Statuses the reviewer set where the import's reading was wrong (a 力争 it missed).
    statuses: std::collections::BTreeMap<FigureRef, crate::report::model::Status>,
    selected: usize,
    /// The figures decided, latest last: U on an undecided figure takes back the latest.
    decided: Vec<FigureRef>,
}

impl Review {
    fn new(dataset: &Dataset) -> Self {
        let order = crate::import::review::guessed(dataset);
        let guessed = order
            .iter()
            .map(|&p| dataset.figure(p).label.clone())
            .collect();
        let read_statuses = order.iter().map(|&p| dataset.figure(p).status).collect();
        Self {
            order,
            guessed,
            read_statuses,
            ..Self::default()
        }
    }

    /// The statuses set in the review.
    pub fn statuses(&self) -> &std::collections::BTreeMap<FigureRef, crate::report::model::Status> {
        &self.statuses
    }

    /// How many decisions saving would write: verdicts and statuses set.
    pub fn unsaved(&self) -> usize {
        self.verdicts.len() + self.statuses.len()
    }

    /// Sets the chosen figure's status to the next one (result → target → estimate → result);
    /// back at the import's reading, it is no decision.
    fn cycle_status(&mut self) {
        use crate::report::model::Status;
        let Some(&place) = self.order.get(self.selected) else {
            return;
        };
        let read = self.read_statuses[self.selected];
        let now = self.statuses.get(&place).copied().unwrap_or(read);
        let next = match now {
            Status::Result => Status::Target,
            Status::Target => Status::Estimate,
            Status::Estimate => Status::Result,
        };
        if next == read {
            self.statuses.remove(&place);
        } else {
            self.statuses.insert(place, next);
        }
    }

    /// The report as it was before any verdict was shown in it: every figure reviewed back
    /// at its guessed label, still marked as guessed.
    pub fn as_guessed(
        &self,
        report: &crate::report::model::Report,
    ) -> crate::report::model::Report {
        let mut report = report.clone();
        for (k, place) in self.order.iter().enumerate() {
            let figure = &mut report.chapters[place.chapter].initiatives[place.initiative].figures
                [place.figure];
            figure.label.clone_from(&self.guessed[k]);
            figure.label_guessed = true;
            figure.status = self.read_statuses[k];
        }
        report
    }

    /// The figures to review, in reading order.
    pub fn order(&self) -> &[FigureRef] {
        &self.order
    }

    /// The verdicts given so far.
    pub fn verdicts(&self) -> &std::collections::BTreeMap<FigureRef, Verdict> {
        &self.verdicts
    }

    /// The verdict on a figure, if one was given.
    pub fn verdict(&self, place: FigureRef) -> Option<&Verdict> {
        self.verdicts.get(&place)
    }

    /// The row chosen.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// How many were accepted, relabelled, dropped, and are still to decide.
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for verdict in self.verdicts.values() {
            counts[match verdict {
                Verdict::Accept => 0,
                Verdict::Relabel(_) => 1,
                Verdict::Drop => 2,
            }] += 1;
        }
        counts[3] = self.order.len() - self.verdicts.len();
        counts
    }

    fn choose(&mut self, to: Choice) {
        let last = self.order.len().saturating_sub(1);
        self.selected = match to {
            Choice::Next => (self.selected + 1).min(last),
            Choice::Previous => self.selected.saturating_sub(1),
            Choice::Row(row) => row.min(last),
        };
    }

    /// Gives (or with `None` takes back) the verdict on the chosen figure; a verdict given
    /// moves on to the next figure not yet decided, so that a review is one key a figure.
    fn decide(&mut self, verdict: Option<Verdict>) {
        let Some(&place) = self.order.get(self.selected) else {
            return;
        };
        match verdict {
            Some(verdict) => {
                self.verdicts.insert(place, verdict);
                self.decided.retain(|p| *p != place);
                self.decided.push(place);
                let next = (self.selected + 1..self.order.len())
                    .chain(0..self.selected)
                    .find(|&k| !self.verdicts.contains_key(&self.order[k]));
                self.selected = next.unwrap_or((self.selected + 1).min(self.order.len() - 1));
            }
            // Taking back: the chosen figure's verdict, or where the chosen one has none (the
            // choice moved on), the latest given, which is chosen again.
            None if self.verdicts.remove(&place).is_some() => {
                self.decided.retain(|p| *p != place);
            }
            None => {
                if let Some(latest) = self.decided.pop() {
                    self.verdicts.remove(&latest);
                    if let Some(row) = self.order.iter().position(|p| *p == latest) {
                        self.selected = row;
                    }
                }
            }
        }
    }
}
