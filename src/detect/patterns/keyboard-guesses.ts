import type { Compiled } from './keyboard-layout.js';

/**
 * Guesses to enumerate all walks of up to `keys` keys with up to `turns + 1` straight strokes
 * from any start key: Σ_{i=2..L} Σ_{t=1..min(T, i−1)} C(i−1, t−1) · starts · degree^t — the
 * spatial model of zxcvbn. The shift layer multiplies by the ways to choose the shifted keys
 * (2 if all of them are shifted).
 *
 * O(keys) instead of O(keys × turns) (issue 19): the inner sum written out term by term cost a
 * snake over a whole 4096-unit password (`'qazwsx'.repeat(682)`, 1364 turns) most of a
 * 107–168 ms evaluation. With n = i − 2 and K = turns the sum is d · Σ_{n=0..L−2} P(n), where
 * P(n) = Σ_{u=0..min(n, K)} C(n, u) d^u. While n ≤ K, P(n) = (1 + d)^n: a geometric series. The
 * rest, swapped round with the hockey-stick identity Σ_{n=K+1..N} C(n, u) = C(N+1, u+1) −
 * C(K+1, u+1), is one sum over u ≤ K of positive terms. (Pascal's rule stepping P(n) forward is
 * also linear but unstable: it subtracts nearly equal numbers and the error grows by 1 + d a step.)
 * test/detect/keyboard-guesses.test.ts checks it against the term-by-term sum.
 */
export function walkGuesses(lay: Compiled, keys: number, turns: number, shifted: number): number {
  const d = lay.degree;
  const N = keys - 2; // the last n
  let total = 0;
  if (N >= 0) {
    const full = Math.min(N, turns); // n = 0..full: P(n) = (1 + d)^n
    let sum = ((1 + d) ** (full + 1) - 1) / d;
    if (N > turns) {
      // Σ_{u=0..K} d^u (C(N+1, u+1) − C(K+1, u+1)); both binomials stepped in u.
      let pow = 1;
      let high = N + 1; // C(N+1, u+1) at u = 0
      let low = turns + 1; // C(K+1, u+1) at u = 0
      for (let u = 0; u <= turns; u++) {
        sum += pow * (high - low);
        if (!(sum < Number.MAX_VALUE)) return Number.MAX_VALUE;
        pow *= d;
        high = (high * (N - u)) / (u + 2);
        low = (low * (turns - u)) / (u + 2);
      }
    }
    total = d * sum;
    if (!(total < Number.MAX_VALUE)) return Number.MAX_VALUE;
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
        if (ways >= Number.MAX_VALUE) return Number.MAX_VALUE;
      }
      total *= ways;
    }
  }
  return Math.min(total, Number.MAX_VALUE);
}
