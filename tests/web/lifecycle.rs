//! Mount and unmount: config refusal, two instances, removal, dropped handles, unmount from listeners.

use crate::support::{
    alert_text, config, control, create_element, element_attributes, element_state, fixture,
    inject_fault, js_config, mount_fresh, new_host, outbox, pause, record_events, resend_posts,
    spy, tick, unmount_on, wait_for_host_state, wait_until, Spy, ACCOUNT, EMULATOR, TOKEN,
};
use serde_json::json;
use ssl_orders::events::{EMAIL_RESENT, LOADED, RESEND_ERROR, RESEND_REQUEST};
use ssl_orders::mount_widget;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

fn list_requests_pending(spy: &Spy) -> bool {
    let signals = js_sys::Reflect::get(spy, &"signals".into()).unwrap();
    js_sys::Array::from(&signals).length() >= 2 // statuses, then the list
}

async fn unmounting_in_a_listener_is_safe(event: &str) {
    control("POST", "reset", None).await;
    let host = new_host(None);
    let js_config = js_sys::JSON::parse(&format!(
        r#"{{"apiBase": "{EMULATOR}/rest/v3.1", "token": "{TOKEN}", "accountId": {ACCOUNT}, "lang": "en"}}"#
    ))
    .unwrap();
    // The host keeps the JS handle and unmounts the widget from its own listener.
    let handle = JsValue::from(
        ssl_orders::embed::mount_js(&host, js_config)
            .map_err(JsValue::from)
            .unwrap(),
    );
    unmount_on(&host, event, &handle);
    wait_for_host_state(&host, "ready").await;
    let root = host.shadow_root().unwrap();
    root.query_selector("tbody button.send")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    root.query_selector("dialog button.confirm")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until("unmounted", || !host.has_attribute("data-state")).await;
    let start = js_sys::Date::now();
    wait_until("a late answer to arrive", || {
        js_sys::Date::now() - start > 300.0
    })
    .await;
    host.remove();
    // A panic would have aborted the module: this mount would fail.
    let again = mount_fresh(config());
    again.wait_for_state("ready").await;
}

