import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PasswordRedactor } from '../../src/engine/redact.js';
import { normalise, normaliseTerm, type NormaliserConfig } from '../../src/normalise/normalise.js';
import { compileSubstitutions } from '../../src/normalise/substitutions.js';
import { withinOneEdit } from '../../src/detect/edit-distance.js';
import { PROFILES } from '../../src/policy/profiles.js';

/**
 * PasswordRedactor lists the password's distinct forms without an array grown by push: `reveals`
 * must answer as the straightforward reading — the distinct non-empty forms of [password, lower
 * case, plain, folded], in order, each searched in the text as written, lower-cased and folded,
 * or the text one edit from the folded password.
 */
const profile = PROFILES.recommended;
const config: NormaliserConfig = { unicodeForm: profile.unicodeForm, foldDiacritics: profile.foldDiacritics, foldConfusables: profile.foldConfusables, fold: compileSubstitutions(profile.substitutions) };

function naiveReveals(password: string, s: string): boolean {
  const text = normalise(password, config);
  const forms: string[] = [];
  for (const f of [password, password.toLowerCase(), text.plain, text.folded]) if (f !== '' && !forms.includes(f)) forms.push(f);
  if (forms.length === 0) return false;
  const folded = normaliseTerm(s, config);
  const lower = s.toLowerCase();
  for (const form of forms) if (s.includes(form) || lower.includes(form) || folded.includes(form)) return true;
  return withinOneEdit(text.folded, 0, text.folded.length, folded);
}

describe('PasswordRedactor.reveals equals the straightforward reading', () => {
  it('on passwords with capitals, substitutions, accents and separators, and texts made from them', () => {
    const unit = fc.constantFrom('a', 'A', 's', 'S', '5', '$', '@', '0', 'o', 'é', 'É', '-', ' ', 'x', '1', 'l', 'I');
    const word = fc.array(unit, { maxLength: 10 }).map((u) => u.join(''));
    fc.assert(
      fc.property(word, word, fc.boolean(), (password, other, around) => {
        const texts = [other, around ? `${other}${password}${other}` : password.toUpperCase(), password.slice(1), password.toLowerCase()];
        const redactor = new PasswordRedactor(password, normalise(password, config), config);
        for (const s of texts) expect(redactor.reveals(s)).toBe(naiveReveals(password, s));
      }),
      { numRuns: 500 },
    );
  });
});
