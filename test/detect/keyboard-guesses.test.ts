import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { walkGuesses } from '../../src/detect/patterns/keyboard-guesses.js';
import { compiled, type Compiled } from '../../src/detect/patterns/keyboard-layout.js';

/**
 * The naive oracle: zxcvbn's spatial sum written out term by term,
 * Σ_{i=2..L} Σ_{t=1..min(T, i−1)} C(i−1, t−1) · starts · degree^t, times the shift factor.
 * (O(L · T): the code under test must give the same number in linear time, issue 19.)
 */
function naive(lay: Compiled, keys: number, turns: number, shifted: number): number {
  const strokes = turns + 1;
  let total = 0;
  for (let i = 2; i <= keys; i++) {
    let binom = 1;
    for (let t = 1; t <= Math.min(strokes, i - 1); t++) {
      total += binom * lay.degree ** t;
      binom = (binom * (i - 1 - t)) / t;
    }
  }
  total *= lay.starts;
  const unshifted = keys - shifted;
  if (shifted > 0) {
    if (unshifted === 0) total *= 2;
    else {
      let ways = 0;
      let binom = 1;
      for (let k = 1; k <= Math.min(shifted, unshifted); k++) {
        binom = (binom * (keys - k + 1)) / k;
        ways += binom;
      }
      total *= ways;
    }
  }
  return Math.min(total, Number.MAX_VALUE);
}

const close = (a: number, b: number) => {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
};

describe('walkGuesses (keyboard-guesses.ts)', () => {
  const layouts = compiled();

  it.each([
    [4, 0, 0], [4, 1, 0], [6, 1, 0], [8, 1, 2], [10, 2, 0], [12, 3, 12], [20, 5, 3], [40, 10, 0],
  ])('equals the term-by-term sum for %i keys, %i turns, %i shifted', (keys, turns, shifted) => {
    for (const lay of layouts) expect(close(walkGuesses(lay, keys, turns, shifted), naive(lay, keys, turns, shifted))).toBe(true);
  });

  it('equals the term-by-term sum on random walks of up to 400 keys', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: layouts.length - 1 }),
        fc.integer({ min: 2, max: 400 }),
        fc.nat(),
        fc.nat(),
        (l, keys, t, s) => {
          const turns = t % keys;
          const shifted = s % (keys + 1);
          const lay = layouts[l]!;
          const got = walkGuesses(lay, keys, turns, shifted);
          const want = naive(lay, keys, turns, shifted);
          expect(Number.isFinite(got) || got === Number.MAX_VALUE).toBe(true);
          expect(close(got, want), `${keys} keys, ${turns} turns, ${shifted} shifted: ${got} vs ${want}`).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('stays finite and capped on the longest walks (4096 keys, a turn every key)', () => {
    for (const lay of [layouts[0]!, layouts[layouts.length - 1]!]) {
      for (const turns of [0, 1, 2, 100, 1364]) {
        const g = walkGuesses(lay, 4096, turns, 0);
        expect(g).toBeLessThanOrEqual(Number.MAX_VALUE);
        expect(close(g, naive(lay, 4096, turns, 0))).toBe(true);
      }
    }
  });
});
