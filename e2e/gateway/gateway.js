// Mounts the widget with NO credentials: the same-origin nginx gateway adds its own (e2e/gateway.mjs).
// A cookie is set first, as a signed-in host page would have one: the gateway must not forward it.
import init, { mount } from "./ssl-orders.js";

document.cookie = "host-session=not-for-the-api; path=/; SameSite=Strict";
const element = document.getElementById("orders");
window.events = [];
for (const name of ["ssl-orders-ready", "ssl-orders-loaded", "ssl-orders-load-error", "ssl-orders-email-resent",
  "ssl-orders-resend-error"]) {
  element.addEventListener(name, (e) => window.events.push([name, e.detail]));
}
await init();
window.handle = mount(element, { apiBase: "/rest/v3.1", lang: "en" });