#[wasm_bindgen_test]
async fn an_unknown_config_key_is_refused_with_its_name() {
    let host = new_host(None);
    // A plain object, as a host passes it.
    let config = js_sys::JSON::parse(r#"{"apiBase": "/rest/v3.1", "pagesize": 50}"#).unwrap();
    let error = match ssl_orders::embed::mount_js(&host, config) {
        Ok(h) => panic!("accepted; state {}", h.state()),
        Err(e) => e,
    };
    let message = js_sys::Error::from(JsValue::from(error))
        .message()
        .as_string()
        .unwrap();
    assert!(
        message.contains("unknown configuration key \"pagesize\""),
        "{message}"
    );
    let shown = alert_text(&host);
    assert_eq!(shown, message);
    host.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_with_different_accounts_do_not_affect_each_other() {
    let a = fixture().await;
    let mut other = config();
    other.account_id = Some(7654321);
    other.transport.auth = ssl_orders::api::Auth::Bearer("other-account-token".into());
    let b = mount_fresh(other);
    b.wait_for_state("ready").await;
    assert_eq!(
        b.all("tbody tr[part=row]").len(),
        3,
        "the second account's own orders"
    );
    assert_ne!(
        a.dialog().get_attribute("aria-labelledby").unwrap(),
        b.dialog().get_attribute("aria-labelledby").unwrap(),
        "ids are unique per instance"
    );
    a.get(".pager button.next").click();
    tick().await;
    assert_eq!(a.text(".pager .range"), "26–40 of 40");
    assert_eq!(b.text(".pager .range"), "1–3 of 3");

    let send = b
        .query("tbody button.send")
        .expect("an order of the second account that can resend");
    send.unchecked_into::<HtmlElement>().click();
    tick().await;
    assert!(b.dialog().open() && !a.dialog().open());
    b.get("dialog button.confirm").click();
    let events = b.events.clone();
    wait_until("the second widget's outcome", || {
        events
            .borrow()
            .iter()
            .any(|(n, _)| n.starts_with(EMAIL_RESENT) || n == RESEND_ERROR)
    })
    .await;
    assert!(
        b.events_named(RESEND_ERROR).is_empty(),
        "{:?}",
        b.events_named(RESEND_ERROR)
    );
    let resent = b.events_named(EMAIL_RESENT).remove(0);
    assert!((39901..=39903).contains(&resent["orderId"].as_u64().unwrap()));
    assert!(
        a.events_named(EMAIL_RESENT).is_empty(),
        "the other widget heard nothing"
    );
    assert!(a.text("[role=status]").is_empty());
}

#[wasm_bindgen_test]
async fn removal_aborts_requests_in_flight_and_leaves_no_listener() {
    control("POST", "reset", None).await;
    inject_fault(json!({"method": "getSslCertificateRequests", "kind": "delay", "delayMs": 3000}))
        .await;
    let spy = spy();
    let el = create_element(&element_attributes(&[]), TOKEN);
    wait_until("the list request", || list_requests_pending(&spy)).await;
    el.remove();
    let start = js_sys::Date::now();
    wait_until("teardown", || js_sys::Date::now() - start > 200.0).await;
    let (added, removed, aborted) = (spy.added(), spy.removed(), spy.aborted());
    spy.restore();
    assert!(aborted >= 1, "the slow list request was aborted");
    assert_eq!(
        added, removed,
        "every listener added outside the shadow root was removed"
    );
    assert_eq!(element_state(&el), "unmounted");
}

#[wasm_bindgen_test]
async fn unmount_during_a_resend_still_reports_its_outcome() {
    // Replaces `unmount_aborts_a_resend_in_flight`: the POST may already have reached the API, so an
    // unmount no longer aborts it; the request runs to its end and its one outcome event is dispatched.
    let mut f = fixture().await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 600})).await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    f.wait_for_event(RESEND_REQUEST).await;
    f.handle.unmount();
    assert_eq!(f.host.get_attribute("data-state"), None, "unmounted");
    let resent = f.wait_for_event(EMAIL_RESENT).await;
    let request = &f.events_named(RESEND_REQUEST)[0];
    assert_eq!(resent["orderId"], request["orderId"]);
    tick().await;
    assert_eq!(f.events_named(EMAIL_RESENT).len(), 1);
    assert!(f.events_named(RESEND_ERROR).is_empty());
    assert_eq!(outbox().await.len(), 1, "the email was sent once");
}

#[wasm_bindgen_test]
async fn dropping_the_handle_keeps_the_widget() {
    control("POST", "reset", None).await;
    let host = new_host(None);
    // What a host does when it calls mount() and ignores the result: the handle is collected.
    drop(mount_widget(&host, config()).unwrap());
    wait_for_host_state(&host, "ready").await;
    let rows = host
        .shadow_root()
        .unwrap()
        .query_selector_all("tbody tr[part=row]")
        .unwrap()
        .length();
    assert_eq!(rows, 25);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_host_may_unmount_from_the_resend_request_listener() {
    unmounting_in_a_listener_is_safe(RESEND_REQUEST).await;
}

#[wasm_bindgen_test]
async fn a_host_may_unmount_from_the_email_resent_listener() {
    unmounting_in_a_listener_is_safe(EMAIL_RESENT).await;
    assert_eq!(outbox().await.len(), 1);
}

#[wasm_bindgen_test]
async fn the_state_is_readable_when_the_loaded_event_fires() {
    control("POST", "reset", None).await;
    let f = mount_fresh(config());
    let seen = Rc::new(RefCell::new(None::<String>));
    let host = f.host.clone();
    let record = seen.clone();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
        *record.borrow_mut() = host.get_attribute("data-state");
    });
    f.host
        .add_event_listener_with_callback(LOADED, listener.as_ref().unchecked_ref())
        .unwrap();
    f.wait_for_state("ready").await;
    assert_eq!(seen.borrow().as_deref(), Some("ready"));
}

