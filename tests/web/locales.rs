//! The languages beyond English and Spanish: IBM's words in the table and the popup, dates from `Intl`.

use crate::support::{
    control, create_element, element_attributes, fixture_with, parsed, row, tick,
    wait_for_element_state, wait_until, ACCOUNT, EMULATOR, TOKEN,
};
use serde_json::json;
use ssl_orders::config::Config;
use ssl_orders::i18n::Lang;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

/// What a locale shows, written out as the contract: IBM's own words where its documentation of the SSL
/// Orders screen has them (caption, Send, the popup's buttons, the email and the domain administrator).
struct Shown {
    tag: &'static str,
    caption: &'static str,
    /// Common name, certificate type, status, ordered, expires, email, details.
    headers: [&'static str; 7],
    send: &'static str,
    /// The popup's title for a fulfillment email.
    fulfillment_title: &'static str,
    resend: &'static str,
    cancel: &'static str,
    /// Who the popup's text says the email goes to.
    recipient: &'static str,
}

const GERMAN: Shown = Shown {
    tag: "de",
    caption: "SSL-Bestellungen",
    headers: [
        "Allgemeiner Name",
        "Zertifikatstyp",
        "Status",
        "Bestelldatum",
        "Ablaufdatum",
        "E-Mail",
        "Details",
    ],
    send: "Senden",
    fulfillment_title: "Auftragserfüllungs-E-Mail erneut senden?",
    resend: "E-Mail erneut senden",
    cancel: "Abbrechen",
    recipient: "Domänenadministrator",
};

const FRENCH: Shown = Shown {
    tag: "fr",
    caption: "Commandes SSL",
    headers: [
        "Nom usuel",
        "Type de certificat",
        "Statut",
        "Date de commande",
        "Date d'expiration",
        "E-mail",
        "Détails",
    ],
    send: "Envoyer",
    fulfillment_title: "Renvoyer l'e-mail d'exécution\u{a0}?",
    resend: "Renvoyer l'e-mail",
    cancel: "Annuler",
    recipient: "administrateur de domaine",
};

const JAPANESE: Shown = Shown {
    tag: "ja",
    caption: "SSL 注文",
    headers: [
        "共通名",
        "証明書タイプ",
        "状況",
        "注文日",
        "有効期限",
        "E メール",
        "詳細",
    ],
    send: "送信",
    fulfillment_title: "完了 E メールを再送しますか？",
    resend: "E メールの再送",
    cancel: "キャンセル",
    recipient: "ドメイン管理者",
};

const BRAZILIAN_PORTUGUESE: Shown = Shown {
    tag: "pt-BR",
    caption: "Pedidos SSL",
    headers: [
        "Nome comum",
        "Tipo de certificado",
        "Status",
        "Data do pedido",
        "Data de expiração",
        "E-mail",
        "Detalhes",
    ],
    send: "Enviar",
    fulfillment_title: "Reenviar o e-mail de preenchimento?",
    resend: "Reenviar e-mail",
    cancel: "Cancelar",
    recipient: "administrador de domínio",
};

/// The test configuration with `lang` set to `tag` through the configuration key, every order on one page.
fn config_in(tag: &str) -> Config {
    let mut config = Config::from_json(&parsed(json!({
        "apiBase": format!("{EMULATOR}/rest/v3.1"), "token": TOKEN, "lang": tag, "timeoutMs": 4000,
        "pageSize": 100
    })))
    .expect("a supported lang");
    config.account_id = Some(ACCOUNT);
    config
}

/// A date as `Intl` formats it in `tag` (the widget's `dateStyle: "medium"`), from its ISO form.
fn intl_date(tag: &str, iso: &str) -> String {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).unwrap();
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&tag.into()), &options);
    format
        .format()
        .call1(&JsValue::UNDEFINED, &js_sys::Date::new(&iso.into()))
        .unwrap()
        .as_string()
        .unwrap()
}

/// A header's visible name, without the sort arrow.
fn header_name(th: &Element) -> String {
    let text = th.text_content().unwrap_or_default();
    text.trim_end_matches(['↕', '▲', '▼']).trim().to_owned()
}

