//! Control API (/_emulator/*) and fault injection through the router (no network).

mod common;

use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};

const STATUSES: &str =
    "/rest/v3.1/SoftLayer_Security_Certificate_Request_Status/getSslRequestStatuses.json";
const ACCOUNT: &str = "/rest/v3.1/SoftLayer_Account/getObject.json";

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|o| o["id"].as_i64().expect("id"))
        .collect()
}

// ---- outbox, reset, request log ----------------------------------------------------------------

#[tokio::test]
async fn outbox_delete_empties_it() {
    let (_, app) = setup();
    resend(&app, 40_003, "FulfillmentEmail").await;
    resend(&app, 40_001, "ApproverEmail").await;
    let out = outbox(&app).await;
    assert_eq!(
        out.iter()
            .map(|e| e["orderId"].as_i64())
            .collect::<Vec<_>>(),
        [Some(40_003), Some(40_001)],
        "oldest first"
    );
    let d = control(&app, Method::DELETE, "/_emulator/outbox", None).await;
    assert_eq!(d.status, StatusCode::NO_CONTENT);
    assert!(outbox(&app).await.is_empty());
}

#[tokio::test]
async fn reset_restores_data_options_and_clears_state() {
    let (_, app) = setup();
    let before = list(&app, "").await.body;
    control(&app, Method::PUT, "/_emulator/orders", Some("[]")).await;
    control(
        &app,
        Method::PUT,
        "/_emulator/statuses",
        Some(r#"[{"id":9,"name":"X"}]"#),
    )
    .await;
    control(
        &app,
        Method::POST,
        "/_emulator/options",
        Some(r#"{"totalItemsHeader":false}"#),
    )
    .await;
    add_fault(&app, r#"{"method":"getObject","kind":"false"}"#).await;
    control(
        &app,
        Method::PUT,
        "/_emulator/orders",
        Some(r#"[{"id":1,"statusId":1,"approverEmailAddress":"a@b"}]"#),
    )
    .await;
    control(
        &app,
        Method::PUT,
        "/_emulator/statuses",
        Some(r#"[{"id":1,"name":"pending"}]"#),
    )
    .await;
    resend(&app, 1, "ApproverEmail").await;
    assert_eq!(outbox(&app).await.len(), 1);

    let r = control(&app, Method::POST, "/_emulator/reset", None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let after = list(&app, "").await;
    assert_eq!(after.body, before);
    assert_eq!(after.header("SoftLayer-Total-Items"), Some("40"));
    assert!(outbox(&app).await.is_empty());
    let faults = control(&app, Method::GET, "/_emulator/faults", None).await;
    assert_eq!(faults.json(), json!([]));
    let statuses = get(&app, STATUSES).await.json();
    assert_eq!(statuses[0]["name"], "Pending CA Approval");
    let log = control(&app, Method::GET, "/_emulator/requests", None)
        .await
        .json();
    assert_eq!(
        log.as_array().map(Vec::len),
        Some(2),
        "only the calls since reset: {log}"
    );
}

#[tokio::test]
async fn request_log_records_rest_calls_without_credentials() {
    let (_, app) = setup();
    send(
        &app,
        Method::GET,
        &format!("{ACCOUNT}?objectMask=mask[id]"),
        Some(&good_auth()),
        None,
        &[("Origin", ORIGIN)],
    )
    .await;
    send(
        &app,
        Method::GET,
        ACCOUNT,
        Some("Bearer demo-bearer-token"),
        None,
        &[],
    )
    .await;
    send(&app, Method::GET, ACCOUNT, None, None, &[]).await;
    control(&app, Method::GET, "/_emulator/outbox", None).await;
    let log = control(&app, Method::GET, "/_emulator/requests", None).await;
    assert_eq!(
        log.json(),
        json!([
            {"method":"GET","path":ACCOUNT,"query":"objectMask=mask[id]","auth":"basic","origin":ORIGIN},
            {"method":"GET","path":ACCOUNT,"query":null,"auth":"bearer","origin":null},
            {"method":"GET","path":ACCOUNT,"query":null,"auth":"none","origin":null},
        ])
    );
    assert!(!log.text().contains("demo-api-key"));
    assert!(!log.text().contains("demo-bearer-token"));
    let d = control(&app, Method::DELETE, "/_emulator/requests", None).await;
    assert_eq!(d.status, StatusCode::NO_CONTENT);
    assert_eq!(
        control(&app, Method::GET, "/_emulator/requests", None)
            .await
            .json(),
        json!([])
    );
}

#[tokio::test]
async fn unknown_control_path_is_json_404() {
    let (_, app) = setup();
    let a = control(&app, Method::GET, "/_emulator/nothing", None).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(
        a.json()["error"],
        "Unknown control endpoint '/_emulator/nothing'."
    );
}

// ---- data set ---------------------------------------------------------------------------------------

#[tokio::test]
async fn dataset_with_same_seed_is_byte_identical() {
    let (_, app) = setup();
    let body = r#"{"orders":25,"seed":99}"#;
    assert_eq!(
        control(&app, Method::POST, "/_emulator/dataset", Some(body))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let first = list(&app, "").await;
    assert_eq!(first.header("SoftLayer-Total-Items"), Some("25"));
    control(
        &app,
        Method::POST,
        "/_emulator/dataset",
        Some(r#"{"orders":25,"seed":100}"#),
    )
    .await;
    let other = list(&app, "").await;
    assert_ne!(first.body, other.body, "another seed gives other data");
    control(&app, Method::POST, "/_emulator/dataset", Some(body)).await;
    assert_eq!(list(&app, "").await.body, first.body);

    let (_, fresh) = setup();
    control(&fresh, Method::POST, "/_emulator/dataset", Some(body)).await;
    assert_eq!(
        list(&fresh, "").await.body,
        first.body,
        "independent of server history"
    );
}

#[tokio::test]
async fn ten_thousand_orders_generate_quickly() {
    let start = Instant::now();
    let orders = sl_emulator::data::generate_orders(
        10_000,
        7,
        1_234_567,
        &sl_emulator::data::default_statuses(),
    );
    let elapsed = start.elapsed();
    assert_eq!(orders.len(), 10_003);
    // Well under a second in release; debug builds get head-room but must stay interactive.
    let limit = if cfg!(debug_assertions) { 3_000 } else { 500 };
    assert!(elapsed < Duration::from_millis(limit), "{elapsed:?}");

    let (_, app) = setup();
    control(
        &app,
        Method::POST,
        "/_emulator/dataset",
        Some(r#"{"orders":10000,"seed":7}"#),
    )
    .await;
    let a = list(&app, "objectMask=mask[id]&resultLimit=9998,5").await;
    assert_eq!(ids(&a.json()), [49_999, 50_000]);
    assert_eq!(a.header("SoftLayer-Total-Items"), Some("10000"));
}

#[tokio::test]
async fn generated_data_has_realistic_variety() {
    let (_, app) = setup();
    control(
        &app,
        Method::POST,
        "/_emulator/dataset",
        Some(r#"{"orders":400}"#),
    )
    .await;
    let v = list(
        &app,
        "objectMask=mask[commonName,approverEmailAddress,orderItem[description],expirationDate]",
    )
    .await
    .json();
    let all = v.as_array().expect("array");
    assert!(
        all.iter()
            .any(|o| !o["commonName"].as_str().unwrap_or("").is_ascii()),
        "some IDN names"
    );
    for o in all {
        let cn = o["commonName"].as_str().expect("cn");
        let approver = o["approverEmailAddress"].as_str().expect("approver");
        let (prefix, domain) = approver.split_once('@').expect("email");
        assert!(["admin", "hostmaster", "webmaster", "administrator"].contains(&prefix));
        assert!(
            cn == domain || cn.ends_with(&format!(".{domain}")),
            "{cn} vs {approver}"
        );
    }
    let years: Vec<i64> = all
        .iter()
        .filter_map(|o| o["expirationDate"].as_str())
        .map(|d| d[..4].parse().expect("year"))
        .collect();
    assert!(years.iter().any(|y| *y < 2025), "some expired");
    assert!(years.iter().any(|y| *y >= 2026), "some still valid");
    assert!(years.iter().all(|y| *y <= 2026));
    let types: std::collections::HashSet<&str> = all
        .iter()
        .filter_map(|o| o["orderItem"]["description"].as_str())
        .collect();
    assert_eq!(types.len(), 7);
}

#[tokio::test]
async fn dataset_rejects_bad_body() {
    let (_, app) = setup();
    for body in [
        "nope",
        r#"{"orders":-1}"#,
        r#"{"orders":1000000000}"#,
        r#"{"count":3}"#,
    ] {
        let a = control(&app, Method::POST, "/_emulator/dataset", Some(body)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(a.json()["error"].is_string());
    }
}

#[tokio::test]
async fn put_orders_with_nulls_and_wrong_types_is_served_as_is() {
    let (_, app) = setup();
    let orders = r#"[
        {"id":2,"commonName":null,"expirationDate":null,"statusId":"three","status":null,"orderItem":{"id":1,"description":null}},
        {"id":1,"commonName":"ok.example.com","approverEmailAddress":42,"accountId":1234567},
        {"id":3,"accountId":7654321,"commonName":"foreign.example.com"}
    ]"#;
    let a = control(&app, Method::PUT, "/_emulator/orders", Some(orders)).await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    let l = list(&app, "objectMask=mask[id,commonName,expirationDate,statusId,approverEmailAddress,status,orderItem[description]]").await;
    assert_eq!(l.header("SoftLayer-Total-Items"), Some("2"));
    assert_eq!(
        l.json(),
        json!([
            {"id":1,"commonName":"ok.example.com","approverEmailAddress":42},
            {"id":2,"commonName":null,"expirationDate":null,"statusId":"three","status":null,"orderItem":{"description":null}},
        ])
    );
    let one = get(
        &app,
        "/rest/v3.1/SoftLayer_Security_Certificate_Request/2.json",
    )
    .await
    .json();
    assert_eq!(
        one["accountId"], 1_234_567,
        "accountId defaults to the configured account"
    );
}

#[tokio::test]
async fn put_empty_orders_gives_an_empty_account() {
    let (_, app) = setup();
    control(&app, Method::PUT, "/_emulator/orders", Some("[]")).await;
    let a = list(&app, "").await;
    assert_eq!(a.json(), json!([]));
    assert_eq!(a.header("SoftLayer-Total-Items"), Some("0"));
}

#[tokio::test]
async fn put_orders_rejects_bad_bodies() {
    let (_, app) = setup();
    for body in [
        "{}",
        "[1]",
        r#"[{"commonName":"x"}]"#,
        r#"[{"id":"1"}]"#,
        r#"[{"id":1},{"id":1}]"#,
        "[{",
    ] {
        let a = control(&app, Method::PUT, "/_emulator/orders", Some(body)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(a.json()["error"].is_string());
    }
    assert_eq!(
        list(&app, "").await.header("SoftLayer-Total-Items"),
        Some("40"),
        "unchanged"
    );
}

#[tokio::test]
async fn replaced_statuses_are_served_and_rules_match_by_meaning() {
    let (_, app) = setup();
    let statuses = r#"[{"id":1,"name":"PENDING_APPROVAL","description":"p"},{"id":2,"name":"approved"},{"id":3,"name":"COMPLETED"},{"id":4,"name":"Cancelled"}]"#;
    let a = control(&app, Method::PUT, "/_emulator/statuses", Some(statuses)).await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    let served = get(&app, STATUSES).await.json();
    assert_eq!(
        served,
        serde_json::from_str::<Value>(statuses).expect("json")
    );
    // The orders' embedded status follows the new list.
    let v = list(&app, "objectMask=mask[id,status[name]]&resultLimit=0,4")
        .await
        .json();
    assert_eq!(v[0]["status"]["name"], "PENDING_APPROVAL");
    assert_eq!(
        resend(&app, 40_001, "ApproverEmail").await.body.as_ref(),
        b"true"
    );
    assert_eq!(
        resend(&app, 40_002, "FulfillmentEmail").await.body.as_ref(),
        b"true"
    );
    assert_eq!(
        resend(&app, 40_003, "FulfillmentEmail").await.body.as_ref(),
        b"true"
    );
    assert_eq!(
        resend(&app, 40_004, "FulfillmentEmail").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(
        resend(&app, 40_003, "ApproverEmail").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
}

#[tokio::test]
async fn options_endpoint_reads_and_partially_updates() {
    let (_, app) = setup();
    let a = control(&app, Method::GET, "/_emulator/options", None).await;
    assert_eq!(
        a.json(),
        json!({"totalItemsHeader":true,"honourResultLimit":true,"enforceStatusRules":true,"totalItemsOverride":null})
    );
    let a = control(
        &app,
        Method::POST,
        "/_emulator/options",
        Some(r#"{"honourResultLimit":false}"#),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(
        a.json(),
        json!({"totalItemsHeader":true,"honourResultLimit":false,"enforceStatusRules":true,"totalItemsOverride":null})
    );
    let l = list(&app, "resultLimit=0,2").await;
    assert_eq!(l.json().as_array().map(Vec::len), Some(40));
    control(
        &app,
        Method::POST,
        "/_emulator/options",
        Some(r#"{"totalItemsHeader":false,"enforceStatusRules":false}"#),
    )
    .await;
    assert_eq!(list(&app, "").await.header("SoftLayer-Total-Items"), None);
    assert_eq!(
        resend(&app, 40_004, "ApproverEmail").await.body.as_ref(),
        b"true"
    );
    let bad = control(
        &app,
        Method::POST,
        "/_emulator/options",
        Some(r#"{"totalItems":false}"#),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

// ---- faults -----------------------------------------------------------------------------------------

#[tokio::test]
async fn error_fault_uses_defaults_and_records_no_outbox() {
    let (_, app) = setup();
    add_fault(&app, r#"{"method":"resendEmail","kind":"error"}"#).await;
    let a = resend(&app, 40_003, "FulfillmentEmail").await;
    a.assert_sl_error(500, "SoftLayer_Exception_Public", "Internal Error");
    assert!(outbox(&app).await.is_empty());
}

#[tokio::test]
async fn error_fault_with_custom_status_code_and_message() {
    let (_, app) = setup();
    add_fault(&app, r#"{"method":"getSslCertificateRequests","kind":"error","status":500,"code":"SoftLayer_Exception_WebService_RateLimitExceeded","error":"Rate limit of 50 requests for every 1 second(s) exceeded.","times":1}"#).await;
    list(&app, "").await.assert_sl_error(
        500,
        "SoftLayer_Exception_WebService_RateLimitExceeded",
        "Rate limit of 50 requests for every 1 second(s) exceeded.",
    );
    add_fault(
        &app,
        r#"{"method":"getSslCertificateRequests","kind":"error","status":200,"times":1}"#,
    )
    .await;
    list(&app, "")
        .await
        .assert_sl_error(200, "SoftLayer_Exception_Public", "Internal Error");
    add_fault(
        &app,
        r#"{"method":"*","kind":"error","status":401,"error":"Access Denied.","times":1}"#,
    )
    .await;
    get(&app, ACCOUNT)
        .await
        .assert_sl_error(401, "SoftLayer_Exception_Public", "Access Denied.");
    assert_eq!(
        get(&app, ACCOUNT).await.status,
        StatusCode::OK,
        "all faults expired"
    );
}

#[tokio::test]
async fn false_fault_answers_false_without_outbox() {
    let (_, app) = setup();
    add_fault(&app, r#"{"method":"resendEmail","kind":"false"}"#).await;
    let a = resend(&app, 40_003, "FulfillmentEmail").await;
    assert_eq!((a.status, a.body.as_ref()), (StatusCode::OK, &b"false"[..]));
    assert!(outbox(&app).await.is_empty());
}

#[tokio::test]
async fn empty_fault_answers_200_with_no_body() {
    let (_, app) = setup();
    add_fault(
        &app,
        r#"{"method":"getSslCertificateRequests","kind":"empty"}"#,
    )
    .await;
    let a = list(&app, "").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.is_empty());
}

#[tokio::test]
async fn malformed_fault_answers_invalid_json() {
    let (_, app) = setup();
    add_fault(
        &app,
        r#"{"method":"getSslRequestStatuses","kind":"malformed"}"#,
    )
    .await;
    let a = get(&app, STATUSES).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.header("content-type"), Some("application/json"));
    assert!(serde_json::from_slice::<Value>(&a.body).is_err());
    assert!(a.text().starts_with(r#"{"error""#));
}

#[tokio::test]
async fn truncated_fault_sends_half_and_still_acts() {
    let (_, app) = setup();
    let full = list(&app, "objectMask=mask[id,commonName]").await.body;
    add_fault(
        &app,
        r#"{"method":"getSslCertificateRequests","kind":"truncated","times":1}"#,
    )
    .await;
    let a = list(&app, "objectMask=mask[id,commonName]").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body.len(), full.len() / 2);
    assert_eq!(&full[..full.len() / 2], a.body.as_ref());
    assert_eq!(a.header("SoftLayer-Total-Items"), Some("40"));

    add_fault(&app, r#"{"method":"resendEmail","kind":"truncated"}"#).await;
    let r = resend(&app, 40_003, "FulfillmentEmail").await;
    assert_eq!(r.body.as_ref(), b"tr");
    assert_eq!(
        outbox(&app).await.len(),
        1,
        "the server acted before the answer was cut"
    );
}

#[tokio::test]
async fn delay_fault_waits_then_answers_normally() {
    let (_, app) = setup();
    add_fault(
        &app,
        r#"{"method":"getObject","kind":"delay","delayMs":250}"#,
    )
    .await;
    let start = Instant::now();
    let a = get(&app, &format!("{ACCOUNT}?objectMask=mask[id]")).await;
    assert!(start.elapsed() >= Duration::from_millis(250));
    assert_eq!(a.json(), json!({"id": 1_234_567}));
}

#[tokio::test]
async fn delay_ms_applies_to_error_faults_too() {
    let (_, app) = setup();
    add_fault(
        &app,
        r#"{"method":"resendEmail","kind":"error","delayMs":200}"#,
    )
    .await;
    let start = Instant::now();
    let a = resend(&app, 40_003, "FulfillmentEmail").await;
    assert!(start.elapsed() >= Duration::from_millis(200));
    assert_eq!(a.status, StatusCode::INTERNAL_SERVER_ERROR);
}

#[tokio::test]
async fn no_cors_fault_strips_cors_but_still_acts() {
    let (_, app) = setup();
    add_fault(
        &app,
        r#"{"method":"resendEmail","kind":"noCors","times":2}"#,
    )
    .await;
    let origin = [
        ("Origin", ORIGIN),
        ("Access-Control-Request-Method", "POST"),
    ];
    let pre = send(
        &app,
        Method::OPTIONS,
        &resend_uri(40_003),
        None,
        None,
        &origin,
    )
    .await;
    assert_eq!(pre.status, StatusCode::NO_CONTENT);
    assert_eq!(
        pre.header("access-control-allow-origin"),
        None,
        "preflight for that path too"
    );
    let a = send(
        &app,
        Method::POST,
        &resend_uri(40_003),
        Some(&good_auth()),
        Some(r#"{"parameters":["FulfillmentEmail"]}"#),
        &origin,
    )
    .await;
    assert_eq!(a.body.as_ref(), b"true");
    assert!(a
        .headers
        .keys()
        .all(|k| !k.as_str().starts_with("access-control-")));
    assert_eq!(outbox(&app).await.len(), 1);
    // Both uses are spent: CORS is back.
    let again = send(
        &app,
        Method::OPTIONS,
        &resend_uri(40_003),
        None,
        None,
        &origin,
    )
    .await;
    assert_eq!(again.header("access-control-allow-origin"), Some(ORIGIN));
    // Other methods were never affected.
    let other = send(
        &app,
        Method::GET,
        ACCOUNT,
        Some(&good_auth()),
        None,
        &origin,
    )
    .await;
    assert_eq!(other.header("access-control-allow-origin"), Some(ORIGIN));
}

#[tokio::test]
async fn fault_responses_keep_cors_headers() {
    let (_, app) = setup();
    add_fault(&app, r#"{"method":"resendEmail","kind":"error","status":404,"code":"SoftLayer_Exception_ObjectNotFound"}"#).await;
    let a = send(
        &app,
        Method::POST,
        &resend_uri(40_003),
        Some(&good_auth()),
        Some(r#"{"parameters":["FulfillmentEmail"]}"#),
        &[("Origin", ORIGIN)],
    )
    .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.header("access-control-allow-origin"), Some(ORIGIN));
}

#[tokio::test]
async fn times_expires_a_fault_after_n_matching_requests() {
    let (_, app) = setup();
    add_fault(&app, r#"{"method":"resendEmail","kind":"false","times":2}"#).await;
    get(&app, ACCOUNT).await; // other methods do not count
    let listed = control(&app, Method::GET, "/_emulator/faults", None)
        .await
        .json();
    assert_eq!(listed[0]["times"], 2);
    assert_eq!(
        resend(&app, 40_003, "FulfillmentEmail").await.body.as_ref(),
        b"false"
    );
    let listed = control(&app, Method::GET, "/_emulator/faults", None)
        .await
        .json();
    assert_eq!(listed[0]["times"], 1, "counts down");
    assert_eq!(
        resend(&app, 40_003, "FulfillmentEmail").await.body.as_ref(),
        b"false"
    );
    assert_eq!(
        resend(&app, 40_003, "FulfillmentEmail").await.body.as_ref(),
        b"true"
    );
    assert_eq!(
        control(&app, Method::GET, "/_emulator/faults", None)
            .await
            .json(),
        json!([])
    );
}

#[tokio::test]
async fn get_object_fault_covers_account_and_request_get_object() {
    let (_, app) = setup();
    add_fault(&app, r#"{"method":"getObject","kind":"false"}"#).await;
    assert_eq!(get(&app, ACCOUNT).await.body.as_ref(), b"false");
    assert_eq!(
        get(
            &app,
            "/rest/v3.1/SoftLayer_Security_Certificate_Request/40001.json"
        )
        .await
        .body
        .as_ref(),
        b"false"
    );
    assert_eq!(
        list(&app, "").await.status,
        StatusCode::OK,
        "list unaffected"
    );
}

#[tokio::test]
async fn faults_list_shape_and_delete_clears_all() {
    let (_, app) = setup();
    let created = add_fault(&app, r#"{"method":"*","kind":"error","status":500,"code":"SoftLayer_Exception_Account_Authentication_AccessTokenValidation","error":"Token expired","delayMs":5}"#).await;
    assert_eq!(
        created.json(),
        json!({"id":1,"method":"*","kind":"error","delayMs":5,"status":500,"error":"Token expired","code":"SoftLayer_Exception_Account_Authentication_AccessTokenValidation"})
    );
    add_fault(&app, r#"{"method":"resendEmail","kind":"hang","times":1}"#).await;
    let listed = control(&app, Method::GET, "/_emulator/faults", None)
        .await
        .json();
    assert_eq!(listed.as_array().map(Vec::len), Some(2));
    assert_eq!(
        listed[1],
        json!({"id":2,"method":"resendEmail","kind":"hang","times":1})
    );
    list(&app, "").await.assert_sl_error(
        500,
        "SoftLayer_Exception_Account_Authentication_AccessTokenValidation",
        "Token expired",
    );
    let d = control(&app, Method::DELETE, "/_emulator/faults", None).await;
    assert_eq!(d.status, StatusCode::NO_CONTENT);
    assert_eq!(list(&app, "").await.status, StatusCode::OK);
}

#[tokio::test]
async fn invalid_faults_are_rejected() {
    let (_, app) = setup();
    for body in [
        r#"{"method":"resendEmail","kind":"explode"}"#,
        r#"{"method":"resendEmail"}"#,
        r#"{"method":"","kind":"false"}"#,
        r#"{"method":"resendEmail","kind":"false","times":0}"#,
        r#"{"method":"resendEmail","kind":"error","status":99}"#,
        r#"{"method":"resendEmail","kind":"false","colour":"red"}"#,
    ] {
        let a = control(&app, Method::POST, "/_emulator/faults", Some(body)).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
    }
    assert_eq!(
        control(&app, Method::GET, "/_emulator/faults", None)
            .await
            .json(),
        json!([])
    );
}

#[tokio::test]
async fn unauthenticated_requests_do_not_consume_faults() {
    let (_, app) = setup();
    add_fault(&app, r#"{"method":"getObject","kind":"false","times":1}"#).await;
    let denied = send(&app, Method::GET, ACCOUNT, None, None, &[]).await;
    assert_eq!(denied.status, StatusCode::UNAUTHORIZED);
    assert_eq!(get(&app, ACCOUNT).await.body.as_ref(), b"false");
}
