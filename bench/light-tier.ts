/**
 * The browser's data tiers judged in Node, through the browser platform itself (src/assets/browser.ts)
 * with a fetch that reads data/ from disk: the same files, names, fallbacks and decoders a page
 * gets. bench/quality.ts --light uses it to put the light tier's recall and false rejections next
 * to the full tier's, and to count where the light tier is stricter than the server (Node, 1M
 * filter): the direction a page must never err in, apart from its filter's false positives.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindApi } from '../src/api.js';
import { createBrowserPlatform } from '../src/assets/browser.js';
import type { DataTier } from '../src/assets/tiers.js';
import type { CheckerOptions, EvaluationResult } from '../src/index.js';

const DATA = resolve(import.meta.dirname, '../data/');

/** A fetch of file: URLs: 404 when the file is missing, as a static host answers. */
const fileFetch = (async (input: string | URL | Request) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  try {
    return new Response(await readFile(url));
  } catch {
    return new Response(null, { status: 404 });
  }
}) as typeof fetch;

/** A checker of one tier, as a browser would build it from the package's data/ folder. */
export async function tierChecker(tier: DataTier, options: CheckerOptions, dataDir = DATA) {
  const api = bindApi(createBrowserPlatform({ baseUrl: pathToFileURL(dataDir + '/'), fetch: fileFetch, tier }));
  return api.createChecker(options);
}

export interface StricterTally {
  /** Where the passwords came from: a set's ≥ 8-character entries or a strong family. */
  source: string;
  n: number;
  /** Rejected by the light tier, accepted by the server. */
  stricter: number;
  /** Of those, by the light tier's rejecting codes (a filter false positive is BREACHED_PASSWORD). */
  codes: Record<string, number>;
}

/** Counts where `light` rejects and `server` accepts. */
export function tallyStricter(
  source: string,
  ps: readonly string[],
  light: (p: string) => EvaluationResult,
  server: (p: string) => EvaluationResult,
): StricterTally {
  const t: StricterTally = { source, n: ps.length, stricter: 0, codes: {} };
  for (const p of ps) {
    const l = light(p);
    if (l.accepted || !server(p).accepted) continue;
    t.stricter++;
    for (const code of new Set(l.findings.filter((f) => f.severity === 'reject').map((f) => String(f.code)))) t.codes[code] = (t.codes[code] ?? 0) + 1;
  }
  return t;
}

export function stricterMarkdown(rows: readonly StricterTally[]): string[] {
  const L = ['## The light browser tier against the server', ''];
  L.push('Rejected by the light tier (the browser default: src/assets/tiers.ts) but accepted by the server (Node, recommended, minLength 8, 1M filter). A page shows the light verdict as provisional and the server decides on submit; the light tier drops knowledge, so these are mostly its breached filter\'s false positives (FPR 1e-3, two probes: ~0.2 %), plus a few strength verdicts the full tier\'s model or longer lists would lift.', '');
  L.push('| passwords | n | light rejects, server accepts | by code |', '|---|---:|---:|---|');
  for (const r of rows) {
    const codes = Object.entries(r.codes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join('; ');
    L.push(`| ${r.source} | ${r.n} | ${r.stricter} (${((100 * r.stricter) / Math.max(1, r.n)).toFixed(3)} %) | ${codes || '–'} |`);
  }
  L.push('');
  return L;
}
