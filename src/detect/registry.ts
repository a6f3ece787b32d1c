import type { CheckInput } from '../types.js';
import type { EngineState } from '../engine/state.js';
import type { Detected, Detector } from './detector.js';
import { findContextTerms } from './context-match.js';
import { findPatterns } from './patterns/index.js';
import { isPredictable } from './patterns/predictable.js';
import { wholePasswordChecks } from './whole-password.js';

/**
 * The built-in checks, in the order their findings appear (engine/evaluate.ts detect() runs the
 * ones that apply to the profile, then scores; custom checks from options `checks` get the same
 * `CheckInput` after it). Adding a check: write it in detect/ (or a pattern in detect/patterns/,
 * listed in patterns/index.ts) and register it here.
 */
export const DETECTORS: readonly Detector[] = Object.freeze([
  // NIST: the entire password against the blocklist, the context, the dictionary.
  { name: 'whole-password', matching: 'whole', run: wholePassword },
  // Entra: the user's names as substrings (one edit away too where the profile says so).
  { name: 'context-terms', matching: 'substring', run: contextTermsIn },
  // Repeats, sequences, keyboard walks, dates, affixes: priced by points and the estimate.
  { name: 'patterns', matching: 'substring', requires: 'patternTokens', run: patterns },
]) as readonly Detector[];

// Banned terms and dictionary words are not here: one trie scan serves both and the points rule
// (score/points.ts) tokenises with it, so detect() runs it as part of scoring.

function wholePassword(input: CheckInput, engine: EngineState, out: Detected): void {
  append(out.findings, wholePasswordChecks(engine, input.text, input.contextTerms));
}

function contextTermsIn(input: CheckInput, engine: EngineState, out: Detected): void {
  append(out.findings, findContextTerms(input.text, input.contextTerms, engine.options.profile.fuzzyContext));
}

function patterns(input: CheckInput, _engine: EngineState, out: Detected): void {
  const plain = input.text.plain;
  const all = findPatterns(plain, input.password);
  // The predictable ones kept in place in this fresh array, which becomes the matches when
  // there are none yet (the only detector that finds any): no second array grown by push.
  let kept = 0;
  for (let i = 0; i < all.length; i++) if (isPredictable(all[i]!, plain)) all[kept++] = all[i]!;
  all.length = kept;
  if (out.matches.length === 0) out.matches = all;
  else append(out.matches, all);
}

// Loops, not spreads: no iterator protocol per call.
function append<T>(out: T[], xs: readonly T[]): void {
  for (let i = 0; i < xs.length; i++) out.push(xs[i]!);
}
