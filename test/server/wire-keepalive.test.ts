import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from 'node:net';
import { startTestServer, type TestServer } from './helpers.js';

/**
 * The bytes of a run of requests on ONE keep-alive connection, as a load balancer or a busy
 * client sends them (wire-bytes.test.ts closes the connection after each request), with the log
 * line each one wrote. The request path was reworked for speed after this snapshot was taken
 * (bench/server-overhead.ts: synchronous evaluation, precomputed answer headers): it holds that
 * rework to the same bytes and the same log lines. Normalised as wire-bytes.test.ts does: the Date
 * header, evaluation bodies (checked to be a verdict of the announced length) and the log's time.
 */
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ profile: 'entra', breachedFile: false });
});
afterAll(async () => {
  await s.close();
});

const post = (body: string, headers: readonly string[] = ['content-type: application/json'], encoding: BufferEncoding = 'utf8') =>
  Buffer.from([`POST /v1/evaluate HTTP/1.1`, 'Host: x', ...headers, `content-length: ${Buffer.byteLength(body, encoding)}`, '', body].join('\r\n'), encoding);
const get = (target: string, method = 'GET') => [`${method} ${target} HTTP/1.1`, 'Host: x', '', ''].join('\r\n');
const chunked = (parts: readonly string[]) =>
  ['POST /v1/evaluate HTTP/1.1', 'Host: x', 'content-type: application/json', 'transfer-encoding: chunked', '', ...parts.flatMap((p) => [Buffer.byteLength(p).toString(16), p]), '0', '', ''].join('\r\n');

const REQUESTS: readonly [name: string, raw: string | Buffer][] = [
  ['evaluate', post('{"password":"Winter2020!"}')],
  ['evaluate, another password', post('{"password":"vortex-marmalade-quilting-87"}')],
  ['evaluate, Accept-Language', post('{"password":"abc"}', ['content-type: application/json', 'accept-language: fr-CH, fr;q=0.9'])],
  ['evaluate, locale in the body', post('{"password":"abc","locale":"de"}')],
  ['evaluate, context', post('{"password":"jsmith-2024","context":{"username":"jsmith","extraTerms":["acme"]}}')],
  ['evaluate, empty previousPasswordHashes', post('{"password":"abc","context":{"previousPasswordHashes":[]}}')],
  ['evaluate, chunked body', chunked(['{"password":', '"Summer2024!"}'])],
  ['evaluate, malformed JSON', post('{')],
  ['evaluate, not UTF-8', post('{"password":"\u00c3("}', undefined, 'latin1')],
  ['evaluate, password not a string', post('{"password":42}')],
  ['evaluate, unknown field', post('{"password":"x","pasword":"y"}')],
  ['healthz', get('/healthz')],
  ['evaluate, GET', get('/v1/evaluate')],
  ['unknown path', get('/nope')],
  ['policy, HEAD', get('/v1/policy', 'HEAD')],
  ['evaluate, last', post('{"password":"correct horse battery staple"}')],
];

/** Sends each request once the previous answer is complete; resolves every answer's bytes. */
function exchangeInTurn(url: string, requests: readonly (string | Buffer)[]): Promise<string[]> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const answers: string[] = [];
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`only ${answers.length} answers`));
    }, 10_000);
    const next = () => {
      if (answers.length === requests.length) {
        clearTimeout(timer);
        socket.end();
        resolve(answers);
      } else socket.write(requests[answers.length]!);
    };
    socket.on('connect', next);
    socket.on('error', reject);
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      for (;;) {
        const at = buf.indexOf('\r\n\r\n');
        if (at < 0) return;
        const head = buf.subarray(0, at).toString('latin1');
        const length = Number(/^content-length: (\d+)$/im.exec(head)?.[1] ?? 0);
        // HEAD: the length is announced, no body follows.
        const bodyLength = requests[answers.length]!.toString().startsWith('HEAD ') ? 0 : length;
        if (buf.length < at + 4 + bodyLength) return;
        answers.push(buf.subarray(0, at + 4 + bodyLength).toString('latin1'));
        buf = buf.subarray(at + 4 + bodyLength);
        next();
      }
    });
  });
}

function normalise(raw: string): string {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).split('\r\n').filter((l) => !/^date:/i.test(l));
  const body = raw.slice(at + 4);
  if (head[0]!.startsWith('HTTP/1.1 200') && body.startsWith('{"accepted"')) {
    expect(Buffer.byteLength(body, 'latin1')).toBe(Number(/^content-length: (\d+)$/im.exec(head.join('\n'))?.[1]));
    expect(typeof JSON.parse(Buffer.from(body, 'latin1').toString('utf8')).accepted).toBe('boolean');
    return [...head.map((l) => l.replace(/^(content-length: )\d+$/i, '$1<n>')), '', '<evaluation>'].join('\n');
  }
  return [...head.map((l) => l.replace(/^(etag: ")[^"]*"$/i, '$1<tag>"')), '', body.replace(/"(generation|loadedAt)":("[^"]*"|\d+)/g, '"$1":<$1>')].join('\n');
}

it('answers a run of requests on one keep-alive connection with the same bytes and log lines as before the rework', async () => {
  const before = s.lines.length;
  const answers = await exchangeInTurn(
    s.url,
    REQUESTS.map(([, raw]) => raw),
  );
  const shown = REQUESTS.map(([name], i) => `### ${name}\n${normalise(answers[i]!)}`);
  // The log is written when each answer is finished: wait for the last line.
  await expect.poll(() => s.lines.length - before).toBeGreaterThanOrEqual(REQUESTS.length);
  const log = s.lines.slice(before).map((l) => l.replace(/^\S+ /, '<time> ').replace(/ [\d.]+ms$/, ' <ms>'));
  expect([...shown, '### log', ...log].join('\n\n')).toMatchSnapshot();
});
