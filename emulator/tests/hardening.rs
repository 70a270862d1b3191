//! The loopback-only stance and the control API's defences: bind refusal, Host check, control
//! content types and origins, CORS on the control API, and the caps on what tests can pile up.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::*;
use serde_json::json;
use sl_emulator::Config;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

// ---- binding -------------------------------------------------------------------------------------

/// Runs the binary with `args` and returns (success, stdout, stderr); it must exit by itself.
fn run_to_exit(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sl-emulator"))
        .args(args)
        .output()
        .expect("run");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn non_loopback_addresses_are_refused_without_the_flag() {
    for addr in ["0.0.0.0:0", "[::]:0", "192.0.2.1:0"] {
        let (ok, stdout, stderr) = run_to_exit(&["--addr", addr]);
        assert!(!ok, "{addr} must be refused");
        assert!(
            stderr.contains(&format!("refusing to listen on {addr}"))
                && stderr.contains("--allow-non-loopback"),
            "{stderr}"
        );
        assert!(!stdout.contains("listening on"), "{stdout}");
    }
}

#[test]
fn allow_non_loopback_flag_warns() {
    // The flag is tested on a loopback address: the tests never listen beyond loopback.
    let mut child = Command::new(env!("CARGO_BIN_EXE_sl-emulator"))
        .args(["--addr", "localhost:0", "--allow-non-loopback"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut banner = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        let done = line.starts_with("sl-emulator listening on http://127.0.0.1:");
        banner.push(line);
        if done {
            break;
        }
    }
    child.kill().expect("kill");
    let _ = child.wait();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read");
    assert!(stderr.contains("WARNING: --allow-non-loopback"), "{stderr}");
    let banner = banner.join("\n");
    assert!(
        banner.contains("Network:       any address and Host (--allow-non-loopback)"),
        "{banner}"
    );
}

#[test]
fn addr_accepts_localhost_and_rejects_host_names() {
    let (ok, _, stderr) = run_to_exit(&["--addr", "example.com:80"]);
    assert!(!ok);
    assert!(
        stderr.contains("invalid value 'example.com:80'"),
        "{stderr}"
    );
}

// ---- Host header ---------------------------------------------------------------------------------

async fn get_with_host(app: &axum::Router, host: Option<&str>) -> Answer {
    let mut req = Request::builder()
        .method(Method::GET)
        .uri("/_emulator/options");
    if let Some(h) = host {
        req = req.header(header::HOST, h);
    }
    exchange(app, req.body(Body::empty()).expect("request")).await
}

#[tokio::test]
async fn loopback_host_names_are_answered() {
    let (_, app) = setup();
    for host in [
        "127.0.0.1:8787",
        "127.0.0.1",
        "127.42.0.9:19000",
        "localhost",
        "LocalHost:8080",
        "[::1]",
        "[::1]:8787",
    ] {
        let a = get_with_host(&app, Some(host)).await;
        assert_eq!(a.status, StatusCode::OK, "{host}: {}", a.text());
    }
}

#[tokio::test]
async fn other_host_names_get_421_on_every_path() {
    let (_, app) = setup();
    for host in [
        Some("evil.example"),
        Some("evil.example:8787"),
        Some("127.0.0.1.nip.io:8787"),
        Some("localhost.evil.example"),
        Some("10.0.0.5:8787"),
        Some("0.0.0.0:8787"),
        None,
    ] {
        let a = get_with_host(&app, host).await;
        assert_eq!(a.status, StatusCode::MISDIRECTED_REQUEST, "{host:?}");
        assert_eq!(a.header("content-type"), Some("application/json"));
        assert!(a.json()["error"]
            .as_str()
            .is_some_and(|e| e.contains("loopback")));
    }
    // The SoftLayer side, static pages and preflights are guarded too.
    let evil = [("Host", "rebound.example:8787")];
    let rest = send(&app, Method::GET, LIST, Some(&good_auth()), None, &evil).await;
    assert_eq!(rest.status, StatusCode::MISDIRECTED_REQUEST);
    let root = send(&app, Method::GET, "/", None, None, &evil).await;
    assert_eq!(root.status, StatusCode::MISDIRECTED_REQUEST);
    let pre = send(
        &app,
        Method::OPTIONS,
        "/_emulator/reset",
        None,
        None,
        &[
            ("Host", "rebound.example:8787"),
            ("Origin", "http://rebound.example:8787"),
            ("Access-Control-Request-Method", "POST"),
        ],
    )
    .await;
    assert_eq!(pre.status, StatusCode::MISDIRECTED_REQUEST);
    assert_eq!(pre.header("access-control-allow-origin"), None);
    // Nothing was logged for the refused /rest call.
    let log = control(&app, Method::GET, "/_emulator/requests", None).await;
    assert_eq!(log.json(), json!([]));
}

#[tokio::test]
async fn absolute_request_uri_must_name_loopback_too() {
    let (_, app) = setup();
    let req = Request::builder()
        .uri("http://evil.example/_emulator/options")
        .header(header::HOST, "127.0.0.1:8787")
        .body(Body::empty())
        .expect("request");
    assert_eq!(
        exchange(&app, req).await.status,
        StatusCode::MISDIRECTED_REQUEST
    );
}

#[tokio::test]
async fn allow_non_loopback_turns_the_host_check_off() {
    let (_, app) = setup_with(Config {
        allow_non_loopback: true,
        ..config()
    });
    let a = get_with_host(&app, Some("emulator.lan:8787")).await;
    assert_eq!(a.status, StatusCode::OK);
}

#[tokio::test]
async fn host_check_on_the_wire() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let state = sl_emulator::AppState::new(config());
    tokio::spawn(sl_emulator::serve(listener, state, std::future::pending()));
    for (host, status) in [
        (format!("{addr}"), "200"),
        ("attacker.example".to_string(), "421"),
    ] {
        let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        let request =
            format!("GET /_emulator/options HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("write");
        let mut raw = Vec::new();
        tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut raw))
            .await
            .expect("answer in time")
            .expect("read");
        let head = String::from_utf8_lossy(&raw);
        assert!(
            head.starts_with(&format!("HTTP/1.1 {status}")),
            "{host}: {head}"
        );
    }
}

