//! Deterministic seeded data set: SSL certificate orders, request statuses and the account object.

use base64::Engine as _;
use serde_json::{json, Map, Value};

use time::{Date, Duration, Month, Time};

use crate::dates::{central_local_to_epoch, date, format_central, utc_date, LAST_SECOND};

/// First order id of the configured account (unless `POST /_emulator/dataset` names another);
/// ids then increase by one. Order ids are u64 throughout, never f64, so ids above 2^53 stay exact.
pub const FIRST_ORDER_ID: u64 = 40_001;
/// The account that owns [`OTHER_ACCOUNT_ORDER_IDS`]; its orders never appear in the list call.
pub const OTHER_ACCOUNT_ID: i64 = 7_654_321;
/// Fixed ids (independent of `--orders`) of orders that belong to [`OTHER_ACCOUNT_ID`].
pub const OTHER_ACCOUNT_ORDER_IDS: [u64; 3] = [39_901, 39_902, 39_903];

/// Status ids of the default status list.
pub const STATUS_PENDING: i64 = 1;
pub const STATUS_APPROVED: i64 = 2;
pub const STATUS_COMPLETE: i64 = 3;
pub const STATUS_CANCELED: i64 = 4;

/// splitmix64: tiny, fast and fully deterministic, which is all a fixture generator needs.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-enough integer in `0..n` (modulo bias is irrelevant for fixtures). `n` must be > 0.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Integer in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1);
        lo + i64::try_from(self.below(span)).unwrap_or(0)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let len = u64::try_from(items.len()).unwrap_or(1);
        &items[usize::try_from(self.below(len)).unwrap_or(0)]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The default `getSslRequestStatuses` answer. Names follow the status service's description; the
/// real ids and exact names are unverified, which is why the control API can replace this list.
pub fn default_statuses() -> Vec<Value> {
    vec![
        json!({"id": STATUS_PENDING, "name": "Pending CA Approval",
               "description": "Waiting for the certificate authority to approve the order."}),
        json!({"id": STATUS_APPROVED, "name": "Approved",
               "description": "The certificate authority approved the order and sent the fulfillment email."}),
        json!({"id": STATUS_COMPLETE, "name": "Complete",
               "description": "The SSL certificate order is complete."}),
        json!({"id": STATUS_CANCELED, "name": "Canceled",
               "description": "The order was rejected by the certificate authority."}),
    ]
}

/// The `SoftLayer_Account` object served by `SoftLayer_Account/getObject`.
pub fn account_object(account_id: i64) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), json!(account_id));
    m.insert("companyName".into(), json!("Northwind Traders Demo"));
    m.insert("email".into(), json!("it-admin@northwind-traders.com"));
    m
}

/// (validity in years, description) of the certificate products, as `orderItem.description`.
const CERT_TYPES: [(i32, &str); 7] = [
    (1, "RapidSSL - 1 year"),
    (2, "RapidSSL - 2 years"),
    (1, "GeoTrust QuickSSL Premium - 1 year"),
    (2, "GeoTrust QuickSSL Premium - 2 years"),
    (1, "GeoTrust True BusinessID - 1 year"),
    (1, "Symantec Secure Site - 1 year"),
    (2, "Symantec Secure Site Pro with EV - 2 years"),
];

const SUBDOMAINS: [&str; 12] = [
    "www", "www", "shop", "api", "mail", "portal", "secure", "app", "store", "login", "vpn", "",
];
const NAMES: [&str; 22] = [
    "northwind-traders",
    "example",
    "contoso",
    "fabrikam",
    "adventure-works",
    "tailspin-toys",
    "wingtip-toys",
    "litware",
    "proseware",
    "alpine-ski-house",
    "blue-yonder-airlines",
    "coho-winery",
    "fourth-coffee",
    "woodgrove-bank",
    "margies-travel",
    "lucerne-publishing",
    "wide-world-importers",
    "trey-research",
    "humongous-insurance",
    "relecloud",
    "southridge-video",
    "bellows-college",
];
const TLDS: [&str; 10] = [
    "com", "com", "org", "net", "co.uk", "io", "de", "ca", "com.au", "nl",
];
/// Internationalised domains as (subdomain, registered domain), to exercise non-ASCII rendering.
const IDN_DOMAINS: [(&str, &str); 10] = [
    ("", "café-del-mar.es"),
    ("", "münchen-reisen.de"),
    ("bücher", "example.de"),
    ("", "例え.jp"),
    ("www", "ελληνικά.gr"),
    ("shop", "señor-tacos.mx"),
    ("", "københavn-cykler.dk"),
    ("www", "zürich-uhren.ch"),
    ("", "пример.рф"),
    ("www", "straße-und-söhne.de"),
];
const APPROVER_PREFIXES: [&str; 4] = ["admin", "hostmaster", "webmaster", "administrator"];
const TECH_PREFIXES: [&str; 6] = ["ops", "it", "dev", "security", "noc", "j.smith"];

