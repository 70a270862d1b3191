// <ssl-orders>: the custom element around mount(). Registered once, however often the module is loaded.
//
// Attributes carry plain settings and apply live; credentials are properties only, never attributes.
// Which attributes, and which languages the widget speaks, come from the Rust side (`embed::ATTRIBUTES`,
// `i18n::supported_tags`), the one place each is written.
// Properties that feed the configuration. Secrets are write-only: reading them gives undefined.
const PROPERTIES = ["token", "username", "apiKey", "credentials", "timeoutMs"];
const SECRETS = new Set(["token", "apiKey"]);
// Credentials are bound to the API origin they were first used with (see #bindCredentials).
const CREDENTIALS = ["token", "username", "apiKey"];
const SET_SETTING = Symbol("setSetting");

/**
 * Registers `<ssl-orders>`. `mount(element, config, credentialsWithdrawn)` mounts a widget;
 * `attributes` maps each observed attribute to its configuration key; `languages` lists the tags of the
 * locales the widget speaks (`"pt-BR"`), each standing for its whole language (`pt`, `pt-PT`);
 * `defaultApiBase` is the API base when none is set.
 */
export function defineSslOrders(mount, attributes, languages, defaultApiBase) {
  if (customElements.get("ssl-orders")) return false;
  const settings = new WeakMap();
  const ATTRIBUTES = Object.freeze({ ...attributes });
  const language = (tag) => tag.split(/[-_]/)[0].toLowerCase();
  const spoken = languages.map(language);
  const speaks = (tag) => spoken.includes(language(tag.trim()));
  // The origin an API base points to, resolved the way mount() resolves it: a path against the page's
  // origin. null for a base mount() will refuse anyway.
  const originOf = (base) => {
    try {
      return new URL(base ?? defaultApiBase, location.origin).origin;
    } catch {
      return null;
    }
  };

  class SslOrdersElement extends HTMLElement {
    static get observedAttributes() {
      return Object.keys(ATTRIBUTES);
    }

    #handle = null;
    #pending = false;
    #teardown = 0;
    #error = null;
    /** The API origin the credentials were used with; null until a mount used them. */
    #credentialOrigin = null;
    /** The credentials were dropped because the API base moved to another origin. */
    #withdrawn = false;

    constructor() {
      super();
      this.attachShadow({ mode: "open" });
      settings.set(this, {});
    }

    connectedCallback() {
      // Properties set before the element was defined shadow the accessors; move them behind them.
      for (const name of PROPERTIES) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      }
      if (this.#teardown) {
        clearTimeout(this.#teardown); // moved in the DOM: keep everything as it is
        this.#teardown = 0;
      }
      if (!this.#handle) this.#scheduleMount();
    }

    disconnectedCallback() {
      // A move is a disconnect and a connect in the same task, so tear down only if it stays out.
      this.#teardown = setTimeout(() => {
        this.#teardown = 0;
        if (!this.isConnected) this.#unmount();
      }, 0);
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue) return;
      if (name === "api-base") this.#bindCredentials();
      if (this.#handle || this.#error) this.#remount();
    }

    // Credentials stay with the API origin they were used with. An attribute is far easier to influence
    // than a property (templating, URL-driven markup), so when `api-base` moves to another origin the
    // credentials are dropped, and the widget says so until the host sets them again.
    #bindCredentials() {
      const own = settings.get(this);
      if (this.#credentialOrigin === null || !CREDENTIALS.some((name) => name in own)) return;
      if (originOf(this.getAttribute("api-base")) === this.#credentialOrigin) return;
      for (const name of CREDENTIALS) delete own[name];
      this.#credentialOrigin = null;
      this.#withdrawn = true;
    }

    /** `loading`, `ready`, `empty`, `error` or `unmounted`. */
    get state() {
      return this.#handle ? this.#handle.state : this.#error ? "error" : "unmounted";
    }

    /** The configuration error that stopped the widget, or null. */
    get error() {
      return this.#error;
    }

    /** Loads the list again. */
    reload() {
      this.#handle?.reload();
    }

    /** Builds the configuration from attributes and properties; mount() validates it. */
    #config() {
      const config = {};
      for (const [attribute, key] of Object.entries(ATTRIBUTES)) {
        const value = this.getAttribute(attribute);
        // `lang` is the global HTML attribute: a language the widget does not speak falls back to the page's
        // or the browser's, as for any element, instead of being a configuration error.
        if (value === null || (attribute === "lang" && !speaks(value))) continue;
        config[key] = value;
      }
      Object.assign(config, settings.get(this));
      return config;
    }

    // Mount in a microtask, so properties set in the same script right after the element was added are used.
    #scheduleMount() {
      if (this.#pending) return;
      this.#pending = true;
      queueMicrotask(() => {
        this.#pending = false;
        if (this.isConnected && !this.#handle) this.#mount();
      });
    }

    #mount() {
      const own = settings.get(this);
      if (this.#credentialOrigin === null && CREDENTIALS.some((name) => name in own)) {
        this.#credentialOrigin = originOf(this.getAttribute("api-base"));
      }
      try {
        this.#handle = mount(this, this.#config(), this.#withdrawn);
        this.#error = null;
      } catch (error) {
        this.#error = error; // mount() already shows the message inside the element
      }
    }

    #unmount() {
      if (this.#handle) {
        this.#handle.unmount();
        this.#handle.free();
        this.#handle = null;
      }
    }

    #remount() {
      this.#unmount();
      this.#error = null;
      if (this.isConnected) this.#scheduleMount();
    }

    [SET_SETTING](name, value) {
      const own = settings.get(this);
      const next = value === null ? undefined : value;
      // The same value again (a host refreshing its token to what it was) changes nothing: no remount.
      if (own[name] === next) return;
      if (next === undefined) delete own[name];
      else own[name] = next;
      if (CREDENTIALS.includes(name) && next !== undefined) {
        // New credentials are bound to the API origin of now, if the element is live (so an `api-base`
        // change before the remount is a move like any other); before its first mount, to that mount's.
        const live = this.#handle || this.#error;
        this.#credentialOrigin = live ? originOf(this.getAttribute("api-base")) : null;
        this.#withdrawn = false;
      }
      if (this.#handle || this.#error) this.#remount();
    }
  }

  for (const name of PROPERTIES) {
    Object.defineProperty(SslOrdersElement.prototype, name, {
      configurable: true,
      enumerable: true,
      get() {
        return SECRETS.has(name) ? undefined : settings.get(this)?.[name];
      },
      set(value) {
        this[SET_SETTING](name, value);
      },
    });
  }

  customElements.define("ssl-orders", SslOrdersElement);
  return true;
}
