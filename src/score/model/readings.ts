import type { NormalisedText } from '../../types.js';
import type { EngineState } from '../../engine/state.js';
import type { PatternMatch } from '../../detect/patterns/types.js';
import type { TermMatch } from '../../match/index.js';
import { compact, findFamous } from '../../detect/patterns/famous.js';
import { findDomain } from '../../detect/patterns/domain.js';
import type { Candidate } from '../strength.js';
import { modelGuessesLog10, modelGuessesLog10OfBits, modelShape, type Shape } from './index.js';
import { prefixStringBits, stringBitsKeepingPrefixes } from './markov.js';
import type { CharModel } from './model-bytes.js';

/** The character model's view of the whole password: its guesses and the reading that won. */
export interface ModelView {
  readonly guessesLog10: number;
  readonly shape: Shape;
}

/**
 * The readings of a password that only the character model and the new pattern lists can
 * price, as candidates for the split (strength.ts takes the minimum over all of them, as zxcvbn
 * over tokens), and the model's own view of the whole password — the least of: the string as
 * typed; the string before a digit or symbol suffix, plus the suffix (`inshaallah85`); one block
 * typed again (`yournameyourname`); a famous password (famous.ts). Phrases and
 * domains only enter the split: a passphrase of common words is long, and only the whole split
 * knows it.
 */
export function modelReadings(
  state: EngineState,
  model: CharModel,
  password: string,
  text: NormalisedText,
  patterns: readonly PatternMatch[],
  wordAt: readonly TermMatch[],
): { view: ModelView; candidates: Candidate[] } {
  const n = text.folded.length;
  // One walk of the model over the password serves the prefixes the affix reading prices too.
  const bits = stringBitsKeepingPrefixes(model, text.plain);
  let view: ModelView = { guessesLog10: modelGuessesLog10OfBits(model, bits, password, text.plain), shape: modelShape(text.plain) };
  const candidates: Candidate[] = [{ start: 0, end: n, guesses: 10 ** view.guessesLog10, code: 'PREDICTABLE_STRING' }];
  for (const p of patterns) {
    if (p.code !== 'REPETITIVE' || p.kind !== 'block') continue;
    const block = Number(p.params?.blockLength);
    const times = Number(p.params?.times);
    if (!(block >= 2 && times >= 2)) continue;
    const log10 = modelGuessesLog10(model, password.slice(text.start[p.start]!, text.end[p.start + block - 1]!), text.plain.slice(p.start, p.start + block)) + Math.log10(times);
    candidates.push({ start: p.start, end: p.end, guesses: 10 ** log10, code: 'REPETITIVE' });
    if (p.start === 0 && p.end === n && log10 < view.guessesLog10) view = { guessesLog10: log10, shape: 'repeat' };
  }
  const affixed = affixedGuessesLog10(model, password, text, patterns);
  if (affixed < view.guessesLog10) view = { guessesLog10: affixed, shape: view.shape };
  let squeezed = -1; // the password's length without separators, computed on the first hit
  for (const f of findFamous(text.folded, state.normaliser)) {
    if (squeezed < 0) squeezed = compact(text.folded).length;
    // Any capitals or substitutions: one more doubling.
    const guesses = f.guesses * 2;
    candidates.push({ start: f.start, end: f.end, guesses, code: 'PREDICTABLE_STRING' });
    if (compact(text.folded.slice(f.start, f.end)).length === squeezed && Math.log10(guesses) < view.guessesLog10) {
      view = { guessesLog10: Math.log10(guesses), shape: 'famous' };
    }
  }
  const domain = findDomain(text.plain);
  if (domain) candidates.push({ start: domain.start, end: domain.end, guesses: domain.guesses, code: 'PREDICTABLE_AFFIX' });
  const phrase = phraseGuesses(state, model, password, text, wordAt);
  if (phrase !== null) candidates.push({ start: 0, end: n, guesses: phrase, code: 'PHRASE' });
  return { view, candidates };
}

