import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawExchange, rawStatus, startTestServer, type TestServer } from './helpers.js';

// The documented limit (docs/service.md): a request must arrive completely within
// limits.requestTimeoutMs; a slower client is answered 408 and disconnected, checked every
// tenth of the limit. Generous slack here: the bound is behaviour, not a benchmark.
const LIMIT_MS = 600;
const SLACK_MS = 3000;

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ breachedFile: false, limits: { requestTimeoutMs: LIMIT_MS } });
});
afterAll(() => s.close());

it.each([
  ['headers that never finish', 'GET /healthz HTTP/1.1\r\nHost: x\r\n'],
  ['a body that never finishes', 'POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"password":"Slow-Secret-1'],
  ['a request line alone', 'GET /v1/policy'],
])('answers 408 to %s within the limit, and keeps serving others', async (_what, partial) => {
  const started = Date.now();
  const [answer, meanwhile] = await Promise.all([rawExchange(s.url, partial, LIMIT_MS + SLACK_MS), s.get('/healthz')]);
  const elapsed = Date.now() - started;
  expect(meanwhile.status).toBe(200);
  expect(rawStatus(answer)).toBe(408);
  expect(elapsed).toBeLessThan(LIMIT_MS + SLACK_MS);
  expect(answer).not.toContain('Slow-Secret');
  expect(s.lines.join('\n')).not.toContain('Slow-Secret');
});
