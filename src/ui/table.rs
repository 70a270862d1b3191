//! The orders table: sortable headers, one row per order, its cells, the row's Send and details buttons.
//!
//! Below about 560 px of the widget's own width the stylesheet lays each row out as a card; the explicit
//! table roles keep the table's semantics for screen readers when the cells are no longer `display:
//! table-cell`, and each cell's `data-label` is its visible label there.

use super::context::{flag, handler, reactive, use_widget, WidgetContext};
use super::details::{DetailsToggle, OrderDetails};
use super::expiry_cell::ExpiryCell;
use super::format::iso;
use super::use_table_view::Row;
use crate::a11y;
use crate::i18n::{Lang, Messages};
use crate::model::{Column, Direction, Order, Timestamp};
use crate::parts;
use crate::resend::ResendTarget;
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Columns in the table: the sortable data columns, the Email column and the Details column.
const COLUMN_COUNT: usize = Column::ALL.len() + 2;

/// The table of the current page, with a row that says so when the filters leave none.
#[component]
pub(crate) fn OrdersTable() -> impl IntoView {
    let widget = use_widget();
    let (t, table) = (widget.t, widget.table);
    let no_match = flag(widget, 0, |c, _| c.table.window.with(|w| w.total == 0));
    view! {
        <div class="table-wrap" part=parts::TABLE_WRAP on:focusin=|ev| a11y::reveal_focused(&ev)>
            <table part=parts::TABLE role="table">
                <caption>{t.caption}</caption>
                <thead part=parts::HEADER role="rowgroup">
                    <tr role="row">
                        {Column::ALL.into_iter().map(|column| view! { <SortableHeader column/> }).collect_view()}
                        <th scope="col" role="columnheader">{t.email_column}</th>
                        <th scope="col" role="columnheader">{t.details}</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {move || no_match.get().then(|| view! {
                        <tr role="row"><td colspan=COLUMN_COUNT class="no-match" role="cell">{t.no_match}</td></tr>
                    })}
                    // Keyed by position in the loaded list: stable across sorts and filters, and the table is
                    // rebuilt on every load anyway.
                    <For each=move || table.rows() key=|row: &Row| row.key
                        children=|row: Row| view! { <OrderRow order=row.order/> } />
                </tbody>
            </table>
        </div>
    }
}

