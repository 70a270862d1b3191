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
        Some(body) => {
            builder
                .header("Content-Type", "application/json")
                .body(body.to_string())
                .unwrap()
                .send()
                .await
        }
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
    control("GET", "outbox", None)
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

async fn inject_fault(fault: Value) {
    control("POST", "faults", Some(fault)).await;
}

async fn resend_posts() -> usize {
    let requests = control("GET", "requests", None).await;
    requests
        .as_array()
        .map(|r| {
            r.iter()
                .filter(|r| {
                    r["method"] == "POST"
                        && r["path"]
                            .as_str()
                            .is_some_and(|p| p.ends_with("/resendEmail.json"))
                })
                .count()
        })
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
        // Across the whole suite: the credentials never reach the DOM, an attribute or an event detail.
        if !std::thread::panicking() {
            let shown = self.root().inner_html() + &self.host.outer_html();
            let details = serde_json::to_string(&*self.events.borrow()).unwrap_or_default();
            assert!(
                !shown.contains(TOKEN) && !details.contains(TOKEN),
                "the token leaked"
            );
        }
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

/// A new empty `<div>` appended to `parent` (to `<body>` when `None`), for a widget to mount into.
fn new_host(parent: Option<&Element>) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    match parent {
        Some(parent) => parent.append_child(&host).unwrap(),
        None => document.body().unwrap().append_child(&host).unwrap(),
    };
    host
}

/// Waits until `host` reports `state` in `data-state`.
async fn wait_for_host_state(host: &HtmlElement, state: &str) {
    wait_until(&format!("data-state={state}"), || {
        host.get_attribute("data-state").as_deref() == Some(state)
    })
    .await;
}

fn mount_fresh(config: Config) -> Fixture {
    let host = new_host(None);
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
            host.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
                .unwrap();
            closure
        })
        .collect();
    let handle = mount_widget(&host, config).expect("mount");
    Fixture {
        host,
        handle,
        events,
        _listeners: listeners,
    }
}

