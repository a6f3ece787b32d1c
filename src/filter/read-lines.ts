/**
 * Node-only: streams a password list (one password a line) or a Have I Been Pwned download from a
 * file, stdin or the downloader's per-prefix directory, plain or gzip (detected by magic bytes,
 * not by name), without holding the input in memory. Lines end at LF only (a CR before the LF is
 * dropped; a lone CR is part of the line), a line longer than MAX_LINE_BYTES is one malformed
 * line and is never buffered whole, and an invalid UTF-8 text line is malformed. `audit` reads
 * passwords with the same rules (`splitLines`).
 *
 * A blocked Bloom filter must be sized before inserting, so callers typically scan twice: once
 * without a sink to count accepted entries, then again into a builder (see src/cli/build.ts).
 */
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { pipeline as pipe, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { hibpParser, MAX_LINE_BYTES, newCounts, type LineCounts } from './parse-hibp.js';
import { PrefixDir } from './prefix-dir.js';
import { FileKindError, fileChunks, openRegularFile, type OpenedFile } from '../io/regular-file.js';

export { MAX_LINE_BYTES } from './parse-hibp.js';

export type InputFormat = 'text' | 'hibp';
export type HibpHash = 'sha1' | 'ntlm';

/** Where lines come from: a file (plain or gzip), a stream such as stdin, or a per-prefix directory. */
export type InputSource = { readonly file: string } | { readonly stream: Readable; readonly name?: string } | { readonly dir: string };

export interface ScanOptions {
  readonly format: InputFormat;
  /** HIBP only: which digest the lines hold (default sha1). */
  readonly hash?: HibpHash;
  /** HIBP only: lines with a count below this are skipped (count-0 padding lines always are). */
  readonly minCount?: number;
  /** Throw an InputFormatError at the first malformed line instead of counting it. */
  readonly strict?: boolean;
  /** How many malformed lines to keep with their line numbers (default 5). */
  readonly maxReported?: number;
  /** Called after each chunk with raw (possibly compressed) bytes read so far, the total (0 if unknown) and lines so far. */
  readonly onProgress?: (bytesRead: number, totalBytes: number, lines: number) => void;
}

export interface MalformedLine {
  readonly line: number;
  /** What is wrong; never the line's content (it may be a password). */
  readonly reason: string;
  /** Per-prefix directories: the file the line is in. */
  readonly file?: string;
}

export interface ScanStats extends LineCounts {
  malformedSamples: MalformedLine[];
  gzip: boolean;
  totalBytes: number;
  /** Per-prefix directories: how many XXXXX.txt files were read. */
  files: number;
}

/** Where accepted entries go. `null` scans only to count. */
export interface EntrySink {
  addText(password: string): void;
  /** HIBP: digest bytes 0–3 and 4–7 as big-endian words. */
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

/** A chunk consumer: parses complete lines of b[0..end), returns where the unfinished tail starts. */
export type ChunkParser = (b: Buffer, end: number, final: boolean) => number | Promise<number>;

/**
 * Feeds `source` to `parse` in chunks, joining lines split across chunks. A tail longer than
 * MAX_LINE_BYTES is reported once through `overlong` and skipped up to the next LF, so a file
 * with no newline costs one chunk of memory, not its size.
 */
export async function splitLines(source: AsyncIterable<Buffer>, parse: ChunkParser, overlong: () => void, afterChunk?: () => void): Promise<void> {
  let carry: Buffer | null = null;
  let skipping = false;
  for await (let chunk of source) {
    if (skipping) {
      const nl = chunk.indexOf(LF);
      afterChunk?.();
      if (nl < 0) continue;
      skipping = false;
      chunk = chunk.subarray(nl + 1);
    }
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const consumed = await parse(buf, buf.length, false);
    const tail = buf.length - consumed;
    if (tail > MAX_LINE_BYTES) {
      overlong();
      skipping = true;
      carry = null;
    } else carry = tail > 0 ? Buffer.from(buf.subarray(consumed)) : null;
    afterChunk?.();
  }
  if (carry && carry.length > 0) await parse(carry, carry.length, true);
}

function textParser(c: LineCounts, malformed: (reason: string) => void, add: ((s: string) => void) | null): ChunkParser {
  const line = (b: Buffer, s: number, e: number): void => {
    if (e - s > MAX_LINE_BYTES) return malformed(`longer than ${MAX_LINE_BYTES} bytes`);
    if (e > s && b[e - 1] === CR) e--;
    // A UTF-8 byte-order mark on the first line is not part of the password.
    if (c.lines === 1 && e - s >= 3 && b[s] === 0xef && b[s + 1] === 0xbb && b[s + 2] === 0xbf) s += 3;
    if (s === e) {
      c.skippedEmpty++;
      return;
    }
    const text = b.toString('utf8', s, e);
    // The decoder turns invalid bytes into U+FFFD; only then is the (rarer) exact check needed.
    if (text.includes('\uFFFD') && !isUtf8(b.subarray(s, e))) return malformed('not valid UTF-8');
    c.entries++;
    add?.(text);
  };
  return (b, end, final) => {
    let start = 0;
    for (;;) {
      const nl = b.indexOf(LF, start);
      if (nl < 0 || nl >= end) break;
      c.lines++;
      line(b, start, nl);
      start = nl + 1;
    }
    if (final && start < end) {
      c.lines++;
      line(b, start, end);
      return end;
    }
    return start;
  };
}

/** The first two bytes of a stream, and the stream with them put back. */
async function sniffGzip(stream: Readable): Promise<{ gzip: boolean; stream: AsyncIterable<Buffer> }> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let first = await it.next();
  while (!first.done && first.value.length < 2) {
    // Rare (a pipe delivering one byte): join until two bytes or the end.
    const next = await it.next();
    if (next.done) break;
    first = { done: false, value: Buffer.concat([first.value, next.value]) };
  }
  const head: Buffer | null = first.done ? null : first.value;
  const gzip = head !== null && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  async function* rest(): AsyncGenerator<Buffer> {
    if (head) yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { gzip, stream: rest() };
}

/** The XXXXX.txt files of a per-prefix directory, listed; an error if there are none. */
export async function prefixFiles(dir: string): Promise<PrefixDir> {
  const listed = await PrefixDir.list(dir);
  if (listed.count === 0) throw new InputFormatError(`no XXXXX.txt files (5 hex digits) in directory ${dir}: not the downloader's per-prefix layout`);
  return listed;
}

/** Reads at most this much of a file at a time. */
const CHUNK_BYTES = 1 << 20;

/**
 * Opens one input file (regular files only, src/io/regular-file.ts); a FIFO, a device or a
 * directory — named XXXXX.txt inside a per-prefix directory too — is an InputFormatError naming it.
 */
async function openInput(path: string, shown: string): Promise<OpenedFile> {
  try {
    return await openRegularFile(path);
  } catch (err) {
    if (err instanceof FileKindError) throw new InputFormatError(`${shown}: ${err.reason}; only regular files are read`);
    throw err;
  }
}

export async function scanInput(path: string, options: ScanOptions, sink: EntrySink | null = null): Promise<ScanStats> {
  return scanSource({ file: path }, options, sink);
}

/**
 * Parses HIBP chunks elsewhere (build-workers.ts): per file, a parser and an overlong-line
 * handler; `finish` folds the results into the stats; `lines` counts lines parsed so far.
 */
export interface ChunkEngines {
  engine(file: string | undefined, digits: number, prefix: number | null): { parse: ChunkParser; overlong(): void };
  finish(stats: ScanStats): Promise<void>;
  readonly linesDone: number;
}

export async function scanSource(source: InputSource, options: ScanOptions, sink: EntrySink | null = null, engines?: ChunkEngines): Promise<ScanStats> {
  if (engines && (options.format !== 'hibp' || options.strict)) throw new Error('chunk engines parse non-strict HIBP input only');
  const { format, strict = false, maxReported = 5, onProgress } = options;
  const hash = options.hash ?? 'sha1';
  const stats: ScanStats = { ...newCounts(), malformedSamples: [], gzip: false, totalBytes: 0, files: 0 };
  let file: string | undefined;
  let linesBefore = 0; // per-prefix directories: lines of the files already read
  const malformed = (line: number, reason: string): void => {
    if (strict) throw new InputFormatError(`${file ? `${file} ` : ''}line ${line}: ${reason}`, line);
    if (stats.malformedSamples.length < maxReported) stats.malformedSamples.push(file ? { line, reason, file } : { line, reason });
  };
  const run = async (input: AsyncIterable<Buffer>, prefix: number | null, bytesRead: () => number): Promise<void> => {
    const digits = (hash === 'ntlm' ? 32 : 40) - (prefix === null ? 0 : 5);
    const lines = (): number => (engines ? engines.linesDone : linesBefore + stats.lines);
    const progress = onProgress && (() => onProgress(bytesRead(), stats.totalBytes, lines()));
    if (engines) {
      const e = engines.engine(file, digits, prefix);
      return splitLines(input, e.parse, e.overlong, progress);
    }
    let parse: ChunkParser;
    if (format === 'hibp') {
      parse = hibpParser({ digits, prefix, minCount: options.minCount ?? 0 }, stats, malformed, sink ? sink.addLanes : null).chunk;
    } else {
      parse = textParser(stats, (reason) => (stats.malformed++, malformed(stats.lines, reason)), sink ? sink.addText : null);
    }
    const overlong = (): void => {
      stats.lines++;
      stats.malformed++;
      malformed(stats.lines, `longer than ${MAX_LINE_BYTES} bytes`);
    };
    await splitLines(input, parse, overlong, progress);
  };

  if ('dir' in source) {
    if (format !== 'hibp') throw new InputFormatError('a per-prefix directory holds HIBP hashes: use --format hibp');
    const listed = await prefixFiles(source.dir);
    stats.totalBytes = await listed.totalBytes();
    // One read buffer for every file: a million small files must not cost a million 1 MiB
    // allocations (issue 20), and chunks are consumed before the next read (fileChunks).
    const buffer = new Uint8Array(CHUNK_BYTES);
    let done = 0;
    for (const name of listed.names()) {
      file = name;
      stats.lines = 0; // line numbers restart in every file
      const opened = await openInput(join(source.dir, name), `${name} in ${source.dir}`);
      try {
        await run(fileChunks(opened, buffer, (n) => (done += n)), parseInt(name.slice(0, 5), 16), () => done);
      } finally {
        await opened.handle.close();
      }
      linesBefore += stats.lines;
      stats.files++;
    }
    stats.lines = linesBefore;
    await engines?.finish(stats);
    return stats;
  }

  let opened: OpenedFile | null = null;
  let input: AsyncIterable<Buffer>;
  let bytesIn = 0;
  if ('file' in source) {
    opened = await openInput(source.file, source.file);
    stats.totalBytes = opened.size;
    stats.gzip = await isGzipFile(opened);
    // Fresh buffers: gunzip's pipe may hold chunks ahead.
    input = fileChunks(opened, CHUNK_BYTES);
  } else {
    const sniffed = await sniffGzip(source.stream);
    stats.gzip = sniffed.gzip;
    input = sniffed.stream;
  }
  input = counting(input, (n) => (bytesIn += n));
  let gunzip: ReturnType<typeof createGunzip> | null = null;
  if (stats.gzip) {
    gunzip = createGunzip({ chunkSize: 1 << 20 });
    input = pipeline(input, gunzip);
  }
  try {
    await run(input, null, () => bytesIn);
    await engines?.finish(stats);
  } catch (err) {
    if (err instanceof InputFormatError) throw err;
    const code = (err as { code?: string }).code;
    if (stats.gzip && typeof code === 'string' && code.startsWith('Z_')) {
      throw new InputFormatError(`corrupt gzip data (${code}) after line ${stats.lines}`);
    }
    throw err;
  } finally {
    await opened?.handle.close();
    gunzip?.destroy();
  }
  return stats;
}

async function isGzipFile(file: OpenedFile): Promise<boolean> {
  if (file.size < 2) return false;
  const head = new Uint8Array(2);
  const { bytesRead } = await file.handle.read(head, 0, 2, 0);
  return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
}

async function* counting(input: AsyncIterable<Buffer>, add: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    add(chunk.length);
    yield chunk;
  }
}

/** Pushes `input` through a transform (gunzip) and yields its output; an error on either side ends both. */
function pipeline(input: AsyncIterable<Buffer>, transform: ReturnType<typeof createGunzip>): AsyncIterable<Buffer> {
  return pipe(Readable.from(input, { objectMode: false }), transform, () => undefined);
}
