import type { PatternMatch } from './types.js';
import { QWERTY } from './layouts.js';
import { compiled } from './keyboard-layout.js';

/**
 * KEYBOARD_WALK `pieces`: the password as typed is nothing but ≥ 2 keyboard pieces of ≥ 4 keys
 * (`%T$R*()_`, `xsw2@W!Q`, `90=-ghjk`, `p0o9op][`) on US qwerty. Breach lists hold thousands of
 * these 8-character combinations; findKeyboardWalks does not report them because a 4-key zigzag
 * or block is too common by chance inside random strings. Here chance is ruled out by requiring
 * the WHOLE password to be pieces, each piece typed in ONE shift state (all shifted or none: a
 * random mixed-case string rarely keeps one case for 4 keys four times over) with no key twice.
 *
 * A piece is either
 * - a chain: each key adjacent to the previous one, where adjacent is the 8-neighbourhood on the
 *   rectangular grid hashcat's kwprocessor walks (`q` under `1`, `a` under `q`, `z` under `a`;
 *   so `t`→`4` and `5`→`t`) or zxcvbn's staggered qwerty graph (the compiled `qwerty` layout:
 *   caps that touch; test/detect/keyboard-pieces.test.ts checks it equals zxcvbn's), or
 * - exactly 4 keys filling a 1×4, 4×1 or 2×2 box of that grid, in any order (`90=-`, `op][`).
 *
 * Shifted characters count as their key (`%` is the `5` key). Each piece costs the number of
 * pieces of its length the rule admits (counted on the layout, see `pieceCount`) × 2 shift states.
 * Only whole printable-ASCII passwords are read, and `plain` must be the typed text lower-cased
 * position for position, so spans index `plain` as every PatternMatch does.
 */

export const PIECE_MIN = 4;
/** Pieces counted exactly up to this many keys (a depth-first count: ~10 ms for 6, once). */
const EXACT_MAX = 6;

interface Board {
  /** char code (< 128) → key index, or −1; `shift` → 1 for the shifted layer. */
  readonly key: Int8Array;
  readonly shift: Uint8Array;
  readonly row: Uint8Array;
  readonly col: Uint8Array;
  /** K×K: 1 when two keys are adjacent (grid 8-neighbours or staggered neighbours). */
  readonly adj: Uint8Array;
  readonly size: number;
  /** Most neighbours any key has: bounds how pieces longer than EXACT_MAX keys can go on. */
  readonly maxDegree: number;
  /** Distinct key sequences admitted per length (index = length), filled on demand. */
  readonly counts: number[];
}

let board: Board | undefined;

function getBoard(): Board {
  board ??= buildBoard();
  return board;
}

function buildBoard(): Board {
  const keys = QWERTY.keys;
  const size = keys.length;
  const key = new Int8Array(128).fill(-1);
  const shift = new Uint8Array(128);
  const row = new Uint8Array(size);
  const col = new Uint8Array(size);
  const inRow = new Map<number, number>();
  keys.forEach((k, i) => {
    for (let layer = 0; layer < 2; layer++) {
      const c = k.chars[layer]!.charCodeAt(0);
      key[c] = i;
      shift[c] = layer;
    }
    // kwprocessor's grid: the digit row from column 0 (backtick), each letter row from column 1.
    const index = inRow.get(k.y) ?? 0;
    inRow.set(k.y, index + 1);
    row[i] = k.y;
    col[i] = index + (k.y > 0 ? 1 : 0);
  });
  const staggered = compiled().find((l) => l.name === 'qwerty')!;
  const adj = new Uint8Array(size * size);
  let maxDegree = 0;
  for (let a = 0; a < size; a++) {
    let degree = 0;
    for (let b = 0; b < size; b++) {
      if (a === b) continue;
      const grid = Math.abs(row[a]! - row[b]!) <= 1 && Math.abs(col[a]! - col[b]!) <= 1;
      if (grid || staggered.adj[a * size + b]! > 0) adj[a * size + b] = 1;
      degree += adj[a * size + b]!;
    }
    maxDegree = Math.max(maxDegree, degree);
  }
  return { key, shift, row, col, adj, size, maxDegree, counts: [] };
}

