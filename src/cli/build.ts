/**
 * `passgate build`: turn a password list or a Have I Been Pwned download into a filter file.
 *
 *   passgate build --input DIR|FILE|- --output FILE [--format text|hibp] [--hash sha1|ntlm]
 *                  [--fpr X] [--min-count N] [--key-type fast|sha1|ntlm] [--strict] [--expected N]
 *
 * The filter must be sized before the first insert, so the input is read twice (count, then
 * insert) unless `--expected N` gives the entry count (required for stdin, which cannot be read
 * twice); gzip input is then decompressed twice. The output is written part by part to a
 * temporary file in the same directory and renamed into place, so a failed build never leaves a
 * partial filter behind.
 */
import { opendir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseFlags } from './parse-flags.js';
import { createFilterBuilder, type FilterBuilder, type KeyType } from '../filter/node.js';
import { InputFormatError, scanSource, type HibpHash, type InputFormat, type InputSource, type ScanOptions, type ScanStats } from '../filter/read-lines.js';
import { blockedBloomFpr, MAX_FPR, MIN_FPR } from '../filter/sizing.js';
import { verifyPieces, writeFilterFile } from '../filter/write-file.js';
import { ParsePool, workersAvailable } from '../filter/build-workers.js';
import { availableParallelism } from 'node:os';
import { buildProgress } from './build-progress.js';
import { count, ENTRIES, PARTS } from '../wording/plural.js';
import { Exit, UsageError, type CliIO, type Subcommand } from './io.js';

export const BUILD_USAGE = `Usage: passgate build --input DIR|FILE|- --output FILE [options]

Build a breached-password filter from a list (one password a line) or a Have I Been Pwned
download: one HASH:COUNT file, or the downloader's directory of XXXXX.txt files (SUFFIX:COUNT).
Plain or gzip input (detected from the bytes). '-' reads stdin (needs --expected).

Options:
  --input DIR|FILE|-   what to read (required); a directory means the per-prefix layout
  --output FILE        the filter file to write (required; written atomically)
  --format text|hibp   input format (default text; hibp for a directory or with --hash)
  --hash sha1|ntlm     hibp only: which digest the lines hold (default sha1)
  --fpr X              target false-positive rate, ${MIN_FPR}..${MAX_FPR} (default 1e-4)
  --min-count N        hibp only: skip hashes seen fewer than N times
  --key-type fast|sha1|ntlm  text only (default fast); hibp input takes the key type of --hash
  --strict             fail at the first malformed line instead of skipping it
  --threads N          hibp only: worker threads parsing and setting bits (default: the
                       cores, at most 4, for inputs of 8 MiB or more; 1 = on the main thread;
                       --strict uses 1)
  --expected N         number of entries, to skip the counting pass (a low N raises the FPR;
                       past 10x the target FPR the build fails)
  -h, --help           show this help
`;

const BUILD_USAGE_LINE = '(usage: passgate build --input DIR|FILE|- --output FILE [options]; see passgate build --help)';

interface BuildConfig {
  input: string;
  output: string;
  format: InputFormat;
  hash: HibpHash;
  fpr: number;
  minCount: number;
  keyType: KeyType;
  strict: boolean;
  expected: number | undefined;
  threads: number;
}

function parseNumber(flag: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    throw new UsageError(`${flag} expects ${integer ? 'a whole number' : 'a number'}, got '${raw}'`);
  }
  return value;
}

/** Below this input size the default is one thread. */
const THREADS_FROM_BYTES = 8 << 20;
/** …and, for per-prefix directories (~30 KB a file), below this many files. */
const THREADS_FROM_FILES = 1000;

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/** Whether `dir` holds at least `n` entries, counted as listed (never a million names at once). */
async function holdsAtLeast(dir: string, n: number): Promise<boolean> {
  let seen = 0;
  for await (const _ of await opendir(dir)) if (++seen >= n) return true; // the loop's end closes it
  return false;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // reported by checkPaths with the flag and the error code
  }
}

