//! The English table.

use super::{upper_first, Messages};

pub(super) static MESSAGES: Messages = Messages {
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
    credentials_withdrawn:
        "The API address moved to another site, so the credentials were withdrawn. Set them again for the new address.",
    details: "Details",
    details_loading: "Loading details…",
    details_failed: "The details could not be loaded.",
    order_id_label: "Order ID",
    approver_label: "Approver email",
    technical_contact_label: "Technical contact email",
    status_description_label: "Status description",
    effective_label: "Valid from",
    modified_label: "Last modified",
    validity_label: "Validity",
    expired: "Expired",
    expiring_soon: "Expiring soon",
    expiry_filter_label: "Expiry",
    any_expiry: "Any expiry date",
    export_csv: "Export CSV",
    // Column headers.
    common_name_column: "Common name",
    certificate_type_column: "Certificate type",
    status_column: "Status",
    ordered_column: "Ordered",
    expires_column: "Expires",
    // Sentences with values in them.
    send_label_sentence: |email_name, domain| format!("Send {email_name} for {domain}"),
    dialog_title_sentence: |email_name| format!("Resend the {email_name}?"),
    dialog_text_sentence: |email_name, domain, recipient| {
        format!("The certificate authority will send the {email_name} for {domain} again to the domain administrator: {recipient}.")
    },
    resent_sentence: |email_name, recipient| {
        upper_first(&format!("{email_name} sent again to {recipient}."))
    },
    resend_failed_sentence: |email_name, domain, reason| {
        format!("The {email_name} for {domain} could not be resent: {reason}")
    },
    sent_at_sentence: |time| format!("sent at {time}"),
    range_sentence: |span, total| format!("{span} of {total}"),
    page_of_sentence: |page, pages| format!("Page {page} of {pages}"),
    sorted_by_sentence: |column, ascending| {
        if ascending {
            format!("Sorted by {column}, ascending.")
        } else {
            format!("Sorted by {column}, descending.")
        }
    },
    unnamed_order_sentence: |id| format!("order {id}"),
    http_status_sentence: |status| {
        format!("The API, or a gateway in front of it, answered HTTP {status}.")
    },
    list_too_large_sentence: |max_orders, max_requests| {
        format!("The list is too long for the widget, which reads at most {max_orders} orders in {max_requests} requests.")
    },
    response_too_large_sentence: |max_mib| {
        format!("The API's answer is larger than the {max_mib} MiB the widget reads.")
    },
    details_label_sentence: |domain| format!("Details for {domain}"),
    expiring_within_sentence: |days| format!("Expiring within {days} days"),
    exported_sentence: |rows| {
        if rows == 1 {
            "1 order exported to CSV.".to_owned()
        } else {
            format!("{rows} orders exported to CSV.")
        }
    },
};
