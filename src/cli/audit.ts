import { Exit, UsageError, unreadable, type Subcommand } from './io.js';
import { AUDIT_CHECKER_FLAGS, AUDIT_CHECKER_FLAGS_HELP, checkerFrom } from './checker-flags.js';
import { parseFlags } from './parse-flags.js';
import { Progress } from './progress.js';
import { InputFormatError, scanSource } from '../filter/read-lines.js';
import { openRegularFile } from '../io/regular-file.js';

const HELP = `Usage: passgate audit FILE [options]

Judges every password in FILE (one a line, UTF-8; '-' for stdin) with the chosen policy and
reports how many were rejected and for which reasons. The passwords themselves are never
printed. Use it to see what a policy would do before enforcing it.

Lines are read as 'passgate build' reads them (the same reader; gzip too): LF ends a line
(CRLF too; a lone CR does not), empty lines are skipped, and lines that are not valid UTF-8 or
are longer than 64 KiB are counted as malformed and not judged. A file in which every line is
malformed is not a password list (exit 2).

Options:
  --json                the report as JSON
${AUDIT_CHECKER_FLAGS_HELP}`;

export interface AuditReport {
  total: number;
  rejected: number;
  /** Lines that are not valid UTF-8 or longer than 64 KiB: counted, not judged. */
  malformed: number;
  rejectionRate: number;
  /** How many passwords had at least one finding with this code (any severity). */
  findings: Record<string, number>;
  /** How many passwords were rejected for this code. */
  rejectedBy: Record<string, number>;
  profile: string;
  seconds: number;
  perSecond: number;
}

export const audit: Subcommand = async (args, io) => {
  const { values, positionals } = parseFlags('audit', {
    args: [...args],
    options: { ...AUDIT_CHECKER_FLAGS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout.write(HELP + '\n');
    return Exit.OK;
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('give exactly one FILE (or - for stdin)');
  // Flags first: a bad flag is named even when FILE is also unusable.
  const checker = await checkerFrom(values, io.env);
  const size = file === '-' ? undefined : await fileSize(file);

  const progress = new Progress(io, 'auditing', size);
  const report: AuditReport = { total: 0, rejected: 0, malformed: 0, rejectionRate: 0, findings: {}, rejectedBy: {}, profile: checker.policy().profile, seconds: 0, perSecond: 0 };
  const started = performance.now();
  const addText = (password: string) => {
    const r = checker.evaluate(password);
    report.total++;
    if (r.wouldReject) report.rejected++;
    for (const code of new Set(r.findings.map((f) => f.code))) report.findings[code] = (report.findings[code] ?? 0) + 1;
    for (const code of r.policy.rejectedBy) report.rejectedBy[code] = (report.rejectedBy[code] ?? 0) + 1;
  };
  const source = file === '-' ? { stream: io.stdin, name: 'stdin' } : { file };
  const onProgress = (bytes: number) => progress.update(size ? bytes : report.total);
  let stats;
  try {
    stats = await scanSource(source, { format: 'text', onProgress }, { addText, addLanes: () => undefined });
  } catch (err) {
    progress.done();
    if (err instanceof InputFormatError) throw new UsageError(`'${file}': ${err.message}`); // e.g. corrupt gzip
    throw err;
  }
  report.malformed = stats.malformed;
  if (report.total === 0 && report.malformed > 0) {
    progress.done();
    const why = stats.malformedSamples[0]?.reason ?? 'malformed';
    throw new UsageError(`'${file}': every line (${report.malformed}) is malformed (line 1: ${why}): not a password list`);
  }
  progress.done();
  report.seconds = (performance.now() - started) / 1000;
  report.perSecond = report.seconds > 0 ? Math.round(report.total / report.seconds) : 0;
  report.rejectionRate = report.total ? report.rejected / report.total : 0;
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : render(report));
  return Exit.OK;
};

/** The file's size; a FIFO, a device (/dev/zero) or a directory is misuse, refused before any read. */
async function fileSize(file: string): Promise<number> {
  try {
    const { handle, size } = await openRegularFile(file);
    await handle.close();
    return size;
  } catch (err) {
    throw unreadable('FILE', file, err);
  }
}

function render(r: AuditReport): string {
  const pct = (n: number) => (r.total ? ((100 * n) / r.total).toFixed(1) + '%' : '–');
  const lines = [
    `${r.total.toLocaleString('en')} passwords, ${r.rejected.toLocaleString('en')} rejected (${pct(r.rejected)}) by the ${r.profile} profile`,
    `${r.perSecond.toLocaleString('en')} evaluations/s`,
    ...(r.malformed ? [`${r.malformed.toLocaleString('en')} malformed lines (not UTF-8, or over 64 KiB) skipped`] : []),
    '',
    'rejected for (a password may have several reasons):',
  ];
  const rows = Object.entries(r.rejectedBy).sort((a, b) => b[1] - a[1]);
  for (const [code, n] of rows) lines.push(`  ${code.padEnd(18)} ${String(n).padStart(9)}  ${pct(n)}`);
  lines.push('', 'found in (any severity):');
  for (const [code, n] of Object.entries(r.findings).sort((a, b) => b[1] - a[1])) lines.push(`  ${code.padEnd(18)} ${String(n).padStart(9)}  ${pct(n)}`);
  return lines.join('\n') + '\n';
}
