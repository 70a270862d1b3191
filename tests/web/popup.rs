//! The resend popup: open, send, cancel, Escape, labels, a click storm, a vetoed send, concurrent popups.

use crate::support::{
    config, fixture, fixture_with, inject_fault, mount_fresh, outbox, pause, resend_posts, row,
    tick, wait_until,
};
use serde_json::json;
use ssl_orders::events::{EMAIL_RESENT, RESEND_ERROR, RESEND_REQUEST};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

#[wasm_bindgen_test]
async fn send_then_resend_emits_email_resent_and_the_outbox_holds_exactly_that_email() {
    let f = fixture().await;
    let send = f.open_first_send().await;
    let order_id: u64 = send
        .closest("tr")
        .unwrap()
        .unwrap()
        .get_attribute("data-order-id")
        .unwrap()
        .parse()
        .unwrap();
    let description = f.text("dialog p[id$=dialog-desc]");
    assert!(
        description.contains('@'),
        "the popup shows the administrator's address: {description}"
    );

    f.get("dialog button.confirm").click();
    let resent = f.wait_for_event(EMAIL_RESENT).await;

    let sent = outbox().await;
    assert_eq!(sent.len(), 1, "exactly one email: {sent:?}");
    assert_eq!(sent[0]["orderId"], json!(order_id));
    assert_eq!(resent["orderId"], json!(order_id));
    assert_eq!(resent["emailType"], sent[0]["emailType"]);
    assert_eq!(resent["recipient"], sent[0]["recipient"]);
    assert!(description.contains(resent["recipient"].as_str().unwrap()));
    tick().await;
    assert!(!f.dialog().open(), "the popup closes on success");
    let status = f.text("[role=status]");
    assert!(
        status.contains("sent again to") && status.contains(resent["recipient"].as_str().unwrap()),
        "{status}"
    );
    assert!(f
        .text(&format!("tr[data-order-id='{order_id}'] .sent-note"))
        .starts_with("sent at"));
}

#[wasm_bindgen_test]
async fn cancel_sends_nothing_and_returns_focus_to_send() {
    let f = fixture().await;
    let send = f.open_first_send().await;
    assert_eq!(
        f.active_element().map(|e| e.class_name()),
        Some("cancel".into()),
        "focus starts on Cancel"
    );
    f.get("dialog button.cancel").click();
    tick().await;
    assert!(!f.dialog().open());
    assert_eq!(
        f.active_element(),
        Some(send.unchecked_into()),
        "focus returns to the Send button"
    );
    assert_eq!(resend_posts().await, 0);
    assert!(f.events_named(RESEND_REQUEST).is_empty());
}

#[wasm_bindgen_test]
async fn escape_path_closes_like_cancel() {
    let f = fixture().await;
    let send = f.open_first_send().await;
    // A test cannot press a trusted Escape; requestClose() takes the same cancel → close path.
    let dialog = f.dialog();
    let request_close = js_sys::Reflect::get(&dialog, &"requestClose".into()).unwrap();
    assert!(
        request_close.is_function(),
        "requestClose() is in every browser this suite runs"
    );
    request_close
        .unchecked_ref::<js_sys::Function>()
        .call0(&dialog)
        .unwrap();
    assert!(!dialog.open());
    // The browser delivers `close` asynchronously (in headless Chromium, at the next frame).
    let send: Element = send.unchecked_into();
    wait_until("focus back on Send", || {
        f.active_element().as_ref() == Some(&send)
    })
    .await;
    assert_eq!(resend_posts().await, 0);
}

#[wasm_bindgen_test]
async fn dialog_is_labelled_and_described_by_its_own_text() {
    let f = fixture().await;
    f.open_first_send().await;
    let dialog = f.dialog();
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    let desc_id = dialog.get_attribute("aria-describedby").unwrap();
    let title = f
        .root()
        .get_element_by_id(&title_id)
        .unwrap()
        .text_content()
        .unwrap();
    let desc = f
        .root()
        .get_element_by_id(&desc_id)
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        title.starts_with("Resend the") && title.ends_with("email?"),
        "{title}"
    );
    assert!(desc.contains("domain administrator"), "{desc}");
}

