//! Embedding: `mount(element, config)` for host pages, with a handle to reload or unmount.
//!
//! The widget renders into an open shadow root on the target element and styles itself with a
//! constructable stylesheet, so host CSS neither leaks in nor out and no inline `<style>` is needed.

use crate::config::{Config, ConfigError};
use crate::i18n::Lang;
use crate::json::{Json, Parsed};
use crate::ui::{reflect_state, Instance, OrdersWidget};
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use thiserror::Error;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The widget's stylesheet, adopted by each instance's shadow root: `style/ssl-orders.css`, minified by
/// `build.rs`.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/ssl-orders.min.css"));

/// The attributes `<ssl-orders>` observes, each with the configuration key it sets. Credentials are never
/// attributes: they are write-only properties (see `element.js`).
pub const ATTRIBUTES: [(&str, &str); 6] = [
    ("api-base", "apiBase"),
    ("account-id", "accountId"),
    ("lang", "lang"),
    ("page-size", "pageSize"),
    ("email-types", "emailTypes"),
    ("expiring-days", "expiringDays"),
];

/// Only hands out unique id prefixes; no instance state lives in statics.
static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(1);

thread_local! {
    /// The elements a widget is mounted on. In memory, not a DOM attribute: `cloneNode` and pre-rendered
    /// markup would carry an attribute to an element that has no widget, which then could never mount.
    static MOUNTED: js_sys::WeakSet = js_sys::WeakSet::new();
}

fn is_mounted(target: &HtmlElement) -> bool {
    MOUNTED.with(|mounted| mounted.has(target))
}

/// Why mounting failed.
#[derive(Debug, Error)]
pub enum MountError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(
        "ssl-orders: cannot attach a shadow root to <{0}>; mount into a <div> or a custom element"
    )]
    ShadowRoot(String),
    #[error("ssl-orders: the widget is already mounted on this element; unmount it first")]
    AlreadyMounted,
}

/// A mounted widget. [`WidgetHandle::unmount`] removes it, aborts its requests and removes its listeners.
///
/// Dropping the handle does **not** remove the widget: in JavaScript the handle is dropped when it is
/// garbage-collected, and a host that called `mount()` without keeping the result must not see the widget
/// vanish at the next collection. Such a widget lives as long as the page.
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Option<Mounted>,
}

struct Mounted {
    /// The mounted view's `UnmountHandle`, boxed: an `AnyView` here cost 5 KB gzip of type-erasing code.
    _view: Box<dyn std::any::Any>,
    root: ShadowRoot,
    host: HtmlElement,
    reload: ArcTrigger,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Loads the list again (the same as the Refresh button).
    pub fn reload(&self) {
        if let Some(m) = &self.mounted {
            m.reload.notify();
        }
    }

    /// Removes the widget: aborts requests in flight, removes every listener, empties the shadow root.
    /// Calling it twice is harmless.
    pub fn unmount(&mut self) {
        if let Some(m) = self.mounted.take() {
            drop(m._view);
            // textContent, not innerHTML: the latter is a Trusted Types sink.
            m.root.set_text_content(None);
            m.root.set_adopted_style_sheets(&js_sys::Array::new());
            reflect_state(&m.host, None);
            MOUNTED.with(|mounted| mounted.delete(&m.host));
        }
    }

    /// `loading`, `ready`, `empty`, `error`, or `unmounted`.
    #[wasm_bindgen(getter)]
    pub fn state(&self) -> String {
        self.mounted
            .as_ref()
            .and_then(|m| m.host.get_attribute("data-state"))
            .unwrap_or_else(|| "unmounted".into())
    }
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        if let Some(m) = self.mounted.take() {
            std::mem::forget(m._view); // keep the widget; see the type's documentation
        }
    }
}

/// Mounts the widget into `target` with `config`: the Rust entry point behind the JS `mount()`.
///
/// ```no_run
/// # fn demo(target: web_sys::HtmlElement) -> Result<(), ssl_orders::embed::MountError> {
/// let config = ssl_orders::Config { api_base: "/rest/v3.1".into(), account_id: Some(1234567), ..Default::default() };
/// let handle = ssl_orders::mount_widget(&target, config)?;
/// handle.reload();
/// # Ok(()) }
/// ```
pub fn mount_widget(target: &HtmlElement, config: Config) -> Result<WidgetHandle, MountError> {
    mount_instance(target, config, false)
}

