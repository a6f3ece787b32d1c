import { describe, expect, it } from 'vitest';
import { CATALOGUES, type MessageCode, type FieldName } from '../../src/wording/catalogue.js';
import { LOCALES, type Locale } from '../../src/wording/locales.js';
import { feedbackFor, messageFor } from '../../src/wording/feedback.js';
import { Codes } from '../../src/codes.js';
import { createChecker } from '../../src/index.js';
import type { Finding } from '../../src/types.js';
import { count, ENTRIES, POINTS } from '../../src/wording/plural.js';
import { spawnSync } from 'node:child_process';

// The compile-time guarantee (Record<MessageCode, Entry> per locale) checked at run time too,
// against the codes the library exports: a code added to Codes must get a message everywhere.
const CODES: MessageCode[] = Object.values(Codes);
const FIELDS: FieldName[] = ['firstName', 'lastName', 'username', 'email', 'tenantName', 'displayName', 'extraTerms'];
const SAMPLE = { term: 'contoso', distance: 1, fieldName: 'X', kind: 'year', points: 3, threshold: 5, min: 8, max: 256 };

const finding = (code: string, params: Finding['params'] = {}, extra: Partial<Finding> = {}): Finding =>
  ({ code, source: 'policy', severity: 'reject', params, ...extra }) as Finding;

describe('every locale has every message', () => {
  it('the catalogues are exactly the supported locales', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALES].sort());
    expect(LOCALES).toEqual(expect.arrayContaining(['en', 'fr', 'de', 'es', 'nl', 'pt', 'it', 'pl', 'ja']));
  });

  describe.each(LOCALES)('%s', (locale) => {
    const { messages, fields } = CATALOGUES[locale];
    it.each(CODES)('%s has a warning in this language', (code) => {
      const text = messages[code].warning(SAMPLE);
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toMatch(/undefined|NaN|\$\{/);
      if (locale !== 'en') expect(text).not.toBe(CATALOGUES.en.messages[code].warning(SAMPLE));
    });
    it('names every context field', () => {
      expect(Object.keys(fields).sort()).toEqual([...FIELDS].sort());
      for (const f of FIELDS) expect(fields[f].length).toBeGreaterThan(0);
    });
    it('has the same suggestions as English has (a suggestion is never missing in one language)', () => {
      for (const code of CODES) expect(messages[code].suggestion === undefined, code).toBe(CATALOGUES.en.messages[code].suggestion === undefined);
    });
  });
});

describe('English reads naturally with any number', () => {
  const en = (code: MessageCode, p: Record<string, unknown>) => CATALOGUES.en.messages[code].warning(p as never);
  it.each([
    ['TOO_SHORT', { min: 1 }, 'It is too short: use at least 1 character.'],
    ['TOO_SHORT', { min: 8 }, 'It is too short: use at least 8 characters.'],
    ['TOO_LONG', { max: 1 }, 'It is too long: use at most 1 character.'],
    ['TOO_LONG', { max: 64 }, 'It is too long: use at most 64 characters.'],
    ['LOW_SCORE', { points: 1, threshold: 5 }, 'Too little of it is your own: it scores 1 of the 5 points needed.'],
    ['LOW_SCORE', { points: 0, threshold: 1 }, 'Too little of it is your own: it scores 0 of the 1 point needed.'],
    // recommended and nist word a shortfall plainly; the arithmetic is the entra profile's (issue 22).
    ['LOW_SCORE', { points: 3, threshold: 5, plain: true }, 'It is mostly a common word with a few changes, which attackers try first.'],
    ['CONTEXT_TERM', { fieldName: 'email address' }, 'It contains your email address.'],
  ] as const)('%s %j', (code, p, text) => {
    expect(en(code, p)).toBe(text);
  });
});

describe('plural forms follow each language (Intl.PluralRules)', () => {
  const short = (locale: Locale, min: number) => CATALOGUES[locale].messages.TOO_SHORT.warning({ min });
  it.each([
    ['fr', 1, 'au moins 1 caractère.'], ['fr', 8, 'au moins 8 caractères.'],
    ['es', 1, 'al menos 1 carácter.'], ['es', 8, 'al menos 8 caracteres.'],
    ['nl', 1, 'minstens 1 teken.'], ['nl', 8, 'minstens 8 tekens.'],
    ['pt', 1, 'pelo menos 1 caractere.'], ['pt', 8, 'pelo menos 8 caracteres.'],
    ['it', 1, 'almeno 1 carattere.'], ['it', 8, 'almeno 8 caratteri.'],
    ['pl', 1, 'co najmniej 1 znak.'], ['pl', 3, 'co najmniej 3 znaki.'], ['pl', 8, 'co najmniej 8 znaków.'], ['pl', 22, 'co najmniej 22 znaki.'],
    ['ja', 8, '8文字以上にしてください。'],
  ] as const)('%s, %i', (locale, n, tail) => {
    expect(short(locale, n).endsWith(tail)).toBe(true);
  });
});

describe('messages through the engine', () => {
  it.each(LOCALES)('%s: a rejected password gets a warning and suggestions in that language', async (locale) => {
    const c = await createChecker({ locale, breached: false });
    const r = c.evaluate('Anna2024', { firstName: 'Anna' });
    expect(r.accepted).toBe(false);
    const context = r.findings.find((f) => f.code === 'CONTEXT_TERM')!;
    expect(context.message).toBe(messageFor(context, locale));
    expect(context.message).toContain(CATALOGUES[locale].fields.firstName);
    expect(r.feedback.suggestions.length).toBeGreaterThan(0);
    for (const s of r.feedback.suggestions) expect(Object.values(CATALOGUES[locale].messages).some((e) => e.suggestion?.({}) === s)).toBe(true);
  });

  it('a custom code shows the code itself, also when it names an Object.prototype member', () => {
    for (const code of ['ACME_RULE', 'constructor', 'toString', '__proto__']) {
      expect(messageFor(finding(code), 'en')).toBe(code);
      expect(() => feedbackFor([finding(code)], 'fr')).not.toThrow();
    }
  });
});

describe('English counts elsewhere (CLI, filter errors)', () => {
  it.each([
    [1, ENTRIES, undefined, '1 entry'], [2, ENTRIES, undefined, '2 entries'], [0, POINTS, undefined, '0 points'],
    [1, POINTS, undefined, '1 point'], [1_000_000, ENTRIES, 'en-US', '1,000,000 entries'],
  ] as const)('%i', (n, forms, digits, text) => {
    expect(count('en', n, forms, digits)).toBe(text);
  });

  it("the CLI says '1 point', not '1 points'", () => {
    const bin = new URL('../../bin/passgate.js', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [bin, 'check', '--profile', 'entra', 'x'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/profile entra, 1 point\b/);
  });

  it("a truncated filter is 'a 64-byte header', not 'an 64-byte header'", async () => {
    const { loadFilter } = await import('../../src/filter/index.js');
    expect(() => loadFilter(new Uint8Array(4))).toThrow(/truncated: 4 bytes, a filter starts with a 64-byte header/);
  });
});
