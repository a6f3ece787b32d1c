import { describe, expect, it } from 'vitest';
import { buildFilter, FilterFormatError, loadFilter } from '../../src/filter/index.js';
import { checksumWords } from '../../src/filter/checksum.js';
import { fastHash, lane2 } from '../../src/filter/hash.js';

/** The file format is a contract: these bytes may only change with a new format version. */
const GOLDEN_FAST =
  '504742460d0a1a0a0100400001031809010000002a0000000500000000000000' +
  '7b14ae47e17a843f00000000096bb237400000000000000000000000d0cb13d0' +
  '5111000040004420e0054680b000089b020e20002020203834000132a0280a00' +
  '0257145c20020830014ae310410889004005020443490488408020000024a040';
const GOLDEN_FAST_KEYS = ['password', '123456', 'qwerty', 'Pässwörd', '🙂'];

const GOLDEN_SHA1 =
  '504742460d0a1a0a010040000202200901000000000000000100000000000000' +
  'fca9f1d24d62503f03000000a99a484f4000000000000000000000007e64633a' +
  '0100084040080000000080000200008000101000000040200000020000500000' +
  '2001010005000010200000208000800000020800080000000010004000200000';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const fromHex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

describe('file format', () => {
  it('golden bytes: fast keys, fixed seed', () => {
    const bytes = buildFilter(GOLDEN_FAST_KEYS, { falsePositiveRate: 0.01, seed: 42 });
    expect(hex(bytes)).toBe(GOLDEN_FAST);
    const f = loadFilter(fromHex(GOLDEN_FAST));
    expect(f).toMatchObject({ keyType: 'fast', count: 5, k: 24, blockCount: 1, seed: 42, falsePositiveRate: 0.01, minCount: 0 });
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
    b[8] = 2;
    expectError(b, /format version 2 is newer than this passgate supports \(1\)/);
  });

  it('a fast filter with the retired hash id 1 (fast64-v1) asks for a rebuild', () => {
    const b = good();
    const v = new DataView(b.buffer, b.byteOffset, 64);
    b[13] = 1;
    v.setUint32(60, checksumWords(new Uint32Array(Array.from({ length: 15 }, (_, i) => v.getUint32(i * 4, true)))), true);
    expectError(b, /hash id 1 \(fast64-v1\) comes from a pre-release passgate .*rebuild the filter/);
    b[13] = 2;
    v.setUint32(60, checksumWords(new Uint32Array(Array.from({ length: 15 }, (_, i) => v.getUint32(i * 4, true)))), true);
    expectError(b, /hash id 2 does not match key type fast \(expected 3\)/);
  });

  it('flipped payload byte', () => {
    const b = good();
    b[64 + 17] = b[64 + 17]! ^ 0x04;
    expectError(b, /payload checksum mismatch .*the filter bits are corrupted/);
  });

  it('flipped header byte', () => {
    const b = good();
    b[14] = b[14]! ^ 0x01; // k
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
    b[64 + 17] = b[64 + 17]! ^ 0x04;
    expect(() => loadFilter(b, { verifyChecksum: false })).not.toThrow();
  });
});
