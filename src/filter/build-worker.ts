/**
 * Worker thread for `passgate build` (build-workers.ts): parses chunks of HIBP lines and sets
 * their bits in the shared filter parts with atomic ORs, so several threads insert at once
 * without losing a bit. Each chunk holds whole lines only; its counters and first malformed
 * lines (numbered within the chunk) go back to the main thread, which numbers them for real.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blockStore, laneBatch } from './bloom.js';
import { hibpParser, newCounts } from './parse-hibp.js';

export interface WorkerSetup {
  readonly parts: readonly Int32Array[] | null;
  readonly shift: number;
  readonly blockCount: number;
  readonly k: number;
  readonly minCount: number;
  readonly maxReported: number;
}

export interface ChunkJob {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly digits: number;
  readonly prefix: number | null;
}

export interface ChunkResult {
  readonly id: number;
  readonly counts: ReturnType<typeof newCounts>;
  readonly malformed: { line: number; reason: string }[];
}

const setup = workerData as WorkerSetup;
const store = setup.parts ? blockStore(setup.parts, setup.shift, setup.blockCount) : null;
// Atomic ORs: other workers set bits in the same parts at the same time. Flushed at the end of
// every chunk, so a chunk's bits are all set before its result is posted.
const batch = store ? laneBatch(store, setup.k, true) : null;
const add = batch ? batch.add : null;

parentPort!.on('message', (job: ChunkJob) => {
  const counts = newCounts();
  const malformed: { line: number; reason: string }[] = [];
  const parser = hibpParser({ digits: job.digits, prefix: job.prefix, minCount: setup.minCount }, counts, (line, reason) => {
    if (malformed.length < setup.maxReported) malformed.push({ line, reason });
  }, add);
  parser.chunk(job.bytes, job.bytes.length, true);
  batch?.flush();
  parentPort!.postMessage({ id: job.id, counts, malformed } satisfies ChunkResult);
});
