//! The Expires cell: the date, how far it is from now ("in 12 days"), and a word for an expired or
//! expiring-soon order, in text rather than colour alone.

use super::context::WidgetContext;
use super::table::row_template::{Piece, RowTemplate};
use super::template::{append, set_text};
use crate::expiry::{self, Expiry};
use crate::model::Timestamp;
use web_sys::Node;

/// Fills an order's Expires `cell`, measured against the list's one "now": the date, the span and the
/// word, from the row's `template`.
pub(super) fn fill_expiry_cell(
    context: &WidgetContext,
    template: &RowTemplate,
    cell: &Node,
    date: Option<Timestamp>,
) {
    let table = context.table;
    let now = table.now();
    template.put_date(cell, date, Piece::MissingDate);
    if let Some(moment) = date {
        let span = template
            .dates
            .relative_js(expiry::relative_span(moment.epoch_ms, now));
        append(
            cell,
            template
                .copy(Piece::Relative)
                .inspect(|relative| set_text(relative, &span)),
        );
    }
    let word = match expiry::classify(date, now, table.expiring_days) {
        Expiry::Expired => Some(Piece::Expired),
        Expiry::ExpiringSoon => Some(Piece::Expiring),
        Expiry::Valid | Expiry::NeverIssued => None,
    };
    append(cell, word.and_then(|word| template.copy(word)));
}
