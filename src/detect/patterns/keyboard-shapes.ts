import type { PatternMatch } from './types.js';
import { isHorizontal, type Compiled } from './keyboard-layout.js';
import { walkGuesses } from './keyboard-guesses.js';

/**
 * KEYBOARD_WALK's shape rules (see keyboard.ts): which chains of neighbouring keys are reported —
 * the report rule, row blocks, U-turns, snakes' joins, interleaved strokes and their anchors.
 */

/** A maximal chain of adjacent keys, before snake merging and filtering. */
export interface RawWalk {
  start: number;
  end: number;
  turns: number;
  shifted: number;
  firstDir: number;
  firstSegLen: number;
  lastDir: number;
  lastSegStart: number;
}

/** Interleaved strokes need ≥ 3 keys each: `1q2w` is too common by chance. */
export const INTERLEAVE_MIN = 6;

/** From this many keys on, a row block, U-turn or interleaved walk needs no anchor. */
export const ANCHOR_FREE = 8;

/**
 * The shapes added to straight walks and snakes (row blocks, U-turns, interleaved strokes) turn
 * more often, so short ones occur by chance in random text. People start or end them at the edge
 * of the keyboard (`qweasd`, `qazxsw`, `1q2w3e`, keypad `789456`); random text rarely does. Below
 * `ANCHOR_FREE` keys the first or last key must be a row's first or last letter or digit key
 * (on the layouts in `SHORT_SHAPES`; elsewhere no key is an anchor).
 */
export function anchored(plain: string, lay: Compiled, start: number, end: number): boolean {
  if (end - start >= ANCHOR_FREE) return true;
  const first = lay.keyOf[plain.charCodeAt(start)]! >> 1;
  const last = lay.keyOf[plain.charCodeAt(end - 1)]! >> 1;
  return lay.edge[first] === 1 || lay.edge[last] === 1;
}

/**
 * Where digits and other characters alternate for ≥ `INTERLEAVE_MIN` characters: from the first
 * such run's start to the last one's end (empty if none). Set per call by `findAlternation` (one
 * object, reused: the scan is not re-entrant).
 */
export const alternation = { from: 0, to: 0 };

export function findAlternation(plain: string): void {
  alternation.from = alternation.to = 0;
  const n = plain.length;
  // Boyer–Moore style: test a candidate window from its end, so that in text without such runs
  // (two letters or two digits side by side) most characters are never read.
  let s = 0;
  while (s + INTERLEAVE_MIN <= n) {
    let k = s + INTERLEAVE_MIN - 2;
    let after = isDigitAt(plain, k + 1);
    for (; k >= s; k--) {
      const here = isDigitAt(plain, k);
      if (here === after) break;
      after = here;
    }
    // Two of one class at k, k + 1: no run holds both, the next candidate starts at k + 1.
    if (k >= s) {
      s = k + 1;
      continue;
    }
    let e = s + INTERLEAVE_MIN;
    let last = isDigitAt(plain, e - 1);
    for (; e < n; e++) {
      const here = isDigitAt(plain, e);
      if (here === last) break;
      last = here;
    }
    if (alternation.to === 0) alternation.from = s;
    alternation.to = e;
    s = e;
  }
}

function isDigitAt(s: string, i: number): boolean {
  return s.charCodeAt(i) - 0x30 >>> 0 < 10;
}

/**
 * Finds interleaved strokes in [from, to): maximal runs where each key is the neighbour of the key
 * two before it in one fixed direction (`1q2w3e`: 1→2, q→w, 2→3, … all "right"), passed on to
 * `pushInterleaved` when they have ≥ `INTERLEAVE_MIN` keys.
 */
export function scanInterleaved(plain: string, lay: Compiled, from: number, to: number, out: PatternMatch[]): void {
  const keyOf = lay.keyOf;
  let k1 = -1; // keys at i − 1 and i − 2
  let k2 = -1;
  let runDir = 0;
  let runStart = from;
  for (let i = from; i < to; i++) {
    const code = plain.charCodeAt(i);
    const key = code < 256 ? keyOf[code]! >> 1 : -1; // −1 >> 1 is −1
    const d = key >= 0 && k2 >= 0 ? lay.adj[k2 * lay.size + key]! : 0;
    if (d !== runDir) {
      if (runDir !== 0 && i - runStart >= INTERLEAVE_MIN) pushInterleaved(plain, lay, runStart, i, out);
      runDir = d;
      runStart = i - 2;
    }
    k2 = k1;
    k1 = key;
  }
  if (runDir !== 0 && to - runStart >= INTERLEAVE_MIN) pushInterleaved(plain, lay, runStart, to, out);
}

/**
 * Interleaved strokes over [start, end) (≥ 6 keys, found by `scanInterleaved`): every key is the
 * neighbour of the key two before it, always in the same direction, so the even and the odd keys
 * are two parallel straight strokes typed alternately. Reported when the strokes lie side by
 * side, every key touching the one before (`1q2w3e4r`, `qawsedrf`, `qwaszx`, `p0o9i8u7`), or
 * when one stroke is digits and the other has none (`a1s2d3f4`, `1z2x3c`, and `q1w2e3`, where
 * `1` and `w` do not touch). Repeated keys (`qqwwee`) are neither. Reported like a snake: two
 * strokes, one turn; a far partner stroke can start on any key, not only on a neighbour, which
 * multiplies the guesses by starts / degree.
 */
