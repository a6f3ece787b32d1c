/**
 * Where a key's bits go. Every key type reduces a key to two 32-bit lanes (h1, h2):
 *   block  = floor((h1 as u32) · blockCount / 2^32)      ("fast range": no modulo, no bias to speak of)
 *   probes: x₀ = h2;  bit_j = x_j >>> 23 (top 9 bits, 0..511);  x_{j+1} = (x_j · 1664525 + 1013904223) mod 2^32
 * Bit p of the block is bit (p & 31) of little-endian word (block·16 + (p >>> 5)).
 * LCG steps instead of `h2 + j·delta mod 512` were measured ~5 % better in FPR (measurements.md):
 * the top bits of an LCG sequence are close to independent, arithmetic progressions are not.
 *
 * The blocks live in parts of 2^shift blocks (format version 2): block b is block b & (2^shift − 1)
 * of part b >>> shift. A lookup still touches one 64-byte block, i.e. one cache line.
 */

export const LCG_MUL = 1664525;
export const LCG_INC = 1013904223;

/** The fast-range factor for `blockCount` (exact: a division by a power of two). */
export function blockScale(blockCount: number): number {
  return blockCount / 4294967296;
}

/** The blocks of a filter as the lookups see them. */
export interface BlockStore {
  readonly parts: readonly Int32Array[];
  readonly shift: number;
  readonly scale: number;
}

export function blockStore(parts: readonly Int32Array[], shift: number, blockCount: number): BlockStore {
  return { parts, shift, scale: blockScale(blockCount) };
}

export function insertLanes(s: BlockStore, k: number, h1: number, h2: number): void {
  // `>>> 0` truncates the non-negative product, which is floor; it stays < blockCount < 2^32.
  const block = ((h1 >>> 0) * s.scale) >>> 0;
  const words = s.parts[block >>> s.shift]!;
  const base = (block & ((1 << s.shift) - 1)) << 4;
  let x = h2 | 0;
  for (let j = 0; j < k; j++) {
    const p = x >>> 23;
    const i = base + (p >>> 5);
    words[i] = words[i]! | (1 << (p & 31));
    x = (Math.imul(x, LCG_MUL) + LCG_INC) | 0;
  }
}

export function queryLanes(s: BlockStore, k: number, h1: number, h2: number): boolean {
  const block = ((h1 >>> 0) * s.scale) >>> 0;
  const words = s.parts[block >>> s.shift]!;
  const base = (block & ((1 << s.shift) - 1)) << 4;
  let x = h2 | 0;
  for (let j = 0; j < k; j++) {
    const p = x >>> 23;
    if ((words[base + (p >>> 5)]! & (1 << (p & 31))) === 0) return false;
    x = (Math.imul(x, LCG_MUL) + LCG_INC) | 0;
  }
  return true;
}

/** Block numbers of the keys of one `insertBatch` (reused; a batch is at most this long). */
export const MAX_BATCH = 256;
const batchBlocks = new Int32Array(MAX_BATCH);

/**
 * Inserts `n` keys given as lane pairs `lanes[2i], lanes[2i+1]`. Same bits as `insertLanes` per
 * key; faster on filters larger than the caches because a first pass only reads one word of
 * every key's block: those reads do not depend on each other, so the CPU has many cache (and
 * TLB) misses in flight at once instead of one per key, and the second pass finds the lines in
 * cache. `atomic`: set bits with Atomics.or (parts other threads set at the same time).
 */
export function insertBatch(s: BlockStore, k: number, lanes: Int32Array, n: number, atomic: boolean): void {
  const { parts, shift, scale } = s;
  const mask = (1 << shift) - 1;
  let touched = 0;
  for (let i = 0; i < n; i++) {
    const block = ((lanes[2 * i]! >>> 0) * scale) >>> 0;
    batchBlocks[i] = block;
    touched |= parts[block >>> shift]![(block & mask) << 4]!;
  }
  for (let i = 0; i < n; i++) {
    const block = batchBlocks[i]! >>> 0;
    const words = parts[block >>> shift]!;
    const base = (block & mask) << 4;
    let x = lanes[2 * i + 1]! | 0;
    if (atomic) {
      for (let j = 0; j < k; j++) {
        const p = x >>> 23;
        Atomics.or(words, base + (p >>> 5), 1 << (p & 31));
        x = (Math.imul(x, LCG_MUL) + LCG_INC) | 0;
      }
    } else {
      for (let j = 0; j < k; j++) {
        const p = x >>> 23;
        const w = base + (p >>> 5);
        words[w] = words[w]! | (1 << (p & 31));
        x = (Math.imul(x, LCG_MUL) + LCG_INC) | 0;
      }
    }
  }
  // Keeps the first pass's reads from being optimised away (the value itself is meaningless).
  batchSink ^= touched;
}
let batchSink = 0;

/** Keys per batch: measured best at 16–32 on filters of 1e7 and 1e8 keys (bench/filter-big.ts). */
const BATCH = 32;

/** Collects lane pairs and inserts them `BATCH` at a time (`insertBatch`); `flush` before reading the bits. */
export interface LaneBatch {
  add(h1: number, h2: number): void;
  flush(): void;
}

export function laneBatch(s: BlockStore, k: number, atomic: boolean): LaneBatch {
  const lanes = new Int32Array(2 * BATCH);
  let n = 0;
  return {
    add(h1, h2) {
      lanes[2 * n] = h1;
      lanes[2 * n + 1] = h2;
      if (++n === BATCH) {
        insertBatch(s, k, lanes, n, atomic);
        n = 0;
      }
    },
    flush() {
      if (n > 0) insertBatch(s, k, lanes, n, atomic);
      n = 0;
    },
  };
}
