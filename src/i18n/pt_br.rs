//! The Brazilian Portuguese table. IBM's own words where its Brazilian Portuguese documentation of the SSL
//! Orders screen has them: "Pedidos SSL", "Enviar", "Reenviar e-mail", "Cancelar", the "E-mail" column, the
//! "e-mail de preenchimento" and "de aprovação", the "administrador de domínio", "Nome comum", "Tipo de
//! certificado", "data de expiração" and "autoridade de certificação".

use super::Messages;

pub(super) static MESSAGES: Messages = Messages {
    caption: "Pedidos SSL",
    loading: "Carregando pedidos SSL…",
    empty: "Esta conta não tem pedidos de certificados SSL.",
    no_match: "Nenhum pedido corresponde ao filtro.",
    load_failed: "Não foi possível carregar os pedidos SSL.",
    retry: "Tentar novamente",
    refresh: "Atualizar",
    filter_label: "Filtro",
    filter_placeholder: "Nome comum ou e-mail do aprovador",
    status_filter_label: "Status",
    all_statuses: "Todos os status",
    page_size_label: "Linhas por página",
    previous_page: "Página anterior",
    next_page: "Próxima página",
    pagination: "Paginação",
    email_column: "E-mail",
    send: "Enviar",
    no_email: "Nenhum e-mail disponível",
    missing_value: "—",
    missing_date: "Não emitido",
    not_available: "Indisponível",
    resend_email: "Reenviar e-mail",
    cancel: "Cancelar",
    sending: "Enviando…",
    approver_email: "e-mail de aprovação",
    fulfillment_email: "e-mail de preenchimento",
    not_accepted: "A autoridade de certificação não aceitou a solicitação.",
    unknown_outcome: "O resultado é desconhecido: o e-mail pode ter sido enviado ou não. Você pode tentar novamente.",
    timeout: "A API não respondeu a tempo.",
    network: "Não foi possível acessar a API.",
    unreadable: "A API enviou uma resposta ilegível.",
    denied: "Acesso negado: verifique as credenciais.",
    not_found: "O pedido não foi encontrado ou você não tem permissão para vê-lo.",
    rate_limited: "Solicitações demais: aguarde um momento e tente novamente.",
    token_expired: "O token de acesso expirou: faça login novamente.",
    credentials_withdrawn:
        "O endereço da API mudou para outro site, por isso as credenciais foram removidas. Defina-as novamente para o novo endereço.",
    // Column headers.
    common_name_column: "Nome comum",
    certificate_type_column: "Tipo de certificado",
    status_column: "Status",
    ordered_column: "Data do pedido",
    expires_column: "Data de expiração",
    // Sentences with values in them. Both email names are masculine ("o e-mail").
    send_label_sentence: |email_name, domain| format!("Enviar {email_name} para {domain}"),
    dialog_title_sentence: |email_name| format!("Reenviar o {email_name}?"),
    dialog_text_sentence: |email_name, domain, recipient| {
        format!("A autoridade de certificação enviará de novo o {email_name} de {domain} ao administrador de domínio: {recipient}.")
    },
    resent_sentence: |email_name, recipient| {
        format!("O {email_name} foi reenviado para {recipient}.")
    },
    resend_failed_sentence: |email_name, domain, reason| {
        format!("Não foi possível reenviar o {email_name} de {domain}: {reason}")
    },
    sent_at_sentence: |time| format!("enviado às {time}"),
    range_sentence: |span, total| format!("{span} de {total}"),
    page_of_sentence: |page, pages| format!("Página {page} de {pages}"),
    sorted_by_sentence: |column, ascending| {
        if ascending {
            format!("Ordenado por {column}, em ordem crescente.")
        } else {
            format!("Ordenado por {column}, em ordem decrescente.")
        }
    },
    unnamed_order_sentence: |id| format!("pedido {id}"),
    http_status_sentence: |status| {
        format!("A API, ou um gateway à frente dela, respondeu HTTP {status}.")
    },
    list_too_large_sentence: |max_orders, max_requests| {
        format!("A lista é longa demais para o widget, que lê no máximo {max_orders} pedidos em {max_requests} solicitações.")
    },
    response_too_large_sentence: |max_mib| {
        format!("A resposta da API é maior que os {max_mib} MiB que o widget lê.")
    },
    // Details and card labels.
    details: "Detalhes",
    details_loading: "Carregando detalhes…",
    details_failed: "Não foi possível carregar os detalhes.",
    order_id_label: "ID do pedido",
    approver_label: "E-mail do aprovador",
    technical_contact_label: "E-mail do contato técnico",
    status_description_label: "Descrição do status",
    effective_label: "Válido desde",
    modified_label: "Última modificação",
    validity_label: "Validade",
    details_label_sentence: |domain| format!("Detalhes de {domain}"),
    // Expiry and export.
    expired: "Expirado",
    expiring_soon: "Expira em breve",
    expiry_filter_label: "Expiração",
    any_expiry: "Qualquer data de expiração",
    export_csv: "Exportar CSV",
    expiring_within_sentence: |days| format!("Expira em até {days} dias"),
    exported_sentence: |rows| {
        if rows == 1 {
            "1 pedido exportado para CSV.".to_owned()
        } else {
            format!("{rows} pedidos exportados para CSV.")
        }
    },
};
