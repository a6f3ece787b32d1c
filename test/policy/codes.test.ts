import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILT_IN_CODES, CODE_TABLE, Codes } from '../../src/codes.js';
import { BUILT_IN, REJECTING, decide } from '../../src/policy/verdict.js';
import { PROFILES } from '../../src/policy/profiles.js';
import { CATALOGUES } from '../../src/wording/catalogue.js';
import { LOCALES } from '../../src/wording/locales.js';
import { feedbackFor, messageFor } from '../../src/wording/feedback.js';
import { createChecker, Codes as PublicCodes } from '../../src/index.js';
import type { Finding, FindingSource, Mode, ProfileName } from '../../src/types.js';

// The code table (src/codes.ts) is the one source of truth; these tests fail when a structure
// derived from it loses or gains a code, and pin the behaviour the hand-written sets had.

// The sets policy/verdict.ts spelled out by hand before they were derived: the oracle. Codes
// added since come last on each line (POPULAR_PASSWORD rejects in every profile, issue 23;
// ROTATED_PASSWORD too, issue 21).
const OLD_REJECTING: Record<ProfileName, string[]> = {
  recommended: ['TOO_SHORT', 'TOO_LONG', 'BREACHED', 'CONTEXT_TERM', 'LOW_SCORE', 'WEAK', 'PREDICTABLE_STRING', 'CHECK_ERROR', 'POPULAR_PASSWORD', 'ROTATED_PASSWORD'],
  entra: ['TOO_SHORT', 'TOO_LONG', 'BREACHED', 'CONTEXT_TERM', 'LOW_SCORE', 'CHECK_ERROR', 'POPULAR_PASSWORD', 'ROTATED_PASSWORD'],
  nist: ['TOO_SHORT', 'TOO_LONG', 'BREACHED', 'CONTEXT_TERM', 'BANNED_TERM', 'DICTIONARY_WORD', 'CHECK_ERROR', 'POPULAR_PASSWORD', 'ROTATED_PASSWORD'],
};
const OLD_BUILT_IN = [
  'BANNED_TERM', 'CONTEXT_TERM', 'BREACHED', 'LOW_SCORE', 'TOO_SHORT', 'TOO_LONG', 'REPETITIVE',
  'SEQUENTIAL', 'KEYBOARD_WALK', 'DICTIONARY_WORD', 'WEAK', 'DATE', 'PREDICTABLE_AFFIX', 'PREDICTABLE_STRING', 'CHECK_ERROR',
  'POPULAR_PASSWORD', 'ROTATED_PASSWORD',
];
const OLD_PRIORITY = [
  'TOO_LONG', 'TOO_SHORT', 'CONTEXT_TERM', 'BREACHED', 'BREACHED_UNCHECKED', 'BREACHED_RARE', 'BANNED_TERM', 'LOW_SCORE', 'WEAK',
  'KEYBOARD_WALK', 'SEQUENTIAL', 'REPETITIVE', 'DATE', 'PREDICTABLE_AFFIX', 'DICTIONARY_WORD',
];

function oldDecide(findings: readonly Finding[], profile: ProfileName): Finding['severity'][] {
  const rejecting = new Set(OLD_REJECTING[profile]);
  const lowScore = findings.some((f) => f.code === 'LOW_SCORE');
  const weak = findings.some((f) => f.code === 'WEAK' || f.code === 'PREDICTABLE_STRING');
  return findings.map((f) => {
    if (!OLD_BUILT_IN.includes(f.code)) return f.severity ?? 'reject';
    if (rejecting.has(f.code)) return 'reject';
    if ((f.code === 'BANNED_TERM' && lowScore) || ((lowScore || weak) && f.source === 'pattern')) return 'warn';
    if (weak && f.code === 'DICTIONARY_WORD') return 'warn';
    return 'info';
  });
}

const f = (code: string, extra: Partial<Finding> = {}): Finding => ({ code, source: 'policy', ...extra }) as Finding;

