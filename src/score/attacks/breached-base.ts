import { guessesForWord } from '../guesses.js';
import { SCORE_THRESHOLDS } from '../strength.js';
import type { Attack, AttackInput, BaseList, Found } from './types.js';
import { AFFIX_MAX, coreEnd, coreStart, isLetter, maskSpace, prependRule, reverse, typedForLetter, typedSpan } from './text-rules.js';
import { RULE_RANK } from './rule-ranks.js';
import { SEPARATOR_CHOICES, isSeparator } from './combinator.js';
import { cheapestFirst } from './cheapest-first.js';

/**
 * A leaked password run through the mangling rules (issue 19): crackers' first wordlist is a
 * breach list (rockyou with best64), not a dictionary, so `5kalamazoo`, `Winniethepooh1`,
 * `leddzeppelin` and `rotimiimitor` fall early although no dictionary holds their base — the
 * 1 M-password list does. The breached filter answers "is this string a leaked password" but
 * not its rank, so a base it holds is priced at the list's length (every entry tried before the
 * rule moves on), times the rule: the ends added (a mask over their classes, as mangle.ts), the
 * capitals and substitutions varied (guesses.ts), and at most one structural rule undone —
 * reversed, reflected, typed twice, one letter doubled, separators put between words.
 *
 * Each lookup is a chance of a false hit (the filter's false-positive rate): the attack runs only
 * on a filter whose rate is at most MAX_FALSE_POSITIVE_RATE, makes at most MAX_LOOKUPS lookups,
 * and skips a variant whose price could not reach a score below 4 (SCORE_THRESHOLDS[3]): such a
 * hit would change no score and no verdict.
 */
export type BreachedBaseKind = 'affix' | 'reverse' | 'reflect' | 'duplicate' | 'doubled-letter' | 'separators';

interface BaseFound extends Found<BreachedBaseKind> {
  readonly guesses: number;
}

/** 1e-5: the shipped 1 M filter's. With MAX_LOOKUPS a strong password is refused by a false hit at most ~1 in 12,000 times; ~1 in 40,000 at the lookups measured (docs/evidence/breached-base.md). */
export const MAX_FALSE_POSITIVE_RATE = 1e-5;
/** Lookups a password may cost (the cheapest variants first). */
const MAX_LOOKUPS = 8;
/** Shorter bases are in any list (every short string was someone's password). */
const MIN_BASE_LENGTH = 4;
/**
 * Longer bases are hardly ever a list entry, so a lookup of one is mostly a chance of a false
 * hit: 99.7 % of the 1 M list's entries have at most 16 characters. Before this bound, passphrases
 * joined back (`during-upgrade-enamel`) were 6 false rejections in 200,000 of the passphrase
 * families (docs/evidence/breached-base.md: the command and the figures).
 */
const MAX_BASE_LENGTH = 16;
/** Doubled letters tried one by one (a typo doubles one letter; a string of them is no typo). */
const MAX_DOUBLED = 3;
/** Past this price a hit changes no score (4 starts there) and no verdict. */
const PRICE_CAP = SCORE_THRESHOLDS[3];

export const breachedBaseAttack: Attack<BreachedBaseKind, BaseFound> = {
  name: 'breach list + mangling rules',
  find: findBreachedBase,
  price: (f) => f.guesses,
  explain: () => 'leaked-password-variant',
  kinds: ['leaked-password-variant'],
};

/**
 * The variants of the password being read, in module scratch (one evaluation at a time; no
 * object per variant, no sort closure): base, price and kind at the same index, in the order
 * added. Every base is cleared after the lookups, so no text of a password outlives its call.
 */
const MAX_VARIANTS = 16; // the rules below add at most 10
const variantBase: string[] = Array<string>(MAX_VARIANTS).fill('');
const variantKind: BreachedBaseKind[] = Array<BreachedBaseKind>(MAX_VARIANTS).fill('affix');
const variantGuesses = new Float64Array(MAX_VARIANTS);
const variantOrder = new Int32Array(MAX_VARIANTS);
let variantCount = 0;

/** The breach list as a wordlist, when its filter is precise enough to look variants up in. */
export function preciseBreachList(input: AttackInput): BaseList | null {
  const list = input.breached;
  return list && list.falsePositiveRate <= MAX_FALSE_POSITIVE_RATE ? list : null;
}

