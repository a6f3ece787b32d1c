import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compact, famousEntries, findFamous, isSeparator } from '../../src/detect/patterns/famous.js';
import { normalise, type NormaliserConfig } from '../../src/normalise/normalise.js';
import { compileSubstitutions } from '../../src/normalise/substitutions.js';
import { PROFILES } from '../../src/policy/profiles.js';

const profile = PROFILES.recommended;
const config: NormaliserConfig = { unicodeForm: profile.unicodeForm, foldDiacritics: profile.foldDiacritics, foldConfusables: profile.foldConfusables, fold: compileSubstitutions(profile.substitutions) };

/** The definition: the first occurrence of each entry in the password without separators. */
function naive(folded: string): { start: number; end: number; guesses: number }[] {
  const at: number[] = [];
  for (let i = 0; i < folded.length; i++) if (!isSeparator(folded.charCodeAt(i))) at.push(i);
  const squeezed = compact(folded);
  const out: { start: number; end: number; guesses: number }[] = [];
  famousEntries(config).forEach((f, k) => {
    const i = f.length === 0 ? -1 : squeezed.indexOf(f);
    if (i >= 0) out.push({ start: at[i]!, end: at[i + f.length - 1]! + 1, guesses: k + 1 });
  });
  return out;
}

describe('famous passwords, found through the index of their first two characters', () => {
  it('finds what a search for every entry finds (naive oracle)', () => {
    const entries = famousEntries(config);
    const piece = fc.oneof(fc.constantFrom(...entries), fc.constantFrom(...entries).map((e) => e.slice(0, -1)), fc.string({ maxLength: 4 }), fc.constantFrom(' ', '-', '_', '.', ','));
    const password = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(''));
    fc.assert(fc.property(password, (p) => {
      const folded = normalise(p, config).folded;
      expect(findFamous(folded, config)).toEqual(naive(folded));
    }), { numRuns: 500 });
    for (const p of ['hunter2hunter2', 'xyzzyplugh', 'swordfish and joshua', 'x', '', 'correct horse battery stapl']) {
      const folded = normalise(p, config).folded;
      expect(findFamous(folded, config), p).toEqual(naive(folded));
    }
  });
});
