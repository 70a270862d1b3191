// Accessibility audit of the widget in Debian's Chromium (playwright-core) with axe-core, on the test host
// page e2e/pages/host.html, in English and Spanish:
//   1. axe on every state: loading, ready, details open, empty, error, popup, popup with an error, after a
//      success, plus ready and popup in forced colours;
//   2. a visible focus indicator on every control reached with Tab (not clipped by the table's scroller);
//   3. 200 % zoom (600 px viewport, CSS zoom 2) and a 320 px host container: below 560 px of its own width
//      the widget lays orders out as cards, so nothing scrolls sideways; every function (the details
//      buttons included) reachable and clickable.
// The emulator must serve a site dir made of dist/* + e2e/pages/*.
// Usage: E2E_BASE=http://127.0.0.1:18791 E2E_OUT=dir [A11Y_DOCS_IMG=docs/img] node e2e/a11y.mjs
import { chromium } from "playwright-core";
import { mkdirSync, writeFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { CHROMIUM_ARGS, emulatorClient } from "./lib.mjs";

const base = process.env.E2E_BASE ?? "http://127.0.0.1:8787";
const out = process.env.E2E_OUT ?? "target/test-output/a11y";
// Where the README screenshots go; set A11Y_DOCS_IMG= (empty) to leave docs/img alone.
const docsImg = process.env.A11Y_DOCS_IMG ?? fileURLToPath(new URL("../docs/img", import.meta.url));
const axePath = fileURLToPath(new URL("./node_modules/axe-core/axe.min.js", import.meta.url));
mkdirSync(out, { recursive: true });
const started = Date.now();

// WCAG 2.0/2.1/2.2 A + AA and axe's best practices. No rule is disabled.
const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  resultTypes: ["violations", "incomplete"],
};
const LANGS = ["en", "es"];
const MAIN_VIEWPORT = { width: 900, height: 600 };

const emulator = emulatorClient(base);
const fault = (body) => emulator("POST", "faults", body);
const host = (query) => `${base}/host.html?${new URLSearchParams(query)}`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: CHROMIUM_ARGS,
});

// --- bookkeeping -------------------------------------------------------------------------------------
const axeRuns = [];
let axePassed = 0, axeFailed = 0, checksPassed = 0, checksFailed = 0;
const lines = [];
const log = (line) => { lines.push(line); console.log(line); };

async function check(name, body) {
  try {
    const note = await body();
    checksPassed += 1;
    log(`ok   ${name}${note ? ` (${note})` : ""}`);
  } catch (error) {
    checksFailed += 1;
    log(`FAIL ${name}\n     ${String(error.stack ?? error).split("\n").slice(0, 6).join("\n     ")}`);
  }
}

async function axe(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS);
  const run = result.violations.length + result.incomplete.length + result.passes.length + result.inapplicable.length;
  // With resultTypes, passes/inapplicable are still listed (one node each), so the counts are right.
  const violations = result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160), summary: n.failureSummary })),
  }));
  const incomplete = result.incomplete.map((v) => v.id);
  const review = result.incomplete.map((v) => ({
    id: v.id, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160),
      why: [...n.any, ...n.all, ...n.none].map((c) => c.message).join(" / ") })),
  }));
  axeRuns.push({ label, rulesRun: run, applicable: run - result.inapplicable.length, violations, incomplete: review });
  if (violations.length === 0) axePassed += 1; else axeFailed += 1;
  log(`axe  ${label.padEnd(30)} ${String(run).padStart(3)} rules run, ${String(run - result.inapplicable.length).padStart(2)} applicable, `
    + `${violations.length} violations${incomplete.length ? `, needs review: ${incomplete.join(" ")}` : ""}`);
  for (const v of violations) {
    log(`     ✗ ${v.id} (${v.impact}): ${v.help}`);
    for (const n of v.nodes.slice(0, 4)) log(`       ${JSON.stringify(n.target)}  ${n.html}`);
  }
}

