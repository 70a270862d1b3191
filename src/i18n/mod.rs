//! Every word the widget shows, one table per locale, and how the locale is chosen.
//!
//! Each locale is one file, `en.rs`, `es.rs`, …, holding a complete [`Messages`] table: the fixed strings and
//! the sentences with values in them, as functions, because word order differs between languages. This file
//! holds what every locale shares: the locale list, locale resolution and the methods the UI calls. Nothing
//! here depends on which language a table is in.
//!
//! To add a language, say Italian:
//! 1. Copy `src/i18n/en.rs` to `src/i18n/it.rs` and translate every string and sentence (the compiler
//!    refuses a table with a field missing).
//! 2. Add the line `It => it "it",` to the `locales!` list below: the variant, the module and the locale's
//!    tag, as `Intl` and a host write it (`"pt-BR"` for Brazilian Portuguese, in module `pt_br`). That
//!    declares the module, the `Lang::It` variant, its place in [`Lang::ALL`], its table, its tag and its
//!    place in [`LANG_CHOICES`] (the configuration error's text); [`Lang::from_tag`], [`supported_tags`]
//!    and the custom element's `lang` follow.
//! 3. Run `cargo test -p ssl-orders --lib`: the tests check that every string of the new table is non-empty,
//!    every sentence keeps its values, the tag is well formed and round-trips through [`Lang::from_tag`],
//!    the table is not a copy of another one, and the configuration error names every language. The
//!    browser suite (`tests/web/locales.rs`) checks that the browser's `Intl` has the locale.

use crate::api::{ApiError, MAX_LIST_REQUESTS, MAX_ORDERS};
use crate::model::{Column, EmailType, Order};

