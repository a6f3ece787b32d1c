import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/cli/build.js';
import { UsageError, type CliIO } from '../../src/cli/io.js';
import { loadFilter } from '../../src/filter/node.js';
import { captureIO } from '../cli/run-cli.js';
import { scanInput } from '../../src/filter/read-lines.js';

const PASSWORD_SHA1 = '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8';
/** SHA-1 via node:crypto directly, independent of the filter's providers. */
function sha1Upper(s: string): string {
  return createHash('sha1').update(s, 'utf8').digest('hex').toUpperCase();
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passgate-build-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(): { io: CliIO; out: () => string; err: () => string } {
  const c = captureIO();
  return { io: c.io, out: c.stdout, err: c.stderr };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const code = await build(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, content);
  return p;
}

describe('passgate build: text lists', () => {
  it('builds a fast-key filter holding every line', async () => {
    const words = ['123456', 'password', 'qwerty', 'Pässwörd', 'with space', '🙂🙂'];
    const input = await file('list.txt', words.join('\n') + '\n');
    const output = join(dir, 'list.pgf');
    const r = await run(['--input', input, '--output', output, '--fpr', '0.001']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/built .*list\.pgf: 6 entries, 0 skipped, 0 malformed; fast keys, [\d.]+ bits\/key, k=\d+, FPR target 0\.001/);
    expect(r.err).toBe(''); // stderr is not a TTY: no progress bar
    const f = loadFilter(await readFile(output));
    expect(f.keyType).toBe('fast');
    expect(f.count).toBe(6);
    for (const w of words) expect(f.mayContain(w)).toBe(true);
    expect(r.out).not.toContain('qwerty'); // passwords never appear in output
  });

  it('handles CRLF, a BOM, blank lines and a last line without newline', async () => {
    const input = await file('crlf.txt', '\ufeffalpha\r\nbeta\r\n\r\ngamma');
    const output = join(dir, 'crlf.pgf');
    const r = await run(['--input', input, '--output', output]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 entries, 1 skipped/);
    const f = loadFilter(await readFile(output));
    for (const w of ['alpha', 'beta', 'gamma']) expect(f.mayContain(w)).toBe(true);
    expect(f.mayContain('alpha\r')).toBe(false);
  });

  it('reads gzip input detected by magic bytes, whatever the name', async () => {
    const input = await file('list.bin', gzipSync('one\ntwo\nthree\n'));
    const output = join(dir, 'gz.pgf');
    const r = await run(['--input', input, '--output', output, '--key-type', 'sha1']);
    expect(r.code).toBe(0);
    const f = loadFilter(await readFile(output));
    expect(f.keyType).toBe('sha1');
    for (const w of ['one', 'two', 'three']) expect(f.mayContain(w)).toBe(true);
  });

  it('reports invalid UTF-8 lines by number and keeps going; --strict fails and writes nothing', async () => {
    const bytes = Buffer.concat([Buffer.from('ok1\n'), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('ok2\n')]);
    const input = await file('bad.txt', bytes);
    const output = join(dir, 'bad.pgf');
    const r = await run(['--input', input, '--output', output]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/skipped 1 malformed line \(line 2: not valid UTF-8\)/);
    const strict = await run(['--input', input, '--output', join(dir, 'strict.pgf'), '--strict']);
    expect(strict.code).toBe(3);
    expect(strict.err).toMatch(/line 2: not valid UTF-8/);
    expect((await readdir(dir)).filter((n) => n.includes('strict'))).toEqual([]);
  });

  it('--expected skips the counting pass and warns when too low', async () => {
    const input = await file('exp.txt', 'a\nb\nc\nd\n');
    const r = await run(['--input', input, '--output', join(dir, 'exp.pgf'), '--expected', '2']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/4 entries but --expected 2/);
  });
});

describe('passgate build: inputs that cannot make a useful filter fail (issue 10 item 6)', () => {
  const noOutput = async (name: string): Promise<void> => {
    expect((await readdir(dir)).filter((n) => n.includes(name))).toEqual([]);
  };

  it('empty input, or only blank lines', async () => {
    for (const [name, content] of [['empty0', ''], ['blank0', '\n\r\n\n']] as const) {
      const r = await run(['--input', await file(`${name}.txt`, content), '--output', join(dir, `${name}.pgf`)]);
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/no entries: the input holds no usable line; nothing was written/);
      await noOutput(`${name}.pgf`);
    }
  });

  it('input where every line is malformed', async () => {
    const r = await run(['--input', await file('allbad0.txt', 'not-a-hash:1\nzzz\n'), '--output', join(dir, 'allbad0.pgf'), '--format', 'hibp']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/every line \(2\) is malformed .*line 1: .*nothing was written/);
    await noOutput('allbad0.pgf');
  });

  it('a --expected so low that the false-positive rate is absurd (50k entries, --expected 10)', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `w${i}`).join('\n');
    const input = await file('absurd0.txt', lines);
    const r = await run(['--input', input, '--output', join(dir, 'absurd0.pgf'), '--expected', '10']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/50000 entries but --expected 10: the false-positive rate would be about 1\.0e\+0, more than 10× the target 0\.0001 \(give the real count, or leave --expected out\); nothing was written/);
    await noOutput('absurd0.pgf');
    // Within 10× of the target it is a warning, and the filter is written.
    const ok = await run(['--input', input, '--output', join(dir, 'absurd1.pgf'), '--expected', '40000']);
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/50000 entries but --expected 40000: the false-positive rate is about/);
  });

  it('a line past the length cap (a file with no newline) is one malformed line, read in bounded memory', async () => {
    const path = join(dir, 'noline0.txt');
    await writeFile(path, Buffer.alloc(64 << 20, 0x61)); // 64 MiB of "a", no LF
    await writeFile(join(dir, 'noline1.txt'), Buffer.concat([Buffer.from('ok\n'), Buffer.alloc(200_000, 0x62), Buffer.from('\nfine\n')]));
    const before = process.memoryUsage().rss;
    const r = await run(['--input', path, '--output', join(dir, 'noline0.pgf')]);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 << 20);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/every line \(1\) is malformed \(line 1: longer than 65536 bytes\)/);
    const two = await run(['--input', join(dir, 'noline1.txt'), '--output', join(dir, 'noline1.pgf')]);
    expect(two.code).toBe(0);
    expect(two.out).toMatch(/2 entries, 0 skipped, 1 malformed/);
    expect(two.err).toMatch(/line 2: longer than 65536 bytes/);
  });

  it('a lone CR is not a line end; invalid UTF-8 is malformed', async () => {
    const input = await file('cr0.txt', Buffer.concat([Buffer.from('a\rb\nc\r\n'), Buffer.from([0xc3, 0x28, 0x0a])]));
    const r = await run(['--input', input, '--output', join(dir, 'cr0.pgf')]);
    expect(r.out).toMatch(/2 entries, 0 skipped, 1 malformed/);
    const f = loadFilter(await readFile(join(dir, 'cr0.pgf')));
    expect(f.mayContain('a\rb')).toBe(true);
    expect(f.mayContain('c')).toBe(true);
    expect(f.mayContain('a')).toBe(false);
  });
});

