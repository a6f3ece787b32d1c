import { isUtf8 } from 'node:buffer';

/**
 * Streams a file of passwords, one a line, with the line rules of `passgate build`
 * (src/filter/read-lines.ts, text format): only LF ends a line (a lone CR is part of the line),
 * one CR before the LF is dropped, a UTF-8 byte-order mark on the first line is not part of
 * the password, empty lines are skipped and a line that is not valid UTF-8 is malformed.
 * Unlike readline it never builds a string longer than `maxLineBytes`: a longer line stops the
 * read with LineTooLongError, so a file with no newline (a disk image, `truncate -s 2G`) costs
 * one chunk of memory, not a crash.
 */
export interface LineHandlers {
  /** A non-empty, valid line. */
  onLine(text: string): void;
  /** A line that is not valid UTF-8 (its content is never passed on: it may be a password). */
  onMalformed(line: number): void;
  /** After each chunk, with the bytes read so far. */
  onProgress?(bytes: number): void;
}

/** A line longer than the cap: the input is not a list of passwords. */
export class LineTooLongError extends Error {
  override readonly name = 'LineTooLongError';
  constructor(
    readonly line: number,
    readonly maxLineBytes: number,
  ) {
    super(`line ${line} is longer than ${maxLineBytes} bytes`);
  }
}

const LF = 10;
const CR = 13;

export async function readLines(source: AsyncIterable<Uint8Array | string>, maxLineBytes: number, handlers: LineHandlers): Promise<{ lines: number }> {
  let line = 0;
  let bytes = 0;
  // The unfinished line: pieces of earlier chunks (never more than maxLineBytes in all).
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const finish = (b: Buffer, s: number, e: number): void => {
    line++;
    if (e > s && b[e - 1] === CR) e--;
    if (line === 1 && e - s >= 3 && b[s] === 0xef && b[s + 1] === 0xbb && b[s + 2] === 0xbf) s += 3;
    if (s === e) return;
    const text = b.toString('utf8', s, e);
    // The decoder turns invalid bytes into U+FFFD; only then is the exact check needed.
    if (text.includes('\uFFFD') && !isUtf8(b.subarray(s, e))) handlers.onMalformed(line);
    else handlers.onLine(text);
  };
  const tooLong = (): never => {
    throw new LineTooLongError(line + 1, maxLineBytes);
  };

  for await (const piece of source) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    bytes += chunk.length;
    let start = 0;
    let nl = chunk.indexOf(LF);
    if (pendingBytes > 0 && nl >= 0) {
      if (pendingBytes + nl > maxLineBytes) tooLong();
      const joined = Buffer.concat([...pending, chunk.subarray(0, nl)]);
      pending = [];
      pendingBytes = 0;
      finish(joined, 0, joined.length);
      start = nl + 1;
      nl = chunk.indexOf(LF, start);
    }
    for (; nl >= 0; nl = chunk.indexOf(LF, start)) {
      if (nl - start > maxLineBytes) tooLong();
      finish(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) {
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) tooLong();
      pending.push(chunk.subarray(start));
    }
    handlers.onProgress?.(bytes);
  }
  if (pendingBytes > 0) {
    const rest = Buffer.concat(pending);
    finish(rest, 0, rest.length);
  }
  return { lines: line };
}
