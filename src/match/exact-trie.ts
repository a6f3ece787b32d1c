import type { TermMatch } from './term-index.js';
import { pad8, requireLittleEndian } from '../bytes.js';

/**
 * Exact multi-term matcher: every window of a text that equals a term, for a fixed list of
 * terms (the strength dictionary: ~100 k folded words). Same answers as `TermIndex.findExact`
 * on an exact-only index, in far fewer cache lines per query.
 *
 * Why not hashing: the hashed index probes a prefix filter for every (start, length) window
 * and a table for every candidate; over many *different* passwords each probe is a fresh cache
 * miss in a multi-megabyte structure. A trie answers the same question by walking from each
 * start along the text, and a compact trie is small enough (≈ 1 MiB for the dictionary) to stay
 * mostly in L2, with consecutive steps of a walk in neighbouring memory.
 *
 * Layout: a radix trie (unary chains collapsed into inline labels) in DFS pre-order, in one
 * `Uint16Array` of records. Record at offset o:
 *
 *   [o]      bits 0–13 label length L, bit 14 has a term, bit 15 has children
 *   L units  the label: the units after the first one (the parent holds the first unit)
 *   2 units  term id (low, high), if it has a term
 *   1 unit   child count − 1, if it has children; then k first units (ascending) and
 *   2(k−1)   the record offset (low, high) of each child but the first, which is the next record
 *
 * Pre-order means a child always lies after its parent (a walk only moves forward, so it ends),
 * and a chain of single-child nodes is one record read sequentially. The root (offset 0, empty
 * label) is expanded once into a dense unit → child table, so the first step costs one read.
 *
 * Results are appended sorted by start, then end: a walk from one start meets the terms in
 * order of length, and each node holds at most one term (duplicates merged), so no sorting or
 * duplicate check is needed.
 */
export class ExactTrie {
  /** Number of distinct non-empty terms. */
  readonly size: number;
  /** Longest term, in UTF-16 units (0 for an empty trie). */
  readonly maxTermLength: number;
  /** Shortest term, in UTF-16 units (0 for an empty trie): callers skip texts shorter than it. */
  readonly minTermLength: number;
  private readonly nodes: Uint16Array;
  /** Root child by first unit: record offset + 1, 0 when no term starts with the unit. */
  private readonly first: Int32Array;
  /** Grandchild by two ASCII units (see pairTable): offset + 1, 0 none, -1 walk from `first`. */
  private readonly pairs: Int32Array;
  /** Terms by id, decoded on first use of `term` (only messages and tests need it). */
  private texts: string[] | null = null;
  /** The id space: term ids are below this (ids of merged duplicates and empty terms are unused). */
  readonly idLimit: number;

  private constructor(nodes: Uint16Array, size: number, minTermLength: number, maxTermLength: number, idLimit: number) {
    this.nodes = nodes;
    this.size = size;
    this.minTermLength = minTermLength;
    this.maxTermLength = maxTermLength;
    this.idLimit = idLimit;
    this.first = rootTable(nodes);
    this.pairs = pairTable(nodes, this.first);
  }

  /**
   * Builds a trie over `terms`. Duplicates are merged and empty strings ignored; a match's
   * `termId` is the index in `terms` of the term's first occurrence.
   * @throws TypeError if a term is not a string.
   */
  static build(terms: readonly string[]): ExactTrie {
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
    return new ExactTrie(b.out.slice(0, b.at), b.distinct, max === 0 ? 0 : min, max, n);
  }

  /**
   * The trie as bytes: a little-endian header of 32-bit words (magic, version, total length,
   * term count, shortest and longest term, id limit, node units) and the node array, so `fromBytes` can view
   * it in place.
   */
  toBytes(): Uint8Array {
    requireLittleEndian('ExactTrie');
    const total = HEADER_BYTES + pad8(this.nodes.byteLength);
    const bytes = new Uint8Array(total);
    const head = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
    head[0] = MAGIC;
    head[1] = FORMAT_VERSION;
    head[2] = total;
    head[3] = this.size;
    head[4] = this.maxTermLength;
    head[5] = this.idLimit;
    head[6] = this.nodes.length;
    head[7] = this.minTermLength;
    bytes.set(new Uint8Array(this.nodes.buffer, this.nodes.byteOffset, this.nodes.byteLength), HEADER_BYTES);
    return bytes;
  }

