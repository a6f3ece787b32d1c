import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Hono } from 'hono';
import { createChecker, type Checker } from '../../src/index.js';
import { createHandler } from '../../src/fetch.js';
import { MAX_BASE_PATH_LENGTH, stripBasePath } from '../../src/server/base-path.js';

// createHandler(checker, { basePath }) mounted in a real Hono app the way its docs mount a
// fetch handler: app.all('/api/password/*', (c) => handler(c.req.raw)).
let checker: Checker;
let app: Hono;
beforeAll(async () => {
  checker = await createChecker({ profile: 'entra', breached: false });
  const handler = createHandler(checker, { basePath: '/api/password' });
  app = new Hono();
  app.get('/', (c) => c.text('home'));
  app.all('/api/password/*', (c) => handler(c.req.raw));
  app.all('/api/password', (c) => handler(c.req.raw));
});

const req = (path: string, init: RequestInit = {}) => app.request(`http://app.test${path}`, init);
const evaluate = (path: string, password: string) =>
  req(path, { method: 'POST', body: JSON.stringify({ password }), headers: { 'content-type': 'application/json' } });

describe('createHandler(checker, { basePath }) under Hono', () => {
  it('answers the API under the prefix, as the checker judges', async () => {
    for (const password of ['Winter2020!', 'vortex-marmalade-quilting-87-Ostrich']) {
      const res = await evaluate('/api/password/v1/evaluate', password);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(JSON.parse(JSON.stringify(checker.evaluate(password))));
    }
    expect((await req('/api/password/v1/policy')).status).toBe(200);
    expect(await (await req('/api/password/healthz')).json()).toMatchObject({ status: 'ok' });
    expect((await req('/api/password/v1/policy', { method: 'DELETE' })).status).toBe(405);
    expect((await req('/')).status).toBe(200);
  });

  it('answers 404 outside the prefix and for unprefixed API paths', async () => {
    const handler = createHandler(checker, { basePath: '/api/password' });
    const direct = (path: string, init?: RequestInit) => handler(new Request(`http://app.test${path}`, init));
    const table: [string, number][] = [
      ['/v1/policy', 404],
      ['/api/v1/policy', 404],
      ['/api/passwordv1/policy', 404],
      ['/api/passwords/v1/policy', 404],
      ['/api/password', 404],
      ['/api/password/', 404],
      ['/api/password/nope', 404],
      ['/API/password/v1/policy', 404],
      ['/api/password/v1/policy', 200],
      ['/api/password/v1/policy?x=1', 200],
    ];
    for (const [path, status] of table) expect((await direct(path)).status, path).toBe(status);
    // Through Hono too: a sibling route is not the handler's to answer.
    expect((await evaluate('/api/v1/evaluate', 'Winter2020!')).status).toBe(404);
    expect((await evaluate('/api/password/../v1/evaluate', 'Winter2020!')).status).toBe(404);
  });

  it("names the prefix as the OpenAPI document's server; the root handler's says /", async () => {
    const doc = await (await req('/api/password/openapi.json')).json();
    expect(doc.servers).toEqual([{ url: '/api/password' }]);
    expect(Object.keys(doc.paths)).toContain('/v1/evaluate');
    const root = await (await createHandler(checker)(new Request('http://x/openapi.json'))).json();
    expect(root.servers).toEqual([{ url: '/' }]);
    expect({ ...root, servers: null }).toEqual({ ...doc, servers: null });
    expect((await createHandler(checker, { basePath: '/' })(new Request('http://x/v1/policy'))).status).toBe(200);
  });

  it('refuses a malformed basePath when the handler is made', () => {
    const bad = ['api', '/api/', '//', '/api//x', '/a/../b', '/a/./b', '/..', '/a?b', '/a#b', '/a b', '/a\\b', '', '/' + 'a'.repeat(MAX_BASE_PATH_LENGTH)];
    for (const basePath of bad) expect(() => createHandler(checker, { basePath }), JSON.stringify(basePath)).toThrow(/basePath/);
    expect(() => createHandler(checker, { basePath: 42 as unknown as string })).toThrow(TypeError);
    for (const basePath of ['/', '/api', '/api/password', '/v1.2/pass_gate', '/%7Euser']) expect(() => createHandler(checker, { basePath })).not.toThrow();
  });

  it('strips a prefix only on whole segments (property, against a naive split)', () => {
    const seg = fc.stringMatching(/^[a-z]{1,4}$/);
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 3 }), fc.array(seg, { maxLength: 4 }), (base, path) => {
        const basePath = '/' + base.join('/');
        const pathname = '/' + path.join('/');
        const parts = path.length === 0 ? [] : path;
        const inside = parts.length >= base.length && base.every((s, i) => parts[i] === s);
        const expected = inside ? '/' + parts.slice(base.length).join('/') : null;
        expect(stripBasePath(pathname, basePath)).toBe(expected);
      }),
    );
  });
});
