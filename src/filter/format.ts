/**
 * The filter file header (docs/filter-format.md is the normative description). Version 2, written
 * by this passgate: a 64-byte fixed header, a table of one checksum per part, zero padding to a
 * 64-byte boundary, then the parts' blocks back to back and nothing else. Version 1 files (one
 * part, no table) are still read: format-v1.ts.
 */
import { checksumWords } from './checksum.js';
import { FilterFormatError } from './errors.js';
import { readHeaderV1 } from './format-v1.js';
import { MAX_BLOCKS, MAX_FPR, MAX_K, MIN_FPR } from './sizing.js';

/** "PGBF\r\n\x1a\n": the CR/LF/EOF bytes expose text-mode transfers, as in PNG. */
export const MAGIC = new Uint8Array([0x50, 0x47, 0x42, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
export const FORMAT_VERSION = 2;
export const FIXED_HEADER_BYTES = 64;
export const BLOCK_BYTES = 64;
export const LOG2_BLOCK_BITS = 9;
/** Parts hold 2^s blocks, s in this range; the last part may be shorter. */
export const MIN_PART_SHIFT = 10;
export const MAX_PART_SHIFT = 26;
/** 2^22 blocks = 256 MiB per part: a billion-key filter loads in ~10 checked steps. */
export const DEFAULT_PART_SHIFT = 22;
export const MAX_PARTS = 65536;

export type KeyType = 'fast' | 'sha1' | 'ntlm';
export const KEY_TYPE_CODE: Readonly<Record<KeyType, number>> = { fast: 1, sha1: 2, ntlm: 3 };
const KEY_TYPES: readonly (KeyType | undefined)[] = [undefined, 'fast', 'sha1', 'ntlm'];
/**
 * Hash scheme ids: 3 = fast64-v2 over UTF-16 code units; 2 = SHA-1 digest words 0 and 1;
 * 4 = NTLM (MD4 of UTF-16LE) digest words 0 and 1. 1 was fast64-v1, replaced before any release
 * (docs/filter-format.md §1): readers reject it with a "rebuild" message.
 */
export const HASH_ID: Readonly<Record<KeyType, number>> = { fast: 3, sha1: 2, ntlm: 4 };
const RETIRED_FAST64_V1 = 1;

export interface FilterHeader {
  readonly version: number;
  readonly keyType: KeyType;
  readonly hashId: number;
  readonly k: number;
  readonly blockCount: number;
  readonly seed: number;
  readonly count: number;
  readonly targetFpr: number;
  readonly minCount: number;
  /** Parts hold 2^partShift blocks (the last may hold fewer). */
  readonly partShift: number;
  readonly partCount: number;
  readonly partChecksums: readonly number[];
  /** Where the first part starts; also the bytes `readHeader` needs. */
  readonly payloadOffset: number;
  /** The whole file's length as the header promises it. */
  readonly byteLength: number;
}

/** Byte offsets of the fixed header's fields (version 2; version 1 shares 0..43). */
export const enum OFF {
  version = 8,
  headerLength = 10,
  keyType = 12,
  hashId = 13,
  k = 14,
  log2BlockBits = 15,
  blockCount = 16,
  seed = 20,
  countLo = 24,
  countHi = 28,
  targetFpr = 32,
  minCount = 40,
  partShift = 44,
  payloadOffset = 48,
  partCount = 52,
  reserved = 56,
  headerChecksum = 60,
}

export function fail(message: string): never {
  throw new FilterFormatError(`invalid passgate filter: ${message}`);
}

export function hex32(n: number): string {
  return '0x' + (n >>> 0).toString(16).padStart(8, '0');
}

export const partCountOf = (blockCount: number, shift: number): number => Math.ceil(blockCount / 2 ** shift);
export const payloadOffsetOf = (partCount: number): number => Math.ceil((FIXED_HEADER_BYTES + 4 * partCount) / 64) * 64;
/** Blocks in part `i`. */
export const partBlocksOf = (h: Pick<FilterHeader, 'blockCount' | 'partShift'>, i: number): number =>
  Math.min(2 ** h.partShift, h.blockCount - i * 2 ** h.partShift);

const le32 = (b: Uint8Array, off: number): number => (b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16) | (b[off + 3]! << 24)) >>> 0;

/** Header words 0..n-1 as u32 (little-endian on every host). */
function headerWords(b: Uint8Array, n: number): Uint32Array {
  const w = new Uint32Array(n);
  for (let i = 0; i < n; i++) w[i] = le32(b, i * 4);
  return w;
}

/** Version 2's header checksum: words 0..14 and every word of the part table and its padding. */
function headerChecksumV2(b: Uint8Array, payloadOffset: number): number {
  return checksumWords(concatWithout(headerWords(b, payloadOffset / 4), OFF.headerChecksum / 4));
}

function concatWithout(w: Uint32Array, skip: number): Uint32Array {
  const out = new Uint32Array(w.length - 1);
  out.set(w.subarray(0, skip));
  out.set(w.subarray(skip + 1), skip);
  return out;
}

/**
 * The 16-word prefix of part `i`'s checksum: header words 0..13 (every field that changes an
 * answer — key type, hash id, k, block count, seed, part shift and count — and the rest), the
 * part's index and its block count. Binding them means a hand-edited k or seed fails every part.
 */
export function partBinding(header: Uint8Array, i: number, partBlocks: number): Uint32Array {
  const w = new Uint32Array(16);
  w.set(headerWords(header, 14));
  w[14] = i;
  w[15] = partBlocks;
  return w;
}

/** Writes a version-2 header (fixed part, part table, padding) into `bytes[0..payloadOffset)`. */
export function writeHeader(bytes: Uint8Array, h: Omit<FilterHeader, 'version' | 'payloadOffset' | 'byteLength' | 'partCount'>): void {
  const partCount = partCountOf(h.blockCount, h.partShift);
  const payloadOffset = payloadOffsetOf(partCount);
  const v = new DataView(bytes.buffer, bytes.byteOffset, payloadOffset);
  bytes.fill(0, 0, payloadOffset);
  bytes.set(MAGIC, 0);
  v.setUint16(OFF.version, FORMAT_VERSION, true);
  v.setUint16(OFF.headerLength, FIXED_HEADER_BYTES, true);
  v.setUint8(OFF.keyType, KEY_TYPE_CODE[h.keyType]);
  v.setUint8(OFF.hashId, h.hashId);
  v.setUint8(OFF.k, h.k);
  v.setUint8(OFF.log2BlockBits, LOG2_BLOCK_BITS);
  v.setUint32(OFF.blockCount, h.blockCount, true);
  v.setUint32(OFF.seed, h.seed, true);
  v.setUint32(OFF.countLo, h.count % 2 ** 32, true);
  v.setUint32(OFF.countHi, Math.floor(h.count / 2 ** 32), true);
  v.setFloat64(OFF.targetFpr, h.targetFpr, true);
  v.setUint32(OFF.minCount, h.minCount, true);
  v.setUint8(OFF.partShift, h.partShift);
  v.setUint32(OFF.payloadOffset, payloadOffset, true);
  v.setUint32(OFF.partCount, partCount, true);
  h.partChecksums.forEach((c, i) => v.setUint32(FIXED_HEADER_BYTES + 4 * i, c, true));
  v.setUint32(OFF.headerChecksum, headerChecksumV2(bytes, payloadOffset), true);
}

/**
 * How many bytes `readHeader` needs (the fixed header plus the part table), from the first 64
 * bytes: checks the magic and the version first, so a foreign or future file is named as such.
 */
export function headerLength(bytes: Uint8Array): number {
  if (bytes.length < MAGIC.length) {
    fail(`truncated: ${bytes.length} bytes, a filter starts with a ${FIXED_HEADER_BYTES}-byte header`);
  }
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) fail('bad magic: not a passgate filter file (expected "PGBF\\r\\n\\x1a\\n")');
  }
  if (bytes.length < FIXED_HEADER_BYTES) fail(`truncated: ${bytes.length} bytes, the header alone is ${FIXED_HEADER_BYTES}`);
  const version = bytes[OFF.version]! | (bytes[OFF.version + 1]! << 8);
  if (version > FORMAT_VERSION) {
    fail(`format version ${version} is newer than this passgate supports (${FORMAT_VERSION}); upgrade passgate`);
  }
  if (version < 1) fail(`format version ${version} does not exist`);
  const fixed = bytes[OFF.headerLength]! | (bytes[OFF.headerLength + 1]! << 8);
  if (fixed !== FIXED_HEADER_BYTES) fail(`header length ${fixed}, expected ${FIXED_HEADER_BYTES}`);
  if (version === 1) return FIXED_HEADER_BYTES;
  const offset = le32(bytes, OFF.payloadOffset);
  if (offset < payloadOffsetOf(1) || offset > payloadOffsetOf(MAX_PARTS) || offset % 64 !== 0) {
    fail(`payload offset ${offset} is not a 64-byte boundary in ${payloadOffsetOf(1)}..${payloadOffsetOf(MAX_PARTS)}`);
  }
  return offset;
}

