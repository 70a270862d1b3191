//! What every part of one widget shares, handed to each part by the widget: host, configuration, locale,
//! ids and the hooks' state.

use super::live_region::Announcer;
use super::use_order_details::Details;
use super::use_order_list::OrderList;
use super::use_resend::Resend;
use super::use_table_view::TableView;
use crate::config::Config;
use crate::i18n::{Lang, Messages};
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::{Element, HtmlElement};

/// Everything one widget instance needs from its embedding. Nothing here is shared between instances.
pub(crate) struct Instance {
    /// The element events are dispatched from (the custom element, or the `mount()` target).
    pub host: HtmlElement,
    /// `api_base` is absolute: `embed` resolved a path against the page's origin at mount.
    pub config: Arc<Config>,
    /// The origin of `config.api_base`, the only origin that receives the credentials.
    pub api_origin: String,
    pub lang: Lang,
    /// Prefix that makes element ids unique per instance (`ssl-orders-3`).
    pub id_prefix: String,
    /// Notified by the host's `reload()`.
    pub reload: ArcTrigger,
    /// `<ssl-orders>` dropped the credentials (its `api-base` moved to another origin): request nothing,
    /// say so.
    pub credentials_withdrawn: bool,
}

/// The per-instance basics every hook and part reads. `Copy`, so a closure takes it without ceremony; the
/// DOM objects sit in a local stored value because browser objects cannot cross threads.
#[derive(Clone, Copy)]
pub(crate) struct WidgetCore {
    /// The widget's messages.
    pub t: &'static Messages,
    pub lang: Lang,
    pub announcer: Announcer,
    pub credentials_withdrawn: bool,
    // One stored value for all of them: every distinct stored type costs its own copy of the arena code.
    shared: StoredValue<Shared, LocalStorage>,
}

struct Shared {
    host: HtmlElement,
    config: Arc<Config>,
    api_origin: String,
    id_prefix: String,
}

impl WidgetCore {
    /// The basics of `instance`, for the hooks; the parts get them in their [`WidgetContext`].
    pub fn new(instance: &Instance) -> WidgetCore {
        WidgetCore {
            t: instance.lang.messages(),
            lang: instance.lang,
            announcer: Announcer::new(),
            credentials_withdrawn: instance.credentials_withdrawn,
            shared: StoredValue::new_local(Shared {
                host: instance.host.clone(),
                config: instance.config.clone(),
                api_origin: instance.api_origin.clone(),
                id_prefix: instance.id_prefix.clone(),
            }),
        }
    }

    /// The host element. Hooks take their own clone at set-up, so a late answer still has it.
    pub fn host(&self) -> HtmlElement {
        self.shared.with_value(|shared| shared.host.clone())
    }

    pub fn config(&self) -> Arc<Config> {
        self.shared.with_value(|shared| shared.config.clone())
    }

    /// The API's origin (`https://api.softlayer.com`).
    pub fn api_origin(&self) -> String {
        self.shared.with_value(|shared| shared.api_origin.clone())
    }

    /// An element id unique to this instance: `ssl-orders-3-filter`.
    pub fn id(&self, name: &str) -> String {
        self.shared
            .with_value(|shared| format!("{}-{name}", shared.id_prefix))
    }
}

/// Everything a part of one widget may read: the basics (through `Deref`) and the hooks' state. Handed to
/// every part and binding as a value (it is `Copy`) rather than through Leptos's context, whose lookup code
/// the bundle then does without.
#[derive(Clone, Copy)]
pub(crate) struct WidgetContext {
    pub core: WidgetCore,
    pub list: OrderList,
    pub table: TableView,
    pub resend: Resend,
    pub details: Details,
}

impl std::ops::Deref for WidgetContext {
    type Target = WidgetCore;

    fn deref(&self) -> &WidgetCore {
        &self.core
    }
}

/// Writes the host's `data-state` (`loading`, `ready`, `empty`, `error`), or removes it with `None`.
/// The only code that touches the attribute: the list hook, a refused mount and unmount call it.
pub(crate) fn reflect_state(host: &Element, state: Option<&str>) {
    let _ = match state {
        Some(state) => host.set_attribute("data-state", state),
        None => host.remove_attribute("data-state"),
    };
}
