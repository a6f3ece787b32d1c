/**
 * Node-only: the one way passgate opens a file a user named (a config, a term list, a filter, a
 * password list, a data file, a per-prefix XXXXX.txt). Reading a path blindly is an endless
 * read: /dev/zero (or a link to it) never ends, a FIFO blocks until a writer comes and then
 * streams for as long as it likes, and a directory fails with a bare EISDIR. So:
 *
 * - the path is opened first and the *opened* descriptor is fstat'ed (no stat-then-open race: a
 *   link swapped between the two cannot slip a device in). O_NONBLOCK makes opening a FIFO return
 *   at once instead of waiting for a writer; O_NOCTTY keeps a terminal device from becoming ours.
 * - anything but a regular file (directory, FIFO, character or block device, socket) is refused,
 *   naming the path and what it is;
 * - the size is checked against the caller's maximum before a byte is read;
 * - reads stop at the size fstat gave, so a file that grows while it is read (a log being
 *   appended to) costs no more than it did when it was opened.
 */
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Why a path cannot be read as a file; `code` lets errno-style mappers (cli/io.ts) word it. */
export class FileKindError extends Error {
  override readonly name = 'FileKindError';
  constructor(
    readonly path: string,
    /** In words, e.g. "not a regular file (a FIFO)"; never the file's contents. */
    readonly reason: string,
    readonly code: 'EISDIR' | 'ENOTREG' | 'EFBIG',
    /** What it is instead of a regular file ("a FIFO", "a directory"), for EISDIR and ENOTREG. */
    readonly kind?: string,
  ) {
    super(`'${path}': ${reason}`);
  }
}

export interface OpenedFile {
  readonly handle: FileHandle;
  /** The size when it was opened: reads through this module never go past it. */
  readonly size: number;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What a non-regular file is, in words, or null for a regular file. */
function kindOf(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/** Throws FileKindError unless `info` (of `path`) is a regular file's. */
export function refuseIrregular(path: string, info: Stats): void {
  const kind = kindOf(info);
  if (kind === 'a directory') throw new FileKindError(path, 'is a directory', 'EISDIR', kind);
  if (kind !== null) throw new FileKindError(path, `not a regular file (${kind})`, 'ENOTREG', kind);
}

/**
 * Opens `path` for reading if it is a regular file of at most `maxBytes`; throws FileKindError
 * otherwise (and the file system's own error, with its `code`, when it cannot be opened at all).
 * The caller closes the handle.
 */
export async function openRegularFile(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<OpenedFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (err) {
    // open(2) on a Unix socket fails with ENXIO: it is not a file either.
    if ((err as NodeJS.ErrnoException).code === 'ENXIO') throw new FileKindError(path, 'not a regular file (a socket or a device with no reader)', 'ENOTREG', 'a socket or a device with no reader');
    throw err;
  }
  try {
    const info = await handle.stat();
    refuseIrregular(path, info);
    if (info.size > maxBytes) throw new FileKindError(path, `${info.size} bytes, more than the ${maxBytes} allowed for it`, 'EFBIG');
    return { handle, size: info.size };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/**
 * Reads a regular file of at most `maxBytes` whole: at most the size it had when opened (a file
 * that shrank meanwhile gives what was there).
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const { handle, size } = await openRegularFile(path, maxBytes);
  try {
    const out = new Uint8Array(size);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await handle.read(out, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === size ? out : out.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of an opened file in chunks, up to its size when opened. With a `Uint8Array`, every
 * chunk is a view of it, reused: the consumer must be done with a chunk before it asks for the
 * next (splitLines copies what it carries over), and nothing may buffer chunks ahead (no stream
 * pipe). One buffer for any number of files keeps a million small files from costing a million
 * allocations. With a number, each chunk is a fresh buffer of at most that many bytes.
 */
export async function* fileChunks(file: OpenedFile, buffer: Uint8Array | number, onRead?: (n: number) => void): AsyncGenerator<Buffer> {
  const reused = typeof buffer === 'number' ? null : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const chunkBytes = reused ? reused.length : (buffer as number);
  let position = 0;
  while (position < file.size) {
    const want = Math.min(chunkBytes, file.size - position);
    const into = reused ?? Buffer.allocUnsafe(want);
    const { bytesRead } = await file.handle.read(into, 0, want, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    onRead?.(bytesRead);
    yield into.subarray(0, bytesRead);
  }
}

/** Limits on files passgate reads whole: far above any real one, far below a machine's memory. */
export const FileLimits = {
  /** A service config file (JSON settings). */
  config: 1 << 20,
  /** A custom or global banned-terms file (one term a line, comments allowed). */
  terms: 64 << 20,
  /** One of passgate's own data files (the largest shipped is a few MiB). */
  data: 256 << 20,
} as const;