/// Mounts a widget with `lang` = `shown.tag` and checks what it shows against `shown`: caption, headers,
/// the Send button, the popup's title, text and buttons, and the dates as `Intl` writes them there.
async fn shows_in_its_language(shown: &Shown) {
    let f = fixture_with(config_in(shown.tag)).await;
    f.wait_for_state("ready").await;
    let tag = shown.tag;
    assert_eq!(
        f.get(".widget").get_attribute("lang").as_deref(),
        Some(tag),
        "the widget says its language to screen readers"
    );
    assert_eq!(f.text("caption"), shown.caption, "{tag}");
    let headers: Vec<String> = f.all("thead th").iter().map(header_name).collect();
    assert_eq!(headers, shown.headers, "{tag}");

    // The emulator's order 40002 is approved: it offers the fulfillment email.
    let send: HtmlElement = row(&f, 40002)
        .query_selector("button.send")
        .unwrap()
        .expect("a Send button")
        .dyn_into()
        .unwrap();
    assert_eq!(send.text_content().as_deref(), Some(shown.send), "{tag}");
    let label = send.get_attribute("aria-label").unwrap_or_default();
    assert!(label.starts_with(shown.send), "{tag}: {label:?}");
    send.click();
    tick().await;
    assert!(f.dialog().open(), "{tag}: the popup opens on Send");
    assert_eq!(f.text("dialog h2"), shown.fulfillment_title, "{tag}");
    let text = f.text("dialog p");
    assert!(text.contains(shown.recipient), "{tag}: {text:?}");
    assert_eq!(f.text("dialog button.confirm"), shown.resend, "{tag}");
    assert_eq!(f.text("dialog button.cancel"), shown.cancel, "{tag}");
    f.get("dialog button.cancel").click();
    tick().await;
    assert!(!f.dialog().open());

    let dates = f.all("tbody time");
    assert!(!dates.is_empty());
    for date in dates.iter().take(5) {
        let iso = date.get_attribute("datetime").unwrap();
        let text = date.text_content().unwrap_or_default();
        assert_eq!(text, intl_date(tag, &iso), "{tag}: {iso}");
        assert_ne!(text, intl_date("en", &iso), "{tag}: {iso} is in English");
    }
}

#[wasm_bindgen_test]
async fn german_shows_ibms_words_and_intl_dates() {
    shows_in_its_language(&GERMAN).await;
}

#[wasm_bindgen_test]
async fn french_shows_ibms_words_and_intl_dates() {
    shows_in_its_language(&FRENCH).await;
}

#[wasm_bindgen_test]
async fn japanese_shows_ibms_words_and_intl_dates() {
    shows_in_its_language(&JAPANESE).await;
}

#[wasm_bindgen_test]
async fn brazilian_portuguese_shows_ibms_words_and_intl_dates() {
    shows_in_its_language(&BRAZILIAN_PORTUGUESE).await;
}

#[wasm_bindgen_test]
fn every_locale_tag_is_canonical_and_the_browser_has_its_data() {
    // `Intl` falls back to its default locale without a word when it lacks one: check that it has each.
    for lang in Lang::ALL {
        let tag = lang.tag();
        let locales = js_sys::Array::of1(&tag.into());
        let canonical = js_sys::Intl::get_canonical_locales(&locales);
        assert_eq!(canonical.get(0).as_string().as_deref(), Some(tag));
        let options = js_sys::Object::new();
        let dates = js_sys::Intl::DateTimeFormat::supported_locales_of(&locales, &options);
        assert_eq!(dates.get(0).as_string().as_deref(), Some(tag), "dates");
        let relative = js_sys::Intl::RelativeTimeFormat::supported_locales_of(&locales, &options);
        assert_eq!(
            relative.get(0).as_string().as_deref(),
            Some(tag),
            "relative time"
        );
    }
}

#[wasm_bindgen_test]
async fn a_portuguese_lang_attribute_of_any_region_gets_brazilian_portuguese() {
    control("POST", "reset", None).await;
    let el = create_element(&element_attributes(&[("lang", "pt-PT")]), TOKEN);
    wait_for_element_state(&el, "ready").await;
    let root = el.shadow_root().unwrap();
    let widget_lang = || {
        root.query_selector(".widget")
            .ok()
            .flatten()
            .and_then(|w| w.get_attribute("lang"))
    };
    wait_until("the Portuguese table", || {
        widget_lang().as_deref() == Some("pt-BR")
    })
    .await;
    let first_header = root.query_selector("thead th").unwrap().expect("a header");
    assert_eq!(header_name(&first_header), "Nome comum");
    el.remove();
}
