import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker, type CheckerOptions } from '../../src/index.js';
import { BUILT_IN_CODES, type BuiltInCode } from '../../src/codes.js';
import { CATALOGUES } from '../../src/wording/catalogue.js';
import { feedbackFor, messageFor } from '../../src/wording/feedback.js';
import { resolveMessages } from '../../src/wording/overrides.js';
import { MESSAGE_PARAMS } from '../../src/wording/params.js';
import type { Messages } from '../../src/wording/messages.js';
import type { Finding } from '../../src/types.js';

// Options `messages` (README "Your own wording"): what a user sees when a message is overridden
// or a language added, and the errors a bad override gives at construction.

const names = (code: BuiltInCode) => Object.keys(MESSAGE_PARAMS[code]);
/** One finding of `code` carrying every parameter any message uses. */
const finding = (code: string): Finding => ({
  code,
  source: 'policy',
  severity: 'reject',
  term: 'contoso',
  distance: 1,
  params: { field: 'email', kind: 'year', shape: 'famous', points: 3, threshold: 5, plain: true, min: 12, max: 64 },
});
/** What each parameter reads for `finding` in English. */
const SAMPLE: Record<string, string> = {
  term: 'contoso', distance: '1', fieldName: 'email address', field: 'email', kind: 'year', shape: 'famous',
  points: '3', threshold: '5', plain: 'true', min: '12', max: '64',
};
const never = () => false;

describe('overriding one code', () => {
  it.each(BUILT_IN_CODES)('%s: a template shows its parameters as headline, message and suggestion', (code) => {
    const template = `${code}${names(code).map((k) => ` ${k}={${k}}`).join('')}.`;
    const expected = `${code}${names(code).map((k) => ` ${k}=${SAMPLE[k]}`).join('')}.`;
    const en = resolveMessages({ en: { [code]: { warning: template, suggestion: `Fix ${code}.` } } }).speaker('en');
    expect(messageFor(finding(code), en, never)).toBe(expected);
    expect(feedbackFor([finding(code)], en, never)).toEqual({ warning: expected, suggestions: [`Fix ${code}.`] });
    // Every other code, and every other locale, keeps passgate's words.
    const other = BUILT_IN_CODES.find((c) => c !== code)!;
    expect(messageFor(finding(other), en, never)).toBe(messageFor(finding(other), 'en'));
    const fr = resolveMessages({ en: { [code]: template } }).speaker('fr');
    expect(messageFor(finding(code), fr, never)).toBe(messageFor(finding(code), 'fr'));
  });

  it.each(BUILT_IN_CODES)('%s: a function is given exactly its typed parameters', (code) => {
    let seen: Record<string, unknown> | undefined;
    const en = resolveMessages({ en: { [code]: (p: Record<string, unknown>) => ((seen = p), 'mine') } }).speaker('en');
    expect(messageFor(finding(code), en, never)).toBe('mine');
    expect(Object.keys(seen!).sort()).toEqual(names(code).sort());
    for (const [k, type] of Object.entries(MESSAGE_PARAMS[code])) {
      expect(typeof seen![k], `${code}.${k}`).toBe(type === 'string?' ? 'string' : type);
      expect(String(seen![k])).toBe(SAMPLE[k]);
    }
    expect(Object.isFrozen(seen)).toBe(true);
    // A headline alone keeps the locale's suggestion; `suggestion: null` removes it.
    expect(feedbackFor([finding(code)], en, never).suggestions).toEqual(feedbackFor([finding(code)], 'en').suggestions);
    const none = resolveMessages({ en: { [code]: { suggestion: null } } }).speaker('en');
    expect(feedbackFor([finding(code)], none, never)).toEqual({ warning: messageFor(finding(code), 'en'), suggestions: [] });
  });

  it('a custom check reporting a built-in code with odd params gives a function values of the declared types', () => {
    let seen: Record<string, unknown> | undefined;
    const en = resolveMessages({ en: { LOW_SCORE: (p: Record<string, unknown>) => ((seen = p), 'x'), TOO_SHORT: 'at least {min}' } }).speaker('en');
    const odd: Finding = { code: 'LOW_SCORE', source: 'check', severity: 'reject', params: { points: 'many', plain: 'yes' } };
    expect(messageFor(odd, en, never)).toBe('x');
    expect(seen).toEqual({ points: 0, threshold: 0, plain: false });
    expect(messageFor({ code: 'TOO_SHORT', source: 'check', severity: 'reject' }, en, never)).toBe('at least 0');
  });
});

