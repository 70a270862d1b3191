//! Shared fixtures: emulator control, a mounted widget with every event it dispatched, waits, the
//! `<ssl-orders>` element driver and the fetch/listener spy.

use serde_json::{json, Value};
use ssl_orders::json::{Json, Parsed};
use ssl_orders::{mount_widget, Config, WidgetHandle};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement};

pub const EMULATOR: &str = match option_env!("SSL_ORDERS_TEST_API") {
    Some(origin) => origin,
    None => "http://127.0.0.1:18787",
};
/// A second emulator, on another origin than [`EMULATOR`] (another port), with the same data and page origin:
/// where an `api-base` moves to when a test needs "another API".
pub const EMULATOR_2: &str = match option_env!("SSL_ORDERS_TEST_API_2") {
    Some(origin) => origin,
    None => "http://127.0.0.1:18790",
};
pub const TOKEN: &str = "demo-bearer-token";
pub const ACCOUNT: u64 = 1234567;

// ---------------------------------------------------------------------------------------------
// Emulator control

pub async fn control(method: &str, path: &str, body: Option<Value>) -> Value {
    control_at(EMULATOR, method, path, body).await
}

/// [`control`] of the emulator at `origin` ([`EMULATOR`] or [`EMULATOR_2`]).
pub async fn control_at(origin: &str, method: &str, path: &str, body: Option<Value>) -> Value {
    use gloo_net::http::Request;
    let url = format!("{origin}/_emulator/{path}");
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

pub async fn outbox() -> Vec<Value> {
    control("GET", "outbox", None)
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

pub async fn inject_fault(fault: Value) {
    control("POST", "faults", Some(fault)).await;
}

pub async fn resend_posts() -> usize {
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

/// The (path, query) of every request the emulator logged with `method` and a path `wanted` accepts, in
/// order. Preflights are logged too, so the method tells them apart.
pub async fn requests_to(method: &str, wanted: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let requests = control("GET", "requests", None).await;
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    requests
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["method"] == method && r["path"].as_str().is_some_and(&wanted))
        .map(|r| (text(&r["path"]), text(&r["query"])))
        .collect()
}

/// The query string of every list request the emulator received, in order.
pub async fn list_requests() -> Vec<String> {
    requests_to("POST", |p| p.ends_with("/getSslCertificateRequests.json"))
        .await
        .into_iter()
        .map(|(_, query)| query)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Fixture

/// A mounted widget, its container, and every event it dispatched (name, detail).
pub struct Fixture {
    pub host: HtmlElement,
    pub handle: WidgetHandle,
    pub events: Rc<RefCell<Vec<(String, Value)>>>,
    _log: EventLog,
}

/// Every widget event dispatched on one target (name, detail), recorded for as long as the log lives.
pub struct EventLog {
    pub events: Rc<RefCell<Vec<(String, Value)>>>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

/// Starts recording every widget event dispatched on `target` (a mount() host or an `<ssl-orders>`).
pub fn record_events(target: &web_sys::EventTarget) -> EventLog {
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
            target
                .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
                .unwrap();
            closure
        })
        .collect();
    EventLog {
        events,
        _listeners: listeners,
    }
}

impl EventLog {
    /// The details of every `name` event so far, in order.
    pub fn named(&self, name: &str) -> Vec<Value> {
        self.events
            .borrow()
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .collect()
    }
    /// Waits for the first `name` event and returns its detail.
    pub async fn wait_for(&self, name: &str) -> Value {
        let events = self.events.clone();
        wait_until(name, || events.borrow().iter().any(|(n, _)| n == name)).await;
        self.named(name).remove(0)
    }
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

/// Every event the widget dispatches; a fixture records them all.
const EVENTS: [&str; ssl_orders::events::ALL.len()] = ssl_orders::events::ALL;

/// `value` as the widget reads JSON in the browser: parsed by `JSON.parse`.
pub fn parsed(value: Value) -> Parsed {
    Json::parse(&value.to_string()).unwrap()
}

pub fn config() -> Config {
    let mut config = Config::from_json(&parsed(json!({
        "apiBase": format!("{EMULATOR}/rest/v3.1"), "token": TOKEN, "lang": "en", "timeoutMs": 4000
    })))
    .unwrap();
    config.account_id = Some(ACCOUNT);
    config
}

/// Resets the emulator and mounts a fresh widget into a new container on `<body>`.
pub async fn fixture_with(config: Config) -> Fixture {
    control("POST", "reset", None).await;
    mount_fresh(config)
}

pub async fn fixture() -> Fixture {
    let f = fixture_with(config()).await;
    f.wait_for_state("ready").await;
    f
}

/// The text of the `role="alert"` message in `host`'s shadow root (a refused configuration).
pub fn alert_text(host: &HtmlElement) -> String {
    host.shadow_root()
        .and_then(|root| root.query_selector("[role=alert]").ok().flatten())
        .and_then(|alert| alert.text_content())
        .expect("an alert in the shadow root")
}

/// A new empty `<div>` appended to `parent` (to `<body>` when `None`), for a widget to mount into.
pub fn new_host(parent: Option<&Element>) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    match parent {
        Some(parent) => parent.append_child(&host).unwrap(),
        None => document.body().unwrap().append_child(&host).unwrap(),
    };
    host
}

/// Mounts a widget into a new container on `<body>`, without resetting the emulator.
pub fn mount_fresh(config: Config) -> Fixture {
    let host = new_host(None);
    let log = record_events(&host);
    let handle = mount_widget(&host, config).expect("mount");
    Fixture {
        host,
        handle,
        events: log.events.clone(),
        _log: log,
    }
}

impl Fixture {
    pub fn root(&self) -> web_sys::ShadowRoot {
        self.host.shadow_root().expect("open shadow root")
    }
    pub fn query(&self, selector: &str) -> Option<Element> {
        self.root().query_selector(selector).unwrap()
    }
    pub fn get(&self, selector: &str) -> HtmlElement {
        self.query(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .unchecked_into()
    }
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root().query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }
    pub fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }
    pub fn dialog(&self) -> HtmlDialogElement {
        self.get("dialog").unchecked_into()
    }
    pub fn events_named(&self, name: &str) -> Vec<Value> {
        self.events
            .borrow()
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .collect()
    }
    pub fn active_element(&self) -> Option<Element> {
        self.root().active_element()
    }
    pub async fn wait_for_state(&self, state: &str) {
        wait_for_host_state(&self.host, state).await;
    }
    pub async fn wait_for_event(&self, name: &str) -> Value {
        let events = self.events.clone();
        wait_until(name, || events.borrow().iter().any(|(n, _)| n == name)).await;
        self.events_named(name).remove(0)
    }
    /// Clicks the first row's Send button, returning the button.
    pub async fn open_first_send(&self) -> HtmlElement {
        let send = self.get("tbody button.send");
        send.click();
        tick().await;
        assert!(self.dialog().open(), "the popup opens on Send");
        send
    }
}

/// The CSR text installed in [`details_orders`]: no request may ever bring it back.
pub const CSR: &str = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB-never-requested\n-----END CERTIFICATE REQUEST-----\n";

/// Two orders with every field the details show: 50001 issued (1 year), 50002 pending and never issued.
pub fn details_orders() -> Value {
    json!([
        {"id": 50001, "commonName": "details.example.com", "approverEmailAddress": "admin@details.example.com",
         "technicalContactEmailAddress": "ops@details.example.com", "certificateSigningRequest": CSR,
         "createDate": "2024-03-02T10:14:07-06:00", "effectiveDate": "2024-03-04T00:00:00-06:00",
         "modifyDate": "2024-03-05T09:30:00-06:00", "expirationDate": "2025-03-04T23:59:59-06:00", "statusId": 3,
         "status": {"id": 3, "name": "Complete", "description": "The SSL certificate order is complete."},
         "orderItem": {"id": 98121104, "description": "RapidSSL - 1 year"}},
        {"id": 50002, "commonName": "pending.example.org", "approverEmailAddress": "hostmaster@example.org",
         "technicalContactEmailAddress": "dev@example.org", "certificateSigningRequest": CSR,
         "createDate": "2024-04-10T16:02:51-05:00", "modifyDate": "2024-04-11T08:00:00-05:00", "statusId": 1,
         "status": {"id": 1, "name": "Pending CA Approval", "description": "Waiting for the certificate authority."},
         "orderItem": {"id": 98455390, "description": "GeoTrust QuickSSL Premium - 2 years"}}
    ])
}

/// Resets the emulator, installs [`details_orders`] and mounts a ready widget.
pub async fn details_fixture() -> Fixture {
    control("POST", "reset", None).await;
    control("PUT", "orders", Some(details_orders())).await;
    let f = mount_fresh(config());
    f.wait_for_state("ready").await;
    f
}

/// The path and query string of every `getObject` of an order the emulator received, in order.
pub async fn details_requests() -> Vec<(String, String)> {
    requests_to("GET", |p| {
        p.contains("/SoftLayer_Security_Certificate_Request/") && p.ends_with("/getObject.json")
    })
    .await
}

/// The details button of order `id`'s row.
pub fn details_button(f: &Fixture, id: u64) -> HtmlElement {
    f.get(&format!("tr[data-order-id='{id}'] button.details-toggle"))
}

/// The row of order `id`.
pub fn row(f: &Fixture, id: u64) -> Element {
    f.query(&format!("tr[data-order-id='{id}']"))
        .unwrap_or_else(|| panic!("row {id}"))
}

// ---------------------------------------------------------------------------------------------
// Waits

/// Yields to the browser so the reactive system and pending fetches can run.
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

/// Ticks until `done()` holds; fails the test after about 8 seconds (of real time, whatever a
/// [`FixedClock`] makes `Date.now()` say).
pub async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = real_now();
    while !done() {
        assert!(real_now() - start < 8_000.0, "timed out waiting for {what}");
        tick().await;
    }
}

