/**
 * Throughput of `recommended` against another checkout of passgate in the same process, in
 * interleaved rounds on the bench mix (bench/mix.ts, 20,000 passwords): issue 19 asks ≥ 1.5×
 * f4c0d4f's. Make the base with `git archive f4c0d4f | tar -x -C DIR`, then link `node_modules`
 * and `data` into DIR.
 *
 *   npx tsx bench/versus-base.ts --base DIR [rounds]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createChecker } from '../src/index.js';
import { freshCopies, generateMix } from './mix.js';

const argv = process.argv.slice(2);
const baseDir = argv[argv.indexOf('--base') + 1];
if (!argv.includes('--base') || !baseDir) throw new Error('--base DIR is required');
const rounds = Number(argv.find((a) => /^\d+$/.test(a)) ?? 9);
const base = (await import(pathToFileURL(resolve(baseDir, 'src/index.ts')).href)) as typeof import('../src/index.js');

type Subject = { evaluate(p: string): { accepted: boolean } };
const mix = generateMix(20_000).map((e) => e.password);
const here: Subject = await createChecker();
const there: Subject = await base.createChecker();
let sink = 0;
const batch = (c: Subject, pws: readonly string[]) => {
  for (const p of pws) sink += c.evaluate(p).accepted ? 1 : 0;
};
for (let w = 0; w < 2; w++) { batch(here, freshCopies(mix)); batch(there, freshCopies(mix)); }
const rates: Record<'here' | 'base', number[]> = { here: [], base: [] };
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? (['base', 'here'] as const) : (['here', 'base'] as const);
  for (const who of order) {
    const pws = freshCopies(mix);
    const t = performance.now();
    batch(who === 'here' ? here : there, pws);
    rates[who].push(pws.length / ((performance.now() - t) / 1000));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ratios = rates.here.map((x, i) => x / rates.base[i]!);
console.log(`${new Date().toISOString()}, load ${loadavg().map((x) => x.toFixed(2)).join(' / ')} (sink ${sink})`);
console.log(`this checkout ${Math.round(median(rates.here))}/s, base ${Math.round(median(rates.base))}/s`);
console.log(`ratio per round: median ${median(ratios).toFixed(3)} (min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)}), ${rounds} rounds`);
