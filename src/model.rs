//! The orders as the widget sees them: lenient decoding, dates, sorting, filtering, paging and the email policy.
//!
//! Nothing here touches the DOM, so every rule is covered by native `cargo test`s.

use crate::json::Json;
use std::cmp::Ordering;

/// One SSL certificate order (`SoftLayer_Security_Certificate_Request`), decoded leniently.
///
/// Every field but the row index is optional: the API leaves out empty properties, and a hostile or
/// broken payload may carry `null` or a number where a string belongs. Such a field shows as absent
/// instead of failing the whole list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Order {
    /// The request id, the init parameter of `resendEmail` (it also tells repeated chunks apart). `None`
    /// when the API sent no id, or one above 2^53 - 1 that `JSON.parse` cannot read exactly: the row is
    /// still shown, without a Send action.
    pub id: Option<u64>,
    pub common_name: Option<String>,
    pub approver_email: Option<String>,
    pub certificate_type: Option<String>,
    pub status_name: Option<String>,
    pub status_description: Option<String>,
    pub create_date: Option<Timestamp>,
    pub expiration_date: Option<Timestamp>,
}

/// A moment from the API, kept with the offset it was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp {
    /// Milliseconds since the Unix epoch (UTC).
    pub epoch_ms: i64,
    /// The offset the API wrote, in minutes east of UTC (US Central is -360 or -300).
    pub offset_minutes: i32,
}

/// The largest id a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`, 2^53 - 1).
pub const MAX_EXACT_ID: u64 = (1 << 53) - 1;

impl Order {
    /// The id a resend may use: one that event details, read as JavaScript numbers, carry exactly. An
    /// order with a larger id is shown but offers no Send, so no host ever sees another order's id.
    pub fn resend_id(&self) -> Option<u64> {
        self.id.filter(|id| *id <= MAX_EXACT_ID)
    }

    /// Decodes one element of a `getSslCertificateRequests` answer.
    pub fn from_json<J: Json>(value: &J) -> Order {
        let text = |v: Option<J>| v.and_then(|v| v.as_str());
        let date = |key: &str| {
            value
                .get(key)
                .and_then(|v| v.as_str())
                .and_then(|s| parse_api_datetime(&s))
        };
        let status = value.get("status");
        Order {
            id: value.get("id").and_then(|v| v.as_u64()),
            common_name: text(value.get("commonName")),
            approver_email: text(value.get("approverEmailAddress")),
            certificate_type: text(value.get("orderItem").and_then(|i| i.get("description"))),
            status_name: text(status.as_ref().and_then(|s| s.get("name"))),
            status_description: text(status.and_then(|s| s.get("description"))),
            create_date: date("createDate"),
            expiration_date: date("expirationDate"),
        }
    }
}

