#!/usr/bin/env bash
# The release wasm's linker (build_bundle in scripts/common.sh sets it): rust-lld, as rustc would run it, without
# the exports of wasm-streams' IntoUnderlyingSource, IntoUnderlyingByteSource and IntoUnderlyingSink.
#
# Why: Leptos's `csr` feature always brings in server_fn's browser streaming, and with it wasm-streams, whose
# `#[wasm_bindgen]` classes are exported by every binary that links it. The widget never calls them, but an export
# is a root for the linker: their methods, the futures they box, and those futures' vtables stay. Removing the
# exports after linking (wasm-opt) drops the methods only, since the vtables sit in the data segment and their
# function table entries keep the rest alive; removed here, the linker never keeps any of it (-4.9 KB gzip).
# wasm-bindgen then finds no export for those methods and leaves them out of the glue; the three classes stay
# there as empty shells that nothing constructs.
#
# rustc calls this as it calls rust-lld (`-flavor wasm`, then one `--export NAME` pair per exported symbol).
set -euo pipefail
: "${SSL_ORDERS_RUST_LLD:?set by build_bundle (scripts/common.sh): the toolchain rust-lld this wraps}"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --export)
      case "${2:-}" in
        intounderlying* | __wbg_intounderlying* | __wbindgen_describe_intounderlying*) ;;
        *) args+=("$1" "${2:-}") ;;
      esac
      shift 2 || shift ;;
    --export=intounderlying* | --export=__wbg_intounderlying* | --export=__wbindgen_describe_intounderlying*)
      shift ;;
    *) args+=("$1"); shift ;;
  esac
done
exec "$SSL_ORDERS_RUST_LLD" "${args[@]}"
