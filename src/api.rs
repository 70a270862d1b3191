//! The SoftLayer REST boundary: request building, response decoding, typed errors, and `fetch`.
//!
//! Building and decoding are plain functions with native tests; only [`send`] needs a browser.

use crate::guards;
use crate::json::{self, BodyText, Json, Parsed};
use crate::model::{EmailType, Order};
use thiserror::Error;

/// The object mask of the list call: what the table needs and nothing more. Naming local properties drops
/// the others, which keeps the large `certificateSigningRequest` out of the answer.
pub const ORDER_MASK: &str =
    "mask[id,commonName,approverEmailAddress,createDate,expirationDate,statusId,\
status[id,name,description],orderItem[id,description]]";

/// How many orders one list request asks for (`resultLimit=offset,CHUNK`).
pub const CHUNK: usize = 500;

/// Most orders one load reads. Real accounts hold tens or hundreds of SSL orders; 100,000 keeps the whole
/// list, sorted and filtered in the browser, in a few tens of MB, and bounds a `SoftLayer-Total-Items` that
/// is wrong or lies (a total above it ends the load at once, see [`ListProgress::add`]). Hitting it fails
/// the load with [`ApiError::ListTooLarge`]: a cut list would look complete.
pub const MAX_ORDERS: usize = 100_000;

/// Most list requests one load sends (not counting account discovery): the full chunks of [`MAX_ORDERS`]
/// (200 of [`CHUNK`]) and the one that finds the end when the API gives no total. A backstop for an API
/// whose paging never ends while adding a few orders each time; hitting it fails the load with
/// [`ApiError::ListTooLarge`] too.
pub const MAX_LIST_REQUESTS: usize = MAX_ORDERS / CHUNK + 1;

/// Largest body [`send`] reads for a chunk of the list. A full chunk of 500 orders is some 0.5 MB with
/// ordinary names and 5 MB with 10 KB ones; 32 MiB leaves room for anything real while refusing an answer
/// that would exhaust the tab. Larger: [`ApiError::ResponseTooLarge`].
pub const MAX_LIST_BODY_BYTES: usize = 32 * 1024 * 1024;

/// Largest body [`send`] reads for the other calls: an account id, the status list, `true` or `false`.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Default base URL of the real API.
pub const DEFAULT_API_BASE: &str = "https://api.softlayer.com/rest/v3.1";

/// Everything that can go wrong talking to the API, as the user and the host page need to tell it apart.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ApiError {
    /// The API answered with its error shape `{"error","code"}`, on any HTTP status, even 200 (where an
    /// `"error"` alone is enough). The API itself refused: nothing was done.
    #[error("{message}")]
    Api {
        status: u16,
        code: Option<String>,
        message: String,
    },
    /// A failing HTTP status without SoftLayer's error shape: a 502/503/504, or the HTML or empty error
    /// page of a gateway or proxy in front of the API. Who answered, and whether the API acted before, is
    /// unknown, so a resend's outcome is too.
    #[error("the API or a gateway in front of it answered HTTP {status}")]
    Http { status: u16 },
    /// `resendEmail` answered a bare `false`: the certificate authority did not accept the request.
    #[error("the certificate authority did not accept the request")]
    NotAccepted { status: u16 },
    /// The answer could not be read: empty, malformed or truncated JSON, or the wrong shape.
    #[error("unreadable answer from the API (HTTP {status}): {detail}")]
    Unreadable { status: u16, detail: String },
    /// The answer is larger than the widget reads ([`MAX_LIST_BODY_BYTES`] or [`MAX_BODY_BYTES`]): it
    /// arrived, so the API may have acted, but it was not read.
    #[error("the API's answer (HTTP {status}) is larger than {max_bytes} bytes")]
    ResponseTooLarge { status: u16, max_bytes: usize },
    /// The list is longer than the widget reads: more than [`MAX_ORDERS`] orders, or more than
    /// [`MAX_LIST_REQUESTS`] requests. The load fails rather than show a cut list as if it were whole.
    #[error("the list is longer than {MAX_ORDERS} orders or {MAX_LIST_REQUESTS} requests")]
    ListTooLarge { status: u16 },
    /// No answer within the configured time.
    #[error("the API did not answer in time")]
    Timeout,
    /// The request never completed: offline, connection dropped, or refused by CORS.
    #[error("the API could not be reached: {0}")]
    Network(String),
    /// Cancelled by the widget itself (a newer request, or unmount). Never shown to the user.
    #[error("request cancelled")]
    Aborted,
    /// `<ssl-orders>` dropped its credentials because `api-base` moved to another origin: nothing is
    /// requested until the host sets them again.
    #[error("the credentials were withdrawn: the API address moved to another origin")]
    CredentialsWithdrawn,
}

impl ApiError {
    /// The HTTP status, `0` when no response arrived.
    pub fn status(&self) -> u16 {
        match self {
            ApiError::Api { status, .. }
            | ApiError::Http { status }
            | ApiError::NotAccepted { status }
            | ApiError::Unreadable { status, .. }
            | ApiError::ResponseTooLarge { status, .. }
            | ApiError::ListTooLarge { status } => *status,
            ApiError::Timeout
            | ApiError::Network(_)
            | ApiError::Aborted
            | ApiError::CredentialsWithdrawn => 0,
        }
    }

