import type { TermMatch } from './term-index.js';
import { decodeTrie, encodeTrie } from './exact-trie-bytes.js';
import { HAS_CHILDREN, HAS_TERM, LABEL_MASK, child, type TrieParts } from './exact-trie-layout.js';
import { writeTrie } from './exact-trie-writer.js';

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

  private constructor(parts: TrieParts) {
    this.nodes = parts.nodes;
    this.size = parts.size;
    this.minTermLength = parts.minTermLength;
    this.maxTermLength = parts.maxTermLength;
    this.idLimit = parts.idLimit;
    this.first = rootTable(this.nodes);
    this.pairs = pairTable(this.nodes, this.first);
  }

  /**
   * Builds a trie over `terms`. Duplicates are merged and empty strings ignored; a match's
   * `termId` is the index in `terms` of the term's first occurrence.
   * @throws TypeError if a term is not a string.
   */
  static build(terms: readonly string[]): ExactTrie {
    return new ExactTrie(writeTrie(terms));
  }

  /** The trie as bytes (format: exact-trie-bytes.ts), for `fromBytes` to view in place. */
  toBytes(): Uint8Array {
    const { nodes, size, minTermLength, maxTermLength, idLimit } = this;
    return encodeTrie({ nodes, size, minTermLength, maxTermLength, idLimit });
  }

  /**
   * Reads a trie written by `toBytes`. The node array is a view of `bytes`, so the caller must
   * not modify `bytes` afterwards. Every record is checked, so no query on a damaged trie can
   * read past the array or loop.
   * @throws TypeError if `bytes` is not a Uint8Array; RangeError if it is not a valid trie of
   *   this format version.
   */
  static fromBytes(bytes: Uint8Array): ExactTrie {
    return new ExactTrie(decodeTrie(bytes));
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

  /**
   * The id `findExact` reports for the term equal to `s`, or -1 if `s` is not a term. One walk
   * from the root along `s`, reading the term at its end only: the attacks ask this for a few
   * strings per password, and collecting every prefix term in an array cost an array and its
   * matches per call (~1.8 calls per evaluation).
   */
  idOf(s: string): number {
    const n = s.length;
    if (n === 0) return -1;
    const { nodes } = this;
    let o = this.first[s.charCodeAt(0)]! - 1;
    let pos = 1;
    while (o >= 0) {
      const head = nodes[o]!;
      const len = head & LABEL_MASK;
      let p = o + 1;
      if (pos + len > n) return -1;
      for (let j = 0; j < len; j++) if (nodes[p + j] !== s.charCodeAt(pos + j)) return -1;
      p += len;
      pos += len;
      if (pos === n) return (head & HAS_TERM) !== 0 ? nodes[p]! | (nodes[p + 1]! << 16) : -1;
      if ((head & HAS_TERM) !== 0) p += 2;
      if ((head & HAS_CHILDREN) === 0) return -1;
      o = child(nodes, p, s.charCodeAt(pos));
      pos++;
    }
    return -1;
  }

  /** The term with this id (as reported in a `TermMatch`). @throws RangeError for an unknown id. */
  term(termId: number): string {
    this.texts ??= this.decodeAll();
    const t = this.texts[termId];
    if (!Number.isInteger(termId) || t === undefined || t === '') throw new RangeError(`unknown termId ${termId}`);
    return t;
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
