//! The table: sorting, text and status filters, paging, which email each order offers, locale.

use crate::support::{
    config, control, fixture, fixture_with, new_host, parsed, row, tick, wait_for_host_state,
};
use serde_json::json;
use ssl_orders::mount_widget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

#[wasm_bindgen_test]
async fn default_sort_is_expiration_ascending_and_a_header_click_flips_it() {
    let f = fixture().await;
    let headers = f.all("thead th");
    assert_eq!(
        headers[4].get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert_eq!(
        headers
            .iter()
            .filter(|h| h.has_attribute("aria-sort"))
            .count(),
        1,
        "aria-sort only on the sorted column"
    );
    let first_expiry = || f.get("tbody tr time").get_attribute("datetime").unwrap();
    let oldest = first_expiry();

    headers[4]
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    assert_eq!(
        f.all("thead th")[4].get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    assert!(first_expiry() > oldest, "the latest expiry comes first now");
    assert!(f
        .text("[role=status]")
        .contains("Sorted by Expires, descending"));

    f.all("thead th")[0]
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    let headers = f.all("thead th");
    assert_eq!(
        headers[0].get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    assert!(!headers[4].has_attribute("aria-sort"));
}

#[wasm_bindgen_test]
async fn the_filter_narrows_the_rows() {
    let f = fixture().await;
    let first_name = f.text("tbody tr th .cell-text");
    let input: web_sys::HtmlInputElement = f.get("input[type=search]").unchecked_into();
    input.set_value(&first_name);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    let rows = f.all("tbody tr[part=row]");
    assert!(!rows.is_empty() && rows.len() < 25);
    assert!(rows
        .iter()
        .all(|r| r.text_content().unwrap_or_default().contains(&first_name)));
    input.set_value("no-such-domain.invalid");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(f.text("tbody .no-match"), "No orders match the filter.");
}

#[wasm_bindgen_test]
async fn next_page_shows_the_rest() {
    let f = fixture().await;
    f.get(".pager button.next").click();
    tick().await;
    assert_eq!(f.all("tbody tr[part=row]").len(), 15);
    assert_eq!(f.text(".pager .range"), "26–40 of 40");
    assert!(f.get(".pager button.next").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn spanish_uses_the_portal_labels() {
    let mut cfg = config();
    cfg.lang = Some(ssl_orders::i18n::Lang::Es);
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    assert_eq!(f.text("tbody button.send"), "Enviar");
    f.open_first_send().await;
    assert_eq!(
        f.text("dialog button.confirm"),
        "Reenviar correo electrónico"
    );
    assert_eq!(f.text("dialog button.cancel"), "Cancelar");
}

#[wasm_bindgen_test]
async fn pending_orders_offer_the_approval_email_and_cancelled_ones_none() {
    let mut cfg = config();
    cfg.page_size = 100;
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    // The emulator's first four orders: 40001 pending, 40002 approved, 40003 complete, 40004 cancelled.
    let label = |id| {
        row(&f, id)
            .query_selector("button.send")
            .unwrap()
            .and_then(|b| b.get_attribute("aria-label"))
    };
    assert!(label(40001)
        .unwrap()
        .starts_with("Send approval email for "));
    assert!(label(40002)
        .unwrap()
        .starts_with("Send fulfillment email for "));
    assert!(label(40003)
        .unwrap()
        .starts_with("Send fulfillment email for "));
    assert_eq!(label(40004), None);
    assert!(row(&f, 40004)
        .text_content()
        .unwrap()
        .contains("No email available"));
}

#[wasm_bindgen_test]
async fn the_host_can_override_the_email_policy() {
    let mut cfg = config();
    cfg.page_size = 100;
    cfg.email_policy = ssl_orders::config::parse_email_types(&parsed(
        json!({"Canceled": "FulfillmentEmail", "Complete": null}),
    ))
    .unwrap();
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    let button = |id| row(&f, id).query_selector("button.send").unwrap();
    assert!(button(40004).is_some());
    assert!(button(40003).is_none());
}

#[wasm_bindgen_test]
async fn the_status_filter_keeps_one_status() {
    let f = fixture().await;
    let select: web_sys::HtmlSelectElement = f.get("select[part=status-filter]").unchecked_into();
    select.set_value("Canceled");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    let rows = f.all("tbody tr[part=row]");
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r.text_content().unwrap_or_default().contains("Canceled")));
    assert!(f.query("tbody button.send").is_none());
}

/// The Send button's text of a widget with no configured `lang`, mounted on a host with `host_lang`
/// inside a `<section lang=section_lang>`.
async fn send_label_in_section(section_lang: &str, host_lang: Option<&str>) -> String {
    control("POST", "reset", None).await;
    let document = web_sys::window().unwrap().document().unwrap();
    let section = document.create_element("section").unwrap();
    section.set_attribute("lang", section_lang).unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    let host = new_host(Some(&section));
    if let Some(lang) = host_lang {
        host.set_attribute("lang", lang).unwrap();
    }
    let mut cfg = config();
    cfg.lang = None;
    let mut handle = mount_widget(&host, cfg).unwrap();
    wait_for_host_state(&host, "ready").await;
    let label = host
        .shadow_root()
        .unwrap()
        .query_selector("tbody button.send")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    handle.unmount();
    section.remove();
    label
}

#[wasm_bindgen_test]
async fn the_locale_follows_the_page_lang_when_none_is_configured() {
    assert_eq!(send_label_in_section("es-ES", None).await, "Enviar");
}

#[wasm_bindgen_test]
async fn an_unsupported_lang_on_the_host_falls_back_to_the_pages_language() {
    // `nl` is not a language the widget speaks: the section's Spanish is used.
    assert_eq!(send_label_in_section("es", Some("nl")).await, "Enviar");
}

#[wasm_bindgen_test]
fn case_folding_in_the_browser_matches_the_unicode_default_lower_case() {
    // The same cases as `model::tests::FOLD_CASES`, which check the native build.
    for (text, folded) in [
        ("Shop.EXAMPLE.org", "shop.example.org"),
        ("ÉCOLE.example", "école.example"),
        ("ΟΔΟΣ", "οδος"),
        ("İstanbul", "i̇stanbul"),
    ] {
        assert_eq!(ssl_orders::model::fold_case(text), folded, "{text}");
    }
}
