//! The host's configuration: its fields, defaults, and validation with messages a host developer can act on.

use crate::api::{Auth, Credentials, Transport, DEFAULT_API_BASE};
use crate::expiry::{DEFAULT_EXPIRING_DAYS, MAX_EXPIRING_DAYS};
use crate::i18n::{Lang, LANG_CHOICES};
use crate::json::Json;
use crate::model::{EmailPolicy, EmailType, PAGE_SIZES};
use thiserror::Error;

/// A validated widget configuration.
///
/// ```
/// use ssl_orders::config::Config;
/// let config = Config::from_json(&serde_json::json!({
///     "apiBase": "/rest/v3.1", "accountId": 1234567, "token": "…", "lang": "es"
/// })).unwrap();
/// assert_eq!(config.page_size, 25);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Base URL of the REST API, without a trailing slash (`https://api.softlayer.com/rest/v3.1`).
    pub api_base: String,
    /// The account whose orders are listed; discovered with `SoftLayer_Account::getObject` when absent.
    pub account_id: Option<u64>,
    /// Credentials, the `fetch` credentials mode and the timeout.
    pub transport: Transport,
    /// Forced locale; otherwise the page's `lang`, then the browser's languages.
    pub lang: Option<Lang>,
    /// Rows per page: 25, 50 or 100.
    pub page_size: usize,
    /// Which email each status may resend.
    pub email_policy: EmailPolicy,
    /// How many days before its expiry an order shows "Expiring soon": 1 to 365.
    pub expiring_days: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base: DEFAULT_API_BASE.into(),
            account_id: None,
            transport: Transport {
                auth: Auth::None,
                credentials: Credentials::SameOrigin,
                timeout_ms: 30_000,
            },
            lang: None,
            page_size: PAGE_SIZES[0],
            email_policy: EmailPolicy::default(),
            expiring_days: DEFAULT_EXPIRING_DAYS,
        }
    }
}

/// Why a configuration was refused. The text names the key and what was expected.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("ssl-orders: the configuration must be an object")]
    NotAnObject,
    #[error("ssl-orders: unknown configuration key \"{0}\" (known keys: {KNOWN})")]
    UnknownKey(String),
    #[error("ssl-orders: \"{key}\" must be {expected}")]
    WrongType {
        key: &'static str,
        expected: &'static str,
    },
    #[error(
        "ssl-orders: \"apiBase\" must be an http(s) URL or a path starting with \"/\", got \"{0}\""
    )]
    BadUrl(String),
    #[error("ssl-orders: give either \"token\" or \"username\" with \"apiKey\", not both")]
    ConflictingAuth,
    #[error("ssl-orders: \"username\" and \"apiKey\" go together")]
    IncompleteBasicAuth,
}

/// Writes the configuration keys once, as the list code and tests read and as the error text names them.
macro_rules! config_keys {
    ($first:literal $(, $key:literal)*) => {
        /// Every key `mount()` accepts; the README's configuration table lists exactly these.
        pub const KEYS: &[&str] = &[$first $(, $key)*];
        const KNOWN: &str = concat!($first $(, ", ", $key)*);
    };
}

config_keys!(
    "apiBase",
    "accountId",
    "token",
    "username",
    "apiKey",
    "credentials",
    "lang",
    "pageSize",
    "emailTypes",
    "timeoutMs",
    "expiringDays"
);

