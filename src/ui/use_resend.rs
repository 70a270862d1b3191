//! `use_resend`: the popup's state and the resend protocol's wiring (the protocol is `crate::resend`).

use super::context::WidgetCore;
use super::format::{clock_now, now_iso};
use super::use_order_list::OrderList;
use crate::api;
use crate::events;
use crate::resend::{Outcome, ResendFlow, ResendKey, ResendTarget};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, HtmlElement};

thread_local! {
    /// The emails being sent from this page, by any widget: exactly once holds per page, not per widget.
    static SENDING: RefCell<ResendFlow> = RefCell::default();
    /// Notified whenever [`SENDING`] changes, so every widget's "Sending…" follows it, whichever sent.
    static SENDING_CHANGED: ArcTrigger = ArcTrigger::new();
}

/// Runs `step` on the page's [`ResendFlow`] and tells every widget. Never re-entered: no event is
/// dispatched inside.
fn page_flow<R>(step: impl FnOnce(&mut ResendFlow) -> R) -> R {
    let result = SENDING.with(|flow| step(&mut flow.borrow_mut()));
    SENDING_CHANGED.with(ArcTrigger::notify);
    result
}

/// Reads the page's [`ResendFlow`], and re-runs the reader when it changes.
fn watch_page_flow<R>(read: impl FnOnce(&ResendFlow) -> R) -> R {
    SENDING_CHANGED.with(ArcTrigger::track);
    SENDING.with(|flow| read(&flow.borrow()))
}

/// The confirmation popup and the sends it starts. `Copy`: parts keep it and call its methods.
#[derive(Clone, Copy)]
pub(crate) struct Resend {
    /// Bound by the dialog part.
    pub dialog_ref: NodeRef<html::Dialog>,
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

    /// The popup's Cancel and confirm buttons, once it is rendered.
    pub fn buttons(&self) -> Option<(HtmlElement, HtmlElement)> {
        self.popup.buttons()
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

    /// Whether the open popup's email is being sent, by this widget or another one on the page.
    pub fn busy(&self) -> bool {
        let key = self.with_target(|target| target.map(|target| self.sender.key(target)));
        key.is_some_and(|key| watch_page_flow(|flow| flow.is_sending(&key)))
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
        if let Some((cancel, _)) = self.buttons() {
            let _ = cancel.focus();
        }
    }

    /// Cancel and confirm, found by the classes the dialog part gives them: no node reference of their own,
    /// whose signal type would cost its own copy of Leptos's code.
    fn buttons(self) -> Option<(HtmlElement, HtmlElement)> {
        let dialog = self.dialog_ref.try_get_untracked().flatten()?;
        let find = |selector| {
            dialog
                .query_selector(selector)
                .ok()
                .flatten()?
                .dyn_into()
                .ok()
        };
        Some((find("button.cancel")?, find("button.confirm")?))
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
        let closed_order = self.target.try_get_untracked().flatten();
        let _ = self.target.try_set(None);
        let _ = self.error.try_set(None);
        if let Some(Some(button)) = self.invoker.try_update_value(Option::take) {
            // A reload while the popup was open rebuilt the rows: the same order's new Send button.
            let button = match closed_order {
                Some(order) if !button.is_connected() => self.send_button_of(order.order_id),
                _ => Some(button),
            };
            if let Some(button) = button {
                let _ = button.focus();
            }
        }
    }

    /// The Send button of `order_id` in the widget's current table, if that order is shown.
    fn send_button_of(self, order_id: u64) -> Option<HtmlElement> {
        let dialog = self.dialog_ref.try_get_untracked().flatten()?;
        let root = dialog
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()?;
        let selector = format!("tr[data-order-id='{order_id}'] button.send");
        root.query_selector(&selector)
            .ok()
            .flatten()?
            .dyn_into()
            .ok()
    }
}

/// Sets up the popup and the resend protocol for the widget being rendered, whose orders `list` holds.
pub(crate) fn use_resend(context: WidgetCore, list: OrderList) -> Resend {
    let popup = Popup {
        target: RwSignal::new(None),
        error: RwSignal::new(None),
        dialog_ref: NodeRef::new(),
        invoker: StoredValue::new_local(None),
    };
    // No abort on unmount: a send the host did not cancel runs to its end and tells its outcome, from the
    // host element, even after the widget was unmounted or remounted (a token refresh, say).
    let sender = Sender {
        context,
        list,
        popup,
        sent_at: RwSignal::new(Vec::new()),
    };
    Resend {
        dialog_ref: popup.dialog_ref,
        popup,
        sender,
    }
}

/// Runs the protocol of [`ResendFlow`] for the popup's order: request event, POST, outcome.
#[derive(Clone, Copy)]
struct Sender {
    context: WidgetCore,
    list: OrderList,
    popup: Popup,
    sent_at: RwSignal<Vec<(u64, String)>>,
}

impl Sender {
    /// What "exactly once" is about for `order` in this widget: its API, its account, the order, the email.
    fn key(self, order: &ResendTarget) -> ResendKey {
        order.key(&self.context.api_origin(), self.list.account_id())
    }

    fn confirm(self) {
        let Some(Some(order)) = self.popup.target.try_get_untracked() else {
            return;
        };
        let key = self.key(&order);
        let Some(request) = page_flow(|flow| flow.confirm(&key, &order)) else {
            return; // already being sent, from this widget or another: the click is ignored
        };
        self.popup.error.set(None);
        let (host, config) = (self.context.host(), self.context.config());
        if !events::emit(&host, events::RESEND_REQUEST, &request, true) {
            // The host vetoed the send: nothing was asked of the API.
            page_flow(|flow| flow.vetoed(&key));
            self.popup.close();
            return;
        }
        // Not cancelled, so it is sent, even if a listener unmounted or remounted the widget meanwhile.
        spawn_local(async move {
            let request = api::resend_request(&config.api_base, order.order_id, order.email);
            let result = match AbortController::new() {
                Ok(never_aborted) => {
                    api::send(&request, &config.transport, &never_aborted.signal())
                        .await
                        .and_then(|raw| api::decode_resend(&raw))
                }
                Err(_) => Err(api::ApiError::Network("AbortController unavailable".into())),
            };
            let shows_it = self.popup.shows(&order);
            let (t, at) = (self.context.t, now_iso());
            let outcome = page_flow(|flow| flow.settle(&key, &order, result, shows_it, t, at));
            self.tell(&host, order.order_id, outcome);
        });
    }

    /// Every state change first, the event last: a listener may unmount the widget.
    fn tell(self, host: &HtmlElement, order_id: u64, outcome: Outcome) {
        match outcome {
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
