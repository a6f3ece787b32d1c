/**
 * The in-process store: one Uint16Array of width × depth counters — the embedded default for a
 * single instance. With `file`, the counters are read back at start and written after changes
 * (debounced, and on close), each time to a temporary file renamed over the old one, so a crash
 * leaves either the old snapshot or the new one, never half of one. A snapshot is checked before
 * use — exact size, magic, dimensions, sketch id (the secret), SHA-256 of its body — and one that
 * fails is an error at start: counts are never silently dropped or half-read.
 */
import { createHash } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { FileKindError, readRegularFile } from '../io/regular-file.js';
import { COUNTER_MAX, type PopularityStore } from './store.js';
import type { SketchKey } from './sketch.js';
import { PassgateError } from '../errors.js';

const MAGIC = 'PGPOPv01';
/** magic 8, width 4, depth 4, sketch id 12 (ASCII hex), non-zero counters 4. */
const HEADER = 8 + 4 + 4 + 12 + 4;
const DIGEST = 32;
/** How long after a change the snapshot is written (changes in between share one write). */
export const SNAPSHOT_DELAY_MS = 1000;

export interface MemoryStoreOptions {
  readonly file?: string | undefined;
  /** Told when a snapshot write fails (the counts in memory are kept; the next change retries). */
  readonly onWriteError?: (err: Error) => void;
}

/** A snapshot file that cannot be used: createChecker rejects rather than start from wrong counts. */
export class SnapshotError extends PassgateError {
  override readonly name: string = 'SnapshotError';
}

export async function createMemoryStore(key: SketchKey, options: MemoryStoreOptions = {}): Promise<PopularityStore> {
  const { width, depth } = key.size;
  const counters = new Uint16Array(width * depth);
  let nonZero = 0;
  if (options.file) nonZero = await readSnapshot(options.file, key, counters);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let dirty = false;
  let closed = false;
  const flush = (): Promise<void> => {
    if (!options.file || !dirty) return writing;
    dirty = false;
    const bytes = encodeSnapshot(key, counters, nonZero);
    writing = writing
      .then(() => writeAtomically(options.file!, bytes))
      .catch((err: unknown) => {
        dirty = true;
        options.onWriteError?.(err instanceof Error ? err : new Error(String(err)));
      });
    return writing;
  };
  const schedule = () => {
    dirty = true;
    if (!options.file || timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, SNAPSHOT_DELAY_MS);
    (timer as { unref?: () => void }).unref?.();
  };

  return {
    kind: 'memory',
    count(cells) {
      let min = COUNTER_MAX;
      for (const c of cells) min = Math.min(min, counters[c]!);
      return min;
    },
    add(cells) {
      for (const c of cells) {
        const v = counters[c]!;
        if (v === 0) nonZero++;
        if (v < COUNTER_MAX) counters[c] = v + 1;
      }
      schedule();
    },
    fill: () => nonZero / counters.length,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flush();
    },
  };
}

function encodeSnapshot(key: SketchKey, counters: Uint16Array, nonZero: number): Uint8Array {
  const out = Buffer.alloc(HEADER + counters.length * 2 + DIGEST);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(key.size.width, 8);
  out.writeUInt32LE(key.size.depth, 12);
  out.write(key.id, 16, 'latin1');
  out.writeUInt32LE(nonZero, 28);
  for (let i = 0; i < counters.length; i++) out.writeUInt16LE(counters[i]!, HEADER + i * 2);
  createHash('sha256').update(out.subarray(0, out.length - DIGEST)).digest().copy(out, out.length - DIGEST);
  return out;
}

/** Fills `counters` from the file (absent: empty sketch) and returns its non-zero count. */
async function readSnapshot(path: string, key: SketchKey, counters: Uint16Array): Promise<number> {
  const expected = HEADER + counters.length * 2 + DIGEST;
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw new SnapshotError(`popularity snapshot '${path}' cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // Sized before it is read: a wrong or hostile file never makes us buffer more than the sketch.
  if (size !== expected) throw mismatch(path, `${size} bytes where this sketch takes ${expected}`);
  // One bounded read of a regular file (src/io/regular-file.ts): a link swapped to /dev/zero or a
  // FIFO after the stat above is refused, not read forever.
  let read: Uint8Array;
  try {
    read = await readRegularFile(path, expected);
  } catch (err) {
    throw new SnapshotError(`popularity snapshot '${path}' cannot be read (${err instanceof FileKindError ? err.reason : (err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const bytes = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
  if (bytes.length !== expected) throw mismatch(path, 'it changed while being read');
  if (bytes.toString('latin1', 0, 8) !== MAGIC) throw mismatch(path, 'not a passgate popularity snapshot');
  if (bytes.readUInt32LE(8) !== key.size.width || bytes.readUInt32LE(12) !== key.size.depth) throw mismatch(path, 'another sketch size (limit or expectedAccounts changed)');
  if (bytes.toString('latin1', 16, 28) !== key.id) throw mismatch(path, 'written with another secret');
  const digest = createHash('sha256').update(bytes.subarray(0, expected - DIGEST)).digest();
  if (!digest.equals(bytes.subarray(expected - DIGEST))) throw mismatch(path, 'damaged (checksum)');
  let nonZero = 0;
  for (let i = 0; i < counters.length; i++) {
    const v = bytes.readUInt16LE(HEADER + i * 2);
    counters[i] = v;
    if (v !== 0) nonZero++;
  }
  if (nonZero !== bytes.readUInt32LE(28)) throw mismatch(path, 'inconsistent header');
  return nonZero;
}

const mismatch = (path: string, why: string) =>
  new SnapshotError(`popularity snapshot '${path}' cannot be used: ${why}. Restore the matching settings, or move the file away to start an empty sketch`);

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}
