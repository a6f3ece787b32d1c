import fc from 'fast-check';
import { adjacencyGraphs } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { findKeyboardPieces, findPatterns } from '../../src/detect/patterns/index.js';
import { pieceCount, piecesSpaceLog10 } from '../../src/detect/patterns/keyboard-pieces.js';
import { compiled } from '../../src/detect/patterns/keyboard-layout.js';
import { QWERTY } from '../../src/detect/patterns/layouts.js';

// Held-out SecLists entries the recommended profile accepted before (issue 11): two 4-key pieces,
// each typed in one shift state.
const COMBOS = [
  '%T$R*()_', 'op][#E@W', 'p0o9op][', 'xsw2@W!Q', 'R$E#xsw2', 'BGT%y6t5', 'qwerY^T%', '(O*Iasdf',
  '$%&^bnm,', '()+_T%R$', '90=-ghjk', '2w1q$R#E', '3e2wU&Y^', 'wert90=-', 'I*U&r4e3', '@W!Q4576',
];

// Not pieces: random strings (the prototype's two random alphanumeric hits among them: their
// 4-key runs change shift state), a shift change inside a piece, a key twice in a piece, words of
// neighbouring keys with a non-adjacent step, too short, non-ASCII, a space.
const NOT_PIECES = [
  'mJiKUfRFe', 'YHHTfvDcf', 'k7Qm2xVb9', 'Tr0ub4dor&3', 'correcthorse', 'sweatersweater', 'qwERasdf',
  'qwqwasdf', 'asdfasdfa', 'qwerty12', 'redwaters', 'qwer', 'qwerasd', 'qwerésdf', 'qwer asdf',
];