impl Fixture {
    fn root(&self) -> web_sys::ShadowRoot {
        self.host.shadow_root().expect("open shadow root")
    }
    fn query(&self, selector: &str) -> Option<Element> {
        self.root().query_selector(selector).unwrap()
    }
    fn get(&self, selector: &str) -> HtmlElement {
        self.query(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .unchecked_into()
    }
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root().query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }
    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }
    fn dialog(&self) -> HtmlDialogElement {
        self.get("dialog").unchecked_into()
    }
    fn events_named(&self, name: &str) -> Vec<Value> {
        self.events
            .borrow()
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .collect()
    }
    fn active_element(&self) -> Option<Element> {
        self.root().active_element()
    }
    async fn wait_for_state(&self, state: &str) {
        wait_for_host_state(&self.host, state).await;
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
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

/// Ticks until `done()` holds; fails the test after about 8 seconds.
async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = js_sys::Date::now();
    while !done() {
        assert!(
            js_sys::Date::now() - start < 8_000.0,
            "timed out waiting for {what}"
        );
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
    let headers: Vec<String> = f
        .all("thead th")
        .iter()
        .map(|h| h.text_content().unwrap_or_default())
        .collect();
    assert!(
        headers[0].starts_with("Common name")
            && headers[4].starts_with("Expires")
            && headers[5] == "Email"
    );
}

#[wasm_bindgen_test]
async fn send_then_resend_emits_email_resent_and_the_outbox_holds_exactly_that_email() {
    let f = fixture().await;
    let send = f.open_first_send().await;
    let order_id: u64 = send
        .closest("tr")
        .unwrap()
        .unwrap()
        .get_attribute("data-order-id")
        .unwrap()
        .parse()
        .unwrap();
    let description = f.text("dialog p[id$=dialog-desc]");
    assert!(
        description.contains('@'),
        "the popup shows the administrator's address: {description}"
    );

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
    assert!(
        status.contains("sent again to") && status.contains(resent["recipient"].as_str().unwrap()),
        "{status}"
    );
    assert!(f
        .text(&format!("tr[data-order-id='{order_id}'] .sent-note"))
        .starts_with("sent at"));
}

#[wasm_bindgen_test]
async fn cancel_sends_nothing_and_returns_focus_to_send() {
    let f = fixture().await;
    let send = f.open_first_send().await;
    assert_eq!(
        f.active_element().map(|e| e.class_name()),
        Some("cancel".into()),
        "focus starts on Cancel"
    );
    f.get("dialog button.cancel").click();
    tick().await;
    assert!(!f.dialog().open());
    assert_eq!(
        f.active_element(),
        Some(send.unchecked_into()),
        "focus returns to the Send button"
    );
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
    assert!(
        request_close.is_function(),
        "requestClose() is in every browser this suite runs"
    );
    request_close
        .unchecked_ref::<js_sys::Function>()
        .call0(&dialog)
        .unwrap();
    assert!(!dialog.open());
    // The browser delivers `close` asynchronously (in headless Chromium, at the next frame).
    let send: Element = send.unchecked_into();
    wait_until("focus back on Send", || {
        f.active_element().as_ref() == Some(&send)
    })
    .await;
    assert_eq!(resend_posts().await, 0);
}

#[wasm_bindgen_test]
async fn dialog_is_labelled_and_described_by_its_own_text() {
    let f = fixture().await;
    f.open_first_send().await;
    let dialog = f.dialog();
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    let desc_id = dialog.get_attribute("aria-describedby").unwrap();
    let title = f
        .root()
        .get_element_by_id(&title_id)
        .unwrap()
        .text_content()
        .unwrap();
    let desc = f
        .root()
        .get_element_by_id(&desc_id)
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        title.starts_with("Resend the") && title.ends_with("email?"),
        "{title}"
    );
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
    assert_eq!(
        confirm.get_attribute("aria-busy").as_deref(),
        Some("true"),
        "busy while the request runs"
    );
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
    f.host
        .add_event_listener_with_callback(
            "ssl-orders-resend-request",
            veto.as_ref().unchecked_ref(),
        )
        .unwrap();
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
    inject_fault(
        json!({"method": "resendEmail", "kind": "error", "status": 500, "times": 1,
        "code": "SoftLayer_Exception_Public", "error": "Unable to resend the email right now."}),
    )
    .await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    let failure = f.wait_for_event("ssl-orders-resend-error").await;
    tick().await;
    assert!(f.dialog().open(), "the popup stays open");
    assert_eq!(
        f.text("dialog [role=alert]"),
        "Unable to resend the email right now."
    );
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
    assert_eq!(
        f.text("dialog [role=alert]"),
        "The certificate authority did not accept the request."
    );
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
    assert!(f
        .text("dialog [role=alert]")
        .contains("The outcome is unknown"));
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
    assert!(f
        .text("[role=status]")
        .contains(resent["recipient"].as_str().unwrap()));
    assert_eq!(outbox().await.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Table

#[wasm_bindgen_test]
async fn default_sort_is_expiration_ascending_and_a_header_click_flips_it() {
    let f = fixture().await;
    let headers = f.all("thead th");
    assert_eq!(
        headers[4].get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert_eq!(
        headers
            .iter()
            .filter(|h| h.has_attribute("aria-sort"))
            .count(),
        1,
        "aria-sort only on the sorted column"
    );
    let first_expiry = || f.get("tbody tr time").get_attribute("datetime").unwrap();
    let oldest = first_expiry();

    headers[4]
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    assert_eq!(
        f.all("thead th")[4].get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    assert!(first_expiry() > oldest, "the latest expiry comes first now");
    assert!(f
        .text("[role=status]")
        .contains("Sorted by Expires, descending"));

    f.all("thead th")[0]
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    let headers = f.all("thead th");
    assert_eq!(
        headers[0].get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert!(!headers[4].has_attribute("aria-sort"));
}

#[wasm_bindgen_test]
async fn the_filter_narrows_the_rows() {
    let f = fixture().await;
    let first_name = f.text("tbody tr th .cell-text");
    let input: web_sys::HtmlInputElement = f.get("input[type=search]").unchecked_into();
    input.set_value(&first_name);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    let rows = f.all("tbody tr[part=row]");
    assert!(!rows.is_empty() && rows.len() < 25);
    assert!(rows
        .iter()
        .all(|r| r.text_content().unwrap_or_default().contains(&first_name)));
    input.set_value("no-such-domain.invalid");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
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
    assert_eq!(
        f.text(".state.empty"),
        "This account has no SSL certificate orders."
    );
}

#[wasm_bindgen_test]
async fn wrong_credentials_show_the_api_error_and_retry_recovers() {
    let mut cfg = config();
    cfg.transport.auth = ssl_orders::api::Auth::Bearer("wrong-token".into());
    let f = fixture_with(cfg).await;
    f.wait_for_state("error").await;
    let failure = f.events_named("ssl-orders-load-error").remove(0);
    assert_eq!(failure["status"], json!(401));
    assert!(f
        .text(".state.error [role=alert]")
        .contains("Access Denied."));

    inject_fault(
        json!({"method": "getSslCertificateRequests", "kind": "error", "status": 500, "times": 1,
        "error": "Internal Error"}),
    )
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
    assert_eq!(
        f.text("dialog button.confirm"),
        "Reenviar correo electrónico"
    );
    assert_eq!(f.text("dialog button.cancel"), "Cancelar");
}

#[wasm_bindgen_test]
async fn hostile_strings_render_as_text() {
    control("POST", "reset", None).await;
    let payload = "<img src=x onerror=\"window.__sslOrdersPwned=1\">";
    control(
        "PUT",
        "orders",
        Some(json!([{
            "id": 40001, "commonName": payload, "approverEmailAddress": "admin@example.com",
            "status": {"id": 3, "name": "Complete"}, "orderItem": {"description": null},
            "expirationDate": "2025-03-04T23:59:59-06:00"
        }])),
    )
    .await;
    let f = mount_fresh(config());
    f.wait_for_state("ready").await;
    assert_eq!(f.text("tbody th .cell-text"), payload);
    assert!(f.query("tbody img").is_none());
    let pwned =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"__sslOrdersPwned".into()).unwrap();
    assert!(pwned.is_undefined());
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
    let shown = host
        .shadow_root()
        .unwrap()
        .query_selector("[role=alert]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
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
        events.borrow().iter().any(|(n, _)| {
            n.starts_with("ssl-orders-email-resent") || n == "ssl-orders-resend-error"
        })
    })
    .await;
    assert!(
        b.events_named("ssl-orders-resend-error").is_empty(),
        "{:?}",
        b.events_named("ssl-orders-resend-error")
    );
    let resent = b.events_named("ssl-orders-email-resent").remove(0);
    assert!((39901..=39903).contains(&resent["orderId"].as_u64().unwrap()));
    assert!(
        a.events_named("ssl-orders-email-resent").is_empty(),
        "the other widget heard nothing"
    );
    assert!(a.text("[role=status]").is_empty());
}

#[wasm_bindgen_test]
async fn without_an_account_id_the_account_is_discovered() {
    let mut cfg = config();
    cfg.account_id = None;
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    let requests = control("GET", "requests", None).await.to_string();
    assert!(requests.contains("SoftLayer_Account/getObject.json"));
    assert!(requests.contains("mask[id]") || requests.contains("mask%5Bid%5D"));
    assert_eq!(f.all("tbody tr[part=row]").len(), 25);
}

#[wasm_bindgen_test]
async fn every_request_goes_to_the_configured_api_base() {
    let spy = spy();
    let f = fixture().await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    f.wait_for_event("ssl-orders-email-resent").await;
    let urls = js_sys::Array::from(&js_sys::Reflect::get(&spy, &"urls".into()).unwrap());
    spy.restore();
    let base = format!("{EMULATOR}/rest/v3.1/");
    let urls: Vec<String> = urls.iter().filter_map(|u| u.as_string()).collect();
    let widget: Vec<&String> = urls.iter().filter(|u| !u.contains("/_emulator/")).collect();
    assert!(widget.len() >= 3, "{urls:?}");
    assert!(widget.iter().all(|u| u.starts_with(&base)), "{widget:?}");
    assert!(urls.iter().all(|u| !u.contains(TOKEN)));
}

// ---------------------------------------------------------------------------------------------
// Loading and paging against the API's (unverified) resultLimit behaviour

async fn list_requests() -> Vec<String> {
    let requests = control("GET", "requests", None).await;
    requests
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| {
            r["method"] == "POST"
                && r["path"]
                    .as_str()
                    .is_some_and(|p| p.ends_with("/getSslCertificateRequests.json"))
        })
        .map(|r| r["query"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn result_limits(queries: &[String]) -> Vec<String> {
    queries
        .iter()
        .filter_map(|q| {
            q.split("resultLimit=")
                .nth(1)
                .map(|v| v.split('&').next().unwrap_or("").to_owned())
        })
        .collect()
}

/// A widget, ready, over 1,200 orders from an emulator whose paging behaves as `options` say.
async fn over_1200_orders(options: Value) -> Fixture {
    control("POST", "reset", None).await;
    control("POST", "options", Some(options)).await;
    control("POST", "dataset", Some(json!({"orders": 1200, "seed": 3}))).await;
    let f = mount_fresh(config());
    f.wait_for_state("ready").await;
    f
}

#[wasm_bindgen_test]
async fn with_the_total_items_header_the_list_is_read_in_result_limit_chunks() {
    let f = over_1200_orders(json!({})).await;
    assert_eq!(
        result_limits(&list_requests().await),
        ["0,500", "500,500", "1000,500"]
    );
    assert_eq!(f.text(".pager .range"), "1–25 of 1200");
    assert_eq!(
        f.events_named("ssl-orders-loaded"),
        vec![json!({"count": 1200, "total": 1200})]
    );
}

#[wasm_bindgen_test]
async fn without_the_header_and_with_result_limit_ignored_one_answer_is_the_whole_list() {
    let f = over_1200_orders(json!({"totalItemsHeader": false, "honourResultLimit": false})).await;
    assert_eq!(list_requests().await.len(), 1);
    assert_eq!(f.text(".pager .range"), "1–25 of 1200");
    f.get(".pager button.next").click();
    tick().await;
    assert_eq!(
        f.text(".pager .range"),
        "26–50 of 1200",
        "client-side paging"
    );
}

#[wasm_bindgen_test]
async fn without_the_header_full_chunks_are_followed_until_a_short_one() {
    let f = over_1200_orders(json!({"totalItemsHeader": false})).await;
    assert_eq!(
        result_limits(&list_requests().await),
        ["0,500", "500,500", "1000,500"]
    );
    assert_eq!(f.text(".pager .range"), "1–25 of 1200");
}

#[wasm_bindgen_test]
async fn loading_is_visible_until_the_list_arrives() {
    control("POST", "reset", None).await;
    inject_fault(
        json!({"method": "getSslCertificateRequests", "kind": "delay", "delayMs": 400, "times": 1}),
    )
    .await;
    let f = mount_fresh(config());
    tick().await;
    assert_eq!(
        f.host.get_attribute("data-state").as_deref(),
        Some("loading")
    );
    assert!(f.text(".state.loading").contains("Loading SSL orders"));
    f.wait_for_state("ready").await;
    assert!(f.query(".state.loading").is_none());
}

#[wasm_bindgen_test]
async fn a_reload_supersedes_an_older_list_request() {
    control("POST", "reset", None).await;
    inject_fault(
        json!({"method": "getSslCertificateRequests", "kind": "delay", "delayMs": 500, "times": 1}),
    )
    .await;
    let f = mount_fresh(config());
    let start = js_sys::Date::now();
    while list_requests().await.is_empty() {
        assert!(
            js_sys::Date::now() - start < 8_000.0,
            "timed out waiting for the first list request"
        );
        tick().await;
    }
    f.handle.reload(); // the second request overtakes the delayed first one
    f.wait_for_state("ready").await;
    let start = js_sys::Date::now();
    wait_until("the delayed answer's time to pass", || {
        js_sys::Date::now() - start > 700.0
    })
    .await;
    assert_eq!(
        f.events_named("ssl-orders-loaded").len(),
        1,
        "only the newer answer is used"
    );
    assert_eq!(list_requests().await.len(), 2);
}

#[wasm_bindgen_test]
async fn ten_thousand_orders_render_and_stay_usable() {
    control("POST", "reset", None).await;
    control(
        "POST",
        "dataset",
        Some(json!({"orders": 10000, "seed": 11})),
    )
    .await;
    let start = js_sys::Date::now();
    let f = mount_fresh(config());
    wait_until("10,000 orders", || {
        f.host.get_attribute("data-state").as_deref() == Some("ready")
    })
    .await;
    let first_render = js_sys::Date::now() - start;
    web_sys::console::log_1(
        &format!("10,000 orders: first render after {first_render:.0} ms").into(),
    );
    assert_eq!(f.text(".pager .range"), "1–25 of 10000");

    let sort_start = js_sys::Date::now();
    f.all("thead th button")[0]
        .unchecked_ref::<HtmlElement>()
        .click();
    tick().await;
    web_sys::console::log_1(
        &format!(
            "10,000 orders: sort by name {:.0} ms",
            js_sys::Date::now() - sort_start
        )
        .into(),
    );
    assert_eq!(
        f.all("thead th")[0].get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );

    let input: web_sys::HtmlInputElement = f.get("input[type=search]").unchecked_into();
    input.set_value("shop.");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    let range = f.text(".pager .range");
    assert!(
        range.starts_with("1–25 of ") && !range.ends_with("of 10000"),
        "{range}"
    );
    f.get(".pager button.next").click();
    tick().await;
    assert!(f.text(".pager .range").starts_with("26–50 of "));
}

// ---------------------------------------------------------------------------------------------
// Which email, and when

fn row(f: &Fixture, id: u64) -> Element {
    f.query(&format!("tr[data-order-id='{id}']"))
        .unwrap_or_else(|| panic!("row {id}"))
}

#[wasm_bindgen_test]
async fn pending_orders_offer_the_approval_email_and_cancelled_ones_none() {
    let mut cfg = config();
    cfg.page_size = 100;
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    // The emulator's first four orders: 40001 pending, 40002 approved, 40003 complete, 40004 cancelled.
    let label = |id| {
        row(&f, id)
            .query_selector("button.send")
            .unwrap()
            .and_then(|b| b.get_attribute("aria-label"))
    };
    assert!(label(40001)
        .unwrap()
        .starts_with("Send approval email for "));
    assert!(label(40002)
        .unwrap()
        .starts_with("Send fulfillment email for "));
    assert!(label(40003)
        .unwrap()
        .starts_with("Send fulfillment email for "));
    assert_eq!(label(40004), None);
    assert!(row(&f, 40004)
        .text_content()
        .unwrap()
        .contains("No email available"));
}

#[wasm_bindgen_test]
async fn the_host_can_override_the_email_policy() {
    let mut cfg = config();
    cfg.page_size = 100;
    cfg.email_policy = ssl_orders::config::parse_email_types(
        &json!({"Canceled": "FulfillmentEmail", "Complete": null}),
    )
    .unwrap();
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    let button = |id| row(&f, id).query_selector("button.send").unwrap();
    assert!(button(40004).is_some());
    assert!(button(40003).is_none());
}

#[wasm_bindgen_test]
async fn the_status_filter_keeps_one_status() {
    let f = fixture().await;
    let select: web_sys::HtmlSelectElement = f.get("select[part=status-filter]").unchecked_into();
    select.set_value("Canceled");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    let rows = f.all("tbody tr[part=row]");
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r.text_content().unwrap_or_default().contains("Canceled")));
    assert!(f.query("tbody button.send").is_none());
}

#[wasm_bindgen_test]
async fn the_locale_follows_the_page_lang_when_none_is_configured() {
    control("POST", "reset", None).await;
    let document = web_sys::window().unwrap().document().unwrap();
    let section = document.create_element("section").unwrap();
    section.set_attribute("lang", "es-ES").unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    let host = new_host(Some(&section));
    let mut cfg = config();
    cfg.lang = None;
    let handle = mount_widget(&host, cfg).unwrap();
    wait_for_host_state(&host, "ready").await;
    let send = host
        .shadow_root()
        .unwrap()
        .query_selector("tbody button.send")
        .unwrap()
        .unwrap();
    assert_eq!(send.text_content().unwrap(), "Enviar");
    drop(handle);
    section.remove();
}

// ---------------------------------------------------------------------------------------------
// Every resend outcome: message, event, and what the emulator really recorded

struct ResendCase {
    name: &'static str,
    fault: Value,
    code: &'static str,
    status: u16,
    shows: &'static str,
    outcome_unknown: bool,
    /// Whether the emulator acted (and recorded an email) even though the widget could not confirm it.
    /// `None` when either is right: a cached CORS preflight lets the POST through before the answer is refused.
    server_sent: Option<bool>,
}

fn resend_cases() -> Vec<ResendCase> {
    let error = |status: u16, code: &str, message: &str| json!({"method": "resendEmail", "kind": "error", "status": status, "code": code, "error": message});
    let kind = |kind: &str| json!({"method": "resendEmail", "kind": kind});
    vec![
        ResendCase {
            name: "401",
            fault: error(401, "SoftLayer_Exception_Public", "Access Denied."),
            code: "SoftLayer_Exception_Public",
            status: 401,
            shows: "Access Denied.",
            outcome_unknown: false,
            server_sent: Some(false),
        },
        ResendCase {
            name: "404",
            fault: error(
                404,
                "SoftLayer_Exception_ObjectNotFound",
                "Unable to find object with id of '40002'.",
            ),
            code: "SoftLayer_Exception_ObjectNotFound",
            status: 404,
            shows: "Unable to find object with id of '40002'.",
            outcome_unknown: false,
            server_sent: Some(false),
        },
        ResendCase {
            name: "500",
            fault: error(500, "SoftLayer_Exception_Public", "Internal Error"),
            code: "SoftLayer_Exception_Public",
            status: 500,
            shows: "Internal Error",
            outcome_unknown: false,
            server_sent: Some(false),
        },
        ResendCase {
            name: "rate limit",
            fault: error(
                500,
                "SoftLayer_Exception_WebService_RateLimitExceeded",
                "Rate limit of 50 requests for every 1 second(s) exceeded.",
            ),
            code: "SoftLayer_Exception_WebService_RateLimitExceeded",
            status: 500,
            shows: "Too many requests",
            outcome_unknown: false,
            server_sent: Some(false),
        },
        ResendCase {
            name: "expired token",
            fault: error(
                500,
                "SoftLayer_Exception_Account_Authentication_AccessTokenValidation",
                "Invalid token.",
            ),
            code: "SoftLayer_Exception_Account_Authentication_AccessTokenValidation",
            status: 500,
            shows: "access token has expired",
            outcome_unknown: false,
            server_sent: Some(false),
        },
        ResendCase {
            name: "200 with an error body",
            fault: error(200, "SoftLayer_Exception_Public", "Internal Error"),
            code: "SoftLayer_Exception_Public",
            status: 200,
            shows: "Internal Error",
            outcome_unknown: false,
            server_sent: Some(false),
        },
        ResendCase {
            name: "bare false",
            fault: kind("false"),
            code: "NOT_ACCEPTED",
            status: 200,
            shows: "did not accept",
            outcome_unknown: false,
            server_sent: Some(false),
        },
        ResendCase {
            name: "empty body",
            fault: kind("empty"),
            code: "UNREADABLE_RESPONSE",
            status: 200,
            shows: "outcome is unknown",
            outcome_unknown: true,
            server_sent: Some(false),
        },
        ResendCase {
            name: "malformed JSON",
            fault: kind("malformed"),
            code: "UNREADABLE_RESPONSE",
            status: 200,
            shows: "outcome is unknown",
            outcome_unknown: true,
            server_sent: Some(false),
        },
        ResendCase {
            name: "truncated JSON",
            fault: kind("truncated"),
            code: "UNREADABLE_RESPONSE",
            status: 200,
            shows: "outcome is unknown",
            outcome_unknown: true,
            server_sent: Some(true),
        },
        ResendCase {
            name: "connection dropped",
            fault: kind("drop"),
            code: "NETWORK",
            status: 0,
            shows: "outcome is unknown",
            outcome_unknown: true,
            server_sent: Some(true),
        },
        ResendCase {
            name: "CORS refusal",
            fault: json!({"method": "resendEmail", "kind": "noCors"}),
            code: "NETWORK",
            status: 0,
            shows: "could not be reached",
            outcome_unknown: true,
            server_sent: None,
        },
        ResendCase {
            name: "no answer",
            fault: kind("hang"),
            code: "TIMEOUT",
            status: 0,
            shows: "did not answer in time",
            outcome_unknown: true,
            server_sent: Some(false),
        },
        ResendCase {
            name: "slow but within the timeout",
            fault: json!({"method": "resendEmail", "kind": "delay", "delayMs": 300}),
            code: "",
            status: 200,
            shows: "",
            outcome_unknown: false,
            server_sent: Some(true),
        },
    ]
}

#[wasm_bindgen_test]
async fn every_resend_fault_reports_one_outcome_and_never_claims_success_wrongly() {
    for case in resend_cases() {
        let mut cfg = config();
        cfg.transport.timeout_ms = 800;
        let f = fixture_with(cfg).await;
        f.wait_for_state("ready").await;
        inject_fault(case.fault.clone()).await;
        row(&f, 40002)
            .query_selector("button.send")
            .unwrap()
            .unwrap()
            .unchecked_into::<HtmlElement>()
            .click();
        tick().await;
        f.get("dialog button.confirm").click();
        let events = f.events.clone();
        wait_until(case.name, || {
            events
                .borrow()
                .iter()
                .any(|(n, _)| n == "ssl-orders-email-resent" || n == "ssl-orders-resend-error")
        })
        .await;
        // Let anything else that might wrongly follow arrive before counting.
        tick().await;
        tick().await;
        let resent = f.events_named("ssl-orders-email-resent");
        let failed = f.events_named("ssl-orders-resend-error");
        let outbox = outbox().await.len();
        if case.code.is_empty() {
            assert_eq!(
                (resent.len(), failed.len(), outbox),
                (1, 0, 1),
                "{}",
                case.name
            );
            continue;
        }
        assert_eq!(
            (resent.len(), failed.len()),
            (0, 1),
            "{}: exactly one error event",
            case.name
        );
        let failure = &failed[0];
        assert_eq!(failure["code"], json!(case.code), "{}", case.name);
        assert_eq!(failure["status"], json!(case.status), "{}", case.name);
        assert_eq!(
            failure["outcomeUnknown"],
            json!(case.outcome_unknown),
            "{}",
            case.name
        );
        assert_eq!(failure["orderId"], json!(40002));
        let alert = f.text("dialog [role=alert]");
        assert!(
            alert.contains(case.shows),
            "{}: alert says {alert:?}",
            case.name
        );
        assert!(f.dialog().open(), "{}: the popup stays open", case.name);
        assert_eq!(f.text("dialog button.confirm"), "Retry", "{}", case.name);
        match case.server_sent {
            Some(sent) => assert_eq!(
                outbox,
                usize::from(sent),
                "{}: the emulator's outbox",
                case.name
            ),
            None => assert!(outbox <= 1, "{}: never two emails", case.name),
        }
        assert!(
            !f.text("[role=status]").contains("sent again"),
            "{}: never claims success",
            case.name
        );
    }
}

#[wasm_bindgen_test]
async fn every_list_fault_shows_an_error_with_retry_and_one_event() {
    let error = |status: u16, code: &str, message: &str| json!({"method": "getSslCertificateRequests", "kind": "error", "status": status, "code": code, "error": message});
    let kind = |kind: &str| json!({"method": "getSslCertificateRequests", "kind": kind});
    let cases = [
        (
            "401",
            error(401, "SoftLayer_Exception_Public", "Access Denied."),
            "SoftLayer_Exception_Public",
            "Access Denied.",
        ),
        (
            "404",
            error(
                404,
                "SoftLayer_Exception_ObjectNotFound",
                "Unable to find object with id of '1234567'.",
            ),
            "SoftLayer_Exception_ObjectNotFound",
            "Unable to find object",
        ),
        (
            "500",
            error(500, "SoftLayer_Exception_Public", "Internal Error"),
            "SoftLayer_Exception_Public",
            "Internal Error",
        ),
        (
            "rate limit",
            error(
                500,
                "SoftLayer_Exception_WebService_RateLimitExceeded",
                "Rate limit of 50 requests for every 1 second(s) exceeded.",
            ),
            "SoftLayer_Exception_WebService_RateLimitExceeded",
            "Too many requests",
        ),
        (
            "expired token",
            error(
                500,
                "SoftLayer_Exception_Account_Authentication_AccessTokenValidation",
                "Invalid token.",
            ),
            "SoftLayer_Exception_Account_Authentication_AccessTokenValidation",
            "expired",
        ),
        (
            "200 with an error body",
            error(200, "SoftLayer_Exception_Public", "Internal Error"),
            "SoftLayer_Exception_Public",
            "Internal Error",
        ),
        (
            "bare false",
            kind("false"),
            "UNREADABLE_RESPONSE",
            "could not be read",
        ),
        (
            "empty body",
            kind("empty"),
            "UNREADABLE_RESPONSE",
            "could not be read",
        ),
        (
            "malformed JSON",
            kind("malformed"),
            "UNREADABLE_RESPONSE",
            "could not be read",
        ),
        (
            "truncated JSON",
            kind("truncated"),
            "UNREADABLE_RESPONSE",
            "could not be read",
        ),
        (
            "connection dropped",
            kind("drop"),
            "NETWORK",
            "could not be reached",
        ),
        (
            "CORS refusal",
            kind("noCors"),
            "NETWORK",
            "could not be reached",
        ),
        (
            "no answer",
            kind("hang"),
            "TIMEOUT",
            "did not answer in time",
        ),
    ];
    for (name, fault, code, shows) in cases {
        control("POST", "reset", None).await;
        inject_fault(fault).await;
        let mut cfg = config();
        cfg.transport.timeout_ms = 800;
        let f = mount_fresh(cfg);
        f.wait_for_state("error").await;
        tick().await;
        let failures = f.events_named("ssl-orders-load-error");
        assert_eq!(failures.len(), 1, "{name}: exactly one load-error event");
        assert!(f.events_named("ssl-orders-loaded").is_empty(), "{name}");
        assert_eq!(failures[0]["code"], json!(code), "{name}");
        let shown = f.text(".state.error [role=alert]");
        assert!(shown.contains(shows), "{name}: {shown:?}");
        assert_eq!(
            failures[0]["message"].as_str(),
            f.query(".state.error .api-message")
                .and_then(|e| e.text_content())
                .as_deref()
        );
        control("DELETE", "faults", None).await;
        f.get(".state.error button.retry").click();
        f.wait_for_state("ready").await;
    }
}

#[wasm_bindgen_test]
async fn a_list_answer_within_the_timeout_is_used() {
    control("POST", "reset", None).await;
    inject_fault(json!({"method": "getSslCertificateRequests", "kind": "delay", "delayMs": 300}))
        .await;
    let mut cfg = config();
    cfg.transport.timeout_ms = 2000;
    let f = mount_fresh(cfg);
    f.wait_for_state("ready").await;
    assert!(f.events_named("ssl-orders-load-error").is_empty());
}

// ---------------------------------------------------------------------------------------------
// Hostile input in every rendered field

#[wasm_bindgen_test]
async fn hostile_strings_in_every_field_render_as_text_and_keep_the_layout() {
    control("POST", "reset", None).await;
    let script = "<script>window.__sslOrdersPwned=1</script>";
    let img = "<img src=x onerror=\"window.__sslOrdersPwned=1\">";
    let href = "javascript:window.__sslOrdersPwned=1";
    let bidi = "\u{202E}moc.elpmaxe\u{202C}.evil";
    let long = "a".repeat(10_000) + ".example";
    control("PUT", "orders", Some(json!([
        {"id": 40001, "commonName": img, "approverEmailAddress": script, "statusId": 1,
         "status": {"id": 1, "name": "Pending CA Approval", "description": img}, "orderItem": {"description": href},
         "createDate": "2024-01-01T00:00:00-06:00"},
        {"id": 40002, "commonName": long, "approverEmailAddress": format!("{bidi}@x"), "statusId": 3,
         "status": {"id": 3, "name": "Complete", "description": null}, "orderItem": {"description": bidi}},
        {"id": 40003, "commonName": null, "approverEmailAddress": null, "status": null, "orderItem": null,
         "createDate": null, "expirationDate": 5},
        {"id": 40004, "commonName": 12, "approverEmailAddress": ["x"], "status": {"name": {"a": 1}}}
    ]))).await;
    let mut cfg = config();
    cfg.email_policy = ssl_orders::config::parse_email_types(&json!({})).unwrap();
    let f = mount_fresh(cfg);
    f.wait_for_state("ready").await;
    assert_eq!(f.all("tbody tr[part=row]").len(), 4, "no order lost");
    assert_eq!(
        row(&f, 40001)
            .query_selector("th .cell-text")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        img
    );
    assert!(row(&f, 40001).text_content().unwrap().contains(href));
    assert!(f.query("tbody img, tbody script, tbody a").is_none());
    // The 10 KB name wraps inside its cell: the full text is there, the row stays a sane height.
    let long_cell: HtmlElement = row(&f, 40002)
        .query_selector("th .cell-text")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(long_cell.text_content().unwrap().len(), long.len());
    assert!(
        long_cell.offset_width() < 600,
        "long names wrap instead of widening the table"
    );

    // The popup and its messages treat them as text too.
    row(&f, 40001)
        .query_selector("button.send")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    let text = f.text("dialog p[id$=dialog-desc]");
    assert!(text.contains(script) && text.contains(img), "{text}");
    inject_fault(json!({"method": "resendEmail", "kind": "error", "status": 500, "error": img}))
        .await;
    f.get("dialog button.confirm").click();
    f.wait_for_event("ssl-orders-resend-error").await;
    assert_eq!(f.text("dialog [role=alert]"), img);
    assert!(f.query("dialog img").is_none());
    let pwned =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"__sslOrdersPwned".into()).unwrap();
    assert!(pwned.is_undefined(), "no payload ran");
}

// ---------------------------------------------------------------------------------------------
// The <ssl-orders> custom element

#[wasm_bindgen(inline_js = r#"
export function createElement(attributes, token) {
  const el = document.createElement("ssl-orders");
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  document.body.append(el);
  el.token = token;
  return el;
}
export function elementState(el) { return el.state; }
export function readProperty(el, name) { return el[name]; }
export function setProperty(el, name, value) { el[name] = value; }
export function elementError(el) { return el.error ? String(el.error.message ?? el.error) : null; }
export function isDefined() { return customElements.get("ssl-orders") !== undefined; }
// Records the AbortSignal of every fetch, and every listener added to or removed from targets outside
// shadow roots (window, document, hosts, AbortSignals).
export function spy() {
  const record = { signals: [], added: 0, removed: 0 };
  const fetch = window.fetch, add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
  const outside = (t) => !(t instanceof Node) || !(t.getRootNode() instanceof ShadowRoot);
  record.urls = [];
  window.fetch = function (input, init) {
    record.signals.push(input?.signal ?? init?.signal);
    record.urls.push(typeof input === "string" ? input : input?.url);
    return fetch.apply(this, arguments);
  };
  EventTarget.prototype.addEventListener = function () { if (outside(this)) record.added += 1; return add.apply(this, arguments); };
  EventTarget.prototype.removeEventListener = function () { if (outside(this)) record.removed += 1; return remove.apply(this, arguments); };
  record.restore = () => { window.fetch = fetch; EventTarget.prototype.addEventListener = add; EventTarget.prototype.removeEventListener = remove; };
  record.aborted = () => record.signals.filter((s) => s && s.aborted).length;
  return record;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = createElement)]
    fn create_element(attributes: &JsValue, token: &str) -> HtmlElement;
    #[wasm_bindgen(js_name = elementState)]
    fn element_state(el: &HtmlElement) -> String;
    #[wasm_bindgen(js_name = readProperty)]
    fn read_property(el: &HtmlElement, name: &str) -> JsValue;
    #[wasm_bindgen(js_name = setProperty)]
    fn set_property(el: &HtmlElement, name: &str, value: &JsValue);
    #[wasm_bindgen(js_name = elementError)]
    fn element_error(el: &HtmlElement) -> Option<String>;
    #[wasm_bindgen(js_name = isDefined)]
    fn is_defined() -> bool;
    type Spy;
    fn spy() -> Spy;
    #[wasm_bindgen(method, getter)]
    fn added(this: &Spy) -> u32;
    #[wasm_bindgen(method, getter)]
    fn removed(this: &Spy) -> u32;
    #[wasm_bindgen(method)]
    fn aborted(this: &Spy) -> u32;
    #[wasm_bindgen(method)]
    fn restore(this: &Spy);
}

