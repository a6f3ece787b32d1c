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
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './browser', './builder', './data/*', './fetch', './package.json', './server', './zxcvbn']);
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