/// Parses an ISO 8601 `dateTime` as the SoftLayer API writes it (`2007-07-19T15:21:48-05:00`), honouring the
/// offset. Also accepts `Z`, fractional seconds and a missing offset (read as UTC). `None` for anything else.
pub fn parse_api_datetime(s: &str) -> Option<Timestamp> {
    let b = s.trim().as_bytes();
    // At most four ASCII digits, read as a number without `str::parse`'s general (and larger) code.
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(r)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !matches!(b.get(10), Some(b'T' | b' '))
    {
        return None;
    }
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &b[19..];
    let mut millis = 0i64;
    if let Some((b'.', frac)) = rest.split_first() {
        let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        for (i, d) in frac[..digits.min(3)].iter().enumerate() {
            millis += i64::from(d - b'0') * [100, 10, 1][i];
        }
        rest = &frac[digits..];
    }
    let offset_minutes: i32 = match rest {
        [] | [b'Z'] | [b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [*h1, *h2, *m1, *m2];
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let h = i32::from((h1 - b'0') * 10 + (h2 - b'0'));
            let m = i32::from((m1 - b'0') * 10 + (m2 - b'0'));
            if h > 23 || m > 59 {
                return None;
            }
            if *sign == b'-' {
                -(h * 60 + m)
            } else {
                h * 60 + m
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let local_secs = days * 86_400 + hour * 3_600 + minute * 60 + second;
    let utc_secs = local_secs - i64::from(offset_minutes) * 60;
    Some(Timestamp {
        epoch_ms: utc_secs * 1_000 + millis,
        offset_minutes,
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A sortable column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    CommonName,
    CertificateType,
    Status,
    Ordered,
    Expires,
}

impl Column {
    /// Every data column, in display order.
    pub const ALL: [Column; 5] = [
        Column::CommonName,
        Column::CertificateType,
        Column::Status,
        Column::Ordered,
        Column::Expires,
    ];
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    /// The value of `aria-sort` for a column sorted this way.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }
}

/// Which column the table is sorted by, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub direction: Direction,
}

impl Default for Sort {
    /// The portal's default: expiration date, oldest first (expired certificates come first).
    fn default() -> Self {
        Sort {
            column: Column::Expires,
            direction: Direction::Ascending,
        }
    }
}

impl Sort {
    /// The sort after a click on `column`'s header: the same column flips, another starts ascending.
    pub fn toggled(self, column: Column) -> Sort {
        if self.column == column {
            let direction = match self.direction {
                Direction::Ascending => Direction::Descending,
                Direction::Descending => Direction::Ascending,
            };
            Sort { column, direction }
        } else {
            Sort {
                column,
                direction: Direction::Ascending,
            }
        }
    }
}

/// Sorts `orders` in place; see [`sorted_indices`] for the rules.
pub fn sort_orders(orders: &mut [Order], sort: Sort) {
    let order = sorted_indices(orders, (0..orders.len()).collect(), sort);
    let sorted: Vec<Order> = order.iter().map(|&i| orders[i].clone()).collect();
    orders.clone_from_slice(&sorted);
}

/// What a row is sorted by, computed once per row rather than once per comparison.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    /// Case-folded first so "b" sorts between "A" and "C"; the original breaks ties.
    Text(String, String),
    Date(i64),
}

fn sort_value(order: &Order, column: Column) -> Option<SortValue> {
    let text = |s: &Option<String>| s.as_ref().map(|s| SortValue::Text(fold_case(s), s.clone()));
    match column {
        Column::CommonName => text(&order.common_name),
        Column::CertificateType => text(&order.certificate_type),
        Column::Status => text(&order.status_name),
        Column::Ordered => order.create_date.map(|t| SortValue::Date(t.epoch_ms)),
        Column::Expires => order.expiration_date.map(|t| SortValue::Date(t.epoch_ms)),
    }
}

/// Returns `indices` (positions in `orders`) in display order. Rows without a value in the sort column
/// (never-issued orders have no expiration) go last in both directions; ties keep a stable order by id, and
/// rows without an id keep their order in `indices`, so rows do not jump.
///
/// An unstable sort (smaller in the bundle than the stable one) with that last tie-breaker: no two rows
/// compare equal, so the order is the same as a stable sort's.
pub fn sorted_indices(orders: &[Order], indices: Vec<usize>, sort: Sort) -> Vec<usize> {
    let mut keyed: Vec<(Option<SortValue>, Option<u64>, usize, usize)> = indices
        .into_iter()
        .enumerate()
        .map(|(position, i)| {
            (
                sort_value(&orders[i], sort.column),
                orders[i].id,
                position,
                i,
            )
        })
        .collect();
    keyed.sort_unstable_by(|(a, a_id, a_position, _), (b, b_id, b_position, _)| {
        let values = match (a, b) {
            (Some(a), Some(b)) => match sort.direction {
                Direction::Ascending => a.cmp(b),
                Direction::Descending => b.cmp(a),
            },
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        values
            .then_with(|| a_id.cmp(b_id))
            .then(a_position.cmp(b_position))
    });
    keyed.into_iter().map(|(_, _, _, i)| i).collect()
}

/// What the user typed into the filter box and chose in the status filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Matched case-insensitively against the common name and the approver email.
    pub text: String,
    /// Exact status name to keep, or `None` for every status.
    pub status: Option<String>,
}

/// Lower-cases `text` for case-insensitive sorting, filtering and status matching.
///
/// In the browser, ASCII (domain names, most addresses and status names) is folded in place and anything
/// else by `String.prototype.toLowerCase`, the platform's Unicode case mapping: Rust's `to_lowercase`
/// would ship Unicode tables in the bundle for the same result. Native builds (the unit tests) use
/// `to_lowercase`, which implements the same Unicode default case mapping.
pub fn fold_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

/// What the text filter searches in an order, case-folded once per load instead of once per keystroke.
pub fn search_key(order: &Order) -> String {
    let mut key = fold_case(order.common_name.as_deref().unwrap_or_default());
    key.push('\n');
    key.push_str(&fold_case(
        order.approver_email.as_deref().unwrap_or_default(),
    ));
    key
}

impl Filter {
    /// Whether `order` passes this filter.
    pub fn matches(&self, order: &Order) -> bool {
        self.matches_with_key(order, &search_key(order))
    }

    /// [`Filter::matches`] with the order's [`search_key`] already computed.
    pub fn matches_with_key(&self, order: &Order, key: &str) -> bool {
        if let Some(status) = &self.status {
            if order.status_name.as_deref() != Some(status.as_str()) {
                return false;
            }
        }
        let needle = fold_case(self.text.trim());
        // The newline separates the two fields, so a needle never matches across them.
        needle.is_empty() || (!needle.contains('\n') && contains_text(key, &needle))
    }
}

/// Whether `text` contains `part`, compared as UTF-8 bytes: the same answer as `str::contains`, since a
/// UTF-8 sequence never matches inside another character's. Not `str::contains`: its two-way searcher
/// and the slicing-error path it links (char `Debug` formatting and Unicode printability tables) cost
/// several KB of bundle, for keys of a few dozen bytes.
pub fn contains_text(text: &str, part: &str) -> bool {
    let (text, part) = (text.as_bytes(), part.as_bytes());
    part.is_empty() || text.windows(part.len()).any(|window| window == part)
}

/// The hash set of the widget's de-duplications (loaded ids, status names): std's own table and hasher,
/// taken from the `hashbrown` crate that Leptos's `indexmap` already links, so the bundle carries one copy
/// of the table code instead of two (std's `HashSet` is a second build of the same crate).
pub type SeenSet<T> = hashbrown::HashSet<T, std::hash::RandomState>;

/// The status filter's choices: the API's status list in its order, then any other name the orders carry
/// (a list that failed to load, or a status the list does not know), each once. Linear in the orders: a
/// set of the names seen, so a long list with few statuses costs one lookup per order.
pub fn status_choices<'a>(
    known: impl IntoIterator<Item = &'a str>,
    orders: &'a [Order],
) -> Vec<String> {
    let mut seen = SeenSet::default();
    known
        .into_iter()
        .chain(orders.iter().filter_map(|o| o.status_name.as_deref()))
        .filter(|name| seen.insert(*name))
        .map(str::to_owned)
        .collect()
}

/// The page sizes a user can choose.
pub const PAGE_SIZES: [usize; 3] = [25, 50, 100];

/// One page of a list: which rows to show and how to describe them ("26–50 of 312").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageWindow {
    /// Zero-based page index, clamped to the last page.
    pub page: usize,
    /// How many pages there are (at least 1, so "page 1 of 1" holds for an empty list).
    pub pages: usize,
    /// Index of the first row shown.
    pub start: usize,
    /// Index one past the last row shown.
    pub end: usize,
    /// Rows in the whole (filtered) list.
    pub total: usize,
}

impl PageWindow {
    /// The window for zero-based `page` of `total` rows, `size` rows a page. A page beyond the end shows
    /// the last page, so deleting rows or narrowing a filter never strands the user on an empty page.
    pub fn new(total: usize, page: usize, size: usize) -> PageWindow {
        let size = size.max(1);
        let pages = total.div_ceil(size).max(1);
        let page = page.min(pages - 1);
        let start = (page * size).min(total);
        let end = (start + size).min(total);
        PageWindow {
            page,
            pages,
            start,
            end,
            total,
        }
    }
}

/// Which email the certificate authority can send again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmailType {
    /// The approval request to the domain administrator, while the CA waits for approval.
    Approver,
    /// The email carrying the issued certificate.
    Fulfillment,
}

