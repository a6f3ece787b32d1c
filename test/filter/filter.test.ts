import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFilter, createFilterBuilder, loadFilter } from '../../src/filter/index.js';
import { nodeSha1Hex } from '../../src/filter/sha1-node.js';
import { portableSha1Hex } from '../../src/filter/sha1-portable.js';
import { blockedBloomFpr, chooseShape } from '../../src/filter/sizing.js';
import { blockStore, queryLanes } from '../../src/filter/bloom.js';
import { fastHash, lane2 } from '../../src/filter/hash.js';
import { makeFastQuery } from '../../src/filter/query-fast.js';
import { randomHex40, randomKeys } from './helpers.js';

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

describe('blocked Bloom filter', () => {
  it('has no false negatives for any inserted key (fast keys)', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 300 }), fc.constantFrom(0.5, 1e-2, 1e-4, 1e-7), fc.nat(), (keys, fpr, seed) => {
        const f = loadFilter(buildFilter(keys, { falsePositiveRate: fpr, seed }));
        for (const key of keys) expect(f.mayContain(key)).toBe(true);
        expect(f.count).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });

  it('has no false negatives for any inserted key (sha1 keys, both SHA-1 providers)', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 60 }), (keys) => {
        const bytes = buildFilter(keys, { keyType: 'sha1', sha1: nodeSha1Hex });
        const portable = loadFilter(bytes, { sha1: portableSha1Hex });
        const native = loadFilter(bytes, { sha1: nodeSha1Hex });
        for (const key of keys) {
          expect(portable.mayContain(key)).toBe(true);
          expect(native.mayContain(key)).toBe(true);
          expect(portable.mayContainSha1Hex!(nodeSha1Hex(key).toUpperCase())).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('agrees between the native and the portable SHA-1 on every string, lone surrogates included', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        expect(portableSha1Hex(s)).toBe(nodeSha1Hex(s));
      }),
      { numRuns: 500 },
    );
    expect(nodeSha1Hex('password')).toBe('5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8');
  });

  it('the portable SHA-1 gives the FIPS 180 digests and agrees with node:crypto at every padding boundary', () => {
    expect(portableSha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(portableSha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(portableSha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
    expect(portableSha1Hex('a'.repeat(1_000_000))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
    expect(portableSha1Hex('password')).toBe('5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8');
    // Every UTF-8 length from 0 to 300 bytes (one to six blocks, 55/56/63/64 mod 64 included),
    // with 1-, 2-, 3- and 4-byte characters and lone surrogates (U+FFFD, 3 bytes) in the mix.
    const pieces = ['a', 'Z', '7', 'é', '€', '😀', '\uD800', '\uDFFF', '\u0000'];
    for (let len = 0; len <= 300; len++) {
      let s = '';
      for (let i = 0; s.length < len; i++) s += pieces[(len * 7 + i * 3) % pieces.length]!;
      for (const t of [s, 'x'.repeat(len), s.slice(0, len)]) expect(portableSha1Hex(t)).toBe(nodeSha1Hex(t));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(portableSha1Hex(s)).toBe(nodeSha1Hex(s));
      }),
      { numRuns: 500 },
    );
  });

  it('the inlined reader query computes the same bits as hash.ts + bloom.ts, in one part or many', () => {
    // A half-full filter, so that both answers occur often and a divergence cannot hide.
    const words = new Int32Array(64 * 16).map((_, i) => Math.imul(i + 1, 0x9e3779b1) & Math.imul(i + 7, 0x85ebca6b));
    // The same 64 blocks as one part, and as four parts of 16 blocks (shift 4).
    const layouts = [
      { parts: [words], shift: 26 },
      { parts: [0, 1, 2, 3].map((i) => words.subarray(i * 256, (i + 1) * 256)), shift: 4 },
    ];
    fc.assert(
      fc.property(anyString, fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 4 }), (s, seed, k) => {
        const h1 = fastHash(s, seed);
        const h2 = lane2;
        const expected = queryLanes(blockStore([words], 26, 64), k, h1, h2);
        for (const { parts, shift } of layouts) {
          expect(makeFastQuery(parts, shift, 64, k, seed)(s)).toBe(expected);
          expect(queryLanes(blockStore(parts, shift, 64), k, h1, h2)).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('answers identically after a round trip through other buffers (aligned, unaligned, Buffer)', () => {
    const keys = randomKeys(2000, 7, 'k');
    const bytes = buildFilter(keys, { falsePositiveRate: 0.05, seed: 3 });
    const unaligned = new Uint8Array(bytes.length + 1).subarray(1);
    unaligned.set(bytes);
    const asBuffer = Buffer.from(bytes);
    const filters = [loadFilter(bytes), loadFilter(unaligned), loadFilter(asBuffer)];
    const probes = [...keys.slice(0, 500), ...randomKeys(20000, 8, 'q')];
    const answers = filters.map((f) => probes.map((p) => f.mayContain(p)));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // The absent probes must include some positives at 5 %, or the comparison proves little.
    expect(answers[0]!.slice(500).filter(Boolean).length).toBeGreaterThan(100);
  });

  it('is zero-copy over aligned bytes: the payload is read where it lies', () => {
    const bytes = buildFilter(['a'], { falsePositiveRate: 0.01 });
    const f = loadFilter(bytes, { verifyChecksum: false });
    expect(f.mayContain('a')).toBe(true);
    bytes.fill(0, 64); // clearing the bits in the caller's buffer clears them in the filter
    expect(f.mayContain('a')).toBe(false);
  });

  it('streaming builder equals the array builder, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 200 }), fc.nat(), (keys, seed) => {
        const fromArray = buildFilter(keys, { falsePositiveRate: 1e-3, seed });
        function* gen(): Generator<string> {
          yield* keys;
        }
        expect(buildFilter(gen(), { falsePositiveRate: 1e-3, seed })).toEqual(fromArray);
        const b = createFilterBuilder({ expectedCount: keys.length, falsePositiveRate: 1e-3, seed });
        for (const k of gen()) b.add(k);
        expect(b.finish()).toEqual(fromArray);
      }),
      { numRuns: 100 },
    );
  });

  it('reports its parameters', () => {
    const f = loadFilter(buildFilter(randomKeys(1000, 1, 'p'), { falsePositiveRate: 1e-3, minCount: 7 }));
    expect(f).toMatchObject({ keyType: 'fast', count: 1000, falsePositiveRate: 1e-3, minCount: 7, version: 2, partCount: 1 });
    // Fixed header 64 + one part checksum, padded to 128, then the blocks.
    expect(f.byteLength).toBe(128 + f.blockCount * 64);
    expect(f.bitsPerKey).toBeCloseTo((f.blockCount * 512) / 1000, 10);
    expect(f.estimatedFalsePositiveRate).toBeLessThanOrEqual(1e-3);
    expect(f.mayContainSha1Hex).toBeUndefined();
  });

  it('mayContain never throws for non-strings; mayContainSha1Hex rejects malformed digests', () => {
    const f = loadFilter(buildFilter(['x'], { keyType: 'sha1' }));
    expect(f.mayContain(undefined as unknown as string)).toBe(false);
    expect(() => f.mayContainSha1Hex!('abc')).toThrow(TypeError);
    expect(() => f.mayContainSha1Hex!('g'.repeat(40))).toThrow(TypeError);
  });

  it('validates options', () => {
    expect(() => buildFilter([], { falsePositiveRate: 0 })).toThrow(RangeError);
    expect(() => buildFilter([], { falsePositiveRate: 0.9 })).toThrow(RangeError);
    expect(() => buildFilter([], { keyType: 'md5' as 'fast' })).toThrow(TypeError);
    expect(() => buildFilter([], { keyType: 'sha1', seed: 1 })).toThrow(/seed must be 0/);
    expect(() => buildFilter([], { seed: -1 })).toThrow(RangeError);
    expect(() => createFilterBuilder({ expectedCount: -1 })).toThrow(RangeError);
    expect(() => createFilterBuilder({ expectedCount: 1 }).addSha1Hex('0'.repeat(40))).toThrow(/keyType 'sha1'/);
    const b = createFilterBuilder({ expectedCount: 1 });
    b.finish();
    expect(() => b.add('x')).toThrow(/already finished/);
  });
});

