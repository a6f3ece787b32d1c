/**
 * CPU an `Accept-Language` header costs a `POST /v1/evaluate` (issue 20 item 8): the fetch
 * handler (in process) and `passgate serve` (node:http, 16 KiB header limit) answering the same
 * body with a normal header, a 16 KB one and, for the fetch handler, a 1 MB one. Reports CPU ms
 * per request (this process's CPU for the handler; the server child's for the node server) and
 * the ratio to the normal header.
 *
 *   npx tsx bench/header-cost.ts [--reps N]
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createChecker } from '../src/index.js';
import { createHandler } from '../src/fetch.js';

const reps = Number(process.argv.find((a) => a.startsWith('--reps='))?.slice(7) ?? 40);
const body = JSON.stringify({ password: 'Winter2020!' });
// Many distinct language ranges with q-values: what a hostile client would send.
const header = (bytes: number): string => {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const p = `x${(i % 26 + 10).toString(36)}-${i.toString(36)};q=0.${(i % 9) + 1}`;
    parts.push(p);
    n += p.length + 2;
  }
  return parts.join(', ').slice(0, bytes);
};
const HEADERS: [string, string][] = [
  ['normal (23 B)', 'fr-CH, fr;q=0.9, en;q=0.8'],
  ['16 KB', header(16_000)],
  ['1 MB', header(1_000_000)],
];

const cpuMs = (f: () => NodeJS.CpuUsage) => {
  const u = f();
  return (u.user + u.system) / 1000;
};

async function fetchHandler(): Promise<void> {
  const handler = createHandler(await createChecker({ profile: 'entra', breached: false }));
  const call = (lang: string) =>
    handler(new Request('http://passgate.test/v1/evaluate', { method: 'POST', body, headers: { 'content-type': 'application/json', 'accept-language': lang } })).then((r) => r.text());
  for (let i = 0; i < 20; i++) await call(HEADERS[0]![1]);
  let normal = 0;
  for (const [name, lang] of HEADERS) {
    const n = lang.length > 100_000 ? Math.max(3, Math.floor(reps / 10)) : reps;
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) await call(lang);
    const per = cpuMs(() => process.cpuUsage(start)) / n;
    if (!normal) normal = per;
    console.log(`fetch handler  ${name.padEnd(14)} ${per.toFixed(3)} ms CPU/request  ${(per / normal).toFixed(2)}×`);
  }
  // What building the Request alone costs (the runtime's header validation, before the handler).
  const big = HEADERS[2]![1];
  const start = process.cpuUsage();
  const n = Math.max(3, Math.floor(reps / 10));
  for (let i = 0; i < n; i++) new Request('http://passgate.test/v1/evaluate', { method: 'POST', body, headers: { 'accept-language': big } });
  console.log(`(new Request() alone with the 1 MB header: ${(cpuMs(() => process.cpuUsage(start)) / n).toFixed(3)} ms CPU)`);
}

async function nodeServer(): Promise<void> {
  const cli = fileURLToPath(new URL('../test/server/fixtures/run-cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--port', '0', '--host', '127.0.0.1', '--profile', 'entra', '--no-breached'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const look = (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve(m[0]);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  const childCpu = async (): Promise<number> => {
    // /proc/PID/stat fields 14 and 15: utime and stime in clock ticks (100 Hz).
    const { readFileSync } = await import('node:fs');
    const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  };
  const post = (lang: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${url}/v1/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  for (let i = 0; i < 50; i++) await post(HEADERS[0]![1]);
  let normal = 0;
  for (const [name, lang] of HEADERS.slice(0, 2)) {
    const n = reps * 10; // ticks are 10 ms: many requests per reading
    const start = await childCpu();
    for (let i = 0; i < n; i++) if ((await post(lang)) !== 200) throw new Error('not 200');
    const per = ((await childCpu()) - start) / n;
    if (!normal) normal = per;
    console.log(`node server    ${name.padEnd(14)} ${per.toFixed(3)} ms CPU/request  ${(per / normal).toFixed(2)}×`);
  }
  child.kill();
}

console.log(`${new Date().toISOString()}, ${cpus()[0]?.model} × ${cpus().length}, load average ${loadavg()[0]!.toFixed(2)}, Node ${process.version}`);
await fetchHandler();
await nodeServer();
