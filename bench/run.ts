/**
 * `npm run bench` — every suite in its own child process (a suite run after another in the same
 * process runs slower: order effects), results collected over IPC, tables printed, and
 * bench/RESULTS.md written.
 *
 *   npm run bench [-- --suite filter --suite evaluate] [--quick] [--json] [--no-write]
 *
 * --suite NAME  run only these suites (repeatable; filter, matching, evaluate, throughput,
 *               adversarial)
 * --quick       smaller sizes and batches for a smoke run (does not touch RESULTS.md unless
 *               --write-results is given)
 * --json        print the collected results as JSON on stdout (progress goes to stderr)
 * --no-write    do not write any results file
 * --render FILE write bench/RESULTS.md from a saved --json output, running nothing
 */
import { execFileSync, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { keptSections } from './kept-sections.js';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ADVERSARIAL_TITLE, adversarialSection } from './adversarial.js';

const SUITES = ['filter', 'matching', 'evaluate', 'throughput', 'adversarial'] as const;
type SuiteName = (typeof SUITES)[number];

interface ChildRequest {
  suite: SuiteName;
  quick: boolean;
}

type Json = Record<string, unknown>;

/** What of the current bench/RESULTS.md this run does not produce and keeps (kept-sections.ts). */
function keptResultSections(): string {
  try {
    return keptSections(readFileSync(fileURLToPath(new URL('RESULTS.md', import.meta.url)), 'utf8'));
  } catch {
    return '';
  }
}

/** Runs one suite in this (child) process and sends its result to the parent. */
async function runChild(req: ChildRequest): Promise<Json> {
  const { suite, quick } = req;
  switch (suite) {
    case 'filter': {
      const { runFilterSuite } = await import('./filter.js');
      return (await runFilterSuite({ sizes: quick ? [1e5] : [1e5, 1e6, 1e7], json: false, ...(quick ? { lookups: 200_000 } : {}) })) as Json;
    }
    case 'matching': {
      const { runMatchingSuite } = await import('./matching.js');
      return (await runMatchingSuite({ sizes: quick ? [1_000, 10_000] : [1_000, 100_000, 1_000_000], json: false })) as Json;
    }
    case 'evaluate': {
      const { runEvaluateSuite } = await import('./evaluate.js');
      return (await runEvaluateSuite({ json: false, quick })) as Json;
    }
    case 'throughput': {
      const { runThroughputSuite } = await import('./throughput.js');
      return (await runThroughputSuite({ json: false, quick })) as Json;
    }
    case 'adversarial': {
      const { runAdversarialSuite } = await import('./adversarial.js');
      return (await runAdversarialSuite({ json: false, quick })) as Json;
    }
  }
}

function runSuiteInChild(suite: SuiteName, quick: boolean, progressTo: NodeJS.WritableStream): Promise<{ result: Json | null; error: string | null; wallMs: number; loadAfter?: number[] }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child'], {
      // Keep tsx's loader flags; allow the 1e7-key filter and 1 M-term index some room.
      execArgv: [...process.execArgv, '--max-old-space-size=6144'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let result: Json | null = null;
    let error: string | null = null;
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => progressTo.write(d));
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      progressTo.write(d);
    });
    child.on('message', (m: { result?: Json; error?: string }) => {
      if (m.result) result = m.result;
      if (m.error) error = m.error;
    });
    child.on('exit', (code, signal) => {
      if (!result && !error) error = `child exited with ${signal ?? code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`;
      resolve({ result, error, wallMs: performance.now() - t0 });
    });
    child.send({ suite, quick } satisfies ChildRequest);
  });
}

// ---------------------------------------------------------------------------------------------
// Machine and formatting
// ---------------------------------------------------------------------------------------------

function machine(): Json {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  let commit = 'unknown';
  let dirtySrc = 0;
  try {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    dirtySrc = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd, encoding: 'utf8' }).split('\n').filter(Boolean).length;
  } catch {
    /* not a git checkout */
  }
  return {
    commit,
    uncommittedSrcFiles: dirtySrc,
    cpu: cpuModel,
    cores: cpus().length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
  };
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
function rate(x: unknown): string {
  const v = num(x);
  if (v === null) return '–';
  if (v >= 1e6) return `${(v / 1e6).toFixed(2)} M`;
  if (v >= 1e4) return `${(v / 1e3).toFixed(0)} k`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)} k`;
  if (v >= 10) return v.toFixed(0);
  return v.toFixed(1);
}
function ratio(x: unknown): string {
  const v = num(x);
  if (v === null) return '–';
  return v >= 100 ? `${Math.round(v).toLocaleString('en-US')}×` : `${v.toFixed(2)}×`;
}
function ms(x: unknown, digits = 2): string {
  const v = num(x);
  return v === null ? '–' : `${v.toFixed(digits)} ms`;
}
function us(x: unknown): string {
  const v = num(x);
  if (v === null) return '–';
  return v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(1)} µs`;
}
function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

