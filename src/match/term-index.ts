import { HASH_BASE, PREFIX_SALT, DELETE_SALT, EXACT_SALT, mixKey, powerTable, prefixHashes } from './hash.js';
import type { KeyTable } from './key-table.js';
import type { ReachFilter } from './reach-filter.js';
import { TermIndexBuilder } from './term-index-builder.js';
import { DELETION, INSERTION, SUBSTITUTION, TermProbes } from './term-probes.js';
import { TextReach } from './term-reach.js';
import { TermStore } from './term-store.js';

/** One occurrence of a term in a text: `text.slice(start, end)` is within `distance` of it. */
export interface TermMatch {
  start: number;
  end: number;
  termId: number;
  distance: 0 | 1;
}

export interface TermIndexOptions {
  /** Terms shorter than this are only matched exactly (default 0 = all terms fuzzy). */
  fuzzyMinLength?: number;
}

/**
 * Index of banned terms answering "which windows of this text equal a term, or are one edit
 * away from one" without scanning the term list.
 *
 * Design (symmetric deletion, position-checked): the table holds every term under its own
 * hash (EXACT keys) and, for fuzzy terms, under the hash of each one-unit deletion (DELETE
 * keys). For a window w of length M, a term t with leven(w, t) = 1 is
 *   - a substitution (|t| = M):   w minus unit i  = t minus unit i   → DELETE probe per i
 *   - an insertion   (|t| = M-1): w minus unit i  = t                → EXACT probe per i
 *   - a deletion     (|t| = M+1): w              = t minus some unit → one DELETE probe
 * Every probe is a rolling-hash key computed in O(1) from prefix hashes (no strings are
 * built), and every candidate is verified unit by unit, so hash collisions can cost time but
 * never produce a wrong answer.
 *
 * Probes are skipped when they cannot succeed, using small structures that stay in cache, so
 * that the big table (in DRAM at 1 M terms) sees few probes:
 *   - window lengths no term length (±1) reaches;
 *   - units that occur in no term: a window can absorb at most one such "foreign" unit (as
 *     the edited unit), so two stop the scan from that start, and one fixes the edit position;
 *   - reach: P(s), how far text from s can run along some term's prefix, and S(e), how far
 *     text ending at e can run back along some term's suffix (approximate filters, never
 *     short). A one-edit match of window [s, e) edited at unit i keeps w[0..i) as a prefix
 *     and the rest as a suffix of the term, so i − s ≤ P(s) and e − i − 1 ≤ S(e): usually
 *     only a unit or two qualify, instead of every unit of the window.
 *
 * Results are appended to `out` sorted by start, then end, then termId; each (start, end,
 * termId) appears once. Not re-entrant: queries share scratch buffers (JS is single-threaded,
 * so this only matters if a caller re-enters from inside a query, which the API never does).
 */
export class TermIndex {
  /** Number of distinct non-empty terms. */
  readonly size: number;
  /** Longest term, in UTF-16 units (0 for an empty index). */
  readonly maxTermLength: number;
  /** Shortest term, in UTF-16 units (0 for an empty index). */
  readonly minTermLength: number;

  private readonly store: TermStore;
  private readonly table: KeyTable;
  /** Internal (dense) id → caller's termId; null when they are the same. */
  private readonly externalIds: Int32Array | null;
  /** Caller's termId → internal id (-1 for empty strings); null when they are the same. */
  private readonly internalIds: Int32Array | null;
  private readonly fuzzyMinLength: number;
  private readonly maxFuzzyLength: number;
  /** exactLengths[L] = 1 iff some term has length L. */
  private readonly exactLengths: Uint8Array;
  /** fuzzyLengths[L] = 1 iff some term of length L is fuzzy-matched. */
  private readonly fuzzyLengths: Uint8Array;
  /** The shortest window one edit from a fuzzy term (its shortest length − 1, a deletion):
   * findFuzzy over a shorter range has nothing to find, and skips preparing it. */
  private readonly minFuzzyWindow: number;
  /** Bit per UTF-16 unit: set iff the unit occurs in some term (8 KiB, stays in L1/L2). */
  private readonly alphabet: Uint32Array;
  /** Bit per UTF-16 unit: set iff some term starts with it (the length-1 prefixes, exactly). */
  private readonly firstUnits: Uint32Array;
  /** Approximate sets of term prefixes and suffixes, keyed by (length, hash). */
  private readonly prefixes: ReachFilter;
  private readonly suffixes: ReachFilter;
  /** The table probes (term-probes.ts) and the per-text reach state (term-reach.ts). */
  private readonly probes: TermProbes;
  private readonly reach: TextReach;

