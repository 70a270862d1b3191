//! Hostile input and isolation: strings render as text, credentials never leak, CSS stays on its side.

use crate::support::{
    alert_text, config, control, create_element, element_attributes, fixture, inject_fault,
    js_config, mount_fresh, new_host, parsed, row, set_property, spy, tick, wait_for_element_state,
    ACCOUNT, EMULATOR, TOKEN,
};
use serde_json::json;
use ssl_orders::events::{EMAIL_RESENT, RESEND_ERROR};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

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
async fn credentials_never_reach_the_dom_or_event_details() {
    let f = fixture().await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    f.wait_for_event(EMAIL_RESENT).await;
    let html = f.root().inner_html() + &f.host.outer_html();
    assert!(!html.contains(TOKEN));
    let details = serde_json::to_string(&*f.events.borrow()).unwrap();
    assert!(!details.contains(TOKEN), "{details}");
    let requests = control("GET", "requests", None).await.to_string();
    assert!(!requests.contains(TOKEN));
}

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
    cfg.email_policy = ssl_orders::config::parse_email_types(&parsed(json!({}))).unwrap();
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
    f.wait_for_event(RESEND_ERROR).await;
    assert_eq!(f.text("dialog [role=alert]"), img);
    assert!(f.query("dialog img").is_none());
    let pwned =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"__sslOrdersPwned".into()).unwrap();
    assert!(pwned.is_undefined(), "no payload ran");
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
fn the_basic_header_is_base64_of_the_utf8_credentials() {
    let header = |username: &str, api_key: &str| {
        ssl_orders::api::Auth::Basic {
            username: username.into(),
            api_key: api_key.into(),
        }
        .header()
    };
    assert_eq!(
        header("SL1234567", "key").as_deref(),
        Some("Basic U0wxMjM0NTY3OmtleQ==")
    );
    // RFC 7617: UTF-8 bytes, not UTF-16 code units, and never an exception from btoa.
    assert_eq!(
        header("josé", "clé").as_deref(),
        Some("Basic am9zw6k6Y2zDqQ==")
    );
}

#[wasm_bindgen_test]
async fn api_bases_a_browser_reads_as_another_host_are_refused() {
    // `/\evil.example/rest` is `//evil.example/rest` to a URL parser; `http://a@b/` is host b.
    for base in [
        "/\\evil.example/rest".to_owned(),
        format!("{EMULATOR}@evil.example/rest/v3.1"),
    ] {
        let host = new_host(None);
        let config = js_config(&json!({"apiBase": base, "token": TOKEN, "accountId": ACCOUNT}));
        let error = match ssl_orders::embed::mount_js(&host, config) {
            Ok(mut handle) => {
                handle.unmount();
                host.remove();
                panic!("{base:?} was accepted");
            }
            Err(e) => e,
        };
        let message = js_sys::Error::from(JsValue::from(error))
            .message()
            .as_string()
            .unwrap();
        assert_eq!(
            message,
            format!(
                "ssl-orders: \"apiBase\" must be an http(s) URL or a path starting with \"/\", got \"{base}\""
            )
        );
        let shown = alert_text(&host);
        assert_eq!(shown, message);
        assert_eq!(host.get_attribute("data-state").as_deref(), Some("error"));
        host.remove();
    }
}

#[wasm_bindgen_test]
async fn every_api_request_refuses_redirects() {
    // A redirect would carry the Authorization header to wherever it points.
    let spy = spy();
    let f = fixture().await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    f.wait_for_event(EMAIL_RESENT).await;
    let (urls, redirects) = (spy.urls(), spy.redirects());
    spy.restore();
    let widget: Vec<(&String, &String)> = urls
        .iter()
        .zip(&redirects)
        .filter(|(url, _)| !url.contains("/_emulator/"))
        .collect();
    assert!(widget.len() >= 3, "statuses, list, resend: {widget:?}");
    assert!(
        widget.iter().all(|(_, mode)| *mode == "error"),
        "{widget:?}"
    );
}
