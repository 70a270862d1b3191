#!/usr/bin/env bash
# Sets up what is missing, builds the release bundle and serves it with the SoftLayer API emulator.
# Usage: scripts/demo.sh [PORT]   (default 8787; ORDERS=N SEED=S to change the seeded data)
set -euo pipefail
source "$(dirname "$0")/common.sh"
PORT="${1:-${PORT:-8787}}"

"$ROOT/scripts/setup.sh"
log "building the release bundle (trunk) and the emulator"
build_bundle
build_emulator
log "demo: open http://127.0.0.1:$PORT/ (Ctrl+C stops it)"
exec "$EMULATOR_BIN" --addr "127.0.0.1:$PORT" --static "$ROOT/dist" --orders "${ORDERS:-40}" --seed "${SEED:-7}"
