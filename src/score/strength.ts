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
export { guessesForSpan, guessesForWord } from './guesses.js';

export interface Candidate {
  start: number;
  end: number;
  guesses: number;
  code: string;
  /** How many words a piece joins (a combinator phrase, score/attacks/combinator.ts): the
   * structure rules count them as words (structure.ts). */
  words?: number;
}

export interface Strength {
  guesses: number;
  guessesLog10: number;
  score: 0 | 1 | 2 | 3 | 4;
  /** The chosen split, in order, covering the password; gaps have `code: 'BRUTEFORCE'`. */
  sequence: Candidate[];
}

/**
 * Guesses per brute-forced character when the caller gives none: zxcvbn's value, 10. The
 * recommended estimate passes the charset-aware cost instead (charset.ts): a gap left after every
 * known pattern *and* the character model (model/) is no longer "mostly what a person typed",
 * so it costs what its character classes allow.
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

const DEFAULT_LOG_BF = Math.log10(BRUTEFORCE_CARDINALITY);
/** log10 guesses of a gap character at each position, for the current call (one call at a time,
 * as the scratch below). */
let gapLog = new Float64Array(64);

function setGapCosts(n: number, bruteforce: number | ArrayLike<number>): void {
  if (gapLog.length < n) gapLog = new Float64Array(Math.max(n, gapLog.length * 2));
  if (typeof bruteforce === 'number') {
    gapLog.fill(valid(bruteforce) ? Math.log10(bruteforce) : DEFAULT_LOG_BF, 0, n);
    return;
  }
  for (let i = 0; i < n; i++) {
    const x = bruteforce[i];
    gapLog[i] = !valid(x) ? DEFAULT_LOG_BF : x! < LOG10_SMALL.length && x! === Math.floor(x!) ? LOG10_SMALL[x!]! : Math.log10(x!);
  }
}

/** Math.log10 of the small integers, the class cardinalities a caller passes per position: the
 * same values, read from a table instead of computed for every character of every call. */
const LOG10_SMALL = Float64Array.from({ length: 256 }, (_, i) => Math.log10(i));

function valid(x: number | undefined): boolean {
  return x !== undefined && Number.isFinite(x) && x >= 1;
}
const LOG_EXTRA = Math.log10(MIN_GUESSES_PER_EXTRA_TOKEN);

const EPS = 1e-9;
/** Token counts up to which the exact layered search runs (8 layers ⇒ answers below 10^32). */
const EXACT_MAX_TOKENS = 8;

/**
 * @param length      length of the password in the units the candidate spans use.
 * @param candidates  matches over `[start, end)` with their guesses; invalid ones (out of range,
 *                    empty, non-finite or < 1 guesses… ) are ignored, not thrown on.
 * @param bruteforce  guesses per gap character (≥ 1; default BRUTEFORCE_CARDINALITY): one number
 *                    for every position, or one per position (a gap then costs the product of its
 *                    own characters' cardinalities; invalid entries count as the default).
 */
export function estimateStrength(length: number, candidates: readonly Candidate[], bruteforce: number | ArrayLike<number> = BRUTEFORCE_CARDINALITY): Strength {
  const n = Number.isInteger(length) && length > 0 ? length : 0;
  if (n === 0) return { guesses: 1, guessesLog10: 0, score: 0, sequence: [] };
  setGapCosts(n, bruteforce);

  // Bucket valid candidates by end position (counting sort). All tables live in module-level
  // scratch (see `ensureBuckets`), so a call allocates nothing but its result.
  const count = candidates.length;
  ensureBuckets(n, count);
  const firstAtEnd = bFirstAtEnd;
  const fill = bFill;
  const usable = bUsable;
  firstAtEnd.fill(0, 0, n + 2);
  for (let idx = 0; idx < count; idx++) {
    const c = candidates[idx]!;
    // Checked once here and remembered: the second pass only reads the flag.
    if (isUsable(c, n)) {
      firstAtEnd[c.end + 1]!++;
      usable[idx] = 1;
    } else {
      usable[idx] = 0;
    }
  }
  for (let k = 1; k <= n + 1; k++) firstAtEnd[k]! += firstAtEnd[k - 1]!;
  for (let k = 0; k <= n; k++) fill[k] = firstAtEnd[k]!; // (a subarray view per call was an allocation)
  const order = bOrder;
  const starts = bStarts;
  const logG = bLogG;
  for (let idx = 0; idx < count; idx++) {
    if (usable[idx] === 0) continue;
    const c = candidates[idx]!;
    const slot = fill[c.end]!++;
    order[slot] = idx;
    starts[slot] = c.start;
    const span = c.end - c.start;
    const floor = span === n ? 1 : span === 1 ? MIN_SUBMATCH_GUESSES_SINGLE_CHAR : MIN_SUBMATCH_GUESSES_MULTI_CHAR;
    logG[slot] = Math.log10(Math.max(c.guesses, floor));
  }

  // The exact layered search over at most EXACT_MAX_TOKENS tokens. A split of l tokens costs at
  // least 10^4^(l−1), so every split that could score below 4 (< 10^10) has at most 3 tokens:
  // the score is always exact, and guessesLog10 is exact below 10^28.
  const bestTotal = runLayers(n, Math.min(EXACT_MAX_TOKENS, n), firstAtEnd, starts, logG);
  const sequence = bestSequence(n, candidates, order, logG);

  const guesses = Math.min(10 ** bestTotal, Number.MAX_VALUE);
  return { guesses, guessesLog10: bestTotal, score: scoreOf(guesses), sequence };
}

