/**
 * Builds every generated data file the package ships into data/: the word lists (global banned
 * terms, dictionary, names, common passwords) and the breached-password filters. Deterministic:
 * the same installed packages give the same bytes. Writes data/manifest.json describing them.
 *
 *   npx tsx scripts/build-data.ts [outDir]     (npm run build:data)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildWordlists } from './build-wordlists.js';
import { buildDefaultFilters } from './build-filters.js';

async function main(outDir: string): Promise<void> {
  const started = performance.now();
  await mkdir(outDir, { recursive: true });
  const words = await buildWordlists(outDir);
  const filters = await buildDefaultFilters(outDir);
  const manifest = { generatedBy: 'scripts/build-data.ts', wordlists: words, filters };
  await writeFile(resolve(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const ms = Math.round(performance.now() - started);
  const count = words.length + filters.filters.length;
  process.stderr.write(`build-data: ${count} files in ${outDir} (${ms} ms)\n`);
}

main(resolve(process.argv[2] ?? 'data')).catch((err: unknown) => {
  process.stderr.write(`build-data: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
