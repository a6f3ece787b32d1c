import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { predecessors, MAX_PREDECESSORS } from '../../src/rotation/predecessors.js';

describe('predecessors: the likeliest old passwords, ranked', () => {
  const cases: [string, string, number][] = [
    ['Quokka!Harbour2024', 'Quokka!Harbour2023', 1],
    ['password2', 'password1', 1],
    ['harbour1', 'harbour', 8],
    ['harbour10', 'harbour9', 2],
    ['harbour08', 'harbour07', 1],
    ['Spring2025!', 'Winter2024!', 4],
    ['Winter2021!', 'Autumn2021!', 4],
    ['Winter2021!', 'Fall2021!', 8],
    ['January2024', 'December2023', 4],
    ['MARCH99', 'FEBRUARY99', 4],
    ['Harbour2024!', 'Harbour2024', 4],
    ['Harbour2024', 'Harbour2024!', 8],
    ['Harbour2024#', 'Harbour2024!', 8],
    ['#Harbour2024', 'Harbour2024', 8],
    ['harbour2024', 'Harbour2024', 4],
    ['Tr0mbone', 'Trombone', 8],
    ['Harbour2024!', 'Harbour2023', 32],
  ];
  it.each(cases)('%s ← %s within the first %i', (next, old, k) => {
    expect(predecessors(next, k)).toContain(old);
  });

  it('is deterministic, bounded by its limit, without duplicates or the password itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 200 }), (p, limit) => {
        const a = predecessors(p, limit);
        expect(predecessors(p, limit)).toEqual(a);
        expect(a.length).toBeLessThanOrEqual(limit);
        expect(new Set(a).size).toBe(a.length);
        expect(a).not.toContain(p);
        // A longer list starts with the shorter one: the ranking does not depend on the limit.
        expect(predecessors(p, limit + 5).slice(0, a.length)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('clamps the limit and stays bounded on long, digit-heavy input', () => {
    expect(predecessors('abc1', -3)).toEqual([]);
    expect(predecessors('abc1', 1e9).length).toBeLessThanOrEqual(MAX_PREDECESSORS);
    const long = 'a1!'.repeat(1365);
    expect(predecessors(long, MAX_PREDECESSORS).length).toBeLessThanOrEqual(MAX_PREDECESSORS);
  });
});
