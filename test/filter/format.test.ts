import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFilter, FilterFormatError, loadFilter } from '../../src/filter/index.js';
import { checksumWords } from '../../src/filter/checksum.js';
import { fastHash, lane2 } from '../../src/filter/hash.js';
import { createHash } from 'node:crypto';
import { randomKeys } from './helpers.js';
import { GOLDEN_FAST, GOLDEN_FAST_KEYS, GOLDEN_PARTS_SHA256 } from './golden.js';

const GOLDEN_PARTS_HEADER =
  '504742460d0a1a0a020040000103090975090000090000008038010000000000' +
  'fca9f1d24d62503f000000000a000000800000000300000000000000323d8265' +
  'd726e3f27ae8c3ed042999f30000000000000000000000000000000000000000' +
  '0000000000000000000000000000000000000000000000000000000000000000';


const GOLDEN_SHA1 =
  '504742460d0a1a0a020040000202200901000000000000000100000000000000' +
  'fca9f1d24d62503f030000001600000080000000010000000000000042434e5a' +
  '8abcb53600000000000000000000000000000000000000000000000000000000' +
  '0000000000000000000000000000000000000000000000000000000000000000' +
  '0100084040080000000080000200008000101000000040200000020000500000' +
  '2001010005000010200000208000800000020800080000000010004000200000';

/** Version 1 files, as passgate wrote them before parts: still read, with the same answers. */
const V1_FAST =
  '504742460d0a1a0a0100400001031809010000002a0000000500000000000000' +
  '7b14ae47e17a843f00000000096bb237400000000000000000000000d0cb13d0' +
  '5111000040004420e0054680b000089b020e20002020203834000132a0280a00' +
  '0257145c20020830014ae310410889004005020443490488408020000024a040';
const V1_SHA1 =
  '504742460d0a1a0a010040000202200901000000000000000100000000000000' +
  'fca9f1d24d62503f03000000a99a484f4000000000000000000000007e64633a' +
  '0100084040080000000080000200008000101000000040200000020000500000' +
  '2001010005000010200000208000800000020800080000000010004000200000';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const fromHex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const u32 = (b: Uint8Array, off: number): number => new DataView(b.buffer, b.byteOffset).getUint32(off, true);

/** What a careful hand editor does after changing a field: recompute the version-2 header checksum. */
function resealHeader(b: Uint8Array): void {
  const end = u32(b, 48);
  const words: number[] = [];
  for (let off = 0; off < end; off += 4) if (off !== 60) words.push(u32(b, off));
  new DataView(b.buffer, b.byteOffset).setUint32(60, checksumWords(new Uint32Array(words)), true);
}

