//! `use_table_view`: sort, filters and paging over the loaded list, the rows of the current page, the one
//! "now" every expiry is measured against, and the CSV export of the whole filtered list.

use super::context::WidgetCore;
use super::download;
use super::format::in_reader_zone;
use super::use_order_list::OrderList;
use crate::events;
use crate::expiry::{self, Expiry};
use crate::export;
use crate::model::{self, Column, Direction, Filter, Order, PageWindow, Sort};
use leptos::prelude::*;
use std::sync::Arc;

/// One table row, keyed by its position in the loaded list, which no sort or filter changes.
#[derive(Clone)]
pub(crate) struct Row {
    pub key: usize,
    pub order: Order,
}

/// How the user looks at the list. Every change of sort, filter or page size goes back to the first page.
#[derive(Clone, Copy)]
pub(crate) struct TableView {
    /// The sort, as its [`sort_position`]: a `usize` signal, like `expiry`, for the same reason.
    sort: RwSignal<usize>,
    text: RwSignal<String>,
    status: RwSignal<Option<String>>,
    /// The expiry filter, as a position in [`EXPIRY_CHOICES`]: a `usize` signal because the widget has that
    /// type already, and every new signal type costs its own copy of the reactive code (about 1 KB).
    expiry: RwSignal<usize>,
    page: RwSignal<usize>,
    page_size: RwSignal<usize>,
    /// The current page: which rows, of how many.
    pub window: Memo<PageWindow>,
    /// Positions in the loaded list that pass the filters, in sort order.
    matching: Memo<Vec<usize>>,
    /// Worked out once per list: search keys and the list's "now".
    per_list: Memo<Arc<PerList>>,
    /// The configured `expiringDays`.
    pub expiring_days: u32,
    list: OrderList,
    core: WidgetCore,
}

impl TableView {
    pub fn sort(&self) -> Sort {
        sort_at(self.sort.get())
    }

    pub fn text(&self) -> String {
        self.text.get()
    }

    pub fn status(&self) -> Option<String> {
        self.status.get()
    }

    /// The list's "now", which every Expires cell and the expiry filter measure against. Untracked: a new
    /// list rebuilds the table anyway.
    pub fn now(&self) -> i64 {
        self.per_list.with_untracked(|per_list| per_list.now)
    }

    pub fn page_size(&self) -> usize {
        self.page_size.get()
    }

    /// A header click: sorts by `column`, or flips the direction; returns the new sort.
    pub fn sort_by(&self, column: Column) -> Sort {
        let next = sort_at(self.sort.get_untracked()).toggled(column);
        self.refine(self.sort, sort_position(next));
        next
    }

    pub fn filter_text(&self, text: String) {
        self.refine(self.text, text);
    }

    /// `None`: every status.
    pub fn filter_status(&self, status: Option<String>) {
        self.refine(self.status, status);
    }

    /// `None`: every expiry.
    pub fn filter_expiry(&self, expiry: Option<Expiry>) {
        let choice = EXPIRY_CHOICES.iter().position(|c| *c == expiry);
        self.refine(self.expiry, choice.unwrap_or_default());
    }

    pub fn set_page_size(&self, size: usize) {
        self.refine(self.page_size, size);
    }

    /// The one place the page goes back to the first: a different set or order of rows starts at the top.
    fn refine<T: Send + Sync + 'static>(&self, setting: RwSignal<T>, value: T) {
        setting.set(value);
        self.page.set(0);
    }

    pub fn previous_page(&self) {
        self.page
            .set(self.window.get_untracked().page.saturating_sub(1));
    }

    pub fn next_page(&self) {
        self.page.set(self.window.get_untracked().page + 1);
    }

    /// Saves every order that passes the filters (all pages, in the table's order) as `ssl-orders.csv`,
    /// with the columns' names in the widget's language and dates on the reader's calendar; then tells the
    /// host (`ssl-orders-exported`) and the screen reader how many orders the file holds.
    pub fn export(&self) {
        let Some(orders) = self.list.orders() else {
            return;
        };
        let core = self.core;
        let (csv, rows) = self.matching.with_untracked(|matching| {
            let chosen = matching.iter().filter_map(|&i| orders.get(i));
            (
                export::orders_csv(|column| core.t.column(column), chosen, in_reader_zone),
                matching.len(),
            )
        });
        if download::save(&csv, export::MEDIA_TYPE, export::FILE_NAME).is_ok() {
            core.announcer.announce(core.t.exported(rows));
            events::emit(
                &core.host(),
                events::EXPORTED,
                &events::Exported { rows },
                false,
            );
        }
    }

    /// The orders of the current page. Only they are cloned.
    pub fn rows(&self) -> Vec<Row> {
        let window = self.window.get();
        let Some(orders) = self.list.orders() else {
            return Vec::new();
        };
        self.matching.with(|matching| {
            matching[window.start..window.end]
                .iter()
                .map(|&key| Row {
                    key,
                    order: orders[key].clone(),
                })
                .collect()
        })
    }
}

