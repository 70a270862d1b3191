// Minifies the shipped JavaScript with esbuild (npm/tools' pinned copy), one set of options for both uses:
//   node scripts/minify.mjs [DIR]        Trunk's post_build hook (Trunk.toml; DIR defaults to
//                                        $TRUNK_STAGING_DIR): the wasm-bindgen glue and its snippets, each
//                                        minified in place (trunk's --minify leaves them as they are), and the
//                                        `integrity="sha384-…"` trunk wrote into index.html for them rewritten,
//                                        so the page still loads under Subresource Integrity. Debug builds
//                                        (TRUNK_PROFILE=debug) are left readable.
//   node scripts/minify.mjs --bundle IN OUT
//                                        scripts/package.sh: IN and every module it imports, one minified module.
// Exported names stay (hosts `import init, { mount } from "./ssl-orders.js"`), and so do `import.meta.url` and
// the relative import paths, so the glue still finds its .wasm and snippets next to itself.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

const tools = new URL("../npm/tools/package.json", import.meta.url);
let esbuild;
try {
  esbuild = createRequire(tools)("esbuild");
} catch {
  console.error("minify.mjs: esbuild is not installed in npm/tools/ (run scripts/setup.sh)");
  process.exit(1);
}

// No source map (it would name build paths) and no legal comments: the package ships its LICENSE.
const OPTIONS = { format: "esm", minify: true, target: "es2022", legalComments: "none", logLevel: "warning" };

if (process.argv[2] === "--bundle") {
  const [, , , entry, outfile] = process.argv;
  if (!entry || !outfile) {
    console.error("usage: node scripts/minify.mjs --bundle IN OUT");
    process.exit(1);
  }
  esbuild.buildSync({ ...OPTIONS, entryPoints: [entry], bundle: true, outfile });
  process.exit(0);
}

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("usage: node scripts/minify.mjs DIR   (or as trunk's post_build hook, with TRUNK_STAGING_DIR)");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE === "debug") {
  console.error("minify.mjs: debug build, JavaScript left as it is");
  process.exit(0);
}

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const scripts = readdirSync(dir, { recursive: true })
  .filter((path) => /^ssl-orders[^/]*\.js$/.test(path) || /^snippets\/.+\.js$/.test(path))
  .sort();
if (!scripts.some((path) => /^ssl-orders[^/]*\.js$/.test(path))) {
  console.error(`minify.mjs: no ssl-orders*.js glue in ${dir}`);
  process.exit(1);
}

// old integrity value → new one, for every file that changed.
const integrity = new Map();
for (const path of scripts) {
  const file = join(dir, path);
  const before = readFileSync(file);
  const { code, warnings } = esbuild.transformSync(before.toString("utf8"), { ...OPTIONS, sourcefile: path });
  if (warnings.length) console.error(`minify.mjs: ${warnings.length} warning(s) on ${path}`);
  const after = Buffer.from(code);
  if (after.equals(before)) continue;
  writeFileSync(file, after);
  integrity.set(sri(before), sri(after));
  console.error(`minify.mjs: ${relative(dir, file)} ${before.length} → ${after.length} B`);
}

// Trunk's index.html names the glue and the snippets in <link rel="modulepreload" … integrity="…">.
const html = join(dir, "index.html");
let page;
try {
  page = readFileSync(html, "utf8");
} catch {
  process.exit(0); // no page in this build: nothing names the files
}
const rewritten = page.replace(/integrity="(sha384-[A-Za-z0-9+/=]+)"/g,
  (attribute, value) => (integrity.has(value) ? `integrity="${integrity.get(value)}"` : attribute));
// Every integrity value left in the page must match a file it serves: a stale one blocks the page.
const served = new Set(readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => sri(readFileSync(join(entry.parentPath ?? entry.path, entry.name)))));
const stale = [...rewritten.matchAll(/integrity="(sha\d+-[^"]+)"/g)].map((m) => m[1]).filter((v) => !served.has(v));
if (stale.length) {
  console.error(`minify.mjs: index.html has integrity values that match no file: ${stale.join(", ")}`);
  process.exit(1);
}
writeFileSync(html, rewritten);
