// The widget on csp.html under whatever Content-Security-Policy the emulator at E2E_BASE sends (its --csp
// flag; the header is printed): it must load, render and complete a resend with no violation. test.sh runs
// it twice, against a strict policy and against the same policy plus `require-trusted-types-for 'script'`;
// E2E_LABEL only names the run in the output.
// Usage: E2E_BASE=http://127.0.0.1:18792 [E2E_LABEL="strict CSP"] node e2e/csp.mjs
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { CHROMIUM_ARGS } from "./lib.mjs";

const base = process.env.E2E_BASE ?? "http://127.0.0.1:18792";
const label = process.env.E2E_LABEL ?? "csp";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
let failed = 0;
try {
  const page = await browser.newPage();
  const errors = [];
  process.on("exit", () => errors.length && console.error(`${label}: console errors:\n  ${errors.join("\n  ")}`));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const response = await fetch(`${base}/_emulator/reset`, { method: "POST" });
  assert.ok(response.ok);
  const page_response = await page.goto(`${base}/csp.html`);
  console.log(`${label}: Content-Security-Policy: ${page_response.headers()["content-security-policy"]}`);
  await page.waitForSelector("ssl-orders[data-state=ready]", { timeout: 10000 });
  await page.locator("ssl-orders tbody button.send").first().click();
  await page.locator("ssl-orders dialog button.confirm").click();
  await page.waitForFunction(() => window.events.some(([n]) => n === "ssl-orders-email-resent"), null, { timeout: 10000 });
  const outbox = await (await fetch(`${base}/_emulator/outbox`)).json();
  assert.equal(outbox.length, 1);
  const violations = await page.evaluate(() => window.cspViolations);
  assert.deepEqual(violations, [], "no CSP violation");
  assert.deepEqual(errors, [], "no console error");
  console.log(`${label}: loaded, rendered and resent with no violation`);
} catch (error) {
  failed = 1;
  console.error(`${label}: FAILED: ${error.message}`);
} finally {
  await browser.close();
}
console.log(`${label}: ${1 - failed} passed, ${failed} failed`);
process.exit(failed);
