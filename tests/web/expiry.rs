//! Expiry at a glance: the Expires cell's relative phrase and status word against a fixed clock, the
//! `expiringDays` threshold, and the expiry filter with the status filter.

use crate::support::{
    alert_text, choose, config, control, create_element, element_attributes, element_error,
    mount_fresh, row, tick, wait_for_element_state, wait_until, FixedClock, Fixture, TOKEN,
};
use serde_json::{json, Value};
use ssl_orders::events::LOADED;
use ssl_orders::i18n::Lang;
use ssl_orders::Config;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// 2026-11-30T12:00:00Z: what `Date.now()` says while these tests run.
const NOW: i64 = 1_796_040_000_000;
const DAY: i64 = 86_400_000;

/// An API date (UTC) `ms` milliseconds from [`NOW`].
fn from_now(ms: i64) -> String {
    js_sys::Date::new(&((NOW + ms) as f64).into())
        .to_iso_string()
        .as_string()
        .unwrap()
}

fn issued(id: u64, name: &str, status: (u64, &str), expires_in_ms: i64) -> Value {
    json!({"id": id, "commonName": name, "approverEmailAddress": format!("admin@{name}"),
           "statusId": status.0, "status": {"id": status.0, "name": status.1},
           "createDate": from_now(-400 * DAY), "expirationDate": from_now(expires_in_ms)})
}

const COMPLETE: (u64, &str) = (3, "Complete");
const CANCELED: (u64, &str) = (4, "Canceled");

/// Orders at the boundaries, installed in the emulator; a widget over them, ready, with the clock at [`NOW`].
async fn at_the_boundaries(config: Config) -> (Fixture, FixedClock) {
    control("POST", "reset", None).await;
    control(
        "PUT",
        "orders",
        Some(json!([
            issued(50001, "expired.example", COMPLETE, -1_000),
            issued(50002, "soon.example", COMPLETE, 12 * DAY),
            issued(50003, "edge.example", COMPLETE, 30 * DAY),
            issued(50004, "later.example", COMPLETE, 30 * DAY + 1_000),
            issued(50005, "old.example", COMPLETE, -(3 * 365 + 30) * DAY),
            issued(50006, "dropped.example", CANCELED, 5 * DAY),
            {"id": 50007, "commonName": "pending.example", "statusId": 1,
             "status": {"id": 1, "name": "Pending CA Approval"}, "createDate": from_now(-DAY)},
        ])),
    )
    .await;
    let clock = FixedClock::at(NOW);
    let f = mount_fresh(config);
    f.wait_for_state("ready").await;
    (f, clock)
}

