import type { PatternMatch } from './types.js';

/**
 * A run of mixed symbols inside a random password (`;~*]`) is not what users bolt on; `!`, `!!!`
 * and digits are. Keeping such runs out of the tokens stops random passwords from being scored
 * down (measured: 0.085 % of random 9–20 character passwords were, before this).
 */
export function isPredictable(p: PatternMatch, plain: string): boolean {
  if (p.code !== 'PREDICTABLE_AFFIX') return true;
  // One or two digits between letters (`tr0ub4dor`) stand for letters: the substitution table
  // reads them as part of the word, so they must not be claimed as separate tokens first.
  if (p.kind === 'digits') return !(p.end - p.start <= 2 && isLetterAt(plain, p.start - 1) && isLetterAt(plain, p.end));
  for (let i = p.start + 1; i < p.end; i++) if (plain.charCodeAt(i) !== plain.charCodeAt(p.start)) return false;
  return true;
}

function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x61 && c <= 0x7a) || (c > 0x7f && s[i]!.toLowerCase() !== s[i]!.toUpperCase());
}
