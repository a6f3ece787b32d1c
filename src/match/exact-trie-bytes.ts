import { pad8, requireLittleEndian } from '../bytes.js';
import { HAS_CHILDREN, HAS_TERM, LABEL_MASK, type TrieParts } from './exact-trie-layout.js';

/**
 * `ExactTrie`'s byte format: a little-endian header of 32-bit words (magic, version, total
 * length, term count, longest term, id limit, node units, shortest term) and the node array, so
 * that a trie can be viewed in place (the data build writes the dictionary's trie this way).
 */

/** "PGET" read as a little-endian 32-bit word. */
const MAGIC = 0x5445_4750;
/** Bump on any change to the record layout. */
const FORMAT_VERSION = 1;
const HEADER_WORDS = 8;
const HEADER_BYTES = HEADER_WORDS * 4;

/** The trie's parts as bytes (see the format above). */
export function encodeTrie(trie: TrieParts): Uint8Array {
  requireLittleEndian('ExactTrie');
  const { nodes } = trie;
  const total = HEADER_BYTES + pad8(nodes.byteLength);
  const bytes = new Uint8Array(total);
  const head = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
  head[0] = MAGIC;
  head[1] = FORMAT_VERSION;
  head[2] = total;
  head[3] = trie.size;
  head[4] = trie.maxTermLength;
  head[5] = trie.idLimit;
  head[6] = nodes.length;
  head[7] = trie.minTermLength;
  bytes.set(new Uint8Array(nodes.buffer, nodes.byteOffset, nodes.byteLength), HEADER_BYTES);
  return bytes;
}

/**
 * Reads a trie written by `encodeTrie`. The node array is a view of `bytes` (copied once only if
 * `bytes` is not 4-byte aligned), so the caller must not modify `bytes` afterwards. Every
 * record is checked, so no query on a damaged trie can read past the array or loop.
 * @throws TypeError if `bytes` is not a Uint8Array; RangeError if it is not a valid trie of
 *   this format version.
 */
export function decodeTrie(bytes: Uint8Array): TrieParts {
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
  return { nodes, size, minTermLength: minLen, maxTermLength: maxLen, idLimit };
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
