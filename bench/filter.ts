/**
 * Breached-filter benchmark: passgate's blocked Bloom filter vs a minimal blocked Bloom
 * (a ~60-line reference implementation, written here), jasondavies `bloomfilter`,
 * a plain `Set` and `bloom-filters` `BloomFilter`, side by side in one process.
 *
 * Method: random 6–14 character ASCII keys. Every implementation is treated alike:
 * - Order: no implementation is always first. At each size the k implementations run in a
 *   rotated order, repetition r starting with implementation r mod k (build repetitions and
 *   lookup repetitions alike), and the number of lookup repetitions is rounded up to a multiple
 *   of k (so ≥ `reps`: 6 at 1e5 and 1e7, 5 at 1e6 by default) so that each implementation holds
 *   each position equally often.
 * - Queries: lookups use freshly generated strings, never the inserted objects (V8 caches a
 *   string's hash, which flatters `Set`). Each implementation gets its own fresh copies in every
 *   repetition (same keys for all within a repetition), built right before its timed pass and
 *   outside it: present queries, timed present pass, absent queries, timed absent pass.
 * - Warm-up: before the timed repetitions each implementation runs its lookup loop on fresh
 *   present and absent queries a few times (untimed), so no timed pass includes compilation.
 * - Results: medians of the repetitions with min–max (console; `…Range` in the JSON rows); hits
 *   are summed into a sink. Ratios are passgate's median over the peer's median.
 * bloom-filters does ~100 k ops/s, so it is measured only at sizes ≤ 1e5 and on fewer lookups.
 * Run alone: `npx tsx bench/filter.ts [--quick] [--json] [--sizes=1e5,1e6] [--only=passgate,minimal]`.
 */
import bloomFilters from 'bloom-filters'; // CommonJS: named imports are not detected under ESM
// @ts-expect-error -- bloomfilter ships no type declarations; the part used is typed below
import { BloomFilter as JdBloomUntyped } from 'bloomfilter';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createFilterBuilder, loadFilter, nodeSha1Hex } from '../src/filter/node.js';

export interface FilterSuiteOptions {
  sizes: number[];
  json: boolean;
  /** Target FPR given to every filter (default 0.01, as in measurements.md). */
  fpr?: number;
  /** Repetitions per measurement (default 5; medians are reported). */
  reps?: number;
  /** Lookups per repetition for the fast implementations (default 1e6). */
  lookups?: number;
  /** Only run implementations whose name contains one of these strings. */
  only?: string[];
}

export interface FilterRow {
  impl: string;
  size: number;
  lookupsPresentPerSec: number | null;
  lookupsAbsentPerSec: number | null;
  buildKeysPerSec: number | null;
  bitsPerKey: number | null;
  measuredFpr: number | null;
  loadMs: number | null;
  note?: string;
  /** [min, max] of the repetitions behind the medians above. */
  lookupsPresentRange?: [number, number];
  lookupsAbsentRange?: [number, number];
  /** Lookup repetitions behind the medians (≥ the suite's `reps`, a multiple of the implementations at this size). */
  reps?: number;
}

const BfBloom = bloomFilters.BloomFilter;
type BfBloom = InstanceType<typeof bloomFilters.BloomFilter>;
interface JdBloom {
  readonly m: number;
  readonly buckets: Uint32Array;
  add(v: string): void;
  test(v: string): boolean;
}
const JdBloom = JdBloomUntyped as new (m: number | ArrayLike<number>, k: number) => JdBloom;

let sink = 0; // every lookup result lands here so no loop can be optimised away

