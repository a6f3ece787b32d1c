import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from './helpers.js';

let s: TestServer;
let cors: TestServer;
const ORIGIN = 'https://reset.example.com';
beforeAll(async () => {
  [s, cors] = await Promise.all([startTestServer({}, { logFormat: 'json' }), startTestServer({ breachedFile: false, corsOrigin: ORIGIN })]);
});
afterAll(async () => {
  await s.close();
  await cors.close();
});

/** A GET with exactly these headers (fetch() would add and undo its own Accept-Encoding). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('compression', () => {
  it.each(['/', '/page/app.js', '/page/style.css', '/data/names.txt', '/data/global-banned.txt', '/openapi.json'])('serves %s as br or gzip when asked, byte-identical once decoded', async (path) => {
    const url = new URL(path, s.url).href;
    const plain = await rawGet(url, {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('Accept-Encoding');
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(plain.body.length);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    // The client's q-values decide; q=0 refuses.
    expect((await rawGet(url, { 'accept-encoding': 'br;q=0.5, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await rawGet(url, { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();
    // A compressed copy's tag revalidates.
    expect((await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) })).status).toBe(304);
  });

  it('serves the 1.26 MB character model compressed (br or gzip), compressed once and kept', async () => {
    const url = new URL('/data/model-chars.bin', s.url).href;
    const plain = await rawGet(url, {});
    expect(plain.status).toBe(200);
    expect(plain.body.length).toBeGreaterThan(1_000_000);
    expect(plain.headers.vary).toContain('Accept-Encoding');
    for (const [accept, encoding, decode] of [['br, gzip', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync]] as const) {
      const packed = await rawGet(url, { 'accept-encoding': accept });
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.body.length).toBeLessThan(plain.body.length * 0.85);
      expect(decode(packed.body).equals(plain.body)).toBe(true);
      // The second answer comes from the cache: the same bytes, the same tag.
      const again = await rawGet(url, { 'accept-encoding': accept });
      expect(again.body.equals(packed.body)).toBe(true);
      expect(again.headers.etag).toBe(packed.headers.etag);
    }
  }, 60_000);

  it('does not compress the filter (random bits) or the JSON answers', async () => {
    const filter = await rawGet(new URL('/data/breached.pgf', s.url).href, { 'accept-encoding': 'br, gzip' });
    expect(filter.status).toBe(200);
    expect(filter.headers['content-encoding']).toBeUndefined();
    expect((await rawGet(new URL('/healthz', s.url).href, { 'accept-encoding': 'br, gzip' })).headers['content-encoding']).toBeUndefined();
  });
});

describe('structured logs (--log-format json)', () => {
  it('writes one JSON object per request with fixed fields, and never request data', async () => {
    const before = s.lines.length;
    await s.post('/v1/evaluate', JSON.stringify({ password: 'Json-Log-Canary-7' }));
    await s.get('/data/Json-Log-Canary-7');
    const lines = s.lines.slice(before).map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', method: 'POST', route: '/v1/evaluate', status: 200 });
    expect(lines[1]).toMatchObject({ method: 'GET', route: '/data/{name}', status: 404 });
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'status', 'time']);
      expect(typeof l.ms).toBe('number');
      expect(Date.parse(l.time)).not.toBeNaN();
    }
    expect(s.lines.join('\n')).not.toContain('Canary');
  });

  it('writes operational events as JSON too', async () => {
    const before = s.lines.length;
    await s.server.reload();
    const events = s.lines.slice(before).map((l) => JSON.parse(l));
    expect(events.some((e) => e.level === 'info' && /^reloaded \(requested\): generation 2/.test(e.msg))).toBe(true);
  });
});

describe('CORS (--cors-origin)', () => {
  it('allows the configured origin, and only it', async () => {
    const ok = await cors.post('/v1/evaluate', JSON.stringify({ password: 'Winter2020!' }), { 'content-type': 'application/json', origin: ORIGIN });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('vary')).toContain('Origin');
    const other = await cors.post('/v1/evaluate', JSON.stringify({ password: 'Winter2020!' }), { 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the preflight with the route\'s methods', async () => {
    const pre = await cors.request('OPTIONS', '/v1/evaluate', { headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(pre.headers.get('access-control-allow-methods')).toBe('POST');
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    expect((await cors.request('OPTIONS', '/nope', { headers: { origin: ORIGIN, 'access-control-request-method': 'GET' } })).status).toBe(404);
  });

  it('sends no CORS headers and refuses OPTIONS when not configured', async () => {
    const a = await s.post('/v1/evaluate', JSON.stringify({ password: 'x' }), { 'content-type': 'application/json', origin: ORIGIN });
    expect(a.headers.get('access-control-allow-origin')).toBeNull();
    expect((await s.request('OPTIONS', '/v1/evaluate', { headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } })).status).toBe(405);
  });

  it('refuses a malformed origin setting', async () => {
    await expect(startTestServer({ corsOrigin: 'https://a.example/path' })).rejects.toThrow(/'corsOrigin' must be '\*' or an origin/);
  });
});

describe('Accept-Language', () => {
  const warning = async (headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
    (await s.post('/v1/evaluate', JSON.stringify({ password: 'abc', ...extra }), { 'content-type': 'application/json', ...headers })).json.feedback.warning;

  it('chooses the locale when the body names none', async () => {
    const en = await warning({});
    const fr = await warning({}, { locale: 'fr' });
    const de = await warning({}, { locale: 'de' });
    expect(fr).not.toBe(en);
    expect(await warning({ 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' })).toBe(fr);
    expect(await warning({ 'accept-language': 'xx, de;q=0.3' })).toBe(de);
    expect(await warning({ 'accept-language': 'xx-YY' })).toBe(en);
    expect(await warning({ 'accept-language': '*' })).toBe(en);
    expect(await warning({ 'accept-language': 'fr;q=0, de;q=0.1' })).toBe(de);
    // The body wins.
    expect(await warning({ 'accept-language': 'fr' }, { locale: 'de' })).toBe(de);
  });

  it('chooses the same locale when a header comes again (the service keeps its answers)', async () => {
    const headers = ['fr-CH, fr;q=0.9, en;q=0.8', 'xx-YY', '*', 'fr;q=0, de;q=0.1', 'en', 'de-AT', 'ja'];
    const first = [];
    for (const h of headers) first.push(await warning({ 'accept-language': h }));
    for (let round = 0; round < 2; round++) {
      for (const [i, h] of headers.entries()) expect(await warning({ 'accept-language': h }), h).toBe(first[i]);
    }
    // A header seen before still loses to the body.
    expect(await warning({ 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' }, { locale: 'de' })).toBe(await warning({}, { locale: 'de' }));
  });
});
