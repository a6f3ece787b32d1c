/** `passgate build` from every input shape issue 12 names: per-prefix directories, stdin, NTLM. */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/cli/build.js';
import { buildProgress } from '../../src/cli/build-progress.js';
import { UsageError, type CliIO } from '../../src/cli/io.js';
import { ntlmDigest } from '../../src/filter/md4.js';
import { loadFilter } from '../../src/filter/node.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passgate-sources-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha1 = (s: string): string => createHash('sha1').update(s, 'utf8').digest('hex').toUpperCase();
const ntlm = (s: string): string => Buffer.from(ntlmDigest(s)).toString('hex').toUpperCase();

async function run(args: string[], stdin: Buffer | string = ''): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (c: Buffer) => (o += c.toString()));
  err.on('data', (c: Buffer) => (e += c.toString()));
  const io: CliIO = { stdin: Readable.from([Buffer.from(stdin)]), stdout: out, stderr: err, env: {} };
  const code = await build(args, io);
  return { code, out: o, err: e };
}

/** The downloader's layout: one XXXXX.txt per 5-hex prefix, lines SUFFIX:COUNT with CRLF. */
async function prefixDir(name: string, passwords: [string, number][], hash: (s: string) => string): Promise<string> {
  const d = join(dir, name);
  await mkdir(d);
  const byPrefix = new Map<string, string[]>();
  for (const [p, count] of passwords) {
    const h = hash(p);
    const lines = byPrefix.get(h.slice(0, 5)) ?? [];
    lines.push(`${h.slice(5)}:${count}`);
    byPrefix.set(h.slice(0, 5), lines);
  }
  for (const [prefix, lines] of byPrefix) await writeFile(join(d, `${prefix}.txt`), lines.join('\r\n') + '\r\n');
  await writeFile(join(d, 'README.md'), 'not a prefix file\n'); // ignored
  return d;
}

const words: [string, number][] = Array.from({ length: 300 }, (_, i) => [`word${i}`, (i % 7) + 1]);

