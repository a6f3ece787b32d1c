import type { Counter, Gauge, Registry } from 'prom-client';
import { importOptional } from '../optional-import.js';
import type { Served } from './core.js';
import type { Reply } from './reply.js';
import type { WorkersStatus } from './workers-status.js';
import type { PopularityStats } from '../popularity/types.js';

type PromClient = typeof import('prom-client');

/** Upper bounds (seconds) of passgate_http_request_duration_seconds. */
export const LATENCY_BUCKETS: readonly number[] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

interface LatencyCounts {
  readonly route: string;
  /** Observations per bucket (not cumulative), as prom-client keeps them. */
  readonly buckets: number[];
  sum: number;
  count: number;
}

interface RequestCount {
  readonly labels: { readonly route: string; readonly method: string; readonly status: number };
  n: number;
}

/** The counts in prom-client's Histogram#hashMap shape: one entry per label set. */
function latencyHashMap(counts: ReadonlyMap<string, LatencyCounts>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of counts.values()) {
    const bucketValues: Record<number, number> = {};
    LATENCY_BUCKETS.forEach((bound, i) => (bucketValues[bound] = c.buckets[i]!));
    out[`route:${c.route}`] = { labels: { route: c.route }, bucketValues, sum: c.sum, count: c.count };
  }
  return out;
}

/**
 * prom-client is an optional peer dependency: a library install never needs it, so the server
 * loads it when it starts and says how to install it when it is missing.
 */
export async function loadServiceMetrics(generation: number): Promise<ServiceMetrics> {
  const prom = await importOptional(() => import('prom-client'), 'passgate serve (its /metrics)', ['prom-client']);
  return new ServiceMetrics(prom, generation);
}

/**
 * The service's Prometheus metrics (prom-client, the Node client the Prometheus docs list).
 * Labels come from fixed vocabularies only — route templates, methods, status codes, finding
 * codes — so neither a password nor a path can become a label, and cardinality stays bounded.
 * Each server has its own registry (tests and embedders may run several in one process).
 */
export class ServiceMetrics {
  readonly registry: Registry;
  readonly #requests: Counter;
  readonly #verdicts: Counter;
  readonly #reasons: Counter;
  readonly #generation: Gauge;
  readonly #reloads: Counter;
  readonly #failing: Gauge;
  // Per-request counts kept in plain maps and handed to prom-client when scraped (its `collect`):
  // prom-client's inc() validates and hashes the labels on every call, the largest per-request
  // extra the service had (bench/RESULTS.md). Keys come from fixed vocabularies, so they are few.
  // Looked up by route, then method, then status (fixed strings and a number: no key string built
  // per request); listed in the order first seen, the order the exposition has always had.
  readonly #requestCounts: RequestCount[] = [];
  readonly #requestIndex = new Map<string, Map<string, Map<number, RequestCount>>>();
  readonly #verdictCounts = { accepted: 0, rejected: 0 };
  readonly #reasonCounts = new Map<string, number>();
  // The latency histogram likewise: per route, its buckets counted here and handed over at scrape
  // time (prom-client's observe() validates and hashes the labels on every call, as inc() does).
  readonly #latencyCounts = new Map<string, LatencyCounts>();
  /** prom-client, loaded by loadServiceMetrics: metrics added later (watchPopularity) use it too. */
  readonly #prom: PromClient;

