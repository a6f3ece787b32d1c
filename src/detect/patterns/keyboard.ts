import type { PatternMatch } from './types.js';
import { compiled, isHorizontal, type Compiled } from './keyboard-layout.js';
import { walkGuesses } from './keyboard-guesses.js';
import {
  ANCHOR_FREE, INTERLEAVE_MIN, acceptShape, acceptable, alternation, anchored, findAlternation, hasRowJump,
  scanInterleaved, sideBySide, stacksRows, type RawWalk,
} from './keyboard-shapes.js';

/**
 * KEYBOARD_WALK: runs of keys each physically adjacent to the previous one, on US qwerty, German
 * qwertz, French azerty, US dvorak and the numeric keypad, counting the shift layer as the same
 * key (`!qaz` is the `1qaz` column).
 *
 * - A walk must have ≥ 4 keys and few turns (see `acceptable`), so that ordinary words that
 *   happen to be made of neighbouring keys ("tres" in "actress") are not reported.
 * - Stepping straight back to the key before the previous one ends a walk (`qwqw` is a repeat, not
 *   a walk; this also drops words such as "were").
 * - Column snakes are ONE walk: straight vertical runs of ≥ 3 keys in the same direction whose
 *   first keys are horizontal neighbours, typed one after another (`1qaz2wsx`, `zaq1xsw2`,
 *   `qazwsx`, `147258369` on the keypad). The jump between columns counts as a turn.
 * - Row blocks are ONE walk the same way: straight rows of one length ≥ 3, same direction, first
 *   keys vertical neighbours (`qweasd`, `123qwe`, `qwer1234`, keypad `789456123`); not when the
 *   characters just count on (keypad `123456` is a run, left to the sequence detector).
 * - U-turns: a straight run of ≥ 3 keys, one step aside and ≥ 3 keys back (`qazxsw`, `qwedsa`,
 *   keypad `123654`) count as one turn for the report rule.
 * - Interleaved strokes: two parallel straight strokes typed alternately, ≥ 6 keys, side by side
 *   (`1q2w3e4r`, `qawsedrf`, `qwaszx`) or one of them digits (`q1w2e3`, `a1s2d3f4`, `1z2x3c`).
 *   Reported with one turn, like a snake.
 * - Row blocks, U-turns and interleaved strokes of 6–7 keys are reported on qwerty and the keypad
 *   only, and must start or end at a row's end key (see `anchored`): else random strings would
 *   be flagged more often than before these shapes were added.
 * - Per span only the cheapest layout is kept, and walks contained in a longer walk are dropped.
 *
 * Not caught on purpose: walks of 3 keys (`qwe`, `asd`: in random text and in words they are too
 * common to report; the sequence/affix detectors and the dictionary cover the usual `zxc123`),
 * repeated keys inside a walk (`qwwerty` splits, `qqwwee`), rows that are not stacked
 * (`asd123`, `asdfjkl;` is two walks), staircases (`qwedfg`), and mobile keyboards.
 */
export function findKeyboardWalks(plain: string): PatternMatch[] {
  const all: PatternMatch[] = [];
  // Nothing shorter than 4 keys is ever reported (see `acceptable`): skip the layout scans.
  if (plain.length < 4) return all;
  const layouts = compiled();
  if (mayHoldWalk(plain)) layoutWalks(plain, all);
  // Interleaved strokes side by side are zig-zag chains, found from the layout scans
  // (`acceptShape`); with a digit stroke (`q1w2e3`, `a1s2d3`) they need not be chains, and are
  // looked for only where digits alternate with other characters, which is rare.
  findAlternation(plain);
  if (alternation.to - alternation.from >= INTERLEAVE_MIN) {
    for (const layout of layouts) scanInterleaved(plain, layout, alternation.from, alternation.to, all);
  }
  return keepMaximal(all);
}

/** The walks of every layout's scan (before the interleaved strokes and keepMaximal), into `out`. */
export function layoutWalks(plain: string, out: PatternMatch[]): void {
  for (const layout of compiled()) collectWalks(plain, layout, out);
}