  /**
   * Reads a trie written by `toBytes`. The node array is a view of `bytes` (copied once only if
   * `bytes` is not 2-byte aligned), so the caller must not modify `bytes` afterwards. Every
   * record is checked, so no query on a damaged trie can read past the array or loop.
   * @throws TypeError if `bytes` is not a Uint8Array; RangeError if it is not a valid trie of
   *   this format version.
   */
  static fromBytes(bytes: Uint8Array): ExactTrie {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('`bytes` must be a Uint8Array');
    requireLittleEndian('ExactTrie');
    const bad = (why: string): RangeError => new RangeError(`invalid ExactTrie bytes: ${why}`);
    if (bytes.byteLength < HEADER_BYTES) throw bad('shorter than the header');
    if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice(); // typed-array views need alignment
    const head = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
    if (head[0] !== MAGIC) throw bad('not an ExactTrie (wrong magic number)');
    if (head[1] !== FORMAT_VERSION) throw bad(`format version ${head[1]}, expected ${FORMAT_VERSION}`);
    if (head[2] !== bytes.byteLength) throw bad(`length ${bytes.byteLength}, header says ${head[2]}`);
    const [size, maxLen, idLimit, count, minLen] = [head[3]!, head[4]!, head[5]!, head[6]!, head[7]!];
    if (minLen > maxLen || (minLen === 0) !== (maxLen === 0)) throw bad('term lengths');
    if (HEADER_BYTES + pad8(2 * count) !== bytes.byteLength) throw bad('node array length');
    const nodes = new Uint16Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, count);
    const found = validate(nodes, idLimit, maxLen);
    if (found !== size) throw bad(found < 0 ? 'corrupt node records' : `holds ${found} terms, header says ${size}`);
    return new ExactTrie(nodes, size, minLen, maxLen, idLimit);
  }

  /**
   * Appends every (start, end, termId) with `text.slice(start, end) === term` and
   * `from <= start < end <= to` (bounds clamped to the text), sorted by start, then end.
   */
  findExact(text: string, from: number, to: number, out: TermMatch[]): void {
    from = Math.max(0, from);
    to = Math.min(text.length, to);
    const { nodes, first, pairs } = this;
    // No term fits in the last minTermLength - 1 units: their walks would only miss the cache.
    const lastStart = to - Math.max(1, this.minTermLength);
    for (let s = from; s <= lastStart; s++) {
      const c0 = text.charCodeAt(s);
      let o: number;
      let pos: number;
      // Two ASCII units at once: one read of a 64 KiB table instead of the root child's record
      // and a search of its child list (a cache miss in a megabyte trie, on every start).
      const c1 = s + 1 < to ? text.charCodeAt(s + 1) : 0xffff;
      const pair = (c0 | c1) < 0x80 ? pairs[(c0 << 7) | c1]! : -1;
      if (pair === 0) continue;
      if (pair > 0) {
        o = pair - 1;
        pos = s + 2;
      } else {
        o = first[c0]! - 1;
        pos = s + 1;
      }
      while (o >= 0) {
        const head = nodes[o]!;
        const len = head & LABEL_MASK;
        let p = o + 1;
        if (len !== 0) {
          if (pos + len > to) break;
          let j = 0;
          while (j < len && nodes[p + j] === text.charCodeAt(pos + j)) j++;
          if (j < len) break;
          p += len;
          pos += len;
        }
        if ((head & HAS_TERM) !== 0) {
          out.push({ start: s, end: pos, termId: nodes[p]! | (nodes[p + 1]! << 16), distance: 0 });
          p += 2;
        }
        if ((head & HAS_CHILDREN) === 0 || pos === to) break;
        o = child(nodes, p, text.charCodeAt(pos));
        pos++;
      }
    }
  }

  /** Whether `s` is exactly one of the terms. */
  has(s: string): boolean {
    return this.idOf(s) >= 0;
  }

  /** The id `findExact` reports for the term equal to `s`, or -1 if `s` is not a term. */
  idOf(s: string): number {
    if (s.length === 0) return -1;
    const out: TermMatch[] = [];
    // Only walks from start 0 can end at s.length with start 0: one walk, at most one hit there.
    this.findPrefixes(s, out);
    const last = out[out.length - 1];
    return last !== undefined && last.end === s.length ? last.termId : -1;
  }

  /** The term with this id (as reported in a `TermMatch`). @throws RangeError for an unknown id. */
  term(termId: number): string {
    this.texts ??= this.decodeAll();
    const t = this.texts[termId];
    if (!Number.isInteger(termId) || t === undefined || t === '') throw new RangeError(`unknown termId ${termId}`);
    return t;
  }

  /** Terms that are prefixes of `s` (one walk from start 0). */
  private findPrefixes(s: string, out: TermMatch[]): void {
    const n = s.length;
    const { nodes } = this;
    let o = this.first[s.charCodeAt(0)]! - 1;
    let pos = 1;
    while (o >= 0) {
      const head = nodes[o]!;
      const len = head & LABEL_MASK;
      let p = o + 1;
      if (pos + len > n) return;
      for (let j = 0; j < len; j++) if (nodes[p + j] !== s.charCodeAt(pos + j)) return;
      p += len;
      pos += len;
      if ((head & HAS_TERM) !== 0) {
        out.push({ start: 0, end: pos, termId: nodes[p]! | (nodes[p + 1]! << 16), distance: 0 });
        p += 2;
      }
      if ((head & HAS_CHILDREN) === 0 || pos === n) return;
      o = child(nodes, p, s.charCodeAt(pos));
      pos++;
    }
  }

  /** Every term by id, rebuilt from the trie by one depth-first walk. */
  private decodeAll(): string[] {
    const texts = new Array<string>(this.idLimit).fill('');
    const { nodes } = this;
    // Explicit stack of (record offset, path so far including the record's first unit).
    const stack: Array<[number, string]> = [];
    const pushChildren = (p: number, path: string): void => {
      const k = nodes[p]! + 1;
      for (let i = k - 1; i >= 0; i--) {
        const c = nodes[p + 1 + i]!;
        stack.push([child(nodes, p, c), path + String.fromCharCode(c)]);
      }
    };
    if (nodes.length > 0 && (nodes[0]! & HAS_CHILDREN) !== 0) pushChildren(1, '');
    for (let top = stack.pop(); top; top = stack.pop()) {
      const [o, prefix] = top;
      const head = nodes[o]!;
      const len = head & LABEL_MASK;
      let path = prefix;
      for (let j = 0; j < len; j++) path += String.fromCharCode(nodes[o + 1 + j]!);
      let p = o + 1 + len;
      if ((head & HAS_TERM) !== 0) {
        texts[nodes[p]! | (nodes[p + 1]! << 16)] = path;
        p += 2;
      }
      if ((head & HAS_CHILDREN) !== 0) pushChildren(p, path);
    }
    return texts;
  }
}

