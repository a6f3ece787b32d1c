import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker } from '../../src/index.js';
import { transliterate } from '../../src/detect/patterns/transliterate.js';
import { findDomain } from '../../src/detect/patterns/domain.js';
import { compact, findFamous } from '../../src/detect/patterns/famous.js';
import { normalise, type NormaliserConfig } from '../../src/normalise/normalise.js';
import { compileSubstitutions } from '../../src/normalise/substitutions.js';
import { PROFILES } from '../../src/policy/profiles.js';

const profile = PROFILES.recommended;
const config: NormaliserConfig = { unicodeForm: profile.unicodeForm, foldDiacritics: profile.foldDiacritics, foldConfusables: profile.foldConfusables, fold: compileSubstitutions(profile.substitutions) };

describe('transliteration of other scripts', () => {
  it.each([
    ['Пароль2024!', 'Gfhjkm2024!'],
    ['пароль', 'gfhjkm'],
    ['ΑΓΑΠΗ', 'AGAPH'],
    ['σας', 'saw'],
    ['pаssword', 'pаssword'], // a Cyrillic look-alike in a Latin word: left to the confusable fold
    ['日本語', '日本語'],
  ])('%s reads as %s', (from, to) => expect(transliterate(from)).toBe(to));

  it('keeps the length, so spans still index the password', () => {
    fc.assert(fc.property(fc.string({ maxLength: 64 }), (s) => transliterate(s).length === s.length));
  });
});

describe('domains and mail hosts at the end', () => {
  it.each([
    ['hotmail.com', 0, 11],
    ['anna@gmail.com', 4, 14],
    ['mysite.ru', 6, 9],
  ])('%s ends in a domain from %i', (p, start, end) => expect(findDomain(p)).toMatchObject({ start, end }));

  it.each(['hotmail', 'file.txt', 'a.b.c', '.com.'])('%s has none', (p) => expect(findDomain(p)).toBeNull());
});

describe('famous passwords', () => {
  it('finds them whatever the separators and substitutions', () => {
    for (const p of ['correct horse battery staple', 'correct-horse-battery-staple', 'CorrectHorseBatteryStaple', 'Tr0ub4dor&3', 'troubador&3']) {
      const folded = normalise(p, config).folded;
      const hits = findFamous(folded, config);
      expect(hits.length, p).toBeGreaterThan(0);
      expect(compact(folded.slice(hits[0]!.start, hits[0]!.end)), p).toBe(compact(folded));
    }
    expect(findFamous(normalise('xq7vzjkw9', config).folded, config)).toEqual([]);
  });
});

describe('recommended catches the shapes of issue 11', () => {
  it.each([
    ['yournameyourname', 'PREDICTABLE_STRING'],
    ['hotmail.com', 'WEAK'],
    ['anna@gmail.com', 'WEAK'],
    ['correct horse battery staple', 'PREDICTABLE_STRING'],
    ['Tr0ub4dor&3', 'PREDICTABLE_STRING'],
    ['obi wan kenobi', 'PREDICTABLE_STRING'],
    ['Пароль2024!', 'WEAK'],
  ])('%s is rejected (%s)', async (p, code) => {
    const checker = await createChecker({ breached: false });
    const r = checker.evaluate(p);
    expect(r.accepted).toBe(false);
    expect(r.policy.rejectedBy).toContain(code);
  });

  it('still accepts generated passphrases that use a separator throughout', async () => {
    const checker = await createChecker({ breached: false });
    for (const p of ['tumble sequel unkind jogger', 'crested-unrobed-quarry7', 'kovdir-Xyhpa4-qemfuz']) expect(checker.evaluate(p).accepted, p).toBe(true);
  });
});

describe('PREDICTABLE_STRING says what the model saw', () => {
  it.each([
    ['Tr0ub4dor&3', 'famous', /famous password/],
    ['yournameyourname', 'repeat', /typed twice/],
  ])('%s: shape %s, worded for that shape', async (password, shape, wording) => {
    const checker = await createChecker();
    const f = checker.evaluate(password).findings.find((x) => x.code === 'PREDICTABLE_STRING');
    expect(f?.params?.shape).toBe(shape);
    expect(f?.message).toMatch(wording);
  });
});