/// Lets `ms` milliseconds pass, so that whatever would wrongly follow (a request, an event) can arrive.
pub async fn pause(ms: f64) {
    let start = real_now();
    wait_until("time to pass", || real_now() - start > ms).await;
}

// ---------------------------------------------------------------------------------------------
// Clock

// Every JavaScript helper of the browser suite, in ONE module: the test runner's page loads each
// inline module as its own request, and with seven of them it stalled, intermittently, before the first test.
#[wasm_bindgen(inline_js = r#"
const realDateNow = Date.now;
export function realNow() { return realDateNow.call(Date); }
export function setClock(ms) { Date.now = () => ms; }
export function restoreClock() { Date.now = realDateNow; }

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

// Records every object URL created (with its Blob) and revoked, and every link click, which it swallows:
// no file is written while a test runs.
export function downloadSpy() {
  const record = { blobs: [], urls: [], revoked: [], clicks: [] };
  const create = URL.createObjectURL, revoke = URL.revokeObjectURL, click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = function (blob) {
    const url = create.call(URL, blob);
    record.blobs.push(blob);
    record.urls.push(url);
    return url;
  };
  URL.revokeObjectURL = function (url) { record.revoked.push(url); return revoke.call(URL, url); };
  HTMLAnchorElement.prototype.click = function () {
    record.clicks.push({ download: this.getAttribute("download"), href: this.href, connected: this.isConnected });
  };
  record.restore = () => {
    URL.createObjectURL = create;
    URL.revokeObjectURL = revoke;
    HTMLAnchorElement.prototype.click = click;
  };
  record.types = () => record.blobs.map((b) => b.type);
  record.fileNames = () => record.clicks.map((c) => c.download);
  record.hrefs = () => record.clicks.map((c) => c.href);
  // The bytes as UTF-8, the byte order mark kept (Blob.text() would drop it).
  record.texts = () => Promise.all(record.blobs.map(async (b) =>
    new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(await b.arrayBuffer())));
  return record;
}

