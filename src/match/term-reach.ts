import { PREFIX_SALT, SUFFIX_SALT, mixKey, powerTable, prefixHashes } from './hash.js';
import type { ReachFilter } from './reach-filter.js';

/**
 * Per-text state of `TermIndex`'s queries: the prefix hashes of a text range and its reach
 * arrays — how far text from each start can run along some term's prefix (P) and how far text
 * ending at each end can run back along some term's suffix (S), by the reach filters (never
 * short). Kept for the last range prepared, so that findExact over the whole password and then
 * findFuzzy over each leftover run of it compute them once.
 */
export class TextReach {
  /** Prefix hashes of the prepared range (or `scratch`'s last use). */
  hashes = new Int32Array(64);
  /** prefixReach[s - from] = P(s), suffixReach[e - from] = S(e). */
  prefixReach = new Int32Array(64);
  suffixReach = new Int32Array(64);
  /** The (text, from, to) whose reach is in the arrays above; null when none is. */
  text: string | null = null;
  from = 0;
  to = 0;
  /** The largest suffix reach in the prepared range: bounds how long a matching window can be. */
  maxSuffix = 0;

  constructor(
    private readonly prefixes: ReachFilter,
    private readonly suffixes: ReachFilter,
    /** Bit per UTF-16 unit: set iff some term starts with it (the length-1 prefixes, exactly). */
    private readonly firstUnits: Uint32Array,
    private readonly maxTermLength: number,
  ) {}

  /**
   * Prefix hashes plus the reach arrays of text[from..to), indexed from `this.from`. Reused
   * while the caller stays inside the prepared range of the same text.
   */
  prepare(text: string, from: number, to: number): Int32Array {
    if (this.text === text && this.from <= from && to <= this.to) return this.hashes;
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
    this.maxSuffix = maxSuffix;
    this.text = text;
    this.from = from;
    this.to = to;
    return p;
  }

  /** Prefix-hash scratch with room for a text of `n` units (invalidates the prepared range's hashes: call `forget`). */
  scratch(n: number): Int32Array {
    if (this.hashes.length <= n) this.hashes = new Int32Array(Math.max(n + 1, this.hashes.length * 2));
    return this.hashes;
  }

  /** Forgets the prepared range (the scratch is about to be reused for another string). */
  forget(): void {
    this.text = null;
  }
}
