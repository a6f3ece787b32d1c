/**
 * Node-only: streams a password list (one password a line) or a Have I Been Pwned download
 * (`HASH:COUNT` lines) from disk, plain or gzip (detected by magic bytes, not by file name),
 * without holding the file in memory. HIBP lines are parsed straight from the bytes — no string
 * per line — and only the first 16 hex digits are turned into numbers (the filter's two lanes);
 * the other 24 are validated.
 *
 * A blocked Bloom filter must be sized before inserting, so callers typically scan twice: once
 * without a sink to count accepted entries, then again into a builder (see src/cli/build.ts).
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { HEX_VALUE, hexWordBytes } from './hex.js';

export type InputFormat = 'text' | 'hibp';

export interface ScanOptions {
  readonly format: InputFormat;
  /** HIBP only: lines with a count below this are skipped (count-0 padding lines always are). */
  readonly minCount?: number;
  /** Throw an InputFormatError at the first malformed line instead of counting it. */
  readonly strict?: boolean;
  /** How many malformed lines to keep with their line numbers (default 5). */
  readonly maxReported?: number;
  /** Called after each chunk with raw (possibly compressed) bytes read so far and the file size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface MalformedLine {
  readonly line: number;
  /** What is wrong; never the line's content (it may be a password). */
  readonly reason: string;
}

export interface ScanStats {
  lines: number;
  entries: number;
  skippedEmpty: number;
  skippedZeroCount: number;
  skippedBelowMinCount: number;
  malformed: number;
  malformedSamples: MalformedLine[];
  gzip: boolean;
  totalBytes: number;
}

/** Where accepted entries go. `null` scans only to count. */
export interface EntrySink {
  addText(password: string): void;
  /** HIBP: SHA-1 digest bytes 0–3 and 4–7 as big-endian words. */
  addLanes(h1: number, h2: number): void;
}

