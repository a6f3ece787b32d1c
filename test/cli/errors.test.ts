import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { Assets } from '../../src/assets/platform.js';

// Exit codes as the README's table gives them: 2 misuse (bad flags, unreadable files, named with
// the flag and the path), 3 failure (passgate's own data missing or damaged, named). Never a
// stack trace, never raw ENOENT/EISDIR text.

const shipped = new URL('../../data/', import.meta.url).pathname;
const tmp = await mkdtemp(join(tmpdir(), 'passgate-cli-'));
const empty = await mkdtemp(join(tmpdir(), 'passgate-cli-empty-'));
const globalList = join(tmp, 'global.txt');
await writeFile(globalList, 'contoso\nfabrikam\n');
const passwords = join(tmp, 'passwords.txt');
await writeFile(passwords, 'Password1!\nviolet-tundra-marble-quiver\n');

/** The shipped data folder with one file cut short (or left out). */
async function dataWith(file: string, change: 'damaged' | 'missing'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'passgate-cli-data-'));
  for (const name of await readdir(shipped)) {
    if (name !== file) await symlink(join(shipped, name), join(dir, name));
    else if (change === 'damaged') await writeFile(join(dir, name), (await readFile(join(shipped, name))).subarray(0, 1000));
  }
  return dir;
}

function expectClean(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /); // a stack frame
  expect(stderr).not.toMatch(/\bE[A-Z]{3,}\b/); // ENOENT, EISDIR, …
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

describe('missing or damaged data: exit 3 naming the file', () => {
  const env = { PASSGATE_DATA_DIR: empty };

  it.each([
    [['check', 'Password1!']],
    [['check', '--profile', 'entra', 'Password1!']],
    [['check', '--policy']],
    [['audit', passwords]],
  ])('%j with an empty data folder', async (args) => {
    const r = await runCli(args, '', env);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(Assets.globalBanned);
    expect(r.stderr).toContain(join(empty, Assets.globalBanned));
    expect(r.stderr).toContain('PASSGATE_DATA_DIR');
    expectClean(r.stderr);
  });

  it('runs without the data when the flags waive all of it', async () => {
    const r = await runCli(['check', '--profile', 'entra', '--global', globalList, 'Contoso1'], '', env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^REJECTED/);
  });

  it('names the filter when only the filter is missing, and --no-breached waives it', async () => {
    const noFilter = await dataWith(Assets.breachedFull, 'missing');
    const r = await runCli(['check', 'Password1!'], '', { PASSGATE_DATA_DIR: noFilter });
    expect([r.code, r.stderr]).toEqual([3, expect.stringContaining(Assets.breachedFull)]);
    expect(r.stderr).toContain('--no-breached');
    expect((await runCli(['check', '--no-breached', 'Password1!'], '', { PASSGATE_DATA_DIR: noFilter })).code).toBe(1);
  });

  it.each([Assets.dictionaryCompiled, Assets.bannedCompiled, Assets.breachedFull])('a damaged %s is exit 3 (not 2, "misuse")', async (file) => {
    const r = await runCli(['check', 'Password1!'], '', { PASSGATE_DATA_DIR: await dataWith(file, 'damaged') });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('damaged');
    expectClean(r.stderr);
  });
});

describe('unreadable files: exit 2 naming the flag and the path', () => {
  const missing = join(tmp, 'nope.pgf');
  it.each([
    ['--breached', missing, 'no such file'],
    ['--breached', tmp, /is a directory|not a regular file/],
    ['--custom', missing, 'no such file'],
    ['--custom', tmp, 'is a directory'],
    ['--global', missing, 'no such file'],
    ['--global', tmp, 'is a directory'],
  ])('check %s %s', async (flag, path, why) => {
    const r = await runCli(['check', flag, path, 'Password1!']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(flag);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toMatch(why);
    expectClean(r.stderr);
  });

  it('a file that is not a filter given to --breached is misuse, named', async () => {
    const r = await runCli(['check', '--breached', passwords, 'Password1!']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--breached');
    expect(r.stderr).toContain(passwords);
    expectClean(r.stderr);
  });

  it.each([
    [missing, 'no such file'],
    [tmp, 'is a directory'],
  ])('audit %s', async (path, why) => {
    const r = await runCli(['audit', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toContain(why);
    expectClean(r.stderr);
  });
});
