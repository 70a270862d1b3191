// Type declarations for ssl-orders' JavaScript API (ssl-orders.js). Keep in step with src/embed.rs,
// src/config.rs, src/events.rs and src/element.js; the README's tables say the same in prose.

/** The object passed to `mount()`. Unknown keys and wrong types throw an `Error` naming the key. */
export interface SslOrdersConfig {
  /** REST base URL: `http(s)://…` or a path starting with `/`. Default `https://api.softlayer.com/rest/v3.1`. */
  apiBase?: string;
  /** Account whose orders are listed; discovered with `SoftLayer_Account/getObject` when absent. */
  accountId?: number | string;
  /** IBM Cloud IAM access token, sent as `Authorization: Bearer`. Not together with `username`/`apiKey`. */
  token?: string;
  /** Classic infrastructure username (or `apikey`), sent with `apiKey` as HTTP Basic. */
  username?: string;
  /** Classic API key (or IBM Cloud API key when `username` is `apikey`). */
  apiKey?: string;
  /** `fetch` credentials mode, for a cookie-authenticated same-origin proxy. Default `same-origin`. */
  credentials?: "omit" | "same-origin" | "include";
  /** Locale of all text and dates; default: nearest `lang` attribute, then the browser. */
  lang?: "en" | "es" | "de" | "fr" | "ja" | "pt-BR" | string;
  /** Rows per page. Default 25. */
  pageSize?: 25 | 50 | 100 | "25" | "50" | "100";
  /** Status name → email the Send action resends (`null`: none). Overrides the default policy. */
  emailTypes?: Record<string, "ApproverEmail" | "FulfillmentEmail" | null> | string;
  /** Per-request timeout in milliseconds, 100–600000. Default 30000. */
  timeoutMs?: number;
  /** Days before its expiry an order shows "Expiring soon", 1–365. Default 30. */
  expiringDays?: number | string;
}

export type SslOrdersState = "loading" | "ready" | "empty" | "error" | "unmounted";

/** Returned by `mount()`. */
export class WidgetHandle {
  private constructor();
  /** Loads the list again. */
  reload(): void;
  /** Removes the widget, aborting requests in flight and removing its listeners. Idempotent. */
  unmount(): void;
  /** Frees the handle's wasm memory (after `unmount()`). */
  free(): void;
  readonly state: SslOrdersState;
}

/** Mounts the widget into `element` (an open shadow root is attached). Throws on a bad configuration. */
export function mount(element: HTMLElement, config?: SslOrdersConfig): WidgetHandle;

/**
 * Where `init()` gets the WebAssembly from: a URL (string, `URL` or `Request`, fetched), a `Response` or a
 * promise of one, the bytes, or a compiled `WebAssembly.Module`. Default:
 * `new URL("ssl-orders_bg.wasm", import.meta.url)`, the file next to the module.
 */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Initialises the module (once: later calls return the same promise); also registers `<ssl-orders>`.
 * `init()` loads `ssl-orders_bg.wasm` next to the module; a host that moves it passes `{ module_or_path }`.
 */
export default function init(options?: { module_or_path?: InitInput | Promise<InitInput> }): Promise<unknown>;

/** Synchronous initialisation from the bytes or a compiled module (no fetch); registers `<ssl-orders>`. */
export function initSync(options: { module: BufferSource | WebAssembly.Module }): unknown;

export type EmailType = "ApproverEmail" | "FulfillmentEmail";

export interface SslOrdersEventMap {
  "ssl-orders-ready": CustomEvent<Record<string, never>>;
  "ssl-orders-loaded": CustomEvent<{ count: number; total: number }>;
  "ssl-orders-load-error": CustomEvent<{ status: number; code: string; message: string }>;
  /** Cancelable: `preventDefault()` stops the POST. */
  "ssl-orders-resend-request": CustomEvent<{ orderId: number; commonName: string; emailType: EmailType; recipient: string }>;
  "ssl-orders-email-resent": CustomEvent<{ orderId: number; commonName: string; emailType: EmailType; recipient: string; at: string }>;
  "ssl-orders-resend-error": CustomEvent<{
    orderId: number; emailType: EmailType; status: number; code: string; message: string; outcomeUnknown: boolean;
  }>;
  "ssl-orders-exported": CustomEvent<{ rows: number }>;
}

/** `<ssl-orders api-base account-id lang page-size email-types expiring-days>`; credentials are properties only. */
export interface SslOrdersElement extends HTMLElement {
  /** Write-only: reading gives `undefined`. */
  token: string | undefined;
  username: string | undefined;
  /** Write-only: reading gives `undefined`. */
  apiKey: string | undefined;
  credentials: "omit" | "same-origin" | "include" | undefined;
  timeoutMs: number | undefined;
  readonly state: SslOrdersState;
  /** The configuration error that stopped the widget, or null. */
  readonly error: Error | null;
  reload(): void;
  addEventListener<K extends keyof SslOrdersEventMap>(
    type: K, listener: (this: SslOrdersElement, ev: SslOrdersEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "ssl-orders": SslOrdersElement;
  }
}