/// Clicks `selector` in `host`'s shadow root.
fn click_in(host: &HtmlElement, selector: &str) {
    host.shadow_root()
        .unwrap()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

fn host_rows(host: &HtmlElement) -> u32 {
    host.shadow_root()
        .unwrap()
        .query_selector_all("tbody tr[part=row]")
        .unwrap()
        .length()
}

/// What a host passes to `mount()` for the emulator's account.
fn good_js_config() -> JsValue {
    js_config(&json!({
        "apiBase": format!("{EMULATOR}/rest/v3.1"), "token": TOKEN, "accountId": ACCOUNT, "lang": "en"
    }))
}

#[wasm_bindgen_test]
async fn a_listener_that_unmounts_on_resend_request_does_not_stop_the_send() {
    control("POST", "reset", None).await;
    let host = new_host(None);
    let log = record_events(&host);
    let handle = JsValue::from(
        ssl_orders::embed::mount_js(&host, good_js_config())
            .map_err(JsValue::from)
            .unwrap(),
    );
    unmount_on(&host, RESEND_REQUEST, &handle);
    wait_for_host_state(&host, "ready").await;
    click_in(&host, "tbody button.send");
    tick().await;
    click_in(&host, "dialog button.confirm");
    // The request event was not cancelled, so the POST goes out although the widget is gone.
    let resent = log.wait_for(EMAIL_RESENT).await;
    assert!(!host.has_attribute("data-state"), "unmounted");
    let request = log.named(RESEND_REQUEST).remove(0);
    assert_eq!(resent["orderId"], request["orderId"]);
    pause(200.0).await;
    assert_eq!(log.named(EMAIL_RESENT).len(), 1);
    assert!(log.named(RESEND_ERROR).is_empty());
    assert_eq!(resend_posts().await, 1);
    assert_eq!(outbox().await.len(), 1, "the email was sent once");
    host.remove();
}

#[wasm_bindgen_test]
async fn mounting_again_on_a_live_widget_throws_and_leaves_it_untouched() {
    control("POST", "reset", None).await;
    let host = new_host(None);
    let mut handle = ssl_orders::embed::mount_js(&host, good_js_config())
        .map_err(JsValue::from)
        .unwrap();
    wait_for_host_state(&host, "ready").await;
    // A bad configuration too: the live widget must not be replaced by its error message.
    let error = match ssl_orders::embed::mount_js(&host, js_config(&json!({"bad": 1}))) {
        Ok(_) => panic!("a second mount was accepted"),
        Err(e) => e,
    };
    let message = js_sys::Error::from(JsValue::from(error))
        .message()
        .as_string()
        .unwrap();
    assert_eq!(
        message,
        "ssl-orders: the widget is already mounted on this element; unmount it first"
    );
    tick().await;
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(handle.state(), "ready");
    assert_eq!(host_rows(&host), 25, "the rows are still there");
    assert!(host
        .shadow_root()
        .unwrap()
        .query_selector("[part=config-error], .config-error")
        .unwrap()
        .is_none());
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_copy_of_a_mounted_host_mounts_on_its_own() {
    let f = fixture().await;
    // A copy carries the host's attributes (data-state too), but no shadow root and no widget.
    let copy: HtmlElement = f.host.clone_node_with_deep(true).unwrap().unchecked_into();
    f.host.after_with_node_1(&copy).unwrap();
    let log = record_events(&copy);
    let mut handle = mount_widget(&copy, config()).expect("a copy is not mounted");
    assert_eq!(
        handle.state(),
        "loading",
        "not the copied data-state=\"ready\""
    );
    log.wait_for(LOADED).await;
    wait_for_host_state(&copy, "ready").await;
    assert_eq!(host_rows(&copy), 25);
    assert_eq!(f.host.get_attribute("data-state").as_deref(), Some("ready"));
    handle.unmount();
    copy.remove();
}
