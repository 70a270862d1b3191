//! The orders table: sortable headers, one row per order, its cells, the row's Send and details buttons.
//!
//! Below about 560 px of the widget's own width the stylesheet lays each row out as a card; the explicit
//! table roles keep the table's semantics for screen readers when the cells are no longer `display:
//! table-cell`, and each cell's `data-label` is its visible label there.

use super::context::WidgetContext;
use super::details::{details_row, details_toggle, retry_details, toggle_details};
use super::expiry_cell::fill_expiry_cell;
use super::template::{
    append, bind, build, insert_before, listen, set_attribute, set_attribute_value, Part,
};
use super::use_table_view::Row;
use crate::a11y;
use crate::keyed;
use crate::model::{Column, Direction, Order};
use crate::parts;
use crate::resend::ResendTarget;
use leptos::prelude::*;
use row_template::{Piece, RowTemplate};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlElement, Node};

pub(super) mod row_template;

/// The table's description: its scrolling wrapper, the table, its caption, and its head's row, which gets
/// a [`SORTABLE_HEADER`] per column and the [`PLAIN_HEADERS`]; the body's rows are kept by [`keep_rows`].
const TABLE: [Part; 6] = [
    (
        0,
        "div",
        &[("class", "table-wrap"), ("part", parts::TABLE_WRAP)],
        "",
    ),
    (1, "table", &[("part", parts::TABLE), ("role", "table")], ""),
    (2, "caption", &[], ""),
    (
        2,
        "thead",
        &[("part", parts::HEADER), ("role", "rowgroup")],
        "",
    ),
    (3, "tr", &[("role", "row")], ""),
    (2, "tbody", &[("role", "rowgroup")], ""),
];

/// A column header that sorts by its column: its button with the column's name and the arrow.
const SORTABLE_HEADER: [Part; 4] = [
    (0, "th", &[("scope", "col"), ("role", "columnheader")], ""),
    (1, "button", &[("type", "button"), ("class", "sort")], ""),
    (2, "", &[], ""),
    (
        2,
        "span",
        &[("class", "arrow"), ("aria-hidden", "true")],
        "",
    ),
];

/// The headers of Email and Details, which do not sort.
const PLAIN_HEADERS: [Part; 2] = [
    (0, "th", &[("scope", "col"), ("role", "columnheader")], ""),
    (0, "th", &[("scope", "col"), ("role", "columnheader")], ""),
];

/// The table of the current page, into `parent`, built from [`TABLE`]: a focused control scrolls into
/// view inside the wrapper.
pub(crate) fn orders_table(parent: &Node, context: WidgetContext) {
    let t = context.t;
    let Some(nodes) = build(parent, &TABLE) else {
        return;
    };
    let [wrap, _, caption, _, head_row, tbody] = &nodes[..] else {
        return;
    };
    listen(wrap, "focusin", context, 0, |_, _, ev| {
        a11y::reveal_focused(ev.unchecked_ref())
    });
    caption.set_text_content(Some(t.caption));
    sortable_headers(head_row, context);
    if let Some([email, details]) = build(head_row, &PLAIN_HEADERS).as_deref() {
        email.set_text_content(Some(t.email_column));
        details.set_text_content(Some(t.details));
    }
    // One listener for every row's buttons, as the vanilla twin does: rows come and go with each page,
    // sort and filter, and a listener per button was a closure made and dropped per row. The rows, and
    // the one that says when the filters leave none, are kept by `keep_rows`.
    listen(tbody, "click", context, 0, on_row_button);
    keep_rows(tbody.clone().unchecked_into(), context);
}

/// Marks the key of an order's details row: the order's own key with the top bit set.
const DETAILS_KEY: usize = 1 << (usize::BITS - 1);

/// The rows of the current page, each open one followed by its details.
fn body_rows(c: &WidgetContext) -> Vec<Row> {
    let rows = c.table.rows();
    let mut body = Vec::with_capacity(rows.len() + 1);
    for row in rows {
        let open = row.order.id.is_some_and(|id| c.details.is_open(id));
        let details = open.then(|| Row {
            key: row.key | DETAILS_KEY,
            order: row.order.clone(),
        });
        body.push(row);
        body.extend(details);
    }
    body
}

/// A row the table body shows: its key ([`body_rows`]), its `<tr>`, an order row's "sent at" note, and
/// a details row's owner (of its region's effect), dropped with it.
struct ShownRow {
    key: usize,
    node: Node,
    /// An order row's "sent at" note, when it has a Send button.
    note: Option<SentNote>,
    /// A details row's: the owner of its region's effect.
    _owner: Option<Owner>,
}

/// A row's "sent at" note: the order it is about, its `<span>`, and the time it shows.
struct SentNote {
    order_id: u64,
    node: Node,
    time: Option<String>,
}

impl SentNote {
    /// Shows the order's latest confirmed resend, if it changed. Reads the resend state (tracked).
    fn update(&mut self, context: &WidgetContext) {
        let time = context.resend.sent_note(self.order_id);
        if time != self.time {
            let text = time.as_ref().map(|time| context.t.sent_at(time));
            self.node.set_text_content(text.as_deref());
            self.time = time;
        }
    }
}

