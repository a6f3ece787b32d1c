// Stored hashes made the way applications make them, for the rotation tests (cheap costs: the
// tests check behaviour; bench/rotation.ts measures common costs).
import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import argon2 from 'argon2';
import bcrypt from 'bcrypt';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/=+$/, '');

export type Scheme = 'argon2id' | 'bcrypt' | 'scrypt' | 'pbkdf2' | 'django';

export async function hashOf(scheme: Scheme, password: string): Promise<string> {
  const salt = randomBytes(16);
  switch (scheme) {
    case 'argon2id':
      return argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
    case 'bcrypt':
      return bcrypt.hash(password, 4);
    case 'scrypt':
      return `$scrypt$ln=10,r=8,p=1$${b64(salt)}$${b64(scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 }))}`;
    case 'pbkdf2':
      return `$pbkdf2-sha256$i=1000,l=32$${b64(salt)}$${b64(pbkdf2Sync(password, salt, 1000, 32, 'sha256'))}`;
    case 'django': {
      const s = salt.toString('hex').slice(0, 12);
      return `pbkdf2_sha256$1000$${s}$${pbkdf2Sync(password, s, 1000, 32, 'sha256').toString('base64')}`;
    }
  }
}
