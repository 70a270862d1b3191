// The npm package as host teams get it (scripts/package.sh's tarball), in three suites; test.sh runs each:
//   contents  `npm pack --dry-run` lists exactly the intended files; every path package.json names exists in
//             the tarball; its exports resolve from a project that installed it; the .d.ts type-checks a
//             usage file (tsc --noEmit, npm/tools' pinned TypeScript) under "bundler" and "node16".
//   build     examples/vite copied to OUT, `npm ci` there, the tarball installed, `vite build`; the output,
//             and a plain page with the package's two files next to it (mount()), both
//             served by the emulator's --static: orders load, a resend completes (outbox), no console
//             error, the .wasm is requested and never 404s.
//   dev       the same copy under the `vite` dev server (started and stopped here), API on the emulator.
// Usage: PACKAGE_TGZ=target/npm/ssl-orders-0.1.0.tgz EMULATOR_BIN=target/release/sl-emulator \
//   [PACKAGE_OUT=target/test-output/package] [API_PORT=18796] [DEV_PORT=18797] node e2e/package.mjs contents|build|dev
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CHROMIUM_ARGS, checker, emulatorClient } from "./lib.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const mode = process.argv[2];
const TGZ = resolve(process.env.PACKAGE_TGZ ?? "");
const OUT = resolve(process.env.PACKAGE_OUT ?? join(ROOT, "target/test-output/package"));
const EMULATOR_BIN = resolve(process.env.EMULATOR_BIN ?? join(ROOT, "target/release/sl-emulator"));
const API_PORT = Number(process.env.API_PORT ?? 18796);
const DEV_PORT = Number(process.env.DEV_PORT ?? 18797);
const TOOLS = join(ROOT, "npm/tools/node_modules/.bin");
const APP = join(OUT, "vite-app");
assert.ok(["contents", "build", "dev"].includes(mode), "usage: node e2e/package.mjs contents|build|dev");
assert.ok(existsSync(TGZ) && TGZ.endsWith(".tgz"), `PACKAGE_TGZ must name scripts/package.sh's tarball (got ${TGZ})`);

// The package's intended files: what package.json's "files" ships plus what npm always adds.
const INTENDED = ["CHANGELOG.md", "LICENSE", "README.md", "custom-elements.json", "package.json", "ssl-orders.d.ts",
  "ssl-orders.js", "ssl-orders_bg.wasm"];

const harness = checker();
const { fail, summary } = harness;
// A host page with no build step: the package's two files copied next to it, mount() in a module script.
const PLAIN_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ssl-orders · plain page</title><link rel="icon" href="data:,"></head>
<body><div id="orders"></div><ol id="event-log"></ol>
<script type="module">
  import init, { mount } from "./ssl-orders.js";
  // ?wasm=url|response|bytes: the host moved the .wasm (moved/ has none) and passes it to init() itself.
  const moved = "/elsewhere/widget.wasm";
  const how = new URLSearchParams(location.search).get("wasm");
  await init(how === "url" ? { module_or_path: moved }
    : how === "response" ? { module_or_path: fetch(moved) }
    : how === "bytes" ? { module_or_path: await (await fetch(moved)).arrayBuffer() }
    : undefined);
  const element = document.getElementById("orders");
  window.events = [];
  for (const name of ["ssl-orders-ready", "ssl-orders-loaded", "ssl-orders-load-error", "ssl-orders-resend-request",
    "ssl-orders-email-resent", "ssl-orders-resend-error"]) {
    element.addEventListener(name, (event) => {
      window.events.push([name, event.detail]);
      document.getElementById("event-log").append(Object.assign(document.createElement("li"), { textContent: name }));
    });
  }
  mount(element, { apiBase: "/rest/v3.1", token: "demo-bearer-token" });
</script></body></html>
`;
// Notes written during a check are printed under its result line.
let pending = [];
const note = (line) => pending.push(line);
async function check(name, body) {
  pending = [];
  await harness.check(name, body);
  pending.forEach((line) => harness.note(line));
  pending = [];
}
const children = [];
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill()));
const run = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] }).toString();

/** Spawns a long-running process and resolves once a line of its output matches `ready`. */
function start(cmd, args, { cwd, env = {}, ready, log }) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start:\n${output}`)), 30000);
    const onData = (chunk) => {
      output += chunk;
      if (log) writeFileSync(log, output);
      if (ready.test(output)) { clearTimeout(timer); resolveStart(child); }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`${cmd} exited (${code}):\n${output}`)); });
  });
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** A project with the tarball installed, for resolution and type checks. */
function consumer(name) {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, type: "module" }, null, 2));
  run("npm", ["install", "--no-audit", "--no-fund", "--offline", "--loglevel=error", TGZ], dir);
  return dir;
}