impl EmailType {
    /// The exact `emailType` parameter of `resendEmail`.
    pub fn api_name(self) -> &'static str {
        match self {
            EmailType::Approver => "ApproverEmail",
            EmailType::Fulfillment => "FulfillmentEmail",
        }
    }

    /// Parses the API spelling, case-insensitively.
    pub fn from_api_name(s: &str) -> Option<EmailType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "approveremail" => Some(EmailType::Approver),
            "fulfillmentemail" => Some(EmailType::Fulfillment),
            _ => None,
        }
    }
}

/// What a status name means for the order's life cycle, whatever its exact wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusMeaning {
    PendingApproval,
    Approved,
    Complete,
    Canceled,
    Unknown,
}

/// Reads a status name by meaning: the real names are undocumented, so "Pending CA Approval",
/// "PENDING_APPROVAL" and "pending approval by CA" must all be understood alike.
pub fn status_meaning(name: &str) -> StatusMeaning {
    let n = fold_case(name);
    let has = |w: &str| contains_text(&n, w);
    if has("cancel") || has("reject") || has("revoked") || has("denied") {
        StatusMeaning::Canceled
    } else if has("pending") || has("waiting") || has("awaiting") {
        StatusMeaning::PendingApproval
    } else if has("complete") || has("issued") || has("fulfilled") {
        StatusMeaning::Complete
    } else if has("approved") {
        StatusMeaning::Approved
    } else {
        StatusMeaning::Unknown
    }
}

