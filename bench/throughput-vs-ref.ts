/**
 * `recommended` against a reference checkout (issue 19's speed targets: ≥ 1.5× the throughput of
 * f4c0d4f, half its allocation per evaluation), both in this one process, on the bench mix
 * (bench/mix.ts, 20,000 passwords, fresh string objects every pass).
 *
 * Throughput: `rounds` rounds after two warm-up passes each; in a round both checkers evaluate the
 * whole mix in blocks of 500, taking turns block by block (who goes first alternating), and the
 * round's ratio is this tree's rate ÷ the reference's. Time is the process's CPU time
 * (process.cpuUsage: user + system, GC threads included), not wall time: on a shared 2-core
 * machine wall time is mostly waiting for a core. Reported: medians with min–max.
 *
 * Allocation per evaluation: bytes the V8 heap allocated during one pass over the mix ÷ its length.
 * A forced full GC before the pass; during it a v8.GCProfiler records every collection, so
 * allocated = (used heap after − used heap before) + Σ over the collections (used before it − used
 * after it). Exact up to what the collector frees of the pass's own garbage concurrently with it
 * (nothing with --single-threaded-gc; the default heap otherwise, as users run it). The strings
 * evaluated are made before the pass and not counted. Medians of `rounds` alternating passes.
 *
 * Make the reference once (detached worktree, never committed to):
 *   git -C /work/main worktree add /work/wt/ref-f4c0d4f f4c0d4f
 *   (cd /work/wt/ref-f4c0d4f && npm ci && npm run build)
 * then
 *   npx tsx bench/throughput-vs-ref.ts [--ref DIR] [--rounds 7] [--size 20000] [--json]
 *
 * Both sides load their own `src/index.ts` and their own `data/` (so PASSGATE_DATA_DIR must not be
 * set): through tsx by default, or with `--bundle` as users run it — each tree's src/index.ts
 * bundled by esbuild (ESM, node20, no keepNames: tsx's keepNames wraps every closure a call
 * creates in a __name() call that the published build does not have) into `.cache/bench-bundle/`.
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshCopies, generateMix } from './mix.js';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1]! : dflt;
};
const refDir = resolve(arg('--ref', '/work/wt/ref-f4c0d4f'));
const rounds = Number(arg('--rounds', '7'));
/** Evaluations per turn. */
const BLOCK = 500;
const size = Number(arg('--size', '20000'));
if (process.env.PASSGATE_DATA_DIR) throw new Error('unset PASSGATE_DATA_DIR: each side must read its own data/');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

type Subject = { evaluate(p: string): { accepted: boolean } };
type Library = { createChecker(): Promise<Subject> };
const hereDir = resolve(fileURLToPath(import.meta.url), '../..');
const bundled = argv.includes('--bundle');
/** The tree's library: its source through tsx, or (--bundle) an esbuild bundle of it next to its data/. */
async function load(dir: string): Promise<Library> {
  if (!bundled) return (await import(pathToFileURL(resolve(dir, 'src/index.ts')).href)) as Library;
  // .cache/bench-bundle/index.mjs: the Node entry finds data/ two folders up (assets/node.ts).
  const out = resolve(dir, '.cache/bench-bundle/index.mjs');
  const esbuild = resolve(hereDir, 'node_modules/.bin/esbuild');
  execFileSync(esbuild, [resolve(dir, 'src/index.ts'), '--bundle', '--platform=node', '--format=esm', '--target=node20', '--packages=external', `--outfile=${out}`, '--log-level=warning'], { cwd: dir, stdio: 'inherit' });
  return (await import(pathToFileURL(out).href)) as Library;
}
const subjects: Record<'here' | 'ref', Subject> = { here: await (await load(hereDir)).createChecker(), ref: await (await load(refDir)).createChecker() };
const mix = generateMix(size).map((e) => e.password);

let sink = 0;
function pass(c: Subject, pws: readonly string[]): number {
  let accepted = 0;
  for (let i = 0; i < pws.length; i++) if (c.evaluate(pws[i]!).accepted) accepted++;
  sink += accepted;
  return accepted;
}