/// Keeps the `tbody`'s rows: one binding ([`bind`]) follows [`body_rows`],
/// keyed by position in the loaded list (stable across sorts and filters; the table is rebuilt on every
/// load anyway), as a `<For>` would. A row stays the same element while it is on the page, so its focus
/// and its note stay; a new one is built from the row template; a row that leaves is removed with its
/// reactive parts; a kept row moves only when a row before it left its order; when no row stays, one
/// call replaces them all. An open order's details follow its row as an item of their own, so a closed
/// order costs no details state at all. The same effect writes the rows' "sent at" notes, as the vanilla
/// twin does: one effect for the body rather than one per row.
fn keep_rows(tbody: Element, context: WidgetContext) {
    let (Some(template), Some(parent)) = (RowTemplate::of(context.lang), Owner::current()) else {
        return;
    };
    let mut shown: Vec<ShownRow> = Vec::new();
    bind(move || {
        let wanted = body_rows(&context);
        let mut old: Vec<Option<ShownRow>> =
            std::mem::take(&mut shown).into_iter().map(Some).collect();
        // Each wanted row with its place among the old ones, if it was shown.
        let mut next: Vec<(ShownRow, Option<usize>)> = Vec::with_capacity(wanted.len());
        untrack(|| {
            for row in wanted {
                match old
                    .iter()
                    .position(|o| o.as_ref().is_some_and(|o| o.key == row.key))
                {
                    Some(at) => next.extend(old[at].take().map(|kept| (kept, Some(at)))),
                    None => next
                        .extend(shown_row(context, template, &parent, row).map(|new| (new, None))),
                }
            }
        });
        if next.iter().all(|(_, at)| at.is_none()) {
            // No row stays (a new page, a new filter): one call replaces them all, as the twin does; with
            // no row at all, the row that says the filters leave none.
            let rows = js_sys::Array::new();
            for (row, _) in &next {
                rows.push(&row.node);
            }
            if let Some(no_match) = next
                .is_empty()
                .then(|| template.copy(Piece::NoMatch))
                .flatten()
            {
                rows.push(&no_match);
            }
            tbody.replace_children_with_node(&rows);
        } else {
            for gone in old.iter().flatten() {
                gone.node.unchecked_ref::<Element>().remove();
            }
            place(&tbody, &next, old.len());
        }
        shown = next.into_iter().map(|(row, _)| row).collect();
        for note in shown.iter_mut().filter_map(|row| row.note.as_mut()) {
            note.update(&context);
        }
    });
}

/// Puts the `rows` into `body` in their order, each with its place among `old_count` old rows if it was
/// shown, moving as few as it simply can ([`keyed::insertions`]).
fn place(body: &Element, rows: &[(ShownRow, Option<usize>)], old_count: usize) {
    let places: Vec<Option<usize>> = rows.iter().map(|(_, at)| *at).collect();
    for (index, before) in keyed::insertions(&places, old_count) {
        let before = before.map(|before| &rows[before].0.node);
        insert_before(body, &rows[index].0.node, before);
    }
}

/// An item of [`body_rows`] built for the body: an order's row, or its details, under an owner of its own.
fn shown_row(
    context: WidgetContext,
    template: &'static RowTemplate,
    parent: &Owner,
    row: Row,
) -> Option<ShownRow> {
    let name = context.t.order_name(&row.order);
    let (node, note, owner) = match row.order.id.filter(|_| row.key & DETAILS_KEY != 0) {
        Some(id) => {
            let owner = parent.with(Owner::new);
            let node = owner.with(|| details_row(context, template, id, &name, row.order))?;
            (node, None, Some(owner))
        }
        None => {
            let (node, note) = order_row(context, template, &row.order, &name)?;
            (node, note, None)
        }
    };
    Some(ShownRow {
        key: row.key,
        node,
        note,
        _owner: owner,
    })
}

/// A click in the table body: a row's Send button opens the popup for its order, a row's details button
/// shows or hides its details, a details region's Retry asks for them again. The row names its order in
/// `data-order-id`; a details row follows its order's row.
fn on_row_button(c: &WidgetContext, _: u64, ev: Event) {
    let Some(button) = ev
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|target| {
            target
                .closest(".send, .details-toggle, .retry")
                .ok()
                .flatten()
        })
    else {
        return;
    };
    let id = button
        .closest("tr")
        .ok()
        .flatten()
        .and_then(|row| match row.get_attribute("data-order-id") {
            None => row
                .previous_element_sibling()?
                .get_attribute("data-order-id"),
            id => id,
        })
        .and_then(|id| id.parse::<u64>().ok());
    let Some(id) = id else {
        return;
    };
    if button.matches(".send").unwrap_or(false) {
        // The order is looked up again by its id (the loaded list holds it while the row shows).
        let target = c.list.orders().and_then(|orders| {
            let order = orders.iter().find(|order| order.resend_id() == Some(id))?;
            ResendTarget::for_order(&c.config().email_policy, c.t, order)
        });
        if let Some(target) = target {
            c.resend.open(target, button.dyn_into::<HtmlElement>().ok());
        }
    } else if button.matches(".retry").unwrap_or(false) {
        retry_details(c, id, &button);
    } else {
        toggle_details(c, id, &button);
    }
}

