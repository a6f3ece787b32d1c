/**
 * A fast strength estimate in the zxcvbn model: the password is split into tokens (pattern,
 * dictionary and banned-term matches, with brute-force gaps in between) and the estimate is the
 * number of guesses of the cheapest split, where a split of l tokens costs
 *
 *     l! · Π guesses(token) + 10^4^(l−1)
 *
 * (l! because the attacker does not know the order of the token kinds; 10^4 per extra token so
 * that splitting into many tiny tokens never looks cheaper than it is).
 */
export { guessesForWord } from './guesses.js';

export interface Candidate {
  start: number;
  end: number;
  guesses: number;
  code: string;
}

export interface Strength {
  guesses: number;
  guessesLog10: number;
  score: 0 | 1 | 2 | 3 | 4;
  /** The chosen split, in order, covering the password; gaps have `code: 'BRUTEFORCE'`. */
  sequence: Candidate[];
}

/**
 * Guesses per brute-forced character. zxcvbn's value: a gap left after every known pattern is
 * still mostly lowercase letters and digits typed by a person, not uniform over 95 symbols, and
 * the score thresholds below were calibrated with 10. It underrates random passwords (a true
 * random 16-char string is ~10^31, we say 10^16) but they land in the top score either way.
 */
export const BRUTEFORCE_CARDINALITY = 10;
/** Each token beyond the first costs at least this many guesses (zxcvbn). */
export const MIN_GUESSES_PER_EXTRA_TOKEN = 10_000;
/** A match shorter than the whole password is never cheaper than this (zxcvbn). */
export const MIN_SUBMATCH_GUESSES_SINGLE_CHAR = 10;
export const MIN_SUBMATCH_GUESSES_MULTI_CHAR = 50;
/** Score thresholds (zxcvbn, with its +5 margin): guesses below 1e3+5 → 0, … , ≥ 1e10+5 → 4. */
export const SCORE_THRESHOLDS = [1e3 + 5, 1e6 + 5, 1e8 + 5, 1e10 + 5] as const;

export const BRUTEFORCE_CODE = 'BRUTEFORCE';

const LOG_BF = Math.log10(BRUTEFORCE_CARDINALITY);
const LOG_EXTRA = Math.log10(MIN_GUESSES_PER_EXTRA_TOKEN);

const EPS = 1e-9;
/** Token counts up to which the exact layered search runs (8 layers ⇒ answers below 10^32). */
const EXACT_MAX_TOKENS = 8;

/**
 * @param length      length of the password in the units the candidate spans use.
 * @param candidates  matches over `[start, end)` with their guesses; invalid ones (out of range,
 *                    empty, non-finite or < 1 guesses… ) are ignored, not thrown on.
 */
export function estimateStrength(length: number, candidates: readonly Candidate[]): Strength {
  const n = Number.isInteger(length) && length > 0 ? length : 0;
  if (n === 0) return { guesses: 1, guessesLog10: 0, score: 0, sequence: [] };

  // Bucket valid candidates by end position (counting sort: no per-char allocation).
  const firstAtEnd = new Int32Array(n + 2);
  let valid = 0;
  for (const c of candidates) {
    if (isUsable(c, n)) {
      firstAtEnd[c.end + 1]!++;
      valid++;
    }
  }
  for (let k = 1; k <= n + 1; k++) firstAtEnd[k]! += firstAtEnd[k - 1]!;
  const order = new Int32Array(valid);
  const starts = new Int32Array(valid);
  const logG = new Float64Array(valid);
  const fill = firstAtEnd.slice(0, n + 1);
  candidates.forEach((c, idx) => {
    if (!isUsable(c, n)) return;
    const slot = fill[c.end]!++;
    order[slot] = idx;
    starts[slot] = c.start;
    const span = c.end - c.start;
    const floor = span === n ? 1 : span === 1 ? MIN_SUBMATCH_GUESSES_SINGLE_CHAR : MIN_SUBMATCH_GUESSES_MULTI_CHAR;
    logG[slot] = Math.log10(Math.max(c.guesses, floor));
  });

  // The exact layered search over at most EXACT_MAX_TOKENS tokens. A split of l tokens costs at
  // least 10^4^(l−1), so every split that could score below 4 (< 10^10) has at most 3 tokens:
  // the score is always exact, and guessesLog10 is exact below 10^28.
  const exact = new Layered(n, Math.min(EXACT_MAX_TOKENS, n));
  const bestTotal = exact.run(firstAtEnd, starts, logG);
  const sequence = exact.sequence(candidates, order, logG);

  const guesses = Math.min(10 ** bestTotal, Number.MAX_VALUE);
  return { guesses, guessesLog10: bestTotal, score: scoreOf(guesses), sequence };
}

function isUsable(c: Candidate, n: number): boolean {
  return (
    Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.end <= n && c.start < c.end &&
    Number.isFinite(c.guesses) && c.guesses > 0
  );
}

export function scoreOf(guesses: number): 0 | 1 | 2 | 3 | 4 {
  if (guesses < SCORE_THRESHOLDS[0]) return 0;
  if (guesses < SCORE_THRESHOLDS[1]) return 1;
  if (guesses < SCORE_THRESHOLDS[2]) return 2;
  if (guesses < SCORE_THRESHOLDS[3]) return 3;
  return 4;
}

