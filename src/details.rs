//! Order details: the one `getObject` that fetches what the list's mask leaves out, and the validity.
//!
//! The list already carries the id, approver, status, certificate type, ordered and expiry dates; opening
//! a row's details asks for the three fields it lacks, never the CSR. Plain functions with native tests.

use crate::api::{self, ApiError, ApiRequest, Method, RawResponse};
use crate::i18n::Messages;
use crate::json::Json;
use crate::model::{parse_api_datetime, Column, Order, Timestamp};

/// The mask of the details call: only what the list lacks. Naming local properties drops the others, so
/// the large `certificateSigningRequest` never comes back. Every character is URL-safe as it stands.
pub const DETAILS_MASK: &str = "mask[technicalContactEmailAddress,effectiveDate,modifyDate]";

/// What the details call adds to an order of the list. Each field is absent when the API left it out
/// (never-issued orders have no `effectiveDate`) or sent something of the wrong type.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FetchedDetails {
    pub technical_contact: Option<String>,
    pub effective_date: Option<Timestamp>,
    pub modify_date: Option<Timestamp>,
}

/// `SoftLayer_Security_Certificate_Request::getObject` for order `id`, with [`DETAILS_MASK`].
pub fn details_request(base: &str, id: u64) -> ApiRequest {
    ApiRequest {
        method: Method::Get,
        url: format!(
            "{}/SoftLayer_Security_Certificate_Request/{id}/getObject.json?objectMask={DETAILS_MASK}",
            base.trim_end_matches('/')
        ),
        body: None,
        max_body_bytes: api::MAX_BODY_BYTES,
    }
}

/// Decodes the `getObject` answer: an object, read leniently field by field.
pub fn decode_details(raw: &RawResponse) -> Result<FetchedDetails, ApiError> {
    let value = api::decode_json(raw)?;
    if Json::keys(&value).is_none() {
        return Err(ApiError::Unreadable {
            status: raw.status,
            detail: "expected an order".into(),
        });
    }
    let text = |key: &str| Json::get(&value, key).and_then(|field| Json::as_str(&field));
    Ok(FetchedDetails {
        technical_contact: text("technicalContactEmailAddress"),
        effective_date: text("effectiveDate")
            .as_deref()
            .and_then(parse_api_datetime),
        modify_date: text("modifyDate").as_deref().and_then(parse_api_datetime),
    })
}

/// How long a certificate is valid, in the unit it reads best in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validity {
    Years(u32),
    Months(u32),
}

/// The validity from `effectiveDate` to `expirationDate`, in whole months (the request has no validity
/// property): validity runs from midnight to 23:59:59 on the anniversary, so the span is rounded to the
/// nearest month. Whole years read as years. `None` when the span is not positive.
pub fn validity(effective: Timestamp, expiration: Timestamp) -> Option<Validity> {
    /// The mean Gregorian month: 365.2425 days / 12.
    const MONTH_MS: f64 = 30.436_875 * 86_400_000.0;
    let span = (expiration.epoch_ms - effective.epoch_ms) as f64;
    let months = (span / MONTH_MS).round();
    if !(1.0..=1200.0).contains(&months) {
        return None;
    }
    let months = months as u32;
    Some(if months.is_multiple_of(12) {
        Validity::Years(months / 12)
    } else {
        Validity::Months(months)
    })
}

/// A value of the details list, before the widget writes it in its language (dates and the validity
/// through `Intl`).
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(Option<String>),
    Date(Option<Timestamp>),
    Validity(Option<Validity>),
}

/// What a missing value says: that it is not available, or, for a date a certificate only gets when it is
/// issued, that it was not issued.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    NotAvailable,
    NotIssued,
}

/// A labelled value of the details list.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub label: &'static str,
    pub value: FieldValue,
    pub missing: Missing,
}