describe('file format', () => {
  it('golden bytes: fast keys, fixed seed', () => {
    const bytes = buildFilter(GOLDEN_FAST_KEYS, { falsePositiveRate: 0.01, seed: 42 });
    expect(hex(bytes)).toBe(GOLDEN_FAST);
    const f = loadFilter(fromHex(GOLDEN_FAST));
    expect(f).toMatchObject({ keyType: 'fast', count: 5, k: 24, blockCount: 1, seed: 42, falsePositiveRate: 0.01, minCount: 0, version: 2, partCount: 1 });
    for (const key of GOLDEN_FAST_KEYS) expect(f.mayContain(key)).toBe(true);
  });

  it('golden bytes: sha1 keys, min count recorded', () => {
    const bytes = buildFilter(['password'], { falsePositiveRate: 0.001, keyType: 'sha1', minCount: 3 });
    expect(hex(bytes)).toBe(GOLDEN_SHA1);
    const f = loadFilter(fromHex(GOLDEN_SHA1));
    expect(f).toMatchObject({ keyType: 'sha1', count: 1, minCount: 3, falsePositiveRate: 0.001 });
    expect(f.mayContain('password')).toBe(true);
    expect(f.mayContainSha1Hex!('5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8')).toBe(true);
  });

  it('golden bytes: three parts (header and part table in full, the rest by SHA-256)', () => {
    const keys = Array.from({ length: 80000 }, (_, i) => `pw${i}`);
    const bytes = buildFilter(keys, { falsePositiveRate: 1e-3, seed: 9, partShift: 10 });
    const f = loadFilter(bytes);
    expect(f).toMatchObject({ partCount: 3, blockCount: 2421, k: 9, version: 2 });
    expect(hex(bytes.subarray(0, 128))).toBe(GOLDEN_PARTS_HEADER);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(GOLDEN_PARTS_SHA256);
    for (const key of keys) expect(f.mayContain(key)).toBe(true);
  });

  it('reads version 1 files (one part, unbound checksum) with the same answers as before', () => {
    const fast = loadFilter(fromHex(V1_FAST));
    expect(fast).toMatchObject({ version: 1, partCount: 1, k: 24, seed: 42, count: 5 });
    for (const key of GOLDEN_FAST_KEYS) expect(fast.mayContain(key)).toBe(true);
    // Same bits as the version-2 golden file: only the header changed.
    expect(V1_FAST.slice(128)).toBe(GOLDEN_FAST.slice(256));
    const sha1 = loadFilter(fromHex(V1_SHA1));
    expect(sha1.mayContain('password')).toBe(true);
    expect(V1_SHA1.slice(128)).toBe(GOLDEN_SHA1.slice(256));
  });

  it('pins the fast hash and the checksum arithmetic (documented in docs/filter-format.md)', () => {
    const lanes = (s: string, seed: number): string => {
      const h1 = fastHash(s, seed);
      return `${(h1 >>> 0).toString(16).padStart(8, '0')} ${(lane2 >>> 0).toString(16).padStart(8, '0')}`;
    };
    expect(lanes('', 0)).toBe('c9eba94b 71e8a72e');
    expect(lanes('password', 0)).toBe('e18889ad 4ef03d22');
    expect(lanes('a', 0)).toBe('bb47ae4a 69aa0827');
    expect(lanes('a\u0000', 0)).toBe('ba4bff75 4ae5bce0');
    expect(lanes('Pässwörd🙂', 7)).toBe('84988596 cdcf178b');
    expect(lanes('\ud800', 0xffffffff)).toBe('0e01c6c4 798e98fe');
    expect(checksumWords(new Uint32Array([])).toString(16)).toBe('df761139');
    expect(checksumWords(new Uint32Array([1, 2, 3, 4, 5])).toString(16)).toBe('50ae1161');
    // With a prefix: the checksum of the concatenation.
    expect(checksumWords(new Uint32Array([5]), new Uint32Array([1, 2, 3, 4]))).toBe(checksumWords(new Uint32Array([1, 2, 3, 4, 5])));
  });
});

describe('header edits need every part recomputed (issue 10 item 7)', () => {
  const build = (): Uint8Array => buildFilter(randomKeys(80000, 3, 'e'), { falsePositiveRate: 1e-3, seed: 5, partShift: 10 });
  // Every field that changes an answer, edited to another valid value, with the header resealed.
  const edits: [string, (b: Uint8Array) => void][] = [
    ['k', (b) => (b[14] = b[14]! - 1)],
    ['seed', (b) => (b[20] = b[20]! ^ 1)],
    ['key type and hash id (fast → sha1)', (b) => ((b[12] = 2), (b[13] = 2), b.fill(0, 20, 24))],
    ['target FPR', (b) => new DataView(b.buffer, b.byteOffset).setFloat64(32, 0.01, true)],
    ['min count', (b) => (b[40] = 9)],
  ];
  it.each(edits)('%s: the resealed header passes, the bound part checksums do not', (_, edit) => {
    const b = build();
    edit(b);
    resealHeader(b);
    expect(() => loadFilter(b)).toThrow(/part 1 of 3 checksum mismatch .*the header was edited/);
  });

  it('reproduces the version-1 weakness this fixes: an edited and resealed v1 header loads', () => {
    const b = fromHex(V1_FAST);
    b[14] = 23; // k
    const v = new DataView(b.buffer);
    v.setUint32(60, checksumWords(new Uint32Array(Array.from({ length: 15 }, (_, i) => v.getUint32(i * 4, true)))), true);
    expect(loadFilter(b).k).toBe(23);
  });
});