fn element_attributes(extra: &[(&str, &str)]) -> JsValue {
    ssl_orders::embed::start();
    let object = js_sys::Object::new();
    let base = format!("{EMULATOR}/rest/v3.1");
    let account = ACCOUNT.to_string();
    for (k, v) in [
        ("api-base", base.as_str()),
        ("account-id", account.as_str()),
        ("lang", "en"),
    ]
    .into_iter()
    .chain(extra.iter().copied())
    {
        js_sys::Reflect::set(&object, &k.into(), &v.into()).unwrap();
    }
    object.into()
}

async fn wait_for_element_state(el: &HtmlElement, state: &str) {
    wait_until(&format!("element state {state}"), || {
        element_state(el) == state
    })
    .await;
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
    let shown = el
        .shadow_root()
        .unwrap()
        .query_selector("[role=alert]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(shown, message);
    assert_eq!(element_state(&el), "error");
    el.set_attribute("page-size", "50").unwrap();
    wait_for_element_state(&el, "ready").await;
    el.remove();
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

fn list_requests_pending(spy: &Spy) -> bool {
    let signals = js_sys::Reflect::get(spy, &"signals".into()).unwrap();
    js_sys::Array::from(&signals).length() >= 2 // statuses, then the list
}

#[wasm_bindgen_test]
async fn unmount_aborts_a_resend_in_flight() {
    let mut f = fixture().await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 2000})).await;
    let spy = spy();
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    tick().await;
    f.handle.unmount();
    tick().await;
    let aborted = spy.aborted();
    spy.restore();
    assert_eq!(aborted, 1);
    assert!(
        f.events_named("ssl-orders-email-resent").is_empty()
            && f.events_named("ssl-orders-resend-error").is_empty()
    );
}

