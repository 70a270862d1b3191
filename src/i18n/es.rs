//! The Spanish table.

use super::Messages;

pub(super) static MESSAGES: Messages = Messages {
    tag: "es",
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
    credentials_withdrawn:
        "La dirección de la API cambió a otro sitio, por lo que se retiraron las credenciales. Vuelva a configurarlas para la nueva dirección.",
    expired: "Vencido",
    expiring_soon: "Vence pronto",
    expiry_filter_label: "Vencimiento",
    any_expiry: "Cualquier vencimiento",
    export_csv: "Exportar CSV",
    // Column headers.
    common_name_column: "Nombre común",
    certificate_type_column: "Tipo de certificado",
    status_column: "Estado",
    ordered_column: "Pedido",
    expires_column: "Vence",
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
    expiring_within_sentence: |days| format!("Vence en {days} días o menos"),
    exported_sentence: |rows| {
        if rows == 1 {
            "1 pedido exportado a CSV.".to_owned()
        } else {
            format!("{rows} pedidos exportados a CSV.")
        }
    },
};