impl Config {
    /// Validates a plain JSON object as a host passes it to `mount()`.
    pub fn from_json<J: Json>(value: &J) -> Result<Config, ConfigError> {
        if value.is_null() {
            return Ok(Config::default());
        }
        let keys = value.keys().ok_or(ConfigError::NotAnObject)?;
        if let Some(key) = keys.into_iter().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(ConfigError::UnknownKey(key));
        }
        let map = value;
        let mut config = Config::default();
        if let Some(base) = string(map, "apiBase", "a URL string")? {
            config.api_base = validate_base(&base)?;
        }
        config.account_id = match present(map, "accountId") {
            None => None,
            Some(v) => Some(
                match v.as_str() {
                    Some(s) => parse_account_id(&s),
                    None => v.as_u64().filter(|id| *id > 0),
                }
                .ok_or(wrong("accountId", "a positive whole number"))?,
            ),
        };
        let token = string(map, "token", "a string")?;
        let username = string(map, "username", "a string")?;
        let api_key = string(map, "apiKey", "a string")?;
        config.transport.auth = match (token, username, api_key) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                return Err(ConfigError::ConflictingAuth)
            }
            (Some(token), None, None) => Auth::Bearer(token),
            (None, Some(username), Some(api_key)) => Auth::Basic { username, api_key },
            (None, Some(_), None) | (None, None, Some(_)) => {
                return Err(ConfigError::IncompleteBasicAuth)
            }
            (None, None, None) => Auth::None,
        };
        if let Some(mode) = string(
            map,
            "credentials",
            "\"omit\", \"same-origin\" or \"include\"",
        )? {
            config.transport.credentials = parse_credentials(&mode).ok_or(wrong(
                "credentials",
                "\"omit\", \"same-origin\" or \"include\"",
            ))?;
        }
        if let Some(lang) = string(map, "lang", LANG_CHOICES)? {
            config.lang = Some(Lang::from_tag(&lang).ok_or(wrong("lang", LANG_CHOICES))?);
        }
        if let Some(v) = present(map, "pageSize") {
            config.page_size = parse_page_size(&v).ok_or(wrong("pageSize", "25, 50 or 100"))?;
        }
        if let Some(v) = present(map, "timeoutMs") {
            config.transport.timeout_ms = v
                .as_u64()
                .filter(|ms| (100..=600_000).contains(ms))
                .and_then(|ms| u32::try_from(ms).ok())
                .ok_or(wrong(
                    "timeoutMs",
                    "a whole number of milliseconds from 100 to 600000",
                ))?;
        }
        if let Some(v) = present(map, "expiringDays") {
            config.expiring_days = parse_expiring_days(&v).ok_or(wrong(
                "expiringDays",
                "a whole number of days from 1 to 365",
            ))?;
        }
        if let Some(v) = present(map, "emailTypes") {
            config.email_policy = parse_email_types(&v)?;
        }
        Ok(config)
    }
}

fn wrong(key: &'static str, expected: &'static str) -> ConfigError {
    ConfigError::WrongType { key, expected }
}

/// The value of `key`, unless it is absent or `null` (both mean "the default").
fn present<J: Json>(map: &J, key: &str) -> Option<J> {
    map.get(key).filter(|v| !v.is_null())
}

fn string<J: Json>(
    map: &J,
    key: &'static str,
    expected: &'static str,
) -> Result<Option<String>, ConfigError> {
    match present(map, key) {
        None => Ok(None),
        Some(v) => v.as_str().map(Some).ok_or(wrong(key, expected)),
    }
}

/// Checks `apiBase` and drops a trailing slash. Relative paths are allowed for a same-origin proxy; they
/// are resolved against the page's origin once, at mount (`embed`). Refused anywhere: a backslash
/// (browsers read `/\evil.example` as `//evil.example`, another origin) and `@`
/// (`https://api.softlayer.com@evil.example` is evil.example; a URL carries no credentials of its own).
pub fn validate_base(base: &str) -> Result<String, ConfigError> {
    let trimmed = base.trim();
    let lower = trimmed.to_ascii_lowercase();
    let scheme_ok = ["https://", "http://"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    let path_ok = trimmed.starts_with('/') && !trimmed.starts_with("//");
    let clean = !trimmed.chars().any(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '"' | '<' | '>' | '\\' | '@')
    });
    if (scheme_ok || path_ok) && clean {
        Ok(trimmed.trim_end_matches('/').to_owned())
    } else {
        Err(ConfigError::BadUrl(base.chars().take(200).collect()))
    }
}

/// Parses the `account-id` attribute or a string `accountId`.
pub fn parse_account_id(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|id| *id > 0)
}

