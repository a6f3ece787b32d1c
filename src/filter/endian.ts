/**
 * The payload is little-endian u32 words. Every current engine is little-endian, so the payload
 * is used in place through an Int32Array; any other host reads and writes the words through a
 * DataView with an explicit little-endian flag (one copy), so the file format stays the same
 * everywhere. That path is correct on any host, which lets test/filter force it (`hostEndian`)
 * on this little-endian machine and check it against the golden bytes.
 */
import { LITTLE_ENDIAN } from '../bytes.js';

export { LITTLE_ENDIAN } from '../bytes.js';

/** Whether the filter code may use the payload's bytes as host-order words. Tests set it to false. */
export const hostEndian: { little: boolean } = { little: LITTLE_ENDIAN };

/** The `count` little-endian words at `bytes[offset..]` in host order: a view when possible, else one copy. */
export function wordsFromLittleEndian(bytes: Uint8Array, offset: number, count: number): Int32Array {
  const at = bytes.byteOffset + offset;
  if (hostEndian.little) {
    if (at % 4 === 0) return new Int32Array(bytes.buffer, at, count);
    // Unaligned (e.g. a pooled Buffer): one copy into an aligned buffer.
    const copy = new Uint8Array(count * 4);
    copy.set(bytes.subarray(offset, offset + count * 4));
    return new Int32Array(copy.buffer);
  }
  const view = new DataView(bytes.buffer, at, count * 4);
  const words = new Int32Array(count);
  for (let i = 0; i < count; i++) words[i] = view.getInt32(i * 4, true);
  return words;
}

/** The file bytes (little-endian) of host-order `words`: a view when possible, else one copy. */
export function littleEndianBytes(words: Int32Array): Uint8Array {
  if (hostEndian.little) return new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < words.length; i++) view.setInt32(i * 4, words[i]!, true);
  return out;
}