interface StatsJson {
  median: number;
  min: number;
  max: number;
  spreadPct: number;
}
const spread = (s: StatsJson): string => `${rate(s.median)} (${rate(s.min)}–${rate(s.max)})`;
const withRange = (median: unknown, range: unknown): string =>
  Array.isArray(range) ? `${rate(median)} (${rate(range[0])}–${rate(range[1])})` : rate(median);

function filterSection(r: Json): string {
  const rows = (r.rows as Json[]).filter((x) => x.lookupsPresentPerSec !== null);
  const skipped = (r.rows as Json[]).filter((x) => x.lookupsPresentPerSec === null);
  const ratios = r.ratios as Json[];
  return [
    `Lookups/s of fresh random 6–14 character keys, target FPR ${String(r.fpr)}, median of at least ${String(r.reps)} repetitions of ${Number(r.lookups).toExponential(0)} lookups (min–max in brackets where the suite recorded it). The implementations take turns going first (repetition r starts with implementation r mod k), each with its own fresh query strings, after an untimed warm-up.`,
    '',
    table(
      ['keys', 'implementation', 'present lookups/s', 'absent lookups/s', 'build keys/s', 'bits/key', 'measured FPR', 'load'],
      rows.map((x) => [
        Number(x.size).toExponential(0),
        String(x.impl),
        withRange(x.lookupsPresentPerSec, x.lookupsPresentRange),
        withRange(x.lookupsAbsentPerSec, x.lookupsAbsentRange),
        rate(x.buildKeysPerSec),
        num(x.bitsPerKey)?.toFixed(1) ?? '–',
        num(x.measuredFpr)?.toExponential(2) ?? '–',
        x.loadMs === null ? '–' : ms(x.loadMs, 3),
      ]),
    ),
    '',
    skipped.length ? `Skipped: ${skipped.map((x) => `${String(x.impl)} at ${Number(x.size).toExponential(0)} (${String(x.note)})`).join('; ')}.\n` : '',
    table(
      ['keys', 'passgate ÷ minimal blocked Bloom (present / absent)', '÷ bloomfilter', '÷ Set', '÷ bloom-filters'],
      ratios.map((x) => [Number(x.size).toExponential(0), `${ratio(x.vsMinimalPresent)} / ${ratio(x.vsMinimalAbsent)}`, ratio(x.vsBloomfilterPresent), ratio(x.vsSetPresent), ratio(x.vsBloomFiltersPresent)]),
    ),
  ].join('\n');
}

