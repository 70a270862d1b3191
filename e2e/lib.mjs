// Shared by the end-to-end scripts: the emulator's control API, Debian Chromium's launch flags, and a
// tiny check harness that prints one line per check and the closing "N passed, M failed" line.
import assert from "node:assert/strict";

/** Flags for Debian's Chromium as root on a machine with no network but the package registries. */
export const CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** `emulator(method, path, body?)` → parsed JSON (or null) from `${base}/_emulator/${path}`; throws on non-2xx. */
export function emulatorClient(base) {
  return async (method, path, body) => {
    const res = await fetch(`${base}/_emulator/${path}`, {
      method, headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body),
    });
    assert.ok(res.ok, `${method} ${path} → ${res.status}`);
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  };
}

/** A check harness: `await check(name, async () => …)`, `note(line)` under the last check, `fail(what, error)`
 * for a run that stopped, then `summary(label)` prints and returns the exit code. */
export function checker() {
  let passed = 0, failed = 0;
  const results = [];
  return {
    async check(name, body) {
      try {
        await body();
        passed += 1;
        results.push(`ok   ${name}`);
      } catch (error) {
        failed += 1;
        results.push(`FAIL ${name}\n     ${String(error.stack ?? error).split("\n").slice(0, 4).join("\n     ")}`);
      }
    },
    note(line) {
      results.push(`     ${line}`);
    },
    fail(what, error) {
      failed += 1;
      results.push(`FAIL ${what}: ${String(error.stack ?? error).split("\n").slice(0, 4).join("\n     ")}`);
    },
    summary(label) {
      console.log(results.join("\n"));
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      return failed === 0 ? 0 : 1;
    },
  };
}
