/**
 * HTTP throughput: `passgate serve` against a minimal node:http server doing the same
 * `checker.evaluate` call (parse JSON, evaluate, stringify), measured in the same run, plus
 * `passgate serve --workers N`.
 *
 * Each server runs in its own child process (tsx, from the sources); this process is the load
 * generator: C keep-alive connections posting a fixed mix of passwords, WARM seconds of warm-up,
 * then DURATION seconds counted. Rounds alternate the servers (minimal, passgate, workers…) so
 * drift in machine load hits each alike; the table shows medians with min–max and the ratio to
 * the minimal server of the same round. Logs of `passgate serve` go to /dev/null (stderr), as
 * the operator's would go to a file or journal.
 *
 *   npx tsx bench/server.ts [--quick] [--rounds N] [--workers N] [--parts] [--dist] [--write]
 *
 * --parts adds the service's own request path with its per-request extras (log line, metrics)
 * toggled one by one (coreServer), to show what the gap to the minimal server is made of.
 *
 * --dist runs both servers from the built package (dist/, as `npx passgate serve` runs) rather
 * than from the sources through tsx, whose keepNames wrapper costs every function the code
 * creates per request (a closure per request costs more under tsx than in the package).
 *
 * --write replaces this bench's table in the "HTTP service" section of bench/RESULTS.md (between
 * its server-ratio markers; without them, the whole section between the server markers).
 * bench/server-overhead.ts measures where the gap comes from, part by part.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generatePasswords } from './mix.js';
import { minimalEvaluateHandler, postLoad, spreadOf } from './http-load.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const CLI = fileURLToPath(new URL('../test/server/fixtures/run-cli.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/passgate.js', import.meta.url));
const DIST = process.argv.includes('--dist');
/** This bench's table inside the service section (bench/server-overhead.ts writes its own block). */
const RATIO_START = '<!-- server-ratio:start -->';
const RATIO_END = '<!-- server-ratio:end -->';
import { SERVER_START as MARK_START, SERVER_END as MARK_END, replaceMarkedBlock } from './kept-sections.js';

// ---------------------------------------------------------------------------------------------
// Child: the minimal reference server
// ---------------------------------------------------------------------------------------------

async function minimalServer(): Promise<void> {
  const { createChecker } = (DIST ? await import(new URL('../dist/index.js', import.meta.url).href) : await import('../src/index.js')) as typeof import('../src/index.js');
  const checker = await createChecker();
  const server = createServer(minimalEvaluateHandler(checker));
  process.on('SIGTERM', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    process.stdout.write(`listening on http://127.0.0.1:${address.port}/\n`);
  });
}

/**
 * The same minimal server as plain JavaScript for plain `node` (--dist only): the tsx loader the
 * row above starts with allocates enough while loading that V8 grows that process's young
 * generation to its 16 MB maximum, where a plain `node` process (like `passgate serve`) keeps
 * 8 MB and collects twice as often under this load (--trace-gc). This row is that peer without the
 * loader; ratios stay relative to the first row.
 */
// http-load.ts minimalEvaluateHandler, as a string for plain node (no TypeScript loader).
const PLAIN_MINIMAL = `
import { createServer } from 'node:http';
const { createChecker } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
const checker = await createChecker();
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const { password } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const body = JSON.stringify(checker.evaluate(password));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
process.on('SIGTERM', () => process.exit(0));
server.listen(0, '127.0.0.1', () => process.stdout.write('listening on http://127.0.0.1:' + server.address().port + '/\\n'));
`;

/**
 * The service's own request path (routing core, request parsing, writeReply) with each of its
 * per-request extras switched on or off, to find what costs: `--log` writes the text log line to
 * stderr (→ /dev/null, as `passgate serve` here), `--metrics` counts in prom-client. Neither:
 * routing and parsing alone. All of them: what `passgate serve` does per request.
 */
