import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './helpers.js';

let s: TestServer;
let terms: string;
beforeAll(async () => {
  terms = join(mkdtempSync(join(tmpdir(), 'passgate-metrics-')), 'custom.txt');
  writeFileSync(terms, 'zzzzqqqq\n');
  s = await startTestServer({ customTermsFile: terms });
});
afterAll(() => s.close());

/** The value of one sample line (`name{labels} value`), or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v) && Object.keys(got).length === Object.keys(labels).length) return Number(m[3]);
  }
  return undefined;
}

it('serves Prometheus text with requests by route and status, verdicts, rejection codes and latency', async () => {
  const rejected = (await s.post('/v1/evaluate', JSON.stringify({ password: 'Winter2020!' }))).json.policy.rejectedBy as string[];
  await s.post('/v1/evaluate', JSON.stringify({ password: 'Winter2020!' }));
  expect(rejected.length).toBeGreaterThan(0);
  await s.post('/v1/evaluate', JSON.stringify({ password: 'vortex-marmalade-quilting-87-Ostrich' }));
  await s.post('/v1/evaluate', '{');
  await s.get('/data/MySecretPassw0rd');
  const m = await s.get('/metrics');
  expect(m.status).toBe(200);
  expect(m.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const t = m.text;
  expect(sample(t, 'passgate_http_requests_total', { route: '/v1/evaluate', method: 'POST', status: '200' })).toBe(3);
  expect(sample(t, 'passgate_http_requests_total', { route: '/v1/evaluate', method: 'POST', status: '400' })).toBe(1);
  expect(sample(t, 'passgate_http_requests_total', { route: '/data/{name}', method: 'GET', status: '404' })).toBe(1);
  expect(sample(t, 'passgate_verdicts_total', { verdict: 'rejected' })).toBe(2);
  expect(sample(t, 'passgate_verdicts_total', { verdict: 'accepted' })).toBe(1);
  for (const code of rejected) expect(sample(t, 'passgate_rejections_total', { code }), code).toBe(2);
  expect(sample(t, 'passgate_http_request_duration_seconds_count', { route: '/v1/evaluate' })).toBe(4);
  expect(sample(t, 'passgate_http_request_duration_seconds_bucket', { route: '/v1/evaluate', le: '+Inf' })).toBe(4);
  expect(sample(t, 'passgate_config_generation')).toBe(1);
  expect(t).toContain('process_cpu_seconds_total');
  expect(t).not.toContain('MySecretPassw0rd');
  expect(t).not.toContain('Winter2020');
  expect(t).not.toContain('Ostrich');
});

it('counts reloads and shows the generation and whether the last reload failed', async () => {
  writeFileSync(terms, 'korvath\n');
  expect(await s.server.reload()).toBe(true);
  let t = (await s.get('/metrics')).text;
  expect(sample(t, 'passgate_config_generation')).toBe(2);
  expect(sample(t, 'passgate_reloads_total', { outcome: 'ok' })).toBe(1);
  expect(sample(t, 'passgate_reload_failing')).toBe(0);
  writeFileSync(terms, 'korvath\nab\n');
  expect(await s.server.reload()).toBe(false);
  t = (await s.get('/metrics')).text;
  expect(sample(t, 'passgate_reloads_total', { outcome: 'failed' })).toBe(1);
  expect(sample(t, 'passgate_reload_failing')).toBe(1);
  expect(sample(t, 'passgate_config_generation')).toBe(2);
});
