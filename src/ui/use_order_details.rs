//! `use_order_details`: which rows show their details, and the one `getObject` per order that completes them.

use super::context::WidgetCore;
use crate::api::{self, ApiError};
use crate::details::{self, FetchedDetails};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::AbortController;

/// Where an order's fetched details stand.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum DetailsState {
    Loading,
    Loaded(FetchedDetails),
    Failed(ApiError),
}

/// The details of one widget's orders. `Copy`: the toggle and the region keep it and call its methods.
#[derive(Clone, Copy)]
pub(crate) struct Details {
    core: WidgetCore,
    // One signal for both lists: every distinct signal type costs its own copy of the reactive code.
    book: RwSignal<Book>,
    /// Aborted on unmount: an answer after that goes nowhere.
    abort: StoredValue<Option<AbortController>, LocalStorage>,
}

/// Open rows are remembered by order id, so sorting, paging or a reload that rebuilds a row keeps it
/// open. What a `getObject` brought stays for the widget's life: opening the row again asks for nothing.
/// Both hold the few orders a user opened: lists cost less code than maps.
#[derive(Default)]
struct Book {
    open: Vec<u64>,
    fetched: Vec<(u64, DetailsState)>,
}

impl Details {
    /// Whether order `id`'s details are shown.
    pub fn is_open(&self, id: u64) -> bool {
        self.book.with(|book| book.open.contains(&id))
    }

    /// Whether order `id`'s details are shown, without tracking: for a row being built.
    pub fn is_open_untracked(&self, id: u64) -> bool {
        self.book.with_untracked(|book| book.open.contains(&id))
    }

    /// Shows or hides order `id`'s details; the first opening (or one after a failure) fetches them.
    /// Returns whether they are now shown.
    pub fn toggle(&self, id: u64) -> bool {
        let change = self.book.try_update(|book| {
            let opening = !book.open.contains(&id);
            book.open.retain(|open| *open != id);
            if opening {
                book.open.push(id);
            }
            let known = book
                .fetched
                .iter()
                .any(|(i, state)| *i == id && !matches!(state, DetailsState::Failed(_)));
            (opening, opening && !known)
        });
        let Some((opening, fetch)) = change else {
            return false;
        };
        if fetch {
            self.fetch(id);
        }
        opening
    }

    /// Order `id`'s fetched details, once asked for.
    pub fn state(&self, id: u64) -> Option<DetailsState> {
        self.book.with(|book| {
            book.fetched
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, state)| state.clone())
        })
    }

    /// Asks for order `id`'s details (again, after a failure).
    pub fn fetch(self, id: u64) {
        self.settle(id, DetailsState::Loading);
        let config = self.core.config();
        let signal = self
            .abort
            .try_with_value(|abort| abort.as_ref().map(AbortController::signal))
            .flatten();
        spawn_local(async move {
            let result = match signal {
                Some(signal) => {
                    let request = details::details_request(&config.api_base, id);
                    api::send(&request, &config.transport, &signal)
                        .await
                        .and_then(|raw| details::decode_details(&raw))
                }
                None => Err(ApiError::Network("AbortController unavailable".into())),
            };
            let state = match result {
                Ok(found) => DetailsState::Loaded(found),
                Err(ApiError::Aborted) => return, // unmounted
                Err(error) => {
                    // Said aloud: the region shows it where the focus is not.
                    let t = self.core.t;
                    let text = format!("{} {}", t.details_failed, t.explain(&error));
                    self.core.announcer.announce(text);
                    DetailsState::Failed(error)
                }
            };
            self.settle(id, state);
        });
    }

    /// Records order `id`'s state; safe after unmount.
    fn settle(self, id: u64, state: DetailsState) {
        let _ = self.book.try_update(|book| {
            book.fetched.retain(|(i, _)| *i != id);
            book.fetched.push((id, state));
        });
    }
}

/// Sets up the details of the widget being rendered; every request is aborted on unmount.
pub(crate) fn use_order_details(core: WidgetCore) -> Details {
    let details = Details {
        core,
        book: RwSignal::new(Book::default()),
        abort: StoredValue::new_local(AbortController::new().ok()),
    };
    on_cleanup(move || {
        if let Some(Some(abort)) = details.abort.try_get_value() {
            abort.abort();
        }
    });
    details
}
