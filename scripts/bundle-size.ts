/**
 * Prints the browser core's size: src/browser.ts bundled and minified the way a web app would
 * ship it (every dependency inlined, no data files), then gzipped — once as one file (no code
 * splitting, what most bundler set-ups for a library give) and once with splitting, where only
 * the entry chunk counts (lazy chunks load on demand). The word lists and filters are not in it:
 * the browser platform fetches them lazily from data/. zxcvbn-ts is not reachable from the
 * entry at all (it is `passgate/zxcvbn`), so the two figures should be close.
 *
 *   npx tsx scripts/bundle-size.ts [--json] [--entry FILE]   (FILE: another entry, e.g. an older checkout's)
 *   npx tsx scripts/bundle-size.ts --tiers   also what the default checker downloads, per data tier (tier-sizes.ts)
 */
import { tierSize, tierTable } from './tier-sizes.js';
import { build, type Metafile } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

// 26.4 KB before issue 13; the five locales it added cost 4.4 KB of it (nine catalogues in all).
const TARGET_BYTES = 32 * 1024;
/** The light tier's whole download, JS and data (issue 22). */
const LIGHT_TARGET_BYTES = 300 * 1024;

interface Size {
  minified: number;
  gzip: number;
  brotli: number;
  /** Bytes in lazily loaded chunks (splitting only): not downloaded until used. */
  lazyMinified: number;
  top: { path: string; bytes: number }[];
  nodeBuiltins: string[];
}

async function measure(entry: string, splitting: boolean): Promise<Size> {
  const outdir = mkdtempSync(join(tmpdir(), 'passgate-bundle-'));
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      splitting,
      outdir,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = Object.entries(result.metafile.outputs).filter(([p]) => p.endsWith('.js'));
    const [entryPath, entryOut] = outputs.find(([, o]) => o.entryPoint !== undefined)!;
    const code = readFileSync(entryPath);
    const lazyMinified = outputs.filter(([p]) => p !== entryPath).reduce((n, [, o]) => n + o.bytes, 0);
    return {
      minified: code.byteLength,
      gzip: gzipSync(code, { level: 9 }).byteLength,
      brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
      lazyMinified,
      top: topInputs(entryOut),
      nodeBuiltins: Object.keys(result.metafile.inputs).filter((p) => p.startsWith('node:')),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The biggest contributors, so a regression can be traced to a module. */
function topInputs(out: Metafile['outputs'][string]): Size['top'] {
  return Object.entries(out.inputs)
    .map(([path, info]) => ({ path: path.replace(/^.*node_modules\//, 'node_modules/'), bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--entry');
  const entry = at > 0 ? process.argv[at + 1]! : fileURLToPath(new URL('../src/browser.ts', import.meta.url));
  const single = await measure(entry, false);
  const split = await measure(entry, true);
  const report = { single, split, targetGzip: TARGET_BYTES, withinTarget: single.gzip <= TARGET_BYTES };
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const line = (name: string, s: Size) =>
      `${name}: ${kb(s.minified)} min, ${kb(s.gzip)} min+gzip, ${kb(s.brotli)} min+brotli` +
      (s.lazyMinified > 0 ? ` (+ ${kb(s.lazyMinified)} min in lazy chunks)` : '');
    process.stdout.write(
      'browser core (src/browser.ts, esbuild, no lists)\n' +
        `  ${line('one file, no splitting', single)}\n` +
        `  ${line('with splitting, entry chunk', split)}\n` +
        `  target ≤ ${kb(TARGET_BYTES)} gzip without splitting: ${report.withinTarget ? 'met' : 'MISSED'}\n` +
        single.top.map((t) => `  ${kb(t.bytes).padStart(9)}  ${t.path}`).join('\n') +
        '\n',
    );
  }
  if (process.argv.includes('--tiers')) {
    // The light tier (the default) must stay within 300 KB gzip, JS included (issue 22).
    const tiers = [await tierSize('light'), await tierSize('full')];
    const total = single.gzip + tiers[0]!.dataGzip;
    process.stdout.write(`\nwhat the default browser checker downloads (${new Date().toISOString().slice(0, 10)})\n\n` + tierTable(single.gzip, tiers));
    if (total > LIGHT_TARGET_BYTES) {
      process.stderr.write(`bundle-size: the light tier downloads ${total} bytes gzip, over ${LIGHT_TARGET_BYTES}\n`);
      process.exitCode = 1;
    }
  }
  const builtins = [...new Set([...single.nodeBuiltins, ...split.nodeBuiltins])];
  if (builtins.length > 0) {
    process.stderr.write(`bundle-size: Node built-ins reachable from the browser entry: ${builtins.join(', ')}\n`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bundle-size: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