describe('what a user sees from a checker with overrides', () => {
  const messages = {
    en: {
      BREACHED: 'This password appeared in a data breach.',
      TOO_SHORT: { warning: 'Use {min} characters or more.', suggestion: 'Try a short sentence.' },
      CONTEXT_TERM: (p) => `Leave your ${p.fieldName} out of it.`,
      LOW_SCORE: (p) => (p.plain ? 'Mostly a common word.' : `${p.points}/${p.threshold} points.`),
      TOO_LONG: 'At most {max} characters.',
      WEAK: { warning: 'Too easy to guess.' },
    },
  } satisfies Messages;
  let checker: Checker;
  let entra: Checker;
  beforeAll(async () => {
    checker = await createChecker({ messages });
    entra = await createChecker({ profile: 'entra', customBannedTerms: ['contoso'], messages });
  });

  it.each([
    ['abc', undefined, 'Use 8 characters or more.', 'Try a short sentence.'],
    ['password1', undefined, 'This password appeared in a data breach.', undefined],
    ['Kowalski-Riverbend-42', { lastName: 'Kowalski' }, 'Leave your last name out of it.', undefined],
    ['x'.repeat(300), undefined, 'At most 256 characters.', undefined],
  ] as const)('%s → “%s”', (password, context, headline, suggestion) => {
    const r = checker.evaluate(password, context);
    expect(r.accepted).toBe(false);
    expect(r.feedback.warning).toBe(headline);
    expect(r.findings.find((f) => f.severity === 'reject' && f.message === headline)).toBeDefined();
    if (suggestion) expect(r.feedback.suggestions[0]).toBe(suggestion);
  });

  it('entra keeps the arithmetic it was given; fr is untouched', () => {
    expect(entra.evaluate('Contoso1').feedback.warning).toMatch(/^\d\/5 points\.$/);
    const fr = checker.evaluate('abc', undefined, { locale: 'fr-CA' });
    expect(fr.feedback.warning).toBe(checker.evaluate('abc', undefined, { locale: 'fr' }).feedback.warning);
    expect(fr.feedback.warning).not.toBe('Use 8 characters or more.');
  });
});

/** A whole language, as a user adding Swedish would give it (here mechanically). */
function swedish(): Messages[string] & object {
  const out: Record<string, unknown> = {};
  for (const code of BUILT_IN_CODES) out[code] = { warning: `SV ${code}${names(code).includes('fieldName') ? ' {fieldName}' : ''}`, suggestion: `SV råd ${code}` };
  out.fields = Object.fromEntries(Object.keys(CATALOGUES.en.fields).map((f) => [f, `sv-${f}`]));
  return out as Messages[string] & object;
}

