//! Answers a widget must survive beyond SoftLayer's own errors: a gateway's bare HTML status page
//! (with or without the call having acted), a lying `SoftLayer-Total-Items`, and order ids above
//! 2^53 that a JavaScript number cannot hold.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::json;

// ---- html fault ----------------------------------------------------------------------------------

const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

#[tokio::test]
async fn html_fault_answers_a_bare_gateway_page() {
    let (_, app) = setup();
    let created = add_fault(&app, r#"{"method":"resendEmail","kind":"html","times":1}"#).await;
    assert_eq!(
        created.json(),
        json!({"id":1,"method":"resendEmail","kind":"html","times":1})
    );
    let a = resend(&app, 40_003, "FulfillmentEmail").await;
    assert_eq!(a.status, StatusCode::BAD_GATEWAY, "502 by default");
    assert_eq!(a.header("content-type"), Some("text/html"));
    assert_eq!(a.text(), NGINX_502);
    assert!(outbox(&app).await.is_empty(), "the call did not run");
    assert_eq!(
        resend(&app, 40_003, "FulfillmentEmail").await.body.as_ref(),
        b"true",
        "expired after one use"
    );
}

#[tokio::test]
async fn html_fault_takes_any_status() {
    let (_, app) = setup();
    for (status, title) in [
        (503, "503 Service Unavailable"),
        (504, "504 Gateway Timeout"),
        (500, "500 Internal Server Error"),
        (429, "429 Too Many Requests"),
        (599, "599"),
    ] {
        add_fault(
            &app,
            &format!(r#"{{"method":"getSslCertificateRequests","kind":"html","status":{status},"times":1}}"#),
        )
        .await;
        let a = list(&app, "").await;
        assert_eq!(a.status.as_u16(), status);
        assert_eq!(a.header("content-type"), Some("text/html"));
        assert_eq!(a.header("SoftLayer-Total-Items"), None);
        assert!(
            a.text()
                .starts_with(&format!("<html>\r\n<head><title>{title}</title></head>")),
            "{}",
            a.text()
        );
        assert!(serde_json::from_slice::<serde_json::Value>(&a.body).is_err());
    }
}

#[tokio::test]
async fn html_fault_keeps_cors_so_the_page_can_read_the_status() {
    let (_, app) = setup();
    add_fault(&app, r#"{"method":"*","kind":"html","status":503}"#).await;
    let a = send(
        &app,
        Method::POST,
        &format!("{LIST}?resultLimit=0,5"),
        Some(&good_auth()),
        Some(r#"{"parameters":[1234567]}"#),
        &[("Origin", ORIGIN)],
    )
    .await;
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(a.header("access-control-allow-origin"), Some(ORIGIN));
}

#[tokio::test]
async fn run_call_makes_the_resend_happen_behind_the_failure() {
    let (_, app) = setup();
    add_fault(
        &app,
        r#"{"method":"resendEmail","kind":"html","status":504,"runCall":true,"times":1}"#,
    )
    .await;
    let a = resend(&app, 40_003, "FulfillmentEmail").await;
    assert_eq!(a.status, StatusCode::GATEWAY_TIMEOUT);
    assert!(a.text().contains("<title>504 Gateway Timeout</title>"));
    let out = outbox(&app).await;
    assert_eq!(out.len(), 1, "the outcome was lost, not the resend");
    assert_eq!(out[0]["orderId"], 40_003);

    // Also for the SoftLayer-shaped kinds.
    add_fault(
        &app,
        r#"{"method":"resendEmail","kind":"error","runCall":true,"times":1}"#,
    )
    .await;
    resend(&app, 40_002, "FulfillmentEmail")
        .await
        .assert_sl_error(500, "SoftLayer_Exception_Public", "Internal Error");
    assert_eq!(outbox(&app).await.len(), 2);
    // runCall false is the default: nothing recorded.
    add_fault(
        &app,
        r#"{"method":"resendEmail","kind":"false","runCall":false,"times":1}"#,
    )
    .await;
    assert_eq!(
        resend(&app, 40_002, "FulfillmentEmail").await.body.as_ref(),
        b"false"
    );
    assert_eq!(outbox(&app).await.len(), 2);
}

#[tokio::test]
async fn invalid_html_and_run_call_faults_are_rejected() {
    let (_, app) = setup();
    for body in [
        r#"{"method":"resendEmail","kind":"html","status":99}"#,
        r#"{"method":"resendEmail","kind":"html","status":600}"#,
        r#"{"method":"resendEmail","kind":"truncated","runCall":true}"#,
        r#"{"method":"resendEmail","kind":"delay","runCall":false}"#,
        r#"{"method":"resendEmail","kind":"html","runCall":"yes"}"#,
    ] {
        let a = control(&app, Method::POST, "/_emulator/faults", Some(body)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(a.json()["error"].is_string());
    }
}

// ---- lying total ---------------------------------------------------------------------------------

async fn set_options(app: &axum::Router, body: &str) -> serde_json::Value {
    let a = control(app, Method::POST, "/_emulator/options", Some(body)).await;
    assert_eq!(a.status, StatusCode::OK, "{body}: {}", a.text());
    a.json()
}

#[tokio::test]
async fn total_items_override_lies_in_the_header_only() {
    let (_, app) = setup();
    let options = set_options(&app, r#"{"totalItemsOverride":4000000000}"#).await;
    assert_eq!(
        options,
        json!({"totalItemsHeader":true,"honourResultLimit":true,"enforceStatusRules":true,"totalItemsOverride":4_000_000_000_u64})
    );
    let page = list(&app, "resultLimit=0,5").await;
    assert_eq!(page.header("SoftLayer-Total-Items"), Some("4000000000"));
    assert_eq!(page.json().as_array().map(Vec::len), Some(5));
    let beyond = list(&app, "resultLimit=40,50").await;
    assert_eq!(beyond.json(), json!([]), "no order past the real 40");
    assert_eq!(beyond.header("SoftLayer-Total-Items"), Some("4000000000"));
    // Any number, up to u64::MAX, and 0.
    set_options(&app, r#"{"totalItemsOverride":18446744073709551615}"#).await;
    assert_eq!(
        list(&app, "").await.header("SoftLayer-Total-Items"),
        Some("18446744073709551615")
    );
    set_options(&app, r#"{"totalItemsOverride":0}"#).await;
    let all = list(&app, "").await;
    assert_eq!(all.header("SoftLayer-Total-Items"), Some("0"));
    assert_eq!(all.json().as_array().map(Vec::len), Some(40));
}

#[tokio::test]
async fn total_items_override_is_cleared_by_null_and_reset_and_kept_otherwise() {
    let (_, app) = setup();
    set_options(&app, r#"{"totalItemsOverride":7}"#).await;
    let o = set_options(&app, r#"{"honourResultLimit":false}"#).await;
    assert_eq!(o["totalItemsOverride"], 7, "absent means unchanged");
    let o = set_options(&app, r#"{"totalItemsHeader":false}"#).await;
    assert_eq!(o["totalItemsOverride"], 7);
    assert_eq!(
        list(&app, "").await.header("SoftLayer-Total-Items"),
        None,
        "no header at all wins over a lying one"
    );
    set_options(&app, r#"{"totalItemsHeader":true}"#).await;
    let o = set_options(&app, r#"{"totalItemsOverride":null}"#).await;
    assert_eq!(o["totalItemsOverride"], json!(null));
    assert_eq!(
        list(&app, "").await.header("SoftLayer-Total-Items"),
        Some("40")
    );
    set_options(&app, r#"{"totalItemsOverride":99}"#).await;
    control(&app, Method::POST, "/_emulator/reset", None).await;
    assert_eq!(
        list(&app, "").await.header("SoftLayer-Total-Items"),
        Some("40")
    );
}

#[tokio::test]
async fn total_items_override_from_the_configuration() {
    let mut config = config();
    config.options.total_items_override = Some(4_000_000_000);
    let (_, app) = setup_with(config);
    assert_eq!(
        list(&app, "").await.header("SoftLayer-Total-Items"),
        Some("4000000000")
    );
    control(
        &app,
        Method::POST,
        "/_emulator/options",
        Some(r#"{"totalItemsOverride":null}"#),
    )
    .await;
    control(&app, Method::POST, "/_emulator/reset", None).await;
    assert_eq!(
        list(&app, "").await.header("SoftLayer-Total-Items"),
        Some("4000000000"),
        "reset restores the start-up options"
    );
}

#[tokio::test]
async fn invalid_total_items_overrides_are_rejected() {
    let (_, app) = setup();
    for body in [
        r#"{"totalItemsOverride":-1}"#,
        r#"{"totalItemsOverride":1.5}"#,
        r#"{"totalItemsOverride":"4000000000"}"#,
        r#"{"totalItemsOverride":18446744073709551616}"#,
    ] {
        let a = control(&app, Method::POST, "/_emulator/options", Some(body)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(a.json()["error"].is_string());
    }
    assert_eq!(
        list(&app, "").await.header("SoftLayer-Total-Items"),
        Some("40")
    );
}

// ---- ids above 2^53 ------------------------------------------------------------------------------

/// 2^53 + 1: the smallest integer a JavaScript number (f64) cannot hold; as f64 it becomes 2^53.
const BIG: u64 = 9_007_199_254_740_993;
const REQUEST: &str = "/rest/v3.1/SoftLayer_Security_Certificate_Request";

fn resend_big(id: &str) -> String {
    format!("{REQUEST}/{id}/resendEmail.json")
}

async fn outbox_text(app: &axum::Router) -> String {
    control(app, Method::GET, "/_emulator/outbox", None)
        .await
        .text()
}

#[tokio::test]
async fn put_orders_keeps_ids_above_2_pow_53_exact_through_list_get_and_resend() {
    let (_, app) = setup();
    // 2^53 (what 2^53 + 1 rounds to as f64) is there too, with another status, to catch rounding.
    let orders = r#"[
        {"id":9007199254740993,"commonName":"big.example.com","statusId":1,
         "status":{"id":1,"name":"Pending CA Approval"},"approverEmailAddress":"admin@big.example.com"},
        {"id":9007199254740992,"commonName":"round.example.com","statusId":3,
         "status":{"id":3,"name":"Complete"},"approverEmailAddress":"admin@round.example.com"},
        {"id":18446744073709551615,"commonName":"max.example.com","statusId":1,
         "status":{"id":1,"name":"Pending CA Approval"},"approverEmailAddress":"admin@max.example.com"}
    ]"#;
    let a = control(&app, Method::PUT, "/_emulator/orders", Some(orders)).await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.text());

    let l = list(&app, "objectMask=mask[id]").await;
    assert_eq!(l.header("SoftLayer-Total-Items"), Some("3"));
    assert_eq!(
        l.text(),
        r#"[{"id":9007199254740992},{"id":9007199254740993},{"id":18446744073709551615}]"#,
        "exact integers in the JSON text, ascending"
    );
    let named = list(&app, "objectMask=mask[id,commonName]").await.json();
    assert_eq!(named[1]["id"].as_u64(), Some(BIG));
    assert_eq!(named[1]["commonName"], "big.example.com");

    let one = get(&app, &format!("{REQUEST}/{BIG}.json?objectMask=mask[id]")).await;
    assert_eq!(one.text(), r#"{"id":9007199254740993}"#);

    let r = post(
        &app,
        &resend_big("9007199254740993"),
        r#"{"parameters":["ApproverEmail"]}"#,
    )
    .await;
    assert_eq!((r.status, r.body.as_ref()), (StatusCode::OK, &b"true"[..]));
    let text = outbox_text(&app).await;
    assert!(
        text.contains(r#""orderId":9007199254740993"#) && !text.contains("9007199254740992"),
        "{text}"
    );
    assert_eq!(outbox(&app).await[0]["orderId"].as_u64(), Some(BIG));

    let r = post(
        &app,
        &resend_big("18446744073709551615"),
        r#"{"parameters":["ApproverEmail"]}"#,
    )
    .await;
    assert_eq!(r.body.as_ref(), b"true");
    assert!(outbox_text(&app)
        .await
        .contains(r#""orderId":18446744073709551615"#));

    // One past u64::MAX is no order at all, not a wrapped or rounded one.
    let r = post(
        &app,
        &resend_big("18446744073709551616"),
        r#"{"parameters":["ApproverEmail"]}"#,
    )
    .await;
    r.assert_sl_error(
        404,
        "SoftLayer_Exception_ObjectNotFound",
        "Unable to find object with id of '18446744073709551616'.",
    );
    assert_eq!(outbox(&app).await.len(), 2);
}

#[tokio::test]
async fn dataset_first_id_generates_ids_above_2_pow_53() {
    let (_, app) = setup();
    let a = control(
        &app,
        Method::POST,
        "/_emulator/dataset",
        Some(r#"{"orders":4,"firstId":9007199254740993}"#),
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", a.text());
    let l = list(&app, "objectMask=mask[id]").await;
    assert_eq!(
        l.text(),
        r#"[{"id":9007199254740993},{"id":9007199254740994},{"id":9007199254740995},{"id":9007199254740996}]"#
    );
    // The first generated order is Pending, as 40001 is by default.
    let r = post(
        &app,
        &resend_big("9007199254740993"),
        r#"{"parameters":["ApproverEmail"]}"#,
    )
    .await;
    assert_eq!(r.body.as_ref(), b"true");
    assert!(outbox_text(&app)
        .await
        .contains(r#""orderId":9007199254740993"#));
    // Same seed, other first id: same orders but for the ids.
    let big = list(&app, "objectMask=mask[commonName,createDate]")
        .await
        .body;
    control(
        &app,
        Method::POST,
        "/_emulator/dataset",
        Some(r#"{"orders":4}"#),
    )
    .await;
    let small = list(&app, "objectMask=mask[id,commonName,createDate]")
        .await
        .json();
    assert_eq!(small[0]["id"], 40_001);
    let small_no_ids = list(&app, "objectMask=mask[commonName,createDate]")
        .await
        .body;
    assert_eq!(big, small_no_ids);
    control(&app, Method::POST, "/_emulator/reset", None).await;
    assert_eq!(
        list(&app, "objectMask=mask[id]").await.json()[0]["id"],
        40_001
    );
}

#[tokio::test]
async fn dataset_first_id_is_checked() {
    let (_, app) = setup();
    for (body, error) in [
        (
            r#"{"orders":5,"firstId":39900}"#,
            "Ids 39900..=39904 would include the second account's orders 39901-39903.",
        ),
        (
            r#"{"orders":2,"firstId":18446744073709551615}"#,
            "'firstId' 18446744073709551615 + 2 orders goes past 18446744073709551615.",
        ),
    ] {
        let a = control(&app, Method::POST, "/_emulator/dataset", Some(body)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(a.json(), json!({ "error": error }));
    }
    for body in [
        r#"{"firstId":-1}"#,
        r#"{"firstId":9007199254740993.0}"#,
        r#"{"firstId":"9007199254740993"}"#,
    ] {
        let a = control(&app, Method::POST, "/_emulator/dataset", Some(body)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
    }
    let ok = control(
        &app,
        Method::POST,
        "/_emulator/dataset",
        Some(r#"{"orders":1,"firstId":18446744073709551615}"#),
    )
    .await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT);
    assert_eq!(
        list(&app, "objectMask=mask[id]").await.text(),
        r#"[{"id":18446744073709551615}]"#
    );
}

#[tokio::test]
async fn put_orders_refuses_ids_that_are_not_u64() {
    let (_, app) = setup();
    for body in [
        r#"[{"id":-1}]"#,
        r#"[{"id":1.5}]"#,
        r#"[{"id":9007199254740993.0}]"#,
        r#"[{"id":18446744073709551616}]"#,
    ] {
        let a = control(&app, Method::PUT, "/_emulator/orders", Some(body)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(a.json()["error"].is_string());
    }
}
