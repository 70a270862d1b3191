//! The resend protocol as a plain state machine: which click starts a send, what each answer tells, where.
//!
//! The wiring (`ui::use_resend`) asks [`ResendFlow`] before and after every step and does exactly what it
//! says: emit `ssl-orders-resend-request` (cancelable), POST `resendEmail`, then show, announce and emit the
//! outcome, state changes first and the event last, since a listener may unmount the widget.

use crate::api::ApiError;
use crate::events;
use crate::i18n::Messages;
use crate::model::EmailType;

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

/// What the widget does once a resend's answer is in.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The widget cancelled the request itself (unmount): nothing is told.
    Silent,
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

/// The orders whose resend is running in one widget.
///
/// An order is marked before anything is awaited, so however many clicks or Enter presses arrive, it is
/// sent once; another order's popup stays usable meanwhile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResendFlow {
    in_flight: Vec<u64>,
}

impl ResendFlow {
    /// Whether `order_id`'s email is being sent (the confirm button shows "Sending…").
    pub fn is_sending(&self, order_id: u64) -> bool {
        self.in_flight.contains(&order_id)
    }

    /// The user confirmed. `None`: this order is already being sent, and the click is ignored. Otherwise
    /// the order is marked, and the detail of the cancelable `ssl-orders-resend-request` comes back.
    pub fn confirm(&mut self, target: &ResendTarget) -> Option<events::ResendRequest> {
        if self.is_sending(target.order_id) {
            return None;
        }
        self.in_flight.push(target.order_id);
        Some(target.request_detail())
    }

    /// The host called `preventDefault()` on the request event: nothing was asked of the API, the popup
    /// closes, and the order can be sent again.
    pub fn vetoed(&mut self, target: &ResendTarget) {
        self.release(target.order_id);
    }

    fn release(&mut self, order_id: u64) {
        self.in_flight.retain(|id| *id != order_id);
    }

    /// The answer arrived. `popup_shows_it`: the popup is still open on this very order (the user may have
    /// closed it, or opened another order's, while the request ran). `at`: now, ISO 8601 UTC.
    pub fn settle(
        &mut self,
        target: &ResendTarget,
        result: Result<(), ApiError>,
        popup_shows_it: bool,
        t: &Messages,
        at: String,
    ) -> Outcome {
        self.release(target.order_id);
        match result {
            Ok(()) => Outcome::Resent {
                announce: t.resent(target.email, &target.recipient),
                close_popup: popup_shows_it,
                event: target.resent_detail(at),
            },
            Err(ApiError::Aborted) => Outcome::Silent,
            Err(error) => {
                let message = t.resend_error_text(&error);
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
                        outcome_unknown: error.outcome_unknown(),
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

    fn en() -> &'static Messages {
        Lang::En.messages()
    }

    const AT: &str = "2026-11-30T12:00:00.000Z";

    #[test]
    fn a_confirm_marks_the_order_and_asks_the_host_first() {
        let mut flow = ResendFlow::default();
        let detail = flow.confirm(&target(1)).expect("the first click sends");
        assert_eq!(detail, target(1).request_detail());
        assert_eq!(detail.email_type, "ApproverEmail");
        assert!(flow.is_sending(1));
    }

    #[test]
    fn a_second_confirm_for_an_order_in_flight_is_ignored() {
        let mut flow = ResendFlow::default();
        flow.confirm(&target(1));
        assert_eq!(flow.confirm(&target(1)), None);
    }

    #[test]
    fn another_order_can_be_sent_while_one_is_in_flight() {
        let mut flow = ResendFlow::default();
        flow.confirm(&target(1));
        assert!(flow.confirm(&target(2)).is_some());
        assert!(flow.is_sending(1) && flow.is_sending(2));
    }

    #[test]
    fn a_veto_frees_the_order_for_a_later_send() {
        let mut flow = ResendFlow::default();
        flow.confirm(&target(1));
        flow.vetoed(&target(1));
        assert!(!flow.is_sending(1));
        assert!(flow.confirm(&target(1)).is_some());
    }

    #[test]
    fn success_with_the_popup_open_closes_it_announces_and_emits() {
        let mut flow = ResendFlow::default();
        flow.confirm(&target(1));
        let outcome = flow.settle(&target(1), Ok(()), true, en(), AT.into());
        assert_eq!(
            outcome,
            Outcome::Resent {
                announce: "Approval email sent again to admin@example.org.".into(),
                close_popup: true,
                event: target(1).resent_detail(AT.into()),
            }
        );
        assert!(!flow.is_sending(1));
    }

    #[test]
    fn success_after_the_popup_closed_is_still_announced_and_emitted() {
        let mut flow = ResendFlow::default();
        flow.confirm(&target(1));
        match flow.settle(&target(1), Ok(()), false, en(), AT.into()) {
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
        flow.confirm(&target(1));
        let refused = ApiError::NotAccepted { status: 200 };
        match flow.settle(&target(1), Err(refused), true, en(), AT.into()) {
            Outcome::Failed {
                popup_error,
                announce,
                event,
            } => {
                assert_eq!(popup_error.as_deref(), Some(en().not_accepted));
                assert_eq!(announce, None);
                assert_eq!(
                    (event.code.as_str(), event.outcome_unknown),
                    ("NOT_ACCEPTED", false)
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(!flow.is_sending(1), "Retry can send again");
    }

    #[test]
    fn a_failure_after_the_popup_closed_is_announced_with_the_domain() {
        let mut flow = ResendFlow::default();
        flow.confirm(&target(1));
        match flow.settle(&target(1), Err(ApiError::Timeout), false, en(), AT.into()) {
            Outcome::Failed {
                popup_error,
                announce,
                event,
            } => {
                assert_eq!(popup_error, None);
                let said = announce.expect("announced");
                assert!(said.contains("shop.example.org"), "{said}");
                assert!(said.contains(en().unknown_outcome), "{said}");
                assert!(event.outcome_unknown);
                assert_eq!((event.status, event.code.as_str()), (0, "TIMEOUT"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_api_error_keeps_its_status_and_code_in_the_event() {
        let mut flow = ResendFlow::default();
        flow.confirm(&target(9));
        let error = ApiError::Api {
            status: 404,
            code: Some("SoftLayer_Exception_ObjectNotFound".into()),
            message: "Unable to find object with id of '9'.".into(),
        };
        let Outcome::Failed { event, .. } =
            flow.settle(&target(9), Err(error), true, en(), AT.into())
        else {
            panic!("expected a failure");
        };
        assert_eq!(event.order_id, 9);
        assert_eq!(event.status, 404);
        assert_eq!(event.code, "SoftLayer_Exception_ObjectNotFound");
        assert!(!event.outcome_unknown);
    }

    #[test]
    fn a_request_the_widget_cancelled_tells_nothing_and_frees_the_order() {
        let mut flow = ResendFlow::default();
        flow.confirm(&target(1));
        assert_eq!(
            flow.settle(&target(1), Err(ApiError::Aborted), true, en(), AT.into()),
            Outcome::Silent
        );
        assert!(!flow.is_sending(1));
    }

    #[test]
    fn settling_one_order_leaves_the_other_in_flight() {
        let mut flow = ResendFlow::default();
        flow.confirm(&target(1));
        flow.confirm(&target(2));
        flow.settle(&target(1), Ok(()), false, en(), AT.into());
        assert!(!flow.is_sending(1) && flow.is_sending(2));
    }
}
