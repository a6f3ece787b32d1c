/**
 * What options `messages` costs an evaluation (issue 22): the same checker with no overrides,
 * with a template for every code, and with a function for every code (whose texts pass the
 * password redaction each evaluation: wording/overrides.ts). Evaluations per second on a fixed
 * corpus of 2000 word+number passwords, the three checkers interleaved, median of 8 rounds.
 *
 *   npx tsx bench/messages.ts
 */
import { cpus, loadavg } from 'node:os';
import { createChecker, type Checker, type Messages } from '../src/index.js';
import { BUILT_IN_CODES } from '../src/codes.js';

const corpus: string[] = [];
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
const words = ['sunshine', 'Password', 'dragon', 'correct', 'horse', 'Kowalski', 'winter', 'monkey', 'letmein', 'qwerty'];
const word = () => words[Math.floor(rnd() * words.length)]!;
for (let i = 0; i < 2000; i++) corpus.push(word() + Math.floor(rnd() * 10000) + (rnd() < 0.5 ? '!' : '') + (rnd() < 0.3 ? word() : ''));

const every = (entry: (code: string) => unknown): Messages => ({ en: Object.fromEntries(BUILT_IN_CODES.map((c) => [c, entry(c)])) } as Messages);
const checkers: Record<string, Checker> = {
  none: await createChecker(),
  templates: await createChecker({ messages: every((c) => ({ warning: `${c} happened here.`, suggestion: `Fix ${c}.` })) }),
  functions: await createChecker({ messages: every((c) => ({ warning: () => `${c} happened here.`, suggestion: () => `Fix ${c}.` })) }),
};
const rate = (c: Checker) => {
  const t = performance.now();
  for (const p of corpus) c.evaluate(p);
  return corpus.length / ((performance.now() - t) / 1000);
};
const rounds: Record<string, number[]> = { none: [], templates: [], functions: [] };
for (let i = 0; i < 3; i++) for (const c of Object.values(checkers)) rate(c);
for (let i = 0; i < 8; i++) for (const [name, c] of Object.entries(checkers)) rounds[name]!.push(rate(c));
const median = (x: number[]) => [...x].sort((a, b) => a - b)[x.length >> 1]!;
const base = median(rounds.none!);
console.log(`${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString().slice(0, 10)}`);
for (const [name, r] of Object.entries(rounds)) console.log(`${name.padEnd(10)} ${median(r).toFixed(0).padStart(7)} evaluations/s  ×${(median(r) / base).toFixed(2)}`);
