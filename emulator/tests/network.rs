//! Behaviour only visible on a real socket: dropped and hung connections, and the binary itself.

mod common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::Duration;

use axum::http::Method;
use common::*;
use sl_emulator::{serve, AppState};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Starts a server on a free loopback port; it stops when the test's runtime ends.
async fn start() -> (AppState, SocketAddr) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let state = AppState::new(config());
    let served = state.clone();
    tokio::spawn(async move { serve(listener, served, std::future::pending()).await });
    (state, addr)
}

/// Sends one raw HTTP/1.1 request and reads until EOF or `limit`; returns the bytes and whether
/// the read finished (EOF or reset) before the limit.
async fn raw_exchange(addr: SocketAddr, request: &str, limit: Duration) -> (Vec<u8>, bool) {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut got = Vec::new();
    let read = tokio::time::timeout(limit, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    (got, read.is_ok())
}

fn resend_request(addr: SocketAddr) -> String {
    let body = r#"{"parameters":["FulfillmentEmail"]}"#;
    format!(
        "POST {} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        resend_uri(40_003),
        good_auth(),
        body.len()
    )
}

fn split_response(raw: &[u8]) -> (String, Vec<u8>) {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("complete header block");
    (
        String::from_utf8_lossy(&raw[..end]).to_lowercase(),
        raw[end + 4..].to_vec(),
    )
}

fn content_length(head: &str) -> usize {
    head.lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .expect("content-length header")
        .trim()
        .parse()
        .expect("number")
}

#[tokio::test]
async fn drop_fault_closes_the_connection_mid_body() {
    let (state, addr) = start().await;
    let app = sl_emulator::app(state.clone());
    add_fault(
        &app,
        r#"{"method":"getSslCertificateRequests","kind":"drop"}"#,
    )
    .await;
    let body = r#"{"parameters":[1234567]}"#;
    let request = format!(
        "POST {LIST}?objectMask=mask[id,commonName] HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        good_auth(),
        body.len()
    );
    let (raw, closed) = raw_exchange(addr, &request, Duration::from_secs(5)).await;
    assert!(closed, "the server must close the connection");
    let (head, received) = split_response(&raw);
    assert!(head.starts_with("http/1.1 200"), "{head}");
    let promised = content_length(&head);
    assert!(promised > 100, "full length promised: {promised}");
    assert!(!received.is_empty(), "some bytes arrive");
    assert!(
        received.len() < promised,
        "{} of {promised}",
        received.len()
    );
}

#[tokio::test]
async fn drop_fault_on_resend_still_records_the_outbox_entry() {
    let (state, addr) = start().await;
    let app = sl_emulator::app(state.clone());
    add_fault(&app, r#"{"method":"resendEmail","kind":"drop","times":1}"#).await;
    let (raw, closed) = raw_exchange(addr, &resend_request(addr), Duration::from_secs(5)).await;
    assert!(closed);
    let (head, received) = split_response(&raw);
    assert_eq!(content_length(&head), 4, "promises `true`");
    assert_eq!(received, b"tr");
    assert_eq!(outbox(&app).await.len(), 1);
}

#[tokio::test]
async fn hang_fault_sends_nothing() {
    let (state, addr) = start().await;
    let app = sl_emulator::app(state.clone());
    add_fault(&app, r#"{"method":"resendEmail","kind":"hang"}"#).await;
    let (raw, finished) =
        raw_exchange(addr, &resend_request(addr), Duration::from_millis(300)).await;
    assert!(!finished, "the connection stays open");
    assert!(
        raw.is_empty(),
        "no byte of an answer: {:?}",
        String::from_utf8_lossy(&raw)
    );
    assert!(outbox(&app).await.is_empty());
    // Other methods still answer while one request hangs.
    let a = control(&app, Method::GET, "/_emulator/faults", None).await;
    assert_eq!(a.json()[0]["kind"], "hang");
}

#[tokio::test]
async fn truncated_fault_on_the_wire_has_matching_content_length() {
    let (state, addr) = start().await;
    let app = sl_emulator::app(state.clone());
    add_fault(&app, r#"{"method":"resendEmail","kind":"truncated"}"#).await;
    let request = resend_request(addr).replace("HTTP/1.1\r\n", "HTTP/1.1\r\nConnection: close\r\n");
    let (raw, closed) = raw_exchange(addr, &request, Duration::from_secs(5)).await;
    assert!(closed);
    let (head, received) = split_response(&raw);
    assert_eq!(content_length(&head), 2);
    assert_eq!(received, b"tr");
}

#[test]
fn binary_prints_banner_and_stops_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sl-emulator"))
        .args([
            "--addr",
            "127.0.0.1:0",
            "--orders",
            "5",
            "--allow-origin",
            ORIGIN,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        let done = line.starts_with("sl-emulator listening on http://127.0.0.1:");
        lines.push(line);
        if done {
            break;
        }
    }
    let text = lines.join("\n");
    assert!(text.contains("/rest/v3.1"), "{text}");
    assert!(text.contains("Account id:    1234567"), "{text}");
    assert!(
        text.contains("curl -g -u 'SL1234567:demo-api-key-0123456789abcdef'"),
        "{text}"
    );
    assert!(
        text.contains("Authorization: Bearer demo-bearer-token"),
        "{text}"
    );
    let last = lines.last().expect("last line");
    let addr = last.trim_start_matches("sl-emulator listening on http://");
    assert!(addr.parse::<SocketAddr>().is_ok(), "{last}");
    assert!(!addr.ends_with(":0"), "the real port is printed");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(exit) = child.try_wait().expect("wait") {
            assert!(exit.success(), "{exit:?}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
