// The README's Next.js recipe (output: 'standalone'), as a user deploys it: the packed package
// installed from its tarball with next, react and react-dom at the app's root
// (test/fixtures/bundlers/next/), `next build --webpack`, the standalone server started on
// 127.0.0.1 and the page opened in Debian's Chromium. The page judges with the light tier's
// files webpack emitted; the server's route (the Node entry) judges with node_modules/passgate/data,
// which the standalone output must carry (it answered 500 before the recipe). Without a data
// file, both fail closed.
//
// Slow (an install of next and a production build: ~4 min on a loaded 2-core machine), so it
// runs in CI and with PASSGATE_TEST_NEXT=1; a plain `npm test` on a developer machine skips it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT, ensureBuilt } from '../browser/ensure-built.js';

const CHROMIUM = '/usr/bin/chromium';
const FIXTURES = `${ROOT}test/fixtures/bundlers/`;
const wanted = Boolean(process.env.CI || process.env.PASSGATE_TEST_NEXT);
const skip = !wanted || (!existsSync(CHROMIUM) && !process.env.CI);
if (!wanted) console.warn('test/bundlers/next: skipped (slow); runs in CI and with PASSGATE_TEST_NEXT=1');
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };

function run(cmd: string, args: string[], cwd: string, timeout: number): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: ENV });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} in ${cwd} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as { port: number }).port;
      probe.close(() => resolve(p));
    });
  });
}

describe.skipIf(skip)('Next.js standalone recipe (README "Bundlers") in headless Chromium', () => {
  let app: string;
  let standalone: string;
  let browser: Browser;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    ensureBuilt();
    app = mkdtempSync(join(tmpdir(), 'passgate-next-'));
    const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const tarball = (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename;
    // The app at the root of its install, as users lay it out (outputFileTracingIncludes is
    // relative to it); the shared page script next to app/.
    cpSync(join(FIXTURES, 'next'), app, { recursive: true });
    cpSync(join(FIXTURES, 'shared', 'show.js'), join(app, 'show.js'));
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    pkg.dependencies.passgate = `file:./${tarball}`;
    writeFileSync(join(app, 'package.json'), JSON.stringify(pkg));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app, 480_000);
    run('npm', ['run', 'build', '--silent'], app, 600_000);
    // The standalone deployment: static assets copied in, as Next's documentation says.
    standalone = join(app, '.next', 'standalone');
    cpSync(join(app, '.next', 'static'), join(standalone, '.next', 'static'), { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  }, 1_200_000);

  afterAll(async () => {
    server?.kill('SIGTERM');
    await browser?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  }, 120_000);

  /** Starts the standalone server (only the copied output: the app folder's node_modules is not used). */
  async function start(): Promise<string> {
    server?.kill('SIGTERM');
    const port = await freePort();
    const child = spawn(process.execPath, ['server.js'], { cwd: standalone, stdio: ['ignore', 'pipe', 'pipe'], env: { ...ENV, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_PATH: '' } });
    server = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`next standalone did not start:\n${output}`)), 60_000);
      const onData = (b: Buffer) => {
        output += b.toString();
        if (/Ready|ready/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => reject(new Error(`next standalone exited (${code}):\n${output}`)));
    });
    return `http://127.0.0.1:${port}/`;
  }

  const check = async (base: string, password: string) => {
    const res = await fetch(new URL('api/check', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
    return { status: res.status, body: (await res.json()) as { accepted?: boolean; error?: string } };
  };

  async function open(base: string) {
    const page = await browser.newPage();
    await page.goto(base);
    await page.waitForSelector('#verdict:not([data-state="loading"])', { timeout: 60_000 });
    const shown = await page.evaluate(() => ({ ...document.getElementById('verdict')!.dataset }));
    await page.close();
    return shown;
  }

  it('the server route fails closed without its data, then judges with it; the page judges with the light tier', async () => {
    const data = join(standalone, 'node_modules', 'passgate', 'data');
    expect(readdirSync(data)).toEqual(expect.arrayContaining(['global-banned.txt', 'breached-1m.pgf', 'model-chars.bin']));
    // Without the global list: a 503 naming a DataError, never a verdict.
    renameSync(join(data, 'global-banned.txt'), join(app, 'global-banned.txt.away'));
    let base = await start();
    expect(await check(base, 'Password1')).toEqual({ status: 503, body: { error: 'DataError' } });
    renameSync(join(app, 'global-banned.txt.away'), join(data, 'global-banned.txt'));

    base = await start();
    expect(await check(base, 'Password1')).toEqual({ status: 200, body: { accepted: false } });
    expect(await check(base, 'vortex-marmalade-quilting-87-Ostrich')).toEqual({ status: 200, body: { accepted: true } });
    expect(await open(base)).toMatchObject({ state: 'ready', weak: 'rejected', strong: 'accepted' });

    // The page without one of its emitted files: a DataError, no verdict.
    const media = join(standalone, '.next', 'static', 'media');
    const names = readdirSync(media).find((f) => f.startsWith('names.light'));
    expect(names).toBeDefined();
    renameSync(join(media, names!), join(app, names!));
    const missing = await open(base);
    expect(missing).toMatchObject({ state: 'failed', error: 'DataError' });
    expect(missing.weak).toBeUndefined();
  }, 300_000);
});
