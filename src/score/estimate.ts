import type { Finding, NormalisedText } from '../types.js';
import type { EngineState } from '../engine/state.js';
import type { PatternMatch } from '../detect/patterns/types.js';
import { piecesSpaceLog10 } from '../detect/patterns/keyboard-pieces.js';
import type { ContextTerm } from '../detect/context.js';
import { DICTIONARY_KINDS } from '../detect/dictionary.js';
import type { TermMatch } from '../match/index.js';
import type { PointsResult } from './points.js';
import { BRUTEFORCE_CODE, estimateStrength, guessesBelowScore, guessesForSpan, type Candidate } from './strength.js';
import { bruteforceCardinality, classCardinality } from './model/charset.js';
import { modelReadings, type ModelView } from './model/readings.js';
import { modelRejects } from './model/index.js';
import { KEYBOARD_PIECES, SMALL_SPACE, WORD_PAIR, capGuesses, discountDigits, mayBeWordPair, scatteredCapitals, wordPair } from './structure.js';
import { ATTACK_CODE, attackCandidates, explainPiece, type AttackCandidate } from './attacks/index.js';

export interface StrengthSummary {
  readonly guesses: number;
  readonly guessesLog10: number;
  /** 0–4, on zxcvbn's scale: 3 means at least 1e8 guesses. */
  readonly score: 0 | 1 | 2 | 3 | 4;
}

export type { ModelView } from './model/readings.js';

/** What the estimate hands the policy (policy/weakness.ts decides from it). */
export interface Estimated {
  /** The cheapest attack's guesses, and the score made from them. */
  readonly summary: StrengthSummary;
  /** The same before the character model's bound: the split of patterns, words and gaps (with
   * its structure rules). WEAK names this one falling short. */
  readonly split: StrengthSummary;
  /** The dictionary words of the chosen split, to name them when the password is rejected. */
  readonly words: Finding[];
  readonly model: ModelVerdict | null;
  /** The attack class (score/attacks/) whose piece the chosen split holds, named for the feedback. */
  readonly attack: string | null;
}

/**
 * The strength estimate of the `recommended` profile: every pattern, dictionary word and banned
 * term found becomes a priced candidate, the cheapest split of the password wins (strength.ts),
 * then the structure rules below adjust what guess counts alone overstate. Also returns the
 * dictionary words of the chosen split, to name them when the password is rejected as weak.
 * `wordAt` are the dictionary matches in the folded password (word-scan.ts; empty without a
 * dictionary).
 */
