//! Browser tests: the widget mounted in headless Chromium and Firefox, talking over real HTTP to the emulator.
//!
//! One wasm test binary, one module per area; the shared fixtures are in `support`. The emulator must be
//! running at `$SSL_ORDERS_TEST_API` (its origin, read at compile time) with 40 orders, seed 7, and allow the
//! test page's origin, and a second one alike at `$SSL_ORDERS_TEST_API_2` (another origin, where the
//! credential tests move `api-base` to); `scripts/test.sh` starts both and then runs, with `CHROMEDRIVER` or
//! `GECKODRIVER` set, `cargo test -p ssl-orders --target wasm32-unknown-unknown --test web`. Each test resets
//! the emulator it uses first, so tests do not depend on each other's sends or faults.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod cards;
mod details;
mod element;
mod expiry;
mod export;
mod hostile;
mod lifecycle;
mod list;
mod list_faults;
mod locales;
mod popup;
mod resend_faults;
mod selects;
mod table;
