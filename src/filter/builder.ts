/**
 * Building filters. A blocked Bloom filter must be sized before the first insert, so the
 * streaming builder takes `expectedCount` up front and allocates its parts once (memory ≈ the
 * filter's size). One-part filters (up to 256 MiB) are set straight into the final file bytes.
 */
import { blockStore, laneBatch, type BlockStore } from './bloom.js';
import { checksumWords } from './checksum.js';
import { littleEndianBytes } from './endian.js';
import {
  BLOCK_BYTES, DEFAULT_PART_SHIFT, HASH_ID, MAX_PART_SHIFT, MAX_PARTS, MIN_PART_SHIFT, partBinding, partBlocksOf,
  partCountOf, payloadOffsetOf, writeHeader, type KeyType,
} from './format.js';
import { fastHash, lane2 } from './hash.js';
import { hexWord, isSha1Hex } from './hex.js';
import { ntlmLane2, ntlmLanes } from './md4.js';
import type { Sha1Hex } from './sha1.js';
import { portableSha1Hex } from './sha1-portable.js';
import { BLOCK_WORDS, chooseShape, MAX_FPR, MIN_FPR } from './sizing.js';

export interface FilterOptions {
  /** Target false-positive rate, MIN_FPR (1e-9) ..0.5. Default 1e-4. */
  falsePositiveRate?: number;
  /**
   * 'fast' (default): fast64 of the UTF-16 code units. 'sha1': SHA-1 of the UTF-8 bytes (HIBP).
   * 'ntlm': MD4 of the UTF-16LE code units (HIBP's NTLM download).
   */
  keyType?: KeyType;
  /** u32 mixed into the 'fast' hash (default 0). Must be 0 for 'sha1' and 'ntlm'. */
  seed?: number;
  /** Recorded in the header: the smallest breach count that was let in (default 0). */
  minCount?: number;
  /** SHA-1 implementation for `add()` on 'sha1' filters (default: pure JS). */
  sha1?: Sha1Hex;
  /** Blocks per part as a power of two, 10..26 (default 22: 256 MiB parts). Raised if the filter needs more than 65,536 parts. */
  partShift?: number;
}

export interface FilterBuilderOptions extends FilterOptions {
  /** How many keys will be added; sizes the filter. Adding more raises the real FPR. */
  expectedCount: number;
  /**
   * Put the parts in SharedArrayBuffers and set bits with atomic ORs, so worker threads can
   * insert into the same filter at once (`sharedParts`). Default false.
   */
  shared?: boolean;
}

/** A finished filter as separate pieces, for files too large for one Uint8Array. */
export interface FilterPieces {
  /** The header and part table (`payloadOffset` bytes). */
  readonly header: Uint8Array;
  /** Each part's little-endian bytes, in file order. */
  readonly parts: readonly Uint8Array[];
  readonly byteLength: number;
}

export interface FilterBuilder {
  readonly keyType: KeyType;
  /** Keys added so far (duplicates included) through this builder. */
  readonly count: number;
  readonly expectedCount: number;
  /** Size of the finished file in bytes. */
  readonly byteLength: number;
  /** The parts' words, for worker threads when `shared` (they set bits with Atomics.or). */
  readonly sharedParts: readonly Int32Array[] | null;
  readonly k: number;
  readonly blockCount: number;
  readonly partShift: number;
  /** Adds a password (hashed according to the key type). */
  add(password: string): void;
  /** 'sha1' and 'ntlm' filters: adds a digest given as 40 (sha1) or 32 (ntlm) hex digits, either case. */
  addHex(hex: string): void;
  /** Same as `addHex` for 'sha1' filters (kept for existing callers). */
  addSha1Hex(hex: string): void;
  /** Low level: adds pre-computed lanes (for 'sha1'/'ntlm': digest bytes 0–3 and 4–7, big-endian). */
  addLanes(h1: number, h2: number): void;
  /** Counts keys that other threads inserted into `sharedParts` (the header records the total). */
  addCount(n: number): void;
  /** Writes the header and returns the file bytes (RangeError past what one Uint8Array holds: use `finishPieces`). */
  finish(): Uint8Array;
  /** Writes the header and returns the file as header + parts. The builder cannot be used afterwards. */
  finishPieces(): FilterPieces;
}

