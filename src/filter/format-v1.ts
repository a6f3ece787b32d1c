/**
 * Version 1 headers (read only): one part, no part table, the payload checksum at byte 44 and
 * the header checksum over words 0..14. Version 2 replaced it because a v1 payload checksum does
 * not depend on the header, so a hand edit of k or seed needed only the 60-byte header's checksum
 * recomputed to pass (docs/filter-format.md §4.1). Existing v1 files keep working.
 */
import { checksumWords } from './checksum.js';
import { BLOCK_BYTES, fail, FIXED_HEADER_BYTES, hex32, OFF, readCommonFields, type FilterHeader } from './format.js';

/** v1 block counts stayed below 2^26 so that the whole file fit one 4 GiB Uint8Array. */
const V1_MAX_BLOCKS = 2 ** 26 - 1;
const V1_PAYLOAD_CHECKSUM = 44;
const V1_PAYLOAD_OFFSET = 48;

export function readHeaderV1(bytes: Uint8Array): FilterHeader {
  const v = new DataView(bytes.buffer, bytes.byteOffset, FIXED_HEADER_BYTES);
  const words = new Uint32Array(OFF.headerChecksum / 4);
  for (let i = 0; i < words.length; i++) words[i] = v.getUint32(i * 4, true);
  const stored = v.getUint32(OFF.headerChecksum, true);
  const actual = checksumWords(words);
  if (stored !== actual) {
    fail(`header checksum mismatch (stored ${hex32(stored)}, computed ${hex32(actual)}): the header is corrupted`);
  }
  const common = readCommonFields(bytes, V1_MAX_BLOCKS);
  if (common.keyType === 'ntlm') fail('key type ntlm does not exist in format version 1');
  const payloadOffset = v.getUint32(V1_PAYLOAD_OFFSET, true);
  if (payloadOffset !== FIXED_HEADER_BYTES) fail(`payload offset ${payloadOffset}, expected ${FIXED_HEADER_BYTES}`);
  if (v.getUint32(52, true) !== 0 || v.getUint32(56, true) !== 0) fail('reserved header bytes 52..59 are not zero');
  return {
    ...common,
    version: 1,
    // One part holding every block; its checksum has no header prefix.
    partShift: 26,
    partCount: 1,
    partChecksums: [v.getUint32(V1_PAYLOAD_CHECKSUM, true)],
    payloadOffset,
    byteLength: payloadOffset + common.blockCount * BLOCK_BYTES,
  };
}
