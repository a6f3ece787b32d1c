import { hashedExactMatcher, type ExactMatcher, type ExactMatcherFactory } from '../match/exact-matcher.js';
import type { TermMatch } from '../match/index.js';
import type { RankedDictionary } from './dictionary.js';

/**
 * Banned terms as seen from the strength dictionary. The dictionary is folded with the same
 * normaliser as the banned lists and already holds most banned terms (the global list is one of
 * its sources), so one scan of its exact matcher finds both the words the estimate prices and the
 * exact banned matches the points rule needs: scanning the same text a second time for banned
 * terms was ~20 % of the time on long passwords. Banned terms the dictionary lacks (custom words,
 * terms shorter than its minimum) go to a small matcher of their own.
 */
export interface BannedWordLink {
  /** Bit per dictionary term id: set iff the term is also a banned term. */
  readonly isBanned: Uint32Array;
  /** Dictionary term id → banned term id, for the ids whose bit is set. */
  readonly bannedId: ReadonlyMap<number, number>;
  /** The banned terms the dictionary does not hold (ids as in the banned lists); null if none. */
  readonly rest: ExactMatcher | null;
}

/**
 * Links folded banned terms (by banned id) to the dictionary. A term listed twice keeps its
 * first id, as the banned lists' own indexes report it.
 */
export function linkBannedWords(
  dict: RankedDictionary,
  bannedFolded: readonly string[],
  build: ExactMatcherFactory = hashedExactMatcher,
): BannedWordLink {
  const isBanned = new Uint32Array((dict.index.idLimit >>> 5) + 1);
  const bannedId = new Map<number, number>();
  const rest: string[] = [];
  let restCount = 0;
  for (let j = 0; j < bannedFolded.length; j++) {
    const term = bannedFolded[j]!;
    const id = dict.index.idOf(term);
    if (id < 0) {
      rest.push(term);
      if (term.length > 0) restCount++;
      continue;
    }
    rest.push(''); // keeps ids aligned; empty terms are not indexed
    if (!bannedId.has(id)) {
      bannedId.set(id, j);
      isBanned[id >>> 5]! |= 1 << (id & 31);
    }
  }
  return { isBanned, bannedId, rest: restCount > 0 ? build(rest) : null };
}

/** What one scan of a folded password found: dictionary words and exact banned terms. */
export interface WordScan {
  /** Dictionary matches (term ids of the dictionary), sorted by start, then end. */
  readonly words: TermMatch[];
  /** Exact banned-term matches (term ids of the banned lists), in no particular order. */
  readonly banned: TermMatch[];
}

export function scanWords(dict: RankedDictionary, link: BannedWordLink, folded: string): WordScan {
  const words: TermMatch[] = [];
  dict.index.findExact(folded, 0, folded.length, words);
  const banned: TermMatch[] = [];
  const { isBanned, bannedId } = link;
  for (let k = 0; k < words.length; k++) {
    const m = words[k]!;
    const id = m.termId;
    if ((isBanned[id >>> 5]! & (1 << (id & 31))) !== 0) {
      banned.push({ start: m.start, end: m.end, termId: bannedId.get(id)!, distance: 0 });
    }
  }
  link.rest?.findExact(folded, 0, folded.length, banned);
  return { words, banned };
}