const LABEL_MASK = 0x3fff;
const HAS_TERM = 0x4000;
const HAS_CHILDREN = 0x8000;
/** Child lists longer than this are binary-searched (a linear scan wins on a line or two). */
const LINEAR_CHILDREN = 12;

/** "PGET" read as a little-endian 32-bit word. */
const MAGIC = 0x5445_4750;
/** Bump on any change to the record layout. */
const FORMAT_VERSION = 1;
const HEADER_WORDS = 8;
const HEADER_BYTES = HEADER_WORDS * 4;

/**
 * The child of the record whose child list starts at p (the count unit) reached by unit c, as a
 * record offset; -1 if none. The first child is the next record (pre-order), so only the others
 * store an offset.
 */
function child(nodes: Uint16Array, p: number, c: number): number {
  const k = nodes[p]! + 1;
  const firsts = p + 1;
  let i: number;
  if (k <= LINEAR_CHILDREN) {
    i = 0;
    while (i < k && nodes[firsts + i]! < c) i++;
    if (i === k || nodes[firsts + i] !== c) return -1;
  } else {
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nodes[firsts + mid]! < c) lo = mid + 1;
      else hi = mid;
    }
    if (lo === k || nodes[firsts + lo] !== c) return -1;
    i = lo;
  }
  if (i === 0) return firsts + k + 2 * (k - 1);
  const at = firsts + k + 2 * (i - 1);
  return nodes[at]! | (nodes[at + 1]! << 16);
}

