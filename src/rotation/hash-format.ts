/**
 * Reading stored password hashes as applications keep them, without verifying anything (that
 * needs Node: verify-node.ts). Portable, so that misuse is refused the same way everywhere.
 *
 * Accepted forms:
 * - argon2id/argon2i/argon2d, PHC: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`;
 * - bcrypt, modular crypt: `$2a$`, `$2b$`, `$2y$` + two-digit cost + 53 characters;
 * - scrypt, PHC (passlib): `$scrypt$ln=17,r=8,p=1$<salt>$<hash>`;
 * - PBKDF2: PHC `$pbkdf2-sha256$i=600000,l=32$<salt>$<hash>`, passlib
 *   `$pbkdf2-sha256$29000$<salt>$<hash>` (also -sha1, -sha512), and Django
 *   `pbkdf2_sha256$600000$<salt>$<hash>` (the salt as text).
 * Salts and hashes in base64 (standard, URL-safe or passlib's `.`), padding optional.
 *
 * The costs are capped: the hashes reach the service from callers, and one verification of a
 * hash with a hostile cost (argon2 with 4 GiB, bcrypt cost 31) would tie up the server. Every
 * error names the position in the list and what is wrong, never the hash.
 */
export type HashScheme = 'argon2' | 'bcrypt' | 'scrypt' | 'pbkdf2';

export type ParsedHash =
  | { readonly scheme: 'argon2' | 'bcrypt'; readonly encoded: string; readonly cost: string }
  | { readonly scheme: 'scrypt'; readonly N: number; readonly r: number; readonly p: number; readonly salt: Uint8Array; readonly hash: Uint8Array; readonly cost: string }
  | { readonly scheme: 'pbkdf2'; readonly digest: 'sha1' | 'sha256' | 'sha512'; readonly iterations: number; readonly salt: Uint8Array; readonly hash: Uint8Array; readonly cost: string };

/** At most this many hashes per evaluation (the current one and a short history). */
export const MAX_PREVIOUS_HASHES = 5;
/** The longest hash string read. */
export const MAX_HASH_LENGTH = 512;
/** Cost caps (see above): each allows OWASP's recommendations with room, and no more. */
export const HASH_LIMITS = Object.freeze({
  argon2MemoryKiB: 262_144, // 256 MiB
  argon2Time: 10,
  argon2Parallelism: 8,
  bcryptCost: 14,
  scryptLogN: 20,
  scryptR: 32,
  scryptP: 16,
  pbkdf2Iterations: 2_000_000,
});

export class HashFormatError extends TypeError {
  constructor(where: string, what: string) {
    super(`\`${where}\` ${what}`);
    this.name = 'TypeError';
  }
}

const SUPPORTED = 'is not a supported password hash (argon2id, bcrypt $2a$/$2b$/$2y$, scrypt or PBKDF2, in PHC or modular-crypt form)';

function b64(text: string, where: string): Uint8Array {
  if (!/^[A-Za-z0-9+/._-]*={0,2}$/.test(text) || text.length === 0) throw new HashFormatError(where, 'has a salt or hash that is not base64');
  const std = text.replace(/=+$/, '').replace(/[.-]/g, '+').replace(/_/g, '/');
  let bin: string;
  try {
    bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4));
  } catch {
    throw new HashFormatError(where, 'has a salt or hash that is not base64');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function params(text: string, where: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of text.split(',')) {
    const m = /^([a-z]{1,3})=(\d{1,10})$/.exec(part);
    if (!m) throw new HashFormatError(where, 'has malformed parameters');
    out.set(m[1]!, Number(m[2]));
  }
  return out;
}

function capped(where: string, value: number | undefined, min: number, max: number, name: string): number {
  if (value === undefined || !Number.isInteger(value)) throw new HashFormatError(where, `lacks ${name} parameter`);
  if (value < min || value > max) throw new RangeError(`\`${where}\` has ${name} outside ${min}–${max}, which passgate does not verify`);
  return value;
}

