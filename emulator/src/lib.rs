//! sl-emulator: a loopback HTTP server that speaks the SoftLayer REST dialect for SSL certificate orders.
//!
//! The widget's tests point it at this server instead of api.softlayer.com. Besides the SoftLayer
//! calls (`/rest/v3.1/...`), it exposes a control API (`/_emulator/...`) to reset or replace the
//! data set, flip options the real API leaves unverified, read the outbox and inject faults.

pub mod api;
pub mod auth;
pub mod control;
pub mod cors;
pub mod data;
pub mod dates;
pub mod error;
pub mod faults;
pub mod loopback;
pub mod mask;
pub mod state;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use tokio::net::TcpListener;
use tower_http::services::ServeDir;

pub use state::{AppState, Options};

/// Control API bodies can hold a whole replacement data set (10,000 orders ≈ 12 MB).
const CONTROL_BODY_LIMIT: usize = 64 * 1024 * 1024;

/// How `--static` files are compressed for a browser that accepts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StaticCompression {
    /// gzip or brotli made per request (tower-http's default levels), as a host compressing on the fly.
    #[default]
    OnTheFly,
    /// A file's `.br` / `.gz` sibling when there is one (made at build time, e.g. brotli -q 11), else on
    /// the fly: as a host with `gzip_static` / `brotli_static`.
    Precompressed,
    /// Never compressed.
    Off,
}

/// Start-up configuration (the CLI maps onto this one to one).
#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub orders: usize,
    pub seed: u64,
    pub static_dir: Option<PathBuf>,
    /// `Content-Security-Policy` sent with static files, to prove the widget works under a strict policy.
    pub csp: Option<String>,
    /// How the static files are compressed (the cold-start benchmark compares them).
    pub static_compression: StaticCompression,
    pub account_id: i64,
    pub user: String,
    pub api_key: String,
    pub token: String,
    /// Bearer token of the second account (id 7654321, three orders), for multi-widget tests.
    pub other_token: String,
    /// Origins allowed by CORS; `*` reflects any Origin on the SoftLayer side (never on the control
    /// API, which only trusts origins named exactly); empty means same-origin only.
    pub allow_origins: Vec<String>,
    /// Serve non-loopback listeners and any `Host` (off: loopback addresses and Host names only).
    pub allow_non_loopback: bool,
    /// Options at start-up and after `POST /_emulator/reset`.
    pub options: Options,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8787)),
            orders: 40,
            seed: 7,
            static_dir: None,
            csp: None,
            static_compression: StaticCompression::OnTheFly,
            account_id: 1_234_567,
            user: "SL1234567".into(),
            api_key: "demo-api-key-0123456789abcdef".into(),
            token: "demo-bearer-token".into(),
            other_token: "other-account-token".into(),
            allow_origins: Vec::new(),
            allow_non_loopback: false,
            options: Options::default(),
        }
    }
}

impl Config {
    /// CORS for the SoftLayer side and static files: an origin named exactly, or any with `*`.
    pub fn origin_allowed(&self, origin: &str) -> bool {
        self.allow_origins.iter().any(|o| o == "*" || o == origin)
    }

    /// CORS and state changes for the control API: only an origin named exactly (`*` does not count).
    pub fn control_origin_allowed(&self, origin: &str) -> bool {
        origin != "*" && self.allow_origins.iter().any(|o| o == origin)
    }
}

/// The whole application: /rest, /_emulator, then static files (or a small index page).
pub fn app(state: AppState) -> Router {
    let rest = any(api::rest);
    let mut router = Router::new()
        .route("/rest", rest.clone())
        .route("/rest/", rest.clone())
        .route("/rest/{*path}", rest);
    router = control::routes(router);
    router = match state.config.static_dir.clone() {
        // Compressed like any production host would serve it, so the demo and the benchmark load the
        // wasm at its real transfer size.
        Some(dir) => {
            let files = ServeDir::new(dir);
            match state.config.static_compression {
                StaticCompression::Off => router.fallback_service(files),
                compression => router.fallback_service(
                    tower::ServiceBuilder::new()
                        .layer(tower_http::compression::CompressionLayer::new())
                        .service(if compression == StaticCompression::Precompressed {
                            files.precompressed_br().precompressed_gzip()
                        } else {
                            files
                        }),
                ),
            }
        }
        None => router.route("/", get(index)).fallback(not_found),
    };
    router
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            control::guard,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            static_headers,
        ))
        .layer(DefaultBodyLimit::max(CONTROL_BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            cors::layer,
        ))
        // Outermost: a request for a non-loopback Host gets no further, not even a preflight answer.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            loopback::host_guard,
        ))
        .with_state(state)
}

