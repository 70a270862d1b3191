//! The Spanish table. IBM's own words where its Spanish documentation of the SSL Orders screen has them:
//! "Pedidos SSL", "Enviar", "Reenviar correo electrónico", "Cancelar", the "Correo electrónico" column, the
//! "correo electrónico de tramitación" and "de aprobación", the "administrador del dominio", "Nombre común",
//! "Tipo de certificado", "caducidad" and "autoridad de certificación".

use super::Messages;

pub(super) static MESSAGES: Messages = Messages {
    caption: "Pedidos SSL",
    loading: "Cargando pedidos SSL…",
    empty: "Esta cuenta no tiene pedidos de certificados SSL.",
    no_match: "Ningún pedido coincide con el filtro.",
    load_failed: "No se pudieron cargar los pedidos SSL.",
    retry: "Reintentar",
    refresh: "Actualizar",
    filter_label: "Filtrar",
    filter_placeholder: "Nombre común o correo electrónico del aprobador",
    status_filter_label: "Estado",
    all_statuses: "Todos los estados",
    page_size_label: "Filas por página",
    previous_page: "Página anterior",
    next_page: "Página siguiente",
    pagination: "Páginas",
    email_column: "Correo electrónico",
    send: "Enviar",
    no_email: "Ningún correo electrónico disponible",
    missing_value: "—",
    missing_date: "No emitido",
    not_available: "No disponible",
    resend_email: "Reenviar correo electrónico",
    cancel: "Cancelar",
    sending: "Enviando…",
    approver_email: "correo electrónico de aprobación",
    fulfillment_email: "correo electrónico de tramitación",
    not_accepted: "La autoridad de certificación no aceptó la solicitud.",
    unknown_outcome: "Se desconoce el resultado: puede que el correo electrónico se haya enviado o no. Puede volver a intentarlo.",
    timeout: "La API no respondió a tiempo.",
    network: "No se pudo contactar con la API.",
    unreadable: "La API envió una respuesta ilegible.",
    denied: "Acceso denegado: revise las credenciales.",
    not_found: "No se encontró el pedido o no tiene permiso para verlo.",
    rate_limited: "Demasiadas solicitudes: espere un momento y vuelva a intentarlo.",
    token_expired: "El token de acceso ha caducado: vuelva a iniciar sesión.",
    credentials_withdrawn:
        "La dirección de la API cambió a otro sitio, por lo que se retiraron las credenciales. Vuelva a configurarlas para la nueva dirección.",
    details: "Detalles",
    details_loading: "Cargando detalles…",
    details_failed: "No se pudieron cargar los detalles.",
    order_id_label: "ID de pedido",
    approver_label: "Correo electrónico del aprobador",
    technical_contact_label: "Correo electrónico del contacto técnico",
    status_description_label: "Descripción del estado",
    effective_label: "Válido desde",
    modified_label: "Última modificación",
    validity_label: "Validez",
    expired: "Caducado",
    expiring_soon: "Caduca pronto",
    expiry_filter_label: "Caducidad",
    any_expiry: "Cualquier caducidad",
    export_csv: "Exportar CSV",
    // Column headers.
    common_name_column: "Nombre común",
    certificate_type_column: "Tipo de certificado",
    status_column: "Estado",
    ordered_column: "Pedido",
    expires_column: "Caduca",
    // Sentences with values in them.
    send_label_sentence: |email_name, domain| format!("Enviar {email_name} para {domain}"),
    dialog_title_sentence: |email_name| format!("¿Reenviar el {email_name}?"),
    dialog_text_sentence: |email_name, domain, recipient| {
        format!("La autoridad de certificación enviará de nuevo el {email_name} de {domain} al administrador del dominio: {recipient}.")
    },
    resent_sentence: |email_name, recipient| {
        format!("Se volvió a enviar el {email_name} a {recipient}.")
    },
    resend_failed_sentence: |email_name, domain, reason| {
        format!("No se pudo reenviar el {email_name} de {domain}: {reason}")
    },
    sent_at_sentence: |time| format!("enviado a las {time}"),
    range_sentence: |span, total| format!("{span} de {total}"),
    page_of_sentence: |page, pages| format!("Página {page} de {pages}"),
    sorted_by_sentence: |column, ascending| {
        if ascending {
            format!("Ordenado por {column}, ascendente.")
        } else {
            format!("Ordenado por {column}, descendente.")
        }
    },
    unnamed_order_sentence: |id| format!("pedido {id}"),
    http_status_sentence: |status| {
        format!("La API, o una pasarela situada delante de ella, respondió HTTP {status}.")
    },
    list_too_large_sentence: |max_orders, max_requests| {
        format!("La lista es demasiado larga para el widget, que lee como máximo {max_orders} pedidos en {max_requests} solicitudes.")
    },
    response_too_large_sentence: |max_mib| {
        format!("La respuesta de la API supera los {max_mib} MiB que lee el widget.")
    },
    details_label_sentence: |domain| format!("Detalles de {domain}"),
    expiring_within_sentence: |days| format!("Caduca en {days} días o menos"),
    exported_sentence: |rows| {
        if rows == 1 {
            "1 pedido exportado a CSV.".to_owned()
        } else {
            format!("{rows} pedidos exportados a CSV.")
        }
    },
};
