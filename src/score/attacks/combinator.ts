import type { Attack, AttackInput, Found } from './types.js';
import { SHORT_WORD_RANK } from './short-words.js';
import { isLetter } from './text-rules.js';

/**
 * Combinator (issue 19): two to MAX_WORDS words from ranked lists, run together or joined by one
 * separator — sentences (`thisisnotmypassword`, `youwillneverguessmypassword`), spaced idioms
 * (`go jump in a lake`), a word with `pass`. The split (strength.ts) prices a chain of l words at
 * l!·Π ranks + 10^4^(l−1): the 10^4 per extra token (zxcvbn's guard against tiny tokens) puts every
 * sentence of five short words above 10^16, whatever its words. An attacker joining words from
 * ranked lists enumerates the tuples in order of their rank product, and the number of k-tuples
 * whose product is at most P is about
 *
 *     P · (ln P)^(k−1) / (k−1)!
 *
 * (the count of integer points under x₁·…·x_k ≤ P), times the separators tried (SEPARATORS:
 * none or one of them, the same between every two words) and the capitals varied. The words are
 * the dictionary's (3+ letters) and the commonest English words of one or two letters
 * (short-words.ts), which the dictionary leaves out; each word letters only (as folded, so `p@ss`
 * counts), so digits and symbols around a phrase stay the split's affixes.
 */
export type CombinatorKind = 'phrase';

interface PhraseFound extends Found<CombinatorKind> {
  /** Words joined. */
  readonly count: number;
  /** ln of the product of the words' ranks. */
  readonly lnProduct: number;
  readonly separated: boolean;
  /** The capitals and substitutions varied over the whole phrase (1 when typed as listed). */
  readonly variation: number;
}

/** Words an attacker joins: more is a sentence list, not a combinator. */
const MAX_WORDS = 6;
/** Phrases longer than this are no combinator's output (and the search stays linear in n). */
const MAX_PHRASE_LENGTH = 64;
/** The shortest phrase, and the fewest characters a word on average (measured: `IIS` read as
 * `i is` made a random alphanumeric of 9 a false rejection). */
const MIN_PHRASE_LENGTH = 6;
const MIN_LETTERS_PER_WORD = 3;
/** Beyond this length the password is not searched for phrases at all (bounded work). */
const MAX_INPUT_LENGTH = 256;
/** What goes between the words: nothing, or one of these, the same each time. */
const SEPARATORS = ' -_.+';
export const SEPARATOR_CHOICES = SEPARATORS.length + 1;
/** One of SEPARATORS (a UTF-16 code unit). */
const SEPARATOR_CODES: ReadonlySet<number> = new Set(Array.from(SEPARATORS, (c) => c.charCodeAt(0)));
export const isSeparator = (c: number): boolean => SEPARATOR_CODES.has(c);

export const combinatorAttack: Attack<CombinatorKind, PhraseFound> = {
  name: 'combinator',
  find: findPhrases,
  price(f) {
    const ln = f.lnProduct;
    // (ln P)^(k−1)/(k−1)!, each factor at least 1: a word more never makes a phrase cheaper.
    let spread = 1;
    for (let j = 1; j < f.count; j++) spread *= Math.max(ln / j, 1); // never below one tuple per word added
    const guesses = Math.exp(ln) * Math.max(spread, 1) * (f.separated ? SEPARATOR_CHOICES : 1) * f.variation;
    return Math.min(guesses, Number.MAX_VALUE);
  },
  explain() {
    return 'common-phrase';
  },
  kinds: ['common-phrase'],
};

/** DP scratch per (k, i): the best ln-product of k words covering [start, i), that start, and
 * whether a word of one or two letters is among them. */
let bestLn = new Float64Array(0);
let bestFrom = new Int32Array(0);
let bestShort = new Uint8Array(0);
/** Per position of the current pass: 1 once a cover of one or more words ends there. */
let reached = new Uint8Array(0);
/** Per dictionary match of the current call: its start and end, and ln of its rank when its span
 * is letters only (Infinity when not: no phrase word). Read once per call, instead of once per
 * word count in the DP below (a property read and a Math.log per visit). */
let wordStart = new Int32Array(64);
let wordEnd = new Int32Array(64);
let wordLn = new Float64Array(64);

