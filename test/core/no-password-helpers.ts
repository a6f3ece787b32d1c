// Shared by the library and service tests of issue 10 item 5b: what "the password appears"
// means, the fixed text a result may contain whatever the password, and the generators.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { PasswordContext, ProfileName } from '../../src/types.js';
import { normalise } from '../../src/normalise/normalise.js';
import { compileSubstitutions, ENTRA_SUBSTITUTIONS, RECOMMENDED_SUBSTITUTIONS } from '../../src/normalise/substitutions.js';
import { CATALOGUES } from '../../src/wording/catalogue.js';
import { LAYOUTS } from '../../src/detect/patterns/layouts.js';
import { DICTIONARY_KINDS } from '../../src/detect/dictionary.js';

const CONFIGS = {
  recommended: { unicodeForm: 'NFKC', foldDiacritics: true, foldConfusables: true, fold: compileSubstitutions(RECOMMENDED_SUBSTITUTIONS) },
  entra: { unicodeForm: 'none', foldDiacritics: false, foldConfusables: false, fold: compileSubstitutions(ENTRA_SUBSTITUTIONS) },
  nist: { unicodeForm: 'NFC', foldDiacritics: false, foldConfusables: false, fold: compileSubstitutions(ENTRA_SUBSTITUTIONS) },
} as const;

/** The password as typed, lower-cased, and both normalised forms: none may appear. */
export function passwordForms(password: string, profile: ProfileName): string[] {
  const t = normalise(password, CONFIGS[profile]);
  return [...new Set([password, password.toLowerCase(), t.plain, t.folded])];
}

/**
 * Text every result may contain whatever the password: message templates, field names, codes,
 * JSON keys and fixed parameter values. A password that is part of it (`name`, `year`, `qwerty`)
 * would "appear" without anything being revealed, so the property leaves those out.
 */
export function fixedText(sampleResults: readonly unknown[]): string {
  const parts: string[] = [];
  for (const { messages, fields } of Object.values(CATALOGUES)) {
    for (const entry of Object.values(messages)) {
      for (const fieldName of [...Object.values(fields), undefined]) {
        for (const kind of ['year', 'date', 'char', 'block', 'digits', 'symbols', undefined]) {
          const p = { term: undefined, distance: 0, fieldName, kind, points: 0, threshold: 0, min: 0, max: 0 };
          parts.push(entry.warning(p), entry.suggestion?.(p) ?? '');
        }
      }
    }
  }
  parts.push(...LAYOUTS.map((l) => l.name), ...DICTIONARY_KINDS, ...sampleResults.map((r) => JSON.stringify(r)));
  return parts.join('\n').toLowerCase();
}

/** The property's precondition: long enough to mean something, with a letter (numbers are params). */
export const meaningful = (password: string, fixed: string, profile: ProfileName) =>
  [...password].length >= 4 && /\p{L}/u.test(password) && passwordForms(password, profile).every((f) => f.length >= 4 && !fixed.includes(f.toLowerCase()));

/**
 * `json` is a serialised result: each form is looked for as JSON writes it inside a string (a
 * password `"abcd` must not match the quote that ends some other string followed by `abcd`).
 */
export function expectNoPassword(json: string, password: string, profile: ProfileName): void {
  const lower = json.toLowerCase();
  for (const form of passwordForms(password, profile)) {
    const escaped = JSON.stringify(form.toLowerCase()).slice(1, -1);
    expect(lower, `result contains ${JSON.stringify(form)}`).not.toContain(escaped);
  }
}

export const words = readFileSync(new URL('../../data/global-banned.txt', import.meta.url), 'utf8').split('\n').filter((w) => w.length >= 4).slice(0, 400);
const common = readFileSync(new URL('../../data/common-passwords.txt', import.meta.url), 'utf8').split('\n').filter((w) => w.length >= 4).slice(0, 400);

/** Passwords that are list terms, near them, names, or random; contexts built from them. */
export const passwordArb = fc.oneof(
  fc.constantFrom(...words, ...common),
  fc.tuple(fc.constantFrom(...words, ...common), fc.constantFrom('', '1', '!', 'x', '2024', 'Q')).map(([w, s]) => w + s),
  fc.constantFrom(...words).map((w) => w.replace(/a/g, '@').replace(/o/g, '0').replace(/^./, (c) => c.toUpperCase())),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzXQ19!@ é'), minLength: 4, maxLength: 20 }),
  fc.string({ unit: 'grapheme', minLength: 4, maxLength: 12 }),
);
export const contextArb = (password: string) =>
  fc.record(
    {
      firstName: fc.constantFrom(password, password.slice(0, -1), password + 'x', 'Anna'),
      username: fc.constantFrom(password, password.toUpperCase(), `${password}.lopez`, 'anna.lopez'),
      email: fc.constantFrom(`${password}@example.com`, 'anna@example.com'),
      displayName: fc.constantFrom(`Dr ${password} Smith`, 'Anna Lopez'),
      extraTerms: fc.constantFrom([password], [password.slice(1)], ['contoso']),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<PasswordContext>;

