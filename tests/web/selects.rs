//! The status filter and the page size: the chosen option is the selected one, also when the options are
//! rebuilt (a new list, a new choice).

use crate::support::{choose, fixture, tick, wait_until, Fixture};
use ssl_orders::events::LOADED;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlSelectElement;

const STATUS_FILTER: &str = "select[part=status-filter]";
const PAGE_SIZE: &str = ".page-size select";

/// The values of the options of `select` that carry the `selected` attribute, and the select's value.
fn chosen(f: &Fixture, select: &str) -> (Vec<String>, String) {
    let marked = f
        .all(&format!("{select} option[selected]"))
        .iter()
        .map(|option| option.get_attribute("value").unwrap_or_default())
        .collect();
    let value = f.get(select).unchecked_into::<HtmlSelectElement>().value();
    (marked, value)
}

/// `value` marked and chosen, alone.
fn only(value: &str) -> (Vec<String>, String) {
    (vec![value.to_owned()], value.to_owned())
}

#[wasm_bindgen_test]
async fn the_chosen_status_is_the_selected_option_also_after_a_reload() {
    let f = fixture().await;
    let known = format!("{STATUS_FILTER} option[value='Pending CA Approval']");
    wait_until("the statuses", || f.query(&known).is_some()).await;
    assert_eq!(chosen(&f, STATUS_FILTER), only(""));
    choose(&f, STATUS_FILTER, "Complete").await;
    assert_eq!(chosen(&f, STATUS_FILTER), only("Complete"));
    // A new list rebuilds the options in place: the choice stays the one selected.
    f.get("button.refresh").click();
    wait_until("the second list", || f.events_named(LOADED).len() == 2).await;
    f.wait_for_state("ready").await;
    tick().await;
    assert_eq!(chosen(&f, STATUS_FILTER), only("Complete"));
    choose(&f, STATUS_FILTER, "").await;
    assert_eq!(chosen(&f, STATUS_FILTER), only(""));
}

#[wasm_bindgen_test]
async fn the_chosen_page_size_is_the_selected_option() {
    let f = fixture().await;
    assert_eq!(chosen(&f, PAGE_SIZE), only("25"));
    choose(&f, PAGE_SIZE, "50").await;
    assert_eq!(chosen(&f, PAGE_SIZE), only("50"));
    assert_eq!(f.all("tbody tr[part=row]").len(), 40);
    choose(&f, PAGE_SIZE, "25").await;
    assert_eq!(chosen(&f, PAGE_SIZE), only("25"));
    assert_eq!(f.all("tbody tr[part=row]").len(), 25);
}
