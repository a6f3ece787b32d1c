import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHash } from '../../src/rotation/hash-format.js';

describe('stored hashes as applications keep them', () => {
  const valid: [string, string, string][] = [
    ['$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', 'argon2', 'argon2id m=19456 t=2 p=1'],
    ['$2a$10$' + 'N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 'bcrypt', 'bcrypt cost 10'],
    ['$2y$12$' + 'N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 'bcrypt', 'bcrypt cost 12'],
    ['$scrypt$ln=17,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA', 'scrypt', 'scrypt ln=17 r=8 p=1'],
    ['$pbkdf2-sha256$i=600000,l=32$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA', 'pbkdf2', 'pbkdf2-sha256 600000'],
    ['$pbkdf2-sha512$25000$c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA', 'pbkdf2', 'pbkdf2-sha512 25000'],
    ['pbkdf2_sha256$600000$somesalt$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA==', 'pbkdf2', 'pbkdf2-sha256 600000'],
  ];
  it.each(valid)('reads %s', (hash, scheme, cost) => {
    expect(parseHash(hash, 'h')).toMatchObject({ scheme, cost });
  });

  const invalid: [string, RegExp][] = [
    ['$1$saltsalt$abcdefghijklmnopqrstuv', /not a supported/],
    ['$5$rounds=5000$salt$hash', /not a supported/],
    ['$2b$10$short', /not a supported/],
    ['$2b$15$' + 'N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', /cost outside 4–14/],
    ['$argon2id$v=19$m=19456,t=99,p=1$c2FsdA$aGFzaA', /time cost/],
    ['$argon2id$v=19$m=19456,p=1$c2FsdA$aGFzaA', /lacks a time cost/],
    ['$scrypt$ln=25,r=8,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA', /cost \(ln\) outside/],
    ['$pbkdf2-sha256$i=99999999,l=32$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA', /iteration count outside/],
    ['$pbkdf2-sha256$i=1000$c2F%sdA$aGFzaGhhc2hoYXNoaGFzaA', /not base64/],
    ['$2b$10$' + 'N'.repeat(600), /longer than 512/],
  ];
  it.each(invalid)('refuses %s with a clear error', (hash, pattern) => {
    let message = '';
    try {
      parseHash(hash, 'context.previousPasswordHashes[0]');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(pattern);
    expect(message).toMatch(/^`context\.previousPasswordHashes\[0\]`/);
  });

  it('never shows the hash in an error, whatever it is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 12, maxLength: 80 }), fc.stringMatching(/^\$[a-z0-9-]{2,9}\$[ -~]{10,60}$/)), (hash) => {
        try {
          parseHash(hash, 'h');
        } catch (e) {
          const m = (e as Error).message;
          for (let i = 0; i + 10 <= hash.length; i += 5) expect(m).not.toContain(hash.slice(i, i + 10));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('scrypt memory', () => {
  it('refuses N and r that need more than 256 MiB', () => {
    expect(() => parseHash('$scrypt$ln=20,r=8,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA', 'h')).toThrow(/256 MiB/);
    expect(parseHash('$scrypt$ln=17,r=8,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA', 'h').scheme).toBe('scrypt');
  });
});
