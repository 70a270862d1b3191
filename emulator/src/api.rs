//! SoftLayer REST handlers under /rest/v3.1 (and /rest/v3): routing, auth, faults and the methods.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::auth;
use crate::data;
use crate::dates;
use crate::error::{json_response, SlError};
use crate::faults;
use crate::mask::{self, Mask, TypeDef};
use crate::state::{AppState, Inner, StoredOrder};

/// Largest request body read from a /rest call; real parameters are a few bytes.
const MAX_BODY: usize = 1024 * 1024;

pub const SERVICE_ACCOUNT: &str = "SoftLayer_Account";
pub const SERVICE_REQUEST: &str = "SoftLayer_Security_Certificate_Request";
pub const SERVICE_STATUS: &str = "SoftLayer_Security_Certificate_Request_Status";

const EMAIL_TYPES: [&str; 2] = ["ApproverEmail", "FulfillmentEmail"];

/// A /rest URL split into its parts:
/// `/rest/{version}/{Service}[/{id}][/{method}][/{extra…}][.json]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub version_ok: bool,
    pub service: String,
    pub id: Option<String>,
    pub method: String,
    pub extra: Vec<String>,
}

impl Call {
    /// Parses a path. Without a method name the HTTP verb picks one, as on the real API
    /// (GET → getObject, POST → createObject, PUT → editObject, DELETE → deleteObject).
    pub fn parse(path: &str, verb: &Method) -> Self {
        let rest = path.strip_prefix("/rest").unwrap_or(path);
        let mut segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        if let Some(last) = segments.last_mut() {
            *last = last.strip_suffix(".json").unwrap_or(last);
        }
        let mut it = segments.into_iter();
        let version_ok = matches!(it.next(), Some("v3" | "v3.1"));
        let service = it.next().unwrap_or_default().to_string();
        let mut next = it.next();
        let id = match next {
            Some(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                next = it.next();
                Some(s.to_string())
            }
            _ => None,
        };
        let method = match next {
            Some(m) => m.to_string(),
            None => default_method(verb).to_string(),
        };
        Self {
            version_ok,
            service,
            id,
            method,
            extra: it.map(str::to_string).collect(),
        }
    }
}

pub fn default_method(verb: &Method) -> &'static str {
    match *verb {
        Method::POST => "createObject",
        Method::PUT => "editObject",
        Method::DELETE => "deleteObject",
        _ => "getObject",
    }
}

/// Entry point for every /rest request: log, authenticate, apply a fault if one matches, answer.
pub async fn rest(State(st): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let auth = auth::classify(&parts.headers, &st.config);
    st.log_request(&parts, auth);
    if !auth.is_valid() {
        return SlError::access_denied().into_response();
    }
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return SlError::public("Unable to read the request body.").into_response();
    };
    let caller = auth::caller_account(&parts.headers, &st.config);
    let call = Call::parse(parts.uri.path(), &parts.method);
    let query = Query::parse(parts.uri.query().unwrap_or_default());
    let answer = || match dispatch(&st, caller, &call, &query, &body) {
        Ok(res) => res,
        Err(err) => err.into_response(),
    };
    let fault = st.lock().faults.take(&call.method, None);
    match fault {
        Some(fault) => faults::run(&fault, answer).await,
        None => answer(),
    }
}

fn not_a_method(method: &str) -> SlError {
    SlError::public(format!(
        "Function (\"{method}\") is not a valid method for this service."
    ))
}

fn dispatch(
    st: &AppState,
    caller: i64,
    call: &Call,
    query: &Query,
    body: &[u8],
) -> Result<Response, SlError> {
    if !call.version_ok {
        return Err(SlError::public("Service does not exist"));
    }
    let method = call.method.as_str();
    match call.service.as_str() {
        SERVICE_ACCOUNT => match method {
            "getObject" => account_get_object(caller, query),
            _ => Err(not_a_method(method)),
        },
        SERVICE_REQUEST => match method {
            "getSslCertificateRequests" => list_requests(st, caller, query, body),
            "getObject" => get_request(st, caller, required_id(call)?, query),
            "resendEmail" => resend_email(st, caller, required_id(call)?, call, body),
            _ => Err(not_a_method(method)),
        },
        SERVICE_STATUS => match method {
            "getSslRequestStatuses" => list_statuses(st, query),
            _ => Err(not_a_method(method)),
        },
        _ => Err(SlError::public("Service does not exist")),
    }
}

