//! The DOM events the widget dispatches from its host element, and their `detail` shapes.
//!
//! Every event bubbles and is composed, so a listener on the host, on any ancestor or on `document` hears
//! it, across shadow roots. Details never carry credentials.

use serde::Serialize;

/// First render after the first list request settled (ready, empty or error). Not cancelable.
pub const READY: &str = "ssl-orders-ready";
/// A list arrived. Detail: [`Loaded`].
pub const LOADED: &str = "ssl-orders-loaded";
/// A list failed. Detail: [`Failure`].
pub const LOAD_ERROR: &str = "ssl-orders-load-error";
/// The user confirmed a resend, before the POST. **Cancelable**: `preventDefault()` stops the send.
/// Detail: [`ResendRequest`].
pub const RESEND_REQUEST: &str = "ssl-orders-resend-request";
/// The API answered `true`: the CA was asked to send the email. Detail: [`Resent`].
pub const EMAIL_RESENT: &str = "ssl-orders-email-resent";
/// The resend failed: API error, `false`, timeout or network failure. Detail: [`ResendFailure`].
pub const RESEND_ERROR: &str = "ssl-orders-resend-error";
/// The user exported the filtered, sorted list as CSV; the download was handed to the browser. Detail:
/// [`Exported`].
pub const EXPORTED: &str = "ssl-orders-exported";

/// Every event the widget dispatches, in the order of a typical session.
pub const ALL: [&str; 7] = [
    READY,
    LOADED,
    LOAD_ERROR,
    RESEND_REQUEST,
    EMAIL_RESENT,
    RESEND_ERROR,
    EXPORTED,
];

/// Detail of [`LOADED`].
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Loaded {
    /// Orders received.
    pub count: usize,
    /// Orders the API says the account has (equals `count` when it did not say).
    pub total: usize,
}

/// Detail of [`LOAD_ERROR`]: HTTP status (0 when no response), SoftLayer exception code or the widget's
/// own (`TIMEOUT`, `NETWORK`, `UNREADABLE_RESPONSE`), and the message shown to the user.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Failure {
    pub status: u16,
    pub code: String,
    pub message: String,
}

/// Detail of [`RESEND_REQUEST`].
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ResendRequest {
    pub order_id: u64,
    pub common_name: String,
    /// `ApproverEmail` or `FulfillmentEmail`.
    pub email_type: &'static str,
    pub recipient: String,
}

/// Detail of [`EMAIL_RESENT`].
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Resent {
    pub order_id: u64,
    pub common_name: String,
    pub email_type: &'static str,
    pub recipient: String,
    /// When the API confirmed, as an ISO 8601 UTC string.
    pub at: String,
}

/// Detail of [`RESEND_ERROR`]. `outcomeUnknown` is true after a gateway status, a timeout, a network failure,
/// or an unreadable or oversized answer: the CA may have been asked, and a retry may send a second email.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ResendFailure {
    pub order_id: u64,
    pub email_type: &'static str,
    pub status: u16,
    pub code: String,
    pub message: String,
    pub outcome_unknown: bool,
}

/// Detail of [`EXPORTED`].
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Exported {
    /// Orders in the file (every page of the filtered list; the header row not counted).
    pub rows: usize,
}

/// Dispatches `name` from `host` with `detail`, `bubbles` and `composed`. Returns `false` when a
/// listener called `preventDefault()` on a cancelable event.
pub fn emit(
    host: &web_sys::EventTarget,
    name: &str,
    detail: &impl Serialize,
    cancelable: bool,
) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    // Through JSON text: the detail is a plain, frozen-in-time object, and the bundle needs no second
    // serializer besides serde_json.
    if let Some(detail) = serde_json::to_string(detail)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok())
    {
        init.set_detail(&detail);
    }
    match web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws does not reach us: dispatchEvent reports it and carries on.
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

/// An empty `{}` detail.
#[derive(Serialize)]
pub struct Empty {}
