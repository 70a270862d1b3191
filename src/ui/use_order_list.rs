//! `use_order_list`: the list's state, loaded on mount, on Refresh or Retry and on the host's `reload()`.

use super::context::{reflect_state, WidgetCore};
use crate::api::{self, ApiError, StatusDef};
use crate::config::Config;
use crate::events;
use crate::load::{self, LoadTracker, Settled};
use crate::model::Order;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use web_sys::{AbortController, AbortSignal, HtmlElement};

/// Where the list stands. `Ready` holds the whole list; filtering and paging happen in the view.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ListState {
    Loading,
    Ready(Arc<Vec<Order>>),
    Failed(ApiError),
}

impl ListState {
    /// The value of `data-state` / `element.state`.
    pub fn name(&self) -> &'static str {
        match self {
            ListState::Loading => "loading",
            ListState::Ready(orders) if orders.is_empty() => "empty",
            ListState::Ready(_) => "ready",
            ListState::Failed(_) => "error",
        }
    }
}

/// The order list of one widget. `Copy`: a part keeps it and calls [`OrderList::reload`] from a click.
#[derive(Clone, Copy)]
pub(crate) struct OrderList {
    core: WidgetCore,
    // Written by `publish` only; parts read them through the methods.
    state: RwSignal<ListState>,
    statuses: RwSignal<Vec<StatusDef>>,
    tracker: StoredValue<LoadTracker>,
    /// The account of the last list read, configured or discovered.
    account_id: StoredValue<Option<u64>>,
    /// Aborts the load in flight.
    running: StoredValue<Option<AbortController>, LocalStorage>,
}

impl OrderList {
    /// The list, or why there is none yet.
    pub fn state(&self) -> ListState {
        self.state.get()
    }

    /// Reads the account's statuses, for the status filter; empty until they arrive.
    pub fn with_statuses<R>(&self, read: impl FnOnce(&[StatusDef]) -> R) -> R {
        self.statuses.with(|statuses| read(statuses))
    }

    /// The account the shown orders belong to, once a list was read.
    pub fn account_id(&self) -> Option<u64> {
        self.account_id.try_get_value().flatten()
    }

    /// The orders, when the list is loaded.
    pub fn orders(&self) -> Option<Arc<Vec<Order>>> {
        self.state.with(|state| match state {
            ListState::Ready(orders) => Some(orders.clone()),
            _ => None,
        })
    }

    /// The one writer of the list state: the host's `data-state` changes with it, before any event.
    fn publish(self, host: &HtmlElement, next: ListState) {
        reflect_state(host, Some(next.name()));
        let _ = self.state.try_set(next);
    }

    /// Starts a new load (Refresh, Retry, the host's `reload()`); one still running is aborted and its
    /// answer dropped. Safe after unmount: it does nothing.
    pub fn reload(self) {
        let Some(ticket) = self.tracker.try_update_value(LoadTracker::begin) else {
            return; // unmounted
        };
        if let Some(Some(previous)) = self.running.try_update_value(Option::take) {
            previous.abort();
        }
        // Taken now: after an unmount the stored values are gone, while these tasks may still be pending.
        let (host, config) = (self.core.host(), self.core.config());
        let Ok(controller) = AbortController::new() else {
            let error = ApiError::Network("AbortController unavailable".into());
            self.tell(&host, Settled::Failed(error));
            return;
        };
        self.running.set_value(Some(controller.clone()));
        if self.core.credentials_withdrawn {
            // Nothing is requested without the credentials: the host must set them for the new origin.
            self.tell(&host, Settled::Failed(ApiError::CredentialsWithdrawn));
            return;
        }
        self.publish(&host, ListState::Loading);
        let signal = controller.signal();
        // Both requests leave now (not when their tasks first run): on mount, before the first render.
        if ticket.fetch_statuses {
            spawn_local(self.fetch_statuses(&config, &signal));
        }
        let loading = load::load_orders(
            &config.api_base,
            config.account_id,
            &config.transport,
            &signal,
        );
        spawn_local(async move {
            let result = loading.await;
            let Some(settled) = self
                .tracker
                .try_with_value(|tracker| tracker.settle(ticket, result))
            else {
                return; // unmounted
            };
            self.tell(&host, settled);
        });
    }