/// [`mount_widget`], for `<ssl-orders>` also with the news that it dropped the credentials.
fn mount_instance(
    target: &HtmlElement,
    mut config: Config,
    credentials_withdrawn: bool,
) -> Result<WidgetHandle, MountError> {
    if is_mounted(target) {
        return Err(MountError::AlreadyMounted);
    }
    let (api_base, api_origin) = resolve_api_base(&config.api_base)?;
    config.api_base = api_base;
    let root = match target.shadow_root() {
        Some(root) => root,
        None => target
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| MountError::ShadowRoot(target.tag_name().to_ascii_lowercase()))?,
    };
    adopt_style(&root);
    // A configuration error shown by an earlier, failed mount goes away with a good one.
    root.set_text_content(None);
    let lang = config.lang.unwrap_or_else(|| detect_lang(target));
    let id_prefix = format!(
        "ssl-orders-{}",
        NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed)
    );
    let reload = ArcTrigger::new();
    let instance = Instance {
        host: target.clone(),
        config: Arc::new(config),
        api_origin,
        lang,
        id_prefix,
        reload: reload.clone(),
        credentials_withdrawn,
    };
    MOUNTED.with(|mounted| mounted.add(target));
    // A copied element may carry an old `data-state`: the state is "loading" from the first moment.
    reflect_state(target, Some("loading"));
    let view = mount_to(root.clone().unchecked_into(), move || {
        view! { <OrdersWidget instance=instance /> }
    });
    Ok(WidgetHandle {
        mounted: Some(Mounted {
            _view: Box::new(view),
            root,
            host: target.clone(),
            reload,
        }),
    })
}

/// Resolves `apiBase` once, at mount: a path against the page's origin (never against a `<base href>`,
/// which would move every request), a URL as it is. Returns the absolute base and its origin, the only
/// origin that receives the credentials. The browser's URL parser decides, as it will for `fetch`.
fn resolve_api_base(base: &str) -> Result<(String, String), MountError> {
    let refused = || MountError::Config(ConfigError::BadUrl(base.chars().take(200).collect()));
    let page_origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .ok_or_else(refused)?;
    // An absolute URL ignores the second argument; a path is resolved against the page's origin.
    let url = web_sys::Url::new_with_base(base, &page_origin).map_err(|_| refused())?;
    let origin = url.origin();
    // A path must stay on the page's origin (`validate_base` already refused `//`, `\` and `@`).
    if base.starts_with('/') && origin != page_origin {
        return Err(refused());
    }
    let href: String = url.href();
    Ok((href.trim_end_matches('/').to_owned(), origin))
}

/// Shows `message` inside `target` when the widget cannot start, so a host developer sees why.
fn show_mount_error(target: &HtmlElement, message: &str) {
    let root = target.shadow_root().or_else(|| {
        target
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()
    });
    if let Some(root) = root {
        adopt_style(&root);
        root.set_text_content(Some(""));
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Ok(p) = doc.create_element("p") {
                let _ = p.set_attribute("role", "alert");
                let _ = p.set_attribute("class", "config-error");
                let _ = p.set_attribute("part", crate::parts::CONFIG_ERROR);
                p.set_text_content(Some(message));
                let _ = root.append_child(&p);
            }
        }
    }
    reflect_state(target, Some("error"));
}

fn adopt_style(root: &ShadowRoot) {
    if let Ok(sheet) = CssStyleSheet::new() {
        if sheet.replace_sync(STYLE).is_ok() {
            root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
    }
}

/// The widget's locale when the host did not force one: the nearest `lang` attribute the widget speaks
/// (an unsupported one on the element, `lang="nl"`, falls back to the page's), then the browser's.
fn detect_lang(target: &HtmlElement) -> Lang {
    let mut declared = Vec::new();
    let mut next = target.closest("[lang]").ok().flatten();
    while let Some(element) = next {
        declared.extend(element.get_attribute("lang"));
        next = element
            .parent_element()
            .and_then(|parent| parent.closest("[lang]").ok().flatten());
    }
    let browser: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|l| l.as_string())
                .collect()
        })
        .unwrap_or_default();
    Lang::resolve(declared.iter().chain(browser.iter()).map(String::as_str))
}

