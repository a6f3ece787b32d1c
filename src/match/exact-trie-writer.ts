import { HAS_CHILDREN, HAS_TERM, LABEL_MASK, type TrieParts } from './exact-trie-layout.js';

/**
 * Builds `ExactTrie`'s records over a term list. Duplicates are merged and empty strings
 * ignored; a term's id is the index in `terms` of its first occurrence.
 * @throws TypeError if a term is not a string.
 */
export function writeTrie(terms: readonly string[]): TrieParts {
  const n = terms.length;
  let units = 0;
  let max = 0;
  let min = 0x7fff_ffff;
  for (let i = 0; i < n; i++) {
    const t = terms[i];
    if (typeof t !== 'string') throw new TypeError(`\`terms[${i}]\` is not a string`);
    units += t.length;
    if (t.length > max) max = t.length;
    if (t.length > 0 && t.length < min) min = t.length;
  }
  const order = sortedIds(terms);
  const b = new TrieWriter(terms, order, units);
  b.write();
  return { nodes: b.out.slice(0, b.at), size: b.distinct, minTermLength: max === 0 ? 0 : min, maxTermLength: max, idLimit: n };
}

/**
 * Non-empty term ids sorted by term (UTF-16 unit order), equal terms by id: the order in which a
 * pre-order trie meets them, each duplicate's first occurrence first. An MSD radix sort (bucket
 * by the unit at depth d, then each bucket by d + 1): a comparison sort of 100 k strings took
 * most of the build (~50 ms); this reads each unit about once.
 */
function sortedIds(terms: readonly string[]): Int32Array {
  let n = 0;
  for (let i = 0; i < terms.length; i++) if (terms[i]!.length > 0) n++;
  const ids = new Int32Array(n);
  for (let i = 0, j = 0; i < terms.length; i++) if (terms[i]!.length > 0) ids[j++] = i;
  const tmp = new Int32Array(n);
  // count[c + 1] for unit c, count[0] for terms ending at d (shorter sorts first).
  const count = new Int32Array(65537);
  const touched: number[] = [];
  let stack = new Int32Array(3 * 64);
  let top = 0;
  const push = (lo: number, hi: number, d: number): void => {
    if (top + 3 > stack.length) {
      const grown = new Int32Array(stack.length * 2);
      grown.set(stack);
      stack = grown;
    }
    stack[top++] = lo;
    stack[top++] = hi;
    stack[top++] = d;
  };
  if (n > 1) push(0, n, 0);
  while (top > 0) {
    const d = stack[--top]!;
    const hi = stack[--top]!;
    const lo = stack[--top]!;
    if (hi - lo <= SMALL_SORT) {
      insertionSort(terms, ids, lo, hi);
      continue;
    }
    for (let i = lo; i < hi; i++) {
      const t = terms[ids[i]!]!;
      const c = d < t.length ? t.charCodeAt(d) + 1 : 0;
      const seen = count[c]!;
      if (seen === 0) touched.push(c);
      count[c] = seen + 1;
    }
    if (touched.length === 1) {
      // One bucket: nothing moves. All ended means all equal: already in id order.
      const only = touched[0]!;
      if (only !== 0) push(lo, hi, d + 1);
      count[only] = 0;
      touched.length = 0;
      continue;
    }
    touched.sort((x, y) => x - y);
    // Bucket starts; a stable scatter keeps equal terms in id order.
    let at = lo;
    for (const c of touched) {
      const size = count[c]!;
      count[c] = at;
      if (c !== 0 && size > 1) push(at, at + size, d + 1);
      at += size;
    }
    for (let i = lo; i < hi; i++) {
      const id = ids[i]!;
      const t = terms[id]!;
      const c = d < t.length ? t.charCodeAt(d) + 1 : 0;
      tmp[count[c]!++] = id;
    }
    ids.set(tmp.subarray(lo, hi), lo);
    for (const c of touched) count[c] = 0;
    touched.length = 0;
  }
  return ids;
}

/** Ranges this small are insertion-sorted (whole-string compares) instead of bucketed. */
const SMALL_SORT = 12;

function insertionSort(terms: readonly string[], ids: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const id = ids[i]!;
    const t = terms[id]!;
    let j = i - 1;
    for (; j >= lo; j--) {
      const u = terms[ids[j]!]!;
      if (u < t || (u === t && ids[j]! < id)) break;
      ids[j + 1] = ids[j]!;
    }
    ids[j + 1] = id;
  }
}