#[wasm_bindgen_test]
async fn credentials_set_as_properties_never_leak() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[]), "");
    set_property(&el, "token", &JsValue::NULL);
    set_property(&el, "username", &"SL1234567".into());
    set_property(&el, "apiKey", &"demo-api-key-0123456789abcdef".into());
    wait_for_element_state(&el, "ready").await;
    let html = el.outer_html() + &el.shadow_root().unwrap().inner_html();
    assert!(!html.contains("demo-api-key"));
    let requests = control("GET", "requests", None).await;
    assert!(requests
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["auth"] == "basic"));
    assert!(
        !requests.to_string().contains("demo-api-key"),
        "never in a URL"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn host_css_does_not_leak_in_and_widget_css_does_not_leak_out() {
    let document = web_sys::window().unwrap().document().unwrap();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(
        "button { color: rgb(255, 0, 0) !important; } table { display: none; }",
    ));
    document.head().unwrap().append_child(&style).unwrap();
    let outside = document.create_element("button").unwrap();
    outside.set_class_name("send");
    document.body().unwrap().append_child(&outside).unwrap();
    let f = fixture().await;
    let window = web_sys::window().unwrap();
    let computed = |el: &Element, property: &str| {
        window
            .get_computed_style(el)
            .unwrap()
            .unwrap()
            .get_property_value(property)
            .unwrap()
    };
    let send: Element = f.get("tbody button.send").unchecked_into();
    assert_ne!(
        computed(&send, "color"),
        "rgb(255, 0, 0)",
        "host CSS stays out"
    );
    assert_ne!(
        computed(&f.get("table").unchecked_into(), "display"),
        "none"
    );
    assert_ne!(
        computed(&outside, "background-color"),
        computed(&send, "background-color"),
        "widget CSS stays in"
    );
    style.remove();
    outside.remove();
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

// ---------------------------------------------------------------------------------------------
// Hosts doing surprising things from their listeners, and the popup under concurrent sends

#[wasm_bindgen(inline_js = r#"
export function unmountOn(el, name, handle) {
  el.addEventListener(name, () => handle.unmount(), { once: true });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = unmountOn)]
    fn unmount_on(el: &HtmlElement, name: &str, handle: &JsValue);
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
async fn a_host_may_unmount_from_the_resend_request_listener() {
    unmounting_in_a_listener_is_safe("ssl-orders-resend-request").await;
}

