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
