/**
 * MD4 (RFC 1320) for NTLM keys: the NT hash of a password is MD4 of its UTF-16LE code units, the
 * form of Have I Been Pwned's NTLM download. Written here rather than taken from npm because the
 * lookup must be synchronous in every host: Node's crypto refuses MD4 under OpenSSL 3, hash-wasm
 * needs an asynchronous WebAssembly start-up, and js-md4 adds a dependency for ~60 lines.
 * Checked against RFC 1320's test suite and a known NT hash in test/filter/md4.test.ts.
 */

const S1 = [3, 7, 11, 19];
const S2 = [3, 5, 9, 13];
const S3 = [3, 9, 11, 15];
const K2 = [0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15];
const K3 = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];

const rotl = (x: number, s: number): number => (x << s) | (x >>> (32 - s));

/** MD4 of `bytes`: the 16-byte digest. */
export function md4(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const blocks = Math.floor((n + 8) / 64) + 1;
  const m = new Uint8Array(blocks * 64);
  m.set(bytes);
  m[n] = 0x80;
  const dv = new DataView(m.buffer);
  dv.setUint32(blocks * 64 - 8, (n * 8) >>> 0, true);
  dv.setUint32(blocks * 64 - 4, Math.floor(n / 2 ** 29), true);
  let a = 0x67452301;
  let b = 0xefcdab89 | 0;
  let c = 0x98badcfe | 0;
  let d = 0x10325476;
  const x = new Int32Array(16);
  for (let blk = 0; blk < blocks; blk++) {
    for (let i = 0; i < 16; i++) x[i] = dv.getInt32(blk * 64 + i * 4, true);
    const [aa, bb, cc, dd] = [a, b, c, d];
    for (let i = 0; i < 16; i++) {
      const f = (b & c) | (~b & d);
      const t = rotl((a + f + x[i]!) | 0, S1[i & 3]!);
      [a, b, c, d] = [d, t, b, c];
    }
    for (let i = 0; i < 16; i++) {
      const g = (b & c) | (b & d) | (c & d);
      const t = rotl((a + g + x[K2[i]!]! + 0x5a827999) | 0, S2[i & 3]!);
      [a, b, c, d] = [d, t, b, c];
    }
    for (let i = 0; i < 16; i++) {
      const h = b ^ c ^ d;
      const t = rotl((a + h + x[K3[i]!]! + 0x6ed9eba1) | 0, S3[i & 3]!);
      [a, b, c, d] = [d, t, b, c];
    }
    a = (a + aa) | 0;
    b = (b + bb) | 0;
    c = (c + cc) | 0;
    d = (d + dd) | 0;
  }
  const out = new Uint8Array(16);
  const ov = new DataView(out.buffer);
  [a, b, c, d].forEach((w, i) => ov.setInt32(i * 4, w, true));
  return out;
}

/** The NT hash: MD4 of the UTF-16LE code units (lone surrogates as they are). */
export function ntlmDigest(password: string): Uint8Array {
  const bytes = new Uint8Array(password.length * 2);
  for (let i = 0; i < password.length; i++) {
    const u = password.charCodeAt(i);
    bytes[2 * i] = u & 0xff;
    bytes[2 * i + 1] = u >>> 8;
  }
  return md4(bytes);
}

/** Lane 2 of the last `ntlmLanes` call (lane 1 is the return value), as `lane2` in hash.ts. */
export let ntlmLane2 = 0;

/** The filter lanes of an NTLM key: digest bytes 0–3 and 4–7 as big-endian words (the hex's first 16 digits). */
export function ntlmLanes(password: string): number {
  const d = ntlmDigest(password);
  ntlmLane2 = (d[4]! << 24) | (d[5]! << 16) | (d[6]! << 8) | d[7]!;
  return (d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!;
}
