// A host page that installs ssl-orders from npm: the element, configured at build/dev time, and a log of
// every event it dispatches.
//   VITE_SSL_ORDERS_API    API base (default /rest/v3.1: a same-origin proxy, or the emulator's --static)
//   VITE_SSL_ORDERS_TOKEN  Bearer token (default: the emulator's demo token). Demo only: a real host gets
//                          a short-lived IAM token at run time, or sends none behind a proxy.
import init from "ssl-orders";

const EVENTS = ["ssl-orders-ready", "ssl-orders-loaded", "ssl-orders-load-error",
  "ssl-orders-resend-request", "ssl-orders-email-resent", "ssl-orders-resend-error"];

const element = document.getElementById("orders");
element.setAttribute("api-base", import.meta.env.VITE_SSL_ORDERS_API || "/rest/v3.1");
element.token = import.meta.env.VITE_SSL_ORDERS_TOKEN || "demo-bearer-token";

const log = document.getElementById("event-log");
window.events = [];   // [name, detail] in order, for the end-to-end test
for (const name of EVENTS) {
  element.addEventListener(name, (event) => {
    window.events.push([name, event.detail]);
    const item = document.createElement("li");
    item.textContent = `${new Date().toLocaleTimeString()}  ${name}  ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}

// Loads ssl-orders_bg.wasm next to the module (Vite emits it as an asset) and registers <ssl-orders>,
// which then upgrades the element above.
await init();
