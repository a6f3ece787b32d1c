import type { Finding, Mode, ProfileName } from '../types.js';
import { BUILT_IN_CODES, CODE_TABLE, type CodeFacts, type Explained } from '../codes.js';
import { PROFILES, type Profile } from './profiles.js';

export interface Verdict {
  /** The severity of each finding, in the order given. */
  readonly severities: NonNullable<Finding['severity']>[];
  readonly accepted: boolean;
  readonly wouldReject: boolean;
  readonly rejectedBy: string[];
}

/** Whether a code rejects on its own in a profile: read from the profile's data (src/codes.ts `Rejects`). */
export function rejectsIn(facts: CodeFacts, profile: Profile): boolean {
  switch (facts.rejects) {
    case 'always': return true;
    case 'points': return profile.threshold > 0;
    case 'strength': return profile.strength;
    case 'whole': return profile.matching === 'whole';
    case 'never': case 'check': return false;
  }
}

// Everything below is derived from the code table and the profiles once, at load: decide() only
// looks codes up. Everything not rejecting explains (warn) a rejection or is information; a
// banned term rejects only through the points rule (LOW_SCORE) except where the blocklist
// compares the whole password (nist).
const codesWhere = (pick: (facts: CodeFacts) => boolean): ReadonlySet<string> =>
  new Set(BUILT_IN_CODES.filter((code) => pick(CODE_TABLE[code])));

/** The codes that reject on their own, per profile. */
export const REJECTING: Readonly<Record<ProfileName, ReadonlySet<string>>> = Object.freeze(
  Object.fromEntries(
    Object.values(PROFILES).map((p) => [p.name, codesWhere((facts) => rejectsIn(facts, p))]),
  ) as Record<ProfileName, ReadonlySet<string>>,
);
/** Built-in codes whose severity the policy decides; any other code keeps its check's severity. */
export const BUILT_IN: ReadonlySet<string> = codesWhere((facts) => facts.rejects !== 'check');
const IS: Readonly<Record<Explained, ReadonlySet<string>>> = {
  points: codesWhere((facts) => facts.is === 'points'),
  weakness: codesWhere((facts) => facts.is === 'weakness'),
};
const EXPLAINS: Readonly<Record<Explained, ReadonlySet<string>>> = {
  points: codesWhere((facts) => facts.explains === 'points'),
  weakness: codesWhere((facts) => facts.explains === 'weakness'),
};

/**
 * The policy layer: decides which findings reject, given the profile and mode. Custom checks'
 * own codes (and the codes whose table entry says 'check') reject unless the check marked them
 * 'warn' or 'info' itself.
 */
export function decide(findings: readonly Finding[], profile: Profile, mode: Mode): Verdict {
  const rejecting = REJECTING[profile.name];
  // Plain loops: decide() runs on every evaluation, and closures per call were a visible share
  // of a short password's time.
  const n = findings.length;
  let lowScore = false;
  let weak = false;
  for (let i = 0; i < n; i++) {
    const code = findings[i]!.code;
    if (IS.points.has(code)) lowScore = true;
    if (IS.weakness.has(code)) weak = true;
  }
  // Arrays of their final size, filled by index: an array grown by push starts with room for 17
  // elements (~150 B with 8-byte slots), most of it unused by the one to three findings here.
  const severities = new Array<NonNullable<Finding['severity']>>(n);
  let rejects = 0; // distinct rejecting codes
  for (let i = 0; i < n; i++) {
    const f = findings[i]!;
    let severity: NonNullable<Finding['severity']>;
    if (!BUILT_IN.has(f.code)) severity = f.severity ?? 'reject';
    else if (rejecting.has(f.code)) severity = 'reject';
    else if ((EXPLAINS.points.has(f.code) && lowScore) || ((lowScore || weak) && f.source === 'pattern')) severity = 'warn';
    else if (weak && EXPLAINS.weakness.has(f.code)) severity = 'warn';
    else severity = 'info';
    severities[i] = severity;
    if (severity === 'reject' && firstRejecting(findings, severities, i)) rejects++;
  }
  // Each rejecting code once, in the order of its first finding.
  const rejectedBy = new Array<string>(rejects);
  for (let i = 0, k = 0; k < rejects; i++) if (severities[i] === 'reject' && firstRejecting(findings, severities, i)) rejectedBy[k++] = findings[i]!.code;
  const wouldReject = rejectedBy.length > 0;
  return { severities, accepted: mode === 'audit' ? true : !wouldReject, wouldReject, rejectedBy };
}

/** Whether findings[i] (rejecting) is the first rejecting finding with its code. */
function firstRejecting(findings: readonly Finding[], severities: readonly string[], i: number): boolean {
  const code = findings[i]!.code;
  for (let j = 0; j < i; j++) if (severities[j] === 'reject' && findings[j]!.code === code) return false;
  return true;
}
