// Test host page for e2e/a11y.mjs and e2e/firefox-keyboard.mjs: mounts the widget from the URL.
//   ?lang=en|es       locale of the widget and of the page (default en)
//   &orders=N         before mounting, asks the emulator for a fresh N-order data set (0: an empty account)
//   &width=PX         width of the host container, e.g. 320
//   &pageSize=25|50|100
// The site dir is dist/* + e2e/pages/*, served by the emulator, so the API is same-origin.
import init, { mount } from "/ssl-orders.js";

const params = new URLSearchParams(location.search);
const lang = params.get("lang") === "es" ? "es" : "en";
document.documentElement.lang = lang;
if (lang === "es") {
  document.title = "ssl-orders · página de prueba";
  document.getElementById("host-title").textContent = "Pedidos de certificados SSL";
}

const element = document.getElementById("orders");
const width = Number.parseInt(params.get("width") ?? "", 10);
if (width > 0) {
  element.style.width = `${width}px`;
  element.style.outline = "1px dashed #8d8d8d";
}

if (params.has("orders")) {
  const count = Number.parseInt(params.get("orders"), 10);
  const res = count === 0
    ? await fetch("/_emulator/orders", { method: "PUT", headers: { "Content-Type": "application/json" }, body: "[]" })
    : await fetch("/_emulator/dataset", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ orders: count }),
    });
  if (!res.ok) throw new Error(`emulator refused orders=${params.get("orders")}: ${res.status}`);
}

const events = [];
for (const name of ["ssl-orders-ready", "ssl-orders-loaded", "ssl-orders-load-error",
  "ssl-orders-resend-request", "ssl-orders-email-resent", "ssl-orders-resend-error", "ssl-orders-exported"]) {
  element.addEventListener(name, (event) => events.push({ name, detail: event.detail }));
}

await init();
const config = { apiBase: "/rest/v3.1", token: "demo-bearer-token", lang };
const pageSize = Number.parseInt(params.get("pageSize") ?? "", 10);
if (pageSize) config.pageSize = pageSize;
const handle = mount(element, config);
window.sslOrdersHost = { handle, events, lang };
