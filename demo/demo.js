// The demo host page: the README's embedding example, plus a live log of the widget's events.
import init, { mount } from "./ssl-orders.js";

await init();
const element = document.getElementById("orders");
// The emulator's demo token. A real host passes a short-lived IAM token here, or none behind a proxy.
const handle = mount(element, { apiBase: "/rest/v3.1", token: "demo-bearer-token" });
window.sslOrdersDemo = { handle };

const log = document.getElementById("event-log");
for (const name of ["ssl-orders-ready", "ssl-orders-loaded", "ssl-orders-load-error",
  "ssl-orders-resend-request", "ssl-orders-email-resent", "ssl-orders-resend-error", "ssl-orders-exported"]) {
  element.addEventListener(name, (event) => {
    const item = document.createElement("li");
    const time = new Date().toLocaleTimeString();
    item.textContent = `${time}  ${name}  ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}
