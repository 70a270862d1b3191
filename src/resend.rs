//! The resend protocol as a plain state machine: which click starts a send, what each answer tells, where.
//!
//! The wiring (`ui::use_resend`) asks [`ResendFlow`] before and after every step and does exactly what it
//! says: emit `ssl-orders-resend-request` (cancelable), POST `resendEmail`, then show, announce and emit the
//! outcome, state changes first and the event last, since a listener may unmount the widget.
//!
//! The contract hosts rely on: every `ssl-orders-resend-request` that was not cancelled is followed by
//! exactly one `ssl-orders-email-resent` or `ssl-orders-resend-error`, also when the widget was unmounted or
//! remounted meanwhile; and one page sends one order's email once at a time, however many widgets show it.

use crate::api::ApiError;
use crate::events;
use crate::i18n::Messages;
use crate::model::{EmailPolicy, EmailType, Order};

/// One email of one order at one API: what "exactly once" is about, across every widget on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResendKey {
    /// The API's origin (`https://api.softlayer.com`): the same order id at another API is another order.
    pub api_origin: String,
    /// The account of the list the order was shown in, configured or discovered (`None` only before a
    /// list was read, when no Send button exists).
    pub account_id: Option<u64>,
    pub order_id: u64,
    pub email: EmailType,
}

/// The order a popup is about: captured when Send is clicked, so a late answer still knows what it was for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResendTarget {
    pub order_id: u64,
    /// The name used in sentences: the common name, or "order 40001" when it has none.
    pub common_name: String,
    /// The domain administrator's address the CA sends to.
    pub recipient: String,
    pub email: EmailType,
}

impl ResendTarget {
    /// What the popup says for `order`, when `policy` lets it be sent an email ([`EmailPolicy::sendable`]:
    /// a status that allows one, an id the API can take, a recipient), named as in `t`
    /// ([`Messages::order_name`]).
    pub fn for_order(policy: &EmailPolicy, t: &Messages, order: &Order) -> Option<ResendTarget> {
        let (order_id, email) = policy.sendable(order)?;
        Some(ResendTarget {
            order_id,
            email,
            recipient: order.approver_email.clone()?,
            common_name: t.order_name(order),
        })
    }

    /// The key of this email at the API `api_origin`, for account `account_id`.
    pub fn key(&self, api_origin: &str, account_id: Option<u64>) -> ResendKey {
        ResendKey {
            api_origin: api_origin.to_owned(),
            account_id,
            order_id: self.order_id,
            email: self.email,
        }
    }

    /// Detail of `ssl-orders-resend-request`.
    pub fn request_detail(&self) -> events::ResendRequest {
        events::ResendRequest {
            order_id: self.order_id,
            common_name: self.common_name.clone(),
            email_type: self.email.api_name(),
            recipient: self.recipient.clone(),
        }
    }

    /// Detail of `ssl-orders-email-resent`, confirmed at `at` (ISO 8601 UTC).
    pub fn resent_detail(&self, at: String) -> events::Resent {
        events::Resent {
            order_id: self.order_id,
            common_name: self.common_name.clone(),
            email_type: self.email.api_name(),
            recipient: self.recipient.clone(),
            at,
        }
    }
}

/// What the widget does once a resend's answer is in: always one event, never silence.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The CA was asked to send the email.
    Resent {
        /// For the live region.
        announce: String,
        /// Whether the popup still shows this order and closes now.
        close_popup: bool,
        event: events::Resent,
    },
    /// The send failed, or its outcome is unknown.
    Failed {
        /// Shown in the popup when it still shows this order (with Retry)...
        popup_error: Option<String>,
        /// ...otherwise announced in the live region, so the failure is never silent.
        announce: Option<String>,
        event: events::ResendFailure,
    },
}

/// The emails being sent. The widget keeps one for the whole page, so two widgets on the same account
/// cannot both send an order's email.
///
/// A key is marked before anything is awaited, so however many clicks or Enter presses arrive, it is sent
/// once; another order's popup stays usable meanwhile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResendFlow {
    in_flight: Vec<ResendKey>,
}

impl ResendFlow {
    /// Whether this email is being sent (the confirm button shows "Sending…").
    pub fn is_sending(&self, key: &ResendKey) -> bool {
        self.in_flight.contains(key)
    }

    /// The user confirmed. `None`: this email is already being sent, and the click is ignored. Otherwise
    /// the key is marked, and the detail of the cancelable `ssl-orders-resend-request` comes back.
    pub fn confirm(
        &mut self,
        key: &ResendKey,
        target: &ResendTarget,
    ) -> Option<events::ResendRequest> {
        if self.is_sending(key) {
            return None;
        }
        self.in_flight.push(key.clone());
        Some(target.request_detail())
    }

