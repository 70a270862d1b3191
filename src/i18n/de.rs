//! The German table. IBM's own words where its German documentation of the SSL Orders screen has them:
//! "SSL-Bestellungen", "Senden", "E-Mail erneut senden", "Abbrechen", the "E-Mail" column, the
//! "Auftragserfüllungs-E-Mail" and "Genehmigungs-E-Mail", the "Domänenadministrator", "Allgemeiner Name",
//! "Zertifikatstyp", "Ablaufdatum", "Zertifizierungsstelle" and "Berechtigungsnachweise".

use super::Messages;

pub(super) static MESSAGES: Messages = Messages {
    caption: "SSL-Bestellungen",
    loading: "SSL-Bestellungen werden geladen…",
    empty: "Dieses Konto hat keine SSL-Bestellungen.",
    no_match: "Keine Bestellung entspricht dem Filter.",
    load_failed: "Die SSL-Bestellungen konnten nicht geladen werden.",
    retry: "Erneut versuchen",
    refresh: "Aktualisieren",
    filter_label: "Filtern",
    filter_placeholder: "Allgemeiner Name oder E-Mail des Genehmigers",
    status_filter_label: "Status",
    all_statuses: "Alle Status",
    page_size_label: "Zeilen pro Seite",
    previous_page: "Vorherige Seite",
    next_page: "Nächste Seite",
    pagination: "Seiten",
    email_column: "E-Mail",
    send: "Senden",
    no_email: "Keine E-Mail verfügbar",
    missing_value: "—",
    missing_date: "Nicht ausgestellt",
    not_available: "Nicht verfügbar",
    resend_email: "E-Mail erneut senden",
    cancel: "Abbrechen",
    sending: "Wird gesendet…",
    approver_email: "Genehmigungs-E-Mail",
    fulfillment_email: "Auftragserfüllungs-E-Mail",
    not_accepted: "Die Zertifizierungsstelle hat die Anforderung nicht angenommen.",
    unknown_outcome: "Das Ergebnis ist unbekannt: Die E-Mail wurde vielleicht gesendet, vielleicht nicht. Sie können es erneut versuchen.",
    timeout: "Die API hat nicht rechtzeitig geantwortet.",
    network: "Die API ist nicht erreichbar.",
    unreadable: "Die Antwort der API ist nicht lesbar.",
    denied: "Zugriff verweigert: Prüfen Sie die Berechtigungsnachweise.",
    not_found: "Die Bestellung wurde nicht gefunden oder Sie sind nicht berechtigt, sie anzuzeigen.",
    rate_limited: "Zu viele Anforderungen: Warten Sie kurz und versuchen Sie es erneut.",
    token_expired: "Das Zugriffstoken ist abgelaufen: Melden Sie sich erneut an.",
    credentials_withdrawn:
        "Die API-Adresse verweist jetzt auf eine andere Site, daher wurden die Berechtigungsnachweise entfernt. Legen Sie sie für die neue Adresse erneut fest.",
    // Column headers.
    common_name_column: "Allgemeiner Name",
    certificate_type_column: "Zertifikatstyp",
    status_column: "Status",
    ordered_column: "Bestelldatum",
    expires_column: "Ablaufdatum",
    // Sentences with values in them. Both email names are feminine ("die E-Mail").
    send_label_sentence: |email_name, domain| format!("Senden der {email_name} für {domain}"),
    dialog_title_sentence: |email_name| format!("{email_name} erneut senden?"),
    dialog_text_sentence: |email_name, domain, recipient| {
        format!("Die Zertifizierungsstelle sendet die {email_name} für {domain} erneut an den Domänenadministrator: {recipient}.")
    },
    resent_sentence: |email_name, recipient| {
        format!("{email_name} erneut an {recipient} gesendet.")
    },
    resend_failed_sentence: |email_name, domain, reason| {
        format!("Die {email_name} für {domain} konnte nicht erneut gesendet werden: {reason}")
    },
    sent_at_sentence: |time| format!("gesendet um {time}"),
    range_sentence: |span, total| format!("{span} von {total}"),
    page_of_sentence: |page, pages| format!("Seite {page} von {pages}"),
    sorted_by_sentence: |column, ascending| {
        if ascending {
            format!("Sortiert nach {column}, aufsteigend.")
        } else {
            format!("Sortiert nach {column}, absteigend.")
        }
    },
    unnamed_order_sentence: |id| format!("Bestellung {id}"),
    http_status_sentence: |status| {
        format!("Die API oder ein vorgeschaltetes Gateway hat mit HTTP {status} geantwortet.")
    },
    list_too_large_sentence: |max_orders, max_requests| {
        format!("Die Liste ist zu lang für das Widget, das höchstens {max_orders} Bestellungen in {max_requests} Anforderungen liest.")
    },
    response_too_large_sentence: |max_mib| {
        format!("Die Antwort der API ist größer als die {max_mib} MiB, die das Widget liest.")
    },
    // Details and card labels.
    details: "Details",
    details_loading: "Details werden geladen…",
    details_failed: "Die Details konnten nicht geladen werden.",
    order_id_label: "Bestell-ID",
    approver_label: "E-Mail des Genehmigers",
    technical_contact_label: "E-Mail des technischen Ansprechpartners",
    status_description_label: "Statusbeschreibung",
    effective_label: "Gültig ab",
    modified_label: "Zuletzt geändert",
    validity_label: "Gültigkeit",
    details_label_sentence: |domain| format!("Details zu {domain}"),
    // Expiry and export.
    expired: "Abgelaufen",
    expiring_soon: "Läuft bald ab",
    expiry_filter_label: "Ablauf",
    any_expiry: "Jedes Ablaufdatum",
    export_csv: "CSV exportieren",
    expiring_within_sentence: |days| format!("Läuft in höchstens {days} Tagen ab"),
    exported_sentence: |rows| {
        if rows == 1 {
            "1 Bestellung als CSV exportiert.".to_owned()
        } else {
            format!("{rows} Bestellungen als CSV exportiert.")
        }
    },
};