/**
 * Whether some three characters in a row are two steps between adjacent keys on some layout: every
 * walk collectWalks reports has one (a walk of ≥ 4 keys, or snakes and blocks joined from runs of
 * ≥ 3 keys: `mergeSnakes`). 44 % of the bench mix has none, and one pass over a table of pairs
 * then stands in for the five layout scans (findKeyboardWalks was 4 % of an evaluation).
 */
export function mayHoldWalk(plain: string): boolean {
  const any = adjacentAnywhere();
  let steps = 0;
  for (let i = 1; i < plain.length; i++) {
    const a = plain.charCodeAt(i - 1);
    const b = plain.charCodeAt(i);
    if (a < 256 && b < 256 && any[(a << 8) | b] === 1) {
      if (++steps === 2) return true;
    } else steps = 0;
  }
  return false;
}

/** 1 at [a·256 + b] when the keys of chars a and b are adjacent on some layout (a → b). */
let adjacentTable: Uint8Array | undefined;

function adjacentAnywhere(): Uint8Array {
  if (adjacentTable) return adjacentTable;
  const any = new Uint8Array(256 * 256);
  for (const lay of compiled()) {
    for (let a = 0; a < 256; a++) {
      const ka = lay.keyOf[a]!;
      if (ka < 0) continue;
      for (let b = 0; b < 256; b++) {
        const kb = lay.keyOf[b]!;
        if (kb >= 0 && lay.adj[(ka >> 1) * lay.size + (kb >> 1)]! !== 0) any[(a << 8) | b] = 1;
      }
    }
  }
  return (adjacentTable = any);
}

// ---------------------------------------------------------------------------------------------
// Compiled layouts: char → key, key × key → direction (0 = not adjacent). Built once, lazily.

// Raw walks of the current layout scan: a pool of objects reused across layouts and calls (JS
// runs one call at a time and the scan is not re-entrant), `rawCount` of them live. Ordinary
// text closes many 2-key chains ("er", "as" on qwerty), so allocating one object per chain per
// layout showed up in profiles.
const rawPool: RawWalk[] = [];

let rawCount = 0;

function pushRaw(
  start: number, end: number, turns: number, shifted: number, firstDir: number, firstSegLen: number,
  lastDir: number, lastSegStart: number,
): void {
  let r = rawPool[rawCount];
  if (r === undefined) {
    r = { start: 0, end: 0, turns: 0, shifted: 0, firstDir: 0, firstSegLen: 0, lastDir: 0, lastSegStart: 0 };
    rawPool.push(r);
  }
  r.start = start;
  r.end = end;
  r.turns = turns;
  r.shifted = shifted;
  r.firstDir = firstDir;
  r.firstSegLen = firstSegLen;
  r.lastDir = lastDir;
  r.lastSegStart = lastSegStart;
  rawCount++;
}

