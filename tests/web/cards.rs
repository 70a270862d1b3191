//! Narrow containers: below about 560 px of the widget's own width each order is a card of labelled
//! fields, with its Send and details buttons in view and nothing to scroll sideways.

use crate::support::{
    config, control, details_orders, layout, mount_fresh, new_host, tick, Fixture,
};
use serde_json::Value;
use ssl_orders::mount_widget;
use wasm_bindgen_test::*;

/// A ready widget whose container is `width` px wide, showing [`details_orders`] and the generated list.
async fn widget_at(width: u32) -> Fixture {
    control("POST", "reset", None).await;
    control("PUT", "orders", Some(details_orders())).await;
    let f = mount_fresh(config());
    f.host
        .set_attribute("style", &format!("width: {width}px"))
        .unwrap();
    f.wait_for_state("ready").await;
    tick().await;
    f
}

fn measure(f: &Fixture) -> Value {
    serde_json::from_str(&layout(&f.root())).unwrap()
}

#[wasm_bindgen_test]
async fn at_320_px_each_order_is_a_card_with_visible_labels_and_buttons_and_no_sideways_scroll() {
    let f = widget_at(320).await;
    let m = measure(&f);
    assert_eq!(m["hostWidth"], 320.0);
    assert_ne!(m["rowDisplay"], "table-row", "{m}");
    assert!(
        m["wrapScroll"].as_f64() <= m["wrapClient"].as_f64(),
        "no horizontal scroll: {m}"
    );
    assert_eq!(
        m["buttons"], 4,
        "two orders, a Send and a details button each: {m}"
    );
    assert_eq!(
        m["hidden"],
        serde_json::json!([]),
        "every button fully visible: {m}"
    );
    let labels = m["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 4, "{m}");
    for (cell, expected) in labels
        .iter()
        .zip(["Certificate type", "Status", "Ordered", "Expires"])
    {
        assert_eq!(cell["label"], expected, "{cell}");
        assert!(
            !matches!(cell["before"].as_str(), Some("none" | "normal")),
            "the label is generated content: {cell}"
        );
        assert!(
            cell["indent"].as_f64().unwrap() > 40.0,
            "the value sits beside its label: {cell}"
        );
    }
    assert_eq!(
        m["roles"],
        serde_json::json!(["row", "rowheader", "cell", "table"]),
        "the table semantics stay for screen readers"
    );
}

#[wasm_bindgen_test]
async fn an_open_details_region_fits_the_card_too() {
    let f = widget_at(320).await;
    f.get("tr[data-order-id='50001'] button.details-toggle")
        .click();
    crate::support::wait_until("details", || f.query(".details dd").is_some()).await;
    let m = measure(&f);
    assert!(
        m["wrapScroll"].as_f64() <= m["wrapClient"].as_f64(),
        "no horizontal scroll with details open: {m}"
    );
    assert_eq!(m["hidden"], serde_json::json!([]), "{m}");
}

#[wasm_bindgen_test]
async fn the_widget_follows_its_own_width_not_the_viewport() {
    let f = widget_at(900).await;
    let wide = measure(&f);
    assert_eq!(
        wide["rowDisplay"], "table-row",
        "a wide widget keeps the table: {wide}"
    );
    assert!(
        wide["labels"]
            .as_array()
            .unwrap()
            .iter()
            .all(|cell| matches!(cell["before"].as_str(), Some("none" | "normal"))),
        "no generated labels in the table: {wide}"
    );
    // The same page and viewport, the container narrowed: cards.
    f.host.set_attribute("style", "width: 400px").unwrap();
    tick().await;
    let narrow = measure(&f);
    assert_ne!(narrow["rowDisplay"], "table-row", "{narrow}");
}

#[wasm_bindgen_test]
async fn two_widgets_of_different_widths_lay_out_independently() {
    control("POST", "reset", None).await;
    let narrow = new_host(None);
    narrow.set_attribute("style", "width: 320px").unwrap();
    let wide = new_host(None);
    wide.set_attribute("style", "width: 900px").unwrap();
    let mut handles: Vec<_> = [&narrow, &wide]
        .into_iter()
        .map(|host| mount_widget(host, config()).unwrap())
        .collect();
    for host in [&narrow, &wide] {
        crate::support::wait_for_host_state(host, "ready").await;
    }
    tick().await;
    let display = |host: &web_sys::HtmlElement| -> String {
        let m: Value = serde_json::from_str(&layout(&host.shadow_root().unwrap())).unwrap();
        m["rowDisplay"].as_str().unwrap_or_default().to_owned()
    };
    assert_ne!(display(&narrow), "table-row");
    assert_eq!(display(&wide), "table-row");
    for handle in &mut handles {
        handle.unmount();
    }
    narrow.remove();
    wide.remove();
}