fn required_id(call: &Call) -> Result<&str, SlError> {
    call.id.as_deref().ok_or_else(|| {
        SlError::public(format!(
            "Object does not exist to execute method on. ({}::{})",
            call.service, call.method
        ))
    })
}

/// The query options the emulator understands (objectFilter is accepted and ignored, which is
/// also what the real API often does with filters it cannot apply).
#[derive(Debug, Default)]
pub struct Query {
    pub object_mask: Option<String>,
    pub result_limit: Option<String>,
}

impl Query {
    pub fn parse(query: &str) -> Self {
        let mut q = Self::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match percent_decode(k).as_str() {
                "objectMask" => q.object_mask = Some(percent_decode(v)),
                "resultLimit" => q.result_limit = Some(percent_decode(v)),
                _ => {}
            }
        }
        q
    }

    /// The parsed and type-checked mask, if one was given.
    fn mask(&self, ty: &TypeDef) -> Result<Option<Mask>, SlError> {
        match self.object_mask.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => {
                let m = mask::parse(text)?;
                mask::validate(&m, ty)?;
                Ok(Some(m))
            }
        }
    }

    /// `offset,limit` or `limit` (offset 0).
    fn limit(&self) -> Result<Option<(usize, usize)>, SlError> {
        let Some(raw) = self.result_limit.as_deref() else {
            return Ok(None);
        };
        let bad = || {
            SlError::public(format!(
                "Invalid resultLimit '{raw}': expected 'offset,limit' or 'limit'."
            ))
        };
        let num = |s: &str| s.trim().parse::<usize>().map_err(|_| bad());
        match raw.split_once(',') {
            Some((offset, limit)) => Ok(Some((num(offset)?, num(limit)?))),
            None => Ok(Some((0, num(raw)?))),
        }
    }
}

/// Decodes `%XX` escapes and `+` (form encoding); invalid escapes are kept literally.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn account_get_object(caller: i64, query: &Query) -> Result<Response, SlError> {
    let mask = query.mask(&mask::ACCOUNT)?;
    let account = data::account_object(caller);
    let out = mask::apply(&account, mask.as_ref(), &mask::ACCOUNT);
    Ok(json_response(StatusCode::OK, &Value::Object(out)))
}

/// An order as the API shows it: mask applied, and the `account` relation filled in on demand.
fn present(order: &StoredOrder, mask: Option<&Mask>) -> Value {
    let wants_account = mask.is_some_and(|m| m.get("account").is_some());
    if wants_account && !order.json.contains_key("account") {
        if let Some(account_id) = order.account_id {
            let mut json = order.json.clone();
            json.insert(
                "account".into(),
                Value::Object(data::account_object(account_id)),
            );
            return Value::Object(mask::apply(&json, mask, &mask::REQUEST));
        }
    }
    Value::Object(mask::apply(&order.json, mask, &mask::REQUEST))
}

/// Reads `{"parameters":[…]}`; `what` describes the expected parameters for error messages.
fn parameters(body: &[u8], what: &str) -> Result<Vec<Value>, SlError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(SlError::public(format!(
            "Missing request body: expected {{\"parameters\":[{what}]}}."
        )));
    }
    match parse_body(body, what)?.get("parameters") {
        Some(Value::Array(items)) => Ok(items.clone()),
        _ => Err(SlError::public(format!(
            "Missing 'parameters' array: expected {{\"parameters\":[{what}]}}."
        ))),
    }
}