// ---------- keys: fresh, flat strings derived from an index ----------
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const codes: number[][] = Array.from({ length: 15 }, (_, n) => new Array<number>(n).fill(0));
function keyAt(i: number, ns: number): string {
  let s = Math.imul(i ^ Math.imul(ns, 0x9e3779b1), 0x85ebca6b) ^ 0x5bd1e995;
  s ^= s >>> 15;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  const len = 6 + (next() % 9);
  const c = codes[len]!;
  for (let j = 0; j < len; j++) c[j] = ALPHABET.charCodeAt(next() % 62);
  // fromCharCode.apply makes a flat sequential string (concatenation would make cons strings).
  return String.fromCharCode.apply(null, c);
}
const PRESENT_NS = 1;
const ABSENT_NS = 2;
/** Namespaces make absent keys different index streams; a collision of both 6–14 char random strings is negligible. */
function presentQueries(n: number, count: number, rep: number): string[] {
  const out = new Array<string>(count);
  let x = (rep + 1) * 0x9e3779b1;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) | 0;
    out[i] = keyAt((x >>> 0) % n, PRESENT_NS);
  }
  return out;
}
function absentQueries(count: number, rep: number): string[] {
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = keyAt(rep * 100_000_000 + i, ABSENT_NS);
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
function timeMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

// ---------- the minimal blocked Bloom reference (what "0.8× minimal" is measured against) ----------
class MinimalBlockedBloom {
  readonly words: Int32Array;
  readonly blocks: number;
  constructor(
    n: number,
    bitsPerKey: number,
    readonly k: number,
  ) {
    this.blocks = Math.max(1, Math.ceil((n * bitsPerKey) / 512));
    this.words = new Int32Array(this.blocks * 16);
  }
  private static h2 = 0;
  private static hash(s: string): number {
    let a = 0x12345678;
    let b = 0x9abcdef0 | 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0xcc9e2d51);
      a = (a << 15) | (a >>> 17);
      b = Math.imul(b ^ c, 0x1b873593);
      b = (b << 13) | (b >>> 19);
    }
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    b ^= b >>> 16;
    b = Math.imul(b, 0xc2b2ae35);
    b ^= b >>> 13;
    MinimalBlockedBloom.h2 = b;
    return a;
  }
  add(s: string): void {
    const a = MinimalBlockedBloom.hash(s);
    let x = MinimalBlockedBloom.h2;
    const base = Math.floor(((a >>> 0) * this.blocks) / 4294967296) * 16;
    for (let j = 0; j < this.k; j++) {
      const p = x >>> 23;
      const i = base + (p >>> 5);
      this.words[i] = this.words[i]! | (1 << (p & 31));
      x = (Math.imul(x, 1664525) + 1013904223) | 0;
    }
  }
  has(s: string): boolean {
    const a = MinimalBlockedBloom.hash(s);
    let x = MinimalBlockedBloom.h2;
    const base = Math.floor(((a >>> 0) * this.blocks) / 4294967296) * 16;
    for (let j = 0; j < this.k; j++) {
      const p = x >>> 23;
      if ((this.words[base + (p >>> 5)]! & (1 << (p & 31))) === 0) return false;
      x = (Math.imul(x, 1664525) + 1013904223) | 0;
    }
    return true;
  }
}

// ---------- one lookup loop per implementation, so no call site goes megamorphic ----------
function loopPassgate(f: { mayContain(s: string): boolean }, qs: string[]): number {
  let hits = 0;
  for (let i = 0; i < qs.length; i++) if (f.mayContain(qs[i]!)) hits++;
  return hits;
}
function loopPassgateSha1(f: { mayContain(s: string): boolean }, qs: string[]): number {
  let hits = 0;
  for (let i = 0; i < qs.length; i++) if (f.mayContain(qs[i]!)) hits++;
  return hits;
}
function loopMinimal(f: MinimalBlockedBloom, qs: string[]): number {
  let hits = 0;
  for (let i = 0; i < qs.length; i++) if (f.has(qs[i]!)) hits++;
  return hits;
}
function loopJd(f: JdBloom, qs: string[]): number {
  let hits = 0;
  for (let i = 0; i < qs.length; i++) if (f.test(qs[i]!)) hits++;
  return hits;
}
function loopSet(f: Set<string>, qs: string[]): number {
  let hits = 0;
  for (let i = 0; i < qs.length; i++) if (f.has(qs[i]!)) hits++;
  return hits;
}
function loopBf(f: BfBloom, qs: string[]): number {
  let hits = 0;
  for (let i = 0; i < qs.length; i++) if (f.has(qs[i]!)) hits++;
  return hits;
}

interface Subject {
  impl: string;
  maxSize: number;
  maxLookups: number;
  /** Builds from keys; returns the structure, its bits/key and an optional loader. */
  build(keys: string[]): { q: unknown; bitsPerKey: number | null; load?: () => void };
  loop(q: unknown, qs: string[]): number;
}

