//! `use_resend`: the popup's state and the resend protocol's wiring (the protocol is `crate::resend`).

use super::context::WidgetCore;
use super::format::{clock_now, now_iso};
use crate::api;
use crate::events;
use crate::resend::{Outcome, ResendFlow, ResendTarget};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{AbortController, HtmlElement};

/// The confirmation popup and the sends it starts. `Copy`: parts keep it and call its methods.
#[derive(Clone, Copy)]
pub(crate) struct Resend {
    /// Bound by the dialog part.
    pub dialog_ref: NodeRef<html::Dialog>,
    pub cancel_ref: NodeRef<html::Button>,
    pub confirm_ref: NodeRef<html::Button>,
    popup: Popup,
    sender: Sender,
}

impl Resend {
    /// Opens the popup for an order; focus returns to `button` when it closes.
    pub fn open(&self, order: ResendTarget, button: Option<HtmlElement>) {
        self.popup.open(order, button);
    }

    /// The confirm button: send, unless this order is already being sent.
    pub fn confirm(&self) {
        self.sender.confirm();
    }

    /// Cancel: closes the popup.
    pub fn close(&self) {
        self.popup.close();
    }

    /// The dialog's `close` event (Escape, or the browser closing it).
    pub fn closed(&self) {
        self.popup.after_close();
    }

    /// Reads the order the popup is about, while it is open.
    pub fn with_target<R>(&self, read: impl FnOnce(Option<&ResendTarget>) -> R) -> R {
        self.popup.target.with(|target| read(target.as_ref()))
    }

    /// Why the last send from the open popup failed.
    pub fn error(&self) -> Option<String> {
        self.popup.error.get()
    }

    pub fn has_error(&self) -> bool {
        self.popup.error.with(Option::is_some)
    }

    /// Whether the open popup's order is being sent.
    pub fn busy(&self) -> bool {
        let flow = self.sender.flow;
        self.with_target(|target| {
            target.is_some_and(|target| flow.with(|flow| flow.is_sending(target.order_id)))
        })
    }

    /// The row's note after a confirmed resend ("sent at 14:05").
    pub fn sent_note(&self, order_id: u64) -> Option<String> {
        self.sender.sent_at.with(|sent| {
            sent.iter()
                .find(|(id, _)| *id == order_id)
                .map(|(_, time)| time.clone())
        })
    }
}

/// The popup's own state. `try_*` throughout: a host may unmount the widget from inside a listener.
#[derive(Clone, Copy)]
struct Popup {
    target: RwSignal<Option<ResendTarget>>,
    error: RwSignal<Option<String>>,
    dialog_ref: NodeRef<html::Dialog>,
    cancel_ref: NodeRef<html::Button>,
    /// The Send button the popup returns focus to; taken once per opening.
    invoker: StoredValue<Option<HtmlElement>, LocalStorage>,
}

impl Popup {
    fn open(self, order: ResendTarget, button: Option<HtmlElement>) {
        self.invoker.set_value(button);
        self.error.set(None);
        self.target.set(Some(order));
        if let Some(dialog) = self.dialog_ref.get_untracked() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
        // Cancel is the safe choice, so it gets the focus (WAI-ARIA APG, confirmation dialogs).
        if let Some(cancel) = self.cancel_ref.get_untracked() {
            let _ = cancel.focus();
        }
    }

    fn is_open(self) -> bool {
        self.dialog_ref
            .try_get_untracked()
            .flatten()
            .is_some_and(|dialog| dialog.open())
    }

    /// Whether the popup is open on `order` (the user may have closed it, or opened another order's).
    fn shows(self, order: &ResendTarget) -> bool {
        self.is_open() && self.target.try_get_untracked().flatten().as_ref() == Some(order)
    }

    fn close(self) {
        if let Some(Some(dialog)) = self.dialog_ref.try_get_untracked() {
            dialog.close();
        }
        self.after_close();
    }

