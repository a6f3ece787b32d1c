import { expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStable } from '../../src/server/stable-read.js';
import { FileLimits } from '../../src/io/regular-file.js';

const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'passgate-stable-')), 'terms.txt');
  writeFileSync(path, text);
  return path;
};

it('returns a file that holds still, byte for byte', async () => {
  const path = file('alpha\nbravo\n');
  expect(new TextDecoder().decode(await readStable(path, 'custom terms file', 20, FileLimits.terms))).toBe('alpha\nbravo\n');
  expect(new TextDecoder().decode(await readStable(path, 'custom terms file', 0, FileLimits.terms))).toBe('alpha\nbravo\n');
});

it('waits while a writer keeps appending, and returns the finished file', async () => {
  const path = file('');
  let n = 0;
  const writer = setInterval(() => (n < 15 ? appendFileSync(path, `term${n++}\n`) : clearInterval(writer)), 5);
  const text = new TextDecoder().decode(await readStable(path, 'custom terms file', 150, FileLimits.terms));
  clearInterval(writer);
  expect(text.split('\n').filter(Boolean)).toHaveLength(15);
});

it('gives up with a ConfigError naming the file when it never holds still', async () => {
  const path = file('');
  const writer = setInterval(() => appendFileSync(path, 'x\n'), 3);
  try {
    await expect(readStable(path, 'custom terms file', 10, FileLimits.terms)).rejects.toThrow(/custom terms file '.*terms\.txt': it kept changing/);
  } finally {
    clearInterval(writer);
  }
});

it('names the file and the error code when it cannot be read', async () => {
  await expect(readStable('/nonexistent/passgate/terms.txt', 'custom terms file', 0, FileLimits.terms)).rejects.toThrow(/cannot read it \(ENOENT\)/);
});
