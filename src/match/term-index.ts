import {
  DELETE_SALT, EXACT_SALT, HASH_BASE, PREFIX_SALT, SUFFIX_SALT, mixKey, powerTable, prefixHashes,
} from './hash.js';
import { KeyTable } from './key-table.js';
import { ReachFilter } from './reach-filter.js';
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
 * Share of table slots filled. Linear probing at 0.7 inspects ~2 words on a hit and ~6 on a
 * miss, all usually in one 64-byte line, which is what matters once the table is in DRAM.
 */
const LOAD_FACTOR = 0.7;

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
  /** Bit per UTF-16 unit: set iff the unit occurs in some term (8 KiB, stays in L1/L2). */
  private readonly alphabet: Uint32Array;
  /** Bit per UTF-16 unit: set iff some term starts with it (the length-1 prefixes, exactly). */
  private readonly firstUnits: Uint32Array;
  private prefix = new Int32Array(64);
  /** Approximate sets of term prefixes and suffixes, keyed by (length, hash). */
  private readonly prefixes: ReachFilter;
  private readonly suffixes: ReachFilter;
  /** Per-query reach: prefixReach[s - from] = P(s), suffixReach[e - from] = S(e). */
  private prefixReach = new Int32Array(64);
  private suffixReach = new Int32Array(64);
  /** The (text, from, to) whose reach is in the arrays above: findExact + findFuzzy share it. */
  private reachText: string | null = null;
  private reachFrom = 0;
  private reachTo = 0;
  /** The largest suffix reach in the prepared range: bounds how long a matching window can be. */
  private maxSuffixReach = 0;
  /** Index in `out` where the current window's matches begin (see `seen`). */
  private windowStart = 0;
  /** findFuzzy's queued probes: key, (kind, start, end), edit position (see runPlan). */
  private planKeys = new Uint32Array(64);
  private planSpans = new Int32Array(3 * 64);
  private planEdits = new Int32Array(64);
  private planned = 0;
  /** Keeps runPlan's prefetching reads observable, so they are not optimised away. */
  private touched = 0;

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
    this.alphabet = alphabet;
    this.firstUnits = firstUnits;
    this.prefixes = prefixes;
    this.suffixes = suffixes;
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
    const b = new Builder(terms, fuzzyMinLength);
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
    const p = this.scratch(len);
    this.reachText = null; // the scratch no longer holds the cached range's hashes
    prefixHashes(s, 0, len, p);
    const before = this.hits.length;
    this.windowStart = before;
    this.probeExact(s, 0, len, p[len]!, this.hits);
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
    const p = this.prepare(text, from, to);
    const base = this.reachFrom;
    const pow = powerTable(this.reachTo - base);
    const { alphabet, exactLengths, prefixReach, suffixReach } = this;
    for (let s = from; s < to; s++) {
      // A term equal to text[s..e) is a prefix run of length e - s: e - s <= P(s).
      const last = Math.min(to, s + this.maxTermLength, s + prefixReach[s - base]!);
      for (let e = s + 1; e <= last; e++) {
        const u = text.charCodeAt(e - 1);
        if ((alphabet[u >>> 5]! & (1 << (u & 31))) === 0) break;
        const m = e - s;
        if (exactLengths[m] === 0 || suffixReach[e - base]! < m) continue;
        const h = (p[e - base]! - Math.imul(p[s - base]!, pow[m]!)) | 0;
        const before = out.length;
        this.windowStart = before;
        this.probeExact(text, s, e, h, out);
        if (out.length - before > 1) sortWindow(out, before);
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
    const { alphabet, firstUnits, exactLengths, prefixes } = this;
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
          const before = out.length;
          this.windowStart = before;
          this.probeExact(text, s, e, h, out);
          if (out.length - before > 1) sortWindow(out, before);
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
    if (!(to > from) || this.maxFuzzyLength === 0) return;
    const p = this.prepare(text, from, to);
    // Arrays are indexed from the prepared range's start, which may lie before `from`.
    const base = this.reachFrom;
    const pow = powerTable(this.reachTo - base);
    const { alphabet, fuzzyLengths, prefixReach, suffixReach } = this;
    const maxReach = this.maxSuffixReach;
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
            this.plan(SUBSTITUTION, s, e, i, mixKey(h, m - 1, DELETE_SALT));
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
            this.plan(INSERTION, s, e, i, mixKey(h, m - 1, EXACT_SALT));
          }
        }
        // Deletion: the window is a term minus one unit (so it has no foreign unit), split
        // at the deleted unit into a prefix and a suffix of the term.
        if (foreign < 0 && fuzzyLengths[m + 1] === 1 && reachP + reachS >= m) {
          const h = (p[b]! - Math.imul(p[a]!, pow[m]!)) | 0;
          this.plan(DELETION, s, e, 0, mixKey(h, m, DELETE_SALT));
        }
      }
    }
    this.runPlan(text, out);
  }

  /** Queues one probe (see runPlan). Probes are queued in output order: by window, then kind. */
  private plan(kind: number, s: number, e: number, i: number, key: number): void {
    const k = this.planned;
    if (k === this.planKeys.length) this.growPlan();
    this.planKeys[k] = key;
    this.planSpans[3 * k] = kind;
    this.planSpans[3 * k + 1] = s;
    this.planSpans[3 * k + 2] = e;
    this.planEdits[k] = i;
    this.planned = k + 1;
  }

  private growPlan(): void {
    const n = this.planKeys.length * 2;
    const keys = new Uint32Array(n);
    keys.set(this.planKeys);
    const spans = new Int32Array(3 * n);
    spans.set(this.planSpans);
    const edits = new Int32Array(n);
    edits.set(this.planEdits);
    this.planKeys = keys;
    this.planSpans = spans;
    this.planEdits = edits;
  }

  /**
   * Runs the queued probes. At 1 M terms the table is ~60 MiB and every probe starts with a
   * DRAM miss; probing one by one waits for each in turn. Reading every probe's first slot
   * first, in a loop with no branch on what it reads, lets the CPU keep many of those misses
   * in flight at once; the probes proper then find their lines in cache. Same probes, same
   * order, so the output is unchanged.
   */
  private runPlan(text: string, out: TermMatch[]): void {
    const n = this.planned;
    this.planned = 0;
    if (n === 0) return;
    const { planKeys, planSpans, planEdits, table } = this;
    const { slots } = table;
    // A table that fits in cache (the default lists: ~300 KiB) has nothing to prefetch: the pass
    // would only compute every slot twice.
    if (slots.length > PREFETCH_MIN_SLOTS) {
      let touch = 0;
      for (let k = 0; k < n; k++) touch |= slots[table.slotOf(planKeys[k]!)]!;
      this.touched ^= touch;
    }
    let ws = -1;
    let we = -1;
    let before = out.length;
    for (let k = 0; k < n; k++) {
      const kind = planSpans[3 * k]!;
      const s = planSpans[3 * k + 1]!;
      const e = planSpans[3 * k + 2]!;
      if (s !== ws || e !== we) {
        // A new window: sort the previous one's matches by termId, as findExact does.
        if (out.length - before > 1) sortWindow(out, before);
        ws = s;
        we = e;
        before = out.length;
        this.windowStart = before;
      }
      const key = planKeys[k]!;
      if (kind === SUBSTITUTION) this.probeSubstitution(text, s, e, planEdits[k]!, key, out);
      else if (kind === INSERTION) this.probeInsertion(text, s, e, planEdits[k]!, key, out);
      else this.probeDeletion(text, s, e, key, out);
    }
    if (out.length - before > 1) sortWindow(out, before);
  }

  /**
   * Prefix hashes plus the reach arrays of text[from..to), indexed from `reachFrom`. Reused
   * while the caller stays inside the prepared range of the same text: findExact over the
   * whole password, then findFuzzy over each leftover run of it.
   */
  private prepare(text: string, from: number, to: number): Int32Array {
    if (this.reachText === text && this.reachFrom <= from && to <= this.reachTo) return this.prefix;
    const n = to - from;
    const p = this.scratch(n);
    prefixHashes(text, from, to, p);
    const pow = powerTable(n);
    if (this.prefixReach.length <= n) {
      this.prefixReach = new Int32Array(p.length);
      this.suffixReach = new Int32Array(p.length);
    }
    const { prefixReach, suffixReach, prefixes, suffixes, firstUnits } = this;
    const cap = this.maxTermLength;
    for (let a = 0; a < n; a++) {
      const u = text.charCodeAt(from + a);
      // Length-1 prefixes live in the exact first-unit bitmap, not the filter.
      if ((firstUnits[u >>> 5]! & (1 << (u & 31))) === 0) {
        prefixReach[a] = 0;
        continue;
      }
      const limit = Math.min(cap, n - a);
      let k = 1;
      while (k < limit) {
        const h = (p[a + k + 1]! - Math.imul(p[a]!, pow[k + 1]!)) | 0;
        if (!prefixes.mayContain(mixKey(h, k + 1, PREFIX_SALT), k + 1)) break;
        k++;
      }
      prefixReach[a] = k;
    }
    suffixReach[0] = 0;
    let maxSuffix = 0;
    for (let b = 1; b <= n; b++) {
      const limit = Math.min(cap, b);
      let k = 0;
      while (k < limit) {
        const h = (p[b]! - Math.imul(p[b - k - 1]!, pow[k + 1]!)) | 0;
        if (!suffixes.mayContain(mixKey(h, k + 1, SUFFIX_SALT), k + 1)) break;
        k++;
      }
      suffixReach[b] = k;
      if (k > maxSuffix) maxSuffix = k;
    }
    this.maxSuffixReach = maxSuffix;
    this.reachText = text;
    this.reachFrom = from;
    this.reachTo = to;
    return p;
  }

  /** Prefix-hash scratch with room for a text of `n` units. */
  private scratch(n: number): Int32Array {
    if (this.prefix.length <= n) this.prefix = new Int32Array(Math.max(n + 1, this.prefix.length * 2));
    return this.prefix;
  }

  private emit(out: TermMatch[], start: number, end: number, id: number, distance: 0 | 1): void {
    const termId = this.externalIds ? this.externalIds[id]! : id;
    out.push({ start, end, termId, distance });
  }

  /** Terms equal to text[s..e) (hash h). */
  private probeExact(text: string, s: number, e: number, h: number, out: TermMatch[]): void {
    const m = e - s;
    const key = mixKey(h, m, EXACT_SALT);
    const { slots, capacity, idBits, idMask } = this.table;
    const fp = this.table.fingerprintOf(key);
    const { units, offsets } = this.store;
    for (let slot = this.table.slotOf(key); ; slot = slot + 1 === capacity ? 0 : slot + 1) {
      const word = slots[slot]!;
      if (word === 0) return;
      if (word >>> idBits !== fp) continue;
      const id = (word & idMask) - 1;
      const at = offsets[id]!;
      if (offsets[id + 1]! - at !== m) continue;
      let j = 0;
      while (j < m && units[at + j] === text.charCodeAt(s + j)) j++;
      if (j === m && !this.seen(out, id)) this.emit(out, s, e, id, 0);
    }
  }

  /** Terms of length e-s differing from text[s..e) exactly at unit i (key: DELETE key of the window minus unit i). */
  private probeSubstitution(
    text: string, s: number, e: number, i: number, key: number, out: TermMatch[],
  ): void {
    const m = e - s;
    const { slots, capacity, idBits, idMask } = this.table;
    const fp = this.table.fingerprintOf(key);
    const { units, offsets } = this.store;
    const k = i - s;
    for (let slot = this.table.slotOf(key); ; slot = slot + 1 === capacity ? 0 : slot + 1) {
      const word = slots[slot]!;
      if (word === 0) return;
      if (word >>> idBits !== fp) continue;
      const id = (word & idMask) - 1;
      const at = offsets[id]!;
      if (offsets[id + 1]! - at !== m || units[at + k] === text.charCodeAt(i)) continue;
      let j = 0;
      while (j < m && (j === k || units[at + j] === text.charCodeAt(s + j))) j++;
      if (j === m && !this.seen(out, id)) this.emit(out, s, e, id, 1);
    }
  }

  /** Fuzzy terms equal to text[s..e) with unit i removed (key: that string's EXACT key). */
  private probeInsertion(
    text: string, s: number, e: number, i: number, key: number, out: TermMatch[],
  ): void {
    // (Only called for lengths some fuzzy term has, so m >= fuzzyMinLength.)
    const m = e - s - 1;
    const { slots, capacity, idBits, idMask } = this.table;
    const fp = this.table.fingerprintOf(key);
    const { units, offsets } = this.store;
    const k = i - s;
    for (let slot = this.table.slotOf(key); ; slot = slot + 1 === capacity ? 0 : slot + 1) {
      const word = slots[slot]!;
      if (word === 0) return;
      if (word >>> idBits !== fp) continue;
      const id = (word & idMask) - 1;
      const at = offsets[id]!;
      if (offsets[id + 1]! - at !== m) continue;
      let j = 0;
      while (j < m && units[at + j] === text.charCodeAt(s + j + (j >= k ? 1 : 0))) j++;
      if (j === m && !this.seen(out, id)) this.emit(out, s, e, id, 1);
    }
  }

  /** Fuzzy terms that become text[s..e) (key: its DELETE key) when one of their units is removed. */
  private probeDeletion(text: string, s: number, e: number, key: number, out: TermMatch[]): void {
    const m = e - s;
    const { slots, capacity, idBits, idMask } = this.table;
    const fp = this.table.fingerprintOf(key);
    const { units, offsets } = this.store;
    for (let slot = this.table.slotOf(key); ; slot = slot + 1 === capacity ? 0 : slot + 1) {
      const word = slots[slot]!;
      if (word === 0) return;
      if (word >>> idBits !== fp) continue;
      const id = (word & idMask) - 1;
      const at = offsets[id]!;
      if (offsets[id + 1]! - at !== m + 1) continue;
      let j = 0;
      while (j < m && units[at + j] === text.charCodeAt(s + j)) j++;
      while (j < m && units[at + j + 1] === text.charCodeAt(s + j)) j++;
      // A term stores several DELETE keys; two may share a fingerprint, so guard duplicates.
      if (j === m && !this.seen(out, id)) this.emit(out, s, e, id, 1);
    }
  }

  /**
   * Whether term `id` is already reported for the current window. Windows are emitted one at
   * a time, so only out[windowStart..] needs checking (usually 0–2 entries).
   * It guards against the rare fingerprint collision that lets one term answer twice.
   */
  private seen(out: TermMatch[], id: number): boolean {
    const termId = this.externalIds ? this.externalIds[id]! : id;
    for (let k = this.windowStart; k < out.length; k++) if (out[k]!.termId === termId) return true;
    return false;
  }
}

