/**
 * Pure helpers for the word-list build: reducing a leaked password to its base term, ASCII
 * folding of month/weekday names, and Russian transliteration. No I/O here so tests can
 * table-test them without building anything.
 */

/** Shortest and longest base term kept; 4–16 mirrors Entra's custom-list limits (research §1.7). */
export const MIN_TERM_LENGTH = 4;
export const MAX_TERM_LENGTH = 16;

/**
 * Leetspeak undone inside a password's core. Ambiguous characters list their readings most
 * likely first; the build resolves them by popularity (see `deriveBaseTerm`). 2, 6, 8 and 9
 * are left out on purpose: inside real entries they are far more often digits than letters
 * (`blink182`, `b2b`), and mapping them produced noise terms when tried.
 */
const LEET: ReadonlyMap<string, readonly string[]> = new Map([
  ['0', ['o']],
  ['1', ['i', 'l']],
  ['3', ['e']],
  ['4', ['a']],
  ['5', ['s']],
  ['7', ['t']],
  ['@', ['a']],
  ['$', ['s']],
  ['!', ['i']],
  ['|', ['l', 'i']],
]);

/** Separators people put between words (`i.love.you`, `john_smith`): joined, not rejected. */
const SEPARATORS = new Set([' ', '.', '_', '-']);

/** More ambiguous characters than this and we stop expanding; the first reading is used. */
const MAX_AMBIGUOUS_EXPANSIONS = 3;

function isLower(c: string): boolean {
  return c >= 'a' && c <= 'z';
}

/** ASCII, but not a lowercase letter: digits, symbols, space (input is already lowercased). */
function isAsciiAffix(c: string): boolean {
  return c.charCodeAt(0) < 128 && !isLower(c);
}

/**
 * All plausible base terms for one password, most likely reading first. Empty when the password
 * has no letter core of 4–16 letters once affixes are stripped and leetspeak undone.
 *
 * Steps: lowercase; strip the trailing run of ASCII non-letters (`2020!`, `123`); strip the
 * leading run of ASCII non-letters except an `@`/`$` directly before a letter (`@dmin`, `$hadow` are leet, `!pass`
 * is a symbol); then every inner character must be a letter, a separator or a leet character.
 * Linear scans only — no regular expressions, so no backtracking on hostile input.
 */
export function deriveBaseCandidates(password: string): string[] {
  const s = password.toLowerCase();
  // Only ASCII digits and symbols are affixes; a non-ASCII letter (`Ángel`) stops the strip and
  // then fails the core check, rather than being cut off and leaving a bogus `ngel`.
  let end = s.length;
  while (end > 0 && isAsciiAffix(s.charAt(end - 1))) end--;
  let start = 0;
  while (start < end) {
    const c = s.charAt(start);
    if (!isAsciiAffix(c)) break;
    if ((c === '@' || c === '$') && isLower(s.charAt(start + 1))) break;
    start++;
  }
  if (end - start < MIN_TERM_LENGTH) return [];

  // Build the candidates as a list of per-position choices, then expand.
  const choices: (readonly string[])[] = [];
  let ambiguous = 0;
  for (let i = start; i < end; i++) {
    const c = s.charAt(i);
    if (isLower(c)) {
      choices.push([c]);
      continue;
    }
    if (SEPARATORS.has(c)) continue;
    const leet = LEET.get(c);
    if (leet === undefined) return [];
    if (leet.length > 1 && ambiguous < MAX_AMBIGUOUS_EXPANSIONS) {
      ambiguous++;
      choices.push(leet);
    } else {
      choices.push([leet[0] ?? c]);
    }
  }
  if (choices.length < MIN_TERM_LENGTH || choices.length > MAX_TERM_LENGTH) return [];

  let out: string[] = [''];
  for (const options of choices) {
    const next: string[] = [];
    for (const prefix of out) for (const o of options) next.push(prefix + o);
    out = next;
  }
  return out;
}

/**
 * The base term of a password, or null. With ambiguous leet (`1` = i or l), `score` picks the
 * reading that is more popular (the build passes the counts of unambiguous entries); ties and a
 * missing score keep the first reading.
 *
 * `1qaz2wsx` → null on purpose: `2` is not leet, and keyboard walks are the job of the
 * KEYBOARD_WALK check, not the banned-term list.
 */
export function deriveBaseTerm(
  password: string,
  score?: (term: string) => number,
): string | null {
  const candidates = deriveBaseCandidates(password);
  let best: string | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    const v = score ? score(c) : 0;
    if (best === null || v > bestScore) {
      best = c;
      bestScore = v;
    }
  }
  return best;
}

/** Letters NFD does not decompose; everything else folds by dropping combining marks. */
export const EXTRA_FOLD: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['ł', 'l'],
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ı', 'i'],
]);

/**
 * Lowercase ASCII fold: `Février` → `fevrier`, `październik` → `pazdziernik`, `März` → `marz`.
 * Characters that still are not a–z are dropped (hyphens, spaces), so `segunda-feira` →
 * `segundafeira`; callers that need the parts split first.
 */
export function foldAscii(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    const extra = EXTRA_FOLD.get(ch);
    if (extra !== undefined) out += extra;
    else if (isLower(ch)) out += ch;
  }
  return out;
}

/** German writers without umlauts type ae/oe/ue (`maerz`), so both spellings are banned. */
export function foldGermanUmlauts(word: string): string {
  return foldAscii(
    word.toLowerCase().replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue'),
  );
}

/** Simple practical romanisation (BGN/PCGN-like, soft/hard signs dropped): `январь` → `yanvar`. */
const RU_ROMAN: ReadonlyMap<string, string> = new Map([
  ['а', 'a'], ['б', 'b'], ['в', 'v'], ['г', 'g'], ['д', 'd'], ['е', 'e'], ['ё', 'e'],
  ['ж', 'zh'], ['з', 'z'], ['и', 'i'], ['й', 'y'], ['к', 'k'], ['л', 'l'], ['м', 'm'],
  ['н', 'n'], ['о', 'o'], ['п', 'p'], ['р', 'r'], ['с', 's'], ['т', 't'], ['у', 'u'],
  ['ф', 'f'], ['х', 'kh'], ['ц', 'ts'], ['ч', 'ch'], ['ш', 'sh'], ['щ', 'shch'], ['ъ', ''],
  ['ы', 'y'], ['ь', ''], ['э', 'e'], ['ю', 'yu'], ['я', 'ya'],
]);

/**
 * Russian typed on a US keyboard with the layout left on ЙЦУКЕН: `пароль` → `gfhjkm`. This is
 * how the transliterations in the 1M list arise, so month names get the same treatment.
 * Letters that sit on punctuation keys (х ъ ж э б ю ё) map to that punctuation, which makes
 * the result non-[a-z] and the caller drops it.
 */
const RU_KEYBOARD_FROM = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const RU_KEYBOARD_TO = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";

export function romaniseRussian(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += RU_ROMAN.get(ch) ?? ch;
  return out;
}

export function russianOnQwerty(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) {
    const i = RU_KEYBOARD_FROM.indexOf(ch);
    out += i >= 0 ? RU_KEYBOARD_TO.charAt(i) : ch;
  }
  return out;
}

/** True for a non-empty string of a–z only. */
export function isAsciiLowerWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isLower(s.charAt(i))) return false;
  return true;
}
