import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawExchange, startTestServer, type TestServer } from './helpers.js';

/**
 * The bytes the service writes for the requests it answers most and for its edge cases: status
 * line, every header in order, and the body. The request path was reworked for speed (no
 * closure per request, the answer written without an await, the Origin header read only with
 * CORS on: bench/server-overhead.ts); the snapshot was taken from the code before that rework,
 * so it holds the rework to the same bytes. Normalised: the Date header, evaluation bodies (their
 * wording is not this test's subject) and static files (their content and tag) with their
 * lengths, which are checked here to match the bytes sent instead.
 */
let plain: TestServer;
let cors: TestServer;
const ORIGIN = 'https://reset.example.com';
beforeAll(async () => {
  [plain, cors] = await Promise.all([startTestServer({ profile: 'entra', breachedFile: false }), startTestServer({ profile: 'entra', breachedFile: false, corsOrigin: ORIGIN })]);
});
afterAll(async () => {
  await plain.close();
  await cors.close();
});

type Case = readonly [name: string, server: 'plain' | 'cors', method: string, target: string, headers: Record<string, string>, body?: string];
const JSON_TYPE = { 'content-type': 'application/json' };
const CASES: readonly Case[] = [
  ['evaluate', 'plain', 'POST', '/v1/evaluate', JSON_TYPE, '{"password":"Winter2020!"}'],
  ['evaluate, with a query', 'plain', 'POST', '/v1/evaluate?x=1', JSON_TYPE, '{"password":"vortex-marmalade-quilting-87"}'],
  ['evaluate, absolute-form target', 'plain', 'POST', 'http://localhost/v1/evaluate', JSON_TYPE, '{"password":"abc"}'],
  ['evaluate, Accept-Language', 'plain', 'POST', '/v1/evaluate', { ...JSON_TYPE, 'accept-language': 'fr-CH, fr;q=0.9' }, '{"password":"abc"}'],
  ['evaluate, browser headers', 'plain', 'POST', '/v1/evaluate', { ...JSON_TYPE, 'accept-encoding': 'gzip, br', origin: 'https://elsewhere.example' }, '{"password":"abc"}'],
  ['evaluate, malformed JSON', 'plain', 'POST', '/v1/evaluate', JSON_TYPE, '{'],
  ['evaluate, unknown field', 'plain', 'POST', '/v1/evaluate', JSON_TYPE, '{"passwd":"x"}'],
  ['evaluate, body over the limit', 'plain', 'POST', '/v1/evaluate', { ...JSON_TYPE, 'content-length': '99999' }],
  ['evaluate, GET', 'plain', 'GET', '/v1/evaluate', {}],
  ['evaluate, OPTIONS without CORS', 'plain', 'OPTIONS', '/v1/evaluate', {}],
  ['healthz, HEAD', 'plain', 'HEAD', '/healthz', {}],
  ['unknown path', 'plain', 'GET', '/nope', {}],
  ['bad target', 'plain', 'GET', '//x', {}],
  ['unknown method', 'plain', 'BREW', '/v1/evaluate', {}],
  ['data file with a parameter, missing', 'plain', 'GET', '/data/nope.txt', {}],
  ['page stylesheet, gzip', 'plain', 'GET', '/page/style.css', { 'accept-encoding': 'gzip' }],
  ['page stylesheet, identity', 'plain', 'GET', '/page/style.css', {}],
  ['CORS: evaluate from the allowed origin', 'cors', 'POST', '/v1/evaluate', { ...JSON_TYPE, origin: ORIGIN }, '{"password":"abc"}'],
  ['CORS: evaluate from another origin', 'cors', 'POST', '/v1/evaluate', { ...JSON_TYPE, origin: 'https://evil.example' }, '{"password":"abc"}'],
  ['CORS: preflight allowed', 'cors', 'OPTIONS', '/v1/evaluate', { origin: ORIGIN, 'access-control-request-method': 'POST' }],
  ['CORS: preflight refused', 'cors', 'OPTIONS', '/v1/evaluate', { origin: 'https://evil.example', 'access-control-request-method': 'POST' }],
  ['CORS: unknown path', 'cors', 'GET', '/nope', { origin: ORIGIN }],
];

function normalise(raw: string, evaluation: boolean): string {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).split('\r\n').filter((l) => !/^date:/i.test(l));
  let body = raw.slice(at + 4);
  if (evaluation) {
    const length = Number(/^content-length: (\d+)$/im.exec(head.join('\n'))?.[1]);
    expect(Buffer.byteLength(body, 'latin1')).toBe(length);
    expect(typeof JSON.parse(Buffer.from(body, 'latin1').toString('utf8')).accepted).toBe('boolean');
    body = '<evaluation>';
    return [...head.map((l) => l.replace(/^(content-length: )\d+$/i, '$1<n>')), '', body].join('\n');
  }
  // A static file's content (and so its tag and length) is not this test's subject either.
  const file = body.length > 400;
  const shown = head.map((l) => l.replace(/^(etag: ")[^"]*?(-br|-gz)?"$/i, '$1<tag>$2"').replace(/^(content-length: )\d+$/i, file ? '$1<n>' : '$&'));
  if (file) expect(Buffer.byteLength(body, 'latin1')).toBe(Number(/^content-length: (\d+)$/im.exec(head.join('\n'))?.[1]));
  return [...shown, '', file ? '<file>' : body].join('\n');
}

it('writes the same bytes as before the request path was reworked, for each request of the table', async () => {
  const out: string[] = [];
  for (const [name, server, method, target, headers, body] of CASES) {
    const url = (server === 'cors' ? cors : plain).url;
    const lines = [`${method} ${target} HTTP/1.1`, `Host: ${new URL(url).host}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    if (body !== undefined) lines.push(`content-length: ${Buffer.byteLength(body)}`);
    const raw = await rawExchange(url, `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
    const evaluation = method === 'POST' && raw.startsWith('HTTP/1.1 200');
    out.push(`### ${name}\n${normalise(raw, evaluation)}`);
  }
  expect(out.join('\n\n')).toMatchSnapshot();
});
