import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPatterns } from '../../src/detect/patterns/index.js';
import {
  BRUTEFORCE_CODE,
  estimateStrength,
  guessesForWord,
  scoreOf,
  type Candidate,
} from '../../src/score/strength.js';

const cand = (start: number, end: number, guesses: number, code = 'DICTIONARY_WORD'): Candidate => ({
  start,
  end,
  guesses,
  code,
});

/** The zxcvbn objective for a given split: log10(l! · Π guesses + 10^4^(l−1)). */
function objective(tokensLog: number[]): number {
  const l = tokensLog.length;
  let f = 0;
  for (let i = 2; i <= l; i++) f += Math.log10(i);
  const a = f + tokensLog.reduce((x, y) => x + y, 0);
  const b = 4 * (l - 1);
  return Math.max(a, b) + Math.log10(1 + 10 ** (Math.min(a, b) - Math.max(a, b)));
}

/**
 * Independent oracle: enumerates EVERY split of [0, n) into candidates and brute-force gaps
 * (10 per char) and returns the cheapest objective. Exponential, for n ≤ 9 only.
 */
function oracle(n: number, cands: Candidate[]): number {
  let best = Infinity;
  const tokens: number[] = [];
  const floor = (c: Candidate) => (c.end - c.start === n ? 1 : c.end - c.start === 1 ? 10 : 50);
  const walk = (pos: number): void => {
    if (pos === n) {
      best = Math.min(best, objective(tokens));
      return;
    }
    for (let j = pos + 1; j <= n; j++) {
      tokens.push(j - pos);
      walk(j);
      tokens.pop();
    }
    for (const c of cands) {
      if (c.start !== pos) continue;
      tokens.push(Math.log10(Math.max(c.guesses, floor(c))));
      walk(c.end);
      tokens.pop();
    }
  };
  walk(0);
  return best;
}

function candidatesOf(plain: string, words: Record<string, number> = {}): Candidate[] {
  const out: Candidate[] = findPatterns(plain).map((m) => cand(m.start, m.end, m.guesses, m.code));
  for (const [w, rank] of Object.entries(words)) {
    for (let i = plain.indexOf(w); i >= 0; i = plain.indexOf(w, i + 1)) out.push(cand(i, i + w.length, rank));
  }
  return out;
}

describe('estimateStrength: examples', () => {
  it('"password" as a rank-2 word scores 0', () => {
    const s = estimateStrength(8, [cand(0, 8, 2)]);
    expect(s.score).toBe(0);
    expect(s.guesses).toBeCloseTo(3, 6); // 1!·2 + 10^0
    expect(s.sequence).toEqual([cand(0, 8, 2)]);
  });

  it('a random 16-char password with no candidates scores 4 (10^16)', () => {
    const s = estimateStrength(16, []);
    expect(s.score).toBe(4);
    expect(s.guessesLog10).toBeCloseTo(16, 9);
    expect(s.sequence).toEqual([{ start: 0, end: 16, guesses: 1e16, code: BRUTEFORCE_CODE }]);
  });

  it('the empty password is 1 guess, score 0', () => {
    expect(estimateStrength(0, [])).toEqual({ guesses: 1, guessesLog10: 0, score: 0, sequence: [] });
  });

  it('decomposes word + affix tokens the zxcvbn way', () => {
    // welcome01: 2!·300·100 + 10^4 = 70 000
    const s = estimateStrength(9, candidatesOf('welcome01', { welcome: 300 }));
    expect(s.sequence.map((c) => [c.start, c.end, c.code])).toEqual([
      [0, 7, 'DICTIONARY_WORD'],
      [7, 9, 'PREDICTABLE_AFFIX'],
    ]);
    expect(s.guesses).toBeCloseTo(70_000, 3);
    expect(s.score).toBe(1);
  });

  it('weak pattern passwords score 0–1, and a dictionary-free random string scores 4', () => {
    for (const pw of ['qwerty123', '1qaz2wsx', 'aaaaaaaaaaaa', 'abcabcabc', '12/05/1990', '147258369']) {
      expect(estimateStrength(pw.length, candidatesOf(pw)).score, pw).toBeLessThanOrEqual(1);
    }
    const pw = 'x7kp2mqz9vlr4tbw';
    expect(estimateStrength(pw.length, candidatesOf(pw)).score).toBe(4);
  });

  it('uses the cheapest covering match, not the first', () => {
    const s = estimateStrength(6, [cand(0, 6, 1e5, 'A'), cand(0, 6, 20, 'B'), cand(0, 3, 5, 'C')]);
    expect(s.sequence.map((c) => c.code)).toEqual(['B']);
  });

  it('ignores malformed candidates instead of throwing', () => {
    const bad = [
      cand(-1, 3, 5),
      cand(2, 2, 5),
      cand(3, 2, 5),
      cand(0, 99, 5),
      cand(0, 4, Number.NaN),
      cand(0, 4, Infinity),
      cand(0, 4, 0),
      cand(0.5, 4, 5),
    ];
    expect(estimateStrength(4, bad)).toEqual(estimateStrength(4, []));
  });

  it('scoreOf uses the zxcvbn thresholds with their +5 margin', () => {
    expect([1e3 + 4, 1e3 + 5, 1e6 + 5, 1e8 + 5, 1e10 + 4, 1e10 + 5].map(scoreOf)).toEqual([0, 1, 2, 3, 3, 4]);
  });
});

