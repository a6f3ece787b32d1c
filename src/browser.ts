/**
 * The browser entry of passgate: the same API as the Node entry (`src/index.ts`), bound to a
 * platform that fetches the data files over HTTP. No Node built-in may be reachable from here
 * (tsup builds it with `platform: 'browser'`; test/browser checks the bundle).
 */
import { bindApi } from './api.js';
import { browserPlatform, createBrowserPlatform, type BrowserPlatformOptions } from './assets/browser.js';

const api = bindApi(browserPlatform);

/** Loads the lists once (fetched from `../data/` next to the bundle) and returns a checker. */
export const createChecker = api.createChecker;
/** Judges a password with a default checker, created on first use and reused after. */
export const evaluate = api.evaluate;

/**
 * The same API reading its data files from another place, e.g. a CDN:
 * `const { createChecker } = withDataUrl('https://cdn.example/passgate/data/')`.
 */
export function withDataUrl(baseUrl: string | URL, options: Omit<BrowserPlatformOptions, 'baseUrl'> = {}) {
  return bindApi(createBrowserPlatform({ ...options, baseUrl }));
}

/**
 * The same API reading each data file from its own URL, as bundlers give them (README, "Bundlers"):
 * `withDataFiles({ 'global-banned.txt': bannedUrl, 'names.light.txt': namesUrl, … })`. A file the
 * tier needs and the map lacks is a DataError naming it, never a checker without it.
 */
export function withDataFiles(urls: Readonly<Record<string, string | URL>>, options: Omit<BrowserPlatformOptions, 'baseUrl' | 'urls'> = {}) {
  return bindApi(createBrowserPlatform({ ...options, urls }));
}

export { createBrowserPlatform, type BrowserPlatformOptions };
export { LightFiles, type DataTier } from './assets/tiers.js';
export * from './exports.js';
// The portable filter reader (pure-JS SHA-1), where the Node entry uses filter/node.js. The
// builder (`buildFilter`, `createFilterBuilder`) is not in the browser core: pages that check
// passwords never build filters, and every byte here is downloaded by each of them. Building
// in a browser: `passgate/builder` (src/builder.ts). The types stay, for code shared with Node.
export {
  loadFilter,
  FilterFormatError,
  type BreachedFilter,
  type FilterBuilder,
  type FilterBuilderOptions,
  type FilterOptions,
  type KeyType,
  type LoadFilterOptions,
} from './filter/index.js';
