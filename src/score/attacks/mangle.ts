import { guessesForWord } from '../guesses.js';
import type { Attack, AttackInput, Found } from './types.js';
import { DUPLICATE_EACH_RANK, RULE_RANK } from './rule-ranks.js';
import { AFFIX_MAX, coreEnd, coreStart, isAffix, isDigit, isLetter, maskSpace, prependRule, reverse, typedSpan } from './text-rules.js';

/**
 * Wordlist + mangling rules, inverted (issue 19): what crackers try first still got through —
 * words reversed (`llabteksab`, `elppaeniP`, `!uoyevoli`, `1enihsnus`), a word followed by its
 * reversal (`salmonnomlas`), a word typed twice, a digit in front of a word (`5kalamazoo`). The
 * password, less at most AFFIX_MAX digits or symbols at either end, is undone by each rule and
 * looked up in the ranked dictionary; the guesses are the word's rank × the rule's position in
 * the tools' default lists (rule-ranks.ts) × the ends (a mask over their classes, as a hybrid
 * attack appends them) × the capitals and substitutions varied (guesses.ts).
 *
 * Appended digits and symbols alone (`monkey123`) are not found here: the split's affixes and
 * its word-pair rule price them already (estimate.ts).
 */
export type MangleKind = 'reverse' | 'reflect' | 'duplicate' | 'prepend' | 'insert' | 'duplicate-each';

interface MangleFound extends Found<MangleKind> {
  readonly rank: number;
  /** The word's typed and folded forms in the order the word is spelt (the case factor). */
  readonly typed: string;
  readonly folded: string;
  readonly prefix: string;
  readonly suffix: string;
  /** The digits or symbols an insertion rule put inside the word (`insert` only, else ''). */
  readonly inserted: string;
}

/** The WEAK finding's `kind` for each rule (public: the locales word them). */
const EXPLAIN: Readonly<Record<MangleKind, string>> = {
  reverse: 'reversed-word', reflect: 'reflected-word', duplicate: 'doubled-word', prepend: 'digit-before-word',
  insert: 'inserted-characters', 'duplicate-each': 'each-character-twice',
};

/** Shorter words are everywhere in random strings; 4 letters reversed is still a word. */
const MIN_WORD_LENGTH = 4;

export const mangleAttack: Attack<MangleKind, MangleFound> = {
  name: 'wordlist + mangling rules',
  find: findMangled,
  price(f) {
    const word = guessesForWord(f.rank, f.folded, f.typed);
    let rule: number;
    if (f.kind === 'insert') {
      // Insertion rules (`i4 6`, hashcat and John alike) put a character at every position of
      // every word: a run of k digits or symbols inside costs the positions × its mask.
      rule = (f.folded.length - 1) * Math.min(maskSpace(f.inserted), isYear(f.inserted) ? YEARS : Infinity);
    } else if (f.kind === 'prepend') {
      rule = prependRule(f.prefix);
    } else if (f.kind === 'duplicate-each') {
      rule = DUPLICATE_EACH_RANK;
    } else rule = RULE_RANK[f.kind] * maskSpace(f.prefix);
    return Math.min(word * rule * maskSpace(f.suffix), Number.MAX_VALUE);
  },
  explain(f) {
    return EXPLAIN[f.kind];
  },
  kinds: [...new Set(Object.values(EXPLAIN))],
};

function findMangled(input: AttackInput): MangleFound[] {
  const { text, dictionary } = input;
  const plain = text.plain;
  const n = plain.length;
  if (n < MIN_WORD_LENGTH) return NONE;
  const doubled = findEachTwice(input);
  if (doubled !== null) return [doubled];
  const p = coreStart(plain);
  const q = coreEnd(plain, p);
  const coreLength = q - p;
  if (coreLength < MIN_WORD_LENGTH) return NONE;
  const inserted = findInserted(input, p, q);
  // A passphrase's separators are inside: the core must be one word's letters.
  const f = text.folded;
  // A leet digit or symbol inside the word (`p@ss`) folds to a letter.
  for (let i = p; i < q; i++) if (!isLetter(f.charCodeAt(i))) return inserted === null ? NONE : [inserted];
  let out: MangleFound[] | null = inserted === null ? null : [inserted];
  const add = (kind: MangleKind, word: string, from: number, to: number, backwards: boolean) => {
    const id = dictionary.index.idOf(word);
    if (id < 0) return;
    const typed = typedSpan(input.password, text, from, to);
    if (typed === null) return;
    (out ??= []).push({
      start: 0, end: n, kind, rank: dictionary.rank[id]!, folded: word, typed: backwards ? reverse(typed) : typed,
      prefix: plain.slice(0, p), suffix: plain.slice(q), inserted: '',
    });
  };
  // Most passwords are no rule's output: compare in place before building any string.
  if (coreLength % 2 === 0 && coreLength >= 2 * MIN_WORD_LENGTH) {
    const h = coreLength / 2;
    if (isReflection(f, p, p + h, q)) add('reflect', f.slice(p, p + h), p, p + h, false);
    else if (isDuplicate(f, p, p + h, q)) add('duplicate', f.slice(p, p + h), p, p + h, false);
  }
  const folded = f.slice(p, q);
  if (!isReflection(f, p, p, q)) add('reverse', reverse(folded), p, q, true); // not a palindrome
  if (p > 0) add('prepend', folded, p, q, false);
  return out ?? NONE;
}