function subjects(fpr: number): Subject[] {
  const plainBits = (-Math.log(fpr)) / (Math.LN2 * Math.LN2);
  const plainK = Math.max(1, Math.round(plainBits * Math.LN2));
  return [
    {
      impl: 'passgate',
      maxSize: Infinity,
      maxLookups: Infinity,
      build(keys) {
        const b = createFilterBuilder({ expectedCount: keys.length, falsePositiveRate: fpr });
        for (let i = 0; i < keys.length; i++) b.add(keys[i]!);
        const bytes = b.finish();
        const f = loadFilter(bytes);
        return { q: f, bitsPerKey: f.bitsPerKey, load: () => void loadFilter(bytes) };
      },
      loop: (q, qs) => loopPassgate(q as { mayContain(s: string): boolean }, qs),
    },
    {
      impl: 'passgate sha1',
      maxSize: 1_000_000,
      maxLookups: 300_000,
      build(keys) {
        const b = createFilterBuilder({ expectedCount: keys.length, falsePositiveRate: fpr, keyType: 'sha1', sha1: nodeSha1Hex });
        for (let i = 0; i < keys.length; i++) b.add(keys[i]!);
        const f = loadFilter(b.finish());
        return { q: f, bitsPerKey: f.bitsPerKey };
      },
      loop: (q, qs) => loopPassgateSha1(q as { mayContain(s: string): boolean }, qs),
    },
    {
      impl: 'minimal blocked Bloom (reference)',
      maxSize: Infinity,
      maxLookups: Infinity,
      build(keys) {
        // Same shape passgate picks (blocked sizing), so speed is compared like for like.
        const probe = createFilterBuilder({ expectedCount: keys.length, falsePositiveRate: fpr });
        const shapeBits = ((probe.byteLength - 64) * 8) / Math.max(1, keys.length);
        const f = new MinimalBlockedBloom(keys.length, shapeBits, loadFilter(probe.finish()).k);
        for (let i = 0; i < keys.length; i++) f.add(keys[i]!);
        return { q: f, bitsPerKey: (f.blocks * 512) / keys.length };
      },
      loop: (q, qs) => loopMinimal(q as MinimalBlockedBloom, qs),
    },
    {
      impl: 'bloomfilter (jasondavies)',
      maxSize: Infinity,
      maxLookups: Infinity,
      build(keys) {
        const f = new JdBloom(Math.ceil(keys.length * plainBits), plainK);
        for (let i = 0; i < keys.length; i++) f.add(keys[i]!);
        const buckets = Array.from(f.buckets);
        return { q: f, bitsPerKey: f.m / keys.length, load: () => void new JdBloom(buckets, plainK) };
      },
      loop: (q, qs) => loopJd(q as JdBloom, qs),
    },
    {
      impl: 'Set<string>',
      maxSize: 1_000_000, // 1e7 strings in a Set is ~1 GiB of heap: left out, as in measurements.md
      maxLookups: Infinity,
      build(keys) {
        const before = process.memoryUsage().heapUsed;
        const f = new Set<string>();
        for (let i = 0; i < keys.length; i++) f.add(keys[i]!);
        const bytes = Math.max(0, process.memoryUsage().heapUsed - before);
        return { q: f, bitsPerKey: (bytes * 8) / keys.length };
      },
      loop: (q, qs) => loopSet(q as Set<string>, qs),
    },
    {
      impl: 'bloom-filters BloomFilter',
      maxSize: 100_000,
      maxLookups: 20_000,
      build(keys) {
        const f = BfBloom.create(keys.length, fpr);
        for (let i = 0; i < keys.length; i++) f.add(keys[i]!);
        const json = f.saveAsJSON();
        return { q: f, bitsPerKey: f.size / keys.length, load: () => void BfBloom.fromJSON(json) };
      },
      loop: (q, qs) => loopBf(q as BfBloom, qs),
    },
  ];
}

/** Rotated order for repetition `r`: starts with element `r mod k`. */
function rotated<T>(xs: readonly T[], r: number): T[] {
  const k = xs.length;
  return Array.from({ length: k }, (_, i) => xs[(r + i) % k]!);
}

