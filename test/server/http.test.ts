import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { evaluateBody, startTestServer, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('POST /v1/evaluate', () => {
  it('answers 200 with the verdict and reasons', async () => {
    const a = await s.post('/v1/evaluate', evaluateBody('Winter2020!'));
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
    expect(a.headers.get('cache-control')).toBe('no-store');
    expect(a.json.accepted).toBe(false);
    expect(a.json.findings.length).toBeGreaterThan(0);
    expect(a.json.policy.rejectedBy.length).toBeGreaterThan(0);
    expect(a.text).not.toContain('Winter2020!');
  });

  it('accepts a strong passphrase', async () => {
    const a = await s.post('/v1/evaluate', evaluateBody('vortex-marmalade-quilting-87-Ostrich'));
    expect(a.status).toBe(200);
    expect(a.json.accepted).toBe(true);
  });

  it('uses the context and the per-call locale', async () => {
    const ctx = await s.post('/v1/evaluate', evaluateBody('Bartholomew#2024', { context: { firstName: 'Bartholomew' } }));
    expect(ctx.json.accepted).toBe(false);
    expect(ctx.json.findings.map((f: { code: string }) => f.code)).toContain('CONTEXT_TERM');
    const en = await s.post('/v1/evaluate', evaluateBody('abc'));
    const fr = await s.post('/v1/evaluate', evaluateBody('abc', { locale: 'fr' }));
    expect(fr.json.accepted).toBe(en.json.accepted);
    expect(fr.json.feedback.warning).not.toBe(en.json.feedback.warning);
  });

  it('answers 400 for malformed JSON with a reason that does not echo the body', async () => {
    const a = await s.post('/v1/evaluate', '{"password": "Unclosed-Secret-77');
    expect(a.status).toBe(400);
    expect(a.json.error.code).toBe('MALFORMED_JSON');
    expect(a.json.error.message).toMatch(/not valid JSON/);
    expect(a.text).not.toContain('Unclosed-Secret-77');
  });

  it('answers 400 for invalid UTF-8', async () => {
    const a = await s.post('/v1/evaluate', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(a.status).toBe(400);
    expect(a.json.error.code).toBe('MALFORMED_JSON');
  });

  it.each([
    ['a missing password', '{}', /'password' is required/],
    ['a numeric password', '{"password": 12345678}', /must be a string/],
    ['a null password', '{"password": null}', /must be a string/],
    ['an array body', '["x"]', /JSON object/],
    ['a string body', '"just a string"', /JSON object/],
    ['a non-object context', '{"password":"x","context":"Bob"}', /'context' must be an object/],
    ['a non-string context field', '{"password":"x","context":{"firstName":7}}', /'context.firstName' must be a string/],
    ['an unknown context field', '{"password":"x","context":{"shoeSize":"44"}}', /unknown field in 'context'/],
    ['an unknown top-level field', '{"password":"x","Hidden-Key-Secret":1}', /unknown field in the body/],
    ['a non-string locale', '{"password":"x","locale":5}', /'locale' must be a string/],
  ])('answers 400 for %s', async (_what, body, reason) => {
    const a = await s.post('/v1/evaluate', body);
    expect(a.status).toBe(400);
    expect(a.json.error.message).toMatch(reason);
    expect(a.text).not.toContain('Hidden-Key-Secret');
  });

  it('evaluates an empty password (a string) rather than refusing it', async () => {
    const a = await s.post('/v1/evaluate', evaluateBody(''));
    expect(a.status).toBe(200);
    expect(a.json.accepted).toBe(false);
  });

  it('answers 413 for a body over 16 KiB (declared length)', async () => {
    const a = await s.post('/v1/evaluate', evaluateBody('x'.repeat(17 * 1024)));
    expect(a.status).toBe(413);
    expect(a.json.error.code).toBe('BODY_TOO_LARGE');
  });

  it('answers 413 for a chunked body that grows over the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(new URL('/v1/evaluate', s.url), { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"password":"');
      for (let i = 0; i < 20; i++) req.write('y'.repeat(1024));
      req.end('"}');
    });
    expect(status).toBe(413);
  });

  it('accepts a body just under the limit', async () => {
    const a = await s.post('/v1/evaluate', evaluateBody('z'.repeat(16 * 1024 - 20)));
    expect(a.status).toBe(200);
    expect(a.json.findings.map((f: { code: string }) => f.code)).toContain('TOO_LONG');
  });
});