    /// A stable machine-readable code: the SoftLayer exception name, or one of the widget's own.
    pub fn code(&self) -> String {
        match self {
            ApiError::Api {
                code: Some(code), ..
            } => code.clone(),
            ApiError::Api {
                code: None, status, ..
            } => format!("HTTP_{status}"),
            ApiError::Http { status } => format!("HTTP_{status}"),
            ApiError::NotAccepted { .. } => "NOT_ACCEPTED".into(),
            ApiError::Unreadable { .. } => "UNREADABLE_RESPONSE".into(),
            ApiError::ResponseTooLarge { .. } => "RESPONSE_TOO_LARGE".into(),
            ApiError::ListTooLarge { .. } => "LIST_TOO_LARGE".into(),
            ApiError::Timeout => "TIMEOUT".into(),
            ApiError::Network(_) => "NETWORK".into(),
            ApiError::Aborted => "ABORTED".into(),
            ApiError::CredentialsWithdrawn => "CREDENTIALS_WITHDRAWN".into(),
        }
    }

    /// Whether the request may have reached the API even though no answer from the API itself was read,
    /// so a resend's outcome is unknown rather than failed: a timeout, a network failure, an unreadable or
    /// oversized answer, or a failing status from whoever stood in front of the API.
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            ApiError::Timeout
                | ApiError::Network(_)
                | ApiError::Unreadable { .. }
                | ApiError::ResponseTooLarge { .. }
                | ApiError::Http { .. }
        )
    }
}

/// How the widget authenticates. Never rendered, logged or put in a URL.
#[derive(Clone, Default, PartialEq, Eq)]
pub enum Auth {
    /// No `Authorization` header: a same-origin proxy adds the credentials.
    #[default]
    None,
    /// An IBM Cloud IAM access token: `Authorization: Bearer …`.
    Bearer(String),
    /// A classic username and API key (or `apikey` and an IBM Cloud API key): HTTP Basic.
    Basic { username: String, api_key: String },
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Auth::None => "Auth::None",
            Auth::Bearer(_) => "Auth::Bearer(<redacted>)",
            Auth::Basic { .. } => "Auth::Basic(<redacted>)",
        })
    }
}

impl Auth {
    /// The value of the `Authorization` header, if any.
    ///
    /// Basic credentials are base64 of their UTF-8 bytes (RFC 7617), encoded by the browser's `btoa`, which
    /// takes a "binary string": one code unit per byte. Needs a browser; tested in `tests/web/hostile.rs`.
    pub fn header(&self) -> Option<String> {
        match self {
            Auth::None => None,
            Auth::Bearer(token) => Some(format!("Bearer {token}")),
            Auth::Basic { username, api_key } => {
                let bytes: String = format!("{username}:{api_key}")
                    .bytes()
                    .map(char::from)
                    .collect();
                // btoa only refuses code units above 0xFF, which `bytes` cannot hold.
                let encoded = web_sys::window()?.btoa(&bytes).ok()?;
                Some(format!("Basic {encoded}"))
            }
        }
    }
}

/// HTTP verb of a SoftLayer call: GET without parameters, POST with them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// A request ready to send: no credentials inside (they are added by [`send`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiRequest {
    pub method: Method,
    pub url: String,
    pub body: Option<String>,
    /// The largest answer [`send`] reads for it.
    pub max_body_bytes: usize,
}

fn endpoint(base: &str, path: &str) -> String {
    format!("{}/{path}.json", base.trim_end_matches('/'))
}

/// Percent-encodes a query value the way `URLSearchParams` would, minus the `+` for space.
fn encode_query(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',' | b'[' | b']')
        {
            out.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// `SoftLayer_Account::getObject` with `mask[id]`, to discover the account id.
pub fn account_request(base: &str) -> ApiRequest {
    ApiRequest {
        method: Method::Get,
        url: format!(
            "{}?objectMask={}",
            endpoint(base, "SoftLayer_Account/getObject"),
            encode_query("mask[id]")
        ),
        body: None,
        max_body_bytes: MAX_BODY_BYTES,
    }
}

/// `SoftLayer_Security_Certificate_Request::getSslCertificateRequests(accountId)`, one chunk of it.
pub fn list_request(base: &str, account_id: u64, offset: usize, limit: usize) -> ApiRequest {
    ApiRequest {
        method: Method::Post,
        url: format!(
            "{}?objectMask={}&resultLimit={offset},{limit}",
            endpoint(
                base,
                "SoftLayer_Security_Certificate_Request/getSslCertificateRequests"
            ),
            encode_query(ORDER_MASK)
        ),
        body: Some(format!("{{\"parameters\":[{account_id}]}}")),
        max_body_bytes: MAX_LIST_BODY_BYTES,
    }
}

/// `SoftLayer_Security_Certificate_Request_Status::getSslRequestStatuses`.
pub fn statuses_request(base: &str) -> ApiRequest {
    ApiRequest {
        method: Method::Get,
        url: endpoint(
            base,
            "SoftLayer_Security_Certificate_Request_Status/getSslRequestStatuses",
        ),
        body: None,
        max_body_bytes: MAX_BODY_BYTES,
    }
}

/// `SoftLayer_Security_Certificate_Request::resendEmail(emailType)` for order `id`.
pub fn resend_request(base: &str, id: u64, email: EmailType) -> ApiRequest {
    ApiRequest {
        method: Method::Post,
        url: endpoint(
            base,
            &format!("SoftLayer_Security_Certificate_Request/{id}/resendEmail"),
        ),
        body: Some(format!("{{\"parameters\":[\"{}\"]}}", email.api_name())),
        max_body_bytes: MAX_BODY_BYTES,
    }
}

/// What came back over HTTP, before interpretation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawResponse {
    pub status: u16,
    /// `SoftLayer-Total-Items`, when present and exposed through CORS.
    pub total_items: Option<String>,
    pub body: BodyText,
}

