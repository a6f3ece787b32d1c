/**
 * Polynomial rolling hash over UTF-16 code units, modulo 2^32.
 *
 * H(s) = Σ s[j]·B^(n-1-j)  (mod 2^32), so with prefix hashes P[k] = H(s[0..k)):
 *   H(s[a..b))             = P[b] − P[a]·B^(b−a)
 *   H(x ++ y)              = H(x)·B^|y| + H(y)
 * which gives every window's hash, and the hash of every window with one unit deleted,
 * in O(1) without building a string. Arithmetic is `Math.imul` and `| 0`, so it is exact
 * in doubles and identical at build time and query time.
 *
 * Mod-2^32 polynomials have weak low bits and are attackable with long crafted inputs;
 * both only cost speed here, never correctness: `mixKey` scrambles the value before it
 * picks a slot, and every candidate is verified unit by unit against the term.
 */

/** Odd multiplier, so B is invertible mod 2^32 and no unit is ever "forgotten". */
const BASE = 0x2f0b_3a49 | 1;
/** The base, for loops that fuse hashing with other work on the same units (the build). */
export const HASH_BASE = BASE;

/** B^k mod 2^32, grown on demand and shared by every index. */
let powers = new Int32Array(0);

/** Returns a table with at least `n + 1` powers of the base (B^0 … B^n). */
export function powerTable(n: number): Int32Array {
  if (powers.length <= n) {
    const next = new Int32Array(Math.max(n + 1, powers.length * 2, 64));
    next[0] = 1;
    for (let k = 1; k < next.length; k++) next[k] = Math.imul(next[k - 1]!, BASE);
    powers = next;
  }
  return powers;
}

/**
 * Writes prefix hashes of `text[from..to)` into `out[0..to-from]` (out[0] = 0).
 * `out` must have room for `to - from + 1` values.
 */
export function prefixHashes(text: string, from: number, to: number, out: Int32Array): void {
  let h = 0;
  out[0] = 0;
  for (let k = from; k < to; k++) {
    h = (Math.imul(h, BASE) + text.charCodeAt(k)) | 0;
    out[k - from + 1] = h;
  }
}

/** EXACT and DELETE keys live in one table; the salt keeps their fingerprints apart. */
export const EXACT_SALT = 0;
export const DELETE_SALT = 0x5bd1_e995;
/** Salts of the prefix and suffix reach filters (separate structures; distinct for hygiene). */
export const PREFIX_SALT = 0x27d4_eb2f;
export const SUFFIX_SALT = 0x1656_67b1;

/**
 * Final 32-bit key from a rolling hash, the hashed string's length and the key kind.
 * The length is mixed in because the polynomial alone cannot tell "\0a" from "a".
 * The finaliser is MurmurHash3's fmix32 (a bijection), so distinct inputs stay distinct.
 */
export function mixKey(hash: number, length: number, salt: number): number {
  let h = hash ^ Math.imul(length + 1, 0x9e37_79b1) ^ salt;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
