import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_WIDTH, MIN_FALSE_POSITIVE_RATE, MIN_WIDTH, SKETCH_FALSE_POSITIVE_TARGET, poissonAtLeast, sketchFalsePositiveRate, sketchSize } from '../../src/popularity/sizing.js';
import { SketchKey } from '../../src/popularity/sketch.js';
import { createMemoryStore } from '../../src/popularity/store-memory.js';

const SECRET = new TextEncoder().encode('0123456789abcdef-test-secret');

/** Naive oracle: 1 − Σ_{i<k} e^−λ λ^i / i!, with factorials computed directly. */
function naivePoissonAtLeast(lambda: number, k: number): number {
  let below = 0;
  for (let i = 0; i < k; i++) {
    let fact = 1;
    for (let j = 2; j <= i; j++) fact *= j;
    below += (Math.exp(-lambda) * lambda ** i) / fact;
  }
  return 1 - below;
}

describe('sizing', () => {
  it('computes P(Poisson ≥ k) as the naive sum does', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 30, noNaN: true }), fc.integer({ min: 0, max: 15 }), (lambda, k) => {
        expect(poissonAtLeast(lambda, k)).toBeCloseTo(Math.max(0, naivePoissonAtLeast(lambda, k)), 9);
      }),
    );
  });

  it.each([
    [10_000, 2], [10_000, 3], [10_000, 5], [10_000, 10],
    [100_000, 2], [100_000, 3], [100_000, 5], [100_000, 10],
    [1_000_000, 2], [1_000_000, 3], [1_000_000, 5], [1_000_000, 10],
  ])('sizes %i accounts at limit %i to the target, with the smallest width that meets it', (accounts, limit) => {
    const size = sketchSize(accounts, limit);
    expect(size.width).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(size.width).toBeLessThanOrEqual(MAX_WIDTH);
    expect(sketchFalsePositiveRate(size, accounts, limit)).toBeLessThanOrEqual(SKETCH_FALSE_POSITIVE_TARGET);
    if (size.width > MIN_WIDTH) expect(sketchFalsePositiveRate({ ...size, width: size.width - 1 }, accounts, limit)).toBeGreaterThan(SKETCH_FALSE_POSITIVE_TARGET);
  });

  it('never shrinks the sketch for more accounts or a lower limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 50 }), (a, b, limit) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(sketchSize(lo, limit).width).toBeLessThanOrEqual(sketchSize(hi, limit).width);
        expect(sketchSize(hi, limit + 1).width).toBeLessThanOrEqual(sketchSize(hi, limit).width);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the keyed count-min sketch', () => {
  const size = { width: 1024, depth: 4 };

  it('never counts a root less often than it was recorded (count-min: collisions only add)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 300 }), async (roots) => {
        const key = new SketchKey(SECRET, size);
        const store = await createMemoryStore(key);
        const truth = new Map<string, number>();
        for (const r of roots) {
          store.add(key.locate(r).cells);
          truth.set(r, (truth.get(r) ?? 0) + 1);
        }
        for (const [r, n] of truth) expect(store.count(key.locate(r).cells)).toBeGreaterThanOrEqual(n);
      }),
      { numRuns: 50 },
    );
  });

  it('puts one counter in each row, and other secrets elsewhere', () => {
    const a = new SketchKey(SECRET, size);
    const b = new SketchKey(new TextEncoder().encode('another-secret-of-16+bytes'), size);
    const cells = a.locate('zephyr#lantern').cells;
    expect(Array.from(cells, (c, row) => Math.floor(c / size.width) === row)).toEqual([true, true, true, true]);
    expect(Array.from(b.locate('zephyr#lantern').cells)).not.toEqual(Array.from(cells));
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f]{12}$/);
    expect(String(a)).not.toContain('secret');
  });

  it('makes about MIN_FALSE_POSITIVE_RATE of roots decoys, always the same ones', () => {
    const key = new SketchKey(SECRET, size);
    const n = 200_000;
    let decoys = 0;
    for (let i = 0; i < n; i++) if (key.locate(`root-${i}`).decoy) decoys++;
    // Binomial(200 000, 0.001): mean 200, sd ≈ 14; ±6 sd.
    expect(Math.abs(decoys - n * MIN_FALSE_POSITIVE_RATE)).toBeLessThan(6 * Math.sqrt(n * MIN_FALSE_POSITIVE_RATE));
    expect(key.locate('root-7').decoy).toBe(new SketchKey(SECRET, size).locate('root-7').decoy);
  });
});