/// Parses a body and turns SoftLayer's error shape, on any status, into an [`ApiError`].
///
/// On a failing status only `{"error", "code"}` with a string code is the API's own refusal
/// ([`ApiError::Api`], definite); anything else there, an HTML or empty error page or other JSON, came from
/// the API or from a gateway in front of it, which may have passed the request on ([`ApiError::Http`],
/// outcome unknown). On a 2xx status an `"error"` alone is the API's, as no gateway fails with a 2xx.
///
/// The decoders call [`Json`]'s accessors by their path: natively [`Parsed`] is serde_json's `Value`, whose
/// own methods of the same names would be picked first and read differently.
pub(crate) fn decode_json(raw: &RawResponse) -> Result<Parsed, ApiError> {
    let status = raw.status;
    let success = (200..300).contains(&status);
    match json::parse_body(&raw.body) {
        Ok(value)
            if Json::get(&value, "error").is_some()
                && (success || Json::get(&value, "code").is_some_and(|c| Json::is_string(&c))) =>
        {
            let message = match Json::get(&value, "error").and_then(|e| Json::as_str(&e)) {
                Some(s) if !s.trim().is_empty() => s,
                _ => format!("The API reported an error (HTTP {status})."),
            };
            let code = Json::get(&value, "code").and_then(|c| Json::as_str(&c));
            Err(ApiError::Api {
                status,
                code,
                message,
            })
        }
        _ if !success => Err(ApiError::Http { status }),
        Ok(value) => Ok(value),
        Err(_) if json::is_blank(&raw.body) => Err(ApiError::Unreadable {
            status,
            detail: "empty body".into(),
        }),
        Err(detail) => Err(ApiError::Unreadable { status, detail }),
    }
}

/// Whether an answer of `status` may be read under `max_bytes`: first from its `Content-Length` (`declared`,
/// when present: checked before the body is read; a number too long for a `u64` is too large, a value that
/// is no number is left to the second check), then from the body's length once read (`read`: the header may
/// be absent, or count compressed bytes).
pub fn check_size(
    status: u16,
    declared: Option<&str>,
    read: Option<usize>,
    max_bytes: usize,
) -> Result<(), ApiError> {
    let declared_too_large = declared.map(str::trim).is_some_and(|d| {
        !d.is_empty()
            && d.bytes().all(|b| b.is_ascii_digit())
            && !matches!(d.parse::<u64>(), Ok(n) if n <= max_bytes as u64)
    });
    let too_large = declared_too_large || read.is_some_and(|r| r > max_bytes);
    if too_large {
        Err(ApiError::ResponseTooLarge { status, max_bytes })
    } else {
        Ok(())
    }
}

/// The answer parsed but is not what the call returns; `expected` says what was ("expected …").
fn wrong_shape(raw: &RawResponse, expected: &'static str) -> ApiError {
    ApiError::Unreadable {
        status: raw.status,
        detail: expected.into(),
    }
}

/// Decodes `SoftLayer_Account::getObject` to the account id.
pub fn decode_account(raw: &RawResponse) -> Result<u64, ApiError> {
    Json::get(&decode_json(raw)?, "id")
        .and_then(|id| Json::as_u64(&id))
        .ok_or_else(|| wrong_shape(raw, "expected an account with an id"))
}

/// One chunk of the order list, with the total the API announced.
#[derive(Clone, Debug, PartialEq)]
pub struct ListChunk {
    pub orders: Vec<Order>,
    /// `SoftLayer-Total-Items`, when the API sent it and CORS let us read it.
    pub total: Option<usize>,
}

/// Decodes one `getSslCertificateRequests` answer.
pub fn decode_list(raw: &RawResponse) -> Result<ListChunk, ApiError> {
    let Some(items) = Json::as_array(&decode_json(raw)?) else {
        return Err(wrong_shape(raw, "expected a list of orders"));
    };
    let total = raw
        .total_items
        .as_deref()
        .and_then(|t| t.trim().parse().ok());
    Ok(ListChunk {
        orders: items.iter().map(Order::from_json).collect(),
        total,
    })
}

