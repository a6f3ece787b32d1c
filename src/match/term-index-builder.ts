import {
  DELETE_SALT, EXACT_SALT, HASH_BASE, PREFIX_SALT, SUFFIX_SALT, mixKey, powerTable,
} from './hash.js';
import { KeyTable } from './key-table.js';
import { ReachFilter } from './reach-filter.js';

/**
 * Share of table slots filled. Linear probing at 0.7 inspects ~2 words on a hit and ~6 on a
 * miss, all usually in one 64-byte line, which is what matters once the table is in DRAM.
 */
const LOAD_FACTOR = 0.7;


/**
 * The build, one term per `add` call. It is a class of small methods rather than one long
 * loop because V8 optimises per function: a single function with several hot loops gets
 * OSR-compiled for the first loop and then deoptimised at each later one it has no feedback
 * for, which made a cold 100 k-term build several times slower than a warm one.
 */
export class TermIndexBuilder {
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
