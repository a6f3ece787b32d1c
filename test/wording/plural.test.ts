import { describe, expect, it } from 'vitest';
import { plural } from '../../src/wording/plural.js';
import { LOCALES } from '../../src/wording/locales.js';

// plural() keeps select()'s answers for small whole numbers (issue 19, speed): the same form as
// Intl.PluralRules gives, for every locale, for cached and uncached numbers alike.
const FORMS = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' } as const;

describe('plural', () => {
  it('gives the form Intl.PluralRules selects, for every locale (cache included)', () => {
    const numbers = [...Array.from({ length: 300 }, (_, i) => i), 1001, 1002, 1011, 1021, 1022, 1025, 4095, 4096, 4097, 10 ** 6, 1.5, 0.5, 2.25, -1, -2, -0];
    for (const locale of LOCALES) {
      const rules = new Intl.PluralRules(locale);
      // Twice: the first call of a number fills the cache, the second reads it.
      for (let pass = 0; pass < 2; pass++) for (const n of numbers) expect(plural(locale, n, FORMS), `${locale} ${n}`).toBe(rules.select(n));
    }
  });

  it('falls back to `other` when the locale\'s form is not given', () => {
    expect(plural('pl', 5, { one: 'znak', other: 'znaki' })).toBe('znaki');
    expect(plural('en', 1, { other: 'points' })).toBe('points');
  });
});
