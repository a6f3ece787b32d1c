import { Assets, type Platform } from './platform.js';

export interface BrowserPlatformOptions {
  /**
   * Where the data files (`global-banned.txt`, `dictionary-en.txt`, …) are served. Default: the
   * `data/` folder next to the bundle's `dist/` folder, as laid out in the npm package.
   */
  baseUrl?: string | URL;
  /** The fetch to use (tests, service workers); default: the global one. */
  fetch?: typeof fetch;
}

/**
 * A `Platform` for browsers: data files are fetched lazily from a base URL, once per URL per page
 * (two checkers built on one page, e.g. with and without the breached filter, share downloads).
 * Nothing here may import a Node built-in: this module is reachable from `src/browser.ts`.
 */
export function createBrowserPlatform(options: BrowserPlatformOptions = {}): Platform {
  const base = new URL(String(options.baseUrl ?? defaultBaseUrl()), globalThis.location?.href);
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const cache = new Map<string, Promise<Uint8Array | null>>();

  const get = (url: URL, missingIsNull: boolean): Promise<Uint8Array | null> => {
    const key = url.href;
    let pending = cache.get(key);
    if (!pending) {
      pending = (async () => {
        const res = await doFetch(url);
        if (res.status === 404 && missingIsNull) return null;
        if (!res.ok) throw new Error(`passgate: fetching ${url.pathname} failed with HTTP ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      })();
      // A failed download must not stick: a later checker may retry (e.g. after going online).
      pending.catch(() => cache.delete(key));
      cache.set(key, pending);
    }
    return pending;
  };

  return {
    readAsset(name) {
      return get(new URL(name, base), true);
    },
    async readFile() {
      throw new TypeError('`breached: { path }` is not available in browsers; use { url } or { bytes }');
    },
    async fetchBytes(url) {
      const bytes = await get(new URL(String(url), base), false);
      return bytes!;
    },
    // Browsers get the small tier: the 1M filter is several times the size of a page.
    breachedAsset: Assets.breachedSmall,
  };
}

function defaultBaseUrl(): URL {
  return new URL('../data/', import.meta.url);
}

/** The default browser platform: data files from `../data/` relative to the bundle. */
export const browserPlatform: Platform = createBrowserPlatform();
