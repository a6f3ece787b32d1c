import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker } from '../../src/index.js';
import type { EvaluationResult } from '../../src/engine/evaluate.js';

/**
 * Issue 19: two strings interleaved (`p1a2s3s4w5o6r7d8`) passed. The interleave attack
 * (score/attacks/interleave.ts) reads every other character as a word and the rest as a run.
 */
const weakKind = (r: EvaluationResult) => r.findings.find((f) => f.code === 'WEAK')?.params?.kind;

describe('interleave (score/attacks/interleave.ts)', () => {
  let evaluate: (p: string) => EvaluationResult;
  beforeAll(async () => {
    const checker = await createChecker({ breached: false });
    evaluate = (p) => checker.evaluate(p);
  });

  it.each([
    ['p1a2s3s4w5o6r7d8', 'ascending digits after each letter'],
    ['1p2a3s4s5w6o7r8d', 'the run first'],
    ['s9u8n7s6h5i4n3e2', 'descending digits'],
    ['d1r1a1g1o1n1', 'one digit repeated'],
    ['M1o2n3k4e5y6', 'a capital'],
    ['s7u8n9s0h1i2n3e', 'a run that wraps from 9 to 0'],
  ])('%s (%s) is rejected, the feedback naming the attack', (password) => {
    const r = evaluate(password);
    expect(r.accepted).toBe(false);
    expect(weakKind(r)).toBe('interleaved-run');
    expect(r.feedback.warning).toMatch(/1234/);
    expect(JSON.stringify(r)).not.toContain(password);
  });

  it.each(['p1a3s2s4w5o6r7d8', 'x1q2z3v4b5n6', 'q8#Vz!2mLp'])('%s is not read as interleaved (no run, or no word)', (password) => {
    expect(weakKind(evaluate(password))).not.toBe('interleaved-run');
  });

  it('names the attack only where every other character is a run of digits or letters (a naive reading)', () => {
    const isRun = (cs: string[]) => {
      const codes = cs.map((c) => c.charCodeAt(0));
      const digits = codes.every((c) => c >= 0x30 && c <= 0x39);
      if (!digits && !codes.every((c) => c >= 0x61 && c <= 0x7a)) return false;
      const steps = codes.slice(1).map((c, i) => (digits ? (c - codes[i]! + 10) % 10 : c - codes[i]!));
      return [0, 1, digits ? 9 : -1].some((s) => steps.every((d) => d === s));
    };
    const halves = (p: string) => [[...p].filter((_, i) => i % 2 === 0), [...p].filter((_, i) => i % 2 === 1)];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 8, maxLength: 20 }), (p) => {
        if (weakKind(evaluate(p)) === 'interleaved-run') expect(halves(p.toLowerCase()).some(isRun)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
