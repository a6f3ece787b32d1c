/**
 * What each per-request part of `passgate serve` costs next to the evaluate call, in one process
 * (no HTTP, no load generator sharing the cores): parse the request, evaluate, stringify the
 * result, count it in the metrics, format and write the log line. Parts run in alternating
 * rounds so drift in machine load hits each alike; the table gives median µs per call with
 * min–max, and each part as a share of evaluate + stringify (what the minimal server does too).
 *
 *   npx tsx bench/server-parts.ts
 */
import { cpus, loadavg } from 'node:os';
import { createChecker } from '../src/index.js';
import { loadServiceMetrics } from '../src/server/metrics.js';
import { createLogger } from '../src/server/logger.js';
import { parseEvaluateRequest } from '../src/server/evaluate-request.js';
import { generatePasswords } from './mix.js';

const checker = await createChecker();
const passwords = generatePasswords(2_000, 20261204);
const bodies = passwords.map((p) => new TextEncoder().encode(JSON.stringify({ password: p })));
const results = passwords.map((p) => checker.evaluate(p));
const metrics = await loadServiceMetrics(1);
// The log line as `passgate serve` writes it: to stderr (run with 2>/dev/null, as the bench does).
const logger = createLogger((line) => void process.stderr.write(line + '\n'));
let sink = 0;

const parts: [string, number, (i: number) => void][] = [
  ['evaluate', 400, (i) => (sink += checker.evaluate(passwords[i % 2000]!).points)],
  ['JSON.stringify(result)', 4000, (i) => (sink += JSON.stringify(results[i % 2000]).length)],
  ['parse the request body', 4000, (i) => (sink += parseEvaluateRequest(bodies[i % 2000]!).ok ? 1 : 0)],
  ['metrics.request', 4000, (i) => metrics.request({ route: '/v1/evaluate', method: 'POST', reply: { status: 200 }, result: results[i % 2000] }, 200, 0.004)],
  ['log line', 4000, () => logger.request({ route: '/v1/evaluate', method: 'POST', reply: { status: 200 } }, 200, 4.2)],
];
const times = parts.map(() => [] as number[]);
const loadBefore = loadavg();
for (let round = 0; round < 9; round++) {
  parts.forEach(([, n, f], k) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) f(i + round * n);
    if (round > 0) times[k]!.push(((performance.now() - t) * 1000) / n);
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(times[0]!) + median(times[1]!);
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
process.stdout.write(
  `\`npx tsx bench/server-parts.ts 2>/dev/null\` — ${date} UTC, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ` +
    `${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${loadavg().map((x) => x.toFixed(2)).join(' ')} after; 8 counted rounds alternating the parts.\n\n` +
    '| part | µs per call, median (min–max) | share of evaluate + stringify |\n|---|---:|---:|\n' +
    parts.map(([name], k) => `| ${name} | ${median(times[k]!).toFixed(2)} (${Math.min(...times[k]!).toFixed(2)}–${Math.max(...times[k]!).toFixed(2)}) | ${k < 2 ? '—' : ((100 * median(times[k]!)) / base).toFixed(1) + ' %'} |`).join('\n') +
    '\n',
);
if (sink === 42) process.stdout.write('');