/** Whether 4 distinct keys fill a 1×4, 4×1 or 2×2 box of the grid. */
function isBox(b: Board, k0: number, k1: number, k2: number, k3: number): boolean {
  const rows = Math.max(b.row[k0]!, b.row[k1]!, b.row[k2]!, b.row[k3]!) - Math.min(b.row[k0]!, b.row[k1]!, b.row[k2]!, b.row[k3]!);
  const cols = Math.max(b.col[k0]!, b.col[k1]!, b.col[k2]!, b.col[k3]!) - Math.min(b.col[k0]!, b.col[k1]!, b.col[k2]!, b.col[k3]!);
  return (rows === 0 && cols === 3) || (rows === 3 && cols === 0) || (rows === 1 && cols === 1);
}

/**
 * How many key sequences of `n` keys the rule admits (one shift state): exact for n ≤ EXACT_MAX
 * (chains by depth-first count; for n = 4 plus the box orderings that are not chains); beyond,
 * the bound count(EXACT_MAX) × (maxDegree − 1)^(n − EXACT_MAX) — each further key is one of the
 * last key's other neighbours — so a long piece is never priced below what it can cost.
 */
export function pieceCount(n: number): number {
  const b = getBoard();
  const cached = b.counts[n];
  if (cached !== undefined) return cached;
  let count: number;
  if (n > EXACT_MAX) count = pieceCount(EXACT_MAX) * (b.maxDegree - 1) ** (n - EXACT_MAX);
  else {
    const used = new Uint8Array(b.size);
    const walk = (last: number, depth: number): number => {
      if (depth === n) return 1;
      let sum = 0;
      for (let k = 0; k < b.size; k++) {
        if (used[k] || !b.adj[last * b.size + k]) continue;
        used[k] = 1;
        sum += walk(k, depth + 1);
        used[k] = 0;
      }
      return sum;
    };
    count = n === 4 ? boxOnlyOrderings(b) : 0;
    for (let k = 0; k < b.size; k++) {
      used[k] = 1;
      count += walk(k, 1);
      used[k] = 0;
    }
  }
  b.counts[n] = count;
  return count;
}

/** Orderings of 4 distinct keys filling a box that are not also chains (those are counted). */
function boxOnlyOrderings(b: Board): number {
  const at = new Map<number, number>();
  for (let k = 0; k < b.size; k++) at.set(b.row[k]! * 16 + b.col[k]!, k);
  const s = b.size;
  let extra = 0;
  for (const [h, w] of [[1, 4], [4, 1], [2, 2]] as const) {
    for (let r = 0; r + h <= 4; r++) for (let c = 0; c + w <= 16; c++) {
      const box: number[] = [];
      for (let dr = 0; dr < h; dr++) for (let dc = 0; dc < w; dc++) {
        const k = at.get((r + dr) * 16 + c + dc);
        if (k !== undefined) box.push(k);
      }
      if (box.length < 4) continue;
      // The 24 orderings: indices i, j, l distinct in 0..3, the fourth is 6 − i − j − l.
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) for (let l = 0; l < 4; l++) {
        if (i === j || i === l || j === l) continue;
        const [k0, k1, k2, k3] = [box[i]!, box[j]!, box[l]!, box[6 - i - j - l]!];
        if (!(b.adj[k0 * s + k1] && b.adj[k1 * s + k2] && b.adj[k2 * s + k3])) extra++;
      }
    }
  }
  return extra;
}

// Per-call scratch, grown as needed (one call at a time, like the other detectors).
let keys = new Int8Array(64);
let chainFrom = new Int32Array(64);
let best = new Int32Array(64);
let from = new Int32Array(64);
// Positions, like the arrays above: Int32 so that no input length wraps them.
const lastAt = new Int32Array(64);

/**
 * The pieces of `typed` when it is made of nothing else (fewest pieces, ≥ 2), else []. `plain`
 * is the normalised password the spans index; anything that is not `typed` lower-cased unit for
 * unit is skipped.
 */