export function estimate(
  state: EngineState,
  password: string,
  text: NormalisedText,
  scored: PointsResult,
  patterns: readonly PatternMatch[],
  terms: readonly ContextTerm[],
  wordAt: readonly TermMatch[],
): Estimated {
  if (state.zxcvbn) {
    const summary = state.zxcvbn.estimate(text.folded, terms.map((t) => t.term));
    return { summary, split: summary, words: [], model: null, attack: null };
  }
  // A pattern match already has the shape of a candidate (start, end, guesses, code).
  // The character model prices the whole password as one string people choose, and a few
  // readings only it can price (readings.ts): the minimum over the models, as zxcvbn takes the
  // minimum over splits.
  let model: ModelView | null = null;
  let readings: readonly Candidate[] = NO_CANDIDATES;
  if (state.model) {
    const r = modelReadings(state, state.model, password, text, patterns, wordAt);
    model = r.view;
    readings = r.candidates;
  }
  const dict = state.dictionary;
  // The attack classes of score/attacks/ (mangling rules undone, …): each piece a candidate.
  const attacks = dict ? attackCandidates({ password, text, dictionary: dict, wordAt, breached: state.breached?.wordlist ?? state.breached }) : NO_ATTACKS;
  const wordCount = dict ? wordAt.length : 0;
  let banned = 0;
  for (const t of scored.tokens) if (t.kind === 'banned') banned++;
  // Every candidate in one array of its final size, filled by index in the order the split
  // reads them (it keeps the first of equal costs): patterns, the model's readings, dictionary
  // words, attack pieces, banned terms. Grown by push from a copy of the patterns, the array was
  // reallocated two or three times per evaluation.
  const candidates = new Array<Candidate>(patterns.length + readings.length + wordCount + attacks.length + banned);
  let at = 0;
  for (let k = 0; k < patterns.length; k++) candidates[at++] = patterns[k]!;
  for (let k = 0; k < readings.length; k++) candidates[at++] = readings[k]!;
  if (dict && wordCount > 0) {
    const ranks = dict.rank;
    const altered = alteredBefore(password, text);
    for (let k = 0; k < wordAt.length; k++) {
      const m = wordAt[k]!;
      const rank = ranks[m.termId]!;
      // Most words are typed as listed: price them by rank without building strings. Otherwise
      // the word as typed says which capitals and substitutions were varied.
      const guesses = altered[m.end]! === altered[m.start]!
        ? rank
        : guessesForSpan(rank, text.folded, m.start, m.end, password, text.start[m.start]!, text.end[m.end - 1]!);
      candidates[at++] = { start: m.start, end: m.end, guesses, code: 'DICTIONARY_WORD' };
    }
  }
  for (let k = 0; k < attacks.length; k++) candidates[at++] = attacks[k]!;
  // Banned terms are words an attacker tries early (custom ones first of all); a fuzzy hit is
  // one reached with a handful of edits.
  for (const t of scored.tokens) {
    if (t.kind !== 'banned') continue;
    const rank = state.banned.rank[t.termId!] ?? 1;
    candidates[at++] = { start: t.start, end: t.end, guesses: t.distance === 1 ? rank * 50 * (t.end - t.start) : rank, code: 'BANNED_TERM' };
  }
  const wordAtSpan = spanLookup(wordAt);
  // With a model, what is left between the matches was typed by nobody's habit: charset-aware.
  // The native estimate runs without the model only on the browser's light tier (assets/tiers.ts),
  // which must never price a password below the full tier: the same gap cost and bounds there.
  const bruteforce = state.model || state.dictionary ? bruteforceCardinality(password) : undefined;
  const gapCost = bruteforce === undefined ? undefined : gapCardinalities(password, text, bruteforce);
  // The structure rules below say "an attack finds this before score 3"; each caps the guesses at
  // that bound (guessesBelowScore), and the score is made from the guesses alone (issue 19).
  let s = discountDigits(estimateStrength(text.folded.length, candidates, gapCost), text.plain);
  let rule = wordPair(s, password, wordAtSpan) ? WORD_PAIR : null;
  // The word-pair rule reads the chosen split: a cheap gap can now swallow a short word the
  // whole-password cost kept as a token (`tin` in `tinchair150`). Read the split that cost gives
  // too, so the rule sees the words it saw before (measured: 41 of the 120 k verdict corpus
  // were accepted otherwise). Only for what would be accepted with a gap in its split.
  // (The rule can only fire on a split of 1e8+ guesses through its word pair: scattered capitals
  // rule that out, and so does a password no chain of ≤ 4 word and affix spans covers — then the
  // second search is skipped, result unchanged.)
  if (rule === null && bruteforce !== undefined && s.score > 2 && hasGap(s.sequence) && !scatteredCapitals(password) && mayBeWordPair(text.folded.length, candidates, wordAt)) {
    const flat = discountDigits(estimateStrength(text.folded.length, candidates, bruteforce), text.plain);
    if (flat.guessesLog10 >= s.guessesLog10 && wordPair(flat, password, wordAtSpan)) rule = WORD_PAIR;
  }
  if (rule === null && s.score > 2) {
    // The whole search space of the classes used, computed once for both bounds below.
    const spaceLog10 = text.folded.length * Math.log10(bruteforce ?? bruteforceCardinality(password));
    // However the password was made: below SMALL_SPACE_LOG10 even a random choice falls to an
    // offline search (`000abl9f`: 36⁸ ≈ 10^12.5). With the model only, as before it.
    if (bruteforce !== undefined && spaceLog10 < SMALL_SPACE_LOG10) rule = SMALL_SPACE;
    // The same bound for a password made of keyboard pieces only (keyboard-pieces.ts): the class
    // of such passwords with its piece lengths is what an attacker enumerates (`%T$R*()_`: two
    // 4-key pieces, 17,492² ≈ 10^8.5). The split above prices it 2!·g² + 10^4, just over 10^8.
    // Only where the class is a tiny part of the random strings of the same classes and length:
    // else chance makes such strings (`tfgvbmnjuy`, 10^4.4 below 26^10, from 50,000 random
    // lowercase 10).
    else {
      const pieces = piecesSpaceLog10(patterns, text.folded.length);
      if (pieces < SMALL_SPACE_LOG10 && pieces <= spaceLog10 - PIECES_BELOW_CHANCE_LOG10) rule = KEYBOARD_PIECES;
    }
  }
  if (rule !== null) s = capGuesses(s, guessesBelowScore(3));
  const words: Finding[] = [];
  let cheapest: string | null = null;
  for (const c of s.sequence) {
    if (c.code === ATTACK_CODE && cheapest === null) cheapest = explainPiece(attacks, c.start, c.end);
    if (c.code !== 'DICTIONARY_WORD' || !dict) continue;
    const w = wordAtSpan(c.start, c.end);
    if (!w) continue;
    words.push({
      code: 'DICTIONARY_WORD',
      source: 'dictionary',
      start: text.start[c.start]!,
      end: text.end[c.end - 1]!,
      term: dict.word(w.termId),
      params: { list: DICTIONARY_KINDS[dict.kind[w.termId]!] ?? 'english', rank: dict.rank[w.termId]! },
    });
  }
  // A literal, not `{ ...model, rejects }`: the spread made recommended a third slower (measured
  // with bench/evaluate.ts --model-ratio: 37.7 k → 25.3 k evaluations/s with the model).
  const verdict: ModelVerdict | null = model === null ? null : { guessesLog10: model.guessesLog10, shape: model.shape, rejects: modelRejects(model.guessesLog10, password, splitOfWords(s.sequence, text.folded.length)) };
  const split: StrengthSummary = { guesses: s.guesses, guessesLog10: s.guessesLog10, score: s.score };
  if (verdict === null || !verdict.rejects) return { summary: split, split, words, model: verdict, attack: cheapest };
  // The character model is a small attacker (order 3, one list): a password it finds under
  // MODEL_REJECT_LOG10, or far below the random strings of its classes, a full-size Markov attack
  // finds before score 3, and its guesses are capped there like the structure rules' (`Tikbalang8`,
  // model 10^12.1, was shown 4/4 beside its rejection).
  const markov = guessesBelowScore(3);
  const c = capGuesses(s, markov);
  return { summary: { guesses: c.guesses, guessesLog10: c.guessesLog10, score: c.score }, split, words, model: verdict, attack: cheapest };
}