const shot = async (page, name, options = {}) => {
  await page.screenshot({ path: `${out}/${name}.png`, animations: "disabled", ...options });
};

// The padding box of a clipping ancestor in getBoundingClientRect's (zoomed) pixels.
const CLIP_RECT = () => {
  window.__clipRect = (a) => {
    const x = a.getBoundingClientRect();
    const z = a.offsetWidth ? x.width / a.offsetWidth : 1;
    const left = x.left + a.clientLeft * z, top = x.top + a.clientTop * z;
    return { left, top, right: left + a.clientWidth * z, bottom: top + a.clientHeight * z };
  };
};

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: MAIN_VIEWPORT, ...options });
  await context.addInitScript(CLIP_RECT);
  const page = await context.newPage();
  page.setDefaultTimeout(6000);
  page.pageErrors = [];
  page.on("pageerror", (e) => page.pageErrors.push(String(e)));
  return page;
}

const waitState = (page, state) => page.waitForSelector(`#orders[data-state=${state}]`);
const inShadow = (page, fn, arg) => page.evaluate(([source, a]) => {
  const root = document.querySelector("#orders").shadowRoot;
  // eslint-disable-next-line no-new-func
  return new Function("root", "arg", `return (${source})(root, arg);`)(root, a);
}, [fn.toString(), arg]);

// The innermost focused element, through shadow roots, with what its focus indicator looks like and whether
// that indicator fits inside every scrolling/clipping ancestor.
const focusInfo = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  window.__ids ??= new WeakMap();
  window.__idCount ??= 0;
  if (!window.__ids.has(el)) window.__ids.set(el, ++window.__idCount);
  const cs = getComputedStyle(el);
  const outlineWidth = parseFloat(cs.outlineWidth) || 0;
  const hasOutline = cs.outlineStyle !== "none" && outlineWidth > 0;
  const hasShadow = cs.boxShadow && cs.boxShadow !== "none";
  const r = el.getBoundingClientRect();
  // getBoundingClientRect is in zoomed pixels (CSS zoom), computed lengths are not.
  const zoom = el.offsetWidth ? r.width / el.offsetWidth : 1;
  const grow = hasOutline ? (outlineWidth + (parseFloat(cs.outlineOffset) || 0)) * zoom : 0;
  const ring = { left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow };
  const clippedBy = [];
  for (let a = el.parentElement ?? el.getRootNode().host; a; a = a.parentElement ?? a.getRootNode().host) {
    const acs = getComputedStyle(a);
    if (acs.overflowX === "visible" && acs.overflowY === "visible") continue;
    const clip = window.__clipRect(a);
    const sides = ["left", "top"].filter((s) => ring[s] < clip[s] - 0.5)
      .concat(["right", "bottom"].filter((s) => ring[s] > clip[s] + 0.5));
    // How much of the control itself (not just its ring) is scrolled out of sight, in CSS px.
    const hidden = Math.max(0, clip.left - r.left, r.right - clip.right, clip.top - r.top, r.bottom - clip.bottom) / zoom;
    if (sides.length) {
      clippedBy.push(`${a.tagName.toLowerCase()}.${a.className} (${sides.join(",")}`
        + `${hidden > 0.5 ? `; ${Math.round(hidden)} px of the control itself hidden` : "; ring only"})`);
    }
  }
  return {
    id: window.__ids.get(el), inWidget: el.getRootNode() !== document,
    tag: el.tagName.toLowerCase(), cls: String(el.className), label: el.getAttribute("aria-label"),
    text: el.textContent.trim().slice(0, 40), outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
    boxShadow: cs.boxShadow, visible: hasOutline || hasShadow, clippedBy,
  };
});
const describe = (f) => `${f.tag}${f.cls ? `.${f.cls.split(" ").join(".")}` : ""}${f.label ? ` "${f.label}"` : f.text ? ` "${f.text}"` : ""}`;

