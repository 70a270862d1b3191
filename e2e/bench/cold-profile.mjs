// Cold start, taken apart: where the time from navigation to the first rows goes, for the widget and for the
// vanilla twin, in headless Chromium (docs/cold-start.md). Two parts:
//  1. paired rounds, untraced: per round one fresh context per implementation (order rotating); prints the
//     median of the paired ratios widget/vanilla and the median of each phase, read from the page's own
//     clock (marks in bench.html's cold mode) and Resource Timing;
//  2. traced samples (Chromium tracing: devtools.timeline, v8, v8.wasm and its detailed categories): the
//     main thread's busy time by kind (HTML, JS parse/compile, wasm compile, script, style, layout, GC…) and
//     the wasm compiler's work (streaming, lazy Liftoff compiles on first call, TurboFan tier-up).
//
// Usage: node e2e/bench/cold-profile.mjs http://127.0.0.1:18790   (the emulator serving target/bench-site;
//   scripts/bench.sh does this with BENCH_COLD_PROFILE=1)
// Environment: BENCH_COLD_ROUNDS (20) paired rounds, BENCH_COLD_TRACES (3) traced samples per implementation,
//   BENCH_WARMUP (1), BENCH_OUT (target/bench-output),
//   BENCH_COLD_BUILDS="root,std" widget builds to compare, each a directory of the site ("root" = the site's
//     own ssl-orders.js); every build is paired with the same round's vanilla sample,
//   BENCH_COLD_HINTS=1 loads every page with the README's preload hints,
//   BENCH_COLD_JS_FLAGS="--no-wasm-lazy-compilation" extra V8 flags (experiments only: a host cannot set them).
import { chromium } from "playwright-core";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";