  constructor(prom: PromClient, generation: number) {
    this.#prom = prom;
    const { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = prom;
    const registers = [(this.registry = new Registry())];
    const requestCounts = this.#requestCounts;
    const verdictCounts = this.#verdictCounts;
    const reasonCounts = this.#reasonCounts;
    const latencyCounts = this.#latencyCounts;
    this.#requests = new Counter({
      name: 'passgate_http_requests_total',
      help: 'HTTP requests answered, by route template, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers,
      collect() {
        this.reset();
        for (const { labels, n } of requestCounts) this.inc(labels, n);
      },
    });
    new Histogram({
      name: 'passgate_http_request_duration_seconds',
      help: 'Time from the request to the answer written, by route template.',
      labelNames: ['route'],
      buckets: [...LATENCY_BUCKETS],
      registers,
      collect() {
        // prom-client exports a histogram from `hashMap` (its per-label-set buckets, sum and count),
        // which observe() fills: filled here in the same shape from the counts kept per request.
        // test/server/metrics-histogram.test.ts holds prom-client's own observe() as the oracle.
        (this as unknown as { hashMap: Record<string, unknown> }).hashMap = latencyHashMap(latencyCounts);
      },
    });
    this.#verdicts = new Counter({
      name: 'passgate_verdicts_total',
      help: 'Passwords judged by POST /v1/evaluate, by verdict.',
      labelNames: ['verdict'],
      registers,
      collect() {
        this.reset();
        for (const verdict of ['accepted', 'rejected'] as const) this.inc({ verdict }, verdictCounts[verdict]);
      },
    });
    this.#reasons = new Counter({
      name: 'passgate_rejections_total',
      help: 'Rejecting reasons (policy.rejectedBy), by finding code; one verdict may count under several.',
      labelNames: ['code'],
      registers,
      collect() {
        this.reset();
        for (const [code, n] of reasonCounts) this.inc({ code }, n);
      },
    });
    this.#generation = new Gauge({ name: 'passgate_config_generation', help: 'The configuration generation in force.', registers });
    this.#reloads = new Counter({ name: 'passgate_reloads_total', help: 'Reloads attempted, by outcome.', labelNames: ['outcome'], registers });
    this.#failing = new Gauge({ name: 'passgate_reload_failing', help: '1 while the last reload failed (the previous generation keeps serving), else 0.', registers });
    collectDefaultMetrics({ register: this.registry });
    this.#generation.set(generation);
    this.#failing.set(0);
    for (const outcome of ['ok', 'failed']) this.#reloads.inc({ outcome }, 0);
  }

  request(served: Served, status: number, seconds: number): void {
    let byMethod = this.#requestIndex.get(served.route);
    if (!byMethod) this.#requestIndex.set(served.route, (byMethod = new Map()));
    let byStatus = byMethod.get(served.method);
    if (!byStatus) byMethod.set(served.method, (byStatus = new Map()));
    const counted = byStatus.get(status);
    if (counted) counted.n++;
    else {
      const first: RequestCount = { labels: { route: served.route, method: served.method, status }, n: 1 };
      byStatus.set(status, first);
      this.#requestCounts.push(first);
    }
    let latency = this.#latencyCounts.get(served.route);
    if (!latency) this.#latencyCounts.set(served.route, (latency = { route: served.route, buckets: new Array<number>(LATENCY_BUCKETS.length).fill(0), sum: 0, count: 0 }));
    latency.sum += seconds;
    latency.count++;
    // The first bucket whose bound holds the value; past the last one only +Inf (the count) does.
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
      if (seconds <= LATENCY_BUCKETS[i]!) {
        latency.buckets[i]!++;
        break;
      }
    }
    const result = served.result;
    if (!result) return;
    this.#verdictCounts[result.accepted ? 'accepted' : 'rejected']++;
    for (const code of result.policy.rejectedBy) this.#reasonCounts.set(code, (this.#reasonCounts.get(code) ?? 0) + 1);
  }

  /**
   * Under `serve --workers N`: the primary's view of the workers, read at each scrape from the
   * status it last sent (prom-client calls `collect` first). A single process registers none.
   */
  workers(source: () => WorkersStatus | null): void {
    const { Counter, Gauge } = this.#prom;
    const registers = [this.registry];
    const count = (name: string, help: string, pick: (s: WorkersStatus) => number) =>
      new Counter({
        name, help, registers,
        collect() {
          const s = source();
          if (!s) return;
          // The primary keeps the total; a counter mirrors it (it only ever grows).
          this.reset();
          this.inc(pick(s));
        },
      });
    const gauge = (name: string, help: string, pick: (s: WorkersStatus) => number) =>
      new Gauge({
        name, help, registers,
        collect() {
          const s = source();
          if (s) this.set(pick(s));
        },
      });
    gauge('passgate_workers_expected', 'Worker processes asked for (--workers N).', (s) => s.expected);
    gauge('passgate_workers_alive', 'Worker processes serving now; below passgate_workers_expected while dead ones wait for their restart.', (s) => s.alive);
    count('passgate_worker_deaths_total', 'Worker processes that died after starting to serve.', (s) => s.deaths);
    count('passgate_worker_restarts_total', 'Replacement worker processes started.', (s) => s.restarts);
  }

  reload(ok: boolean, generation: number): void {
    this.#reloads.inc({ outcome: ok ? 'ok' : 'failed' });
    this.#failing.set(ok ? 0 : 1);
    this.#generation.set(generation);
  }

  /**
   * The popularity store's health, read when scraped: how full the sketch is and how often the
   * store failed. Nothing about any root — no count, no hash, no position — is ever a metric.
   */
  watchPopularity(read: () => Promise<PopularityStats | null>): void {
    const { Counter, Gauge } = this.#prom;
    let reported = 0;
    // Registered after the gauge, whose collect() brings it up to date: one scrape shows both.
    let errors: Counter | undefined;
    new Gauge({
      name: 'passgate_popularity_sketch_fill',
      help: "Share of the popularity sketch's counters that are not zero (0-1); the false-positive rate grows with it (README table). -1: the store could not say.",
      registers: [this.registry],
      async collect() {
        const stats = await read().catch(() => null);
        if (!stats) return; // not configured: the series stays empty
        this.set(stats.fill ?? -1);
        if (stats.errors > reported) errors?.inc(stats.errors - reported);
        reported = stats.errors;
      },
    });
    errors = new Counter({ name: 'passgate_popularity_store_errors_total', help: 'Popularity store failures (commands failed or timed out, connections lost, snapshot writes failed) since start.', registers: [this.registry] });
  }

  async reply(): Promise<Reply> {
    return { status: 200, headers: { 'content-type': this.registry.contentType, 'cache-control': 'no-store' }, body: await this.registry.metrics() };
  }
}
