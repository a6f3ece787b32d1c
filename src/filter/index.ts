/**
 * The breached-password filter: a blocked Bloom filter stored in a versioned file format
 * (docs/filter-format.md). Portable entry: no Node built-ins; SHA-1 defaults to pure JS.
 * Node code should import `./node.js`, which defaults to native SHA-1.
 */
export { buildFilter, createFilterBuilder } from './builder.js';
export type { FilterBuilder, FilterBuilderOptions, FilterOptions } from './builder.js';
export { loadFilter } from './load.js';
export type { BreachedFilter, LoadFilterOptions } from './load.js';
export { FilterFormatError } from './errors.js';
export type { KeyType } from './format.js';
export type { Sha1Hex } from './sha1.js';
export { portableSha1Hex } from './sha1-portable.js';
export { blockedBloomFpr, chooseShape } from './sizing.js';