const WARMUP_PASSES = 3;
const WARMUP_LOOKUPS = 100_000;
/** Query-stream index of warm-up pass `w` (disjoint from the timed repetitions' 0, 1, 2 …). */
const warmupRep = (w: number): number => 40 - w;

export async function runFilterSuite(opts: FilterSuiteOptions): Promise<object> {
  const fpr = opts.fpr ?? 0.01;
  const reps = Math.max(5, opts.reps ?? 5);
  const lookups = opts.lookups ?? 1_000_000;
  const sizes = opts.sizes.length > 0 ? opts.sizes : [1e5, 1e6, 1e7];
  const rows: FilterRow[] = [];
  const log = (s: string): void => {
    if (!opts.json) process.stdout.write(s + '\n');
  };
  log(`breached filter: target FPR ${fpr}, ≥ ${reps} reps (medians, min–max), ${lookups.toExponential(0)} lookups a rep, order rotated per rep`);
  for (const size of sizes) {
    const keys = new Array<string>(size);
    for (let i = 0; i < size; i++) keys[i] = keyAt(i, PRESENT_NS);
    interface Built {
      s: Subject;
      b: ReturnType<Subject['build']> | undefined;
      count: number;
      buildTimes: number[];
      loadTimes: number[];
      present: number[];
      absent: number[];
      falsePositives: number;
      absentTotal: number;
    }
    const built: Built[] = [];
    for (const s of subjects(fpr)) {
      if (opts.only && !opts.only.some((o) => s.impl.includes(o))) continue;
      if (size > s.maxSize) {
        rows.push({ impl: s.impl, size, lookupsPresentPerSec: null, lookupsAbsentPerSec: null, buildKeysPerSec: null, bitsPerKey: null, measuredFpr: null, loadMs: null, note: `skipped above ${s.maxSize} keys` });
        continue;
      }
      built.push({ s, b: undefined, count: Math.min(lookups, s.maxLookups), buildTimes: [], loadTimes: [], present: [], absent: [], falsePositives: 0, absentTotal: 0 });
    }
    if (built.length === 0) continue;
    const k = built.length;
    // Build (and load) `reps` times, the implementations in rotated order in each repetition.
    for (let r = 0; r < reps; r++) {
      for (const x of rotated(built, r)) {
        x.b = undefined; // let the previous structure go before building the next
        x.buildTimes.push(timeMs(() => (x.b = x.s.build(keys))));
        if (x.b!.load) x.loadTimes.push(timeMs(x.b!.load));
      }
    }
    // Warm-up: every implementation's lookup loop on fresh present and absent queries, untimed.
    for (let w = 0; w < WARMUP_PASSES; w++) {
      for (const x of rotated(built, w)) {
        const n = Math.min(x.count, WARMUP_LOOKUPS);
        sink += x.s.loop(x.b!.q, presentQueries(size, n, warmupRep(w)));
        sink += x.s.loop(x.b!.q, absentQueries(n, warmupRep(w)));
      }
    }
    // Lookups: repetition r runs the implementations in rotated order (starting with r mod k);
    // each builds its own fresh copies of repetition r's queries outside its timed passes.
    const lookupReps = Math.ceil(reps / k) * k;
    for (let r = 0; r < lookupReps; r++) {
      for (const x of rotated(built, r)) {
        const { count } = x;
        const q = x.b!.q;
        let hits = 0;
        {
          const p = presentQueries(size, count, r); // block-scoped: garbage before the absent set is made
          x.present.push(count / (timeMs(() => (hits = x.s.loop(q, p))) / 1000));
        }
        if (hits !== count) throw new Error(`${x.s.impl}: ${count - hits} false negatives`);
        sink += hits;
        {
          const a = absentQueries(count, r);
          x.absent.push(count / (timeMs(() => (hits = x.s.loop(q, a))) / 1000));
        }
        x.falsePositives += hits;
        x.absentTotal += count;
        sink += hits;
      }
    }
    for (const x of built) {
      const row: FilterRow = {
        impl: x.s.impl,
        size,
        lookupsPresentPerSec: median(x.present),
        lookupsAbsentPerSec: median(x.absent),
        buildKeysPerSec: size / (median(x.buildTimes) / 1000),
        bitsPerKey: x.b!.bitsPerKey,
        measuredFpr: x.falsePositives / x.absentTotal,
        loadMs: x.loadTimes.length ? median(x.loadTimes) : null,
        lookupsPresentRange: [Math.min(...x.present), Math.max(...x.present)],
        lookupsAbsentRange: [Math.min(...x.absent), Math.max(...x.absent)],
        reps: lookupReps,
      };
      rows.push(row);
      log(formatRow(row));
    }
  }
  const ratios = sizes.map((size) => {
    const get = (impl: string): FilterRow | undefined => rows.find((r) => r.size === size && r.impl === impl && r.lookupsAbsentPerSec !== null);
    const pg = get('passgate');
    const ratio = (other: FilterRow | undefined, key: 'lookupsPresentPerSec' | 'lookupsAbsentPerSec'): number | null =>
      pg && other && other[key] ? pg[key]! / other[key]! : null;
    return {
      size,
      vsMinimalPresent: ratio(get('minimal blocked Bloom (reference)'), 'lookupsPresentPerSec'),
      vsMinimalAbsent: ratio(get('minimal blocked Bloom (reference)'), 'lookupsAbsentPerSec'),
      vsBloomfilterPresent: ratio(get('bloomfilter (jasondavies)'), 'lookupsPresentPerSec'),
      vsSetPresent: ratio(get('Set<string>'), 'lookupsPresentPerSec'),
      vsBloomFiltersPresent: ratio(get('bloom-filters BloomFilter'), 'lookupsPresentPerSec'),
    };
  });
  for (const r of ratios) {
    log(`ratios at ${r.size.toExponential(0)}: passgate/minimal present ${fmtRatio(r.vsMinimalPresent)} absent ${fmtRatio(r.vsMinimalAbsent)}; /bloomfilter ${fmtRatio(r.vsBloomfilterPresent)}; /Set ${fmtRatio(r.vsSetPresent)}; /bloom-filters ${fmtRatio(r.vsBloomFiltersPresent)}`);
  }
  return { suite: 'filter', fpr, reps, lookups, rows, ratios, sink: sink % 1000 };
}

