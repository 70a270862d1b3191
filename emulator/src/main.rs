//! sl-emulator binary: parse the command line, print the banner, serve until SIGTERM/SIGINT.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use sl_emulator::control::MAX_GENERATED_ORDERS;
use sl_emulator::loopback::{check_bind_addr, parse_listen_addr, NON_LOOPBACK_WARNING};
use sl_emulator::{banner, serve, AppState, Config, Options, StaticCompression};

/// How long open connections (including ones held by a `hang` fault) may take to finish after a
/// shutdown signal before the process exits anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// Loopback emulator of the IBM Cloud classic (SoftLayer) REST API for SSL certificate orders,
/// with a control API (/_emulator/...) for tests.
#[derive(Debug, Parser)]
#[command(
    name = "sl-emulator",
    version,
    about,
    long_about = None,
    after_help = "Loopback only: binds 127.0.0.0/8, [::1] or localhost and answers 421 to a Host that is not \
one of them, unless --allow-non-loopback.\n\
Control API (/_emulator/..., no auth): POST/PUT/DELETE need Content-Type: application/json when they carry \
a body, and any other Content-Type is refused (415: form, multipart and text/plain posts cannot reach it); \
an Origin header, if sent, must be named with --allow-origin or be the emulator's own (403 otherwise).\n\
Endpoints, faults and options: emulator/README.md."
)]
struct Cli {
    /// Address to listen on: IP:PORT, [IPv6]:PORT or localhost:PORT (port 0 picks a free port; the
    /// banner prints the real one). Only loopback addresses (127.0.0.0/8, [::1], localhost) unless
    /// --allow-non-loopback is given.
    #[arg(long, default_value = "127.0.0.1:8787", value_parser = parse_listen_addr)]
    addr: SocketAddr,
    /// Listen on a non-loopback address and answer any Host header. Off by default: the control API
    /// has no authentication, so the emulator binds loopback only and answers 421 to requests whose
    /// Host is not 127.x.x.x, [::1] or localhost (DNS-rebinding defence). Prints a warning.
    #[arg(long)]
    allow_non_loopback: bool,
    /// Number of generated SSL certificate orders for the account (ids from 40001), at most 200000.
    #[arg(long, default_value_t = 40, value_parser = parse_orders)]
    orders: usize,
    /// Seed of the deterministic data set (same orders + seed → identical JSON).
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Directory served at / (index.html for /), after the /rest and /_emulator routes.
    #[arg(long = "static", value_name = "DIR")]
    static_dir: Option<PathBuf>,
    /// Content-Security-Policy header sent with the static files (default: none).
    #[arg(long, value_name = "POLICY")]
    csp: Option<String>,
    /// Compression of the static files: `on-the-fly` (gzip/brotli per request), `precompressed` (a file's
    /// `.br` / `.gz` sibling when present, else on the fly) or `off`.
    #[arg(long, value_name = "MODE", default_value = "on-the-fly", value_parser = parse_compression)]
    static_compression: StaticCompression,
    /// SoftLayer account id owning the orders.
    #[arg(long, default_value_t = 1_234_567)]
    account_id: i64,
    /// API user name accepted in Basic auth (`apikey` is accepted too, with the same key).
    #[arg(long, default_value = "SL1234567")]
    user: String,
    /// API key accepted in Basic auth.
    #[arg(long, default_value = "demo-api-key-0123456789abcdef")]
    api_key: String,
    /// Token accepted as `Authorization: Bearer <token>`.
    #[arg(long, default_value = "demo-bearer-token")]
    token: String,
    /// Bearer token of a second account (id 7654321, three orders of its own).
    #[arg(long, default_value = "other-account-token")]
    other_token: String,
    /// Origin allowed by CORS (repeatable; `*` reflects any Origin on /rest and static files).
    /// The control API (/_emulator/...) answers CORS, and accepts POST/PUT/DELETE carrying an Origin,
    /// only for origins named exactly here, never for `*`. Default: none (same-origin only).
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    allow_origin: Vec<String>,
    /// Do not send the SoftLayer-Total-Items header on list answers (default: send it).
    #[arg(long)]
    no_total_items: bool,
    /// Report this number in SoftLayer-Total-Items whatever the real count (a lying total, e.g.
    /// 4000000000). Default: the real count. Also `totalItemsOverride` of /_emulator/options.
    #[arg(long, value_name = "N")]
    total_items_override: Option<u64>,
    /// Return the whole list whatever resultLimit says (default: honour resultLimit).
    #[arg(long)]
    ignore_result_limit: bool,
    /// Allow every resendEmail whatever the order's status (default: enforce the status rules).
    #[arg(long)]
    no_status_rules: bool,
}