function checkOptions(o: FilterOptions): Required<Omit<FilterOptions, 'sha1'>> {
  const falsePositiveRate = o.falsePositiveRate ?? 1e-4;
  if (typeof falsePositiveRate !== 'number' || !(falsePositiveRate >= MIN_FPR && falsePositiveRate <= MAX_FPR)) {
    throw new RangeError(`falsePositiveRate must be a number in ${MIN_FPR}..${MAX_FPR}`);
  }
  const keyType = o.keyType ?? 'fast';
  if (keyType !== 'fast' && keyType !== 'sha1' && keyType !== 'ntlm') throw new TypeError(`keyType must be 'fast', 'sha1' or 'ntlm'`);
  const seed = o.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError('seed must be an integer in 0..2^32-1');
  if (keyType !== 'fast' && seed !== 0) throw new RangeError(`seed must be 0 for keyType ${keyType} (the hash is unseeded)`);
  const minCount = o.minCount ?? 0;
  if (!Number.isInteger(minCount) || minCount < 0 || minCount > 0xffffffff) {
    throw new RangeError('minCount must be an integer in 0..2^32-1');
  }
  const partShift = o.partShift ?? DEFAULT_PART_SHIFT;
  if (!Number.isInteger(partShift) || partShift < MIN_PART_SHIFT || partShift > MAX_PART_SHIFT) {
    throw new RangeError(`partShift must be an integer in ${MIN_PART_SHIFT}..${MAX_PART_SHIFT}`);
  }
  return { falsePositiveRate, keyType, seed, minCount, partShift };
}

/** Part words, allocated once. One unshared part lives inside the final file bytes. */
function allocate(blocks: number, shift: number, shared: boolean): { file: Uint8Array | null; parts: Int32Array[] } {
  const partCount = partCountOf(blocks, shift);
  const offset = payloadOffsetOf(partCount);
  if (partCount === 1 && !shared) {
    const file = new Uint8Array(offset + blocks * BLOCK_BYTES);
    return { file, parts: [new Int32Array(file.buffer, offset, blocks * BLOCK_WORDS)] };
  }
  const parts = Array.from({ length: partCount }, (_, i) => {
    const words = partBlocksOf({ blockCount: blocks, partShift: shift }, i) * BLOCK_WORDS;
    return new Int32Array(shared ? new SharedArrayBuffer(words * 4) : new ArrayBuffer(words * 4));
  });
  return { file: null, parts };
}

