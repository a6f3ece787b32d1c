import { LAYOUTS, type LayoutDef } from './layouts.js';
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
 * - Per span only the cheapest layout is kept, and walks contained in a longer walk are dropped.
 *
 * Not caught on purpose: walks of 3 keys (`qwe`, `asd`: in random text and in words they are too
 * common to report; the sequence/affix detectors and the dictionary cover the usual `zxc123`),
 * repeated keys inside a walk (`qwwerty` splits), and mobile keyboards.
 */
export function findKeyboardWalks(plain: string): PatternMatch[] {
  const all: PatternMatch[] = [];
  // Nothing shorter than 4 keys is ever reported (see `acceptable`): skip the layout scans.
  if (plain.length < 4) return all;
  for (const layout of compiled()) collectWalks(plain, layout, all);
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
  return { name: layout.name, keyOf, adj, size, starts: size, degree: edges / size };
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

  const count = mergeSnakes(plain, lay);
  for (let r = 0; r < count; r++) {
    const w = rawPool[r]!;
    const keys = w.end - w.start;
    if (!acceptable(keys, w.turns)) continue;
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
 * Joins column snakes in place in the first `rawCount` pool entries and returns how many walks
 * remain: walk B directly follows walk A in the string, A ends with a straight vertical run of
 * ≥ 3 keys, B starts with one in the same direction, and the first keys of those two runs are
 * horizontal neighbours. Merged-away entries are swapped (not overwritten) so the pool keeps
 * distinct objects.
 */
function mergeSnakes(plain: string, lay: Compiled): number {
  let w = 0;
  for (let r = 0; r < rawCount; r++) {
    const b = rawPool[r]!;
    const a = w > 0 ? rawPool[w - 1] : undefined;
    if (a !== undefined && a.end === b.start && a.lastDir === b.firstDir && !isHorizontal(b.firstDir) &&
        a.end - a.lastSegStart >= 3 && b.firstSegLen >= 3) {
      const ka = lay.keyOf[plain.charCodeAt(a.lastSegStart)]! >> 1;
      const kb = lay.keyOf[plain.charCodeAt(b.start)]! >> 1;
      if (isHorizontal(lay.adj[ka * lay.size + kb]!)) {
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
