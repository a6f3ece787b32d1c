// Issue 10 item 5b: the password never appears in a result — not as typed, not lower-cased, not
// in its normalised forms — while the feedback still says what to change.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/index.js';
import type { PasswordContext, ProfileName } from '../../src/types.js';
import { normalise } from '../../src/normalise/normalise.js';
import { compileSubstitutions, ENTRA_SUBSTITUTIONS, RECOMMENDED_SUBSTITUTIONS } from '../../src/normalise/substitutions.js';
import { CATALOGUES, FIELD_NAMES } from '../../src/wording/catalogue.js';
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
  for (const [locale, cat] of Object.entries(CATALOGUES)) {
    for (const entry of Object.values(cat)) {
      for (const fieldName of [...Object.values(FIELD_NAMES[locale as keyof typeof FIELD_NAMES]), undefined]) {
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

export function expectNoPassword(json: string, password: string, profile: ProfileName): void {
  const lower = json.toLowerCase();
  for (const form of passwordForms(password, profile)) expect(lower, `result contains ${JSON.stringify(form)}`).not.toContain(form.toLowerCase());
}

const words = readFileSync(new URL('../../data/global-banned.txt', import.meta.url), 'utf8').split('\n').filter((w) => w.length >= 4).slice(0, 400);
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

const PROFILES: ProfileName[] = ['recommended', 'entra', 'nist'];
const checkers = {} as Record<ProfileName, Checker>;
let fixed: string;
beforeAll(async () => {
  for (const profile of PROFILES) checkers[profile] = await createChecker({ profile, customBannedTerms: ['contoso', 'correcthorse'] });
  const samples = ['x', 'qwertyuiop', 'aaaa1990', 'abcd1234', '12/12/2012', 'Password1!', 'Xq9#vLm2!pTz8kW', 'contoso'].flatMap((p) =>
    PROFILES.map((profile) => checkers[profile].evaluate(p, { firstName: 'Zz' })),
  );
  fixed = fixedText(samples);
});

describe('the reported cases', () => {
  it('a password that is the username: CONTEXT_TERM names the field, not the term', () => {
    const r = checkers.recommended.evaluate('correcthorse', { username: 'correcthorse' });
    const f = r.findings.find((x) => x.code === 'CONTEXT_TERM')!;
    expect(f).toMatchObject({ params: { field: 'username' }, severity: 'reject' });
    expect(f.term).toBeUndefined();
    expect(r.feedback.warning).toBe('It contains your user name.');
    expectNoPassword(JSON.stringify(r), 'correcthorse', 'recommended');
  });
  it.each(PROFILES)('%s: a password that is a list term: BANNED_TERM without the term, still worded', (profile) => {
    const r = checkers[profile].evaluate('sunshine');
    const f = r.findings.find((x) => x.code === 'BANNED_TERM')!;
    expect(f).toBeDefined();
    expect(f.term).toBeUndefined();
    expect(f.message ?? '').not.toMatch(/“”|undefined/);
    expectNoPassword(JSON.stringify(r), 'sunshine', profile);
  });
  it('a term that is only part of the password is still named', () => {
    const r = checkers.recommended.evaluate('sunshine-in-contoso-77');
    expect(r.findings.filter((f) => f.code === 'BANNED_TERM').map((f) => f.term)).toEqual(expect.arrayContaining(['contoso']));
  });
  it.each(['fr', 'de', 'es'])('%s wording without a term', (locale) => {
    const r = checkers.nist.evaluate('sunshine', undefined, { locale });
    for (const f of r.findings) if (f.message) expect(f.message).not.toMatch(/“”|« +»|„“|«»|undefined/);
  });
});

describe('property: no result contains the password', () => {
  it.each(PROFILES)('%s, random passwords and contexts', (profile) => {
    fc.assert(
      fc.property(passwordArb.chain((p) => fc.tuple(fc.constant(p), fc.option(contextArb(p), { nil: undefined }))), ([password, context]) => {
        fc.pre(meaningful(password, fixed, profile));
        expectNoPassword(JSON.stringify(checkers[profile].evaluate(password, context)), password, profile);
      }),
      { numRuns: 400 },
    );
  });
  it('random custom lists that hold the password or near it', async () => {
    await fc.assert(
      fc.asyncProperty(
        passwordArb,
        fc.constantFrom<ProfileName>(...PROFILES),
        fc.array(fc.constantFrom(...words.slice(0, 50)), { maxLength: 3 }),
        async (password, profile, others) => {
          fc.pre(meaningful(password, fixed, profile) && [...password.trim()].length <= 16);
          const near = [password.trim(), password.trim().slice(0, -1), password.trim() + 'q'].filter((t) => [...t].length >= 4 && [...t].length <= 16);
          const c = await createChecker({ profile, customBannedTerms: [...near, ...others], breached: false });
          expectNoPassword(JSON.stringify(c.evaluate(password)), password, profile);
        },
      ),
      { numRuns: 40 },
    );
  });
});
