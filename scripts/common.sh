# Shared by demo.sh and test.sh: tool paths and the emulator's lifecycle. Source it; do not run it.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# Cargo's output directory: CARGO_TARGET_DIR when set (a shared one), else target/.
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# EMULATOR_BIN set by the caller: that emulator is used as it is, and build_emulator builds nothing.
EMULATOR_PREBUILT="${EMULATOR_BIN:+1}"
EMULATOR_BIN="${EMULATOR_BIN:-$TARGET_DIR/release/sl-emulator}"
EMULATOR_PIDS=()

log() { printf '\n\033[1m[%s] %s\033[0m\n' "$(basename "$0")" "$*" >&2; }

build_emulator() {
  [ -n "$EMULATOR_PREBUILT" ] || (cd "$ROOT" && cargo build --release -p sl-emulator)
}

# The release wasm is built with its standard library compiled from source (rust-src, scripts/setup.sh) under
# the same size options as the widget, with `panic=immediate-abort` (a panic traps at once instead of
# formatting a message: the panic machinery and its texts leave the bundle) and without source locations
# (about -12 KB gzip in all). Its std is built with the `optimize_for_size` feature (core and alloc pick their
# smaller code for sorting, integer formatting, float parsing; -1.6 KB gzip) and without `panic-unwind`
# (nothing unwinds under immediate-abort). Every function is made cross-crate inlinable
# (-Zcross-crate-inline-threshold=always, as if it were #[inline]; by default only small leaf functions are): its
# MIR goes to the crates that call it and each crate's copies are local for LLVM to trim (-4.4 KB gzip; "never":
# +1.6 KB). rustc's MIR inliner is on (off by default at opt-level "z"), and as every callee now counts as
# inline-hinted, its limit is -Zinline-mir-hint-threshold (-Zinline-mir-threshold, 100 before, no longer changes
# a byte): at 0 it inlines little (turned off entirely: +0.2 KB) and LLVM's size-bounded inliner decides the rest
# (-6.2 KB gzip against the default 100; 5: -6.2, 10: -5.7, 25: -4.5, 50: -3.8 KB; 150/200: +0.8/+5.1 KB).
# The pinned stable compiler has these options behind
# RUSTC_BOOTSTRAP; only this build uses them: tests and debug builds keep panic messages (the hook in embed.rs).
# Trunk's post_build hook (Trunk.toml, scripts/minify.mjs) then shortens the names the wasm and its glue call each
# other by (wasm-opt, then esbuild from its mapping) and bundles and minifies the JavaScript with npm/tools' esbuild.
RELEASE_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zinline-mir=yes -Zcross-crate-inline-threshold=always -Zinline-mir-hint-threshold=0"
# It is linked through scripts/link-wasm.sh, which keeps wasm-streams' unused exports (and their code) out.
build_bundle() {
  local host lld
  host="$(cd "$ROOT" && rustc -vV | sed -n 's/^host: //p')"
  lld="$(cd "$ROOT" && rustc --print sysroot)/lib/rustlib/$host/bin/rust-lld"
  [ -x "$lld" ] || { echo "build_bundle: no rust-lld at $lld (the toolchain's linker for wasm32)" >&2; return 1; }
  (cd "$ROOT" && RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size RUSTFLAGS="$RELEASE_RUSTFLAGS" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$ROOT/scripts/link-wasm.sh" SSL_ORDERS_RUST_LLD="$lld" \
    trunk build --release --offline)
}

# start_emulator LOGFILE ARGS... — starts the emulator and waits until it listens.
start_emulator() {
  local logfile="$1"; shift
  "$EMULATOR_BIN" "$@" >"$logfile" 2>&1 &
  EMULATOR_PIDS+=("$!")
  for _ in $(seq 1 100); do
    grep -q '^sl-emulator listening on' "$logfile" 2>/dev/null && return 0
    kill -0 "$!" 2>/dev/null || { cat "$logfile" >&2; return 1; }
    sleep 0.1
  done
  echo "emulator did not start; its log:" >&2; cat "$logfile" >&2; return 1
}

stop_emulators() {
  for pid in "${EMULATOR_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  EMULATOR_PIDS=()
}
