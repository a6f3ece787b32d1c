/**
 * What `passgate serve` does per answer that the minimal server does not, each part with its CPU
 * cost, from V8 CPU profiles rather than from wall-clock rates: on a shared 2-core machine the
 * HTTP benches' rates swing by ±15 %, while a profile's samples say where the time went.
 *
 * Each server runs in its own child process (the built package, dist/) with `--cpu-prof`, driven
 * by an in-process load: C keep-alive connections that are in-memory streams handed to node:http
 * (no kernel socket, no client process sharing the cores), each sending the next request on the
 * event loop's next turn after its answer (as a socket would). The service is the real one
 * (`createServer` of passgate/server, its request listener, its log lines batched per turn and
 * written to stderr → /dev/null as the CLI does); the minimal one is bench/server.ts's.
 * Functions found only in the service's profile are grouped into parts; the rest (node:http, the
 * evaluation, JSON) is common to both. µs per answer = samples × interval / answers.
 *
 * The two children run one after the other, `--rounds` times (default 3) alternating the order;
 * the table gives medians. JSON.parse and JSON.stringify are common work the minimal server does
 * inline in its handler: they are shown side by side, not counted as overhead.
 *
 *   npx tsx bench/server-profile.ts [--seconds N] [--rounds N]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { generatePasswords } from './mix.js';
import { minimalEvaluateHandler } from './http-load.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Drives `handler` through node:http over in-memory connections; resolves answers and CPU µs each. */
function drive(handler: Handler, bodies: readonly string[], connections: number, ms: number): Promise<{ answers: number; cpu: number }> {
  const server = createServer(handler);
  const requests = bodies.map((b) => Buffer.from(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(b)}\r\n\r\n${b}`));
  let next = 0;
  let answers = 0;
  let open = connections;
  const stopAt = performance.now() + ms;
  const started = process.cpuUsage();
  return new Promise((resolve, reject) => {
    for (let i = 0; i < connections; i++) {
      let pending = '';
      const send = () => {
        if (performance.now() < stopAt) socket.push(requests[next++ % requests.length]);
        else if (--open === 0) {
          const used = process.cpuUsage(started);
          resolve({ answers, cpu: (used.user + used.system) / answers });
        }
      };
      const got = (chunk: Buffer | string) => {
        pending += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
        for (;;) {
          const at = pending.indexOf('\r\n\r\n');
          if (at < 0) return;
          const length = Number(/content-length: (\d+)/i.exec(pending.slice(0, at))?.[1] ?? 0);
          if (pending.length < at + 4 + length) return;
          if (!pending.startsWith('HTTP/1.1 200')) return reject(new Error(pending.slice(0, 200)));
          pending = pending.slice(at + 4 + length);
          answers++;
          setImmediate(send); // the next request arrives on a later turn, as from a socket
        }
      };
      const socket = new Duplex({
        read() {},
        write(chunk: Buffer, _e, cb) {
          got(chunk);
          cb();
        },
        writev(chunks, cb) {
          for (const c of chunks) got(c.chunk as Buffer);
          cb();
        },
      });
      Object.assign(socket, { remoteAddress: '127.0.0.1', setTimeout: () => socket, setNoDelay: () => socket, setKeepAlive: () => socket });
      server.emit('connection', socket);
      send();
    }
  });
}

async function child(which: string, seconds: number): Promise<void> {
  const bodies = generatePasswords(2_000, 20261204).map((password) => JSON.stringify({ password }));
  let handler: Handler;
  if (which === 'service') {
    const { createServer: createService } = (await import(new URL('../dist/server.js', import.meta.url).href)) as typeof import('../src/server/index.js');
    const { logLines } = await import('../src/cli/log-lines.js');
    const service = await createService({ log: logLines((text) => void process.stderr.write(text)).line, watchIntervalMs: 0 });
    handler = service.server.listeners('request')[0] as Handler;
  } else {
    const { createChecker } = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index.js');
    const checker = await createChecker();
    handler = minimalEvaluateHandler(checker);
  }
  const warm = await drive(handler, bodies, 16, 2000);
  const run = await drive(handler, bodies, 16, seconds * 1000);
  process.stdout.write(JSON.stringify({ answers: warm.answers + run.answers, cpu: run.cpu }) + '\n');
  process.exit(0);
}

/** The parts of the service's own work, by the functions (dist/ names) found only in its profile. */
const PARTS: readonly [part: string, test: RegExp][] = [
  ['log line (format, and the write once per event-loop turn)', /^(request|event|isoNow|round|line|flush|writeUtf8String|writeString|writeBuffer|SyncWriteStream\._write|doWrite|writeOrBuffer|_write|writeSync)$/],
  ['metrics (count, latency histogram)', /^(request|reload)@metrics$/],
  ['request body: read (its listeners)', /^(readBody|onData|onEnd|settle|BodyReading)$/],
  ['routing core and answer writer', /^(handleNodeRequest|serve|serveRequest|served|parseTarget|matchRoute|methodName|Context|Exchange|answer|finished|onFinish|writeReply|write|evaluateBody|policyOf|POST|isThenable|json|get method|get target|header|body|<instance_members_initializer>)$/],
];

function analyse(file: string, answers: number): Map<string, number> {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string } }[]; samples: number[]; startTime: number; endTime: number };
  const frames = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const interval = (p.endTime - p.startTime) / p.samples.length;
  const out = new Map<string, number>();
  for (const id of p.samples) {
    const f = frames.get(id)!;
    if (f.functionName === '(idle)') continue;
    const name = f.url.endsWith('bench/server-profile.ts') ? '(this file)' : (f.functionName || '(anonymous)') + (/\/dist\/server\.js$/.test(f.url) && f.functionName === 'request' ? '@metrics' : '');
    out.set(name, (out.get(name) ?? 0) + interval / answers);
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const si = args.indexOf('--seconds');
  const seconds = si >= 0 ? Number(args[si + 1]) : 8;
  if (args[0] === '--child') return child(args[1]!, seconds);
  const ri = args.indexOf('--rounds');
  const rounds = ri >= 0 ? Number(args[ri + 1]) : 3;
  const loadBefore = loadavg();
  const runs: Record<string, { answers: number; cpu: number; profile: Map<string, number> }[]> = { service: [], minimal: [] };
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 === 0 ? ['service', 'minimal'] : ['minimal', 'service']) {
      const dir = mkdtempSync(join(tmpdir(), 'passgate-prof-'));
      const c = spawn(process.execPath, ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${dir}`, SELF, '--child', which, '--seconds', String(seconds)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      c.stdout!.on('data', (d: Buffer) => (out += d));
      await new Promise((r) => c.once('exit', r));
      const { answers, cpu } = JSON.parse(out) as { answers: number; cpu: number };
      // The main thread's profile is the largest (tsx's loader thread writes one too).
      const file = readdirSync(dir).map((f) => join(dir, f)).sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0]!;
      runs[which]!.push({ answers, cpu, profile: analyse(file, answers) });
      rmSync(dir, { recursive: true, force: true });
      process.stderr.write(`round ${round + 1}/${rounds} ${which}: ${cpu.toFixed(1)} µs CPU/answer\n`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const part = (which: string, pick: (p: Map<string, number>) => number) => median(runs[which]!.map((r) => pick(r.profile)));
  const cpuOf = (which: string) => median(runs[which]!.map((r) => r.cpu));
  const minimalNames = new Set(runs.minimal!.flatMap((r) => [...r.profile.keys()]));
  const serviceNames = new Set(runs.service!.flatMap((r) => [...r.profile.keys()]));
  const COMMON_JSON = new Set(['json', 'parseEvaluateRequest', 'decodeUTF8', 'decode']);
  const only = [...serviceNames].filter((n) => !minimalNames.has(n) && !COMMON_JSON.has(n));
  const sum = (names: readonly string[]) => (p: Map<string, number>) => names.reduce((a, n) => a + (p.get(n) ?? 0), 0);
  const rows = PARTS.map(([name, test]) => [name, part('service', sum(only.filter((n) => test.test(n))))] as const);
  const rest = only.filter((n) => !PARTS.some(([, t]) => t.test(n)));
  const gc = (p: Map<string, number>) => p.get('(garbage collector)') ?? 0;
  // The minimal server's handler lives in this file (its JSON.parse, toString and stringify run
  // inline there); the load driver does too, in both children alike.
  const here = (p: Map<string, number>) => p.get('(this file)') ?? 0;
  const minimalHandler = part('minimal', here) - part('service', here);
  const s = { cpu: cpuOf('service') };
  const m = { cpu: cpuOf('minimal') };
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const top = only
    .map((n) => [n, part('service', (p) => p.get(n) ?? 0)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12);
  process.stdout.write(
    [
      `\`npx tsx bench/server-profile.ts --seconds ${seconds} --rounds ${rounds}\` — ${date} UTC, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${loadavg().map((x) => x.toFixed(2)).join(' ')} after. ` +
        `CPU per answer over the counted window (process.cpuUsage), median of ${rounds}: service ${s.cpu.toFixed(1)} µs, minimal ${m.cpu.toFixed(1)} µs (${(m.cpu / s.cpu).toFixed(2)}×; no kernel sockets or client in these figures). Profile figures: medians, µs per answer.`,
      '',
      '| part (functions only the service runs) | µs per answer |',
      '|---|---:|',
      ...rows.map(([name, t]) => `| ${name} | ${t.toFixed(2)} |`),
      `| other functions only the service runs | ${part('service', sum(rest)).toFixed(2)} |`,
      `| garbage collection: service, minimal | ${part('service', gc).toFixed(2)}, ${part('minimal', gc).toFixed(2)} |`,
      `| common work: JSON.parse + stringify (service: json, parseEvaluateRequest with its shape checks, strict UTF-8 decode; minimal: its whole handler) | ${part('service', sum([...COMMON_JSON])).toFixed(2)}, ${minimalHandler.toFixed(2)} |`,
      '',
      'Top functions only the service runs (dist/ names): ' + top.map(([n, t]) => `${n.replace('@metrics', ' (metrics)')} ${t.toFixed(2)}`).join(', '),
      '',
    ].join('\n'),
  );
}

await main();
