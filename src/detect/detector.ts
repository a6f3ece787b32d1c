import type { CheckInput, Finding } from '../types.js';
import type { EngineState } from '../engine/state.js';
import type { Profile } from '../policy/profiles.js';
import type { PatternMatch } from './patterns/types.js';

/**
 * What detectors write into, one per evaluation: findings for the result, and the pattern matches
 * that the points rule and the strength estimate price (a match becomes a finding only if the
 * points rule keeps it as a token). Appending to shared arrays, not returning new ones, keeps the
 * hot path free of per-detector arrays.
 */
export interface Detected {
  readonly findings: Finding[];
  /** Replaced, not only appended to, by the patterns detector when empty (registry.ts). */
  matches: PatternMatch[];
}

/**
 * A built-in check. It receives the same `CheckInput` a custom check does (src/types.ts: the
 * password, its normalised text, the context terms, the profile's name), plus the engine's loaded
 * lists and options, which custom checks do not get. Pure: it reads its arguments and appends to
 * `out`, nothing else.
 */
export type DetectorRun = (input: CheckInput, engine: EngineState, out: Detected) => void;

/** Profile switches a detector can require (the boolean ones of `Profile`). */
export type ProfileSwitch = 'patternTokens' | 'strength' | 'fuzzyContext';

/** One registration: the check and, as data, the profiles it runs under. */
export interface Detector {
  /** For tests and docs only. */
  readonly name: string;
  /** It runs only under profiles with this `matching` (NIST's whole password, or Entra's substrings). */
  readonly matching: Profile['matching'];
  /** And, when set, only under profiles where this switch is on. */
  readonly requires?: ProfileSwitch;
  readonly run: DetectorRun;
}

/** Whether a registration applies to a profile. */
export function appliesTo(d: Detector, profile: Profile): boolean {
  return d.matching === profile.matching && (d.requires === undefined || profile[d.requires]);
}
