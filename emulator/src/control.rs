//! Control API under /_emulator/: reset, data set, statuses, options, request log, outbox, faults.

use axum::body::{Bytes, HttpBody};
use axum::extract::State;
use axum::http::{header, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post, put};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use crate::data::{FIRST_ORDER_ID, OTHER_ACCOUNT_ORDER_IDS};
use crate::error::{control_error, json_response};
use crate::faults::Fault;
use crate::state::{AppState, StoredOrder};

/// Upper bound for `--orders`, `POST /_emulator/dataset` and `PUT /_emulator/orders`, to keep a
/// typo from eating the machine's memory.
pub const MAX_GENERATED_ORDERS: usize = 200_000;

/// Adds the control routes to the router.
pub fn routes(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/_emulator/reset", post(reset))
        .route("/_emulator/dataset", post(dataset))
        .route("/_emulator/orders", put(put_orders))
        .route("/_emulator/statuses", put(put_statuses))
        .route("/_emulator/options", get(get_options).post(post_options))
        .route(
            "/_emulator/requests",
            get(get_requests).delete(clear_requests),
        )
        .route("/_emulator/outbox", get(get_outbox).delete(clear_outbox))
        .route(
            "/_emulator/faults",
            get(get_faults).post(add_fault).delete(clear_faults),
        )
        .route("/_emulator", any(unknown))
        .route("/_emulator/{*rest}", any(unknown))
}

/// Guard for requests that change the control API's state (every method but GET, HEAD and
/// OPTIONS), so a page on another site cannot drive the emulator with a "simple" cross-site request
/// (a form post or a `no-cors` fetch, which a browser sends without a CORS preflight):
///
/// * an `Origin` header, when present, must be an origin named exactly with `--allow-origin` or the
///   emulator's own (`http://` + Host); anything else, `null` included, gets 403;
/// * a `Content-Type`, when present, must be `application/json` (parameters such as `charset`
///   allowed), and a request with a body must have one; anything else gets 415. So the CORS-simple
///   types (`application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain`) are always
///   refused, while body-less calls such as `POST reset` without a Content-Type keep working.
///
/// Errors are `{"error": "…"}` like every control answer. Requests outside /_emulator pass through.
pub async fn guard(
    State(st): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if !crate::cors::is_control_path(req.uri().path())
        || matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
    {
        return next.run(req).await;
    }
    let headers = req.headers();
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = String::from_utf8_lossy(origin.as_bytes());
        let own = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .is_some_and(|host| origin.eq_ignore_ascii_case(&format!("http://{host}")));
        if !own && !st.config.control_origin_allowed(&origin) {
            return control_error(
                StatusCode::FORBIDDEN,
                format!(
                    "Origin '{origin}' may not change the emulator: control requests are accepted from \
                     origins named with --allow-origin (not '*') or from the emulator's own origin."
                ),
            );
        }
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let has_body = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .map_or(HttpBody::size_hint(req.body()).exact() != Some(0), |len| {
            len.trim().parse::<u64>().map_or(true, |n| n > 0)
        });
    let json = content_type.as_deref().map(|ct| {
        ct.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .eq_ignore_ascii_case("application/json")
    });
    match (json, has_body) {
        (Some(true), _) | (None, false) => next.run(req).await,
        (Some(false), _) | (None, true) => control_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "Control requests need Content-Type: application/json (got {}).",
                content_type.map_or_else(|| "none".to_string(), |ct| format!("'{ct}'"))
            ),
        ),
    }
}

/// A rejected control call: answered as `{"error": message}` with its status (400 unless noted).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ControlError {
    pub status: StatusCode,
    pub message: String,
}

impl ControlError {
    fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }
}

impl IntoResponse for ControlError {
    fn into_response(self) -> Response {
        control_error(self.status, self.message)
    }
}

type ControlResult = Result<Response, ControlError>;

fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ControlError> {
    serde_json::from_slice(body)
        .map_err(|e| ControlError::bad_request(format!("Invalid JSON body: {e}")))
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

async fn unknown(uri: Uri) -> Response {
    control_error(
        StatusCode::NOT_FOUND,
        format!("Unknown control endpoint '{}'.", uri.path()),
    )
}

async fn reset(State(st): State<AppState>) -> Response {
    st.reset();
    no_content()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "camelCase")]
struct DatasetRequest {
    orders: Option<usize>,
    seed: Option<u64>,
    /// Id of the first generated order (default 40001); any u64, e.g. 9007199254740993 (2^53 + 1).
    first_id: Option<u64>,
}