/**
 * Writes the records in pre-order from the sorted term list. A node stands for a range of the
 * sorted list sharing a prefix; its children are the sub-ranges by next unit. An explicit stack
 * (not recursion) so that a long chain of nested terms cannot overflow the call stack.
 */
class TrieWriter {
  out: Uint16Array;
  at = 0;
  distinct = 0;
  private readonly terms: readonly string[];
  private readonly order: Int32Array;
  /** Pending nodes: range lo, hi, depth of their first unit, where to patch their offset (-1: none). */
  private stack = new Int32Array(64);
  private top = 0;

  constructor(terms: readonly string[], order: Int32Array, units: number) {
    this.terms = terms;
    this.order = order;
    // Usually enough: a record costs a few units beyond its label; grown if not.
    this.out = new Uint16Array(Math.max(16, units + 4 * order.length + 16));
  }

  write(): void {
    const n = this.order.length;
    // The root: empty label, never a term; children by first unit.
    this.reserve(1);
    this.out[this.at++] = n > 0 ? HAS_CHILDREN : 0;
    if (n > 0) this.children(0, n, 0);
    while (this.top > 0) {
      this.top -= 4;
      const { stack } = this;
      this.node(stack[this.top]!, stack[this.top + 1]!, stack[this.top + 2]!, stack[this.top + 3]!);
    }
  }

  /** One record for the range [lo, hi) whose terms share units 0..d (d is in the parent's list). */
  private node(lo: number, hi: number, d: number, patch: number): void {
    const { terms, order } = this;
    const o = this.at;
    // The first child needs no patch: it is written right after its parent's record.
    if (patch >= 0) {
      this.out[patch] = o & 0xffff;
      this.out[patch + 1] = o >>> 16;
    }
    const a = terms[order[lo]!]!;
    const z = terms[order[hi - 1]!]!;
    // The node's path ends where the range's first and last terms part (sorted, so every term
    // in between shares that prefix), or where the shortest term ends, capped by the label field.
    let end = d + 1;
    const limit = Math.min(a.length, z.length, d + 1 + LABEL_MASK);
    while (end < limit && a.charCodeAt(end) === z.charCodeAt(end)) end++;
    const len = end - (d + 1);
    const term = a.length === end; // the shortest (first) term ends here
    let next = lo;
    if (term) {
      next++;
      while (next < hi && terms[order[next]!]!.length === end) next++; // duplicates
    }
    this.reserve(1 + len + 2);
    const { out } = this;
    out[this.at++] = len | (term ? HAS_TERM : 0) | (next < hi ? HAS_CHILDREN : 0);
    for (let j = d + 1; j < end; j++) out[this.at++] = a.charCodeAt(j);
    if (term) {
      const id = order[lo]!;
      out[this.at++] = id & 0xffff;
      out[this.at++] = id >>> 16;
      this.distinct++;
    }
    if (next < hi) this.children(next, hi, end);
  }

  /** The child list of the range [lo, hi), grouped by unit d; queues the children. */
  private children(lo: number, hi: number, d: number): void {
    const { terms, order } = this;
    let k = 0;
    for (let i = lo, prev = -1; i < hi; i++) {
      const c = terms[order[i]!]!.charCodeAt(d);
      if (c !== prev) k++;
      prev = c;
    }
    this.reserve(3 * k);
    const { out } = this;
    const p = this.at;
    out[p] = k - 1;
    this.at += 3 * k - 1;
    // Queue in reverse so the first child is written next (pre-order, ascending).
    this.growStack(4 * k);
    let i = hi;
    let slot = k - 1;
    while (i > lo) {
      const c = terms[order[i - 1]!]!.charCodeAt(d);
      let j = i - 1;
      while (j > lo && terms[order[j - 1]!]!.charCodeAt(d) === c) j--;
      out[p + 1 + slot] = c;
      const s = this.stack;
      s[this.top++] = j;
      s[this.top++] = i;
      s[this.top++] = d;
      s[this.top++] = slot === 0 ? -1 : p + 1 + k + 2 * (slot - 1);
      slot--;
      i = j;
    }
  }

  private reserve(units: number): void {
    if (this.at + units <= this.out.length) return;
    const grown = new Uint16Array(Math.max(this.at + units, this.out.length * 2));
    grown.set(this.out.subarray(0, this.at));
    this.out = grown;
  }

  private growStack(extra: number): void {
    if (this.top + extra <= this.stack.length) return;
    const grown = new Int32Array(Math.max(this.top + extra, this.stack.length * 2));
    grown.set(this.stack.subarray(0, this.top));
    this.stack = grown;
  }
}
