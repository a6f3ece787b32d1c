import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPatterns } from '../../src/detect/patterns/index.js';
import { findRepeats } from '../../src/detect/patterns/repeat.js';
import { findSequences } from '../../src/detect/patterns/sequence.js';
import { findKeyboardWalks } from '../../src/detect/patterns/keyboard.js';
import { findKeyboardPieces } from '../../src/detect/patterns/keyboard-pieces.js';
import { findDates } from '../../src/detect/patterns/dates.js';
import { findAffixes } from '../../src/detect/patterns/affix.js';

/** findPatterns fills one array of its final size: the oracle concatenates the detectors' lists
 * and sorts them stably by start, end, code — the same matches in the same order. */
const naive = (plain: string, typed?: string) =>
  [...findRepeats(plain), ...findSequences(plain), ...findKeyboardWalks(plain), ...(typed !== undefined ? findKeyboardPieces(plain, typed) : []), ...findDates(plain), ...findAffixes(plain)].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );

describe('findPatterns equals the detectors concatenated and stably sorted', () => {
  it('on passwords made of keyboard rows, digits, years, repeats and symbols', () => {
    const piece = fc.constantFrom('qwerty', 'asdf', '1234', '1990', '2024', 'aaa', 'abc', '!!', '@', 'Zx', 'q1w2', '12/05', 'pass', '0', '_');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (pieces, withTyped) => {
        const typed = pieces.join('');
        const plain = typed.toLowerCase();
        expect(findPatterns(plain, withTyped ? typed : undefined)).toEqual(naive(plain, withTyped ? typed : undefined));
      }),
      { numRuns: 300 },
    );
  });
});

describe('findAffixes (gathered in scratch, copied out)', () => {
  it('returns its own array: a later call leaves an earlier result as it was; runs of digits or symbols, maximal', () => {
    const piece = fc.constantFrom('abc', '12', '2024', '!!', '@#', 'x', '0', '_', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.array(piece, { maxLength: 10 }), (a, b) => {
        const first = findAffixes(a.join(''));
        const copy = structuredClone(first);
        findAffixes(b.join(''));
        expect(first).toEqual(copy);
        for (let k = 1; k < first.length; k++) expect(first[k]!.start).toBeGreaterThanOrEqual(first[k - 1]!.end);
        for (const m of first) expect(/^(\d+|[^\p{L}\d]+)$/u.test(a.join('').slice(m.start, m.end))).toBe(true);
      }),
    );
  });
});
