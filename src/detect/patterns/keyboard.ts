import { LAYOUTS, type KeyDef, type LayoutDef } from './layouts.js';
import type { PatternMatch } from './types.js';

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
  for (const layout of layouts) collectWalks(plain, layout, all);
  // Interleaved strokes side by side are zig-zag chains, found from the layout scans
  // (`acceptShape`); with a digit stroke (`q1w2e3`, `a1s2d3`) they need not be chains, and are
  // looked for only where digits alternate with other characters, which is rare.
  findAlternation(plain);
  if (altTo - altFrom >= INTERLEAVE_MIN) {
    for (const layout of layouts) scanInterleaved(plain, layout, altFrom, altTo, all);
  }
  return keepMaximal(all);
}

// ---------------------------------------------------------------------------------------------
// Compiled layouts: char → key, key × key → direction (0 = not adjacent). Built once, lazily.

interface Compiled {
  readonly name: string;
  /** char code (< 256; no layout key is above Latin-1) → key index × 2 + shift bit, or −1. */
  readonly keyOf: Int16Array;
  /** Row-major K×K direction codes, 1..9 as (dy+1)*3 + (dx+1) + 1; 0 = not adjacent. */
  readonly adj: Uint8Array;
  readonly size: number;
  /** Number of keys: how many places a walk can start. */
  readonly starts: number;
  /** Mean number of neighbours per key: how many ways each step can go. */
  readonly degree: number;
  /**
   * Per key: 1 if it is the first or last letter or digit key of its row (`q`, `p`, `1`, keypad
   * `7`) and the layout takes short shapes (see `anchored`); all 0 otherwise.
   */
  readonly edge: Uint8Array;
}

let compiledLayouts: Compiled[] | undefined;

function compiled(): Compiled[] {
  compiledLayouts ??= LAYOUTS.map(compile);
  return compiledLayouts;
}

function compile(layout: LayoutDef): Compiled {
  const keys = layout.keys;
  const size = keys.length;
  const keyOf = new Int16Array(256).fill(-1);
  keys.forEach((k, i) => {
    for (let layer = 0; layer < 2; layer++) {
      const ch = k.chars[layer];
      if (ch === undefined || ch === '\0' || ch.length !== 1) continue;
      // Letters reach us case folded, so their shift layer is the same unit as the plain one.
      const code = ch.toLowerCase().charCodeAt(0);
      if (code >= keyOf.length) throw new Error(`layout ${layout.name}: ${ch} is outside Latin-1`);
      if (keyOf[code] === -1) keyOf[code] = i * 2 + (ch.toLowerCase() === ch ? layer : 0);
    }
  });
  const adj = new Uint8Array(size * size);
  let edges = 0;
  for (let a = 0; a < size; a++) {
    const p = keys[a]!;
    for (let b = 0; b < size; b++) {
      if (a === b) continue;
      const q = keys[b]!;
      // Two keys are neighbours when their caps touch (edges or, on the grid keypad, corners).
      const touch = p.x <= q.x + q.w && q.x <= p.x + p.w && p.y <= q.y + q.h && q.y <= p.y + p.h;
      if (!touch) continue;
      const dy = axisStep(p.y, p.h, q.y, q.h);
      const dx = axisStep(p.x, p.w, q.x, q.w);
      adj[a * size + b] = (dy + 1) * 3 + (dx + 1) + 1;
      edges++;
    }
  }
  const edge = rowEnds(keys, SHORT_SHAPES.has(layout.name));
  return { name: layout.name, keyOf, adj, size, starts: size, degree: edges / size, edge };
}

function rowEnds(keys: readonly KeyDef[], shortShapes: boolean): Uint8Array {
  const edge = new Uint8Array(keys.length);
  if (!shortShapes) return edge;
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  keys.forEach((k, i) => {
    if (!k.chars.some(isAsciiAlnum)) return;
    const f = first.get(k.y);
    const l = last.get(k.y);
    if (f === undefined || k.x < keys[f]!.x) first.set(k.y, i);
    if (l === undefined || k.x > keys[l]!.x) last.set(k.y, i);
  });
  for (const i of first.values()) edge[i] = 1;
  for (const i of last.values()) edge[i] = 1;
  return edge;
}

/**
 * Direction along one axis from key p to key q: the sign of the centre offset, except that moving
 * between a double-size key and a key lying within its span counts as straight (keypad `0` → `1`
 * and `0` → `2` are both "up", `9` → `+` is "right"), so `0147` is one straight stroke.
 */
function axisStep(p0: number, pw: number, q0: number, qw: number): number {
  const pc = p0 + pw / 2;
  const qc = q0 + qw / 2;
  if (pw > qw && qc > p0 && qc < p0 + pw) return 0;
  if (qw > pw && pc > q0 && pc < q0 + qw) return 0;
  return Math.sign(qc - pc);
}

function isAsciiAlnum(ch: string): boolean {
  return ch.length === 1 && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'));
}

function isHorizontal(dir: number): boolean {
  return dir === 4 || dir === 6;
}

// ---------------------------------------------------------------------------------------------
// Walk scanning.