export function findKeyboardPieces(plain: string, typed: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  const n = typed.length;
  if (n < 2 * PIECE_MIN || plain.length !== n) return out;
  const b = getBoard();
  if (keys.length < n + 1) {
    const m = Math.max(n + 1, keys.length * 2);
    keys = new Int8Array(m);
    chainFrom = new Int32Array(m);
    best = new Int32Array(m);
    from = new Int32Array(m);
  }
  // chainFrom[i]: the earliest start of a chain ending at i (exclusive end): one shift state, no
  // key twice, each key adjacent to the one before. Non-decreasing in i, so one pass.
  lastAt.fill(-1, 0, b.size);
  for (let i = 0; i < n; i++) {
    const c = typed.charCodeAt(i);
    if (c >= 128 || b.key[c]! < 0) return out;
    const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    if (plain.charCodeAt(i) !== lower) return out;
    const k = b.key[c]!;
    keys[i] = k;
    let start = i;
    if (i > 0 && b.shift[c] === b.shift[typed.charCodeAt(i - 1)] && b.adj[keys[i - 1]! * b.size + k]) start = chainFrom[i]!;
    if (lastAt[k]! >= start) start = lastAt[k]! + 1;
    lastAt[k] = i;
    chainFrom[i + 1] = start;
    // The first piece starts at 0 and is a chain or a box of its first 4 keys: most passwords
    // stop here, after 4 characters.
    if (i === PIECE_MIN - 1 && start > 0 && !isBoxPiece(b, typed, 0)) return out;
  }
  // best[i]: fewest pieces covering [0, i) (−1: none); a piece is at most `size` keys, so each
  // end looks at ≤ 47 starts. The last piece must not start at 0: at least 2 pieces.
  best[0] = 0;
  for (let i = 1; i <= n; i++) {
    best[i] = -1;
    if (i < PIECE_MIN) continue;
    const lo = Math.max(chainFrom[i]!, i === n ? PIECE_MIN : 0);
    for (let j = lo; j <= i - PIECE_MIN; j++) consider(i, j);
    if (i - PIECE_MIN >= (i === n ? PIECE_MIN : 0) && isBoxPiece(b, typed, i - PIECE_MIN)) consider(i, i - PIECE_MIN);
  }
  if (best[n]! < 2) return out;
  for (let i = n; i > 0; i = from[i]!) {
    const len = i - from[i]!;
    out.push({ start: from[i]!, end: i, code: 'KEYBOARD_WALK', kind: 'pieces', guesses: 2 * pieceCount(len), params: { layout: 'qwerty', length: len } });
  }
  return out.reverse();
}

function consider(i: number, j: number): void {
  const before = best[j]!;
  if (before < 0 || (best[i]! >= 0 && best[i]! <= before + 1)) return;
  best[i] = before + 1;
  from[i] = j;
}

/** Whether typed[j, j+4) is 4 distinct keys in one shift state filling a box. */
function isBoxPiece(b: Board, typed: string, j: number): boolean {
  const s = b.shift[typed.charCodeAt(j)];
  for (let t = j + 1; t < j + PIECE_MIN; t++) if (b.shift[typed.charCodeAt(t)] !== s) return false;
  const k0 = keys[j]!, k1 = keys[j + 1]!, k2 = keys[j + 2]!, k3 = keys[j + 3]!;
  if (k0 === k1 || k0 === k2 || k0 === k3 || k1 === k2 || k1 === k3 || k2 === k3) return false;
  return isBox(b, k0, k1, k2, k3);
}

/**
 * log10 of how many passwords share the keyboard-pieces shape of this one — the product of the
 * pieces' counts (× 2 shift states each) — when `patterns` hold pieces that tile [0, length);
 * else Infinity. An attacker who knows the rule enumerates the whole class, whatever the order of
 * its tokens (score/estimate.ts compares it to the small-space bound).
 */
export function piecesSpaceLog10(patterns: readonly PatternMatch[], length: number): number {
  let at = 0;
  let log = 0;
  for (const p of patterns) {
    if (p.kind !== 'pieces' || p.code !== 'KEYBOARD_WALK' || p.start !== at) continue;
    log += Math.log10(p.guesses);
    at = p.end;
  }
  return at === length && at > 0 ? log : Infinity;
}
