import { sha256 } from '@noble/hashes/sha2';
import { Assets, type Platform } from './platform.js';
import { DataError } from '../errors.js';
import { MANIFEST, parseManifest, verifyFile, type Manifest } from './integrity.js';

const NOT_FOUND = 404;
const DATA_HINT = "Serve the package's data/ folder there, or pass its URL to withDataUrl()";

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
  const cache = new Map<string, Promise<Fetched | null>>();

  // A data file: null only for a 404 (the platform's "no such file", which readRequired names
  // with the option that waives it); any other status or a network error is a DataError here.
  // A user's own filter URL (`asset` undefined) fails with a plain Error: it is not passgate's data.
  const get = (url: URL, asset?: string): Promise<Fetched | null> => {
    const key = url.href;
    let pending = cache.get(key);
    if (!pending) {
      pending = (async () => {
        const fail = (why: string, status?: number, cause?: unknown): never => {
          if (asset === undefined) throw new Error(`passgate: fetching the filter from ${url.href} failed (${why})`, { cause });
          throw new DataError(`passgate: fetching ${asset} from ${url.href} failed (${why}). ${DATA_HINT}`, { file: asset, location: url.href, status, cause });
        };
        let res: Response;
        try {
          res = await doFetch(url);
        } catch (err) {
          return fail(err instanceof Error ? err.message : 'network error', undefined, err);
        }
        if (res.status === NOT_FOUND && asset !== undefined) return null;
        if (!res.ok) return fail(`HTTP ${res.status}`, res.status);
        try {
          return { bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type') };
        } catch (err) {
          return fail('the download broke off', res.status, err);
        }
      })();
      // A failed download must not stick: a later checker may retry (e.g. after going online).
      pending.catch(() => cache.delete(key));
      cache.set(key, pending);
    }
    return pending;
  };

  // The manifest is fetched with the first data file; every file is verified against it before use.
  const manifest = async (): Promise<Manifest> => {
    const url = new URL(MANIFEST, base);
    const got = await get(url, MANIFEST);
    if (!got) {
      throw new DataError(`passgate: data manifest ${MANIFEST} not found at ${url.href} (HTTP ${NOT_FOUND}): without it no data file can be verified. ${DATA_HINT}`, { file: MANIFEST, location: url.href, status: NOT_FOUND });
    }
    return parseManifest(got.bytes, url.href, got.type);
  };

  return {
    async readAsset(name) {
      const url = new URL(name, base);
      const got = await get(url, name);
      if (got === null || name === MANIFEST) return got?.bytes ?? null;
      return verifyFile(name, got.bytes, await manifest(), sha256Hex, url.href, got.type);
    },
    locate: (name) => new URL(name, base).href,
    dataHint: DATA_HINT,
    notFoundStatus: NOT_FOUND,
    async readFile() {
      throw new TypeError('`breached: { path }` is not available in browsers; use { url } or { bytes }');
    },
    async fetchBytes(url) {
      return (await get(new URL(String(url), base)))!.bytes;
    },
    // Browsers get the small tier: the 1M filter is several times the size of a page.
    breachedAsset: Assets.breachedSmall,
  };
}

interface Fetched {
  readonly bytes: Uint8Array;
  readonly type: string | null;
}

/**
 * SHA-256 for the manifest check: WebCrypto where the page has it (secure contexts), else
 * @noble/hashes (audited, dependency-free), so a page on plain http is verified too.
 */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle ? new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)) : sha256(bytes);
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

function defaultBaseUrl(): URL {
  return new URL('../data/', import.meta.url);
}

/** The default browser platform: data files from `../data/` relative to the bundle. */
export const browserPlatform: Platform = createBrowserPlatform();
