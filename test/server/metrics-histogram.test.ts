import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Histogram, Registry } from 'prom-client';
import { LATENCY_BUCKETS, loadServiceMetrics } from '../../src/server/metrics.js';

/**
 * The service counts request latencies itself and hands them to prom-client at scrape time
 * (metrics.ts). Oracle: a prom-client Histogram fed the same observations with its own observe()
 * must print the same exposition text.
 */
const NAME = 'passgate_http_request_duration_seconds';

async function both(observations: readonly (readonly [string, number])[]): Promise<[string, string]> {
  const metrics = await loadServiceMetrics(1);
  const oracleRegistry = new Registry();
  const oracle = new Histogram({
    name: NAME,
    help: 'Time from the request to the answer written, by route template.',
    labelNames: ['route'],
    buckets: [...LATENCY_BUCKETS],
    registers: [oracleRegistry],
  });
  for (const [route, seconds] of observations) {
    metrics.request({ route, method: 'POST', reply: { status: 200 } }, 200, seconds);
    oracle.observe({ route }, seconds);
  }
  return [await metrics.registry.getSingleMetricAsString(NAME), await oracleRegistry.getSingleMetricAsString(NAME)];
}

describe('request latency histogram', () => {
  it.each<[string, (readonly [string, number])[]]>([
    ['nothing observed', []],
    ['one request', [['/v1/evaluate', 0.004]]],
    ['every bound exactly, and past the last', [...LATENCY_BUCKETS.map((b) => ['/v1/evaluate', b] as const), ['/v1/evaluate', 10.5], ['/v1/evaluate', 0]]],
    ['several routes, interleaved', [['/v1/evaluate', 0.0001], ['/healthz', 0.02], ['/v1/evaluate', 0.3], ['(unknown path)', 12], ['/healthz', 0.0005]]],
  ])('prints what prom-client would: %s', async (_name, observations) => {
    const [ours, theirs] = await both(observations);
    expect(ours).toBe(theirs);
  });

  it('prints what prom-client would, for any latencies and routes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('/v1/evaluate', '/healthz', '/data/{name}'), fc.double({ min: 0, max: 20, noNaN: true })), { maxLength: 60 }), async (observations) => {
        const [ours, theirs] = await both(observations);
        expect(ours).toBe(theirs);
      }),
      { numRuns: 60 },
    );
  });
});