#[wasm_bindgen_test]
async fn a_host_may_unmount_from_the_email_resent_listener() {
    unmounting_in_a_listener_is_safe("ssl-orders-email-resent").await;
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
        .add_event_listener_with_callback("ssl-orders-loaded", listener.as_ref().unchecked_ref())
        .unwrap();
    f.wait_for_state("ready").await;
    assert_eq!(seen.borrow().as_deref(), Some("ready"));
}

#[wasm_bindgen_test]
async fn another_popup_stays_usable_while_a_send_runs() {
    let mut cfg = config();
    cfg.page_size = 100;
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 600, "times": 1}))
        .await;
    let send = |id| {
        row(&f, id)
            .query_selector("button.send")
            .unwrap()
            .unwrap()
            .unchecked_into::<HtmlElement>()
    };
    send(40002).click();
    tick().await;
    f.get("dialog button.confirm").click();
    tick().await;
    f.dialog().close(); // Escape while the first send runs
    tick().await;
    send(40003).click();
    tick().await;
    assert!(f.text("dialog p[id$=dialog-desc]").contains(
        &row(&f, 40003)
            .query_selector("th")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    ));
    assert_eq!(
        f.get("dialog button.confirm")
            .get_attribute("aria-busy")
            .as_deref(),
        Some("false")
    );
    let events = f.events.clone();
    wait_until("the first answer", || {
        events
            .borrow()
            .iter()
            .any(|(n, _)| n == "ssl-orders-email-resent")
    })
    .await;
    tick().await;
    assert!(
        f.dialog().open(),
        "the second popup survives the first answer"
    );
    assert!(!f.text("dialog p[id$=dialog-desc]").is_empty());
    f.get("dialog button.confirm").click();
    wait_until("the second answer", || {
        events
            .borrow()
            .iter()
            .filter(|(n, _)| n == "ssl-orders-email-resent")
            .count()
            == 2
    })
    .await;
    let sent: Vec<u64> = outbox()
        .await
        .iter()
        .filter_map(|e| e["orderId"].as_u64())
        .collect();
    assert_eq!(sent, [40002, 40003]);
}

#[wasm_bindgen_test]
async fn the_same_message_twice_is_announced_twice() {
    let f = fixture().await;
    let send = f.get("tbody button.send");
    let mut texts = Vec::new();
    for _ in 0..2 {
        send.click();
        tick().await;
        f.get("dialog button.confirm").click();
        let before = f.events_named("ssl-orders-email-resent").len();
        let events = f.events.clone();
        wait_until("sent", || {
            events
                .borrow()
                .iter()
                .filter(|(n, _)| n == "ssl-orders-email-resent")
                .count()
                > before
        })
        .await;
        tick().await;
        texts.push(f.get("[role=status]").text_content().unwrap());
    }
    assert_ne!(
        texts[0], texts[1],
        "the live region's text changes, so it is read again"
    );
    assert_eq!(
        texts[0].trim_end_matches('\u{a0}'),
        texts[1].trim_end_matches('\u{a0}')
    );
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
    let el = create_element(&element_attributes(&[("lang", "fr")]), TOKEN);
    wait_for_element_state(&el, "ready").await;
    assert!(element_error(&el).is_none());
    el.remove();
}
