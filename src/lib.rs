//! ssl-orders: an embeddable widget for IBM Cloud classic (SoftLayer) SSL certificate orders.
//!
//! It lists an account's orders and asks the certificate authority to send an order's approval or
//! fulfillment email again, telling the host page every outcome through DOM events.
//!
//! Hosts use the JavaScript API ([`embed::mount`]); Rust code can call [`embed::mount_widget`].

mod a11y;
pub mod api;
pub mod config;
pub mod details;
pub mod embed;
pub mod events;
pub mod expiry;
pub mod export;
mod guards;
pub mod i18n;
pub mod json;
mod keyed;
pub mod load;
pub mod model;
pub mod parts;
pub mod resend;
mod ui;

pub use config::Config;
pub use embed::{mount_widget, WidgetHandle};

// The allocator of the wasm build: Talc, smaller and faster than std's default dlmalloc there (the widget is
// single-threaded: no atomics).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
