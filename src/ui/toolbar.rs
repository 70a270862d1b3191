//! The toolbar: text filter, status and expiry filters, Refresh and the CSV export.

use super::context::{handler, reactive, use_widget};
use super::options::options;
use crate::expiry::Expiry;
use crate::model;
use crate::parts;
use leptos::prelude::*;

/// The controls above the table.
#[component]
pub(crate) fn Toolbar() -> impl IntoView {
    view! {
        <div class="toolbar" part=parts::TOOLBAR>
            <FilterField/>
            <StatusFilter/>
            <ExpiryFilter/>
            <RefreshButton/>
            <ExportButton/>
        </div>
    }
}

/// A search box over common names and approver emails.
#[component]
fn FilterField() -> impl IntoView {
    let context = use_widget();
    let (t, id) = (context.t, context.id("filter"));
    view! {
        <span class="field filter-field">
            <label for=id.clone()>{t.filter_label}</label>
            <input id=id type="search" part=parts::FILTER placeholder=t.filter_placeholder
                prop:value=reactive(context, 0, |c, _| c.table.text())
                on:input=handler(context, 0, |c, _, ev| c.table.filter_text(event_target_value(&ev))) />
        </span>
    }
}

/// Keeps one status: the API's list of statuses, plus any other name the loaded orders carry.
#[component]
fn StatusFilter() -> impl IntoView {
    let context = use_widget();
    let (table, list) = (context.table, context.list);
    let (t, id) = (context.t, context.id("status"));
    // One reactive list for the names and the choice: a new choice rebuilds the options in place, which
    // only moves `selected` (texts and values stay equal).
    let choices = move || {
        let orders = list.orders().unwrap_or_default();
        let names = list.with_statuses(|known| {
            model::status_choices(known.iter().map(|s| s.name.as_str()), &orders)
        });
        options(names, table.status().as_deref())
    };
    view! {
        <span class="field">
            <label for=id.clone()>{t.status_filter_label}</label>
            <select id=id part=parts::STATUS_FILTER on:change=handler(context, 0, |c, _, ev| {
                let value = event_target_value(&ev);
                c.table.filter_status((!value.is_empty()).then_some(value));
            })>
                <option value="" selected=reactive(context, 0, |c, _| c.table.status().is_none())>{t.all_statuses}</option>
                {choices}
            </select>
        </span>
    }
}

/// Loads the list again.
#[component]
fn RefreshButton() -> impl IntoView {
    let widget = use_widget();
    let t = widget.t;
    view! {
        <button type="button" class="refresh" part=parts::REFRESH on:click=handler(widget, 0, |c, _, _| c.list.reload())>
            {t.refresh}
        </button>
    }
}

/// Keeps expired orders, or those expiring within `expiringDays`; applies together with the status filter
/// (both must hold), so "Complete" and "Expiring within 30 days" lists the certificates to renew.
#[component]
fn ExpiryFilter() -> impl IntoView {
    let context = use_widget();
    let table = context.table;
    let (t, id) = (context.t, context.id("expiry"));
    view! {
        <span class="field">
            <label for=id.clone()>{t.expiry_filter_label}</label>
            <select id=id part=parts::EXPIRY_FILTER on:change=handler(context, 0, |c, _, ev| {
                c.table.filter_expiry(match event_target_value(&ev).as_str() {
                    "expired" => Some(Expiry::Expired),
                    "expiring" => Some(Expiry::ExpiringSoon),
                    _ => None,
                });
            })>
                <option value="">{t.any_expiry}</option>
                <option value="expired">{t.expired}</option>
                <option value="expiring">{t.expiring_within(table.expiring_days)}</option>
            </select>
        </span>
    }
}

/// Saves the filtered, sorted list, every page of it, as `ssl-orders.csv`. Disabled while no order
/// passes the filters (or none is loaded).
#[component]
fn ExportButton() -> impl IntoView {
    let widget = use_widget();
    let t = widget.t;
    view! {
        <button type="button" class="export" part=parts::EXPORT
            disabled=reactive(widget, 0, |c, _| c.table.window.with(|w| w.total == 0))
            on:click=handler(widget, 0, |c, _, _| c.table.export())>
            {t.export_csv}
        </button>
    }
}