const NONE: MangleFound[] = [];

/**
 * Every character typed twice, the whole password (`q`): pairs equal as folded, so case and
 * substitutions are read on the half; the half, digits included, looked up as one entry
 * (`angel1`). Most passwords differ in their first pair.
 */
function findEachTwice(input: AttackInput): MangleFound | null {
  const { text, dictionary, password } = input;
  const f = text.folded;
  const n = f.length;
  if (n % 2 !== 0 || n < 2 * MIN_WORD_LENGTH || password.length !== n) return null;
  for (let i = 0; i < n; i += 2) if (f.charCodeAt(i) !== f.charCodeAt(i + 1)) return null;
  let half = '';
  let typed = '';
  for (let i = 0; i < n; i += 2) {
    half += f[i];
    typed += password[i];
  }
  const id = dictionary.index.idOf(half);
  if (id < 0) return null;
  return { start: 0, end: n, kind: 'duplicate-each', rank: dictionary.rank[id]!, folded: half, typed, prefix: '', suffix: '', inserted: '' };
}

/**
 * An insertion rule undone (`bolste60r`, `champa2032ign`, `vel6oci6ty` less one run): the core
 * [p, q) as typed holds one run of 1–AFFIX_MAX digits or symbols with letters on both sides;
 * without it the letters are a dictionary word. Read on `plain` (as typed, lowercased): folded,
 * the digits would be letters (`6` as `g`).
 */
function findInserted(input: AttackInput, p: number, q: number): MangleFound | null {
  const { text, dictionary } = input;
  const plain = text.plain;
  let runStart = -1;
  let runEnd = -1;
  for (let i = p; i < q; i++) {
    const c = plain.charCodeAt(i);
    if (isLetter(c)) continue;
    if (!isAffix(c)) return null; // a space or another script: not one word
    if (runStart < 0) {
      runStart = i;
      runEnd = i + 1;
      while (runEnd < q && isAffix(plain.charCodeAt(runEnd))) runEnd++;
      i = runEnd - 1;
    } else return null; // a second run: two rules, left to the split
  }
  if (runStart <= p || runEnd >= q || runEnd - runStart > AFFIX_MAX) return null;
  if (q - p - (runEnd - runStart) < MIN_INSERT_WORD_LENGTH) return null;
  const f = text.folded;
  const word = f.slice(p, runStart) + f.slice(runEnd, q);
  const id = dictionary.index.idOf(word);
  if (id < 0) return null;
  const typedBefore = typedSpan(input.password, text, p, runStart);
  const typedAfter = typedSpan(input.password, text, runEnd, q);
  if (typedBefore === null || typedAfter === null) return null;
  return {
    start: 0, end: plain.length, kind: 'insert', rank: dictionary.rank[id]!, folded: word, typed: typedBefore + typedAfter,
    prefix: plain.slice(0, p), suffix: plain.slice(q), inserted: plain.slice(runStart, runEnd),
  };
}

/** A year inside (`be2022llows`) is one of the years people type, not any 4 digits. */
const YEARS = 200;
const isYear = (s: string) => s.length === 4 && (s.startsWith('19') || s.startsWith('20')) && isDigit(s.charCodeAt(2)) && isDigit(s.charCodeAt(3));

/** Shorter words with a run inside are everywhere in random strings (`ab12cd` → `abcd`). */
const MIN_INSERT_WORD_LENGTH = 5;

/** Whether f[mid, to) is f[from, mid) backwards (mid = from: f[from, to) is a palindrome). */
function isReflection(f: string, from: number, mid: number, to: number): boolean {
  if (mid === from) {
    for (let i = from, j = to - 1; i < j; i++, j--) if (f.charCodeAt(i) !== f.charCodeAt(j)) return false;
    return true;
  }
  for (let i = from, j = to - 1; i < mid; i++, j--) if (f.charCodeAt(i) !== f.charCodeAt(j)) return false;
  return true;
}

function isDuplicate(f: string, from: number, mid: number, to: number): boolean {
  for (let i = from, j = mid; j < to; i++, j++) if (f.charCodeAt(i) !== f.charCodeAt(j)) return false;
  return true;
}
