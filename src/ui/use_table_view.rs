//! `use_table_view`: sort, filters and paging over the loaded list, and the rows of the current page.

use super::use_order_list::OrderList;
use crate::model::{self, Column, Filter, Order, PageWindow, Sort};
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
    sort: RwSignal<Sort>,
    text: RwSignal<String>,
    status: RwSignal<Option<String>>,
    page: RwSignal<usize>,
    page_size: RwSignal<usize>,
    /// The current page: which rows, of how many.
    pub window: Memo<PageWindow>,
    /// Positions in the loaded list that pass the filters, in sort order.
    matching: Memo<Vec<usize>>,
    list: OrderList,
}

impl TableView {
    pub fn sort(&self) -> Sort {
        self.sort.get()
    }

    pub fn text(&self) -> String {
        self.text.get()
    }

    pub fn status(&self) -> Option<String> {
        self.status.get()
    }

    pub fn page_size(&self) -> usize {
        self.page_size.get()
    }

    /// A header click: sorts by `column`, or flips the direction; returns the new sort.
    pub fn sort_by(&self, column: Column) -> Sort {
        let next = self.sort.get_untracked().toggled(column);
        self.refine(self.sort, next);
        next
    }

    pub fn filter_text(&self, text: String) {
        self.refine(self.text, text);
    }

    /// `None`: every status.
    pub fn filter_status(&self, status: Option<String>) {
        self.refine(self.status, status);
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

/// The view over `list`, starting at `page_size` rows a page, sorted by expiry.
pub(crate) fn use_table_view(list: OrderList, page_size: usize) -> TableView {
    let sort = RwSignal::new(Sort::default());
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let page = RwSignal::new(0usize);
    let page_size = RwSignal::new(page_size);

    // Lower-cased search text per order, computed once per load rather than once per keystroke.
    let search_keys = Memo::new(move |_| {
        Arc::new(
            list.orders()
                .map(|orders| orders.iter().map(model::search_key).collect::<Vec<_>>())
                .unwrap_or_default(),
        )
    });
    let matching = Memo::new(move |_| {
        let Some(orders) = list.orders() else {
            return Vec::new();
        };
        let keys = search_keys.get();
        let filter = Filter {
            text: text.get(),
            status: status.get(),
        };
        let kept = (0..orders.len())
            .filter(|&i| {
                keys.get(i)
                    .is_some_and(|key| filter.matches_with_key(&orders[i], key))
            })
            .collect();
        model::sorted_indices(&orders, kept, sort.get())
    });
    let window = Memo::new(move |_| {
        matching.with(|rows| PageWindow::new(rows.len(), page.get(), page_size.get()))
    });
    TableView {
        sort,
        text,
        status,
        page,
        page_size,
        window,
        matching,
        list,
    }
}
