// Hand-written vanilla-JS twin of the ssl-orders widget, used only as the benchmark's baseline
// (scripts/bench.sh). Same requests (statuses, then the list in chunks of 500 with resultLimit until
// SoftLayer-Total-Items is reached), same decoding, sort/filter/page rules and Intl date formatting, same
// DOM shape (open shadow root, same classes, parts and ARIA) and the same stylesheet text adopted through
// a constructable stylesheet. English only; errors are shown but not localised.
//
//   import { mountVanilla } from "./vanilla.js";
//   const handle = mountVanilla(element, { apiBase: "/rest/v3.1", token, accountId, pageSize: 25, lang: "en" });
//   handle.reload(); handle.unmount(); handle.state;

// The stylesheet text, fetched once per module instance. A query on this module's URL (a cache-busting
// `?r=3` used by the cold-start benchmark) is passed on to the CSS request.
const moduleUrl = new URL(import.meta.url);
const cssText = await fetch(new URL(`ssl-orders.css${moduleUrl.search}`, moduleUrl)).then((r) => {
  if (!r.ok) throw new Error(`ssl-orders.css: HTTP ${r.status}`);
  return r.text();
});

const CHUNK = 500;
const ORDER_MASK =
  "mask[id,commonName,approverEmailAddress,createDate,expirationDate,statusId,status[id,name,description],orderItem[id,description]]";
const PAGE_SIZES = [25, 50, 100];
const COLUMNS = ["commonName", "certificateType", "statusName", "created", "expires"];
const COLUMN_LABEL = {
  commonName: "Common name", certificateType: "Certificate type", statusName: "Status",
  created: "Ordered", expires: "Expires",
};
const T = {
  caption: "SSL certificate orders", loading: "Loading SSL orders…",
  empty: "This account has no SSL certificate orders.", noMatch: "No orders match the filter.",
  loadFailed: "The SSL orders could not be loaded.", retry: "Retry", refresh: "Refresh",
  filterLabel: "Filter", filterPlaceholder: "Common name or approver email", statusFilterLabel: "Status",
  allStatuses: "All statuses", pageSizeLabel: "Rows per page", previousPage: "Previous page",
  nextPage: "Next page", pagination: "Pages", emailColumn: "Email", send: "Send",
  noEmail: "No email available", missingValue: "—", missingDate: "Not issued", resendEmail: "Resend email",
  cancel: "Cancel", sending: "Sending…", notAccepted: "The certificate authority did not accept the request.",
  unknownOutcome: "The outcome is unknown: the email may or may not have been sent. You can try again.",
  timeout: "The API did not answer in time.", network: "The API could not be reached.",
  unreadable: "The API sent an answer that could not be read.",
  notAvailable: "Not available", details: "Details", detailsLoading: "Loading details…",
  detailsFailed: "The details could not be loaded.", orderIdLabel: "Order ID", approverLabel: "Approver email",
  technicalContactLabel: "Technical contact email", statusDescriptionLabel: "Status description",
  effectiveLabel: "Valid from", modifiedLabel: "Last modified", validityLabel: "Validity", expired: "Expired", expiringSoon: "Expiring soon",
  expiryFilterLabel: "Expiry", anyExpiry: "Any expiry date", exportCsv: "Export CSV",
};
const expiringWithin = (days) => `Expiring within ${days} days`;
const detailsLabel = (name) => `Details for ${name}`;
const exported = (rows) => (rows === 1 ? "1 order exported to CSV." : `${rows} orders exported to CSV.`);
const DETAILS_MASK = "mask[technicalContactEmailAddress,effectiveDate,modifyDate]";
const MONTH_MS = 30.436875 * 86400000;

/** How long a certificate is valid, as [count, "year" | "month"] (src/details.rs), or null. */
export function validity(effective, expires) {
  const months = Math.round((expires - effective) / MONTH_MS);
  if (!(months >= 1 && months <= 1200)) return null;
  return months % 12 === 0 ? [months / 12, "year"] : [months, "month"];
}

/** A CSV field as the widget writes it: formula starts made inert, always quoted, quotes doubled. */
const csvField = (cell) => `"${(/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell).replaceAll('"', '""')}"`;
const EMAIL_NAME = { ApproverEmail: "approval email", FulfillmentEmail: "fulfillment email" };

let nextInstance = 1;

// ---- Model: the same rules as src/model.rs -------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})?$/;

