/**
 * `passgate build` from the downloader's per-prefix layout: time and peak RSS against the file
 * count (issue 20, item 6: 256 k empty files took 1.43 GB and 121 s before the fix). Writes N
 * files XXXXX.txt (one SUFFIX:COUNT line each, or empty with --empty) into a temporary
 * directory, runs the built CLI (dist/) under /usr/bin/time, prints one line, and deletes them.
 *
 *   npx tsx bench/prefix-dir.ts [--files 262144] [--threads 1] [--empty]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { files: { type: 'string' }, threads: { type: 'string' }, empty: { type: 'boolean' } } });
const files = Number(values.files ?? 262_144);
const threads = values.threads ?? '1';
const bin = new URL('../bin/passgate.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'passgate-bench-prefix-'));
try {
  const t0 = performance.now();
  for (let i = 0; i < files; i++) {
    const name = i.toString(16).toUpperCase().padStart(5, '0');
    writeFileSync(join(dir, `${name}.txt`), values.empty ? '' : `${(i * 2654435761 >>> 0).toString(16).toUpperCase().padStart(35, '0').slice(0, 35)}:1\n`);
  }
  const made = (performance.now() - t0) / 1000;
  const load = loadavg()[0]!.toFixed(2);
  const out = join(dir, 'out.pgf');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, 'build', '--input', dir, '--output', out, '--threads', threads, '--expected', String(files)], { encoding: 'utf8' });
  const [seconds, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ');
  console.log(
    `${new Date().toISOString()} ${cpus()[0]?.model} ×${cpus().length}, load ${load}: ${files} files${values.empty ? ' (empty)' : ''}, --threads ${threads}: ` +
      `exit ${r.status}, ${seconds} s, peak RSS ${(Number(kb) / 1024).toFixed(0)} MiB (files written in ${made.toFixed(0)} s)`,
  );
  if (r.status !== 0 && !values.empty) console.log(r.stdout, r.stderr);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

