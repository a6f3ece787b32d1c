import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { estimateStrength } from '../../src/score/strength.js';

describe('a brute-forced gap costs what its own characters allow (issue 11)', () => {
  it.each(['Password1!xy', 'Password1!#$', 'Password1!ab', 'Welcome1!zz'])(
    'recommended without the breach list rejects %s: a common base and a short tail',
    async (p) => {
      const checker = await createChecker({ breached: false });
      expect(checker.evaluate(p).accepted, p).toBe(false);
    },
  );

  it('prices each gap character by its own class when given per-position cardinalities', () => {
    // 'word' matched at 0..4, then two lowercase letters: 26² guesses, not 95².
    const cands = [{ start: 0, end: 4, guesses: 100, code: 'DICTIONARY_WORD' }];
    const perPosition = Float64Array.from([26, 26, 26, 26, 26, 26]);
    const s = estimateStrength(6, cands, perPosition);
    const gap = s.sequence.find((c) => c.code === 'BRUTEFORCE')!;
    expect(gap.guesses).toBeCloseTo(26 * 26, 6);
    expect(estimateStrength(6, cands, 95).sequence.find((c) => c.code === 'BRUTEFORCE')!.guesses).toBeCloseTo(95 * 95, 3);
  });

  it('accepts random printable and alphanumeric passwords with a chance word inside', async () => {
    const checker = await createChecker({ breached: false });
    for (const p of ['w0lenKrcc', 'CAlrZBusN', 'qebs3DmAN', 'k#9Love$Xq', 'T7v!pass2Q']) expect(checker.evaluate(p).accepted, p).toBe(true);
  });
});

describe('the word-pair rule still reads the split priced with a flat gap cost (estimate.ts)', () => {
  // Each is accepted at score 3 if the second, flat-cost search is skipped for it: the check
  // that skips that search where the rule cannot fire must never skip these.
  it.each(['Care1839@1', 'Bmw318@1', 'Angel22020!', 'Q1q2q3q4q5@1', '1z2x3c4v5b@1', '159263@1'])('scores %s 2', async (p) => {
    const checker = await createChecker({ breached: false });
    expect(checker.evaluate(p).strength?.score, p).toBe(2);
  });
});