function collectWalks(plain: string, lay: Compiled, out: PatternMatch[]): void {
  const n = plain.length;
  // Hoisted: the loop reads them per character.
  const keyOf = lay.keyOf;
  const adj = lay.adj;
  const size = lay.size;
  rawCount = 0;
  let start = -1; // current walk start, -1 = none
  let prev = -1; // key index at i - 1
  let prevPrev = -1;
  let dir = 0;
  let firstDir = 0;
  let firstSegLen = 0;
  let segStart = 0;
  let turns = 0;
  let shifted = 0;

  // No closure for "close the current walk": one capturing the loop state would move all of it
  // into a heap context; the close is written out at its two call sites instead.
  for (let i = 0; i < n; i++) {
    const code = plain.charCodeAt(i);
    const entry = code < 256 ? keyOf[code]! : -1;
    const key = entry < 0 ? -1 : entry >> 1;
    const d = key >= 0 && prev >= 0 && key !== prevPrev ? adj[prev * size + key]! : 0;
    if (d !== 0 && start >= 0) {
      if (i - start === 1) {
        dir = firstDir = d;
        segStart = start;
      } else if (d !== dir) {
        if (turns === 0) firstSegLen = i - start;
        turns++;
        segStart = i - 1;
        dir = d;
      }
      if (entry & 1) shifted++;
      prevPrev = prev;
      prev = key;
      continue;
    }
    if (start >= 0 && i - start >= 2) {
      pushRaw(start, i, turns, shifted, firstDir, turns === 0 ? i - start : firstSegLen, dir, segStart);
    }
    if (key < 0) {
      start = -1;
      prev = prevPrev = -1;
      continue;
    }
    // A step back to the key before last restarts the walk from the previous key (`were` → `re`).
    const restart = prev >= 0 && key === prevPrev && adj[prev * size + key]! !== 0;
    turns = 0;
    dir = firstDir = 0;
    if (restart) {
      const prevEntry = keyOf[plain.charCodeAt(i - 1)]!; // known to be on the layout
      start = i - 1;
      segStart = i - 1;
      dir = firstDir = adj[prev * size + key]!;
      shifted = (prevEntry & 1) + (entry & 1);
      prevPrev = prev;
      prev = key;
    } else {
      start = i;
      shifted = entry & 1;
      prevPrev = -1;
      prev = key;
    }
  }
  if (start >= 0 && n - start >= 2) {
    pushRaw(start, n, turns, shifted, firstDir, turns === 0 ? n - start : firstSegLen, dir, segStart);
  }
  if (rawCount === 0) return;

  const count = rawCount > 1 ? mergeSnakes(plain, lay) : rawCount; // one walk: nothing to join
  for (let r = 0; r < count; r++) {
    const w = rawPool[r]!;
    const keys = w.end - w.start;
    if (acceptable(keys, w.turns)) {
      // A short walk with a turn may be a row block (`qweasd`), which needs an anchor.
      const block = keys < ANCHOR_FREE && w.turns > 0 && hasRowJump(plain, lay, w.start, w.end);
      if (block && !anchored(plain, lay, w.start, w.end)) continue;
    } else if (keys < INTERLEAVE_MIN || w.turns < 2 || !acceptShape(plain, lay, w, out)) continue;
    out.push({
      start: w.start,
      end: w.end,
      code: 'KEYBOARD_WALK',
      kind: lay.name,
      guesses: walkGuesses(lay, keys, w.turns, w.shifted),
      params: { layout: lay.name, turns: w.turns, shifted: w.shifted },
    });
  }
}

/**
 * Joins column snakes and row blocks in place in the first `rawCount` pool entries and returns
 * how many walks remain: walk B directly follows walk A in the string, A ends with a straight run
 * of ≥ 3 keys, B starts with one in the same direction, and the first keys of those two runs are
 * horizontal neighbours (vertical runs, `sideBySide`) or vertical ones (rows, `stacksRows`).
 * Merged-away entries are swapped (not overwritten) so the pool keeps distinct objects.
 */
function mergeSnakes(plain: string, lay: Compiled): number {
  let w = 0;
  for (let r = 0; r < rawCount; r++) {
    const b = rawPool[r]!;
    const a = w > 0 ? rawPool[w - 1] : undefined;
    if (a !== undefined && a.end === b.start && a.lastDir === b.firstDir && a.end - a.lastSegStart >= 3 && b.firstSegLen >= 3) {
      const joins = isHorizontal(b.firstDir) ? stacksRows(plain, lay, a, b) : sideBySide(plain, lay, a, b);
      if (joins) {
        a.end = b.end;
        a.turns += b.turns + 1;
        a.shifted += b.shifted;
        a.lastDir = b.lastDir;
        a.lastSegStart = b.lastSegStart;
        continue;
      }
    }
    if (w !== r) {
      rawPool[r] = rawPool[w]!;
      rawPool[w] = b;
    }
    w++;
  }
  return w;
}

/** Same span on several layouts → the cheapest; walks inside a longer walk → dropped. */
function keepMaximal(all: PatternMatch[]): PatternMatch[] {
  // Most strings have no walk on any layout, many have one: nothing to order or drop then.
  if (all.length <= 1) return all;
  all.sort((a, b) => a.start - b.start || b.end - a.end || a.guesses - b.guesses);
  const out: PatternMatch[] = [];
  let maxEnd = -1;
  for (const m of all) {
    if (m.end <= maxEnd) continue; // same span (cheapest came first) or contained
    out.push(m);
    maxEnd = m.end;
  }
  return out;
}