describe('keyboard pieces', () => {
  it.each(COMBOS)('rejects %s (recommended, no breach list)', async (password) => {
    const checker = await createChecker({ minLength: 8, breached: false });
    const r = checker.evaluate(password);
    expect(r.accepted).toBe(false);
    expect(r.strength!.score).toBeLessThan(3);
    expect(findKeyboardPieces(password.toLowerCase(), password).map((m) => [m.start, m.end])).toEqual([[0, 4], [4, 8]]);
  });

  it.each(NOT_PIECES)('does not report %s', (password) => {
    expect(findKeyboardPieces(password.toLowerCase(), password)).toEqual([]);
  });

  it('still accepts the random strings near the rule', async () => {
    const checker = await createChecker({ minLength: 8, breached: false });
    for (const p of ['mJiKUfRFe', 'YHHTfvDcf']) expect(checker.evaluate(p).accepted, p).toBe(true);
    // A random lowercase 10 that happens to be two 5-key pieces: its class (73,440² ≈ 10^9.7) is
    // only 10^4.4 below the 26^10 random strings of its kind, so the small-space cap does not apply.
    expect(findKeyboardPieces('tfgvbmnjuy', 'tfgvbmnjuy')).toHaveLength(2);
    expect(checker.evaluate('tfgvbmnjuy').accepted).toBe(true);
  });

  it('takes the fewest pieces, longer pieces and more than two', () => {
    expect(findKeyboardPieces('qwertasdfg', 'qwertasdfg').map((m) => m.end - m.start)).toEqual([5, 5]);
    expect(findKeyboardPieces('1qaz2wsx3edc', '1qaz2wsx3edc').map((m) => m.end - m.start)).toEqual([4, 4, 4]);
    // One chain of 8 keys is also two pieces of ≥ 4.
    expect(findKeyboardPieces('qwertyui', 'qwertyui')).toHaveLength(2);
  });

  it('prices a piece as the pieces of its length × 2 shift states', () => {
    const [a] = findKeyboardPieces('op][#e@w', 'op][#E@W');
    expect(a).toMatchObject({ code: 'KEYBOARD_WALK', kind: 'pieces', guesses: 2 * pieceCount(4), params: { layout: 'qwerty', length: 4 } });
    // Longer pieces are bounded above by the last key's other neighbours.
    expect(pieceCount(7)).toBeGreaterThanOrEqual(pieceCount(6));
  });

  it("sizes the password's class from its pieces, only when they tile it", () => {
    const two = findKeyboardPieces('op][#e@w', 'op][#E@W');
    expect(piecesSpaceLog10(two, 8)).toBeCloseTo(2 * Math.log10(2 * pieceCount(4)), 9);
    expect(piecesSpaceLog10(two.slice(1), 8)).toBe(Infinity);
    expect(piecesSpaceLog10(two, 9)).toBe(Infinity);
    // Three 4-key pieces are above the small-space bound (10^12.6): left to the estimate.
    const three = findKeyboardPieces('1qaz2wsx3edc', '1qaz2wsx3edc');
    expect(piecesSpaceLog10(three, 12)).toBeGreaterThan(12.6);
    // Long input: linear, one piece per 4 keys here.
    expect(findKeyboardPieces('qwerasdf'.repeat(40), 'qwerasdf'.repeat(40))).toHaveLength(80);
  });

  it('keeps refusing a repeated key in a chain past 32,767 characters (positions do not wrap)', () => {
    // findKeyboardPieces is exported: the checker caps input far below this, a direct caller may not.
    const typed = 'xcvb'.repeat(10_000) + 'qwqw';
    expect(findKeyboardPieces(typed, typed)).toEqual([]);
    const tiled = 'xcvb'.repeat(10_000) + 'qwer';
    expect(findKeyboardPieces(tiled, tiled).length).toBe(10_001);
  });

  it('needs the typed text to line up with plain', () => {
    expect(findKeyboardPieces('op][#e@w', 'op][#E@Wx')).toEqual([]);
    expect(findKeyboardPieces('op][#e@x', 'op][#E@W')).toEqual([]);
    // Without the typed password findPatterns is what it was.
    expect(findPatterns('op][#e@w').some((m) => m.kind === 'pieces')).toBe(false);
    expect(findPatterns('op][#e@w', 'op][#E@W').filter((m) => m.kind === 'pieces')).toHaveLength(2);
  });

  it("the staggered qwerty layout is zxcvbn's adjacency graph", () => {
    const q = compiled().find((l) => l.name === 'qwerty')!;
    const keys = QWERTY.keys;
    const graph = adjacencyGraphs.qwerty as Record<string, (string | null)[]>;
    for (let a = 0; a < keys.length; a++) {
      const theirs = new Set((graph[keys[a]!.chars[0]] ?? []).filter((x): x is string => x !== null).map((x) => x[0]!));
      const ours = new Set(keys.filter((_, b) => q.adj[a * q.size + b]! > 0).map((k) => k.chars[0]));
      expect(ours, keys[a]!.chars[0]).toEqual(theirs);
    }
  });

  it('equals a brute force over every split (naive oracle)', () => {
    let positives = 0;
    fc.assert(
      fc.property(typedArb, (typed) => {
        const got = findKeyboardPieces(typed.toLowerCase(), typed);
        const want = naiveFewest(typed, 0);
        if (want < 2 || !Number.isFinite(want)) {
          expect(got).toEqual([]);
          return;
        }
        expect(got.length).toBe(want);
        let at = 0;
        for (const m of got) {
          expect(m.start).toBe(at);
          expect(naivePiece(typed.slice(m.start, m.end))).toBe(true);
          at = m.end;
        }
        expect(at).toBe(typed.length);
        positives++;
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the rule often, or the comparison says little.
    expect(positives).toBeGreaterThan(300);
  });

  it('never carries the password text', () => {
    fc.assert(
      fc.property(typedArb, (typed) => {
        for (const m of findKeyboardPieces(typed.toLowerCase(), typed)) {
          for (const v of Object.values(m.params ?? {})) expect(typeof v === 'number' || v === 'qwerty').toBe(true);
          expect(JSON.stringify(m)).not.toContain(typed);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- the naive oracle: the rule read straight off its definition --------------------------------

const ROWS = [['`1234567890-=', '~!@#$%^&*()_+'], ['qwertyuiop[]\\', 'QWERTYUIOP{}|'], ["asdfghjkl;'", 'ASDFGHJKL:"'], ['zxcvbnm,./', 'ZXCVBNM<>?']];

function where(ch: string): { row: number; col: number; shift: number; base: string } | undefined {
  for (let r = 0; r < ROWS.length; r++) {
    for (let shift = 0; shift < 2; shift++) {
      const i = ROWS[r]![shift]!.indexOf(ch);
      if (i >= 0) return { row: r, col: i + (r > 0 ? 1 : 0), shift, base: ROWS[r]![0]![i]! };
    }
  }
  return undefined;
}

function adjacent(a: string, b: string): boolean {
  const p = where(a)!;
  const q = where(b)!;
  if (p.base === q.base) return false;
  if (Math.abs(p.row - q.row) <= 1 && Math.abs(p.col - q.col) <= 1) return true;
  const graph = adjacencyGraphs.qwerty as Record<string, (string | null)[]>;
  return (graph[p.base] ?? []).some((n) => n !== null && n.includes(q.base));
}

function naivePiece(s: string): boolean {
  if (s.length < 4) return false;
  const ks = [...s].map(where);
  if (ks.some((k) => k === undefined)) return false;
  if (new Set(ks.map((k) => k!.shift)).size !== 1) return false;
  if (new Set(ks.map((k) => k!.base)).size !== s.length) return false;
  let chain = true;
  for (let i = 1; i < s.length; i++) if (!adjacent(s[i - 1]!, s[i]!)) chain = false;
  if (chain) return true;
  if (s.length !== 4) return false;
  const rows = ks.map((k) => k!.row);
  const cols = ks.map((k) => k!.col);
  const h = Math.max(...rows) - Math.min(...rows) + 1;
  const w = Math.max(...cols) - Math.min(...cols) + 1;
  return (h === 1 && w === 4) || (h === 4 && w === 1) || (h === 2 && w === 2);
}

/** Fewest pieces covering typed[from..] (Infinity: none), the first piece not the whole string. */
function naiveFewest(typed: string, from: number): number {
  let best = Infinity;
  for (let end = from + 4; end <= typed.length; end++) {
    if (from === 0 && end === typed.length) continue;
    if (!naivePiece(typed.slice(from, end))) continue;
    const rest = end === typed.length ? 0 : naiveFewestAny(typed, end);
    best = Math.min(best, 1 + rest);
  }
  return best;
}

function naiveFewestAny(typed: string, from: number): number {
  let best = Infinity;
  for (let end = from + 4; end <= typed.length; end++) {
    if (!naivePiece(typed.slice(from, end))) continue;
    best = Math.min(best, 1 + (end === typed.length ? 0 : naiveFewestAny(typed, end)));
  }
  return best;
}

// Strings that often are pieces: random walks on the keyboard, in one shift state per stretch,
// glued together, sometimes with a character changed.
const ALL = ROWS.flatMap(([a, b]) => [...a!, ...b!]);
const walkArb = fc.record({ start: fc.nat(), steps: fc.array(fc.nat(), { minLength: 3, maxLength: 6 }), shift: fc.boolean() }).map(({ start, steps, shift }) => {
  const unshifted = ROWS.flatMap(([a]) => [...a!]);
  let k = unshifted[start % unshifted.length]!;
  const out = [k];
  for (const s of steps) {
    // Mostly keys not yet used, so that most walks are pieces; now and then any neighbour.
    const next = unshifted.filter((x) => adjacent(k, x) && (s % 7 === 0 || !out.includes(x)));
    if (next.length === 0) break;
    k = next[s % next.length]!;
    out.push(k);
  }
  return out.map((c) => (shift ? ROWS.find(([a]) => a!.includes(c))![1]![ROWS.find(([a]) => a!.includes(c))![0]!.indexOf(c)]! : c)).join('');
});
const typedArb = fc.oneof(
  fc.array(walkArb, { minLength: 2, maxLength: 4 }).map((ws) => ws.join('')),
  fc.tuple(fc.array(walkArb, { minLength: 2, maxLength: 3 }), fc.nat(), fc.constantFrom(...ALL)).map(([ws, i, c]) => {
    const s = ws.join('');
    const at = i % s.length;
    return s.slice(0, at) + c + s.slice(at + 1);
  }),
  fc.array(fc.constantFrom(...'qwerasdf1234QWER!@#$zxcv[]'), { minLength: 8, maxLength: 14 }).map((a) => a.join('')),
);
