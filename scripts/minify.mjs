// Minifies the shipped JavaScript with esbuild (npm/tools' pinned copy), one set of options for both uses:
//   node scripts/minify.mjs [DIR]        Trunk's post_build hook (Trunk.toml; DIR defaults to
//                                        $TRUNK_STAGING_DIR): the wasm-bindgen glue and the snippets it imports
//                                        (the <ssl-orders> element) become ONE minified module in place of the
//                                        glue, and snippets/ goes. A host's page then fetches one module and
//                                        the wasm, not a module that finds a second one only once it is parsed
//                                        (tens of ms of cold start, docs/performance.md). Trunk's index.html is
//                                        rewritten to match: the glue's `integrity="sha384-…"` is the new one,
//                                        the snippets' modulepreload links go. Debug builds
//                                        (TRUNK_PROFILE=debug) are left readable and as they are.
//   node scripts/minify.mjs --bundle IN OUT
//                                        scripts/package.sh: IN and every module it imports, one minified module.
// Exported names stay (hosts `import init, { mount } from "./ssl-orders.js"`), and so does `import.meta.url`,
// so the module still finds its .wasm next to itself.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

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
const files = readdirSync(dir, { recursive: true }).sort();
const glue = files.find((path) => /^ssl-orders[^/]*\.js$/.test(path));
if (!glue) {
  console.error(`minify.mjs: no ssl-orders*.js glue in ${dir}`);
  process.exit(1);
}
const snippets = files.filter((path) => /^snippets\/.+\.js$/.test(path));

// The glue and everything it imports, bundled over the glue itself.
const file = join(dir, glue);
const before = readFileSync(file);
esbuild.buildSync({ ...OPTIONS, entryPoints: [file], bundle: true, outfile: file, allowOverwrite: true });
const after = readFileSync(file);
if (/^import\s|from"\.\/snippets/m.test(after.toString("utf8"))) {
  console.error(`minify.mjs: ${glue} still imports another module after bundling`);
  process.exit(1);
}
const bundled = snippets.reduce((sum, path) => sum + statSync(join(dir, path)).size, before.length);
rmSync(join(dir, "snippets"), { recursive: true, force: true });
console.error(`minify.mjs: ${glue} and ${snippets.length} snippet(s), ${bundled} B → one module of ${after.length} B`);

// Trunk's index.html names the glue and the snippets in <link rel="modulepreload" … integrity="…">.
const html = join(dir, "index.html");
let page;
try {
  page = readFileSync(html, "utf8");
} catch {
  process.exit(0); // no page in this build: nothing names the files
}
const rewritten = page
  .replace(/<link rel="modulepreload" href="[^"]*\/snippets\/[^"]*"[^>]*>/g, "")
  .replaceAll(`integrity="${sri(before)}"`, `integrity="${sri(after)}"`);
// Every file the page still names must be served, and every integrity value must match one: a stale one
// blocks the page.
if (/\/snippets\//.test(rewritten)) {
  console.error("minify.mjs: index.html still names a snippet");
  process.exit(1);
}
const served = new Set(readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => sri(readFileSync(join(entry.parentPath ?? entry.path, entry.name)))));
const stale = [...rewritten.matchAll(/integrity="(sha\d+-[^"]+)"/g)].map((m) => m[1]).filter((v) => !served.has(v));
if (stale.length) {
  console.error(`minify.mjs: index.html has integrity values that match no file: ${stale.join(", ")}`);
  process.exit(1);
}
writeFileSync(html, rewritten);