#[wasm_bindgen_test]
async fn a_click_storm_sends_exactly_one_email() {
    let f = fixture().await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 300})).await;
    f.open_first_send().await;
    let confirm = f.get("dialog button.confirm");
    for _ in 0..10 {
        confirm.click();
    }
    tick().await;
    assert_eq!(
        confirm.get_attribute("aria-busy").as_deref(),
        Some("true"),
        "busy while the request runs"
    );
    for _ in 0..3 {
        confirm.click();
    }
    f.wait_for_event(EMAIL_RESENT).await;
    assert_eq!(outbox().await.len(), 1);
    assert_eq!(resend_posts().await, 1);
    assert_eq!(f.events_named(RESEND_REQUEST).len(), 1);
}

#[wasm_bindgen_test]
async fn prevent_default_on_resend_request_stops_the_post() {
    let f = fixture().await;
    let veto = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| e.prevent_default());
    f.host
        .add_event_listener_with_callback(RESEND_REQUEST, veto.as_ref().unchecked_ref())
        .unwrap();
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    tick().await;
    tick().await;
    assert_eq!(f.events_named(RESEND_REQUEST).len(), 1);
    assert_eq!(resend_posts().await, 0);
    assert!(outbox().await.is_empty());
    assert!(f.events_named(EMAIL_RESENT).is_empty());
}

#[wasm_bindgen_test]
async fn a_result_after_the_popup_closed_is_still_announced_and_emitted() {
    let f = fixture().await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 400})).await;
    f.open_first_send().await;
    f.get("dialog button.confirm").click();
    tick().await;
    f.dialog().close();
    tick().await;
    assert!(f.events_named(EMAIL_RESENT).is_empty());
    let resent = f.wait_for_event(EMAIL_RESENT).await;
    tick().await;
    assert!(f
        .text("[role=status]")
        .contains(resent["recipient"].as_str().unwrap()));
    assert_eq!(outbox().await.len(), 1);
}

#[wasm_bindgen_test]
async fn another_popup_stays_usable_while_a_send_runs() {
    let mut cfg = config();
    cfg.page_size = 100;
    let f = fixture_with(cfg).await;
    f.wait_for_state("ready").await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 600, "times": 1}))
        .await;
    let send = |id| {
        row(&f, id)
            .query_selector("button.send")
            .unwrap()
            .unwrap()
            .unchecked_into::<HtmlElement>()
    };
    send(40002).click();
    tick().await;
    f.get("dialog button.confirm").click();
    tick().await;
    f.dialog().close(); // Escape while the first send runs
    tick().await;
    send(40003).click();
    tick().await;
    assert!(f.text("dialog p[id$=dialog-desc]").contains(
        &row(&f, 40003)
            .query_selector("th")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    ));
    assert_eq!(
        f.get("dialog button.confirm")
            .get_attribute("aria-busy")
            .as_deref(),
        Some("false")
    );
    let events = f.events.clone();
    wait_until("the first answer", || {
        events.borrow().iter().any(|(n, _)| n == EMAIL_RESENT)
    })
    .await;
    tick().await;
    assert!(
        f.dialog().open(),
        "the second popup survives the first answer"
    );
    assert!(!f.text("dialog p[id$=dialog-desc]").is_empty());
    f.get("dialog button.confirm").click();
    wait_until("the second answer", || {
        events
            .borrow()
            .iter()
            .filter(|(n, _)| n == EMAIL_RESENT)
            .count()
            == 2
    })
    .await;
    let sent: Vec<u64> = outbox()
        .await
        .iter()
        .filter_map(|e| e["orderId"].as_u64())
        .collect();
    assert_eq!(sent, [40002, 40003]);
}

