import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nodePlatform } from '../../src/assets/node.js';
import { buildState, type EngineState } from '../../src/engine/state.js';
import { normaliseWithin } from '../../src/normalise/normalise.js';
import { transliterate } from '../../src/detect/patterns/transliterate.js';
import { scanWords } from '../../src/detect/word-scan.js';
import { findWords } from '../../src/detect/dictionary.js';
import { combinatorAttack } from '../../src/score/attacks/combinator.js';
import { SHORT_WORD_RANK } from '../../src/score/attacks/short-words.js';
import type { AttackInput, Found } from '../../src/score/attacks/types.js';

// The combinator's phrase search as it was first written (a closure per DP cell, short words
// looked up by slicing): the oracle for the allocation-free version (issue 19, speed). The same
// phrases with the same figures, on words joined as people join them and on random strings.
type CombinatorKind = 'phrase';
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
const SEPARATOR_CHOICES = SEPARATORS.length + 1;

/** DP scratch per (k, i): the best ln-product of k words covering [start, i), that start, and
 * whether a word of one or two letters is among them. */
let bestLn = new Float64Array(0);
let bestFrom = new Int32Array(0);
let bestShort = new Uint8Array(0);

function oldFindPhrases(input: AttackInput): PhraseFound[] {
  const { text, dictionary, wordAt } = input;
  const f = text.folded;
  // Letters as typed: a digit or symbol read as a letter (`@` as `a`) is a mangling rule's work,
  // not a combinator's, and would find `a` and `i` in every `@1`.
  const plain = text.plain;
  const n = f.length;
  if (n < 4 || n > MAX_INPUT_LENGTH) return NONE;
  let out: PhraseFound[] | null = null;
  let separator = -1;
  for (let i = 0; i < n; i++) {
    if (SEPARATORS.includes(plain[i]!) && i > 0 && isLetter(plain.charCodeAt(i - 1))) {
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
  for (const sep of separator < 0 ? [-1] : [-1, separator]) {
    bestLn.fill(Infinity, 0, size);
    // A phrase starts at the password's start or after a character that is not a letter.
    let w = 0;
    for (let i = 0; i < n; i++) {
      const starts = i === 0 || !isLetter(plain.charCodeAt(i - 1));
      // Extend covers ending at i (k words) by one word starting at i, or at i + 1 past the
      // separator; a cover of 0 words may start here.
      while (w < wordAt.length && wordAt[w]!.start < i) w++;
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
        const relax = (end: number, rank: number) => {
          if (end - from > MAX_PHRASE_LENGTH) return;
          const cell = (k + 1) * (n + 1) + end;
          const ln = base + Math.log(rank);
          if (ln < bestLn[cell]!) {
            bestLn[cell] = ln;
            bestFrom[cell] = from;
            bestShort[cell] = short | (end - (at === i ? i : at) <= 2 ? 1 : 0);
          }
        };
        for (let m = at === i ? w : firstAt(wordAt, at); m < wordAt.length && wordAt[m]!.start === at; m++) {
          const match = wordAt[m]!;
          if (lettersOnly(plain, at, match.end)) relax(match.end, dictionary.rank[match.termId]!);
        }
        if (at < n && isLetter(plain.charCodeAt(at))) {
          const r1 = SHORT_WORD_RANK.get(plain[at]!);
          if (r1 !== undefined) relax(at + 1, r1);
          if (at + 2 <= n && isLetter(plain.charCodeAt(at + 1))) {
            const r2 = SHORT_WORD_RANK.get(plain.slice(at, at + 2));
            if (r2 !== undefined) relax(at + 2, r2);
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

/** First index of wordAt whose match starts at or after `at` (wordAt is sorted by start). */
function firstAt(wordAt: AttackInput['wordAt'], at: number): number {
  let lo = 0;
  let hi = wordAt.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (wordAt[mid]!.start < at) lo = mid + 1;
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

/** Letters of the lowercase text: ASCII, or beyond ASCII. */
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || c >= 0xc0;

const WORDS = ['this', 'is', 'not', 'my', 'password', 'go', 'jump', 'in', 'a', 'lake', 'i', 'love', 'you', 'so', 'much', 'customer', 'care', 'pass', 'summer', 'dragon', 'to', 'be', 'or', 'monkey', 'x', 'qz'];
const SEPS = ['', '', '', ' ', '-', '_', '.', '+', '1', '!', '@'];

describe('combinator phrase search against its first version', () => {
  let state: EngineState;
  beforeAll(async () => {
    state = await buildState(nodePlatform, { breached: false });
  });
  const input = (password: string): AttackInput => {
    const typed = transliterate(password);
    const text = normaliseWithin(typed, state.normaliser, 512)!;
    const link = state.bannedWords?.peek();
    const wordAt = link ? scanWords(state.dictionary!, link, text.folded).words : findWords(state.dictionary!, text.folded);
    return { password: typed, text, dictionary: state.dictionary!, wordAt };
  };
  const phrase = fc.tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }),
    fc.constantFrom(...SEPS),
    fc.constantFrom('lower', 'Title', 'UPPER', 'Words', 'random'),
    fc.constantFrom('', '1', '2024', '!', '12ab'),
  ).map(([words, sep, caps, suffix]) => {
    const w = words.map((x) => (caps === 'Words' ? x.charAt(0).toUpperCase() + x.slice(1) : x));
    let s = w.join(sep) + suffix;
    if (caps === 'Title') s = s.charAt(0).toUpperCase() + s.slice(1);
    if (caps === 'UPPER') s = s.toUpperCase();
    if (caps === 'random') s = [...s].map((c, i) => (i % 3 === 1 ? c.toUpperCase() : c)).join('');
    return s;
  });
  const random = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzIAOS0123456789 -_.+@é'), { minLength: 0, maxLength: 40 }).map((u) => u.join(''));

  it('finds the same phrases', () => {
    fc.assert(
      fc.property(fc.oneof(phrase, random), (password) => {
        const i = input(password);
        // The same phrases; main's version (87d759b) searches the separated reading first, so
        // the order is compared apart from the phrases.
        const key = (f: { start: number; end: number; count: number; separated: boolean }) => `${f.start}:${f.end}:${f.count}:${f.separated}`;
        const sorted = <T extends { start: number; end: number; count: number; separated: boolean }>(xs: readonly T[]) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
        expect(sorted(combinatorAttack.find(i) as readonly PhraseFound[])).toEqual(sorted(oldFindPhrases(i)));
      }),
      { numRuns: 3000 },
    );
  });
});
