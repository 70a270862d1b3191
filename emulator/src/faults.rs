//! Fault injection: scripted misbehaviour (errors, bad bodies, gateway pages, dropped or hung
//! connections) per method.

use std::io;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use futures_util::StreamExt as _;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::error::{json_response, raw_json_response};

/// Longest accepted `delayMs` (10 minutes): longer than any client timeout worth testing.
const MAX_DELAY_MS: u64 = 600_000;
/// Most faults queued at once; more are refused (400) until some expire or are deleted.
pub const MAX_FAULTS: usize = 1_000;
/// Pause between the partial body and the abort of a `drop` fault, so the bytes reach the socket.
const DROP_PAUSE: Duration = Duration::from_millis(50);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FaultKind {
    Delay,
    Error,
    False,
    Empty,
    Malformed,
    Truncated,
    Drop,
    Hang,
    NoCors,
    /// A bare HTTP status with an nginx-style HTML error page (`Content-Type: text/html`), as a
    /// gateway or load balancer answers when the API behind it fails: no SoftLayer error JSON.
    Html,
}

impl FaultKind {
    /// Kinds that always run the real call (and record a resend) before shaping its answer.
    pub fn always_runs_call(self) -> bool {
        matches!(
            self,
            Self::Delay | Self::Truncated | Self::Drop | Self::NoCors
        )
    }
}

/// A fault as posted to `/_emulator/faults` and listed back (with its `id`; `times` counts down).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    #[serde(default)]
    pub id: u64,
    /// SoftLayer method name (`resendEmail`, `getSslCertificateRequests`, `getSslRequestStatuses`,
    /// `getObject`, …) or `*` for every /rest call.
    pub method: String,
    pub kind: FaultKind,
    /// Remaining number of matching requests to affect; absent means until cleared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    /// HTTP status of an `error` fault (default 500) or an `html` fault (default 502).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Message of an `error` fault (default "Internal Error").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Exception code of an `error` fault (default "SoftLayer_Exception_Public").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// For kinds that do not run the real call (`error`, `false`, `empty`, `malformed`, `html`,
    /// `hang`): run it anyway, so its effect happens (a resend reaches the outbox), then answer with
    /// the fault. Models an outcome lost on the way back, such as a gateway timing out after the API
    /// acted. Default false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_call: Option<bool>,
}

impl Fault {
    fn matches(&self, method: &str) -> bool {
        self.method == "*" || self.method == method
    }

    /// Checks a posted fault; the message goes back to the test author with HTTP 400.
    pub fn validate(&self) -> Result<(), String> {
        if self.method.trim().is_empty() {
            return Err("'method' must name a SoftLayer method or be '*'.".into());
        }
        if self.times == Some(0) {
            return Err("'times' must be at least 1 (omit it for a permanent fault).".into());
        }
        if self.delay_ms.is_some_and(|d| d > MAX_DELAY_MS) {
            return Err(format!("'delayMs' must be at most {MAX_DELAY_MS}."));
        }
        if let Some(status) = self.status {
            if !(200..=599).contains(&status) {
                return Err("'status' must be between 200 and 599.".into());
            }
        }
        if self.run_call.is_some() && self.kind.always_runs_call() {
            return Err(
                "'runCall' applies to kinds error, false, empty, malformed, html and hang \
                 (delay, truncated, drop and noCors always run the call)."
                    .into(),
            );
        }
        Ok(())
    }
}

/// The installed faults, in the order they were added; the first match wins.
#[derive(Debug, Default)]
pub struct FaultSet {
    next_id: u64,
    faults: Vec<Fault>,
}

impl FaultSet {
    /// Stores a fault and gives it the next id; refused when [`MAX_FAULTS`] are queued already.
    pub fn add(&mut self, mut fault: Fault) -> Result<Fault, String> {
        if self.faults.len() >= MAX_FAULTS {
            return Err(format!(
                "At most {MAX_FAULTS} faults can be queued; DELETE /_emulator/faults or let some expire first."
            ));
        }
        self.next_id += 1;
        fault.id = self.next_id;
        self.faults.push(fault.clone());
        Ok(fault)
    }

    pub fn list(&self) -> &[Fault] {
        &self.faults
    }

    pub fn clear(&mut self) {
        self.faults.clear();
    }

    /// Takes the first fault for `method` (optionally only of one kind), counting down `times`.
    pub fn take(&mut self, method: &str, only: Option<FaultKind>) -> Option<Fault> {
        let index = self
            .faults
            .iter()
            .position(|f| f.matches(method) && only.is_none_or(|k| f.kind == k))?;
        let fault = self.faults.get_mut(index)?;
        let taken = fault.clone();
        if let Some(times) = fault.times.as_mut() {
            *times -= 1;
            if *times == 0 {
                self.faults.remove(index);
            }
        }
        Some(taken)
    }
}

/// Response extension telling the CORS layer to leave this answer without CORS headers.
#[derive(Debug, Clone, Copy)]
pub struct NoCors;

