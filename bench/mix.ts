/**
 * The benchmark password mix: fixed, seeded, documented. Used by bench/evaluate.ts and
 * bench/throughput.ts.
 *
 * Proportions (exact in every block of 20 consecutive passwords, so any prefix whose length is a
 * multiple of 20 has the same make-up as the whole mix; the order of kinds inside a block is
 * shuffled by the seed):
 *
 * | kind     | share | what                                                                   |
 * |----------|-------|------------------------------------------------------------------------|
 * | common   | 40 %  | a line of data/common-passwords.txt (30 k most common), Zipf-weighted  |
 * | seed     | 20 %  | helpdesk patterns: Welcome01, Winter2020!, Company2024, P@ssw0rd1 …    |
 * | random   | 20 %  | 8–16 random printable ASCII characters                                 |
 * | phrase   | 10 %  | 4–5 words of the zxcvbn-ts common diceware list, mixed separators      |
 * | long     | 10 %  | ~40 characters (36–44): words, digits and random chunks                |
 *
 * Strings come out flat (sequential, not cons/sliced) and each call of `freshCopies` returns new
 * string objects with no cached hash, so no implementation is flattered by V8 caches.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dictionary } from '@zxcvbn-ts/language-common';

export type MixKind = 'common' | 'seed' | 'random' | 'phrase' | 'long';

/** Kinds of one block of 20, in proportion (shuffled per block). */
const BLOCK: readonly MixKind[] = [
  ...Array<MixKind>(8).fill('common'),
  ...Array<MixKind>(4).fill('seed'),
  ...Array<MixKind>(4).fill('random'),
  ...Array<MixKind>(2).fill('phrase'),
  ...Array<MixKind>(2).fill('long'),
];

export const MIX_PROPORTIONS: Readonly<Record<MixKind, number>> = {
  common: 0.4,
  seed: 0.2,
  random: 0.2,
  phrase: 0.1,
  long: 0.1,
};

export const MIX_SEED = 0x5eed2024;

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PRINTABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_=+[]{};:,.<>/?~';
const SEED_WORDS = [
  'welcome', 'winter', 'summer', 'spring', 'autumn', 'password', 'p@ssw0rd', 'company', 'contoso',
  'letmein', 'monday', 'january', 'football', 'dragon', 'sunshine', 'princess', 'qwerty', 'admin',
  'changeme', 'secret', 'london', 'liverpool', 'september', 'hello', 'passw0rd', 'fabrikam',
];
const SEED_SUFFIXES = ['1', '01', '123', '!', '1!', '2020', '2021', '2022', '2023', '2024', '2020!', '2024!', '#1', '@123', '12', '99'];

let commonCache: string[] | undefined;
function commonPasswords(): string[] {
  if (!commonCache) {
    const path = fileURLToPath(new URL('../data/common-passwords.txt', import.meta.url));
    commonCache = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  }
  return commonCache;
}

function dicewareWords(): readonly string[] {
  return (dictionary as Record<string, readonly string[]>)['diceware-common']!;
}

/** A flat, fresh copy of `s` (new string object, no cached hash, not a cons or sliced string). */
export function fresh(s: string): string {
  const n = s.length;
  if (n === 0) return '';
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(i);
  return String.fromCharCode.apply(null, codes);
}

/** New string objects with the same contents, for one repetition. */
export function freshCopies(xs: readonly string[]): string[] {
  const out = new Array<string>(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = fresh(xs[i]!);
  return out;
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export interface MixEntry {
  kind: MixKind;
  password: string;
}

/** The first `n` passwords of the mix for `seed` (deterministic). */
export function generateMix(n: number, seed: number = MIX_SEED): MixEntry[] {
  const rand = prng(seed);
  const common = commonPasswords();
  const words = dicewareWords();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const randomChars = (len: number): string => {
    let s = '';
    for (let i = 0; i < len; i++) s += PRINTABLE[Math.floor(rand() * PRINTABLE.length)];
    return s;
  };
  // Zipf-like rank over the common list: rank = floor(N^u) favours the top without ignoring the tail.
  const commonPick = (): string => common[Math.min(common.length - 1, Math.floor(Math.pow(common.length, rand())) - 1)]!;
  const gen: Record<MixKind, () => string> = {
    common: commonPick,
    seed: () => {
      let w = pick(SEED_WORDS);
      const r = rand();
      if (r < 0.6) w = capitalise(w);
      else if (r < 0.7) w = w.toUpperCase();
      return w + pick(SEED_SUFFIXES);
    },
    random: () => randomChars(8 + Math.floor(rand() * 9)),
    phrase: () => {
      const count = rand() < 0.5 ? 4 : 5;
      const sep = pick([' ', '-', '', '.', '_']);
      const cap = rand() < 0.3;
      const ws: string[] = [];
      for (let i = 0; i < count; i++) ws.push(cap ? capitalise(pick(words)) : pick(words));
      return ws.join(sep) + (rand() < 0.3 ? String(Math.floor(rand() * 100)) : '');
    },
    long: () => {
      const target = 36 + Math.floor(rand() * 9);
      let s = '';
      while (s.length < target) {
        const r = rand();
        if (r < 0.4) s += pick(words);
        else if (r < 0.6) s += String(Math.floor(rand() * 10_000));
        else s += randomChars(3 + Math.floor(rand() * 4));
      }
      return s.slice(0, target);
    },
  };
  const out: MixEntry[] = [];
  const block = [...BLOCK];
  while (out.length < n) {
    for (let i = block.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [block[i], block[j]] = [block[j]!, block[i]!];
    }
    for (const kind of block) {
      if (out.length >= n) break;
      out.push({ kind, password: fresh(gen[kind]()) });
    }
  }
  return out;
}

/** Just the strings. */
export function generatePasswords(n: number, seed: number = MIX_SEED): string[] {
  return generateMix(n, seed).map((e) => e.password);
}

/** Mean length in UTF-16 units per kind and overall, for the report. */
export function describeMix(mix: readonly MixEntry[]): { count: number; meanLength: number; byKind: Record<string, { count: number; meanLength: number }> } {
  const byKind: Record<string, { count: number; meanLength: number }> = {};
  let total = 0;
  for (const e of mix) {
    const k = (byKind[e.kind] ??= { count: 0, meanLength: 0 });
    k.count++;
    k.meanLength += e.password.length;
    total += e.password.length;
  }
  for (const k of Object.values(byKind)) k.meanLength = Number((k.meanLength / k.count).toFixed(1));
  return { count: mix.length, meanLength: Number((total / Math.max(1, mix.length)).toFixed(1)), byKind };
}
