import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decide } from '../../src/policy/verdict.js';
import { BUILT_IN_CODES } from '../../src/codes.js';
import { PROFILES } from '../../src/policy/profiles.js';
import type { Finding } from '../../src/types.js';

/**
 * decide() fills its arrays by index at their final size (no push): the verdict must be what the
 * straightforward reading gives — each rejecting code once, in the order of its first rejecting
 * finding; wouldReject iff any; accepted unless it rejects (always in audit mode).
 */
const finding = fc.record({
  code: fc.oneof(fc.constantFrom(...BUILT_IN_CODES), fc.constantFrom('MY_CHECK', 'OTHER_CHECK')),
  source: fc.constantFrom('global', 'pattern', 'policy', 'strength', 'check', 'dictionary'),
  severity: fc.option(fc.constantFrom('reject', 'warn', 'info'), { nil: undefined }),
});

describe('decide equals the naive verdict over its own severities', () => {
  it('for random findings, profiles and modes', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), fc.constantFrom(...(Object.keys(PROFILES) as (keyof typeof PROFILES)[])), fc.constantFrom('enforce', 'audit'), (raw, name, mode) => {
        const findings = raw.map((r) => (r.severity === undefined ? { code: r.code, source: r.source } : r)) as Finding[];
        const v = decide(findings, PROFILES[name], mode as 'enforce' | 'audit');
        expect(v.severities).toHaveLength(findings.length);
        const naive: string[] = [];
        findings.forEach((f, i) => {
          if (v.severities[i] === 'reject' && !naive.includes(f.code)) naive.push(f.code);
        });
        expect(v.rejectedBy).toEqual(naive);
        expect(v.wouldReject).toBe(naive.length > 0);
        expect(v.accepted).toBe(mode === 'audit' ? true : naive.length === 0);
        // Custom codes keep their own severity (reject when none).
        findings.forEach((f, i) => {
          if (!BUILT_IN_CODES.includes(f.code as never)) expect(v.severities[i]).toBe(f.severity ?? 'reject');
        });
      }),
    );
  });
});
