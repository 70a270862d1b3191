//! The DOM events the widget dispatches from its host element, and their `detail` shapes.
//!
//! Every event bubbles and is composed, so a listener on the host, on any ancestor or on `document` hears
//! it, across shadow roots. Details never carry credentials.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

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
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// Orders received.
    pub count: usize,
    /// Orders the API says the account has (equals `count` when it did not say).
    pub total: usize,
}

/// Detail of [`LOAD_ERROR`]: HTTP status (0 when no response), SoftLayer exception code or the widget's
/// own (`TIMEOUT`, `NETWORK`, `UNREADABLE_RESPONSE`), and the message shown to the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub status: u16,
    pub code: String,
    pub message: String,
}

/// Detail of [`RESEND_REQUEST`].
#[derive(Clone, Debug, PartialEq)]
pub struct ResendRequest {
    pub order_id: u64,
    pub common_name: String,
    /// `ApproverEmail` or `FulfillmentEmail`.
    pub email_type: &'static str,
    pub recipient: String,
}

/// Detail of [`EMAIL_RESENT`].
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct ResendFailure {
    pub order_id: u64,
    pub email_type: &'static str,
    pub status: u16,
    pub code: String,
    pub message: String,
    pub outcome_unknown: bool,
}

/// An event's `detail`, built as a plain JavaScript object with the camelCase field names of the README.
pub trait Detail {
    /// A new object: each event gets its own, so a listener that changes it changes nothing else.
    fn to_js(&self) -> JsValue;
}

/// Builds a detail object one field at a time.
struct Fields(Object);

impl Fields {
    fn new() -> Fields {
        Fields(Object::new())
    }

    fn set(self, key: &str, value: impl Into<JsValue>) -> Fields {
        // Setting a data property on a fresh plain object cannot fail.
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
        self
    }

    /// An order id: a JavaScript number (only ids up to 2^53 - 1 reach an event, see `Order::resend_id`).
    fn id(self, key: &str, id: u64) -> Fields {
        self.set(key, id as f64)
    }

    fn done(self) -> JsValue {
        self.0.into()
    }
}

impl Detail for Loaded {
    fn to_js(&self) -> JsValue {
        Fields::new()
            .set("count", self.count as f64)
            .set("total", self.total as f64)
            .done()
    }
}

impl Detail for Failure {
    fn to_js(&self) -> JsValue {
        Fields::new()
            .set("status", self.status)
            .set("code", &self.code)
            .set("message", &self.message)
            .done()
    }
}

impl Detail for ResendRequest {
    fn to_js(&self) -> JsValue {
        Fields::new()
            .id("orderId", self.order_id)
            .set("commonName", &self.common_name)
            .set("emailType", self.email_type)
            .set("recipient", &self.recipient)
            .done()
    }
}

impl Detail for Resent {
    fn to_js(&self) -> JsValue {
        Fields::new()
            .id("orderId", self.order_id)
            .set("commonName", &self.common_name)
            .set("emailType", self.email_type)
            .set("recipient", &self.recipient)
            .set("at", &self.at)
            .done()
    }
}

impl Detail for ResendFailure {
    fn to_js(&self) -> JsValue {
        Fields::new()
            .id("orderId", self.order_id)
            .set("emailType", self.email_type)
            .set("status", self.status)
            .set("code", &self.code)
            .set("message", &self.message)
            .set("outcomeUnknown", self.outcome_unknown)
            .done()
    }
}

/// Detail of [`EXPORTED`].
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    /// Orders in the file (every page of the filtered list; the header row not counted).
    pub rows: usize,
}

impl Detail for Exported {
    fn to_js(&self) -> JsValue {
        Fields::new().set("rows", self.rows as f64).done()
    }
}

/// Dispatches `name` from `host` with `detail`, `bubbles` and `composed`. Returns `false` when a
/// listener called `preventDefault()` on a cancelable event.
pub fn emit(
    host: &web_sys::EventTarget,
    name: &str,
    detail: &impl Detail,
    cancelable: bool,
) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(&detail.to_js());
    match web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws does not reach us: dispatchEvent reports it and carries on.
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

/// An empty `{}` detail.
pub struct Empty {}

impl Detail for Empty {
    fn to_js(&self) -> JsValue {
        Fields::new().done()
    }
}
