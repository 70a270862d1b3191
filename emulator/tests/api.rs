//! SoftLayer REST behaviour: endpoints, object masks, result limits, auth, CORS and error shapes.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{json, Value};
use sl_emulator::Config;

const WIDGET_MASK: &str = "objectMask=mask[id,commonName,approverEmailAddress,createDate,expirationDate,statusId,status[id,name,description],orderItem[id,description],order[id,createDate]]";

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
    k.sort();
    k
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|o| o["id"].as_i64().expect("id"))
        .collect()
}

fn sorted(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

// ---- SoftLayer_Account::getObject ----------------------------------------------------------

#[tokio::test]
async fn account_get_object_without_mask_returns_account() {
    let (_, app) = setup();
    let a = get(&app, &format!("{BASE}/SoftLayer_Account/getObject.json")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.header("content-type"), Some("application/json"));
    let v = a.json();
    assert_eq!(v["id"], 1_234_567);
    assert!(v["companyName"].is_string());
    assert!(v["email"].is_string());
}

#[tokio::test]
async fn account_get_object_with_id_mask_returns_only_id() {
    let (_, app) = setup();
    let a = get(
        &app,
        &format!("{BASE}/SoftLayer_Account/getObject.json?objectMask=mask%5Bid%5D"),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body.as_ref(), br#"{"id":1234567}"#);
}

#[tokio::test]
async fn v3_path_is_accepted_like_v3_1() {
    let (_, app) = setup();
    let a = get(
        &app,
        "/rest/v3/SoftLayer_Account/getObject.json?objectMask=mask[id]",
    )
    .await;
    assert_eq!(a.json(), json!({"id": 1_234_567}));
}

// ---- getSslCertificateRequests ---------------------------------------------------------------

#[tokio::test]
async fn list_with_mask_returns_only_named_locals_and_masked_relations() {
    let (_, app) = setup();
    let a = list(&app, WIDGET_MASK).await;
    assert_eq!(a.status, StatusCode::OK);
    let v = a.json();
    // 40002 is Approved, so every named property exists.
    let approved = &v[1];
    assert_eq!(approved["id"], 40_002);
    assert_eq!(
        keys(approved),
        sorted(&[
            "id",
            "commonName",
            "approverEmailAddress",
            "createDate",
            "expirationDate",
            "statusId",
            "status",
            "orderItem",
            "order"
        ])
    );
    assert_eq!(
        keys(&approved["status"]),
        sorted(&["id", "name", "description"])
    );
    assert_eq!(keys(&approved["orderItem"]), sorted(&["id", "description"]));
    assert_eq!(keys(&approved["order"]), sorted(&["id", "createDate"]));
}

#[tokio::test]
async fn list_without_mask_has_all_locals_and_no_relations() {
    let (_, app) = setup();
    let v = list(&app, "").await.json();
    let complete = &v[2];
    assert_eq!(complete["id"], 40_003);
    for local in [
        "id",
        "accountId",
        "commonName",
        "approverEmailAddress",
        "technicalContactEmailAddress",
        "certificateSigningRequest",
        "createDate",
        "modifyDate",
        "effectiveDate",
        "expirationDate",
        "statusId",
    ] {
        assert!(complete.get(local).is_some(), "missing {local}");
    }
    for relation in ["status", "orderItem", "order", "account"] {
        assert!(complete.get(relation).is_none(), "unexpected {relation}");
    }
}

#[tokio::test]
async fn csr_is_absent_unless_named() {
    let (_, app) = setup();
    let v = list(&app, WIDGET_MASK).await.json();
    assert!(v
        .as_array()
        .expect("array")
        .iter()
        .all(|o| o.get("certificateSigningRequest").is_none()));
    let v = list(&app, "objectMask=mask[id,certificateSigningRequest]")
        .await
        .json();
    let csr = v[0]["certificateSigningRequest"].as_str().expect("csr");
    assert!(csr.starts_with("-----BEGIN CERTIFICATE REQUEST-----\n"));
    assert!(csr.len() > 900 && csr.len() < 1300, "{}", csr.len());
}

#[tokio::test]
async fn relational_only_mask_keeps_every_local() {
    let (_, app) = setup();
    let v = list(&app, "objectMask=mask[status[name]]").await.json();
    let first = &v[0];
    assert!(first.get("certificateSigningRequest").is_some());
    assert!(first.get("commonName").is_some());
    assert_eq!(keys(&first["status"]), ["name"]);
    assert!(first.get("orderItem").is_none());
}

#[tokio::test]
async fn never_issued_orders_have_no_validity_date_keys() {
    let (_, app) = setup();
    let v = list(
        &app,
        "objectMask=mask[id,effectiveDate,expirationDate,status[name]]",
    )
    .await
    .json();
    let pending = &v[0];
    let canceled = &v[3];
    assert_eq!(pending["status"]["name"], "Pending CA Approval");
    assert_eq!(canceled["status"]["name"], "Canceled");
    for o in [pending, canceled] {
        assert_eq!(keys(o), sorted(&["id", "status"]), "{o}");
    }
    assert!(v[2]["expirationDate"].is_string(), "complete order has one");
}

#[tokio::test]
async fn list_is_by_id_ascending_and_excludes_other_account() {
    let (_, app) = setup();
    let a = list(&app, "objectMask=mask[id,accountId]").await;
    let got = ids(&a.json());
    let expected: Vec<i64> = (40_001..=40_040).collect();
    assert_eq!(got, expected);
    assert!(a
        .json()
        .as_array()
        .expect("array")
        .iter()
        .all(|o| o["accountId"] == 1_234_567));
}

#[tokio::test]
async fn first_four_orders_cover_every_status() {
    let (_, app) = setup();
    let v = list(
        &app,
        "objectMask=mask[id,statusId,status[name]]&resultLimit=0,4",
    )
    .await
    .json();
    let names: Vec<&str> = (0..4)
        .map(|i| v[i]["status"]["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        ["Pending CA Approval", "Approved", "Complete", "Canceled"]
    );
}

#[tokio::test]
async fn dates_use_us_central_offsets() {
    let (_, app) = setup();
    let v = list(
        &app,
        "objectMask=mask[createDate,modifyDate,effectiveDate,expirationDate]",
    )
    .await
    .json();
    for o in v.as_array().expect("array") {
        for (_, d) in o.as_object().expect("object") {
            let d = d.as_str().expect("date string");
            assert_eq!(d.len(), 25, "{d}");
            assert!(d.ends_with("-06:00") || d.ends_with("-05:00"), "{d}");
            let month: u32 = d[5..7].parse().expect("month");
            if month == 1 || month == 12 {
                assert!(d.ends_with("-06:00"), "winter date {d}");
            }
            if (5..=9).contains(&month) {
                assert!(d.ends_with("-05:00"), "summer date {d}");
            }
        }
    }
}

#[tokio::test]
async fn invalid_mask_property_is_object_mask_error() {
    let (_, app) = setup();
    let a = list(&app, "objectMask=mask[id,colour]").await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_WebService_ObjectMask",
        "Property 'colour' not valid for 'SoftLayer_Security_Certificate_Request'.",
    );
}

#[tokio::test]
async fn invalid_nested_mask_property_names_the_nested_type() {
    let (_, app) = setup();
    let a = list(&app, "objectMask=mask[id,status[colour]]").await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_WebService_ObjectMask",
        "Property 'colour' not valid for 'SoftLayer_Security_Certificate_Request_Status'.",
    );
}

#[tokio::test]
async fn unparseable_mask_is_object_mask_error() {
    let (_, app) = setup();
    let a = list(&app, "objectMask=mask[id,status[name]").await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_WebService_ObjectMask",
        "Unable to parse object mask.",
    );
}