/** Validates the header in `bytes` (at least `headerLength(bytes)` of them); the length is the caller's: `checkLength`. */
export function readHeader(bytes: Uint8Array): FilterHeader {
  const need = headerLength(bytes);
  if (bytes.length < need) fail(`truncated: ${bytes.length} bytes, the header and part table are ${need}`);
  if (bytes[OFF.version] === 1) return readHeaderV1(bytes);
  const stored = le32(bytes, OFF.headerChecksum);
  const actual = headerChecksumV2(bytes, need);
  if (stored !== actual) {
    fail(`header checksum mismatch (stored ${hex32(stored)}, computed ${hex32(actual)}): the header is corrupted`);
  }
  const common = readCommonFields(bytes, 2 ** 32 - 1);
  const partShift = bytes[OFF.partShift]!;
  if (partShift < MIN_PART_SHIFT || partShift > MAX_PART_SHIFT) fail(`part size 2^${partShift} blocks is outside 2^${MIN_PART_SHIFT}..2^${MAX_PART_SHIFT}`);
  if (bytes[45] !== 0 || bytes[46] !== 0 || bytes[47] !== 0 || le32(bytes, OFF.reserved) !== 0) fail('reserved header bytes are not zero');
  const partCount = le32(bytes, OFF.partCount);
  const expectedParts = partCountOf(common.blockCount, partShift);
  if (partCount !== expectedParts) fail(`part count ${partCount}, but ${common.blockCount} blocks in parts of 2^${partShift} make ${expectedParts}`);
  if (need !== payloadOffsetOf(partCount)) fail(`payload offset ${need}, expected ${payloadOffsetOf(partCount)} for ${partCount} parts`);
  for (let i = FIXED_HEADER_BYTES + 4 * partCount; i < need; i++) if (bytes[i] !== 0) fail('part table padding is not zero');
  const partChecksums = Array.from({ length: partCount }, (_, i) => le32(bytes, FIXED_HEADER_BYTES + 4 * i));
  return { ...common, version: 2, partShift, partCount, partChecksums, payloadOffset: need, byteLength: need + common.blockCount * BLOCK_BYTES };
}

