//! Browser tests: the widget mounted in headless Chromium and Firefox, talking over real HTTP to the emulator.
//!
//! `scripts/test.sh` starts the emulator and sets `SSL_ORDERS_TEST_API` (its origin) at compile time. Each
//! test resets the emulator first, so tests do not depend on each other's sends or faults.
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use ssl_orders::{mount_widget, Config, WidgetHandle};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlDialogElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const EMULATOR: &str = match option_env!("SSL_ORDERS_TEST_API") {
    Some(origin) => origin,
    None => "http://127.0.0.1:18787",
};
const TOKEN: &str = "demo-bearer-token";
const ACCOUNT: u64 = 1234567;

// ---------------------------------------------------------------------------------------------
// Emulator control

async fn control(method: &str, path: &str, body: Option<Value>) -> Value {
    use gloo_net::http::Request;
    let url = format!("{EMULATOR}/_emulator/{path}");
    let builder = match method {
        "GET" => Request::get(&url),
        "POST" => Request::post(&url),
        "PUT" => Request::put(&url),
        "DELETE" => Request::delete(&url),
        other => panic!("unsupported method {other}"),
    };
    let response = match body {
        Some(body) => builder.header("Content-Type", "application/json").body(body.to_string()).unwrap().send().await,
        None => builder.send().await,
    }
    .unwrap_or_else(|e| panic!("emulator unreachable at {url}: {e}"));
    assert!(response.ok(), "{method} {url} → {}", response.status());
    let text = response.text().await.unwrap();
    if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap()
    }
}

async fn outbox() -> Vec<Value> {
    control("GET", "outbox", None).await.as_array().cloned().unwrap_or_default()
}

async fn inject_fault(fault: Value) {
    control("POST", "faults", Some(fault)).await;
}

async fn resend_posts() -> usize {
    let requests = control("GET", "requests", None).await;
    requests
        .as_array()
        .map(|r| r.iter().filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with("/resendEmail.json"))).count())
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// Fixture

/// A mounted widget, its container, and every event it dispatched (name, detail).
struct Fixture {
    host: HtmlElement,
    handle: WidgetHandle,
    events: Rc<RefCell<Vec<(String, Value)>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.handle.unmount();
        self.host.remove();
    }
}

const EVENTS: [&str; 6] = [
    "ssl-orders-ready",
    "ssl-orders-loaded",
    "ssl-orders-load-error",
    "ssl-orders-resend-request",
    "ssl-orders-email-resent",
    "ssl-orders-resend-error",
];

fn config() -> Config {
    let mut config = Config::from_json(&json!({
        "apiBase": format!("{EMULATOR}/rest/v3.1"), "token": TOKEN, "lang": "en", "timeoutMs": 4000
    }))
    .unwrap();
    config.account_id = Some(ACCOUNT);
    config
}

/// Resets the emulator and mounts a fresh widget into a new container on `<body>`.
async fn fixture_with(config: Config) -> Fixture {
    control("POST", "reset", None).await;
    mount_fresh(config)
}

async fn fixture() -> Fixture {
    let f = fixture_with(config()).await;
    f.wait_for_state("ready").await;
    f
}

fn mount_fresh(config: Config) -> Fixture {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    let listeners = EVENTS
        .iter()
        .map(|name| {
            let events = events.clone();
            let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                let detail = e.unchecked_ref::<web_sys::CustomEvent>().detail();
                let detail: Value = serde_wasm_bindgen::from_value(detail).unwrap_or(Value::Null);
                events.borrow_mut().push((e.type_(), detail));
            });
            host.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref()).unwrap();
            closure
        })
        .collect();
    let handle = mount_widget(&host, config).expect("mount");
    Fixture { host, handle, events, _listeners: listeners }
}