  /** @internal Built by `TermIndex.build` or `termIndexFromBytes` (term-index-bytes.ts). */
  constructor(
    store: TermStore,
    externalIds: Int32Array | null,
    internalIds: Int32Array | null,
    fuzzyMinLength: number,
    minTermLength: number,
    maxTermLength: number,
    maxFuzzyLength: number,
    table: KeyTable,
    exactLengths: Uint8Array,
    fuzzyLengths: Uint8Array,
    alphabet: Uint32Array,
    firstUnits: Uint32Array,
    prefixes: ReachFilter,
    suffixes: ReachFilter,
  ) {
    this.store = store;
    this.size = store.size;
    this.externalIds = externalIds;
    this.internalIds = internalIds;
    this.fuzzyMinLength = fuzzyMinLength;
    this.minTermLength = minTermLength;
    this.maxTermLength = maxTermLength;
    this.maxFuzzyLength = maxFuzzyLength;
    this.table = table;
    this.exactLengths = exactLengths;
    this.fuzzyLengths = fuzzyLengths;
    let shortest = 0;
    while (shortest < fuzzyLengths.length && fuzzyLengths[shortest] !== 1) shortest++;
    this.minFuzzyWindow = Math.max(1, shortest - 1);
    this.alphabet = alphabet;
    this.firstUnits = firstUnits;
    this.prefixes = prefixes;
    this.suffixes = suffixes;
    this.probes = new TermProbes(table, store, externalIds);
    this.reach = new TextReach(prefixes, suffixes, firstUnits, maxTermLength);
  }

  /**
   * Builds an index over `terms`. Duplicates are merged and empty strings ignored; a match's
   * `termId` is the index in `terms` of the term's first occurrence.
   * @throws TypeError if a term is not a string; RangeError if `fuzzyMinLength` is not a
   *   non-negative integer.
   */
  static build(terms: readonly string[], options?: TermIndexOptions): TermIndex {
    const fuzzyMinLength = options?.fuzzyMinLength ?? 0;
    if (!Number.isInteger(fuzzyMinLength) || fuzzyMinLength < 0) {
      throw new RangeError('`fuzzyMinLength` must be a non-negative integer');
    }
    const b = new TermIndexBuilder(terms, fuzzyMinLength);
    for (let i = 0; i < terms.length; i++) b.add(terms[i]!, i);
    b.prefixes.seal();
    b.suffixes.seal();
    const { count, at, unitCount } = b;
    // Duplicates leave slack at the end of the arrays; copy only when it is worth the bytes.
    const identity = count === terms.length;
    const store = new TermStore(
      at * 8 < unitCount * 7 ? b.units.slice(0, at) : b.units.subarray(0, at),
      b.offsets.subarray(0, count + 1),
    );
    return new TermIndex(
      store,
      identity ? null : b.externalIds.slice(0, count),
      identity ? null : b.internalIds,
      fuzzyMinLength,
      count === 0 ? 0 : b.min,
      b.max,
      b.maxFuzzy,
      b.table,
      b.exactLengths,
      b.fuzzyLengths,
      b.alphabet,
      b.firstUnits,
      b.prefixes,
      b.suffixes,
    );
  }

  /** The term with this id (as reported in a `TermMatch`). @throws RangeError for an unknown id. */
  term(termId: number): string {
    const id = this.internalIds ? (this.internalIds[termId] ?? -1) : termId;
    if (!Number.isInteger(id) || id < 0 || id >= this.size) {
      throw new RangeError(`unknown termId ${termId}`);
    }
    return this.store.text(id);
  }

