/**
 * Word lists of other languages for the strength dictionary (issue 4): the Debian `w*` lists
 * that /work/shared/DATA.md allows in the MIT package. They are optional build inputs: a list is
 * included when its package is installed (`/usr/share/dict/<file>`, version from dpkg-query)
 * and skipped otherwise, so `npm install` works on a machine without them (CI installs them,
 * see .ci/run). GPL-only lists (wngerman, wfrench, witalian, …) are never read.
 *
 * The trimming is pure (`trimWordList`, `orderOtherWords`) so tests can table-test it on a
 * fixture; `readDebianList` is the only I/O.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRA_FOLD } from './derive.js';

export interface OtherLanguage {
  /** ISO 639-1 code, used in the manifest and the build's log. */
  readonly code: string;
  readonly language: string;
  /** Debian binary package that ships the list. */
  readonly package: string;
  /** File name under the dictionary directory (`/usr/share/dict`). */
  readonly file: string;
  /** The licence passgate ships the derived words under (an option the package offers). */
  readonly licence: string;
  /**
   * Keep only words that at least this many entries of the 1M common-password list reduce to
   * (0: keep every word). For lists that hold every inflected form, so "is it used in
   * passwords" stands in for the frequency the list lacks.
   */
  readonly minSupport: number;
  /** Why minSupport is what it is, for the manifest. */
  readonly trim: string;
}

/**
 * The languages DATA.md allows, in priority order: a word in two lists is credited to the first.
 * The licence strings are the option passgate takes where the package offers a choice.
 */
export const OTHER_LANGUAGES: readonly OtherLanguage[] = [
  {
    code: 'es',
    language: 'Spanish',
    package: 'wspanish',
    file: 'spanish',
    licence: 'public domain (word list; debian/copyright)',
    minSupport: 1,
    trim:
      'only words used in passwords (≥ 1 entry of the 1M list reduces to them): all 81 k words ' +
      'would double the dictionary and cost cold start and throughput (wordlists/README.md)',
  },
  {
    code: 'pt',
    language: 'Portuguese',
    package: 'wportuguese',
    file: 'portuguese',
    licence: 'MPL-1.1 (chosen from GPL-2+ or LGPL-2.1+ or MPL-1.1)',
    minSupport: 1,
    trim: 'only words used in passwords (≥ 1 entry of the 1M list reduces to them): the list has every verb form',
  },
  {
    code: 'nl',
    language: 'Dutch',
    package: 'wdutch',
    file: 'dutch',
    licence: 'BSD-3-Clause (chosen from BSD or CC BY 3.0)',
    minSupport: 1,
    trim: 'only words used in passwords (≥ 1 entry of the 1M list reduces to them): the list has every compound',
  },
  {
    code: 'pl',
    language: 'Polish',
    package: 'wpolish',
    file: 'polish',
    licence: 'CC-BY-4.0 (chosen from GPL-2 or LGPL-2.1 or MPL-1.1 or Apache-2.0 or CC-BY-4.0)',
    minSupport: 1,
    trim:
      'only words used in passwords (≥ 1 entry of the 1M list reduces to them): the list has every ' +
      'inflected form and no marking of base forms',
  },
];

/** The command that installs every list, for the build's warning and the docs. */
export const INSTALL_COMMAND = `apt-get install -y ${OTHER_LANGUAGES.map((l) => l.package).join(' ')}`;

export interface DebianList {
  readonly lang: OtherLanguage;
  readonly version: string;
  readonly path: string;
  /** The entries, one per line (read lazily: wpolish has 4.3 M of them). */
  readonly words: Iterable<string>;
}

/**
 * Reads one installed list, or null when it is not installed. A file whose package dpkg does not
 * know (another distribution, a hand-copied file) is treated as not installed: the manifest
 * must name the exact package version the words came from.
 */
export function readDebianList(lang: OtherLanguage, dictDir: string, dpkgVersion = dpkgQueryVersion): DebianList | null {
  const path = join(dictDir, lang.file);
  if (!existsSync(path)) return null;
  const version = dpkgVersion(lang.package);
  if (version === null) return null;
  return { lang, version, path, words: lineIterable(readFileSync(path, 'utf8')) };
}

/**
 * The non-empty lines of `text` (LF or CRLF), sliced one at a time: holding 4.3 M Polish forms
 * in an array at once made the build several times slower (old-generation GC).
 */
export function lineIterable(text: string): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      let from = 0;
      while (from < text.length) {
        let to = text.indexOf('\n', from);
        if (to < 0) to = text.length;
        const end = to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to;
        if (end > from) yield text.slice(from, end);
        from = to + 1;
      }
    },
  };
}

/** `dpkg-query -W -f '${Version}' <pkg>`, or null if dpkg is missing or the package is not installed. */
export function dpkgQueryVersion(pkg: string): string | null {
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f', '${Version}\n${db:Status-Status}', pkg], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [version, status] = out.split('\n');
    return version && status === 'installed' ? version : null;
  } catch {
    return null;
  }
}

export interface TrimOptions {
  readonly minLength: number;
  readonly maxLength: number;
  /** Words the other lists already have (English, names, banned terms, common passwords). */
  readonly known: ReadonlySet<string>;
  /**
   * Strings found inside common English words, names and banned terms (`innerFragments`): a
   * foreign word among them (`monda` in monday, `ilion` in million) would match inside those
   * words for no gain, since the longer word already prices them.
   */
  readonly inside?: ReadonlySet<string>;
  /** Further condition on the folded word (a language's minimum support); dropped as `unwanted`. */
  readonly keep?: (word: string) => boolean;
}

