//! The <ssl-orders> custom element: defined once, live attributes, moves, bad attributes, lang fallback.

use crate::support::{
    alert_text, control, control_at, create_element, element_attributes, element_error,
    element_state, fixture, inject_fault, is_defined, list_requests, outbox, pause, read_property,
    record_events, requests_at, set_property, tick, wait_for_element_state, wait_until, EventLog,
    EMULATOR, EMULATOR_2, TOKEN,
};
use serde_json::{json, Value};
use ssl_orders::events::{EMAIL_RESENT, LOADED, LOAD_ERROR, RESEND_ERROR, RESEND_REQUEST};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

/// The first element of `el`'s shadow root that matches `selector`.
fn shadow_query(el: &HtmlElement, selector: &str) -> Option<Element> {
    el.shadow_root().unwrap().query_selector(selector).unwrap()
}

fn shadow_rows(el: &HtmlElement) -> u32 {
    el.shadow_root()
        .unwrap()
        .query_selector_all("tbody tr[part=row]")
        .unwrap()
        .length()
}

/// Whether every request in `log` that is not a preflight carried the Bearer token.
fn all_with_bearer(log: &[Value]) -> bool {
    log.iter()
        .filter(|r| r["method"] != "OPTIONS")
        .all(|r| r["auth"] == "bearer")
}

#[wasm_bindgen_test]
async fn the_element_is_defined_once_and_renders_in_an_open_shadow_root() {
    control("POST", "reset", None).await;
    // The test harness does not run the module's start function; a page's init() does.
    ssl_orders::embed::start();
    assert!(is_defined());
    ssl_orders::embed::start(); // loading the module again is harmless
    let el = create_element(&element_attributes(&[]), TOKEN);
    wait_for_element_state(&el, "ready").await;
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("ready"));
    let rows = el
        .shadow_root()
        .unwrap()
        .query_selector_all("tbody tr[part=row]")
        .unwrap()
        .length();
    assert_eq!(rows, 25);
    assert!(
        read_property(&el, "token").is_undefined(),
        "secrets are write-only"
    );
    assert!(!el.outer_html().contains(TOKEN) && el.get_attribute("token").is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn attribute_changes_apply_live() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[]), TOKEN);
    wait_for_element_state(&el, "ready").await;
    el.set_attribute("lang", "es").unwrap();
    el.set_attribute("page-size", "50").unwrap();
    let root = el.shadow_root().unwrap();
    wait_until("Spanish labels", || {
        root.query_selector("tbody button.send")
            .ok()
            .flatten()
            .and_then(|b| b.text_content())
            .as_deref()
            == Some("Enviar")
    })
    .await;
    assert_eq!(
        root.query_selector_all("tbody tr[part=row]")
            .unwrap()
            .length(),
        40
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn a_moved_element_keeps_its_state() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[]), TOKEN);
    wait_for_element_state(&el, "ready").await;
    let root = el.shadow_root().unwrap();
    root.query_selector(".pager button.next")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    let document = web_sys::window().unwrap().document().unwrap();
    let elsewhere = document.create_element("article").unwrap();
    document.body().unwrap().append_child(&elsewhere).unwrap();
    elsewhere.append_child(&el).unwrap();
    tick().await;
    tick().await;
    assert_eq!(
        root.query_selector(".pager .range")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "26–40 of 40"
    );
    assert_eq!(list_requests().await.len(), 1, "no reload after a move");
    elsewhere.remove();
}

#[wasm_bindgen_test]
async fn a_bad_attribute_shows_the_documented_message() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[("page-size", "7")]), TOKEN);
    wait_until("config error", || element_error(&el).is_some()).await;
    let message = element_error(&el).unwrap();
    assert_eq!(message, "ssl-orders: \"pageSize\" must be 25, 50 or 100");
    let shown = alert_text(&el);
    assert_eq!(shown, message);
    assert_eq!(element_state(&el), "error");
    el.set_attribute("page-size", "50").unwrap();
    wait_for_element_state(&el, "ready").await;
    el.remove();
}

