#!/usr/bin/env bash
# Installs every tool the demo and the tests need, pinned, skipping what is already there.
# Debian 12, root; reaches only the crates registry, apt, npm and rustup. Never downloads a browser.
# apt: chromium, chromium-driver, firefox-esr, nginx (the gateway test).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14          # 0.22.x requires rustc >= 1.96.1
WASM_BINDGEN_VERSION=0.2.130   # must equal wasm-bindgen pinned with "=" in Cargo.toml / Cargo.lock
BINARYEN_VERSION=132.0.0       # npm; Debian's binaryen 108 silently corrupts the bundle
GECKODRIVER_VERSION=0.37.1

log() { printf '[setup] %s\n' "$*" >&2; }
has() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The lint suite runs rustfmt and clippy; the release bundle builds std from rust-src (scripts/common.sh).
for component in rustfmt clippy rust-src; do
  rustup component list --installed | grep -q "^$component" || { log "rustup component add $component";
    rustup component add "$component"; }
done

# The standard library's own dependencies, for the release build's `--offline` std-from-source (cached: a no-op
# once they are there).
RUSTC_BOOTSTRAP=1 cargo fetch -q -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
[ -x /usr/bin/firefox-esr ] || need_apt+=(firefox-esr)
# The gateway suite runs its own nginx (own prefix, pid and loopback port); the package's service is not used.
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need_apt[@]}" fonts-dejavu-core
fi
if dpkg -s binaryen >/dev/null 2>&1; then
  log "removing Debian binaryen (wasm-opt 108 breaks the bundle)"
  apt-get remove -y -q binaryen
fi

has trunk "$TRUNK_VERSION" || { log "cargo install trunk $TRUNK_VERSION (~17 min)";
  cargo install --locked trunk --version "$TRUNK_VERSION"; }
# Not --locked: its lock names a webpki-roots release the registry mirror lacks.
has wasm-bindgen "$WASM_BINDGEN_VERSION" || { log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (~10 min)";
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"; }
has geckodriver "$GECKODRIVER_VERSION" || { log "cargo install geckodriver $GECKODRIVER_VERSION (~4 min)";
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"; }

# Project-local npm tools: binaryen's wasm-opt for trunk, playwright-core + axe-core for e2e.
if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -d e2e/node_modules/playwright-core ]; then
  log "npm ci in e2e/"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
# The npm package (scripts/package.sh) and its test: esbuild and TypeScript, pinned in npm/tools/.
if [ ! -x npm/tools/node_modules/.bin/esbuild ] || [ ! -x npm/tools/node_modules/.bin/tsc ]; then
  log "npm ci in npm/tools/"
  (cd npm/tools && npm ci --no-audit --no-fund --loglevel=error)
fi
log "tools ready"
