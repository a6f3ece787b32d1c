import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermIndex, type TermMatch } from '../../src/match/index.js';
import { termIndexFromBytes, termIndexToBytes } from '../../src/match/term-index-bytes.js';
import { naiveScan } from './naive-scan.js';

function exact(index: TermIndex, text: string, from = 0, to = text.length): TermMatch[] {
  const out: TermMatch[] = [];
  index.findExact(text, from, to, out);
  return out;
}

function fuzzy(index: TermIndex, text: string, from = 0, to = text.length): TermMatch[] {
  const out: TermMatch[] = [];
  index.findFuzzy(text, from, to, out);
  return out;
}

/** Terms and a text over one alphabet, plus a [from, to) range that may stick out of the text. */
function scenario(alphabet: string, maxTermLength: number) {
  const unit = fc.constantFrom(...alphabet);
  return fc.record({
    terms: fc.array(fc.string({ unit, minLength: 1, maxLength: maxTermLength }), { maxLength: 30 }),
    text: fc.string({ unit, maxLength: 20 }),
    from: fc.integer({ min: -2, max: 22 }),
    to: fc.integer({ min: -2, max: 24 }),
  });
}

describe('TermIndex equals the naive leven scan', () => {
  const cases: Array<[string, string, number]> = [
    // Tiny alphabets force shared deletions, runs of equal units and many collisions.
    ['alphabet ab', 'ab', 8],
    ['alphabet abc', 'abc', 8],
    // A wider alphabet with units no term contains (the "foreign unit" paths).
    ['alphabet a-z digits symbols', 'abcdefghijklmnopqrstuvwxyz0129!@', 8],
    // Surrogate halves, swapped and unpaired; the index compares UTF-16 units.
    ['surrogates', 'ab\uD83D\uDE00\uDE00', 6],
  ];
  for (const [name, alphabet, maxLen] of cases) {
    it(`${name}: findExact and findFuzzy`, () => {
      fc.assert(
        fc.property(scenario(alphabet, maxLen), ({ terms, text, from, to }) => {
          const index = TermIndex.build(terms);
          expect(exact(index, text, from, to)).toStrictEqual(naiveScan(terms, text, from, to, 0));
          expect(fuzzy(index, text, from, to)).toStrictEqual(naiveScan(terms, text, from, to, 1));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('respects fuzzyMinLength (exact matches of short terms are unaffected)', () => {
    fc.assert(
      fc.property(scenario('abcx', 8), fc.integer({ min: 0, max: 9 }), (sc, min) => {
        const { terms, text, from, to } = sc;
        const index = TermIndex.build(terms, { fuzzyMinLength: min });
        expect(exact(index, text, from, to)).toStrictEqual(naiveScan(terms, text, from, to, 0));
        expect(fuzzy(index, text, from, to)).toStrictEqual(
          naiveScan(terms, text, from, to, 1, min),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('exact-only index (no term is fuzzy): findExact equals the naive scan, findFuzzy is empty', () => {
    fc.assert(
      fc.property(scenario('abcx', 8), ({ terms, text, from, to }) => {
        const index = TermIndex.build(terms, { fuzzyMinLength: 1 << 30 });
        expect(exact(index, text, from, to)).toStrictEqual(naiveScan(terms, text, from, to, 0));
        expect(fuzzy(index, text, from, to)).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('findExact over the whole text, then findFuzzy over sub-ranges (the engine\'s order)', () => {
    // The second call reuses hashes and reach computed over the wider range.
    const ranges = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), { maxLength: 4 });
    fc.assert(
      fc.property(scenario('abc', 7), ranges, fc.integer({ min: 0, max: 5 }), (sc, subs, min) => {
        const { terms, text } = sc;
        const index = TermIndex.build(terms, { fuzzyMinLength: min });
        expect(exact(index, text)).toStrictEqual(naiveScan(terms, text, 0, text.length, 0));
        for (const [a, b] of subs) {
          expect(fuzzy(index, text, a, b)).toStrictEqual(naiveScan(terms, text, a, b, 1, min));
          expect(exact(index, text, a, b)).toStrictEqual(naiveScan(terms, text, a, b, 0));
        }
        // has() overwrites the shared scratch: later queries must not trust the old range.
        index.has(text.slice(1));
        expect(fuzzy(index, text)).toStrictEqual(naiveScan(terms, text, 0, text.length, 1, min));
      }),
      { numRuns: 300 },
    );
  });

  it('has() is exact whole-string membership; idOf() names the first occurrence; idLimit bounds ids', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 }), { maxLength: 20 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 7 }),
        (terms, s) => {
          const index = TermIndex.build(terms);
          expect(index.has(s)).toBe(s.length > 0 && terms.includes(s));
          expect(index.idOf(s)).toBe(s.length > 0 ? terms.indexOf(s) : -1);
          expect(index.idLimit).toBe(terms.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('TermIndex examples', () => {
  // Entra's documented fuzzy examples (W2–W4) against the banned term "abcdef".
  const entra = TermIndex.build(['abcdef']);
  it.each([
    ['abcdeg', 'substitution'],
    ['abcdefg', 'insertion'],
    ['abcde', 'deletion'],
  ])('finds %s (%s) at distance 1', (text) => {
    expect(fuzzy(entra, text)).toContainEqual({ start: 0, end: text.length, termId: 0, distance: 1 });
    // The whole text is not the term itself (abcdefg does contain it at [0, 6)).
    expect(exact(entra, text).filter((m) => m.end - m.start === text.length)).toStrictEqual([]);
  });

  it('does not treat a transposition as one edit', () => {
    expect(fuzzy(entra, 'abcdfe').filter((m) => m.end - m.start === 6)).toStrictEqual([]);
  });

  it('finds "blank" and "contoso" exactly inside contosoblankf9! (W7)', () => {
    const index = TermIndex.build(['contoso', 'blank']);
    expect(exact(index, 'contosoblankf9!')).toStrictEqual([
      { start: 0, end: 7, termId: 0, distance: 0 },
      { start: 7, end: 12, termId: 1, distance: 0 },
    ]);
    // "blankf" is one insertion away; exact-first scoring is the caller's business.
    expect(fuzzy(index, 'contosoblankf9!')).toContainEqual({
      start: 7, end: 13, termId: 1, distance: 1,
    });
  });

  it('reports the first occurrence of a duplicated term, once, and ignores empty strings', () => {
    const index = TermIndex.build(['', 'abc', 'xyz', 'abc', '']);
    expect(index.size).toBe(2);
    expect(exact(index, 'abc')).toStrictEqual([{ start: 0, end: 3, termId: 1, distance: 0 }]);
    expect(index.term(1)).toBe('abc');
    expect(index.term(3)).toBe('abc');
    expect(() => index.term(0)).toThrow(RangeError);
    expect(() => index.term(5)).toThrow(RangeError);
    expect([index.minTermLength, index.maxTermLength]).toStrictEqual([3, 3]);
  });

  it('handles an empty list', () => {
    const index = TermIndex.build([]);
    expect(index.size).toBe(0);
    expect([index.minTermLength, index.maxTermLength]).toStrictEqual([0, 0]);
    expect(index.has('a')).toBe(false);
    expect(exact(index, 'password')).toStrictEqual([]);
    expect(fuzzy(index, 'password')).toStrictEqual([]);
  });

  it('matches non-BMP terms by code unit and survives lone surrogates', () => {
    const index = TermIndex.build(['😀😀', 'a😀']);
    expect(exact(index, 'x😀😀')).toStrictEqual([{ start: 1, end: 5, termId: 0, distance: 0 }]);
    // Replacing one surrogate half is a single-unit substitution.
    expect(fuzzy(index, 'a\uD83D\uD83D')).toContainEqual({ start: 0, end: 3, termId: 1, distance: 1 });
    expect(() => fuzzy(index, '\uDE00\uD83D'.repeat(10))).not.toThrow();
  });

  it('appends to out without disturbing earlier entries', () => {
    // A caller may collect exact and fuzzy matches of the same window into one array.
    const index = TermIndex.build(['ab']);
    const earlier: TermMatch = { start: 0, end: 2, termId: 0, distance: 1 };
    const out: TermMatch[] = [earlier];
    index.findFuzzy('ac', 0, 2, out);
    expect(out).toStrictEqual([earlier, ...fuzzy(index, 'ac')]);
    expect(out).toHaveLength(3); // "a" (deletion) and "ac" (substitution)
  });

  it('rejects a bad fuzzyMinLength and non-string terms', () => {
    expect(() => TermIndex.build(['a'], { fuzzyMinLength: -1 })).toThrow(RangeError);
    expect(() => TermIndex.build(['a'], { fuzzyMinLength: 1.5 })).toThrow(RangeError);
    expect(() => TermIndex.build([1 as unknown as string])).toThrow(TypeError);
  });
});

describe('TermIndex serialisation', () => {
  it('termIndexFromBytes(termIndexToBytes()) answers exactly like the index it came from', () => {
    fc.assert(
      fc.property(scenario('abcx', 8), fc.integer({ min: 0, max: 9 }), fc.boolean(), (sc, min, exactOnly) => {
        const { terms, text, from, to } = sc;
        const options = { fuzzyMinLength: exactOnly ? 1 << 30 : min };
        const index = TermIndex.build(terms, options);
        const bytes = termIndexToBytes(index);
        const copy = termIndexFromBytes(bytes);
        expect([copy.size, copy.minTermLength, copy.maxTermLength]).toStrictEqual([
          index.size, index.minTermLength, index.maxTermLength,
        ]);
        expect(exact(copy, text, from, to)).toStrictEqual(exact(index, text, from, to));
        expect(fuzzy(copy, text, from, to)).toStrictEqual(fuzzy(index, text, from, to));
        expect(copy.has(text)).toBe(index.has(text));
        terms.forEach((t, i) => {
          if (t.length > 0) expect(copy.term(i)).toBe(t);
        });
        // Stable: writing the copy gives the same bytes. (Buffer.equals: vitest's deep equality
        // walks a typed array element by element, which made this property most of a minute.)
        expect(Buffer.from(termIndexToBytes(copy)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts bytes at an unaligned offset (copies them once)', () => {
    const bytes = termIndexToBytes(TermIndex.build(['contoso', 'blank', 'contoso']));
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const copy = termIndexFromBytes(shifted.subarray(3));
    expect(exact(copy, 'contosoblankf9!')).toStrictEqual([
      { start: 0, end: 7, termId: 0, distance: 0 },
      { start: 7, end: 12, termId: 1, distance: 0 },
    ]);
    expect(copy.term(2)).toBe('contoso');
  });

  it('rejects bytes that are not a valid index, with a clear error', () => {
    const bytes = termIndexToBytes(TermIndex.build(['abcdef', 'password']));
    expect(() => termIndexFromBytes(bytes.subarray(0, 20))).toThrow(/invalid TermIndex bytes: shorter/);
    expect(() => termIndexFromBytes(bytes.subarray(0, bytes.length - 8))).toThrow(/invalid TermIndex bytes: length/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(() => termIndexFromBytes(wrongMagic)).toThrow(/wrong magic/);
    const wrongVersion = bytes.slice();
    wrongVersion[4] = 99;
    expect(() => termIndexFromBytes(wrongVersion)).toThrow(/format version 99/);
    const wrongCount = bytes.slice();
    new DataView(wrongCount.buffer).setUint32(4 * 11, 3, true); // units count no longer fits
    expect(() => termIndexFromBytes(wrongCount)).toThrow(RangeError);
    expect(() => termIndexFromBytes([1, 2, 3] as unknown as Uint8Array)).toThrow(TypeError);
  });
});
