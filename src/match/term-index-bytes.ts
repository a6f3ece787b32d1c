/**
 * TermIndex serialisation, for precompiling at data-build time: `termIndexFromBytes` reads the
 * bytes back without rebuilding (no hashing, no table inserts; the arrays are viewed in place).
 * Free functions rather than TermIndex methods so that bundles which never serialise (the
 * browser build) drop this module: a bundler cannot remove an unused method from a class.
 *
 * Layout: a little-endian header of 32-bit words (magic, format version, total length, scalar
 * fields, element count of each section), then each typed array, 8-byte aligned.
 */
import { requireLittleEndian } from '../bytes.js';
import { KeyTable } from './key-table.js';
import { ReachFilter } from './reach-filter.js';
import { TermIndex } from './term-index.js';
import { TermStore } from './term-store.js';

/** "PGTI" read as a little-endian 32-bit word. */
const MAGIC = 0x4954_4750;
/** Bump on any change to the layout or to how keys are derived (hash, salts, filters). */
const FORMAT_VERSION = 1;
/** Header words before the section counts (see termIndexToBytes). */
const SCALAR_WORDS = 11;
/** Bytes per element of each section, in order (see `sections`). */
const SECTION_SIZES = [2, 4, 4, 4, 4, 4, 4, 4, 4, 1, 1, 4, 4];
const HEADER_WORDS = SCALAR_WORDS + SECTION_SIZES.length;

/** Byte offset of each section (8-byte aligned, after the header) and the total length. */
function layout(elementSizes: readonly number[], counts: readonly number[]): { total: number; starts: number[] } {
  const align = (n: number): number => Math.ceil(n / 8) * 8;
  let at = align(HEADER_WORDS * 4);
  const starts: number[] = [];
  for (let k = 0; k < counts.length; k++) {
    starts.push(at);
    at = align(at + elementSizes[k]! * counts[k]!);
  }
  return { total: at, starts };
}

/**
 * The arrays termIndexToBytes writes, in SECTION_SIZES order. (TermIndex keeps its fields
 * private; element access is TypeScript's checked way for this module to read them.)
 */
function sections(index: TermIndex): Array<Uint8Array | Uint16Array | Uint32Array | Int32Array> {
  const store = index['store'];
  const pre = index['prefixes'].parts();
  const suf = index['suffixes'].parts();
  return [
    store.units, store.offsets,
    index['externalIds'] ?? new Int32Array(0), index['internalIds'] ?? new Int32Array(0),
    index['table'].slots, pre.words, pre.short, suf.words, suf.short,
    index['exactLengths'], index['fuzzyLengths'], index['alphabet'], index['firstUnits'],
  ];
}

