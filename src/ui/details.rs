//! An order's details: the row's disclosure button and, while it is open, the region in the row below.

use super::context::{handler, use_widget, WidgetContext};
use super::table::row_template::{Piece, RowTemplate};
use super::table::text_or_missing;
use super::use_order_details::DetailsState;
use crate::details::{self, Validity};
use crate::i18n::Lang;
use crate::model::{Column, Order, Timestamp};
use crate::parts;
use leptos::either::Either;
use leptos::prelude::*;
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
    let button = template.element(Piece::DetailsToggle)?;
    let element = button.unchecked_ref::<Element>();
    if context.details.is_open_untracked(id) {
        let _ = element.set_attribute("aria-expanded", "true");
    }
    let _ = element.set_attribute("aria-controls", &region_id(context, id));
    let _ = element.set_attribute("aria-label", &context.t.details_label(name));
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
/// opens and drops it when it closes, so no table carries a hidden row, or its state, per order. The
/// region is named like its button; it shows the list's fields at once, the fetched ones when `getObject`
/// answered, a loading line meanwhile, and a failure in an alert with Retry.
#[component]
pub(crate) fn OrderDetails(
    /// The order's id.
    id: u64,
    /// How the order is named, for the region's name.
    name: String,
    /// The order as the list read it.
    order: Order,
    /// How many columns the details span.
    columns: usize,
) -> impl IntoView {
    let context = use_widget();
    let (t, details) = (context.t, context.details);
    // One closure for the whole content: the state changes twice at most.
    let content = move || {
        let state = details.state(id);
        let fetched = match &state {
            Some(DetailsState::Loaded(found)) => Some(found),
            _ => None,
        };
        let values = fields(context, id, &order, fetched)
            .into_iter()
            .map(|(label, value, absent)| {
                let value = text_or_missing(value, None, absent);
                view! { <div><dt>{label}</dt><dd>{value}</dd></div> }
            })
            .collect_view();
        let note = match state {
            Some(DetailsState::Failed(error)) => Either::Left(view! {
                <p class="details-error">{t.details_failed}" "{t.explain(&error)}</p>
                <button type="button" class="retry" on:click=handler(context, id, |c, id, ev| {
                    focus_toggle_of(&ev);
                    c.details.fetch(id);
                })>{t.retry}</button>
            }),
            loading => Either::Right(matches!(loading, Some(DetailsState::Loading)).then(|| view! {
                <p class="details-loading"><span class="spinner" aria-hidden={"true"}></span>{t.details_loading}</p>
            })),
        };
        view! { <dl>{values}</dl> {note} }
    };
    view! {
        <tr class="details-row" role="row">
            <td colspan=columns role="cell">
                <div role="region" class="details" part=parts::DETAILS id=region_id(&context, id)
                    aria-label=t.details_label(&name)>{content}</div>
            </td>
        </tr>
    }
}

/// A labelled value as text, or the words a screen reader hears when it is missing.
type Field = (&'static str, Option<String>, &'static str);

/// The labelled values in display order: the list's at once, the fetched ones in their places once
/// `getObject` answered. Dates in the widget's locale, as in the table.
fn fields(
    context: WidgetContext,
    id: u64,
    order: &Order,
    fetched: Option<&details::FetchedDetails>,
) -> Vec<Field> {
    let t = context.t;
    let date = |date: Option<Timestamp>| date.map(|date| context.format_date(date));
    let mut list = vec![
        (t.order_id_label, Some(id.to_string()), t.not_available),
        (
            t.approver_label,
            order.approver_email.clone(),
            t.not_available,
        ),
    ];
    // The fetched values: none until `getObject` answered.
    let mut add = |label, value: Option<Option<String>>, absent| {
        if let Some(value) = value {
            list.push((label, value, absent));
        }
    };
    add(
        t.technical_contact_label,
        fetched.map(|f| f.technical_contact.clone()),
        t.not_available,
    );
    add(
        t.status_description_label,
        Some(order.status_description.clone()),
        t.not_available,
    );
    add(
        t.column(Column::CertificateType),
        Some(order.certificate_type.clone()),
        t.not_available,
    );
    add(
        t.column(Column::Ordered),
        Some(date(order.create_date)),
        t.not_available,
    );
    add(
        t.effective_label,
        fetched.map(|f| date(f.effective_date)),
        t.missing_date,
    );
    add(
        t.modified_label,
        fetched.map(|f| date(f.modify_date)),
        t.not_available,
    );
    add(
        t.column(Column::Expires),
        Some(date(order.expiration_date)),
        t.missing_date,
    );
    add(
        t.validity_label,
        fetched.map(|f| {
            let span = f.effective_date.zip(order.expiration_date);
            span.and_then(|(from, to)| details::validity(from, to))
                .map(|validity| format_validity(context.lang, validity))
        }),
        t.not_available,
    );
    list
}

/// Retry disappears once clicked: the focus goes to the row's details button rather than to the page.
fn focus_toggle_of(ev: &leptos::ev::MouseEvent) {
    let toggle = ev
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|retry| retry.closest(".details-row").ok().flatten())
        .and_then(|row| row.previous_element_sibling())
        .and_then(|row| row.query_selector(".details-toggle").ok().flatten())
        .and_then(|toggle| toggle.dyn_into::<HtmlElement>().ok());
    if let Some(toggle) = toggle {
        let _ = toggle.focus();
    }
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
