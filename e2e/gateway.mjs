// The widget behind deploy/nginx/ssl-orders.conf, with the emulator as the upstream that requires the
// gateway's Basic credentials. scripts/gateway.sh starts both (test.sh does it for you); this script checks
// what the gateway serves, forwards and refuses, from the browser and with raw HTTP (node:http sends paths
// byte for byte: fetch() would resolve `..` and `%2e%2e` before sending).
// Usage: GW_BASE=http://127.0.0.1:18794 EMU_BASE=http://127.0.0.1:18795 GW_API_LOG=…/api.log \
//        GW_SECRET=<the API key> node e2e/gateway.mjs
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import http from "node:http";
import { readFileSync } from "node:fs";
import { CHROMIUM_ARGS, checker, emulatorClient } from "./lib.mjs";

const gwBase = process.env.GW_BASE ?? "http://127.0.0.1:18794";
const emuBase = process.env.EMU_BASE ?? "http://127.0.0.1:18795";
const apiLog = process.env.GW_API_LOG;
const secret = process.env.GW_SECRET;
const gw = new URL(gwBase);
const emulator = emulatorClient(emuBase);
const { check, note, fail, summary } = checker();
const started = Date.now();
const REST = "/rest/v3.1";
const SLR = `${REST}/SoftLayer_Security_Certificate_Request`;
const MASK = "mask[id,commonName,approverEmailAddress,createDate,expirationDate,statusId,status[id,name,description],orderItem[id,description]]";
const JSON_CT = { "Content-Type": "application/json" };

/** One raw HTTP request to the gateway: the path is sent exactly as given. `from` picks the client address
 * (127.0.0.x), which is what the per-client rate limit counts. */
function raw(method, path, { headers = {}, body, from } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: gw.hostname, port: gw.port, method, path, agent: false, localAddress: from,
      headers: { ...(body !== undefined ? { "Content-Length": Buffer.byteLength(body) } : {}), ...headers },
    }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => { text += chunk; });
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
const resend = (id, opts = {}) => raw("POST", `${SLR}/${id}/resendEmail.json`,
  { body: '{"parameters":["ApproverEmail"]}', ...opts, headers: { ...JSON_CT, ...(opts.headers ?? {}) } });

/** A refusal in SoftLayer's shape: `status`, JSON, `code`. */
function assertRefusal(res, status, code = "SoftLayer_Exception_Public") {
  assert.equal(res.status, status, `status ${res.status}, body ${res.body.slice(0, 200)}`);
  assert.match(res.headers["content-type"] ?? "", /^application\/json/);
  const body = JSON.parse(res.body);
  assert.equal(body.code, code);
  assert.equal(typeof body.error, "string");
}

const restCalls = async () => (await emulator("GET", "requests")).filter((r) => r.path.startsWith("/rest/"));
const figures = { forwarded: 0, refused: 0, limited: 0 };

