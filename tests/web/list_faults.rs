//! Every way loading the list can fail: the error state, the one event, and retry.

use crate::support::{
    config, control, fixture_with, inject_fault, list_requests, mount_fresh, pause, tick,
};
use serde_json::json;
use ssl_orders::events::{LOADED, LOAD_ERROR};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn wrong_credentials_show_the_api_error_and_retry_recovers() {
    let mut cfg = config();
    cfg.transport.auth = ssl_orders::api::Auth::Bearer("wrong-token".into());
    let f = fixture_with(cfg).await;
    f.wait_for_state("error").await;
    let failure = f.events_named(LOAD_ERROR).remove(0);
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
        let failures = f.events_named(LOAD_ERROR);
        assert_eq!(failures.len(), 1, "{name}: exactly one load-error event");
        assert!(f.events_named(LOADED).is_empty(), "{name}");
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
    assert!(f.events_named(LOAD_ERROR).is_empty());
}

#[wasm_bindgen_test]
async fn a_total_above_the_order_limit_fails_the_load_after_the_first_chunk() {
    control("POST", "reset", None).await;
    // Every list answer claims 4,000,000,000 orders while holding the 40 real ones.
    control(
        "POST",
        "options",
        Some(json!({"totalItemsOverride": 4_000_000_000u64})),
    )
    .await;
    let f = mount_fresh(config());
    f.wait_for_state("error").await;
    pause(300.0).await;
    let failures = f.events_named(LOAD_ERROR);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0]["code"], json!("LIST_TOO_LARGE"));
    assert_eq!(failures[0]["status"], json!(200));
    assert!(f.events_named(LOADED).is_empty());
    let shown = f.text(".state.error [role=alert]");
    assert!(shown.contains("too long"), "{shown}");
    assert_eq!(
        list_requests().await.len(),
        1,
        "no request after the chunk that announced the total"
    );

    control("POST", "options", Some(json!({"totalItemsOverride": null}))).await;
    f.get(".state.error button.retry").click();
    f.wait_for_state("ready").await;
    assert_eq!(
        f.events_named(LOADED),
        vec![json!({"count": 40, "total": 40})]
    );
}