/// Everything the generator needs to know about a time span, in UTC seconds.
struct Span {
    from: i64,
    to: i64,
}

/// Orders are created between January 2019 and the product's end of marketing (April 2024).
fn create_span() -> Span {
    Span {
        from: central_local_to_epoch(const { date(2019, Month::January, 2) }, Time::MIDNIGHT),
        to: central_local_to_epoch(const { date(2024, Month::April, 14) }, Time::MIDNIGHT),
    }
}

fn domain(rng: &mut SplitMix64) -> (String, String) {
    if rng.chance(10) {
        let (sub, reg) = *rng.pick(&IDN_DOMAINS);
        let cn = if sub.is_empty() {
            reg.to_string()
        } else {
            format!("{sub}.{reg}")
        };
        return (cn, reg.to_string());
    }
    let sub = *rng.pick(&SUBDOMAINS);
    let reg = format!("{}.{}", rng.pick(&NAMES), rng.pick(&TLDS));
    let cn = if sub.is_empty() {
        reg.clone()
    } else {
        format!("{sub}.{reg}")
    };
    (cn, reg)
}

/// A fake PEM CSR of about 1 KB: random bytes around the common name, base64 in 64-column lines.
fn fake_csr(rng: &mut SplitMix64, common_name: &str) -> String {
    let mut der = Vec::with_capacity(760);
    der.extend_from_slice(&[0x30, 0x82, 0x02, 0xE8, 0x30, 0x82, 0x01, 0xD0]);
    der.extend_from_slice(common_name.as_bytes());
    while der.len() < 740 {
        der.extend_from_slice(&rng.next_u64().to_le_bytes());
    }
    let b64 = base64::engine::general_purpose::STANDARD.encode(&der);
    let mut pem = String::with_capacity(b64.len() + 120);
    pem.push_str("-----BEGIN CERTIFICATE REQUEST-----\n");
    for line in b64.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE REQUEST-----\n");
    pem
}

/// Adds whole years to a date, turning 29 February into 28 February in common years.
fn add_years(day: Date, years: i32) -> Date {
    let year = day.year() + years;
    let dom = day.day().min(time::util::days_in_month(day.month(), year));
    // Only a year beyond 9999 could fail, and the generator's dates end in 2026.
    Date::from_calendar_date(year, day.month(), dom).unwrap_or(day)
}

struct OrderSeed<'a> {
    id: u64,
    account_id: i64,
    status_id: i64,
    created: i64,
    item_id: i64,
    order_id: i64,
    statuses: &'a [Value],
}

fn build_order(rng: &mut SplitMix64, s: &OrderSeed<'_>) -> Map<String, Value> {
    let (cn, registered) = domain(rng);
    let (years, cert_type) = *rng.pick(&CERT_TYPES);
    let approver = format!("{}@{registered}", rng.pick(&APPROVER_PREFIXES));
    let technical = format!("{}@{registered}", rng.pick(&TECH_PREFIXES));
    let csr = fake_csr(rng, &cn);

    let mut m = Map::new();
    m.insert("id".into(), json!(s.id));
    m.insert("accountId".into(), json!(s.account_id));
    m.insert("commonName".into(), json!(cn));
    m.insert("approverEmailAddress".into(), json!(approver));
    m.insert("technicalContactEmailAddress".into(), json!(technical));
    m.insert("certificateSigningRequest".into(), json!(csr));
    m.insert("createDate".into(), json!(format_central(s.created)));

    let issued = matches!(s.status_id, STATUS_APPROVED | STATUS_COMPLETE);
    let modified = if issued {
        // The CA issues one to three days after the order; validity runs from local midnight to
        // 23:59:59 on the anniversary, as in the documentation's sample.
        let day = utc_date(s.created) + Duration::days(rng.range(1, 3));
        let effective = central_local_to_epoch(day, Time::MIDNIGHT);
        let expiration = central_local_to_epoch(add_years(day, years), LAST_SECOND);
        m.insert("effectiveDate".into(), json!(format_central(effective)));
        m.insert("expirationDate".into(), json!(format_central(expiration)));
        effective + rng.range(3_600, 5 * 86_400)
    } else {
        s.created + rng.range(600, 10 * 86_400)
    };
    m.insert("modifyDate".into(), json!(format_central(modified)));
    m.insert("statusId".into(), json!(s.status_id));
    if let Some(status) = s
        .statuses
        .iter()
        .find(|st| st.get("id").and_then(Value::as_i64) == Some(s.status_id))
    {
        m.insert("status".into(), status.clone());
    }
    m.insert(
        "orderItem".into(),
        json!({"id": s.item_id, "description": cert_type}),
    );
    m.insert(
        "order".into(),
        json!({"id": s.order_id, "createDate": format_central(s.created - rng.range(5, 90))}),
    );
    m
}

