/**
 * Writes the browser's light tier (src/assets/tiers.ts) next to the full lists in outDir: each
 * list cut to its first N entries (every shipped list is in rank order, most common first, so the
 * cut keeps what a guesser tries first and the ranks of what stays). Its filter is built with the
 * others (build-filters.ts). `scripts/build-data.ts` calls `buildLightLists(outDir)` after the
 * full lists exist.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lines } from '../src/assets/platform.js';
import { LightFiles, LightSizes } from '../src/assets/tiers.js';

export interface LightListEntry {
  file: string;
  /** The full-tier file it is cut from. */
  from: string;
  entries: number;
  bytes: number;
  sha256: string;
}

export async function buildLightLists(outDir: string): Promise<LightListEntry[]> {
  const out: LightListEntry[] = [];
  for (const [from, keep] of Object.entries(LightSizes)) {
    const file = LightFiles[from];
    if (typeof keep !== 'number' || !file || !from.endsWith('.txt')) continue;
    const entries = lines(new Uint8Array(await readFile(resolve(outDir, from)))).slice(0, keep);
    // A list the tier leaves out holds one comment line (read as no entries): an empty data file
    // means a damaged package (test/package checks none ships).
    const text = entries.length > 0 ? entries.join('\n') + '\n' : `# ${from}: not in the light tier (src/assets/tiers.ts)\n`;
    const bytes = new TextEncoder().encode(text);
    await writeFile(resolve(outDir, file), bytes);
    out.push({ file, from, entries: entries.length, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return out;
}
