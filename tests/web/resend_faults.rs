//! Every way a resend can fail: the message, the one event, and what the emulator really sent.

use crate::support::{
    config, fixture, fixture_with, inject_fault, outbox, pause, resend_posts, row, tick,
    wait_until, Fixture,
};
use serde_json::{json, Value};
use ssl_orders::events::{EMAIL_RESENT, RESEND_ERROR};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

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
async fn an_api_error_keeps_the_popup_open_with_the_message_and_a_retry() {
    let f = fixture().await;
    inject_fault(
        json!({"method": "resendEmail", "kind": "error", "status": 500, "times": 1,
        "code": "SoftLayer_Exception_Public", "error": "Unable to resend the email right now."}),
    )
    .await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    let failure = f.wait_for_event(RESEND_ERROR).await;
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
    f.wait_for_event(EMAIL_RESENT).await;
    assert_eq!(outbox().await.len(), 1, "the retry sent it once");
}

#[wasm_bindgen_test]
async fn a_bare_false_is_a_refusal_not_a_success() {
    let f = fixture().await;
    inject_fault(json!({"method": "resendEmail", "kind": "false"})).await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    let failure = f.wait_for_event(RESEND_ERROR).await;
    assert_eq!(failure["code"], json!("NOT_ACCEPTED"));
    assert_eq!(
        f.text("dialog [role=alert]"),
        "The certificate authority did not accept the request."
    );
    assert!(f.events_named(EMAIL_RESENT).is_empty());
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
    let failure = f.wait_for_event(RESEND_ERROR).await;
    assert_eq!(failure["code"], json!("TIMEOUT"));
    assert_eq!(failure["outcomeUnknown"], json!(true));
    assert!(f
        .text("dialog [role=alert]")
        .contains("The outcome is unknown"));
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
                .any(|(n, _)| n == EMAIL_RESENT || n == RESEND_ERROR)
        })
        .await;
        // Let anything else that might wrongly follow arrive before counting.
        tick().await;
        tick().await;
        let resent = f.events_named(EMAIL_RESENT);
        let failed = f.events_named(RESEND_ERROR);
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

/// Sends the first order's email through a gateway fault; returns the one resend-error and the outbox size.
async fn send_through_gateway_fault(fault: Value) -> (Fixture, Value, usize) {
    let f = fixture().await;
    inject_fault(fault).await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    let failure = f.wait_for_event(RESEND_ERROR).await;
    pause(200.0).await;
    assert_eq!(f.events_named(RESEND_ERROR).len(), 1, "one outcome");
    assert!(f.events_named(EMAIL_RESENT).is_empty());
    assert_eq!(resend_posts().await, 1);
    let sent = outbox().await.len();
    (f, failure, sent)
}

#[wasm_bindgen_test]
async fn a_gateway_502_page_after_the_api_acted_is_an_unknown_outcome() {
    // The API sent the email, then the gateway in front of it answered with its own HTML page.
    let (f, failure, sent) = send_through_gateway_fault(
        json!({"method": "resendEmail", "kind": "html", "status": 502, "runCall": true, "times": 1}),
    )
    .await;
    assert_eq!(sent, 1, "the email did go out");
    assert_eq!(failure["code"], json!("HTTP_502"));
    assert_eq!(failure["status"], json!(502));
    assert_eq!(failure["outcomeUnknown"], json!(true));
    let alert = f.text("dialog [role=alert]");
    assert!(alert.contains("The outcome is unknown"), "{alert}");
    assert!(alert.contains("502"), "{alert}");
    assert_eq!(f.text("dialog button.confirm"), "Retry");
}

#[wasm_bindgen_test]
async fn a_gateway_502_page_is_an_unknown_outcome_even_when_the_api_never_acted() {
    // Whether the gateway passed the request on cannot be told from its page: still unknown.
    let (f, failure, sent) = send_through_gateway_fault(
        json!({"method": "resendEmail", "kind": "html", "status": 502, "times": 1}),
    )
    .await;
    assert_eq!(sent, 0);
    assert_eq!(failure["code"], json!("HTTP_502"));
    assert_eq!(failure["outcomeUnknown"], json!(true));
    assert!(f
        .text("dialog [role=alert]")
        .contains("The outcome is unknown"));
}
