import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PasswordRedactor } from '../../src/engine/redact.js';
import { normalise, normaliseTerm, type NormaliserConfig } from '../../src/normalise/normalise.js';
import { compileSubstitutions, ENTRA_SUBSTITUTIONS, RECOMMENDED_SUBSTITUTIONS } from '../../src/normalise/substitutions.js';
import { withinOneEdit } from '../../src/detect/edit-distance.js';

// The redactor as it was before the speed work (issue 19): a Set of forms and a Set of views per
// call. The faster one must withhold exactly the same terms.
function naiveReveals(password: string, config: NormaliserConfig, s: string): boolean {
  const text = normalise(password, config);
  const forms = new Set([password, password.toLowerCase(), text.plain, text.folded]);
  forms.delete('');
  if (forms.size === 0) return false;
  const folded = normaliseTerm(s, config);
  for (const view of new Set([s, s.toLowerCase(), folded])) for (const form of forms) if (view.includes(form)) return true;
  return withinOneEdit(text.folded, 0, text.folded.length, folded);
}

const configs: Record<string, NormaliserConfig> = {
  recommended: { unicodeForm: 'NFKC', foldDiacritics: true, foldConfusables: true, fold: compileSubstitutions(RECOMMENDED_SUBSTITUTIONS) },
  entra: { unicodeForm: 'NFC', foldDiacritics: false, foldConfusables: false, fold: compileSubstitutions(ENTRA_SUBSTITUTIONS) },
};

// Short strings over a small alphabet with capitals, leet, accents and expansions, so that terms
// often contain, equal or sit one edit from the password.
const unit = fc.constantFrom('a', 'A', 's', 'S', '5', '$', '@', '0', 'o', 'O', 'é', 'É', 'ß', 'İ', 'ﬃ', ' ', '1');
const text = (max: number) => fc.array(unit, { maxLength: max }).map((u) => u.join(''));

describe('PasswordRedactor.reveals against the naive redactor', () => {
  for (const [name, config] of Object.entries(configs)) {
    it(`withholds the same terms (${name})`, () => {
      fc.assert(
        fc.property(text(8), fc.array(text(10), { minLength: 1, maxLength: 6 }), (password, terms) => {
          const redactor = new PasswordRedactor(password, normalise(password, config), config);
          for (const t of [...terms, password, password.toUpperCase(), password.slice(1)]) {
            expect(redactor.reveals(t)).toBe(naiveReveals(password, config, t));
          }
        }),
        { numRuns: 2000 },
      );
    });
  }
});
