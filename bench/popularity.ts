/**
 * Popular passwords in an organisation (issue 23): what the popularity limiter buys and costs.
 *
 *   npx tsx scripts/fetch-quality-sets.ts   # once: the evaluation sets in .cache/quality/sets/
 *   npx tsx bench/popularity.ts [--accounts 10000] [--seeds 3] [--no-write]
 *
 * 1. Simulation. An organisation of N accounts chooses passwords from a frequency distribution
 *    built from the held-out evaluation sets, keeping only the entries passgate's default
 *    checker accepts today — the passwords no global list stops (2026-12-07: rockyou-75 115 of
 *    59,186, john 0 of 3,545, seclists-union 9,275 of 426,886, hashcat-example 951 of 128,416).
 *    Ranked: rockyou-75's in its frequency order first, then seclists-union's and
 *    hashcat-example's in file order (they carry no frequency). No set ships counts, so the
 *    frequency of the r-th entry is taken as Zipf, ∝ r^−0.9 (Wang et al., "Zipf's
 *    law in passwords", IEEE TIFS 2017, fit exponents of 0.5–0.9 to real sites; 0.9 is the
 *    steeper, harder case for a limiter). Each account draws a password (seeded); with the
 *    limiter, a refused draw is drawn again (a user picking another password), and the accepted
 *    one is recorded. An attacker then tries the top 10, 100, 1,000 passwords of that same
 *    distribution on every account (a sprayer who knows what is popular), and, as an upper
 *    bound, the org's own top-k after the fact (a sprayer who learnt this org's choices).
 *    False refusals: refused draws whose root fewer than `limit` accounts had really chosen
 *    (counted exactly beside the sketch): the decoys plus the sketch's collisions.
 * 2. Cost of a record and a check: in process, and through a real redis-server started here
 *    (127.0.0.1, no persistence; one client, sequential round trips, then 64 in flight).
 *
 * Writes its section of bench/RESULTS.md between `<!-- popularity:start -->` and
 * `<!-- popularity:end -->` (bench/kept-sections.ts carries it over `npm run bench`).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createChecker } from '../src/index.js';
import { passwordRoot } from '../src/rotation/root.js';
import { resolvePopularity } from '../src/popularity/options.js';
import { createPopularitySource } from '../src/popularity/source.js';
import { falseRefusalRate, sketchSize, MIN_FALSE_POSITIVE_RATE, MIN_LIMIT } from '../src/popularity/sizing.js';
import type { PopularitySource } from '../src/popularity/types.js';
import { BIG_FILTERS_HEADING, POPULARITY_END, POPULARITY_START, replaceMarkedBlock } from './kept-sections.js';
import { startRedis } from '../test/popularity/redis-server.js';
import { seededRandom } from '../scripts/wordlists/false-hits.js';

const ROOT = resolve(import.meta.dirname, '..');
const SETS = resolve(ROOT, '.cache/quality/sets');
const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const ACCOUNTS = arg('accounts', 10_000);
const SEEDS = arg('seeds', 3);
const ZIPF = 0.9;
const LIMITS = [2, 5, 10] as const;
const GUESSES = [10, 100, 1000] as const;
const MAX_TRIES = 100;
const SECRET = 'bench-secret-0123456789abcdef';

/** Draws a rank (0-based) with probability ∝ (r + 1)^−s. */
function zipfSampler(n: number, s: number): (u: number) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cdf[r] = sum += (r + 1) ** -s;
  return (u) => {
    const x = u * sum;
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface Outcome {
  /** Share of accounts opened by the distribution's top k (GUESSES order). */
  readonly spray: number[];
  /** Share opened by the org's own top k after the fact. */
  readonly oracle: number[];
  readonly refusals: number;
  readonly falseRefusals: number;
  readonly attempts: number;
  readonly gaveUp: number;
}

async function simulate(accepted: readonly string[], limit: number | null, seed: number): Promise<Outcome> {
  const draw = zipfSampler(accepted.length, ZIPF);
  const random = seededRandom(seed);
  let source: PopularitySource | null = null;
  if (limit !== null) {
    // A fresh sketch per run, sized for this organisation (expectedAccounts = N).
    source = await createPopularitySource(resolvePopularity({ limit, secret: `${SECRET}-${seed}-${limit}`, expectedAccounts: ACCOUNTS })!);
  }
  const trueCount = new Map<string, number>();
  const chosen = new Int32Array(ACCOUNTS);
  let refusals = 0, falseRefusals = 0, attempts = 0, gaveUp = 0;
  for (let a = 0; a < ACCOUNTS; a++) {
    let rank = draw(random());
    for (let tries = 1; source; tries++) {
      attempts++;
      const password = accepted[rank]!;
      if (source.checkSync(password).length === 0) break;
      refusals++;
      if ((trueCount.get(countedAs(password)) ?? 0) < limit!) falseRefusals++;
      if (tries === MAX_TRIES) {
        gaveUp++;
        break;
      }
      rank = draw(random());
    }
    if (!source) attempts++;
    chosen[a] = rank;
    const password = accepted[rank]!;
    if (source) await source.record(password);
    const root = countedAs(password);
    trueCount.set(root, (trueCount.get(root) ?? 0) + 1);
  }
  await source?.close();
  const spray = GUESSES.map((k) => chosen.reduce((n, r) => n + (r < k ? 1 : 0), 0) / ACCOUNTS);
  const byPassword = new Map<number, number>();
  for (const r of chosen) byPassword.set(r, (byPassword.get(r) ?? 0) + 1);
  const counts = [...byPassword.values()].sort((x, y) => y - x);
  const oracle = GUESSES.map((k) => counts.slice(0, k).reduce((n, c) => n + c, 0) / ACCOUNTS);
  return { spray, oracle, refusals, falseRefusals, attempts, gaveUp };
}

/** What the source counts (src/popularity/source.ts): the root, or the whole password without one. */
const countedAs = (password: string) => passwordRoot(password) || `\0whole\0${password.normalize('NFKC').toLowerCase()}`;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)} %`;

async function acceptedOf(name: string): Promise<string[]> {
  const checker = await createChecker();
  const lines = readFileSync(resolve(SETS, `${name}.txt`), 'utf8').split('\n').filter((l) => l.length > 0);
  return lines.filter((p) => checker.evaluate(p).accepted);
}

// ---------------------------------------------------------------- costs
interface Cost { readonly record: number; readonly check: number; readonly p50?: number; readonly p99?: number; readonly concurrent?: number }

async function timeSource(source: PopularitySource, passwords: readonly string[], n: number, sequential: boolean): Promise<Cost> {
  const warm = Math.min(200, n);
  for (let i = 0; i < warm; i++) await source.record(passwords[i % passwords.length]!);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await source.record(passwords[(i * 7) % passwords.length]!);
  const t1 = performance.now();
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    if (sequential) await source.check(passwords[(i * 13) % passwords.length]!);
    else source.checkSync(passwords[(i * 13) % passwords.length]!);
    lat.push(performance.now() - s);
  }
  const t2 = performance.now();
  lat.sort((a, b) => a - b);
  return { record: ((t1 - t0) * 1000) / n, check: ((t2 - t1) * 1000) / n, p50: lat[Math.floor(n / 2)]! * 1000, p99: lat[Math.floor(n * 0.99)]! * 1000 };
}

async function concurrentChecks(source: PopularitySource, passwords: readonly string[], n: number, inFlight: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < n) await source.check(passwords[next++ % passwords.length]!);
  }));
  return n / ((performance.now() - t0) / 1000);
}

async function main(): Promise<void> {
  if (!existsSync(resolve(SETS, 'rockyou-75.txt'))) throw new Error('run `npx tsx scripts/fetch-quality-sets.ts` first');
  const started = new Date();
  const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
  const L: string[] = [];
  L.push(POPULARITY_START, '## Popular passwords in an organisation: the limiter (issue 23)', '');
  const sims: string[] = [];
  let totalFalse = 0, totalAttempts = 0;
  const accepted: string[] = [];
  const described: string[] = [];
  for (const set of ['rockyou-75', 'john', 'seclists-union', 'hashcat-example']) {
    const mine = await acceptedOf(set);
    const total = readFileSync(resolve(SETS, `${set}.txt`), 'utf8').split('\n').filter((l) => l.length > 0).length;
    described.push(`${set} ${mine.length.toLocaleString('en')} of ${total.toLocaleString('en')}`);
    const seen = new Set(accepted);
    for (const p of mine) if (!seen.has(p)) accepted.push(p);
  }
  {
    sims.push(`### ${accepted.length.toLocaleString('en')} distinct passwords passgate accepts today (recommended profile, default data): ${described.join(', ')}`, '');
    sims.push('| limiter | top 10 open | top 100 open | top 1,000 open | org\'s own top 10 / 100 / 1,000 | refused draws | false refusals (share of draws) |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const limit of [null, ...LIMITS]) {
      const runs: Outcome[] = [];
      for (let s = 0; s < SEEDS; s++) runs.push(await simulate(accepted, limit, 1000 + s));
      const at = (f: (o: Outcome) => number) => mean(runs.map(f));
      const attempts = at((o) => o.attempts);
      totalFalse += runs.reduce((n, o) => n + o.falseRefusals, 0);
      totalAttempts += runs.reduce((n, o) => n + o.attempts, 0) * (limit === null ? 0 : 1);
      sims.push(
        `| ${limit === null ? 'none' : `limit ${limit}`} | ${GUESSES.map((_, i) => pct(at((o) => o.spray[i]!), 2)).join(' | ')} | ${GUESSES.map((_, i) => pct(at((o) => o.oracle[i]!), 1)).join(' / ')} | ${limit === null ? '–' : `${Math.round(at((o) => o.refusals)).toLocaleString('en')} (${pct(at((o) => o.refusals) / attempts)})`} | ${limit === null ? '–' : `${at((o) => o.falseRefusals).toFixed(1)} (${pct(at((o) => o.falseRefusals) / attempts, 2)})`} |`,
      );
      if (runs.some((o) => o.gaveUp > 0)) sims.push(`|  | (${at((o) => o.gaveUp).toFixed(1)} accounts gave up after ${MAX_TRIES} draws) | | | | | |`);
    }
    sims.push('');
  }

  // Costs.
  const memory = await createPopularitySource(resolvePopularity({ limit: 3, secret: SECRET })!);
  const mem = await timeSource(memory, accepted, 100_000, false);
  await memory.close();
  const redis = await startRedis();
  let viaRedis: Cost;
  try {
    const remote = await createPopularitySource(resolvePopularity({ limit: 3, secret: SECRET, redisUrl: redis.url, timeoutMs: 2000 })!);
    viaRedis = await timeSource(remote, accepted, 5_000, true);
    viaRedis = { ...viaRedis, concurrent: await concurrentChecks(remote, accepted, 20_000, 64) };
    await remote.close();
  } finally {
    await redis.stop();
  }

  const size = sketchSize(ACCOUNTS, MIN_LIMIT);
  L.push(
    `\`npx tsx bench/popularity.ts\` — ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), load average ${loadBefore} before, ${loadavg().map((x) => x.toFixed(2)).join(' ')} after. ` +
      `${ACCOUNTS.toLocaleString('en')} accounts, ${SEEDS} seeded runs per row (mean shown); frequency of the r-th accepted entry ∝ r^−${ZIPF} (no set carries counts: see the script's header); a refused account draws again (at most ${MAX_TRIES} times). ` +
      `The sketch is sized for the organisation (expectedAccounts ${ACCOUNTS.toLocaleString('en')}: ${size.depth} × ${size.width.toLocaleString('en')} counters, ${Math.round((size.width * size.depth * 2) / 1024)} KiB) and has its ${pct(MIN_FALSE_POSITIVE_RATE, 1)} of decoy roots; its predicted false-refusal rate at ${ACCOUNTS.toLocaleString('en')} accounts is ${LIMITS.map((l) => `${pct(falseRefusalRate(size, ACCOUNTS, l), 2)} at limit ${l}`).join(', ')}.`,
    '',
    '"top k open": share of accounts whose password is among the k most frequent of the distribution — what a sprayer trying those k on every account opens. "org\'s own top k": the same with the k passwords this organisation used most, known after the fact (an upper bound for a sprayer who learnt them). "false refusals": refused draws whose root fewer than `limit` accounts had really chosen (decoys and collisions), counted exactly beside the sketch.',
    '',
    ...sims,
    '### Cost of a record and a check',
    '',
    '| store | record µs/op | check µs/op | check p50 / p99 µs | checks/s with 64 in flight |',
    '|---|---:|---:|---:|---:|',
    `| in process (root + HMAC-SHA-256 + 4 counters) | ${mem.record.toFixed(1)} | ${mem.check.toFixed(1)} | ${mem.p50!.toFixed(1)} / ${mem.p99!.toFixed(1)} | – |`,
    `| Redis on 127.0.0.1 (one client; record = one EVAL, check = one BITFIELD_RO) | ${viaRedis.record.toFixed(0)} | ${viaRedis.check.toFixed(0)} | ${viaRedis.p50!.toFixed(0)} / ${viaRedis.p99!.toFixed(0)} | ${Math.round(viaRedis.concurrent!).toLocaleString('en')} |`,
    '',
    `Sequential figures are one round trip each (the loopback and redis-server share the cores with this process and other work); with requests in flight the client pipelines them on its one connection. On a machine loaded past its core count (see the load average) the means carry scheduling stalls: the p50 is the cost of the work itself. Refused draws are mostly the point — a user whose root \`limit\` others already chose is asked for another — and the false ones stay near the decoys' 0.1 % floor plus the sketch's collisions, as predicted. False refusals over all limited runs: ${totalFalse} of ${totalAttempts.toLocaleString('en')} draws (${pct(totalFalse / Math.max(1, totalAttempts), 2)}).`,
    POPULARITY_END,
  );
  const section = L.join('\n');
  process.stdout.write(section + '\n');
  if (!args.includes('--no-write')) {
    const path = resolve(ROOT, 'bench/RESULTS.md');
    const previous = readFileSync(path, 'utf8');
    // Where npm run bench puts it (kept-sections.ts): in place, else before the big filters section.
    const beforeBig = (text: string) => {
      const big = text.indexOf(BIG_FILTERS_HEADING);
      return big >= 0 ? `${text.slice(0, big)}${section}\n\n${text.slice(big)}` : `${text.trimEnd()}\n\n${section}\n`;
    };
    writeFileSync(path, replaceMarkedBlock(previous, POPULARITY_START, POPULARITY_END, section, beforeBig));
  }
}

await main();