function matchingSection(r: Json): string {
  const rows = r.rows as Json[];
  const corpus = r.corpus as Json;
  // The matching suite's columns evolve; known ones are formatted, any other is shown as is.
  const known: Record<string, [string, (v: unknown) => string]> = {
    terms: ['terms', (v) => Number(v).toLocaleString('en-US')],
    buildMs: ['index build', (v) => `${String(v)} ms`],
    heapBytesPerTerm: ['heap B/term', String],
    indexQueriesPerSec: ['index queries/s (median)', rate],
    indexMicrosPerQuery: ['µs/query', String],
    indexRepsQps: ['index passes (queries/s)', (v) => String(v).split(' ').map((x) => rate(Number(x))).join(' ')],
    random12QueriesPerSec: ['index queries/s, random 12-unit passwords', rate],
    matchesPerQuery: ['matches/query', String],
    naiveQueriesPerSec: ['naive leven queries/s', rate],
    naiveMeasuredOnTerms: ['naive measured on terms', String],
    speedup: ['index ÷ naive', ratio],
    boundedMicrosPerQuery: ['bounded output: µs/query', String],
    boundedEvaluateMicros: ['bounded output: µs/evaluation (recommended)', String],
    boundedEvaluateScoreSum: ['bounded output: Σ score (same at every size)', String],
  };
  const guess = (k: string): ((v: unknown) => string) =>
    /RepsQps$/.test(k) ? (v) => String(v).split(' ').map((x) => rate(Number(x))).join(' ') : /QueriesPerSec$/.test(k) ? rate : String;
  const keys = [...new Set(rows.flatMap((x) => Object.keys(x)))];
  const extra = Object.entries(r).filter(([k]) => !['suite', 'corpus', 'rows', 'sink', 'wallMs', 'loadAfter'].includes(k));
  return [
    `One query = findExact + findFuzzy (edit distance 1) over a whole normalised password; ${String(corpus.passwords)} passwords, mean ${String(corpus.meanLength)} units. Index: median of the timed passes (all listed); naive \`leven\` scan measured on at most the listed number of terms and scaled linearly.`,
    '',
    table(
      keys.map((k) => known[k]?.[0] ?? k),
      rows.map((x) => keys.map((k) => (x[k] === undefined ? '–' : (known[k]?.[1] ?? guess(k))(x[k])))),
    ),
    '',
    ...extra.map(([k, v]) => `${k}: **${typeof v === 'object' ? JSON.stringify(v) : String(v)}**`),
    '',
    'Target: time **per evaluation** at 1 M terms ≤ 1.3× the time at 1 k terms — `boundedTimePerEvaluationRatioLargestToSmallest`: a `recommended` checker whose global banned list is the 1 000 real-looking terms topped up with filler terms no password can match (so every size gives the same verdicts, checked), timed on whole evaluations of the benchmark mix. The per-query ratios above show the index alone: with real-looking terms its output itself grows with the list (matches/query), and even with bounded output each probe of a 1 M-term table is a memory miss.',
  ].join('\n');
}

function evaluateSection(r: Json): string {
  const rows = r.rows as Json[];
  const mix = r.mix as Json;
  const byKind = mix.byKind as Record<string, Json>;
  const worst = r.worstCase as Json[];
  const cold = r.coldStart as Json[];
  const targets = r.targets as Json[];
  const rec = rows[0]!;
  const recOps = (rec.opsPerSec as StatsJson).median;
  const kinds = Object.keys(byKind);
  const worstImpls = [...new Set(worst.map((w) => String(w.impl)))];
  const inputs = [...new Set(worst.map((w) => String(w.input)))];
  return [
    `Mix of ${String(mix.count)} passwords (${String(mix.proportions)}; mean ${String(mix.meanLength)} characters: ${kinds.map((k) => `${k} ${String(byKind[k]!.meanLength)}`).join(', ')}), seeded (bench/mix.ts); the peers run on its first ${String(mix.peersOnFirst)} (same proportions). ${String(r.reps)} timed passes per row after warm-up, fresh string objects every pass. zxcvbn-ts uses ${String(r.zxcvbnTsDictionaries)}.`,
    '',
    table(
      ['implementation', 'evals/s median (min–max)', 'spread', 'p50', 'p99', 'max', 'recommended ÷ this', 'accepted / score ≥ 3'],
      rows.map((x) => {
        const o = x.opsPerSec as StatsJson;
        return [String(x.impl), spread(o), `±${(o.spreadPct / 2).toFixed(0)}%`, us(x.p50Us), us(x.p99Us), us(x.maxUs), ratio(recOps / o.median), `${((x.acceptedShare as number) * 100).toFixed(1)}%`];
      }),
    ),
    '',
    'Mean time per call by kind of password (from the pass timing each call):',
    '',
    table(['implementation', ...kinds], rows.map((x) => [String(x.impl), ...kinds.map((k) => us((x.meanUsByKind as Json)[k]))])),
    '',
    'Worst case at the 256-character cap (ms per call; passgate: median of repeated calls, max in brackets; peers: one call):',
    '',
    table(
      ['input', ...worstImpls],
      inputs.map((inp) => [
        inp,
        ...worstImpls.map((impl) => {
          const w = worst.find((x) => x.impl === impl && x.input === inp);
          if (!w) return '–';
          if (w.medianMs === null) return w.note ? String(w.note) : 'not run';
          return Number(w.calls) > 1 ? `${(w.medianMs as number).toFixed(3)} (${(w.maxMs as number).toFixed(2)})` : (w.medianMs as number).toFixed(1);
        }),
      ]),
    ),
    '',
    'Cold start, each measured in fresh processes (median, min–max):',
    '',
    table(['what', 'from', 'median', 'min–max', 'processes'], cold.map((c) => [String(c.what), String(c.source), ms(c.medianMs, 1), `${ms(c.minMs, 1)} – ${ms(c.maxMs, 1)}`, String(c.processes)])),
    ...((r.coldStartNotes as string[]).length ? ['', ...(r.coldStartNotes as string[]).map((n) => `Note: ${n}`)] : []),
    '',
    '**Targets**',
    '',
    table(
      ['target', 'measured', 'met?'],
      targets.map((t) => [String(t.target), `${fmtTargetValue(t.value as number)} ${String(t.unit)}${t.note ? ` — ${String(t.note)}` : ''}`, t.met ? 'yes' : '**no**']),
    ),
  ].join('\n');
}