/// Reading the whole list chunk by chunk, and when to stop.
///
/// The API's paging is unverified for this method, so each rule covers one way it may behave: while
/// `SoftLayer-Total-Items` says there is more, ask for the next chunk; without the header (or when CORS hides
/// it), a full chunk may be followed by more and a short one ends the list; an API that ignores
/// `resultLimit` answers with everything at once or repeats itself, and a chunk that adds nothing ends it; a
/// total that is never delivered is bounded by a number of requests. Whatever the API says or sends, a load
/// reads at most [`MAX_ORDERS`] orders in [`MAX_LIST_REQUESTS`] requests, and beyond that fails with
/// [`ListTooLarge`] rather than end with a cut list.
#[derive(Debug, Default)]
pub struct ListProgress {
    orders: Vec<Order>,
    seen: crate::model::SeenSet<u64>,
    total: Option<usize>,
    requests: usize,
}

/// The list is longer than a load reads ([`MAX_ORDERS`] orders, [`MAX_LIST_REQUESTS`] requests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListTooLarge;

impl ListProgress {
    /// The `offset` of the next `resultLimit`.
    pub fn next_offset(&self) -> usize {
        self.orders.len()
    }

    /// Adds one chunk's orders; returns whether another chunk should be requested, or [`ListTooLarge`]
    /// when the API announces, or delivers, more than [`MAX_ORDERS`] orders, or when one more request
    /// would exceed [`MAX_LIST_REQUESTS`]. An announced total above the limit fails at once: reading up to
    /// the limit first would only cost requests before the same failure.
    pub fn add(&mut self, chunk: ListChunk) -> Result<bool, ListTooLarge> {
        self.requests += 1;
        let received = chunk.orders.len();
        let before = self.orders.len();
        for order in chunk.orders {
            // Orders without an id cannot be recognised when repeated, so they are always kept.
            if order.id.is_none_or(|id| self.seen.insert(id)) {
                self.orders.push(order);
            }
        }
        self.total = chunk.total.or(self.total);
        if self.orders.len().max(self.total.unwrap_or(0)) > MAX_ORDERS {
            return Err(ListTooLarge);
        }
        let more = match self.total {
            // A total the chunks never reach ends the list after the requests it should have taken.
            Some(total) => self.orders.len() < total && self.requests < total / CHUNK + 2,
            None => received == CHUNK,
        };
        if !more || self.orders.len() == before {
            Ok(false)
        } else if self.requests >= MAX_LIST_REQUESTS {
            Err(ListTooLarge)
        } else {
            Ok(true)
        }
    }

    /// The orders read and the total to show: the API's, or the count when it gave none (or too few).
    pub fn finish(self) -> (Vec<Order>, usize) {
        let total = self.total.unwrap_or(0).max(self.orders.len());
        (self.orders, total)
    }
}

/// A status as `getSslRequestStatuses` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusDef {
    pub name: String,
    pub description: Option<String>,
}

/// Decodes `getSslRequestStatuses`, skipping entries without a name.
pub fn decode_statuses(raw: &RawResponse) -> Result<Vec<StatusDef>, ApiError> {
    let Some(items) = Json::as_array(&decode_json(raw)?) else {
        return Err(wrong_shape(raw, "expected a list of statuses"));
    };
    Ok(items
        .iter()
        .filter_map(|s| {
            let name = Json::as_str(&Json::get(s, "name")?)?;
            let description = Json::get(s, "description").and_then(|d| Json::as_str(&d));
            Some(StatusDef { name, description })
        })
        .collect())
}

/// Decodes `resendEmail`: only a bare `true` means the CA was asked to send the email.
pub fn decode_resend(raw: &RawResponse) -> Result<(), ApiError> {
    match Json::as_bool(&decode_json(raw)?) {
        Some(true) => Ok(()),
        Some(false) => Err(ApiError::NotAccepted { status: raw.status }),
        None => Err(wrong_shape(raw, "expected true or false")),
    }
}

/// Where and how to send requests: the parts of the configuration the transport needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transport {
    pub auth: Auth,
    /// `fetch`'s `credentials` mode: `omit`, `same-origin` or `include`.
    pub credentials: Credentials,
    pub timeout_ms: u32,
}

/// `fetch`'s `credentials` mode, for hosts that put a cookie-authenticated proxy in front of the API.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Credentials {
    Omit,
    #[default]
    SameOrigin,
    Include,
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The global `fetch`, in a window or a worker alike.
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_with_request(request: &web_sys::Request) -> js_sys::Promise;
}

