import { stat } from 'node:fs/promises';
import { ConfigError } from './config-error.js';
import { FileKindError, readRegularFile, refuseIrregular } from '../io/regular-file.js';

/** A reload gives up on a file that has not held still for this many settle intervals. */
const MAX_ROUNDS = 20;

/**
 * Reads a file only once it has stopped changing: size and mtime unchanged across `settleMs`,
 * and the same bytes on two reads either side of that wait. A file rewritten in place (truncated,
 * then written in pieces) is therefore never read half-written unless its writer pauses for
 * longer than `settleMs` mid-write — atomic replacement (write, then rename) is still the way
 * to deploy. With `settleMs` 0 (the start) it still compares two reads, a few ms apart at most.
 * Throws ConfigError (`what` and the path, never contents) if the file keeps changing, is not a
 * regular file (a FIFO, a device such as /dev/zero, a directory) or is over `maxBytes`: every
 * read is bounded (src/io/regular-file.ts).
 */
export async function readStable(path: string, what: string, settleMs: number, maxBytes: number): Promise<Uint8Array> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = await statOf(path, what);
    const first = await readOf(path, what, maxBytes);
    if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));
    const after = await statOf(path, what);
    if (before.size !== after.size || before.mtimeMs !== after.mtimeMs || before.ino !== after.ino || first.byteLength !== after.size) continue;
    const second = await readOf(path, what, maxBytes);
    if (Buffer.compare(first, second) === 0) return first;
  }
  throw new ConfigError(`${what} '${path}': it kept changing for ${MAX_ROUNDS} × ${settleMs} ms; not loaded (replace it atomically: write a new file, then rename it over)`);
}

/**
 * Waits until a file holds still (size, mtime and inode unchanged across `settleMs`) and returns
 * its size, without reading it: for files too large to read twice (a breached filter of many
 * GiB), which are then opened by path. Its parts' checksums catch a change during that read.
 */
export async function settledSize(path: string, what: string, settleMs: number): Promise<number> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = await statOf(path, what);
    if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));
    const after = await statOf(path, what);
    if (before.size === after.size && before.mtimeMs === after.mtimeMs && before.ino === after.ino) return after.size;
  }
  throw new ConfigError(`${what} '${path}': it kept changing for ${MAX_ROUNDS} × ${settleMs} ms; not loaded (replace it atomically: write a new file, then rename it over)`);
}

const fail = (what: string, path: string, err: unknown) =>
  err instanceof FileKindError
    ? new ConfigError(`${what} '${path}': ${err.reason}; not loaded`)
    : new ConfigError(`${what} '${path}': cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`);

// The path's kind is checked here too, so a FIFO or a device is refused before any settling;
// the read itself checks the opened descriptor again (no stat-then-open race).
async function statOf(path: string, what: string) {
  try {
    const info = await stat(path);
    refuseIrregular(path, info);
    return info;
  } catch (err) {
    throw fail(what, path, err);
  }
}

async function readOf(path: string, what: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readRegularFile(path, maxBytes);
  } catch (err) {
    throw fail(what, path, err);
  }
}
