import { afterAll, beforeAll, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/index.js';
import { startTestServer, type TestServer } from './helpers.js';

// Issue 13, "One verdict": with no settings, `passgate serve` judges exactly as the library's
// default checker does — the same breached data (tier) included.
let s: TestServer;
let library: Checker;
beforeAll(async () => {
  [s, library] = await Promise.all([startTestServer(), createChecker()]);
});
afterAll(() => s.close());

it('describes the same policy as createChecker(), breached tier included', async () => {
  const served = (await s.get('/v1/policy')).json;
  expect(served).toEqual(JSON.parse(JSON.stringify(library.policy())));
});

it('gives the same verdict and reasons as createChecker() for the same passwords', async () => {
  // walterjosephkovacs is in the 1M tier only: the 100k tier the service used to load accepts it.
  const passwords = ['walterjosephkovacs', 'Winter2020!', 'Password1!', 'correct horse battery staple', 'vortex-marmalade-quilting-87-Ostrich', 'abc', 'qwertyuiop123', 'iloveyou2', 'Tr0ub4dor&3', 'zq9#Kv!27pLmx'];
  for (const password of passwords) {
    const served = (await s.post('/v1/evaluate', JSON.stringify({ password }))).json;
    const local = library.evaluate(password);
    expect({ accepted: served.accepted, rejectedBy: served.policy.rejectedBy }, password).toEqual({ accepted: local.accepted, rejectedBy: local.policy.rejectedBy });
  }
  expect(library.evaluate('walterjosephkovacs').policy.rejectedBy).toContain('BREACHED');
});
