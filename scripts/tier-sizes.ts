/**
 * What the default browser checker downloads, per data tier: the files a checker actually fetches
 * (recorded through the browser platform's fetch, so the table cannot drift from the code), each
 * with its size and gzip -9 size, plus the browser core's JS (bundle-size.ts). The README's and
 * bench/RESULTS.md's size tables are this output.
 *
 *   npx tsx scripts/bundle-size.ts --tiers
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bindApi } from '../src/api.js';
import { createBrowserPlatform } from '../src/assets/browser.js';
import type { DataTier } from '../src/assets/tiers.js';

const DATA = fileURLToPath(new URL('../data/', import.meta.url));

export interface TierSize {
  tier: DataTier;
  files: { file: string; bytes: number; gzip: number }[];
  dataGzip: number;
}

/** Builds a default checker of the tier and records every data file it fetches. */
export async function tierSize(tier: DataTier): Promise<TierSize> {
  const files: TierSize['files'] = [];
  const recording = (async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    try {
      const bytes = await readFile(url);
      files.push({ file: basename(url.pathname), bytes: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength });
      return new Response(bytes);
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
  const api = bindApi(createBrowserPlatform({ baseUrl: pathToFileURL(resolve(DATA) + '/'), fetch: recording, tier }));
  await api.createChecker();
  files.sort((a, b) => b.gzip - a.gzip);
  return { tier, files, dataGzip: files.reduce((n, f) => n + f.gzip, 0) };
}

/** The markdown table: JS and each file, gzip, per tier. */
export function tierTable(jsGzip: number, tiers: readonly TierSize[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const names = [...new Set(tiers.flatMap((t) => t.files.map((f) => f.file)))];
  const L = [`| download (gzip -9) | ${tiers.map((t) => `${t.tier} tier`).join(' | ')} |`, `|---|${tiers.map(() => '---:').join('|')}|`];
  L.push(`| browser core JS (min) | ${tiers.map(() => kb(jsGzip)).join(' | ')} |`);
  for (const name of names) L.push(`| \`data/${name}\` | ${tiers.map((t) => { const f = t.files.find((x) => x.file === name); return f ? kb(f.gzip) : '–'; }).join(' | ')} |`);
  L.push(`| **total** | ${tiers.map((t) => `**${kb(jsGzip + t.dataGzip)}**`).join(' | ')} |`);
  return L.join('\n') + '\n';
}