    /// The host called `preventDefault()` on the request event: nothing was asked of the API, the popup
    /// closes, and the email can be sent again.
    pub fn vetoed(&mut self, key: &ResendKey) {
        self.release(key);
    }

    fn release(&mut self, key: &ResendKey) {
        self.in_flight.retain(|sending| sending != key);
    }

    /// The answer arrived. `popup_shows_it`: the popup is still open on this very order (the user may have
    /// closed it, or opened another order's, while the request ran). `at`: now, ISO 8601 UTC.
    pub fn settle(
        &mut self,
        key: &ResendKey,
        target: &ResendTarget,
        result: Result<(), ApiError>,
        popup_shows_it: bool,
        t: &Messages,
        at: String,
    ) -> Outcome {
        self.release(key);
        match result {
            Ok(()) => Outcome::Resent {
                announce: t.resent(target.email, &target.recipient),
                close_popup: popup_shows_it,
                event: target.resent_detail(at),
            },
            Err(error) => {
                // The widget never cancels a send; should one be cancelled all the same, the POST may have
                // left, so it is told as an unknown outcome, never as nothing.
                let outcome_unknown = error.outcome_unknown() || error == ApiError::Aborted;
                let message = match error {
                    ApiError::Aborted => t.unknown_outcome.to_owned(),
                    _ => t.resend_error_text(&error),
                };
                let (popup_error, announce) = if popup_shows_it {
                    (Some(message.clone()), None)
                } else {
                    let sentence = t.resend_failed(target.email, &target.common_name, &message);
                    (None, Some(sentence))
                };
                Outcome::Failed {
                    popup_error,
                    announce,
                    event: events::ResendFailure {
                        order_id: target.order_id,
                        email_type: target.email.api_name(),
                        status: error.status(),
                        code: error.code(),
                        message,
                        outcome_unknown,
                    },
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn target(order_id: u64) -> ResendTarget {
        ResendTarget {
            order_id,
            common_name: "shop.example.org".into(),
            recipient: "admin@example.org".into(),
            email: EmailType::Approver,
        }
    }

    fn key(order_id: u64) -> ResendKey {
        target(order_id).key("https://api.softlayer.com", Some(1234567))
    }

    fn en() -> &'static Messages {
        Lang::En.messages()
    }

    const AT: &str = "2026-11-30T12:00:00.000Z";

    fn settle(flow: &mut ResendFlow, id: u64, result: Result<(), ApiError>, open: bool) -> Outcome {
        flow.settle(&key(id), &target(id), result, open, en(), AT.into())
    }

    fn failure(outcome: Outcome) -> (Option<String>, Option<String>, events::ResendFailure) {
        match outcome {
            Outcome::Failed {
                popup_error,
                announce,
                event,
            } => (popup_error, announce, event),
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn a_confirm_marks_the_email_and_asks_the_host_first() {
        let mut flow = ResendFlow::default();
        let detail = flow
            .confirm(&key(1), &target(1))
            .expect("the first click sends");
        assert_eq!(detail, target(1).request_detail());
        assert_eq!(detail.email_type, "ApproverEmail");
        assert!(flow.is_sending(&key(1)));
    }

    #[test]
    fn a_second_confirm_for_an_email_in_flight_is_ignored() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        assert_eq!(flow.confirm(&key(1), &target(1)), None);
    }

    #[test]
    fn another_order_can_be_sent_while_one_is_in_flight() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        assert!(flow.confirm(&key(2), &target(2)).is_some());
        assert!(flow.is_sending(&key(1)) && flow.is_sending(&key(2)));
    }

    #[test]
    fn the_same_order_at_another_api_or_for_the_other_email_is_another_send() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        let elsewhere = target(1).key("http://127.0.0.1:8787", Some(1234567));
        assert!(flow.confirm(&elsewhere, &target(1)).is_some());
        let fulfillment = ResendKey {
            email: EmailType::Fulfillment,
            ..key(1)
        };
        assert!(flow.confirm(&fulfillment, &target(1)).is_some());
    }

    #[test]
    fn a_veto_frees_the_email_for_a_later_send() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        flow.vetoed(&key(1));
        assert!(!flow.is_sending(&key(1)));
        assert!(flow.confirm(&key(1), &target(1)).is_some());
    }

    #[test]
    fn success_with_the_popup_open_closes_it_announces_and_emits() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        assert_eq!(
            settle(&mut flow, 1, Ok(()), true),
            Outcome::Resent {
                announce: "Approval email sent again to admin@example.org.".into(),
                close_popup: true,
                event: target(1).resent_detail(AT.into()),
            }
        );
        assert!(!flow.is_sending(&key(1)));
    }