/** ln of the rank of each short word (short-words.ts), by its letters (all ASCII a–z): one
 * letter at [c − a], two at [(c₁ − a)·26 + c₂ − a]; Infinity for none. A table read instead of
 * a one- or two-letter string made and looked up per DP cell. */
const SHORT1_LN = new Float64Array(26).fill(Infinity);
const SHORT2_LN = new Float64Array(26 * 26).fill(Infinity);
for (const [word, rank] of SHORT_WORD_RANK) {
  const a = word.charCodeAt(0) - 0x61;
  if (word.length === 1) SHORT1_LN[a] = Math.log(rank);
  else SHORT2_LN[a * 26 + word.charCodeAt(1) - 0x61] = Math.log(rank);
}

function findPhrases(input: AttackInput): PhraseFound[] {
  const { text, dictionary, wordAt } = input;
  const f = text.folded;
  // Letters as typed: a digit or symbol read as a letter (`@` as `a`) is a mangling rule's work,
  // not a combinator's, and would find `a` and `i` in every `@1`.
  const plain = text.plain;
  const n = f.length;
  if (n < 4 || n > MAX_INPUT_LENGTH) return NONE;
  // Words of one or two letters fill at most 2 of the 3 characters a word needs (even with a
  // separator each): a phrase holds a dictionary word of letters. Most passwords stop here.
  // Which matches are letters only, read once (the DP below visits each match once per word count).
  const count = wordAt.length;
  if (wordLn.length < count) {
    const grown = Math.max(count, wordLn.length * 2);
    wordStart = new Int32Array(grown);
    wordEnd = new Int32Array(grown);
    wordLn = new Float64Array(grown);
  }
  let dictionaryWords = 0;
  for (let m = 0; m < count; m++) {
    const match = wordAt[m]!;
    const letters = lettersOnly(plain, match.start, match.end);
    wordStart[m] = match.start;
    wordEnd[m] = match.end;
    wordLn[m] = letters ? Math.log(dictionary.rank[match.termId]!) : Infinity;
    if (letters) dictionaryWords++;
  }
  if (dictionaryWords === 0) return NONE;
  let out: PhraseFound[] | null = null;
  let separator = -1;
  for (let i = 0; i < n; i++) {
    if (isSeparator(plain.charCodeAt(i)) && i > 0 && isLetter(plain.charCodeAt(i - 1))) {
      separator = plain.charCodeAt(i);
      break;
    }
  }
  // Words starting at each position, letters only: indexes into wordAt (sorted by start).
  const size = (MAX_WORDS + 1) * (n + 1);
  if (bestLn.length < size) {
    bestLn = new Float64Array(size * 2);
    bestFrom = new Int32Array(size * 2);
    bestShort = new Uint8Array(size * 2);
  }
  if (reached.length < n + 1) reached = new Uint8Array(2 * (n + 1));
  for (let pass = separator < 0 ? 1 : 0; pass < 2; pass++) {
    const sep = pass === 0 ? separator : -1;
    bestLn.fill(Infinity, 0, size);
    reached.fill(0, 0, n + 1);
    // A phrase starts at the password's start or after a character that is not a letter.
    let w = 0;
    for (let i = 0; i < n; i++) {
      const starts = i === 0 || !isLetter(plain.charCodeAt(i - 1));
      // No cover ends here and none may start: every cell below is skipped anyway.
      if (!starts && reached[i] === 0) continue;
      // Extend covers ending at i (k words) by one word starting at i, or at i + 1 past the
      // separator; a cover of 0 words may start here.
      while (w < count && wordStart[w]! < i) w++;
      for (let k = 0; k < MAX_WORDS; k++) {
        let from: number;
        let base: number;
        let short = 0;
        if (k === 0) {
          if (!starts) continue;
          from = i;
          base = 0;
        } else {
          base = bestLn[k * (n + 1) + i]!;
          if (base === Infinity) continue;
          from = bestFrom[k * (n + 1) + i]!;
          short = bestShort[k * (n + 1) + i]!;
        }
        let at = i;
        if (k > 0 && sep >= 0) {
          if (plain.charCodeAt(i) !== sep) continue;
          at = i + 1;
        }
        const row = (k + 1) * (n + 1);
        const limit = from + MAX_PHRASE_LENGTH;
        for (let m = at === i ? w : firstAt(count, at); m < count && wordStart[m]! === at; m++) {
          const ln = wordLn[m]!;
          if (wordEnd[m]! <= limit && ln !== Infinity) relax(row, wordEnd[m]!, base + ln, from, short);
        }
        // Short words are ASCII letters: any other unit starts none.
        const c1 = at < n ? plain.charCodeAt(at) - 0x61 : -1;
        if (c1 >= 0 && c1 < 26) {
          const ln1 = SHORT1_LN[c1]!;
          if (ln1 !== Infinity && at + 1 <= limit) relax(row, at + 1, base + ln1, from, 1);
          const c2 = at + 2 <= n && at + 2 <= limit ? plain.charCodeAt(at + 1) - 0x61 : -1;
          if (c2 >= 0 && c2 < 26) {
            const ln2 = SHORT2_LN[c1 * 26 + c2]!;
            if (ln2 !== Infinity) relax(row, at + 2, base + ln2, from, 1);
          }
        }
      }
    }
    // A phrase ends at the password's end or before a character that is not a letter.
    for (let e = 1; e <= n; e++) {
      if (e < n && isLetter(plain.charCodeAt(e))) continue;
      for (let k = 2; k <= MAX_WORDS; k++) {
        const ln = bestLn[k * (n + 1) + e]!;
        if (ln === Infinity) continue;
        const start = bestFrom[k * (n + 1) + e]!;
        // Two or three letters read as `i is` are chance in a random string: a phrase has at
        // least MIN_LETTERS_PER_WORD characters a word, MIN_PHRASE_LENGTH in all.
        if (e - start < Math.max(MIN_PHRASE_LENGTH, MIN_LETTERS_PER_WORD * k)) continue;
        const varied = variation(input, start, e);
        if (varied === 0) continue;
        // The structure rules count dictionary words (structure.ts): a phrase of those only.
        const words = bestShort[k * (n + 1) + e] ? undefined : k;
        (out ??= []).push({ start, end: e, kind: 'phrase', count: k, words, lnProduct: ln, separated: sep >= 0, variation: varied });
      }
    }
  }
  return out ?? NONE;
}