  /** Whether `s` is exactly one of the terms. */
  has(s: string): boolean {
    return this.idOf(s) >= 0;
  }

  /** The id `findExact` reports for the term equal to `s`, or -1 if `s` is not a term. */
  idOf(s: string): number {
    const len = s.length;
    if (len === 0 || len > this.maxTermLength || this.exactLengths[len] === 0) return -1;
    const p = this.reach.scratch(len);
    this.reach.forget(); // the scratch no longer holds the prepared range's hashes
    prefixHashes(s, 0, len, p);
    const before = this.hits.length;
    this.probes.exactWindow(s, 0, len, p[len]!, this.hits);
    const id = this.hits.length > before ? this.hits[before]!.termId : -1;
    this.hits.length = before;
    return id;
  }

  /** Term ids are below this: the length of the list the index was built from. */
  get idLimit(): number {
    return this.internalIds ? this.internalIds.length : this.size;
  }

  /** Scratch for `has`, which reuses the window probe. */
  private readonly hits: TermMatch[] = [];

  /**
   * Appends every (start, end, termId) with `text.slice(start, end) === term` and
   * `from <= start < end <= to` (bounds are clamped to the text), sorted by start, end, termId.
   */
  findExact(text: string, from: number, to: number, out: TermMatch[]): void {
    from = Math.max(0, from);
    to = Math.min(text.length, to);
    if (!(to > from) || this.size === 0) return;
    if (this.maxFuzzyLength === 0) {
      this.streamExact(text, from, to, out);
      return;
    }
    // A fuzzy index will usually be asked findFuzzy on (part of) the same text next: compute
    // the shared hashes and reach arrays once.
    const { reach, probes } = this;
    const p = reach.prepare(text, from, to);
    const base = reach.from;
    const pow = powerTable(reach.to - base);
    const { alphabet, exactLengths } = this;
    const { prefixReach, suffixReach } = reach;
    for (let s = from; s < to; s++) {
      // A term equal to text[s..e) is a prefix run of length e - s: e - s <= P(s).
      const last = Math.min(to, s + this.maxTermLength, s + prefixReach[s - base]!);
      for (let e = s + 1; e <= last; e++) {
        const u = text.charCodeAt(e - 1);
        if ((alphabet[u >>> 5]! & (1 << (u & 31))) === 0) break;
        const m = e - s;
        if (exactLengths[m] === 0 || suffixReach[e - base]! < m) continue;
        const h = (p[e - base]! - Math.imul(p[s - base]!, pow[m]!)) | 0;
        probes.exactWindow(text, s, e, h, out);
      }
    }
  }

  /**
   * findExact for an exact-only index, in one pass with no scratch arrays: from each start the
   * window's hash is extended a unit at a time and the walk stops at the first prefix no term
   * has. Nothing else will reuse per-text state, so computing all prefix hashes and both reach
   * arrays up front (prepare) would be wasted work — it was most of the cost on short texts.
   */
  private streamExact(text: string, from: number, to: number, out: TermMatch[]): void {
    const { alphabet, firstUnits, exactLengths, prefixes, probes } = this;
    const maxLen = this.maxTermLength;
    for (let s = from; s < to; s++) {
      const u0 = text.charCodeAt(s);
      if ((firstUnits[u0 >>> 5]! & (1 << (u0 & 31))) === 0) continue;
      const last = Math.min(to, s + maxLen);
      let h = u0; // H(text[s..s+1)) = the unit itself
      for (let e = s + 1; ; ) {
        const m = e - s;
        // Length 1 is not in the filter (firstUnits holds it); length-1 terms are rare.
        const state = m === 1 ? 3 : prefixes.state(mixKey(h, m, PREFIX_SALT), m);
        if (state === 0) break;
        if (state === 3 && exactLengths[m] === 1) {
          probes.exactWindow(text, s, e, h, out);
        }
        if (e === last) break;
        const u = text.charCodeAt(e);
        if ((alphabet[u >>> 5]! & (1 << (u & 31))) === 0) break;
        h = (Math.imul(h, HASH_BASE) + u) | 0;
        e++;
      }
    }
  }