/// The default policy: approver email while pending approval, fulfillment email once approved or
/// complete, nothing for cancelled or unrecognised statuses.
pub fn default_email_for(status_name: &str) -> Option<EmailType> {
    match status_meaning(status_name) {
        StatusMeaning::PendingApproval => Some(EmailType::Approver),
        StatusMeaning::Approved | StatusMeaning::Complete => Some(EmailType::Fulfillment),
        StatusMeaning::Canceled | StatusMeaning::Unknown => None,
    }
}

/// The host's override of the policy: status name (matched case-insensitively) → email, or none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmailPolicy {
    overrides: Vec<(String, Option<EmailType>)>,
}

impl EmailPolicy {
    /// A policy with `overrides` taking precedence over [`default_email_for`].
    pub fn with_overrides(overrides: Vec<(String, Option<EmailType>)>) -> EmailPolicy {
        let overrides = overrides
            .into_iter()
            .map(|(name, email)| (fold_case(name.trim()), email))
            .collect();
        EmailPolicy { overrides }
    }

    /// Which email `order` may have sent again, if any.
    pub fn email_for(&self, order: &Order) -> Option<EmailType> {
        let name = order.status_name.as_deref()?;
        let key = fold_case(name.trim());
        match self.overrides.iter().find(|(n, _)| *n == key) {
            Some((_, email)) => *email,
            None => default_email_for(name),
        }
    }

