#!/usr/bin/env bash
# Soak test (not part of test.sh): 1,000 open → confirm cycles in one page against the emulator.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
trap stop_emulators EXIT
"$ROOT/scripts/setup.sh"
build_bundle
build_emulator
SITE="$ROOT/target/soak-site"; rm -rf "$SITE"; mkdir -p "$SITE"
cp -r dist/. e2e/soak/. e2e/csp/icon.svg "$SITE/"
start_emulator "$ROOT/target/soak-emulator.log" --addr 127.0.0.1:18794 --static "$SITE" --no-status-rules
E2E_BASE="http://127.0.0.1:18794" node e2e/soak.mjs
