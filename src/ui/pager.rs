//! The pager: where the page is in the list, previous and next, and rows per page.

use super::context::{use_widget, WidgetContext};
use super::options::{bind_options, Choices};
use super::template::{bind_flag, bind_text, build, listen, set_attribute, Part};
use crate::model::PAGE_SIZES;
use crate::parts;
use leptos::prelude::*;
use web_sys::Node;

/// Below the table: "26–50 of 312", ‹ Page 2 of 13 ›, and the page size. Its controls are built by
/// [`pager_controls`].
#[component]
pub(crate) fn Pager() -> impl IntoView {
    let widget = use_widget();
    view! { <div class="pager" part=parts::PAGER use:pager_controls=widget></div> }
}

/// The pager's controls: the range, previous and next around "Page 2 of 13", and the rows per page.
const CONTROLS: &[Part] = &[
    (0, "span", &[("class", "range")], ""),
    (0, "nav", &[], ""),
    (1, "button", &[("type", "button"), ("class", "prev")], "‹"),
    (1, "span", &[("class", "page-of")], ""),
    (1, "button", &[("type", "button"), ("class", "next")], "›"),
    (0, "label", &[("class", "page-size")], ""),
    (1, "", &[], ""),
    (1, "select", &[], ""),
];

/// Builds the pager's [`CONTROLS`] (a `use:` directive of the pager), names them in the widget's
/// language, and binds them to the table's window.
fn pager_controls(pager: web_sys::Element, context: WidgetContext) {
    let t = context.t;
    let Some(nodes) = build(&pager, CONTROLS) else {
        return;
    };
    let [range, nav, previous, page_of, next, _label, size_words, sizes] = &nodes[..] else {
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
