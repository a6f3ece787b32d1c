/**
 * Throughput under load: evaluations/s of a fixed batch (~200 k passwords of the bench/mix.ts
 * mix, its own seed) with
 *   - single-thread `checker.evaluateMany` (in chunks, like an audit would),
 *   - 1 and 2 `worker_threads` workers (each builds its own checker before the clock starts, then
 *     pulls chunks of the batch and reports a summary back).
 * Worker timings include sending the passwords to the workers (structured clone) and the
 * summaries back: that is what a parallel audit pays. Checker creation is excluded everywhere.
 *
 * `EvaluatorPool` is the reusable part: a small pool for a parallel audit.
 *
 * Run alone: `npx tsx bench/throughput.ts [--json] [--quick]`.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createChecker, type CheckerOptions } from '../src/index.js';
import { freshCopies, generatePasswords } from './mix.js';

// ---------------------------------------------------------------------------------------------
// The reusable pool
// ---------------------------------------------------------------------------------------------

/** What a parallel audit returns: counts, never passwords. */
export interface AuditSummary {
  total: number;
  accepted: number;
  /** Rejections by finding code (`policy.rejectedBy`; one password may count under several). */
  rejectedBy: Record<string, number>;
}

const WORKER_ROLE = 'passgate-evaluator-pool';

interface WorkerInit {
  role: typeof WORKER_ROLE;
  checkerOptions: CheckerOptions | undefined;
}
type ToWorker = { type: 'chunk'; id: number; passwords: string[] };
type FromWorker =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | ({ type: 'done'; id: number } & AuditSummary);

export function emptySummary(): AuditSummary {
  return { total: 0, accepted: 0, rejectedBy: {} };
}

export function mergeSummary(into: AuditSummary, s: AuditSummary): AuditSummary {
  into.total += s.total;
  into.accepted += s.accepted;
  for (const [k, v] of Object.entries(s.rejectedBy)) into.rejectedBy[k] = (into.rejectedBy[k] ?? 0) + v;
  return into;
}

/** Summarises evaluation results (shared by the workers and the single-thread path). */
export function summarise(results: ReadonlyArray<{ accepted: boolean; policy: { rejectedBy: readonly string[] } }>, into: AuditSummary = emptySummary()): AuditSummary {
  for (const r of results) {
    into.total++;
    if (r.accepted) into.accepted++;
    for (const code of r.policy.rejectedBy) into.rejectedBy[code] = (into.rejectedBy[code] ?? 0) + 1;
  }
  return into;
}

/**
 * A fixed set of worker threads, each with its own checker (built once, in the worker). `audit`
 * splits the passwords into chunks that idle workers pull, so a slow chunk does not stall the
 * others. One audit at a time.
 */
export class EvaluatorPool {
  private busy = false;
  private constructor(private readonly workers: Worker[]) {}

  get threads(): number {
    return this.workers.length;
  }

