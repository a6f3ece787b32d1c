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
