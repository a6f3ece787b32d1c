import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.js';

// Distinctive, so a hit anywhere can only be a leak.
const SECRETS = ['Zq9!LeakCanary-Alpha', 'Mx7#LeakCanary-Bravo', 'Pv3$LeakCanary-Charlie', 'Wy5%LeakCanary-Delta', 'Rb8&LeakCanary-Echo'];

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

it('never writes a password into a log line or an error body, whatever the request', async () => {
  const [a, b, c, d, e] = SECRETS as [string, string, string, string, string];
  const bodies: string[] = [];
  const send = async (method: string, path: string, body?: string) => {
    const r = await s.request(method, path, body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } });
    bodies.push(r.text);
    return r.status;
  };
  expect(await send('POST', '/v1/evaluate', JSON.stringify({ password: a }))).toBe(200);
  expect(await send('POST', '/v1/evaluate', JSON.stringify({ password: a, context: { firstName: 'Leaky', email: 'leaky@example.com' } }))).toBe(200);
  expect(await send('POST', '/v1/evaluate', `{"password": "${b}"`)).toBe(400); // malformed
  expect(await send('POST', '/v1/evaluate', `{"password": "${b}", }`)).toBe(400); // trailing comma
  expect(await send('POST', '/v1/evaluate', JSON.stringify({ passwd: c }))).toBe(400); // misspelt field
  expect(await send('POST', '/v1/evaluate', JSON.stringify({ [c]: 1, password: 'x' }))).toBe(400); // the password as a key
  expect(await send('POST', '/v1/evaluate', JSON.stringify({ password: [d] }))).toBe(400); // wrong type
  expect(await send('POST', '/v1/evaluate', JSON.stringify({ password: d, context: { firstName: [d] } }))).toBe(400);
  expect(await send('POST', '/v1/evaluate', JSON.stringify({ password: d + 'x'.repeat(20_000) }))).toBe(413);
  expect(await send('GET', `/v1/evaluate?password=${encodeURIComponent(e)}`)).toBe(405); // in a query
  expect(await send('GET', `/${encodeURIComponent(e)}`)).toBe(404); // in a path
  expect(await send('GET', `/v1/policy?password=${encodeURIComponent(e)}`)).toBe(200);
  expect(await send('POST', `/v1/evaluate?password=${encodeURIComponent(e)}`, JSON.stringify({ password: e }))).toBe(200);

  const logged = s.lines.join('\n');
  expect(s.lines.length).toBeGreaterThanOrEqual(13);
  for (const secret of SECRETS) {
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain(encodeURIComponent(secret));
    // A fragment too: a truncated echo is still a leak.
    expect(logged).not.toContain('LeakCanary');
    for (const body of bodies) expect(body).not.toContain(secret);
  }
  for (const body of bodies) expect(body).not.toContain('LeakCanary');
});

it('logs exactly one line per request and never a body', async () => {
  const before = s.lines.length;
  await Promise.all(Array.from({ length: 20 }, (_, i) => s.post('/v1/evaluate', JSON.stringify({ password: `Bulk-${i}-LeakCanary` }))));
  const lines = s.lines.slice(before);
  expect(lines).toHaveLength(20);
  for (const line of lines) expect(line).toMatch(/^\S+ POST \/v1\/evaluate 200 \d+\.\dms$/);
});