export function createFilterBuilder(options: FilterBuilderOptions): FilterBuilder {
  const { falsePositiveRate, keyType, seed, minCount, partShift } = checkOptions(options);
  const expectedCount = options.expectedCount;
  if (!Number.isSafeInteger(expectedCount) || expectedCount < 0) {
    throw new RangeError('expectedCount must be a non-negative integer');
  }
  const shared = options.shared === true;
  const sha1 = options.sha1 ?? portableSha1Hex;
  const { blocks, k } = chooseShape(expectedCount, falsePositiveRate);
  let shift = partShift;
  while (partCountOf(blocks, shift) > MAX_PARTS) shift++;
  const { file, parts } = allocate(blocks, shift, shared);
  const offset = payloadOffsetOf(parts.length);
  const store: BlockStore = blockStore(parts, shift, blocks);
  // Keys are inserted in small batches (bloom.ts: many cache misses in flight at once); every
  // read of the bits (`pieces`) flushes first.
  const batch = laneBatch(store, k, shared);
  let count = 0;
  let finished = false;

  const live = (): void => {
    if (finished) throw new Error('filter builder already finished');
  };
  const addLanes = (h1: number, h2: number): void => {
    live();
    batch.add(h1, h2);
    count++;
  };
  const digits = keyType === 'ntlm' ? 32 : 40;
  const addHex = (hex: string): void => {
    if (keyType === 'fast') throw new TypeError("addHex needs keyType 'sha1' or 'ntlm'");
    if (typeof hex !== 'string' || hex.length !== digits || !isSha1Hex(hex.padEnd(40, '0'))) {
      throw new TypeError(`expected a ${keyType === 'ntlm' ? 'NTLM' : 'SHA-1'} digest as ${digits} hex digits`);
    }
    addLanes(hexWord(hex, 0), hexWord(hex, 8));
  };
  const add = (password: string): void => {
    if (typeof password !== 'string') throw new TypeError('keys must be strings');
    if (keyType === 'fast') addLanes(fastHash(password, seed), lane2);
    else if (keyType === 'ntlm') addLanes(ntlmLanes(password), ntlmLane2);
    else {
      const hex = sha1(password);
      addLanes(hexWord(hex, 0), hexWord(hex, 8));
    }
  };

  const pieces = (): FilterPieces => {
    live();
    batch.flush();
    finished = true;
    const header = file ? file.subarray(0, offset) : new Uint8Array(offset);
    const fields = { keyType, hashId: HASH_ID[keyType], k, blockCount: blocks, seed, count, targetFpr: falsePositiveRate, minCount, partShift: shift };
    // The part checksums' prefix is header words 0..13, which do not hold the checksums.
    writeHeader(header, { ...fields, partChecksums: parts.map(() => 0) });
    // Checksums are defined over the words' values, i.e. host order before any swap.
    const partChecksums = parts.map((w, i) => checksumWords(w, partBinding(header, i, w.length / BLOCK_WORDS)));
    writeHeader(header, { ...fields, partChecksums });
    const partBytes = parts.map(littleEndianBytes);
    return { header, parts: partBytes, byteLength: offset + blocks * BLOCK_BYTES };
  };

  return {
    keyType,
    expectedCount,
    byteLength: offset + blocks * BLOCK_BYTES,
    sharedParts: shared ? parts : null,
    k,
    blockCount: blocks,
    partShift: shift,
    get count() {
      return count;
    },
    add,
    addHex,
    addSha1Hex(hex) {
      if (keyType !== 'sha1') throw new TypeError("addSha1Hex needs keyType 'sha1'");
      addHex(hex);
    },
    addLanes,
    addCount(n) {
      live();
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('addCount expects a non-negative integer');
      count += n;
    },
    finish() {
      const p = pieces();
      // One unshared part lives in `file`, unless the words had to be copied to little-endian bytes.
      if (file && p.parts[0]!.buffer === file.buffer) return file;
      const out = new Uint8Array(p.byteLength);
      out.set(p.header, 0);
      let at = p.header.length;
      for (const part of p.parts) {
        out.set(part, at);
        at += part.length;
      }
      return out;
    },
    finishPieces: pieces,
  };
}

/**
 * Builds a filter from all `keys` (passwords). Arrays and Sets are sized directly; any other
 * iterable is collected first, since the filter must be sized before the first insert — use
 * `createFilterBuilder` with `expectedCount` for inputs too large to hold.
 */
export function buildFilter(keys: Iterable<string>, options: FilterOptions = {}): Uint8Array {
  const list: readonly string[] | ReadonlySet<string> =
    Array.isArray(keys) || keys instanceof Set ? (keys as readonly string[] | ReadonlySet<string>) : Array.from(keys);
  const expectedCount = Array.isArray(list) ? list.length : (list as ReadonlySet<string>).size;
  const builder = createFilterBuilder({ ...options, expectedCount });
  for (const key of list) builder.add(key);
  return builder.finish();
}