/** The root's children as a dense table by first unit (offset + 1; 0 = none). */
function rootTable(nodes: Uint16Array): Int32Array {
  const first = new Int32Array(65536);
  if (nodes.length === 0 || (nodes[0]! & HAS_CHILDREN) === 0) return first;
  const p = 1; // the root has an empty label and no term
  const k = nodes[p]! + 1;
  for (let i = 0; i < k; i++) first[nodes[p + 1 + i]!] = child(nodes, p, nodes[p + 1 + i]!) + 1;
  return first;
}

/**
 * For two ASCII units c0 c1: the record reached from the root by them, when the root child for
 * c0 is a plain branch (no label, no term), so that skipping it loses nothing; 0 when that branch
 * has no child c1 (no term starts with c0 c1, and none is c0 alone); -1 when the walk must go
 * through the root child (it has a label or is itself a term, or does not exist).
 */
function pairTable(nodes: Uint16Array, first: Int32Array): Int32Array {
  const pairs = new Int32Array(128 * 128).fill(-1);
  for (let c0 = 0; c0 < 128; c0++) {
    const o = first[c0]! - 1;
    if (o < 0) {
      pairs.fill(0, c0 << 7, (c0 + 1) << 7); // no term starts with c0
      continue;
    }
    const head = nodes[o]!;
    if ((head & (LABEL_MASK | HAS_TERM)) !== 0) continue;
    pairs.fill(0, c0 << 7, (c0 + 1) << 7);
    if ((head & HAS_CHILDREN) === 0) continue;
    // One pass over the child list (a search per c1 made this table most of a cold start).
    const p = o + 1;
    const k = nodes[p]! + 1;
    for (let i = 0; i < k; i++) {
      const c1 = nodes[p + 1 + i]!;
      if (c1 >= 0x80) break; // ascending: the rest are not ASCII either
      const at = p + 1 + k + 2 * (i - 1);
      pairs[(c0 << 7) | c1] = (i === 0 ? p + 1 + k + 2 * (k - 1) : nodes[at]! | (nodes[at + 1]! << 16)) + 1;
    }
  }
  return pairs;
}

/**
 * Checks every record of a node array read from bytes: records tile the array, child lists are
 * strictly ascending, every child is the start of a later record (so a walk only moves forward
 * and ends) and term ids are below the id limit. Returns the number of terms, or -1 if anything
 * is wrong. The root must have an empty label and no term.
 */
function validate(nodes: Uint16Array, idLimit: number, maxLen: number): number {
  const n = nodes.length;
  if (n === 0) return maxLen === 0 ? 0 : -1;
  if ((nodes[0]! & (LABEL_MASK | HAS_TERM)) !== 0) return -1;
  if ((nodes[0]! & HAS_CHILDREN) === 0) return n === 1 && maxLen === 0 ? 0 : -1;
  // Pass 1: record starts, so that child offsets can be checked to point at one.
  const starts = new Uint8Array(n);
  let terms = 0;
  for (let o = 0; o < n; ) {
    starts[o] = 1;
    const head = nodes[o]!;
    let p = o + 1 + (head & LABEL_MASK);
    if ((head & HAS_TERM) !== 0) {
      if (p + 2 > n) return -1;
      const id = nodes[p]! | (nodes[p + 1]! << 16);
      if (id < 0 || id >= idLimit) return -1;
      terms++;
      p += 2;
    }
    if ((head & HAS_CHILDREN) !== 0) {
      if (p >= n) return -1;
      p += 3 * nodes[p]! + 2;
      if (p >= n) return -1; // the first child is the next record
    } else if ((head & HAS_TERM) === 0) {
      return -1; // a leaf without a term is never written
    }
    if (p > n) return -1;
    o = p;
  }
  // Pass 2: child lists ascending, children forward at record starts.
  for (let o = 0; o < n; ) {
    const head = nodes[o]!;
    let p = o + 1 + (head & LABEL_MASK);
    if ((head & HAS_TERM) !== 0) p += 2;
    if ((head & HAS_CHILDREN) !== 0) {
      const k = nodes[p]! + 1;
      for (let i = 1; i < k; i++) {
        if (nodes[p + 1 + i]! <= nodes[p + i]!) return -1;
        const at = p + 1 + k + 2 * (i - 1);
        const c = nodes[at]! | (nodes[at + 1]! << 16);
        if (c <= o || c >= n || starts[c] !== 1) return -1;
      }
      p += 3 * k - 1;
    }
    o = p;
  }
  return terms;
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


