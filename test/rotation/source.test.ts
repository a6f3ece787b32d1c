import { describe, expect, it } from 'vitest';
import { verifyCandidates, ALWAYS_VERIFIED } from '../../src/rotation/source.js';
import type { ParsedHash } from '../../src/rotation/hash-format.js';

// A fake clock and verifier: which (candidate, hash) pairs are tried, in which order, and when
// the budget stops them.
const H = (n: number) => ({ scheme: 'bcrypt', encoded: `h${n}`, cost: 'x' }) as ParsedHash;

function run(candidates: string[], hashes: ParsedHash[], budgetMs: number, costMs: number, match?: string) {
  let t = 0;
  const tried: string[] = [];
  const verify = async (c: string, h: ParsedHash) => {
    tried.push(`${c}@${(h as { encoded: string }).encoded}`);
    t += costMs;
    return `${c}@${(h as { encoded: string }).encoded}` === match;
  };
  return verifyCandidates(candidates, hashes, verify, budgetMs, undefined, () => t).then((trace) => ({ trace, tried }));
}

describe('verifyCandidates', () => {
  it('tries each candidate against every hash in rank order and stops at the first match', async () => {
    const { trace, tried } = await run(['a', 'b', 'c'], [H(0), H(1)], 1000, 1, 'c@h0');
    expect(tried).toEqual(['a@h0', 'b@h0', 'a@h1', 'b@h1', 'c@h0']);
    expect(trace).toEqual({ verified: 5, matched: true, stoppedBy: 'match' });
  });

  it('stops at the budget, but always makes the first verifications (password and top predecessor, first hash)', async () => {
    const slow = await run(['self', 'top', 'next'], [H(0)], 100, 500, 'top@h0');
    expect(slow.trace).toEqual({ verified: ALWAYS_VERIFIED, matched: true, stoppedBy: 'match' });
    const miss = await run(['self', 'top', 'next'], [H(0)], 100, 500);
    expect(miss.tried).toEqual(['self@h0', 'top@h0']);
    expect(miss.trace.stoppedBy).toBe('budget');
  });

  it('stops after the candidates run out', async () => {
    const { trace } = await run(['a'], [H(0)], 1000, 1);
    expect(trace).toEqual({ verified: 1, matched: false, stoppedBy: 'candidates' });
  });

  it('stops when the signal aborts', async () => {
    const abort = new AbortController();
    abort.abort();
    const trace = await verifyCandidates(['a', 'b'], [H(0)], async () => false, 1000, abort.signal);
    expect(trace).toEqual({ verified: 0, matched: false, stoppedBy: 'abort' });
  });
});
