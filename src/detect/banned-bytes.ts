import { pad8 } from '../bytes.js';
import type { TermIndex } from '../match/term-index.js';
import { termIndexFromBytes, termIndexToBytes } from '../match/term-index-bytes.js';

/**
 * The shipped global banned list's index, precompiled at data-build time so that createChecker
 * views it in place instead of building it (≈ 25 ms of cold code). Little-endian:
 *
 *   0  magic "PGBL"   4  version u32 (1)   8  terms in the list u32   12 key length u32
 *   16 key (UTF-8: normaliser settings and fuzzy length it was built with), padded to 8
 *      TermIndex bytes (term-index-bytes.ts)
 *
 * A file whose key or term count differs from the checker's is not used (null): the checker
 * builds the index from the text list instead.
 */
const MAGIC = 0x4c424750; // "PGBL"
const VERSION = 1;

export function encodeBannedIndex(index: TermIndex, termCount: number, key: string): Uint8Array {
  const keyBytes = new TextEncoder().encode(key);
  const body = termIndexToBytes(index);
  const at = 16 + pad8(keyBytes.length);
  const out = new Uint8Array(at + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, termCount, true);
  view.setUint32(12, keyBytes.length, true);
  out.set(keyBytes, 16);
  out.set(body, at);
  return out;
}

/**
 * Reads a precompiled index; null when it was built with other settings than `key` or for a list
 * of another length. Throws RangeError on damaged bytes.
 */
export function decodeBannedIndex(bytes: Uint8Array, key: string, termCount: number): TermIndex | null {
  if (bytes.length < 16) throw new RangeError('invalid banned-list index file: truncated header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new RangeError('invalid banned-list index file: bad magic');
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new RangeError(`invalid banned-list index file: unsupported version ${version}`);
  const keyLength = view.getUint32(12, true);
  const at = 16 + pad8(keyLength);
  if (at > bytes.length) throw new RangeError('invalid banned-list index file: truncated key');
  if (view.getUint32(8, true) !== termCount) return null;
  if (new TextDecoder().decode(bytes.subarray(16, 16 + keyLength)) !== key) return null;
  const index = termIndexFromBytes(bytes.subarray(at));
  if (index.idLimit !== termCount) throw new RangeError('invalid banned-list index file: term count mismatch');
  return index;
}