    /// Focus goes back to the Send button once per opening: right away when the widget closes the popup,
    /// and from the `close` event (which browsers may deliver a frame later) when Escape closed it. A
    /// `close` event from an earlier opening can arrive after the popup was reopened: then nothing happens.
    fn after_close(self) {
        if self.is_open() {
            return;
        }
        let _ = self.target.try_set(None);
        let _ = self.error.try_set(None);
        if let Some(Some(button)) = self.invoker.try_update_value(Option::take) {
            if button.is_connected() {
                let _ = button.focus();
            }
        }
    }
}

/// Sets up the popup and the resend protocol for the widget being rendered.
pub(crate) fn use_resend(context: WidgetCore) -> Resend {
    let popup = Popup {
        target: RwSignal::new(None),
        error: RwSignal::new(None),
        dialog_ref: NodeRef::new(),
        cancel_ref: NodeRef::new(),
        invoker: StoredValue::new_local(None),
    };
    let flow = RwSignal::new(ResendFlow::default());
    let sent_at = RwSignal::new(Vec::new());
    // Aborts the sends in flight when the widget goes away; their answers would have nowhere to go.
    let sends = StoredValue::new_local(AbortController::new().ok());
    on_cleanup(move || {
        if let Some(Some(controller)) = sends.try_get_value() {
            controller.abort();
        }
    });
    let sender = Sender {
        context,
        popup,
        flow,
        sent_at,
        sends,
    };
    Resend {
        dialog_ref: popup.dialog_ref,
        cancel_ref: popup.cancel_ref,
        confirm_ref: NodeRef::new(),
        popup,
        sender,
    }
}

/// Runs the protocol of [`ResendFlow`] for the popup's order: request event, POST, outcome.
#[derive(Clone, Copy)]
struct Sender {
    context: WidgetCore,
    popup: Popup,
    flow: RwSignal<ResendFlow>,
    sent_at: RwSignal<Vec<(u64, String)>>,
    sends: StoredValue<Option<AbortController>, LocalStorage>,
}

impl Sender {
    fn confirm(self) {
        let Some(Some(order)) = self.popup.target.try_get_untracked() else {
            return;
        };
        let Some(Some(request)) = self.flow.try_update(|flow| flow.confirm(&order)) else {
            return; // already being sent: the click is ignored
        };
        self.popup.error.set(None);
        let (host, config) = (self.context.host(), self.context.config());
        if !events::emit(&host, events::RESEND_REQUEST, &request, true) {
            // The host vetoed the send: nothing was asked of the API.
            let _ = self.flow.try_update(|flow| flow.vetoed(&order));
            self.popup.close();
            return;
        }
        let Some(Some(controller)) = self.sends.try_get_value() else {
            return; // unmounted by a listener of the request event
        };
        spawn_local(async move {
            let request = api::resend_request(&config.api_base, order.order_id, order.email);
            let result = match api::send(&request, &config.transport, &controller.signal()).await {
                Ok(raw) => api::decode_resend(&raw),
                Err(e) => Err(e),
            };
            let shows_it = self.popup.shows(&order);
            let (t, at) = (self.context.t, now_iso());
            let outcome = self
                .flow
                .try_update(|flow| flow.settle(&order, result, shows_it, t, at));
            // None: unmounted while the request ran, and the answer has nowhere to go.
            if let Some(outcome) = outcome {
                self.tell(&host, order.order_id, outcome);
            }
        });
    }

    /// Every state change first, the event last: a listener may unmount the widget.
    fn tell(self, host: &HtmlElement, order_id: u64, outcome: Outcome) {
        match outcome {
            Outcome::Silent => {}
            Outcome::Resent {
                announce,
                close_popup,
                event,
            } => {
                let time = clock_now(self.context.lang);
                let _ = self.sent_at.try_update(|sent| {
                    sent.retain(|(id, _)| *id != order_id);
                    sent.push((order_id, time));
                });
                self.context.announcer.announce(announce);
                if close_popup {
                    self.popup.close();
                }
                events::emit(host, events::EMAIL_RESENT, &event, false);
            }
            Outcome::Failed {
                popup_error,
                announce,
                event,
            } => {
                if let Some(message) = popup_error {
                    let _ = self.popup.error.try_set(Some(message));
                }
                if let Some(sentence) = announce {
                    self.context.announcer.announce(sentence);
                }
                events::emit(host, events::RESEND_ERROR, &event, false);
            }
        }
    }
}
