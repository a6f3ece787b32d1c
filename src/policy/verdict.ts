import type { Finding, Mode } from '../types.js';
import type { Profile } from './profiles.js';

export interface Verdict {
  /** The severity of each finding, in the order given. */
  readonly severities: NonNullable<Finding['severity']>[];
  readonly accepted: boolean;
  readonly wouldReject: boolean;
  readonly rejectedBy: string[];
}

// Findings that reject on their own, per profile. Everything else explains (warn) a rejection
// or is information; a banned term rejects only through the points rule (LOW_SCORE) except in
// the nist profile, whose blocklist compares the whole password.
const REJECTING: Readonly<Record<Profile['name'], ReadonlySet<string>>> = {
  recommended: new Set(['TOO_SHORT', 'TOO_LONG', 'BREACHED', 'CONTEXT_TERM', 'LOW_SCORE', 'WEAK', 'PREDICTABLE_STRING', 'CHECK_ERROR']),
  entra: new Set(['TOO_SHORT', 'TOO_LONG', 'BREACHED', 'CONTEXT_TERM', 'LOW_SCORE', 'CHECK_ERROR']),
  nist: new Set(['TOO_SHORT', 'TOO_LONG', 'BREACHED', 'CONTEXT_TERM', 'BANNED_TERM', 'DICTIONARY_WORD', 'CHECK_ERROR']),
};
const BUILT_IN = new Set([
  'BANNED_TERM', 'CONTEXT_TERM', 'BREACHED', 'LOW_SCORE', 'TOO_SHORT', 'TOO_LONG', 'REPETITIVE',
  'SEQUENTIAL', 'KEYBOARD_WALK', 'DICTIONARY_WORD', 'WEAK', 'DATE', 'PREDICTABLE_AFFIX', 'PREDICTABLE_STRING', 'CHECK_ERROR',
]);

/**
 * The policy layer: decides which findings reject, given the profile and mode. Custom checks'
 * own codes reject unless the check marked them 'warn' or 'info' itself.
 */
export function decide(findings: readonly Finding[], profile: Profile, mode: Mode): Verdict {
  const rejecting = REJECTING[profile.name];
  const lowScore = findings.some((f) => f.code === 'LOW_SCORE');
  const weak = findings.some((f) => f.code === 'WEAK' || f.code === 'PREDICTABLE_STRING');
  const severities = findings.map((f): NonNullable<Finding['severity']> => {
    let severity: NonNullable<Finding['severity']>;
    if (!BUILT_IN.has(f.code)) severity = f.severity ?? 'reject';
    else if (rejecting.has(f.code)) severity = 'reject';
    else if ((f.code === 'BANNED_TERM' && lowScore) || ((lowScore || weak) && f.source === 'pattern')) severity = 'warn';
    else if (weak && f.code === 'DICTIONARY_WORD') severity = 'warn';
    else severity = 'info';
    return severity;
  });
  const rejectedBy: string[] = [];
  findings.forEach((f, i) => {
    if (severities[i] === 'reject' && !rejectedBy.includes(f.code)) rejectedBy.push(f.code);
  });
  const wouldReject = rejectedBy.length > 0;
  return { severities, accepted: mode === 'audit' ? true : !wouldReject, wouldReject, rejectedBy };
}