/** Tables above this many slots (1 MiB) are in DRAM: runPlan reads every probe's slot first. */
const PREFETCH_MIN_SLOTS = 1 << 18;

/** Probe kinds queued by findFuzzy. */
const SUBSTITUTION = 0;
const INSERTION = 1;
const DELETION = 2;

/** Insertion-sorts out[from..] by termId (one window's matches: a handful at most). */
function sortWindow(out: TermMatch[], from: number): void {
  for (let i = from + 1; i < out.length; i++) {
    const x = out[i]!;
    let j = i - 1;
    while (j >= from && out[j]!.termId > x.termId) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = x;
  }
}

/**
 * The build, one term per `add` call. It is a class of small methods rather than one long
 * loop because V8 optimises per function: a single function with several hot loops gets
 * OSR-compiled for the first loop and then deoptimised at each later one it has no feedback
 * for, which made a cold 100 k-term build several times slower than a warm one.
 */
class Builder {
  readonly units: Uint16Array;
  readonly offsets: Uint32Array;
  readonly externalIds: Int32Array;
  readonly internalIds: Int32Array;
  readonly table: KeyTable;
  readonly prefixes: ReachFilter;
  readonly suffixes: ReachFilter;
  readonly exactLengths: Uint8Array;
  readonly fuzzyLengths: Uint8Array;
  readonly alphabet = new Uint32Array(2048);
  readonly firstUnits = new Uint32Array(2048);
  readonly unitCount: number;
  readonly max: number;
  min = 0x7fff_ffff;
  maxFuzzy = 0;
  /** Distinct terms so far. */
  count = 0;
  /** Units stored so far (== offsets[count]). */
  at = 0;
  private readonly fuzzyMinLength: number;
  /** Whether any term is fuzzy, i.e. whether suffix reach will ever be read. */
  private readonly hasFuzzy: boolean;
  private readonly pow: Int32Array;
  private readonly p: Int32Array;
  /** One term's DELETE keys, computed before any is inserted (see deletions). */
  private readonly keys: Uint32Array;
  /** Keeps the prefetching reads in `deletions` observable, so they are not optimised away. */
  touched = 0;