// Every control a keyboard user should reach, outside the popup.
const controlsOutsideDialog = (page) => inShadow(page, (root) => {
  return [...root.querySelectorAll("button, input, select, textarea, a[href], [tabindex]")]
    .filter((el) => !el.closest("dialog") && !el.disabled && el.checkVisibility())
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
});

// Tabs from the page start through the widget, checking the indicator of every control reached.
async function tabThrough(page, label) {
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const reached = [];
  const problems = [];
  for (let i = 0; i < 120; i += 1) {
    await page.keyboard.press("Tab");
    const f = await focusInfo(page);
    if (!f || !f.inWidget) { if (reached.length) break; continue; }
    if (reached.some((r) => r.id === f.id)) break;
    reached.push(f);
    if (!f.visible) problems.push(`${describe(f)}: no focus indicator (outline ${f.outline}, box-shadow ${f.boxShadow})`);
    if (f.clippedBy.length) problems.push(`${describe(f)}: focus ring clipped by ${f.clippedBy.join("; ")}`);
  }
  const expected = await controlsOutsideDialog(page);
  const got = reached.map((f) => `${f.tag}.${f.cls}`);
  const missing = [...expected];
  for (const g of got) { const k = missing.indexOf(g); if (k >= 0) missing.splice(k, 1); }
  if (missing.length) problems.push(`not reached with Tab: ${missing.join(", ")}`);
  assert.ok(problems.length === 0, `${label}:\n${problems.join("\n")}`);
  return `${reached.length} controls`;
}

// A control is "usable" when, scrolled into view, it lies wholly inside the viewport and inside every
// clipping ancestor, and a real click at its centre lands on it.
const clipReport = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  const problems = [];
  if (r.width < 1 || r.height < 1) problems.push("zero size");
  for (let a = el.parentElement ?? el.getRootNode().host; a; a = a.parentElement ?? a.getRootNode().host) {
    const acs = getComputedStyle(a);
    if (a !== document.documentElement && acs.overflowX === "visible" && acs.overflowY === "visible") continue;
    const b = a === document.documentElement
      ? { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }
      : window.__clipRect(a);
    const sides = ["left", "top"].filter((s) => r[s] < b[s] - 1).concat(["right", "bottom"].filter((s) => r[s] > b[s] + 1));
    if (sides.length) problems.push(`clipped (${sides.join(",")}) by ${a.tagName.toLowerCase()}${a.className ? `.${a.className}` : ""}`);
  }
  return problems;
});

async function usable(page, selector, nth = 0) {
  const locator = page.locator(`#orders ${selector}`).nth(nth);
  await locator.scrollIntoViewIfNeeded();
  const problems = await clipReport(locator);
  assert.deepEqual(problems, [], `${selector}: ${problems.join("; ")}`);
  return locator;
}

