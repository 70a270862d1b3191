//! The widget's parts: each wires a hook's state to the DOM, and nothing more.
//!
//! The protocols live in plain modules with native tests (`crate::load`, `crate::resend`, `crate::model`);
//! the hooks (`use_*`) connect them to Leptos signals and `fetch`; the parts below render them. A part is a
//! documented function that builds its DOM from a static description and binds its changing values with
//! the few plain-function bindings of [`template`] (one builder and one binding per value type in the
//! bundle, where a `view!` per part cost a view type's code each: issue 13). Leptos renders the frame and
//! runs every binding as a render effect owned by the widget, so all of it goes on unmount. Per-instance
//! things reach every part as one argument, [`context::WidgetContext`]: messages, locale, ids and the
//! hooks' state ([`OrderList`], [`TableView`], [`Resend`], [`Details`]).

mod context;
mod details;
mod dialog;
mod download;
mod expiry_cell;
mod format;
mod live_region;
mod options;
mod pager;
mod shell;
mod states;
mod table;
mod template;
mod toolbar;
mod use_order_details;
mod use_order_list;
mod use_resend;
mod use_table_view;

pub(crate) use context::{reflect_state, Instance};

use crate::parts;
use context::{WidgetContext, WidgetCore};
use leptos::prelude::*;
use shell::widget_parts;
use use_order_details::use_order_details;
use use_order_list::use_order_list;
use use_resend::use_resend;
use use_table_view::use_table_view;

/// The whole widget: toolbar, the list's body (table and pager), live region and confirmation popup.
#[component]
pub(crate) fn OrdersWidget(
    /// The embedding: host element, configuration, locale, id prefix and the host's reload trigger.
    instance: Instance,
) -> impl IntoView {
    let core = WidgetCore::new(&instance);
    let list = use_order_list(core, instance.reload);
    let context = WidgetContext {
        core,
        list,
        table: use_table_view(core, list),
        resend: use_resend(core, list),
        details: use_order_details(core),
    };
    view! {
        <div class="widget" part=parts::BASE lang=core.lang.tag() use:widget_parts=context></div>
    }
}
