// Accessibility audit of the languages beyond English and Spanish (those two are in e2e/a11y.mjs): for
// German, French, Japanese and Brazilian Portuguese, axe-core on the ready table and on the open popup in
// Debian's Chromium (playwright-core), with a11y.mjs's rule set; 0 violations each. The widget's `lang`
// (`pt-BR` included) is audited too: axe checks that it is a valid language tag.
// The emulator must serve a site dir made of dist/* + e2e/pages/*, like for a11y.mjs.
// Usage: E2E_BASE=http://127.0.0.1:18789 [E2E_OUT=dir] node e2e/a11y-locales.mjs
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { CHROMIUM_ARGS, checker, emulatorClient } from "./lib.mjs";

const base = process.env.E2E_BASE ?? "http://127.0.0.1:8787";
const out = process.env.E2E_OUT ?? "target/test-output/a11y-locales";
const axePath = fileURLToPath(new URL("./node_modules/axe-core/axe.min.js", import.meta.url));
mkdirSync(out, { recursive: true });

// The same rules as e2e/a11y.mjs: WCAG 2.0/2.1/2.2 A + AA and axe's best practices, none disabled.
const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  resultTypes: ["violations"],
};
const LANGS = ["de", "fr", "ja", "pt-BR"];

const emulator = emulatorClient(base);
const { check, fail, summary } = checker();

/** Runs axe on the page (the widget's shadow root included); throws listing each violation. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS);
  const violations = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(", ")}`);
  assert.deepEqual(violations, []);
}

/** Opens the test host page and mounts the widget again in `lang`, the page's language set to match
 * (host.js itself mounts in English or Spanish only), then waits for the table. */
async function openIn(page, lang) {
  await emulator("POST", "reset");
  await page.goto(`${base}/host.html?lang=en`);
  await page.waitForSelector("#orders[data-state=ready]");
  await page.evaluate(async (lang) => {
    const host = window.sslOrdersHost;
    host.handle.unmount();
    document.documentElement.lang = lang;
    const { mount } = await import("/ssl-orders.js");
    host.handle = mount(document.querySelector("#orders"), { apiBase: "/rest/v3.1", token: "demo-bearer-token", lang });
  }, lang);
  await page.waitForFunction((lang) => {
    const host = document.querySelector("#orders");
    return host.dataset.state === "ready" && host.shadowRoot.querySelector(".widget")?.lang === lang;
  }, lang);
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
try {
  for (const lang of LANGS) {
    const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
    const page = await context.newPage();
    page.setDefaultTimeout(6000);
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));

    await openIn(page, lang);
    await check(`${lang} table: axe, 0 violations`, () => axe(page));
    await page.screenshot({ path: `${out}/table-${lang}.png`, animations: "disabled" });

    await page.locator("#orders button.send").first().click();
    await page.locator("#orders dialog[open] button.cancel").waitFor();
    await check(`${lang} popup: axe, 0 violations`, () => axe(page));
    await page.screenshot({ path: `${out}/popup-${lang}.png`, animations: "disabled" });

    await check(`${lang}: no uncaught page errors`, async () => assert.deepEqual(errors, []));
    await context.close();
  }
} catch (error) {
  fail("the audit stopped", error);
} finally {
  await browser.close();
  await emulator("POST", "reset").catch(() => {});
}
console.log(`screenshots: ${out}`);
process.exit(summary("axe on the table and popup in de, fr, ja, pt-BR"));
