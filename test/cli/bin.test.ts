import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
});