    /// Statuses only feed the status filter: fetched beside the list, never in its way. The request
    /// leaves during this call.
    fn fetch_statuses(
        self,
        config: &Config,
        signal: &AbortSignal,
    ) -> impl std::future::Future<Output = ()> {
        let request = api::statuses_request(&config.api_base);
        let answer = api::send(&request, &config.transport, signal);
        async move {
            if let Ok(found) = answer.await.and_then(|raw| api::decode_statuses(&raw)) {
                let _ = self.tracker.try_update_value(LoadTracker::statuses_arrived);
                let _ = self.statuses.try_set(found);
            }
        }
    }

    /// The state first, the event last: a listener may unmount the widget.
    fn tell(self, host: &HtmlElement, settled: Settled) {
        match settled {
            Settled::Dropped => {}
            Settled::Loaded(list) => {
                let (count, total) = (list.orders.len(), list.total);
                self.account_id.set_value(Some(list.account_id));
                self.publish(host, ListState::Ready(Arc::new(list.orders)));
                events::emit(
                    host,
                    events::LOADED,
                    &events::Loaded { count, total },
                    false,
                );
            }
            Settled::Failed(error) => {
                let detail = events::Failure {
                    status: error.status(),
                    code: error.code(),
                    message: self.core.t.explain(&error),
                };
                self.publish(host, ListState::Failed(error));
                events::emit(host, events::LOAD_ERROR, &detail, false);
            }
        }
    }
}

/// Loads the list when the widget mounts and whenever `host_reload` is notified; says `ssl-orders-ready`
/// once, after the first load settled and rendered. Aborts everything on unmount.
pub(crate) fn use_order_list(core: WidgetCore, host_reload: ArcTrigger) -> OrderList {
    let list = OrderList {
        core,
        state: RwSignal::new(ListState::Loading),
        statuses: RwSignal::new(Vec::new()),
        tracker: StoredValue::new(LoadTracker::default()),
        account_id: StoredValue::new(core.config().account_id),
        running: StoredValue::new_local(None),
    };
    // Both effects read one set of things through plain functions: one effect type, one copy of its code.
    let (host, ready_sent) = (core.host(), StoredValue::new(false));
    let watched = Watched {
        list,
        host_reload,
        host,
        ready_sent,
        started: !core.credentials_withdrawn,
    };
    // The first load starts now, so its requests leave before the first render (an effect's first run
    // comes after it); without credentials it is the effect's, so its error event follows mount().
    if watched.started {
        list.reload();
    }
    watch(watched.clone(), |watched, first| {
        watched.host_reload.track();
        if !(first && watched.started) {
            watched.list.reload();
        }
    });
    on_cleanup(move || {
        let _ = list.tracker.try_update_value(LoadTracker::close);
        if let Some(Some(controller)) = list.running.try_update_value(Option::take) {
            controller.abort();
        }
    });
    // `ssl-orders-ready` once, from an effect, so it follows the first settled list's render.
    watch(watched, |watched, _| {
        let settled = watched
            .list
            .state
            .with(|state| !matches!(state, ListState::Loading));
        if settled && !watched.ready_sent.get_value() {
            watched.ready_sent.set_value(true);
            events::emit(&watched.host, events::READY, &events::Empty {}, false);
        }
    });
    list
}

/// What the list's effects read: the list, the host's reload trigger, the host and whether
/// `ssl-orders-ready` was said.
#[derive(Clone)]
struct Watched {
    list: OrderList,
    host_reload: ArcTrigger,
    host: web_sys::HtmlElement,
    ready_sent: StoredValue<bool>,
    /// Whether the first load started at mount, before the effects' first run.
    started: bool,
}

/// Runs `run` (told whether this is its first run) after the render and again whenever what it read
/// changes.
fn watch(watched: Watched, run: fn(&Watched, bool)) {
    Effect::new(move |previous: Option<()>| run(&watched, previous.is_none()));
}