const base = (process.argv[2] ?? process.env.BENCH_BASE ?? "http://127.0.0.1:18790").replace(/\/$/, "");
const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 20);
const TRACES = Number(process.env.BENCH_COLD_TRACES ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const OUT = process.env.BENCH_OUT ?? "target/bench-output";
const BUILDS = (process.env.BENCH_COLD_BUILDS ?? "root").split(",").map((s) => s.trim()).filter(Boolean);
const HINTS = process.env.BENCH_COLD_HINTS === "1" ? "&hints=1" : "";
const ORDERS = 100;
const started = Date.now();
mkdirSync(OUT, { recursive: true });
const log = (...a) => console.error(`[cold ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

const quantile = (xs, q) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
};
const median = (xs) => quantile(xs, 0.5);
const fmt = (x) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1)) : "–");

await fetch(`${base}/_emulator/dataset`, { method: "POST", headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ orders: ORDERS, seed: 7 }) }).then((r) => { if (!r.ok) throw new Error(`dataset: ${r.status}`); });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  // The same flags as bench.mjs.
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    `--js-flags=--expose-gc ${process.env.BENCH_COLD_JS_FLAGS ?? ""}`.trim(), "--enable-precise-memory-info",
    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows"],
});

// One cold page: a fresh context (empty HTTP and code caches), unique URLs. `variant` is "vanilla" or a build.
async function coldSample(variant, tag, traced = false) {
  const impl = variant === "vanilla" ? "vanilla" : "widget";
  const build = variant === "vanilla" || variant === "root" ? "" : `&build=${variant}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => log("page error:", String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" || m.text().includes("instantiateStreaming")) log(`console ${m.type()}:`, m.text());
  });
  if (traced) {
    await browser.startTracing(undefined, { categories: ["devtools.timeline", "blink.user_timing", "loading", "v8",
      "v8.wasm", "disabled-by-default-v8.wasm", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.compile"] });
  }
  await page.goto(`${base}/bench.html?mode=cold&impl=${impl}&r=${started}-${tag}${build}${HINTS}`);
  await page.waitForFunction(() => window.coldResult, null, { timeout: 60000 });
  const result = await page.evaluate(() => window.coldResult);
  const trace = traced ? JSON.parse(await browser.stopTracing()) : null;
  await context.close();
  return { result, trace };
}

// ---- phases from the page's clock ------------------------------------------------------------------------
// Milliseconds since navigation (performance.timeOrigin), from bench.html's cold mode.
function phases(r) {
  const res = (re) => r.resources.filter((e) => re.test(e.name));
  const doc = res(/\/bench\.html$/)[0];
  const wasm = res(/\.wasm$/)[0];
  const api = res(/^\/rest\//);
  const list = res(/getSslCertificateRequests/);
  const m = r.marks;
  const apiStart = Math.min(...api.map((e) => e.start));
  const lastList = Math.max(...list.map((e) => e.end));
  return {
    "navigation → HTML received": doc.end,
    "HTML received → page's module script runs": m.script - doc.end,
    "code fetched + evaluated (widget: glue + element.js; twin: vanilla.js + CSS)": m.imported - m.script,
    "wasm: init() → wasm response starts": wasm ? wasm.responseStart - m.imported : NaN,
    "wasm: response starts → last byte (streaming compile runs alongside)": wasm ? wasm.end - wasm.responseStart : NaN,
    "wasm: last byte → instantiated, start() run (compile tail, instantiate)": wasm ? m.loaded - wasm.end : NaN,
    "mount() call (synchronous: config, shadow root, first render)": m.mounted - m.loaded,
    "mount() returned → first API request sent": apiStart - m.mounted,
    "API: first request sent → last list response (statuses ∥ list)": lastList - apiStart,
    "last list response → first rows laid out (decode, render, layout)": r.firstRowsMs - lastList,
    "total: navigation → first rows laid out": r.firstRowsMs,
    "total: navigation → ready": r.ms,
    "  of which loading the code (script → module + wasm ready)": m.loaded - m.script,
    "  of which mount → ready": r.ms - m.loaded,
  };
}

// ---- the trace: main-thread busy time by kind, and the wasm compiler's work ---------------------------------
const KINDS = [
  ["wasm: lazy compile on first call (Liftoff, main thread)", /^wasm\.(CompileLazy|CompileBaseline|AddCompiledCode|PublishCode|LogCode|CompileWasmImportCallWrapper)$|^FlushInstructionCache$|^V8\.LogCode$/],
  ["wasm: streaming, validation, instantiate (main thread)", /^wasm\.|^v8\.wasm\./],
  ["JS parse + compile", /^V8\.(PreParse|Parse|Compile|Deserialize)|^v8\.(compile|parseOnBackground|produceModuleCache)/],
  ["script: JS, wasm code and DOM calls run from it", /^(FunctionCall|RunMicrotasks|v8\.run|v8\.callFunction|v8\.evaluateModule|EvaluateScript|TimerFire|EventDispatch|FireAnimationFrame|v8\.callModuleMethodSync|V8\.StackGuard|BlinkScheduler_PerformMicrotaskCheckpoint|V8\.InvokeApiInterruptCallbacks)$/],
  ["HTML parse", /^ParseHTML$/],
  ["style", /^(UpdateLayoutTree|ParseAuthorStyleSheet|RecalcStyle|Document::UpdateStyle|StyleRecalc)/],
  ["layout (incl. text shaping)", /Layout|InlineNode::/],
  ["GC", /GC|Scavenge|Sweep|Mark/],
  ["paint, composite", /Paint|Commit|Layerize|Composit|PrePaint|Raster|UpdateLayer/],
];
const kindOf = (name) => KINDS.find(([, re]) => re.test(name))?.[0] ?? "other (navigation, loading, IPC, scheduling)";

function analyse(trace, r) {
  const ev = trace.traceEvents ?? trace;
  const mark = ev.find((e) => e.name === "bench:script" && String(e.cat).includes("user_timing"));
  if (!mark) throw new Error("trace has no bench:script mark");
  const { pid, tid } = mark;
  const zero = mark.ts - r.marks.script * 1000; // the trace's µs at navigation start
  const end = zero + r.firstRowsMs * 1000;
  const at = (ts) => (ts - zero) / 1000;
  const inRenderer = ev.filter((e) => e.pid === pid && e.ph === "X" && e.ts >= zero && e.ts < end);
  // Self time of complete events on the main thread, nested by time.
  const main = inRenderer.filter((e) => e.tid === tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // By thread CPU time (`tdur`), which a busy machine inflates far less than wall time (`dur`).
  const byKind = new Map(), byName = new Map(), stack = [];
  const add = (map, k, us) => map.set(k, (map.get(k) ?? 0) + us);
  let busy = 0, busyCpu = 0;
  for (const e of main) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const cpu = e.tdur ?? e.dur ?? 0;
    add(byName, e.name, cpu); add(byKind, kindOf(e.name), cpu);
    if (stack.length) {
      const p = stack.at(-1);
      add(byName, p.name, -cpu); add(byKind, kindOf(p.name), -cpu);
    } else {
      busy += Math.min(e.dur ?? 0, end - e.ts);
      busyCpu += cpu;
    }
    stack.push(e);
  }
  const ms = (us) => us / 1000;
  const lazy = main.filter((e) => e.name === "wasm.CompileLazy");
  // Lazy compiles by CPU time too.
  const cpuOf = (e) => (e.tdur ?? e.dur) / 1000;
  const wasmOff = inRenderer.filter((e) => e.tid !== tid && /^wasm\./.test(e.name));
  const offByName = new Map();
  for (const e of wasmOff) add(offByName, e.name, e.tdur ?? e.dur);
  // The main thread's work in each span between the page's marks (what runs while waiting for the network).
  const spans = [["navigation → script", 0, r.marks.script], ["script → module(s) evaluated", r.marks.script, r.marks.imported],
    ["module evaluated → init() done", r.marks.imported, r.marks.loaded], ["mount()", r.marks.loaded, r.marks.mounted],
    ["mount() → first rows", r.marks.mounted, r.firstRowsMs]];
  // Top-level (unnested) events only, for the busy time within each span.
  const top = [];
  let until = -Infinity;
  for (const e of main) if (e.ts >= until) { top.push(e); until = e.ts + e.dur; }
  const spanBusy = spans.map(([label, a, b]) => [label, b - a,
    top.reduce((sum, e) => sum + Math.max(0, Math.min(at(e.ts + e.dur), b) - Math.max(at(e.ts), a)), 0)]);
  const lazyFunctions = lazy.map((e) => ({ index: e.args?.func_index, ms: cpuOf(e),
    when: at(e.ts) < r.marks.loaded ? "init" : at(e.ts) < r.marks.mounted ? "mount" : "after" }));
  const lazyIn = (a, b) => lazy.filter((e) => at(e.ts) >= a && at(e.ts) < b);
  return {
    wall: r.firstRowsMs, busy: ms(busy), busyCpu: ms(busyCpu),
    kinds: Object.fromEntries([...byKind].map(([k, us]) => [k, ms(us)])),
    names: Object.fromEntries([...byName].map(([k, us]) => [k, ms(us)])),
    spans: spanBusy,
    lazyFunctions, lazyCount: lazy.length, lazyMs: lazy.reduce((sum, e) => sum + cpuOf(e), 0),
    lazyInMount: lazyIn(r.marks.loaded, r.marks.mounted).length,
    lazyAfterMount: lazyIn(r.marks.mounted, r.firstRowsMs).length,
    lazyInInit: lazyIn(r.marks.imported, r.marks.loaded).length,
    offMain: Object.fromEntries([...offByName].map(([k, us]) => [k, ms(us)])),
    tierUps: wasmOff.filter((e) => e.name === "wasm.CompileTopTier" || e.name === "wasm.TopTierCompilation").length,
    streaming: ev.some((e) => e.name === "wasm.StartStreamingCompilation" && e.pid === pid),
  };
}

// ---- function names, when a build keeps them (the wasm's "name" section) -----------------------------------
function functionNames(bytes) {
  const names = new Map();
  let at = 8;
  const leb = () => { let x = 0, shift = 0, b; do { b = bytes[at++]; x += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return x; };
  const text = (n) => { const t = new TextDecoder().decode(bytes.subarray(at, at + n)); at += n; return t; };
  while (at < bytes.length) {
    const id = bytes[at++], size = leb(), end = at + size;
    if (id === 0 && text(leb()) === "name") {
      while (at < end) {
        const sub = bytes[at++], subSize = leb(), subEnd = at + subSize;
        if (sub === 1) for (let n = leb(); n > 0; n -= 1) { const i = leb(); names.set(i, text(leb())); }
        at = subEnd;
      }
    }
    at = end;
  }
  return names;
}
// Where a function's code comes from: `ssl_orders::ui::table`, `reactive_graph`, `core`… (demangled Rust names).
function owner(name) {
  if (!name) return "(unnamed)";
  const path = name.replace(/^<+/, "").replace(/^(&|mut |dyn |impl )+/, "");
  const parts = path.split("::");
  if (parts[0] === "ssl_orders") return parts.slice(0, parts[1] === "ui" ? 3 : 2).join("::").replace(/[<{ ].*$/, "");
  return parts[0].replace(/[<{ (].*$/, "") || "(other)";
}
const namesOf = {};
for (const b of BUILDS) {
  const dir = b === "root" ? "" : `${b}/`;
  const res = await fetch(`${base}/${dir}ssl-orders_bg.wasm`);
  namesOf[b] = res.ok ? functionNames(new Uint8Array(await res.arrayBuffer())) : new Map();
}

// ---- 1. paired rounds --------------------------------------------------------------------------------------
const VARIANTS = [...BUILDS, "vanilla"];
const samples = Object.fromEntries(VARIANTS.map((v) => [v, []]));
const ratios = Object.fromEntries(BUILDS.map((b) => [b, { ready: [], rows: [] }]));
log(`${WARMUP} warm-up + ${ROUNDS} paired rounds of ${VARIANTS.join(", ")} (${ORDERS} orders${HINTS ? ", preload hints" : ""})`);
for (let round = -WARMUP; round < ROUNDS; round += 1) {
  const k = ((round % VARIANTS.length) + VARIANTS.length) % VARIANTS.length;
  const order = [...VARIANTS.slice(k), ...VARIANTS.slice(0, k)];
  const got = {};
  for (const v of order) got[v] = (await coldSample(v, `${round}-${v}`)).result;
  if (round < 0) continue;
  for (const v of VARIANTS) samples[v].push(got[v]);
  for (const b of BUILDS) {
    ratios[b].ready.push(got[b].ms / got.vanilla.ms);
    ratios[b].rows.push(got[b].firstRowsMs / got.vanilla.firstRowsMs);
  }
}

// ---- 2. traced samples -------------------------------------------------------------------------------------
const traced = Object.fromEntries(VARIANTS.map((v) => [v, []]));
if (TRACES > 0) log(`${TRACES} traced samples per variant`);
for (let i = 0; i < TRACES; i += 1) {
  for (const v of VARIANTS) {
    const { result, trace } = await coldSample(v, `trace${i}-${v}`, true);
    const a = analyse(trace, result);
    traced[v].push(a);
    if (i === 0) writeFileSync(`${OUT}/cold-trace-${v}.json`, JSON.stringify(trace));
  }
}
await browser.close();

// ---- report ------------------------------------------------------------------------------------------------
const lines = [];
lines.push(`ssl-orders cold start, taken apart — ${new Date().toISOString()}, ${base}`);
lines.push(`machine: ${os.cpus().length} CPUs, load average at end ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}; ${ROUNDS} paired rounds after ${WARMUP} warm-up, ${ORDERS} orders, fresh context per page${HINTS ? ", README preload hints" : ""}${process.env.BENCH_COLD_JS_FLAGS ? `, V8 flags ${process.env.BENCH_COLD_JS_FLAGS}` : ""}`);
lines.push("");
lines.push("| widget build | navigation → ready: ratio [IQR] | widget ms [IQR] | vanilla ms | → first rows: ratio | wasm bytes (encoded / decoded) |");
lines.push("|---|---|---|---|---|---|");
for (const b of BUILDS) {
  const w = samples[b].map((s) => s.ms), v = samples.vanilla.map((s) => s.ms);
  const wasm = samples[b][0]?.resources.find((e) => e.name.endsWith(".wasm"));
  lines.push(`| ${b} | **${median(ratios[b].ready).toFixed(2)}×** [${quantile(ratios[b].ready, 0.25).toFixed(2)}–${quantile(ratios[b].ready, 0.75).toFixed(2)}] | ${fmt(median(w))} [${fmt(quantile(w, 0.25))}–${fmt(quantile(w, 0.75))}] | ${fmt(median(v))} | ${median(ratios[b].rows).toFixed(2)}× | ${wasm ? `${wasm.body} / ${wasm.decoded}` : "?"} |`);
}
lines.push("");
lines.push("Phases (median ms of the paired rounds; each phase's median on its own, so they need not add up exactly):");
lines.push("");
lines.push(`| phase | ${VARIANTS.join(" | ")} |`);
lines.push(`|---|${VARIANTS.map(() => "---:").join("|")}|`);
const phaseNames = Object.keys(phases(samples[VARIANTS[0]][0]));
for (const p of phaseNames) {
  lines.push(`| ${p} | ${VARIANTS.map((v) => fmt(median(samples[v].map((s) => phases(s)[p])))).join(" | ")} |`);
}
if (TRACES > 0) {
  lines.push("");
  lines.push(`Traced (${TRACES} samples per variant, median; tracing slows every page, so read the split, not the totals). Main thread, navigation → first rows; the split by kind is thread CPU time (self time of trace events):`);
  lines.push("");
  lines.push(`| main thread | ${VARIANTS.join(" | ")} |`);
  lines.push(`|---|${VARIANTS.map(() => "---:").join("|")}|`);
  const kinds = [...new Set(VARIANTS.flatMap((v) => traced[v].flatMap((a) => Object.keys(a.kinds))))]
    .sort((x, y) => (median(traced[VARIANTS[0]].map((a) => a.kinds[y] ?? 0)) - median(traced[VARIANTS[0]].map((a) => a.kinds[x] ?? 0))));
  const row = (label, f) => lines.push(`| ${label} | ${VARIANTS.map((v) => fmt(median(traced[v].map(f)))).join(" | ")} |`);
  row("wall: navigation → first rows (traced)", (a) => a.wall);
  row("main thread busy (wall)", (a) => a.busy);
  row("main thread idle (waiting: network, off-thread compile)", (a) => a.wall - a.busy);
  row("main thread busy (CPU time), split below by kind", (a) => a.busyCpu);
  for (const k of kinds) row(`  ${k}`, (a) => a.kinds[k] ?? 0);
  for (const [i, [label]] of (traced[VARIANTS[0]][0]?.spans ?? []).entries()) {
    lines.push(`| span ${label}: wall / busy | ${VARIANTS.map((v) => `${fmt(median(traced[v].map((a) => a.spans[i][1])))} / ${fmt(median(traced[v].map((a) => a.spans[i][2])))}`).join(" | ")} |`);
  }
  for (const b of BUILDS) {
    const t = traced[b];
    lines.push("");
    lines.push(`wasm (${b}): streaming compilation ${t.every((a) => a.streaming) ? "yes" : "NO"}; functions compiled lazily on first call (Liftoff, main thread): ${fmt(median(t.map((a) => a.lazyCount)))} (during init ${fmt(median(t.map((a) => a.lazyInInit)))}, mount() ${fmt(median(t.map((a) => a.lazyInMount)))}, after mount ${fmt(median(t.map((a) => a.lazyAfterMount)))}), ${fmt(median(t.map((a) => a.lazyMs)))} ms CPU in wasm.CompileLazy; TurboFan tier-up jobs off the main thread: ${fmt(median(t.map((a) => a.tierUps)))}.`);
    const off = [...new Set(t.flatMap((a) => Object.keys(a.offMain)))]
      .map((k) => [k, median(t.map((a) => a.offMain[k] ?? 0))]).filter(([, x]) => x >= 0.5).sort((x, y) => y[1] - x[1]);
    lines.push(`  off the main thread (ms CPU): ${off.map(([k, x]) => `${k} ${fmt(x)}`).join(", ") || "none"}.`);
    const top = [...new Set(t.flatMap((a) => Object.keys(a.names)))]
      .map((k) => [k, median(t.map((a) => a.names[k] ?? 0))]).sort((x, y) => y[1] - x[1]).slice(0, 14);
    lines.push(`  main thread, top self times (ms CPU): ${top.map(([k, x]) => `${k} ${fmt(x)}`).join(", ")}.`);
    if (namesOf[b].size) {
      // Lazily compiled functions by owner, over all traced samples (per sample: divided by their number).
      const by = new Map();
      for (const a of t) for (const f of a.lazyFunctions) {
        const o = owner(namesOf[b].get(f.index));
        const x = by.get(o) ?? { n: 0, ms: 0, mount: 0, after: 0 };
        x.n += 1 / t.length; x.ms += f.ms / t.length;
        if (f.when === "mount") x.mount += 1 / t.length;
        if (f.when === "after") x.after += 1 / t.length;
        by.set(o, x);
      }
      lines.push(`  lazily compiled, by owner (functions / ms per sample; how many in mount() / after it):`);
      for (const [o, x] of [...by].sort((p, q) => q[1].ms - p[1].ms).slice(0, 25)) {
        lines.push(`    ${fmt(x.n).padStart(5)} / ${x.ms.toFixed(2).padStart(6)} ms  (${fmt(x.mount)} / ${fmt(x.after)})  ${o}`);
      }
      const fns = new Map();
      for (const a of t) for (const f of a.lazyFunctions) {
        const name = namesOf[b].get(f.index) ?? `#${f.index}`;
        fns.set(name, (fns.get(name) ?? 0) + f.ms / t.length);
      }
      lines.push(`  costliest lazy compiles (ms per sample): ${[...fns].sort((p, q) => q[1] - p[1]).slice(0, 12).map(([n, ms]) => `${n.length > 90 ? `${n.slice(0, 87)}…` : n} ${ms.toFixed(2)}`).join("; ")}`);
    }
  }
  const vt = traced.vanilla;
  const vtop = [...new Set(vt.flatMap((a) => Object.keys(a.names)))]
    .map((k) => [k, median(vt.map((a) => a.names[k] ?? 0))]).sort((x, y) => y[1] - x[1]).slice(0, 14);
  lines.push("");
  lines.push(`vanilla: main thread, top self times (ms CPU): ${vtop.map(([k, x]) => `${k} ${fmt(x)}`).join(", ")}.`);
  lines.push(`(first traced sample of each variant saved as ${OUT}/cold-trace-<variant>.json: open it in chrome://tracing or Perfetto)`);
}
lines.push("", `total run time ${((Date.now() - started) / 1000).toFixed(0)} s`);
const report = lines.join("\n");
console.log(report);
writeFileSync(`${OUT}/cold-report.md`, `${report}\n`);
writeFileSync(`${OUT}/cold-results.json`, JSON.stringify({ rounds: ROUNDS, builds: BUILDS, samples, ratios,
  traced: Object.fromEntries(VARIANTS.map((v) => [v, traced[v].map(({ names, ...rest }) => rest)])) }, null, 1));
log(`wrote ${OUT}/cold-report.md and ${OUT}/cold-results.json`);
