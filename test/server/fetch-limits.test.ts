/**
 * Bounds on what one request can cost (issue 20 item 8): the fetch handler answers 408 to a body
 * that stalls or drips slower than its deadline (the node server already does, timeouts.test.ts),
 * and both transports read an Accept-Language (and the node server an Accept-Encoding) only up to
 * 256 bytes: a longer one is ignored before any parsing, as if absent. What each cost before is
 * in bench/header-cost.ts's figures (the commit message and the README's security section).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { createChecker, type Checker } from '../../src/index.js';
import { createHandler } from '../../src/fetch.js';
import { startTestServer, type TestServer } from './helpers.js';

let checker: Checker;
let s: TestServer;
beforeAll(async () => {
  [checker, s] = await Promise.all([createChecker({ profile: 'entra', breached: false }), startTestServer({ profile: 'entra', breachedFile: false })]);
});
afterAll(() => s.close());

const enc = new TextEncoder();
/** A body stream: `first` at once, then one byte every `dripMs` (never: stalls), never closed. */
function slowBody(first: string, dripMs: number | null): { stream: ReadableStream<Uint8Array>; stop: () => void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(enc.encode(first));
      if (dripMs !== null) timer = setInterval(() => c.enqueue(enc.encode(' ')), dripMs);
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return { stream, stop: () => clearInterval(timer) };
}
/** The answer, or 'no answer' when none came within `ms` (the handler would hang forever). */
const within = <T>(p: Promise<T>, ms: number): Promise<T | 'no answer'> =>
  Promise.race([p, new Promise<'no answer'>((r) => setTimeout(() => r('no answer'), ms))]);

describe('fetch handler: a time limit on the body', () => {
  it.each([
    ['stalls after the first bytes', null],
    ['drips a byte every 50 ms', 50],
  ] as const)('a body that %s is answered 408, with no request data in the answer', async (_what, drip) => {
    const handler = createHandler(checker, { bodyTimeoutMs: 300 });
    const { stream, stop } = slowBody('{"password":"Slow-Secret-1', drip);
    try {
      const res = await within(handler(new Request('http://x/v1/evaluate', { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit)), 8000);
      expect(res).not.toBe('no answer');
      const r = res as Response;
      expect(r.status).toBe(408);
      const text = await r.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'REQUEST_TIMEOUT', message: 'the request body did not arrive within 300 ms' } });
      expect(text).not.toContain('Slow-Secret');
      expect(r.headers.get('connection')).toBe('close');
    } finally {
      stop();
    }
  });

  it('a body that arrives in time is served as before; the default limit is 10 s', async () => {
    const handler = createHandler(checker);
    const res = await handler(new Request('http://x/v1/evaluate', { method: 'POST', body: JSON.stringify({ password: 'Winter2020!' }) }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(checker.evaluate('Winter2020!'))));
  });

  it.each([0, -1, 1.5, 600_001, Number.NaN, '10' as unknown as number])('refuses bodyTimeoutMs %s', (v) => {
    expect(() => createHandler(checker, { bodyTimeoutMs: v })).toThrow(RangeError);
    expect(() => createHandler(checker, { bodyTimeoutMs: v })).toThrow(/bodyTimeoutMs/);
  });
});

describe('Accept-Language longer than 256 bytes is ignored (both transports)', () => {
  const handler = () => createHandler(checker);
  const frFirst = (bytes: number) => {
    let h = 'fr';
    for (let i = 0; h.length < bytes; i++) h += `, x${i % 10}${String.fromCharCode(97 + (i % 26))};q=0.1`;
    return h.slice(0, bytes).replace(/ $/, 'x'); // a header's trailing space would be trimmed
  };
  const answerLocale = async (lang: string, via: 'fetch' | 'node'): Promise<string> => {
    const body = JSON.stringify({ password: 'abc' });
    const json =
      via === 'fetch'
        ? await (await handler()(new Request('http://x/v1/evaluate', { method: 'POST', body, headers: { 'accept-language': lang } }))).json()
        : (await s.post('/v1/evaluate', body, { 'content-type': 'application/json', 'accept-language': lang })).json;
    const fr = checker.evaluate('abc', undefined, { locale: 'fr' }).feedback.warning;
    const en = checker.evaluate('abc').feedback.warning;
    expect([fr, en]).toContain(json.feedback.warning);
    return json.feedback.warning === fr ? 'fr' : 'en';
  };
  it.each(['fetch', 'node'] as const)('%s: 256 bytes are read, 257 or 8 KiB are not (the default locale answers)', async (via) => {
    expect(await answerLocale('fr', via)).toBe('fr');
    expect(await answerLocale(frFirst(256), via)).toBe('fr');
    expect(await answerLocale(frFirst(257), via)).toBe('en');
    expect(await answerLocale(frFirst(8 * 1024), via)).toBe('en');
  });

  it('the body locale still wins, whatever the header', async () => {
    const res = await handler()(new Request('http://x/v1/evaluate', { method: 'POST', body: JSON.stringify({ password: 'abc', locale: 'fr' }), headers: { 'accept-language': frFirst(4096) } }));
    expect((await res.json()).feedback.warning).toBe(checker.evaluate('abc', undefined, { locale: 'fr' }).feedback.warning);
  });
});

describe('node server: an Accept-Encoding longer than 256 bytes is ignored (identity)', () => {
  const get = (ae: string) =>
    new Promise<{ encoding: string | undefined; status: number }>((resolve, reject) => {
      httpRequest(new URL('/openapi.json', s.url), { headers: { 'accept-encoding': ae } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], status: res.statusCode ?? 0 }));
      })
        .on('error', reject)
        .end();
    });
  it('br at 256 bytes, identity past them', async () => {
    const pad = (n: number) => ('br' + ', x-unknown;q=0.1'.repeat(40)).slice(0, n);
    expect(await get(pad(256))).toEqual({ encoding: 'br', status: 200 });
    expect(await get(pad(257))).toEqual({ encoding: undefined, status: 200 });
  });
});
