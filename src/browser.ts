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

export { createBrowserPlatform, type BrowserPlatformOptions };
export * from './exports.js';
// The portable filter module (pure-JS SHA-1), where the Node entry uses filter/node.js.
export {
  buildFilter,
  createFilterBuilder,
  loadFilter,
  FilterFormatError,
  type BreachedFilter,
  type FilterBuilder,
  type FilterOptions,
} from './filter/index.js';
