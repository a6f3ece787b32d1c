import { hashedExactMatcher, type ExactMatcher, type ExactMatcherFactory } from '../match/exact-matcher.js';
import type { TermMatch } from '../match/index.js';
import { normaliseTerm, type NormaliserConfig } from '../normalise/normalise.js';

/** Which ranked list a dictionary term came from. */
export const DICTIONARY_KINDS = ['passwords', 'english', 'names', 'banned', 'other'] as const;
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

/**
 * Ranked word lists for the strength estimate, in one exact-match trie over folded terms.
 * A term found in several lists keeps its best (lowest) rank, the figure an attacker's ordered
 * guessing would reach it at.
 */
export interface RankedDictionary {
  /**
   * Exact matches only (fuzzy dictionary matching would flag most random strings). In Node a
   * compact trie, which stays mostly in cache across many different passwords where the hashed
   * TermIndex missed on nearly every probe (see Platform.exactMatcher).
   */
  readonly index: ExactMatcher;
  /** 1-based rank by term id. */
  readonly rank: ArrayLike<number>;
  /** Index into DICTIONARY_KINDS by term id. */
  readonly kind: ArrayLike<number>;
  /** The word as listed (lowercase), for messages: the folded form can read oddly (`michaei`). */
  word(id: number): string;
}

/** Words shorter than this are left to brute force: 1–2 letter "words" are everywhere. */
const MIN_WORD_LENGTH = 3;

export interface DictionaryList {
  readonly kind: DictionaryKind;
  readonly terms: readonly string[];
  /** Added to every rank of this list: the other-language words rank after every English word. */
  readonly rankOffset?: number;
}

/** The folded, deduplicated, ranked terms, before indexing: what the data build precompiles. */
export interface DictionaryTerms {
  readonly folded: string[];
  readonly words: string[];
  readonly rank: Uint32Array;
  readonly kind: Uint8Array;
}

/** The shipped lists' texts, by what they hold (see Assets). */
export interface ShippedLists {
  readonly passwords: readonly string[];
  readonly banned: readonly string[];
  readonly english: readonly string[];
  readonly names: readonly string[];
  /** Other-language words (empty when the data build had none). */
  readonly other: readonly string[];
}

/**
 * The shipped lists in the order the dictionary takes them, for the checker (built at run time)
 * and the data build (precompiled) alike. The other-language words have no frequencies: they
 * rank after every English word.
 */
export function shippedDictionaryLists(lists: ShippedLists): DictionaryList[] {
  return [
    { kind: 'passwords', terms: lists.passwords },
    { kind: 'banned', terms: lists.banned },
    { kind: 'english', terms: lists.english },
    { kind: 'names', terms: lists.names },
    { kind: 'other', terms: lists.other, rankOffset: lists.english.length },
  ];
}

export function collectDictionary(lists: readonly DictionaryList[], config: NormaliserConfig): DictionaryTerms {
  const at = new Map<string, number>();
  const folded: string[] = [];
  const words: string[] = [];
  const rank: number[] = [];
  const kind: number[] = [];
  for (const list of lists) {
    const k = DICTIONARY_KINDS.indexOf(list.kind);
    const offset = list.rankOffset ?? 0;
    list.terms.forEach((term, position) => {
      const i = offset + position;
      const f = normaliseTerm(term, config);
      if (f.length < MIN_WORD_LENGTH) return;
      const id = at.get(f);
      if (id === undefined) {
        at.set(f, folded.length);
        folded.push(f);
        words.push(term.toLowerCase());
        rank.push(i + 1);
        kind.push(k);
      } else if (rank[id]! > i + 1) {
        rank[id] = i + 1;
        kind[id] = k;
        words[id] = term.toLowerCase();
      }
    });
  }
  return { folded, words, rank: Uint32Array.from(rank), kind: Uint8Array.from(kind) };
}

/**
 * The strength estimate's dictionary at run time: the lists folded, ranked and indexed for exact
 * matches. (The data build's English word list, dictionary-en.txt, comes from
 * scripts/build-wordlists.ts `rankEnglishWords`.)
 */
export function buildRankedDictionary(
  lists: readonly DictionaryList[],
  config: NormaliserConfig,
  build: ExactMatcherFactory = hashedExactMatcher,
): RankedDictionary {
  const t = collectDictionary(lists, config);
  const index = build(t.folded);
  return { index, rank: t.rank, kind: t.kind, word: (id) => t.words[id] ?? index.term(id) };
}

export function findWords(dict: RankedDictionary, folded: string): TermMatch[] {
  const out: TermMatch[] = [];
  dict.index.findExact(folded, 0, folded.length, out);
  return out;
}
