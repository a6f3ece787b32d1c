import type { Sha1Hex } from './sha1.js';

/**
 * SHA-1 (FIPS 180-4) in pure JS, for browsers and any host without `node:crypto`. SHA-1 is
 * used here only as the key derivation HIBP fixed (a 'sha1' filter holds the leading bits of
 * each digest), never for secrecy, so all that matters is that the digest is exactly SHA-1's:
 * test/filter checks it against `node:crypto` on random strings of every block-boundary length.
 * A few dozen lines here instead of a hashing library: the browser core is 4 KB (minified) smaller.
 */
const encoder = new TextEncoder();
/** The message schedule, reused by every call (JS is single-threaded and this never re-enters). */
const w = new Int32Array(80);

const hex8 = (h: number): string => (h >>> 0).toString(16).padStart(8, '0');

export const portableSha1Hex: Sha1Hex = (password) => {
  // TextEncoder writes a lone surrogate as U+FFFD, as Node's UTF-8 conversion does.
  const bytes = encoder.encode(password);
  const n = bytes.length;
  // The padded message as big-endian words: the bytes, 0x80, zeros to 56 mod 64, then the
  // length in bits as a 64-bit number (high word: floor(n / 2^29), the store truncates).
  const m = new Int32Array((((n + 8) >>> 6) + 1) << 4);
  for (let i = 0; i < n; i++) m[i >> 2]! |= bytes[i]! << (24 - ((i & 3) << 3));
  m[n >> 2]! |= 0x80 << (24 - ((n & 3) << 3));
  m[m.length - 2] = n / 0x20000000;
  m[m.length - 1] = n << 3;
  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  for (let off = 0; off < m.length; off += 16) {
    for (let t = 0; t < 16; t++) w[t] = m[off + t]!;
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let t = 0; t < 80; t++) {
      // Sums stay below 2^36, exact in a double; `| 0` then takes them mod 2^32.
      const f =
        t < 20 ? ((b & c) | (~b & d)) + 0x5a827999
        : t < 40 ? (b ^ c ^ d) + 0x6ed9eba1
        : t < 60 ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
        : (b ^ c ^ d) + 0xca62c1d6;
      const next = (((a << 5) | (a >>> 27)) + f + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return hex8(h0) + hex8(h1) + hex8(h2) + hex8(h3) + hex8(h4);
};
