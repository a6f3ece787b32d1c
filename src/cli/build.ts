/**
 * `passgate build`: turn a password list or an HIBP download into a filter file.
 *
 *   passgate build --input FILE --output FILE [--format text|hibp] [--fpr X] [--min-count N]
 *                  [--key-type fast|sha1] [--strict] [--expected N]
 *
 * The filter must be sized before the first insert, so the input is read twice (count, then
 * insert) unless `--expected N` gives the entry count; gzip input is then decompressed twice.
 * The output is written to a temporary file in the same directory and renamed into place, so a
 * failed build never leaves a partial filter behind.
 */
import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFilterBuilder, loadFilter, type KeyType } from '../filter/node.js';
import { InputFormatError, scanInput, type InputFormat, type ScanStats } from '../filter/read-lines.js';
import { MAX_FPR, MIN_FPR } from '../filter/sizing.js';
import { count, ENTRIES } from '../wording/plural.js';
import { Exit, UsageError, type CliIO, type Subcommand } from './io.js';

export const BUILD_USAGE = `Usage: passgate build --input FILE --output FILE [options]

Build a breached-password filter from a list (one password a line) or an HIBP download
(HASH:COUNT lines). Plain or gzip input (detected from the bytes).

Options:
  --input FILE         the list to read (required)
  --output FILE        the filter file to write (required; written atomically)
  --format text|hibp   input format (default text)
  --fpr X              target false-positive rate, ${MIN_FPR}..${MAX_FPR} (default 1e-4)
  --min-count N        hibp only: skip hashes seen fewer than N times
  --key-type fast|sha1 text only (default fast); hibp input is always sha1
  --strict             fail at the first malformed line instead of skipping it
  --expected N         number of entries, to skip the counting pass (a low N raises the FPR)
  -h, --help           show this help
`;

interface BuildConfig {
  input: string;
  output: string;
  format: InputFormat;
  fpr: number;
  minCount: number;
  keyType: KeyType;
  strict: boolean;
  expected: number | undefined;
}

function parseNumber(flag: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    throw new UsageError(`${flag} expects ${integer ? 'a whole number' : 'a number'}, got '${raw}'`);
  }
  return value;
}

function parseConfig(args: readonly string[]): BuildConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        input: { type: 'string' },
        output: { type: 'string' },
        format: { type: 'string' },
        fpr: { type: 'string' },
        'min-count': { type: 'string' },
        'key-type': { type: 'string' },
        strict: { type: 'boolean' },
        expected: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${BUILD_USAGE}`);
  }
  if (values.help) return 'help';
  if (!values.input) throw new UsageError(`--input FILE is required\n\n${BUILD_USAGE}`);
  if (!values.output) throw new UsageError(`--output FILE is required\n\n${BUILD_USAGE}`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'hibp') throw new UsageError(`--format must be text or hibp, got '${format}'`);
  const fpr = parseNumber('--fpr', values.fpr, false) ?? 1e-4;
  if (!(fpr >= MIN_FPR && fpr <= MAX_FPR)) throw new UsageError(`--fpr must be between ${MIN_FPR} and ${MAX_FPR}, got ${fpr}`);
  const minCount = parseNumber('--min-count', values['min-count'], true);
  if (minCount !== undefined) {
    if (format !== 'hibp') throw new UsageError('--min-count needs --format hibp (text lists have no counts)');
    if (minCount < 0 || minCount > 0xffffffff) throw new UsageError(`--min-count must be between 0 and 4294967295`);
  }
  const keyTypeFlag = values['key-type'];
  if (keyTypeFlag !== undefined && keyTypeFlag !== 'fast' && keyTypeFlag !== 'sha1') {
    throw new UsageError(`--key-type must be fast or sha1, got '${keyTypeFlag}'`);
  }
  if (format === 'hibp' && keyTypeFlag === 'fast') {
    throw new UsageError('--format hibp holds SHA-1 hashes: the key type is sha1 (drop --key-type fast)');
  }
  const keyType: KeyType = format === 'hibp' ? 'sha1' : (keyTypeFlag ?? 'fast');
  const expected = parseNumber('--expected', values.expected, true);
  if (expected !== undefined && expected < 0) throw new UsageError('--expected must not be negative');
  if (resolve(values.input) === resolve(values.output)) throw new UsageError('--output must differ from --input');
  return {
    input: values.input,
    output: values.output,
    format,
    fpr,
    minCount: minCount ?? 0,
    keyType,
    strict: values.strict ?? false,
    expected,
  };
}

async function checkPaths(cfg: BuildConfig): Promise<void> {
  try {
    const s = await stat(cfg.input);
    if (!s.isFile()) throw new UsageError(`--input ${cfg.input} is not a file`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read --input ${cfg.input}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const dir = dirname(resolve(cfg.output));
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(`cannot write --output ${cfg.output}: directory ${dir} does not exist`);
  }
}

/** A progress bar on stderr, redrawn at most ~10 times a second; silent unless stderr is a TTY. */
function progressBar(io: CliIO, label: string): { update(done: number, total: number): void; clear(): void } {
  if (!io.stderr.isTTY) return { update() {}, clear() {} };
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const width = Math.max(10, Math.min(40, (io.stderr.columns ?? 80) - 30));
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(frac * width);
      io.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%`);
    },
    clear() {
      if (last !== 0) io.stderr.write('\r\x1b[K');
    },
  };
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(2)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

