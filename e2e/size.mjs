// Size report of what a host downloads from the release bundle (raw, gzip -9, brotli): the wasm, the JS
// module (the wasm-bindgen glue with the <ssl-orders> element bundled in, scripts/minify.mjs) and any snippet
// module left beside it (snippets/…/*.js: a build without that step), and the size budget the test command
// enforces on the wasm and on that total.
// Usage: node e2e/size.mjs DIST_DIR
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const budget = JSON.parse(readFileSync(new URL("./size-budget.json", import.meta.url), "utf8"));
const files = readdirSync(dist, { recursive: true }).sort();
const wasm = files.find((f) => /^ssl-orders[^/]*_bg\.wasm$/.test(f));
const glue = files.find((f) => /^ssl-orders[^/]*\.js$/.test(f));
const snippets = files.filter((f) => /^snippets\/.+\.js$/.test(f));
if (!wasm || !glue) {
  console.error(`no ssl-orders wasm/js in ${dist}: ${files.join(", ")}`);
  process.exit(1);
}
const measure = (name) => {
  const bytes = readFileSync(join(dist, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const rows = [measure(wasm), measure(glue), ...snippets.map(measure)];
const total = { name: "total", raw: 0, gzip: 0, brotli: 0 };
for (const r of rows) for (const k of ["raw", "gzip", "brotli"]) total[k] += r[k];
rows.push(total);
console.log("| file | raw | gzip -9 | brotli |\n|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
const over = [];
if (rows[0].gzip > budget.wasmGzip) over.push(`wasm gzip ${rows[0].gzip} > ${budget.wasmGzip}`);
if (total.gzip > budget.totalGzip) over.push(`total gzip ${total.gzip} > ${budget.totalGzip}`);
if (over.length) {
  console.error(`size budget exceeded: ${over.join("; ")} (e2e/size-budget.json)`);
  process.exit(1);
}
console.log(`size budget: ok (wasm gzip ≤ ${budget.wasmGzip}, total gzip ≤ ${budget.totalGzip})`);