async function parseConfig(args: readonly string[]): Promise<BuildConfig | 'help'> {
  const { values: parsed } = parseFlags('build', {
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      input: { type: 'string' },
      output: { type: 'string' },
      format: { type: 'string' },
      hash: { type: 'string' },
      fpr: { type: 'string' },
      'min-count': { type: 'string' },
      'key-type': { type: 'string' },
      strict: { type: 'boolean' },
      expected: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (parsed.help) return 'help';
  // One line naming what is missing: the whole help, flattened onto it, hid the point.
  const missing = [parsed.input ? '' : '--input FILE', parsed.output ? '' : '--output FILE'].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required ${BUILD_USAGE_LINE}`);
  const values = { ...parsed, input: parsed.input!, output: parsed.output! };
  const dir = values.input !== '-' && (await isDirectory(values.input));
  const format = values.format ?? (dir || values.hash !== undefined ? 'hibp' : 'text');
  if (format !== 'text' && format !== 'hibp') throw new UsageError(`--format must be text or hibp, got '${format}'`);
  if (dir && format !== 'hibp') throw new UsageError(`--input ${values.input} is a directory: only the per-prefix HIBP layout (--format hibp) is read from one`);
  const hash = values.hash ?? 'sha1';
  if (hash !== 'sha1' && hash !== 'ntlm') throw new UsageError(`--hash must be sha1 or ntlm, got '${hash}'`);
  if (values.hash !== undefined && format !== 'hibp') throw new UsageError('--hash needs --format hibp (text lists hold passwords; use --key-type)');
  const fpr = parseNumber('--fpr', values.fpr, false) ?? 1e-4;
  if (!(fpr >= MIN_FPR && fpr <= MAX_FPR)) throw new UsageError(`--fpr must be between ${MIN_FPR} and ${MAX_FPR}, got ${fpr}`);
  const minCount = parseNumber('--min-count', values['min-count'], true);
  if (minCount !== undefined) {
    if (format !== 'hibp') throw new UsageError('--min-count needs --format hibp (text lists have no counts)');
    if (minCount < 0 || minCount > 0xffffffff) throw new UsageError(`--min-count must be between 0 and 4294967295`);
  }
  const keyTypeFlag = values['key-type'];
  if (keyTypeFlag !== undefined && keyTypeFlag !== 'fast' && keyTypeFlag !== 'sha1' && keyTypeFlag !== 'ntlm') {
    throw new UsageError(`--key-type must be fast, sha1 or ntlm, got '${keyTypeFlag}'`);
  }
  if (format === 'hibp' && keyTypeFlag !== undefined && keyTypeFlag !== hash) {
    throw new UsageError(`--format hibp holds ${hash.toUpperCase()} hashes: the key type is ${hash} (drop --key-type ${keyTypeFlag})`);
  }
  const keyType: KeyType = format === 'hibp' ? hash : (keyTypeFlag ?? 'fast');
  const expected = parseNumber('--expected', values.expected, true);
  if (expected !== undefined && expected < 0) throw new UsageError('--expected must not be negative');
  if (values.input === '-' && expected === undefined) {
    throw new UsageError('--input - (stdin) can be read only once: give the entry count with --expected N');
  }
  if (resolve(values.input) === resolve(values.output)) throw new UsageError('--output must differ from --input');
  const threadsFlag = parseNumber('--threads', values.threads, true);
  if (threadsFlag !== undefined && (threadsFlag < 1 || threadsFlag > 64)) throw new UsageError('--threads must be between 1 and 64');
  // Unasked, small inputs stay on this thread: starting workers costs more than they save.
  const big = values.input === '-' || (dir ? (await holdsAtLeast(values.input, THREADS_FROM_FILES)) : (await sizeOf(values.input)) >= THREADS_FROM_BYTES);
  const threads = threadsFlag ?? (big ? Math.min(4, availableParallelism()) : 1);
  return { input: values.input, output: values.output, format, hash, fpr, minCount: minCount ?? 0, keyType, strict: values.strict ?? false, expected, threads };
}

async function checkPaths(cfg: BuildConfig, io: CliIO): Promise<InputSource> {
  let source: InputSource = { stream: io.stdin, name: 'stdin' };
  if (cfg.input !== '-') {
    try {
      const s = await stat(cfg.input);
      if (s.isDirectory()) source = { dir: cfg.input };
      else if (s.isFile()) source = { file: cfg.input };
      else throw new UsageError(`--input ${cfg.input} is not a file or a directory`);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`cannot read --input ${cfg.input}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  const dir = dirname(resolve(cfg.output));
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(`cannot write --output ${cfg.output}: directory ${dir} does not exist`);
  }
  return source;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(2)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/**
 * Past this factor over the target, a too-low --expected makes a filter that rejects far more
 * than asked for (at --expected 10 for 50,000 entries, nearly everything): refused, not written.
 */
export const ABSURD_FPR_FACTOR = 10;

/** Why a finished scan must not become a filter, or null. */
function unusableBuild(stats: ScanStats, expected: number, target: number, builder: { blockCount: number; k: number }): string | null {
  if (stats.entries === 0 && stats.malformed > 0 && stats.malformed === stats.lines - stats.skippedEmpty) {
    const first = stats.malformedSamples[0];
    return `every line (${stats.malformed}) is malformed${first ? ` (${first.file ? `${first.file} ` : ''}line ${first.line}: ${first.reason})` : ''}`;
  }
  if (stats.entries === 0) return 'no entries: the input holds no usable line';
  if (stats.entries > expected) {
    const fpr = blockedBloomFpr(stats.entries, builder.blockCount, builder.k);
    if (fpr > ABSURD_FPR_FACTOR * target) {
      return `${count('en', stats.entries, ENTRIES)} but --expected ${expected}: the false-positive rate would be about ${fpr.toExponential(1)}, more than ${ABSURD_FPR_FACTOR}× the target ${target} (give the real count, or leave --expected out)`;
    }
  }
  return null;
}

function reportMalformed(io: CliIO, stats: ScanStats): void {
  if (stats.malformed === 0) return;
  const samples = stats.malformedSamples.map((m) => `${m.file ? `${m.file} ` : ''}line ${m.line}: ${m.reason}`).join('; ');
  io.stderr.write(`warning: skipped ${stats.malformed} malformed line${stats.malformed === 1 ? '' : 's'} (${samples}${stats.malformed > stats.malformedSamples.length ? '; …' : ''})\n`);
}

/** One pass over the input with progress; `sink` null counts only. With `pool`, workers parse. */
async function pass(io: CliIO, label: string, source: InputSource, options: ScanOptions, sink: Parameters<typeof scanSource>[2], pool?: ParsePool): Promise<ScanStats> {
  const progress = buildProgress(io, label);
  try {
    return await scanSource(source, { ...options, onProgress: (done, total, lines) => progress.update(done, total, lines) }, sink, pool);
  } finally {
    progress.clear();
    await pool?.close();
  }
}

export const build: Subcommand = async (args, io) => {
  const cfg = await parseConfig(args);
  if (cfg === 'help') {
    io.stdout.write(BUILD_USAGE);
    return Exit.OK;
  }
  const source = await checkPaths(cfg, io);
  const started = performance.now();
  const scanOptions = { format: cfg.format, hash: cfg.hash, minCount: cfg.minCount, strict: cfg.strict };
  try {
    // Worker threads parse HIBP lines; text lists and --strict (first error, in order) stay on this thread.
    const threaded = cfg.format === 'hibp' && !cfg.strict && cfg.threads > 1 && workersAvailable();
    const pool = (builder: FilterBuilder | null): ParsePool | undefined =>
      threaded ? new ParsePool(cfg.threads, builder, cfg.minCount, 5) : undefined;
    let expected = cfg.expected;
    if (expected === undefined) expected = (await pass(io, 'counting ', source, scanOptions, null, pool(null))).entries;
    const builder = createFilterBuilder({ expectedCount: expected, falsePositiveRate: cfg.fpr, keyType: cfg.keyType, minCount: cfg.minCount, shared: threaded });
    const stats = await pass(io, 'inserting', source, scanOptions, { addText: builder.add, addLanes: builder.addLanes }, pool(builder));
    if (threaded) builder.addCount(stats.entries); // the workers set the bits; the header records the count
    const unusable = unusableBuild(stats, expected, cfg.fpr, builder);
    if (unusable) {
      reportMalformed(io, stats);
      io.stderr.write(`passgate build: ${cfg.input}: ${unusable}; nothing was written\n`);
      return Exit.FAILURE;
    }
    const pieces = builder.finishPieces();
    // Re-read what we are about to publish: catches any disagreement between writer and reader.
    const filter = verifyPieces(pieces);
    await writeFilterFile(cfg.output, pieces);
    reportMalformed(io, stats);
    if (stats.entries > expected) {
      io.stderr.write(`warning: ${count('en', stats.entries, ENTRIES)} but --expected ${expected}: the false-positive rate is about ${filter.estimatedFalsePositiveRate.toExponential(1)}, not ${cfg.fpr}\n`);
    }
    const skipped = stats.skippedEmpty + stats.skippedZeroCount + stats.skippedBelowMinCount;
    const seconds = (performance.now() - started) / 1000;
    io.stdout.write(
      `built ${cfg.output}: ${count('en', stats.entries, ENTRIES, 'en-US')}, ${skipped.toLocaleString('en-US')} skipped, ` +
        `${stats.malformed.toLocaleString('en-US')} malformed; ${cfg.keyType} keys, ${filter.bitsPerKey.toFixed(2)} bits/key, k=${filter.k}, ` +
        `FPR target ${cfg.fpr} (model ${filter.estimatedFalsePositiveRate.toExponential(2)}), ${formatBytes(pieces.byteLength)} in ${count('en', filter.partCount, PARTS)}, ${seconds.toFixed(2)} s\n`,
    );
    return Exit.OK;
  } catch (err) {
    if (err instanceof InputFormatError) {
      io.stderr.write(`passgate build: ${cfg.input}: ${err.message}\n`);
      return Exit.FAILURE;
    }
    throw err;
  }
};
