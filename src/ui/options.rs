//! The `<option>`s of the widget's selects, from plain data: one view type for every such list.

use leptos::prelude::*;

/// One `<option>` per value, its text the value itself; the one equal to `chosen` is `selected`. Called
/// from a reactive closure, so a new choice rebuilds the options in place: only `selected` moves.
pub(super) fn options(values: Vec<String>, chosen: Option<&str>) -> impl IntoView {
    values
        .into_iter()
        .map(|text| {
            let (value, selected) = (text.clone(), chosen == Some(text.as_str()));
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view()
}
