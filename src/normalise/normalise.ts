import type { NormalisedText } from '../types.js';
import { CONFUSABLES } from './confusables.js';

export interface NormaliserConfig {
  /** Unicode normalisation applied per character cluster before case folding. */
  readonly unicodeForm: 'none' | 'NFC' | 'NFKC';
  /** Strip accents (`é` → `e`) after case folding. */
  readonly foldDiacritics: boolean;
  /** Fold Cyrillic/Greek look-alikes onto Latin letters. */
  readonly foldConfusables: boolean;
  /** Compiled substitution classes (see `compileSubstitutions`). */
  readonly fold: ReadonlyMap<number, number>;
}

const COMBINING = /\p{M}/u;
const COMBINING_ALL = /\p{M}+/gu;

/**
 * Normalises a password into the two strings the detectors use, keeping for every output unit
 * the span of the original it came from. Pure; linear in the input.
 */
export function normalise(password: string, config: NormaliserConfig): NormalisedText {
  return isAscii(password) ? normaliseAscii(password, config) : normaliseUnicode(password, config);
}

/**
 * The folded form of a list term or context name: exactly what a password folds to. Lists hold
 * ~100 k terms and need no offset maps, so ASCII terms take a path that builds none.
 */
export function normaliseTerm(term: string, config: NormaliserConfig): string {
  if (!isAscii(term)) return normalise(term, config).folded;
  const lower = term.toLowerCase();
  if (config.fold.size === 0) return lower;
  const table = asciiFoldTable(config.fold);
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const f = table[lower.charCodeAt(i)]!;
    if (f < 0) continue;
    out += lower.slice(from, i) + String.fromCharCode(f);
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

// ASCII in, one unit out per unit in: the offset maps are the identity, so every call shares
// views of one read-only table instead of filling two new arrays.
const IDENTITY = Uint32Array.from({ length: 4098 }, (_, i) => i);

// The common case: ASCII in, one unit out per unit in.
function normaliseAscii(password: string, config: NormaliserConfig): NormalisedText {
  const n = password.length;
  const plain = password.toLowerCase();
  const start = n < IDENTITY.length ? IDENTITY.subarray(0, n) : Uint32Array.from({ length: n }, (_, i) => i);
  const end = n + 1 < IDENTITY.length ? IDENTITY.subarray(1, n + 1) : Uint32Array.from({ length: n }, (_, i) => i + 1);
  const table = asciiFoldTable(config.fold);
  let folded = '';
  let from = 0;
  for (let i = 0; i < n; i++) {
    const f = table[plain.charCodeAt(i)]!;
    if (f < 0) continue;
    folded += plain.slice(from, i) + String.fromCharCode(f);
    from = i + 1;
  }
  folded = from === 0 ? plain : folded + plain.slice(from);
  return { plain, folded, start, end };
}

/** The substitution classes as a dense table over ASCII (-1: unchanged), one per compiled map. */
const asciiFoldTables = new WeakMap<ReadonlyMap<number, number>, Int32Array>();

// A Map lookup per character was most of the ASCII path; one WeakMap lookup per call is not.
function asciiFoldTable(fold: ReadonlyMap<number, number>): Int32Array {
  let table = asciiFoldTables.get(fold);
  if (!table) {
    table = new Int32Array(128).fill(-1);
    for (let c = 0; c < 128; c++) {
      const f = fold.get(c);
      if (f !== undefined) table[c] = f;
    }
    asciiFoldTables.set(fold, table);
  }
  return table;
}

function normaliseUnicode(password: string, config: NormaliserConfig): NormalisedText {
  const plainUnits: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < password.length) {
    // A cluster is one code point plus the combining marks after it, so NFC/NFKC can compose
    // `e` + U+0301 into `é` without losing track of which original units it came from.
    const segStart = i;
    i += unitLength(password, i);
    while (i < password.length) {
      const len = unitLength(password, i);
      if (!COMBINING.test(password.slice(i, i + len))) break;
      i += len;
    }
    let seg = password.slice(segStart, i);
    if (config.unicodeForm !== 'none') seg = seg.normalize(config.unicodeForm);
    seg = seg.toLowerCase();
    if (config.foldDiacritics) seg = seg.normalize('NFD').replace(COMBINING_ALL, '');
    for (let k = 0; k < seg.length; k++) {
      let c = seg.charCodeAt(k);
      if (config.foldConfusables) c = CONFUSABLES.get(c) ?? c;
      plainUnits.push(c);
      starts.push(segStart);
      ends.push(i);
    }
  }
  const foldedUnits = plainUnits.map((c) => config.fold.get(c) ?? c);
  return {
    plain: fromUnits(plainUnits),
    folded: fromUnits(foldedUnits),
    start: Uint32Array.from(starts),
    end: Uint32Array.from(ends),
  };
}

function unitLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

// String.fromCharCode with many arguments is the fastest way to build a short string from
// units; chunked so a long input never exceeds the engine's argument limit.
function fromUnits(units: readonly number[]): string {
  if (units.length <= 4096) return String.fromCharCode(...units);
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out;
}

/** Number of Unicode code points (lone surrogates count as one), as NIST counts length. */
export function codePointLength(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i += unitLength(s, i)) count++;
  return count;
}
