//! The French table. IBM's own words where its French documentation of the SSL Orders screen has them:
//! "Commandes SSL", "Envoyer", "Renvoyer l'e-mail", "Annuler", the "E-mail" column, the "e-mail
//! d'exécution", the "valideur", the "administrateur de domaine", "Nom usuel", "date d'expiration",
//! "autorité de certification" and "données d'identification". A no-break space (`\u{a0}`) comes before
//! `:` and `?`, as French typography has it.

use super::Messages;

pub(super) static MESSAGES: Messages = Messages {
    caption: "Commandes SSL",
    loading: "Chargement des commandes SSL…",
    empty: "Ce compte n'a aucune commande SSL.",
    no_match: "Aucune commande ne correspond au filtre.",
    load_failed: "Les commandes SSL n'ont pas pu être chargées.",
    retry: "Réessayer",
    refresh: "Actualiser",
    filter_label: "Filtrer",
    filter_placeholder: "Nom usuel ou e-mail du valideur",
    status_filter_label: "Statut",
    all_statuses: "Tous les statuts",
    page_size_label: "Lignes par page",
    previous_page: "Page précédente",
    next_page: "Page suivante",
    pagination: "Pagination",
    email_column: "E-mail",
    send: "Envoyer",
    no_email: "Aucun e-mail disponible",
    missing_value: "—",
    missing_date: "Non émis",
    not_available: "Non disponible",
    resend_email: "Renvoyer l'e-mail",
    cancel: "Annuler",
    sending: "Envoi en cours…",
    approver_email: "e-mail de validation",
    fulfillment_email: "e-mail d'exécution",
    not_accepted: "L'autorité de certification n'a pas accepté la demande.",
    unknown_outcome: "Le résultat est inconnu\u{a0}: l'e-mail a pu être envoyé ou non. Vous pouvez réessayer.",
    timeout: "L'API n'a pas répondu à temps.",
    network: "L'API est injoignable.",
    unreadable: "La réponse de l'API est illisible.",
    denied: "Accès refusé\u{a0}: vérifiez les données d'identification.",
    not_found: "La commande est introuvable ou vous n'avez pas le droit de la voir.",
    rate_limited: "Trop de demandes\u{a0}: patientez un instant, puis réessayez.",
    token_expired: "Le jeton d'accès a expiré\u{a0}: reconnectez-vous.",
    credentials_withdrawn:
        "L'adresse de l'API pointe désormais vers un autre site\u{a0}: les données d'identification ont donc été retirées. Indiquez-les de nouveau pour la nouvelle adresse.",
    // Column headers.
    common_name_column: "Nom usuel",
    certificate_type_column: "Type de certificat",
    status_column: "Statut",
    ordered_column: "Date de commande",
    expires_column: "Date d'expiration",
    // Sentences with values in them. Both email names start with "e-mail", a masculine noun: "l'", "renvoyé".
    send_label_sentence: |email_name, domain| format!("Envoyer l'{email_name} pour {domain}"),
    dialog_title_sentence: |email_name| format!("Renvoyer l'{email_name}\u{a0}?"),
    dialog_text_sentence: |email_name, domain, recipient| {
        format!("L'autorité de certification renverra l'{email_name} de {domain} à l'administrateur de domaine\u{a0}: {recipient}.")
    },
    resent_sentence: |email_name, recipient| {
        format!("L'{email_name} a été renvoyé à {recipient}.")
    },
    resend_failed_sentence: |email_name, domain, reason| {
        format!("L'{email_name} de {domain} n'a pas pu être renvoyé\u{a0}: {reason}")
    },
    sent_at_sentence: |time| format!("envoyé à {time}"),
    range_sentence: |span, total| format!("{span} sur {total}"),
    page_of_sentence: |page, pages| format!("Page {page} sur {pages}"),
    sorted_by_sentence: |column, ascending| {
        if ascending {
            format!("Trié par {column}, ordre croissant.")
        } else {
            format!("Trié par {column}, ordre décroissant.")
        }
    },
    unnamed_order_sentence: |id| format!("commande {id}"),
    http_status_sentence: |status| {
        format!("L'API, ou une passerelle placée devant elle, a répondu HTTP {status}.")
    },
    list_too_large_sentence: |max_orders, max_requests| {
        format!("La liste est trop longue pour le widget, qui lit au plus {max_orders} commandes en {max_requests} requêtes.")
    },
    response_too_large_sentence: |max_mib| {
        format!("La réponse de l'API dépasse les {max_mib} MiB que lit le widget.")
    },
    // Details and card labels.
    details: "Détails",
    details_loading: "Chargement des détails…",
    details_failed: "Les détails n'ont pas pu être chargés.",
    order_id_label: "ID de commande",
    approver_label: "E-mail du valideur",
    technical_contact_label: "E-mail du contact technique",
    status_description_label: "Description du statut",
    effective_label: "Valide à partir du",
    modified_label: "Dernière modification",
    validity_label: "Validité",
    details_label_sentence: |domain| format!("Détails de {domain}"),
    // Expiry and export.
    expired: "Expirée",
    expiring_soon: "Expire bientôt",
    expiry_filter_label: "Expiration",
    any_expiry: "Toute date d'expiration",
    export_csv: "Exporter en CSV",
    expiring_within_sentence: |days| format!("Expire dans {days} jours ou moins"),
    exported_sentence: |rows| {
        if rows == 1 {
            "1 commande exportée en CSV.".to_owned()
        } else {
            format!("{rows} commandes exportées en CSV.")
        }
    },
};