function fmtRatio(x: number | null): string {
  return x === null ? '-' : `${x.toFixed(2)}x`;
}
function fmtRate(x: number | null): string {
  if (x === null) return '-';
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(1)} k/s`;
}
function fmtRange(x: [number, number] | undefined): string {
  if (!x) return '';
  const f = (v: number): string => (v >= 1e6 ? (v / 1e6).toFixed(2) : `${(v / 1e3).toFixed(0)}k`);
  return `(${f(x[0])}–${f(x[1])})`;
}
function formatRow(r: FilterRow): string {
  return [
    `${r.size.toExponential(0).padEnd(5)} ${r.impl.padEnd(34)}`,
    `present ${fmtRate(r.lookupsPresentPerSec).padStart(10)} ${fmtRange(r.lookupsPresentRange).padEnd(13)}`,
    `absent ${fmtRate(r.lookupsAbsentPerSec).padStart(10)} ${fmtRange(r.lookupsAbsentRange).padEnd(13)}`,
    `build ${fmtRate(r.buildKeysPerSec).padStart(10)}`,
    `bits/key ${r.bitsPerKey === null ? '-' : r.bitsPerKey.toFixed(1).padStart(5)}`,
    `FPR ${r.measuredFpr === null ? '-' : r.measuredFpr.toExponential(2)}`,
    `load ${r.loadMs === null ? '-' : r.loadMs.toFixed(3) + ' ms'}`,
  ].join('  ');
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const json = process.argv.includes('--json');
  const quick = process.argv.includes('--quick'); // as `npm run bench -- --quick`: 1e5 keys, 2e5 lookups
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice(8).split(',').map(Number) : quick ? [1e5] : [1e5, 1e6, 1e7];
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? onlyArg.slice(7).split(',') : undefined;
  runFilterSuite({ sizes, json, ...(only ? { only } : {}), ...(quick ? { lookups: 200_000 } : {}) }).then((result) => {
    if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  });
}
