import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createChecker, type Checker } from '../../src/index.js';
import { Checker as CheckerClass } from '../../src/checker.js';
import { createHandler } from '../../src/fetch.js';
import { startTestServer, type TestServer } from './helpers.js';

// passgate/fetch: the same API routes as `passgate serve`, as a standard Request → Response
// handler, tested with Node's own Request and Response.
let checker: Checker;
let handler: (request: Request) => Promise<Response>;
let s: TestServer;
beforeAll(async () => {
  [checker, s] = await Promise.all([createChecker({ profile: 'entra', breached: false }), startTestServer({ profile: 'entra', breachedFile: false })]);
  handler = createHandler(checker);
});
afterAll(() => s.close());

const call = (path: string, init: RequestInit = {}) => handler(new Request(new URL(path, 'http://passgate.test'), init));
const post = (body: string, headers: Record<string, string> = {}) => call('/v1/evaluate', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('createHandler(checker)', () => {
  it('judges a password exactly as the checker does', async () => {
    for (const password of ['Winter2020!', 'vortex-marmalade-quilting-87-Ostrich', 'abc', 'Korvath#9x']) {
      const res = await post(JSON.stringify({ password }));
      expect(res).toBeInstanceOf(Response);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual(JSON.parse(JSON.stringify(checker.evaluate(password))));
    }
    const fr = await (await post(JSON.stringify({ password: 'abc' }), { 'accept-language': 'fr' })).json();
    expect(fr.feedback.warning).toBe(checker.evaluate('abc', undefined, { locale: 'fr' }).feedback.warning);
  });

  it('answers the API routes with the node server\'s statuses and bodies (one routing core)', async () => {
    const cases: [string, string, RequestInit?][] = [
      ['GET', '/v1/policy'],
      ['GET', '/openapi.json'],
      ['GET', '/nope'],
      ['GET', '/v1/evaluate'],
      ['DELETE', '/v1/policy'],
      ['POST', '/v1/evaluate', { body: '{', headers: { 'content-type': 'application/json' } }],
      ['POST', '/v1/evaluate', { body: JSON.stringify({ password: 'x'.repeat(20_000) }), headers: { 'content-type': 'application/json' } }],
      ['POST', '/v1/evaluate', { body: JSON.stringify({ password: 'Winter2020!', context: { firstName: 'Winter' } }), headers: { 'content-type': 'application/json' } }],
      ['POST', '/v1/evaluate', { body: JSON.stringify({ password: 'x', extra: 1 }), headers: { 'content-type': 'application/json' } }],
    ];
    for (const [method, path, given] of cases) {
      // Identity on both sides: compression is the node server's (a runtime adds its own).
      const init = { ...given, headers: { ...(given?.headers as Record<string, string>), 'accept-encoding': 'identity' } };
      const a = await call(path, { ...init, method });
      const b = await s.request(method, path, init);
      expect(a.status, `${method} ${path}`).toBe(b.status);
      expect(a.headers.get('allow'), `${method} ${path}`).toBe(b.headers.get('allow'));
      expect(a.headers.get('etag'), `${method} ${path}`).toBe(b.headers.get('etag'));
      expect(await a.text(), `${method} ${path}`).toBe(b.text);
    }
    const health = await (await call('/healthz')).json();
    expect(health).toMatchObject({ status: 'ok', generation: 1, profile: 'entra' });
  });

  it('answers HEAD without a body, 304 on a matching tag, 413 on a large streamed body', async () => {
    const get = await call('/v1/policy');
    const head = await call('/v1/policy', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('content-length')).toBe(String((await get.arrayBuffer()).byteLength));
    expect((await call('/v1/policy', { headers: { 'if-none-match': get.headers.get('etag')! } })).status).toBe(304);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode('y'.repeat(1024)));
        c.close();
      },
    });
    const big = await call('/v1/evaluate', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(big.status).toBe(413);
  });

  it('answers 500 with a generic body when the checker throws, and keeps working', async () => {
    // The route calls evaluate, or evaluateAsync when the checker needs it: either one throws.
    const spy = vi.spyOn(CheckerClass.prototype, 'evaluateAsync').mockImplementationOnce(async () => {
      throw new Error('boom Fetch-Canary');
    });
    const spySync = vi.spyOn(CheckerClass.prototype, 'evaluate').mockImplementationOnce(() => {
      throw new Error('boom Fetch-Canary');
    });
    try {
      const res = await post(JSON.stringify({ password: 'Fetch-Canary' }));
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
    } finally {
      spy.mockRestore();
      spySync.mockRestore();
    }
    expect((await post(JSON.stringify({ password: 'x' }))).status).toBe(200);
  });

  it('takes a CORS origin', async () => {
    const h = createHandler(checker, { corsOrigin: 'https://reset.example.com' });
    const pre = await h(new Request('http://x/v1/evaluate', { method: 'OPTIONS', headers: { origin: 'https://reset.example.com', 'access-control-request-method': 'POST' } }));
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://reset.example.com');
  });

  it('reaches no Node built-in (it runs in workers, Deno, Bun and browsers)', async () => {
    const out = await build({ entryPoints: [fileURLToPath(new URL('../../src/fetch.ts', import.meta.url))], bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent' });
    expect(out.errors).toEqual([]);
    expect(out.outputFiles[0]!.text).not.toMatch(/from\s*["']node:/);
  });
});
