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
//                                        Before that, the names the wasm and the glue call each other by
//                                        (`__wbg_setAttribute_f7ff…`, 177 imports and their module, 26
//                                        exports) become one or two letters: binaryen's wasm-opt renames them
//                                        in the wasm and prints the mapping, and esbuild renames the same
//                                        properties in the glue from it (its `mangleCache`).
//   node scripts/minify.mjs --bundle IN OUT
//                                        scripts/package.sh: IN and every module it imports, one minified module.
// Exported names stay (hosts `import init, { mount } from "./ssl-orders.js"`), and so does `import.meta.url`,
// so the module still finds its .wasm next to itself.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

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
const wasmFile = files.find((path) => /^ssl-orders[^/]*_bg\.wasm$/.test(path));
if (!wasmFile) {
  console.error(`minify.mjs: no ssl-orders*_bg.wasm in ${dir}`);
  process.exit(1);
}

// The project's pinned wasm-opt (scripts/setup.sh), the one trunk ran.
const WASM_OPT = fileURLToPath(new URL("../e2e/node_modules/.bin/wasm-opt", import.meta.url));
const wasmOpt = (...args) => {
  const run = spawnSync(WASM_OPT, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) {
    console.error(`minify.mjs: wasm-opt ${args.join(" ")} failed:\n${run.error ?? run.stderr}`);
    process.exit(1);
  }
  return run.stdout;
};

// Short names for the imports, their module and the exports. The renaming pass alone first: it keeps every
// import and export in its place, so the module names pair up by position; the JSON it prints pairs the
// names, and both must agree. Then -Oz once more (the rename-only write is a little larger than trunk's),
// which also drops two custom sections no browser reads: the producers (compiler versions) and the target
// features.
const wasmPath = join(dir, wasmFile);
const wasmBefore = readFileSync(wasmPath);
const originalModule = new WebAssembly.Module(wasmBefore);
// wasm-opt puts every import in one module, "a"; the glue gives one object per module it names.
const importedFrom = new Set(WebAssembly.Module.imports(originalModule).map((i) => i.module));
if (importedFrom.size !== 1) {
  console.error(`minify.mjs: the wasm imports from ${[...importedFrom].join(", ")}; their names can only be ` +
    "shortened when every import comes through the glue (a snippet's function imported directly adds its module)");
  process.exit(1);
}
const printed = JSON.parse(wasmOpt(wasmPath, "--minify-imports-and-exports-and-modules", "-o", wasmPath));
const renamedModule = new WebAssembly.Module(readFileSync(wasmPath));
const shortNames = {};
const pair = (from, to, what) => {
  if (from.length !== to.length) {
    console.error(`minify.mjs: wasm-opt changed the number of ${what}`);
    process.exit(1);
  }
  from.forEach((old, i) => {
    for (const key of what === "imports" ? ["module", "name"] : ["name"]) {
      const known = shortNames[old[key]];
      if (known !== undefined && known !== to[i][key]) {
        console.error(`minify.mjs: "${old[key]}" renamed two ways (${known}, ${to[i][key]})`);
        process.exit(1);
      }
      shortNames[old[key]] = to[i][key];
    }
  });
};
pair(WebAssembly.Module.imports(originalModule), WebAssembly.Module.imports(renamedModule), "imports");
pair(WebAssembly.Module.exports(originalModule), WebAssembly.Module.exports(renamedModule), "exports");
for (const [old, short] of [...printed.imports.map(([, name, short]) => [name, short]), ...printed.exports]) {
  if (shortNames[old] !== short) {
    console.error(`minify.mjs: wasm-opt's mapping and the module disagree on "${old}"`);
    process.exit(1);
  }
}
wasmOpt(wasmPath, "-Oz", "--strip-producers", "--strip-target-features", "-o", wasmPath);
const wasmAfter = readFileSync(wasmPath);
console.error(`minify.mjs: ${wasmFile}: ${Object.keys(shortNames).length} import, module and export names shortened, ${wasmBefore.length} B → ${wasmAfter.length} B`);

// The glue and everything it imports, bundled over the glue itself; the properties that carry the wasm's
// names (import object keys, export accesses) renamed exactly as in the wasm, and no others. esbuild renames
// a property by name, whatever object it is on: a property of another object in the glue or element.js
// that shares a name with an export (`memory`, `mount`, `start` today) would be renamed too, so element.js
// must not use such names as properties (the e2e suites would fail on the bundle if it did). The module
// exports the public API that types/ssl-orders.d.ts declares, and nothing else: the glue also exports
// wasm-streams' IntoUnderlying* classes (linked through Leptos's server functions; their wasm exports never
// were, scripts/link-wasm.sh) and `start`, which the module runs itself. esbuild drops what nothing exports.
const PUBLIC_API = ["default", "initSync", "mount", "WidgetHandle"];
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const file = join(dir, glue);
const before = readFileSync(file);
esbuild.buildSync({
  ...OPTIONS, bundle: true, outfile: file, allowOverwrite: true,
  stdin: { contents: `export { ${PUBLIC_API.join(", ")} } from "./${glue}";`, resolveDir: dir, sourcefile: "public-api.js" },
  mangleProps: new RegExp(`^(?:${Object.keys(shortNames).map(escape).join("|")})$`),
  mangleQuoted: true,
  mangleCache: shortNames,
});
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
  .replaceAll(`integrity="${sri(before)}"`, `integrity="${sri(after)}"`)
  .replaceAll(`integrity="${sri(wasmBefore)}"`, `integrity="${sri(wasmAfter)}"`);
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
