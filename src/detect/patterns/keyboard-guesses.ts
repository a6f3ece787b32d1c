import type { Compiled } from './keyboard-layout.js';

/**
 * Guesses to enumerate all walks of up to `keys` keys with up to `turns + 1` straight strokes
 * from any start key: Σ_{i=2..L} Σ_{t=1..min(T, i−1)} C(i−1, t−1) · starts · degree^t — the
 * spatial model of zxcvbn. The shift layer multiplies by the ways to choose the shifted keys
 * (2 if all of them are shifted).
 */
export function walkGuesses(lay: Compiled, keys: number, turns: number, shifted: number): number {
  const strokes = turns + 1;
  const deg = lay.degree;
  let total = 0;
  for (let i = 2; i <= keys; i++) {
    const steps = i - 1;
    if (strokes >= steps) {
      total += deg * (1 + deg) ** (steps - 1); // closed form of the full binomial sum
    } else {
      let binom = 1; // C(steps − 1, t − 1)
      for (let t = 1; t <= strokes; t++) {
        total += binom * deg ** t;
        binom = (binom * (steps - t)) / t;
      }
    }
  }
  total *= lay.starts;
  const unshifted = keys - shifted;
  if (shifted > 0) {
    if (unshifted === 0) total *= 2;
    else {
      let ways = 0;
      let binom = 1;
      const m = Math.min(shifted, unshifted);
      for (let k = 1; k <= m; k++) {
        binom = (binom * (keys - k + 1)) / k;
        ways += binom;
      }
      total *= ways;
    }
  }
  return Math.min(total, Number.MAX_VALUE);
}
