import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isRotation, rotationRule, withinOneEdit } from '../../src/rotation/similar.js';

/** Naive oracle: the full Levenshtein distance. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

describe('the plain-text rotation rule', () => {
  const rotated: [string, string, string][] = [
    ['Quokka!Harbour2023', 'Quokka!Harbour2024', 'root'],
    ['Winter2020!', 'Summer2021?', 'root'],
    ['Password1', 'password1', 'same'],
    ['P@ssw0rd!', 'Password2', 'root'],
    ['Correcthorse', 'CorrectHorseBattery', 'near-root'],
    ['Quokka!Harbour', 'Quokka#Harbour', 'near-root'],
    ['19730415', '19730416', 'digits'],
    ['123456!', '1234567', 'digits'],
  ];
  it.each(rotated)('%s → %s (%s)', (a, b, rule) => {
    expect(rotationRule(a, b)).toBe(rule);
  });

  const unrelated: [string, string][] = [
    ['Quokka!Harbour2023', 'Wombat!Lantern2024'],
    ['abc1', 'abc2'], // a root too short to say anything
    ['1234', '1235'], // too few digits
    ['password', 'passport'],
    ['sunshine', 'moonshine'],
    ['123456', '!!!!'],
  ];
  it.each(unrelated)('%s / %s: no rotation', (a, b) => {
    expect(isRotation(a, b)).toBe(false);
  });

  it('is symmetric, and a password is a rotation of itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), fc.string({ maxLength: 24 }), (a, b) => {
        expect(isRotation(a, b)).toBe(isRotation(b, a));
        expect(isRotation(a, a)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('catches a word with its number bumped, whatever the word (4+ letters)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{4,16}$/), fc.integer({ min: 0, max: 9998 }), fc.constantFrom('', '!', '#'), (w, n, s) => {
        expect(isRotation(`${w}${n}${s}`, `${w}${n + 1}${s}`)).toBe(true);
      }),
    );
  });

  it('withinOneEdit agrees with the full edit distance', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'b', 'c') }), fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'b', 'c') }), (a, b) => {
        expect(withinOneEdit(a, b)).toBe(levenshtein(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});