await emulator("POST", "reset");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  // ---- static files
  await check("static: the page is no-cache; the wasm is application/wasm, gzip-compressed, revalidated", async () => {
    const page = await raw("GET", "/gateway.html");
    assert.equal(page.status, 200);
    assert.equal(page.headers["cache-control"], "no-cache");
    const wasm = await raw("GET", "/ssl-orders_bg.wasm", { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers["content-type"], "application/wasm");
    assert.equal(wasm.headers["content-encoding"], "gzip");
    assert.equal(wasm.headers["cache-control"], "no-cache");
    assert.ok(wasm.headers.etag, "an ETag to revalidate with");
    assert.match(wasm.headers.vary ?? "", /Accept-Encoding/);
  });
  await check("static: hashed names and ?v= versions are immutable for a year", async () => {
    for (const path of ["/ssl-orders-0123456789abcdef.js", "/ssl-orders.js?v=1.2.3"]) {
      const res = await raw("GET", path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers["cache-control"], "public, max-age=31536000, immutable", path);
    }
  });

  // ---- the widget, with no credentials, through the gateway
  const page = await browser.newPage();
  const browserApiRequests = [];
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/rest/")) browserApiRequests.push(r.allHeaders().then((h) => [r, h]));
  });
  let orderA;
  const loadStart = Date.now();
  await page.goto(`${gwBase}/gateway.html`);
  await check("orders load through the gateway (account discovered, statuses, list with SoftLayer-Total-Items)", async () => {
    await page.waitForSelector("#orders[data-state=ready]", { timeout: 15000 });
    figures.loadMs = Date.now() - loadStart;
    const loaded = await page.evaluate(() => window.events.filter(([n]) => n === "ssl-orders-loaded").map(([, d]) => d));
    assert.deepEqual(loaded, [{ count: 40, total: 40 }]);
    assert.equal(await page.locator("#orders tbody tr").count(), 25);
  });
  await check("a resend from the browser completes and reaches the outbox exactly once", async () => {
    await page.locator("#orders tbody button.send").first().click();
    await page.locator("#orders dialog button.confirm").click();
    await page.waitForFunction(() => window.events.some(([n]) => n === "ssl-orders-email-resent"), null, { timeout: 10000 });
    const [[, detail]] = await page.evaluate(() => window.events.filter(([n]) => n === "ssl-orders-email-resent"));
    orderA = Number(detail.orderId);
    const outbox = await emulator("GET", "outbox");
    assert.equal(outbox.length, 1);
    assert.equal(Number(outbox[0].orderId), orderA);
  });
  await check("no request from the browser carried Authorization (it did carry the page's cookie and, on POST, Origin)", async () => {
    const seen = await Promise.all(browserApiRequests);
    assert.ok(seen.length >= 4, `${seen.length} API requests`);
    for (const [r, h] of seen) assert.equal(h.authorization, undefined, r.url());
    assert.ok(seen.every(([, h]) => /host-session=/.test(h.cookie ?? "")), "the browser sent the page's cookie");
    assert.ok(seen.some(([r, h]) => r.method() === "POST" && h.origin === gwBase), "the browser sent Origin on a POST");
    figures.browserRequests = seen.length;
  });
  // Origin is one of the browser's headers the gateway does not pass on (proxy_pass_request_headers off), like
  // its Cookie: the emulator records the first, so it stands for both.
  let forwardedAtLoad = 0;
  await check("the emulator saw the gateway's Basic credentials on every call, and no Origin", async () => {
    const calls = await restCalls();
    const paths = new Set(calls.map((c) => c.path.replace(/\/\d+\//, "/{id}/")));
    assert.deepEqual([...paths].sort(), [
      `${REST}/SoftLayer_Account/getObject.json`,
      `${REST}/SoftLayer_Security_Certificate_Request/getSslCertificateRequests.json`,
      `${REST}/SoftLayer_Security_Certificate_Request/{id}/resendEmail.json`,
      `${REST}/SoftLayer_Security_Certificate_Request_Status/getSslRequestStatuses.json`,
    ]);
    for (const c of calls) {
      assert.equal(c.auth, "basic", `${c.method} ${c.path}`);
      assert.equal(c.origin ?? null, null, `${c.method} ${c.path}`);
    }
    forwardedAtLoad = calls.length;
  });
  note(`${forwardedAtLoad} calls forwarded for the page load and one resend, all auth=basic`);
  await check("a browser's own Authorization and Cookie are replaced by the gateway's credentials", async () => {
    const before = (await restCalls()).length;
    const res = await raw("GET", `${REST}/SoftLayer_Security_Certificate_Request_Status/getSslRequestStatuses.json`, {
      headers: { Authorization: `Basic ${Buffer.from("intruder:wrong-key").toString("base64")}`, Cookie: "a=b" },
    });
    assert.equal(res.status, 200, res.body);
    assert.equal(JSON.parse(res.body).length, 4);
    const calls = await restCalls();
    assert.equal(calls.length, before + 1);
    assert.equal(calls.at(-1).auth, "basic");   // the intruder's credentials would be "invalid"
  });
  await check("SoftLayer-Total-Items reaches the client; the API's answers are no-store", async () => {
    const res = await raw("POST", `${SLR}/getSslCertificateRequests.json?objectMask=${MASK}&resultLimit=0,5`,
      { headers: JSON_CT, body: '{"parameters":[1234567]}' });
    assert.equal(res.status, 200, res.body);
    assert.equal(res.headers["softlayer-total-items"], "40");
    assert.equal(JSON.parse(res.body).length, 5);
    assert.equal(res.headers["cache-control"], "no-store");
  });

  // ---- refusals: never forwarded
  const statuses = `${REST}/SoftLayer_Security_Certificate_Request_Status/getSslRequestStatuses.json`;
  const refusals = [
    ["another service", "GET", `${REST}/SoftLayer_User_Customer/getObject.json`],
    ["another method of the account", "GET", `${REST}/SoftLayer_Account/getHardware.json`],
    ["the account with a wider mask", "GET", `${REST}/SoftLayer_Account/getObject.json?objectMask=mask[id,users]`],
    ["the list with another mask", "POST", `${SLR}/getSslCertificateRequests.json?objectMask=mask[id,account]&resultLimit=0,5`],
    ["editObject", "POST", `${SLR}/40001/editObject.json`],
    ["an order's getObject (the widget never calls it)", "GET", `${SLR}/40001/getObject.json`],
    ["resendEmail with a query", "POST", `${SLR}/40001/resendEmail.json?objectMask=mask[id]`],
    ["the v3 API", "GET", "/rest/v3/SoftLayer_Security_Certificate_Request_Status/getSslRequestStatuses.json"],
    ["`..` back to another service", "GET", `${SLR}/40001/../../SoftLayer_User_Customer/getObject.json`],
    ["`..` out of /rest", "GET", `${REST}/../../gateway.html`],
    ["`%2e%2e`", "GET", `${SLR}/40001/%2e%2e/%2e%2e/SoftLayer_User_Customer/getObject.json`],
    ["`%2F` for a slash", "GET", `${REST}/SoftLayer_Account%2FgetObject.json?objectMask=mask[id]`],
    ["a doubled slash", "GET", `${REST}//SoftLayer_Security_Certificate_Request_Status/getSslRequestStatuses.json`],
    ["a doubled leading slash", "GET", `/${statuses}`],
    ["a .xml suffix", "GET", statuses.replace(/\.json$/, ".xml")],
    ["GET resendEmail (wrong verb)", "GET", `${SLR}/40001/resendEmail.json`],
    ["POST getSslRequestStatuses (wrong verb)", "POST", statuses],
    ["PUT resendEmail (wrong verb)", "PUT", `${SLR}/40001/resendEmail.json`],
    ["DELETE", "DELETE", `${SLR}/40001.json`],
    ["a CORS preflight (OPTIONS)", "OPTIONS", `${SLR}/40001/resendEmail.json`],
  ];
  const beforeRefusals = (await restCalls()).length;
  const outboxBefore = (await emulator("GET", "outbox")).length;
  for (const [name, method, path] of refusals) {
    await check(`403: ${name}`, async () => {
      const body = method === "POST" || method === "PUT" ? '{"parameters":["ApproverEmail"]}' : undefined;
      assertRefusal(await raw(method, path, { headers: body ? JSON_CT : {}, body }), 403);
      figures.refused += 1;
    });
  }
  const resendPath = `${SLR}/40001/resendEmail.json`;
  for (const [name, contentType] of [["text/plain", "text/plain"], ["a form post", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"], ["no Content-Type", undefined]]) {
    await check(`415: a POST body as ${name}`, async () => {
      const headers = contentType ? { "Content-Type": contentType } : {};
      assertRefusal(await raw("POST", resendPath, { headers, body: '{"parameters":["ApproverEmail"]}' }), 415);
      figures.refused += 1;
    });
  }
  await check("413: a body larger than the widget ever sends", async () => {
    assertRefusal(await raw("POST", resendPath, { headers: JSON_CT, body: `{"parameters":["${"x".repeat(8000)}"]}` }), 413);
    figures.refused += 1;
  });
  for (const [name, headers] of [
    ["a foreign Origin", { Origin: "https://evil.example" }],
    ["Origin: null", { Origin: "null" }],
    ["an Origin naming another port", { Origin: `http://${gw.hostname}:1` }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "Sec-Fetch-Site": "same-site" }],
  ]) {
    await check(`403: ${name} (resendEmail and a GET)`, async () => {
      assertRefusal(await resend(40001, { headers }), 403);
      assertRefusal(await raw("GET", statuses, { headers }), 403);
      figures.refused += 2;
    });
  }
  await check("none of the refused requests reached the emulator", async () => {
    assert.equal((await restCalls()).length, beforeRefusals);
    assert.equal((await emulator("GET", "outbox")).length, outboxBefore);
  });
  await check("the site's own Origin passes", async () => {
    const res = await raw("GET", statuses, { headers: { Origin: gwBase, "Sec-Fetch-Site": "same-origin" } });
    assert.equal(res.status, 200, res.body);
  });

  // ---- rate limits on resendEmail
  await emulator("POST", "options", { enforceStatusRules: false });
  await check("per client: 5 rapid resends of different orders pass, the 6th is 429 RateLimitExceeded", async () => {
    const ids = Array.from({ length: 40 }, (_, i) => 40001 + i).filter((id) => id !== orderA).slice(-6);
    const outbox = (await emulator("GET", "outbox")).length;
    const answers = [];
    for (const id of ids) answers.push(await resend(id, { from: "127.0.0.2" }));
    assert.deepEqual(answers.slice(0, 5).map((a) => [a.status, a.body]), Array(5).fill([200, "true"]));
    assertRefusal(answers[5], 429, "SoftLayer_Exception_WebService_RateLimitExceeded");
    assert.equal(answers[5].headers["retry-after"], "60");
    assert.equal((await emulator("GET", "outbox")).length, outbox + 5);
    figures.limited += 1;
  });
  await check("per order: the 4th rapid resend of one order is 429, whoever sends it", async () => {
    // The browser sent order A once; two more from another address pass, the next is refused.
    const outbox = (await emulator("GET", "outbox")).length;
    assert.equal((await resend(orderA, { from: "127.0.0.3" })).status, 200);
    assert.equal((await resend(orderA, { from: "127.0.0.3" })).status, 200);
    assertRefusal(await resend(orderA, { from: "127.0.0.3" }), 429, "SoftLayer_Exception_WebService_RateLimitExceeded");
    assert.equal((await emulator("GET", "outbox")).length, outbox + 2);
    figures.limited += 1;
  });
  await check("in the browser the limit shows the rate-limit message and exactly one ssl-orders-resend-error", async () => {
    const outbox = (await emulator("GET", "outbox")).length;
    await page.locator("#orders tbody button.send").first().click();
    await page.locator("#orders dialog button.confirm").click();
    await page.waitForFunction(() => window.events.some(([n]) => n === "ssl-orders-resend-error"), null, { timeout: 10000 });
    await page.waitForTimeout(300);   // a second event, if any, would have arrived
    const errors = await page.evaluate(() => window.events.filter(([n]) => n === "ssl-orders-resend-error").map(([, d]) => d));
    assert.equal(errors.length, 1);
    assert.equal(errors[0].status, 429);
    assert.equal(errors[0].code, "SoftLayer_Exception_WebService_RateLimitExceeded");
    assert.equal(errors[0].outcomeUnknown, false);
    assert.equal(Number(errors[0].orderId), orderA);
    await page.locator("#orders dialog .dialog-error").filter({ hasText: "Too many requests" }).waitFor({ timeout: 5000 });
    assert.equal((await emulator("GET", "outbox")).length, outbox);
    figures.limited += 1;
  });
  await check("the page logged no console errors but the 429 itself", async () => {
    const others = consoleErrors.filter((e) => !/429/.test(e));
    assert.deepEqual(others, []);
  });

  // ---- the gateway's log
  await check("the API log has one line per call with call, order and status, and no credential", async () => {
    assert.ok(apiLog, "GW_API_LOG is set");
    const text = readFileSync(apiLog, "utf8");
    assert.match(text, new RegExp(`POST call=resendEmail order=${orderA} status=200 upstream=200`));
    assert.match(text, new RegExp(`POST call=resendEmail order=${orderA} status=429 upstream=-`));
    assert.match(text, /GET call=getAccount order= status=200 upstream=200/);
    assert.match(text, /GET call= order= status=403 upstream=-/);
    assert.ok(secret && !text.includes(secret), "the API key is not in the log");
    assert.ok(!/Basic|Authorization|Cookie|host-session/i.test(text), "no header values in the log");
    figures.logLines = text.trim().split("\n").length;
  });
  const calls = await restCalls();
  await check("every call the emulator received carried the gateway's credentials", async () => {
    for (const c of calls) assert.equal(c.auth, "basic", `${c.method} ${c.path}`);
  });
  figures.forwarded = calls.length;
} catch (error) {
  fail("the run", error);
} finally {
  await browser.close();
}
note(`figures: ${figures.forwarded} requests forwarded (all auth=basic), ${figures.refused} refused `
  + `(403/413/415), ${figures.limited} rate-limited (429); page ready in ${figures.loadMs} ms `
  + `(${figures.browserRequests} API requests from the browser); ${figures.logLines} API log lines; `
  + `${((Date.now() - started) / 1000).toFixed(1)} s in all`);
process.exit(summary("gateway"));