describe('FilterFormatError', () => {
  const good = (): Uint8Array => buildFilter(['alpha', 'beta', 'gamma'], { falsePositiveRate: 1e-3 });
  const expectError = (bytes: Uint8Array, message: RegExp): void => {
    let caught: unknown;
    try {
      loadFilter(bytes);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FilterFormatError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe('FilterFormatError');
    expect((caught as Error).message).toMatch(message);
  };

  it('truncated payload', () => {
    const b = good();
    expectError(b.subarray(0, b.length - 1), new RegExp(`truncated: ${b.length - 1} bytes, the header promises ${b.length}`));
  });

  it('truncated header', () => {
    expectError(good().subarray(0, 30), /truncated: 30 bytes, the header alone is 64/);
    expectError(good().subarray(0, 3), /truncated: 3 bytes/);
    expectError(new Uint8Array(0), /truncated: 0 bytes/);
  });

  it('bad magic (a foreign file)', () => {
    expectError(new TextEncoder().encode('123456\npassword\nqwerty\n'.repeat(10)), /bad magic: not a passgate filter/);
    const b = good();
    b[4] = 0x0a; // CR lost in a text-mode transfer
    expectError(b, /bad magic/);
  });

  it('future version', () => {
    const b = good();
    b[8] = 3;
    expectError(b, /format version 3 is newer than this passgate supports \(2\)/);
  });

  it('a fast filter with the retired hash id 1 (fast64-v1) asks for a rebuild', () => {
    const b = good();
    b[13] = 1;
    resealHeader(b);
    expectError(b, /hash id 1 \(fast64-v1\) comes from a pre-release passgate .*rebuild the filter/);
    b[13] = 2;
    resealHeader(b);
    expectError(b, /hash id 2 does not match key type fast \(expected 3\)/);
    // The same in a version-1 file.
    const v1 = fromHex(V1_FAST);
    const v = new DataView(v1.buffer);
    v1[13] = 1;
    v.setUint32(60, checksumWords(new Uint32Array(Array.from({ length: 15 }, (_, i) => v.getUint32(i * 4, true)))), true);
    expectError(v1, /hash id 1 \(fast64-v1\).*rebuild the filter/);
  });

  it('flipped payload byte', () => {
    const b = good();
    b[128 + 17] = b[128 + 17]! ^ 0x04;
    expectError(b, /payload checksum mismatch .*the filter bits are corrupted/);
    const v1 = fromHex(V1_FAST);
    v1[64 + 17] = v1[64 + 17]! ^ 0x04;
    expectError(v1, /payload checksum mismatch/);
  });

  it('a flipped bit in any part names that part', () => {
    const b = buildFilter(randomKeys(80000, 4, 'p'), { falsePositiveRate: 1e-3, partShift: 10 });
    const f = loadFilter(b);
    expect(f.partCount).toBe(3);
    fc.assert(
      fc.property(fc.integer({ min: 128, max: b.length - 1 }), fc.integer({ min: 0, max: 7 }), (at, bit) => {
        const copy = b.slice();
        copy[at] = copy[at]! ^ (1 << bit);
        const part = Math.floor((at - 128) / (1024 * 64)) + 1;
        expectError(copy, new RegExp(`part ${part} of 3 checksum mismatch`));
      }),
      { numRuns: 60 },
    );
  });

  it('any truncation, of the header, the part table or any part, is named', () => {
    const b = buildFilter(randomKeys(80000, 4, 'p'), { falsePositiveRate: 1e-3, partShift: 10 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: b.length - 1 }), (len) => {
        expectError(b.subarray(0, len), /truncated: \d+ bytes/);
      }),
      { numRuns: 200 },
    );
  });

  it('a damaged part table or padding is a header checksum mismatch', () => {
    for (const at of [64, 67, 70, 100, 127]) {
      const b = buildFilter(randomKeys(80000, 4, 'p'), { falsePositiveRate: 1e-3, partShift: 10 });
      b[at] = b[at]! ^ 0x10;
      expectError(b, /header checksum mismatch/);
    }
  });

  it('header fields that disagree with each other, resealed, are named', () => {
    const b = good();
    b[52] = 2; // part count
    resealHeader(b);
    expectError(b, /part count 2, but 1 blocks? in parts of 2\^22 make 1/);
    const c = good();
    c[44] = 9; // part shift below 10
    resealHeader(c);
    expectError(c, /part size 2\^9 blocks is outside/);
    const d = good();
    d[48] = 0x40; // payload offset 64 + table would overlap
    expectError(d, /payload offset 64 is not a 64-byte boundary in 128\.\./);
  });

  it('flipped header byte', () => {
    const b = good();
    b[14] = b[14]! ^ 0x01; // k
    expectError(fromHex(V1_FAST).map((x, i) => (i === 14 ? x ^ 1 : x)), /header checksum mismatch/);
    expectError(b, /header checksum mismatch .*the header is corrupted/);
  });

  it('trailing bytes', () => {
    const b = good();
    const longer = new Uint8Array(b.length + 5);
    longer.set(b);
    expectError(longer, /5 unexpected trailing bytes/);
  });

  it('non-Uint8Array input is a TypeError, not a format error', () => {
    expect(() => loadFilter('PGBF' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('skips the payload checksum only when asked', () => {
    const b = good();
    b[128 + 17] = b[128 + 17]! ^ 0x04;
    expect(() => loadFilter(b, { verifyChecksum: false })).not.toThrow();
    // The header checksum is always verified.
    b[14] = b[14]! ^ 1;
    expect(() => loadFilter(b, { verifyChecksum: false })).toThrow(/header checksum mismatch/);
  });
});