describe('adding a language', () => {
  it('locale: "sv" selects it, region tags fall back to it, and the checker lists it', async () => {
    const checker = await createChecker({ locale: 'sv', messages: { sv: swedish() } });
    expect(checker.policy().locale).toBe('sv');
    expect(checker.locales).toEqual(['en', 'fr', 'de', 'es', 'nl', 'pt', 'it', 'pl', 'ja', 'sv']);
    const r = checker.evaluate('abc');
    expect(r.feedback).toEqual({ warning: 'SV TOO_SHORT', suggestions: expect.arrayContaining(['SV råd TOO_SHORT']) as string[] });
    expect(r.feedback.suggestions.every((s) => s.startsWith('SV råd'))).toBe(true);
    expect(checker.evaluate('Kowalski-Riverbend-42', { lastName: 'Kowalski' }).feedback.warning).toBe('SV CONTEXT_TERM sv-lastName');
    expect(checker.evaluate('abc', undefined, { locale: 'sv-FI' }).feedback.warning).toBe('SV TOO_SHORT');
    expect(checker.evaluate('abc', undefined, { locale: 'de' }).feedback.warning).toBe(CATALOGUES.de.messages.TOO_SHORT.warning({ min: 8 }));
    // A checker without it does not speak it: the per-call locale falls back to the checker's.
    const plain = await createChecker();
    expect(plain.evaluate('abc', undefined, { locale: 'sv' }).feedback.warning).toBe(plain.evaluate('abc').feedback.warning);
    await expect(createChecker({ locale: 'sv' })).rejects.toThrow(/`locale` 'sv' is not supported/);
  });

  it('must be complete: a missing code or field is named at construction', async () => {
    const noBreached = swedish() as Record<string, unknown>;
    delete noBreached.BREACHED;
    delete noBreached.TOO_LONG;
    await expect(createChecker({ messages: { sv: noBreached } })).rejects.toThrow('`messages.sv` adds a language, so it must word every code (none falls back to another language); missing: BREACHED, TOO_LONG');
    const noFields = swedish() as Record<string, unknown>;
    delete noFields.fields;
    await expect(createChecker({ messages: { sv: noFields } })).rejects.toThrow(/`messages.sv` adds a language, so it must name every context field/);
    const someFields = { ...swedish(), fields: { email: 'e-post' } };
    await expect(createChecker({ messages: { sv: someFields } as Messages })).rejects.toThrow(/`messages.sv.fields` must name every context field of an added language; missing: firstName/);
    const noWarning = { ...swedish(), DATE: { suggestion: 'x' } };
    await expect(createChecker({ messages: { sv: noWarning } as Messages })).rejects.toThrow('`messages.sv.DATE.warning` is missing');
  });
});

describe('construction refuses a bad override, naming the code and nothing else', () => {
  const bad = (messages: unknown) => createChecker({ messages } as CheckerOptions);
  it.each([
    [[], /`messages` must be an object keyed by language code/],
    [{ en: { BREACHD: 'x' } }, "`messages.en` has 'BREACHD', which is not a code passgate reports (did you mean BREACHED?)"],
    [{ en: { too_short: 'x' } }, /not a code passgate reports \(did you mean TOO_SHORT\?\)/],
    [{ en: { BREACHED: 42 } }, '`messages.en.BREACHED` must be a string, a function or { warning, suggestion }'],
    [{ en: { BREACHED: { warning: 'x', hint: 'y' } } }, "`messages.en.BREACHED` has 'hint': only `warning` and `suggestion` are known"],
    [{ en: { BREACHED: { warning: 7 } } }, '`messages.en.BREACHED.warning` must be a string or a function'],
    [{ en: { TOO_SHORT: 'At least {mn} characters' } }, '`messages.en.TOO_SHORT` refers to {mn}, a parameter TOO_SHORT does not have (it has {min})'],
    [{ en: { BREACHED: 'Seen {count} times' } }, '`messages.en.BREACHED` refers to {count}, a parameter BREACHED does not have (it has none)'],
    [{ en: { TOO_SHORT: 'At least {min characters' } }, /`messages.en.TOO_SHORT` has a brace that is not around a parameter name/],
    [{ en: { BREACHED: '  ' } }, '`messages.en.BREACHED` is empty'],
    [{ en: { BREACHED: 'x'.repeat(501) } }, '`messages.en.BREACHED` is longer than 500 characters'],
    [{ 'pt-BR': { BREACHED: 'x' } }, /`messages` key 'pt-BR' is not a language code/],
    [{ en: 'x' }, '`messages.en` must be an object keyed by code'],
    [{ en: { fields: { email: '' } } }, '`messages.en.fields.email` must be a non-empty string'],
    [{ en: { fields: { password: 'x' } } }, "`messages.en.fields` has 'password', which is not a context field"],
  ] as const)('%j', async (messages, error) => {
    await expect(bad(messages)).rejects.toThrow(error);
  });

  it('a partial built-in locale may rename fields', async () => {
    const checker = await createChecker({ messages: { en: { fields: { lastName: 'surname' } } } });
    expect(checker.evaluate('Kowalski-Riverbend-42', { lastName: 'Kowalski' }).feedback.warning).toBe('It contains your surname.');
  });
});
