/**
 * The payload is little-endian u32 words. Every current engine is little-endian, so the payload
 * is used in place through an Int32Array; on a big-endian host the words are byte-swapped into
 * a copy instead, so the file format stays the same everywhere.
 */
export { LITTLE_ENDIAN } from '../bytes.js';

/** Converts between the file's little-endian words and host order, in place. */
export function swapWordsInPlace(words: Int32Array): void {
  for (let i = 0; i < words.length; i++) {
    const v = words[i]!;
    words[i] = ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
  }
}
