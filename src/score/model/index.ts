import { guessesForWord } from '../guesses.js';
import { codePointLength } from '../../normalise/normalise.js';
import { bruteforceCardinality } from './charset.js';
import { guessesLog10FromBits, stringBits } from './markov.js';
import type { CharModel } from './model-bytes.js';

export type { CharModel } from './model-bytes.js';
export { decodeModel } from './model-bytes.js';

/**
 * Below this many guesses (log10) by the character model's view, the recommended profile rejects
 * with PREDICTABLE_STRING. ~10^13 guesses is hours for one GPU against a fast unsalted hash; the
 * value keeps the generated strong families of bench/quality.ts within their false-rejection
 * budget (measured on 100 000 random alphanumerics of 9: 0.075 % rejected at 12.8, 0.104 % at
 * 13, budget 0.1 %; at 12.9 the bench's 20 000 gave 0.105 %).
 */
export const MODEL_REJECT_LOG10 = 12.8;

/**
 * Below this many guesses (log10) the model's view also rejects a password it finds far more
 * probable than a random choice of the same characters: at least `MODEL_RELATIVE_MARGIN_LOG10`
 * below the brute-force space of its character classes (charset.ts, per character, times its
 * length). The model is a small attacker (order 3, trained on the 1M list and the shipped word
 * lists), and human strings it has not seen (`mahmoodbetyou7`, names of other languages with a
 * number) are exactly where a larger attacker does better than it; the margin to the brute-force
 * space is the evidence that a person chose the string, and random strings rarely show it.
 * Measured (bench/QUALITY.md, issue 11): 12.8 alone leaves such strings at 10^13–10^17; with
 * (17, 3.5) no generated strong family of the issue gained a false rejection in 50 000 of each
 * (at 3.25, random lowercase 12 and alphanumerics of 9 begin to fall; with a ceiling of 18,
 * random EFF-word passphrases); three random words joined: 7 more of 50 000 rejected than at 3.75.
 */
export const MODEL_RELATIVE_CEILING_LOG10 = 17;
export const MODEL_RELATIVE_MARGIN_LOG10 = 3.5;

/**
 * Whether the model's view of a password (its guesses, log10) is low enough to reject it: under
 * MODEL_REJECT_LOG10 outright, or under MODEL_RELATIVE_CEILING_LOG10 and far below what a random
 * string of the password's own classes and length would cost — unless `ofWords`: the estimate
 * read the password as several dictionary words (estimate.ts), and random words joined without a
 * separator (`drankshorebluff`) are as probable to the model as a person's phrase (measured: the
 * relative rule alone rejected 3 % of three random EFF words joined). `typed` is the password as
 * the estimate saw it.
 */
export function modelRejects(guessesLog10: number, typed: string, ofWords: boolean): boolean {
  if (guessesLog10 < MODEL_REJECT_LOG10) return true;
  if (ofWords || guessesLog10 >= MODEL_RELATIVE_CEILING_LOG10) return false;
  const spaceLog10 = codePointLength(typed) * Math.log10(bruteforceCardinality(typed));
  return guessesLog10 < spaceLog10 - MODEL_RELATIVE_MARGIN_LOG10;
}

/**
 * log10 guesses for the whole password under the character model: the calibrated guesses of its
 * normalised form times the ways its capitals could have been placed (guesses.ts: an initial
 * capital doubles, arbitrary capitals cost the ways to choose them).
 */
export function modelGuessesLog10(model: CharModel, password: string, plain: string): number {
  return modelGuessesLog10OfBits(model, stringBits(model, plain), password, plain);
}

/** modelGuessesLog10 for a `plain` whose stringBits the caller already has (`bits`). */
export function modelGuessesLog10OfBits(model: CharModel, bits: number, password: string, plain: string): number {
  const log10 = guessesLog10FromBits(model, bits);
  // The case factor needs the password as typed lined up with plain; guessesForWord copes with
  // a length change (counts it as one doubling).
  if (password === plain) return log10; // typed in lowercase: nothing to vary
  return log10 + Math.log10(guessesForWord(1, plain, password));
}

/**
 * The shape the PREDICTABLE_STRING message names: `word-number` for letters followed by digits
 * (and at most trailing symbols), the commonest shape of what the model catches; else `string`.
 * (readings.ts adds `repeat` and `famous` when those readings decide.)
 */
export type Shape = 'word-number' | 'string' | 'repeat' | 'famous';

export function modelShape(plain: string): Shape {
  let i = 0;
  const n = plain.length;
  while (i < n && isLetter(plain.charCodeAt(i))) i++;
  if (i === 0) return 'string';
  const digitsFrom = i;
  while (i < n && isDigit(plain.charCodeAt(i))) i++;
  if (i === digitsFrom) return 'string';
  while (i < n && !isLetter(plain.charCodeAt(i)) && !isDigit(plain.charCodeAt(i))) i++;
  return i === n ? 'word-number' : 'string';
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
// Lowercase ASCII or any cased non-ASCII letter (plain is lowercase).
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c));
