import { bindApi } from './api.js';
import { createNodePlatform, nodePlatform } from './assets/node.js';

const api = bindApi(nodePlatform);

/**
 * Loads the lists once and returns a checker. Rejects with TypeError/RangeError on bad options,
 * and with DataError when a data file the options need is missing or damaged.
 */
export const createChecker = api.createChecker;
/** Judges a password with a default checker, created on first use and reused after. */
export const evaluate = api.evaluate;

/**
 * The same API reading its data files from another folder, e.g. where a bundled app copied the
 * package's `data/`: `const { createChecker } = withDataDir('/opt/app/passgate-data')`. Setting
 * `PASSGATE_DATA_DIR` does the same for the default functions (and the CLI and service).
 */
export function withDataDir(dataDir: string) {
  return bindApi(createNodePlatform({ dataDir }));
}

export * from './exports.js';
export { PopularityStoreError } from './popularity/store.js';
export type { PopularityOptions } from './popularity/options.js';
export type { PopularityStats } from './popularity/types.js';
export {
  buildFilter,
  createFilterBuilder,
  loadFilter,
  FilterFormatError,
  type BreachedFilter,
  type FilterBuilder,
  type FilterBuilderOptions,
  type FilterOptions,
  type KeyType,
  type LoadFilterOptions,
} from './filter/node.js';