/** Parses one stored hash; throws TypeError/RangeError naming `where`, never quoting the hash. */
export function parseHash(hash: unknown, where: string): ParsedHash {
  if (typeof hash !== 'string') throw new TypeError(`\`${where}\` must be a string`);
  if (hash.length > MAX_HASH_LENGTH) throw new RangeError(`\`${where}\` is longer than ${MAX_HASH_LENGTH} characters`);
  const bcrypt = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/.exec(hash);
  if (bcrypt) {
    const cost = capped(where, Number(bcrypt[1]), 4, HASH_LIMITS.bcryptCost, 'a cost');
    return { scheme: 'bcrypt', encoded: hash, cost: `bcrypt cost ${cost}` };
  }
  const django = /^pbkdf2_(sha1|sha256|sha512)\$(\d{1,10})\$([^$]{1,128})\$([A-Za-z0-9+/=]{1,128})$/.exec(hash);
  if (django) {
    const iterations = capped(where, Number(django[2]), 1, HASH_LIMITS.pbkdf2Iterations, 'an iteration count');
    const digest = django[1] as 'sha1' | 'sha256' | 'sha512';
    return { scheme: 'pbkdf2', digest, iterations, salt: new TextEncoder().encode(django[3]!), hash: b64(django[4]!, where), cost: `pbkdf2-${digest} ${iterations}` };
  }
  const parts = hash.split('$');
  if (parts[0] !== '' || parts.length < 5) throw new HashFormatError(where, SUPPORTED);
  const id = parts[1]!;
  if (id === 'argon2id' || id === 'argon2i' || id === 'argon2d') {
    // $argon2id$v=19$m=…,t=…,p=…$salt$hash (the version field is optional in old encodings).
    const fields = parts.length === 6 ? parts.slice(3) : parts.slice(2);
    if (parts.length === 6 && !/^v=\d{1,3}$/.test(parts[2]!)) throw new HashFormatError(where, 'has a malformed version');
    if (fields.length !== 3) throw new HashFormatError(where, SUPPORTED);
    const p = params(fields[0]!, where);
    const m = capped(where, p.get('m'), 8, HASH_LIMITS.argon2MemoryKiB, 'a memory cost (m, KiB)');
    const t = capped(where, p.get('t'), 1, HASH_LIMITS.argon2Time, 'a time cost (t)');
    const par = capped(where, p.get('p'), 1, HASH_LIMITS.argon2Parallelism, 'a parallelism (p)');
    b64(fields[1]!, where);
    b64(fields[2]!, where);
    return { scheme: 'argon2', encoded: hash, cost: `${id} m=${m} t=${t} p=${par}` };
  }
  if (id === 'scrypt' && parts.length === 5) {
    const p = params(parts[2]!, where);
    const ln = capped(where, p.get('ln'), 1, HASH_LIMITS.scryptLogN, 'a cost (ln)');
    const r = capped(where, p.get('r'), 1, HASH_LIMITS.scryptR, 'a block size (r)');
    const par = capped(where, p.get('p'), 1, HASH_LIMITS.scryptP, 'a parallelism (p)');
    // scrypt needs 128·N·r bytes: the same memory cap as argon2's.
    if (128 * 2 ** ln * r > HASH_LIMITS.argon2MemoryKiB * 1024) throw new RangeError(`\`${where}\` needs more than 256 MiB (128·N·r), which passgate does not verify`);
    const hashBytes = b64(parts[4]!, where);
    if (hashBytes.length < 16 || hashBytes.length > 128) throw new HashFormatError(where, 'has a hash of an unusual length');
    return { scheme: 'scrypt', N: 2 ** ln, r, p: par, salt: b64(parts[3]!, where), hash: hashBytes, cost: `scrypt ln=${ln} r=${r} p=${par}` };
  }
  const pbkdf2 = /^pbkdf2(?:-(sha1|sha256|sha512))?$/.exec(id);
  if (pbkdf2 && parts.length === 5) {
    const digest = (pbkdf2[1] ?? 'sha1') as 'sha1' | 'sha256' | 'sha512';
    const field = parts[2]!;
    const iterations = capped(where, /^\d{1,10}$/.test(field) ? Number(field) : params(field, where).get('i'), 1, HASH_LIMITS.pbkdf2Iterations, 'an iteration count');
    const hashBytes = b64(parts[4]!, where);
    if (hashBytes.length < 16 || hashBytes.length > 128) throw new HashFormatError(where, 'has a hash of an unusual length');
    return { scheme: 'pbkdf2', digest, iterations, salt: b64(parts[3]!, where), hash: hashBytes, cost: `pbkdf2-${digest} ${iterations}` };
  }
  throw new HashFormatError(where, SUPPORTED);
}
