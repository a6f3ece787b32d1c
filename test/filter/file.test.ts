import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, writeFileSync, ftruncateSync, writeSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFilter, FilterFormatError, loadFilter, openFilterFile } from '../../src/filter/node.js';
import { createChecker } from '../../src/index.js';
import { randomKeys } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'pg-file-'));
afterAll(() => execFileSync('rm', ['-rf', dir]));

const keys = randomKeys(80000, 11, 'f');
const bytes = buildFilter(keys, { falsePositiveRate: 1e-3, partShift: 10 });
const good = join(dir, 'good.pgf');
writeFileSync(good, bytes);

/** A sparse file: `head` then zeros up to `size` bytes, taking no disk. */
function sparse(name: string, head: Uint8Array, size: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

async function formatError(path: string): Promise<string> {
  const err = await openFilterFile(path).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FilterFormatError);
  return (err as Error).message;
}

describe('openFilterFile', () => {
  it('streams a multi-part file part by part and answers as loadFilter does', async () => {
    const seen: number[] = [];
    const f = await openFilterFile(good, { onProgress: (n, total) => (expect(total).toBe(bytes.length), seen.push(n)) });
    expect(f.partCount).toBe(3);
    expect(seen.at(-1)).toBe(bytes.length);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    const mem = loadFilter(bytes);
    const probes = [...keys.slice(0, 2000), ...randomKeys(5000, 12, 'q')];
    expect(probes.map((p) => f.mayContain(p))).toEqual(probes.map((p) => mem.mayContain(p)));
    for (const k of keys) if (!f.mayContain(k)) throw new Error('false negative');
  });

  it('refuses devices, FIFOs and directories before reading (issue 10: /dev/zero read forever)', async () => {
    expect(await formatError('/dev/zero')).toMatch(/'\/dev\/zero': not a regular file/);
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO for reading would block until a writer came: it must not be opened.
    expect(await formatError(fifo)).toMatch(/not a regular file/);
    mkdirSync(join(dir, 'sub'));
    expect(await formatError(join(dir, 'sub'))).toMatch(/not a regular file/);
  });

  it('a 3 GiB foreign file fails on its first bytes, without reading it', async () => {
    const path = sparse('big.txt', new TextEncoder().encode('123456\npassword\n'), 3 * 2 ** 30);
    const before = process.memoryUsage().rss;
    expect(await formatError(path)).toMatch(/bad magic/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 2 ** 20);
  });

  it('checks the size the header promises against the file before allocating', async () => {
    // A valid header whose file is 2 GiB longer: trailing bytes, found from the size alone.
    const longer = sparse('longer.pgf', bytes, bytes.length + 2 * 2 ** 30);
    const before = process.memoryUsage().rss;
    expect(await formatError(longer)).toMatch(/2147483648 unexpected trailing bytes/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 2 ** 20);
    // Truncated in any part: named before any part is read.
    for (const cut of [100, 128 + 1000, 128 + 70000, bytes.length - 1]) {
      const path = join(dir, `cut${cut}.pgf`);
      writeFileSync(path, bytes.subarray(0, cut));
      expect(await formatError(path)).toMatch(/truncated: \d+ bytes/);
    }
  });

  it('names the file and the damaged part', async () => {
    const damaged = bytes.slice();
    damaged[128 + 2 * 65536 + 5] = damaged[128 + 2 * 65536 + 5]! ^ 0x20;
    const path = join(dir, 'damaged.pgf');
    writeFileSync(path, damaged);
    expect(await formatError(path)).toMatch(/invalid passgate filter '.*damaged\.pgf': part 3 of 3 checksum mismatch/);
  });

  it('lets file-system errors through with their code', async () => {
    const err = await openFilterFile(join(dir, 'nope.pgf')).catch((e: NodeJS.ErrnoException) => e);
    expect(err).toMatchObject({ code: 'ENOENT' });
  });

  it('createChecker({ breached: { path } }) opens files this way', async () => {
    await expect(createChecker({ breached: { path: '/dev/zero' } })).rejects.toThrow(/not a regular file/);
    const checker = await createChecker({ profile: 'nist', breached: { path: good } });
    expect(checker.evaluate(keys[0]!).findings.map((f) => f.code)).toContain('BREACHED');
  });
});
