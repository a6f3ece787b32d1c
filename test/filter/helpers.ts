/** Deterministic key generation for filter tests (no Math.random: results must be reproducible). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // xorshift32: fast, full period, good enough to draw test keys
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*';

/** `count` random ASCII keys of 6–14 characters, each prefixed so that sets never overlap. */
export function randomKeys(count: number, seed: number, prefix: string): string[] {
  const r = prng(seed);
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let s = prefix;
    const len = 6 + Math.floor(r() * 9);
    for (let j = 0; j < len; j++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
    out[i] = s;
  }
  return out;
}

/** `count` random SHA-1-shaped hex digests. */
export function randomHex40(count: number, seed: number): string[] {
  const r = prng(seed);
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let j = 0; j < 5; j++) s += Math.floor(r() * 4294967296).toString(16).padStart(8, '0');
    out[i] = s;
  }
  return out;
}