/// `--static-compression`.
fn parse_compression(text: &str) -> Result<StaticCompression, String> {
    match text {
        "on-the-fly" => Ok(StaticCompression::OnTheFly),
        "precompressed" => Ok(StaticCompression::Precompressed),
        "off" => Ok(StaticCompression::Off),
        _ => Err(format!(
            "'{text}': expected on-the-fly, precompressed or off"
        )),
    }
}

/// `--orders`: a count up to [`MAX_GENERATED_ORDERS`].
fn parse_orders(text: &str) -> Result<usize, String> {
    let n: usize = text
        .parse()
        .map_err(|_| format!("'{text}' is not a non-negative integer"))?;
    if n > MAX_GENERATED_ORDERS {
        return Err(format!(
            "at most {MAX_GENERATED_ORDERS} orders can be generated (got {n})"
        ));
    }
    Ok(n)
}

impl From<Cli> for Config {
    fn from(cli: Cli) -> Self {
        Config {
            addr: cli.addr,
            orders: cli.orders,
            seed: cli.seed,
            static_dir: cli.static_dir,
            csp: cli.csp,
            static_compression: cli.static_compression,
            account_id: cli.account_id,
            user: cli.user,
            api_key: cli.api_key,
            token: cli.token,
            other_token: cli.other_token,
            allow_origins: cli.allow_origin,
            allow_non_loopback: cli.allow_non_loopback,
            options: Options {
                total_items_header: !cli.no_total_items,
                honour_result_limit: !cli.ignore_result_limit,
                enforce_status_rules: !cli.no_status_rules,
                total_items_override: cli.total_items_override,
            },
        }
    }
}

/// Shutdown signals, registered before the banner so a script that sends SIGTERM right after
/// the "listening" line is never met by the default (abrupt) signal action.
struct Signals {
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
    #[cfg(unix)]
    int: tokio::signal::unix::Signal,
}

impl Signals {
    fn register() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(Self {
                term: signal(SignalKind::terminate())?,
                int: signal(SignalKind::interrupt())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Self {})
    }

    /// Completes on SIGTERM or SIGINT (Ctrl-C elsewhere).
    async fn recv(&mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.term.recv() => {},
            _ = self.int.recv() => {},
        }
        #[cfg(not(unix))]
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::from(Cli::parse());
    if config.allow_non_loopback {
        eprintln!("{NON_LOOPBACK_WARNING}");
    }
    if let Err(e) = check_bind_addr(config.addr, config.allow_non_loopback) {
        eprintln!("sl-emulator: {e}");
        return ExitCode::FAILURE;
    }
    if let Some(dir) = &config.static_dir {
        if !dir.is_dir() {
            eprintln!("sl-emulator: --static {} is not a directory", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let listener = match tokio::net::TcpListener::bind(config.addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("sl-emulator: cannot listen on {}: {e}", config.addr);
            return ExitCode::FAILURE;
        }
    };
    let mut signals = match Signals::register() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("sl-emulator: cannot install signal handlers: {e}");
            return ExitCode::FAILURE;
        }
    };
    let addr = listener.local_addr().unwrap_or(config.addr);
    let state = AppState::new(config);
    print!("{}", banner(&state.config, addr));

    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let mut server = tokio::spawn(serve(listener, state, async {
        let _ = stop_rx.await;
    }));
    let finished = tokio::select! {
        () = signals.recv() => {
            let _ = stop_tx.send(());
            // Graceful drain, bounded: a `hang` fault would otherwise hold the process forever.
            match tokio::time::timeout(SHUTDOWN_GRACE, &mut server).await {
                Ok(res) => res,
                Err(_) => Ok(Ok(())),
            }
        }
        // The server only ends by itself when accepting fails.
        res = &mut server => res,
    };
    match finished {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("sl-emulator: server error: {e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("sl-emulator: server task failed: {e}");
            ExitCode::FAILURE
        }
    }
}
