//! CORS middleware: answers every preflight without auth and tags responses for allowed origins
//! (on the control API only for origins named exactly with `--allow-origin`, never for `*`).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::api::Call;
use crate::auth;
use crate::faults::{FaultKind, NoCors};
use crate::state::AppState;

const ALLOW_METHODS: &str = "GET, POST, PUT, DELETE, OPTIONS";
const ALLOW_HEADERS: &str = "Authorization, Content-Type";
const MAX_AGE: &str = "600";
const EXPOSE_HEADERS: &str = "SoftLayer-Total-Items";

/// True for paths handled by the SoftLayer API emulation.
pub fn is_rest_path(path: &str) -> bool {
    path == "/rest" || path.starts_with("/rest/")
}

/// True for the control API's paths.
pub fn is_control_path(path: &str) -> bool {
    path == "/_emulator" || path.starts_with("/_emulator/")
}

/// The request's Origin when the configuration allows it: an exact match, or any with `*` except
/// on the control API, which only answers origins named exactly.
fn allowed_origin(st: &AppState, path: &str, headers: &HeaderMap) -> Option<HeaderValue> {
    let origin = headers.get(header::ORIGIN)?;
    let text = origin.to_str().ok()?;
    let allowed = if is_control_path(path) {
        st.config.control_origin_allowed(text)
    } else {
        st.config.origin_allowed(text)
    };
    allowed.then(|| origin.clone())
}

fn add_cors(headers: &mut HeaderMap, origin: HeaderValue) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSE_HEADERS),
    );
}

/// Middleware over the whole router.
pub async fn layer(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let origin = allowed_origin(&st, req.uri().path(), req.headers());
    if req.method() == Method::OPTIONS {
        return preflight(&st, req, origin);
    }
    let mut res = next.run(req).await;
    if let (Some(origin), None) = (origin, res.extensions().get::<NoCors>()) {
        add_cors(res.headers_mut(), origin);
    }
    res
}

/// 204 for any OPTIONS, never authenticated. A `noCors` fault for the method the path names (the
/// verb comes from Access-Control-Request-Method) suppresses the headers and counts as one use,
/// since a browser that fails the preflight never sends the real request.
fn preflight(st: &AppState, req: Request, origin: Option<HeaderValue>) -> Response {
    let (parts, _) = req.into_parts();
    let mut suppressed = false;
    if is_rest_path(parts.uri.path()) {
        st.log_request(&parts, auth::classify(&parts.headers, &st.config));
        let verb = parts
            .headers
            .get(header::ACCESS_CONTROL_REQUEST_METHOD)
            .and_then(|v| Method::from_bytes(v.as_bytes()).ok())
            .unwrap_or(Method::GET);
        let call = Call::parse(parts.uri.path(), &verb);
        suppressed = st
            .lock()
            .faults
            .take(&call.method, Some(FaultKind::NoCors))
            .is_some();
    }
    let mut res = Response::new(Body::empty());
    *res.status_mut() = StatusCode::NO_CONTENT;
    if let (Some(origin), false) = (origin, suppressed) {
        let h = res.headers_mut();
        add_cors(h, origin);
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static(ALLOW_METHODS),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static(ALLOW_HEADERS),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static(MAX_AGE),
        );
    }
    res
}