// ---- control requests: content type and origin ---------------------------------------------------

/// A control request with exactly these headers (plus the default Host) and body.
async fn control_raw(
    app: &axum::Router,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Answer {
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, HOST);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    exchange(
        app,
        req.body(Body::from(body.to_string())).expect("request"),
    )
    .await
}

async fn header_option(app: &axum::Router) -> bool {
    control(app, Method::GET, "/_emulator/options", None)
        .await
        .json()["totalItemsHeader"]
        .as_bool()
        .expect("bool")
}

#[tokio::test]
async fn cors_simple_content_types_are_refused_with_415() {
    let (_, app) = setup();
    control(
        &app,
        Method::POST,
        "/_emulator/options",
        Some(r#"{"totalItemsHeader":false}"#),
    )
    .await;
    for ct in [
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=----x",
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/xml",
    ] {
        for (path, body) in [
            ("/_emulator/reset", ""),
            ("/_emulator/reset", "a=b"),
            ("/_emulator/options", r#"{"totalItemsHeader":true}"#),
        ] {
            let a = control_raw(&app, Method::POST, path, &[("Content-Type", ct)], body).await;
            assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{ct} {path}");
            assert_eq!(a.header("content-type"), Some("application/json"));
            assert!(
                a.json()["error"]
                    .as_str()
                    .is_some_and(|e| e.contains("application/json")),
                "{}",
                a.text()
            );
        }
    }
    let d = control_raw(
        &app,
        Method::DELETE,
        "/_emulator/faults",
        &[("Content-Type", "text/plain")],
        "",
    )
    .await;
    assert_eq!(d.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(!header_option(&app).await, "nothing was reset or changed");
}

#[tokio::test]
async fn a_body_without_content_type_is_refused() {
    let (_, app) = setup();
    let a = control_raw(
        &app,
        Method::POST,
        "/_emulator/options",
        &[],
        r#"{"totalItemsHeader":false}"#,
    )
    .await;
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        a.json(),
        json!({"error":"Control requests need Content-Type: application/json (got none)."})
    );
    let a = control_raw(
        &app,
        Method::PUT,
        "/_emulator/orders",
        &[("Content-Length", "2")],
        "[]",
    )
    .await;
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(header_option(&app).await);
}

#[tokio::test]
async fn json_and_bodyless_control_requests_pass() {
    let (_, app) = setup();
    // What tests/web/support.rs sends: JSON with a body, nothing for body-less calls.
    let a = control_raw(
        &app,
        Method::POST,
        "/_emulator/options",
        &[("Content-Type", "Application/JSON; charset=utf-8")],
        r#"{"totalItemsHeader":false}"#,
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    let a = control_raw(&app, Method::POST, "/_emulator/reset", &[], "").await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    assert!(header_option(&app).await);
    let a = control_raw(
        &app,
        Method::POST,
        "/_emulator/reset",
        &[("Content-Length", "0")],
        "",
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    let a = control_raw(&app, Method::DELETE, "/_emulator/outbox", &[], "").await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    // GET is never guarded, whatever it carries.
    let a = control_raw(
        &app,
        Method::GET,
        "/_emulator/outbox",
        &[
            ("Content-Type", "text/plain"),
            ("Origin", "http://evil.example"),
        ],
        "",
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.header("access-control-allow-origin"), None);
}

#[tokio::test]
async fn state_changes_from_unnamed_origins_get_403() {
    let (_, app) = setup();
    control(
        &app,
        Method::POST,
        "/_emulator/options",
        Some(r#"{"totalItemsHeader":false}"#),
    )
    .await;
    // A no-cors fetch sends neither a body nor a Content-Type, but always its Origin.
    for origin in ["http://evil.example", "null", "http://localhost:8081"] {
        let a = control_raw(
            &app,
            Method::POST,
            "/_emulator/reset",
            &[("Origin", origin)],
            "",
        )
        .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{origin}");
        assert!(a.json()["error"]
            .as_str()
            .is_some_and(|e| e.contains(origin)));
        assert_eq!(a.header("access-control-allow-origin"), None);
    }
    assert!(!header_option(&app).await, "not reset");
    // The named origin (the test runner's page) and the emulator's own pages may.
    let a = control_raw(
        &app,
        Method::POST,
        "/_emulator/reset",
        &[("Origin", ORIGIN)],
        "",
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    assert_eq!(a.header("access-control-allow-origin"), Some(ORIGIN));
    let own = format!("http://{HOST}");
    let a = control_raw(
        &app,
        Method::DELETE,
        "/_emulator/faults",
        &[("Origin", &own)],
        "",
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn wildcard_origin_never_reaches_the_control_api() {
    let (_, app) = setup_with(Config {
        allow_origins: vec!["*".into()],
        ..Config::default()
    });
    let other = "http://anything.test:3000";
    // /rest still reflects any origin…
    let rest = send(
        &app,
        Method::GET,
        "/rest/v3.1/SoftLayer_Account/getObject.json",
        Some(&good_auth()),
        None,
        &[("Origin", other)],
    )
    .await;
    assert_eq!(rest.header("access-control-allow-origin"), Some(other));
    // …but the control API answers it no CORS, no preflight and no state change.
    let pre = send(
        &app,
        Method::OPTIONS,
        "/_emulator/faults",
        None,
        None,
        &[
            ("Origin", other),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
    )
    .await;
    assert_eq!(pre.status, StatusCode::NO_CONTENT);
    assert!(
        pre.headers
            .keys()
            .all(|k| !k.as_str().starts_with("access-control-")),
        "{:?}",
        pre.headers
    );
    let get = send(
        &app,
        Method::GET,
        "/_emulator/outbox",
        None,
        None,
        &[("Origin", other)],
    )
    .await;
    assert_eq!(get.status, StatusCode::OK);
    assert_eq!(get.header("access-control-allow-origin"), None);
    let post = send(
        &app,
        Method::POST,
        "/_emulator/faults",
        None,
        Some(r#"{"method":"*","kind":"hang"}"#),
        &[("Origin", other)],
    )
    .await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
    // An origin literally named "*" is not an origin either.
    let star = send(
        &app,
        Method::POST,
        "/_emulator/reset",
        None,
        None,
        &[("Origin", "*")],
    )
    .await;
    assert_eq!(star.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn named_origin_gets_control_cors_beside_a_wildcard() {
    let (_, app) = setup_with(Config {
        allow_origins: vec!["*".into(), ORIGIN.into()],
        ..Config::default()
    });
    let pre = send(
        &app,
        Method::OPTIONS,
        "/_emulator/faults",
        None,
        None,
        &[
            ("Origin", ORIGIN),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
    )
    .await;
    assert_eq!(pre.header("access-control-allow-origin"), Some(ORIGIN));
    assert_eq!(
        pre.header("access-control-allow-headers"),
        Some("Authorization, Content-Type")
    );
    let post = send(
        &app,
        Method::POST,
        "/_emulator/faults",
        None,
        Some(r#"{"method":"resendEmail","kind":"false"}"#),
        &[("Origin", ORIGIN)],
    )
    .await;
    assert_eq!(post.status, StatusCode::CREATED);
    assert_eq!(post.header("access-control-allow-origin"), Some(ORIGIN));
}

// ---- caps ----------------------------------------------------------------------------------------

#[test]
fn orders_flag_is_capped_at_200000() {
    let (ok, stdout, stderr) = run_to_exit(&["--addr", "127.0.0.1:0", "--orders", "200001"]);
    assert!(!ok);
    assert!(
        stderr.contains(
            "invalid value '200001' for '--orders <ORDERS>': at most 200000 orders can be generated"
        ),
        "{stderr}"
    );
    assert!(stdout.is_empty(), "{stdout}");
}

#[tokio::test]
async fn dataset_and_put_orders_are_capped_at_200000() {
    let (_, app) = setup();
    let a = control(
        &app,
        Method::POST,
        "/_emulator/dataset",
        Some(r#"{"orders":200001}"#),
    )
    .await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        a.json(),
        json!({"error":"'orders' must be at most 200000."})
    );
    let many = format!(
        "[{}]",
        (1..=200_001)
            .map(|i| format!(r#"{{"id":{i}}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let a = control(&app, Method::PUT, "/_emulator/orders", Some(&many)).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        a.json(),
        json!({"error":"At most 200000 orders can be installed (got 200001)."})
    );
    assert_eq!(
        list(&app, "resultLimit=0,1")
            .await
            .header("SoftLayer-Total-Items"),
        Some("40")
    );
}

#[tokio::test]
async fn outbox_keeps_the_last_10000_entries() {
    let (_, app) = setup_with(Config {
        options: sl_emulator::Options {
            enforce_status_rules: false,
            ..sl_emulator::Options::default()
        },
        ..config()
    });
    // 10,000 resends of 40001, then five of 40002..40006: the first five are pushed out.
    for _ in 0..10_000 {
        assert_eq!(
            resend(&app, 40_001, "ApproverEmail").await.status,
            StatusCode::OK
        );
    }
    for id in 40_002..=40_006 {
        assert_eq!(
            resend(&app, id, "ApproverEmail").await.status,
            StatusCode::OK
        );
    }
    let out = outbox(&app).await;
    assert_eq!(out.len(), 10_000);
    assert_eq!(out[0]["orderId"], 40_001);
    let tail: Vec<_> = out[9_995..].iter().map(|e| e["orderId"].clone()).collect();
    assert_eq!(tail, [40_002, 40_003, 40_004, 40_005, 40_006]);
}

#[tokio::test]
async fn request_log_keeps_the_last_10000_entries() {
    let (_, app) = setup();
    for i in 0..10_003 {
        let uri = format!("/rest/v3.1/SoftLayer_Account/getObject.json?n={i}");
        send(&app, Method::GET, &uri, None, None, &[]).await;
    }
    let log = control(&app, Method::GET, "/_emulator/requests", None)
        .await
        .json();
    let log = log.as_array().expect("array");
    assert_eq!(log.len(), 10_000);
    assert_eq!(log[0]["query"], "n=3", "the three oldest went");
    assert_eq!(log[9_999]["query"], "n=10002");
}

#[tokio::test]
async fn at_most_1000_faults_are_queued() {
    let (_, app) = setup();
    for _ in 0..999 {
        add_fault(&app, r#"{"method":"getSslRequestStatuses","kind":"false"}"#).await;
    }
    add_fault(&app, r#"{"method":"resendEmail","kind":"false","times":1}"#).await;
    let refused = control(
        &app,
        Method::POST,
        "/_emulator/faults",
        Some(r#"{"method":"resendEmail","kind":"error"}"#),
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.json(),
        json!({"error":"At most 1000 faults can be queued; DELETE /_emulator/faults or let some expire first."})
    );
    // A fault that expires makes room again.
    assert_eq!(
        resend(&app, 40_001, "ApproverEmail").await.body.as_ref(),
        b"false"
    );
    add_fault(&app, r#"{"method":"resendEmail","kind":"error"}"#).await;
    let listed = control(&app, Method::GET, "/_emulator/faults", None)
        .await
        .json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1_000));
    control(&app, Method::DELETE, "/_emulator/faults", None).await;
    add_fault(&app, r#"{"method":"resendEmail","kind":"error"}"#).await;
}
