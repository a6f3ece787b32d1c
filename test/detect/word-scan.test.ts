import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBannedLists } from '../../src/detect/banned-lists.js';
import { buildRankedDictionary } from '../../src/detect/dictionary.js';
import { linkBannedWords, scanWords } from '../../src/detect/word-scan.js';
import type { TermMatch } from '../../src/match/index.js';
import { ExactTrie } from '../../src/match/exact-trie.js';
import { hashedExactMatcher, type ExactMatcherFactory } from '../../src/match/exact-matcher.js';
import { compileSubstitutions, RECOMMENDED_SUBSTITUTIONS } from '../../src/normalise/substitutions.js';
import { normalise } from '../../src/normalise/normalise.js';

const config = { unicodeForm: 'NFKC', foldDiacritics: true, foldConfusables: true, fold: compileSubstitutions(RECOMMENDED_SUBSTITUTIONS) } as const;

const byPosition = (a: TermMatch, b: TermMatch) => a.start - b.start || a.end - b.end || a.termId - b.termId;
const word = (alphabet: string, max: number) =>
  fc.array(fc.constantFrom(...alphabet.split('')), { minLength: 1, maxLength: max }).map((a) => a.join(''));

/**
 * Small alphabets (with look-alikes and case the normaliser folds) so that banned terms, words
 * and passwords overlap a lot; terms of 1–2 letters exist in the banned lists but never in the
 * dictionary, which drops them.
 */
const caseArb = fc.constantFrom('abe', 'ab3E@', 'lI1!o0').chain((alphabet) =>
  fc.record({
    english: fc.array(word(alphabet, 6), { maxLength: 30 }),
    global: fc.array(word(alphabet, 6), { maxLength: 15 }),
    custom: fc.array(word(alphabet, 6), { maxLength: 6 }),
    password: word(alphabet + 'x', 24),
  }),
);

// Node's matcher and the portable one browsers use must give the same answers.
const MATCHERS: Array<[string, ExactMatcherFactory]> = [
  ['ExactTrie (Node)', (terms) => ExactTrie.build(terms)],
  ['hashed TermIndex (browsers)', hashedExactMatcher],
];

describe.each(MATCHERS)('one dictionary scan for words and exact banned terms, %s', (_, matcher) => {
  it('finds the same exact banned matches as the banned lists themselves, and the same words', () => {
    fc.assert(
      fc.property(caseArb, ({ english, global, custom, password }) => {
        // As the shipped data does, the global list is one of the dictionary's sources.
        const dict = buildRankedDictionary([{ kind: 'banned', terms: global }, { kind: 'english', terms: english }], config, matcher);
        const banned = buildBannedLists(global, custom, config, 5, matcher);
        banned.upgrade();
        const link = linkBannedWords(dict, banned.folded(), matcher);
        const { folded } = normalise(password, config);

        const scan = scanWords(dict, link, folded);
        const expectedBanned: TermMatch[] = [];
        banned.index.findExact(folded, 0, folded.length, expectedBanned);
        expect(scan.banned.slice().sort(byPosition)).toEqual(expectedBanned.sort(byPosition));
        const expectedWords: TermMatch[] = [];
        dict.index.findExact(folded, 0, folded.length, expectedWords);
        expect(scan.words).toEqual(expectedWords);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a term listed twice (custom and global) under its first id, the custom one', () => {
    const dict = buildRankedDictionary([{ kind: 'banned', terms: ['contoso', 'winter'] }], config, matcher);
    const banned = buildBannedLists(['contoso', 'winter'], ['Contoso', 'ab'], config, 5, matcher);
    const scan = scanWords(dict, linkBannedWords(dict, banned.folded(), matcher), normalise('ab-c0nt0so-winter', config).folded);
    const found = scan.banned.slice().sort(byPosition).map((m) => [banned.display[m.termId], banned.source[m.termId]]);
    expect(found).toEqual([['ab', 'custom'], ['contoso', 'custom'], ['winter', 'global']]);
  });
});
