//! Credential check for /rest calls: Basic user:apiKey, Basic apikey:<key>, or Bearer token.

use axum::http::{header, HeaderMap};
use base64::Engine as _;

use crate::data::OTHER_ACCOUNT_ID;
use crate::Config;

/// How a request authenticated; this (never the credentials) is what the request log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthKind {
    Basic,
    Bearer,
    None,
    Invalid,
}

impl AuthKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AuthKind::Basic => "basic",
            AuthKind::Bearer => "bearer",
            AuthKind::None => "none",
            AuthKind::Invalid => "invalid",
        }
    }

    pub fn is_valid(self) -> bool {
        matches!(self, AuthKind::Basic | AuthKind::Bearer)
    }
}

/// Comparison whose time does not depend on where the first difference is, so the emulator does
/// not teach bad habits to anyone reading it.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Classifies the `Authorization` header against the configured credentials.
pub fn classify(headers: &HeaderMap, config: &Config) -> AuthKind {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return AuthKind::None;
    };
    let Ok(value) = value.to_str() else {
        return AuthKind::Invalid;
    };
    let (scheme, rest) = value.trim().split_once(' ').unwrap_or((value, ""));
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("basic") {
        let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(rest) else {
            return AuthKind::Invalid;
        };
        let Some(colon) = decoded.iter().position(|&b| b == b':') else {
            return AuthKind::Invalid;
        };
        let (user, key) = (&decoded[..colon], &decoded[colon + 1..]);
        // The IBM Cloud API key form uses the literal user name `apikey` with the same key.
        let user_ok = same(user, config.user.as_bytes()) || same(user, b"apikey");
        if user_ok && same(key, config.api_key.as_bytes()) {
            AuthKind::Basic
        } else {
            AuthKind::Invalid
        }
    } else if scheme.eq_ignore_ascii_case("bearer") {
        let other = same(rest.as_bytes(), config.other_token.as_bytes());
        if same(rest.as_bytes(), config.token.as_bytes()) || other {
            AuthKind::Bearer
        } else {
            AuthKind::Invalid
        }
    } else {
        AuthKind::Invalid
    }
}

/// The account a valid request acts for: the second account's token gives [`OTHER_ACCOUNT_ID`], so two
/// widgets on one page can show two accounts; every other credential is the configured account's.
pub fn caller_account(headers: &HeaderMap, config: &Config) -> i64 {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    match bearer {
        Some(token) if same(token.as_bytes(), config.other_token.as_bytes()) => OTHER_ACCOUNT_ID,
        _ => config.account_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(value).expect("header"),
        );
        h
    }

    fn basic(user: &str, key: &str) -> String {
        let raw = format!("{user}:{key}");
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        )
    }

    #[test]
    fn classifies_each_form() {
        let c = Config::default();
        assert_eq!(classify(&HeaderMap::new(), &c), AuthKind::None);
        assert_eq!(
            classify(&with(&basic(&c.user, &c.api_key)), &c),
            AuthKind::Basic
        );
        assert_eq!(
            classify(&with(&basic("apikey", &c.api_key)), &c),
            AuthKind::Basic
        );
        assert_eq!(
            classify(&with(&basic(&c.user, "nope")), &c),
            AuthKind::Invalid
        );
        assert_eq!(
            classify(&with(&basic("apikey", "nope")), &c),
            AuthKind::Invalid
        );
        assert_eq!(classify(&with("Basic !!!"), &c), AuthKind::Invalid);
        assert_eq!(
            classify(&with(&format!("Bearer {}", c.token)), &c),
            AuthKind::Bearer
        );
        assert_eq!(classify(&with("Bearer wrong"), &c), AuthKind::Invalid);
        assert_eq!(classify(&with("Digest x"), &c), AuthKind::Invalid);
    }
}