function pushInterleaved(plain: string, lay: Compiled, start: number, end: number, out: PatternMatch[]): void {
  const keyOf = lay.keyOf;
  let side = true;
  let digits = 0; // bit 0: an even key is a digit, 1: an even key is not, 2 and 3: same for odd keys
  let shifted = 0;
  let prevKey = -1;
  for (let i = start; i < end; i++) {
    const code = plain.charCodeAt(i);
    const entry = keyOf[code]!; // every key of the run is on the layout, so code < 256
    const key = entry >> 1;
    shifted += entry & 1;
    if (prevKey >= 0 && lay.adj[prevKey * lay.size + key]! === 0) side = false;
    prevKey = key;
    digits |= 1 << (((i - start) & 1) * 2 + (code >= 0x30 && code <= 0x39 ? 0 : 1));
  }
  const digitStroke = digits === 0b1001 || digits === 0b0110;
  if ((!side && !digitStroke) || !anchored(plain, lay, start, end)) return;
  const keys = end - start;
  const guesses = walkGuesses(lay, keys, 1, shifted) * (side ? 1 : lay.starts / lay.degree);
  out.push({
    start,
    end,
    code: 'KEYBOARD_WALK',
    kind: lay.name,
    guesses: Math.min(guesses, Number.MAX_VALUE),
    params: { layout: lay.name, turns: 1, shifted },
  });
}

/**
 * The rare long walk that fails `acceptable`: accepted if its U-turns make it pass (and it is
 * anchored); otherwise a zig-zag chain may hold strokes side by side, interleaved (`1q2w3e4r`),
 * which are reported on their own.
 */
export function acceptShape(plain: string, lay: Compiled, w: RawWalk, out: PatternMatch[]): boolean {
  if (acceptable(w.end - w.start, w.turns - uTurns(plain, lay, w.start, w.end))) return anchored(plain, lay, w.start, w.end);
  scanInterleaved(plain, lay, w.start, w.end, out);
  return false;
}

/** A jump between keys that are not neighbours followed by a horizontal step: rows stacked. */
export function hasRowJump(plain: string, lay: Compiled, start: number, end: number): boolean {
  let prevKey = lay.keyOf[plain.charCodeAt(start)]! >> 1;
  let jumped = false;
  for (let i = start + 1; i < end; i++) {
    const key = lay.keyOf[plain.charCodeAt(i)]! >> 1;
    const d = lay.adj[prevKey * lay.size + key]!;
    if (jumped && isHorizontal(d)) return true;
    jumped = d === 0;
    prevKey = key;
  }
  return false;
}

/**
 * U-turns in the walk [start, end): a straight run of ≥ 3 keys, one step aside, then a straight
 * run of ≥ 3 keys the opposite way (`qazxsw`, `qwedsa`, keypad `789654`). The way back is forced,
 * so for `acceptable` such a turn pair counts as one turn; guesses keep the real count.
 */
function uTurns(plain: string, lay: Compiled, start: number, end: number): number {
  let count = 0;
  let prevKey = lay.keyOf[plain.charCodeAt(start)]! >> 1;
  let dir = 0; // current straight run: direction and steps; then the run before, and the one before that
  let steps = 0;
  let dir1 = 0;
  let steps1 = 0;
  let dir2 = 0;
  let steps2 = 0;
  for (let i = start + 1; i < end; i++) {
    const key = lay.keyOf[plain.charCodeAt(i)]! >> 1;
    const d = lay.adj[prevKey * lay.size + key]!; // 0 at a snake's jump between columns
    prevKey = key;
    if (d !== 0 && d === dir) steps++;
    else {
      dir2 = dir1;
      steps2 = steps1;
      dir1 = dir;
      steps1 = steps;
      dir = d;
      steps = 1;
    }
    if (steps === 2 && d !== 0 && steps1 === 1 && dir1 !== 0 && steps2 >= 2 && dir2 === 10 - d) count++;
  }
  return count;
}

/** Column snake: A's last vertical run and B's first start on horizontal neighbours. */
export function sideBySide(plain: string, lay: Compiled, a: RawWalk, b: RawWalk): boolean {
  const ka = lay.keyOf[plain.charCodeAt(a.lastSegStart)]! >> 1;
  const kb = lay.keyOf[plain.charCodeAt(b.start)]! >> 1;
  return isHorizontal(lay.adj[ka * lay.size + kb]!);
}

/**
 * Row block: A's last horizontal run and B's first have one length and start on vertical (or
 * diagonal) neighbours (`qwe|asd`, keypad `789|456`), unless the characters simply count on
 * across the jump (keypad `123|456` is a run; `qwerty|123` is not a block either).
 */
export function stacksRows(plain: string, lay: Compiled, a: RawWalk, b: RawWalk): boolean {
  if (a.end - a.lastSegStart !== b.firstSegLen || countsOn(plain, a.end)) return false;
  const ka = lay.keyOf[plain.charCodeAt(a.lastSegStart)]! >> 1;
  const kb = lay.keyOf[plain.charCodeAt(b.start)]! >> 1;
  const jump = lay.adj[ka * lay.size + kb]!;
  return jump !== 0 && !isHorizontal(jump);
}

/** The step into `plain[i]` repeats the step before it (`3` → `4` after `2` → `3`). */
function countsOn(plain: string, i: number): boolean {
  return plain.charCodeAt(i) - plain.charCodeAt(i - 1) === plain.charCodeAt(i - 1) - plain.charCodeAt(i - 2);
}

/**
 * Report rule, measured on 111k English words and random strings (see the test file): 4 keys must
 * be one straight stroke; longer walks may turn once per three steps (5–6 keys: 1 turn, 7–9: 2,
 * …, so the keypad `7896321` passes). Allowing a turn in 4-key walks flagged ~400 ordinary words
 * ("actress", "answer", "assert"); with this rule 50 remain ("liberty" → `erty`, "strew").
 */
export function acceptable(keys: number, turns: number): boolean {
  if (keys < 4) return false;
  return keys === 4 ? turns === 0 : turns * 3 <= keys - 1;
}
