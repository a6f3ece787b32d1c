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

/**
 * Per-token penalties (log10) tried by the search. Minimising Σ log10 guesses + λ·l for a fixed λ
 * is a plain shortest path over end positions — O(length + candidates) — whereas the exact
 * objective above needs one DP layer per token count. Sweeping λ visits the best split of every
 * token count on the lower convex hull; each result is then priced with the exact formula and the
 * cheapest wins. 0 favours products alone, ~0.3–1 track the l! term, 4 the 10^4 floor, and the
 * last value forces the fewest tokens. The hull can miss the true optimum (measured: ~1.5% of
 * random candidate sets, by up to 10^2), so weak passwords are then re-solved exactly (`Layered`).
 */
const PENALTIES = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 7, 1e6];

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

  // 1. Penalty sweep: cheap, near-optimal, gives an upper bound on the answer.
  const dp = new Workspace(n);
  let bestTotal = Infinity;
  let bestPenalty = 0;
  for (const penalty of PENALTIES) {
    dp.run(penalty, firstAtEnd, starts, logG);
    const total = dp.exactLog10();
    if (total < bestTotal - EPS) {
      bestTotal = total;
      bestPenalty = penalty;
    }
  }
  // 2. Exact refinement. A split of l tokens costs at least 10^4^(l−1), so only l ≤ bound/4 + 1
  // can beat the sweep. That is few layers exactly when it matters: every password below 10^28
  // guesses (all scores 0–3 and the bottom of 4) gets the exact zxcvbn optimum.
  let sequence: Candidate[];
  const maxTokens = Math.floor(bestTotal / LOG_EXTRA + EPS) + 1;
  const exact = maxTokens <= EXACT_MAX_TOKENS ? new Layered(n, maxTokens) : undefined;
  if (exact !== undefined && exact.run(firstAtEnd, starts, logG) < bestTotal - EPS) {
    bestTotal = exact.bestLog10;
    sequence = exact.sequence(candidates, order, logG);
  } else {
    dp.run(bestPenalty, firstAtEnd, starts, logG);
    sequence = dp.sequence(candidates, order, logG);
  }

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

/**
 * Shortest-path tables over end positions 0..n for one penalty. Two states per position: the
 * split so far ends with a matched token (`tok*`) or inside a brute-force gap (`gap*`); a gap
 * extends for free in token count, so a gap is always one token however long it is.
 */
class Workspace {
  private readonly tokCost: Float64Array;
  private readonly tokLog: Float64Array;
  private readonly tokCount: Int32Array;
  /** Slot of the candidate that ends the split here; for the predecessor state see `tokFromGap`. */
  private readonly tokSlot: Int32Array;
  private readonly tokFromGap: Uint8Array;
  private readonly gapCost: Float64Array;
  private readonly gapLog: Float64Array;
  private readonly gapCount: Int32Array;
  /** 1 if the gap ending here continues a gap, 0 if it opens after a token (or at the start). */
  private readonly gapExtends: Uint8Array;

  constructor(private readonly n: number) {
    this.tokCost = new Float64Array(n + 1);
    this.tokLog = new Float64Array(n + 1);
    this.tokCount = new Int32Array(n + 1);
    this.tokSlot = new Int32Array(n + 1);
    this.tokFromGap = new Uint8Array(n + 1);
    this.gapCost = new Float64Array(n + 1);
    this.gapLog = new Float64Array(n + 1);
    this.gapCount = new Int32Array(n + 1);
    this.gapExtends = new Uint8Array(n + 1);
  }

