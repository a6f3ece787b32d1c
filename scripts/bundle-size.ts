/**
 * Prints the browser core's size: src/browser.ts bundled and minified the way a web app would
 * ship it (every dependency inlined, no data files), then gzipped. The word lists and filters are
 * not in it: the browser platform fetches them lazily from data/. zxcvbn-ts stays out too: it is
 * an opt-in estimator loaded by dynamic import only when `estimator: 'zxcvbn'` is asked for.
 *
 *   npx tsx scripts/bundle-size.ts [--json]
 */
import { build } from 'esbuild';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TARGET_BYTES = 25 * 1024;

async function main(): Promise<void> {
  const entry = fileURLToPath(new URL('../src/browser.ts', import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    external: ['@zxcvbn-ts/*'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const gzip = gzipSync(code, { level: 9 }).byteLength;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;
  const nodeBuiltins = Object.keys(result.metafile.inputs).filter((p) => p.startsWith('node:'));
  // The biggest contributors, so a regression can be traced to a module.
  const out = Object.values(result.metafile.outputs)[0]!;
  const top = Object.entries(out.inputs)
    .map(([path, info]) => ({ path: path.replace(/^.*node_modules\//, 'node_modules/'), bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  const report = { minified: code.byteLength, gzip, brotli, targetGzip: TARGET_BYTES, withinTarget: gzip <= TARGET_BYTES, nodeBuiltins, top };
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    process.stdout.write(
      `browser core (src/browser.ts, no lists): ${kb(code.byteLength)} min, ${kb(gzip)} min+gzip, ${kb(brotli)} min+brotli ` +
        `(target ≤ ${kb(TARGET_BYTES)} gzip: ${report.withinTarget ? 'met' : 'MISSED'})\n` +
        top.map((t) => `  ${kb(t.bytes).padStart(9)}  ${t.path}`).join('\n') +
        '\n',
    );
  }
  if (nodeBuiltins.length > 0) {
    process.stderr.write(`bundle-size: Node built-ins reachable from the browser entry: ${nodeBuiltins.join(', ')}\n`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bundle-size: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
