/**
 * The 'fast' key hash: a 64-bit hash, produced as two 32-bit lanes, of the password's UTF-16
 * code units. Hashing code units (not UTF-8) means no encoding step on the lookup path, and a JS
 * string is the same sequence of code units in Node and in every browser, lone surrogates
 * included. Only `Math.imul`, shifts, `^`, `+` and `| 0` are used, so every engine computes the
 * same bits (docs/filter-format.md spells the arithmetic out).
 *
 * It is not a cryptographic hash: it only has to spread keys evenly over blocks and bits.
 */

// Lane constants: xxHash32 primes for lane 1, MurmurHash3 constants for lane 2.
const P1 = 0x9e3779b1 | 0;
const P2 = 0x85ebca77 | 0;
const Q1 = 0xcc9e2d51 | 0;
const Q2 = 0x1b873593 | 0;

/** Lane 2 of the last `fastHash` call (lane 1 is the return value): avoids allocating a pair. */
export let lane2 = 0;

/** MurmurHash3's 32-bit finaliser: full avalanche of one lane. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Hash `s` with `seed` (a u32). Returns lane 1 (signed int32) and leaves lane 2 in `lane2`.
 * Code units are taken two at a time as one 32-bit word `u[i] | u[i+1] << 16`; an odd last unit
 * is a word with a zero high half. The length is mixed in so that a trailing U+0000 changes it.
 */
export function fastHash(s: string, seed: number): number {
  const n = s.length;
  let h1 = (seed ^ 0x2d358dcc) | 0;
  let h2 = (seed ^ 0x6a09e667) | 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    h1 = (h1 + Math.imul(w, P2)) | 0;
    h1 = Math.imul((h1 << 13) | (h1 >>> 19), P1);
    h2 = (h2 ^ Math.imul(w, Q1)) | 0;
    h2 = Math.imul((h2 << 15) | (h2 >>> 17), Q2);
  }
  if (i < n) {
    const w = s.charCodeAt(i);
    h1 = (h1 + Math.imul(w, P2)) | 0;
    h1 = Math.imul((h1 << 13) | (h1 >>> 19), P1);
    h2 = (h2 ^ Math.imul(w, Q1)) | 0;
    h2 = Math.imul((h2 << 15) | (h2 >>> 17), Q2);
  }
  h1 ^= n;
  h2 ^= Math.imul(n, 0x27d4eb2f);
  // Cross the lanes before and after finalising so each output bit depends on both lanes.
  h1 = (h1 + h2) | 0;
  h2 = (h2 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h1 = (h1 + h2) | 0;
  h2 = (h2 + h1) | 0;
  lane2 = h2;
  return h1;
}