// Records the AbortSignal, URL and redirect mode of every fetch, and every listener added to or removed from
// targets outside shadow roots (window, document, hosts, AbortSignals).
export function spy() {
  const record = { signals: [], added: 0, removed: 0 };
  const fetch = window.fetch, add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
  const outside = (t) => !(t instanceof Node) || !(t.getRootNode() instanceof ShadowRoot);
  record.urls = [];
  record.redirects = [];
  window.fetch = function (input, init) {
    record.signals.push(input?.signal ?? init?.signal);
    // A Request's url is absolute: resolved when it was built, as the browser will send it.
    record.urls.push(typeof input === "string" ? input : input?.url);
    // The redirect mode the browser applies: init's, else the Request's, else fetch's default.
    const ofRequest = input instanceof Request ? input.redirect : "follow";
    record.redirects.push(init && "redirect" in init ? init.redirect : ofRequest);
    return fetch.apply(this, arguments);
  };
  EventTarget.prototype.addEventListener = function () { if (outside(this)) record.added += 1; return add.apply(this, arguments); };
  EventTarget.prototype.removeEventListener = function () { if (outside(this)) record.removed += 1; return remove.apply(this, arguments); };
  record.restore = () => { window.fetch = fetch; EventTarget.prototype.addEventListener = add; EventTarget.prototype.removeEventListener = remove; };
  record.aborted = () => record.signals.filter((s) => s && s.aborted).length;
  return record;
}

