//! The pager: where the page is in the list, previous and next, and rows per page.

use super::context::{handler, reactive, use_widget};
use super::options::options;
use crate::model::PAGE_SIZES;
use crate::parts;
use leptos::prelude::*;

/// Below the table: "26–50 of 312", ‹ Page 2 of 13 ›, and the page size.
#[component]
pub(crate) fn Pager() -> impl IntoView {
    let widget = use_widget();
    let t = widget.t;
    view! {
        <div class="pager" part=parts::PAGER>
            <span class="range">{reactive(widget, 0, |c, _| c.table.window.with(|w| c.t.range(w.start, w.end, w.total)))}</span>
            <nav aria-label=t.pagination>
                <button type="button" class="prev" aria-label=t.previous_page
                    disabled=reactive(widget, 0, |c, _| c.table.window.with(|w| w.page == 0))
                    on:click=handler(widget, 0, |c, _, _| c.table.previous_page())>"‹"</button>
                <span class="page-of">{reactive(widget, 0, |c, _| c.table.window.with(|w| c.t.page_of(w.page, w.pages)))}</span>
                <button type="button" class="next" aria-label=t.next_page
                    disabled=reactive(widget, 0, |c, _| c.table.window.with(|w| w.page + 1 >= w.pages))
                    on:click=handler(widget, 0, |c, _, _| c.table.next_page())>"›"</button>
            </nav>
            <PageSizeSelect/>
        </div>
    }
}

/// Rows per page: one of [`PAGE_SIZES`].
#[component]
fn PageSizeSelect() -> impl IntoView {
    let widget = use_widget();
    let t = widget.t;
    let sizes = move || {
        let chosen = widget.table.page_size().to_string();
        options(
            PAGE_SIZES.map(|size| size.to_string()).to_vec(),
            Some(&chosen),
        )
    };
    view! {
        <label class="page-size">
            {t.page_size_label}
            <select on:change=handler(widget, 0, |c, _, ev| {
                if let Ok(size) = event_target_value(&ev).parse::<usize>() {
                    c.table.set_page_size(size);
                }
            })>{sizes}</select>
        </label>
    }
}
