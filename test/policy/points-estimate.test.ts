import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

/**
 * Issue 11: in `recommended` the Entra points shortfall of a password made of banned terms is
 * information only where the strength estimate — each banned term priced by its rank — puts the
 * password at score 4 (≥ 10^10 guesses): random words joined without a separator
 * (`quackracingtraffic`) were rejected for 1 % of three random EFF words. Terms people actually
 * combine (top ranks, custom terms) keep the estimate low, and the rule keeps rejecting them;
 * `entra` has no estimate and keeps Entra's rule exactly.
 */
describe('recommended: the points rule defers to a strong estimate', () => {
  const recommended = createChecker({ minLength: 8, breached: false });

  it.each(['quackracingtraffic', 'gorgedphantomveteran', 'shamrocksuctionfountain'])('accepts %s: three rarer banned terms joined, ≥ 10^10 guesses', async (password) => {
    const result = (await recommended).evaluate(password);
    expect(result.points).toBeLessThan(5);
    expect(result.strength?.score).toBe(4);
    expect(result.findings.map((f) => f.code)).not.toContain('LOW_SCORE');
    expect(result.accepted).toBe(true);
  });

  it.each(['SummerWinter2024', 'Password1!xy', 'welcome2football', 'MonkeyDragon12'])('still rejects %s for its points', async (password) => {
    const result = (await recommended).evaluate(password);
    expect(result.accepted).toBe(false);
  });

  it('still rejects a custom term joined with banned terms', async () => {
    const checker = await createChecker({ minLength: 8, breached: false, customBannedTerms: ['quasarix'] });
    const result = checker.evaluate('quasarixracingtraffic');
    expect(result.accepted).toBe(false);
    expect(result.findings.map((f) => f.code)).toContain('LOW_SCORE');
  });

  it('keeps a custom term binding however strong the rest looks (the organisation listed it)', async () => {
    // The last of 302 custom terms: a rank that alone would let the estimate reach score 4.
    const terms = [...Array.from({ length: 301 }, (_, i) => `fill${i.toString(36).padStart(4, '0')}x`), 'commonterm'];
    const checker = await createChecker({ minLength: 8, breached: false, customBannedTerms: terms });
    const result = checker.evaluate('Commonterm2024!xyz');
    expect(result.accepted).toBe(false);
    expect(result.findings.map((f) => f.code)).toContain('LOW_SCORE');
  });

  it('leaves entra to Entra: the same password falls short of its points there', async () => {
    const entra = await createChecker({ profile: 'entra' });
    const result = entra.evaluate('quackracingtraffic');
    expect(result.accepted).toBe(false);
    expect(result.findings.map((f) => f.code)).toContain('LOW_SCORE');
  });
});
