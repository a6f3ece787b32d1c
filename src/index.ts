import { bindApi } from './api.js';
import { nodePlatform } from './assets/node.js';

const api = bindApi(nodePlatform);

/** Loads the lists once and returns a checker. Throws TypeError/RangeError on bad options. */
export const createChecker = api.createChecker;
/** Judges a password with a default checker, created on first use and reused after. */
export const evaluate = api.evaluate;

export * from './exports.js';
export {
  buildFilter,
  createFilterBuilder,
  loadFilter,
  FilterFormatError,
  type BreachedFilter,
  type FilterBuilder,
  type FilterOptions,
} from './filter/node.js';