impl Fixture {
    fn root(&self) -> web_sys::ShadowRoot {
        self.host.shadow_root().expect("open shadow root")
    }
    fn query(&self, selector: &str) -> Option<Element> {
        self.root().query_selector(selector).unwrap()
    }
    fn get(&self, selector: &str) -> HtmlElement {
        self.query(selector).unwrap_or_else(|| panic!("no element matches {selector}")).unchecked_into()
    }
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root().query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
    }
    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }
    fn dialog(&self) -> HtmlDialogElement {
        self.get("dialog").unchecked_into()
    }
    fn events_named(&self, name: &str) -> Vec<Value> {
        self.events.borrow().iter().filter(|(n, _)| n == name).map(|(_, d)| d.clone()).collect()
    }
    fn active_element(&self) -> Option<Element> {
        self.root().active_element()
    }
    async fn wait_for_state(&self, state: &str) {
        let host = self.host.clone();
        wait_until(&format!("data-state={state}"), || host.get_attribute("data-state").as_deref() == Some(state)).await;
    }
    async fn wait_for_event(&self, name: &str) -> Value {
        let events = self.events.clone();
        wait_until(name, || events.borrow().iter().any(|(n, _)| n == name)).await;
        self.events_named(name).remove(0)
    }
    /// Clicks the first row's Send button, returning the button.
    async fn open_first_send(&self) -> HtmlElement {
        let send = self.get("tbody button.send");
        send.click();
        tick().await;
        assert!(self.dialog().open(), "the popup opens on Send");
        send
    }
}

/// Yields to the browser so the reactive system and pending fetches can run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

/// Ticks until `done()` holds; fails the test after about 8 seconds.
async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = js_sys::Date::now();
    while !done() {
        assert!(js_sys::Date::now() - start < 8_000.0, "timed out waiting for {what}");
        tick().await;
    }
}

// ---------------------------------------------------------------------------------------------
// The walking skeleton: load, show, send

#[wasm_bindgen_test]
async fn loads_orders_over_http_and_renders_one_page() {
    let f = fixture().await;
    let rows = f.all("tbody tr[part=row]");
    assert_eq!(rows.len(), 25, "the first page of the 40 seeded orders");
    let loaded = f.events_named("ssl-orders-loaded");
    assert_eq!(loaded, vec![json!({"count": 40, "total": 40})]);
    assert_eq!(f.events_named("ssl-orders-ready").len(), 1);
    assert_eq!(f.text(".pager .range"), "1–25 of 40");
    let headers: Vec<String> = f.all("thead th").iter().map(|h| h.text_content().unwrap_or_default()).collect();
    assert!(headers[0].starts_with("Common name") && headers[4].starts_with("Expires") && headers[5] == "Email");
}

#[wasm_bindgen_test]
async fn send_then_resend_emits_email_resent_and_the_outbox_holds_exactly_that_email() {
    let f = fixture().await;
    let send = f.open_first_send().await;
    let order_id: u64 = send.closest("tr").unwrap().unwrap().get_attribute("data-order-id").unwrap().parse().unwrap();
    let description = f.text("dialog p[id$=dialog-desc]");
    assert!(description.contains('@'), "the popup shows the administrator's address: {description}");

    f.get("dialog button.confirm").click();
    let resent = f.wait_for_event("ssl-orders-email-resent").await;

    let sent = outbox().await;
    assert_eq!(sent.len(), 1, "exactly one email: {sent:?}");
    assert_eq!(sent[0]["orderId"], json!(order_id));
    assert_eq!(resent["orderId"], json!(order_id));
    assert_eq!(resent["emailType"], sent[0]["emailType"]);
    assert_eq!(resent["recipient"], sent[0]["recipient"]);
    assert!(description.contains(resent["recipient"].as_str().unwrap()));
    tick().await;
    assert!(!f.dialog().open(), "the popup closes on success");
    let status = f.text("[role=status]");
    assert!(status.contains("sent again to") && status.contains(resent["recipient"].as_str().unwrap()), "{status}");
    assert!(f.text(&format!("tr[data-order-id='{order_id}'] .sent-note")).starts_with("sent at"));
}

