import { TermIndex, type TermMatch } from './term-index.js';

/**
 * Exact multi-term matching over a fixed list: what the strength dictionary and the banned
 * lists' exact step need. Two implementations answer identically (property-tested): the compact
 * `ExactTrie` (fewer cache misses at high volume: Node's choice) and a `TermIndex` with no
 * fuzzy keys (the index browsers already ship for fuzzy matching, so the trie stays out of
 * their bundle). The platform picks one (`Platform.exactMatcher`).
 */
export interface ExactMatcher {
  /** Number of distinct non-empty terms. */
  readonly size: number;
  readonly minTermLength: number;
  readonly maxTermLength: number;
  /** Term ids are below this (the length of the list it was built from). */
  readonly idLimit: number;
  /** Appends every window of text[from..to) equal to a term, sorted by start, then end. */
  findExact(text: string, from: number, to: number, out: TermMatch[]): void;
  /** The id reported for the term equal to `s` (its first occurrence in the list), or -1. */
  idOf(s: string): number;
  /** The term with this id. @throws RangeError for an unknown id. */
  term(termId: number): string;
}

/** Builds a matcher over `terms`; a match's termId is the index of the term's first occurrence. */
export type ExactMatcherFactory = (terms: readonly string[]) => ExactMatcher;

/** The portable choice: a hashed TermIndex without fuzzy keys. */
export const hashedExactMatcher: ExactMatcherFactory = (terms) => TermIndex.build(terms, { fuzzyMinLength: 1 << 30 });
