import type { Sha1Hex } from './sha1.js';
import { sha1Words } from './sha1-lanes.js';

/**
 * SHA-1 (FIPS 180-4) in pure JS as a hex string, for browsers and any host without
 * `node:crypto`. SHA-1 is used here only as the key derivation HIBP fixed (a 'sha1' filter holds
 * the leading bits of each digest), never for secrecy, so all that matters is that the digest is
 * exactly SHA-1's: test/filter checks it against `node:crypto` on random strings of every
 * block-boundary length. The hashing itself is sha1-lanes.ts's (one implementation: the lookup
 * path's, which encodes UTF-8 itself, a lone surrogate as U+FFFD like TextEncoder and Node).
 * A few dozen lines instead of a hashing library: the browser core is 4 KB (minified) smaller.
 */
const hex8 = (h: number): string => (h >>> 0).toString(16).padStart(8, '0');

export const portableSha1Hex: Sha1Hex = (password) => {
  const h = sha1Words(password);
  return hex8(h[0]!) + hex8(h[1]!) + hex8(h[2]!) + hex8(h[3]!) + hex8(h[4]!);
};
