import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

/**
 * Issue 11: the character model's view includes a string with the digits or symbols bolted on
 * at its end — the model prices the string, affix.ts the run, times 8 for which end and length.
 * The whole-string model priced a digit after letters by the few training strings with one
 * there: every password in the first table was accepted before (views 10^13–10^15).
 */
describe('the model reads a chosen string plus an affix', () => {
  const checker = createChecker({ minLength: 8, breached: false });

  it.each(['inshaallah85', 'ulises8703', 'iqbal3209', 'iluvjono!', 'shiyas15*', 'yemisi4066'])('rejects %s as a predictable string', async (password) => {
    const result = (await checker).evaluate(password);
    expect(result.accepted).toBe(false);
    expect(result.findings.map((f) => f.code)).toContain('PREDICTABLE_STRING');
  });

  it.each(['Rk7wQzPt29', 'vGq8JtXa14', 'kTz9wQpV!', 'hT4kWq8z#2'])('accepts %s: a random string with digits or a symbol at its end', async (password) => {
    const result = (await checker).evaluate(password);
    expect(result.findings.map((f) => f.code)).not.toContain('PREDICTABLE_STRING');
    expect(result.accepted).toBe(true);
  });

  it('does not read digits in front as an affix (random strings start with digits as often)', async () => {
    // `386sTFito`-like strings were the false rejections of a prefix reading.
    const result = (await checker).evaluate('386sTFito');
    expect(result.findings.map((f) => f.code)).not.toContain('PREDICTABLE_STRING');
  });
});