/** Fields versions 1 and 2 share (bytes 12..43), read after the header checksum passed. */
export function readCommonFields(bytes: Uint8Array, maxBlocks: number) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, FIXED_HEADER_BYTES);
  // The header checksum passed, so anything odd below was written that way, not damaged.
  const keyCode = v.getUint8(OFF.keyType);
  const keyType = KEY_TYPES[keyCode];
  if (keyType === undefined) fail(`unknown key type ${keyCode} (1 = fast, 2 = sha1, 3 = ntlm)`);
  const hashId = v.getUint8(OFF.hashId);
  if (keyType === 'fast' && hashId === RETIRED_FAST64_V1) {
    fail(`hash id 1 (fast64-v1) comes from a pre-release passgate and is no longer supported; rebuild the filter`);
  }
  if (hashId !== HASH_ID[keyType]) fail(`hash id ${hashId} does not match key type ${keyType} (expected ${HASH_ID[keyType]})`);
  const k = v.getUint8(OFF.k);
  if (k < 1 || k > MAX_K) fail(`probe count k = ${k} is outside 1..${MAX_K}`);
  const log2BlockBits = v.getUint8(OFF.log2BlockBits);
  if (log2BlockBits !== LOG2_BLOCK_BITS) fail(`block size 2^${log2BlockBits} bits is unsupported (only 2^${LOG2_BLOCK_BITS})`);
  const blockCount = v.getUint32(OFF.blockCount, true);
  if (blockCount < 1 || blockCount > Math.min(maxBlocks, MAX_BLOCKS)) fail(`block count ${blockCount} is outside 1..${Math.min(maxBlocks, MAX_BLOCKS)}`);
  const seed = v.getUint32(OFF.seed, true);
  if (keyType !== 'fast' && seed !== 0) fail(`seed ${seed} given for a ${keyType} filter (must be 0)`);
  const count = v.getUint32(OFF.countHi, true) * 2 ** 32 + v.getUint32(OFF.countLo, true);
  if (!Number.isSafeInteger(count)) fail(`entry count ${count} is not a safe integer`);
  const targetFpr = v.getFloat64(OFF.targetFpr, true);
  if (!(targetFpr >= MIN_FPR && targetFpr <= MAX_FPR)) fail(`target false-positive rate ${targetFpr} is outside ${MIN_FPR}..${MAX_FPR}`);
  const minCount = v.getUint32(OFF.minCount, true);
  return { keyType, hashId, k, blockCount, seed, count, targetFpr, minCount };
}

/** Truncated or trailing bytes, named with the byte counts. */
export function checkLength(h: FilterHeader, length: number): void {
  if (length < h.byteLength) {
    fail(`truncated: ${length} bytes, the header promises ${h.byteLength} (${h.blockCount} blocks of ${BLOCK_BYTES} bytes)`);
  }
  if (length > h.byteLength) fail(`${length - h.byteLength} unexpected trailing bytes after the ${h.byteLength}-byte filter`);
}
