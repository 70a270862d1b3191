//! Loopback-only stance: the emulator binds loopback addresses and answers only requests whose
//! `Host` names a loopback host, unless `--allow-non-loopback` says otherwise.
//!
//! The control API has no authentication and the SoftLayer side accepts demo credentials, so a
//! listener reachable from the network, or a page on another site that re-points its DNS name at
//! 127.0.0.1 (DNS rebinding), must not be able to drive it. A rebound page still sends its own
//! name in `Host`, which is what the request check below refuses.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::error::control_error;
use crate::state::AppState;

/// True for 127.0.0.0/8 and ::1 (also written as the IPv4-mapped ::ffff:127.x.x.x).
pub fn is_loopback_ip(ip: IpAddr) -> bool {
    ip.to_canonical().is_loopback()
}

/// Refuses a non-loopback listening address unless `allow_non_loopback` is set.
pub fn check_bind_addr(addr: SocketAddr, allow_non_loopback: bool) -> Result<(), String> {
    if allow_non_loopback || is_loopback_ip(addr.ip()) {
        Ok(())
    } else {
        Err(format!(
            "refusing to listen on {addr}: not a loopback address (127.0.0.0/8, [::1], localhost); \
             the emulator has an unauthenticated control API. Pass --allow-non-loopback to do it anyway."
        ))
    }
}

/// The warning printed when `--allow-non-loopback` is given.
pub const NON_LOOPBACK_WARNING: &str = "sl-emulator: WARNING: --allow-non-loopback: the listening \
address is not checked and the Host header of requests is not checked either; anyone who can reach \
the port can reset the data, read the outbox and inject faults (the control API has no authentication).";

/// Parses `--addr`: an IP socket address (`127.0.0.1:8787`, `[::1]:8787`) or `localhost:PORT`,
/// which means 127.0.0.1:PORT.
pub fn parse_listen_addr(text: &str) -> Result<SocketAddr, String> {
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(addr);
    }
    if let Some((host, port)) = text.rsplit_once(':') {
        if host.eq_ignore_ascii_case("localhost") {
            let port: u16 = port
                .parse()
                .map_err(|_| format!("'{port}' is not a port number"))?;
            return Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, port)));
        }
    }
    Err("expected IP:PORT, [IPv6]:PORT or localhost:PORT".into())
}

fn is_port(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) && text.parse::<u16>().is_ok()
}

/// True when a `Host` value (or URI authority) names a loopback host: `localhost` (any case),
/// an IPv4 address in 127.0.0.0/8 or `[::1]`, each with an optional port.
pub fn is_loopback_host(host: &str) -> bool {
    if let Some(rest) = host.strip_prefix('[') {
        let Some((inside, after)) = rest.split_once(']') else {
            return false;
        };
        let port_ok = after.is_empty() || after.strip_prefix(':').is_some_and(is_port);
        return port_ok
            && inside
                .parse::<Ipv6Addr>()
                .is_ok_and(|ip| is_loopback_ip(IpAddr::V6(ip)));
    }
    let name = match host.split_once(':') {
        Some((name, port)) if is_port(port) => name,
        Some(_) => return false,
        None => host,
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<Ipv4Addr>()
            .is_ok_and(|ip| is_loopback_ip(IpAddr::V4(ip)))
}

/// Middleware over the whole router: 421 Misdirected Request for a missing or non-loopback `Host`
/// (and for an absolute request URI naming another host), unless non-loopback use is allowed.
pub async fn host_guard(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if st.config.allow_non_loopback {
        return next.run(req).await;
    }
    let host = req
        .headers()
        .get(header::HOST)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let authority_ok = req
        .uri()
        .authority()
        .is_none_or(|a| is_loopback_host(a.as_str()));
    match host {
        Some(h) if authority_ok && is_loopback_host(h.trim()) => next.run(req).await,
        other => control_error(
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "Host '{}' is not a loopback name: sl-emulator answers only Host 127.x.x.x, [::1] or \
                 localhost (with any port) unless started with --allow-non-loopback.",
                other.unwrap_or_default()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for ok in [
            "localhost",
            "LOCALHOST:8787",
            "127.0.0.1",
            "127.0.0.1:18787",
            "127.255.1.2:1",
            "[::1]",
            "[::1]:8787",
            "[::ffff:127.0.0.1]:80",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "",
            "evil.example",
            "evil.example:8787",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "localhost.",
            "127.1",
            "128.0.0.1",
            "0.0.0.0:8787",
            "10.0.0.1:8787",
            "[::2]:8787",
            "[::1]8787",
            "[::1",
            "::1",
            "localhost:",
            "localhost:99999",
            "localhost:80:80",
            "user@localhost",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }

    #[test]
    fn bind_check() {
        let ok = |s: &str, allow| check_bind_addr(s.parse().expect("addr"), allow).is_ok();
        assert!(ok("127.0.0.1:0", false));
        assert!(ok("127.9.9.9:0", false));
        assert!(ok("[::1]:0", false));
        assert!(!ok("0.0.0.0:0", false));
        assert!(!ok("[::]:0", false));
        assert!(!ok("192.168.1.10:8787", false));
        assert!(ok("0.0.0.0:0", true));
    }

    #[test]
    fn listen_addr_forms() {
        assert_eq!(
            parse_listen_addr("localhost:19000"),
            Ok(SocketAddr::from(([127, 0, 0, 1], 19000)))
        );
        assert_eq!(
            parse_listen_addr("[::1]:0"),
            Ok("[::1]:0".parse().expect("addr"))
        );
        assert!(parse_listen_addr("localhost").is_err());
        assert!(parse_listen_addr("example.com:80").is_err());
    }
}
