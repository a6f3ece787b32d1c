import { TermIndex, type TermMatch } from '../match/index.js';
import type { ExactMatcherFactory } from '../match/exact-matcher.js';
import { deferred } from '../engine/deferred.js';
import { normaliseTerm, type NormaliserConfig } from '../normalise/normalise.js';

export type ListSource = 'global' | 'custom';

/** The banned lists' index: one TermIndex, or a precompiled global one under the custom terms'. */
export type BannedIndex = Pick<TermIndex, 'size' | 'minTermLength' | 'maxTermLength' | 'findExact' | 'findFuzzy'>;

/** A precompiled index of the global list, and how to put the custom terms' index on top of it. */
export interface PrebuiltGlobal {
  readonly index: TermIndex;
  /** StackedIndex, passed in by the Node platform so that browser bundles don't carry it. */
  readonly stack: (custom: TermIndex, customTerms: readonly string[], global: TermIndex) => BannedIndex;
}

/** What the points rule needs of the banned lists: exact matches, and matches one edit away. */
export interface BannedMatcher {
  readonly size: number;
  findExact(text: string, from: number, to: number, out: TermMatch[]): void;
  readonly fuzzy: Pick<TermIndex, 'findFuzzy'>;
}

/**
 * The global and custom banned lists folded into one index, as Entra combines them before
 * matching. Each folded term remembers the list it came from (custom wins a tie: it is the
 * organisation's own word), the term as the administrator wrote it, and its rank for the
 * strength estimate (custom terms are the first words a targeted attacker tries).
 */
export interface BannedLists {
  /** Exact matches from a compact trie once built (fewer cache misses), fuzzy ones from the deletion index. */
  readonly index: BannedMatcher & Pick<TermIndex, 'minTermLength' | 'maxTermLength'>;
  /**
   * The terms as matched (normalised), by term id: custom terms first, then global ones.
   * Computed on first use (only the idle-time speed-ups need them when the global index was
   * precompiled).
   */
  readonly folded: () => readonly string[];
  readonly display: readonly string[];
  readonly source: readonly ListSource[];
  readonly rank: readonly number[];
  readonly globalCount: number;
  readonly customCount: number;
  /**
   * Builds the speed-ups `createChecker` leaves for an idle moment (identical answers before and
   * after, a little slower before): the dedicated exact matcher (Node: a compact trie, ~17 ms of
   * cold code) and, when custom terms sit on a precompiled global index, one index over both.
   */
  readonly upgrade: () => void;
}

/** A caller that never yields to the event loop (a tight batch loop) gets the trie after this many evaluations. */
const UPGRADE_AFTER_CALLS = 256;

export function buildBannedLists(
  global: readonly string[],
  custom: readonly string[],
  config: NormaliserConfig,
  fuzzyMinLength: number,
  exactMatcher?: ExactMatcherFactory,
  prebuilt?: PrebuiltGlobal | null,
): BannedLists {
  const display: string[] = [];
  const source: ListSource[] = [];
  const rank: number[] = [];
  custom.forEach((term, i) => {
    display.push(term.toLowerCase());
    source.push('custom');
    rank.push(i + 1);
  });
  global.forEach((term, i) => {
    display.push(term.toLowerCase());
    source.push('global');
    rank.push(i + 1);
  });
  const customFolded = custom.map((term) => normaliseTerm(term, config));
  let allFolded: string[] | null = null;
  const folded = (): string[] => (allFolded ??= customFolded.concat(global.map((term) => normaliseTerm(term, config))));
  const options = { fuzzyMinLength: Number.isFinite(fuzzyMinLength) ? fuzzyMinLength : 1 << 30 };
  // A precompiled global index (Node, default lists) is stacked under the custom terms' own
  // small index; otherwise one index is built over both lists.
  const stacked = prebuilt != null && custom.length > 0;
  const first: BannedIndex = !prebuilt
    ? TermIndex.build(folded(), options)
    : stacked
      ? prebuilt.stack(TermIndex.build(customFolded, options), customFolded, prebuilt.index)
      : prebuilt.index;
  // Stacked, every query prepares two indexes (~9 % of an evaluation): once idle, one index over
  // both lists replaces the pair, as the exact trie replaces the deletion index below.
  const single = stacked ? deferred(() => TermIndex.build(folded(), options), UPGRADE_AFTER_CALLS) : null;
  const fuzzy: Pick<TermIndex, 'findFuzzy'> = single
    ? { findFuzzy: (text, from, to, out) => (single.peek() ?? first).findFuzzy(text, from, to, out) }
    : first;
  // Without a dedicated matcher (browsers) the deletion index keeps serving exact matches.
  const exact = exactMatcher ? deferred(() => exactMatcher(folded()), UPGRADE_AFTER_CALLS) : null;
  const index = {
    size: first.size,
    minTermLength: first.minTermLength,
    maxTermLength: first.maxTermLength,
    findExact: (text: string, from: number, to: number, out: TermMatch[]) => {
      (exact?.peek() ?? single?.peek() ?? first).findExact(text, from, to, out);
    },
    fuzzy,
  };
  const upgrade = (): void => {
    single?.build();
    exact?.build();
  };
  return { index, upgrade, folded, display, source, rank, globalCount: global.length, customCount: custom.length };
}