/** The fresh copy of examples/vite with its locked dependencies and the tarball. */
function viteApp() {
  rmSync(APP, { recursive: true, force: true });
  cpSync(join(ROOT, "examples/vite"), APP, {
    recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src),
  });
  run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], APP);
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--offline", "--loglevel=error", TGZ], APP);
  const installed = JSON.parse(readFileSync(join(APP, "node_modules/ssl-orders/package.json"), "utf8"));
  const packed = JSON.parse(run("tar", ["-xzOf", TGZ, "package/package.json"], OUT));
  assert.equal(installed.version, packed.version, "the example runs the tarball's version");
}

/** Loads `url` in Chromium, resends one email and checks the outbox, console and .wasm requests. */
async function exercise(url, api) {
  const emulator = emulatorClient(api);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [], wasm = [], failedRequests = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("requestfailed", (r) => failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => {
      if (new URL(r.url()).pathname.endsWith(".wasm")) wasm.push([r.url(), r.status(), r.headers()["content-type"]]);
    });
    await emulator("POST", "reset");
    await check("the orders load", async () => {
      await page.goto(url);
      await page.waitForSelector("#orders[data-state=ready]", { timeout: 20000 });
      const rows = await page.locator("#orders tbody tr").count();
      assert.ok(rows > 0, "rows in the table");
      note(`${rows} rows`);
    });
    await check("a resend completes (the emulator's outbox has it)", async () => {
      await page.locator("#orders tbody button.send").first().click();
      await page.locator("#orders dialog button.confirm").click();
      await page.waitForFunction(() => window.events.some(([n]) => n === "ssl-orders-email-resent"), null,
        { timeout: 10000 });
      const outbox = await emulator("GET", "outbox");
      assert.equal(outbox.length, 1, "one email in the outbox");
      const resent = await page.evaluate(() => window.events.find(([n]) => n === "ssl-orders-email-resent")[1]);
      assert.equal(String(outbox[0].orderId), String(resent.orderId), "the order the page reported");
      note(`logged on the page: ${await page.locator("#event-log li").count()} events`);
    });
    await check("the .wasm is requested once and never 404s", async () => {
      assert.equal(wasm.length, 1, `wasm responses: ${JSON.stringify(wasm)}`);
      for (const [u, status] of wasm) assert.ok(status >= 200 && status < 300, `${u} → ${status}`);
      note(`${wasm[0][0]} → ${wasm[0][1]} ${wasm[0][2]}`);
    });
    await check("no console error, no failed request", async () => {
      assert.deepEqual(errors, [], "console errors");
      assert.deepEqual(failedRequests, [], "failed requests");
    });
  } finally {
    await browser.close();
  }
}