// Bucketing scratch, grown on demand (doubling) and reused across calls: JS runs one call at a
// time and estimateStrength is not re-entrant, so sharing is safe and saves ~5 typed-array
// allocations per evaluation.
let bFirstAtEnd = new Int32Array(66);
let bFill = new Int32Array(66);
let bUsable = new Uint8Array(64);
let bOrder = new Int32Array(64);
let bStarts = new Int32Array(64);
let bLogG = new Float64Array(64);

function ensureBuckets(n: number, count: number): void {
  if (bFirstAtEnd.length < n + 2) {
    const size = Math.max(n + 2, bFirstAtEnd.length * 2);
    bFirstAtEnd = new Int32Array(size);
    bFill = new Int32Array(size);
  }
  if (bUsable.length < count) {
    const size = Math.max(count, bUsable.length * 2);
    bUsable = new Uint8Array(size);
    bOrder = new Int32Array(size);
    bStarts = new Int32Array(size);
    bLogG = new Float64Array(size);
  }
}

function isUsable(c: Candidate, n: number): boolean {
  return (
    Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.end <= n && c.start < c.end &&
    Number.isFinite(c.guesses) && c.guesses > 0
  );
}

/**
 * The largest guess count scored below `score` (1–4): what a structure rule that says "an attack
 * finds this before score `score`" caps the guesses at, so the score follows the guesses (issue
 * 19: the rules used to overwrite the score and leave the guesses, `tinchair150` at 10^11 and 2).
 */
export function guessesBelowScore(score: 1 | 2 | 3 | 4): number {
  return SCORE_THRESHOLDS[(score - 1) as 0 | 1 | 2 | 3] - 5; // the +5 is zxcvbn's margin: 1e8 is still score 2
}

/** The guesses → score table (SCORE_THRESHOLDS): the only place a score is made from guesses. */
export function scoreOf(guesses: number): 0 | 1 | 2 | 3 | 4 {
  if (guesses < SCORE_THRESHOLDS[0]) return 0;
  if (guesses < SCORE_THRESHOLDS[1]) return 1;
  if (guesses < SCORE_THRESHOLDS[2]) return 2;
  if (guesses < SCORE_THRESHOLDS[3]) return 3;
  return 4;
}

/** Guesses of the gap over positions [from, to). */
function gapGuesses(from: number, to: number): number {
  let log = 0;
  for (let i = from; i < to; i++) log += gapLog[i]!;
  return Math.min(10 ** log, Number.MAX_VALUE);
}

