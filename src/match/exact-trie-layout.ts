/**
 * The record layout of `ExactTrie`'s node array (described in exact-trie.ts), shared by the
 * trie's queries, its writer and its byte format.
 */

/** The parts an `ExactTrie` is made of: what the writer produces and the byte format stores. */
export interface TrieParts {
  /** The records, in DFS pre-order; offset 0 is the root. */
  nodes: Uint16Array;
  /** Number of distinct non-empty terms. */
  size: number;
  minTermLength: number;
  maxTermLength: number;
  /** Term ids are below this (the length of the list the trie was built from). */
  idLimit: number;
}

/** Head unit: bits 0–13 the label length, bit 14 "has a term", bit 15 "has children". */
export const LABEL_MASK = 0x3fff;
export const HAS_TERM = 0x4000;
export const HAS_CHILDREN = 0x8000;
/** Child lists longer than this are binary-searched (a linear scan wins on a line or two). */
const LINEAR_CHILDREN = 12;

/**
 * The child of the record whose child list starts at p (the count unit) reached by unit c, as a
 * record offset; -1 if none. The first child is the next record (pre-order), so only the others
 * store an offset.
 */
export function child(nodes: Uint16Array, p: number, c: number): number {
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
