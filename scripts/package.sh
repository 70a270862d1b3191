#!/usr/bin/env bash
# Builds the npm package host teams install: the release bundle (trunk), its wasm-bindgen glue and the
# <ssl-orders> element bundled into one minified ES module by esbuild, the .wasm next to it, the
# TypeScript declarations and the custom-elements manifest. Writes pkg/ (the package's directory) and
# target/npm/ssl-orders-<version>.tgz (`npm pack`); prints the tarball's path on stdout, last line.
# PACKAGE_SKIP_BUILD=1 reuses dist/ as it is (test.sh builds it the step before).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

TOOLS="$ROOT/npm/tools"
if [ ! -x "$TOOLS/node_modules/.bin/esbuild" ]; then
  log "npm ci in npm/tools/ (esbuild, typescript)"
  (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

[ "${PACKAGE_SKIP_BUILD:-}" = 1 ] || { log "release bundle (trunk)"; build_bundle >&2; }
[ -f dist/ssl-orders.js ] && [ -f dist/ssl-orders_bg.wasm ] || { echo "dist/ has no bundle" >&2; exit 1; }

PKG="$ROOT/pkg"
rm -rf "$PKG"; mkdir -p "$PKG" "$ROOT/target/npm"

# One module instead of the glue + snippets/…/element.js, minified by the same script and options as the
# release bundle's files (scripts/minify.mjs: no source map, no legal comments).
# `new URL("ssl-orders_bg.wasm", import.meta.url)` stays as it is, so the module finds the .wasm next to
# itself, and bundlers (Vite) see and copy the asset.
log "esbuild: bundle and minify the glue"
node scripts/minify.mjs --bundle dist/ssl-orders.js "$PKG/ssl-orders.js" >&2
grep -q 'new URL("ssl-orders_bg.wasm",import.meta.url)' "$PKG/ssl-orders.js" \
  || { echo "the minified module no longer finds its .wasm next to itself" >&2; exit 1; }
cp dist/ssl-orders_bg.wasm "$PKG/"
cp types/ssl-orders.d.ts "$PKG/ssl-orders.d.ts"
cp custom-elements.json npm/README.md npm/CHANGELOG.md LICENSE "$PKG/"

# package.json: npm/package.json with name-independent facts taken from Cargo.toml, the one place each is written.
cargo metadata --no-deps --format-version 1 --offline | node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  const meta = JSON.parse(readFileSync(0, "utf8")).packages.find((p) => p.name === "ssl-orders");
  const manifest = JSON.parse(readFileSync("npm/package.json", "utf8"));
  // Only Cargo.toml'"'"'s `repository`: a git remote may be a path on the build machine (a CI clone'"'"'s is).
  const repository = meta.repository;
  if (!repository) {
    console.error("package.sh: warning: Cargo.toml has no `repository`; the package names none (set it before publishing)");
  }
  Object.assign(manifest, {
    version: meta.version, description: meta.description, license: meta.license,
    ...(repository ? { repository: { type: "git", url: repository.startsWith("git+") ? repository : `git+${repository}` } } : {}),
  });
  writeFileSync(process.argv[1], JSON.stringify(manifest, null, 2) + "\n");
' "$PKG/package.json"

log "npm pack"
TGZ_NAME="$(cd "$ROOT/target/npm" && npm pack "$PKG" --json --loglevel=error | node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8"))[0].filename)')"
TGZ="$ROOT/target/npm/$TGZ_NAME"
log "$(du -b "$TGZ" | cut -f1) bytes: $TGZ"
echo "$TGZ"
