import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { MAX_LINE_BYTES, scanInput } from '../../src/filter/read-lines.js';

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
  // The oracle: build's scan of the same bytes (audit uses the same reader; this checks that
  // it counts what build counts: what build would add, audit judges, and the same malformed).
  it('judges what build would add and counts what build counts as malformed, on any bytes', async () => {
    // Bytes that matter: LF, CR, a BOM, a 2-byte character, a lone continuation byte, 0xff, text.
    const piece = fc.constantFrom([0x0a], [0x0d], [0x0d, 0x0a], [0xef, 0xbb, 0xbf], [0xc3, 0xa9], [0x80], [0xff], [0x61], [0x62, 0x63], [0x20]);
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (pieces) => {
        const path = await file(Uint8Array.from(pieces.flat()));
        const stats = await scanInput(path, { format: 'text' });
        const r = await audit(path);
        if (stats.entries === 0 && stats.malformed > 0) expect(r.code).toBe(2);
        else expect([r.report.total, r.report.malformed]).toEqual([stats.entries, stats.malformed]);
      }),
      { numRuns: 40 },
    );
  });

  it('a lone CR is not a line end; CRLF is; invalid UTF-8 is malformed, not judged', async () => {
    const path = await file(Buffer.concat([Buffer.from('Password1!\rviolet-tundra-marble-quiver\r\nWinter2020!\n'), Buffer.from([0x57, 0xff, 0x0a]), Buffer.from('\n')]));
    const { code, report } = await audit(path);
    expect(code).toBe(0);
    expect(report).toMatchObject({ total: 2, malformed: 1 });
  });

  it('reads stdin with the same rules', async () => {
    // `abc\rde` is one line (a lone CR is no line end), refused as too short whatever the estimate.
    const r = await runCli(['audit', '--json', '--no-breached', '-'], '\ufeffWinter2020!\r\nabc\rde\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 2, rejected: 2, malformed: 0 });
  });
});

describe('audit on input that is not a password list', () => {
  it(`counts a line over ${MAX_LINE_BYTES} bytes as malformed, as build does, and judges the rest`, async () => {
    const path = await file('Winter2020!\n' + 'a'.repeat(MAX_LINE_BYTES + 1) + '\nPassword1!\n');
    const r = await audit(path);
    expect(r.report).toMatchObject({ total: 2, rejected: 2, malformed: 1 });
    // A line of exactly the cap is still a (too long) password.
    const ok = await audit(await file('a'.repeat(MAX_LINE_BYTES) + '\n'));
    expect(ok.report).toMatchObject({ total: 1, rejected: 1, rejectedBy: { TOO_LONG: 1 } });
  });

  // The built CLI on a file past V8's longest string: test/cli/bin.test.ts.
  it('a file with no newline (a disk image) is exit 2 with one clear line, not a crash', async () => {
    const path = join(dir, 'sparse.img');
    const fh = await open(path, 'w');
    await fh.truncate(8 * 1024 ** 2);
    await fh.close();
    const r = await audit(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toContain(`longer than ${MAX_LINE_BYTES} bytes`);
    expectClean(r.stderr);
  });

  it('a file where every line is malformed is exit 2, not an empty report', async () => {
    const r = await audit(await file(Buffer.from([0xff, 0xfe, 0x0a, 0x80, 0x0a])));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/every line \(2\) is malformed.*UTF-8/);
    expectClean(r.stderr);
  });

  it('an empty file is an empty report', async () => {
    expect((await audit(await file(''))).report).toMatchObject({ total: 0, malformed: 0 });
  });
});
