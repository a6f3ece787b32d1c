import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker } from '../../src/index.js';
import type { EvaluationResult } from '../../src/engine/evaluate.js';
import { breachedBaseAttack, MAX_FALSE_POSITIVE_RATE } from '../../src/score/attacks/breached-base.js';
import type { AttackInput, BaseList } from '../../src/score/attacks/types.js';
import { normalise, type NormaliserConfig } from '../../src/normalise/normalise.js';
import { compileSubstitutions } from '../../src/normalise/substitutions.js';
import { PROFILES } from '../../src/policy/profiles.js';

/**
 * Issue 19: crackers' first wordlist is a breach list run through the mangling rules. The shapes
 * the issue lists as passing whose base no dictionary holds but the shipped 1 M list does
 * (`5kalamazoo`, `Winniethepooh1`, `3winniethepooh`, `leddzeppelin`, `rotimiimitor`) are priced by
 * that attack (score/attacks/breached-base.ts) and rejected, the feedback naming it.
 */
const weakKind = (r: EvaluationResult) => r.findings.find((f) => f.code === 'WEAK')?.params?.kind;

describe('breach list + mangling rules, with the shipped filter', () => {
  let withList: (p: string) => EvaluationResult;
  let withoutList: (p: string) => EvaluationResult;
  beforeAll(async () => {
    const a = await createChecker();
    const b = await createChecker({ breached: false });
    withList = (p) => a.evaluate(p);
    withoutList = (p) => b.evaluate(p);
  });

  it.each([
    ['5kalamazoo', 'a digit before a leaked password'],
    ['Winniethepooh1', 'capitalised, a digit after'],
    ['3winniethepooh', 'a digit before'],
    ['leddzeppelin', 'one letter doubled'],
    ['rotimiimitor', 'reflected'],
    ['oozamalak!', 'reversed, a symbol after'],
  ])('%s (%s) is rejected, the feedback naming the attack', (password) => {
    const r = withList(password);
    expect(r.accepted).toBe(false);
    expect(r.findings.map((f) => f.code)).not.toContain('BREACHED');
    expect(weakKind(r)).toBe('leaked-password-variant');
    expect(r.strength!.guesses).toBeLessThan(1e8);
    expect(r.feedback.warning).toMatch(/leaked password/);
    expect(JSON.stringify(r)).not.toContain(password);
  });

  it('needs the list: without the breached filter the same shapes are not this attack', () => {
    for (const p of ['5kalamazoo', 'leddzeppelin', 'rotimiimitor']) expect(weakKind(withoutList(p))).not.toBe('leaked-password-variant');
  });

  it('keeps the shipped list as the wordlist when the user adds a filter of their own (keepEmbedded)', async () => {
    const { buildFilter } = await import('../../src/filter/node.js');
    const own = buildFilter(['Zq-only-in-our-list-7'], { falsePositiveRate: 1e-6 });
    const both = await createChecker({ breached: { bytes: own, keepEmbedded: true } });
    expect(weakKind(both.evaluate('5kalamazoo'))).toBe('leaked-password-variant');
    // Replaced by a list that does not hold the base: nothing to find.
    const alone = await createChecker({ breached: { bytes: own } });
    expect(weakKind(alone.evaluate('5kalamazoo'))).not.toBe('leaked-password-variant');
  });

  it.each(['correct-horse-battery-staple', 'q8#Vz!2mLp', 'kx7Pq2Lw9Zr', 'Tr4vel.Quartz.Mango.Lid'])('%s is not read as a leaked password', (password) => {
    expect(weakKind(withList(password))).not.toBe('leaked-password-variant');
  });
});

const profile = PROFILES.recommended;
const config: NormaliserConfig = { unicodeForm: profile.unicodeForm, foldDiacritics: profile.foldDiacritics, foldConfusables: profile.foldConfusables, fold: compileSubstitutions(profile.substitutions) };

