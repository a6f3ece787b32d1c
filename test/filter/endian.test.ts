import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFilter, createFilterBuilder, loadFilter } from '../../src/filter/index.js';
import { hostEndian, littleEndianBytes, wordsFromLittleEndian } from '../../src/filter/endian.js';
import { randomKeys } from './helpers.js';

// The same golden files as format.test.ts (the format is the contract; these pin it on both paths).
const GOLDEN_FAST =
  '504742460d0a1a0a0200400001031809010000002a0000000500000000000000' +
  '7b14ae47e17a843f000000001600000080000000010000000000000001e9dabe' +
  '117316cc00000000000000000000000000000000000000000000000000000000' +
  '0000000000000000000000000000000000000000000000000000000000000000' +
  '5111000040004420e0054680b000089b020e20002020203834000132a0280a00' +
  '0257145c20020830014ae310410889004005020443490488408020000024a040';
const GOLDEN_FAST_KEYS = ['password', '123456', 'qwerty', 'Pässwörd', '🙂'];
const GOLDEN_PARTS_SHA256 = '8ee05ec036f9a2d4af9514bb14a3d3c0c8d66bbb7e790bdbb1785bbc9807bf9e';

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