#[tokio::test]
async fn mask_without_prefix_is_accepted() {
    let (_, app) = setup();
    let v = list(&app, "objectMask=[id,commonName]&resultLimit=0,1")
        .await
        .json();
    assert_eq!(keys(&v[0]), sorted(&["id", "commonName"]));
}

#[tokio::test]
async fn result_limit_slices_and_reports_total_items() {
    let (_, app) = setup();
    let a = list(&app, "objectMask=mask[id]&resultLimit=10,5").await;
    assert_eq!(ids(&a.json()), [40_011, 40_012, 40_013, 40_014, 40_015]);
    assert_eq!(a.header("SoftLayer-Total-Items"), Some("40"));
    let a = list(&app, "objectMask=mask[id]&resultLimit=3").await;
    assert_eq!(ids(&a.json()), [40_001, 40_002, 40_003]);
    let a = list(&app, "objectMask=mask[id]&resultLimit=38,25").await;
    assert_eq!(ids(&a.json()), [40_039, 40_040]);
    let a = list(&app, "objectMask=mask[id]&resultLimit=100,25").await;
    assert_eq!(a.json(), json!([]));
    assert_eq!(a.header("SoftLayer-Total-Items"), Some("40"));
}

#[tokio::test]
async fn total_items_header_is_sent_without_result_limit() {
    let (_, app) = setup();
    let a = list(&app, "objectMask=mask[id]").await;
    assert_eq!(ids(&a.json()).len(), 40);
    assert_eq!(a.header("softlayer-total-items"), Some("40"));
}