  /** Starts `threads` workers (default: available parallelism) and waits until every checker is built. */
  static async create(opts: { threads?: number; checkerOptions?: CheckerOptions } = {}): Promise<EvaluatorPool> {
    const threads = Math.max(1, opts.threads ?? availableParallelism());
    const init: WorkerInit = { role: WORKER_ROLE, checkerOptions: opts.checkerOptions };
    const workers: Worker[] = [];
    try {
      const url = new URL(import.meta.url);
      for (let i = 0; i < threads; i++) {
        // Run from TypeScript (tsx): the worker registers the tsx loader before importing this module.
        workers.push(
          url.pathname.endsWith('.ts')
            ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData: init })
            : new Worker(url, { workerData: init }),
        );
      }
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve, reject) => {
              const onMsg = (m: FromWorker): void => {
                w.off('error', reject);
                if (m.type === 'ready') resolve();
                else reject(new Error(m.type === 'error' ? m.message : 'unexpected message from a pool worker'));
              };
              w.once('message', onMsg);
              w.once('error', reject);
            }),
        ),
      );
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
    return new EvaluatorPool(workers);
  }

  /** Evaluates every password on the pool; resolves with the merged counts. */
  audit(passwords: readonly string[], opts: { chunkSize?: number } = {}): Promise<AuditSummary> {
    if (this.busy) return Promise.reject(new Error('EvaluatorPool.audit: one audit at a time'));
    this.busy = true;
    const chunkSize = Math.max(1, opts.chunkSize ?? 2048);
    const total = emptySummary();
    let next = 0;
    let outstanding = 0;
    return new Promise<AuditSummary>((resolve, reject) => {
      const cleanup = (): void => {
        for (const w of this.workers) {
          w.removeAllListeners('message');
          w.removeAllListeners('error');
        }
        this.busy = false;
      };
      const feed = (w: Worker): void => {
        if (next >= passwords.length) return;
        const end = Math.min(passwords.length, next + chunkSize);
        const msg: ToWorker = { type: 'chunk', id: next, passwords: passwords.slice(next, end) };
        next = end;
        outstanding++;
        w.postMessage(msg);
      };
      for (const w of this.workers) {
        w.on('message', (m: FromWorker) => {
          if (m.type === 'error') {
            cleanup();
            reject(new Error(m.message));
            return;
          }
          if (m.type !== 'done') return;
          outstanding--;
          mergeSummary(total, m);
          feed(w);
          if (outstanding === 0 && next >= passwords.length) {
            cleanup();
            resolve(total);
          }
        });
        w.on('error', (err) => {
          cleanup();
          reject(err);
        });
      }
      // Two chunks in flight per worker, so a worker never waits for the main thread.
      for (let round = 0; round < 2; round++) for (const w of this.workers) feed(w);
      if (outstanding === 0) {
        cleanup();
        resolve(total);
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

// Worker side: the same module, started by EvaluatorPool.create.
if (!isMainThread && parentPort && (workerData as WorkerInit | undefined)?.role === WORKER_ROLE) {
  const port = parentPort;
  const init = workerData as WorkerInit;
  createChecker(init.checkerOptions).then(
    (checker) => {
      port.on('message', (m: ToWorker) => {
        try {
          const s = summarise(checker.evaluateMany(m.passwords));
          port.postMessage({ type: 'done', id: m.id, ...s } satisfies FromWorker);
        } catch (err) {
          port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
        }
      });
      port.postMessage({ type: 'ready' } satisfies FromWorker);
    },
    (err: unknown) => port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker),
  );
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

export interface ThroughputSuiteOptions {
  json: boolean;
  quick: boolean;
  /** Passwords in the batch (default 200 000, quick 20 000). */
  batch?: number;
  /** Timed repetitions per configuration (default 3; each is a whole batch). */
  reps?: number;
  checkerOptions?: CheckerOptions;
}

export interface ThroughputRow {
  config: string;
  threads: number;
  evalsPerSec: { median: number; min: number; max: number; spreadPct: number; samples: number[] };
  speedupVsSingle: number | null;
  accepted: number;
}

const THROUGHPUT_SEED = 0x7a11c0de;

function stats(samples: number[]): ThroughputRow['evalsPerSec'] {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, spreadPct: ((s[s.length - 1]! - s[0]!) / median) * 100, samples };
}

export async function runThroughputSuite(opts: ThroughputSuiteOptions): Promise<object> {
  const batchSize = opts.batch ?? (opts.quick ? 20_000 : 200_000);
  const reps = Math.max(1, opts.reps ?? 3);
  const chunkSize = 2048;
  const log = (s: string): void => {
    if (!opts.json) process.stdout.write(s + '\n');
  };
  const batch = generatePasswords(batchSize, THROUGHPUT_SEED);
  log(`throughput: batch of ${batchSize} mix passwords, ${reps} reps (medians), chunks of ${chunkSize}, ${availableParallelism()} cores available`);
  const rows: ThroughputRow[] = [];
  let reference: AuditSummary | undefined;
  const check = (s: AuditSummary, what: string): void => {
    if (s.total !== batchSize) throw new Error(`${what}: evaluated ${s.total} of ${batchSize}`);
    if (reference && s.accepted !== reference.accepted) throw new Error(`${what}: ${s.accepted} accepted, single thread ${reference.accepted}`);
  };

  // Single thread: evaluateMany over the same chunks, fresh strings each rep.
  {
    const checker = await createChecker(opts.checkerOptions);
    summarise(checker.evaluateMany(freshCopies(batch.slice(0, Math.min(batchSize, 10_000))))); // warm-up
    const rates: number[] = [];
    for (let r = 0; r < reps; r++) {
      const pws = freshCopies(batch);
      const t = performance.now();
      const s = emptySummary();
      for (let i = 0; i < pws.length; i += chunkSize) summarise(checker.evaluateMany(pws.slice(i, i + chunkSize)), s);
      rates.push(batchSize / ((performance.now() - t) / 1000));
      check(s, 'single thread');
      reference ??= s;
    }
    rows.push({ config: 'single thread, evaluateMany', threads: 1, evalsPerSec: stats(rates), speedupVsSingle: 1, accepted: reference!.accepted });
    log(`  ${rows[rows.length - 1]!.config.padEnd(36)} ${Math.round(stats(rates).median).toLocaleString('en-US').padStart(9)} evals/s  ±${stats(rates).spreadPct.toFixed(0)}%`);
  }

  for (const threads of [1, 2]) {
    const pool = await EvaluatorPool.create({ threads, ...(opts.checkerOptions ? { checkerOptions: opts.checkerOptions } : {}) });
    try {
      await pool.audit(batch.slice(0, Math.min(batchSize, 10_000 * threads)), { chunkSize }); // warm-up
      const rates: number[] = [];
      let last: AuditSummary | undefined;
      for (let r = 0; r < reps; r++) {
        const pws = freshCopies(batch);
        const t = performance.now();
        last = await pool.audit(pws, { chunkSize });
        rates.push(batchSize / ((performance.now() - t) / 1000));
        check(last, `${threads} worker(s)`);
      }
      const st = stats(rates);
      rows.push({
        config: `${threads} worker thread${threads > 1 ? 's' : ''} (EvaluatorPool)`,
        threads,
        evalsPerSec: st,
        speedupVsSingle: st.median / rows[0]!.evalsPerSec.median,
        accepted: last!.accepted,
      });
      log(`  ${rows[rows.length - 1]!.config.padEnd(36)} ${Math.round(st.median).toLocaleString('en-US').padStart(9)} evals/s  ±${st.spreadPct.toFixed(0)}%  ×${rows[rows.length - 1]!.speedupVsSingle!.toFixed(2)} vs single thread`);
    } finally {
      await pool.close();
    }
  }
  return {
    suite: 'throughput',
    quick: opts.quick,
    batch: batchSize,
    reps,
    chunkSize,
    cores: availableParallelism(),
    profile: opts.checkerOptions?.profile ?? 'recommended',
    rows,
    rejectedBy: reference!.rejectedBy,
  };
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const json = process.argv.includes('--json');
  const result = await runThroughputSuite({ json, quick: process.argv.includes('--quick') });
  if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}
