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

/** `insertLanes` for blocks that other threads set at the same time (SharedArrayBuffer parts). */
export function insertLanesAtomic(s: BlockStore, k: number, h1: number, h2: number): void {
  const block = ((h1 >>> 0) * s.scale) >>> 0;
  const words = s.parts[block >>> s.shift]!;
  const base = (block & ((1 << s.shift) - 1)) << 4;
  let x = h2 | 0;
  for (let j = 0; j < k; j++) {
    const p = x >>> 23;
    Atomics.or(words, base + (p >>> 5), 1 << (p & 31));
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