describe('the code table', () => {
  it('gives every code as a constant, CHECK_ERROR included, from both the module and the package', () => {
    expect(Object.keys(Codes)).toEqual(BUILT_IN_CODES);
    for (const code of BUILT_IN_CODES) expect(Codes[code]).toBe(code);
    expect(Codes.CHECK_ERROR).toBe('CHECK_ERROR');
    expect(PublicCodes).toBe(Codes);
    // The public order: new codes go at the end.
    expect(BUILT_IN_CODES.slice(0, 3)).toEqual(['BANNED_TERM', 'CONTEXT_TERM', 'BREACHED']);
  });

  it('catalogues exactly the table’s codes in every locale (no code shows users its raw name)', () => {
    for (const locale of LOCALES) expect(Object.keys(CATALOGUES[locale].messages).sort(), locale).toEqual([...BUILT_IN_CODES].sort());
  });

  it('ranks every code: numbered ranks are unique and contiguous from 0, in the order the feedback had', () => {
    const ranked = BUILT_IN_CODES.filter((c) => CODE_TABLE[c].rank !== 'last');
    const ranks = ranked.map((c) => CODE_TABLE[c].rank as number).sort((a, b) => a - b);
    expect(ranks).toEqual(ranks.map((_, i) => i));
    expect([...ranked].sort((a, b) => (CODE_TABLE[a].rank as number) - (CODE_TABLE[b].rank as number))).toEqual(OLD_PRIORITY);
  });

  it.each(LOCALES)('leads the feedback with the better-ranked of two rejecting codes (%s)', (locale) => {
    const order: string[] = [...OLD_PRIORITY, 'PREDICTABLE_STRING'];
    for (let i = 0; i + 1 < order.length; i++) {
      const [a, b] = [order[i]!, order[i + 1]!];
      const params = { min: 8, max: 64, points: 1, threshold: 5, field: 'email' };
      const one = (code: string) => f(code, { severity: 'reject', params });
      const lead = (x: string, y: string) => feedbackFor([one(x), one(y)], locale).warning;
      const expected = messageFor(one(a), locale);
      expect(expected).not.toBe(messageFor(one(b), locale));
      expect(lead(b, a), `${b} before ${a}`).toBe(expected);
      expect(lead(a, b), `${a} before ${b}`).toBe(expected);
    }
  });

  it('ranks PREDICTABLE_STRING and CHECK_ERROR with custom codes: ties keep their order', () => {
    for (const [x, y] of [['PREDICTABLE_STRING', 'MY_CODE'], ['MY_CODE', 'CHECK_ERROR'], ['CHECK_ERROR', 'PREDICTABLE_STRING']]) {
      const w = feedbackFor([f(x!, { severity: 'reject', message: x }), f(y!, { severity: 'reject', message: y })], 'en').warning;
      expect(w).toBe(x);
    }
  });
});

describe('the policy sets derived from the table', () => {
  it.each(Object.keys(PROFILES) as ProfileName[])('%s rejects on their own exactly the codes it did', (profile) => {
    expect([...REJECTING[profile]].sort()).toEqual([...OLD_REJECTING[profile]].sort());
  });

  it('decides every code itself except the range check’s two and POPULARITY_UNCHECKED, which keep the check’s severity', () => {
    expect([...BUILT_IN].sort()).toEqual([...OLD_BUILT_IN].sort());
    expect(BUILT_IN_CODES.filter((c) => !BUILT_IN.has(c))).toEqual(['BREACHED_UNCHECKED', 'BREACHED_RARE', 'POPULARITY_UNCHECKED']);
  });

  it.each(Object.keys(PROFILES) as ProfileName[])('BREACHED_UNCHECKED and BREACHED_RARE keep their behaviour (%s)', (name) => {
    const p = PROFILES[name];
    const verdict = decide([f('BREACHED_RARE', { severity: 'warn', source: 'breached' })], p, 'enforce');
    expect([verdict.severities, verdict.accepted]).toEqual([['warn'], true]);
    expect(decide([f('BREACHED_UNCHECKED', { severity: 'warn', source: 'breached' })], p, 'enforce').accepted).toBe(true);
    const unchecked = decide([f('BREACHED_UNCHECKED', { source: 'breached' })], p, 'enforce');
    expect([unchecked.severities, unchecked.rejectedBy]).toEqual([['reject'], ['BREACHED_UNCHECKED']]);
    // A built-in code's own severity is not the check's to choose.
    expect(decide([f('CHECK_ERROR', { severity: 'info', source: 'check' })], p, 'enforce').severities).toEqual(['reject']);
  });

  it('decides as the hand-written sets did, for any findings (property, old decide as oracle)', () => {
    const codes = [...BUILT_IN_CODES, 'MY_CODE', 'constructor'];
    const sources: FindingSource[] = ['global', 'custom', 'context', 'breached', 'pattern', 'dictionary', 'policy', 'strength', 'check'];
    const finding = fc.record({
      code: fc.constantFrom(...codes),
      source: fc.constantFrom(...sources),
      severity: fc.option(fc.constantFrom('reject', 'warn', 'info') as fc.Arbitrary<'reject' | 'warn' | 'info'>, { nil: undefined }),
    }).map(({ severity, ...rest }) => (severity === undefined ? rest : { ...rest, severity }) as Finding);
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 8 }), fc.constantFrom(...(Object.keys(PROFILES) as ProfileName[])), fc.constantFrom<Mode>('enforce', 'audit'), (findings, profile, mode) => {
        const v = decide(findings, PROFILES[profile], mode);
        const expected = oldDecide(findings, profile);
        expect(v.severities).toEqual(expected);
        expect(v.wouldReject).toBe(expected.includes('reject'));
        expect(v.accepted).toBe(mode === 'audit' || !expected.includes('reject'));
        expect(v.rejectedBy).toEqual([...new Set(findings.filter((_, i) => expected[i] === 'reject').map((f) => f.code))]);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects CHECK_ERROR in every profile, end to end', async () => {
    for (const profile of Object.keys(PROFILES) as ProfileName[]) {
      const checker = await createChecker({ profile, breached: false, checks: [() => { throw new Error('down'); }], minLength: profile === 'nist' ? 15 : 1 });
      const r = checker.evaluate('vq7#Lmz!pR2wKd9&Ty');
      expect([r.accepted, r.policy.rejectedBy], profile).toEqual([false, ['CHECK_ERROR']]);
    }
  });
});
