import { pad8 } from '../bytes.js';
import type { TermIndex } from '../match/term-index.js';
import { termIndexFromBytes, termIndexToBytes } from '../match/term-index-bytes.js';
import { portableSha1Hex } from '../filter/sha1-portable.js';
import type { Sha1Hex } from '../filter/sha1.js';

/**
 * The shipped global banned list's index, precompiled at data-build time so that createChecker
 * views it in place instead of building it (≈ 25 ms of cold code). Little-endian:
 *
 *   0  magic "PGBL"   4  version u32 (2)   8  terms in the list u32   12 key length u32
 *   16 SHA-1 of the list (its terms as read, joined by LF; 20 bytes), 4 zero bytes
 *   40 key (UTF-8: normaliser settings and fuzzy length it was built with), padded to 8
 *      TermIndex bytes (term-index-bytes.ts)
 *
 * A file built with other settings (key) is not used (null): the checker builds the index from the
 * text list instead. A file built from another list (term count or SHA-1 differ) is refused: it
 * would answer with term ids of a list the checker does not have, so it must be rebuilt.
 */
const MAGIC = 0x4c424750; // "PGBL"
const VERSION = 2;
const HASH_AT = 16;
const HASH_BYTES = 20;
const KEY_AT = 40;

/**
 * The content hash that binds an index to its list (computed at data-build time, checked at load).
 * `sha1` defaults to the pure-JS one; Node passes its native one (the portable one costs ~7 ms of
 * cold code on the 50 KB list, a third of what the precompiled index saves).
 */
export function bannedListHash(terms: readonly string[], sha1: Sha1Hex = portableSha1Hex): Uint8Array {
  const hex = sha1(terms.join('\n'));
  const out = new Uint8Array(HASH_BYTES);
  for (let i = 0; i < HASH_BYTES; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function encodeBannedIndex(index: TermIndex, terms: readonly string[], key: string): Uint8Array {
  const keyBytes = new TextEncoder().encode(key);
  const body = termIndexToBytes(index);
  const at = KEY_AT + pad8(keyBytes.length);
  const out = new Uint8Array(at + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, terms.length, true);
  view.setUint32(12, keyBytes.length, true);
  out.set(bannedListHash(terms), HASH_AT);
  out.set(keyBytes, KEY_AT);
  out.set(body, at);
  return out;
}

/**
 * Reads a precompiled index of the list `terms`; null when it was built with other settings than
 * `key`. Throws RangeError on damaged bytes, and on an index of another list (the loader makes
 * either a DataError that says to rebuild the data).
 */
export function decodeBannedIndex(bytes: Uint8Array, key: string, terms: readonly string[], sha1?: Sha1Hex): TermIndex | null {
  if (bytes.length < KEY_AT) throw new RangeError('invalid banned-list index file: truncated header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new RangeError('invalid banned-list index file: bad magic');
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new RangeError(`invalid banned-list index file: unsupported version ${version}`);
  const keyLength = view.getUint32(12, true);
  const at = KEY_AT + pad8(keyLength);
  if (at > bytes.length) throw new RangeError('invalid banned-list index file: truncated key');
  if (new TextDecoder().decode(bytes.subarray(KEY_AT, KEY_AT + keyLength)) !== key) return null;
  if (view.getUint32(8, true) !== terms.length || !sameBytes(bytes.subarray(HASH_AT, HASH_AT + HASH_BYTES), bannedListHash(terms, sha1))) {
    throw new RangeError('invalid banned-list index file: built from another global banned list than the one beside it');
  }
  const index = termIndexFromBytes(bytes.subarray(at));
  if (index.idLimit !== terms.length) throw new RangeError('invalid banned-list index file: term count mismatch');
  return index;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
