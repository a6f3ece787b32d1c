import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalise, normaliseTerm, normaliseTermForms } from '../../src/normalise/normalise.js';
import { compileSubstitutions, ENTRA_SUBSTITUTIONS, RECOMMENDED_SUBSTITUTIONS } from '../../src/normalise/substitutions.js';

// The ASCII path folds a password or term unit by unit; past a few substitutions it builds the
// string from its units instead of joining slices (issue 19, speed). Oracle: the substitution
// map applied to each unit of the lowercase string, whichever way the string was built.
describe('folding ASCII passwords and terms (naive oracle: the map applied unit by unit)', () => {
  const configs = [RECOMMENDED_SUBSTITUTIONS, ENTRA_SUBSTITUTIONS].map((t) => ({ unicodeForm: 'NFKC', foldDiacritics: true, foldConfusables: true, fold: compileSubstitutions(t) }) as const);
  const naive = (s: string, fold: ReadonlyMap<number, number>) => [...s.toLowerCase()].map((c) => String.fromCharCode(fold.get(c.charCodeAt(0)) ?? c.charCodeAt(0))).join('');
  // Few and many substitutions, and lengths across the 4096-unit chunks.
  const ascii = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'aB1!@0$3 5+7xZ|'.split('')), maxLength: 80 }),
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  );

  it.each(configs.map((c, i) => [i, c] as const))('config %i: passwords and terms fold as the map says', (_, config) => {
    fc.assert(fc.property(ascii, (s) => {
      const expected = naive(s, config.fold);
      expect(normalise(s, config).folded).toBe(expected);
      expect(normaliseTerm(s, config)).toBe(expected);
      expect(normaliseTermForms(s, config, Infinity).folded).toBe(expected);
    }), { numRuns: 1000 });
    for (const s of ['1'.repeat(256), '1'.repeat(4096), 'a1'.repeat(2049), '1'.repeat(8193), 'p@ssw0rd', '']) {
      expect(normalise(s, config).folded).toBe(naive(s, config.fold));
      expect(normaliseTerm(s, config)).toBe(naive(s, config.fold));
    }
  });
});