/// Order `id`'s labelled values in display order, labelled in `t`: the list's at once, and the fetched
/// ones in their places once `getObject` answered (`fetched`). The validity runs from the fetched
/// effective date to the list's expiry ([`validity`]).
pub fn fields(
    t: &Messages,
    id: u64,
    order: &Order,
    fetched: Option<&FetchedDetails>,
) -> Vec<Field> {
    use FieldValue::{Date, Text};
    use Missing::{NotAvailable, NotIssued};
    let mut list = Vec::with_capacity(10);
    // A field with a value; the fetched ones have none until `getObject` answered.
    let mut add = |label, value: Option<FieldValue>, missing| {
        if let Some(value) = value {
            list.push(Field {
                label,
                value,
                missing,
            });
        }
    };
    add(
        t.order_id_label,
        Some(Text(Some(id.to_string()))),
        NotAvailable,
    );
    add(
        t.approver_label,
        Some(Text(order.approver_email.clone())),
        NotAvailable,
    );
    add(
        t.technical_contact_label,
        fetched.map(|f| Text(f.technical_contact.clone())),
        NotAvailable,
    );
    add(
        t.status_description_label,
        Some(Text(order.status_description.clone())),
        NotAvailable,
    );
    add(
        t.column(Column::CertificateType),
        Some(Text(order.certificate_type.clone())),
        NotAvailable,
    );
    add(
        t.column(Column::Ordered),
        Some(Date(order.create_date)),
        NotAvailable,
    );
    add(
        t.effective_label,
        fetched.map(|f| Date(f.effective_date)),
        NotIssued,
    );
    add(
        t.modified_label,
        fetched.map(|f| Date(f.modify_date)),
        NotAvailable,
    );
    add(
        t.column(Column::Expires),
        Some(Date(order.expiration_date)),
        NotIssued,
    );
    add(
        t.validity_label,
        fetched.map(|f| {
            let span = f.effective_date.zip(order.expiration_date);
            FieldValue::Validity(span.and_then(|(from, to)| validity(from, to)))
        }),
        NotAvailable,
    );
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::tests::raw;

    fn at(s: &str) -> Timestamp {
        parse_api_datetime(s).expect("a date")
    }

    #[test]
    fn the_request_is_one_get_of_the_order_with_the_mask_and_never_the_csr() {
        let r = details_request("https://api.softlayer.com/rest/v3.1/", 40211);
        assert_eq!(
            r.url,
            "https://api.softlayer.com/rest/v3.1/SoftLayer_Security_Certificate_Request/40211/getObject.json\
             ?objectMask=mask[technicalContactEmailAddress,effectiveDate,modifyDate]"
        );
        assert_eq!((r.method, r.body), (Method::Get, None));
        assert_eq!(r.max_body_bytes, api::MAX_BODY_BYTES);
        assert!(!r.url.contains("certificateSigningRequest"));
    }

    #[test]
    fn the_mask_asks_only_for_fields_the_list_mask_lacks() {
        let fields = DETAILS_MASK
            .trim_start_matches("mask[")
            .trim_end_matches(']')
            .split(',');
        for field in fields {
            assert!(
                !api::ORDER_MASK.contains(field),
                "{field} is in the list already"
            );
        }
    }

    #[test]
    fn decodes_the_three_fields_leniently() {
        let d = decode_details(&raw(
            200,
            r#"{"technicalContactEmailAddress":"ops@example.com","effectiveDate":"2024-03-04T00:00:00-06:00",
                "modifyDate":"2024-03-05T10:00:00-06:00"}"#,
        ))
        .unwrap();
        assert_eq!(d.technical_contact.as_deref(), Some("ops@example.com"));
        let ms = |t: Option<Timestamp>| t.map(|t| t.epoch_ms);
        assert_eq!(ms(d.effective_date), ms(Some(at("2024-03-04T06:00:00Z"))));
        assert_eq!(ms(d.modify_date), ms(Some(at("2024-03-05T16:00:00Z"))));
        let odd = decode_details(&raw(
            200,
            r#"{"technicalContactEmailAddress":7,"effectiveDate":"soon"}"#,
        ))
        .unwrap();
        assert_eq!(odd, FetchedDetails::default());
    }

    #[test]
    fn an_error_or_a_wrong_shape_fails_the_details() {
        let e = decode_details(&raw(
            404,
            r#"{"error":"Unable to find object with id of '1'.","code":"SoftLayer_Exception_ObjectNotFound"}"#,
        ))
        .unwrap_err();
        assert_eq!(e.code(), "SoftLayer_Exception_ObjectNotFound");
        for body in ["[]", "true", ""] {
            assert!(
                matches!(
                    decode_details(&raw(200, body)),
                    Err(ApiError::Unreadable { status: 200, .. })
                ),
                "{body:?}"
            );
        }
    }

    #[test]
    fn validity_is_read_from_effective_to_expiry() {
        let effective = at("2024-03-04T00:00:00-06:00");
        assert_eq!(
            validity(effective, at("2025-03-04T23:59:59-06:00")),
            Some(Validity::Years(1))
        );
        assert_eq!(
            validity(effective, at("2026-03-04T23:59:59-06:00")),
            Some(Validity::Years(2))
        );
        assert_eq!(
            validity(effective, at("2024-06-02T23:59:59-05:00")),
            Some(Validity::Months(3))
        );
        assert_eq!(
            validity(at("2024-02-29T00:00:00Z"), at("2025-02-28T23:59:59Z")),
            Some(Validity::Years(1)),
            "a leap day's anniversary"
        );
        assert_eq!(validity(effective, effective), None);
        assert_eq!(validity(at("2025-03-04T00:00:00Z"), effective), None);
    }

    fn listed_order() -> Order {
        Order {
            id: Some(40211),
            approver_email: Some("admin@example.org".into()),
            certificate_type: Some("EV SSL".into()),
            status_description: None,
            create_date: Some(at("2024-02-20T10:00:00-06:00")),
            expiration_date: Some(at("2025-03-04T23:59:59-06:00")),
            ..Order::default()
        }
    }

    fn labels(fields: &[Field]) -> Vec<&'static str> {
        fields.iter().map(|field| field.label).collect()
    }

    #[test]
    fn before_the_fetch_the_details_list_the_orders_own_values() {
        let t = crate::i18n::Lang::En.messages();
        let fields = fields(t, 40211, &listed_order(), None);
        assert_eq!(
            labels(&fields),
            [
                "Order ID",
                "Approver email",
                "Status description",
                "Certificate type",
                "Ordered",
                "Expires"
            ]
        );
        assert_eq!(fields[0].value, FieldValue::Text(Some("40211".into())));
        assert_eq!(
            (&fields[2].value, fields[2].missing),
            (&FieldValue::Text(None), Missing::NotAvailable),
            "a missing description"
        );
        assert_eq!(
            fields[5].value,
            FieldValue::Date(listed_order().expiration_date)
        );
        assert_eq!(fields[5].missing, Missing::NotIssued);
    }

    #[test]
    fn after_the_fetch_its_values_join_in_their_places_with_the_validity() {
        let t = crate::i18n::Lang::En.messages();
        let fetched = FetchedDetails {
            technical_contact: Some("tech@example.org".into()),
            effective_date: Some(at("2024-03-04T00:00:00-06:00")),
            modify_date: None,
        };
        let fields = fields(t, 40211, &listed_order(), Some(&fetched));
        assert_eq!(
            labels(&fields),
            [
                "Order ID",
                "Approver email",
                "Technical contact email",
                "Status description",
                "Certificate type",
                "Ordered",
                "Valid from",
                "Last modified",
                "Expires",
                "Validity"
            ]
        );
        assert_eq!(
            fields[2].value,
            FieldValue::Text(Some("tech@example.org".into()))
        );
        assert_eq!(fields[6].value, FieldValue::Date(fetched.effective_date));
        assert_eq!(fields[6].missing, Missing::NotIssued);
        assert_eq!(
            (&fields[7].value, fields[7].missing),
            (&FieldValue::Date(None), Missing::NotAvailable)
        );
        assert_eq!(
            fields[9].value,
            FieldValue::Validity(Some(Validity::Years(1)))
        );
    }

    #[test]
    fn without_an_effective_date_there_is_no_validity() {
        let t = crate::i18n::Lang::En.messages();
        let fetched = FetchedDetails::default();
        let fields = fields(t, 40211, &listed_order(), Some(&fetched));
        assert_eq!(fields[9].value, FieldValue::Validity(None));
        assert_eq!(fields[9].missing, Missing::NotAvailable);
    }
}
