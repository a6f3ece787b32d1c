import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { Assets } from '../../src/assets/platform.js';

// The service reads passgate's data through the library's default platform, which takes
// PASSGATE_DATA_DIR from the process environment when the first checker is built: this file
// sets it before anything else in its worker builds one.
const empty = await mkdtemp(join(tmpdir(), 'passgate-serve-empty-'));
process.env.PASSGATE_DATA_DIR = empty;

describe('passgate serve with missing data', () => {
  it.each([[[] as string[]], [['--no-breached']]])('exits 3 at startup naming the file instead of serving without it (%j)', async (flags) => {
    const r = await Promise.race([
      runCli(['serve', '--port', '0', '--no-watch', ...flags], '', { PASSGATE_DATA_DIR: empty }),
      new Promise<never>((_, fail) => setTimeout(() => fail(new Error('serve started without its data')), 20_000)),
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(flags.length ? Assets.globalBanned : Assets.breachedFull); // the service judges with the library's default filter
    expect(r.stderr).toContain(empty);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toContain('listening');
  });
});