#[tokio::test]
async fn invalid_result_limit_is_public_error() {
    let (_, app) = setup();
    let a = list(&app, "resultLimit=a,b").await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_Public",
        "Invalid resultLimit 'a,b': expected 'offset,limit' or 'limit'.",
    );
}

#[tokio::test]
async fn options_off_drop_header_and_ignore_result_limit() {
    let mut config = config();
    config.options.total_items_header = false;
    config.options.honour_result_limit = false;
    let (_, app) = setup_with(config);
    let a = list(&app, "objectMask=mask[id]&resultLimit=0,5").await;
    assert_eq!(ids(&a.json()).len(), 40);
    assert_eq!(a.header("SoftLayer-Total-Items"), None);
}

#[tokio::test]
async fn list_for_another_account_is_not_found() {
    let (_, app) = setup();
    let a = post(&app, LIST, r#"{"parameters":[7654321]}"#).await;
    a.assert_sl_error(
        404,
        "SoftLayer_Exception_ObjectNotFound",
        "Unable to find object with id of '7654321'.",
    );
}

#[tokio::test]
async fn list_accepts_numeric_string_account_id() {
    let (_, app) = setup();
    let a = post(&app, LIST, r#"{"parameters":["1234567"]}"#).await;
    assert_eq!(a.status, StatusCode::OK);
}

#[tokio::test]
async fn list_without_body_is_public_error() {
    let (_, app) = setup();
    let a = send(&app, Method::POST, LIST, Some(&good_auth()), None, &[]).await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_Public",
        r#"Missing request body: expected {"parameters":[accountId]}."#,
    );
}

#[tokio::test]
async fn list_with_invalid_json_is_public_error() {
    let (_, app) = setup();
    let a = post(&app, LIST, "{parameters:").await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_Public",
        r#"Unable to parse the request body as JSON: expected {"parameters":[accountId]}."#,
    );
}

#[tokio::test]
async fn list_with_empty_or_wrong_parameters_is_public_error() {
    let (_, app) = setup();
    let a = post(&app, LIST, r#"{"parameters":[]}"#).await;
    assert_eq!(a.json()["code"], "SoftLayer_Exception_Public");
    assert_eq!(a.status, StatusCode::INTERNAL_SERVER_ERROR);
    let a = post(&app, LIST, r#"{"parameters":[true]}"#).await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_Public",
        "Invalid value for parameter accountId: expected an integer, got true.",
    );
}

// ---- getObject for one request ----------------------------------------------------------------

#[tokio::test]
async fn get_object_returns_one_request_with_mask() {
    let (_, app) = setup();
    let uri = format!(
        "{BASE}/SoftLayer_Security_Certificate_Request/40003/getObject.json?objectMask=mask[id,commonName,status[name]]"
    );
    let v = get(&app, &uri).await.json();
    assert_eq!(v["id"], 40_003);
    assert_eq!(keys(&v), sorted(&["id", "commonName", "status"]));
    assert_eq!(v["status"], json!({"name": "Complete"}));
}

#[tokio::test]
async fn short_id_form_equals_get_object() {
    let (_, app) = setup();
    let long = get(
        &app,
        &format!("{BASE}/SoftLayer_Security_Certificate_Request/40005/getObject.json"),
    )
    .await;
    let short = get(
        &app,
        &format!("{BASE}/SoftLayer_Security_Certificate_Request/40005.json"),
    )
    .await;
    assert_eq!(short.status, StatusCode::OK);
    assert_eq!(long.body, short.body);
    assert!(short.json().get("certificateSigningRequest").is_some());
}

#[tokio::test]
async fn get_object_unknown_id_is_not_found() {
    let (_, app) = setup();
    let a = get(
        &app,
        &format!("{BASE}/SoftLayer_Security_Certificate_Request/99999/getObject.json"),
    )
    .await;
    a.assert_sl_error(
        404,
        "SoftLayer_Exception_ObjectNotFound",
        "Unable to find object with id of '99999'.",
    );
}

#[tokio::test]
async fn get_object_of_another_accounts_order_is_not_found() {
    let (_, app) = setup();
    let a = get(
        &app,
        &format!("{BASE}/SoftLayer_Security_Certificate_Request/39901.json"),
    )
    .await;
    a.assert_sl_error(
        404,
        "SoftLayer_Exception_ObjectNotFound",
        "Unable to find object with id of '39901'.",
    );
}

// ---- resendEmail --------------------------------------------------------------------------------

#[tokio::test]
async fn resend_fulfillment_returns_true_and_records_outbox() {
    let (_, app) = setup();
    let a = resend(&app, 40_003, "FulfillmentEmail").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.header("content-type"), Some("application/json"));
    assert_eq!(a.body.as_ref(), b"true");
    let approver = get(&app, &format!("{BASE}/SoftLayer_Security_Certificate_Request/40003.json?objectMask=mask[approverEmailAddress]")).await.json();
    let out = outbox(&app).await;
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["orderId"], 40_003);
    assert_eq!(out[0]["emailType"], "FulfillmentEmail");
    assert_eq!(out[0]["recipient"], approver["approverEmailAddress"]);
    let at = out[0]["at"].as_str().expect("at");
    assert!(
        at.len() == 20 && at.ends_with('Z') && at.as_bytes()[10] == b'T',
        "{at}"
    );
}

