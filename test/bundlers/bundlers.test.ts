// The README's bundler recipes, as a user runs them: the packed package installed from its
// tarball next to Vite, webpack and esbuild (test/fixtures/bundlers/), each app built, served on
// 127.0.0.1 and opened in Debian's Chromium. Each must judge with the light tier's files its
// bundler emitted, and show a failure — never a verdict — when one of them is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT, ensureBuilt } from '../browser/ensure-built.js';

const CHROMIUM = '/usr/bin/chromium';
const FIXTURES = `${ROOT}test/fixtures/bundlers/`;
// Only a developer machine without Chromium may skip; CI installs it (.ci/run) and must run this.
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.warn(`test/bundlers: skipped — ${CHROMIUM} is missing (apt-get install -y chromium); CI never skips`);

const LIGHT_FILES = ['manifest', 'global-banned', 'common-passwords.light', 'dictionary-en.light', 'dictionary-other.light', 'names.light', 'breached-light'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };

/** A static host for a build's output folder: 404 for anything not in it. */
function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server })));
}

function run(cmd: string, args: string[], cwd: string, timeout = 300_000): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} in ${cwd} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout}\n${r.stderr}`;
}

describe.skipIf(skip)('bundler recipes (README "Bundlers") in headless Chromium', () => {
  let work: string;
  let browser: Browser;
  const children: ChildProcess[] = [];
  const servers: Server[] = [];

  beforeAll(async () => {
    ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'passgate-bundlers-'));
    // --ignore-scripts: the global setup built dist/ and data/ already; `prepack` would rebuild.
    const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const packed = JSON.parse(pack.stdout) as { filename: string }[];
    cpSync(FIXTURES, work, { recursive: true });
    // One install for the three apps (their own package.json files name what each needs): the
    // tarball, as a user installs it, and the bundlers, from the npm cache when it has them.
    const deps: Record<string, string> = { passgate: `file:./${packed[0]!.filename}` };
    for (const app of ['vite', 'webpack', 'esbuild']) Object.assign(deps, JSON.parse(readFileSync(join(work, app, 'package.json'), 'utf8')).devDependencies);
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'passgate-bundler-fixtures', private: true, type: 'module', dependencies: deps }));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], work, 480_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    for (const c of children) c.kill('SIGTERM');
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  /** Opens the app and reads what it shows once it has settled, with the data URLs it fetched. */
  async function open(url: string) {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(url);
    await page.waitForSelector('#verdict:not([data-state="loading"])', { timeout: 60_000 });
    const shown = await page.evaluate(() => ({ ...document.getElementById('verdict')!.dataset }));
    await page.close();
    return { shown, fetched };
  }

  async function serveBuild(dir: string) {
    const { url, server } = await serve(dir);
    servers.push(server);
    return url;
  }

  /** Moves the emitted names list away: the app must refuse to judge. */
  function dropNames(dir: string): void {
    const file = readdirSync(dir).find((f) => f.startsWith('names.light'));
    expect(file, `the build emitted no names.light file in ${dir}`).toBeDefined();
    renameSync(join(dir, file!), join(work, `dropped-${file}`));
  }

  const builds = [
    { app: 'esbuild', build: ['node', ['build.mjs']], out: 'dist', assets: 'dist' },
    { app: 'webpack', build: ['npm', ['run', 'build', '--silent']], out: 'dist', assets: 'dist' },
    { app: 'vite', build: [join('..', 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn']], out: 'dist', assets: 'dist/assets' },
  ] as const;

  it.each(builds)('$app: the built app judges with the light tier, and fails closed without a data file', async ({ app, build, out, assets }) => {
    const cwd = join(work, app);
    const log = run(build[0], [...build[1]], cwd);
    // No bundler warns about passgate (Vite warned about new URL('../data/') on every build).
    expect(log).not.toMatch(/new URL|import\.meta\.url|doesn't exist at build time/);
    const url = await serveBuild(join(cwd, out));
    const { shown, fetched } = await open(url);
    expect(shown).toMatchObject({ state: 'ready', weak: 'rejected', strong: 'accepted' });
    // The light tier's files (Vite inlines the tiny empty list as a data: URL), and nothing else.
    const dataFetched = fetched.filter((p) => /\.(txt|pgf|bin|json)$/.test(p)).map((p) => p.split('/').pop()!);
    const tierFile = (name: string) => LIGHT_FILES.find((f) => name.startsWith(`${f}-`));
    expect(dataFetched.filter((name) => !tierFile(name))).toEqual([]);
    expect(new Set(dataFetched.map(tierFile))).toEqual(new Set(LIGHT_FILES.filter((f) => !(app === 'vite' && f === 'dictionary-other.light'))));

    dropNames(join(cwd, assets));
    const missing = await open(url);
    expect(missing.shown).toMatchObject({ state: 'failed', error: 'DataError' });
    expect(missing.shown.weak).toBeUndefined();
    expect(missing.shown.strong).toBeUndefined();
  }, 300_000);

  it('vite dev: the same app served by the dev server judges with the light tier', async () => {
    const cwd = join(work, 'vite');
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const dev = spawn(join('..', 'node_modules', '.bin', 'vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    children.push(dev);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vite dev did not start:\n${output}`)), 120_000);
      const onData = (b: Buffer) => {
        output += b.toString();
        if (output.includes(`${port}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      dev.stdout!.on('data', onData);
      dev.stderr!.on('data', onData);
      dev.on('exit', (code) => reject(new Error(`vite dev exited (${code}):\n${output}`)));
    });
    const { shown, fetched } = await open(`http://127.0.0.1:${port}/`);
    expect(shown).toMatchObject({ state: 'ready', weak: 'rejected', strong: 'accepted' });
    expect(fetched.some((p) => p.endsWith('names.light.txt'))).toBe(true);
    expect(output).not.toMatch(/new URL|doesn't exist at build time/);
    dev.kill('SIGTERM');
  }, 300_000);
});