/// The headers a production host sends with the `--static` files (deploy/nginx/ssl-orders.conf does the
/// same), and the configured `Content-Security-Policy`; never on API or control answers.
///
/// `Cache-Control: no-cache`: the names are stable (Trunk.toml has `filehash = false`), so a browser must
/// revalidate (`If-Modified-Since` → 304) rather than guess a freshness lifetime from `Last-Modified` and
/// keep running an old glue or wasm after a rebuild. A revalidated wasm still reuses the browser's compiled
/// code cache. `nosniff`: scripts and the wasm are taken only for the type they are served with
/// (`application/wasm`, which `WebAssembly.instantiateStreaming` requires, comes from the file extension).
async fn static_headers(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = request.uri().path();
    let is_static = !(path.starts_with("/rest") || path.starts_with("/_emulator"));
    let mut response = next.run(request).await;
    if !is_static {
        return response;
    }
    let headers = response.headers_mut();
    if state.config.static_dir.is_some() {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
    }
    if let Some(policy) = state.config.csp.as_deref() {
        if let Ok(value) = HeaderValue::from_str(policy) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

/// Plain-text landing page when no `--static` directory is served.
async fn index(req: Request) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:8787");
    let text = format!(
        "sl-emulator: IBM Cloud classic (SoftLayer) REST emulator for SSL certificate orders.\n\
         API base: http://{host}/rest/v3.1\n\
         Control API: http://{host}/_emulator/\n"
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found\n").into_response()
}

/// Serves `state` on `listener` until `shutdown` completes (then drains open connections).
/// A listener on a non-loopback address is refused unless `allow_non_loopback` is configured.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let addr = listener.local_addr()?;
    loopback::check_bind_addr(addr, state.config.allow_non_loopback)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::PermissionDenied, e))?;
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// The start-up text: where to point a browser or curl, the demo credentials, and the final
/// `sl-emulator listening on http://ADDR` line that scripts wait for.
pub fn banner(config: &Config, addr: SocketAddr) -> String {
    let base = format!("http://{addr}/rest/v3.1");
    let origins = if config.allow_origins.is_empty() {
        "none (same-origin only)".to_string()
    } else {
        config.allow_origins.join(", ")
    };
    let network = if config.allow_non_loopback {
        "any address and Host (--allow-non-loopback)"
    } else {
        "loopback only (Host 127.x.x.x, [::1] or localhost)"
    };
    let statics = config
        .static_dir
        .as_ref()
        .map_or_else(|| "none".to_string(), |d| d.display().to_string());
    format!(
        "sl-emulator: IBM Cloud classic (SoftLayer) REST emulator for SSL certificate orders\n\
         \x20 URL:           http://{addr}/\n\
         \x20 API base:      {base}\n\
         \x20 Control API:   http://{addr}/_emulator/\n\
         \x20 Account id:    {account}\n\
         \x20 User:          {user}\n\
         \x20 API key:       {key}\n\
         \x20 Bearer token:  {token}\n\
         \x20 Orders:        {orders} (seed {seed})\n\
         \x20 Allowed CORS:  {origins}\n\
         \x20 Network:       {network}\n\
         \x20 Static files:  {statics}\n\
         Try:\n\
         \x20 curl -g -u '{user}:{key}' '{base}/SoftLayer_Account/getObject.json?objectMask=mask[id]'\n\
         \x20 curl -g -H 'Authorization: Bearer {token}' -H 'Content-Type: application/json' \
         -d '{{\"parameters\":[{account}]}}' \
         '{base}/SoftLayer_Security_Certificate_Request/getSslCertificateRequests.json?objectMask=mask[id,commonName,status[name]]&resultLimit=0,5'\n\
         sl-emulator listening on http://{addr}\n",
        account = config.account_id,
        user = config.user,
        key = config.api_key,
        token = config.token,
        orders = config.orders,
        seed = config.seed,
    )
}