/// Runs a fault. `answer` computes the real response (with its side effects, such as an outbox
/// entry); kinds that pretend the server failed before acting never call it.
pub async fn run(fault: &Fault, answer: impl FnOnce() -> Response) -> Response {
    if let Some(ms) = fault.delay_ms.filter(|ms| *ms > 0) {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    let real = (fault.kind.always_runs_call() || fault.run_call == Some(true)).then(answer);
    // Only kinds that always run the call use `real`; for the others it is computed for its effect.
    let real = || real.unwrap_or_default();
    match fault.kind {
        FaultKind::Delay => real(),
        FaultKind::Error => {
            let status = fault
                .status
                .and_then(|s| StatusCode::from_u16(s).ok())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let body = json!({
                "error": fault.error.as_deref().unwrap_or("Internal Error"),
                "code": fault.code.as_deref().unwrap_or("SoftLayer_Exception_Public"),
            });
            json_response(status, &body)
        }
        FaultKind::False => raw_json_response(StatusCode::OK, "false"),
        FaultKind::Empty => raw_json_response(StatusCode::OK, Body::empty()),
        FaultKind::Malformed => raw_json_response(StatusCode::OK, r#"{"error": oops"#),
        FaultKind::Truncated => {
            let (mut parts, bytes) = buffered(real()).await;
            let half = bytes.slice(..bytes.len() / 2);
            // The length must describe what is sent, so the client sees a clean but cut body.
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(half))
        }
        FaultKind::Drop => {
            let (mut parts, bytes) = buffered(real()).await;
            // Promise the full length, send half, then fail the body: hyper aborts the connection.
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
            let head = bytes.slice(..bytes.len() / 2);
            let first = futures_util::stream::once(async move { Ok::<Bytes, io::Error>(head) });
            let abort = futures_util::stream::once(async {
                tokio::time::sleep(DROP_PAUSE).await;
                Err(io::Error::new(
                    io::ErrorKind::ConnectionAborted,
                    "drop fault: connection closed mid-response",
                ))
            });
            Response::from_parts(parts, Body::from_stream(first.chain(abort)))
        }
        FaultKind::Hang => {
            // Never answer; the future is dropped when the client disconnects or the server stops.
            std::future::pending::<Response>().await
        }
        FaultKind::NoCors => {
            let mut res = real();
            res.extensions_mut().insert(NoCors);
            res
        }
        FaultKind::Html => {
            let status = fault
                .status
                .and_then(|s| StatusCode::from_u16(s).ok())
                .unwrap_or(StatusCode::BAD_GATEWAY);
            html_error_page(status)
        }
    }
}

/// The error page nginx sends for `status`, byte for byte in its layout.
pub fn html_error_page(status: StatusCode) -> Response {
    let title = match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    };
    let body = format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n\
         <hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    );
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = status;
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
    res
}

/// Splits a response into its head and fully read body (handler bodies are in memory already).
async fn buffered(res: Response) -> (axum::http::response::Parts, Bytes) {
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    (parts, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(method: &str, kind: FaultKind, times: Option<u32>) -> Fault {
        Fault {
            id: 0,
            method: method.into(),
            kind,
            times,
            delay_ms: None,
            status: None,
            error: None,
            code: None,
            run_call: None,
        }
    }

    #[test]
    fn take_counts_down_and_expires() {
        let mut set = FaultSet::default();
        set.add(fault("resendEmail", FaultKind::False, Some(2)))
            .expect("room");
        assert!(set.take("getObject", None).is_none());
        assert!(set.take("resendEmail", None).is_some());
        assert_eq!(set.list()[0].times, Some(1));
        assert!(set.take("resendEmail", None).is_some());
        assert!(set.take("resendEmail", None).is_none());
        assert!(set.list().is_empty());
    }

    #[test]
    fn wildcard_matches_every_method_and_kind_filter_applies() {
        let mut set = FaultSet::default();
        set.add(fault("*", FaultKind::Hang, None)).expect("room");
        assert!(set.take("anything", Some(FaultKind::NoCors)).is_none());
        assert_eq!(
            set.take("anything", None).map(|f| f.kind),
            Some(FaultKind::Hang)
        );
        assert_eq!(set.list().len(), 1, "permanent faults stay");
    }

    #[test]
    fn validate_rejects_zero_times_and_bad_status() {
        assert!(fault("x", FaultKind::Error, Some(0)).validate().is_err());
        let mut f = fault("x", FaultKind::Error, None);
        f.status = Some(99);
        assert!(f.validate().is_err());
        f.status = Some(429);
        assert!(f.validate().is_ok());
    }

    #[test]
    fn run_call_only_for_kinds_that_skip_the_call() {
        let mut f = fault("x", FaultKind::Html, None);
        f.run_call = Some(true);
        assert!(f.validate().is_ok());
        f.kind = FaultKind::Truncated;
        assert!(f.validate().is_err());
    }

    #[test]
    fn html_page_names_the_status() {
        let res = html_error_page(StatusCode::GATEWAY_TIMEOUT);
        assert_eq!(res.status(), StatusCode::GATEWAY_TIMEOUT);
        assert_eq!(res.headers()[header::CONTENT_TYPE], "text/html");
        let res = html_error_page(StatusCode::from_u16(599).expect("status"));
        assert_eq!(res.status().as_u16(), 599);
    }
}
