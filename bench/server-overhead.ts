/**
 * Where `passgate serve`'s overhead over a minimal node:http server goes, part by part, measured
 * as CPU per answer of ONE server process whose request handler is switched between rounds.
 *
 * The child process (this file with --child) holds one checker (the service's own state, default
 * profile and data) and a set of handlers; the parent tells it over IPC which one to use, loads it
 * over HTTP, and reads the child's `process.cpuUsage()` before and after the counted window. The
 * same process, the same heap, the same JIT: what differs between variants is the part toggled.
 * CPU per answer is the primary figure: on a shared machine requests/s swing with the neighbours
 * (and the load generator shares the cores), while the CPU the server spends per answer does not.
 *
 * Variants, each one step from the previous:
 *   minimal         node:http, JSON.parse, checker.evaluate, JSON.stringify (bench/server.ts's)
 *   + answer headers  the same with the service's answer headers (nosniff, referrer policy,
 *                   no-store, charset): 5 headers, not 2
 *   + validation    the service's body parsing (strict UTF-8, shape checks), evaluateAsync, its
 *                   answer headers — the work the service must do, without its request framework
 *   service −log −metrics   handleNodeRequest: body read, routing core, reply writer, with a
 *                   no-op logger and no-op metrics
 *   service −log    … with metrics
 *   service −metrics … with the log line (text, to stderr = /dev/null, as bench/server.ts runs it)
 *   service         … everything on: what `passgate serve` does per request (one process), its
 *                   log lines batched per event-loop turn as the CLI writes them (cli/log-lines.ts)
 *   service, a write per log line   the same with one stderr write per line (before the batching)
 *   service, browser headers   the same, requests carrying Accept-Language, Accept-Encoding and
 *                   Origin as a browser's fetch would (content negotiation, compression decision)
 *
 *   npx tsx bench/server-overhead.ts [--quick] [--rounds N] [--write]
 *
 * --write replaces the "overhead" block of bench/RESULTS.md's HTTP service section.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generatePasswords } from './mix.js';
import { minimalEvaluateHandler, postLoad, spreadOf } from './http-load.js';
import { replaceMarkedBlock } from './kept-sections.js';

export const OVERHEAD_START = '<!-- server-overhead:start -->';
export const OVERHEAD_END = '<!-- server-overhead:end -->';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Variant {
  readonly name: string;
  /** Request headers the load sends besides content-type and content-length. */
  readonly headers?: Record<string, string>;
}

