/**
 * `passgate/builder`: the breached-password filter builder on its own, for building filters in
 * a browser (or any host without `node:crypto`; SHA-1 in pure JS). The browser entry leaves the
 * builder out so that pages which only check passwords do not download it. In Node, import the
 * same functions from `passgate`, where 'sha1' filters use Node's native SHA-1.
 */
export { buildFilter, createFilterBuilder } from './filter/index.js';
export type { FilterBuilder, FilterBuilderOptions, FilterOptions, KeyType } from './filter/index.js';
