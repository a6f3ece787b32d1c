/**
 * Loading a filter: validate the header and every part's checksum, then query the parts in place
 * through Int32Array views (zero-copy when a part is 4-byte aligned, one copy otherwise).
 * `loadFilter` takes the whole file's bytes; src/filter/file.ts streams big files part by part.
 */
import { blockStore, queryLanes } from './bloom.js';
import { checksumWords } from './checksum.js';
import { wordsFromLittleEndian } from './endian.js';
import { FilterFormatError } from './errors.js';
import { BLOCK_BYTES, checkLength, hex32, partBinding, partBlocksOf, readHeader, type FilterHeader, type KeyType } from './format.js';
import { hexWord, isSha1Hex } from './hex.js';
import { ntlmLane2, ntlmLanes } from './md4.js';
import type { Sha1Hex } from './sha1.js';
import { makeFastQuery } from './query-fast.js';
import { sha1Lane2, sha1Lanes } from './sha1-lanes.js';
import { BLOCK_BITS, BLOCK_WORDS, blockedBloomFpr } from './sizing.js';

export interface LoadFilterOptions {
  /**
   * SHA-1 implementation for `mayContain` on 'sha1' filters. Default: `sha1Lanes` (pure JS,
   * computes only the two digest words a lookup needs, no allocation; faster per call than
   * `node:crypto` for password-sized inputs, measured in bench/evaluate-hibp.ts).
   */
  sha1?: Sha1Hex;
  /**
   * Verify the part checksums (default true; ≈ 0.15 ms per MiB). Turn off only for bytes you
   * produced or verified yourself. The header checksum is always verified.
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
  /** How many independently checked parts the blocks are stored in. */
  readonly partCount: number;
}

/** Host-order words of part `i` of `bytes` at `offset` (a view if aligned on a little-endian host). */
export function partWords(bytes: Uint8Array, offset: number, blocks: number): Int32Array {
  return wordsFromLittleEndian(bytes, offset, blocks * BLOCK_WORDS);
}

/** Throws unless part `i`'s words match the header's checksum for it. */
export function verifyPart(h: FilterHeader, header: Uint8Array, i: number, words: Int32Array): void {
  // Version 1 checksums have no header prefix; version 2 binds the header fields (format.ts).
  const actual = h.version === 1 ? checksumWords(words) : checksumWords(words, partBinding(header, i, words.length / BLOCK_WORDS));
  const stored = h.partChecksums[i]!;
  if (actual !== stored) {
    const which = h.partCount === 1 ? 'payload' : `part ${i + 1} of ${h.partCount}`;
    throw new FilterFormatError(
      `invalid passgate filter: ${which} checksum mismatch (stored ${hex32(stored)}, computed ${hex32(actual)}): the filter bits are corrupted, or the header was edited`,
    );
  }
}

export function loadFilter(bytes: Uint8Array, options: LoadFilterOptions = {}): BreachedFilter {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('loadFilter expects a Uint8Array');
  const h = readHeader(bytes);
  checkLength(h, bytes.length);
  const parts: Int32Array[] = [];
  let at = h.payloadOffset;
  for (let i = 0; i < h.partCount; i++) {
    const blocks = partBlocksOf(h, i);
    const words = partWords(bytes, at, blocks);
    if (options.verifyChecksum !== false) verifyPart(h, bytes, i, words);
    parts.push(words);
    at += blocks * BLOCK_BYTES;
  }
  return filterOf(h, parts, options);
}

/** The lookup object over verified parts. */
export function filterOf(h: FilterHeader, parts: readonly Int32Array[], options: LoadFilterOptions): BreachedFilter {
  const k = h.k;
  const store = blockStore(parts, h.partShift, h.blockCount);
  const sha1 = options.sha1;

  let mayContain: (password: string) => boolean;
  let mayContainSha1Hex: ((hex: string) => boolean) | undefined;
  if (h.keyType === 'fast') {
    mayContain = makeFastQuery(parts, h.partShift, h.blockCount, k, h.seed);
  } else if (h.keyType === 'ntlm') {
    mayContain = (password) => typeof password === 'string' && queryLanes(store, k, ntlmLanes(password), ntlmLane2);
  } else {
    mayContainSha1Hex = (hex) => {
      if (typeof hex !== 'string' || !isSha1Hex(hex)) throw new TypeError('expected a SHA-1 digest as 40 hex digits');
      return queryLanes(store, k, hexWord(hex, 0), hexWord(hex, 8));
    };
    mayContain = sha1
      ? (password) => {
          if (typeof password !== 'string') return false;
          const hex = sha1(password);
          return queryLanes(store, k, hexWord(hex, 0), hexWord(hex, 8));
        }
      : (password) => typeof password === 'string' && queryLanes(store, k, sha1Lanes(password), sha1Lane2);
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
    byteLength: h.byteLength,
    k,
    blockCount: h.blockCount,
    seed: h.seed,
    version: h.version,
    partCount: h.partCount,
  };
  if (mayContainSha1Hex) filter.mayContainSha1Hex = mayContainSha1Hex;
  return filter;
}
