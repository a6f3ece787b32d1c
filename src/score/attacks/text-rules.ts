import type { AttackInput } from './types.js';
import { JOHN_WORDLIST_RULES, PREPEND_DIGIT_RANK } from './rule-ranks.js';

/**
 * What the rule-inverting attacks (mangle.ts, breached-base.ts) read the same way: the ends a
 * rule chain adds, their mask, and the password as typed over a span of its folded form.
 */

/** Digits or symbols at one end a rule chain adds (hybrid masks of 1–4 characters). */
export const AFFIX_MAX = 4;

/** Where the core starts: after at most AFFIX_MAX digits or symbols a rule chain put in front. */
export function coreStart(plain: string): number {
  let p = 0;
  while (p < AFFIX_MAX && p < plain.length && isAffix(plain.charCodeAt(p))) p++;
  return p;
}

/** Where the core ends: before at most AFFIX_MAX digits or symbols added after it, never before `start`. */
export function coreEnd(plain: string, start: number): number {
  const n = plain.length;
  let q = n;
  while (n - q < AFFIX_MAX && q > start && isAffix(plain.charCodeAt(q - 1))) q--;
  return q;
}

/**
 * Whether unit i of a normalised text is a digit or symbol typed for a letter (`@` for `a`): the
 * normaliser folded it to one. Look-alike letters (`l` and `i` fold together) are not.
 */
export const typedForLetter = (plain: string, folded: string, i: number): boolean => isAffix(plain.charCodeAt(i)) && isLetter(folded.charCodeAt(i));

/** Strings of this class and length: digits 10, symbols 33, both 43 a character. */
export function maskSpace(s: string): number {
  if (s.length === 0) return 1;
  let digits = false;
  let symbols = false;
  for (let i = 0; i < s.length; i++) {
    if (isDigit(s.charCodeAt(i))) digits = true;
    else symbols = true;
  }
  return (digits && symbols ? 43 : digits ? 10 : 33) ** s.length;
}

/** Guesses per word for a prefix: one digit is a rule of its own, a longer prefix a mask before the word. */
export function prependRule(prefix: string): number {
  if (prefix.length === 0) return 1;
  const c = prefix.charCodeAt(0);
  return prefix.length === 1 && isDigit(c) ? PREPEND_DIGIT_RANK[c - 0x30]! : JOHN_WORDLIST_RULES * maskSpace(prefix);
}

/** The password as typed over folded units [from, to), or null where normalisation changed lengths. */
export function typedSpan(password: string, text: AttackInput['text'], from: number, to: number): string | null {
  const a = text.start[from]!;
  const b = text.end[to - 1]!;
  return b - a === to - from ? password.slice(a, b) : null;
}

export function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** ASCII digits and symbols (not letters, not space, not beyond ASCII). */
export const isAffix = (c: number): boolean => c > 0x20 && c < 0x7f && !(c >= 0x61 && c <= 0x7a) && !(c >= 0x41 && c <= 0x5a);
/** A lowercase letter, or any character beyond Latin-1's symbols (as folded). */
export const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || c >= 0xc0;
