/**
 * Issue 20, item 9: `serve --workers N` keeps serving however often workers die. Dead workers are
 * restarted with a doubling, capped delay; each death is logged as an error; /healthz says
 * `degraded` while fewer than N serve, and /metrics counts deaths and restarts.
 */
import { afterEach, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RESTART_BACKOFF, restartDelay } from '../../src/cli/serve-workers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNER = fileURLToPath(new URL('./fixtures/run-cli.ts', import.meta.url));

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  for (const pid of child?.pid ? childrenOf(child.pid) : []) process.kill(pid, 'SIGKILL');
});

/** The worker processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      // Workers only (they run the same script); a helper process the primary may have is not one.
      if (ppid === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('run-cli.ts')) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function until<T>(get: () => T | null | undefined | false | Promise<T | null | undefined | false>, what: string, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

it('the restart delay doubles from 250 ms and stops at 10 s', () => {
  expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map(restartDelay)).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  expect(RESTART_BACKOFF.maxMs).toBe(10_000);
});

it('keeps serving through six worker deaths in a few seconds, logs each as an error, and reports them', async () => {
  child = spawn(process.execPath, ['--import', 'tsx', RUNNER, 'serve', '--port', '0', '--workers', '2', '--no-breached', '--no-watch', '--log-format', 'json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const primary = child;
  let out = '';
  let err = '';
  primary.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  primary.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) => primary.on('exit', (code) => r(code)));
  const url = await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+\/) \(2 workers\)/.exec(out)?.[1], 'the URL');
  const healthz = async () => {
    try {
      return (await (await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(2000) })).json()) as { status: string; workers?: { expected: number; alive: number; deaths: number; restarts: number } };
    } catch {
      return null; // both workers down for a moment
    }
  };
  await until(async () => (await healthz())?.workers?.alive === 2, 'both workers in /healthz');

  // Six deaths within seconds — both workers killed three times over: the old rule (more than
  // 5 in 30 s) stopped the service for good.
  for (let round = 0; round < 3; round++) {
    const workers = await until(() => childrenOf(primary.pid!).length === 2 && childrenOf(primary.pid!), 'two live workers');
    for (const pid of workers) process.kill(pid, 'SIGKILL');
    await until(async () => (await healthz())?.workers, 'a worker serving again', 90_000);
  }
  expect(primary.exitCode).toBeNull();

  // Back to two workers once the delays (doubling: the sixth waits 8 s) have passed; on the way,
  // /healthz says degraded while only one serves. The counts reach every worker.
  let sawDegraded = false;
  const healed = await until(async () => {
    const h = await healthz();
    if (h?.status === 'degraded' && h.workers!.alive < 2) sawDegraded = true;
    return h?.workers?.alive === 2 && h.workers.restarts === 6 && h;
  }, 'both workers back', 90_000);
  expect(sawDegraded).toBe(true);
  expect(healed.status).toBe('ok');
  expect(healed.workers).toMatchObject({ expected: 2, alive: 2, deaths: 6, restarts: 6 });
  const metrics = await (await fetch(new URL('metrics', url))).text();
  expect(metrics).toMatch(/^passgate_worker_deaths_total 6$/m);
  expect(metrics).toMatch(/^passgate_worker_restarts_total 6$/m);
  expect(metrics).toMatch(/^passgate_workers_alive 2$/m);
  expect(metrics).toMatch(/^passgate_workers_expected 2$/m);
  const r = await fetch(new URL('v1/evaluate', url), { method: 'POST', body: JSON.stringify({ password: 'Winter2020!' }) });
  expect(r.status).toBe(200);

  const deaths = err.split('\n').filter((l) => l.includes('a worker died'));
  expect(deaths).toHaveLength(6);
  for (const line of deaths) expect(JSON.parse(line)).toMatchObject({ level: 'error' });

  primary.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 300_000);