export interface TrimResult {
  /** Folded words, first occurrence kept, in list order. */
  readonly words: string[];
  readonly dropped: {
    /** Capitalised entries: proper nouns and abbreviations (`Madrid`, `Dongelmans`, `AIDS`). */
    capitalised: number;
    /** Entries with anything but letters (`'s-Hertogenbosch`, `zee-egel`, `a.s.`). */
    notLetters: number;
    tooShort: number;
    tooLong: number;
    /** Already in the English/names/banned/common lists. */
    known: number;
    /** Inside a common English word, name or banned term (`inside`). */
    insideCommon: number;
    /** Folded onto a word seen before (`corazón`/`corazon`, `más`/`mas`). */
    duplicate: number;
    /** Refused by `keep`. */
    unwanted: number;
  };
}

/**
 * Trims one Debian list to words the strength dictionary can use:
 * - lowercase-initial entries only (capitalised ones are proper nouns and abbreviations);
 * - letters only, folded to a–z the way people type them on a US keyboard (`corazón` → `corazon`,
 *   `słońce` → `slonce`, `Straße` → `strasse`): the recommended normaliser strips accents from
 *   the password, so the folded word is what a typed password folds to;
 * - minLength..maxLength letters after folding;
 * - accepted by `keep`, not already known, not inside a common English word, not a duplicate
 *   after folding.
 * An entry failing several rules is counted under the first, in this order.
 */
const ASCII_WORD = /^[a-z]+$/;
const MARKS = /\p{M}+/gu;
const EXTRA = new RegExp(`[${[...EXTRA_FOLD.keys()].join('')}]`, 'g');

/**
 * `foldAscii` for a whole word, or null when the word has anything but letters it can spell in
 * a–z (a hyphen, an apostrophe, a digit, a Greek letter): such a word is not what its folded
 * remnant would say.
 */
export function foldLetters(word: string): string | null {
  // Fast path, one table lookup per unit: Latin letters up to U+024F (all of es/pt/nl/pl).
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const f = c < LATIN_FOLD.length ? LATIN_FOLD[c] : undefined;
    if (f === undefined) return foldSlow(word);
    if (f === null) return null;
    out += f;
  }
  return out;
}

function foldSlow(word: string): string | null {
  const f = word
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(EXTRA, (c) => EXTRA_FOLD.get(c) as string);
  return ASCII_WORD.test(f) ? f : null;
}

/**
 * `foldSlow` of each single unit below U+0250: its a–z spelling, null when it has none (a
 * digit, a hyphen, `×`), undefined for combining marks, whose fold depends on the letter before.
 */
const LATIN_FOLD: readonly (string | null | undefined)[] = Array.from({ length: 0x250 }, (_, c) => {
  const ch = String.fromCharCode(c);
  if (/\p{M}/u.test(ch)) return undefined;
  return foldSlow(ch);
});

export function trimWordList(raw: Iterable<string>, opts: TrimOptions, seen: Set<string> = new Set()): TrimResult {
  const dropped = { capitalised: 0, notLetters: 0, tooShort: 0, tooLong: 0, unwanted: 0, known: 0, insideCommon: 0, duplicate: 0 };
  const words: string[] = [];
  // Cheapest and most selective tests first: the build runs this over 4.3 M Polish forms.
  for (const w of raw) {
    if (w.length === 0) continue;
    const c = w.charCodeAt(0);
    if ((c >= 65 && c <= 90) || (c > 127 && isCapital(w))) {
      dropped.capitalised++;
      continue;
    }
    // Most entries are plain a–z already; only the others pay for folding.
    const f = ASCII_WORD.test(w) ? w : foldLetters(w);
    if (f === null) {
      dropped.notLetters++;
      continue;
    }
    if (f.length < opts.minLength) {
      dropped.tooShort++;
      continue;
    }
    if (f.length > opts.maxLength) {
      dropped.tooLong++;
      continue;
    }
    if (opts.keep && !opts.keep(f)) {
      dropped.unwanted++;
      continue;
    }
    if (opts.known.has(f)) {
      dropped.known++;
      continue;
    }
    if (opts.inside?.has(f)) {
      dropped.insideCommon++;
      continue;
    }
    if (seen.has(f)) {
      dropped.duplicate++;
      continue;
    }
    seen.add(f);
    words.push(f);
  }
  return { words, dropped };
}

function isCapital(w: string): boolean {
  const first = String.fromCodePoint(w.codePointAt(0) as number);
  return first !== first.toLowerCase();
}

/** Every substring of at least `minLength` units of each word, except the whole word. */
export function innerFragments(words: Iterable<string>, minLength: number): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    for (let i = 0; i + minLength <= w.length; i++) {
      for (let j = i + minLength; j <= w.length; j++) if (j - i < w.length) out.add(w.slice(i, j));
    }
  }
  return out;
}

/**
 * Orders the other-language words for the dictionary, where rank = position: words used in
 * passwords first (by how many 1M-list entries reduce to them, a frequency the lists lack), then
 * the rest; ties a–z (code units, so no locale dependence).
 */
export function orderOtherWords(words: readonly string[], support: (word: string) => number): string[] {
  const s = new Map<string, number>();
  for (const w of words) s.set(w, support(w));
  return [...words].sort((a, b) => (s.get(b) as number) - (s.get(a) as number) || (a < b ? -1 : a > b ? 1 : 0));
}