describe('passgate build: per-prefix directories', () => {
  it('SHA-1: every hash is found, --min-count applies, line numbers name the file', async () => {
    const d = await prefixDir('sha1dir', words, sha1);
    const output = join(dir, 'dir.pgf');
    const r = await run(['--input', d, '--output', output, '--min-count', '3']);
    // The same directory parsed on two worker threads.
    const threaded = await run(['--input', d, '--output', join(dir, 'dir2.pgf'), '--min-count', '3', '--threads', '2']);
    expect(threaded.out.replace(/dir2/, 'dir').replace(/[\d.]+ s\n$/, '')).toBe(r.out.replace(/[\d.]+ s\n$/, ''));
    expect(await readFile(join(dir, 'dir2.pgf'))).toEqual(await readFile(output));
    expect(r.code).toBe(0);
    const kept = words.filter(([, c]) => c >= 3);
    expect(r.out).toMatch(new RegExp(`built .*: ${kept.length} entries, ${words.length - kept.length} skipped, 0 malformed; sha1 keys`));
    const f = loadFilter(await readFile(output));
    expect(f).toMatchObject({ keyType: 'sha1', minCount: 3, count: kept.length });
    for (const [p] of kept) expect(f.mayContain(p)).toBe(true);
    for (const [p] of kept) expect(f.mayContainSha1Hex!(sha1(p))).toBe(true);
    // The same hashes from one flat file give the identical filter.
    const flat = join(dir, 'flat.txt');
    await writeFile(flat, words.map(([p, c]) => `${sha1(p)}:${c}`).sort().join('\n'));
    await run(['--input', flat, '--output', join(dir, 'flat.pgf'), '--format', 'hibp', '--min-count', '3']);
    expect(await readFile(join(dir, 'flat.pgf'))).toEqual(await readFile(output));
  }, 120_000);

  it('NTLM directories and flat NTLM files', async () => {
    const d = await prefixDir('ntlmdir', words, ntlm);
    const r = await run(['--input', d, '--output', join(dir, 'ntlm.pgf'), '--hash', 'ntlm']);
    expect(r.code).toBe(0);
    const f = loadFilter(await readFile(join(dir, 'ntlm.pgf')));
    expect(f.keyType).toBe('ntlm');
    for (const [p] of words) expect(f.mayContain(p)).toBe(true);
    const flat = join(dir, 'ntlm.txt');
    await writeFile(flat, words.map(([p, c]) => `${ntlm(p).toLowerCase()}:${c}`).join('\n'));
    const r2 = await run(['--input', flat, '--output', join(dir, 'ntlm2.pgf'), '--hash', 'ntlm']);
    expect(r2.code).toBe(0);
    expect(await readFile(join(dir, 'ntlm2.pgf'))).toEqual(await readFile(join(dir, 'ntlm.pgf')));
    // SHA-1 lines read as NTLM are the wrong length: every line malformed, the build fails.
    const wrong = await run(['--input', join(dir, 'flat.txt'), '--output', join(dir, 'wrong.pgf'), '--hash', 'ntlm']);
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(/every line \(300\) is malformed \(line 1: expected ':' after the 32-digit hash\)/);
  });

  it('malformed lines in a directory name their file', async () => {
    const d = join(dir, 'baddir');
    await mkdir(d);
    await writeFile(join(d, '00000.txt'), `${'A'.repeat(35)}:2\nnot-a-suffix:3\n`);
    const r = await run(['--input', d, '--output', join(dir, 'bad.pgf')]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/skipped 1 malformed line \(00000\.txt line 2: /);
  });

  it('a directory without XXXXX.txt files is an input error', async () => {
    const d = join(dir, 'empty-dir');
    await mkdir(d);
    const r = await run(['--input', d, '--output', join(dir, 'e.pgf')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/no XXXXX\.txt files .* not the downloader's per-prefix layout/);
  });
});

describe('passgate build: worker threads', () => {
  it('threaded and single-threaded builds give identical bytes, counts and malformed line numbers', async () => {
    // ~3 MiB, so the input spans several 1 MiB chunks and workers; bad lines scattered through it.
    const lines: string[] = [];
    for (let i = 0; i < 70_000; i++) {
      if (i % 9973 === 5) lines.push(`bad line ${i}`);
      else lines.push(`${sha1('t' + i)}:${(i % 4) + (i % 3)}`);
    }
    const input = join(dir, 'threads.txt');
    await writeFile(input, lines.join('\n'));
    const one = await run(['--input', input, '--output', join(dir, 't1.pgf'), '--threads', '1', '--min-count', '2', '--format', 'hibp']);
    const two = await run(['--input', input, '--output', join(dir, 't2.pgf'), '--threads', '2', '--min-count', '2', '--format', 'hibp']);
    const three = await run(['--input', gzipFile(input, lines), '--output', join(dir, 't3.pgf'), '--threads', '3', '--min-count', '2', '--expected', '50000', '--format', 'hibp']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(three.code).toBe(0);
    const strip = (s: string): string => s.replace(/[\d.]+ s\n$/, '').replace(/built \S+/, 'built');
    expect(strip(two.out)).toBe(strip(one.out));
    expect(two.err).toBe(one.err);
    expect(one.err).toMatch(/skipped 8 malformed lines \(line 6: .*; line 9979: /);
    expect(await readFile(join(dir, 't2.pgf'))).toEqual(await readFile(join(dir, 't1.pgf')));
    const f = loadFilter(await readFile(join(dir, 't3.pgf')));
    for (let i = 0; i < 70_000; i++) {
      if (i % 9973 !== 5 && (i % 4) + (i % 3) >= 2 && !f.mayContainSha1Hex!(sha1('t' + i))) throw new Error(`false negative ${i}`);
    }
  }, 120_000); // workers started from sources compile them first (tsx): slow here, not in dist/
});

function gzipFile(path: string, lines: string[]): string {
  const gz = path + '.gz';
  writeFileSync(gz, gzipSync(lines.join('\n')));
  return gz;
}

describe('passgate build: stdin', () => {
  it('reads plain and gzip stdin with --expected', async () => {
    const text = words.map(([p, c]) => `${sha1(p)}:${c}`).join('\n');
    for (const input of [Buffer.from(text), gzipSync(text)]) {
      const out = join(dir, `stdin${input[0]}.pgf`);
      const r = await run(['--input', '-', '--output', out, '--format', 'hibp', '--expected', '300'], input);
      expect(r.code).toBe(0);
      const f = loadFilter(await readFile(out));
      for (const [p] of words) expect(f.mayContain(p)).toBe(true);
    }
  });

  it('stdin without --expected is a usage error (it cannot be read twice)', async () => {
    await expect(run(['--input', '-', '--output', join(dir, 's.pgf')])).rejects.toThrow(UsageError);
    await expect(run(['--input', '-', '--output', join(dir, 's.pgf')])).rejects.toThrow(/--expected N/);
  });

  it('--hash needs hibp input; --key-type must agree with it', async () => {
    await expect(run(['--input', '-', '--output', 'x', '--format', 'text', '--hash', 'ntlm', '--expected', '1'])).rejects.toThrow(/--hash needs --format hibp/);
    await expect(run(['--input', '-', '--output', 'x', '--hash', 'ntlm', '--key-type', 'sha1', '--expected', '1'])).rejects.toThrow(/the key type is ntlm/);
    await expect(run(['--input', '-', '--output', 'x', '--hash', 'md5', '--expected', '1'])).rejects.toThrow(/--hash must be sha1 or ntlm/);
  });
});

describe('build progress', () => {
  const sink = (tty: boolean): { io: CliIO; text: () => string } => {
    const err = new PassThrough();
    let t = '';
    err.on('data', (c: Buffer) => (t += c.toString()));
    const io = { stdin: Readable.from([]), stdout: new PassThrough(), stderr: Object.assign(err, { isTTY: tty, columns: 100 }), env: {} } as CliIO;
    return { io, text: () => t };
  };
  it('off a terminal: plain periodic lines with lines/s and ETA', async () => {
    const s = sink(false);
    const p = buildProgress(s.io, 'inserting', 0);
    await new Promise((r) => setTimeout(r, 5));
    p.update(50, 100, 2_000_000);
    p.clear();
    await new Promise((r) => setImmediate(r));
    expect(s.text()).toMatch(/^inserting:  50% 2,000,000 lines, [\d.]+ [kM] lines\/s, ETA \d\d:\d\d\n$/);
  });
  it('on a terminal: a redrawn bar, cleared at the end', async () => {
    const s = sink(true);
    const p = buildProgress(s.io, 'counting ');
    await new Promise((r) => setTimeout(r, 120));
    p.update(25, 100, 10);
    p.clear();
    await new Promise((r) => setImmediate(r));
    expect(s.text()).toMatch(/^\rcounting  \[#+\.+\]  25% 10 lines, .* ETA \d\d:\d\d\x1b\[K\r\x1b\[K$/);
  });
});
