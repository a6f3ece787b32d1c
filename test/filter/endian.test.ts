import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFilter, createFilterBuilder, loadFilter } from '../../src/filter/index.js';
import { hostEndian, littleEndianBytes, wordsFromLittleEndian } from '../../src/filter/endian.js';
import { randomKeys } from './helpers.js';
import { GOLDEN_FAST, GOLDEN_FAST_KEYS, GOLDEN_PARTS_SHA256 } from './golden.js';

// The golden files of format.test.ts (golden.ts): the format is the contract, pinned here on both paths.

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const fromHex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

const real = hostEndian.little;
afterEach(() => {
  hostEndian.little = real;
});

// The host-independent path (explicit little-endian DataView reads and writes) is what a
// big-endian engine runs; forcing it here checks it against the same golden bytes.
describe.each([
  ['host-order view (little-endian hosts)', true],
  ['explicit little-endian copy (big-endian hosts, forced)', false],
])('filter words: %s', (_name, little) => {
  it('builds the golden bytes and reads them back with the same answers', () => {
    hostEndian.little = little;
    expect(hex(buildFilter(GOLDEN_FAST_KEYS, { falsePositiveRate: 0.01, seed: 42 }))).toBe(GOLDEN_FAST);
    const f = loadFilter(fromHex(GOLDEN_FAST));
    for (const key of GOLDEN_FAST_KEYS) expect(f.mayContain(key)).toBe(true);
    expect(f.mayContain('not-in-the-golden-set-1')).toBe(false);
  });

  it('builds the three-part golden file (finishPieces and finish agree) and loads it without a false negative', () => {
    hostEndian.little = little;
    const keys = Array.from({ length: 80000 }, (_, i) => `pw${i}`);
    const bytes = buildFilter(keys, { falsePositiveRate: 1e-3, seed: 9, partShift: 10 });
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(GOLDEN_PARTS_SHA256);
    const b = createFilterBuilder({ expectedCount: keys.length, falsePositiveRate: 1e-3, seed: 9, partShift: 10 });
    for (const key of keys) b.add(key);
    const p = b.finishPieces();
    const h = createHash('sha256').update(p.header);
    for (const part of p.parts) h.update(part);
    expect(h.digest('hex')).toBe(GOLDEN_PARTS_SHA256);
    // An odd byte offset forces the copy on the little-endian path as well.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const f = loadFilter(shifted.subarray(1));
    for (const key of keys) expect(f.mayContain(key)).toBe(true);
    let fp = 0;
    for (const probe of randomKeys(20000, 5, 'absent-')) fp += +f.mayContain(probe);
    expect(fp).toBeLessThan(100); // target 1e-3: ~20 expected
  });
});

describe('word conversion', () => {
  it('reads little-endian bytes into the same values on both paths, and writes them back', () => {
    const bytes = fromHex('0100000080ffffff78563412');
    for (const little of [true, false]) {
      hostEndian.little = little;
      const words = wordsFromLittleEndian(bytes, 0, 3);
      expect(Array.from(words)).toEqual([1, -128, 0x12345678]);
      expect(hex(littleEndianBytes(words))).toBe('0100000080ffffff78563412');
    }
  });
});
