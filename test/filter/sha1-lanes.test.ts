import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFilterBuilder, loadFilter } from '../../src/filter/index.js';
import { blockStore, insertBatch, insertLanes, queryLanes } from '../../src/filter/bloom.js';
import { hexWord } from '../../src/filter/hex.js';
import { sha1Lane2, sha1Lanes } from '../../src/filter/sha1-lanes.js';
import { nodeSha1Hex } from '../../src/filter/sha1-node.js';
import { portableSha1Hex } from '../../src/filter/sha1-portable.js';
import { prng, randomKeys } from './helpers.js';

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', minLength: 50, maxLength: 300 }));

/** The oracle: node:crypto's digest, first two words. */
const oracle = (s: string): [number, number] => {
  const hex = nodeSha1Hex(s);
  return [hexWord(hex, 0), hexWord(hex, 8)];
};

describe('sha1Lanes (the lookup hash of sha1 filters)', () => {
  it('gives the first two words of node:crypto SHA-1 for every length across block boundaries and every UTF-8 width', () => {
    // 1-, 2-, 3- and 4-byte characters, lone high and low surrogates (U+FFFD), mixed with ASCII.
    for (const unit of ['a', 'é', '€', '\u{1F600}', '\uD800', '\uDC00', 'x\uDBFF', '\uDFFFy']) {
      for (let n = 0; n <= 140; n++) {
        const s = unit.repeat(n);
        expect([sha1Lanes(s), sha1Lane2], `${n} × U+${unit.charCodeAt(0).toString(16)}`).toEqual(oracle(s));
      }
    }
    // A long one after short ones: the reused message buffer grows, then shrinks back in use.
    for (const s of ['a'.repeat(100_000), 'abc', '']) expect([sha1Lanes(s), sha1Lane2]).toEqual(oracle(s));
  });

  it('agrees with node:crypto on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect([sha1Lanes(s), sha1Lane2]).toEqual(oracle(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives portableSha1Hex the whole digest: node:crypto\'s hex, around the reused buffer\'s limit and past it', () => {
    // 4096 message words hold up to 5,458 code units of 3 bytes; past that a call gets its own buffer.
    for (const n of [0, 1, 55, 56, 64, 5_456, 5_458, 5_461, 5_470, 20_000, 3, 0]) {
      for (const unit of ['a', '€']) {
        const s = unit.repeat(n);
        expect(portableSha1Hex(s), `${n} × ${unit}`).toBe(nodeSha1Hex(s));
        expect([sha1Lanes(s), sha1Lane2]).toEqual(oracle(s));
      }
    }
    fc.assert(
      fc.property(anyString, (s) => {
        expect(portableSha1Hex(s)).toBe(nodeSha1Hex(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sha1 filter lookups by password', () => {
  it('answer exactly as the hex route (node:crypto digest, then hexWord) and never miss an added key', () => {
    const keys = randomKeys(120_000, 11, 'in-');
    const b = createFilterBuilder({ expectedCount: keys.length, keyType: 'sha1', falsePositiveRate: 1e-2, partShift: 10 });
    for (const key of keys) b.add(key);
    const bytes = b.finish();
    const fast = loadFilter(bytes); // default: sha1Lanes
    const hexRoute = loadFilter(bytes, { sha1: nodeSha1Hex });
    expect(fast.partCount).toBeGreaterThan(1); // the multi-part lookup path
    for (const key of keys) expect(fast.mayContain(key)).toBe(true);
    let positives = 0;
    for (const probe of randomKeys(50_000, 12, 'out-')) {
      const a = fast.mayContain(probe);
      expect(a).toBe(hexRoute.mayContain(probe));
      positives += +a;
    }
    // Not everything answers true: the comparison above is between real answers.
    expect(positives).toBeGreaterThan(0);
    expect(positives).toBeLessThan(2_000);
  });
});

describe('batched inserts', () => {
  it('set exactly the bits of per-key inserts (naive oracle), for any batch length, plain and atomic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 256 }), fc.integer({ min: 1, max: 30 }), fc.nat(), fc.boolean(), (n, k, seed, atomic) => {
        const blocks = 1000;
        const make = (): Int32Array[] => [new Int32Array(new SharedArrayBuffer(512 * 64)), new Int32Array(new SharedArrayBuffer((blocks - 512) * 64))];
        const a = make();
        const b = make();
        const sa = blockStore(a, 9, blocks);
        const sb = blockStore(b, 9, blocks);
        const r = prng(seed + 1);
        const lanes = new Int32Array(2 * n);
        for (let i = 0; i < 2 * n; i++) lanes[i] = (r() * 4294967296) | 0;
        for (let i = 0; i < n; i++) insertLanes(sa, k, lanes[2 * i]!, lanes[2 * i + 1]!);
        insertBatch(sb, k, lanes, n, atomic);
        expect(Buffer.from(b[0]!.buffer).equals(Buffer.from(a[0]!.buffer))).toBe(true);
        expect(Buffer.from(b[1]!.buffer).equals(Buffer.from(a[1]!.buffer))).toBe(true);
        for (let i = 0; i < n; i++) expect(queryLanes(sb, k, lanes[2 * i]!, lanes[2 * i + 1]!)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