// How the widget in `root` is laid out: the table's sideways scroll, the first row's display, each data
// cell's visible label, and whether every Send and details button lies wholly inside the widget and the
// table's scroller.
export function layout(root) {
  const wrap = root.querySelector(".table-wrap");
  const inside = (r, box) => r.width > 0 && r.height > 0 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
  const host = root.host.getBoundingClientRect();
  const clip = wrap.getBoundingClientRect();
  const buttons = [...root.querySelectorAll("tbody button.send, tbody button.details-toggle")];
  const row = root.querySelector("tbody tr[part=row]");
  return JSON.stringify({
    hostWidth: host.width,
    wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth,
    rowDisplay: getComputedStyle(row).display,
    // Each data cell: its label, whether generated content shows it (Firefox does not resolve attr() in
    // the computed value), and how far the value sits from the cell's start (the label's column).
    labels: [...row.querySelectorAll("td[data-label]")].map((td) => ({
      label: td.dataset.label, before: getComputedStyle(td, "::before").content,
      indent: td.firstElementChild.getBoundingClientRect().left - td.getBoundingClientRect().left })),
    buttons: buttons.length,
    hidden: buttons.filter((b) => { const r = b.getBoundingClientRect(); return !inside(r, host) || !inside(r, clip); })
      .map((b) => b.getAttribute("aria-label")),
    roles: [row.getAttribute("role"), row.querySelector("th").getAttribute("role"), row.querySelector("td").getAttribute("role"),
      root.querySelector("table").getAttribute("role")],
  });
}

export function unmountOn(el, name, handle) {
  el.addEventListener(name, () => handle.unmount(), { once: true });
}
"#)]
extern "C" {
    /// The real `Date.now()`, whatever a [`FixedClock`] did to it.
    #[wasm_bindgen(js_name = realNow)]
    pub fn real_now() -> f64;
    #[wasm_bindgen(js_name = setClock)]
    fn set_clock(epoch_ms: f64);
    #[wasm_bindgen(js_name = restoreClock)]
    fn restore_clock();

    #[wasm_bindgen(js_name = createElement)]
    pub fn create_element(attributes: &JsValue, token: &str) -> HtmlElement;
    #[wasm_bindgen(js_name = elementState)]
    pub fn element_state(el: &HtmlElement) -> String;
    #[wasm_bindgen(js_name = readProperty)]
    pub fn read_property(el: &HtmlElement, name: &str) -> JsValue;
    #[wasm_bindgen(js_name = setProperty)]
    pub fn set_property(el: &HtmlElement, name: &str, value: &JsValue);
    #[wasm_bindgen(js_name = elementError)]
    pub fn element_error(el: &HtmlElement) -> Option<String>;
    #[wasm_bindgen(js_name = isDefined)]
    pub fn is_defined() -> bool;

    /// What [`download_spy()`] recorded: the blobs behind object URLs, revocations and link clicks.
    pub type DownloadSpy;
    /// Starts recording (and swallowing link clicks); call `restore()` when done.
    #[wasm_bindgen(js_name = downloadSpy)]
    pub fn download_spy() -> DownloadSpy;
    /// Every object URL created, in order.
    #[wasm_bindgen(method, getter)]
    pub fn urls(this: &DownloadSpy) -> Vec<String>;
    /// Every object URL revoked, in order.
    #[wasm_bindgen(method, getter)]
    pub fn revoked(this: &DownloadSpy) -> Vec<String>;
    /// The media type of each blob.
    #[wasm_bindgen(method)]
    pub fn types(this: &DownloadSpy) -> Vec<String>;
    /// The `download` attribute of each clicked link.
    #[wasm_bindgen(method, js_name = fileNames)]
    pub fn file_names(this: &DownloadSpy) -> Vec<String>;
    /// The `href` of each clicked link.
    #[wasm_bindgen(method)]
    pub fn hrefs(this: &DownloadSpy) -> Vec<String>;
    #[wasm_bindgen(method)]
    fn texts(this: &DownloadSpy) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    pub fn restore(this: &DownloadSpy);

    /// What [`spy()`] recorded: fetch signals, URLs and redirect modes, listeners added and removed outside
    /// shadow roots.
    pub type Spy;
    /// Starts recording; call `restore()` before asserting.
    pub fn spy() -> Spy;
    #[wasm_bindgen(method, getter)]
    pub fn added(this: &Spy) -> u32;
    #[wasm_bindgen(method, getter)]
    pub fn removed(this: &Spy) -> u32;
    #[wasm_bindgen(method)]
    pub fn aborted(this: &Spy) -> u32;
    /// The URL of every fetch, in order (absolute when `fetch` got a `Request`).
    #[wasm_bindgen(method, getter)]
    pub fn urls(this: &Spy) -> Vec<String>;
    /// The `redirect` mode of every fetch, in the order of [`Spy::urls`].
    #[wasm_bindgen(method, getter)]
    pub fn redirects(this: &Spy) -> Vec<String>;
    #[wasm_bindgen(method)]
    pub fn restore(this: &Spy);

    pub fn layout(root: &web_sys::ShadowRoot) -> String;

    #[wasm_bindgen(js_name = unmountOn)]
    pub fn unmount_on(el: &HtmlElement, name: &str, handle: &JsValue);
}

