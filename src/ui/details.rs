//! An order's details: the row's disclosure button and, while it is open, the region in the row below.

use super::context::WidgetContext;
use super::format::DateFormatter;
use super::table::row_template::{Piece, RowTemplate};
use super::template::{append, bind, set_attribute};
use super::use_order_details::DetailsState;
use crate::details::{self, FieldValue, Missing, Validity};
use crate::i18n::Lang;
use crate::model::Order;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, Node};

/// The disclosure button of a row (WAI-ARIA disclosure pattern), a copy of the row template's: a native
/// button, so Enter, Space and a click all toggle and the focus stays on it. Its name starts with its
/// visible word and names the order (`name`); the stylesheet draws the arrow from `aria-expanded`. The
/// table body's one listener toggles and sets `aria-expanded` ([`toggle_details`]): nothing else opens or
/// closes details, so a row needs no reactive state of its own for it.
pub(crate) fn details_toggle(
    context: &WidgetContext,
    template: &RowTemplate,
    id: u64,
    name: &str,
) -> Option<Node> {
    let button = template.copy(Piece::DetailsToggle)?;
    if context.details.is_open_untracked(id) {
        set_attribute(&button, "aria-expanded", "true");
    }
    set_attribute(&button, "aria-controls", &region_id(context, id));
    set_attribute(&button, "aria-label", &context.t.details_label(name));
    Some(button)
}

/// The id of order `id`'s details region, which its button controls.
fn region_id(context: &WidgetContext, id: u64) -> String {
    context.id(&format!("details-{id}"))
}

/// A click on order `id`'s details `button`: shows or hides the details and says so in `aria-expanded`.
pub(crate) fn toggle_details(context: &WidgetContext, id: u64, button: &Element) {
    let open = context.details.toggle(id);
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
}

/// The row below an order while its details are open, and only then: the table adds it when the order
/// opens and drops it when it closes, so no table carries a hidden row, or its state, per order. From
/// the row template: a cell spanning the table, and the region in it, named like its button (`name`),
/// which [`fill_details`] fills.
pub(crate) fn details_row(
    context: WidgetContext,
    template: &'static RowTemplate,
    id: u64,
    name: &str,
    order: Order,
) -> Option<Node> {
    let row = template.copy(Piece::DetailsRow)?;
    let region = row.first_child()?.first_child()?;
    set_attribute(&region, "id", &region_id(&context, id));
    set_attribute(&region, "aria-label", &context.t.details_label(name));
    fill_details(region.unchecked_into(), context, template, id, order);
    Some(row)
}

/// Fills order `id`'s details `region` from the row `template`,
/// again each time the details' state changes (twice at most): the list's fields at once, the fetched
/// ones when `getObject` answered, a loading line meanwhile, and a failure in an alert with Retry (the
/// table body's listener handles its click).
fn fill_details(
    region: Element,
    context: WidgetContext,
    template: &'static RowTemplate,
    id: u64,
    order: Order,
) {
    // A binding of the details row's owner, which the table drops with the row.
    bind(move || {
        fill_content(context, template, id, &order, &region);
    });
}

/// Brings the `region`'s content to the details' current state: the labelled values, then a loading line
/// or a failure with Retry. The list and its fields stay the same elements across states, their labels
/// and values updated in place (a field the fetch adds is a field more at the end), so what a reader or
/// the focus is on stays in the page.
fn fill_content(
    context: WidgetContext,
    template: &RowTemplate,
    id: u64,
    order: &Order,
    region: &Element,
) -> Option<()> {
    let t = context.t;
    let state = context.details.state(id);
    let fetched = match &state {
        Some(DetailsState::Loaded(found)) => Some(found),
        _ => None,
    };
    let list = match region.first_child() {
        Some(list) => list,
        None => {
            let list = template.copy(Piece::List)?;
            append(region, Some(list.clone()));
            list
        }
    };
    let mut field = list.first_child();
    for item in details::fields(t, id, order, fetched) {
        let (label, value, absent) = written(context, &template.dates, item);
        let current = match field {
            Some(current) => current,
            None => {
                let new = template.copy(Piece::Field)?;
                append(&list, Some(new.clone()));
                new
            }
        };
        current.first_child()?.set_text_content(Some(label));
        let dd = current.last_child()?;
        dd.set_text_content(None);
        template.put_value(&dd, value.as_deref(), Piece::Value, absent);
        field = current.next_sibling();
    }
    // Fields past the state's (none, as the fetch only adds), then the previous state's line.
    while let Some(extra) = field {
        field = extra.next_sibling();
        extra.unchecked_ref::<Element>().remove();
    }
    while let Some(line) = list.next_sibling() {
        line.unchecked_ref::<Element>().remove();
    }
    match state {
        Some(DetailsState::Failed(error)) => {
            let failure = template.copy(Piece::Failure)?;
            let words = [t.details_failed, " ", &t.explain(&error)].concat();
            failure.first_child()?.set_text_content(Some(&words));
            append(region, Some(failure));
        }
        Some(DetailsState::Loading) => append(region, template.copy(Piece::Loading)),
        _ => {}
    }
    Some(())
}

/// `field` written in the widget's language: its label, its value as text (dates as in the table, the
/// validity through `Intl.NumberFormat`), and the missing-value pair it shows without one.
fn written(
    context: WidgetContext,
    dates: &DateFormatter,
    field: details::Field,
) -> (&'static str, Option<String>, Piece) {
    let value = match field.value {
        FieldValue::Text(text) => text,
        FieldValue::Date(date) => date.map(|date| dates.format(date)),
        FieldValue::Validity(validity) => {
            validity.map(|validity| format_validity(context.lang, validity))
        }
    };
    let absent = match field.missing {
        Missing::NotAvailable => Piece::NotAvailable,
        Missing::NotIssued => Piece::MissingDate,
    };
    (field.label, value, absent)
}

/// A click on a details region's Retry `button`, for order `id`: asks again, and since Retry disappears
/// once clicked, the focus goes to the row's details button rather than to the page.
pub(crate) fn retry_details(context: &WidgetContext, id: u64, button: &Element) {
    let toggle = button
        .closest(".details-row")
        .ok()
        .flatten()
        .and_then(|row| row.previous_element_sibling())
        .and_then(|row| row.query_selector(".details-toggle").ok().flatten())
        .and_then(|toggle| toggle.dyn_into::<HtmlElement>().ok());
    if let Some(toggle) = toggle {
        let _ = toggle.focus();
    }
    context.details.fetch(id);
}

/// "1 year", "2 años", "3 months", through `Intl.NumberFormat`'s units in the widget's locale.
fn format_validity(lang: Lang, validity: Validity) -> String {
    let (unit, count) = match validity {
        Validity::Years(n) => ("year", n),
        Validity::Months(n) => ("month", n),
    };
    let options = js_sys::Object::new();
    for (key, value) in [("style", "unit"), ("unit", unit), ("unitDisplay", "long")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let locales = js_sys::Array::of1(&lang.tag().into());
    js_sys::Intl::NumberFormat::new(&locales, &options)
        .format()
        .call1(&JsValue::UNDEFINED, &count.into())
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}
