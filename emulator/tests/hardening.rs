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