const BROWSER_HEADERS = { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.8', 'accept-encoding': 'gzip, deflate, br, zstd', origin: 'http://127.0.0.1' };

const VARIANTS: readonly Variant[] = [
  { name: 'minimal' },
  { name: '+ answer headers' },
  { name: '+ validation' },
  { name: 'service −log −metrics' },
  { name: 'service −log' },
  { name: 'service −metrics' },
  { name: 'service' },
  { name: 'service, a write per log line' },
  { name: 'service, browser headers', headers: BROWSER_HEADERS },
];

// ---------------------------------------------------------------------------------------------
// Child: one server, its handler switched by the parent
// ---------------------------------------------------------------------------------------------

async function child(): Promise<void> {
  const [{ StateHolder }, { handleNodeRequest }, { createLogger }, { loadServiceMetrics }, { parseEvaluateRequest }, { errorReply, json, BASE_HEADERS }] =
    await Promise.all([
      import('../src/server/holder.js'),
      import('../src/server/node-server.js'),
      import('../src/server/logger.js'),
      import('../src/server/metrics.js'),
      import('../src/server/evaluate-request.js'),
      import('../src/server/reply.js'),
    ]);
  const { logLines } = await import('../src/cli/log-lines.js');
  const metrics = await loadServiceMetrics(1);
  const noMetrics = { request() {}, reload() {}, reply: async () => ({ status: 404 }) } as unknown as typeof metrics;
  // As `passgate serve` logs: one text line per request to stderr (here /dev/null, as bench/server.ts),
  // batched as the CLI does; `perLine` is one write per line.
  const logger = createLogger(logLines((text) => void process.stderr.write(text)).line);
  const perLine = createLogger((line) => void process.stderr.write(line + '\n'));
  const quiet = { request() {}, event() {} };
  const holder = await StateHolder.create({ load: async () => ({}), logger: quiet, watchIntervalMs: 0, services: { metrics: () => metrics.reply() } });
  const checker = holder.current.checker;
  const maxLength = checker.policy().maxLength;

  const minimal: Handler = minimalEvaluateHandler(checker);
  const headed: Handler = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { password } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { password: string };
      const reply = json(200, checker.evaluate(password));
      const body = reply.body as string;
      res.writeHead(200, { ...BASE_HEADERS, ...reply.headers, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  };
  const validated: Handler = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const parsed = parseEvaluateRequest(Buffer.concat(chunks), maxLength);
      const reply = parsed.ok ? json(200, await checker.evaluateAsync(parsed.value.password, parsed.value.context)) : errorReply(400, parsed.code, parsed.message);
      const body = reply.body as string;
      res.writeHead(reply.status, { ...BASE_HEADERS, ...reply.headers, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  };
  const handlers: Record<string, Handler> = {
    minimal,
    '+ answer headers': headed,
    '+ validation': validated,
    'service −log −metrics': (req, res) => handleNodeRequest(req, res, holder, quiet, noMetrics),
    'service −log': (req, res) => handleNodeRequest(req, res, holder, quiet, metrics),
    'service −metrics': (req, res) => handleNodeRequest(req, res, holder, logger, noMetrics),
    service: (req, res) => handleNodeRequest(req, res, holder, logger, metrics),
    'service, a write per log line': (req, res) => handleNodeRequest(req, res, holder, perLine, metrics),
    'service, browser headers': (req, res) => handleNodeRequest(req, res, holder, logger, metrics),
  };
  let current = minimal;
  const server = createServer((req, res) => current(req, res));
  process.on('message', (m: { mode?: string; exit?: boolean }) => {
    if (m.exit) process.exit(0); // (a --cpu-prof run writes its profile on exit)
    if (m.mode) current = handlers[m.mode]!;
    const u = process.cpuUsage();
    process.send!({ cpu: u.user + u.system });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
}

// ---------------------------------------------------------------------------------------------
// Parent: load generation, rounds, table
// ---------------------------------------------------------------------------------------------

function ask(c: ChildProcess, message: object): Promise<number> {
  return new Promise((resolve) => {
    c.once('message', (m: { cpu: number }) => resolve(m.cpu));
    c.send(message);
  });
}

/** The answers counted; an answer other than 200 or a socket error fails the run (a variant that
 * errs would look fast). */
async function load(port: number, bodies: string[], extra: Record<string, string>, connections: number, ms: number): Promise<number> {
  const { count, errors } = await postLoad(`http://127.0.0.1:${port}/`, bodies, connections, ms, extra);
  if (errors > 0) throw new Error(`${errors} requests failed or were not answered 200`);
  return count;
}

const fmt = spreadOf;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--child')) return child();
  const quick = args.includes('--quick');
  const ri = args.indexOf('--rounds');
  const rounds = ri >= 0 ? Number(args[ri + 1]) : quick ? 2 : 6;
  const warmMs = quick ? 500 : 1500;
  const runMs = quick ? 1500 : 4000;
  const connections = 16;
  const bodies = generatePasswords(2_000, 20261204).map((password) => JSON.stringify({ password }));
  // stderr to /dev/null: the log line is written as `passgate serve`'s would be to a file.
  const c = fork(fileURLToPath(import.meta.url), ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'ignore', 'ipc'] });
  const port = await new Promise<number>((resolve) => c.once('message', (m: { port: number }) => resolve(m.port)));
  const cpu = VARIANTS.map(() => [] as number[]);
  const rates = VARIANTS.map(() => [] as number[]);
  const ratio = VARIANTS.map(() => [] as number[]);
  const loadBefore = loadavg();
  const started = new Date();
  // One warm-up pass over every variant, so none is measured cold.
  for (const v of VARIANTS) {
    await ask(c, { mode: v.name });
    await load(port, bodies, v.headers ?? {}, connections, warmMs);
  }
  for (let round = 0; round < rounds; round++) {
    const order = VARIANTS.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    const perAnswer = new Array<number>(VARIANTS.length);
    for (const i of order) {
      const v = VARIANTS[i]!;
      await ask(c, { mode: v.name });
      await load(port, bodies, v.headers ?? {}, connections, warmMs / 3);
      const before = await ask(c, {});
      const count = await load(port, bodies, v.headers ?? {}, connections, runMs);
      const used = (await ask(c, {})) - before;
      perAnswer[i] = used / count;
      rates[i]!.push(count / (runMs / 1000));
      cpu[i]!.push(perAnswer[i]!);
      process.stderr.write(`round ${round + 1}/${rounds} ${v.name}: ${(count / (runMs / 1000)).toFixed(0)}/s, ${perAnswer[i]!.toFixed(1)} µs CPU/answer\n`);
    }
    VARIANTS.forEach((_, i) => ratio[i]!.push(perAnswer[0]! / perAnswer[i]!));
  }
  c.kill('SIGTERM');
  const loadAfter = loadavg();
  const date = started.toISOString().slice(0, 16).replace('T', ' ');
  const md = [
    OVERHEAD_START,
    '### Where the overhead goes: one server process, its handler switched between rounds',
    '',
    `\`npx tsx bench/server-overhead.ts\` — ${date} UTC, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ` +
      `${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${loadAfter.map((x) => x.toFixed(2)).join(' ')} after. ` +
      `One child process serves every variant from the same checker (default profile and data); ${connections} keep-alive connections ` +
      `post the 2,000-password mix; ${rounds} rounds alternating the order, ${runMs / 1000} s counted per variant and round. ` +
      'CPU/answer: the server process\'s `process.cpuUsage()` (user + system) over the counted window, per answer. ' +
      'Median (min–max); the ratio is the minimal variant\'s CPU/answer over this one\'s, same round.',
    '',
    '| variant | CPU µs/answer | ratio to minimal (by CPU) | requests/s |',
    '|---|---:|---:|---:|',
    ...VARIANTS.map((v, i) => `| ${v.name} | ${fmt(cpu[i]!, 1)} | ${fmt(ratio[i]!, 2)} | ${fmt(rates[i]!)} |`),
    OVERHEAD_END,
  ].join('\n');
  process.stdout.write(md + '\n');
  if (args.includes('--write')) {
    const path = fileURLToPath(new URL('RESULTS.md', import.meta.url));
    const text = readFileSync(path, 'utf8');
    const noBlock = () => {
      throw new Error(`bench/RESULTS.md has no ${OVERHEAD_START} … ${OVERHEAD_END} block to replace`);
    };
    writeFileSync(path, replaceMarkedBlock(text, OVERHEAD_START, OVERHEAD_END, md, noBlock));
    process.stderr.write('wrote bench/RESULTS.md (service overhead block)\n');
  }
}

await main();
