//! Loading the list: chunked requests, account discovery, the API base, reloads, 10,000 orders.

use crate::support::{
    config, control, fixture, fixture_with, inject_fault, list_requests, mount_fresh, new_host,
    outbox, row, spy, tick, wait_until, Fixture, EMULATOR, TOKEN,
};
use serde_json::{json, Value};
use ssl_orders::events::{EMAIL_RESENT, LOADED, READY, RESEND_REQUEST};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

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
async fn loads_orders_over_http_and_renders_one_page() {
    let f = fixture().await;
    let rows = f.all("tbody tr[part=row]");
    assert_eq!(rows.len(), 25, "the first page of the 40 seeded orders");
    let loaded = f.events_named(LOADED);
    assert_eq!(loaded, vec![json!({"count": 40, "total": 40})]);
    assert_eq!(f.events_named(READY).len(), 1);
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
    f.wait_for_event(EMAIL_RESENT).await;
    let urls = spy.urls();
    spy.restore();
    let base = format!("{EMULATOR}/rest/v3.1/");
    let widget: Vec<&String> = urls.iter().filter(|u| !u.contains("/_emulator/")).collect();
    assert!(widget.len() >= 3, "{urls:?}");
    assert!(widget.iter().all(|u| u.starts_with(&base)), "{widget:?}");
    assert!(urls.iter().all(|u| !u.contains(TOKEN)));
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
        f.events_named(LOADED),
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
        f.events_named(LOADED).len(),
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

#[wasm_bindgen_test]
async fn a_path_api_base_resolves_against_the_page_origin_not_a_base_href() {
    control("POST", "reset", None).await;
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let origin = window.location().origin().unwrap();
    // A <base href> elsewhere (markup injection, or a CDN page) must not move the API and its token.
    let base = document.create_element("base").unwrap();
    base.set_attribute("href", "http://127.0.0.1:1/").unwrap();
    document.head().unwrap().prepend_with_node_1(&base).unwrap();
    let spy = spy();
    let host = new_host(None);
    let mut cfg = config();
    cfg.api_base = "/rest/v3.1".into();
    let mounted = ssl_orders::mount_widget(&host, cfg);
    // Waits without panicking, so the <base> and the spy are always removed before any assertion.
    let start = js_sys::Date::now();
    let widget_urls = || -> Vec<String> {
        spy.urls()
            .into_iter()
            .filter(|u| !u.contains("/_emulator/"))
            .collect()
    };
    while widget_urls().len() < 2 && js_sys::Date::now() - start < 5_000.0 {
        tick().await;
    }
    let urls = widget_urls();
    spy.restore();
    base.remove();
    if let Ok(mut handle) = mounted {
        handle.unmount();
    }
    host.remove();
    assert!(urls.len() >= 2, "statuses and list: {urls:?}");
    let expected = format!("{origin}/rest/v3.1/");
    assert!(urls.iter().all(|u| u.starts_with(&expected)), "{urls:?}");
}

#[wasm_bindgen_test]
async fn an_order_id_beyond_exact_javascript_numbers_has_no_send_button() {
    const HUGE: u64 = 9_007_199_254_740_993; // 2^53 + 1: as a JavaScript number, 9007199254740992
    control("POST", "reset", None).await;
    let order = |id: u64, name: &str| {
        json!({
            "id": id, "commonName": name, "approverEmailAddress": format!("admin@{name}"),
            "statusId": 1, "status": {"id": 1, "name": "Pending CA Approval"},
            "orderItem": {"description": "PositiveSSL"}, "createDate": "2024-05-01T10:00:00-05:00"
        })
    };
    control(
        "PUT",
        "orders",
        Some(json!([
            order(40001, "small.example"),
            order(HUGE, "huge.example")
        ])),
    )
    .await;
    let f = mount_fresh(config());
    f.wait_for_state("ready").await;
    let rows = f.all("tbody tr[part=row]");
    assert_eq!(rows.len(), 2, "the order is listed");
    let huge = rows
        .iter()
        .find(|r| {
            r.text_content()
                .unwrap_or_default()
                .contains("huge.example")
        })
        .expect("the huge id's row");
    assert!(
        huge.query_selector("button.send").unwrap().is_none(),
        "no Send button"
    );
    assert!(huge
        .query_selector("td.action")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("No email available"));
    if let Some(id) = huge.get_attribute("data-order-id") {
        assert_eq!(id, HUGE.to_string(), "never a rounded id");
    }

    // The other order still sends; no event of the whole session names the huge id, rounded or not.
    row(&f, 40001)
        .query_selector("button.send")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    f.get("dialog button.confirm").click();
    f.wait_for_event(EMAIL_RESENT).await;
    assert_eq!(f.events_named(RESEND_REQUEST)[0]["orderId"], json!(40001));
    let details = serde_json::to_string(&*f.events.borrow()).unwrap();
    assert!(!details.contains("900719925474099"), "{details}");
    let sent: Vec<Value> = outbox()
        .await
        .iter()
        .map(|e| e["orderId"].clone())
        .collect();
    assert_eq!(sent, [json!(40001)]);
}
