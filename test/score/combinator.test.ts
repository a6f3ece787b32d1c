import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker } from '../../src/index.js';
import type { EvaluationResult } from '../../src/engine/evaluate.js';
import { combinatorAttack } from '../../src/score/attacks/combinator.js';
import { SHORT_WORD_RANK } from '../../src/score/attacks/short-words.js';
import { shortWordRanks } from '../../scripts/short-words.js';

/**
 * Issue 19, combinator: common words run together or joined by one separator are priced as an
 * attacker joining ranked words prices them (score/attacks/combinator.ts), not at the split's
 * 10^4 per extra word; a passphrase's separators are no "affix" finding.
 */
describe('combinator attack (score/attacks/combinator.ts)', () => {
  let evaluate: (p: string) => EvaluationResult;
  beforeAll(async () => {
    const checker = await createChecker({ breached: false });
    evaluate = (p) => checker.evaluate(p);
  });
  const weakKind = (r: EvaluationResult) => r.findings.find((f) => f.code === 'WEAK')?.params?.kind;

  it.each(['thisisnotmypassword', 'ThisIsNotMyPassword', 'THISISNOTMYPASSWORD'])('%s is rejected as a common phrase, in plain words', (password) => {
    const r = evaluate(password);
    expect(r.accepted).toBe(false);
    expect(weakKind(r)).toBe('common-phrase');
    expect(r.feedback.warning).toMatch(/phrase/);
    expect(JSON.stringify(r)).not.toContain(password.toLowerCase());
  });

  it.each([
    // Capitals at random are no case rule's output; short words alone in a random string are chance.
    '3soVOvAIN', 'IIS00BIIe', 'tHiSiSnOtMy',
    // Generated passphrases keep their strength.
    'correct-horse-battery-staple', 'Tr4vel.Quartz.Mango.Lid',
  ])('%s is not read as a common phrase', (password) => {
    expect(weakKind(evaluate(password))).not.toBe('common-phrase');
  });

  // The character model's phrase exemption (estimate.ts splitOfWords) reads a phrase piece as its
  // words: without that, random EFF words joined with a digit lost it (86 of 50,000 refused, 69 before).
  it.each(['blastpandacity3', 'browsegoingcity1', 'catcallfromking0', 'coachthirtywhy3', 'denotejohncandy5'])(
    'random words joined (%s) keep the model’s phrase exemption when the combinator prices them',
    (password) => {
      expect(evaluate(password).accepted).toBe(true);
    },
  );

  it('prices k words of rank product P at P·(ln P)^(k−1)/(k−1)!, times separators and capitals', () => {
    const price = (count: number, product: number, separated = false, variation = 1) =>
      combinatorAttack.price({ start: 0, end: 10, kind: 'phrase', count, lnProduct: Math.log(product), separated, variation });
    expect(price(2, 1e6)).toBeCloseTo(1e6 * Math.log(1e6), -2);
    expect(price(3, 1e6)).toBeCloseTo((1e6 * Math.log(1e6) ** 2) / 2, -2);
    expect(price(3, 1e6, true)).toBeCloseTo(6 * price(3, 1e6), -2); // none or one of 5 separators
    expect(price(3, 1e6, false, 2)).toBeCloseTo(2 * price(3, 1e6), -2);
    // Never cheaper than the product itself (one tuple).
    fc.assert(fc.property(fc.integer({ min: 2, max: 6 }), fc.double({ min: 1, max: 1e30, noNaN: true }), (k, p) => price(k, p) >= p * (1 - 1e-9)));
    // More words of the same product, or a larger product, never cost less.
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }), fc.double({ min: 3, max: 1e30, noNaN: true }), (k, p) => price(k + 1, p) >= price(k, p) && price(k, p * 2) >= price(k, p)));
  });

  it('the short words and ranks are the ones scripts/short-words.ts derives from zxcvbn and SCOWL', () => {
    expect([...SHORT_WORD_RANK]).toEqual(shortWordRanks());
  });

  it.each([
    ['the cat sat', [3, 7]],
    ['go jump in a lake', [2, 7, 10, 12]],
    ['blue_sky_red', [4, 8]],
  ])('a passphrase’s separators in %s are not reported as affixes added at the start or end', (password) => {
    const r = evaluate(password);
    expect(r.findings.filter((f) => f.code === 'PREDICTABLE_AFFIX')).toEqual([]);
  });

  it('still reports digits and symbols at the ends, and a symbol run inside', () => {
    const r = evaluate('cat!!dog77');
    const positions = r.findings.filter((f) => f.code === 'PREDICTABLE_AFFIX').map((f) => f.params?.position);
    expect(positions).toEqual(['infix', 'suffix']);
  });

  it('bounded work: a long input is not searched for phrases, and never throws', () => {
    for (const p of ['the'.repeat(1365), 'a b '.repeat(1000), 'isitmyto'.repeat(500)]) {
      const checker = evaluate;
      expect(() => checker(p.slice(0, 64))).not.toThrow();
    }
    fc.assert(fc.property(fc.string({ maxLength: 64 }), (p) => {
      const r = evaluate(p);
      return typeof r.accepted === 'boolean';
    }), { numRuns: 300 });
  });
});