  constructor(terms: readonly string[], fuzzyMinLength: number) {
    // One sizing pass, so that every array is allocated once: no Map, no intermediate
    // string arrays, nothing for the collector to trace at 1 M terms.
    const n = terms.length;
    let unitCount = 0;
    let fuzzyUnits = 0;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const t = terms[i];
      if (typeof t !== 'string') throw new TypeError(`\`terms[${i}]\` is not a string`);
      const len = t.length;
      unitCount += len;
      if (len > max) max = len;
      // Upper bound on DELETE keys (runs of equal units share one): exact enough to size by.
      if (len >= fuzzyMinLength) fuzzyUnits += len;
    }
    this.unitCount = unitCount;
    this.max = max;
    this.fuzzyMinLength = fuzzyMinLength;
    this.hasFuzzy = fuzzyUnits > 0;
    this.units = new Uint16Array(unitCount);
    this.offsets = new Uint32Array(n + 1);
    this.externalIds = new Int32Array(n);
    this.internalIds = new Int32Array(n);
    this.table = KeyTable.create(n + fuzzyUnits, n, LOAD_FACTOR);
    // Length-1 prefixes go to firstUnits instead, hence unitCount - n keys at most.
    this.prefixes = ReachFilter.create(unitCount - n, n);
    // Only findFuzzy and the fuzzy index's findExact read suffix reach: an exact-only index
    // (the 100 k-word dictionary) skips half the filter writes of the build.
    this.suffixes = fuzzyUnits > 0 ? ReachFilter.create(unitCount, n) : ReachFilter.everything();
    this.exactLengths = new Uint8Array(max + 3);
    this.fuzzyLengths = new Uint8Array(max + 3);
    this.pow = powerTable(max + 1);
    this.p = new Int32Array(max + 1);
    this.keys = new Uint32Array(max + 1);
  }

  add(t: string, i: number): void {
    const len = t.length;
    if (len === 0) {
      this.internalIds[i] = -1;
      return;
    }
    const h = this.copy(t, len);
    const key = mixKey(h, len, EXACT_SALT);
    const found = this.find(key, len);
    if (found >= 0) {
      this.internalIds[i] = found;
      return;
    }
    const id = this.count++;
    this.offsets[this.count] = this.at + len;
    this.externalIds[id] = i;
    this.internalIds[i] = id;
    // find() stopped at the empty slot ending the key's run: that is where insert() would go.
    this.table.slots[-1 - found] = this.table.wordOf(key, id);
    if (len < this.min) this.min = len;
    this.exactLengths[len] = 1;
    this.reach(len, h);
    if (len >= this.fuzzyMinLength) this.deletions(len, h, id);
    this.at += len;
  }

  /** Copies t's units into the store (at `at`) and hashes them in the same read. */
  private copy(t: string, len: number): number {
    const { units, p, alphabet, at } = this;
    let h = 0;
    for (let j = 0; j < len; j++) {
      const u = t.charCodeAt(j);
      units[at + j] = u;
      alphabet[u >>> 5]! |= 1 << (u & 31);
      h = (Math.imul(h, HASH_BASE) + u) | 0;
      p[j + 1] = h;
    }
    return h;
  }

  /**
   * An earlier term equal to units[at..at+len), or else -1 - (the empty slot ending the run). The table already holds every earlier
   * term under its EXACT key, so a probe plus a unit compare replaces a Map<string> (any
   * candidate equal to the new term is its first occurrence, whatever key brought it here).
   * Marking the alphabet before this check is harmless: a duplicate's units are known ones.
   */
  private find(key: number, len: number): number {
    const { slots, capacity, idBits, idMask } = this.table;
    const fp = this.table.fingerprintOf(key);
    const { units, offsets, at } = this;
    for (let slot = this.table.slotOf(key); ; slot = slot + 1 === capacity ? 0 : slot + 1) {
      const word = slots[slot]!;
      if (word === 0) return -1 - slot;
      if (word >>> idBits !== fp) continue;
      const id = (word & idMask) - 1;
      const o = offsets[id]!;
      if (offsets[id + 1]! - o !== len) continue;
      let j = 0;
      while (j < len && units[o + j] === units[at + j]) j++;
      if (j === len) return id;
    }
  }

  /** Adds every prefix and suffix of the new term to the reach filters. */
  private reach(len: number, h: number): void {
    const { p, pow, prefixes, suffixes } = this;
    const u = this.units[this.at]!;
    this.firstUnits[u >>> 5]! |= 1 << (u & 31);
    for (let k = 2; k < len; k++) prefixes.add(mixKey(p[k]!, k, PREFIX_SALT), k);
    if (len >= 2) prefixes.addTerminal(mixKey(h, len, PREFIX_SALT), len);
    if (this.hasFuzzy) {
      for (let k = 1; k <= len; k++) {
        suffixes.add(mixKey((h - Math.imul(p[len - k]!, pow[k]!)) | 0, k, SUFFIX_SALT), k);
      }
    }
  }

  /** DELETE keys: the term minus each unit (once per run of equal units). */
  private deletions(len: number, h: number, id: number): void {
    const { p, pow, units, at, table, keys } = this;
    if (len > this.maxFuzzy) this.maxFuzzy = len;
    this.fuzzyLengths[len] = 1;
    let count = 0;
    for (let j = 0; j < len; j++) {
      if (j > 0 && units[at + j] === units[at + j - 1]) continue;
      const w = pow[len - 1 - j]!;
      const d = (Math.imul(p[j]!, w) + h - Math.imul(p[j + 1]!, w)) | 0;
      keys[count++] = mixKey(d, len - 1, DELETE_SALT);
    }
    // At 1 M terms the table is far bigger than the caches and each insert starts with a
    // miss. Reading every target slot first, in a loop with no branch on the values, lets the
    // CPU overlap those misses; the inserts then find their lines cached.
    const { slots } = table;
    let touch = 0;
    for (let k = 0; k < count; k++) touch |= slots[table.slotOf(keys[k]!)]!;
    this.touched ^= touch;
    for (let k = 0; k < count; k++) table.insert(keys[k]!, id);
  }
}