/** The model's view and whether it rejects the password (model/index.ts, `modelRejects`). */
export interface ModelVerdict extends ModelView {
  readonly rejects: boolean;
}

/**
 * Whether the chosen split reads the password as words: at least PHRASE_MIN_WORDS dictionary or
 * banned-term tokens of PHRASE_MIN_WORD_LENGTH+ characters, covering PHRASE_MIN_COVER of it.
 * Measured on held-out breach lists and random words joined without separators (issue 11): with
 * (3, 3, 0.75) the model's relative rule stops rejecting ~3 in 4 of its false rejections of three
 * random words, for 0.2 points of SecLists recall (`dontfuckwithchuck`).
 */
function splitOfWords(sequence: readonly Candidate[], n: number): boolean {
  let words = 0;
  let covered = 0;
  for (const c of sequence) {
    const length = c.end - c.start;
    if ((c.code === 'DICTIONARY_WORD' || c.code === 'BANNED_TERM') && length >= PHRASE_MIN_WORD_LENGTH) {
      words++;
      covered += length;
    } else if (c.words !== undefined) {
      // A combinator phrase of dictionary words (score/attacks/combinator.ts) reads as its words.
      words += c.words;
      covered += length;
    }
  }
  return words >= PHRASE_MIN_WORDS && covered >= PHRASE_MIN_COVER * n;
}

const PHRASE_MIN_WORDS = 3;
const PHRASE_MIN_WORD_LENGTH = 3;
const PHRASE_MIN_COVER = 0.75;

/**
 * The brute-force cost of each character of the folded password: the size of its own character
 * class as typed (charset.ts), so a gap costs what a mask attack on it costs (`xy` after
 * `Password1!` is 26², not 95² because a symbol and a capital appear elsewhere). A character
 * that normalisation merged or split costs the whole password's cardinality. Module scratch:
 * one evaluation at a time.
 */