describe('false-positive rate (statistical, fixed seeds)', () => {
  const ABSENT = 200_000;
  it.each([1e-2, 1e-3])('fast keys: measured FPR within 1.5x of %s on 200k absent keys', (target) => {
    const f = loadFilter(buildFilter(randomKeys(100_000, 11, 'in:'), { falsePositiveRate: target, seed: 5 }));
    let positives = 0;
    for (const q of randomKeys(ABSENT, 12, 'out:')) if (f.mayContain(q)) positives++;
    const measured = positives / ABSENT;
    expect(measured).toBeLessThan(target * 1.5);
    expect(measured).toBeGreaterThan(target / 1.5);
  });

  it('sha1 keys: measured FPR within 1.5x of 1e-3 on 200k absent digests', () => {
    const b = createFilterBuilder({ expectedCount: 100_000, falsePositiveRate: 1e-3, keyType: 'sha1' });
    for (const h of randomHex40(100_000, 21)) b.addSha1Hex(h);
    const f = loadFilter(b.finish());
    let positives = 0;
    for (const q of randomHex40(ABSENT, 22)) if (f.mayContainSha1Hex!(q)) positives++;
    const measured = positives / ABSENT;
    expect(measured).toBeLessThan(1.5e-3);
    expect(measured).toBeGreaterThan(1e-3 / 1.5);
  });
});

describe('sizing', () => {
  it('agrees with a naive evaluation of the Putze–Sanders–Singler sum and is never below plain Bloom', () => {
    const naive = (n: number, blocks: number, k: number): number => {
      const lambda = n / blocks;
      let p = Math.exp(-lambda);
      let sum = 0;
      for (let i = 0; i < 400; i++) {
        sum += p * Math.pow(1 - Math.pow(1 - 1 / 512, i * k), k);
        p *= lambda / (i + 1);
      }
      return sum;
    };
    for (const [n, blocks, k] of [[10_000, 1000, 4], [1_000_000, 42_801, 12], [5, 1, 24], [100_000, 1933, 6]] as const) {
      expect(blockedBloomFpr(n, blocks, k)).toBeCloseTo(naive(n, blocks, k), 12);
      const plain = Math.pow(1 - Math.exp((-k * n) / (blocks * 512)), k);
      expect(blockedBloomFpr(n, blocks, k)).toBeGreaterThan(plain);
    }
    expect(blockedBloomFpr(0, 10, 4)).toBe(0);
  });

  it('meets the target at the bits/key this library documents', () => {
    const at1e3 = chooseShape(1_000_000, 1e-3);
    expect(at1e3.expectedFpr).toBeLessThanOrEqual(1e-3);
    expect((at1e3.blocks * 512) / 1e6).toBeLessThan(1.1 * 14.4);
    const at1e4 = chooseShape(1_000_000, 1e-4);
    expect((at1e4.blocks * 512) / 1e6).toBeLessThan(22);
    // One block fewer must miss the target, or the search is not minimal.
    expect(blockedBloomFpr(1_000_000, at1e4.blocks - 1, at1e4.k)).toBeGreaterThan(1e-4);
  });
});
