import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type TestServer } from './helpers.js';
import { isoNow } from '../../src/server/logger.js';

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

describe('access-log lines name fixed routes only (issue 10, item 5a)', () => {
  it.each(['/data/MySecretPassw0rd', '/dist/MySecretPassw0rd.js', '/dist/browserMySecretPassw0rd.js', '/data/MySecretPassw0rd?v=MySecretPassw0rd', '/MySecretPassw0rd'])(
    'logs %s without its path',
    async (path) => {
      const before = s.lines.length;
      expect((await s.get(path)).status).toBe(404);
      const lines = s.lines.slice(before);
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain('MySecretPassw0rd');
      expect(lines[0]).toMatch(/^\S+ GET (\/data\/\{name\}|\/dist\/\{file\}|\(unknown path\)) 404 \d+\.\dms$/);
    },
  );

  it('never logs anything of a random path, query or header value', async () => {
    // A marker that cannot occur in a log line by chance, wrapped in arbitrary path characters.
    const piece = fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,12}$/);
    const prefix = fc.constantFrom('/', '/data/', '/dist/', '/dist/browser', '/v1/', '/page/', '/healthz/', '/v1/policy/');
    await fc.assert(
      fc.asyncProperty(prefix, piece, piece, piece, fc.boolean(), async (pre, a, b, h, post) => {
        const marker = `Qx${a.replace(/%/g, '')}Canary${b.replace(/%/g, '')}`;
        const before = s.lines.length;
        const path = `${pre}${encodeURIComponent(marker)}?q=${encodeURIComponent(marker)}`;
        const init = { headers: { 'x-note': `${marker}${h.replace(/[^A-Za-z0-9]/g, '')}`, 'content-type': 'application/json' } };
        await s.request(post ? 'POST' : 'GET', path, post ? { ...init, body: JSON.stringify({ password: marker }) } : init);
        await s.request('GET', `/v1/policy?${encodeURIComponent(marker)}=${encodeURIComponent(marker)}`, init);
        const logged = s.lines.slice(before).join('\n');
        expect(logged).not.toContain('Canary');
        expect(logged).not.toContain(encodeURIComponent(marker));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the log timestamp', () => {
  // isoNow formats the second once and appends the milliseconds: it must equal toISOString for
  // every instant, including across seconds, before 1970 and in six-digit years.
  it('is toISOString of the instant, whatever the order of the instants', () => {
    const instant = fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
    );
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 20 }), (instants) => {
        for (const t of instants) expect(isoNow(t)).toBe(new Date(t).toISOString());
      }),
      { numRuns: 2000 },
    );
  });
  it('is right at the edges of a second', () => {
    for (const t of [0, 999, 1000, 1001, -1, -999, -1000, -1001, Date.UTC(2026, 11, 8, 3, 59, 59, 999), Date.UTC(2026, 11, 8, 4)]) {
      expect(isoNow(t)).toBe(new Date(t).toISOString());
    }
  });
});
