#!/usr/bin/env bash
# Benchmarks the release widget against a hand-written vanilla-JS twin in one headless Chromium and prints
# per operation the median widget/vanilla ratio, the absolute medians and memory (see docs/performance.md).
# A measurement, not a test: about 2–4 minutes on a 2-core machine.
#
# Environment: BENCH_ROUNDS (10), BENCH_COLD_ROUNDS (20), BENCH_WARMUP (1), BENCH_MEM_ROUNDS (3),
#   BENCH_OUT (target/bench-output), BENCH_PORT (18790: the emulator's loopback port),
#   EMULATOR_BIN (an emulator already built, instead of building one),
#   BENCH_PROFILE="sort@10000,clearFilter@10000" also profiles those widget operations (CDP sampling
#   profiler) with a build that keeps wasm function names, and prints where the time goes.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
trap stop_emulators EXIT

"$ROOT/scripts/setup.sh"
export BENCH_OUT="${BENCH_OUT:-$ROOT/target/bench-output}"
mkdir -p "$BENCH_OUT"

log "release bundle and emulator"
build_bundle
build_emulator

SITE="$ROOT/target/bench-site"
rm -rf "$SITE"
mkdir -p "$SITE"
cp -r dist/* "$SITE/"
cp e2e/bench/* "$SITE/"
cp style/ssl-orders.css "$SITE/"

if [ -n "${BENCH_PROFILE:-}" ]; then
  # The same release wasm (what trunk just built) with its function names kept, for readable profiles.
  log "named build for profiles"
  wasm-bindgen --target web --no-typescript --out-dir "$SITE/named" --out-name ssl-orders \
    "$TARGET_DIR/wasm32-unknown-unknown/release/ssl_orders.wasm"
  wasm-opt -Oz --debuginfo "$SITE/named/ssl-orders_bg.wasm" -o "$SITE/named/ssl-orders_bg.wasm"
fi

BENCH_PORT="${BENCH_PORT:-18790}"
log "emulator with 10,000 orders, serving $SITE on port $BENCH_PORT"
start_emulator "$BENCH_OUT/emulator.log" --static "$SITE" --orders 10000 --addr "127.0.0.1:$BENCH_PORT"

log "benchmark (${BENCH_ROUNDS:-10} rounds)"
node e2e/bench/bench.mjs "http://127.0.0.1:$BENCH_PORT"
