/**
 * Node-only: opening a filter file without trusting it. The file's kind and its header come first
 * (a device such as /dev/zero, a FIFO or a directory is refused before any read; a foreign file
 * after 64 bytes; a truncated or padded one by comparing the size the header promises with the
 * file's), and only then are the parts read, one at a time, each into its own buffer and checked
 * against its checksum before the next. No single buffer ever holds the whole file, so filters
 * past Node's 4 GiB Buffer limit load, and memory is the filter's size plus nothing.
 */
import { FileKindError, openRegularFile, type OpenedFile } from '../io/regular-file.js';
import { FilterFormatError } from './errors.js';
import { BLOCK_BYTES, checkLength, FIXED_HEADER_BYTES, headerLength, partBlocksOf, readHeader } from './format.js';
import { filterOf, partWords, verifyPart, type BreachedFilter, type LoadFilterOptions } from './load.js';
import { nodeSha1Hex } from './sha1-node.js';

export interface OpenFilterOptions extends LoadFilterOptions {
  /** Called as the parts are read: bytes so far and the file's size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Reads exactly `length` bytes at `position` into `into`, or throws on a short file. */
async function readFully(fh: import('node:fs/promises').FileHandle, into: Uint8Array, position: number, onChunk?: (n: number) => void): Promise<void> {
  const CHUNK = 16 << 20;
  let done = 0;
  while (done < into.length) {
    const want = Math.min(CHUNK, into.length - done);
    const { bytesRead } = await fh.read(into, done, want, position + done);
    if (bytesRead === 0) throw new FilterFormatError(`invalid passgate filter: truncated while reading (the file shrank to ${position + done} bytes)`);
    done += bytesRead;
    onChunk?.(bytesRead);
  }
}

function named(path: string, err: unknown): unknown {
  if (err instanceof FilterFormatError) return new FilterFormatError(err.message.replace(/^invalid passgate filter:/, `invalid passgate filter '${path}':`));
  return err;
}

/**
 * Opens a filter file (format version 1 or 2). Throws FilterFormatError for a file that is not a
 * usable filter (naming the path and what is wrong), and the file system's own error (with its
 * `code`, e.g. ENOENT, EACCES) when it cannot be read at all.
 */
export async function openFilterFile(path: string, options: OpenFilterOptions = {}): Promise<BreachedFilter> {
  try {
    return await openChecked(path, options);
  } catch (err) {
    throw named(path, err);
  }
}

async function openChecked(path: string, options: OpenFilterOptions): Promise<BreachedFilter> {
  // The opened descriptor is checked, not the path (src/io/regular-file.ts): a FIFO opens
  // without blocking and is refused, as are devices and directories, before any read.
  let opened: OpenedFile;
  try {
    opened = await openRegularFile(path);
  } catch (err) {
    if (err instanceof FileKindError && err.code !== 'EFBIG') {
      throw new FilterFormatError(`invalid passgate filter '${path}': not a regular file (${err.kind}; a filter is a file written by 'passgate build')`);
    }
    throw err;
  }
  const fh = opened.handle;
  try {
    const size = opened.size;
    const head = new Uint8Array(Math.min(size, FIXED_HEADER_BYTES));
    await readFully(fh, head, 0);
    const need = headerLength(head);
    if (size < need) throw new FilterFormatError(`invalid passgate filter: truncated: ${size} bytes, the header and part table are ${need}`);
    const header = new Uint8Array(need);
    await readFully(fh, header, 0);
    const h = readHeader(header);
    checkLength(h, size);
    let read = need;
    options.onProgress?.(read, size);
    const parts: Int32Array[] = [];
    for (let i = 0; i < h.partCount; i++) {
      const blocks = partBlocksOf(h, i);
      const bytes = new Uint8Array(blocks * BLOCK_BYTES);
      await readFully(fh, bytes, read, (n) => {
        read += n;
        options.onProgress?.(read, size);
      });
      const words = partWords(bytes, 0, blocks);
      if (options.verifyChecksum !== false) verifyPart(h, header, i, words);
      parts.push(words);
    }
    return filterOf(h, parts, { sha1: nodeSha1Hex, ...options });
  } finally {
    await fh.close();
  }
}
