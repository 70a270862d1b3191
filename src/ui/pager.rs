//! The pager: where the page is in the list, previous and next, and rows per page.

use super::context::WidgetContext;
use super::options::{bind_options, Choices};
use super::template::{bind_flag, bind_text, build, listen, set_attribute, Part};
use crate::model::PAGE_SIZES;
use crate::parts;
use leptos::prelude::*;
use web_sys::Node;

/// The pager's description: its `<div>` with the range, previous and next around "Page 2 of 13", and the
/// rows per page.
const PAGER: [Part; 9] = [
    (0, "div", &[("class", "pager"), ("part", parts::PAGER)], ""),
    (1, "span", &[("class", "range")], ""),
    (1, "nav", &[], ""),
    (2, "button", &[("type", "button"), ("class", "prev")], "‹"),
    (2, "span", &[("class", "page-of")], ""),
    (2, "button", &[("type", "button"), ("class", "next")], "›"),
    (1, "label", &[("class", "page-size")], ""),
    (2, "", &[], ""),
    (2, "select", &[], ""),
];

/// Below the table, into `parent`: "26–50 of 312", ‹ Page 2 of 13 ›, and the page size. Built from
/// [`PAGER`], named in the widget's language, and bound to the table's window.
pub(crate) fn pager(parent: &Node, context: WidgetContext) {
    let t = context.t;
    let Some(nodes) = build(parent, &PAGER) else {
        return;
    };
    let [_, range, nav, previous, page_of, next, _label, size_words, sizes] = &nodes[..] else {
        return;
    };
    set_attribute(nav, "aria-label", t.pagination);
    set_attribute(previous, "aria-label", t.previous_page);
    set_attribute(next, "aria-label", t.next_page);
    size_words.set_text_content(Some(t.page_size_label));
    bind_text(range, context, |c| {
        c.table.window.with(|w| c.t.range(w.start, w.end, w.total))
    });
    bind_flag(previous, "disabled", context, |c| {
        c.table.window.with(|w| w.page == 0)
    });
    listen(previous, "click", context, 0, |c, _, _| {
        c.table.previous_page()
    });
    bind_text(page_of, context, |c| {
        c.table.window.with(|w| c.t.page_of(w.page, w.pages))
    });
    bind_flag(next, "disabled", context, |c| {
        c.table.window.with(|w| w.page + 1 >= w.pages)
    });
    listen(next, "click", context, 0, |c, _, _| c.table.next_page());
    page_size_select(sizes, context);
}

/// Rows per page: one of [`PAGE_SIZES`].
fn page_size_select(select: &Node, context: WidgetContext) {
    bind_options(select, 0, context, |c| -> Choices {
        let sizes = PAGE_SIZES.map(|size| size.to_string()).to_vec();
        (sizes, Some(c.table.page_size().to_string()))
    });
    listen(select, "change", context, 0, |c, _, ev| {
        if let Ok(size) = event_target_value(&ev).parse::<usize>() {
            c.table.set_page_size(size);
        }
    });
}
