import { TermIndex, type TermMatch } from '../match/index.js';
import { normaliseTerm, type NormaliserConfig } from '../normalise/normalise.js';

/** Which ranked list a dictionary term came from. */
export type DictionaryKind = 'passwords' | 'english' | 'names' | 'banned';

/**
 * Ranked word lists for the strength estimate, in one exact-match index over folded terms.
 * A term found in several lists keeps its best (lowest) rank, the figure an attacker's ordered
 * guessing would reach it at.
 */
export interface RankedDictionary {
  readonly index: TermIndex;
  readonly rank: readonly number[];
  readonly kind: readonly DictionaryKind[];
  /** The word as listed (lowercase), for messages: the folded form can read oddly (`michaei`). */
  readonly display: readonly string[];
}

/** Words shorter than this are left to brute force: 1–2 letter "words" are everywhere. */
const MIN_WORD_LENGTH = 3;

export function buildDictionary(
  lists: readonly { kind: DictionaryKind; terms: readonly string[] }[],
  config: NormaliserConfig,
): RankedDictionary {
  const best = new Map<string, { rank: number; kind: DictionaryKind; word: string }>();
  for (const { kind, terms } of lists) {
    terms.forEach((term, i) => {
      const folded = normaliseTerm(term, config);
      if (folded.length < MIN_WORD_LENGTH) return;
      const prev = best.get(folded);
      if (!prev || prev.rank > i + 1) best.set(folded, { rank: i + 1, kind, word: term.toLowerCase() });
    });
  }
  const terms: string[] = [];
  const rank: number[] = [];
  const kind: DictionaryKind[] = [];
  const display: string[] = [];
  for (const [term, info] of best) {
    terms.push(term);
    rank.push(info.rank);
    kind.push(info.kind);
    display.push(info.word);
  }
  // Exact matches only: fuzzy dictionary matching would flag most random strings.
  return { index: TermIndex.build(terms, { fuzzyMinLength: 1 << 30 }), rank, kind, display };
}

export function findWords(dict: RankedDictionary, folded: string): TermMatch[] {
  const out: TermMatch[] = [];
  dict.index.findExact(folded, 0, folded.length, out);
  return out;
}
