//! Shared helpers for the integration tests: build the app, send requests, read answers.
#![allow(dead_code)] // each test binary uses a different subset

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use base64::Engine as _;
use serde_json::Value;
use sl_emulator::{app, AppState, Config};
use tower::ServiceExt as _;

pub const BASE: &str = "/rest/v3.1";
pub const LIST: &str =
    "/rest/v3.1/SoftLayer_Security_Certificate_Request/getSslCertificateRequests.json";
pub const ORIGIN: &str = "http://localhost:8080";
/// The `Host` every request carries unless the test gives its own (as a browser or curl would).
pub const HOST: &str = "127.0.0.1:8787";

pub fn config() -> Config {
    Config {
        allow_origins: vec![ORIGIN.to_string()],
        ..Config::default()
    }
}

/// A fresh app with the default data set (40 orders, seed 7) and one allowed origin.
pub fn setup() -> (AppState, Router) {
    setup_with(config())
}

pub fn setup_with(config: Config) -> (AppState, Router) {
    let state = AppState::new(config);
    let router = app(state.clone());
    (state, router)
}

pub fn basic_auth(user: &str, key: &str) -> String {
    let raw = format!("{user}:{key}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

pub fn good_auth() -> String {
    let c = Config::default();
    basic_auth(&c.user, &c.api_key)
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {:?}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// Asserts a SoftLayer error: status, exact two-key body and JSON content type.
    pub fn assert_sl_error(&self, status: u16, code: &str, message: &str) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text());
        assert_eq!(self.header("content-type"), Some("application/json"));
        assert_eq!(
            self.json(),
            serde_json::json!({"error": message, "code": code})
        );
    }
}

/// Sends one request through the router (no network), with `Host: 127.0.0.1:8787` unless `extra`
/// names a Host.
pub async fn send(
    router: &Router,
    method: Method,
    uri: &str,
    auth: Option<&str>,
    body: Option<&str>,
    extra: &[(&str, &str)],
) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(a) = auth {
        req = req.header(header::AUTHORIZATION, a);
    }
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    if !extra.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        req = req.header(header::HOST, HOST);
    }
    for (k, v) in extra {
        req = req.header(*k, *v);
    }
    let req = req
        .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
        .expect("request");
    exchange(router, req).await
}

/// Sends a request exactly as built (no default headers) through the router.
pub async fn exchange(router: &Router, req: Request<Body>) -> Answer {
    let res = router.clone().oneshot(req).await.expect("infallible");
    let (parts, body) = res.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.expect("body");
    Answer {
        status: parts.status,
        headers: parts.headers,
        body,
    }
}

/// Authenticated GET.
pub async fn get(router: &Router, uri: &str) -> Answer {
    send(router, Method::GET, uri, Some(&good_auth()), None, &[]).await
}

/// Authenticated POST with a JSON body.
pub async fn post(router: &Router, uri: &str, body: &str) -> Answer {
    send(
        router,
        Method::POST,
        uri,
        Some(&good_auth()),
        Some(body),
        &[],
    )
    .await
}

/// The list call for the default account with an optional query string.
pub async fn list(router: &Router, query: &str) -> Answer {
    let uri = if query.is_empty() {
        LIST.to_string()
    } else {
        format!("{LIST}?{query}")
    };
    post(router, &uri, r#"{"parameters":[1234567]}"#).await
}

pub fn resend_uri(id: i64) -> String {
    format!("{BASE}/SoftLayer_Security_Certificate_Request/{id}/resendEmail.json")
}

pub async fn resend(router: &Router, id: i64, email_type: &str) -> Answer {
    post(
        router,
        &resend_uri(id),
        &format!(r#"{{"parameters":["{email_type}"]}}"#),
    )
    .await
}

/// Unauthenticated control-API call.
pub async fn control(router: &Router, method: Method, path: &str, body: Option<&str>) -> Answer {
    send(router, method, path, None, body, &[]).await
}

pub async fn add_fault(router: &Router, fault: &str) -> Answer {
    let a = control(router, Method::POST, "/_emulator/faults", Some(fault)).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    a
}

pub async fn outbox(router: &Router) -> Vec<Value> {
    let a = control(router, Method::GET, "/_emulator/outbox", None).await;
    assert_eq!(a.status, StatusCode::OK);
    a.json().as_array().cloned().expect("outbox array")
}