/** A maximal chain of adjacent keys, before snake merging and filtering. */
interface RawWalk {
  start: number;
  end: number;
  turns: number;
  shifted: number;
  firstDir: number;
  firstSegLen: number;
  lastDir: number;
  lastSegStart: number;
}

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

/** Interleaved strokes need ≥ 3 keys each: `1q2w` is too common by chance. */
const INTERLEAVE_MIN = 6;

/** From this many keys on, a row block, U-turn or interleaved walk needs no anchor. */
const ANCHOR_FREE = 8;

/**
 * Layouts on which shorter shapes are reported. The 30k most common passwords hold 6–7 key shapes
 * on qwerty and the keypad only (qwertz shares them except around y/z); on azerty, qwertz and
 * dvorak such shapes were all chance hits in random strings, so there they need `ANCHOR_FREE` keys.
 */
const SHORT_SHAPES: ReadonlySet<string> = new Set(['qwerty', 'keypad']);

/**
 * The shapes added to straight walks and snakes (row blocks, U-turns, interleaved strokes) turn
 * more often, so short ones occur by chance in random text. People start or end them at the edge
 * of the keyboard (`qweasd`, `qazxsw`, `1q2w3e`, keypad `789456`); random text rarely does. Below
 * `ANCHOR_FREE` keys the first or last key must be a row's first or last letter or digit key
 * (on the layouts in `SHORT_SHAPES`; elsewhere no key is an anchor).
 */
function anchored(plain: string, lay: Compiled, start: number, end: number): boolean {
  if (end - start >= ANCHOR_FREE) return true;
  const first = lay.keyOf[plain.charCodeAt(start)]! >> 1;
  const last = lay.keyOf[plain.charCodeAt(end - 1)]! >> 1;
  return lay.edge[first] === 1 || lay.edge[last] === 1;
}

// Where digits and other characters alternate for ≥ `INTERLEAVE_MIN` characters: from the first
// such run's start to the last one's end (empty if none). Set per call by `findAlternation`.
let altFrom = 0;
let altTo = 0;

function findAlternation(plain: string): void {
  altFrom = altTo = 0;
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
    if (altTo === 0) altFrom = s;
    altTo = e;
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
function scanInterleaved(plain: string, lay: Compiled, from: number, to: number, out: PatternMatch[]): void {
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
function acceptShape(plain: string, lay: Compiled, w: RawWalk, out: PatternMatch[]): boolean {
  if (acceptable(w.end - w.start, w.turns - uTurns(plain, lay, w.start, w.end))) return anchored(plain, lay, w.start, w.end);
  scanInterleaved(plain, lay, w.start, w.end, out);
  return false;
}

/** A jump between keys that are not neighbours followed by a horizontal step: rows stacked. */
function hasRowJump(plain: string, lay: Compiled, start: number, end: number): boolean {
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

/** Column snake: A's last vertical run and B's first start on horizontal neighbours. */
function sideBySide(plain: string, lay: Compiled, a: RawWalk, b: RawWalk): boolean {
  const ka = lay.keyOf[plain.charCodeAt(a.lastSegStart)]! >> 1;
  const kb = lay.keyOf[plain.charCodeAt(b.start)]! >> 1;
  return isHorizontal(lay.adj[ka * lay.size + kb]!);
}

/**
 * Row block: A's last horizontal run and B's first have one length and start on vertical (or
 * diagonal) neighbours (`qwe|asd`, keypad `789|456`), unless the characters simply count on
 * across the jump (keypad `123|456` is a run; `qwerty|123` is not a block either).
 */
function stacksRows(plain: string, lay: Compiled, a: RawWalk, b: RawWalk): boolean {
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
function acceptable(keys: number, turns: number): boolean {
  if (keys < 4) return false;
  return keys === 4 ? turns === 0 : turns * 3 <= keys - 1;
}

/**
 * Guesses to enumerate all walks of up to `keys` keys with up to `turns + 1` straight strokes
 * from any start key: Σ_{i=2..L} Σ_{t=1..min(T, i−1)} C(i−1, t−1) · starts · degree^t — the
 * spatial model of zxcvbn. The shift layer multiplies by the ways to choose the shifted keys
 * (2 if all of them are shifted).
 */
function walkGuesses(lay: Compiled, keys: number, turns: number, shifted: number): number {
  const strokes = turns + 1;
  const deg = lay.degree;
  let total = 0;
  for (let i = 2; i <= keys; i++) {
    const steps = i - 1;
    if (strokes >= steps) {
      total += deg * (1 + deg) ** (steps - 1); // closed form of the full binomial sum
    } else {
      let binom = 1; // C(steps − 1, t − 1)
      for (let t = 1; t <= strokes; t++) {
        total += binom * deg ** t;
        binom = (binom * (steps - t)) / t;
      }
    }
  }
  total *= lay.starts;
  const unshifted = keys - shifted;
  if (shifted > 0) {
    if (unshifted === 0) total *= 2;
    else {
      let ways = 0;
      let binom = 1;
      const m = Math.min(shifted, unshifted);
      for (let k = 1; k <= m; k++) {
        binom = (binom * (keys - k + 1)) / k;
        ways += binom;
      }
      total *= ways;
    }
  }
  return Math.min(total, Number.MAX_VALUE);
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
