/** `check --breached FILE` adds to the embedded list (issue 12); `--no-embedded-breached` replaces it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFilter } from '../../src/filter/node.js';
import { createChecker } from '../../src/index.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'pg-addbreached-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const own = join(dir, 'own.pgf');
const ONLY_OURS = 'Zq-only-in-our-list-7';
const EMBEDDED = 'qwertyuiop'; // in the embedded top-1M list
writeFileSync(own, buildFilter([ONLY_OURS], { falsePositiveRate: 1e-6 }));

const breached = async (args: string[], password: string): Promise<boolean> => {
  const r = await runCli(['check', '--json', '--profile', 'nist', '--mfa', ...args, password]);
  return (JSON.parse(r.stdout) as { findings: { code: string }[] }).findings.some((f) => f.code === 'BREACHED');
};

describe('check --breached', () => {
  it('checks the file as well as the embedded list (it used to drop the embedded list)', async () => {
    expect(await breached(['--breached', own], ONLY_OURS)).toBe(true);
    expect(await breached(['--breached', own], EMBEDDED)).toBe(true);
    expect(await breached([], EMBEDDED)).toBe(true);
    expect(await breached([], ONLY_OURS)).toBe(false);
  });

  it('--no-embedded-breached uses the file alone', async () => {
    expect(await breached(['--breached', own, '--no-embedded-breached'], ONLY_OURS)).toBe(true);
    expect(await breached(['--breached', own, '--no-embedded-breached'], EMBEDDED)).toBe(false);
  });

  it('library: keepEmbedded combines the two; policy() counts both', async () => {
    const both = await createChecker({ breached: { path: own, keepEmbedded: true } });
    const alone = await createChecker({ breached: { path: own } });
    expect(both.policy().lists.breached!.entries).toBe(alone.policy().lists.breached!.entries + (await createChecker()).policy().lists.breached!.entries);
    await expect(createChecker({ breached: { path: own, keepEmbedded: 'yes' as unknown as boolean } })).rejects.toThrow(/keepEmbedded/);
  });
});
