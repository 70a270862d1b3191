//! The list's body for each state: loading, the error with Retry, the empty account, or table and pager.

use super::context::{handler, use_widget};
use super::pager::Pager;
use super::table::OrdersTable;
use super::use_order_list::ListState;
use crate::api::ApiError;
use crate::parts;
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// Shows what the list's state calls for. Only a change of state rebuilds it, not a change of rows.
#[component]
pub(crate) fn ListBody() -> impl IntoView {
    let list = use_widget().list;
    // Sorting, filtering and paging change rows inside the table; only a new state replaces the body.
    move || match list.state() {
        ListState::Loading => EitherOf4::A(view! { <LoadingState/> }),
        ListState::Failed(error) => EitherOf4::B(view! { <ErrorState error/> }),
        ListState::Ready(orders) if orders.is_empty() => EitherOf4::C(view! { <EmptyState/> }),
        ListState::Ready(_) => EitherOf4::D(view! { <OrdersTable/> <Pager/> }),
    }
}

/// While the list is on its way.
#[component]
fn LoadingState() -> impl IntoView {
    let t = use_widget().t;
    view! {
        <div class="state loading" part=parts::STATE>
            // Not a literal subtree: Leptos would build a static one from an HTML string, which a page
            // enforcing Trusted Types refuses.
            <span class="spinner" aria-hidden={"true"}></span>
            {t.loading}
        </div>
    }
}

/// Why the list could not be loaded, with Retry.
#[component]
fn ErrorState(
    /// What went wrong.
    error: ApiError,
) -> impl IntoView {
    let widget = use_widget();
    let t = widget.t;
    view! {
        <div class="state error" part=parts::STATE>
            <p role="alert"><strong>{t.load_failed}</strong>" "<span class="api-message">{t.explain(&error)}</span></p>
            <button type="button" class="retry" on:click=handler(widget, 0, |c, _, _| c.list.reload())>{t.retry}</button>
        </div>
    }
}

/// The account has no orders at all (not: the filters leave none).
#[component]
fn EmptyState() -> impl IntoView {
    let t = use_widget().t;
    view! { <div class="state empty" part=parts::STATE><p>{t.empty}</p></div> }
}
