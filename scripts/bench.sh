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
# Cold start only (docs/cold-start.md): BENCH_COLD_PROFILE=1 runs e2e/bench/cold-profile.mjs instead of the whole
#   benchmark (paired cold starts, then traced ones split by kind of work; about 2 minutes) on the trunk bundle
#   ("root": the trunk bundle's module) and on the npm package's single module ("pkg"), with
#   BENCH_COLD_ROUNDS (20), BENCH_COLD_TRACES (3), BENCH_COLD_HINTS=1 (README preload hints) and
#   BENCH_COLD_VARIANTS="std=/tmp/std-dist,…": other bundles served at <name>/, each compared with the twin.
# BENCH_STATIC_COMPRESSION=precompressed (default: .br/.gz written next to the site's files once, as a production
#   host or CDN serves static files) | on-the-fly (the emulator compresses per request, which on 2 cores costs the
#   385 kB wasm 25-30 ms that no host pays twice) | off: how the emulator compresses the static files. The same
#   for the widget and the twin.
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

COLD_BUILDS=root
if [ -n "${BENCH_COLD_PROFILE:-}" ]; then
  # What the npm package ships (scripts/package.sh): the glue and element.js as one module, beside the wasm.
  log "cold-start variant pkg: the glue bundled as the npm package ships it"
  mkdir -p "$SITE/pkg"
  node scripts/minify.mjs --bundle dist/ssl-orders.js "$SITE/pkg/ssl-orders.js"
  cp dist/ssl-orders_bg.wasm "$SITE/pkg/"
  COLD_BUILDS="$COLD_BUILDS,pkg"
fi
VARIANTS="${BENCH_COLD_VARIANTS:-}"
for variant in ${VARIANTS//,/ }; do
  name="${variant%%=*}"
  log "cold-start variant $name from ${variant#*=}"
  mkdir -p "$SITE/$name"
  cp -r "${variant#*=}"/* "$SITE/$name/"
  COLD_BUILDS="$COLD_BUILDS,$name"
done

COMPRESSION="${BENCH_STATIC_COMPRESSION:-precompressed}"
if [ "$COMPRESSION" = precompressed ]; then
  log "precompressed siblings (brotli 11, gzip 9) of the site's files"
  node -e '
    const fs = require("fs"), path = require("path"), zlib = require("zlib");
    const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
    for (const f of walk(process.argv[1]).filter((f) => /\.(wasm|js|mjs|css|html)$/.test(f))) {
      const data = fs.readFileSync(f);
      fs.writeFileSync(`${f}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      fs.writeFileSync(`${f}.gz`, zlib.gzipSync(data, { level: 9 }));
    }' "$SITE"
fi

BENCH_PORT="${BENCH_PORT:-18790}"
log "emulator with 10,000 orders, serving $SITE on port $BENCH_PORT"
start_emulator "$BENCH_OUT/emulator.log" --static "$SITE" --orders 10000 --addr "127.0.0.1:$BENCH_PORT" \
  --static-compression "$COMPRESSION"

if [ -n "${BENCH_COLD_PROFILE:-}" ]; then
  log "cold start taken apart (${BENCH_COLD_ROUNDS:-20} paired rounds, ${BENCH_COLD_TRACES:-3} traced; builds $COLD_BUILDS)"
  BENCH_COLD_BUILDS="$COLD_BUILDS" node e2e/bench/cold-profile.mjs "http://127.0.0.1:$BENCH_PORT"
  exit 0
fi

log "benchmark (${BENCH_ROUNDS:-10} rounds)"
node e2e/bench/bench.mjs "http://127.0.0.1:$BENCH_PORT"
