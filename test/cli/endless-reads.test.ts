/**
 * Issue 20, item 4: no path a user gives is read without bound. /dev/zero (or a link to it), a
 * FIFO, a directory where a file belongs — as --breached, --custom, --config, audit's FILE or an
 * XXXXX.txt inside a build directory — is refused, naming the path and what it is. Each command
 * runs as a real process with a deadline, so a regression fails (reported as "hung") instead of
 * hanging the suite or filling the test worker's memory.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNER = fileURLToPath(new URL('../server/fixtures/run-cli.ts', import.meta.url));
/** Long enough for a loaded 2-core machine to start the CLI; a read of /dev/zero never ends. */
const DEADLINE_MS = 40_000;

interface Proc {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** The exit code, or 'hung' if the deadline passed first (the process is then killed). */
  exit: Promise<number | 'hung'>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function run(args: string[], deadlineMs = DEADLINE_MS): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | 'hung'>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('hung');
    }, deadlineMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function until<T>(get: () => T | null | undefined | false, what: string, ms = DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let dir: string;
let fifo: string;
let zeroLink: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'passgate-endless-'));
  fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  zeroLink = join(dir, 'zero-link');
  symlinkSync('/dev/zero', zeroLink);
  mkdirSync(join(dir, 'a-directory.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T = DEADLINE_MS + 10_000;

describe('every user-given path is a regular file, read with a bound (exit 2, the path and its kind named)', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['serve --breached /dev/zero', () => ['serve', '--port', '0', '--no-watch', '--breached', '/dev/zero'], /\/dev\/zero.*character device/],
    ['serve --breached <link to /dev/zero>', () => ['serve', '--port', '0', '--no-watch', '--breached', zeroLink], /zero-link.*character device/],
    ['serve --breached <FIFO>', () => ['serve', '--port', '0', '--no-watch', '--breached', fifo], /fifo.*FIFO/],
    ['serve --custom <link to /dev/zero>', () => ['serve', '--port', '0', '--no-watch', '--no-breached', '--custom', zeroLink], /zero-link.*character device/],
    ['serve --global <FIFO>', () => ['serve', '--port', '0', '--no-watch', '--no-breached', '--global', fifo], /fifo.*FIFO/],
    ['serve --config <FIFO>', () => ['serve', '--port', '0', '--no-watch', '--config', fifo], /fifo.*FIFO/],
    ['serve --config /dev/zero', () => ['serve', '--port', '0', '--no-watch', '--config', '/dev/zero'], /\/dev\/zero.*character device/],
    ['check --custom /dev/zero', () => ['check', '--no-breached', '--custom', '/dev/zero', 'Winter2020!'], /\/dev\/zero.*character device/],
    ['check --global <FIFO>', () => ['check', '--no-breached', '--global', fifo, 'Winter2020!'], /fifo.*FIFO/],
    ['check --breached <FIFO>', () => ['check', '--breached', fifo, 'Winter2020!'], /fifo.*FIFO/],
    ['audit /dev/zero', () => ['audit', '--no-breached', '/dev/zero'], /\/dev\/zero.*character device/],
    ['audit <FIFO>', () => ['audit', '--no-breached', fifo], /fifo.*FIFO/],
    ['audit <link to /dev/zero>', () => ['audit', '--no-breached', zeroLink], /zero-link.*character device/],
  ];
  it.each(cases)('%s', async (_name, args, named) => {
    const p = run(args());
    expect(await p.exit).toBe(2);
    expect(p.stderr()).toMatch(named);
    expect(p.stderr()).not.toMatch(/\bat .*\.ts:\d+/); // one line, no stack trace
  }, T);
});

describe('build: an XXXXX.txt that is not a regular file is an error naming it', () => {
  const entries: [string, (path: string) => void, RegExp][] = [
    ['a FIFO', (p) => execFileSync('mkfifo', [p]), /00001\.txt in .*: not a regular file \(a FIFO\)/],
    ['a link to /dev/zero', (p) => symlinkSync('/dev/zero', p), /00001\.txt in .*: not a regular file \(a character device\)/],
    ['a directory', (p) => mkdirSync(p), /00001\.txt in .*: is a directory/],
  ];
  it.each(entries)('%s', async (kind, make, named) => {
    const input = mkdtempSync(join(dir, 'prefix-'));
    writeFileSync(join(input, '00000.txt'), '0005AD76BD555C1D6D771DE417A4B87E4B4:3\n');
    make(join(input, '00001.txt'));
    const p = run(['build', '--input', input, '--output', join(dir, `out-${kind.length}.pgf`), '--threads', '1']);
    const code = await p.exit;
    expect(code).not.toBe('hung');
    expect(code).not.toBe(0);
    expect(p.stderr()).toMatch(named);
    expect(p.stderr()).not.toContain('EISDIR');
  }, T);
});

it('a running server whose filter becomes a link to /dev/zero fails the reload, says so in /healthz, and still stops on SIGTERM', async () => {
  const filter = join(dir, 'filter.pgf');
  copyFileSync(join(ROOT, 'data', 'breached-100k.pgf'), filter);
  const link = join(dir, 'watched.pgf');
  symlinkSync(filter, link);
  const p = run(['serve', '--port', '0', '--breached', link, '--no-watch']);
  const url = await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(p.stdout())?.[1], 'the URL');
  const health = async () => (await (await fetch(new URL('healthz', url))).json()) as { status: string; lastReload?: { reason: string } };
  expect((await health()).status).toBe('ok');

  symlinkSync('/dev/zero', link + '.new');
  renameSync(link + '.new', link); // the swap, atomic as deploy tools do it
  p.child.kill('SIGHUP');
  await until(() => p.stderr().includes('reload failed'), 'the failed reload');
  const h = await health();
  expect(h.status).toBe('degraded');
  expect(h.lastReload?.reason).toMatch(/watched\.pgf.*character device/);
  // The old generation still judges.
  const r = await fetch(new URL('v1/evaluate', url), { method: 'POST', body: JSON.stringify({ password: 'Winter2020!' }) });
  expect(r.status).toBe(200);

  // A second swap while nothing reads forever: the next reload is not queued behind a stuck one.
  renameSync(filter, link);
  p.child.kill('SIGHUP');
  await until(() => p.stderr().includes('reloaded (SIGHUP): generation 2'), 'the good reload');
  expect((await health()).status).toBe('ok');

  p.child.kill('SIGTERM');
  expect(await p.exit).toBe(0);
}, 3 * T);