#[wasm_bindgen_test]
async fn cancel_sends_nothing_and_returns_focus_to_send() {
    let f = fixture().await;
    let send = f.open_first_send().await;
    assert_eq!(f.active_element().map(|e| e.class_name()), Some("cancel".into()), "focus starts on Cancel");
    f.get("dialog button.cancel").click();
    tick().await;
    assert!(!f.dialog().open());
    assert_eq!(f.active_element(), Some(send.unchecked_into()), "focus returns to the Send button");
    assert_eq!(resend_posts().await, 0);
    assert!(f.events_named("ssl-orders-resend-request").is_empty());
}

#[wasm_bindgen_test]
async fn escape_path_closes_like_cancel() {
    let f = fixture().await;
    let send = f.open_first_send().await;
    // A test cannot press a trusted Escape; requestClose() takes the same cancel → close path.
    let dialog = f.dialog();
    let request_close = js_sys::Reflect::get(&dialog, &"requestClose".into()).unwrap();
    if request_close.is_function() {
        request_close.unchecked_ref::<js_sys::Function>().call0(&dialog).unwrap();
    } else {
        dialog.close();
    }
    assert!(!dialog.open());
    // The browser delivers `close` asynchronously (in headless Chromium, at the next frame).
    let send: Element = send.unchecked_into();
    wait_until("focus back on Send", || f.active_element().as_ref() == Some(&send)).await;
    assert_eq!(resend_posts().await, 0);
}

#[wasm_bindgen_test]
async fn dialog_is_labelled_and_described_by_its_own_text() {
    let f = fixture().await;
    f.open_first_send().await;
    let dialog = f.dialog();
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    let desc_id = dialog.get_attribute("aria-describedby").unwrap();
    let title = f.root().get_element_by_id(&title_id).unwrap().text_content().unwrap();
    let desc = f.root().get_element_by_id(&desc_id).unwrap().text_content().unwrap();
    assert!(title.starts_with("Resend the") && title.ends_with("email?"), "{title}");
    assert!(desc.contains("domain administrator"), "{desc}");
}

#[wasm_bindgen_test]
async fn a_click_storm_sends_exactly_one_email() {
    let f = fixture().await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 300})).await;
    f.open_first_send().await;
    let confirm = f.get("dialog button.confirm");
    for _ in 0..10 {
        confirm.click();
    }
    tick().await;
    assert_eq!(confirm.get_attribute("aria-busy").as_deref(), Some("true"), "busy while the request runs");
    for _ in 0..3 {
        confirm.click();
    }
    f.wait_for_event("ssl-orders-email-resent").await;
    assert_eq!(outbox().await.len(), 1);
    assert_eq!(resend_posts().await, 1);
    assert_eq!(f.events_named("ssl-orders-resend-request").len(), 1);
}

#[wasm_bindgen_test]
async fn prevent_default_on_resend_request_stops_the_post() {
    let f = fixture().await;
    let veto = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    f.host.add_event_listener_with_callback("ssl-orders-resend-request", veto.as_ref().unchecked_ref()).unwrap();
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    tick().await;
    tick().await;
    assert_eq!(f.events_named("ssl-orders-resend-request").len(), 1);
    assert_eq!(resend_posts().await, 0);
    assert!(outbox().await.is_empty());
    assert!(f.events_named("ssl-orders-email-resent").is_empty());
}

#[wasm_bindgen_test]
async fn an_api_error_keeps_the_popup_open_with_the_message_and_a_retry() {
    let f = fixture().await;
    inject_fault(json!({"method": "resendEmail", "kind": "error", "status": 500, "times": 1,
        "code": "SoftLayer_Exception_Public", "error": "Unable to resend the email right now."}))
    .await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    let failure = f.wait_for_event("ssl-orders-resend-error").await;
    tick().await;
    assert!(f.dialog().open(), "the popup stays open");
    assert_eq!(f.text("dialog [role=alert]"), "Unable to resend the email right now.");
    assert_eq!(failure["code"], json!("SoftLayer_Exception_Public"));
    assert_eq!(failure["status"], json!(500));
    assert_eq!(f.text("dialog button.confirm"), "Retry");
    assert!(outbox().await.is_empty());

    f.get("dialog button.confirm").click();
    f.wait_for_event("ssl-orders-email-resent").await;
    assert_eq!(outbox().await.len(), 1, "the retry sent it once");
}

