//! The toolbar: text filter, status and expiry filters, Refresh and the CSV export.

use super::context::WidgetContext;
use super::options::{bind_options, Choices};
use super::template::{bind_flag, bind_value, build, listen, set_attribute, Part};
use crate::expiry::Expiry;
use crate::model;
use crate::parts;
use leptos::prelude::*;
use web_sys::Node;

/// The toolbar's description: its `<div>` and its controls, each field a label and its control: the text
/// filter, the status and expiry filters (the status filter's options after "All statuses" follow the
/// list), Refresh and Export.
const TOOLBAR: [Part; 16] = [
    (
        0,
        "div",
        &[("class", "toolbar"), ("part", parts::TOOLBAR)],
        "",
    ),
    (1, "span", &[("class", "field filter-field")], ""),
    (2, "label", &[], ""),
    (
        2,
        "input",
        &[("type", "search"), ("part", parts::FILTER)],
        "",
    ),
    (1, "span", &[("class", "field")], ""),
    (2, "label", &[], ""),
    (2, "select", &[("part", parts::STATUS_FILTER)], ""),
    (3, "option", &[("value", "")], ""),
    (1, "span", &[("class", "field")], ""),
    (2, "label", &[], ""),
    (2, "select", &[("part", parts::EXPIRY_FILTER)], ""),
    (3, "option", &[("value", "")], ""),
    (3, "option", &[("value", "expired")], ""),
    (3, "option", &[("value", "expiring")], ""),
    (
        1,
        "button",
        &[
            ("type", "button"),
            ("class", "refresh"),
            ("part", parts::REFRESH),
        ],
        "",
    ),
    (
        1,
        "button",
        &[
            ("type", "button"),
            ("class", "export"),
            ("part", parts::EXPORT),
        ],
        "",
    ),
];

/// The controls above the table, into `parent`: built from [`TOOLBAR`], named in the widget's language and
/// each bound to the table's view.
pub(crate) fn toolbar(parent: &Node, context: WidgetContext) {
    let Some(nodes) = build(parent, &TOOLBAR) else {
        return;
    };
    let [_, _, filter_label, filter, _, status_label, status, all_statuses, _, expiry_label, expiry, any_expiry, expired, expiring, refresh, export] =
        &nodes[..]
    else {
        return;
    };
    let t = context.t;
    let words = [
        (filter_label, t.filter_label),
        (status_label, t.status_filter_label),
        (all_statuses, t.all_statuses),
        (expiry_label, t.expiry_filter_label),
        (any_expiry, t.any_expiry),
        (expired, t.expired),
        (refresh, t.refresh),
        (export, t.export_csv),
    ];
    for (node, words) in words {
        node.set_text_content(Some(words));
    }
    for (label, control, name) in [
        (filter_label, filter, "filter"),
        (status_label, status, "status"),
        (expiry_label, expiry, "expiry"),
    ] {
        let id = context.id(name);
        set_attribute(label, "for", &id);
        set_attribute(control, "id", &id);
    }
    filter_field(context, filter);
    status_filter(context, status, all_statuses);
    expiry_filter(context, expiry, expiring);
    // Refresh loads the list again.
    listen(refresh, "click", context, 0, |c, _, _| c.list.reload());
    export_button(context, export);
}

/// A search box over common names and approver emails.
fn filter_field(context: WidgetContext, input: &Node) {
    set_attribute(input, "placeholder", context.t.filter_placeholder);
    bind_value(input, context, |c| c.table.text());
    listen(input, "input", context, 0, |c, _, ev| {
        c.table.filter_text(event_target_value(&ev))
    });
}

/// Keeps one status: the API's list of statuses, plus any other name the loaded orders carry, after "All
/// statuses" (`all`).
fn status_filter(context: WidgetContext, select: &Node, all: &Node) {
    bind_flag(all, "selected", context, |c| c.table.status().is_none());
    // One binding for the names and the choice: a new choice updates the options in place, which only
    // moves `selected` (texts and values stay equal).
    bind_options(select, 1, context, |c| -> Choices {
        let orders = c.list.orders().unwrap_or_default();
        let names = c.list.with_statuses(|known| {
            model::status_choices(known.iter().map(|s| s.name.as_str()), &orders)
        });
        (names, c.table.status())
    });
    listen(select, "change", context, 0, |c, _, ev| {
        let value = event_target_value(&ev);
        c.table.filter_status((!value.is_empty()).then_some(value));
    });
}

/// Keeps expired orders, or those expiring within `expiringDays` (its `expiring` option says how many);
/// applies together with the status filter (both must hold), so "Complete" and "Expiring within 30 days"
/// lists the certificates to renew.
fn expiry_filter(context: WidgetContext, select: &Node, expiring: &Node) {
    let days = context.table.expiring_days;
    expiring.set_text_content(Some(&context.t.expiring_within(days)));
    listen(select, "change", context, 0, |c, _, ev| {
        c.table
            .filter_expiry(match event_target_value(&ev).as_str() {
                "expired" => Some(Expiry::Expired),
                "expiring" => Some(Expiry::ExpiringSoon),
                _ => None,
            });
    });
}

/// Saves the filtered, sorted list, every page of it, as `ssl-orders.csv`. Disabled while no order
/// passes the filters (or none is loaded).
fn export_button(context: WidgetContext, button: &Node) {
    bind_flag(button, "disabled", context, |c| {
        c.table.window.with(|w| w.total == 0)
    });
    listen(button, "click", context, 0, |c, _, _| c.table.export());
}
