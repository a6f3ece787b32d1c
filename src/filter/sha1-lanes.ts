/**
 * SHA-1 (FIPS 180-4) of a password's UTF-8 bytes, returning only what a 'sha1' filter lookup
 * needs: the digest's first two big-endian words (the filter's lanes, bloom.ts). Lookups by
 * password on a HIBP filter are dominated by this hash (issue 12: ≥ 1 M lookups/s), and the
 * hex-string route (`portableSha1Hex` then `hexWord` twice, or `node:crypto`'s ~1 µs per call)
 * spends most of its time on a TextEncoder buffer, five `toString(16)`s and parsing them back.
 * Here the UTF-8 bytes go straight into a reused message buffer and nothing is allocated.
 *
 * Same encoding as TextEncoder and Node: a lone surrogate is U+FFFD (EF BF BD). test/filter
 * checks every length across the block boundaries and random Unicode against node:crypto.
 */

/** Lane 2 (digest word 1) of the last `sha1Lanes` call; lane 1 is the return value. */
export let sha1Lane2 = 0;

/**
 * The padded message as big-endian words. Passwords reuse one buffer (grown up to
 * MAX_REUSED_WORDS); longer texts (an ETag's body, a term list's hash) get their own, so a
 * one-off large hash does not stay in memory.
 */
const MAX_REUSED_WORDS = 4096;
let reused = new Int32Array(64);
let m = reused;
const w = new Int32Array(80);
/** The digest's five words, written by `sha1Words`; read them before the next call. */
const digest = new Int32Array(5);

/** Big-endian byte `byte` at byte position `i` of the message (m is zeroed up to where it is used). */
function put(i: number, byte: number): void {
  m[i >> 2]! |= byte << (24 - ((i & 3) << 3));
}

/** Writes `s` as UTF-8 into m (zeroed first) and returns the byte length. */
function encode(s: string): number {
  const n = s.length;
  // At most 3 bytes a code unit, plus 0x80, plus the 8-byte length, rounded up to whole blocks.
  const words = (((n * 3 + 8) >>> 6) + 1) << 4;
  if (words <= reused.length) (m = reused).fill(0, 0, words);
  else if (words <= MAX_REUSED_WORDS) m = reused = new Int32Array(words);
  else m = new Int32Array(words);
  let p = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      m[p >> 2]! |= c << (24 - ((p & 3) << 3));
      p++;
    } else if (c < 0x800) {
      put(p++, 0xc0 | (c >> 6));
      put(p++, 0x80 | (c & 63));
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          put(p++, 0xf0 | (c >> 18));
          put(p++, 0x80 | ((c >> 12) & 63));
          put(p++, 0x80 | ((c >> 6) & 63));
          put(p++, 0x80 | (c & 63));
          continue;
        }
        c = 0xfffd; // a lone surrogate
      }
      put(p++, 0xe0 | (c >> 12));
      put(p++, 0x80 | ((c >> 6) & 63));
      put(p++, 0x80 | (c & 63));
    }
  }
  return p;
}

/** SHA-1 of the UTF-8 bytes of `s`: digest word 0 (int32) returned, word 1 left in `sha1Lane2`. */
export function sha1Lanes(s: string): number {
  const h = sha1Words(s);
  sha1Lane2 = h[1]!;
  return h[0]!;
}

/**
 * SHA-1 of the UTF-8 bytes of `s` as five big-endian int32 words, in an array this module
 * reuses: read it before the next call (sha1-portable.ts formats it as hex).
 */
export function sha1Words(s: string): Int32Array {
  const n = encode(s);
  put(n, 0x80);
  const blocks = ((n + 8) >>> 6) + 1;
  const last = blocks << 4;
  // The length in bits as a 64-bit big-endian number (high word: floor(n / 2^29)).
  m[last - 2] = (n / 0x20000000) | 0;
  m[last - 1] = n << 3;
  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  for (let off = 0; off < last; off += 16) {
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
    // Four loops instead of one with a branch per round: each stays a tight int32 loop.
    for (let t = 0; t < 20; t++) {
      const next = (((a << 5) | (a >>> 27)) + (((b & c) | (~b & d)) + 0x5a827999) + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    for (let t = 20; t < 40; t++) {
      const next = (((a << 5) | (a >>> 27)) + ((b ^ c ^ d) + 0x6ed9eba1) + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    for (let t = 40; t < 60; t++) {
      const next = (((a << 5) | (a >>> 27)) + (((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc) + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    for (let t = 60; t < 80; t++) {
      const next = (((a << 5) | (a >>> 27)) + ((b ^ c ^ d) + 0xca62c1d6) + e + w[t]!) | 0;
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
  digest[0] = h0;
  digest[1] = h1;
  digest[2] = h2;
  digest[3] = h3;
  digest[4] = h4;
  return digest;
}
