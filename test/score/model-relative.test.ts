import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker } from '../../src/index.js';
import {
  MODEL_REJECT_LOG10, MODEL_RELATIVE_CEILING_LOG10, MODEL_RELATIVE_MARGIN_LOG10, modelRejects,
} from '../../src/score/model/index.js';
import { bruteforceCardinality } from '../../src/score/model/charset.js';

/**
 * Issue 11: the character model's view rejects below 10^12.8 outright, and up to 10^17 when the
 * password is far more probable than a random string of its own classes and length. Before the
 * second rule every password in the first table was accepted (model's view 10^13–10^16).
 */
describe('the model rejects human strings far more probable than random ones', () => {
  const checker = createChecker({ minLength: 8, breached: false });

  it.each([
    'Tikbalang8', // a word of another language and a digit
    'kashifali1985', // two names and a year
    'Jeaysindh123',
    'Nadeshot8300',
    'rajeshkumar4u',
    'Chickinsalad10',
    'neymar4santos', // 10^3.5–10^3.75 below chance: caught since the margin is 3.5
    'arvidholm15',
    'boxerkoppe90',
  ])('rejects %s as a predictable string, its guesses between the two lines', async (password) => {
    const result = (await checker).evaluate(password);
    expect(result.accepted).toBe(false);
    const finding = result.findings.find((f) => f.code === 'PREDICTABLE_STRING');
    expect(finding).toBeDefined();
    const log10 = Number(finding!.params!.guessesLog10);
    expect(log10).toBeGreaterThanOrEqual(MODEL_REJECT_LOG10);
    expect(log10).toBeLessThan(MODEL_RELATIVE_CEILING_LOG10);
    expect(finding!.message).toBeTruthy();
  });

  it.each([
    'Xq7vZjkw2pLm', // random alphanumerics of 12
    'x4ivyga51f', // random lowercase and digits of 10
    'qmvhzrtkelwp', // random lowercase of 12
    'faster-clutch-shriek', // three EFF words
    'Tr7#kq!Lm2@z', // random printable
  ])('accepts %s: no more probable than chance', async (password) => {
    const result = (await checker).evaluate(password);
    expect(result.findings.map((f) => f.code)).not.toContain('PREDICTABLE_STRING');
  });

  it.each([
    'drankshorebluff', // three random EFF words, no separator
    'verydecoyproved',
    'suitorrakedebit',
    'monksfilchafoot', // three random words of a 1Password-size list
    'barscansfeverish',
    'slamevenfrown3', // and a digit
  ])('accepts %s: random words joined, which the dictionary explains better than the model', async (password) => {
    const result = (await checker).evaluate(password);
    expect(result.findings.map((f) => f.code)).not.toContain('PREDICTABLE_STRING');
  });

  it('follows its definition: below the first line always, at or above the ceiling never, between them by the margin to the brute-force space', () => {
    const printable = fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(...'aZ3#é xQ9!'.split('')) });
    fc.assert(fc.property(fc.double({ min: 0, max: 60, noNaN: true }), printable, (log10, typed) => {
      const space = [...typed].length * Math.log10(bruteforceCardinality(typed));
      const expected = log10 < MODEL_REJECT_LOG10 || (log10 < MODEL_RELATIVE_CEILING_LOG10 && log10 < space - MODEL_RELATIVE_MARGIN_LOG10);
      expect(modelRejects(log10, typed, false)).toBe(expected);
      // Words explain the password: only the first line applies.
      expect(modelRejects(log10, typed, true)).toBe(log10 < MODEL_REJECT_LOG10);
    }));
  });

  it('never rejects a password more readily when the model gives it more guesses (monotone)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 60, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }), fc.string({ minLength: 1, maxLength: 30 }), (a, b, typed) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return [false, true].every((ofWords) => !modelRejects(hi, typed, ofWords) || modelRejects(lo, typed, ofWords));
    }));
  });
});
