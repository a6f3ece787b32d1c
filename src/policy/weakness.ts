import type { Finding } from '../types.js';
import type { Estimated } from '../score/estimate.js';
import { SCORE_THRESHOLDS } from '../score/strength.js';
import type { Profile } from './profiles.js';

/**
 * The weakness decision, once per profile, from guesses (issue 19): a password is weak when the
 * cheapest attack the estimate priced finds it in fewer guesses than the profile's minimum score
 * starts at (score/strength.ts SCORE_THRESHOLDS, the one guesses → score table), so a result never
 * shows a score the profile accepts beside a rejection for weakness. The codes say which attack:
 * WEAK when the split of patterns, words and gaps falls short (with the split's dictionary words),
 * PREDICTABLE_STRING when the character model's Markov attack does. Both reject through the
 * code table (`rejects: 'strength'`); verdict.ts gives them their severity.
 */
export function weaknessFindings(profile: Profile, estimated: Estimated): Finding[] {
  const min = profile.minStrengthScore;
  if (min <= 0) return [];
  const bound = SCORE_THRESHOLDS[Math.min(min, 4) - 1 as 0 | 1 | 2 | 3];
  const { summary, split, model } = estimated;
  if (summary.guesses >= bound) return [];
  const out: Finding[] = [];
  const markov = model !== null && model.rejects;
  // Fail closed: weak without a named attack cannot happen (the summary is the split unless the
  // model capped it), but if it did, WEAK says it.
  if (split.guesses < bound || !markov) {
    // The cheapest attack, named when an attack class of score/attacks/ found it (`kind`).
    const params: Record<string, string | number> = { score: summary.score, guessesLog10: floor1(summary.guessesLog10) };
    if (estimated.attack !== null) params.kind = estimated.attack;
    out.push({ code: 'WEAK', source: 'strength', params });
    out.push(...estimated.words);
  }
  if (markov) {
    out.push({ code: 'PREDICTABLE_STRING', source: 'strength', params: { shape: model.shape, guessesLog10: floor1(model.guessesLog10) } });
  }
  return out;
}

/** Figures shown are rounded down: rounded up, one could show the bound it fell short of (10^7.95 as 8). */
const floor1 = (x: number): number => Math.floor(x * 10) / 10;
