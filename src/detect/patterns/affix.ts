import { isDigit, isSymbol } from './chars.js';
import type { PatternMatch } from './types.js';

/**
 * PREDICTABLE_AFFIX: the decoration users bolt onto a word to satisfy composition rules — a run
 * of digits (`1`, `01`, `123`, `2024`) or a run of symbols (`!`, `!!!`, `!@#`). Every maximal run
 * is reported as ONE token, wherever it sits (start, end, or between words), so a token-counting
 * scorer sees `Winter2020!` as winter + 2020 + ! rather than winter + six leftover characters.
 *
 * `params.position` says where the run sits: 'prefix', 'suffix', 'infix' or 'whole' — or
 * 'separator': one space, `-`, `_`, `.`, `+`, `/` or `,` between two letters, which joins the
 * words of a passphrase (`the cat sat`). A separator is still a token (the points rule counts it,
 * the estimate prices it) but no finding: it is not "added at the start or end" (issue 19).
 * Not caught on purpose: letters (they are words for the dictionary matchers) and mixed
 * digit/symbol runs (`12!`): those are two tokens, because they are two decisions.
 */
export function findAffixes(plain: string): PatternMatch[] {
  // Gathered in module scratch and copied out at their size: one or two affixes in an array
  // grown by push reserved 17 slots (~150 B).
  const out = scratch;
  let count = 0;
  const n = plain.length;
  let i = 0;
  while (i < n) {
    const c = plain.charCodeAt(i);
    const digit = isDigit(c);
    if (!digit && !isSymbol(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    let commonSymbols = digit ? 0 : isCommonSymbol(c) ? 1 : 0;
    while (j < n) {
      const d = plain.charCodeAt(j);
      if (digit ? !isDigit(d) : !isSymbol(d)) break;
      if (!digit && isCommonSymbol(d)) commonSymbols++;
      j++;
    }
    const len = j - i;
    out[count++] = {
      start: i,
      end: j,
      code: 'PREDICTABLE_AFFIX',
      kind: digit ? 'digits' : 'symbols',
      guesses: digit ? digitGuesses(len) : symbolGuesses(len, commonSymbols),
      params: { position: i === 0 ? (j === n ? 'whole' : 'prefix') : j === n ? 'suffix' : isSeparator(plain, i, j) ? 'separator' : 'infix' },
    };
    i = j;
  }
  if (count === 0) return [];
  return out.slice(0, count); // (the scratch keeps positions and prices only, no text)
}

/** findAffixes' matches of the current call (one call at a time; no re-entry). */
const scratch: PatternMatch[] = [];

/**
 * Short digit affixes are far from uniform: `1`, `12`, `123`, `01`, `007`, `777`, years and PINs
 * dominate. Up to two digits the space is tiny anyway (10, 100); three and four digits are
 * discounted to half the uniform space as a modest nod to that skew (500, 5000). Longer runs are
 * not "bolted on" habits any more and get the full uniform space 10^len.
 */
export function digitGuesses(len: number): number {
  if (len <= 2) return len <= 1 ? 10 : 100;
  if (len <= 4) return 10 ** len / 2;
  return 10 ** len;
}

/**
 * Roughly ten symbols (`!@#$.*?_-&`) cover most decorations; each common one costs 10, any other
 * printable symbol about 33 (the size of the ASCII punctuation set).
 */
function symbolGuesses(len: number, common: number): number {
  return 10 ** common * 33 ** (len - common);
}

function isCommonSymbol(c: number): boolean {
  // ! # $ & * - . ? @ _
  return (
    c === 0x21 || c === 0x23 || c === 0x24 || c === 0x26 || c === 0x2a ||
    c === 0x2d || c === 0x2e || c === 0x3f || c === 0x40 || c === 0x5f
  );
}

const SEPARATORS = ' -_.+/,';

function isSeparator(plain: string, start: number, end: number): boolean {
  return end - start === 1 && SEPARATORS.includes(plain[start]!) && isLetterCode(plain.charCodeAt(start - 1)) && isLetterCode(plain.charCodeAt(end));
}

/** Lowercase ASCII or a letter beyond ASCII (plain is lowercase). */
const isLetterCode = (c: number) => (c >= 0x61 && c <= 0x7a) || c >= 0xc0;
