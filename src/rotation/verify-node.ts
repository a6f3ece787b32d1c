/**
 * Verifying a candidate against a stored hash, in Node, off the event loop: argon2 and bcrypt
 * through their native packages (their work runs in libuv's thread pool), scrypt and PBKDF2
 * through node:crypto's asynchronous functions (likewise). Only the Node entry reaches this file
 * (assets/node.ts), so browser bundles never see node:crypto.
 *
 * Why these packages (optional peer dependencies: an application installs the one its hashes
 * need): `argon2` (node-argon2) binds the reference implementation and `bcrypt`
 * (node.bcrypt.js) the OpenBSD one; both are the most used of their kind on npm, maintained, and
 * ship prebuilt binaries inside the npm package (no download at install, no compiler). The
 * pure-JS alternatives (bcryptjs, hash-wasm) compute on the main thread: a few hundred
 * milliseconds of blocked event loop per request at common costs.
 */
import { pbkdf2, scrypt, timingSafeEqual } from 'node:crypto';
import type { ParsedHash } from './hash-format.js';

/** A verifier the platform provides: resolves whether `candidate` is the password of `hash`. */
export type HashVerifier = (candidate: string, hash: ParsedHash) => Promise<boolean>;

/** A hash scheme whose package is not installed: the source reports it (fail closed). */
export class MissingHashPackage extends Error {
  constructor(readonly packageName: string) {
    super(`install the \`${packageName}\` package to verify these hashes`);
    this.name = 'MissingHashPackage';
  }
}

interface Argon2Module {
  verify(hash: string, plain: string): Promise<boolean>;
}
interface BcryptModule {
  compare(plain: string, hash: string): Promise<boolean>;
}

let argon2: Promise<Argon2Module> | null = null;
let bcrypt: Promise<BcryptModule> | null = null;

async function load<T>(name: string): Promise<T> {
  try {
    const mod = (await import(name)) as { default?: T } & T;
    return mod.default ?? mod;
  } catch {
    throw new MissingHashPackage(name);
  }
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export const verifyPasswordHash: HashVerifier = async (candidate, hash) => {
  switch (hash.scheme) {
    case 'argon2': {
      const mod = await (argon2 ??= load<Argon2Module>('argon2').catch((e) => ((argon2 = null), Promise.reject(e))));
      return mod.verify(hash.encoded, candidate);
    }
    case 'bcrypt': {
      const mod = await (bcrypt ??= load<BcryptModule>('bcrypt').catch((e) => ((bcrypt = null), Promise.reject(e))));
      // PHP's $2y$ is the same algorithm as $2b$ (both fixed the 8-bit bug $2a$ marks).
      return mod.compare(candidate, hash.encoded.startsWith('$2y$') ? '$2b$' + hash.encoded.slice(4) : hash.encoded);
    }
    case 'scrypt': {
      const { N, r, p } = hash;
      const derived = await new Promise<Buffer>((resolve, reject) =>
        scrypt(candidate, hash.salt, hash.hash.length, { N, r, p, maxmem: 256 * N * r + (1 << 20) }, (err, key) => (err ? reject(err) : resolve(key))),
      );
      return equal(derived, hash.hash);
    }
    case 'pbkdf2': {
      const derived = await new Promise<Buffer>((resolve, reject) =>
        pbkdf2(candidate, hash.salt, hash.iterations, hash.hash.length, hash.digest, (err, key) => (err ? reject(err) : resolve(key))),
      );
      return equal(derived, hash.hash);
    }
  }
};
