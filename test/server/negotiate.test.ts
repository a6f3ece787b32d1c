import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Negotiator from 'negotiator';
import { chooseEncoding, preferredLanguage, MAX_ACCEPT_LENGTH } from '../../src/server/negotiate.js';
import { LOCALES } from '../../src/wording/locales.js';

// The negotiator package (a devDependency now) is the oracle: src/server/negotiate.ts replaced it
// as a runtime dependency and must pick what it picked on well-formed headers.
const oracleEncoding = (header: string) => {
  const n = new Negotiator({ headers: { 'accept-encoding': header } }) as unknown as { encoding(a: string[], o: { preferred: string[] }): string | undefined };
  const best = n.encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip', 'identity'] });
  return best === 'br' || best === 'gzip' ? best : null;
};
const oracleLanguage = (header: string, candidates: string[]) => new Negotiator({ headers: { 'accept-language': header } }).language(candidates);

const q = fc.oneof(fc.constant(''), fc.constantFrom(';q=0', ';q=1', ';q=0.5', ';q=0.25', ';q=0.999', ';q=1.0', ' ; q=0.8', ';Q=0.3'));
const header = (ranges: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...ranges), q), { maxLength: 6 }).chain((entries) =>
    fc.constantFrom(', ', ',', ' , ').map((sep) => entries.map(([r, p]) => r + p).join(sep)),
  );

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['identity, gzip;q=0.5', null],
    ['*', 'br'],
    ['*;q=0.5, gzip', 'gzip'],
    ['deflate', null],
    ['', null],
    ['GZIP', 'gzip'],
    ['br;q=2', null],
    ['br;q=banana, gzip;q=0.1', 'gzip'],
  ] as const)('%j → %j', (h, expected) => {
    expect(chooseEncoding(h)).toBe(expected);
    // One deliberate difference: a q-value outside RFC 9110's grammar (q=2) makes the entry
    // unusable here, where negotiator reads it with parseFloat.
    if (h !== 'br;q=2') expect(oracleEncoding(h)).toBe(expected);
  });

  it('agrees with negotiator on well-formed headers (property)', () => {
    fc.assert(fc.property(header(['br', 'gzip', 'identity', 'deflate', '*', 'BR', 'x-gzip']), (h) => {
      expect(chooseEncoding(h), h).toBe(oracleEncoding(h));
    }), { numRuns: 2000 });
  });
});

describe('preferredLanguage', () => {
  const locales = [...LOCALES];
  it.each([
    ['fr-CH, fr;q=0.9, en;q=0.8', 'fr'],
    ['pt-BR', 'pt'],
    ['de;q=0.5, ja', 'ja'],
    ['*', 'en'],
    ['fr;q=0, *', 'en'],
    ['zz', undefined],
    ['', undefined],
    ['EN-gb', 'en'],
  ] as const)('%j → %j', (h, expected) => {
    expect(preferredLanguage(h, locales)).toBe(expected);
    expect(oracleLanguage(h, locales)).toBe(expected);
  });

  it('agrees with negotiator on well-formed headers, for plain and regional candidates (property)', () => {
    const ranges = ['en', 'fr', 'fr-CH', 'pt-BR', 'de-DE', 'EN', '*', 'zz', 'ja', 'en-US', 'nl-be'];
    const candidates = fc.subarray(['en', 'fr', 'de', 'pt', 'ja', 'nl', 'en-US', 'pt-BR'], { minLength: 1 });
    fc.assert(fc.property(header(ranges), candidates, (h, c) => {
      expect(preferredLanguage(h, c), h).toBe(oracleLanguage(h, c));
    }), { numRuns: 2000 });
  });

  it('reads a bounded prefix of a huge header, in time linear in the bound', () => {
    const huge = 'zz;q=0.1, '.repeat(100_000) + 'fr';
    expect(huge.length).toBeGreaterThan(MAX_ACCEPT_LENGTH * 100);
    expect(preferredLanguage(huge, ['en', 'fr'])).toBeUndefined();
    expect(chooseEncoding('x, '.repeat(100_000) + 'br')).toBeNull();
  });
});