function gapCardinalities(password: string, text: NormalisedText, whole: number): Float64Array {
  const n = text.folded.length;
  if (gapScratch.length < n) gapScratch = new Float64Array(Math.max(n, gapScratch.length * 2));
  // Letters cost 52 when the password mixes cases: which case sits where is one more thing the
  // mask must try (measured: at 26, repeats in random mixed-case strings such as `JVrJvrPEB`
  // became new false rejections on random alphanumerics of 9).
  const letters = mixedCase(password) ? 52 : 26;
  for (let i = 0; i < n; i++) {
    const from = text.start[i]!;
    const size = text.end[i]! - from === 1 ? classCardinality(password.charCodeAt(from)) : whole;
    gapScratch[i] = size === 26 ? letters : size;
  }
  return gapScratch; // estimateStrength reads the first n entries only
}

let gapScratch = new Float64Array(64);

const NO_ATTACKS: readonly AttackCandidate[] = [];
const NO_CANDIDATES: readonly Candidate[] = [];

/**
 * The first dictionary match with a given span. wordAt is sorted by start, then end
 * (word-scan.ts), so a binary search: a linear search per token of the chosen split was
 * O(tokens × matches), quadratic on `1` × 4096 (36 k matches, 680 tokens); a map built per
 * evaluation cost ~250 B of allocation.
 */
function spanLookup(wordAt: readonly TermMatch[]): (start: number, end: number) => TermMatch | undefined {
  return (start, end) => {
    let lo = 0;
    let hi = wordAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const w = wordAt[mid]!;
      if (w.start < start || (w.start === start && w.end < end)) lo = mid + 1;
      else hi = mid;
    }
    const w = wordAt[lo];
    return w !== undefined && w.start === start && w.end === end ? w : undefined;
  };
}

/**
 * log10 of the smallest brute-force space (charset-aware cardinality ^ length) the recommended
 * profile accepts: 8 lowercase letters and digits (10^12.45) or 9 lowercase letters (10^12.7)
 * fall below it, 9 random alphanumerics (10^16.1) or 10 lowercase letters (10^14.1) do not.
 * None of the generated strong families of bench/quality.ts comes near it.
 */
const SMALL_SPACE_LOG10 = 12.6;
/** How far below the random strings of its classes and length a keyboard-pieces class must be
 * for the small-space cap: a random string of those classes lands in it with chance ≤ 10^-5, at
 * most 0.5 per 50,000. Two 4-key pieces not already under SMALL_SPACE_LOG10 (they have a symbol,
 * or capitals and lowercase) are ≥ 10^5.68 below (lowercase + symbols: 59⁸ = 10^14.17 vs 10^8.49). */
const PIECES_BELOW_CHANCE_LOG10 = 5;
function hasGap(sequence: readonly { code: string }[]): boolean {
  for (let i = 0; i < sequence.length; i++) if (sequence[i]!.code === BRUTEFORCE_CODE) return true;
  return false;
}

function mixedCase(password: string): boolean {
  let upper = false;
  let lower = false;
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c >= 0x61 && c <= 0x7a) lower = true;
  }
  return upper && lower;
}

/**
 * Whether each unit of the folded password is the password's own unit, typed as listed (one unit
 * to one unit, the same code): counted as a prefix sum, so a match [a, b) was typed as listed iff
 * no unit in it was altered — `altered[b] === altered[a]`. One pass, instead of one per match
 * (`1` × 4096 has 36 k dictionary matches). Module scratch: one evaluation at a time.
 */
function alteredBefore(password: string, text: NormalisedText): Int32Array {
  const n = text.folded.length;
  if (alteredScratch.length < n + 1) alteredScratch = new Int32Array(Math.max(n + 1, alteredScratch.length * 2));
  const altered = alteredScratch;
  altered[0] = 0;
  for (let i = 0; i < n; i++) {
    const same = text.end[i]! - text.start[i]! === 1 && password.charCodeAt(text.start[i]!) === text.folded.charCodeAt(i);
    altered[i + 1] = altered[i]! + (same ? 0 : 1);
  }
  return altered;
}

let alteredScratch = new Int32Array(64);
