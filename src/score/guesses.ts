/**
 * Guesses for a dictionary / banned-term match: its rank, times the ways an attacker would vary
 * the word's case and substitutions (zxcvbn's variation model: capitalising the first or last
 * letter or all of it only doubles the work; arbitrary case or partial substitution costs the
 * number of ways to choose which letters were changed).
 *
 * @param rank     1-based rank of the term in its list (1 = most common). Values < 1 count as 1.
 * @param token    the matched span as matched (normalised: case folded, substitutions applied).
 * @param original the same span in the password as typed, when the caller has it.
 */
export function guessesForWord(rank: number, token: string, original?: string): number {
  const base = Number.isFinite(rank) && rank >= 1 ? rank : 1;
  if (original === undefined || original.length === 0) return base;
  const lower = original.toLowerCase();
  if (lower.length !== original.length || lower.length !== token.length) {
    // Normalisation changed the length (NFKC, special casing): we cannot line the characters
    // up, so only count "something was varied" as one doubling.
    return lower !== original || lower !== token ? base * 2 : base;
  }
  return Math.min(base * caseVariations(original, lower) * substitutionVariations(lower, token), Number.MAX_VALUE);
}

/**
 * guessesForWord(rank, folded.slice(fs, fe), password.slice(ps, pe)) without making the two
 * strings and the lowercase copy when the typed span is ASCII (then its lowercase is the ASCII one,
 * unit for unit): the estimate prices every dictionary match typed otherwise than listed, and a
 * long password of leet digits has tens of thousands of them (`1` × 4096: 36 k matches, each
 * three strings, a third of its time in garbage collection). Anything else goes to
 * guessesForWord. The same loops over the same units, so the same value.
 */
export function guessesForSpan(rank: number, folded: string, fs: number, fe: number, password: string, ps: number, pe: number): number {
  const len = fe - fs;
  if (len <= 0 || pe - ps !== len || !asciiSpan(password, ps, pe)) return guessesForWord(rank, folded.slice(fs, fe), password.slice(ps, pe));
  const base = Number.isFinite(rank) && rank >= 1 ? rank : 1;
  return Math.min(base * asciiCaseVariations(password, ps, len) * asciiSubstitutionVariations(password, ps, folded, fs, len), Number.MAX_VALUE);
}

function asciiSpan(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

const asciiLower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

/** caseVariations of password[ps, ps + len), ASCII, against its ASCII lowercase. */
function asciiCaseVariations(password: string, ps: number, len: number): number {
  let upper = 0;
  let lowerCount = 0;
  let firstUpper = false;
  let lastUpper = false;
  for (let i = 0; i < len; i++) {
    const o = password.charCodeAt(ps + i);
    if (o >= 0x41 && o <= 0x5a) {
      upper++;
      if (i === 0) firstUpper = true;
      if (i === len - 1) lastUpper = true;
    } else if (o >= 0x61 && o <= 0x7a) {
      lowerCount++;
    }
  }
  if (upper === 0) return 1;
  if (lowerCount === 0 || (upper === 1 && (firstUpper || lastUpper))) return 2;
  return chooseUpTo(upper + lowerCount, Math.min(upper, lowerCount));
}

/** substitutionVariations of the ASCII lowercase of password[ps, ps + len) and folded[fs, fs + len). */
function asciiSubstitutionVariations(password: string, ps: number, folded: string, fs: number, len: number): number {
  let factor = 1;
  for (let i = 0; i < len; i++) {
    const letter = folded.charCodeAt(fs + i);
    if (asciiLower(password.charCodeAt(ps + i)) === letter) continue;
    let seenBefore = false;
    for (let k = 0; k < i; k++) {
      if (folded.charCodeAt(fs + k) === letter && asciiLower(password.charCodeAt(ps + k)) !== letter) {
        seenBefore = true;
        break;
      }
    }
    if (seenBefore) continue;
    let subbed = 0;
    let unsubbed = 0;
    for (let k = 0; k < len; k++) {
      if (folded.charCodeAt(fs + k) !== letter) continue;
      if (asciiLower(password.charCodeAt(ps + k)) === letter) unsubbed++;
      else subbed++;
    }
    factor *= unsubbed === 0 ? 2 : chooseUpTo(subbed + unsubbed, Math.min(subbed, unsubbed));
  }
  return factor;
}

function caseVariations(original: string, lower: string): number {
  let upper = 0;
  let lowerCount = 0;
  let firstUpper = false;
  let lastUpper = false;
  for (let i = 0; i < original.length; i++) {
    const o = original.charCodeAt(i);
    const l = lower.charCodeAt(i);
    if (o !== l) {
      upper++;
      if (i === 0) firstUpper = true;
      if (i === original.length - 1) lastUpper = true;
    } else if (isCased(original, i)) {
      lowerCount++;
    }
  }
  if (upper === 0) return 1;
  // "Password", "passworD", "PASSWORD": the first things an attacker tries.
  if (lowerCount === 0 || (upper === 1 && (firstUpper || lastUpper))) return 2;
  return chooseUpTo(upper + lowerCount, Math.min(upper, lowerCount));
}

/** A lowercase letter that has an uppercase form (so it could have been typed in upper case). */
function isCased(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  const ch = s.charAt(i);
  return ch.toUpperCase() !== ch;
}

/**
 * For every letter that appears substituted at least once (`@` for `a`): if every occurrence is
 * substituted the attacker doubles the work; if only some are, he needs the ways to choose which.
 */
function substitutionVariations(lower: string, token: string): number {
  let factor = 1;
  // Each substituted letter is handled once, at its first substituted position.
  for (let i = 0; i < token.length; i++) {
    if (lower.charCodeAt(i) === token.charCodeAt(i)) continue;
    const letter = token.charCodeAt(i);
    let seenBefore = false;
    for (let k = 0; k < i; k++) {
      if (token.charCodeAt(k) === letter && lower.charCodeAt(k) !== letter) {
        seenBefore = true;
        break;
      }
    }
    if (seenBefore) continue;
    let subbed = 0;
    let unsubbed = 0;
    for (let k = 0; k < token.length; k++) {
      if (token.charCodeAt(k) !== letter) continue;
      if (lower.charCodeAt(k) === letter) unsubbed++;
      else subbed++;
    }
    factor *= unsubbed === 0 ? 2 : chooseUpTo(subbed + unsubbed, Math.min(subbed, unsubbed));
  }
  return factor;
}

/** Σ_{i=1..k} C(n, i): the ways to pick between 1 and k of n positions. */
export function chooseUpTo(n: number, k: number): number {
  let sum = 0;
  let c = 1;
  for (let i = 1; i <= k; i++) {
    c = (c * (n - i + 1)) / i;
    sum += c;
  }
  return Math.max(sum, 1);
}
