// The soak page: mounts the widget and exposes a loop of open → confirm cycles and a memory probe.
import init, { mount } from "./ssl-orders.js";

const wasm = await init();
const element = document.getElementById("orders");
let resent = 0, failed = 0;
element.addEventListener("ssl-orders-email-resent", () => { resent += 1; });
element.addEventListener("ssl-orders-resend-error", () => { failed += 1; });
mount(element, { apiBase: "/rest/v3.1", token: "demo-bearer-token", accountId: 1234567, lang: "en", pageSize: 100 });

const root = element.shadowRoot;
const until = (done) => new Promise((resolve, reject) => {
  const start = performance.now();
  const poll = () => (done() ? resolve() : performance.now() - start > 10000 ? reject(new Error("timeout")) : setTimeout(poll, 0));
  poll();
});

window.soak = {
  ready: () => until(() => element.dataset.state === "ready"),
  // Runs `n` cycles: click a row's Send, then Resend email, and wait for the outcome event.
  async cycles(n) {
    const buttons = [...root.querySelectorAll("tbody button.send")];
    for (let i = 0; i < n; i += 1) {
      const before = resent + failed;
      buttons[i % buttons.length].click();
      root.querySelector("dialog button.confirm").click();
      await until(() => resent + failed > before);
    }
    return { resent, failed };
  },
  // The exports' one memory, whatever its name: the release build shortens export names (scripts/minify.mjs).
  wasmBytes: () => Object.values(wasm).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength,
};