fn parse_body(body: &[u8], what: &str) -> Result<Value, SlError> {
    serde_json::from_slice(body).map_err(|_| {
        SlError::public(format!(
            "Unable to parse the request body as JSON: expected {{\"parameters\":[{what}]}}."
        ))
    })
}

fn list_requests(
    st: &AppState,
    caller: i64,
    query: &Query,
    body: &[u8],
) -> Result<Response, SlError> {
    let mask = query.mask(&mask::REQUEST)?;
    let params = parameters(body, "accountId")?;
    let account_id = match params.first() {
        None => {
            return Err(SlError::public(
                "Missing parameter accountId: expected {\"parameters\":[accountId]}.",
            ))
        }
        Some(Value::Number(n)) => n.as_i64(),
        // The API coerces numeric strings, as PHP-backed services do.
        Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
        Some(_) => None,
    };
    let Some(account_id) = account_id else {
        return Err(SlError::public(format!(
            "Invalid value for parameter accountId: expected an integer, got {}.",
            params.first().map(Value::to_string).unwrap_or_default()
        )));
    };
    if account_id != caller {
        return Err(SlError::not_found(account_id));
    }

    let inner = st.lock();
    let options = inner.options;
    let limit = if options.honour_result_limit {
        query.limit()?
    } else {
        None
    };
    let mine = inner
        .orders
        .iter()
        .filter(|o| o.account_id == Some(account_id));
    let total = mine.clone().count();
    let items: Vec<Value> = match limit {
        Some((offset, limit)) => mine
            .skip(offset)
            .take(limit)
            .map(|o| present(o, mask.as_ref()))
            .collect(),
        None => mine.map(|o| present(o, mask.as_ref())).collect(),
    };
    drop(inner);

    let mut res = json_response(StatusCode::OK, &Value::Array(items));
    if options.total_items_header {
        let reported = options
            .total_items_override
            .unwrap_or_else(|| u64::try_from(total).unwrap_or(u64::MAX));
        res.headers_mut()
            .insert("SoftLayer-Total-Items", HeaderValue::from(reported));
    }
    Ok(res)
}

/// Looks up an order of the configured account; anything else is "not found", as permission
/// failures are on the real API.
fn own_order<'a>(inner: &'a Inner, caller: i64, id: &str) -> Result<&'a StoredOrder, SlError> {
    // The path's digits go straight to u64: no float on the way, so 9007199254740993 stays itself.
    id.parse::<u64>()
        .ok()
        .and_then(|n| inner.find_order(n))
        .filter(|o| o.account_id == Some(caller))
        .ok_or_else(|| SlError::not_found(id))
}

fn get_request(st: &AppState, caller: i64, id: &str, query: &Query) -> Result<Response, SlError> {
    let mask = query.mask(&mask::REQUEST)?;
    let inner = st.lock();
    let order = own_order(&inner, caller, id)?;
    let out = present(order, mask.as_ref());
    drop(inner);
    Ok(json_response(StatusCode::OK, &out))
}

/// What a status allows, decided from its name by meaning so renamed status lists still work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Pending,
    Issued,
    Canceled,
    Unknown,
}

fn stage_of(name: &str) -> Stage {
    let lower = name.to_lowercase();
    if lower.contains("pending") {
        Stage::Pending
    } else if lower.contains("cancel") {
        Stage::Canceled
    } else if lower.contains("approved") || lower.contains("complete") {
        Stage::Issued
    } else {
        Stage::Unknown
    }
}

