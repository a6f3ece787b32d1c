import { EXACT_SALT, mixKey } from './hash.js';
import { FingerprintBits } from './fingerprint-bits.js';
import type { KeyTable } from './key-table.js';
import type { TermMatch } from './term-index.js';
import type { TermStore } from './term-store.js';

/** Tables above this many slots (1 MiB) are in DRAM: `run` reads every probe's slot first. */
const PREFETCH_MIN_SLOTS = 1 << 18;

/** Probe kinds queued by `TermIndex.findFuzzy`. */
export const SUBSTITUTION = 0;
export const INSERTION = 1;
export const DELETION = 2;

/**
 * `TermIndex`'s table probes: each looks up one key and verifies every candidate unit by unit
 * against the window it stands for (so hash collisions cost time, never a wrong answer), and
 * appends the matches. Fuzzy probes are queued first (`plan`) and run together (`run`), so
 * that the table's cache misses overlap. Not re-entrant, like the index that owns it.
 */
export class TermProbes {
  /** Index in `out` where the current window's matches begin (see `seen`). */
  windowStart = 0;
  /** Queued probes: key, (kind, start, end), edit position (see `run`). */
  private planKeys = new Uint32Array(64);
  private planSpans = new Int32Array(3 * 64);
  private planEdits = new Int32Array(64);
  private planned = 0;
  /** Keeps `run`'s prefetching reads observable, so they are not optimised away. */
  private touched = 0;
  /** Probes whose key's fingerprint no slot carries are not made (fingerprint-bits.ts). */
  private readonly held: FingerprintBits;

  constructor(
    private readonly table: KeyTable,
    private readonly store: TermStore,
    /** Internal (dense) id → caller's termId; null when they are the same. */
    private readonly externalIds: Int32Array | null,
  ) {
    this.held = FingerprintBits.of(table);
  }

  /** Appends the terms equal to text[s..e) (hash h) as one window, sorted by termId. */
  exactWindow(text: string, s: number, e: number, h: number, out: TermMatch[]): void {
    const before = out.length;
    this.windowStart = before;
    this.probeExact(text, s, e, h, out);
    if (out.length - before > 1) sortWindow(out, before);
  }

  /** Queues one probe (see run). Probes are queued in output order: by window, then kind. */
  plan(kind: number, s: number, e: number, i: number, key: number): void {
    if (!this.held.mayHold(key)) return; // it would find nothing
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
  run(text: string, out: TermMatch[]): void {
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

  private emit(out: TermMatch[], start: number, end: number, id: number, distance: 0 | 1): void {
    const termId = this.externalIds ? this.externalIds[id]! : id;
    out.push({ start, end, termId, distance });
  }

  /** Terms equal to text[s..e) (hash h). */
  private probeExact(text: string, s: number, e: number, h: number, out: TermMatch[]): void {
    const m = e - s;
    const key = mixKey(h, m, EXACT_SALT);
    if (!this.held.mayHold(key)) return; // it would find nothing
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
