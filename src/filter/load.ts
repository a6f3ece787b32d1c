/**
 * Loading a filter: validate the header and checksum, then query the payload in place through an
 * Int32Array view (zero-copy when the payload is 4-byte aligned, one copy otherwise).
 */
import { blockScale, queryLanes } from './bloom.js';
import { checksumWords } from './checksum.js';
import { LITTLE_ENDIAN, swapWordsInPlace } from './endian.js';
import { FilterFormatError } from './errors.js';
import { BLOCK_BYTES, hex32, PAYLOAD_OFFSET, readHeader, type KeyType } from './format.js';
import { hexWord, isSha1Hex } from './hex.js';
import type { Sha1Hex } from './sha1.js';
import { makeFastQuery } from './query-fast.js';
import { portableSha1Hex } from './sha1-portable.js';
import { BLOCK_BITS, blockedBloomFpr } from './sizing.js';

export interface LoadFilterOptions {
  /** SHA-1 implementation for `mayContain` on 'sha1' filters (default: pure JS). */
  sha1?: Sha1Hex;
  /**
   * Verify the payload checksum (default true; ≈ 0.15 ms per MiB). Turn off only for bytes you
   * produced or verified yourself, e.g. a multi-GiB HIBP filter loaded repeatedly.
   */
  verifyChecksum?: boolean;
}

export interface BreachedFilter {
  /** False: certainly not in the list. True: in the list, or a false positive. Never throws. */
  mayContain(password: string): boolean;
  /** 'sha1' filters only: query by SHA-1 digest (40 hex digits). Throws TypeError otherwise. */
  mayContainSha1Hex?(hex: string): boolean;
  readonly keyType: KeyType;
  /** Entries inserted (duplicates included). */
  readonly count: number;
  readonly bitsPerKey: number;
  /** The false-positive rate the filter was built for. */
  readonly falsePositiveRate: number;
  /** The rate the blocked-Bloom model predicts for `count` entries in this shape. */
  readonly estimatedFalsePositiveRate: number;
  readonly minCount: number;
  readonly byteLength: number;
  readonly k: number;
  readonly blockCount: number;
  readonly seed: number;
  readonly version: number;
}

export function loadFilter(bytes: Uint8Array, options: LoadFilterOptions = {}): BreachedFilter {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('loadFilter expects a Uint8Array');
  const h = readHeader(bytes);
  const wordCount = (h.blockCount * BLOCK_BYTES) / 4;
  const offset = bytes.byteOffset + PAYLOAD_OFFSET;
  let words: Int32Array;
  if (offset % 4 === 0 && LITTLE_ENDIAN) {
    words = new Int32Array(bytes.buffer, offset, wordCount);
  } else {
    // Unaligned (e.g. a pooled Buffer) or big-endian host: one copy into an aligned buffer.
    const copy = new Uint8Array(wordCount * 4);
    copy.set(bytes.subarray(PAYLOAD_OFFSET));
    words = new Int32Array(copy.buffer);
    if (!LITTLE_ENDIAN) swapWordsInPlace(words);
  }
  if (options.verifyChecksum !== false) {
    const actual = checksumWords(words);
    if (actual !== h.payloadChecksum) {
      throw new FilterFormatError(
        `invalid passgate filter: payload checksum mismatch (stored ${hex32(h.payloadChecksum)}, computed ${hex32(actual)}): the filter bits are corrupted`,
      );
    }
  }
  const k = h.k;
  const scale = blockScale(h.blockCount);
  const seed = h.seed;
  const sha1 = options.sha1 ?? portableSha1Hex;

  let mayContain: (password: string) => boolean;
  let mayContainSha1Hex: ((hex: string) => boolean) | undefined;
  if (h.keyType === 'fast') {
    mayContain = makeFastQuery(words, h.blockCount, k, seed);
  } else {
    mayContainSha1Hex = (hex) => {
      if (typeof hex !== 'string' || !isSha1Hex(hex)) throw new TypeError('expected a SHA-1 digest as 40 hex digits');
      return queryLanes(words, scale, k, hexWord(hex, 0), hexWord(hex, 8));
    };
    mayContain = (password) => {
      if (typeof password !== 'string') return false;
      const hex = sha1(password);
      return queryLanes(words, scale, k, hexWord(hex, 0), hexWord(hex, 8));
    };
  }

  let estimated: number | undefined;
  const filter: BreachedFilter = {
    mayContain,
    keyType: h.keyType,
    count: h.count,
    bitsPerKey: h.count === 0 ? Infinity : (h.blockCount * BLOCK_BITS) / h.count,
    falsePositiveRate: h.targetFpr,
    get estimatedFalsePositiveRate() {
      // Computed on demand: loading stays O(header + checksum).
      return (estimated ??= blockedBloomFpr(h.count, h.blockCount, k));
    },
    minCount: h.minCount,
    byteLength: bytes.length,
    k,
    blockCount: h.blockCount,
    seed,
    version: h.version,
  };
  if (mayContainSha1Hex) filter.mayContainSha1Hex = mayContainSha1Hex;
  return filter;
}
