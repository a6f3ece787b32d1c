import { sha256 } from '@noble/hashes/sha2';
import { Assets, type Platform } from './platform.js';
import { DataError } from '../errors.js';
import { LightFiles, type DataTier } from './tiers.js';
import { MANIFEST, parseManifest, verifyFile, type Manifest } from './integrity.js';

const NOT_FOUND = 404;
const DATA_HINT = "Serve the package's data/ folder there and pass its URL to withDataUrl(), or give each file's URL to withDataFiles()";

export interface BrowserPlatformOptions {
  /**
   * Where the data files (`global-banned.txt`, `dictionary-en.txt`, …) are served. Default: the
   * `data/` folder next to the bundle's `dist/` folder, as laid out in the npm package.
   */
  baseUrl?: string | URL;
  /** The fetch to use (tests, service workers); default: the global one. */
  fetch?: typeof fetch;
  /**
   * Which data files to download (src/assets/tiers.ts). Default `'light'`: ≤ 300 KB gzip in all,
   * shorter word lists, a 25 k breached filter and no character model; `'full'`: the lists Node
   * judges with and the 100 k filter (~1.7 MB gzip). Both read from the same folder.
   */
  tier?: DataTier;
  /**
   * Each data file's own URL, by file name (`'names.light.txt'`): what a bundler gives for an
   * imported asset (`import url from 'passgate/data/names.light.txt?url'` in Vite). With it,
   * `baseUrl` is not used, and a file of the tier that is not listed is missing (a DataError).
   */
  urls?: Readonly<Record<string, string | URL>>;
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
  const light = (options.tier ?? 'light') === 'light';
  if (!light && options.tier !== 'full') throw new RangeError("`tier` must be 'light' or 'full'");
  // The engine asks for files by their full-tier name; the light tier serves its own in their place.
  const file = (name: string) => (light ? LightFiles[name] ?? name : name);

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

  const urls = options.urls;
  const urlOf = (name: string): URL | null => {
    if (!urls) return new URL(file(name), base);
    const given = Object.hasOwn(urls, file(name)) ? urls[file(name)] : undefined;
    return given === undefined ? null : new URL(String(given), globalThis.location?.href);
  };

  // The manifest is fetched with the first data file; every file is verified against it before use.
  const manifest = async (): Promise<Manifest> => {
    const url = urlOf(MANIFEST);
    const got = url && (await get(url, MANIFEST));
    if (!got) {
      const where = url?.href ?? `the urls given (none for ${MANIFEST})`;
      throw new DataError(`passgate: data manifest ${MANIFEST} not found at ${where}${url ? ` (HTTP ${NOT_FOUND})` : ''}: without it no data file can be verified. ${DATA_HINT}`, { file: MANIFEST, location: where, status: url ? NOT_FOUND : undefined });
    }
    return parseManifest(got.bytes, url!.href, got.type);
  };

  return {
    async readAsset(name) {
      const url = urlOf(name);
      const got = url && (await get(url, file(name)));
      if (!got || name === MANIFEST) return got?.bytes ?? null;
      return verifyFile(file(name), got.bytes, await manifest(), sha256Hex, url!.href, got.type);
    },
    locate: (name) => urlOf(name)?.href ?? `the urls given (none for ${file(name)})`,
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
    withoutModel: light,
    fileOf: file,
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
  // Not `new URL('../data/', import.meta.url)` in one expression: bundlers read that as an asset
  // to emit (Vite warned on every build that the folder does not exist). A bundled app passes its
  // data URLs instead (withDataFiles, withDataUrl; README "Bundlers").
  const here = import.meta.url;
  return new URL('../data/', here);
}

/** The default browser platform: the light tier's data files from `../data/` relative to the bundle. */
export const browserPlatform: Platform = createBrowserPlatform();
