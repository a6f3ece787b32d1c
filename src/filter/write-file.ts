/**
 * Node-only: writing a finished filter. The header and the parts are written one after another
 * into a temporary file in the target directory, flushed, and renamed into place, so a failed or
 * interrupted build never leaves a partial filter under the final name, and no buffer ever holds
 * the whole file (multi-GiB filters).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FilterPieces } from './builder.js';
import { readHeader } from './format.js';
import { filterOf, partWords, verifyPart, type BreachedFilter } from './load.js';
import { partBlocksOf } from './format.js';
import { nodeSha1Hex } from './sha1-node.js';

/** Re-reads the pieces as a loader would (header, every part's checksum), without copying them. */
export function verifyPieces(p: FilterPieces): BreachedFilter {
  const h = readHeader(p.header);
  const parts = p.parts.map((bytes, i) => {
    const words = partWords(bytes, 0, partBlocksOf(h, i));
    verifyPart(h, p.header, i, words);
    return words;
  });
  return filterOf(h, parts, { sha1: nodeSha1Hex });
}

export async function writeFilterFile(path: string, p: FilterPieces): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx');
  try {
    try {
      for (const piece of [p.header, ...p.parts]) {
        // fh.write takes at most 2 GiB at once; parts are 256 MiB by default, but a caller may choose larger.
        for (let at = 0; at < piece.length; at += 1 << 30) {
          const chunk = piece.subarray(at, Math.min(piece.length, at + (1 << 30)));
          let done = 0;
          while (done < chunk.length) done += (await fh.write(chunk, done, chunk.length - done)).bytesWritten;
        }
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
