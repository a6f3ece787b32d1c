import { findDates } from './dates.js';
import { findKeyboardWalks } from './keyboard.js';
import { findSequences } from './sequence.js';
import type { PatternMatch } from './types.js';

/** Guesses for one character before repetition: a brute-force guess at one unit (zxcvbn: 10/char). */
const SINGLE_CHAR_GUESSES = 10;
/** Blocks longer than this are not worth a pattern lookup: brute force dominates anyway. */
const MAX_BLOCK_LOOKUP = 32;
/**
 * The longest block searched for. Highly periodic text (`ab` × 4096) has a stretch at every
 * multiple of its period, so the search costs O(n) per period: capped, it is O(n · 64) instead of
 * O(n²). A block past 64 units is priced at ≥ 10⁶⁴ guesses either way, and a password holding two
 * copies of one is over 128 units long: neither the estimate nor the points can change.
 */
export const MAX_REPEAT_PERIOD = 64;

/**
 * REPETITIVE:
 * - `kind: 'char'`: one character three or more times (`aaa`, `!!!!`, `1111`);
 * - `kind: 'block'`: a block of ≥ 2 characters repeated at least twice (`abab`, `abcabc`,
 *   `12341234`, `lollol`). The block reported is the shortest one (`abcabcabcabc` = `abc` × 4),
 *   and a trailing partial block is left out of the span (`abcabca` → `abcabc`).
 *
 * guesses = guesses for the block × repeat count, where the block is priced by the cheapest of
 * brute force and a sequence / keyboard walk / date covering the whole block (dictionary words are
 * not known here; the scorer can still decompose `lollol` into two dictionary tokens).
 *
 * Method: for every period p ≤ n/2, the maximal p-periodic stretches are found by probing
 * `plain[j] === plain[j + p]` every p positions and extending hits: O(n log n) comparisons on
 * ordinary text, O(n · MAX_REPEAT_PERIOD) on highly periodic text; no regex, no allocation
 * except the matches.
 */
export function findRepeats(plain: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  const n = plain.length;
  for (let p = 1; (p === 1 || p * 2 <= n) && p <= MAX_REPEAT_PERIOD; p++) {
    // A reportable stretch needs a run of `need` consecutive positions j with
    // plain[j] === plain[j + p] (2 for single characters: "aaa"; p for blocks: two copies).
    // Any such run contains a multiple of `need`, so only those positions are probed and a hit is
    // extended both ways: ~n/p probes per period, n·ln n in all for ordinary text.
    const need = p === 1 ? 2 : p;
    let j = need - 1;
    while (j + p < n) {
      if (plain.charCodeAt(j) !== plain.charCodeAt(j + p)) {
        j += need;
        continue;
      }
      let a = j;
      while (a > 0 && plain.charCodeAt(a - 1) === plain.charCodeAt(a - 1 + p)) a--;
      let b = j + 1;
      while (b + p < n && plain.charCodeAt(b) === plain.charCodeAt(b + p)) b++;
      // plain[a, b + p) has period p.
      if (b - a >= need && isPrimitive(plain, a, p)) {
        const times = Math.floor((b - a + p) / p);
        const base = p === 1 ? SINGLE_CHAR_GUESSES : blockGuesses(plain, a, p);
        out.push({
          start: a,
          end: a + times * p,
          code: 'REPETITIVE',
          kind: p === 1 ? 'char' : 'block',
          guesses: Math.min(base * times, Number.MAX_VALUE),
          params: { times, blockLength: p },
        });
      }
      // plain[b] !== plain[b + p]: the next run starts after b, and probing b + need onwards
      // still lands inside any run of length ≥ need that starts in (b, b + need].
      j = b + need;
    }
  }
  // Most strings have at most one repeat: nothing to order then.
  if (out.length > 1) out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/**
 * A block is primitive when it is not itself a repetition of a shorter block (`abab` is `ab` × 2):
 * the shorter period then covers the same stretch and is reported instead.
 */
function isPrimitive(plain: string, at: number, p: number): boolean {
  for (let d = 1; d * 2 <= p; d++) {
    if (p % d !== 0) continue;
    let periodic = true;
    for (let k = at; k + d < at + p; k++) {
      if (plain.charCodeAt(k) !== plain.charCodeAt(k + d)) {
        periodic = false;
        break;
      }
    }
    if (periodic) return false;
  }
  return true;
}

function blockGuesses(plain: string, at: number, p: number): number {
  let best = 10 ** p;
  if (p > MAX_BLOCK_LOOKUP) return best;
  const block = plain.slice(at, at + p);
  for (const finder of BLOCK_FINDERS) {
    for (const m of finder(block)) {
      if (m.start === 0 && m.end === p && m.guesses < best) best = m.guesses;
    }
  }
  return best;
}

const BLOCK_FINDERS = [findSequences, findKeyboardWalks, findDates];
