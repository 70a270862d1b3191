//! `use_resend`: the popup's state and the resend protocol's wiring (the protocol is `crate::resend`).

use super::context::use_widget;
use super::format::{clock_now, now_iso};
use crate::api;
use crate::events;
use crate::resend::{Outcome, ResendFlow, ResendTarget};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{AbortController, HtmlElement};

/// The confirmation popup and the sends it starts.
#[derive(Clone, Copy)]
pub(crate) struct Resend {
    /// The order the popup is about, while it is open.
    pub target: ReadSignal<Option<ResendTarget>>,
    /// Why the last send from the open popup failed.
    pub error: ReadSignal<Option<String>>,
    /// Bound by the dialog part.
    pub dialog_ref: NodeRef<html::Dialog>,
    pub cancel_ref: NodeRef<html::Button>,
    pub confirm_ref: NodeRef<html::Button>,
    /// Opens the popup for an order; focus returns to the given button when it closes.
    pub open: UnsyncCallback<(ResendTarget, Option<HtmlElement>)>,
    /// The confirm button: send, unless this order is already being sent.
    pub confirm: UnsyncCallback<()>,
    /// Cancel, or a finished send: closes the popup.
    pub close: UnsyncCallback<()>,
    /// The dialog's `close` event (Escape, or the browser closing it).
    pub closed: UnsyncCallback<()>,
    flow: RwSignal<ResendFlow>,
    sent_at: RwSignal<Vec<(u64, String)>>,
}

impl Resend {
    /// Whether the open popup's order is being sent.
    pub fn busy(&self) -> bool {
        self.target.with(|target| {
            target
                .as_ref()
                .is_some_and(|target| self.flow.with(|flow| flow.is_sending(target.order_id)))
        })
    }

    /// The row's note after a confirmed resend ("sent at 14:05").
    pub fn sent_note(&self, order_id: u64) -> Option<String> {
        self.sent_at.with(|sent| {
            sent.iter()
                .find(|(id, _)| *id == order_id)
                .map(|(_, time)| time.clone())
        })
    }
}

/// Sets up the popup and the resend protocol for the widget being rendered.
pub(crate) fn use_resend() -> Resend {
    let context = use_widget();
    let (host, config, t, lang) = (context.host(), context.config(), context.t, context.lang);
    let (target, set_target) = signal(None::<ResendTarget>);
    let (error, set_error) = signal(None::<String>);
    let flow = RwSignal::new(ResendFlow::default());
    let sent_at = RwSignal::new(Vec::<(u64, String)>::new());
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let cancel_ref = NodeRef::<html::Button>::new();
    let confirm_ref = NodeRef::<html::Button>::new();
    // The Send button the popup returns focus to; taken once per opening.
    let invoker = StoredValue::new_local(None::<HtmlElement>);

    // Aborts the sends in flight when the widget goes away; their answers would have nowhere to go.
    let sends = StoredValue::new_local(AbortController::new().ok());
    on_cleanup(move || {
        if let Some(Some(controller)) = sends.try_get_value() {
            controller.abort();
        }
    });

    let open = move |(order, button): (ResendTarget, Option<HtmlElement>)| {
        invoker.set_value(button);
        set_error.set(None);
        set_target.set(Some(order));
        if let Some(dialog) = dialog_ref.get_untracked() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
        // Cancel is the safe choice, so it gets the focus (WAI-ARIA APG, confirmation dialogs).
        if let Some(cancel) = cancel_ref.get_untracked() {
            let _ = cancel.focus();
        }
    };

    // Focus goes back to the Send button once per opening: right away when the widget closes the popup,
    // and from the `close` event (which browsers may deliver a frame later) when Escape closed it.
    // try_* throughout: a host may unmount the widget from inside one of its event listeners.
    let after_close = move || {
        let _ = set_target.try_set(None);
        let _ = set_error.try_set(None);
        if let Some(Some(button)) = invoker.try_update_value(Option::take) {
            if button.is_connected() {
                let _ = button.focus();
            }
        }
    };
    let close = move || {
        if let Some(Some(dialog)) = dialog_ref.try_get_untracked() {
            dialog.close();
        }
        after_close();
    };
    // A `close` event from an earlier opening can arrive after the popup was reopened.
    let closed = move || {
        if !dialog_ref.get_untracked().is_some_and(|d| d.open()) {
            after_close();
        }
    };

    let confirm = move || {
        let Some(Some(order)) = target.try_get_untracked() else {
            return;
        };
        let Some(Some(request)) = flow.try_update(|flow| flow.confirm(&order)) else {
            return; // already being sent: the click is ignored
        };
        set_error.set(None);
        if !events::emit(&host, events::RESEND_REQUEST, &request, true) {
            // The host vetoed the send: nothing was asked of the API.
            let _ = flow.try_update(|flow| flow.vetoed(&order));
            close();
            return;
        }
        let Some(Some(controller)) = sends.try_get_value() else {
            return; // unmounted by a listener of the request event
        };
        let (config, host) = (config.clone(), host.clone());
        spawn_local(async move {
            let request = api::resend_request(&config.api_base, order.order_id, order.email);
            let result = match api::send(&request, &config.transport, &controller.signal()).await {
                Ok(raw) => api::decode_resend(&raw),
                Err(e) => Err(e),
            };
            let popup_shows_it = dialog_ref
                .try_get_untracked()
                .flatten()
                .is_some_and(|d| d.open())
                && target.try_get_untracked().flatten().as_ref() == Some(&order);
            let settled =
                flow.try_update(|flow| flow.settle(&order, result, popup_shows_it, t, now_iso()));
            // Every state change first, the event last: a listener may unmount the widget.
            match settled {
                None | Some(Outcome::Silent) => {} // unmounted while the request ran, or cancelled
                Some(Outcome::Resent {
                    announce,
                    close_popup,
                    event,
                }) => {
                    let time = clock_now(lang);
                    let _ = sent_at.try_update(|sent| {
                        sent.retain(|(id, _)| *id != order.order_id);
                        sent.push((order.order_id, time));
                    });
                    context.announcer.announce(announce);
                    if close_popup {
                        close();
                    }
                    events::emit(&host, events::EMAIL_RESENT, &event, false);
                }
                Some(Outcome::Failed {
                    popup_error,
                    announce,
                    event,
                }) => {
                    if let Some(message) = popup_error {
                        let _ = set_error.try_set(Some(message));
                    }
                    if let Some(sentence) = announce {
                        context.announcer.announce(sentence);
                    }
                    events::emit(&host, events::RESEND_ERROR, &event, false);
                }
            }
        });
    };

    Resend {
        target,
        error,
        dialog_ref,
        cancel_ref,
        confirm_ref,
        open: UnsyncCallback::new(open),
        confirm: UnsyncCallback::new(move |()| confirm()),
        close: UnsyncCallback::new(move |()| close()),
        closed: UnsyncCallback::new(move |()| closed()),
        flow,
        sent_at,
    }
}
