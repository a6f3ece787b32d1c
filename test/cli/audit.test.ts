import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from './run-cli.js';
import { readLines, LineTooLongError } from '../../src/cli/line-reader.js';
import { MAX_LINE_BYTES } from '../../src/cli/audit.js';
import { scanInput } from '../../src/filter/read-lines.js';

const dir = await mkdtemp(join(tmpdir(), 'passgate-audit-'));
let n = 0;
async function file(content: string | Uint8Array): Promise<string> {
  const path = join(dir, `f${n++}.txt`);
  await writeFile(path, content);
  return path;
}

async function audit(path: string, ...flags: string[]) {
  const r = await runCli(['audit', '--json', '--no-breached', ...flags, path]);
  return { ...r, report: r.code === 0 ? JSON.parse(r.stdout) : undefined };
}

function expectClean(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/RangeError|Invalid string length/);
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

describe('audit splits lines the way build does', () => {
  // The oracle: build's own reader (src/filter/read-lines.ts, text format) on the same bytes.
  async function both(bytes: Uint8Array, chunk: number) {
    const path = await file(bytes);
    const built: string[] = [];
    const stats = await scanInput(path, { format: 'text' }, { addText: (t) => built.push(t), addLanes: () => undefined });
    const audited: string[] = [];
    let malformed = 0;
    const chunks = [];
    for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
    await readLines(Readable.from(chunks), MAX_LINE_BYTES, { onLine: (t) => audited.push(t), onMalformed: () => malformed++ });
    return { built, audited, malformed, stats };
  }

  it('gives the same passwords and the same malformed count on any bytes, in any chunking', async () => {
    // Bytes that matter: LF, CR, a BOM, a 2-byte character, a lone continuation byte, 0xff, text.
    const piece = fc.constantFrom([0x0a], [0x0d], [0x0d, 0x0a], [0xef, 0xbb, 0xbf], [0xc3, 0xa9], [0x80], [0xff], [0x61], [0x62, 0x63], [0x20]);
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), async (pieces, chunk) => {
        const { built, audited, malformed, stats } = await both(Uint8Array.from(pieces.flat()), chunk);
        expect(audited).toEqual(built);
        expect(malformed).toBe(stats.malformed);
      }),
      { numRuns: 200 },
    );
  });

  it('a lone CR is not a line end; CRLF is; invalid UTF-8 is malformed, not judged', async () => {
    const path = await file(Buffer.concat([Buffer.from('Password1!\rviolet-tundra-marble-quiver\r\nWinter2020!\n'), Buffer.from([0x57, 0xff, 0x0a]), Buffer.from('\n')]));
    const { code, report } = await audit(path);
    expect(code).toBe(0);
    expect(report).toMatchObject({ total: 2, malformed: 1 });
  });

  it('reads stdin with the same rules', async () => {
    const r = await runCli(['audit', '--json', '--no-breached', '-'], '\ufeffWinter2020!\r\nPassword1!\rx\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 2, rejected: 2, malformed: 0 });
  });
});

describe('audit on input that is not a password list', () => {
  it(`stops at a line over ${MAX_LINE_BYTES} bytes with exit 2, naming the file and the line`, async () => {
    const path = await file('Winter2020!\n' + 'a'.repeat(MAX_LINE_BYTES + 1) + '\nPassword1!\n');
    const r = await audit(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toContain('line 2');
    expect(r.stderr).toContain(String(MAX_LINE_BYTES));
    expectClean(r.stderr);
    // A line of exactly the cap is still a (too long) password.
    const ok = await audit(await file('a'.repeat(MAX_LINE_BYTES) + '\n'));
    expect(ok.report).toMatchObject({ total: 1, rejected: 1, rejectedBy: { TOO_LONG: 1 } });
  });

  it('a 2 GiB file with no newline (truncate -s 2G) is exit 2 with one clear line, read no further than the cap', async () => {
    const path = join(dir, 'sparse.img');
    const fh = await open(path, 'w');
    await fh.truncate(2 * 1024 ** 3);
    await fh.close();
    const r = await audit(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toContain('line 1');
    expectClean(r.stderr);
  });

  it('a file where every line is malformed is exit 2, not an empty report', async () => {
    const r = await audit(await file(Buffer.from([0xff, 0xfe, 0x0a, 0x80, 0x0a])));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2 lines.*UTF-8/);
    expectClean(r.stderr);
  });

  it('an empty file is an empty report', async () => {
    expect((await audit(await file(''))).report).toMatchObject({ total: 0, malformed: 0 });
  });

  it('readLines itself throws LineTooLongError at the cap, whatever the chunking', async () => {
    await expect(readLines(Readable.from([Buffer.alloc(5, 0x61), Buffer.alloc(5, 0x61)]), 9, { onLine: () => undefined, onMalformed: () => undefined })).rejects.toBeInstanceOf(
      LineTooLongError,
    );
    const got: string[] = [];
    await readLines(Readable.from([Buffer.from('aaaa'), Buffer.from('a\nbb')]), 5, { onLine: (t) => got.push(t), onMalformed: () => undefined });
    expect(got).toEqual(['aaaaa', 'bb']);
  });
});
