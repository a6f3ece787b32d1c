import { guessesForWord } from '../guesses.js';
import type { Attack, AttackInput, Found } from './types.js';
import { JOHN_WORDLIST_RULES, PREPEND_DIGIT_RANK, RULE_RANK } from './rule-ranks.js';

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
export type MangleKind = 'reverse' | 'reflect' | 'duplicate' | 'prepend';

interface MangleFound extends Found<MangleKind> {
  readonly rank: number;
  /** The word's typed and folded forms in the order the word is spelt (the case factor). */
  readonly typed: string;
  readonly folded: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** The WEAK finding's `kind` for each rule (public: the locales word them). */
const EXPLAIN: Readonly<Record<MangleKind, string>> = {
  reverse: 'reversed-word', reflect: 'reflected-word', duplicate: 'doubled-word', prepend: 'digit-before-word',
};

/** Digits or symbols at one end a rule chain adds (hybrid masks of 1–4 characters). */
const AFFIX_MAX = 4;
/** Shorter words are everywhere in random strings; 4 letters reversed is still a word. */
const MIN_WORD_LENGTH = 4;

export const mangleAttack: Attack<MangleKind, MangleFound> = {
  name: 'wordlist + mangling rules',
  find: findMangled,
  price(f) {
    const word = guessesForWord(f.rank, f.folded, f.typed);
    let rule: number;
    if (f.kind === 'prepend') {
      // One prepended digit is a rule of its own; a longer prefix is a mask before the word.
      rule = f.prefix.length === 1 && isDigit(f.prefix.charCodeAt(0)) ? PREPEND_DIGIT_RANK[f.prefix.charCodeAt(0) - 0x30]! : JOHN_WORDLIST_RULES * maskSpace(f.prefix);
    } else rule = RULE_RANK[f.kind] * maskSpace(f.prefix);
    return Math.min(word * rule * maskSpace(f.suffix), Number.MAX_VALUE);
  },
  explain(f) {
    return EXPLAIN[f.kind];
  },
};

function findMangled(input: AttackInput): MangleFound[] {
  const { text, password, dictionary } = input;
  const plain = text.plain;
  const n = plain.length;
  const out: MangleFound[] = [];
  if (n < MIN_WORD_LENGTH) return out;
  let p = 0;
  while (p < AFFIX_MAX && p < n && isAffix(plain.charCodeAt(p))) p++;
  let q = n;
  while (n - q < AFFIX_MAX && q > p && isAffix(plain.charCodeAt(q - 1))) q--;
  const coreLength = q - p;
  if (coreLength < MIN_WORD_LENGTH) return out;
  // A passphrase's separators are inside: the core must be one word's letters.
  for (let i = p; i < q; i++) if (isAffix(plain.charCodeAt(i)) && !foldsToLetter(text.folded.charCodeAt(i))) return out;
  const folded = text.folded.slice(p, q);
  const typed = typedSpan(password, text, p, q);
  if (typed === null) return out;
  const prefix = plain.slice(0, p);
  const suffix = plain.slice(q);
  const look = (s: string): number => {
    const id = dictionary.index.idOf(s);
    return id < 0 ? 0 : dictionary.rank[id]!;
  };
  const add = (kind: MangleKind, rank: number, w: string, t: string) => {
    if (rank > 0) out.push({ start: 0, end: n, kind, rank, folded: w, typed: t, prefix, suffix });
  };
  const reversed = reverse(folded);
  if (reversed !== folded) add('reverse', look(reversed), reversed, reverse(typed));
  if (coreLength % 2 === 0 && coreLength >= 2 * MIN_WORD_LENGTH) {
    const h = coreLength / 2;
    const first = folded.slice(0, h);
    const second = folded.slice(h);
    if (second === reverse(first)) add('reflect', look(first), first, typed.slice(0, h));
    else if (second === first) add('duplicate', look(first), first, typed.slice(0, h));
  }
  if (p > 0) add('prepend', look(folded), folded, typed);
  return out;
}

/** The password as typed over folded units [from, to), or null where normalisation changed lengths. */
function typedSpan(password: string, text: AttackInput['text'], from: number, to: number): string | null {
  const a = text.start[from]!;
  const b = text.end[to - 1]!;
  return b - a === to - from ? password.slice(a, b) : null;
}

/** Strings of this class and length: digits 10, symbols 33, both 43 a character. */
function maskSpace(s: string): number {
  if (s.length === 0) return 1;
  let digits = false;
  let symbols = false;
  for (let i = 0; i < s.length; i++) {
    if (isDigit(s.charCodeAt(i))) digits = true;
    else symbols = true;
  }
  return (digits && symbols ? 43 : digits ? 10 : 33) ** s.length;
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** ASCII digits and symbols (not letters, not space, not beyond ASCII). */
const isAffix = (c: number) => c > 0x20 && c < 0x7f && !(c >= 0x61 && c <= 0x7a) && !(c >= 0x41 && c <= 0x5a);
/** A leet digit or symbol inside the word (`p@ss`) folds to a letter. */
const foldsToLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || c >= 0xc0;
