import { describe, expect, it } from 'vitest';
import { collectDictionary, buildRankedDictionary, findWords } from '../../src/detect/dictionary.js';
import { decodeDictionary, dictionaryKey, encodeDictionary } from '../../src/detect/dictionary-bytes.js';
import { compileSubstitutions, RECOMMENDED_SUBSTITUTIONS } from '../../src/normalise/substitutions.js';
import { TermIndex, type TermMatch } from '../../src/match/index.js';

const config = { unicodeForm: 'NFKC', foldDiacritics: true, foldConfusables: true, fold: compileSubstitutions(RECOMMENDED_SUBSTITUTIONS) } as const;
const lists = [
  { kind: 'passwords' as const, terms: ['password', 'dragon', 'Monkey', 'abc'] },
  { kind: 'english' as const, terms: ['horse', 'battery', 'dragon', 'staple', 'be'] },
  { kind: 'names' as const, terms: ['Michael', 'anna'] },
];
const key = dictionaryKey(config, RECOMMENDED_SUBSTITUTIONS);

describe('precompiled dictionary', () => {
  it('answers exactly like the dictionary built at run time', () => {
    const built = buildRankedDictionary(lists, config);
    const read = decodeDictionary(encodeDictionary(collectDictionary(lists, config), key), key)!;
    for (const text of ['michaelhorsedragon', 'p4ssw0rd', 'xxabcxx', 'staples']) {
      const a = findWords(built, text).map((m) => [m.start, m.end, built.word(m.termId), built.rank[m.termId], built.kind[m.termId]]);
      const b = findWords(read, text).map((m) => [m.start, m.end, read.word(m.termId), read.rank[m.termId], read.kind[m.termId]]);
      expect(b).toEqual(a);
    }
    // Best rank wins across lists: dragon is 2nd in passwords, 3rd in english.
    const dragon = findWords(read, 'dragon')[0]!;
    expect([read.word(dragon.termId), read.rank[dragon.termId]]).toEqual(['dragon', 2]);
  });

  it('finds the same words as an exact-only TermIndex over the folded terms', () => {
    const terms = collectDictionary(lists, config);
    const read = decodeDictionary(encodeDictionary(terms, key), key)!;
    const old = TermIndex.build(terms.folded, { fuzzyMinLength: 1 << 30 });
    for (const text of ['michaelhorsedragon', 'passwordpassword', 'annabcmonkey', '', 'zzz']) {
      const expected: TermMatch[] = [];
      old.findExact(text, 0, text.length, expected);
      expect(findWords(read, text)).toEqual(expected);
    }
  });

  it('rejects a file whose index section is damaged', () => {
    const bytes = encodeDictionary(collectDictionary(lists, config), key);
    const c = bytes.slice();
    // The index section is last: its header starts with the ExactTrie magic.
    let magic = c.length - 4;
    while (magic > 0 && !(c[magic] === 0x50 && c[magic + 1] === 0x47 && c[magic + 2] === 0x45 && c[magic + 3] === 0x54)) magic--;
    expect(magic).toBeGreaterThan(0);
    c[magic + 4] = 7; // trie format version
    expect(() => decodeDictionary(c, key)).toThrow(RangeError);
  });

  it('is not used when it was folded with other settings', () => {
    const bytes = encodeDictionary(collectDictionary(lists, config), key);
    expect(decodeDictionary(bytes, dictionaryKey(config, { '0': 'o' }))).toBeNull();
  });

  it.each([
    ['truncated', (b: Uint8Array) => b.subarray(0, b.length - 10), /truncated|invalid/],
    ['bad magic', (b: Uint8Array) => { const c = b.slice(); c[0] = 0; return c; }, /bad magic/],
    ['future version', (b: Uint8Array) => { const c = b.slice(); c[4] = 9; return c; }, /version/],
  ])('rejects %s bytes with a RangeError', (_, damage, message) => {
    const bytes = encodeDictionary(collectDictionary(lists, config), key);
    expect(() => decodeDictionary(damage(bytes), key)).toThrow(RangeError);
    expect(() => decodeDictionary(damage(bytes), key)).toThrow(message);
  });
});
