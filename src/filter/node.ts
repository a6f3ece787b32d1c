/**
 * Node entry for the filter: the same API as `./index.js`, but SHA-1 ('sha1' filters) defaults
 * to Node's native crypto. Never import this from browser code.
 */
import { buildFilter as buildPortable, createFilterBuilder as createPortable } from './builder.js';
import type { FilterBuilder, FilterBuilderOptions, FilterOptions } from './builder.js';
import { loadFilter as loadPortable } from './load.js';
import type { BreachedFilter, LoadFilterOptions } from './load.js';
import { nodeSha1Hex } from './sha1-node.js';

export * from './index.js';
export { nodeSha1Hex } from './sha1-node.js';
export { openFilterFile } from './file.js';
export type { OpenFilterOptions } from './file.js';

export function loadFilter(bytes: Uint8Array, options: LoadFilterOptions = {}): BreachedFilter {
  return loadPortable(bytes, { sha1: nodeSha1Hex, ...options });
}

export function createFilterBuilder(options: FilterBuilderOptions): FilterBuilder {
  return createPortable({ sha1: nodeSha1Hex, ...options });
}

export function buildFilter(keys: Iterable<string>, options: FilterOptions = {}): Uint8Array {
  return buildPortable(keys, { sha1: nodeSha1Hex, ...options });
}
