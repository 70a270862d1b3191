//! Every word the widget shows, in English and Spanish, and how the locale is chosen.

use crate::model::{Column, EmailType};

/// A supported locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// Reads a BCP 47 tag (`es`, `es-MX`, `EN-gb`); `None` for a language the widget does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The first supported tag among the widget's `lang`, the page's `lang` and the browser's languages;
    /// English when none is supported.
    pub fn resolve<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Lang {
        candidates
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    /// The tag handed to `Intl` for dates and numbers.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The messages of this locale.
    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
        }
    }
}

/// The fixed strings of one locale. Sentences with values in them are methods below.
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
}

static EN: Messages = Messages {
    caption: "SSL certificate orders",
    loading: "Loading SSL orders…",
    empty: "This account has no SSL certificate orders.",
    no_match: "No orders match the filter.",
    load_failed: "The SSL orders could not be loaded.",
    retry: "Retry",
    refresh: "Refresh",
    filter_label: "Filter",
    filter_placeholder: "Common name or approver email",
    status_filter_label: "Status",
    all_statuses: "All statuses",
    page_size_label: "Rows per page",
    previous_page: "Previous page",
    next_page: "Next page",
    pagination: "Pages",
    email_column: "Email",
    send: "Send",
    no_email: "No email available",
    missing_value: "—",
    missing_date: "Not issued",
    not_available: "Not available",
    resend_email: "Resend email",
    cancel: "Cancel",
    sending: "Sending…",
    approver_email: "approval email",
    fulfillment_email: "fulfillment email",
    not_accepted: "The certificate authority did not accept the request.",
    unknown_outcome:
        "The outcome is unknown: the email may or may not have been sent. You can try again.",
    timeout: "The API did not answer in time.",
    network: "The API could not be reached.",
    unreadable: "The API sent an answer that could not be read.",
    denied: "Access denied: check the credentials.",
    not_found: "The order was not found, or you lack permission to see it.",
    rate_limited: "Too many requests: wait a moment and try again.",
    token_expired: "The access token has expired: sign in again.",
};

static ES: Messages = Messages {
    caption: "Pedidos de certificados SSL",
    loading: "Cargando pedidos SSL…",
    empty: "Esta cuenta no tiene pedidos de certificados SSL.",
    no_match: "Ningún pedido coincide con el filtro.",
    load_failed: "No se pudieron cargar los pedidos SSL.",
    retry: "Reintentar",
    refresh: "Actualizar",
    filter_label: "Filtrar",
    filter_placeholder: "Nombre común o correo del aprobador",
    status_filter_label: "Estado",
    all_statuses: "Todos los estados",
    page_size_label: "Filas por página",
    previous_page: "Página anterior",
    next_page: "Página siguiente",
    pagination: "Páginas",
    email_column: "Correo electrónico",
    send: "Enviar",
    no_email: "Ningún correo disponible",
    missing_value: "—",
    missing_date: "No emitido",
    not_available: "No disponible",
    resend_email: "Reenviar correo electrónico",
    cancel: "Cancelar",
    sending: "Enviando…",
    approver_email: "correo de aprobación",
    fulfillment_email: "correo de entrega",
    not_accepted: "La autoridad de certificación no aceptó la solicitud.",
    unknown_outcome: "Se desconoce el resultado: puede que el correo se haya enviado o no. Puede volver a intentarlo.",
    timeout: "La API no respondió a tiempo.",
    network: "No se pudo contactar con la API.",
    unreadable: "La API envió una respuesta ilegible.",
    denied: "Acceso denegado: revise las credenciales.",
    not_found: "No se encontró el pedido o no tiene permiso para verlo.",
    rate_limited: "Demasiadas solicitudes: espere un momento y vuelva a intentarlo.",
    token_expired: "El token de acceso ha caducado: vuelva a iniciar sesión.",
};

impl Messages {
    fn is_es(&self) -> bool {
        std::ptr::eq(self, &ES)
    }

    /// A column's header text.
    pub fn column(&self, column: Column) -> &'static str {
        match (column, self.is_es()) {
            (Column::CommonName, false) => "Common name",
            (Column::CommonName, true) => "Nombre común",
            (Column::CertificateType, false) => "Certificate type",
            (Column::CertificateType, true) => "Tipo de certificado",
            (Column::Status, false) => "Status",
            (Column::Status, true) => "Estado",
            (Column::Ordered, false) => "Ordered",
            (Column::Ordered, true) => "Pedido",
            (Column::Expires, false) => "Expires",
            (Column::Expires, true) => "Vence",
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
        format!(
            "{} {} {} {domain}",
            self.send,
            self.email_name(email),
            if self.is_es() { "para" } else { "for" }
        )
    }

    /// The popup's title.
    pub fn dialog_title(&self, email: EmailType) -> String {
        let name = self.email_name(email);
        if self.is_es() {
            format!("¿Reenviar el {name}?")
        } else {
            format!("Resend the {name}?")
        }
    }