/// Status of the `index`-th order: the first four cover every status (Pending, Approved, Complete,
/// Canceled, in that order) so tests can rely on ids 40001..=40004; the rest are weighted like a
/// real, mostly historical account.
fn status_for(rng: &mut SplitMix64, index: usize) -> i64 {
    match index {
        0 => STATUS_PENDING,
        1 => STATUS_APPROVED,
        2 => STATUS_COMPLETE,
        3 => STATUS_CANCELED,
        _ => match rng.below(100) {
            0..=14 => STATUS_PENDING,
            15..=29 => STATUS_APPROVED,
            30..=84 => STATUS_COMPLETE,
            _ => STATUS_CANCELED,
        },
    }
}

/// Generates `count` orders for `account_id` (ids from [`FIRST_ORDER_ID`], ascending with their
/// createDate) plus the three orders of [`OTHER_ACCOUNT_ID`]. Same inputs give identical output.
pub fn generate_orders(
    count: usize,
    seed: u64,
    account_id: i64,
    statuses: &[Value],
) -> Vec<Map<String, Value>> {
    generate_orders_from(count, seed, FIRST_ORDER_ID, account_id, statuses)
}

/// [`generate_orders`] with ids from `first_id`; the first id changes nothing but the ids.
pub fn generate_orders_from(
    count: usize,
    seed: u64,
    first_id: u64,
    account_id: i64,
    statuses: &[Value],
) -> Vec<Map<String, Value>> {
    let mut rng = SplitMix64::new(seed);
    let span = create_span();
    // Ids grow with time at SoftLayer, so sort the creation instants before handing them out.
    let mut created: Vec<i64> = (0..count).map(|_| rng.range(span.from, span.to)).collect();
    created.sort_unstable();

    let mut orders = Vec::with_capacity(count + OTHER_ACCOUNT_ORDER_IDS.len());
    let mut item_id = 97_000_000;
    let mut order_id = 60_000_000;
    for (index, created_at) in created.into_iter().enumerate() {
        item_id += rng.range(40, 900);
        order_id += rng.range(20, 400);
        let status_id = status_for(&mut rng, index);
        let id = first_id.saturating_add(u64::try_from(index).unwrap_or(u64::MAX));
        let seed = OrderSeed {
            id,
            account_id,
            status_id,
            created: created_at,
            item_id,
            order_id,
            statuses,
        };
        orders.push(build_order(&mut rng, &seed));
    }

    // A separate stream keeps the other account's orders stable whatever `count` is.
    let mut other = SplitMix64::new(seed ^ 0x5EED_0F07_4E12_0CC7);
    for (i, id) in OTHER_ACCOUNT_ORDER_IDS.into_iter().enumerate() {
        let seed = OrderSeed {
            id,
            account_id: OTHER_ACCOUNT_ID,
            status_id: [STATUS_COMPLETE, STATUS_PENDING, STATUS_APPROVED][i],
            created: other.range(span.from, span.to),
            item_id: 96_000_000 + other.range(0, 999_999),
            order_id: 59_000_000 + other.range(0, 999_999),
            statuses,
        };
        orders.push(build_order(&mut other, &seed));
    }
    orders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_deterministic() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(SplitMix64::new(7).next_u64(), SplitMix64::new(8).next_u64());
    }

    #[test]
    fn never_issued_orders_have_no_validity_dates() {
        let orders = generate_orders(200, 3, 1, &default_statuses());
        for o in &orders {
            let issued = matches!(
                o["statusId"].as_i64(),
                Some(STATUS_APPROVED | STATUS_COMPLETE)
            );
            assert_eq!(o.contains_key("effectiveDate"), issued);
            assert_eq!(o.contains_key("expirationDate"), issued);
        }
    }

    #[test]
    fn expiration_follows_certificate_type() {
        let orders = generate_orders(100, 11, 1, &default_statuses());
        for o in orders.iter().filter(|o| o.contains_key("expirationDate")) {
            let desc = o["orderItem"]["description"].as_str().unwrap_or_default();
            let years = if desc.ends_with("2 years") { 2 } else { 1 };
            let eff: i64 = o["effectiveDate"].as_str().unwrap_or_default()[..4]
                .parse()
                .unwrap_or_default();
            let exp: i64 = o["expirationDate"].as_str().unwrap_or_default()[..4]
                .parse()
                .unwrap_or_default();
            assert_eq!(exp - eff, years, "{o:?}");
        }
    }

    #[test]
    fn add_years_clamps_leap_day() {
        let leap = date(2024, Month::February, 29);
        assert_eq!(add_years(leap, 1), date(2025, Month::February, 28));
        assert_eq!(add_years(leap, 4), date(2028, Month::February, 29));
        let march = date(2024, Month::March, 1);
        assert_eq!(add_years(march, 1), date(2025, Month::March, 1));
    }
}