/// The column headers that sort, into the head's `row`, one per column of [`Column::ALL`] from
/// [`SORTABLE_HEADER`]: each sorts by its column on a click and says so aloud, and one binding for all
/// of them tells which way in the sorted column's `aria-sort` and arrows.
fn sortable_headers(row: &Node, context: WidgetContext) {
    let mut headers = Vec::with_capacity(Column::ALL.len());
    for (position, column) in Column::ALL.into_iter().enumerate() {
        let nodes = build(row, &SORTABLE_HEADER);
        let Some([header, button, name, arrow]) = nodes.as_deref() else {
            return;
        };
        name.set_text_content(Some(context.t.column(column)));
        // The column by its position in `Column::ALL`, the key the handler takes.
        listen(
            button,
            "click",
            context,
            position as u64,
            |c, position, _| {
                let column = column_at(position);
                let next = c.table.sort_by(column);
                let ascending = next.direction == Direction::Ascending;
                c.announcer.announce(c.t.sorted_by(column, ascending));
            },
        );
        headers.push((column, header.clone(), arrow.clone()));
    }
    bind(move || {
        let sort = context.table.sort();
        for (column, header, arrow) in &headers {
            let sorted = (sort.column == *column).then_some(sort.direction);
            match sorted {
                Some(direction) => set_attribute(header, "aria-sort", direction.aria()),
                // Our own header and a fixed name: it cannot throw.
                None => drop(
                    header
                        .unchecked_ref::<Element>()
                        .remove_attribute("aria-sort"),
                ),
            }
            arrow.set_text_content(Some(match sorted {
                None => "↕",
                Some(Direction::Ascending) => "▲",
                Some(Direction::Descending) => "▼",
            }));
        }
    });
}

/// The column at `position` in [`Column::ALL`].
fn column_at(position: u64) -> Column {
    Column::ALL[position as usize % Column::ALL.len()]
}

/// One order's row, from the language's [`RowTemplate`]: its id in `data-order-id`; its common name
/// heads it; its cells, its Send button and its details button. `name` is how the order is named
/// ([`crate::i18n::Messages::order_name`]).
fn order_row(
    context: WidgetContext,
    template: &RowTemplate,
    order: &Order,
    name: &str,
) -> Option<(Node, Option<SentNote>)> {
    let row = template.copy(Piece::Row)?;
    if let Some(id) = order.id {
        // The browser writes the number: no formatting code in the bundle for it.
        set_attribute_value(&row, "data-order-id", &JsValue::from(id));
    }
    let note = fill_cells(context, template, &row, order, name)?;
    Some((row, note))
}

/// Gives the `row`'s cells (name, type, status, ordered, expires, email, details) `order`'s values;
/// returns the row's "sent at" note, if it has a Send button.
fn fill_cells(
    context: WidgetContext,
    template: &RowTemplate,
    row: &Node,
    order: &Order,
    name: &str,
) -> Option<Option<SentNote>> {
    let common_name = row.first_child()?;
    template.put_text(
        &common_name,
        order.common_name.as_deref(),
        Piece::NotAvailable,
    );
    let kind = common_name.next_sibling()?;
    template.put_text(
        &kind,
        order.certificate_type.as_deref(),
        Piece::NotAvailable,
    );
    let status = kind.next_sibling()?;
    if let Some(description) = &order.status_description {
        set_attribute(&status, "title", description);
    }
    template.put_text(&status, order.status_name.as_deref(), Piece::NotAvailable);
    let ordered = status.next_sibling()?;
    template.put_date(&ordered, order.create_date, Piece::NotAvailable);
    let expires = ordered.next_sibling()?;
    fill_expiry_cell(&context, template, &expires, order.expiration_date);
    let email = expires.next_sibling()?;
    let note = fill_send_cell(context, template, &email, order, name);
    // Details are asked for by the order's id: an order without one has none.
    if let Some(id) = order.id {
        let details = email.next_sibling()?;
        append(&details, details_toggle(&context, template, id, name));
    }
    Some(note)
}

/// Fills the Email `cell`: a Send button when the order's status allows an email, and its "sent at"
/// note, which the body's effect keeps ([`SentNote`]). `name` is how the order is named
/// ([`crate::i18n::Messages::order_name`]).
fn fill_send_cell(
    context: WidgetContext,
    template: &RowTemplate,
    cell: &Node,
    order: &Order,
    name: &str,
) -> Option<SentNote> {
    let Some((order_id, email)) = context.config().email_policy.sendable(order) else {
        append(cell, template.copy(Piece::NoEmail));
        return None;
    };
    let pair = template.copy(Piece::Send)?;
    set_attribute(
        &pair.first_child()?,
        "aria-label",
        &context.t.send_label(email, name),
    );
    let node = pair.last_child()?;
    append(cell, Some(pair));
    Some(SentNote {
        order_id,
        node,
        time: None,
    })
}