/** The index as bytes; `termIndexFromBytes` reads them back. */
export function termIndexToBytes(index: TermIndex): Uint8Array {
  requireLittleEndian('TermIndex');
  const parts = sections(index);
  const counts = parts.map((a) => a.length);
  const { total, starts } = layout(parts.map((a) => a.BYTES_PER_ELEMENT), counts);
  const bytes = new Uint8Array(total);
  const head = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
  head[0] = MAGIC;
  head[1] = FORMAT_VERSION;
  head[2] = total;
  head[3] = index.size;
  head[4] = index.minTermLength;
  head[5] = index.maxTermLength;
  head[6] = index['maxFuzzyLength'];
  head[7] = index['fuzzyMinLength'];
  head[8] = index['table'].idBits;
  const pre = index['prefixes'].parts();
  const suf = index['suffixes'].parts();
  head[9] = (index['externalIds'] ? 1 : 0) | (pre.useShort ? 2 : 0) | (suf.useShort ? 4 : 0);
  head[10] = parts.length;
  for (let k = 0; k < counts.length; k++) head[SCALAR_WORDS + k] = counts[k]!;
  for (let k = 0; k < parts.length; k++) {
    const a = parts[k]!;
    new Uint8Array(bytes.buffer, starts[k]!, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return bytes;
}

/**
 * Reads an index written by `termIndexToBytes`. The typed arrays are views of `bytes` (copied
 * once only if `bytes` is not 8-byte aligned), so the caller must not modify `bytes` afterwards.
 * @throws TypeError if `bytes` is not a Uint8Array; RangeError if it is not a valid index
 *   of this format version (truncated, corrupt, or from another version).
 */
export function termIndexFromBytes(bytes: Uint8Array): TermIndex {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('`bytes` must be a Uint8Array');
  requireLittleEndian('TermIndex');
  const bad = (why: string): RangeError => new RangeError(`invalid TermIndex bytes: ${why}`);
  if (bytes.byteLength < HEADER_WORDS * 4) throw bad('shorter than the header');
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice(); // typed-array views need alignment
  const head = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  if (head[0] !== MAGIC) throw bad('not a TermIndex (wrong magic number)');
  if (head[1] !== FORMAT_VERSION) throw bad(`format version ${head[1]}, expected ${FORMAT_VERSION}`);
  if (head[2] !== bytes.byteLength) throw bad(`length ${bytes.byteLength}, header says ${head[2]}`);
  if (head[10] !== SECTION_SIZES.length) throw bad('wrong section count');
  const counts = SECTION_SIZES.map((_, k) => head[SCALAR_WORDS + k]!);
  const { total, starts } = layout(SECTION_SIZES, counts);
  if (total !== bytes.byteLength) throw bad('section lengths do not add up to the length');
  const at = (k: number): number => bytes.byteOffset + starts[k]!;
  const { buffer } = bytes;
  const units = new Uint16Array(buffer, at(0), counts[0]);
  const offsets = new Uint32Array(buffer, at(1), counts[1]);
  const externalIds = new Int32Array(buffer, at(2), counts[2]);
  const internalIds = new Int32Array(buffer, at(3), counts[3]);
  const slots = new Uint32Array(buffer, at(4), counts[4]);
  const preWords = new Uint32Array(buffer, at(5), counts[5]);
  const preShort = new Uint32Array(buffer, at(6), counts[6]);
  const sufWords = new Uint32Array(buffer, at(7), counts[7]);
  const sufShort = new Uint32Array(buffer, at(8), counts[8]);
  const exactLengths = new Uint8Array(buffer, at(9), counts[9]);
  const fuzzyLengths = new Uint8Array(buffer, at(10), counts[10]);
  const alphabet = new Uint32Array(buffer, at(11), counts[11]);
  const firstUnits = new Uint32Array(buffer, at(12), counts[12]);
  const [size, minLen, maxLen, maxFuzzy, fuzzyMin, idBits, flags] = [
    head[3]!, head[4]!, head[5]!, head[6]!, head[7]!, head[8]!, head[9]!,
  ];
  // Enough checks that no query can read outside an array or loop forever.
  const ids = (flags & 1) !== 0;
  if (offsets.length !== size + 1 || offsets[0] !== 0 || offsets[size] !== units.length) throw bad('term offsets');
  for (let k = 0; k < size; k++) if (offsets[k]! > offsets[k + 1]!) throw bad('term offsets');
  if (ids ? externalIds.length !== size || internalIds.length < size : externalIds.length + internalIds.length !== 0) {
    throw bad('id maps');
  }
  if (idBits > 32 || slots.length < 8 || slots.indexOf(0) < 0) throw bad('key table');
  const pow2 = (n: number): boolean => n >= 2 && (n & (n - 1)) === 0;
  if (preWords.length < 16 || sufWords.length < 16 || !pow2(preShort.length) || !pow2(sufShort.length)) throw bad('reach filters');
  if (exactLengths.length !== maxLen + 3 || fuzzyLengths.length !== maxLen + 3) throw bad('length tables');
  if (alphabet.length !== 2048 || firstUnits.length !== 2048) throw bad('unit bitmaps');
  if (minLen > maxLen || maxFuzzy > maxLen || (size === 0) !== (maxLen === 0)) throw bad('term lengths');
  return new TermIndex(
    new TermStore(units, offsets),
    ids ? externalIds : null,
    ids ? internalIds : null,
    fuzzyMin,
    minLen,
    maxLen,
    maxFuzzy,
    new KeyTable(slots, idBits),
    exactLengths,
    fuzzyLengths,
    alphabet,
    firstUnits,
    new ReachFilter(preWords, preShort, (flags & 2) !== 0),
    new ReachFilter(sufWords, sufShort, (flags & 4) !== 0),
  );
}