function daysInMonth(y, m) {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** An API timestamp ("2024-03-02T10:14:07-06:00") as epoch milliseconds, or null when malformed. */
export function parseApiDate(s) {
  if (typeof s !== "string") return null;
  const m = DATE_RE.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 60) return null;
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  let offset = 0;
  if (m[8] && m[8] !== "Z" && m[8] !== "z") {
    const oh = Number(m[8].slice(1, 3)), om = Number(m[8].slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offset = (m[8][0] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(y, mo - 1, d, h, mi, 0) + se * 1000 - offset * 60000 + millis;
}

const text = (v) => (typeof v === "string" ? v : null);

/** One order of the API answer, read leniently (a wrong type is treated as missing). */
export function decodeOrder(o) {
  const status = o && typeof o.status === "object" ? o.status : null;
  const item = o && typeof o.orderItem === "object" ? o.orderItem : null;
  return {
    id: Number.isSafeInteger(o?.id) && o.id >= 0 ? o.id : null,
    commonName: text(o?.commonName),
    approverEmail: text(o?.approverEmailAddress),
    certificateType: text(item?.description),
    statusName: text(status?.name),
    statusDescription: text(status?.description),
    created: parseApiDate(o?.createDate),
    expires: parseApiDate(o?.expirationDate),
  };
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const cmpId = (a, b) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a - b);

/** Sorts a copy: missing values last in both directions, then by id. */
export function sortOrders(orders, sort) {
  const col = sort.column;
  const dir = sort.direction === "descending" ? -1 : 1;
  const isText = col === "commonName" || col === "certificateType" || col === "statusName";
  // Case-folded keys once per sort, not once per comparison.
  const keys = new Map();
  if (isText) for (const o of orders) if (o[col] !== null) keys.set(o, o[col].toLowerCase());
  return orders.slice().sort((a, b) => {
    const va = a[col], vb = b[col];
    if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
    let c = 0;
    if (va !== null) c = isText ? cmp(keys.get(a), keys.get(b)) || cmp(va, vb) : cmp(va, vb);
    return c * dir || cmpId(a.id, b.id);
  });
}

export function matchesFilter(order, needle, status) {
  if (status !== null && order.statusName !== status) return false;
  if (needle === "") return true;
  return (order.commonName !== null && order.commonName.toLowerCase().includes(needle))
    || (order.approverEmail !== null && order.approverEmail.toLowerCase().includes(needle));
}

export function pageWindow(total, page, size) {
  const pages = Math.max(1, Math.ceil(total / size));
  page = Math.min(page, pages - 1);
  const start = Math.min(page * size, total);
  return { page, pages, start, end: Math.min(start + size, total), total };
}

/** The visible rows of a view state: filtered, sorted, paged (also used by the benchmark as the oracle). */
export function view(orders, { text: filterText = "", status = null, expiry = null, now = Date.now(),
  expiringDays = DEFAULT_EXPIRING_DAYS, sort, page = 0, pageSize = 25 }) {
  const needle = filterText.trim().toLowerCase();
  const rows = sortOrders(orders.filter((o) => matchesFilter(o, needle, status)
    && (expiry === null || classify(o.expires, now, expiringDays) === expiry)), sort);
  const w = pageWindow(rows.length, page, pageSize);
  return { rows: rows.slice(w.start, w.end), window: w };
}

export function emailFor(order) {
  if (order.statusName === null) return null;
  const n = order.statusName.toLowerCase();
  const has = (w) => n.includes(w);
  if (has("cancel") || has("reject") || has("revoked") || has("denied")) return null;
  if (has("pending") || has("waiting") || has("awaiting")) return "ApproverEmail";
  if (has("complete") || has("issued") || has("fulfilled") || has("approved")) return "FulfillmentEmail";
  return null;
}

// ---- Expiry: the same rules as src/expiry.rs ------------------------------------------------------

export const DEFAULT_EXPIRING_DAYS = 30;
const MINUTE = 60000, HOUR = 60 * MINUTE, DAY = 24 * HOUR, MONTH = 2629746000, YEAR = 12 * MONTH;

/** "expired", "expiring" (at most `days` whole days left) or null (valid, or never issued). */
export function classify(expires, now, days) {
  if (expires === null) return null;
  const left = expires - now;
  return left <= 0 ? "expired" : left <= days * DAY ? "expiring" : null;
}

/** [value, unit] for Intl.RelativeTimeFormat: future days and smaller round up, the past and months and
 *  years count whole units; -0 for "0 seconds ago". */
export function relativeSpan(moment, now) {
  const diff = moment - now, past = diff <= 0, distance = Math.abs(diff);
  const [size, unit] = distance < MINUTE ? [1000, "second"] : distance < HOUR ? [MINUTE, "minute"]
    : distance < DAY ? [HOUR, "hour"] : distance < 2 * MONTH ? [DAY, "day"] : distance < YEAR ? [MONTH, "month"] : [YEAR, "year"];
  const count = size > DAY || past ? Math.floor(distance / size) : Math.ceil(distance / size);
  return [past ? -count : count, unit];
}

export const DEFAULT_SORT = Object.freeze({ column: "expires", direction: "ascending" });

// ---- API -------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(kind, message, status = 0, code = null) {
    super(message);
    Object.assign(this, { kind, status, code });
  }
  get outcomeUnknown() { return this.kind === "timeout" || this.kind === "network" || this.kind === "unreadable"; }
  get errorCode() {
    return { api: this.code ?? `HTTP_${this.status}`, notAccepted: "NOT_ACCEPTED", unreadable: "UNREADABLE_RESPONSE",
      timeout: "TIMEOUT", network: "NETWORK", aborted: "ABORTED" }[this.kind];
  }
}

async function send(cfg, method, url, body, outer) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, cfg.timeoutMs);
  const forward = () => controller.abort();
  outer.addEventListener("abort", forward);
  if (outer.aborted) controller.abort();
  const headers = { Accept: "application/json" };
  if (cfg.token) headers.Authorization = `Bearer ${cfg.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const fail = (e) => (timedOut ? new ApiError("timeout", T.timeout) : outer.aborted
    ? new ApiError("aborted", "request cancelled") : new ApiError("network", `${T.network} ${e.message ?? e}`));
  try {
    const res = await fetch(url, { method, headers, body, credentials: "same-origin", signal: controller.signal })
      .catch((e) => { throw fail(e); });
    const totalItems = res.headers.get("SoftLayer-Total-Items");
    const bodyText = await res.text().catch((e) => { throw fail(e); });
    return { status: res.status, totalItems, body: bodyText };
  } finally {
    clearTimeout(timer);
    outer.removeEventListener("abort", forward);
  }
}

function decodeJson(raw) {
  let value, parsed = true;
  try { value = JSON.parse(raw.body); } catch { parsed = false; }
  if (parsed && value && typeof value === "object" && !Array.isArray(value) && "error" in value) {
    const message = typeof value.error === "string" && value.error.trim() ? value.error
      : `The API reported an error (HTTP ${raw.status}).`;
    throw new ApiError("api", message, raw.status, typeof value.code === "string" ? value.code : null);
  }
  if (raw.status < 200 || raw.status >= 300) throw new ApiError("api", `The API answered HTTP ${raw.status}.`, raw.status);
  if (!parsed) throw new ApiError("unreadable", T.unreadable, raw.status);
  return value;
}

const endpoint = (base, path) => `${base.replace(/\/+$/, "")}/${path}.json`;

async function loadOrders(cfg, signal) {
  let accountId = cfg.accountId;
  if (accountId == null) {
    const raw = await send(cfg, "GET", `${endpoint(cfg.apiBase, "SoftLayer_Account/getObject")}?objectMask=mask[id]`, undefined, signal);
    accountId = decodeJson(raw)?.id;
    if (!Number.isSafeInteger(accountId)) throw new ApiError("unreadable", T.unreadable, raw.status);
  }
  const orders = [];
  const seen = new Set();
  let announced = null;
  for (;;) {
    const url = `${endpoint(cfg.apiBase, "SoftLayer_Security_Certificate_Request/getSslCertificateRequests")}`
      + `?objectMask=${ORDER_MASK}&resultLimit=${orders.length},${CHUNK}`;
    const raw = await send(cfg, "POST", url, `{"parameters":[${accountId}]}`, signal);
    const items = decodeJson(raw);
    if (!Array.isArray(items)) throw new ApiError("unreadable", T.unreadable, raw.status);
    const before = orders.length;
    for (const item of items) {
      const order = decodeOrder(item);
      if (order.id === null || !seen.has(order.id)) {
        if (order.id !== null) seen.add(order.id);
        orders.push(order);
      }
    }
    const total = raw.totalItems === null ? NaN : Number.parseInt(raw.totalItems.trim(), 10);
    if (Number.isSafeInteger(total) && total >= 0) announced = total;
    const moreAnnounced = announced !== null && orders.length < announced;
    if (orders.length === before || !(moreAnnounced || (announced === null && items.length === CHUNK))) break;
  }
  return { orders, total: Math.max(announced ?? orders.length, orders.length) };
}

// ---- DOM -------------------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) for (const k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
  for (const c of children) e.append(c);
  return e;
}

// Marks the chosen option with the `selected` attribute as well, as the widget does, and selects it.
function choose(select, value) {
  for (const option of select.options) option.defaultSelected = option.value === value;
  select.value = value;
}

const missing = (hidden) => [el("span", { "aria-hidden": "true" }, T.missingValue), el("span", { class: "visually-hidden" }, hidden)];

function emit(host, name, detail, cancelable = false) {
  return host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail }));
}

/** Mounts the vanilla twin into `host`'s open shadow root. */
export function mountVanilla(host, config = {}) {
  const cfg = {
    apiBase: config.apiBase ?? "https://api.softlayer.com/rest/v3.1", token: config.token ?? null,
    accountId: config.accountId ?? null, pageSize: config.pageSize ?? 25, lang: config.lang ?? "en",
    timeoutMs: config.timeoutMs ?? 30000, expiringDays: config.expiringDays ?? DEFAULT_EXPIRING_DAYS,
  };
  const lang = cfg.lang;
  const prefix = `ssl-orders-vanilla-${nextInstance++}`;
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  root.adoptedStyleSheets = [sheet];

  // One formatter of each kind per mount, as the widget does.
  const formatDate = new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format;
  const relativeFormat = new Intl.RelativeTimeFormat(lang);
  const iso = (ms) => new Date(ms).toISOString();

  // State.
  let list = null; // null while loading, an Error, or the array of orders
  let statuses = [];
  let statusesLoaded = false;
  let sort = DEFAULT_SORT;
  let filterText = "";
  let statusFilter = null;
  let expiryFilter = null; // null, "expired" or "expiring"
  let perList = null; // { list, now, keys }: the list's one "now" and lower-cased search keys
  let page = 0;
  let pageSize = cfg.pageSize;
  let generation = 0;
  let loadAbort = null;
  let readySent = false;
  let mounted = true;
  const sentAt = new Map();
  let rowCache = new Map(); // order → { tr, details } of the rows on screen (keyed like the widget's <For>)
  const detailsAbort = new AbortController();
  const openDetails = new Set(); // ids of the orders whose details are open

  // Skeleton: toolbar, body slot, live region, dialog.
  const filterInput = el("input", { id: `${prefix}-filter`, type: "search", part: "filter", placeholder: T.filterPlaceholder });
  const statusSelect = el("select", { id: `${prefix}-status`, part: "status-filter" });
  const expirySelect = el("select", { id: `${prefix}-expiry`, part: "expiry-filter" },
    el("option", { value: "" }, T.anyExpiry), el("option", { value: "expired" }, T.expired),
    el("option", { value: "expiring" }, expiringWithin(cfg.expiringDays)));
  const refresh = el("button", { class: "refresh", type: "button", part: "refresh" }, T.refresh);
  const exportButton = el("button", { class: "export", type: "button", part: "export", disabled: "" }, T.exportCsv);
  const field = (cls, control, label) => el("span", { class: cls }, el("label", { for: control.id }, label), control);
  const toolbar = el("div", { class: "toolbar", part: "toolbar" },
    field("field filter-field", filterInput, T.filterLabel), field("field", statusSelect, T.statusFilterLabel),
    field("field", expirySelect, T.expiryFilterLabel), refresh, exportButton);
  const body = document.createDocumentFragment();
  const announcer = el("p", { class: "announcer", role: "status", part: "status" });
  const dialogTitle = el("h2", { id: `${prefix}-dialog-title`, part: "dialog-title" });
  const dialogText = el("p", { id: `${prefix}-dialog-desc` });
  const dialogError = el("p", { class: "dialog-error", id: `${prefix}-dialog-alert`, role: "alert", part: "dialog-error" });
  const cancelButton = el("button", { class: "cancel", type: "button", part: "cancel" }, T.cancel);
  const confirmSpinner = el("span", { class: "spinner", "aria-hidden": "true", hidden: "" });
  const confirmLabel = document.createTextNode(T.resendEmail);
  const confirmButton = el("button", { class: "confirm", type: "button", part: "confirm", "aria-busy": "false" }, confirmSpinner, confirmLabel);
  const dialog = el("dialog", { part: "dialog", "aria-labelledby": dialogTitle.id, "aria-describedby": dialogText.id },
    dialogTitle, dialogText, dialogError, el("div", { class: "dialog-actions" }, cancelButton, confirmButton));
  const bodySlot = el("div", { class: "state loading", part: "state" }, el("span", { class: "spinner", "aria-hidden": "true" }), T.loading);
  const widget = el("div", { class: "widget", part: "base", lang }, toolbar, bodySlot, announcer, dialog);
  let bodyNodes = [bodySlot];
  root.replaceChildren(widget);

  // The ready table, built once per loaded list.
  let table = null; // { tbody, headers: [{th, arrow}], range, pageOf, prev, next, sizeSelect, noMatch }

  const setBody = (...nodes) => {
    for (const n of bodyNodes) n.remove();
    bodyNodes = nodes;
    announcer.before(...nodes);
    table = null;
    rowCache = new Map();
  };

  const setState = () => {
    const state = list === null ? "loading" : list instanceof Error ? "error" : list.length ? "ready" : "empty";
    host.setAttribute("data-state", state);
    if (state !== "loading" && !readySent) {
      readySent = true;
      emit(host, "ssl-orders-ready", {});
    }
  };

  function renderStatusOptions() {
    const names = statuses.map((s) => s.name);
    if (Array.isArray(list)) for (const o of list) if (o.statusName !== null && !names.includes(o.statusName)) names.push(o.statusName);
    const options = [el("option", { value: "" }, T.allStatuses)];
    for (const name of names) options.push(el("option", { value: name }, name));
    statusSelect.replaceChildren(...options);
    choose(statusSelect, statusFilter ?? "");
  }

  // How an order is named in labels and sentences: its common name, or "order 40001" without one.
  const displayName = (order) => (order.commonName !== null && order.commonName.trim() !== "" ? order.commonName
    : order.id !== null ? `order ${order.id}` : "");
  const textCell = (v) => (v !== null ? [el("span", { class: "cell-text" }, v)] : missing(T.notAvailable));
  const dateCell = (ms, hidden) => (ms !== null ? [el("time", { datetime: iso(ms) }, formatDate(ms))] : missing(hidden));
  function expiryCell(ms) {
    if (ms === null) return missing(T.missingDate);
    const [value, unit] = relativeSpan(ms, perList.now);
    const nodes = [el("time", { datetime: iso(ms) }, formatDate(ms)), el("span", { class: "relative" }, relativeFormat.format(value, unit))];
    const word = classify(ms, perList.now, cfg.expiringDays);
    if (word !== null) {
      nodes.push(el("strong", { class: `expiry-status ${word}`, part: "expiry-status" }, word === "expired" ? T.expired : T.expiringSoon));
    }
    return nodes;
  }

  function rowFor(order) {
    const name = displayName(order);
    const email = emailFor(order);
    let action;
    if (order.id !== null && email !== null && order.approverEmail !== null) {
      const button = el("button", { class: "send", type: "button", part: "send-button",
        "aria-label": `${T.send} ${EMAIL_NAME[email]} for ${name}` }, T.send);
      button._order = { orderId: order.id, commonName: name, recipient: order.approverEmail, email };
      const note = sentAt.get(order.id);
      action = [button, el("span", { class: "sent-note" }, note ? `sent at ${note}` : "")];
    } else {
      action = missing(T.noEmail);
    }
    const toggle = order.id === null ? [] : [el("button", { class: "details-toggle", type: "button", part: "details-button",
      "aria-expanded": openDetails.has(order.id) ? "true" : "false", "aria-controls": `${prefix}-details-${order.id}`,
      "aria-label": detailsLabel(name) }, T.details)];
    if (toggle.length) toggle[0]._details = { order, name };
    const tr = el("tr", { part: "row", role: "row", "data-order-id": order.id === null ? null : String(order.id) },
      el("th", { scope: "row", role: "rowheader", class: "name" }, ...textCell(order.commonName)),
      el("td", { role: "cell", "data-label": COLUMN_LABEL.certificateType }, ...textCell(order.certificateType)),
      el("td", { role: "cell", "data-label": COLUMN_LABEL.statusName, title: order.statusDescription }, ...textCell(order.statusName)),
      el("td", { role: "cell", "data-label": COLUMN_LABEL.created }, ...dateCell(order.created, T.notAvailable)),
      el("td", { role: "cell", class: "expires", "data-label": COLUMN_LABEL.expires }, ...expiryCell(order.expires)),
      el("td", { role: "cell", class: "action" }, ...action),
      el("td", { role: "cell", class: "details-cell" }, ...toggle));
    return { tr, details: toggle.length && openDetails.has(order.id) ? detailsRow(order, name) : null };
  }

  // ---- Details: the row below an order while it is open; getObject once per order ----
  const fetchedDetails = new Map(); // id → { state: "loading" | "loaded" | "failed", value }
  const detailsRegions = new Map(); // id → { region, order } of the open details rows
  let unitFormats = null; // Intl.NumberFormat per unit, made on first use

  function detailsRow(order, name) {
    const region = el("div", { role: "region", class: "details", part: "details", id: `${prefix}-details-${order.id}`,
      "aria-label": detailsLabel(name) });
    detailsRegions.set(order.id, { region, order });
    renderDetails(order.id);
    return el("tr", { class: "details-row", role: "row" }, el("td", { colspan: "7", role: "cell" }, region));
  }

  function renderDetails(id) {
    const open = detailsRegions.get(id);
    if (!open) return;
    const { region, order } = open;
    const found = fetchedDetails.get(id);
    const fetched = found?.state === "loaded" ? found.value : null;
    const date = (ms) => (ms === null ? null : formatDate(ms));
    const fields = [[T.orderIdLabel, String(id), T.notAvailable], [T.approverLabel, order.approverEmail, T.notAvailable]];
    if (fetched) fields.push([T.technicalContactLabel, fetched.technicalContact, T.notAvailable]);
    fields.push([T.statusDescriptionLabel, order.statusDescription, T.notAvailable],
      [COLUMN_LABEL.certificateType, order.certificateType, T.notAvailable], [COLUMN_LABEL.created, date(order.created), T.notAvailable]);
    if (fetched) fields.push([T.effectiveLabel, date(fetched.effective), T.missingDate], [T.modifiedLabel, date(fetched.modified), T.notAvailable]);
    fields.push([COLUMN_LABEL.expires, date(order.expires), T.missingDate]);
    if (fetched) {
      const v = fetched.effective !== null && order.expires !== null ? validity(fetched.effective, order.expires) : null;
      unitFormats ??= { year: new Intl.NumberFormat(lang, { style: "unit", unit: "year", unitDisplay: "long" }),
        month: new Intl.NumberFormat(lang, { style: "unit", unit: "month", unitDisplay: "long" }) };
      fields.push([T.validityLabel, v && unitFormats[v[1]].format(v[0]), T.notAvailable]);
    }
    const dl = el("dl", null, ...fields.map(([label, value, absent]) =>
      el("div", null, el("dt", null, label), el("dd", null, ...(value !== null ? [el("span", null, value)] : missing(absent))))));
    const note = [];
    if (found?.state === "failed") {
      const retry = el("button", { class: "retry", type: "button" }, T.retry);
      retry.addEventListener("click", () => {
        // Retry disappears once clicked: the focus goes to the row's details button.
        region.closest(".details-row")?.previousElementSibling?.querySelector(".details-toggle")?.focus();
        fetchDetails(id);
      });
      note.push(el("p", { class: "details-error" }, `${T.detailsFailed} ${found.value.message}`), retry);
    } else if (found?.state === "loading") {
      note.push(el("p", { class: "details-loading" }, el("span", { class: "spinner", "aria-hidden": "true" }), T.detailsLoading));
    }
    region.replaceChildren(dl, ...note);
  }

  async function fetchDetails(id) {
    fetchedDetails.set(id, { state: "loading" });
    renderDetails(id);
    let result;
    try {
      const url = `${endpoint(cfg.apiBase, `SoftLayer_Security_Certificate_Request/${id}/getObject`)}?objectMask=${DETAILS_MASK}`;
      const value = decodeJson(await send(cfg, "GET", url, undefined, detailsAbort.signal));
      if (!value || typeof value !== "object" || Array.isArray(value)) throw new ApiError("unreadable", T.unreadable);
      result = { state: "loaded", value: { technicalContact: text(value.technicalContactEmailAddress),
        effective: parseApiDate(value.effectiveDate), modified: parseApiDate(value.modifyDate) } };
    } catch (error) {
      if (error?.kind === "aborted" || !mounted) return;
      announcer.textContent = `${T.detailsFailed} ${error.message}`;
      result = { state: "failed", value: error };
    }
    fetchedDetails.set(id, result);
    renderDetails(id);
  }

  function toggleDetails(button) {
    const { order, name } = button._details;
    const row = rowCache.get(order);
    const opening = !openDetails.has(order.id);
    if (opening) openDetails.add(order.id); else openDetails.delete(order.id);
    button.setAttribute("aria-expanded", opening ? "true" : "false");
    if (row) {
      row.details?.remove();
      row.details = opening ? detailsRow(order, name) : null;
      if (row.details) row.tr.after(row.details);
    }
    if (!opening) detailsRegions.delete(order.id);
    const known = fetchedDetails.get(order.id);
    if (opening && (!known || known.state === "failed")) fetchDetails(order.id);
  }

  // ---- Export: the filtered, sorted list, every page of it ----
  function exportCsv() {
    if (!visible || visible.list !== list || visible.rows.length === 0) return;
    const day = (ms) => {
      if (ms === null) return "";
      const d = new Date(ms); // the reader's calendar day, as the table shows it
      return `${String(d.getFullYear()).padStart(4, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    };
    const lines = [COLUMNS.map((c) => csvField(COLUMN_LABEL[c])).join(",")];
    for (const o of visible.rows) {
      lines.push([o.commonName ?? "", o.certificateType ?? "", o.statusName ?? "", day(o.created), day(o.expires)].map(csvField).join(","));
    }
    const blob = new Blob([`\ufeff${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    el("a", { href: url, download: "ssl-orders.csv" }).click();
    setTimeout(URL.revokeObjectURL, 1000, url);
    announcer.textContent = exported(visible.rows.length);
    emit(host, "ssl-orders-exported", { rows: visible.rows.length });
  }

  function buildTable() {
    const headers = COLUMNS.map((column) => {
      const arrow = el("span", { class: "arrow", "aria-hidden": "true" });
      const button = el("button", { class: "sort", type: "button" }, COLUMN_LABEL[column], arrow);
      button.addEventListener("click", () => {
        sort = sort.column === column
          ? { column, direction: sort.direction === "ascending" ? "descending" : "ascending" }
          : { column, direction: "ascending" };
        page = 0;
        announcer.textContent = `Sorted by ${COLUMN_LABEL[column]}, ${sort.direction}.`;
        renderRows();
      });
      return { column, th: el("th", { scope: "col", role: "columnheader" }, button), arrow };
    });
    const tbody = el("tbody", { role: "rowgroup" });
    // One delegated listener for every row's Send and Details buttons.
    tbody.addEventListener("click", (ev) => {
      const button = ev.target.closest?.("button");
      if (button?._order) openDialog(button._order, button);
      else if (button?._details) toggleDetails(button);
    });
    const noMatch = el("tr", { role: "row" }, el("td", { colspan: "7", class: "no-match", role: "cell" }, T.noMatch));
    const range = el("span", { class: "range" });
    const pageOf = el("span", { class: "page-of" });
    const prev = el("button", { class: "prev", type: "button", "aria-label": T.previousPage }, "‹");
    const next = el("button", { class: "next", type: "button", "aria-label": T.nextPage }, "›");
    prev.addEventListener("click", () => { page = Math.max(0, currentWindow.page - 1); renderRows(); });
    next.addEventListener("click", () => { page = currentWindow.page + 1; renderRows(); });
    const sizeSelect = el("select", null, ...PAGE_SIZES.map((s) => el("option", { value: String(s) }, String(s))));
    choose(sizeSelect, String(pageSize));
    sizeSelect.addEventListener("change", () => {
      const size = Number.parseInt(sizeSelect.value, 10);
      if (Number.isFinite(size)) { pageSize = size; page = 0; choose(sizeSelect, String(size)); renderRows(); }
    });
    const wrap = el("div", { class: "table-wrap", part: "table-wrap" },
      el("table", { part: "table", role: "table" }, el("caption", null, T.caption),
        el("thead", { part: "header", role: "rowgroup" }, el("tr", { role: "row" }, ...headers.map((h) => h.th),
          el("th", { scope: "col", role: "columnheader" }, T.emailColumn), el("th", { scope: "col", role: "columnheader" }, T.details))),
        tbody));
    const pager = el("div", { class: "pager", part: "pager" }, range,
      el("nav", { "aria-label": T.pagination }, prev, pageOf, next),
      el("label", { class: "page-size" }, T.pageSizeLabel, sizeSelect));
    setBody(wrap, pager);
    table = { tbody, headers, range, pageOf, prev, next, noMatch };
  }

  let currentWindow = pageWindow(0, 0, pageSize);
  let visible = null; // { list, text, status, sort, rows }: the filtered, sorted list

  function renderRows() {
    if (!Array.isArray(list) || list.length === 0) return;
    if (!table) buildTable();
    // Filter + sort only when the list, the filter or the sort changed; paging just slices.
    if (perList?.list !== list) {
      // Once per list: its "now" and the search keys (the widget's model::search_key).
      perList = { list, now: Date.now(),
        keys: list.map((o) => `${(o.commonName ?? "").toLowerCase()}\n${(o.approverEmail ?? "").toLowerCase()}`) };
    }
    if (!visible || visible.list !== list || visible.text !== filterText || visible.status !== statusFilter
      || visible.expiry !== expiryFilter || visible.sort !== sort) {
      const needle = filterText.trim().toLowerCase();
      const { keys, now } = perList;
      const kept = [];
      for (let i = 0; i < list.length; i += 1) {
        const o = list[i];
        if (statusFilter !== null && o.statusName !== statusFilter) continue;
        if (needle !== "" && (needle.includes("\n") || !keys[i].includes(needle))) continue;
        if (expiryFilter !== null && classify(o.expires, now, cfg.expiringDays) !== expiryFilter) continue;
        kept.push(o);
      }
      visible = { list, text: filterText, status: statusFilter, expiry: expiryFilter, sort, rows: sortOrders(kept, sort) };
    }
    const w = pageWindow(visible.rows.length, page, pageSize);
    const rows = visible.rows.slice(w.start, w.end);
    currentWindow = w;
    for (const h of table.headers) {
      const on = h.column === sort.column;
      if (on) h.th.setAttribute("aria-sort", sort.direction); else h.th.removeAttribute("aria-sort");
      h.arrow.textContent = on ? (sort.direction === "ascending" ? "▲" : "▼") : "↕";
    }
    const previous = rowCache;
    rowCache = new Map();
    const nodes = w.total === 0 ? [table.noMatch] : [];
    for (const order of rows) {
      const row = previous.get(order) ?? rowFor(order);
      rowCache.set(order, row);
      nodes.push(row.tr);
      if (row.details) nodes.push(row.details);
    }
    table.tbody.replaceChildren(...nodes);
    table.range.textContent = w.total === 0 ? "0 of 0" : `${w.start + 1}–${w.end} of ${w.total}`;
    table.pageOf.textContent = `Page ${w.page + 1} of ${w.pages}`;
    table.prev.disabled = w.page === 0;
    table.next.disabled = w.page + 1 >= w.pages;
    exportButton.disabled = w.total === 0;
  }

  function renderBody() {
    if (list === null) {
      setBody(el("div", { class: "state loading", part: "state" }, el("span", { class: "spinner", "aria-hidden": "true" }), T.loading));
    } else if (list instanceof Error) {
      const retry = el("button", { class: "retry", type: "button" }, T.retry);
      retry.addEventListener("click", startLoad);
      setBody(el("div", { class: "state error", part: "state" },
        el("p", { role: "alert" }, el("strong", null, T.loadFailed), " ", el("span", { class: "api-message" }, list.message)), retry));
    } else if (list.length === 0) {
      setBody(el("div", { class: "state empty", part: "state" }, el("p", null, T.empty)));
    } else {
      table = null;
      renderRows();
    }
    if (!Array.isArray(list) || list.length === 0) exportButton.disabled = true;
    renderStatusOptions();
    setState();
  }

  function startLoad() {
    const mine = ++generation;
    loadAbort?.abort();
    const controller = new AbortController();
    loadAbort = controller;
    if (list !== null) { list = null; renderBody(); } else setState();
    (async () => {
      const signal = controller.signal;
      if (!statusesLoaded) {
        try {
          const found = decodeJson(await send(cfg, "GET", endpoint(cfg.apiBase, "SoftLayer_Security_Certificate_Request_Status/getSslRequestStatuses"), undefined, signal));
          if (Array.isArray(found)) {
            statuses = found.filter((s) => typeof s?.name === "string").map((s) => ({ name: s.name, description: text(s.description) }));
            statusesLoaded = true;
          }
        } catch { /* statuses only feed the filter */ }
      }
      let result, error;
      try { result = await loadOrders(cfg, signal); } catch (e) { error = e; }
      if (generation !== mine) return;
      if (result) {
        list = result.orders;
        renderBody();
        emit(host, "ssl-orders-loaded", { count: result.orders.length, total: result.total });
      } else if (error?.kind !== "aborted") {
        list = error instanceof Error ? error : new Error(String(error));
        renderBody();
        emit(host, "ssl-orders-load-error", { status: error?.status ?? 0, code: error?.errorCode ?? "NETWORK", message: list.message });
      }
    })();
  }

  // Toolbar.
  filterInput.addEventListener("input", () => { filterText = filterInput.value; page = 0; renderRows(); });
  statusSelect.addEventListener("change", () => {
    statusFilter = statusSelect.value || null;
    choose(statusSelect, statusSelect.value);
    page = 0;
    renderRows();
  });
  expirySelect.addEventListener("change", () => { expiryFilter = expirySelect.value || null; page = 0; renderRows(); });
  exportButton.addEventListener("click", exportCsv);
  refresh.addEventListener("click", startLoad);

  // ---- The popup ----
  let target = null, busy = false, inFlight = false, invoker = null, closingDone = true;

  function renderDialog() {
    const email = target ? EMAIL_NAME[target.email] : "";
    dialogTitle.textContent = target ? `Resend the ${email}?` : "";
    dialogText.textContent = target
      ? `The certificate authority will send the ${email} for ${target.commonName} again to the domain administrator: ${target.recipient}.` : "";
    const err = dialogError.textContent;
    dialog.setAttribute("aria-describedby", err ? `${dialogText.id} ${dialogError.id}` : dialogText.id);
    confirmButton.setAttribute("aria-busy", busy ? "true" : "false");
    if (busy) confirmButton.setAttribute("aria-disabled", "true"); else confirmButton.removeAttribute("aria-disabled");
    confirmSpinner.hidden = !busy;
    confirmLabel.data = busy ? T.sending : err ? T.retry : T.resendEmail;
  }
  function setDialogError(message) { dialogError.textContent = message ?? ""; renderDialog(); }

  function openDialog(order, button) {
    invoker = button;
    closingDone = false;
    dialogError.textContent = "";
    target = order;
    renderDialog();
    if (!dialog.open) dialog.showModal();
    cancelButton.focus();
  }
  function afterClose() {
    if (closingDone) return;
    closingDone = true;
    if (!busy) target = null;
    setDialogError(null);
    if (invoker?.isConnected) invoker.focus();
  }
  function closeDialog() { dialog.close(); afterClose(); }

  dialog.addEventListener("close", () => { if (!dialog.open) afterClose(); });
  dialog.addEventListener("keydown", (ev) => {
    if (ev.key !== "Tab") return;
    const active = root.activeElement;
    if (ev.shiftKey && active === cancelButton) { ev.preventDefault(); confirmButton.focus(); }
    else if (!ev.shiftKey && active === confirmButton) { ev.preventDefault(); cancelButton.focus(); }
  });
  cancelButton.addEventListener("click", closeDialog);
  confirmButton.addEventListener("click", async () => {
    if (inFlight || !target) return;
    const order = target;
    inFlight = true;
    const detail = { orderId: order.orderId, commonName: order.commonName, emailType: order.email, recipient: order.recipient };
    if (!emit(host, "ssl-orders-resend-request", detail, true)) { inFlight = false; closeDialog(); return; }
    busy = true;
    dialogError.textContent = "";
    renderDialog();
    let error = null;
    try {
      const raw = await send(cfg, "POST", endpoint(cfg.apiBase, `SoftLayer_Security_Certificate_Request/${order.orderId}/resendEmail`),
        `{"parameters":["${order.email}"]}`, new AbortController().signal);
      const value = decodeJson(raw);
      if (value === false) error = new ApiError("notAccepted", T.notAccepted, raw.status);
      else if (value !== true) error = new ApiError("unreadable", T.unreadable, raw.status);
    } catch (e) { error = e; }
    inFlight = false;
    if (!mounted) return;
    busy = false;
    const stillOpen = dialog.open && target === order;
    if (!error) {
      const time = new Date().toLocaleTimeString(lang, { timeStyle: "short" });
      sentAt.set(order.orderId, time);
      for (const { tr } of rowCache.values()) {
        if (tr.dataset.orderId === String(order.orderId)) {
          const note = tr.querySelector(".sent-note");
          if (note) note.textContent = `sent at ${time}`;
        }
      }
      const name = EMAIL_NAME[order.email];
      announcer.textContent = `${name[0].toUpperCase()}${name.slice(1)} sent again to ${order.recipient}.`;
      emit(host, "ssl-orders-email-resent", { ...detail, at: new Date().toISOString() });
      if (stillOpen) closeDialog(); else { target = null; renderDialog(); }
    } else if (error.kind !== "aborted") {
      let message = error.message;
      if (error.outcomeUnknown) message = `${message} ${T.unknownOutcome}`;
      if (stillOpen) setDialogError(message);
      else { announcer.textContent = `The ${EMAIL_NAME[order.email]} for ${order.commonName} could not be resent: ${message}`; target = null; renderDialog(); }
      emit(host, "ssl-orders-resend-error", { orderId: order.orderId, emailType: order.email, status: error.status ?? 0,
        code: error.errorCode ?? "NETWORK", message, outcomeUnknown: !!error.outcomeUnknown });
    }
  });

  host.setAttribute("data-ssl-orders-mounted", "");
  startLoad();

  return {
    reload() { if (mounted) startLoad(); },
    unmount() {
      if (!mounted) return;
      mounted = false;
      generation = Number.MAX_SAFE_INTEGER;
      loadAbort?.abort();
      detailsAbort.abort();
      if (dialog.open) dialog.close();
      root.replaceChildren();
      root.adoptedStyleSheets = [];
      host.removeAttribute("data-state");
      host.removeAttribute("data-ssl-orders-mounted");
      rowCache = new Map();
      list = null;
    },
    get state() { return mounted ? host.getAttribute("data-state") ?? "loading" : "unmounted"; },
  };
}