/** log10(10^a + 10^b) without overflow. */
function logSum(a: number, b: number): number {
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  // Past 17 orders of magnitude 1 + 10^(lo−hi) rounds to 1 in a double: the answer is hi.
  if (hi - lo > 17) return hi;
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
 * Tables are row-major, (layers + 1) rows of n + 1 cells, in module-level scratch (one call at a
 * time in JS) so an evaluation allocates nothing here; `runLayers` leaves the chosen split's
 * shape in `bestTokens` / `bestEndsInToken` for `bestSequence`.
 */
let tok = new Float64Array(9 * 33);
let gap = new Float64Array(9 * 33);
let tokSlot = new Int32Array(9 * 33);
let tokFromGap = new Uint8Array(9 * 33);
let gapExtends = new Uint8Array(9 * 33);
let bestTokens = 0;
let bestEndsInToken = false;

/**
 * log10 of the cheapest product over splits with any number of tokens: a lower bound on every
 * layer's product (a gap's guesses are the same per character however it is cut, so gaps need no
 * layer bookkeeping here). One pass over the candidates.
 */
function minProduct(n: number, firstAtEnd: Int32Array, starts: Int32Array, logG: Float64Array): number {
  const any = anyScratch.length > n ? anyScratch : (anyScratch = new Float64Array(2 * n + 2));
  any[0] = 0;
  for (let k = 1; k <= n; k++) {
    let best = any[k - 1]! + gapLog[k - 1]!;
    for (let s = firstAtEnd[k]!, e = firstAtEnd[k + 1]!; s < e; s++) {
      const cost = any[starts[s]!]! + logG[s]!;
      if (cost < best) best = cost;
    }
    any[k] = best;
  }
  return any[n]!;
}

let anyScratch = new Float64Array(66);

/** Fills the layers and returns the exact optimum (log10), fewest tokens on ties. */
function runLayers(n: number, layers: number, firstAtEnd: Int32Array, starts: Int32Array, logG: Float64Array): number {
  const w = n + 1;
  const size = (layers + 1) * w;
  if (tok.length < size) {
    const grown = Math.max(size, tok.length * 2);
    tok = new Float64Array(grown);
    gap = new Float64Array(grown);
    tokSlot = new Int32Array(grown);
    tokFromGap = new Uint8Array(grown);
    gapExtends = new Uint8Array(grown);
  }
  // Only cells that are read before being written need Infinity: all of layer 0 (tok[0] = 0
  // aside) and cell 0 of each later layer. Every other cell of a layer that is run is written
  // before it is read, and layers never run are never read (neither here nor in bestSequence).
  tok.fill(Infinity, 0, w);
  gap.fill(Infinity, 0, w);
  tok[0] = 0;
  bestTokens = 0;
  bestEndsInToken = false;
  let bestLog10 = Infinity;
  let floor = -1; // minProduct, computed when first needed
  for (let l = 1; l <= layers; l++) {
    // A split of l tokens costs at least 10^4^(l−1): once that alone reaches the best total
    // found, no split with more tokens can win. A random 12-character password stops after 3
    // layers instead of 8.
    if (LOG_EXTRA * (l - 1) >= bestLog10 - EPS) break;
    // A tighter bound once a split is known: l tokens cost at least l! times the cheapest
    // product of any split. It stops a random password after its one-gap layer and a long one
    // right after its best layer (each layer costs about as much as computing the floor).
    if (bestLog10 !== Infinity) {
      if (floor < 0) floor = minProduct(n, firstAtEnd, starts, logG);
      const least = log10Factorial(l) + floor;
      // logSum(x, y) ≥ max(x, y): most layers are decided without computing it.
      if (least >= bestLog10 - EPS || logSum(least, LOG_EXTRA * (l - 1)) >= bestLog10 - EPS) break;
    }
    const cur = l * w;
    const prev = cur - w;
    tok[cur] = Infinity;
    gap[cur] = Infinity;
    for (let k = 1; k <= n; k++) {
      const ext = gap[cur + k - 1]! + gapLog[k - 1]!;
      const open = tok[prev + k - 1]! + gapLog[k - 1]!;
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
    if (total < bestLog10 - EPS) {
      bestLog10 = total;
      bestTokens = l;
      bestEndsInToken = t <= g;
    }
  }
  return bestLog10;
}

/** Walks the tables of the last `runLayers` back from the end: the chosen split, in order. */
function bestSequence(n: number, candidates: readonly Candidate[], order: Int32Array, logG: Float64Array): Candidate[] {
  // bestTokens pieces, met from the last, each put in its place (no push: 17 slots reserved).
  const out = new Array<Candidate>(bestTokens);
  const w = n + 1;
  let l = bestTokens;
  let k = n;
  let inToken = bestEndsInToken;
  while (k > 0 && l > 0) {
    const at = l * w + k;
    if (inToken) {
      const slot = tokSlot[at]!;
      const c = candidates[order[slot]!]!;
      const piece: Candidate = { start: c.start, end: c.end, guesses: 10 ** logG[slot]!, code: c.code };
      if (c.words !== undefined) piece.words = c.words;
      out[l - 1] = piece;
      inToken = tokFromGap[at] === 0;
      k = c.start;
    } else {
      let s = k;
      while (gapExtends[l * w + s] === 1) s--;
      out[l - 1] = { start: s - 1, end: k, guesses: gapGuesses(s - 1, k), code: BRUTEFORCE_CODE };
      k = s - 1;
      inToken = true;
    }
    l--;
  }
  return l === 0 ? out : out.slice(l); // (l is 0: the split covers [0, n) in bestTokens pieces)
}
