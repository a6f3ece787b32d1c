/**
 * Node-only: parsing HIBP input on worker threads (issue 12: use the cores). The main thread
 * reads and decompresses, cuts the stream at line ends into ~1 MiB chunks, and hands each to the
 * least busy worker (build-worker.ts), which parses it and sets bits in the builder's shared parts
 * with Atomics.or. At most two chunks per worker are in flight, so memory stays the filter plus a
 * few MiB. Results come back out of order; they are folded in chunk order as soon as the earlier
 * ones are in, so counts and malformed line numbers are exactly those of a single-threaded scan
 * and only the out-of-order few are held — never one result per chunk (a per-prefix directory has
 * a million files, so a million chunks: issue 20).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FilterBuilder } from './builder.js';
import type { ChunkJob, ChunkResult, WorkerSetup } from './build-worker.js';
import { MAX_LINE_BYTES, newCounts } from './parse-hibp.js';
import type { ChunkParser, MalformedLine, ScanStats } from './read-lines.js';

const LF = 10;
const PER_WORKER = 2;
/**
 * At most this many chunks between the oldest unfinished one and the newest handed out: a slow
 * worker (one still booting) would otherwise let the others' results pile up behind its chunk.
 */
export const MAX_HELD = 256;

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
  /** Results that arrived before an earlier chunk's, with their file; folded as soon as they can be. */
  readonly #waiting = new Map<number, { file: string | undefined; result: ChunkResult | null }>();
  #next = 0;
  #folded = 0;
  readonly #totals = newCounts();
  readonly #samples: MalformedLine[] = [];
  #file: string | undefined;
  #base = 0;
  /** The most results held at once (tests check it stays bounded whatever the chunk count). */
  peakHeld = 0;
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
        this.#arrive(r);
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

  #arrive(r: ChunkResult): void {
    this.#waiting.get(r.id)!.result = r;
    for (let e = this.#waiting.get(this.#folded); e?.result; e = this.#waiting.get(this.#folded)) {
      this.#waiting.delete(this.#folded);
      this.#fold(e.file, e.result, this.#folded === 0);
      this.#folded++;
    }
  }

  #fold(f: string | undefined, r: ChunkResult, first: boolean): void {
    if (first || f !== this.#file) this.#base = 0; // line numbers restart in every file
    this.#file = f;
    for (const m of r.malformed) {
      if (this.#samples.length < this.maxReported) this.#samples.push(f ? { line: this.#base + m.line, reason: m.reason, file: f } : { line: this.#base + m.line, reason: m.reason });
    }
    const c = r.counts;
    const t = this.#totals;
    this.#base += c.lines;
    t.lines += c.lines;
    t.entries += c.entries;
    t.skippedEmpty += c.skippedEmpty;
    t.skippedZeroCount += c.skippedZeroCount;
    t.skippedBelowMinCount += c.skippedBelowMinCount;
    t.malformed += c.malformed;
  }

  #expect(file: string | undefined): number {
    const id = this.#next++;
    this.#waiting.set(id, { file, result: null });
    this.peakHeld = Math.max(this.peakHeld, this.#waiting.size);
    return id;
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
      if (this.#busy[best]! < limit && this.#waiting.size < MAX_HELD) return best;
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
        const id = this.#expect(file);
        this.#busy[w]!++;
        this.#workers[w]!.postMessage({ id, bytes, digits, prefix } satisfies ChunkJob, [bytes.buffer]);
        return cut;
      },
      overlong: () => {
        const id = this.#expect(file);
        const counts = { ...newCounts(), lines: 1, malformed: 1 };
        this.#arrive({ id, counts, malformed: [{ line: 1, reason: `longer than ${MAX_LINE_BYTES} bytes` }] });
        this.linesDone++;
      },
    };
  }

  /** Waits for every chunk, then adds the counts and numbered malformed lines to `stats`. */
  async finish(stats: ScanStats): Promise<void> {
    while (this.#busy.some((b) => b > 0) && !this.#error) await new Promise<void>((r) => this.#waiters.push(r));
    if (this.#error) throw this.#error;
    const t = this.#totals;
    for (const m of this.#samples) if (stats.malformedSamples.length < this.maxReported) stats.malformedSamples.push(m);
    stats.entries += t.entries;
    stats.skippedEmpty += t.skippedEmpty;
    stats.skippedZeroCount += t.skippedZeroCount;
    stats.skippedBelowMinCount += t.skippedBelowMinCount;
    stats.malformed += t.malformed;
    stats.lines = t.lines;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
