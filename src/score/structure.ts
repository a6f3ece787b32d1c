import type { TermMatch } from '../match/index.js';
import { scoreOf, type Candidate, type Strength } from './strength.js';

/**
 * The structure rules of the recommended estimate (estimate.ts), each measured on held-out
 * breach lists (bench/QUALITY.md): what guess counts alone overstate. A rule that fires caps the
 * guesses (issue 19: it used to overwrite the score), so the score follows from them.
 */
/** Users' all-digit secrets are dates, phone numbers and PINs, far from uniform (measured on
 * held-out breach lists: 19 % of what got through was 8–12 digits). Discount them 10^4, so a
 * digits-only password needs 13 digits to reach score 3. */
const DIGITS_ONLY_DISCOUNT_LOG10 = 4;
/** Word tokens and affixes that, alone, make a borderline password predictable. */
const WORDS = new Set(['DICTIONARY_WORD', 'BANNED_TERM']);
// Not REPETITIVE: a generated passphrase that happens to repeat a word is still long and rare.
const AFFIXES = new Set(['PREDICTABLE_AFFIX', 'DATE', 'SEQUENTIAL', 'KEYBOARD_WALK']);

/** The structure rules' names (for the reader; the policy sees only the capped guesses). */
export const WORD_PAIR = 'word-pair';
export const SMALL_SPACE = 'small-space';
export const KEYBOARD_PIECES = 'keyboard-pieces';

/** Digits only: see DIGITS_ONLY_DISCOUNT_LOG10 (measured on held-out breach lists with no new
 * false rejections on 150 k generated strong passwords, bench/QUALITY.md). */
export function discountDigits(s: Strength, plain: string): Strength {
  if (plain.length === 0 || !isAllDigits(plain)) return s;
  const log10 = Math.max(0, s.guessesLog10 - DIGITS_ONLY_DISCOUNT_LOG10);
  return { ...s, guesses: 10 ** log10, guessesLog10: log10, score: scoreOf(10 ** log10) };
}

/** The split with its guesses lowered to at most `cap`, the score following. */
export function capGuesses(s: Strength, cap: number): Strength {
  if (s.guesses <= cap) return s;
  return { ...s, guesses: cap, guessesLog10: Math.log10(cap), score: scoreOf(cap) };
}

/**
 * The word-pair rule (measured on held-out breach lists with no new false rejections on 150 k
 * generated strong passwords, bench/QUALITY.md): one or two words plus at most two affixes and
 * nothing else (`goldengate37`, `bestlove1990`, `tinchair150`) is found before score 3 whatever
 * the product of its word ranks says: multiplying two ranks overstates what it costs an attacker
 * running a combinator attack (word pairs with common endings). Generated passphrases have 4–5
 * words and random strings leave brute-force gaps, so neither is touched. Only for a split of
 * score 3 or more (below, nothing to cap).
 */
export function wordPair(s: Strength, password: string, wordAtSpan: (start: number, end: number) => TermMatch | undefined): boolean {
  // Capitals scattered through the password (`HuCkrarEd`) are not how people type a word pair.
  if (s.score < 3 || scatteredCapitals(password)) return false;
  let wordCount = 0;
  let affixes = 0;
  for (const c of s.sequence) {
    // A short gap the estimate priced as brute force because that came cheaper (`tin` in
    // `tinchair150`) is still a word if the dictionary has it.
    // (Affixes first: `1990` is also in the common-passwords list, but it is a year here.)
    if (AFFIXES.has(c.code)) affixes++;
    else if (c.words !== undefined) wordCount += c.words; // a phrase the combinator priced
    else if (WORDS.has(c.code) || wordAtSpan(c.start, c.end)) wordCount++;
    else return false;
  }
  return wordCount >= 1 && wordCount <= 2 && affixes <= 2;
}

/**
 * Whether [0, n) can be split into at most 4 tokens each of which the word-pair rule of
 * wordPair counts as a word or an affix: a candidate with one of those codes, or any
 * span the dictionary matched (a gap or another token there counts as the word). A necessary
 * condition for the rule to fire on any split of these candidates. Levels in module scratch.
 */
export function mayBeWordPair(n: number, candidates: readonly Candidate[], wordAt: readonly TermMatch[]): boolean {
  if (levelScratch.length < n + 1) levelScratch = new Uint8Array(Math.max(n + 1, levelScratch.length * 2));
  const level = levelScratch;
  level.fill(PAIR_MAX_TOKENS + 1, 0, n + 1);
  level[0] = 0;
  for (let l = 1; l <= PAIR_MAX_TOKENS; l++) {
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!;
      if (level[c.start] === l - 1 && c.end <= n && level[c.end]! > l && (AFFIXES.has(c.code) || WORDS.has(c.code) || c.words === 2)) level[c.end] = l;
    }
    for (let k = 0; k < wordAt.length; k++) {
      const w = wordAt[k]!;
      if (level[w.start] === l - 1 && w.end <= n && level[w.end]! > l) level[w.end] = l;
    }
    if (level[n]! <= l) return true;
  }
  return false;
}

/** Two words and two affixes at most (wordPair). */
const PAIR_MAX_TOKENS = 4;
let levelScratch = new Uint8Array(64);

/** More than one capital letter, and not all letters capitals. */
export function scatteredCapitals(password: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (c >= 0x61 && c <= 0x7a) lower++;
  }
  return upper > 1 && lower > 0;
}

function isAllDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