function fmtTargetValue(v: number): string {
  return v >= 1000 ? Math.round(v).toLocaleString('en-US') : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function throughputSection(r: Json): string {
  const rows = r.rows as Json[];
  return [
    `A batch of ${Number(r.batch).toLocaleString('en-US')} mix passwords (profile ${String(r.profile)}, embedded breached filter), ${String(r.reps)} timed passes each (one pass = the whole batch), chunks of ${String(r.chunkSize)}; ${String(r.cores)} cores. Worker rows include sending the passwords to the workers; checker creation is excluded.`,
    '',
    table(
      ['configuration', 'evals/s median (min–max)', 'spread', '÷ single thread'],
      rows.map((x) => {
        const o = x.evalsPerSec as StatsJson;
        return [String(x.config), spread(o), `±${(o.spreadPct / 2).toFixed(0)}%`, ratio(x.speedupVsSingle)];
      }),
    ),
  ].join('\n');
}

const SECTIONS: Record<SuiteName, { title: string; render: (r: Json) => string }> = {
  filter: { title: 'Breached filter: passgate vs minimal blocked Bloom, bloomfilter, Set, bloom-filters', render: filterSection },
  matching: { title: "Banned-term matching: passgate's index vs a naive leven scan", render: matchingSection },
  evaluate: { title: 'Evaluate: passgate profiles vs zxcvbn-ts and zxcvbn on the same mix', render: evaluateSection },
  throughput: { title: 'Throughput under load: evaluateMany vs worker_threads', render: throughputSection },
  adversarial: { title: ADVERSARIAL_TITLE, render: adversarialSection },
};

const PEERS = `Peer figures measured on this kind of machine before this project began: minimal blocked Bloom ≈ 23 M lookups/s at 1e5 keys and 5–6 M/s at 1e7; bloom-filters ≈ 108 k/s; zxcvbn-ts (common + English dictionaries) ≈ 16 evals/s, zxcvbn-ts common only ≈ 226/s, without l33t ≈ 540/s; zxcvbn ≈ 600/s.`;

function renderMarkdown(m: Json, quick: boolean, results: Partial<Record<SuiteName, { result: Json | null; error: string | null; wallMs: number; loadAfter?: number[] }>>): string {
  const out: string[] = [];
  out.push('# passgate benchmark results', '');
  out.push(`Written by \`npm run bench${quick ? ' -- --quick' : ''}\` (bench/run.ts). ${quick ? '**Quick smoke run: small sizes, not for quoting.**' : ''}`.trim(), '');
  out.push('## Machine', '');
  out.push(
    table(
      ['CPU', 'cores', 'memory', 'Node', 'date', 'load average at start (1/5/15 min)', 'commit'],
      [[String(m.cpu), String(m.cores), `${String(m.memoryGiB)} GiB`, `${String(m.node)} (V8 ${String(m.v8)})`, String(m.date), (m.loadAverageAtStart as number[]).join(' / '), `${String(m.commit ?? '?')}${m.uncommittedSrcFiles ? ` + ${String(m.uncommittedSrcFiles)} uncommitted src/ files` : ''}`]],
    ),
    '',
  );
  out.push(
    '## How to read this',
    '',
    'Each suite ran in its own child process, on fixed seeded inputs, with warm-up before timing, fresh string objects in the timed loops (V8 caches a string\'s hash, which would flatter hash-based code), every result folded into a sink, and passgate measured before its peers (the filter suite rotates the order instead). Figures are **medians** of the repetitions, with the min–max range beside them; "spread" is ±half that range as a share of the median. The machine was shared with other engineers while this ran (see the load average), so absolute numbers move from run to run by tens of percent: read the **ratios between rows of one table** (measured side by side, in one process), not the absolute rates, and compare absolute rates only across runs on an idle machine. p50/p99 come from a separate pass that times every call (timer cost ≈ 0.05 µs included). ' +
      PEERS,
    '',
  );
  for (const name of SUITES) {
    const r = results[name];
    if (!r) continue;
    out.push(`## ${SECTIONS[name].title}`, '');
    if (r.error || !r.result) out.push(`**Failed:** ${r.error ?? 'no result'}`, '');
    else out.push(SECTIONS[name].render(r.result), '', `_Suite wall time ${(r.wallMs / 1000).toFixed(0)} s${r.loadAfter ? `; load average when it finished ${r.loadAfter.join(' / ')}` : ''}._`, '');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const suites: SuiteName[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--suite' ? argv[++i] : a.startsWith('--suite=') ? a.slice(8) : undefined;
    if (a === '--suite' || a.startsWith('--suite=')) {
      if (!v || !(SUITES as readonly string[]).includes(v)) {
        process.stderr.write(`unknown suite ${JSON.stringify(v)}; suites: ${SUITES.join(', ')}\n`);
        process.exit(2);
      }
      if (!suites.includes(v as SuiteName)) suites.push(v as SuiteName);
    } else if (a === '--render') {
      // Re-render RESULTS.md from a saved `--json` output, without running anything.
      const saved = JSON.parse(readFileSync(argv[++i]!, 'utf8')) as { machine: Json; quick: boolean; suites: Record<string, Json> };
      const res = Object.fromEntries(
        Object.entries(saved.suites).map(([k, v]) => [k, { result: v.error ? null : v, error: (v.error as string | undefined) ?? null, wallMs: Number(v.wallMs ?? 0), ...(Array.isArray(v.loadAfter) ? { loadAfter: v.loadAfter as number[] } : {}) }]),
      ) as Partial<Record<SuiteName, { result: Json | null; error: string | null; wallMs: number; loadAfter?: number[] }>>;
      writeFileSync(fileURLToPath(new URL('RESULTS.md', import.meta.url)), renderMarkdown(saved.machine, saved.quick, res) + keptResultSections());
      process.stderr.write('wrote bench/RESULTS.md\n');
      return;
    } else if (!['--json', '--quick', '--no-write', '--write-results'].includes(a)) {
      process.stderr.write(`unknown argument ${a}\nusage: npm run bench -- [--suite NAME]... [--quick] [--json] [--no-write] [--write-results]\n`);
      process.exit(2);
    }
  }
  const selected = suites.length ? suites : [...SUITES];
  const progress = json ? process.stderr : process.stdout;
  const m = machine();
  progress.write(`passgate bench: ${selected.join(', ')}${quick ? ' (quick)' : ''} on ${String(m.cpu)}, ${String(m.cores)} cores, Node ${String(m.node)}, load ${(m.loadAverageAtStart as number[]).join(' ')}\n`);
  const results: Partial<Record<SuiteName, { result: Json | null; error: string | null; wallMs: number; loadAfter?: number[] }>> = {};
  for (const s of selected) {
    progress.write(`\n=== ${s} (own process) ===\n`);
    results[s] = { ...(await runSuiteInChild(s, quick, progress)), loadAfter: loadavg().map((x) => Number(x.toFixed(2))) };
    if (results[s]!.error) progress.write(`suite ${s} FAILED: ${results[s]!.error}\n`);
  }
  const md = renderMarkdown(m, quick, results);
  if (!json) progress.write('\n' + md + '\n');
  if (!argv.includes('--no-write') && (!quick || argv.includes('--write-results'))) {
    writeFileSync(fileURLToPath(new URL('RESULTS.md', import.meta.url)), md + keptResultSections());
    progress.write('\nwrote bench/RESULTS.md\n');
  }
  if (json) {
    const out = { machine: m, quick, suites: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.error ? { error: v.error } : { wallMs: Math.round(v.wallMs), loadAfter: v.loadAfter, ...v.result }])) };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  }
  if (Object.values(results).some((r) => r.error)) process.exitCode = 1;
}

if (process.argv.includes('--child') && process.send) {
  process.once('message', (req: ChildRequest) => {
    runChild(req).then(
      (result) => process.send!({ result: JSON.parse(JSON.stringify(result)) as Json }, () => process.exit(0)),
      (err: unknown) => process.send!({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () => process.exit(1)),
    );
  });
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