/// A column header that sorts by its column, tells which way with `aria-sort` and says so aloud.
#[component]
fn SortableHeader(
    /// The column this header names and sorts.
    column: Column,
) -> impl IntoView {
    let context = use_widget();
    let t = context.t;
    // The column by its position in `Column::ALL`, the key every reactive value and handler takes.
    let position = Column::ALL
        .iter()
        .position(|&c| c == column)
        .unwrap_or_default() as u64;
    let aria_sort = reactive(context, position, |c, position| {
        let sort = c.table.sort();
        (sort.column == column_at(position)).then(|| sort.direction.aria())
    });
    let arrow = reactive(context, position, |c, position| {
        let sort = c.table.sort();
        match (sort.column == column_at(position), sort.direction) {
            (false, _) => "↕",
            (true, Direction::Ascending) => "▲",
            (true, Direction::Descending) => "▼",
        }
    });
    let on_click = handler(context, position, |c, position, _| {
        let column = column_at(position);
        let next = c.table.sort_by(column);
        let ascending = next.direction == Direction::Ascending;
        c.announcer.announce(c.t.sorted_by(column, ascending));
    });
    view! {
        <th scope="col" role="columnheader" aria-sort=aria_sort>
            <button type="button" class="sort" on:click=on_click>
                {t.column(column)}
                <span class="arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// The column at `position` in [`Column::ALL`].
fn column_at(position: u64) -> Column {
    Column::ALL[position as usize % Column::ALL.len()]
}

/// One order: its common name heads the row; its details, while open, follow in a row of their own.
#[component]
fn OrderRow(
    /// The order this row shows.
    order: Order,
) -> impl IntoView {
    let t = use_widget().t;
    // Details are asked for by the order's id: an order without one has none.
    let name = display_name(t, &order);
    let toggle = order
        .id
        .map(|id| view! { <DetailsToggle id name=name.clone()/> });
    let details_row = order
        .id
        .map(|id| view! { <OrderDetails id name order=order.clone() columns=COLUMN_COUNT/> });
    let Order {
        id,
        common_name,
        certificate_type,
        status_name,
        status_description,
        create_date,
        expiration_date,
        ..
    } = order.clone();
    let label = |column| t.column(column);
    view! {
        <tr part=parts::ROW role="row" data-order-id=id.map(|id| id.to_string())>
            <th scope="row" role="rowheader" class="name"><TextCell value=common_name/></th>
            <td role="cell" data-label=label(Column::CertificateType)><TextCell value=certificate_type/></td>
            <td role="cell" data-label=label(Column::Status) title=status_description><TextCell value=status_name/></td>
            <td role="cell" data-label=label(Column::Ordered)><DateCell date=create_date absent=t.not_available/></td>
            <td role="cell" class="expires" data-label=label(Column::Expires)><ExpiryCell date=expiration_date/></td>
            <td role="cell" class="action"><SendCell order/></td>
            <td role="cell" class="details-cell">{toggle}</td>
        </tr>
        {details_row}
    }
}

/// How an order is named in labels and sentences: its common name, or "order 40001" without one.
fn display_name(t: &Messages, order: &Order) -> String {
    match (&order.common_name, order.id) {
        (Some(name), _) if !name.trim().is_empty() => name.clone(),
        (_, Some(id)) => t.unnamed_order(id),
        _ => String::new(),
    }
}

/// The Email cell: a Send button when the order's status allows an email, and the "sent at" note.
#[component]
fn SendCell(
    /// The row's order.
    order: Order,
) -> impl IntoView {
    let context = use_widget();
    let t = context.t;
    let Some(target) = resend_target(&context, &order) else {
        return Either::Right(view! { <MissingValue words=t.no_email/> });
    };
    let label = t.send_label(target.email, &target.common_name);
    let order_id = target.order_id;
    // The order is looked up again by its id on click (the loaded list holds it while the row shows), so
    // the handler is the widget's one click-handler type.
    let on_send = handler(
        context,
        order_id,
        |c, order_id, ev: leptos::ev::MouseEvent| {
            let target = c.list.orders().and_then(|orders| {
                let order = orders
                    .iter()
                    .find(|order| order.resend_id() == Some(order_id))?;
                resend_target(c, order)
            });
            let button = ev
                .current_target()
                .and_then(|target| target.dyn_into::<HtmlElement>().ok());
            if let Some(target) = target {
                c.resend.open(target, button);
            }
        },
    );
    let note = reactive(context, order_id, |c, order_id| {
        c.resend.sent_note(order_id).map(|time| c.t.sent_at(&time))
    });
    Either::Left(view! {
        <button type="button" class="send" part=parts::SEND_BUTTON aria-label=label on:click=on_send>{t.send}</button>
        <span class="sent-note">{note}</span>
    })
}

/// What the popup says for `order`, when it can be sent an email: its status allows one, it has an id
/// the API can take and a recipient. An order without a common name is still named in labels and
/// sentences ("order 40001").
fn resend_target(context: &WidgetContext, order: &Order) -> Option<ResendTarget> {
    Some(ResendTarget {
        order_id: order.resend_id()?,
        email: context.config().email_policy.email_for(order)?,
        recipient: order.approver_email.clone()?,
        common_name: display_name(context.t, order),
    })
}

/// A date as `<time>`, in the widget's locale; `absent` is what a screen reader hears when there is none.
#[component]
pub(crate) fn DateCell(
    /// The date, if the API gave one.
    date: Option<Timestamp>,
    /// Words for a missing date ("Not issued").
    absent: &'static str,
) -> impl IntoView {
    let context = use_widget();
    match date {
        Some(date) => {
            Either::Left(view! { <time datetime=iso(date)>{context.format_date(date)}</time> })
        }
        None => Either::Right(view! { <MissingValue words=absent/> }),
    }
}

/// Text from the API, always as text; "Not available" when absent.
#[component]
pub(crate) fn TextCell(
    /// The value, if the API gave one.
    value: Option<String>,
) -> impl IntoView {
    text_or_missing(value, Some("cell-text"), use_widget().t.not_available)
}

/// A value as text in a `<span>` (of `class`, if any), or the [`MissingValue`] `absent` words. One plain
/// function for the table's text cells and the details' values: one view type, built once in the bundle.
pub(crate) fn text_or_missing(
    value: Option<String>,
    class: Option<&'static str>,
    absent: &'static str,
) -> impl IntoView {
    match value {
        Some(value) => Either::Left(view! { <span class=class>{value}</span> }),
        None => Either::Right(view! { <MissingValue words=absent/> }),
    }
}

/// An absent value: a dash for the eye, words for a screen reader.
#[component]
pub(crate) fn MissingValue(
    /// What a screen reader says instead of the dash.
    words: &'static str,
) -> impl IntoView {
    let dash = Lang::En.messages().missing_value;
    view! {
        <span aria-hidden="true">{dash}</span>
        <span class="visually-hidden">{words}</span>
    }
}
