// Soak: 1,000 open → confirm cycles in one page. Exactly 1,000 emails in the outbox, no error, and JS heap
// plus wasm memory after the run within 10 % of after the first 100 cycles.
// Usage: E2E_BASE=http://127.0.0.1:18794 node e2e/soak.mjs   (scripts/soak.sh starts everything)
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./lib.mjs";

const base = process.env.E2E_BASE ?? "http://127.0.0.1:18794";
const total = Number(process.env.SOAK_CYCLES ?? 1000);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
const mb = (bytes) => (bytes / 1048576).toFixed(2);
let ok = false;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const cdp = await page.context().newCDPSession(page);
  const memory = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() => window.soak.wasmBytes());
    return { js: usedSize, wasm, sum: usedSize + wasm };
  };
  await fetch(`${base}/_emulator/reset`, { method: "POST" });
  await page.goto(`${base}/soak.html`);
  await page.waitForFunction(() => window.soak);
  await page.evaluate(() => window.soak.ready());
  const started = Date.now();
  await page.evaluate(() => window.soak.cycles(100));
  const after100 = await memory();
  await page.evaluate((n) => window.soak.cycles(n), total - 100);
  const afterAll = await memory();
  const seconds = (Date.now() - started) / 1000;
  const result = await page.evaluate(() => window.soak.cycles(0));
  const outbox = await (await fetch(`${base}/_emulator/outbox`)).json();
  const growth = (afterAll.sum - after100.sum) / after100.sum;
  console.log(`soak: ${total} cycles in ${seconds.toFixed(1)} s (${(seconds * 1000 / total).toFixed(1)} ms per cycle)`);
  console.log(`soak: events resent=${result.resent} failed=${result.failed}; outbox ${outbox.length}; page errors ${errors.length}`);
  console.log(`soak: after 100: JS heap ${mb(after100.js)} MB + wasm ${mb(after100.wasm)} MB = ${mb(after100.sum)} MB`);
  console.log(`soak: after ${total}: JS heap ${mb(afterAll.js)} MB + wasm ${mb(afterAll.wasm)} MB = ${mb(afterAll.sum)} MB (${(growth * 100).toFixed(1)} %)`);
  ok = result.resent === total && result.failed === 0 && outbox.length === total && errors.length === 0 && growth <= 0.10;
} finally {
  await browser.close();
}
console.log(`soak: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
