import { findAffixes } from './affix.js';
import { findDates } from './dates.js';
import { findKeyboardWalks } from './keyboard.js';
import { findKeyboardPieces } from './keyboard-pieces.js';
import { findRepeats } from './repeat.js';
import { findSequences } from './sequence.js';
import type { PatternMatch } from './types.js';
import { sortSmall } from '../../sort-small.js';

export type { PatternMatch } from './types.js';
export { findAffixes, digitGuesses } from './affix.js';
export { findDates, REFERENCE_YEAR, MIN_YEAR_SPACE } from './dates.js';
export { findKeyboardWalks } from './keyboard.js';
export { findKeyboardPieces } from './keyboard-pieces.js';
export { findRepeats, MAX_REPEAT_PERIOD } from './repeat.js';
export { findSequences } from './sequence.js';

/**
 * Every pattern in `plain` (NFKC + case folded, before leetspeak substitution). Matches of
 * different detectors may overlap; the strength estimator picks the cheapest decomposition.
 * Sorted by start, then end, then code, so the output is deterministic. `typed`, the password as
 * typed, lets the keyboard pieces rule read shift states (keyboard-pieces.ts); without it, or
 * when it does not line up with `plain`, that rule is skipped.
 */
export function findPatterns(plain: string, typed?: string): PatternMatch[] {
  const repeats = findRepeats(plain);
  const sequences = findSequences(plain);
  const walks = findKeyboardWalks(plain);
  const pieces = typed !== undefined ? findKeyboardPieces(plain, typed) : NONE;
  const dates = findDates(plain);
  const affixes = findAffixes(plain);
  // One array of its final size, filled by index (grown by push it reserved 17 slots, ~150 B,
  // and again past them), with loops rather than spreads (no iterator protocol per detector).
  const out = new Array<PatternMatch>(repeats.length + sequences.length + walks.length + pieces.length + dates.length + affixes.length);
  let at = 0;
  at = copy(out, at, repeats);
  at = copy(out, at, sequences);
  at = copy(out, at, walks);
  at = copy(out, at, pieces);
  at = copy(out, at, dates);
  copy(out, at, affixes);
  sortSmall(out, compareMatches);
  return out;
}

const NONE: PatternMatch[] = [];

function copy(out: PatternMatch[], at: number, xs: readonly PatternMatch[]): number {
  for (let i = 0; i < xs.length; i++) out[at++] = xs[i]!;
  return at;
}

/** The output order: start, then end, then code. */
function compareMatches(a: PatternMatch, b: PatternMatch): number {
  return a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
