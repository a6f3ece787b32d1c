import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

describe('passgate check', () => {
  it('rejects a seed password with reasons and exit code 1', async () => {
    const r = await runCli(['check', 'Winter2020!']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^REJECTED/);
    expect(r.stdout).toContain('LOW_SCORE');
    expect(r.stdout).toContain('winter');
    expect(r.stdout + r.stderr).not.toContain('Winter2020!');
  });

  it('accepts a strong passphrase with exit code 0', async () => {
    const r = await runCli(['check', 'violet-tundra-marble-quiver']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ACCEPTED/);
  });

  it('reads the password from stdin with - or no argument', async () => {
    for (const args of [['check', '-'], ['check']]) {
      const r = await runCli(args, 'Welcome01\nignored second line\n');
      expect(r.code).toBe(1);
      expect(r.stdout).not.toContain('Welcome01');
    }
    expect((await runCli(['check'], 'violet-tundra-marble-quiver\r\n')).code).toBe(0);
  });

  it('prints the full result with --json', async () => {
    const r = await runCli(['check', '--json', '--profile', 'entra', 'Bl@nK']);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ accepted: expect.any(Boolean), policy: { profile: 'entra' } });
    expect(json.points).toEqual(expect.any(Number));
    expect(json.score).toBe(json.points); // the deprecated name stays for existing consumers
    expect(r.stdout).not.toContain('Bl@nK');
  });

  it('says BREACHED for a listed password with the embedded filter', async () => {
    const r = await runCli(['check', '--json', '123456789']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).policy.rejectedBy).toContain('BREACHED');
  });

  it('takes context flags and a custom list file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passgate-'));
    const custom = join(dir, 'custom.txt');
    await writeFile(custom, '# our words\nfabrikam\nnorthwind\n');
    const a = await runCli(['check', '--json', '--custom', custom, 'xN0rthw1nd-Blue-Sky']);
    expect(JSON.parse(a.stdout).findings.some((f: { term?: string }) => f.term === 'northwind')).toBe(true);
    const b = await runCli(['check', '--json', '--first-name', 'Margaret', 'Margaret1990!']);
    expect(b.code).toBe(1);
    expect(JSON.parse(b.stdout).policy.rejectedBy).toContain('CONTEXT_TERM');
  });

  it('prints the policy with --policy --json', async () => {
    const r = await runCli(['check', '--policy', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: 'recommended', minLength: 8, maxLength: 256 });
  });

  it.each([
    [['check', '--profile', 'strict', 'x']],
    [['check', '--bogus', 'x']],
    [['check', 'a', 'b']],
    [['check', '--min-length', 'ten', 'x']],
    [['check', '--custom', '/nonexistent/file', 'x']],
    [['nonsense']],
  ])('exits 2 on misuse: %j', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
  });
});

describe('passgate audit', () => {
  it('counts rejections per reason without printing passwords', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'passgate-'));
    const file = join(dir, 'pw.txt');
    await writeFile(file, 'Winter2020!\nWelcome01\nviolet-tundra-marble-quiver\n123456789\n\nshort\n');
    const r = await runCli(['audit', '--json', file]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ total: 5, rejected: 4 });
    expect(report.rejectedBy.TOO_SHORT).toBe(1);
    expect(r.stdout).not.toContain('Welcome01');
  });
});
