// The npm package as a consumer receives it: `npm pack` of the built checkout, checked with the
// ecosystem's own linters (installed as devDependencies, so this runs offline after `npm ci`).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/ensure-built.js';

interface PackResult {
  filename: string;
  files: { path: string; size: number }[];
}

const dir = mkdtempSync(join(tmpdir(), 'passgate-pack-'));
let pack: PackResult;
let tarball: string;

beforeAll(() => {
  // --ignore-scripts: the global setup built dist/ and data/ already; `prepack` would rebuild.
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  pack = (JSON.parse(out) as PackResult[])[0]!;
  tarball = join(dir, pack.filename);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const paths = () => pack.files.map((f) => f.path);

describe('the packed package', () => {
  it('ships the built dist/ and data/ and the CLI, and nothing of the sources or tests', () => {
    const files = paths();
    for (const f of ['bin/passgate.js', 'data/manifest.json', 'data/breached-1m.pgf', 'data/breached-100k.pgf', 'data/dictionary-other.txt',
      // The browser's light tier (its default): src/assets/tiers.ts.
      'data/breached-light.pgf', 'data/dictionary-en.light.txt', 'data/common-passwords.light.txt', 'data/names.light.txt', 'data/dictionary-other.light.txt',
      'dist/cli.js', 'dist/index.js', 'dist/index.cjs', 'dist/browser.js', 'dist/browser.cjs', 'dist/zxcvbn.js', 'dist/zxcvbn.cjs', 'NOTICE.md']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(src|test|scripts|bench|docs)\//.test(f))).toEqual([]);
    // No data file is empty (an empty word list once shipped when the packing machine lacked it).
    expect(pack.files.filter((f) => f.path.startsWith('data/') && f.size === 0)).toEqual([]);
  });

  it('carries no dead weight: no CommonJS CLI, source maps only for the minified browser files', () => {
    const files = paths();
    expect(files).not.toContain('dist/cli.cjs');
    expect(files.filter((f) => f.endsWith('.map')).sort()).toEqual(['dist/browser.js.map', 'dist/builder.js.map']);
  });

  it('passes arethetypeswrong for every entry point under node10, node16 (CJS and ESM) and bundlers', () => {
    // Into a file: attw exits before a long report has drained through a pipe.
    const out = join(dir, 'attw.json');
    const fd = openSync(out, 'w');
    const r = spawnSync(bin('attw'), [tarball, '--format', 'json'], { stdio: ['ignore', fd, 'inherit'], timeout: 120_000 });
    closeSync(fd);
    // `problems` is grouped by kind (an object); list every problem found, whatever its shape.
    const report = JSON.parse(readFileSync(out, 'utf8')) as { analysis: { entrypoints: Record<string, unknown> }; problems?: unknown };
    expect(Object.values(report.problems ?? {}).flat()).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './better-auth', './browser', './builder', './data/*', './express', './fastify', './fetch', './package.json', './server', './valibot', './zitadel', './zod', './zxcvbn']);
    expect(r.status).toBe(0);
  }, 120_000);

  it('passes publint --strict', () => {
    const r = spawnSync(bin('publint'), ['run', tarball, '--strict'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout + r.stderr).toContain('All good');
    expect(r.status).toBe(0);
  }, 120_000);

  it('has the metadata a registry page shows', () => {
    const pkg = JSON.parse(execFileSync('npm', ['pkg', 'get', 'repository', 'homepage', 'bugs', 'keywords', 'scripts', '--json'], { cwd: ROOT, encoding: 'utf8' })) as Record<string, unknown>;
    expect(pkg.repository).toMatchObject({ type: 'git' });
    expect(typeof pkg.homepage).toBe('string');
    expect(pkg.bugs).toMatchObject({ url: expect.any(String) });
    expect((pkg.keywords as string[]).length).toBeGreaterThan(3);
    // A consumer's install runs none of our scripts: the build runs before packing only.
    const scripts = pkg.scripts as Record<string, string>;
    for (const hook of ['prepare', 'preinstall', 'install', 'postinstall']) expect(scripts[hook]).toBeUndefined();
    expect(scripts.prepack).toContain('build');
  });
});

describe('what a library install pulls in', () => {
  // DESIGN §11: library-only installs pull no server or zxcvbn-ts dependency. The service's
  // metrics (prom-client) and the zxcvbn estimator are optional peers, loaded when used.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, unknown> | undefined>;
  it('has no runtime dependency of the service, zxcvbn-ts or any framework', () => {
    const deps = Object.keys(pkg.dependencies ?? {});
    for (const name of ['prom-client', 'negotiator', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', 'express', 'fastify', 'hono', 'zod', 'valibot', 'better-auth']) {
      expect(deps, name).not.toContain(name);
    }
    expect(pkg.optionalDependencies ?? {}).toEqual({});
  });

  it('declares the optional ones as optional peers, installed here for the tests and `passgate serve`', () => {
    const peers = pkg.peerDependencies ?? {};
    for (const name of Object.keys(peers)) {
      expect(pkg.peerDependenciesMeta?.[name], name).toEqual({ optional: true });
      expect(pkg.devDependencies?.[name], name).toBeDefined();
    }
    expect(Object.keys(peers)).toEqual(expect.arrayContaining(['prom-client', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common']));
  });
});

describe('the packed package installed alone (no optional peer)', () => {
  it('judges passwords as a library; serve and the zxcvbn estimator say what to install', () => {
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    execFileSync('npm', ['init', '-y'], { cwd: app, stdio: 'ignore' });
    // --offline: with no runtime dependency, installing the tarball needs no registry at all.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, stdio: 'ignore', timeout: 120_000 });
    const script = `import { createChecker } from 'passgate';
const c = await createChecker({ breached: false });
console.log(JSON.stringify(c.evaluate('Winter2020!').accepted));
try { await createChecker({ breached: false, estimator: 'zxcvbn' }); } catch (e) { console.log(e.name + ': ' + e.message); }`;
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    expect(lib.stderr).toBe('');
    expect(lib.stdout).toContain('false\n');
    expect(lib.stdout).toContain("estimator: 'zxcvbn' needs @zxcvbn-ts/core and @zxcvbn-ts/language-common (an optional peer dependency, not installed): npm install @zxcvbn-ts/core @zxcvbn-ts/language-common");
    const serve = spawnSync(join(app, 'node_modules', '.bin', 'passgate'), ['serve', '--port', '0', '--no-watch'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    expect(serve.stderr).toContain('needs prom-client (an optional peer dependency, not installed): npm install prom-client');
    expect(serve.status).toBe(3); // the README's exit code for a failure
  }, 180_000);
});
