import { isDigit, isLower } from './chars.js';
import type { PatternMatch } from './types.js';

/**
 * SEQUENTIAL: runs over digits or ASCII letters with a constant step.
 *
 * - step ±1: length ≥ 3 (`123`, `abc`, `9876`, `zyx`);
 * - step ±2: length ≥ 4 (`2468`, `aceg`), because three-character ±2 runs are ordinary text
 *   ("ace" in "place", "135" in a phone number) far more often than a deliberate pattern.
 *
 * Not caught on purpose: wrap-around (`890`, `yza`; `1234567890` is a keyboard row and the
 * keyboard detector reports it), steps > 2, non-ASCII alphabets, mixed digit/letter runs.
 * Maximal runs only; two runs that change direction share their turning character
 * (`12321` → `123` and `321`), which is fine because overlapping matches are allowed.
 */
export function findSequences(plain: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  const n = plain.length;
  let i = 0;
  while (i < n - 2) {
    const c0 = plain.charCodeAt(i);
    const cls = classOf(c0);
    if (cls === 0) {
      i++;
      continue;
    }
    const c1 = plain.charCodeAt(i + 1);
    const step = c1 - c0;
    if (classOf(c1) !== cls || step === 0 || step > 2 || step < -2) {
      i++;
      continue;
    }
    let j = i + 2;
    let prev = c1;
    while (j < n) {
      const c = plain.charCodeAt(j);
      if (classOf(c) !== cls || c - prev !== step) break;
      prev = c;
      j++;
    }
    const len = j - i;
    const abs = step < 0 ? -step : step;
    if (len >= (abs === 1 ? 3 : 4)) {
      out.push({
        start: i,
        end: j,
        code: 'SEQUENTIAL',
        kind: cls === 1 ? 'digits' : 'letters',
        guesses: sequenceGuesses(c0, cls, step, len),
        params: { step, length: len },
      });
      // The last character may start the next run (a turn such as `12321`).
      i = j - 1;
    } else {
      i++;
    }
  }
  return out;
}

/** 1 = digit, 2 = lowercase ASCII letter, 0 = neither. */
function classOf(c: number): number {
  return isDigit(c) ? 1 : isLower(c) ? 2 : 0;
}

/**
 * An attacker enumerates: where the run starts (runs starting at the natural ends 0/1/9/a/z come
 * first, so those count as 4 choices; any digit 10, any letter 26), the direction (descending
 * doubles), the step (±2 doubles again) and the length.
 */
function sequenceGuesses(first: number, cls: number, step: number, len: number): number {
  const obvious =
    first === 0x61 || first === 0x7a || first === 0x30 || first === 0x31 || first === 0x39;
  let base = obvious ? 4 : cls === 1 ? 10 : 26;
  if (step < 0) base *= 2;
  if (step === 2 || step === -2) base *= 2;
  return base * len;
}