// Uses every function of the ready table with real pointer clicks (filter, status filter, refresh, the five
// sort buttons, Send → popup → Cancel, pager next/prev, page size). Returns a summary.
async function everyFunction(page, label) {
  const rowCount = () => page.locator("#orders tbody tr[part=row]").count();
  const done = [];

  const filter = await usable(page, "input[type=search]");
  await filter.click();
  await page.keyboard.type("zz-no-such-domain");
  await page.locator("#orders .no-match").waitFor();
  await filter.fill("");
  assert.ok((await rowCount()) > 0);
  done.push("filter");

  const status = await usable(page, "select[part=status-filter]");
  await status.click({ trial: true });
  const option = await inShadow(page, (root) => root.querySelector("tbody tr[part=row] td:nth-of-type(2)").textContent.trim());
  await status.selectOption(option);
  const statuses = await inShadow(page, (root) => [...root.querySelectorAll("tbody tr[part=row] td:nth-of-type(2)")].map((td) => td.textContent.trim()));
  assert.ok(statuses.length > 0 && statuses.every((s) => s === option), `status filter ${option}: ${statuses}`);
  await status.selectOption("");
  done.push("status filter");

  const refresh = await usable(page, "button.refresh");
  await refresh.click();
  await waitState(page, "ready");
  done.push("refresh");

  for (let i = 0; i < 5; i += 1) {
    const sort = await usable(page, "thead button.sort", i);
    const before = await inShadow(page, (root, k) => root.querySelectorAll("thead th")[k].getAttribute("aria-sort"), i);
    await sort.click();
    const after = await inShadow(page, (root, k) => root.querySelectorAll("thead th")[k].getAttribute("aria-sort"), i);
    assert.ok(after && after !== before, `sort button ${i}: aria-sort ${before} → ${after}`);
  }
  done.push("5 sort buttons");

  const sends = await page.locator("#orders button.send").count();
  for (const k of [0, sends - 1]) {
    const send = await usable(page, "button.send", k);
    await send.click();
    await page.waitForFunction(() => document.querySelector("#orders").shadowRoot.querySelector("dialog").open);
    await shot(page, `${label}-popup`);
    await usable(page, "dialog button.confirm");
    const cancel = await usable(page, "dialog button.cancel");
    await cancel.click();
    await page.waitForFunction(() => !document.querySelector("#orders").shadowRoot.querySelector("dialog").open);
  }
  done.push("Send (first and last row) + popup buttons");

  for (const k of [0, sends - 1]) {
    const toggle = await usable(page, "button.details-toggle", k);
    await toggle.click();
    await page.locator("#orders .details dd").first().waitFor();
    await usable(page, ".details dd");
    await toggle.click();
    await page.waitForFunction(() => !document.querySelector("#orders").shadowRoot.querySelector(".details"));
  }
  done.push("details (first and last row)");

  const next = await usable(page, "button.next");
  const range = () => page.locator("#orders .range").textContent();
  const first = await range();
  await next.click();
  assert.notEqual(await range(), first);
  const prev = await usable(page, "button.prev");
  await prev.click();
  assert.equal(await range(), first);
  done.push("pager prev/next");

  const size = await usable(page, ".pager select");
  await size.click({ trial: true });
  await size.selectOption("50");
  assert.ok((await rowCount()) > 25, "50 rows per page");
  done.push("page size");
  return done.join(", ");
}

// What scrolls sideways: .table-wrap (the wide table does, inside it) and the page (never).
const horizontalScroll = (page) => page.evaluate(() => {
  const root = document.querySelector("#orders").shadowRoot;
  const wrap = root.querySelector(".table-wrap");
  const doc = document.documentElement;
  return {
    wrapOverflow: getComputedStyle(wrap).overflowX, wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth,
    pageScroll: doc.scrollWidth, pageClient: doc.clientWidth,
  };
});

