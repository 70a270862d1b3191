//! SoftLayer-shaped error type (`{"error":…,"code":…}`) and JSON response helpers.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// An error answered exactly like the SoftLayer REST API does: an HTTP status plus
/// `{"error": message, "code": "SoftLayer_Exception_…"}`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct SlError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
}

impl SlError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code.to_string(),
            message: message.into(),
        }
    }

    /// `SoftLayer_Exception_Public` with HTTP 500, the API's catch-all.
    pub fn public(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "SoftLayer_Exception_Public",
            message,
        )
    }

    /// Bad credentials: HTTP 401 "Access Denied.".
    pub fn access_denied() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "SoftLayer_Exception_Public",
            "Access Denied.",
        )
    }

    /// Unknown id, or an id of another account (the API hides permission failures as not found).
    pub fn not_found(id: impl std::fmt::Display) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "SoftLayer_Exception_ObjectNotFound",
            format!("Unable to find object with id of '{id}'."),
        )
    }

    pub fn invalid_value(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "SoftLayer_Exception_InvalidValue",
            message,
        )
    }

    pub fn object_mask(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "SoftLayer_Exception_WebService_ObjectMask",
            message,
        )
    }

    pub fn body(&self) -> Value {
        json!({"error": self.message, "code": self.code})
    }
}

impl IntoResponse for SlError {
    fn into_response(self) -> Response {
        json_response(self.status, &self.body())
    }
}

/// A response with `Content-Type: application/json` and the serialised value.
pub fn json_response(status: StatusCode, value: &Value) -> Response {
    raw_json_response(status, value.to_string().into_bytes())
}

/// A response with `Content-Type: application/json` and the given bytes (which need not be JSON:
/// the `malformed` and `empty` faults rely on that).
pub fn raw_json_response(status: StatusCode, body: impl Into<Body>) -> Response {
    let mut res = Response::new(body.into());
    *res.status_mut() = status;
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// Error answer of the control API: `{"error": message}` with the given status.
pub fn control_error(status: StatusCode, message: impl Into<String>) -> Response {
    json_response(status, &json!({"error": message.into()}))
}