/// The message of a JavaScript exception or rejection (a `TypeError` from `fetch`, say), or `""`.
fn js_message(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// The `fetch` request for `req`: no redirects, the caller's `signal`, and the credentials.
fn fetch_request(
    req: &ApiRequest,
    transport: &Transport,
    signal: &web_sys::AbortSignal,
) -> Result<web_sys::Request, wasm_bindgen::JsValue> {
    use web_sys::{RequestCredentials, RequestInit, RequestRedirect};
    let headers = web_sys::Headers::new()?;
    headers.set("Accept", "application/json")?;
    if let Some(value) = transport.auth.header() {
        headers.set("Authorization", &value)?;
    }
    let init = RequestInit::new();
    init.set_method(match req.method {
        Method::Get => "GET",
        Method::Post => "POST",
    });
    init.set_credentials(match transport.credentials {
        Credentials::Omit => RequestCredentials::Omit,
        Credentials::SameOrigin => RequestCredentials::SameOrigin,
        Credentials::Include => RequestCredentials::Include,
    });
    // A redirect must never carry the `Authorization` header to another address: it is an error.
    init.set_redirect(RequestRedirect::Error);
    init.set_signal(Some(signal));
    if let Some(body) = &req.body {
        headers.set("Content-Type", "application/json")?;
        init.set_body(&wasm_bindgen::JsValue::from_str(body));
    }
    init.set_headers(&headers);
    web_sys::Request::new_with_str_and_init(&req.url, &init)
}

/// Sends `req` with `fetch`, aborting after `transport.timeout_ms` or when `abort` fires.
///
/// The request leaves during this call, not when the returned future is first polled: the widget's first
/// list request goes out before it renders its first view, and the network time overlaps that render.
pub fn send(
    req: &ApiRequest,
    transport: &Transport,
    abort: &web_sys::AbortSignal,
) -> impl std::future::Future<Output = Result<RawResponse, ApiError>> + 'static {
    let sent = InFlight::send(req, transport, abort);
    async move { sent?.answer().await }
}

/// A request `fetch` has sent: its response promise and what aborts it.
struct InFlight {
    response: wasm_bindgen_futures::JsFuture,
    /// One controller per request: the timeout aborts it, and so does the caller's signal.
    controller: web_sys::AbortController,
    timed_out: std::rc::Rc<std::cell::Cell<bool>>,
    abort: web_sys::AbortSignal,
    /// Cleared once the body is read (dropping them clears the timer and removes the listener).
    guards: (guards::Timeout, guards::Listener),
    max_body_bytes: usize,
}