/** Bytes allocated by one pass over `pws` (see the header for the method). */
function allocated(c: Subject, pws: readonly string[]): number {
  gc();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const before = v8.getHeapStatistics().used_heap_size;
  pass(c, pws);
  const after = v8.getHeapStatistics().used_heap_size;
  const stats = profiler.stop();
  let freed = 0;
  for (const g of stats?.statistics ?? []) freed += g.beforeGC.heapStatistics.usedHeapSize - g.afterGC.heapStatistics.usedHeapSize;
  return after - before + freed;
}

const loadStart = loadavg();
const date = new Date().toISOString();
for (let w = 0; w < 2; w++) for (const c of Object.values(subjects)) pass(c, freshCopies(mix));

const rate: Record<'here' | 'ref', number[]> = { here: [], ref: [] };
const bytes: Record<'here' | 'ref', number[]> = { here: [], ref: [] };
const acceptedShare: Record<string, number> = {};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let r = 0; r < rounds; r++) {
  // The mix in blocks, the two sides taking turns block by block (who goes first alternating), so
  // that a change in the machine's load falls on both alike.
  const pws = { here: freshCopies(mix), ref: freshCopies(mix) };
  const ms = { here: 0, ref: 0 };
  const accepted = { here: 0, ref: 0 };
  for (let b = 0; b * BLOCK < mix.length; b++) {
    const order = (b + r) % 2 ? (['ref', 'here'] as const) : (['here', 'ref'] as const);
    for (const who of order) {
      const block = pws[who].slice(b * BLOCK, (b + 1) * BLOCK);
      const t = cpuMs();
      accepted[who] += pass(subjects[who], block);
      ms[who] += cpuMs() - t;
    }
  }
  for (const who of ['here', 'ref'] as const) {
    rate[who].push(mix.length / (ms[who] / 1000));
    acceptedShare[who] = accepted[who] / mix.length;
  }
}
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? (['ref', 'here'] as const) : (['here', 'ref'] as const);
  for (const who of order) {
    const pws = freshCopies(mix);
    bytes[who].push(allocated(subjects[who], pws) / pws.length);
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: readonly number[], f: (x: number) => string) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
const ratio = rate.here.map((x, i) => x / rate.ref[i]!);
const allocRatio = bytes.here.map((x, i) => x / bytes.ref[i]!);
const head = (dir: string) => {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};
const result = {
  date,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  node: process.version,
  load: { start: loadStart.map((x) => +x.toFixed(2)), end: loadavg().map((x) => +x.toFixed(2)) },
  here: head(hereDir),
  bundled,
  ref: head(refDir),
  rounds,
  size,
  evalsPerSecond: { here: median(rate.here), ref: median(rate.ref) },
  throughputRatio: { median: median(ratio), min: Math.min(...ratio), max: Math.max(...ratio), perRound: ratio },
  bytesPerEvaluation: { here: median(bytes.here), ref: median(bytes.ref), hereAll: bytes.here, refAll: bytes.ref },
  allocationRatio: { median: median(allocRatio), min: Math.min(...allocRatio), max: Math.max(...allocRatio) },
  acceptedShare,
  sink,
};
if (argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  const k = (x: number) => `${Math.round(x / 100) / 10} k/s`;
  const kb = (x: number) => `${(x / 1000).toFixed(2)} KB`;
  console.log(`${date}, ${result.cpu} × ${result.cores}, Node ${process.version}, load ${result.load.start.join(' / ')} → ${result.load.end.join(' / ')}`);
  console.log(`this tree ${result.here} vs ref ${result.ref}: ${rounds} alternating rounds of ${size} evaluations (recommended, ${bundled ? 'esbuild bundles' : 'sources through tsx'})`);
  console.log(`throughput  here ${range(rate.here, k)}, ref ${range(rate.ref, k)}`);
  console.log(`ratio       ${range(ratio, (x) => x.toFixed(3) + '×')}`);
  console.log(`allocation  here ${range(bytes.here, kb)}/eval, ref ${range(bytes.ref, kb)}/eval, ratio ${range(allocRatio, (x) => x.toFixed(3))}`);
  console.log(`accepted    here ${(acceptedShare.here! * 100).toFixed(1)} %, ref ${(acceptedShare.ref! * 100).toFixed(1)} %`);
}
