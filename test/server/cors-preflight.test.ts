/**
 * A CORS preflight from an origin the service does not allow (issue 20 item 12) is refused with
 * 403, no Access-Control-Allow-* header and a short text body, on both transports: the browser
 * then reports a failed preflight with its status instead of a 204 that looked like success.
 * The allowed origin and `*` are answered 204 as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { createHandler } from '../../src/fetch.js';
import { startTestServer, type TestServer } from './helpers.js';

const ALLOWED = 'https://reset.example.com';
let named: TestServer;
let star: TestServer;
let handlers: { named: (r: Request) => Promise<Response>; star: (r: Request) => Promise<Response> };
beforeAll(async () => {
  const checker = await createChecker({ profile: 'entra', breached: false });
  handlers = { named: createHandler(checker, { corsOrigin: ALLOWED }), star: createHandler(checker, { corsOrigin: '*' }) };
  [named, star] = await Promise.all([
    startTestServer({ profile: 'entra', breachedFile: false, corsOrigin: ALLOWED }),
    startTestServer({ profile: 'entra', breachedFile: false, corsOrigin: '*' }),
  ]);
});
afterAll(async () => {
  await named.close();
  await star.close();
});

interface Seen { status: number; headers: Headers; text: string }
const preflight = async (via: 'node' | 'fetch', which: 'named' | 'star', headers: Record<string, string>): Promise<Seen> => {
  if (via === 'node') {
    const a = await (which === 'named' ? named : star).request('OPTIONS', '/v1/evaluate', { headers });
    return { status: a.status, headers: a.headers, text: a.text };
  }
  const r = await handlers[which](new Request('http://x/v1/evaluate', { method: 'OPTIONS', headers }));
  return { status: r.status, headers: r.headers, text: await r.text() };
};
const acHeaders = (h: Headers): string[] => {
  const out: string[] = [];
  h.forEach((_v, k) => k.startsWith('access-control-') && out.push(k));
  return out;
};

describe.each(['node', 'fetch'] as const)('CORS preflight (%s)', (via) => {
  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['the allowed origin on another scheme', { origin: 'http://reset.example.com' }],
    ['the literal null origin', { origin: 'null' }],
    ['no Origin header', {}],
  ])('from %s: 403, no Access-Control-Allow-* header, a text body saying why', async (_n, origin) => {
    const r = await preflight(via, 'named', { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
    expect(r.status).toBe(403);
    expect(acHeaders(r.headers)).toEqual([]);
    expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(r.headers.get('vary')).toContain('Origin');
    expect(r.text).toBe('CORS: this origin is not allowed to call this service (see --cors-origin / corsOrigin).\n');
    // The request's origin is not quoted back.
    expect(r.text).not.toContain('evil');
  });

  it('from the allowed origin, or any origin with `*`: 204 as before', async () => {
    const ok = await preflight(via, 'named', { origin: ALLOWED, 'access-control-request-method': 'POST' });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-methods')).toBe('POST');
    const any = await preflight(via, 'star', { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    expect(any.status).toBe(204);
    expect(any.headers.get('access-control-allow-origin')).toBe('*');
  });
});