/**
 * A string people choose with the digits or symbols they bolt on at its end (`inshaallah85`,
 * `iluvjono!`), as an attacker who appends affixes to a model's strings sees it: the model's
 * guesses for the rest, each affix run's own price (affix.ts), and AFFIX_WAYS for which end and
 * which of the usual lengths it takes. Up to two runs (`shiyas15*`).
 * The whole-string model prices a digit after letters by the few passwords that had one there,
 * which overprices exactly these. Infinity when no affix run sits at an end with text left.
 * Measured (issue 11, held-out breach lists and 50 000 of each generated family): SecLists
 * recall 92.5 → 93.1 %, hashcat 98.0 → 98.3 %; random alphanumerics of 9 rejected 45 → 47 (a
 * smaller factor, or prefixes read too, rejected more of them: 4 and 16 more). The view only: in
 * the split the affix and the model's whole-string price are already candidates.
 */
const AFFIX_WAYS_LOG10 = Math.log10(8);
const AFFIX_RUNS = 2;

function affixedGuessesLog10(model: CharModel, password: string, text: NormalisedText, patterns: readonly PatternMatch[]): number {
  let best = Infinity;
  let edge = text.plain.length;
  let cost = 0;
  for (let runs = 0; runs < AFFIX_RUNS; runs++) {
    const run = suffixEndingAt(patterns, edge);
    if (run === null) break;
    cost += Math.log10(run.guesses) + AFFIX_WAYS_LOG10;
    edge = run.start;
    // The bits of plain[0, edge) from the whole password's walk (modelReadings, just before).
    const rest = modelGuessesLog10OfBits(model, prefixStringBits(model, edge), password.slice(0, text.end[edge - 1]!), text.plain.slice(0, edge));
    if (rest + cost < best) best = rest + cost;
  }
  return best;
}

/**
 * The affix run ending at `edge` with text before it: symbols, or at most AFFIX_MAX_DIGITS
 * digits (longer runs are not a bolted-on habit; affix.ts prices them as uniform). Suffixes only:
 * digits in front of a random string (`386sTFito`) made 15 new false rejections in 50 000 random
 * alphanumerics of 9, for little recall.
 */
function suffixEndingAt(patterns: readonly PatternMatch[], edge: number): PatternMatch | null {
  for (const p of patterns) {
    if (p.code !== 'PREDICTABLE_AFFIX' || p.end !== edge || p.start === 0) continue;
    return p.kind === 'digits' && p.end - p.start > AFFIX_MAX_DIGITS ? null : p;
  }
  return null;
}

const AFFIX_MAX_DIGITS = 4;

/**
 * A spaced sentence (`obi wan kenobi`, `i love you so much`) as an attacker combining words sees
 * it: the product of its words' guesses (dictionary rank where the word is listed, the model's
 * guesses otherwise). zxcvbn's split charges l! and 10^4 per extra token, which overprices
 * exactly these. Spaces only: generators join words with `-` and are not sentences. Null unless
 * there are ≥ 2 words.
 */
const SPACE = 0x20;

function phraseGuesses(state: EngineState, model: CharModel, password: string, text: NormalisedText, wordAt: readonly TermMatch[]): number | null {
  const f = text.folded;
  const n = f.length;
  // Two words need a space between them: without one there is no sentence to price (and the
  // one "word" would cost a second pass of the model over the whole password).
  if (f.indexOf(' ') < 0) return null;
  const ranks = state.dictionary?.rank;
  // Dictionary words that are whole words of the sentence, by start: one pass, linear.
  const whole = new Map<number, { end: number; log10: number }>();
  if (ranks) {
    for (const m of wordAt) {
      if ((m.start > 0 && f.charCodeAt(m.start - 1) !== SPACE) || (m.end < n && f.charCodeAt(m.end) !== SPACE)) continue;
      const log10 = Math.log10(ranks[m.termId]!);
      const seen = whole.get(m.start);
      if (!seen || log10 < seen.log10) whole.set(m.start, { end: m.end, log10 });
    }
  }
  let log10 = 0;
  let words = 0;
  let i = 0;
  while (i < n) {
    while (i < n && f.charCodeAt(i) === SPACE) i++;
    if (i >= n) break;
    const from = i;
    while (i < n && f.charCodeAt(i) !== SPACE) i++;
    words++;
    let word = modelGuessesLog10(model, password.slice(text.start[from]!, text.end[i - 1]!), text.plain.slice(from, i));
    const listed = whole.get(from);
    if (listed && listed.end === i) word = Math.min(word, listed.log10);
    log10 += word;
  }
  return words < 2 ? null : 10 ** log10;
}