  run(penalty: number, firstAtEnd: Int32Array, starts: Int32Array, logG: Float64Array): void {
    const { n, tokCost, tokLog, tokCount, tokSlot, tokFromGap, gapCost, gapLog, gapCount, gapExtends } = this;
    tokCost[0] = 0; // the empty prefix behaves like "after a token"
    tokLog[0] = 0;
    tokCount[0] = 0;
    tokSlot[0] = -1;
    gapCost[0] = Infinity;
    for (let k = 1; k <= n; k++) {
      // Gap state: extend the gap ending at k−1, or open a new one after a token.
      const ext = gapCost[k - 1]! + LOG_BF;
      const open = tokCost[k - 1]! + penalty + LOG_BF;
      if (ext < open - EPS || (ext <= open + EPS && gapCount[k - 1]! <= tokCount[k - 1]! + 1)) {
        gapCost[k] = ext;
        gapLog[k] = gapLog[k - 1]! + LOG_BF;
        gapCount[k] = gapCount[k - 1]!;
        gapExtends[k] = 1;
      } else {
        gapCost[k] = open;
        gapLog[k] = tokLog[k - 1]! + LOG_BF;
        gapCount[k] = tokCount[k - 1]! + 1;
        gapExtends[k] = 0;
      }
      // Token state: the best candidate ending at k, after either state at its start.
      let best = Infinity;
      let bestLog = 0;
      let bestCount = 0;
      let bestSlot = -1;
      let bestFromGap = 0;
      for (let s = firstAtEnd[k]!, e = firstAtEnd[k + 1]!; s < e; s++) {
        const i = starts[s]!;
        const g = logG[s]!;
        for (let fromGap = 0; fromGap < 2; fromGap++) {
          const before = fromGap === 1 ? gapCost[i]! : tokCost[i]!;
          if (before === Infinity) continue;
          const cost = before + penalty + g;
          const count = (fromGap === 1 ? gapCount[i]! : tokCount[i]!) + 1;
          if (cost < best - EPS || (cost <= best + EPS && count < bestCount)) {
            best = cost;
            bestLog = (fromGap === 1 ? gapLog[i]! : tokLog[i]!) + g;
            bestCount = count;
            bestSlot = s;
            bestFromGap = fromGap;
          }
        }
      }
      tokCost[k] = best;
      tokLog[k] = bestLog;
      tokCount[k] = bestCount;
      tokSlot[k] = bestSlot;
      tokFromGap[k] = bestFromGap;
    }
  }

  /** True if the best split of the whole password ends with a matched token. */
  private endsWithToken(): boolean {
    const n = this.n;
    const t = this.tokCost[n]!;
    const g = this.gapCost[n]!;
    return t < g - EPS || (t <= g + EPS && this.tokCount[n]! <= this.gapCount[n]!);
  }

  /** log10 of l!·Π guesses + 10^4^(l−1) for the split found by the last `run`. */
  exactLog10(): number {
    const n = this.n;
    const tok = this.endsWithToken();
    const l = tok ? this.tokCount[n]! : this.gapCount[n]!;
    const logProduct = tok ? this.tokLog[n]! : this.gapLog[n]!;
    return logSum(log10Factorial(l) + logProduct, LOG_EXTRA * (l - 1));
  }

  /** Walks the back pointers of the last `run` and returns the split in order. */
  sequence(candidates: readonly Candidate[], order: Int32Array, logG: Float64Array): Candidate[] {
    const out: Candidate[] = [];
    let k = this.n;
    let inToken = this.endsWithToken();
    while (k > 0) {
      if (inToken) {
        const slot = this.tokSlot[k]!;
        const c = candidates[order[slot]!]!;
        out.push({ start: c.start, end: c.end, guesses: 10 ** logG[slot]!, code: c.code });
        inToken = this.tokFromGap[k] === 0;
        k = c.start;
      } else {
        let s = k;
        while (this.gapExtends[s] === 1) s--;
        // s is where the gap opened: it covers [s − 1, k).
        out.push({ start: s - 1, end: k, guesses: gapGuesses(k - s + 1), code: BRUTEFORCE_CODE });
        k = s - 1;
        inToken = true;
      }
    }
    return out.reverse();
  }
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

function log10Factorial(l: number): number {
  let s = 0;
  for (let i = 2; i <= l; i++) s += Math.log10(i);
  return s;
}

/**
 * The exact zxcvbn search for small token counts: layer l holds the cheapest product covering
 * each prefix with exactly l tokens (ending in a matched token or in a gap). O(L · (n + C)).
 */
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
    this.tok = new Float64Array(size).fill(Infinity);
    this.gap = new Float64Array(size).fill(Infinity);
    this.tokSlot = new Int32Array(size);
    this.tokFromGap = new Uint8Array(size);
    this.gapExtends = new Uint8Array(size);
  }

  /** Fills the layers and returns the exact optimum (log10), fewest tokens on ties. */
  run(firstAtEnd: Int32Array, starts: Int32Array, logG: Float64Array): number {
    const { n, w, tok, gap, tokSlot, tokFromGap, gapExtends } = this;
    tok[0] = 0;
    for (let l = 1; l <= this.layers; l++) {
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