/// The Expires cell of order `id`: its relative phrase and its status word ("" when none).
fn expiry_of(f: &Fixture, id: u64) -> (String, String) {
    let cell = row(f, id).query_selector("td.expires").unwrap().unwrap();
    let text = |selector: &str| {
        cell.query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    (text(".relative"), text("[part=expiry-status]"))
}

/// The common names of the rows shown, in order.
fn names(f: &Fixture) -> Vec<String> {
    f.all("tbody tr[part=row] th .cell-text")
        .iter()
        .filter_map(|e| e.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn the_expires_cell_keeps_the_date_and_says_how_far_it_is_and_whether_it_needs_attention() {
    let (f, _clock) = at_the_boundaries(config()).await;
    let pair = |phrase: &str, word: &str| (phrase.to_owned(), word.to_owned());
    assert_eq!(expiry_of(&f, 50001), pair("1 second ago", "Expired"));
    assert_eq!(expiry_of(&f, 50002), pair("in 12 days", "Expiring soon"));
    assert_eq!(
        expiry_of(&f, 50003),
        pair("in 30 days", "Expiring soon"),
        "exactly 30 days left is within 30 days"
    );
    assert_eq!(expiry_of(&f, 50004), pair("in 31 days", ""));
    assert_eq!(expiry_of(&f, 50005), pair("3 years ago", "Expired"));
    // The date stays, as a <time>; a never-issued order says so and has neither phrase nor word.
    let date = row(&f, 50002)
        .query_selector("td.expires time")
        .unwrap()
        .unwrap();
    assert!(date
        .get_attribute("datetime")
        .unwrap()
        .starts_with("2026-12-12"));
    assert_eq!(expiry_of(&f, 50007), pair("", ""));
    assert!(row(&f, 50007)
        .query_selector("td.expires")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("Not issued"));
}

#[wasm_bindgen_test]
async fn the_phrases_and_words_follow_the_widgets_locale() {
    let mut cfg = config();
    cfg.lang = Some(Lang::Es);
    let (f, _clock) = at_the_boundaries(cfg).await;
    let (phrase, word) = expiry_of(&f, 50005);
    assert_eq!(
        (phrase.as_str(), word.as_str()),
        ("hace 3 años", "Caducado")
    );
    let (phrase, word) = expiry_of(&f, 50002);
    assert_eq!(
        (phrase.as_str(), word.as_str()),
        ("dentro de 12 días", "Caduca pronto")
    );
    let option = f.text("select[part=expiry-filter] option[value=expiring]");
    assert_eq!(option, "Caduca en 30 días o menos");
}

#[wasm_bindgen_test]
async fn expiring_days_moves_the_threshold() {
    let mut cfg = config();
    cfg.expiring_days = 7;
    let (f, _clock) = at_the_boundaries(cfg).await;
    assert_eq!(expiry_of(&f, 50002).1, "", "12 days left is not within 7");
    assert_eq!(expiry_of(&f, 50006).1, "Expiring soon");
    assert_eq!(expiry_of(&f, 50001).1, "Expired");
    assert_eq!(
        f.text("select[part=expiry-filter] option[value=expiring]"),
        "Expiring within 7 days"
    );
}

#[wasm_bindgen_test]
async fn the_expiry_filter_keeps_expired_or_expiring_orders_and_applies_with_the_status_filter() {
    let (f, _clock) = at_the_boundaries(config()).await;
    choose(&f, "select[part=expiry-filter]", "expired").await;
    assert_eq!(names(&f), ["old.example", "expired.example"]);
    choose(&f, "select[part=expiry-filter]", "expiring").await;
    assert_eq!(
        names(&f),
        ["dropped.example", "soon.example", "edge.example"]
    );
    // Both filters must hold: the complete certificates to renew, without the cancelled order.
    choose(&f, "select[part=status-filter]", "Complete").await;
    assert_eq!(names(&f), ["soon.example", "edge.example"]);
    assert_eq!(f.text(".pager .range"), "1–2 of 2");
    choose(&f, "select[part=status-filter]", "Canceled").await;
    assert_eq!(names(&f), ["dropped.example"]);
    choose(&f, "select[part=expiry-filter]", "").await;
    choose(&f, "select[part=status-filter]", "").await;
    assert_eq!(names(&f).len(), 7);
}

#[wasm_bindgen_test]
async fn every_row_and_the_filter_measure_against_one_now_taken_when_the_list_arrives() {
    let (f, clock) = at_the_boundaries(config()).await;
    // Twenty days later, with the same list: the cells and the filter still agree with each other.
    clock.set(NOW + 20 * DAY);
    choose(&f, "select[part=expiry-filter]", "expiring").await;
    assert_eq!(
        names(&f),
        ["dropped.example", "soon.example", "edge.example"]
    );
    assert_eq!(expiry_of(&f, 50002).0, "in 12 days");
    choose(&f, "select[part=expiry-filter]", "").await;
    f.all("thead th button")[0]
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(expiry_of(&f, 50004).0, "in 31 days", "a sort keeps the now");
    // A reload takes a new now.
    f.get("button.refresh").click();
    wait_until("the second list", || f.events_named(LOADED).len() == 2).await;
    f.wait_for_state("ready").await;
    tick().await;
    assert_eq!(
        expiry_of(&f, 50002),
        ("8 days ago".to_owned(), "Expired".to_owned())
    );
    assert_eq!(expiry_of(&f, 50004).0, "in 11 days");
    choose(&f, "select[part=expiry-filter]", "expiring").await;
    assert_eq!(names(&f), ["edge.example", "later.example"]);
}

#[wasm_bindgen_test]
async fn the_expiring_days_attribute_sets_the_threshold_and_a_bad_one_is_refused_by_name() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[("expiring-days", "0")]), TOKEN);
    wait_until("config error", || element_error(&el).is_some()).await;
    let message = element_error(&el).unwrap();
    assert_eq!(
        message,
        "ssl-orders: \"expiringDays\" must be a whole number of days from 1 to 365"
    );
    assert_eq!(alert_text(&el), message);
    el.set_attribute("expiring-days", "45").unwrap();
    wait_for_element_state(&el, "ready").await;
    let option = el
        .shadow_root()
        .unwrap()
        .query_selector("select[part=expiry-filter] option[value=expiring]")
        .unwrap()
        .and_then(|o| o.text_content());
    assert_eq!(option.as_deref(), Some("Expiring within 45 days"));
    el.remove();
}