    #[test]
    fn success_after_the_popup_closed_is_still_announced_and_emitted() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        match settle(&mut flow, 1, Ok(()), false) {
            Outcome::Resent {
                close_popup, event, ..
            } => {
                assert!(!close_popup);
                assert_eq!(event.at, AT);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_failure_with_the_popup_open_shows_there_and_is_not_announced() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        let refused = ApiError::NotAccepted { status: 200 };
        let (popup_error, announce, event) = failure(settle(&mut flow, 1, Err(refused), true));
        assert_eq!(popup_error.as_deref(), Some(en().not_accepted));
        assert_eq!(announce, None);
        assert_eq!(
            (event.code.as_str(), event.outcome_unknown),
            ("NOT_ACCEPTED", false)
        );
        assert!(!flow.is_sending(&key(1)), "Retry can send again");
    }

    #[test]
    fn a_failure_after_the_popup_closed_is_announced_with_the_domain() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        let (popup_error, announce, event) =
            failure(settle(&mut flow, 1, Err(ApiError::Timeout), false));
        assert_eq!(popup_error, None);
        let said = announce.expect("announced");
        assert!(said.contains("shop.example.org"), "{said}");
        assert!(said.contains(en().unknown_outcome), "{said}");
        assert!(event.outcome_unknown);
        assert_eq!((event.status, event.code.as_str()), (0, "TIMEOUT"));
    }

    #[test]
    fn an_api_error_keeps_its_status_and_code_in_the_event() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(9), &target(9));
        let error = ApiError::Api {
            status: 404,
            code: Some("SoftLayer_Exception_ObjectNotFound".into()),
            message: "Unable to find object with id of '9'.".into(),
        };
        let (_, _, event) = failure(settle(&mut flow, 9, Err(error), true));
        assert_eq!(event.order_id, 9);
        assert_eq!(event.status, 404);
        assert_eq!(event.code, "SoftLayer_Exception_ObjectNotFound");
        assert!(!event.outcome_unknown);
    }

    #[test]
    fn a_cancelled_request_is_still_told_as_an_unknown_outcome() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        let (popup_error, _, event) = failure(settle(&mut flow, 1, Err(ApiError::Aborted), true));
        assert_eq!(popup_error.as_deref(), Some(en().unknown_outcome));
        assert!(event.outcome_unknown);
        assert_eq!(event.code, "ABORTED");
        assert!(!flow.is_sending(&key(1)));
    }

    #[test]
    fn settling_one_order_leaves_the_other_in_flight() {
        let mut flow = ResendFlow::default();
        flow.confirm(&key(1), &target(1));
        flow.confirm(&key(2), &target(2));
        settle(&mut flow, 1, Ok(()), false);
        assert!(!flow.is_sending(&key(1)) && flow.is_sending(&key(2)));
    }

    fn sendable_order() -> Order {
        Order {
            id: Some(40001),
            common_name: Some("shop.example.org".into()),
            approver_email: Some("admin@example.org".into()),
            status_name: Some("Pending Approval".into()),
            ..Order::default()
        }
    }

    #[test]
    fn a_target_says_which_email_goes_to_whom_for_which_order() {
        let target = ResendTarget::for_order(&EmailPolicy::default(), en(), &sendable_order());
        assert_eq!(
            target,
            Some(ResendTarget {
                order_id: 40001,
                common_name: "shop.example.org".into(),
                recipient: "admin@example.org".into(),
                email: EmailType::Approver,
            })
        );
    }

    #[test]
    fn an_order_without_a_common_name_is_a_target_named_by_its_id() {
        let order = Order {
            common_name: None,
            ..sendable_order()
        };
        let target = ResendTarget::for_order(&EmailPolicy::default(), en(), &order);
        assert_eq!(target.map(|t| t.common_name), Some("order 40001".into()));
    }

    #[test]
    fn no_target_without_a_recipient_an_id_or_an_email_the_status_allows() {
        let policy = EmailPolicy::default();
        let without = [
            Order {
                approver_email: None,
                ..sendable_order()
            },
            Order {
                id: None,
                ..sendable_order()
            },
            Order {
                status_name: Some("Canceled".into()),
                ..sendable_order()
            },
        ];
        for order in without {
            assert_eq!(
                ResendTarget::for_order(&policy, en(), &order),
                None,
                "{order:?}"
            );
        }
    }
}