/// `Date.now()` stopped at a moment of the test's choosing until the clock is dropped.
pub struct FixedClock;

impl FixedClock {
    /// Stops `Date.now()` at `epoch_ms`.
    pub fn at(epoch_ms: i64) -> FixedClock {
        set_clock(epoch_ms as f64);
        FixedClock
    }

    /// Moves the stopped clock to `epoch_ms`.
    pub fn set(&self, epoch_ms: i64) {
        set_clock(epoch_ms as f64);
    }
}

impl Drop for FixedClock {
    fn drop(&mut self) {
        restore_clock();
    }
}

/// The emulator at `origin`'s log of /rest requests (preflights included).
pub async fn requests_at(origin: &str) -> Vec<Value> {
    control_at(origin, "GET", "requests", None)
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Parses `config` into the plain JS object a host passes to `mount()`.
pub fn js_config(config: &Value) -> JsValue {
    js_sys::JSON::parse(&config.to_string()).unwrap()
}

/// Waits until `host` reports `state` in `data-state`.
pub async fn wait_for_host_state(host: &HtmlElement, state: &str) {
    wait_until(&format!("data-state={state}"), || {
        host.get_attribute("data-state").as_deref() == Some(state)
    })
    .await;
}

/// Waits until the `<ssl-orders>` element `el` reports `state` in its `state` property.
pub async fn wait_for_element_state(el: &HtmlElement, state: &str) {
    wait_until(&format!("element state {state}"), || {
        element_state(el) == state
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// The <ssl-orders> custom element, driven as a page does

/// The attributes of an `<ssl-orders>` element pointed at the emulator, plus `extra`. Defines the element
/// first.
pub fn element_attributes(extra: &[(&str, &str)]) -> JsValue {
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

// ---------------------------------------------------------------------------------------------
// Downloads

impl DownloadSpy {
    /// Each blob's bytes as text, the byte order mark kept.
    pub async fn blob_texts(&self) -> Vec<String> {
        let texts = wasm_bindgen_futures::JsFuture::from(self.texts())
            .await
            .expect("UTF-8 blobs");
        js_sys::Array::from(&texts)
            .iter()
            .filter_map(|t| t.as_string())
            .collect()
    }
}

/// The records of a CSV file as a spreadsheet reads them (after its byte order mark), parsed by `csv-core`.
pub fn csv_records(text: &str) -> Vec<Vec<String>> {
    use csv_core::ReadRecordResult;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv_core::Reader::new();
    let (mut input, mut records) = (body.as_bytes(), Vec::new());
    let (mut field, mut ends) = (vec![0u8; 1 << 16], [0usize; 32]);
    loop {
        let (result, read, _, count) = reader.read_record(input, &mut field, &mut ends);
        input = &input[read..];
        match result {
            ReadRecordResult::Record => {
                let mut start = 0;
                let mut record = Vec::new();
                for &end in &ends[..count] {
                    record.push(String::from_utf8_lossy(&field[start..end]).into_owned());
                    start = end;
                }
                records.push(record);
            }
            ReadRecordResult::End => return records,
            ReadRecordResult::InputEmpty => {}
            other => panic!("unreadable CSV: {other:?}"),
        }
    }
}

/// Sets `select`'s value and tells the widget, as a user's choice does.
pub async fn choose(f: &Fixture, select: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = f.get(select).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
}

// ---------------------------------------------------------------------------------------------
// Spy
