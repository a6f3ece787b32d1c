import { LAYOUTS, type KeyDef, type LayoutDef } from './layouts.js';

/**
 * KEYBOARD_WALK's layouts, compiled once on first use: char → key, key × key → direction
 * (0 = not adjacent), and what the walk guesses and shape rules need per layout.
 */

export interface Compiled {
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

export function compiled(): Compiled[] {
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

export function isHorizontal(dir: number): boolean {
  return dir === 4 || dir === 6;
}

/**
 * Layouts on which shorter shapes are reported. The 30k most common passwords hold 6–7 key shapes
 * on qwerty and the keypad only (qwertz shares them except around y/z); on azerty, qwertz and
 * dvorak such shapes were all chance hits in random strings, so there they need `ANCHOR_FREE` keys.
 */
const SHORT_SHAPES: ReadonlySet<string> = new Set(['qwerty', 'keypad']);