function findBreachedBase(input: AttackInput): BaseFound[] {
  const list = preciseBreachList(input);
  if (!list) return NONE;
  const { password, text } = input;
  const plain = text.plain;
  const n = plain.length;
  if (n < MIN_BASE_LENGTH || n > 2 * MAX_BASE_LENGTH + 2 * AFFIX_MAX) return NONE;
  const p = coreStart(plain);
  const q = coreEnd(plain, p);
  // Every variant is at least half the core (separators sit between letters): longer cores have none.
  if (q - p < MIN_BASE_LENGTH || q - p > 2 * MAX_BASE_LENGTH) return NONE;
  const rank = list.count;
  // The ends: what was put before (text-rules.ts), a mask after. Most of the price is known
  // before any string is built: long ends put every variant past the cap.
  const ends = (p > 0 ? prependRule(plain.slice(0, p)) : 1) * (q < n ? maskSpace(plain.slice(q)) : 1);
  const unleeted = unleet(plain, text.folded);
  // (Only the whole password with its substitutions undone has no ends to pay for.)
  if (rank * ends >= PRICE_CAP && unleeted === plain) return NONE;
  const typed = typedSpan(password, text, p, q);
  if (typed === null) return NONE;
  const lower = q - p === n ? plain : plain.slice(p, q);
  // The capitals varied, the same read forwards or backwards (guesses.ts).
  const asTyped = typed === lower ? rank : guessesForWord(rank, lower, typed);
  variantCount = 0;
  // As typed, lowercased, substitutions undone: the whole password itself was looked up already
  // (engine/evaluate.ts), so only a core that lost its ends is new.
  if (p > 0 || q < n) {
    add(typed, 'affix', rank * ends);
    if (lower !== typed) add(lower, 'affix', asTyped * ends);
  }
  if (unleeted !== plain) {
    const folded = unleeted.slice(p, q);
    if (folded !== lower) add(folded, 'affix', guessesForWord(rank, folded, typed) * ends);
    // Digits at the end may be substitutions, not an added end (`k@lamaz00`): the whole password
    // with its substitutions undone, at no cost for ends.
    if (p > 0 || q < n) {
      const whole = typedSpan(password, text, 0, n);
      if (whole !== null) add(unleeted, 'affix', guessesForWord(rank, unleeted, whole));
    }
  }
  const rev = reverse(lower);
  if (rev !== lower) add(rev, 'reverse', asTyped * RULE_RANK.reverse * ends);
  const len = lower.length;
  if (len % 2 === 0 && len >= 2 * MIN_BASE_LENGTH) {
    const h = len / 2;
    const half = lower.slice(0, h);
    // A word followed by itself backwards is a palindrome; followed by itself, a repeat.
    const rule = rev === lower ? RULE_RANK.reflect : lower.endsWith(half) ? RULE_RANK.duplicate : 0;
    if (rule > 0) add(half, rule === RULE_RANK.reflect ? 'reflect' : 'duplicate', guessesForWord(rank, half, typed.slice(0, h)) * rule * ends);
  }
  let doubled = 0;
  for (let i = 1; i < len && doubled < MAX_DOUBLED; i++) {
    // A letter typed twice, not a run of three or more.
    const c = lower.charCodeAt(i);
    if (c !== lower.charCodeAt(i - 1) || !isLetter(c) || lower.charCodeAt(i + 1) === c || lower.charCodeAt(i - 2) === c) continue;
    doubled++;
    const base = lower.slice(0, i) + lower.slice(i + 1);
    add(base, 'doubled-letter', guessesForWord(rank, base, typed.slice(0, i) + typed.slice(i + 1)) * len * ends);
  }
  const joined = withoutSeparators(lower, typed);
  if (joined !== null) add(joined[0], 'separators', guessesForWord(rank, joined[0], joined[1]) * SEPARATOR_CHOICES * ends);
  const count = variantCount;
  if (count === 0) return NONE;
  // Cheapest first, ties in the order added (as the stable sort by price did).
  cheapestFirst(variantGuesses, count, variantOrder);
  const lookups = Math.min(count, MAX_LOOKUPS);
  let found: BaseFound[] = NONE;
  for (let i = 0; i < lookups; i++) {
    const v = variantOrder[i]!;
    if (list.mayContain(variantBase[v]!)) {
      found = [{ start: 0, end: n, kind: variantKind[v]!, guesses: variantGuesses[v]! }];
      break;
    }
  }
  for (let i = 0; i < count; i++) variantBase[i] = '';
  return found;
}

const NONE: BaseFound[] = [];

function add(base: string, kind: BreachedBaseKind, guesses: number): void {
  if (base.length >= MIN_BASE_LENGTH && base.length <= MAX_BASE_LENGTH && guesses < PRICE_CAP) {
    const k = variantCount++;
    variantBase[k] = base;
    variantKind[k] = kind;
    variantGuesses[k] = guesses;
  }
}

/**
 * The password lowercased with its substitutions undone (`k@lamaz00` → `kalamazoo`): digits and
 * symbols the normaliser reads as letters take those letters; letters stay as typed, because
 * the folded form also merges look-alike letters (`l` with `i`), which no breach list does.
 */
function unleet(plain: string, folded: string): string {
  let i = 0;
  while (i < plain.length && !typedForLetter(plain, folded, i)) i++;
  if (i === plain.length) return plain; // most passwords: nothing substituted
  let out = plain.slice(0, i);
  for (; i < plain.length; i++) out += typedForLetter(plain, folded, i) ? folded[i] : plain[i];
  return out;
}

/**
 * The core with single separators between letters removed (`go-jump` → `gojump`), lowercased and
 * as typed, or null when it has none. `lower` and `typed` have the same length.
 */
function withoutSeparators(lower: string, typed: string): [string, string] | null {
  let i = 1;
  while (i < lower.length - 1 && !between(lower, i)) i++;
  if (i >= lower.length - 1) return null; // most passwords
  let joined = lower.slice(0, i);
  let joinedTyped = typed.slice(0, i);
  for (i++; i < lower.length; i++) {
    if (between(lower, i)) continue;
    joined += lower[i];
    joinedTyped += typed[i];
  }
  return [joined, joinedTyped];
}

/** A separator with a letter on each side. */
const between = (s: string, i: number): boolean =>
  i > 0 && i < s.length - 1 && isSeparator(s.charCodeAt(i)) && isLetter(s.charCodeAt(i - 1)) && isLetter(s.charCodeAt(i + 1));