describe('other endpoints', () => {
  it('GET /v1/policy describes the policy in force', async () => {
    const a = await s.get('/v1/policy');
    expect(a.status).toBe(200);
    expect(a.json.profile).toBe('recommended');
    expect(a.json.minLength).toBe(8);
    const again = await s.get('/v1/policy', { 'if-none-match': a.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('GET /healthz reports the generation', async () => {
    const a = await s.get('/healthz');
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ status: 'ok', generation: 1 });
  });

  it('serves the page with a strict CSP and its assets', async () => {
    const page = await s.get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.text).toContain('data-verdict="pending"');
    const js = await s.get('/page/app.js');
    expect(js.status).toBe(200);
    expect(js.text).toContain("from '../dist/browser.js'");
    expect((await s.get('/page/style.css')).status).toBe(200);
    const cfg = await s.get('/page/config.json');
    expect(cfg.json.options.profile).toBe('recommended');
  });

  it('serves the filter it judges with, and the shipped lists', async () => {
    const cfg = (await s.get('/page/config.json')).json;
    if (cfg.breached === null) return; // data/ not built: the service runs without a filter
    const f = await s.request('GET', cfg.breached.url);
    expect(f.status).toBe(200);
    expect(f.headers.get('cache-control')).toContain('immutable');
    expect((await s.get('/data/breached.pgf')).headers.get('cache-control')).toBe('no-cache');
    expect((await s.get('/data/global-banned.txt')).status).toBe(200);
    // The page verifies every data file against the manifest: it is served with them.
    expect((await s.get('/data/manifest.json')).status).toBe(200);
  });

  it('refuses files outside the allow-lists with 404', async () => {
    for (const p of ['/data/breached-1m.pgf', '/data/build-info.json', '/data/..%2Fpackage.json', '/dist/cli.js', '/dist/..%2F..%2Fpackage.json', '/dist/index.cjs']) {
      expect((await s.get(p)).status, p).toBe(404);
    }
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const a = await s.get('/v1/evaluate');
    expect(a.status).toBe(405);
    expect(a.headers.get('allow')).toBe('POST');
    const b = await s.request('DELETE', '/healthz');
    expect(b.status).toBe(405);
    expect(b.headers.get('allow')).toBe('GET, HEAD');
    expect((await s.post('/v1/policy', '{}')).status).toBe(405);
  });

  it('answers HEAD on every GET route with the GET answer\'s status and headers and no body', async () => {
    for (const path of ['/v1/policy', '/healthz', '/openapi.json', '/', '/page/app.js', '/page/style.css', '/page/config.json', '/data/names.txt', '/data/breached.pgf', '/data/nope.txt']) {
      const get = await s.get(path);
      const head = await s.request('HEAD', path);
      expect(head.status, path).toBe(get.status);
      expect(head.text, path).toBe('');
      for (const h of ['content-type', 'content-length', 'etag', 'cache-control']) expect(head.headers.get(h), `${path} ${h}`).toBe(get.headers.get(h));
    }
    const etag = (await s.get('/v1/policy')).headers.get('etag')!;
    expect((await s.request('HEAD', '/v1/policy', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const post = await s.request('HEAD', '/v1/evaluate');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('POST');
  });

  it('answers 404 for an unknown path', async () => {
    const a = await s.get('/v2/evaluate');
    expect(a.status).toBe(404);
    expect(a.json.error.code).toBe('NOT_FOUND');
  });

  it('writes one access-log line per request: method, path, status, time', async () => {
    const before = s.lines.length;
    await s.get('/healthz');
    await s.get('/nope');
    const lines = s.lines.slice(before);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\S+ GET \/healthz 200 \d+\.\dms$/);
    expect(lines[1]).toMatch(/^\S+ GET \(unknown path\) 404 \d+\.\dms$/);
  });
});
