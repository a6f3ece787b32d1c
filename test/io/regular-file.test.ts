/** The one reader of user-given paths (issue 20, item 4): kinds refused, sizes checked first, reads bounded. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKindError, fileChunks, openRegularFile, readRegularFile } from '../../src/io/regular-file.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'passgate-regular-'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  symlinkSync('/dev/zero', join(dir, 'zero'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'ten'), '0123456789');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each([
  ['fifo', 'ENOTREG', "not a regular file (a FIFO)"],
  ['zero', 'ENOTREG', 'not a regular file (a character device)'],
  ['sub', 'EISDIR', 'is a directory'],
])('refuses %s before reading, naming the path and what it is', async (name, code, reason) => {
  const err = await readRegularFile(join(dir, name), 1 << 20).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FileKindError);
  expect(err).toMatchObject({ code, reason, path: join(dir, name) });
  expect((err as Error).message).toBe(`'${join(dir, name)}': ${reason}`);
});

it('checks the size against the maximum before reading', async () => {
  expect(new TextDecoder().decode(await readRegularFile(join(dir, 'ten'), 10))).toBe('0123456789');
  await expect(readRegularFile(join(dir, 'ten'), 9)).rejects.toMatchObject({ code: 'EFBIG', reason: '10 bytes, more than the 9 allowed for it' });
});

it('reads no further than the size the file had when opened, in chunks of the buffer', async () => {
  const path = join(dir, 'growing');
  writeFileSync(path, 'abcdefgh');
  const opened = await openRegularFile(path);
  try {
    appendFileSync(path, 'more and more'); // a writer appending meanwhile
    const seen: string[] = [];
    for await (const chunk of fileChunks(opened, new Uint8Array(3))) seen.push(chunk.toString());
    expect(seen).toEqual(['abc', 'def', 'gh']);
    const fresh: string[] = [];
    for await (const chunk of fileChunks(opened, 5)) fresh.push(chunk.toString());
    expect(fresh).toEqual(['abcde', 'fgh']);
  } finally {
    await opened.handle.close();
  }
});

it('a missing file is the file system error, with its code', async () => {
  await expect(readRegularFile(join(dir, 'nope'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
});