/// JavaScript entry point: `mount(element, config) → handle`.
///
/// `config` is a plain object (see the README's table); an unknown key, a wrong type or a bad URL throws an
/// `Error` naming it, and the same message is shown inside the element.
///
/// ```js
/// import init, { mount } from "./ssl-orders.js";
/// await init();
/// const handle = mount(document.querySelector("#orders"), { apiBase: "/rest/v3.1", token });
/// handle.reload(); handle.unmount();
/// ```
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(target: &JsValue, config: JsValue) -> Result<WidgetHandle, JsError> {
    mount_from_js(target, config, false)
}

fn mount_from_js(
    target: &JsValue,
    config: JsValue,
    credentials_withdrawn: bool,
) -> Result<WidgetHandle, JsError> {
    let Some(target) = target.dyn_ref::<HtmlElement>() else {
        return Err(JsError::new(
            "ssl-orders: mount() needs an HTML element as its first argument",
        ));
    };
    // First, so a refused mount on a live widget leaves it untouched, whatever its configuration.
    if is_mounted(target) {
        return Err(JsError::new(&MountError::AlreadyMounted.to_string()));
    }
    let result = config_json(&config)
        .ok_or(MountError::Config(ConfigError::NotAnObject))
        .and_then(|json| Ok(Config::from_json(&json)?))
        .and_then(|config| mount_instance(target, config, credentials_withdrawn));
    result.map_err(|e| {
        let message = e.to_string();
        show_mount_error(target, &message);
        JsError::new(&message)
    })
}

/// Reads the host's config object as JSON (functions and `undefined` values drop out, as in JSON): through
/// `JSON.stringify` and back, so what is read is plain data, whatever getters or prototypes the object had.
fn config_json(config: &JsValue) -> Option<Parsed> {
    if config.is_undefined() || config.is_null() {
        return Parsed::parse("null").ok();
    }
    let text = js_sys::JSON::stringify(config).ok()?.as_string()?;
    Parsed::parse(&text).ok()
}

#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    /// Registers `<ssl-orders>` unless it already is; returns whether it did.
    #[wasm_bindgen(js_name = defineSslOrders)]
    fn define_ssl_orders(
        mount: &js_sys::Function,
        attributes: &js_sys::Object,
        languages: &js_sys::Array,
        default_api_base: &str,
    ) -> bool;
}

/// Runs when the module is initialised: registers the `<ssl-orders>` element (guarded, so loading the
/// module twice is harmless) and, in test and debug builds, sends panic messages to the console.
#[wasm_bindgen(start)]
pub fn start() {
    // The release bundle aborts at once on a panic (`panic=immediate-abort`, scripts/common.sh): no hook runs
    // there, so it is not built. A wasm panic never unwinds, so after one the hook cannot be set again.
    #[cfg(not(panic = "immediate-abort"))]
    if !std::thread::panicking() {
        // "panicked at src/….rs:line:column:" and the message, for a host's bug report (the console adds the
        // JavaScript stack); without a hook a wasm panic shows only as "unreachable".
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        }));
    }
    type ElementMount = dyn Fn(JsValue, JsValue, JsValue) -> Result<WidgetHandle, JsError>;
    let mount = Closure::<ElementMount>::new(|target: JsValue, config, withdrawn: JsValue| {
        mount_from_js(&target, config, withdrawn.is_truthy())
    });
    let attributes = js_sys::Object::new();
    for (attribute, key) in ATTRIBUTES {
        let _ = js_sys::Reflect::set(&attributes, &attribute.into(), &key.into());
    }
    let languages: js_sys::Array = crate::i18n::supported_tags().map(JsValue::from).collect();
    let defined = define_ssl_orders(
        mount.as_ref().unchecked_ref(),
        &attributes,
        &languages,
        crate::api::DEFAULT_API_BASE,
    );
    // The element class keeps calling `mount` for the page's lifetime. When an earlier copy of the module
    // registered the element, nothing holds it and it is dropped.
    if defined {
        mount.forget();
    }
}
