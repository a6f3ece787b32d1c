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
  return normaliseWithin(password, config, Infinity)!;
}

/**
 * Like `normalise`, but gives up (null) as soon as the output would exceed `limit` units: NFKC
 * turns one code point into up to 18 units (U+FDFA), so a cap on the input alone does not bound
 * the text the detectors see, and the work stops at the cap instead of after the expansion.
 */
export function normaliseWithin(password: string, config: NormaliserConfig, limit: number): NormalisedText | null {
  if (isAscii(password)) return password.length > limit ? null : normaliseAscii(password, config);
  return normaliseUnicode(password, config, limit);
}

/** A term's two normalised forms (see NormalisedText), and how many input units were read. */
export interface TermForms {
  readonly plain: string;
  readonly folded: string;
  /** Input units handed to the cluster-by-cluster path (0 on the fast paths): its cost. */
  readonly slowUnits: number;
}

/**
 * The folded form of a list term or context name: exactly what a password folds to. Lists hold
 * ~100 k terms and need no offset maps, so ASCII terms take a path that builds none.
 */
export function normaliseTerm(term: string, config: NormaliserConfig): string {
  if (!isAscii(term)) return normaliseTermForms(term, config, Infinity).folded;
  return foldAscii(term.toLowerCase(), config);
}

/**
 * Both forms of a term, cut at `limit` units. At most `slowBudget` input units go through the
 * cluster-by-cluster path (the input is cut there, at a code point boundary). Without offset
 * maps most strings need no cluster-by-cluster pass: when the string is already in the profile's
 * Unicode form, normalising each cluster changes nothing, and the remaining steps (lower case,
 * accent stripping, look-alikes, substitutions) map each code point on its own — except the
 * Greek capital sigma, whose lower case depends on what follows. Those take the slow path.
 */
export function normaliseTermForms(term: string, config: NormaliserConfig, limit: number, slowBudget = Infinity): TermForms {
  if (isAscii(term)) {
    const plain = term.length > limit ? term.slice(0, limit).toLowerCase() : term.toLowerCase();
    return { plain, folded: foldAscii(plain, config), slowUnits: 0 };
  }
  if ((config.unicodeForm === 'none' || term.normalize(config.unicodeForm) === term) && !term.includes('Σ')) {
    let lower = term.toLowerCase();
    if (config.foldDiacritics) lower = lower.normalize('NFD').replace(COMBINING_ALL, '');
    const units: number[] = [];
    for (let k = 0; k < lower.length && k < limit; k++) {
      const c = lower.charCodeAt(k);
      units.push(config.foldConfusables ? (CONFUSABLES.get(c) ?? c) : c);
    }
    // Never end on half a surrogate pair.
    if (units.length === limit && isHighSurrogate(units[limit - 1]!)) units.pop();
    return { plain: fromUnits(units), folded: fromUnits(units.map((c) => config.fold.get(c) ?? c)), slowUnits: 0 };
  }
  let input = term;
  if (input.length > slowBudget) {
    const cut = Math.max(0, slowBudget);
    input = term.slice(0, cut > 0 && isHighSurrogate(term.charCodeAt(cut - 1)) ? cut - 1 : cut);
  }
  const text = normaliseUnicode(input, config, limit, true)!;
  return { plain: text.plain, folded: text.folded, slowUnits: input.length };
}

function foldAscii(lower: string, config: NormaliserConfig): string {
  if (config.fold.size === 0) return lower;
  return foldWith(lower, asciiFoldTable(config.fold));
}

/**
 * `lower` (ASCII) with each unit the table maps replaced. A few replacements (`p@ssw0rd`): the
 * unchanged pieces joined, cheapest for short passwords. Past ROPE_MAX of them (a digit run read
 * as letters, `1` × 256): one flat string made from the units instead — joining n pieces made a
 * rope of n strings that every later read or hash of the result flattened again (measured: 5.6 µs
 * against 2.2 µs for 256 digits, hashing included).
 */
function foldWith(lower: string, table: Int32Array): string {
  const n = lower.length;
  let out = '';
  let from = 0;
  let pieces = 0;
  for (let i = 0; i < n; i++) {
    const f = table[lower.charCodeAt(i)]!;
    if (f < 0) continue;
    if (++pieces > ROPE_MAX) return foldByUnits(lower, table);
    out += lower.slice(from, i) + String.fromCharCode(f);
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

const ROPE_MAX = 16;

function foldByUnits(lower: string, table: Int32Array): string {
  const n = lower.length;
  if (foldUnits.length < n) foldUnits = new Uint16Array(Math.max(n, 2 * foldUnits.length));
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    const f = table[c]!;
    foldUnits[i] = f < 0 ? c : f;
  }
  // fromCharCode takes its units as arguments: in chunks, so no input meets an engine's limit.
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, foldUnits.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return out;
}

/** Units of the current foldByUnits call (module scratch: one call at a time). */
let foldUnits = new Uint16Array(256);

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

// ASCII in, one unit out per unit in: the offset maps are the identity, so every call shares
// views of one read-only table instead of filling two new arrays.
const IDENTITY = Uint32Array.from({ length: 4098 }, (_, i) => i);

/**
 * IDENTITY.subarray(shift, shift + n), the same view object for every call with that length up to
 * VIEW_CACHE_MAX (the passwords of the default caps): two views made per evaluation were ~190 bytes
 * of its allocation. The views were already windows on one shared table, never written.
 */
function identityView(n: number, shift: 0 | 1): Uint32Array {
  if (n > VIEW_CACHE_MAX) return IDENTITY.subarray(shift, shift + n);
  const cache = shift === 0 ? startViews : endViews;
  return (cache[n] ??= IDENTITY.subarray(shift, shift + n));
}
const VIEW_CACHE_MAX = 256;
const startViews: (Uint32Array | undefined)[] = [];
const endViews: (Uint32Array | undefined)[] = [];

// The common case: ASCII in, one unit out per unit in.
function normaliseAscii(password: string, config: NormaliserConfig): NormalisedText {
  const n = password.length;
  const plain = password.toLowerCase();
  const start = n < IDENTITY.length ? identityView(n, 0) : Uint32Array.from({ length: n }, (_, i) => i);
  const end = n + 1 < IDENTITY.length ? identityView(n, 1) : Uint32Array.from({ length: n }, (_, i) => i + 1);
  const folded = foldWith(plain, asciiFoldTable(config.fold));
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

/**
 * Cluster by cluster, so every output unit keeps the span it came from. Over `limit` output
 * units: null, or (`cut`) the clusters that fit.
 */
function normaliseUnicode(password: string, config: NormaliserConfig, limit: number, cut = false): NormalisedText | null {
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
    if (plainUnits.length + seg.length > limit) {
      if (!cut) return null;
      break;
    }
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
