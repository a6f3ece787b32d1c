import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The README's quick start runs the built CLI: check that exact artefact, as a user would.
const bin = new URL('../../bin/passgate.js', import.meta.url).pathname;
const root = new URL('../../', import.meta.url).pathname;

beforeAll(() => {
  if (!existsSync(new URL('../../dist/cli.js', import.meta.url))) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
}, 120_000);

describe('bin/passgate.js (the built package)', () => {
  it("rejects 'Winter2020!' with exit code 1 and says why", () => {
    const r = spawnSync(process.execPath, [bin, 'check', 'Winter2020!'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^REJECTED/);
    expect(r.stdout).toContain('LOW_SCORE');
  });
  it("prints exactly the output the README's quick start shows", () => {
    // The README promises its quick start word for word: the first fenced block after the
    // command block of "## Quick start" is the output of `node bin/passgate.js check 'Winter2020!'`.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Quick start'));
    const blocks = [...section.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks[0]).toContain("node bin/passgate.js check 'Winter2020!'");
    const r = spawnSync(process.execPath, [bin, 'check', 'Winter2020!'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).toBe(blocks[1]);
  });
  it('accepts a strong passphrase read from stdin with exit code 0', () => {
    const r = spawnSync(process.execPath, [bin, 'check', '-'], { input: 'violet-tundra-marble-quiver\n', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('violet');
  });
  it('prints usage and exits 2 without a command', () => {
    const r = spawnSync(process.execPath, [bin], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('Usage');
  });

  it('exits 3 with one line naming the file when the data folder is missing, never accepting', () => {
    const env = { ...process.env, PASSGATE_DATA_DIR: join(tmpdir(), 'passgate-bin-no-data') };
    const r = spawnSync(process.execPath, [bin, 'check', 'Password1!'], { encoding: 'utf8', env });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('global-banned.txt');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  // 600 MiB of NULs, no newline: past V8's longest string (~512 Mi units), where readline threw
  // RangeError from a stream event (a stack trace, exit 1). 2 GiB behaves the same, only slower.
  it('audit of a 600 MiB file with no newline exits 2 with one line, not a readline crash', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'passgate-bin-')), 'sparse.img');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 600 * 1024 ** 2);
    closeSync(fd);
    const r = spawnSync(process.execPath, [bin, 'audit', path], { encoding: 'utf8' });
    rmSync(path);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('longer than 65536 bytes');
    expect(r.stderr).not.toMatch(/RangeError|\n\s+at /);
  });
});
