#!/usr/bin/env bash
# Sets up what is missing and runs every test: lint (rustfmt, clippy for native and wasm32), native
# (widget logic + emulator), the browser suite in headless Chromium and Firefox against a live emulator,
# the release build with its size budget, the trusted-keyboard suites (Chromium via Playwright, Firefox
# via geckodriver), the axe audit, the strict-CSP / Trusted Types pages, and the npm package (contents, a
# Vite app built from it and under the Vite dev server), and the nginx gateway of deploy/nginx/ (a private
# nginx on loopback, never the system's service).
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/gateway.sh"
cd "$ROOT"
trap 'stop_gateway; stop_emulators' EXIT

"$ROOT/scripts/setup.sh"
OUT="$ROOT/target/test-output"; mkdir -p "$OUT"
SUITES=0   # with `set -e`, a suite that fails stops the script, so every counted suite passed
passed() { SUITES=$((SUITES + 1)); }

log "1/8 lint: rustfmt, clippy native (workspace) and wasm32 (widget), warnings are errors"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p ssl-orders --target wasm32-unknown-unknown --all-targets -- -D warnings
passed

log "2/8 native tests (widget logic, emulator)"
cargo test --workspace
passed

log "3/8 emulator release build"
build_emulator

API_PORT=18787; PAGE_PORT=18788; API_2_PORT=18790
export SSL_ORDERS_TEST_API="http://127.0.0.1:$API_PORT"
# A second API on another origin: where the credential-withdrawal tests move `api-base` to.
export SSL_ORDERS_TEST_API_2="http://127.0.0.1:$API_2_PORT"
export WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$PAGE_PORT"
export WASM_BINDGEN_TEST_TIMEOUT=120
start_emulator "$OUT/emulator-browser.log" --addr "127.0.0.1:$API_PORT" --orders 40 --seed 7 \
  --allow-origin "http://127.0.0.1:$PAGE_PORT"
start_emulator "$OUT/emulator-browser-2.log" --addr "127.0.0.1:$API_2_PORT" --orders 40 --seed 7 \
  --allow-origin "http://127.0.0.1:$PAGE_PORT"

log "4/8 browser tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p ssl-orders --target wasm32-unknown-unknown --test web
passed
log "4/8 browser tests in headless Firefox"
GECKODRIVER="$(command -v geckodriver)" cargo test -p ssl-orders --target wasm32-unknown-unknown --test web
passed
stop_emulators

log "5/8 release bundle and size budget"
build_bundle
node e2e/size.mjs dist
passed

log "6/8 end-to-end on real pages (Playwright + Debian Chromium)"
SITE="$OUT/site"; rm -rf "$SITE"; mkdir -p "$SITE"
cp -r dist/. "$SITE/"; cp e2e/csp/* e2e/pages/* "$SITE/"
start_emulator "$OUT/emulator-e2e.log" --addr 127.0.0.1:18789 --static "$SITE" --orders 40 --seed 7
E2E_BASE="http://127.0.0.1:18789" E2E_OUT="$OUT/e2e" node e2e/keyboard.mjs
passed
E2E_BASE="http://127.0.0.1:18789" node e2e/firefox-keyboard.mjs
passed
log "accessibility audit (axe-core) of every state in English and Spanish; screenshots in $OUT/a11y"
E2E_BASE="http://127.0.0.1:18789" E2E_OUT="$OUT/a11y" A11Y_DOCS_IMG="" node e2e/a11y.mjs
passed
log "accessibility audit of the table and the popup in German, French, Japanese and Brazilian Portuguese"
E2E_BASE="http://127.0.0.1:18789" E2E_OUT="$OUT/a11y-locales" node e2e/a11y-locales.mjs
passed

STRICT_CSP="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
start_emulator "$OUT/emulator-csp.log" --addr 127.0.0.1:18792 --static "$SITE" --csp "$STRICT_CSP"
E2E_BASE="http://127.0.0.1:18792" E2E_LABEL="strict CSP" node e2e/csp.mjs
passed
start_emulator "$OUT/emulator-tt.log" --addr 127.0.0.1:18793 --static "$SITE" \
  --csp "$STRICT_CSP; require-trusted-types-for 'script'"
E2E_BASE="http://127.0.0.1:18793" E2E_LABEL="strict CSP + Trusted Types" node e2e/csp.mjs
passed
stop_emulators

log "7/8 npm package: contents and types, then a Vite app built from it and under the dev server"
PACKAGE_TGZ="$(PACKAGE_SKIP_BUILD=1 "$ROOT/scripts/package.sh" | tail -n 1)"
PACKAGE_ENV=(PACKAGE_TGZ="$PACKAGE_TGZ" EMULATOR_BIN="$EMULATOR_BIN" PACKAGE_OUT="$OUT/package" API_PORT=18796 DEV_PORT=18797)
env "${PACKAGE_ENV[@]}" node e2e/package.mjs contents
passed
env "${PACKAGE_ENV[@]}" node e2e/package.mjs build
passed
env "${PACKAGE_ENV[@]}" node e2e/package.mjs dev
passed

log "8/8 nginx gateway: deploy/nginx/ssl-orders.conf (nginx -t with the real upstream, then in front of the emulator)"
gateway_run "$OUT" 18794 18795
passed
stop_gateway; stop_emulators
log "all tests passed"
echo "suites: $SUITES passed, 0 failed"