/// Parses `credentials`.
pub fn parse_credentials(s: &str) -> Option<Credentials> {
    match s {
        "omit" => Some(Credentials::Omit),
        "same-origin" => Some(Credentials::SameOrigin),
        "include" => Some(Credentials::Include),
        _ => None,
    }
}

/// Parses `pageSize` (a number, or the `page-size` attribute's string).
pub fn parse_page_size<J: Json>(v: &J) -> Option<usize> {
    let n = match v.as_str() {
        Some(s) => s.trim().parse().ok()?,
        None => v.as_u64()?,
    };
    PAGE_SIZES.iter().copied().find(|size| *size as u64 == n)
}

/// Parses `expiringDays` (a number, or the `expiring-days` attribute's string): whole days, 1 to 365.
pub fn parse_expiring_days<J: Json>(v: &J) -> Option<u32> {
    let days = match v.as_str() {
        Some(s) => s.trim().parse().ok()?,
        None => v.as_u64()?,
    };
    u32::try_from(days)
        .ok()
        .filter(|days| (1..=MAX_EXPIRING_DAYS).contains(days))
}

const EMAIL_TYPES_EXPECTED: &str =
    "an object mapping status names to \"ApproverEmail\", \"FulfillmentEmail\" or null";

/// Parses `emailTypes`: `{ "<status name>": "ApproverEmail" | "FulfillmentEmail" | null }`, as an object or
/// as its JSON text (the `email-types` attribute).
pub fn parse_email_types<J: Json>(v: &J) -> Result<EmailPolicy, ConfigError> {
    match v.as_str() {
        Some(text) => email_overrides(
            &J::parse(&text).map_err(|_| wrong("emailTypes", EMAIL_TYPES_EXPECTED))?,
        ),
        None => email_overrides(v),
    }
}

