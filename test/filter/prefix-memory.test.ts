/**
 * Issue 20, item 6: building from the per-prefix layout (a million XXXXX.txt files) must cost the
 * filter plus bounded buffers, whatever the file count. What grew per file: every chunk's result
 * held by the worker pool until the end, a name per file, a stat promise per file at once and a
 * 1 MiB read buffer per file. These pin the bounded replacements; bench/prefix-dir.ts measures RSS.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanSource } from '../../src/filter/read-lines.js';
import { MAX_HELD, ParsePool } from '../../src/filter/build-workers.js';
import { PrefixDir } from '../../src/filter/prefix-dir.js';

const FILES = 3000;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'passgate-prefix-mem-'));
  for (let i = 0; i < FILES; i++) {
    const name = i.toString(16).toUpperCase().padStart(5, '0');
    // One valid line, and in every 500th file a malformed one (numbered within its file).
    writeFileSync(join(dir, `${name}.txt`), `${'A'.repeat(35)}:${i + 1}\n${i % 500 === 7 ? 'nonsense\n' : ''}`);
  }
  mkdirSync(join(dir, 'not-a-prefix'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the worker pool holds only the results that arrived out of order, not one per file, and counts as one thread does', async () => {
  const single = await scanSource({ dir }, { format: 'hibp' }, null);
  const pool = new ParsePool(2, null, 0, 5);
  let pooled;
  try {
    pooled = await scanSource({ dir }, { format: 'hibp' }, null, pool);
  } finally {
    await pool.close();
  }
  expect(single).toMatchObject({ files: FILES, entries: FILES, malformed: 6, lines: FILES + 6 });
  expect(pooled).toEqual(single);
  expect(pooled.malformedSamples[0]).toEqual({ line: 2, reason: expect.any(String), file: '00007.txt' });
  // One chunk a file here: held until the end, that was 3000 results; now a fixed window.
  expect(pool.peakHeld).toBeGreaterThan(0);
  expect(pool.peakHeld).toBeLessThanOrEqual(MAX_HELD);
  expect(MAX_HELD).toBeLessThan(FILES / 10);
});

it('lists a directory in prefix order without keeping its names (upper, lower and mixed spellings)', async () => {
  const d = mkdtempSync(join(tmpdir(), 'passgate-prefix-names-'));
  try {
    for (const n of ['0000A.txt', '0000a.txt', '0000b.txt', 'FFFFF.txt', '0000B.TXT', 'abCDe.txt', '00001.txt', 'x.txt']) writeFileSync(join(d, n), '');
    const listed = await PrefixDir.list(d);
    expect(listed.count).toBe(6);
    expect([...listed.names()]).toEqual(['00001.txt', '0000A.txt', '0000a.txt', '0000b.txt', 'abCDe.txt', 'FFFFF.txt']);
    expect(await listed.totalBytes()).toBe(0);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
