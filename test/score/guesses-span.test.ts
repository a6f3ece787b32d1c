import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { guessesForSpan, guessesForWord } from '../../src/score/guesses.js';

// guessesForSpan prices a span of the folded password against the same span as typed without
// slicing either (issue 19, speed: `1` × 4096 made three strings per dictionary match). The oracle
// is guessesForWord on the slices, as the estimate called it before.
describe('guessesForSpan (naive oracle: guessesForWord on the slices)', () => {
  const units = fc.constantFrom(...'aAbBeE3@4iI1!lLoO0sS5$ zZ-İßﬃé'.split(''));
  const text = fc.string({ unit: units, maxLength: 24 });
  const rank = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(0, -1, 0.5, Infinity, NaN));

  it('gives the same guesses for any spans of any two strings', () => {
    fc.assert(
      fc.property(text, text, rank, fc.nat(24), fc.nat(24), fc.nat(24), fc.nat(24), (folded, typed, r, a, b, c, d) => {
        const [fs, fe] = [Math.min(a, b, folded.length), Math.min(Math.max(a, b), folded.length)];
        const [ps, pe] = [Math.min(c, d, typed.length), Math.min(Math.max(c, d), typed.length)];
        expect(guessesForSpan(r, folded, fs, fe, typed, ps, pe)).toBe(guessesForWord(r, folded.slice(fs, fe), typed.slice(ps, pe)));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same guesses where the typed span lines up with the folded one (leet, capitals)', () => {
    const pairs: [string, string][] = [['password', 'P4ssw0rd'], ['password', 'PASSWORD'], ['iiii', '1111'], ['illinois', '1ll1n01s'], ['salut', 'SaLuT'], ['hello', 'hello']];
    for (const [folded, typed] of pairs) {
      for (let s = 0; s < folded.length; s++) {
        for (let e = s + 1; e <= folded.length; e++) {
          expect(guessesForSpan(100, folded, s, e, typed, s, e)).toBe(guessesForWord(100, folded.slice(s, e), typed.slice(s, e)));
        }
      }
    }
  });
});
