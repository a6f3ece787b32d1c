import { describe, expect, it } from 'vitest';
import { md4, ntlmDigest } from '../../src/filter/md4.js';
import { buildFilter, loadFilter } from '../../src/filter/index.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('MD4 and NTLM keys', () => {
  // RFC 1320 §A.5 test suite.
  it.each([
    ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
    ['a', 'bde52cb31de33e46245e05fbdbd6fb24'],
    ['abc', 'a448017aaf21d8525fc10ae87aa6729d'],
    ['message digest', 'd9130a8164549fe818874806e1c7014b'],
    ['abcdefghijklmnopqrstuvwxyz', 'd79e1c308aa5bbcdeea8ed63df412da9'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', '043f8582f241db351ce627e153e7f0e4'],
    ['1234567890'.repeat(8), 'e33b4ddc9c38f2199c3e7b164fcc0536'],
  ])('RFC 1320: MD4(%j)', (input, digest) => {
    expect(hex(md4(ascii(input)))).toBe(digest);
  });

  it('pads correctly at every length around the 55/56/64-byte boundaries', () => {
    // Equal inputs of different lengths must not collide; the padding block count changes at 56.
    const seen = new Set<string>();
    for (let n = 0; n < 130; n++) seen.add(hex(md4(new Uint8Array(n))));
    expect(seen.size).toBe(130);
  });

  it('NTLM is MD4 of UTF-16LE (known NT hashes)', () => {
    expect(hex(ntlmDigest('password'))).toBe('8846f7eaee8fb117ad06bdd830b7586c');
    expect(hex(ntlmDigest(''))).toBe('31d6cfe0d16ae931b73c59d7e0c089c0');
    const u = 'Pässwörd🙂';
    expect(hex(ntlmDigest(u))).toBe(hex(md4(new Uint8Array(Buffer.from(u, 'utf16le')))));
  });

  it('an ntlm filter finds passwords added as text and as HIBP NTLM hex', () => {
    const f = loadFilter(buildFilter(['password', 'Pässwörd🙂'], { keyType: 'ntlm', falsePositiveRate: 1e-6 }));
    expect(f.keyType).toBe('ntlm');
    expect(f.mayContain('password')).toBe(true);
    expect(f.mayContain('Pässwörd🙂')).toBe(true);
    expect(f.mayContain('passwore')).toBe(false);
  });
});
