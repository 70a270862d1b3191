// The keyboard-only path of e2e/keyboard.mjs, in Firefox ESR, with trusted keystrokes sent through
// geckodriver's W3C WebDriver HTTP API (Actions API), driven from Node with plain fetch. State is read
// through the widget's open shadow root with "execute/sync". Runs on the test host page
// e2e/pages/host.html; the emulator must serve a site dir made of dist/* + e2e/pages/*.
// Usage: E2E_BASE=http://127.0.0.1:18791 [GECKODRIVER=path] [FIREFOX=/usr/bin/firefox-esr] node e2e/firefox-keyboard.mjs
import { spawn, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import assert from "node:assert/strict";
import { checker, emulatorClient } from "./lib.mjs";

const base = process.env.E2E_BASE ?? "http://127.0.0.1:8787";
const firefox = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const geckodriver = process.env.GECKODRIVER
  ?? execFileSync("sh", ["-c", "command -v geckodriver || echo /root/.cargo/bin/geckodriver"]).toString().trim();
const started = Date.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const KEY = { tab: "\uE004", enter: "\uE007", escape: "\uE00C", shift: "\uE008" };

const emulator = emulatorClient(base);

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.once("error", reject);
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

// --- geckodriver ---------------------------------------------------------------------------------------
const port = await freePort();
const driverLog = [];
const driver = spawn(geckodriver, ["--port", String(port), "--host", "127.0.0.1", "--log", "warn"], {
  stdio: ["ignore", "pipe", "pipe"],
});
driver.stdout.on("data", (d) => driverLog.push(String(d)));
driver.stderr.on("data", (d) => driverLog.push(String(d)));
const wdBase = `http://127.0.0.1:${port}`;

async function wd(method, path, body) {
  const res = await fetch(`${wdBase}${path}`, {
    method,
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

let session = null;
const { check, note, fail, summary } = checker();

// Runs a script in the page; `root` is the widget's shadow root.
const inPage = (body, ...args) => wd("POST", `/session/${session}/execute/sync`, {
  script: `const root = document.querySelector("#orders")?.shadowRoot; ${body}`, args,
});
// Trusted keystrokes: one W3C key input source, optionally holding Shift.
async function press(key, { shift = false } = {}) {
  const actions = [];
  if (shift) actions.push({ type: "keyDown", value: KEY.shift });
  actions.push({ type: "keyDown", value: key }, { type: "keyUp", value: key });
  if (shift) actions.push({ type: "keyUp", value: KEY.shift });
  await wd("POST", `/session/${session}/actions`, { actions: [{ type: "key", id: "keyboard", actions }] });
  await wd("DELETE", `/session/${session}/actions`);
}
// The element that really has focus, looking through shadow roots.
const focused = () => inPage(`
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return null;
  return { tag: el.tagName.toLowerCase(), cls: String(el.className), label: el.getAttribute("aria-label"), text: el.textContent.trim() };`);
const dialogOpen = () => inPage("return root.querySelector('dialog').open;");
async function waitFor(description, probe, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${description} (last: ${JSON.stringify(last)})`);
}

try {
  await waitFor("geckodriver", async () => {
    try { return (await wd("GET", "/status")).ready; } catch { return false; }
  }, 10000);
  const created = await wd("POST", "/session", {
    capabilities: {
      alwaysMatch: {
        browserName: "firefox",
        "moz:firefoxOptions": { binary: firefox, args: ["-headless"] },
      },
    },
  });
  session = created.sessionId;
  console.log(`firefox ${created.capabilities.browserVersion}, geckodriver on port ${port}`);
  await wd("POST", `/session/${session}/window/rect`, { width: 1100, height: 800 });

  await emulator("POST", "reset");
  await wd("POST", `/session/${session}/url`, { url: `${base}/host.html?lang=en` });
  await waitFor("the widget to be ready", () => inPage("return document.querySelector('#orders')?.dataset.state === 'ready';"), 15000);

  await check("Tab from the page start reaches the first row's Send button", async () => {
    const firstSend = await inPage("return root.querySelector('button.send').getAttribute('aria-label');");
    for (let i = 0; i < 40; i += 1) {
      await press(KEY.tab);
      const f = await focused();
      if (f?.cls === "send") {
        assert.match(f.label, /^Send (approval|fulfillment) email for /);
        assert.equal(f.label, firstSend, "the first Send reached is the first row's");
        return;
      }
    }
    assert.fail("no Send button reached with Tab");
  });

  await check("Enter opens the popup with focus on Cancel", async () => {
    await press(KEY.enter);
    assert.equal(await dialogOpen(), true);
    await waitFor("focus on Cancel", async () => (await focused())?.cls === "cancel", 2000);
  });

  await check("Tab → Resend, Tab wraps to Cancel, Shift+Tab wraps to Resend", async () => {
    await press(KEY.tab);
    assert.equal((await focused()).cls, "confirm", "Tab moves to Resend");
    await press(KEY.tab);
    assert.equal((await focused()).cls, "cancel", "Tab wraps to Cancel");
    await press(KEY.tab, { shift: true });
    assert.equal((await focused()).cls, "confirm", "Shift+Tab wraps to Resend");
    assert.equal(await dialogOpen(), true);
  });

  await check("Escape closes the popup, sends nothing, and focus returns to Send", async () => {
    await press(KEY.escape);
    await waitFor("the popup to close", async () => !(await dialogOpen()), 2000);
    // The close event can arrive a frame after the dialog closed.
    await waitFor("focus back on Send", async () => (await focused())?.cls === "send", 2000);
    assert.equal((await emulator("GET", "outbox")).length, 0);
  });

  await check("Enter reopens, Tab, Enter sends exactly one email and the live region names the recipient", async () => {
    await press(KEY.enter);
    assert.equal(await dialogOpen(), true);
    await waitFor("focus on Cancel", async () => (await focused())?.cls === "cancel", 2000);
    await press(KEY.tab);
    assert.equal((await focused()).cls, "confirm");
    await press(KEY.enter);
    const status = await waitFor("the status message",
      () => inPage("const t = root.querySelector('[role=status]').textContent; return t.includes('sent again to') && t;"));
    await sleep(300); // room for a second, unwanted POST to arrive
    const outbox = await emulator("GET", "outbox");
    assert.equal(outbox.length, 1, `outbox: ${JSON.stringify(outbox)}`);
    assert.ok(status.includes(outbox[0].recipient), `"${status}" names ${outbox[0].recipient}`);
    const resent = await inPage("return window.sslOrdersHost.events.filter((e) => e.name === 'ssl-orders-email-resent').length;");
    assert.equal(resent, 1, "one ssl-orders-email-resent event");
    assert.equal(await dialogOpen(), false);
    await waitFor("focus back on Send", async () => (await focused())?.cls === "send", 2000);
  });

  await check("a sort header button works from the keyboard (Shift+Tab to it, Enter)", async () => {
    await press(KEY.tab, { shift: true }); // from the first row's Send to the last sort button
    const f = await focused();
    assert.equal(f.cls, "sort", `focus on ${JSON.stringify(f)}`);
    const column = () => inPage(`
      const el = root.activeElement;
      return { sort: el.closest("th").getAttribute("aria-sort"), name: el.textContent.trim() };`);
    const before = await column();
    await press(KEY.enter);
    const after = await waitFor("aria-sort to change", async () => {
      const now = await column();
      return now.sort && now.sort !== before.sort && now;
    }, 2000);
    const others = await inPage("return [...root.querySelectorAll('thead th[aria-sort]')].length;");
    assert.equal(others, 1, "aria-sort on the sorted column only");
    const status = await inPage("return root.querySelector('[role=status]').textContent;");
    assert.ok(status.length > 0 && !status.includes("sent again"), `sort announced: "${status}"`);
    note(`${before.name}: ${before.sort ?? "none"} → ${after.sort}; announced "${status}"`);
  });

  // ---- details disclosure button (H5 details-cards) ------------------------------------------------
  await check("details: Tab from a row's Send reaches its details button; Enter opens, Space closes, focus stays", async () => {
    await inPage("root.querySelector('tbody tr button.send').focus(); return true;");
    await press(KEY.tab);
    let f = await focused();
    assert.equal(f.cls, "details-toggle", JSON.stringify(f));
    assert.match(f.label, /^Details for \S/);
    const state = () => inPage(`const b = root.activeElement;
      return { cls: String(b?.className), expanded: b?.getAttribute("aria-expanded"),
        region: Boolean(root.getElementById(b?.getAttribute("aria-controls"))) };`);
    await press(KEY.enter);
    await waitFor("the details", () => inPage("return Boolean(root.querySelector('.details dd'));"), 3000);
    assert.deepEqual(await state(), { cls: "details-toggle", expanded: "true", region: true });
    await press(" ");
    await waitFor("the details to close", () => inPage("return !root.querySelector('.details');"), 3000);
    assert.deepEqual(await state(), { cls: "details-toggle", expanded: "false", region: false });
  });
  // ---- end of the details block ---------------------------------------------------------------------
  // --- CSV export (issue 15, item 4; branch expiry-csv) -------------------------------------------------
  await check("Shift+Tab reaches Export CSV; Enter exports every order (ssl-orders-exported, live region)", async () => {
    // The link click is recorded, not followed: no file is written (the Chromium suite checks the download).
    await inPage(`window.__exportLinks = [];
      HTMLAnchorElement.prototype.click = function () { window.__exportLinks.push(this.getAttribute("download")); };
      return true;`);
    let f = await focused();
    for (let i = 0; i < 15 && f?.cls !== "export"; i += 1) {
      await press(KEY.tab, { shift: true });
      f = await focused();
    }
    assert.equal(f?.cls, "export", `focus on ${JSON.stringify(f)}`);
    await press(KEY.enter);
    const exported = await waitFor("ssl-orders-exported",
      () => inPage("return window.sslOrdersHost.events.find((e) => e.name === 'ssl-orders-exported')?.detail ?? null;"));
    assert.deepEqual(exported, { rows: 40 });
    assert.deepEqual(await inPage("return window.__exportLinks;"), ["ssl-orders.csv"]);
    const status = await inPage("return root.querySelector('[role=status]').textContent;");
    assert.ok(status.includes("40 orders exported to CSV"), status);
  });
  // --- end of CSV export -------------------------------------------------------------------------------

  // axe-core in Firefox too, on the table and the open popup in both locales (Chromium runs the full audit).
  const axeSource = readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
  const axeRun = async () => {
    await wd("POST", `/session/${session}/execute/sync`, { script: `${axeSource}; return true;`, args: [] });
    return wd("POST", `/session/${session}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })
          .then((r) => done({ rules: r.passes.length + r.violations.length + r.inapplicable.length + r.incomplete.length,
            violations: r.violations.map((v) => \`\${v.id}: \${v.nodes.length} node(s)\`) }), (e) => done({ error: String(e) }));`,
      args: [],
    });
  };
  for (const lang of ["en", "es"]) {
    await check(`axe in Firefox, ${lang}: table and open popup have no violations`, async () => {
      await emulator("POST", "reset");
      await wd("POST", `/session/${session}/url`, { url: `${base}/host.html?lang=${lang}` });
      await waitFor("the widget to be ready", () => inPage("return document.querySelector('#orders')?.dataset.state === 'ready';"), 15000);
      const table = await axeRun();
      assert.deepEqual(table.violations, [], `table: ${JSON.stringify(table)}`);
      await inPage("root.querySelector('button.send').click(); return true;");
      await waitFor("the popup", dialogOpen, 2000);
      const popup = await axeRun();
      assert.deepEqual(popup.violations, [], `popup: ${JSON.stringify(popup)}`);
      note(`${lang}: ${table.rules} rules on the table, ${popup.rules} on the popup, 0 violations`);
    });
    await check(`axe in Firefox, ${lang}: details open, and the 320 px card layout with no sideways scroll`, async () => {
      await emulator("POST", "reset");
      await wd("POST", `/session/${session}/url`, { url: `${base}/host.html?lang=${lang}` });
      await waitFor("the widget to be ready", () => inPage("return document.querySelector('#orders')?.dataset.state === 'ready';"), 15000);
      await inPage("root.querySelector('button.details-toggle').click(); return true;");
      await waitFor("the details", () => inPage("return Boolean(root.querySelector('.details dd')) && !root.querySelector('.details-loading');"), 3000);
      const open = await axeRun();
      assert.deepEqual(open.violations, [], `details open: ${JSON.stringify(open)}`);
      await wd("POST", `/session/${session}/url`, { url: `${base}/host.html?lang=${lang}&width=320` });
      await waitFor("the widget to be ready", () => inPage("return document.querySelector('#orders')?.dataset.state === 'ready';"), 15000);
      const cards = await axeRun();
      assert.deepEqual(cards.violations, [], `cards: ${JSON.stringify(cards)}`);
      const fit = await inPage(`const wrap = root.querySelector(".table-wrap"), host = root.host.getBoundingClientRect();
        const out = [...root.querySelectorAll("tbody button.send, tbody button.details-toggle")]
          .filter((b) => { const r = b.getBoundingClientRect(); return r.left < host.left - 0.5 || r.right > host.right + 0.5 || r.width === 0; });
        return { scroll: wrap.scrollWidth, client: wrap.clientWidth, out: out.length,
          row: getComputedStyle(root.querySelector("tbody tr[part=row]")).display };`);
      assert.ok(fit.scroll <= fit.client && fit.out === 0 && fit.row !== "table-row", JSON.stringify(fit));
      note(`${lang}: ${open.rules} rules with details open, ${cards.rules} on the 320 px cards, 0 violations`);
    });
  }
} catch (error) {
  fail("the run stopped", error);
  if (driverLog.length) note(`geckodriver: ${driverLog.join("").trim().split("\n").slice(-5).join("\n     ")}`);
} finally {
  if (session) await wd("DELETE", `/session/${session}`).catch(() => {});
  const exited = new Promise((resolve) => (driver.exitCode !== null ? resolve() : driver.once("exit", resolve)));
  driver.kill("SIGTERM");
  await Promise.race([exited, sleep(3000)]);
  await emulator("POST", "reset").catch(() => {});
}

console.log(`time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(summary("firefox-e2e"));
