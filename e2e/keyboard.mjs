// The keyboard-only path with trusted keystrokes (Tab, Shift+Tab, Escape, Enter) on the demo page, in
// Debian's Chromium driven by playwright-core. Saves screenshots of the main states.
// Usage: E2E_BASE=http://127.0.0.1:18789 E2E_OUT=dir node e2e/keyboard.mjs
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import assert from "node:assert/strict";
import { CHROMIUM_ARGS, checker, emulatorClient } from "./lib.mjs";

const base = process.env.E2E_BASE ?? "http://127.0.0.1:8787";
const out = process.env.E2E_OUT ?? "target/test-output/e2e";
mkdirSync(out, { recursive: true });

const emulator = emulatorClient(base);

// Describes the element that really has focus, looking through shadow roots.
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return null;
  return { tag: el.tagName.toLowerCase(), cls: el.className, label: el.getAttribute("aria-label"), text: el.textContent.trim() };
});
const dialogOpen = (page) => page.evaluate(() => document.querySelector("#orders").shadowRoot.querySelector("dialog").open);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: CHROMIUM_ARGS,
});
const { check, summary } = checker();

try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(String(e)));

  await emulator("POST", "reset");
  await page.goto(base);
  await page.waitForSelector("#orders[data-state=ready]");
  await page.screenshot({ path: `${out}/table-en.png`, fullPage: true });

  await check("Tab from the page start reaches the first row's Send button", async () => {
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (f?.cls === "send") {
        assert.match(f.label, /^Send (approval|fulfillment) email for /);
        return;
      }
    }
    assert.fail("no Send button reached with Tab");
  });

  await check("Enter opens the popup with focus on Cancel", async () => {
    await page.keyboard.press("Enter");
    assert.equal(await dialogOpen(page), true);
    assert.equal((await focused(page)).cls, "cancel");
    await page.screenshot({ path: `${out}/popup-en.png` });
  });

  await check("Tab and Shift+Tab cycle inside the popup", async () => {
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).cls, "confirm");
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).cls, "cancel", "Tab wraps to Cancel");
    await page.keyboard.press("Shift+Tab");
    assert.equal((await focused(page)).cls, "confirm", "Shift+Tab wraps to Resend");
  });

  await check("Escape closes the popup, sends nothing, and focus returns to Send", async () => {
    await page.keyboard.press("Escape");
    assert.equal(await dialogOpen(page), false);
    assert.equal((await focused(page)).cls, "send");
    assert.equal((await emulator("GET", "outbox")).length, 0);
  });

  await check("Enter on Resend email sends once, however many Enter presses and clicks follow", async () => {
    await emulator("POST", "faults", { method: "resendEmail", kind: "delay", delayMs: 400, times: 1 });
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    for (let i = 0; i < 5; i += 1) await page.keyboard.press("Enter");
    const confirm = page.locator("#orders dialog button.confirm");
    for (let i = 0; i < 10; i += 1) await confirm.click({ force: true, noWaitAfter: true, timeout: 1000 }).catch(() => {});
    await page.waitForFunction(() =>
      document.querySelector("#orders").shadowRoot.querySelector("[role=status]").textContent.includes("sent again to"));
    await page.waitForTimeout(300);
    const outbox = await emulator("GET", "outbox");
    assert.equal(outbox.length, 1, "exactly one email");
    const status = await page.evaluate(() => document.querySelector("#orders").shadowRoot.querySelector("[role=status]").textContent);
    assert.ok(status.includes(outbox[0].recipient), status);
    assert.equal(await dialogOpen(page), false);
  });

  await check("a sort button works from the keyboard", async () => {
    const sortButtons = await page.locator("#orders thead th button").count();
    assert.equal(sortButtons, 5);
    await page.locator("#orders thead th button").first().focus();
    await page.keyboard.press("Enter");
    const sort = await page.evaluate(() => document.querySelector("#orders").shadowRoot.querySelector("thead th").getAttribute("aria-sort"));
    assert.equal(sort, "ascending");
  });

  // ---- details disclosure button (H5 details-cards) ------------------------------------------------
  await check("details: Tab goes from a row's Send to its details button, named for the domain", async () => {
    await page.locator("#orders tbody tr:has(button.send) button.send").first().focus();
    await page.keyboard.press("Tab");
    const f = await focused(page);
    assert.equal(f.cls, "details-toggle");
    assert.match(f.label, /^Details for \S/);
  });

  await check("details: Enter opens the region, Space closes it, the focus stays on the button", async () => {
    const state = () => page.evaluate(() => {
      const root = document.querySelector("#orders").shadowRoot;
      const button = root.activeElement;
      return { cls: button?.className, expanded: button?.getAttribute("aria-expanded"),
        region: Boolean(root.getElementById(button?.getAttribute("aria-controls"))) };
    });
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("#orders").shadowRoot.querySelector(".details dd"));
    assert.deepEqual(await state(), { cls: "details-toggle", expanded: "true", region: true });
    await page.keyboard.press("Space");
    await page.waitForFunction(() => !document.querySelector("#orders").shadowRoot.querySelector(".details"));
    assert.deepEqual(await state(), { cls: "details-toggle", expanded: "false", region: false });
    const asked = (await emulator("GET", "requests")).filter((r) => r.method === "GET" && r.path.endsWith("/getObject.json")
      && r.path.includes("SoftLayer_Security_Certificate_Request/"));
    assert.equal(asked.length, 1, "one getObject");
    assert.ok(!asked[0].query.includes("certificateSigningRequest"), asked[0].query);
  });
  // ---- end of the details block ---------------------------------------------------------------------
  // --- CSV export (issue 15, item 4; branch expiry-csv) -------------------------------------------------
  await check("Export CSV from the keyboard downloads ssl-orders.csv: BOM, header row, every order", async () => {
    await page.locator("#orders button.export").focus();
    assert.equal((await focused(page)).cls, "export");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    assert.equal(download.suggestedFilename(), "ssl-orders.csv");
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a UTF-8 byte order mark");
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    assert.equal(lines[0], '"Common name","Certificate type","Status","Ordered","Expires"');
    assert.equal(lines.length, 1 + 40 + 1, "a header, all 40 orders (not one page), a final CRLF");
    assert.match(lines[1], /^"[^"]+","[^"]*","[^"]*","\d{4}-\d{2}-\d{2}",/);
    const status = await page.evaluate(() => document.querySelector("#orders").shadowRoot.querySelector("[role=status]").textContent);
    assert.match(status, /40 orders exported to CSV/);
  });
  // --- end of CSV export -------------------------------------------------------------------------------

  await check("the page logged no console errors", async () => {
    assert.deepEqual(consoleErrors, []);
  });
} finally {
  await browser.close();
}

console.log(`screenshots: ${out}`);
process.exit(summary("e2e"));
