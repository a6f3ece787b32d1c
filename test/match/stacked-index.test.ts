import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermIndex, type TermMatch } from '../../src/match/index.js';
import { StackedIndex } from '../../src/match/stacked-index.js';

/** Small alphabets: shared terms between the lists, nested terms, many fuzzy neighbours. */
const alphabetArb = fc.constantFrom('ab', 'abc', 'abcdefg');
const wordArb = (alphabet: string) => fc.array(fc.constantFrom(...alphabet.split('')), { maxLength: 7 }).map((a) => a.join(''));

const caseArb = alphabetArb.chain((alphabet) =>
  fc.record({
    first: fc.array(wordArb(alphabet), { maxLength: 8 }),
    second: fc.array(wordArb(alphabet), { maxLength: 30 }),
    text: fc.array(fc.constantFrom(...(alphabet + 'z').split('')), { maxLength: 24 }).map((a) => a.join('')),
    fuzzyMinLength: fc.integer({ min: 0, max: 5 }),
    bounds: fc.tuple(fc.nat(26), fc.nat(26)),
  }),
);

function run(index: { findExact: TermIndex['findExact']; findFuzzy: TermIndex['findFuzzy'] }, text: string, from: number, to: number) {
  const exact: TermMatch[] = [];
  const fuzzy: TermMatch[] = [];
  index.findExact(text, from, to, exact);
  index.findFuzzy(text, from, to, fuzzy);
  return { exact, fuzzy };
}

describe('StackedIndex', () => {
  it('answers exactly as one TermIndex over the concatenated lists (ids, order, duplicates)', () => {
    fc.assert(
      fc.property(caseArb, ({ first, second, text, fuzzyMinLength, bounds }) => {
        const options = { fuzzyMinLength };
        const single = TermIndex.build([...first, ...second], options);
        const stacked = new StackedIndex(TermIndex.build(first, options), first, TermIndex.build(second, options));
        expect(stacked.size).toBe(single.size);
        expect(stacked.minTermLength).toBe(single.minTermLength);
        expect(stacked.maxTermLength).toBe(single.maxTermLength);
        expect(run(stacked, text, 0, text.length)).toEqual(run(single, text, 0, text.length));
        const [from, to] = bounds[0] <= bounds[1] ? bounds : [bounds[1], bounds[0]];
        expect(run(stacked, text, from, to)).toEqual(run(single, text, from, to));
      }),
      { numRuns: 400 },
    );
  });

  it('reports a term in both lists once, under the first list id', () => {
    const stacked = new StackedIndex(TermIndex.build(['contoso']), ['contoso'], TermIndex.build(['winter', 'contoso']));
    const out: TermMatch[] = [];
    stacked.findExact('contosowinter', 0, 13, out);
    expect(out.map((m) => [m.start, m.end, m.termId])).toEqual([[0, 7, 0], [7, 13, 1]]);
  });
});
