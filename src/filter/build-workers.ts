/**
 * Node-only: parsing HIBP input on worker threads (issue 12: use the cores). The main thread
 * reads and decompresses, cuts the stream at line ends into ~1 MiB chunks, and hands each to the
 * least busy worker (build-worker.ts), which parses it and sets bits in the builder's shared parts
 * with Atomics.or. At most two chunks per worker are in flight, so memory stays the filter plus a
 * few MiB. Results come back out of order; `finish` folds them in chunk order so that counts and
 * malformed line numbers are exactly those of a single-threaded scan.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FilterBuilder } from './builder.js';
import type { ChunkJob, ChunkResult, WorkerSetup } from './build-worker.js';
import { MAX_LINE_BYTES, newCounts } from './parse-hibp.js';
import type { ChunkParser, ScanStats } from './read-lines.js';

const LF = 10;
const PER_WORKER = 2;

/** The worker script next to this module (.ts under tsx/vitest, .js in dist/), or null if absent. */
function workerScript(): URL | null {
  const url = new URL(import.meta.url.endsWith('.ts') ? './build-worker.ts' : './build-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** Starts the worker; from sources (tests, tsx) it first registers tsx's loader in that thread. */
function startWorker(url: URL, workerData: WorkerSetup): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`;
  return new Worker(boot, { eval: true, workerData });
}

export const workersAvailable = (): boolean => workerScript() !== null;

export interface ChunkEngine {
  parse: ChunkParser;
  overlong(): void;
}

export class ParsePool {
  readonly #workers: Worker[] = [];
  readonly #busy: number[] = [];
  readonly #files = new Map<number, string | undefined>();
  readonly #results = new Map<number, ChunkResult>();
  #next = 0;
  #waiters: (() => void)[] = [];
  #error: Error | null = null;
  linesDone = 0;

  constructor(threads: number, builder: FilterBuilder | null, minCount: number, private readonly maxReported: number) {
    const script = workerScript();
    if (!script) throw new Error('the build worker script is missing next to this module');
    const setup: WorkerSetup = {
      parts: builder ? builder.sharedParts : null,
      shift: builder?.partShift ?? 0,
      blockCount: builder?.blockCount ?? 1,
      k: builder?.k ?? 1,
      minCount,
      maxReported,
    };
    if (builder && !builder.sharedParts) throw new Error('ParsePool needs a builder created with shared: true');
    for (let i = 0; i < threads; i++) {
      const w = startWorker(script, setup);
      w.on('message', (r: ChunkResult) => {
        this.#results.set(r.id, r);
        this.#busy[i]!--;
        this.linesDone += r.counts.lines;
        this.#wake();
      });
      w.on('error', (err) => {
        this.#error ??= err;
        this.#wake();
      });
      this.#workers.push(w);
      this.#busy.push(0);
    }
  }

  #wake(): void {
    const w = this.#waiters;
    this.#waiters = [];
    for (const f of w) f();
  }

  async #idle(limit: number): Promise<number> {
    for (;;) {
      if (this.#error) throw this.#error;
      let best = 0;
      for (let i = 1; i < this.#busy.length; i++) if (this.#busy[i]! < this.#busy[best]!) best = i;
      if (this.#busy[best]! < limit) return best;
      await new Promise<void>((r) => this.#waiters.push(r));
    }
  }

  /** The chunk parser and overlong handler for one input file (or stream). */
  engine(file: string | undefined, digits: number, prefix: number | null): ChunkEngine {
    return {
      parse: async (b, end, final) => {
        const cut = final ? end : b.lastIndexOf(LF, end - 1) + 1;
        if (cut <= 0) return 0;
        const bytes = new Uint8Array(cut); // its own buffer, transferred to the worker
        bytes.set(b.subarray(0, cut));
        const w = await this.#idle(PER_WORKER);
        const id = this.#next++;
        this.#files.set(id, file);
        this.#busy[w]!++;
        this.#workers[w]!.postMessage({ id, bytes, digits, prefix } satisfies ChunkJob, [bytes.buffer]);
        return cut;
      },
      overlong: () => {
        const id = this.#next++;
        this.#files.set(id, file);
        const counts = { ...newCounts(), lines: 1, malformed: 1 };
        this.#results.set(id, { id, counts, malformed: [{ line: 1, reason: `longer than ${MAX_LINE_BYTES} bytes` }] });
        this.linesDone++;
      },
    };
  }

  /** Waits for every chunk, then adds the counts and numbered malformed lines to `stats`. */
  async finish(stats: ScanStats): Promise<void> {
    while (this.#busy.some((b) => b > 0) && !this.#error) await new Promise<void>((r) => this.#waiters.push(r));
    if (this.#error) throw this.#error;
    let file: string | undefined;
    let base = 0;
    let total = 0;
    for (let id = 0; id < this.#next; id++) {
      const r = this.#results.get(id)!;
      const f = this.#files.get(id);
      if (id === 0 || f !== file) base = 0; // line numbers restart in every file
      file = f;
      for (const m of r.malformed) {
        if (stats.malformedSamples.length < this.maxReported) stats.malformedSamples.push(f ? { line: base + m.line, reason: m.reason, file: f } : { line: base + m.line, reason: m.reason });
      }
      const c = r.counts;
      base += c.lines;
      total += c.lines;
      stats.entries += c.entries;
      stats.skippedEmpty += c.skippedEmpty;
      stats.skippedZeroCount += c.skippedZeroCount;
      stats.skippedBelowMinCount += c.skippedBelowMinCount;
      stats.malformed += c.malformed;
    }
    stats.lines = total;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
