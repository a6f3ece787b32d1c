import { readFile, stat } from 'node:fs/promises';
import { ConfigError } from './config-error.js';

/** A reload gives up on a file that has not held still for this many settle intervals. */
const MAX_ROUNDS = 20;

/**
 * Reads a file only once it has stopped changing: size and mtime unchanged across `settleMs`,
 * and the same bytes on two reads either side of that wait. A file rewritten in place (truncated,
 * then written in pieces) is therefore never read half-written unless its writer pauses for
 * longer than `settleMs` mid-write — atomic replacement (write, then rename) is still the way
 * to deploy. With `settleMs` 0 (the start) it still compares two reads, a few ms apart at most.
 * Throws ConfigError (`what` and the path, never contents) if the file keeps changing.
 */
export async function readStable(path: string, what: string, settleMs: number): Promise<Uint8Array> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = await statOf(path, what);
    const first = await readOf(path, what);
    if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));
    const after = await statOf(path, what);
    if (before.size !== after.size || before.mtimeMs !== after.mtimeMs || before.ino !== after.ino || first.byteLength !== after.size) continue;
    const second = await readOf(path, what);
    if (Buffer.compare(first, second) === 0) return first;
  }
  throw new ConfigError(`${what} '${path}': it kept changing for ${MAX_ROUNDS} × ${settleMs} ms; not loaded (replace it atomically: write a new file, then rename it over)`);
}

const fail = (what: string, path: string, err: unknown) =>
  new ConfigError(`${what} '${path}': cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`);

async function statOf(path: string, what: string) {
  try {
    return await stat(path);
  } catch (err) {
    throw fail(what, path, err);
  }
}

async function readOf(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw fail(what, path, err);
  }
}