describe('passgate build: HIBP downloads', () => {
  const hibp = [
    `${PASSWORD_SHA1}:3861493`,
    `${sha1Upper('zero').toLowerCase()}:0`, // range-API padding: skipped
    `${sha1Upper('rare')}:   2`, // space-padded count, below --min-count 10
    `${sha1Upper('common')}:  25  `,
  ].join('\r\n');

  it('builds from HASH:COUNT lines, skipping count 0 and counts under --min-count', async () => {
    const input = await file('hibp.txt', hibp + '\r\n');
    const output = join(dir, 'hibp.pgf');
    const r = await run(['--input', input, '--output', output, '--format', 'hibp', '--min-count', '10', '--fpr', '1e-6']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 entries, 2 skipped, 0 malformed; sha1 keys/);
    const f = loadFilter(await readFile(output));
    expect(f).toMatchObject({ keyType: 'sha1', count: 2, minCount: 10 });
    expect(f.mayContain('password')).toBe(true);
    expect(f.mayContain('common')).toBe(true);
    expect(f.mayContain('zero')).toBe(false);
    expect(f.mayContain('rare')).toBe(false);
  });

  it('reads gzip HIBP files and reports malformed lines with numbers', async () => {
    const lines = [`${PASSWORD_SHA1}:1`, 'not a hash line', `${PASSWORD_SHA1.slice(0, 39)}Z:4`, `${PASSWORD_SHA1}:x`, `${PASSWORD_SHA1}`];
    const input = await file('hibp.gz', gzipSync(lines.join('\n')));
    const r = await run(['--input', input, '--output', join(dir, 'hibp-gz.pgf'), '--format', 'hibp']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('skipped 4 malformed lines');
    expect(r.err).toContain('line 2: too short');
    expect(r.err).toContain('line 3: the hash is not 40 hex digits');
    expect(r.err).toContain('line 4: the count is not a whole number');
    expect(r.err).toContain('line 5: too short');
    expect(loadFilter(await readFile(join(dir, 'hibp-gz.pgf'))).mayContain('password')).toBe(true);
  });

  it('scanInput: lines split across chunk boundaries parse the same as whole files', async () => {
    // 30k lines ≈ 1.4 MB > one 1 MiB read chunk, so at least one line straddles two chunks.
    const many: string[] = [];
    for (let i = 0; i < 30_000; i++) many.push(`${sha1Upper('k' + i)}:${(i % 5) + 1}`);
    const input = await file('many.txt', many.join('\n'));
    const seen: number[] = [];
    const stats = await scanInput(input, { format: 'hibp', minCount: 2 }, { addText() {}, addLanes: (h1) => seen.push(h1) });
    expect(stats).toMatchObject({ lines: 30_000, entries: 24_000, skippedBelowMinCount: 6_000, malformed: 0 });
    const expected = many.filter((_, i) => i % 5 !== 0).map((l) => parseInt(l.slice(0, 8), 16) | 0);
    expect(seen).toEqual(expected);
  });

  it('truncated gzip is an input error, not a crash', async () => {
    const gz = gzipSync(hibp.repeat(200));
    const input = await file('cut.gz', gz.subarray(0, gz.length - 20));
    const r = await run(['--input', input, '--output', join(dir, 'cut.pgf'), '--format', 'hibp']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/corrupt gzip data/);
    expect((await readdir(dir)).filter((n) => n.startsWith('cut.pgf') || n.startsWith('.cut.pgf'))).toEqual([]);
  });
});

describe('passgate build: usage errors', () => {
  const cases: [string, string[], RegExp][] = [
    ['no --input', ['--output', 'x.pgf'], /--input FILE is required/],
    ['no --output', ['--input', 'x.txt'], /--output FILE is required/],
    ['unknown flag', ['--input', 'a', '--output', 'b', '--bogus'], /bogus/],
    ['positional argument', ['--input', 'a', '--output', 'b', 'extra'], /extra/],
    ['bad format', ['--input', 'a', '--output', 'b', '--format', 'csv'], /--format must be text or hibp/],
    ['fpr out of range', ['--input', 'a', '--output', 'b', '--fpr', '2'], /--fpr must be between/],
    ['fpr not a number', ['--input', 'a', '--output', 'b', '--fpr', 'low'], /--fpr expects a number/],
    ['min-count on text', ['--input', 'a', '--output', 'b', '--min-count', '3'], /--min-count needs --format hibp/],
    ['fractional min-count', ['--input', 'a', '--output', 'b', '--format', 'hibp', '--min-count', '1.5'], /--min-count expects a whole number/],
    ['fast keys for hibp', ['--input', 'a', '--output', 'b', '--format', 'hibp', '--key-type', 'fast'], /key type is sha1/],
    ['bad key type', ['--input', 'a', '--output', 'b', '--key-type', 'md5'], /--key-type must be fast, sha1 or ntlm/],
    ['same input and output', ['--input', 'a', '--output', './a'], /--output must differ from --input/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const c = capture();
    const err = await build(args, c.io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
  });

  it('missing input file and missing output directory', async () => {
    const c = capture();
    await expect(build(['--input', join(dir, 'nope.txt'), '--output', join(dir, 'o.pgf')], c.io)).rejects.toThrow(/cannot read --input .*ENOENT/);
    const input = await file('exists.txt', 'a\n');
    await expect(build(['--input', input, '--output', join(dir, 'no/such/dir/o.pgf')], c.io)).rejects.toThrow(/directory .* does not exist/);
  });

  it('--help prints usage and succeeds', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: passgate build');
  });
});
