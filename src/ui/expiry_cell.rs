//! The Expires cell: the date, how far it is from now ("in 12 days"), and a word for an expired or
//! expiring-soon order, in text rather than colour alone.

use super::context::WidgetContext;
use super::table::date_cell;
use crate::expiry::{self, Expiry};
use crate::model::Timestamp;
use crate::parts;
use leptos::prelude::*;

/// An order's expiry, measured against the list's one "now": the date, the span and the word. A plain
/// function of the row, like the row's other cells.
pub(super) fn expiry_cell(context: WidgetContext, date: Option<Timestamp>) -> impl IntoView {
    let (t, table) = (context.t, context.table);
    let now = table.now();
    let span = date.map(|moment| context.format_span(expiry::relative_span(moment.epoch_ms, now)));
    let word = match expiry::classify(date, now, table.expiring_days) {
        Expiry::Expired => Some(("expiry-status expired", t.expired)),
        Expiry::ExpiringSoon => Some(("expiry-status expiring", t.expiring_soon)),
        Expiry::Valid | Expiry::NeverIssued => None,
    };
    view! {
        {date_cell(context, date, t.missing_date)}
        {span.map(|span| view! { <span class="relative">{span}</span> })}
        {word.map(|(class, word)| view! { <strong class=class part=parts::EXPIRY_STATUS>{word}</strong> })}
    }
}