#[tokio::test]
async fn resend_approver_allowed_while_pending() {
    let (_, app) = setup();
    let a = resend(&app, 40_001, "ApproverEmail").await;
    assert_eq!(a.body.as_ref(), b"true");
    assert_eq!(outbox(&app).await[0]["emailType"], "ApproverEmail");
}

#[tokio::test]
async fn resend_with_invalid_email_type_is_invalid_value() {
    let (_, app) = setup();
    let a = resend(&app, 40_003, "SpamEmail").await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_InvalidValue",
        "Invalid email type 'SpamEmail'. Expected ApproverEmail or FulfillmentEmail.",
    );
    assert!(outbox(&app).await.is_empty());
}

#[tokio::test]
async fn resend_without_parameter_is_invalid_value() {
    let (_, app) = setup();
    for body in [r#"{"parameters":[]}"#, "{}"] {
        let a = post(&app, &resend_uri(40_003), body).await;
        a.assert_sl_error(
            500,
            "SoftLayer_Exception_InvalidValue",
            "Invalid email type ''. Expected ApproverEmail or FulfillmentEmail.",
        );
    }
}

#[tokio::test]
async fn resend_approver_is_refused_once_complete() {
    let (_, app) = setup();
    let a = resend(&app, 40_003, "ApproverEmail").await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_Public",
        "Unable to resend the approver email for this certificate order.",
    );
    assert!(outbox(&app).await.is_empty());
}

#[tokio::test]
async fn resend_fulfillment_is_refused_while_pending() {
    let (_, app) = setup();
    let a = resend(&app, 40_001, "FulfillmentEmail").await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_Public",
        "Unable to resend the fulfillment email for this certificate order.",
    );
}