  /**
   * Appends every (start, end, termId) with `leven(text.slice(start, end), term) === 1`,
   * `from <= start < end <= to` (bounds clamped to the text), for terms at least
   * `fuzzyMinLength` long; sorted by start, end, termId, without duplicates.
   */
  findFuzzy(text: string, from: number, to: number, out: TermMatch[]): void {
    from = Math.max(0, from);
    to = Math.min(text.length, to);
    if (!(to > from) || this.maxFuzzyLength === 0 || to - from < this.minFuzzyWindow) return;
    const { reach, probes } = this;
    const p = reach.prepare(text, from, to);
    // Arrays are indexed from the prepared range's start, which may lie before `from`.
    const base = reach.from;
    const pow = powerTable(reach.to - base);
    const { alphabet, fuzzyLengths } = this;
    const { prefixReach, suffixReach } = reach;
    const maxReach = reach.maxSuffix;
    for (let s = from; s < to; s++) {
      const a = s - base;
      // Reach computed over a wider range can exceed to - s or e - from: still an upper bound
      // on what a match inside [from, to) can use, so every test below stays sound.
      const reachP = prefixReach[a]!;
      // Past this length no edit position satisfies both reach bounds (S(e) <= maxReach), and
      // no deletion fits either (m <= P(s) + S(e)).
      const last = Math.min(to, s + this.maxFuzzyLength + 1, s + reachP + maxReach + 1);
      let foreign = -1; // position of the window's one unit found in no term, if any
      for (let e = s + 1; e <= last; e++) {
        const u = text.charCodeAt(e - 1);
        if ((alphabet[u >>> 5]! & (1 << (u & 31))) === 0) {
          if (foreign >= 0) break;
          foreign = e - 1;
        }
        const m = e - s;
        const b = e - base;
        const reachS = suffixReach[b]!;
        // Edit positions i allowed by reach: i - s <= P(s) and e - i - 1 <= S(e).
        let lo = Math.max(s, e - 1 - reachS);
        let hi = Math.min(e, s + reachP + 1); // exclusive
        if (foreign >= 0) {
          lo = Math.max(lo, foreign);
          hi = Math.min(hi, foreign + 1);
        }
        // Substitution: same length, the same unit deleted on both sides.
        if (fuzzyLengths[m] === 1) {
          for (let i = lo; i < hi; i++) {
            const c = i - base;
            const w = pow[b - c - 1]!;
            const left = (p[c]! - Math.imul(p[a]!, pow[c - a]!)) | 0;
            const h = (Math.imul(left, w) + p[b]! - Math.imul(p[c + 1]!, w)) | 0;
            probes.plan(SUBSTITUTION, s, e, i, mixKey(h, m - 1, DELETE_SALT));
          }
        }
        // Insertion: the window minus one unit is a term.
        if (m >= 2 && fuzzyLengths[m - 1] === 1) {
          for (let i = lo; i < hi; i++) {
            // Deleting any unit of a run gives the same string: probe it once.
            if (i > lo && text.charCodeAt(i) === text.charCodeAt(i - 1)) continue;
            const c = i - base;
            const w = pow[b - c - 1]!;
            const left = (p[c]! - Math.imul(p[a]!, pow[c - a]!)) | 0;
            const h = (Math.imul(left, w) + p[b]! - Math.imul(p[c + 1]!, w)) | 0;
            probes.plan(INSERTION, s, e, i, mixKey(h, m - 1, EXACT_SALT));
          }
        }
        // Deletion: the window is a term minus one unit (so it has no foreign unit), split
        // at the deleted unit into a prefix and a suffix of the term.
        if (foreign < 0 && fuzzyLengths[m + 1] === 1 && reachP + reachS >= m) {
          const h = (p[b]! - Math.imul(p[a]!, pow[m]!)) | 0;
          probes.plan(DELETION, s, e, 0, mixKey(h, m, DELETE_SALT));
        }
      }
    }
    probes.run(text, out);
  }
}
