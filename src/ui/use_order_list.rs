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

/// What the list keeps between loads, in one (local: it holds a browser object) stored value: each stored
/// type costs its own copy of the arena code.
#[derive(Default)]
struct Book {
    tracker: LoadTracker,
    /// Aborts the load in flight.
    running: Option<AbortController>,
    /// The account of the last list read, configured or discovered.
    account_id: Option<u64>,
    /// Whether `ssl-orders-ready` was said.
    ready_sent: bool,
}

/// The order list of one widget. `Copy`: a part keeps it and calls [`OrderList::reload`] from a click.
#[derive(Clone, Copy)]
pub(crate) struct OrderList {
    core: WidgetCore,
    // Written by `publish` only; parts read them through the methods.
    state: RwSignal<ListState>,
    statuses: RwSignal<Vec<StatusDef>>,
    book: StoredValue<Book, LocalStorage>,
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
        self.book.try_with_value(|book| book.account_id).flatten()
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
        let Some((ticket, previous)) = self
            .book
            .try_update_value(|book| (book.tracker.begin(), book.running.take()))
        else {
            return; // unmounted
        };
        if let Some(previous) = previous {
            previous.abort();
        }
        // Taken now: after an unmount the stored values are gone, while these tasks may still be pending.
        let (host, config) = (self.core.host(), self.core.config());
        let Ok(controller) = AbortController::new() else {
            let error = ApiError::Network("AbortController unavailable".into());
            self.tell(&host, Settled::Failed(error));
            return;
        };
        let _ = self
            .book
            .try_update_value(|book| book.running = Some(controller.clone()));
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
                .book
                .try_with_value(|book| book.tracker.settle(ticket, result))
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
                let _ = self
                    .book
                    .try_update_value(|book| book.tracker.statuses_arrived());
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
                let _ = self
                    .book
                    .try_update_value(|book| book.account_id = Some(list.account_id));
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
        book: StoredValue::new_local(Book {
            account_id: core.config().account_id,
            ..Book::default()
        }),
    };
    // Both effects read one set of things through plain functions: one effect type, one copy of its code.
    let watched = Watched {
        list,
        host_reload,
        host: core.host(),
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
        let running = list.book.try_update_value(|book| {
            book.tracker.close();
            book.running.take()
        });
        if let Some(Some(controller)) = running {
            controller.abort();
        }
    });
    // `ssl-orders-ready` once, from an effect, so it follows the first settled list's render.
    watch(watched, |watched, _| {
        let settled = watched
            .list
            .state
            .with(|state| !matches!(state, ListState::Loading));
        let first = settled
            && watched
                .list
                .book
                .try_update_value(|book| !std::mem::replace(&mut book.ready_sent, true))
                .unwrap_or(false);
        if first {
            events::emit(&watched.host, events::READY, &events::Empty {}, false);
        }
    });
    list
}

/// What the list's effects read: the list, the host's reload trigger and the host.
#[derive(Clone)]
struct Watched {
    list: OrderList,
    host_reload: ArcTrigger,
    host: web_sys::HtmlElement,
    /// Whether the first load started at mount, before the effects' first run.
    started: bool,
}

/// Runs `run` (told whether this is its first run) after the render and again whenever what it read
/// changes.
fn watch(watched: Watched, run: fn(&Watched, bool)) {
    Effect::new(move |previous: Option<()>| run(&watched, previous.is_none()));
}
