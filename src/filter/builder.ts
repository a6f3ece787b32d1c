/**
 * Building filters. A blocked Bloom filter must be sized before the first insert, so the
 * streaming builder takes `expectedCount` up front; it allocates the final file bytes once
 * (memory ≈ the filter's size) and sets bits straight into them.
 */
import { blockScale, insertLanes } from './bloom.js';
import { checksumWords } from './checksum.js';
import { LITTLE_ENDIAN, swapWordsInPlace } from './endian.js';
import { BLOCK_BYTES, FORMAT_VERSION, HASH_ID, PAYLOAD_OFFSET, writeHeader, type KeyType } from './format.js';
import { fastHash, lane2 } from './hash.js';
import { hexWord, isSha1Hex } from './hex.js';
import type { Sha1Hex } from './sha1.js';
import { portableSha1Hex } from './sha1-portable.js';
import { BLOCK_WORDS, chooseShape, MAX_FPR, MIN_FPR } from './sizing.js';

export interface FilterOptions {
  /** Target false-positive rate, MIN_FPR (1e-9) ..0.5. Default 1e-4. */
  falsePositiveRate?: number;
  /** 'fast' (default): fast64 of the UTF-16 code units. 'sha1': SHA-1 of the UTF-8 bytes. */
  keyType?: KeyType;
  /** u32 mixed into the 'fast' hash (default 0). Must be 0 for 'sha1'. */
  seed?: number;
  /** Recorded in the header: the smallest breach count that was let in (default 0). */
  minCount?: number;
  /** SHA-1 implementation for `add()` on 'sha1' filters (default: pure JS). */
  sha1?: Sha1Hex;
}

export interface FilterBuilderOptions extends FilterOptions {
  /** How many keys will be added; sizes the filter. Adding more raises the real FPR. */
  expectedCount: number;
}

export interface FilterBuilder {
  readonly keyType: KeyType;
  /** Keys added so far (duplicates included). */
  readonly count: number;
  readonly expectedCount: number;
  /** Size of the finished file in bytes. */
  readonly byteLength: number;
  /** Adds a password (hashed according to the key type). */
  add(password: string): void;
  /** 'sha1' filters only: adds a SHA-1 digest given as 40 hex digits (either case). */
  addSha1Hex(hex: string): void;
  /** Low level: adds pre-computed lanes (for 'sha1': digest bytes 0–3 and 4–7, big-endian). */
  addLanes(h1: number, h2: number): void;
  /** Writes the header and returns the file bytes. The builder cannot be used afterwards. */
  finish(): Uint8Array;
}

function checkOptions(o: FilterOptions): Required<Omit<FilterOptions, 'sha1'>> {
  const falsePositiveRate = o.falsePositiveRate ?? 1e-4;
  if (typeof falsePositiveRate !== 'number' || !(falsePositiveRate >= MIN_FPR && falsePositiveRate <= MAX_FPR)) {
    throw new RangeError(`falsePositiveRate must be a number in ${MIN_FPR}..${MAX_FPR}`);
  }
  const keyType = o.keyType ?? 'fast';
  if (keyType !== 'fast' && keyType !== 'sha1') throw new TypeError(`keyType must be 'fast' or 'sha1'`);
  const seed = o.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError('seed must be an integer in 0..2^32-1');
  if (keyType === 'sha1' && seed !== 0) throw new RangeError('seed must be 0 for keyType sha1 (SHA-1 is unseeded)');
  const minCount = o.minCount ?? 0;
  if (!Number.isInteger(minCount) || minCount < 0 || minCount > 0xffffffff) {
    throw new RangeError('minCount must be an integer in 0..2^32-1');
  }
  return { falsePositiveRate, keyType, seed, minCount };
}

export function createFilterBuilder(options: FilterBuilderOptions): FilterBuilder {
  const { falsePositiveRate, keyType, seed, minCount } = checkOptions(options);
  const expectedCount = options.expectedCount;
  if (!Number.isSafeInteger(expectedCount) || expectedCount < 0) {
    throw new RangeError('expectedCount must be a non-negative integer');
  }
  const sha1 = options.sha1 ?? portableSha1Hex;
  const { blocks, k } = chooseShape(expectedCount, falsePositiveRate);
  const bytes = new Uint8Array(PAYLOAD_OFFSET + blocks * BLOCK_BYTES);
  // Host-order words over the payload; swapped to little-endian in finish() on big-endian hosts.
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + PAYLOAD_OFFSET, blocks * BLOCK_WORDS);
  const scale = blockScale(blocks);
  let count = 0;
  let finished = false;

  const live = (): void => {
    if (finished) throw new Error('filter builder already finished');
  };
  const addLanes = (h1: number, h2: number): void => {
    live();
    insertLanes(words, scale, k, h1, h2);
    count++;
  };
  const addSha1Hex = (hex: string): void => {
    if (keyType !== 'sha1') throw new TypeError("addSha1Hex needs keyType 'sha1'");
    if (typeof hex !== 'string' || !isSha1Hex(hex)) throw new TypeError('expected a SHA-1 digest as 40 hex digits');
    addLanes(hexWord(hex, 0), hexWord(hex, 8));
  };
  const add =
    keyType === 'fast'
      ? (password: string): void => {
          if (typeof password !== 'string') throw new TypeError('keys must be strings');
          const h1 = fastHash(password, seed);
          addLanes(h1, lane2);
        }
      : (password: string): void => {
          if (typeof password !== 'string') throw new TypeError('keys must be strings');
          const hex = sha1(password);
          addLanes(hexWord(hex, 0), hexWord(hex, 8));
        };

  return {
    keyType,
    expectedCount,
    byteLength: bytes.length,
    get count() {
      return count;
    },
    add,
    addSha1Hex,
    addLanes,
    finish() {
      live();
      finished = true;
      // The checksum is defined over the words' values, i.e. host order before any swap.
      const checksum = checksumWords(words);
      if (!LITTLE_ENDIAN) swapWordsInPlace(words);
      writeHeader(bytes, {
        version: FORMAT_VERSION,
        keyType,
        hashId: HASH_ID[keyType],
        k,
        blockCount: blocks,
        seed,
        count,
        targetFpr: falsePositiveRate,
        minCount,
        payloadChecksum: checksum,
      });
      return bytes;
    },
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