#[wasm_bindgen_test]
async fn the_same_message_twice_is_announced_twice() {
    let f = fixture().await;
    let send = f.get("tbody button.send");
    let mut texts = Vec::new();
    for _ in 0..2 {
        send.click();
        tick().await;
        f.get("dialog button.confirm").click();
        let before = f.events_named(EMAIL_RESENT).len();
        let events = f.events.clone();
        wait_until("sent", || {
            events
                .borrow()
                .iter()
                .filter(|(n, _)| n == EMAIL_RESENT)
                .count()
                > before
        })
        .await;
        tick().await;
        texts.push(f.get("[role=status]").text_content().unwrap());
    }
    assert_ne!(
        texts[0], texts[1],
        "the live region's text changes, so it is read again"
    );
    assert_eq!(
        texts[0].trim_end_matches('\u{a0}'),
        texts[1].trim_end_matches('\u{a0}')
    );
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_account_send_an_orders_email_once() {
    let a = fixture().await;
    let b = mount_fresh(config()); // the same API, account and orders
    b.wait_for_state("ready").await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 600, "times": 1}))
        .await;
    let order_of = |send: &HtmlElement| {
        send.closest("tr")
            .unwrap()
            .unwrap()
            .get_attribute("data-order-id")
    };
    let in_a = a.open_first_send().await;
    let in_b = b.open_first_send().await;
    assert_eq!(
        order_of(&in_a),
        order_of(&in_b),
        "both popups show one order"
    );
    a.get("dialog button.confirm").click();
    a.wait_for_event(RESEND_REQUEST).await;
    // While the first widget's POST runs, the second confirms the same email.
    b.get("dialog button.confirm").click();
    a.wait_for_event(EMAIL_RESENT).await;
    pause(300.0).await;
    let requests = a.events_named(RESEND_REQUEST).len() + b.events_named(RESEND_REQUEST).len();
    assert_eq!(requests, 1, "one resend-request on the page");
    assert!(b.events_named(EMAIL_RESENT).is_empty() && b.events_named(RESEND_ERROR).is_empty());
    assert_eq!(resend_posts().await, 1, "one POST");
    assert_eq!(outbox().await.len(), 1, "one email");
}

#[wasm_bindgen_test]
async fn a_widget_that_discovers_its_account_and_one_told_it_share_one_send() {
    let a = fixture().await; // accountId configured
    let mut discovering = config();
    discovering.account_id = None;
    let b = mount_fresh(discovering);
    b.wait_for_state("ready").await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 600, "times": 1}))
        .await;
    a.open_first_send().await;
    b.open_first_send().await;
    a.get("dialog button.confirm").click();
    a.wait_for_event(RESEND_REQUEST).await;
    b.get("dialog button.confirm").click();
    a.wait_for_event(EMAIL_RESENT).await;
    pause(300.0).await;
    assert!(b.events_named(RESEND_REQUEST).is_empty(), "the same email");
    assert_eq!(outbox().await.len(), 1, "one email");
}

#[wasm_bindgen_test]
async fn another_widgets_popup_shows_sending_while_the_email_is_sent_and_ready_after() {
    let a = fixture().await;
    let b = mount_fresh(config());
    b.wait_for_state("ready").await;
    inject_fault(json!({"method": "resendEmail", "kind": "delay", "delayMs": 600, "times": 1}))
        .await;
    a.open_first_send().await;
    a.get("dialog button.confirm").click();
    a.wait_for_event(RESEND_REQUEST).await;
    // Opened while the other widget sends the same email: busy, so a click visibly does nothing.
    b.open_first_send().await;
    let confirm = b.get("dialog button.confirm");
    wait_until("the second popup to show the send", || {
        confirm.get_attribute("aria-busy").as_deref() == Some("true")
    })
    .await;
    assert_eq!(
        confirm.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    a.wait_for_event(EMAIL_RESENT).await;
    wait_until("the second popup to be ready again", || {
        confirm.get_attribute("aria-busy").as_deref() == Some("false")
    })
    .await;
    assert_eq!(
        confirm.text_content().as_deref().map(str::trim),
        Some("Resend email")
    );
}

#[wasm_bindgen_test]
async fn after_a_reload_under_the_popup_focus_returns_to_that_orders_new_send_button() {
    let f = fixture().await;
    let send = f.open_first_send().await;
    let order_id = send
        .closest("tr")
        .unwrap()
        .unwrap()
        .get_attribute("data-order-id")
        .unwrap();
    f.handle.reload(); // the rows are rebuilt while the popup stays open
    wait_until("the rows to be rebuilt", || {
        !send.is_connected() && f.query("tbody button.send").is_some()
    })
    .await;
    assert!(f.dialog().open());
    f.get("dialog button.cancel").click();
    tick().await;
    let again = f.query(&format!("tr[data-order-id='{order_id}'] button.send"));
    assert!(again.is_some());
    assert_eq!(
        f.active_element(),
        again,
        "focus returns to the same order's Send button"
    );
}