function reportMalformed(io: CliIO, stats: ScanStats): void {
  if (stats.malformed === 0) return;
  const samples = stats.malformedSamples.map((m) => `line ${m.line}: ${m.reason}`).join('; ');
  io.stderr.write(`warning: skipped ${stats.malformed} malformed line${stats.malformed === 1 ? '' : 's'} (${samples}${stats.malformed > stats.malformedSamples.length ? '; …' : ''})\n`);
}

export const build: Subcommand = async (args, io) => {
  const cfg = parseConfig(args);
  if (cfg === 'help') {
    io.stdout.write(BUILD_USAGE);
    return Exit.OK;
  }
  await checkPaths(cfg);
  const started = performance.now();
  const scanOptions = { format: cfg.format, minCount: cfg.minCount, strict: cfg.strict };
  try {
    let expected = cfg.expected;
    if (expected === undefined) {
      const bar = progressBar(io, 'counting ');
      const counted = await scanInput(cfg.input, { ...scanOptions, onProgress: bar.update }).finally(bar.clear);
      expected = counted.entries;
    }
    const builder = createFilterBuilder({ expectedCount: expected, falsePositiveRate: cfg.fpr, keyType: cfg.keyType, minCount: cfg.minCount });
    const bar = progressBar(io, 'inserting');
    const stats = await scanInput(cfg.input, { ...scanOptions, onProgress: bar.update }, {
      addText: builder.add,
      addLanes: builder.addLanes,
    }).finally(bar.clear);
    const bytes = builder.finish();
    // Re-read what we are about to publish: catches any disagreement between writer and reader.
    const filter = loadFilter(bytes);
    await writeAtomically(cfg.output, bytes);
    reportMalformed(io, stats);
    if (stats.entries > expected) {
      io.stderr.write(`warning: ${count('en', stats.entries, ENTRIES)} but --expected ${expected}: the false-positive rate is about ${filter.estimatedFalsePositiveRate.toExponential(1)}, not ${cfg.fpr}\n`);
    }
    if (stats.entries === 0) io.stderr.write('warning: no entries were found; the filter is empty\n');
    const skipped = stats.skippedEmpty + stats.skippedZeroCount + stats.skippedBelowMinCount;
    const seconds = (performance.now() - started) / 1000;
    io.stdout.write(
      `built ${cfg.output}: ${count('en', stats.entries, ENTRIES, 'en-US')}, ${skipped.toLocaleString('en-US')} skipped, ` +
        `${stats.malformed.toLocaleString('en-US')} malformed; ${cfg.keyType} keys, ${Number.isFinite(filter.bitsPerKey) ? filter.bitsPerKey.toFixed(2) : '-'} bits/key, k=${filter.k}, ` +
        `FPR target ${cfg.fpr} (model ${filter.estimatedFalsePositiveRate.toExponential(2)}), ${formatBytes(bytes.length)}, ${seconds.toFixed(2)} s\n`,
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
