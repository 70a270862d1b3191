// Loads the widget as a custom element on a page with a strict CSP; records any policy violation.
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`);
});
const element = document.getElementById("orders");
element.token = "demo-bearer-token";
window.events = [];
for (const name of ["ssl-orders-ready", "ssl-orders-email-resent", "ssl-orders-resend-error", "ssl-orders-load-error"]) {
  element.addEventListener(name, (e) => window.events.push([name, e.detail]));
}
const { default: init } = await import("./ssl-orders.js");
await init();
