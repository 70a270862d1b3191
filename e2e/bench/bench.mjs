// Benchmark: the ssl-orders widget (Leptos/wasm) against a hand-written vanilla-JS twin (vanilla.js), in
// one headless Chromium, over the same emulator data and the same CSS, interleaved round by round.
// Prints per operation the median of the paired ratios widget/vanilla and the absolute medians, then
// memory (JS heap, wasm linear memory, DOM nodes). Not a test: it fails only when something breaks.
//
// Usage: node e2e/bench/bench.mjs http://127.0.0.1:18790     (the emulator serving target/bench-site)
// Environment: BENCH_ROUNDS (10), BENCH_COLD_ROUNDS (2 × rounds), BENCH_WARMUP (1), BENCH_MEM_ROUNDS (3),
//   BENCH_OUT (target/bench-output),
//   BENCH_PROFILE="sort@10000,vanilla:mount100@1000" profiles those operations ([impl:]op@orders) with the CDP
//   sampling profiler and prints where the time goes (with named/, a build keeping wasm names, if served);
//   BENCH_BUILD=named runs everything on that build;
//   BENCH_EXTRA=1 adds two steps after confirm (open the first row's details, export the list as CSV),
//   compared and reported, but left out of the geometric mean.
import { chromium } from "playwright-core";
import { mkdirSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";

const base = (process.argv[2] ?? process.env.BENCH_BASE ?? "http://127.0.0.1:18790").replace(/\/$/, "");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const MEM_ROUNDS = Number(process.env.BENCH_MEM_ROUNDS ?? 3);
// Cold starts are cheap and the noisiest samples: twice as many by default.
const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 2 * ROUNDS);
const OUT = process.env.BENCH_OUT ?? "target/bench-output";
const PROFILE = (process.env.BENCH_PROFILE ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const BUILD = process.env.BENCH_BUILD === "named" ? "&build=named" : "";
const IMPLS = ["widget", "vanilla"];
const COLD_ORDERS = 100;
const started = Date.now();
mkdirSync(OUT, { recursive: true });

const log = (...a) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

async function control(path, body) {
  const res = await fetch(`${base}/_emulator/${path}`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST /_emulator/${path} → ${res.status} ${await res.text()}`);
}
const dataset = (orders) => control("dataset", { orders, seed: 7 });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    "--js-flags=--expose-gc", "--enable-precise-memory-info",
    // Keep timers and rendering running at full speed in a page nobody looks at.
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows"],
});
const VIEWPORT = { width: 1280, height: 800 };
// wasm-bindgen's init() warns on the console when it falls back from WebAssembly.instantiateStreaming
// (compiling while the bytes arrive) to compiling the whole download, e.g. for a wrong Content-Type.
const streamingFallbacks = [];
const newPage = async () => {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on("pageerror", (e) => log("page error:", String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") log("console error:", m.text());
    if (m.text().includes("instantiateStreaming")) streamingFallbacks.push(m.text());
  });
  return { context, page };
};

// ---- statistics --------------------------------------------------------------------------------------
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
};
const median = (xs) => quantile(xs, 0.5);

// key → { label, widget: [], vanilla: [], ratio: [], widgetDom: [], vanillaDom: [] }
const results = new Map();
function record(key, label, round, w, v) {
  if (round < 0) return; // warm-up
  if (!results.has(key)) results.set(key, { label, widget: [], vanilla: [], ratio: [], widgetDom: [], vanillaDom: [] });
  const r = results.get(key);
  r.widget.push(w.ms); r.vanilla.push(v.ms); r.ratio.push(w.ms / v.ms);
  if (w.dom !== undefined) { r.widgetDom.push(w.dom); r.vanillaDom.push(v.dom); }
}
const orderFor = (round) => (((round % 2) + 2) % 2 === 0 ? IMPLS : [...IMPLS].reverse());

// ---- 1. cold start: a fresh browser context (empty caches) per sample, cache-busted URLs -------------
// How the emulator serves the widget's files (what instantiateStreaming and the transfer size depend on).
const served = {};
async function servedHeaders() {
  for (const file of ["ssl-orders_bg.wasm", "ssl-orders.js"]) {
    const res = await fetch(`${base}/${file}`, { headers: { "Accept-Encoding": "br, gzip" } });
    await res.arrayBuffer();
    served[file] = Object.fromEntries(["content-type", "content-encoding", "cache-control"]
      .map((h) => [h, res.headers.get(h) ?? "none"]));
  }
  if (served["ssl-orders_bg.wasm"]["content-type"] !== "application/wasm") {
    log(`warning: the wasm is served as ${served["ssl-orders_bg.wasm"]["content-type"]}, not application/wasm`);
  }
}

const transfer = { widget: [], vanilla: [] };
async function coldStart() {
  await servedHeaders();
  await dataset(COLD_ORDERS);
  log(`cold start: ${WARMUP} warm-up + ${COLD_ROUNDS} rounds, ${COLD_ORDERS} orders, without and with preload hints`);
  for (let round = -WARMUP; round < COLD_ROUNDS; round += 1) {
    const sample = {}, hinted = {};
    for (const impl of orderFor(round)) {
      for (const [hints, into] of [["", sample], ["&hints=1", hinted]]) {
        const { context, page } = await newPage();
        await page.goto(`${base}/bench.html?mode=cold&impl=${impl}&r=${started}-${round}${hints}${BUILD}`);
        await page.waitForFunction(() => window.coldResult, null, { timeout: 60000 });
        into[impl] = await page.evaluate(() => window.coldResult);
        await context.close();
      }
      if (round >= 0) transfer[impl].push(sample[impl].transferBytes);
    }
    const pick = (field) => [{ ms: sample.widget[field] }, { ms: sample.vanilla[field] }];
    record("cold", `cold start: navigation → ready, rows laid out (${COLD_ORDERS} orders, fresh context)`, round,
      sample.widget, sample.vanilla);
    record("cold:rows", "  navigation → first rows laid out", round, ...pick("firstRowsMs"));
    record("cold:script", "  of which from the page's module script to ready (the cold start of earlier reports)",
      round, ...pick("sinceScriptMs"));
    record("cold:load", "  of which loading the code (fetch, compile, instantiate; vanilla: JS + CSS fetch)", round,
      ...pick("loadMs"));
    record("cold:hints", "  navigation → ready, with the README's preload hints (both implementations)", round,
      hinted.widget, hinted.vanilla);
    record("cold:hints-rows", "  navigation → first rows, with the preload hints", round,
      { ms: hinted.widget.firstRowsMs }, { ms: hinted.vanilla.firstRowsMs });
  }
}

// ---- 2. loads and interactions, both implementations in one page --------------------------------------
const signatures = [];
const EXTRA_OPS = process.env.BENCH_EXTRA === "1" ? ["openDetails", "export"] : [];
const OP_SEQUENCE = ["sort", "filter", "clearFilter", "nextPage", "openPopup", "confirm", ...EXTRA_OPS];
async function interactions(page, orders) {
  await dataset(orders);
  const n = await page.evaluate(() => window.bench.prepare());
  if (n !== orders) throw new Error(`oracle read ${n} orders, expected ${orders}`);
  const k = orders >= 1000 ? `${orders / 1000}k` : String(orders);
  log(`${k} orders: ${WARMUP} warm-up + ${ROUNDS} rounds`);
  const ops = OP_SEQUENCE;
  for (let round = -WARMUP; round < ROUNDS; round += 1) {
    const s = { widget: {}, vanilla: {} };
    const sig = { widget: [], vanilla: [] };
    for (const impl of orderFor(round)) {
      s[impl].mount25 = await page.evaluate((i) => window.bench.mount(i, 25), impl);
      sig[impl].push(await page.evaluate((i) => window.bench.signature(i), impl));
      for (const op of ops) {
        s[impl][op] = await page.evaluate(([i, o]) => window.bench.op(i, o), [impl, op]);
        sig[impl].push(await page.evaluate((i) => window.bench.signature(i), impl));
      }
      await page.evaluate((i) => window.bench.unmount(i), impl);
    }
    for (const impl of orderFor(round)) {
      s[impl].mount100 = await page.evaluate((i) => window.bench.mount(i, 100), impl);
      sig[impl].push(await page.evaluate((i) => window.bench.signature(i), impl));
      await page.evaluate((i) => window.bench.unmount(i), impl);
    }
    const rec = (key, label, pick = (x) => x) => record(`${key}@${k}`, label, round, pick(s.widget[key.split(":")[0]]), pick(s.vanilla[key.split(":")[0]]));
    rec("mount25", `first load of ${k} orders → page of 25 shown`);
    rec("mount25:after", `  of which after the last list response (decode, sort, render 25)`, (x) => ({ ms: x.afterLastResponse }));
    rec("mount100", `first load of ${k} orders → page of 100 shown`);
    rec("mount100:after", `  of which after the last list response (decode, sort, render 100)`, (x) => ({ ms: x.afterLastResponse }));
    rec("sort", `sort by common name (${k})`);
    rec("filter", `filter "shop" (${k})`);
    rec("clearFilter", `clear the filter (${k})`);
    rec("nextPage", `page change 1 → 2 (${k})`);
    if (orders === 1000) {
      rec("openPopup", "open popup (Send click → dialog shown, focus on Cancel)");
      rec("confirm", "confirm → POST resendEmail → ssl-orders-email-resent, dialog closed");
    }
    if (EXTRA_OPS.length) {
      rec("openDetails", `(extra) open details (Details click → getObject → fields shown) (${k})`);
      rec("export", `(extra) Export CSV of ${k} orders (CSV made, saved, announced)`);
    }
    if (round === 0) signatures.push({ orders, ...sig });
  }
}

// ---- 3. memory: one fresh page per implementation (only that implementation loaded) -------------------
const memory = { widget: [], vanilla: [] };
async function measureMemory(page, cdp, impl) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const dom = await cdp.send("Memory.getDOMCounters");
  const wasm = await page.evaluate((i) => window.bench.wasmBytes(i), impl);
  const shadow = await page.evaluate((i) => window.bench.shadowNodes(i), impl);
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasm, domNodes: dom.nodes,
    listeners: dom.jsEventListeners, shadowNodes: shadow.nodes, shadowElements: shadow.elements };
}
async function memoryRounds() {
  log(`memory: ${MEM_ROUNDS} rounds`);
  for (let round = 0; round < MEM_ROUNDS; round += 1) {
    for (const impl of orderFor(round)) {
      const { context, page } = await newPage();
      const cdp = await context.newCDPSession(page);
      await page.goto(`${base}/bench.html?mode=memory&impl=${impl}${BUILD}`);
      await page.waitForFunction(() => window.bench, null, { timeout: 60000 });
      const m = {};
      m.loaded = await measureMemory(page, cdp, impl);
      await dataset(1000);
      await page.evaluate((i) => window.bench.mountPlain(i, 25), impl);
      m.rows1k = await measureMemory(page, cdp, impl);
      await page.evaluate((i) => window.bench.unmount(i), impl);
      for (let c = 0; c < 5; c += 1) {
        await page.evaluate((i) => window.bench.mountPlain(i, 25), impl);
        await page.evaluate((i) => window.bench.unmount(i), impl);
      }
      m.cycles5 = await measureMemory(page, cdp, impl);
      await dataset(10000);
      await page.evaluate((i) => window.bench.mountPlain(i, 25), impl);
      m.rows10k = await measureMemory(page, cdp, impl);
      await page.evaluate((i) => window.bench.unmount(i), impl);
      memory[impl].push(m);
      await context.close();
    }
  }
}

// ---- 4. optional CPU profiles ---------------------------------------------------------------------------
// BENCH_PROFILE="sort@10000,vanilla:mount100@1000": [impl:]op@orders, impl defaults to widget.
function category(f) {
  const file = f.url.split("/").pop().split("?")[0];
  const fn = f.functionName;
  if (fn === "(idle)" || fn === "(program)" || fn === "(garbage collector)") return fn;
  if (/toLocaleDateString|toLocaleTimeString|toISOString|formatDate|^iso$/.test(fn)) return "Date formatting (Intl)";
  if (file.endsWith(".wasm")) return "wasm (widget code)";
  if (file === "ssl-orders.js") return "JS glue (wasm-bindgen)";
  if (file === "vanilla.js") return "vanilla JS";
  if (file === "bench.html") return "benchmark harness";
  if (fn === "getBoundingClientRect") return "style + layout (forced by the harness)";
  if (fn === "gc") return "(garbage collector)";
  if (fn === "wasm-to-js" || fn === "js-to-wasm") return "JS glue (wasm-bindgen)";
  if (!file) return "DOM / browser APIs (native)";
  return `other (${file})`;
}

async function profiles() {
  const out = [];
  // Prefer the build that keeps wasm function names (scripts/bench.sh makes it when BENCH_PROFILE is set).
  const named = (await fetch(`${base}/named/ssl-orders.js`, { method: "HEAD" })).ok;
  const { context, page } = await newPage();
  await page.goto(`${base}/bench.html?mode=main${named ? "&build=named" : ""}`);
  await page.waitForFunction(() => window.bench, null, { timeout: 60000 });
  out.push(`CPU profiles (${named ? "release wasm with function names kept: wasm-opt -Oz --debuginfo" : "release wasm, names stripped"}, sampling every 50 µs, self time per run):`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  for (const spec of PROFILE) {
    const [head, n = "10000"] = spec.split("@");
    const [impl, op] = head.includes(":") ? head.split(":") : ["widget", head];
    const orders = Number(n);
    await dataset(orders);
    await page.evaluate(() => window.bench.prepare());
    const self = new Map(), cats = new Map();
    let wall = 0;
    const reps = 10;
    const mountOp = op.startsWith("mount");
    const size = op === "mount100" ? 100 : 25;
    for (let i = 0; i < reps; i += 1) {
      if (!mountOp) {
        // Bring the implementation to the state the timed run measures this operation in.
        await page.evaluate((im) => window.bench.mount(im, 25), impl);
        for (const before of OP_SEQUENCE.slice(0, OP_SEQUENCE.indexOf(op))) {
          await page.evaluate(([im, o]) => window.bench.op(im, o), [impl, before]);
        }
      }
      await page.evaluate(([im, name]) => window.bench.arm(im, name), [impl, mountOp ? `mount${size}` : op]);
      await cdp.send("Profiler.start");
      const r = mountOp
        ? await page.evaluate(([im, sz]) => window.bench.mount(im, sz), [impl, size])
        : await page.evaluate(([im, o]) => window.bench.op(im, o), [impl, op]);
      const { profile } = await cdp.send("Profiler.stop");
      await page.evaluate((im) => window.bench.unmount(im), impl);
      wall += r.ms;
      const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
      for (let k = 0; k < profile.samples.length; k += 1) {
        const f = byId.get(profile.samples[k]).callFrame;
        const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
        const file = f.url.split("/").pop().split("?")[0];
        const name = `${f.functionName || "(anonymous)"}${file ? ` [${file}]` : ""}`;
        self.set(name, (self.get(name) ?? 0) + dt);
        const c = category(f);
        cats.set(c, (cats.get(c) ?? 0) + dt);
      }
    }
    const per = (ms) => (ms / reps).toFixed(2).padStart(7);
    const lines = [`${impl} ${op} @ ${orders} orders: ${reps} runs, mean ${(wall / reps).toFixed(1)} ms (event → DOM laid out)`];
    lines.push("  by category:");
    for (const [c, ms] of [...cats.entries()].sort((a, b) => b[1] - a[1])) lines.push(`    ${per(ms)} ms  ${c}`);
    lines.push("  top functions:");
    const top = [...self.entries()].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 12);
    for (const [name, ms] of top) lines.push(`    ${per(ms)} ms  ${name.length > 150 ? `${name.slice(0, 147)}…` : name}`);
    out.push(lines.join("\n"));
  }
  await cdp.detach();
  await context.close();
  return out;
}

// ---- run ------------------------------------------------------------------------------------------------
let profileText = [];
try {
  await coldStart();
  const { context, page } = await newPage();
  await page.goto(`${base}/bench.html?mode=main${BUILD}`);
  await page.waitForFunction(() => window.bench, null, { timeout: 60000 });
  if (!(await page.evaluate(() => window.bench.hasGc))) log("warning: window.gc unavailable; GC is not forced between samples");
  await interactions(page, 10000);
  await interactions(page, 1000);
  await context.close();
  if (PROFILE.length) profileText = await profiles();
  await memoryRounds();
} finally {
  await browser.close();
  await dataset(10000).catch(() => {});
}

// Same rendered text in both implementations after every step (first measured round).
let mismatches = 0;
for (const s of signatures) {
  s.widget.forEach((w, i) => {
    if (w !== s.vanilla[i]) {
      mismatches += 1;
      // Shown from a little before the first character that differs.
      const v = s.vanilla[i];
      let at = 0;
      while (at < w.length && w[at] === v[at]) at += 1;
      const from = Math.max(0, at - 120);
      log(`DOM differs after step ${i} at ${s.orders} orders, from character ${at}:\n  widget:  …${w.slice(from, from + 400)}\n  vanilla: …${v.slice(from, from + 400)}`);
    }
  });
}

// ---- report ----------------------------------------------------------------------------------------
const fmt = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : "–");
const machine = {
  nproc: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  loadavg: os.loadavg().map((x) => x.toFixed(2)).join(" "),
  chromiumVersion: (() => { try { return execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim(); } catch { return "?"; } })(),
  node: process.version,
};
const lines = [];
lines.push(`ssl-orders benchmark: widget (Leptos/wasm) vs vanilla JS — ${ROUNDS} rounds (cold start ${COLD_ROUNDS}) after ${WARMUP} warm-up, interleaved, ${new Date().toISOString()}`);
lines.push(`machine: ${machine.nproc} CPUs (${machine.cpu}), ${machine.memory} RAM, load average at end ${machine.loadavg}; ${machine.chromiumVersion}; node ${machine.node}`);
lines.push("");
lines.push("Times in ms from the (synthetic) event to the expected DOM laid out (forced style + layout, no paint).");
lines.push("ratio = median of the per-round ratios widget/vanilla [25th–75th percentile]; 'script' = median time until the DOM was right, before layout.");
lines.push("");
lines.push("| operation | ratio | widget | vanilla | widget script | vanilla script |");
lines.push("|---|---|---|---|---|---|");
for (const r of results.values()) {
  lines.push(`| ${r.label} | **${median(r.ratio).toFixed(2)}×** [${quantile(r.ratio, 0.25).toFixed(2)}–${quantile(r.ratio, 0.75).toFixed(2)}] | ${fmt(median(r.widget))} | ${fmt(median(r.vanilla))} | ${r.widgetDom.length ? fmt(median(r.widgetDom)) : ""} | ${r.vanillaDom.length ? fmt(median(r.vanillaDom)) : ""} |`);
}
const kB = (b) => (b / 1000).toFixed(1);
lines.push("", `Cold start transfer (Resource Timing transferSize of the page and its files, median): widget ${kB(median(transfer.widget))} kB, vanilla ${kB(median(transfer.vanilla))} kB.`);
lines.push(`Served by the emulator: ${Object.entries(served).map(([f, h]) => `${f}: ${Object.entries(h).map(([k, v]) => `${k} ${v}`).join(", ")}`).join("; ")}.`);
lines.push(streamingFallbacks.length
  ? `WARNING: the wasm was not compiled while streaming (${streamingFallbacks.length} fallback warnings: ${streamingFallbacks[0]}).`
  : "The wasm was compiled with WebAssembly.instantiateStreaming in every page (no fallback warning from init()).");
const whole = [...results.entries()].filter(([k]) => !k.includes(":") && !EXTRA_OPS.includes(k.split("@")[0]));
const geo = Math.exp(whole.reduce((a, [, r]) => a + Math.log(median(r.ratio)), 0) / whole.length);
lines.push("", `Geometric mean of the ${whole.length} top-level ratios: ${geo.toFixed(2)}×.`);
lines.push("");
const mb = (b) => (b / 2 ** 20).toFixed(2);
lines.push(`Memory (median of ${MEM_ROUNDS} fresh pages per implementation, after forced GC). JS heap = V8 used size; wasm = linear memory (never shrinks); DOM = Memory.getDOMCounters nodes of the whole page; shadow = nodes in the widget's shadow root.`);
lines.push("");
lines.push("| moment | widget JS heap MB | widget wasm MB | widget total MB | vanilla JS heap MB | ratio total | DOM nodes widget / vanilla | shadow nodes widget / vanilla | listeners widget / vanilla |");
lines.push("|---|---|---|---|---|---|---|---|---|");
const memLabels = { loaded: "module loaded, nothing mounted", rows1k: "1k orders loaded, 25 rows shown", rows10k: "10k orders loaded, 25 rows shown", cycles5: "after 5 mount/unmount cycles (1k)" };
for (const moment of ["loaded", "rows1k", "rows10k", "cycles5"]) {
  const med = (impl, f) => median(memory[impl].map((m) => f(m[moment])));
  const wHeap = med("widget", (m) => m.jsHeapUsed), wWasm = med("widget", (m) => m.wasm);
  const vHeap = med("vanilla", (m) => m.jsHeapUsed), vWasm = med("vanilla", (m) => m.wasm);
  lines.push(`| ${memLabels[moment]} | ${mb(wHeap)} | ${mb(wWasm)} | ${mb(wHeap + wWasm)} | ${mb(vHeap + vWasm)} | ${((wHeap + wWasm) / (vHeap + vWasm)).toFixed(2)}× | ${med("widget", (m) => m.domNodes)} / ${med("vanilla", (m) => m.domNodes)} | ${med("widget", (m) => m.shadowNodes)} / ${med("vanilla", (m) => m.shadowNodes)} | ${med("widget", (m) => m.listeners)} / ${med("vanilla", (m) => m.listeners)} |`);
}
lines.push("");
lines.push(mismatches ? `WARNING: ${mismatches} steps rendered different text (see log above).` : "Check: both implementations rendered the same text after every step.");
if (profileText.length) lines.push("", ...profileText);
lines.push("", `total run time ${((Date.now() - started) / 1000).toFixed(0)} s`);
const report = lines.join("\n");
console.log(report);
writeFileSync(`${OUT}/report.md`, `${report}\n`);
writeFileSync(`${OUT}/results.json`, JSON.stringify({ machine, rounds: ROUNDS, warmup: WARMUP,
  results: Object.fromEntries(results), memory, signatures }, null, 1));
log(`wrote ${OUT}/report.md and ${OUT}/results.json`);
if (mismatches) process.exitCode = 1;