#[wasm_bindgen_test]
async fn fixing_a_bad_attribute_removes_the_old_message_and_username_stays_readable() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[("page-size", "7")]), TOKEN);
    wait_until("config error", || element_error(&el).is_some()).await;
    set_property(&el, "username", &"SL1234567".into());
    assert_eq!(
        read_property(&el, "username").as_string().as_deref(),
        Some("SL1234567")
    );
    set_property(&el, "username", &JsValue::NULL);
    el.set_attribute("page-size", "25").unwrap();
    wait_for_element_state(&el, "ready").await;
    assert!(el
        .shadow_root()
        .unwrap()
        .query_selector(".config-error")
        .unwrap()
        .is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn an_unsupported_lang_attribute_falls_back_instead_of_failing() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[("lang", "nl")]), TOKEN);
    wait_for_element_state(&el, "ready").await;
    assert!(element_error(&el).is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn every_part_in_the_markup_is_a_documented_part_and_a_ready_widget_shows_them() {
    let f = fixture().await;
    let shown: std::collections::BTreeSet<String> = f
        .all("[part]")
        .iter()
        .filter_map(|el| el.get_attribute("part"))
        .collect();
    for part in &shown {
        assert!(
            ssl_orders::parts::ALL.contains(&part.as_str()),
            "undocumented part {part:?}"
        );
    }
    // The state panel replaces the table, the configuration error replaces the whole widget, and an
    // order's details exist only while its row is open.
    let hidden_when_ready = [
        ssl_orders::parts::STATE,
        ssl_orders::parts::CONFIG_ERROR,
        ssl_orders::parts::DETAILS,
    ];
    for part in ssl_orders::parts::ALL {
        assert_eq!(
            shown.contains(part),
            !hidden_when_ready.contains(&part),
            "part {part:?}"
        );
    }
}

/// An `<ssl-orders>` that loaded with a token, then had its `api-base` moved to the second emulator's
/// origin by an attribute (easier to influence than a property: the token must not follow it elsewhere);
/// returned with its events and the load error that says the credentials were withdrawn.
async fn element_moved_to_another_origin() -> (HtmlElement, EventLog, Value) {
    control("POST", "reset", None).await;
    control_at(EMULATOR_2, "POST", "reset", None).await;
    let el = create_element(&element_attributes(&[]), TOKEN);
    let log = record_events(&el);
    wait_for_element_state(&el, "ready").await;
    el.set_attribute("api-base", &format!("{EMULATOR_2}/rest/v3.1"))
        .unwrap();
    let failure = log.wait_for(LOAD_ERROR).await;
    (el, log, failure)
}

#[wasm_bindgen_test]
async fn retry_keeps_the_focus_while_the_credentials_stay_withdrawn() {
    let (el, log, _) = element_moved_to_another_origin().await;
    let retry = shadow_query(&el, ".state.error button.retry").expect("Retry");
    retry.unchecked_ref::<HtmlElement>().focus().unwrap();
    retry.unchecked_ref::<HtmlElement>().click();

    // No loading in between: the same failure is told again at once, and its body is built anew.
    wait_until("a second load error", || log.named(LOAD_ERROR).len() == 2).await;
    wait_until("the error body rebuilt", || !retry.is_connected()).await;
    let focused = el.shadow_root().unwrap().active_element();
    assert_eq!(
        focused.map(|e| e.class_name()),
        Some("retry".to_owned()),
        "the focus stays on Retry"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn api_base_moved_to_another_origin_withdraws_the_credentials_until_they_are_set_again() {
    let (el, log, failure) = element_moved_to_another_origin().await;
    assert_eq!(element_state(&el), "error");
    assert_eq!(failure["code"], json!("CREDENTIALS_WITHDRAWN"));
    assert_eq!(failure["status"], json!(0));
    let message = failure["message"].as_str().unwrap().to_owned();
    assert!(message.contains("credentials were withdrawn"), "{message}");
    let shown = shadow_query(&el, ".state.error [role=alert]")
        .expect("the error state")
        .text_content()
        .unwrap();
    assert!(shown.contains(&message), "{shown}");
    assert!(shadow_query(&el, ".state.error button.retry").is_some());
    pause(300.0).await;
    assert_eq!(
        requests_at(EMULATOR_2).await,
        Vec::<Value>::new(),
        "no request at all reached the other origin while withdrawn"
    );
    assert_eq!(log.named(LOADED).len(), 1, "only the first load");

    // The host sets the token again: now it is bound to the new origin, and the list loads from there.
    set_property(&el, "token", &TOKEN.into());
    wait_until("a load from the second emulator", || {
        log.named(LOADED).len() == 2
    })
    .await;
    assert_eq!(element_state(&el), "ready");
    assert_eq!(shadow_rows(&el), 25);
    let reached = requests_at(EMULATOR_2).await;
    assert!(
        reached.iter().any(|r| r["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("/getSslCertificateRequests.json"))),
        "{reached:?}"
    );
    assert!(all_with_bearer(&reached), "{reached:?}");
    el.remove();
}

#[wasm_bindgen_test]
async fn api_base_moved_within_the_same_origin_keeps_the_credentials() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[]), TOKEN);
    let log = record_events(&el);
    wait_for_element_state(&el, "ready").await;
    control("DELETE", "requests", None).await;
    // Another path (the emulator also serves /rest/v3) on the same origin.
    el.set_attribute("api-base", &format!("{EMULATOR}/rest/v3"))
        .unwrap();
    wait_until("the second load", || log.named(LOADED).len() == 2).await;
    assert!(
        log.named(LOAD_ERROR).is_empty(),
        "{:?}",
        log.named(LOAD_ERROR)
    );
    assert_eq!(element_state(&el), "ready");
    let reached = requests_at(EMULATOR).await;
    assert!(
        reached.iter().any(|r| r["path"]
            .as_str()
            .is_some_and(|p| p.starts_with("/rest/v3/"))),
        "{reached:?}"
    );
    assert!(all_with_bearer(&reached), "{reached:?}");
    el.remove();
}

#[wasm_bindgen_test]
async fn setting_the_token_to_its_current_value_does_not_remount() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[]), TOKEN);
    wait_for_element_state(&el, "ready").await;
    let first_row = shadow_query(&el, "tbody tr[part=row]").unwrap();
    assert_eq!(list_requests().await.len(), 1);
    set_property(&el, "token", &TOKEN.into()); // a host refreshing its token to what it was
    pause(300.0).await;
    assert_eq!(element_state(&el), "ready");
    assert_eq!(list_requests().await.len(), 1, "no reload");
    assert!(first_row.is_connected(), "the rendered rows were kept");
    assert_eq!(
        shadow_query(&el, "tbody tr[part=row]"),
        Some(first_row),
        "the same row element"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn a_token_refresh_during_a_send_does_not_abort_it() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[]), TOKEN);
    let log = record_events(&el);
    wait_for_element_state(&el, "ready").await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 600, "times": 1}))
        .await;
    shadow_query(&el, "tbody button.send")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    shadow_query(&el, "dialog button.confirm")
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    let request = log.wait_for(RESEND_REQUEST).await;
    // A new value remounts the widget while the POST runs (the emulator knows one token only, so the
    // new widget's own load is refused; the send in flight keeps the token it left with).
    set_property(&el, "token", &"refreshed-token".into());
    let events = log.events.clone();
    wait_until("the send's outcome", || {
        events
            .borrow()
            .iter()
            .any(|(n, _)| n == EMAIL_RESENT || n == RESEND_ERROR)
    })
    .await;
    pause(300.0).await;
    let resent = log.named(EMAIL_RESENT);
    assert_eq!(resent.len(), 1, "exactly one outcome");
    assert!(log.named(RESEND_ERROR).is_empty());
    assert_eq!(resent[0]["orderId"], request["orderId"]);
    assert_eq!(outbox().await.len(), 1);
    el.remove();
}

#[wasm_bindgen_test]
async fn a_clone_of_a_mounted_element_mounts_on_its_own() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[]), TOKEN);
    wait_for_element_state(&el, "ready").await;
    // Attributes are copied (data-state too); properties and the widget are not.
    let copy: HtmlElement = el.clone_node_with_deep(true).unwrap().unchecked_into();
    let log = record_events(&copy);
    set_property(&copy, "token", &TOKEN.into());
    let document = web_sys::window().unwrap().document().unwrap();
    document.body().unwrap().append_child(&copy).unwrap();
    log.wait_for(LOADED).await;
    assert!(element_error(&copy).is_none(), "{:?}", element_error(&copy));
    assert_eq!(element_state(&copy), "ready");
    assert_eq!(shadow_rows(&copy), 25);
    assert_eq!(element_state(&el), "ready", "the original is untouched");
    assert_eq!(shadow_rows(&el), 25);
    copy.remove();
    el.remove();
}
