//! Order details: the disclosure button, the region, the one `getObject` (never the CSR), its loading and
//! failure states, and the cache.

use crate::support::{
    control, details_button, details_fixture, details_requests, inject_fault, requests_at, row,
    tick, wait_until, Fixture, CSR, EMULATOR,
};
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

/// The value shown under `label` in order `id`'s details region.
fn field(f: &Fixture, id: u64, label: &str) -> Option<String> {
    f.all(&format!("#{} dl > div", region_id(f, id)))
        .into_iter()
        .find(|div| first_text(div, "dt") == label)
        .map(|div| first_text(&div, "dd"))
}

fn first_text(el: &Element, selector: &str) -> String {
    el.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn region_id(f: &Fixture, id: u64) -> String {
    details_button(f, id)
        .get_attribute("aria-controls")
        .unwrap()
}

async fn wait_for_field(f: &Fixture, id: u64, label: &str) -> String {
    wait_until(label, || field(f, id, label).is_some()).await;
    field(f, id, label).unwrap()
}

#[wasm_bindgen_test]
async fn every_row_has_a_collapsed_details_button_named_for_its_domain() {
    let f = details_fixture().await;
    for (id, name) in [
        (50001, "details.example.com"),
        (50002, "pending.example.org"),
    ] {
        let button = details_button(&f, id);
        assert_eq!(
            button.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        assert_eq!(button.text_content().unwrap().trim(), "Details");
        assert_eq!(
            button.get_attribute("aria-label").unwrap(),
            format!("Details for {name}"),
            "the name starts with the visible word and names the domain"
        );
        let controls = button.get_attribute("aria-controls").unwrap();
        assert!(!controls.is_empty());
        assert!(
            f.query(&format!("#{controls}")).is_none(),
            "no region while closed"
        );
    }
    assert!(
        details_requests().await.is_empty(),
        "nothing fetched before a row is opened"
    );
}

#[wasm_bindgen_test]
async fn opening_shows_the_list_fields_then_the_fetched_ones_from_one_get_object_without_the_csr() {
    let f = details_fixture().await;
    inject_fault(json!({"method": "getObject", "kind": "delay", "delayMs": 300, "times": 1})).await;
    let button = details_button(&f, 50001);
    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let region = f.get(&format!("#{}", region_id(&f, 50001)));
    assert_eq!(region.get_attribute("role").as_deref(), Some("region"));
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("Details for details.example.com"),
        "the region is named like its button"
    );
    assert!(
        region
            .closest("tr")
            .unwrap()
            .unwrap()
            .previous_element_sibling()
            == Some(f.query("tr[data-order-id='50001']").unwrap()),
        "the details row follows the order's row"
    );
    // The list's fields at once, while the fetched ones load.
    assert_eq!(field(&f, 50001, "Order ID").as_deref(), Some("50001"));
    assert_eq!(
        field(&f, 50001, "Approver email").as_deref(),
        Some("admin@details.example.com")
    );
    assert_eq!(
        field(&f, 50001, "Status description").as_deref(),
        Some("The SSL certificate order is complete.")
    );
    assert_eq!(
        field(&f, 50001, "Certificate type").as_deref(),
        Some("RapidSSL - 1 year")
    );
    assert!(field(&f, 50001, "Ordered").is_some_and(|d| d.contains("2024")));
    assert!(field(&f, 50001, "Expires").is_some_and(|d| d.contains("2025")));
    assert_eq!(field(&f, 50001, "Technical contact email"), None);
    assert!(f.text(".details-loading").contains("Loading details"));

    assert_eq!(
        wait_for_field(&f, 50001, "Technical contact email").await,
        "ops@details.example.com"
    );
    assert!(field(&f, 50001, "Valid from").is_some_and(|d| d.contains("2024")));
    assert!(field(&f, 50001, "Last modified").is_some_and(|d| d.contains("2024")));
    assert_eq!(field(&f, 50001, "Validity").as_deref(), Some("1 year"));
    assert!(f.query(".details-loading").is_none(), "loading ends");
    let labels: Vec<String> = f
        .all(".details dt")
        .iter()
        .map(|dt| dt.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        [
            "Order ID",
            "Approver email",
            "Technical contact email",
            "Status description",
            "Certificate type",
            "Ordered",
            "Valid from",
            "Last modified",
            "Expires",
            "Validity"
        ]
    );

    let asked = details_requests().await;
    assert_eq!(asked.len(), 1, "one getObject: {asked:?}");
    assert!(asked[0]
        .0
        .ends_with("/SoftLayer_Security_Certificate_Request/50001/getObject.json"));
    assert!(asked[0].1.starts_with("objectMask=mask"), "{:?}", asked[0]);
    for request in requests_at(EMULATOR).await {
        let text = request.to_string();
        assert!(
            !text.contains("certificateSigningRequest"),
            "the CSR is never asked for: {text}"
        );
    }
    assert!(!f.root().inner_html().contains("never-requested"));
    assert!(!CSR.is_empty());
}

#[wasm_bindgen_test]
async fn a_never_issued_order_shows_its_missing_dates_as_such() {
    let f = details_fixture().await;
    details_button(&f, 50002).click();
    assert_eq!(
        wait_for_field(&f, 50002, "Technical contact email").await,
        "dev@example.org"
    );
    for label in ["Valid from", "Expires"] {
        assert_eq!(
            field(&f, 50002, label).as_deref(),
            Some("—Not issued"),
            "{label}"
        );
    }
    assert_eq!(
        field(&f, 50002, "Validity").as_deref(),
        Some("—Not available")
    );
}

#[wasm_bindgen_test]
async fn closing_hides_the_region_and_reopening_asks_for_nothing_more() {
    let f = details_fixture().await;
    let button = details_button(&f, 50001);
    button.click();
    wait_for_field(&f, 50001, "Technical contact email").await;
    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(f.query(".details").is_none());
    button.click();
    tick().await;
    assert_eq!(
        field(&f, 50001, "Technical contact email").as_deref(),
        Some("ops@details.example.com"),
        "shown at once from the cache"
    );
    assert_eq!(
        details_requests().await.len(),
        1,
        "asked once for the widget's life"
    );
    // Sorting rebuilds the rows: the open one stays open.
    f.get("thead button.sort").click();
    tick().await;
    assert_eq!(
        details_button(&f, 50001)
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert!(f.query(&format!("#{}", region_id(&f, 50001))).is_some());
}

#[wasm_bindgen_test]
async fn a_click_leaves_the_focus_on_the_button() {
    let f = details_fixture().await;
    let button = details_button(&f, 50001);
    button.focus().unwrap();
    button.click();
    tick().await;
    assert_eq!(
        f.active_element(),
        Some(button.clone().into()),
        "focus stays on the disclosure button"
    );
    button.click();
    tick().await;
    assert_eq!(f.active_element(), Some(button.into()));
}

#[wasm_bindgen_test]
async fn a_failure_shows_and_announces_the_api_message_and_retry_loads_them() {
    let f = details_fixture().await;
    inject_fault(
        json!({"method": "getObject", "kind": "error", "status": 500, "times": 1,
        "error": "The details service is down.", "code": "SoftLayer_Exception_Public"}),
    )
    .await;
    let button = details_button(&f, 50001);
    button.click();
    wait_until("the error", || f.query(".details-error").is_some()).await;
    let error = f.text(".details-error");
    assert!(
        error.starts_with("The details could not be loaded.")
            && error.contains("The details service is down."),
        "{error}"
    );
    let status = f.text("[role=status]");
    assert!(
        status.contains("The details service is down."),
        "announced: {status}"
    );
    assert_eq!(field(&f, 50001, "Technical contact email"), None);
    let retry = f.get(".details button.retry");
    retry.focus().unwrap();
    retry.click();
    tick().await;
    assert_eq!(
        f.active_element(),
        Some(button.into()),
        "Retry goes away: the focus moves to the details button"
    );
    assert_eq!(
        wait_for_field(&f, 50001, "Technical contact email").await,
        "ops@details.example.com"
    );
    assert!(f.query(".details-error").is_none());
    assert_eq!(details_requests().await.len(), 2);
}

#[wasm_bindgen_test]
async fn reopening_after_a_failure_asks_again() {
    let f = details_fixture().await;
    inject_fault(json!({"method": "getObject", "kind": "html", "status": 502, "times": 1})).await;
    let button = details_button(&f, 50002);
    button.click();
    wait_until("the error", || f.query(".details-error").is_some()).await;
    assert!(f.text(".details-error").contains("502"));
    button.click();
    button.click();
    assert_eq!(
        wait_for_field(&f, 50002, "Technical contact email").await,
        "dev@example.org"
    );
    assert_eq!(details_requests().await.len(), 2);
    control("POST", "reset", None).await;
}

/// Types `text` into the filter, as a user does.
fn filter(f: &Fixture, text: &str) {
    let input: web_sys::HtmlInputElement = f.get("input[type=search]").unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_row_the_filter_brings_back_comes_back_open_with_its_details_below_it() {
    let f = details_fixture().await;
    details_button(&f, 50001).click();
    wait_for_field(&f, 50001, "Technical contact email").await;
    filter(&f, "pending.example.org");
    tick().await;
    assert!(f.query("tr[data-order-id='50001']").is_none());
    assert!(
        f.query(".details-row").is_none(),
        "its details leave with it"
    );
    filter(&f, "");
    tick().await;
    let button = details_button(&f, 50001);
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let below = row(&f, 50001).next_element_sibling().unwrap();
    assert_eq!(below.class_name(), "details-row");
    assert_eq!(
        below.query_selector("[role=region]").unwrap().unwrap().id(),
        region_id(&f, 50001)
    );
    assert_eq!(
        field(&f, 50001, "Technical contact email").as_deref(),
        Some("ops@details.example.com")
    );
    assert_eq!(details_requests().await.len(), 1, "shown from the cache");
}