    /// What a Send for `order` would ask for, when the order may have one: an id a resend may use
    /// ([`Order::resend_id`]), an email its status allows, and a recipient to show.
    pub fn sendable(&self, order: &Order) -> Option<(u64, EmailType)> {
        order.approver_email.as_ref()?;
        Some((order.resend_id()?, self.email_for(order)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn order(id: u64, name: &str, expires: Option<&str>) -> Order {
        Order {
            id: Some(id),
            common_name: Some(name.to_owned()),
            expiration_date: expires.and_then(parse_api_datetime),
            ..Order::default()
        }
    }

    fn ids(orders: &[Order]) -> Vec<u64> {
        orders.iter().filter_map(|o| o.id).collect()
    }

    #[test]
    fn parses_dates_with_their_offset() {
        let central = parse_api_datetime("2007-07-19T15:21:48-05:00").unwrap();
        let utc = parse_api_datetime("2007-07-19T20:21:48Z").unwrap();
        assert_eq!(central.epoch_ms, utc.epoch_ms);
        assert_eq!(central.offset_minutes, -300);
        assert_eq!(utc.epoch_ms, 1_184_876_508_000);
    }

    #[test]
    fn parses_positive_offsets_fractions_and_leap_days() {
        let t = parse_api_datetime("2024-02-29T00:30:00.250+05:30").unwrap();
        assert_eq!(
            t.epoch_ms,
            parse_api_datetime("2024-02-28T19:00:00Z").unwrap().epoch_ms + 250
        );
        assert_eq!(t.offset_minutes, 330);
    }

    #[test]
    fn rejects_malformed_dates() {
        for bad in [
            "",
            "2024-02-30T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "24-01-01T00:00:00Z",
            "2024-01-01",
            "2024-01-01T25:00:00Z",
            "2024-01-01T00:00:00+5:00",
            "<script>",
            "2024-01-01T00:00:00-06:00junk",
        ] {
            assert_eq!(parse_api_datetime(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn decodes_an_order_leniently() {
        let o = Order::from_json(&json!({
            "id": 40211, "commonName": "www.example.com", "approverEmailAddress": null,
            "status": {"name": "Complete", "description": 7}, "orderItem": {"description": "RapidSSL - 1 year"},
            "createDate": "2024-03-02T10:14:07-06:00", "expirationDate": "not a date"
        }));
        assert_eq!(o.id, Some(40211));
        assert_eq!(o.common_name.as_deref(), Some("www.example.com"));
        assert_eq!(o.approver_email, None);
        assert_eq!(o.status_description, None);
        assert_eq!(o.certificate_type.as_deref(), Some("RapidSSL - 1 year"));
        assert!(o.create_date.is_some());
        assert_eq!(o.expiration_date, None);
        assert_eq!(Order::from_json(&json!("nonsense")), Order::default());
    }

    /// The same cases run in the browser (`tests/web/table.rs`), where `fold_case` uses `toLowerCase`.
    const FOLD_CASES: [(&str, &str); 4] = [
        ("Shop.EXAMPLE.org", "shop.example.org"),
        ("ÉCOLE.example", "école.example"),
        ("ΟΔΟΣ", "οδος"),
        ("İstanbul", "i̇stanbul"),
    ];

    #[test]
    fn contains_text_answers_as_str_contains_also_past_ascii() {
        let texts = [
            "",
            "shop.example",
            "bücher-straße.de\nadmin@bücher.de",
            "日本語.jp",
            "é",
            "e\u{301}",
        ];
        let parts = [
            "",
            "shop",
            "ü",
            "straße.de\nadmin",
            "本語",
            "語.jp",
            "x",
            "e",
            "\u{301}",
            "é",
            "ücher-",
        ];
        for text in texts {
            for part in parts {
                assert_eq!(
                    contains_text(text, part),
                    text.contains(part),
                    "{text:?} {part:?}"
                );
            }
        }
    }

    #[test]
    fn fold_case_is_the_unicode_default_lower_case() {
        for (text, folded) in FOLD_CASES {
            assert_eq!(fold_case(text), folded, "{text}");
        }
    }

    #[test]
    fn an_id_a_javascript_number_cannot_hold_is_no_id_but_the_order_stays() {
        // Parsed from text, as the API sends it. `JSON.parse` rounds a larger id (2^53 + 1 reads as 2^53,
        // another order's id), so such an id is dropped: the row shows, without a Send action.
        let decode = |text: &str| Order::from_json(&crate::json::Parsed::parse(text).unwrap());
        let safe = decode(r#"{"id": 9007199254740991}"#);
        assert_eq!(
            (safe.id, safe.resend_id()),
            (Some(MAX_EXACT_ID), Some(MAX_EXACT_ID))
        );
        for text in [
            r#"{"id": 9007199254740992, "commonName": "huge.example"}"#,
            r#"{"id": 9007199254740993, "commonName": "huge.example"}"#,
            r#"{"id": 18446744073709551615, "commonName": "huge.example"}"#,
        ] {
            let order = decode(text);
            assert_eq!((order.id, order.resend_id()), (None, None), "{text}");
            assert_eq!(order.common_name.as_deref(), Some("huge.example"));
        }
    }

    #[test]
    fn default_sort_is_expiration_oldest_first_with_never_issued_last() {
        let mut list = vec![
            order(1, "never.example", None),
            order(2, "later.example", Some("2026-01-01T00:00:00-06:00")),
            order(3, "sooner.example", Some("2023-01-01T00:00:00-06:00")),
        ];
        sort_orders(&mut list, Sort::default());
        assert_eq!(ids(&list), [3, 2, 1]);
    }

    #[test]
    fn descending_keeps_missing_values_last() {
        let mut list = vec![
            order(1, "never.example", None),
            order(2, "later.example", Some("2026-01-01T00:00:00-06:00")),
            order(3, "sooner.example", Some("2023-01-01T00:00:00-06:00")),
        ];
        sort_orders(
            &mut list,
            Sort {
                column: Column::Expires,
                direction: Direction::Descending,
            },
        );
        assert_eq!(ids(&list), [2, 3, 1]);
    }

    #[test]
    fn every_column_sorts_both_ways() {
        let make = |id, name: &str, kind: &str, status: &str, created: &str| Order {
            id: Some(id),
            common_name: Some(name.into()),
            certificate_type: Some(kind.into()),
            status_name: Some(status.into()),
            create_date: parse_api_datetime(created),
            expiration_date: parse_api_datetime(created).map(|t| Timestamp {
                epoch_ms: t.epoch_ms * 2,
                ..t
            }),
            ..Order::default()
        };
        let base = vec![
            make(
                1,
                "b.example",
                "RapidSSL",
                "Complete",
                "2021-01-01T00:00:00Z",
            ),
            make(
                2,
                "A.example",
                "GeoTrust",
                "Approved",
                "2022-01-01T00:00:00Z",
            ),
            make(
                3,
                "c.example",
                "Symantec",
                "Canceled",
                "2020-01-01T00:00:00Z",
            ),
        ];
        let expected = [
            (Column::CommonName, [2, 1, 3]),
            (Column::CertificateType, [2, 1, 3]),
            (Column::Status, [2, 3, 1]),
            (Column::Ordered, [3, 1, 2]),
            (Column::Expires, [3, 1, 2]),
        ];
        for (column, ascending) in expected {
            let mut list = base.clone();
            sort_orders(
                &mut list,
                Sort {
                    column,
                    direction: Direction::Ascending,
                },
            );
            assert_eq!(ids(&list), ascending, "{column:?} ascending");
            sort_orders(
                &mut list,
                Sort {
                    column,
                    direction: Direction::Descending,
                },
            );
            let mut descending = ascending;
            descending.reverse();
            assert_eq!(ids(&list), descending, "{column:?} descending");
        }
    }

    #[test]
    fn ties_keep_id_order_in_both_directions() {
        let mut list = vec![
            order(9, "same", None),
            order(4, "same", None),
            order(6, "same", None),
        ];
        sort_orders(
            &mut list,
            Sort {
                column: Column::CommonName,
                direction: Direction::Descending,
            },
        );
        assert_eq!(ids(&list), [4, 6, 9]);
        sort_orders(
            &mut list,
            Sort {
                column: Column::CommonName,
                direction: Direction::Ascending,
            },
        );
        assert_eq!(ids(&list), [4, 6, 9]);
    }

    #[test]
    fn equal_rows_without_ids_keep_their_order_in_both_directions() {
        // Enough rows for the sort's partitioning to matter; names repeat, ids are absent.
        let orders: Vec<Order> = (0..200)
            .map(|i| Order {
                common_name: Some(["b", "a", "c"][i % 3].to_owned()),
                ..Order::default()
            })
            .collect();
        let kept: Vec<usize> = (0..200).rev().collect();
        for direction in [Direction::Ascending, Direction::Descending] {
            let sort = Sort {
                column: Column::CommonName,
                direction,
            };
            let sorted = sorted_indices(&orders, kept.clone(), sort);
            let mut expected = kept.clone();
            expected.sort_by(|a, b| {
                let (a, b) = (&orders[*a].common_name, &orders[*b].common_name);
                match direction {
                    Direction::Ascending => a.cmp(b),
                    Direction::Descending => b.cmp(a),
                }
            });
            assert_eq!(
                sorted, expected,
                "{direction:?}: as a stable sort of `indices`"
            );
        }
    }

    #[test]
    fn header_click_flips_the_same_column_and_resets_another() {
        let s = Sort::default().toggled(Column::Expires);
        assert_eq!(s.direction, Direction::Descending);
        assert_eq!(
            s.toggled(Column::Status),
            Sort {
                column: Column::Status,
                direction: Direction::Ascending
            }
        );
    }

    #[test]
    fn filter_matches_common_name_or_approver_email_case_insensitively() {
        let mut o = order(1, "Shop.Example.org", None);
        o.approver_email = Some("hostmaster@example.org".into());
        o.status_name = Some("Complete".into());
        let f = |text: &str, status: Option<&str>| Filter {
            text: text.into(),
            status: status.map(Into::into),
        };
        assert!(f("shop", None).matches(&o));
        assert!(f("HOSTMASTER", None).matches(&o));
        assert!(f("  ", None).matches(&o));
        assert!(!f("api.", None).matches(&o));
        assert!(f("shop", Some("Complete")).matches(&o));
        assert!(!f("shop", Some("Canceled")).matches(&o));
    }

    #[test]
    fn status_choices_keep_the_api_order_and_add_unknown_names_once() {
        let with_status = |s: &str| Order {
            status_name: Some(s.into()),
            ..Order::default()
        };
        let orders = [
            with_status("Complete"),
            with_status("On hold"),
            with_status("On hold"),
            Order::default(),
        ];
        assert_eq!(
            status_choices(["Pending CA Approval", "Complete"], &orders),
            ["Pending CA Approval", "Complete", "On hold"]
        );
        assert_eq!(status_choices([], &orders), ["Complete", "On hold"]);
    }

    #[test]
    fn status_choices_of_a_long_list_with_repeated_names_keep_the_first_seen_order() {
        let names: Vec<String> = (0..1_000).map(|i| format!("Status {i}")).collect();
        // 100,000 orders cycling through 1,000 names, the last ones first.
        let orders: Vec<Order> = (0..100_000)
            .map(|i| Order {
                status_name: Some(names[999 - i % 1_000].clone()),
                ..Order::default()
            })
            .collect();
        let choices = status_choices(["Status 5", "Pending CA Approval"], &orders);
        assert_eq!(choices.len(), 1_001);
        assert_eq!(
            choices[..4],
            [
                "Status 5",
                "Pending CA Approval",
                "Status 999",
                "Status 998"
            ]
        );
        assert_eq!(choices.last().map(String::as_str), Some("Status 0"));
    }

    #[test]
    fn page_window_arithmetic() {
        assert_eq!(
            PageWindow::new(312, 1, 25),
            PageWindow {
                page: 1,
                pages: 13,
                start: 25,
                end: 50,
                total: 312
            }
        );
        assert_eq!(
            PageWindow::new(312, 12, 25),
            PageWindow {
                page: 12,
                pages: 13,
                start: 300,
                end: 312,
                total: 312
            }
        );
        assert_eq!(PageWindow::new(312, 99, 100).page, 3);
        assert_eq!(
            PageWindow::new(0, 3, 25),
            PageWindow {
                page: 0,
                pages: 1,
                start: 0,
                end: 0,
                total: 0
            }
        );
        assert_eq!(PageWindow::new(50, 1, 25).end, 50);
    }

    #[test]
    fn policy_reads_status_names_by_meaning() {
        for name in [
            "Pending CA Approval",
            "PENDING_APPROVAL",
            "pending approval by CA",
            "Awaiting approval",
        ] {
            assert_eq!(default_email_for(name), Some(EmailType::Approver), "{name}");
        }
        for name in ["Approved", "APPROVED", "Complete", "completed", "Issued"] {
            assert_eq!(
                default_email_for(name),
                Some(EmailType::Fulfillment),
                "{name}"
            );
        }
        for name in [
            "Canceled",
            "Cancelled",
            "CANCELLED BY CA",
            "Rejected",
            "Something new",
        ] {
            assert_eq!(default_email_for(name), None, "{name}");
        }
    }

    #[test]
    fn host_override_takes_precedence() {
        let policy = EmailPolicy::with_overrides(vec![
            ("canceled".into(), Some(EmailType::Fulfillment)),
            ("Complete ".into(), None),
        ]);
        let with_status = |s: &str| Order {
            status_name: Some(s.into()),
            ..Order::default()
        };
        assert_eq!(
            policy.email_for(&with_status("Canceled")),
            Some(EmailType::Fulfillment)
        );
        assert_eq!(policy.email_for(&with_status("complete")), None);
        assert_eq!(
            policy.email_for(&with_status("Pending CA Approval")),
            Some(EmailType::Approver)
        );
        assert_eq!(policy.email_for(&Order::default()), None);
    }

    #[test]
    fn an_order_is_sendable_with_an_exact_id_an_allowed_status_and_a_recipient() {
        let policy = EmailPolicy::default();
        let order = Order {
            id: Some(40001),
            status_name: Some("Pending CA Approval".into()),
            approver_email: Some("admin@shop.example.org".into()),
            ..Order::default()
        };
        assert_eq!(policy.sendable(&order), Some((40001, EmailType::Approver)));
        let without = |change: fn(&mut Order)| {
            let mut order = order.clone();
            change(&mut order);
            policy.sendable(&order)
        };
        assert_eq!(without(|o| o.approver_email = None), None);
        assert_eq!(without(|o| o.id = None), None);
        assert_eq!(without(|o| o.id = Some(MAX_EXACT_ID + 1)), None);
        assert_eq!(without(|o| o.status_name = Some("Canceled".into())), None);
    }
}
