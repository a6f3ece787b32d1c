/**
 * The filter file header (docs/filter-format.md is the normative description). 64 bytes,
 * little-endian, followed at offset 64 by `blockCount` blocks of 64 bytes each and nothing else.
 */
import { checksumWords } from './checksum.js';
import { FilterFormatError } from './errors.js';
import { MAX_BLOCKS, MAX_FPR, MAX_K, MIN_FPR } from './sizing.js';

/** "PGBF\r\n\x1a\n": the CR/LF/EOF bytes expose text-mode transfers, as in PNG. */
export const MAGIC = new Uint8Array([0x50, 0x47, 0x42, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 64;
export const PAYLOAD_OFFSET = 64;
export const BLOCK_BYTES = 64;
export const LOG2_BLOCK_BITS = 9;

export type KeyType = 'fast' | 'sha1';
export const KEY_TYPE_CODE: Readonly<Record<KeyType, number>> = { fast: 1, sha1: 2 };
/**
 * Hash scheme ids: 3 = fast64-v2 over UTF-16 code units; 2 = SHA-1 digest words 0 and 1.
 * 1 was fast64-v1, replaced before any release by the cheaper v2 (docs/filter-format.md §1):
 * readers reject it with a "rebuild" message instead of answering with the wrong bits.
 */
export const HASH_ID: Readonly<Record<KeyType, number>> = { fast: 3, sha1: 2 };
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
  readonly payloadChecksum: number;
}

/** Byte offsets of the header fields; a const enum, so bundles carry the numbers, not an object. */
const enum OFF {
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
  payloadChecksum = 44,
  payloadOffset = 48,
  reserved1 = 52,
  reserved2 = 56,
  headerChecksum = 60,
}

function headerChecksum(view: DataView): number {
  const words = new Uint32Array(OFF.headerChecksum / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return checksumWords(words);
}

/** Writes the header into the first 64 bytes of `bytes`. */
export function writeHeader(bytes: Uint8Array, h: FilterHeader): void {
  const v = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  bytes.set(MAGIC, 0);
  v.setUint16(OFF.version, h.version, true);
  v.setUint16(OFF.headerLength, HEADER_BYTES, true);
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
  v.setUint32(OFF.payloadChecksum, h.payloadChecksum, true);
  v.setUint32(OFF.payloadOffset, PAYLOAD_OFFSET, true);
  v.setUint32(OFF.reserved1, 0, true);
  v.setUint32(OFF.reserved2, 0, true);
  v.setUint32(OFF.headerChecksum, headerChecksum(v), true);
}

function fail(message: string): never {
  throw new FilterFormatError(`invalid passgate filter: ${message}`);
}

/**
 * Reads and validates the header; checks the total length against it. The payload checksum is
 * returned for the caller to verify (it needs the payload words).
 */
export function readHeader(bytes: Uint8Array): FilterHeader {
  if (bytes.length < MAGIC.length) {
    fail(`truncated: ${bytes.length} bytes, a filter starts with a ${HEADER_BYTES}-byte header`);
  }
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) fail('bad magic: not a passgate filter file (expected "PGBF\\r\\n\\x1a\\n")');
  }
  if (bytes.length < HEADER_BYTES) {
    fail(`truncated: ${bytes.length} bytes, the header alone is ${HEADER_BYTES}`);
  }
  const v = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const version = v.getUint16(OFF.version, true);
  if (version > FORMAT_VERSION) {
    fail(`format version ${version} is newer than this passgate supports (${FORMAT_VERSION}); upgrade passgate`);
  }
  if (version < 1) fail(`format version ${version} does not exist`);
  const headerLength = v.getUint16(OFF.headerLength, true);
  if (headerLength !== HEADER_BYTES) fail(`header length ${headerLength}, expected ${HEADER_BYTES}`);
  const storedHeaderSum = v.getUint32(OFF.headerChecksum, true);
  const actualHeaderSum = headerChecksum(v);
  if (storedHeaderSum !== actualHeaderSum) {
    fail(`header checksum mismatch (stored ${hex32(storedHeaderSum)}, computed ${hex32(actualHeaderSum)}): the header is corrupted`);
  }
  // The header checksum passed, so anything odd below was written that way, not damaged.
  const keyCode = v.getUint8(OFF.keyType);
  const keyType: KeyType | undefined = keyCode === 1 ? 'fast' : keyCode === 2 ? 'sha1' : undefined;
  if (keyType === undefined) fail(`unknown key type ${keyCode} (1 = fast, 2 = sha1)`);
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
  if (blockCount < 1 || blockCount > MAX_BLOCKS) fail(`block count ${blockCount} is outside 1..${MAX_BLOCKS}`);
  const seed = v.getUint32(OFF.seed, true);
  if (keyType === 'sha1' && seed !== 0) fail(`seed ${seed} given for a sha1 filter (must be 0)`);
  const count = v.getUint32(OFF.countHi, true) * 2 ** 32 + v.getUint32(OFF.countLo, true);
  if (!Number.isSafeInteger(count)) fail(`entry count ${count} is not a safe integer`);
  const targetFpr = v.getFloat64(OFF.targetFpr, true);
  if (!(targetFpr >= MIN_FPR && targetFpr <= MAX_FPR)) fail(`target false-positive rate ${targetFpr} is outside ${MIN_FPR}..${MAX_FPR}`);
  const minCount = v.getUint32(OFF.minCount, true);
  const payloadChecksum = v.getUint32(OFF.payloadChecksum, true);
  const payloadOffset = v.getUint32(OFF.payloadOffset, true);
  if (payloadOffset !== PAYLOAD_OFFSET) fail(`payload offset ${payloadOffset}, expected ${PAYLOAD_OFFSET}`);
  if (v.getUint32(OFF.reserved1, true) !== 0 || v.getUint32(OFF.reserved2, true) !== 0) {
    fail('reserved header bytes 52..59 are not zero');
  }
  const expected = PAYLOAD_OFFSET + blockCount * BLOCK_BYTES;
  if (bytes.length < expected) {
    fail(`truncated: ${bytes.length} bytes, the header promises ${expected} (${blockCount} blocks of ${BLOCK_BYTES} bytes)`);
  }
  if (bytes.length > expected) {
    fail(`${bytes.length - expected} unexpected trailing bytes after the ${expected}-byte filter`);
  }
  return { version, keyType, hashId, k, blockCount, seed, count, targetFpr, minCount, payloadChecksum };
}

export function hex32(n: number): string {
  return '0x' + (n >>> 0).toString(16).padStart(8, '0');
}