function gapGuesses(len: number): number {
  return Math.min(BRUTEFORCE_CARDINALITY ** len, Number.MAX_VALUE);
}

/** log10(10^a + 10^b) without overflow. */
function logSum(a: number, b: number): number {
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  return hi + Math.log10(1 + 10 ** (lo - hi));
}

const LOG10_FACTORIAL = (() => {
  const t = [0];
  for (let i = 1; i <= 64; i++) t.push(t[i - 1]! + Math.log10(i));
  return t;
})();

function log10Factorial(l: number): number {
  return LOG10_FACTORIAL[l] ?? LOG10_FACTORIAL[64]! + (l - 64) * Math.log10(l);
}

/**
 * The exact zxcvbn search for small token counts: layer l holds the cheapest product covering
 * each prefix with exactly l tokens (ending in a matched token or in a gap). O(L · (n + C)).
 */
function newScratch(size: number) {
  return {
    tok: new Float64Array(size),
    gap: new Float64Array(size),
    tokSlot: new Int32Array(size),
    tokFromGap: new Uint8Array(size),
    gapExtends: new Uint8Array(size),
  };
}
let scratch = newScratch(9 * 33);

class Layered {
  private readonly w: number;
  private readonly tok: Float64Array;
  private readonly gap: Float64Array;
  private readonly tokSlot: Int32Array;
  private readonly tokFromGap: Uint8Array;
  private readonly gapExtends: Uint8Array;
  bestLog10 = Infinity;
  private bestTokens = 0;
  private bestEndsInToken = false;

  constructor(private readonly n: number, private readonly layers: number) {
    this.w = n + 1;
    const size = (layers + 1) * this.w;
    // The tables are scratch space: reuse one set across calls (JS runs one call at a time) so an
    // evaluation allocates nothing here; views are cut to this call's size.
    if (scratch.tok.length < size) scratch = newScratch(Math.max(size, scratch.tok.length * 2));
    this.tok = scratch.tok.subarray(0, size).fill(Infinity);
    this.gap = scratch.gap.subarray(0, size).fill(Infinity);
    this.tokSlot = scratch.tokSlot.subarray(0, size);
    this.tokFromGap = scratch.tokFromGap.subarray(0, size);
    this.gapExtends = scratch.gapExtends.subarray(0, size);
  }

  /** Fills the layers and returns the exact optimum (log10), fewest tokens on ties. */
  run(firstAtEnd: Int32Array, starts: Int32Array, logG: Float64Array): number {
    const { n, w, tok, gap, tokSlot, tokFromGap, gapExtends } = this;
    tok[0] = 0;
    for (let l = 1; l <= this.layers; l++) {
      // A split of l tokens costs at least 10^4^(l−1): once that alone reaches the best total
      // found, no split with more tokens can win. A random 12-character password stops after 3
      // layers instead of 8.
      if (LOG_EXTRA * (l - 1) >= this.bestLog10 - EPS) break;
      const cur = l * w;
      const prev = cur - w;
      for (let k = 1; k <= n; k++) {
        const ext = gap[cur + k - 1]! + LOG_BF;
        const open = tok[prev + k - 1]! + LOG_BF;
        if (ext <= open) {
          gap[cur + k] = ext;
          gapExtends[cur + k] = 1;
        } else {
          gap[cur + k] = open;
          gapExtends[cur + k] = 0;
        }
        let best = Infinity;
        for (let s = firstAtEnd[k]!, e = firstAtEnd[k + 1]!; s < e; s++) {
          const i = starts[s]!;
          const fromTok = tok[prev + i]!;
          const fromGap = gap[prev + i]!;
          const cost = Math.min(fromTok, fromGap) + logG[s]!;
          if (cost < best) {
            best = cost;
            tokSlot[cur + k] = s;
            tokFromGap[cur + k] = fromGap < fromTok ? 1 : 0;
          }
        }
        tok[cur + k] = best;
      }
      const t = tok[cur + n]!;
      const g = gap[cur + n]!;
      const product = Math.min(t, g);
      if (product === Infinity) continue;
      const total = logSum(log10Factorial(l) + product, LOG_EXTRA * (l - 1));
      if (total < this.bestLog10 - EPS) {
        this.bestLog10 = total;
        this.bestTokens = l;
        this.bestEndsInToken = t <= g;
      }
    }
    return this.bestLog10;
  }

  sequence(candidates: readonly Candidate[], order: Int32Array, logG: Float64Array): Candidate[] {
    const out: Candidate[] = [];
    const w = this.w;
    let l = this.bestTokens;
    let k = this.n;
    let inToken = this.bestEndsInToken;
    while (k > 0 && l > 0) {
      const at = l * w + k;
      if (inToken) {
        const slot = this.tokSlot[at]!;
        const c = candidates[order[slot]!]!;
        out.push({ start: c.start, end: c.end, guesses: 10 ** logG[slot]!, code: c.code });
        inToken = this.tokFromGap[at] === 0;
        k = c.start;
      } else {
        let s = k;
        while (this.gapExtends[l * w + s] === 1) s--;
        out.push({ start: s - 1, end: k, guesses: gapGuesses(k - s + 1), code: BRUTEFORCE_CODE });
        k = s - 1;
        inToken = true;
      }
      l--;
    }
    return out.reverse();
  }
}