/// Declares the locales from one list of `Variant => module "tag",` lines: the modules, the [`Lang`] enum,
/// [`Lang::ALL`], [`Lang::messages`], [`Lang::tag`] and [`LANG_CHOICES`].
macro_rules! locales {
    ($(#[$first_attr:meta])* $first:ident => $first_module:ident $first_tag:literal,
     $($(#[$attr:meta])* $variant:ident => $module:ident $tag:literal,)*) => {
        mod $first_module;
        $(mod $module;)*

        /// A supported locale.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Lang {
            $(#[$first_attr])* $first,
            $($(#[$attr])* $variant,)*
        }

        impl Lang {
            /// Every supported locale, in the order of the `locales!` list.
            pub const ALL: [Lang; [Lang::$first, $(Lang::$variant),*].len()] =
                [Lang::$first, $(Lang::$variant),*];

            /// The messages of this locale.
            pub fn messages(self) -> &'static Messages {
                match self {
                    Lang::$first => &$first_module::MESSAGES,
                    $(Lang::$variant => &$module::MESSAGES,)*
                }
            }

            /// The locale's BCP 47 tag (`"en"`, `"pt-BR"`): what `Intl` gets for dates and the widget's
            /// `lang` attribute says.
            pub fn tag(self) -> &'static str {
                match self {
                    Lang::$first => $first_tag,
                    $(Lang::$variant => $tag,)*
                }
            }
        }

        /// The tags a host may configure, as a configuration error names them: `one of "en", "es"`.
        pub const LANG_CHOICES: &str = concat!(
            "one of ",
            "\"", $first_tag, "\"",
            $(", \"", $tag, "\"",)*
        );
    };
}

locales! {
    /// English, also the fallback.
    En => en "en",
    /// Spanish.
    Es => es "es",
    /// German.
    De => de "de",
    /// French.
    Fr => fr "fr",
    /// Japanese.
    Ja => ja "ja",
    /// Brazilian Portuguese, also for any other Portuguese (`pt`, `pt-PT`).
    PtBr => pt_br "pt-BR",
}

impl Lang {
    /// Reads a BCP 47 tag (`es`, `es-MX`, `EN-gb`, `pt-PT`) by its primary language subtag, so any region
    /// of a language the widget speaks gets that language's table; `None` for a language it does not.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = primary_subtag(tag.trim())?;
        Lang::ALL.into_iter().find(|lang| {
            primary_subtag(lang.tag()).is_some_and(|own| own.eq_ignore_ascii_case(primary))
        })
    }

    /// The first supported tag among the widget's `lang`, the page's `lang` and the browser's languages;
    /// English when none is supported.
    pub fn resolve<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Lang {
        candidates
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }
}

/// A tag's language, the part before the first `-` or `_` (`pt` of `pt-BR`); `None` when it is empty.
fn primary_subtag(tag: &str) -> Option<&str> {
    tag.split(['-', '_'])
        .next()
        .filter(|primary| !primary.is_empty())
}

/// The tags of every supported locale (`"en"`, …, `"pt-BR"`), in the order of [`Lang::ALL`].
pub fn supported_tags() -> impl Iterator<Item = &'static str> {
    Lang::ALL.into_iter().map(Lang::tag)
}

/// One locale's table: the fixed strings, the column headers and the sentences with values in them. The UI
/// reads the fixed strings directly and the rest through the methods below.
pub struct Messages {
    pub caption: &'static str,
    pub loading: &'static str,
    pub empty: &'static str,
    pub no_match: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub refresh: &'static str,
    pub filter_label: &'static str,
    pub filter_placeholder: &'static str,
    pub status_filter_label: &'static str,
    pub all_statuses: &'static str,
    pub page_size_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub pagination: &'static str,
    pub email_column: &'static str,
    pub send: &'static str,
    pub no_email: &'static str,
    pub missing_value: &'static str,
    pub missing_date: &'static str,
    pub not_available: &'static str,
    pub resend_email: &'static str,
    pub cancel: &'static str,
    pub sending: &'static str,
    pub approver_email: &'static str,
    pub fulfillment_email: &'static str,
    pub not_accepted: &'static str,
    pub unknown_outcome: &'static str,
    pub timeout: &'static str,
    pub network: &'static str,
    pub unreadable: &'static str,
    pub denied: &'static str,
    pub not_found: &'static str,
    pub rate_limited: &'static str,
    pub token_expired: &'static str,
    pub credentials_withdrawn: &'static str,
    /// The details button's visible word, and its column's header.
    pub details: &'static str,
    pub details_loading: &'static str,
    pub details_failed: &'static str,
    // The labels of the details region and of the card layout's fields.
    pub order_id_label: &'static str,
    pub approver_label: &'static str,
    pub technical_contact_label: &'static str,
    pub status_description_label: &'static str,
    pub effective_label: &'static str,
    pub modified_label: &'static str,
    pub validity_label: &'static str,
    /// The Expires cell's word for an order whose expiry has come.
    pub expired: &'static str,
    /// The Expires cell's word for an order that expires within `expiringDays`.
    pub expiring_soon: &'static str,
    pub expiry_filter_label: &'static str,
    /// The expiry filter's choice that keeps every order.
    pub any_expiry: &'static str,
    /// The export button.
    pub export_csv: &'static str,

    // Column headers, read through `column()`.
    common_name_column: &'static str,
    certificate_type_column: &'static str,
    status_column: &'static str,
    ordered_column: &'static str,
    expires_column: &'static str,

    // Sentences, read through the methods of the same name without `_sentence`. `email_name` is the
    // email's name inside a sentence ("fulfillment email").
    send_label_sentence: fn(email_name: &str, domain: &str) -> String,
    dialog_title_sentence: fn(email_name: &str) -> String,
    dialog_text_sentence: fn(email_name: &str, domain: &str, recipient: &str) -> String,
    resent_sentence: fn(email_name: &str, recipient: &str) -> String,
    resend_failed_sentence: fn(email_name: &str, domain: &str, reason: &str) -> String,
    sent_at_sentence: fn(time: &str) -> String,
    /// `span` is "26–50", or "0" for an empty list.
    range_sentence: fn(span: &str, total: usize) -> String,
    /// `page` counts from 1.
    page_of_sentence: fn(page: usize, pages: usize) -> String,
    sorted_by_sentence: fn(column: &str, ascending: bool) -> String,
    unnamed_order_sentence: fn(id: u64) -> String,
    /// A failing HTTP status without the API's error text: the API or a gateway in front of it.
    http_status_sentence: fn(status: u16) -> String,
    /// The list is longer than a load reads.
    list_too_large_sentence: fn(max_orders: usize, max_requests: usize) -> String,
    /// An answer larger than the widget reads, in MiB.
    response_too_large_sentence: fn(max_mib: usize) -> String,
    /// Accessible name of a row's details button; it starts with the visible word.
    details_label_sentence: fn(domain: &str) -> String,
    /// The expiry filter's choice "Expiring within 30 days".
    expiring_within_sentence: fn(days: u32) -> String,
    /// Announced after an export: how many orders the file holds.
    exported_sentence: fn(rows: usize) -> String,
}

/// The text with its first letter in upper case, for a sentence that starts with a name. ASCII only: the
/// Unicode case tables would add some 13 kB to the wasm; a non-ASCII first letter is left as it is.
fn upper_first(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

impl Messages {
    /// A column's header text.
    pub fn column(&self, column: Column) -> &'static str {
        match column {
            Column::CommonName => self.common_name_column,
            Column::CertificateType => self.certificate_type_column,
            Column::Status => self.status_column,
            Column::Ordered => self.ordered_column,
            Column::Expires => self.expires_column,
        }
    }

    /// The email's name inside a sentence ("fulfillment email").
    pub fn email_name(&self, email: EmailType) -> &'static str {
        match email {
            EmailType::Approver => self.approver_email,
            EmailType::Fulfillment => self.fulfillment_email,
        }
    }

    /// Accessible name of a row's Send button; it starts with the visible word (WCAG 2.5.3).
    pub fn send_label(&self, email: EmailType, domain: &str) -> String {
        (self.send_label_sentence)(self.email_name(email), domain)
    }

    /// The popup's title.
    pub fn dialog_title(&self, email: EmailType) -> String {
        (self.dialog_title_sentence)(self.email_name(email))
    }

    /// The popup's description: which email, for which domain, to which address.
    pub fn dialog_text(&self, email: EmailType, domain: &str, recipient: &str) -> String {
        (self.dialog_text_sentence)(self.email_name(email), domain, recipient)
    }

    /// The live-region message after a successful resend.
    pub fn resent(&self, email: EmailType, recipient: &str) -> String {
        (self.resent_sentence)(self.email_name(email), recipient)
    }

    /// The live-region message when a resend failed after its popup was closed.
    pub fn resend_failed(&self, email: EmailType, domain: &str, reason: &str) -> String {
        (self.resend_failed_sentence)(self.email_name(email), domain, reason)
    }

    /// The row's note after a resend ("sent at 14:05").
    pub fn sent_at(&self, time: &str) -> String {
        (self.sent_at_sentence)(time)
    }

    /// Range summary: "26–50 of 312".
    pub fn range(&self, start: usize, end: usize, total: usize) -> String {
        let span = if total == 0 {
            "0".to_owned()
        } else {
            format!("{}–{end}", start + 1)
        };
        (self.range_sentence)(&span, total)
    }

    /// "Page 2 of 13".
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        (self.page_of_sentence)(page + 1, pages)
    }

    /// Announced after a sort: "Sorted by Expires, ascending".
    pub fn sorted_by(&self, column: Column, ascending: bool) -> String {
        (self.sorted_by_sentence)(self.column(column), ascending)
    }

    /// What the popup (or, once it is closed, the live region) says when a resend failed: the API's text,
    /// and when the request may have reached the API, that the outcome is unknown.
    pub fn resend_error_text(&self, error: &ApiError) -> String {
        let text = self.explain(error);
        if error.outcome_unknown() {
            format!("{text} {}", self.unknown_outcome)
        } else {
            text
        }
    }

    /// Accessible name of a row's details button, which also labels the details region.
    pub fn details_label(&self, domain: &str) -> String {
        (self.details_label_sentence)(domain)
    }

    /// The expiry filter's choice for orders that expire within `days` days.
    pub fn expiring_within(&self, days: u32) -> String {
        (self.expiring_within_sentence)(days)
    }

    /// The live-region message after a CSV export of `rows` orders.
    pub fn exported(&self, rows: usize) -> String {
        (self.exported_sentence)(rows)
    }

    /// How an order without a common name is named in labels and sentences.
    pub fn unnamed_order(&self, id: u64) -> String {
        (self.unnamed_order_sentence)(id)
    }

    /// How `order` is named in labels and sentences: its common name, or "order 40001" when it has none
    /// (or only white space); nothing when it has neither.
    pub fn order_name(&self, order: &Order) -> String {
        match (&order.common_name, order.id) {
            (Some(name), _) if !name.trim().is_empty() => name.clone(),
            (_, Some(id)) => self.unnamed_order(id),
            _ => String::new(),
        }
    }

    /// What the user reads for an API failure: the API's own text when it sent one, with a plain-language
    /// hint for the failures a user can act on.
    pub fn explain(&self, error: &ApiError) -> String {
        use ApiError as E;
        match error {
            E::Api {
                status,
                code,
                message,
            } => self.with_hint(message.clone(), code.as_deref(), *status),
            E::Http { status } => {
                self.with_hint((self.http_status_sentence)(*status), None, *status)
            }
            E::NotAccepted { .. } => self.not_accepted.into(),
            E::Unreadable { .. } => self.unreadable.into(),
            E::ResponseTooLarge { max_bytes, .. } => {
                (self.response_too_large_sentence)(max_bytes.div_ceil(1024 * 1024))
            }
            E::ListTooLarge { .. } => (self.list_too_large_sentence)(MAX_ORDERS, MAX_LIST_REQUESTS),
            E::Timeout => self.timeout.into(),
            E::Network(_) => self.network.into(),
            E::Aborted => String::new(),
            E::CredentialsWithdrawn => self.credentials_withdrawn.into(),
        }
    }

    /// `message`, followed by the hint for a failure the user can act on, unless it says the same.
    fn with_hint(&self, message: String, code: Option<&str>, status: u16) -> String {
        let hint = match (code.unwrap_or(""), status) {
            ("SoftLayer_Exception_WebService_RateLimitExceeded", _) => Some(self.rate_limited),
            ("SoftLayer_Exception_Account_Authentication_AccessTokenValidation", _) => {
                Some(self.token_expired)
            }
            (_, 401) => Some(self.denied),
            ("SoftLayer_Exception_ObjectNotFound", _) | (_, 404) => Some(self.not_found),
            _ => None,
        };
        match hint {
            Some(hint) if hint != message => format!("{message} ({hint})"),
            _ => message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;

    #[test]
    fn locale_comes_from_the_first_supported_tag() {
        assert_eq!(Lang::resolve(["", "es-MX", "en"]), Lang::Es);
        assert_eq!(Lang::resolve(["nl", "EN-gb"]), Lang::En);
        assert_eq!(Lang::resolve(["nl", "sv"]), Lang::En);
        assert_eq!(Lang::resolve(["nl", "de-AT", "en"]), Lang::De);
        assert_eq!(Lang::resolve(["fr-CA"]), Lang::Fr);
        assert_eq!(Lang::resolve(["ja-JP"]), Lang::Ja);
    }

    #[test]
    fn any_portuguese_gets_brazilian_portuguese_the_only_one() {
        for tag in ["pt", "pt-BR", "pt-PT", "PT_br", " pt-ao "] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::PtBr), "{tag:?}");
        }
        assert_eq!(Lang::PtBr.tag(), "pt-BR");
        assert_eq!(Lang::from_tag("p"), None);
        assert_eq!(Lang::from_tag("-BR"), None);
    }

    #[test]
    fn every_locale_uses_the_portals_own_labels() {
        // The Send button, the popup's buttons and the email column as IBM's documentation of the SSL
        // Orders screen names them in each language, and the fulfillment email as it calls it there.
        let portal = [
            (
                Lang::En,
                [
                    "Send",
                    "Resend email",
                    "Cancel",
                    "Email",
                    "fulfillment email",
                ],
            ),
            (
                Lang::Es,
                [
                    "Enviar",
                    "Reenviar correo electrónico",
                    "Cancelar",
                    "Correo electrónico",
                    "correo electrónico de tramitación",
                ],
            ),
            (
                Lang::De,
                [
                    "Senden",
                    "E-Mail erneut senden",
                    "Abbrechen",
                    "E-Mail",
                    "Auftragserfüllungs-E-Mail",
                ],
            ),
            (
                Lang::Fr,
                [
                    "Envoyer",
                    "Renvoyer l'e-mail",
                    "Annuler",
                    "E-mail",
                    "e-mail d'exécution",
                ],
            ),
            (
                Lang::Ja,
                [
                    "送信",
                    "E メールの再送",
                    "キャンセル",
                    "E メール",
                    "完了 E メール",
                ],
            ),
            (
                Lang::PtBr,
                [
                    "Enviar",
                    "Reenviar e-mail",
                    "Cancelar",
                    "E-mail",
                    "e-mail de preenchimento",
                ],
            ),
        ];
        assert_eq!(portal.len(), Lang::ALL.len());
        for (lang, labels) in portal {
            let t = lang.messages();
            assert_eq!(
                [
                    t.send,
                    t.resend_email,
                    t.cancel,
                    t.email_column,
                    t.fulfillment_email
                ],
                labels,
                "{}",
                lang.tag()
            );
        }
    }

    #[test]
    fn send_label_carries_email_and_domain() {
        let en = Lang::En.messages();
        assert_eq!(
            en.send_label(EmailType::Fulfillment, "shop.example.org"),
            "Send fulfillment email for shop.example.org"
        );
        let es = Lang::Es.messages();
        assert_eq!(
            es.send_label(EmailType::Approver, "a.es"),
            "Enviar correo electrónico de aprobación para a.es"
        );
    }

    #[test]
    fn success_message_names_email_and_recipient() {
        let en = Lang::En.messages();
        assert_eq!(
            en.resent(EmailType::Fulfillment, "admin@example.com"),
            "Fulfillment email sent again to admin@example.com."
        );
    }

    #[test]
    fn range_reads_like_a_person_writes_it() {
        let en = Lang::En.messages();
        assert_eq!(en.range(25, 50, 312), "26–50 of 312");
        assert_eq!(en.range(0, 0, 0), "0 of 0");
        assert_eq!(Lang::Es.messages().range(0, 25, 30), "1–25 de 30");
    }

    #[test]
    fn a_resend_that_may_have_reached_the_api_says_the_outcome_is_unknown() {
        let en = Lang::En.messages();
        assert_eq!(
            en.resend_error_text(&ApiError::Timeout),
            format!("{} {}", en.timeout, en.unknown_outcome)
        );
        let refused = ApiError::NotAccepted { status: 200 };
        assert_eq!(en.resend_error_text(&refused), en.not_accepted);
        assert_eq!(Lang::Es.messages().unnamed_order(7), "pedido 7");
    }

    #[test]
    fn errors_keep_the_api_text_and_add_a_hint() {
        let en = Lang::En.messages();
        let rate = ApiError::Api {
            status: 500,
            code: Some("SoftLayer_Exception_WebService_RateLimitExceeded".into()),
            message: "Rate limit of 50 requests for every 1 second(s) exceeded.".into(),
        };
        assert!(en.explain(&rate).starts_with("Rate limit of 50 requests"));
        assert!(en.explain(&rate).contains(en.rate_limited));
        assert_eq!(en.explain(&ApiError::Timeout), en.timeout);
    }

    #[test]
    fn a_gateway_status_names_the_status_and_a_resend_says_the_outcome_is_unknown() {
        for lang in Lang::ALL {
            let t = lang.messages();
            let gateway = ApiError::Http { status: 502 };
            let text = t.explain(&gateway);
            assert!(text.contains("502"), "{}: {text:?}", lang.tag());
            assert_eq!(
                t.resend_error_text(&gateway),
                format!("{text} {}", t.unknown_outcome)
            );
            let not_found = t.explain(&ApiError::Http { status: 404 });
            assert!(not_found.contains("404") && not_found.contains(t.not_found));
        }
        assert_eq!(
            Lang::En.messages().explain(&ApiError::Http { status: 503 }),
            "The API, or a gateway in front of it, answered HTTP 503."
        );
    }

    #[test]
    fn the_size_limits_are_named_in_every_locale() {
        for lang in Lang::ALL {
            let t = lang.messages();
            let list = t.explain(&ApiError::ListTooLarge { status: 200 });
            assert!(
                list.contains(&MAX_ORDERS.to_string())
                    && list.contains(&MAX_LIST_REQUESTS.to_string()),
                "{}: {list:?}",
                lang.tag()
            );
            let body = ApiError::ResponseTooLarge {
                status: 200,
                max_bytes: crate::api::MAX_LIST_BODY_BYTES,
            };
            assert!(t.explain(&body).contains("32 MiB"), "{}", lang.tag());
            assert!(t.resend_error_text(&body).ends_with(t.unknown_outcome));
        }
        assert_eq!(
            Lang::En.messages().explain(&ApiError::ListTooLarge { status: 200 }),
            "The list is too long for the widget, which reads at most 100000 orders in 201 requests."
        );
    }

    // Marker values for the sentence functions: each must come back in the sentence's text.
    const EMAIL: &str = "⟨email⟩";
    const DOMAIN: &str = "⟨domain⟩";
    const TO: &str = "⟨to⟩";
    const REASON: &str = "⟨reason⟩";
    const TIME: &str = "⟨time⟩";
    const SPAN: &str = "⟨span⟩";
    const COLUMN: &str = "⟨column⟩";

    /// A sentence function's name, its text for the marker values, and the markers that text must hold.
    type Sentence = (&'static str, String, Vec<&'static str>);

    /// A table taken apart: its fixed strings by name, and each sentence called with marker values. A
    /// sentence listed but not called below is an unused variable (a warning, an error in clippy).
    fn parts(t: &'static Messages) -> (Vec<(&'static str, &'static str)>, Vec<Sentence>) {
        // One list of every field: the destructuring it expands to has no `..`, so a new field of
        // `Messages` does not compile here until it is listed, and a listed string is checked below.
        macro_rules! take_apart {
            ($strings:ident: [$($string:ident,)+] sentences: [$($sentence:ident,)+]) => {
                let Messages { $($string,)+ $($sentence,)+ } = t;
                let $strings = vec![$((stringify!($string), *$string)),+];
            };
        }
        take_apart! {
            strings: [
                caption,
                loading,
                empty,
                no_match,
                load_failed,
                retry,
                refresh,
                filter_label,
                filter_placeholder,
                status_filter_label,
                all_statuses,
                page_size_label,
                previous_page,
                next_page,
                pagination,
                email_column,
                send,
                no_email,
                missing_value,
                missing_date,
                not_available,
                resend_email,
                cancel,
                sending,
                approver_email,
                fulfillment_email,
                not_accepted,
                unknown_outcome,
                timeout,
                network,
                unreadable,
                denied,
                not_found,
                rate_limited,
                token_expired,
                credentials_withdrawn,
                details,
                details_loading,
                details_failed,
                order_id_label,
                approver_label,
                technical_contact_label,
                status_description_label,
                effective_label,
                modified_label,
                validity_label,
                expired,
                expiring_soon,
                expiry_filter_label,
                any_expiry,
                export_csv,
                common_name_column,
                certificate_type_column,
                status_column,
                ordered_column,
                expires_column,
            ]
            sentences: [
                send_label_sentence,
                dialog_title_sentence,
                dialog_text_sentence,
                resent_sentence,
                resend_failed_sentence,
                sent_at_sentence,
                range_sentence,
                page_of_sentence,
                sorted_by_sentence,
                unnamed_order_sentence,
                http_status_sentence,
                list_too_large_sentence,
                response_too_large_sentence,
                details_label_sentence,
                expiring_within_sentence,
                exported_sentence,
            ]
        }
        // Each sentence called with marker values, and the markers its text must hold.
        macro_rules! called {
            ($sentence:ident($($arg:expr),*) => [$($marker:expr),*]) => {
                called!(stringify!($sentence), $sentence($($arg),*) => [$($marker),*])
            };
            ($label:expr, $sentence:ident($($arg:expr),*) => [$($marker:expr),*]) => {
                ($label, $sentence($($arg),*), vec![$($marker),*])
            };
        }
        let sentences: Vec<Sentence> = vec![
            called!(send_label_sentence(EMAIL, DOMAIN) => [EMAIL, DOMAIN]),
            called!(dialog_title_sentence(EMAIL) => [EMAIL]),
            called!(dialog_text_sentence(EMAIL, DOMAIN, TO) => [EMAIL, DOMAIN, TO]),
            called!(resent_sentence(EMAIL, TO) => [EMAIL, TO]),
            called!(resend_failed_sentence(EMAIL, DOMAIN, REASON) => [EMAIL, DOMAIN, REASON]),
            called!(sent_at_sentence(TIME) => [TIME]),
            called!(range_sentence(SPAN, 12345) => [SPAN, "12345"]),
            called!(page_of_sentence(12345, 67890) => ["12345", "67890"]),
            called!("sorted_by_sentence (ascending)", sorted_by_sentence(COLUMN, true) => [COLUMN]),
            called!("sorted_by_sentence (descending)", sorted_by_sentence(COLUMN, false) => [COLUMN]),
            called!(unnamed_order_sentence(12345) => ["12345"]),
            called!(http_status_sentence(54321) => ["54321"]),
            called!(list_too_large_sentence(12345, 67890) => ["12345", "67890"]),
            called!(response_too_large_sentence(12345) => ["12345"]),
            called!(details_label_sentence(DOMAIN) => [DOMAIN]),
            called!(expiring_within_sentence(12345) => ["12345"]),
            called!("exported_sentence (one)", exported_sentence(1) => ["1"]),
            called!("exported_sentence (many)", exported_sentence(12345) => ["12345"]),
        ];
        (strings, sentences)
    }

    /// Whether `tag` is a BCP 47 language tag in its canonical case with at most a region: `en`, `pt-BR`.
    /// (The browser suite checks that `Intl` has data for each.)
    fn is_language_and_region(tag: &str) -> bool {
        let mut subtags = tag.split('-');
        let language = subtags.next().unwrap_or_default();
        let region = subtags.next();
        (2..=3).contains(&language.len())
            && language.bytes().all(|b| b.is_ascii_lowercase())
            && region.is_none_or(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
            && subtags.next().is_none()
    }

    #[test]
    fn every_locale_has_every_string_and_its_tag_round_trips() {
        for lang in Lang::ALL {
            let (tag, t) = (lang.tag(), lang.messages());
            let (strings, _) = parts(t);
            for (name, text) in strings {
                assert!(!text.trim().is_empty(), "{tag}: {name} is empty");
            }
            assert!(
                is_language_and_region(tag),
                "{lang:?}: the tag {tag:?} is not a language with an optional region, in canonical case"
            );
            let primary = tag.split('-').next().unwrap_or_default();
            for request in [
                tag.to_owned(),
                tag.to_ascii_uppercase(),
                tag.to_ascii_lowercase(),
                format!("{primary}-XX"),
                format!(" {}_xx ", primary.to_ascii_uppercase()),
            ] {
                assert_eq!(Lang::from_tag(&request), Some(lang), "{request:?}");
            }
        }
        assert!(supported_tags().eq(Lang::ALL.map(Lang::tag)));
        assert_eq!(Lang::from_tag("e"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(
            LANG_CHOICES,
            r#"one of "en", "es", "de", "fr", "ja", "pt-BR""#
        );
    }

    #[test]
    fn every_sentence_keeps_its_values_in_every_locale() {
        for lang in Lang::ALL {
            let t = lang.messages();
            let (_, sentences) = parts(t);
            for (name, text, markers) in &sentences {
                for marker in markers {
                    assert!(
                        text.contains(marker),
                        "{}: {name} lost {marker}: {text:?}",
                        lang.tag()
                    );
                }
            }
            assert_ne!(
                t.sorted_by(Column::Expires, true),
                t.sorted_by(Column::Expires, false),
                "{}",
                lang.tag()
            );
            for email in [EmailType::Approver, EmailType::Fulfillment] {
                let label = t.send_label(email, "a.example");
                assert!(
                    label.starts_with(t.send) && label.contains(t.email_name(email)),
                    "{}: the Send button's name must start with its visible word: {label:?}",
                    lang.tag()
                );
            }
            let label = t.details_label("a.example");
            assert!(
                label.starts_with(t.details),
                "{}: the details button's name must start with its visible word: {label:?}",
                lang.tag()
            );
        }
    }

    #[test]
    fn no_locale_is_a_copy_of_another() {
        for (i, a) in Lang::ALL.iter().enumerate() {
            for b in &Lang::ALL[i + 1..] {
                // Spanish and Portuguese share some of IBM's own words ("Enviar", "Cancelar"), so no one
                // string is required to differ: a copied table shows in how many strings are the same.
                let (ta, tb) = (a.messages(), b.messages());
                assert_ne!(a.tag(), b.tag());
                let (sa, _) = parts(ta);
                let (sb, _) = parts(tb);
                let same: Vec<_> = sa
                    .iter()
                    .zip(&sb)
                    .filter(|(x, y)| x.1 == y.1)
                    .map(|(x, _)| x.0)
                    .collect();
                assert!(
                    same.len() * 4 < sa.len(),
                    "{} and {} share {same:?}",
                    a.tag(),
                    b.tag()
                );
            }
        }
    }

    #[test]
    fn an_order_is_named_by_its_common_name_or_else_by_its_id() {
        let t = Lang::En.messages();
        let order = |name: Option<&str>, id: Option<u64>| Order {
            id,
            common_name: name.map(str::to_owned),
            ..Order::default()
        };
        assert_eq!(
            t.order_name(&order(Some("shop.example.org"), Some(40001))),
            "shop.example.org"
        );
        assert_eq!(t.order_name(&order(None, Some(40001))), "order 40001");
        assert_eq!(t.order_name(&order(Some("  "), Some(40001))), "order 40001");
        assert_eq!(
            Lang::Es.messages().order_name(&order(None, Some(7))),
            "pedido 7"
        );
        assert_eq!(t.order_name(&order(None, None)), "");
    }
}