/** The attack alone, over a list the test controls (a Set), counting lookups. */
function run(password: string, list: BaseList | null) {
  const text = normalise(password, config);
  const input: AttackInput = { password, text, dictionary: null as never, wordAt: [], breached: list };
  return breachedBaseAttack.find(input);
}
function setList(entries: string[], falsePositiveRate = 1e-6): BaseList & { lookups: string[] } {
  const set = new Set(entries);
  const lookups: string[] = [];
  return { lookups, count: 1_000_000, falsePositiveRate, mayContain: (s) => (lookups.push(s), set.has(s)) };
}

describe('breach list + mangling rules, alone (score/attacks/breached-base.ts)', () => {
  it.each([
    // password, base in the list, kind, guesses = 1e6 × the rule × the ends × the capitals
    ['kalamazoo12', 'kalamazoo', 'affix', 1e6 * 100],
    ['5kalamazoo', 'kalamazoo', 'affix', 1e6 * 48],
    ['Kalamazoo!', 'kalamazoo', 'affix', 1e6 * 2 * 33],
    ['oozamalak', 'kalamazoo', 'reverse', 1e6 * 2],
    ['kalamazookalamazoo', 'kalamazoo', 'duplicate', 1e6 * 7],
    ['kalamazoooozamalak', 'kalamazoo', 'reflect', 1e6 * 29],
    ['kallamazoo', 'kalamazoo', 'doubled-letter', 1e6 * 10],
    ['winnie-the-pooh', 'winniethepooh', 'separators', 1e6 * 6],
    // One `a` of three substituted (3 ways), both `o`s (2): guesses.ts's variation model.
    ['k@lamaz00', 'kalamazoo', 'affix', 1e6 * 3 * 2],
  ])('%s: %s in the list, kind %s, %d guesses', (password, base, kind, guesses) => {
    const list = setList([base]);
    const found = run(password, list);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe(kind);
    expect(breachedBaseAttack.price(found[0]!)).toBeCloseTo(guesses, -3);
    expect(found[0]).toMatchObject({ start: 0, end: password.length });
  });

  it('finds nothing, and looks nothing up, where the filter\'s false positives would refuse strong passwords', () => {
    const list = setList(['kalamazoo'], MAX_FALSE_POSITIVE_RATE * 10);
    expect(run('5kalamazoo', list)).toEqual([]);
    expect(list.lookups).toEqual([]);
    expect(run('5kalamazoo', null)).toEqual([]);
  });

  it('makes at most 8 lookups, never of a string longer than the password, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (password) => {
        const list = setList([]);
        expect(run(password, list)).toEqual([]);
        expect(list.lookups.length).toBeLessThanOrEqual(8);
        for (const s of list.lookups) expect(s.length).toBeLessThanOrEqual(password.length);
      }),
      { numRuns: 500 },
    );
  });

  it('looks nothing up for a long password, whatever it repeats (bounded work at maxLength 4096)', () => {
    for (const password of ['1'.repeat(4096), 'kalamazoo'.repeat(455), 'ka-'.repeat(1365), 'aa'.repeat(2048)]) {
      const list = setList(['kalamazoo']);
      expect(run(password, list)).toEqual([]);
      expect(list.lookups).toEqual([]);
    }
  });

  it('prices a hit by the cheapest listed variant', () => {
    // `kalamazoo12`: the core with its two digits (× 100) is cheaper than the reversal of the
    // whole (`21oozamalak` is not listed anyway); `oozamalak` is itself listed but the password
    // as typed was looked up by the engine already, so the reversal (× 2) is what is found.
    const list = setList(['kalamazoo', 'oozamalak']);
    const found = run('kalamazoo12', list);
    expect(breachedBaseAttack.price(found[0]!)).toBe(1e6 * 100);
    const both = run('oozamalak', setList(['kalamazoo', 'oozamalak']));
    expect(breachedBaseAttack.price(both[0]!)).toBe(1e6 * 2);
  });
});