fn email_overrides<J: Json>(map: &J) -> Result<EmailPolicy, ConfigError> {
    let refused = || wrong("emailTypes", EMAIL_TYPES_EXPECTED);
    let overrides = map
        .keys()
        .ok_or_else(refused)?
        .into_iter()
        .map(|status| {
            let email = map.get(&status).ok_or_else(refused)?;
            if email.is_null() {
                return Ok((status, None));
            }
            match email.as_str() {
                Some(s) if s.eq_ignore_ascii_case("none") => Ok((status, None)),
                Some(s) => EmailType::from_api_name(&s)
                    .map(|e| (status, Some(e)))
                    .ok_or_else(refused),
                None => Err(refused()),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(EmailPolicy::with_overrides(overrides))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_point_at_the_real_api() {
        let c = Config::from_json(&json!({})).unwrap();
        assert_eq!(c.api_base, "https://api.softlayer.com/rest/v3.1");
        assert_eq!(
            (c.page_size, c.transport.timeout_ms, c.account_id),
            (25, 30_000, None)
        );
    }

    #[test]
    fn full_config_is_read() {
        let c = Config::from_json(&json!({
            "apiBase": "/rest/v3.1/", "accountId": "1234567", "username": "SL1", "apiKey": "k",
            "credentials": "include", "lang": "es-MX", "pageSize": 50, "timeoutMs": 5000,
            "emailTypes": {"Canceled": "FulfillmentEmail"}
        }))
        .unwrap();
        assert_eq!(c.api_base, "/rest/v3.1");
        assert_eq!(c.account_id, Some(1234567));
        assert_eq!(
            c.transport.auth,
            Auth::Basic {
                username: "SL1".into(),
                api_key: "k".into()
            }
        );
        assert_eq!(
            (c.transport.credentials, c.lang, c.page_size),
            (Credentials::Include, Some(Lang::Es), 50)
        );
    }

    #[test]
    fn unknown_key_is_named() {
        let e = Config::from_json(&json!({"apibase": "/x"})).unwrap_err();
        assert_eq!(e, ConfigError::UnknownKey("apibase".into()));
        assert!(e
            .to_string()
            .contains("unknown configuration key \"apibase\""));
    }

    #[test]
    fn wrong_types_are_named() {
        assert_eq!(
            Config::from_json(&json!({"pageSize": 30})).unwrap_err(),
            wrong("pageSize", "25, 50 or 100")
        );
        assert_eq!(
            Config::from_json(&json!({"token": 5})).unwrap_err(),
            wrong("token", "a string")
        );
        assert!(matches!(
            Config::from_json(&json!({"accountId": -3})),
            Err(ConfigError::WrongType {
                key: "accountId",
                ..
            })
        ));
        assert!(matches!(
            Config::from_json(&json!({"lang": "nl"})),
            Err(ConfigError::WrongType { key: "lang", .. })
        ));
        assert_eq!(
            Config::from_json(&json!([1])).unwrap_err(),
            ConfigError::NotAnObject
        );
    }

    #[test]
    fn lang_error_names_every_supported_language() {
        let text = Config::from_json(&json!({"lang": "zz"}))
            .unwrap_err()
            .to_string();
        assert_eq!(text, format!("ssl-orders: \"lang\" must be {LANG_CHOICES}"));
        let tags: Vec<_> = crate::i18n::supported_tags().collect();
        for tag in &tags {
            assert!(
                LANG_CHOICES.contains(&format!("\"{tag}\"")),
                "{tag}: {text}"
            );
        }
        assert_eq!(
            LANG_CHOICES.matches('"').count(),
            2 * tags.len(),
            "LANG_CHOICES names a language the widget does not speak: {text}"
        );
    }

    #[test]
    fn bad_urls_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "ftp://x",
            "//evil.example/rest",
            "api.softlayer.com",
            "https://",
            "/a b",
            "/\\evil.example/rest",
            "/\\/evil.example",
            "https://api.softlayer.com\\@evil.example/rest",
            "https://api.softlayer.com@evil.example/rest",
            "https://user:pass@api.softlayer.com/rest",
        ] {
            assert!(
                matches!(validate_base(bad), Err(ConfigError::BadUrl(_))),
                "{bad}"
            );
        }
        assert_eq!(
            validate_base("HTTPS://api.softlayer.com/rest/v3.1/").unwrap(),
            "HTTPS://api.softlayer.com/rest/v3.1"
        );
    }

    #[test]
    fn auth_forms_must_not_conflict() {
        assert_eq!(
            Config::from_json(&json!({"token": "t", "apiKey": "k"})).unwrap_err(),
            ConfigError::ConflictingAuth
        );
        assert_eq!(
            Config::from_json(&json!({"username": "u"})).unwrap_err(),
            ConfigError::IncompleteBasicAuth
        );
        assert_eq!(
            Config::from_json(&json!({"token": "t"}))
                .unwrap()
                .transport
                .auth,
            Auth::Bearer("t".into())
        );
    }

    #[test]
    fn expiring_days_default_to_30_and_take_a_number_or_the_attribute_text() {
        assert_eq!(Config::from_json(&json!({})).unwrap().expiring_days, 30);
        for (given, days) in [
            (json!(60), 60),
            (json!("7"), 7),
            (json!(" 90 "), 90),
            (json!(1), 1),
            (json!(365), 365),
        ] {
            let config = Config::from_json(&json!({ "expiringDays": given })).unwrap();
            assert_eq!(config.expiring_days, days, "{given}");
        }
    }

    #[test]
    fn expiring_days_outside_a_year_or_not_whole_are_refused_by_name() {
        for bad in [
            json!(0),
            json!(366),
            json!(-5),
            json!(30.5),
            json!("30 days"),
            json!(""),
            json!(true),
            json!([30]),
            json!(4294967326u64),
        ] {
            let error = Config::from_json(&json!({ "expiringDays": bad })).unwrap_err();
            assert_eq!(
                error.to_string(),
                "ssl-orders: \"expiringDays\" must be a whole number of days from 1 to 365",
                "{bad}"
            );
        }
    }

    #[test]
    fn email_types_accept_object_or_json_text() {
        let from_text = parse_email_types(&json!("{\"Complete\": null}")).unwrap();
        let from_object = parse_email_types(&json!({"Complete": "none"})).unwrap();
        assert_eq!(from_text, from_object);
        assert!(parse_email_types(&json!({"Complete": "PostCard"})).is_err());
    }
}
