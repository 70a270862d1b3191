//! `use_order_list`: the list's state, loaded on mount, on Refresh or Retry and on the host's `reload()`.

use super::context::{reflect_state, use_widget};
use crate::api::{self, ApiError, StatusDef};
use crate::events;
use crate::load::{self, LoadTracker, Settled};
use crate::model::Order;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use web_sys::AbortController;

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

/// The order list of one widget.
#[derive(Clone, Copy)]
pub(crate) struct OrderList {
    // Written by the hook only; parts read them through the methods.
    state: RwSignal<ListState>,
    statuses: RwSignal<Vec<StatusDef>>,
    /// Starts a new load; an older one still running is aborted and its answer dropped.
    pub reload: UnsyncCallback<()>,
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

    /// The orders, when the list is loaded.
    pub fn orders(&self) -> Option<Arc<Vec<Order>>> {
        self.state.with(|state| match state {
            ListState::Ready(orders) => Some(orders.clone()),
            _ => None,
        })
    }
}

/// Loads the list when the widget mounts and whenever `host_reload` is notified; says `ssl-orders-ready`
/// once, after the first load settled and rendered. Aborts everything on unmount.
pub(crate) fn use_order_list(host_reload: ArcTrigger) -> OrderList {
    let context = use_widget();
    let (host, config, t) = (context.host(), context.config(), context.t);
    let state = RwSignal::new(ListState::Loading);
    let statuses = RwSignal::new(Vec::<StatusDef>::new());
    let tracker = StoredValue::new(LoadTracker::default());
    let running = StoredValue::new_local(None::<AbortController>);

    // The one writer of the list state: the host's `data-state` changes with it, before any event is heard.
    let publish = {
        let host = host.clone();
        move |next: ListState| {
            reflect_state(&host, Some(next.name()));
            let _ = state.try_set(next);
        }
    };

    let reload = UnsyncCallback::new(move |()| {
        let Some(ticket) = tracker.try_update_value(LoadTracker::begin) else {
            return; // unmounted
        };
        if let Some(Some(previous)) = running.try_update_value(Option::take) {
            previous.abort();
        }
        let Ok(controller) = AbortController::new() else {
            publish(ListState::Failed(ApiError::Network(
                "AbortController unavailable".into(),
            )));
            return;
        };
        running.set_value(Some(controller.clone()));
        publish(ListState::Loading);
        if ticket.fetch_statuses {
            // Statuses only feed the status filter: fetched beside the list, never in its way.
            let (config, signal) = (config.clone(), controller.signal());
            spawn_local(async move {
                let request = api::statuses_request(&config.api_base);
                let answer = api::send(&request, &config.transport, &signal).await;
                if let Ok(found) = answer.and_then(|raw| api::decode_statuses(&raw)) {
                    let _ = tracker.try_update_value(LoadTracker::statuses_arrived);
                    let _ = statuses.try_set(found);
                }
            });
        }
        let (config, host, publish) = (config.clone(), host.clone(), publish.clone());
        spawn_local(async move {
            let signal = controller.signal();
            let result = load::load_orders(
                &config.api_base,
                config.account_id,
                &config.transport,
                &signal,
            )
            .await;
            let Some(settled) = tracker.try_with_value(|tracker| tracker.settle(ticket, result))
            else {
                return; // unmounted
            };
            // The state first, the event last: a listener may unmount the widget.
            match settled {
                Settled::Dropped => {}
                Settled::Loaded { orders, total } => {
                    let count = orders.len();
                    publish(ListState::Ready(Arc::new(orders)));
                    let detail = events::Loaded { count, total };
                    events::emit(&host, events::LOADED, &detail, false);
                }
                Settled::Failed(error) => {
                    let detail = events::Failure {
                        status: error.status(),
                        code: error.code(),
                        message: t.explain(&error),
                    };
                    publish(ListState::Failed(error));
                    events::emit(&host, events::LOAD_ERROR, &detail, false);
                }
            }
        });
    });

    Effect::new(move |_| {
        host_reload.track();
        reload.run(());
    });

    on_cleanup(move || {
        let _ = tracker.try_update_value(LoadTracker::close);
        if let Some(Some(controller)) = running.try_update_value(Option::take) {
            controller.abort();
        }
    });

    // `ssl-orders-ready` once, from an effect, so it follows the first settled list's render.
    let ready_sent = StoredValue::new(false);
    let host = context.host();
    Effect::new(move |_| {
        let settled = state.with(|state| !matches!(state, ListState::Loading));
        if settled && !ready_sent.get_value() {
            ready_sent.set_value(true);
            events::emit(&host, events::READY, &events::Empty {}, false);
        }
    });

    OrderList {
        state,
        statuses,
        reload,
    }
}
