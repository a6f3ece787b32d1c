import { afterEach, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawExchange, rawStatus } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNER = fileURLToPath(new URL('./fixtures/run-cli.ts', import.meta.url));

interface Proc {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

const running: Proc[] = [];
afterEach(() => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});

function run(args: string[]): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const p = { child, stdout: () => out, stderr: () => err, exit };
  running.push(p);
  return p;
}

async function until<T>(get: () => T | null | undefined, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const SECRET = 'Korvath#9x';

it('serves on an ephemeral port, reloads on SIGHUP, stops cleanly on SIGTERM, logs no password', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'passgate-cli-'));
  const terms = join(dir, 'custom.txt');
  writeFileSync(terms, 'zzzzqqqq\n');
  const p = run(['serve', '--port', '0', '--profile', 'entra', '--custom', terms, '--no-watch']);
  const url = await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(p.stdout())?.[1], 'the URL');
  const judge = async () =>
    (await (await fetch(new URL('v1/evaluate', url), { method: 'POST', body: JSON.stringify({ password: SECRET }) })).json()).accepted;
  expect(await judge()).toBe(true);

  writeFileSync(terms + '.tmp', 'korvath\n');
  renameSync(terms + '.tmp', terms);
  p.child.kill('SIGHUP');
  await until(() => p.stderr().includes('reloaded (SIGHUP): generation 2'), 'the reload');
  expect(await judge()).toBe(false);
  await fetch(new URL('v1/evaluate', url), { method: 'POST', body: `{"password":"${SECRET}` }); // malformed

  p.child.kill('SIGTERM');
  expect(await p.exit).toBe(0);
  expect(p.stderr()).toMatch(/SIGTERM, shutting down\npassgate serve: stopped\n$/);
  expect(p.stderr()).toMatch(/POST \/v1\/evaluate 400 /);
  expect(p.stdout() + p.stderr()).not.toContain(SECRET);
});

it('survives request targets that are no URL, and never prints them (issue 10, item 1)', async () => {
  const p = run(['serve', '--port', '0', '--no-watch', '--no-breached']);
  const url = await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(p.stdout())?.[1], 'the URL');
  for (const target of ['http://[Canary-x', '//[Canary', 'http://Canary:99999/', 'http://']) {
    const answer = await rawExchange(url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(rawStatus(answer), target).toBe(400);
  }
  expect((await fetch(new URL('healthz', url))).status).toBe(200);
  expect(p.child.exitCode).toBeNull();
  p.child.kill('SIGTERM');
  expect(await p.exit).toBe(0);
  expect(p.stdout() + p.stderr()).not.toContain('Canary');
});

it('takes --log-format json and --cors-origin', async () => {
  const p = run(['serve', '--port', '0', '--no-watch', '--no-breached', '--log-format', 'json', '--cors-origin', 'https://reset.example.com']);
  const url = await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(p.stdout())?.[1], 'the URL');
  const res = await fetch(new URL('v1/evaluate', url), { method: 'POST', body: JSON.stringify({ password: SECRET }), headers: { origin: 'https://reset.example.com' } });
  expect(res.headers.get('access-control-allow-origin')).toBe('https://reset.example.com');
  await until(() => p.stderr().includes('"route":"/v1/evaluate"'), 'the log line');
  p.child.kill('SIGTERM');
  expect(await p.exit).toBe(0);
  const lines = p.stderr().trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.find((l) => l.msg === 'request')).toMatchObject({ method: 'POST', route: '/v1/evaluate', status: 200 });
  expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'stopped' });
  expect(p.stderr()).not.toContain(SECRET);
  const bad = run(['serve', '--log-format', 'xml']);
  expect(await bad.exit).toBe(2);
  expect(bad.stderr()).toMatch(/--log-format must be text or json/);
});

it('runs --workers 2 on one port, forwards SIGHUP to every worker, and stops them all on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'passgate-cli-'));
  const terms = join(dir, 'custom.txt');
  writeFileSync(terms, 'zzzzqqqq\n');
  const p = run(['serve', '--port', '0', '--profile', 'entra', '--custom', terms, '--no-watch', '--workers', '2']);
  const url = await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+\/) \(2 workers\)/.exec(p.stdout())?.[1], 'the URL', 40_000);
  expect(p.stdout().match(/listening on/g)).toHaveLength(1);
  const judge = async () =>
    (await (await fetch(new URL('v1/evaluate', url), { method: 'POST', body: JSON.stringify({ password: SECRET }) })).json()).accepted;
  for (let i = 0; i < 6; i++) expect(await judge()).toBe(true);
  writeFileSync(terms + '.tmp', 'korvath\n');
  renameSync(terms + '.tmp', terms);
  p.child.kill('SIGHUP');
  await until(() => (p.stderr().match(/reloaded \(SIGHUP\): generation 2/g)?.length ?? 0) >= 2, 'both reloads');
  for (let i = 0; i < 6; i++) expect(await judge()).toBe(false);
  p.child.kill('SIGTERM');
  expect(await p.exit).toBe(0);
  expect(p.stderr().match(/passgate serve: stopped/g)).toHaveLength(2);
  expect(p.stdout() + p.stderr()).not.toContain(SECRET);

  const bad = run(['serve', '--port', '0', '--workers', '2', '--custom', join(dir, 'missing.txt')]);
  expect(await bad.exit).toBe(2);
  expect(bad.stderr()).toMatch(/custom terms file '.*missing\.txt': cannot read it \(ENOENT\)/);
}, 90_000);

it('refuses a bad configuration with exit code 2 and a clear message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'passgate-cli-'));
  const config = join(dir, 'passgate.json');
  writeFileSync(config, JSON.stringify({ profile: 'entra', limits: { maxBodyBytes: 'big' } }));
  const bad = run(['serve', '--port', '0', '--config', config]);
  expect(await bad.exit).toBe(2);
  expect(bad.stderr()).toMatch(/passgate serve: config file '.*passgate\.json': 'limits.maxBodyBytes' must be a whole number/);

  const flag = run(['serve', '--port', 'eighty']);
  expect(await flag.exit).toBe(2);
  expect(flag.stderr()).toMatch(/--port must be a whole number/);

  const custom = run(['serve', '--port', '0', '--custom', join(dir, 'missing.txt')]);
  expect(await custom.exit).toBe(2);
  expect(custom.stderr()).toMatch(/custom terms file '.*missing\.txt': cannot read it \(ENOENT\)/);
});

it('prints its help', async () => {
  const p = run(['serve', '--help']);
  expect(await p.exit).toBe(0);
  expect(p.stdout()).toMatch(/Usage: passgate serve \[--port N\] \[--host H\] \[--config FILE\]/);
});
