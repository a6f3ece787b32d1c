import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { feedbackFor, feedbackOfMany } from '../../src/wording/feedback.js';
import { BUILT_IN_WORDING } from '../../src/wording/overrides.js';
import { BUILT_IN_CODES } from '../../src/codes.js';
import type { Finding } from '../../src/types.js';

/**
 * feedbackFor orders up to 64 findings as indices in scratch and keeps up to three suggestions in
 * locals; the straightforward version (a stable sort of objects, suggestions pushed) is the
 * oracle: the same warning and the same suggestions, in order, for any findings.
 */
const finding = fc.record({
  code: fc.oneof(fc.constantFrom(...BUILT_IN_CODES), fc.constantFrom('MY_CHECK')),
  source: fc.constantFrom('global', 'pattern', 'policy', 'strength', 'check'),
  severity: fc.constantFrom('reject', 'warn', 'info'),
  params: fc.constantFrom(undefined, { min: 8, length: 5 }, { max: 64 }, { kind: 'reversed-word', score: 1, guessesLog10: 4 }, { points: 3, threshold: 5 }),
  message: fc.constantFrom(undefined, 'custom message'),
});

describe('feedbackFor equals the straightforward ordering', () => {
  it('on random findings (0–70, so both paths), in several locales', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 70 }), fc.constantFrom('en', 'de', 'fr'), (raw, locale) => {
        const findings = raw.map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined))) as unknown as Finding[];
        const speaker = BUILT_IN_WORDING.speaker(locale);
        const got = feedbackFor(findings, speaker);
        const rejects = findings.some((f) => f.severity === 'reject');
        expect(got).toEqual(rejects ? feedbackOfMany(findings, speaker) : { warning: null, suggestions: [] });
      }),
      { numRuns: 300 },
    );
  });
});