mkdirSync(OUT, { recursive: true });
try {
  if (mode === "contents") {
    const listing = run("tar", ["-tzf", TGZ], OUT).trim().split("\n").map((p) => p.replace(/^package\//, "")).sort();
    const manifest = JSON.parse(run("tar", ["-xzOf", TGZ, "package/package.json"], OUT));
    await check("npm pack --dry-run lists exactly the intended files", async () => {
      const dir = join(OUT, "unpacked");
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      run("tar", ["-xzf", TGZ, "-C", dir], OUT);
      const [dry] = JSON.parse(run("npm", ["pack", "--dry-run", "--json", "--loglevel=error"], join(dir, "package")));
      const dryFiles = dry.files.map((f) => f.path).sort();
      assert.deepEqual(dryFiles, INTENDED);
      assert.deepEqual(listing, INTENDED, "the tarball holds the same files");
      note(`${dry.filename}: ${statSync(TGZ).size} bytes packed, ${dry.unpackedSize} unpacked`);
      for (const f of dry.files) note(`  ${String(f.size).padStart(7)}  ${f.path}`);
    });
    await check("package.json: module, version, license, side effects, no source map", async () => {
      const cargoVersion = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))[1];
      assert.equal(manifest.version, cargoVersion, "version from Cargo.toml");
      assert.equal(manifest.type, "module");
      assert.equal(manifest.license, "Apache-2.0");
      assert.deepEqual(manifest.sideEffects, ["./ssl-orders.js"], "registration is a side effect");
      assert.equal(manifest.customElements, "custom-elements.json");
      // The repository is Cargo.toml's, when it names one; a local git remote would leak a machine's path.
      const cargoRepository = /^\[package\][^[]*?^repository\s*=\s*"([^"]+)"/ms.exec(readFileSync(join(ROOT, "Cargo.toml"), "utf8"))?.[1];
      if (cargoRepository) assert.ok(manifest.repository?.url.endsWith(cargoRepository), "repository from Cargo.toml");
      else assert.equal(manifest.repository, undefined, "no repository is invented");
      assert.ok(!JSON.stringify(manifest).includes(ROOT), "no path of the build machine");
      const js = run("tar", ["-xzOf", TGZ, "package/ssl-orders.js"], OUT);
      assert.ok(!/sourceMappingURL/.test(js), "no source map reference");
      assert.ok(js.includes('new URL("ssl-orders_bg.wasm",import.meta.url)'), "finds its .wasm next to itself");
      assert.ok(!/^import\s|from"\.\/snippets/m.test(js), "one module: no imports left");
      assert.ok(js.split("\n").length < 5, "minified");
    });
    await check("every path package.json names exists in the tarball", async () => {
      const paths = [manifest.main, manifest.module, manifest.types, manifest.customElements,
        ...Object.values(manifest.exports).flatMap((e) => (typeof e === "string" ? [e] : Object.values(e)))];
      for (const p of paths) assert.ok(listing.includes(p.replace(/^\.\//, "")), `${p} is in the tarball`);
      for (const p of manifest.files) assert.ok(listing.includes(p), `files: ${p}`);
    });
    await check("the exports resolve from a project that installed the tarball", async () => {
      const dir = consumer("resolve");
      const script = `
        import { existsSync } from "node:fs"; import { fileURLToPath } from "node:url";
        const out = {};
        for (const s of ["ssl-orders", "ssl-orders/ssl-orders_bg.wasm", "ssl-orders/custom-elements.json", "ssl-orders/package.json"]) {
          const f = fileURLToPath(import.meta.resolve(s)); if (!existsSync(f)) throw new Error(s + " → " + f); out[s] = f;
        }
        const { createRequire } = await import("node:module");
        const manifest = createRequire(import.meta.url)("ssl-orders/custom-elements.json");
        if (manifest.modules[0].path !== "ssl-orders.js") throw new Error("manifest module path");
        for (const bad of ["ssl-orders/ssl-orders.d.ts", "ssl-orders/README.md"]) {
          try { import.meta.resolve(bad); throw new Error(bad + " should not be exported"); }
          catch (e) { if (e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw e; }
        }
        console.log(JSON.stringify(out));`;
      writeFileSync(join(dir, "resolve.mjs"), script);
      const resolved = JSON.parse(run("node", ["resolve.mjs"], dir));
      for (const [s, f] of Object.entries(resolved)) note(`${s} → ${f.slice(dir.length + 1)}`);
    });
    await check("the .d.ts type-checks a usage file (tsc --noEmit, bundler and node16 resolution)", async () => {
      const dir = consumer("types");
      writeFileSync(join(dir, "usage.ts"), `
import init, { initSync, mount, WidgetHandle, type SslOrdersConfig, type SslOrdersElement, type InitInput } from "ssl-orders";

await init();
await init({ module_or_path: new URL("ssl-orders_bg.wasm", import.meta.url) });
await init({ module_or_path: "/assets/ssl-orders_bg.wasm" });
await init({ module_or_path: fetch("/assets/ssl-orders_bg.wasm") });
await init({ module_or_path: await fetch("/assets/ssl-orders_bg.wasm") });
await init({ module_or_path: await (await fetch("/x.wasm")).arrayBuffer() });
initSync({ module: new Uint8Array(8) });
const input: InitInput = new Request("/x.wasm");
void input;

const config: SslOrdersConfig = { apiBase: "/rest/v3.1", token: "t", pageSize: 50, lang: "es" };
const handle: WidgetHandle = mount(document.createElement("div"), config);
handle.reload();
const state: "loading" | "ready" | "empty" | "error" | "unmounted" = handle.state;
void state;
handle.unmount();

const element: SslOrdersElement | null = document.querySelector("ssl-orders");
if (element) {
  element.token = "t";
  element.addEventListener("ssl-orders-email-resent", (event) => console.log(event.detail.recipient.toUpperCase()));
  element.addEventListener("ssl-orders-resend-error", (event) => console.log(event.detail.outcomeUnknown === true));
}
const created = document.createElement("ssl-orders");
created.reload();

// @ts-expect-error: an unknown configuration key
mount(document.body, { pagesize: 25 });
// @ts-expect-error: init takes an options object's known key
await init({ wasm: "/x.wasm" });
`);
      const tsconfig = (moduleKind, resolution) => JSON.stringify({
        compilerOptions: { target: "es2022", module: moduleKind, moduleResolution: resolution, lib: ["es2022", "dom"],
          strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ["usage.ts"],
      });
      writeFileSync(join(dir, "tsconfig.bundler.json"), tsconfig("esnext", "bundler"));
      writeFileSync(join(dir, "tsconfig.node16.json"), tsconfig("node16", "node16"));
      for (const config of ["tsconfig.bundler.json", "tsconfig.node16.json"]) {
        try { run(join(TOOLS, "tsc"), ["-p", config], dir); }
        catch (e) { throw new Error(`tsc -p ${config}:\n${e.stdout}${e.stderr}`); }
      }
      note(`typescript ${run(join(TOOLS, "tsc"), ["--version"], dir).trim()}`);
    });
  } else if (mode === "build") {
    await check("examples/vite: fresh copy, npm ci, tarball installed, vite build", async () => {
      viteApp();
      const output = run(join(APP, "node_modules/.bin/vite"), ["build", "--logLevel", "info"], APP,
        { VITE_SSL_ORDERS_API: "/rest/v3.1", NO_COLOR: "1" });
      writeFileSync(join(OUT, "vite-build.log"), output);
      const files = readdirSync(join(APP, "dist"), { recursive: true })
        .filter((f) => statSync(join(APP, "dist", f)).isFile()).sort();
      for (const f of files) note(`  ${String(statSync(join(APP, "dist", f)).size).padStart(7)}  dist/${f}`);
      assert.ok(files.some((f) => /^assets\/ssl-orders_bg-[\w-]+\.wasm$/.test(f)), "Vite emitted the .wasm as an asset");
    });
    await check("the package's files as they are, in a plain page on static hosting (dist/plain/)", async () => {
      const plain = join(APP, "dist/plain");
      mkdirSync(plain, { recursive: true });
      run("tar", ["-xzf", TGZ, "-C", plain, "--strip-components=1", "package/ssl-orders.js", "package/ssl-orders_bg.wasm"], OUT);
      writeFileSync(join(plain, "index.html"), PLAIN_PAGE);
      // A host that moves its assets: the module in moved/, the .wasm renamed in elsewhere/.
      for (const d of ["moved", "elsewhere"]) mkdirSync(join(APP, "dist", d), { recursive: true });
      cpSync(join(plain, "ssl-orders.js"), join(APP, "dist/moved/ssl-orders.js"));
      cpSync(join(plain, "ssl-orders_bg.wasm"), join(APP, "dist/elsewhere/widget.wasm"));
      writeFileSync(join(APP, "dist/moved/index.html"), PLAIN_PAGE);
    });
    if (existsSync(join(APP, "dist/index.html"))) {
      const emulator = await start(EMULATOR_BIN, ["--addr", `127.0.0.1:${API_PORT}`, "--static", join(APP, "dist"),
        "--orders", "40", "--seed", "7"], { ready: /^sl-emulator listening on/m, log: join(OUT, "emulator-build.log") });
      try {
        harness.note("the Vite build:");
        await exercise(`http://127.0.0.1:${API_PORT}/`, `http://127.0.0.1:${API_PORT}`);
        harness.note("the plain page (mount() from ./ssl-orders.js):");
        await exercise(`http://127.0.0.1:${API_PORT}/plain/`, `http://127.0.0.1:${API_PORT}`);
        for (const how of ["url", "response", "bytes"]) {
          harness.note(`the .wasm moved to /elsewhere/widget.wasm, init({ module_or_path: ${how} }):`);
          await exercise(`http://127.0.0.1:${API_PORT}/moved/?wasm=${how}`, `http://127.0.0.1:${API_PORT}`);
        }
      } finally {
        await stop(emulator);
      }
    }
  } else {
    if (!existsSync(join(APP, "node_modules/ssl-orders"))) viteApp();
    const api = `http://127.0.0.1:${API_PORT}`;
    const emulator = await start(EMULATOR_BIN, ["--addr", `127.0.0.1:${API_PORT}`, "--orders", "40", "--seed", "7",
      "--allow-origin", `http://127.0.0.1:${DEV_PORT}`], { ready: /^sl-emulator listening on/m, log: join(OUT, "emulator-dev.log") });
    let dev;
    try {
      dev = await start(join(APP, "node_modules/.bin/vite"), ["--host", "127.0.0.1", "--port", String(DEV_PORT), "--strictPort"],
        { cwd: APP, env: { VITE_SSL_ORDERS_API: `${api}/rest/v3.1`, NO_COLOR: "1" }, ready: /Local:\s+http/,
          log: join(OUT, "vite-dev.log") });
      harness.note(`vite dev server on http://127.0.0.1:${DEV_PORT}/, API ${api}/rest/v3.1`);
      await exercise(`http://127.0.0.1:${DEV_PORT}/`, api);
    } finally {
      if (dev) await stop(dev);
      await stop(emulator);
    }
  }
} catch (error) {
  fail(mode, error);
}
process.exit(summary(`npm package (${mode})`));