#[tokio::test]
async fn resend_is_refused_for_canceled_orders_and_allowed_for_approved() {
    let (_, app) = setup();
    assert_eq!(
        resend(&app, 40_004, "ApproverEmail").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(
        resend(&app, 40_004, "FulfillmentEmail").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(
        resend(&app, 40_002, "FulfillmentEmail").await.body.as_ref(),
        b"true"
    );
    assert_eq!(outbox(&app).await.len(), 1);
}

#[tokio::test]
async fn resend_ignores_status_when_rules_are_off() {
    let mut config = config();
    config.options.enforce_status_rules = false;
    let (_, app) = setup_with(config);
    assert_eq!(
        resend(&app, 40_004, "ApproverEmail").await.body.as_ref(),
        b"true"
    );
}

#[tokio::test]
async fn resend_for_unknown_or_foreign_id_is_not_found() {
    let (_, app) = setup();
    resend(&app, 99_999, "FulfillmentEmail")
        .await
        .assert_sl_error(
            404,
            "SoftLayer_Exception_ObjectNotFound",
            "Unable to find object with id of '99999'.",
        );
    resend(&app, 39_902, "ApproverEmail").await.assert_sl_error(
        404,
        "SoftLayer_Exception_ObjectNotFound",
        "Unable to find object with id of '39902'.",
    );
    assert!(outbox(&app).await.is_empty());
}

#[tokio::test]
async fn resend_accepts_path_parameter_form() {
    let (_, app) = setup();
    let uri = format!(
        "{BASE}/SoftLayer_Security_Certificate_Request/40003/resendEmail/FulfillmentEmail.json"
    );
    assert_eq!(get(&app, &uri).await.body.as_ref(), b"true");
}

// ---- statuses and unknown calls ----------------------------------------------------------------

#[tokio::test]
async fn get_ssl_request_statuses_lists_the_four_statuses() {
    let (_, app) = setup();
    let a = get(
        &app,
        &format!("{BASE}/SoftLayer_Security_Certificate_Request_Status/getSslRequestStatuses.json"),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    let v = a.json();
    let pairs: Vec<(i64, &str)> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|s| {
            (
                s["id"].as_i64().expect("id"),
                s["name"].as_str().expect("name"),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (1, "Pending CA Approval"),
            (2, "Approved"),
            (3, "Complete"),
            (4, "Canceled")
        ]
    );
    assert!(v[0]["description"].is_string());
}

#[tokio::test]
async fn unknown_method_is_not_a_valid_method() {
    let (_, app) = setup();
    let a = get(
        &app,
        &format!("{BASE}/SoftLayer_Security_Certificate_Request/getEverything.json"),
    )
    .await;
    a.assert_sl_error(
        500,
        "SoftLayer_Exception_Public",
        r#"Function ("getEverything") is not a valid method for this service."#,
    );
}

#[tokio::test]
async fn unknown_service_does_not_exist() {
    let (_, app) = setup();
    let a = get(&app, &format!("{BASE}/SoftLayer_Nope/getObject.json")).await;
    a.assert_sl_error(500, "SoftLayer_Exception_Public", "Service does not exist");
}

// ---- authentication -----------------------------------------------------------------------------

const ACCOUNT_URI: &str = "/rest/v3.1/SoftLayer_Account/getObject.json?objectMask=mask[id]";

#[tokio::test]
async fn missing_auth_is_access_denied() {
    let (_, app) = setup();
    let a = send(&app, Method::GET, ACCOUNT_URI, None, None, &[]).await;
    a.assert_sl_error(401, "SoftLayer_Exception_Public", "Access Denied.");
}

#[tokio::test]
async fn wrong_basic_credentials_are_access_denied() {
    let (_, app) = setup();
    let c = Config::default();
    for auth in [
        basic_auth(&c.user, "wrong-key"),
        basic_auth("someone-else", &c.api_key),
        basic_auth("apikey", "wrong-key"),
        "Basic not-base64!".to_string(),
    ] {
        let a = send(&app, Method::GET, ACCOUNT_URI, Some(&auth), None, &[]).await;
        a.assert_sl_error(401, "SoftLayer_Exception_Public", "Access Denied.");
    }
}

#[tokio::test]
async fn wrong_bearer_token_is_access_denied() {
    let (_, app) = setup();
    let a = send(
        &app,
        Method::GET,
        ACCOUNT_URI,
        Some("Bearer nope"),
        None,
        &[],
    )
    .await;
    a.assert_sl_error(401, "SoftLayer_Exception_Public", "Access Denied.");
}

#[tokio::test]
async fn both_basic_forms_and_bearer_are_accepted() {
    let (_, app) = setup();
    let c = Config::default();
    for auth in [
        basic_auth(&c.user, &c.api_key),
        basic_auth("apikey", &c.api_key),
        format!("Bearer {}", c.token),
    ] {
        let a = send(&app, Method::GET, ACCOUNT_URI, Some(&auth), None, &[]).await;
        assert_eq!(a.json(), json!({"id": 1_234_567}), "{auth}");
    }
}

#[tokio::test]
async fn access_denied_never_echoes_credentials() {
    let (_, app) = setup();
    let a = send(
        &app,
        Method::GET,
        ACCOUNT_URI,
        Some("Bearer secret-token-xyz"),
        None,
        &[],
    )
    .await;
    assert!(!a.text().contains("secret-token-xyz"));
    let log = control(&app, Method::GET, "/_emulator/requests", None).await;
    assert!(!log.text().contains("secret-token-xyz"));
    assert_eq!(log.json()[0]["auth"], "invalid");
}

// ---- CORS ------------------------------------------------------------------------------------------

#[tokio::test]
async fn preflight_for_allowed_origin_needs_no_auth() {
    let (_, app) = setup();
    let a = send(
        &app,
        Method::OPTIONS,
        LIST,
        None,
        None,
        &[
            ("Origin", ORIGIN),
            ("Access-Control-Request-Method", "POST"),
            (
                "Access-Control-Request-Headers",
                "authorization,content-type",
            ),
        ],
    )
    .await;
    assert_eq!(a.status, StatusCode::NO_CONTENT);
    assert_eq!(a.header("access-control-allow-origin"), Some(ORIGIN));
    assert_eq!(
        a.header("access-control-allow-methods"),
        Some("GET, POST, PUT, DELETE, OPTIONS")
    );
    assert_eq!(
        a.header("access-control-allow-headers"),
        Some("Authorization, Content-Type")
    );
    assert_eq!(a.header("access-control-max-age"), Some("600"));
    assert_eq!(a.header("vary"), Some("Origin"));
}

#[tokio::test]
async fn allowed_origin_sees_exposed_total_items_header() {
    let (_, app) = setup();
    let a = send(
        &app,
        Method::POST,
        &format!("{LIST}?resultLimit=0,5"),
        Some(&good_auth()),
        Some(r#"{"parameters":[1234567]}"#),
        &[("Origin", ORIGIN)],
    )
    .await;
    assert_eq!(a.header("access-control-allow-origin"), Some(ORIGIN));
    assert_eq!(
        a.header("access-control-expose-headers"),
        Some("SoftLayer-Total-Items")
    );
    assert_eq!(a.header("vary"), Some("Origin"));
}

#[tokio::test]
async fn errors_and_control_answers_carry_cors_headers() {
    let (_, app) = setup();
    let denied = send(
        &app,
        Method::GET,
        ACCOUNT_URI,
        None,
        None,
        &[("Origin", ORIGIN)],
    )
    .await;
    assert_eq!(denied.status, StatusCode::UNAUTHORIZED);
    assert_eq!(denied.header("access-control-allow-origin"), Some(ORIGIN));
    let ctl = send(
        &app,
        Method::GET,
        "/_emulator/outbox",
        None,
        None,
        &[("Origin", ORIGIN)],
    )
    .await;
    assert_eq!(ctl.header("access-control-allow-origin"), Some(ORIGIN));
}

#[tokio::test]
async fn disallowed_origin_gets_no_cors_headers() {
    let (_, app) = setup();
    let evil = [
        ("Origin", "http://evil.example"),
        ("Access-Control-Request-Method", "POST"),
    ];
    let pre = send(&app, Method::OPTIONS, LIST, None, None, &evil).await;
    assert_eq!(pre.status, StatusCode::NO_CONTENT);
    let res = send(
        &app,
        Method::GET,
        ACCOUNT_URI,
        Some(&good_auth()),
        None,
        &evil,
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    for a in [pre, res] {
        assert!(
            a.headers
                .keys()
                .all(|k| !k.as_str().starts_with("access-control-")),
            "{:?}",
            a.headers
        );
    }
}

#[tokio::test]
async fn wildcard_reflects_any_origin() {
    let config = Config {
        allow_origins: vec!["*".into()],
        ..Config::default()
    };
    let (_, app) = setup_with(config);
    let a = send(
        &app,
        Method::GET,
        ACCOUNT_URI,
        Some(&good_auth()),
        None,
        &[("Origin", "http://anything.test:3000")],
    )
    .await;
    assert_eq!(
        a.header("access-control-allow-origin"),
        Some("http://anything.test:3000")
    );
}

#[tokio::test]
async fn no_allowed_origins_means_same_origin_only() {
    let (_, app) = setup_with(Config::default());
    let a = send(
        &app,
        Method::GET,
        ACCOUNT_URI,
        Some(&good_auth()),
        None,
        &[("Origin", ORIGIN)],
    )
    .await;
    assert_eq!(a.header("access-control-allow-origin"), None);
}

// ---- pages ------------------------------------------------------------------------------------------

#[tokio::test]
async fn root_without_static_dir_names_the_api_base() {
    let (_, app) = setup();
    let a = send(
        &app,
        Method::GET,
        "/",
        None,
        None,
        &[("Host", "127.0.0.1:9999")],
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(
        a.text().contains("http://127.0.0.1:9999/rest/v3.1"),
        "{}",
        a.text()
    );
}

#[tokio::test]
async fn static_dir_is_served_after_api_routes() {
    let dir = std::env::temp_dir().join(format!("sl-emulator-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("index.html"), "<h1>widget</h1>").expect("write");
    let config = Config {
        static_dir: Some(dir.clone()),
        ..common::config()
    };
    let (_, app) = setup_with(config);
    let page = send(&app, Method::GET, "/", None, None, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text(), "<h1>widget</h1>");
    let api = get(&app, ACCOUNT_URI).await;
    assert_eq!(api.json(), json!({"id": 1_234_567}));
    let missing = send(&app, Method::GET, "/nope.js", None, None, &[]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn csp_is_sent_with_static_files_only() {
    let dir = std::env::temp_dir().join(format!("sl-emulator-csp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("index.html"), "<h1>strict</h1>").expect("write");
    let policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
    let config = Config {
        static_dir: Some(dir.clone()),
        csp: Some(policy.into()),
        ..common::config()
    };
    let (_, app) = setup_with(config);
    let page = send(&app, Method::GET, "/", None, None, &[]).await;
    assert_eq!(page.header("content-security-policy"), Some(policy));
    let api = get(&app, ACCOUNT_URI).await;
    assert_eq!(api.header("content-security-policy"), None);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_second_accounts_token_lists_and_resends_only_its_own_orders() {
    let (state, app) = setup();
    let other = [("Authorization", "Bearer other-account-token")];
    let list = send(
        &app,
        Method::POST,
        "/rest/v3.1/SoftLayer_Security_Certificate_Request/getSslCertificateRequests.json?objectMask=mask[id]",
        None,
        Some(r#"{"parameters":[7654321]}"#),
        &other,
    )
    .await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(
        list.json(),
        json!([{"id": 39901}, {"id": 39902}, {"id": 39903}])
    );
    let main_list = send(
        &app,
        Method::POST,
        "/rest/v3.1/SoftLayer_Security_Certificate_Request/getSslCertificateRequests.json",
        None,
        Some(r#"{"parameters":[1234567]}"#),
        &other,
    )
    .await;
    assert_eq!(
        main_list.status,
        StatusCode::NOT_FOUND,
        "the other account's token cannot list ours"
    );
    let account = send(
        &app,
        Method::GET,
        "/rest/v3.1/SoftLayer_Account/getObject.json?objectMask=mask[id]",
        None,
        None,
        &other,
    )
    .await;
    assert_eq!(account.json(), json!({"id": 7654321}));
    drop(state);
}

#[tokio::test]
async fn the_second_account_can_resend_its_own_order() {
    let (state, app) = setup();
    let other = [("Authorization", "Bearer other-account-token")];
    let answer = send(
        &app,
        Method::POST,
        "/rest/v3.1/SoftLayer_Security_Certificate_Request/39903/resendEmail.json",
        None,
        Some(r#"{"parameters":["FulfillmentEmail"]}"#),
        &other,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.text(), "true");
    assert_eq!(state.lock().outbox.len(), 1);
}

#[tokio::test]
async fn static_files_are_served_compressed_when_asked() {
    let dir = std::env::temp_dir().join(format!("sl-emulator-gzip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("app.wasm"), vec![0u8; 64 * 1024]).expect("write");
    let config = Config {
        static_dir: Some(dir.clone()),
        ..common::config()
    };
    let (_, app) = setup_with(config);
    let plain = send(&app, Method::GET, "/app.wasm", None, None, &[]).await;
    assert_eq!(plain.body.len(), 64 * 1024);
    let gz = send(
        &app,
        Method::GET,
        "/app.wasm",
        None,
        None,
        &[("Accept-Encoding", "gzip")],
    )
    .await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert!(gz.body.len() < 1024, "64 KB of zeros compresses to little");
    let _ = std::fs::remove_dir_all(dir);
}