impl InFlight {
    fn send(
        req: &ApiRequest,
        transport: &Transport,
        abort: &web_sys::AbortSignal,
    ) -> Result<InFlight, ApiError> {
        use std::cell::Cell;
        use std::rc::Rc;

        let controller = web_sys::AbortController::new()
            .map_err(|_| ApiError::Network("no AbortController".into()))?;
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            guards::Timeout::new(transport.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let forward = {
            let controller = controller.clone();
            guards::Listener::new(abort, "abort", move |_| controller.abort())
        };
        if abort.aborted() {
            controller.abort();
        }
        // A URL `fetch` refuses, or a credential no header can carry, fails before anything is sent.
        let request = fetch_request(req, transport, &controller.signal())
            .map_err(|e| ApiError::Network(js_message(&e)))?;
        Ok(InFlight {
            response: wasm_bindgen_futures::JsFuture::from(fetch_with_request(&request)),
            controller,
            timed_out,
            abort: abort.clone(),
            guards: (timer, forward),
            max_body_bytes: req.max_body_bytes,
        })
    }

    /// Waits for the answer and reads its body within the size limit.
    async fn answer(self) -> Result<RawResponse, ApiError> {
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;

        let InFlight {
            response,
            controller,
            timed_out,
            abort,
            guards,
            max_body_bytes,
        } = self;
        let fail = |message: String| {
            if timed_out.get() {
                ApiError::Timeout
            } else if abort.aborted() {
                ApiError::Aborted
            } else {
                ApiError::Network(message)
            }
        };
        let response: web_sys::Response = response
            .await
            .and_then(|r| r.dyn_into())
            .map_err(|e| fail(js_message(&e)))?;
        let status = response.status();
        let headers = response.headers();
        let header = |name| headers.get(name).ok().flatten();
        let total_items = header("SoftLayer-Total-Items");
        // `Content-Length` is CORS-safelisted, so it is readable whenever the server sent it.
        let declared = header("Content-Length");
        if let Err(too_large) = check_size(status, declared.as_deref(), None, max_body_bytes) {
            // Stop the download rather than leave it running behind the error.
            controller.abort();
            return Err(too_large);
        }
        // The text stays a JS string: `JSON.parse` reads it where it is (json::parse_body), and only the
        // values the decoders ask for enter the wasm memory. Its length in UTF-16 units is the body's size
        // here (the same as its bytes for the API's ASCII JSON).
        let read_error = |_| fail("the answer could not be read".into());
        let text_promise = response.text().map_err(read_error)?;
        let text = JsFuture::from(text_promise).await.map_err(read_error)?;
        let text = js_sys::JsString::from(text);
        drop(guards);
        check_size(status, None, Some(text.length() as usize), max_body_bytes)?;
        #[cfg(not(target_arch = "wasm32"))]
        let text = String::from(text);
        Ok(RawResponse {
            status,
            total_items,
            body: text,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An answer with `status` and `body` and no total-items header (also the details tests' fixture).
    pub(crate) fn raw(status: u16, body: &str) -> RawResponse {
        RawResponse {
            status,
            total_items: None,
            body: body.into(),
        }
    }

    #[test]
    fn list_request_posts_the_account_id_with_mask_and_limit() {
        let r = list_request("https://api.softlayer.com/rest/v3.1/", 1234567, 500, 500);
        assert_eq!(r.method, Method::Post);
        assert!(r.url.starts_with(
            "https://api.softlayer.com/rest/v3.1/SoftLayer_Security_Certificate_Request/getSslCertificateRequests.json?objectMask=mask[id,commonName,"
        ));
        assert!(r.url.ends_with("&resultLimit=500,500"), "{}", r.url);
        assert!(!r.url.contains("certificateSigningRequest"));
        assert_eq!(r.body.as_deref(), Some(r#"{"parameters":[1234567]}"#));
    }

    #[test]
    fn query_values_are_percent_encoded_byte_by_byte() {
        assert_eq!(encode_query("mask[id,a.b]"), "mask[id,a.b]");
        assert_eq!(encode_query("a b&c=é/\u{7f}"), "a%20b%26c%3D%C3%A9%2F%7F");
    }

    #[test]
    fn resend_request_names_the_order_and_the_email_type() {
        let r = resend_request("/rest/v3.1", 40211, EmailType::Fulfillment);
        assert_eq!(
            r.url,
            "/rest/v3.1/SoftLayer_Security_Certificate_Request/40211/resendEmail.json"
        );
        assert_eq!(
            r.body.as_deref(),
            Some(r#"{"parameters":["FulfillmentEmail"]}"#)
        );
        assert_eq!(
            resend_request("/x", 1, EmailType::Approver).body.as_deref(),
            Some(r#"{"parameters":["ApproverEmail"]}"#)
        );
    }

    #[test]
    fn account_and_status_requests_are_gets() {
        assert_eq!(
            account_request("/rest/v3.1").url,
            "/rest/v3.1/SoftLayer_Account/getObject.json?objectMask=mask[id]"
        );
        let s = statuses_request("/rest/v3.1");
        assert_eq!((s.method, s.body), (Method::Get, None));
    }

    #[test]
    fn bearer_header_and_none() {
        // Basic needs the browser's btoa: `the_basic_header_is_base64_of_the_utf8_credentials` in tests/web.
        assert_eq!(
            Auth::Bearer("tok".into()).header().as_deref(),
            Some("Bearer tok")
        );
        assert_eq!(Auth::None.header(), None);
    }

    #[test]
    fn credentials_never_show_in_debug_output() {
        let basic = Auth::Basic {
            username: "user".into(),
            api_key: "sekret".into(),
        };
        let t = Transport {
            auth: basic,
            credentials: Credentials::Include,
            timeout_ms: 1,
        };
        let shown = format!("{t:?} {:?}", Auth::Bearer("tok-123".into()));
        assert!(
            !shown.contains("sekret") && !shown.contains("tok-123") && !shown.contains("user"),
            "{shown}"
        );
    }

    #[test]
    fn error_shape_is_read_on_any_status_even_200() {
        let body = r#"{"error":"Internal Error","code":"SoftLayer_Exception_Public"}"#;
        for status in [200, 401, 404, 500] {
            let e = decode_resend(&raw(status, body)).unwrap_err();
            assert_eq!(
                e,
                ApiError::Api {
                    status,
                    code: Some("SoftLayer_Exception_Public".into()),
                    message: "Internal Error".into()
                }
            );
        }
    }

    #[test]
    fn resend_true_is_success_and_false_is_refusal() {
        assert_eq!(decode_resend(&raw(200, "true")), Ok(()));
        assert_eq!(
            decode_resend(&raw(200, " false\n")),
            Err(ApiError::NotAccepted { status: 200 })
        );
        assert!(matches!(
            decode_resend(&raw(200, "\"yes\"")),
            Err(ApiError::Unreadable { .. })
        ));
    }

    #[test]
    fn unreadable_bodies_are_reported_as_such() {
        // Malformed (an unquoted word) and truncated (a valid list cut short) JSON, empty, half a `true`.
        let malformed = r#"{"error": oops}"#;
        let truncated = &r#"[{"id":1},{"id":2}]"#[..8];
        for body in ["", malformed, truncated, "tru"] {
            let e = decode_list(&raw(200, body)).unwrap_err();
            assert!(
                matches!(e, ApiError::Unreadable { status: 200, .. }),
                "{body:?} → {e:?}"
            );
            assert!(e.outcome_unknown());
        }
    }

    #[test]
    fn failing_status_without_error_shape_keeps_the_status() {
        let e = decode_list(&raw(502, "<html>Bad gateway</html>")).unwrap_err();
        assert_eq!(e.status(), 502);
        assert_eq!(e.code(), "HTTP_502");
        // Since the gateway change: who answered is unknown, and so is a resend's outcome.
        assert!(e.outcome_unknown());
    }

    #[test]
    fn gateway_statuses_with_an_html_page_are_of_unknown_outcome() {
        let page = "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>";
        for status in [502, 503, 504] {
            let e = decode_resend(&raw(status, page)).unwrap_err();
            assert_eq!(e, ApiError::Http { status });
            assert_eq!(e.status(), status);
            assert_eq!(e.code(), format!("HTTP_{status}"));
            assert!(e.outcome_unknown(), "{status}");
            assert!(e.to_string().contains(&status.to_string()), "{e}");
        }
    }

    #[test]
    fn a_failing_status_with_an_empty_body_is_of_unknown_outcome() {
        for body in ["", "  \n"] {
            let e = decode_resend(&raw(404, body)).unwrap_err();
            assert_eq!(e, ApiError::Http { status: 404 });
            assert_eq!((e.status(), e.code().as_str()), (404, "HTTP_404"));
            assert!(e.outcome_unknown());
        }
    }

    #[test]
    fn a_failing_status_with_json_that_is_not_the_error_shape_is_of_unknown_outcome() {
        // A gateway's own JSON: an "error" without SoftLayer's exception code, or any other value.
        for body in [
            r#"{"error":"Bad Gateway"}"#,
            r#"{"error":"x","code":null}"#,
            "true",
            "[]",
        ] {
            let e = decode_resend(&raw(502, body)).unwrap_err();
            assert_eq!(e, ApiError::Http { status: 502 }, "{body}");
            assert!(e.outcome_unknown());
        }
    }

    #[test]
    fn the_error_shape_stays_a_definite_refusal_on_500_and_200() {
        let body = r#"{"error":"Internal Error","code":"SoftLayer_Exception_Public"}"#;
        for status in [500, 200] {
            let e = decode_resend(&raw(status, body)).unwrap_err();
            assert!(matches!(e, ApiError::Api { .. }), "{e:?}");
            assert_eq!(
                (e.status(), e.code().as_str()),
                (status, "SoftLayer_Exception_Public")
            );
            assert!(!e.outcome_unknown(), "{status}");
        }
        // On 200 an "error" alone is still the API's, as before.
        let e = decode_resend(&raw(200, r#"{"error":"Internal Error"}"#)).unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.outcome_unknown()),
            ("HTTP_200", false)
        );
    }

    #[test]
    fn every_request_carries_its_body_limit() {
        assert_eq!(
            list_request("/x", 1, 0, CHUNK).max_body_bytes,
            MAX_LIST_BODY_BYTES
        );
        for r in [
            account_request("/x"),
            statuses_request("/x"),
            resend_request("/x", 1, EmailType::Approver),
        ] {
            assert_eq!(r.max_body_bytes, MAX_BODY_BYTES, "{}", r.url);
        }
        assert_eq!(MAX_LIST_BODY_BYTES, 32 * 1024 * 1024);
    }

    #[test]
    fn an_answer_larger_than_the_limit_is_refused_by_its_length_or_its_body() {
        let e = ApiError::ResponseTooLarge {
            status: 200,
            max_bytes: 1000,
        };
        let too_large = Err(e.clone());
        assert_eq!(check_size(200, Some("1000"), None, 1000), Ok(()));
        assert_eq!(check_size(200, Some(" 1001 "), None, 1000), too_large);
        assert_eq!(
            check_size(200, Some("99999999999999999999"), None, 1000),
            too_large,
            "too long for a u64 is too large"
        );
        assert_eq!(
            check_size(200, Some("lots"), None, 1000),
            Ok(()),
            "no number: left to the body check"
        );
        assert_eq!(check_size(200, None, None, 1000), Ok(()));
        assert_eq!(check_size(200, None, Some(1000), 1000), Ok(()));
        assert_eq!(check_size(200, None, Some(1001), 1000), too_large);
        assert_eq!((e.code().as_str(), e.status()), ("RESPONSE_TOO_LARGE", 200));
        assert!(e.outcome_unknown(), "the request reached the API");
    }

    #[test]
    fn list_reads_the_total_items_header() {
        let mut r = raw(200, r#"[{"id":1,"commonName":"a.example"},{"id":2}]"#);
        r.total_items = Some("312".into());
        let chunk = decode_list(&r).unwrap();
        assert_eq!((chunk.orders.len(), chunk.total), (2, Some(312)));
        assert!(matches!(
            decode_list(&raw(200, "{}")),
            Err(ApiError::Unreadable { .. })
        ));
    }

    fn chunk(ids: std::ops::Range<u64>, total: Option<usize>) -> ListChunk {
        let orders = ids
            .map(|id| Order {
                id: Some(id),
                ..Order::default()
            })
            .collect();
        ListChunk { orders, total }
    }

    #[test]
    fn with_a_total_chunks_are_read_until_it_is_reached() {
        let mut p = ListProgress::default();
        assert_eq!(p.add(chunk(0..500, Some(1200))), Ok(true));
        assert_eq!(p.next_offset(), 500);
        assert_eq!(p.add(chunk(500..1000, Some(1200))), Ok(true));
        assert_eq!(p.add(chunk(1000..1200, Some(1200))), Ok(false));
        assert_eq!(p.finish().1, 1200);
    }

    #[test]
    fn without_a_total_a_short_chunk_ends_the_list() {
        let mut p = ListProgress::default();
        assert_eq!(p.add(chunk(0..500, None)), Ok(true));
        assert_eq!(p.add(chunk(500..700, None)), Ok(false));
        let (orders, total) = p.finish();
        assert_eq!((orders.len(), total), (700, 700));
    }

    #[test]
    fn an_api_that_ignores_result_limit_is_read_once() {
        let mut p = ListProgress::default();
        assert_eq!(
            p.add(chunk(0..1200, None)),
            Ok(false),
            "more than asked for is the whole list"
        );
        let mut p = ListProgress::default();
        assert_eq!(p.add(chunk(0..500, None)), Ok(true));
        assert_eq!(
            p.add(chunk(0..500, None)),
            Ok(false),
            "a repeated chunk adds nothing"
        );
        assert_eq!(p.finish().0.len(), 500);
    }

    #[test]
    fn a_total_that_is_never_delivered_stops() {
        let mut p = ListProgress::default();
        assert_eq!(
            p.add(chunk(0..0, Some(90_000))),
            Ok(false),
            "an empty chunk ends it"
        );
        let mut p = ListProgress::default();
        let mut requests = 0;
        // 100 new orders a request against a total of 1000: the requests a total of 1000 takes, and two more.
        while p.add(chunk(requests * 100..requests * 100 + 100, Some(1000))) == Ok(true) {
            requests += 1;
            assert!(requests < 10, "bounded");
        }
        assert_eq!(requests + 1, 1000 / CHUNK as u64 + 2);
    }

    #[test]
    fn a_lying_total_fails_at_once_instead_of_raising_the_request_limit() {
        let mut p = ListProgress::default();
        assert_eq!(p.add(chunk(0..500, Some(4_000_000_000))), Err(ListTooLarge));
        let mut p = ListProgress::default();
        assert_eq!(
            p.add(chunk(0..500, Some(MAX_ORDERS))),
            Ok(true),
            "the limit itself is allowed"
        );
        assert_eq!(
            p.add(chunk(500..1000, Some(MAX_ORDERS + 1))),
            Err(ListTooLarge)
        );
    }

    #[test]
    fn a_list_of_exactly_max_orders_loads_with_or_without_a_total() {
        for total in [Some(MAX_ORDERS), None] {
            let mut p = ListProgress::default();
            let mut requests = 0;
            let mut next = 0;
            loop {
                let end = (next + CHUNK as u64).min(MAX_ORDERS as u64);
                requests += 1;
                match p.add(chunk(next..end, total)) {
                    Ok(true) => next = end,
                    Ok(false) => break,
                    Err(e) => panic!("{total:?}: {e:?} after {requests} requests"),
                }
            }
            assert!(requests <= MAX_LIST_REQUESTS, "{total:?}");
            assert_eq!(p.finish(), (p_orders(MAX_ORDERS), MAX_ORDERS), "{total:?}");
        }
    }

    fn p_orders(n: usize) -> Vec<Order> {
        chunk(0..n as u64, None).orders
    }

    #[test]
    fn more_orders_than_the_limit_fail_without_a_total() {
        let mut p = ListProgress::default();
        let mut next = 0;
        let outcome = loop {
            match p.add(chunk(next..next + CHUNK as u64, None)) {
                Ok(true) => next += CHUNK as u64,
                other => break other,
            }
        };
        assert_eq!(outcome, Err(ListTooLarge));
        assert_eq!(
            next as usize, MAX_ORDERS,
            "failed on the chunk past the limit"
        );
    }

    #[test]
    fn orders_without_ids_repeated_forever_hit_the_order_limit() {
        let mut p = ListProgress::default();
        let mut requests = 0;
        let outcome = loop {
            requests += 1;
            match p.add(ListChunk {
                orders: vec![Order::default(); CHUNK],
                total: None,
            }) {
                Ok(true) => {}
                other => break other,
            }
        };
        assert_eq!(outcome, Err(ListTooLarge));
        assert_eq!(requests, MAX_LIST_REQUESTS);
    }

    #[test]
    fn paging_that_never_ends_hits_the_request_limit() {
        // Full chunks that are all repeats but one new order: the order limit is far, the request one not.
        let mut p = ListProgress::default();
        let mut requests = 0u64;
        let outcome = loop {
            let mut c = chunk(0..CHUNK as u64 - 1, None);
            c.orders.push(Order {
                id: Some(1_000_000 + requests),
                ..Order::default()
            });
            requests += 1;
            match p.add(c) {
                Ok(true) => {}
                other => break other,
            }
        };
        assert_eq!(outcome, Err(ListTooLarge));
        assert_eq!(requests as usize, MAX_LIST_REQUESTS);
        assert!(p.next_offset() < MAX_ORDERS);
    }

    #[test]
    fn the_limits_hold_their_documented_values() {
        assert_eq!((MAX_ORDERS, MAX_LIST_REQUESTS, CHUNK), (100_000, 201, 500));
        let e = ApiError::ListTooLarge { status: 200 };
        assert_eq!((e.code().as_str(), e.status()), ("LIST_TOO_LARGE", 200));
        assert!(!e.outcome_unknown());
    }

    #[test]
    fn statuses_and_account_decode() {
        let s = decode_statuses(&raw(200, r#"[{"id":1,"name":"Pending CA Approval"},{"id":2},{"name":"Complete","description":"done"}]"#)).unwrap();
        assert_eq!(
            s.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["Pending CA Approval", "Complete"]
        );
        assert_eq!(decode_account(&raw(200, r#"{"id":1234567}"#)), Ok(1234567));
        assert!(decode_account(&raw(200, r#"{"id":"x"}"#)).is_err());
    }
}
