/**
 * Where a key's bits go. Both key types reduce a key to two 32-bit lanes (h1, h2):
 *   block  = floor((h1 as u32) · blockCount / 2^32)      ("fast range": no modulo, no bias to speak of)
 *   probes: x₀ = h2;  bit_j = x_j >>> 23 (top 9 bits, 0..511);  x_{j+1} = (x_j · 1664525 + 1013904223) mod 2^32
 * Bit p of the block is bit (p & 31) of little-endian word (block·16 + (p >>> 5)).
 * LCG steps instead of `h2 + j·delta mod 512` were measured ~5 % better in FPR (measurements.md):
 * the top bits of an LCG sequence are close to independent, arithmetic progressions are not.
 */

export const LCG_MUL = 1664525;
export const LCG_INC = 1013904223;

/** The fast-range factor for `blockCount` (exact: a division by a power of two). */
export function blockScale(blockCount: number): number {
  return blockCount / 4294967296;
}

export function insertLanes(words: Int32Array, scale: number, k: number, h1: number, h2: number): void {
  // `>>> 0` truncates the non-negative product, which is floor; it stays < blockCount < 2^26.
  const base = (((h1 >>> 0) * scale) >>> 0) << 4;
  let x = h2 | 0;
  for (let j = 0; j < k; j++) {
    const p = x >>> 23;
    const i = base + (p >>> 5);
    words[i] = words[i]! | (1 << (p & 31));
    x = (Math.imul(x, LCG_MUL) + LCG_INC) | 0;
  }
}

export function queryLanes(words: Int32Array, scale: number, k: number, h1: number, h2: number): boolean {
  const base = (((h1 >>> 0) * scale) >>> 0) << 4;
  let x = h2 | 0;
  for (let j = 0; j < k; j++) {
    const p = x >>> 23;
    if ((words[base + (p >>> 5)]! & (1 << (p & 31))) === 0) return false;
    x = (Math.imul(x, LCG_MUL) + LCG_INC) | 0;
  }
  return true;
}
