import { ExactTrie } from '../match/exact-trie.js';
import type { DictionaryTerms, RankedDictionary } from './dictionary.js';
import { LITTLE_ENDIAN, pad8 } from '../bytes.js';

export { dictionaryKey } from './dictionary-key.js';

/**
 * The ranked dictionary precompiled at data-build time, so `createChecker` reads it instead of
 * folding and indexing ~100 k words (≈ 80 ms → a few ms). Little-endian, 8-byte aligned:
 *
 *   0  magic "PGDC"          4  version u32 (2)      8  term count u32     12 key length u32
 *   16 key (UTF-8: the normaliser settings it was folded with), padded to 8
 *      rank u32 × count, padded to 8;   kind u8 × count, padded to 8
 *      words length u32, padding u32, words (UTF-8, "\n"-separated), padded to 8
 *      index length u32, padding u32, ExactTrie bytes (version 1 held TermIndex bytes)
 *
 * A file whose key differs from the checker's settings is not used: the words were folded
 * differently, and the checker builds its dictionary from the text lists instead.
 */
const MAGIC = 0x43444750; // "PGDC"
const VERSION = 2;


export function encodeDictionary(terms: DictionaryTerms, key: string): Uint8Array {
  const enc = new TextEncoder();
  const keyBytes = enc.encode(key);
  const wordBytes = enc.encode(terms.words.join('\n'));
  const index = ExactTrie.build(terms.folded).toBytes();
  const n = terms.folded.length;
  const size = 16 + pad8(keyBytes.length) + pad8(4 * n) + pad8(n) + 8 + pad8(wordBytes.length) + 8 + index.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, n, true);
  view.setUint32(12, keyBytes.length, true);
  let at = 16;
  out.set(keyBytes, at);
  at += pad8(keyBytes.length);
  for (let i = 0; i < n; i++) view.setUint32(at + 4 * i, terms.rank[i]!, true);
  at += pad8(4 * n);
  out.set(terms.kind, at);
  at += pad8(n);
  view.setUint32(at, wordBytes.length, true);
  out.set(wordBytes, at + 8);
  at += 8 + pad8(wordBytes.length);
  view.setUint32(at, index.length, true);
  out.set(index, at + 8);
  return out;
}

/**
 * Reads a precompiled dictionary; null when it was folded with other settings than `key`.
 * Throws RangeError on damaged bytes (a shipped file is never silently half-read).
 */
export function decodeDictionary(bytes: Uint8Array, key: string): RankedDictionary | null {
  const fail = (what: string): never => {
    throw new RangeError(`invalid dictionary file: ${what}`);
  };
  if (bytes.length < 16) fail('truncated header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) fail('bad magic');
  if (view.getUint32(4, true) !== VERSION) fail(`unsupported version ${view.getUint32(4, true)}`);
  const n = view.getUint32(8, true);
  const keyLength = view.getUint32(12, true);
  let at = 16;
  const need = (len: number, what: string) => {
    if (at + len > bytes.length) fail(`truncated ${what}`);
  };
  need(keyLength, 'key');
  if (new TextDecoder().decode(bytes.subarray(at, at + keyLength)) !== key) return null;
  at += pad8(keyLength);
  need(4 * n, 'ranks');
  // On little-endian hosts (all current JS engines) an aligned section is used in place.
  const offset = bytes.byteOffset + at;
  let rank: Uint32Array;
  if (LITTLE_ENDIAN && offset % 4 === 0) rank = new Uint32Array(bytes.buffer, offset, n);
  else {
    rank = new Uint32Array(n);
    for (let i = 0; i < n; i++) rank[i] = view.getUint32(at + 4 * i, true);
  }
  at += pad8(4 * n);
  need(n, 'kinds');
  const kind = bytes.subarray(at, at + n);
  at += pad8(n);
  need(8, 'words length');
  const wordsLength = view.getUint32(at, true);
  need(8 + wordsLength, 'words');
  const wordBytes = bytes.subarray(at + 8, at + 8 + wordsLength);
  at += 8 + pad8(wordsLength);
  need(8, 'index length');
  const indexLength = view.getUint32(at, true);
  need(8 + indexLength, 'index');
  const index = ExactTrie.fromBytes(bytes.subarray(at + 8, at + 8 + indexLength));
  if (index.size !== n) fail(`index holds ${index.size} terms, header says ${n}`);
  // The words are only needed to name a finding: decode them the first time one is.
  let words: string[] | undefined;
  return {
    index,
    rank,
    kind,
    word: (id) => (words ??= new TextDecoder().decode(wordBytes).split('\n'))[id] ?? index.term(id),
  };
}