/// What the expiry filter can keep: every order, the expired ones, or those expiring within `expiringDays`.
/// With the status filter, both must hold.
const EXPIRY_CHOICES: [Option<Expiry>; 3] =
    [None, Some(Expiry::Expired), Some(Expiry::ExpiringSoon)];

/// A sort as a number: its column's position in [`Column::ALL`], twice, plus one when descending.
fn sort_position(sort: Sort) -> usize {
    let column = Column::ALL.iter().position(|&c| c == sort.column);
    column.unwrap_or_default() * 2 + usize::from(sort.direction == Direction::Descending)
}

/// The sort at `position` ([`sort_position`]).
fn sort_at(position: usize) -> Sort {
    Sort {
        column: Column::ALL[position / 2 % Column::ALL.len()],
        direction: if position % 2 == 1 {
            Direction::Descending
        } else {
            Direction::Ascending
        },
    }
}

/// What is worked out once per list rather than once per keystroke or per row.
#[derive(PartialEq, Eq)]
struct PerList {
    /// Each order's lower-cased search text ([`model::search_key`]).
    search_keys: Vec<String>,
    /// The moment the list arrived, which every Expires cell and the expiry filter measure against, so all
    /// rows and the filter agree (milliseconds since the epoch, from `Date.now()`).
    now: i64,
}

/// The view over `list`, starting at the configured page size, sorted by expiry.
pub(crate) fn use_table_view(core: WidgetCore, list: OrderList) -> TableView {
    let config = core.config();
    let expiring_days = config.expiring_days;
    let sort = RwSignal::new(sort_position(Sort::default()));
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let expiry = RwSignal::new(0usize);
    let page = RwSignal::new(0usize);
    let page_size = RwSignal::new(config.page_size);
    // Once per list (read first when it arrives); sorting, filtering and paging keep it.
    let per_list = Memo::new(move |_| {
        Arc::new(PerList {
            search_keys: list
                .orders()
                .map(|orders| orders.iter().map(model::search_key).collect())
                .unwrap_or_default(),
            now: js_sys::Date::now() as i64,
        })
    });
    let matching = Memo::new(move |_| {
        let Some(orders) = list.orders() else {
            return Vec::new();
        };
        let per_list = per_list.get();
        let (keys, now) = (&per_list.search_keys, per_list.now);
        let filter = Filter {
            text: text.get(),
            status: status.get(),
        };
        let expiry = EXPIRY_CHOICES.get(expiry.get()).copied().flatten();
        let kept = (0..orders.len())
            .filter(|&i| {
                let order = &orders[i];
                keys.get(i)
                    .is_some_and(|key| filter.matches_with_key(order, key))
                    && expiry.is_none_or(|kept| {
                        expiry::classify(order.expiration_date, now, expiring_days) == kept
                    })
            })
            .collect();
        model::sorted_indices(&orders, kept, sort_at(sort.get()))
    });
    let window = Memo::new(move |_| {
        matching.with(|rows| PageWindow::new(rows.len(), page.get(), page_size.get()))
    });
    TableView {
        sort,
        text,
        status,
        expiry,
        page,
        page_size,
        window,
        matching,
        per_list,
        expiring_days,
        list,
        core,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sort_survives_its_position_in_the_sort_signal() {
        let directions = [Direction::Ascending, Direction::Descending];
        for column in Column::ALL {
            for direction in directions {
                let sort = Sort { column, direction };
                assert_eq!(sort_at(sort_position(sort)), sort);
            }
        }
    }
}