async function coreServer(withLog: boolean, withMetrics: boolean): Promise<void> {
  const [{ StateHolder }, { handleNodeRequest }, { createLogger }, { loadServiceMetrics }] = await Promise.all([
    import('../src/server/holder.js'),
    import('../src/server/node-server.js'),
    import('../src/server/logger.js'),
    import('../src/server/metrics.js'),
  ]);
  const metrics = withMetrics ? await loadServiceMetrics(1) : { request() {}, reload() {}, reply: async () => ({ status: 404 }) };
  const logger = createLogger(withLog ? (line) => void process.stderr.write(line + '\n') : () => {});
  const holder = await StateHolder.create({ load: async () => ({}), logger, watchIntervalMs: 0, services: { metrics: () => metrics.reply() } });
  const server = createServer((req, res) => handleNodeRequest(req, res, holder, logger, metrics as never));
  process.on('SIGTERM', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    process.stdout.write(`listening on http://127.0.0.1:${address.port}/\n`);
  });
}

// ---------------------------------------------------------------------------------------------
// Parent: load generation
// ---------------------------------------------------------------------------------------------

interface Target {
  readonly name: string;
  start(): { child: ChildProcess; url: Promise<string> };
}

function spawnChild(args: string[]): { child: ChildProcess; url: Promise<string> } {
  // The minimal server is this file (TypeScript): under --dist it still needs tsx to start, but
  // imports the checker from dist/; the service runs bin/passgate.js with no loader at all.
  const loader = DIST && (args[0] === BIN || args[0] === '--input-type=module') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, ...args, ...(DIST && args[0] === SELF ? ['--dist'] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/[^\s/]+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  return { child, url };
}

const targets = (workers: number, parts: boolean): Target[] => [
  { name: 'minimal node:http + evaluate', start: () => spawnChild([SELF, '--child-minimal']) },
  ...(DIST ? [{ name: 'the same, plain node (no tsx loader)', start: () => spawnChild(['--input-type=module', '-e', PLAIN_MINIMAL]) }] : []),
  // --parts: the service's request path with its extras toggled (coreServer), same rounds.
  ...(parts
    ? [
        { name: 'service path: routing + parsing only', start: () => spawnChild([SELF, '--child-core']) },
        { name: 'service path + log line', start: () => spawnChild([SELF, '--child-core', '--log']) },
        { name: 'service path + metrics', start: () => spawnChild([SELF, '--child-core', '--metrics']) },
        { name: 'service path + log line + metrics', start: () => spawnChild([SELF, '--child-core', '--log', '--metrics']) },
      ]
    : []),
  { name: 'passgate serve', start: () => spawnChild([DIST ? BIN : CLI, 'serve', '--port', '0', '--no-watch']) },
  ...(workers > 1 ? [{ name: `passgate serve --workers ${workers}`, start: () => spawnChild([DIST ? BIN : CLI, 'serve', '--port', '0', '--no-watch', '--workers', String(workers)]) }] : []),
];

/** Posts the mix over `connections` keep-alive sockets for `ms`; resolves the answers counted. */
const load = (url: string, bodies: string[], connections: number, ms: number) => postLoad(url, bodies, connections, ms);

/**
 * CPU seconds (user + system) a server process and its children (cluster workers) have used, from
 * /proc. On a shared, loaded machine wall-clock rates swing with the neighbours; the CPU a
 * server spends per answer does not, and it is what bounds throughput once the cores are busy.
 */
function cpuSeconds(pid: number): number {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return 0;
  const text = readFileSync(stat, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  let ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  const children = `/proc/${pid}/task/${pid}/children`;
  if (existsSync(children)) for (const c of readFileSync(children, 'utf8').trim().split(/\s+/).filter(Boolean)) ticks += cpuSeconds(Number(c)) * 100;
  return ticks / 100; // USER_HZ
}

interface Row {
  name: string;
  rates: number[];
  ratios: number[];
  /** Server CPU µs per answer. */
  cpu: number[];
  /** Minimal's CPU per answer over this one's, same round: the throughput ratio at saturation. */
  cpuRatios: number[];
}

const fmt = spreadOf;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--child-minimal')) return minimalServer();
  if (args.includes('--child-core')) return coreServer(args.includes('--log'), args.includes('--metrics'));
  const quick = args.includes('--quick');
  const wi = args.indexOf('--workers');
  const workers = wi >= 0 ? Number(args[wi + 1]) : 2;
  const ri = args.indexOf('--rounds');
  const rounds = ri >= 0 ? Number(args[ri + 1]) : quick ? 2 : 5;
  const warmMs = quick ? 1000 : 3000;
  const runMs = quick ? 2000 : 5000;
  const connections = 32;
  const bodies = generatePasswords(2_000, 20261204).map((password) => JSON.stringify({ password }));

  const list = targets(workers, args.includes('--parts'));
  const rows: Row[] = list.map((t) => ({ name: t.name, rates: [], ratios: [], cpu: [], cpuRatios: [] }));
  const loadBefore = loadavg();
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? list.map((_, i) => i) : list.map((_, i) => i).reverse();
    const rates = new Array<number>(list.length);
    const cpu = new Array<number>(list.length);
    for (const i of order) {
      const { child, url } = list[i]!.start();
      try {
        const u = await url;
        await load(u, bodies, connections, warmMs);
        const cpuBefore = cpuSeconds(child.pid!);
        const { count, errors } = await load(u, bodies, connections, runMs);
        const cpuUsed = cpuSeconds(child.pid!) - cpuBefore;
        if (errors > 0) throw new Error(`${list[i]!.name}: ${errors} failed requests`);
        rates[i] = count / (runMs / 1000);
        cpu[i] = (cpuUsed * 1e6) / count;
      } finally {
        // (A child that failed to start has exited already: waiting for its exit would hang.)
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await new Promise((r) => child.once('exit', r));
        }
      }
      process.stderr.write(`round ${round + 1}/${rounds} ${list[i]!.name}: ${rates[i]!.toFixed(0)}/s, ${cpu[i]!.toFixed(0)} µs CPU/answer\n`);
    }
    rows.forEach((row, i) => {
      row.rates.push(rates[i]!);
      row.ratios.push(rates[i]! / rates[0]!);
      row.cpu.push(cpu[i]!);
      row.cpuRatios.push(cpu[0]! / cpu[i]!);
    });
  }
  const loadAfter = loadavg();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const table = [
    RATIO_START,
    `\`npx tsx bench/server.ts${args.filter((a) => a !== '--write').map((a) => ' ' + a).join('')}\` — ${date} UTC, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ` +
      `${loadAfter.map((x) => x.toFixed(2)).join(' ')} after. Each server in its own process, default profile and data (1M filter), ` +
      `${DIST ? 'both from the built package (dist/)' : 'both from the sources (tsx)'}; ` +
      `the load generator (this process, same machine) keeps ${connections} keep-alive connections posting a fixed mix of 2,000 passwords ` +
      `(bench/mix.ts); ${warmMs / 1000} s warm-up, ${runMs / 1000} s counted, ${rounds} rounds alternating the order. Median (min–max); ` +
      'ratios are to the minimal server of the same round. The client shares the cores, so requests/s are not capacity. ' +
      '"CPU/answer" is the server processes\' user+system CPU (from /proc, workers included) per answer: on a shared machine ' +
      'it is steadier than wall-clock rates, and its inverse ratio is the throughput ratio once the cores are saturated.',
    '',
    '| server | requests/s | ratio to minimal by requests/s | CPU µs/answer | ratio to minimal by CPU/answer |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${fmt(r.rates)} | ${fmt(r.ratios, 2)} | ${fmt(r.cpu)} | ${fmt(r.cpuRatios, 2)} |`),
    RATIO_END,
  ].join('\n');
  process.stdout.write(table + '\n');
  if (args.includes('--write')) {
    const path = fileURLToPath(new URL('RESULTS.md', import.meta.url));
    const text = readFileSync(path, 'utf8');
    // No table yet: a new section holding it.
    const newSection = (t: string) => {
      const md = [MARK_START, '## HTTP service: `passgate serve` vs a minimal node:http server doing the same evaluate', '', table, MARK_END].join('\n');
      return replaceMarkedBlock(t, MARK_START, MARK_END, md);
    };
    writeFileSync(path, replaceMarkedBlock(text, RATIO_START, RATIO_END, table, newSection));
    process.stderr.write('wrote bench/RESULTS.md (HTTP service table)\n');
  }
}

await main();