    /// The popup's description: which email, for which domain, to which address.
    pub fn dialog_text(&self, email: EmailType, domain: &str, recipient: &str) -> String {
        let name = self.email_name(email);
        if self.is_es() {
            format!("La autoridad de certificación enviará de nuevo el {name} de {domain} al administrador del dominio: {recipient}.")
        } else {
            format!("The certificate authority will send the {name} for {domain} again to the domain administrator: {recipient}.")
        }
    }

    /// The live-region message after a successful resend.
    pub fn resent(&self, email: EmailType, recipient: &str) -> String {
        let name = self.email_name(email);
        if self.is_es() {
            format!("Se volvió a enviar el {name} a {recipient}.")
        } else {
            let mut s = format!("{name} sent again to {recipient}.");
            s[..1].make_ascii_uppercase();
            s
        }
    }

    /// The live-region message when a resend failed after its popup was closed.
    pub fn resend_failed(&self, email: EmailType, domain: &str, reason: &str) -> String {
        let name = self.email_name(email);
        if self.is_es() {
            format!("No se pudo reenviar el {name} de {domain}: {reason}")
        } else {
            format!("The {name} for {domain} could not be resent: {reason}")
        }
    }

    /// The row's note after a resend ("sent at 14:05").
    pub fn sent_at(&self, time: &str) -> String {
        if self.is_es() {
            format!("enviado a las {time}")
        } else {
            format!("sent at {time}")
        }
    }

    /// Range summary: "26–50 of 312".
    pub fn range(&self, start: usize, end: usize, total: usize) -> String {
        if total == 0 {
            return if self.is_es() {
                "0 de 0".into()
            } else {
                "0 of 0".into()
            };
        }
        format!(
            "{}–{end} {} {total}",
            start + 1,
            if self.is_es() { "de" } else { "of" }
        )
    }

    /// "Page 2 of 13".
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        if self.is_es() {
            format!("Página {} de {pages}", page + 1)
        } else {
            format!("Page {} of {pages}", page + 1)
        }
    }

    /// Announced after a sort: "Sorted by Expires, ascending".
    pub fn sorted_by(&self, column: Column, ascending: bool) -> String {
        let col = self.column(column);
        match (self.is_es(), ascending) {
            (false, true) => format!("Sorted by {col}, ascending."),
            (false, false) => format!("Sorted by {col}, descending."),
            (true, true) => format!("Ordenado por {col}, ascendente."),
            (true, false) => format!("Ordenado por {col}, descendente."),
        }
    }

    /// What the popup (or, once it is closed, the live region) says when a resend failed: the API's text,
    /// and when the request may have reached the API, that the outcome is unknown.
    pub fn resend_error_text(&self, error: &crate::api::ApiError) -> String {
        let text = self.explain(error);
        if error.outcome_unknown() {
            format!("{text} {}", self.unknown_outcome)
        } else {
            text
        }
    }

    /// How an order without a common name is named in labels and sentences.
    pub fn unnamed_order(&self, id: u64) -> String {
        if self.is_es() {
            format!("pedido {id}")
        } else {
            format!("order {id}")
        }
    }

    /// What the user reads for an API failure: the API's own text when it sent one, with a plain-language
    /// hint for the failures a user can act on.
    pub fn explain(&self, error: &crate::api::ApiError) -> String {
        use crate::api::ApiError as E;
        match error {
            E::Api {
                status,
                code,
                message,
            } => {
                let hint = match (code.as_deref().unwrap_or(""), *status) {
                    ("SoftLayer_Exception_WebService_RateLimitExceeded", _) => {
                        Some(self.rate_limited)
                    }
                    ("SoftLayer_Exception_Account_Authentication_AccessTokenValidation", _) => {
                        Some(self.token_expired)
                    }
                    (_, 401) => Some(self.denied),
                    ("SoftLayer_Exception_ObjectNotFound", _) | (_, 404) => Some(self.not_found),
                    _ => None,
                };
                match hint {
                    Some(hint) if hint != message => format!("{message} ({hint})"),
                    _ => message.clone(),
                }
            }
            E::NotAccepted { .. } => self.not_accepted.into(),
            E::Unreadable { .. } => self.unreadable.into(),
            E::Timeout => self.timeout.into(),
            E::Network(_) => self.network.into(),
            E::Aborted => String::new(),
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
        assert_eq!(Lang::resolve(["fr", "EN-gb"]), Lang::En);
        assert_eq!(Lang::resolve(["de", "fr"]), Lang::En);
    }

    #[test]
    fn spanish_uses_the_portal_labels() {
        let es = Lang::Es.messages();
        assert_eq!(
            (es.send, es.resend_email, es.cancel),
            ("Enviar", "Reenviar correo electrónico", "Cancelar")
        );
        let en = Lang::En.messages();
        assert_eq!(
            (en.send, en.resend_email, en.cancel),
            ("Send", "Resend email", "Cancel")
        );
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
            "Enviar correo de aprobación para a.es"
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
}