async fn dataset(State(st): State<AppState>, body: Bytes) -> ControlResult {
    let req: DatasetRequest = parse_json(&body)?;
    let count = req.orders.unwrap_or(st.config.orders);
    if count > MAX_GENERATED_ORDERS {
        return Err(ControlError::bad_request(format!(
            "'orders' must be at most {MAX_GENERATED_ORDERS}."
        )));
    }
    let seed = req.seed.unwrap_or(st.config.seed);
    let first_id = req.first_id.unwrap_or(FIRST_ORDER_ID);
    let Some(last_id) = u64::try_from(count)
        .ok()
        .and_then(|n| first_id.checked_add(n.saturating_sub(1)))
    else {
        return Err(ControlError::bad_request(format!(
            "'firstId' {first_id} + {count} orders goes past 18446744073709551615."
        )));
    };
    let clash = OTHER_ACCOUNT_ORDER_IDS
        .iter()
        .any(|id| count > 0 && (first_id..=last_id).contains(id));
    if clash {
        return Err(ControlError::bad_request(format!(
            "Ids {first_id}..={last_id} would include the second account's orders 39901-39903."
        )));
    }
    // Generate outside the lock so /rest calls are not blocked meanwhile.
    let st2 = st.clone();
    tokio::task::spawn_blocking(move || st2.regenerate(count, seed, first_id))
        .await
        .map_err(|_| ControlError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "Generation failed.".into(),
        })?;
    Ok(no_content())
}

async fn put_orders(State(st): State<AppState>, body: Bytes) -> ControlResult {
    let items: Vec<Value> = parse_json(&body)?;
    if items.len() > MAX_GENERATED_ORDERS {
        return Err(ControlError::bad_request(format!(
            "At most {MAX_GENERATED_ORDERS} orders can be installed (got {}).",
            items.len()
        )));
    }
    let mut orders = Vec::with_capacity(items.len());
    let mut seen = std::collections::HashSet::new();
    for (index, item) in items.into_iter().enumerate() {
        let Value::Object(mut json) = item else {
            return Err(ControlError::bad_request(format!(
                "Order #{index} is not a JSON object."
            )));
        };
        // Orders without an account belong to the configured one; explicit values (even null)
        // are kept as given.
        json.entry("accountId")
            .or_insert_with(|| Value::from(st.config.account_id));
        let Some(order) = StoredOrder::from_json(json) else {
            return Err(ControlError::bad_request(format!(
                "Order #{index} needs an integer 'id' from 0 to 18446744073709551615."
            )));
        };
        if !seen.insert(order.id) {
            return Err(ControlError::bad_request(format!(
                "Duplicate order id {}.",
                order.id
            )));
        }
        orders.push(order);
    }
    st.lock().set_orders(orders);
    Ok(no_content())
}

async fn put_statuses(State(st): State<AppState>, body: Bytes) -> ControlResult {
    let statuses: Vec<Value> = parse_json(&body)?;
    st.lock().set_statuses(statuses);
    Ok(no_content())
}

async fn get_options(State(st): State<AppState>) -> Response {
    let options = st.lock().options;
    json_response(StatusCode::OK, &to_json(&options))
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OptionsPatch {
    total_items_header: Option<bool>,
    honour_result_limit: Option<bool>,
    enforce_status_rules: Option<bool>,
    /// Absent: unchanged; `null`: report the real count; a number: report that.
    #[serde(default, deserialize_with = "present")]
    total_items_override: Option<Option<u64>>,
}

/// Tells a field given as `null` (`Some(None)`) from one left out (`None`, via `default`).
fn present<'de, D, T>(de: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(de).map(Some)
}

async fn post_options(State(st): State<AppState>, body: Bytes) -> ControlResult {
    let patch: OptionsPatch = if body.iter().all(u8::is_ascii_whitespace) {
        OptionsPatch::default()
    } else {
        parse_json(&body)?
    };
    let mut inner = st.lock();
    let o = &mut inner.options;
    if let Some(v) = patch.total_items_header {
        o.total_items_header = v;
    }
    if let Some(v) = patch.honour_result_limit {
        o.honour_result_limit = v;
    }
    if let Some(v) = patch.enforce_status_rules {
        o.enforce_status_rules = v;
    }
    if let Some(v) = patch.total_items_override {
        o.total_items_override = v;
    }
    let options = *o;
    drop(inner);
    Ok(json_response(StatusCode::OK, &to_json(&options)))
}

async fn get_requests(State(st): State<AppState>) -> Response {
    let log: Vec<Value> = st.lock().requests.iter().cloned().collect();
    json_response(StatusCode::OK, &Value::Array(log))
}

async fn clear_requests(State(st): State<AppState>) -> Response {
    st.lock().requests.clear();
    no_content()
}

async fn get_outbox(State(st): State<AppState>) -> Response {
    let outbox: Vec<Value> = st.lock().outbox.iter().cloned().collect();
    json_response(StatusCode::OK, &Value::Array(outbox))
}

async fn clear_outbox(State(st): State<AppState>) -> Response {
    st.lock().outbox.clear();
    no_content()
}

async fn get_faults(State(st): State<AppState>) -> Response {
    let faults = to_json(&st.lock().faults.list());
    json_response(StatusCode::OK, &faults)
}

async fn add_fault(State(st): State<AppState>, body: Bytes) -> ControlResult {
    let fault: Fault = parse_json(&body)?;
    fault.validate().map_err(ControlError::bad_request)?;
    let stored = st
        .lock()
        .faults
        .add(fault)
        .map_err(ControlError::bad_request)?;
    Ok(json_response(StatusCode::CREATED, &to_json(&stored)))
}

async fn clear_faults(State(st): State<AppState>) -> Response {
    st.lock().faults.clear();
    no_content()
}