// ------------------------------------------------------------------------------------------------

const candidateSets = (maxLen: number) =>
  fc.integer({ min: 1, max: maxLen }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(
        fc
          .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n }), fc.double({ min: 0, max: 8, noNaN: true }))
          .map(([a, len, lg]) => cand(a, Math.min(n, a + len), 10 ** lg, 'X')),
        { maxLength: 12 },
      ),
    ),
  );

/** The returned sequence covers [0, n) contiguously and its own objective is the reported value. */
function checkSequence(n: number, cands: Candidate[], s: ReturnType<typeof estimateStrength>): void {
  let pos = 0;
  const logs: number[] = [];
  let lastWasGap = false;
  for (const t of s.sequence) {
    expect(t.start).toBe(pos);
    expect(t.end).toBeGreaterThan(t.start);
    if (t.code === BRUTEFORCE_CODE) {
      expect(lastWasGap).toBe(false); // adjacent gaps are always merged
      expect(t.guesses).toBeCloseTo(10 ** (t.end - t.start), 6);
      lastWasGap = true;
    } else {
      expect(cands.some((c) => c.start === t.start && c.end === t.end && c.code === t.code)).toBe(true);
      lastWasGap = false;
    }
    logs.push(Math.log10(t.guesses));
    pos = t.end;
  }
  expect(pos).toBe(n);
  expect(objective(logs)).toBeCloseTo(s.guessesLog10, 6);
}

describe('estimateStrength: properties', () => {
  it('equals the exhaustive optimum on small inputs', () => {
    fc.assert(
      fc.property(candidateSets(9), ([n, cands]) => {
        const s = estimateStrength(n, cands);
        expect(s.guessesLog10).toBeCloseTo(oracle(n, cands), 6);
        checkSequence(n, cands, s);
      }),
      { numRuns: 400 },
    );
  });

  it('returns a consistent covering sequence on longer inputs', () => {
    fc.assert(
      fc.property(candidateSets(80), ([n, cands]) => {
        const s = estimateStrength(n, cands);
        checkSequence(n, cands, s);
        expect(s.score).toBe(scoreOf(s.guesses));
        expect(estimateStrength(n, cands)).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('more candidates never raise the estimate', () => {
    fc.assert(
      fc.property(candidateSets(24), fc.integer({ min: 0, max: 11 }), ([n, cands], k) => {
        const fewer = cands.filter((_, i) => i !== k);
        expect(estimateStrength(n, cands).guessesLog10).toBeLessThanOrEqual(estimateStrength(n, fewer).guessesLog10 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('appending characters no candidate covers never lowers the estimate', () => {
    fc.assert(
      fc.property(candidateSets(20), fc.integer({ min: 1, max: 8 }), ([n, cands], extra) => {
        expect(estimateStrength(n + extra, cands).guessesLog10).toBeGreaterThanOrEqual(
          estimateStrength(n, cands).guessesLog10 - 1e-9,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('random 16-char lowercase+digit passwords score 4 with all pattern candidates', () => {
    const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alnum, minLength: 16, maxLength: 16 }), (pw) => {
        expect(estimateStrength(16, candidatesOf(pw)).score).toBe(4);
      }),
      { numRuns: 200, seed: 20260101 },
    );
  });
});

describe('guessesForWord', () => {
  it('is the rank for a plain lowercase match', () => {
    expect(guessesForWord(42, 'password')).toBe(42);
    expect(guessesForWord(42, 'password', 'password')).toBe(42);
    expect(guessesForWord(0, 'password')).toBe(1);
    expect(guessesForWord(Number.NaN, 'password')).toBe(1);
  });

  it('doubles for the obvious capitalisations', () => {
    expect(guessesForWord(10, 'password', 'Password')).toBe(20);
    expect(guessesForWord(10, 'password', 'passworD')).toBe(20);
    expect(guessesForWord(10, 'password', 'PASSWORD')).toBe(20);
  });

  it('counts the ways to choose mixed case', () => {
    // 2 upper, 6 lower: C(8,1) + C(8,2) = 36
    expect(guessesForWord(10, 'password', 'PaSsword')).toBe(360);
  });

  it('adds substitutions: all-substituted letters double, partial ones count choices', () => {
    expect(guessesForWord(10, 'password', 'p@ssw0rd')).toBe(40); // a: ×2, o: ×2
    expect(guessesForWord(10, 'password', 'P@ssw0rd')).toBe(80); // and the capital
    expect(guessesForWord(10, 'aaaa', '@aaa')).toBe(10 * 4); // C(4,1)
  });

  it('falls back to one doubling when normalisation changed the length', () => {
    expect(guessesForWord(10, 'strasse', 'Straße')).toBe(20);
  });
});
