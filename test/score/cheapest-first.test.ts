import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cheapestFirst } from '../../src/score/attacks/cheapest-first.js';

describe('cheapestFirst equals a stable sort by price (the order breached-base.ts looks variants up in)', () => {
  it('on random prices with many ties', () => {
    const price = fc.oneof(fc.constantFrom(1, 2, 100, 1e6, 1e9), fc.double({ min: 1, max: 1e10, noNaN: true }));
    fc.assert(
      fc.property(fc.array(price, { maxLength: 16 }), (xs) => {
        const prices = Float64Array.from(xs);
        const order = new Int32Array(16).fill(-7);
        cheapestFirst(prices, xs.length, order);
        const naive = xs.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p).map((v) => v.i);
        expect([...order.subarray(0, xs.length)]).toEqual(naive);
      }),
    );
  });
});