const NONE: PhraseFound[] = [];

/** Keeps the cheaper of a cell's cover and a new one (ln-product, start, short words among them). */
function relax(row: number, end: number, ln: number, from: number, short: number): void {
  const cell = row + end;
  reached[end] = 1; // ln is finite: some cell at `end` is now
  if (ln < bestLn[cell]!) {
    bestLn[cell] = ln;
    bestFrom[cell] = from;
    bestShort[cell] = short;
  }
}

/** First index of the call's matches (wordStart, sorted) that starts at or after `at`. */
function firstAt(count: number, at: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (wordStart[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The capitals over the phrase as typed, as the combinator's case rules make them: none (1), the
 * first letter, every word's first letter or all of it (2 — one rule each); 0 for anything else
 * (`soVOvAIN`): capitals scattered at random are no rule's output, and reading such a string as a
 * phrase was a new false rejection of random alphanumerics.
 */
function variation(input: AttackInput, from: number, to: number): number {
  const { password, text } = input;
  const a = text.start[from]!;
  const b = text.end[to - 1]!;
  if (b - a !== to - from) return 0; // normalisation changed lengths: not a typed phrase
  let upper = 0;
  let lower = 0;
  let wordStarts = 0;
  for (let i = 0; i < b - a; i++) {
    const c = password.charCodeAt(a + i);
    if (c >= 0x41 && c <= 0x5a) {
      upper++;
      if (i === 0 || !isUpper(password.charCodeAt(a + i - 1))) wordStarts++;
    } else if (c >= 0x61 && c <= 0x7a) lower++;
  }
  if (upper === 0) return 1;
  if (lower === 0) return 2; // all capitals
  // One capital at the start, or one at each word's start (no two capitals together).
  return wordStarts === upper ? 2 : 0;
}

const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;

function lettersOnly(f: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isLetter(f.charCodeAt(i))) return false;
  return true;
}