#[wasm_bindgen_test]
async fn a_bare_false_is_a_refusal_not_a_success() {
    let f = fixture().await;
    inject_fault(json!({"method": "resendEmail", "kind": "false"})).await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    let failure = f.wait_for_event("ssl-orders-resend-error").await;
    assert_eq!(failure["code"], json!("NOT_ACCEPTED"));
    assert_eq!(f.text("dialog [role=alert]"), "The certificate authority did not accept the request.");
    assert!(f.events_named("ssl-orders-email-resent").is_empty());
}

#[wasm_bindgen_test]
async fn a_timeout_says_the_outcome_is_unknown() {
    let mut cfg = config();
    cfg.transport.timeout_ms = 300;
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    inject_fault(json!({"method": "resendEmail", "kind": "hang"})).await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    let failure = f.wait_for_event("ssl-orders-resend-error").await;
    assert_eq!(failure["code"], json!("TIMEOUT"));
    assert_eq!(failure["outcomeUnknown"], json!(true));
    assert!(f.text("dialog [role=alert]").contains("The outcome is unknown"));
}

#[wasm_bindgen_test]
async fn a_result_after_the_popup_closed_is_still_announced_and_emitted() {
    let f = fixture().await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 400})).await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    tick().await;
    f.dialog().close();
    tick().await;
    assert!(f.events_named("ssl-orders-email-resent").is_empty());
    let resent = f.wait_for_event("ssl-orders-email-resent").await;
    tick().await;
    assert!(f.text("[role=status]").contains(resent["recipient"].as_str().unwrap()));
    assert_eq!(outbox().await.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Table

#[wasm_bindgen_test]
async fn default_sort_is_expiration_ascending_and_a_header_click_flips_it() {
    let f = fixture().await;
    let headers = f.all("thead th");
    assert_eq!(headers[4].get_attribute("aria-sort").as_deref(), Some("ascending"));
    assert_eq!(headers.iter().filter(|h| h.has_attribute("aria-sort")).count(), 1, "aria-sort only on the sorted column");
    let first_expiry = || f.get("tbody tr time").get_attribute("datetime").unwrap();
    let oldest = first_expiry();

    headers[4].query_selector("button").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    tick().await;
    assert_eq!(f.all("thead th")[4].get_attribute("aria-sort").as_deref(), Some("descending"));
    assert!(first_expiry() >= oldest);
    assert!(f.text("[role=status]").contains("Sorted by Expires, descending"));

    f.all("thead th")[0].query_selector("button").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    tick().await;
    let headers = f.all("thead th");
    assert_eq!(headers[0].get_attribute("aria-sort").as_deref(), Some("ascending"));
    assert!(!headers[4].has_attribute("aria-sort"));
}

#[wasm_bindgen_test]
async fn the_filter_narrows_the_rows() {
    let f = fixture().await;
    let first_name = f.text("tbody tr th .cell-text");
    let input: web_sys::HtmlInputElement = f.get("input[type=search]").unchecked_into();
    input.set_value(&first_name);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
    let rows = f.all("tbody tr[part=row]");
    assert!(!rows.is_empty() && rows.len() < 25);
    assert!(rows.iter().all(|r| r.text_content().unwrap_or_default().contains(&first_name)));
    input.set_value("no-such-domain.invalid");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
    assert_eq!(f.text("tbody .no-match"), "No orders match the filter.");
}

#[wasm_bindgen_test]
async fn next_page_shows_the_rest() {
    let f = fixture().await;
    f.get(".pager button.next").click();
    tick().await;
    assert_eq!(f.all("tbody tr[part=row]").len(), 15);
    assert_eq!(f.text(".pager .range"), "26–40 of 40");
    assert!(f.get(".pager button.next").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn an_empty_account_says_so() {
    control("POST", "reset", None).await;
    control("PUT", "orders", Some(json!([]))).await;
    let f = mount_fresh(config());
    f.wait_for_state("empty").await;
    assert_eq!(f.text(".state.empty"), "This account has no SSL certificate orders.");
}

#[wasm_bindgen_test]
async fn wrong_credentials_show_the_api_error_and_retry_recovers() {
    let mut cfg = config();
    cfg.transport.auth = ssl_orders::api::Auth::Bearer("wrong-token".into());
    let f = fixture_with(cfg).await;
    f.wait_for_state("error").await;
    let failure = f.events_named("ssl-orders-load-error").remove(0);
    assert_eq!(failure["status"], json!(401));
    assert!(f.text(".state.error [role=alert]").contains("Access Denied."));

    inject_fault(json!({"method": "getSslCertificateRequests", "kind": "error", "status": 500, "times": 1,
        "error": "Internal Error"}))
    .await;
    let f = mount_fresh(config());
    f.wait_for_state("error").await;
    f.get(".state.error button.retry").click();
    f.wait_for_state("ready").await;
    assert_eq!(f.all("tbody tr[part=row]").len(), 25);
}

#[wasm_bindgen_test]
async fn spanish_uses_the_portal_labels() {
    let mut cfg = config();
    cfg.lang = Some(ssl_orders::i18n::Lang::Es);
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    assert_eq!(f.text("tbody button.send"), "Enviar");
    f.open_first_send().await;
    assert_eq!(f.text("dialog button.confirm"), "Reenviar correo electrónico");
    assert_eq!(f.text("dialog button.cancel"), "Cancelar");
}

#[wasm_bindgen_test]
async fn hostile_strings_render_as_text() {
    control("POST", "reset", None).await;
    let payload = "<img src=x onerror=\"window.__sslOrdersPwned=1\">";
    control("PUT", "orders", Some(json!([{
        "id": 40001, "commonName": payload, "approverEmailAddress": "admin@example.com",
        "status": {"id": 3, "name": "Complete"}, "orderItem": {"description": null},
        "expirationDate": "2025-03-04T23:59:59-06:00"
    }]))).await;
    let f = mount_fresh(config());
    f.wait_for_state("ready").await;
    assert_eq!(f.text("tbody th .cell-text"), payload);
    assert!(f.query("tbody img").is_none());
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__sslOrdersPwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn an_unknown_config_key_is_refused_with_its_name() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    // A plain object, as a host passes it.
    let config = js_sys::JSON::parse(r#"{"apiBase": "/rest/v3.1", "pagesize": 50}"#).unwrap();
    let error = match ssl_orders::embed::mount_js(&host, config) {
        Ok(h) => panic!("accepted; state {}", h.state()),
        Err(e) => e,
    };
    let message = js_sys::Error::from(JsValue::from(error)).message().as_string().unwrap();
    assert!(message.contains("unknown configuration key \"pagesize\""), "{message}");
    let shown = host.shadow_root().unwrap().query_selector("[role=alert]").unwrap().unwrap().text_content().unwrap();
    assert_eq!(shown, message);
    host.remove();
}

#[wasm_bindgen_test]
async fn credentials_never_reach_the_dom_or_event_details() {
    let f = fixture().await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    f.wait_for_event("ssl-orders-email-resent").await;
    let html = f.root().inner_html() + &f.host.outer_html();
    assert!(!html.contains(TOKEN));
    let details = serde_json::to_string(&*f.events.borrow()).unwrap();
    assert!(!details.contains(TOKEN), "{details}");
    let requests = control("GET", "requests", None).await.to_string();
    assert!(!requests.contains(TOKEN));
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let a = fixture().await;
    let b = mount_fresh(config());
    b.wait_for_state("ready").await;
    let a_title = a.dialog().get_attribute("aria-labelledby").unwrap();
    let b_title = b.dialog().get_attribute("aria-labelledby").unwrap();
    assert_ne!(a_title, b_title, "ids are unique per instance");
    a.get(".pager button.next").click();
    tick().await;
    assert_eq!(a.text(".pager .range"), "26–40 of 40");
    assert_eq!(b.text(".pager .range"), "1–25 of 40");
}