/// The order's status name: its embedded `status.name`, else its `statusId` in the status list.
fn status_name(order: &StoredOrder, statuses: &[Value]) -> Option<String> {
    if let Some(name) = order
        .json
        .get("status")
        .and_then(|s| s.get("name"))
        .and_then(Value::as_str)
    {
        return Some(name.to_string());
    }
    let id = order.json.get("statusId").and_then(Value::as_i64)?;
    statuses
        .iter()
        .find(|s| s.get("id").and_then(Value::as_i64) == Some(id))
        .and_then(|s| s.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

fn resend_email(
    st: &AppState,
    caller: i64,
    id: &str,
    call: &Call,
    body: &[u8],
) -> Result<Response, SlError> {
    let mut inner = st.lock();
    let order = own_order(&inner, caller, id)?;

    // POST {"parameters":["…"]} is the documented form; GET …/resendEmail/FulfillmentEmail also works.
    let email_type = match call.extra.first() {
        Some(path_param) if body.iter().all(u8::is_ascii_whitespace) => {
            Value::String(percent_decode(path_param))
        }
        _ if body.iter().all(u8::is_ascii_whitespace) => Value::Null,
        // A body without a usable first parameter is a missing email type, not a parse error.
        _ => parse_body(body, "emailType")?
            .get("parameters")
            .and_then(|p| p.get(0))
            .cloned()
            .unwrap_or(Value::Null),
    };
    let email_type = match &email_type {
        Value::String(s) if EMAIL_TYPES.contains(&s.as_str()) => s.clone(),
        other => {
            let shown = match other {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                v => v.to_string(),
            };
            return Err(SlError::invalid_value(format!(
                "Invalid email type '{shown}'. Expected ApproverEmail or FulfillmentEmail."
            )));
        }
    };

    if inner.options.enforce_status_rules {
        let stage = status_name(order, &inner.statuses).map_or(Stage::Unknown, |n| stage_of(&n));
        let approver = email_type == "ApproverEmail";
        let allowed = if approver {
            stage == Stage::Pending
        } else {
            stage == Stage::Issued
        };
        if !allowed {
            let which = if approver { "approver" } else { "fulfillment" };
            return Err(SlError::public(format!(
                "Unable to resend the {which} email for this certificate order."
            )));
        }
    }

    let entry = json!({
        "orderId": order.id,
        "emailType": email_type,
        "recipient": order.json.get("approverEmailAddress").cloned().unwrap_or(Value::Null),
        "at": dates::format_rfc3339_utc(dates::now_epoch()),
    });
    inner.push_outbox(entry);
    drop(inner);
    Ok(json_response(StatusCode::OK, &Value::Bool(true)))
}

fn list_statuses(st: &AppState, query: &Query) -> Result<Response, SlError> {
    let mask = query.mask(&mask::STATUS)?;
    let statuses = st.lock().statuses.clone();
    let out: Vec<Value> = statuses
        .into_iter()
        .map(|s| match (&s, &mask) {
            (Value::Object(obj), Some(m)) => {
                Value::Object(mask::apply(obj, Some(m), &mask::STATUS))
            }
            _ => s,
        })
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Array(out)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_call_paths() {
        let c = Call::parse(
            "/rest/v3.1/SoftLayer_Security_Certificate_Request/40001/resendEmail.json",
            &Method::POST,
        );
        assert!(c.version_ok);
        assert_eq!(c.service, SERVICE_REQUEST);
        assert_eq!(c.id.as_deref(), Some("40001"));
        assert_eq!(c.method, "resendEmail");
        let c = Call::parse(
            "/rest/v3/SoftLayer_Security_Certificate_Request/40001.json",
            &Method::GET,
        );
        assert_eq!(
            (c.id.as_deref(), c.method.as_str()),
            (Some("40001"), "getObject")
        );
        let c = Call::parse("/rest/v2/SoftLayer_Account/getObject.json", &Method::GET);
        assert!(!c.version_ok);
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("mask%5Bid%2Cname%5D"), "mask[id,name]");
        assert_eq!(percent_decode("a+b%zz%4"), "a b%zz%4");
    }

    #[test]
    fn status_stage_by_meaning() {
        assert_eq!(stage_of("Pending CA Approval"), Stage::Pending);
        assert_eq!(stage_of("PENDING_APPROVAL"), Stage::Pending);
        assert_eq!(stage_of("approved"), Stage::Issued);
        assert_eq!(stage_of("Complete"), Stage::Issued);
        assert_eq!(stage_of("Cancelled"), Stage::Canceled);
        assert_eq!(stage_of("Revoked"), Stage::Unknown);
    }
}