export class InputFormatError extends Error {
  override readonly name = 'InputFormatError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const COLON = 58;

async function isGzipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

export async function scanInput(path: string, options: ScanOptions, sink: EntrySink | null = null): Promise<ScanStats> {
  const { format, strict = false, maxReported = 5, onProgress } = options;
  const minCount = options.minCount ?? 0;
  const totalBytes = (await stat(path)).size;
  const gzip = await isGzipFile(path);
  const stats: ScanStats = {
    lines: 0,
    entries: 0,
    skippedEmpty: 0,
    skippedZeroCount: 0,
    skippedBelowMinCount: 0,
    malformed: 0,
    malformedSamples: [],
    gzip,
    totalBytes,
  };

  const malformed = (reason: string): void => {
    if (strict) throw new InputFormatError(`line ${stats.lines}: ${reason}`, stats.lines);
    stats.malformed++;
    if (stats.malformedSamples.length < maxReported) stats.malformedSamples.push({ line: stats.lines, reason });
  };

  // One HIBP line, bytes [s, e) with the LF already excluded.
  const hibpLine = (b: Buffer, s: number, e: number): void => {
    while (e > s && (b[e - 1] === CR || b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
    while (s < e && (b[s] === SPACE || b[s] === TAB)) s++;
    if (s === e) {
      stats.skippedEmpty++;
      return;
    }
    if (e - s < 42) return malformed('too short for HASH:COUNT (40 hex digits, a colon, a count)');
    for (let i = s; i < s + 40; i++) {
      if (HEX_VALUE[b[i]!]! < 0) return malformed('the hash is not 40 hex digits');
    }
    if (b[s + 40] !== COLON) return malformed("expected ':' after the 40-digit hash");
    let i = s + 41;
    while (i < e && b[i] === SPACE) i++;
    if (i === e) return malformed('missing count after the colon');
    let count = 0;
    for (; i < e; i++) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) return malformed('the count is not a whole number');
      count = count * 10 + d; // past 2^53 only loses precision, never validity
    }
    if (count === 0) {
      stats.skippedZeroCount++;
      return;
    }
    if (count < minCount) {
      stats.skippedBelowMinCount++;
      return;
    }
    stats.entries++;
    if (sink) sink.addLanes(hexWordBytes(b, s), hexWordBytes(b, s + 8));
  };

  const textLine = (b: Buffer, s: number, e: number): void => {
    if (e > s && b[e - 1] === CR) e--;
    // A UTF-8 byte-order mark on the first line is not part of the password.
    if (stats.lines === 1 && e - s >= 3 && b[s] === 0xef && b[s + 1] === 0xbb && b[s + 2] === 0xbf) s += 3;
    if (s === e) {
      stats.skippedEmpty++;
      return;
    }
    const text = b.toString('utf8', s, e);
    // The decoder turns invalid bytes into U+FFFD; only then is the (rarer) exact check needed.
    if (text.includes('\uFFFD') && !isUtf8(b.subarray(s, e))) return malformed('not valid UTF-8');
    stats.entries++;
    if (sink) sink.addText(text);
  };

  /**
   * HIBP fast path over a whole buffer: the common line shape `HEX40:DIGITS[\r]\n` is parsed in
   * one forward pass with no native calls per line. Anything else (spaces, short lines, bad
   * bytes) is handed to `hibpLine`, which classifies it exactly. Returns where the unfinished
   * last line starts.
   */
  const hibpChunk = (b: Buffer): number => {
    const end = b.length;
    let p = 0;
    line: while (p < end) {
      stats.lines++;
      const lineStart = p;
      fast: {
        if (p + 42 >= end) break fast;
        let bad = 0;
        for (let i = p; i < p + 40; i++) bad |= HEX_VALUE[b[i]!]!; // -1 has every bit set
        if (bad < 0 || b[p + 40] !== COLON) break fast;
        let i = p + 41;
        let count = 0;
        let digits = 0;
        for (; i < end; i++) {
          const d = b[i]! - 48;
          if (d < 0 || d > 9) break;
          count = count * 10 + d;
          digits++;
        }
        if (digits === 0 || i >= end) break fast;
        if (b[i] === CR) i++;
        if (i >= end || b[i] !== LF) break fast;
        if (count === 0) stats.skippedZeroCount++;
        else if (count < minCount) stats.skippedBelowMinCount++;
        else {
          stats.entries++;
          if (sink) sink.addLanes(hexWordBytes(b, p), hexWordBytes(b, p + 8));
        }
        p = i + 1;
        continue line;
      }
      // Slow path: find the end of this line; if there is none, leave it for the next chunk.
      let nl = lineStart;
      while (nl < end && b[nl] !== LF) nl++;
      if (nl === end) {
        stats.lines--;
        return lineStart;
      }
      hibpLine(b, lineStart, nl);
      p = nl + 1;
    }
    return p;
  };

  const onLine = format === 'hibp' ? hibpLine : textLine;

  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  let source: AsyncIterable<Buffer> = raw;
  if (gzip) {
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    raw.on('error', (err) => gunzip.destroy(err));
    source = raw.pipe(gunzip);
  }
  let carry: Buffer | null = null;
  try {
    for await (const chunk of source) {
      // A line split across chunks: join the unfinished tail with the new chunk.
      const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      let start = format === 'hibp' ? hibpChunk(buf) : 0;
      for (;;) {
        const nl = buf.indexOf(LF, start);
        if (nl < 0) break;
        stats.lines++;
        onLine(buf, start, nl);
        start = nl + 1;
      }
      carry = start < buf.length ? buf.subarray(start) : null;
      onProgress?.(raw.bytesRead, totalBytes);
    }
  } catch (err) {
    if (err instanceof InputFormatError) throw err;
    const code = (err as { code?: string }).code;
    if (gzip && typeof code === 'string' && code.startsWith('Z_')) {
      throw new InputFormatError(`corrupt gzip data (${code}) after line ${stats.lines}`);
    }
    throw err;
  } finally {
    raw.destroy();
  }
  if (carry && carry.length > 0) {
    stats.lines++;
    onLine(carry, 0, carry.length);
  }
  return stats;
}