try {
  // --- 1. axe on every state, in both locales ---------------------------------------------------------
  for (const lang of LANGS) {
    const page = await newPage();

    await emulator("POST", "reset");
    await fault({ method: "getSslCertificateRequests", kind: "delay", delayMs: 15000, times: 1 });
    await page.goto(host({ lang }));
    await waitState(page, "loading");
    await page.locator("#orders .state.loading").waitFor();
    await axe(page, `${lang} loading`);
    await shot(page, `loading-${lang}`);

    await emulator("POST", "reset");
    await page.goto(host({ lang }));
    await waitState(page, "ready");
    await axe(page, `${lang} ready`);
    await shot(page, `table-${lang}`);
    if (lang === "en" && docsImg) {
      mkdirSync(docsImg, { recursive: true });
      await page.screenshot({ path: `${docsImg}/table.png`, animations: "disabled" });
    }
    await shot(page, `table-${lang}-full`, { fullPage: true });

    // --- details open (one getObject on first open) ---
    const toggle = page.locator("#orders button.details-toggle").first();
    await toggle.click();
    await page.locator("#orders .details dd").first().waitFor();
    await page.waitForFunction(() => !document.querySelector("#orders").shadowRoot.querySelector(".details-loading"));
    await check(`${lang}: the details button is expanded, controls the region and keeps the focus`, async () => {
      const state = await inShadow(page, (root) => {
        const button = root.querySelector("button.details-toggle");
        const region = root.getElementById(button.getAttribute("aria-controls"));
        return { expanded: button.getAttribute("aria-expanded"), region: region?.getAttribute("role"),
          named: region?.getAttribute("aria-label") === button.getAttribute("aria-label"),
          focused: root.activeElement === button, fields: region?.querySelectorAll("dt").length };
      });
      assert.deepEqual(state, { expanded: "true", region: "region", named: true, focused: true, fields: 10 });
    });
    await axe(page, `${lang} details open`);
    await shot(page, `details-open-${lang}`);
    if (lang === "en" && docsImg) await page.screenshot({ path: `${docsImg}/details-open.png`, animations: "disabled" });
    await toggle.click();
    await page.waitForFunction(() => !document.querySelector("#orders").shadowRoot.querySelector(".details"));

    await page.locator("#orders button.send").first().click();
    await page.locator("#orders dialog[open] button.cancel").waitFor();
    await axe(page, `${lang} popup`);
    await shot(page, `popup-${lang}`);
    if (lang === "en" && docsImg) await page.screenshot({ path: `${docsImg}/popup.png`, animations: "disabled" });

    await fault({ method: "resendEmail", kind: "error", status: 500, times: 1,
      error: "The certificate authority is not reachable right now.", code: "SoftLayer_Exception_Public" });
    await page.locator("#orders button.confirm").click();
    await page.waitForFunction(() => document.querySelector("#orders").shadowRoot.querySelector(".dialog-error").textContent.trim() !== "");
    await axe(page, `${lang} popup with error`);
    await shot(page, `popup-error-${lang}`);

    await page.locator("#orders button.confirm").click();
    await page.waitForFunction(() => !document.querySelector("#orders").shadowRoot.querySelector("dialog").open
      && document.querySelector("#orders").shadowRoot.querySelector("[role=status]").textContent.trim() !== "");
    await axe(page, `${lang} after success`);
    await shot(page, `success-${lang}`);
    await check(`${lang}: the failed attempt sent nothing, the retry exactly one email`, async () => {
      assert.equal((await emulator("GET", "outbox")).length, 1);
    });

    await emulator("POST", "reset");
    await page.goto(host({ lang, orders: "0" }));
    await waitState(page, "empty");
    await axe(page, `${lang} empty`);
    await shot(page, `empty-${lang}`);

    await emulator("POST", "reset");
    await fault({ method: "getSslCertificateRequests", kind: "error", status: 500, times: 1,
      error: "Internal Error", code: "SoftLayer_Exception_Public" });
    await page.goto(host({ lang }));
    await waitState(page, "error");
    await axe(page, `${lang} error`);
    await shot(page, `error-${lang}`);

    // Forced colours (Windows High Contrast): the same audit on the table and on the popup.
    await emulator("POST", "reset");
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(host({ lang }));
    await waitState(page, "ready");
    await axe(page, `${lang} ready, forced colours`);
    await shot(page, `forced-colors-table-${lang}`);
    await page.locator("#orders button.send").first().focus();
    await page.keyboard.press("Enter");
    await page.locator("#orders dialog[open] button.cancel").waitFor();
    await axe(page, `${lang} popup, forced colours`);
    await shot(page, `forced-colors-popup-${lang}`);
    if (lang === "en") {
      await check("forced colours: the focused Cancel button keeps a focus indicator", async () => {
        const f = await focusInfo(page);
        assert.equal(f.cls, "cancel");
        assert.ok(f.visible, `outline ${f.outline}`);
        return f.outline;
      });
    }
    await check(`${lang}: no uncaught page errors during the state audit`, async () => assert.deepEqual(page.pageErrors, []));
    await page.context().close();
  }

  if (docsImg) {
    await check("docs/img/table.png, popup.png and details-open.png are ~900×600 and under 150 KB", async () => {
      const sizes = ["table", "popup", "details-open"].map((n) => statSync(`${docsImg}/${n}.png`).size);
      for (const s of sizes) assert.ok(s < 150 * 1024, `${s} bytes`);
      return sizes.map((s) => `${Math.round(s / 1024)} KB`).join(", ");
    });
  }

  // --- 2. visible focus on every control ---------------------------------------------------------------
  {
    await emulator("POST", "reset");
    const page = await newPage();
    await page.goto(host({ lang: "en" }));
    await waitState(page, "ready");
    await check("focus: every control of the ready table shows a focus indicator when reached with Tab",
      () => tabThrough(page, "ready table"));
    await check("focus: the popup's Cancel and Resend show a focus indicator", async () => {
      await page.locator("#orders button.send").first().focus();
      await page.keyboard.press("Enter");
      const problems = [];
      for (const expected of ["cancel", "confirm"]) {
        if (expected === "confirm") await page.keyboard.press("Tab");
        const f = await focusInfo(page);
        if (f?.cls !== expected) problems.push(`expected focus on ${expected}, got ${f && describe(f)}`);
        else if (!f.visible) problems.push(`${describe(f)}: no focus indicator`);
        else if (f.clippedBy.length) problems.push(`${describe(f)}: ring clipped by ${f.clippedBy.join("; ")}`);
      }
      await page.keyboard.press("Escape");
      assert.deepEqual(problems, []);
    });
    await check("focus: pager Previous (enabled on page 2) shows a focus indicator", async () => {
      await page.locator("#orders button.next").click();
      await page.locator("#orders button.prev").focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      const f = await focusInfo(page);
      assert.equal(f.cls, "prev");
      assert.ok(f.visible && f.clippedBy.length === 0, `${f.outline} ${f.clippedBy}`);
    });
    await page.context().close();

    await emulator("POST", "reset");
    await fault({ method: "getSslCertificateRequests", kind: "error", status: 500, times: 1 });
    const errorPage = await newPage();
    await errorPage.goto(host({ lang: "en" }));
    await waitState(errorPage, "error");
    await check("focus: the error state's controls (incl. Retry) show a focus indicator",
      () => tabThrough(errorPage, "error state"));
    await errorPage.context().close();
  }

  // --- 3. 200 % zoom and a 320 px host container --------------------------------------------------------
  for (const lang of LANGS) {
    await emulator("POST", "reset");
    const page = await newPage({ viewport: { width: 600, height: 512 } });
    await page.goto(host({ lang }));
    await waitState(page, "ready");
    await page.evaluate(() => { document.documentElement.style.zoom = "2"; });
    await shot(page, `zoom200-${lang}`);
    await axe(page, `${lang} ready, 200 % zoom`);
    await check(`${lang} 200 % zoom: cards, and nothing scrolls sideways (neither the page nor .table-wrap)`, async () => {
      const s = await horizontalScroll(page);
      assert.ok(s.pageScroll <= s.pageClient + 1, `page scrollWidth ${s.pageScroll} > ${s.pageClient}`);
      assert.ok(s.wrapScroll <= s.wrapClient, `.table-wrap ${s.wrapScroll} > ${s.wrapClient}`);
      return `.table-wrap ${s.wrapClient}px, content ${s.wrapScroll}px`;
    });
    await check(`${lang} 200 % zoom: every function reachable and clickable`, () => everyFunction(page, `zoom200-${lang}`));
    await check(`${lang} 200 % zoom: Tab reaches every control with a visible, unclipped indicator`, async () => {
      await page.goto(host({ lang }));
      await waitState(page, "ready");
      await page.evaluate(() => { document.documentElement.style.zoom = "2"; });
      return tabThrough(page, "200 % zoom");
    });
    await check(`${lang} 200 % zoom: no uncaught page errors`, async () => assert.deepEqual(page.pageErrors, []));
    await page.context().close();

    await emulator("POST", "reset");
    const narrow = await newPage();
    await narrow.goto(host({ lang, width: "320" }));
    await waitState(narrow, "ready");
    await shot(narrow, `narrow320-${lang}`);
    if (lang === "en" && docsImg) await narrow.screenshot({ path: `${docsImg}/cards-320.png`, animations: "disabled" });
    await axe(narrow, `${lang} 320 px card layout`);
    await check(`${lang} 320 px container: cards 320 px wide, no sideways scroll, every Send and details button in view`, async () => {
      const s = await horizontalScroll(narrow);
      const widths = await inShadow(narrow, (root) => ({
        host: root.host.getBoundingClientRect().width,
        widest: Math.max(...[...root.querySelectorAll(".toolbar, .pager, .table-wrap, [role=status], tbody tr")].map((e) => e.getBoundingClientRect().width)),
        row: getComputedStyle(root.querySelector("tbody tr[part=row]")).display,
      }));
      assert.ok(Math.abs(widths.host - 320) < 1, `host ${widths.host}px`);
      assert.ok(widths.widest <= 320.5, `a block is ${widths.widest}px wide`);
      assert.notEqual(widths.row, "table-row", "rows are cards");
      assert.ok(s.wrapScroll <= s.wrapClient, `.table-wrap scrolls: ${s.wrapScroll} > ${s.wrapClient}`);
      assert.ok(s.pageScroll <= s.pageClient + 1, `page scrollWidth ${s.pageScroll} > ${s.pageClient}`);
      const buttons = await narrow.locator("#orders tbody button.send, #orders tbody button.details-toggle").count();
      for (const selector of ["button.send", "button.details-toggle"]) {
        const count = await narrow.locator(`#orders tbody ${selector}`).count();
        for (const k of [0, count - 1]) await usable(narrow, `tbody ${selector}`, k);
      }
      return `${buttons} buttons, .table-wrap ${s.wrapClient}px wide, content ${s.wrapScroll}px`;
    });
    await narrow.locator("#orders button.details-toggle").first().click();
    await narrow.locator("#orders .details dd").first().waitFor();
    await narrow.waitForFunction(() => !document.querySelector("#orders").shadowRoot.querySelector(".details-loading"));
    await axe(narrow, `${lang} 320 px card, details open`);
    await check(`${lang} 320 px container: an open details region scrolls nothing sideways`, async () => {
      const s = await horizontalScroll(narrow);
      assert.ok(s.wrapScroll <= s.wrapClient, `.table-wrap ${s.wrapScroll} > ${s.wrapClient}`);
    });
    await narrow.locator("#orders button.details-toggle").first().click();
    await check(`${lang} 320 px container: every function reachable and clickable`, () => everyFunction(narrow, `narrow320-${lang}`));
    await check(`${lang} 320 px container: Tab reaches every control with a visible, unclipped indicator`, async () => {
      await narrow.goto(host({ lang, width: "320" }));
      await waitState(narrow, "ready");
      return tabThrough(narrow, "320 px");
    });
    await narrow.context().close();
  }
} catch (error) {
  checksFailed += 1;
  log(`FAIL the audit stopped: ${String(error.stack ?? error).split("\n").slice(0, 6).join("\n     ")}`);
} finally {
  await browser.close();
  await emulator("POST", "reset").catch(() => {});
}

writeFileSync(`${out}/a11y-axe.json`, JSON.stringify(axeRuns, null, 2));
console.log(`screenshots and a11y-axe.json: ${out}`);
if (docsImg) console.log(`README images: ${docsImg}/table.png, popup.png, details-open.png, cards-320.png`);
console.log(`checks: ${checksPassed} passed, ${checksFailed} failed`);
console.log(`axe: ${axePassed} passed, ${axeFailed} failed`);
console.log(`time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(axeFailed === 0 && checksFailed === 0 ? 0 : 1);
