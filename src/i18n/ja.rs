//! The Japanese table. IBM's own words where its Japanese documentation of the SSL Orders screen has them:
//! "SSL 注文", "送信", "E メールの再送", "キャンセル", the "E メール" column, the "完了 E メール" and
//! "承認 E メール", the "ドメイン管理者", "共通名", "証明書タイプ", "有効期限", "認証局" and "資格情報";
//! like IBM's text, a space on each side of Latin words and numbers.

use super::Messages;

pub(super) static MESSAGES: Messages = Messages {
    caption: "SSL 注文",
    loading: "SSL 注文を読み込んでいます…",
    empty: "このアカウントには SSL 証明書の注文がありません。",
    no_match: "フィルターに一致する注文はありません。",
    load_failed: "SSL 注文を読み込めませんでした。",
    retry: "再試行",
    refresh: "最新表示",
    filter_label: "フィルター",
    filter_placeholder: "共通名または承認者の E メール",
    status_filter_label: "状況",
    all_statuses: "すべての状況",
    page_size_label: "ページあたりの行数",
    previous_page: "前のページ",
    next_page: "次のページ",
    pagination: "ページ",
    email_column: "E メール",
    send: "送信",
    no_email: "E メールはありません",
    missing_value: "—",
    missing_date: "未発行",
    not_available: "利用できません",
    resend_email: "E メールの再送",
    cancel: "キャンセル",
    sending: "送信しています…",
    approver_email: "承認 E メール",
    fulfillment_email: "完了 E メール",
    not_accepted: "認証局は要求を受け付けませんでした。",
    unknown_outcome: "結果は不明です。E メールは送信された可能性も、送信されなかった可能性もあります。再試行できます。",
    timeout: "API が時間内に応答しませんでした。",
    network: "API に接続できませんでした。",
    unreadable: "API から読み取れない応答が返されました。",
    denied: "アクセスが拒否されました。資格情報を確認してください。",
    not_found: "注文が見つからないか、表示する権限がありません。",
    rate_limited: "要求が多すぎます。しばらく待ってから再試行してください。",
    token_expired: "アクセス・トークンの有効期限が切れました。もう一度ログインしてください。",
    credentials_withdrawn:
        "API のアドレスが別のサイトに変わったため、資格情報を破棄しました。新しいアドレス用にもう一度設定してください。",
    // Column headers.
    common_name_column: "共通名",
    certificate_type_column: "証明書タイプ",
    status_column: "状況",
    ordered_column: "注文日",
    expires_column: "有効期限",
    // Sentences with values in them.
    send_label_sentence: |email_name, domain| format!("送信 ({domain} の{email_name})"),
    dialog_title_sentence: |email_name| format!("{email_name}を再送しますか？"),
    dialog_text_sentence: |email_name, domain, recipient| {
        format!("認証局は {domain} の{email_name}をドメイン管理者 ({recipient}) に再送します。")
    },
    resent_sentence: |email_name, recipient| format!("{email_name}を {recipient} に再送しました。"),
    resend_failed_sentence: |email_name, domain, reason| {
        format!("{domain} の{email_name}を再送できませんでした。{reason}")
    },
    sent_at_sentence: |time| format!("{time} に送信済み"),
    range_sentence: |span, total| format!("{total} 件中 {span} 件"),
    page_of_sentence: |page, pages| format!("{page} / {pages} ページ"),
    sorted_by_sentence: |column, ascending| {
        if ascending {
            format!("{column}の昇順でソートしました。")
        } else {
            format!("{column}の降順でソートしました。")
        }
    },
    unnamed_order_sentence: |id| format!("注文 {id}"),
    http_status_sentence: |status| {
        format!("API、またはその手前のゲートウェイが HTTP {status} を返しました。")
    },
    list_too_large_sentence: |max_orders, max_requests| {
        format!("リストが長すぎます。ウィジェットが読み取るのは {max_requests} 回の要求で最大 {max_orders} 件の注文です。")
    },
    response_too_large_sentence: |max_mib| {
        format!("API の応答が、ウィジェットが読み取る上限の {max_mib} MiB を超えています。")
    },
    // Details and card labels.
    details: "詳細",
    details_loading: "詳細を読み込んでいます…",
    details_failed: "詳細を読み込めませんでした。",
    order_id_label: "注文 ID",
    approver_label: "承認者の E メール",
    technical_contact_label: "技術担当者の E メール",
    status_description_label: "状況の説明",
    effective_label: "有効開始日",
    modified_label: "最終更新日",
    validity_label: "有効期間",
    details_label_sentence: |domain| format!("詳細 ({domain})"),
    // Expiry and export.
    expired: "期限切れ",
    expiring_soon: "まもなく期限切れ",
    expiry_filter_label: "有効期限",
    any_expiry: "すべての有効期限",
    export_csv: "CSV にエクスポート",
    expiring_within_sentence: |days| format!("{days} 日以内に期限切れ"),
    exported_sentence: |rows| format!("{rows} 件の注文を CSV にエクスポートしました。"),
};
