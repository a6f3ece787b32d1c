import { Assets } from './platform.js';

/**
 * The browser's data tiers. `light` (the browser entry's default) downloads ≤ 300 KB gzip in all,
 * JS included: the same global banned list, the strength dictionary's lists cut to their most
 * common entries, a small breached filter, and no character model. `full` is what Node judges
 * with (the 100k breached filter in browsers). The light tier only drops knowledge, so it can
 * only miss what the full tier rejects, never reject what it accepts (bench/light-tier.ts
 * measures both directions); a page shows its verdict as provisional and the server decides.
 */
export type DataTier = 'light' | 'full';

/** The light tier's file for each shipped file it replaces; files not listed are shared with the full tier. */
export const LightFiles: Readonly<Record<string, string>> = {
  [Assets.commonPasswords]: 'common-passwords.light.txt',
  [Assets.dictionary]: 'dictionary-en.light.txt',
  [Assets.names]: 'names.light.txt',
  [Assets.dictionaryOther]: 'dictionary-other.light.txt',
  [Assets.breachedSmall]: 'breached-light.pgf',
};

/**
 * How much of each list the light tier keeps (the first N: every list is in rank order), and its
 * filter's size. Chosen with bench/light-tier.ts and scripts/bundle-size.ts --tiers (bench/RESULTS.md).
 */
export const LightSizes = {
  [Assets.commonPasswords]: 10_000,
  [Assets.dictionary]: 20_000,
  [Assets.names]: 10_000,
  // Empty: its ranks follow the whole English list's (rankOffset), which a cut list would move up.
  [Assets.dictionaryOther]: 0,
  breachedEntries: 25_000,
  breachedFpr: 0.001,
} as const;
