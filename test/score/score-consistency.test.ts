import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import type { EvaluationResult } from '../../src/engine/evaluate.js';
import { SCORE_THRESHOLDS, scoreOf } from '../../src/score/strength.js';
import { MODEL_REJECT_LOG10 } from '../../src/score/model/index.js';
import { weaknessFindings } from '../../src/policy/weakness.js';
import { PROFILES } from '../../src/policy/profiles.js';
import type { Estimated } from '../../src/score/estimate.js';

/**
 * Issue 19: strength.score is a function of strength.guesses alone (one table, SCORE_THRESHOLDS),
 * so it never falls as the guesses rise, and a rejection for weakness (WEAK, PREDICTABLE_STRING)
 * never sits beside a score the profile accepts (`Tikbalang8` was 4/4 and rejected;
 * `tinchair150` was 10^11 guesses and score 2).
 */
const BREACH_LIKE = [
  'Tikbalang8', 'tinchair150', 'goldengate37', 'bestlove1990', 'Winniethepooh1', '3winniethepooh', '5kalamazoo',
  'llabteksab', 'elppaeniP', '!uoyevoli', '1enihsnus', 'salmonnomlas', 'customercarepass', 'postgresqlpass',
  'worthlesspieceofshit', 'thisisnotmypassword', 'go jump in a lake', 'leddzeppelin', 'p1a2s3s4w5o6r7d8',
  'Password1!', 'Welcome01', 'Summer2024!', 'P@ssw0rd1', 'qwerty123', '000abl9f', '%T$R*()_', 'dontfuckwithchuck',
  'mahmoodbetyou7', 'iloveyou2', 'Monkey!23', 'dragon1987', 'Charlie#1', 'sunshine99', 'zaq12wsxcde3',
];
const WORDS = ['love', 'monkey', 'dragon', 'sunshine', 'princess', 'football', 'charlie', 'shadow', 'master', 'tigger'];
const AFFIXES = ['', '1', '12', '123', '!', '2024', '1990', '#1', '01'];

/** Breach-like: a common word, maybe capitalised, with common affixes on either side. */
const breachLike = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS, ''), fc.constantFrom(...AFFIXES),
  fc.constantFrom(...AFFIXES), fc.boolean()).map(([a, b, pre, post, cap]) => {
  const w = a + b;
  return pre + (cap ? w.charAt(0).toUpperCase() + w.slice(1) : w) + post;
});
const randomAscii = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 8, maxLength: 24 });

const WEAKNESS = new Set(['WEAK', 'PREDICTABLE_STRING']);
const rejectedForWeakness = (r: EvaluationResult) => r.findings.some((f) => WEAKNESS.has(f.code) && f.severity === 'reject');

describe('strength score follows guesses (recommended)', () => {
  let evaluate: (p: string) => EvaluationResult;
  beforeAll(async () => {
    const checker = await createChecker({ breached: false });
    evaluate = (p) => checker.evaluate(p);
  });

  it('score = scoreOf(guesses); never 3+ beside a rejection for weakness, on the named shapes', () => {
    for (const p of BREACH_LIKE) {
      const r = evaluate(p);
      const s = r.strength!;
      expect(s.score, p).toBe(scoreOf(s.guesses));
      if (rejectedForWeakness(r)) expect(s.guesses, p).toBeLessThan(SCORE_THRESHOLDS[2]);
    }
  });

  it('pairs ordered by guesses are ordered by score, over random and breach-like passwords', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(randomAscii, breachLike), { minLength: 2, maxLength: 12 }), (pws) => {
        const got = pws.map((p) => evaluate(p).strength!);
        for (const a of got) {
          for (const b of got) {
            if (a.guesses > b.guesses) expect(a.score).toBeGreaterThanOrEqual(b.score);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  // `Winter2020!` (10^7.95 guesses) was rejected as WEAK with guessesLog10 8 — the bound itself,
  // rounded up — beside strength.guessesLog10 7.95.
  it('a WEAK finding never shows the bound it fell short of: its figure is rounded down', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom('Winter2020!', ...BREACH_LIKE), breachLike, randomAscii), (p) => {
        const r = evaluate(p);
        const weak = r.findings.find((f) => f.code === 'WEAK');
        if (!weak) return;
        const shown = weak.params!.guessesLog10 as number;
        expect(shown, p).toBeLessThan(Math.log10(SCORE_THRESHOLDS[2]));
        expect(shown, p).toBeLessThanOrEqual(r.strength!.guessesLog10);
        expect(r.strength!.guessesLog10 - shown, p).toBeLessThan(0.1 + 1e-9);
      }),
      { numRuns: 1500 },
    );
  });

  it('the character model\'s figure is rounded down too: under its bound, PREDICTABLE_STRING never shows the bound', () => {
    const profile = PROFILES.recommended;
    const estimated = (modelLog10: number) =>
      ({ summary: { guesses: 1e7, guessesLog10: 7, score: 2 }, split: { guesses: 1e9 }, model: { rejects: true, shape: 'string', guessesLog10: modelLog10 }, words: [], attack: null }) as unknown as Estimated;
    for (const [raw, shown] of [[MODEL_REJECT_LOG10 - 0.04, MODEL_REJECT_LOG10 - 0.1], [10.26, 10.2], [10.2, 10.2], [9.99, 9.9]] as const) {
      const f = weaknessFindings(profile, estimated(raw)).find((x) => x.code === 'PREDICTABLE_STRING');
      expect(f?.params?.guessesLog10, String(raw)).toBeCloseTo(shown, 9);
    }
  });

  it('no rejection for weakness with a score the profile accepts (3 or 4)', () => {
    fc.assert(
      fc.property(fc.oneof(randomAscii, breachLike), (p) => {
        const r = evaluate(p);
        if (rejectedForWeakness(r)) expect(r.strength!.score).toBeLessThan(3);
        expect(r.strength!.score).toBe(scoreOf(r.strength!.guesses));
      }),
      { numRuns: 1500 },
    );
  });
});
